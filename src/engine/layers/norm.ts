// Normalisation layers: PyTorch LayerNorm/BatchNorm/GroupNorm/InstanceNorm (with their buffers),
// Keras LayerNormalization/BatchNormalization/GroupNormalization (moving stats non-trainable).
import type { LayerRecord, Step, Term } from '../types.js';
import { makeRecord, prod, shapeText, tensor, term } from './common.js';

export interface TorchLayerNormParams {
  name?: string;
  /** normalized_shape. */
  shape: bigint[];
  elementwiseAffine: boolean;
  bias: boolean;
}

export function countTorchLayerNorm(p: TorchLayerNormParams): LayerRecord {
  if (p.shape.length === 0 || p.shape.some((x) => x <= 0n)) throw new RangeError('normalized_shape must be positive');
  const n = prod(p.shape);
  const tensors = [];
  const steps: Step[] = [];
  if (!p.elementwiseAffine) {
    steps.push({ kind: 'say', sentence: { id: 'layernorm-no-affine' } });
  } else {
    tensors.push(tensor('weight', [...p.shape]));
    if (p.bias) tensors.push(tensor('bias', [...p.shape]));
    steps.push({
      kind: 'say',
      sentence: {
        id: 'layernorm-learns',
        bias: p.bias,
        size: n,
        shape: p.shape.length > 1 ? shapeText(p.shape) : null,
      },
    });
    if (p.bias)
      steps.push({
        kind: 'product',
        label: 'total',
        factors: [term(2n, 'weight and bias'), term(n, 'normalized size')],
        result: 2n * n,
      });
    else steps.push({ kind: 'say', sentence: { id: 'layernorm-weight-only', size: n } });
  }
  return makeRecord({ name: p.name ?? 'layer_norm', type: 'LayerNorm', framework: 'pytorch', tensors, steps });
}

export interface TorchBatchNormParams {
  name?: string;
  typeName?: string;
  features: bigint;
  affine: boolean;
  trackRunningStats: boolean;
}

/** BatchNorm1d/2d/3d and InstanceNorm1d/2d/3d: weight/bias when affine; running stats are buffers. */
export function countTorchBatchNorm(p: TorchBatchNormParams): LayerRecord {
  const C = p.features;
  if (C <= 0n) throw new RangeError('num_features must be positive');
  const type = p.typeName ?? 'BatchNorm2d';
  const tensors = [];
  const steps: Step[] = [];
  if (p.affine) {
    tensors.push(tensor('weight', [C]), tensor('bias', [C]));
    steps.push({ kind: 'say', sentence: { id: 'torch-batchnorm-affine', type } });
    steps.push({
      kind: 'product',
      label: 'parameters',
      factors: [term(2n, 'weight and bias'), term(C, 'channels')],
      result: 2n * C,
    });
  } else {
    steps.push({ kind: 'say', sentence: { id: 'torch-batchnorm-no-affine', type } });
  }
  const buffers = p.trackRunningStats ? 2n * C + 1n : 0n;
  const notes: string[] = [];
  if (p.trackRunningStats) {
    const terms: Term[] = [term(C, 'running_mean'), term(C, 'running_var'), term(1n, 'num_batches_tracked')];
    steps.push({ kind: 'sum', label: 'buffers (not parameters)', terms, result: buffers });
    steps.push({ kind: 'say', sentence: { id: 'torch-batchnorm-buffers', buffers } });
    notes.push(
      `Buffers (not parameters): running_mean (${C}), running_var (${C}), num_batches_tracked (1) = ${buffers}.`,
    );
  }
  return makeRecord({ name: p.name ?? type.toLowerCase(), type, framework: 'pytorch', tensors, steps, notes, buffers });
}

export interface TorchGroupNormParams {
  name?: string;
  groups: bigint;
  channels: bigint;
  affine: boolean;
}

export function countTorchGroupNorm(p: TorchGroupNormParams): LayerRecord {
  if (p.groups <= 0n || p.channels <= 0n) throw new RangeError('num_groups and num_channels must be positive');
  if (p.channels % p.groups !== 0n)
    throw new RangeError(`num_channels (${p.channels}) must be divisible by num_groups (${p.groups})`);
  const tensors = p.affine ? [tensor('weight', [p.channels]), tensor('bias', [p.channels])] : [];
  const steps: Step[] = p.affine
    ? [
        { kind: 'say', sentence: { id: 'groupnorm-affine' } },
        {
          kind: 'product',
          label: 'total',
          factors: [term(2n, 'weight and bias'), term(p.channels, 'channels')],
          result: 2n * p.channels,
        },
      ]
    : [{ kind: 'say', sentence: { id: 'groupnorm-no-affine' } }];
  return makeRecord({ name: p.name ?? 'group_norm', type: 'GroupNorm', framework: 'pytorch', tensors, steps });
}

export interface KerasNormParams {
  name?: string;
  /** Shape of the normalised axes (the channel axis: one element for the default axis=-1). */
  axisShape: bigint[];
  center: boolean;
  scale: boolean;
  isTrainable?: boolean;
  /** Keras 3 LayerNormalization rms_scaling: gamma only. */
  rmsScaling?: boolean;
}

/** Keras BatchNormalization: gamma/beta trainable, moving_mean/moving_variance non-trainable weights. */
export function countKerasBatchNorm(p: KerasNormParams): LayerRecord {
  const C = prod(p.axisShape);
  if (C <= 0n) throw new RangeError('BatchNormalization needs a known, positive channel size');
  const tensors = [];
  if (p.scale) tensors.push(tensor('gamma', [...p.axisShape]));
  if (p.center) tensors.push(tensor('beta', [...p.axisShape]));
  tensors.push(tensor('moving_mean', [...p.axisShape], false), tensor('moving_variance', [...p.axisShape], false));
  const learned = BigInt((p.scale ? 1 : 0) + (p.center ? 1 : 0));
  const steps: Step[] = [
    { kind: 'say', sentence: { id: 'keras-batchnorm', channels: C } },
    {
      kind: 'sum',
      label: 'total',
      terms: [
        ...(p.scale ? [term(C, 'gamma')] : []),
        ...(p.center ? [term(C, 'beta')] : []),
        term(C, 'moving_mean'),
        term(C, 'moving_variance'),
      ],
      result: (learned + 2n) * C,
    },
    { kind: 'say', sentence: { id: 'keras-batchnorm-split', trainable: learned * C, frozen: 2n * C } },
  ];
  return makeRecord({
    name: p.name ?? 'batch_normalization',
    type: 'BatchNormalization',
    framework: 'keras',
    tensors,
    steps,
    isTrainable: p.isTrainable,
  });
}

/** Keras LayerNormalization (and GroupNormalization): gamma and beta over the normalised axes. */
export function countKerasLayerNorm(p: KerasNormParams & { typeName?: string }): LayerRecord {
  const C = prod(p.axisShape);
  if (C <= 0n) throw new RangeError('LayerNormalization needs a known, positive feature size');
  const type = p.typeName ?? 'LayerNormalization';
  const scale = p.scale || (p.rmsScaling ?? false);
  const center = p.center && !(p.rmsScaling ?? false);
  const tensors = [];
  if (scale) tensors.push(tensor('gamma', [...p.axisShape]));
  if (center) tensors.push(tensor('beta', [...p.axisShape]));
  const n = BigInt((scale ? 1 : 0) + (center ? 1 : 0));
  const steps: Step[] = [
    {
      kind: 'say',
      sentence: {
        id: 'keras-layernorm',
        type,
        learns: n === 2n ? 'both' : n === 1n ? (scale ? 'scale' : 'shift') : 'nothing',
        features: C,
      },
    },
    {
      kind: 'product',
      label: 'total',
      factors: [term(n, n === 2n ? 'gamma and beta' : 'vectors'), term(C, 'features')],
      result: n * C,
    },
  ];
  return makeRecord({
    name: p.name ?? 'layer_normalization',
    type,
    framework: 'keras',
    tensors,
    steps,
    isTrainable: p.isTrainable,
  });
}
