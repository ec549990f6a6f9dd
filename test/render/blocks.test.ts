// Block Kit replies: the /lstm 4096 256 contents, Slack's limits on any answer, escaping of anything
// that echoes the user, and buttons whose value decodes back to the query.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { answerQuery } from '../../src/answer.js';
import type { Answer } from '../../src/answer.js';
import { decodeButtonValue, encodeButtonValue, MAX_BUTTON_VALUE } from '../../src/render/button-value.js';
import {
  COMPARE_ACTION,
  MAX_BLOCKS,
  MAX_HEADER_CHARS,
  MAX_SECTION_CHARS,
  renderBlocks,
  SHARE_ACTION,
} from '../../src/render/blocks.js';
import type { SlackMessage } from '../../src/render/blocks.js';

type Block = Record<string, unknown>;

/** The full reply (the "More" button's): the short one is checked in short-reply.test.ts. */
function reply(query: string): { answer: Answer; message: SlackMessage; blocks: Block[] } {
  const answer = answerQuery(query);
  const message = renderBlocks(answer, { form: 'full' });
  return { answer, message, blocks: message.blocks as unknown as Block[] };
}

/** Every string in a `text` field anywhere in the message (button values excluded: never shown). */
function textFields(m: SlackMessage): string[] {
  const out: string[] = [m.text];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if (k === 'text' && typeof x === 'string') out.push(x);
        else walk(x);
      }
    }
  };
  walk(m.blocks);
  return out;
}

const sectionTexts = (blocks: Block[]) =>
  blocks.filter((b) => b.type === 'section').map((b) => (b.text as { text: string }).text);
const contextTexts = (blocks: Block[]) =>
  blocks.filter((b) => b.type === 'context').flatMap((b) => (b.elements as { text: string }[]).map((e) => e.text));
const codeBlocks = (blocks: Block[]) =>
  sectionTexts(blocks).flatMap((t) => [...t.matchAll(/```([\s\S]*?)```/g)].map((m) => m[1]!));

/** Slack's limits, checked on any message. */
function expectWithinLimits(m: SlackMessage): void {
  expect(m.text.length).toBeGreaterThan(0);
  expect(m.text.length).toBeLessThanOrEqual(40_000);
  expect(m.blocks.length).toBeGreaterThan(0);
  expect(m.blocks.length).toBeLessThanOrEqual(MAX_BLOCKS);
  for (const b of m.blocks as unknown as Block[]) {
    expect(['header', 'section', 'context', 'actions']).toContain(b.type);
    if (b.type === 'header') {
      const t = b.text as { type: string; text: string };
      expect(t.type).toBe('plain_text');
      expect(t.text.length).toBeGreaterThan(0);
      expect(t.text.length).toBeLessThanOrEqual(MAX_HEADER_CHARS);
    }
    if (b.type === 'section') {
      const t = b.text as { type: string; text: string };
      expect(t.type).toBe('mrkdwn');
      expect(t.text.length).toBeGreaterThan(0);
      expect(t.text.length).toBeLessThanOrEqual(MAX_SECTION_CHARS);
      // Code fences come in pairs: a cut never leaves one open.
      expect((t.text.match(/```/g) ?? []).length % 2).toBe(0);
    }
    if (b.type === 'context') {
      const els = b.elements as { type: string; text: string }[];
      expect(els.length).toBeGreaterThan(0);
      expect(els.length).toBeLessThanOrEqual(10);
      for (const e of els) expect(e.text.length).toBeLessThanOrEqual(MAX_SECTION_CHARS);
    }
    if (b.type === 'actions') {
      const els = b.elements as { action_id: string; value: string; text: { text: string } }[];
      expect(els.length).toBeLessThanOrEqual(25);
      for (const e of els) {
        expect(e.value.length).toBeLessThanOrEqual(MAX_BUTTON_VALUE);
        expect(e.text.text.length).toBeLessThanOrEqual(75);
      }
    }
  }
  // The buttons, when present, come last.
  const types = (m.blocks as unknown as Block[]).map((b) => b.type);
  expect(types.indexOf('actions') === -1 || types.indexOf('actions') === types.length - 1).toBe(true);
}

/** Nothing in any text field can become a ping or a link: no raw < or >, every & an entity. */
function expectInert(m: SlackMessage): void {
  for (const t of textFields(m)) {
    expect(t).not.toMatch(/[<>]/);
    expect(t).not.toMatch(/&(?!amp;|lt;|gt;)/);
    expect(t).not.toContain('<!channel>');
    expect(t).not.toContain('<@U123>');
    expect(t).not.toContain('<https://x|click>');
    expect(t).not.toMatch(/@(channel|here|everyone)/i);
  }
}

describe('/lstm 4096 256', () => {
  const { answer, message, blocks } = reply('/lstm 4096 256');
  const sections = sectionTexts(blocks);
  const all = sections.join('\n');
  const notes = contextTexts(blocks).join('\n');

  it('a header with the total, sections, code blocks, a context and the buttons', () => {
    expect(blocks[0]).toEqual({
      type: 'header',
      text: { type: 'plain_text', text: 'LSTM 4,096 → 256: 4,457,472 parameters' },
    });
    expect(blocks.map((b) => b.type)).toEqual([
      'header',
      'section',
      'section',
      'section',
      'section',
      'section',
      'context',
      'actions',
    ]);
    expect(message.text).toBe('LSTM 4,096 → 256: 4,457,472 parameters (Keras 3 / tf.keras)');
    expectWithinLimits(message);
  });

  it('the gates, the concatenated width, the weights, bias and count per gate, the total', () => {
    expect(all).toContain('4 gates (input, forget, cell candidate, output)');
    expect(all).toContain('[h_{t-1}, x_t] width: 256 (h_{t-1}) + 4,096 (x_t) = *4,352*');
    expect(all).toContain('weights per gate: 4,352 ([h, x] width) x 256 (units) = *1,114,112*');
    expect(all).toContain('bias per gate: *256*');
    expect(all).toContain('per gate: 1,114,112 (weights) + 256 (bias) = *1,114,368*');
    expect(all).toContain('total: 4 (gates) x 1,114,368 (per gate) = *4,457,472*');
  });

  it('the one-line formula in a code block', () => {
    expect(codeBlocks(blocks)).toContain('4 x ((4096 + 256) x 256 + 256) = 4,457,472');
  });

  it('the cuDNN note: b_ih and b_hh, +4 x 256 = 1,024 -> 4,458,496', () => {
    expect(sections[0]).toContain('cuDNN / PyTorch: *4,458,496* (+1,024)');
    expect(all).toMatch(
      /cuDNN and PyTorch keep two bias vectors \(b_ih and b_hh\), one more per gate: 4 gates x 256 units = 1,024 more → \*4,458,496\*/,
    );
  });

  it('memory in float32 and float16/bfloat16', () => {
    expect(answer.kind === 'count' && answer.memory).toEqual({ float32: 17_829_888n, float16: 8_914_944n });
    expect(notes).toContain('Memory: 17.0 MiB in float32, 8.5 MiB in float16/bfloat16');
    expect(notes).toContain('cudnn 4,458,496');
  });

  it('a picture of the cell in a code block', () => {
    const picture = codeBlocks(blocks).find((c) => c.startsWith('[ h_{t-1} | x_t ]'));
    expect(picture).toBeDefined();
    expect(picture).toContain('256 + 4,096 = 4,352');
    for (const gate of ['├─ input (σ)', '├─ forget (σ)', '├─ cell candidate (tanh)', '└─ output (σ)'])
      expect(picture).toContain(gate);
    expect(picture!.match(/4,352x256 \+ 256 = 1,114,368/g)).toHaveLength(4);
    expect(picture).toContain('4 x 1,114,368 = 4,457,472');
    for (const line of picture!.split('\n')) expect(line.length).toBeLessThanOrEqual(60);
  });

  it('the Keras tensors with their shapes', () => {
    const table = codeBlocks(blocks).find((c) => c.includes('recurrent_kernel'))!;
    expect(table).toMatch(/^kernel +\(4096, 1024\) +4,194,304$/m);
    expect(table).toMatch(/^recurrent_kernel +\(256, 1024\) +262,144$/m);
    expect(table).toMatch(/^bias +\(1024,\) +1,024$/m);
    expect(all).toContain('*Tensors (Keras 3 / tf.keras layout)*');
  });

  it('Share and Compare buttons carrying the query', () => {
    const actions = blocks.at(-1)!;
    const els = actions.elements as { action_id: string; value: string }[];
    expect(els.map((e) => e.action_id)).toEqual([SHARE_ACTION, COMPARE_ACTION]);
    expect([SHARE_ACTION, COMPARE_ACTION]).toEqual(['paramcount_share', 'paramcount_compare']);
    for (const e of els) expect(decodeButtonValue(e.value)).toEqual({ query: '/lstm 4096 256' });
  });
});

describe('other conventions show their own tensors', () => {
  const table = (q: string) =>
    codeBlocks(
      reply(q).blocks.filter((b) => b.type === 'section' && (b.text as { text: string }).text.startsWith('*Tensors (')),
    )[0]!;

  it('PyTorch: weight_ih_l0 (4H, I), weight_hh_l0, bias_ih_l0, bias_hh_l0, weight_hr_l0', () => {
    const t = table('/lstm 4096 256 pytorch proj=128');
    expect(t).toMatch(/^weight_ih_l0 +\(1024, 4096\)/m);
    expect(t).toMatch(/^weight_hh_l0 +\(1024, 128\)/m);
    expect(t).toMatch(/^bias_ih_l0 +\(1024,\)/m);
    expect(t).toMatch(/^bias_hh_l0 +\(1024,\)/m);
    expect(t).toMatch(/^weight_hr_l0 +\(128, 256\)/m);
  });

  it('ONNX: W [D, 4H, I], R, B [D, 8H], P [D, 3H]', () => {
    const t = table('/lstm 4096 256 onnx peepholes bi');
    expect(t).toMatch(/^W +\(2, 1024, 4096\)/m);
    expect(t).toMatch(/^R +\(2, 1024, 256\)/m);
    expect(t).toMatch(/^B +\(2, 2048\)/m);
    expect(t).toMatch(/^P +\(2, 768\)/m);
  });
});

describe('multi-layer and bidirectional replies show each layer', () => {
  it('/lstm 4096 256 layers=3 bi pytorch: input width and count per layer', () => {
    const { blocks, answer } = reply('/lstm 4096 256 layers=3 bi pytorch');
    const per = 4n * 256n * (4096n + 256n + 2n);
    const upper = 4n * 256n * (512n + 256n + 2n);
    expect(answer.kind === 'count' && answer.model.total).toBe(2n * per + 2n * 2n * upper);
    const rows = codeBlocks(blocks).find((c) => c.startsWith('layer 0'))!;
    expect(rows.split('\n')).toEqual([
      'layer 0: input 4,096: 2 x 4,458,496 = 8,916,992',
      // Identical layers folded.
      'layers 1–2: input 512: 1,576,960 each',
    ]);
    expect(sectionTexts(blocks).join('\n')).toContain('*Per layer*');
    expect(blocks[0]).toMatchObject({
      text: { text: 'LSTM 4,096 → 256 · bidirectional · 3 layers: 12,070,912 parameters' },
    });
  });

  it('sequence length and batch size are acknowledged and change nothing', () => {
    const plain = reply('/lstm 4096 256');
    const withSeq = reply('/lstm 4096 256 seq_len=100 batch=64');
    const total = (a: Answer) => (a.kind === 'count' ? a.model.total : null);
    expect(total(withSeq.answer)).toBe(total(plain.answer));
    const notes = contextTexts(withSeq.blocks).join('\n');
    expect(notes).toContain('Sequence length (100) never changes the parameter count');
    expect(notes).toContain('Batch size (64) never changes the parameter count');
  });
});

describe('errors and help', () => {
  it('an error is a warning section plus a hint, no buttons', () => {
    const { message, blocks } = reply('/lstm 4096');
    expect(blocks.map((b) => b.type)).toEqual(['section', 'context']);
    expect(sectionTexts(blocks)[0]).toMatch(/^:warning: the units are missing/);
    expect(sectionTexts(blocks)[0]).toContain('`/lstm 4096 256`');
    expect(message.text).toMatch(/^Sorry: /);
    expectWithinLimits(message);
  });
  it('help lists the forms and options, escaped', () => {
    const { message, blocks } = reply('/lstm help');
    const all = sectionTexts(blocks).join('\n');
    expect(all).toContain('`/lstm 4096 256`');
    expect(all).toContain('`bidirectional`');
    expect(all).toContain('`layers=N`');
    expect(all).toContain('`proj=N`');
    expect(all).toContain('`/lstm &lt;input&gt; &lt;units&gt; [options]`');
    expectWithinLimits(message);
    expectInert(message);
  });
});

describe('Slack limits on large and random answers', () => {
  const big = [
    '/lstm 4096 256 layers=1000 bi pytorch',
    '/lstm 4096 256 layers=1000 bi pytorch compare',
    '/gru 1000000000000 1000000000000 layers=1000 bi onnx',
    '/lstm 1000000000000 999999999999 proj=999999999998 layers=1000 bi tf1 peepholes',
    '/rnn 1 1 layers=999 bi flax',
    '/lstm 4096 256 ' + 'seq=1 '.repeat(40),
    '/lstm 4096 256 compare',
    '/lstm 4096 256 = 4458496',
    '/lstm 4096 256 layers=7 bi compare = 12345',
    '/lstm ? 256 = 4457472',
    '/gru 128 ? = 37248 compare',
    '/params ' + Array.from({ length: 120 }, (_, i) => `l${i} = nn.LSTM(${i + 1}, ${i + 2})`).join('\n'),
    '/params nn.Sequential(' + Array.from({ length: 300 }, (_, i) => `nn.Linear(${i + 1}, ${i + 2})`).join(', ') + ')',
  ];
  for (const q of big) {
    it(q.slice(0, 70).replace(/\n/g, ' ⏎ '), () => {
      const { message, answer } = reply(q);
      expect(answer.kind).not.toBe('help');
      expectWithinLimits(message);
      expectInert(message);
    });
  }

  it('/lstm 4096 256 layers=1000 bi pytorch: exact total, header and buttons kept', () => {
    const { message, answer, blocks } = reply('/lstm 4096 256 layers=1000 bi pytorch');
    expect(answer.kind === 'count' && answer.model.total).toBe(1_584_300_032n);
    expect(blocks[0]!.type).toBe('header');
    expect((blocks[0]!.text as { text: string }).text).toContain('1,584,300,032');
    expect(blocks.at(-1)!.type).toBe('actions');
    expectWithinLimits(message);
  });

  const token = fc.oneof(
    fc.constantFrom(
      'bi',
      'no-bias',
      'pytorch',
      'cudnn',
      'onnx',
      'flax',
      'tf1',
      'keras2',
      'compare',
      'peepholes',
      'reset_after=false',
      'seq=9',
      '<!channel>',
      '&',
      '@here',
      '?',
      '= 4457472',
      '= <@U123>',
    ),
    fc.integer({ min: 1, max: 1000 }).map((n) => `layers=${n}`),
    fc.bigInt({ min: 1n, max: 1_000_000_000_000n }).map(String),
    fc.bigInt({ min: 1n, max: 10_000n }).map((n) => `proj=${n}`),
    fc.string({ maxLength: 12 }),
  );
  it('property: any /lstm|/gru|/rnn query renders within limits, inert, never throwing', { timeout: 60_000 }, () => {
    fc.assert(
      fc.property(
        fc.constantFrom('/lstm', '/gru', '/rnn'),
        fc.bigInt({ min: 1n, max: 1_000_000_000_000n }),
        fc.bigInt({ min: 1n, max: 1_000_000_000_000n }),
        fc.array(token, { maxLength: 6 }),
        (cmd, i, h, rest) => {
          const { message } = reply(`${cmd} ${i} ${h} ${rest.join(' ')}`);
          expectWithinLimits(message);
          expectInert(message);
        },
      ),
      { numRuns: 300 },
    );
  });
  // Not a speed check: a budget for a loaded machine (300 runs x 3 queries through vitest's transform).
  it('property: any text at all renders within limits and inert', { timeout: 60_000 }, () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => {
        for (const q of [s, '/lstm ' + s, '/params ' + s]) {
          const { message } = reply(q);
          expectWithinLimits(message);
          expectInert(message);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('escaping hostile text', () => {
  const hostile = [
    '/lstm 4096 256 <!channel>',
    '/lstm <@U123> 256',
    '/lstm 4096 256 <https://x|click>',
    '/lstm &lt;!channel&gt; 256',
    '/lstm 4096 256 seq=<!channel>',
    '/lstm 4096 256 batch=<@U123>',
    '/lstm 4096 256 @channel',
    '/lstm 4096 256 framework=<https://x|click>',
    '/gru <!here> 5',
    '/<!channel> 3 4',
    '<@U123>',
    '/params LSTM(4, name="<!channel> x", input_shape=(10,3))',
    '/params model = Sequential([LSTM(4, name="<@U123> <https://x|click>", input_shape=(10,3)), Dense(2, name="&<>")])',
    '/params nn.LSTM(3, 4) <!channel>',
    '/params <!channel>',
  ];
  for (const q of hostile) {
    it(q, () => {
      const { message } = reply(q);
      expectInert(message);
      expectWithinLimits(message);
    });
  }
  it('the echo is escaped, not dropped', () => {
    expect(sectionTexts(reply('/lstm 4096 256 <!channel>').blocks)[0]).toContain('`&lt;!channel&gt;`');
    expect(sectionTexts(reply('/lstm <@U123> 256').blocks)[0]).toContain('`&lt;@U123&gt;`');
    const header = reply('/params LSTM(4, name="<!channel> x", input_shape=(10,3))').blocks[0]!;
    expect(header).toMatchObject({ type: 'header' });
    expect((header.text as { text: string }).text).toContain('&lt;!channel&gt; x');
    expect(contextTexts(reply('/lstm 4096 256 seq=<!channel>').blocks).join('\n')).toContain(
      'Sequence length (&lt;!channel&gt;)',
    );
  });
});

describe('button values', () => {
  it('decode back to the query for every count reply', () => {
    for (const q of [
      '/lstm 4096 256',
      '/gru 128 64 pytorch bi',
      '/rnn 300 128 layers=2',
      'nn.LSTM(300, 512, num_layers=2)',
      '/lstm 4096 256 seq=<!channel>',
    ]) {
      const { message, answer } = reply(q);
      const actions = (message.blocks as unknown as Block[]).find((b) => b.type === 'actions')!;
      for (const e of actions.elements as { value: string }[]) {
        const decoded = decodeButtonValue(e.value);
        expect(decoded).toEqual({ query: answer.query });
        // Answering the value again gives the same answer.
        const again = answerQuery(decoded!.query);
        expect(again.kind).toBe('count');
        if (again.kind === 'count' && answer.kind === 'count') expect(again.model.total).toBe(answer.model.total);
      }
    }
  });
  it('property: encode/decode round-trips any query that fits', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 3000 }), (q) => {
        const v = encodeButtonValue(q);
        if (v === null) return;
        expect(v.length).toBeLessThanOrEqual(MAX_BUTTON_VALUE);
        expect(decodeButtonValue(v)).toEqual({ query: q });
      }),
      { numRuns: 200 },
    );
  });
  it('long queries are deflated to fit; incompressible ones that do not fit get no buttons', () => {
    const long = '/params ' + Array.from({ length: 200 }, (_, i) => `l${i} = nn.LSTM(${i + 1}, 64)`).join('\n');
    expect(long.length).toBeGreaterThan(MAX_BUTTON_VALUE);
    const v = encodeButtonValue(long)!;
    expect(v.startsWith('z:')).toBe(true);
    expect(decodeButtonValue(v)).toEqual({ query: long });
    const { message } = reply(long);
    expectWithinLimits(message);
    const actions = (message.blocks as unknown as Block[]).find((b) => b.type === 'actions');
    expect(actions).toBeDefined();

    let seed = 7;
    const noise = Array.from({ length: 6000 }, () => {
      seed = (seed * 48271) % 2147483647;
      return String.fromCharCode(33 + (seed % 90));
    }).join('');
    expect(encodeButtonValue(noise)).toBeNull();
  });
  it('garbage values decode to null, never throw', () => {
    for (const v of [
      '',
      'x',
      '{}',
      '{"q":5}',
      'null',
      '[1]',
      'z:',
      'z:!!!!',
      'z:' + Buffer.from('nope').toString('base64'),
      '{"q":"a"',
    ]) {
      expect(decodeButtonValue(v)).toBeNull();
    }
    expect(decodeButtonValue('{"q":"/lstm 1 2"}')).toEqual({ query: '/lstm 1 2' });
  });
});
