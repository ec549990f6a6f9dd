// What one worker thread does for one question: answer it and render it for the door that asked.
// Run by the pool (src/work/pool.ts) in a worker thread, so a question that needs seconds of work
// never holds the main thread (HTTP, Socket Mode, signals). Async on purpose: a later step may await
// something (a Hugging Face config fetch) before answering.
import type { answerQuery } from '../answer.js';
import type { AnswerOptions } from '../answer.js';
import { answerQueryWithHub, hubTimeoutWithin } from '../hub/answer.js';
import { renderBlocks, renderLayerDetails } from '../render/blocks.js';
import type { SlackMessage } from '../render/blocks.js';
import { renderJsonLine } from '../render/json.js';
import { renderText } from '../render/text.js';

/** How the door wants the answer: terminal text, one JSON line, a Slack message, or the derivations button's messages. */
export interface Rendered {
  text: string;
  /** The Slack form as terminal text (`paramcount --short`). */
  textShort: string;
  json: string;
  /** The short Slack reply (headline, compact derivation, Share / More / Compare). */
  blocks: SlackMessage;
  /** The full reply: the "More" button's. */
  blocksFull: SlackMessage;
  /** Posted for everyone by Share: no buttons. */
  blocksShared: SlackMessage;
  details: SlackMessage[];
}
export type RenderKind = keyof Rendered;

export interface AnswerTask<R extends RenderKind = RenderKind> {
  text: string;
  options?: AnswerOptions;
  render: R;
  /** Answers whose rendered form is larger than this (UTF-8 bytes) are replaced by an error answer. */
  maxBytes: number;
  /** The pool's deadline for this answer: a Hugging Face config fetch gives up in time to say so. */
  deadlineMs?: number;
}

export interface TaskResult<R extends RenderKind = RenderKind> {
  /** The answer's kind, or 'too_large' when its output was replaced. */
  kind: 'count' | 'help' | 'error' | 'too_large';
  output: Rendered[R];
}

export const renderers: { [R in RenderKind]: (a: ReturnType<typeof answerQuery>) => Rendered[R] } = {
  text: (a) => renderText(a),
  textShort: (a) => renderText(a, { short: true }),
  json: renderJsonLine,
  blocks: (a) => renderBlocks(a),
  blocksFull: (a) => renderBlocks(a, { form: 'full' }),
  blocksShared: (a) => renderBlocks(a, { shared: true }),
  details: (a) => renderLayerDetails(a),
};

function byteSize(output: Rendered[RenderKind]): number {
  return Buffer.byteLength(typeof output === 'string' ? output : JSON.stringify(output), 'utf8');
}

export async function answerTask<R extends RenderKind>(task: AnswerTask<R>): Promise<TaskResult<R>> {
  // A query naming a Hub model (`/params owner/name`) fetches its config.json first; others answer at once.
  const answer = await answerQueryWithHub(task.text, {
    ...task.options,
    fetch: { timeoutMs: hubTimeoutWithin(task.deadlineMs) },
  });
  const render = renderers[task.render];
  const output = render(answer);
  if (byteSize(output) <= task.maxBytes) return { kind: answer.kind, output };
  const mb = task.maxBytes / (1024 * 1024);
  const limit = Number.isInteger(mb) ? `${mb} MB` : `${task.maxBytes} bytes`;
  const tooLarge = render({
    kind: 'error',
    query: answer.query,
    command: answer.command,
    message: `That answer is longer than I hand back (limit ${limit}). Ask about part of the model at a time, e.g. one layer such as \`/lstm 4096 256\`, or a few layers of the paste.`,
  });
  return { kind: 'too_large', output: tooLarge };
}

export default answerTask;
