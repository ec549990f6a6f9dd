// nn.TransformerEncoderLayer / nn.TransformerDecoderLayer.
import { z } from 'zod';
import { countTransformerLayer } from '../layers/attention.js';
import { countOrExplain, done } from './flow.js';
import type { LayerKind } from './kind.js';
import { base, defineKind, keepsShape, pos } from './kind.js';

export const transformerLayerSchema = z.object({
  ...base,
  kind: z.literal('transformer-layer'),
  decoder: z.boolean(),
  dModel: pos,
  nhead: pos,
  dimFeedforward: pos,
  bias: z.boolean(),
});

export const transformerLayer: LayerKind<typeof transformerLayerSchema> = defineKind({
  schema: transformerLayerSchema,
  typeName: (layer) => (layer.decoder ? 'TransformerDecoderLayer' : 'TransformerEncoderLayer'),
  ...keepsShape,
  passesShape: () => false,
  flow(layer, _inShape, name) {
    const { decoder, dModel, nhead, dimFeedforward, bias } = layer;
    const record = countOrExplain(layer, () =>
      countTransformerLayer({ name, decoder, dModel, nhead, dimFeedforward, bias }),
    );
    return done(layer, record, [null, layer.dModel]);
  },
});
