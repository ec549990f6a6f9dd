import { describe, expect, it } from 'vitest';
import { stepLine } from '../../../src/render/steps.js';
import {
  countKerasBatchNorm,
  countKerasLayerNorm,
  countTorchBatchNorm,
  countTorchGroupNorm,
  countTorchLayerNorm,
} from '../../../src/engine/layers/norm.js';

describe('PyTorch norms', () => {
  it('BatchNorm: 2C parameters; running_mean/var + num_batches_tracked are 2C+1 buffers, not parameters', () => {
    const r = countTorchBatchNorm({ typeName: 'BatchNorm1d', features: 2808n, affine: true, trackRunningStats: true });
    expect(r.params).toBe(5616n);
    expect(r.buffers).toBe(5617n);
    expect(r.tensors.map((t) => t.name)).toEqual(['weight', 'bias']);
    const plain = { strong: (x: string) => x, text: (x: string) => x };
    expect(r.steps.map((s) => stepLine(s, plain))).toContain(
      'running_mean, running_var and num_batches_tracked are buffers, not parameters: they are saved in the state_dict but not in parameters(), so the 5617 elements are reported separately.',
    );
  });
  it('affine=False has no parameters; track_running_stats=False no buffers', () => {
    expect(countTorchBatchNorm({ features: 64n, affine: false, trackRunningStats: true }).params).toBe(0n);
    expect(countTorchBatchNorm({ features: 64n, affine: true, trackRunningStats: false }).buffers).toBe(0n);
  });
  it('InstanceNorm defaults (affine=False, no stats) and with both on', () => {
    expect(
      countTorchBatchNorm({ typeName: 'InstanceNorm2d', features: 10n, affine: false, trackRunningStats: false })
        .params,
    ).toBe(0n);
    const r = countTorchBatchNorm({ typeName: 'InstanceNorm2d', features: 10n, affine: true, trackRunningStats: true });
    expect([r.params, r.buffers]).toEqual([20n, 21n]);
  });
  it('LayerNorm over normalized_shape; elementwise_affine=False and bias=False', () => {
    expect(countTorchLayerNorm({ shape: [10n, 20n], elementwiseAffine: true, bias: true }).params).toBe(400n);
    expect(countTorchLayerNorm({ shape: [3696n], elementwiseAffine: false, bias: true }).params).toBe(0n);
    expect(countTorchLayerNorm({ shape: [512n], elementwiseAffine: true, bias: false }).params).toBe(512n);
  });
  it('GroupNorm: 2C; channels must divide by groups', () => {
    expect(countTorchGroupNorm({ groups: 4n, channels: 32n, affine: true }).params).toBe(64n);
    expect(() => countTorchGroupNorm({ groups: 3n, channels: 32n, affine: true })).toThrow(/divisible/);
  });
});

describe('Keras norms', () => {
  it('BatchNormalization: gamma/beta trainable, moving_mean/moving_variance non-trainable', () => {
    const r = countKerasBatchNorm({ axisShape: [64n], center: true, scale: true });
    expect([r.params, r.trainable, r.nonTrainable]).toEqual([256n, 128n, 128n]);
    expect(r.tensors.filter((t) => !t.trainable).map((t) => t.name)).toEqual(['moving_mean', 'moving_variance']);
  });
  it('BatchNormalization(center=False, scale=False) keeps only the moving statistics', () => {
    const r = countKerasBatchNorm({ axisShape: [10n], center: false, scale: false });
    expect([r.params, r.trainable, r.nonTrainable]).toEqual([20n, 0n, 20n]);
  });
  it('LayerNormalization: 2 x features; rms_scaling keeps gamma only', () => {
    expect(countKerasLayerNorm({ axisShape: [32n], center: true, scale: true }).params).toBe(64n);
    expect(countKerasLayerNorm({ axisShape: [32n], center: true, scale: true, rmsScaling: true }).params).toBe(32n);
    expect(countKerasLayerNorm({ axisShape: [32n], center: false, scale: true }).params).toBe(32n);
  });
});
