// What the summary check says about a row and about the table, and the small helpers every row
// check shares (verdicts, plural words, the conventions in the order a format prefers them).
import type { SummaryFormat, Shape } from '../../parse/summary.js';
import { groupDigits as formatCount } from '../numbers.js';
import type { Convention, RecurrentSpec } from '../types.js';
import { CONVENTIONS } from '../types.js';

export type RowStatus = 'agrees' | 'disagrees' | 'unknown';

export interface VerifiedRow {
  /** As printed, without the "(Type)". */
  name: string;
  /** The layer type as rebuilt ("Bidirectional(LSTM)", "BatchNormalization", "Conv2d"...). */
  type: string;
  stated: bigint;
  /** The count under the first convention in `conventions`; else under the format's own convention; null if not computable. */
  computed: bigint | null;
  status: RowStatus;
  /** Every convention under which the stated count holds (table order). */
  conventions: Convention[];
  note: string;
  /** computed − stated, for rows that disagree. */
  difference?: bigint;
  /** Recurrent rows: the layer as rebuilt (under the first matching convention, or the one computed). */
  spec?: RecurrentSpec;
  /**
   * A row that disagrees without a count of its own (no whole size fits): the engine's count nearest
   * the stated one, what the row most likely was. The total check uses it.
   */
  nearest?: bigint;
  /** The engine's non-trainable weights in this row (Keras BatchNorm's moving mean and variance). */
  nonTrainable?: bigint;
  /** A size the summary does not print, solved from the count. */
  solved?: { what: 'input' | 'vocabulary' | 'kernel' | 'layers'; value: bigint };
  depth: number;
  line: number;
}

export interface TotalCheck {
  /** The summary's "Total params" (null when it shows none). */
  stated: bigint | null;
  /** What the rows add up to (top-level rows for Keras; every non-recursive row for torchinfo). */
  computed: bigint;
  /** Whether they match (Keras 3's optimizer variables taken out first); null without a stated total. */
  agrees: boolean | null;
  note: string;
  /** The summary's "Trainable params" beside the engine's; agrees null when the summary shows none. */
  trainable?: SplitCheck;
  /** The summary's "Non-trainable params" beside the engine's (layers' own + frozen layers stated). */
  nonTrainable?: SplitCheck;
}

export interface SplitCheck {
  stated: bigint | null;
  computed: bigint;
  agrees: boolean | null;
}

export interface Verification {
  format: SummaryFormat;
  rows: VerifiedRow[];
  total: TotalCheck;
  counts: { agrees: number; disagrees: number; unknown: number };
}

export type VerifyResult = { ok: true; verification: Verification } | { ok: false; message: string };

// ---------------------------------------------------------------------------------------------
// Helpers

export function lastDim(shape: Shape | null | undefined): bigint | null {
  if (!shape || shape.length === 0) return null;
  const d = shape[shape.length - 1];
  return d === undefined ? null : d;
}

export function dimAt(shape: Shape | null | undefined, i: number): bigint | null {
  if (!shape || shape.length <= i) return null;
  return shape[i] ?? null;
}

export const fmt = formatCount;

/** "1 unit", "3 units", "1 bias", "8 biases". */
export function n(count: bigint, word: string): string {
  const plural = word.endsWith('s') ? `${word}es` : `${word}s`;
  return `${fmt(count)} ${count === 1n ? word : plural}`;
}

/** "A Dropout", "An Activation" (starts a sentence). */
export function a(word: string): string {
  return `${/^[AEIOU]/i.test(word) ? 'An' : 'A'} ${word}`;
}

export interface Ctx {
  format: SummaryFormat;
  torch: boolean;
  /** Conventions in the order this format prefers them (its own first). */
  order: Convention[];
}

export function orderFor(format: SummaryFormat, cudnn: boolean): Convention[] {
  // A CuDNNLSTM/CuDNNGRU row fixes the convention: two bias vectors per gate, whatever the format.
  if (cudnn) return ['cudnn', 'pytorch'];
  const head: Convention[] = cudnn
    ? ['cudnn', 'pytorch']
    : format === 'torchinfo'
      ? ['pytorch', 'cudnn', 'onnx']
      : format === 'keras1' || format === 'tfjs'
        ? ['keras2', 'keras']
        : ['keras', 'keras2'];
  return [...head, ...CONVENTIONS.filter((c) => !head.includes(c))];
}

export type RowResult = Omit<VerifiedRow, 'name' | 'stated' | 'depth' | 'line'>;

export function agrees(
  type: string,
  computed: bigint,
  conventions: Convention[],
  note: string,
  extra: RowExtra = {},
): RowResult {
  return { type, computed, status: 'agrees', conventions, note, ...extra };
}

export type RowExtra = Pick<VerifiedRow, 'spec' | 'solved' | 'nearest' | 'nonTrainable'> & { difference?: bigint };

export function disagrees(
  type: string,
  computed: bigint | null,
  stated: bigint,
  note: string,
  extra: RowExtra = {},
): RowResult {
  const out: RowResult = { type, computed, status: 'disagrees', conventions: [], note, ...extra };
  if (computed !== null) out.difference = computed - stated;
  return out;
}

export function unknown(type: string, note: string, computed: bigint | null = null): RowResult {
  return { type, computed, status: 'unknown', conventions: [], note };
}

export const ALL: Convention[] = [...CONVENTIONS];
