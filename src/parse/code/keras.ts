// Keras classes (Keras 3 / tf.keras / Keras 2, with the Keras 1 names people still paste).
import type { LayerSpec, MergeMode, RecurrentLayerSpec } from '../../engine/model.js';
import type { CellKind, Dim } from '../../engine/types.js';
import type { Value } from '../python/evaluate.js';
import { CodeError } from '../python/tokenizer.js';
import type { Handler } from './context.js';
import { KERAS_COMMON } from './context.js';
import { hostData } from './values.js';
import type { Args, LayerData } from './values.js';

const RNN_TAIL = [
  'dropout',
  'recurrent_dropout',
  'seed',
  'return_sequences',
  'return_state',
  'go_backwards',
  'stateful',
  'unroll',
];
const RNN_REGS = ['kernel_initializer', 'recurrent_initializer', 'bias_initializer'];
const RNN_REGS2 = [
  'kernel_regularizer',
  'recurrent_regularizer',
  'bias_regularizer',
  'activity_regularizer',
  'kernel_constraint',
  'recurrent_constraint',
  'bias_constraint',
];
const KERAS1_RNN = [
  'output_dim',
  'inner_init',
  'forget_bias_init',
  'inner_activation',
  'U_regularizer',
  'dropout_W',
  'dropout_U',
  'consume_less',
  'implementation',
  'time_major',
  'use_cudnn',
  'return_state',
];

const SIGS: Record<string, string[]> = {
  LSTM: [
    'units',
    'activation',
    'recurrent_activation',
    'use_bias',
    ...RNN_REGS,
    'unit_forget_bias',
    ...RNN_REGS2,
    ...RNN_TAIL,
    'use_cudnn',
  ],
  GRU: [
    'units',
    'activation',
    'recurrent_activation',
    'use_bias',
    ...RNN_REGS,
    ...RNN_REGS2,
    ...RNN_TAIL,
    'reset_after',
    'use_cudnn',
  ],
  SimpleRNN: ['units', 'activation', 'use_bias', ...RNN_REGS, ...RNN_REGS2, ...RNN_TAIL],
  CuDNNLSTM: [
    'units',
    ...RNN_REGS,
    'unit_forget_bias',
    ...RNN_REGS2,
    'return_sequences',
    'return_state',
    'stateful',
    'go_backwards',
  ],
  CuDNNGRU: ['units', ...RNN_REGS, ...RNN_REGS2, 'return_sequences', 'return_state', 'stateful', 'go_backwards'],
  LSTMCell: [
    'units',
    'activation',
    'recurrent_activation',
    'use_bias',
    ...RNN_REGS,
    'unit_forget_bias',
    ...RNN_REGS2,
    'dropout',
    'recurrent_dropout',
    'seed',
  ],
  GRUCell: [
    'units',
    'activation',
    'recurrent_activation',
    'use_bias',
    ...RNN_REGS,
    ...RNN_REGS2,
    'dropout',
    'recurrent_dropout',
    'reset_after',
    'seed',
  ],
  SimpleRNNCell: ['units', 'activation', 'use_bias', ...RNN_REGS, ...RNN_REGS2, 'dropout', 'recurrent_dropout', 'seed'],
};

function units(a: Args): bigint {
  if (a.given('units')) return a.size('units');
  if (a.given('output_dim')) return a.size('output_dim');
  return a.size('units');
}

function recurrentSpec(a: Args, cell: CellKind, opts: { cudnn?: boolean; typeName: string }): RecurrentLayerSpec {
  const spec: RecurrentLayerSpec = {
    kind: 'recurrent',
    cell,
    input: null,
    units: units(a),
    layers: 1,
    bidirectional: false,
    bias: a.bool('use_bias', true),
    proj: null,
    peepholes: false,
    resetAfter: cell === 'gru' && !opts.cudnn && a.has('reset_after') ? a.bool('reset_after', true) : null,
    convention: opts.cudnn ? 'cudnn' : 'keras',
    framework: 'keras',
    typeName: opts.typeName,
    returnSequences: a.bool('return_sequences', false),
  };
  if (opts.cudnn) spec.naming = 'keras';
  return spec;
}

function rnnLayer(cell: CellKind, cls: string, cudnn = false): Handler {
  return (ctx) => {
    const a = ctx.bind(SIGS[cls] ?? [], KERAS_COMMON, KERAS1_RNN);
    return ctx.layer(recurrentSpec(a, cell, { cudnn, typeName: cls }), a);
  };
}

function rnnCell(cell: CellKind, cls: string): Handler {
  return (ctx) => {
    const a = ctx.bind(SIGS[cls] ?? [], KERAS_COMMON, KERAS1_RNN);
    return ctx.layer(recurrentSpec(a, cell, { typeName: cls.replace('Cell', '') }), a, { kerasCell: true });
  };
}

/** Keras RNN(cell) / RNN([cells]) (stacked cells). */
const rnnWrapper: Handler = (ctx) => {
  const a = ctx.bind(
    [
      'cell',
      'return_sequences',
      'return_state',
      'go_backwards',
      'stateful',
      'unroll',
      'zero_output_for_mask',
      'time_major',
    ],
    KERAS_COMMON,
  );
  const v = a.raw('cell');
  if (v === undefined) throw new CodeError(`${a.source} is missing \`cell\`: RNN(cell, return_sequences=False).`);
  const cells: LayerData[] = [];
  const items = v.t === 'seq' ? v.items : [v];
  for (const item of items) {
    const d = hostData(item);
    if (!d || d.tag !== 'layer' || d.spec.kind !== 'recurrent')
      throw new CodeError(`\`cell\` of ${a.source} must be an LSTMCell, GRUCell or SimpleRNNCell (or a list of them).`);
    ctx.consume(d);
    cells.push(d);
  }
  if (cells.length === 0) throw new CodeError(`${a.source} needs at least one cell.`);
  const returnSequences = a.bool('return_sequences', false);
  const specs = cells.map((c, i) => ({
    ...(c.spec as RecurrentLayerSpec),
    returnSequences: i < cells.length - 1 ? true : returnSequences,
    typeName: `RNN(${c.cls})`,
  }));
  const [first, ...rest] = specs;
  return ctx.layer(first as LayerSpec, a, { more: rest });
};

function mergeMode(a: Args): MergeMode {
  const v = a.raw('merge_mode');
  if (v && v.t === 'none') return 'none';
  return a.str('merge_mode', 'concat', ['concat', 'sum', 'mul', 'ave']) as MergeMode;
}

const bidirectional: Handler = (ctx) => {
  const a = ctx.bind(['layer', 'merge_mode', 'weights', 'backward_layer'], KERAS_COMMON);
  const inner = a.layer('layer');
  if (inner.tag !== 'layer' || inner.spec.kind !== 'recurrent')
    throw new CodeError(`\`layer\` of ${a.source} must be a recurrent layer such as LSTM(64).`);
  ctx.consume(inner);
  const spec: RecurrentLayerSpec = {
    ...inner.spec,
    bidirectional: true,
    mergeMode: mergeMode(a),
    typeName: `Bidirectional(${inner.spec.typeName ?? inner.cls})`,
  };
  const notes = [...(inner.spec.notes ?? [])];
  const back = hostData(a.raw('backward_layer'));
  if (back && back.tag === 'layer') {
    ctx.consume(back);
    const b = back.spec;
    if (b.kind !== 'recurrent' || b.cell !== spec.cell || b.units !== spec.units || b.bias !== spec.bias) {
      throw new CodeError(
        `${a.source}: a backward_layer that differs from the forward layer is not supported; count the two layers separately.`,
      );
    }
  }
  spec.notes = notes;
  if (inner.spec.inputShape && !spec.inputShape) spec.inputShape = inner.spec.inputShape;
  return ctx.layer(spec, a);
};

const timeDistributed: Handler = (ctx) => {
  const a = ctx.bind(['layer'], KERAS_COMMON);
  const inner = a.layer('layer');
  if (inner.tag !== 'layer') throw new CodeError(`\`layer\` of ${a.source} must be a single layer such as Dense(10).`);
  ctx.consume(inner);
  return ctx.layer({ kind: 'time-distributed', layer: inner.spec }, a);
};

/** What follows the sizes in the signature of every Keras layer with a kernel and a bias (Dense, Conv*). */
const WEIGHT_LAYER_TAIL = [
  'activation',
  'use_bias',
  'kernel_initializer',
  'bias_initializer',
  'kernel_regularizer',
  'bias_regularizer',
  'activity_regularizer',
  'kernel_constraint',
  'bias_constraint',
  'lora_rank',
];

const dense: Handler = (ctx) => {
  const a = ctx.bind(['units', ...WEIGHT_LAYER_TAIL], KERAS_COMMON, ['output_dim', 'bias']);
  const bias = a.has('bias') && !a.has('use_bias') ? a.bool('bias', true) : a.bool('use_bias', true);
  return ctx.layer({ kind: 'dense', framework: 'keras', input: null, units: units(a), bias }, a);
};

const embedding: Handler = (ctx) => {
  const a = ctx.bind(
    [
      'input_dim',
      'output_dim',
      'embeddings_initializer',
      'embeddings_regularizer',
      'embeddings_constraint',
      'mask_zero',
      'weights',
      'lora_rank',
      'input_length',
      'sparse',
    ],
    KERAS_COMMON,
  );
  return ctx.layer(
    {
      kind: 'embedding',
      framework: 'keras',
      vocab: a.size('input_dim'),
      dim: a.size('output_dim'),
      inputLength: a.optSize('input_length'),
      paddingIdx: false,
    },
    a,
  );
};

function dataFormat(a: Args): boolean {
  if (a.given('dim_ordering')) return a.str('dim_ordering', 'tf', ['th', 'tf', 'default']) === 'th';
  return a.str('data_format', 'channels_last', ['channels_last', 'channels_first']) === 'channels_first';
}

function padding(a: Args, allowCausal: boolean): 'valid' | 'same' | 'causal' {
  const key = a.given('border_mode') && !a.given('padding') ? 'border_mode' : 'padding';
  return a.str(key, 'valid', allowCausal ? ['valid', 'same', 'causal'] : ['valid', 'same']) as
    | 'valid'
    | 'same'
    | 'causal';
}

const KERAS1_CONV = [
  'nb_filter',
  'nb_row',
  'nb_col',
  'nb_depth',
  'filter_length',
  'border_mode',
  'subsample',
  'subsample_length',
  'dim_ordering',
  'bias',
];

function conv(rank: 1 | 2 | 3, variant: 'standard' | 'transpose' | 'separable' | 'depthwise'): Handler {
  return (ctx) => {
    let sig: string[];
    if (variant === 'depthwise') {
      sig = [
        'kernel_size',
        'strides',
        'padding',
        'depth_multiplier',
        'data_format',
        'dilation_rate',
        'activation',
        'use_bias',
        'depthwise_initializer',
        'bias_initializer',
        'depthwise_regularizer',
        'bias_regularizer',
        'activity_regularizer',
        'depthwise_constraint',
        'bias_constraint',
      ];
    } else if (variant === 'separable') {
      sig = [
        'filters',
        'kernel_size',
        'strides',
        'padding',
        'data_format',
        'dilation_rate',
        'depth_multiplier',
        'activation',
        'use_bias',
        'depthwise_initializer',
        'pointwise_initializer',
        'bias_initializer',
        'depthwise_regularizer',
        'pointwise_regularizer',
        'bias_regularizer',
        'activity_regularizer',
        'depthwise_constraint',
        'pointwise_constraint',
        'bias_constraint',
      ];
    } else if (variant === 'transpose') {
      sig = [
        'filters',
        'kernel_size',
        'strides',
        'padding',
        'output_padding',
        'data_format',
        'dilation_rate',
        ...WEIGHT_LAYER_TAIL,
      ];
    } else {
      sig = [
        'filters',
        'kernel_size',
        'strides',
        'padding',
        'data_format',
        'dilation_rate',
        'groups',
        ...WEIGHT_LAYER_TAIL,
      ];
    }
    // Keras 1: Convolution2D(nb_filter, nb_row, nb_col, ...), Convolution1D(nb_filter, filter_length, ...).
    const legacy = variant === 'standard' && ctx.legacyConv(rank);
    if (legacy) {
      sig =
        rank === 1
          ? ['nb_filter', 'filter_length', 'init', 'activation', 'weights', 'border_mode', 'subsample_length']
          : rank === 2
            ? [
                'nb_filter',
                'nb_row',
                'nb_col',
                'init',
                'activation',
                'weights',
                'border_mode',
                'subsample',
                'dim_ordering',
              ]
            : [
                'nb_filter',
                'kernel_dim1',
                'kernel_dim2',
                'kernel_dim3',
                'init',
                'activation',
                'weights',
                'border_mode',
                'subsample',
                'dim_ordering',
              ];
    }
    const a = ctx.bind(sig, KERAS_COMMON, KERAS1_CONV);
    const ones = Array.from({ length: rank }, () => 1n);
    let filters: bigint;
    let kernel: bigint[];
    let strides: bigint[];
    if (legacy) {
      filters = a.size('nb_filter');
      kernel =
        rank === 1
          ? [a.size('filter_length')]
          : rank === 2
            ? [a.size('nb_row'), a.size('nb_col')]
            : [a.size('kernel_dim1'), a.size('kernel_dim2'), a.size('kernel_dim3')];
      strides = rank === 1 ? a.sizes('subsample_length', 1, ones) : a.sizes('subsample', rank, ones);
    } else {
      filters = variant === 'depthwise' ? 1n : a.given('filters') ? a.size('filters') : a.size('nb_filter');
      kernel = a.sizes('kernel_size', rank);
      strides = a.sizes('strides', rank, a.given('subsample') ? a.sizes('subsample', rank) : ones);
    }
    const spec: LayerSpec = {
      kind: 'conv',
      framework: 'keras',
      rank,
      variant,
      input: null,
      filters,
      kernel,
      strides,
      padding: padding(a, rank === 1 && variant === 'standard'),
      dilation: a.sizes('dilation_rate', rank, ones),
      groups: variant === 'standard' ? a.size('groups', 1n) : 1n,
      bias: a.bool('use_bias', a.bool('bias', true)),
      depthMultiplier: variant === 'depthwise' || variant === 'separable' ? a.size('depth_multiplier', 1n) : 1n,
      outputPadding:
        variant === 'transpose' && a.given('output_padding') ? a.sizes('output_padding', rank, undefined, true) : null,
      channelsFirst: dataFormat(a),
    };
    return ctx.layer(spec, a);
  };
}

function convLSTM(rank: 1 | 2 | 3): Handler {
  return (ctx) => {
    const a = ctx.bind(
      [
        'filters',
        'kernel_size',
        'strides',
        'padding',
        'data_format',
        'dilation_rate',
        'activation',
        'recurrent_activation',
        'use_bias',
        ...RNN_REGS,
        'unit_forget_bias',
        ...RNN_REGS2,
        ...RNN_TAIL,
      ],
      KERAS_COMMON,
    );
    if (dataFormat(a))
      throw new CodeError(
        `${a.source}: data_format='channels_first' is not supported for ConvLSTM; use channels_last.`,
      );
    const ones = Array.from({ length: rank }, () => 1n);
    return ctx.layer(
      {
        kind: 'convlstm',
        rank,
        input: null,
        filters: a.size('filters'),
        kernel: a.sizes('kernel_size', rank),
        strides: a.sizes('strides', rank, ones),
        padding: padding(a, false) as 'valid' | 'same',
        dilation: a.sizes('dilation_rate', rank, ones),
        bias: a.bool('use_bias', true),
        returnSequences: a.bool('return_sequences', false),
      },
      a,
    );
  };
}

function axes(a: Args, def: number[]): number[] {
  const v = a.raw('axis');
  if (v === undefined || v.t === 'none') return def;
  const items: Value[] = v.t === 'seq' ? v.items : [v];
  return items.map((x) => {
    const n = a.toInt('axis', x);
    if (n > 16n || n < -16n || n === 0n)
      throw new CodeError(`\`axis=${n}\` in ${a.source} is not a feature axis (axis 0 is the batch).`);
    return Number(n);
  });
}

/** PReLU: alpha per input element, `shared_axes` (1 = the first axis after the batch) collapsed to 1. */
const prelu: Handler = (ctx) => {
  const a = ctx.bind(['alpha_initializer', 'alpha_regularizer', 'alpha_constraint', 'shared_axes'], KERAS_COMMON);
  const v = a.raw('shared_axes');
  const items: Value[] = v === undefined || v.t === 'none' ? [] : v.t === 'seq' ? v.items : [v];
  const sharedAxes = items.map((x) => {
    const n = a.toInt('shared_axes', x);
    if (n < 1n || n > 16n)
      throw new CodeError(`\`shared_axes\` in ${a.source} counts axes from 1 (axis 0 is the batch); got ${n}.`);
    return Number(n);
  });
  return ctx.layer({ kind: 'prelu', framework: 'keras', numParameters: null, sharedAxes }, a);
};

const NORM_REGS = [
  'beta_initializer',
  'gamma_initializer',
  'beta_regularizer',
  'gamma_regularizer',
  'beta_constraint',
  'gamma_constraint',
];

const batchNorm: Handler = (ctx) => {
  const a = ctx.bind(
    [
      'axis',
      'momentum',
      'epsilon',
      'center',
      'scale',
      ...NORM_REGS,
      'moving_mean_initializer',
      'moving_variance_initializer',
      'synchronized',
    ],
    KERAS_COMMON,
    [
      'renorm',
      'renorm_clipping',
      'renorm_momentum',
      'fused',
      'virtual_batch_size',
      'adjustment',
      'mode',
      'beta_init',
      'gamma_init',
    ],
  );
  return ctx.layer(
    {
      kind: 'keras-norm',
      norm: 'batch',
      axis: axes(a, [-1]),
      center: a.bool('center', true),
      scale: a.bool('scale', true),
      rmsScaling: false,
    },
    a,
  );
};

const layerNorm: Handler = (ctx) => {
  const a = ctx.bind(['axis', 'epsilon', 'center', 'scale', 'rms_scaling', ...NORM_REGS], KERAS_COMMON);
  return ctx.layer(
    {
      kind: 'keras-norm',
      norm: 'layer',
      axis: axes(a, [-1]),
      center: a.bool('center', true),
      scale: a.bool('scale', true),
      rmsScaling: a.bool('rms_scaling', false),
    },
    a,
  );
};

const groupNorm: Handler = (ctx) => {
  const a = ctx.bind(['groups', 'axis', 'epsilon', 'center', 'scale', ...NORM_REGS], KERAS_COMMON);
  a.size('groups', 32n);
  return ctx.layer(
    {
      kind: 'keras-norm',
      norm: 'group',
      axis: axes(a, [-1]),
      center: a.bool('center', true),
      scale: a.bool('scale', true),
      rmsScaling: false,
    },
    a,
  );
};

const mha: Handler = (ctx) => {
  const a = ctx.bind(
    [
      'num_heads',
      'key_dim',
      'value_dim',
      'dropout',
      'use_bias',
      'output_shape',
      'attention_axes',
      'flash_attention',
      'kernel_initializer',
      'bias_initializer',
      'kernel_regularizer',
      'bias_regularizer',
      'activity_regularizer',
      'kernel_constraint',
      'bias_constraint',
    ],
    KERAS_COMMON,
  );
  let outputDim: bigint | null = null;
  const ov = a.raw('output_shape');
  if (ov && ov.t !== 'none') {
    const shape = a.toShape('output_shape', ov);
    const last = shape[shape.length - 1];
    if (last === null || last === undefined) throw new CodeError(`\`output_shape\` of ${a.source} must end in a size.`);
    outputDim = last;
  }
  return ctx.layer(
    {
      kind: 'keras-mha',
      numHeads: a.size('num_heads'),
      keyDim: a.size('key_dim'),
      valueDim: a.optSize('value_dim'),
      bias: a.bool('use_bias', true),
      outputDim,
    },
    a,
  );
};

function pool(op: 'max' | 'avg', rank: 1 | 2 | 3): Handler {
  return (ctx) => {
    const a = ctx.bind(['pool_size', 'strides', 'padding', 'data_format'], KERAS_COMMON, [
      'pool_length',
      'stride',
      'border_mode',
      'dim_ordering',
    ]);
    const def = Array.from({ length: rank }, () => 2n);
    const poolSize = a.given('pool_size')
      ? a.sizes('pool_size', rank)
      : a.given('pool_length')
        ? a.sizes('pool_length', rank)
        : def;
    const strides = a.given('strides')
      ? a.sizes('strides', rank)
      : a.given('stride')
        ? a.sizes('stride', rank)
        : poolSize;
    return ctx.layer(
      {
        kind: 'pool',
        op,
        rank,
        pool: poolSize,
        strides,
        padding: padding(a, false) as 'valid' | 'same',
        channelsFirst: dataFormat(a),
      },
      a,
    );
  };
}

function globalPool(op: 'max' | 'avg', rank: 1 | 2 | 3): Handler {
  return (ctx) => {
    const a = ctx.bind(['data_format', 'keepdims'], KERAS_COMMON, ['dim_ordering']);
    return ctx.layer(
      { kind: 'global-pool', op, rank, keepdims: a.bool('keepdims', false), channelsFirst: dataFormat(a) },
      a,
    );
  };
}

function pairs(a: Args, name: string, rank: number, def: bigint): bigint[][] {
  const v = a.raw(name);
  if (v === undefined || v.t === 'none') return Array.from({ length: rank }, () => [def, def]);
  if (v.t === 'seq') {
    if (rank === 1) {
      const xs = a.toSizes(name, v, 2, true);
      return [xs];
    }
    if (v.items.length !== rank) throw new CodeError(`\`${name}\` of ${a.source} needs ${rank} entries.`);
    return v.items.map((x) =>
      x.t === 'seq'
        ? a.toSizes(name, x, 2, true)
        : (() => {
            const n = a.toInt(name, x);
            return [n, n];
          })(),
    );
  }
  const n = a.toInt(name, v);
  return Array.from({ length: rank }, () => [n, n]);
}

function resize(op: 'upsample' | 'zeropad' | 'crop', rank: 1 | 2 | 3): Handler {
  return (ctx) => {
    const key = op === 'upsample' ? 'size' : op === 'zeropad' ? 'padding' : 'cropping';
    const a = ctx.bind([key, 'data_format', 'interpolation'], KERAS_COMMON, ['length', 'dim_ordering']);
    let amounts: bigint[][];
    if (op === 'upsample')
      amounts = a
        .sizes(
          key,
          rank,
          Array.from({ length: rank }, () => 2n),
        )
        .map((x) => [x]);
    else amounts = pairs(a, key, rank, op === 'zeropad' ? 1n : rank === 1 ? 1n : 0n);
    return ctx.layer({ kind: 'resize', op, rank, amounts, channelsFirst: dataFormat(a) }, a);
  };
}

const flatten: Handler = (ctx) => {
  const a = ctx.bind(['data_format'], KERAS_COMMON);
  return ctx.layer({ kind: 'flatten', framework: 'keras' }, a);
};

const reshape: Handler = (ctx) => {
  const a = ctx.bind(['target_shape'], KERAS_COMMON, ['dims']);
  const v = a.raw('target_shape');
  if (!v || v.t !== 'seq') throw new CodeError(`\`target_shape\` of ${a.source} must be a tuple such as (10, 32).`);
  const target = v.items.map((x) => {
    const n = a.toInt('target_shape', x);
    if (n !== -1n && n <= 0n)
      throw new CodeError(`\`target_shape\` of ${a.source} must have positive sizes (or one -1).`);
    return n;
  });
  return ctx.layer({ kind: 'reshape', target }, a);
};

const repeatVector: Handler = (ctx) => {
  const a = ctx.bind(['n'], KERAS_COMMON);
  return ctx.layer({ kind: 'repeat-vector', n: a.size('n') }, a);
};

/** Input(shape=...) — in a Sequential list it sets the input; in the functional API it is a tensor. */
export function inputShapeOf(a: Args): Dim[] {
  const batch = a.shape('batch_shape') ?? a.shape('batch_input_shape');
  if (batch) return batch.slice(1);
  const shape = a.shape('shape') ?? a.shape('input_shape');
  if (shape) return shape;
  throw new CodeError(`${a.source} needs a shape, e.g. \`Input(shape=(10, 32))\`.`);
}

const inputLayer: Handler = (ctx) => {
  const a = ctx.bind(
    ['shape', 'batch_size', 'dtype', 'sparse', 'batch_shape', 'input_tensor', 'optional', 'name', 'ragged'],
    KERAS_COMMON,
  );
  return ctx.layer({ kind: 'input', shape: inputShapeOf(a) }, a);
};

function passthrough(sig: string[]): Handler {
  return (ctx) => {
    const a = ctx.bind(sig, KERAS_COMMON);
    return ctx.layer({ kind: 'passthrough', framework: 'keras', typeName: ctx.cls }, a);
  };
}

const PASSTHROUGH: Record<string, string[]> = {
  Dropout: ['rate', 'noise_shape', 'seed'],
  SpatialDropout1D: ['rate', 'seed'],
  SpatialDropout2D: ['rate', 'data_format', 'seed'],
  SpatialDropout3D: ['rate', 'data_format', 'seed'],
  GaussianNoise: ['stddev', 'seed'],
  GaussianDropout: ['rate', 'seed'],
  AlphaDropout: ['rate', 'noise_shape', 'seed'],
  ActivityRegularization: ['l1', 'l2'],
  Activation: ['activation'],
  ReLU: ['max_value', 'negative_slope', 'threshold'],
  LeakyReLU: ['negative_slope', 'alpha'],
  ELU: ['alpha'],
  Softmax: ['axis'],
  ThresholdedReLU: ['theta'],
  Masking: ['mask_value'],
  Identity: [],
  UnitNormalization: ['axis'],
  Rescaling: ['scale', 'offset'],
};

export const KERAS_HANDLERS: Record<string, Handler> = {
  Dense: dense,
  PReLU: prelu,
  Embedding: embedding,
  LSTM: rnnLayer('lstm', 'LSTM'),
  GRU: rnnLayer('gru', 'GRU'),
  SimpleRNN: rnnLayer('rnn', 'SimpleRNN'),
  CuDNNLSTM: rnnLayer('lstm', 'CuDNNLSTM', true),
  CuDNNGRU: rnnLayer('gru', 'CuDNNGRU', true),
  LSTMCell: rnnCell('lstm', 'LSTMCell'),
  GRUCell: rnnCell('gru', 'GRUCell'),
  SimpleRNNCell: rnnCell('rnn', 'SimpleRNNCell'),
  RNN: rnnWrapper,
  Bidirectional: bidirectional,
  TimeDistributed: timeDistributed,
  Conv1D: conv(1, 'standard'),
  Conv2D: conv(2, 'standard'),
  Conv3D: conv(3, 'standard'),
  Convolution1D: conv(1, 'standard'),
  Convolution2D: conv(2, 'standard'),
  Convolution3D: conv(3, 'standard'),
  Conv1DTranspose: conv(1, 'transpose'),
  Conv2DTranspose: conv(2, 'transpose'),
  Conv3DTranspose: conv(3, 'transpose'),
  Convolution2DTranspose: conv(2, 'transpose'),
  Deconvolution2D: conv(2, 'transpose'),
  SeparableConv1D: conv(1, 'separable'),
  SeparableConv2D: conv(2, 'separable'),
  SeparableConvolution2D: conv(2, 'separable'),
  DepthwiseConv1D: conv(1, 'depthwise'),
  DepthwiseConv2D: conv(2, 'depthwise'),
  ConvLSTM1D: convLSTM(1),
  ConvLSTM2D: convLSTM(2),
  ConvLSTM3D: convLSTM(3),
  BatchNormalization: batchNorm,
  LayerNormalization: layerNorm,
  GroupNormalization: groupNorm,
  MultiHeadAttention: mha,
  MaxPooling1D: pool('max', 1),
  MaxPooling2D: pool('max', 2),
  MaxPooling3D: pool('max', 3),
  MaxPool1D: pool('max', 1),
  MaxPool2D: pool('max', 2),
  MaxPool3D: pool('max', 3),
  AveragePooling1D: pool('avg', 1),
  AveragePooling2D: pool('avg', 2),
  AveragePooling3D: pool('avg', 3),
  AvgPool1D: pool('avg', 1),
  AvgPool2D: pool('avg', 2),
  AvgPool3D: pool('avg', 3),
  GlobalMaxPooling1D: globalPool('max', 1),
  GlobalMaxPooling2D: globalPool('max', 2),
  GlobalMaxPooling3D: globalPool('max', 3),
  GlobalMaxPool1D: globalPool('max', 1),
  GlobalMaxPool2D: globalPool('max', 2),
  GlobalMaxPool3D: globalPool('max', 3),
  GlobalAveragePooling1D: globalPool('avg', 1),
  GlobalAveragePooling2D: globalPool('avg', 2),
  GlobalAveragePooling3D: globalPool('avg', 3),
  GlobalAvgPool1D: globalPool('avg', 1),
  GlobalAvgPool2D: globalPool('avg', 2),
  GlobalAvgPool3D: globalPool('avg', 3),
  UpSampling1D: resize('upsample', 1),
  UpSampling2D: resize('upsample', 2),
  UpSampling3D: resize('upsample', 3),
  ZeroPadding1D: resize('zeropad', 1),
  ZeroPadding2D: resize('zeropad', 2),
  ZeroPadding3D: resize('zeropad', 3),
  Cropping1D: resize('crop', 1),
  Cropping2D: resize('crop', 2),
  Cropping3D: resize('crop', 3),
  Flatten: flatten,
  Reshape: reshape,
  RepeatVector: repeatVector,
  InputLayer: inputLayer,
};

for (const [name, sig] of Object.entries(PASSTHROUGH)) KERAS_HANDLERS[name] = passthrough(sig);

/** Keras-only names (a bare `Dense(...)` is Keras). */
export const KERAS_NAMES = new Set(Object.keys(KERAS_HANDLERS));
