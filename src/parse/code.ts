// Reads the code people paste (PyTorch, Keras, Flax layers and whole models) into a typed ModelSpec.
// The code is parsed, never executed: a small Python-subset parser builds an AST and this reader maps
// each constructor call to a layer spec through the class's real signature.
import { kerasSnake, modelSpecSchema, ModelError, tryCountModel } from '../engine/model.js';
import type { Framework, InputHint, LayerSpec, ModelSpec } from '../engine/model.js';
import type { Dim } from '../engine/types.js';
import { MAX_MODEL_LAYERS } from '../limits.js';
import type { CallExpr, Expr, Module, Statement } from './python/ast.js';
import { dottedName } from './python/ast.js';
import type { ClassValue, Value } from './python/evaluate.js';
import { describe } from './python/evaluate.js';
import { Interpreter } from './python/interpret.js';
import type { InterpreterHost } from './python/interpret.js';
import { parseTokens } from './python/parser.js';
import { CODE_EXAMPLE, CodeError, EXAMPLE_HINT, preprocess } from './python/tokenizer.js';
import type { ClassCtx, Handler } from './code/context.js';
import { KERAS_COMMON } from './code/context.js';
import { FLAX_HANDLERS, FLAX_ONLY } from './code/flax.js';
import { KERAS_HANDLERS, inputShapeOf } from './code/keras.js';
import { TORCH_HANDLERS } from './code/torch.js';
import { readTorchPrint } from './torch-print/tree.js';
import { FormulaLimit, findFormula, formulaText, MAX_FORMULA_LAYERS, MAX_FORMULA_STEPS } from './code/formula.js';
import type { Sample, SizesFormula } from './code/formula.js';
import { graphItems, MERGE_FUNCTIONS, MERGE_LAYERS, outputShape, TENSOR_OPS } from './code/graph.js';
import { kerasApplicationCall } from '../engine/applications/index.js';
import type { PythonValue } from '../engine/applications/index.js';
import { Args, NONE, describeValue, host, hostData } from './code/values.js';
import type { Bound, LayerData, ModelData, ModelItem, PathData, TensorData } from './code/values.js';
import {
  editedSpec,
  editsOf,
  layerAttribute,
  parameterSpec,
  shapeFromSizes,
  TENSOR_FACTORIES,
  tensorsOf,
} from './code/modules.js';
import type { ParamData } from './code/modules.js';

export type { ModelSpec } from '../engine/model.js';

const HANDLERS: Record<Framework, Record<string, Handler>> = {
  pytorch: TORCH_HANDLERS,
  keras: KERAS_HANDLERS,
  flax: FLAX_HANDLERS,
};

/** Path segments under which an unknown capitalised call is a layer (`nn.Foo`, `layers.Bar`). */
const LAYER_NAMESPACES = new Set(['nn', 'layers', 'keras', 'linen', 'flax', 'tfkl', 'kl', 'modules', 'L']);

const RECURRENT_NAMES = new Set(['LSTM', 'GRU', 'RNN', 'LSTMCell', 'GRUCell', 'RNNCell']);

/** Names that take a trailing `input=N`-style hint (when the code does not use them itself). */
const HINT_NAMES = new Set(['input', 'input_size', 'input_dim', 'input_width', 'in_features', 'input_shape']);

/** Methods on a model/layer that never change the count. Those returning the model keep chaining. */
const CHAINING_METHODS = new Set([
  'to',
  'cuda',
  'cpu',
  'eval',
  'train',
  'double',
  'float',
  'half',
  'bfloat16',
  'requires_grad_',
  'apply',
  'type',
  'share_memory',
]);
const IGNORED_METHODS = new Set([
  'compile',
  'summary',
  'fit',
  'evaluate',
  'predict',
  'save',
  'save_weights',
  'load_weights',
  'load_state_dict',
  'state_dict',
  'count_params',
  'parameters',
  'named_parameters',
  'modules',
  'named_modules',
  'children',
  'zero_grad',
  'forward',
  'get_config',
  'get_weights',
  'set_weights',
  'init',
  'apply_gradients',
  'freeze',
  'unfreeze',
  'register_buffer',
  'numel',
]);

interface DocHints {
  torch: boolean;
  keras: boolean;
  flax: boolean;
  flaxNn: boolean;
}

/** Which frameworks the text mentions, by plain substring checks (spaces collapsed first). */
function docHints(src: string): DocHints {
  const s = src.split(/[ \t]+/).join(' ');
  const has = (...words: string[]): boolean => words.some((w) => s.includes(w));
  return {
    torch: has('import torch', 'from torch', 'torch.nn'),
    keras: has('keras', 'tensorflow', 'tf.', 'Sequential(', 'Sequential (', '.add('),
    flax: has('flax', 'linen'),
    flaxNn: has('flax.linen as nn', 'import linen as nn'),
  };
}

/** A class (or builder) pasted without the line that builds it, with arguments that have no default. */
class MissingSizes extends CodeError {
  constructor(
    /** The class, when it is one (only a class's count is given as a formula). */
    readonly className: string | null,
    readonly names: string[],
    message: string,
  ) {
    super(message);
  }
}

/** Ids of layers and models, unique across readers (an application's model is read by its own reader). */
let nextId = 1;

class Reader implements InterpreterHost {
  readonly env = new Map<string, Value>();
  private readonly read = new Set<string>();
  private readonly aliases = new Map<string, string>();
  private readonly top: ModelItem[] = [];
  private readonly topIds = new Set<number>();
  private readonly consumed = new Set<number>();
  private readonly hints = new Map<string, { value: Value; order: number }>();
  private lastTensor: TensorData | null = null;
  readonly notes: string[] = [];
  readonly ev: Interpreter;
  private readonly doc: DocHints;

  constructor(
    readonly module: Module,
    /** Sizes for a pasted class's arguments that have no default (to find its count as a formula). */
    private readonly sizes?: ReadonlyMap<string, bigint>,
  ) {
    this.ev = new Interpreter(module.source, this, this.env);
    this.doc = docHints(module.source);
  }

  private text(e: { start: number; end: number }): string {
    return this.ev.text(e);
  }

  private note(s: string): void {
    if (!this.notes.includes(s)) this.notes.push(s);
  }

  // ----- Host ------------------------------------------------------------------------------

  name(id: string): Value {
    const v = this.env.get(id);
    if (v !== undefined) {
      this.read.add(id);
      return v;
    }
    const aliased = this.aliases.get(id);
    return host({ tag: 'path', path: aliased ?? id, written: id, unbound: aliased === undefined });
  }

  attr(obj: Value, attr: string, e: Expr): Value {
    const d = hostData(obj);
    if (d && d.tag === 'path') {
      const set = this.env.get(`${d.written}.${attr}`);
      if (set !== undefined && d.unbound) return set;
      return host({ tag: 'path', path: `${d.path}.${attr}`, written: `${d.written}.${attr}`, unbound: d.unbound });
    }
    if (d && d.tag === 'layer') {
      if (attr === 'weight' || attr === 'bias' || /^(weight|bias)_(ih|hh)_l\d+(_reverse)?$/.test(attr)) {
        const shape = tensorsOf(d.spec)?.find((t) => t.name === attr)?.shape ?? null;
        const p: ParamData = { tag: 'param', shape, trainable: true, owner: { of: d, name: attr } };
        return host(p);
      }
      const n = layerAttribute(d.spec, attr);
      if (n !== null) return { t: 'int', v: n };
    }
    if (d && d.tag === 'model') {
      const item = d.items.find((x) => x.name === attr);
      if (item) return host(item.data);
      const v = d.attrs?.get(attr);
      if (v !== undefined) return v;
    }
    if (d && (d.tag === 'param' || d.tag === 'torch-tensor')) {
      if (attr === 'data' || attr === 'T') return obj;
      if (attr === 'shape' && d.shape) return { t: 'seq', kind: 'tuple', items: d.shape.map((v) => ({ t: 'int', v })) };
      if (attr === 'requires_grad') return { t: 'bool', v: d.tag === 'param' ? d.trainable : false };
    }
    if (d) return host({ tag: 'opaque', what: `\`${this.text(e)}\`` });
    throw new CodeError(
      `I can't read \`${this.text(e)}\`: ${describeValue(obj)} has no attribute \`${attr}\`. ${EXAMPLE_HINT}`,
    );
  }

  call(e: CallExpr, _ev?: unknown, callee?: Value): Value {
    return this.callWith(e, undefined, callee);
  }

  callMethod(e: CallExpr, obj: Value): Value {
    return this.callWith(e, obj, undefined);
  }

  private callWith(e: CallExpr, preObj: Value | undefined, preCallee: Value | undefined): Value {
    if (e.func.k === 'attr') {
      const method = e.func.attr;
      const objExpr = e.func.obj;
      let obj = preObj ?? this.ev.evaluate(objExpr);
      let od = hostData(obj);
      if (
        od &&
        od.tag === 'path' &&
        od.unbound &&
        !od.written.includes('.') &&
        (method === 'add' || method === 'pop' || method === 'build') &&
        /^[a-z_]\w*$/.test(od.written)
      ) {
        // `model.add(...)` with no `model = Sequential()` before it.
        const m = this.newModel('Sequential', 'keras', this.text(e), []);
        this.env.set(od.written, host(m));
        this.addTop(od.written, m);
        obj = host(m);
        od = m;
      }
      if (
        od &&
        od.tag === 'path' &&
        od.unbound &&
        !od.written.includes('.') &&
        (IGNORED_METHODS.has(method) || CHAINING_METHODS.has(method))
      ) {
        // `model.summary()`, `model.compile(...)` on a model defined elsewhere: nothing to count.
        this.evaluateArgs(e);
        return host({ tag: 'opaque', what: `\`${this.text(e)}\`` });
      }
      if (od && od.tag === 'model') return this.modelMethod(od, method, e);
      if (od && od.tag === 'layer') return this.layerMethod(od, method, e);
      if (od && (od.tag === 'param' || od.tag === 'torch-tensor')) return this.tensorMethod(od, method, e);
      if (od && (od.tag === 'tensor' || od.tag === 'opaque')) {
        this.evaluateArgs(e);
        return host({ tag: 'opaque', what: `\`${this.text(e)}\`` });
      }
      if (obj.t === 'seq' && (method === 'append' || method === 'extend' || method === 'insert')) {
        const { positional } = this.evaluateCallArgs(e);
        const vals = positional.map((b) => b.value);
        if (method === 'append' && vals[0]) obj.items.push(vals[0]);
        else if (method === 'extend' && vals[0] && vals[0].t === 'seq') obj.items.push(...vals[0].items);
        else if (method === 'insert' && vals[1]) {
          const i = vals[0] && vals[0].t === 'int' ? Number(vals[0].v) : obj.items.length;
          obj.items.splice(i, 0, vals[1]);
        }
        if (obj.items.length > MAX_MODEL_LAYERS)
          throw new CodeError(`That list has more than ${MAX_MODEL_LAYERS} layers, more than I count. ${EXAMPLE_HINT}`);
        return NONE;
      }
      if (od && od.tag === 'path') {
        return this.classCall(
          { tag: 'path', path: `${od.path}.${method}`, written: `${od.written}.${method}`, unbound: od.unbound },
          e,
        );
      }
      throw new CodeError(
        `I can't call \`${this.text(e)}\`: ${describeValue(obj)} has no method \`${method}\`. ${EXAMPLE_HINT}`,
      );
    }
    const callee = preCallee ?? this.ev.evaluate(e.func);
    const d = hostData(callee);
    if (d && d.tag === 'path') return this.classCall(d, e);
    if (d && (d.tag === 'layer' || d.tag === 'model')) return this.apply(d, e);
    if (d && (d.tag === 'opaque' || d.tag === 'tensor')) {
      this.evaluateArgs(e);
      return host({ tag: 'opaque', what: `\`${this.text(e)}\`` });
    }
    throw new CodeError(
      `I can't call \`${this.text(e)}\`: ${describeValue(callee)} is not a layer class. ${EXAMPLE_HINT}`,
      true,
    );
  }

  // ----- the interpreter's host: module instances, attributes, imports ----------------------

  moduleKind(base: Value): 'torch' | 'keras' | null {
    const d = hostData(base);
    if (!d || d.tag !== 'path') return null;
    const segs = d.path.split('.');
    const last = segs[segs.length - 1] ?? '';
    if (segs.some((x) => x === 'flax' || x === 'linen')) return null;
    if (last === 'Module' && (segs.length === 1 || segs.includes('nn') || segs.includes('torch'))) return 'torch';
    if ((last === 'Model' || last === 'Layer') && segs.length > 1) return 'keras';
    return null;
  }

  newInstance(cls: ClassValue, kind: 'torch' | 'keras', e: Expr): Value {
    const m = this.newModel(cls.name, kind === 'torch' ? 'pytorch' : 'keras', this.text(e), []);
    m.klass = cls;
    m.attrs = new Map();
    return host(m);
  }

  instanceClass(obj: Value): ClassValue | null {
    const d = hostData(obj);
    return d && d.tag === 'model' ? (d.klass ?? null) : null;
  }

  instanceAttr(obj: Value, attr: string): Value | undefined {
    const d = hostData(obj);
    if (!d || d.tag !== 'model') return undefined;
    const item = d.items.find((x) => x.name === attr);
    if (item) return host(item.data.tag === 'layer' && item.data.param ? item.data.param : item.data);
    return d.attrs?.get(attr);
  }

  setAttr(obj: Value, attr: string, v: Value, e: Expr): boolean {
    const d = hostData(obj);
    if (d && d.tag === 'path' && d.unbound && !d.written.includes('.')) {
      // `self.lstm = nn.LSTM(...)` pasted without its class: a layer line.
      this.env.set(`${d.written}.${attr}`, v);
      this.takeValue(attr, v);
      return true;
    }
    if ((d?.tag === 'model' || d?.tag === 'layer') && attr === 'trainable' && v.t === 'bool') {
      // Keras `base.trainable = False`: every weight of the layer or model becomes non-trainable.
      d.frozen = !v.v;
      return true;
    }
    if (d && d.tag === 'model') {
      this.register(d, attr, v);
      return true;
    }
    if (d && d.tag === 'layer') {
      const vd = hostData(v);
      if (vd && vd.tag === 'param') {
        const edits = editsOf(d);
        if (vd.owner && vd.owner.of !== d)
          edits.replaced.set(attr, { tied: this.layerName(vd.owner.of, vd.owner.name) });
        else if (!vd.owner) edits.replaced.set(attr, { shape: vd.shape, trainable: vd.trainable });
        return true;
      }
      return true;
    }
    if (d && d.tag === 'param') {
      if (attr === 'requires_grad' && v.t === 'bool') {
        d.trainable = v.v;
        if (d.owner && !v.v) {
          const o = d.owner.of;
          if (d.owner.name === '*') o.frozen = true;
          else if (o.tag === 'layer') editsOf(o).frozen.add(d.owner.name);
        }
      }
      return true;
    }
    if (d && (d.tag === 'opaque' || d.tag === 'torch-tensor')) return true;
    void e;
    return false;
  }

  /** A value set on a module: submodules and parameters are registered, anything else kept as a plain attribute. */
  private register(m: ModelData, name: string, v: Value): void {
    const d = hostData(v);
    let data: LayerData | ModelData | null = null;
    if (d && (d.tag === 'layer' || d.tag === 'model')) data = d;
    else if (d && d.tag === 'param') {
      if (d.owner) {
        // `self.w = other.weight`: the same tensor again (tying), nothing new to count.
        m.attrs?.set(name, v);
        return;
      }
      const layer = this.newLayer(parameterSpec(name, d), 'Parameter', 'pytorch', 'nn.Parameter');
      layer.param = d;
      d.owner = { of: layer, name: '*' };
      data = layer;
    }
    const at = m.items.findIndex((x) => x.name === name);
    if (data) {
      this.consume(data);
      m.attrs?.delete(name);
      if (at >= 0) (m.items[at] as ModelItem).data = data;
      else m.items.push({ name, data });
      if (m.items.length > MAX_MODEL_LAYERS)
        throw new CodeError(`That model has more than ${MAX_MODEL_LAYERS} layers, more than I count. ${EXAMPLE_HINT}`);
      return;
    }
    // `self.x = None` after a submodule removes it, as PyTorch does.
    if (at >= 0) m.items.splice(at, 1);
    m.attrs?.set(name, v);
  }

  private layerName(of: LayerData | ModelData, tensor: string): string {
    return `${of.tag === 'layer' ? of.cls : of.cls}.${tensor}`;
  }

  setItem(obj: Value, key: Value, v: Value): boolean {
    const d = hostData(obj);
    if (d && (d.tag === 'torch-tensor' || d.tag === 'param' || d.tag === 'opaque')) return true;
    if (!d || d.tag !== 'model') return false;
    if (key.t === 'str') this.register(d, key.v, v);
    else if (key.t === 'int') {
      const vd = hostData(v);
      const item = d.items[Number(key.v)];
      if (item && vd && (vd.tag === 'layer' || vd.tag === 'model')) {
        this.consume(vd);
        item.data = vd;
      }
    }
    return true;
  }

  pathOf(v: Value): string | null {
    const d = hostData(v);
    return d && d.tag === 'path' ? d.path : null;
  }

  undefinedName(v: Value): string | null {
    const d = hostData(v);
    return d && d.tag === 'path' && d.unbound ? d.written : null;
  }

  isOpaque(v: Value): boolean {
    const d = hostData(v);
    return d !== null && (d.tag === 'opaque' || d.tag === 'torch-tensor' || d.tag === 'param');
  }

  /**
   * Arithmetic on Keras tensors (`x + att`, a residual): two tensors make a weightless merge layer
   * (Keras adds an op layer with no weights), a tensor and a number keep the tensor's shape.
   */
  arithmetic(op: string, a: Value, b: Value, e: Expr): Value | null {
    const ta = hostData(a);
    const tb = hostData(b);
    const isTensor = (d: typeof ta) => d !== null && d.tag === 'tensor';
    if (!isTensor(ta) && !isTensor(tb)) return null;
    const isNumber = (v: Value) => v.t === 'int' || v.t === 'float' || v.t === 'bool';
    if (isTensor(ta) && isNumber(b)) return a;
    if (isTensor(tb) && isNumber(a)) return b;
    const merge = TENSOR_OPS[op];
    if (!merge || !isTensor(ta) || !isTensor(tb)) return null;
    const layer = this.newLayer(
      { kind: 'passthrough', framework: 'keras', typeName: merge },
      merge,
      'keras',
      this.text(e),
    );
    layer.merge = 'same';
    layer.mergeAxis = -1;
    const both: Value = { t: 'seq', kind: 'list', items: [a, b] };
    return this.apply(layer, e, { positional: [{ value: both, expr: null }], keywords: [] });
  }

  skippedLoop(what: string, line: number): void {
    this.note(`Skipped the loop over \`${what}\` (line ${line}): it goes over data, and builds no layers I count.`);
  }

  noteRead(id: string): void {
    this.read.add(id);
  }

  importStatement(st: Statement & { k: 'import' }): void {
    for (const n of st.names) {
      if (n.name === '*') continue;
      if (st.module === '') {
        if (n.alias) this.aliases.set(n.alias, n.name);
      } else {
        this.aliases.set(n.alias ?? n.name, `${st.module}.${n.name}`);
      }
    }
  }

  bindGlobal(name: string, v: Value): void {
    this.read.delete(name);
    if (HINT_NAMES.has(name) && !hostData(v) && (v.t === 'int' || v.t === 'seq'))
      this.hints.set(name, { value: v, order: this.order++ });
    this.takeValue(name, v);
  }

  private order = 0;

  topExpression(v: Value): void {
    this.takeValue(null, v);
  }

  inert(what: string): Value {
    return host({ tag: 'opaque', what });
  }

  iterateHost(v: Value): Value[] | null {
    const d = hostData(v);
    if (d && d.tag === 'model') return d.items.map((x) => host(x.data));
    return null;
  }

  subscriptHost(obj: Value, idx: Value): Value | undefined {
    const d = hostData(obj);
    if (!d) return undefined;
    if (d.tag === 'model') {
      if (idx.t === 'int') {
        const n = d.items.length;
        const i = Number(idx.v) < 0 ? Number(idx.v) + n : Number(idx.v);
        const item = d.items[i];
        return item ? host(item.data) : undefined;
      }
      if (idx.t === 'str') {
        const item = d.items.find((x) => x.name === idx.v);
        return item ? host(item.data) : undefined;
      }
    }
    if (d.tag === 'param' || d.tag === 'torch-tensor' || d.tag === 'opaque' || d.tag === 'tensor')
      return host({ tag: 'opaque', what: 'a slice of a tensor' });
    return undefined;
  }

  private tensorMethod(
    d: ParamData | { tag: 'torch-tensor'; shape: bigint[] | null },
    method: string,
    e: CallExpr,
  ): Value {
    const { positional } = this.evaluateCallArgs(e);
    const first = positional[0]?.value;
    if (method === 'size' && d.shape) {
      if (first && first.t === 'int') {
        const i = Number(first.v) < 0 ? d.shape.length + Number(first.v) : Number(first.v);
        const v = d.shape[i];
        if (v !== undefined) return { t: 'int', v };
      }
      return { t: 'seq', kind: 'tuple', items: d.shape.map((v) => ({ t: 'int', v })) };
    }
    if (method === 'numel' && d.shape) return { t: 'int', v: d.shape.reduce((a, b) => a * b, 1n) };
    if (method === 'dim' && d.shape) return { t: 'int', v: BigInt(d.shape.length) };
    if (method === 'requires_grad_' && d.tag === 'param') {
      const on = !(first && first.t === 'bool' && !first.v);
      d.trainable = on;
      if (d.owner && !on) {
        if (d.owner.name === '*') d.owner.of.frozen = true;
        else if (d.owner.of.tag === 'layer') editsOf(d.owner.of).frozen.add(d.owner.name);
      }
      return host(d);
    }
    if (['to', 'cuda', 'cpu', 'float', 'double', 'half', 'data', 'detach', 'clone', 'contiguous'].includes(method))
      return host(d);
    return host({ tag: 'opaque', what: `\`${this.text(e)}\`` });
  }

  /** Every parameter of a module or layer, as references that `requires_grad = False` can freeze. */
  private parameterRefs(of: LayerData | ModelData, named = false): Value {
    const p: ParamData = { tag: 'param', shape: null, trainable: !of.frozen, owner: { of, name: '*' } };
    const item: Value = named ? { t: 'seq', kind: 'tuple', items: [{ t: 'str', v: '' }, host(p)] } : host(p);
    return { t: 'seq', kind: 'list', items: [item] };
  }

  // ----- arguments -------------------------------------------------------------------------

  private evaluateCallArgs(e: CallExpr): {
    positional: Bound[];
    keywords: { name: string; value: Value; expr: Expr | null }[];
  } {
    const positional: Bound[] = [];
    const keywords: { name: string; value: Value; expr: Expr | null }[] = [];
    for (const arg of e.args) {
      const v = this.ev.evaluate(arg.value);
      if (arg.star) {
        if (v.t !== 'seq') throw new CodeError(`\`*${this.text(arg.value)}\` must be a list or tuple. ${EXAMPLE_HINT}`);
        for (const item of v.items) positional.push({ value: item, expr: null });
      } else positional.push({ value: v, expr: arg.value });
    }
    for (const kw of e.kwargs) {
      const v = this.ev.evaluate(kw.value);
      if (kw.name === null) {
        if (v.t !== 'dict') throw new CodeError(`\`**${this.text(kw.value)}\` must be a dict. ${EXAMPLE_HINT}`);
        for (const entry of v.entries) {
          if (entry.key.t !== 'str')
            throw new CodeError(`\`**${this.text(kw.value)}\` must have string keys. ${EXAMPLE_HINT}`);
          keywords.push({ name: entry.key.v, value: entry.value, expr: null });
        }
      } else keywords.push({ name: kw.name, value: v, expr: kw.value });
    }
    return { positional, keywords };
  }

  private evaluateArgs(e: CallExpr): void {
    this.evaluateCallArgs(e);
  }

  // ----- layers, models, tensors -----------------------------------------------------------

  private newLayer(
    spec: LayerSpec,
    cls: string,
    fw: Framework,
    source: string,
    extra?: Partial<Pick<LayerData, 'kerasCell' | 'more'>>,
  ): LayerData {
    return { tag: 'layer', id: nextId++, spec, cls, fw, source, ...extra };
  }

  private newModel(cls: string, fw: Framework | null, source: string, items: ModelItem[]): ModelData {
    return { tag: 'model', id: nextId++, cls, fw, items, source, inputShape: null, name: null };
  }

  private consume(d: LayerData | ModelData): void {
    this.consumed.add(d.id);
  }

  private addTop(name: string | null, d: LayerData | ModelData): void {
    if (this.topIds.has(d.id)) {
      const item = this.top.find((x) => x.data.id === d.id);
      if (item && item.name === null) item.name = name;
      return;
    }
    this.topIds.add(d.id);
    this.top.push({ name, data: d });
  }

  /** A value placed in a Sequential list / model.add: layers, nested models, Input tensors. */
  private toItem(v: Value, where: string): ModelItem {
    const d = hostData(v);
    if (d && (d.tag === 'layer' || d.tag === 'model')) {
      this.consume(d);
      return { name: null, data: d };
    }
    if (d && d.tag === 'tensor') {
      return { name: null, data: this.newLayer({ kind: 'input', shape: d.input ?? [] }, 'Input', 'keras', 'Input') };
    }
    throw new CodeError(`${where} expects layers, but got ${describeValue(v)}. ${EXAMPLE_HINT}`);
  }

  private modelMethod(m: ModelData, method: string, e: CallExpr): Value {
    const { positional, keywords } = this.evaluateCallArgs(e);
    const first =
      positional[0]?.value ??
      keywords.find((k) => k.name === 'layer' || k.name === 'module' || k.name === 'input_shape')?.value;
    switch (method) {
      case 'add':
      case 'append':
      case 'add_module': {
        const v =
          method === 'add_module' ? (positional[1]?.value ?? keywords.find((k) => k.name === 'module')?.value) : first;
        if (!v) throw new CodeError(`\`${this.text(e)}\` adds nothing. ${EXAMPLE_HINT}`);
        const item = this.toItem(v, `\`${this.text(e)}\``);
        if (method === 'add_module' && positional[0]?.value.t === 'str') item.name = positional[0].value.v;
        m.items.push(item);
        if (m.items.length > MAX_MODEL_LAYERS)
          throw new CodeError(
            `That model has more than ${MAX_MODEL_LAYERS} layers, more than I count. ${EXAMPLE_HINT}`,
          );
        return NONE;
      }
      case 'extend': {
        if (first && first.t === 'seq')
          for (const v of first.items) m.items.push(this.toItem(v, `\`${this.text(e)}\``));
        return NONE;
      }
      case 'pop':
        m.items.pop();
        return NONE;
      case 'register_parameter':
      case 'register_buffer':
      case 'register_module': {
        const name = positional[0]?.value;
        const v =
          positional[1]?.value ??
          keywords.find((k) => k.name === 'param' || k.name === 'tensor' || k.name === 'module')?.value ??
          NONE;
        if (name?.t !== 'str') throw new CodeError(`\`${this.text(e)}\` needs a name in quotes (line ${e.line}).`);
        if (method === 'register_buffer') m.attrs?.set(name.v, v);
        else this.register(m, name.v, v);
        return NONE;
      }
      case 'add_weight':
      case 'add_variable': {
        // Keras `self.add_weight(shape=(...), trainable=...)`: a weight of the layer.
        const a = new Args(
          method,
          ['name', 'shape', 'dtype', 'initializer', 'regularizer', 'trainable', 'constraint'],
          positional,
          keywords,
          `\`${this.text(e)}\``,
          ['use_resource', 'synchronization', 'aggregation', 'autocast'],
        );
        const shape = a.shape('shape');
        const name = a.given('name') && a.raw('name')?.t === 'str' ? a.str('name', '') : `weight_${m.items.length}`;
        const param: ParamData = {
          tag: 'param',
          shape: shape && shape.every((x) => x !== null) ? (shape as bigint[]) : null,
          trainable: a.bool('trainable', true),
          owner: null,
        };
        const layer = this.newLayer(parameterSpec(name, param, true), 'Weight', 'keras', 'add_weight');
        layer.param = param;
        param.owner = { of: layer, name: '*' };
        m.items.push({ name, data: layer });
        return host(param);
      }
      case 'parameters':
      case 'named_parameters':
        return this.parameterRefs(m, method === 'named_parameters');
      case 'modules':
      case 'children':
        return { t: 'seq', kind: 'list', items: m.items.map((x) => host(x.data)) };
      case 'requires_grad_':
        if (first && first.t === 'bool' && !first.v) m.frozen = true;
        return host(m);
      case 'build': {
        if (first && first.t !== 'none') {
          const a = new Args('build', ['input_shape'], [{ value: first, expr: null }], [], `\`${this.text(e)}\``);
          const shape = a.shape('input_shape');
          if (shape) m.inputShape = shape.slice(1);
        }
        return NONE;
      }
      default:
        if (CHAINING_METHODS.has(method)) return host(m);
        if (IGNORED_METHODS.has(method)) return host({ tag: 'opaque', what: `\`${this.text(e)}\`` });
        throw new CodeError(`I don't know \`.${method}(...)\` on a model (\`${this.text(e)}\`). ${EXAMPLE_HINT}`);
    }
  }

  private layerMethod(l: LayerData, method: string, e: CallExpr): Value {
    const { positional } = this.evaluateCallArgs(e);
    if (method === 'parameters' || method === 'named_parameters')
      return this.parameterRefs(l, method === 'named_parameters');
    if (method === 'requires_grad_') {
      const first = positional[0]?.value;
      l.frozen = first !== undefined && first.t === 'bool' && !first.v;
      return host(l);
    }
    if (CHAINING_METHODS.has(method)) return host(l);
    return host({ tag: 'opaque', what: `\`${this.text(e)}\`` });
  }

  /** `Dense(10)(x)`: the Keras functional API; PyTorch `lstm(x)` is just ignored. */
  private apply(d: LayerData | ModelData, e: Expr, pre?: ReturnType<Reader['evaluateCallArgs']>): Value {
    const { positional, keywords } = pre ?? this.evaluateCallArgs(e as CallExpr);
    const fw = d.fw;
    if (fw === 'pytorch') {
      // `lstm(x)` runs a PyTorch module: the module itself is still part of what was pasted.
      if (!this.consumed.has(d.id)) this.addTop(null, d);
      return host({ tag: 'opaque', what: `\`${this.text(e)}\`` });
    }
    const arg = positional[0]?.value ?? keywords.find((k) => k.name === 'inputs' || k.name === 'x')?.value;
    const tensors: TensorData[] = [];
    const collect = (v: Value | undefined): void => {
      if (!v) return;
      const t = hostData(v);
      if (t && t.tag === 'tensor') tensors.push(t);
      else if (t && t.tag === 'path' && t.unbound) tensors.push({ tag: 'tensor', chain: [], input: null });
      else if (v.t === 'seq') for (const x of v.items) collect(x);
    };
    collect(arg);
    if (tensors.length === 0) return host({ tag: 'opaque', what: `\`${this.text(e)}\`` });
    if (d.tag === 'model' && d.klass && d.attrs && !d.attrs.has(' built')) this.buildLayer(d, tensors[0], e);
    this.consume(d);
    const chain: (LayerData | ModelData)[] = [];
    const seen = new Set<number>();
    for (const t of tensors) {
      for (const c of t.chain) {
        if (!seen.has(c.id)) {
          seen.add(c.id);
          chain.push(c);
        }
      }
    }
    if (!seen.has(d.id)) chain.push(d);
    const shape = outputShape(
      d,
      tensors.map((t) => t.shape ?? null),
      d.tag === 'layer' ? (d.mergeAxis ?? -1) : -1,
    );
    const out: TensorData = {
      tag: 'tensor',
      chain,
      input: tensors[0]?.input ?? null,
      shape,
      from: { layer: d, inputs: tensors, order: nextId++ },
    };
    this.lastTensor = out;
    return host(out);
  }

  /** A subclassed Keras layer's `build(input_shape)`, run once on its first input (its add_weight calls make its weights). */
  private buildLayer(d: ModelData, input: TensorData | undefined, e: Expr): void {
    d.attrs?.set(' built', { t: 'bool', v: true });
    const build = d.klass?.ns.has('build') ? this.ev.attribute(host(d), 'build', e) : null;
    if (!build || build.t !== 'func') return;
    const shape: Value = {
      t: 'seq',
      kind: 'tuple',
      items: [null, ...(input?.shape ?? [])].map((x) => (x === null ? NONE : { t: 'int', v: x })),
    };
    this.ev.callFunction(build.fn, [shape], [], e);
  }

  private functionalModel(e: CallExpr, cls: string): Value {
    const a = this.bindArgs(e, cls, ['inputs', 'outputs', 'name', 'trainable'], ['input', 'output']);
    const outs = a.raw('outputs') ?? a.raw('output');
    const ins = a.raw('inputs') ?? a.raw('input');
    const tensors: TensorData[] = [];
    const collect = (v: Value | undefined): void => {
      if (!v) return;
      const t = hostData(v);
      if (t && t.tag === 'tensor') tensors.push(t);
      else if (v.t === 'seq') for (const x of v.items) collect(x);
      else if (v.t === 'dict') for (const x of v.entries) collect(x.value);
    };
    collect(outs);
    if (tensors.length === 0)
      throw new CodeError(`\`${this.text(e)}\` needs the output tensors, e.g. \`Model(inputs, outputs)\`.`);
    void ins;
    const items = graphItems(tensors, (shape) => this.newLayer({ kind: 'input', shape }, 'Input', 'keras', 'Input'));
    const m = this.newModel(cls, 'keras', this.text(e), items);
    if (a.given('name')) m.name = a.str('name', '');
    this.lastTensor = null;
    return host(m);
  }

  private bindArgs(
    e: CallExpr,
    cls: string,
    sig: readonly string[],
    common: readonly string[],
    aliases: readonly string[] = [],
  ): Args {
    const { positional, keywords } = this.evaluateCallArgs(e);
    return new Args(cls, sig, positional, keywords, `\`${this.text(e)}\``, common, aliases);
  }

  private frameworkFor(p: PathData, cls: string, e: CallExpr): Framework {
    const segs = p.path.split('.');
    const head = segs.slice(0, -1);
    const kw = new Set(e.kwargs.map((k) => k.name));
    const positional = e.args.length;
    if (head.some((s) => s === 'flax' || s === 'linen' || s === 'nnx')) return 'flax';
    if (head.includes('torch')) return 'pytorch';
    if (
      head.some(
        (s) => s === 'keras' || s === 'tensorflow' || s === 'tf' || s === 'layers' || s === 'tfkl' || s === 'kl',
      )
    )
      return 'keras';
    const hasFlax = FLAX_HANDLERS[cls] !== undefined;
    const firstArg = e.args[0];
    if (cls === 'RNN' && firstArg && !firstArg.star && firstArg.value.k !== 'int' && firstArg.value.k !== 'chain') {
      // RNN(cell): Flax's nn.RNN or Keras' RNN wrapper, never torch.nn.RNN(input_size, ...).
      const inner = firstArg.value.k === 'call' ? firstArg.value : null;
      const innerFeatures = inner !== null && inner.kwargs.some((k) => k.name === 'features');
      if (this.doc.flaxNn || innerFeatures || (this.doc.flax && !this.doc.keras)) return 'flax';
      if (firstArg.value.k === 'call' || firstArg.value.k === 'list') return 'keras';
    }
    if (head.length === 1 && head[0] === 'nn') {
      if (this.doc.flaxNn) return 'flax';
      if (hasFlax && (kw.has('features') || FLAX_ONLY.has(cls) || cls === 'Dense' || cls === 'Embed')) return 'flax';
      if (
        hasFlax &&
        (cls === 'LSTMCell' || cls === 'GRUCell') &&
        positional === 1 &&
        !kw.has('hidden_size') &&
        !kw.has('input_size')
      )
        return 'flax';
      return 'pytorch';
    }
    if (hasFlax && (kw.has('features') || FLAX_ONLY.has(cls))) return 'flax';
    const inTorch = TORCH_HANDLERS[cls] !== undefined;
    const inKeras = KERAS_HANDLERS[cls] !== undefined;
    if (inTorch && !inKeras) return 'pytorch';
    if (inKeras && !inTorch) return 'keras';
    if (inTorch && inKeras) {
      if (this.doc.torch && !this.doc.keras) return 'pytorch';
      if (this.doc.keras && !this.doc.torch) return 'keras';
      if (
        RECURRENT_NAMES.has(cls) &&
        positional >= 2 &&
        e.args
          .slice(0, 2)
          .every((a) => !a.star && (a.value.k === 'int' || a.value.k === 'chain' || a.value.k === 'name'))
      ) {
        this.note(
          `Read \`${cls}(...)\` with two sizes as PyTorch's nn.${cls}(input_size, hidden_size); for Keras write \`${cls}(units) input=N\`.`,
        );
        return 'pytorch';
      }
      if (kw.has('input_size') || kw.has('hidden_size') || kw.has('in_features') || kw.has('num_embeddings'))
        return 'pytorch';
      return 'keras';
    }
    if (this.doc.torch && !this.doc.keras) return 'pytorch';
    if (this.doc.flax && !this.doc.keras) return 'flax';
    return 'keras';
  }

  private classCall(p: PathData, e: CallExpr): Value {
    const segs = p.path.split('.');
    const cls = segs[segs.length - 1] as string;
    const head = segs.slice(0, -1);
    const source = `\`${this.text(e)}\``;
    if (head.length === 0) {
      const b = this.builtin(cls, e);
      if (b) return b;
    }
    if (cls === 'OrderedDict') {
      const a = this.bindArgs(e, cls, ['items'], []);
      const v = a.raw('items');
      const entries: { key: Value; value: Value }[] = [];
      if (v && v.t === 'seq') {
        for (const pair of v.items) {
          if (pair.t === 'seq' && pair.items.length === 2)
            entries.push({ key: pair.items[0] as Value, value: pair.items[1] as Value });
        }
      } else if (v && v.t === 'dict') entries.push(...v.entries);
      return { t: 'dict', entries };
    }
    if (cls === 'UnprintedModule') {
      // A custom module in a printed tree (see torch-print/tree.ts): named, not counted.
      const { positional } = this.evaluateCallArgs(e);
      const name = positional[0]?.value;
      const typeName = name && name.t === 'str' ? name.v : 'Module';
      return host(
        this.newLayer(
          { kind: 'unknown', typeName, framework: 'pytorch', source: typeName },
          typeName,
          'pytorch',
          typeName,
        ),
      );
    }
    if (segs.includes('applications') && /^[A-Z]/.test(cls)) return this.application(p.path, cls, e);
    if (cls.endsWith('Loss') || segs.includes('losses') || segs.includes('optim') || segs.includes('optimizers')) {
      // criterion = nn.CrossEntropyLoss(), optimizers: used in training, never part of the model.
      this.evaluateArgs(e);
      return host({ tag: 'opaque', what: source });
    }
    const torchCall = this.torchValue(p, cls, head, e);
    if (torchCall) return torchCall;
    const fw = this.frameworkFor(p, cls, e);
    // Containers and the functional API.
    if (cls === 'Sequential' || cls === 'ModuleList' || cls === 'ModuleDict') return this.container(cls, fw, e);
    if ((cls === 'Model' || cls === 'Functional') && fw === 'keras') return this.functionalModel(e, cls);
    const mergeClass = MERGE_LAYERS[cls] ? cls : (MERGE_FUNCTIONS[cls] ?? null);
    if (mergeClass && fw !== 'pytorch') {
      // Concatenate()([a, b]) or concatenate([a, b]): no weights; the output width follows the inputs.
      const evaluated = this.evaluateCallArgs(e);
      const axisArg = evaluated.keywords.find((k) => k.name === 'axis')?.value;
      const layer = this.newLayer(
        { kind: 'passthrough', framework: 'keras', typeName: mergeClass },
        mergeClass,
        'keras',
        source,
      );
      layer.merge = MERGE_LAYERS[mergeClass];
      layer.mergeAxis = axisArg && axisArg.t === 'int' ? Number(axisArg.v) : -1;
      if (mergeClass === cls) return host(layer);
      return this.apply(layer, e, evaluated);
    }
    if (cls === 'Lambda' && fw !== 'pytorch') {
      // No weights; its output shape is what `output_shape=` says (the function is never run).
      const a = this.bindArgs(e, cls, ['function', 'output_shape', 'mask', 'arguments'], KERAS_COMMON);
      const outputShape = a.given('output_shape') ? a.shape('output_shape') : null;
      return host(this.newLayer({ kind: 'lambda', outputShape }, 'Lambda', 'keras', source));
    }
    if (cls === 'Input' && fw !== 'pytorch') {
      const a = this.bindArgs(
        e,
        'Input',
        ['shape', 'batch_size', 'dtype', 'sparse', 'batch_shape', 'name', 'tensor', 'ragged', 'optional'],
        KERAS_COMMON,
      );
      const input = inputShapeOf(a);
      const t: TensorData = { tag: 'tensor', chain: [], input, shape: input };
      return host(t);
    }
    const order: Framework[] = [fw, ...(['keras', 'pytorch', 'flax'] as Framework[]).filter((f) => f !== fw)];
    for (const f of order) {
      const handler = HANDLERS[f][cls];
      if (!handler) continue;
      // Another framework's class only when the path does not name one (`Dense`, `nn.Dense`).
      if (f !== fw && head.length > 0 && !(head.length === 1 && head[0] === 'nn')) continue;
      return handler(this.ctx(cls, f, e, source));
    }
    if (/^[A-Z]/.test(cls) && head.length > 0 && !head.some((h) => LAYER_NAMESPACES.has(h))) {
      // torch.autograd.Variable(...), optim.Adam(...), DataLoader(...): not layers.
      this.evaluateArgs(e);
      return host({ tag: 'opaque', what: source });
    }
    if (/^[A-Z]/.test(cls)) {
      this.evaluateArgs(e);
      const data = this.newLayer({ kind: 'unknown', typeName: cls, framework: fw, source }, cls, fw, source);
      return host(data);
    }
    const root = p.path.split('.')[0] ?? '';
    if (
      head.length > 0 &&
      [
        'torch',
        'tf',
        'tensorflow',
        'np',
        'numpy',
        'jnp',
        'jax',
        'F',
        'math',
        'random',
        'keras',
        'nn',
        'optim',
        'flax',
      ].includes(root)
    ) {
      // torch.randn(...), F.relu(...), np.zeros(...): values, not layers.
      this.evaluateArgs(e);
      return host({ tag: 'opaque', what: source });
    }
    throw new CodeError(`I don't know the function \`${p.written}(...)\`, and I never run code. ${EXAMPLE_HINT}`, true);
  }

  /**
   * keras.applications.X(...): built from its architecture by src/engine/applications (every layer as
   * Keras builds it); an unknown application or a value Keras refuses is answered by name, never as 0.
   */
  private application(path: string, cls: string, e: CallExpr): Value {
    const { positional, keywords } = this.evaluateCallArgs(e);
    const keywordValues: Record<string, PythonValue> = {};
    for (const k of keywords) keywordValues[k.name] = this.pythonValue(k.value);
    const r = kerasApplicationCall(
      path,
      positional.map((b) => this.pythonValue(b.value)),
      keywordValues,
    );
    if (!r.ok) throw new CodeError(r.error);
    const items: ModelItem[] = r.spec.layers.map((spec) => ({
      name: spec.name ?? null,
      data: this.newLayer(spec, cls, 'keras', this.text(e)),
    }));
    const model = this.newModel(cls, 'keras', this.text(e), items);
    model.name = cls;
    for (const note of r.spec.notes) this.note(note);
    this.note(
      `\`${cls}\` is counted from its architecture as keras.applications builds it; weights do not change the count.`,
    );
    return host(model);
  }

  /** A Python value as src/engine/applications reads it (tensors by their shape). */
  private pythonValue(v: Value): PythonValue {
    switch (v.t) {
      case 'int':
      case 'float':
      case 'str':
      case 'bool':
        return v.v;
      case 'none':
        return null;
      case 'seq':
        return v.items.map((item) => this.pythonValue(item));
      default: {
        const d = hostData(v);
        if (d && d.tag === 'tensor' && d.shape) return { tensorShape: d.shape };
        return { other: describe(v) };
      }
    }
  }

  /** Tensors, parameters and the wrappers that hand a layer back (`torch.jit.script(layer)`). */
  private torchValue(p: PathData, cls: string, head: string[], e: CallExpr): Value | null {
    if ((head[0] === 'np' || head[0] === 'numpy') && ['array', 'asarray', 'zeros', 'ones', 'empty'].includes(cls)) {
      const { positional } = this.evaluateCallArgs(e);
      const v = positional[0]?.value;
      return host({
        tag: 'torch-tensor',
        shape: cls.startsWith('a') ? nestedShape(v) : shapeFromSizes('zeros', v ? [v] : []),
      });
    }
    const torchy = head.length === 0 ? this.doc.torch : head[0] === 'torch' || head.includes('nn');
    if (!torchy) return null;
    if (cls === 'Parameter' || (cls === 'parameter' && head.includes('nn'))) {
      const a = this.bindArgs(e, cls, ['data', 'requires_grad'], []);
      const data = hostData(a.raw('data'));
      const shape = data && (data.tag === 'torch-tensor' || data.tag === 'param') ? data.shape : null;
      const param: ParamData = { tag: 'param', shape, trainable: a.bool('requires_grad', true), owner: null };
      return host(param);
    }
    if (TENSOR_FACTORIES.has(cls) && (head[0] === 'torch' || head.length === 0)) {
      const { positional } = this.evaluateCallArgs(e);
      const only = hostData(positional[0]?.value);
      if (positional.length === 1 && only && (only.tag === 'torch-tensor' || only.tag === 'param'))
        return host({ tag: 'torch-tensor', shape: only.shape });
      if (positional.length === 1 && positional[0]?.value.t === 'seq' && /Tensor$/.test(cls) && cls !== 'Tensor')
        return host({ tag: 'torch-tensor', shape: nestedShape(positional[0].value) });
      return host({
        tag: 'torch-tensor',
        shape: shapeFromSizes(
          cls,
          positional.map((x) => x.value),
        ),
      });
    }
    if (cls === 'tensor' && head[0] === 'torch') {
      const { positional } = this.evaluateCallArgs(e);
      const shape: bigint[] = [];
      for (let v = positional[0]?.value; v && v.t === 'seq'; v = v.items[0]) shape.push(BigInt(v.items.length));
      return host({ tag: 'torch-tensor', shape });
    }
    const wrapper =
      cls === 'script' ||
      cls === 'trace' ||
      cls === 'weight_norm' ||
      cls === 'spectral_norm' ||
      cls === 'DataParallel' ||
      cls === 'DistributedDataParallel' ||
      cls === 'compile';
    if (
      wrapper &&
      (head.includes('jit') ||
        head.includes('utils') ||
        head.includes('parametrizations') ||
        head.length === 0 ||
        cls === 'DataParallel' ||
        cls === 'DistributedDataParallel' ||
        (cls === 'compile' && head[0] === 'torch'))
    ) {
      const { positional } = this.evaluateCallArgs(e);
      const inner = positional[0]?.value;
      const d = hostData(inner);
      if (!inner || !d || (d.tag !== 'layer' && d.tag !== 'model')) return null;
      if (cls === 'weight_norm' && d.tag === 'layer') editsOf(d).weightNorm = true;
      if (cls === 'DataParallel' || cls === 'DistributedDataParallel')
        this.note(`\`${cls}\` wraps the model: its parameters are the model's (path prefix \`module.\` left out).`);
      return inner;
    }
    if (cls === 'from_pretrained' && p.path.includes('Embedding')) {
      const a = this.bindArgs(
        e,
        cls,
        ['embeddings', 'freeze', 'padding_idx', 'max_norm', 'norm_type', 'scale_grad_by_freq', 'sparse'],
        [],
      );
      const t = hostData(a.raw('embeddings'));
      const shape = t && (t.tag === 'torch-tensor' || t.tag === 'param') ? t.shape : null;
      if (!shape || shape.length !== 2 || shape.some((x) => x < 1n))
        throw new CodeError(
          `I can't tell the shape of the embeddings in \`${this.text(e)}\` (line ${e.line}); write \`nn.Embedding(vocab, dim)\` instead. ${EXAMPLE_HINT}`,
        );
      const spec: LayerSpec = {
        kind: 'embedding',
        framework: 'pytorch',
        vocab: shape[0] as bigint,
        dim: shape[1] as bigint,
        inputLength: null,
        paddingIdx: a.given('padding_idx'),
        source: this.text(e),
      };
      if (a.bool('freeze', true)) spec.trainable = false;
      return host(this.newLayer(spec, 'Embedding', 'pytorch', this.text(e)));
    }
    return null;
  }

  private builtin(name: string, e: CallExpr): Value | null {
    const num = (): Value => {
      const { positional } = this.evaluateCallArgs(e);
      const v = positional[0]?.value;
      if (!v) throw new CodeError(`\`${this.text(e)}\` needs a value.`);
      return v;
    };
    switch (name) {
      case 'int': {
        const v = num();
        if (v.t === 'int') return v;
        if (v.t === 'float') return { t: 'int', v: BigInt(Math.trunc(v.v)) };
        if (v.t === 'bool') return { t: 'int', v: v.v ? 1n : 0n };
        if (v.t === 'str' && /^\s*[0-9_]{1,13}\s*$/.test(v.v))
          return { t: 'int', v: BigInt(v.v.replace(/_/g, '').trim()) };
        throw new CodeError(`\`${this.text(e)}\` is not a whole number.`);
      }
      case 'round': {
        const v = num();
        if (v.t === 'int') return v;
        if (v.t === 'float') {
          const r = Math.round(v.v);
          const even = Math.abs(v.v % 1) === 0.5 ? 2 * Math.round(v.v / 2) : r;
          return { t: 'int', v: BigInt(even) };
        }
        throw new CodeError(`\`${this.text(e)}\` is not a number.`);
      }
      case 'float': {
        const v = num();
        if (v.t === 'int') return { t: 'float', v: Number(v.v) };
        if (v.t === 'float') return v;
        if (v.t === 'str') {
          const f = Number(v.v);
          if (!Number.isFinite(f)) throw new CodeError(`\`${this.text(e)}\` is not a finite number. ${EXAMPLE_HINT}`);
          return { t: 'float', v: f };
        }
        throw new CodeError(`\`${this.text(e)}\` is not a number.`);
      }
      case 'abs': {
        const v = num();
        if (v.t === 'int') return { t: 'int', v: v.v < 0n ? -v.v : v.v };
        if (v.t === 'float') return { t: 'float', v: Math.abs(v.v) };
        throw new CodeError(`\`${this.text(e)}\` is not a number.`);
      }
      case 'min':
      case 'max': {
        const { positional } = this.evaluateCallArgs(e);
        const vals =
          positional.length === 1 && positional[0]?.value.t === 'seq'
            ? positional[0].value.items
            : positional.map((p) => p.value);
        const ints = vals.map((v) => (v.t === 'int' ? v.v : null));
        if (ints.length === 0 || ints.some((x) => x === null))
          throw new CodeError(`\`${this.text(e)}\` needs whole numbers.`);
        const xs = ints as bigint[];
        return { t: 'int', v: xs.reduce((a, b) => (name === 'min' ? (b < a ? b : a) : b > a ? b : a)) };
      }
      case 'len': {
        const v = num();
        if (v.t === 'seq') return { t: 'int', v: BigInt(v.items.length) };
        if (v.t === 'str') return { t: 'int', v: BigInt(v.v.length) };
        throw new CodeError(`\`${this.text(e)}\`: len() needs a list or tuple.`);
      }
      case 'list':
      case 'tuple': {
        const { positional } = this.evaluateCallArgs(e);
        const v = positional[0]?.value;
        if (!v) return { t: 'seq', kind: name, items: [] };
        if (v.t === 'seq') return { t: 'seq', kind: name, items: [...v.items] };
        throw new CodeError(`\`${this.text(e)}\` needs a list or tuple.`);
      }
      case 'dict': {
        const { keywords } = this.evaluateCallArgs(e);
        return { t: 'dict', entries: keywords.map((k) => ({ key: { t: 'str', v: k.name }, value: k.value })) };
      }
      case 'print':
      case 'display':
        this.evaluateArgs(e);
        return NONE;
      case 'super':
      case 'input':
      case 'range':
      case 'isinstance':
      case 'type':
      case 'setattr':
        throw new CodeError(`I don't read \`${name}(...)\`: paste only the layer lines, e.g. ${CODE_EXAMPLE}.`);
      default:
        return null;
    }
  }

  private container(cls: string, fw: Framework, e: CallExpr): Value {
    const source = `\`${this.text(e)}\``;
    const items: ModelItem[] = [];
    const { positional, keywords } = this.evaluateCallArgs(e);
    const addValue = (v: Value, name: string | null): void => {
      const item = this.toItem(v, source);
      item.name = name;
      items.push(item);
      if (items.length > MAX_MODEL_LAYERS)
        throw new CodeError(`That model has more than ${MAX_MODEL_LAYERS} layers, more than I count. ${EXAMPLE_HINT}`);
    };
    let name: string | null = null;
    let inputShape: Dim[] | null = null;
    if (fw === 'pytorch' && cls === 'Sequential') {
      if (positional.length === 1 && positional[0]?.value.t === 'dict') {
        for (const entry of positional[0].value.entries)
          addValue(entry.value, entry.key.t === 'str' ? entry.key.v : null);
      } else for (const p of positional) addValue(p.value, null);
    } else {
      // Keras/Flax Sequential(layers, ...), ModuleList(modules), ModuleDict(modules).
      const first = positional[0]?.value ?? keywords.find((k) => k.name === 'layers' || k.name === 'modules')?.value;
      if (first && first.t === 'seq') for (const v of first.items) addValue(v, null);
      else if (first && first.t === 'dict')
        for (const entry of first.entries) addValue(entry.value, entry.key.t === 'str' ? entry.key.v : null);
      else if (first && first.t !== 'none') addValue(first, null);
      for (const k of keywords) {
        if (k.name === 'name' && k.value.t === 'str') name = k.value.v;
        if (k.name === 'input_shape' || k.name === 'batch_input_shape') {
          const a = new Args(cls, [], [], [k], source, [k.name]);
          const s = a.shape(k.name);
          if (s) inputShape = k.name === 'batch_input_shape' ? s.slice(1) : s;
        }
      }
      if (positional.length > 1 && fw !== 'pytorch') {
        for (const p of positional.slice(1)) if (hostData(p.value)) addValue(p.value, null);
      }
    }
    const m = this.newModel(cls, fw, source, items);
    m.name = name;
    m.inputShape = inputShape;
    return host(m);
  }

  private ctx(cls: string, fw: Framework, e: CallExpr, source: string): ClassCtx {
    const reader = this; // eslint-disable-line @typescript-eslint/no-this-alias
    let evaluated: ReturnType<Reader['evaluateCallArgs']> | null = null;
    const args = (): ReturnType<Reader['evaluateCallArgs']> => (evaluated ??= reader.evaluateCallArgs(e));
    return {
      cls,
      fw,
      source,
      bind(sig, common = [], aliases = []) {
        const { positional, keywords } = args();
        return new Args(cls, sig, positional, keywords, source, common, aliases);
      },
      evaluateArgs() {
        args();
      },
      legacyConv(rank) {
        const kw = new Set(e.kwargs.map((k) => k.name));
        if (
          kw.has('nb_filter') ||
          kw.has('nb_row') ||
          kw.has('filter_length') ||
          kw.has('border_mode') ||
          kw.has('subsample')
        )
          return true;
        if (rank >= 2 && e.args.length >= rank + 1) {
          const { positional } = args();
          return positional.slice(0, rank + 1).every((b) => b.value.t === 'int');
        }
        return false;
      },
      layer(spec, a, extra) {
        const s = { ...spec, source: source.replace(/^`|`$/g, '') } as LayerSpec;
        if (a) {
          const note = a.unknownNote();
          if (note) s.notes = [...(s.notes ?? []), note];
          if (fw === 'keras' || fw === 'flax') {
            if (a.given('name') && a.raw('name')?.t === 'str') s.name = a.str('name', '');
          }
          if (fw === 'keras') {
            if (a.has('trainable') && !a.bool('trainable', true)) s.trainable = false;
            const batch = a.shape('batch_input_shape') ?? (spec.kind !== 'input' ? a.shape('batch_shape') : null);
            if (batch) s.inputShape = batch.slice(1);
            else if (a.given('input_shape') && spec.kind !== 'input')
              s.inputShape = a.shape('input_shape') ?? undefined;
            else if (spec.kind !== 'embedding' && a.given('input_dim')) {
              const dim = a.size('input_dim');
              const sequence =
                spec.kind === 'recurrent' ||
                (spec.kind === 'conv' && spec.rank === 1) ||
                spec.kind === 'time-distributed';
              s.inputShape = sequence ? [a.optSize('input_length'), dim] : [dim];
            }
            if (s.kind === 'embedding' && a.given('input_shape')) {
              const shape = a.shape('input_shape');
              if (shape && shape.length === 1 && s.inputLength === null) s.inputLength = shape[0] ?? null;
            }
          }
        }
        const more = extra?.more?.map((m) => ({ ...m, source: s.source }));
        return host(reader.newLayer(s, cls, fw, source, { ...extra, more }));
      },
      consume(d) {
        reader.consume(d);
      },
    };
  }

  // ----- statements ------------------------------------------------------------------------

  private bindTarget(target: Expr, v: Value, order: number): void {
    if (target.k === 'name') {
      this.env.set(target.id, v);
      this.read.delete(target.id);
      if (HINT_NAMES.has(target.id) && !hostData(v)) this.hints.set(target.id, { value: v, order });
      this.takeValue(target.id, v);
      return;
    }
    if (target.k === 'attr') {
      const path = dottedName(target);
      if (path) this.env.set(path, v);
      this.takeValue(target.attr, v);
      return;
    }
    if (target.k === 'tuple' && v.t === 'seq' && v.items.length === target.items.length) {
      target.items.forEach((t, i) => {
        this.bindTarget(t, v.items[i] as Value, order);
      });
      return;
    }
    // Other targets (subscripts, unpacking of call results) change nothing we count.
    const d = hostData(v);
    if (d && (d.tag === 'layer' || d.tag === 'model')) this.addTop(null, d);
  }

  private takeValue(name: string | null, v: Value): void {
    const d = hostData(v);
    if (!d) return;
    if (d.tag === 'layer' || d.tag === 'model') {
      this.addTop(name, d);
      if (d.tag === 'model' && name && !d.name) d.name = name;
    } else if (d.tag === 'tensor') {
      this.lastTensor = d;
    } else if (d.tag === 'param' && !d.owner && name) {
      // `self.cls_token = nn.Parameter(...)` pasted without its class: a parameter of its own.
      const layer = this.newLayer(parameterSpec(name, d), 'Parameter', 'pytorch', 'nn.Parameter');
      layer.param = d;
      d.owner = { of: layer, name: '*' };
      this.addTop(name, layer);
    }
  }

  run(): ModelSpec {
    const returned = this.ev.run(this.module.body);
    if (returned) this.takeValue('model', returned);
    if (this.top.every((it) => this.consumed.has(it.data.id)) && !this.lastTensor) this.instantiateDefinitions();
    return this.assemble();
  }

  /**
   * A class or builder pasted without the line that uses it: build the last one whose arguments all
   * have defaults; otherwise say which line to add.
   */
  private instantiateDefinitions(): void {
    const candidates: { name: string; v: Value }[] = [];
    for (const st of this.module.body) {
      if (st.k !== 'class' && st.k !== 'def') continue;
      const v = this.env.get(st.name);
      if (!v) continue;
      if (v.t === 'class' && this.classIsModule(v.cls)) candidates.push({ name: st.name, v });
      if (v.t === 'func' && !st.name.startsWith('_')) candidates.push({ name: st.name, v });
    }
    // Prefer a class no other pasted class or function uses (the outermost model).
    const used = (name: string): boolean =>
      candidates.some((c) => c.name !== name && c.v.t !== 'func' && mentions(c.v, name));
    const order = [...candidates].reverse().sort((a, b) => Number(used(a.name)) - Number(used(b.name)));
    for (const c of order) {
      const params = c.v.t === 'func' ? c.v.fn : this.initOf(c.v);
      const required = params
        ? params.def.params.filter((p, i) => p.kind === 'plain' && params.defaults[i] === null && p.name !== 'self')
        : [];
      if (required.length > 0) {
        if (c.v.t === 'func' && order.some((o) => o.v.t === 'class')) continue;
        const names = required.map((p) => p.name);
        if (c.v.t === 'class' && this.sizes) {
          const keywords = names.map((name) => ({
            name,
            value: { t: 'int', v: this.sizes?.get(name) ?? 0n } as Value,
          }));
          this.takeValue(c.name, this.ev.instantiate(c.v.cls, [], keywords, this.definitionCall(c.name)));
          return;
        }
        throw new MissingSizes(
          c.v.t === 'class' ? c.name : null,
          names,
          `I read \`${c.name}\` but nothing builds it, and ${names.map((n) => `\`${n}\``).join(', ')} ${names.length === 1 ? 'has' : 'have'} no default. Add the line that builds it, e.g. \`model = ${c.name}(${names.map((n) => `${n}=...`).join(', ')})\` with your numbers.`,
        );
      }
      const e = this.definitionCall(c.name);
      const v =
        c.v.t === 'func'
          ? this.ev.callFunction(c.v.fn, [], [], e)
          : this.ev.instantiate((c.v as Value & { t: 'class' }).cls, [], [], e);
      const d = hostData(v);
      if (d && (d.tag === 'model' || d.tag === 'layer')) {
        this.note(
          `Nothing in the paste builds \`${c.name}\`, so I built it with its default arguments: \`${c.name}()\`.`,
        );
        this.takeValue(c.name, v);
        return;
      }
    }
  }

  /** The call a missing instantiation line would have made: `Name()`. */
  private definitionCall(name: string): CallExpr {
    return {
      k: 'call',
      func: { k: 'name', id: name },
      args: [],
      kwargs: [],
      start: 0,
      end: 0,
      line: 0,
      col: 0,
      depth: 2,
    } as unknown as CallExpr;
  }

  private classIsModule(cls: ClassValue, depth = 0): boolean {
    if (depth > 40) return false;
    return cls.bases.some((b) =>
      b.t === 'class' ? this.classIsModule(b.cls, depth + 1) : this.moduleKind(b) !== null,
    );
  }

  private initOf(v: Value): (Value & { t: 'func' })['fn'] | null {
    if (v.t !== 'class') return null;
    for (let c: ClassValue | undefined = v.cls, i = 0; c && i < 40; i++) {
      const init = c.ns.get('__init__');
      if (init && init.t === 'func') return init.fn;
      const base: Value | undefined = c.bases.find((b) => b.t === 'class');
      c = base && base.t === 'class' ? base.cls : undefined;
    }
    return null;
  }

  private assemble(): ModelSpec {
    let items = this.top.filter((it) => !this.consumed.has(it.data.id));
    if (items.length === 0 && this.lastTensor && this.lastTensor.chain.length > 0) {
      const t = this.lastTensor;
      items = [];
      if (t.input)
        items.push({ name: null, data: this.newLayer({ kind: 'input', shape: t.input }, 'Input', 'keras', 'Input') });
      for (const c of t.chain) items.push({ name: null, data: c });
    }
    const specs: LayerSpec[] = [];
    const fws: Framework[] = [];
    const seen = new Set<number>();
    const nameCounts = new Map<string, number>();
    const soleContainer = items.length === 1 && items[0]?.data.tag === 'model';
    const walk = (list: ModelItem[], prefix: string, topLevel: boolean, depth: number, frozen = false): void => {
      if (depth > 64) throw new CodeError(`Those models are nested too deeply. ${EXAMPLE_HINT}`);
      list.forEach((item, i) => {
        const d = item.data;
        if (seen.has(d.id)) {
          this.note(
            `${d.tag === 'layer' ? d.cls : 'A model'} is used more than once; its weights are shared, so they count once.`,
          );
          return;
        }
        seen.add(d.id);
        if (d.tag === 'model') {
          const childPrefix = topLevel
            ? soleContainer
              ? ''
              : item.name
                ? `${item.name}.`
                : ''
            : `${prefix}${item.name ?? i}.`;
          if (d.inputShape) specs.push({ kind: 'input', shape: d.inputShape });
          walk(d.items, childPrefix, false, depth + 1, frozen || d.frozen === true);
          return;
        }
        const all = [d.spec, ...(d.more ?? [])];
        all.forEach((spec, j) => {
          let s = j === 0 ? editedSpec(d, spec, this.notes) : spec;
          if ((frozen || d.frozen) && s.kind !== 'input') s = { ...s, trainable: false };
          if (d.fw === 'pytorch' && !s.name && s.kind !== 'input') {
            let nm: string;
            if (topLevel) {
              const base = item.name ?? kerasSnake(d.cls);
              const n = nameCounts.get(base) ?? 0;
              nameCounts.set(base, n + 1);
              nm = n === 0 ? base : `${base}_${n}`;
            } else nm = `${prefix}${item.name ?? i}`;
            s = { ...s, name: nm };
          }
          if (d.kerasCell && s.kind === 'recurrent' && j === 0) {
            s = {
              ...s,
              notes: [
                ...(s.notes ?? []),
                `A Keras ${d.cls} on its own is one step of a ${s.typeName ?? 'recurrent'} layer: same weights as the layer.`,
              ],
            };
          }
          specs.push(s);
          if (s.kind !== 'input') fws.push(d.fw);
        });
        if (specs.length > MAX_MODEL_LAYERS)
          throw new CodeError(
            `That model has more than ${MAX_MODEL_LAYERS} layers, more than I count. ${EXAMPLE_HINT}`,
          );
      });
    };
    walk(items, '', true, 0);
    const hint = this.inputHint();
    const framework = majority(fws);
    return { framework, layers: specs, input: hint, notes: this.notes };
  }

  private inputHint(): InputHint | null {
    let best: { name: string; value: Value; order: number } | null = null;
    for (const [name, h] of this.hints) {
      if (this.read.has(name)) continue;
      if (!best || h.order > best.order) best = { name, ...h };
    }
    if (!best) return null;
    const v = best.value;
    const a = new Args(best.name, [best.name], [{ value: v, expr: null }], [], `\`${best.name}=…\``);
    if (best.name === 'input_shape' || v.t === 'seq') {
      const shape = a.shape(best.name);
      if (!shape || shape.length === 0) return null;
      return { shape };
    }
    return { width: a.size(best.name) };
  }
}

function majority(fws: Framework[]): Framework {
  if (fws.length === 0) return 'keras';
  const counts = new Map<Framework, number>();
  for (const f of fws) counts.set(f, (counts.get(f) ?? 0) + 1);
  let best: Framework = fws[0] as Framework;
  for (const [f, n] of counts) if (n > (counts.get(best) ?? 0)) best = f;
  return best;
}

// -------------------------------------------------------------------------------------------

/** Whether a message looks like pasted code rather than a slash-command shorthand or prose. */
export function looksLikeCode(text: string): boolean {
  const s = preprocess(text);
  if (/^\s*\/\w/.test(s)) return false;
  if (/\bmodel\.add\b|\bSequential\b/.test(s)) return true;
  // A call written as code: `nn.LSTM(`, `Dense(`, `eval(` (refused later), not prose like "LSTM (64)".
  return /(?:^|[^\w.])[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*\(/m.test(s);
}

/**
 * Parses pasted PyTorch / Keras / Flax code (never executing it) into a checked ModelSpec, or a
 * friendly error saying what was expected.
 */
export type CodeParse = { ok: true; model: ModelSpec } | { ok: false; error: string; formula?: SizesFormula };

export function parseCode(text: string): CodeParse {
  const printed = readTorchPrint(preprocess(text));
  if (printed) {
    const r = parseCodeOnce(printed.code);
    if (r.ok) r.model.notes.push(...printed.notes);
    return strip(r);
  }
  const first = parseCodeOnce(text);
  // Backtick spans are read alone only when the whole text is prose around code, never inside a
  // program (a docstring mentioning ``nn.Linear(768, 2)`` is not the model).
  if (first.ok || !first.syntax || looksLikeProgram(text)) return strip(first);
  // Prose around `inline code` ("how many in `nn.LSTM(300, 512)`?"): read just the code spans.
  const spans = codeSpans(text);
  if (spans !== null) {
    return strip(parseCodeOnce(spans));
  }
  return strip(first);
}

type Attempt = { ok: true; model: ModelSpec } | { ok: false; error: string; syntax: boolean; formula?: SizesFormula };

function strip(a: Attempt): CodeParse {
  if (a.ok) return a;
  return a.formula ? { ok: false, error: a.error, formula: a.formula } : { ok: false, error: a.error };
}

/** The text inside ``` fences and `backticks`, one span a line; null when there is none or only one whole-text span. */
function codeSpans(text: string): string | null {
  const spans: string[] = [];
  const re = /```(?:[a-zA-Z0-9]*\n)?([\s\S]*?)```|`([^`\n]+)`/g;
  let covered = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    spans.push(m[1] ?? m[2] ?? '');
    covered += m[0].length;
  }
  if (spans.length === 0 || covered >= text.trim().length) return null;
  return spans.join('\n');
}

function parseCodeOnce(text: string): Attempt {
  let module: Module | null = null;
  try {
    module = parseTokens(preprocess(text));
    return readModule(module);
  } catch (e) {
    if (e instanceof MissingSizes && e.className && module) {
      const formula = formulaOf(module, e.className, e.names);
      if (formula) return { ok: false, error: formulaText('en', formula), syntax: false, formula };
    }
    return failedAttempt(e);
  }
}

/**
 * Reads a parsed paste into a checked spec (sizes: values for a pasted class's arguments without
 * default; work: where to add the steps it took).
 */
function readModule(module: Module, sizes?: ReadonlyMap<string, bigint>, work?: { steps: number }): Attempt {
  const reader = new Reader(module, sizes);
  let spec: ModelSpec;
  try {
    spec = reader.run();
  } finally {
    if (work) work.steps += reader.ev.stepsTaken;
  }
  if (spec.layers.filter((l) => l.kind !== 'input').length === 0) {
    return { ok: false, error: `I couldn't find a layer in that code. ${EXAMPLE_HINT}`, syntax: true };
  }
  const checked = modelSpecSchema.safeParse(spec);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    return {
      ok: false,
      error: `I read that code but one value is out of range (${issue ? issue.path.join('.') + ': ' + issue.message : 'invalid'}). ${EXAMPLE_HINT}`,
      syntax: false,
    };
  }
  return { ok: true, model: spec };
}

/**
 * A PyTorch class's count as a formula of its arguments without default (null when it is not a
 * PyTorch model, or leaves layers uncounted: the plain refusal stands).
 */
function formulaOf(module: Module, className: string, names: string[]): SizesFormula | null {
  const work = { steps: 0, layers: 0 };
  const sampler = (values: readonly bigint[]): Sample => {
    if (work.steps > MAX_FORMULA_STEPS || work.layers > MAX_FORMULA_LAYERS) throw new FormulaLimit();
    let attempt: Attempt;
    try {
      attempt = readModule(module, new Map(names.map((n, i) => [n, values[i] ?? 0n])), work);
    } catch (e) {
      attempt = failedAttempt(e);
    }
    if (!attempt.ok) return { ok: false, error: attempt.error };
    work.layers += attempt.model.layers.length;
    if (attempt.model.framework !== 'pytorch') return { ok: false, error: 'not PyTorch' };
    const record = tryCountModel(attempt.model);
    if (!record.ok) return { ok: false, error: record.error };
    if (record.record.unknownLayers.length > 0) return { ok: false, error: 'layers not counted' };
    const layers = record.record.layers.map((l) => ({ name: l.name, type: l.type, params: l.params }));
    return { ok: true, layers, total: record.record.total };
  };
  return findFormula(className, names, sampler);
}

function failedAttempt(e: unknown): Attempt & { ok: false } {
  if (e instanceof CodeError) return { ok: false, error: e.message, syntax: e.syntax };
  if (e instanceof ModelError) return { ok: false, error: e.message, syntax: false };
  if (e instanceof RangeError)
    return { ok: false, error: `That code is too complex for me to read. ${EXAMPLE_HINT}`, syntax: false };
  throw e;
}

/** Whether a class's source mentions a name (so it uses that class or function). */
function mentions(v: Value, name: string): boolean {
  if (v.t !== 'class') return false;
  const needle = `"id":${JSON.stringify(name)}`;
  return v.cls.body.some(
    (st) =>
      st.k === 'def' && JSON.stringify(st.body, (_k, x) => (typeof x === 'bigint' ? x.toString() : x)).includes(needle),
  );
}

/** Shape of nested lists (`np.array([[...], ...])`); null when ragged or not lists. */
function nestedShape(v: Value | undefined): bigint[] | null {
  const shape: bigint[] = [];
  for (let x = v; x && x.t === 'seq'; x = x.items[0]) shape.push(BigInt(x.items.length));
  return v && v.t === 'seq' ? shape : null;
}

/** Whether a text is a program (definitions, imports or assignments at the start of a line). */
function looksLikeProgram(text: string): boolean {
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    for (const kw of ['class ', 'def ', 'import ', 'from ', '@', 'self.', 'return '])
      if (line.startsWith(kw)) return true;
    const eq = line.indexOf('=');
    if (eq > 0 && line[eq + 1] !== '=' && isDottedName(line.slice(0, eq).trim())) return true;
  }
  return false;
}

function isDottedName(s: string): boolean {
  if (s.length === 0 || s.length > 200) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const ok =
      (c >= 65 && c <= 90) ||
      (c >= 97 && c <= 122) ||
      c === 95 ||
      c === 46 ||
      c === 44 ||
      c === 32 ||
      (i > 0 && c >= 48 && c <= 57);
    if (!ok) return false;
  }
  return true;
}
