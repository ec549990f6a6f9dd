import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MAX_QUERY_CHARS, MAX_QUERY_LINES } from '../../src/limits.js';
import { cleanSummaryText, looksLikeSummary, parseCount, parseShape, parseSummary } from '../../src/parse/summary.js';
import type { SummaryFormat, SummaryParse, SummaryRow } from '../../src/parse/summary.js';

const DIR = new URL('../fixtures/summaries/', import.meta.url);
const read = (f: string) => readFileSync(new URL(f, DIR), 'utf8');
const FIXTURES = readdirSync(DIR).filter((f) => f.endsWith('.txt'));

function ok(text: string): Extract<SummaryParse, { ok: true }> {
  const p = parseSummary(text);
  if (!p.ok) throw new Error(p.error);
  return p;
}

const brief = (r: SummaryRow) => [r.name, r.type, r.stated];

interface Expect {
  format: SummaryFormat;
  rows: number;
  total?: bigint;
  trainable?: bigint;
  nonTrainable?: bigint;
  optimizer?: bigint;
}

const EXPECTED: Record<string, Expect> = {
  'keras1-bidirectional-misaligned.txt': {
    format: 'keras1',
    rows: 4,
    total: 10084967n,
    trainable: 10084967n,
    nonTrainable: 0n,
  },
  'keras1-clickbait-conv1d.txt': { format: 'keras1', rows: 15, total: 201533n, trainable: 201339n, nonTrainable: 194n },
  'keras1-imdb-commented.txt': { format: 'keras1', rows: 3, total: 213301n },
  'keras1-imdb-lstm.txt': { format: 'keras1', rows: 3, total: 213301n },
  'keras2-cudnn-bidirectional.txt': {
    format: 'keras2',
    rows: 2,
    total: 1636800n,
    trainable: 1636800n,
    nonTrainable: 0n,
  },
  'keras2-functional-connected.txt': { format: 'keras2', rows: 7, total: 1329921n },
  'keras2-lstm-bidirectional.txt': { format: 'keras2', rows: 2, total: 1634400n },
  'keras2-tf29-wrapped.txt': { format: 'keras2', rows: 5, total: 866529n, trainable: 866017n, nonTrainable: 512n },
  'keras2-total-float.txt': { format: 'keras2', rows: 2, total: 146n, trainable: 146n, nonTrainable: 0n },
  'keras2-truncated-shapes.txt': { format: 'keras2', rows: 6, total: 29501124n, nonTrainable: 32n },
  'keras3-bidirectional-lstm.txt': {
    format: 'keras3',
    rows: 1,
    total: 1442400n,
    trainable: 1442400n,
    nonTrainable: 0n,
  },
  'keras3-functional-narrow.txt': { format: 'keras3', rows: 10, total: 329865n, trainable: 329801n, nonTrainable: 64n },
  'keras3-nested.txt': { format: 'keras3', rows: 6, total: 9539n },
  'keras3-trained-optimizer.txt': {
    format: 'keras3',
    rows: 3,
    total: 3988421n,
    trainable: 1329473n,
    nonTrainable: 0n,
    optimizer: 2658948n,
  },
  'slack-keras2-cudnn.txt': { format: 'keras2', rows: 2, total: 1636800n },
  'tfjs-bidirectional-gru-frozen.txt': { format: 'tfjs', rows: 2, total: 5236n, trainable: 5040n, nonTrainable: 196n },
  'tfjs-bidirectional-lstm.txt': { format: 'tfjs', rows: 2, total: 1445405n },
  'tfjs-bidirectional-sum-nobias.txt': { format: 'tfjs', rows: 4, total: 23056n },
  'tfjs-conv2d-dense.txt': { format: 'tfjs', rows: 6, total: 96522n, trainable: 96394n, nonTrainable: 128n },
  'tfjs-dense-only.txt': { format: 'tfjs', rows: 3, total: 535818n },
  'tfjs-embedding-lstm-dense.txt': { format: 'tfjs', rows: 3, total: 1329473n },
  'tfjs-functional-conv1d-lstm.txt': { format: 'tfjs', rows: 5, total: 12067n },
  'tfjs-gru.txt': { format: 'tfjs', rows: 4, total: 7226n },
  'tfjs-simplernn-stack.txt': { format: 'tfjs', rows: 4, total: 9441n },
  'tfjs-two-inputs-concat.txt': { format: 'tfjs', rows: 5, total: 217n },
  'torchinfo-bilstm.txt': { format: 'torchinfo', rows: 4, total: 1639805n },
  'torchinfo-cnn-lstm.txt': { format: 'torchinfo', rows: 13, total: 122251n },
  'torchinfo-input-column.txt': { format: 'torchinfo', rows: 8, total: 3660516n },
  'torchinfo-nested-lstm.txt': { format: 'torchinfo', rows: 13, total: 1120270n },
  'torchinfo-stacked-lstm.txt': { format: 'torchinfo', rows: 3, total: 103741n },
  'torchinfo-default-no-input.txt': {
    format: 'torchinfo',
    rows: 6,
    total: 61706n,
    trainable: 61706n,
    nonTrainable: 0n,
  },
  'torchinfo-frozen-multadds.txt': {
    format: 'torchinfo',
    rows: 6,
    total: 10186n,
    trainable: 650n,
    nonTrainable: 9536n,
  },
  'torchinfo-var-names.txt': { format: 'torchinfo', rows: 4, total: 101770n },
  'torchinfo-ascii-kernel-groups.txt': { format: 'torchinfo', rows: 6, total: 810n },
  'torchinfo-verbose2.txt': { format: 'torchinfo', rows: 4, total: 101770n },
  'keras3-narrow-param-split.txt': { format: 'keras3', rows: 2, total: 49473n },
  'keras3-r-comment-cut.txt': { format: 'keras3', rows: 2, total: 1386n },
  'keras2-return-state-list.txt': { format: 'keras2', rows: 2, total: 335872n },
  'torchinfo-vae-conv.txt': { format: 'torchinfo', rows: 25, total: 3341223n },
};

describe('every fixture', () => {
  it('is covered by this table', () => {
    expect(FIXTURES.sort()).toEqual(Object.keys(EXPECTED).sort());
  });
  for (const f of FIXTURES) {
    it(`${f} parses: format, rows, totals`, () => {
      const text = read(f);
      expect(looksLikeSummary(text)).toBe(true);
      const p = ok(text);
      const e = EXPECTED[f] as Expect;
      expect(p.format).toBe(e.format);
      expect(p.rows).toHaveLength(e.rows);
      expect(p.total).toBe(e.total);
      if (e.trainable !== undefined) expect(p.trainable).toBe(e.trainable);
      if (e.nonTrainable !== undefined) expect(p.nonTrainable).toBe(e.nonTrainable);
      expect(p.optimizer).toBe(e.optimizer);
      expect(p.warnings).toEqual([]);
      // The rows a format counts in its total add up to it (Keras 3: without the optimizer).
      const counted = p.rows.filter((r) => !r.recursive && (p.format === 'torchinfo' || r.depth === 0));
      expect(counted.reduce((s, r) => s + r.stated, 0n)).toBe((e.total ?? 0n) - (e.optimizer ?? 0n));
    });
  }
});

describe('Keras 1', () => {
  it('reads the Connected to column and the cut type "(BatchNorma"', () => {
    const p = ok(read('keras1-clickbait-conv1d.txt'));
    expect(p.rows.map(brief).slice(0, 3)).toEqual([
      ['embedding_1', 'Embedding', 195000n],
      ['convolution1d_1', 'Convolution1D', 1952n],
      ['batchnormalization_1', 'BatchNorma', 128n],
    ]);
    expect(p.rows[2]).toMatchObject({
      typeTruncated: true,
      outputShape: [null, 19n, 32n],
      connectedTo: ['convolution1d_1'],
    });
    expect(p.rows[0]?.connectedTo).toEqual(['embedding_input_1']);
  });

  it('reads columns that are no longer aligned', () => {
    const p = ok(read('keras1-bidirectional-misaligned.txt'));
    expect(p.rows.map(brief)).toEqual([
      ['embedding_1', 'Embedding', 10000100n],
      ['bidirectional_1', 'Bidirectional', 84480n],
      ['dense_1', 'Dense', 387n],
      ['activation_1', 'Activation', 0n],
    ]);
    expect(p.rows[1]?.outputShape).toEqual([null, 128n]);
  });

  it('reads a paste out of a Python comment like the original', () => {
    const a = ok(read('keras1-imdb-lstm.txt'));
    const b = ok(read('keras1-imdb-commented.txt'));
    expect(b.rows.map(brief)).toEqual(a.rows.map(brief));
    expect(b.rows.map(brief)).toEqual([
      ['embedding_1', 'Embedding', 160000n],
      ['lstm_1', 'LSTM', 53200n],
      ['dense_1', 'Dense', 101n],
    ]);
  });
});

describe('Keras 2', () => {
  it('reads the famous cut name "bidirectional (Bidirectional" and None dims', () => {
    const p = ok(read('keras2-cudnn-bidirectional.txt'));
    expect(p.modelName).toBe('sequential');
    expect(p.rows[1]).toMatchObject({
      name: 'bidirectional',
      type: 'Bidirectional',
      typeTruncated: true,
      stated: 1444800n,
      outputShape: [null, null, 600n],
    });
  });

  it('the same summary mangled by Slack (escapes, glued fence, indentation) reads the same', () => {
    const clean = ok(read('keras2-cudnn-bidirectional.txt'));
    const slack = ok(read('slack-keras2-cudnn.txt'));
    expect(slack.rows.map(brief)).toEqual(clean.rows.map(brief));
    expect(slack.total).toBe(clean.total);
  });

  it('joins names wrapped by TF >= 2.9', () => {
    const p = ok(read('keras2-tf29-wrapped.txt'));
    expect(p.rows.map((r) => [r.name, r.type, r.typeTruncated])).toEqual([
      ['embedding', 'Embedding', false],
      ['bidirectional', 'Bidirectional', false],
      ['batch_normalization', 'BatchNormalization', false],
      ['gru', 'GRU', false],
      ['dense', 'Dense', false],
    ]);
  });

  it('reads float totals (Keras 2.0: "Total params: 146.0")', () => {
    const p = ok(read('keras2-total-float.txt'));
    expect(p.total).toBe(146n);
    expect(p.rows.map(brief)).toEqual([
      ['lstm_1', 'LSTM', 140n],
      ['dense_1', 'Dense', 6n],
    ]);
  });

  it('reads shapes cut at the column edge with the header offsets, the cut dimension unknown', () => {
    const p = ok(read('keras2-truncated-shapes.txt'));
    expect(p.rows[2]).toMatchObject({
      name: 'conv_lst_m2d_1',
      type: 'ConvLSTM2D',
      stated: 9856n,
      shapeTruncated: true,
      outputShape: [null, 8n, 16n, 240n, null],
    });
    expect(p.rows[3]).toMatchObject({
      name: 'batch_normalization_1',
      type: 'BatchNor',
      typeTruncated: true,
      stated: 64n,
    });
    expect(p.rows[4]).toMatchObject({ shapeTruncated: false, outputShape: [null, 7372800n] });
  });

  it('collects every "Connected to" entry, including continuation lines', () => {
    const p = ok(read('keras2-functional-connected.txt'));
    const concat = p.rows.find((r) => r.name === 'concatenate_1');
    expect(concat?.connectedTo).toEqual(['lstm_1', 'dense_1']);
    expect(p.rows.find((r) => r.name === 'lstm_1')?.connectedTo).toEqual(['embedding_1']);
  });
});

describe('Keras 3', () => {
  it('reads the box table and "(5.50 MB)" totals', () => {
    const p = ok(read('keras3-bidirectional-lstm.txt'));
    expect(p.rows).toHaveLength(1);
    expect(p.rows[0]).toMatchObject({
      name: 'bidirectional',
      type: 'Bidirectional',
      stated: 1442400n,
      outputShape: [null, 10n, 600n],
    });
  });

  it('joins wrapped cells and marks "…" cuts', () => {
    const p = ok(read('keras3-functional-narrow.txt'));
    expect(p.rows.find((r) => r.name === 'embedding')).toMatchObject({
      type: 'Embedding',
      typeTruncated: false,
      stated: 320000n,
    });
    expect(p.rows.find((r) => r.name === 'batch_normalization')).toMatchObject({
      type: 'BatchNormalizatio',
      typeTruncated: true,
    });
    expect(p.rows.find((r) => r.name === 'global_average_poo')).toMatchObject({
      nameTruncated: true,
      type: 'GlobalAveragePool',
      typeTruncated: true,
    });
    expect(p.rows.find((r) => r.name === 'concatenate')?.connectedTo).toEqual(['dense']);
    expect(p.rows.find((r) => r.name === 'gru')?.connectedTo).toEqual(['embedding']);
  });

  it('reads optimizer params and nested rows', () => {
    expect(ok(read('keras3-trained-optimizer.txt')).optimizer).toBe(2658948n);
    const nested = ok(read('keras3-nested.txt'));
    expect(nested.rows.map((r) => [r.name, r.depth])).toEqual([
      ['encoder', 0],
      ['lstm', 1],
      ['dense', 1],
      ['dense_1', 1],
      ['dense_2', 1],
      ['head', 0],
    ]);
  });
});

describe('TensorFlow.js', () => {
  it('reads the Input Shape column and names cut without a type', () => {
    const p = ok(read('tfjs-bidirectional-lstm.txt'));
    expect(p.rows[0]).toMatchObject({
      name: 'bidirectional_Bidirectional',
      type: '',
      stated: 1442400n,
      inputShape: [null, 10n, 300n],
      outputShape: [null, 10n, 600n],
    });
    const two = ok(read('tfjs-two-inputs-concat.txt'));
    const merge = two.rows.find((r) => r.name === 'merge');
    expect(merge).toMatchObject({ inputShape: null, outputShape: [null, 18n], connectedTo: ['wide', 'seq_gru'] });
  });
});

describe('torchinfo', () => {
  it('reads tree prefixes, depth-idx, -- and batch dims', () => {
    const p = ok(read('torchinfo-nested-lstm.txt'));
    expect(p.rows.slice(0, 3).map((r) => [r.name, r.type, r.depth, r.index ?? null, r.stated, r.noParams])).toEqual([
      ['Net', 'Net', 0, null, 0n, true],
      ['LSTM: 1-1', 'LSTM', 1, '1-1', 0n, true],
      ['LSTM: 2-1', 'LSTM', 2, '2-1', 1052672n, false],
    ]);
    expect(p.rows[0]?.outputShape).toBeNull();
    expect(p.rows[2]?.outputShape).toEqual([5n, 8n, 256n]);
  });

  it('reads an Input Shape column and a root row out of line', () => {
    const p = ok(read('torchinfo-input-column.txt'));
    expect(p.rows[0]).toMatchObject({
      name: 'CLSTM_Decoder',
      inputShape: [1n, 64n],
      outputShape: [1n, 4n, 200n, 128n],
    });
    expect(p.rows[1]).toMatchObject({
      name: 'LSTM: 1-1',
      inputShape: [1n, 1n, 68n],
      outputShape: [1n, 1n, 64n],
      stated: 34304n,
    });
  });

  it('reads (recursive) rows', () => {
    const text = [
      '==========================================================================================',
      'Layer (type:depth-idx)                   Output Shape              Param #',
      '==========================================================================================',
      'Seq2Seq                                  [4, 7, 64]                --',
      '├─LSTM: 1-1                              [4, 1, 64]                33,280',
      '├─LSTM: 1-2                              [4, 1, 64]                (recursive)',
      '==========================================================================================',
      'Total params: 33,280',
    ].join('\n');
    const p = ok(text);
    expect(p.rows[2]).toMatchObject({ recursive: true, stated: 0n });
  });
});

describe('mangled pastes', () => {
  const keras3 = read('keras3-bidirectional-lstm.txt');

  it('Slack escapes, CRLF, tabs, fences and a "> " quote', () => {
    const mangled = '```text\n' + keras3.replace(/\n/g, '\r\n').replace(/"/g, '&quot;') + '```';
    expect(ok(mangled).rows.map(brief)).toEqual([['bidirectional', 'Bidirectional', 1442400n]]);
    const quoted = keras3
      .split('\n')
      .map((l) => '&gt; ' + l)
      .join('\n');
    expect(ok(quoted).rows.map(brief)).toEqual([['bidirectional', 'Bidirectional', 1442400n]]);
    const tabbed = read('keras2-lstm-bidirectional.txt').replace(/^/gm, '\t');
    expect(ok(tabbed).rows.map(brief)).toEqual([
      ['embedding', 'Embedding', 192000n],
      ['bidirectional', 'Bidirectional', 1442400n],
    ]);
  });

  it('counts without thousands separators, with them, and &amp; in names', () => {
    const text = read('keras2-lstm-bidirectional.txt')
      .replace('1442400', '1,442,400')
      .replace('embedding (Embedding)', 'emb&amp;x (Embedding)  ');
    const p = ok(text);
    expect(p.rows.map(brief)).toEqual([
      ['emb&x', 'Embedding', 192000n],
      ['bidirectional', 'Bidirectional', 1442400n],
    ]);
  });

  it('only the first of several summaries is read, with a warning', () => {
    const p = ok(read('keras2-cudnn-bidirectional.txt') + '\n' + read('keras2-lstm-bidirectional.txt'));
    expect(p.rows).toHaveLength(2);
    expect(p.rows[1]?.stated).toBe(1444800n);
    expect(p.warnings.join(' ')).toContain('only the first');
  });

  it('cleanSummaryText strips fences and invisible characters', () => {
    expect(cleanSummaryText('```Model: "x"\u200b\n  a\u00a0b  ```')).toEqual(['', 'Model: "x"', '  a b', '']);
  });
});

describe('cells', () => {
  it('parseShape', () => {
    expect(parseShape('(None, 10, 600)')).toEqual({ shape: [null, 10n, 600n], truncated: false });
    expect(parseShape('[null,10,600]')).toEqual({ shape: [null, 10n, 600n], truncated: false });
    expect(parseShape('[[null,10,300]]')).toEqual({ shape: [null, 10n, 300n], truncated: false });
    expect(parseShape('[(None, 224, 224, 3)]')).toEqual({ shape: [null, 224n, 224n, 3n], truncated: false });
    // Several shapes (two inputs, or return_state outputs): all kept, no single shape.
    expect(parseShape('[[null,12],[null,6]]')).toEqual({
      shape: null,
      truncated: false,
      outputs: [
        [null, 12n],
        [null, 6n],
      ],
    });
    expect(parseShape('[32, 10, 600]')).toEqual({ shape: [32n, 10n, 600n], truncated: false });
    expect(parseShape('[-1, 64, 55, 55]')).toEqual({ shape: [null, 64n, 55n, 55n], truncated: false });
    expect(parseShape('(None, 8, 16, 240, 2')).toEqual({ shape: [null, 8n, 16n, 240n, null], truncated: true });
    expect(parseShape('(None, 8, 16,')).toEqual({ shape: [null, 8n, 16n, null], truncated: true });
    for (const s of ['multiple', '?', '--', '', 'banana']) expect(parseShape(s).shape).toBeNull();
  });

  it('parseCount', () => {
    expect(parseCount('1,444,800')?.value).toBe(1444800n);
    expect(parseCount('1444800')?.value).toBe(1444800n);
    expect(parseCount('146.0')?.value).toBe(146n);
    expect(parseCount('146.5')).toBeNull();
    expect(parseCount('--')).toMatchObject({ value: 0n, noParams: true });
    expect(parseCount('(recursive)')).toMatchObject({ value: 0n, recursive: true });
    expect(parseCount('0 (unbuilt)')).toMatchObject({ value: 0n, unbuilt: true });
    expect(parseCount('1,44,800')).toBeNull();
    expect(parseCount('9'.repeat(21))).toBeNull();
    expect(parseCount('12345678901234567890')?.value).toBe(12345678901234567890n);
  });
});

describe('failures are answered with what was expected and an example', () => {
  it('not a summary', () => {
    for (const text of ['', '   ', '/lstm 4096 256', 'hello\nworld']) {
      const p = parseSummary(text);
      expect(p.ok).toBe(false);
      if (!p.ok) {
        expect(p.error).toMatch(/Layer \(type\)/);
        expect(p.error).toContain('Param #');
      }
    }
    expect(parseSummary(42 as never).ok).toBe(false);
    expect(parseSummary(undefined as never).ok).toBe(false);
  });

  it('a header without rows', () => {
    const p = parseSummary('Layer (type)                 Output Shape              Param #\n=====\nTotal params: 0');
    expect(p.ok).toBe(false);
    if (!p.ok) expect(p.error).toContain('no layer rows');
  });

  it('past the size limits', () => {
    const long = parseSummary('Layer (type) Output Shape Param #\n' + 'x'.repeat(MAX_QUERY_CHARS));
    expect(long.ok).toBe(false);
    const many = parseSummary('Layer (type) Output Shape Param #\n' + '\n'.repeat(MAX_QUERY_LINES + 1));
    expect(many.ok).toBe(false);
    if (!many.ok) expect(many.error).toContain('lines');
  });

  it('a huge pathological paste is bounded', () => {
    const row = 'd (Dense) (None, 1) 2\n';
    const text = 'Layer (type) Output Shape Param #\n' + row.repeat(2100);
    const t0 = Date.now();
    const p = parseSummary(text);
    expect(Date.now() - t0).toBeLessThan(2000);
    expect(p.ok).toBe(false);
    if (!p.ok) expect(p.error).toContain('rows');
    const nasty = parseSummary('Layer (type) Output Shape Param #\n' + '('.repeat(50_000) + ' 1');
    expect(nasty.ok).toBe(false);
    // The row pattern is quadratic in a line's length: lines are capped, so a paste of near-limit lines stays fast.
    const wide = 'Layer (type)  Output Shape  Param #\n' + ('a' + ' '.repeat(990) + 'b\n').repeat(95);
    const t1 = Date.now();
    expect(parseSummary(wide).ok).toBe(false);
    expect(Date.now() - t1).toBeLessThan(1500);
    const tooWide = parseSummary(
      read('keras2-lstm-bidirectional.txt').replace('1442400   ', '1442400 ' + 'x'.repeat(1200)),
    );
    expect(tooWide.ok && tooWide.warnings.join(' ')).toContain('over 1000 characters');
  });
});

describe('looksLikeSummary', () => {
  it('is cheap and total', () => {
    expect(looksLikeSummary('/lstm 4096 256')).toBe(false);
    expect(looksLikeSummary('')).toBe(false);
    expect(looksLikeSummary(null as never)).toBe(false);
    expect(looksLikeSummary('Total params: 12\nTrainable params: 12\n=================')).toBe(true);
    expect(looksLikeSummary('Layer (type)  Output Shape  Param #')).toBe(true);
  });
});

describe('issue 11: the shapes real tools print', () => {
  const rowsOf = (f: string) => ok(read(f)).rows;

  it('torchinfo with no input: only Param #, no shapes', () => {
    expect(rowsOf('torchinfo-default-no-input.txt').map(brief)).toEqual([
      ['LeNet', 'LeNet', 0n],
      ['Conv2d: 1-1', 'Conv2d', 156n],
      ['Conv2d: 1-2', 'Conv2d', 2416n],
      ['Linear: 1-3', 'Linear', 48120n],
      ['Linear: 1-4', 'Linear', 10164n],
      ['Linear: 1-5', 'Linear', 850n],
    ]);
  });

  it('frozen counts in parentheses are counts (not the Mult-Adds column), marked frozen', () => {
    const rows = rowsOf('torchinfo-frozen-multadds.txt');
    expect(rows.map(brief)[1]).toEqual(['Conv2d: 1-1', 'Conv2d', 9408n]);
    expect(rows[1]?.frozen).toBe(true);
    expect(rows[5]?.frozen).toBeUndefined();
    expect(parseCount('(9,408)')).toMatchObject({ value: 9408n, frozen: true });
  });

  it('var_names and ascii_only rows keep their types and depths; Kernel Shape is not the output shape', () => {
    expect(rowsOf('torchinfo-var-names.txt').map((r) => [r.type, r.inputShape?.at(-1), r.outputShape?.at(-1)])).toEqual(
      [
        ['Net', 784n, 10n],
        ['Linear', 784n, 128n],
        ['ReLU', 128n, 128n],
        ['Linear', 128n, 10n],
      ],
    );
    const ascii = rowsOf('torchinfo-ascii-kernel-groups.txt');
    expect(ascii.map((r) => [r.type, r.depth, r.stated, r.outputShape])).toEqual([
      ['Net', 0, 0n, null],
      ['Sequential', 1, 0n, null],
      ['Conv2d', 2, 448n, null],
      ['Conv2d', 2, 160n, null],
      ['BatchNorm2d', 2, 32n, null],
      ['Linear', 1, 170n, null],
    ]);
  });

  it('verbose=2 parameter sub-rows are not layers, nor parts of a name', () => {
    expect(rowsOf('torchinfo-verbose2.txt').map((r) => r.name)).toEqual([
      'Net',
      'Linear: 1-1',
      'ReLU: 1-2',
      'Linear: 1-3',
    ]);
  });

  it('Keras 3 "Param" over "#", and R\'s "## " prefix with the right border cut', () => {
    expect(rowsOf('keras3-narrow-param-split.txt').map(brief)).toEqual([
      ['lstm', 'LSTM', 49408n],
      ['dense', 'Dense', 65n],
    ]);
    expect(rowsOf('keras3-r-comment-cut.txt').map(brief)).toEqual([
      ['dense', 'Dense', 1056n],
      ['dense_1', 'Dense', 330n],
    ]);
  });

  it('"# # " and "## " prefixes on a Keras 2 table', () => {
    const table = read('keras2-lstm-bidirectional.txt').split('\n').slice(1);
    for (const prefix of ['# # ', '## ']) {
      const p = ok(table.map((l) => prefix + l).join('\n'));
      expect(p.rows.map(brief)).toEqual(ok(read('keras2-lstm-bidirectional.txt')).rows.map(brief));
    }
  });

  it("a return_state list of shapes over several lines: every output kept, the first is the layer's", () => {
    const lstm = rowsOf('keras2-return-state-list.txt')[1];
    expect(lstm?.outputShape).toEqual([null, 256n]);
    expect(lstm?.outputs).toEqual([
      [null, 256n],
      [null, 256n],
      [null, 256n],
    ]);
    expect(lstm?.connectedTo).toEqual(['input_1']);
  });

  it('a table with no Param # column says so', () => {
    const p = parseSummary(
      'Layer (type:depth-idx)                   Output Shape\n' +
        '==========================================================\n' +
        'Net                                      [1, 10]\n' +
        '├─Linear: 1-1                            [1, 10]\n' +
        'Total params: 110\n',
    );
    expect(p.ok).toBe(false);
    if (!p.ok) expect(p.error).toContain('no "Param #" column');
  });

  it('several tables: the first is checked and the warning says which', () => {
    const one = read('keras2-lstm-bidirectional.txt');
    const p = ok(`${one}\n${read('keras2-total-float.txt')}`);
    expect(p.rows.map(brief)).toEqual(ok(one).rows.map(brief));
    expect(p.warnings.join(' ')).toMatch(/only the first \(.*lines \d+–\d+\) was checked/);
  });
});
