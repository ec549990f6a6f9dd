// Dense / nn.Linear / flax Dense.
import { z } from 'zod';
import { countDense } from '../layers/dense.js';
import { countOrExplain, done, lastDim, needDim } from './flow.js';
import type { LayerKind } from './kind.js';
import { base, defineKind, framework, keepsShape, pos } from './kind.js';

export const denseSchema = z.object({
  ...base,
  kind: z.literal('dense'),
  framework,
  input: z.union([pos, z.null()]),
  units: pos,
  bias: z.boolean(),
});

export const dense: LayerKind<typeof denseSchema> = defineKind({
  schema: denseSchema,
  typeName: (layer) => (layer.framework === 'pytorch' ? 'Linear' : 'Dense'),
  passesShape: keepsShape.passesShape,
  needsInput: (layer) => layer.input === null,
  inputLayout: () => '(features,)',
  hintShape: (_layer, width) => [width],
  flow(layer, inShape, name) {
    const X = layer.input ?? needDim(lastDim(inShape), layer, 'input width', inShape);
    const record = countOrExplain(layer, () =>
      countDense({ framework: layer.framework, name, input: X, units: layer.units, bias: layer.bias }),
    );
    const lead = layer.framework === 'pytorch' || !inShape ? [] : inShape.slice(0, -1);
    return done(layer, record, [...lead, layer.units]);
  },
});
