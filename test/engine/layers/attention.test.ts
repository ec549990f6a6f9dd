import { describe, expect, it } from 'vitest';
import {
  countKerasMHA,
  countTorchMHA,
  countTransformerLayer,
  countTransformerStack,
} from '../../../src/engine/layers/attention.js';

describe('PyTorch MultiheadAttention', () => {
  it('kdim = vdim = E: in_proj_weight (3E, E), in_proj_bias 3E, out_proj E·E + E', () => {
    const r = countTorchMHA({ embedDim: 192n, numHeads: 12n, bias: true, addBiasKv: false, kdim: null, vdim: null });
    expect(r.params).toBe(4n * 192n * 192n + 4n * 192n);
    expect(r.tensors.map((t) => [t.name, t.shape])).toEqual([
      ['in_proj_weight', [576n, 192n]],
      ['in_proj_bias', [576n]],
      ['out_proj.weight', [192n, 192n]],
      ['out_proj.bias', [192n]],
    ]);
  });
  it('kdim/vdim differ: separate q/k/v weights; add_bias_kv adds bias_k and bias_v (1, 1, E)', () => {
    const r = countTorchMHA({ embedDim: 256n, numHeads: 16n, bias: true, addBiasKv: true, kdim: 200n, vdim: 512n });
    expect(r.params).toBe(256n * 256n + 256n * 200n + 256n * 512n + 3n * 256n + 256n * 256n + 256n + 2n * 256n);
    expect(r.tensors.map((t) => t.name)).toEqual([
      'q_proj_weight',
      'k_proj_weight',
      'v_proj_weight',
      'in_proj_bias',
      'out_proj.weight',
      'out_proj.bias',
      'bias_k',
      'bias_v',
    ]);
    expect(r.tensors.find((t) => t.name === 'bias_k')?.shape).toEqual([1n, 1n, 256n]);
  });
  it('bias=False drops in_proj_bias and out_proj.bias', () => {
    const r = countTorchMHA({ embedDim: 1024n, numHeads: 16n, bias: false, addBiasKv: true, kdim: 542n, vdim: 2n });
    expect(r.params).toBe(2_656_256n);
  });
  it('embed_dim must divide by num_heads', () => {
    expect(() =>
      countTorchMHA({ embedDim: 10n, numHeads: 3n, bias: true, addBiasKv: false, kdim: null, vdim: null }),
    ).toThrow(/divisible/);
  });
});

describe('Transformer layers', () => {
  it('TransformerEncoderLayer(768, 12, 3072) is a BERT-base layer: 7,087,872', () => {
    const r = countTransformerLayer({ decoder: false, dModel: 768n, nhead: 12n, dimFeedforward: 3072n, bias: true });
    expect(r.params).toBe(7_087_872n);
    expect(r.tensors.map((t) => t.name)).toContain('self_attn.in_proj_weight');
    expect(r.tensors.map((t) => t.name)).toContain('norm2.bias');
  });
  it('decoder layer adds cross-attention and a third LayerNorm', () => {
    const E = 512n;
    const F = 2048n;
    const r = countTransformerLayer({ decoder: true, dModel: E, nhead: 8n, dimFeedforward: F, bias: true });
    expect(r.params).toBe(2n * (4n * E * E + 4n * E) + (E * F + F) + (F * E + E) + 3n * 2n * E);
  });
  it('bias=False removes every bias, LayerNorm keeps its weight', () => {
    const E = 64n;
    const F = 128n;
    const r = countTransformerLayer({ decoder: false, dModel: E, nhead: 4n, dimFeedforward: F, bias: false });
    expect(r.params).toBe(4n * E * E + 2n * E * F + 2n * E);
  });
  it('nn.Transformer() defaults: 44,140,544 parameters', () => {
    const layer = { dModel: 512n, nhead: 8n, dimFeedforward: 2048n, bias: true };
    const r = countTransformerStack({
      typeName: 'Transformer',
      encoder: { layer: { ...layer, decoder: false }, count: 6, norm: { size: 512n, bias: true } },
      decoder: { layer: { ...layer, decoder: true }, count: 6, norm: { size: 512n, bias: true } },
    });
    expect(r.params).toBe(44_140_544n);
    expect(r.trainable).toBe(44_140_544n);
    expect(r.tensors.some((t) => t.name === 'decoder.layers.5.norm3.bias')).toBe(true);
  });
});

describe('Keras MultiHeadAttention', () => {
  it('per-head projections: query/key/value (dim, heads, key_dim) + (heads, key_dim), output (heads, value_dim, out) + out', () => {
    const r = countKerasMHA({
      numHeads: 2n,
      keyDim: 2n,
      valueDim: null,
      bias: true,
      queryDim: 16n,
      keyInDim: 16n,
      valueInDim: 16n,
      outputDim: null,
    });
    expect(r.params).toBe(3n * (16n * 2n * 2n + 2n * 2n) + (2n * 2n * 16n + 16n));
    expect(r.tensors.map((t) => t.name)).toEqual([
      'query/kernel',
      'query/bias',
      'key/kernel',
      'key/bias',
      'value/kernel',
      'value/bias',
      'attention_output/kernel',
      'attention_output/bias',
    ]);
  });
  it('value_dim and output_shape', () => {
    const r = countKerasMHA({
      numHeads: 8n,
      keyDim: 64n,
      valueDim: 32n,
      bias: false,
      queryDim: 512n,
      keyInDim: 512n,
      valueInDim: 512n,
      outputDim: 100n,
    });
    expect(r.params).toBe(2n * 512n * 8n * 64n + 512n * 8n * 32n + 8n * 32n * 100n);
  });
});
