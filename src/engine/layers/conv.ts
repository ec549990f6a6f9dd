// Convolutions (PyTorch Conv1d/2d/3d and ConvTranspose, Keras Conv1D/2D/3D, transposed, depthwise,
// separable), Keras ConvLSTM1D/2D/3D, and the output-size arithmetic for convs and pooling.
import type { Dim, LayerRecord, Step, Term } from '../types.js';
import { makeRecord, prod, shapeText, tensor, term } from './common.js';
import type { Framework } from './common.js';

export type ConvVariant = 'standard' | 'transpose' | 'depthwise' | 'separable';

export interface ConvParams {
  framework: Framework;
  name?: string;
  typeName?: string;
  variant?: ConvVariant;
  /** Input channels. */
  input: bigint;
  /** Output channels (filters / out_channels); for depthwise: ignored (input x depth multiplier). */
  filters: bigint;
  kernel: bigint[];
  groups?: bigint;
  bias: boolean;
  depthMultiplier?: bigint;
  isTrainable?: boolean;
}

function kernelTerms(kernel: bigint[]): Term[] {
  return kernel.map((k, i) =>
    term(k, kernel.length === 1 ? 'kernel' : (['kernel h', 'kernel w', 'kernel d'][i] ?? 'kernel')),
  );
}

/** One conv layer's weights. Throws RangeError (friendly text) when the groups don't divide. */
export function countConv(p: ConvParams): LayerRecord {
  const variant = p.variant ?? 'standard';
  const groups = p.groups ?? 1n;
  const torch = p.framework === 'pytorch';
  const rank = p.kernel.length;
  if (p.input <= 0n) throw new RangeError('a convolution needs a positive number of input channels');
  if (variant !== 'depthwise' && p.filters <= 0n)
    throw new RangeError('a convolution needs a positive number of filters');
  if (p.kernel.some((k) => k <= 0n)) throw new RangeError('kernel sizes must be positive');
  if (groups <= 0n) throw new RangeError('groups must be positive');
  if (p.input % groups !== 0n) throw new RangeError(`in_channels (${p.input}) must be divisible by groups (${groups})`);
  if (variant !== 'depthwise' && p.filters % groups !== 0n)
    throw new RangeError(`out_channels (${p.filters}) must be divisible by groups (${groups})`);
  const type = p.typeName ?? (torch ? `Conv${rank}d` : `Conv${rank}D`);
  const steps: Step[] = [];
  const tensors = [];
  let biasLen = 0n;
  if (variant === 'depthwise' || variant === 'separable') {
    const dm = p.depthMultiplier ?? 1n;
    const dwShape = [...p.kernel, p.input, dm];
    const dw = prod(dwShape);
    tensors.push(tensor('depthwise_kernel', dwShape));
    steps.push({
      kind: 'say',
      sentence:
        variant === 'depthwise'
          ? { id: 'conv-depthwise', input: p.input, kernel: p.kernel.join('x'), multiplier: dm }
          : { id: 'conv-separable', kernel: p.kernel.join('x'), filters: p.filters },
    });
    steps.push({
      kind: 'product',
      label: 'depthwise kernel',
      factors: [...kernelTerms(p.kernel), term(p.input, 'input channels'), term(dm, 'depth multiplier')],
      result: dw,
    });
    if (variant === 'separable') {
      const pwShape = [...p.kernel.map(() => 1n), p.input * dm, p.filters];
      tensors.push(tensor('pointwise_kernel', pwShape));
      steps.push({
        kind: 'product',
        label: 'pointwise kernel',
        factors: [term(p.input * dm, 'channels'), term(p.filters, 'filters')],
        result: p.input * dm * p.filters,
      });
      biasLen = p.filters;
    } else {
      biasLen = p.input * dm;
    }
  } else {
    const perGroupIn = p.input / groups;
    let weightShape: bigint[];
    if (torch)
      weightShape =
        variant === 'transpose' ? [p.input, p.filters / groups, ...p.kernel] : [p.filters, perGroupIn, ...p.kernel];
    else
      weightShape =
        variant === 'transpose' ? [...p.kernel, p.filters / groups, p.input] : [...p.kernel, perGroupIn, p.filters];
    tensors.push(tensor(torch ? 'weight' : 'kernel', weightShape));
    const weight = prod(weightShape);
    steps.push({
      kind: 'say',
      sentence: {
        id: 'conv-weight',
        torch,
        filters: p.filters,
        kernel: p.kernel.join('x'),
        input: p.input,
        groups,
        groupWidth: variant === 'transpose' ? p.filters / groups : perGroupIn,
        transpose: variant === 'transpose',
        shape: shapeText(weightShape),
      },
    });
    const factors =
      variant === 'transpose'
        ? [
            ...kernelTerms(p.kernel),
            term(p.input, 'in channels'),
            term(p.filters / groups, groups > 1n ? 'out channels / groups' : 'out channels'),
          ]
        : [
            ...kernelTerms(p.kernel),
            term(perGroupIn, groups > 1n ? 'in channels / groups' : 'in channels'),
            term(p.filters, torch ? 'out channels' : 'filters'),
          ];
    steps.push({ kind: 'product', label: 'weights', factors, result: weight });
    biasLen = p.filters;
  }
  if (p.bias) tensors.push(tensor('bias', [biasLen]));
  const weights = tensors.reduce((s, t) => s + t.params, 0n) - (p.bias ? biasLen : 0n);
  const total = weights + (p.bias ? biasLen : 0n);
  if (p.bias) {
    steps.push({
      kind: 'sum',
      label: 'total',
      terms: [term(weights, 'weights'), term(biasLen, 'bias (one per output channel)')],
      result: total,
    });
  } else {
    steps.push({ kind: 'say', sentence: { id: 'no-bias' } });
  }
  if (variant === 'standard' || variant === 'transpose') {
    const inner = [
      ...p.kernel.map(String),
      variant === 'transpose' ? String(p.input) : groups > 1n ? `(${p.input} / ${groups})` : String(p.input),
      variant === 'transpose' ? (groups > 1n ? `(${p.filters} / ${groups})` : String(p.filters)) : String(p.filters),
    ].join(' x ');
    steps.push({
      kind: 'formula',
      label: 'in one line',
      expression: p.bias ? `${inner} + ${biasLen}` : inner,
      result: total,
    });
  }
  return makeRecord({
    name: p.name ?? type.toLowerCase(),
    type,
    framework: p.framework,
    tensors,
    steps,
    isTrainable: p.isTrainable,
  });
}

export interface ConvLSTMParams {
  name?: string;
  typeName?: string;
  input: bigint;
  filters: bigint;
  kernel: bigint[];
  bias: boolean;
  isTrainable?: boolean;
}

/** Keras ConvLSTM1D/2D/3D: an LSTM whose four gates are convolutions: 4 x (k·(in + filters)·filters + filters). */
export function countConvLSTM(p: ConvLSTMParams): LayerRecord {
  if (p.input <= 0n || p.filters <= 0n || p.kernel.some((k) => k <= 0n))
    throw new RangeError('ConvLSTM needs positive sizes');
  const rank = p.kernel.length;
  const type = p.typeName ?? `ConvLSTM${rank}D`;
  const k = prod(p.kernel);
  const f = p.filters;
  const tensors = [
    tensor('kernel', [...p.kernel, p.input, 4n * f]),
    tensor('recurrent_kernel', [...p.kernel, f, 4n * f]),
  ];
  if (p.bias) tensors.push(tensor('bias', [4n * f]));
  const perGateW = k * (p.input + f) * f;
  const perGate = perGateW + (p.bias ? f : 0n);
  const total = 4n * perGate;
  const steps: Step[] = [
    { kind: 'say', sentence: { id: 'convlstm', kernel: p.kernel.join('x') } },
    {
      kind: 'sum',
      label: '[h_{t-1}, x_t] channels',
      terms: [term(f, 'filters (h_{t-1})'), term(p.input, 'input channels')],
      result: p.input + f,
    },
    {
      kind: 'product',
      label: 'weights per gate',
      factors: [...kernelTerms(p.kernel), term(p.input + f, 'channels'), term(f, 'filters')],
      result: perGateW,
    },
  ];
  if (p.bias)
    steps.push({
      kind: 'sum',
      label: 'per gate',
      terms: [term(perGateW, 'weights'), term(f, 'bias')],
      result: perGate,
    });
  steps.push({
    kind: 'product',
    label: 'all gates',
    factors: [term(4n, 'gates'), term(perGate, 'per gate')],
    result: total,
  });
  steps.push({
    kind: 'formula',
    label: 'in one line',
    expression: `4 x (${p.kernel.join(' x ')} x (${p.input} + ${f}) x ${f}${p.bias ? ` + ${f}` : ''})`,
    result: total,
  });
  return makeRecord({
    name: p.name ?? type.toLowerCase(),
    type,
    framework: 'keras',
    tensors,
    steps,
    isTrainable: p.isTrainable,
  });
}

/** Keras/TF padding modes, or PyTorch's explicit padding per side. */
export type Padding = 'valid' | 'same' | 'causal' | bigint;

/**
 * Output length of a conv along one axis. Keras: 'valid' floor((n - dk)/s) + 1, 'same'/'causal'
 * ceil(n/s); PyTorch explicit p: floor((n + 2p - dk)/s) + 1, where dk = d(k-1)+1.
 */
export function convOutputLength(n: Dim, k: bigint, stride: bigint, padding: Padding, dilation = 1n): Dim {
  if (n === null) return null;
  const dk = dilation * (k - 1n) + 1n;
  if (padding === 'same' || padding === 'causal') return (n + stride - 1n) / stride;
  const padded = padding === 'valid' ? n : n + 2n * padding;
  if (padded < dk) return 0n;
  return (padded - dk) / stride + 1n;
}

/** Output length of a transposed conv along one axis (Keras deconv_output_length / PyTorch ConvTranspose). */
export function convTransposeOutputLength(
  n: Dim,
  k: bigint,
  stride: bigint,
  padding: Padding,
  dilation = 1n,
  outputPadding: bigint | null = null,
): Dim {
  if (n === null) return null;
  const dk = dilation * (k - 1n) + 1n;
  if (typeof padding === 'bigint') return (n - 1n) * stride - 2n * padding + dk + (outputPadding ?? 0n);
  if (outputPadding === null) {
    if (padding === 'valid') return n * stride + (dk - stride > 0n ? dk - stride : 0n);
    return n * stride;
  }
  const pad = padding === 'same' ? dk / 2n : 0n;
  return (n - 1n) * stride + dk - 2n * pad + outputPadding;
}

/** Keras pooling: 'valid' floor((n - p)/s) + 1, 'same' ceil(n/s). */
export function poolOutputLength(n: Dim, pool: bigint, stride: bigint, padding: 'valid' | 'same'): Dim {
  if (n === null) return null;
  if (padding === 'same') return (n + stride - 1n) / stride;
  if (n < pool) return 0n;
  return (n - pool) / stride + 1n;
}
