// PReLU: a learned negative slope. Keras learns one per input element (alpha has the input's shape,
// batch excluded), with `shared_axes` collapsing axes to 1; PyTorch learns `num_parameters` (1 or C).
import { z } from 'zod';
import { makeRecord, prod, shapeText, tensor } from '../layers/common.js';
import type { Sentence, Step } from '../types.js';
import { ModelError, askForInput, describeLayer, done, shapeStr } from './flow.js';
import type { LayerKind } from './kind.js';
import { base, defineKind, framework, keepsShape, pos } from './kind.js';

export const preluSchema = z.object({
  ...base,
  kind: z.literal('prelu'),
  framework,
  /** PyTorch num_parameters (default 1); null for Keras, whose alpha follows the input. */
  numParameters: z.union([pos, z.null()]),
  /** Keras shared_axes (1 = the first axis after the batch); [] when none. */
  sharedAxes: z.array(z.number().int().min(1)).max(16),
});

export const prelu: LayerKind<typeof preluSchema> = defineKind({
  schema: preluSchema,
  typeName: () => 'PReLU',
  ...keepsShape,
  needsInput: (layer) => layer.numParameters === null,
  flow(layer, inShape, name) {
    let shape: bigint[];
    let explain: Sentence;
    if (layer.numParameters !== null) {
      shape = [layer.numParameters];
      explain = { id: 'prelu-per-channel', count: layer.numParameters };
    } else {
      if (!inShape) throw askForInput(layer, 'input shape');
      shape = inShape.map((d, i) => {
        if (layer.sharedAxes.includes(i + 1)) return 1n;
        if (d === null)
          throw new ModelError(
            `${describeLayer(layer)} learns one slope per input element, but the shape reaching it is ${shapeStr(inShape)}: give the model a full \`input_shape=(...)\` or share that axis with \`shared_axes\`.`,
          );
        return d;
      });
      const sharedAxes = layer.sharedAxes.length > 0 ? layer.sharedAxes.join(', ') : null;
      explain = { id: 'prelu-per-element', sharedAxes, shape: shapeText(shape) };
    }
    const steps: Step[] = [{ kind: 'say', sentence: explain }];
    if (shape.length > 1)
      steps.push({
        kind: 'product',
        label: 'total',
        factors: shape.map((d, i) => ({ value: d, label: `axis ${i + 1}` })),
        result: prod(shape),
      });
    const weight = tensor(layer.framework === 'pytorch' ? 'weight' : 'alpha', shape);
    const record = makeRecord({ name, type: 'PReLU', framework: layer.framework, tensors: [weight], steps });
    return done(layer, record, inShape);
  },
});
