// answerQueryWithHub against a fake Hub: found (by name, legacy id, URL, from_pretrained), gated with
// and without a token, missing, no config.json, rate limited, timed out, too large, broken JSON.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Answer } from '../../src/answer.js';
import { answerQueryWithHub } from '../../src/hub/answer.js';
import { clearHubCache } from '../../src/hub/fetch-config.js';
import { renderJson } from '../../src/render/json.js';
import { createAnswerPool } from '../../src/work/pool.js';
import { ensureBuilt } from '../helpers/build.js';
import { GOOD_TOKEN, startFakeHub } from './fake-hub.js';
import type { FakeHub } from './fake-hub.js';

let hub: FakeHub;
beforeAll(async () => {
  hub = await startFakeHub();
});
afterAll(async () => {
  await hub.close();
});
beforeEach(() => {
  clearHubCache();
  hub.requests.length = 0;
});

function ask(text: string, extra: { token?: string; command?: string; timeoutMs?: number } = {}): Promise<Answer> {
  return answerQueryWithHub(text, {
    command: extra.command,
    env: { HF_ENDPOINT: hub.endpoint, HF_TOKEN: extra.token },
    fetch: { timeoutMs: extra.timeoutMs },
  });
}

function total(a: Answer): bigint {
  if (a.kind !== 'count') throw new Error(a.kind === 'error' ? a.message : 'help');
  return a.model.total;
}

function message(a: Answer): string {
  if (a.kind !== 'error') throw new Error(`expected an error, got ${a.kind}`);
  return a.message;
}

describe('found', () => {
  it('/params owner/name fetches config.json and counts it', async () => {
    const a = await ask('openai-community/gpt2', { command: '/params' });
    expect(total(a)).toBe(124_439_808n);
    expect(a.kind === 'count' && a.title).toContain('openai-community/gpt2');
    expect(hub.requests.map((r) => r.url)).toEqual(['/openai-community/gpt2/resolve/main/config.json']);
  });
  it('a legacy one-word id follows the Hub redirect', async () => {
    expect(total(await ask('/params gpt2'))).toBe(124_439_808n);
  });
  it('a Hub URL, bare or in Slack link markup', async () => {
    expect(total(await ask('https://huggingface.co/openai-community/gpt2', { command: '/params' }))).toBe(124_439_808n);
    expect(total(await ask('<https://huggingface.co/openai-community/gpt2|openai-community/gpt2>'))).toBe(124_439_808n);
  });
  it('AutoModel.from_pretrained counts the base model; the config names BertForMaskedLM', async () => {
    const code =
      'from transformers import AutoModel\nmodel = AutoModel.from_pretrained("google-bert/bert-base-uncased")';
    expect(total(await ask(code))).toBe(109_482_240n);
    expect(total(await ask('/params google-bert/bert-base-uncased'))).toBe(109_514_298n);
  });
  it('layers pasted around a from_pretrained model make the answer "at least"', async () => {
    const code = [
      'class Classifier(nn.Module):',
      '    def __init__(self):',
      '        super().__init__()',
      '        self.bert = AutoModel.from_pretrained("google-bert/bert-base-uncased")',
      '        self.head = nn.Linear(768, 2)',
    ].join('\n');
    const a = await ask(code);
    expect(total(a)).toBe(109_482_240n);
    const json = renderJson(a);
    expect(json.incomplete).toBe(true);
    expect(json.not_counted).toEqual(['the layers the pasted code adds around the from_pretrained model']);
  });
  it('a second ask is answered from the cache', async () => {
    await ask('/params openai-community/gpt2');
    await ask('/params openai-community/gpt2');
    expect(hub.requests).toHaveLength(1);
  });
  it('JSON names the source and carries the breakdown', async () => {
    const json = renderJson(await ask('/params openai-community/gpt2'));
    expect(json.total).toBe('124439808');
    expect((json.transformer as { source: string }).source).toBe('openai-community/gpt2');
  });
});

describe('failures, each with its own answer', () => {
  it('gated without a token', async () => {
    expect(message(await ask('/params meta-llama/Meta-Llama-3-8B'))).toContain('gated');
  });
  it('gated with a token: sent as Bearer, and counted', async () => {
    expect(total(await ask('/params meta-llama/Meta-Llama-3-8B', { token: GOOD_TOKEN }))).toBe(8_030_261_248n);
    expect(hub.requests[0]?.authorization).toBe(`Bearer ${GOOD_TOKEN}`);
  });
  it('missing repository', async () => {
    expect(message(await ask('/params nobody/no-such-model'))).toContain('found no model `nobody/no-such-model`');
  });
  it('a repository without config.json', async () => {
    expect(message(await ask('/params TheBloke/some-GGUF'))).toContain('no config.json');
  });
  it('rate limited', async () => {
    expect(message(await ask('/params busy/model'))).toContain('429');
  });
  it('timeout', async () => {
    expect(message(await ask('/params slow/model', { timeoutMs: 200 }))).toContain('did not answer');
  });
  it('a response over the size cap', async () => {
    expect(message(await ask('/params huge/model'))).toContain('over 2 MB');
  });
  it('broken JSON from the Hub', async () => {
    expect(message(await ask('/params broken/model'))).toContain('not valid JSON');
  });
  it('a bad name never reaches the Hub', async () => {
    expect(message(await ask('x = AutoModel.from_pretrained("bad--name/x")'))).toContain(
      'not a Hugging Face model name',
    );
    expect(hub.requests).toHaveLength(0);
  });
  it('a bad HF_ENDPOINT is a clear answer, not a crash', async () => {
    const a = await answerQueryWithHub('/params openai-community/gpt2', { env: { HF_ENDPOINT: 'ftp://x' } });
    expect(message(a)).toContain('HF_ENDPOINT');
  });
});

describe('everything else goes to answerQuery unchanged', () => {
  it('/lstm 4096 256', async () => {
    expect(total(await ask('/lstm 4096 256'))).toBe(4_457_472n);
    expect(hub.requests).toHaveLength(0);
  });
});

describe('through the worker pool (every door asks there)', () => {
  it('found, and a slow Hub answered within the deadline as a Hub timeout', async () => {
    ensureBuilt();
    const saved = process.env.HF_ENDPOINT;
    // Worker threads copy the environment when they start: set it before the pool exists.
    process.env.HF_ENDPOINT = hub.endpoint;
    const pool = createAnswerPool({ deadlineMs: 1500 });
    try {
      const found = await pool.answer('openai-community/gpt2', { command: '/params' }, 'json');
      expect(JSON.parse(found.output).total).toBe('124439808');
      const slow = await pool.answer('slow/model', { command: '/params' }, 'text');
      expect(slow.kind).toBe('error');
      expect(slow.output).toContain('did not answer within 1.2 s');
    } finally {
      await pool.close();
      if (saved === undefined) delete process.env.HF_ENDPOINT;
      else process.env.HF_ENDPOINT = saved;
    }
  });
});
