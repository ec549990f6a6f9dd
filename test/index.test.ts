// The entry point as `npm start` runs it (node dist/index.js): bad configuration, Socket Mode against
// the fake Slack on loopback, and a graceful SIGTERM that lets an in-flight reply finish.
import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DIST_ENTRY, ensureBuilt, envWithoutSlack } from './helpers/build.js';
import { startFakeSlack } from './helpers/fake-slack.js';
import type { FakeSlack } from './helpers/fake-slack.js';
import { eventually } from './helpers/wait.js';
import { blockActionPayload, findButtons, messageText, slashCommandBody } from './helpers/slack-requests.js';

const BOT = 'xoxb-1111-2222-entrypointbottoken';
const APP = 'xapp-1-A0001-3333-entrypointapptoken';

let cwd: string;
let fake: FakeSlack;
const children: ChildProcessWithoutNullStreams[] = [];

interface Running {
  child: ChildProcessWithoutNullStreams;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function start(env: Record<string, string>): Running {
  const child = spawn(process.execPath, [DIST_ENTRY], {
    cwd,
    env: envWithoutSlack(env),
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, stdout: () => stdout, stderr: () => stderr, exited };
}

beforeAll(async () => {
  ensureBuilt();
  cwd = mkdtempSync(join(tmpdir(), 'paramcount-entry-'));
  fake = await startFakeSlack();
}, 180_000);

afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
});

afterAll(async () => {
  await fake?.close();
  if (cwd) rmSync(cwd, { recursive: true, force: true });
});

describe('node dist/index.js', { timeout: 30_000 }, () => {
  it('a bot token without a partner: one clear line naming the missing variables, exit 1, no secret, no stack', async () => {
    const run = start({ SLACK_BOT_TOKEN: BOT });
    const { code } = await run.exited;
    expect(code).toBe(1);
    const err = run.stderr();
    expect(err.trim().split('\n')).toHaveLength(1);
    expect(err).toMatch(/SLACK_APP_TOKEN/);
    expect(err).toMatch(/SLACK_SIGNING_SECRET/);
    expect(err).not.toContain(BOT);
    expect(err).not.toMatch(/\n\s+at /);
    expect(run.stdout()).toBe('');
  });

  it('a malformed app token is named without being echoed', async () => {
    const run = start({ SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: 'oops-this-is-not-an-app-token' });
    expect((await run.exited).code).toBe(1);
    expect(run.stderr()).toMatch(/SLACK_APP_TOKEN must be an app-level token/);
    expect(run.stderr()).not.toContain('oops-this-is-not-an-app-token');
    expect(run.stderr()).not.toContain(BOT);
  });

  it('Socket Mode rejected by Slack (invalid_auth): one line, exit 1', async () => {
    fake.reply('apps.connections.open', { ok: false, error: 'invalid_auth' });
    const run = start({ SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: APP, SLACK_API_URL: fake.apiUrl, LOG_LEVEL: 'error' });
    const { code } = await run.exited;
    expect(code).toBe(1);
    const lastLine = run.stderr().trim().split('\n').at(-1)!;
    expect(lastLine).toMatch(/^paramcount: could not start in Socket Mode: .*invalid_auth/);
    expect(run.stderr()).not.toContain(APP);
    expect(run.stderr()).not.toContain(BOT);
  });

  it('runs in Socket Mode, acks then answers at response_url, and on SIGTERM finishes an in-flight button reply and exits 0', async () => {
    const socketsBefore = fake.sockets.length;
    const run = start({
      SLACK_BOT_TOKEN: BOT,
      SLACK_APP_TOKEN: APP,
      SLACK_API_URL: fake.apiUrl.replace(/\/$/, ''),
      LOG_LEVEL: 'info',
    });
    const ws = await fake.waitForSocket(socketsBefore, 20_000);
    await eventually(() => run.stderr().includes('running in Socket Mode'), 20_000, 'the startup log line');

    ws.send({
      envelope_id: 'entry-1',
      type: 'slash_commands',
      payload: slashCommandBody('/lstm', '4096 256', fake.responseUrl('entry-cmd')),
      accepts_response_payload: true,
    });
    await ws.waitForMessage((m) => (m as { envelope_id?: string }).envelope_id === 'entry-1');
    const answer = (await fake.waitForResponse('entry-cmd')).body;
    expect(answer.response_type).toBe('ephemeral');
    expect(messageText(answer)).toContain('4,458,496');
    const share = findButtons(answer.blocks, 'paramcount_share')[0]!;

    // Share in channel answers at response_url; make that answer slow, and stop while it is on its way.
    fake.delayResponseUrl('entry-slow', 500);
    ws.send({
      envelope_id: 'entry-2',
      type: 'interactive',
      payload: blockActionPayload('paramcount_share', share.value!, fake.responseUrl('entry-slow')),
      accepts_response_payload: false,
    });
    await ws.waitForMessage((m) => (m as { envelope_id?: string }).envelope_id === 'entry-2');
    run.child.kill('SIGTERM');
    const { code } = await run.exited;
    expect(code).toBe(0);
    const reply = fake.responses.find((r) => r.id === 'entry-slow');
    expect(reply).toBeDefined();
    expect(reply!.body.response_type).toBe('in_channel');
    expect(messageText(reply!.body)).toContain('4,458,496');
    expect(run.stderr()).toMatch(/action paramcount_share outcome=count/);
    expect(run.stderr()).toMatch(/SIGTERM received/);
    expect(run.stderr()).toMatch(/command \/lstm outcome=count/);
    expect(run.stderr()).not.toContain(APP);
    expect(run.stderr()).not.toContain(BOT);
    expect(run.stdout()).toBe('');
  });
});
