import { describe, expect, it } from 'vitest';
import { findHubReference } from '../../src/hub/reference.js';

describe('Hub references in a query', () => {
  it('owner/name, legacy ids, URLs and from_pretrained', () => {
    expect(findHubReference('meta-llama/Meta-Llama-3-8B')).toEqual({ ok: true, repo: 'meta-llama/Meta-Llama-3-8B' });
    expect(findHubReference(' gpt2 ')).toEqual({ ok: true, repo: 'gpt2' });
    expect(findHubReference('bert-base-uncased')).toEqual({ ok: true, repo: 'bert-base-uncased' });
    expect(findHubReference('https://huggingface.co/Qwen/Qwen2-7B/blob/main/config.json')).toEqual({
      ok: true,
      repo: 'Qwen/Qwen2-7B',
    });
    expect(findHubReference('https://huggingface.co/gpt2/tree/main')).toEqual({ ok: true, repo: 'gpt2' });
    expect(findHubReference("m = AutoModelForCausalLM.from_pretrained('mistralai/Mistral-7B-v0.1')")).toEqual({
      ok: true,
      repo: 'mistralai/Mistral-7B-v0.1',
      autoClass: 'AutoModelForCausalLM',
    });
    expect(findHubReference('BertModel.from_pretrained("bert-base-uncased")')).toEqual({
      ok: true,
      repo: 'bert-base-uncased',
      architecture: 'BertModel',
    });
  });
  it('not a Hub model: layer shorthand, code, plain words', () => {
    for (const text of ['4096 256', 'LSTM', 'nn.LSTM(300, 512)', 'help', '4096', 'a/b/c', 'model.summary()'])
      expect(findHubReference(text)).toBeNull();
    // PyTorch's Embedding.from_pretrained takes a tensor: a layer for the code reader, not a Hub model.
    expect(findHubReference('self.emb = nn.Embedding.from_pretrained(table, freeze=True)')).toBeNull();
    expect(
      findHubReference(
        'e = nn.EmbeddingBag.from_pretrained(w)\nm = AutoModel.from_pretrained("openai-community/gpt2")',
      ),
    ).toEqual({ ok: true, repo: 'openai-community/gpt2', autoClass: 'AutoModel' });
  });
  it('bad names and variables are answered, not fetched', () => {
    expect(findHubReference('AutoModel.from_pretrained(name)')?.ok).toBe(false);
    expect(findHubReference('AutoModel.from_pretrained("a--b/c")')?.ok).toBe(false);
    expect(findHubReference('https://huggingface.co/datasets/squad')?.ok).toBe(false);
  });
});
