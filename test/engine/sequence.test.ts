// Issue 14, item 3: time steps never change the count; a stated count that is the count times a
// sequence length, or made with input_shape's two dimensions swapped, is explained; MACs per step
// and per sequence when the question gives the time steps.
import { describe, expect, it } from 'vitest';
import { answerQuery } from '../../src/answer.js';
import type { CountAnswer } from '../../src/answer.js';
import { sequenceCompute } from '../../src/engine/compute.js';
import { checkClaim } from '../../src/engine/claim.js';
import { renderJson } from '../../src/render/json.js';
import { recurrentSpec } from '../helpers/recurrent-spec.js';

function count(q: string): CountAnswer {
  const a = answerQuery(q);
  if (a.kind !== 'count') throw new Error(`expected a count for ${q}: ${a.kind === 'error' ? a.message : a.kind}`);
  return a;
}

describe('time steps in the question', () => {
  for (const q of [
    '/lstm 256 input_shape=(16, 4096)',
    '/lstm 4096 256 16 timesteps',
    '/lstm 4096 256 seq_len=16',
    '/lstm 4096 256 input_length=16',
    '/lstm an LSTM with 4096 inputs, 256 units and 16 time steps',
  ]) {
    it(q, () => {
      const a = count(q);
      expect(a.model.total).toBe(4_457_472n);
      expect(a.notes.join(' ')).toMatch(
        /never changes the parameter count: the same weights are reused at every time step/,
      );
      expect(a.compute?.timesteps).toBe(16n);
      // 4 gates x 256 x (4096 + 256) = 4,456,448 per step; x 16 = 71,303,168.
      expect(a.compute?.macsPerStep).toBe(4_456_448n);
      expect(a.compute?.macsPerSequence).toBe(71_303_168n);
    });
  }
  it('batch_input_shape=(None, 16, 4096) and input_shape=(None, 4096)', () => {
    expect(count('/lstm 256 batch_input_shape=(None, 16, 4096)').compute?.timesteps).toBe(16n);
    const open = count('/lstm 256 input_shape=(None, 4096)');
    expect(open.model.total).toBe(4_457_472n);
    expect(open.compute).toBeUndefined();
  });
});

describe('JSON', () => {
  it('adds the compute as decimal strings', () => {
    const out = renderJson(count('/lstm 4096 256 timesteps=16'));
    expect(out.compute).toEqual({
      timesteps: '16',
      macs_per_step: '4456448',
      macs_per_sequence: '71303168',
      elementwise_per_step: '768',
      activations_per_step: '1280',
    });
    expect(renderJson(count('/lstm 4096 256')).compute).toBeUndefined();
  });
});

describe('sequenceCompute', () => {
  it('a single layer: T x gates x H x (I + H), elementwise apart', () => {
    const c = sequenceCompute(recurrentSpec({ cell: 'lstm', input: 300n, units: 128n }), 100n);
    expect(c.macsPerStep).toBe(4n * 128n * (300n + 128n));
    expect(c.macsPerSequence).toBe(100n * 4n * 128n * 428n);
    expect(c.elementwisePerStep).toBe(3n * 128n);
    expect(c.activationsPerStep).toBe(5n * 128n);
    expect(c.single).toEqual({ input: 300n, recurrent: 128n, units: 128n });
  });
  it('a bidirectional 2-layer GRU: the second layer reads 2H', () => {
    const c = sequenceCompute(
      recurrentSpec({ cell: 'gru', input: 300n, units: 128n, layers: 2, bidirectional: true }),
      10n,
    );
    const perStep = 2n * 3n * 128n * (300n + 128n) + 2n * 3n * 128n * (256n + 128n);
    expect(c.macsPerStep).toBe(perStep);
    expect(c.macsPerSequence).toBe(10n * perStep);
    expect(c.single).toBeNull();
  });
  it('a projection reads P back and adds H x P', () => {
    const c = sequenceCompute(
      recurrentSpec({ cell: 'lstm', input: 100n, units: 64n, proj: 16n, convention: 'pytorch' }),
      1n,
    );
    expect(c.macsPerStep).toBe(4n * 64n * (100n + 16n) + 64n * 16n);
  });
});

describe('stated counts that grew with the sequence', () => {
  it('exactly the count times T: said so, with the time steps', () => {
    const spec = recurrentSpec({ cell: 'lstm', input: 4096n, units: 256n });
    const c = checkClaim(spec, 4_457_472n * 16n, { timesteps: 16n });
    if (!c.ok) throw new Error(c.message);
    const keras = c.rows.find((r) => r.convention === 'keras');
    expect(keras?.explanation).toBe(
      'off by 66,862,080; the stated count is exactly 4,457,472 x 16, this count times 16 time steps',
    );
    expect(c.notes.join(' ')).toMatch(/never depends on the number of time steps/);
  });
  it('`/lstm 4096 256 = 17246978048`: about 3,869 x the count, not "an input width of 16,842,495"', () => {
    const a = count('/lstm 4096 256 = 17246978048');
    const keras = a.claim?.rows.find((r) => r.convention === 'keras');
    expect(keras?.explanation).toBe('off by 17,242,520,576; the stated count is about 3,869 x this count (4,457,472)');
    expect(a.claim?.rows.map((r) => r.explanation ?? '').join(' ')).not.toMatch(/input width of 16,842,495/);
    expect(a.claim?.notes.join(' ')).toMatch(/never depends on the number of time steps/);
  });
  it('input_shape=(16, 4096) with the count of an input width of 16: the dimensions look swapped', () => {
    // 4 x 256 x (16 + 256 + 1) = 279,552: what `/lstm 16 256` gives.
    const a = count('/lstm 256 input_shape=(16, 4096) = 279552');
    const keras = a.claim?.rows.find((r) => r.convention === 'keras');
    expect(keras?.explanation).toBe(
      'off by 4,177,920; the stated count is what an input width of 16 gives: the two dimensions of input_shape=(16, 4096) look swapped',
    );
    expect(a.claim?.notes.join(' ')).toMatch(/input_shape is \(time steps, features\)/);
  });
  it('a wrong width still reads as a wrong width', () => {
    const a = count('/lstm 16 256 = 4457472');
    const keras = a.claim?.rows.find((r) => r.convention === 'keras');
    expect(keras?.explanation).toBe('off by 4,177,920; the stated count fits an input width of 4,096 (not 16)');
  });
});
