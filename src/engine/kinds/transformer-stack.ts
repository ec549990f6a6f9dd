// nn.Transformer / nn.TransformerEncoder / nn.TransformerDecoder: stacks of identical layers.
import { z } from 'zod';
import { countTransformerStack } from '../layers/attention.js';
import { countOrExplain, done } from './flow.js';
import type { LayerKind } from './kind.js';
import { base, defineKind, keepsShape, pos } from './kind.js';

const partSchema = z.object({
  layer: z.object({ decoder: z.boolean(), dModel: pos, nhead: pos, dimFeedforward: pos, bias: z.boolean() }),
  count: z.number().int().min(1),
  norm: z.union([z.object({ size: pos, bias: z.boolean() }), z.null()]),
});

export type TransformerStackPartSpec = z.infer<typeof partSchema>;

export const transformerStackSchema = z.object({
  ...base,
  kind: z.literal('transformer-stack'),
  typeName: z.string(),
  encoder: z.union([partSchema, z.null()]),
  decoder: z.union([partSchema, z.null()]),
});

export const transformerStack: LayerKind<typeof transformerStackSchema> = defineKind({
  schema: transformerStackSchema,
  typeName: (layer) => layer.typeName,
  ...keepsShape,
  passesShape: () => false,
  rows: (layer) => (layer.encoder?.count ?? 0) + (layer.decoder?.count ?? 0) || 1,
  flow(layer, _inShape, name) {
    const record = countOrExplain(layer, () =>
      countTransformerStack({ name, typeName: layer.typeName, encoder: layer.encoder, decoder: layer.decoder }),
    );
    const E = (layer.decoder ?? layer.encoder)?.layer.dModel ?? null;
    return done(layer, record, [null, E]);
  },
});
