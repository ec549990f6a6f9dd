// PyTorch module semantics for the code reader: raw parameters and tensors (nn.Parameter,
// torch.zeros(...)), attributes of layers (`fc.in_features`, `.weight`), weight tying, replaced and
// frozen tensors. A layer whose tensors change is re-expressed as a FixedSpec with the tensors it
// really holds, so the engine counts exactly what model.parameters() would.
import type { LayerSpec } from '../../engine/model.js';

type FixedSpec = Extract<LayerSpec, { kind: 'fixed' }>;
import type { Value } from '../python/evaluate.js';
import type { LayerData, ModelData } from './values.js';

/** A raw tensor made by a torch factory (`torch.zeros(3, 4)`); shape null when not given as sizes. */
export interface TorchTensorData {
  tag: 'torch-tensor';
  shape: bigint[] | null;
}

/** A parameter: made by nn.Parameter, or one of a layer's own tensors (`lstm.weight`, owner set). */
export interface ParamData {
  tag: 'param';
  shape: bigint[] | null;
  trainable: boolean;
  /** The layer (or whole module, name '*') this tensor belongs to. */
  owner: { of: LayerData | ModelData; name: string } | null;
}

/** torch functions that make a tensor from sizes. */
export const TENSOR_FACTORIES = new Set([
  'zeros',
  'ones',
  'randn',
  'rand',
  'empty',
  'Tensor',
  'FloatTensor',
  'DoubleTensor',
  'HalfTensor',
  'LongTensor',
  'IntTensor',
  'BoolTensor',
  'full',
  'eye',
  'randint',
]);

/** Sizes given to a tensor factory: `(3, 4)`, `((3, 4))`, `[3, 4]`; null when not all whole numbers. */
export function shapeFromSizes(fn: string, args: Value[]): bigint[] | null {
  let sizes = args;
  if (fn === 'full') sizes = args.slice(0, 1);
  if (fn === 'randint') sizes = args.slice(-1);
  if (sizes.length === 1 && sizes[0]?.t === 'seq') sizes = sizes[0].items;
  if (fn === 'eye') sizes = sizes.length === 1 ? [sizes[0] as Value, sizes[0] as Value] : sizes;
  const out: bigint[] = [];
  for (const s of sizes) {
    if (s.t !== 'int' || s.v < 0n) return null;
    out.push(s.v);
  }
  return out;
}

/** The tensors a layer spec holds, for the layers whose tensors can be re-expressed. */
export function tensorsOf(spec: LayerSpec): { name: string; shape: bigint[] }[] | null {
  switch (spec.kind) {
    case 'dense':
      if (spec.input === null) return null;
      return [
        { name: 'weight', shape: [spec.units, spec.input] },
        ...(spec.bias ? [{ name: 'bias', shape: [spec.units] }] : []),
      ];
    case 'embedding':
      return [{ name: 'weight', shape: [spec.vocab, spec.dim] }];
    case 'conv':
      if (spec.input === null || spec.framework !== 'pytorch' || spec.variant !== 'standard') return null;
      return [
        { name: 'weight', shape: [spec.filters, spec.input / spec.groups, ...spec.kernel] },
        ...(spec.bias ? [{ name: 'bias', shape: [spec.filters] }] : []),
      ];
    default:
      return null;
  }
}

/** Plain attributes of a layer read back by model code (`self.fc.in_features`). */
export function layerAttribute(spec: LayerSpec, attr: string): bigint | null {
  switch (spec.kind) {
    case 'dense':
      return attr === 'in_features' ? spec.input : attr === 'out_features' ? spec.units : null;
    case 'embedding':
      return attr === 'num_embeddings' ? spec.vocab : attr === 'embedding_dim' ? spec.dim : null;
    case 'recurrent':
      return attr === 'input_size'
        ? spec.input
        : attr === 'hidden_size'
          ? spec.units
          : attr === 'num_layers'
            ? BigInt(spec.layers)
            : null;
    case 'conv':
      return attr === 'in_channels' ? spec.input : attr === 'out_channels' ? spec.filters : null;
    case 'torch-batchnorm':
      return attr === 'num_features' ? spec.features : null;
    case 'torch-mha':
      return attr === 'embed_dim' ? spec.embedDim : attr === 'num_heads' ? spec.numHeads : null;
    default:
      return null;
  }
}

/** What happened to a layer's own tensors after it was made. */
export interface TensorEdits {
  /** Tensor name -> replacement (a new nn.Parameter) or 'tied' (shares another layer's tensor). */
  replaced: Map<string, { shape: bigint[] | null; trainable: boolean } | { tied: string }>;
  frozen: Set<string>;
  /** nn.utils.weight_norm: `weight` becomes weight_g (one per output) and weight_v. */
  weightNorm?: boolean;
}

export function editsOf(d: LayerData): TensorEdits {
  const x = d as LayerData & { edits?: TensorEdits };
  x.edits ??= { replaced: new Map(), frozen: new Set() };
  return x.edits;
}

/**
 * The spec a layer ends as after its edits: unchanged, frozen as a whole, or a FixedSpec with the
 * tensors it really holds. Null when the layer's tensors cannot be listed (the caller notes it).
 */
export function editedSpec(d: LayerData, spec: LayerSpec, notes: string[]): LayerSpec {
  const edits = (d as LayerData & { edits?: TensorEdits }).edits;
  if (!edits || (edits.replaced.size === 0 && edits.frozen.size === 0 && !edits.weightNorm)) return spec;
  const tensors = tensorsOf(spec);
  if (
    !edits.weightNorm &&
    edits.replaced.size === 0 &&
    (edits.frozen.has('*') || (tensors && tensors.every((t) => edits.frozen.has(t.name))))
  )
    return { ...spec, trainable: false };
  if (!tensors) {
    notes.push(`I could not re-list the tensors of ${d.cls} after the code changed them; it is counted as made.`);
    return spec;
  }
  const out: FixedSpec['tensors'] = [];
  const said: string[] = [];
  for (const t of tensors) {
    const r = edits.replaced.get(t.name);
    if (r && 'tied' in r) {
      said.push(`its ${t.name} is the same tensor as ${r.tied}, counted there once`);
      continue;
    }
    if (r) {
      if (r.shape === null) {
        notes.push(
          `${d.cls}.${t.name} was replaced by a parameter whose shape I can't tell; counted with its original shape.`,
        );
        out.push({ name: t.name, shape: t.shape, trainable: r.trainable && !edits.frozen.has(t.name) });
      } else
        out.push({
          name: t.name,
          shape: r.shape.filter((x) => x > 0n),
          trainable: r.trainable && !edits.frozen.has(t.name),
        });
      if (r.shape !== null)
        said.push(
          `its ${t.name} was replaced by an nn.Parameter of shape (${r.shape.join(', ')})${r.trainable ? '' : ' that is frozen'}`,
        );
      continue;
    }
    const trainable = !edits.frozen.has(t.name) && !edits.frozen.has('*');
    if (edits.weightNorm && t.name === 'weight') {
      out.push({ name: 'weight_g', shape: [t.shape[0] as bigint, ...t.shape.slice(1).map(() => 1n)], trainable });
      out.push({ name: 'weight_v', shape: t.shape, trainable });
      said.push('weight_norm splits its weight into weight_g (one scale per output) and weight_v');
      continue;
    }
    out.push({ name: t.name, shape: t.shape, trainable });
  }
  for (const [name, r] of edits.replaced) {
    // A new nn.Parameter set under a name the layer did not have (`emb.weights = ...`): one more tensor.
    if (tensors.some((t) => t.name === name) || 'tied' in r) continue;
    if (r.shape === null) {
      notes.push(`${d.cls}.${name} is a parameter whose shape I can't tell; not counted.`);
      continue;
    }
    out.push({ name, shape: r.shape.length === 0 ? [1n] : r.shape, trainable: r.trainable });
    said.push(`an extra nn.Parameter \`${name}\` of shape (${r.shape.join(', ')}) was set on it`);
  }
  const fixed: FixedSpec = {
    kind: 'fixed',
    framework: 'pytorch',
    typeName: d.cls,
    tensors: out,
    explain: `${d.cls} as built, then changed by the code: ${said.join('; ') || 'some tensors frozen'}.`,
    outWidth: null,
    ...(spec.name ? { name: spec.name } : {}),
    ...(spec.source ? { source: spec.source } : {}),
  };
  return fixed;
}

/** A raw parameter registered on a module, as a layer of its own (a Keras add_weight as fixed tensors). */
export function parameterSpec(name: string, p: ParamData, keras = false): LayerSpec {
  if (p.shape === null)
    return {
      kind: 'unknown',
      typeName: keras ? 'Weight' : 'Parameter',
      framework: keras ? 'keras' : 'pytorch',
      notes: [`I can't tell the shape of the parameter \`${name}\`.`],
    };
  if (!keras) return { kind: 'parameter', framework: 'pytorch', shape: p.shape, requiresGrad: p.trainable };
  const shape = p.shape.length === 0 ? [1n] : p.shape;
  return {
    kind: 'fixed',
    framework: 'keras',
    typeName: 'Weight',
    tensors: shape.some((x) => x === 0n) ? [] : [{ name, shape, trainable: p.trainable }],
    explain: `A weight of shape (${p.shape.join(', ')}) made by add_weight${p.trainable ? '' : ', not trainable'}.`,
    outWidth: null,
  };
}
