// Keras Lambda(fn): runs a function, has no weights. Its output shape is what `output_shape=` says;
// without it the shape is not known (I never read or run the function).
import { z } from 'zod';
import { countParameterFree } from '../layers/common.js';
import { done } from './flow.js';
import type { LayerKind } from './kind.js';
import { base, defineKind, dim, keepsShape } from './kind.js';

export const lambdaSchema = z.object({
  ...base,
  kind: z.literal('lambda'),
  /** Keras output_shape (batch excluded); null when not given. */
  outputShape: z.union([z.array(dim).max(16), z.null()]),
});

export const lambda: LayerKind<typeof lambdaSchema> = defineKind({
  schema: lambdaSchema,
  typeName: () => 'Lambda',
  ...keepsShape,
  flow(layer, _inShape, name) {
    const record = countParameterFree(name, 'Lambda', 'keras', { id: 'lambda-only' });
    if (layer.outputShape === null)
      record.notes.push("Lambda's output shape is not known without `output_shape=`; later layers need their sizes.");
    return done(layer, record, layer.outputShape);
  },
});
