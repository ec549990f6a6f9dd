// Keras UpSampling / ZeroPadding / Cropping 1D-3D (0 parameters; the spatial sizes change).
import { z } from 'zod';
import { countParameterFree } from '../layers/common.js';
import { channelAxis, done, rebuild } from './flow.js';
import type { LayerKind } from './kind.js';
import { base, big, defineKind, keepsShape, rank } from './kind.js';

export const resizeSchema = z.object({
  ...base,
  kind: z.literal('resize'),
  op: z.enum(['upsample', 'zeropad', 'crop']),
  rank,
  /** upsample: factor per axis; zeropad/crop: [before, after] per axis. */
  amounts: z.array(z.array(big).max(2)).max(3),
  channelsFirst: z.boolean(),
});

const OP_NAME = { upsample: 'UpSampling', zeropad: 'ZeroPadding', crop: 'Cropping' } as const;

export const resize: LayerKind<typeof resizeSchema> = defineKind({
  schema: resizeSchema,
  typeName: (layer) => `${OP_NAME[layer.op]}${layer.rank}D`,
  ...keepsShape,
  hintShape: (layer, width) => [...Array.from({ length: layer.rank }, () => null), width],
  flow(layer, inShape, name) {
    const record = countParameterFree(name, `${OP_NAME[layer.op]}${layer.rank}D`, 'keras');
    if (!inShape) return done(layer, record, null);
    const { channels, spatial } = channelAxis(inShape, layer.channelsFirst);
    const out = spatial.map((n, i) => {
      if (n === null) return null;
      const a = layer.amounts[i] ?? layer.amounts[0] ?? [1n];
      if (layer.op === 'upsample') return n * (a[0] ?? 1n);
      const extra = (a[0] ?? 0n) + (a[1] ?? a[0] ?? 0n);
      return layer.op === 'zeropad' ? n + extra : n - extra;
    });
    return done(layer, record, rebuild(out, channels, layer.channelsFirst));
  },
});
