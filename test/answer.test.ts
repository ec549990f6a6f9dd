// The one pipeline end to end for issue 4's contracts: solving for `?`, checking `= N`, comparing
// frameworks and checking a pasted summary, as the JSON other checks read.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { answerQuery } from '../src/answer.js';
import { renderBlocks } from '../src/render/blocks.js';
import { renderJson } from '../src/render/json.js';
import { renderText } from '../src/render/text.js';

const json = (q: string) => renderJson(answerQuery(q)) as Record<string, any>;

describe('solving for a ?', () => {
  it('/lstm ? 64 = 49408 solves the input width 128 with the rearranged formula', () => {
    const out = json('/lstm ? 64 = 49408');
    expect(out.solved).toEqual({ input: '128' });
    expect(out.total).toBe('49408');
    expect(renderText(answerQuery('/lstm ? 64 = 49408'))).toContain('I = N / (4H) − H − 1');
  });

  it('/lstm 4096 ? = 4457472 solves 256 units from the quadratic', () => {
    const out = json('/lstm 4096 ? = 4457472');
    expect(out.solved).toEqual({ units: '256' });
    expect(out.total).toBe('4457472');
    expect(renderText(answerQuery('/lstm 4096 ? = 4457472'))).toContain('4H² + 4(I + 1)H − N = 0');
  });

  it('works under another convention and for /gru and /rnn', () => {
    // PyTorch GRU: 3H(I + H + 2) with H = 64, I = 100 -> 3 * 64 * 166 = 31,872.
    expect(json('/gru ? 64 = 31872 pytorch').solved).toEqual({ input: '100' });
    // Keras SimpleRNN: H(I + H + 1) with I = 300, H = 128 -> 128 * 429 = 54,912.
    expect(json('/rnn 300 ? = 54912').solved).toEqual({ units: '128' });
  });

  it('names the nearest sizes when no whole number fits', () => {
    const out = json('/lstm ? 64 = 49409');
    expect(out.error).toMatch(/128 gives 49,408/);
    expect(out.error).toMatch(/129 gives 49,664/);
  });

  it('refuses a ? without a total, and two ?s', () => {
    expect(json('/lstm ? 64').error).toMatch(/49408/);
    expect(json('/lstm ? ? = 100').error).toBeTruthy();
  });
});

describe('checking a claim', () => {
  it('/lstm 4096 256 = 4458496 holds for pytorch, cudnn, onnx and not keras (off by 1,024)', () => {
    const out = json('/lstm 4096 256 = 4458496');
    expect(out.claim.stated).toBe('4458496');
    expect(out.claim.conventions).toEqual(['pytorch', 'cudnn', 'onnx']);
    const keras = out.claim.rows.find((r: any) => r.convention === 'keras');
    expect(keras.total).toBe('4457472');
    expect(keras.explanation).toBe('off by 1,024 = 4 gates x 256 second biases');
  });

  it('accepts a grouped total', () => {
    expect(json('/lstm 4096 256 = 4,457,472').claim.conventions).toEqual(['keras', 'keras2', 'flax', 'tf1']);
  });
});

describe('compare', () => {
  it('lays out every convention with its difference from the first', () => {
    const out = json('/lstm 4096 256 compare');
    expect(out.comparison[0]).toEqual({ convention: 'keras', total: '4457472', difference: '0' });
    expect(out.comparison.find((r: any) => r.convention === 'cudnn')).toMatchObject({
      total: '4458496',
      difference: '1024',
    });
    const blocks = JSON.stringify(renderBlocks(answerQuery('/lstm 4096 256', { compare: true })).blocks);
    expect(blocks).toContain('Every framework side by side');
  });
});

describe('a pasted model', () => {
  it("its title counts the layers with thousands separators, like every other figure: 'Model with 1,000 layers'", () => {
    const text = renderText(answerQuery(`nn.Sequential(${'nn.Linear(1, 1),'.repeat(1000)})`));
    expect(text.split('\n')[0]).toBe('Model with 1,000 layers: 2,000 parameters (PyTorch)');
  });
});

describe('a pasted summary', () => {
  it("an edited row: the layers in the JSON add up to the engine's total, not the stated one (issue 11)", () => {
    const table = [
      'Layer (type)                 Output Shape              Param #',
      '=================================================================',
      'lstm_1 (LSTM)                (None, 20, 64)            16900',
      'dense_1 (Dense)              (None, 10)                650',
      '=================================================================',
      'Total params: 17,550',
    ].join('\n');
    const out = json(table);
    expect(out.total).toBe('17546');
    expect(out.layers.map((l: { params: string }) => l.params)).toEqual(['16896', '650']);
    expect(out.verification.total).toMatchObject({ stated: '17550', computed: '17546', agrees: false });
  });
  it('several tables pasted: the answer says only the first was checked', () => {
    const table = 'Layer (type) Output Shape Param #\n' + '='.repeat(30) + '\nd (Dense) (None, 1) 2\nTotal params: 2\n';
    const out = json(table + table + table);
    expect(out.total).toBe('2');
    expect(out.notes).toEqual([
      'Several summaries were pasted; only the first (lines 1–3) was checked. Paste the others one at a time.',
    ]);
    expect(renderText(answerQuery(table + table))).toContain('only the first (lines 1–3) was checked');
  });

  it("total / trainable / non_trainable are the engine's, with the summary's frozen layers (tfjs 5,040 + 196; torchinfo (9,408))", () => {
    const read = (name: string) => readFileSync(new URL(`./fixtures/summaries/${name}`, import.meta.url), 'utf8');
    expect(json(read('tfjs-bidirectional-gru-frozen.txt'))).toMatchObject({
      total: '5236',
      trainable: '5040',
      non_trainable: '196',
    });
    expect(json(read('torchinfo-frozen-multadds.txt'))).toMatchObject({
      total: '10186',
      trainable: '650',
      non_trainable: '9536',
    });
  });

  const summary = readFileSync(new URL('./fixtures/summaries/keras2-cudnn-bidirectional.txt', import.meta.url), 'utf8')
    .split('\n')
    .slice(1)
    .join('\n');

  it('rebuilds each row and names the 2,400 second biases of the CuDNN row', () => {
    for (const q of [summary, '/params ' + summary, '```' + summary + '```']) {
      const out = json(q);
      expect(out.verification.rows.map((r: any) => [r.name, r.status, r.stated, r.computed])).toEqual([
        ['embedding', 'agrees', '192000', '192000'],
        ['bidirectional', 'agrees', '1444800', '1444800'],
      ]);
      const bi = out.verification.rows[1];
      expect(bi.conventions).toEqual(['pytorch', 'cudnn', 'onnx']);
      expect(bi.note).toContain('the 2,400 are 2 directions x 4 gates x 300 second biases');
      expect(out.verification.rows[0].note).toMatch(/640/);
      expect(out.verification.total).toEqual({
        stated: '1636800',
        computed: '1636800',
        agrees: true,
        trainable: { stated: '1636800', computed: '1636800', agrees: true },
        non_trainable: { stated: '0', computed: '0', agrees: true },
      });
    }
  });

  it('renders within Slack limits with the row statuses', () => {
    const msg = renderBlocks(answerQuery(summary));
    expect(msg.blocks.length).toBeLessThanOrEqual(50);
    expect(JSON.stringify(msg.blocks)).toContain('1,444,800');
  });
});

describe('a long pasted model in Slack', () => {
  // 60 stacked Keras LSTMs: LSTM(h) over width w has 4h(w + h + 1) parameters.
  const widths = Array.from({ length: 60 }, (_, i) => 10 + i);
  const code =
    'model = Sequential()\nmodel.add(Embedding(1000, 64, input_length=10))\n' +
    widths.map((h) => `model.add(LSTM(${h}, return_sequences=True))`).join('\n');

  it('leads with the table, derives the largest layers and offers the rest behind a button', async () => {
    const { renderLayerDetails } = await import('../src/render/blocks.js');
    const answer = answerQuery(code);
    let expected = 64000n;
    let w = 64n;
    for (const h of widths.map(BigInt)) {
      expected += 4n * h * (w + h + 1n);
      w = h;
    }
    expect(answer.kind === 'count' && answer.model.total).toBe(expected);
    // The short reply offers More; the full one (More's) offers the remaining derivations.
    const shortActions = renderBlocks(answer).blocks.at(-1) as { elements: { action_id: string }[] };
    expect(shortActions.elements.map((e) => e.action_id)).toEqual([
      'paramcount_share',
      'paramcount_more',
      'paramcount_compare',
    ]);
    const msg = renderBlocks(answer, { form: 'full' });
    expect(msg.blocks.length).toBeLessThanOrEqual(50);
    const actions = msg.blocks.at(-1) as { type: string; elements: { action_id: string }[] };
    expect(actions.elements.map((e) => e.action_id)).toEqual([
      'paramcount_share',
      'paramcount_compare',
      'paramcount_details',
    ]);
    const rest = renderLayerDetails(answer);
    const derived = rest.flatMap((m) => m.blocks);
    // 61 layers with parameters, 6 derived in the answer itself.
    expect(derived).toHaveLength(61 - 6);
    for (const m of rest) expect(m.blocks.length).toBeLessThanOrEqual(50);
    // The smallest layer (the LSTM(10) over the 64-wide embedding) is among the follow-ups.
    expect(JSON.stringify(derived)).toContain(String(4 * 10 * (64 + 10 + 1)).replace(/\B(?=(\d{3})+$)/g, ','));
  });
});

describe('layer names in pasted code', () => {
  it('keep their case (Keras reports the name as given)', () => {
    const out = json('LSTM(64, name="MyLSTM", input_shape=(10, 32))');
    expect(out.layers[0].name).toBe('MyLSTM');
    // Keras LSTM(64) over 32 features: 4 * 64 * (32 + 64 + 1).
    expect(out.total).toBe(String(4 * 64 * (32 + 64 + 1)));
  });
});

describe('lang= after pasted code', () => {
  it('a last word lang=zh|fr chooses the reply language for code as for shorthand', () => {
    const zh = answerQuery('nn.Linear(300, 128) lang=zh');
    expect(zh.kind).toBe('count');
    expect(zh.locale).toBe('zh');
    expect(renderText(zh)).toContain('Linear：38,528 个参数');
    const fr = answerQuery('model = nn.Sequential(nn.Linear(3, 4))\nLANG=fr');
    expect(fr.locale).toBe('fr');
    expect(renderText(fr)).toContain('16 paramètres');
    // A language I do not speak is not taken as one (it stays part of the paste, as before).
    expect(answerQuery('nn.Linear(300, 128) lang=de').locale).toBe('en');
  });
});
