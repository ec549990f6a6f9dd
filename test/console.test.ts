// Console mode: query grouping (pure), the in-process runner, and `node dist/index.js` with no Slack
// credentials reading piped stdin.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerQuery } from '../src/answer.js';
import { consoleTranscript, PROMPT, QueryCollector, runConsole, splitQueries } from '../src/console.js';
import { renderText } from '../src/render/text.js';
import { eventually } from './helpers/wait.js';
import { DIST_ENTRY, ensureBuilt, envWithoutSlack } from './helpers/build.js';

describe('splitQueries', () => {
  it('each "/" line is its own query', () => {
    expect(splitQueries('/lstm 4096 256\n/gru 128 64\n')).toEqual([
      { command: '/lstm', text: '4096 256' },
      { command: '/gru', text: '128 64' },
    ]);
  });

  it('lines not starting with "/" continue the open query (pasted multi-line code)', () => {
    expect(splitQueries('/params nn.LSTM(300, 512,\n    num_layers=2,\n    bidirectional=True)\n/lstm 1 2')).toEqual([
      { command: '/params', text: 'nn.LSTM(300, 512,\n    num_layers=2,\n    bidirectional=True)' },
      { command: '/lstm', text: '1 2' },
    ]);
  });

  it('a blank line ends a query; a non-blank line with no query open starts one without a command', () => {
    expect(splitQueries('/lstm 4096 256\n\nmodel = Sequential([\n  LSTM(64),\n])\n\n\n')).toEqual([
      { command: '/lstm', text: '4096 256' },
      { command: undefined, text: 'model = Sequential([\n  LSTM(64),\n])' },
    ]);
  });

  it('handles CRLF input, a command with no text, and no input at all', () => {
    expect(splitQueries('/lstm 4096 256\r\n/params\r\n')).toEqual([
      { command: '/lstm', text: '4096 256' },
      { command: '/params', text: '' },
    ]);
    expect(splitQueries('')).toEqual([]);
    expect(splitQueries('\n\n  \n')).toEqual([]);
  });

  it('QueryCollector reports whether a query is open', () => {
    const c = new QueryCollector();
    expect(c.open).toBe(false);
    expect(c.push('/lstm 4096 256')).toEqual([]);
    expect(c.open).toBe(true);
    expect(c.push('/gru 1 2')).toEqual([{ command: '/lstm', text: '4096 256' }]);
    expect(c.end()).toEqual({ command: '/gru', text: '1 2' });
    expect(c.end()).toBeNull();
  });
});

describe('consoleTranscript / runConsole in-process', () => {
  it('answers each query with renderText(answerQuery(text, {command})), separated by a blank line', () => {
    const out = consoleTranscript('/lstm 4096 256\n/gru 128 64\n');
    const lstm = renderText(answerQuery('4096 256', { command: '/lstm' }));
    const gru = renderText(answerQuery('128 64', { command: '/gru' }));
    expect(out).toBe(`${lstm}\n\n${gru}\n`);
    expect(out).toContain('4,457,472');
    expect(out).toContain('4,458,496');
    expect(out).toContain('37,248');
  });

  it('runConsole reads piped input line by line and resolves 0 at end of input', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let text = '';
    output.on('data', (c: Buffer) => (text += c.toString('utf8')));
    const done = runConsole({ input, output, interactive: false });
    input.write('/lstm 4096');
    input.write(' 256\n/rnn 300 128\n');
    input.end();
    expect(await done).toBe(0);
    expect(text).toBe(consoleTranscript('/lstm 4096 256\n/rnn 300 128\n'));
    expect(text).not.toContain(PROMPT);
  });

  it('on a TTY it prompts, and answers a typed line once input pauses', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let text = '';
    output.on('data', (c: Buffer) => (text += c.toString('utf8')));
    const done = runConsole({ input, output, interactive: true, idleMs: 20 });
    input.write('/lstm 4096 256\n');
    await eventually(() => text.includes('4,457,472'), 5000, 'the answer');
    input.end();
    expect(await done).toBe(0);
    expect(text).toContain(PROMPT);
    expect(text.split(PROMPT).length).toBeGreaterThanOrEqual(3); // before and after the answer
  });
});

describe('npm start with no Slack credentials (node dist/index.js)', { timeout: 120_000 }, () => {
  let cwd: string;

  beforeAll(() => {
    ensureBuilt();
    cwd = mkdtempSync(join(tmpdir(), 'paramcount-console-')); // no .env here
  }, 180_000);

  afterAll(() => {
    if (cwd) rmSync(cwd, { recursive: true, force: true });
  });

  function run(
    stdin: string,
    nodeArgs: string[] = [],
  ): Promise<{ code: number | null; stdout: string; stderr: string }> {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [...nodeArgs, DIST_ENTRY], {
        cwd,
        env: envWithoutSlack(),
        stdio: ['pipe', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
      child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, stdout, stderr }));
      child.stdin.end(stdin);
    });
  }

  it('answers piped commands on stdout and exits 0', async () => {
    const { code, stdout, stderr } = await run('/lstm 4096 256\n/gru 128 64\n');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('4,457,472');
    expect(stdout).toContain('4,458,496');
    expect(stdout).toContain('37,248');
    expect(stdout).toBe(consoleTranscript('/lstm 4096 256\n/gru 128 64\n'));
    expect(stdout).not.toContain(PROMPT);
  });

  it('exits 0 on empty input', async () => {
    const { code, stdout } = await run('');
    expect(code).toBe(0);
    expect(stdout).toBe('');
  });

  it('never loads Bolt (about 300 ms of its cold start): the console needs none of it', async () => {
    // A preload that notes every CommonJS module loaded (ESM imports of packages go through it too).
    const probe = join(cwd, 'probe.cjs');
    writeFileSync(
      probe,
      "const M = require('module'); const load = M._load; const seen = new Set();\n" +
        'M._load = function (request, ...rest) { seen.add(request); return load.call(this, request, ...rest); };\n' +
        "process.on('exit', () => process.stderr.write('\\nLOADED ' + JSON.stringify([...seen]) + '\\n'));\n",
    );
    const { code, stdout, stderr } = await run('/lstm 4096 256\n', ['--require', probe]);
    expect(code).toBe(0);
    expect(stdout).toContain('4,458,496');
    const line = /^LOADED (\[.*\])$/m.exec(stderr);
    expect(line).not.toBeNull();
    const loaded = JSON.parse(line![1]!) as string[];
    expect(loaded.some((m) => m.includes('dotenv'))).toBe(true); // the probe sees package loads
    expect(loaded.filter((m) => /@slack[\\/]/.test(m))).toEqual([]);
  });
});
