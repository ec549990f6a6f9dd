// Recurrent layers (LSTM, GRU, simple RNN): the record (totals, tensors, derivation steps, stack rows,
// cell picture) for any convention. The formula and its facts are in recurrent-cell.ts, the tensor
// layouts in recurrent-tensors.ts.
import type { DirectionCount } from './recurrent-cell.js';
import {
  GATES,
  RESET_AFTER_CONVENTIONS,
  biasVectorsPerGate,
  conventionApplies,
  directionCount,
  recurrentProblem,
  recurrentTotal,
} from './recurrent-cell.js';
import { tensorsFor } from './recurrent-tensors.js';
import type {
  CellPicture,
  Convention,
  LayerRecord,
  Note,
  RecurrentSpec,
  StackRow,
  Step,
  TensorRecord,
} from './types.js';
import { CELL_NAMES, CONVENTIONS } from './types.js';

export {
  GATES,
  RESET_AFTER_CONVENTIONS,
  biasVectorsPerGate,
  conventionApplies,
  recurrentProblem,
  recurrentTotal,
} from './recurrent-cell.js';

function fmtN(n: bigint): string {
  return n.toString();
}

/** "4 x ((4096 + 256) x 256 + 256)" for one direction of a layer reading X. */
function oneLineFormula(spec: RecurrentSpec, d: DirectionCount): string {
  const g = GATES[spec.cell].length;
  const H = fmtN(spec.units);
  const b = biasVectorsPerGate(spec);
  const concat = `(${fmtN(d.inputWidth)} + ${fmtN(d.recurrentWidth)})`;
  let inner: string;
  if (b === 0) inner = `${concat} x ${H}`;
  else inner = `(${concat} x ${H} + ${b === 1 ? H : `${b} x ${H}`})`;
  let f = g === 1 ? inner.replace(/^\((.*)\)$/, '$1') : `${g} x ${inner}`;
  for (const e of d.extras) f += ' + ' + e.factors.map((x) => fmtN(x.value)).join(' x ');
  return f;
}

function labelRecurrent(spec: RecurrentSpec): string {
  return spec.proj !== null ? 'h_{t-1} (projected)' : 'h_{t-1}';
}

function buildSteps(
  spec: RecurrentSpec,
  first: DirectionCount,
  upper: DirectionCount | null,
  stack: StackRow[],
  total: bigint,
): Step[] {
  const gates = GATES[spec.cell];
  const g = BigInt(gates.length);
  const steps: Step[] = [];
  steps.push({
    kind: 'say',
    sentence:
      gates.length === 1
        ? { id: 'cell-one-layer', cell: spec.cell }
        : { id: 'cell-gates', cell: spec.cell, gates: gates.length },
  });
  steps.push({
    kind: 'sum',
    label: '[h_{t-1}, x_t] width',
    terms: [
      { value: first.recurrentWidth, label: labelRecurrent(spec) },
      { value: first.inputWidth, label: 'x_t' },
    ],
    result: first.concat,
  });
  const per = gates.length === 1 ? '' : ' per gate';
  steps.push({
    kind: 'product',
    label: `weights${per}`,
    factors: [
      { value: first.concat, label: '[h, x] width' },
      { value: spec.units, label: 'units' },
    ],
    result: first.weightsPerGate,
  });
  const b = biasVectorsPerGate(spec);
  if (b > 0) {
    const names = biasNames(spec);
    steps.push({
      kind: 'sum',
      label: `bias${per}`,
      terms: names.map((n) => ({ value: spec.units, label: n })),
      result: first.biasPerGate,
    });
    if (gates.length > 1) {
      steps.push({
        kind: 'sum',
        label: 'per gate',
        terms: [
          { value: first.weightsPerGate, label: 'weights' },
          { value: first.biasPerGate, label: 'bias' },
        ],
        result: first.perGate,
      });
    }
  } else {
    steps.push({ kind: 'say', sentence: { id: 'recurrent-no-bias' } });
  }
  const single = stack.length === 1 && !spec.bidirectional && first.extras.length === 0;
  if (gates.length > 1) {
    steps.push({
      kind: 'product',
      label: single ? 'total' : first.extras.length > 0 ? 'all gates' : 'per direction',
      factors: [
        { value: g, label: 'gates' },
        { value: first.perGate, label: 'per gate' },
      ],
      result: first.gatesTotal,
    });
  }
  for (const e of first.extras) {
    steps.push({ kind: 'product', label: e.label, factors: e.factors, result: e.params });
  }
  if (first.extras.length > 0) {
    steps.push({
      kind: 'sum',
      label: stack.length > 1 || spec.bidirectional ? 'per direction' : 'total',
      terms: [
        { value: first.gatesTotal, label: 'gates' },
        ...first.extras.map((e) => ({ value: e.params, label: e.label.split(' (')[0] ?? e.label })),
      ],
      result: first.total,
    });
  }
  const D = spec.bidirectional ? 2 : 1;
  if (stack.length === 1 && D === 1) {
    steps.push({ kind: 'formula', label: 'in one line', expression: oneLineFormula(spec, first), result: total });
  } else {
    if (D === 2) {
      steps.push({ kind: 'say', sentence: { id: 'bidirectional-counts-twice' } });
    }
    if (upper) {
      steps.push({
        kind: 'say',
        sentence: { id: 'stacked', input: spec.input, upper: upper.inputWidth, bidirectional: D === 2 },
      });
      steps.push({
        kind: 'sum',
        label: '[h_{t-1}, x_t] width in layers 1+',
        terms: [
          { value: upper.recurrentWidth, label: labelRecurrent(spec) },
          { value: upper.inputWidth, label: 'x_t' },
        ],
        result: upper.concat,
      });
    }
    steps.push({
      kind: 'sum',
      label: 'total',
      terms: stack.map((r) => ({ value: r.params, label: `layer ${r.layer}` })),
      result: total,
    });
    const parts = [`${D > 1 ? `${D} x ` : ''}[${oneLineFormula(spec, first)}]`];
    if (upper) {
      const n = BigInt(spec.layers - 1) * BigInt(D);
      parts.push(`${n > 1n ? `${n} x ` : ''}[${oneLineFormula(spec, upper)}]`);
    }
    steps.push({ kind: 'formula', label: 'in one line', expression: parts.join(' + '), result: total });
  }
  return steps;
}

function biasNames(spec: RecurrentSpec): string[] {
  const b = biasVectorsPerGate(spec);
  if (b === 1) return ['bias'];
  if (b === 0) return [];
  switch (spec.convention) {
    case 'keras':
    case 'keras2':
      return ['input bias', 'recurrent bias'];
    case 'onnx':
      return ['Wb', 'Rb'];
    case 'cudnn':
      return ['bias on W', 'bias on R'];
    default:
      return ['b_ih', 'b_hh'];
  }
}

/** The other family's figure: one-bias conventions are compared with cuDNN, two-bias ones with Keras. */
function crossConventionNote(spec: RecurrentSpec, total: bigint): Step | null {
  const mine = biasVectorsPerGate(spec);
  // A two-bias Keras GRU (reset_after=True) is compared with cuDNN too: they agree, and that is worth saying.
  const other: Convention = mine === 2 && !RESET_AFTER_CONVENTIONS.includes(spec.convention) ? 'keras' : 'cudnn';
  if (!conventionApplies(spec, other) || other === spec.convention) return null;
  const otherSpec: RecurrentSpec = {
    ...spec,
    convention: other,
    resetAfter: other === 'keras' ? spec.resetAfter : null,
  };
  const otherTotal = recurrentTotal(otherSpec);
  if (otherTotal === total) {
    return {
      kind: 'compare',
      convention: other,
      total: otherTotal,
      difference: 0n,
      reason: { id: 'counts-the-same', convention: other },
      factors: [],
    };
  }
  const diff = otherTotal - total;
  const g = BigInt(GATES[spec.cell].length);
  const copies = BigInt(spec.layers) * (spec.bidirectional ? 2n : 1n);
  const dv = BigInt(biasVectorsPerGate(otherSpec) - mine);
  const explainedByBias = dv !== 0n && diff === dv * g * spec.units * copies;
  return {
    kind: 'compare',
    convention: other,
    total: otherTotal,
    difference: diff,
    reason: explainedByBias
      ? other === 'cudnn'
        ? { id: 'two-bias-vectors', mine }
        : { id: 'keras-one-bias-vector' }
      : { id: 'laid-out-differently', convention: other },
    factors: explainedByBias
      ? [
          ...(copies > 1n
            ? [
                {
                  value: copies,
                  label:
                    spec.bidirectional && spec.layers > 1
                      ? 'layer-directions'
                      : spec.bidirectional
                        ? 'directions'
                        : 'layers',
                },
              ]
            : []),
          ...(g > 1n ? [{ value: g, label: 'gates' }] : []),
          { value: spec.units, label: 'units' },
          ...(dv * (dv < 0n ? -1n : 1n) > 1n ? [{ value: dv < 0n ? -dv : dv, label: 'bias vectors' }] : []),
        ]
      : [],
  };
}

export function countRecurrent(spec: RecurrentSpec): LayerRecord {
  const problem = recurrentProblem(spec);
  if (problem) throw new RangeError(problem);
  const D = spec.bidirectional ? 2 : 1;
  const first = directionCount(spec, spec.input);
  const upperInput = (spec.proj ?? spec.units) * BigInt(D);
  const upper = spec.layers > 1 ? directionCount(spec, upperInput) : null;
  const stack: StackRow[] = [];
  const tensors: TensorRecord[] = [];
  for (let k = 0; k < spec.layers; k++) {
    const d = k === 0 ? first : (upper as DirectionCount);
    stack.push({
      layer: k,
      inputWidth: d.inputWidth,
      directions: D,
      perDirection: d.total,
      params: d.total * BigInt(D),
    });
    // Tensor lists stay readable: every layer above 1 has the same shapes as layer 1.
    if (k <= 1 || k === spec.layers - 1) for (let dir = 0; dir < D; dir++) tensors.push(...tensorsFor(spec, k, dir, d));
  }
  const total = stack.reduce((s, r) => s + r.params, 0n);
  const steps = buildSteps(spec, first, upper, stack, total);
  const cross = crossConventionNote(spec, total);
  if (cross) steps.push(cross);
  const b = biasVectorsPerGate(spec);
  const picture: CellPicture = {
    cell: spec.cell,
    recurrentLabel: labelRecurrent(spec),
    recurrentWidth: first.recurrentWidth,
    inputWidth: first.inputWidth,
    concatWidth: first.concat,
    units: spec.units,
    gates: GATES[spec.cell].map((gate) => ({
      name: gate.name,
      activation: gate.activation,
      weights: first.weightsPerGate,
      biasVectors: b,
      params: first.perGate,
    })),
    extras: first.extras.map((e) => ({ label: e.label, params: e.params })),
  };
  const notes: Note[] = [];
  if (spec.layers >= 4) notes.push({ id: 'layers-not-listed', from: 2, to: spec.layers - 2 });
  return {
    name: spec.name ?? (spec.cell === 'rnn' ? 'simple_rnn' : spec.cell),
    type: spec.typeName ?? CELL_NAMES[spec.cell].keras,
    convention: spec.convention,
    params: total,
    trainable: total,
    nonTrainable: 0n,
    buffers: 0n,
    tensors,
    steps,
    stack,
    picture,
    isTrainable: true,
    notes,
  };
}

/** Every other convention's total for the same spec, in table order (skips those that cannot count it). */
export function recurrentAlternatives(spec: RecurrentSpec): { convention: Convention; total: bigint }[] {
  const out: { convention: Convention; total: bigint }[] = [];
  for (const c of CONVENTIONS) {
    if (c === spec.convention || !conventionApplies(spec, c)) continue;
    const resetAfter = RESET_AFTER_CONVENTIONS.includes(c) ? spec.resetAfter : null;
    out.push({ convention: c, total: recurrentTotal({ ...spec, convention: c, resetAfter }) });
  }
  return out;
}
