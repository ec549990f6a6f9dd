// Flax (flax.linen) classes. Flax infers input sizes at run time, so the input width of the first
// layer comes from a trailing `input=N` in the text.
import type { RecurrentLayerSpec } from '../../engine/model.js';
import type { CellKind } from '../../engine/types.js';
import { CodeError } from '../python/tokenizer.js';
import type { Handler } from './context.js';
import { FLAX_COMMON } from './context.js';
import { hostData } from './values.js';

function cell(kind: CellKind, typeName: string): Handler {
  return (ctx) => {
    const sig =
      kind === 'rnn'
        ? [
            'features',
            'activation_fn',
            'kernel_init',
            'recurrent_kernel_init',
            'bias_init',
            'dtype',
            'param_dtype',
            'carry_init',
            'residual',
          ]
        : [
            'features',
            'gate_fn',
            'activation_fn',
            'kernel_init',
            'recurrent_kernel_init',
            'bias_init',
            'dtype',
            'param_dtype',
            'carry_init',
          ];
    const a = ctx.bind(sig, FLAX_COMMON);
    const spec: RecurrentLayerSpec = {
      kind: 'recurrent',
      cell: kind,
      input: null,
      units: a.size('features'),
      layers: 1,
      bidirectional: false,
      bias: true,
      proj: null,
      peepholes: false,
      resetAfter: null,
      convention: 'flax',
      framework: 'flax',
      typeName,
      isCell: true,
    };
    return ctx.layer(spec, a);
  };
}

export const FLAX_HANDLERS: Record<string, Handler> = {
  LSTMCell: cell('lstm', 'LSTMCell'),
  OptimizedLSTMCell: cell('lstm', 'OptimizedLSTMCell'),
  GRUCell: cell('gru', 'GRUCell'),
  SimpleCell: cell('rnn', 'SimpleCell'),
  Dense: (ctx) => {
    const a = ctx.bind(
      ['features', 'use_bias', 'dtype', 'param_dtype', 'precision', 'kernel_init', 'bias_init', 'dot_general'],
      FLAX_COMMON,
    );
    return ctx.layer(
      { kind: 'dense', framework: 'flax', input: null, units: a.size('features'), bias: a.bool('use_bias', true) },
      a,
    );
  },
  Embed: (ctx) => {
    const a = ctx.bind(['num_embeddings', 'features', 'dtype', 'param_dtype', 'embedding_init'], FLAX_COMMON);
    return ctx.layer(
      {
        kind: 'embedding',
        framework: 'flax',
        vocab: a.size('num_embeddings'),
        dim: a.size('features'),
        inputLength: null,
        paddingIdx: false,
      },
      a,
    );
  },
  /** nn.RNN(cell): scans the cell over time; same parameters as the cell. */
  RNN: (ctx) => {
    const a = ctx.bind(
      [
        'cell',
        'cell_size',
        'time_major',
        'return_carry',
        'reverse',
        'keep_order',
        'unroll',
        'variable_axes',
        'variable_broadcast',
        'variable_carry',
        'split_rngs',
      ],
      FLAX_COMMON,
    );
    const inner = hostData(a.raw('cell'));
    if (!inner || inner.tag !== 'layer' || inner.spec.kind !== 'recurrent')
      throw new CodeError(`\`cell\` of ${a.source} must be a Flax cell such as nn.LSTMCell(features=64).`);
    ctx.consume(inner);
    return ctx.layer({ ...inner.spec, isCell: false, typeName: `RNN(${inner.spec.typeName ?? inner.cls})` }, a);
  },
  Dropout: (ctx) => {
    const a = ctx.bind(['rate', 'broadcast_dims', 'deterministic', 'rng_collection'], FLAX_COMMON);
    return ctx.layer({ kind: 'passthrough', framework: 'flax', typeName: 'Dropout' }, a);
  },
};

/** Names only Flax has. */
export const FLAX_ONLY = new Set(['OptimizedLSTMCell', 'SimpleCell', 'Embed', 'MGUCell', 'ConvLSTMCell']);
