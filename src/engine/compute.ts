// What a sequence costs: multiply-accumulates (MACs) per time step and per sequence. The parameter
// count never depends on the number of time steps (the same weights are applied at every step); the
// compute grows linearly with it. Per layer and direction, one step is one matrix-vector product of
// the gates' weights with [h, x]: gates x H x (X + R) MACs (R = P with a projection, else H), plus the
// projection's H x P, plus elementwise work that is small beside it (bias adds, gate products,
// activations), counted apart.
import { GATES } from './recurrent.js';
import type { RecurrentSpec } from './types.js';

export interface SequenceCompute {
  timesteps: bigint;
  gates: number;
  /** Matrix-vector MACs for one time step, every layer and direction. */
  macsPerStep: bigint;
  macsPerSequence: bigint;
  /** Elementwise multiplies per step (gate products, peepholes), every layer and direction. */
  elementwisePerStep: bigint;
  /** Activation evaluations (σ, tanh) per step, every layer and direction. */
  activationsPerStep: bigint;
  /** For a single plain layer: the formula's factors, T x gates x H x (I + H). */
  single: { input: bigint; recurrent: bigint; units: bigint } | null;
}

/** Elementwise products per unit per step: LSTM f⊙c, i⊙g, o⊙tanh(c); GRU r⊙(…), z⊙h, (1−z)⊙n; RNN none. */
const PRODUCTS = { lstm: 3n, gru: 3n, rnn: 0n } as const;
/** Activations per unit per step: LSTM 3 σ + 2 tanh; GRU 2 σ + 1 tanh; RNN 1 tanh. */
const ACTIVATIONS = { lstm: 5n, gru: 3n, rnn: 1n } as const;

export function sequenceCompute(spec: RecurrentSpec, timesteps: bigint): SequenceCompute {
  const g = BigInt(GATES[spec.cell].length);
  const H = spec.units;
  const R = spec.proj ?? H;
  const D = spec.bidirectional ? 2n : 1n;
  let macs = 0n;
  for (let layer = 0; layer < spec.layers; layer++) {
    const X = layer === 0 ? spec.input : R * D;
    let perDirection = g * H * (X + R);
    if (spec.proj !== null) perDirection += H * spec.proj;
    macs += D * perDirection;
  }
  const copies = BigInt(spec.layers) * D;
  const peepholes = spec.peepholes ? 3n : 0n;
  return {
    timesteps,
    gates: Number(g),
    macsPerStep: macs,
    macsPerSequence: macs * timesteps,
    elementwisePerStep: copies * (PRODUCTS[spec.cell] + peepholes) * H,
    activationsPerStep: copies * ACTIVATIONS[spec.cell] * H,
    single:
      spec.layers === 1 && !spec.bidirectional && spec.proj === null
        ? { input: spec.input, recurrent: R, units: H }
        : null,
  };
}
