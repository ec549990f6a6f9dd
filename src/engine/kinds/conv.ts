// Convolutions: Conv1D-3D, transposed, depthwise, separable (Keras), nn.Conv*d / ConvTranspose*d.
import { z } from 'zod';
import { convOutputLength, convTransposeOutputLength, countConv } from '../layers/conv.js';
import {
  ModelError,
  askForInput,
  channelAxis,
  countOrExplain,
  describeLayer,
  done,
  expectRank,
  needDim,
  rebuild,
  shapeStr,
  spatialLayout,
} from './flow.js';
import type { Shape } from './kind.js';
import type { LayerKind } from './kind.js';
import { base, big, defineKind, framework, keepsShape, pos, rank } from './kind.js';

export const convSchema = z.object({
  ...base,
  kind: z.literal('conv'),
  framework,
  rank,
  variant: z.enum(['standard', 'transpose', 'depthwise', 'separable']),
  input: z.union([pos, z.null()]),
  filters: big,
  kernel: z.array(pos).min(1).max(3),
  strides: z.array(pos).min(1).max(3),
  padding: z.union([z.enum(['valid', 'same', 'causal']), z.array(big).max(3)]),
  dilation: z.array(pos).min(1).max(3),
  groups: pos,
  bias: z.boolean(),
  depthMultiplier: pos,
  outputPadding: z.union([z.array(big).max(3), z.null()]),
  channelsFirst: z.boolean(),
});

export type ConvSpec = z.infer<typeof convSchema>;
export type PaddingSpec = ConvSpec['padding'];

function typeName(layer: ConvSpec): string {
  const r = layer.rank;
  if (layer.framework === 'pytorch') return layer.variant === 'transpose' ? `ConvTranspose${r}d` : `Conv${r}d`;
  if (layer.variant === 'transpose') return `Conv${r}DTranspose`;
  if (layer.variant === 'depthwise') return `DepthwiseConv${r}D`;
  if (layer.variant === 'separable') return `SeparableConv${r}D`;
  return `Conv${r}D`;
}

/** Keras: the output's spatial sizes and channels from the shape reaching the layer. */
function kerasOut(layer: ConvSpec, shape: Shape): { C: bigint; out: Shape } {
  expectRank(layer, shape, layer.rank + 1, spatialLayout(layer.rank));
  const { channels, spatial } = channelAxis(shape, layer.channelsFirst);
  const C = layer.input ?? needDim(channels, layer, 'input channels', shape);
  const outSpatial = spatial.map((n, i) => {
    const k = layer.kernel[i] ?? 1n;
    const s = layer.strides[i] ?? 1n;
    const d = layer.dilation[i] ?? 1n;
    const pad = Array.isArray(layer.padding) ? (layer.padding[i] ?? 0n) : layer.padding;
    if (layer.variant === 'transpose')
      return convTransposeOutputLength(n, k, s, pad, d, layer.outputPadding ? (layer.outputPadding[i] ?? 0n) : null);
    return convOutputLength(n, k, s, pad, d);
  });
  const filters = layer.variant === 'depthwise' ? C * layer.depthMultiplier : layer.filters;
  for (const d of outSpatial) {
    if (d !== null && d <= 0n)
      throw new ModelError(
        `${describeLayer(layer)}: the input ${shapeStr(shape)} is smaller than the kernel, so the output would be empty.`,
      );
  }
  return { C, out: rebuild(outSpatial, filters, layer.channelsFirst) };
}

export const conv: LayerKind<typeof convSchema> = defineKind({
  schema: convSchema,
  typeName,
  passesShape: keepsShape.passesShape,
  needsInput: (layer) => layer.framework !== 'pytorch',
  inputLayout: (layer) => spatialLayout(layer.rank),
  hintShape: (layer, width) => [...Array.from({ length: layer.rank }, () => null), width],
  flow(layer, inShape, name) {
    let C: bigint;
    let out: Shape | null;
    if (layer.framework === 'pytorch') {
      C = layer.input ?? needDim(null, layer, 'input channels', inShape);
      // PyTorch is channels-first; the spatial sizes depend on the input, which the code does not give.
      out = [
        layer.variant === 'depthwise' ? C * layer.depthMultiplier : layer.filters,
        ...Array.from({ length: layer.rank }, () => null),
      ];
    } else {
      if (!inShape && layer.input === null) throw askForInput(layer, 'input shape');
      ({ C, out } = kerasOut(layer, inShape ?? [...Array.from({ length: layer.rank }, () => null), layer.input]));
    }
    const record = countOrExplain(layer, () =>
      countConv({
        framework: layer.framework,
        name,
        typeName: typeName(layer),
        variant: layer.variant,
        input: C,
        filters: layer.filters,
        kernel: layer.kernel,
        groups: layer.groups,
        bias: layer.bias,
        depthMultiplier: layer.depthMultiplier,
      }),
    );
    return done(layer, record, out);
  },
});
