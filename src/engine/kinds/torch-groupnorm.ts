// nn.GroupNorm.
import { z } from 'zod';
import { countTorchGroupNorm } from '../layers/norm.js';
import { countOrExplain, done } from './flow.js';
import type { LayerKind } from './kind.js';
import { base, defineKind, keepsShape, pos } from './kind.js';

export const torchGroupNormSchema = z.object({
  ...base,
  kind: z.literal('torch-groupnorm'),
  groups: pos,
  channels: pos,
  affine: z.boolean(),
});

export const torchGroupNorm: LayerKind<typeof torchGroupNormSchema> = defineKind({
  schema: torchGroupNormSchema,
  typeName: () => 'GroupNorm',
  ...keepsShape,
  passesShape: () => false,
  flow(layer, _inShape, name) {
    const { groups, channels, affine } = layer;
    return done(
      layer,
      countOrExplain(layer, () => countTorchGroupNorm({ name, groups, channels, affine })),
      null,
    );
  },
});
