// PyTorch classes, read with their real torch.nn signatures (PyTorch 2.x).
import type { LayerSpec, PaddingSpec, RecurrentLayerSpec, TransformerStackPartSpec } from '../../engine/model.js';
import { TORCH_PARAMETER_FREE } from '../../engine/weightless.js';
import type { CellKind } from '../../engine/types.js';
import { MAX_STACKED_LAYERS } from '../../limits.js';
import { CodeError, EXAMPLE_HINT } from '../python/tokenizer.js';
import type { ClassCtx, Handler } from './context.js';
import { TORCH_COMMON } from './context.js';
import { hostData } from './values.js';
import type { Args } from './values.js';

function numLayers(a: Args, name: string, def = 1n): number {
  const n = a.int(name, def);
  if (n < 1n) throw new CodeError(`\`${name}\` of ${a.source} must be at least 1.`);
  if (n > BigInt(MAX_STACKED_LAYERS))
    throw new CodeError(
      `\`${name}=${n}\` in ${a.source} is more than the ${MAX_STACKED_LAYERS} stacked layers I count. ${EXAMPLE_HINT}`,
    );
  return Number(n);
}

const RNN_SIG = [
  'input_size',
  'hidden_size',
  'num_layers',
  'bias',
  'batch_first',
  'dropout',
  'bidirectional',
  'proj_size',
];
const RNN_PLAIN_SIG = [
  'input_size',
  'hidden_size',
  'num_layers',
  'nonlinearity',
  'bias',
  'batch_first',
  'dropout',
  'bidirectional',
];

function recurrent(cell: CellKind): Handler {
  return (ctx) => {
    const sig = cell === 'rnn' ? RNN_PLAIN_SIG : cell === 'gru' ? RNN_SIG.slice(0, 7) : RNN_SIG;
    const a = ctx.bind(sig, TORCH_COMMON);
    if (cell === 'rnn') a.str('nonlinearity', 'tanh', ['tanh', 'relu']);
    const proj = cell === 'lstm' ? a.int('proj_size', 0n) : 0n;
    if (proj < 0n) throw new CodeError(`proj_size of ${a.source} must be 0 or positive.`);
    const spec: RecurrentLayerSpec = {
      kind: 'recurrent',
      cell,
      input: a.size('input_size'),
      units: a.size('hidden_size'),
      layers: numLayers(a, 'num_layers'),
      bidirectional: a.bool('bidirectional', false),
      bias: a.bool('bias', true),
      proj: proj > 0n ? proj : null,
      peepholes: false,
      resetAfter: null,
      convention: 'pytorch',
      framework: 'pytorch',
      typeName: cell === 'rnn' ? 'RNN' : cell.toUpperCase(),
    };
    return ctx.layer(spec, a);
  };
}

function recurrentCell(cell: CellKind): Handler {
  return (ctx) => {
    const a = ctx.bind(
      cell === 'rnn' ? ['input_size', 'hidden_size', 'bias', 'nonlinearity'] : ['input_size', 'hidden_size', 'bias'],
      TORCH_COMMON,
    );
    if (cell === 'rnn') a.str('nonlinearity', 'tanh', ['tanh', 'relu']);
    const spec: RecurrentLayerSpec = {
      kind: 'recurrent',
      cell,
      input: a.size('input_size'),
      units: a.size('hidden_size'),
      layers: 1,
      bidirectional: false,
      bias: a.bool('bias', true),
      proj: null,
      peepholes: false,
      resetAfter: null,
      convention: 'pytorch',
      naming: 'pytorch-cell',
      framework: 'pytorch',
      typeName: `${cell === 'rnn' ? 'RNN' : cell.toUpperCase()}Cell`,
      isCell: true,
    };
    return ctx.layer(spec, a);
  };
}

function conv(rank: 1 | 2 | 3, transpose: boolean): Handler {
  return (ctx) => {
    const sig = transpose
      ? [
          'in_channels',
          'out_channels',
          'kernel_size',
          'stride',
          'padding',
          'output_padding',
          'groups',
          'bias',
          'dilation',
          'padding_mode',
        ]
      : [
          'in_channels',
          'out_channels',
          'kernel_size',
          'stride',
          'padding',
          'dilation',
          'groups',
          'bias',
          'padding_mode',
        ];
    const a = ctx.bind(sig, TORCH_COMMON);
    const pv = a.raw('padding');
    let padding: PaddingSpec;
    if (pv && pv.t === 'str') padding = a.str('padding', 'valid', ['valid', 'same']) as 'valid' | 'same';
    else
      padding = a.sizes(
        'padding',
        rank,
        Array.from({ length: rank }, () => 0n),
        true,
      );
    a.str('padding_mode', 'zeros', ['zeros', 'reflect', 'replicate', 'circular']);
    const spec: LayerSpec = {
      kind: 'conv',
      framework: 'pytorch',
      rank,
      variant: transpose ? 'transpose' : 'standard',
      input: a.size('in_channels'),
      filters: a.size('out_channels'),
      kernel: a.sizes('kernel_size', rank),
      strides: a.sizes(
        'stride',
        rank,
        Array.from({ length: rank }, () => 1n),
      ),
      padding,
      dilation: a.sizes(
        'dilation',
        rank,
        Array.from({ length: rank }, () => 1n),
      ),
      groups: a.size('groups', 1n),
      bias: a.bool('bias', true),
      depthMultiplier: 1n,
      outputPadding: transpose
        ? a.sizes(
            'output_padding',
            rank,
            Array.from({ length: rank }, () => 0n),
            true,
          )
        : null,
      channelsFirst: true,
    };
    return ctx.layer(spec, a);
  };
}

function normalizedShape(a: Args, name: string): bigint[] {
  const v = a.raw(name);
  if (v === undefined) throw new CodeError(`${a.source} is missing \`${name}\`.`);
  if (v.t === 'seq') return a.toSizes(name, v, v.items.length);
  return [a.size(name)];
}

function batchNorm(typeName: string, defaults: { affine: boolean; track: boolean }): Handler {
  return (ctx) => {
    const a = ctx.bind(['num_features', 'eps', 'momentum', 'affine', 'track_running_stats'], TORCH_COMMON);
    return ctx.layer(
      {
        kind: 'torch-batchnorm',
        typeName,
        features: a.size('num_features'),
        affine: a.bool('affine', defaults.affine),
        trackRunningStats: a.bool('track_running_stats', defaults.track),
      },
      a,
    );
  };
}

const TRANSFORMER_LAYER_SIG = [
  'd_model',
  'nhead',
  'dim_feedforward',
  'dropout',
  'activation',
  'layer_norm_eps',
  'batch_first',
  'norm_first',
  'bias',
];

function transformerLayer(decoder: boolean): Handler {
  return (ctx) => {
    const a = ctx.bind(TRANSFORMER_LAYER_SIG, TORCH_COMMON);
    return ctx.layer(
      {
        kind: 'transformer-layer',
        decoder,
        dModel: a.size('d_model'),
        nhead: a.size('nhead'),
        dimFeedforward: a.size('dim_feedforward', 2048n),
        bias: a.bool('bias', true),
      },
      a,
    );
  };
}

function stackPart(ctx: ClassCtx, a: Args, layerArg: string, decoder: boolean): TransformerStackPartSpec {
  const inner = a.layer(layerArg);
  if (inner.tag !== 'layer' || inner.spec.kind !== 'transformer-layer' || inner.spec.decoder !== decoder) {
    throw new CodeError(
      `\`${layerArg}\` of ${a.source} must be an nn.Transformer${decoder ? 'Decoder' : 'Encoder'}Layer(...).`,
    );
  }
  ctx.consume(inner);
  const l = inner.spec;
  let norm: TransformerStackPartSpec['norm'] = null;
  const nv = hostData(a.raw('norm'));
  if (nv && nv.tag === 'layer') {
    ctx.consume(nv);
    if (nv.spec.kind === 'torch-layernorm') {
      const size = nv.spec.shape.reduce((p, x) => p * x, 1n);
      norm = nv.spec.elementwiseAffine ? { size, bias: nv.spec.bias } : null;
    } else {
      throw new CodeError(`\`norm\` of ${a.source} must be an nn.LayerNorm(...).`);
    }
  }
  return {
    layer: { decoder, dModel: l.dModel, nhead: l.nhead, dimFeedforward: l.dimFeedforward, bias: l.bias },
    count: numLayers(a, 'num_layers'),
    norm,
  };
}

function transformerStack(decoder: boolean): Handler {
  return (ctx) => {
    const a = ctx.bind(
      decoder
        ? ['decoder_layer', 'num_layers', 'norm']
        : ['encoder_layer', 'num_layers', 'norm', 'enable_nested_tensor', 'mask_check'],
      TORCH_COMMON,
    );
    const part = stackPart(ctx, a, decoder ? 'decoder_layer' : 'encoder_layer', decoder);
    return ctx.layer(
      {
        kind: 'transformer-stack',
        typeName: decoder ? 'TransformerDecoder' : 'TransformerEncoder',
        encoder: decoder ? null : part,
        decoder: decoder ? part : null,
      },
      a,
    );
  };
}

const transformer: Handler = (ctx) => {
  const a = ctx.bind(
    [
      'd_model',
      'nhead',
      'num_encoder_layers',
      'num_decoder_layers',
      'dim_feedforward',
      'dropout',
      'activation',
      'custom_encoder',
      'custom_decoder',
      'layer_norm_eps',
      'batch_first',
      'norm_first',
      'bias',
    ],
    TORCH_COMMON,
  );
  if (a.given('custom_encoder') || a.given('custom_decoder')) {
    throw new CodeError(
      `${a.source}: custom_encoder/custom_decoder are not supported; paste the encoder and decoder on their own.`,
    );
  }
  const E = a.size('d_model', 512n);
  const bias = a.bool('bias', true);
  const layer = { dModel: E, nhead: a.size('nhead', 8n), dimFeedforward: a.size('dim_feedforward', 2048n), bias };
  const encCount = numLayers(a, 'num_encoder_layers', 6n);
  const decCount = numLayers(a, 'num_decoder_layers', 6n);
  return ctx.layer(
    {
      kind: 'transformer-stack',
      typeName: 'Transformer',
      encoder: { layer: { ...layer, decoder: false }, count: encCount, norm: { size: E, bias } },
      decoder: { layer: { ...layer, decoder: true }, count: decCount, norm: { size: E, bias } },
    },
    a,
  );
};

function parameterFree(ctx: ClassCtx): ReturnType<Handler> {
  ctx.evaluateArgs();
  return ctx.layer({ kind: 'passthrough', framework: 'pytorch', typeName: ctx.cls, shapeUnknown: true }, null);
}

export const TORCH_HANDLERS: Record<string, Handler> = {
  Linear: (ctx) => {
    const a = ctx.bind(['in_features', 'out_features', 'bias'], TORCH_COMMON);
    return ctx.layer(
      {
        kind: 'dense',
        framework: 'pytorch',
        input: a.size('in_features'),
        units: a.size('out_features'),
        bias: a.bool('bias', true),
      },
      a,
    );
  },
  Bilinear: (ctx) => {
    const a = ctx.bind(['in1_features', 'in2_features', 'out_features', 'bias'], TORCH_COMMON);
    const i1 = a.size('in1_features');
    const i2 = a.size('in2_features');
    const o = a.size('out_features');
    const tensors = [{ name: 'weight', shape: [o, i1, i2], trainable: true }];
    if (a.bool('bias', true)) tensors.push({ name: 'bias', shape: [o], trainable: true });
    return ctx.layer(
      {
        kind: 'fixed',
        framework: 'pytorch',
        typeName: 'Bilinear',
        tensors,
        explain: `Bilinear computes x1ᵀ·A·x2 + b with a weight of shape (out, in1, in2) = (${o}, ${i1}, ${i2}).`,
        outWidth: o,
      },
      a,
    );
  },
  Embedding: (ctx) => {
    const a = ctx.bind(
      [
        'num_embeddings',
        'embedding_dim',
        'padding_idx',
        'max_norm',
        'norm_type',
        'scale_grad_by_freq',
        'sparse',
        '_weight',
        '_freeze',
      ],
      TORCH_COMMON,
    );
    return ctx.layer(
      {
        kind: 'embedding',
        framework: 'pytorch',
        vocab: a.size('num_embeddings'),
        dim: a.size('embedding_dim'),
        inputLength: null,
        paddingIdx: a.given('padding_idx'),
      },
      a,
    );
  },
  EmbeddingBag: (ctx) => {
    const a = ctx.bind(
      [
        'num_embeddings',
        'embedding_dim',
        'max_norm',
        'norm_type',
        'scale_grad_by_freq',
        'mode',
        'sparse',
        '_weight',
        'include_last_offset',
        'padding_idx',
      ],
      TORCH_COMMON,
    );
    return ctx.layer(
      {
        kind: 'embedding',
        framework: 'pytorch',
        vocab: a.size('num_embeddings'),
        dim: a.size('embedding_dim'),
        inputLength: null,
        paddingIdx: a.given('padding_idx'),
        name: undefined,
      },
      a,
    );
  },
  Conv1d: conv(1, false),
  Conv2d: conv(2, false),
  Conv3d: conv(3, false),
  ConvTranspose1d: conv(1, true),
  ConvTranspose2d: conv(2, true),
  ConvTranspose3d: conv(3, true),
  MultiheadAttention: (ctx) => {
    const a = ctx.bind(
      ['embed_dim', 'num_heads', 'dropout', 'bias', 'add_bias_kv', 'add_zero_attn', 'kdim', 'vdim', 'batch_first'],
      TORCH_COMMON,
    );
    return ctx.layer(
      {
        kind: 'torch-mha',
        embedDim: a.size('embed_dim'),
        numHeads: a.size('num_heads'),
        bias: a.bool('bias', true),
        addBiasKv: a.bool('add_bias_kv', false),
        kdim: a.optSize('kdim'),
        vdim: a.optSize('vdim'),
      },
      a,
    );
  },
  TransformerEncoderLayer: transformerLayer(false),
  TransformerDecoderLayer: transformerLayer(true),
  TransformerEncoder: transformerStack(false),
  TransformerDecoder: transformerStack(true),
  Transformer: transformer,
  LayerNorm: (ctx) => {
    const a = ctx.bind(['normalized_shape', 'eps', 'elementwise_affine', 'bias'], TORCH_COMMON);
    return ctx.layer(
      {
        kind: 'torch-layernorm',
        shape: normalizedShape(a, 'normalized_shape'),
        elementwiseAffine: a.bool('elementwise_affine', true),
        bias: a.bool('bias', true),
      },
      a,
    );
  },
  RMSNorm: (ctx) => {
    const a = ctx.bind(['normalized_shape', 'eps', 'elementwise_affine'], TORCH_COMMON);
    const shape = normalizedShape(a, 'normalized_shape');
    const affine = a.bool('elementwise_affine', true);
    return ctx.layer(
      {
        kind: 'fixed',
        framework: 'pytorch',
        typeName: 'RMSNorm',
        tensors: affine ? [{ name: 'weight', shape, trainable: true }] : [],
        explain: affine
          ? 'RMSNorm learns only a scale (weight) per normalised element, no bias.'
          : 'elementwise_affine=False: RMSNorm has 0 parameters.',
        outWidth: null,
      },
      a,
    );
  },
  BatchNorm1d: batchNorm('BatchNorm1d', { affine: true, track: true }),
  BatchNorm2d: batchNorm('BatchNorm2d', { affine: true, track: true }),
  BatchNorm3d: batchNorm('BatchNorm3d', { affine: true, track: true }),
  SyncBatchNorm: batchNorm('SyncBatchNorm', { affine: true, track: true }),
  InstanceNorm1d: batchNorm('InstanceNorm1d', { affine: false, track: false }),
  InstanceNorm2d: batchNorm('InstanceNorm2d', { affine: false, track: false }),
  InstanceNorm3d: batchNorm('InstanceNorm3d', { affine: false, track: false }),
  GroupNorm: (ctx) => {
    const a = ctx.bind(['num_groups', 'num_channels', 'eps', 'affine'], TORCH_COMMON);
    return ctx.layer(
      {
        kind: 'torch-groupnorm',
        groups: a.size('num_groups'),
        channels: a.size('num_channels'),
        affine: a.bool('affine', true),
      },
      a,
    );
  },
  PReLU: (ctx) => {
    const a = ctx.bind(['num_parameters', 'init'], TORCH_COMMON);
    return ctx.layer(
      { kind: 'prelu', framework: 'pytorch', numParameters: a.size('num_parameters', 1n), sharedAxes: [] },
      a,
    );
  },
  LSTM: recurrent('lstm'),
  GRU: recurrent('gru'),
  RNN: recurrent('rnn'),
  LSTMCell: recurrentCell('lstm'),
  GRUCell: recurrentCell('gru'),
  RNNCell: recurrentCell('rnn'),
};

for (const name of TORCH_PARAMETER_FREE) TORCH_HANDLERS[name] = parameterFree;

/** Names only PyTorch has (used to tell a bare `Linear(...)` from Keras). */
export const TORCH_ONLY = new Set(
  Object.keys(TORCH_HANDLERS).filter(
    (n) =>
      ![
        'LSTM',
        'GRU',
        'Embedding',
        'Flatten',
        'Dropout',
        'Softmax',
        'ReLU',
        'ELU',
        'LeakyReLU',
        'PReLU',
        'LSTMCell',
        'GRUCell',
        'RNN',
        'Identity',
      ].includes(n),
  ),
);
