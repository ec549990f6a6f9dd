// Keras Input / InputLayer: sets the shape, counts nothing (no record).
import { z } from 'zod';
import type { LayerKind } from './kind.js';
import { base, defineKind, dim, keepsShape } from './kind.js';

export const inputSchema = z.object({ ...base, kind: z.literal('input'), shape: z.array(dim).max(16) });

export const input: LayerKind<typeof inputSchema> = defineKind({
  schema: inputSchema,
  typeName: () => 'InputLayer',
  ...keepsShape,
  flow: (layer) => ({ record: null, out: layer.shape, recurrent: [] }),
});
