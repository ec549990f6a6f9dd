import { describe, expect, it } from 'vitest';
import { answerQuery } from '../../src/answer.js';
import {
  ModelError,
  countModel,
  countModelWithAlternatives,
  kerasSnake,
  modelAlternativesOf,
  tryCountModel,
} from '../../src/engine/model.js';
import { MAX_MODEL_ROWS } from '../../src/limits.js';
import { parseCode } from '../../src/parse/code.js';
import type { LayerSpec, ModelSpec, RecurrentLayerSpec } from '../../src/engine/model.js';

const kerasLSTM = (units: bigint, extra: Partial<RecurrentLayerSpec> = {}): RecurrentLayerSpec => ({
  kind: 'recurrent',
  cell: 'lstm',
  input: null,
  units,
  layers: 1,
  bidirectional: false,
  bias: true,
  proj: null,
  peepholes: false,
  resetAfter: null,
  convention: 'keras',
  framework: 'keras',
  ...extra,
});

const dense = (units: bigint): LayerSpec => ({ kind: 'dense', framework: 'keras', input: null, units, bias: true });

function model(layers: LayerSpec[], input: ModelSpec['input'] = null): ModelSpec {
  return { framework: 'keras', layers, input, notes: [] };
}

describe('shape flow', () => {
  it('Embedding -> LSTM(return_sequences) -> LSTM -> Dense', () => {
    const r = countModel(
      model([
        { kind: 'embedding', framework: 'keras', vocab: 20_000n, dim: 138n, inputLength: null, paddingIdx: false },
        kerasLSTM(32n, { returnSequences: true }),
        kerasLSTM(146n),
        dense(16n),
      ]),
    );
    expect(r.total).toBe(
      20_000n * 138n + 4n * (138n + 32n + 1n) * 32n + 4n * (32n + 146n + 1n) * 146n + (146n + 1n) * 16n,
    );
    expect(r.layers.map((l) => l.outputShape)).toEqual([
      [null, null, 138n],
      [null, null, 32n],
      [null, 146n],
      [null, 16n],
    ]);
    expect(r.layers.map((l) => l.name)).toEqual(['embedding', 'lstm', 'lstm_1', 'dense']);
  });
  it('Bidirectional concat doubles the width the next layer sees; sum/mul/ave do not', () => {
    const bi = (mergeMode: 'concat' | 'sum') =>
      countModel(model([kerasLSTM(256n, { bidirectional: true, mergeMode, inputShape: [10n, 153n] }), dense(2n)]));
    const lstm = 4n * (153n + 256n + 1n) * 256n;
    expect(bi('concat').total).toBe(2n * lstm + (512n + 1n) * 2n);
    expect(bi('sum').total).toBe(2n * lstm + (256n + 1n) * 2n);
  });
  it('Conv2D / MaxPooling2D / Flatten / Dense: the Keras MNIST convnet has 34,826 parameters', () => {
    const conv = (filters: bigint): LayerSpec => ({
      kind: 'conv',
      framework: 'keras',
      rank: 2,
      variant: 'standard',
      input: null,
      filters,
      kernel: [3n, 3n],
      strides: [1n, 1n],
      padding: 'valid',
      dilation: [1n, 1n],
      groups: 1n,
      bias: true,
      depthMultiplier: 1n,
      outputPadding: null,
      channelsFirst: false,
    });
    const pool: LayerSpec = {
      kind: 'pool',
      op: 'max',
      rank: 2,
      pool: [2n, 2n],
      strides: [2n, 2n],
      padding: 'valid',
      channelsFirst: false,
    };
    const r = countModel(
      model([
        { kind: 'input', shape: [28n, 28n, 1n] },
        conv(32n),
        pool,
        conv(64n),
        pool,
        { kind: 'flatten', framework: 'keras' },
        { kind: 'passthrough', framework: 'keras', typeName: 'Dropout' },
        dense(10n),
      ]),
    );
    expect(r.total).toBe(34_826n);
    expect(r.layers.map((l) => l.outputShape)).toEqual([
      [null, 26n, 26n, 32n],
      [null, 13n, 13n, 32n],
      [null, 11n, 11n, 64n],
      [null, 5n, 5n, 64n],
      [null, 1600n],
      [null, 1600n],
      [null, 10n],
    ]);
  });
  it('TimeDistributed(Dense) works over the last axis and counts once', () => {
    const r = countModel(
      model([
        kerasLSTM(5n, { inputShape: [5n, 1n], returnSequences: true }),
        { kind: 'time-distributed', layer: dense(1n) },
      ]),
    );
    expect(r.total).toBe(4n * (1n + 5n + 1n) * 5n + 6n);
    expect(r.layers[1]?.type).toBe('TimeDistributed(Dense)');
    expect(r.layers[1]?.outputShape).toEqual([null, 5n, 1n]);
  });
  it('BatchNormalization moving statistics are non-trainable; PyTorch buffers are separate', () => {
    const r = countModel(
      model(
        [dense(64n), { kind: 'keras-norm', norm: 'batch', axis: [-1], center: true, scale: true, rmsScaling: false }],
        { width: 10n },
      ),
    );
    expect([r.total, r.trainable, r.nonTrainable]).toEqual([704n + 256n, 704n + 128n, 128n]);
    const t = countModel({
      framework: 'pytorch',
      layers: [
        { kind: 'torch-batchnorm', typeName: 'BatchNorm2d', features: 2n, affine: true, trackRunningStats: true },
      ],
      input: null,
      notes: [],
    });
    expect([t.total, t.buffers]).toEqual([4n, 5n]);
  });
  it('Keras trainable=False makes a layer non-trainable', () => {
    const r = countModel(model([kerasLSTM(8n, { inputShape: [null, 4n], trainable: false }), dense(1n)]));
    expect(r.nonTrainable).toBe(4n * (4n + 8n + 1n) * 8n);
    expect(r.layers[0]?.isTrainable).toBe(false);
  });
});

describe('asking for what is missing', () => {
  it('a bare LSTM(64) asks for the input width by name', () => {
    const spec = model([{ ...kerasLSTM(64n), source: 'LSTM(64)' }]);
    expect(() => countModel(spec)).toThrow(ModelError);
    const r = tryCountModel(spec);
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.error).toBe(
        'I need the input width for LSTM(64): add `input=N` (e.g. `LSTM(64) input=128`) or `input_shape=(timesteps, features)`.',
      );
  });
  it('an input hint supplies it', () => {
    expect(countModel(model([kerasLSTM(64n)], { width: 128n })).total).toBe(4n * (128n + 64n + 1n) * 64n);
    expect(countModel(model([kerasLSTM(64n)], { shape: [10n, 128n] })).total).toBe(4n * (128n + 64n + 1n) * 64n);
  });
  it('Flatten with an unknown sequence length cannot feed a Dense', () => {
    const r = tryCountModel(
      model([
        { kind: 'embedding', framework: 'keras', vocab: 10n, dim: 4n, inputLength: null, paddingIdx: false },
        { kind: 'flatten', framework: 'keras' },
        dense(1n),
      ]),
    );
    expect(r.ok).toBe(false);
  });
  it('unknown layers are listed and the rest is still counted', () => {
    const r = countModel(
      model([
        kerasLSTM(8n, { inputShape: [null, 4n] }),
        { kind: 'unknown', typeName: 'Foo', framework: 'keras' },
        dense(1n),
      ]),
    );
    expect(r.unknownLayers).toEqual(['Foo']);
    expect(r.total).toBe(4n * (4n + 8n + 1n) * 8n + 9n);
    expect(r.notes.some((n) => n.startsWith('not counted: Foo'))).toBe(true);
  });
});

describe('alternatives', () => {
  it('each other convention that can count every recurrent layer', () => {
    const spec = model([kerasLSTM(256n, { inputShape: [16n, 4096n] })]);
    const alts = modelAlternativesOf(spec);
    const byConv = Object.fromEntries(alts.map((a) => [a.convention, a.total]));
    expect(byConv.pytorch).toBe(4n * (4096n + 256n + 2n) * 256n); // 4,458,496 (cuDNN/PyTorch two biases)
    expect(byConv.keras).toBeUndefined();
    expect(byConv.keras2).toBe(4_457_472n);
  });
  it('no recurrent layers: none', () => {
    expect(modelAlternativesOf(model([dense(3n)], { width: 2n }))).toEqual([]);
  });
});

describe('kerasSnake', () => {
  it('matches Keras automatic names', () => {
    expect(
      [
        'LSTM',
        'SimpleRNN',
        'Conv2D',
        'ConvLSTM2D',
        'MaxPooling2D',
        'BatchNormalization',
        'GlobalMaxPooling1D',
        'TimeDistributed',
        'CuDNNLSTM',
      ].map(kerasSnake),
    ).toEqual([
      'lstm',
      'simple_rnn',
      'conv2d',
      'conv_lstm2d',
      'max_pooling2d',
      'batch_normalization',
      'global_max_pooling1d',
      'time_distributed',
      'cu_dnnlstm',
    ]);
  });
});

describe('one count for pasted code', () => {
  const code = 'model.add(Embedding(640, 300))\nmodel.add(Bidirectional(LSTM(300, return_sequences=True)))';
  it('a recurrent model under every other convention that can count it, from the same flow', () => {
    const parsed = parseCode(code);
    if (!parsed.ok) throw new Error(parsed.error);
    const { record, alternatives } = countModelWithAlternatives(parsed.model);
    // Keras: 640 x 300 embedding + 2 directions x 4 gates x (300 + 300 + 1) x 300.
    expect(record.total).toBe(640n * 300n + 2n * 4n * (300n + 300n + 1n) * 300n);
    const cudnn = alternatives.find((a) => a.convention === 'cudnn');
    // cuDNN/PyTorch keep two bias vectors per gate: 4 gates x 300 units x 2 directions more.
    expect(cudnn?.total).toBe(640n * 300n + 2n * 4n * (300n + 300n + 2n) * 300n);
    expect(alternatives.some((a) => a.convention === 'keras')).toBe(false);
  });
  it('empty without recurrent layers', () => {
    const parsed = parseCode('nn.Linear(3, 4)');
    if (!parsed.ok) throw new Error(parsed.error);
    expect(countModelWithAlternatives(parsed.model).alternatives).toEqual([]);
  });
  it('the parser returns the spec; the missing input width is the engine answer', () => {
    const parsed = parseCode('model.add(LSTM(64))');
    expect(parsed.ok).toBe(true);
    const answer = answerQuery('model.add(LSTM(64))');
    expect(answer.kind === 'error' && answer.message).toMatch(/I need the input width for LSTM\(64\)/);
  });
});

describe('the work budget', () => {
  const lstm = 'nn.LSTM(1000000000000,1000000000000,1000,bidirectional=True),';
  it(`refuses a model past ${MAX_MODEL_ROWS} layer rows before counting, quoting the limit`, () => {
    // 1,622 layers x 1,000 stacked x 2 directions: the hostile paste from issue 10.
    const answer = answerQuery(`nn.Sequential(${lstm.repeat(1622)})`);
    expect(answer.kind).toBe('error');
    expect(answer.kind === 'error' && answer.message).toContain('at most 10,000 in one answer');
  });
  it('counts one just inside it (5 x 1,000 x 2 = 10,000 rows)', () => {
    const answer = answerQuery(`nn.Sequential(${lstm.repeat(5)})`);
    const H = 10n ** 12n;
    // PyTorch, per layer-direction 4 gates x (X + H + 2) x H; layer 0 reads H, layers 1+ read 2H.
    const one = 2n * 4n * (H + H + 2n) * H + 999n * 2n * 4n * (2n * H + H + 2n) * H;
    expect(answer.kind === 'count' && answer.model.total).toBe(5n * one);
  });
  it('refuses a total past 10^48 parameters', () => {
    const big = '1000000000000';
    const conv = `nn.Conv3d(${big}, ${big}, (${big}, ${big}, ${big})),`;
    const answer = answerQuery(`nn.Sequential(${conv})`);
    expect(answer.kind === 'error' && answer.message).toContain('more than 10^48 parameters');
  });
});
