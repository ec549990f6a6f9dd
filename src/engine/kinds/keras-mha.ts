// Keras MultiHeadAttention, counted as self-attention (query, key and value from the input).
import { z } from 'zod';
import { countKerasMHA } from '../layers/attention.js';
import { countOrExplain, done, lastDim, needDim } from './flow.js';
import type { LayerKind } from './kind.js';
import { base, defineKind, keepsShape, pos } from './kind.js';

export const kerasMHASchema = z.object({
  ...base,
  kind: z.literal('keras-mha'),
  numHeads: pos,
  keyDim: pos,
  valueDim: z.union([pos, z.null()]),
  bias: z.boolean(),
  outputDim: z.union([pos, z.null()]),
});

export const kerasMHA: LayerKind<typeof kerasMHASchema> = defineKind({
  schema: kerasMHASchema,
  typeName: () => 'MultiHeadAttention',
  ...keepsShape,
  needsInput: () => true,
  flow(layer, inShape, name) {
    const q = needDim(lastDim(inShape), layer, 'query width', inShape);
    const record = countOrExplain(layer, () =>
      countKerasMHA({
        name,
        numHeads: layer.numHeads,
        keyDim: layer.keyDim,
        valueDim: layer.valueDim,
        bias: layer.bias,
        queryDim: q,
        keyInDim: q,
        valueInDim: q,
        outputDim: layer.outputDim,
      }),
    );
    record.notes.push('Counted as self-attention: query, key and value all have the input width.');
    return done(layer, record, inShape ? [...inShape.slice(0, -1), layer.outputDim ?? q] : null);
  },
});
