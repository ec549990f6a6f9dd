// Keras BatchNormalization / LayerNormalization / GroupNormalization over the given axes.
import { z } from 'zod';
import { countKerasBatchNorm, countKerasLayerNorm } from '../layers/norm.js';
import { ModelError, askForInput, axisIndex, countOrExplain, describeLayer, done, needDim, shapeStr } from './flow.js';
import type { LayerKind } from './kind.js';
import { base, defineKind, keepsShape } from './kind.js';

export const kerasNormSchema = z.object({
  ...base,
  kind: z.literal('keras-norm'),
  norm: z.enum(['batch', 'layer', 'group']),
  /** Keras axis (counting the batch axis as 0): default [-1]. */
  axis: z.array(z.number().int()).min(1).max(16),
  center: z.boolean(),
  scale: z.boolean(),
  rmsScaling: z.boolean(),
});

const TYPE_NAME = { batch: 'BatchNormalization', layer: 'LayerNormalization', group: 'GroupNormalization' } as const;

export const kerasNorm: LayerKind<typeof kerasNormSchema> = defineKind({
  schema: kerasNormSchema,
  typeName: (layer) => TYPE_NAME[layer.norm],
  ...keepsShape,
  needsInput: () => true,
  inputLayout: () => '(features,)',
  hintShape: (_layer, width) => [width],
  flow(layer, inShape, name) {
    if (!inShape) throw askForInput(layer, 'input width');
    const axisShape = layer.axis.map((a) => {
      const i = axisIndex(a, inShape.length);
      if (i < 0 || i >= inShape.length)
        throw new ModelError(`${describeLayer(layer)}: axis ${a} does not exist in the input ${shapeStr(inShape)}.`);
      return needDim(inShape[i] ?? null, layer, 'size of the normalised axis', inShape);
    });
    const { center, scale, rmsScaling } = layer;
    const record = countOrExplain(layer, () =>
      layer.norm === 'batch'
        ? countKerasBatchNorm({ name, axisShape, center, scale })
        : countKerasLayerNorm({ name, axisShape, center, scale, rmsScaling, typeName: TYPE_NAME[layer.norm] }),
    );
    return done(layer, record, inShape);
  },
});
