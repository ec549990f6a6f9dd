import { describe, expect, it } from 'vitest';
import { answerQuery } from '../../src/answer.js';
import { countModel } from '../../src/engine/model.js';
import { Polynomial } from '../../src/engine/polynomial.js';
import { parseCode } from '../../src/parse/code.js';
import { renderJson } from '../../src/render/json.js';
import { renderText } from '../../src/render/text.js';

// The word_language_model's RNNModel with its sizes as plain arguments (the LSTM branch).
const RNN_MODEL = `import torch.nn as nn

class RNNModel(nn.Module):
    """Container module with an encoder, a recurrent module, and a decoder."""

    def __init__(self, ntoken, ninp, nhid, nlayers, dropout=0.5, tie_weights=False):
        super(RNNModel, self).__init__()
        self.drop = nn.Dropout(dropout)
        self.encoder = nn.Embedding(ntoken, ninp)
        self.rnn = nn.LSTM(ninp, nhid, nlayers, dropout=dropout)
        self.decoder = nn.Linear(nhid, ntoken)
        if tie_weights:
            if nhid != ninp:
                raise ValueError('When using the tied flag, nhid must be equal to emsize')
            self.decoder.weight = self.encoder.weight
        self.nhid = nhid
`;

/** PyTorch's count, from the layer formulas: Embedding V·E, LSTM 4H(I+H+2) then 4H(2H+2) per extra layer, Linear H·V+V. */
const truth = (v: bigint, e: bigint, h: bigint, l: bigint): bigint =>
  v * e + 4n * h * (e + h + 2n) + (l - 1n) * 4n * h * (2n * h + 2n) + h * v + v;

/** Evaluates a formula as shown (`4·nhid·(ninp + 2)`, `nhid²`) at the given sizes. */
function evaluateFormula(formula: string, sizes: Record<string, bigint>): bigint {
  let js = formula.split('·').join('*').split('²').join('**2n').split('³').join('**3n');
  js = js.replace(/\b(\d+)\b(?!n)/g, '$1n');
  for (const [name, value] of Object.entries(sizes)) js = js.split(name).join(`(${value}n)`);
  return new Function(`return ${js};`)() as bigint;
}

const formulaOf = (code: string) => {
  const r = parseCode(code);
  if (r.ok) throw new Error('expected a formula answer');
  if (!r.formula) throw new Error(r.error);
  return r.formula;
};

describe('a PyTorch class pasted without the line that builds it', () => {
  const f = formulaOf(RNN_MODEL);

  it('gives each layer and the total as a formula of the missing sizes, stacked layers expanded', () => {
    expect(f.refused).toBeUndefined();
    expect(f.variables).toEqual(['ntoken', 'ninp', 'nhid', 'nlayers']);
    expect(f.layers).toEqual([
      { name: 'encoder', type: 'Embedding', formula: 'ntoken·ninp' },
      { name: 'rnn', type: 'LSTM', formula: '4·nhid·(2·nhid·nlayers + ninp - nhid + 2·nlayers)' },
      { name: 'decoder', type: 'Linear', formula: 'ntoken·(nhid + 1)' },
    ]);
    expect(f.total).toBe(
      '8·nhid²·nlayers + ntoken·ninp + ntoken·nhid + 4·ninp·nhid - 4·nhid² + 8·nhid·nlayers + ntoken',
    );
    expect(f.line).toBe('model = RNNModel(ntoken=..., ninp=..., nhid=..., nlayers=...)');
  });

  it("agrees with PyTorch's count at real sizes", () => {
    const cases: [bigint, bigint, bigint, bigint][] = [
      [33278n, 200n, 200n, 2n],
      [33278n, 650n, 650n, 2n],
      [10000n, 1500n, 1500n, 3n],
      [5n, 1n, 7n, 1n],
    ];
    for (const [ntoken, ninp, nhid, nlayers] of cases) {
      const expected = truth(ntoken, ninp, nhid, nlayers);
      expect(evaluateFormula(f.total ?? '', { ntoken, ninp, nhid, nlayers })).toBe(expected);
      // The line the answer asks for gives the same number.
      const built = parseCode(`${RNN_MODEL}\nmodel = RNNModel(${ntoken}, ${ninp}, ${nhid}, ${nlayers})\n`);
      if (!built.ok) throw new Error(built.error);
      expect(countModel(built.model).total).toBe(expected);
    }
    expect(truth(33278n, 200n, 200n, 2n)).toBe(13_987_678n);
  });

  it('says the formula and the line to add, in the reply language, and carries it in the JSON', () => {
    const a = answerQuery(RNN_MODEL);
    expect(a.kind).toBe('error');
    const text = renderText(a);
    expect(text).toContain('Total: 8·nhid²·nlayers + ntoken·ninp');
    expect(text).toContain('rnn (LSTM): 4·nhid·(2·nhid·nlayers + ninp - nhid + 2·nlayers)');
    expect(text).toContain('`model = RNNModel(ntoken=..., ninp=..., nhid=..., nlayers=...)`');
    expect(renderText(a, { locale: 'fr' })).toContain('Total : 8·nhid²·nlayers');
    const json = renderJson(a);
    expect(json.error).toContain('Total: ');
    expect(json.formula).toEqual({
      class: 'RNNModel',
      variables: ['ntoken', 'ninp', 'nhid', 'nlayers'],
      total: f.total,
      layers: f.layers,
      line: 'model = RNNModel(ntoken=..., ninp=..., nhid=..., nlayers=...)',
    });
  });
});

describe('sizes that a formula cannot follow', () => {
  it('refuses a size used in range() (it decides the layers) and names it', () => {
    const deep = `import torch.nn as nn
class Deep(nn.Module):
    def __init__(self, width, depth):
        super().__init__()
        self.layers = nn.ModuleList([nn.Linear(width, width) for _ in range(depth)])
`;
    const f = formulaOf(deep);
    expect(f.total).toBeNull();
    expect(f.refused).toEqual({ why: 'layers', names: ['depth'] });
    const a = answerQuery(deep);
    expect(renderText(a)).toContain('`depth` decides which layers there are');
    expect(renderJson(a).formula).toMatchObject({ total: null, refused: { reason: 'layers', names: ['depth'] } });
  });

  it('refuses a size divided with // (not a polynomial) and names it', () => {
    const f = formulaOf(`import torch.nn as nn
class Bottleneck(nn.Module):
    def __init__(self, channels, classes):
        super().__init__()
        self.squeeze = nn.Linear(channels, channels // 2)
        self.head = nn.Linear(channels // 2, classes)
`);
    expect(f.refused).toEqual({ why: 'not-polynomial', names: ['channels'] });
  });

  it('refuses more than four open sizes', () => {
    const f = formulaOf(`import torch.nn as nn
class Wide(nn.Module):
    def __init__(self, a, b, c, d, e):
        super().__init__()
        self.fc = nn.Linear(a + b + c + d, e)
`);
    expect(f.refused?.why).toBe('too-many');
  });

  it('refuses when the builds would pass the work limit (layers counted over all builds), quoting it', () => {
    const lines = [
      'import torch.nn as nn',
      'class Big(nn.Module):',
      '    def __init__(self, width):',
      '        super().__init__()',
    ];
    for (let i = 0; i < 400; i++) lines.push(`        self.l${i} = nn.Linear(width, ${i + 1})`);
    const a = answerQuery(lines.join('\n'));
    expect(renderJson(a).formula).toMatchObject({ total: null, refused: { reason: 'too-many', names: ['width'] } });
    expect(renderText(a)).toContain('1,500 layers in all');
  });

  it('lists the first 20 layers in words, every layer in the JSON', () => {
    const lines = [
      'import torch.nn as nn',
      'class Tall(nn.Module):',
      '    def __init__(self, width):',
      '        super().__init__()',
    ];
    for (let i = 0; i < 25; i++) lines.push(`        self.l${i} = nn.Linear(width, width)`);
    const a = answerQuery(lines.join('\n'));
    expect(renderText(a)).toContain('… and 5 more layers');
    expect(renderText(a)).toContain('Total: 25·width·(width + 1)');
    const json = renderJson(a).formula as { layers: { formula: string }[] };
    expect(json.layers).toHaveLength(25);
    expect(json.layers[24]?.formula).toBe('width·(width + 1)');
  });

  it('keeps a Keras builder refused as before (Keras infers input sizes)', () => {
    const r = parseCode(`from tensorflow import keras
def build_model(units):
    return keras.Sequential([keras.layers.Dense(units, input_shape=(4,))])
`);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.formula).toBeUndefined();
      expect(r.error).toContain('model = build_model(units=...)');
    }
  });
});

describe('Polynomial', () => {
  it('multiplies, adds and shows grouped terms exactly', () => {
    const x = Polynomial.variable(2, 0);
    const y = Polynomial.variable(2, 1);
    const p = x.multiply(y).scale(4n).add(x.multiply(x).scale(8n)).add(x.scale(8n));
    expect(p.format(['h', 'i'])).toBe('4·h·(2·h + i + 2)');
    expect(p.evaluate([3n, 5n])).toBe(4n * 3n * 5n + 8n * 9n + 24n);
    expect(p.subtract(p).format(['h', 'i'])).toBe('0');
    expect(p.divideExact(3n)).toBeNull();
    expect(Polynomial.constant(2, 10n ** 30n).format(['h', 'i'])).toBe('1000000000000000000000000000000');
  });
});
