// The typed description of a transformer the counter takes: sizes, and the structural choices each
// family's modeling file makes (biases, norms, gated MLP, tied head...). Families (families.ts) and the
// `/transformer` shorthand both produce one; the counter (count.ts) never looks at a config.json.
import { z } from 'zod';

const size = z.bigint().positive();

/** Whose module tree (and so whose tensor names) the model has. */
export const LAYOUTS = ['gpt2', 'bert', 'llama', 'phi3', 'gpt_neox', 'opt', 't5'] as const;
export type Layout = (typeof LAYOUTS)[number];

/** Which model class around the base model: what `architectures` in config.json names. */
export const HEADS = [
  'base',
  'causal-lm',
  'masked-lm',
  'pretraining',
  'sequence-classification',
  'token-classification',
  'question-answering',
  'multiple-choice',
  'next-sentence',
  'seq2seq-lm',
  'encoder-only',
] as const;
export type Head = (typeof HEADS)[number];

export const TransformerSpecSchema = z.object({
  /** config.json's model_type ('llama'), or 'transformer' for the shorthand. */
  modelType: z.string(),
  /** The model class counted ('LlamaForCausalLM'). */
  architecture: z.string(),
  layout: z.enum(LAYOUTS),
  head: z.enum(HEADS),
  vocab: size,
  hidden: size,
  layers: size,
  heads: size,
  /** num_key_value_heads: fewer than heads is grouped-query attention. */
  kvHeads: size,
  headDim: size,
  /** intermediate_size / n_inner / ffn_dim / d_ff. */
  ffn: size,
  /** Learned position table rows (GPT-2 n_positions, BERT max_position_embeddings, OPT max + 2). */
  positions: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('learned'), rows: size, offset: z.bigint().nonnegative() }),
    z.object({ kind: z.literal('rotary') }),
    z.object({ kind: z.literal('relative'), buckets: size }),
  ]),
  /** BERT token_type_embeddings rows; 0 = none. */
  tokenTypes: z.bigint().nonnegative(),
  /** Width of the token embedding (OPT word_embed_proj_dim); equal to hidden elsewhere. */
  embedWidth: size,
  attentionBias: z.object({ qkv: z.boolean(), out: z.boolean() }),
  /** RMSNorm over each head's queries and keys (Gemma 3, Qwen3): a weight of head_dim each. */
  qkNorm: z.boolean(),
  mlp: z.object({ gated: z.boolean(), bias: z.boolean() }),
  /** 'none': LayerNorm without learnable weights (OPT layer_norm_elementwise_affine=false). */
  norm: z.object({ kind: z.enum(['layernorm', 'rmsnorm', 'none']), bias: z.boolean() }),
  /** Norms inside one block (2 almost everywhere; Gemma 2 has 4). */
  normsPerBlock: z.number().int().min(0).max(8),
  finalNorm: z.boolean(),
  /** LM head (or MLM decoder) shares the token embedding's weight: counted once. */
  tied: z.boolean(),
  /** BERT-style pooler (dense H x H + tanh) on the first token. */
  pooler: z.boolean(),
  numLabels: size,
  moe: z.object({ experts: size, perToken: size }).nullable(),
  /** T5: decoder blocks (null = no decoder, or not an encoder-decoder). */
  decoderLayers: size.nullable(),
  /** What had to be assumed; non-empty makes the answer an estimate. */
  assumptions: z.array(z.string()),
  /** Parts of the config that were seen but not counted (makes the answer "at least"). */
  notCounted: z.array(z.string()),
});

export type TransformerSpec = z.infer<typeof TransformerSpecSchema>;
