// A tiny graph builder for the Keras applications: each call adds the layer spec Keras's own builder
// adds (same name, same arguments) and returns the output tensor with its shape, computed here.
// countModel flows shapes as a chain, so when a layer reads a tensor other than the one the previous
// spec produced (a residual shortcut, a concatenation, an Inception branch) an `input` spec first
// resets the flowing shape to that tensor's: every width is stated, nothing depends on the chain.
// Activation, ReLU and Dropout layers (no weights, shape unchanged) are not added.
import type { LayerSpec } from '../model.js';
import type { Dim } from '../types.js';

/** A tensor between layers, batch axis excluded: (height, width, channels) or (features,). */
export interface Tensor {
  readonly shape: readonly Dim[];
}

type Padding = 'valid' | 'same';
type Pair = [bigint, bigint];

export interface ConvOptions {
  kernel: bigint | Pair;
  strides?: bigint;
  padding?: Padding;
  bias?: boolean;
  name?: string;
}

function pair(k: bigint | Pair): Pair {
  return typeof k === 'bigint' ? [k, k] : k;
}

/** Keras's output length for a conv or pool window (dilation 1). */
function windowOutput(n: Dim, k: bigint, stride: bigint, padding: Padding): Dim {
  if (n === null) return null;
  if (padding === 'same') return (n + stride - 1n) / stride;
  return n < k ? 0n : (n - k) / stride + 1n;
}

export function channelsOf(t: Tensor): bigint {
  const c = t.shape[t.shape.length - 1];
  // Every builder starts from an Input whose channel count is known, and every layer sets it.
  if (c === undefined || c === null) throw new Error('internal: a tensor without a channel count');
  return c;
}

/** Merge layers by class, with the snake_case base of Keras's automatic names. */
const MERGE_NAMES = {
  Add: 'add',
  Multiply: 'multiply',
  Concatenate: 'concatenate',
  CustomScaleLayer: 'custom_scale_layer',
} as const;

export class AppGraph {
  readonly layers: LayerSpec[] = [];
  private last: Tensor | null = null;
  /** The model's output shape (batch excluded), set by finish(). */
  output: readonly Dim[] = [];
  /** Keras's automatic names (`conv2d`, `conv2d_1`, ...) for layers the builder leaves unnamed. */
  private readonly autoNames = new Map<string, number>();

  input(shape: readonly Dim[]): Tensor {
    const t: Tensor = { shape };
    this.layers.push({ kind: 'input', shape: [...shape] });
    this.last = t;
    return t;
  }

  /** Makes `t` the shape flowing into the next spec (a no-op when it already is). */
  private from(t: Tensor): void {
    if (t !== this.last) this.layers.push({ kind: 'input', shape: [...t.shape] });
  }

  private add(x: Tensor, layer: LayerSpec, outShape: readonly Dim[]): Tensor {
    this.from(x);
    this.layers.push(layer);
    const out: Tensor = { shape: outShape };
    this.last = out;
    return out;
  }

  /** The tensor the model ends on, made the flowing shape so that layers added after it read it. */
  finish(x: Tensor): void {
    this.from(x);
    this.last = x;
    this.output = x.shape;
  }

  private name(given: string | undefined, base: string): string {
    if (given !== undefined) return given;
    const n = this.autoNames.get(base) ?? 0;
    this.autoNames.set(base, n + 1);
    return n === 0 ? base : `${base}_${n}`;
  }

  private spatial(x: Tensor, k: Pair, strides: bigint, padding: Padding, channels: bigint): Dim[] {
    return [
      windowOutput(x.shape[0] ?? null, k[0], strides, padding),
      windowOutput(x.shape[1] ?? null, k[1], strides, padding),
      channels,
    ];
  }

  private convSpec(
    x: Tensor,
    variant: 'standard' | 'depthwise' | 'separable',
    filters: bigint,
    o: ConvOptions,
    depthMultiplier: bigint,
    base: string,
  ): Tensor {
    const k = pair(o.kernel);
    const strides = o.strides ?? 1n;
    const padding = o.padding ?? 'valid';
    const C = channelsOf(x);
    const outChannels = variant === 'depthwise' ? C * depthMultiplier : filters;
    return this.add(
      x,
      {
        kind: 'conv',
        framework: 'keras',
        name: this.name(o.name, base),
        rank: 2,
        variant,
        input: C,
        filters,
        kernel: k,
        strides: [strides, strides],
        padding,
        dilation: [1n, 1n],
        groups: 1n,
        bias: o.bias ?? true,
        depthMultiplier,
        outputPadding: null,
        channelsFirst: false,
      },
      this.spatial(x, k, strides, padding, outChannels),
    );
  }

  conv(x: Tensor, filters: bigint, o: ConvOptions): Tensor {
    return this.convSpec(x, 'standard', filters, o, 1n, 'conv2d');
  }

  depthwise(x: Tensor, o: ConvOptions & { depthMultiplier?: bigint }): Tensor {
    return this.convSpec(x, 'depthwise', 0n, o, o.depthMultiplier ?? 1n, 'depthwise_conv2d');
  }

  separable(x: Tensor, filters: bigint, o: ConvOptions): Tensor {
    return this.convSpec(x, 'separable', filters, o, 1n, 'separable_conv2d');
  }

  /** BatchNormalization over the channels: gamma/beta trainable, moving mean/variance not. */
  bn(x: Tensor, name?: string, opts: { scale?: boolean } = {}): Tensor {
    return this.add(
      x,
      {
        kind: 'keras-norm',
        name: this.name(name, 'batch_normalization'),
        norm: 'batch',
        axis: [-1],
        center: true,
        scale: opts.scale ?? true,
        rmsScaling: false,
      },
      x.shape,
    );
  }

  dense(x: Tensor, units: bigint, name: string): Tensor {
    return this.add(x, { kind: 'dense', framework: 'keras', name, input: channelsOf(x), units, bias: true }, [
      ...x.shape.slice(0, -1),
      units,
    ]);
  }

  pool(x: Tensor, op: 'max' | 'avg', size: bigint, strides: bigint, padding: Padding, name?: string): Tensor {
    const base = op === 'max' ? 'max_pooling2d' : 'average_pooling2d';
    return this.add(
      x,
      {
        kind: 'pool',
        name: this.name(name, base),
        op,
        rank: 2,
        pool: [size, size],
        strides: [strides, strides],
        padding,
        channelsFirst: false,
      },
      this.spatial(x, [size, size], strides, padding, channelsOf(x)),
    );
  }

  globalPool(x: Tensor, op: 'max' | 'avg', name?: string, keepdims = false): Tensor {
    const base = op === 'max' ? 'global_max_pooling2d' : 'global_average_pooling2d';
    const C = channelsOf(x);
    return this.add(
      x,
      { kind: 'global-pool', name: this.name(name, base), op, rank: 2, keepdims, channelsFirst: false },
      keepdims ? [1n, 1n, C] : [C],
    );
  }

  zeroPad(x: Tensor, pads: [Pair, Pair], name?: string): Tensor {
    const grow = (n: Dim, p: Pair): Dim => (n === null ? null : n + p[0] + p[1]);
    return this.add(
      x,
      {
        kind: 'resize',
        name: this.name(name, 'zero_padding2d'),
        op: 'zeropad',
        rank: 2,
        amounts: [pads[0], pads[1]],
        channelsFirst: false,
      },
      [grow(x.shape[0] ?? null, pads[0]), grow(x.shape[1] ?? null, pads[1]), channelsOf(x)],
    );
  }

  /** Keras's `imagenet_utils.correct_pad`: the padding before a stride-2 'valid' conv of size k. */
  correctPad(x: Tensor, k: bigint, name: string): Tensor {
    const h = x.shape[0] ?? null;
    const w = x.shape[1] ?? null;
    const adjust: Pair = h === null ? [1n, 1n] : [1n - (h % 2n), w === null ? 1n : 1n - (w % 2n)];
    const c = k / 2n;
    return this.zeroPad(
      x,
      [
        [c - adjust[0], c],
        [c - adjust[1], c],
      ],
      name,
    );
  }

  flatten(x: Tensor, name: string): Tensor {
    const known = x.shape.every((d) => d !== null);
    const size = known ? (x.shape as bigint[]).reduce((a, b) => a * b, 1n) : null;
    return this.add(x, { kind: 'flatten', framework: 'keras', name }, [size]);
  }

  reshape(x: Tensor, target: bigint[], name: string): Tensor {
    return this.add(x, { kind: 'reshape', name, target }, target);
  }

  /**
   * Add / Multiply / Concatenate (and InceptionResNetV2's CustomScaleLayer, x + up x scale): no
   * weights; Concatenate's width is the sum of its inputs'.
   */
  merge(xs: Tensor[], op: keyof typeof MERGE_NAMES, name?: string): Tensor {
    const first = xs[0];
    if (!first) throw new Error('internal: a merge without inputs');
    const base = MERGE_NAMES[op];
    const channels = op === 'Concatenate' ? xs.reduce((s, t) => s + channelsOf(t), 0n) : channelsOf(first);
    const out: Tensor = { shape: [...first.shape.slice(0, -1), channels] };
    return this.add(
      out,
      { kind: 'passthrough', framework: 'keras', name: this.name(name, base), typeName: op },
      out.shape,
    );
  }

  /** A layer whose tensors are given outright (EfficientNet's Normalization). */
  fixed(x: Tensor, spec: Omit<Extract<LayerSpec, { kind: 'fixed' }>, 'kind' | 'framework' | 'outWidth'>): Tensor {
    return this.add(x, { kind: 'fixed', framework: 'keras', outWidth: null, ...spec }, x.shape);
  }
}
