// Slash-command shorthand -> a typed, zod-checked query.
// Accepts what people actually type: `4096 256`, `4096, 256`, `4096 -> 256`, `input=4096 units=256`,
// `in=4096 hidden=256`, options in any order, a convention by name, `? ` for an unknown, `= N` for a claim.
import { z } from 'zod';
import type { CellKind, Convention } from '../engine/types.js';
import { CONVENTIONS } from '../engine/types.js';
import { MAX_DIGITS, MAX_SIZE, MAX_STACKED_LAYERS } from '../limits.js';
import { groupDigits as formatCount } from '../engine/numbers.js';

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
  notes: string[];
}

export type SlashParse =
  | { ok: true; query: SlashQuery }
  | { ok: false; error: string }
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

export function usageExample(cell: CellKind): string {
  return cell === 'lstm' ? '/lstm 4096 256' : cell === 'gru' ? '/gru 128 64' : '/rnn 300 128';
}

const OPTIONS_HELP =
  '`bidirectional` (or `bi`), `layers=N`, `no-bias`, `proj=N`, `peepholes`, `reset_after=true|false`, ' +
  'a framework (`keras`, `keras2`/`tfjs`, `pytorch`, `cudnn`, `onnx`, `flax`, `tf1`), `compare`';

/** Bounded integer read: digits only (with `_` or grouped `,`), checked for length before conversion. */
export function readInteger(raw: string): { ok: true; value: bigint } | { ok: false; why: string } {
  const s = raw.replace(/_/g, '');
  if (/^[+]?\d+$/.test(s) || /^\d{1,3}(,\d{3})+$/.test(s)) {
    const digits = s.replace(/[+,]/g, '').replace(/^0+(?=\d)/, '');
    if (digits.length > MAX_DIGITS)
      return { ok: false, why: `\`${clip(raw)}\` is too large: sizes go up to ${formatCount(MAX_SIZE)}` };
    return { ok: true, value: BigInt(digits) };
  }
  // Each refusal states the range, so the message says both what is wrong and what is accepted.
  const range = `from 1 to ${formatCount(MAX_SIZE)}`;
  if (/^-\d/.test(s)) return { ok: false, why: `\`${clip(raw)}\` is negative: sizes are whole numbers ${range}` };
  if (/^[+-]?(\d+\.\d*|\.\d+)$/.test(s)) {
    return { ok: false, why: `\`${clip(raw)}\` is a fraction: sizes are whole numbers ${range}` };
  }
  // Unambiguous (\d+(\.\d+)? rather than \d*\.?\d+) so a long digit run backtracks linearly, not quadratically.
  if (/^[+-]?(\d+(\.\d+)?|\.\d+)e[+-]?\d+$/i.test(s)) {
    return { ok: false, why: `\`${clip(raw)}\` is in scientific notation: write sizes as plain digits, ${range}` };
  }
  if (/^[+-]?(nan|inf|infinity)$/i.test(s))
    return { ok: false, why: `\`${clip(raw)}\` is not a size: sizes are whole numbers ${range}` };
  return { ok: false, why: `\`${clip(raw)}\` is not a whole number ${range}` };
}

function clip(s: string, n = 24): string {
  const chars = Array.from(s);
  return chars.length > n ? chars.slice(0, n).join('') + '…' : s;
}

const sizeSchema = (what: string) =>
  z
    .bigint()
    .refine((v) => v >= 1n, { message: `${what} must be at least 1` })
    .refine((v) => v <= MAX_SIZE, { message: `${what} goes up to ${formatCount(MAX_SIZE)}` });

export const SlashQuerySchema = z
  .object({
    cell: z.enum(['lstm', 'gru', 'rnn']),
    input: sizeSchema('the input width').nullable(),
    units: sizeSchema('the units').nullable(),
    layers: z
      .number()
      .int()
      .min(1, { message: 'layers must be at least 1' })
      .max(MAX_STACKED_LAYERS, { message: `layers goes up to ${MAX_STACKED_LAYERS}` }),
    bidirectional: z.boolean(),
    bias: z.boolean(),
    proj: sizeSchema('proj').nullable(),
    peepholes: z.boolean(),
    resetAfter: z.boolean().nullable(),
    convention: z.enum(CONVENTIONS),
    conventionGiven: z.boolean(),
    claim: z
      .bigint()
      .refine((v) => v >= 0n, { message: 'the stated count cannot be negative' })
      .nullable(),
    compare: z.boolean(),
    notes: z.array(z.string()),
  })
  .refine((q) => q.input !== null || q.units !== null, { message: 'only one size can be `?`' })
  .refine((q) => (q.input !== null && q.units !== null) || q.claim !== null, {
    message: 'a `?` needs a total to solve for, e.g. `/lstm ? 64 = 49408`',
  });

/** Normalises spacing so `layers = 2` and `layers: 2` read as `layers=2`, and arrows read as separators. */
function normalise(text: string): string {
  return text
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/`/g, ' ')
    .replace(/(->|=>|→|⟶|➜|\bto\b)/g, ' ')
    .replace(/(?<![\w.-])([A-Za-z_][\w.-]{0,63})\s*[=:]\s*/g, '$1=') // key length bounded: unbounded, a 100k-letter word took seconds
    .replace(/[;()[\]{}]/g, ' ')
    .trim();
}

/**
 * Parses what follows `/lstm`, `/gru` or `/rnn`.
 * Never throws: every problem becomes a friendly message with a correct example.
 */
export function parseSlashText(cell: CellKind, rawText: string): SlashParse {
  const text = normalise(rawText);
  const example = usageExample(cell);
  if (text === '' || /^(help|-h|--help|\?|usage)$/i.test(text)) return { ok: 'help', cell };
  const fail = (why: string): SlashParse => ({
    ok: false,
    error: `${why}. Expected \`/${cell} <input> <units> [options]\`, e.g. \`${example}\`.`,
  });

  // Split the `= N` claim off first; it may stand anywhere after the sizes (`? 64 = 49408 pytorch`).
  // A claim's `=` follows a size or `?` (a key's `=` follows a letter and was joined above).
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
  const words = body.split(/\s+/).filter(Boolean);
  const sizeWords = words.filter((t) => /^[\d?][\d_?,]*$/.test(t) || /^(input|in|units|hidden)\w*=/i.test(t)).length;
  const keepGroups = sizeWords >= 2 || words.some((t) => /=/.test(t) && GROUPED.test(t.slice(t.indexOf('=') + 1)));
  const tokens = words
    .flatMap((t) => {
      if (keepGroups && GROUPED.test(t)) return [t.replace(/,$/, '')];
      const eqAt = t.indexOf('=');
      if (eqAt > 0 && GROUPED.test(t.slice(eqAt + 1))) return [t.replace(/,$/, '')];
      return t.split(',');
    })
    .filter(Boolean);

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
  };
  let inputSet = false;
  let unitsSet = false;
  const positional: string[] = [];

  const setSize = (which: 'input' | 'units', raw: string): string | null => {
    if (which === 'input' ? inputSet : unitsSet)
      return `the ${which === 'input' ? 'input width' : 'units'} is given twice`;
    if (which === 'input') inputSet = true;
    else unitsSet = true;
    if (raw === '?') return null;
    const n = readInteger(raw);
    if (!n.ok) return n.why;
    if (n.value < 1n) return `the ${which === 'input' ? 'input width' : 'units'} must be at least 1 (got ${raw})`;
    if (n.value > MAX_SIZE) return `\`${clip(raw)}\` is too large: sizes go up to ${formatCount(MAX_SIZE)}`;
    q[which] = n.value;
    return null;
  };
  const readBool = (key: string, raw: string): boolean | string => {
    const v = raw.toLowerCase();
    if (BOOL_TRUE.has(v)) return true;
    if (BOOL_FALSE.has(v)) return false;
    return `\`${clip(key)}=${clip(raw)}\` should be true or false`;
  };

  for (const tok of tokens) {
    const lower = tok.toLowerCase();
    const eq = lower.indexOf('=');
    if (eq > 0) {
      const key = lower.slice(0, eq).replace(/^-+/, '');
      const rawValue = tok.slice(eq + 1);
      const value = rawValue.toLowerCase();
      if (rawValue === '') return fail(`\`${clip(tok)}\` has no value`);
      let err: string | null = null;
      if (INPUT_KEYS.has(key)) err = setSize('input', rawValue);
      else if (UNITS_KEYS.has(key)) err = setSize('units', rawValue);
      else if (LAYER_KEYS.has(key)) {
        const n = readInteger(rawValue);
        if (!n.ok) {
          const most = formatCount(BigInt(MAX_STACKED_LAYERS));
          err = n.why
            .replace(/sizes go up to [\d,]+/, `layers go up to ${most}`)
            .replace(/from 1 to [\d,]+/, `from 1 to ${most}`)
            .replace(/sizes/g, 'layers');
        } else if (n.value < 1n) err = `layers must be at least 1 (got ${rawValue})`;
        else if (n.value > BigInt(MAX_STACKED_LAYERS))
          err = `layers goes up to ${formatCount(BigInt(MAX_STACKED_LAYERS))} (got ${clip(rawValue)})`;
        else q.layers = Number(n.value);
      } else if (PROJ_KEYS.has(key)) {
        const n = readInteger(rawValue);
        if (!n.ok) err = n.why;
        else if (n.value < 1n) err = `proj must be at least 1 (got ${rawValue}); leave it out for no projection`;
        else q.proj = n.value;
      } else if (BIAS_KEYS.has(key)) {
        const b = readBool(key, rawValue);
        if (typeof b === 'string') err = b;
        else q.bias = b;
      } else if (key === 'bidirectional' || key === 'bi') {
        const b = readBool(key, rawValue);
        if (typeof b === 'string') err = b;
        else q.bidirectional = b;
      } else if (key === 'peepholes' || key === 'use_peepholes' || key === 'peephole') {
        const b = readBool(key, rawValue);
        if (typeof b === 'string') err = b;
        else q.peepholes = b;
      } else if (key === 'reset_after' || key === 'resetafter') {
        const b = readBool(key, rawValue);
        if (typeof b === 'string') err = b;
        else q.resetAfter = b;
      } else if (CONVENTION_KEYS.has(key)) {
        const c = CONVENTION_ALIASES[value];
        if (!c)
          err = `I don't know the framework \`${clip(rawValue)}\`; pick one of keras, keras2 (tfjs), pytorch, cudnn, onnx, flax, tf1`;
        else {
          q.convention = c;
          q.conventionGiven = true;
        }
      } else if (SEQ_KEYS.has(key) || BATCH_KEYS.has(key)) {
        const what = SEQ_KEYS.has(key) ? 'Sequence length' : 'Batch size';
        q.notes.push(
          `${what} (${clip(rawValue)}) never changes the parameter count: the same weights are reused at every time step and for every example. It changes activations and memory during training, not the weights.`,
        );
      } else {
        err = `I don't know the option \`${clip(tok)}\`; options are ${OPTIONS_HELP}`;
      }
      if (err) return fail(err);
      continue;
    }
    const bare = lower.replace(/^-+(?=[a-z])/, '');
    if (/^[+-]?[\d?.]/.test(tok) || /^(nan|inf|infinity)$/i.test(tok)) {
      positional.push(tok);
    } else if (bare === 'bidirectional' || bare === 'bi' || bare === 'bidir' || bare === 'bidi') {
      q.bidirectional = true;
    } else if (bare === 'no-bias' || bare === 'nobias' || bare === 'no_bias' || bare === 'without-bias') {
      q.bias = false;
    } else if (bare === 'peepholes' || bare === 'peephole' || bare === 'use_peepholes') {
      q.peepholes = true;
    } else if (bare === 'compare' || bare === 'frameworks' || bare === 'all') {
      q.compare = true;
    } else if (CONVENTION_ALIASES[bare]) {
      q.convention = CONVENTION_ALIASES[bare];
      q.conventionGiven = true;
    } else if (bare === 'help') {
      return { ok: 'help', cell };
    } else if (CELL_COMMANDS[bare] && CELL_COMMANDS[bare] !== cell) {
      return fail(`\`${clip(tok)}\` names another layer; use \`/${bare}\` for it`);
    } else if (CELL_COMMANDS[bare]) {
      // `/lstm lstm 4096 256`: harmless repetition.
    } else {
      return fail(`I don't know the option \`${clip(tok)}\`; options are ${OPTIONS_HELP}`);
    }
  }

  for (const p of positional) {
    if (!inputSet) {
      const e = setSize('input', p);
      if (e) return fail(e);
    } else if (!unitsSet) {
      const e = setSize('units', p);
      if (e) return fail(e);
    } else {
      return fail(`there is one size too many (\`${clip(p)}\`): give the input width, then the units`);
    }
  }
  if (!inputSet && !unitsSet) return fail('the input width and the units are missing');
  if (!inputSet) return fail('the input width is missing');
  if (!unitsSet) return fail(`the units are missing (I read the input width ${q.input ?? '?'})`);

  if (claimText !== null) {
    const n = readInteger(claimText.replace(/\.0+$/, ''));
    if (!n.ok) return fail(`the stated total ${n.why.replace(/sizes/g, 'counts')}`);
    q.claim = n.value;
  }

  // A projection or peepholes without a framework: pick the one that has them, and say so.
  if (!q.conventionGiven && q.cell === 'lstm') {
    if (q.proj !== null) {
      q.convention = 'pytorch';
      q.notes.push('Keras has no LSTM projection, so this is counted as PyTorch (proj_size).');
    } else if (q.peepholes) {
      q.convention = 'tf1';
      q.notes.push("Keras 3 has no peephole LSTM, so this is counted as TF1's LSTMCell(use_peepholes=True).");
    }
  }
  const checked = SlashQuerySchema.safeParse(q);
  if (!checked.success) return fail(checked.error.issues[0]?.message ?? 'that did not read as a layer');
  return { ok: true, query: q };
}
