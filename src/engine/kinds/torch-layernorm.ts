// nn.LayerNorm.
import { z } from 'zod';
import { countTorchLayerNorm } from '../layers/norm.js';
import { countOrExplain, done } from './flow.js';
import type { LayerKind } from './kind.js';
import { base, defineKind, keepsShape, pos } from './kind.js';

export const torchLayerNormSchema = z.object({
  ...base,
  kind: z.literal('torch-layernorm'),
  shape: z.array(pos).min(1).max(16),
  elementwiseAffine: z.boolean(),
  bias: z.boolean(),
});

export const torchLayerNorm: LayerKind<typeof torchLayerNormSchema> = defineKind({
  schema: torchLayerNormSchema,
  typeName: () => 'LayerNorm',
  ...keepsShape,
  passesShape: () => false,
  flow(layer, _inShape, name) {
    const { shape, elementwiseAffine, bias } = layer;
    return done(
      layer,
      countOrExplain(layer, () => countTorchLayerNorm({ name, shape, elementwiseAffine, bias })),
      null,
    );
  },
});
