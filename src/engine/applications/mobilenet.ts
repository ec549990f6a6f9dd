// MobileNet (keras/src/applications/mobilenet.py) and MobileNetV2 (mobilenet_v2.py): depthwise
// separable blocks without biases, every width scaled by `alpha` exactly as Keras rounds it.
import type { Dim } from '../types.js';
import type { ApplicationDef, Resolved } from './common.js';
import { classifierTop } from './common.js';
import { AppGraph, channelsOf } from './graph.js';
import type { Tensor } from './graph.js';

/** Python's int(filters * alpha): the float product truncated (JS numbers are the same doubles). */
function scaled(filters: number, alpha: number): bigint {
  return BigInt(Math.trunc(filters * alpha));
}

/** MobileNetV2's _make_divisible(v, 8): to the nearest multiple of 8, never 10% below v. */
export function makeDivisible(v: number, divisor = 8): bigint {
  let n = Math.max(divisor, Math.floor(Math.trunc(v + divisor / 2) / divisor) * divisor);
  if (n < 0.9 * v) n += divisor;
  return BigInt(n);
}

/** Both MobileNets take the input side as their default size when it is square and one they have weights for. */
function squareDefault(sizes: readonly bigint[]): (shape: readonly Dim[] | null) => bigint {
  return (shape) => {
    const rows = shape?.[0] ?? null;
    return rows !== null && rows === (shape?.[1] ?? null) && sizes.includes(rows) ? rows : 224n;
  };
}

/** The widest multiplier accepted: far past any real model, and it keeps every width a plain integer. */
const MAX_ALPHA = 1000;

function alphaProblem(alpha: number): string | null {
  if (Number.isFinite(alpha) && alpha > 0 && alpha <= MAX_ALPHA) return null;
  return `alpha must be a number above 0 and at most ${MAX_ALPHA} (the width multiplier, e.g. alpha=0.5); got ${alpha}.`;
}

function inList(alpha: number, allowed: readonly number[]): boolean {
  return allowed.includes(alpha);
}

// ---- MobileNet (v1)

function mobilenetV1(r: Resolved): AppGraph {
  const g = new AppGraph();
  let x = g.input(r.input);
  x = g.bn(
    g.conv(x, scaled(32, r.alpha), { kernel: 3n, strides: 2n, padding: 'same', bias: false, name: 'conv1' }),
    'conv1_bn',
  );
  const blocks: [number, bigint][] = [
    [64, 1n],
    [128, 2n],
    [128, 1n],
    [256, 2n],
    [256, 1n],
    [512, 2n],
    [512, 1n],
    [512, 1n],
    [512, 1n],
    [512, 1n],
    [512, 1n],
    [1024, 2n],
    [1024, 1n],
  ];
  blocks.forEach(([filters, stride], i) => {
    const id = i + 1;
    if (stride === 2n)
      x = g.zeroPad(
        x,
        [
          [0n, 1n],
          [0n, 1n],
        ],
        `conv_pad_${id}`,
      );
    x = g.depthwise(x, {
      kernel: 3n,
      strides: stride,
      padding: stride === 1n ? 'same' : 'valid',
      bias: false,
      depthMultiplier: r.depthMultiplier,
      name: `conv_dw_${id}`,
    });
    x = g.bn(x, `conv_dw_${id}_bn`);
    x = g.conv(x, scaled(filters, r.alpha), { kernel: 1n, padding: 'same', bias: false, name: `conv_pw_${id}` });
    x = g.bn(x, `conv_pw_${id}_bn`);
  });
  if (r.includeTop) {
    x = g.globalPool(x, 'avg', undefined, true);
    x = g.conv(x, r.classes, { kernel: 1n, padding: 'same', name: 'conv_preds' });
    x = g.reshape(x, [r.classes], 'reshape_2');
  } else if (r.pooling) x = g.globalPool(x, r.pooling);
  g.finish(x);
  return g;
}

// ---- MobileNetV2

function invertedResBlock(
  g: AppGraph,
  inputs: Tensor,
  expansion: bigint,
  stride: bigint,
  r: Resolved,
  filters: number,
  id: number,
): Tensor {
  const inChannels = channelsOf(inputs);
  const pointwise = makeDivisible(Number(scaled(filters, r.alpha)));
  let x = inputs;
  let prefix = `block_${id}_`;
  if (id > 0) {
    x = g.conv(x, expansion * inChannels, { kernel: 1n, padding: 'same', bias: false, name: `${prefix}expand` });
    x = g.bn(x, `${prefix}expand_BN`);
  } else prefix = 'expanded_conv_';
  if (stride === 2n) x = g.correctPad(x, 3n, `${prefix}pad`);
  x = g.depthwise(x, {
    kernel: 3n,
    strides: stride,
    padding: stride === 1n ? 'same' : 'valid',
    bias: false,
    name: `${prefix}depthwise`,
  });
  x = g.bn(x, `${prefix}depthwise_BN`);
  x = g.conv(x, pointwise, { kernel: 1n, padding: 'same', bias: false, name: `${prefix}project` });
  x = g.bn(x, `${prefix}project_BN`);
  if (inChannels === pointwise && stride === 1n) return g.merge([inputs, x], 'Add', `${prefix}add`);
  return x;
}

function mobilenetV2(r: Resolved): AppGraph {
  const g = new AppGraph();
  let x = g.input(r.input);
  x = g.conv(x, makeDivisible(32 * r.alpha), { kernel: 3n, strides: 2n, padding: 'same', bias: false, name: 'Conv1' });
  x = g.bn(x, 'bn_Conv1');
  // [filters, stride, expansion] for block_id 0..16.
  const blocks: [number, bigint, bigint][] = [
    [16, 1n, 1n],
    [24, 2n, 6n],
    [24, 1n, 6n],
    [32, 2n, 6n],
    [32, 1n, 6n],
    [32, 1n, 6n],
    [64, 2n, 6n],
    [64, 1n, 6n],
    [64, 1n, 6n],
    [64, 1n, 6n],
    [96, 1n, 6n],
    [96, 1n, 6n],
    [96, 1n, 6n],
    [160, 2n, 6n],
    [160, 1n, 6n],
    [160, 1n, 6n],
    [320, 1n, 6n],
  ];
  blocks.forEach(([filters, stride, expansion], id) => {
    x = invertedResBlock(g, x, expansion, stride, r, filters, id);
  });
  const last = r.alpha > 1 ? makeDivisible(1280 * r.alpha) : 1280n;
  x = g.bn(g.conv(x, last, { kernel: 1n, bias: false, name: 'Conv_1' }), 'Conv_1_bn');
  g.finish(classifierTop(g, x, r, { top: false, pooling: false }));
  return g;
}

/** The MobileNets take input_shape and alpha first; the rest follows in this order. */
const SIGNATURE_TAIL = [
  'include_top',
  'weights',
  'input_tensor',
  'pooling',
  'classes',
  'classifier_activation',
  'name',
] as const;

export const MOBILENETS: ApplicationDef[] = [
  {
    name: 'MobileNet',
    source: 'keras/src/applications/mobilenet.py',
    signature: ['input_shape', 'alpha', 'depth_multiplier', 'dropout', ...SIGNATURE_TAIL],
    defaultSize: 224n,
    minSize: 32n,
    defaultSizeFor: squareDefault([128n, 160n, 192n, 224n]),
    check: (r) => {
      const bad = alphaProblem(r.alpha);
      if (bad) return bad;
      if (scaled(32, r.alpha) === 0n)
        return `alpha=${r.alpha} makes the first convolution int(32 x ${r.alpha}) = 0 filters wide, which Keras refuses; the smallest alpha that works is 0.03125.`;
      if (r.depthMultiplier <= 0n) return `depth_multiplier must be a positive integer; got ${r.depthMultiplier}.`;
      if (!r.imagenet) return null;
      if (r.depthMultiplier !== 1n)
        return `with weights='imagenet' Keras requires depth_multiplier=1 (got ${r.depthMultiplier}); pass weights=None to use another.`;
      if (!inList(r.alpha, [0.25, 0.5, 0.75, 1]))
        return `with weights='imagenet' Keras accepts alpha 0.25, 0.50, 0.75 or 1.0 only (got ${r.alpha}); pass weights=None to use another.`;
      return null;
    },
    build: mobilenetV1,
  },
  {
    name: 'MobileNetV2',
    source: 'keras/src/applications/mobilenet_v2.py',
    signature: ['input_shape', 'alpha', ...SIGNATURE_TAIL],
    defaultSize: 224n,
    minSize: 32n,
    defaultSizeFor: squareDefault([96n, 128n, 160n, 192n, 224n]),
    check: (r) => {
      const bad = alphaProblem(r.alpha);
      if (bad) return bad;
      if (r.imagenet && !inList(r.alpha, [0.35, 0.5, 0.75, 1, 1.3, 1.4]))
        return `with weights='imagenet' Keras accepts alpha 0.35, 0.50, 0.75, 1.0, 1.3 or 1.4 only (got ${r.alpha}); pass weights=None to use another.`;
      return null;
    },
    build: mobilenetV2,
  },
];
