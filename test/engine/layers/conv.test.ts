import { describe, expect, it } from 'vitest';
import {
  convOutputLength,
  convTransposeOutputLength,
  countConv,
  countConvLSTM,
  poolOutputLength,
} from '../../../src/engine/layers/conv.js';

describe('convolutions', () => {
  it('PyTorch Conv2d: weight (out, in/groups, kh, kw) + bias', () => {
    const r = countConv({ framework: 'pytorch', input: 8n, filters: 128n, kernel: [5n, 5n], groups: 4n, bias: true });
    // 128 * (8/4) * 5 * 5 + 128 = 6528
    expect(r.params).toBe(6528n);
    expect(r.tensors[0]).toEqual({ name: 'weight', shape: [128n, 2n, 5n, 5n], params: 6400n, trainable: true });
    expect(r.type).toBe('Conv2d');
  });
  it('PyTorch Conv3d with groups and no bias', () => {
    const r = countConv({
      framework: 'pytorch',
      input: 132n,
      filters: 236n,
      kernel: [3n, 3n, 3n],
      groups: 4n,
      bias: false,
    });
    expect(r.params).toBe(236n * 33n * 27n);
  });
  it('groups must divide the channels', () => {
    expect(() =>
      countConv({ framework: 'pytorch', input: 10n, filters: 8n, kernel: [3n], groups: 4n, bias: true }),
    ).toThrow(/divisible by groups/);
  });
  it('PyTorch ConvTranspose2d: weight (in, out/groups, kh, kw)', () => {
    const r = countConv({
      framework: 'pytorch',
      variant: 'transpose',
      input: 16n,
      filters: 33n,
      kernel: [3n, 3n],
      bias: true,
    });
    expect(r.tensors[0]?.shape).toEqual([16n, 33n, 3n, 3n]);
    expect(r.params).toBe(16n * 33n * 9n + 33n);
  });
  it('Keras Conv2D: kernel (kh, kw, in, out)', () => {
    const r = countConv({ framework: 'keras', input: 1n, filters: 32n, kernel: [3n, 3n], bias: true });
    expect(r.params).toBe(320n); // Keras MNIST convnet example: conv2d 320
    expect(r.tensors[0]?.shape).toEqual([3n, 3n, 1n, 32n]);
    expect(countConv({ framework: 'keras', input: 32n, filters: 64n, kernel: [3n, 3n], bias: true }).params).toBe(
      18_496n,
    );
  });
  it('Keras depthwise and separable convolutions', () => {
    const dw = countConv({
      framework: 'keras',
      variant: 'depthwise',
      input: 32n,
      filters: 1n,
      kernel: [3n, 3n],
      depthMultiplier: 2n,
      bias: true,
    });
    expect(dw.params).toBe(3n * 3n * 32n * 2n + 64n);
    const sep = countConv({
      framework: 'keras',
      variant: 'separable',
      input: 32n,
      filters: 64n,
      kernel: [3n, 3n],
      bias: true,
    });
    expect(sep.params).toBe(3n * 3n * 32n + 32n * 64n + 64n);
    expect(sep.tensors.map((t) => t.name)).toEqual(['depthwise_kernel', 'pointwise_kernel', 'bias']);
  });
  it('Keras ConvLSTM2D: 4 x (k·k·(in + filters)·filters + filters)', () => {
    const r = countConvLSTM({ input: 1n, filters: 32n, kernel: [3n, 3n], bias: true });
    expect(r.params).toBe(4n * (9n * 33n * 32n + 32n));
    expect(r.params).toBe(38_144n);
    expect(r.tensors.map((t) => [t.name, t.shape])).toEqual([
      ['kernel', [3n, 3n, 1n, 128n]],
      ['recurrent_kernel', [3n, 3n, 32n, 128n]],
      ['bias', [128n]],
    ]);
  });
});

describe('output sizes', () => {
  it("Keras 'valid' = floor((n - k)/s) + 1, 'same' = ceil(n/s)", () => {
    expect(convOutputLength(28n, 3n, 1n, 'valid')).toBe(26n);
    expect(convOutputLength(61n, 3n, 2n, 'same')).toBe(31n);
    expect(convOutputLength(28n, 5n, 2n, 'valid')).toBe(12n);
    expect(convOutputLength(10n, 3n, 1n, 'valid', 2n)).toBe(6n);
    expect(convOutputLength(null, 3n, 1n, 'valid')).toBe(null);
  });
  it('PyTorch explicit padding: floor((n + 2p - d(k-1) - 1)/s) + 1', () => {
    expect(convOutputLength(32n, 3n, 1n, 1n)).toBe(32n);
    expect(convOutputLength(224n, 7n, 2n, 3n)).toBe(112n);
  });
  it('transposed convs', () => {
    expect(convTransposeOutputLength(7n, 3n, 2n, 'same')).toBe(14n);
    expect(convTransposeOutputLength(7n, 3n, 2n, 'valid')).toBe(15n);
    expect(convTransposeOutputLength(7n, 3n, 2n, 1n, 1n, 1n)).toBe(14n);
  });
  it('pooling: default stride = pool size, padding valid', () => {
    expect(poolOutputLength(27n, 2n, 2n, 'valid')).toBe(13n);
    expect(poolOutputLength(7n, 3n, 2n, 'valid')).toBe(3n);
    expect(poolOutputLength(7n, 3n, 2n, 'same')).toBe(4n);
  });
});
