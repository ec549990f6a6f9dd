// A PyTorch tensor registered on the model itself (`self.w = nn.Parameter(torch.zeros(3, 4))`,
// `self.register_parameter('w', ...)`): its elements are parameters; it takes no part in the layer
// flow, so the shape reaching the next layer is unchanged.
import { z } from 'zod';
import { makeRecord, prod, shapeText, tensor } from '../layers/common.js';
import type { Step } from '../types.js';
import { done } from './flow.js';
import type { LayerKind } from './kind.js';
import { base, defineKind, keepsShape, pos } from './kind.js';

export const parameterSchema = z.object({
  ...base,
  kind: z.literal('parameter'),
  framework: z.literal('pytorch'),
  /** The tensor's shape; [] for a scalar. */
  shape: z.array(pos).max(16),
  /** requires_grad (default True). */
  requiresGrad: z.boolean(),
});

export const parameter: LayerKind<typeof parameterSchema> = defineKind({
  schema: parameterSchema,
  typeName: () => 'Parameter',
  ...keepsShape,
  // It sits beside the layers, not between them: whatever reaches it goes on to the next layer.
  passesShape: () => true,
  namedByIndex: () => false,
  nameBase: () => 'parameter',
  flow(layer, inShape, name) {
    const steps: Step[] = [{ kind: 'say', sentence: { id: 'parameter-tensor', shape: shapeText(layer.shape) } }];
    if (layer.shape.length > 1)
      steps.push({
        kind: 'product',
        label: 'total',
        factors: layer.shape.map((d, i) => ({ value: d, label: `axis ${i}` })),
        result: prod(layer.shape),
      });
    const record = makeRecord({
      name,
      type: 'Parameter',
      framework: 'pytorch',
      tensors: [tensor(name, [...layer.shape], layer.requiresGrad)],
      steps,
    });
    if (!layer.requiresGrad) record.notes.push({ id: 'parameter-frozen' });
    return done(layer, record, inShape);
  },
});
