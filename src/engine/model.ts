// A whole model: a typed list of layer specs, counted with shape flow (Keras-style: each layer's
// input comes from the layer before). Pure and BigInt; the only recursion is into wrappers
// (TimeDistributed), whose depth the parser bounds. Each layer kind lives in ./kinds/ (one file each);
// this file walks the model and knows no kind by name.
import { z } from 'zod';
import { MAX_MODEL_ROWS, MAX_TOTAL_PARAMS } from '../limits.js';
import { ModelError, shapeStr } from './kinds/flow.js';
import type { Shape } from './kinds/kind.js';
import { dim, framework, pos } from './kinds/kind.js';
import {
  flowLayer,
  hintShapeOf,
  layerSpecSchema,
  namedByIndex,
  needsInput,
  passesShape,
  rowsOf,
  nameBaseOf,
} from './kinds/registry.js';
import type { LayerSpec } from './kinds/registry.js';
import { FRAMEWORK_CONVENTION } from './layers/common.js';
import type { Framework } from './layers/common.js';
import { groupDigits } from './numbers.js';
import { conventionApplies, RESET_AFTER_CONVENTIONS, recurrentTotal } from './recurrent.js';
import type { Convention, LayerRecord, ModelRecord, RecurrentSpec } from './types.js';
import { CONVENTIONS } from './types.js';

export type { Framework } from './layers/common.js';
export { ModelError } from './kinds/flow.js';
export { layerSpecSchema } from './kinds/registry.js';
export type { LayerSpec } from './kinds/registry.js';
export type { RecurrentLayerSpec, MergeMode } from './kinds/recurrent.js';
export type { ConvSpec, PaddingSpec } from './kinds/conv.js';
export type { TransformerStackPartSpec } from './kinds/transformer-stack.js';

export const modelSpecSchema = z.object({
  /** The framework most layers come from: its convention labels the model. */
  framework,
  layers: z.array(layerSpecSchema),
  /** The model's input where the code does not state it: a trailing `input=N` or `input_shape=(...)`. */
  input: z.union([z.object({ width: pos }), z.object({ shape: z.array(dim).max(16) }), z.null()]),
  notes: z.array(z.string()),
});

export type ModelSpec = z.infer<typeof modelSpecSchema>;
export type InputHint = NonNullable<ModelSpec['input']>;

/** Keras-style layer names: class name in snake_case, `_1`, `_2`... for repeats. */
export function kerasSnake(name: string): string {
  return name
    .replace(/(.)([A-Z][a-z]+)/g, '$1_$2')
    .replace(/([a-z])([A-Z])/g, '$1_$2')
    .toLowerCase();
}

function autoName(layer: LayerSpec, index: number, counters: Map<string, number>, framework: Framework): string {
  if (layer.name) return layer.name;
  if (framework === 'pytorch' && namedByIndex(layer)) return String(index);
  const base = kerasSnake(nameBaseOf(layer));
  const n = counters.get(base) ?? 0;
  counters.set(base, n + 1);
  return n === 0 ? base : `${base}_${n}`;
}

interface Flowed {
  record: ModelRecord;
  recurrent: RecurrentSpec[];
}

/** The work budget, checked before any layer is counted (see src/limits.ts). */
function checkBudget(spec: ModelSpec): void {
  let rows = 0;
  for (const layer of spec.layers) {
    rows += rowsOf(layer);
    if (rows > MAX_MODEL_ROWS) {
      throw new ModelError(
        `That model has more than ${groupDigits(BigInt(MAX_MODEL_ROWS))} layer rows (layers x stacked layers x directions); I count at most ${groupDigits(BigInt(MAX_MODEL_ROWS))} in one answer. Count one part at a time, e.g. \`nn.LSTM(300, 512, num_layers=2)\`.`,
      );
    }
  }
}

function flowModel(spec: ModelSpec): Flowed {
  checkBudget(spec);
  const layers: LayerRecord[] = [];
  const unknownLayers: string[] = [];
  const recurrent: RecurrentSpec[] = [];
  const notes = [...spec.notes];
  const counters = new Map<string, number>();
  let shape: Shape | null = null;
  let hint: InputHint | null = spec.input;
  let index = 0;
  let runningTotal = 0n;
  for (const layer of spec.layers) {
    let inShape: Shape | null = shape;
    if (inShape === null && layer.inputShape) inShape = layer.inputShape;
    if (inShape === null && hint && needsInput(layer)) {
      inShape = 'shape' in hint ? hint.shape : hintShapeOf(layer, hint.width);
      hint = null;
    }
    const name = autoName(layer, index, counters, spec.framework);
    const r = flowLayer(layer, inShape, name);
    if (r.unknown) {
      unknownLayers.push(r.unknown);
      notes.push(`not counted: ${r.unknown} (I don't know this layer; assumed it keeps the shape).`);
    }
    if (r.record) {
      runningTotal += r.record.params;
      if (runningTotal > MAX_TOTAL_PARAMS) {
        throw new ModelError(
          `That model has more than 10^${MAX_TOTAL_PARAMS.toString().length - 1} parameters, the most I report; check the sizes for a typo.`,
        );
      }
      layers.push(r.record);
      index++;
    }
    recurrent.push(...r.recurrent);
    shape = r.out;
    if (!passesShape(layer)) shape = null;
  }
  if (hint && spec.layers.length > 0) {
    const what =
      'width' in hint ? `input=${hint.width}` : `input_shape=${shapeStr(hint.shape).replace('(None, ', '(')}`;
    notes.push(`${what} was not needed: every layer's input size is already in the code.`);
  }
  let total = 0n;
  let trainable = 0n;
  let nonTrainable = 0n;
  let buffers = 0n;
  for (const l of layers) {
    total += l.params;
    trainable += l.trainable;
    nonTrainable += l.nonTrainable;
    buffers += l.buffers;
  }
  if (buffers > 0n)
    notes.push(`Buffers (BatchNorm running statistics, ${buffers}) are not parameters and are not in the total.`);
  // A model whose recurrent layers are all CuDNNLSTM/CuDNNGRU counts as cuDNN does, whatever the
  // framework: labelling it Keras 3 would show two different "Keras 3" totals beside the plain layer's.
  const allCudnn = recurrent.length > 0 && recurrent.every(cudnnFixed);
  return {
    record: {
      convention: allCudnn ? 'cudnn' : FRAMEWORK_CONVENTION[spec.framework],
      layers,
      total,
      trainable,
      nonTrainable,
      buffers,
      unknownLayers,
      notes,
    },
    recurrent,
  };
}

/**
 * Counts a whole model. Throws ModelError (a friendly message, e.g. asking for the input width)
 * when a size cannot be known.
 */
export function countModel(spec: ModelSpec): ModelRecord {
  return flowModel(spec).record;
}

/** countModel without throwing. */
export function tryCountModel(spec: ModelSpec): { ok: true; record: ModelRecord } | { ok: false; error: string } {
  try {
    return { ok: true, record: countModel(spec) };
  } catch (e) {
    if (e instanceof ModelError) return { ok: false, error: e.message };
    throw e;
  }
}

/** A model's record and, for one with recurrent layers, its total under each other convention. */
export interface CountedModel {
  record: ModelRecord;
  alternatives: { convention: Convention; total: bigint }[];
}

/** Counts a model once: its record and the other conventions' totals together. Throws ModelError. */
export function countModelWithAlternatives(spec: ModelSpec): CountedModel {
  const flowed = flowModel(spec);
  return { record: flowed.record, alternatives: alternativesOf(flowed) };
}

/**
 * For a model with recurrent layers: the total if every recurrent layer were counted under each other
 * convention that can count them all. Empty when the model has none.
 */
function alternativesOf(flowed: Flowed): { convention: Convention; total: bigint }[] {
  const rs = flowed.recurrent;
  if (rs.length === 0) return [];
  const own = rs.reduce((s, r) => s + recurrentTotal(r), 0n);
  const rest = flowed.record.total - own;
  const out: { convention: Convention; total: bigint }[] = [];
  for (const c of CONVENTIONS) {
    // The model's own convention is its total, not an alternative.
    if (c === flowed.record.convention || rs.every((r) => r.convention === c)) continue;
    if (!rs.every((r) => conventionApplies(r, c))) continue;
    let sum = rest;
    for (const r of rs) {
      const resetAfter = RESET_AFTER_CONVENTIONS.includes(c) ? r.resetAfter : null;
      sum += recurrentTotal({ ...r, convention: c, resetAfter, naming: undefined });
    }
    out.push({ convention: c, total: sum });
  }
  return out;
}

/** A CuDNNLSTM/CuDNNGRU layer (also inside Bidirectional): its class fixes the convention. */
function cudnnFixed(r: RecurrentSpec): boolean {
  return r.convention === 'cudnn' && (r.typeName ?? '').includes('CuDNN');
}

/** The other conventions' totals alone (empty when the model cannot be counted). */
export function modelAlternativesOf(spec: ModelSpec): { convention: Convention; total: bigint }[] {
  try {
    return countModelWithAlternatives(spec).alternatives;
  } catch (e) {
    if (e instanceof ModelError) return [];
    throw e;
  }
}
