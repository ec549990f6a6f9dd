// Follows the statements of a pasted model script without running anything: assignments, if/for/
// while, functions, classes and their methods, over the values the evaluator knows. Whatever a
// layer or model is stays with the host (the code reader). Every loop, call depth and the total
// number of steps is bounded, and each error quotes the bound it hit.
import type { ClassStatement, DefStatement, Expr, LambdaExpr, Statement } from './ast.js';
import { builtinCall, FORBIDDEN_BUILTIN } from './builtins.js';
import { describe, Evaluator, Scope, truthy } from './evaluate.js';
import type { ClassValue, FuncValue, Host, Value } from './evaluate.js';
import { CodeError, EXAMPLE_HINT, FORBIDDEN_NAMES, refuseNotLayer } from './tokenizer.js';

/** Statements and calls followed in one paste. */
export const MAX_STEPS = 100_000;
/** Iterations of one loop (and items of one range or comprehension). */
export const MAX_LOOP_ITERATIONS = 10_000;
/** Nested calls (functions calling functions, classes composed in classes). */
export const MAX_CALL_DEPTH = 40;

/** Module-level names that cannot change a count: statements calling them are skipped. */
const SKIPPED_ROOTS = new Set([
  'print',
  'warnings',
  'logging',
  'logger',
  'log',
  'time',
  'plt',
  'sys',
  'wandb',
  'tqdm',
  'pprint',
  'display',
  'summary',
  'torchsummary',
  'np.random',
  'random',
  'torch.manual_seed',
  'torch.cuda',
  'torch.backends',
  'torch.set_default_dtype',
  'torch.set_num_threads',
  'tf.random',
  'tf.config',
  'tf.compat',
  'tf.debugging',
  'tf.get_logger',
  'os.environ',
  'K.clear_session',
  'keras.backend.clear_session',
  'tf.keras.backend.clear_session',
  'np.set_printoptions',
]);

/** Dunder attributes a model script may use; every other is refused. */
const ALLOWED_DUNDERS = new Set(['__init__', '__name__', '__class__']);

/** What the host adds for the interpreter: module instances, imports and top-level tracking. */
export interface InterpreterHost extends Host {
  /** 'torch' / 'keras' when a base class (a path) is a framework module class. */
  moduleKind(base: Value): 'torch' | 'keras' | null;
  /** A new instance of a module class (the host keeps its children); null for a plain object. */
  newInstance(cls: ClassValue, kind: 'torch' | 'keras', e: Expr): Value;
  /** The user class of a host instance. */
  instanceClass(obj: Value): ClassValue | null;
  /** An instance attribute the host keeps (children, parameters, plain values). */
  instanceAttr(obj: Value, attr: string): Value | undefined;
  /** `obj.attr = v` on a host value; false when the host does not take it. */
  setAttr(obj: Value, attr: string, v: Value, e: Expr): boolean;
  /** `obj[key] = v` on a host value. */
  setItem(obj: Value, key: Value, v: Value, e: Expr): boolean;
  /** The dotted path behind a name/attribute value (`torch.nn.Linear`), or null. */
  pathOf(v: Value): string | null;
  importStatement(st: Statement & { k: 'import' }): void;
  /** A module-level name was bound. */
  bindGlobal(name: string, v: Value, line: number): void;
  /** A module-level expression statement's value. */
  topExpression(v: Value): void;
  /** A method of a host value (`model.add(...)`, `x.to(device)`): the host's call with the object already evaluated. */
  callMethod(e: Expr & { k: 'call' }, obj: Value): Value;
  /** An inert value for calls that cannot change a count. */
  inert(what: string): Value;
  /** A `for` over data (an opaque or undefined value) was skipped. */
  skippedLoop(what: string, line: number): void;
  /** A module-level name was read (so it is not a trailing `input=N` hint). */
  noteRead(id: string): void;
  /** Items of a host container (`for layer in self.layers`). */
  iterateHost(v: Value): Value[] | null;
  /** `self.layers[0]`, `self.heads['a']` on a host container. */
  subscriptHost(obj: Value, idx: Value, e: Expr): Value | undefined;
}

class ReturnSignal {
  constructor(readonly value: Value) {}
}
class BreakSignal {}
class ContinueSignal {}

interface Frame {
  scope: Scope;
  owner: ClassValue | null;
  self: Value | null;
  globals: Set<string>;
  module: boolean;
}

export class Interpreter extends Evaluator {
  private steps = 0;
  private depth = 0;
  readonly globals: Scope;
  private frame: Frame;

  constructor(
    source: string,
    protected readonly ihost: InterpreterHost,
    globals: Map<string, Value>,
  ) {
    super(source, ihost);
    this.globals = new Scope(null, globals);
    this.frame = { scope: this.globals, owner: null, self: null, globals: new Set(), module: true };
  }

  /** Steps followed so far (a formula's several readings of one paste share a budget). */
  get stepsTaken(): number {
    return this.steps;
  }

  step(line: number): void {
    if (++this.steps > MAX_STEPS)
      throw new CodeError(
        `That code takes more than ${MAX_STEPS.toLocaleString('en-US')} steps to follow (at line ${line}); I stop there. ${EXAMPLE_HINT}`,
      );
  }

  // ----- names, attributes, calls -------------------------------------------------------

  protected override lookupName(id: string, e: Expr): Value {
    const v = this.frame.scope.lookup(id);
    if (v !== undefined) {
      if (this.globals.vars.get(id) === v) this.ihost.noteRead(id);
      return v;
    }
    if (id === '__name__') return { t: 'str', v: '__main__' };
    if (FORBIDDEN_NAMES.has(id) || id.startsWith('__'))
      throw refuseNotLayer(`\`${id}\` at line ${e.line} is not a layer, and I never run code.`);
    return this.host.name(id, e);
  }

  protected override getAttr(obj: Value, attr: string, e: Expr): Value {
    if (attr.startsWith('__') && !ALLOWED_DUNDERS.has(attr))
      throw refuseNotLayer(`\`${attr}\` at line ${e.line}: names with double underscores are not allowed.`);
    if (attr === '__class__') {
      const cls = obj.t === 'object' ? obj.cls : this.ihost.instanceClass(obj);
      if (cls) return { t: 'class', cls };
    }
    if (attr === '__name__' && obj.t === 'class') return { t: 'str', v: obj.cls.name };
    if (obj.t === 'object') {
      const own = obj.attrs.get(attr);
      if (own !== undefined) return own;
      const found = obj.cls ? this.classAttr(obj.cls, attr, obj, e) : undefined;
      if (found) return found;
      throw new CodeError(`\`${this.text(e)}\` (line ${e.line}): ${describe(obj)} has no \`${attr}\`. ${EXAMPLE_HINT}`);
    }
    if (obj.t === 'class') {
      const found = this.classAttr(obj.cls, attr, null, e);
      if (found) return found;
      throw new CodeError(
        `\`${this.text(e)}\` (line ${e.line}): the class \`${obj.cls.name}\` has no \`${attr}\`. ${EXAMPLE_HINT}`,
      );
    }
    if (obj.t === 'super') {
      for (const base of obj.cls.bases) {
        if (base.t !== 'class') continue;
        const found = this.classAttr(base.cls, attr, obj.self, e);
        if (found) return found;
      }
      return { t: 'func', fn: NOOP };
    }
    const cls = this.ihost.instanceClass(obj);
    if (cls) {
      const own = this.ihost.instanceAttr(obj, attr);
      if (own !== undefined) return own;
      const found = this.classAttr(cls, attr, obj, e);
      if (found) return found;
    }
    return this.host.attr(obj, attr, e);
  }

  /** A class attribute or method (bound to `self` when given), searching the bases depth-first. */
  private classAttr(cls: ClassValue, attr: string, self: Value | null, e: Expr, depth = 0): Value | undefined {
    if (depth > MAX_CALL_DEPTH) throw new CodeError(`The classes inherit too deeply (line ${e.line}). ${EXAMPLE_HINT}`);
    const v = cls.ns.get(attr);
    if (v !== undefined) {
      if (v.t === 'func' && self && !v.fn.isStatic) {
        const bound: Value = { t: 'func', fn: { ...v.fn, self } };
        return v.fn.isProperty ? this.callFunction(bound.fn, [], [], e) : bound;
      }
      return v;
    }
    for (const base of cls.bases) {
      if (base.t !== 'class') continue;
      const found = this.classAttr(base.cls, attr, self, e, depth + 1);
      if (found) return found;
    }
    return undefined;
  }

  protected override lambda(e: LambdaExpr): Value {
    return {
      t: 'func',
      fn: { name: '<lambda>', def: e, closure: this.frame.scope, defaults: this.defaults(e.params) },
    };
  }

  private defaults(params: { default: Expr | null }[]): (Value | null)[] {
    return params.map((p) => (p.default ? this.evaluate(p.default) : null));
  }

  protected override comprehension(e: Expr & { k: 'comp' }): Value {
    const scope = new Scope(this.frame.scope);
    const saved = this.frame;
    this.frame = { ...saved, scope };
    const items: Value[] = [];
    const entries: { key: Value; value: Value }[] = [];
    try {
      const loop = (g: number): void => {
        const gen = e.gens[g];
        if (!gen) {
          if (e.kind === 'dict') entries.push({ key: this.evaluate(e.elt), value: this.evaluate(e.value as Expr) });
          else items.push(this.evaluate(e.elt));
          if (items.length + entries.length > MAX_LOOP_ITERATIONS) throw this.loopLimit(e.line, 'comprehension');
          return;
        }
        for (const v of this.iterate(this.evaluate(gen.iter), gen.iter)) {
          this.step(e.line);
          this.assign(gen.target, v);
          if (gen.ifs.every((c) => truthy(this.evaluate(c)))) loop(g + 1);
        }
      };
      loop(0);
    } finally {
      this.frame = saved;
    }
    if (e.kind === 'dict') return { t: 'dict', entries };
    return { t: 'seq', kind: e.kind === 'set' ? 'set' : e.kind === 'gen' ? 'tuple' : 'list', items };
  }

  private loopLimit(line: number, what: string): CodeError {
    return new CodeError(
      `The ${what} at line ${line} goes round more than ${MAX_LOOP_ITERATIONS.toLocaleString('en-US')} times; I stop there. ${EXAMPLE_HINT}`,
    );
  }

  /** Positional and keyword arguments of a call, with `*` and `**` spread. */
  evaluateArgs(e: Expr & { k: 'call' }): { positional: Value[]; keywords: { name: string; value: Value }[] } {
    const positional: Value[] = [];
    const keywords: { name: string; value: Value }[] = [];
    for (const a of e.args) {
      const v = this.evaluate(a.value);
      if (a.star) positional.push(...this.iterate(v, a.value));
      else positional.push(v);
    }
    for (const k of e.kwargs) {
      const v = this.evaluate(k.value);
      if (k.name !== null) keywords.push({ name: k.name, value: v });
      else if (v.t === 'dict') {
        for (const x of v.entries) if (x.key.t === 'str') keywords.push({ name: x.key.v, value: x.value });
      } else if (v.t === 'object') for (const [name, value] of v.attrs) keywords.push({ name, value });
      else throw new CodeError(`\`**${this.text(k.value)}\` must be a dict (line ${e.line}). ${EXAMPLE_HINT}`);
    }
    return { positional, keywords };
  }

  protected override callExpr(e: Expr & { k: 'call' }): Value {
    this.step(e.line);
    if (this.skipped(e)) return this.ihost.inert(this.text(e));
    if (e.func.k === 'attr') {
      const obj = this.evaluate(e.func.obj);
      const method = e.func.attr;
      if (obj.t === 'object' || obj.t === 'class' || obj.t === 'super' || this.ihost.instanceClass(obj)) {
        const f = this.getAttrOrNull(obj, method, e.func);
        if (f && (f.t === 'func' || f.t === 'class')) return this.callValue(f, e);
        if (obj.t !== 'host') {
          const r = builtinCall(this, obj, method, e);
          if (r) return r;
          throw new CodeError(`I can't call \`${this.text(e)}\` (line ${e.line}). ${EXAMPLE_HINT}`);
        }
      }
      const base = this.ihost.pathOf(obj);
      const r = base !== null ? builtinCall(this, null, `${base}.${method}`, e) : builtinCall(this, obj, method, e);
      if (r) return r;
      return this.ihost.callMethod(e, obj);
    }
    const callee = this.evaluate(e.func);
    if (callee.t === 'func' || callee.t === 'class') return this.callValue(callee, e);
    const path = this.ihost.pathOf(callee);
    if (path !== null) {
      const r = builtinCall(this, null, path, e);
      if (r) return r;
      if (FORBIDDEN_BUILTIN.has(path))
        throw refuseNotLayer(`\`${path}\` at line ${e.line} is not a layer, and I never run code.`);
    }
    return this.host.call(e, this, callee);
  }

  private getAttrOrNull(obj: Value, attr: string, e: Expr): Value | null {
    try {
      return this.getAttr(obj, attr, e);
    } catch (err) {
      if (err instanceof CodeError && !/double underscores/.test(err.message)) return null;
      throw err;
    }
  }

  /** Calls a function or class value with the call's arguments. */
  callValue(f: Value, e: Expr & { k: 'call' }): Value {
    const { positional, keywords } = this.evaluateArgs(e);
    if (f.t === 'class') return this.instantiate(f.cls, positional, keywords, e);
    if (f.t === 'func') return this.callFunction(f.fn, positional, keywords, e);
    throw new CodeError(`I can't call \`${this.text(e)}\` (line ${e.line}). ${EXAMPLE_HINT}`);
  }

  callFunction(fn: FuncValue, positional: Value[], keywords: { name: string; value: Value }[], e: Expr): Value {
    if (fn === NOOP) return { t: 'none' };
    if (fn.def.k === 'def' && fn.def.broken)
      throw new CodeError(`I couldn't read the function \`${fn.name}\` (line ${fn.def.line}): ${fn.def.broken}`);
    if (++this.depth > MAX_CALL_DEPTH) {
      this.depth = 0;
      throw new CodeError(
        `The calls nest more than ${MAX_CALL_DEPTH} deep (at line ${e.line}, in \`${fn.name}\`); I stop there. ${EXAMPLE_HINT}`,
      );
    }
    const scope = new Scope(fn.closure);
    const args = fn.self ? [fn.self, ...positional] : positional;
    bindParams(fn, scope, args, keywords, e, (v) => describe(v));
    const saved = this.frame;
    this.frame = {
      scope,
      owner: fn.owner ?? null,
      self: fn.self ?? args[0] ?? null,
      globals: new Set(),
      module: false,
    };
    try {
      if (fn.def.k === 'lambda') return this.evaluate(fn.def.body);
      this.block(fn.def.body);
      return { t: 'none' };
    } catch (sig) {
      if (sig instanceof ReturnSignal) return sig.value;
      throw sig;
    } finally {
      this.frame = saved;
      this.depth--;
    }
  }

  /** Kind of class: a framework module (through any chain of user bases) or a plain class. */
  private classKind(cls: ClassValue, depth = 0): 'torch' | 'keras' | null {
    if (depth > MAX_CALL_DEPTH) return null;
    for (const b of cls.bases) {
      const k = b.t === 'class' ? this.classKind(b.cls, depth + 1) : this.ihost.moduleKind(b);
      if (k) return k;
    }
    return null;
  }

  instantiate(cls: ClassValue, positional: Value[], keywords: { name: string; value: Value }[], e: Expr): Value {
    const kind = this.classKind(cls);
    const obj: Value = kind ? this.ihost.newInstance(cls, kind, e) : { t: 'object', cls, attrs: new Map() };
    const init = this.classAttr(cls, '__init__', obj, e);
    if (init && init.t === 'func') {
      const r = this.callFunction(init.fn, positional, keywords, e);
      void r;
    } else if (cls.dataclass && obj.t === 'object') {
      cls.fields.forEach((name, i) => {
        const given = positional[i] ?? keywords.find((k) => k.name === name)?.value;
        const v = given ?? this.classAttr(cls, name, null, e);
        if (v === undefined)
          throw new CodeError(`\`${cls.name}(...)\` needs \`${name}\` (line ${e.line}). ${EXAMPLE_HINT}`);
        obj.attrs.set(name, v);
      });
    }
    return obj;
  }

  // ----- statements ---------------------------------------------------------------------

  /** Runs the module; a top-level `return` (a pasted function body) gives its value. */
  run(body: Statement[]): Value | null {
    try {
      this.block(body);
      return null;
    } catch (sig) {
      if (sig instanceof ReturnSignal) return sig.value;
      if (sig instanceof BreakSignal || sig instanceof ContinueSignal) return null;
      throw sig;
    }
  }

  block(body: Statement[]): void {
    for (const st of body) this.statement(st);
  }

  private statement(st: Statement): void {
    this.step(st.line);
    switch (st.k) {
      case 'pass':
      case 'assert':
      case 'annotation':
      case 'yield':
        return;
      case 'import':
        this.ihost.importStatement(st);
        return;
      case 'expr': {
        if (this.skipped(st.expr)) return;
        const v = this.evaluate(st.expr);
        if (this.frame.module) this.ihost.topExpression(v);
        return;
      }
      case 'assign': {
        const v = this.evaluate(st.value);
        for (const t of st.targets) this.assign(t, v);
        return;
      }
      case 'augassign': {
        const cur = this.evaluate(st.target);
        const v = this.binaryOp(st.op, cur, this.evaluate(st.value), st.value);
        this.assign(st.target, v);
        return;
      }
      case 'def':
        this.define(st);
        return;
      case 'class':
        this.defineClass(st);
        return;
      case 'if':
        this.block(truthy(this.evaluate(st.test)) ? st.body : st.orelse);
        return;
      case 'for': {
        const over = this.evaluate(st.iter);
        if (this.host.isOpaque?.(over) || this.host.undefinedName?.(over)) {
          // A loop over data (`for x, y in train_loader:`): it trains or evaluates, it builds nothing.
          this.ihost.skippedLoop(this.text(st.iter), st.line);
          return;
        }
        const items = this.iterate(over, st.iter);
        if (items.length > MAX_LOOP_ITERATIONS) throw this.loopLimit(st.line, '`for` loop');
        for (const v of [...items]) {
          this.assign(st.target, v);
          if (this.loopBody(st.body)) return;
        }
        this.block(st.orelse);
        return;
      }
      case 'while': {
        let n = 0;
        while (truthy(this.evaluate(st.test))) {
          if (++n > MAX_LOOP_ITERATIONS) throw this.loopLimit(st.line, '`while` loop');
          if (this.loopBody(st.body)) return;
        }
        this.block(st.orelse);
        return;
      }
      case 'with':
        for (const item of st.items) {
          const v = this.evaluate(item.expr);
          if (item.target) this.assign(item.target, v);
        }
        this.block(st.body);
        return;
      case 'try':
        this.block(st.body);
        this.block(st.orelse);
        this.block(st.finalbody);
        return;
      case 'return':
        if (this.frame.module) throw new ReturnSignal(st.value ? this.evaluate(st.value) : { t: 'none' });
        throw new ReturnSignal(st.value ? this.evaluate(st.value) : { t: 'none' });
      case 'break':
        throw new BreakSignal();
      case 'continue':
        throw new ContinueSignal();
      case 'global':
        for (const n of st.names) this.frame.globals.add(n);
        return;
      case 'raise':
        throw new CodeError(
          `The code raises an error at line ${st.line} (\`raise ${st.names[0] ?? ''}\`) with the values given, so there is no model to count. ${EXAMPLE_HINT}`,
        );
      case 'del':
        for (const n of st.names) {
          if (!this.frame.scope.vars.delete(n))
            throw new CodeError(`I don't follow \`del ${n}\` (line ${st.line}). ${EXAMPLE_HINT}`);
        }
        return;
    }
  }

  /** One pass of a loop body; true when it ends with `break`. */
  private loopBody(body: Statement[]): boolean {
    try {
      this.block(body);
    } catch (sig) {
      if (sig instanceof BreakSignal) return true;
      if (!(sig instanceof ContinueSignal)) throw sig;
    }
    return false;
  }

  /** Module-level statements that only print, log, time or seed (never evaluated). */
  private skipped(e: Expr): boolean {
    if (e.k !== 'call') return false;
    let f: Expr = e.func;
    const parts: string[] = [];
    while (f.k === 'attr') {
      parts.unshift(f.attr);
      f = f.obj;
    }
    if (f.k !== 'name' || this.frame.scope.lookup(f.id) !== undefined) return false;
    parts.unshift(f.id);
    for (let i = 1; i <= parts.length; i++) if (SKIPPED_ROOTS.has(parts.slice(0, i).join('.'))) return true;
    return false;
  }

  binaryOp(op: string, a: Value, b: Value, e: Expr): Value {
    return this.binary(op, a, b, e);
  }

  private define(st: DefStatement): void {
    const fn: FuncValue = {
      name: st.name,
      def: st,
      closure: this.frame.scope,
      defaults: this.defaults(st.params),
    };
    for (const d of st.decorators) {
      const name = d.k === 'name' ? d.id : d.k === 'attr' ? d.attr : '';
      if (name === 'property' || name === 'cached_property') fn.isProperty = true;
      if (name === 'staticmethod') fn.isStatic = true;
    }
    this.bind(st.name, { t: 'func', fn });
  }

  private defineClass(st: ClassStatement): void {
    const bases = st.bases.map((b) => this.evaluate(b));
    const cls: ClassValue = {
      name: st.name,
      bases,
      ns: new Map(),
      line: st.line,
      dataclass: st.decorators.some((d) => {
        const x = d.k === 'call' ? d.func : d;
        return (x.k === 'name' && x.id === 'dataclass') || (x.k === 'attr' && x.attr === 'dataclass');
      }),
      fields: [],
      body: st.body,
    };
    const scope = new Scope(this.frame.scope);
    const saved = this.frame;
    this.frame = { scope, owner: cls, self: null, globals: new Set(), module: false };
    try {
      for (const s of st.body) {
        if (s.k === 'annotation') cls.fields.push(...s.names);
        if (s.k === 'assign' && s.annotated && s.targets[0]?.k === 'name') cls.fields.push(s.targets[0].id);
        this.statement(s);
      }
    } finally {
      this.frame = saved;
    }
    for (const [k, v] of scope.vars) {
      cls.ns.set(
        k,
        v.t === 'func' && v.fn.closure === scope
          ? { t: 'func', fn: { ...v.fn, owner: cls, closure: this.frame.scope } }
          : v,
      );
    }
    this.bind(st.name, { t: 'class', cls });
  }

  private bind(name: string, v: Value): void {
    if (this.frame.module || this.frame.globals.has(name)) {
      this.globals.vars.set(name, v);
      this.ihost.bindGlobal(name, v, 0);
    } else this.frame.scope.vars.set(name, v);
  }

  assign(target: Expr, v: Value): void {
    switch (target.k) {
      case 'name':
        this.bind(target.id, v);
        return;
      case 'tuple':
      case 'list': {
        if (this.host.isOpaque?.(v)) {
          // `_, predicted = torch.max(outputs, 1)`: every part is as opaque as the whole.
          for (const t of target.items) this.assign(t.k === 'starred' ? t.value : t, v);
          return;
        }
        const items = this.iterate(v, target);
        const star = target.items.findIndex((x) => x.k === 'starred');
        if (star < 0 && items.length !== target.items.length)
          throw new CodeError(
            `\`${this.text(target)}\` (line ${target.line}) unpacks ${items.length} values into ${target.items.length} names. ${EXAMPLE_HINT}`,
          );
        if (star >= 0) {
          const after = target.items.length - star - 1;
          target.items.forEach((t, i) => {
            if (i < star) this.assign(t, items[i] as Value);
            else if (i === star)
              this.assign((t as Expr & { k: 'starred' }).value, {
                t: 'seq',
                kind: 'list',
                items: items.slice(star, items.length - after),
              });
            else this.assign(t, items[items.length - (target.items.length - i)] as Value);
          });
          return;
        }
        target.items.forEach((t, i) => {
          this.assign(t, items[i] as Value);
        });
        return;
      }
      case 'attr': {
        if (target.attr.startsWith('__'))
          throw refuseNotLayer(
            `\`${target.attr}\` at line ${target.line}: names with double underscores are not allowed.`,
          );
        const obj = this.evaluate(target.obj);
        if (obj.t === 'object') {
          obj.attrs.set(target.attr, v);
          return;
        }
        if (obj.t === 'class') {
          obj.cls.ns.set(target.attr, v);
          return;
        }
        if (this.ihost.setAttr(obj, target.attr, v, target)) return;
        throw new CodeError(`I can't set \`${this.text(target)}\` (line ${target.line}). ${EXAMPLE_HINT}`);
      }
      case 'subscript': {
        const obj = this.evaluate(target.obj);
        const key = this.evaluate(target.index);
        if (obj.t === 'dict') {
          const hit = obj.entries.find((x) => x.key.t === key.t && describe(x.key) === describe(key));
          if (hit) hit.value = v;
          else obj.entries.push({ key, value: v });
          return;
        }
        if (obj.t === 'seq' && key.t === 'int') {
          const n = BigInt(obj.items.length);
          const i = key.v < 0n ? key.v + n : key.v;
          if (i < 0n || i >= n)
            throw new CodeError(`\`${this.text(target)}\`: index out of range (line ${target.line}).`);
          obj.items[Number(i)] = v;
          return;
        }
        if (this.ihost.setItem(obj, key, v, target)) return;
        throw new CodeError(`I can't set \`${this.text(target)}\` (line ${target.line}). ${EXAMPLE_HINT}`);
      }
      case 'starred':
        this.assign(target.value, v);
        return;
      default:
        throw new CodeError(`I can't assign to \`${this.text(target)}\` (line ${target.line}). ${EXAMPLE_HINT}`);
    }
  }

  /** The current `self` and method owner (for `super()`). */
  currentMethod(): { owner: ClassValue | null; self: Value | null } {
    return { owner: this.frame.owner, self: this.frame.self };
  }

  inert(what: string): Value {
    return this.ihost.inert(what);
  }

  pathOf(v: Value): string | null {
    return this.ihost.pathOf(v);
  }

  /** A tensor, data loader or other value that is never a size. */
  isOpaque(v: Value): boolean {
    return this.host.isOpaque?.(v) === true;
  }

  describeUndefined(v: Value): string | null {
    return this.host.undefinedName?.(v) ?? null;
  }

  attribute(obj: Value, attr: string, e: Expr): Value {
    return this.getAttr(obj, attr, e);
  }

  setAttribute(obj: Value, attr: string, v: Value, e: Expr): void {
    if (attr.startsWith('__'))
      throw refuseNotLayer(`\`${attr}\` at line ${e.line}: names with double underscores are not allowed.`);
    if (obj.t === 'object') obj.attrs.set(attr, v);
    else if (!this.ihost.setAttr(obj, attr, v, e))
      throw new CodeError(`I can't set \`${attr}\` on ${describe(obj)} (line ${e.line}). ${EXAMPLE_HINT}`);
  }

  protected override iterateHost(v: Value): Value[] | null {
    return this.ihost.iterateHost(v);
  }

  protected override subscriptHost(obj: Value, idx: Value, e: Expr): Value | undefined {
    return this.ihost.subscriptHost(obj, idx, e);
  }
}

/** `super().__init__()` of a framework base: nothing to do. */
export const NOOP: FuncValue = {
  name: '__init__',
  def: {
    k: 'lambda',
    params: [],
    body: { k: 'const', value: null, start: 0, end: 0, line: 0, col: 0, depth: 1 },
    start: 0,
    end: 0,
    line: 0,
    col: 0,
    depth: 2,
  },
  closure: new Scope(null),
  defaults: [],
};

function bindParams(
  fn: FuncValue,
  scope: Scope,
  args: Value[],
  keywords: { name: string; value: Value }[],
  e: Expr,
  show: (v: Value) => string,
): void {
  const params = fn.def.params;
  let ai = 0;
  const used = new Set<string>();
  let starName: string | null = null;
  let dstarName: string | null = null;
  params.forEach((p, i) => {
    if (p.kind === 'star') {
      starName = p.name;
      scope.vars.set(p.name, { t: 'seq', kind: 'tuple', items: args.slice(ai) });
      ai = args.length;
      return;
    }
    if (p.kind === 'dstar') {
      dstarName = p.name;
      return;
    }
    const kw = keywords.find((k) => k.name === p.name);
    if (ai < args.length && !starName) {
      scope.vars.set(p.name, args[ai++] as Value);
      if (kw) throw new CodeError(`\`${fn.name}()\` gets \`${p.name}\` twice (line ${e.line}). ${EXAMPLE_HINT}`);
    } else if (kw) {
      scope.vars.set(p.name, kw.value);
      used.add(p.name);
    } else {
      const d = fn.defaults[i];
      if (d === null || d === undefined)
        throw new CodeError(
          `\`${fn.name}(...)\` needs a value for \`${p.name}\` (line ${e.line}): give it in the call, e.g. \`${fn.name}(${p.name}=256)\`. ${EXAMPLE_HINT}`,
        );
      scope.vars.set(p.name, d);
    }
    if (kw) used.add(p.name);
  });
  if (ai < args.length)
    throw new CodeError(
      `\`${fn.name}(...)\` is called with ${args.length - (fn.self ? 1 : 0)} positional arguments, more than it takes (line ${e.line}; the extra one is ${show(args[ai] as Value)}). ${EXAMPLE_HINT}`,
    );
  const extra = keywords.filter((k) => !used.has(k.name));
  if (dstarName) {
    scope.vars.set(dstarName, {
      t: 'dict',
      entries: extra.map((k) => ({ key: { t: 'str', v: k.name }, value: k.value })),
    });
  } else if (extra.length > 0) {
    throw new CodeError(
      `\`${fn.name}(...)\` takes no argument \`${extra[0]?.name}\` (line ${e.line}). ${EXAMPLE_HINT}`,
    );
  }
}
