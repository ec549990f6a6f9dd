// Checking a stated parameter count against every convention, and laying the conventions side by side.
// Pure data out: each row carries its total, its difference and (where the difference has a simple
// cause, such as cuDNN's second bias vector) a one-line explanation. Never throws.
import { groupDigits as formatCount } from './numbers.js';
import {
  GATES,
  RESET_AFTER_CONVENTIONS,
  biasVectorsPerGate,
  conventionApplies,
  recurrentProblem,
  recurrentTotal,
} from './recurrent.js';
import { solveRecurrent } from './solve.js';
import type { Convention, RecurrentSpec } from './types.js';
import { CONVENTIONS, CONVENTION_LABELS } from './types.js';
import { msg, say } from '../i18n/index.js';
import type { Message } from '../i18n/index.js';

/** What else the question said about the input, for explaining a stated count that is off. */
export interface ClaimContext {
  /** Time steps the question gave (`16 timesteps`, `input_shape=(16, 4096)`). */
  timesteps?: bigint | null;
  /** `input_shape=(T, F)` as written: a count made with T as the input width has the two swapped. */
  inputShape?: { steps: bigint | null; features: bigint } | null;
}

/** Largest sequence length taken as plausible when a stated count is the count times it. */
export const MAX_PLAUSIBLE_TIMESTEPS = 100_000n;
/** Largest input width taken as a plausible reading of a stated count. */
const MAX_PLAUSIBLE_WIDTH = 1_000_000n;

export interface ClaimRow {
  convention: Convention;
  label: string;
  total: bigint;
  /** total − stated: positive when the convention counts more than was stated. */
  difference: bigint;
  holds: boolean;
  explanation?: string;
  /** The explanation as a catalogue message (render/ says it in the reply's language). */
  explanationMessage?: Message;
}

export type ClaimCheck =
  | {
      ok: true;
      stated: bigint;
      /** Every convention under which the stated count holds, in table order. */
      conventions: Convention[];
      rows: ClaimRow[];
      /** Variants outside the table that also give the stated count (bias=False, reset_after). */
      notes: string[];
      /** The notes as catalogue messages, and any about time steps or a swapped input_shape. */
      messages: Message[];
    }
  | { ok: false; message: string };

export interface CompareRow {
  convention: Convention;
  label: string;
  total: bigint;
  /** total − the first row's total (the spec's own convention). */
  difference: bigint;
  explanation?: string;
}

export type CompareResult = { ok: true; rows: CompareRow[] } | { ok: false; message: string };

/** The spec re-read under another convention (reset_after only carries over between the Keras ones). */
export function underConvention(spec: RecurrentSpec, convention: Convention): RecurrentSpec {
  const resetAfter = RESET_AFTER_CONVENTIONS.includes(convention) ? spec.resetAfter : null;
  return { ...spec, convention, resetAfter };
}

/** "2 directions x ", "3 layers x ", "2 layers x 2 directions x " or "" for a single layer-direction. */
function copiesPhrase(spec: RecurrentSpec): string {
  const D = spec.bidirectional ? 2 : 1;
  const L = spec.layers;
  const parts: string[] = [];
  if (L > 1) parts.push(`${L} layers`);
  if (D > 1) parts.push(`${D} directions`);
  return parts.length ? parts.join(' x ') + ' x ' : '';
}

/**
 * Why two counts of the same layer differ by `diff` when one keeps `more` bias vectors per gate and
 * the other `fewer`: "2,400 = 2 directions x 4 gates x 300 second biases". Null when the difference
 * is not exactly those bias vectors.
 */
export function biasDifference(spec: RecurrentSpec, diff: bigint, more: number, fewer: number): string | null {
  const abs = diff < 0n ? -diff : diff;
  const k = more - fewer;
  if (k <= 0 || abs === 0n) return null;
  const g = GATES[spec.cell].length;
  const copies = BigInt(spec.layers) * (spec.bidirectional ? 2n : 1n);
  if (abs !== copies * BigInt(g) * BigInt(k) * spec.units) return null;
  const gates = g > 1 ? `${g} gates x ` : '';
  const what =
    k === 2
      ? `2 x ${formatCount(spec.units)} biases (b_ih and b_hh)`
      : more === 2
        ? `${formatCount(spec.units)} second biases`
        : `${formatCount(spec.units)} biases`;
  return `${formatCount(abs)} = ${copiesPhrase(spec)}${gates}${what}`;
}

/** "Keras 3 / tf.keras, PyTorch and cuDNN". */
export function conventionList(cs: readonly Convention[]): string {
  const names = cs.map((c) => CONVENTION_LABELS[c]);
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** The stated count as this count times a number of time steps: exactly, or (far larger) roughly. */
function sequenceMultiple(total: bigint, stated: bigint, diff: bigint, ctx: ClaimContext): Message | null {
  if (total <= 0n || stated < 2n * total) return null;
  const ratio = stated / total;
  if (stated % total === 0n && (ratio === ctx.timesteps || ratio <= MAX_PLAUSIBLE_TIMESTEPS))
    return msg('claim-times-steps', { diff, total, steps: ratio });
  // Far larger but not a multiple: still the shape of a per-sequence figure, never a parameter count.
  if (ratio >= 8n) return msg('claim-about-times', { diff, total, ratio });
  return null;
}

/** An explanation for a row whose total differs from the stated count. */
function explainClaimRow(
  spec: RecurrentSpec,
  convention: Convention,
  stated: bigint,
  total: bigint,
  ctx: ClaimContext,
): Message | undefined {
  const diff = total - stated;
  if (diff === 0n) return undefined;
  const s = underConvention(spec, convention);
  const mine = biasVectorsPerGate(s);
  const abs = diff < 0n ? -diff : diff;
  // The stated count keeps more (diff < 0) or fewer (diff > 0) bias vectors per gate than this convention.
  for (const k of [1, 2]) {
    const more = diff < 0n ? mine + k : mine;
    const fewer = diff < 0n ? mine : mine - k;
    if (fewer < 0 || more > 2) continue;
    const why = biasDifference(s, diff, more, fewer);
    if (why) return msg('claim-off-by-why', { why });
  }
  const times = sequenceMultiple(total, stated, abs, ctx);
  if (times?.id === 'claim-times-steps') return times;
  // Otherwise: does the stated count fit this convention with another input width or units?
  const byInput = solveRecurrent(s, 'input', stated);
  if (byInput.ok) {
    const shape = ctx.inputShape;
    if (shape && shape.steps !== null && byInput.value === shape.steps)
      return msg('claim-shape-swapped', { diff: abs, steps: String(shape.steps), features: String(shape.features) });
    // A width in the millions is no real input: a figure that far above the count is per sequence.
    if (byInput.value <= MAX_PLAUSIBLE_WIDTH || !times)
      return msg('claim-fits-input', { diff: abs, fits: byInput.value, input: spec.input });
  }
  if (times) return times;
  const byUnits = solveRecurrent(s, 'units', stated);
  if (byUnits.ok) return msg('claim-fits-units', { diff: abs, fits: byUnits.value, units: spec.units });
  return msg('claim-off-by', { diff: abs });
}

function specError(spec: RecurrentSpec): string | null {
  if (!spec || typeof spec !== 'object' || spec.kind !== 'recurrent')
    return 'expected a recurrent layer (LSTM, GRU or RNN)';
  if (typeof spec.input !== 'bigint' || typeof spec.units !== 'bigint' || spec.input <= 0n || spec.units <= 0n) {
    return 'the input width and the units must be positive whole numbers';
  }
  if (!Number.isInteger(spec.layers) || spec.layers < 1) return 'layers must be at least 1';
  return null;
}

/**
 * Checks a stated total against every convention that can count the spec.
 * `conventions` lists each one under which it holds; every row says by how much the others miss.
 */
export function checkClaim(spec: RecurrentSpec, stated: bigint, ctx: ClaimContext = {}): ClaimCheck {
  try {
    const bad = specError(spec);
    if (bad) return { ok: false, message: `Cannot check this claim: ${bad}. Example: \`/lstm 4096 256 = 4458496\`.` };
    if (typeof stated !== 'bigint' || stated < 0n) {
      return {
        ok: false,
        message: 'A stated parameter count is a whole number of 0 or more, e.g. `/lstm 4096 256 = 4458496`.',
      };
    }
    const rows: ClaimRow[] = [];
    for (const c of CONVENTIONS) {
      if (!conventionApplies(spec, c)) continue;
      const total = recurrentTotal(underConvention(spec, c));
      const holds = total === stated;
      const row: ClaimRow = { convention: c, label: CONVENTION_LABELS[c], total, difference: total - stated, holds };
      const explanation = holds ? undefined : explainClaimRow(spec, c, stated, total, ctx);
      if (explanation) {
        row.explanationMessage = explanation;
        row.explanation = say('en', explanation);
      }
      rows.push(row);
    }
    if (rows.length === 0) {
      const problem = recurrentProblem(spec) ?? 'no convention can count this layer';
      return { ok: false, message: `Cannot check this claim: ${problem}.` };
    }
    const conventions = rows.filter((r) => r.holds).map((r) => r.convention);
    const notes: string[] = [];
    const messages: Message[] = [];
    if (conventions.length === 0) {
      notes.push(...variantNotes(spec, stated));
      // A figure that grows with the sequence is a compute or activation count: say why parameters do not.
      const perSequence = rows.some(
        (r) => r.explanationMessage?.id === 'claim-times-steps' || r.explanationMessage?.id === 'claim-about-times',
      );
      const swapped = rows.some((r) => r.explanationMessage?.id === 'claim-shape-swapped');
      if (perSequence) messages.push(msg('claim-steps-never-count'));
      if (swapped) messages.push(msg('claim-shape-explained'));
      for (const m of messages) notes.push(say('en', m));
    }
    return { ok: true, stated, conventions, rows, notes, messages };
  } catch (e) {
    return { ok: false, message: `Cannot check this claim (${e instanceof Error ? e.message : 'unexpected input'}).` };
  }
}

/** bias=False and the other reset_after: variants that are not conventions of their own. */
function variantNotes(spec: RecurrentSpec, stated: bigint): string[] {
  const notes: string[] = [];
  if (spec.bias) {
    const noBias = CONVENTIONS.filter(
      (c) => conventionApplies(spec, c) && recurrentTotal(underConvention({ ...spec, bias: false }, c)) === stated,
    );
    if (noBias.length)
      notes.push(
        `${formatCount(stated)} is the count without any bias (bias=False / use_bias=False) under ${conventionList(noBias)}.`,
      );
  }
  if (spec.cell === 'gru') {
    for (const c of RESET_AFTER_CONVENTIONS) {
      const current = underConvention(spec, c);
      const flipped: RecurrentSpec = { ...current, resetAfter: !(biasVectorsPerGate(current) === 2) };
      if (recurrentProblem(flipped) === null && recurrentTotal(flipped) === stated) {
        notes.push(
          `${formatCount(stated)} is ${CONVENTION_LABELS[c]}'s count with reset_after=${flipped.resetAfter ? 'True' : 'False'}.`,
        );
      }
    }
  }
  return notes;
}

/**
 * Every convention that can count the spec, side by side: the spec's own convention first, then the
 * rest in table order, each with its difference from the first.
 */
export function compareConventions(spec: RecurrentSpec): CompareResult {
  try {
    const bad = specError(spec);
    if (bad) return { ok: false, message: `Cannot compare: ${bad}. Example: \`/lstm 4096 256 compare\`.` };
    const problem = recurrentProblem(spec);
    if (problem) return { ok: false, message: `Cannot compare: ${problem}.` };
    const order = [spec.convention, ...CONVENTIONS.filter((c) => c !== spec.convention)];
    const rows: CompareRow[] = [];
    let first: bigint | null = null;
    let firstBias = 0;
    for (const c of order) {
      if (!conventionApplies(spec, c)) continue;
      const s = c === spec.convention ? spec : underConvention(spec, c);
      const total = recurrentTotal(s);
      if (first === null) {
        first = total;
        firstBias = biasVectorsPerGate(s);
        rows.push({ convention: c, label: CONVENTION_LABELS[c], total, difference: 0n });
        continue;
      }
      const difference = total - first;
      const row: CompareRow = { convention: c, label: CONVENTION_LABELS[c], total, difference };
      if (difference !== 0n) {
        const b = biasVectorsPerGate(s);
        const why = biasDifference(s, difference, Math.max(b, firstBias), Math.min(b, firstBias));
        if (why) row.explanation = `${difference > 0n ? '+' : '−'}${why}`;
        else if (c === 'flax' && spec.cell === 'gru')
          row.explanation = "Flax's GRU keeps input biases on every gate and one recurrent bias (hn)";
      }
      rows.push(row);
    }
    return { ok: true, rows };
  } catch (e) {
    return { ok: false, message: `Cannot compare (${e instanceof Error ? e.message : 'unexpected input'}).` };
  }
}
