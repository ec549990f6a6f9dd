// Property tests (fast-check):
//   - random valid slash specs agree with an independent closed-form count (Keras 3, Keras 2 and
//     PyTorch/cuDNN LSTM/GRU/RNN; stacked layers; bidirectional; with and without bias), whatever the
//     spelling and option order;
//   - random strings, token soup and mutated oracle queries never throw, never hit the pipeline's
//     last-resort catch, and always render within Block Kit's limits.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { answerAndCheck } from './check.js';

/** FC_RUNS=10 multiplies the number of runs (a longer soak). */
const RUNS = Math.max(1, Number(process.env.FC_RUNS ?? 1));

type Cell = 'lstm' | 'gru' | 'rnn';
type Conv = 'keras' | 'keras2' | 'pytorch' | 'cudnn';

/** Written from the frameworks' documented weight shapes, not from the engine. */
function closedForm(cell: Cell, conv: Conv, I: bigint, H: bigint, layers: number, bi: boolean, bias: boolean): bigint {
  const gates = { lstm: 4n, gru: 3n, rnn: 1n }[cell];
  // Bias vectors per gate: PyTorch/cuDNN keep b_ih and b_hh; Keras 3's GRU (reset_after=True) has
  // two as well; Keras 2's GRU (reset_after=False) and every other Keras cell have one.
  const b = !bias ? 0n : conv === 'pytorch' || conv === 'cudnn' ? 2n : conv === 'keras' && cell === 'gru' ? 2n : 1n;
  const dirs = bi ? 2n : 1n;
  let total = 0n;
  for (let l = 0; l < layers; l++) {
    const input = l === 0 ? I : H * dirs;
    total += dirs * gates * H * (input + H + b);
  }
  return total;
}

const size = fc.oneof(
  { weight: 4, arbitrary: fc.bigInt(1n, 4096n) },
  { weight: 1, arbitrary: fc.bigInt(1n, 10n ** 12n) },
);

const spec = fc.record({
  cell: fc.constantFrom<Cell>('lstm', 'gru', 'rnn'),
  conv: fc.option(fc.constantFrom<Conv>('keras', 'keras2', 'pytorch', 'cudnn'), { nil: undefined }),
  I: size,
  H: size,
  layers: fc.oneof(
    { weight: 5, arbitrary: fc.integer({ min: 1, max: 4 }) },
    { weight: 1, arbitrary: fc.integer({ min: 1, max: 1000 }) },
  ),
  bi: fc.boolean(),
  bias: fc.boolean(),
  sizes: fc.constantFrom('plain', 'comma', 'arrow', 'named', 'in-hidden', 'underscores'),
  biWord: fc.constantFrom('bidirectional', 'bi', 'bidirectional=true'),
  noBiasWord: fc.constantFrom('no-bias', 'bias=false'),
  convWord: fc.constantFrom('plain', 'framework='),
  inline: fc.boolean(),
  order: fc.array(fc.nat(), { minLength: 3, maxLength: 3 }),
});

function underscored(n: bigint): string {
  return n.toString().replace(/\B(?=(\d{3})+(?!\d))/g, '_');
}

describe('slash specs agree with the closed form', () => {
  it('random valid /lstm, /gru, /rnn', { timeout: 120_000 }, () => {
    fc.assert(
      fc.property(spec, (s) => {
        const sizes = {
          plain: `${s.I} ${s.H}`,
          comma: `${s.I}, ${s.H}`,
          arrow: `${s.I} -> ${s.H}`,
          named: `input=${s.I} units=${s.H}`,
          'in-hidden': `in=${s.I} hidden=${s.H}`,
          underscores: `${underscored(s.I)} ${underscored(s.H)}`,
        }[s.sizes];
        const options: string[] = [];
        if (s.bi) options.push(s.biWord);
        if (s.layers > 1) options.push(`layers=${s.layers}`);
        if (!s.bias) options.push(s.noBiasWord);
        if (s.conv) options.push(s.convWord === 'plain' ? s.conv : `framework=${s.conv}`);
        // A permutation of the options, driven by the generated order.
        const shuffled = options
          .map((o, i) => ({ o, k: s.order[i % s.order.length]! * 10 + i }))
          .sort((a, b) => a.k - b.k)
          .map((x) => x.o);
        const rest = [sizes, ...shuffled].join(' ');
        const { answer } = s.inline
          ? answerAndCheck(`/${s.cell} ${rest}`)
          : answerAndCheck(rest, { command: `/${s.cell}` });
        if (answer.kind !== 'count')
          throw new Error(`${s.cell} ${rest}: ${answer.kind === 'error' ? answer.message : answer.kind}`);
        expect(answer.model.total).toBe(closedForm(s.cell, s.conv ?? 'keras', s.I, s.H, s.layers, s.bi, s.bias));
      }),
      { numRuns: 300 * RUNS },
    );
  });
});

const oracle: string[] = readFileSync(new URL('../fixtures/oracle-cases.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l) => (JSON.parse(l) as { query: string }).query);

/** Characters that matter to the parsers, plus hostile ones. */
const nastyChar = fc.oneof(
  fc.constantFrom(
    '(',
    ')',
    '[',
    ']',
    '{',
    '}',
    ',',
    '=',
    ':',
    "'",
    '"',
    '#',
    '*',
    '.',
    '-',
    '+',
    '\n',
    ' ',
    '\t',
    '_',
    '\\',
    '`',
  ),
  fc.constantFrom('0', '1', '9', 'e', 'x', '?', '/', '<', '>', '&', '@', '|', '!'),
  fc.constantFrom('\u0000', '\u001b', '\u007f', '\ud800', '\udc00', '🚀', '\u200b', '\u00a0', 'é', '中'),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
);

const tokenSoup = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        'nn.LSTM',
        'nn.GRU',
        'nn.Linear',
        'nn.Sequential',
        'nn.Conv2d',
        'nn.Embedding',
        'LSTM',
        'GRU',
        'Dense',
        'Bidirectional',
        'Sequential',
        'model.add',
        'Input',
      ),
      fc.constantFrom(
        '(',
        ')',
        '(',
        ')',
        ',',
        ', ',
        '=',
        '[',
        ']',
        '**',
        '*',
        '-',
        '.',
        ':',
        '\n',
        '    ',
        "'",
        'True',
        'False',
        'None',
      ),
      fc.constantFrom(
        'input_shape',
        'num_layers',
        'bidirectional',
        'units',
        'name',
        'return_sequences',
        'hidden_size',
        'proj_size',
        'lambda',
        '__class__',
        'eval',
        'self.x =',
      ),
      fc.constantFrom(
        '/lstm',
        '/gru',
        '/params',
        'layers=',
        'bi',
        'pytorch',
        'keras',
        '= ',
        '?',
        '->',
        'compare',
        'no-bias',
        'proj=',
      ),
      fc.oneof(
        fc.bigInt(-5n, 5000n).map(String),
        fc.constantFrom('1e309', 'NaN', '2**1000', '99999999999999999999', '0', '4_096', '4,096', '1.5'),
      ),
      nastyChar,
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(''));

const commandOpt = fc.option(fc.constantFrom('/lstm', '/gru', '/rnn', '/params', '/LSTM', '/unknown'), {
  nil: undefined,
});

describe('arbitrary input never throws and always renders within limits', () => {
  it('random strings', { timeout: 120_000 }, () => {
    fc.assert(
      fc.property(
        fc.constantFrom(
          '',
          '/lstm ',
          '/gru ',
          '/rnn ',
          '/params ',
          'nn.LSTM(',
          'LSTM(',
          'model.add(',
          '/lstm 4096 256 ',
          'nn.Sequential(',
          '```\n',
        ),
        fc.oneof(
          fc.string({ unit: 'binary', maxLength: 120 }),
          fc.string({ unit: 'grapheme', maxLength: 60 }),
          fc.string({ unit: nastyChar, maxLength: 80 }),
        ),
        commandOpt,
        (prefix, body, command) => {
          answerAndCheck(prefix + body, command ? { command } : {});
        },
      ),
      { numRuns: 400 * RUNS },
    );
  });

  it('token soup (strings that look like code and slash specs)', { timeout: 120_000 }, () => {
    fc.assert(
      fc.property(tokenSoup, commandOpt, fc.boolean(), (text, command, compare) => {
        answerAndCheck(text, { ...(command ? { command } : {}), compare });
      }),
      { numRuns: 500 * RUNS },
    );
  });

  it('oracle fixture queries with random character inserts, deletes and replacements', { timeout: 120_000 }, () => {
    const edit = fc.record({ kind: fc.constantFrom('insert', 'delete', 'replace'), at: fc.nat(), ch: nastyChar });
    fc.assert(
      fc.property(fc.constantFrom(...oracle), fc.array(edit, { minLength: 1, maxLength: 8 }), (query, edits) => {
        let q = query;
        for (const e of edits) {
          const i = e.at % (q.length + 1);
          if (e.kind === 'insert') q = q.slice(0, i) + e.ch + q.slice(i);
          else if (e.kind === 'delete') q = q.slice(0, i) + q.slice(i + 1);
          else q = q.slice(0, i) + e.ch + q.slice(i + 1);
        }
        answerAndCheck(q);
      }),
      { numRuns: 500 * RUNS },
    );
  });

  it('every oracle query itself, plain and compared', { timeout: 120_000 }, () => {
    for (const q of oracle) {
      const { answer } = answerAndCheck(q);
      expect(answer.kind, q).toBe('count');
      answerAndCheck(q, { compare: true });
    }
  });
});
