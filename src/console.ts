// Console mode (no Slack credentials): read commands typed as in Slack from stdin and print answers.
//
//   /lstm 4096 256          a line starting with "/" starts a query (and ends the one before)
//   nn.LSTM(300, 512)       any non-blank line starts a query when none is open...
//       num_layers=2)       ...and lines not starting with "/" continue the open one (pasted code)
//   <blank line>            ends the open query
//
// Each query is answered with renderText(answerQuery(text, { command })); answers are separated by a
// blank line. On a TTY there is a `paramcount> ` prompt, and a query also ends when no more input
// arrives for a moment (a paste arrives all at once, so pasted code stays together).
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { answerQuery } from './answer.js';
import { renderText } from './render/text.js';

export const PROMPT = 'paramcount> ';
export const CONTINUATION_PROMPT = '... ';

export interface ConsoleQuery {
  /** '/lstm', or undefined when the text carries no slash command (pasted code). */
  command: string | undefined;
  text: string;
}

/** Groups input lines into queries. Pure and incremental: push lines, then end(). */
export class QueryCollector {
  private command: string | undefined;
  private lines: string[] | null = null;

  /** True while a query is open (more lines may continue it). */
  get open(): boolean {
    return this.lines !== null;
  }

  /** Feeds one line (without its newline); returns the queries it completed (0 or 1). */
  push(rawLine: string): ConsoleQuery[] {
    const line = rawLine.replace(/\r$/, '');
    const done: ConsoleQuery[] = [];
    if (line.trim() === '') {
      const q = this.end();
      if (q) done.push(q);
      return done;
    }
    const trimmed = line.trimStart();
    if (trimmed.startsWith('/')) {
      const q = this.end();
      if (q) done.push(q);
      const m = /^(\/\S*)\s?([\s\S]*)$/.exec(trimmed);
      this.command = m?.[1] ?? trimmed;
      this.lines = [m?.[2] ?? ''];
      return done;
    }
    if (this.lines === null) {
      this.command = undefined;
      this.lines = [line];
    } else {
      this.lines.push(line);
    }
    return done;
  }

  /** Closes the open query, if any, and returns it. */
  end(): ConsoleQuery | null {
    if (this.lines === null) return null;
    const q: ConsoleQuery = { command: this.command, text: this.lines.join('\n').trimEnd() };
    this.lines = null;
    this.command = undefined;
    return q;
  }
}

/** Splits a whole input into queries (what piped stdin amounts to). */
export function splitQueries(input: string): ConsoleQuery[] {
  const c = new QueryCollector();
  const out: ConsoleQuery[] = [];
  for (const line of input.split('\n')) out.push(...c.push(line));
  const last = c.end();
  if (last) out.push(last);
  return out;
}

/** The terminal answer to one query. */
export function answerConsoleQuery(q: ConsoleQuery): string {
  return renderText(answerQuery(q.text, q.command ? { command: q.command } : {}));
}

/** Answers a whole input in-process: the exact text `npm start` prints for it when piped. */
export function consoleTranscript(input: string): string {
  return splitQueries(input)
    .map((q) => answerConsoleQuery(q) + '\n')
    .join('\n');
}

export interface RunConsoleOptions {
  input?: Readable;
  output?: Writable;
  /** Prompt and idle-ends-query behaviour; defaults to whether input is a TTY. */
  interactive?: boolean;
  /** Interactive only: ms without input after which an open query is answered (default 150). */
  idleMs?: number;
}

/** Runs the console until end of input. Resolves with the exit code (0). */
export async function runConsole(options: RunConsoleOptions = {}): Promise<number> {
  const input = options.input ?? process.stdin;
  const output = options.output ?? process.stdout;
  const interactive = options.interactive ?? Boolean((input as { isTTY?: boolean }).isTTY);
  const idleMs = options.idleMs ?? 150;
  const collector = new QueryCollector();
  let answered = 0;

  const write = (s: string) => void output.write(s);
  const answer = (q: ConsoleQuery) => {
    write((answered > 0 ? '\n' : '') + answerConsoleQuery(q) + '\n');
    answered += 1;
  };

  const rl = createInterface({
    input,
    output: interactive ? output : undefined,
    terminal: interactive,
    crlfDelay: Infinity,
  });

  if (!interactive) {
    for await (const line of rl) for (const q of collector.push(line)) answer(q);
    const last = collector.end();
    if (last) answer(last);
    return 0;
  }

  return new Promise<number>((resolve) => {
    let timer: NodeJS.Timeout | undefined;
    const prompt = () => {
      rl.setPrompt(collector.open ? CONTINUATION_PROMPT : PROMPT);
      rl.prompt();
    };
    const flush = () => {
      timer = undefined;
      const q = collector.end();
      if (q) {
        answer(q);
        write('\n');
      }
      prompt();
    };
    write('ParamCount console: type a command as in Slack, e.g. /lstm 4096 256 (Ctrl-D to quit).\n');
    prompt();
    rl.on('line', (line) => {
      if (timer) clearTimeout(timer);
      const done = collector.push(line);
      for (const q of done) answer(q);
      if (done.length > 0) write('\n');
      if (collector.open) timer = setTimeout(flush, idleMs);
      else prompt();
    });
    rl.on('SIGINT', () => rl.close());
    rl.on('close', () => {
      if (timer) clearTimeout(timer);
      const last = collector.end();
      if (last) answer(last);
      write('\n');
      resolve(0);
    });
  });
}
