// Keras GlobalMax/GlobalAveragePooling 1D-3D (0 parameters; one number per channel).
import { z } from 'zod';
import { countParameterFree } from '../layers/common.js';
import type { Dim } from '../types.js';
import { channelAxis, done, rebuild } from './flow.js';
import type { LayerKind } from './kind.js';
import { base, defineKind, keepsShape, rank } from './kind.js';

export const globalPoolSchema = z.object({
  ...base,
  kind: z.literal('global-pool'),
  op: z.enum(['max', 'avg']),
  rank,
  keepdims: z.boolean(),
  channelsFirst: z.boolean(),
});

export const globalPool: LayerKind<typeof globalPoolSchema> = defineKind({
  schema: globalPoolSchema,
  typeName: (layer) => `Global${layer.op === 'max' ? 'Max' : 'Average'}Pooling${layer.rank}D`,
  ...keepsShape,
  hintShape: (layer, width) => [...Array.from({ length: layer.rank }, () => null), width],
  flow(layer, inShape, name) {
    const type = `Global${layer.op === 'max' ? 'Max' : 'Average'}Pooling${layer.rank}D`;
    const record = countParameterFree(name, type, 'keras', { id: 'global-pool-only', type });
    if (!inShape) return done(layer, record, null);
    const { channels } = channelAxis(inShape, layer.channelsFirst);
    const ones = Array.from({ length: Math.max(inShape.length - 1, 0) }, () => 1n as Dim);
    return done(layer, record, layer.keepdims ? rebuild(ones, channels, layer.channelsFirst) : [channels]);
  },
});
