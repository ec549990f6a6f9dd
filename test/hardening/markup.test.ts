// Slack markup typed by a user (`<!channel>`, `<!here>`, `<@U123>`, `<https://x|click>`, `&amp;`...) in
// any position — slash text, code, layer names, comments, dict keys — is echoed only escaped, in every
// displayed field of the blocks and in the fallback text, for counts, errors and help alike.
import { describe, expect, it } from 'vitest';
import { renderBlocks } from '../../src/render/blocks.js';
import { answerAndCheck, displayedStrings } from './check.js';

const MARKUP = [
  '<!channel>',
  '<!here>',
  '<!everyone>',
  '<@U123>',
  '<@U123|alice>',
  '<#C123|general>',
  '<!subteam^S123>',
  '<https://x|click>',
  '<mailto:a@b.c|mail>',
  '&amp;',
  '&lt;!channel&gt;',
  '@channel',
  '@here',
];

const positions: Array<{ where: string; text: (m: string) => string; command?: string }> = [
  { where: 'slash input', text: (m) => `/lstm ${m} 256` },
  { where: 'slash units', text: (m) => `/lstm 4096 ${m}` },
  { where: 'slash option', text: (m) => `/lstm 4096 256 ${m}` },
  { where: 'slash framework=', text: (m) => `/lstm 4096 256 framework=${m}` },
  { where: 'slash layers=', text: (m) => `/gru 128 64 layers=${m}` },
  { where: 'slash stated total', text: (m) => `/lstm 4096 256 = ${m}` },
  { where: 'slash alone', text: (m) => `/rnn ${m}` },
  { where: 'command name', text: (m) => `/${m} 4096 256` },
  { where: 'before the command', text: (m) => `${m} /lstm 4096 256` },
  { where: 'text after /gru', text: (m) => `128 64 ${m}`, command: '/gru' },
  { where: 'text after /params', text: (m) => m, command: '/params' },
  { where: 'code argument', text: (m) => `nn.LSTM(${m}, 256)` },
  { where: 'code comment', text: (m) => `nn.LSTM(300, 512)  # ${m}` },
  { where: 'code string argument', text: (m) => `nn.RNN(300, 512, nonlinearity='${m}')` },
  { where: 'callee', text: (m) => `${m}(300, 512)` },
  { where: 'Keras layer name', text: (m) => `LSTM(64, input_shape=(10, 32), name='${m}')` },
  {
    where: 'Keras model.add name',
    text: (m) =>
      `model = Sequential()\nmodel.add(Input(shape=(8,)))\nmodel.add(Dense(4, name="${m}"))\nmodel.add(Dense(2))`,
  },
  { where: 'Keras list name', text: (m) => `model = Sequential([Input(shape=(8,)), Dense(4, name='${m}'), Dense(2)])` },
  { where: 'Keras model name', text: (m) => `model = Sequential([Input(shape=(8,)), Dense(4)], name='${m}')` },
  { where: 'ModuleDict key', text: (m) => `nn.ModuleDict({'${m}': nn.Linear(2, 2), 'b': nn.Linear(2, 3)})` },
  { where: 'OrderedDict key', text: (m) => `nn.Sequential(OrderedDict([('${m}', nn.Linear(2, 2))]))` },
  {
    where: 'unknown layer',
    text: (m) => `nn.Sequential(nn.Linear(2, 2), nn.Mystery${m.replace(/[^A-Za-z]/g, '')}(3))`,
  },
  { where: 'triple-quoted code', text: (m) => '```\n' + `nn.LSTM(300, 512)  # ${m}` + '\n```' },
];

/** A displayed string that Slack would read as markup or a ping. */
function unsafe(s: string): string | null {
  if (s.includes('<')) return 'a raw <';
  if (s.includes('>')) return 'a raw >';
  const amp = /&(?!amp;|lt;|gt;)/.exec(s);
  if (amp) return 'an unescaped &';
  const ping = /@(channel|here|everyone)/i.exec(s);
  if (ping) return `a bare ${ping[0]}`;
  return null;
}

describe('Slack markup from the user is echoed only escaped', () => {
  for (const p of positions) {
    it(`in the ${p.where}`, () => {
      for (const m of MARKUP) {
        const text = p.text(m);
        const opts = p.command ? { command: p.command } : {};
        const { answer, message } = answerAndCheck(text, opts);
        const messages = [message];
        if (answer.kind === 'count') messages.push(answerAndCheck(text, { ...opts, compare: true }).message);
        for (const msg of messages) {
          for (const s of displayedStrings(msg)) {
            const problem = unsafe(s);
            expect(
              problem,
              `${problem} in a ${answer.kind} reply to ${JSON.stringify(text)}: ${JSON.stringify(s.slice(0, 200))}`,
            ).toBeNull();
          }
        }
      }
    });
  }

  it('a name that is echoed shows up escaped (so the check above is not vacuous)', () => {
    const { answer, message } = answerAndCheck("LSTM(64, input_shape=(10, 32), name='a<!channel>&b')");
    expect(answer.kind).toBe('count');
    const header = (message.blocks[0] as { text: { text: string } }).text.text;
    expect(header).toContain('&lt;!channel&gt;&amp;b');
    expect(message.text).toContain('&lt;!channel&gt;&amp;b');
    const err = answerAndCheck('/lstm 4096 256 <@U123>');
    expect(err.answer.kind).toBe('error');
    expect(displayedStrings(err.message).join('\n')).toContain('&lt;@U123&gt;');
  });

  it('help replies are escaped too', () => {
    const help = renderBlocks(answerAndCheck('help', { command: '/lstm' }).answer);
    for (const s of displayedStrings(help)) expect(unsafe(s), s.slice(0, 120)).toBeNull();
  });
});
