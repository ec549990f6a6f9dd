// Issue 11: a Bidirectional(CuDNNLSTM) answer is labelled cuDNN (its class fixes two bias vectors), never
// shows two different "Keras 3" totals, and its Compare view has a cuDNN row.
import { describe, expect, it } from 'vitest';
import { answerQuery } from '../../src/answer.js';

const CODE = 'model = Sequential([Input(shape=(10, 300)), Bidirectional(CuDNNLSTM(300))])';

describe('Bidirectional(CuDNNLSTM)', () => {
  it('is counted and labelled as cuDNN counts it; Keras 3 appears with one total only', () => {
    const a = answerQuery(CODE, { compare: true });
    if (a.kind !== 'count') throw new Error(a.kind);
    expect(a.model.total).toBe(1_444_800n);
    expect(a.convention).toBe('cudnn');
    const keras = new Set<bigint>();
    for (const alt of a.alternatives) if (alt.convention === 'keras') keras.add(alt.total);
    for (const s of a.model.layers[0]?.steps ?? [])
      if (s.kind === 'compare' && s.convention === 'keras') keras.add(s.total);
    if (a.convention === 'keras') keras.add(a.model.total);
    expect([...keras]).toEqual([1_442_400n]);
    expect(a.comparison?.map((r) => [r.convention, r.total])).toContainEqual(['cudnn', 1_444_800n]);
  });

  it('a plain Bidirectional(LSTM) stays Keras 3 with its cuDNN alternative', () => {
    const a = answerQuery(CODE.replace('CuDNNLSTM', 'LSTM'), { compare: true });
    if (a.kind !== 'count') throw new Error(a.kind);
    expect(a.convention).toBe('keras');
    expect(a.model.total).toBe(1_442_400n);
    expect(a.comparison?.map((r) => [r.convention, r.total])).toContainEqual(['cudnn', 1_444_800n]);
  });
});
