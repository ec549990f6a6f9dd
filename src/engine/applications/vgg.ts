// VGG16 and VGG19 (keras/src/applications/vgg16.py, vgg19.py): five blocks of 3x3 'same' convolutions
// with biases, each ending in a 2x2 max pool; the top flattens into two 4096-unit Dense layers.
import type { ApplicationDef, Resolved } from './common.js';
import { standardApplication } from './common.js';
import { AppGraph } from './graph.js';

/** Convolutions per block: VGG16 has 2, 2, 3, 3, 3; VGG19 has 2, 2, 4, 4, 4. */
function vgg(r: Resolved, convs: readonly number[]): AppGraph {
  const g = new AppGraph();
  let x = g.input(r.input);
  const widths = [64n, 128n, 256n, 512n, 512n];
  convs.forEach((n, b) => {
    for (let i = 1; i <= n; i++)
      x = g.conv(x, widths[b] ?? 512n, { kernel: 3n, padding: 'same', name: `block${b + 1}_conv${i}` });
    x = g.pool(x, 'max', 2n, 2n, 'valid', `block${b + 1}_pool`);
  });
  if (r.includeTop) {
    // The flattened width depends on the input size: 7 x 7 x 512 = 25,088 for 224 x 224.
    x = g.flatten(x, 'flatten');
    x = g.dense(x, 4096n, 'fc1');
    x = g.dense(x, 4096n, 'fc2');
    x = g.dense(x, r.classes, 'predictions');
  } else if (r.pooling) x = g.globalPool(x, r.pooling);
  g.finish(x);
  return g;
}

function def(name: string, convs: number[]): ApplicationDef {
  return standardApplication(name, `${name.toLowerCase()}.py`, { defaultSize: 224n, minSize: 32n }, (r) =>
    vgg(r, convs),
  );
}

export const VGGS: ApplicationDef[] = [def('VGG16', [2, 2, 3, 3, 3]), def('VGG19', [2, 2, 4, 4, 4])];
