#!/usr/bin/env node
// The CLI: a thin door onto the same path as Slack (src/work/pool.ts: answer and render in a worker
// thread, with the same deadline).
//   paramcount "<query>"          the reply as text
//   paramcount --short "<query>"  the Slack (short) form as text
//   paramcount --json "<query>"   one JSON object (exit 2 on an error answer)
//   paramcount --jsonl            JSON strings in on stdin, one JSON object per line out, in order
import { createInterface } from 'node:readline';
import { createAnswerPool } from './work/pool.js';
import type { AnswerPool } from './work/pool.js';

const USAGE = `Usage:
  paramcount "<query>"          explain a parameter count, e.g. paramcount "/lstm 4096 256"
  paramcount --short "<query>"  the short reply Slack shows (headline and compact derivation)
  paramcount --json "<query>"   the same as one JSON object
  paramcount --jsonl            read one JSON-encoded query string per stdin line, write one JSON object per line
  paramcount --help             this text
A query is what you would type after a slash command, or the whole command:
  "/lstm 4096 256"  "/gru 128 64 pytorch"  "/lstm 300 300 bidirectional"  "nn.LSTM(300, 512, num_layers=2)"`;

const FLAGS = ['--json', '--jsonl', '--short', '--help', '-h'] as const;
type Flag = (typeof FLAGS)[number];

const NOT_A_STRING = 'Each line must be one JSON-encoded string, e.g. "/lstm 4096 256" (with the quotes).';

/** Splits leading flags from the query words; `--` ends the flags. An unknown flag is returned as such. */
export function parseArgs(argv: readonly string[]): { flags: Set<Flag>; query: string[]; unknown?: string } {
  const flags = new Set<Flag>();
  let i = 0;
  for (; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--') {
      i += 1;
      break;
    }
    if (!arg.startsWith('-') || /^-\d/.test(arg)) break;
    if (!(FLAGS as readonly string[]).includes(arg)) return { flags, query: [], unknown: arg };
    flags.add(arg as Flag);
  }
  return { flags, query: argv.slice(i) };
}

/** Waits for stdout to drain when its buffer is full: a slow reader is never handed unbounded output. */
async function writeOut(text: string): Promise<void> {
  if (!process.stdout.write(text)) await new Promise((r) => process.stdout.once('drain', r));
}

async function jsonlLine(pool: AnswerPool, line: string): Promise<string> {
  let query: unknown;
  try {
    query = JSON.parse(line);
  } catch {
    return JSON.stringify({ query: line, error: NOT_A_STRING });
  }
  if (typeof query !== 'string') return JSON.stringify({ query: line, error: NOT_A_STRING });
  return (await pool.answer(query, {}, 'json')).output;
}

async function runJsonl(pool: AnswerPool): Promise<void> {
  const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of rl) await writeOut((await jsonlLine(pool, line)) + '\n');
}

export async function main(argv: string[]): Promise<number> {
  const { flags, query, unknown } = parseArgs(argv);
  if (unknown !== undefined) {
    process.stderr.write(`paramcount: unknown option ${JSON.stringify(unknown)}\n${USAGE}\n`);
    return 2;
  }
  if (flags.has('--help') || flags.has('-h')) {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  const jsonl = flags.has('--jsonl');
  if (jsonl && (flags.has('--json') || query.length > 0)) {
    process.stderr.write(`paramcount: --jsonl reads its queries from stdin and takes nothing else\n${USAGE}\n`);
    return 2;
  }
  if (!jsonl && query.length === 0) {
    process.stderr.write(USAGE + '\n');
    return 2;
  }
  // One question at a time: one worker is enough, and starting a second would only cost cold start.
  const pool = createAnswerPool({ minThreads: 1, maxThreads: 1 });
  try {
    if (jsonl) {
      await runJsonl(pool);
      return 0;
    }
    const json = flags.has('--json');
    const short = flags.has('--short');
    const answer = await pool.answer(query.join(' '), {}, json ? 'json' : short ? 'textShort' : 'text');
    await writeOut(answer.output + '\n');
    // In --json mode help is printed as an error object too ("give a layer"), so it exits 2 like one.
    return answer.kind === 'count' || (!json && answer.kind === 'help') ? 0 : 2;
  } finally {
    await pool.close();
  }
}

// `paramcount --jsonl < big | head -1`: a reader that goes away is not an error worth a stack trace
// (unhandled, Node prints one for the EPIPE). Stop quietly; any other write failure is one line.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code !== 'EPIPE')
    process.stderr.write(`paramcount: cannot write the output (${err.code ?? 'write error'})\n`);
  process.exit(err.code === 'EPIPE' ? 0 : 1);
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  () => {
    process.stderr.write('paramcount: something went wrong; try paramcount --help\n');
    process.exitCode = 1;
  },
);
