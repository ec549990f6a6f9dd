// Candidate layers for a summary row, counted by the engine. A row shows a type, an output shape and
// (through its neighbours) an input shape; each reading of it becomes a LayerSpec and `countModel`
// counts it, so the summary check has no formula of its own. Solving a size the summary does not
// print (an input width, a vocabulary) only proposes candidates; the engine's count decides.
import type { Framework, InputHint, LayerSpec } from '../model.js';
import { tryCountModel } from '../model.js';
import type { LayerRecord } from '../types.js';

/** The engine's record for one layer, or null when the engine refuses the candidate. */
export function countCandidate(layer: LayerSpec, input: InputHint | null): LayerRecord | null {
  const framework: Framework = 'framework' in layer && layer.framework ? layer.framework : 'keras';
  try {
    const r = tryCountModel({ framework, layers: [layer], input, notes: [] });
    return r.ok ? (r.record.layers[0] ?? null) : null;
  } catch {
    return null;
  }
}

/** A whole candidate value near `x` (the two integers around it), for solving from a count. */
export function near(numerator: bigint, denominator: bigint): bigint[] {
  if (denominator <= 0n || numerator < 0n) return [];
  const q = numerator / denominator;
  return q > 0n ? [q, q + 1n] : [1n];
}

export function denseCandidate(framework: Framework, input: bigint, units: bigint, bias: boolean): LayerRecord | null {
  return countCandidate({ kind: 'dense', framework, input, units, bias }, { width: input });
}

export function embeddingCandidate(framework: Framework, vocab: bigint, dim: bigint): LayerRecord | null {
  return countCandidate(
    { kind: 'embedding', framework, vocab, dim, inputLength: null, paddingIdx: false },
    { shape: [null] },
  );
}

/** Keras BatchNormalization / LayerNormalization over `channels` on the last axis. */
export function kerasNormCandidate(
  norm: 'batch' | 'layer',
  channels: bigint,
  center: boolean,
  scale: boolean,
): LayerRecord | null {
  return countCandidate(
    { kind: 'keras-norm', norm, axis: [-1], center, scale, rmsScaling: false },
    { shape: [null, channels] },
  );
}

export function torchBatchNormCandidate(features: bigint, affine: boolean): LayerRecord | null {
  return countCandidate(
    { kind: 'torch-batchnorm', typeName: 'BatchNorm2d', features, affine, trackRunningStats: true },
    { shape: [null, features, null, null] },
  );
}

export function torchLayerNormCandidate(features: bigint, affine: boolean, bias: boolean): LayerRecord | null {
  return countCandidate(
    { kind: 'torch-layernorm', shape: [features], elementwiseAffine: affine, bias },
    { shape: [null, features] },
  );
}

/** Keras MultiHeadAttention over `width` features, heads x key_dim = `headsTimesKey` (one head assumed). */
export function kerasMhaCandidate(width: bigint, headsTimesKey: bigint, bias: boolean): LayerRecord | null {
  return countCandidate(
    { kind: 'keras-mha', numHeads: 1n, keyDim: headsTimesKey, valueDim: null, bias, outputDim: null },
    { shape: [null, null, width] },
  );
}

/** A convolution with `kernelArea` taps per channel (a 1-D kernel of that size counts the same as any). */
export function convCandidate(
  framework: Framework,
  channels: bigint,
  filters: bigint,
  kernelArea: bigint,
  bias: boolean,
): LayerRecord | null {
  return countCandidate(
    {
      kind: 'conv',
      framework,
      rank: 1,
      variant: 'standard',
      input: channels,
      filters,
      kernel: [kernelArea],
      strides: [1n],
      padding: 'same',
      dilation: [1n],
      groups: 1n,
      bias,
      depthMultiplier: 1n,
      outputPadding: null,
      channelsFirst: false,
    },
    { shape: [null, channels] },
  );
}
