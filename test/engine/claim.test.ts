import { describe, expect, it } from 'vitest';
import { biasDifference, checkClaim, compareConventions } from '../../src/engine/claim.js';
import { recurrentSpec } from '../helpers/recurrent-spec.js';

const spec = recurrentSpec;

describe('checkClaim', () => {
  it('/lstm 4096 256 = 4458496 holds for PyTorch, cuDNN and ONNX, not Keras', () => {
    const r = checkClaim(spec(), 4458496n);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.stated).toBe(4458496n);
    expect(r.conventions).toEqual(['pytorch', 'cudnn', 'onnx']);
    const keras = r.rows.find((x) => x.convention === 'keras');
    expect(keras).toMatchObject({ total: 4457472n, difference: -1024n, holds: false });
    expect(keras?.explanation).toBe('off by 1,024 = 4 gates x 256 second biases');
    expect(r.rows.find((x) => x.convention === 'pytorch')).toMatchObject({
      total: 4458496n,
      difference: 0n,
      holds: true,
    });
    expect(r.rows.map((x) => x.convention)).toEqual(['keras', 'keras2', 'pytorch', 'cudnn', 'onnx', 'flax', 'tf1']);
    expect(r.notes).toEqual([]);
  });

  it('the Keras figure holds for the one-bias conventions; PyTorch is a second bias off', () => {
    const r = checkClaim(spec(), 4457472n);
    expect(r.ok && r.conventions).toEqual(['keras', 'keras2', 'flax', 'tf1']);
    if (r.ok)
      expect(r.rows.find((x) => x.convention === 'cudnn')?.explanation).toBe(
        'off by 1,024 = 4 gates x 256 second biases',
      );
  });

  it('names directions for a bidirectional layer: the 2,400 of the cuDNN case', () => {
    const r = checkClaim(spec({ input: 300n, units: 300n, bidirectional: true }), 1444800n);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.conventions).toEqual(['pytorch', 'cudnn', 'onnx']);
    expect(r.rows.find((x) => x.convention === 'keras')?.explanation).toBe(
      'off by 2,400 = 2 directions x 4 gates x 300 second biases',
    );
  });

  it('names layers and directions for a stack', () => {
    const r = checkClaim(spec({ input: 300n, units: 300n, bidirectional: true, layers: 2 }), 0n);
    expect(r.ok).toBe(true);
    const s = spec({ input: 300n, units: 300n, bidirectional: true, layers: 2 });
    expect(biasDifference(s, 4800n, 2, 1)).toBe('4,800 = 2 layers x 2 directions x 4 gates x 300 second biases');
    expect(biasDifference(s, 4801n, 2, 1)).toBeNull();
  });

  it('a count without biases is noted, and explained per row', () => {
    const noBias = 4n * 256n * (4096n + 256n);
    const r = checkClaim(spec(), noBias);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.conventions).toEqual([]);
    expect(r.notes.join(' ')).toContain('bias=False');
    expect(r.rows.find((x) => x.convention === 'keras')?.explanation).toBe('off by 1,024 = 4 gates x 256 biases');
    expect(r.rows.find((x) => x.convention === 'pytorch')?.explanation).toBe(
      'off by 2,048 = 4 gates x 2 x 256 biases (b_ih and b_hh)',
    );
  });

  it('a GRU count with the other reset_after is noted', () => {
    const gru = spec({ cell: 'gru', input: 16n, units: 32n });
    const r = checkClaim(gru, 4704n); // 3 x 32 x (16 + 32 + 1): reset_after=False
    expect(r.ok && r.conventions).toEqual(['keras2']);
    const k3 = checkClaim({ ...gru, convention: 'keras2' }, 4800n);
    expect(k3.ok && k3.conventions).toEqual(['keras', 'pytorch', 'cudnn', 'onnx']);
  });

  it('a count that fits another input width says so', () => {
    const r = checkClaim(spec(), 4457472n - 6n * 1024n); // input 4090 under Keras
    expect(r.ok).toBe(true);
    if (r.ok)
      expect(r.rows.find((x) => x.convention === 'keras')?.explanation).toBe(
        'off by 6,144; the stated count fits an input width of 4,090 (not 4,096)',
      );
  });

  it('bad input gives ok:false with an example', () => {
    const neg = checkClaim(spec(), -1n);
    expect(neg.ok).toBe(false);
    if (!neg.ok) expect(neg.message).toContain('/lstm 4096 256 = 4458496');
    expect(checkClaim(spec({ units: 0n }), 10n).ok).toBe(false);
    expect(checkClaim(null as never, 10n).ok).toBe(false);
    expect(checkClaim(spec(), 10 as never).ok).toBe(false);
  });
});

describe('compareConventions', () => {
  it('puts the spec’s own convention first and measures the rest against it', () => {
    const r = compareConventions(spec());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.rows.map((x) => x.convention)).toEqual(['keras', 'keras2', 'pytorch', 'cudnn', 'onnx', 'flax', 'tf1']);
    expect(r.rows[0]).toMatchObject({ convention: 'keras', total: 4457472n, difference: 0n });
    const pt = r.rows.find((x) => x.convention === 'pytorch');
    expect(pt).toMatchObject({
      total: 4458496n,
      difference: 1024n,
      explanation: '+1,024 = 4 gates x 256 second biases',
    });
    expect(r.rows.find((x) => x.convention === 'tf1')).toMatchObject({ total: 4457472n, difference: 0n });
  });

  it('from PyTorch, Keras is a second bias fewer; a GRU leaves out TF1', () => {
    const r = compareConventions(spec({ convention: 'pytorch' }));
    expect(r.ok && r.rows.find((x) => x.convention === 'keras')?.explanation).toBe(
      '−1,024 = 4 gates x 256 second biases',
    );
    const g = compareConventions(spec({ cell: 'gru', convention: 'keras' }));
    expect(g.ok && g.rows.map((x) => x.convention)).toEqual(['keras', 'keras2', 'pytorch', 'cudnn', 'onnx', 'flax']);
    if (g.ok) {
      expect(g.rows.find((x) => x.convention === 'keras2')?.explanation).toBe('−768 = 3 gates x 256 second biases');
      expect(g.rows.find((x) => x.convention === 'flax')?.explanation).toContain('Flax');
    }
  });

  it('a spec its own convention cannot count is refused', () => {
    const r = compareConventions(spec({ proj: 64n }));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain('projection');
    expect(compareConventions(undefined as never).ok).toBe(false);
  });
});
