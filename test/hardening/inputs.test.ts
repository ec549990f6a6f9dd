// Hostile and degenerate input: every one is answered by answerQuery with an error or a count (never a
// throw), renders within Block Kit's limits as blocks, text and JSON, and an error that comes from a
// limit states the limit and gives an example. No timed assertions.
import { describe, expect, it } from 'vitest';
import type { AnswerOptions } from '../../src/answer.js';
import { MAX_MODEL_LAYERS, MAX_QUERY_CHARS, MAX_QUERY_LINES } from '../../src/limits.js';
import { answerAndCheck } from './check.js';

const MB2 = 2 * 1024 * 1024;
/** An error message gives an example of what works. */
const EXAMPLE = /e\.g\. `/;

interface Case {
  name: string;
  text: string;
  opts?: AnswerOptions;
  /** 'count' / 'help' when the input is fine; otherwise an error whose message matches every regex. */
  expect: 'count' | 'help' | 'error' | RegExp[];
}

const LIMIT_CHARS = /100,000/;
const LIMIT_LINES = /5,000/;
const LIMIT_NESTING = /64 deep/;
const LIMIT_SIZE = /1,000,000,000,000/;
const LIMIT_LAYERS = /1,?000/;
const LIMIT_MODEL = /2,?000 layers/;

const cases: Case[] = [
  // Nothing at all.
  { name: 'empty text', text: '', expect: 'help' },
  { name: 'empty text after /lstm', text: '', opts: { command: '/lstm' }, expect: 'help' },
  { name: 'empty text after /params', text: '', opts: { command: '/params' }, expect: 'help' },
  { name: 'whitespace', text: ' \t\n\r\n   \u00a0\u2003 ', expect: 'help' },
  { name: 'whitespace after /gru', text: '   \n\n\t', opts: { command: '/gru' }, expect: 'help' },
  // Unprintable and malformed text.
  { name: 'control characters in slash text', text: '/lstm 4096\u0000 256\u0007\u001b[31m', expect: 'error' },
  { name: 'only control characters', text: '\u0000\u0001\u001b]0;title\u0007\u007f'.repeat(100), expect: 'error' },
  {
    name: 'terminal escape in a layer name',
    text: "LSTM(64, input_shape=(10, 32), name='\u001b[31mred\u001b[0m')",
    expect: 'count',
  },
  { name: 'NUL inside code', text: 'nn.LSTM(300,\u0000 512)', expect: 'error' },
  { name: 'lone high surrogate in slash text', text: '/lstm \ud800 256', expect: 'error' },
  { name: 'lone low surrogate in a comment', text: 'nn.LSTM(300, 512)  # \udc00', expect: 'count' },
  {
    name: 'lone surrogate in a layer name',
    text: "LSTM(64, input_shape=(10, 32), name='\ud800x\udfff')",
    expect: 'count',
  },
  { name: 'emoji as sizes', text: '/lstm 🚀 256 😀', expect: 'error' },
  { name: 'emoji in a comment', text: 'nn.LSTM(300, 512)  # 🚀🔥 👩‍👩‍👧', expect: 'count' },
  { name: 'emoji layer name', text: "LSTM(64, input_shape=(10, 32), name='🚀🔥')", expect: 'count' },
  { name: '50,000 emoji (100,000 UTF-16 units)', text: '🚀'.repeat(50_000), expect: 'error' },
  // Sheer size.
  { name: '2 MB of text', text: 'a'.repeat(MB2), expect: [LIMIT_CHARS] },
  {
    name: '2 MB of text after /lstm',
    text: `4096 256 ${'x'.repeat(MB2)}`,
    opts: { command: '/lstm' },
    expect: [LIMIT_CHARS],
  },
  { name: '2 MB of newlines', text: '\n'.repeat(MB2), expect: [LIMIT_CHARS] },
  { name: '20,000 short lines', text: 'a\n'.repeat(20_000), expect: [LIMIT_LINES] },
  {
    name: 'just over the character limit',
    text: 'nn.LSTM(300, 512)' + ' '.repeat(MAX_QUERY_CHARS),
    expect: [LIMIT_CHARS],
  },
  { name: 'just over the line limit', text: 'nn.LSTM(300, 512)' + '\n'.repeat(MAX_QUERY_LINES), expect: [LIMIT_LINES] },
  // Nesting.
  { name: '100,000 nested parentheses', text: '('.repeat(100_000), expect: 'error' },
  { name: '100,000 parentheses, balanced', text: '('.repeat(50_000) + ')'.repeat(50_000), expect: 'error' },
  { name: '100,000 nested parentheses after a layer', text: 'nn.LSTM' + '('.repeat(100_000), expect: [LIMIT_CHARS] },
  { name: '99,990 nested parentheses in a call', text: 'nn.LSTM' + '('.repeat(99_990), expect: [LIMIT_NESTING] },
  { name: '10,000 nested nn.Sequential(', text: 'nn.Sequential('.repeat(10_000), expect: [LIMIT_CHARS] },
  { name: '7,000 nested nn.Sequential(', text: 'nn.Sequential('.repeat(7_000), expect: [LIMIT_NESTING] },
  {
    name: '3,000 nested, closed nn.Sequential',
    text: 'nn.Sequential('.repeat(3_000) + 'nn.Linear(1, 1)' + ')'.repeat(3_000),
    expect: [LIMIT_NESTING],
  },
  // Many layers.
  {
    name: '20,000 model.add lines',
    text: 'model = Sequential()\n' + 'model.add(Dense(10))\n'.repeat(20_000),
    expect: [LIMIT_CHARS],
  },
  {
    name: '4,900 model.add lines (over the model layer limit)',
    text: 'model = Sequential()\nmodel.add(Input(shape=(8,)))\n' + 'model.add(Dense(1))\n'.repeat(4_900),
    expect: [LIMIT_MODEL],
  },
  {
    name: `${MAX_MODEL_LAYERS} model.add lines (at the model layer limit)`,
    text: 'model = Sequential()\nmodel.add(Input(shape=(8,)))\n' + 'model.add(Dense(4))\n'.repeat(MAX_MODEL_LAYERS - 1),
    expect: 'count',
  },
  {
    name: '6,000 layers in one list',
    text: 'nn.Sequential(*[' + 'nn.Linear(1, 1),'.repeat(6_000) + '])',
    expect: [LIMIT_MODEL],
  },
  // Numbers.
  { name: 'a 100,000-digit size', text: '/lstm ' + '9'.repeat(100_000) + ' 256', expect: [LIMIT_CHARS] },
  { name: 'a 99,000-digit size', text: '/lstm ' + '9'.repeat(99_000) + ' 256', expect: [LIMIT_SIZE] },
  { name: 'a 99,000-digit size in code', text: 'nn.LSTM(' + '9'.repeat(99_000) + ', 256)', expect: [/13/, LIMIT_SIZE] },
  { name: '1e309', text: '/lstm 1e309 256', expect: [/scientific/, LIMIT_SIZE] },
  { name: '1e309 in code', text: 'nn.LSTM(1e309, 256)', expect: [/infinity/, LIMIT_SIZE] },
  { name: 'Dense(1e309)', text: 'Dense(1e309)', expect: [LIMIT_SIZE] },
  { name: 'NaN', text: '/lstm NaN 256', expect: [/not a size/, LIMIT_SIZE] },
  { name: "float('nan') in code", text: "nn.LSTM(float('nan'), 256)", expect: [/not a finite number/] },
  { name: "float('inf') in code", text: "Dense(float('inf'))", expect: [/not a finite number/] },
  { name: '2**1000', text: '/lstm 2**1000 256', expect: [LIMIT_SIZE] },
  { name: '2**1000 in code', text: 'nn.LSTM(2**1000, 256)', expect: [LIMIT_SIZE] },
  { name: 'a tower of powers in code', text: 'nn.LSTM(2**2**2**2**2**2, 10)', expect: [LIMIT_SIZE] },
  { name: '10**10**10 in code', text: 'nn.LSTM(10**10**10, 10)', expect: [LIMIT_SIZE] },
  { name: 'a negative input', text: '/lstm -5 256', expect: [/negative/, LIMIT_SIZE] },
  { name: 'negative units', text: '/gru 128 -64', expect: [/negative/, LIMIT_SIZE] },
  { name: 'zero input', text: '/lstm 0 256', expect: [/at least 1/] },
  { name: 'zero units', text: '/gru 128 0', expect: [/at least 1/] },
  { name: 'zero everything', text: '/rnn 0 0', expect: [/at least 1/] },
  { name: 'a negative size in code', text: 'nn.LSTM(-5, 256)', expect: [/positive whole number/, LIMIT_SIZE] },
  { name: 'a zero size in code', text: 'Dense(0)', expect: [/positive whole number/, LIMIT_SIZE] },
  { name: 'layers=0', text: '/lstm 4096 256 layers=0', expect: [/at least 1/] },
  { name: 'layers=-1', text: '/lstm 4096 256 layers=-1', expect: [/negative/, LIMIT_LAYERS] },
  {
    name: 'layers=99999999999999999999',
    text: '/lstm 4096 256 layers=99999999999999999999',
    expect: [/too large/, LIMIT_LAYERS],
  },
  {
    name: 'num_layers=99999999999999999999 in code',
    text: 'nn.LSTM(10, 20, num_layers=99999999999999999999)',
    expect: [/20 digits/, LIMIT_SIZE],
  },
  { name: 'num_layers=5000 in code', text: 'nn.LSTM(10, 20, num_layers=5000)', expect: [LIMIT_LAYERS] },
  {
    name: 'a stated total of 10^30',
    text: '/lstm 4096 256 = ' + '1' + '0'.repeat(30),
    expect: [/too large/, LIMIT_SIZE],
  },
  { name: 'a huge proj', text: '/lstm 4096 256 proj=' + '9'.repeat(40), expect: [LIMIT_SIZE] },
  // The largest sizes accepted still answer, exactly.
  {
    name: 'the largest sizes',
    text: '/lstm 1000000000000 1000000000000 layers=1000 bidirectional pytorch',
    expect: 'count',
  },
];

describe('hostile input: answered, never thrown, rendered within limits', () => {
  for (const c of cases) {
    it(c.name, () => {
      const { answer } = answerAndCheck(c.text, c.opts);
      if (c.expect === 'count' || c.expect === 'help') {
        expect(answer.kind, answer.kind === 'error' ? answer.message : '').toBe(c.expect);
        return;
      }
      expect(answer.kind).toBe('error');
      if (answer.kind !== 'error') return;
      expect(answer.message).toMatch(EXAMPLE);
      if (Array.isArray(c.expect)) for (const re of c.expect) expect(answer.message).toMatch(re);
    });
  }

  it('the largest accepted sizes count exactly (BigInt, no rounding)', () => {
    const { answer } = answerAndCheck('/lstm 1000000000000 1000000000000 pytorch');
    expect(answer.kind).toBe('count');
    if (answer.kind !== 'count') return;
    const H = 10n ** 12n;
    expect(answer.model.total).toBe(4n * H * (H + H + 2n));
  });

  it('an error never echoes more than a clipped piece of a huge input', () => {
    const { answer, message } = answerAndCheck('/lstm ' + '7'.repeat(90_000) + ' 256');
    expect(answer.kind).toBe('error');
    expect(JSON.stringify(message).length).toBeLessThan(5_000);
  });
});
