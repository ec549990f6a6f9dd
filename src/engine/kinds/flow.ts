// Helpers every kind's flow uses: shapes, asking for a missing input, turning a counter's RangeError
// into a friendly message, and finishing a record (notes, output shape, trainable=False).
import { freeze } from '../layers/common.js';
import type { Dim, LayerRecord, RecurrentSpec } from '../types.js';
import type { FlowResult, Shape } from './kind.js';
import { inputLayoutOf, missingInputOf, typeOf } from './registry.js';
import type { LayerSpec } from './registry.js';

/** A count that cannot go ahead, with a message that says what to add. */
export class ModelError extends Error {
  override name = 'ModelError';
}

export function shapeStr(s: Shape): string {
  const inner = ['None', ...s.map((d) => (d === null ? 'None' : d.toString()))];
  return `(${inner.join(', ')})`;
}

export function lastDim(s: Shape | null): Dim {
  if (!s || s.length === 0) return null;
  return s[s.length - 1] ?? null;
}

export function describeLayer(layer: LayerSpec): string {
  return layer.source ?? typeOf(layer);
}

/** "(steps, channels)", "(height, width, channels)"... for a convolution or pooling of this rank. */
export function spatialLayout(rank: 1 | 2 | 3): string {
  return rank === 1
    ? '(steps, channels)'
    : rank === 2
      ? '(height, width, channels)'
      : '(depth, height, width, channels)';
}

/** What to add when an input width is missing, phrased for the layer that needs it. */
export function askForInput(layer: LayerSpec, what: string): ModelError {
  const src = describeLayer(layer);
  const special = missingInputOf(layer, src);
  if (special) return new ModelError(special);
  return new ModelError(
    `I need the ${what} for ${src}: add \`input=N\` (e.g. \`${src} input=128\`) or \`input_shape=${inputLayoutOf(layer)}\`.`,
  );
}

export function needDim(d: Dim, layer: LayerSpec, what: string, inShape: Shape | null): bigint {
  if (d !== null) return d;
  if (!inShape) throw askForInput(layer, what);
  throw new ModelError(
    `I can't tell the ${what} for ${describeLayer(layer)}: the shape reaching it is ${shapeStr(inShape)}. Give the first layer a full \`input_shape=(...)\` (or \`input_length=\` on the Embedding).`,
  );
}

export function axisIndex(axis: number, rank: number): number {
  return axis < 0 ? rank + axis : axis - 1;
}

export function channelAxis(shape: Shape, channelsFirst: boolean): { channels: Dim; spatial: Dim[] } {
  if (channelsFirst) return { channels: shape[0] ?? null, spatial: shape.slice(1) };
  return { channels: shape[shape.length - 1] ?? null, spatial: shape.slice(0, -1) };
}

export function rebuild(spatial: Dim[], channels: Dim, channelsFirst: boolean): Shape {
  return channelsFirst ? [channels, ...spatial] : [...spatial, channels];
}

export function expectRank(layer: LayerSpec, inShape: Shape, rank: number, layout: string): void {
  if (inShape.length !== rank) {
    throw new ModelError(`${describeLayer(layer)} expects an input shaped ${layout} but gets ${shapeStr(inShape)}.`);
  }
}

/** Runs a counter; its RangeError (a size it refuses) becomes a message naming the layer. */
export function countOrExplain<T>(layer: LayerSpec, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof RangeError) throw new ModelError(`${describeLayer(layer)}: ${e.message}.`);
    throw e;
  }
}

/** A counted layer: the parser's notes, its output shape and trainable=False applied. */
export function done(
  layer: LayerSpec,
  record: LayerRecord | null,
  out: Shape | null,
  recurrent: RecurrentSpec[] = [],
): FlowResult {
  if (record) {
    if (layer.notes) record.notes.push(...layer.notes);
    record.outputShape = out ? [null, ...out] : undefined;
  }
  return { record: record && layer.trainable === false ? freeze(record) : record, out, recurrent };
}
