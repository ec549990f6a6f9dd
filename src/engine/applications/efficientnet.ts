// EfficientNetB0-B7 (keras/src/applications/efficientnet.py): MBConv blocks with squeeze-and-excitation,
// widths and repeats scaled by each variant's coefficients and rounded exactly as Keras rounds them.
import type { ApplicationDef, Resolved } from './common.js';
import { classifierTop, standardApplication } from './common.js';
import { AppGraph } from './graph.js';
import type { Tensor } from './graph.js';

interface BlockArgs {
  kernel: bigint;
  repeats: number;
  filtersIn: number;
  filtersOut: number;
  expandRatio: bigint;
  strides: bigint;
}

/** DEFAULT_BLOCKS_ARGS (every block has id_skip=True and se_ratio=0.25). */
const BLOCKS: readonly BlockArgs[] = [
  { kernel: 3n, repeats: 1, filtersIn: 32, filtersOut: 16, expandRatio: 1n, strides: 1n },
  { kernel: 3n, repeats: 2, filtersIn: 16, filtersOut: 24, expandRatio: 6n, strides: 2n },
  { kernel: 5n, repeats: 2, filtersIn: 24, filtersOut: 40, expandRatio: 6n, strides: 2n },
  { kernel: 3n, repeats: 3, filtersIn: 40, filtersOut: 80, expandRatio: 6n, strides: 2n },
  { kernel: 5n, repeats: 3, filtersIn: 80, filtersOut: 112, expandRatio: 6n, strides: 1n },
  { kernel: 5n, repeats: 4, filtersIn: 112, filtersOut: 192, expandRatio: 6n, strides: 2n },
  { kernel: 3n, repeats: 1, filtersIn: 192, filtersOut: 320, expandRatio: 6n, strides: 1n },
];
const SE_RATIO = 0.25;

/** round_filters: width x coefficient, to the nearest multiple of 8 and never 10% below it. */
function roundFilters(filters: number, width: number): bigint {
  const f = filters * width;
  let n = Math.max(8, Math.floor(Math.trunc(f + 4) / 8) * 8);
  if (n < 0.9 * f) n += 8;
  return BigInt(n);
}

function block(
  g: AppGraph,
  inputs: Tensor,
  filtersIn: bigint,
  filtersOut: bigint,
  b: BlockArgs,
  strides: bigint,
  name: string,
): Tensor {
  const filters = filtersIn * b.expandRatio;
  let x = inputs;
  if (b.expandRatio !== 1n)
    x = g.bn(
      g.conv(x, filters, { kernel: 1n, padding: 'same', bias: false, name: `${name}expand_conv` }),
      `${name}expand_bn`,
    );
  if (strides === 2n) x = g.correctPad(x, b.kernel, `${name}dwconv_pad`);
  x = g.depthwise(x, {
    kernel: b.kernel,
    strides,
    padding: strides === 2n ? 'valid' : 'same',
    bias: false,
    name: `${name}dwconv`,
  });
  x = g.bn(x, `${name}bn`);
  // Squeeze and excitation: two 1x1 convolutions with biases on the pooled channels.
  const filtersSe = BigInt(Math.max(1, Math.trunc(Number(filtersIn) * SE_RATIO)));
  let se = g.globalPool(x, 'avg', `${name}se_squeeze`);
  se = g.reshape(se, [1n, 1n, filters], `${name}se_reshape`);
  se = g.conv(se, filtersSe, { kernel: 1n, padding: 'same', name: `${name}se_reduce` });
  se = g.conv(se, filters, { kernel: 1n, padding: 'same', name: `${name}se_expand` });
  x = g.merge([x, se], 'Multiply', `${name}se_excite`);
  x = g.bn(
    g.conv(x, filtersOut, { kernel: 1n, padding: 'same', bias: false, name: `${name}project_conv` }),
    `${name}project_bn`,
  );
  if (strides === 1n && filtersIn === filtersOut) x = g.merge([x, inputs], 'Add', `${name}add`);
  return x;
}

function efficientnet(r: Resolved, width: number, depth: number): AppGraph {
  const g = new AppGraph();
  let x = g.input(r.input);
  const C = x.shape[2] ?? 3n;
  // Rescaling has no weights; Normalization keeps a mean and a variance per channel and a sample count,
  // set by adapt(), never by gradients.
  x = g.fixed(x, {
    name: 'normalization',
    typeName: 'Normalization',
    tensors: [
      { name: 'mean', shape: [C], trainable: false },
      { name: 'variance', shape: [C], trainable: false },
      { name: 'count', shape: [], trainable: false },
    ],
    explain: `Normalization stores the mean and variance of each of the ${C} input channels and the count of samples they were adapted on: set by adapt(), not by gradients, so all non-trainable.`,
  });
  x = g.correctPad(x, 3n, 'stem_conv_pad');
  x = g.conv(x, roundFilters(32, width), { kernel: 3n, strides: 2n, bias: false, name: 'stem_conv' });
  x = g.bn(x, 'stem_bn');
  BLOCKS.forEach((b, i) => {
    const repeats = Math.ceil(depth * b.repeats);
    const filtersOut = roundFilters(b.filtersOut, width);
    let filtersIn = roundFilters(b.filtersIn, width);
    for (let j = 0; j < repeats; j++) {
      const strides = j > 0 ? 1n : b.strides;
      if (j > 0) filtersIn = filtersOut;
      x = block(g, x, filtersIn, filtersOut, b, strides, `block${i + 1}${String.fromCharCode(97 + j)}_`);
    }
  });
  x = g.bn(
    g.conv(x, roundFilters(1280, width), { kernel: 1n, padding: 'same', bias: false, name: 'top_conv' }),
    'top_bn',
  );
  g.finish(classifierTop(g, x, r, { top: true, pooling: true }));
  return g;
}

/** [name, width coefficient, depth coefficient, default input size] per EfficientNetB0..B7. */
const VARIANTS: [string, number, number, bigint][] = [
  ['EfficientNetB0', 1.0, 1.0, 224n],
  ['EfficientNetB1', 1.0, 1.1, 240n],
  ['EfficientNetB2', 1.1, 1.2, 260n],
  ['EfficientNetB3', 1.2, 1.4, 300n],
  ['EfficientNetB4', 1.4, 1.8, 380n],
  ['EfficientNetB5', 1.6, 2.2, 456n],
  ['EfficientNetB6', 1.8, 2.6, 528n],
  ['EfficientNetB7', 2.0, 3.1, 600n],
];

export const EFFICIENTNETS: ApplicationDef[] = VARIANTS.map(([name, width, depth, size]) =>
  standardApplication(name, 'efficientnet.py', { defaultSize: size, minSize: 32n }, (r) =>
    efficientnet(r, width, depth),
  ),
);
