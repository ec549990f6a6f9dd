// A layer with no weights that keeps the shape (activations, dropout, noise, PyTorch pools...).
import { z } from 'zod';
import { countParameterFree } from '../layers/common.js';
import { done } from './flow.js';
import type { LayerKind } from './kind.js';
import { base, defineKind, framework, keepsShape } from './kind.js';

export const passthroughSchema = z.object({
  ...base,
  kind: z.literal('passthrough'),
  framework,
  typeName: z.string(),
  /** Whether the layer changes the shape in a way not modelled (PyTorch pools): later shapes unknown. */
  shapeUnknown: z.boolean().optional(),
});

export const passthrough: LayerKind<typeof passthroughSchema> = defineKind({
  schema: passthroughSchema,
  typeName: (layer) => layer.typeName,
  ...keepsShape,
  flow(layer, inShape, name) {
    const record = countParameterFree(name, layer.typeName, layer.framework);
    return done(layer, record, layer.shapeUnknown ? null : inShape);
  },
});
