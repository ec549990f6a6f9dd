#!/usr/bin/env node
// The CLI: a thin door onto the same parse -> count -> render path as Slack.
//   paramcount "<query>"          the reply as text
//   paramcount --short "<query>"  the Slack (short) form as text
//   paramcount --json "<query>"   one JSON object (exit 2 on an error answer)
//   paramcount --jsonl            JSON strings in on stdin, one JSON object per line out, in order
import { createInterface } from 'node:readline';
import { answerQuery } from './answer.js';
import { renderJsonLine } from './render/json.js';
import { renderText } from './render/text.js';

const USAGE = `Usage:
  paramcount "<query>"          explain a parameter count, e.g. paramcount "/lstm 4096 256"
  paramcount --short "<query>"  the short reply Slack shows (headline and compact derivation)
  paramcount --json "<query>"   the same as one JSON object
  paramcount --jsonl            read one JSON-encoded query string per stdin line, write one JSON object per line
A query is what you would type after a slash command, or the whole command:
  "/lstm 4096 256"  "/gru 128 64 pytorch"  "/lstm 300 300 bidirectional"  "nn.LSTM(300, 512, num_layers=2)"`;

function jsonlLine(line: string): string {
  let query: unknown;
  try {
    query = JSON.parse(line);
  } catch {
    return JSON.stringify({
      query: line,
      error: 'Each line must be one JSON-encoded string, e.g. "/lstm 4096 256" (with the quotes).',
    });
  }
  if (typeof query !== 'string') {
    return JSON.stringify({
      query: line,
      error: 'Each line must be one JSON-encoded string, e.g. "/lstm 4096 256" (with the quotes).',
    });
  }
  return renderJsonLine(answerQuery(query));
}

async function runJsonl(): Promise<void> {
  const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of rl) {
    let out: string;
    try {
      out = jsonlLine(line);
    } catch {
      out = JSON.stringify({ query: line, error: 'That line could not be answered; try e.g. "/lstm 4096 256".' });
    }
    if (!process.stdout.write(out + '\n')) await new Promise((r) => process.stdout.once('drain', r));
  }
}

export async function main(argv: string[]): Promise<number> {
  const args = [...argv];
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  if (args[0] === '--jsonl') {
    await runJsonl();
    return 0;
  }
  const short = args[0] === '--short';
  if (short) args.shift();
  const json = args[0] === '--json';
  if (json) args.shift();
  if (args.length === 0) {
    process.stderr.write(USAGE + '\n');
    return 2;
  }
  const answer = answerQuery(args.join(' '));
  process.stdout.write((json ? renderJsonLine(answer) : renderText(answer, { short })) + '\n');
  // In --json mode help is printed as an error object too ("give a layer"), so it exits 2 like one.
  return answer.kind === 'error' || (json && answer.kind === 'help') ? 2 : 0;
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
