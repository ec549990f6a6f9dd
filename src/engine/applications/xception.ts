// Xception (keras/src/applications/xception.py): separable convolutions without bias, each followed by
// BatchNormalization, with 1x1 strided conv shortcuts (left unnamed, so Keras names them conv2d, ...).
import type { ApplicationDef, Resolved } from './common.js';
import { classifierTop, standardApplication } from './common.js';
import { AppGraph } from './graph.js';
import type { Tensor } from './graph.js';

function sepBn(g: AppGraph, x: Tensor, filters: bigint, name: string): Tensor {
  return g.bn(g.separable(x, filters, { kernel: 3n, padding: 'same', bias: false, name }), `${name}_bn`);
}

/** Blocks 2-4 and 13: two separable convs and a strided max pool, added to a 1x1 conv shortcut. */
function downBlock(g: AppGraph, x: Tensor, first: bigint, second: bigint, block: number): Tensor {
  const residual = g.bn(g.conv(x, second, { kernel: 1n, strides: 2n, padding: 'same', bias: false }));
  let y = sepBn(g, x, first, `block${block}_sepconv1`);
  y = sepBn(g, y, second, `block${block}_sepconv2`);
  y = g.pool(y, 'max', 3n, 2n, 'same', `block${block}_pool`);
  return g.merge([y, residual], 'Add');
}

function xception(r: Resolved): AppGraph {
  const g = new AppGraph();
  let x = g.input(r.input);
  x = g.bn(g.conv(x, 32n, { kernel: 3n, strides: 2n, bias: false, name: 'block1_conv1' }), 'block1_conv1_bn');
  x = g.bn(g.conv(x, 64n, { kernel: 3n, bias: false, name: 'block1_conv2' }), 'block1_conv2_bn');
  x = downBlock(g, x, 128n, 128n, 2);
  x = downBlock(g, x, 256n, 256n, 3);
  x = downBlock(g, x, 728n, 728n, 4);
  for (let i = 0; i < 8; i++) {
    const prefix = `block${i + 5}`;
    let y = sepBn(g, x, 728n, `${prefix}_sepconv1`);
    y = sepBn(g, y, 728n, `${prefix}_sepconv2`);
    y = sepBn(g, y, 728n, `${prefix}_sepconv3`);
    x = g.merge([y, x], 'Add');
  }
  x = downBlock(g, x, 728n, 1024n, 13);
  x = sepBn(g, x, 1536n, 'block14_sepconv1');
  x = sepBn(g, x, 2048n, 'block14_sepconv2');
  g.finish(classifierTop(g, x, r, { top: true, pooling: false }));
  return g;
}

export const XCEPTIONS: ApplicationDef[] = [
  standardApplication('Xception', 'xception.py', { defaultSize: 299n, minSize: 71n }, xception),
];
