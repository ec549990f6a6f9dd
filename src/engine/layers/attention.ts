// Attention: PyTorch MultiheadAttention, TransformerEncoderLayer/DecoderLayer, TransformerEncoder/
// Decoder stacks and nn.Transformer; Keras MultiHeadAttention.
import type { LayerRecord, Note, Step, TensorRecord } from '../types.js';
import { makeRecord, tensor, term } from './common.js';

export interface TorchMHAParams {
  name?: string;
  embedDim: bigint;
  numHeads: bigint;
  bias: boolean;
  addBiasKv: boolean;
  /** null = embed_dim. */
  kdim: bigint | null;
  vdim: bigint | null;
}

function mhaProblem(p: TorchMHAParams): string | null {
  if (p.embedDim <= 0n || p.numHeads <= 0n) return 'embed_dim and num_heads must be positive';
  if (p.embedDim % p.numHeads !== 0n)
    return `embed_dim (${p.embedDim}) must be divisible by num_heads (${p.numHeads}), as PyTorch requires`;
  if ((p.kdim !== null && p.kdim <= 0n) || (p.vdim !== null && p.vdim <= 0n)) return 'kdim and vdim must be positive';
  return null;
}

/** nn.MultiheadAttention's tensors (PyTorch names) under a prefix like "self_attn.". */
function torchMHATensors(p: TorchMHAParams, prefix = ''): TensorRecord[] {
  const E = p.embedDim;
  const kdim = p.kdim ?? E;
  const vdim = p.vdim ?? E;
  const out: TensorRecord[] = [];
  if (kdim === E && vdim === E) {
    out.push(tensor(`${prefix}in_proj_weight`, [3n * E, E]));
  } else {
    out.push(
      tensor(`${prefix}q_proj_weight`, [E, E]),
      tensor(`${prefix}k_proj_weight`, [E, kdim]),
      tensor(`${prefix}v_proj_weight`, [E, vdim]),
    );
  }
  if (p.bias) out.push(tensor(`${prefix}in_proj_bias`, [3n * E]));
  out.push(tensor(`${prefix}out_proj.weight`, [E, E]));
  if (p.bias) out.push(tensor(`${prefix}out_proj.bias`, [E]));
  if (p.addBiasKv) out.push(tensor(`${prefix}bias_k`, [1n, 1n, E]), tensor(`${prefix}bias_v`, [1n, 1n, E]));
  return out;
}

export function countTorchMHA(p: TorchMHAParams): LayerRecord {
  const problem = mhaProblem(p);
  if (problem) throw new RangeError(problem);
  const E = p.embedDim;
  const kdim = p.kdim ?? E;
  const vdim = p.vdim ?? E;
  const same = kdim === E && vdim === E;
  const steps: Step[] = [
    { kind: 'say', sentence: { id: 'torch-mha', embed: E, heads: p.numHeads, perHead: E / p.numHeads } },
  ];
  const proj = E * E + E * kdim + E * vdim;
  if (same) {
    steps.push({
      kind: 'product',
      label: 'in_proj_weight (q, k, v stacked)',
      factors: [term(3n, 'q, k, v'), term(E, 'embed_dim'), term(E, 'embed_dim')],
      result: proj,
    });
  } else {
    steps.push({
      kind: 'sum',
      label: 'q/k/v projections (kdim/vdim differ, so three separate matrices)',
      terms: [term(E * E, `q: ${E} x ${E}`), term(E * kdim, `k: ${E} x ${kdim}`), term(E * vdim, `v: ${E} x ${vdim}`)],
      result: proj,
    });
  }
  const terms = [term(proj, 'q/k/v weights')];
  if (p.bias) terms.push(term(3n * E, 'in_proj_bias'));
  steps.push({
    kind: 'product',
    label: 'out_proj.weight',
    factors: [term(E, 'embed_dim'), term(E, 'embed_dim')],
    result: E * E,
  });
  terms.push(term(E * E, 'out_proj.weight'));
  if (p.bias) terms.push(term(E, 'out_proj.bias'));
  else steps.push({ kind: 'say', sentence: { id: 'torch-mha-no-bias' } });
  if (p.addBiasKv) terms.push(term(2n * E, 'bias_k + bias_v'));
  const tensors = torchMHATensors(p);
  const total = tensors.reduce((s, t) => s + t.params, 0n);
  steps.push({ kind: 'sum', label: 'total', terms, result: total });
  if (same && !p.addBiasKv) {
    steps.push({
      kind: 'formula',
      label: 'in one line',
      expression: p.bias ? `4 x ${E} x ${E} + 4 x ${E}` : `4 x ${E} x ${E}`,
      result: total,
    });
  }
  return makeRecord({
    name: p.name ?? 'multihead_attn',
    type: 'MultiheadAttention',
    framework: 'pytorch',
    tensors,
    steps,
  });
}

export interface TransformerLayerParams {
  name?: string;
  decoder: boolean;
  dModel: bigint;
  nhead: bigint;
  dimFeedforward: bigint;
  bias: boolean;
}

function layerTensors(p: TransformerLayerParams, prefix: string): TensorRecord[] {
  const E = p.dModel;
  const F = p.dimFeedforward;
  const mha: TorchMHAParams = {
    embedDim: E,
    numHeads: p.nhead,
    bias: p.bias,
    addBiasKv: false,
    kdim: null,
    vdim: null,
  };
  const out = torchMHATensors(mha, `${prefix}self_attn.`);
  if (p.decoder) out.push(...torchMHATensors(mha, `${prefix}multihead_attn.`));
  out.push(tensor(`${prefix}linear1.weight`, [F, E]));
  if (p.bias) out.push(tensor(`${prefix}linear1.bias`, [F]));
  out.push(tensor(`${prefix}linear2.weight`, [E, F]));
  if (p.bias) out.push(tensor(`${prefix}linear2.bias`, [E]));
  for (let i = 1; i <= (p.decoder ? 3 : 2); i++) {
    out.push(tensor(`${prefix}norm${i}.weight`, [E]));
    if (p.bias) out.push(tensor(`${prefix}norm${i}.bias`, [E]));
  }
  return out;
}

function transformerProblem(p: TransformerLayerParams): string | null {
  if (p.dModel <= 0n || p.nhead <= 0n || p.dimFeedforward <= 0n)
    return 'd_model, nhead and dim_feedforward must be positive';
  if (p.dModel % p.nhead !== 0n)
    return `d_model (${p.dModel}) must be divisible by nhead (${p.nhead}), as PyTorch requires`;
  return null;
}

function layerParts(p: TransformerLayerParams): {
  attn: bigint;
  ffn1: bigint;
  ffn2: bigint;
  norm: bigint;
  total: bigint;
} {
  const E = p.dModel;
  const F = p.dimFeedforward;
  const b = p.bias ? 1n : 0n;
  const attn = 4n * E * E + 4n * E * b;
  const ffn1 = E * F + F * b;
  const ffn2 = F * E + E * b;
  const norm = E + E * b;
  const total = attn * (p.decoder ? 2n : 1n) + ffn1 + ffn2 + norm * (p.decoder ? 3n : 2n);
  return { attn, ffn1, ffn2, norm, total };
}

/** One attention block's tensors as derivation lines (PyTorch stacks q, k, v in in_proj_weight). */
function attentionLines(E: bigint, bias: boolean, label: string): Step[] {
  const lines: Step[] = [
    {
      kind: 'product',
      label: `${label}.in_proj_weight (q, k, v stacked)`,
      factors: [term(3n, 'q, k, v'), term(E, 'd_model'), term(E, 'd_model')],
      result: 3n * E * E,
    },
  ];
  if (bias)
    lines.push({
      kind: 'product',
      label: `${label}.in_proj_bias`,
      factors: [term(3n, 'q, k, v'), term(E, 'd_model')],
      result: 3n * E,
    });
  lines.push({
    kind: 'product',
    label: `${label}.out_proj.weight`,
    factors: [term(E, 'd_model'), term(E, 'd_model')],
    result: E * E,
  });
  if (bias) lines.push({ kind: 'product', label: `${label}.out_proj.bias`, factors: [term(E, 'd_model')], result: E });
  return lines;
}

function layerSteps(p: TransformerLayerParams): Step[] {
  const E = p.dModel;
  const F = p.dimFeedforward;
  const parts = layerParts(p);
  const norms = p.decoder ? 3n : 2n;
  const steps: Step[] = [
    { kind: 'say', sentence: { id: 'transformer-layer', decoder: p.decoder, model: E, ff: F } },
    ...attentionLines(E, p.bias, 'self_attn'),
  ];
  if (p.decoder) steps.push(...attentionLines(E, p.bias, 'multihead_attn'));
  steps.push({
    kind: 'product',
    label: 'linear1.weight',
    factors: [term(F, 'dim_feedforward'), term(E, 'd_model')],
    result: E * F,
  });
  if (p.bias) steps.push({ kind: 'product', label: 'linear1.bias', factors: [term(F, 'dim_feedforward')], result: F });
  steps.push({
    kind: 'product',
    label: 'linear2.weight',
    factors: [term(E, 'd_model'), term(F, 'dim_feedforward')],
    result: E * F,
  });
  if (p.bias) steps.push({ kind: 'product', label: 'linear2.bias', factors: [term(E, 'd_model')], result: E });
  steps.push({
    kind: 'product',
    label: p.bias ? 'LayerNorms (weight and bias each)' : 'LayerNorms (weight only: bias=False)',
    factors: p.bias
      ? [term(norms, 'norms'), term(2n, 'weight, bias'), term(E, 'd_model')]
      : [term(norms, 'norms'), term(E, 'd_model')],
    result: norms * parts.norm,
  });
  const terms = [term(parts.attn, 'self_attn')];
  if (p.decoder) terms.push(term(parts.attn, 'multihead_attn'));
  terms.push(term(parts.ffn1, 'linear1'), term(parts.ffn2, 'linear2'));
  for (let i = 1n; i <= norms; i++) terms.push(term(parts.norm, `norm${i}`));
  steps.push({ kind: 'sum', label: 'total', terms, result: parts.total });
  const attn = p.bias ? `(4 x ${E} x ${E} + 4 x ${E})` : `4 x ${E} x ${E}`;
  const ffn = p.bias ? `(${E} + 1) x ${F} + (${F} + 1) x ${E}` : `2 x ${E} x ${F}`;
  steps.push({
    kind: 'formula',
    label: 'in one line',
    expression: `${p.decoder ? `2 x ${attn}` : attn} + ${ffn} + ${norms} x ${p.bias ? `2 x ${E}` : `${E}`}`,
    result: parts.total,
  });
  return steps;
}

function transformerLayerTotal(p: TransformerLayerParams): bigint {
  return layerParts(p).total;
}

export function countTransformerLayer(p: TransformerLayerParams): LayerRecord {
  const problem = transformerProblem(p);
  if (problem) throw new RangeError(problem);
  const type = p.decoder ? 'TransformerDecoderLayer' : 'TransformerEncoderLayer';
  return makeRecord({
    name: p.name ?? (p.decoder ? 'decoder_layer' : 'encoder_layer'),
    type,
    framework: 'pytorch',
    tensors: layerTensors(p, ''),
    steps: layerSteps(p),
  });
}

export interface TransformerStackPart {
  layer: TransformerLayerParams;
  count: number;
  /** Final LayerNorm (TransformerEncoder's `norm=`, nn.Transformer's encoder.norm): its size, or null. */
  norm: { size: bigint; bias: boolean } | null;
}

function stackTensors(part: TransformerStackPart, prefix: string): TensorRecord[] {
  const out: TensorRecord[] = [];
  for (let i = 0; i < part.count; i++) {
    if (i <= 1 || i === part.count - 1) out.push(...layerTensors(part.layer, `${prefix}layers.${i}.`));
  }
  if (part.norm) {
    out.push(tensor(`${prefix}norm.weight`, [part.norm.size]));
    if (part.norm.bias) out.push(tensor(`${prefix}norm.bias`, [part.norm.size]));
  }
  return out;
}

function stackTotal(part: TransformerStackPart): bigint {
  const norm = part.norm ? part.norm.size * (part.norm.bias ? 2n : 1n) : 0n;
  return BigInt(part.count) * transformerLayerTotal(part.layer) + norm;
}

/**
 * TransformerEncoder / TransformerDecoder (N deep copies of one layer, plus an optional final norm),
 * or nn.Transformer (an encoder stack and a decoder stack, each with its final LayerNorm).
 */
export function countTransformerStack(opts: {
  name?: string;
  typeName: string;
  encoder: TransformerStackPart | null;
  decoder: TransformerStackPart | null;
}): LayerRecord {
  const parts: { part: TransformerStackPart; prefix: string; label: 'encoder' | 'decoder' }[] = [];
  const both = opts.encoder !== null && opts.decoder !== null;
  if (opts.encoder) parts.push({ part: opts.encoder, prefix: both ? 'encoder.' : '', label: 'encoder' });
  if (opts.decoder) parts.push({ part: opts.decoder, prefix: both ? 'decoder.' : '', label: 'decoder' });
  const tensors: TensorRecord[] = [];
  const steps: Step[] = [];
  const terms = [];
  const notes: Note[] = [];
  for (const { part, prefix, label } of parts) {
    const problem = transformerProblem(part.layer);
    if (problem) throw new RangeError(problem);
    if (part.count < 1) throw new RangeError('num_layers must be at least 1');
    tensors.push(...stackTensors(part, prefix));
    steps.push(...layerSteps(part.layer));
    const one = transformerLayerTotal(part.layer);
    const layersTotal = BigInt(part.count) * one;
    steps.push({
      kind: 'product',
      label: `${label} layers`,
      factors: [term(BigInt(part.count), 'layers'), term(one, 'per layer')],
      result: layersTotal,
    });
    terms.push(term(layersTotal, `${label} layers`));
    if (part.norm) {
      const n = part.norm.size * (part.norm.bias ? 2n : 1n);
      steps.push({
        kind: 'formula',
        label: `${label} final norm`,
        expression: part.norm.bias ? `2 x ${part.norm.size}` : `${part.norm.size}`,
        result: n,
      });
      terms.push(term(n, `${label} norm`));
    }
    if (part.count > 3) notes.push({ id: 'transformer-layers-not-listed', part: label, to: part.count - 2 });
  }
  const total = parts.reduce((s, x) => s + stackTotal(x.part), 0n);
  steps.push({ kind: 'sum', label: 'total', terms, result: total });
  return makeRecord({
    name: opts.name ?? opts.typeName.toLowerCase(),
    type: opts.typeName,
    framework: 'pytorch',
    tensors,
    steps,
    notes,
    totals: { params: total, trainable: total },
  });
}

export interface KerasMHAParams {
  name?: string;
  numHeads: bigint;
  keyDim: bigint;
  /** null = key_dim. */
  valueDim: bigint | null;
  bias: boolean;
  /** Query, key and value feature sizes (self-attention: all the input width). */
  queryDim: bigint;
  keyInDim: bigint;
  valueInDim: bigint;
  /** output_shape, or null = the query's last dimension. */
  outputDim: bigint | null;
  isTrainable?: boolean;
}

/** Keras MultiHeadAttention: per-head einsum projections for query, key, value and the output. */
export function countKerasMHA(p: KerasMHAParams): LayerRecord {
  const h = p.numHeads;
  const kd = p.keyDim;
  const vd = p.valueDim ?? kd;
  const out = p.outputDim ?? p.queryDim;
  if ([h, kd, vd, out, p.queryDim, p.keyInDim, p.valueInDim].some((x) => x <= 0n))
    throw new RangeError('MultiHeadAttention needs positive sizes');
  const tensors: TensorRecord[] = [];
  const parts: [string, bigint, bigint][] = [
    ['query', p.queryDim, kd],
    ['key', p.keyInDim, kd],
    ['value', p.valueInDim, vd],
  ];
  const steps: Step[] = [
    {
      kind: 'say',
      sentence: { id: 'keras-mha', heads: h, keyDim: kd, valueDim: vd, output: out },
    },
  ];
  const terms = [];
  for (const [nm, inDim, dim] of parts) {
    tensors.push(tensor(`${nm}/kernel`, [inDim, h, dim]));
    if (p.bias) tensors.push(tensor(`${nm}/bias`, [h, dim]));
    const n = inDim * h * dim + (p.bias ? h * dim : 0n);
    steps.push({
      kind: 'formula',
      label: nm,
      expression: p.bias ? `${inDim} x ${h} x ${dim} + ${h} x ${dim}` : `${inDim} x ${h} x ${dim}`,
      result: n,
    });
    terms.push(term(n, nm));
  }
  tensors.push(tensor('attention_output/kernel', [h, vd, out]));
  if (p.bias) tensors.push(tensor('attention_output/bias', [out]));
  const o = h * vd * out + (p.bias ? out : 0n);
  steps.push({
    kind: 'formula',
    label: 'attention_output',
    expression: p.bias ? `${h} x ${vd} x ${out} + ${out}` : `${h} x ${vd} x ${out}`,
    result: o,
  });
  terms.push(term(o, 'attention_output'));
  const total = tensors.reduce((s, t) => s + t.params, 0n);
  steps.push({ kind: 'sum', label: 'total', terms, result: total });
  return makeRecord({
    name: p.name ?? 'multi_head_attention',
    type: 'MultiHeadAttention',
    framework: 'keras',
    tensors,
    steps,
    isTrainable: p.isTrainable,
  });
}
