// TransformerSpec -> a per-component breakdown (embeddings, one block x layers, final norm, head...),
// each component a LayerRecord with its tensors (real transformers names) and its derivation steps.
// Pure and BigInt; the module tree of each layout follows transformers' modeling_<family>.py.
import { makeRecord, term } from '../layers/common.js';
import { groupDigits } from '../numbers.js';
import type { LayerRecord, Step, TensorRecord, Term } from '../types.js';
import type { TransformerSpec } from './spec.js';

/** One tensor to be: its name and its shape, each dimension labelled for the derivation. */
interface TensorPlan {
  name: string;
  dims: Term[];
  /** An nn.Embedding weight: left out by num_parameters(exclude_embeddings=True). */
  embedding?: boolean;
}

/** One component: tensors of one copy, repeated `repeat` times (blocks), with prose around them. */
interface ComponentPlan {
  name: string;
  type: string;
  repeat: bigint;
  tensors: TensorPlan[];
  explain: string[];
  /** Extra derivation lines after the tensors (the GQA saving). */
  extra: Step[];
  notes: string[];
  /** Mixture-of-experts: parameters of one block a token does not use (the experts it is not routed to). */
  inactivePerCopy?: bigint;
}

export interface TransformerComponent {
  record: LayerRecord;
  /** Blocks: how many copies; 1 otherwise. */
  repeat: bigint;
  /** Parameters of one copy. */
  perCopy: bigint;
  /** Parameters in nn.Embedding weights (all copies). */
  embeddingParams: bigint;
}

export const WEIGHT_DTYPES = ['float32', 'bfloat16', 'int8', '4-bit'] as const;
export type WeightDtype = (typeof WEIGHT_DTYPES)[number];

export interface TransformerRecord {
  spec: TransformerSpec;
  components: TransformerComponent[];
  total: bigint;
  /** As transformers' num_parameters(exclude_embeddings=True): every nn.Embedding weight left out. */
  withoutEmbeddings: bigint;
  /** Mixture of experts: parameters one token passes through (null for dense models). */
  activePerToken: bigint | null;
  /** Bytes of the weights alone, per storage type (4-bit rounds up to whole bytes). */
  memory: { dtype: WeightDtype; bytes: bigint }[];
  estimate: boolean;
}

const d = term;

function paramsOf(t: TensorPlan): bigint {
  let p = 1n;
  for (const x of t.dims) p *= x.value;
  return p;
}

/** The pieces every layout is made of. */
class Parts {
  constructor(private readonly spec: TransformerSpec) {}

  get H(): Term {
    return d(this.spec.hidden, 'hidden');
  }

  /** nn.Linear: weight (out, in), bias (out). */
  linear(name: string, out: Term, inp: Term, bias: boolean): TensorPlan[] {
    const w: TensorPlan = { name: `${name}.weight`, dims: [out, inp] };
    return bias ? [w, { name: `${name}.bias`, dims: [out] }] : [w];
  }

  /** GPT-2's Conv1D: weight (in, out), bias (out). */
  conv1d(name: string, inp: Term, out: Term): TensorPlan[] {
    return [
      { name: `${name}.weight`, dims: [inp, out] },
      { name: `${name}.bias`, dims: [out] },
    ];
  }

  norm(name: string, width: Term = this.H): TensorPlan[] {
    const n = this.spec.norm;
    if (n.kind === 'none') return [];
    const w: TensorPlan = { name: `${name}.weight`, dims: [width] };
    return n.kind === 'layernorm' && n.bias ? [w, { name: `${name}.bias`, dims: [width] }] : [w];
  }

  embedding(name: string, rows: Term, width: Term = this.H): TensorPlan {
    return { name: `${name}.weight`, dims: [rows, width], embedding: true };
  }

  get qDim(): Term {
    const s = this.spec;
    return d(s.heads * s.headDim, `${s.heads} heads x ${s.headDim}`);
  }

  get kvDim(): Term {
    const s = this.spec;
    return d(s.kvHeads * s.headDim, `${s.kvHeads} kv heads x ${s.headDim}`);
  }

  get ffn(): Term {
    return d(this.spec.ffn, 'intermediate');
  }
}

function attentionExplain(s: TransformerSpec): string {
  const mha = s.kvHeads === s.heads;
  const kind = mha
    ? `multi-head attention: ${s.heads} heads of ${s.headDim}`
    : s.kvHeads === 1n
      ? `multi-query attention: ${s.heads} query heads share 1 key/value head, each ${s.headDim} wide`
      : `grouped-query attention: ${s.heads} query heads share ${s.kvHeads} key/value heads (${s.heads / s.kvHeads} each), each ${s.headDim} wide`;
  return `Attention is ${kind}. Heads split the projections' columns and add no weights of their own.`;
}

/** Grouped-query attention's saving over full multi-head attention, per block, as a derivation line. */
function gqaSaving(s: TransformerSpec): Step[] {
  if (s.kvHeads === s.heads) return [];
  const fewer = (s.heads - s.kvHeads) * s.headDim;
  return [
    {
      kind: 'product',
      label: `saved by sharing key/value heads (k and v project to ${groupDigits(s.kvHeads * s.headDim)}, not ${groupDigits(s.heads * s.headDim)})`,
      factors: [
        d(2n, 'k and v'),
        d(s.hidden, 'hidden'),
        d(fewer, `${s.heads - s.kvHeads} heads x ${s.headDim} not projected`),
      ],
      result: 2n * s.hidden * fewer,
    },
  ];
}

function mlpExplain(s: TransformerSpec): string {
  if (s.moe)
    return `The MLP is a mixture of ${s.moe.experts} experts, each a gated MLP (w1 and w3 ${s.hidden} → ${s.ffn}, w2 back), and a router (gate) choosing ${s.moe.perToken} of them per token.`;
  return s.mlp.gated
    ? `The MLP is gated (SwiGLU-style): a gate and an up projection ${s.hidden} → ${s.ffn}, multiplied, then down ${s.ffn} → ${s.hidden}: three matrices.`
    : `The MLP is two matrices: ${s.hidden} → ${s.ffn}, an activation, then ${s.ffn} → ${s.hidden}.`;
}

function normExplain(s: TransformerSpec, where: string): string {
  const k = s.norm.kind;
  if (k === 'none') return `Its LayerNorms have no learnable weights (elementwise_affine=False): 0 parameters.`;
  return k === 'rmsnorm'
    ? `Norms are RMSNorm: one weight vector of ${s.hidden}, no bias; ${where}.`
    : `Norms are LayerNorm: a weight and a bias of ${s.hidden} each; ${where}.`;
}

function headPlan(s: TransformerSpec, p: Parts, name: string, width: Term, tokenEmbedding: string): ComponentPlan {
  const plan = component(name, 'LM head');
  if (s.tied) {
    plan.explain.push(
      `The LM head (${width.value} → ${s.vocab} logits) reuses ${tokenEmbedding} (tie_word_embeddings): the same tensor, counted once, so it adds 0.`,
    );
  } else {
    plan.explain.push(
      `The LM head is its own matrix (tie_word_embeddings=false): ${width.value} → ${s.vocab} logits, no bias.`,
    );
    plan.tensors.push(...p.linear(name, d(s.vocab, 'vocab'), width, false));
  }
  return plan;
}

function component(name: string, type: string, repeat = 1n): ComponentPlan {
  return { name, type, repeat, tensors: [], explain: [], extra: [], notes: [] };
}

/** Classification / QA heads on decoder-only models (transformers' Generic...For... classes). */
function decoderTaskHead(s: TransformerSpec, p: Parts, width: Term, classifierName: string): ComponentPlan | null {
  const labels = d(s.numLabels, 'labels');
  if (s.head === 'sequence-classification') {
    const c = component('score', 'classification head');
    c.explain.push(
      `Sequence classification reads the last token's hidden state: score is ${width.value} → ${s.numLabels} labels, no bias.`,
    );
    c.tensors.push(...p.linear('score', labels, width, false));
    return c;
  }
  if (s.head === 'token-classification') {
    const c = component(classifierName, 'token classification head');
    c.explain.push(`Token classification: one ${width.value} → ${s.numLabels} linear layer with bias, on every token.`);
    c.tensors.push(...p.linear(classifierName, labels, width, true));
    return c;
  }
  if (s.head === 'question-answering') {
    const c = component('qa_outputs', 'question answering head');
    c.explain.push(`Question answering: qa_outputs maps ${width.value} → 2 (start and end logits), with bias.`);
    c.tensors.push(...p.linear('qa_outputs', d(2n, 'start, end'), width, true));
    return c;
  }
  return null;
}

function llamaLike(s: TransformerSpec): ComponentPlan[] {
  const p = new Parts(s);
  const H = p.H;
  const base = s.head === 'base' ? '' : 'model.';
  const out: ComponentPlan[] = [];
  const emb = component(`${base}embed_tokens`, 'embeddings');
  emb.explain.push(`Token embedding: one row of ${s.hidden} for each of the ${s.vocab} tokens.`);
  emb.tensors.push(p.embedding(`${base}embed_tokens`, d(s.vocab, 'vocab')));
  if (s.modelType.startsWith('gemma'))
    emb.explain.push(
      `Gemma multiplies the embeddings by √${s.hidden} (a constant, not a parameter), and its RMSNorm weights are stored as offsets from 1: the counts are the same.`,
    );
  if (s.positions.kind === 'learned') {
    emb.explain.push(`Learned positions: ${s.positions.rows} rows of ${s.hidden}.`);
    emb.tensors.push(p.embedding(`${base}embed_positions`, d(s.positions.rows, 'positions')));
  } else if (s.positions.kind === 'rotary') {
    emb.explain.push('Positions are rotary (RoPE): computed, not learned, so 0 parameters.');
  }
  out.push(emb);

  const L = `${base}layers.0`;
  const block = component(`${base}layers.0-${s.layers - 1n}`, 'decoder layer', s.layers);
  block.explain.push(attentionExplain(s), mlpExplain(s));
  block.explain.push(
    normExplain(
      s,
      s.normsPerBlock === 4
        ? 'four per block, before and after attention and before and after the MLP'
        : 'two per block, before attention and before the MLP',
    ),
  );
  block.tensors.push(...p.norm(`${L}.input_layernorm`));
  if (s.layout === 'phi3') {
    const qkv = d(
      (s.heads + 2n * s.kvHeads) * s.headDim,
      `(${s.heads} + 2 x ${s.kvHeads}) heads x ${s.headDim}: q, k, v fused`,
    );
    block.tensors.push(...p.linear(`${L}.self_attn.qkv_proj`, qkv, H, s.attentionBias.qkv));
  } else {
    block.tensors.push(...p.linear(`${L}.self_attn.q_proj`, p.qDim, H, s.attentionBias.qkv));
    block.tensors.push(...p.linear(`${L}.self_attn.k_proj`, p.kvDim, H, s.attentionBias.qkv));
    block.tensors.push(...p.linear(`${L}.self_attn.v_proj`, p.kvDim, H, s.attentionBias.qkv));
  }
  if (s.qkNorm) {
    block.explain.push(
      `Queries and keys are RMS-normalised per head before attention: q_norm and k_norm, ${s.headDim} weights each.`,
    );
    block.tensors.push({ name: `${L}.self_attn.q_norm.weight`, dims: [d(s.headDim, 'head_dim')] });
    block.tensors.push({ name: `${L}.self_attn.k_norm.weight`, dims: [d(s.headDim, 'head_dim')] });
  }
  block.tensors.push(...p.linear(`${L}.self_attn.o_proj`, H, p.qDim, s.attentionBias.out));
  block.tensors.push(...p.norm(`${L}.post_attention_layernorm`));
  if (s.normsPerBlock === 4) block.tensors.push(...p.norm(`${L}.pre_feedforward_layernorm`));
  if (s.moe) {
    const E = d(s.moe.experts, 'experts');
    const moe = `${L}.block_sparse_moe`;
    block.tensors.push(...p.linear(`${moe}.gate`, E, H, false));
    block.tensors.push({ name: `${moe}.experts.*.w1.weight`, dims: [E, p.ffn, H] });
    block.tensors.push({ name: `${moe}.experts.*.w2.weight`, dims: [E, H, p.ffn] });
    block.tensors.push({ name: `${moe}.experts.*.w3.weight`, dims: [E, p.ffn, H] });
    const perExpert = 3n * s.hidden * s.ffn;
    block.inactivePerCopy = (s.moe.experts - s.moe.perToken) * perExpert;
    block.extra.push({
      kind: 'product',
      label: 'one expert (w1 + w2 + w3)',
      factors: [d(3n, 'matrices'), H, p.ffn],
      result: perExpert,
    });
    block.extra.push({
      kind: 'product',
      label: `experts a token uses (${s.moe.perToken} of ${s.moe.experts})`,
      factors: [d(s.moe.perToken, 'experts per token'), d(perExpert, 'per expert')],
      result: s.moe.perToken * perExpert,
    });
  } else if (s.layout === 'phi3') {
    const up = d(2n * s.ffn, `2 x ${s.ffn}: gate and up fused`);
    block.tensors.push(...p.linear(`${L}.mlp.gate_up_proj`, up, H, s.mlp.bias));
    block.tensors.push(...p.linear(`${L}.mlp.down_proj`, H, p.ffn, s.mlp.bias));
  } else {
    if (s.mlp.gated) block.tensors.push(...p.linear(`${L}.mlp.gate_proj`, p.ffn, H, s.mlp.bias));
    block.tensors.push(...p.linear(`${L}.mlp.up_proj`, p.ffn, H, s.mlp.bias));
    block.tensors.push(...p.linear(`${L}.mlp.down_proj`, H, p.ffn, s.mlp.bias));
  }
  if (s.normsPerBlock === 4) block.tensors.push(...p.norm(`${L}.post_feedforward_layernorm`));
  block.extra.unshift(...gqaSaving(s));
  out.push(block);

  if (s.finalNorm) {
    const fin = component(`${base}norm`, 'final norm');
    fin.explain.push('One more norm after the last block.');
    fin.tensors.push(...p.norm(`${base}norm`));
    out.push(fin);
  }
  if (s.head === 'causal-lm') out.push(headPlan(s, p, 'lm_head', H, 'embed_tokens'));
  const task = decoderTaskHead(s, p, H, 'score');
  if (task) out.push(task);
  return out;
}

function gpt2(s: TransformerSpec): ComponentPlan[] {
  const p = new Parts(s);
  const H = p.H;
  const base = s.head === 'base' ? '' : 'transformer.';
  const out: ComponentPlan[] = [];
  const emb = component(`${base}wte + ${base}wpe`, 'embeddings');
  emb.explain.push(
    `Token embedding wte: ${s.vocab} tokens x ${s.hidden}; learned positions wpe: one row per position.`,
  );
  emb.tensors.push(p.embedding(`${base}wte`, d(s.vocab, 'vocab')));
  if (s.positions.kind === 'learned') emb.tensors.push(p.embedding(`${base}wpe`, d(s.positions.rows, 'n_positions')));
  out.push(emb);
  const L = `${base}h.0`;
  const block = component(`${base}h.0-${s.layers - 1n}`, 'GPT2Block', s.layers);
  block.explain.push(
    `${attentionExplain(s)} GPT-2 keeps q, k and v in one Conv1D (c_attn, ${s.hidden} → 3 x ${s.hidden}, weight stored in x out) with biases.`,
    mlpExplain(s),
    normExplain(s, 'ln_1 before attention, ln_2 before the MLP'),
  );
  block.tensors.push(...p.norm(`${L}.ln_1`));
  block.tensors.push(...p.conv1d(`${L}.attn.c_attn`, H, d(3n * s.hidden, '3 x hidden: q, k, v')));
  block.tensors.push(...p.conv1d(`${L}.attn.c_proj`, H, H));
  block.tensors.push(...p.norm(`${L}.ln_2`));
  block.tensors.push(...p.conv1d(`${L}.mlp.c_fc`, H, d(s.ffn, 'n_inner')));
  block.tensors.push(...p.conv1d(`${L}.mlp.c_proj`, d(s.ffn, 'n_inner'), H));
  out.push(block);
  const fin = component(`${base}ln_f`, 'final norm');
  fin.explain.push('A final LayerNorm after the last block.');
  fin.tensors.push(...p.norm(`${base}ln_f`));
  out.push(fin);
  if (s.head === 'causal-lm') out.push(headPlan(s, p, 'lm_head', H, 'wte'));
  const task = decoderTaskHead(s, p, H, 'classifier');
  if (task) out.push(task);
  return out;
}

function gptNeox(s: TransformerSpec): ComponentPlan[] {
  const p = new Parts(s);
  const H = p.H;
  const base = s.head === 'base' ? '' : 'gpt_neox.';
  const out: ComponentPlan[] = [];
  const emb = component(`${base}embed_in`, 'embeddings');
  emb.explain.push(
    `Token embedding embed_in: ${s.vocab} tokens x ${s.hidden}. Positions are rotary (on part of each head): 0 parameters.`,
  );
  emb.tensors.push(p.embedding(`${base}embed_in`, d(s.vocab, 'vocab')));
  out.push(emb);
  const L = `${base}layers.0`;
  const block = component(`${base}layers.0-${s.layers - 1n}`, 'GPTNeoXLayer', s.layers);
  block.explain.push(
    `${attentionExplain(s)} GPT-NeoX fuses q, k and v into one query_key_value matrix (${s.hidden} → 3 x ${s.hidden}).`,
    mlpExplain(s),
    normExplain(s, 'input_layernorm before attention, post_attention_layernorm before the MLP'),
  );
  block.tensors.push(...p.norm(`${L}.input_layernorm`));
  block.tensors.push(...p.norm(`${L}.post_attention_layernorm`));
  block.tensors.push(
    ...p.linear(
      `${L}.attention.query_key_value`,
      d(3n * s.heads * s.headDim, '3 x hidden: q, k, v'),
      H,
      s.attentionBias.qkv,
    ),
  );
  block.tensors.push(...p.linear(`${L}.attention.dense`, H, p.qDim, s.attentionBias.out));
  block.tensors.push(...p.linear(`${L}.mlp.dense_h_to_4h`, p.ffn, H, true));
  block.tensors.push(...p.linear(`${L}.mlp.dense_4h_to_h`, H, p.ffn, true));
  out.push(block);
  const fin = component(`${base}final_layer_norm`, 'final norm');
  fin.explain.push('A final LayerNorm after the last block.');
  fin.tensors.push(...p.norm(`${base}final_layer_norm`));
  out.push(fin);
  if (s.head === 'causal-lm') out.push(headPlan(s, p, 'embed_out', H, 'embed_in'));
  const task = decoderTaskHead(s, p, H, 'classifier');
  if (task) out.push(task);
  return out;
}

function opt(s: TransformerSpec): ComponentPlan[] {
  const p = new Parts(s);
  const H = p.H;
  const base = s.head === 'base' ? 'decoder.' : 'model.decoder.';
  const P = d(s.embedWidth, 'word_embed_proj_dim');
  const out: ComponentPlan[] = [];
  const emb = component(`${base}embed_tokens + ${base}embed_positions`, 'embeddings');
  emb.explain.push(`Token embedding: ${s.vocab} tokens x ${s.embedWidth}.`);
  emb.tensors.push(p.embedding(`${base}embed_tokens`, d(s.vocab, 'vocab'), P));
  if (s.positions.kind === 'learned') {
    const rows = s.positions.rows;
    emb.explain.push(
      `Learned positions: OPT's table has max_position_embeddings + ${s.positions.offset} = ${rows} rows (the first ${s.positions.offset} are an offset kept from fairseq).`,
    );
    emb.tensors.push(p.embedding(`${base}embed_positions`, d(rows, 'positions + offset')));
  }
  if (s.embedWidth !== s.hidden) {
    emb.explain.push(
      `word_embed_proj_dim (${s.embedWidth}) differs from hidden (${s.hidden}): project_in and project_out convert between them (no bias).`,
    );
    emb.tensors.push(...p.linear(`${base}project_in`, H, P, false));
    emb.tensors.push(...p.linear(`${base}project_out`, P, H, false));
  }
  out.push(emb);
  const L = `${base}layers.0`;
  const block = component(`${base}layers.0-${s.layers - 1n}`, 'OPTDecoderLayer', s.layers);
  block.explain.push(attentionExplain(s), mlpExplain(s), normExplain(s, 'self_attn_layer_norm and final_layer_norm'));
  const b = s.attentionBias.qkv;
  block.tensors.push(...p.linear(`${L}.self_attn.k_proj`, p.kvDim, H, b));
  block.tensors.push(...p.linear(`${L}.self_attn.v_proj`, p.kvDim, H, b));
  block.tensors.push(...p.linear(`${L}.self_attn.q_proj`, p.qDim, H, b));
  block.tensors.push(...p.linear(`${L}.self_attn.out_proj`, H, p.qDim, s.attentionBias.out));
  block.tensors.push(...p.norm(`${L}.self_attn_layer_norm`));
  block.tensors.push(...p.linear(`${L}.fc1`, p.ffn, H, s.mlp.bias));
  block.tensors.push(...p.linear(`${L}.fc2`, H, p.ffn, s.mlp.bias));
  block.tensors.push(...p.norm(`${L}.final_layer_norm`));
  out.push(block);
  if (s.finalNorm) {
    const fin = component(`${base}final_layer_norm`, 'final norm');
    fin.explain.push('A final LayerNorm after the last block (do_layer_norm_before=true).');
    fin.tensors.push(...p.norm(`${base}final_layer_norm`));
    out.push(fin);
  }
  if (s.head === 'causal-lm') out.push(headPlan(s, p, 'lm_head', P, 'embed_tokens'));
  const task = decoderTaskHead(s, p, P, 'classifier');
  if (task) out.push(task);
  return out;
}

/** Where BERT and DistilBERT keep the same tensors under different names. */
const BERT_NAMES = {
  layers: 'encoder.layer',
  query: 'attention.self.query',
  key: 'attention.self.key',
  value: 'attention.self.value',
  attnOut: 'attention.output.dense',
  attnNorm: 'attention.output.LayerNorm',
  ffnIn: 'intermediate.dense',
  ffnOut: 'output.dense',
  outNorm: 'output.LayerNorm',
};
const DISTILBERT_NAMES: typeof BERT_NAMES = {
  layers: 'transformer.layer',
  query: 'attention.q_lin',
  key: 'attention.k_lin',
  value: 'attention.v_lin',
  attnOut: 'attention.out_lin',
  attnNorm: 'sa_layer_norm',
  ffnIn: 'ffn.lin1',
  ffnOut: 'ffn.lin2',
  outNorm: 'output_layer_norm',
};

function bert(s: TransformerSpec): ComponentPlan[] {
  const p = new Parts(s);
  const H = p.H;
  const distil = s.modelType === 'distilbert';
  const roberta = s.modelType !== 'bert' && !distil;
  const n = distil ? DISTILBERT_NAMES : BERT_NAMES;
  const prefix = s.head === 'base' ? '' : distil ? 'distilbert.' : roberta ? 'roberta.' : 'bert.';
  const E = `${prefix}embeddings`;
  const out: ComponentPlan[] = [];
  const emb = component(E, 'embeddings');
  emb.explain.push(
    s.tokenTypes > 0n
      ? `Three embedding tables of width ${s.hidden}, added together, then a LayerNorm: tokens (${s.vocab}), positions, token types (${s.tokenTypes}).`
      : `Two embedding tables of width ${s.hidden}, added together, then a LayerNorm: tokens (${s.vocab}) and positions; no token types.`,
  );
  emb.tensors.push(p.embedding(`${E}.word_embeddings`, d(s.vocab, 'vocab')));
  if (s.positions.kind === 'learned') {
    if (roberta && s.positions.offset > 0n)
      emb.explain.push(
        `RoBERTa's position ids start after padding_idx, so its table has max_position_embeddings = ${s.positions.rows} rows of which the first ${s.positions.offset} are never a real position; the table is counted whole.`,
      );
    emb.tensors.push(p.embedding(`${E}.position_embeddings`, d(s.positions.rows, 'max_position_embeddings')));
  }
  if (s.tokenTypes > 0n) emb.tensors.push(p.embedding(`${E}.token_type_embeddings`, d(s.tokenTypes, 'token types')));
  emb.tensors.push(...p.norm(`${E}.LayerNorm`));
  out.push(emb);
  const L = `${prefix}${n.layers}.0`;
  const block = component(`${prefix}${n.layers}.0-${s.layers - 1n}`, 'encoder layer', s.layers);
  block.explain.push(
    `${attentionExplain(s)} query, key, value and the output projection each have a bias.`,
    mlpExplain(s),
    normExplain(s, 'after attention and after the MLP (post-norm)'),
  );
  block.tensors.push(...p.linear(`${L}.${n.query}`, p.qDim, H, true));
  block.tensors.push(...p.linear(`${L}.${n.key}`, p.qDim, H, true));
  block.tensors.push(...p.linear(`${L}.${n.value}`, p.qDim, H, true));
  block.tensors.push(...p.linear(`${L}.${n.attnOut}`, H, p.qDim, true));
  block.tensors.push(...p.norm(`${L}.${n.attnNorm}`));
  block.tensors.push(...p.linear(`${L}.${n.ffnIn}`, p.ffn, H, true));
  block.tensors.push(...p.linear(`${L}.${n.ffnOut}`, H, p.ffn, true));
  block.tensors.push(...p.norm(`${L}.${n.outNorm}`));
  out.push(block);
  if (s.pooler) {
    const pool = component(`${prefix}pooler`, 'pooler');
    pool.explain.push(`The pooler: a dense ${s.hidden} → ${s.hidden} layer (with bias, then tanh) on the first token.`);
    pool.tensors.push(...p.linear(`${prefix}pooler.dense`, H, H, true));
    out.push(pool);
  }
  const mlm = s.head === 'masked-lm' || s.head === 'pretraining' || s.head === 'causal-lm';
  if (mlm) {
    const C = distil ? 'vocab_projector' : roberta ? 'lm_head' : 'cls.predictions';
    const head = component(distil ? 'vocab_transform + vocab_projector' : C, 'MLM head');
    head.explain.push(
      `The language-model head transforms each token (dense ${s.hidden} → ${s.hidden} + LayerNorm), then a decoder to ${s.vocab} logits with its own bias vector.`,
    );
    const T = roberta ? C : `${C}.transform`;
    head.tensors.push(...p.linear(distil ? 'vocab_transform' : `${T}.dense`, H, H, true));
    head.tensors.push(...p.norm(distil ? 'vocab_layer_norm' : roberta ? `${T}.layer_norm` : `${T}.LayerNorm`));
    if (s.tied)
      head.explain.push(
        `The decoder's weight (${s.vocab} x ${s.hidden}) is the word embedding itself (tie_word_embeddings): counted once, so it adds 0; its bias (${C}.bias) is its own.`,
      );
    else head.tensors.push(...p.linear(distil ? C : `${C}.decoder`, d(s.vocab, 'vocab'), H, false));
    head.tensors.push({ name: `${C}.bias`, dims: [d(s.vocab, 'vocab')] });
    out.push(head);
  }
  const labels = d(s.numLabels, 'labels');
  if (s.head === 'pretraining' || s.head === 'next-sentence') {
    const nsp = component('cls.seq_relationship', 'next-sentence head');
    nsp.explain.push(`Next-sentence prediction: the pooled ${s.hidden} → 2, with bias.`);
    nsp.tensors.push(...p.linear('cls.seq_relationship', d(2n, 'is next, is not'), H, true));
    out.push(nsp);
  }
  if (s.head === 'sequence-classification') {
    const c = component('classifier', 'classification head');
    if (distil) {
      c.explain.push(
        `DistilBERT's classification head (no pooler): pre_classifier ${s.hidden} → ${s.hidden} on the first token, then classifier → ${s.numLabels} labels, both with bias.`,
      );
      c.tensors.push(...p.linear('pre_classifier', H, H, true));
      c.tensors.push(...p.linear('classifier', labels, H, true));
    } else if (roberta) {
      c.explain.push(
        `RoBERTa's classification head (no pooler): dense ${s.hidden} → ${s.hidden} on the first token, then out_proj → ${s.numLabels} labels, both with bias.`,
      );
      c.tensors.push(...p.linear('classifier.dense', H, H, true));
      c.tensors.push(...p.linear('classifier.out_proj', labels, H, true));
    } else {
      c.explain.push(`The classifier reads the pooled output: ${s.hidden} → ${s.numLabels} labels, with bias.`);
      c.tensors.push(...p.linear('classifier', labels, H, true));
    }
    out.push(c);
  }
  if (s.head === 'token-classification') {
    const c = component('classifier', 'token classification head');
    c.explain.push(`Token classification: ${s.hidden} → ${s.numLabels} labels on every token, with bias.`);
    c.tensors.push(...p.linear('classifier', labels, H, true));
    out.push(c);
  }
  if (s.head === 'multiple-choice') {
    const c = component('classifier', 'multiple choice head');
    c.explain.push(`Multiple choice scores each pooled choice: ${s.hidden} → 1, with bias.`);
    if (distil) c.tensors.push(...p.linear('pre_classifier', H, H, true));
    c.tensors.push(...p.linear('classifier', d(1n, 'score'), H, true));
    out.push(c);
  }
  if (s.head === 'question-answering') {
    const c = component('qa_outputs', 'question answering head');
    c.explain.push(`Question answering: qa_outputs maps ${s.hidden} → 2 (start and end logits), with bias.`);
    c.tensors.push(...p.linear('qa_outputs', d(2n, 'start, end'), H, true));
    out.push(c);
  }
  return out;
}

function t5(s: TransformerSpec): ComponentPlan[] {
  const p = new Parts(s);
  const H = d(s.hidden, 'd_model');
  const inner = d(s.heads * s.headDim, `${s.heads} heads x d_kv ${s.headDim}`);
  const ff = d(s.ffn, 'd_ff');
  const buckets = s.positions.kind === 'relative' ? s.positions.buckets : 32n;
  const out: ComponentPlan[] = [];
  const emb = component('shared', 'embeddings');
  emb.explain.push(
    `One token embedding (shared: ${s.vocab} x ${s.hidden}) serves the encoder and the decoder: counted once. Positions are relative: a small learned bias per head, only in the first block of each stack.`,
  );
  emb.tensors.push(p.embedding('shared', d(s.vocab, 'vocab'), H));
  out.push(emb);
  const attention = (prefix: string): TensorPlan[] => [
    ...p.linear(`${prefix}.q`, inner, H, false),
    ...p.linear(`${prefix}.k`, inner, H, false),
    ...p.linear(`${prefix}.v`, inner, H, false),
    ...p.linear(`${prefix}.o`, H, inner, false),
  ];
  const feedForward = (prefix: string): TensorPlan[] =>
    s.mlp.gated
      ? [
          ...p.linear(`${prefix}.DenseReluDense.wi_0`, ff, H, false),
          ...p.linear(`${prefix}.DenseReluDense.wi_1`, ff, H, false),
          ...p.linear(`${prefix}.DenseReluDense.wo`, H, ff, false),
        ]
      : [
          ...p.linear(`${prefix}.DenseReluDense.wi`, ff, H, false),
          ...p.linear(`${prefix}.DenseReluDense.wo`, H, ff, false),
        ];
  const norm = (name: string): TensorPlan[] => p.norm(name, H);
  const stacks: { name: 'encoder' | 'decoder'; layers: bigint }[] = [{ name: 'encoder', layers: s.layers }];
  if (s.decoderLayers !== null) stacks.push({ name: 'decoder', layers: s.decoderLayers });
  const ffText = s.mlp.gated
    ? `a gated feed-forward (wi_0 and wi_1 ${s.hidden} → ${s.ffn}, wo back)`
    : `a feed-forward (wi ${s.hidden} → ${s.ffn}, wo back)`;
  for (const stack of stacks) {
    const B = `${stack.name}.block.0`;
    const block = component(`${stack.name}.block.0-${stack.layers - 1n}`, `${stack.name} block`, stack.layers);
    const dec = stack.name === 'decoder';
    block.explain.push(
      dec
        ? `A decoder block: self-attention, cross-attention over the encoder's output (EncDecAttention), and ${ffText}; no biases anywhere. T5's norm is RMS-style: a weight of ${s.hidden}, no bias, one before each sub-layer.`
        : `An encoder block: self-attention (q, k, v, o: ${s.hidden} → ${s.heads * s.headDim} and back, no biases) and ${ffText}. T5's norm is RMS-style: a weight of ${s.hidden}, no bias, one before each sub-layer.`,
    );
    block.tensors.push(...attention(`${B}.layer.0.SelfAttention`), ...norm(`${B}.layer.0.layer_norm`));
    if (dec) block.tensors.push(...attention(`${B}.layer.1.EncDecAttention`), ...norm(`${B}.layer.1.layer_norm`));
    const f = dec ? 2 : 1;
    block.tensors.push(...feedForward(`${B}.layer.${f}`), ...norm(`${B}.layer.${f}.layer_norm`));
    const rel = component(`${B}.layer.0.SelfAttention.relative_attention_bias`, 'relative position bias');
    rel.explain.push(
      `Only the first ${stack.name} block learns relative position biases: ${buckets} buckets x ${s.heads} heads; the other blocks reuse them.`,
    );
    rel.tensors.push(
      p.embedding(`${B}.layer.0.SelfAttention.relative_attention_bias`, d(buckets, 'buckets'), d(s.heads, 'heads')),
    );
    const fin = component(`${stack.name}.final_layer_norm`, 'final norm');
    fin.explain.push(`A final norm after the last ${stack.name} block.`);
    fin.tensors.push(...norm(`${stack.name}.final_layer_norm`));
    out.push(rel, block, fin);
  }
  if (s.head === 'seq2seq-lm') out.push(headPlan(s, p, 'lm_head', H, 'shared'));
  return out;
}

const LAYOUT_PLANS: Record<TransformerSpec['layout'], (s: TransformerSpec) => ComponentPlan[]> = {
  llama: llamaLike,
  phi3: llamaLike,
  gpt2,
  gpt_neox: gptNeox,
  opt,
  bert,
  t5,
};

/** Thousands separators for every run of 4+ digits in prose ("4096 → 14336" -> "4,096 → 14,336"). */
function groupNumbersIn(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) {
      out += text[i];
      i++;
      continue;
    }
    let j = i;
    while (j < text.length && text.charCodeAt(j) >= 48 && text.charCodeAt(j) <= 57) j++;
    const digits = text.slice(i, j);
    out += digits.length >= 4 && digits[0] !== '0' ? groupDigits(BigInt(digits)) : digits;
    i = j;
  }
  return out;
}

function stepsFor(plan: ComponentPlan, perCopy: bigint): Step[] {
  const steps: Step[] = plan.explain.map((text) => ({ kind: 'explain' as const, text: groupNumbersIn(text) }));
  for (const t of plan.tensors) steps.push({ kind: 'product', label: t.name, factors: t.dims, result: paramsOf(t) });
  steps.push(...plan.extra);
  if (plan.tensors.length > 1) {
    steps.push({
      kind: 'sum',
      label: plan.repeat > 1n ? 'one block' : 'total',
      terms: plan.tensors.map((t) => d(paramsOf(t), shortName(t.name))),
      result: perCopy,
    });
  }
  if (plan.repeat > 1n) {
    steps.push({
      kind: 'product',
      label: 'all blocks',
      factors: [d(plan.repeat, 'layers'), d(perCopy, 'per block')],
      result: plan.repeat * perCopy,
    });
  }
  return steps;
}

/**
 * The part of a tensor name a reader tells apart within one block: after the block index, and after
 * T5's sub-layer index ("model.layers.0.self_attn.q_proj.weight" -> "self_attn.q_proj.weight").
 */
function shortName(name: string): string {
  const parts = name.split('.');
  const isIndex = (p: string | undefined) => p !== undefined && p !== '' && [...p].every((c) => c >= '0' && c <= '9');
  let i = parts.findIndex(isIndex);
  if (i < 0) return parts.length <= 2 ? name : parts.slice(-2).join('.');
  if (parts[i + 1] === 'layer' && isIndex(parts[i + 2])) i += 2;
  return parts.slice(i + 1).join('.');
}

function toRecord(plan: ComponentPlan): TransformerComponent {
  let perCopy = 0n;
  let embeddingPerCopy = 0n;
  const tensors: TensorRecord[] = plan.tensors.map((t) => {
    const params = paramsOf(t);
    perCopy += params;
    if (t.embedding) embeddingPerCopy += params;
    return { name: t.name, shape: t.dims.map((x) => x.value), params, trainable: true };
  });
  const total = plan.repeat * perCopy;
  const notes = [...plan.notes];
  if (plan.repeat > 1n)
    notes.push(`Every one of the ${plan.repeat} blocks has these tensors; block 0's names are shown.`);
  const record = makeRecord({
    name: plan.name,
    type: plan.type,
    framework: 'pytorch',
    tensors,
    steps: stepsFor(plan, perCopy),
    notes,
    totals: { params: total, trainable: total },
  });
  return { record, repeat: plan.repeat, perCopy, embeddingParams: plan.repeat * embeddingPerCopy };
}

export function weightMemory(params: bigint): { dtype: WeightDtype; bytes: bigint }[] {
  return [
    { dtype: 'float32', bytes: params * 4n },
    { dtype: 'bfloat16', bytes: params * 2n },
    { dtype: 'int8', bytes: params },
    { dtype: '4-bit', bytes: (params + 1n) / 2n },
  ];
}

export function countTransformer(spec: TransformerSpec): TransformerRecord {
  const plans = LAYOUT_PLANS[spec.layout](spec);
  const components = plans.map(toRecord);
  let total = 0n;
  let embeddings = 0n;
  let inactive = 0n;
  plans.forEach((plan, i) => {
    const c = components[i]!;
    total += c.record.params;
    embeddings += c.embeddingParams;
    if (plan.inactivePerCopy) inactive += plan.repeat * plan.inactivePerCopy;
  });
  return {
    spec,
    components,
    total,
    withoutEmbeddings: total - embeddings,
    activePerToken: spec.moe ? total - inactive : null,
    memory: weightMemory(total),
    estimate: spec.assumptions.length > 0,
  };
}
