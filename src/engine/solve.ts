// Solving a recurrent layer for one unknown size, given its stated parameter count.
//
// The count is exactly polynomial in each size (per direction: g·((X + R)·H + b·H) + extras):
//   - linear in the input width I (only layer 0 reads it):  N = S·I + C
//   - at most quadratic in the units H (the recurrent weights grow as H², everything else as H;
//     with a projection R = P and the count is linear in H):  N = a·H² + b·H
// so both unknowns have an exact closed form on BigInt (an integer square root for H). The
// coefficients are read off the engine's own recurrentTotal, never re-derived by hand, and checked
// at a further point; should that check ever fail, a binary search over the (monotonic) count is
// the fallback. Every path is iterative, bounded and total: bad input gives ok:false, never a throw.
import { MAX_SIZE } from '../limits.js';
import { groupDigits as formatCount } from './numbers.js';
import { GATES, biasVectorsPerGate, countRecurrent, recurrentProblem, recurrentTotal } from './recurrent.js';
import type { RecurrentSpec, Step, Term } from './types.js';
import { CELL_NAMES, CONVENTION_LABELS } from './types.js';

export type SolveUnknown = 'input' | 'units';

export interface NearestSize {
  value: bigint;
  total: bigint;
}

export type SolveResult =
  | { ok: true; value: bigint; spec: RecurrentSpec; steps: Step[] }
  | { ok: false; message: string; nearest: NearestSize[] };

/** Largest count the solver takes (10^30): far past any real model, small enough to stay cheap. */
export const MAX_SOLVE_TARGET = 10n ** 30n;

/** floor(√n) for n ≥ 0, exact for any size (Newton's method on BigInt). Returns 0 for n < 0. */
export function isqrt(n: bigint): bigint {
  if (n < 2n) return n < 0n ? 0n : n;
  // Start above the root: 2^(ceil(bits/2)).
  let x = 1n << BigInt(Math.ceil(n.toString(2).length / 2));
  for (;;) {
    const y = (x + n / x) >> 1n;
    if (y >= x) return x;
    x = y;
  }
}

function withValue(spec: RecurrentSpec, unknown: SolveUnknown, value: bigint): RecurrentSpec {
  return unknown === 'input' ? { ...spec, input: value } : { ...spec, units: value };
}

const CMD: Record<RecurrentSpec['cell'], string> = { lstm: 'lstm', gru: 'gru', rnn: 'rnn' };

/** A slash command that does solve for this unknown, for the spec as given (always a valid example). */
export function solveExample(spec: RecurrentSpec, unknown: SolveUnknown): string {
  try {
    if (unknown === 'input') {
      const units = spec.units > 0n ? spec.units : 64n;
      const probe = { ...spec, units, input: 128n };
      if (recurrentProblem(probe) === null) return `/${CMD[spec.cell]} ? ${units} = ${recurrentTotal(probe)}`;
      return '/lstm ? 64 = 49408';
    }
    const input = spec.input > 0n ? spec.input : 4096n;
    let units = 256n;
    if (spec.proj !== null && spec.proj >= units) units = spec.proj * 2n;
    const probe = { ...spec, input, units };
    if (recurrentProblem(probe) === null) return `/${CMD[spec.cell]} ${input} ? = ${recurrentTotal(probe)}`;
  } catch {
    // fall through to the fixed example
  }
  return '/lstm 4096 ? = 4457472';
}

function describe(spec: RecurrentSpec, unknown: SolveUnknown): string {
  const parts: string[] = [];
  if (spec.bidirectional) parts.push('bidirectional');
  if (spec.layers > 1) parts.push(`${spec.layers}-layer`);
  const head = `${parts.length ? parts.join(' ') + ' ' : ''}${CELL_NAMES[spec.cell].prose}`;
  const known =
    unknown === 'input' ? `with ${formatCount(spec.units)} units` : `over ${formatCount(spec.input)} inputs`;
  return `${head} ${known} (${CONVENTION_LABELS[spec.convention]})`;
}

/** "an LSTM", "a GRU", "a bidirectional LSTM". */
function article(phrase: string): string {
  return (/^(LSTM|[aeiou])/i.test(phrase) ? 'an ' : 'a ') + phrase;
}

function word(unknown: SolveUnknown, v: bigint): string {
  return unknown === 'input' ? `input ${formatCount(v)}` : `${formatCount(v)} units`;
}

function failure(spec: RecurrentSpec, unknown: SolveUnknown, target: bigint, nearest: NearestSize[]): SolveResult {
  const what = unknown === 'input' ? 'input width' : 'number of units';
  const head = `No whole ${what} gives exactly ${formatCount(target)} parameters for ${article(describe(spec, unknown))}`;
  const below = nearest.find((n) => n.total < target);
  const above = nearest.find((n) => n.total > target);
  let tail: string;
  if (below && above) {
    tail = `: ${word(unknown, below.value)} gives ${formatCount(below.total)} and ${word(unknown, above.value)} gives ${formatCount(above.total)}.`;
  } else if (above) {
    tail = `: even the smallest, ${word(unknown, above.value)}, gives ${formatCount(above.total)}.`;
  } else if (below) {
    tail = `: the largest accepted, ${word(unknown, below.value)}, gives only ${formatCount(below.total)}.`;
  } else {
    tail = '.';
  }
  return { ok: false, message: head + tail, nearest };
}

function invalid(spec: RecurrentSpec, unknown: SolveUnknown, why: string): SolveResult {
  return {
    ok: false,
    message: `${why} Expected a layer with one \`?\` and its total after \`=\`, e.g. \`${solveExample(spec, unknown)}\`.`,
    nearest: [],
  };
}

/** Checks the spec with the unknown set to a placeholder that satisfies every rule. */
function specProblem(spec: RecurrentSpec, unknown: SolveUnknown): string | null {
  const placeholder = unknown === 'units' && spec.proj !== null && spec.proj > 0n ? spec.proj + 1n : 1n;
  return recurrentProblem(withValue(spec, unknown, placeholder));
}

function oneLine(spec: RecurrentSpec): Step | null {
  try {
    const rec = countRecurrent(spec);
    const f = rec.steps.find((s) => s.kind === 'formula' && s.label === 'in one line');
    if (f && f.kind === 'formula')
      return { kind: 'formula', label: 'check', expression: f.expression, result: f.result };
  } catch {
    // spec was validated; nothing to add if it somehow is not countable
  }
  return null;
}

/** The spec is a single plain layer (no stack, one direction, no extras): the textbook formula applies. */
function isPlain(spec: RecurrentSpec): boolean {
  const flaxGru = spec.convention === 'flax' && spec.cell === 'gru' && spec.bias;
  return spec.layers === 1 && !spec.bidirectional && spec.proj === null && !spec.peepholes && !flaxGru;
}

const MINUS = '−';

function gatesH(g: number, sym: string): string {
  return g === 1 ? sym : `${g}${sym}`;
}

function solveInput(spec: RecurrentSpec, target: bigint): SolveResult {
  const at = (i: bigint) => recurrentTotal({ ...spec, input: i });
  const c = at(0n);
  const s = at(1n) - c;
  if (s <= 0n)
    return invalid(spec, 'input', 'This layer does not depend on its input width, so it cannot be solved for it.');
  const minTotal = c + s;
  if (target < minTotal) return failure(spec, 'input', target, [{ value: 1n, total: minTotal }]);
  const q = (target - c) / s;
  const r = (target - c) % s;
  if (r !== 0n) {
    const nearest: NearestSize[] = [];
    if (q >= 1n && q <= MAX_SIZE) nearest.push({ value: q, total: at(q) });
    if (q + 1n <= MAX_SIZE) nearest.push({ value: q + 1n, total: at(q + 1n) });
    return failure(spec, 'input', target, nearest);
  }
  if (q > MAX_SIZE) {
    return {
      ok: false,
      message: `The input width that fits, ${formatCount(q)}, is past the largest size accepted (${formatCount(MAX_SIZE)}).`,
      nearest: [],
    };
  }
  const solved = { ...spec, input: q };
  const g = GATES[spec.cell].length;
  const H = spec.units;
  const b = biasVectorsPerGate(spec);
  const D = spec.bidirectional ? 2n : 1n;
  const steps: Step[] = [];
  steps.push({
    kind: 'say',
    sentence: { id: 'solve-input', gates: g, bidirectional: D > 1n },
  });
  const factors: Term[] = [];
  if (D > 1n) factors.push({ value: D, label: 'directions' });
  if (g > 1) factors.push({ value: BigInt(g), label: 'gates' });
  factors.push({ value: H, label: 'units' });
  steps.push({ kind: 'product', label: 'parameters per input feature', factors, result: s });
  if (isPlain(spec)) {
    const R = spec.units;
    const sym = `I = N / (${gatesH(g, 'H')}) ${MINUS} H${b > 0 ? ` ${MINUS} ${b}` : ''}`;
    const num = `${target} / (${g === 1 ? H : `${g} x ${H}`}) ${MINUS} ${R}${b > 0 ? ` ${MINUS} ${b}` : ''}`;
    const ratio = target / (BigInt(g) * H);
    const tail = `${ratio} ${MINUS} ${R}${b > 0 ? ` ${MINUS} ${b}` : ''}`;
    steps.push({
      kind: 'formula',
      label: 'rearranged',
      expression: `${sym} = ${num} = ${tail}`,
      result: q,
    });
  } else {
    steps.push({
      kind: 'formula',
      label: 'everything else (the count at I = 0)',
      expression: `recurrent weights, biases${spec.proj !== null ? ', projection' : ''}${spec.peepholes ? ', peepholes' : ''}${spec.layers === 2 ? ', layer 1' : spec.layers > 2 ? `, layers 1 to ${spec.layers - 1}` : ''}`,
      result: c,
    });
    steps.push({
      kind: 'formula',
      label: 'rearranged',
      expression: `I = (N ${MINUS} ${c}) / ${s} = (${target} ${MINUS} ${c}) / ${s}`,
      result: q,
    });
  }
  const check = oneLine(solved);
  if (check) steps.push(check);
  return { ok: true, value: q, spec: solved, steps };
}

interface Quadratic {
  a: bigint;
  b: bigint;
}

/** Coefficients of N(H) = a·H² + b·H, read off the engine; null if N is not such a polynomial. */
function quadratic(f: (h: bigint) => bigint): Quadratic | null {
  const f0 = f(0n);
  const f1 = f(1n);
  const f2 = f(2n);
  if (f0 !== 0n) return null;
  const twoA = f2 - 2n * f1 + f0;
  if (twoA % 2n !== 0n) return null;
  const a = twoA / 2n;
  const b = f1 - a;
  // Confirm at two further points (a quadratic is pinned by three; these catch anything else).
  for (const h of [3n, 1000n]) if (f(h) !== a * h * h + b * h) return null;
  if (a < 0n || b < 0n || (a === 0n && b === 0n)) return null;
  return { a, b };
}

/** Largest h in [lo, hi] with f(h) ≤ target (f increasing), or lo − 1 if none. */
function searchBelow(f: (h: bigint) => bigint, lo: bigint, hi: bigint, target: bigint): bigint {
  if (f(lo) > target) return lo - 1n;
  let l = lo;
  let h = hi;
  while (l < h) {
    const mid = (l + h + 1n) >> 1n;
    if (f(mid) <= target) l = mid;
    else h = mid - 1n;
  }
  return l;
}

function solveUnits(spec: RecurrentSpec, target: bigint): SolveResult {
  const f = (h: bigint) => recurrentTotal({ ...spec, units: h });
  const lo = spec.proj !== null ? spec.proj + 1n : 1n;
  const hiCap = MAX_SIZE;
  const poly = quadratic(f);
  let h: bigint;
  if (poly && poly.a === 0n) {
    h = target / poly.b;
  } else if (poly) {
    const disc = poly.b * poly.b + 4n * poly.a * target;
    const root = isqrt(disc);
    h = root > poly.b ? (root - poly.b) / (2n * poly.a) : 0n;
  } else {
    h = searchBelow(f, 1n, target, target);
  }
  // h is the floor of the real root (or within one of it): settle it exactly on the count itself,
  // falling back to a bounded binary search should it be further off.
  for (let k = 0; k < 4 && f(h + 1n) <= target; k++) h++;
  for (let k = 0; k < 4 && h > 0n && f(h) > target; k++) h--;
  if (f(h) > target || f(h + 1n) <= target) h = searchBelow(f, 1n, target < 1n ? 1n : target, target);
  if (h > hiCap) {
    return {
      ok: false,
      message: `The number of units that fits, about ${formatCount(h)}, is past the largest size accepted (${formatCount(hiCap)}).`,
      nearest: [],
    };
  }
  if (h >= lo && f(h) === target) {
    const solved = { ...spec, units: h };
    return { ok: true, value: h, spec: solved, steps: unitSteps(spec, solved, target, poly) };
  }
  const nearest: NearestSize[] = [];
  if (h >= lo) nearest.push({ value: h, total: f(h) });
  const up = h + 1n < lo ? lo : h + 1n;
  if (up <= hiCap) nearest.push({ value: up, total: f(up) });
  return failure(spec, 'units', target, nearest);
}

function unitSteps(spec: RecurrentSpec, solved: RecurrentSpec, target: bigint, poly: Quadratic | null): Step[] {
  const g = GATES[spec.cell].length;
  const b = biasVectorsPerGate(spec);
  const H = solved.units;
  const steps: Step[] = [];
  if (poly && poly.a > 0n) {
    steps.push({ kind: 'say', sentence: { id: 'solve-units-quadratic' } });
    const sym = isPlain(spec)
      ? `${gatesH(g, 'H²')} + ${g === 1 ? '' : g}(I${b > 0 ? ` + ${b}` : ''})H ${MINUS} N = 0`
      : 'aH² + bH − N = 0';
    // An equation is not a value: it is stated, not "= result".
    steps.push({
      kind: 'say',
      sentence: {
        id: 'solve-equation',
        symbolic: sym,
        numeric: `${poly.a === 1n ? '' : poly.a}H² + ${poly.b}H ${MINUS} ${target} = 0`,
      },
    });
    const disc = poly.b * poly.b + 4n * poly.a * target;
    const root = isqrt(disc);
    steps.push({
      kind: 'formula',
      label: 'discriminant',
      expression: `${poly.b}² + 4 x ${poly.a} x ${target}`,
      result: disc,
    });
    steps.push({ kind: 'formula', label: 'its square root', expression: `√${disc}`, result: root });
    steps.push({
      kind: 'formula',
      label: 'positive root',
      expression: `H = (${MINUS}${poly.b} + ${root}) / (2 x ${poly.a})`,
      result: H,
    });
  } else if (poly) {
    steps.push({ kind: 'say', sentence: { id: 'solve-units-projection' } });
    steps.push({
      kind: 'formula',
      label: 'parameters per unit (the count at H = 1)',
      expression: `input, projected-recurrent and bias weights of one unit${spec.proj !== null ? ', and its row of the projection' : ''}`,
      result: poly.b,
    });
    steps.push({
      kind: 'formula',
      label: 'rearranged',
      expression: `H = N / ${poly.b} = ${target} / ${poly.b}`,
      result: H,
    });
  } else {
    steps.push({ kind: 'say', sentence: { id: 'solve-units-search' } });
  }
  const check = oneLine(solved);
  if (check) steps.push(check);
  return steps;
}

/**
 * Solves `spec` for its input width or its units so that the layer has exactly `target` parameters.
 * The unknown's current value in `spec` is ignored. Never throws.
 */
export function solveRecurrent(spec: RecurrentSpec, unknown: SolveUnknown, target: bigint): SolveResult {
  try {
    if (unknown !== 'input' && unknown !== 'units') {
      return invalid(spec, 'input', 'Only the input width or the units can be solved for.');
    }
    if (typeof target !== 'bigint') return invalid(spec, unknown, 'The stated count must be a whole number.');
    if (target <= 0n) {
      return invalid(spec, unknown, `The stated count must be a positive whole number (got ${formatCount(target)}).`);
    }
    if (target > MAX_SOLVE_TARGET) {
      return invalid(
        spec,
        unknown,
        `The stated count is past the largest this solves for (${formatCount(MAX_SOLVE_TARGET)}).`,
      );
    }
    const problem = specProblem(spec, unknown);
    if (problem) return invalid(spec, unknown, `Cannot solve this layer: ${problem}.`);
    const other = unknown === 'input' ? spec.units : spec.input;
    if (other > MAX_SIZE) return invalid(spec, unknown, `Sizes go up to ${formatCount(MAX_SIZE)}.`);
    return unknown === 'input' ? solveInput(spec, target) : solveUnits(spec, target);
  } catch (e) {
    return {
      ok: false,
      message: `Could not solve this layer (${e instanceof Error ? e.message : 'unexpected input'}).`,
      nearest: [],
    };
  }
}
