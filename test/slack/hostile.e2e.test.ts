// HTTP mode under a hostile paste, end to end: the real Bolt app on 127.0.0.1, requests signed as
// Slack signs them, the fake Slack on loopback. While one command carries the heaviest paste a user
// may send (a second or more of work), /healthz and a normal /lstm 4096 256 are answered within
// 200 ms (the one latency check issue 10 asks for), the paste gets its answer (or, past 2 s, the
// deadline answer), and SIGTERM still exits cleanly. The deadline itself is tested in test/work/.
// Also the receiver's bounds: body size, malformed bodies, slow headers.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HttpModeConfig } from '../../src/config.js';
import { createSlackApp } from '../../src/slack/app.js';
import type { ParamCountSlackApp } from '../../src/slack/app.js';
import { DIST_ENTRY, ensureBuilt, envWithoutSlack } from '../helpers/build.js';
import { captureLogger } from '../helpers/capture-logger.js';
import { startFakeSlack } from '../helpers/fake-slack.js';
import type { FakeSlack } from '../helpers/fake-slack.js';
import { formBody, messageText, signedPost, slashCommandBody } from '../helpers/slack-requests.js';
import { eventually } from '../helpers/wait.js';

const SECRET = 'hostile-signing-secret-0123456789abcdef';
const BOT_TOKEN = 'xoxb-5555-6666-hostiletoken';
/**
 * 1,999 two-layer bidirectional LSTMs in one nn.Sequential (76 KB; 7,996 layer rows, inside every
 * limit and the work budget): the heaviest question a user may ask, about a second of work on a
 * quiet machine and more on a loaded one, where it runs into the 2 s deadline.
 */
const HOSTILE = `nn.Sequential(${'nn.LSTM(999,999,2,bidirectional=True),'.repeat(1999)})`;
/** Its answer: the count, or the deadline answer when the machine is too slow for it. */
const HOSTILE_ANSWER = /Model with 1,999 layers|limit 2 s/;

let fake: FakeSlack;
let slack: ParamCountSlackApp;
let base: string;
let logLines: string[];

const post = (rawBody: string, contentType?: string) =>
  signedPost(`${base}/slack/events`, SECRET, rawBody, contentType ? { contentType } : {});
const postCommand = (command: string, text: string, responseId: string) =>
  post(formBody(slashCommandBody(command, text, fake.responseUrl(responseId))));

/** Milliseconds from sending a normal command to its answer arriving at response_url. */
async function answerLatency(responseId: string): Promise<{ ms: number; text: string }> {
  const started = performance.now();
  const res = await postCommand('/lstm', '4096 256', responseId);
  expect(res.status).toBe(200);
  const reply = await fake.waitForResponse(responseId);
  return { ms: performance.now() - started, text: messageText(reply.body) };
}

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
  slack = createSlackApp(config, { host: '127.0.0.1', logger: captured.logger, processGuards: false });
  await slack.start();
  base = `http://127.0.0.1:${slack.port()}`;
  // Both workers warm (modules loaded), as they are a moment after start.
  await Promise.all([answerLatency('warm-1'), answerLatency('warm-2')]);
}, 240_000);

afterAll(async () => {
  await slack?.stop(3000);
  await fake?.close();
});

describe('a hostile paste does not hold the bot', { timeout: 30_000 }, () => {
  it('while it is worked on, /healthz and /lstm 4096 256 are answered within 200 ms; then it is answered', async () => {
    const hostile = postCommand('/params', HOSTILE, 'hostile');
    expect((await hostile).status).toBe(200); // acked at once, worked on in a worker
    await eventually(() => slack.inFlight() > 0, 5000, 'the paste to be worked on');

    const healthStarted = performance.now();
    const health = await fetch(`${base}/healthz`);
    const healthMs = performance.now() - healthStarted;
    expect(health.status).toBe(200);
    expect(await health.text()).toBe('ok');

    const normal = await answerLatency('during-hostile');
    expect(normal.text).toContain('4,457,472');
    // The paste is still being worked on: both answers came while it ran.
    expect(fake.responses.some((r) => r.id === 'hostile')).toBe(false);
    expect(healthMs).toBeLessThan(200);
    expect(normal.ms).toBeLessThan(200);

    const answer = (await fake.waitForResponse('hostile', 15_000)).body;
    expect(answer.response_type).toBe('ephemeral');
    expect(messageText(answer)).toMatch(HOSTILE_ANSWER);
  });

  it('the log has the request (and the stop, if it came to that), without the paste', async () => {
    const line = await eventually(
      () => logLines.find((l) => l.includes('command /params outcome=')),
      10_000,
      'the request line',
    );
    expect(line).toMatch(/command \/params outcome=(too_slow|count) duration_ms=\d+ chars=75977/);
    if (line.includes('too_slow'))
      expect(logLines.some((l) => /WARN .*answer stopped: past the 2000 ms deadline.*worker replaced/.test(l))).toBe(
        true,
      );
    expect(logLines.join('')).not.toContain('nn.LSTM(');
  });

  it('after it, the worker is replaced and the next answer is normal', async () => {
    const next = await answerLatency('after-hostile');
    expect(next.text).toContain('4,458,496');
  });
});

/** Sends a raw request and resolves with the status (or 'closed' if the server drops the connection). */
function rawPost(
  headers: Record<string, string>,
  body: (req: ReturnType<typeof request>) => void,
): Promise<number | 'closed'> {
  return new Promise((resolve) => {
    const req = request(`${base}/slack/events`, { method: 'POST', headers });
    req.on('response', (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', () => resolve('closed'));
    body(req);
  });
}

describe('the HTTP receiver is bounded', { timeout: 30_000 }, () => {
  it('a body over 1 MB is refused with 413 before it is read (Content-Length) or as soon as it passes 1 MB (chunked)', async () => {
    const big = Buffer.alloc(3 * 1024 * 1024, 'a');
    const declared = await rawPost(
      { 'Content-Type': 'application/json', 'Content-Length': String(big.length) },
      (req) => req.end(big),
    );
    expect(declared).toBe(413);
    const chunked = await rawPost({ 'Content-Type': 'application/json' }, (req) => {
      const chunk = Buffer.alloc(64 * 1024, 'b');
      let sent = 0;
      const more = () => {
        while (sent < 48) {
          sent += 1;
          if (!req.write(chunk)) return void req.once('drain', more);
        }
        req.end();
      };
      more();
    });
    expect(chunked === 413 || chunked === 'closed').toBe(true);
    expect(logLines.some((l) => l.includes('Request body over 1048576 bytes; answered 413'))).toBe(true);
  });

  it('a signed body that is not an object (JSON null, payload=null, an array) is answered 400, not held', async () => {
    expect((await post('null', 'application/json')).status).toBe(400);
    expect((await post('[]', 'application/json')).status).toBe(400);
    expect((await post(formBody({ payload: 'null' }))).status).toBe(400);
    expect((await post('{not json', 'application/json')).status).toBe(400); // Bolt's own answer
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });

  it('a client that never finishes its headers is disconnected (headers timeout)', async () => {
    const url = new URL(base);
    const socket = connect(Number(url.port), url.hostname);
    socket.on('error', () => {});
    socket.write('POST /slack/events HTTP/1.1\r\nHost: x\r\nX-Slow: ');
    const closed = new Promise<string>((resolve) => {
      let data = '';
      socket.on('data', (d) => (data += d.toString()));
      socket.on('close', () => resolve(data));
    });
    // No timing claim: the server closes it (408) at some point within the test's own timeout.
    expect(await closed).toMatch(/^HTTP\/1\.1 408|^$/);
  });
});

describe('SIGTERM while a hostile paste is worked on (node dist/index.js, HTTP mode)', { timeout: 60_000 }, () => {
  let cwd: string;
  beforeAll(() => {
    cwd = mkdtempSync(join(tmpdir(), 'paramcount-hostile-'));
  });
  afterAll(() => {
    if (cwd) rmSync(cwd, { recursive: true, force: true });
  });

  it('stops accepting, sends the answer being worked on, and exits 0 within the deadline plus the grace', async () => {
    const child = spawn(process.execPath, [DIST_ENTRY], {
      cwd,
      env: envWithoutSlack({
        SLACK_BOT_TOKEN: BOT_TOKEN,
        SLACK_SIGNING_SECRET: SECRET,
        SLACK_API_URL: fake.apiUrl,
        PORT: '0',
        LOG_LEVEL: 'info',
      }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      const port = await eventually(() => /HTTP mode on port (\d+)/.exec(stderr)?.[1], 20_000, 'the startup line');
      const url = `http://127.0.0.1:${port}/slack/events`;
      const res = await signedPost(
        url,
        SECRET,
        formBody(slashCommandBody('/params', HOSTILE, fake.responseUrl('sigterm-hostile'))),
      );
      expect(res.status).toBe(200);
      const signalled = performance.now();
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      const ms = performance.now() - signalled;
      expect(ms).toBeLessThan(2000 + 2000 + 1000); // the deadline, the grace past it, and a margin
      const answer = fake.responses.find((r) => r.id === 'sigterm-hostile');
      expect(answer).toBeDefined();
      expect(messageText(answer!.body)).toMatch(HOSTILE_ANSWER);
      expect(stderr).toMatch(/SIGTERM received/);
      expect(stderr).not.toContain(BOT_TOKEN);
      expect(stderr).not.toContain(SECRET);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });
});
