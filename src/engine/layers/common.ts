// Shared pieces for the non-recurrent layer counters: tensors, records, steps. All BigInt.
import type { Convention, LayerRecord, Note, Sentence, Step, TensorRecord, Term } from '../types.js';

/** Whose layout and tensor names a layer uses. */
export type Framework = 'pytorch' | 'keras' | 'flax';

export const FRAMEWORK_CONVENTION: Record<Framework, Convention> = {
  pytorch: 'pytorch',
  keras: 'keras',
  flax: 'flax',
};

export function prod(xs: readonly bigint[]): bigint {
  let p = 1n;
  for (const x of xs) p *= x;
  return p;
}

export function tensor(name: string, shape: bigint[], trainable = true): TensorRecord {
  return { name, shape, params: prod(shape), trainable };
}

export function term(value: bigint, label: string): Term {
  return { value, label };
}

export function shapeText(shape: readonly bigint[]): string {
  return `(${shape.join(', ')}${shape.length === 1 ? ',' : ''})`;
}

export interface RecordInput {
  name: string;
  type: string;
  framework: Framework;
  tensors: TensorRecord[];
  steps: Step[];
  notes?: Note[];
  buffers?: bigint;
  /** Keras `trainable=False`: every weight counts as non-trainable. */
  isTrainable?: boolean;
  /**
   * Totals when `tensors` lists only some repeated blocks (a stack of identical layers lists the
   * first, second and last): the real sums, which the listed tensors then do not add up to.
   */
  totals?: { params: bigint; trainable: bigint };
}

/** Builds a LayerRecord whose totals are sums over its tensors (never recomputed elsewhere). */
export function makeRecord(r: RecordInput): LayerRecord {
  let params = 0n;
  let trainable = 0n;
  for (const t of r.tensors) {
    params += t.params;
    if (t.trainable) trainable += t.params;
  }
  if (r.totals) ({ params, trainable } = r.totals);
  const record: LayerRecord = {
    name: r.name,
    type: r.type,
    convention: FRAMEWORK_CONVENTION[r.framework],
    params,
    trainable,
    nonTrainable: params - trainable,
    buffers: r.buffers ?? 0n,
    tensors: r.tensors,
    steps: r.steps,
    isTrainable: true,
    notes: [...(r.notes ?? [])],
  };
  return r.isTrainable === false ? freeze(record) : record;
}

/** Keras `trainable=False`: every weight of the layer counts as non-trainable. */
export function freeze(record: LayerRecord): LayerRecord {
  return {
    ...record,
    tensors: record.tensors.map((t) => ({ ...t, trainable: false })),
    trainable: 0n,
    nonTrainable: record.params,
    isTrainable: false,
    notes: [...record.notes, { id: 'frozen' }],
  };
}

/** A parameter-free layer (activation, dropout, pooling, flatten...). */
export function countParameterFree(name: string, type: string, framework: Framework, why?: Sentence): LayerRecord {
  return makeRecord({
    name,
    type,
    framework,
    tensors: [],
    steps: [{ kind: 'say', sentence: why ?? { id: 'no-weights', type } }],
  });
}

/** Steps for "weights + bias" layers: product of the weight shape, the bias, and their sum. */
export function weightBiasSteps(opts: {
  weightLabel: string;
  weightFactors: Term[];
  weight: bigint;
  biasLabel?: string;
  bias: bigint | null;
  total: bigint;
  formula: string;
}): Step[] {
  const steps: Step[] = [
    { kind: 'product', label: opts.weightLabel, factors: opts.weightFactors, result: opts.weight },
  ];
  if (opts.bias !== null) {
    steps.push({
      kind: 'sum',
      label: 'total',
      terms: [term(opts.weight, 'weights'), term(opts.bias, opts.biasLabel ?? 'bias')],
      result: opts.total,
    });
  } else {
    steps.push({ kind: 'say', sentence: { id: 'no-bias' } });
  }
  steps.push({ kind: 'formula', label: 'in one line', expression: opts.formula, result: opts.total });
  return steps;
}
