// Recurrent layers (LSTM, GRU, simple RNN) under every convention in one formula:
//   per direction = g x ((X + R) x H + b x H) + extras
// g gates, X the layer's input width, R the recurrent width (P with a projection, else H),
// b bias vectors per gate (0, 1 or 2), extras = peepholes (3H), projection (P·H), Flax GRU's hn bias (H).
import type {
  CellKind,
  CellPicture,
  Convention,
  LayerRecord,
  Note,
  RecurrentSpec,
  StackRow,
  Step,
  TensorNaming,
  TensorRecord,
  Term,
} from './types.js';
import { CELL_NAMES, CONVENTIONS, CONVENTION_LABELS } from './types.js';

export interface GateInfo {
  name: string;
  activation: string;
}

export const GATES: Record<CellKind, GateInfo[]> = {
  lstm: [
    { name: 'input', activation: 'σ' },
    { name: 'forget', activation: 'σ' },
    { name: 'cell candidate', activation: 'tanh' },
    { name: 'output', activation: 'σ' },
  ],
  gru: [
    { name: 'reset', activation: 'σ' },
    { name: 'update', activation: 'σ' },
    { name: 'candidate', activation: 'tanh' },
  ],
  rnn: [{ name: 'hidden', activation: 'tanh' }],
};

/** Conventions whose LSTM supports a projection (proj_size / num_proj). */
const PROJ_CONVENTIONS: readonly Convention[] = ['pytorch', 'cudnn', 'tf1'];
/** Conventions whose LSTM has peephole weights. */
const PEEPHOLE_CONVENTIONS: readonly Convention[] = ['onnx', 'tf1'];
/** Conventions where reset_after is a choice (Keras); elsewhere the GRU's variant is fixed. */
export const RESET_AFTER_CONVENTIONS: readonly Convention[] = ['keras', 'keras2'];

/** Why a spec cannot be counted under its convention, or null when it can. */
export function recurrentProblem(spec: RecurrentSpec): string | null {
  const c = spec.convention;
  if (c === 'tf1' && spec.cell !== 'lstm') {
    return `the tf1 convention covers TF1's LSTMCell only; for a ${spec.cell.toUpperCase()} pick keras2 (TF1/Keras 2) or pytorch`;
  }
  if (spec.proj !== null) {
    if (spec.cell !== 'lstm') return `a projection (proj) exists only for LSTMs, not a ${spec.cell.toUpperCase()}`;
    if (!PROJ_CONVENTIONS.includes(c)) {
      return `${CONVENTION_LABELS[c]} has no LSTM projection; proj works with ${PROJ_CONVENTIONS.join(', ')}`;
    }
    if (spec.proj <= 0n) return 'proj must be a positive whole number';
    if (spec.proj >= spec.units) {
      return `proj (${spec.proj}) must be smaller than the units (${spec.units}), as PyTorch requires proj_size < hidden_size`;
    }
  }
  if (spec.peepholes) {
    if (spec.cell !== 'lstm') return `peepholes exist only for LSTMs, not a ${spec.cell.toUpperCase()}`;
    if (!PEEPHOLE_CONVENTIONS.includes(c)) {
      return `${CONVENTION_LABELS[c]} has no peephole LSTM; peepholes work with ${PEEPHOLE_CONVENTIONS.join(', ')}`;
    }
  }
  if (spec.resetAfter !== null) {
    if (spec.cell !== 'gru') return `reset_after applies only to a GRU`;
    if (!RESET_AFTER_CONVENTIONS.includes(c)) {
      return `reset_after is a Keras option; ${CONVENTION_LABELS[c]}'s GRU is fixed (${c === 'flax' ? 'its own variant' : 'reset after, two biases'})`;
    }
  }
  if (spec.input <= 0n || spec.units <= 0n) return 'sizes must be positive whole numbers';
  if (spec.layers < 1) return 'layers must be at least 1';
  return null;
}

/** Whether a convention can count this spec at all (used for the side-by-side comparison). */
export function conventionApplies(spec: RecurrentSpec, convention: Convention): boolean {
  const resetAfter = RESET_AFTER_CONVENTIONS.includes(convention) ? spec.resetAfter : null;
  return recurrentProblem({ ...spec, convention, resetAfter }) === null;
}

/** Bias vectors per gate (each H long) under the spec's convention. */
export function biasVectorsPerGate(spec: RecurrentSpec): number {
  if (!spec.bias) return 0;
  switch (spec.convention) {
    case 'keras':
      return spec.cell === 'gru' && (spec.resetAfter ?? true) ? 2 : 1;
    case 'keras2':
      return spec.cell === 'gru' && (spec.resetAfter ?? false) ? 2 : 1;
    case 'pytorch':
    case 'cudnn':
    case 'onnx':
      return 2;
    case 'flax':
    case 'tf1':
      return 1;
  }
}

interface Extra {
  label: string;
  factors: Term[];
  params: bigint;
}

interface DirectionCount {
  inputWidth: bigint;
  recurrentWidth: bigint;
  concat: bigint;
  weightsPerGate: bigint;
  biasPerGate: bigint;
  perGate: bigint;
  gatesTotal: bigint;
  extras: Extra[];
  total: bigint;
}

function directionCount(spec: RecurrentSpec, inputWidth: bigint): DirectionCount {
  const g = BigInt(GATES[spec.cell].length);
  const H = spec.units;
  const R = spec.proj ?? H;
  const b = BigInt(biasVectorsPerGate(spec));
  const concat = inputWidth + R;
  const weightsPerGate = concat * H;
  const biasPerGate = b * H;
  const perGate = weightsPerGate + biasPerGate;
  const gatesTotal = g * perGate;
  const extras: Extra[] = [];
  if (spec.peepholes) {
    extras.push({
      label: 'peephole weights (input, forget, output)',
      factors: [
        { value: 3n, label: 'peepholes' },
        { value: H, label: 'units' },
      ],
      params: 3n * H,
    });
  }
  if (spec.proj !== null) {
    extras.push({
      label: 'projection h → P',
      factors: [
        { value: H, label: 'units' },
        { value: spec.proj, label: 'proj' },
      ],
      params: H * spec.proj,
    });
  }
  if (spec.convention === 'flax' && spec.cell === 'gru' && spec.bias) {
    extras.push({
      label: "Flax's hn bias (the candidate's recurrent Dense keeps a bias)",
      factors: [{ value: H, label: 'units' }],
      params: H,
    });
  }
  const total = gatesTotal + extras.reduce((s, e) => s + e.params, 0n);
  return { inputWidth, recurrentWidth: R, concat, weightsPerGate, biasPerGate, perGate, gatesTotal, extras, total };
}

function defaultNaming(convention: Convention): TensorNaming {
  switch (convention) {
    case 'keras':
    case 'keras2':
      return 'keras';
    default:
      return convention;
  }
}

function tensorsFor(spec: RecurrentSpec, layer: number, dir: number, d: DirectionCount): TensorRecord[] {
  const naming = spec.naming ?? defaultNaming(spec.convention);
  const g = BigInt(GATES[spec.cell].length);
  const H = spec.units;
  const X = d.inputWidth;
  const R = d.recurrentWidth;
  const b = biasVectorsPerGate(spec);
  const t = (name: string, shape: bigint[]): TensorRecord => ({
    name,
    shape,
    params: shape.reduce((p, s) => p * s, 1n),
    trainable: true,
  });
  const multi = spec.layers > 1;
  const bi = spec.bidirectional;
  const out: TensorRecord[] = [];
  switch (naming) {
    case 'keras': {
      const cellName = spec.cell === 'rnn' ? 'simple_rnn' : spec.cell;
      const prefix = (multi ? `${cellName}_${layer}/` : '') + (bi ? (dir === 0 ? 'forward/' : 'backward/') : '');
      out.push(t(`${prefix}kernel`, [X, g * H]), t(`${prefix}recurrent_kernel`, [R, g * H]));
      if (b === 2 && spec.convention !== 'cudnn') out.push(t(`${prefix}bias`, [2n, g * H]));
      else if (b > 0) out.push(t(`${prefix}bias`, [BigInt(b) * g * H]));
      if (spec.peepholes) {
        for (const gate of ['input', 'forget', 'output']) out.push(t(`${prefix}${gate}_gate_peephole_weights`, [H]));
      }
      break;
    }
    case 'pytorch':
    case 'pytorch-cell': {
      const sfx = naming === 'pytorch-cell' ? '' : `_l${layer}${dir === 1 ? '_reverse' : ''}`;
      out.push(t(`weight_ih${sfx}`, [g * H, X]), t(`weight_hh${sfx}`, [g * H, R]));
      if (b > 0) out.push(t(`bias_ih${sfx}`, [g * H]), t(`bias_hh${sfx}`, [g * H]));
      if (spec.proj !== null) out.push(t(`weight_hr${sfx}`, [spec.proj, H]));
      break;
    }
    case 'cudnn': {
      const p = `layer${layer}${bi ? (dir === 0 ? '.fwd' : '.bwd') : ''}`;
      out.push(t(`${p}.W`, [g * H, X]), t(`${p}.R`, [g * H, R]));
      if (b > 0) out.push(t(`${p}.bW`, [g * H]), t(`${p}.bR`, [g * H]));
      if (spec.proj !== null) out.push(t(`${p}.P`, [spec.proj, H]));
      break;
    }
    case 'onnx': {
      // ONNX stacks both directions in one tensor; emitted once, on the forward direction.
      if (dir === 1) break;
      const D = bi ? 2n : 1n;
      const p = multi ? `layer${layer}.` : '';
      out.push(t(`${p}W`, [D, g * H, X]), t(`${p}R`, [D, g * H, H]));
      if (b > 0) out.push(t(`${p}B`, [D, 2n * g * H]));
      if (spec.peepholes) out.push(t(`${p}P`, [D, 3n * H]));
      break;
    }
    case 'flax': {
      const p = (multi ? `layer_${layer}/` : '') + (bi ? (dir === 0 ? 'forward_rnn/' : 'backward_rnn/') : '');
      const bias = spec.bias;
      if (spec.cell === 'lstm') {
        for (const k of ['i', 'f', 'g', 'o']) out.push(t(`${p}i${k}/kernel`, [X, H]));
        for (const k of ['i', 'f', 'g', 'o']) {
          out.push(t(`${p}h${k}/kernel`, [R, H]));
          if (bias) out.push(t(`${p}h${k}/bias`, [H]));
        }
      } else if (spec.cell === 'gru') {
        for (const k of ['r', 'z', 'n']) {
          out.push(t(`${p}i${k}/kernel`, [X, H]));
          if (bias) out.push(t(`${p}i${k}/bias`, [H]));
        }
        for (const k of ['r', 'z', 'n']) out.push(t(`${p}h${k}/kernel`, [R, H]));
        if (bias) out.push(t(`${p}hn/bias`, [H]));
      } else {
        out.push(t(`${p}i/kernel`, [X, H]), t(`${p}h/kernel`, [R, H]));
        if (bias) out.push(t(`${p}h/bias`, [H]));
      }
      break;
    }
    case 'tf1': {
      const p = (multi ? `cell_${layer}/` : '') + (bi ? (dir === 0 ? 'fw/' : 'bw/') : '') + 'lstm_cell/';
      out.push(t(`${p}kernel`, [X + R, g * H]));
      if (b > 0) out.push(t(`${p}bias`, [g * H]));
      if (spec.peepholes) for (const k of ['w_f_diag', 'w_i_diag', 'w_o_diag']) out.push(t(`${p}${k}`, [H]));
      if (spec.proj !== null) out.push(t(`${p}projection/kernel`, [H, spec.proj]));
      break;
    }
  }
  return out;
}

/** Total only: the cheap path used for alternatives and the solver. */
export function recurrentTotal(spec: RecurrentSpec): bigint {
  const D = spec.bidirectional ? 2n : 1n;
  const first = directionCount(spec, spec.input).total * D;
  if (spec.layers === 1) return first;
  const upperInput = (spec.proj ?? spec.units) * D;
  return first + BigInt(spec.layers - 1) * D * directionCount(spec, upperInput).total;
}

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
