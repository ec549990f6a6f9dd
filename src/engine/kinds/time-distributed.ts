// Keras TimeDistributed(layer): the same layer on every timestep, its weights counted once.
import { z } from 'zod';
import type { LayerRecord, Step } from '../types.js';
import { askForInput, done } from './flow.js';
import type { LayerKind } from './kind.js';
import { base, defineKind, keepsShape } from './kind.js';
import { flowLayer, hintShapeOf, layerSpecSchema, rowsOf, typeOf } from './registry.js';

// The inner layer is any layer (a getter, so the schema can refer to the union it is part of; `extend`
// rather than a spread keeps the getter lazy for the type checker too).
export const timeDistributedSchema = z
  .object({
    kind: z.literal('time-distributed'),
    get layer() {
      return layerSpecSchema;
    },
  })
  .extend(base);

export const timeDistributed: LayerKind<typeof timeDistributedSchema> = defineKind({
  schema: timeDistributedSchema,
  typeName: (layer) => `TimeDistributed(${typeOf(layer.layer)})`,
  ...keepsShape,
  needsInput: () => true,
  hintShape: (layer, width) => [null, ...hintShapeOf(layer.layer, width)],
  rows: (layer) => rowsOf(layer.layer),
  flow(layer, inShape, name) {
    // A Dense whose width is in the code needs no shape; anything else does.
    if (!inShape && !(layer.layer.kind === 'dense' && layer.layer.input !== null))
      throw askForInput(layer, 'input shape');
    const T = inShape ? (inShape[0] ?? null) : null;
    const inner = flowLayer(layer.layer, inShape ? inShape.slice(1) : null, name);
    const out = inner.out ? [T, ...inner.out] : null;
    if (!inner.record) return { record: null, out, recurrent: inner.recurrent };
    const explain: Step = { kind: 'say', sentence: { id: 'time-distributed', type: inner.record.type } };
    const record: LayerRecord = {
      ...inner.record,
      type: `TimeDistributed(${inner.record.type})`,
      steps: [explain, ...inner.record.steps],
    };
    return done(layer, record, out, inner.recurrent);
  },
});
