// nn.MultiheadAttention.
import { z } from 'zod';
import { countTorchMHA } from '../layers/attention.js';
import { countOrExplain, done } from './flow.js';
import type { LayerKind } from './kind.js';
import { base, defineKind, keepsShape, pos } from './kind.js';

export const torchMHASchema = z.object({
  ...base,
  kind: z.literal('torch-mha'),
  embedDim: pos,
  numHeads: pos,
  bias: z.boolean(),
  addBiasKv: z.boolean(),
  kdim: z.union([pos, z.null()]),
  vdim: z.union([pos, z.null()]),
});

export const torchMHA: LayerKind<typeof torchMHASchema> = defineKind({
  schema: torchMHASchema,
  typeName: () => 'MultiheadAttention',
  ...keepsShape,
  passesShape: () => false,
  flow(layer, _inShape, name) {
    const record = countOrExplain(layer, () =>
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
    return done(layer, record, [null, layer.embedDim]);
  },
});
