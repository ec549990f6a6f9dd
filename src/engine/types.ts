// The engine's vocabulary. Everything here is plain data: specs go in, records come out,
// and every count is a BigInt so that a total past 2^53 is still exact.

export const CONVENTIONS = ['keras', 'keras2', 'pytorch', 'cudnn', 'onnx', 'flax', 'tf1'] as const;
export type Convention = (typeof CONVENTIONS)[number];

export const CONVENTION_LABELS: Record<Convention, string> = {
  keras: 'Keras 3 / tf.keras',
  keras2: 'Keras 1–2.3 / TensorFlow.js',
  pytorch: 'PyTorch',
  cudnn: 'cuDNN',
  onnx: 'ONNX',
  flax: 'Flax',
  tf1: 'TF1 LSTMCell',
};

export type CellKind = 'lstm' | 'gru' | 'rnn';

/**
 * The one table of cell names: the Keras layer type (`SimpleRNN`), the PyTorch module (`RNN`, also
 * the shorthand's title) and the name in a sentence ("simple RNN"), with its article.
 */
export const CELL_NAMES: Record<CellKind, { keras: string; torch: string; prose: string; article: string }> = {
  lstm: { keras: 'LSTM', torch: 'LSTM', prose: 'LSTM', article: 'An' },
  gru: { keras: 'GRU', torch: 'GRU', prose: 'GRU', article: 'A' },
  rnn: { keras: 'SimpleRNN', torch: 'RNN', prose: 'simple RNN', article: 'A' },
};

/** How tensors are named and laid out; defaults to the convention's own framework. */
export type TensorNaming = 'keras' | 'pytorch' | 'pytorch-cell' | 'cudnn' | 'onnx' | 'flax' | 'tf1';

/** A recurrent layer (possibly stacked and/or bidirectional) as the engine counts it. */
export interface RecurrentSpec {
  kind: 'recurrent';
  cell: CellKind;
  /** I: width of x_t fed to the first layer. */
  input: bigint;
  /** H: hidden units. */
  units: bigint;
  /** Stacked layers; layer k > 0 reads R·D. */
  layers: number;
  bidirectional: boolean;
  bias: boolean;
  /** P: LSTM projection size (PyTorch proj_size, TF1 num_proj); null when absent. */
  proj: bigint | null;
  peepholes: boolean;
  /** Keras GRU reset_after; null = the convention's own default. */
  resetAfter: boolean | null;
  convention: Convention;
  naming?: TensorNaming;
  /** Display name of the layer (e.g. "lstm", "encoder"); defaults from the cell. */
  name?: string;
  /** Shown as the layer type ("LSTM", "CuDNNLSTM", "LSTMCell", ...); defaults from the cell. */
  typeName?: string;
}

export interface TensorRecord {
  name: string;
  shape: bigint[];
  params: bigint;
  trainable: boolean;
}

export interface Term {
  value: bigint;
  /** What the number is ("units", "h_{t-1}", "gates"); may be empty. */
  label: string;
}

/**
 * A sentence the engine means, as an id and its values: render/sentences.ts is the one place that
 * words it (so replies can be phrased in other languages without touching a counter).
 */
export type Sentence =
  /** What a gated cell is: its gates, each a dense layer over [h_{t-1}, x_t]. */
  | { id: 'cell-gates'; cell: CellKind; gates: number }
  /** A simple RNN cell: one dense layer. */
  | { id: 'cell-one-layer'; cell: CellKind }
  | { id: 'recurrent-no-bias' }
  | { id: 'bidirectional-counts-twice' }
  /** Layer 0 reads `input` wide; layers 1+ read `upper` wide (both directions when bidirectional). */
  | { id: 'stacked'; input: bigint; upper: bigint; bidirectional: boolean }
  | { id: 'counts-the-same'; convention: Convention }
  /** Why another convention differs: two bias vectors where this one has `mine`. */
  | { id: 'two-bias-vectors'; mine: number }
  | { id: 'keras-one-bias-vector' }
  | { id: 'laid-out-differently'; convention: Convention }
  /** Layers `from` to `to` of a stack repeat layer 1's tensor shapes and are not listed. */
  | { id: 'layers-not-listed'; from: number; to: number }
  | { id: 'merge-mode-none' }
  | { id: 'merge-mode'; mode: 'sum' | 'mul' | 'ave'; units: bigint }
  /** No bias vector on a weights + bias layer. */
  | { id: 'no-bias' }
  /** A Linear (PyTorch) or Dense (Keras, Flax) layer's weight matrix and bias. */
  | { id: 'dense-linear'; units: bigint; input: bigint; bias: boolean }
  | { id: 'dense-keras'; units: bigint; input: bigint; bias: boolean }
  | { id: 'embedding-table'; vocab: bigint; dim: bigint }
  | { id: 'embedding-padding' }
  /** `kernel` is the kernel size written "3x3". */
  | { id: 'conv-depthwise'; input: bigint; kernel: string; multiplier: bigint }
  | { id: 'conv-separable'; kernel: string; filters: bigint }
  /**
   * A standard or transposed convolution's weight: each output channel (filter) has a kernel over
   * all input channels, or over its group's `groupWidth` channels when grouped.
   */
  | {
      id: 'conv-weight';
      torch: boolean;
      filters: bigint;
      kernel: string;
      input: bigint;
      groups: bigint;
      groupWidth: bigint;
      transpose: boolean;
      shape: string;
    }
  | { id: 'layernorm-no-affine' }
  /** `shape` is normalized_shape written out when it has more than one axis, else null. */
  | { id: 'layernorm-learns'; bias: boolean; size: bigint; shape: string | null }
  | { id: 'layernorm-weight-only'; size: bigint }
  | { id: 'torch-mha'; embed: bigint; heads: bigint; perHead: bigint }
  | { id: 'torch-mha-no-bias' }
  /** A layer without weights (activation, dropout...; `type` is its class name). */
  | { id: 'no-weights'; type: string }
  /** A registered nn.Parameter of shape `shape` (written "(3, 4)" or "(5,)"). */
  | { id: 'parameter-tensor'; shape: string }
  | { id: 'parameter-frozen' }
  /** PReLU with num_parameters `count` (1 = one slope shared by all channels). */
  | { id: 'prelu-per-channel'; count: bigint }
  /** Keras PReLU: one slope per input element, shared along `sharedAxes` ("1, 2"; null when none). */
  | { id: 'prelu-per-element'; sharedAxes: string | null; shape: string }
  | { id: 'time-distributed'; type: string }
  /** Why a weightless layer has none: what it does to its input. */
  | { id: 'reshape-only' }
  | { id: 'flatten-only' }
  | { id: 'repeat-vector-only' }
  | { id: 'lambda-only' }
  | { id: 'global-pool-only'; type: string }
  | { id: 'pool-only'; type: string; op: 'max' | 'average'; window: string }
  /** A ConvLSTM's gates are `kernel` ("3x3") convolutions. */
  | { id: 'convlstm'; kernel: string }
  /** Solving a recurrent layer for its input width I (linear: `gates` gates per unit, both directions or one). */
  | { id: 'solve-input'; gates: number; bidirectional: boolean }
  /** Solving for the units H: a quadratic, linear with a projection, or by exact search. */
  | { id: 'solve-units-quadratic' }
  | { id: 'solve-units-projection' }
  | { id: 'solve-units-search' }
  /** The quadratic in H, symbolically (`symbolic`) and with this layer's numbers (`numeric`). */
  | { id: 'solve-equation'; symbolic: string; numeric: string }
  /** A PyTorch TransformerEncoderLayer / TransformerDecoderLayer over d_model `model` with feed-forward width `ff`. */
  | { id: 'transformer-layer'; decoder: boolean; model: bigint; ff: bigint }
  /** A transformer stack's layers 2 to `to` repeat layer 1's tensor shapes and are not listed. */
  | { id: 'transformer-layers-not-listed'; part: 'encoder' | 'decoder'; to: number }
  /** PyTorch BatchNorm/InstanceNorm (`type` is the class name). */
  | { id: 'torch-batchnorm-affine'; type: string }
  | { id: 'torch-batchnorm-no-affine'; type: string }
  | { id: 'torch-batchnorm-buffers'; buffers: bigint }
  | { id: 'groupnorm-affine' }
  | { id: 'groupnorm-no-affine' }
  | { id: 'keras-batchnorm'; channels: bigint }
  | { id: 'keras-batchnorm-split'; trainable: bigint; frozen: bigint }
  /** Keras LayerNormalization-like: which of gamma (scale) and beta (shift) it learns per feature. */
  | { id: 'keras-layernorm'; type: string; learns: 'both' | 'scale' | 'shift' | 'nothing'; features: bigint }
  /** Keras `trainable=False`. */
  | { id: 'frozen' }
  | { id: 'keras-mha'; heads: bigint; keyDim: bigint; valueDim: bigint; output: bigint };

/** A note on a layer: a typed sentence, or a reader's own text. */
export type Note = string | Sentence;

/**
 * One step of a derivation. Renderers turn these into prose, Block Kit or JSON;
 * none of them recomputes a number.
 */
export type Step =
  | { kind: 'explain'; text: string }
  /** A typed sentence (words in render/sentences.ts). */
  | { kind: 'say'; sentence: Sentence }
  | { kind: 'sum'; label: string; terms: Term[]; result: bigint }
  | { kind: 'product'; label: string; factors: Term[]; result: bigint }
  | { kind: 'formula'; label: string; expression: string; result: bigint }
  | { kind: 'note'; text: string }
  /** Another convention's figure for the same spec and why it differs (the cuDNN note). */
  | { kind: 'compare'; convention: Convention; total: bigint; difference: bigint; reason: Sentence; factors: Term[] };

/** One row of a stacked/bidirectional recurrent layer. */
export interface StackRow {
  layer: number;
  inputWidth: bigint;
  directions: number;
  perDirection: bigint;
  params: bigint;
}

/** What a picture of a recurrent cell needs (rendered by render/, never recomputed). */
export interface CellPicture {
  cell: CellKind;
  recurrentLabel: string;
  recurrentWidth: bigint;
  inputWidth: bigint;
  concatWidth: bigint;
  units: bigint;
  gates: { name: string; activation: string; weights: bigint; biasVectors: number; params: bigint }[];
  extras: { label: string; params: bigint }[];
}

export type Dim = bigint | null;

export interface LayerRecord {
  name: string;
  type: string;
  convention?: Convention;
  params: bigint;
  trainable: bigint;
  nonTrainable: bigint;
  /** PyTorch buffers (BatchNorm running stats): elements, not parameters. */
  buffers: bigint;
  tensors: TensorRecord[];
  steps: Step[];
  stack?: StackRow[];
  picture?: CellPicture;
  outputShape?: Dim[];
  /** Whether the layer's weights train (Keras `trainable=False`). */
  isTrainable: boolean;
  notes: Note[];
}

export interface ModelRecord {
  convention: Convention;
  layers: LayerRecord[];
  total: bigint;
  trainable: bigint;
  nonTrainable: bigint;
  buffers: bigint;
  /** Layers named in the input that the engine cannot count ("not counted: Foo"). */
  unknownLayers: string[];
  notes: string[];
}
