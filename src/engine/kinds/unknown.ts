// A layer the engine does not know: not counted, named in the answer, assumed to keep the shape.
import { z } from 'zod';
import type { LayerKind } from './kind.js';
import { base, defineKind, framework, keepsShape } from './kind.js';

export const unknownSchema = z.object({
  ...base,
  kind: z.literal('unknown'),
  typeName: z.string(),
  framework: z.union([framework, z.null()]),
});

export const unknown: LayerKind<typeof unknownSchema> = defineKind({
  schema: unknownSchema,
  typeName: (layer) => layer.typeName,
  ...keepsShape,
  // Assumed to keep the shape, whatever its framework; a PyTorch one is still named by its index.
  passesShape: () => true,
  namedByIndex: (layer) => layer.framework === 'pytorch',
  flow: (layer, inShape) => ({ record: null, out: inShape, recurrent: [], unknown: layer.typeName }),
});
