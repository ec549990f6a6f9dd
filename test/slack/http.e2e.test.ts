// End to end, HTTP mode: the real Bolt app (createSlackApp) on 127.0.0.1:0, a fake Slack Web API
// and response_url target on loopback, and requests signed exactly as Slack signs them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HttpModeConfig } from '../../src/config.js';
import { createSlackApp } from '../../src/slack/app.js';
import type { ParamCountSlackApp } from '../../src/slack/app.js';
import { ensureBuilt } from '../helpers/build.js';
import { captureLogger } from '../helpers/capture-logger.js';
import { eventually } from '../helpers/wait.js';
import { startFakeSlack } from '../helpers/fake-slack.js';
import type { FakeSlack } from '../helpers/fake-slack.js';
import {
  blockActionPayload,
  eventCallback,
  findButtons,
  formBody,
  messageShortcutPayload,
  messageText,
  signedPost,
  slashCommandBody,
} from '../helpers/slack-requests.js';

const SECRET = 'test-signing-secret-0123456789abcdef';
const BOT_TOKEN = 'xoxb-1111-2222-testbottoken';

let fake: FakeSlack;
let slack: ParamCountSlackApp;
let base: string;
let logLines: string[];

const post = (rawBody: string, options: Parameters<typeof signedPost>[3] = {}) =>
  signedPost(`${base}/slack/events`, SECRET, rawBody, options);
const postCommand = (command: string, text: string, responseId: string) =>
  post(formBody(slashCommandBody(command, text, fake.responseUrl(responseId))));
const postPayload = (payload: unknown) => post(formBody({ payload: JSON.stringify(payload) }));
const postEvent = (event: Record<string, unknown>, id: string) =>
  post(JSON.stringify(eventCallback(event, id)), { contentType: 'application/json' });

beforeAll(async () => {
  ensureBuilt(); // answers come from the worker pool, which runs dist/work/task.js
  fake = await startFakeSlack();
  const config: HttpModeConfig = {
    mode: 'http',
    botToken: BOT_TOKEN,
    signingSecret: SECRET,
    port: 0,
    logLevel: 'info',
    answerDeadlineMs: 2000,
    slackApiUrl: fake.apiUrl,
  };
  const captured = captureLogger('info', [BOT_TOKEN, SECRET]);
  logLines = captured.lines;
  slack = createSlackApp(config, { host: '127.0.0.1', logger: captured.logger });
  await slack.start();
  const port = slack.port();
  expect(port).toBeGreaterThan(0);
  base = `http://127.0.0.1:${port}`;
}, 240_000);

afterAll(async () => {
  await slack?.stop(2000);
  await fake?.close();
});

describe('HTTP mode, end to end', { timeout: 20_000 }, () => {
  let shareValue: string | undefined;
  let compareValue: string | undefined;

  it('serves GET /healthz with 200 "ok"', async () => {
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('ok');
  });

  it("answers Slack's signed url_verification challenge, and 404s unknown paths", async () => {
    const res = await post(JSON.stringify({ token: 't', challenge: 'challenge-abc123', type: 'url_verification' }), {
      contentType: 'application/json',
    });
    expect(res.status).toBe(200);
    expect(res.body).toContain('challenge-abc123');
    const unknown = await fetch(`${base}/nope`);
    expect(unknown.status).toBe(404);
  });

  it('acks a signed /lstm 4096 256 at once, then posts the derivation ephemerally to its response_url', async () => {
    const res = await postCommand('/lstm', '4096 256', 'cmd-lstm');
    expect(res.status).toBe(200);
    expect(res.body).toBe('');
    const reply = (await fake.waitForResponse('cmd-lstm')).body;
    expect(reply.response_type).toBe('ephemeral');
    const text = messageText(reply);
    expect(text).toContain('4,457,472');
    expect(text).toContain('4,458,496');
    expect(Array.isArray(reply.blocks)).toBe(true);
    const share = findButtons(reply.blocks, 'paramcount_share');
    const compare = findButtons(reply.blocks, 'paramcount_compare');
    expect(share).toHaveLength(1);
    expect(compare).toHaveLength(1);
    shareValue = share[0]!.value;
    compareValue = compare[0]!.value;
    expect(shareValue).toBeTruthy();
  });

  it('a bad command gets its friendly error, with an example, on its response_url too', async () => {
    const res = await postCommand('/lstm', '4096 <!channel>', 'cmd-bad');
    expect(res.status).toBe(200);
    const reply = (await fake.waitForResponse('cmd-bad')).body;
    expect(reply.response_type).toBe('ephemeral');
    const text = messageText(reply);
    expect(text).toMatch(/\/lstm 4096 256/);
    expect(text).not.toContain('<!channel>');
  });

  it('logs one info line per command with the outcome, without the user text or secrets', async () => {
    // The line is written once ack() has returned, as the response is sent.
    const line = await eventually(
      () => logLines.find((l) => l.includes('command /lstm')),
      5000,
      'the request log line',
    );
    expect(line).toMatch(/INFO/);
    expect(line).toMatch(/outcome=count/);
    expect(line).toMatch(/duration_ms=\d+/);
    expect(line).not.toContain('4096 256');
    const all = logLines.join('');
    expect(all).not.toContain(SECRET);
    expect(all).not.toContain(BOT_TOKEN);
  });

  it('rejects a forged signature with 401', async () => {
    const body = formBody(slashCommandBody('/lstm', '4096 256', fake.responseUrl('forged')));
    const res = await post(body, { signature: 'v0=' + '0'.repeat(64) });
    expect(res.status).toBe(401);
    const wrongSecret = await signedPost(`${base}/slack/events`, 'not-the-secret', body);
    expect(wrongSecret.status).toBe(401);
  });

  it('rejects a correctly signed request whose timestamp is 10 minutes old with 401', async () => {
    const body = formBody(slashCommandBody('/lstm', '4096 256', fake.responseUrl('stale')));
    const res = await post(body, { timestamp: Math.floor(Date.now() / 1000) - 600 });
    expect(res.status).toBe(401);
  });

  it('Share in channel posts the answer in_channel via response_url, not replacing the original', async () => {
    expect(shareValue).toBeDefined();
    const res = await postPayload(blockActionPayload('paramcount_share', shareValue!, fake.responseUrl('share')));
    expect(res.status).toBe(200);
    const reply = await fake.waitForResponse('share');
    expect(reply.body.response_type).toBe('in_channel');
    expect(reply.body.replace_original).toBe(false);
    const text = messageText(reply.body);
    expect(text).toContain('4,457,472');
    expect(text).toContain('4,458,496');
  });

  it('Compare frameworks answers ephemerally with the conventions side by side', async () => {
    expect(compareValue).toBeDefined();
    await postPayload(blockActionPayload('paramcount_compare', compareValue!, fake.responseUrl('compare')));
    const reply = await fake.waitForResponse('compare');
    expect(reply.body.response_type).toBe('ephemeral');
    const text = messageText(reply.body);
    expect(text).toContain('4,457,472');
    expect(text).toContain('4,458,496');
  });

  it('a button whose value cannot be decoded gets a polite ephemeral reply', async () => {
    await postPayload(blockActionPayload('paramcount_share', 'not-a-button-value', fake.responseUrl('bad-button')));
    const reply = await fake.waitForResponse('bad-button');
    expect(reply.body.response_type).toBe('ephemeral');
    expect(String(reply.body.text)).toMatch(/Run the command again/);
  });

  it('answers an app_mention with a code block in the thread via chat.postMessage', async () => {
    const res = await postEvent(
      {
        type: 'app_mention',
        user: 'U0001',
        text: '<@UBOT> how many parameters?\n```\nnn.LSTM(4096, 256)\n```',
        ts: '1700000300.000100',
        channel: 'C0001',
        event_ts: '1700000300.000100',
      },
      'Ev-mention-1',
    );
    expect(res.status).toBe(200);
    const call = await fake.waitForCall(
      (c) => c.method === 'chat.postMessage' && c.args.thread_ts === '1700000300.000100',
    );
    expect(call.args.channel).toBe('C0001');
    expect(call.authorization).toBe(`Bearer ${BOT_TOKEN}`);
    expect(messageText(call.args)).toContain('4,458,496');
  });

  it('answers an app_mention inside a thread in that same thread', async () => {
    await postEvent(
      {
        type: 'app_mention',
        user: 'U0001',
        text: '<@UBOT> /lstm 4096 256',
        ts: '1700000400.000200',
        thread_ts: '1700000400.000100',
        channel: 'C0001',
        event_ts: '1700000400.000200',
      },
      'Ev-mention-2',
    );
    const call = await fake.waitForCall(
      (c) => c.method === 'chat.postMessage' && c.args.thread_ts === '1700000400.000100',
    );
    const text = messageText(call.args);
    expect(text).toContain('4,457,472');
    expect(text).not.toContain('<@UBOT>');
  });

  it('answers a direct message in its thread', async () => {
    await postEvent(
      {
        type: 'message',
        channel_type: 'im',
        channel: 'D0001',
        user: 'U0001',
        text: '/lstm 4096 256',
        ts: '1700000500.000100',
        event_ts: '1700000500.000100',
      },
      'Ev-dm-1',
    );
    const call = await fake.waitForCall((c) => c.method === 'chat.postMessage' && c.args.channel === 'D0001');
    expect(call.args.thread_ts).toBe('1700000500.000100');
    expect(messageText(call.args)).toContain('4,458,496');
  });

  it('the message shortcut answers in the message thread', async () => {
    await postPayload(messageShortcutPayload('/lstm 4096 256', fake.responseUrl('shortcut-1'), '1700000600.000100'));
    const call = await fake.waitForCall(
      (c) => c.method === 'chat.postMessage' && c.args.thread_ts === '1700000600.000100',
    );
    expect(call.args.channel).toBe('C0001');
    expect(messageText(call.args)).toContain('4,457,472');
  });

  it('the message shortcut falls back to an ephemeral reply when the bot is not in the channel', async () => {
    fake.reply('chat.postMessage', { ok: false, error: 'not_in_channel' });
    await postPayload(messageShortcutPayload('/lstm 4096 256', fake.responseUrl('shortcut-2'), '1700000700.000100'));
    const eph = await fake.waitForCall(
      (c) => c.method === 'chat.postEphemeral' && c.args.thread_ts === '1700000700.000100',
    );
    expect(eph.args.user).toBe('U0001');
    expect(eph.args.channel).toBe('C0001');
    expect(messageText(eph.args)).toContain('4,458,496');
    const failed = fake.calls.find((c) => c.method === 'chat.postMessage' && c.args.thread_ts === '1700000700.000100');
    expect(failed).toBeDefined();
    expect(logLines.some((l) => l.includes('not_in_channel'))).toBe(true);
  });

  it('and falls back to response_url when chat.postEphemeral fails too', async () => {
    fake.reply('chat.postMessage', { ok: false, error: 'channel_not_found' });
    fake.reply('chat.postEphemeral', { ok: false, error: 'channel_not_found' });
    await postPayload(messageShortcutPayload('/lstm 4096 256', fake.responseUrl('shortcut-3'), '1700000800.000100'));
    const reply = await fake.waitForResponse('shortcut-3');
    expect(reply.body.response_type).toBe('ephemeral');
    expect(messageText(reply.body)).toContain('4,457,472');
  });

  it('publishes the Home tab cheat sheet on app_home_opened', async () => {
    await postEvent(
      { type: 'app_home_opened', user: 'U0009', channel: 'D0009', tab: 'home', event_ts: '1700000900.000100' },
      'Ev-home-1',
    );
    const call = await fake.waitForCall((c) => c.method === 'views.publish' && c.args.user_id === 'U0009');
    const view = call.args.view as { type: string; blocks: unknown[] };
    expect(view.type).toBe('home');
    const text = JSON.stringify(view.blocks);
    for (const example of [
      '/lstm 4096 256',
      '/gru 128 64 pytorch',
      '/lstm 300 300 bidirectional',
      '/lstm 1024 1024 layers=2 pytorch',
      '/lstm ? 64 = 49408',
      '/lstm 4096 256 = 4458496',
      'Sequential',
      'model.summary()',
    ]) {
      expect(text).toContain(example);
    }
  });

  it('never answered the forged or stale requests', async () => {
    // Every accepted request above has been answered; once nothing is in flight, nothing more can come.
    await eventually(() => slack.inFlight() === 0, 5000, 'no request in flight');
    const posted = fake.responses.map((r) => r.id);
    for (const id of ['forged', 'stale']) expect(posted).not.toContain(id);
  });

  it('stop() lets an in-flight reply finish, then stops accepting', async () => {
    expect(shareValue).toBeDefined();
    fake.delayResponseUrl('slow', 300);
    await postPayload(blockActionPayload('paramcount_share', shareValue!, fake.responseUrl('slow')));
    // The button was acked; wait until its listener is running (replying to the slow response_url).
    await eventually(() => slack.inFlight() > 0, 5000, 'the button press to be in flight');
    await slack.stop(5000);
    const reply = fake.responses.find((r) => r.id === 'slow');
    expect(reply).toBeDefined();
    expect(messageText(reply!.body)).toContain('4,458,496');
    await expect(fetch(`${base}/healthz`)).rejects.toThrow();
  });
});
