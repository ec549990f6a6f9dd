// Issue 14, item 4: every catalogue has every message the others have, each parses, and numbers are
// grouped per language exactly (BigInt, past 2^53).
import { describe, expect, it } from 'vitest';
import { LOCALES, catalogueIds, detectLanguage, formatNumber, pickLocale, t } from '../src/i18n/index.js';
import { sentence } from '../src/render/sentences.js';

describe('catalogues', () => {
  const ids = Object.fromEntries(LOCALES.map((l) => [l, new Set(catalogueIds(l))]));
  for (const a of LOCALES) {
    for (const b of LOCALES) {
      if (a === b) continue;
      it(`${a} has every message ${b} has`, () => {
        const missing = [...(ids[b] ?? [])].filter((id) => !ids[a]?.has(id));
        expect(missing).toEqual([]);
      });
    }
  }
  it('each catalogue has messages and no duplicate ids', () => {
    for (const l of LOCALES) {
      const list = catalogueIds(l);
      expect(list.length).toBeGreaterThan(40);
      expect(new Set(list).size).toBe(list.length);
    }
  });
  it('every message formats in every language with its numbers grouped for that language', () => {
    expect(t('en', 'units-missing', { input: '4096' })).toBe('the units are missing (I read the input width 4096)');
    expect(t('en', 'claim-off-by', { diff: 1024n })).toBe('off by 1,024');
    expect(t('fr', 'claim-off-by', { diff: 1024n })).toBe('écart de 1\u202f024');
    expect(t('zh', 'claim-off-by', { diff: 1024n })).toBe('相差 1,024');
  });
  it('an unknown id is said as itself, an unknown locale as English, never thrown', () => {
    expect(t('fr', 'no-such-message')).toBe('no-such-message');
    expect(t('0' as never, 'claim-off-by', { diff: 1024n })).toBe('off by 1,024');
  });
  it("the engine's typed sentences in each language", () => {
    const s = { id: 'stacked', input: 300n, upper: 600n, bidirectional: true } as const;
    expect(sentence(s)).toBe(
      "Stacked: layer 0 reads the input (300 wide); layers 1 and up read the layer below's output, 600 wide (both directions concatenated).",
    );
    expect(sentence({ ...s, bidirectional: false }, 'en')).toMatch(/600 wide\.$/);
    expect(sentence(s, 'zh')).toBe(
      '堆叠：第 0 层读取输入（宽 300）；第 1 层及以上读取下一层的输出，宽 600（两个方向拼接）。',
    );
    expect(sentence({ id: 'cell-gates', cell: 'lstm', gates: 4 }, 'fr')).toBe(
      'Une cellule LSTM a 4 portes (entrée, oubli, cellule candidate, sortie), chacune sa propre couche dense sur la concaténation [h_{t-1}, x_t].',
    );
    expect(sentence({ id: 'cell-gates', cell: 'lstm', gates: 4 })).toBe(
      'An LSTM cell has 4 gates (input, forget, cell candidate, output), each its own dense layer over the concatenated [h_{t-1}, x_t].',
    );
  });
});

describe('numbers', () => {
  it('exact past 2^53 in every language', () => {
    const n = 12_345_678_901_234_567_890n;
    expect(formatNumber('en', n)).toBe('12,345,678,901,234,567,890');
    expect(formatNumber('zh', n)).toBe('12,345,678,901,234,567,890');
    expect(formatNumber('fr', n)).toBe('12\u202f345\u202f678\u202f901\u202f234\u202f567\u202f890');
    expect(formatNumber('en', 4_457_472n)).toBe('4,457,472');
  });
});

describe('choosing the language', () => {
  it('detects Chinese and French questions; English or bare shorthand is no sign', () => {
    expect(detectLanguage('一个输入4096、256个单元的LSTM有多少参数？')).toBe('zh');
    expect(detectLanguage('combien de paramètres pour un LSTM 4096 256 ?')).toBe('fr');
    expect(detectLanguage('how many params in an LSTM with 128 units?')).toBeNull();
    expect(detectLanguage('4096 256')).toBeNull();
  });
  it('lang= first, then a non-English Slack locale, then the question, else the Slack locale', () => {
    expect(pickLocale({ lang: 'fr', locale: 'zh-CN', text: 'x' })).toBe('fr');
    expect(pickLocale({ locale: 'zh-CN', text: 'combien de paramètres pour un LSTM' })).toBe('zh');
    expect(pickLocale({ locale: 'en-US', text: 'combien de paramètres pour un LSTM' })).toBe('fr');
    expect(pickLocale({ locale: 'fr-FR', text: '/lstm 4096 256' })).toBe('fr');
    expect(pickLocale({ text: '/lstm 4096 256' })).toBe('en');
    expect(pickLocale({ lang: 'de', text: '/lstm 4096 256' })).toBe('en');
  });
});
