// DenseNet121/169/201 (keras/src/applications/densenet.py): dense blocks whose every conv block adds
// 32 channels by concatenation, and transitions that halve the channels; convolutions have no bias.
import type { ApplicationDef, Resolved } from './common.js';
import { classifierTop, standardApplication } from './common.js';
import { AppGraph, channelsOf } from './graph.js';
import type { Tensor } from './graph.js';

const GROWTH_RATE = 32n;

function convBlock(g: AppGraph, x: Tensor, name: string): Tensor {
  let y = g.bn(x, `${name}_0_bn`);
  y = g.bn(g.conv(y, 4n * GROWTH_RATE, { kernel: 1n, bias: false, name: `${name}_1_conv` }), `${name}_1_bn`);
  y = g.conv(y, GROWTH_RATE, { kernel: 3n, padding: 'same', bias: false, name: `${name}_2_conv` });
  return g.merge([x, y], 'Concatenate', `${name}_concat`);
}

/** transition_block with reduction 0.5: int(channels * 0.5) filters, then a 2x2 average pool. */
function transition(g: AppGraph, x: Tensor, name: string): Tensor {
  const y = g.bn(x, `${name}_bn`);
  const filters = channelsOf(y) / 2n;
  return g.pool(
    g.conv(y, filters, { kernel: 1n, bias: false, name: `${name}_conv` }),
    'avg',
    2n,
    2n,
    'valid',
    `${name}_pool`,
  );
}

function densenet(r: Resolved, blocks: readonly number[]): AppGraph {
  const g = new AppGraph();
  let x = g.input(r.input);
  x = g.zeroPad(x, [
    [3n, 3n],
    [3n, 3n],
  ]);
  x = g.bn(g.conv(x, 64n, { kernel: 7n, strides: 2n, bias: false, name: 'conv1_conv' }), 'conv1_bn');
  x = g.zeroPad(x, [
    [1n, 1n],
    [1n, 1n],
  ]);
  x = g.pool(x, 'max', 3n, 2n, 'valid', 'pool1');
  blocks.forEach((n, b) => {
    for (let i = 1; i <= n; i++) x = convBlock(g, x, `conv${b + 2}_block${i}`);
    if (b < blocks.length - 1) x = transition(g, x, `pool${b + 2}`);
  });
  x = g.bn(x, 'bn');
  g.finish(classifierTop(g, x, r, { top: true, pooling: true }));
  return g;
}

function def(name: string, blocks: number[]): ApplicationDef {
  return standardApplication(name, 'densenet.py', { defaultSize: 224n, minSize: 32n }, (r) => densenet(r, blocks));
}

export const DENSENETS: ApplicationDef[] = [
  def('DenseNet121', [6, 12, 24, 16]),
  def('DenseNet169', [6, 12, 32, 32]),
  def('DenseNet201', [6, 12, 48, 32]),
];
