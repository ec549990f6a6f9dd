// The layer classes a summary row can name, and how a row's class is found: from its "(Type)" cell,
// cut short or not, else from the layer's name (TensorFlow.js "dense_Dense1", Keras "conv2d_1").
import type { SummaryRow } from '../../parse/summary.js';
import { TORCH_PARAMETER_FREE } from '../weightless.js';

// ---------------------------------------------------------------------------------------------
// Layer classes

export type Kind =
  | 'lstm'
  | 'gru'
  | 'rnn'
  | 'bidirectional'
  | 'dense'
  | 'embedding'
  | 'conv'
  | 'batchnorm'
  | 'layernorm'
  | 'timedistributed'
  | 'mha'
  | 'zero'
  | 'model'
  | 'unknown';

export interface ClassInfo {
  name: string;
  kind: Kind;
  dims?: number;
  cudnn?: boolean;
  /** Only a PyTorch class (nn.RNN); Keras's RNN wraps any cell. */
  torchOnly?: boolean;
}

const ZERO = [
  'InputLayer',
  'Dropout',
  'SpatialDropout1D',
  'SpatialDropout2D',
  'SpatialDropout3D',
  'GaussianNoise',
  'GaussianDropout',
  'Flatten',
  'Reshape',
  'Permute',
  'RepeatVector',
  'Activation',
  'ReLU',
  'LeakyReLU',
  'ELU',
  'Softmax',
  'ThresholdedReLU',
  'MaxPooling1D',
  'MaxPooling2D',
  'MaxPooling3D',
  'AveragePooling1D',
  'AveragePooling2D',
  'AveragePooling3D',
  'GlobalMaxPooling1D',
  'GlobalMaxPooling2D',
  'GlobalMaxPooling3D',
  'GlobalAveragePooling1D',
  'GlobalAveragePooling2D',
  'GlobalAveragePooling3D',
  'ZeroPadding1D',
  'ZeroPadding2D',
  'ZeroPadding3D',
  'Cropping1D',
  'Cropping2D',
  'Cropping3D',
  'UpSampling1D',
  'UpSampling2D',
  'UpSampling3D',
  'Concatenate',
  'Add',
  'Subtract',
  'Multiply',
  'Average',
  'Maximum',
  'Minimum',
  'Dot',
  'Masking',
  'Lambda',
  'Merge',
  'Rescaling',
  'Resizing',
  'CenterCrop',
  'ActivityRegularization',
  'TFOpLambda',
  'SlicingOpLambda',
  'NotEqual',
  'Dropout1D',
  'Dropout2D',
  // Preprocessing layers: their vocabularies and tables are not weights.
  'IntegerLookup',
  'StringLookup',
  'Hashing',
  'CategoryEncoding',
  'TextVectorization',

  // Every PyTorch module without parameters, as the code reader knows them.
  ...TORCH_PARAMETER_FREE,
];

const CLASSES: ClassInfo[] = [
  { name: 'LSTM', kind: 'lstm' },
  { name: 'CuDNNLSTM', kind: 'lstm', cudnn: true },
  { name: 'GRU', kind: 'gru' },
  { name: 'CuDNNGRU', kind: 'gru', cudnn: true },
  { name: 'SimpleRNN', kind: 'rnn' },
  { name: 'RNN', kind: 'rnn', torchOnly: true },
  { name: 'Bidirectional', kind: 'bidirectional' },
  { name: 'Dense', kind: 'dense' },
  { name: 'Linear', kind: 'dense' },
  { name: 'TimeDistributedDense', kind: 'dense' },
  { name: 'Embedding', kind: 'embedding' },
  { name: 'Conv1D', kind: 'conv', dims: 1 },
  { name: 'Conv2D', kind: 'conv', dims: 2 },
  { name: 'Conv3D', kind: 'conv', dims: 3 },
  { name: 'Convolution1D', kind: 'conv', dims: 1 },
  { name: 'Convolution2D', kind: 'conv', dims: 2 },
  { name: 'Convolution3D', kind: 'conv', dims: 3 },
  { name: 'Conv1DTranspose', kind: 'conv', dims: 1 },
  { name: 'Conv2DTranspose', kind: 'conv', dims: 2 },
  { name: 'Conv3DTranspose', kind: 'conv', dims: 3 },
  { name: 'Deconvolution2D', kind: 'conv', dims: 2 },
  { name: 'Conv1d', kind: 'conv', dims: 1 },
  { name: 'Conv2d', kind: 'conv', dims: 2 },
  { name: 'Conv3d', kind: 'conv', dims: 3 },
  { name: 'ConvTranspose1d', kind: 'conv', dims: 1 },
  { name: 'ConvTranspose2d', kind: 'conv', dims: 2 },
  { name: 'ConvTranspose3d', kind: 'conv', dims: 3 },
  { name: 'BatchNormalization', kind: 'batchnorm' },
  { name: 'BatchNorm1d', kind: 'batchnorm' },
  { name: 'BatchNorm2d', kind: 'batchnorm' },
  { name: 'BatchNorm3d', kind: 'batchnorm' },
  { name: 'SyncBatchNorm', kind: 'batchnorm' },
  { name: 'LayerNormalization', kind: 'layernorm' },
  { name: 'LayerNorm', kind: 'layernorm' },
  { name: 'TimeDistributed', kind: 'timedistributed' },
  { name: 'MultiHeadAttention', kind: 'mha' },
  { name: 'Functional', kind: 'model' },
  { name: 'Sequential', kind: 'model' },
  { name: 'Model', kind: 'model' },
  { name: 'ModuleList', kind: 'model' },
  { name: 'ModuleDict', kind: 'model' },
  ...ZERO.map((name): ClassInfo => ({ name, kind: 'zero' })),
];

const BY_LOWER = new Map<string, ClassInfo>();
for (const c of CLASSES) if (!BY_LOWER.has(c.name.toLowerCase())) BY_LOWER.set(c.name.toLowerCase(), c);

export interface Resolved {
  info: ClassInfo | null;
  /** Display name of the class ("BatchNormalization", or the printed text when unresolved). */
  className: string;
}

export function lookup(text: string, allowPrefix: boolean, torch: boolean, rank: number | null): ClassInfo | null {
  const t = text.trim().toLowerCase();
  if (t === '') return null;
  const cased = CLASSES.find((c) => c.name === text.trim());
  if (cased && (!cased.torchOnly || torch)) return cased;
  const exact = BY_LOWER.get(t);
  if (exact && (!exact.torchOnly || torch)) return exact;
  if (!allowPrefix || t.length < 3) return null;
  const cands = CLASSES.filter((c) => c.name.toLowerCase().startsWith(t) && (!c.torchOnly || torch));
  if (cands.length === 0) return null;
  const first = cands[0] as ClassInfo;
  if (cands.length === 1) return first;
  // "TimeDistri": TimeDistributed, not the Keras 1 TimeDistributedDense it also begins.
  const shortest = cands.reduce((m, c) => (c.name.length < m.name.length ? c : m), first);
  if (cands.every((c) => c.name.toLowerCase().startsWith(shortest.name.toLowerCase()))) return shortest;
  if (cands.every((c) => c.kind === first.kind && !c.cudnn)) {
    if (first.kind === 'conv') {
      const dims = rank !== null ? rank - 2 : null;
      const hit = cands.find((c) => c.dims === dims);
      return hit ?? { name: text, kind: 'conv' };
    }
    return first;
  }
  return null;
}

/** "dense_Dense1" -> "Dense", "conv2d_Conv2D3" -> "Conv2D"; null when the name has no class part. */
function tfjsClassPart(name: string): string | null {
  const tail = name.slice(name.lastIndexOf('_') + 1);
  if (tail === name || !/^[A-Z][A-Za-z0-9]*$/.test(tail)) return null;
  let end = tail.length;
  while (end > 1 && tail[end - 1] !== undefined && /\d/.test(tail[end - 1] as string)) end--;
  return tail.slice(0, end);
}

export function resolveClass(row: SummaryRow, torch: boolean): Resolved {
  const rank = row.outputShape ? row.outputShape.length : null;
  if (row.type !== '') {
    const info = lookup(row.type, row.typeTruncated, torch, rank);
    if (info) return { info, className: info.name };
  }
  // TensorFlow.js names layers "<snake>_<Class><n>": the class survives even when the type column is cut.
  const tfjs = tfjsClassPart(row.name);
  if (tfjs) {
    const info = lookup(tfjs, true, torch, rank);
    if (info) return { info, className: info.name };
  }
  // Keras's default names: "simple_rnn_2", "batch_normalization", "conv2d_1", "time_distributed"
  // (and TensorFlow.js's "time_distributed_TimeDistri" once its class part is dropped).
  const snake = row.name
    .replace(/_[A-Z][A-Za-z0-9]*$/, '')
    .replace(/_\d+$/, '')
    .replace(/_/g, '')
    .toLowerCase();
  const bySnake = BY_LOWER.get(snake);
  if (bySnake && !bySnake.torchOnly) return { info: bySnake, className: bySnake.name };
  return { info: null, className: row.type !== '' ? row.type + (row.typeTruncated ? '…' : '') : '' };
}
