// `/transformer d_model=4096 layers=32 heads=32 kv_heads=8 ffn=14336 vocab=128256 gated rmsnorm untied`
// -> a TransformerSpec (a decoder-only model described by hand), or, with a family name first
// (`/transformer llama layers=16`), a config.json of that family with those fields set.
import { MAX_DIGITS, MAX_SIZE, MAX_STACKED_LAYERS } from '../limits.js';
import { KNOWN_MODEL_TYPES, readHfConfig } from '../engine/transformer/families.js';
import { TransformerSpecSchema } from '../engine/transformer/spec.js';
import type { TransformerSpec } from '../engine/transformer/spec.js';

export type ShorthandParse =
  | { ok: true; spec: TransformerSpec; notes: string[] }
  | { ok: false; error: string }
  | { ok: 'help' };

type SizeKey =
  | 'hidden'
  | 'layers'
  | 'heads'
  | 'kvHeads'
  | 'headDim'
  | 'ffn'
  | 'vocab'
  | 'positions'
  | 'experts'
  | 'topK';

/** The names people use for each size, from papers, configs and PyTorch. */
const SIZE_ALIASES: Record<string, SizeKey> = {
  d_model: 'hidden',
  dmodel: 'hidden',
  hidden: 'hidden',
  hidden_size: 'hidden',
  n_embd: 'hidden',
  dim: 'hidden',
  d: 'hidden',
  width: 'hidden',
  embed_dim: 'hidden',
  layers: 'layers',
  n_layer: 'layers',
  n_layers: 'layers',
  num_layers: 'layers',
  num_hidden_layers: 'layers',
  depth: 'layers',
  blocks: 'layers',
  heads: 'heads',
  n_head: 'heads',
  n_heads: 'heads',
  num_heads: 'heads',
  num_attention_heads: 'heads',
  nhead: 'heads',
  kv_heads: 'kvHeads',
  kv: 'kvHeads',
  n_kv_heads: 'kvHeads',
  num_kv_heads: 'kvHeads',
  num_key_value_heads: 'kvHeads',
  groups: 'kvHeads',
  head_dim: 'headDim',
  d_head: 'headDim',
  d_kv: 'headDim',
  ffn: 'ffn',
  ff: 'ffn',
  d_ff: 'ffn',
  ffn_dim: 'ffn',
  intermediate: 'ffn',
  intermediate_size: 'ffn',
  n_inner: 'ffn',
  mlp: 'ffn',
  dim_feedforward: 'ffn',
  vocab: 'vocab',
  vocab_size: 'vocab',
  v: 'vocab',
  positions: 'positions',
  max_pos: 'positions',
  max_positions: 'positions',
  max_position_embeddings: 'positions',
  n_positions: 'positions',
  context: 'positions',
  ctx: 'positions',
  experts: 'experts',
  num_experts: 'experts',
  num_local_experts: 'experts',
  top_k: 'topK',
  experts_per_token: 'topK',
  num_experts_per_tok: 'topK',
  active: 'topK',
};

type Flag =
  | 'gated'
  | 'plain'
  | 'rmsnorm'
  | 'layernorm'
  | 'bias'
  | 'no-bias'
  | 'tied'
  | 'untied'
  | 'rotary'
  | 'learned'
  | 'qk-norm'
  | 'base';

const FLAG_ALIASES: Record<string, Flag> = {
  gated: 'gated',
  swiglu: 'gated',
  geglu: 'gated',
  glu: 'gated',
  plain: 'plain',
  ungated: 'plain',
  gelu: 'plain',
  relu: 'plain',
  rmsnorm: 'rmsnorm',
  rms: 'rmsnorm',
  layernorm: 'layernorm',
  ln: 'layernorm',
  bias: 'bias',
  biases: 'bias',
  'no-bias': 'no-bias',
  nobias: 'no-bias',
  no_bias: 'no-bias',
  'bias=false': 'no-bias',
  'bias=true': 'bias',
  tied: 'tied',
  tie: 'tied',
  'tie_word_embeddings=true': 'tied',
  untied: 'untied',
  'tie_word_embeddings=false': 'untied',
  rotary: 'rotary',
  rope: 'rotary',
  learned: 'learned',
  'qk-norm': 'qk-norm',
  qk_norm: 'qk-norm',
  qknorm: 'qk-norm',
  base: 'base',
  'no-head': 'base',
  nohead: 'base',
};

/** For `/transformer <family> key=value`: each size's field name in that family's config.json. */
function familyField(modelType: string, key: SizeKey): string {
  const gpt2: Partial<Record<SizeKey, string>> = {
    hidden: 'n_embd',
    layers: 'n_layer',
    heads: 'n_head',
    ffn: 'n_inner',
    positions: 'n_positions',
  };
  const t5: Partial<Record<SizeKey, string>> = {
    hidden: 'd_model',
    layers: 'num_layers',
    heads: 'num_heads',
    ffn: 'd_ff',
    headDim: 'd_kv',
  };
  const common: Record<SizeKey, string> = {
    hidden: 'hidden_size',
    layers: 'num_hidden_layers',
    heads: 'num_attention_heads',
    kvHeads: 'num_key_value_heads',
    headDim: 'head_dim',
    ffn: modelType === 'opt' ? 'ffn_dim' : 'intermediate_size',
    vocab: 'vocab_size',
    positions: 'max_position_embeddings',
    experts: 'num_local_experts',
    topK: 'num_experts_per_tok',
  };
  const special = modelType === 'gpt2' ? gpt2 : modelType === 't5' || modelType === 'mt5' ? t5 : {};
  return special[key] ?? common[key];
}

export const SHORTHAND_EXAMPLE =
  '/transformer d_model=4096 layers=32 heads=32 kv_heads=8 ffn=14336 vocab=128256 gated rmsnorm untied';

function sizeValue(key: string, value: string): bigint | string {
  const v = value.replace(/_/g, '');
  if (!/^\d+$/.test(v)) {
    // 4k / 32k / 128k: people write context and vocab sizes that way.
    const k = /^(\d+)[kK]$/.exec(v);
    if (k && k[1]!.length <= 9) return BigInt(k[1]!) * 1024n;
    return `\`${key}=\` needs a whole number, e.g. \`${key}=4096\``;
  }
  if (v.length > MAX_DIGITS) return `\`${key}=${v.slice(0, 16)}\` has more than ${MAX_DIGITS} digits`;
  const n = BigInt(v);
  if (n < 1n || n > MAX_SIZE) return `\`${key}=\` must be from 1 to 10^12`;
  return n;
}

export function parseTransformerShorthand(text: string): ShorthandParse {
  const words = text
    .split(/[\s,]+/)
    .map((w) => w.trim())
    .filter((w) => w !== '');
  if (words.length === 0 || (words.length === 1 && /^(help|-h|--help|\?)$/i.test(words[0]!))) return { ok: 'help' };
  const sizes: Partial<Record<SizeKey, bigint>> = {};
  const flags = new Set<Flag>();
  let family: string | null = null;
  for (const [i, word] of words.entries()) {
    const lower = word.toLowerCase();
    const flag = FLAG_ALIASES[lower];
    if (flag) {
      flags.add(flag);
      continue;
    }
    const eq = lower.search(/[=:]/);
    if (eq < 0) {
      const asFamily = lower.replace(/-/g, '_');
      if (i === 0 && (KNOWN_MODEL_TYPES.includes(lower) || KNOWN_MODEL_TYPES.includes(asFamily))) {
        family = KNOWN_MODEL_TYPES.includes(lower) ? lower : asFamily;
        continue;
      }
      return {
        ok: false,
        error: `I don't know \`${word.slice(0, 40)}\` here. Give sizes as \`name=value\` and options as words, e.g. \`${SHORTHAND_EXAMPLE}\` (\`/transformer help\` lists every name).`,
      };
    }
    const key = lower.slice(0, eq);
    const sizeKey = SIZE_ALIASES[key];
    if (!sizeKey) {
      return {
        ok: false,
        error: `I don't know the size \`${key.slice(0, 40)}\`. I read hidden (d_model, n_embd), layers (n_layer), heads (n_head), kv_heads, head_dim, ffn (intermediate, d_ff), vocab, positions, experts and top_k, e.g. \`${SHORTHAND_EXAMPLE}\`.`,
      };
    }
    const value = sizeValue(key, lower.slice(eq + 1));
    if (typeof value === 'string') return { ok: false, error: `${value}. E.g. \`${SHORTHAND_EXAMPLE}\`.` };
    sizes[sizeKey] = value;
  }
  if (sizes.layers !== undefined && sizes.layers > BigInt(MAX_STACKED_LAYERS))
    return { ok: false, error: `That is ${sizes.layers} layers; I count at most ${MAX_STACKED_LAYERS}.` };
  if (family) return fromFamily(family, sizes, flags);
  return fromSizes(sizes, flags);
}

/** `/transformer llama layers=16`: the family's config defaults with these fields set. */
function fromFamily(family: string, sizes: Partial<Record<SizeKey, bigint>>, flags: Set<Flag>): ShorthandParse {
  const raw: Record<string, unknown> = { model_type: family };
  for (const [key, value] of Object.entries(sizes) as [SizeKey, bigint][])
    raw[familyField(family, key)] = Number(value);
  if (flags.has('tied')) raw.tie_word_embeddings = true;
  if (flags.has('untied')) raw.tie_word_embeddings = false;
  const read = readHfConfig(raw, flags.has('base') ? { autoClass: 'AutoModel' } : {});
  if (!read.ok) return { ok: false, error: read.error.replace('that config.json', `that ${family} model`) };
  const notes = [`Every size not given is ${family}'s own default (its configuration class in transformers).`];
  const structural = [...flags].filter((f) => !['tied', 'untied', 'base'].includes(f));
  if (structural.length > 0)
    notes.push(`With a family named, its own structure is used; ignored: ${structural.join(', ')}.`);
  return { ok: true, spec: read.spec, notes: [...notes, ...read.notes] };
}

function fromSizes(sizes: Partial<Record<SizeKey, bigint>>, flags: Set<Flag>): ShorthandParse {
  const missing = (['hidden', 'layers', 'heads', 'vocab'] as const).filter((k) => sizes[k] === undefined);
  if (missing.length > 0) {
    const names: Record<string, string> = { hidden: 'd_model', layers: 'layers', heads: 'heads', vocab: 'vocab' };
    return {
      ok: false,
      error: `I need ${missing.map((k) => `\`${names[k]}=\``).join(', ')} too, e.g. \`${SHORTHAND_EXAMPLE}\`, or name a family: \`/transformer llama\`.`,
    };
  }
  const hidden = sizes.hidden!;
  const heads = sizes.heads!;
  const notes: string[] = [];
  const kvHeads = sizes.kvHeads ?? heads;
  if (heads % kvHeads !== 0n)
    return {
      ok: false,
      error: `heads (${heads}) must be a multiple of kv_heads (${kvHeads}), e.g. heads=32 kv_heads=8.`,
    };
  let headDim = sizes.headDim;
  if (headDim === undefined) {
    if (hidden % heads !== 0n)
      return {
        ok: false,
        error: `d_model (${hidden}) is not divisible by heads (${heads}); give \`head_dim=\` if the heads are not d_model / heads wide.`,
      };
    headDim = hidden / heads;
  }
  const llamaStyle = flags.has('rmsnorm') || flags.has('gated');
  const gated = flags.has('gated') || (llamaStyle && !flags.has('plain'));
  const rms = flags.has('rmsnorm') || (llamaStyle && !flags.has('layernorm'));
  const bias = flags.has('bias') || (!flags.has('no-bias') && !llamaStyle);
  let ffn = sizes.ffn;
  if (ffn === undefined) {
    ffn = 4n * hidden;
    notes.push(`No ffn= given: the MLP is 4 x d_model = ${ffn} wide.`);
  }
  const learned = flags.has('learned') || (sizes.positions !== undefined && !flags.has('rotary'));
  if (learned && sizes.positions === undefined)
    return { ok: false, error: 'Learned positions need a table size: add `positions=2048` (or say `rotary`).' };
  const moe =
    sizes.experts !== undefined
      ? { experts: sizes.experts, perToken: sizes.topK ?? (sizes.experts > 1n ? 2n : 1n) }
      : null;
  if (moe && moe.perToken > moe.experts)
    return { ok: false, error: `top_k (${moe.perToken}) can't exceed experts (${moe.experts}).` };
  const tied = !flags.has('untied');
  notes.push(
    `Read as a decoder-only model: ${rms ? 'RMSNorm' : 'LayerNorm'}, ${gated || moe ? 'gated MLP' : '2-matrix MLP'}, ${bias ? 'with' : 'no'} biases, ${learned ? 'learned' : 'rotary'} positions, LM head ${tied ? 'tied to the embedding' : 'untied'}${flags.has('base') ? ' (not counted: base model)' : ''}.`,
  );
  const spec = TransformerSpecSchema.safeParse({
    modelType: 'transformer',
    architecture: 'decoder-only transformer',
    layout: 'llama',
    head: flags.has('base') ? 'base' : 'causal-lm',
    vocab: sizes.vocab!,
    hidden,
    layers: sizes.layers!,
    heads,
    kvHeads,
    headDim,
    ffn,
    positions: learned ? { kind: 'learned', rows: sizes.positions!, offset: 0n } : { kind: 'rotary' },
    tokenTypes: 0n,
    embedWidth: hidden,
    attentionBias: { qkv: bias, out: bias },
    qkNorm: flags.has('qk-norm'),
    mlp: { gated: gated || moe !== null, bias: bias && moe === null },
    norm: { kind: rms ? 'rmsnorm' : 'layernorm', bias: !rms && bias },
    normsPerBlock: 2,
    finalNorm: true,
    tied,
    pooler: false,
    numLabels: 2n,
    moe,
    decoderLayers: null,
    assumptions: [],
    notCounted: [],
  });
  if (!spec.success) return { ok: false, error: `Those sizes don't describe a model. E.g. \`${SHORTHAND_EXAMPLE}\`.` };
  return { ok: true, spec: spec.data, notes };
}

export function transformerHelpLines(): { title: string; lines: string[] }[] {
  return [
    {
      title: "/transformer: explain a transformer's parameter count",
      lines: [
        `\`${SHORTHAND_EXAMPLE}\` (Llama-3-8B's shape)`,
        '`/transformer llama` (LlamaConfig defaults), `/transformer gpt2 layers=24 hidden=1024 heads=16`, `/transformer bert`',
        'Or paste a config.json, or name a Hub model: `/params meta-llama/Meta-Llama-3-8B`, a huggingface.co URL, or `AutoModel.from_pretrained("gpt2")`.',
      ],
    },
    {
      title: 'Sizes (name=value)',
      lines: [
        '`d_model` (hidden, hidden_size, n_embd, dim), `layers` (n_layer, num_hidden_layers), `heads` (n_head)',
        '`kv_heads` (num_key_value_heads; fewer than heads = grouped-query attention), `head_dim`',
        '`ffn` (intermediate, intermediate_size, d_ff, n_inner; default 4 x d_model), `vocab` (vocab_size)',
        '`positions=N` (a learned position table), `experts=N top_k=K` (mixture of experts)',
      ],
    },
    {
      title: 'Options',
      lines: [
        '`gated` (SwiGLU: 3 MLP matrices) or `plain` (2), `rmsnorm` or `layernorm`, `bias` or `no-bias`',
        '`tied` (default) or `untied` LM head, `rotary` (default) or `learned` positions, `qk-norm`, `base` (no LM head)',
        'Families: gpt2, bert, distilbert, roberta, xlm-roberta, camembert, llama, mistral, qwen2, qwen3, gemma, gemma2, gemma3_text, phi3, gpt_neox, opt, t5, mt5, mixtral',
      ],
    },
  ];
}
