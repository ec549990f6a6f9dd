import { describe, expect, it } from 'vitest';
import { looksLikeHfConfig, parseHfConfig, stripCodeFence } from '../../src/parse/hf-config.js';

describe('pasted config.json', () => {
  it('is recognised bare and inside a Slack code fence', () => {
    expect(looksLikeHfConfig('{"model_type": "gpt2", "n_embd": 768}')).toBe(true);
    expect(looksLikeHfConfig('```json\n{"model_type": "gpt2"}\n```')).toBe(true);
    expect(stripCodeFence('```\n{"a": 1}\n```')).toBe('{"a": 1}');
    expect(looksLikeHfConfig('nn.Linear(3, 4)')).toBe(false);
    expect(looksLikeHfConfig('{"foo": 1}')).toBe(false);
  });
  it('with a question around it', () => {
    expect(looksLikeHfConfig('how big is this?\n```{"model_type": "gpt2"}```\nthanks')).toBe(true);
    const p = parseHfConfig('how big is this? {"model_type": "gpt2", "n_layer": 6}');
    expect(p.ok && p.config.n_layer).toBe(6);
    expect(looksLikeHfConfig('x = {"model_type": 1}\nprint(x)')).toBe(false);
  });
  it('smart quotes from Slack are straightened', () => {
    const p = parseHfConfig('{“model_type”: “gpt2”}');
    expect(p.ok && p.config.model_type).toBe('gpt2');
  });
  it('bad JSON says where', () => {
    const p = parseHfConfig('{\n  "model_type": "gpt2",\n  "n_embd": 768,\n}');
    expect(p.ok).toBe(false);
    expect(!p.ok && p.error).toContain('not valid JSON');
    expect(!p.ok && p.error).toContain('line 4');
  });
  it('architectures must be a list of names', () => {
    const p = parseHfConfig('{"model_type": "gpt2", "architectures": "GPT2LMHeadModel"}');
    expect(!p.ok && p.error).toContain('`architectures` should be a list');
  });
});
