// Evaluates the value subset of the AST: integer arithmetic (bounded), floats, strings, constants,
// tuples/lists/dicts. Names, attributes and calls are handed to a host (the layer mapper); nothing
// is ever executed. Recursion follows the AST, whose height the parser bounds.
import { MAX_MODEL_LAYERS, MAX_QUERY_CHARS, MAX_SIZE } from '../../limits.js';
import type { DefStatement, Expr, LambdaExpr, Statement } from './ast.js';
import { CodeError, EXAMPLE_HINT } from './tokenizer.js';

export type Value =
  | { t: 'int'; v: bigint }
  | { t: 'float'; v: number }
  | { t: 'str'; v: string }
  | { t: 'bool'; v: boolean }
  | { t: 'none' }
  | { t: 'seq'; kind: 'tuple' | 'list' | 'set'; items: Value[] }
  | { t: 'dict'; entries: { key: Value; value: Value }[] }
  /** Something only the host understands (a layer, a model, a dotted module path). */
  | { t: 'host'; data: unknown }
  | { t: 'func'; fn: FuncValue }
  | { t: 'class'; cls: ClassValue }
  /** An instance of a plain class, a SimpleNamespace or an argparse Namespace. */
  | { t: 'object'; cls: ClassValue | null; attrs: Map<string, Value> }
  /** `super()` inside a method of `cls`. */
  | { t: 'super'; cls: ClassValue; self: Value };

/** Variables of one function call (or the module); lookups go outwards through `parent`. */
export class Scope {
  readonly vars = new Map<string, Value>();
  constructor(
    readonly parent: Scope | null,
    vars?: Map<string, Value>,
  ) {
    if (vars) this.vars = vars;
  }
  lookup(id: string): Value | undefined {
    for (let s: Scope | null = this; s; s = s.parent) {
      const v = s.vars.get(id);
      if (v !== undefined) return v;
    }
    return undefined;
  }
}

export interface FuncValue {
  name: string;
  def: DefStatement | LambdaExpr;
  closure: Scope;
  /** A bound method's `self`. */
  self?: Value;
  /** The class a method was defined in (for `super()`). */
  owner?: ClassValue;
  /** Default values, evaluated where the function is defined (null: none). */
  defaults: (Value | null)[];
  isProperty?: boolean;
  isStatic?: boolean;
}

export interface ClassValue {
  name: string;
  bases: Value[];
  ns: Map<string, Value>;
  line: number;
  dataclass: boolean;
  /** Field names in order (annotations in the class body), for dataclasses. */
  fields: string[];
  body: Statement[];
}

export interface Host {
  name(id: string, e: Expr): Value;
  attr(obj: Value, attr: string, e: Expr): Value;
  call(e: Expr & { k: 'call' }, ev: Evaluator, callee?: Value): Value;
  /** The name behind a value that stands for an undefined name, for error messages. */
  undefinedName?(v: Value): string | null;
  /** Whether a value is a tensor or other opaque result: arithmetic on it gives another such value. */
  isOpaque?(v: Value): boolean;
  /** Arithmetic the host gives a meaning to (`x + att` on two Keras tensors is an Add layer), else null. */
  arithmetic?(op: string, a: Value, b: Value, e: Expr): Value | null;
}

const LIMIT = MAX_SIZE;
/** Longest list or tuple a paste may build (by `+`): a model's layers and then some. */
const MAX_SEQUENCE = MAX_MODEL_LAYERS * 5;

function fmt(n: bigint): string {
  return n.toLocaleString('en-US');
}

export function describe(v: Value, depth = 0): string {
  if (depth > 4) return '…';
  switch (v.t) {
    case 'int':
      return v.v.toString();
    case 'float':
      return String(v.v);
    case 'str':
      return `'${v.v}'`;
    case 'bool':
      return v.v ? 'True' : 'False';
    case 'none':
      return 'None';
    case 'seq': {
      const shown = v.items.slice(0, 8).map((x) => describe(x, depth + 1));
      if (v.items.length > 8) shown.push('…');
      const inner = shown.join(', ');
      return v.kind === 'list'
        ? `[${inner}]`
        : v.kind === 'set'
          ? `{${inner}}`
          : `(${inner}${v.items.length === 1 ? ',' : ''})`;
    }
    case 'dict':
      return '{…}';
    case 'host':
      return 'a layer';
    case 'func':
      return `the function \`${v.fn.name}\``;
    case 'class':
      return `the class \`${v.cls.name}\``;
    case 'object':
      return v.cls ? `a \`${v.cls.name}\` object` : 'an object';
    case 'super':
      return '`super()`';
  }
}

export class Evaluator {
  constructor(
    readonly source: string,
    protected readonly host: Host,
  ) {}

  text(e: { start: number; end: number }): string {
    const s = this.source.slice(e.start, e.end).replace(/\s+/g, ' ').trim();
    return s.length > 60 ? s.slice(0, 57) + '…' : s;
  }

  private tooBig(e: Expr): CodeError {
    return new CodeError(
      `\`${this.text(e)}\` is larger than the largest size I accept (${fmt(LIMIT)}). ${EXAMPLE_HINT}`,
    );
  }

  private checkInt(v: bigint, e: Expr): Value {
    if (v > LIMIT || v < -LIMIT) throw this.tooBig(e);
    return { t: 'int', v };
  }

  private checkFloat(v: number, e: Expr): Value {
    if (!Number.isFinite(v)) {
      throw new CodeError(`\`${this.text(e)}\` is not a finite number. ${EXAMPLE_HINT}`);
    }
    return { t: 'float', v };
  }

  protected num(v: Value, e: Expr): bigint | number {
    if (v.t === 'int') return v.v;
    if (v.t === 'float') return v.v;
    if (v.t === 'bool') return v.v ? 1n : 0n;
    const undefinedName = this.host.undefinedName?.(v);
    if (undefinedName)
      throw new CodeError(
        `\`${undefinedName}\` (line ${e.line}, in \`${this.text(e)}\`) isn't defined in what you pasted: add the line that sets it, e.g. \`${undefinedName.split('.').pop()} = 256\`. ${EXAMPLE_HINT}`,
      );
    throw new CodeError(`\`${this.text(e)}\` is not a number (it is ${describe(v)}). ${EXAMPLE_HINT}`);
  }

  protected binary(op: string, a: Value, b: Value, e: Expr): Value {
    // Tensor arithmetic in __init__ (a positional-encoding buffer): never a size, so it stays opaque.
    if (this.host.isOpaque?.(a)) return a;
    if (this.host.isOpaque?.(b)) return b;
    const hosted = this.host.arithmetic?.(op, a, b, e);
    if (hosted) return hosted;
    if (op === '+' && a.t === 'str' && b.t === 'str') {
      if (a.v.length + b.v.length > MAX_QUERY_CHARS)
        throw new CodeError(`\`${this.text(e)}\` builds too long a string. ${EXAMPLE_HINT}`);
      return { t: 'str', v: a.v + b.v };
    }
    if (op === '+' && a.t === 'seq' && b.t === 'seq') {
      if (a.items.length + b.items.length > MAX_SEQUENCE)
        throw new CodeError(`\`${this.text(e)}\` builds too long a list (over ${MAX_SEQUENCE}). ${EXAMPLE_HINT}`);
      const items = [...a.items, ...b.items];
      return { t: 'seq', kind: a.kind, items };
    }
    if (op === '*' && (a.t === 'seq' || a.t === 'str' || b.t === 'seq' || b.t === 'str')) return this.repeat(a, b, e);
    if (op === '%' && a.t === 'str') return { t: 'str', v: percentFormat(a.v, b.t === 'seq' ? b.items : [b]) };
    const x = this.num(a, e);
    const y = this.num(b, e);
    if (typeof x === 'bigint' && typeof y === 'bigint') {
      switch (op) {
        case '|':
          return this.checkInt(x | y, e);
        case '&':
          return this.checkInt(x & y, e);
        case '^':
          return this.checkInt(x ^ y, e);
        case '<<':
          if (y < 0n || y > 40n) throw this.tooBig(e);
          return this.checkInt(x << y, e);
        case '>>':
          if (y < 0n) throw this.tooBig(e);
          return this.checkInt(x >> y, e);
        case '+':
          return this.checkInt(x + y, e);
        case '-':
          return this.checkInt(x - y, e);
        case '*':
          return this.checkInt(x * y, e);
        case '//':
        case '%': {
          if (y === 0n) throw new CodeError(`\`${this.text(e)}\` divides by zero. ${EXAMPLE_HINT}`);
          let q = x / y;
          if (x % y !== 0n && x < 0n !== y < 0n) q -= 1n;
          return this.checkInt(op === '//' ? q : x - q * y, e);
        }
        case '/':
          if (y === 0n) throw new CodeError(`\`${this.text(e)}\` divides by zero. ${EXAMPLE_HINT}`);
          return this.checkFloat(Number(x) / Number(y), e);
        default:
          throw new CodeError(`I don't follow \`${op}\` in \`${this.text(e)}\`. ${EXAMPLE_HINT}`);
      }
    }
    const fx = Number(x);
    const fy = Number(y);
    switch (op) {
      case '+':
        return this.checkFloat(fx + fy, e);
      case '-':
        return this.checkFloat(fx - fy, e);
      case '*':
        return this.checkFloat(fx * fy, e);
      case '/':
        if (fy === 0) throw new CodeError(`\`${this.text(e)}\` divides by zero. ${EXAMPLE_HINT}`);
        return this.checkFloat(fx / fy, e);
      case '//':
        if (fy === 0) throw new CodeError(`\`${this.text(e)}\` divides by zero. ${EXAMPLE_HINT}`);
        return this.checkFloat(Math.floor(fx / fy), e);
      case '%':
        if (fy === 0) throw new CodeError(`\`${this.text(e)}\` divides by zero. ${EXAMPLE_HINT}`);
        return this.checkFloat(fx - Math.floor(fx / fy) * fy, e);
      default:
        throw new CodeError(`I don't follow \`${op}\` in \`${this.text(e)}\`. ${EXAMPLE_HINT}`);
    }
  }

  /** `[64] * 3`, `'ab' * 2`: bounded like every list and string. */
  private repeat(a: Value, b: Value, e: Expr): Value {
    const [seq, count] = a.t === 'seq' || a.t === 'str' ? [a, b] : [b, a];
    if (count.t !== 'int') throw new CodeError(`\`${this.text(e)}\` repeats by something that is not a whole number.`);
    const n = count.v < 0n ? 0n : count.v;
    if (seq.t === 'str') {
      if (BigInt(seq.v.length) * n > BigInt(MAX_QUERY_CHARS))
        throw new CodeError(`\`${this.text(e)}\` builds too long a string. ${EXAMPLE_HINT}`);
      return { t: 'str', v: seq.v.repeat(Number(n)) };
    }
    if (seq.t !== 'seq') throw new CodeError(`I can't repeat \`${this.text(e)}\`. ${EXAMPLE_HINT}`);
    if (BigInt(seq.items.length) * n > BigInt(MAX_SEQUENCE))
      throw new CodeError(`\`${this.text(e)}\` builds too long a list (over ${MAX_SEQUENCE} items). ${EXAMPLE_HINT}`);
    const items: Value[] = [];
    for (let i = 0n; i < n; i++) items.push(...seq.items);
    return { t: 'seq', kind: seq.kind, items };
  }

  private power(base: Value, exp: Value, e: Expr): Value {
    const b = this.num(base, e);
    const x = this.num(exp, e);
    if (typeof b === 'bigint' && typeof x === 'bigint' && x >= 0n) {
      if (b === 0n || b === 1n) return { t: 'int', v: x === 0n ? 1n : b };
      if (b === -1n) return { t: 'int', v: x % 2n === 0n ? 1n : -1n };
      // |b| >= 2: anything past 2^40 is already beyond the limit; check before computing.
      if (x > 64n) throw this.tooBig(e);
      let r = 1n;
      for (let i = 0n; i < x; i++) {
        r *= b;
        if (r > LIMIT || r < -LIMIT) throw this.tooBig(e);
      }
      return { t: 'int', v: r };
    }
    return this.checkFloat(Number(b) ** Number(x), e);
  }

  /** Name lookup; the interpreter adds scopes. */
  protected lookupName(id: string, e: Expr): Value {
    return this.host.name(id, e);
  }

  protected getAttr(obj: Value, attr: string, e: Expr): Value {
    return this.host.attr(obj, attr, e);
  }

  protected callExpr(e: Expr & { k: 'call' }): Value {
    return this.host.call(e, this);
  }

  protected lambda(e: LambdaExpr): Value {
    throw new CodeError(`I don't read \`lambda\` here (line ${e.line}). ${EXAMPLE_HINT}`);
  }

  protected comprehension(e: Expr & { k: 'comp' }): Value {
    throw new CodeError(`I don't read comprehensions here (line ${e.line}). ${EXAMPLE_HINT}`);
  }

  protected subscriptHost(obj: Value, idx: Value, e: Expr): Value | undefined {
    void obj;
    void idx;
    void e;
    return undefined;
  }

  /** Items of a list display, with `*x` spread. */
  private items(list: Expr[]): Value[] {
    const out: Value[] = [];
    for (const x of list) {
      if (x.k === 'starred') {
        const v = this.evaluate(x.value);
        out.push(...this.iterate(v, x));
      } else out.push(this.evaluate(x));
      if (out.length > MAX_SEQUENCE)
        throw new CodeError(`That builds too long a list (over ${MAX_SEQUENCE} items). ${EXAMPLE_HINT}`);
    }
    return out;
  }

  /** The items a `for` or `*` goes over. */
  iterate(v: Value, e: { start: number; end: number }): Value[] {
    if (v.t === 'seq') return v.items;
    if (v.t === 'dict') return v.entries.map((x) => x.key);
    if (v.t === 'str') return [...v.v].map((c) => ({ t: 'str', v: c }));
    const hosted = this.iterateHost(v);
    if (hosted) return hosted;
    throw new CodeError(`I can't go through \`${this.text(e)}\` (it is ${describe(v)}). ${EXAMPLE_HINT}`);
  }

  protected iterateHost(v: Value): Value[] | null {
    void v;
    return null;
  }

  evaluate(e: Expr): Value {
    switch (e.k) {
      case 'int':
        return this.checkInt(e.value, e);
      case 'float':
        return this.checkFloat(e.value, e);
      case 'str':
        return { t: 'str', v: e.value };
      case 'fstring': {
        let out = '';
        for (const p of e.parts) out += typeof p === 'string' ? p : display(this.evaluate(p));
        if (out.length > MAX_QUERY_CHARS)
          throw new CodeError(`\`${this.text(e)}\` builds too long a string. ${EXAMPLE_HINT}`);
        return { t: 'str', v: out };
      }
      case 'const':
        return e.value === null ? { t: 'none' } : { t: 'bool', v: e.value };
      case 'name':
        return this.lookupName(e.id, e);
      case 'attr':
        return this.getAttr(this.evaluate(e.obj), e.attr, e);
      case 'call':
        return this.callExpr(e);
      case 'lambda':
        return this.lambda(e);
      case 'comp':
        return this.comprehension(e);
      case 'starred':
        throw new CodeError(`I can't use \`${this.text(e)}\` here (line ${e.line}). ${EXAMPLE_HINT}`);
      case 'slice':
        // Only tensor code indexes with slices this way (`x[:, -1]`); the value is never a size.
        return { t: 'object', cls: null, attrs: new Map() };
      case 'tuple':
      case 'list':
      case 'set':
        return { t: 'seq', kind: e.k, items: this.items(e.items) };
      case 'dict':
        return {
          t: 'dict',
          entries: e.entries.map((x) => ({ key: this.evaluate(x.key), value: this.evaluate(x.value) })),
        };
      case 'subscript':
        return this.subscript(e);
      case 'not':
        return { t: 'bool', v: !truthy(this.evaluate(e.operand)) };
      case 'bool': {
        let v: Value = { t: 'none' };
        for (const x of e.values) {
          v = this.evaluate(x);
          if (e.op === 'and' ? !truthy(v) : truthy(v)) return v;
        }
        return v;
      }
      case 'ifexp':
        return truthy(this.evaluate(e.test)) ? this.evaluate(e.body) : this.evaluate(e.orelse);
      case 'compare': {
        let left = this.evaluate(e.first);
        for (const r of e.rest) {
          const right = this.evaluate(r.right);
          // `predicted == labels` on tensors: a tensor, not a truth value.
          if (this.host.isOpaque?.(left) && r.op !== 'is' && r.op !== 'is not') return left;
          if (this.host.isOpaque?.(right) && r.op !== 'is' && r.op !== 'is not') return right;
          if (!this.compare(r.op, left, right, e)) return { t: 'bool', v: false };
          left = right;
        }
        return { t: 'bool', v: true };
      }
      case 'unary': {
        let v = this.evaluate(e.operand);
        if (this.host.isOpaque?.(v)) return v;
        for (let i = e.ops.length - 1; i >= 0; i--) {
          const op = e.ops[i];
          const n = this.num(v, e);
          if (op === '~') {
            if (typeof n !== 'bigint')
              throw new CodeError(`\`~\` needs a whole number in \`${this.text(e)}\`. ${EXAMPLE_HINT}`);
            v = this.checkInt(-n - 1n, e);
          } else if (op === '-') {
            v = typeof n === 'bigint' ? this.checkInt(-n, e) : this.checkFloat(-n, e);
          } else {
            v = typeof n === 'bigint' ? { t: 'int', v: n } : { t: 'float', v: n };
          }
        }
        return v;
      }
      case 'chain': {
        let acc = this.evaluate(e.first);
        for (const r of e.rest) acc = this.binary(r.op, acc, this.evaluate(r.right), e);
        return acc;
      }
      case 'power': {
        const vals = e.operands.map((x) => this.evaluate(x));
        let acc = vals[vals.length - 1] as Value;
        for (let i = vals.length - 2; i >= 0; i--) acc = this.power(vals[i] as Value, acc, e);
        return acc;
      }
    }
  }

  private subscript(e: Expr & { k: 'subscript' }): Value {
    const obj = this.evaluate(e.obj);
    if (e.index.k === 'slice' && (obj.t === 'seq' || obj.t === 'str')) {
      const n = obj.t === 'seq' ? obj.items.length : obj.v.length;
      const bound = (x: Expr | null, def: number): number => {
        if (!x) return def;
        const v = this.evaluate(x);
        if (v.t !== 'int') throw new CodeError(`Slice bounds must be whole numbers in \`${this.text(e)}\`.`);
        const i = Number(v.v);
        return Math.max(0, Math.min(n, i < 0 ? i + n : i));
      };
      if (e.index.step) throw new CodeError(`I don't follow slices with a step (\`${this.text(e)}\`). ${EXAMPLE_HINT}`);
      const lo = bound(e.index.lower, 0);
      const hi = bound(e.index.upper, n);
      if (obj.t === 'str') return { t: 'str', v: obj.v.slice(lo, hi) };
      return { t: 'seq', kind: obj.kind, items: obj.items.slice(lo, hi) };
    }
    const idx = this.evaluate(e.index);
    if ((obj.t === 'seq' || obj.t === 'str') && (idx.t === 'int' || idx.t === 'bool')) {
      const raw = idx.t === 'int' ? idx.v : idx.v ? 1n : 0n;
      const n = BigInt(obj.t === 'seq' ? obj.items.length : obj.v.length);
      const i = raw < 0n ? raw + n : raw;
      if (i >= 0n && i < n)
        return obj.t === 'seq' ? (obj.items[Number(i)] as Value) : { t: 'str', v: obj.v[Number(i)] as string };
      throw new CodeError(`\`${this.text(e)}\`: index ${raw} is out of range. ${EXAMPLE_HINT}`);
    }
    if (obj.t === 'dict') {
      const hit = obj.entries.find((x) => sameKey(x.key, idx));
      if (hit) return hit.value;
      throw new CodeError(
        `\`${this.text(e)}\`: the key ${describe(idx)} is not in that dict (line ${e.line}). ${EXAMPLE_HINT}`,
      );
    }
    const hosted = this.subscriptHost(obj, idx, e);
    if (hosted) return hosted;
    throw new CodeError(`I can't look up \`${this.text(e)}\` (line ${e.line}). ${EXAMPLE_HINT}`);
  }

  compare(op: string, a: Value, b: Value, e: Expr): boolean {
    switch (op) {
      case '==':
        return equal(a, b);
      case '!=':
        return !equal(a, b);
      case 'is':
        return (
          a === b ||
          (a.t === 'none' && b.t === 'none') ||
          (a.t === 'bool' && b.t === 'bool' && a.v === b.v) ||
          sameHost(a, b)
        );
      case 'is not':
        return !(
          a === b ||
          (a.t === 'none' && b.t === 'none') ||
          (a.t === 'bool' && b.t === 'bool' && a.v === b.v) ||
          sameHost(a, b)
        );
      case 'in':
      case 'not in': {
        let found: boolean;
        if (b.t === 'str' && a.t === 'str') found = b.v.includes(a.v);
        else if (b.t === 'seq') found = b.items.some((x) => equal(x, a));
        else if (b.t === 'dict') found = b.entries.some((x) => equal(x.key, a));
        else throw new CodeError(`I can't tell whether \`${this.text(e)}\` (line ${e.line}). ${EXAMPLE_HINT}`);
        return op === 'in' ? found : !found;
      }
    }
    if (a.t === 'str' && b.t === 'str') {
      return op === '<' ? a.v < b.v : op === '>' ? a.v > b.v : op === '<=' ? a.v <= b.v : a.v >= b.v;
    }
    const x = this.num(a, e);
    const y = this.num(b, e);
    const c =
      typeof x === 'bigint' && typeof y === 'bigint' ? (x < y ? -1 : x > y ? 1 : 0) : Math.sign(Number(x) - Number(y));
    return op === '<' ? c < 0 : op === '>' ? c > 0 : op === '<=' ? c <= 0 : c >= 0;
  }
}

/** Python truthiness. */
export function truthy(v: Value): boolean {
  switch (v.t) {
    case 'int':
      return v.v !== 0n;
    case 'float':
      return v.v !== 0;
    case 'str':
      return v.v.length > 0;
    case 'bool':
      return v.v;
    case 'none':
      return false;
    case 'seq':
      return v.items.length > 0;
    case 'dict':
      return v.entries.length > 0;
    default:
      return true;
  }
}

function sameHost(a: Value, b: Value): boolean {
  return a.t === 'host' && b.t === 'host' && a.data === b.data;
}

export function equal(a: Value, b: Value): boolean {
  if ((a.t === 'int' || a.t === 'float' || a.t === 'bool') && (b.t === 'int' || b.t === 'float' || b.t === 'bool')) {
    const x = a.t === 'bool' ? (a.v ? 1 : 0) : a.v;
    const y = b.t === 'bool' ? (b.v ? 1 : 0) : b.v;
    return typeof x === 'bigint' && typeof y === 'bigint' ? x === y : Number(x) === Number(y);
  }
  if (a.t === 'str' && b.t === 'str') return a.v === b.v;
  if (a.t === 'none' || b.t === 'none') return a.t === b.t;
  if (a.t === 'seq' && b.t === 'seq')
    return a.items.length === b.items.length && a.items.every((x, i) => equal(x, b.items[i] as Value));
  return a === b || sameHost(a, b);
}

/** `str(x)` / f-string text of a value. */
export function display(v: Value): string {
  if (v.t === 'str') return v.v;
  return describe(v);
}

export function sameKey(a: Value, b: Value): boolean {
  return equal(a, b);
}

/** `'fc%i' % i`, `'%s_%d' % (a, b)`: the conversions a layer name uses. */
function percentFormat(template: string, args: Value[]): string {
  let i = 0;
  let out = '';
  for (let k = 0; k < template.length; k++) {
    const c = template[k] as string;
    if (c !== '%') {
      out += c;
      continue;
    }
    let j = k + 1;
    while (j < template.length && '-+ #0123456789.'.includes(template[j] as string)) j++;
    const conv = template[j];
    if (conv === '%') out += '%';
    else if (conv !== undefined) out += display(args[i++] ?? { t: 'str', v: '' });
    k = j;
  }
  return out;
}
