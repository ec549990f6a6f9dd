// Slack failing under the bot, end to end in HTTP mode: the real Bolt app (createSlackApp) on
// 127.0.0.1, the fake Slack Web API / response_url on loopback answering HTTP 500, never answering,
// or 429 with Retry-After. Each failure must be logged with context, retried where Slack says to
// (once, waiting at most 30 s), never become an unhandled rejection, never stall the other replies,
// and leave the bot answering the next command.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HttpModeConfig } from '../../src/config.js';
import { createSlackApp } from '../../src/slack/app.js';
import type { ParamCountSlackApp } from '../../src/slack/app.js';
import { ensureBuilt } from '../helpers/build.js';
import { captureLogger } from '../helpers/capture-logger.js';
import { startFakeSlack } from '../helpers/fake-slack.js';
import type { FakeSlack } from '../helpers/fake-slack.js';
import { encodeButtonValue } from '../../src/render/button-value.js';
import {
  blockActionPayload,
  eventCallback,
  formBody,
  messageShortcutPayload,
  messageText,
  signedPost,
  slashCommandBody,
} from '../helpers/slack-requests.js';
import { eventually } from '../helpers/wait.js';

const SECRET = 'failures-signing-secret-0123456789abcdef';
const BOT_TOKEN = 'xoxb-3333-4444-failurestoken';
/** Short on purpose: a Slack that never answers must not hold a test (or a request) for long. */
const TIMEOUT_MS = 300;
const RETRIES = 2;

let fake: FakeSlack;
let slack: ParamCountSlackApp;
let base: string;
let logLines: string[];
const rejections: unknown[] = [];
const onRejection = (reason: unknown) => void rejections.push(reason);

const post = (rawBody: string, contentType?: string) =>
  signedPost(`${base}/slack/events`, SECRET, rawBody, contentType ? { contentType } : {});
const postCommand = (command: string, text: string, responseId: string) =>
  post(formBody(slashCommandBody(command, text, fake.responseUrl(responseId))));
/** Presses "Share in channel" on a `/lstm 4096 256` answer: its reply goes out through response_url. */
const pressShare = (responseId: string) =>
  post(
    formBody({
      payload: JSON.stringify(
        blockActionPayload('paramcount_share', encodeButtonValue('/lstm 4096 256')!, fake.responseUrl(responseId)),
      ),
    }),
  );
let mentionSeq = 0;
/** Posts an app_mention asking for /lstm 4096 256; returns its ts (the thread the answer goes to). */
async function postMention(): Promise<string> {
  mentionSeq += 1;
  const ts = `1700001000.${String(mentionSeq).padStart(6, '0')}`;
  const event = {
    type: 'app_mention',
    user: 'U0001',
    text: '<@UBOT> /lstm 4096 256',
    ts,
    channel: 'C0001',
    event_ts: ts,
  };
  const res = await post(JSON.stringify(eventCallback(event, `Ev-fail-${mentionSeq}`)), 'application/json');
  expect(res.status).toBe(200);
  return ts;
}
const postsTo = (ts: string) => fake.calls.filter((c) => c.method === 'chat.postMessage' && c.args.thread_ts === ts);
const logLine = (pred: (l: string) => boolean, what: string) => eventually(() => logLines.find(pred), 10_000, what);

/** The bot still answers: a fresh command is acked and gets its derivation at its response_url. */
async function answersNextCommand(id: string): Promise<void> {
  const res = await postCommand('/gru', '128 64', id);
  expect(res.status).toBe(200);
  expect(messageText((await fake.waitForResponse(id)).body)).toContain('37,248');
}

beforeAll(async () => {
  ensureBuilt(); // answers come from the worker pool, which runs dist/work/task.js
  process.on('unhandledRejection', onRejection);
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
  slack = createSlackApp(config, {
    host: '127.0.0.1',
    logger: captured.logger,
    processGuards: false,
    http: { timeoutMs: TIMEOUT_MS, retryConfig: { retries: RETRIES, minTimeout: 10, maxTimeout: 20 } },
  });
  await slack.start();
  base = `http://127.0.0.1:${slack.port()}`;
}, 240_000);

afterAll(async () => {
  await slack?.stop(2000);
  await fake?.close();
  process.off('unhandledRejection', onRejection);
});

describe('Slack failures', { timeout: 30_000 }, () => {
  it('respond() answered HTTP 500 twice: retried once, then logged with the action and status', async () => {
    fake.failHttp('response:r500', { status: 500, body: 'internal error' }, 2);
    const res = await pressShare('r500');
    expect(res.status).toBe(200); // acked before the reply failed
    const error = await logLine(
      (l) => l.includes('ERROR') && l.includes('paramcount_share button failed'),
      'the error line',
    );
    expect(error).toMatch(/500/);
    const request = await logLine((l) => l.includes('action paramcount_share outcome=failed'), 'the request line');
    expect(request).toMatch(/outcome=failed:http_500 duration_ms=\d+/);
    expect(fake.responses.filter((r) => r.id === 'r500')).toHaveLength(2); // one retry, no more
    await answersNextCommand('after-500');
  });

  it('respond() to a response_url that never answers times out, is logged, and the bot carries on', async () => {
    const before = logLines.length;
    fake.failHttp('response:hang', 'hang');
    await pressShare('hang');
    const error = await eventually(
      () => logLines.slice(before).find((l) => l.includes('paramcount_share button failed')),
      10_000,
      'the timeout error line',
    );
    expect(error).toMatch(/TimeoutError|aborted due to timeout/);
    await logLine((l) => l.includes('action paramcount_share outcome=failed:'), 'the request line');
    await eventually(() => slack.inFlight() === 0, 5000, 'nothing in flight');
    await answersNextCommand('after-hang');
  });

  it('response_url 429: waits a second, posts again once and the answer arrives', async () => {
    fake.failHttp('response:r429', {
      status: 429,
      headers: { 'Retry-After': '1' },
      body: { ok: false, error: 'rate_limited' },
    });
    await pressShare('r429');
    await eventually(() => fake.responses.filter((r) => r.id === 'r429').length === 2, 10_000, 'the retried post');
    const warn = await logLine((l) => l.includes('WARN') && l.includes('http_429'), 'the rate-limit line');
    expect(warn).toContain('retrying once in 1 s');
    await logLine((l) => l.includes('action paramcount_share outcome=count'), 'a successful request line');
    const [first, second] = fake.responses.filter((r) => r.id === 'r429');
    expect(second!.body).toEqual(first!.body);
    expect(second!.body.response_type).toBe('in_channel');
    expect(messageText(second!.body)).toContain('4,457,472');
  });

  it('a Web API call answered HTTP 500 is retried per retryConfig, then logged; the next mention is answered', async () => {
    fake.failHttp('chat.postMessage', { status: 500, body: 'internal error' }, RETRIES + 1);
    const ts = await postMention();
    const error = await logLine((l) => l.includes('app_mention reply failed'), 'the error line');
    expect(error).toMatch(/500/);
    expect(postsTo(ts)).toHaveLength(RETRIES + 1);
    await logLine((l) => l.includes('event app_mention outcome=failed'), 'the request line');
    const next = await postMention();
    const call = await fake.waitForCall((c) => c.method === 'chat.postMessage' && c.args.thread_ts === next);
    expect(messageText(call.args)).toContain('4,457,472');
  });

  it('Web API ratelimited (429, Retry-After): the WebClient waits, retries, and the answer is posted', async () => {
    fake.failHttp('chat.postMessage', {
      status: 429,
      headers: { 'Retry-After': '1' },
      body: { ok: false, error: 'ratelimited' },
    });
    const before = logLines.length;
    const ts = await postMention();
    await eventually(() => postsTo(ts).length === 2, 10_000, 'the retried chat.postMessage');
    await logLine(
      (l) => l.includes('app_mention reply: slack_webapi_rate_limited_error; retrying once in 1 s'),
      'the rate-limit line',
    );
    await eventually(
      () => logLines.slice(before).find((l) => l.includes('event app_mention outcome=count')),
      10_000,
      'the successful request line',
    );
    const [first, second] = postsTo(ts);
    expect(second!.args.text).toBe(first!.args.text);
  });

  it('a Retry-After of an hour is not waited for: that reply fails at once, and the next reply is sent', async () => {
    fake.failHttp('chat.postMessage', {
      status: 429,
      headers: { 'Retry-After': '3600' },
      body: { ok: false, error: 'ratelimited' },
    });
    const before = logLines.length;
    const ts = await postMention();
    await eventually(
      () => logLines.slice(before).find((l) => l.includes('Retry-After 3600 s is over the 30 s a reply may wait')),
      10_000,
      'the not-waiting line',
    );
    await eventually(
      () =>
        logLines
          .slice(before)
          .find((l) => l.includes('event app_mention outcome=failed:slack_webapi_rate_limited_error')),
      10_000,
      'the failed request line',
    );
    expect(postsTo(ts)).toHaveLength(1);
    // The WebClient's queue was not paused for the hour: the next mention is answered at once.
    const next = await postMention();
    const call = await fake.waitForCall((c) => c.method === 'chat.postMessage' && c.args.thread_ts === next, 5000);
    expect(messageText(call.args)).toContain('4,457,472');
  });

  it('a Web API call that never answers times out on every attempt, is logged, and the bot carries on', async () => {
    fake.failHttp('chat.postMessage', 'hang', RETRIES + 1);
    const before = logLines.length;
    const ts = await postMention();
    const error = await eventually(
      () => logLines.slice(before).find((l) => l.includes('app_mention reply failed')),
      10_000,
      'the error line',
    );
    expect(error).toMatch(/request error|abort|timeout/i);
    expect(postsTo(ts)).toHaveLength(RETRIES + 1);
    await eventually(() => slack.inFlight() === 0, 5000, 'nothing in flight');
    await answersNextCommand('after-api-hang');
  });

  it('the message shortcut, with every way of answering failing, logs each step and stays up', async () => {
    fake.failHttp('chat.postMessage', { status: 500 }, RETRIES + 1);
    fake.failHttp('chat.postEphemeral', { status: 500 }, RETRIES + 1);
    fake.failHttp('response:shortcut-fail', { status: 500 }, 2); // the post and its one retry
    await post(
      formBody({
        payload: JSON.stringify(
          messageShortcutPayload('/lstm 4096 256', fake.responseUrl('shortcut-fail'), '1700002000.000100'),
        ),
      }),
    );
    await logLine((l) => l.includes('shortcut: chat.postMessage failed'), 'the first fallback line');
    await logLine((l) => l.includes('shortcut: chat.postEphemeral failed'), 'the second fallback line');
    await logLine((l) => l.includes('shortcut reply failed') && l.includes('500'), 'the final error line');
    await answersNextCommand('after-shortcut');
  });

  it('none of it became an unhandled rejection, and no secret reached the log', async () => {
    await eventually(() => slack.inFlight() === 0, 5000, 'nothing in flight');
    // Give any stray promise a turn to reject.
    await new Promise((r) => setTimeout(r, 50));
    expect(rejections).toEqual([]);
    const all = logLines.join('');
    expect(all).not.toContain(BOT_TOKEN);
    expect(all).not.toContain(SECRET);
    // Stacks only under ERROR lines (a listener failure is more than one line); never under INFO or WARN.
    for (const line of logLines) if (!line.includes(' ERROR ')) expect(line).not.toMatch(/\n\s+at /);
  });
});
