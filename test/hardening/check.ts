// Shared checks for the hardening tests: an answer of any kind renders as Block Kit within Slack's
// limits, as terminal text and as JSON, with nothing unprintable or malformed in it.
import { expect } from 'vitest';
import { answerQuery } from '../../src/answer.js';
import type { Answer, AnswerOptions } from '../../src/answer.js';
import { MAX_BLOCKS, MAX_HEADER_CHARS, MAX_SECTION_CHARS, renderBlocks } from '../../src/render/blocks.js';
import type { SlackMessage } from '../../src/render/blocks.js';
import { MAX_BUTTON_VALUE } from '../../src/render/button-value.js';
import { renderJson, renderJsonLine } from '../../src/render/json.js';
import { renderText } from '../../src/render/text.js';

/** Slack counts characters, not UTF-16 units. */
export const chars = (s: string): number => Array.from(s).length;

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
/**
 * Control characters other than newline and tab (an ESC could drive the terminal), C1 controls, bidi
 * overrides/isolates and direction marks (they reorder what follows), and the line/paragraph separators.
 */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

/** Keys whose values Slack never shows (ids, types, button payloads). */
const HIDDEN_KEYS = new Set(['value', 'action_id', 'block_id', 'type', 'style', 'url']);

/** Every string a reader can see: the fallback `text` and every displayed string inside the blocks. */
export function displayedStrings(m: SlackMessage): string[] {
  const out: string[] = [m.text];
  const walk = (node: unknown): void => {
    if (typeof node === 'string') out.push(node);
    else if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) if (!HIDDEN_KEYS.has(k)) walk(v);
    }
  };
  walk(m.blocks);
  return out;
}

type Obj = Record<string, unknown>;
const textOf = (o: unknown): string => ((o as Obj | undefined)?.text as string | undefined) ?? '';

/** Slack's Block Kit limits, checked on any message. */
export function checkMessage(m: SlackMessage): void {
  expect(typeof m.text).toBe('string');
  expect(m.text.length).toBeGreaterThan(0);
  expect(chars(m.text)).toBeLessThanOrEqual(40_000);
  expect(m.blocks.length).toBeGreaterThan(0);
  expect(m.blocks.length).toBeLessThanOrEqual(MAX_BLOCKS);
  for (const raw of m.blocks as unknown[]) {
    const b = raw as Obj;
    switch (b.type) {
      case 'header':
        expect((b.text as Obj).type).toBe('plain_text');
        expect(chars(textOf(b.text))).toBeGreaterThan(0);
        expect(chars(textOf(b.text))).toBeLessThanOrEqual(MAX_HEADER_CHARS);
        break;
      case 'section':
        expect(chars(textOf(b.text))).toBeGreaterThan(0);
        expect(chars(textOf(b.text))).toBeLessThanOrEqual(MAX_SECTION_CHARS);
        break;
      case 'context': {
        const elements = b.elements as Obj[];
        expect(elements.length).toBeGreaterThan(0);
        expect(elements.length).toBeLessThanOrEqual(10);
        for (const e of elements) expect(chars(textOf(e))).toBeLessThanOrEqual(MAX_SECTION_CHARS);
        break;
      }
      case 'actions': {
        const elements = b.elements as Obj[];
        expect(elements.length).toBeLessThanOrEqual(25);
        for (const e of elements) {
          expect(chars(textOf(e.text))).toBeLessThanOrEqual(75);
          expect(String(e.value ?? '').length).toBeLessThanOrEqual(MAX_BUTTON_VALUE);
          expect(String(e.action_id).length).toBeLessThanOrEqual(255);
        }
        break;
      }
      case 'divider':
        break;
      default:
        throw new Error(`unexpected block type ${String(b.type)}`);
    }
  }
  for (const s of displayedStrings(m)) {
    expect(LONE_SURROGATE.test(s), `lone surrogate in ${JSON.stringify(s.slice(0, 80))}`).toBe(false);
    expect(CONTROL.test(s), `control character in ${JSON.stringify(s.slice(0, 80))}`).toBe(false);
  }
  // What is posted to Slack is JSON: it must serialize.
  expect(() => JSON.stringify(m)).not.toThrow();
}

/** Renders an answer every way and checks each; returns the Block Kit message. */
export function checkAnswer(a: Answer): SlackMessage {
  expect(['count', 'help', 'error']).toContain(a.kind);
  if (a.kind === 'error') {
    expect(a.message.length).toBeGreaterThan(0);
    // The last-line-of-defence catch in answerQuery: an exception escaped the parsers or the engine.
    expect(a.message).not.toMatch(/^Something went wrong/);
  }
  const m = renderBlocks(a);
  checkMessage(m);
  const text = renderText(a);
  expect(typeof text).toBe('string');
  expect(text.length).toBeGreaterThan(0);
  expect(CONTROL.test(text), `control character in the text reply to ${JSON.stringify(a.query.slice(0, 60))}`).toBe(
    false,
  );
  const json = renderJson(a);
  expect(typeof json).toBe('object');
  const line = renderJsonLine(a);
  expect(line).not.toContain('\n');
  expect(CONTROL.test(line), `raw control character in the JSON reply to ${JSON.stringify(a.query.slice(0, 60))}`).toBe(
    false,
  );
  expect(JSON.parse(line)).toEqual(JSON.parse(JSON.stringify(json)));
  return m;
}

/** answerQuery (which must not throw) plus every rendering checked. */
export function answerAndCheck(text: string, opts: AnswerOptions = {}): { answer: Answer; message: SlackMessage } {
  let answer: Answer | undefined;
  expect(() => {
    answer = answerQuery(text, opts);
  }).not.toThrow();
  const message = checkAnswer(answer!);
  return { answer: answer!, message };
}
