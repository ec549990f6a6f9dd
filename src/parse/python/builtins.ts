// Python built-ins and everyday library calls a model script uses to work out sizes: range, len,
// zip, enumerate, int(), math.*, min/max, list/dict/str methods, SimpleNamespace, dataclasses'
// field(), and argparse (add_argument defaults become the parsed values). All over plain values.
import type { Expr } from './ast.js';
import { describe, display, equal, truthy } from './evaluate.js';
import type { ClassValue, Value } from './evaluate.js';
import type { Interpreter } from './interpret.js';
import { MAX_LOOP_ITERATIONS } from './interpret.js';
import { CodeError, EXAMPLE_HINT, refuseNotLayer } from './tokenizer.js';

/** Paths refused when called (they read the system or run code). */
export const FORBIDDEN_BUILTIN = new Set(['input', 'breakpoint', 'exit', 'quit']);

/** A class with no Python source, standing for a library type. */
function libraryClass(name: string): ClassValue {
  return { name, bases: [], ns: new Map(), line: 0, dataclass: false, fields: [], body: [] };
}
const ARGPARSE = libraryClass('ArgumentParser');
const NAMESPACE = libraryClass('Namespace');

type Call = Expr & { k: 'call' };

const int = (v: bigint): Value => ({ t: 'int', v });
const seq = (items: Value[], kind: 'list' | 'tuple' = 'list'): Value => ({ t: 'seq', kind, items });

function strip(path: string, prefixes: string[]): string | null {
  for (const p of prefixes) if (path.startsWith(p)) return path.slice(p.length);
  return null;
}

/** A built-in function (obj null, `name` a dotted path) or a method of a plain value; null when not one. */
export function builtinCall(ip: Interpreter, obj: Value | null, name: string, e: Call): Value | null {
  if (obj === null) return globalCall(ip, name, e);
  if (obj.t === 'seq' || obj.t === 'dict' || obj.t === 'str') return valueMethod(ip, obj, name, e);
  if (obj.t === 'object' && obj.cls === ARGPARSE) return argparseMethod(ip, obj, name, e);
  return null;
}

function numbers(ip: Interpreter, vals: Value[], e: Call): (bigint | number)[] {
  return vals.map((v) => {
    if (v.t === 'int') return v.v;
    if (v.t === 'float') return v.v;
    if (v.t === 'bool') return v.v ? 1n : 0n;
    throw new CodeError(`\`${ip.text(e)}\` (line ${e.line}) needs numbers, not ${describe(v)}. ${EXAMPLE_HINT}`);
  });
}

function toInt(ip: Interpreter, v: Value, e: Call): Value {
  if (v.t === 'int') return v;
  if (v.t === 'bool') return int(v.v ? 1n : 0n);
  if (v.t === 'float') {
    if (!Number.isFinite(v.v) || Math.abs(v.v) > 1e15)
      throw new CodeError(`\`${ip.text(e)}\` is too large (line ${e.line}).`);
    return int(BigInt(Math.trunc(v.v)));
  }
  if (v.t === 'str' && /^\s*-?[0-9_]{1,13}\s*$/.test(v.v)) return int(BigInt(v.v.replace(/_/g, '').trim()));
  const undefinedName = ip.describeUndefined(v);
  if (undefinedName)
    throw new CodeError(
      `\`${undefinedName}\` (line ${e.line}, in \`${ip.text(e)}\`) isn't defined in what you pasted. ${EXAMPLE_HINT}`,
    );
  throw new CodeError(`\`${ip.text(e)}\` is not a whole number (line ${e.line}). ${EXAMPLE_HINT}`);
}

function range(ip: Interpreter, args: Value[], e: Call): Value {
  const n = args.map((a) => toInt(ip, a, e)).map((a) => (a as { v: bigint }).v);
  const [start, stop, step] = n.length === 1 ? [0n, n[0] as bigint, 1n] : [n[0] as bigint, n[1] as bigint, n[2] ?? 1n];
  if (step === 0n) throw new CodeError(`\`${ip.text(e)}\`: range() step must not be zero (line ${e.line}).`);
  const count = step > 0n ? (stop - start + step - 1n) / step : (start - stop - step - 1n) / -step;
  if (count > BigInt(MAX_LOOP_ITERATIONS))
    throw new CodeError(
      `\`${ip.text(e)}\` (line ${e.line}) has ${count.toLocaleString('en-US')} steps, more than the ${MAX_LOOP_ITERATIONS.toLocaleString('en-US')} I follow. ${EXAMPLE_HINT}`,
    );
  const items: Value[] = [];
  for (let i = start; step > 0n ? i < stop : i > stop; i += step) items.push(int(i));
  return seq(items);
}

function mathCall(ip: Interpreter, fn: string, args: Value[], e: Call): Value | null {
  const xs = numbers(ip, args, e);
  const f = xs.map(Number);
  const x = f[0] ?? 0;
  const asInt = (r: number): Value => int(BigInt(r));
  switch (fn) {
    case 'sqrt':
      return { t: 'float', v: Math.sqrt(x) };
    case 'ceil':
      return asInt(Math.ceil(x));
    case 'floor':
      return asInt(Math.floor(x));
    case 'log':
      return { t: 'float', v: f.length > 1 ? Math.log(x) / Math.log(f[1] as number) : Math.log(x) };
    case 'log2':
      return { t: 'float', v: Math.log2(x) };
    case 'log10':
      return { t: 'float', v: Math.log10(x) };
    case 'exp':
      return { t: 'float', v: Math.exp(x) };
    case 'pow':
    case 'power':
      return { t: 'float', v: x ** (f[1] ?? 1) };
    case 'prod': {
      const items = args.length === 1 && args[0]?.t === 'seq' ? numbers(ip, args[0].items, e) : xs;
      if (items.every((v) => typeof v === 'bigint')) return int(items.reduce<bigint>((a, b) => a * (b as bigint), 1n));
      return { t: 'float', v: items.reduce<number>((a, b) => a * Number(b), 1) };
    }
    case 'gcd': {
      let [a, b] = xs.map((v) => BigInt(v)) as [bigint, bigint];
      while (b !== 0n) [a, b] = [b, a % b];
      return int(a < 0n ? -a : a);
    }
    case 'isqrt':
      return asInt(Math.floor(Math.sqrt(x)));
    default:
      return null;
  }
}

function globalCall(ip: Interpreter, path: string, e: Call): Value | null {
  const math = strip(path, ['math.', 'np.', 'numpy.']);
  if (
    math !== null &&
    ['sqrt', 'ceil', 'floor', 'log', 'log2', 'log10', 'exp', 'pow', 'power', 'prod', 'gcd', 'isqrt'].includes(math)
  ) {
    const { positional } = ip.evaluateArgs(e);
    return mathCall(ip, math, positional, e);
  }
  const { positional: a, keywords } = (() => {
    if (!BUILTINS.has(path)) return { positional: [], keywords: [] };
    return ip.evaluateArgs(e);
  })();
  const kw = (n: string): Value | undefined => keywords.find((k) => k.name === n)?.value;
  const first = a[0];
  // len(train_loader), int(loss.item()): about data, never a size.
  if (
    first &&
    ip.isOpaque(first) &&
    ['len', 'int', 'float', 'abs', 'round', 'min', 'max', 'sum', 'enumerate', 'zip', 'list', 'sorted', 'iter'].includes(
      path,
    )
  )
    return first;
  switch (path) {
    case 'range':
      return range(ip, a, e);
    case 'len':
      return int(BigInt(first ? ip.iterate(first, e).length : 0));
    case 'int':
      return first ? toInt(ip, first, e) : int(0n);
    case 'float':
      if (!first) return { t: 'float', v: 0 };
      if (first.t === 'str') {
        const v = Number(first.v);
        if (!Number.isFinite(v))
          throw new CodeError(`\`${ip.text(e)}\` is not a finite number (line ${e.line}). ${EXAMPLE_HINT}`);
        return { t: 'float', v };
      }
      return { t: 'float', v: Number(numbers(ip, [first], e)[0]) };
    case 'str':
      return { t: 'str', v: first ? display(first) : '' };
    case 'bool':
      return { t: 'bool', v: first ? truthy(first) : false };
    case 'abs': {
      const n = numbers(ip, [first ?? int(0n)], e)[0] as bigint | number;
      return typeof n === 'bigint' ? int(n < 0n ? -n : n) : { t: 'float', v: Math.abs(n) };
    }
    case 'round': {
      const n = Number(numbers(ip, [first ?? int(0n)], e)[0]);
      const r = Math.abs(n % 1) === 0.5 ? 2 * Math.round(n / 2) : Math.round(n);
      return int(BigInt(r));
    }
    case 'min':
    case 'max':
    case 'sum': {
      const vals = a.length === 1 ? ip.iterate(first as Value, e) : a;
      // `sum(p.numel() for p in model.parameters())` counts tensors: only a printout, never a size.
      if (path === 'sum' && vals.some((v) => v.t === 'host')) return ip.inert(ip.text(e));
      const ns = numbers(ip, vals, e);
      if (path === 'sum') {
        if (ns.every((v) => typeof v === 'bigint')) return int(ns.reduce<bigint>((x, y) => x + (y as bigint), 0n));
        return { t: 'float', v: ns.reduce<number>((x, y) => x + Number(y), 0) };
      }
      if (ns.length === 0) throw new CodeError(`\`${ip.text(e)}\` has nothing to compare (line ${e.line}).`);
      let best = 0;
      ns.forEach((v, i) => {
        const b = ns[best] as bigint | number;
        if (path === 'min' ? v < b : v > b) best = i;
      });
      return vals[best] as Value;
    }
    case 'list':
    case 'tuple':
    case 'set':
    case 'sorted':
    case 'reversed': {
      const items = first ? [...ip.iterate(first, e)] : [];
      if (path === 'sorted') items.sort((x, y) => (ip.compare('<', x, y, e) ? -1 : ip.compare('>', x, y, e) ? 1 : 0));
      if (path === 'reversed') items.reverse();
      return { t: 'seq', kind: path === 'tuple' ? 'tuple' : path === 'set' ? 'set' : 'list', items };
    }
    case 'dict':
    case 'OrderedDict':
    case 'collections.OrderedDict': {
      const entries: { key: Value; value: Value }[] = [];
      if (first?.t === 'dict') entries.push(...first.entries.map((x) => ({ ...x })));
      else if (first)
        for (const pair of ip.iterate(first, e)) {
          const kv = ip.iterate(pair, e);
          entries.push({ key: kv[0] as Value, value: kv[1] as Value });
        }
      for (const k of keywords) entries.push({ key: { t: 'str', v: k.name }, value: k.value });
      return { t: 'dict', entries };
    }
    case 'zip': {
      const lists = a.map((x) => ip.iterate(x, e));
      const n = Math.min(...lists.map((l) => l.length));
      return seq(
        Array.from({ length: n }, (_, i) =>
          seq(
            lists.map((l) => l[i] as Value),
            'tuple',
          ),
        ),
      );
    }
    case 'enumerate': {
      const start = toInt(ip, a[1] ?? kw('start') ?? int(0n), e) as { v: bigint };
      return seq(ip.iterate(first as Value, e).map((v, i) => seq([int(start.v + BigInt(i)), v], 'tuple')));
    }
    case 'map':
    case 'filter': {
      const f = first as Value;
      const items = ip.iterate(a[1] as Value, e);
      const out: Value[] = [];
      for (const v of items) {
        const r =
          f.t === 'func'
            ? ip.callFunction(f.fn, [v], [], e)
            : f.t === 'class'
              ? ip.instantiate(f.cls, [v], [], e)
              : null;
        if (r === null) throw new CodeError(`\`${ip.text(e)}\`: I can only map a function (line ${e.line}).`);
        if (path === 'map') out.push(r);
        else if (truthy(r)) out.push(v);
      }
      return seq(out);
    }
    case 'any':
    case 'all': {
      const items = ip.iterate(first as Value, e);
      return { t: 'bool', v: path === 'any' ? items.some(truthy) : items.every(truthy) };
    }
    case 'isinstance': {
      const cls = a[1];
      if (first?.t === 'object' && cls?.t === 'class') return { t: 'bool', v: first.cls === cls.cls };
      const typeName = cls ? ip.pathOf(cls) : null;
      const map: Record<string, Value['t'][]> = {
        int: ['int'],
        float: ['float'],
        str: ['str'],
        bool: ['bool'],
        list: ['seq'],
        tuple: ['seq'],
        dict: ['dict'],
      };
      return { t: 'bool', v: typeName !== null && (map[typeName] ?? []).includes(first?.t ?? 'none') };
    }
    case 'hasattr':
    case 'getattr': {
      const attr = a[1];
      if (!first || attr?.t !== 'str')
        throw new CodeError(`\`${ip.text(e)}\` needs an object and a name in quotes (line ${e.line}).`);
      try {
        const v = ip.attribute(first, attr.v, e);
        return path === 'hasattr' ? { t: 'bool', v: true } : v;
      } catch (err) {
        if (!(err instanceof CodeError) || /double underscores/.test(err.message)) throw err;
        if (path === 'hasattr') return { t: 'bool', v: false };
        if (a[2]) return a[2];
        throw err;
      }
    }
    case 'setattr': {
      const attr = a[1];
      if (!first || attr?.t !== 'str' || !a[2])
        throw new CodeError(`\`${ip.text(e)}\` needs an object, a name in quotes and a value (line ${e.line}).`);
      ip.setAttribute(first, attr.v, a[2], e);
      return { t: 'none' };
    }
    case 'vars':
      if (first?.t !== 'object')
        throw refuseNotLayer(`\`vars\` at line ${e.line} is not a layer, and I never run code.`);
      return { t: 'dict', entries: [...first.attrs].map(([k, v]) => ({ key: { t: 'str', v: k }, value: v })) };
    case 'super': {
      const { owner, self } = ip.currentMethod();
      if (!owner || !self) throw new CodeError(`\`super()\` is used outside a method (line ${e.line}).`);
      return { t: 'super', cls: owner, self };
    }
    case 'print':
      return { t: 'none' };
    case 'SimpleNamespace':
    case 'types.SimpleNamespace':
    case 'argparse.Namespace':
    case 'Namespace':
      return { t: 'object', cls: NAMESPACE, attrs: new Map(keywords.map((k) => [k.name, k.value])) };
    case 'dataclasses.field':
    case 'field': {
      const d = kw('default');
      if (d) return d;
      const factory = kw('default_factory');
      if (factory && factory.t === 'func') return ip.callFunction(factory.fn, [], [], e);
      const name = factory ? ip.pathOf(factory) : null;
      if (name === 'list') return seq([]);
      if (name === 'dict') return { t: 'dict', entries: [] };
      return { t: 'none' };
    }
    case 'argparse.ArgumentParser':
    case 'ArgumentParser':
      return { t: 'object', cls: ARGPARSE, attrs: new Map() };
    default:
      return null;
  }
}

const BUILTINS = new Set([
  'range',
  'len',
  'int',
  'float',
  'str',
  'bool',
  'abs',
  'round',
  'min',
  'max',
  'sum',
  'list',
  'tuple',
  'set',
  'sorted',
  'reversed',
  'dict',
  'OrderedDict',
  'collections.OrderedDict',
  'zip',
  'enumerate',
  'map',
  'filter',
  'any',
  'all',
  'isinstance',
  'hasattr',
  'getattr',
  'setattr',
  'vars',
  'super',
  'print',
  'SimpleNamespace',
  'types.SimpleNamespace',
  'argparse.Namespace',
  'Namespace',
  'dataclasses.field',
  'field',
  'argparse.ArgumentParser',
  'ArgumentParser',
]);

function argparseMethod(ip: Interpreter, parser: Value & { t: 'object' }, method: string, e: Call): Value | null {
  const { positional, keywords } = ip.evaluateArgs(e);
  switch (method) {
    case 'add_argument': {
      const flags = positional.filter((v): v is Value & { t: 'str' } => v.t === 'str').map((v) => v.v);
      const long = flags.find((f) => f.startsWith('--')) ?? flags[0] ?? '';
      const dest = keywords.find((k) => k.name === 'dest')?.value;
      const name = dest?.t === 'str' ? dest.v : long.replace(/^-+/, '').replace(/-/g, '_');
      const action = keywords.find((k) => k.name === 'action')?.value;
      let value: Value = keywords.find((k) => k.name === 'default')?.value ?? { t: 'none' };
      if (!keywords.some((k) => k.name === 'default') && action?.t === 'str')
        value = { t: 'bool', v: action.v === 'store_true' ? false : action.v === 'store_false' };
      parser.attrs.set(name, value);
      return { t: 'none' };
    }
    case 'set_defaults':
      for (const k of keywords) parser.attrs.set(k.name, k.value);
      return { t: 'none' };
    case 'add_argument_group':
    case 'add_mutually_exclusive_group':
      return parser;
    case 'parse_args':
    case 'parse_known_args': {
      const ns: Value = { t: 'object', cls: NAMESPACE, attrs: new Map(parser.attrs) };
      return method === 'parse_args' ? ns : seq([ns, seq([])], 'tuple');
    }
    default:
      return { t: 'none' };
  }
}

function valueMethod(ip: Interpreter, obj: Value, method: string, e: Call): Value | null {
  const { positional: a } = ip.evaluateArgs(e);
  const first = a[0];
  if (obj.t === 'seq') {
    switch (method) {
      case 'append':
        obj.items.push(first as Value);
        break;
      case 'extend':
        obj.items.push(...ip.iterate(first as Value, e));
        break;
      case 'insert': {
        const i = first?.t === 'int' ? Number(first.v) : obj.items.length;
        obj.items.splice(i < 0 ? obj.items.length + i : i, 0, a[1] as Value);
        break;
      }
      case 'pop': {
        const i = first?.t === 'int' ? Number(first.v) : obj.items.length - 1;
        return obj.items.splice(i < 0 ? obj.items.length + i : i, 1)[0] ?? { t: 'none' };
      }
      case 'index':
        return int(BigInt(obj.items.findIndex((x) => equal(x, first as Value))));
      case 'count':
        return int(BigInt(obj.items.filter((x) => equal(x, first as Value)).length));
      case 'copy':
        return seq([...obj.items], obj.kind === 'tuple' ? 'tuple' : 'list');
      default:
        return null;
    }
    if (obj.items.length > MAX_LOOP_ITERATIONS)
      throw new CodeError(
        `That list grows past ${MAX_LOOP_ITERATIONS.toLocaleString('en-US')} items (line ${e.line}).`,
      );
    return { t: 'none' };
  }
  if (obj.t === 'dict') {
    const find = (k: Value | undefined) => obj.entries.find((x) => k !== undefined && equal(x.key, k));
    switch (method) {
      case 'get':
        return find(first)?.value ?? a[1] ?? { t: 'none' };
      case 'items':
        return seq(obj.entries.map((x) => seq([x.key, x.value], 'tuple')));
      case 'keys':
        return seq(obj.entries.map((x) => x.key));
      case 'values':
        return seq(obj.entries.map((x) => x.value));
      case 'copy':
        return { t: 'dict', entries: obj.entries.map((x) => ({ ...x })) };
      case 'update':
        if (first?.t === 'dict')
          for (const x of first.entries) {
            const hit = find(x.key);
            if (hit) hit.value = x.value;
            else obj.entries.push({ ...x });
          }
        return { t: 'none' };
      case 'pop':
      case 'setdefault': {
        const hit = find(first);
        if (method === 'pop') {
          if (hit) obj.entries.splice(obj.entries.indexOf(hit), 1);
          return hit?.value ?? a[1] ?? { t: 'none' };
        }
        if (hit) return hit.value;
        obj.entries.push({ key: first as Value, value: a[1] ?? { t: 'none' } });
        return a[1] ?? { t: 'none' };
      }
      default:
        return null;
    }
  }
  if (obj.t === 'str') {
    switch (method) {
      case 'format': {
        let i = 0;
        return { t: 'str', v: obj.v.replace(/\{[^{}]{0,40}\}/g, () => display(a[i++] ?? { t: 'str', v: '' })) };
      }
      case 'lower':
        return { t: 'str', v: obj.v.toLowerCase() };
      case 'upper':
        return { t: 'str', v: obj.v.toUpperCase() };
      case 'strip':
        return { t: 'str', v: obj.v.trim() };
      case 'startswith':
      case 'endswith':
        return {
          t: 'bool',
          v: first?.t === 'str' && (method === 'startswith' ? obj.v.startsWith(first.v) : obj.v.endsWith(first.v)),
        };
      case 'split':
        return seq(obj.v.split(first?.t === 'str' ? first.v : /\s+/).map((v) => ({ t: 'str', v })));
      case 'join':
        return {
          t: 'str',
          v: ip
            .iterate(first as Value, e)
            .map(display)
            .join(obj.v),
        };
      case 'replace':
        return { t: 'str', v: first?.t === 'str' && a[1]?.t === 'str' ? obj.v.split(first.v).join(a[1].v) : obj.v };
      default:
        return null;
    }
  }
  return null;
}
