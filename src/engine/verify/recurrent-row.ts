// Recurrent rows (LSTM, GRU, SimpleRNN, their cuDNN forms, Bidirectional): candidate specs from the
// output width (units, directions, merge), counted by the engine's recurrent counter under every
// convention; the input width comes from the row before or is solved from the count.
import { MAX_STACKED_LAYERS } from '../../limits.js';
import type { SummaryRow } from '../../parse/summary.js';
import { biasDifference, conventionList, underConvention } from '../claim.js';
import { biasVectorsPerGate, conventionApplies, recurrentTotal } from '../recurrent.js';
import { solveRecurrent } from '../solve.js';
import type { CellKind, Convention, RecurrentSpec } from '../types.js';
import { CONVENTIONS, CONVENTION_LABELS } from '../types.js';
import type { ClassInfo, Resolved } from './classes.js';
import type { Ctx, RowExtra, RowResult } from './result.js';
import { agrees, disagrees, fmt, lastDim, n, unknown } from './result.js';

// ---------------------------------------------------------------------------------------------
// Recurrent rows

export const CELL_TITLE: Record<CellKind, string> = { lstm: 'LSTM', gru: 'GRU', rnn: 'SimpleRNN' };

interface Candidate {
  cell: CellKind;
  directions: 1 | 2;
  units: bigint;
  merge: 'concat' | 'sum' | 'torch' | null;
}

interface Match {
  spec: RecurrentSpec;
  conventions: Convention[];
  solvedInput: boolean;
  alternatives: string[];
}

function baseSpec(
  row: SummaryRow,
  c: Candidate,
  input: bigint,
  bias: boolean,
  convention: Convention,
  className: string,
): RecurrentSpec {
  return {
    kind: 'recurrent',
    cell: c.cell,
    input,
    units: c.units,
    layers: 1,
    bidirectional: c.directions === 2,
    bias,
    proj: null,
    peepholes: false,
    resetAfter: null,
    convention,
    name: row.name,
    typeName: className,
  };
}

/** Conventions (of `allowed`: a CuDNNLSTM row only has cuDNN's) under which `spec` counts `stated`. */
function holdsUnder(spec: RecurrentSpec, stated: bigint, allowed: readonly Convention[] = CONVENTIONS): Convention[] {
  return CONVENTIONS.filter(
    (c) => allowed.includes(c) && conventionApplies(spec, c) && recurrentTotal(underConvention(spec, c)) === stated,
  );
}

/** Stacked layers that make `spec` (layers = 1) reach `stated` under its convention, or null. */
function layersFor(spec: RecurrentSpec, stated: bigint): number | null {
  const one = recurrentTotal({ ...spec, layers: 1 });
  if (stated === one) return 1;
  const step = recurrentTotal({ ...spec, layers: 2 }) - one;
  if (stated < one || step <= 0n || (stated - one) % step !== 0n) return null;
  const L = 1n + (stated - one) / step;
  return L <= BigInt(MAX_STACKED_LAYERS) ? Number(L) : null;
}

function tryCandidate(
  ctx: Ctx,
  row: SummaryRow,
  c: Candidate,
  input: bigint | null,
  bias: boolean,
  className: string,
): Match | null {
  const stated = row.stated;
  if (input !== null) {
    if (ctx.torch) {
      for (const conv of ctx.order) {
        const spec = baseSpec(row, c, input, bias, conv, className);
        if (!conventionApplies(spec, conv)) continue;
        const L = layersFor(spec, stated);
        if (L === null) continue;
        const stacked = { ...spec, layers: L };
        return {
          spec: stacked,
          conventions: holdsUnder(stacked, stated, ctx.order),
          solvedInput: false,
          alternatives: [],
        };
      }
      return null;
    }
    const probe = baseSpec(row, c, input, bias, ctx.order[0] ?? 'keras', className);
    const conventions = holdsUnder(probe, stated, ctx.order);
    if (conventions.length === 0) return null;
    const first = ctx.order.find((x) => conventions.includes(x)) ?? (conventions[0] as Convention);
    return { spec: underConvention(probe, first), conventions, solvedInput: false, alternatives: [] };
  }
  for (const conv of ctx.order) {
    const spec = baseSpec(row, c, 1n, bias, conv, className);
    if (!conventionApplies(spec, conv)) continue;
    const r = solveRecurrent(spec, 'input', stated);
    if (!r.ok) continue;
    const conventions = holdsUnder(r.spec, stated, ctx.order);
    const alternatives: string[] = [];
    const others = new Map<bigint, Convention[]>();
    for (const other of ctx.order) {
      if (other === conv || conventions.includes(other)) continue;
      const os = baseSpec(row, c, 1n, bias, other, className);
      if (!conventionApplies(os, other)) continue;
      const o = solveRecurrent(os, 'input', stated);
      if (o.ok) others.set(o.value, [...(others.get(o.value) ?? []), other]);
    }
    for (const [value, cs] of others) {
      if (alternatives.length < 2) alternatives.push(`input ${fmt(value)} under ${conventionList(cs)}`);
    }
    if (ctx.torch) {
      for (let L = 2; L <= 8 && alternatives.length < 4; L++) {
        const o = solveRecurrent({ ...spec, layers: L }, 'input', stated);
        if (o.ok) alternatives.push(`${L} stacked layers over input ${fmt(o.value)}`);
      }
    }
    return { spec: r.spec, conventions, solvedInput: true, alternatives };
  }
  return null;
}

/**
 * The count nearest `stated` over whole input widths: the count grows linearly with the input, so
 * the two widths around the exact (fractional) solution are tried, each counted by the engine.
 */
function nearestByInput(spec: RecurrentSpec, stated: bigint): bigint | null {
  const at = (input: bigint) => recurrentTotal({ ...spec, input });
  const t1 = at(1n);
  const slope = at(2n) - t1;
  if (slope <= 0n) return null;
  const below = stated > t1 ? 1n + (stated - t1) / slope : 1n;
  let best: bigint | null = null;
  for (const input of [below, below + 1n]) {
    const t = at(input);
    const d = t > stated ? t - stated : stated - t;
    if (best === null || d < (best > stated ? best - stated : stated - best)) best = t;
  }
  return best;
}

function describeRecurrent(c: Candidate, spec: RecurrentSpec, width: bigint, wrapper: boolean): string {
  const title = `${wrapper ? 'Bidirectional ' : c.directions === 2 ? 'bidirectional ' : ''}${CELL_TITLE[c.cell]}`;
  let merge = '';
  if (c.merge === 'concat') merge = ` (output ${fmt(width)} = 2 x ${fmt(c.units)}, concatenated)`;
  else if (c.merge === 'sum') merge = ` (output ${fmt(width)}: the directions merged by sum, mul or ave)`;
  else if (c.merge === 'torch' && c.directions === 2) merge = ` (output ${fmt(width)} = 2 x ${fmt(c.units)})`;
  const stack = spec.layers > 1 ? `, ${spec.layers} stacked layers` : '';
  return `${title}, ${n(c.units, 'unit')}${c.directions === 2 ? ' per direction' : ''}${merge}${stack} over ${n(spec.input, 'input')}`;
}

/** The other bias family's figure: "…: the 2,400 are 2 directions x 4 gates x 300 second biases." */
function biasContrast(spec: RecurrentSpec, stated: bigint): string {
  if (!spec.bias) return '';
  const mine = biasVectorsPerGate(spec);
  const other: Convention = mine === 2 ? 'keras' : 'cudnn';
  if (!conventionApplies(spec, other)) return '';
  const os = underConvention(spec, other);
  const otherTotal = recurrentTotal(os);
  if (otherTotal === stated) return '';
  const ob = biasVectorsPerGate(os);
  const why = biasDifference(spec, otherTotal - stated, Math.max(mine, ob), Math.min(mine, ob));
  if (!why) return ` ${CONVENTION_LABELS[other]} counts ${fmt(otherTotal)}.`;
  const [amount, phrase] = why.split(' = ');
  if (mine === 2) {
    return ` That is ${fmt(stated)} with cuDNN's two bias vectors per gate, ${fmt(otherTotal)} without (Keras): the ${amount} are ${phrase}.`;
  }
  return ` With cuDNN or PyTorch (two bias vectors per gate) it would be ${fmt(otherTotal)}: the ${amount} are ${phrase}.`;
}

function gruNote(spec: RecurrentSpec, conventions: Convention[], stated: bigint): string {
  if (spec.cell !== 'gru' || !spec.bias) return '';
  if (conventions.includes('keras2') && !conventions.includes('keras')) {
    const k3 = recurrentTotal(underConvention(spec, 'keras'));
    return ` reset_after=False (Keras 1–2.3 / TensorFlow.js); the Keras 2.4+ / Keras 3 default reset_after=True would give ${fmt(k3)}.`;
  }
  if (conventions.includes('keras') && !conventions.includes('keras2')) {
    const k2 = recurrentTotal(underConvention(spec, 'keras2'));
    if (k2 !== stated)
      return ` reset_after=True (the Keras 3 / tf.keras 2 default); with reset_after=False it would be ${fmt(k2)}.`;
  }
  return '';
}

export function recurrentRow(
  ctx: Ctx,
  row: SummaryRow,
  res: Resolved,
  input: bigint | null,
  inputSource: string,
): RowResult {
  const info = res.info as ClassInfo;
  const wrapper = info.kind === 'bidirectional';
  const W = row.shapeTruncated ? null : lastDim(row.outputShape);
  const hint: CellKind | null = wrapper
    ? /lstm/i.test(row.name)
      ? 'lstm'
      : /gru/i.test(row.name)
        ? 'gru'
        : /rnn/i.test(row.name)
          ? 'rnn'
          : null
    : null;
  const shownType = wrapper ? 'Bidirectional' : res.className;
  if (W === null || W <= 0n)
    return unknown(shownType, 'The output shape does not show the units, so the layer cannot be rebuilt.');
  const candidates: Candidate[] = [];
  if (wrapper) {
    const cells: CellKind[] = hint
      ? [hint, ...(['lstm', 'gru', 'rnn'] as CellKind[]).filter((x) => x !== hint)]
      : ['lstm', 'gru', 'rnn'];
    if (W % 2n === 0n)
      for (const cell of cells) candidates.push({ cell, directions: 2, units: W / 2n, merge: 'concat' });
    for (const cell of cells) candidates.push({ cell, directions: 2, units: W, merge: 'sum' });
  } else {
    const cell = info.kind as CellKind;
    candidates.push({ cell, directions: 1, units: W, merge: ctx.torch ? 'torch' : null });
    if (ctx.torch && W % 2n === 0n) candidates.push({ cell, directions: 2, units: W / 2n, merge: 'torch' });
  }
  const typeOf = (c: Candidate) => (wrapper ? `Bidirectional(${CELL_TITLE[c.cell]})` : res.className);
  for (const bias of [true, false]) {
    for (const c of candidates) {
      const m = tryCandidate(ctx, row, c, input, bias, typeOf(c));
      if (!m) continue;
      let note = describeRecurrent(c, m.spec, W, wrapper);
      if (m.solvedInput) {
        note += `; input width ${fmt(m.spec.input)}, solved from the count${ctx.torch && m.spec.layers === 1 ? ' (one layer assumed)' : ''}`;
        if (m.alternatives.length) note += ` (it also fits ${m.alternatives.join(', ')})`;
      }
      if (!bias) note += '; no biases (use_bias=False / bias=False)';
      note += `. ${fmt(row.stated)} holds under ${conventionList(m.conventions)}.`;
      note += biasContrast(m.spec, row.stated) + gruNote(m.spec, m.conventions, row.stated);
      const extra: RowExtra = { spec: m.spec };
      if (m.solvedInput) extra.solved = { what: 'input', value: m.spec.input };
      else if (m.spec.layers > 1) extra.solved = { what: 'layers', value: BigInt(m.spec.layers) };
      return agrees(typeOf(c), recurrentTotal(m.spec), m.conventions, note, extra);
    }
  }
  // PyTorch: forward() may reshape between modules, so the row above need not be this one's input.
  if (ctx.torch && input !== null) {
    for (const c of candidates) {
      const m = tryCandidate(ctx, row, c, null, true, typeOf(c));
      if (!m) continue;
      const note =
        `${describeRecurrent(c, m.spec, W, wrapper)}; input width ${fmt(m.spec.input)}, solved from the count: not the ` +
        `${fmt(input)} ${inputSource}, so forward() must reshape in between. ${fmt(row.stated)} holds under ${conventionList(m.conventions)}.` +
        biasContrast(m.spec, row.stated);
      return agrees(typeOf(c), recurrentTotal(m.spec), m.conventions, note, {
        spec: m.spec,
        solved: { what: 'input', value: m.spec.input },
      });
    }
  }
  const first = candidates[0] as Candidate;
  const primary =
    ctx.order.find((cv) => conventionApplies(baseSpec(row, first, 1n, true, cv, typeOf(first)), cv)) ?? 'keras';
  if (input === null) {
    const r = solveRecurrent(baseSpec(row, first, 1n, true, primary, typeOf(first)), 'input', row.stated);
    const why = r.ok ? '' : ` ${r.message}`;
    const out = disagrees(
      typeOf(first),
      null,
      row.stated,
      `No ${wrapper ? 'bidirectional LSTM, GRU or SimpleRNN' : CELL_TITLE[first.cell]} with the units in its output shape (${fmt(W)}) has ${fmt(row.stated)} parameters under any convention.${why}`,
    );
    const guess = nearestByInput(baseSpec(row, first, 1n, true, primary, typeOf(first)), row.stated);
    if (guess !== null) out.nearest = guess;
    return out;
  }
  const spec = baseSpec(row, first, input, true, primary, typeOf(first));
  const computed = recurrentTotal(spec);
  let note =
    `Should be ${fmt(computed)} under ${CONVENTION_LABELS[primary]} for a ${describeRecurrent(first, spec, W, wrapper)}; ` +
    `the summary says ${fmt(row.stated)} (off by ${fmt(computed > row.stated ? computed - row.stated : row.stated - computed)}), which no convention gives.`;
  const byInput = solveRecurrent(spec, 'input', row.stated);
  if (byInput.ok) note += ` It would fit an input width of ${fmt(byInput.value)}.`;
  return disagrees(typeOf(first), computed, row.stated, note, { spec });
}
