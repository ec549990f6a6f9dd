// End to end, Socket Mode: the real Bolt SocketModeReceiver. The fake Slack Web API answers
// apps.connections.open with a ws:// URL on loopback, where a minimal WebSocket server says hello,
// sends envelopes and records the client's acks. Then the socket is dropped and the client must
// reconnect (calling apps.connections.open again) and keep answering.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SocketModeConfig } from '../../src/config.js';
import { createSlackApp } from '../../src/slack/app.js';
import type { ParamCountSlackApp } from '../../src/slack/app.js';
import { captureLogger } from '../helpers/capture-logger.js';
import { ensureBuilt } from '../helpers/build.js';
import { startFakeSlack } from '../helpers/fake-slack.js';
import type { FakeSlack } from '../helpers/fake-slack.js';
import type { MiniWebSocket } from '../helpers/mini-websocket.js';
import { eventCallback, messageText, slashCommandBody } from '../helpers/slack-requests.js';

const APP_TOKEN = 'xapp-1-A0001-1234-testapptoken';
const BOT_TOKEN = 'xoxb-1111-2222-testbottoken';

let fake: FakeSlack;
let slack: ParamCountSlackApp;
let logLines: string[];

const isAck = (id: string) => (m: unknown) =>
  typeof m === 'object' && m !== null && (m as { envelope_id?: unknown }).envelope_id === id;

/** A slash command is acked first (the envelope), then answered at its response_url. */
async function commandAnswer(
  ws: MiniWebSocket,
  envelopeId: string,
  responseId: string,
  timeoutMs?: number,
): Promise<Record<string, unknown>> {
  const ack = (await ws.waitForMessage(isAck(envelopeId), timeoutMs)) as { envelope_id: string };
  expect(ack.envelope_id).toBe(envelopeId);
  return (await fake.waitForResponse(responseId, timeoutMs)).body;
}

function sendSlashCommand(
  ws: MiniWebSocket,
  envelopeId: string,
  command: string,
  text: string,
  responseId: string,
): void {
  ws.send({
    envelope_id: envelopeId,
    type: 'slash_commands',
    payload: slashCommandBody(command, text, fake.responseUrl(responseId)),
    accepts_response_payload: true,
  });
}

beforeAll(async () => {
  ensureBuilt(); // answers come from the worker pool, which runs dist/work/task.js
  fake = await startFakeSlack();
  const config: SocketModeConfig = {
    mode: 'socket',
    botToken: BOT_TOKEN,
    appToken: APP_TOKEN,
    logLevel: 'info',
    answerDeadlineMs: 2000,
    slackApiUrl: fake.apiUrl,
  };
  const captured = captureLogger('info', [BOT_TOKEN, APP_TOKEN]);
  logLines = captured.lines;
  // clientPingTimeout also sets the reconnect delay (timeout x consecutive failures); keep it short.
  slack = createSlackApp(config, { logger: captured.logger, socket: { clientPingTimeout: 500 } });
  await slack.start(); // resolves once the server's hello arrives
}, 240_000);

afterAll(async () => {
  await slack?.stop(2000);
  await fake?.close();
});

describe('Socket Mode, end to end', { timeout: 30_000 }, () => {
  it('opens the connection through SLACK_API_URL with the app-level token', () => {
    const open = fake.calls.find((c) => c.method === 'apps.connections.open');
    expect(open).toBeDefined();
    expect(open!.authorization).toBe(`Bearer ${APP_TOKEN}`);
    expect(fake.sockets).toHaveLength(1);
    expect(fake.sockets[0]!.path).toBe('/ws/1');
  });

  it('acks a slash_commands envelope, then posts the answer to its response_url', async () => {
    const ws = fake.sockets[0]!;
    sendSlashCommand(ws, 'e1', '/lstm', '4096 256', 'socket-1');
    const reply = await commandAnswer(ws, 'e1', 'socket-1');
    expect(reply.response_type).toBe('ephemeral');
    const text = messageText(reply);
    expect(text).toContain('4,457,472');
    expect(text).toContain('4,458,496');
  });

  it('answers an events_api app_mention in the thread with the bot token', async () => {
    const ws = fake.sockets[0]!;
    ws.send({
      envelope_id: 'e2',
      type: 'events_api',
      payload: eventCallback(
        {
          type: 'app_mention',
          user: 'U0001',
          text: '<@UBOT> /gru 128 64',
          ts: '1700001000.000100',
          channel: 'C0001',
          event_ts: '1700001000.000100',
        },
        'Ev-socket-1',
      ),
      accepts_response_payload: false,
      retry_attempt: 0,
      retry_reason: '',
    });
    await ws.waitForMessage(isAck('e2'));
    const call = await fake.waitForCall(
      (c) => c.method === 'chat.postMessage' && c.args.thread_ts === '1700001000.000100',
    );
    expect(call.authorization).toBe(`Bearer ${BOT_TOKEN}`);
    expect(messageText(call.args)).toContain('37,248');
  });

  it('reconnects after the socket drops and keeps answering', async () => {
    fake.sockets[0]!.terminate();
    const ws2 = await fake.waitForSocket(1, 20_000);
    expect(ws2.path).toBe('/ws/2');
    expect(fake.calls.filter((c) => c.method === 'apps.connections.open')).toHaveLength(2);
    // The client only sends once it has seen hello on the new socket; an envelope sent right away is
    // still processed because the server speaks first.
    sendSlashCommand(ws2, 'e3', '/rnn', '300 128', 'socket-2');
    const reply = await commandAnswer(ws2, 'e3', 'socket-2', 15_000);
    // SimpleRNN 300 -> 128: 128*(300+128) + 128 = 54,912 (Keras); PyTorch adds a second bias: 55,040.
    expect(messageText(reply)).toContain('54,912');
  });

  it('follows a server "disconnect" (refresh_requested) with a fresh connection', async () => {
    fake.sockets[1]!.send({ type: 'disconnect', reason: 'refresh_requested', debug_info: { host: 'fake' } });
    const ws3 = await fake.waitForSocket(2, 20_000);
    expect(ws3.path).toBe('/ws/3');
    sendSlashCommand(ws3, 'e4', '/lstm', '300 300 bidirectional', 'socket-3');
    const reply = await commandAnswer(ws3, 'e4', 'socket-3', 15_000);
    // Keras: 2 x 4 x (300 x (300 + 300) + 300) = 1,442,400.
    expect(messageText(reply)).toContain('1,442,400');
  });

  it('never logs the tokens', () => {
    const all = logLines.join('');
    expect(all).not.toContain(APP_TOKEN);
    expect(all).not.toContain(BOT_TOKEN);
  });
});
