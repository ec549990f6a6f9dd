// Console mode (no Slack credentials): read commands typed as in Slack from stdin and print answers.
//
//   /lstm 4096 256          a line starting with "/" starts a question (and ends the one before)
//   model = Sequential([    any other line starts a question when none is open, and continues the
//                           open one; blank lines inside a paste stay in it...
//   ])                      ...until its brackets balance and an empty line follows (or input ends)
//
// In a terminal the console turns on bracketed paste, so a paste is one question whatever it
// contains; a typed question is answered once its brackets balance and input pauses for a moment.
// Each question is answered through the worker pool (src/work/pool.ts) as the CLI and Slack are,
// and printed with renderText; answers are separated by a blank line.
import { createInterface, emitKeypressEvents } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { AnswerPool } from './work/pool.js';

export const PROMPT = 'paramcount> ';
export const CONTINUATION_PROMPT = '... ';
export const GREETING =
  'ParamCount console: type a command as in Slack, e.g. /lstm 4096 256, or paste a model (code or model.summary()).\n' +
  'A paste is one question; a typed one is answered when you press Enter with its brackets closed. Ctrl-D quits.\n';

const PASTE_START = '\x1b[200~';
const PASTE_END = '\x1b[201~';

export interface ConsoleQuery {
  /** '/lstm', or undefined when the text carries no slash command (pasted code). */
  command: string | undefined;
  text: string;
}

/**
 * Bracket depth after a line of Python-ish text, starting from `depth`. Brackets inside string
 * literals and after a `#` comment do not count; a closer with nothing open is ignored.
 */
export function bracketDepth(line: string, depth = 0): number {
  let d = depth;
  let quote = '';
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === '\\') i += 1;
      else if (c === quote) quote = '';
      continue;
    }
    if (c === '#') break;
    if (c === '"' || c === "'") quote = c;
    else if (c === '(' || c === '[' || c === '{') d += 1;
    else if ((c === ')' || c === ']' || c === '}') && d > 0) d -= 1;
  }
  return d;
}

/** Groups input lines into questions. Pure and incremental: push lines, then end(). */
export class QueryCollector {
  private command: string | undefined;
  private lines: string[] | null = null;
  private depth = 0;

  /** True while a question is open (more lines may continue it). */
  get open(): boolean {
    return this.lines !== null;
  }

  /** True when the open question's brackets are all closed (it may be answered). */
  get balanced(): boolean {
    return this.depth === 0;
  }

  /**
   * Feeds one line (without its newline); returns the questions it completed (0 or 1). Inside a
   * bracketed paste (`pasting`), blank and "/" lines continue the open question.
   */
  push(rawLine: string, pasting = false): ConsoleQuery[] {
    const line = rawLine.endsWith('\r') ? rawLine.slice(0, -1) : rawLine;
    const done: ConsoleQuery[] = [];
    if (line.trim() === '') {
      if (pasting || !this.balanced) {
        this.lines?.push(line);
        return done;
      }
      const q = this.end();
      if (q) done.push(q);
      return done;
    }
    const trimmed = line.trimStart();
    if (trimmed.startsWith('/') && !(pasting && this.open) && this.balanced) {
      const q = this.end();
      if (q) done.push(q);
      const space = trimmed.search(/\s/);
      this.command = space < 0 ? trimmed : trimmed.slice(0, space);
      const rest = space < 0 ? '' : trimmed.slice(space + 1);
      this.lines = [rest];
      this.depth = bracketDepth(rest);
      return done;
    }
    if (this.lines === null) {
      this.command = undefined;
      this.lines = [line];
    } else {
      this.lines.push(line);
    }
    this.depth = bracketDepth(line, this.depth);
    return done;
  }

  /** Closes the open question, if any, and returns it. */
  end(): ConsoleQuery | null {
    if (this.lines === null) return null;
    const q: ConsoleQuery = { command: this.command, text: this.lines.join('\n').trimEnd() };
    this.lines = null;
    this.command = undefined;
    this.depth = 0;
    return q;
  }
}

/** Splits a whole input into questions (what piped stdin amounts to). */
export function splitQueries(input: string): ConsoleQuery[] {
  const c = new QueryCollector();
  const out: ConsoleQuery[] = [];
  for (const line of input.split('\n')) out.push(...c.push(line));
  const last = c.end();
  if (last) out.push(last);
  return out;
}

/** The terminal answer to one question. */
export async function answerConsoleQuery(pool: AnswerPool, q: ConsoleQuery): Promise<string> {
  return (await pool.answer(q.text, q.command ? { command: q.command } : {}, 'text')).output;
}

/** Answers a whole input: the exact text `npm start` prints for it when piped. */
export async function consoleTranscript(pool: AnswerPool, input: string): Promise<string> {
  const parts: string[] = [];
  for (const q of splitQueries(input)) parts.push((await answerConsoleQuery(pool, q)) + '\n');
  return parts.join('\n');
}

export interface RunConsoleOptions {
  pool: AnswerPool;
  input?: Readable;
  output?: Writable;
  /** Prompt, bracketed paste and idle-ends-question behaviour; defaults to whether input is a TTY. */
  interactive?: boolean;
  /** Interactive only: ms without input after which a balanced open question is answered (default 150). */
  idleMs?: number;
}

/**
 * Runs the console until end of input, or until the reader of the output goes away (EPIPE: quiet
 * exit 0, as `| head -1` expects). Writes wait for the output to drain, so a slow reader is never
 * handed more than one answer ahead. Resolves with the exit code.
 */
export async function runConsole(options: RunConsoleOptions): Promise<number> {
  const { pool } = options;
  const input = options.input ?? process.stdin;
  const output = options.output ?? process.stdout;
  const interactive = options.interactive ?? Boolean((input as { isTTY?: boolean }).isTTY);
  const idleMs = options.idleMs ?? 150;
  const collector = new QueryCollector();
  let answered = 0;
  let exitCode: number | undefined;

  const rl = createInterface({
    input,
    output: interactive ? output : undefined,
    terminal: interactive,
    crlfDelay: Infinity,
  });
  const stop = (code: number) => {
    if (exitCode !== undefined) return;
    exitCode = code;
    rl.close();
  };
  output.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') process.stderr.write(`paramcount: cannot write the output (${err.code ?? 'error'})\n`);
    stop(err.code === 'EPIPE' ? 0 : 1);
  });
  const write = async (s: string): Promise<void> => {
    if (exitCode !== undefined) return;
    if (!output.write(s)) {
      await new Promise<void>((resolve) => {
        output.once('drain', resolve);
        output.once('error', () => resolve());
      });
    }
  };
  const answer = async (q: ConsoleQuery) => {
    const text = await answerConsoleQuery(pool, q);
    await write((answered > 0 ? '\n' : '') + text + '\n');
    answered += 1;
  };

  if (!interactive) {
    for await (const line of rl) {
      for (const q of collector.push(line)) await answer(q);
      if (exitCode !== undefined) break;
    }
    const last = collector.end();
    if (last && exitCode === undefined) await answer(last);
    return exitCode ?? 0;
  }

  // A terminal: bracketed paste on; the markers arrive as keypresses that readline does not insert.
  let pasting = false;
  emitKeypressEvents(input);
  input.on('keypress', (_s: string, key: { sequence?: string } | undefined) => {
    if (key?.sequence === PASTE_START) pasting = true;
    else if (key?.sequence === PASTE_END) pasting = false;
  });
  return new Promise<number>((resolve) => {
    let timer: NodeJS.Timeout | undefined;
    // Questions are answered one after another, in order, while input keeps arriving.
    let queue: Promise<void>;
    const enqueue = (qs: ConsoleQuery[]) => {
      for (const q of qs) queue = queue.then(() => answer(q));
      if (qs.length > 0) queue = queue.then(() => write('\n'));
    };
    let closed = false;
    const prompt = () => {
      queue = queue.then(() => {
        if (closed) return;
        rl.setPrompt(collector.open ? CONTINUATION_PROMPT : PROMPT);
        rl.prompt();
      });
    };
    const flush = () => {
      timer = undefined;
      if (pasting || !collector.balanced) return prompt();
      const q = collector.end();
      enqueue(q ? [q] : []);
      prompt();
    };
    // Listeners are attached before anything is awaited: readline emits lines as soon as input arrives.
    queue = write('\x1b[?2004h' + GREETING);
    prompt();
    rl.on('line', (line) => {
      if (timer) clearTimeout(timer);
      enqueue(collector.push(line, pasting));
      if (collector.open) timer = setTimeout(flush, idleMs);
      else prompt();
    });
    rl.on('SIGINT', () => rl.close());
    rl.on('close', () => {
      closed = true;
      if (timer) clearTimeout(timer);
      const last = collector.end();
      enqueue(last ? [last] : []);
      queue = queue.then(() => write('\x1b[?2004l\n'));
      void queue.then(() => resolve(exitCode ?? 0));
    });
  });
}
