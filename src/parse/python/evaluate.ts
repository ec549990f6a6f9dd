// Evaluates the value subset of the AST: integer arithmetic (bounded), floats, strings, constants,
// tuples/lists/dicts. Names, attributes and calls are handed to a host (the layer mapper); nothing
// is ever executed. Recursion follows the AST, whose height the parser bounds.
import { MAX_MODEL_LAYERS, MAX_QUERY_CHARS, MAX_SIZE } from '../../limits.js';
import type { Expr } from './ast.js';
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
  | { t: 'host'; data: unknown };

export interface Host {
  name(id: string, e: Expr): Value;
  attr(obj: Value, attr: string, e: Expr): Value;
  call(e: Expr & { k: 'call' }, ev: Evaluator): Value;
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
  }
}

export class Evaluator {
  constructor(
    readonly source: string,
    private readonly host: Host,
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

  private num(v: Value, e: Expr): bigint | number {
    if (v.t === 'int') return v.v;
    if (v.t === 'float') return v.v;
    if (v.t === 'bool') return v.v ? 1n : 0n;
    throw new CodeError(`\`${this.text(e)}\` is not a number (it is ${describe(v)}). ${EXAMPLE_HINT}`);
  }

  private binary(op: string, a: Value, b: Value, e: Expr): Value {
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
    const x = this.num(a, e);
    const y = this.num(b, e);
    if (typeof x === 'bigint' && typeof y === 'bigint') {
      switch (op) {
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

  evaluate(e: Expr): Value {
    switch (e.k) {
      case 'int':
        return this.checkInt(e.value, e);
      case 'float':
        return this.checkFloat(e.value, e);
      case 'str':
        return { t: 'str', v: e.value };
      case 'const':
        return e.value === null ? { t: 'none' } : { t: 'bool', v: e.value };
      case 'name':
        return this.host.name(e.id, e);
      case 'attr':
        return this.host.attr(this.evaluate(e.obj), e.attr, e);
      case 'call':
        return this.host.call(e, this);
      case 'tuple':
      case 'list':
      case 'set':
        return { t: 'seq', kind: e.k, items: e.items.map((x) => this.evaluate(x)) };
      case 'dict':
        return {
          t: 'dict',
          entries: e.entries.map((x) => ({ key: this.evaluate(x.key), value: this.evaluate(x.value) })),
        };
      case 'subscript': {
        const obj = this.evaluate(e.obj);
        const idx = this.evaluate(e.index);
        if (obj.t === 'seq' && idx.t === 'int') {
          const n = BigInt(obj.items.length);
          const i = idx.v < 0n ? idx.v + n : idx.v;
          const item = i >= 0n && i < n ? obj.items[Number(i)] : undefined;
          if (item) return item;
          throw new CodeError(`\`${this.text(e)}\`: index ${idx.v} is out of range. ${EXAMPLE_HINT}`);
        }
        if (obj.t === 'dict') {
          const hit = obj.entries.find((x) => sameKey(x.key, idx));
          if (hit) return hit.value;
        }
        throw new CodeError(`I can't look up \`${this.text(e)}\`. ${EXAMPLE_HINT}`);
      }
      case 'unary': {
        let v = this.evaluate(e.operand);
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
}

function sameKey(a: Value, b: Value): boolean {
  if (a.t === 'str' && b.t === 'str') return a.v === b.v;
  if (a.t === 'int' && b.t === 'int') return a.v === b.v;
  return false;
}
