// A whole model: a typed list of layer specs, counted with shape flow (Keras-style: each layer's
// input comes from the layer before). Pure and BigInt; the only recursion is into wrappers
// (TimeDistributed), whose depth the parser bounds.
import { z } from 'zod';
import {
  conventionApplies,
  countRecurrent,
  recurrentProblem,
  recurrentTotal,
  RESET_AFTER_CONVENTIONS,
} from './recurrent.js';
import type { Convention, Dim, LayerRecord, ModelRecord, RecurrentSpec, Step } from './types.js';
import { CONVENTIONS } from './types.js';
import { groupDigits } from './numbers.js';
import { MAX_MODEL_ROWS, MAX_TOTAL_PARAMS } from '../limits.js';
import { FRAMEWORK_CONVENTION, countParameterFree, makeRecord, prod, tensor } from './layers/common.js';
import type { Framework } from './layers/common.js';
import { countDense, countEmbedding } from './layers/dense.js';
import {
  convOutputLength,
  convTransposeOutputLength,
  countConv,
  countConvLSTM,
  poolOutputLength,
} from './layers/conv.js';
import type { ConvVariant } from './layers/conv.js';
import { countKerasMHA, countTorchMHA, countTransformerLayer, countTransformerStack } from './layers/attention.js';
import type { TransformerLayerParams } from './layers/attention.js';
import {
  countKerasBatchNorm,
  countKerasLayerNorm,
  countTorchBatchNorm,
  countTorchGroupNorm,
  countTorchLayerNorm,
} from './layers/norm.js';

export type { Framework } from './layers/common.js';

interface LayerBase {
  /** Explicit name (Keras `name=`, a PyTorch attribute or variable); else an automatic one. */
  name?: string;
  /** The call as written, for messages ("LSTM(64)"). */
  source?: string;
  /** Keras `trainable=False`. */
  trainable?: boolean;
  /** Keras input_shape / input_dim / batch_input_shape on this layer (batch excluded). */
  inputShape?: Dim[];
  /** Parser notes (ignored arguments and the like). */
  notes?: string[];
}

export type MergeMode = 'concat' | 'sum' | 'mul' | 'ave' | 'none';

/** A recurrent layer whose input width may come from the layers before it (null until then). */
export type RecurrentLayerSpec = Omit<RecurrentSpec, 'input' | 'name'> &
  LayerBase & {
    input: bigint | null;
    framework?: Framework;
    /** Keras return_sequences (PyTorch and Flax always return every step). */
    returnSequences?: boolean;
    /** Keras Bidirectional merge_mode (bidirectional specs only); default concat. */
    mergeMode?: MergeMode;
    /** A PyTorch/Flax cell (LSTMCell...): one step, output (batch, H). */
    isCell?: boolean;
  };

export interface DenseSpec extends LayerBase {
  kind: 'dense';
  framework: Framework;
  input: bigint | null;
  units: bigint;
  bias: boolean;
}

export interface EmbeddingSpec extends LayerBase {
  kind: 'embedding';
  framework: Framework;
  vocab: bigint;
  dim: bigint;
  inputLength: bigint | null;
  paddingIdx: boolean;
}

export type PaddingSpec = 'valid' | 'same' | 'causal' | bigint[];

export interface ConvSpec extends LayerBase {
  kind: 'conv';
  framework: Framework;
  rank: 1 | 2 | 3;
  variant: ConvVariant;
  input: bigint | null;
  filters: bigint;
  kernel: bigint[];
  strides: bigint[];
  padding: PaddingSpec;
  dilation: bigint[];
  groups: bigint;
  bias: boolean;
  depthMultiplier: bigint;
  outputPadding: bigint[] | null;
  channelsFirst: boolean;
}

export interface ConvLSTMSpec extends LayerBase {
  kind: 'convlstm';
  rank: 1 | 2 | 3;
  input: bigint | null;
  filters: bigint;
  kernel: bigint[];
  strides: bigint[];
  padding: 'valid' | 'same';
  dilation: bigint[];
  bias: boolean;
  returnSequences: boolean;
}

export interface TorchMHASpec extends LayerBase {
  kind: 'torch-mha';
  embedDim: bigint;
  numHeads: bigint;
  bias: boolean;
  addBiasKv: boolean;
  kdim: bigint | null;
  vdim: bigint | null;
}

export interface KerasMHASpec extends LayerBase {
  kind: 'keras-mha';
  numHeads: bigint;
  keyDim: bigint;
  valueDim: bigint | null;
  bias: boolean;
  outputDim: bigint | null;
}

export interface TransformerLayerSpec extends LayerBase {
  kind: 'transformer-layer';
  decoder: boolean;
  dModel: bigint;
  nhead: bigint;
  dimFeedforward: bigint;
  bias: boolean;
}

export interface TransformerStackPartSpec {
  layer: { decoder: boolean; dModel: bigint; nhead: bigint; dimFeedforward: bigint; bias: boolean };
  count: number;
  norm: { size: bigint; bias: boolean } | null;
}

export interface TransformerStackSpec extends LayerBase {
  kind: 'transformer-stack';
  typeName: string;
  encoder: TransformerStackPartSpec | null;
  decoder: TransformerStackPartSpec | null;
}

export interface TorchLayerNormSpec extends LayerBase {
  kind: 'torch-layernorm';
  shape: bigint[];
  elementwiseAffine: boolean;
  bias: boolean;
}

export interface TorchBatchNormSpec extends LayerBase {
  kind: 'torch-batchnorm';
  typeName: string;
  features: bigint;
  affine: boolean;
  trackRunningStats: boolean;
}

export interface TorchGroupNormSpec extends LayerBase {
  kind: 'torch-groupnorm';
  groups: bigint;
  channels: bigint;
  affine: boolean;
}

export interface KerasNormSpec extends LayerBase {
  kind: 'keras-norm';
  norm: 'batch' | 'layer' | 'group';
  /** Keras axis (counting the batch axis as 0): default [-1]. */
  axis: number[];
  center: boolean;
  scale: boolean;
  rmsScaling: boolean;
}

export interface PoolSpec extends LayerBase {
  kind: 'pool';
  op: 'max' | 'avg';
  rank: 1 | 2 | 3;
  pool: bigint[];
  strides: bigint[];
  padding: 'valid' | 'same';
  channelsFirst: boolean;
}

export interface GlobalPoolSpec extends LayerBase {
  kind: 'global-pool';
  op: 'max' | 'avg';
  rank: 1 | 2 | 3;
  keepdims: boolean;
  channelsFirst: boolean;
}

export interface ResizeSpec extends LayerBase {
  kind: 'resize';
  op: 'upsample' | 'zeropad' | 'crop';
  rank: 1 | 2 | 3;
  /** upsample: factor per axis; zeropad/crop: [before, after] per axis. */
  amounts: bigint[][];
  channelsFirst: boolean;
}

export interface FlattenSpec extends LayerBase {
  kind: 'flatten';
  framework: Framework;
}

export interface ReshapeSpec extends LayerBase {
  kind: 'reshape';
  /** Target shape (batch excluded); -1 = infer. */
  target: bigint[];
}

export interface RepeatVectorSpec extends LayerBase {
  kind: 'repeat-vector';
  n: bigint;
}

/** A layer with no weights that keeps the shape (activations, dropout, noise, PyTorch pools...). */
export interface PassthroughSpec extends LayerBase {
  kind: 'passthrough';
  framework: Framework;
  typeName: string;
  /** Whether the layer changes the shape in a way not modelled (PyTorch pools): later shapes unknown. */
  shapeUnknown?: boolean;
}

/** A layer whose tensors are fully given by its arguments (PReLU, Bilinear, RMSNorm...). */
export interface FixedSpec extends LayerBase {
  kind: 'fixed';
  framework: Framework;
  typeName: string;
  tensors: { name: string; shape: bigint[]; trainable: boolean }[];
  /** One sentence on what the tensors are. */
  explain: string;
  /** Output width (last axis) when the layer sets it; null = keeps the shape. */
  outWidth: bigint | null;
}

export interface InputSpec extends LayerBase {
  kind: 'input';
  shape: Dim[];
}

export interface TimeDistributedSpec extends LayerBase {
  kind: 'time-distributed';
  layer: LayerSpec;
}

export interface UnknownSpec extends LayerBase {
  kind: 'unknown';
  typeName: string;
  framework: Framework | null;
}

export type LayerSpec =
  | RecurrentLayerSpec
  | DenseSpec
  | EmbeddingSpec
  | ConvSpec
  | ConvLSTMSpec
  | TorchMHASpec
  | KerasMHASpec
  | TransformerLayerSpec
  | TransformerStackSpec
  | TorchLayerNormSpec
  | TorchBatchNormSpec
  | TorchGroupNormSpec
  | KerasNormSpec
  | PoolSpec
  | GlobalPoolSpec
  | ResizeSpec
  | FlattenSpec
  | ReshapeSpec
  | RepeatVectorSpec
  | PassthroughSpec
  | FixedSpec
  | InputSpec
  | TimeDistributedSpec
  | UnknownSpec;

/** The model's input where the code does not state it: a trailing `input=N` or `input_shape=(...)`. */
export type InputHint = { width: bigint } | { shape: Dim[] };

export interface ModelSpec {
  /** The framework most layers come from: its convention labels the model. */
  framework: Framework;
  layers: LayerSpec[];
  input: InputHint | null;
  notes: string[];
}

/** A count that cannot go ahead, with a message that says what to add. */
export class ModelError extends Error {
  override name = 'ModelError';
}

// ---------------------------------------------------------------------------------------------
// zod schema (the parser's output is checked against it)

const dim = z.union([z.bigint(), z.null()]);
const big = z.bigint();
const pos = z.bigint().positive();
const base = {
  name: z.string().max(200).optional(),
  source: z.string().max(2000).optional(),
  trainable: z.boolean().optional(),
  inputShape: z.array(dim).max(16).optional(),
  notes: z.array(z.string()).optional(),
};
const framework = z.enum(['pytorch', 'keras', 'flax']);
const convention = z.enum(CONVENTIONS);

export const layerSpecSchema: z.ZodType<LayerSpec> = z.lazy(() =>
  z.discriminatedUnion('kind', [
    z.object({
      ...base,
      kind: z.literal('recurrent'),
      cell: z.enum(['lstm', 'gru', 'rnn']),
      input: z.union([pos, z.null()]),
      units: pos,
      layers: z.number().int().min(1),
      bidirectional: z.boolean(),
      bias: z.boolean(),
      proj: z.union([big, z.null()]),
      peepholes: z.boolean(),
      resetAfter: z.union([z.boolean(), z.null()]),
      convention,
      naming: z.enum(['keras', 'pytorch', 'pytorch-cell', 'cudnn', 'onnx', 'flax', 'tf1']).optional(),
      typeName: z.string().optional(),
      framework: framework.optional(),
      returnSequences: z.boolean().optional(),
      mergeMode: z.enum(['concat', 'sum', 'mul', 'ave', 'none']).optional(),
      isCell: z.boolean().optional(),
    }),
    z.object({
      ...base,
      kind: z.literal('dense'),
      framework,
      input: z.union([pos, z.null()]),
      units: pos,
      bias: z.boolean(),
    }),
    z.object({
      ...base,
      kind: z.literal('embedding'),
      framework,
      vocab: pos,
      dim: pos,
      inputLength: z.union([big, z.null()]),
      paddingIdx: z.boolean(),
    }),
    z.object({
      ...base,
      kind: z.literal('conv'),
      framework,
      rank: z.union([z.literal(1), z.literal(2), z.literal(3)]),
      variant: z.enum(['standard', 'transpose', 'depthwise', 'separable']),
      input: z.union([pos, z.null()]),
      filters: big,
      kernel: z.array(pos).min(1).max(3),
      strides: z.array(pos).min(1).max(3),
      padding: z.union([z.enum(['valid', 'same', 'causal']), z.array(big).max(3)]),
      dilation: z.array(pos).min(1).max(3),
      groups: pos,
      bias: z.boolean(),
      depthMultiplier: pos,
      outputPadding: z.union([z.array(big).max(3), z.null()]),
      channelsFirst: z.boolean(),
    }),
    z.object({
      ...base,
      kind: z.literal('convlstm'),
      rank: z.union([z.literal(1), z.literal(2), z.literal(3)]),
      input: z.union([pos, z.null()]),
      filters: pos,
      kernel: z.array(pos).min(1).max(3),
      strides: z.array(pos).min(1).max(3),
      padding: z.enum(['valid', 'same']),
      dilation: z.array(pos).min(1).max(3),
      bias: z.boolean(),
      returnSequences: z.boolean(),
    }),
    z.object({
      ...base,
      kind: z.literal('torch-mha'),
      embedDim: pos,
      numHeads: pos,
      bias: z.boolean(),
      addBiasKv: z.boolean(),
      kdim: z.union([pos, z.null()]),
      vdim: z.union([pos, z.null()]),
    }),
    z.object({
      ...base,
      kind: z.literal('keras-mha'),
      numHeads: pos,
      keyDim: pos,
      valueDim: z.union([pos, z.null()]),
      bias: z.boolean(),
      outputDim: z.union([pos, z.null()]),
    }),
    z.object({
      ...base,
      kind: z.literal('transformer-layer'),
      decoder: z.boolean(),
      dModel: pos,
      nhead: pos,
      dimFeedforward: pos,
      bias: z.boolean(),
    }),
    z.object({
      ...base,
      kind: z.literal('transformer-stack'),
      typeName: z.string(),
      encoder: z.union([
        z.object({
          layer: z.object({ decoder: z.boolean(), dModel: pos, nhead: pos, dimFeedforward: pos, bias: z.boolean() }),
          count: z.number().int().min(1),
          norm: z.union([z.object({ size: pos, bias: z.boolean() }), z.null()]),
        }),
        z.null(),
      ]),
      decoder: z.union([
        z.object({
          layer: z.object({ decoder: z.boolean(), dModel: pos, nhead: pos, dimFeedforward: pos, bias: z.boolean() }),
          count: z.number().int().min(1),
          norm: z.union([z.object({ size: pos, bias: z.boolean() }), z.null()]),
        }),
        z.null(),
      ]),
    }),
    z.object({
      ...base,
      kind: z.literal('torch-layernorm'),
      shape: z.array(pos).min(1).max(16),
      elementwiseAffine: z.boolean(),
      bias: z.boolean(),
    }),
    z.object({
      ...base,
      kind: z.literal('torch-batchnorm'),
      typeName: z.string(),
      features: pos,
      affine: z.boolean(),
      trackRunningStats: z.boolean(),
    }),
    z.object({ ...base, kind: z.literal('torch-groupnorm'), groups: pos, channels: pos, affine: z.boolean() }),
    z.object({
      ...base,
      kind: z.literal('keras-norm'),
      norm: z.enum(['batch', 'layer', 'group']),
      axis: z.array(z.number().int()).min(1).max(16),
      center: z.boolean(),
      scale: z.boolean(),
      rmsScaling: z.boolean(),
    }),
    z.object({
      ...base,
      kind: z.literal('pool'),
      op: z.enum(['max', 'avg']),
      rank: z.union([z.literal(1), z.literal(2), z.literal(3)]),
      pool: z.array(pos).min(1).max(3),
      strides: z.array(pos).min(1).max(3),
      padding: z.enum(['valid', 'same']),
      channelsFirst: z.boolean(),
    }),
    z.object({
      ...base,
      kind: z.literal('global-pool'),
      op: z.enum(['max', 'avg']),
      rank: z.union([z.literal(1), z.literal(2), z.literal(3)]),
      keepdims: z.boolean(),
      channelsFirst: z.boolean(),
    }),
    z.object({
      ...base,
      kind: z.literal('resize'),
      op: z.enum(['upsample', 'zeropad', 'crop']),
      rank: z.union([z.literal(1), z.literal(2), z.literal(3)]),
      amounts: z.array(z.array(big).max(2)).max(3),
      channelsFirst: z.boolean(),
    }),
    z.object({ ...base, kind: z.literal('flatten'), framework }),
    z.object({ ...base, kind: z.literal('reshape'), target: z.array(big).max(16) }),
    z.object({ ...base, kind: z.literal('repeat-vector'), n: pos }),
    z.object({
      ...base,
      kind: z.literal('passthrough'),
      framework,
      typeName: z.string(),
      shapeUnknown: z.boolean().optional(),
    }),
    z.object({
      ...base,
      kind: z.literal('fixed'),
      framework,
      typeName: z.string(),
      tensors: z.array(z.object({ name: z.string(), shape: z.array(pos).max(16), trainable: z.boolean() })).max(64),
      explain: z.string(),
      outWidth: z.union([pos, z.null()]),
    }),
    z.object({ ...base, kind: z.literal('input'), shape: z.array(dim).max(16) }),
    z.object({ ...base, kind: z.literal('time-distributed'), layer: layerSpecSchema }),
    z.object({ ...base, kind: z.literal('unknown'), typeName: z.string(), framework: z.union([framework, z.null()]) }),
  ]),
) as unknown as z.ZodType<LayerSpec>;

export const modelSpecSchema = z.object({
  framework,
  layers: z.array(layerSpecSchema),
  input: z.union([z.object({ width: pos }), z.object({ shape: z.array(dim).max(16) }), z.null()]),
  notes: z.array(z.string()),
});

// ---------------------------------------------------------------------------------------------
// Shape flow

type Shape = Dim[];

function shapeStr(s: Shape): string {
  const inner = ['None', ...s.map((d) => (d === null ? 'None' : d.toString()))];
  return `(${inner.join(', ')})`;
}

/** Keras-style layer names: class name in snake_case, `_1`, `_2`... for repeats. */
export function kerasSnake(name: string): string {
  return name
    .replace(/(.)([A-Z][a-z]+)/g, '$1_$2')
    .replace(/([a-z])([A-Z])/g, '$1_$2')
    .toLowerCase();
}

function typeOf(layer: LayerSpec): string {
  switch (layer.kind) {
    case 'recurrent':
      return (
        layer.typeName ??
        (layer.cell === 'lstm'
          ? 'LSTM'
          : layer.cell === 'gru'
            ? 'GRU'
            : layer.framework === 'pytorch'
              ? 'RNN'
              : 'SimpleRNN')
      );
    case 'dense':
      return layer.framework === 'pytorch' ? 'Linear' : 'Dense';
    case 'embedding':
      return layer.framework === 'flax' ? 'Embed' : 'Embedding';
    case 'conv': {
      const r = layer.rank;
      if (layer.framework === 'pytorch') return layer.variant === 'transpose' ? `ConvTranspose${r}d` : `Conv${r}d`;
      if (layer.variant === 'transpose') return `Conv${r}DTranspose`;
      if (layer.variant === 'depthwise') return `DepthwiseConv${r}D`;
      if (layer.variant === 'separable') return `SeparableConv${r}D`;
      return `Conv${r}D`;
    }
    case 'convlstm':
      return `ConvLSTM${layer.rank}D`;
    case 'torch-mha':
      return 'MultiheadAttention';
    case 'keras-mha':
      return 'MultiHeadAttention';
    case 'transformer-layer':
      return layer.decoder ? 'TransformerDecoderLayer' : 'TransformerEncoderLayer';
    case 'transformer-stack':
      return layer.typeName;
    case 'torch-layernorm':
      return 'LayerNorm';
    case 'torch-batchnorm':
      return layer.typeName;
    case 'torch-groupnorm':
      return 'GroupNorm';
    case 'keras-norm':
      return layer.norm === 'batch'
        ? 'BatchNormalization'
        : layer.norm === 'layer'
          ? 'LayerNormalization'
          : 'GroupNormalization';
    case 'pool':
      return `${layer.op === 'max' ? 'MaxPooling' : 'AveragePooling'}${layer.rank}D`;
    case 'global-pool':
      return `Global${layer.op === 'max' ? 'Max' : 'Average'}Pooling${layer.rank}D`;
    case 'resize':
      return `${layer.op === 'upsample' ? 'UpSampling' : layer.op === 'zeropad' ? 'ZeroPadding' : 'Cropping'}${layer.rank}D`;
    case 'flatten':
      return 'Flatten';
    case 'reshape':
      return 'Reshape';
    case 'repeat-vector':
      return 'RepeatVector';
    case 'passthrough':
      return layer.typeName;
    case 'fixed':
      return layer.typeName;
    case 'input':
      return 'InputLayer';
    case 'time-distributed':
      return `TimeDistributed(${typeOf(layer.layer)})`;
    case 'unknown':
      return layer.typeName;
  }
}

function isKerasStyle(layer: LayerSpec): boolean {
  switch (layer.kind) {
    case 'recurrent':
      return (
        (layer.framework ??
          (layer.convention === 'pytorch' ? 'pytorch' : layer.convention === 'flax' ? 'flax' : 'keras')) !== 'pytorch'
      );
    case 'dense':
    case 'embedding':
    case 'conv':
    case 'flatten':
    case 'passthrough':
    case 'fixed':
      return layer.framework !== 'pytorch';
    case 'unknown':
      return layer.framework !== 'pytorch';
    case 'torch-mha':
    case 'transformer-layer':
    case 'transformer-stack':
    case 'torch-layernorm':
    case 'torch-batchnorm':
    case 'torch-groupnorm':
      return false;
    default:
      return true;
  }
}

function describeLayer(layer: LayerSpec): string {
  return layer.source ?? typeOf(layer);
}

/** What to add when an input width is missing, phrased for the layer that needs it. */
function askForInput(layer: LayerSpec, what: string): ModelError {
  const src = describeLayer(layer);
  let shapeHint: string;
  switch (layer.kind) {
    case 'conv':
      shapeHint =
        layer.rank === 1
          ? '(steps, channels)'
          : layer.rank === 2
            ? '(height, width, channels)'
            : '(depth, height, width, channels)';
      break;
    case 'convlstm':
      shapeHint = layer.rank === 2 ? '(timesteps, height, width, channels)' : '(timesteps, ..., channels)';
      break;
    case 'dense':
    case 'keras-norm':
      shapeHint = '(features,)';
      break;
    default:
      shapeHint = '(timesteps, features)';
  }
  if (layer.kind === 'recurrent' && layer.convention === 'flax') {
    return new ModelError(
      `I need the input width for ${src}: Flax infers it at run time, so add \`input=N\` after the code (e.g. \`${src} input=128\`).`,
    );
  }
  return new ModelError(
    `I need the ${what} for ${src}: add \`input=N\` (e.g. \`${src} input=128\`) or \`input_shape=${shapeHint}\`.`,
  );
}

function hintShapeFor(layer: LayerSpec, hint: InputHint): Shape {
  if ('shape' in hint) return hint.shape;
  const w = hint.width;
  switch (layer.kind) {
    case 'dense':
    case 'keras-norm':
    case 'flatten':
    case 'repeat-vector':
      return [w];
    case 'conv':
    case 'pool':
    case 'global-pool':
    case 'resize':
      return [...Array.from({ length: layer.rank }, () => null), w];
    case 'convlstm':
      return [null, ...Array.from({ length: layer.rank }, () => null), w];
    case 'time-distributed':
      return [null, ...hintShapeFor(layer.layer, hint)];
    default:
      return [null, w];
  }
}

function lastDim(s: Shape | null): Dim {
  if (!s || s.length === 0) return null;
  return s[s.length - 1] ?? null;
}

interface FlowResult {
  record: LayerRecord | null;
  out: Shape | null;
  /** Recurrent specs as counted (inputs resolved), for the cross-convention alternatives. */
  recurrent: RecurrentSpec[];
  unknown?: string;
}

function withTrainable(record: LayerRecord, trainable: boolean | undefined): LayerRecord {
  if (trainable !== false) return record;
  return {
    ...record,
    tensors: record.tensors.map((t) => ({ ...t, trainable: false })),
    trainable: 0n,
    nonTrainable: record.params,
    isTrainable: false,
    notes: [...record.notes, 'trainable=False: every weight of this layer counts as non-trainable.'],
  };
}

function needDim(d: Dim, layer: LayerSpec, what: string, inShape: Shape | null): bigint {
  if (d !== null) return d;
  if (!inShape) throw askForInput(layer, what);
  throw new ModelError(
    `I can't tell the ${what} for ${describeLayer(layer)}: the shape reaching it is ${shapeStr(inShape)}. Give the first layer a full \`input_shape=(...)\` (or \`input_length=\` on the Embedding).`,
  );
}

function axisIndex(axis: number, rank: number): number {
  return axis < 0 ? rank + axis : axis - 1;
}

function channelAxis(shape: Shape, channelsFirst: boolean): { channels: Dim; spatial: Dim[] } {
  if (channelsFirst) return { channels: shape[0] ?? null, spatial: shape.slice(1) };
  return { channels: shape[shape.length - 1] ?? null, spatial: shape.slice(0, -1) };
}

function rebuild(spatial: Dim[], channels: Dim, channelsFirst: boolean): Shape {
  return channelsFirst ? [channels, ...spatial] : [...spatial, channels];
}

function expectRank(layer: LayerSpec, inShape: Shape, rank: number, layout: string): void {
  if (inShape.length !== rank) {
    throw new ModelError(`${describeLayer(layer)} expects an input shaped ${layout} but gets ${shapeStr(inShape)}.`);
  }
}

function recurrentRecord(
  layer: RecurrentLayerSpec,
  input: bigint,
  name: string,
): { record: LayerRecord; spec: RecurrentSpec } {
  const {
    framework: _f,
    returnSequences: _r,
    mergeMode: _m,
    isCell: _c,
    source: _s,
    trainable: _t,
    inputShape: _i,
    notes: _n,
    ...rest
  } = layer;
  const spec: RecurrentSpec = { ...rest, input, name };
  const problem = recurrentProblem(spec);
  if (problem) throw new ModelError(`${describeLayer(layer)}: ${problem}.`);
  const record = countRecurrent(spec);
  if (layer.mergeMode && layer.mergeMode !== 'concat' && layer.bidirectional) {
    record.notes.push(
      layer.mergeMode === 'none'
        ? 'merge_mode=None returns the two directions as separate outputs.'
        : `merge_mode='${layer.mergeMode}' combines the two directions element by element, so the output is ${layer.units} wide (concat would give ${2n * layer.units}); the weights are the same.`,
    );
  }
  return { record, spec };
}

/** Counts one layer given the shape reaching it; returns its record and output shape. */
function flowLayer(layer: LayerSpec, inShape: Shape | null, name: string): FlowResult {
  const recurrent: RecurrentSpec[] = [];
  const done = (record: LayerRecord | null, out: Shape | null): FlowResult => {
    if (record) {
      if (layer.notes) record.notes.push(...layer.notes);
      record.outputShape = out ? [null, ...out] : undefined;
    }
    return { record: record ? withTrainable(record, layer.trainable) : null, out, recurrent };
  };
  const countOrExplain = <T>(f: () => T): T => {
    try {
      return f();
    } catch (e) {
      if (e instanceof RangeError) throw new ModelError(`${describeLayer(layer)}: ${e.message}.`);
      throw e;
    }
  };
  switch (layer.kind) {
    case 'input':
      return { record: null, out: layer.shape, recurrent };
    case 'recurrent': {
      const fw =
        layer.framework ??
        (layer.convention === 'pytorch' ? 'pytorch' : layer.convention === 'flax' ? 'flax' : 'keras');
      const X = layer.input ?? needDim(lastDim(inShape), layer, 'input width', inShape);
      const { record, spec } = recurrentRecord(layer, X, name);
      recurrent.push(spec);
      const D = layer.bidirectional ? 2n : 1n;
      const hOut = layer.proj ?? layer.units;
      if (fw !== 'keras') {
        return done(record, layer.isCell ? [hOut] : [null, D * hOut]);
      }
      const width = layer.bidirectional && (layer.mergeMode ?? 'concat') === 'concat' ? D * hOut : hOut;
      const T = inShape && inShape.length >= 2 ? (inShape[0] ?? null) : null;
      return done(record, layer.returnSequences ? [T, width] : [width]);
    }
    case 'dense': {
      const X = layer.input ?? needDim(lastDim(inShape), layer, 'input width', inShape);
      const record = countOrExplain(() =>
        countDense({ framework: layer.framework, name, input: X, units: layer.units, bias: layer.bias }),
      );
      const lead = layer.framework === 'pytorch' || !inShape ? [] : inShape.slice(0, -1);
      return done(record, [...lead, layer.units]);
    }
    case 'embedding': {
      const record = countOrExplain(() =>
        countEmbedding({
          framework: layer.framework,
          name,
          vocab: layer.vocab,
          dim: layer.dim,
          paddingIdx: layer.paddingIdx,
        }),
      );
      const T = layer.inputLength ?? (inShape && inShape.length === 1 ? (inShape[0] ?? null) : null);
      if (layer.framework === 'pytorch') return done(record, [null, layer.dim]);
      return done(record, [T, layer.dim]);
    }
    case 'conv': {
      const torch = layer.framework === 'pytorch';
      let C: bigint;
      let out: Shape | null = null;
      if (torch) {
        C = layer.input ?? needDim(null, layer, 'input channels', inShape);
        // PyTorch is channels-first; the spatial sizes depend on the input, which the code does not give.
        out = [
          layer.variant === 'depthwise' ? C * layer.depthMultiplier : layer.filters,
          ...Array.from({ length: layer.rank }, () => null),
        ];
      } else {
        if (!inShape && layer.input === null) throw askForInput(layer, 'input shape');
        const shape = inShape ?? [...Array.from({ length: layer.rank }, () => null), layer.input];
        expectRank(
          layer,
          shape,
          layer.rank + 1,
          layer.rank === 1
            ? '(steps, channels)'
            : layer.rank === 2
              ? '(height, width, channels)'
              : '(depth, height, width, channels)',
        );
        const { channels, spatial } = channelAxis(shape, layer.channelsFirst);
        C = layer.input ?? needDim(channels, layer, 'input channels', shape);
        const outSpatial = spatial.map((n, i) => {
          const k = layer.kernel[i] ?? 1n;
          const s = layer.strides[i] ?? 1n;
          const d = layer.dilation[i] ?? 1n;
          const pad = Array.isArray(layer.padding) ? (layer.padding[i] ?? 0n) : layer.padding;
          if (layer.variant === 'transpose')
            return convTransposeOutputLength(
              n,
              k,
              s,
              pad,
              d,
              layer.outputPadding ? (layer.outputPadding[i] ?? 0n) : null,
            );
          return convOutputLength(n, k, s, pad, d);
        });
        const filters = layer.variant === 'depthwise' ? C * layer.depthMultiplier : layer.filters;
        for (const d of outSpatial) {
          if (d !== null && d <= 0n)
            throw new ModelError(
              `${describeLayer(layer)}: the input ${shapeStr(shape)} is smaller than the kernel, so the output would be empty.`,
            );
        }
        out = rebuild(outSpatial, filters, layer.channelsFirst);
      }
      const record = countOrExplain(() =>
        countConv({
          framework: layer.framework,
          name,
          typeName: typeOf(layer),
          variant: layer.variant,
          input: C,
          filters: layer.filters,
          kernel: layer.kernel,
          groups: layer.groups,
          bias: layer.bias,
          depthMultiplier: layer.depthMultiplier,
        }),
      );
      return done(record, out);
    }
    case 'convlstm': {
      if (!inShape && layer.input === null) throw askForInput(layer, 'input shape');
      const shape = inShape ?? [null, ...Array.from({ length: layer.rank }, () => null), layer.input];
      expectRank(
        layer,
        shape,
        layer.rank + 2,
        layer.rank === 2 ? '(timesteps, height, width, channels)' : `(timesteps, ${layer.rank} spatial axes, channels)`,
      );
      const C = layer.input ?? needDim(lastDim(shape), layer, 'input channels', shape);
      const spatial = shape
        .slice(1, -1)
        .map((n, i) =>
          convOutputLength(n, layer.kernel[i] ?? 1n, layer.strides[i] ?? 1n, layer.padding, layer.dilation[i] ?? 1n),
        );
      const record = countOrExplain(() =>
        countConvLSTM({
          name,
          typeName: typeOf(layer),
          input: C,
          filters: layer.filters,
          kernel: layer.kernel,
          bias: layer.bias,
        }),
      );
      const out = layer.returnSequences ? [shape[0] ?? null, ...spatial, layer.filters] : [...spatial, layer.filters];
      return done(record, out);
    }
    case 'torch-mha': {
      const record = countOrExplain(() =>
        countTorchMHA({
          name,
          embedDim: layer.embedDim,
          numHeads: layer.numHeads,
          bias: layer.bias,
          addBiasKv: layer.addBiasKv,
          kdim: layer.kdim,
          vdim: layer.vdim,
        }),
      );
      return done(record, [null, layer.embedDim]);
    }
    case 'keras-mha': {
      const q = needDim(lastDim(inShape), layer, 'query width', inShape);
      const record = countOrExplain(() =>
        countKerasMHA({
          name,
          numHeads: layer.numHeads,
          keyDim: layer.keyDim,
          valueDim: layer.valueDim,
          bias: layer.bias,
          queryDim: q,
          keyInDim: q,
          valueInDim: q,
          outputDim: layer.outputDim,
        }),
      );
      record.notes.push('Counted as self-attention: query, key and value all have the input width.');
      return done(record, inShape ? [...inShape.slice(0, -1), layer.outputDim ?? q] : null);
    }
    case 'transformer-layer': {
      const p: TransformerLayerParams = {
        name,
        decoder: layer.decoder,
        dModel: layer.dModel,
        nhead: layer.nhead,
        dimFeedforward: layer.dimFeedforward,
        bias: layer.bias,
      };
      return done(
        countOrExplain(() => countTransformerLayer(p)),
        [null, layer.dModel],
      );
    }
    case 'transformer-stack': {
      const record = countOrExplain(() =>
        countTransformerStack({ name, typeName: layer.typeName, encoder: layer.encoder, decoder: layer.decoder }),
      );
      const E = (layer.decoder ?? layer.encoder)?.layer.dModel ?? null;
      return done(record, [null, E]);
    }
    case 'torch-layernorm':
      return done(
        countOrExplain(() =>
          countTorchLayerNorm({
            name,
            shape: layer.shape,
            elementwiseAffine: layer.elementwiseAffine,
            bias: layer.bias,
          }),
        ),
        null,
      );
    case 'torch-batchnorm':
      return done(
        countOrExplain(() =>
          countTorchBatchNorm({
            name,
            typeName: layer.typeName,
            features: layer.features,
            affine: layer.affine,
            trackRunningStats: layer.trackRunningStats,
          }),
        ),
        null,
      );
    case 'torch-groupnorm':
      return done(
        countOrExplain(() =>
          countTorchGroupNorm({ name, groups: layer.groups, channels: layer.channels, affine: layer.affine }),
        ),
        null,
      );
    case 'keras-norm': {
      if (!inShape) throw askForInput(layer, 'input width');
      const axisShape = layer.axis.map((a) => {
        const i = axisIndex(a, inShape.length);
        if (i < 0 || i >= inShape.length)
          throw new ModelError(`${describeLayer(layer)}: axis ${a} does not exist in the input ${shapeStr(inShape)}.`);
        return needDim(inShape[i] ?? null, layer, 'size of the normalised axis', inShape);
      });
      const record = countOrExplain(() =>
        layer.norm === 'batch'
          ? countKerasBatchNorm({ name, axisShape, center: layer.center, scale: layer.scale })
          : countKerasLayerNorm({
              name,
              axisShape,
              center: layer.center,
              scale: layer.scale,
              rmsScaling: layer.rmsScaling,
              typeName: typeOf(layer),
            }),
      );
      return done(record, inShape);
    }
    case 'pool': {
      const record = countParameterFree(
        name,
        typeOf(layer),
        'keras',
        `${typeOf(layer)} takes the ${layer.op === 'max' ? 'maximum' : 'average'} over each ${layer.pool.join('x')} window: no weights, 0 parameters.`,
      );
      if (!inShape) return done(record, null);
      expectRank(
        layer,
        inShape,
        layer.rank + 1,
        layer.rank === 1
          ? '(steps, channels)'
          : layer.rank === 2
            ? '(height, width, channels)'
            : '(depth, height, width, channels)',
      );
      const { channels, spatial } = channelAxis(inShape, layer.channelsFirst);
      const out = spatial.map((n, i) =>
        poolOutputLength(n, layer.pool[i] ?? 1n, layer.strides[i] ?? layer.pool[i] ?? 1n, layer.padding),
      );
      return done(record, rebuild(out, channels, layer.channelsFirst));
    }
    case 'global-pool': {
      const record = countParameterFree(
        name,
        typeOf(layer),
        'keras',
        `${typeOf(layer)} reduces each channel to one number: no weights, 0 parameters.`,
      );
      if (!inShape) return done(record, null);
      const { channels } = channelAxis(inShape, layer.channelsFirst);
      const ones = Array.from({ length: Math.max(inShape.length - 1, 0) }, () => 1n as Dim);
      return done(record, layer.keepdims ? rebuild(ones, channels, layer.channelsFirst) : [channels]);
    }
    case 'resize': {
      const record = countParameterFree(name, typeOf(layer), 'keras');
      if (!inShape) return done(record, null);
      const { channels, spatial } = channelAxis(inShape, layer.channelsFirst);
      const out = spatial.map((n, i) => {
        if (n === null) return null;
        const a = layer.amounts[i] ?? layer.amounts[0] ?? [1n];
        if (layer.op === 'upsample') return n * (a[0] ?? 1n);
        const extra = (a[0] ?? 0n) + (a[1] ?? a[0] ?? 0n);
        return layer.op === 'zeropad' ? n + extra : n - extra;
      });
      return done(record, rebuild(out, channels, layer.channelsFirst));
    }
    case 'flatten': {
      const record = countParameterFree(
        name,
        'Flatten',
        layer.framework,
        'Flatten only reshapes: no weights, 0 parameters.',
      );
      if (layer.framework === 'pytorch') return done(record, null);
      if (!inShape) return done(record, null);
      const known = inShape.every((d) => d !== null);
      return done(record, [known ? prod(inShape as bigint[]) : null]);
    }
    case 'reshape': {
      const record = countParameterFree(name, 'Reshape', 'keras', 'Reshape only rearranges: no weights, 0 parameters.');
      const total = inShape && inShape.every((d) => d !== null) ? prod(inShape as bigint[]) : null;
      const knownPart = prod(layer.target.filter((d) => d !== -1n));
      const out = layer.target.map((d) =>
        d === -1n ? (total !== null && knownPart > 0n ? total / knownPart : null) : d,
      );
      return done(record, out);
    }
    case 'repeat-vector': {
      const record = countParameterFree(
        name,
        'RepeatVector',
        'keras',
        'RepeatVector copies its input n times: no weights, 0 parameters.',
      );
      return done(record, [layer.n, ...(inShape ?? [null])]);
    }
    case 'passthrough': {
      const record = countParameterFree(name, layer.typeName, layer.framework);
      return done(record, layer.shapeUnknown ? null : inShape);
    }
    case 'fixed': {
      const tensors = layer.tensors.map((t) => tensor(t.name, [...t.shape], t.trainable));
      const total = tensors.reduce((s, t) => s + t.params, 0n);
      const steps: Step[] = [{ kind: 'explain', text: layer.explain }];
      if (tensors.length > 1) {
        steps.push({
          kind: 'sum',
          label: 'total',
          terms: tensors.map((t) => ({ value: t.params, label: t.name })),
          result: total,
        });
      } else if (tensors.length === 1 && tensors[0] && tensors[0].shape.length > 1) {
        steps.push({
          kind: 'product',
          label: 'total',
          factors: tensors[0].shape.map((d, i) => ({ value: d, label: `axis ${i}` })),
          result: total,
        });
      }
      const record = makeRecord({ name, type: layer.typeName, framework: layer.framework, tensors, steps });
      const out =
        layer.outWidth === null
          ? inShape
          : inShape
            ? [...inShape.slice(0, -1), layer.outWidth]
            : [null, layer.outWidth];
      return done(record, out);
    }
    case 'time-distributed': {
      if (!inShape) {
        if (layer.layer.kind === 'dense' && layer.layer.input !== null) {
          // fine: the width is known
        } else throw askForInput(layer, 'input shape');
      }
      const T = inShape ? (inShape[0] ?? null) : null;
      const inner = flowLayer(layer.layer, inShape ? inShape.slice(1) : null, name);
      recurrent.push(...inner.recurrent);
      if (!inner.record) return { record: null, out: inner.out ? [T, ...inner.out] : null, recurrent };
      const record: LayerRecord = { ...inner.record, type: `TimeDistributed(${inner.record.type})` };
      record.steps = [
        {
          kind: 'explain',
          text: `TimeDistributed applies the same ${inner.record.type} to every timestep: the weights are shared, so it counts once.`,
        } as Step,
        ...record.steps,
      ];
      return done(record, inner.out ? [T, ...inner.out] : null);
    }
    case 'unknown':
      return { record: null, out: inShape, recurrent, unknown: layer.typeName };
  }
}

function layerNeedsInput(layer: LayerSpec): boolean {
  switch (layer.kind) {
    case 'recurrent':
    case 'dense':
      return layer.input === null;
    case 'conv':
      return layer.framework !== 'pytorch';
    case 'convlstm':
    case 'keras-mha':
    case 'keras-norm':
    case 'time-distributed':
      return true;
    default:
      return false;
  }
}

function autoName(layer: LayerSpec, index: number, counters: Map<string, number>, framework: Framework): string {
  if (layer.name) return layer.name;
  const t =
    layer.kind === 'time-distributed'
      ? 'TimeDistributed'
      : layer.kind === 'recurrent' && layer.bidirectional && layer.framework === 'keras'
        ? 'Bidirectional'
        : typeOf(layer).replace(/\(.*$/, '');
  if (framework === 'pytorch' && !isKerasStyle(layer)) return String(index);
  const base = kerasSnake(t);
  const n = counters.get(base) ?? 0;
  counters.set(base, n + 1);
  return n === 0 ? base : `${base}_${n}`;
}

interface Flowed {
  record: ModelRecord;
  recurrent: RecurrentSpec[];
}

/** Rows a layer adds to the work: its stacked layers x directions (1 for most layers). */
function layerRows(layer: LayerSpec): number {
  if (layer.kind === 'recurrent') return layer.layers * (layer.bidirectional ? 2 : 1);
  if (layer.kind === 'time-distributed') return layerRows(layer.layer);
  if (layer.kind === 'transformer-stack') return (layer.encoder?.count ?? 0) + (layer.decoder?.count ?? 0) || 1;
  return 1;
}

/** The work budget, checked before any layer is counted (see src/limits.ts). */
function checkBudget(spec: ModelSpec): void {
  let rows = 0;
  for (const layer of spec.layers) {
    rows += layerRows(layer);
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
    if (inShape === null && hint && layerNeedsInput(layer)) {
      inShape = hintShapeFor(layer, hint);
      hint = null;
    }
    if (layer.kind === 'input') {
      shape = layer.shape;
      continue;
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
    if (!isKerasStyle(layer) && layer.kind !== 'unknown') shape = null;
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
  return {
    record: {
      convention: FRAMEWORK_CONVENTION[spec.framework],
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
    if (rs.every((r) => r.convention === c)) continue;
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

/** The other conventions' totals alone (empty when the model cannot be counted). */
export function modelAlternativesOf(spec: ModelSpec): { convention: Convention; total: bigint }[] {
  try {
    return countModelWithAlternatives(spec).alternatives;
  } catch (e) {
    if (e instanceof ModelError) return [];
    throw e;
  }
}
