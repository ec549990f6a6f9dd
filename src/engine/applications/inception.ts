// InceptionV3 (keras/src/applications/inception_v3.py) and InceptionResNetV2 (inception_resnet_v2.py):
// almost every convolution is conv2d_bn, a Conv2D without bias then a BatchNormalization with
// scale=False (beta and the moving statistics, no gamma). The builders name few of them, so most carry
// Keras's automatic names (conv2d, conv2d_1, ...).
import type { ApplicationDef, Resolved } from './common.js';
import { classifierTop, standardApplication } from './common.js';
import { AppGraph, channelsOf } from './graph.js';
import type { Tensor } from './graph.js';

function convBn(
  g: AppGraph,
  x: Tensor,
  filters: bigint,
  rows: bigint,
  cols: bigint,
  o: { strides?: bigint; padding?: 'valid' | 'same'; name?: string } = {},
): Tensor {
  const kernel: [bigint, bigint] = [rows, cols];
  const y = g.conv(x, filters, { kernel, strides: o.strides, padding: o.padding ?? 'same', bias: false, name: o.name });
  return g.bn(y, o.name === undefined ? undefined : `${o.name}_bn`, { scale: false });
}

const valid = { padding: 'valid' } as const;
const down = { strides: 2n, padding: 'valid' } as const;

/** A 3x3 stride-1 average pool and a 1x1 conv_bn: the pool branch of most Inception blocks. */
function poolBranch(g: AppGraph, x: Tensor, filters: bigint): Tensor {
  return convBn(g, g.pool(x, 'avg', 3n, 1n, 'same'), filters, 1n, 1n);
}

/** mixed0-2: 1x1, 5x5, double 3x3 and pool branches. */
function blockA(g: AppGraph, x: Tensor, poolFilters: bigint, name: string): Tensor {
  const b1 = convBn(g, x, 64n, 1n, 1n);
  const b5 = convBn(g, convBn(g, x, 48n, 1n, 1n), 64n, 5n, 5n);
  const b3 = convBn(g, convBn(g, convBn(g, x, 64n, 1n, 1n), 96n, 3n, 3n), 96n, 3n, 3n);
  return g.merge([b1, b5, b3, poolBranch(g, x, poolFilters)], 'Concatenate', name);
}

/** mixed4-7: factorised 7x7 branches of width c. */
function blockC(g: AppGraph, x: Tensor, c: bigint, name: string): Tensor {
  const b1 = convBn(g, x, 192n, 1n, 1n);
  let b7 = convBn(g, x, c, 1n, 1n);
  b7 = convBn(g, convBn(g, b7, c, 1n, 7n), 192n, 7n, 1n);
  let b7d = convBn(g, x, c, 1n, 1n);
  b7d = convBn(g, convBn(g, b7d, c, 7n, 1n), c, 1n, 7n);
  b7d = convBn(g, convBn(g, b7d, c, 7n, 1n), 192n, 1n, 7n);
  return g.merge([b1, b7, b7d, poolBranch(g, x, 192n)], 'Concatenate', name);
}

/** mixed9-10: expanded 3x3 branches, each split into 1x3 and 3x1. */
function blockE(g: AppGraph, x: Tensor, i: number): Tensor {
  const b1 = convBn(g, x, 320n, 1n, 1n);
  const b3 = convBn(g, x, 384n, 1n, 1n);
  const b3Out = g.merge([convBn(g, b3, 384n, 1n, 3n), convBn(g, b3, 384n, 3n, 1n)], 'Concatenate', `mixed9_${i}`);
  const bd = convBn(g, convBn(g, x, 448n, 1n, 1n), 384n, 3n, 3n);
  const bdOut = g.merge([convBn(g, bd, 384n, 1n, 3n), convBn(g, bd, 384n, 3n, 1n)], 'Concatenate');
  return g.merge([b1, b3Out, bdOut, poolBranch(g, x, 192n)], 'Concatenate', `mixed${9 + i}`);
}

/** The stem both models share: five conv2d_bn and two 3x3 stride-2 max pools (299 -> 35). */
function stem(g: AppGraph, input: Tensor): Tensor {
  let x = convBn(g, input, 32n, 3n, 3n, down);
  x = convBn(g, x, 32n, 3n, 3n, valid);
  x = convBn(g, x, 64n, 3n, 3n);
  x = g.pool(x, 'max', 3n, 2n, 'valid');
  x = convBn(g, x, 80n, 1n, 1n, valid);
  x = convBn(g, x, 192n, 3n, 3n, valid);
  return g.pool(x, 'max', 3n, 2n, 'valid');
}

function inceptionV3(r: Resolved): AppGraph {
  const g = new AppGraph();
  let x = stem(g, g.input(r.input));
  x = blockA(g, x, 32n, 'mixed0');
  x = blockA(g, x, 64n, 'mixed1');
  x = blockA(g, x, 64n, 'mixed2');
  // mixed3: grid reduction.
  {
    const b3 = convBn(g, x, 384n, 3n, 3n, down);
    const bd = convBn(g, convBn(g, convBn(g, x, 64n, 1n, 1n), 96n, 3n, 3n), 96n, 3n, 3n, down);
    x = g.merge([b3, bd, g.pool(x, 'max', 3n, 2n, 'valid')], 'Concatenate', 'mixed3');
  }
  x = blockC(g, x, 128n, 'mixed4');
  x = blockC(g, x, 160n, 'mixed5');
  x = blockC(g, x, 160n, 'mixed6');
  x = blockC(g, x, 192n, 'mixed7');
  // mixed8: grid reduction.
  {
    const b3 = convBn(g, convBn(g, x, 192n, 1n, 1n), 320n, 3n, 3n, down);
    let b7 = convBn(g, x, 192n, 1n, 1n);
    b7 = convBn(g, convBn(g, b7, 192n, 1n, 7n), 192n, 7n, 1n);
    b7 = convBn(g, b7, 192n, 3n, 3n, down);
    x = g.merge([b3, b7, g.pool(x, 'max', 3n, 2n, 'valid')], 'Concatenate', 'mixed8');
  }
  x = blockE(g, x, 0);
  x = blockE(g, x, 1);
  g.finish(classifierTop(g, x, r, { top: true, pooling: false }));
  return g;
}

// ---- InceptionResNetV2

/** inception_resnet_v2's blocks: branches concatenated, a 1x1 conv with bias back to x's width, scaled and added. */
function residualBlock(g: AppGraph, x: Tensor, type: 'block35' | 'block17' | 'block8', idx: number): Tensor {
  let branches: Tensor[];
  if (type === 'block35') {
    const b0 = convBn(g, x, 32n, 1n, 1n);
    const b1 = convBn(g, convBn(g, x, 32n, 1n, 1n), 32n, 3n, 3n);
    const b2 = convBn(g, convBn(g, convBn(g, x, 32n, 1n, 1n), 48n, 3n, 3n), 64n, 3n, 3n);
    branches = [b0, b1, b2];
  } else {
    // block17: 192 | 128 -> 160 (1x7) -> 192 (7x1); block8: 192 | 192 -> 224 (1x3) -> 256 (3x1).
    const [mid, a, b, k] = type === 'block17' ? [128n, 160n, 192n, 7n] : [192n, 224n, 256n, 3n];
    const b0 = convBn(g, x, 192n, 1n, 1n);
    branches = [b0, convBn(g, convBn(g, convBn(g, x, mid, 1n, 1n), a, 1n, k), b, k, 1n)];
  }
  const name = `${type}_${idx}`;
  const mixed = g.merge(branches, 'Concatenate', `${name}_mixed`);
  const up = g.conv(mixed, channelsOf(x), { kernel: 1n, padding: 'same', name: `${name}_conv` });
  return g.merge([x, up], 'CustomScaleLayer');
}

function inceptionResNetV2(r: Resolved): AppGraph {
  const g = new AppGraph();
  let x = stem(g, g.input(r.input));
  {
    const b0 = convBn(g, x, 96n, 1n, 1n);
    const b1 = convBn(g, convBn(g, x, 48n, 1n, 1n), 64n, 5n, 5n);
    const b2 = convBn(g, convBn(g, convBn(g, x, 64n, 1n, 1n), 96n, 3n, 3n), 96n, 3n, 3n);
    x = g.merge([b0, b1, b2, poolBranch(g, x, 64n)], 'Concatenate', 'mixed_5b');
  }
  for (let i = 1; i <= 10; i++) x = residualBlock(g, x, 'block35', i);
  {
    const b0 = convBn(g, x, 384n, 3n, 3n, down);
    const b1 = convBn(g, convBn(g, convBn(g, x, 256n, 1n, 1n), 256n, 3n, 3n), 384n, 3n, 3n, down);
    x = g.merge([b0, b1, g.pool(x, 'max', 3n, 2n, 'valid')], 'Concatenate', 'mixed_6a');
  }
  for (let i = 1; i <= 20; i++) x = residualBlock(g, x, 'block17', i);
  {
    const b0 = convBn(g, convBn(g, x, 256n, 1n, 1n), 384n, 3n, 3n, down);
    const b1 = convBn(g, convBn(g, x, 256n, 1n, 1n), 288n, 3n, 3n, down);
    const b2 = convBn(g, convBn(g, convBn(g, x, 256n, 1n, 1n), 288n, 3n, 3n), 320n, 3n, 3n, down);
    x = g.merge([b0, b1, b2, g.pool(x, 'max', 3n, 2n, 'valid')], 'Concatenate', 'mixed_7a');
  }
  for (let i = 1; i <= 10; i++) x = residualBlock(g, x, 'block8', i);
  x = convBn(g, x, 1536n, 1n, 1n, { name: 'conv_7b' });
  g.finish(classifierTop(g, x, r, { top: true, pooling: false }));
  return g;
}

export const INCEPTIONS: ApplicationDef[] = [
  standardApplication('InceptionV3', 'inception_v3.py', { defaultSize: 299n, minSize: 75n }, inceptionV3),
  standardApplication(
    'InceptionResNetV2',
    'inception_resnet_v2.py',
    { defaultSize: 299n, minSize: 75n },
    inceptionResNetV2,
  ),
];
