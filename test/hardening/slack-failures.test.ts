// Slack failing under the bot, end to end in HTTP mode: the real Bolt app (createSlackApp) on
// 127.0.0.1, the fake Slack Web API / response_url on loopback answering HTTP 500, never answering,
// or 429 with Retry-After. Each failure must be logged with context, retried where Slack says to,
// never become an unhandled rejection, and leave the bot answering the next command.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HttpModeConfig } from '../../src/config.js';
import { createSlackApp } from '../../src/slack/app.js';
import { createSlackFetch } from '../../src/slack/http-client.js';
import type { ParamCountSlackApp } from '../../src/slack/app.js';
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

/** The bot still answers: a fresh command gets its derivation (in the HTTP response, as Slack takes it). */
async function answersNextCommand(id: string): Promise<void> {
  const res = await postCommand('/gru', '128 64', id);
  expect(res.status).toBe(200);
  expect(messageText(JSON.parse(res.body) as Record<string, unknown>)).toContain('37,248');
}

beforeAll(async () => {
  process.on('unhandledRejection', onRejection);
  fake = await startFakeSlack();
  const config: HttpModeConfig = {
    mode: 'http',
    botToken: BOT_TOKEN,
    signingSecret: SECRET,
    port: 0,
    logLevel: 'info',
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
});

afterAll(async () => {
  await slack?.stop(2000);
  await fake?.close();
  process.off('unhandledRejection', onRejection);
});

describe('Slack failures', { timeout: 30_000 }, () => {
  it('respond() answered HTTP 500: logged with the action and status, and the next command is answered', async () => {
    fake.failHttp('response:r500', { status: 500, body: 'internal error' });
    const res = await pressShare('r500');
    expect(res.status).toBe(200); // acked before the reply failed
    const error = await logLine(
      (l) => l.includes('ERROR') && l.includes('paramcount_share button failed'),
      'the error line',
    );
    expect(error).toMatch(/500/);
    const request = await logLine((l) => l.includes('action paramcount_share outcome=failed'), 'the request line');
    expect(request).toMatch(/duration_ms=\d+/);
    expect(fake.responses.filter((r) => r.id === 'r500')).toHaveLength(1); // a 500 from response_url is not retried
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
    expect(error).toContain(`no answer within ${TIMEOUT_MS} ms`);
    await logLine((l) => l.includes('action paramcount_share outcome=failed:slack_timeout'), 'the request line');
    await eventually(() => slack.inFlight() === 0, 5000, 'nothing in flight');
    await answersNextCommand('after-hang');
  });

  it('response_url 429 with Retry-After: waits as asked, posts again and the answer arrives', async () => {
    fake.failHttp('response:r429', {
      status: 429,
      headers: { 'Retry-After': '1' },
      body: { ok: false, error: 'rate_limited' },
    });
    await pressShare('r429');
    await eventually(() => fake.responses.filter((r) => r.id === 'r429').length === 2, 10_000, 'the retried post');
    const warn = await logLine((l) => l.includes('WARN') && l.includes('rate limited'), 'the rate-limit line');
    expect(warn).toContain('Retry-After');
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
    await logLine((l) => /rate limit/i.test(l) && l.includes('retry in 1 second'), "the WebClient's rate-limit line");
    await eventually(
      () => logLines.slice(before).find((l) => l.includes('event app_mention outcome=count')),
      10_000,
      'the successful request line',
    );
    const [first, second] = postsTo(ts);
    expect(second!.args.text).toBe(first!.args.text);
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
    fake.failHttp('response:shortcut-fail', { status: 500 });
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
    expect(all).not.toMatch(/\n {4}at /); // info level: no stack traces
  });
});

describe('createSlackFetch (the fetch Bolt uses for respond() and Web API calls)', { timeout: 30_000 }, () => {
  const json = { 'Content-Type': 'application/json' };
  it('posts to a response_url and returns a fetch-like response', async () => {
    const f = createSlackFetch({ timeoutMs: TIMEOUT_MS, apiUrl: fake.apiUrl });
    const res = await f(fake.responseUrl('unit-ok'), { method: 'POST', headers: json, body: '{"text":"hi"}' });
    expect(res.ok).toBe(true);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/json');
    expect(await res.json()).toEqual({ ok: true });
    expect(fake.responses.find((r) => r.id === 'unit-ok')?.body).toEqual({ text: 'hi' });
  });

  it('gives up on 429 after maxRateLimitRetries, and does not wait longer than maxRetryAfterMs', async () => {
    const f = createSlackFetch({ timeoutMs: TIMEOUT_MS, apiUrl: fake.apiUrl, maxRateLimitRetries: 1 });
    fake.failHttp('response:unit-429', { status: 429, headers: { 'Retry-After': '0' } }, 5);
    const res = await f(fake.responseUrl('unit-429'), { method: 'POST', headers: json, body: '{}' });
    expect(res.status).toBe(429);
    expect(fake.responses.filter((r) => r.id === 'unit-429')).toHaveLength(2);

    const g = createSlackFetch({ timeoutMs: TIMEOUT_MS, apiUrl: fake.apiUrl, maxRetryAfterMs: 1000 });
    fake.failHttp('response:unit-long', { status: 429, headers: { 'Retry-After': '3600' } });
    const long = await g(fake.responseUrl('unit-long'), { method: 'POST', headers: json, body: '{}' });
    expect(long.status).toBe(429);
    expect(fake.responses.filter((r) => r.id === 'unit-long')).toHaveLength(1);
  });

  it('sends Web API calls through fetch with the same deadline', async () => {
    const f = createSlackFetch({ timeoutMs: TIMEOUT_MS, apiUrl: fake.apiUrl });
    const ok = await f(`${fake.apiUrl}auth.test`, { method: 'POST', headers: json, body: '{}' });
    expect(((await ok.json()) as { ok: boolean }).ok).toBe(true);
    fake.failHttp('api.test', 'hang');
    await expect(f(`${fake.apiUrl}api.test`, { method: 'POST', headers: json, body: '{}' })).rejects.toThrow(
      /abort|timeout/i,
    );
  });

  it('rejects (does not hang) when the connection fails', async () => {
    const f = createSlackFetch({ timeoutMs: TIMEOUT_MS, apiUrl: fake.apiUrl });
    await expect(f('http://127.0.0.1:1/response/x', { method: 'POST', headers: json, body: '{}' })).rejects.toThrow();
  });
});
