// Slash-command shorthand and plain-word questions -> a typed, zod-checked query.
// Accepts what people actually type: `4096 256`, `4096, 256`, `4096 -> 256`, `input=4096 units=256`,
// `in=4096 hidden=256`, options in any order, a convention by name, `?` for an unknown, `= N` for a claim,
// and questions in plain words, in English, Chinese or French ("lstm input 300 hidden 128 2 layers",
// "一个输入4096、256个单元的LSTM有多少参数？"). Every refusal is a catalogue message (src/i18n) with the
// nearest reading when there is one.
import { z } from 'zod';
import type { CellKind, Convention } from '../engine/types.js';
import { CONVENTIONS } from '../engine/types.js';
import { MAX_DIGITS, MAX_SIZE, MAX_STACKED_LAYERS } from '../limits.js';
import { detectLanguage, isLocale, msg, say } from '../i18n/index.js';
import type { Locale, Message } from '../i18n/index.js';
import {
  BIDIRECTIONAL_WORDS,
  findLookalike,
  foldPhrases,
  foldWidth,
  isFiller,
  isModifier,
  nearestWord,
  roleOf,
  translateChinese,
} from './plain-words.js';
import type { Role } from './plain-words.js';

export const CELL_COMMANDS: Record<string, CellKind> = { lstm: 'lstm', gru: 'gru', rnn: 'rnn', simplernn: 'rnn' };

export interface SlashQuery {
  cell: CellKind;
  /** null where the user wrote `?` (solve for it). */
  input: bigint | null;
  units: bigint | null;
  layers: number;
  bidirectional: boolean;
  bias: boolean;
  proj: bigint | null;
  peepholes: boolean;
  resetAfter: boolean | null;
  convention: Convention;
  /** Whether the user named the convention (otherwise keras, or one picked for proj/peepholes). */
  conventionGiven: boolean;
  /** `= N`: a stated total to check or solve against. */
  claim: bigint | null;
  compare: boolean;
  /** The notes in English (kept for the JSON output); `messages` has them as catalogue messages. */
  notes: string[];
  messages: Message[];
  /** Time steps, when the text gave them (`16 timesteps`, `seq_len=16`, `input_shape=(16, 4096)`). */
  timesteps: bigint | null;
  /** `input_shape=(T, F)` as written: the claim check spots the two dimensions swapped. */
  inputShape: { steps: bigint | null; features: bigint } | null;
  /** `lang=zh|fr|en`, else the language the question is written in (null: no sign of one). */
  language: Locale | null;
  /** Whether `language` was chosen with `lang=` (it then wins over the Slack user's locale). */
  languageChosen: boolean;
  /** The shorthand this was read as, when the text was not plain shorthand (plain words, a typo). */
  reading: string | null;
}

/** A refusal: why (a catalogue message), and the nearest reading when there is one. */
export interface SlashRefusal {
  why: Message;
  suggestion?: string;
  cell: CellKind;
}

export type SlashParse =
  | { ok: true; query: SlashQuery }
  | ({ ok: false; error: string; language: Locale | null; languageChosen: boolean } & SlashRefusal)
  | { ok: 'help'; cell: CellKind };

export const CONVENTION_ALIASES: Record<string, Convention> = {
  keras: 'keras',
  keras3: 'keras',
  'tf.keras': 'keras',
  tf2: 'keras',
  tensorflow: 'keras',
  keras2: 'keras2',
  tfjs: 'keras2',
  'tf.js': 'keras2',
  'tensorflow.js': 'keras2',
  tensorflowjs: 'keras2',
  pytorch: 'pytorch',
  torch: 'pytorch',
  pt: 'pytorch',
  mxnet: 'pytorch',
  paddle: 'pytorch',
  mindspore: 'pytorch',
  cudnn: 'cudnn',
  cuda: 'cudnn',
  onnx: 'onnx',
  flax: 'flax',
  jax: 'flax',
  tf1: 'tf1',
};

const INPUT_KEYS = new Set(['input', 'in', 'input_size', 'input_dim', 'inputs', 'i', 'x']);
const UNITS_KEYS = new Set(['units', 'hidden', 'hidden_size', 'h', 'features', 'out', 'output', 'num_units']);
const LAYER_KEYS = new Set(['layers', 'num_layers', 'n_layers', 'stack', 'depth']);
const PROJ_KEYS = new Set(['proj', 'proj_size', 'num_proj', 'projection']);
const BIAS_KEYS = new Set(['bias', 'use_bias']);
const CONVENTION_KEYS = new Set(['framework', 'convention', 'fw', 'backend']);
const SEQ_KEYS = new Set([
  'seq',
  'seq_len',
  'sequence_length',
  'seqlen',
  'timesteps',
  'time_steps',
  'steps',
  'length',
  'input_length',
  'max_len',
  'maxlen',
  't',
]);
const BATCH_KEYS = new Set(['batch', 'batch_size', 'bs', 'n']);
const BOOL_TRUE = new Set(['true', '1', 'yes', 'on', 't']);
const BOOL_FALSE = new Set(['false', '0', 'no', 'off', 'f', 'none']);
const NO_BIAS_WORDS = new Set(['no-bias', 'nobias', 'no_bias', 'without-bias']);
const PEEPHOLE_WORDS = new Set(['peepholes', 'peephole', 'use_peepholes']);
const COMPARE_WORDS = new Set(['compare', 'frameworks', 'all']);

/** Every word the shorthand knows: what a typo is matched against. */
const KNOWN_WORDS = [
  ...Object.keys(CONVENTION_ALIASES),
  'bidirectional',
  'no-bias',
  'peepholes',
  'compare',
  'layers',
  'units',
  'input',
  'hidden',
  'help',
  'timesteps',
];

export function usageExample(cell: CellKind): string {
  return cell === 'lstm' ? '/lstm 4096 256' : cell === 'gru' ? '/gru 128 64' : '/rnn 300 128';
}

type IntegerWhat = 'sizes' | 'layers' | 'counts';

/** Bounded integer read: digits only (with `_` or grouped `,`), checked for length before conversion. */
export function readInteger(
  raw: string,
  what: IntegerWhat = 'sizes',
): { ok: true; value: bigint } | { ok: false; why: string; message: Message } {
  const s = raw.replace(/_/g, '');
  const max = what === 'layers' ? BigInt(MAX_STACKED_LAYERS) : MAX_SIZE;
  const no = (id: string) => {
    const message = msg(id, { raw: clip(raw), max, what });
    return { ok: false as const, why: say('en', message), message };
  };
  if (/^[+]?\d+$/.test(s) || /^\d{1,3}(,\d{3})+$/.test(s)) {
    const digits = s.replace(/[+,]/g, '').replace(/^0+(?=\d)/, '');
    if (digits.length > MAX_DIGITS) return no('number-too-large');
    return { ok: true, value: BigInt(digits) };
  }
  // Each refusal states the range, so the message says both what is wrong and what is accepted.
  if (/^-\d/.test(s)) return no('number-negative');
  if (/^[+-]?(\d+\.\d*|\.\d+)$/.test(s)) return no('number-fraction');
  // Unambiguous (\d+(\.\d+)? rather than \d*\.?\d+) so a long digit run backtracks linearly, not quadratically.
  if (/^[+-]?(\d+(\.\d+)?|\.\d+)e[+-]?\d+$/i.test(s)) return no('number-scientific');
  if (/^[+-]?(nan|inf|infinity)$/i.test(s)) return no('number-not-size');
  return no('number-not-whole');
}

function clip(s: string, n = 24): string {
  const chars = Array.from(s);
  return chars.length > n ? chars.slice(0, n).join('') + '…' : s;
}

// Schema messages are catalogue ids: a failed check is said in the asker's language.
const sizeSchema = () =>
  z
    .bigint()
    .refine((v) => v >= 1n, { message: 'size-at-least-one' })
    .refine((v) => v <= MAX_SIZE, { message: 'number-too-large' });

export const SlashQuerySchema = z
  .object({
    cell: z.enum(['lstm', 'gru', 'rnn']),
    input: sizeSchema().nullable(),
    units: sizeSchema().nullable(),
    layers: z
      .number()
      .int()
      .min(1, { message: 'layers-at-least-one' })
      .max(MAX_STACKED_LAYERS, { message: 'layers-at-most' }),
    bidirectional: z.boolean(),
    bias: z.boolean(),
    proj: sizeSchema().nullable(),
    peepholes: z.boolean(),
    resetAfter: z.boolean().nullable(),
    convention: z.enum(CONVENTIONS),
    conventionGiven: z.boolean(),
    claim: z
      .bigint()
      .refine((v) => v >= 0n, { message: 'claim-negative' })
      .nullable(),
    compare: z.boolean(),
    notes: z.array(z.string()),
  })
  .refine((q) => q.input !== null || q.units !== null, { message: 'two-unknowns' })
  .refine((q) => (q.input !== null && q.units !== null) || q.claim !== null, { message: 'unknown-needs-total' });

/** Words that are flags: `bi = 1444800` is the flag and a claim, not `bi=1444800`. */
function isFlagWord(word: string): boolean {
  const w = word.toLowerCase();
  return (
    BIDIRECTIONAL_WORDS.has(w) ||
    NO_BIAS_WORDS.has(w) ||
    PEEPHOLE_WORDS.has(w) ||
    COMPARE_WORDS.has(w) ||
    Object.hasOwn(CONVENTION_ALIASES, w)
  );
}

/** Whether text starts with true/false/yes/no/1/0... as a whole word (`bi=true`, not `bi = 1444800`). */
function isBoolWord(text: string): boolean {
  let end = 0;
  while (end < text.length && /[A-Za-z0-9]/.test(text[end] ?? '')) end++;
  const word = text.slice(0, end).toLowerCase();
  return BOOL_TRUE.has(word) || BOOL_FALSE.has(word);
}

/** Normalises spacing so `layers = 2` and `layers: 2` read as `layers=2`, and arrows read as separators. */
function normalise(text: string): string {
  return joinKeys(
    text
      .replace(/[\u2018\u2019]/g, "'")
      .replace(/[\u201c\u201d]/g, '"')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&')
      .replace(/`/g, ' ')
      .replace(/(->|=>|→|⟶|➜|\bto\b)/g, ' '),
  )
    .replace(/[;()[\]{}]/g, ' ')
    .trim();
}

function isKeyChar(ch: string): boolean {
  return (
    (ch >= 'a' && ch <= 'z') ||
    (ch >= 'A' && ch <= 'Z') ||
    (ch >= '0' && ch <= '9') ||
    ch === '_' ||
    ch === '.' ||
    ch === '-'
  );
}

function isKeyStart(ch: string): boolean {
  return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || ch === '_';
}

/**
 * `layers = 2` and `layers: 2` -> `layers=2`, in one scan (a key pattern with `\s*` around the sign
 * backtracks on long runs). A flag keeps its `=` apart (`bi = 1444800` is the flag and a claim),
 * unless a boolean follows (`bi = true`).
 */
function joinKeys(text: string): string {
  const out: string[] = [];
  /** Where the trailing run of key characters in `out` starts (out.length when there is none). */
  let runStart = 0;
  let i = 0;
  while (i < text.length) {
    let j = i;
    while (text[j] === ' ' || text[j] === '\t') j++;
    const sign = text[j];
    if ((sign === '=' || sign === ':') && runStart < out.length) {
      // The key: the run's last 64 characters, from its first letter (as `[A-Za-z_][\w.-]{0,63}`).
      let k = Math.max(runStart, out.length - 64);
      while (k < out.length && !isKeyStart(out[k] ?? '')) k++;
      if (k < out.length) {
        const key = out.slice(k).join('');
        let after = j + 1;
        while (text[after] === ' ' || text[after] === '\t') after++;
        const apart = sign === '=' && isFlagWord(key) && !isBoolWord(text.slice(after, after + 8));
        out.push(...(apart ? ' = ' : '='));
        runStart = out.length;
        i = after;
        continue;
      }
    }
    if (j > i) {
      for (let s = i; s < j; s++) out.push(text[s] ?? ' ');
      runStart = out.length;
      i = j;
      continue;
    }
    const ch = text[i] ?? '';
    out.push(ch);
    if (!isKeyChar(ch)) runStart = out.length;
    i++;
  }
  return out.join('');
}

/**
 * `input_shape=(16, 4096)` (or `batch_input_shape=(None, 16, 4096)`): the last dimension is the input
 * width, the one before it the time steps. Read by scanning, replaced by `input=… timesteps=…`.
 */
function readInputShape(text: string): { text: string; shape: SlashQuery['inputShape'] } {
  const lower = text.toLowerCase();
  const at = lower.indexOf('input_shape');
  if (at < 0) return { text, shape: null };
  let i = at + 'input_shape'.length;
  while (i < text.length && (text[i] === ' ' || text[i] === '=' || text[i] === ':')) i++;
  const open = text[i];
  if (open !== '(' && open !== '[') return { text, shape: null };
  const close = text.indexOf(open === '(' ? ')' : ']', i);
  if (close < 0 || close - i > 120) return { text, shape: null };
  const dims = text
    .slice(i + 1, close)
    .split(',')
    .map((d) => d.trim())
    .filter((d) => d !== '');
  const last = dims[dims.length - 1];
  if (!last || !/^\d{1,13}$/.test(last)) return { text, shape: null };
  const before = dims[dims.length - 2];
  const steps = before && /^\d{1,13}$/.test(before) ? BigInt(before) : null;
  const features = BigInt(last);
  let start = at;
  while (start > 0 && /[\w]/.test(text[start - 1] ?? '')) start--; // batch_input_shape
  const replacement = ` input=${features}${steps !== null ? ` timesteps=${steps}` : ''} `;
  return { text: text.slice(0, start) + replacement + text.slice(close + 1), shape: { steps, features } };
}

/** `input=…`, `units=…` and the other size keys. */
function isSizeKey(token: string): boolean {
  const eq = token.indexOf('=');
  const key = token.slice(0, eq).toLowerCase();
  return eq > 0 && (INPUT_KEYS.has(key) || UNITS_KEYS.has(key));
}

/** A number-like token: digits, `?`, or a signed/decimal form readInteger explains. */
function isNumberToken(t: string): boolean {
  return /^[+-]?[\d?.]/.test(t) || /^(nan|inf|infinity)$/i.test(t);
}

/** Splits `300-dim`, `2-layer` into a number and a word; strips a question's trailing `?` and French elisions. */
function splitWords(body: string): string[] {
  const out: string[] = [];
  for (const w of body.split(/\s+/)) {
    if (!w) continue;
    let word = w;
    // "input?" ends a question; a lone `?` is an unknown size.
    while (word.length > 1 && (word.endsWith('?') || word.endsWith('!')) && /[a-zà-ÿ]/i.test(word[0] ?? ''))
      word = word.slice(0, -1);
    const apostrophe = word.indexOf("'");
    if (apostrophe === 1 || (apostrophe === 2 && word.toLowerCase().startsWith('qu')))
      word = word.slice(apostrophe + 1);
    const dash = word.indexOf('-');
    if (dash > 0 && /^\d+$/.test(word.slice(0, dash)) && /^[a-zà-ÿ]+$/i.test(word.slice(dash + 1))) {
      out.push(word.slice(0, dash), word.slice(dash + 1));
      continue;
    }
    if (word) out.push(word);
  }
  return out;
}

const ROLE_KEY: Record<Role, string> = {
  input: 'input',
  units: 'units',
  layers: 'layers',
  seq: 'timesteps',
  batch: 'batch',
};

/**
 * Binds numbers to the plain words beside them: `128 units`, `300 dim input`, `input 300`, `2 layers`.
 * A number takes the role word after it, unless that word has its own number after it
 * (`input 300 hidden 128`); otherwise the role word before it. Returns key=value tokens.
 */
function bindPlainWords(tokens: string[]): { tokens: string[]; bound: number; fillers: number } {
  const lower = tokens.map((t) => t.toLowerCase());
  const isNum = tokens.map((t) => /^(\d[\d_,]*|\?)$/.test(t));
  // `/lstm 300 128 layers` is two sizes and a bare `layers`, not 128 layers: a number goes to `layers`
  // only when two sizes are left without it.
  const keyedSizes = lower.filter((t) => {
    const eq = t.indexOf('=');
    return eq > 0 && (INPUT_KEYS.has(t.slice(0, eq)) || UNITS_KEYS.has(t.slice(0, eq)));
  }).length;
  const sizesBesides = isNum.filter(Boolean).length - 1 + keyedSizes;
  const taken = new Array<boolean>(tokens.length).fill(false);
  const roleBound = new Array<boolean>(tokens.length).fill(false);
  const boundRoles = new Set<Role>();
  const skipMods = (i: number, step: number) => {
    let j = i + step;
    while (j >= 0 && j < tokens.length && isModifier(lower[j] ?? '')) j += step;
    return j;
  };
  const roleAt = (j: number) => (j >= 0 && j < tokens.length && !roleBound[j] ? roleOf(lower[j] ?? '') : undefined);
  let bound = 0;
  const out = tokens.slice();
  for (let i = 0; i < tokens.length; i++) {
    if (!isNum[i] || taken[i]) continue;
    // `input 300`: the role word before, unless its role is taken (`128 hidden units, 300 input`).
    const prev = skipMods(i, -1);
    const prevRole = roleAt(prev);
    let key: number | null = null;
    if (prevRole && !boundRoles.has(prevRole)) key = prev;
    else {
      // `128 units`: the role word after, unless its own number follows it (`… 300 hidden 128`), where
      // that number has no role word of its own after it.
      const next = skipMods(i, 1);
      const afterNext = skipMods(next, 1);
      const afterNextFree = !(isNum[afterNext] && !taken[afterNext]) || roleAt(skipMods(afterNext, 1)) !== undefined;
      if (roleAt(next) && afterNextFree) key = next;
    }
    if (key === null) continue;
    const role = roleOf(lower[key] ?? '') as Role;
    if (role === 'layers' && sizesBesides < 2) continue;
    boundRoles.add(role);
    out[i] = `${ROLE_KEY[role]}=${tokens[i]}`;
    out[key] = '';
    taken[i] = true;
    roleBound[key] = true;
    bound++;
  }
  let fillers = 0;
  const kept: string[] = [];
  for (let i = 0; i < out.length; i++) {
    const t = out[i] ?? '';
    if (t === '') continue;
    const l = t.toLowerCase();
    // Once numbers are bound, the words around them ("size", "of", "with") are part of the phrase.
    if (isFiller(l) || (isModifier(l) && !isNum[i])) {
      fillers++;
      continue;
    }
    // A role word that kept no number (`hidden units` after `128`) repeats the one before it.
    if (roleOf(l) && roleOf(l) !== 'layers' && roleBound.some((b, j) => b && roleOf(lower[j] ?? '') === roleOf(l))) {
      fillers++;
      continue;
    }
    kept.push(t);
  }
  return { tokens: kept, bound, fillers };
}

/**
 * Parses what follows `/lstm`, `/gru` or `/rnn`.
 * Never throws: every problem becomes a friendly message with a correct example.
 */
export function parseSlashText(cell: CellKind, rawText: string, depth = 0): SlashParse {
  /** The reading with one word replaced, for "did you mean"; one level deep, so a refusal costs two parses at most. */
  const retried = (from: string, to: string): string | undefined => {
    if (depth > 0) return undefined;
    const again = parseSlashText(cell, rawText.replace(from, to), depth + 1);
    return again.ok === true ? (again.query.reading ?? canonical(again.query)) : undefined;
  };
  let language: Locale | null = null;
  let languageChosen = false;
  const fail = (why: Message, suggestion?: string): SlashParse => {
    const refusal: SlashRefusal = suggestion ? { why, suggestion, cell } : { why, cell };
    return { ok: false, error: refusalText('en', refusal), language, languageChosen, ...refusal };
  };

  let prepared = foldWidth(rawText);
  language = detectLanguage(prepared);
  if (language === 'zh') prepared = translateChinese(prepared);
  prepared = foldPhrases(prepared);
  const shape = readInputShape(prepared);
  const text = normalise(shape.text);
  if (text === '' || /^(help|-h|--help|\?|usage|aide|帮助)$/i.test(text)) return { ok: 'help', cell };

  // Split the `= N` claim off first; it may stand anywhere (`? 64 = 49408 pytorch`, `300 300 bi = 1444800`).
  // A claim's `=` follows a size, `?`, a space or the start (a key's `=` follows a letter and was joined above).
  let claimText: string | null = null;
  let body = text;
  const claimMatch = /(^|[\s\d?])=\s*([^\s=]+)/.exec(text);
  if (claimMatch) {
    claimText = claimMatch[2] ?? null;
    const at = claimMatch.index + (claimMatch[1] ?? '').length;
    body = (text.slice(0, at) + ' ' + text.slice(claimMatch.index + claimMatch[0].length)).trim();
  }

  // A grouped number like 4,096 is one size only when the text still has two sizes with it read so;
  // `128,256` alone is two sizes.
  const GROUPED = /^\d{1,3}(,\d{3})+,?$/;
  const words = splitWords(body);
  const sizeWords = words.filter((t) => /^[\d?][\d_?,]*$/.test(t) || /^(input|in|units|hidden)\w*=/i.test(t)).length;
  const keepGroups = sizeWords >= 2 || words.some((t) => /=/.test(t) && GROUPED.test(t.slice(t.indexOf('=') + 1)));
  const split = words
    .flatMap((t) => {
      if (keepGroups && GROUPED.test(t)) return [t.replace(/,$/, '')];
      const eqAt = t.indexOf('=');
      if (eqAt > 0 && GROUPED.test(t.slice(eqAt + 1))) return [t.replace(/,$/, '')];
      return t.split(',');
    })
    .filter(Boolean);

  // `25б`: a letter that looks like a digit. Say which, and offer the reading with the digit.
  for (const tok of split) {
    const look = findLookalike(tok);
    if (!look) continue;
    const why = msg('lookalike-letter', {
      raw: clip(tok),
      letter: look.letter,
      codepoint: look.codePoint,
      script: look.script,
      digit: look.digit,
    });
    return fail(why, retried(look.token, look.fixed));
  }

  // `… 128 units, 4 timesteps = 12345`: the `=` was read as the key's, but the word already has its
  // number before it and both sizes are given elsewhere, so `= 12345` is a claim.
  if (claimText === null) {
    for (let i = 1; i < split.length; i++) {
      const tok = split[i] ?? '';
      const eq = tok.indexOf('=');
      const key = tok.slice(0, eq).toLowerCase();
      const before = split[i - 1] ?? '';
      if (eq <= 0 || !(SEQ_KEYS.has(key) || LAYER_KEYS.has(key)) || !/^\d{1,6}$/.test(before)) continue;
      const sizes = split.filter((t, j) => j !== i - 1 && j !== i && (/^\d[\d_,]*$/.test(t) || isSizeKey(t))).length;
      if (sizes < 2) continue;
      claimText = tok.slice(eq + 1);
      split.splice(i, 1, key);
      break;
    }
  }
  const plain = bindPlainWords(split);
  const tokens = plain.tokens;
  const sentence = plain.fillers >= 2 || language !== null;
  let plainReading = plain.bound > 0 || sentence || shape.shape !== null;

  const q: SlashQuery = {
    cell,
    input: null,
    units: null,
    layers: 1,
    bidirectional: false,
    bias: true,
    proj: null,
    peepholes: false,
    resetAfter: null,
    convention: 'keras',
    conventionGiven: false,
    claim: null,
    compare: false,
    notes: [],
    messages: [],
    timesteps: null,
    inputShape: shape.shape,
    language,
    languageChosen: false,
    reading: null,
  };
  const note = (m: Message) => {
    q.messages.push(m);
    q.notes.push(say('en', m));
  };
  let inputSet = false;
  let unitsSet = false;
  let layersSet = false;
  const positional: string[] = [];
  /** Each framework named, as written: two different ones are a conflict to name, not to settle. */
  const frameworks: { word: string; convention: Convention }[] = [];
  const ignored: string[] = [];
  let bareLayers = false;

  const setSize = (which: 'input' | 'units', raw: string): Message | null => {
    if (which === 'input' ? inputSet : unitsSet) return msg('size-given-twice', { which });
    if (which === 'input') inputSet = true;
    else unitsSet = true;
    if (raw === '?') return null;
    const n = readInteger(raw);
    if (!n.ok) return n.message;
    if (n.value < 1n) return msg('size-at-least-one', { which, raw: clip(raw) });
    if (n.value > MAX_SIZE) return msg('number-too-large', { raw: clip(raw), max: MAX_SIZE, what: 'sizes' });
    q[which] = n.value;
    return null;
  };
  const readBool = (key: string, raw: string): boolean | Message => {
    const v = raw.toLowerCase();
    if (BOOL_TRUE.has(v)) return true;
    if (BOOL_FALSE.has(v)) return false;
    return msg('bool-expected', { key: clip(key), raw: clip(raw) });
  };
  const setFramework = (word: string, c: Convention) => {
    frameworks.push({ word, convention: c });
    q.convention = c;
    q.conventionGiven = true;
  };
  const setSeq = (key: string, rawValue: string) => {
    const n = readInteger(rawValue);
    if (n.ok && n.value >= 1n) {
      q.timesteps = n.value;
      note(msg('note-timesteps', { steps: n.value }));
    } else note(msg('note-timesteps', { steps: clip(rawValue) }));
    void key;
  };

  for (const tok of tokens) {
    const lower = tok.toLowerCase();
    const eq = lower.indexOf('=');
    if (eq > 0) {
      const key = lower.slice(0, eq).replace(/^-+/, '');
      const rawValue = tok.slice(eq + 1);
      const value = rawValue.toLowerCase();
      if (rawValue === '') return fail(msg('option-no-value', { tok: clip(tok) }));
      let err: Message | null = null;
      if (INPUT_KEYS.has(key)) err = setSize('input', rawValue);
      else if (UNITS_KEYS.has(key)) err = setSize('units', rawValue);
      else if (LAYER_KEYS.has(key)) {
        const n = readInteger(rawValue, 'layers');
        if (layersSet) err = msg('layers-given-twice');
        else if (!n.ok) err = n.message;
        else if (n.value < 1n) err = msg('layers-at-least-one', { raw: clip(rawValue) });
        else if (n.value > BigInt(MAX_STACKED_LAYERS))
          err = msg('layers-at-most', { raw: clip(rawValue), max: BigInt(MAX_STACKED_LAYERS) });
        else q.layers = Number(n.value);
        layersSet = true;
      } else if (PROJ_KEYS.has(key)) {
        const n = readInteger(rawValue);
        if (!n.ok) err = n.message;
        else if (n.value < 1n) err = msg('proj-at-least-one', { raw: clip(rawValue) });
        else q.proj = n.value;
      } else if (BIAS_KEYS.has(key)) {
        const b = readBool(key, rawValue);
        if (typeof b !== 'boolean') err = b;
        else q.bias = b;
      } else if (key === 'bidirectional' || key === 'bi') {
        const b = readBool(key, rawValue);
        if (typeof b !== 'boolean') err = b;
        else q.bidirectional = b;
      } else if (key === 'peepholes' || key === 'use_peepholes' || key === 'peephole') {
        const b = readBool(key, rawValue);
        if (typeof b !== 'boolean') err = b;
        else q.peepholes = b;
      } else if (key === 'reset_after' || key === 'resetafter') {
        const b = readBool(key, rawValue);
        if (typeof b !== 'boolean') err = b;
        else q.resetAfter = b;
      } else if (CONVENTION_KEYS.has(key)) {
        const c = CONVENTION_ALIASES[value];
        if (!c) {
          const near = nearestWord(value, Object.keys(CONVENTION_ALIASES));
          return fail(msg('unknown-framework', { raw: clip(rawValue) }), near ? `framework=${near}` : undefined);
        }
        setFramework(rawValue, c);
      } else if (SEQ_KEYS.has(key)) setSeq(key, rawValue);
      else if (BATCH_KEYS.has(key)) note(msg('note-batch', { batch: clip(rawValue) }));
      else if (key === 'lang' || key === 'language' || key === 'locale') {
        const l = value.slice(0, 2);
        if (!isLocale(l)) return fail(msg('unknown-language', { raw: clip(rawValue) }), 'lang=zh');
        q.language = l;
        q.languageChosen = true;
        language = l;
        languageChosen = true;
      } else {
        const near = nearestWord(key, KNOWN_WORDS);
        err = msg('unknown-option', { tok: clip(tok) });
        if (near) return fail(err, retried(tok.slice(0, eq), near) ?? `${near}=${clip(rawValue)}`);
      }
      if (err) return fail(err);
      continue;
    }
    const bare = lower.replace(/^-+(?=[a-z])/, '');
    if (isNumberToken(tok)) {
      positional.push(tok);
    } else if (BIDIRECTIONAL_WORDS.has(bare)) {
      q.bidirectional = true;
    } else if (NO_BIAS_WORDS.has(bare)) {
      q.bias = false;
    } else if (PEEPHOLE_WORDS.has(bare)) {
      q.peepholes = true;
    } else if (COMPARE_WORDS.has(bare)) {
      q.compare = true;
    } else if (Object.hasOwn(CONVENTION_ALIASES, bare)) {
      setFramework(tok, CONVENTION_ALIASES[bare] as Convention);
    } else if (bare === 'help' || bare === 'aide') {
      return { ok: 'help', cell };
    } else if (Object.hasOwn(CELL_COMMANDS, bare) && CELL_COMMANDS[bare] !== cell) {
      return fail(msg('other-layer', { tok: clip(tok), command: bare }));
    } else if (Object.hasOwn(CELL_COMMANDS, bare)) {
      // `/lstm lstm 4096 256`: harmless repetition.
    } else if (roleOf(bare) === 'layers') {
      bareLayers = true;
    } else if (roleOf(bare) && sentence) {
      // "input" or "units" with no number beside it in a sentence: the sizes come positionally.
    } else {
      const near = nearestWord(bare, KNOWN_WORDS);
      const nearConvention = near && Object.hasOwn(CONVENTION_ALIASES, near) ? near : null;
      if (nearConvention) {
        // A framework's name with a typo (`pytroch`): read it, and say so.
        setFramework(nearConvention, CONVENTION_ALIASES[nearConvention] as Convention);
        note(msg('note-typo', { raw: clip(tok), word: nearConvention }));
        plainReading = true;
      } else if (near || !sentence) {
        return fail(msg('unknown-option', { tok: clip(tok) }), near ? (retried(tok, near) ?? near) : undefined);
      } else ignored.push(clip(tok, 16));
    }
  }

  // A `?` at the very end of a question that already has both sizes is its question mark.
  const last = positional[positional.length - 1];
  if (last === '?' && claimText === null && tokens[tokens.length - 1] === '?') {
    const sizes = positional.length - 1 + (inputSet ? 1 : 0) + (unitsSet ? 1 : 0);
    if (sizes >= 2) positional.pop();
  }
  for (const p of positional) {
    if (!inputSet) {
      const e = setSize('input', p);
      if (e) return fail(e);
    } else if (!unitsSet) {
      const e = setSize('units', p);
      if (e) return fail(e);
    } else {
      const e = msg('one-size-too-many', { raw: clip(p) });
      // `/lstm 300 128 2 layers` is already read; `/lstm 300 128 2` may mean two layers.
      const layers = /^\d{1,2}$/.test(p) && Number(p) >= 2 && Number(p) <= 16;
      return fail(e, layers && q.input !== null && q.units !== null ? withLayers(q, p) : undefined);
    }
  }
  if (!inputSet && !unitsSet) return fail(msg('sizes-missing'));
  if (!inputSet) return fail(msg('input-missing'));
  if (!unitsSet) return fail(msg('units-missing', { input: q.input === null ? '?' : q.input.toString() }));

  if (bareLayers && !layersSet) return fail(msg('layers-without-number'), withLayers(q, '2'));

  const distinct = [...new Set(frameworks.map((f) => f.convention))];
  if (distinct.length > 1) {
    const first = frameworks[0] as { word: string };
    const second = frameworks.find((f) => f.convention !== frameworks[0]?.convention) as { word: string };
    return fail(
      msg('frameworks-conflict', { first: clip(first.word), second: clip(second.word) }),
      canonical({
        ...q,
        convention: CONVENTION_ALIASES[first.word.toLowerCase()] ?? q.convention,
        conventionGiven: true,
      }),
    );
  }

  if (claimText !== null) {
    const n = readInteger(claimText.replace(/\.0+$/, ''), 'counts');
    if (!n.ok)
      return fail(n.message.id === 'number-not-whole' ? msg('claim-not-number', { raw: clip(claimText) }) : n.message);
    q.claim = n.value;
  }

  // A projection or peepholes without a framework: pick the one that has them, and say so.
  if (!q.conventionGiven && q.cell === 'lstm') {
    if (q.proj !== null) {
      q.convention = 'pytorch';
      note(msg('note-proj-pytorch'));
    } else if (q.peepholes) {
      q.convention = 'tf1';
      note(msg('note-peepholes-tf1'));
    }
  }
  const checked = SlashQuerySchema.safeParse(q);
  if (!checked.success) {
    const id = checked.error.issues[0]?.message ?? 'not-a-layer';
    return fail(msg(id, { example: solveHint(cell), which: 'input', raw: '', max: MAX_SIZE, what: 'sizes' }));
  }
  if (ignored.length > 0) note(msg('note-ignored', { words: ignored.map((w) => `\`${w}\``).join(', ') }));
  if (plainReading) {
    q.reading = canonical(q);
    note(msg('note-read-as', { reading: q.reading }));
  }
  return { ok: true, query: q };
}

function solveHint(cell: CellKind): string {
  return cell === 'lstm' ? '/lstm ? 64 = 49408' : cell === 'gru' ? '/gru ? 64 = 37248' : '/rnn ? 64 = 12352';
}

function withLayers(q: SlashQuery, layers: string): string {
  return canonical({ ...q, layers: Number(layers) });
}

/** The shorthand for a query: `/lstm 300 128 layers=2 bidirectional pytorch = 1444800`. */
export function canonical(q: SlashQuery): string {
  const parts = [
    `/${q.cell}`,
    q.input === null ? '?' : q.input.toString(),
    q.units === null ? '?' : q.units.toString(),
  ];
  if (q.layers > 1) parts.push(`layers=${q.layers}`);
  if (q.bidirectional) parts.push('bidirectional');
  if (!q.bias) parts.push('no-bias');
  if (q.proj !== null) parts.push(`proj=${q.proj}`);
  if (q.peepholes) parts.push('peepholes');
  if (q.resetAfter !== null) parts.push(`reset_after=${q.resetAfter}`);
  if (q.conventionGiven) parts.push(q.convention);
  if (q.timesteps !== null) parts.push(`timesteps=${q.timesteps}`);
  if (q.compare) parts.push('compare');
  if (q.claim !== null) parts.push(`= ${q.claim}`);
  return parts.join(' ');
}

/** The refusal as one paragraph: why, the nearest reading, then the usage with an example. */
export function refusalText(locale: Locale, r: SlashRefusal): string {
  const hint = r.suggestion
    ? say(locale, msg('did-you-mean', { suggestion: r.suggestion })) + (locale === 'zh' ? '' : ' ')
    : '';
  return say(
    locale,
    msg('slash-refusal', { why: say(locale, r.why), hint, cell: r.cell, example: usageExample(r.cell) }),
  );
}
