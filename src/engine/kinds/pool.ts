// Keras MaxPooling / AveragePooling 1D-3D (0 parameters; the shape shrinks).
import { z } from 'zod';
import { countParameterFree } from '../layers/common.js';
import { poolOutputLength } from '../layers/conv.js';
import { channelAxis, done, expectRank, rebuild, spatialLayout } from './flow.js';
import type { LayerKind } from './kind.js';
import { base, defineKind, keepsShape, pos, rank } from './kind.js';

export const poolSchema = z.object({
  ...base,
  kind: z.literal('pool'),
  op: z.enum(['max', 'avg']),
  rank,
  pool: z.array(pos).min(1).max(3),
  strides: z.array(pos).min(1).max(3),
  padding: z.enum(['valid', 'same']),
  channelsFirst: z.boolean(),
});

export const pool: LayerKind<typeof poolSchema> = defineKind({
  schema: poolSchema,
  typeName: (layer) => `${layer.op === 'max' ? 'MaxPooling' : 'AveragePooling'}${layer.rank}D`,
  ...keepsShape,
  hintShape: (layer, width) => [...Array.from({ length: layer.rank }, () => null), width],
  flow(layer, inShape, name) {
    const type = `${layer.op === 'max' ? 'MaxPooling' : 'AveragePooling'}${layer.rank}D`;
    const record = countParameterFree(name, type, 'keras', {
      id: 'pool-only',
      type,
      op: layer.op === 'max' ? 'max' : 'average',
      window: layer.pool.join('x'),
    });
    if (!inShape) return done(layer, record, null);
    expectRank(layer, inShape, layer.rank + 1, spatialLayout(layer.rank));
    const { channels, spatial } = channelAxis(inShape, layer.channelsFirst);
    const out = spatial.map((n, i) =>
      poolOutputLength(n, layer.pool[i] ?? 1n, layer.strides[i] ?? layer.pool[i] ?? 1n, layer.padding),
    );
    return done(layer, record, rebuild(out, channels, layer.channelsFirst));
  },
});
