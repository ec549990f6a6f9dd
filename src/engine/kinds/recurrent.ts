// LSTM / GRU / simple RNN layers (stacked, bidirectional, cells) as a model layer; the counting
// itself is ../recurrent.ts.
import { z } from 'zod';
import { countRecurrent, recurrentProblem } from '../recurrent.js';
import type { RecurrentSpec } from '../types.js';
import { CELL_NAMES } from '../types.js';
import { ModelError, describeLayer, done, lastDim, needDim } from './flow.js';
import type { LayerKind } from './kind.js';
import { base, convention, defineKind, framework, keepsShape, pos } from './kind.js';

export const recurrentSchema = z.object({
  ...base,
  kind: z.literal('recurrent'),
  cell: z.enum(['lstm', 'gru', 'rnn']),
  /** A width given in the code (PyTorch input_size, Keras input_dim); null until the flow brings one. */
  input: z.union([pos, z.null()]),
  units: pos,
  layers: z.number().int().min(1),
  bidirectional: z.boolean(),
  bias: z.boolean(),
  proj: z.union([z.bigint(), z.null()]),
  peepholes: z.boolean(),
  resetAfter: z.union([z.boolean(), z.null()]),
  convention,
  naming: z.enum(['keras', 'pytorch', 'pytorch-cell', 'cudnn', 'onnx', 'flax', 'tf1']).optional(),
  typeName: z.string().optional(),
  framework: framework.optional(),
  /** Keras return_sequences (PyTorch and Flax always return every step). */
  returnSequences: z.boolean().optional(),
  /** Keras Bidirectional merge_mode (bidirectional specs only); default concat. */
  mergeMode: z.enum(['concat', 'sum', 'mul', 'ave', 'none']).optional(),
  /** A PyTorch/Flax cell (LSTMCell...): one step, output (batch, H). */
  isCell: z.boolean().optional(),
});

export type RecurrentLayerSpec = z.infer<typeof recurrentSchema>;
export type MergeMode = NonNullable<RecurrentLayerSpec['mergeMode']>;

function frameworkOf(layer: RecurrentLayerSpec): 'pytorch' | 'keras' | 'flax' {
  return (
    layer.framework ?? (layer.convention === 'pytorch' ? 'pytorch' : layer.convention === 'flax' ? 'flax' : 'keras')
  );
}

/** The counter's spec: the layer's own fields, its resolved input width and its name. */
function counterSpec(layer: RecurrentLayerSpec, input: bigint, name: string): RecurrentSpec {
  const { kind, cell, units, layers, bidirectional, bias, proj, peepholes, resetAfter, convention, naming, typeName } =
    layer;
  const spec: RecurrentSpec = {
    kind,
    cell,
    input,
    units,
    layers,
    bidirectional,
    bias,
    proj,
    peepholes,
    resetAfter,
    convention,
    name,
  };
  if (naming !== undefined) spec.naming = naming;
  if (typeName !== undefined) spec.typeName = typeName;
  return spec;
}

export const recurrent: LayerKind<typeof recurrentSchema> = defineKind({
  schema: recurrentSchema,
  typeName: (layer) => layer.typeName ?? CELL_NAMES[layer.cell][layer.framework === 'pytorch' ? 'torch' : 'keras'],
  nameBase: (layer) => (layer.bidirectional && layer.framework === 'keras' ? 'Bidirectional' : null),
  passesShape: (layer) => frameworkOf(layer) !== 'pytorch',
  needsInput: (layer) => layer.input === null,
  inputLayout: keepsShape.inputLayout,
  hintShape: keepsShape.hintShape,
  rows: (layer) => layer.layers * (layer.bidirectional ? 2 : 1),
  missingInput: (layer, src) =>
    layer.convention === 'flax'
      ? `I need the input width for ${src}: Flax infers it at run time, so add \`input=N\` after the code (e.g. \`${src} input=128\`).`
      : null,
  flow(layer, inShape, name) {
    const X = layer.input ?? needDim(lastDim(inShape), layer, 'input width', inShape);
    const spec = counterSpec(layer, X, name);
    const problem = recurrentProblem(spec);
    if (problem) throw new ModelError(`${describeLayer(layer)}: ${problem}.`);
    const record = countRecurrent(spec);
    if (layer.mergeMode && layer.mergeMode !== 'concat' && layer.bidirectional) {
      record.notes.push(
        layer.mergeMode === 'none'
          ? { id: 'merge-mode-none' }
          : { id: 'merge-mode', mode: layer.mergeMode, units: layer.units },
      );
    }
    const D = layer.bidirectional ? 2n : 1n;
    const hOut = layer.proj ?? layer.units;
    if (frameworkOf(layer) !== 'keras') return done(layer, record, layer.isCell ? [hOut] : [null, D * hOut], [spec]);
    const width = layer.bidirectional && (layer.mergeMode ?? 'concat') === 'concat' ? D * hOut : hOut;
    const T = inShape && inShape.length >= 2 ? (inShape[0] ?? null) : null;
    return done(layer, record, layer.returnSequences ? [T, width] : [width], [spec]);
  },
});
