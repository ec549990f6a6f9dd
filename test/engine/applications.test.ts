// keras.applications built from their architecture and counted by the engine, checked against the
// totals Keras publishes (the keras.io applications table and model.summary() of each model).
import { describe, expect, it } from 'vitest';
import type { ApplicationArgs, PythonValue } from '../../src/engine/applications/index.js';
import {
  KERAS_APPLICATION_NAMES,
  kerasApplication,
  kerasApplicationCall,
  kerasApplicationSignature,
} from '../../src/engine/applications/index.js';
import { makeDivisible } from '../../src/engine/applications/mobilenet.js';
import { countModel, modelSpecSchema } from '../../src/engine/model.js';
import type { LayerSpec } from '../../src/engine/model.js';

function build(name: string, args: ApplicationArgs = {}) {
  const r = kerasApplication(name, args);
  if (!r.ok) throw new Error(r.error);
  return r.spec;
}

function count(name: string, args: ApplicationArgs = {}) {
  return countModel(build(name, args));
}

function error(name: string, args: ApplicationArgs = {}): string {
  const r = kerasApplication(name, args);
  if (r.ok) throw new Error(`${name} was expected to be refused`);
  return r.error;
}

function layer(name: string, args: ApplicationArgs, layerName: string) {
  const found = count(name, args).layers.find((l) => l.name === layerName);
  if (!found) throw new Error(`no layer ${layerName}`);
  return found;
}

// Total parameters with the defaults (include_top=True, 1000 classes), as keras.io lists them.
const PUBLISHED_TOTALS: [string, bigint][] = [
  ['Xception', 22_910_480n],
  ['VGG16', 138_357_544n],
  ['VGG19', 143_667_240n],
  ['ResNet50', 25_636_712n],
  ['ResNet101', 44_707_176n],
  ['ResNet152', 60_419_944n],
  ['ResNet50V2', 25_613_800n],
  ['ResNet101V2', 44_675_560n],
  ['ResNet152V2', 60_380_648n],
  ['InceptionV3', 23_851_784n],
  ['InceptionResNetV2', 55_873_736n],
  ['MobileNet', 4_253_864n],
  ['MobileNetV2', 3_538_984n],
  ['DenseNet121', 8_062_504n],
  ['DenseNet169', 14_307_880n],
  ['DenseNet201', 20_242_984n],
  ['EfficientNetB0', 5_330_571n],
  ['EfficientNetB1', 7_856_239n],
  ['EfficientNetB2', 9_177_569n],
  ['EfficientNetB3', 12_320_535n],
  ['EfficientNetB4', 19_466_823n],
  ['EfficientNetB5', 30_562_527n],
  ['EfficientNetB6', 43_265_143n],
  ['EfficientNetB7', 66_658_687n],
];

// model.summary(): Trainable / Non-trainable (BatchNorm moving statistics; EfficientNet's Normalization).
const PUBLISHED_SPLITS: [string, bigint, bigint][] = [
  ['ResNet50', 25_583_592n, 53_120n],
  ['VGG16', 138_357_544n, 0n],
  ['MobileNet', 4_231_976n, 21_888n],
  ['MobileNetV2', 3_504_872n, 34_112n],
  ['InceptionV3', 23_817_352n, 34_432n],
  ['InceptionResNetV2', 55_813_192n, 60_544n],
  ['Xception', 22_855_952n, 54_528n],
  ['DenseNet121', 7_978_856n, 83_648n],
  ['EfficientNetB0', 5_288_548n, 42_023n],
];

// include_top=False (the "notop" feature extractors of transfer-learning summaries).
const PUBLISHED_NOTOP: [string, bigint][] = [
  ['ResNet50', 23_587_712n],
  ['VGG16', 14_714_688n],
  ['VGG19', 20_024_384n],
  ['MobileNet', 3_228_864n],
  ['MobileNetV2', 2_257_984n],
  ['InceptionV3', 21_802_784n],
  ['InceptionResNetV2', 54_336_736n],
  ['DenseNet121', 7_037_504n],
  ['Xception', 20_861_480n],
  ['EfficientNetB0', 4_049_571n],
];

describe('keras.applications: published totals', () => {
  it.each(PUBLISHED_TOTALS)('%s has %s parameters', (name, total) => {
    const m = count(name);
    expect(m.total).toBe(total);
    expect(m.trainable + m.nonTrainable).toBe(total);
    expect(m.unknownLayers).toEqual([]);
  });

  it.each(PUBLISHED_SPLITS)('%s: trainable %s, non-trainable %s', (name, trainable, nonTrainable) => {
    const m = count(name);
    expect(m.trainable).toBe(trainable);
    expect(m.nonTrainable).toBe(nonTrainable);
  });

  it.each(PUBLISHED_NOTOP)('%s(include_top=False) has %s parameters', (name, total) => {
    expect(count(name, { includeTop: false }).total).toBe(total);
  });

  it('every known name is covered by the published totals', () => {
    expect([...KERAS_APPLICATION_NAMES].sort()).toEqual(PUBLISHED_TOTALS.map(([n]) => n).sort());
  });

  it('MobileNet at each width multiplier matches the paper table (trainable, millions to one decimal)', () => {
    // Keras's mobilenet.py docstring: alpha 1.0 -> 4.2M, 0.75 -> 2.6M, 0.50 -> 1.3M, 0.25 -> 0.5M.
    const millions = (n: bigint) => Math.round(Number(n) / 100_000) / 10;
    expect(millions(count('MobileNet', { alpha: 1 }).trainable)).toBe(4.2);
    expect(millions(count('MobileNet', { alpha: 0.75 }).trainable)).toBe(2.6);
    expect(millions(count('MobileNet', { alpha: 0.5 }).trainable)).toBe(1.3);
    expect(millions(count('MobileNet', { alpha: 0.25 }).trainable)).toBe(0.5);
  });
});

describe('keras.applications: arguments', () => {
  it('classes with weights=None replaces the 1000-way top', () => {
    // 2048 features -> 10 classes: 2048 x 10 + 10 on top of the published feature extractor.
    expect(count('ResNet50', { weights: null, classes: 10n }).total).toBe(23_587_712n + 20_490n);
    expect(count('EfficientNetB0', { weights: null, classes: 5n }).total).toBe(4_049_571n + 1280n * 5n + 5n);
  });

  it('pooling adds no weights and sets the output to the channels', () => {
    const m = count('ResNet50', { includeTop: false, pooling: 'avg' });
    expect(m.total).toBe(23_587_712n);
    expect(m.layers.at(-1)).toMatchObject({
      name: 'avg_pool',
      type: 'GlobalAveragePooling2D',
      outputShape: [null, 2048n],
    });
    expect(count('VGG16', { includeTop: false, pooling: 'max' }).layers.at(-1)?.outputShape).toEqual([null, 512n]);
  });

  it('input_shape flows through the architecture to the output Keras reports', () => {
    const out = (name: string, side: bigint) =>
      count(name, { includeTop: false, inputShape: [side, side, 3n] }).layers.at(-1)?.outputShape;
    expect(out('ResNet50', 224n)).toEqual([null, 7n, 7n, 2048n]);
    expect(out('VGG16', 224n)).toEqual([null, 7n, 7n, 512n]);
    expect(out('MobileNetV2', 224n)).toEqual([null, 7n, 7n, 1280n]);
    expect(out('EfficientNetB0', 224n)).toEqual([null, 7n, 7n, 1280n]);
    expect(out('InceptionV3', 299n)).toEqual([null, 8n, 8n, 2048n]);
    expect(out('InceptionResNetV2', 299n)).toEqual([null, 8n, 8n, 1536n]);
    expect(out('Xception', 299n)).toEqual([null, 10n, 10n, 2048n]);
    expect(out('DenseNet121', 224n)).toEqual([null, 7n, 7n, 1024n]);
    expect(out('ResNet50', 200n)).toEqual([null, 7n, 7n, 2048n]);
    const r = kerasApplication('ResNet50', { includeTop: false, inputShape: [224n, 224n, 3n] });
    expect(r.ok && r.output).toEqual([7n, 7n, 2048n]);
    const top = kerasApplication('MobileNet');
    expect(top.ok && top.output).toEqual([1000n]);
  });

  it("VGG16's flattened top follows the input size (weights=None)", () => {
    // 32x32 -> 1x1x512 = 512 features: fc1 is 512 x 4096 + 4096.
    const m = count('VGG16', { weights: null, inputShape: [32n, 32n, 3n], classes: 10n });
    expect(m.total).toBe(14_714_688n + (512n * 4096n + 4096n) + (4096n * 4096n + 4096n) + (4096n * 10n + 10n));
  });

  it('a single-channel input changes only the first convolution (weights=None)', () => {
    const m = count('ResNet50', { weights: null, includeTop: false, inputShape: [224n, 224n, 1n] });
    expect(m.total).toBe(23_587_712n - 7n * 7n * 2n * 64n);
    const norm = layer('EfficientNetB0', { weights: null, inputShape: [224n, 224n, 1n] }, 'normalization');
    expect(norm.nonTrainable).toBe(3n);
  });

  it("MobileNetV2's alpha rounds every width with Keras's _make_divisible", () => {
    // Values of Keras's own _make_divisible(v, 8), run in Python.
    expect([0.35, 0.5, 0.75, 1, 1.3, 1.4].map((a) => makeDivisible(32 * a))).toEqual([16n, 16n, 24n, 32n, 40n, 48n]);
    expect([16, 24, 32, 64, 96, 160, 320].map((f) => makeDivisible(Math.trunc(f * 1.4)))).toEqual([
      24n,
      32n,
      48n,
      88n,
      136n,
      224n,
      448n,
    ]);
    expect(makeDivisible(1280 * 1.3)).toBe(1664n);
    const conv1 = layer('MobileNetV2', { alpha: 1.4 }, 'Conv1');
    expect(conv1.tensors[0]?.shape).toEqual([3n, 3n, 3n, 48n]);
    expect(layer('MobileNetV2', { alpha: 1.4 }, 'Conv_1').tensors[0]?.shape).toEqual([1n, 1n, 448n, 1792n]);
    expect(layer('MobileNetV2', { alpha: 0.35 }, 'Conv_1').tensors[0]?.shape).toEqual([1n, 1n, 112n, 1280n]);
  });

  it('MobileNet depth_multiplier widens the depthwise convolutions (weights=None)', () => {
    const dw = layer('MobileNet', { weights: null, depthMultiplier: 2n }, 'conv_dw_1');
    expect(dw.tensors[0]?.shape).toEqual([3n, 3n, 32n, 2n]);
    expect(layer('MobileNet', { weights: null, depthMultiplier: 2n }, 'conv_pw_1').tensors[0]?.shape).toEqual([
      1n,
      1n,
      64n,
      64n,
    ]);
  });

  it('names layers as Keras does and keeps BatchNorm moving statistics non-trainable', () => {
    const m = count('ResNet50');
    const names = m.layers.map((l) => l.name);
    expect(names).toContain('conv1_conv');
    expect(names).toContain('conv2_block1_0_conv');
    expect(names).toContain('conv5_block3_3_bn');
    const bn = m.layers.find((l) => l.name === 'conv1_bn');
    expect(bn).toMatchObject({ params: 256n, trainable: 128n, nonTrainable: 128n });
    // InceptionV3's BatchNormalization has scale=False: beta and the two moving statistics.
    const incBn = layer('InceptionV3', {}, 'batch_normalization');
    expect(incBn).toMatchObject({ params: 96n, trainable: 32n, nonTrainable: 64n });
    expect(layer('InceptionV3', {}, 'conv2d_93').tensors[0]?.shape).toEqual([1n, 1n, 2048n, 192n]);
  });

  it('notes what changes nothing: imagenet weights, pooling Keras ignores', () => {
    expect(build('ResNet50').notes.join(' ')).toContain("weights='imagenet' only sets the values");
    expect(build('ResNet50', { includeTop: false, pooling: 'average' }).notes.join(' ')).toContain(
      'Keras adds no pooling layer',
    );
    expect(build('ResNet50', { pooling: 'max' }).notes.join(' ')).toContain('ignored by Keras when include_top=True');
    expect(count('ResNet50', { includeTop: false, pooling: 'average' }).layers.at(-1)?.name).toBe('conv5_block3_add');
  });

  it('accepts dotted names as written in code', () => {
    expect(kerasApplication('tf.keras.applications.resnet50.ResNet50').ok).toBe(true);
    expect(kerasApplication('keras.applications.EfficientNetB3').ok).toBe(true);
  });

  it('gives each application its Python parameter order', () => {
    expect(kerasApplicationSignature('MobileNet')?.slice(0, 3)).toEqual(['input_shape', 'alpha', 'depth_multiplier']);
    expect(kerasApplicationSignature('keras.applications.ResNet50')?.[0]).toBe('include_top');
    expect(kerasApplicationSignature('Nope')).toBeNull();
  });

  it('makes specs the schema accepts, and that later layers can follow', () => {
    for (const name of KERAS_APPLICATION_NAMES) expect(() => modelSpecSchema.parse(build(name))).not.toThrow();
    // Sequential([ResNet50(include_top=False, input_shape=(224, 224, 3)), GlobalAveragePooling2D(), Dense(10)])
    const spec = build('ResNet50', { includeTop: false, inputShape: [224n, 224n, 3n] });
    const head: LayerSpec[] = [
      { kind: 'global-pool', op: 'avg', rank: 2, keepdims: false, channelsFirst: false },
      { kind: 'dense', framework: 'keras', input: null, units: 10n, bias: true },
    ];
    expect(countModel({ ...spec, layers: [...spec.layers, ...head] }).total).toBe(23_587_712n + 20_490n);
  });
});

describe('keras.applications: refusals', () => {
  it('refuses an unknown application, naming the known ones', () => {
    const e = error('ResNet18');
    expect(e).toContain('ResNet18');
    expect(e).toContain('ResNet50');
    expect(e).toContain('EfficientNetB0');
    expect(error('resnet50')).toContain('Did you mean ResNet50?');
  });

  it('says what Keras says about imagenet weights', () => {
    expect(error('ResNet50', { classes: 10n })).toContain('weights=None');
    expect(error('ResNet50', { inputShape: [128n, 128n, 3n] })).toContain('(224, 224, 3)');
    expect(error('ResNet50', { includeTop: false, inputShape: [224n, 224n, 1n] })).toContain('3 channels');
    expect(error('MobileNet', { alpha: 0.3 })).toContain('alpha');
    expect(error('MobileNet', { depthMultiplier: 2n })).toContain('depth_multiplier');
    expect(error('MobileNetV2', { alpha: 0.6 })).toContain('alpha');
  });

  it('refuses inputs Keras refuses', () => {
    expect(error('InceptionV3', { includeTop: false, inputShape: [64n, 64n, 3n] })).toContain('75x75');
    expect(error('VGG16', { weights: null, inputShape: [null, null, 3n] })).toContain('fixed input size');
    expect(error('VGG16', { weights: null, inputShape: [224n, 224n] })).toContain('three numbers');
    expect(error('ResNet50', { weights: null, classes: 0n })).toContain('positive');
    expect(error('ResNet50', { weights: null, includeTop: false, inputShape: [224n, 224n, 0n] })).toContain('channel');
  });

  it('bounds alpha, and refuses one that leaves a layer with no filters', () => {
    expect(error('MobileNet', { weights: null, alpha: 0.01 })).toContain('0 filters');
    expect(error('MobileNet', { weights: null, alpha: Number.POSITIVE_INFINITY })).toContain('at most 1000');
    expect(error('MobileNetV2', { weights: null, alpha: Number.NaN })).toContain('above 0');
    expect(error('MobileNetV2', { weights: null, alpha: -1 })).toContain('above 0');
    // alpha = 1/32 is the narrowest MobileNet Keras builds: conv1 has int(32 x 0.03125) = 1 filter.
    expect(layer('MobileNet', { weights: null, alpha: 0.03125 }, 'conv1').tensors[0]?.shape).toEqual([3n, 3n, 3n, 1n]);
  });
});

describe('keras.applications: the call as a reader evaluated it', () => {
  function callTotal(path: string, positional: PythonValue[], keywords: Record<string, PythonValue>): bigint {
    const r = kerasApplicationCall(path, positional, keywords);
    if (!r.ok) throw new Error(r.error);
    return countModel(r.spec).total;
  }
  function callError(path: string, positional: PythonValue[], keywords: Record<string, PythonValue>): string {
    const r = kerasApplicationCall(path, positional, keywords);
    if (r.ok) throw new Error('expected a refusal');
    return r.error;
  }

  it('binds keywords and positional arguments to the real signature', () => {
    expect(callTotal('tf.keras.applications.ResNet50', [], {})).toBe(25_636_712n);
    expect(callTotal('keras.applications.ResNet50', [], { weights: null, classes: 10n })).toBe(23_608_202n);
    // ResNet50(False, None, None, (224, 224, 3))
    expect(callTotal('ResNet50', [false, null, null, [224n, 224n, 3n]], {})).toBe(23_587_712n);
    // MobileNet(input_shape, alpha, ...): alpha second.
    expect(callTotal('MobileNet', [null, 0.5], {})).toBe(count('MobileNet', { alpha: 0.5 }).total);
    expect(callTotal('MobileNetV2', [], { alpha: 1n, include_top: false })).toBe(2_257_984n);
  });

  it('ignores what never changes a count, and reads input_tensor for its shape', () => {
    expect(
      callTotal('EfficientNetB0', [], {
        classifier_activation: { other: 'None' },
        name: 'backbone',
        include_top: false,
        input_tensor: { tensorShape: [224n, 224n, 3n] },
      }),
    ).toBe(4_049_571n);
    expect(callTotal('MobileNet', [], { dropout: 0.5 })).toBe(4_253_864n);
  });

  it('refuses what Python or Keras would refuse, saying what was expected', () => {
    expect(callError('keras.applications.ResNet18', [], {})).toContain('ResNet50');
    expect(callError('ResNet50', [], { alpha: 0.5 })).toContain('has no argument `alpha`');
    expect(callError('ResNet50', [true], { include_top: false })).toContain('two values for `include_top`');
    expect(callError('ResNet50', [], { include_top: 'no' })).toContain('True or False');
    expect(callError('ResNet50', [], { weights: null, classes: 2.5 })).toContain('positive integer');
    expect(callError('ResNet50', [], { input_shape: 'big', include_top: false })).toContain('(224, 224, 3)');
    expect(
      callError(
        'ResNet50',
        Array.from({ length: 9 }, () => null),
        {},
      ),
    ).toContain('at most 8 arguments');
    expect(callError('ResNet50', [], { classes: 10n })).toContain('weights=None');
  });
});
