// Console mode: query grouping (pure), the in-process runner, and `node dist/index.js` with no Slack
// credentials reading piped stdin.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerQuery } from '../src/answer.js';
import {
  bracketDepth,
  consoleTranscript,
  GREETING,
  PROMPT,
  QueryCollector,
  runConsole,
  splitQueries,
} from '../src/console.js';
import { renderText } from '../src/render/text.js';
import { createAnswerPool } from '../src/work/pool.js';
import type { AnswerPool } from '../src/work/pool.js';
import { eventually } from './helpers/wait.js';
import { DIST_ENTRY, ensureBuilt, envWithoutSlack } from './helpers/build.js';

let pool: AnswerPool;

beforeAll(() => {
  ensureBuilt(); // answers come from the worker pool, which runs dist/work/task.js
  pool = createAnswerPool({ minThreads: 1, maxThreads: 1 });
}, 240_000);

afterAll(async () => {
  await pool?.close();
});

const KERAS_WITH_BLANK_LINES = [
  'model = keras.Sequential([',
  '    layers.Embedding(10000, 128),',
  '',
  '    layers.LSTM(64),',
  '',
  '    layers.Dense(1),',
  '])',
].join('\n');

describe('bracketDepth', () => {
  it('counts open brackets, ignoring those in strings and comments and closers with nothing open', () => {
    expect(bracketDepth('model = Sequential([')).toBe(2);
    expect(bracketDepth('])', 2)).toBe(0);
    expect(bracketDepth('x = ")(" + \'[\'  # (((')).toBe(0);
    expect(bracketDepth('))) (')).toBe(1);
    expect(bracketDepth('s = "a\\"(" (')).toBe(1);
  });
});

describe('splitQueries', () => {
  it('a paste with blank lines inside its brackets is one question', () => {
    expect(splitQueries(`${KERAS_WITH_BLANK_LINES}\n/lstm 1 2\n`)).toEqual([
      { command: undefined, text: KERAS_WITH_BLANK_LINES },
      { command: '/lstm', text: '1 2' },
    ]);
    // A "/" line inside open brackets is part of the paste, not a new command.
    expect(splitQueries('/params nn.Sequential(\n\n/lstm 1 2\n)\n')).toEqual([
      { command: '/params', text: 'nn.Sequential(\n\n/lstm 1 2\n)' },
    ]);
    // Brackets never closed: the question runs to the end of the input.
    expect(splitQueries('nn.LSTM(300,\n\n  512\n')).toEqual([{ command: undefined, text: 'nn.LSTM(300,\n\n  512' }]);
  });

  it('inside a bracketed paste, blank and "/" lines continue the question', () => {
    const c = new QueryCollector();
    expect(c.push('model = Sequential()', true)).toEqual([]);
    expect(c.push('', true)).toEqual([]);
    expect(c.push('/lstm 1 2', true)).toEqual([]);
    expect(c.push('model.add(Dense(1))', true)).toEqual([]);
    expect(c.end()).toEqual({ command: undefined, text: 'model = Sequential()\n\n/lstm 1 2\nmodel.add(Dense(1))' });
  });

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

describe('consoleTranscript / runConsole in-process', { timeout: 30_000 }, () => {
  it('answers each query with renderText(answerQuery(text, {command})), separated by a blank line', async () => {
    const out = await consoleTranscript(pool, '/lstm 4096 256\n/gru 128 64\n');
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
    const done = runConsole({ pool, input, output, interactive: false });
    input.write('/lstm 4096');
    input.write(' 256\n/rnn 300 128\n');
    input.end();
    expect(await done).toBe(0);
    expect(text).toBe(await consoleTranscript(pool, '/lstm 4096 256\n/rnn 300 128\n'));
    expect(text).not.toContain(PROMPT);
  });

  it('waits for a slow reader: never more than one answer ahead of what the output has taken', async () => {
    const input = new PassThrough();
    const held: Array<() => void> = [];
    let written = 0;
    const output = new Writable({
      highWaterMark: 16,
      write(_chunk, _encoding, callback) {
        written += 1;
        held.push(callback); // the reader takes nothing until released
      },
    });
    const done = runConsole({ pool, input, output, interactive: false });
    input.end('/lstm 4096 256\n'.repeat(50));
    await eventually(() => written === 1, 10_000, 'the first answer');
    await new Promise((r) => setTimeout(r, 300)); // room for any answer that would not wait
    expect(written).toBe(1);
    // Released one by one, all 50 arrive and the console ends.
    const release = setInterval(() => held.shift()?.(), 1);
    try {
      expect(await done).toBe(0);
    } finally {
      clearInterval(release);
    }
    expect(written).toBe(50);
  });

  it('a reader that goes away (EPIPE) ends the console quietly with 0', async () => {
    const input = new PassThrough();
    const output = new Writable({
      write(_chunk, _encoding, callback) {
        callback(Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
      },
    });
    const done = runConsole({ pool, input, output, interactive: false });
    input.write('/lstm 4096 256\n/gru 128 64\n');
    expect(await done).toBe(0);
  });

  it('on a TTY it prompts, and answers a typed line once input pauses', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let text = '';
    output.on('data', (c: Buffer) => (text += c.toString('utf8')));
    const done = runConsole({ pool, input, output, interactive: true, idleMs: 20 });
    await eventually(() => text.includes(PROMPT), 5000, 'the first prompt');
    input.write('/lstm 4096 256\n');
    await eventually(() => text.includes('4,457,472'), 5000, 'the answer');
    await eventually(() => text.split(PROMPT).length >= 3, 5000, 'the prompt after the answer');
    input.end();
    expect(await done).toBe(0);
    expect(text).toContain(GREETING);
    expect(text).toContain(PROMPT);
    expect(text.split(PROMPT).length).toBeGreaterThanOrEqual(3); // before and after the answer
  });

  it('on a TTY a bracketed paste is one question, blank lines and all', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let text = '';
    output.on('data', (c: Buffer) => (text += c.toString('utf8')));
    const done = runConsole({ pool, input, output, interactive: true, idleMs: 20 });
    expect(text).toContain('\x1b[?2004h'); // bracketed paste turned on
    input.write(
      `\x1b[200~model = Sequential()\nmodel.add(LSTM(64, input_shape=(10, 4096)))\n\nmodel.add(Dense(1))\x1b[201~\n`,
    );
    await eventually(() => text.includes('Total params'), 10_000, 'the answer');
    input.end();
    expect(await done).toBe(0);
    // LSTM(64) on 4,096 inputs: 4 x 64 x (4096 + 64 + 1) = 1,065,216; Dense(1): 65.
    expect(text).toContain('1,065,281 parameters');
    expect(text).not.toMatch(/Sorry/);
    expect(text).toContain('\x1b[?2004l'); // and off again
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
    expect(stdout).toBe(await consoleTranscript(pool, '/lstm 4096 256\n/gru 128 64\n'));
    expect(stdout).not.toContain(PROMPT);
  });

  it("the seed article's Keras paste, blank lines inside, is answered as one question", async () => {
    const { code, stdout } = await run(`${KERAS_WITH_BLANK_LINES}\n`);
    expect(code).toBe(0);
    expect(stdout).not.toMatch(/Sorry/);
    // Embedding 10,000 x 128 = 1,280,000; LSTM(64) on 128: 4 x 64 x (128 + 64 + 1) = 49,408; Dense(1): 65.
    expect(stdout).toContain('1,329,473');
  });

  it('`yes /lstm 4096 256 | head -2000 | npm start | head -1` exits 0 quietly', async () => {
    const pipeline = `yes '/lstm 4096 256' | head -2000 | "${process.execPath}" "${DIST_ENTRY}" | head -1`;
    const r = spawnSync('bash', ['-c', `${pipeline}; echo "node exit \${PIPESTATUS[2]}"`], {
      cwd,
      env: envWithoutSlack(),
      encoding: 'utf8',
    });
    expect(r.stdout).toBe('LSTM 4,096 → 256: 4,457,472 parameters (Keras 3 / tf.keras)\nnode exit 0\n');
    expect(r.stderr).toBe('');
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
