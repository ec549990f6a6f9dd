// Every answer is computed in a worker thread, with a deadline. The main thread keeps serving HTTP
// (/healthz, other users' commands), Socket Mode and signals while a hostile paste is being worked
// on; past the deadline the worker is terminated and replaced, and the asker gets a friendly answer
// saying what the limit is and how to split the question. The CLI, the console and Slack all ask
// through here, so they share the deadline and the limits.
//
// The main thread never loads the parser, engine or renderers on the normal path (only the worker
// does), which keeps the CLI's cold start close to what it was.
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import type { AnswerOptions } from '../answer.js';
import { DEFAULT_ANSWER_DEADLINE_MS, MAX_ANSWER_BYTES, WORKER_HEAP_MB } from './limits.js';
import type { AnswerTask, Rendered, RenderKind, TaskResult } from './task.js';

export type { RenderKind, Rendered } from './task.js';

/** Why an answer did not come from the worker: past the deadline, out of heap, or our bug. */
export type StoppedKind = 'too_slow' | 'out_of_memory' | 'failed';

export interface PoolAnswer<R extends RenderKind> {
  kind: TaskResult['kind'] | StoppedKind;
  output: Rendered[R];
}

/** The part of Bolt's Logger the pool writes to. */
export interface PoolLogger {
  warn(...msg: unknown[]): void;
  error(...msg: unknown[]): void;
}

export interface AnswerPoolOptions {
  deadlineMs?: number;
  /** Threads kept ready (the bot keeps 2, so one slow answer never delays the next; the CLI starts 1). */
  minThreads?: number;
  maxThreads?: number;
  logger?: PoolLogger;
  maxBytes?: number;
}

export interface AnswerPool {
  readonly deadlineMs: number;
  answer<R extends RenderKind>(text: string, options: AnswerOptions, render: R): Promise<PoolAnswer<R>>;
  /** Stops every worker; answers still running are given up. */
  close(): Promise<void>;
}

/**
 * The compiled task. Under vitest the sources run as TypeScript from src/, which a worker thread on
 * Node 20 cannot load, so there the pool uses dist/ (tests call ensureBuilt() first).
 */
function taskFile(): string {
  const url = import.meta.url;
  return url.endsWith('.ts') ? new URL('../../dist/work/task.js', url).href : new URL('./task.js', url).href;
}

/** The stopped answer's words, from the catalogues (`say` is `t` in the reply's language). */
function stoppedMessage(
  kind: StoppedKind,
  deadlineMs: number,
  say: (id: string, args?: Record<string, number>) => string,
): string {
  const split = say('stopped-split');
  switch (kind) {
    case 'too_slow':
      return `${say('stopped-too-slow', { seconds: deadlineMs / 1000 })} ${split}`;
    case 'out_of_memory':
      return `${say('stopped-out-of-memory', { megabytes: WORKER_HEAP_MB })} ${split}`;
    case 'failed':
      return say('stopped-failed');
  }
}

/** The stopped answer, rendered for the door like any other (the renderers load only on this path). */
async function renderStopped<R extends RenderKind>(
  kind: StoppedKind,
  deadlineMs: number,
  text: string,
  options: AnswerOptions,
  render: R,
): Promise<PoolAnswer<R>> {
  const { renderers } = await import('./task.js');
  const { pickLocale, t } = await import('../i18n/index.js');
  const command = options.command ?? '';
  const query = command ? `${command} ${text}`.trim() : text;
  // In the asker's language, as the answer would have been (their Slack locale, else the question's).
  const locale = pickLocale({ locale: options.locale ?? null, text: text.slice(0, 2000) });
  const message = stoppedMessage(kind, deadlineMs, (id, args) => t(locale, id, args));
  const output = renderers[render]({ kind: 'error', query, command, message, locale });
  return { kind, output };
}

export function createAnswerPool(options: AnswerPoolOptions = {}): AnswerPool {
  const deadlineMs = options.deadlineMs ?? DEFAULT_ANSWER_DEADLINE_MS;
  const maxBytes = options.maxBytes ?? MAX_ANSWER_BYTES;
  const minThreads = options.minThreads ?? 1;
  const maxThreads = Math.max(minThreads, options.maxThreads ?? Math.max(2, availableParallelism()));
  const pool = new Piscina<AnswerTask, TaskResult>({
    filename: taskFile(),
    name: 'answerTask',
    minThreads,
    maxThreads,
    idleTimeout: 60_000,
    resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
  });

  return {
    deadlineMs,
    async answer<R extends RenderKind>(text: string, answerOptions: AnswerOptions, render: R) {
      const signal = AbortSignal.timeout(deadlineMs);
      const started = performance.now();
      try {
        const result = await pool.run({ text, options: answerOptions, render, maxBytes, deadlineMs }, { signal });
        return result as PoolAnswer<R>;
      } catch (error) {
        const code = (error as { code?: unknown }).code;
        const kind: StoppedKind = signal.aborted
          ? 'too_slow'
          : code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? 'out_of_memory'
            : 'failed';
        const ms = Math.round(performance.now() - started);
        // Never the user's text: its length is enough to find the request in the log.
        if (kind === 'failed') options.logger?.error(`answer failed in its worker (chars=${text.length}):`, error);
        else
          options.logger?.warn(
            `answer stopped: ${kind === 'too_slow' ? `past the ${deadlineMs} ms deadline` : `over the ${WORKER_HEAP_MB} MB heap limit`} after ${ms} ms; worker replaced (chars=${text.length})`,
          );
        return renderStopped(kind, deadlineMs, text, answerOptions, render);
      }
    },
    close: () => pool.destroy(),
  };
}
