// The slash-command shorthand: every accepted form, every refusal (with what was wrong and a correct
// example), and no throw on anything.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { answerQuery } from '../../src/answer.js';
import type { CellKind } from '../../src/engine/types.js';
import { MAX_STACKED_LAYERS } from '../../src/limits.js';
import { parseSlashText, readInteger } from '../../src/parse/slash.js';
import type { SlashQuery } from '../../src/parse/slash.js';

function ok(text: string, cell: CellKind = 'lstm'): SlashQuery {
  const r = parseSlashText(cell, text);
  if (r.ok !== true) throw new Error(`expected ${JSON.stringify(text)} to parse, got ${JSON.stringify(r)}`);
  return r.query;
}

function refusal(text: string, cell: CellKind = 'lstm'): string {
  const r = parseSlashText(cell, text);
  if (r.ok !== false)
    throw new Error(
      `expected ${JSON.stringify(text)} to be refused, got ${JSON.stringify(r, (_, v) => (typeof v === 'bigint' ? String(v) : v))}`,
    );
  return r.error;
}

const LSTM_EXAMPLE = '`/lstm 4096 256`';

describe('accepted size forms', () => {
  const forms = [
    '4096 256',
    '4096, 256',
    '4096,256',
    '4096 -> 256',
    '4096->256',
    '4096 → 256',
    '4096 => 256',
    '4096 to 256',
    'input=4096 units=256',
    'units=256 input=4096',
    'in=4096 hidden=256',
    'input = 4096, units = 256',
    'input: 4096 units: 256',
    'input_size=4096 hidden_size=256',
    '4,096 256',
    '4,096, 256',
    '4_096 256',
    '+4096 256',
    '04096 256',
    '  4096   256  ',
    '(4096, 256)',
    '`4096 256`',
    'lstm 4096 256',
  ];
  for (const f of forms) {
    it(JSON.stringify(f), () => {
      const q = ok(f);
      expect(q).toMatchObject({
        cell: 'lstm',
        input: 4096n,
        units: 256n,
        layers: 1,
        bidirectional: false,
        bias: true,
        proj: null,
        peepholes: false,
        resetAfter: null,
        convention: 'keras',
        conventionGiven: false,
        claim: null,
      });
    });
  }
  it('a named size and a positional one', () => {
    expect(ok('units=256 4096')).toMatchObject({ input: 4096n, units: 256n });
    expect(ok('input=4096 256')).toMatchObject({ input: 4096n, units: 256n });
  });
  it('the same forms for /gru and /rnn', () => {
    expect(ok('128 64', 'gru')).toMatchObject({ cell: 'gru', input: 128n, units: 64n });
    expect(ok('300 -> 128', 'rnn')).toMatchObject({ cell: 'rnn', input: 300n, units: 128n });
  });
  it('sizes up to 10^12', () => {
    expect(ok('1000000000000 1').input).toBe(1_000_000_000_000n);
    expect(ok('100000000 100000000')).toMatchObject({ input: 100_000_000n, units: 100_000_000n });
  });
});

describe('options', () => {
  it('bidirectional | bi', () => {
    expect(ok('4096 256 bidirectional').bidirectional).toBe(true);
    expect(ok('4096 256 bi').bidirectional).toBe(true);
    expect(ok('bi 4096 256').bidirectional).toBe(true);
    expect(ok('4096 256 --bidirectional').bidirectional).toBe(true);
    expect(ok('4096 256 bidirectional=true').bidirectional).toBe(true);
    expect(ok('4096 256 bidirectional=false').bidirectional).toBe(false);
  });
  it('layers=N', () => {
    expect(ok('4096 256 layers=3').layers).toBe(3);
    expect(ok('4096 256 num_layers=2').layers).toBe(2);
    expect(ok('4096 256 layers = 4').layers).toBe(4);
    expect(ok(`4096 256 layers=${MAX_STACKED_LAYERS}`).layers).toBe(MAX_STACKED_LAYERS);
  });
  it('no-bias | bias=false', () => {
    expect(ok('4096 256 no-bias').bias).toBe(false);
    expect(ok('4096 256 bias=false').bias).toBe(false);
    expect(ok('4096 256 bias=False').bias).toBe(false);
    expect(ok('4096 256 use_bias=false').bias).toBe(false);
    expect(ok('4096 256 bias=true').bias).toBe(true);
  });
  it('proj=N (picks PyTorch when no framework is named, and says so)', () => {
    const q = ok('4096 256 proj=128');
    expect(q).toMatchObject({ proj: 128n, convention: 'pytorch', conventionGiven: false });
    expect(q.notes.join(' ')).toMatch(/PyTorch/);
    expect(ok('4096 256 proj_size=64 tf1')).toMatchObject({ proj: 64n, convention: 'tf1', conventionGiven: true });
    expect(ok('4096 256 proj=64 cudnn')).toMatchObject({ proj: 64n, convention: 'cudnn' });
  });
  it('peepholes (picks TF1 when no framework is named)', () => {
    expect(ok('4096 256 peepholes')).toMatchObject({ peepholes: true, convention: 'tf1' });
    expect(ok('4096 256 peepholes onnx')).toMatchObject({ peepholes: true, convention: 'onnx' });
  });
  it('reset_after=true|false', () => {
    expect(ok('128 64 reset_after=true', 'gru').resetAfter).toBe(true);
    expect(ok('128 64 reset_after=false', 'gru').resetAfter).toBe(false);
    expect(ok('128 64 reset_after=False', 'gru').resetAfter).toBe(false);
    expect(ok('128 64', 'gru').resetAfter).toBeNull();
  });
  it('a convention by name or framework=NAME', () => {
    const byName: [string, string][] = [
      ['keras', 'keras'],
      ['keras2', 'keras2'],
      ['tfjs', 'keras2'],
      ['pytorch', 'pytorch'],
      ['torch', 'pytorch'],
      ['cudnn', 'cudnn'],
      ['onnx', 'onnx'],
      ['flax', 'flax'],
      ['jax', 'flax'],
      ['tf1', 'tf1'],
    ];
    for (const [name, convention] of byName) {
      expect(ok(`4096 256 ${name}`)).toMatchObject({ convention, conventionGiven: true });
      expect(ok(`4096 256 framework=${name}`)).toMatchObject({ convention, conventionGiven: true });
      expect(ok(`4096 256 ${name.toUpperCase()}`).convention).toBe(convention);
    }
  });
  it('options in any order, all together', () => {
    expect(ok('pytorch layers=2 bi 4096 no-bias 256')).toMatchObject({
      input: 4096n,
      units: 256n,
      layers: 2,
      bidirectional: true,
      bias: false,
      convention: 'pytorch',
    });
  });
  it('sequence length and batch size are noted, never counted', () => {
    const q = ok('4096 256 seq_len=100 batch_size=32');
    expect(q).toMatchObject({ input: 4096n, units: 256n });
    expect(q.notes).toHaveLength(2);
    expect(q.notes[0]).toMatch(/^Sequence length \(100\) never changes the parameter count/);
    expect(q.notes[1]).toMatch(/^Batch size \(32\) never changes the parameter count/);
  });
  it('`= N` is a stated total', () => {
    expect(ok('4096 256 = 4458496').claim).toBe(4_458_496n);
    expect(ok('4096 256 = 4,458,496').claim).toBe(4_458_496n);
    expect(ok('4096 256=4458496').claim).toBe(4_458_496n);
  });
  it('compare', () => {
    expect(ok('4096 256 compare').compare).toBe(true);
  });
});

describe('help', () => {
  for (const t of ['', '   ', 'help', 'HELP', '--help', '-h', '?', 'usage', '4096 256 help']) {
    it(JSON.stringify(t), () => {
      expect(parseSlashText('lstm', t)).toEqual({ ok: 'help', cell: 'lstm' });
    });
  }
  it('through the pipeline: `/lstm help` and an empty `/lstm`', () => {
    expect(answerQuery('/lstm help')).toMatchObject({ kind: 'help', command: '/lstm' });
    expect(answerQuery('/lstm')).toMatchObject({ kind: 'help', command: '/lstm' });
    expect(answerQuery('', { command: '/lstm' })).toMatchObject({ kind: 'help', command: '/lstm' });
    expect(answerQuery('help', { command: '/gru' })).toMatchObject({ kind: 'help', command: '/gru' });
  });
});

describe('refusals say what was wrong and show a correct example', () => {
  const cases: [string, RegExp][] = [
    ['4096', /units are missing/],
    ['units=256', /input width is missing/],
    ['bi', /input width and the units are missing/],
    ['0 256', /input width must be at least 1 \(got 0\)/],
    ['4096 0', /units must be at least 1 \(got 0\)/],
    ['-5 256', /`-5` is negative/],
    ['4096 -256', /`-256` is negative/],
    ['4096 2.5', /`2\.5` is a fraction/],
    ['4096.0 256', /`4096\.0` is a fraction/],
    ['1e3 256', /`1e3` is in scientific notation/],
    ['four 256', /don't know the option `four`/],
    ['4096 two-fifty-six', /don't know the option `two-fifty-six`/],
    ['4096 256 foo', /don't know the option `foo`/],
    ['4096 256 colour=red', /don't know the option `colour=red`/],
    ['4096 256 framework=caffe', /don't know the framework `caffe`/],
    ['4096 256 layers=0', /layers must be at least 1/],
    ['4096 256 layers=-1', /negative/],
    ['4096 256 layers=1.5', /fraction/],
    [`4096 256 layers=${MAX_STACKED_LAYERS + 1}`, /layers goes up to 1,000/],
    ['4096 256 proj=0', /proj must be at least 1/],
    ['4096 256 bias=maybe', /should be true or false/],
    ['4096 256 layers=', /has no value/],
    ['4096 256 7', /one size too many/],
    ['input=5 input=6 256', /input width is given twice/],
    ['4096 input=5 256', /one size too many \(`256`\)/],
    ['10000000000000 256', /too large/],
    ['1000000000001 256', /too large: sizes go up to 1,000,000,000,000/],
    ['4096 256 gru', /names another layer; use `\/gru`/],
    ['4096 256 = lots', /stated total/],
    ['nan 256', /not a size/],
  ];
  for (const [text, why] of cases) {
    it(JSON.stringify(text), () => {
      const e = refusal(text);
      expect(e).toMatch(why);
      expect(e).toContain(LSTM_EXAMPLE);
    });
  }
  it('/gru and /rnn show their own example', () => {
    expect(refusal('64', 'gru')).toContain('`/gru 128 64`');
    expect(refusal('x 1', 'rnn')).toContain('`/rnn 300 128`');
  });

  // Refusals that need the engine (the layer parses but cannot be counted): through answerQuery.
  const engineCases: [string, RegExp, string][] = [
    ['/lstm 4096 256 proj=256', /proj \(256\) must be smaller than the units \(256\)/, LSTM_EXAMPLE],
    ['/lstm 4096 256 proj=300', /proj \(300\) must be smaller than the units \(256\)/, LSTM_EXAMPLE],
    ['/gru 128 64 proj=32', /projection \(proj\) exists only for LSTMs, not a GRU/, '`/gru 128 64`'],
    ['/rnn 300 128 proj=32', /only for LSTMs, not a RNN/, '`/rnn 300 128`'],
    ['/gru 128 64 peepholes', /peepholes exist only for LSTMs/, '`/gru 128 64`'],
    ['/lstm 4096 256 proj=64 keras', /no LSTM projection/, LSTM_EXAMPLE],
    ['/lstm 4096 256 peepholes pytorch', /no peephole LSTM/, LSTM_EXAMPLE],
    ['/gru 128 64 tf1', /tf1 convention covers TF1's LSTMCell only/, '`/gru 128 64`'],
    ['/lstm 4096 256 reset_after=true', /reset_after applies only to a GRU/, LSTM_EXAMPLE],
    ['/gru 128 64 reset_after=true pytorch', /reset_after is a Keras option/, '`/gru 128 64`'],
  ];
  for (const [query, why, example] of engineCases) {
    it(query, () => {
      const a = answerQuery(query);
      if (a.kind !== 'error') throw new Error(`expected an error answer for ${query}, got ${a.kind}`);
      expect(a.message).toMatch(why);
      expect(a.message).toContain(example);
      expect(a.query).toBe(query);
    });
  }

  it('every pipeline refusal of slash shorthand carries an example too', () => {
    for (const q of [
      '/lstm',
      '/lstm 4096',
      '/lstm 0 256',
      '/lstm -1 2',
      '/lstm 1.5 2',
      '/lstm four 256',
      '/lstm 1 2 wat',
    ]) {
      const a = answerQuery(q);
      if (a.kind === 'help') continue;
      expect(a.kind).toBe('error');
      if (a.kind === 'error') expect(a.message).toContain(LSTM_EXAMPLE);
    }
  });

  it('hostile text is quoted back verbatim in the error (renderers escape it)', () => {
    expect(refusal('4096 256 <!channel>')).toContain('`<!channel>`');
    expect(refusal('<@U123> 256')).toContain('`<@U123>`');
  });
});

describe('readInteger', () => {
  it('reads plain digits, underscores, grouped thousands, a leading +', () => {
    expect(readInteger('4096')).toEqual({ ok: true, value: 4096n });
    expect(readInteger('4_096')).toEqual({ ok: true, value: 4096n });
    expect(readInteger('4,096')).toEqual({ ok: true, value: 4096n });
    expect(readInteger('1,000,000')).toEqual({ ok: true, value: 1_000_000n });
    expect(readInteger('+7')).toEqual({ ok: true, value: 7n });
    expect(readInteger('007')).toEqual({ ok: true, value: 7n });
    expect(readInteger('0')).toEqual({ ok: true, value: 0n });
    expect(readInteger('9999999999999')).toEqual({ ok: true, value: 9_999_999_999_999n });
  });
  it('refuses the rest with a reason', () => {
    const why = (s: string) => {
      const r = readInteger(s);
      if (r.ok) throw new Error(`expected ${s} refused`);
      return r.why;
    };
    expect(why('-3')).toMatch(/negative/);
    expect(why('2.5')).toMatch(/fraction/);
    expect(why('.5')).toMatch(/fraction/);
    expect(why('1e6')).toMatch(/scientific notation/);
    expect(why('2.5E3')).toMatch(/scientific notation/);
    expect(why('inf')).toMatch(/not a size/);
    expect(why('NaN')).toMatch(/not a size/);
    expect(why('abc')).toMatch(/not a whole number/);
    expect(why('')).toMatch(/not a whole number/);
    expect(why('4,09')).toMatch(/not a whole number/);
    expect(why('12345678901234')).toMatch(/too large/);
    // Long input is clipped in the message.
    expect(why('x'.repeat(500)).length).toBeLessThan(100);
  });
  it('never throws, and what it accepts is the digits it was given', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (s) => {
        const r = readInteger(s);
        if (r.ok) expect(r.value).toBe(BigInt(s.replace(/[_,+]/g, '')));
      }),
    );
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 9_999_999_999_999n }), (n) => {
        expect(readInteger(n.toString())).toEqual({ ok: true, value: n });
        expect(readInteger(n.toLocaleString('en-US'))).toEqual({ ok: true, value: n });
      }),
    );
  });
});

describe('never throws', () => {
  const answerOk = (r: ReturnType<typeof parseSlashText>, cell: CellKind) => {
    if (r.ok === false) {
      expect(typeof r.error).toBe('string');
      expect(r.error).toContain(cell === 'lstm' ? LSTM_EXAMPLE : cell === 'gru' ? '`/gru 128 64`' : '`/rnn 300 128`');
    } else if (r.ok === 'help') {
      expect(r.cell).toBe(cell);
    } else {
      expect(r.query.input === null || r.query.input >= 1n).toBe(true);
      expect(r.query.units === null || r.query.units >= 1n).toBe(true);
      expect(r.query.layers).toBeGreaterThanOrEqual(1);
    }
  };
  it('on random strings', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<CellKind>('lstm', 'gru', 'rnn'),
        fc.string({ unit: 'binary', maxLength: 80 }),
        (cell, s) => {
          answerOk(parseSlashText(cell, s), cell);
        },
      ),
      { numRuns: 1000 },
    );
  });
  it('on random token soups of plausible words', () => {
    const word = fc.constantFrom(
      '4096',
      '256',
      '0',
      '-1',
      '2.5',
      '?',
      '=',
      '= 5',
      'bi',
      'bidirectional',
      'layers=2',
      'layers=',
      'proj=3',
      'proj=9999',
      'no-bias',
      'bias=false',
      'peepholes',
      'reset_after=true',
      'pytorch',
      'tfjs',
      'framework=onnx',
      'flax',
      'tf1',
      ',',
      '->',
      'input=7',
      'units=9',
      'seq=10',
      'compare',
      'help',
      '<!channel>',
      '<@U123>',
      '&amp;',
      '1,000',
      '1e5',
      'x',
      '(',
      ')',
    );
    fc.assert(
      fc.property(fc.constantFrom<CellKind>('lstm', 'gru', 'rnn'), fc.array(word, { maxLength: 8 }), (cell, words) => {
        const text = words.join(' ');
        answerOk(parseSlashText(cell, text), cell);
        // And the whole pipeline: always an Answer, never a throw.
        const a = answerQuery(text, { command: `/${cell}` });
        expect(['count', 'help', 'error']).toContain(a.kind);
      }),
      { numRuns: 500 },
    );
  });
  it('on long pathological input (at the 100,000-character query limit) it still answers', () => {
    // Each of these once backtracked quadratically in the parser's regexes (seconds per query).
    const n = 99_000;
    const inputs = [
      'a'.repeat(n),
      'a.'.repeat(n / 2),
      '1'.repeat(n) + 'x',
      '1='.repeat(n / 2) + ' b',
      '_'.repeat(n),
      'a-'.repeat(n / 2),
    ];
    for (const s of inputs) {
      const r = parseSlashText('lstm', s);
      expect(r.ok).toBe(false);
      const a = answerQuery('/lstm ' + s);
      expect(a.kind).toBe('error');
    }
  });
});
