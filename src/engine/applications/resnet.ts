// ResNet50/101/152 (keras/src/applications/resnet.py) and ResNet50V2/101V2/152V2 (resnet_v2.py):
// bottleneck blocks of 1x1, 3x3, 1x1 convolutions (all with biases), 4x wider at the output.
import type { ApplicationDef, Resolved } from './common.js';
import { classifierTop, standardApplication } from './common.js';
import { AppGraph } from './graph.js';
import type { Tensor } from './graph.js';

/** residual_block_v1: post-activation; a conv shortcut (with BN) on each stack's first block. */
function blockV1(g: AppGraph, x: Tensor, filters: bigint, stride: bigint, convShortcut: boolean, name: string): Tensor {
  const shortcut = convShortcut
    ? g.bn(g.conv(x, 4n * filters, { kernel: 1n, strides: stride, name: `${name}_0_conv` }), `${name}_0_bn`)
    : x;
  let y = g.bn(g.conv(x, filters, { kernel: 1n, strides: stride, name: `${name}_1_conv` }), `${name}_1_bn`);
  y = g.bn(g.conv(y, filters, { kernel: 3n, padding: 'same', name: `${name}_2_conv` }), `${name}_2_bn`);
  y = g.bn(g.conv(y, 4n * filters, { kernel: 1n, name: `${name}_3_conv` }), `${name}_3_bn`);
  return g.merge([shortcut, y], 'Add', `${name}_add`);
}

/** residual_block_v2: pre-activation BN; convs 1 and 2 without bias; stride on the 3x3 conv. */
function blockV2(g: AppGraph, x: Tensor, filters: bigint, stride: bigint, convShortcut: boolean, name: string): Tensor {
  const preact = g.bn(x, `${name}_preact_bn`);
  let shortcut = x;
  if (convShortcut) shortcut = g.conv(preact, 4n * filters, { kernel: 1n, strides: stride, name: `${name}_0_conv` });
  else if (stride > 1n) shortcut = g.pool(x, 'max', 1n, stride, 'valid');
  let y = g.bn(g.conv(preact, filters, { kernel: 1n, bias: false, name: `${name}_1_conv` }), `${name}_1_bn`);
  y = g.zeroPad(
    y,
    [
      [1n, 1n],
      [1n, 1n],
    ],
    `${name}_2_pad`,
  );
  y = g.bn(g.conv(y, filters, { kernel: 3n, strides: stride, bias: false, name: `${name}_2_conv` }), `${name}_2_bn`);
  y = g.conv(y, 4n * filters, { kernel: 1n, name: `${name}_3_conv` });
  return g.merge([shortcut, y], 'Add', `${name}_out`);
}

function stackV1(g: AppGraph, x: Tensor, filters: bigint, blocks: number, stride1: bigint, name: string): Tensor {
  let y = blockV1(g, x, filters, stride1, true, `${name}_block1`);
  for (let i = 2; i <= blocks; i++) y = blockV1(g, y, filters, 1n, false, `${name}_block${i}`);
  return y;
}

function stackV2(g: AppGraph, x: Tensor, filters: bigint, blocks: number, stride1: bigint, name: string): Tensor {
  let y = blockV2(g, x, filters, 1n, true, `${name}_block1`);
  for (let i = 2; i < blocks; i++) y = blockV2(g, y, filters, 1n, false, `${name}_block${i}`);
  return blockV2(g, y, filters, stride1, false, `${name}_block${blocks}`);
}

/** The shared ResNet(...) builder; `blocks` are the four stacks' block counts. */
function resnet(r: Resolved, blocks: readonly [number, number, number, number], preact: boolean): AppGraph {
  const g = new AppGraph();
  let x = g.input(r.input);
  x = g.zeroPad(
    x,
    [
      [3n, 3n],
      [3n, 3n],
    ],
    'conv1_pad',
  );
  x = g.conv(x, 64n, { kernel: 7n, strides: 2n, name: 'conv1_conv' });
  if (!preact) x = g.bn(x, 'conv1_bn');
  x = g.zeroPad(
    x,
    [
      [1n, 1n],
      [1n, 1n],
    ],
    'pool1_pad',
  );
  x = g.pool(x, 'max', 3n, 2n, 'valid', 'pool1_pool');
  const widths = [64n, 128n, 256n, 512n] as const;
  for (let s = 0; s < 4; s++) {
    const name = `conv${s + 2}`;
    const filters = widths[s] ?? 64n;
    const n = blocks[s] ?? 1;
    // v1 strides the first block of every stack but the first; v2 strides the last block of every stack but the last.
    if (preact) x = stackV2(g, x, filters, n, s === 3 ? 1n : 2n, name);
    else x = stackV1(g, x, filters, n, s === 0 ? 1n : 2n, name);
  }
  if (preact) x = g.bn(x, 'post_bn');
  g.finish(classifierTop(g, x, r, { top: true, pooling: true }));
  return g;
}

function def(name: string, file: string, blocks: [number, number, number, number], preact: boolean): ApplicationDef {
  return standardApplication(name, file, { defaultSize: 224n, minSize: 32n }, (r) => resnet(r, blocks, preact));
}

export const RESNETS: ApplicationDef[] = [
  def('ResNet50', 'resnet.py', [3, 4, 6, 3], false),
  def('ResNet101', 'resnet.py', [3, 4, 23, 3], false),
  def('ResNet152', 'resnet.py', [3, 8, 36, 3], false),
  def('ResNet50V2', 'resnet_v2.py', [3, 4, 6, 3], true),
  def('ResNet101V2', 'resnet_v2.py', [3, 4, 23, 3], true),
  def('ResNet152V2', 'resnet_v2.py', [3, 8, 36, 3], true),
];
