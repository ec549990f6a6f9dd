// Every layer kind, in one list. The spec union (LayerSpec) and its zod schema are assembled from the
// kinds' own schemas; the engine reaches a kind only through the functions below.
// Adding a kind: one file in this folder exporting its schema and `defineKind({...})`, then its schema in
// layerSpecSchema and its descriptor in KINDS (the compiler insists on both).
import { z } from 'zod';
import { conv, convSchema } from './conv.js';
import { convlstm, convLSTMSchema } from './convlstm.js';
import { dense, denseSchema } from './dense.js';
import { embedding, embeddingSchema } from './embedding.js';
import { fixed, fixedSchema } from './fixed.js';
import { flatten, flattenSchema } from './flatten.js';
import { globalPool, globalPoolSchema } from './global-pool.js';
import { input, inputSchema } from './input.js';
import { kerasMHA, kerasMHASchema } from './keras-mha.js';
import { kerasNorm, kerasNormSchema } from './keras-norm.js';
import { lambda, lambdaSchema } from './lambda.js';
import { parameter, parameterSchema } from './parameter.js';
import { passthrough, passthroughSchema } from './passthrough.js';
import { prelu, preluSchema } from './prelu.js';
import { pool, poolSchema } from './pool.js';
import { recurrent, recurrentSchema } from './recurrent.js';
import { repeatVector, repeatVectorSchema } from './repeat-vector.js';
import { reshape, reshapeSchema } from './reshape.js';
import { resize, resizeSchema } from './resize.js';
import { timeDistributed, timeDistributedSchema } from './time-distributed.js';
import { torchBatchNorm, torchBatchNormSchema } from './torch-batchnorm.js';
import { torchGroupNorm, torchGroupNormSchema } from './torch-groupnorm.js';
import { torchLayerNorm, torchLayerNormSchema } from './torch-layernorm.js';
import { torchMHA, torchMHASchema } from './torch-mha.js';
import { transformerLayer, transformerLayerSchema } from './transformer-layer.js';
import { transformerStack, transformerStackSchema } from './transformer-stack.js';
import { unknown, unknownSchema } from './unknown.js';
import type { FlowResult, KindSchema, LayerKind, Shape } from './kind.js';

/** Every layer spec the parsers may build, checked against the kinds' own schemas. */
export const layerSpecSchema = z.discriminatedUnion('kind', [
  recurrentSchema,
  denseSchema,
  embeddingSchema,
  convSchema,
  convLSTMSchema,
  torchMHASchema,
  kerasMHASchema,
  transformerLayerSchema,
  transformerStackSchema,
  torchLayerNormSchema,
  torchBatchNormSchema,
  torchGroupNormSchema,
  kerasNormSchema,
  poolSchema,
  globalPoolSchema,
  resizeSchema,
  flattenSchema,
  reshapeSchema,
  repeatVectorSchema,
  passthroughSchema,
  fixedSchema,
  inputSchema,
  timeDistributedSchema,
  preluSchema,
  lambdaSchema,
  parameterSchema,
  unknownSchema,
]);

export type LayerSpec = z.infer<typeof layerSpecSchema>;

/** Each kind's descriptor; the type makes the compiler check every kind of the union has one. */
const KINDS: { [K in LayerSpec['kind']]: LayerKind<KindSchema> } = {
  recurrent: recurrent,
  dense: dense,
  embedding: embedding,
  conv: conv,
  convlstm: convlstm,
  'torch-mha': torchMHA,
  'keras-mha': kerasMHA,
  'transformer-layer': transformerLayer,
  'transformer-stack': transformerStack,
  'torch-layernorm': torchLayerNorm,
  'torch-batchnorm': torchBatchNorm,
  'torch-groupnorm': torchGroupNorm,
  'keras-norm': kerasNorm,
  pool: pool,
  'global-pool': globalPool,
  resize: resize,
  flatten: flatten,
  reshape: reshape,
  'repeat-vector': repeatVector,
  passthrough: passthrough,
  fixed: fixed,
  input: input,
  'time-distributed': timeDistributed,
  prelu: prelu,
  lambda: lambda,
  parameter: parameter,
  unknown: unknown,
};

/** The descriptor of a spec's kind (the schema guarantees there is one). */
function kindOf(layer: LayerSpec): LayerKind<KindSchema> {
  const kind = KINDS[layer.kind];
  if (!kind) throw new Error(`no layer kind ${layer.kind}`);
  return kind;
}

export const typeOf = (layer: LayerSpec): string => kindOf(layer).typeName(layer);
export const passesShape = (layer: LayerSpec): boolean => kindOf(layer).passesShape(layer);
/** The class name Keras derives a layer's automatic name from ("TimeDistributed(Dense)" -> "TimeDistributed"). */
export const nameBaseOf = (layer: LayerSpec): string => {
  const kind = kindOf(layer);
  return kind.nameBase?.(layer) ?? kind.typeName(layer).split('(')[0] ?? '';
};
export const namedByIndex = (layer: LayerSpec): boolean => {
  const kind = kindOf(layer);
  return kind.namedByIndex ? kind.namedByIndex(layer) : !kind.passesShape(layer);
};
export const needsInput = (layer: LayerSpec): boolean => kindOf(layer).needsInput(layer);
export const inputLayoutOf = (layer: LayerSpec): string => kindOf(layer).inputLayout(layer);
export const hintShapeOf = (layer: LayerSpec, width: bigint): Shape => kindOf(layer).hintShape(layer, width);
export const rowsOf = (layer: LayerSpec): number => kindOf(layer).rows?.(layer) ?? 1;
export const missingInputOf = (layer: LayerSpec, source: string): string | null =>
  kindOf(layer).missingInput?.(layer, source) ?? null;
/** Counts one layer given the shape reaching it; returns its record and output shape. */
export const flowLayer = (layer: LayerSpec, inShape: Shape | null, name: string): FlowResult =>
  kindOf(layer).flow(layer, inShape, name);
