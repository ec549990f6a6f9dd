// Host values the code reader passes around (layers, containers, functional tensors, module paths)
// and the argument binder that reads a call with a class's real signature.
import type { Dim } from '../../engine/types.js';
import type { Framework, LayerSpec } from '../../engine/model.js';
import { MAX_SIZE } from '../../limits.js';
import type { Expr } from '../python/ast.js';
import { describe } from '../python/evaluate.js';
import type { ClassValue, Value } from '../python/evaluate.js';
import type { ParamData, TorchTensorData } from './modules.js';
import { CodeError, EXAMPLE_HINT } from '../python/tokenizer.js';
import { groupDigits } from '../../engine/numbers.js';

export interface LayerData {
  tag: 'layer';
  id: number;
  spec: LayerSpec;
  cls: string;
  fw: Framework;
  source: string;
  /** Keras RNN cells (LSTMCell...) wait for an RNN(...) wrapper; counted as a layer when alone. */
  kerasCell?: boolean;
  /** Extra specs this call expands to (Keras RNN([cell, cell]) stacks). */
  more?: LayerSpec[];
  /** Frozen as a whole. */
  frozen?: boolean;
  /** A Keras merge layer (Concatenate, Add...): how its output shape follows from its inputs. */
  merge?: 'concat' | 'same';
  mergeAxis?: number;
  /** For a raw nn.Parameter registered on a module: the parameter itself. */
  param?: ParamData;
}

export interface ModelItem {
  name: string | null;
  data: LayerData | ModelData;
}

export interface ModelData {
  tag: 'model';
  id: number;
  cls: string;
  fw: Framework | null;
  items: ModelItem[];
  source: string;
  /** model.build(input_shape) or Sequential(..., input_shape) */
  inputShape: Dim[] | null;
  name: string | null;
  /** The user class of an nn.Module / keras.Model instance. */
  klass?: ClassValue;
  /** Plain attributes set on the instance (`self.hidden = 256`). */
  attrs?: Map<string, Value>;
  /** Every parameter frozen (`requires_grad_(False)` or a loop over `.parameters()`). */
  frozen?: boolean;
}

export interface TensorData {
  tag: 'tensor';
  /** Layers applied from the input to here, in order (shared prefixes deduplicated later). */
  chain: (LayerData | ModelData)[];
  input: Dim[] | null;
  /** This tensor's shape (batch excluded), when known. */
  shape?: Dim[] | null;
  /** The application that made it (none for an Input). */
  from?: { layer: LayerData | ModelData; inputs: TensorData[]; order: number } | null;
}

export interface PathData {
  tag: 'path';
  /** Dotted path with import aliases resolved (`torch.nn.LSTM`). */
  path: string;
  /** As written (`nn.LSTM`). */
  written: string;
  /** Whether the first name is bound to nothing (an undefined variable or a module). */
  unbound: boolean;
}

/** Something that is not a layer and is never used (`torch.randn(...)`, `model.summary()`). */
export interface OpaqueData {
  tag: 'opaque';
  what: string;
}

export type HostData = LayerData | ModelData | TensorData | PathData | OpaqueData | TorchTensorData | ParamData;

export function host(data: HostData): Value {
  return { t: 'host', data };
}

export function hostData(v: Value | undefined): HostData | null {
  return v && v.t === 'host' ? (v.data as HostData) : null;
}

export const NONE: Value = { t: 'none' };

export interface Bound {
  value: Value;
  expr: Expr | null;
}

/** Binds a call's arguments to a class's real signature and reads them with friendly errors. */
export class Args {
  private readonly bound = new Map<string, Bound>();
  readonly unknown: string[] = [];

  constructor(
    readonly cls: string,
    readonly sig: readonly string[],
    positional: Bound[],
    keywords: { name: string; value: Value; expr: Expr | null }[],
    readonly source: string,
    /** Keyword arguments every layer of this framework accepts (name, trainable, dtype...). */
    common: readonly string[] = [],
    /** Extra keyword aliases accepted silently (Keras 1 names...). */
    aliases: readonly string[] = [],
  ) {
    if (positional.length > sig.length) {
      throw new CodeError(
        `${this.source} has ${positional.length} positional arguments, but ${cls} takes at most ${sig.length}: \`${cls}(${sig.join(', ')})\`. Pass the rest by name.`,
      );
    }
    positional.forEach((b, i) => {
      this.bound.set(sig[i] as string, b);
    });
    for (const k of keywords) {
      if (this.bound.has(k.name) && sig.includes(k.name)) {
        throw new CodeError(`${this.source} gives \`${k.name}\` twice (by position and by name).`);
      }
      this.bound.set(k.name, { value: k.value, expr: k.expr });
      if (!sig.includes(k.name) && !common.includes(k.name) && !aliases.includes(k.name)) this.unknown.push(k.name);
    }
  }

  has(name: string): boolean {
    const b = this.bound.get(name);
    return b !== undefined;
  }

  /** Given and not None. */
  given(name: string): boolean {
    const b = this.bound.get(name);
    return b !== undefined && b.value.t !== 'none';
  }

  raw(name: string): Value | undefined {
    return this.bound.get(name)?.value;
  }

  private undefinedName(name: string, v: Value): CodeError | null {
    const d = hostData(v);
    if (d && d.tag === 'path' && d.unbound) {
      return new CodeError(
        `\`${d.written}\` (the \`${name}\` of ${this.source}) isn't defined in what you pasted: add a line such as \`${d.written} = 256\`, or write the number in. ${EXAMPLE_HINT}`,
      );
    }
    return null;
  }

  /** The signature's first arguments, as a reminder of the call's shape. */
  usage(): string {
    const shown = this.sig.slice(0, 4).join(', ');
    return `\`${this.cls}(${shown}${this.sig.length > 4 ? ', …' : ''})\``;
  }

  private bad(name: string, v: Value, want: string): CodeError {
    return (
      this.undefinedName(name, v) ??
      new CodeError(
        `\`${name}\` of ${this.source} must be ${want}, not ${describeValue(v)}; the call is ${this.usage()}.`,
      )
    );
  }

  private missing(name: string): CodeError {
    return new CodeError(`${this.source} is missing \`${name}\`; the call is ${this.usage()}.`);
  }

  int(name: string, def?: bigint): bigint {
    const v = this.raw(name);
    if (v === undefined || (v.t === 'none' && def !== undefined)) {
      if (def === undefined) throw this.missing(name);
      return def;
    }
    return this.toInt(name, v);
  }

  toInt(name: string, v: Value): bigint {
    if (v.t === 'int') return v.v;
    if (v.t === 'bool') return v.v ? 1n : 0n;
    if (v.t === 'float' && Number.isInteger(v.v) && Math.abs(v.v) <= Number(MAX_SIZE)) return BigInt(v.v);
    throw this.bad(name, v, 'a whole number');
  }

  /** A positive size (units, channels...). */
  size(name: string, def?: bigint): bigint {
    const n = this.int(name, def);
    if (n <= 0n)
      throw new CodeError(
        `\`${name}\` of ${this.source} must be a positive whole number (1 to ${groupDigits(MAX_SIZE)}), not ${n}. ${EXAMPLE_HINT}`,
      );
    return n;
  }

  /** A positive size, or null when missing/None. */
  optSize(name: string): bigint | null {
    const v = this.raw(name);
    if (v === undefined || v.t === 'none') return null;
    return this.size(name);
  }

  bool(name: string, def: boolean): boolean {
    const v = this.raw(name);
    if (v === undefined) return def;
    if (v.t === 'bool') return v.v;
    if (v.t === 'int') return v.v !== 0n;
    if (v.t === 'none') return false;
    throw this.bad(name, v, 'True or False');
  }

  str(name: string, def: string, allowed?: readonly string[]): string {
    const v = this.raw(name);
    if (v === undefined || v.t === 'none') return def;
    if (v.t !== 'str')
      throw this.bad(name, v, allowed ? `one of ${allowed.map((a) => `'${a}'`).join(', ')}` : 'a string');
    // Choices ('same', 'concat') read case-insensitively; free text such as a layer name keeps its case.
    if (!allowed) return v.v;
    const s = v.v.toLowerCase();
    if (!allowed.includes(s)) {
      throw new CodeError(
        `\`${name}='${v.v}'\` in ${this.source} must be one of ${allowed.map((a) => `'${a}'`).join(', ')}.`,
      );
    }
    return s;
  }

  /** An int or a tuple of `rank` ints (kernel_size, strides...). */
  sizes(name: string, rank: number, def?: bigint[], allowZero = false): bigint[] {
    const v = this.raw(name);
    if (v === undefined || v.t === 'none') {
      if (def === undefined) throw this.missing(name);
      return def;
    }
    return this.toSizes(name, v, rank, allowZero);
  }

  toSizes(name: string, v: Value, rank: number, allowZero = false): bigint[] {
    let out: bigint[];
    if (v.t === 'seq') {
      out = v.items.map((x) => this.toInt(name, x));
      if (out.length === 1 && rank > 1) out = Array.from({ length: rank }, () => out[0] as bigint);
      if (out.length !== rank) {
        throw new CodeError(
          `\`${name}\` of ${this.source} needs ${rank} value${rank === 1 ? '' : 's'}, not ${out.length}.`,
        );
      }
    } else {
      const n = this.toInt(name, v);
      out = Array.from({ length: rank }, () => n);
    }
    for (const n of out) {
      if (n < 0n || (n === 0n && !allowZero))
        throw new CodeError(`\`${name}\` of ${this.source} must be positive, not ${n}.`);
    }
    return out;
  }

  /** A shape tuple (ints or None), or null when missing. */
  shape(name: string): Dim[] | null {
    const v = this.raw(name);
    if (v === undefined || v.t === 'none') return null;
    return this.toShape(name, v);
  }

  toShape(name: string, v: Value): Dim[] {
    if (v.t === 'int') {
      if (v.v <= 0n) throw new CodeError(`\`${name}\` of ${this.source} must be positive.`);
      return [v.v];
    }
    if (v.t !== 'seq') throw this.bad(name, v, 'a shape tuple such as (10, 32)');
    if (v.items.length > 16) throw new CodeError(`\`${name}\` of ${this.source} has too many axes.`);
    return v.items.map((x) => {
      if (x.t === 'none') return null;
      const n = this.toInt(name, x);
      if (n === -1n) return null;
      if (n <= 0n) throw new CodeError(`\`${name}\` of ${this.source} must have positive sizes.`);
      return n;
    });
  }

  /** The layer passed as this argument. */
  layer(name: string): LayerData | ModelData {
    const v = this.raw(name);
    if (v === undefined) throw this.missing(name);
    const d = hostData(v);
    if (d && (d.tag === 'layer' || d.tag === 'model')) return d;
    throw this.bad(name, v, 'a layer');
  }

  /** Arguments that do not change the count but are not in the signature either. */
  unknownNote(): string | null {
    if (this.unknown.length === 0) return null;
    const list = this.unknown.map((u) => `\`${u}=\``).join(', ');
    return `Ignored ${list}: not ${this.unknown.length === 1 ? 'an argument' : 'arguments'} of ${this.cls} that I know.`;
  }
}

export function describeValue(v: Value): string {
  const d = hostData(v);
  if (d) {
    switch (d.tag) {
      case 'layer':
        return `a layer (${d.cls})`;
      case 'model':
        return `a model (${d.cls})`;
      case 'tensor':
        return 'a tensor';
      case 'path':
        return `\`${d.written}\``;
      case 'opaque':
        return d.what;
      case 'torch-tensor':
        return 'a tensor';
      case 'param':
        return 'a parameter';
    }
  }
  return `\`${describe(v)}\``;
}
