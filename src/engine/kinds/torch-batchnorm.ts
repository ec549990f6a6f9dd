// nn.BatchNorm1d-3d, nn.InstanceNorm*d (weights plus running-statistics buffers).
import { z } from 'zod';
import { countTorchBatchNorm } from '../layers/norm.js';
import { countOrExplain, done } from './flow.js';
import type { LayerKind } from './kind.js';
import { base, defineKind, keepsShape, pos } from './kind.js';

export const torchBatchNormSchema = z.object({
  ...base,
  kind: z.literal('torch-batchnorm'),
  typeName: z.string(),
  features: pos,
  affine: z.boolean(),
  trackRunningStats: z.boolean(),
});

export const torchBatchNorm: LayerKind<typeof torchBatchNormSchema> = defineKind({
  schema: torchBatchNormSchema,
  typeName: (layer) => layer.typeName,
  ...keepsShape,
  passesShape: () => false,
  flow(layer, _inShape, name) {
    const { typeName, features, affine, trackRunningStats } = layer;
    return done(
      layer,
      countOrExplain(layer, () => countTorchBatchNorm({ name, typeName, features, affine, trackRunningStats })),
      null,
    );
  },
});
