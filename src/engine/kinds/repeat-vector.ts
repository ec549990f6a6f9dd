// Keras RepeatVector (0 parameters; adds a time axis of n steps).
import { z } from 'zod';
import { countParameterFree } from '../layers/common.js';
import { done } from './flow.js';
import type { LayerKind } from './kind.js';
import { base, defineKind, keepsShape, pos } from './kind.js';

export const repeatVectorSchema = z.object({ ...base, kind: z.literal('repeat-vector'), n: pos });

export const repeatVector: LayerKind<typeof repeatVectorSchema> = defineKind({
  schema: repeatVectorSchema,
  typeName: () => 'RepeatVector',
  ...keepsShape,
  hintShape: (_layer, width) => [width],
  flow(layer, inShape, name) {
    const record = countParameterFree(name, 'RepeatVector', 'keras', { id: 'repeat-vector-only' });
    return done(layer, record, [layer.n, ...(inShape ?? [null])]);
  },
});
