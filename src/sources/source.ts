// An input kind: how to recognise a text and answer it. answer.ts walks the list of sources in
// order; the first whose detect() accepts the text answers it.
import type { Alternative, Answer, ComparisonRow, ErrorAnswer } from '../answer-types.js';
import type { Convention } from '../engine/types.js';

export interface SourceContext {
  /** The whole query as typed (command included), echoed in the answer. */
  query: string;
  /** The slash command ('/lstm'), or '' when the text came without one. */
  command: string;
  /** Lay out every convention side by side (undefined: the text may ask for it). */
  compare: boolean | undefined;
  /** The asker's locale when the door knows it (Slack users.info `locale`, e.g. "fr-FR"). */
  locale?: string | undefined;
}

export interface InputSource {
  name: string;
  /** Cheap, linear check on the text (after the command is split off). */
  detect(text: string, ctx: SourceContext): boolean;
  answer(text: string, ctx: SourceContext): Answer;
}

export function errorAnswer(ctx: SourceContext, message: string): ErrorAnswer {
  return { kind: 'error', query: ctx.query, command: ctx.command, message };
}

export function comparisonRows(convention: Convention, total: bigint, alternatives: Alternative[]): ComparisonRow[] {
  return [{ convention, total, difference: 0n }, ...alternatives.map((a) => ({ ...a, difference: a.total - total }))];
}
