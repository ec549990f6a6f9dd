// Flatten / nn.Flatten (0 parameters).
import { z } from 'zod';
import { countParameterFree, prod } from '../layers/common.js';
import { done } from './flow.js';
import type { LayerKind } from './kind.js';
import { base, defineKind, framework, keepsShape } from './kind.js';

export const flattenSchema = z.object({ ...base, kind: z.literal('flatten'), framework });

export const flatten: LayerKind<typeof flattenSchema> = defineKind({
  schema: flattenSchema,
  typeName: () => 'Flatten',
  ...keepsShape,
  hintShape: (_layer, width) => [width],
  flow(layer, inShape, name) {
    const record = countParameterFree(name, 'Flatten', layer.framework, { id: 'flatten-only' });
    if (layer.framework === 'pytorch' || !inShape) return done(layer, record, null);
    const known = inShape.every((d) => d !== null);
    return done(layer, record, [known ? prod(inShape as bigint[]) : null]);
  },
});
