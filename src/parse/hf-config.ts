// A pasted Hugging Face config.json (bare, or in Slack's ``` fence) -> the parsed object, checked
// with zod where the shape matters (model_type, architectures); friendly errors for bad JSON.
import { z } from 'zod';

/** Most configs are 1-5 KB; one with a large id2label can reach a few hundred. */
export const MAX_CONFIG_CHARS = 2_000_000;

const HfConfigSchema = z.looseObject({
  model_type: z.string({ message: '`model_type` should be a string such as "llama"' }).optional(),
  architectures: z
    .array(z.string(), { message: '`architectures` should be a list of class names such as ["LlamaForCausalLM"]' })
    .optional(),
});

export type HfConfig = z.infer<typeof HfConfigSchema>;

export type HfConfigParse = { ok: true; config: HfConfig } | { ok: false; error: string };

/** Removes one surrounding ``` fence (with or without a language tag) and outer blank space. */
export function stripCodeFence(text: string): string {
  let t = text.trim();
  if (t.startsWith('```')) {
    // A language tag (```json) is dropped; Slack's inline ```{...}``` keeps its first line.
    const newline = t.indexOf('\n');
    const tag = newline < 0 ? '' : t.slice(3, newline).trim();
    const isTag = newline >= 0 && [...tag].every((c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
    t = isTag ? t.slice(newline + 1) : t.slice(3);
    if (t.trimEnd().endsWith('```')) t = t.trimEnd().slice(0, -3);
    t = t.trim();
  }
  return t;
}

const CONFIG_KEYS = [
  '"model_type"',
  '"architectures"',
  '"hidden_size"',
  '"n_embd"',
  '"d_model"',
  '"num_hidden_layers"',
  '"vocab_size"',
];

/**
 * The JSON object in a message: the whole text, the first ``` block, or what follows a short
 * lead-in ("how big is this? {...}"), since people paste a config with a question around it.
 */
export function configText(text: string): string {
  const t = stripCodeFence(text);
  if (t.startsWith('{')) return t;
  const fence = t.indexOf('```');
  if (fence >= 0) {
    const close = t.indexOf('```', fence + 3);
    const block = stripCodeFence(t.slice(fence, close < 0 ? t.length : close + 3));
    if (block.startsWith('{')) return block;
  }
  const brace = t.indexOf('{');
  if (brace > 0 && brace <= 300 && t.endsWith('}')) return t.slice(brace);
  return t;
}

/** A JSON object that names a config.json field: what people paste from the Hub. */
export function looksLikeHfConfig(text: string): boolean {
  const t = configText(text);
  if (!t.startsWith('{')) return false;
  const head = t.slice(0, 20_000);
  return CONFIG_KEYS.some((k) => head.includes(k) || head.includes(k.replace(/"/g, '“')));
}

/** Slack turns straight quotes into curly ones when "smart quotes" are on. */
function straightenQuotes(text: string): string {
  return text.replace(/[“”„]/g, '"');
}

/** "line 3, column 14" for a JSON.parse error position, when the engine gives one. */
function whereInText(text: string, message: string): string {
  const m = /position (\d+)/.exec(message);
  if (!m) return '';
  const pos = Math.min(Number(m[1]), text.length);
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < pos; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return ` at line ${line}, column ${pos - lineStart + 1}`;
}

export function parseHfConfig(text: string): HfConfigParse {
  const t = straightenQuotes(configText(text));
  if (t.length > MAX_CONFIG_CHARS)
    return { ok: false, error: `That config.json is over ${MAX_CONFIG_CHARS.toLocaleString('en-US')} characters.` };
  let raw: unknown;
  try {
    raw = JSON.parse(t);
  } catch (err) {
    const where = err instanceof SyntaxError ? whereInText(t, err.message) : '';
    return {
      ok: false,
      error: `That looks like a config.json but is not valid JSON${where}. Paste the file exactly as it is on the Hub (double quotes, no trailing commas), e.g. \`{"model_type": "gpt2", "n_embd": 768, "n_layer": 12, "n_head": 12, "vocab_size": 50257}\`.`,
    };
  }
  const checked = HfConfigSchema.safeParse(raw);
  if (!checked.success) {
    const first = checked.error.issues[0];
    return { ok: false, error: `That config.json is not one I can read: ${first?.message ?? 'wrong shape'}.` };
  }
  return { ok: true, config: checked.data };
}
