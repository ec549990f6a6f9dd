import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { verifySummary } from '../../src/engine/verify.js';
import type { RowStatus, Verification, VerifiedRow } from '../../src/engine/verify.js';
import type { Convention } from '../../src/engine/types.js';
import { CONVENTION_LABELS } from '../../src/engine/types.js';
import { parseSummary } from '../../src/parse/summary.js';

const DIR = new URL('../fixtures/summaries/', import.meta.url);
const read = (f: string) => readFileSync(new URL(f, DIR), 'utf8');

function verify(text: string): Verification {
  const v = verifySummary(parseSummary(text));
  if (!v.ok) throw new Error(v.message);
  return v.verification;
}

const ALL: Convention[] = ['keras', 'keras2', 'pytorch', 'cudnn', 'onnx', 'flax', 'tf1'];
const ONE_BIAS: Convention[] = ['keras', 'keras2', 'flax', 'tf1'];
const TWO_BIAS: Convention[] = ['pytorch', 'cudnn', 'onnx'];
const KERAS_BN: Convention[] = ['keras', 'keras2', 'onnx', 'tf1'];
const TORCH_BN: Convention[] = ['pytorch', 'cudnn', 'flax'];
const CUDNN_NOTE = 'the 2,400 are 2 directions x 4 gates x 300 second biases';

type RowExpect = [status: RowStatus, computed: bigint | null, conventions: Convention[]];

/** Per fixture, per row: status, computed count, conventions under which the stated count holds. */
const EXPECTED: Record<string, RowExpect[]> = {
  'keras1-bidirectional-misaligned.txt': [
    ['agrees', 10000100n, ALL],
    ['agrees', 84480n, ONE_BIAS],
    ['agrees', 387n, ALL],
    ['agrees', 0n, ALL],
  ],
  'keras1-clickbait-conv1d.txt': [
    ['agrees', 195000n, ALL],
    ['agrees', 1952n, ALL],
    ['agrees', 128n, KERAS_BN],
    ['agrees', 0n, ALL],
    ['agrees', 2080n, ALL],
    ['agrees', 128n, KERAS_BN],
    ['agrees', 0n, ALL],
    ['agrees', 2080n, ALL],
    ['agrees', 128n, KERAS_BN],
    ['agrees', 0n, ALL],
    ['agrees', 0n, ALL],
    ['agrees', 0n, ALL],
    ['agrees', 33n, ALL],
    ['agrees', 4n, KERAS_BN],
    ['agrees', 0n, ALL],
  ],
  'keras1-imdb-commented.txt': [
    ['agrees', 160000n, ALL],
    ['agrees', 53200n, ONE_BIAS],
    ['agrees', 101n, ALL],
  ],
  'keras1-imdb-lstm.txt': [
    ['agrees', 160000n, ALL],
    ['agrees', 53200n, ONE_BIAS],
    ['agrees', 101n, ALL],
  ],
  'keras2-cudnn-bidirectional.txt': [
    ['agrees', 192000n, ALL],
    ['agrees', 1444800n, TWO_BIAS],
  ],
  'keras2-functional-connected.txt': [
    ['agrees', 0n, ALL],
    ['agrees', 1280000n, ALL],
    ['agrees', 0n, ALL],
    ['agrees', 49408n, ONE_BIAS],
    ['agrees', 416n, ALL],
    ['agrees', 0n, ALL],
    ['agrees', 97n, ALL],
  ],
  'keras2-lstm-bidirectional.txt': [
    ['agrees', 192000n, ALL],
    ['agrees', 1442400n, ONE_BIAS],
  ],
  'keras2-tf29-wrapped.txt': [
    ['agrees', 640000n, ALL],
    ['agrees', 197632n, ONE_BIAS],
    ['agrees', 1024n, KERAS_BN],
    ['agrees', 27840n, ['keras', 'pytorch', 'cudnn', 'onnx']],
    ['agrees', 33n, ALL],
  ],
  'keras2-total-float.txt': [
    ['agrees', 140n, ONE_BIAS],
    ['agrees', 6n, ALL],
  ],
  'keras2-truncated-shapes.txt': [
    ['agrees', 0n, ALL],
    ['agrees', 0n, ALL],
    ['unknown', null, []],
    ['agrees', 64n, KERAS_BN],
    ['agrees', 0n, ALL],
    ['agrees', 29491204n, ALL],
  ],
  'keras3-bidirectional-lstm.txt': [['agrees', 1442400n, ONE_BIAS]],
  'keras3-functional-narrow.txt': [
    ['agrees', 0n, ALL],
    ['agrees', 320000n, ALL],
    ['agrees', 9408n, ['keras', 'pytorch', 'cudnn', 'onnx']],
    ['agrees', 128n, KERAS_BN],
    ['agrees', 264n, ALL],
    ['agrees', 0n, ALL],
    ['agrees', 0n, ALL],
    ['agrees', 48n, ALL],
    ['agrees', 0n, ALL],
    ['agrees', 17n, ALL],
  ],
  'keras3-nested.txt': [
    ['agrees', 9440n, ALL],
    ['agrees', 6272n, ONE_BIAS],
    ['agrees', 1056n, ALL],
    ['agrees', 1056n, ALL],
    ['agrees', 1056n, ALL],
    ['agrees', 99n, ALL],
  ],
  'keras3-trained-optimizer.txt': [
    ['agrees', 1280000n, ALL],
    ['agrees', 49408n, ONE_BIAS],
    ['agrees', 65n, ALL],
  ],
  'slack-keras2-cudnn.txt': [
    ['agrees', 192000n, ALL],
    ['agrees', 1444800n, TWO_BIAS],
  ],
  'tfjs-bidirectional-gru-frozen.txt': [
    ['agrees', 5040n, ['keras2']],
    ['agrees', 196n, ALL],
  ],
  'tfjs-bidirectional-lstm.txt': [
    ['agrees', 1442400n, ONE_BIAS],
    ['agrees', 3005n, ALL],
  ],
  'tfjs-bidirectional-sum-nobias.txt': [
    ['agrees', 16000n, ALL],
    ['agrees', 6272n, ONE_BIAS],
    ['agrees', 768n, ALL],
    ['agrees', 16n, ALL],
  ],
  'tfjs-conv2d-dense.txt': [
    ['agrees', 320n, ALL],
    ['agrees', 0n, ALL],
    ['agrees', 18496n, ALL],
    ['agrees', 256n, KERAS_BN],
    ['agrees', 0n, ALL],
    ['agrees', 77450n, ALL],
  ],
  'tfjs-dense-only.txt': [
    ['agrees', 401920n, ALL],
    ['agrees', 131328n, ALL],
    ['agrees', 2570n, ALL],
  ],
  'tfjs-embedding-lstm-dense.txt': [
    ['agrees', 1280000n, ALL],
    ['agrees', 49408n, ONE_BIAS],
    ['agrees', 65n, ALL],
  ],
  'tfjs-functional-conv1d-lstm.txt': [
    ['agrees', 0n, ALL],
    ['agrees', 1464n, ALL],
    ['agrees', 10400n, ONE_BIAS],
    ['agrees', 80n, ALL],
    ['agrees', 123n, ALL],
  ],
  'tfjs-gru.txt': [
    ['agrees', 4704n, ['keras2']],
    ['agrees', 2352n, ['keras2']],
    ['agrees', 0n, ALL],
    ['agrees', 170n, ALL],
  ],
  'tfjs-simplernn-stack.txt': [
    ['agrees', 2950n, ['keras', 'keras2', 'flax']],
    ['agrees', 5050n, ['keras', 'keras2', 'flax']],
    ['agrees', 1420n, ['keras', 'keras2', 'flax']],
    ['agrees', 21n, ALL],
  ],
  'tfjs-two-inputs-concat.txt': [
    ['agrees', 0n, ALL],
    ['agrees', 0n, ALL],
    ['agrees', 198n, ['keras2']],
    ['agrees', 0n, ALL],
    ['agrees', 19n, ALL],
  ],
  'torchinfo-bilstm.txt': [
    ['unknown', null, []],
    ['agrees', 192000n, ALL],
    ['agrees', 1444800n, TWO_BIAS],
    ['agrees', 3005n, ALL],
  ],
  'torchinfo-cnn-lstm.txt': [
    ['unknown', null, []],
    ['unknown', null, []],
    ['agrees', 3104n, ALL],
    ['agrees', 0n, ALL],
    ['agrees', 6208n, ALL],
    ['agrees', 12352n, ALL],
    ['agrees', 0n, ALL],
    ['agrees', 24704n, ALL],
    ['agrees', 49280n, ALL],
    ['agrees', 0n, ALL],
    ['agrees', 20736n, TWO_BIAS],
    ['agrees', 4224n, ALL],
    ['agrees', 1419n, ALL],
  ],
  'torchinfo-input-column.txt': [
    ['unknown', null, []],
    ['agrees', 34304n, TWO_BIAS],
    ['agrees', 3532800n, ALL],
    ['agrees', 73792n, ALL],
    ['agrees', 0n, ALL],
    ['agrees', 18464n, ALL],
    ['agrees', 0n, ALL],
    ['agrees', 1156n, ALL],
  ],
  'torchinfo-nested-lstm.txt': [
    ['unknown', null, []],
    ['unknown', null, []],
    ['agrees', 1052672n, TWO_BIAS],
    ['unknown', null, []],
    ['unknown', null, []],
    ['agrees', 32896n, ALL],
    ['agrees', 0n, ALL],
    ['agrees', 1677n, ALL],
    ['unknown', null, []],
    ['unknown', null, []],
    ['agrees', 32896n, ALL],
    ['agrees', 0n, ALL],
    ['agrees', 129n, ALL],
  ],
  'torchinfo-stacked-lstm.txt': [
    ['unknown', null, []],
    ['agrees', 103680n, TWO_BIAS],
    ['agrees', 61n, ALL],
  ],
  // No output shapes (torchinfo without an input): nothing to rebuild from; the total still holds.
  'torchinfo-default-no-input.txt': Array<RowExpect>(6).fill(['unknown', null, []]),
  'torchinfo-frozen-multadds.txt': [
    ['unknown', null, []],
    ['unknown', null, []],
    ['agrees', 128n, TORCH_BN],
    ['agrees', 0n, ALL],
    ['agrees', 0n, ALL],
    ['agrees', 650n, ALL],
  ],
  'torchinfo-var-names.txt': [
    ['unknown', null, []],
    ['agrees', 100480n, ALL],
    ['agrees', 0n, ALL],
    ['agrees', 1290n, ALL],
  ],
  'torchinfo-ascii-kernel-groups.txt': Array<RowExpect>(6).fill(['unknown', null, []]),
  'torchinfo-verbose2.txt': [
    ['unknown', null, []],
    ['agrees', 100480n, ALL],
    ['agrees', 0n, ALL],
    ['agrees', 1290n, ALL],
  ],
  'keras3-narrow-param-split.txt': [
    ['agrees', 49408n, ONE_BIAS],
    ['agrees', 65n, ALL],
  ],
  'keras3-r-comment-cut.txt': [
    ['agrees', 1056n, ALL],
    ['agrees', 330n, ALL],
  ],
  'keras2-return-state-list.txt': [
    ['agrees', 0n, ALL],
    ['agrees', 335872n, ONE_BIAS],
  ],
  'torchinfo-vae-conv.txt': [
    ['unknown', null, []],
    ['unknown', null, []],
    ['unknown', null, []],
    ['unknown', null, []],
    ['agrees', 0n, ALL],
    ['agrees', 256n, TORCH_BN],
    ['agrees', 524288n, ALL],
    ['agrees', 0n, ALL],
    ['agrees', 512n, TORCH_BN],
    ['agrees', 524288n, ALL],
    ['agrees', 0n, ALL],
    ['agrees', 256n, TORCH_BN],
    ['agrees', 1152n, ALL],
    ['agrees', 480128n, ALL],
    ['agrees', 480128n, ALL],
    ['unknown', null, []],
    ['agrees', 483750n, ALL],
    ['unknown', null, []],
    ['unknown', null, []],
    ['agrees', 0n, ALL],
    ['agrees', 295168n, ALL],
    ['agrees', 0n, ALL],
    ['agrees', 524416n, ALL],
    ['agrees', 0n, ALL],
    ['agrees', 12801n, ALL],
  ],
};

describe('every fixture, row by row', () => {
  it('covers every fixture', () => {
    const files = readdirSync(DIR)
      .filter((f) => f.endsWith('.txt'))
      .sort();
    expect(files).toEqual(Object.keys(EXPECTED).sort());
  });
  for (const [file, rows] of Object.entries(EXPECTED)) {
    it(file, () => {
      const v = verify(read(file));
      expect(v.rows.map((r) => [r.status, r.computed, r.conventions])).toEqual(rows);
      for (const r of v.rows) {
        expect(r.note.length).toBeGreaterThan(10);
        if (r.status === 'agrees') expect(r.computed).toBe(r.stated);
      }
      expect(v.total.agrees).toBe(true);
      expect(v.counts.agrees + v.counts.disagrees + v.counts.unknown).toBe(rows.length);
    });
  }
});

function row(v: Verification, name: string): VerifiedRow {
  const r = v.rows.find((x) => x.name === name);
  if (!r) throw new Error(`no row ${name}`);
  return r;
}

describe('the famous Bidirectional LSTM(300) over 300 inputs', () => {
  it('1,444,800 (CuDNNLSTM) agrees only under PyTorch, cuDNN and ONNX, with the 2,400 explained', () => {
    for (const f of ['keras2-cudnn-bidirectional.txt', 'slack-keras2-cudnn.txt']) {
      const v = verify(read(f));
      const r = row(v, 'bidirectional');
      expect(r).toMatchObject({
        type: 'Bidirectional(LSTM)',
        stated: 1444800n,
        computed: 1444800n,
        status: 'agrees',
        conventions: TWO_BIAS,
      });
      expect(r.note).toContain(CUDNN_NOTE);
      expect(r.note).toContain('1,444,800 with cuDNN');
      expect(r.note).toContain('1,442,400 without');
      expect(r.spec).toMatchObject({
        cell: 'lstm',
        input: 300n,
        units: 300n,
        bidirectional: true,
        layers: 1,
        bias: true,
      });
      expect(v.total).toMatchObject({ stated: 1636800n, computed: 1636800n, agrees: true });
    }
  });

  it('1,442,400 (LSTM) agrees under the one-bias conventions and says what cuDNN would count', () => {
    for (const [f, name] of [
      ['keras2-lstm-bidirectional.txt', 'bidirectional'],
      ['tfjs-bidirectional-lstm.txt', 'bidirectional_Bidirectional'],
      ['keras3-bidirectional-lstm.txt', 'bidirectional'],
    ] as const) {
      const r = row(verify(read(f)), name);
      expect(r).toMatchObject({ status: 'agrees', computed: 1442400n, conventions: ONE_BIAS });
      expect(r.note).toContain(CUDNN_NOTE);
      expect(r.note).toContain('1,444,800');
    }
  });

  it('in torchinfo (PyTorch bidirectional=True) it is 1,444,800', () => {
    const r = row(verify(read('torchinfo-bilstm.txt')), 'LSTM: 1-2');
    expect(r).toMatchObject({ status: 'agrees', conventions: TWO_BIAS, computed: 1444800n });
    expect(r.spec).toMatchObject({ input: 300n, units: 300n, bidirectional: true });
    expect(r.note).toContain(CUDNN_NOTE);
  });
});

describe('sizes the summary does not print are solved, and the note says so', () => {
  it('the first row’s input width', () => {
    const r = row(verify(read('keras3-bidirectional-lstm.txt')), 'bidirectional');
    expect(r.solved).toEqual({ what: 'input', value: 300n });
    expect(r.note).toContain('input width 300, solved from the count');
    const text = [
      'Layer (type)                 Output Shape              Param #   ',
      '=================================================================',
      'lstm (LSTM)                  (None, 256)               4457472   ',
      '=================================================================',
      'Total params: 4,457,472',
    ].join('\n');
    const lstm = row(verify(text), 'lstm');
    expect(lstm).toMatchObject({ status: 'agrees', solved: { what: 'input', value: 4096n } });
    expect(lstm.note).toContain('input width 4,096, solved from the count');
  });

  it('stacked PyTorch layers: one layer assumed, the stacks that also fit are named', () => {
    const r = row(verify(read('torchinfo-stacked-lstm.txt')), 'LSTM: 1-1');
    expect(r.solved).toEqual({ what: 'input', value: 370n });
    expect(r.note).toContain('4 stacked layers over input 4');
  });

  it('forward() reshapes: the solved input differs from the layer before', () => {
    const r = row(verify(read('torchinfo-cnn-lstm.txt')), 'LSTM: 1-10');
    expect(r.solved).toEqual({ what: 'input', value: 128n });
    expect(r.note).toContain('not the 16');
  });

  it('vocabulary and kernel sizes', () => {
    const v = verify(read('tfjs-conv2d-dense.txt'));
    expect(row(v, 'conv2d_Conv2D1').solved).toEqual({ what: 'kernel', value: 9n });
    expect(row(v, 'conv2d_Conv2D1').note).toContain('3x3 kernel');
    const e = row(verify(read('tfjs-embedding-lstm-dense.txt')), 'embedding_Embedding1');
    expect(e.solved).toEqual({ what: 'vocabulary', value: 10000n });
  });
});

/** A Keras 2 header and rule, for tables written inline. */
const header =
  'Layer (type)                 Output Shape              Param #   \n=================================================================\n';

describe('rows that disagree', () => {
  it('an LSTM one parameter off says what it should be under Keras', () => {
    const v = verify(
      header +
        'embedding (Embedding)        (None, 100, 128)          1280000   \n' +
        'lstm (LSTM)                  (None, 64)                49409     \n' +
        'dense (Dense)                (None, 1)                 66        \n' +
        'dropout (Dropout)            (None, 1)                 3         \n' +
        '=================================================================\nTotal params: 1,329,473\n',
    );
    expect(row(v, 'lstm')).toMatchObject({ status: 'disagrees', computed: 49408n, difference: -1n, conventions: [] });
    expect(row(v, 'lstm').note).toContain('Should be 49,408 under Keras 3 / tf.keras');
    expect(row(v, 'dense')).toMatchObject({ status: 'disagrees', computed: 65n, difference: -1n });
    expect(row(v, 'dropout')).toMatchObject({ status: 'disagrees', computed: 0n, difference: -3n });
    // The total is the engine's count of every row, not the printed column: the true 1,329,473.
    expect(v.total).toMatchObject({ stated: 1329473n, computed: 1329473n, agrees: true });
    expect(v.counts).toEqual({ agrees: 1, disagrees: 3, unknown: 0 });
  });

  it('a first-row layer that no input width fits', () => {
    const v = verify(header + 'lstm (LSTM)                  (None, 64)                49409     \n');
    expect(row(v, 'lstm')).toMatchObject({ status: 'disagrees', computed: null });
    expect(row(v, 'lstm').note).toContain('No whole input width');
    expect(v.total).toMatchObject({ stated: null, agrees: null });
  });

  it('a custom layer is unknown, not wrong', () => {
    const v = verify(header + 'attention (MyAttention)      (None, 64)                4160      \n');
    expect(row(v, 'attention')).toMatchObject({ status: 'unknown', computed: null, type: 'MyAttention' });
  });

  it('a Keras 3 total without its optimizer variables', () => {
    const v = verify(read('keras3-trained-optimizer.txt'));
    expect(v.total).toMatchObject({ stated: 3988421n, computed: 1329473n, agrees: true });
    expect(v.total.note).toContain('2,658,948 optimizer variables');
  });
});

describe('totality', () => {
  it('a failed parse or garbage is ok:false', () => {
    const bad = verifySummary(parseSummary('nothing here'));
    expect(bad.ok).toBe(false);
    expect(verifySummary(null as never).ok).toBe(false);
    expect(verifySummary({ ok: true } as never).ok).toBe(false);
  });

  it('is JSON-serialisable with BigInt as decimal strings', () => {
    const v = verify(read('keras2-cudnn-bidirectional.txt'));
    const json = JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? x.toString() : x));
    const back = JSON.parse(json) as { rows: { stated: string; computed: string }[]; total: { stated: string } };
    expect(back.rows[1]?.stated).toBe('1444800');
    expect(back.total.stated).toBe('1636800');
  });
});

describe('issue 11: one engine, so the summary check is not confidently wrong', () => {
  it('an edited LSTM row makes the total disagree too (the true model has 17,546)', () => {
    const v = verify(
      header +
        'lstm_1 (LSTM)                (None, 20, 64)            16900     \n' +
        'dense_1 (Dense)              (None, 10)                650       \n' +
        '=================================================================\nTotal params: 17,550\n',
    );
    expect(row(v, 'lstm_1').status).toBe('disagrees');
    expect(row(v, 'lstm_1').nearest).toBe(16896n);
    expect(row(v, 'dense_1').status).toBe('agrees');
    expect(v.total).toMatchObject({ stated: 17550n, computed: 17546n, agrees: false });
  });

  it('trainable and non-trainable are judged each on its own: an edited trainable figure leaves a true 0 agreeing', () => {
    const v = verify(
      header +
        'lstm_1 (LSTM)                (None, 20, 64)            16900     \n' +
        'dense_1 (Dense)              (None, 10)                650       \n' +
        '=================================================================\n' +
        'Total params: 17,550\nTrainable params: 17,550\nNon-trainable params: 0\n',
    );
    expect(v.total.trainable).toEqual({ stated: 17550n, computed: 17546n, agrees: false });
    expect(v.total.nonTrainable).toEqual({ stated: 0n, computed: 0n, agrees: true });
  });

  it('a row and the total edited together do not agree', () => {
    const v = verify(
      header +
        'embedding (Embedding)        (None, 100, 128)          1280000   \n' +
        'lstm (LSTM)                  (None, 64)                49409     \n' +
        'dense (Dense)                (None, 1)                 65        \n' +
        '=================================================================\nTotal params: 1,329,474\n',
    );
    expect(row(v, 'lstm').status).toBe('disagrees');
    expect(v.total).toMatchObject({ stated: 1329474n, computed: 1329473n, agrees: false });
  });

  it("stated trainable / non-trainable are checked: a frozen Dense is the summary's 196 non-trainable", () => {
    const v = verify(read('tfjs-bidirectional-gru-frozen.txt'));
    expect(v.total).toMatchObject({ stated: 5236n, computed: 5236n, agrees: true });
    expect(v.total.trainable).toEqual({ stated: 5040n, computed: 5040n, agrees: true });
    expect(v.total.nonTrainable).toEqual({ stated: 196n, computed: 196n, agrees: true });
    expect(v.total.note).toContain('frozen layers');
  });

  it("BatchNorm's moving statistics are the engine's non-trainable; a summary claiming none disagrees", () => {
    const v = verify(read('keras2-tf29-wrapped.txt'));
    expect(v.total.nonTrainable).toEqual({ stated: 512n, computed: 512n, agrees: true });
    const edited = verify(
      read('keras2-tf29-wrapped.txt').replace('Non-trainable params: 512', 'Non-trainable params: 0'),
    );
    expect(edited.total.nonTrainable).toMatchObject({ stated: 0n, computed: 512n, agrees: false });
  });

  it('a CuDNNLSTM row has two bias vectors: the plain-LSTM count disagrees', () => {
    // input 32, units 64: Keras 4 x 64 x (32 + 64 + 1) = 24,832; cuDNN 4 x 64 x (32 + 64 + 2) = 25,088.
    const plain = verify(
      'Layer (type)   Output Shape   Param #\n========\ninput_1 (InputLayer)   (None, 10, 32)   0\n' +
        'cu_dnnlstm (CuDNNLSTM)   (None, 64)   24832\n',
    );
    expect(row(plain, 'cu_dnnlstm')).toMatchObject({ status: 'disagrees', computed: 25088n });
    const cudnn = verify(
      'Layer (type)   Output Shape   Param #\n========\ninput_1 (InputLayer)   (None, 10, 32)   0\n' +
        'cu_dnnlstm (CuDNNLSTM)   (None, 64)   25088\n',
    );
    expect(row(cudnn, 'cu_dnnlstm')).toMatchObject({ status: 'agrees', conventions: ['pytorch', 'cudnn'] });
  });

  it('a TimeDistributed(Dense) row no Dense fits disagrees', () => {
    const v = verify(
      'Layer (type)   Output Shape   Param #\n========\n' +
        'lstm (LSTM)   (None, 20, 32)   4352\n' +
        'time_distributed_dense (TimeDistributed)   (None, 20, 8)   265\n',
    );
    expect(row(v, 'time_distributed_dense')).toMatchObject({ status: 'disagrees', computed: 264n });
    const fits = verify(
      'Layer (type)   Output Shape   Param #\n========\n' +
        'lstm (LSTM)   (None, 20, 32)   4352\n' +
        'time_distributed_dense (TimeDistributed)   (None, 20, 8)   264\n',
    );
    expect(row(fits, 'time_distributed_dense').status).toBe('agrees');
  });

  it('a Keras 2.x MultiHeadA... row (type cut) is rebuilt by the engine', () => {
    const v = verify(
      'Layer (type)   Output Shape   Param #   Connected to\n========\n' +
        'x (InputLayer)   [(None, None, 1537)]   0   []\n' +
        "multi_head_attention (MultiHeadA...)  (None, None, 1537)  6300161   ['x[0][0]', 'x[0][0]']\n",
    );
    expect(row(v, 'multi_head_attention')).toMatchObject({ status: 'agrees', type: 'MultiHeadAttention' });
  });

  it('keras2 is labelled Keras 1–2.3 / TensorFlow.js', () => {
    expect(CONVENTION_LABELS.keras2).toBe('Keras 1–2.3 / TensorFlow.js');
  });
});
