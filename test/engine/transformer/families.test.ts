// Counts from transformers itself (model.num_parameters(), and exclude_embeddings=True), for real
// config.json files and for each family's config-class defaults.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { countTransformer, readHfConfig } from '../../../src/engine/transformer/index.js';
import type { ReadOptions } from '../../../src/engine/transformer/index.js';

function config(name: string): unknown {
  return JSON.parse(readFileSync(new URL(`../../fixtures/hf-configs/${name}.json`, import.meta.url), 'utf8'));
}

function count(raw: unknown, opts: ReadOptions = {}) {
  const read = readHfConfig(raw, opts);
  if (!read.ok) throw new Error(read.error);
  return countTransformer(read.spec);
}

describe('real config.json files, counted as their architectures name', () => {
  const cases: [string, bigint, string][] = [
    ['gpt2', 124_439_808n, 'GPT2LMHeadModel'],
    ['gpt2-medium', 354_823_168n, 'GPT2LMHeadModel'],
    ['bert-base-uncased', 109_514_298n, 'BertForMaskedLM'],
    ['roberta-base', 124_697_433n, 'RobertaForMaskedLM'],
    ['Meta-Llama-3-8B', 8_030_261_248n, 'LlamaForCausalLM'],
    ['Mistral-7B-v0.1', 7_241_732_096n, 'MistralForCausalLM'],
    ['Qwen2-7B', 7_615_616_512n, 'Qwen2ForCausalLM'],
    ['gemma-7b', 8_537_680_896n, 'GemmaForCausalLM'],
    ['Phi-3-mini-4k-instruct', 3_821_079_552n, 'Phi3ForCausalLM'],
    ['pythia-160m', 162_322_944n, 'GPTNeoXForCausalLM'],
    ['opt-125m', 125_239_296n, 'OPTForCausalLM'],
    ['opt-350m', 331_196_416n, 'OPTForCausalLM'],
    ['t5-small', 60_506_624n, 'T5ForConditionalGeneration'],
    ['Mixtral-8x7B-v0.1', 46_702_792_704n, 'MixtralForCausalLM'],
  ];
  for (const [name, total, architecture] of cases) {
    it(`${name}: ${total}`, () => {
      const r = count(config(name));
      expect(r.spec.architecture).toBe(architecture);
      expect(r.total).toBe(total);
      expect(r.estimate).toBe(false);
      // The components add up to the total.
      expect(r.components.reduce((s, c) => s + c.record.params, 0n)).toBe(total);
    });
  }
});

describe('base models and other heads', () => {
  it('BERT-base as BertModel (with its pooler): 109,482,240', () => {
    expect(count(config('bert-base-uncased'), { autoClass: 'AutoModel' }).total).toBe(109_482_240n);
    expect(count(config('bert-base-uncased'), { architecture: 'BertModel' }).total).toBe(109_482_240n);
  });
  it('BertForSequenceClassification with 2 labels: 109,483,778', () => {
    const raw = { ...(config('bert-base-uncased') as object), architectures: ['BertForSequenceClassification'] };
    expect(count(raw).total).toBe(109_483_778n);
  });
  it('RobertaModel 124,645,632; RobertaForSequenceClassification (classification head, no pooler) 124,647,170', () => {
    expect(count(config('roberta-base'), { architecture: 'RobertaModel' }).total).toBe(124_645_632n);
    const raw = { ...(config('roberta-base') as object), architectures: ['RobertaForSequenceClassification'] };
    expect(count(raw).total).toBe(124_647_170n);
  });
  it('num_labels comes from id2label', () => {
    const raw = {
      ...(config('bert-base-uncased') as object),
      architectures: ['BertForSequenceClassification'],
      id2label: { 0: 'a', 1: 'b', 2: 'c' },
    };
    expect(count(raw).total).toBe(109_482_240n + 3n * 768n + 3n);
  });
  it('GPT2Model (AutoModel) equals GPT2LMHeadModel: the head is tied', () => {
    expect(count(config('gpt2'), { autoClass: 'AutoModel' }).total).toBe(124_439_808n);
  });
  it('LlamaForSequenceClassification: score without bias', () => {
    const raw = { ...(config('Meta-Llama-3-8B') as object), architectures: ['LlamaForSequenceClassification'] };
    expect(count(raw).total).toBe(8_030_261_248n - 525_336_576n + 2n * 4096n);
  });
});

describe('config-class defaults (an empty config of each model_type)', () => {
  it('LlamaConfig(): Llama-2-7B shape, 6,738,415,616', () => {
    expect(count({ model_type: 'llama' }).total).toBe(6_738_415_616n);
  });
  it('MistralConfig(): 7,241,732,096', () => {
    expect(count({ model_type: 'mistral' }).total).toBe(7_241_732_096n);
  });
  it('GPT2Config(): 124,439,808', () => {
    expect(count({ model_type: 'gpt2' }).total).toBe(124_439_808n);
  });
  it('T5Config(): t5-small, 60,506,624', () => {
    expect(count({ model_type: 't5' }).total).toBe(60_506_624n);
  });
  it('BertConfig(): BertModel, 109,482,240', () => {
    expect(count({ model_type: 'bert' }).total).toBe(109_482_240n);
  });
});

describe('without embeddings (num_parameters(exclude_embeddings=True))', () => {
  it('GPT-2 leaves out wte and wpe', () => {
    const r = count(config('gpt2'));
    expect(r.withoutEmbeddings).toBe(124_439_808n - 50_257n * 768n - 1_024n * 768n);
  });
  it('Llama-3-8B leaves out embed_tokens but keeps the untied lm_head', () => {
    expect(count(config('Meta-Llama-3-8B')).withoutEmbeddings).toBe(8_030_261_248n - 525_336_576n);
  });
  it('T5 also leaves out relative_attention_bias (an nn.Embedding)', () => {
    expect(count(config('t5-small')).withoutEmbeddings).toBe(60_506_624n - 32_128n * 512n - 2n * 32n * 8n);
  });
});

describe('mixture of experts', () => {
  it('Mixtral-8x7B: 12,879,925,248 active per token (2 of 8 experts)', () => {
    expect(count(config('Mixtral-8x7B-v0.1')).activePerToken).toBe(12_879_925_248n);
  });
});

describe('tied models and head_dim', () => {
  it('Qwen2-0.5B (tied, GQA 14/2): 494,032,768', () => {
    const raw = {
      architectures: ['Qwen2ForCausalLM'],
      model_type: 'qwen2',
      hidden_size: 896,
      intermediate_size: 4864,
      num_attention_heads: 14,
      num_hidden_layers: 24,
      num_key_value_heads: 2,
      tie_word_embeddings: true,
      vocab_size: 151936,
    };
    expect(count(raw).total).toBe(494_032_768n);
  });
  it('Llama-3.2-1B (tied, head_dim 64): 1,235,814,400', () => {
    const raw = {
      architectures: ['LlamaForCausalLM'],
      model_type: 'llama',
      head_dim: 64,
      hidden_size: 2048,
      intermediate_size: 8192,
      num_attention_heads: 32,
      num_hidden_layers: 16,
      num_key_value_heads: 8,
      tie_word_embeddings: true,
      vocab_size: 128256,
    };
    expect(count(raw).total).toBe(1_235_814_400n);
  });
});

describe('memory', () => {
  it('Llama-3-8B weights: 4, 2, 1 and 0.5 bytes per parameter', () => {
    const m = count(config('Meta-Llama-3-8B')).memory;
    expect(m.map((x) => [x.dtype, x.bytes])).toEqual([
      ['float32', 32_121_044_992n],
      ['bfloat16', 16_060_522_496n],
      ['int8', 8_030_261_248n],
      ['4-bit', 4_015_130_624n],
    ]);
  });
});

describe('more published figures', () => {
  it('flan-t5-base (gated-gelu, untied lm_head): 247,577,856', () => {
    const raw = {
      architectures: ['T5ForConditionalGeneration'],
      model_type: 't5',
      d_ff: 2048,
      d_kv: 64,
      d_model: 768,
      feed_forward_proj: 'gated-gelu',
      num_decoder_layers: 12,
      num_heads: 12,
      num_layers: 12,
      relative_attention_num_buckets: 32,
      tie_word_embeddings: false,
      vocab_size: 32128,
    };
    expect(count(raw).total).toBe(247_577_856n);
  });
  it('gemma-2b (multi-query: 1 key/value head): 2,506,172,416', () => {
    const raw = {
      architectures: ['GemmaForCausalLM'],
      model_type: 'gemma',
      head_dim: 256,
      hidden_size: 2048,
      intermediate_size: 16384,
      num_attention_heads: 8,
      num_hidden_layers: 18,
      num_key_value_heads: 1,
      vocab_size: 256000,
    };
    expect(count(raw).total).toBe(2_506_172_416n);
  });
  it('gemma-2-9b (four norms per block): 9,241,705,984', () => {
    const raw = {
      architectures: ['Gemma2ForCausalLM'],
      model_type: 'gemma2',
      head_dim: 256,
      hidden_size: 3584,
      intermediate_size: 14336,
      num_attention_heads: 16,
      num_hidden_layers: 42,
      num_key_value_heads: 8,
      vocab_size: 256000,
    };
    expect(count(raw).total).toBe(9_241_705_984n);
  });
  it('Llama-2-70b (GQA 64/8): 68,976,648,192', () => {
    const raw = {
      architectures: ['LlamaForCausalLM'],
      model_type: 'llama',
      hidden_size: 8192,
      intermediate_size: 28672,
      num_attention_heads: 64,
      num_hidden_layers: 80,
      num_key_value_heads: 8,
      vocab_size: 32000,
    };
    expect(count(raw).total).toBe(68_976_648_192n);
  });
});

describe('bad configs get a reason', () => {
  const error = (raw: unknown) => {
    const r = readHfConfig(raw);
    return r.ok ? '' : r.error;
  };
  it('sizes that are not whole numbers, heads that do not divide, too many layers', () => {
    expect(error({ model_type: 'llama', hidden_size: '4096' })).toContain('`hidden_size` should be a whole number');
    expect(error({ model_type: 'gpt2', n_embd: 100, n_head: 12 })).toContain('not divisible');
    expect(error({ model_type: 'llama', num_attention_heads: 32, num_key_value_heads: 5 })).toContain('multiple');
    expect(error({ model_type: 't5', num_decoder_layers: 5000 })).toContain('at most 1000');
    expect(error([1, 2])).toContain('one JSON object');
    expect(error({ foo: 1 })).toContain('does not look like a Hugging Face config.json');
  });
  it('an unknown model_type without the sizes it needs', () => {
    expect(error({ model_type: 'mystery', hidden_size: 64 })).toContain('no `num_hidden_layers`');
  });
});

describe('DistilBERT (BERT layers under other names, no token types, no pooler)', () => {
  const distil = {
    activation: 'gelu',
    architectures: ['DistilBertForMaskedLM'],
    dim: 768,
    hidden_dim: 3072,
    max_position_embeddings: 512,
    model_type: 'distilbert',
    n_heads: 12,
    n_layers: 6,
    pad_token_id: 0,
    sinusoidal_pos_embds: false,
    tie_weights_: true,
    vocab_size: 30522,
  };
  it('distilbert-base-uncased: DistilBertForMaskedLM 66,985,530, DistilBertModel 66,362,880', () => {
    expect(count(distil).total).toBe(66_985_530n);
    expect(count(distil, { autoClass: 'AutoModel' }).total).toBe(66_362_880n);
  });
  it('DistilBertForSequenceClassification: pre_classifier + classifier, 66,955,010', () => {
    expect(count({ ...distil, architectures: ['DistilBertForSequenceClassification'] }).total).toBe(66_955_010n);
  });
});
