// nn.TransformerEncoderLayer / DecoderLayer get the block derivation line by line (linear1/linear2 too).
import { describe, expect, it } from 'vitest';
import { countTransformerLayer } from '../../../src/engine/layers/attention.js';
import { stepLines } from '../../../src/render/steps.js';

const plain = { strong: (s: string) => s, text: (s: string) => s };

describe('PyTorch transformer layers, line by line', () => {
  it('encoder layer (768, 12, 3072): attention, linear1, linear2, norms, total 7,087,872', () => {
    const r = countTransformerLayer({ decoder: false, dModel: 768n, nhead: 12n, dimFeedforward: 3072n, bias: true });
    const lines = stepLines(r.steps, plain);
    expect(lines).toContain(
      '2. self_attn.in_proj_weight (q, k, v stacked): 3 (q, k, v) x 768 (d_model) x 768 (d_model) = 1,769,472',
    );
    expect(lines).toContain('6. linear1.weight: 3,072 (dim_feedforward) x 768 (d_model) = 2,359,296');
    expect(lines).toContain('7. linear1.bias: 3,072');
    expect(lines).toContain('8. linear2.weight: 768 (d_model) x 3,072 (dim_feedforward) = 2,359,296');
    expect(lines).toContain(
      '10. LayerNorms (weight and bias each): 2 (norms) x 2 (weight, bias) x 768 (d_model) = 3,072',
    );
    expect(lines[lines.length - 1]).toContain('= 7,087,872');
  });
  it('decoder layer: cross-attention lines and three norms', () => {
    const r = countTransformerLayer({ decoder: true, dModel: 512n, nhead: 8n, dimFeedforward: 2048n, bias: false });
    const lines = stepLines(r.steps, plain).join('\n');
    expect(lines).toContain(
      'multihead_attn.in_proj_weight (q, k, v stacked): 3 (q, k, v) x 512 (d_model) x 512 (d_model) = 786,432',
    );
    expect(lines).toContain('LayerNorms (weight only: bias=False): 3 (norms) x 512 (d_model) = 1,536');
    expect(r.params).toBe(2n * 4n * 512n * 512n + 2n * 512n * 2048n + 3n * 512n);
  });
});
