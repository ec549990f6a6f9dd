// Keras Reshape (0 parameters; -1 is inferred).
import { z } from 'zod';
import { countParameterFree, prod } from '../layers/common.js';
import { done } from './flow.js';
import type { LayerKind } from './kind.js';
import { base, big, defineKind, keepsShape } from './kind.js';

export const reshapeSchema = z.object({
  ...base,
  kind: z.literal('reshape'),
  /** Target shape (batch excluded); -1 = infer. */
  target: z.array(big).max(16),
});

export const reshape: LayerKind<typeof reshapeSchema> = defineKind({
  schema: reshapeSchema,
  typeName: () => 'Reshape',
  ...keepsShape,
  flow(layer, inShape, name) {
    const record = countParameterFree(name, 'Reshape', 'keras', { id: 'reshape-only' });
    const total = inShape && inShape.every((d) => d !== null) ? prod(inShape as bigint[]) : null;
    const knownPart = prod(layer.target.filter((d) => d !== -1n));
    const out = layer.target.map((d) =>
      d === -1n ? (total !== null && knownPart > 0n ? total / knownPart : null) : d,
    );
    return done(layer, record, out);
  },
});
