import { describe, expect, it } from 'vitest';
import { stepLine } from '../../../src/render/steps.js';
import { countDense, countEmbedding } from '../../../src/engine/layers/dense.js';

describe('dense layers', () => {
  it('PyTorch Linear: weight (out, in) + bias (out)', () => {
    const r = countDense({ framework: 'pytorch', input: 512n, units: 768n, bias: true });
    // torch: sum(p.numel() for p in nn.Linear(512, 768).parameters()) == 393984
    expect(r.params).toBe(393_984n);
    expect(r.type).toBe('Linear');
    expect(r.tensors).toEqual([
      { name: 'weight', shape: [768n, 512n], params: 393_216n, trainable: true },
      { name: 'bias', shape: [768n], params: 768n, trainable: true },
    ]);
    expect(r.steps.at(-1)).toEqual({
      kind: 'formula',
      label: 'in one line',
      expression: '(512 + 1) x 768',
      result: 393_984n,
    });
  });
  it('bias=False drops the bias', () => {
    const r = countDense({ framework: 'pytorch', input: 16n, units: 100n, bias: false });
    expect(r.params).toBe(1600n);
    expect(r.tensors.map((t) => t.name)).toEqual(['weight']);
  });
  it('Keras Dense: kernel (in, units), bias (units); trainable=False moves everything to non-trainable', () => {
    const r = countDense({ framework: 'keras', input: 1600n, units: 10n, bias: true });
    expect(r.params).toBe(16_010n); // Keras MNIST convnet example: dense (Dense) 16,010
    expect(r.tensors[0]?.shape).toEqual([1600n, 10n]);
    const frozen = countDense({ framework: 'keras', input: 4n, units: 2n, bias: true, isTrainable: false });
    expect(frozen.trainable).toBe(0n);
    expect(frozen.nonTrainable).toBe(10n);
    expect(frozen.isTrainable).toBe(false);
  });
  it('rejects non-positive sizes', () => {
    expect(() => countDense({ framework: 'keras', input: 0n, units: 2n, bias: true })).toThrow(RangeError);
  });
});

describe('embeddings', () => {
  it('PyTorch Embedding: (num_embeddings, embedding_dim); padding_idx adds nothing', () => {
    const r = countEmbedding({ framework: 'pytorch', vocab: 1000n, dim: 256n, paddingIdx: true });
    expect(r.params).toBe(256_000n);
    expect(r.tensors).toEqual([{ name: 'weight', shape: [1000n, 256n], params: 256_000n, trainable: true }]);
    const plain = { strong: (x: string) => x, text: (x: string) => x };
    expect(r.steps.map((s) => stepLine(s, plain))).toContain(
      'padding_idx adds nothing: that row stays in the table (its gradient is just zeroed), so it is still counted.',
    );
  });
  it('Keras Embedding(input_dim, output_dim) names its table "embeddings"', () => {
    const r = countEmbedding({ framework: 'keras', vocab: 20_000n, dim: 128n });
    expect(r.params).toBe(2_560_000n); // keras.io bidirectional LSTM example: embedding 2,560,000
    expect(r.tensors[0]?.name).toBe('embeddings');
  });
});
