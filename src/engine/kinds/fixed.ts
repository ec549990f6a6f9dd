// A layer whose tensors are fully given by its arguments (Bilinear, RMSNorm...).
import { z } from 'zod';
import { makeRecord, tensor } from '../layers/common.js';
import type { Step } from '../types.js';
import { done } from './flow.js';
import type { LayerKind } from './kind.js';
import { base, defineKind, framework, keepsShape, pos } from './kind.js';

export const fixedSchema = z.object({
  ...base,
  kind: z.literal('fixed'),
  framework,
  typeName: z.string(),
  tensors: z.array(z.object({ name: z.string(), shape: z.array(pos).max(16), trainable: z.boolean() })).max(64),
  /** One sentence on what the tensors are. */
  explain: z.string(),
  /** Output width (last axis) when the layer sets it; null = keeps the shape. */
  outWidth: z.union([pos, z.null()]),
});

export const fixed: LayerKind<typeof fixedSchema> = defineKind({
  schema: fixedSchema,
  typeName: (layer) => layer.typeName,
  ...keepsShape,
  flow(layer, inShape, name) {
    const tensors = layer.tensors.map((t) => tensor(t.name, [...t.shape], t.trainable));
    const total = tensors.reduce((s, t) => s + t.params, 0n);
    const steps: Step[] = [{ kind: 'explain', text: layer.explain }];
    const only = tensors.length === 1 ? tensors[0] : undefined;
    if (tensors.length > 1) {
      steps.push({
        kind: 'sum',
        label: 'total',
        terms: tensors.map((t) => ({ value: t.params, label: t.name })),
        result: total,
      });
    } else if (only && only.shape.length > 1) {
      steps.push({
        kind: 'product',
        label: 'total',
        factors: only.shape.map((d, i) => ({ value: d, label: `axis ${i}` })),
        result: total,
      });
    }
    const record = makeRecord({ name, type: layer.typeName, framework: layer.framework, tensors, steps });
    const out =
      layer.outWidth === null ? inShape : inShape ? [...inShape.slice(0, -1), layer.outWidth] : [null, layer.outWidth];
    return done(layer, record, out);
  },
});
