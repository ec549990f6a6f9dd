import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countModel, modelSpecSchema, tryCountModel } from '../../src/engine/model.js';
import type { ModelSpec } from '../../src/engine/model.js';
import type { ModelRecord } from '../../src/engine/types.js';
import { looksLikeCode, parseCode } from '../../src/parse/code.js';

function spec(code: string): ModelSpec {
  const r = parseCode(code);
  if (!r.ok) throw new Error(r.error);
  return r.model;
}

function count(code: string): ModelRecord {
  return countModel(spec(code));
}

/** The parser's refusal, or (for code it reads) the engine's: what the user is told either way. */
function refusal(code: string): string {
  const r = parseCode(code);
  if (!r.ok) return r.error;
  const counted = tryCountModel(r.model);
  if (counted.ok) throw new Error(`expected a refusal for ${code.slice(0, 60)}`);
  return counted.error;
}

const EXAMPLE = /e\.g\. `nn\.LSTM\(300, 512, num_layers=2, bidirectional=True\)`/;

describe('whole models (figures from the frameworks themselves)', () => {
  it('Keras VGG16 (Sequential, same padding, pooling, Flatten, Dense): 138,357,544', () => {
    const block = (filters: number, n: number, first = '') =>
      Array.from(
        { length: n },
        (_, i) => `model.add(Conv2D(${filters}, (3, 3), activation='relu', padding='same'${i === 0 ? first : ''}))`,
      ).join('\n') + '\nmodel.add(MaxPooling2D((2, 2), strides=(2, 2)))';
    const code = [
      'from keras.models import Sequential',
      'from keras.layers import Conv2D, MaxPooling2D, Flatten, Dense',
      'model = Sequential()',
      block(64, 2, ', input_shape=(224, 224, 3)'),
      block(128, 2),
      block(256, 3),
      block(512, 3),
      block(512, 3),
      'model.add(Flatten())',
      "model.add(Dense(4096, activation='relu'))",
      "model.add(Dense(4096, activation='relu'))",
      "model.add(Dense(1000, activation='softmax'))",
      'model.summary()',
    ].join('\n');
    const r = count(code);
    expect(r.total).toBe(138_357_544n);
    expect(r.layers.find((l) => l.type === 'Flatten')?.outputShape).toEqual([null, 25_088n]);
  });

  it('Keras MNIST convnet (keras.Sequential list, layers.*): 34,826', () => {
    const code = `model = keras.Sequential(
    [
        keras.Input(shape=(28, 28, 1)),
        layers.Conv2D(32, kernel_size=(3, 3), activation="relu"),
        layers.MaxPooling2D(pool_size=(2, 2)),
        layers.Conv2D(64, kernel_size=(3, 3), activation="relu"),
        layers.MaxPooling2D(pool_size=(2, 2)),
        layers.Flatten(),
        layers.Dropout(0.5),
        layers.Dense(num_classes, activation="softmax"),
    ]
)
num_classes = 10`;
    // num_classes defined after use is an error in Python too; define it first:
    expect(refusal(code)).toMatch(/`num_classes`.*isn't defined/);
    const r = count(`num_classes = 10\n${code}`);
    expect(r.total).toBe(34_826n);
    expect(r.layers.map((l) => l.name)).toEqual([
      'conv2d',
      'max_pooling2d',
      'conv2d_1',
      'max_pooling2d_1',
      'flatten',
      'dropout',
      'dense',
    ]);
  });

  it('Keras functional API (keras.io bidirectional LSTM example): 2,757,761', () => {
    const r = count(
      `inputs = keras.Input(shape=(None,), dtype="int32")
x = layers.Embedding(max_features, 128)(inputs)
x = layers.Bidirectional(layers.LSTM(64, return_sequences=True))(x)
x = layers.Bidirectional(layers.LSTM(64))(x)
outputs = layers.Dense(1, activation="sigmoid")(x)
model = keras.Model(inputs, outputs)`.replace('max_features', '20000'),
    );
    expect(r.total).toBe(2_757_761n);
    expect(r.layers[1]?.tensors.map((t) => t.name)).toEqual([
      'forward/kernel',
      'forward/recurrent_kernel',
      'forward/bias',
      'backward/kernel',
      'backward/recurrent_kernel',
      'backward/bias',
    ]);
  });

  it('PyTorch LeNet-5 in nn.Sequential with arithmetic: 61,706', () => {
    const r = count(`import torch
import torch.nn as nn
model = nn.Sequential(
    nn.Conv2d(1, 6, kernel_size=5), nn.ReLU(), nn.MaxPool2d(2),
    nn.Conv2d(6, 16, 5), nn.ReLU(), nn.MaxPool2d(2),
    nn.Flatten(),
    nn.Linear(16 * 5 * 5, 120), nn.ReLU(),
    nn.Linear(120, 84), nn.ReLU(),
    nn.Linear(84, 10),
)`);
    expect(r.total).toBe(61_706n);
    expect(r.convention).toBe('pytorch');
    expect(r.layers.map((l) => l.name).slice(0, 4)).toEqual(['0', '1', '2', '3']);
  });

  it('nn.Transformer() defaults: 44,140,544', () => {
    expect(count('nn.Transformer()').total).toBe(44_140_544n);
    expect(count('torch.nn.Transformer(d_model=512, nhead=8, num_encoder_layers=6, num_decoder_layers=6)').total).toBe(
      44_140_544n,
    );
  });

  it('an encoder layer passed to nn.TransformerEncoder counts once, inside the stack', () => {
    const r = count(`encoder_layer = nn.TransformerEncoderLayer(d_model=768, nhead=12, dim_feedforward=3072)
transformer_encoder = nn.TransformerEncoder(encoder_layer, num_layers=12)`);
    expect(r.total).toBe(12n * 7_087_872n); // BERT-base's 12 encoder layers
    expect(r.layers).toHaveLength(1);
    expect(r.layers[0]?.name).toBe('transformer_encoder');
  });
});

describe('the pieces people paste', () => {
  it('layer lines from a PyTorch __init__ (self.x = ...)', () => {
    const r = count(
      `self.embedding = nn.Embedding(vocab_size, 300, padding_idx=0)
self.lstm = nn.LSTM(300, 512, num_layers=2, bidirectional=True, batch_first=True, dropout=0.3)
self.fc = nn.Linear(512 * 2, num_classes)`
        .replace('vocab_size', '10_000')
        .replace('num_classes', '5'),
    );
    const lstm = 2n * 4n * (300n + 512n + 2n) * 512n + 2n * 4n * (1024n + 512n + 2n) * 512n;
    expect(r.total).toBe(10_000n * 300n + lstm + (1024n * 5n + 5n));
    expect(r.layers.map((l) => l.name)).toEqual(['embedding', 'lstm', 'fc']);
  });

  it('imports are read for names, never refused', () => {
    expect(count('from torch.nn import LSTM\nLSTM(10, 20)').convention).toBe('pytorch');
    expect(count('from tensorflow.keras.layers import LSTM\nLSTM(20, input_shape=(5, 10))').convention).toBe('keras');
    const flax = count('import flax.linen as nn\nnn.LSTMCell(64)\ninput = 32');
    expect(flax.convention).toBe('flax');
    expect(flax.total).toBe(4n * (32n * 64n + 64n * 64n + 64n));
  });

  it('framework detection by path and name', () => {
    expect(count('torch.nn.GRU(10, 20)').layers[0]?.convention).toBe('pytorch');
    expect(count('tf.keras.layers.GRU(20, input_shape=(5, 10))').layers[0]?.convention).toBe('keras');
    expect(count('flax.linen.GRUCell(features=20) input=10').layers[0]?.convention).toBe('flax');
    expect(count('nn.GRUCell(features=20) input=10').layers[0]?.convention).toBe('flax');
    expect(count('nn.GRUCell(10, 20)').layers[0]?.convention).toBe('pytorch');
    // bare Capitalised Keras names are Keras; a bare recurrent class with two sizes reads as PyTorch
    expect(count('Dense(4, input_dim=3)').layers[0]?.type).toBe('Dense');
    const bare = count('LSTM(128, 64)');
    expect(bare.convention).toBe('pytorch');
    expect(bare.total).toBe(4n * (128n + 64n + 2n) * 64n);
  });

  it('Keras GRU: reset_after defaults to True (Keras 3); reset_after=False gives 3H(I+H+1)', () => {
    expect(count('GRU(64, input_shape=(10, 32))').total).toBe(3n * 64n * (32n + 64n + 2n));
    expect(count('GRU(64, reset_after=False, input_shape=(10, 32))').total).toBe(3n * 64n * (32n + 64n + 1n));
  });

  it('Keras 1 arguments: output_dim, input_dim/input_length, Convolution2D(nb_filter, nb_row, nb_col)', () => {
    expect(count('model.add(LSTM(output_dim=32, input_dim=16, input_length=10))').total).toBe(
      4n * (16n + 32n + 1n) * 32n,
    );
    const conv = count(
      "model.add(Convolution2D(32, 3, 3, border_mode='same', input_shape=(28, 28, 1)))\nmodel.add(Flatten())\nmodel.add(Dense(10))",
    );
    expect(conv.total).toBe(320n + (28n * 28n * 32n + 1n) * 10n);
  });

  it('CuDNNLSTM keeps two biases with Keras tensor names', () => {
    const r = count('model = Sequential()\nmodel.add(CuDNNLSTM(64, input_shape=(10, 32)))');
    expect(r.total).toBe(4n * (32n + 64n + 2n) * 64n);
    expect(r.layers[0]?.tensors.map((t) => t.name)).toEqual(['kernel', 'recurrent_kernel', 'bias']);
  });

  it('Conv1D strides/padding and pooling flow', () => {
    const r = count(`Sequential([
    Conv1D(16, 3, strides=2, padding='same', input_shape=(100, 8)),
    MaxPooling1D(2),
    Conv1D(8, 3),
    Flatten(),
    Dense(1),
])`);
    // 100 -> ceil(100/2) = 50 -> pool 25 -> valid k=3: 23; Flatten 23*8 = 184
    expect(r.layers.map((l) => l.outputShape)).toEqual([
      [null, 50n, 16n],
      [null, 25n, 16n],
      [null, 23n, 8n],
      [null, 184n],
      [null, 1n],
    ]);
    expect(r.total).toBe(3n * 8n * 16n + 16n + (3n * 16n * 8n + 8n) + 185n);
  });

  it('Keras RNN(cell), TimeDistributed, Bidirectional merge modes', () => {
    expect(count('RNN(LSTMCell(64), input_shape=(10, 32))').total).toBe(4n * (32n + 64n + 1n) * 64n);
    expect(
      count('model.add(LSTM(5, input_shape=(5, 1), return_sequences=True))\nmodel.add(TimeDistributed(Dense(3)))')
        .total,
    ).toBe(4n * 7n * 5n + 18n);
    const ave = count(
      "model.add(Bidirectional(SimpleRNN(16), merge_mode='ave', input_shape=(10, 64)))\nmodel.add(Dense(8))",
    );
    expect(ave.total).toBe(2n * 16n * (64n + 16n + 1n) + 17n * 8n);
  });

  it('nn.Sequential with an OrderedDict keeps the names; a shared module counts once', () => {
    const named = count("nn.Sequential(OrderedDict([('conv1', nn.Conv2d(1, 20, 5)), ('relu1', nn.ReLU())]))");
    expect(named.layers.map((l) => l.name)).toEqual(['conv1', 'relu1']);
    const shared = count('lin = nn.Linear(10, 10)\nmodel = nn.Sequential(lin, nn.ReLU(), lin)');
    expect(shared.total).toBe(110n);
    expect(shared.notes.some((n) => /count once/.test(n))).toBe(true);
  });

  it('PyTorch BatchNorm buffers are reported separately', () => {
    const r = count('nn.BatchNorm1d(2808)');
    expect([r.total, r.buffers]).toEqual([5616n, 5617n]);
  });

  it('unknown classes are listed, the rest is still counted', () => {
    const r = count('nn.Linear(3, 4)\nnn.FancyNewThing(12)');
    expect(r.total).toBe(16n);
    expect(r.unknownLayers).toEqual(['FancyNewThing']);
  });

  it('arguments that do not change the count are accepted; unknown keywords are noted', () => {
    const r = count("nn.LSTM(10, 20, batch_first=True, dropout=0.1, device='cpu', dtype=torch.float32)");
    expect(r.total).toBe(4n * (10n + 20n + 2n) * 20n);
    const noted = count('nn.Linear(3, 4, colour=2)');
    expect(noted.layers[0]?.notes.join(' ')).toMatch(/Ignored `colour=`/);
  });

  it('counting lines and calls that are not layers are skipped', () => {
    const r = count(
      'model = nn.Sequential(nn.Linear(3, 4))\nprint(sum(p.numel() for p in model.parameters()))\nx = torch.randn(2, 3)\ny = model(x)',
    );
    expect(r.total).toBe(16n);
  });

  it('a trailing input=N or input_shape=(...) supplies the width; when not needed it is noted', () => {
    expect(count('LSTM(64) input=128').total).toBe(4n * (128n + 64n + 1n) * 64n);
    expect(count('GRU(8, reset_after=False)\ninput_shape = (5, 3)').total).toBe(3n * 8n * (3n + 8n + 1n));
    expect(count('nn.LSTM(10, 20) input=128').notes.some((n) => /not needed/.test(n))).toBe(true);
  });

  it('the spec passes its zod schema', () => {
    expect(
      modelSpecSchema.safeParse(spec('model.add(Embedding(1000, 64))\nmodel.add(LSTM(32))\nmodel.add(Dense(1))'))
        .success,
    ).toBe(true);
  });
});

describe('asking for what the code does not say', () => {
  it('a bare LSTM(64)', () => {
    expect(refusal('LSTM(64)')).toBe(
      'I need the input width for LSTM(64): add `input=N` (e.g. `LSTM(64) input=128`) or `input_shape=(timesteps, features)`.',
    );
  });
  it('a Flax cell without input=N', () => {
    expect(refusal('flax.linen.LSTMCell(features=64)')).toMatch(
      /I need the input width for flax\.linen\.LSTMCell\(features=64\): Flax infers it at run time, so add `input=N`/,
    );
  });
  it('a Conv2D without input_shape', () => {
    expect(refusal('Conv2D(32, 3)')).toMatch(/input_shape=\(height, width, channels\)/);
  });
  it('an undefined variable', () => {
    expect(refusal('nn.Linear(hidden, 3)')).toMatch(
      /`hidden`.*isn't defined in what you pasted: add a line such as `hidden = 256`/,
    );
  });
  it('impossible configurations', () => {
    expect(refusal('nn.LSTM(10, 20, proj_size=30)')).toMatch(/proj \(30\) must be smaller than the units/);
    expect(refusal('nn.MultiheadAttention(10, 3)')).toMatch(/divisible by num_heads/);
    expect(refusal('nn.Conv2d(10, 8, 3, groups=4)')).toMatch(/divisible by groups/);
  });
});

describe('refusals: friendly strings, no throw, no stack overflow', () => {
  it('unbalanced parentheses say where', () => {
    expect(refusal('nn.LSTM(300, 512, num_layers=2')).toMatch(
      /Unbalanced parentheses: the `\(` at line 1, column 8 is never closed/,
    );
    expect(refusal('nn.LSTM(300, 512))')).toMatch(EXAMPLE);
  });
  it("__import__('os').system('id'), eval, exec, lambda", () => {
    for (const code of [
      "__import__('os').system('id')",
      'eval("1")',
      'exec("print(1)")',
      "nn.Linear(eval('3'), 4)",
      'import os\nos.system("id")',
    ]) {
      const e = refusal(code);
      expect(e).toMatch(/isn't a layer description|not a layer/);
      expect(e).toMatch(EXAMPLE);
    }
  });
  it('10,000 nested nn.Sequential( and 100,000 (', () => {
    expect(refusal('nn.Sequential('.repeat(10_000))).toMatch(EXAMPLE);
    expect(refusal('nn.Sequential('.repeat(6_000) + ')'.repeat(6_000))).toMatch(/nests brackets more than 64 deep/);
    expect(refusal('('.repeat(100_000))).toMatch(/nests brackets more than 64 deep/);
  });
  it('a 100,000-digit number, 1e309, 2**1000, NaN', () => {
    expect(refusal('9'.repeat(100_000))).toMatch(/100,000 digits/);
    expect(refusal(`nn.Linear(${'9'.repeat(50_000)}, 3)`)).toMatch(/50,000 digits/);
    expect(refusal('nn.Linear(1e309, 3)')).toMatch(/1e309.*infinity/);
    expect(refusal('nn.Linear(2**1000, 3)')).toMatch(/`2\*\*1000` is larger than the largest size I accept/);
    expect(refusal('nn.Linear(NaN, 3)')).toMatch(/NaN/);
  });
  it('over-long input', () => {
    expect(refusal('nn.Linear(1, 2)\n' + '#'.repeat(100_000))).toMatch(/at most 100,000/);
  });
  it('prose and empty code', () => {
    expect(refusal('model.compile(loss="mse")')).toMatch(/couldn't find a layer/);
  });
  it('never throws, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (s) => {
        expect(typeof parseCode(s).ok).toBe('boolean');
      }),
      { numRuns: 300 },
    );
    const parts = [
      'nn.',
      'LSTM',
      'Dense',
      'Sequential',
      '(',
      ')',
      '[',
      ']',
      ',',
      '=',
      '1',
      '64',
      'x',
      ' ',
      '\n',
      'model.add',
      'input=',
      'True',
      "'same'",
      '**',
      '*',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...parts), { maxLength: 60 }), (xs) => {
        expect(typeof parseCode(xs.join('')).ok).toBe('boolean');
      }),
      { numRuns: 1000 },
    );
  });
});

describe('looksLikeCode', () => {
  it('true for calls, model.add and Sequential', () => {
    for (const t of [
      'nn.LSTM(300, 512)',
      'nn.LSTM(300, 512',
      'model.add(Dense(3))',
      'Sequential',
      'LSTM(64) input=128',
      '```tf.keras.layers.GRU(8)```',
      "__import__('os')",
      'eval("1")',
      'x = 3\nnn.Linear(x, 2)',
    ])
      expect(looksLikeCode(t)).toBe(true);
  });
  it('false for slash shorthand and prose', () => {
    for (const t of [
      '/lstm 4096 256',
      'lstm 4096 256',
      'how many parameters does an LSTM have?',
      'what about LSTM (64)?',
      '',
    ])
      expect(looksLikeCode(t)).toBe(false);
  });
});

describe('prose around inline code', () => {
  it('reads just the `code spans` when the whole message is not code', () => {
    expect(count('How many params in `nn.LSTM(300, 512)`?').total).toBe(4n * (300n + 512n + 2n) * 512n);
    expect(refusal('is `nn.LSTM(300, 512` right?')).toMatch(/Unbalanced parentheses: the `\(` at line 1, column 8/);
  });
  it('a refusal anywhere still stands', () => {
    expect(refusal('`nn.Linear(3, 4)` and __import__')).toMatch(/__import__/);
  });
});

describe('limits', () => {
  it('a model of up to 2,000 layers is counted; more is refused', () => {
    const lines = (n: number) =>
      [
        'model = Sequential()',
        'model.add(Dense(64, input_shape=(32,)))',
        ...Array.from({ length: n - 1 }, () => 'model.add(Dense(64))'),
      ].join('\n');
    expect(count(lines(2000)).total).toBe(32n * 64n + 64n + 1999n * (64n * 64n + 64n));
    expect(refusal(lines(2001))).toMatch(/more than 2000 layers/);
  });
  it('num_layers is bounded', () => {
    expect(refusal('nn.LSTM(10, 20, num_layers=5000)')).toMatch(/more than the 1000 stacked layers/);
  });
});

describe('errors quote at most a short piece of the paste', () => {
  it('a 98,980-character name is cut in the error, with its length said', () => {
    const name = 'a'.repeat(98_980);
    const r = parseCode(`nn.Linear(${name}, 3)`);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.length).toBeLessThan(1000);
    expect(r.error).toContain('… (98,980 characters)');
  });
});

describe('Keras tensor arithmetic in a functional graph', () => {
  it('a residual `x + att` is a weightless Add of both tensors; `ffn(x)` applies a Sequential (Keras text classification example)', () => {
    const code = [
      'def build_model(vocab_size=20000, maxlen=200, embed_dim=32, num_heads=2, ff_dim=32):',
      '    inputs = layers.Input(shape=(maxlen,))',
      '    x = layers.Embedding(vocab_size, embed_dim)(inputs)',
      '    att = layers.MultiHeadAttention(num_heads=num_heads, key_dim=embed_dim)(x, x)',
      '    x = layers.LayerNormalization(epsilon=1e-6)(x + att)',
      '    ffn = keras.Sequential([layers.Dense(ff_dim, activation="relu"), layers.Dense(embed_dim)])',
      '    x = layers.LayerNormalization(epsilon=1e-6)(x + ffn(x))',
      '    x = layers.GlobalAveragePooling1D()(x * 0.5)',
      '    outputs = layers.Dense(2, activation="softmax")(layers.Dense(20, activation="relu")(x))',
      '    return keras.Model(inputs=inputs, outputs=outputs)',
      'model = build_model()',
    ].join('\n');
    const r = parseCode(code);
    if (!r.ok) throw new Error(r.error);
    // Embedding 640,000 + MHA 3 x (32 x 64 + 64) + (64 x 32 + 32) = 8,416 + 2 LayerNorms 128
    // + FFN 1,056 + 1,056 + Dense 660 + 42
    expect(countModel(r.model).total).toBe(651_358n);
  });
});
