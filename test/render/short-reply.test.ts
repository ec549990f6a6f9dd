// Issue 14, item 1: the Slack reply is short (headline and a 6-8 line derivation covering gates,
// [h, x] width, weights and bias per gate, the total and the cuDNN/PyTorch note), the rest behind
// "More"; code blocks within 60 columns; identical layers folded; shared messages without buttons;
// no Compare on a comparison; the same in Chinese and French; Slack's limits on a representative set.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { answerQuery } from '../../src/answer.js';
import type { Answer } from '../../src/answer.js';
import type { Locale } from '../../src/i18n/index.js';
import {
  COMPARE_ACTION,
  MAX_BLOCKS,
  MAX_CONTEXT_CHARS,
  MAX_HEADER_CHARS,
  MAX_SECTION_CHARS,
  MORE_ACTION,
  SHARE_ACTION,
  renderBlocks,
} from '../../src/render/blocks.js';
import type { RenderOptions, SlackMessage } from '../../src/render/blocks.js';
import { columns } from '../../src/render/columns.js';
import { renderText } from '../../src/render/text.js';

type Block = Record<string, unknown>;
const blocksOf = (m: SlackMessage) => m.blocks as unknown as Block[];
const sections = (m: SlackMessage) =>
  blocksOf(m)
    .filter((b) => b.type === 'section')
    .map((b) => (b.text as { text: string }).text);
const codeBlocks = (m: SlackMessage) =>
  sections(m).flatMap((t) => [...t.matchAll(/```([\s\S]*?)```/g)].map((x) => x[1] ?? ''));
const actionIds = (m: SlackMessage) =>
  blocksOf(m)
    .filter((b) => b.type === 'actions')
    .flatMap((b) => (b.elements as { action_id: string }[]).map((e) => e.action_id));
/** The compact derivation's lines: the section titled "How it adds up" (or its translation). */
const derivation = (m: SlackMessage, title = 'How it adds up') =>
  (sections(m).find((s) => s.startsWith(`*${title}*`)) ?? '').split('\n').slice(1);

function short(q: string, opts: RenderOptions = {}): SlackMessage {
  return renderBlocks(answerQuery(q), opts);
}

describe('/lstm 4096 256, short', () => {
  const m = short('/lstm 4096 256');
  const lines = derivation(m);
  it('the headline and a derivation of 6-8 lines covering every promised step', () => {
    expect(blocksOf(m)[0]).toMatchObject({ type: 'header', text: { text: 'LSTM 4,096 → 256: 4,457,472 parameters' } });
    expect(lines.length).toBeGreaterThanOrEqual(6);
    expect(lines.length).toBeLessThanOrEqual(8);
    expect(lines).toEqual([
      '4 gates (input, forget, cell candidate, output): each a layer over [h, x]',
      '[h_{t-1} | x_t] width: 256 + 4,096 = 4,352',
      'weights per gate: 4,352 x 256 = 1,114,112',
      'bias per gate: 256, so 1,114,112 + 256 = 1,114,368 per gate',
      'total: 4 x 1,114,368 = *4,457,472*',
      'cuDNN / PyTorch keep a second bias per gate (b_ih and b_hh): +1,024 = 4,458,496',
    ]);
  });
  it('no picture, tensors, memory or per-layer table: those are behind More', () => {
    const all = sections(m).join('\n');
    expect(all).not.toContain('Tensors');
    expect(all).not.toContain('recurrent_kernel');
    expect(JSON.stringify(m.blocks)).not.toContain('Memory:');
    expect(blocksOf(m).length).toBeLessThanOrEqual(5);
    expect(actionIds(m)).toEqual([SHARE_ACTION, MORE_ACTION, COMPARE_ACTION]);
  });
  it('"More" gives the full derivation', () => {
    const full = short('/lstm 4096 256', { form: 'full' });
    expect(JSON.stringify(full.blocks)).toContain('recurrent_kernel');
    expect(JSON.stringify(full.blocks)).toContain('Memory: 17.0 MiB in float32');
    expect(actionIds(full)).toEqual([SHARE_ACTION, COMPARE_ACTION]);
  });
  it('a shared message carries no buttons', () => {
    expect(actionIds(short('/lstm 4096 256', { shared: true }))).toEqual([]);
  });
  it('a comparison does not offer Compare', () => {
    expect(actionIds(short('/lstm 4096 256 compare'))).toEqual([SHARE_ACTION, MORE_ACTION]);
  });
});

describe('identical layers folded', () => {
  it('/lstm 1024 1024 layers=24 bi pytorch: layers 1–23 in one line, no 24-term sum', () => {
    const m = short('/lstm 1024 1024 layers=24 bi pytorch');
    const lines = derivation(m);
    // Layer 0 reads 1,024; layers above read 2 x 1,024: 2 x 4 x (3,072 x 1,024 + 2 x 1,024) = 25,182,208 each.
    expect(lines).toContain('layer 0: input 1,024: 2 x 8,396,800 = 16,793,600');
    expect(lines).toContain('layers 1–23: input 2,048: 25,182,208 each');
    expect(lines).toContain('total: *595,984,384*');
    expect(lines.length).toBeLessThanOrEqual(10);
    expect(16_793_600n + 23n * 25_182_208n).toBe(595_984_384n);
  });
  it('a model of many identical LSTMs: one summary line for the run', () => {
    const layers = Array.from({ length: 60 }, (_, i) => `    layers.LSTM(64, return_sequences=True, name="l${i}"),`);
    const code = ['model = keras.Sequential([', '    layers.Input(shape=(None, 64)),', ...layers, '])'].join('\n');
    const m = short(`/params ${code}`);
    const table = codeBlocks(m).join('\n');
    expect(table).toContain('l0 … l59 (LSTM): 60 x 33,024');
    const full = short(`/params ${code}`, { form: 'full' });
    // One derivation for the 60 identical layers, not six copies.
    expect(sections(full).filter((s) => s.includes('60 identical layers')).length).toBe(1);
  });
});

describe('Chinese and French replies', () => {
  it('a Chinese question gets a Chinese reply', () => {
    const m = short('一个输入4096、256个单元的LSTM有多少参数？');
    expect(blocksOf(m)[0]).toMatchObject({ text: { text: 'LSTM 4,096 → 256：4,457,472 个参数' } });
    const lines = derivation(m, '计算过程');
    expect(lines[0]).toBe('4 个门（输入门、遗忘门、候选记忆、输出门）：每个门都是作用于 [h, x] 的一层');
    expect(lines).toContain('每个门的权重：4,352 x 256 = 1,114,112');
    expect(lines).toContain('总计：4 x 1,114,368 = *4,457,472*');
    expect(actionIds(m)).toEqual([SHARE_ACTION, MORE_ACTION, COMPARE_ACTION]);
  });
  it('a French question gets a French reply, numbers grouped the French way', () => {
    const m = short('combien de paramètres pour un LSTM 4096 256 ?');
    const nb = '\u202f';
    expect(blocksOf(m)[0]).toMatchObject({ text: { text: `LSTM 4${nb}096 → 256 : 4${nb}457${nb}472 paramètres` } });
    expect(derivation(m, 'Le calcul')).toContain(`poids par porte : 4${nb}352 x 256 = 1${nb}114${nb}112`);
  });
  it('"More" in Chinese and French: the derivation, picture and labels in that language', () => {
    const zh = renderText(answerQuery('/lstm 4096 256 lang=zh'));
    expect(zh).toContain('  3. 每个门的权重：4,352 x 256 = 1,114,112');
    expect(zh).toContain('├─ 候选记忆 (tanh)  4,352x256 + 256 = 1,114,368');
    expect(zh).toContain('张量（Keras 3 / tf.keras 布局）');
    // No English sentence from the engine's steps.
    expect(zh).not.toContain('weights per gate');
    expect(zh).not.toContain('How it adds up');
    const fr = JSON.stringify(renderBlocks(answerQuery('/lstm 4096 256 lang=fr'), { form: 'full' }).blocks);
    expect(fr).toContain('Ce que signifient les nombres');
    expect(fr).toContain('Mémoire : 17.0 MiB en float32');
    expect(fr).not.toContain('weights per gate');
  });
  it('lang= and the Slack locale choose the language', () => {
    expect(JSON.stringify(short('/lstm 4096 256 lang=fr').blocks)).toContain('Le calcul');
    expect(JSON.stringify(renderBlocks(answerQuery('/lstm 4096 256', { locale: 'zh-CN' })).blocks)).toContain(
      '计算过程',
    );
  });
  it('refusals and help in each language', () => {
    const fr = renderText(answerQuery('/lstm 4096 lang=fr'));
    expect(fr).toMatch(/^Désolé : le nombre d’unités manque/);
    const zh = renderText(answerQuery('/lstm 4096 lang=zh'));
    expect(zh).toMatch(/^抱歉：缺少单元数/);
    expect(renderText(answerQuery('/lstm help'), { locale: 'fr' })).toContain('Options');
    expect(renderText(answerQuery('/lstm help'), { locale: 'zh' })).toContain('选项');
  });
});

describe('the CLI and console keep the full text; --short gives the Slack form', () => {
  it('full by default, short on request', () => {
    const a = answerQuery('/lstm 4096 256');
    expect(renderText(a)).toContain('Tensors (Keras 3 / tf.keras layout)');
    const s = renderText(a, { short: true });
    expect(s).not.toContain('Tensors');
    expect(s).toContain('  weights per gate: 4,352 x 256 = 1,114,112');
    expect(s.split('\n').length).toBeLessThanOrEqual(12);
  });
});

describe("Slack's limits and 60 columns on a representative set", () => {
  const realworld = readFileSync(new URL('../fixtures/oracle-realworld.jsonl', import.meta.url), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { query: string });
  const longest = [...realworld].sort((x, y) => y.query.length - x.query.length).slice(0, 3);
  const summary = readFileSync(new URL('../fixtures/summaries/keras2-lstm-bidirectional.txt', import.meta.url), 'utf8');
  const queries = [
    '/lstm 4096 256',
    '/gru 128 64 pytorch',
    '/rnn 300 128 bi layers=3',
    '/lstm 4096 256 compare',
    '/lstm 4096 256 = 4458496',
    '/lstm 4096 256 = 17246978048',
    '/lstm ? 64 = 49408',
    '/lstm 4096 ? = 4457472',
    '/lstm 256 input_shape=(16, 4096)',
    '/lstm 1024 1024 layers=24 bi pytorch',
    '/lstm 4096 256 layers=1000 bi pytorch',
    '/lstm 100000000 100000000 proj=99999999 pytorch layers=3 bi',
    '/lstm 1000000000000 1000000000000 bi pytorch',
    '/lstm help',
    '/params',
    '/lstm 4096 25б',
    '/lstm 4096 256 keras pytorch',
    '一个输入4096、256个单元的LSTM有多少参数？',
    'combien de paramètres pour un LSTM bidirectionnel 4096 256 avec 2 couches, 16 pas de temps ?',
    summary,
    ...longest.map((r) => `/params ${r.query}`),
  ];
  const forms: RenderOptions[] = [{}, { form: 'full' }, { shared: true }];
  const locales: Locale[] = ['en', 'zh', 'fr'];
  for (const q of queries) {
    it(q.slice(0, 60).replace(/\n/g, ' ⏎ '), () => {
      const a: Answer = answerQuery(q);
      for (const form of forms) {
        for (const locale of locales) {
          const m = renderBlocks(a, { ...form, locale });
          expect(m.blocks.length).toBeLessThanOrEqual(MAX_BLOCKS);
          for (const b of blocksOf(m)) {
            if (b.type === 'header')
              expect((b.text as { text: string }).text.length).toBeLessThanOrEqual(MAX_HEADER_CHARS);
            if (b.type === 'section')
              expect((b.text as { text: string }).text.length).toBeLessThanOrEqual(MAX_SECTION_CHARS);
            if (b.type === 'context')
              for (const e of b.elements as { text: string }[])
                expect(e.text.length).toBeLessThanOrEqual(MAX_CONTEXT_CHARS);
          }
          for (const code of codeBlocks(m))
            for (const line of code.split('\n')) expect(columns(line), line).toBeLessThanOrEqual(60);
        }
      }
    });
  }
});
