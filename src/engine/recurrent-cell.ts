// The facts of a recurrent cell under every convention, in one formula:
//   per direction = g x ((X + R) x H + b x H) + extras
// g gates, X the layer's input width, R the recurrent width (P with a projection, else H),
// b bias vectors per gate (0, 1 or 2), extras = peepholes (3H), projection (P·H), Flax GRU's hn bias (H).
// Counting only (totals, never words or tensors); recurrent.ts builds the record from these.
import type { CellKind, Convention, RecurrentSpec, Term } from './types.js';
import { CONVENTION_LABELS } from './types.js';

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

export interface Extra {
  label: string;
  factors: Term[];
  params: bigint;
}

export interface DirectionCount {
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

export function directionCount(spec: RecurrentSpec, inputWidth: bigint): DirectionCount {
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

export function recurrentTotal(spec: RecurrentSpec): bigint {
  const D = spec.bidirectional ? 2n : 1n;
  const first = directionCount(spec, spec.input).total * D;
  if (spec.layers === 1) return first;
  const upperInput = (spec.proj ?? spec.units) * D;
  return first + BigInt(spec.layers - 1) * D * directionCount(spec, upperInput).total;
}
