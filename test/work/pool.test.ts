// The worker pool every door asks through: answers rendered for each door, the deadline, the output bound.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerQuery } from '../../src/answer.js';
import { renderBlocks } from '../../src/render/blocks.js';
import { renderJsonLine } from '../../src/render/json.js';
import { renderText } from '../../src/render/text.js';
import { createAnswerPool } from '../../src/work/pool.js';
import type { AnswerPool } from '../../src/work/pool.js';
import { ensureBuilt } from '../helpers/build.js';

let pool: AnswerPool;

beforeAll(() => {
  ensureBuilt(); // the workers run the compiled task (dist/work/task.js)
  pool = createAnswerPool({ minThreads: 1, maxThreads: 2 });
}, 240_000);

afterAll(async () => {
  await pool?.close();
});

describe('answers from the worker', { timeout: 30_000 }, () => {
  it('renders for each door exactly as the renderers do in process', async () => {
    const answer = answerQuery('4096 256', { command: '/lstm' });
    const text = await pool.answer('4096 256', { command: '/lstm' }, 'text');
    expect(text).toEqual({ kind: 'count', output: renderText(answer) });
    expect(text.output).toContain('4,457,472');
    expect((await pool.answer('4096 256', { command: '/lstm' }, 'json')).output).toBe(renderJsonLine(answer));
    expect((await pool.answer('4096 256', { command: '/lstm' }, 'blocks')).output).toEqual(renderBlocks(answer));
    const compare = await pool.answer('/lstm 4096 256', { compare: true }, 'blocks');
    expect(compare.output).toEqual(renderBlocks(answerQuery('/lstm 4096 256', { compare: true })));
    const details = await pool.answer('/lstm 4096 256', {}, 'details');
    expect(Array.isArray(details.output)).toBe(true);
  });

  it('an error answer keeps its kind', async () => {
    const r = await pool.answer('/lstm 4096', {}, 'text');
    expect(r.kind).toBe('error');
    expect(r.output).toContain('e.g. `/lstm 4096 256`');
  });

  it('an answer larger than the byte bound is replaced by a friendly error naming the limit', async () => {
    const small = createAnswerPool({ minThreads: 1, maxThreads: 1, maxBytes: 1000 });
    try {
      expect(Buffer.byteLength((await pool.answer('/lstm 4096 256', {}, 'text')).output)).toBeGreaterThan(1000);
      const r = await small.answer('/lstm 4096 256', {}, 'text');
      expect(r.kind).toBe('too_large');
      expect(r.output).toContain('limit 1000 bytes');
      expect(r.output).toContain('/lstm 4096 256');
      expect(Buffer.byteLength(r.output)).toBeLessThan(1024);
    } finally {
      await small.close();
    }
  });
});

describe('the deadline', { timeout: 30_000 }, () => {
  it('past it the worker is stopped, the asker told the limit and how to split, the log has no user text', async () => {
    const lines: string[] = [];
    const logger = {
      warn: (...m: unknown[]) => lines.push(m.join(' ')),
      error: (...m: unknown[]) => lines.push(m.join(' ')),
    };
    // 1 ms: a fresh worker is still loading its modules, so the deadline always passes first.
    const strict = createAnswerPool({ minThreads: 1, maxThreads: 1, deadlineMs: 1, logger });
    try {
      const secret = '/lstm 4096 256 secret-layer-name';
      const text = await strict.answer(secret, {}, 'text');
      expect(text.kind).toBe('too_slow');
      expect(text.output).toContain('needs more work than I allow for one answer (limit 0.001 s)');
      expect(text.output).toContain('Split it');
      expect(text.output).toContain('`/lstm 4096 256`');
      const json = JSON.parse((await strict.answer(secret, {}, 'json')).output) as Record<string, unknown>;
      expect(json.error).toMatch(/needs more work than I allow/);
      const blocks = await strict.answer(secret, { command: '/lstm' }, 'blocks');
      expect(JSON.stringify(blocks.output)).toContain('needs more work than I allow');
      expect(lines).toHaveLength(3);
      expect(lines[0]).toMatch(/answer stopped: past the 1 ms deadline after \d+ ms; worker replaced \(chars=32\)/);
      expect(lines.join('\n')).not.toContain('secret-layer-name');
      // In the asker's language: their Slack locale, else the question's.
      const french = await strict.answer('/lstm 4096 256', { locale: 'fr-FR' }, 'text');
      expect(french.output).toContain(
        'Cela demande plus de travail que je n’en accorde à une réponse (limite 0,001 s)',
      );
      expect(french.output).toContain('Découpez-la');
      const chinese = await strict.answer('一个输入4096、256个单元的LSTM有多少参数？', {}, 'text');
      expect(chinese.output).toContain('这需要的计算量超过了我为一个回答设定的上限（0.001 秒）');
    } finally {
      await strict.close();
    }
  });
});
