// The Keras functional API as a graph: every application of a layer to tensors is recorded with
// its inputs, each tensor carries its shape, and a model is laid out as the layers reachable from
// its outputs, in the order they were applied. Where a layer's input is not the previous layer's
// output (a branch, a second input, a merge), an input marker with that tensor's shape goes first,
// so the engine reads each layer with the width it really gets. Shared layers appear once.
import { countModel } from '../../engine/model.js';
import type { LayerSpec } from '../../engine/model.js';
import type { Dim } from '../../engine/types.js';
import type { LayerData, ModelData, ModelItem, TensorData } from './values.js';

/** Merge layers: class (and functional form) -> how the output shape follows from the inputs. */
export const MERGE_LAYERS: Record<string, 'concat' | 'same'> = {
  Concatenate: 'concat',
  Add: 'same',
  Subtract: 'same',
  Multiply: 'same',
  Average: 'same',
  Maximum: 'same',
  Minimum: 'same',
};
/** Python operators between two Keras tensors, as the weightless merge layer each amounts to. */
export const TENSOR_OPS: Record<string, string> = { '+': 'Add', '-': 'Subtract', '*': 'Multiply' };
export const MERGE_FUNCTIONS: Record<string, string> = {
  concatenate: 'Concatenate',
  add: 'Add',
  subtract: 'Subtract',
  multiply: 'Multiply',
  average: 'Average',
  maximum: 'Maximum',
  minimum: 'Minimum',
};

/** Output shape (batch excluded) of a layer applied to inputs of these shapes; null when unknown. */
export function outputShape(d: LayerData | ModelData, inputs: (Dim[] | null)[], axis: number): Dim[] | null {
  if (d.tag === 'layer' && d.merge) {
    const shapes = inputs.filter((s): s is Dim[] => s !== null);
    if (shapes.length !== inputs.length || shapes.length === 0) return null;
    const first = shapes[0] as Dim[];
    if (d.merge === 'same') return first;
    const at = axis < 0 ? first.length + axis : axis - 1;
    if (at < 0 || at >= first.length) return null;
    const out = [...first];
    let sum: bigint | null = 0n;
    for (const s of shapes) {
      const v = s[at];
      sum = sum === null || v === null || v === undefined ? null : sum + v;
    }
    out[at] = sum;
    return out;
  }
  const inShape = inputs[0];
  if (!inShape || d.tag !== 'layer' || d.more) return null;
  try {
    // Only the shape is read here: the model itself is counted once, by the caller of the parser.
    const rec = countModel({
      framework: d.fw,
      layers: [{ kind: 'input', shape: inShape }, d.spec] as LayerSpec[],
      input: null,
      notes: [],
    });
    const last = rec.layers[rec.layers.length - 1];
    return last?.outputShape ? last.outputShape.slice(1) : null;
  } catch {
    return null;
  }
}

/** The layers reachable from the output tensors, in application order, with input markers where the flow branches. */
export function graphItems(outputs: TensorData[], input: (shape: Dim[]) => LayerData): ModelItem[] {
  const apps = new Map<number, TensorData>();
  const stack = [...outputs];
  for (let guard = 0; stack.length > 0 && guard < 100_000; guard++) {
    const t = stack.pop() as TensorData;
    if (!t.from || apps.has(t.from.order)) continue;
    apps.set(t.from.order, t);
    stack.push(...t.from.inputs);
  }
  const ordered = [...apps.entries()].sort((a, b) => a[0] - b[0]).map((x) => x[1]);
  const items: ModelItem[] = [];
  const seen = new Set<number>();
  let previous: TensorData | null = null;
  for (const out of ordered) {
    const from = out.from as NonNullable<TensorData['from']>;
    if (seen.has(from.layer.id)) continue;
    seen.add(from.layer.id);
    const merged = from.inputs.length > 1;
    const feeds = merged ? out : from.inputs[0];
    const shape = merged ? (out.shape ?? null) : (feeds?.shape ?? null);
    if ((merged || feeds !== previous) && shape) items.push({ name: null, data: input(shape) });
    items.push({ name: null, data: from.layer });
    previous = out;
  }
  return items;
}
