// Transformer inputs through the one path (answerQuery) and the three renderers.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { answerQuery } from '../src/answer.js';
import type { Answer } from '../src/answer.js';
import { MAX_BLOCKS, MAX_SECTION_CHARS, renderBlocks } from '../src/render/blocks.js';
import { renderJson } from '../src/render/json.js';
import { renderText } from '../src/render/text.js';

const configText = (name: string) =>
  readFileSync(new URL(`./fixtures/hf-configs/${name}.json`, import.meta.url), 'utf8');

function count(a: Answer) {
  if (a.kind !== 'count') throw new Error(a.kind === 'error' ? a.message : 'help');
  return a;
}

describe('a pasted config.json', () => {
  it('bare, with /params, or in a code fence', () => {
    expect(count(answerQuery(configText('gpt2'))).model.total).toBe(124_439_808n);
    expect(count(answerQuery(configText('gpt2'), { command: '/params' })).model.total).toBe(124_439_808n);
    expect(count(answerQuery('```' + configText('Qwen2-7B') + '```')).model.total).toBe(7_615_616_512n);
  });
  it('text: headline, without embeddings, one block line by line with the GQA saving, memory', () => {
    const text = renderText(answerQuery(configText('Meta-Llama-3-8B')));
    expect(text).toContain('8,030,261,248 parameters');
    expect(text).toContain('Without embeddings: 7,504,924,672');
    expect(text).toContain(
      'model.layers.0.self_attn.k_proj.weight: 1,024 (8 kv heads x 128) x 4,096 (hidden) = 4,194,304',
    );
    expect(text).toContain('saved by sharing key/value heads');
    expect(text).toContain('= 25,165,824');
    expect(text).toContain('all blocks: 32 (layers) x 218,112,000 (per block) = 6,979,584,000');
    expect(text).toContain('4-bit');
  });
  it('JSON: the per-component breakdown, memory and without_embeddings', () => {
    const json = renderJson(answerQuery(configText('Mixtral-8x7B-v0.1')));
    expect(json.total).toBe('46702792704');
    const t = json.transformer as Record<string, unknown>;
    expect(t.active_per_token).toBe('12879925248');
    expect(t.without_embeddings).toBe('46571720704');
    expect((t.memory_bytes as Record<string, string>).bfloat16).toBe('93405585408');
    const layers = json.layers as { name: string; params: string }[];
    expect(layers.map((l) => l.params)).toEqual(['131072000', '46440644608', '4096', '131072000']);
    expect(json.incomplete).toBeUndefined();
  });
  it('Block Kit stays within Slack limits for the largest breakdowns', () => {
    for (const name of ['t5-small', 'bert-base-uncased', 'Mixtral-8x7B-v0.1', 'opt-350m']) {
      const msg = renderBlocks(answerQuery(configText(name)));
      expect(msg.blocks.length).toBeLessThanOrEqual(MAX_BLOCKS);
      for (const b of msg.blocks) {
        if (b.type === 'section' && b.text) expect(b.text.text.length).toBeLessThanOrEqual(MAX_SECTION_CHARS);
      }
    }
  });
  it('an unknown model_type is an estimate, with what was assumed', () => {
    const raw = {
      model_type: 'mystery',
      hidden_size: 1024,
      num_hidden_layers: 4,
      num_attention_heads: 8,
      num_key_value_heads: 2,
      intermediate_size: 4096,
      vocab_size: 1000,
      rms_norm_eps: 1e-6,
      tie_word_embeddings: false,
    };
    const a = answerQuery(JSON.stringify(raw));
    const json = renderJson(a);
    expect(json.incomplete).toBe(true);
    expect((json.transformer as { estimate: boolean }).estimate).toBe(true);
    expect(renderText(a)).toContain('Estimate, not exact');
    expect(renderText(a)).toContain('model_type "mystery" is not one I know');
  });
  it('a config that is not JSON gets a friendly error', () => {
    const a = answerQuery('{"model_type": "llama", hidden_size: 4096}');
    expect(a.kind).toBe('error');
    expect(a.kind === 'error' && a.message).toContain('not valid JSON');
  });
});

describe('/transformer', () => {
  it('as a command and as a bare word (console, CLI)', () => {
    const q = 'd_model=4096 layers=32 heads=32 kv_heads=8 ffn=14336 vocab=128256 gated rmsnorm untied';
    expect(count(answerQuery(q, { command: '/transformer' })).model.total).toBe(8_030_261_248n);
    expect(count(answerQuery(`transformer ${q}`)).model.total).toBe(8_030_261_248n);
    expect(count(answerQuery(`/transformer ${q}`)).model.total).toBe(8_030_261_248n);
  });
  it('help', () => {
    const a = answerQuery('/transformer help');
    expect(a.kind).toBe('help');
    expect(renderText(a)).toContain('kv_heads');
  });
  it('a Hub name without the network says how to get an answer', () => {
    const a = answerQuery('/params meta-llama/Meta-Llama-3-8B');
    expect(a.kind === 'error' && a.message).toContain('Paste its config.json');
  });
});
