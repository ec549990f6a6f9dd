// The `paramcount` bin, spawned as a user would run it: text, --json (exit 0 / 2) and --jsonl.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, envWithoutSlack, REPO_ROOT } from './helpers/build.js';

const CLI = join(REPO_ROOT, 'dist', 'cli.js');

beforeAll(() => {
  // `npm test` builds first (pretest); `npx vitest run test/cli.test.ts` may find dist stale or missing.
  ensureBuilt();
  if (!existsSync(CLI)) throw new Error('dist/cli.js is missing after `tsc -p .`');
}, 240_000);

function run(args: string[], input?: string): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd: REPO_ROOT,
    input: input ?? '',
    encoding: 'utf8',
    env: envWithoutSlack(),
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** No stack trace ever reaches the user, on either stream. */
function expectNoStack(...streams: string[]): void {
  for (const s of streams) {
    expect(s).not.toMatch(/^\s+at\s/m);
    expect(s).not.toMatch(/\bat .*\(.*:\d+:\d+\)/);
    expect(s).not.toMatch(/node:internal/);
    expect(s).not.toContain('Error:');
  }
}

describe('paramcount "<query>"', () => {
  it('explains /lstm 4096 256 as text, exit 0', () => {
    const r = run(['/lstm 4096 256']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('LSTM 4,096 → 256: 4,457,472 parameters (Keras 3 / tf.keras)');
    expect(lines[1]).toBe('cuDNN / PyTorch: 4,458,496 (+1,024)');
    expect(r.stdout).toContain('4 x ((4096 + 256) x 256 + 256) = 4,457,472');
    expect(r.stdout).toContain('total: 4 (gates) x 1,114,368 (per gate) = 4,457,472');
    expect(r.stdout).toContain('Memory: 17.0 MiB in float32');
    expect(r.stdout.endsWith('\n')).toBe(true);
    expectNoStack(r.stdout, r.stderr);
  });

  it('reads the query split over several arguments, and pasted code', () => {
    expect(run(['/lstm', '4096', '256']).stdout.split('\n')[0]).toBe(
      'LSTM 4,096 → 256: 4,457,472 parameters (Keras 3 / tf.keras)',
    );
    expect(run(['lstm 4096 256']).stdout.split('\n')[0]).toBe(
      'LSTM 4,096 → 256: 4,457,472 parameters (Keras 3 / tf.keras)',
    );
    const code = run(['nn.LSTM(1024, 1024, num_layers=2)']);
    expect(code.code).toBe(0);
    expect(code.stdout).toContain('16,793,600');
  });

  it('an error answer is text on stdout with exit 2', () => {
    const r = run(['/lstm 4096']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe(
      'Sorry: the units are missing (I read the input width 4096). Expected `/lstm <input> <units> [options]`, e.g. `/lstm 4096 256`.\n',
    );
    expectNoStack(r.stdout, r.stderr);
  });

  it('help, usage and no arguments', () => {
    const help = run(['/lstm help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('`/lstm <input> <units> [options]`');
    const usage = run(['--help']);
    expect(usage.code).toBe(0);
    expect(usage.stdout).toMatch(/^Usage:/);
    const none = run([]);
    expect(none.code).toBe(2);
    expect(none.stdout).toBe('');
    expect(none.stderr).toMatch(/^Usage:/);
    expectNoStack(help.stdout, usage.stdout, none.stderr);
  });
});

describe('flags', () => {
  it('an unknown flag is refused with the usage, exit 2, not read as part of the question', () => {
    const r = run(['--bogus', '/lstm 1 1']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^paramcount: unknown option "--bogus"\nUsage:/);
    expectNoStack(r.stderr);
    expect(run(['-x', '/lstm 1 1']).stderr).toMatch(/^paramcount: unknown option "-x"/);
  });

  it('flags come first; `--` ends them; a negative number is part of the question', () => {
    expect(run(['--', '--json']).stdout).not.toMatch(/^\{/); // "--json" read as the question
    const negative = run(['/lstm', '-1', '5']);
    expect(negative.code).toBe(2);
    expect(negative.stdout).toMatch(/`-1` is negative/);
  });

  it('--jsonl takes no question on the command line', () => {
    const r = run(['--jsonl', '/lstm 1 1']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--jsonl reads its queries from stdin/);
  });
});

describe('paramcount --json', () => {
  it('a count: one JSON object, exit 0', () => {
    const r = run(['--json', '/lstm 4096 256']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout.endsWith('\n')).toBe(true);
    expect(r.stdout.trimEnd().split('\n')).toHaveLength(1);
    const j = JSON.parse(r.stdout);
    expect(j).toMatchObject({
      query: '/lstm 4096 256',
      convention: 'keras',
      total: '4457472',
      trainable: '4457472',
      non_trainable: '0',
    });
    expect(j.alternatives).toContainEqual({ convention: 'cudnn', total: '4458496' });
    expect(j.layers[0].tensors).toEqual([
      { name: 'kernel', shape: [4096, 1024], params: '4194304', trainable: true },
      { name: 'recurrent_kernel', shape: [256, 1024], params: '262144', trainable: true },
      { name: 'bias', shape: [1024], params: '1024', trainable: true },
    ]);
  });

  it('past 2^53: the exact decimal string', () => {
    const j = JSON.parse(run(['--json', '/lstm 100000000 100000000']).stdout);
    expect(j.total).toBe('80000000400000000');
  });

  for (const q of [
    '/lstm 4096',
    '/lstm 0 256',
    '/lstm 4096 2.5',
    '/lstm four 256',
    '/lstm 4096 256 proj=256',
    '/gru 128 64 proj=8',
    '/lstm 4096 256 <!channel>',
  ]) {
    it(`an error: {query, error}, exit 2 (${q})`, () => {
      const r = run(['--json', q]);
      expect(r.code).toBe(2);
      const j = JSON.parse(r.stdout);
      expect(Object.keys(j).sort()).toEqual(['error', 'query']);
      expect(j.query).toBe(q);
      expect(j.error).toContain('`/');
      expectNoStack(r.stdout, r.stderr);
    });
  }
});

describe('paramcount --jsonl', () => {
  it('one object per line, in order, bad lines answered and the run going on', () => {
    const inputs = [
      JSON.stringify('/lstm 4096 256'),
      'this is not JSON',
      '42',
      JSON.stringify('/lstm 0 256'),
      '{"q": "/lstm 4096 256"}',
      JSON.stringify('/gru 128 64 pytorch'),
      'null',
      JSON.stringify('/lstm 4096 256 <!channel>'),
      '[1, 2',
      JSON.stringify('nn.LSTM(1024, 1024, num_layers=2)'),
      JSON.stringify(''),
      JSON.stringify('/lstm 100000000 100000000'),
      'true',
      JSON.stringify('/rnn 300 128 layers=2 bi'),
    ];
    const r = run(['--jsonl'], inputs.join('\n') + '\n');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expectNoStack(r.stdout, r.stderr);
    const out = r.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, string | undefined>);
    expect(out).toHaveLength(inputs.length);

    // The query of each object is the decoded string, or the raw line when it was not a JSON string.
    expect(out.map((o) => o.query)).toEqual([
      '/lstm 4096 256',
      'this is not JSON',
      '42',
      '/lstm 0 256',
      '{"q": "/lstm 4096 256"}',
      '/gru 128 64 pytorch',
      'null',
      '/lstm 4096 256 <!channel>',
      '[1, 2',
      'nn.LSTM(1024, 1024, num_layers=2)',
      '',
      '/lstm 100000000 100000000',
      'true',
      '/rnn 300 128 layers=2 bi',
    ]);
    const good = [0, 5, 9, 11, 13];
    for (let i = 0; i < out.length; i++) {
      if (good.includes(i)) expect(out[i]!.error, `line ${i}`).toBeUndefined();
      else {
        expect(Object.keys(out[i]!).sort(), `line ${i}`).toEqual(['error', 'query']);
        expect(out[i]!.error!.length).toBeGreaterThan(0);
      }
    }
    expect(out[0]!.total).toBe('4457472');
    expect(out[1]!.error).toContain('JSON-encoded string');
    expect(out[2]!.error).toContain('JSON-encoded string');
    expect(out[3]!.error).toMatch(/input width must be at least 1/);
    expect(out[5]!.total).toBe(String(3n * 64n * (128n + 64n + 2n)));
    expect(out[9]!.total).toBe('16793600');
    expect(out[11]!.total).toBe('80000000400000000');
    expect(out[13]!.total).toBe(String(2n * 128n * (300n + 128n + 1n) + 2n * 128n * (256n + 128n + 1n)));
  });

  it('CRLF line endings and a last line without a newline', () => {
    const r = run(['--jsonl'], `"/lstm 4096 256"\r\n"/lstm 1 5"\r\n"/lstm 128 64"`);
    expect(r.code).toBe(0);
    expect(
      r.stdout
        .trimEnd()
        .split('\n')
        .map((l) => JSON.parse(l).total),
    ).toEqual(['4457472', '140', '49408']);
  });

  it('many lines stay in order', () => {
    const n = 500;
    const lines = Array.from({ length: n }, (_, i) =>
      i % 7 === 3 ? `garbage ${i}` : JSON.stringify(`/rnn ${i + 1} ${i + 2}`),
    );
    const r = run(['--jsonl'], lines.join('\n'));
    expect(r.code).toBe(0);
    const out = r.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, string | undefined>);
    expect(out).toHaveLength(n);
    out.forEach((o, i) => {
      if (i % 7 === 3) expect(o).toEqual({ query: `garbage ${i}`, error: expect.any(String) });
      else {
        const I = BigInt(i + 1);
        const H = BigInt(i + 2);
        expect(o.query).toBe(`/rnn ${i + 1} ${i + 2}`);
        expect(o.total).toBe(String(H * (I + H + 1n)));
      }
    });
  });

  it('empty input: no output, exit 0', () => {
    const r = run(['--jsonl'], '');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('');
  });

  it('a reader that stops early (`| head -1`): quiet exit 0, no EPIPE stack trace', async () => {
    const child = spawn(process.execPath, [CLI, '--jsonl'], {
      cwd: REPO_ROOT,
      env: envWithoutSlack(),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stderr = '';
    let first = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.stdout.setEncoding('utf8').once('data', (d: string) => {
      first = d;
      child.stdout.destroy();
    });
    child.stdin.on('error', () => {}); // the child may exit before reading all of it
    child.stdin.end((JSON.stringify('/lstm 4096 256 layers=3 bi') + '\n').repeat(20_000));
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    expect(JSON.parse(first.split('\n')[0]!).total).toBe(
      String(2n * 4n * 256n * (4096n + 256n + 1n) + 2n * 2n * 4n * 256n * (512n + 256n + 1n)),
    );
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });

  it('hostile and oversized lines are answered, not crashed on', () => {
    const lines = [
      JSON.stringify('/lstm ' + 'a'.repeat(99_000)),
      JSON.stringify('x'.repeat(150_000)),
      JSON.stringify('/lstm 4096 256\n'.repeat(6000)),
      JSON.stringify('\u0000\u001b[2J\ud800'),
      '"unterminated',
      JSON.stringify('/lstm 4096 256'),
    ];
    const r = run(['--jsonl'], lines.join('\n'));
    expect(r.code).toBe(0);
    expectNoStack(r.stdout, r.stderr);
    const out = r.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, string | undefined>);
    expect(out).toHaveLength(lines.length);
    for (const o of out.slice(0, 5)) expect(typeof o.error).toBe('string');
    expect(out[5]!.total).toBe('4457472');
  });
});
