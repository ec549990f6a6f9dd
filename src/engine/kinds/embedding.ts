// Embedding / nn.Embedding / flax Embed.
import { z } from 'zod';
import { countEmbedding } from '../layers/dense.js';
import { countOrExplain, done } from './flow.js';
import type { LayerKind } from './kind.js';
import { base, big, defineKind, framework, keepsShape, pos } from './kind.js';

export const embeddingSchema = z.object({
  ...base,
  kind: z.literal('embedding'),
  framework,
  vocab: pos,
  dim: pos,
  inputLength: z.union([big, z.null()]),
  paddingIdx: z.boolean(),
});

export const embedding: LayerKind<typeof embeddingSchema> = defineKind({
  schema: embeddingSchema,
  typeName: (layer) => (layer.framework === 'flax' ? 'Embed' : 'Embedding'),
  ...keepsShape,
  flow(layer, inShape, name) {
    const record = countOrExplain(layer, () =>
      countEmbedding({
        framework: layer.framework,
        name,
        vocab: layer.vocab,
        dim: layer.dim,
        paddingIdx: layer.paddingIdx,
      }),
    );
    const T = layer.inputLength ?? (inShape && inShape.length === 1 ? (inShape[0] ?? null) : null);
    if (layer.framework === 'pytorch') return done(layer, record, [null, layer.dim]);
    return done(layer, record, [T, layer.dim]);
  },
});
