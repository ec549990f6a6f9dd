// ConvLSTM1D-3D (Keras).
import { z } from 'zod';
import { convOutputLength, countConvLSTM } from '../layers/conv.js';
import { askForInput, countOrExplain, done, expectRank, lastDim, needDim } from './flow.js';
import type { LayerKind } from './kind.js';
import { base, defineKind, pos, rank } from './kind.js';

export const convLSTMSchema = z.object({
  ...base,
  kind: z.literal('convlstm'),
  rank,
  input: z.union([pos, z.null()]),
  filters: pos,
  kernel: z.array(pos).min(1).max(3),
  strides: z.array(pos).min(1).max(3),
  padding: z.enum(['valid', 'same']),
  dilation: z.array(pos).min(1).max(3),
  bias: z.boolean(),
  returnSequences: z.boolean(),
});

export const convlstm: LayerKind<typeof convLSTMSchema> = defineKind({
  schema: convLSTMSchema,
  typeName: (layer) => `ConvLSTM${layer.rank}D`,
  passesShape: () => true,
  needsInput: () => true,
  inputLayout: (layer) => (layer.rank === 2 ? '(timesteps, height, width, channels)' : '(timesteps, ..., channels)'),
  hintShape: (layer, width) => [null, ...Array.from({ length: layer.rank }, () => null), width],
  flow(layer, inShape, name) {
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
    const record = countOrExplain(layer, () =>
      countConvLSTM({
        name,
        typeName: `ConvLSTM${layer.rank}D`,
        input: C,
        filters: layer.filters,
        kernel: layer.kernel,
        bias: layer.bias,
      }),
    );
    const out = layer.returnSequences ? [shape[0] ?? null, ...spatial, layer.filters] : [...spatial, layer.filters];
    return done(layer, record, out);
  },
});
