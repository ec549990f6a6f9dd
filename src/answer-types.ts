// What an answer is: the data every door renders (render/ turns it into Block Kit, text or JSON).
// Its own module so render/ and the doors depend on the shape, not on how it is computed.
import type { ClaimRow } from './engine/claim.js';
import type { SolveUnknown } from './engine/solve.js';
import type { Convention, ModelRecord, Step } from './engine/types.js';
import type { Verification } from './engine/verify.js';
import type { TransformerPart } from './transformer-answer.js';
import type { SequenceCompute } from './engine/compute.js';
import type { Locale, Message } from './i18n/index.js';
import type { SlashRefusal } from './parse/slash.js';
import type { SizesFormula } from './parse/code/formula.js';

export interface Alternative {
  convention: Convention;
  total: bigint;
}

export interface ComparisonRow {
  convention: Convention;
  total: bigint;
  /** total minus the first row's total. */
  difference: bigint;
  explanation?: string;
}

/** `/lstm ? 64 = 49408`: which size was solved for, its value and the rearranged formula. */
export interface SolvedPart {
  unknown: SolveUnknown;
  value: bigint;
  steps: Step[];
}

/** `/lstm 4096 256 = 4458496`: under which conventions a stated total holds. */
export interface ClaimPart {
  stated: bigint;
  conventions: Convention[];
  rows: ClaimRow[];
  notes: string[];
  /** The notes as catalogue messages. */
  messages?: Message[];
}

export interface CountAnswer {
  kind: 'count';
  query: string;
  command: string;
  /** Plain text, e.g. "LSTM 4,096 → 256"; renderers escape it. */
  title: string;
  /** The title as catalogue messages, for replies in other languages. */
  titleParts?: Message[];
  convention: Convention;
  model: ModelRecord;
  alternatives: Alternative[];
  memory: { float32: bigint; float16: bigint };
  notes: string[];
  /** Every convention side by side (the Compare frameworks view); set when asked for. */
  comparison: ComparisonRow[] | null;
  incomplete: boolean;
  solved?: SolvedPart;
  claim?: ClaimPart;
  /** A pasted model.summary(), row by row. */
  verification?: Verification;
  /** A transformer (config.json, Hub model, `/transformer`): what only a transformer answer has. */
  transformer?: TransformerPart;
  /** The notes as catalogue messages (the reply says them in its language; `notes` keeps English). */
  messages?: Message[];
  /** Multiply-accumulates over the time steps the question gave. */
  compute?: SequenceCompute;
  /** The language to reply in. */
  locale?: Locale;
}

export interface HelpAnswer {
  kind: 'help';
  query: string;
  command: string;
  locale?: Locale;
}

export interface ErrorAnswer {
  kind: 'error';
  query: string;
  command: string;
  message: string;
  /** A refusal of slash shorthand as catalogue data, said in the reply's language. */
  refusal?: SlashRefusal;
  /** A pasted class without the line that builds it: its count as a formula of the missing sizes. */
  formula?: SizesFormula;
  locale?: Locale;
}

export type Answer = CountAnswer | HelpAnswer | ErrorAnswer;

export interface AnswerOptions {
  /** The slash command the text came with ('/lstm'); absent when the text may carry its own. */
  command?: string;
  /** Lay out every convention side by side. */
  compare?: boolean;
  /** The asker's locale when known (Slack users.info `locale`, e.g. "fr-FR"); else the question's language. */
  locale?: string;
}
