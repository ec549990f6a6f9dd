// A Hugging Face config.json (already parsed JSON) -> a TransformerSpec, family by family, with each
// family's defaults and structural choices as transformers' configuration_<family>.py and
// modeling_<family>.py make them. A model_type it does not know is read from generic fields and
// marked as an estimate, every assumption listed.
import { MAX_SIZE, MAX_STACKED_LAYERS } from '../../limits.js';
import { TransformerSpecSchema } from './spec.js';
import type { Head, Layout, TransformerSpec } from './spec.js';

export type ConfigReading = { ok: true; spec: TransformerSpec; notes: string[] } | { ok: false; error: string };

export interface ReadOptions {
  /** A model class to count instead of config.json's `architectures` (AutoModel -> the base model). */
  architecture?: string;
  /** The AutoModel class named in pasted code: 'AutoModel' (base), 'AutoModelForCausalLM'... */
  autoClass?: string;
}

class ConfigProblem extends Error {}

type Raw = Record<string, unknown>;

/** Reads sizes and flags out of a config object, quoting the field at fault. */
class Fields {
  constructor(readonly raw: Raw) {}

  has(key: string): boolean {
    return this.raw[key] !== undefined && this.raw[key] !== null;
  }

  /** The first of `keys` present, as a positive whole number; `fallback` when none is. */
  size(keys: string[], fallback: bigint | null): bigint {
    for (const key of keys) {
      if (!this.has(key)) continue;
      const v = this.raw[key];
      if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 1 || BigInt(v) > MAX_SIZE) {
        throw new ConfigProblem(
          `\`${key}\` should be a whole number from 1 to 10^12, not ${JSON.stringify(v)?.slice(0, 40)}`,
        );
      }
      return BigInt(v);
    }
    if (fallback === null) throw new ConfigProblem(`it has no \`${keys[0]}\``);
    return fallback;
  }

  optionalSize(keys: string[]): bigint | null {
    return keys.some((k) => this.has(k)) ? this.size(keys, null) : null;
  }

  flag(key: string, fallback: boolean): boolean {
    const v = this.raw[key];
    if (v === undefined || v === null) return fallback;
    if (typeof v !== 'boolean') throw new ConfigProblem(`\`${key}\` should be true or false`);
    return v;
  }

  text(key: string, fallback: string): string {
    const v = this.raw[key];
    return typeof v === 'string' ? v : fallback;
  }
}

/** The class suffix in `architectures` -> which head the model class puts on the base model. */
const HEAD_SUFFIXES: [string, Head][] = [
  ['ForCausalLM', 'causal-lm'],
  ['LMHeadModel', 'causal-lm'],
  ['ForMaskedLM', 'masked-lm'],
  ['ForPreTraining', 'pretraining'],
  ['ForSequenceClassification', 'sequence-classification'],
  ['ForTokenClassification', 'token-classification'],
  ['ForQuestionAnswering', 'question-answering'],
  ['ForMultipleChoice', 'multiple-choice'],
  ['ForNextSentencePrediction', 'next-sentence'],
  ['ForConditionalGeneration', 'seq2seq-lm'],
  ['EncoderModel', 'encoder-only'],
  ['Model', 'base'],
];

export function headOf(architecture: string): Head | null {
  for (const [suffix, head] of HEAD_SUFFIXES) if (architecture.endsWith(suffix)) return head;
  return null;
}

/** Heads each layout's family has in transformers (others are not counted, and said so). */
const LAYOUT_HEADS: Record<Layout, Head[]> = {
  llama: ['base', 'causal-lm', 'sequence-classification', 'token-classification', 'question-answering'],
  phi3: ['base', 'causal-lm', 'sequence-classification', 'token-classification'],
  gpt2: ['base', 'causal-lm', 'sequence-classification', 'token-classification', 'question-answering'],
  gpt_neox: ['base', 'causal-lm', 'sequence-classification', 'token-classification', 'question-answering'],
  opt: ['base', 'causal-lm', 'sequence-classification', 'question-answering'],
  bert: [
    'base',
    'causal-lm',
    'masked-lm',
    'pretraining',
    'sequence-classification',
    'token-classification',
    'question-answering',
    'multiple-choice',
    'next-sentence',
  ],
  t5: ['base', 'seq2seq-lm', 'encoder-only'],
};

const AUTO_HEADS: Record<string, Head> = {
  AutoModel: 'base',
  AutoModelForCausalLM: 'causal-lm',
  AutoModelForMaskedLM: 'masked-lm',
  AutoModelForPreTraining: 'pretraining',
  AutoModelForSequenceClassification: 'sequence-classification',
  AutoModelForTokenClassification: 'token-classification',
  AutoModelForQuestionAnswering: 'question-answering',
  AutoModelForMultipleChoice: 'multiple-choice',
  AutoModelForNextSentencePrediction: 'next-sentence',
  AutoModelForSeq2SeqLM: 'seq2seq-lm',
};

/** What each family's model classes are called, for the title ("LlamaForCausalLM"). */
const HEAD_CLASS_SUFFIX: Record<Head, string> = {
  base: 'Model',
  'causal-lm': 'ForCausalLM',
  'masked-lm': 'ForMaskedLM',
  pretraining: 'ForPreTraining',
  'sequence-classification': 'ForSequenceClassification',
  'token-classification': 'ForTokenClassification',
  'question-answering': 'ForQuestionAnswering',
  'multiple-choice': 'ForMultipleChoice',
  'next-sentence': 'ForNextSentencePrediction',
  'seq2seq-lm': 'ForConditionalGeneration',
  'encoder-only': 'EncoderModel',
};

interface Family {
  layout: Layout;
  /** Class name prefix in transformers ("Llama"). */
  prefix: string;
  /** The class counted when config.json names none. */
  defaultHead: Head;
  read: (f: Fields, spec: Partial<TransformerSpec>) => Partial<TransformerSpec>;
}

/** Llama, Mistral, Qwen2, Gemma, Mixtral, Phi-3 share the reading; defaults and flags differ. */
function llamaFamily(
  prefix: string,
  defaults: {
    vocab: bigint;
    hidden: bigint;
    ffn: bigint;
    layers: bigint;
    heads: bigint;
    kvHeads: bigint | null;
    headDim: bigint | null;
    tie: boolean;
  },
  choices: {
    qkvBias?: boolean;
    outBias?: boolean;
    normsPerBlock?: number;
    qkNorm?: boolean;
    moe?: { experts: bigint; perToken: bigint };
    layout?: Layout;
  } = {},
): Family {
  return {
    layout: choices.layout ?? 'llama',
    prefix,
    defaultHead: 'causal-lm',
    read: (f) => {
      const hidden = f.size(['hidden_size'], defaults.hidden);
      const heads = f.size(['num_attention_heads'], defaults.heads);
      const attentionBias = f.flag('attention_bias', false);
      const headDim = f.optionalSize(['head_dim']) ?? defaults.headDim ?? exactDiv(hidden, heads, 'hidden_size');
      return {
        vocab: f.size(['vocab_size'], defaults.vocab),
        hidden,
        layers: f.size(['num_hidden_layers'], defaults.layers),
        heads,
        kvHeads: f.size(['num_key_value_heads'], defaults.kvHeads ?? heads),
        headDim,
        ffn: f.size(['intermediate_size'], defaults.ffn),
        positions: { kind: 'rotary' },
        tokenTypes: 0n,
        embedWidth: hidden,
        attentionBias: {
          qkv: choices.qkvBias ?? attentionBias,
          out: choices.outBias ?? attentionBias,
        },
        qkNorm: choices.qkNorm ?? false,
        mlp: { gated: true, bias: f.flag('mlp_bias', false) },
        norm: { kind: 'rmsnorm', bias: false },
        normsPerBlock: choices.normsPerBlock ?? 2,
        finalNorm: true,
        tied: f.flag('tie_word_embeddings', defaults.tie),
        moe: choices.moe
          ? {
              experts: f.size(['num_local_experts'], choices.moe.experts),
              perToken: f.size(['num_experts_per_tok'], choices.moe.perToken),
            }
          : null,
      };
    },
  };
}

function exactDiv(a: bigint, b: bigint, what: string): bigint {
  if (a % b !== 0n) throw new ConfigProblem(`${what} (${a}) is not divisible by the number of heads (${b})`);
  return a / b;
}

function bertFamily(prefix: string, vocab: bigint, roberta: boolean): Family {
  return {
    layout: 'bert',
    prefix,
    defaultHead: 'base',
    read: (f, spec) => {
      const hidden = f.size(['hidden_size'], 768n);
      const heads = f.size(['num_attention_heads'], 12n);
      const pad = roberta ? f.size(['pad_token_id'], 1n) : 0n;
      const type = f.text('position_embedding_type', 'absolute');
      if (type !== 'absolute') spec.notCounted?.push(`relative position embeddings (position_embedding_type=${type})`);
      return {
        vocab: f.size(['vocab_size'], vocab),
        hidden,
        layers: f.size(['num_hidden_layers'], 12n),
        heads,
        kvHeads: heads,
        headDim: exactDiv(hidden, heads, 'hidden_size'),
        ffn: f.size(['intermediate_size'], 3072n),
        positions: {
          kind: 'learned',
          rows: f.size(['max_position_embeddings'], 512n),
          offset: roberta ? pad + 1n : 0n,
        },
        tokenTypes: f.size(['type_vocab_size'], 2n),
        embedWidth: hidden,
        attentionBias: { qkv: true, out: true },
        qkNorm: false,
        mlp: { gated: false, bias: true },
        norm: { kind: 'layernorm', bias: true },
        normsPerBlock: 2,
        finalNorm: false,
        tied: f.flag('tie_word_embeddings', true),
        moe: null,
      };
    },
  };
}

function t5Family(
  prefix: string,
  d: {
    vocab: bigint;
    dModel: bigint;
    dKv: bigint;
    dFf: bigint;
    layers: bigint;
    heads: bigint;
    ff: string;
    tie: boolean;
  },
): Family {
  return {
    layout: 't5',
    prefix,
    defaultHead: 'seq2seq-lm',
    read: (f) => {
      const layers = f.size(['num_layers'], d.layers);
      const ff = f.text('feed_forward_proj', d.ff);
      const hidden = f.size(['d_model'], d.dModel);
      return {
        vocab: f.size(['vocab_size'], d.vocab),
        hidden,
        layers,
        heads: f.size(['num_heads'], d.heads),
        kvHeads: f.size(['num_heads'], d.heads),
        headDim: f.size(['d_kv'], d.dKv),
        ffn: f.size(['d_ff'], d.dFf),
        positions: { kind: 'relative', buckets: f.size(['relative_attention_num_buckets'], 32n) },
        tokenTypes: 0n,
        embedWidth: hidden,
        attentionBias: { qkv: false, out: false },
        qkNorm: false,
        mlp: { gated: ff.startsWith('gated-'), bias: false },
        norm: { kind: 'rmsnorm', bias: false },
        normsPerBlock: 2,
        finalNorm: true,
        tied: f.flag('tie_word_embeddings', d.tie),
        moe: null,
        decoderLayers: f.size(['num_decoder_layers'], layers),
      };
    },
  };
}

const FAMILIES: Record<string, Family> = {
  gpt2: {
    layout: 'gpt2',
    prefix: 'GPT2',
    defaultHead: 'causal-lm',
    read: (f, spec) => {
      const hidden = f.size(['n_embd', 'hidden_size'], 768n);
      const heads = f.size(['n_head', 'num_attention_heads'], 12n);
      if (f.flag('add_cross_attention', false)) spec.notCounted?.push('cross-attention (add_cross_attention=true)');
      return {
        vocab: f.size(['vocab_size'], 50257n),
        hidden,
        layers: f.size(['n_layer', 'num_hidden_layers'], 12n),
        heads,
        kvHeads: heads,
        headDim: exactDiv(hidden, heads, 'n_embd'),
        ffn: f.size(['n_inner'], 4n * hidden),
        positions: { kind: 'learned', rows: f.size(['n_positions', 'max_position_embeddings'], 1024n), offset: 0n },
        tokenTypes: 0n,
        embedWidth: hidden,
        attentionBias: { qkv: true, out: true },
        qkNorm: false,
        mlp: { gated: false, bias: true },
        norm: { kind: 'layernorm', bias: true },
        normsPerBlock: 2,
        finalNorm: true,
        tied: f.flag('tie_word_embeddings', true),
        moe: null,
      };
    },
  },
  bert: bertFamily('Bert', 30522n, false),
  roberta: bertFamily('Roberta', 50265n, true),
  'xlm-roberta': bertFamily('XLMRoberta', 250002n, true),
  camembert: bertFamily('Camembert', 30522n, true),
  distilbert: {
    layout: 'bert',
    prefix: 'DistilBert',
    defaultHead: 'base',
    read: (f) => {
      const hidden = f.size(['dim', 'hidden_size'], 768n);
      const heads = f.size(['n_heads', 'num_attention_heads'], 12n);
      return {
        vocab: f.size(['vocab_size'], 30522n),
        hidden,
        layers: f.size(['n_layers', 'num_hidden_layers'], 6n),
        heads,
        kvHeads: heads,
        headDim: exactDiv(hidden, heads, 'dim'),
        ffn: f.size(['hidden_dim', 'intermediate_size'], 3072n),
        positions: { kind: 'learned', rows: f.size(['max_position_embeddings'], 512n), offset: 0n },
        tokenTypes: 0n,
        embedWidth: hidden,
        attentionBias: { qkv: true, out: true },
        qkNorm: false,
        mlp: { gated: false, bias: true },
        norm: { kind: 'layernorm', bias: true },
        normsPerBlock: 2,
        finalNorm: false,
        tied: f.flag('tie_word_embeddings', true),
        moe: null,
      };
    },
  },
  llama: llamaFamily('Llama', {
    vocab: 32000n,
    hidden: 4096n,
    ffn: 11008n,
    layers: 32n,
    heads: 32n,
    kvHeads: null,
    headDim: null,
    tie: false,
  }),
  mistral: llamaFamily(
    'Mistral',
    { vocab: 32000n, hidden: 4096n, ffn: 14336n, layers: 32n, heads: 32n, kvHeads: 8n, headDim: null, tie: false },
    { qkvBias: false, outBias: false },
  ),
  qwen2: llamaFamily(
    'Qwen2',
    { vocab: 151936n, hidden: 4096n, ffn: 22016n, layers: 32n, heads: 32n, kvHeads: null, headDim: null, tie: false },
    { qkvBias: true, outBias: false },
  ),
  gemma: llamaFamily('Gemma', {
    vocab: 256000n,
    hidden: 3072n,
    ffn: 24576n,
    layers: 28n,
    heads: 16n,
    kvHeads: 16n,
    headDim: 256n,
    tie: true,
  }),
  gemma2: llamaFamily(
    'Gemma2',
    { vocab: 256000n, hidden: 2304n, ffn: 9216n, layers: 26n, heads: 8n, kvHeads: 4n, headDim: 256n, tie: true },
    { normsPerBlock: 4 },
  ),
  gemma3_text: llamaFamily(
    'Gemma3',
    { vocab: 262208n, hidden: 2304n, ffn: 9216n, layers: 26n, heads: 8n, kvHeads: 4n, headDim: 256n, tie: true },
    { normsPerBlock: 4, qkNorm: true },
  ),
  qwen3: llamaFamily(
    'Qwen3',
    { vocab: 151936n, hidden: 4096n, ffn: 22016n, layers: 32n, heads: 32n, kvHeads: null, headDim: 128n, tie: false },
    { qkNorm: true },
  ),
  mixtral: llamaFamily(
    'Mixtral',
    { vocab: 32000n, hidden: 4096n, ffn: 14336n, layers: 32n, heads: 32n, kvHeads: 8n, headDim: null, tie: false },
    { qkvBias: false, outBias: false, moe: { experts: 8n, perToken: 2n } },
  ),
  phi3: llamaFamily(
    'Phi3',
    { vocab: 32064n, hidden: 3072n, ffn: 8192n, layers: 32n, heads: 32n, kvHeads: null, headDim: null, tie: false },
    { qkvBias: false, outBias: false, layout: 'phi3' },
  ),
  gpt_neox: {
    layout: 'gpt_neox',
    prefix: 'GPTNeoX',
    defaultHead: 'causal-lm',
    read: (f) => {
      const hidden = f.size(['hidden_size'], 6144n);
      const heads = f.size(['num_attention_heads'], 64n);
      const bias = f.flag('attention_bias', true);
      return {
        vocab: f.size(['vocab_size'], 50432n),
        hidden,
        layers: f.size(['num_hidden_layers'], 44n),
        heads,
        kvHeads: heads,
        headDim: exactDiv(hidden, heads, 'hidden_size'),
        ffn: f.size(['intermediate_size'], 24576n),
        positions: { kind: 'rotary' },
        tokenTypes: 0n,
        embedWidth: hidden,
        attentionBias: { qkv: bias, out: bias },
        qkNorm: false,
        mlp: { gated: false, bias: true },
        norm: { kind: 'layernorm', bias: true },
        normsPerBlock: 2,
        finalNorm: true,
        tied: f.flag('tie_word_embeddings', false),
        moe: null,
      };
    },
  },
  opt: {
    layout: 'opt',
    prefix: 'OPT',
    defaultHead: 'causal-lm',
    read: (f) => {
      const hidden = f.size(['hidden_size', 'd_model'], 768n);
      const heads = f.size(['num_attention_heads'], 12n);
      const bias = f.flag('enable_bias', true);
      const affine = f.flag('layer_norm_elementwise_affine', true);
      return {
        vocab: f.size(['vocab_size'], 50272n),
        hidden,
        layers: f.size(['num_hidden_layers'], 12n),
        heads,
        kvHeads: heads,
        headDim: exactDiv(hidden, heads, 'hidden_size'),
        ffn: f.size(['ffn_dim'], 3072n),
        // OPTLearnedPositionalEmbedding keeps 2 extra rows (fairseq's offset).
        positions: { kind: 'learned', rows: f.size(['max_position_embeddings'], 2048n) + 2n, offset: 2n },
        tokenTypes: 0n,
        embedWidth: f.size(['word_embed_proj_dim'], hidden),
        attentionBias: { qkv: bias, out: bias },
        qkNorm: false,
        mlp: { gated: false, bias },
        norm: { kind: affine ? 'layernorm' : 'none', bias: affine && bias },
        normsPerBlock: 2,
        finalNorm: f.flag('do_layer_norm_before', true) && !f.flag('_remove_final_layer_norm', false),
        tied: f.flag('tie_word_embeddings', true),
        moe: null,
      };
    },
  },
  t5: t5Family('T5', {
    vocab: 32128n,
    dModel: 512n,
    dKv: 64n,
    dFf: 2048n,
    layers: 6n,
    heads: 8n,
    ff: 'relu',
    tie: true,
  }),
  mt5: t5Family('MT5', {
    vocab: 250112n,
    dModel: 512n,
    dKv: 64n,
    dFf: 1024n,
    layers: 8n,
    heads: 6n,
    ff: 'gated-gelu',
    tie: false,
  }),
};

export const KNOWN_MODEL_TYPES = Object.keys(FAMILIES);

function numLabels(f: Fields): bigint {
  const labels = f.raw.id2label;
  if (labels && typeof labels === 'object' && !Array.isArray(labels)) {
    const n = Object.keys(labels).length;
    if (n > 0) return BigInt(n);
  }
  return f.size(['num_labels'], 2n);
}

/** The head to count: an explicit class, then `architectures`, then the family's main class. */
function pickHead(
  f: Fields,
  family: { layout: Layout; prefix: string; defaultHead: Head },
  opts: ReadOptions,
  notes: string[],
  notCounted: string[],
): { head: Head; architecture: string } {
  const archs = Array.isArray(f.raw.architectures)
    ? f.raw.architectures.filter((a): a is string => typeof a === 'string')
    : [];
  let architecture = opts.architecture ?? null;
  let head: Head | null = null;
  if (!architecture && opts.autoClass) {
    head = AUTO_HEADS[opts.autoClass] ?? null;
    if (head) architecture = family.prefix + HEAD_CLASS_SUFFIX[head];
  }
  if (!architecture && archs.length > 0) architecture = archs[0]!;
  if (!architecture) {
    head = family.defaultHead;
    architecture = family.prefix + HEAD_CLASS_SUFFIX[head];
    notes.push(`config.json names no architectures: counted as ${architecture}.`);
  }
  head ??= headOf(architecture);
  if (head === null || !LAYOUT_HEADS[family.layout].includes(head)) {
    const base = family.prefix + HEAD_CLASS_SUFFIX.base;
    notCounted.push(`the task head of ${architecture}`);
    notes.push(`I don't know the head of ${architecture}: counted the ${base} inside it.`);
    return { head: 'base', architecture: base };
  }
  return { head, architecture };
}

function poolerFor(layout: Layout, modelType: string, head: Head): boolean {
  // DistilBERT has no pooler in any of its classes.
  if (layout !== 'bert' || modelType === 'distilbert') return false;
  if (head === 'sequence-classification') return modelType === 'bert';
  return ['base', 'pretraining', 'multiple-choice', 'next-sentence'].includes(head);
}

/** Unknown model_type: a Llama- or GPT-style decoder from the generic fields, every guess written down. */
function readGeneric(f: Fields, modelType: string, opts: ReadOptions, notes: string[]): TransformerSpec {
  const assumptions: string[] = [`model_type "${modelType}" is not one I know, so this is read from generic fields`];
  if (f.flag('is_encoder_decoder', false))
    throw new ConfigProblem(
      `model_type "${modelType}" is an encoder-decoder I don't know, and I won't guess its layout`,
    );
  const hidden = f.size(['hidden_size', 'n_embd', 'd_model', 'dim'], null);
  const layers = f.size(['num_hidden_layers', 'n_layer', 'num_layers', 'n_layers'], null);
  const heads = f.size(['num_attention_heads', 'n_head', 'num_heads', 'n_heads'], null);
  const vocab = f.size(['vocab_size'], null);
  const llamaLike = f.has('rms_norm_eps') || f.has('num_key_value_heads');
  let ffn = f.optionalSize(['intermediate_size', 'n_inner', 'ffn_dim', 'd_ff', 'ffn_hidden_size']);
  if (ffn === null) {
    ffn = 4n * hidden;
    assumptions.push(`MLP width 4 x hidden = ${ffn} (no intermediate_size)`);
  }
  const kvHeads = f.optionalSize(['num_key_value_heads', 'n_kv_heads', 'num_kv_heads']) ?? heads;
  const headDim = f.optionalSize(['head_dim']) ?? exactDiv(hidden, heads, 'hidden_size');
  const tied = f.flag('tie_word_embeddings', true);
  if (!f.has('tie_word_embeddings')) assumptions.push('LM head tied to the token embedding (the transformers default)');
  const experts = f.optionalSize(['num_local_experts', 'num_experts', 'n_routed_experts']);
  const moe = experts ? { experts, perToken: f.size(['num_experts_per_tok', 'top_k'], 2n) } : null;
  if (moe) {
    ffn = f.optionalSize(['moe_intermediate_size']) ?? ffn;
    assumptions.push(
      `every layer is a mixture of ${moe.experts} gated experts of width ${ffn} with a bias-free router, like Mixtral (no shared experts)`,
    );
  }
  const maxPositions = f.optionalSize(['max_position_embeddings', 'n_positions']);
  const rotary = llamaLike || f.has('rope_theta') || f.has('rope_scaling') || f.has('rotary_pct') || !maxPositions;
  if (llamaLike)
    assumptions.push('Llama-style blocks: RMSNorm (weight only), gated MLP (3 matrices), no biases, rotary positions');
  else
    assumptions.push(
      `GPT-style blocks: LayerNorm (weight and bias), 2-matrix MLP, biases everywhere, ${rotary ? 'rotary positions (no table)' : `a learned position table of ${maxPositions} rows`}`,
    );
  const archs = Array.isArray(f.raw.architectures) ? f.raw.architectures.filter((a) => typeof a === 'string') : [];
  const architecture = opts.architecture ?? (archs[0] as string | undefined) ?? `${modelType} (decoder)`;
  let head: Head = headOf(architecture) ?? 'causal-lm';
  if (!LAYOUT_HEADS.llama.includes(head)) head = 'causal-lm';
  if (!archs.length) notes.push('config.json names no architectures: counted as a causal language model.');
  return {
    modelType,
    architecture,
    layout: 'llama',
    head,
    vocab,
    hidden,
    layers,
    heads,
    kvHeads,
    headDim,
    ffn,
    positions: rotary ? { kind: 'rotary' } : { kind: 'learned', rows: maxPositions!, offset: 0n },
    tokenTypes: 0n,
    embedWidth: hidden,
    attentionBias: { qkv: !llamaLike, out: !llamaLike },
    qkNorm: false,
    mlp: { gated: llamaLike || moe !== null, bias: !llamaLike && moe === null },
    norm: { kind: llamaLike ? 'rmsnorm' : 'layernorm', bias: !llamaLike },
    normsPerBlock: 2,
    finalNorm: true,
    tied,
    pooler: false,
    numLabels: numLabels(f),
    moe,
    decoderLayers: null,
    assumptions,
    notCounted: [],
  };
}

/** Reads a parsed config.json. Never throws. */
export function readHfConfig(raw: unknown, opts: ReadOptions = {}): ConfigReading {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw))
    return { ok: false, error: 'A config.json is one JSON object, e.g. `{"model_type": "gpt2", "n_layer": 12, ...}`.' };
  const notes: string[] = [];
  try {
    let f = new Fields(raw as Raw);
    let modelType = f.text('model_type', '');
    const notCounted: string[] = [];
    // Multimodal wrappers (LLaVA, Gemma 3...) carry a known language model in text_config.
    const text = f.raw.text_config;
    if (!FAMILIES[modelType] && text && typeof text === 'object' && !Array.isArray(text)) {
      const inner = new Fields(text as Raw);
      const innerType = inner.text('model_type', '');
      if (FAMILIES[innerType]) {
        notCounted.push(
          `everything outside the language model of "${modelType || 'this model'}" (vision tower, projector)`,
        );
        notes.push(`Counted the language model in text_config (${innerType}) only.`);
        f = inner;
        modelType = innerType;
        opts = { architecture: FAMILIES[innerType]!.prefix + HEAD_CLASS_SUFFIX['causal-lm'] };
      }
    }
    if (modelType === '' && !f.has('hidden_size') && !f.has('n_embd') && !f.has('d_model'))
      return {
        ok: false,
        error:
          'That JSON has no `model_type` and no size fields, so it does not look like a Hugging Face config.json. Paste the whole file, e.g. `{"model_type": "llama", "hidden_size": 4096, ...}`.',
      };
    const family = FAMILIES[modelType];
    const spec: TransformerSpec = family
      ? readKnown(f, modelType, family, opts, notes, notCounted)
      : readGeneric(f, modelType || 'unknown', opts, notes);
    if (spec.heads % spec.kvHeads !== 0n)
      throw new ConfigProblem(
        `num_attention_heads (${spec.heads}) is not a multiple of num_key_value_heads (${spec.kvHeads})`,
      );
    const deepest = spec.decoderLayers !== null && spec.decoderLayers > spec.layers ? spec.decoderLayers : spec.layers;
    if (deepest > BigInt(MAX_STACKED_LAYERS))
      throw new ConfigProblem(`it has ${deepest} layers in a stack; I count at most ${MAX_STACKED_LAYERS}`);
    const checked = TransformerSpecSchema.safeParse(spec);
    if (!checked.success) throw new ConfigProblem('its sizes do not describe a model I can count');
    return { ok: true, spec: checked.data, notes };
  } catch (err) {
    if (err instanceof ConfigProblem) return { ok: false, error: `I can't count that config.json: ${err.message}.` };
    throw err;
  }
}

function readKnown(
  f: Fields,
  modelType: string,
  family: Family,
  opts: ReadOptions,
  notes: string[],
  notCounted: string[],
): TransformerSpec {
  const { head, architecture } = pickHead(f, family, opts, notes, notCounted);
  const partial: Partial<TransformerSpec> = { notCounted };
  const read = family.read(f, partial);
  const spec = {
    ...read,
    modelType,
    architecture,
    layout: family.layout,
    head,
    pooler: poolerFor(family.layout, modelType, head),
    numLabels: numLabels(f),
    decoderLayers: family.layout === 't5' && head !== 'encoder-only' ? (read.decoderLayers ?? null) : null,
    assumptions: [],
    notCounted,
  } as TransformerSpec;
  return spec;
}
