// Issue 14, item 2: questions in plain words (English, Chinese, French), full-width digits, typos,
// look-alike letters, conflicting options, `= N` and `?` anywhere; every refusal offers the nearest reading.
import { describe, expect, it } from 'vitest';
import { answerQuery } from '../../src/answer.js';
import type { Answer } from '../../src/answer.js';
import type { CellKind } from '../../src/engine/types.js';
import { parseSlashText } from '../../src/parse/slash.js';
import type { SlashQuery } from '../../src/parse/slash.js';
import { editDistance, findLookalike, foldWidth, nearestWord } from '../../src/parse/plain-words.js';

function ok(text: string, cell: CellKind = 'lstm'): SlashQuery {
  const r = parseSlashText(cell, text);
  if (r.ok !== true)
    throw new Error(`expected ${JSON.stringify(text)} to parse, got ${r.ok === false ? r.error : r.ok}`);
  return r.query;
}

function refused(text: string, cell: CellKind = 'lstm') {
  const r = parseSlashText(cell, text);
  if (r.ok !== false) throw new Error(`expected ${JSON.stringify(text)} to be refused`);
  return r;
}

function total(a: Answer): bigint {
  if (a.kind !== 'count') throw new Error(`expected a count, got ${a.kind}: ${a.kind === 'error' ? a.message : ''}`);
  return a.model.total;
}

const sizes = (q: SlashQuery) => ({
  input: q.input,
  units: q.units,
  layers: q.layers,
  bidirectional: q.bidirectional,
  convention: q.convention,
});

describe('plain-word questions read as the shorthand', () => {
  const cases: [string, Partial<ReturnType<typeof sizes>>][] = [
    ['how many params in an LSTM with 128 units and 300-dim input?', { input: 300n, units: 128n, layers: 1 }],
    ['lstm input 300 hidden 128 2 layers bidirectional', { input: 300n, units: 128n, layers: 2, bidirectional: true }],
    ['input 300 hidden 128', { input: 300n, units: 128n }],
    ['hidden 128 input 300', { input: 300n, units: 128n }],
    ['128 hidden units, 300 input features', { input: 300n, units: 128n }],
    ['input size 300 hidden size 128', { input: 300n, units: 128n }],
    ['input_size 300 hidden_size 128 num_layers 3', { input: 300n, units: 128n, layers: 3 }],
    ['a 2-layer bidirectional LSTM with 300 inputs and 128 units', { input: 300n, units: 128n, layers: 2 }],
    ['300 128 2 layers', { input: 300n, units: 128n, layers: 2 }],
    ['units=128 input 300', { input: 300n, units: 128n }],
    // Chinese (with full-width punctuation) and French.
    ['一个输入4096、256个单元的LSTM有多少参数？', { input: 4096n, units: 256n, layers: 1 }],
    ['双向两层LSTM，输入300，隐藏单元128', { input: 300n, units: 128n, layers: 2, bidirectional: true }],
    ['输入维度300，隐藏层大小128，2层，pytorch', { input: 300n, units: 128n, layers: 2, convention: 'pytorch' }],
    ['combien de paramètres pour un LSTM 4096 256 ?', { input: 4096n, units: 256n }],
    [
      'un LSTM bidirectionnel de 2 couches avec une entrée de 300 et 128 unités cachées',
      { input: 300n, units: 128n, layers: 2, bidirectional: true },
    ],
    ["taille d'entrée 300, 128 unités", { input: 300n, units: 128n }],
  ];
  for (const [text, want] of cases) {
    it(text, () => {
      expect(sizes(ok(text))).toMatchObject(want);
    });
  }

  it('says how it read a question, as shorthand', () => {
    expect(ok('lstm input 300 hidden 128 2 layers bidirectional').reading).toBe('/lstm 300 128 layers=2 bidirectional');
    expect(ok('300 128 2 layers').notes).toContain('Read as `/lstm 300 128 layers=2`.');
    expect(ok('4096 256').reading).toBeNull();
  });

  it('through the pipeline, counts agree with the shorthand (4 x 128 x (300 + 128 + 1) = 219,648)', () => {
    expect(total(answerQuery('/lstm how many params in an LSTM with 128 units and 300-dim input?'))).toBe(219_648n);
    // No command at all: the sentence names its layer.
    expect(total(answerQuery('how many params in an LSTM with 128 units and 300-dim input?'))).toBe(219_648n);
    expect(total(answerQuery('一个输入4096、256个单元的LSTM有多少参数？'))).toBe(4_457_472n);
    expect(total(answerQuery('combien de paramètres pour un LSTM 4096 256 ?'))).toBe(4_457_472n);
    const stack = total(answerQuery('/lstm 300 128 layers=2 bidirectional'));
    expect(stack).toBe(833_536n);
    expect(total(answerQuery('/lstm lstm input 300 hidden 128 2 layers bidirectional'))).toBe(stack);
  });

  it('detects the language of the question for the reply', () => {
    expect(ok('一个输入4096、256个单元的LSTM有多少参数？').language).toBe('zh');
    expect(ok('combien de paramètres pour un LSTM 4096 256 ?').language).toBe('fr');
    expect(ok('how many params in an LSTM with 128 units and 300-dim input?').language).toBeNull();
    expect(answerQuery('一个输入4096、256个单元的LSTM有多少参数？').locale).toBe('zh');
    expect(answerQuery('combien de paramètres pour un LSTM 4096 256 ?').locale).toBe('fr');
    expect(answerQuery('/lstm 4096 256').locale).toBe('en');
    expect(answerQuery('/lstm 4096 256 lang=fr').locale).toBe('fr');
    expect(answerQuery('/lstm 4096 256', { locale: 'zh-CN' }).locale).toBe('zh');
    // lang= wins over the Slack user's locale.
    expect(answerQuery('/lstm 4096 256 lang=en', { locale: 'fr-FR' }).locale).toBe('en');
  });
});

describe('full-width digits and separators', () => {
  it('/lstm ４０９６ ２５６ and ４０９６，２５６', () => {
    expect(sizes(ok('４０９６ ２５６'))).toMatchObject({ input: 4096n, units: 256n });
    expect(sizes(ok('４０９６，２５６'))).toMatchObject({ input: 4096n, units: 256n });
    expect(sizes(ok('４０９６　２５６　ｌａｙｅｒｓ＝２'))).toMatchObject({ input: 4096n, units: 256n, layers: 2 });
    expect(total(answerQuery('/lstm ４０９６ ２５６'))).toBe(4_457_472n);
  });
  it('foldWidth maps the full-width block and CJK punctuation only', () => {
    expect(foldWidth('４０９６、２５６。')).toBe('4096,256 ');
    expect(foldWidth('abc 123')).toBe('abc 123');
  });
});

describe('typos and look-alike letters', () => {
  it('a command typed with a look-alike letter or a typo offers the nearest command with the same sizes', () => {
    const message = (q: string) => {
      const a = answerQuery(q);
      return a.kind === 'error' ? a.message : '';
    };
    expect(message('/l\u0455tm 4096 256')).toBe(
      "I don't know the command `/l\u0455tm` (its `\u0455` is the Cyrillic letter U+0455, not the Latin s). Did you mean `/lstm 4096 256`?",
    );
    expect(message('/lstn 4096 256')).toBe("I don't know the command `/lstn`. Did you mean `/lstm 4096 256`?");
    expect(message('/foo 1 2')).toContain('Try `/lstm 4096 256`');
  });
  it('a framework with a typo is read and named: `pytroch` -> did you mean `pytorch`?', () => {
    const q = ok('4096 256 pytroch');
    expect(q.convention).toBe('pytorch');
    expect(q.notes[0]).toBe('`pytroch`: did you mean `pytorch`? Counted as `pytorch`.');
    expect(total(answerQuery('/lstm 4096 256 pytroch'))).toBe(4_458_496n);
    expect(ok('4096 256 keras3').convention).toBe('keras');
    expect(ok('4096 256 tensorflw').convention).toBe('keras');
  });
  it('another misspelt option is refused with the whole nearest reading', () => {
    const r = refused('4096 256 bidirectinal');
    expect(r.suggestion).toBe('/lstm 4096 256 bidirectional');
    expect(r.error).toContain('Did you mean `/lstm 4096 256 bidirectional`?');
  });
  it('`25б` names the Cyrillic letter and offers the digit', () => {
    const r = refused('4096 25б');
    expect(r.error).toContain('`25б` has the Cyrillic letter `б` (U+0431) in it, which looks like the digit 6');
    expect(r.suggestion).toBe('/lstm 4096 256');
    expect(findLookalike('4O96')).toMatchObject({ fixed: '4096', script: 'Latin' });
    expect(findLookalike('abc')).toBeNull();
    expect(findLookalike('256')).toBeNull();
  });
  it('edit distance and the nearest word', () => {
    expect(editDistance('pytroch', 'pytorch')).toBe(1);
    expect(editDistance('keras', 'keras')).toBe(0);
    expect(nearestWord('pytroch', ['pytorch', 'keras'])).toBe('pytorch');
    expect(nearestWord('foo', ['pytorch', 'keras'])).toBeNull();
    // Two equally near: no guess.
    expect(nearestWord('keras4', ['keras2', 'keras3'])).toBeNull();
  });
});

describe('refusals name the conflict and suggest the nearest reading', () => {
  it('`/lstm 300 128 layers` -> did you mean `layers=2`?', () => {
    const r = refused('300 128 layers');
    expect(r.suggestion).toBe('/lstm 300 128 layers=2');
    expect(r.error).toMatch(/`layers` needs a number\. Did you mean `\/lstm 300 128 layers=2`\?/);
  });
  it('`/lstm 300 128 2` -> one size too many, did you mean layers=2?', () => {
    expect(refused('300 128 2').suggestion).toBe('/lstm 300 128 layers=2');
  });
  it('two frameworks are an error naming both, not last-wins', () => {
    const r = refused('4096 256 keras pytorch');
    expect(r.error).toContain('`keras` and `pytorch` name two different frameworks');
    expect(r.suggestion).toBe('/lstm 4096 256 keras');
    // The same framework twice is no conflict.
    expect(ok('4096 256 keras tensorflow').convention).toBe('keras');
  });
  it('errors from /gru point to /gru', () => {
    const r = refused('128', 'gru');
    expect(r.error).toContain('`/gru <input> <units> [options]`');
    expect(r.error).toContain('`/gru 128 64`');
  });
  it('a refusal in French or Chinese is said in that language', () => {
    const fr = answerQuery('combien de paramètres pour un LSTM 4096 256 pytorch keras ?');
    expect(fr.kind).toBe('error');
    expect(fr.locale).toBe('fr');
    const zh = answerQuery('/lstm 4096 lang=zh');
    expect(zh.kind).toBe('error');
    expect(zh.locale).toBe('zh');
  });
});

describe('`= N` and `?` wherever they stand', () => {
  it('after a flag or a framework', () => {
    expect(ok('300 300 bi = 1444800')).toMatchObject({ bidirectional: true, claim: 1_444_800n });
    expect(ok('300 300 bi cudnn = 1444800')).toMatchObject({
      bidirectional: true,
      convention: 'cudnn',
      claim: 1_444_800n,
    });
    expect(ok('300 300 bi=1444800')).toMatchObject({ bidirectional: true, claim: 1_444_800n });
    expect(ok('300 300 bidirectional=true')).toMatchObject({ bidirectional: true, claim: null });
    expect(ok('= 1444800 300 300 bi')).toMatchObject({ bidirectional: true, claim: 1_444_800n });
  });
  it('the claims hold where they should (Keras 1,442,400; cuDNN/PyTorch 1,444,800)', () => {
    const a = answerQuery('/lstm 300 300 bi cudnn = 1444800');
    if (a.kind !== 'count' || !a.claim) throw new Error('expected a checked claim');
    expect(a.claim.conventions).toContain('cudnn');
    expect(a.claim.conventions).not.toContain('keras');
  });
  it('`/lstm 300 ? bi = 1442400` solves for the units', () => {
    const a = answerQuery('/lstm 300 ? bi = 1442400');
    if (a.kind !== 'count' || !a.solved) throw new Error('expected a solved answer');
    expect(a.solved.value).toBe(300n);
  });
  it('after a role word that has its number: `4 timesteps = 12345` is a claim, `layers = 2` is not', () => {
    expect(ok('un LSTM avec une entrée de 300 et 128 unités, 4 pas de temps = 12345')).toMatchObject({
      input: 300n,
      units: 128n,
      timesteps: 4n,
      claim: 12_345n,
    });
    expect(ok('4096 256 layers = 2')).toMatchObject({ layers: 2, claim: null });
  });
  it("a question's own `?` is punctuation", () => {
    expect(sizes(ok('4096 256 ?'))).toMatchObject({ input: 4096n, units: 256n });
    expect(ok('? 64 = 49408').input).toBeNull();
  });
});
