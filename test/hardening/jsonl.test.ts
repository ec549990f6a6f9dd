// `paramcount --jsonl` over a mix of good and bad lines: exactly one JSON answer per input line, in
// order, and no stack trace on stdout or stderr, whatever the lines hold.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, envWithoutSlack, REPO_ROOT } from '../helpers/build.js';

const CLI = join(REPO_ROOT, 'dist', 'cli.js');
const MB = 1024 * 1024;

function runJsonl(input: string): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, '--jsonl'], {
    input,
    env: envWithoutSlack(),
    encoding: 'utf8',
    maxBuffer: 64 * MB,
    timeout: 60_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const STACK = /^\s{4}at |Error:/m;

beforeAll(() => ensureBuilt(), 180_000);

interface Line {
  raw: string;
  /** What the answer's `query` must be: the decoded string for a JSON string line, else the raw line. */
  query: string;
  total?: string;
  error?: RegExp;
}

const str = (q: string, extra: Omit<Line, 'raw' | 'query'> = {}): Line => ({
  raw: JSON.stringify(q),
  query: q,
  ...extra,
});
const raw = (line: string, error: RegExp = /JSON-encoded string/): Line => ({ raw: line, query: line, error });

const LINES: Line[] = [
  str('/lstm 4096 256', { total: '4457472' }),
  str('/lstm -5 256', { error: /negative/ }),
  raw('{not json'),
  raw(''),
  raw('   '),
  raw('42'),
  raw('-0.5e3'),
  raw('1e309'),
  raw('9'.repeat(100_000)),
  raw('{"query": "/lstm 4096 256"}'),
  raw('["/lstm 4096 256"]'),
  raw('null'),
  raw('true'),
  raw('"unterminated'),
  raw('"/lstm 4096 256" trailing'),
  str('nn.LSTM(300, 512, num_layers=2)', { total: '3768320' }),
  str('x'.repeat(2 * MB), { error: /100,000/ }),
  raw('y'.repeat(MB)),
  str('('.repeat(100_000), { error: /e\.g\./ }),
  str('\u0000\ud800<!channel> & \u001b[31m', { error: /e\.g\./ }),
  str("__import__('os').system('id')", { error: /never run code/ }),
  str('/gru 128 64 pytorch', { total: '37248' }),
  str('', { error: /e\.g\./ }),
  str('/lstm 4096 256 layers=99999999999999999999', { error: /1,000/ }),
  str('/lstm 4096 256', { total: '4457472' }),
];

describe('paramcount --jsonl with good and bad lines', () => {
  it('answers every line exactly once, in order, with no stack trace', { timeout: 120_000 }, () => {
    // One line ends in CRLF, and the last has no newline at all.
    const input = LINES.map((l, i) => l.raw + (i === 1 ? '\r\n' : '\n'))
      .join('')
      .replace(/\n$/, '');
    const r = runJsonl(input);
    expect(r.status).toBe(0);
    expect(r.stdout).not.toMatch(STACK);
    expect(r.stderr).not.toMatch(STACK);
    expect(r.stderr).toBe('');
    const out = r.stdout.split('\n');
    expect(out.pop()).toBe(''); // ends with a newline
    expect(out).toHaveLength(LINES.length);
    out.forEach((line, i) => {
      const expected = LINES[i]!;
      expect(line.length).toBeGreaterThan(0);
      const answer = JSON.parse(line) as { query: string; total?: string; error?: string };
      expect(answer.query, `line ${i + 1}`).toBe(expected.query);
      if (expected.total) expect(answer.total, `line ${i + 1}: ${answer.error ?? ''}`).toBe(expected.total);
      if (expected.error) expect(answer.error, `line ${i + 1}`).toMatch(expected.error);
      expect(answer.total !== undefined || answer.error !== undefined).toBe(true);
      expect(answer.error ?? '').not.toMatch(STACK);
    });
  });

  it('no input, no output', () => {
    const r = runJsonl('');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('');
  });

  it('a thousand mixed lines come back as a thousand answers in order', { timeout: 120_000 }, () => {
    const lines: string[] = [];
    for (let i = 0; i < 1000; i++) {
      lines.push(i % 3 === 0 ? JSON.stringify(`/lstm ${i + 1} 8`) : i % 3 === 1 ? `{bad ${i}` : String(i));
    }
    const r = runJsonl(lines.join('\n') + '\n');
    expect(r.status).toBe(0);
    expect(r.stdout).not.toMatch(STACK);
    expect(r.stderr).toBe('');
    const out = r.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as { query: string; total?: string });
    expect(out).toHaveLength(1000);
    out.forEach((a, i) => {
      expect(a.query).toBe(i % 3 === 0 ? `/lstm ${i + 1} 8` : lines[i]);
      if (i % 3 === 0) expect(a.total).toBe(String(4 * 8 * (i + 1 + 8 + 1)));
    });
  });
});
