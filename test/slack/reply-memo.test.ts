// The memo of rendered slash-command replies: same reply for the same question, bounded in entries
// and query length, least recently used evicted first, and replies that cannot be changed.
import { describe, expect, it, vi } from 'vitest';
import { answerQuery } from '../../src/answer.js';
import { renderBlocks } from '../../src/render/blocks.js';
import { createReplyMemo, MAX_QUERY_CHARS } from '../../src/slack/reply-memo.js';
import type { Reply } from '../../src/slack/reply-memo.js';
import { messageText } from '../helpers/slack-requests.js';

function counting() {
  const asked: string[] = [];
  const answer = (command: string, text: string) => (): Reply => {
    asked.push(`${command} ${text}`);
    const a = answerQuery(text, { command });
    return { kind: a.kind, message: renderBlocks(a) };
  };
  return { asked, answer };
}

describe('reply memo', () => {
  it('answers a repeated question once, with the same exact reply', () => {
    const memo = createReplyMemo();
    const { asked, answer } = counting();
    const first = memo.get('/lstm', '4096 256', answer('/lstm', '4096 256'));
    const again = memo.get('/lstm', '4096 256', answer('/lstm', '4096 256'));
    expect(asked).toEqual(['/lstm 4096 256']);
    expect(again).toBe(first);
    expect(first.kind).toBe('count');
    expect(messageText(first.message as never)).toContain('4,458,496');
  });

  it('keeps the command in the key: /gru 128 64 is not /lstm 128 64', () => {
    const memo = createReplyMemo();
    const { asked, answer } = counting();
    const gru = memo.get('/gru', '128 64', answer('/gru', '128 64'));
    const lstm = memo.get('/lstm', '128 64', answer('/lstm', '128 64'));
    expect(asked).toHaveLength(2);
    // GRU 128 -> 64, Keras 2 (reset_after): 3 x (64 x (128 + 64) + 2 x 64) = 37,248; LSTM: 4 x (64 x 192 + 64) = 49,408.
    expect(messageText(gru.message as never)).toContain('37,248');
    expect(messageText(lstm.message as never)).toContain('49,408');
  });

  it('holds at most maxEntries, evicting the least recently used', () => {
    const memo = createReplyMemo(2);
    const { asked, answer } = counting();
    memo.get('/lstm', '1 1', answer('/lstm', '1 1'));
    memo.get('/lstm', '2 2', answer('/lstm', '2 2'));
    memo.get('/lstm', '1 1', answer('/lstm', '1 1')); // hit: "1 1" is now the most recent
    memo.get('/lstm', '3 3', answer('/lstm', '3 3')); // evicts "2 2"
    expect(memo.size).toBe(2);
    memo.get('/lstm', '1 1', answer('/lstm', '1 1'));
    memo.get('/lstm', '2 2', answer('/lstm', '2 2'));
    expect(asked).toEqual(['/lstm 1 1', '/lstm 2 2', '/lstm 3 3', '/lstm 2 2']);
  });

  it('never keeps a long query (pasted code): it is answered afresh every time', () => {
    const memo = createReplyMemo();
    const { asked, answer } = counting();
    const code = `nn.LSTM(4096, 256)${' '.repeat(MAX_QUERY_CHARS)}`;
    memo.get('/params', code, answer('/params', code));
    memo.get('/params', code, answer('/params', code));
    expect(asked).toHaveLength(2);
    expect(memo.size).toBe(0);
  });

  it('keeps error answers too, and a kept reply cannot be changed', () => {
    const memo = createReplyMemo();
    const { answer } = counting();
    const reply = memo.get('/lstm', 'banana', answer('/lstm', 'banana'));
    expect(reply.kind).toBe('error');
    expect(messageText(reply.message as never)).toMatch(/\/lstm 4096 256/);
    expect(() => {
      (reply.message.blocks as unknown[]).push({ type: 'divider' });
    }).toThrow(TypeError);
    expect(() => {
      (reply.message as { text: string }).text = 'changed';
    }).toThrow(TypeError);
  });

  it("keeps the reply's JSON text: made once, on first use, and the same reply when parsed", () => {
    const memo = createReplyMemo();
    const { answer } = counting();
    const reply = memo.get('/lstm', '4096 256', answer('/lstm', '4096 256'));
    const stringify = vi.spyOn(JSON, 'stringify');
    try {
      const json = reply.json;
      expect(stringify).toHaveBeenCalledTimes(1);
      expect(memo.get('/lstm', '4096 256', answer('/lstm', '4096 256')).json).toBe(json);
      expect(reply.json).toBe(json);
      expect(stringify).toHaveBeenCalledTimes(1);
      expect(JSON.parse(json)).toEqual(reply.message);
    } finally {
      stringify.mockRestore();
    }
  });

  it("a long query's reply has its JSON text too", () => {
    const memo = createReplyMemo();
    const { answer } = counting();
    const code = `nn.LSTM(4096, 256)${' '.repeat(MAX_QUERY_CHARS)}`;
    const reply = memo.get('/params', code, answer('/params', code));
    expect(JSON.parse(reply.json)).toEqual(reply.message);
    expect(messageText(JSON.parse(reply.json) as never)).toContain('4,458,496');
  });
});
