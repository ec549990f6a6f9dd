// The output side of the work budget: long models are summarised, never expanded without end.
import { describe, expect, it } from 'vitest';
import { answerQuery } from '../../src/answer.js';
import { MAX_DETAIL_MESSAGES, MAX_TABLE_ROWS, MAX_TEXT_CHARS } from '../../src/limits.js';
import { renderLayerDetails } from '../../src/render/blocks.js';
import { renderText } from '../../src/render/text.js';

describe('a 1,000-layer bidirectional LSTM as text', () => {
  const answer = answerQuery('/lstm 8 8 layers=1000 bidirectional');
  const out = renderText(answer);
  it('still has the exact total', () => {
    // Layer 0: 2 x 4 x ((8 + 8) x 8 + 8) = 1,088; layers 1-999 read 16: 2 x 4 x ((16 + 8) x 8 + 8) = 1,600 each.
    expect(answer.kind === 'count' && answer.model.total).toBe(1088n + 999n * 1600n);
  });
  it('folds the per-layer table: identical layers in one row (issue 14), so it stays short', () => {
    const lines = out.split('\n');
    const start = lines.indexOf('Per layer');
    expect(lines.slice(start + 1, start + 3)).toEqual([
      '  layer 0: input 8: 2 x 544 = 1,088',
      '  layers 1–999: input 16: 1,600 each',
    ]);
    expect(lines[start + 3]).not.toMatch(/^ {2}layer/);
    expect(MAX_TABLE_ROWS).toBeGreaterThan(2);
  });
  it('writes the long sum with its first and last terms and counts the middle', () => {
    expect(out).toContain('+ 1,600 (layer 37) + ... 961 more ... + 1,600 (layer 999) = 1,599,488');
  });
});

describe('a 2,000-layer model', () => {
  const answer = answerQuery(`nn.Sequential(${'nn.Linear(3, 4),'.repeat(1999)})`);
  it('is counted in full (1,999 x (3 x 4 + 4))', () => {
    expect(answer.kind === 'count' && answer.model.total).toBe(1999n * 16n);
  });
  it(`prints derivations up to about ${MAX_TEXT_CHARS} characters and names the rest`, () => {
    const out = renderText(answer);
    expect(out.length).toBeLessThan(MAX_TEXT_CHARS + 5_000);
    expect(out).toMatch(/\(1,\d{3} more layer derivations left out: this answer is past 200,000 characters/);
  });
  it(`posts at most ${MAX_DETAIL_MESSAGES} follow-ups for "All layer derivations" and says where the rest are`, () => {
    // 1,999 different layers (identical ones are derived once): nn.Linear(k, k + 1) for k = 1..1,999.
    const chain = Array.from({ length: 1999 }, (_, i) => `nn.Linear(${i + 1}, ${i + 2}),`).join('');
    const distinct = answerQuery(`nn.Sequential(${chain})`);
    // Sum of (k + 1) x k + (k + 1) = (k + 1)^2 for k = 1..1,999: 2,000 x 2,001 x 4,001 / 6 - 1.
    expect(distinct.kind === 'count' && distinct.model.total).toBe(2_668_666_999n);
    const messages = renderLayerDetails(distinct);
    expect(messages).toHaveLength(MAX_DETAIL_MESSAGES);
    const last = JSON.stringify(messages.at(-1)?.blocks.at(-1));
    // 1,999 layers, 6 in the answer, 3 x 49 - 1 = 146 in the follow-ups.
    expect(last).toContain('1,847 more layers are not derived here');
    expect(last).toContain('paramcount --json');
  });
  it('identical layers are derived once: nothing is left for the follow-ups', () => {
    expect(renderLayerDetails(answer)[0]?.text).toBe('Every layer is already derived in the answer.');
  });
});
