// The one path every surface takes: text -> parse (typed spec) -> count (pure engine) -> an Answer,
// which render/ turns into Block Kit, terminal text or JSON. Never throws.
import { memoryBytes } from './engine/memory.js';
import { checkClaim, compareConventions } from './engine/claim.js';
import type { ClaimRow } from './engine/claim.js';
import { countRecurrent, recurrentAlternatives, recurrentProblem } from './engine/recurrent.js';
import { solveRecurrent } from './engine/solve.js';
import { verifySummary } from './engine/verify.js';
import type { Verification } from './engine/verify.js';
import { looksLikeSummary, parseSummary } from './parse/summary.js';
import type { SolveUnknown } from './engine/solve.js';
import type { Convention, ModelRecord, RecurrentSpec, Step } from './engine/types.js';
import { MAX_QUERY_CHARS, MAX_QUERY_LINES } from './limits.js';
import { countModel } from './engine/model.js';
import { looksLikeCode, modelAlternatives, parseCode } from './parse/code.js';
import { CELL_COMMANDS, parseSlashText, usageExample } from './parse/slash.js';
import type { SlashQuery, SlashRefusal } from './parse/slash.js';
import { sequenceCompute } from './engine/compute.js';
import type { SequenceCompute } from './engine/compute.js';
import { detectLanguage, msg, pickLocale, say } from './i18n/index.js';
import type { Locale, Message } from './i18n/index.js';
import { formatCount } from './render/format.js';
import type { CellKind } from './engine/types.js';

export interface Alternative {
  convention: Convention;
  total: bigint;
}

export interface ComparisonRow {
  convention: Convention;
  total: bigint;
  /** total minus the first row's total. */
  difference: bigint;
  explanation?: string;
}

/** `/lstm ? 64 = 49408`: which size was solved for, its value and the rearranged formula. */
export interface SolvedPart {
  unknown: SolveUnknown;
  value: bigint;
  steps: Step[];
}

/** `/lstm 4096 256 = 4458496`: under which conventions a stated total holds. */
export interface ClaimPart {
  stated: bigint;
  conventions: Convention[];
  rows: ClaimRow[];
  notes: string[];
  /** The notes as catalogue messages. */
  messages?: Message[];
}

export interface CountAnswer {
  kind: 'count';
  query: string;
  command: string;
  /** Plain text, e.g. "LSTM 4,096 → 256"; renderers escape it. */
  title: string;
  /** The title as catalogue messages, for replies in other languages. */
  titleParts?: Message[];
  convention: Convention;
  model: ModelRecord;
  alternatives: Alternative[];
  memory: { float32: bigint; float16: bigint };
  notes: string[];
  /** Every convention side by side (the Compare frameworks view); set when asked for. */
  comparison: ComparisonRow[] | null;
  incomplete: boolean;
  solved?: SolvedPart;
  claim?: ClaimPart;
  /** A pasted model.summary(), row by row. */
  verification?: Verification;
  /** The notes as catalogue messages (the reply says them in its language; `notes` keeps English). */
  messages?: Message[];
  /** Multiply-accumulates over the time steps the question gave. */
  compute?: SequenceCompute;
  /** The language to reply in. */
  locale?: Locale;
}

export interface HelpAnswer {
  kind: 'help';
  query: string;
  command: string;
  locale?: Locale;
}

export interface ErrorAnswer {
  kind: 'error';
  query: string;
  command: string;
  message: string;
  /** A refusal of slash shorthand as catalogue data, said in the reply's language. */
  refusal?: SlashRefusal;
  locale?: Locale;
}

export type Answer = CountAnswer | HelpAnswer | ErrorAnswer;

export interface AnswerOptions {
  /** The slash command the text came with ('/lstm'); absent when the text may carry its own. */
  command?: string;
  /** Lay out every convention side by side. */
  compare?: boolean;
  /** The asker's locale when known (Slack users.info `locale`, e.g. "fr-FR"); else the question's language. */
  locale?: string;
}

const KNOWN_COMMANDS = ['/lstm', '/gru', '/rnn', '/params'];

function fullQuery(text: string, command: string | undefined): string {
  return command ? `${command} ${text}`.trim() : text;
}

/** Splits a leading `/lstm` (or a bare `lstm`) off the text. */
function splitCommand(text: string, given: string | undefined): { command: string; rest: string } {
  if (given) return { command: given.toLowerCase(), rest: text };
  const m = /^\s*\/?([A-Za-z]+)\b\s*/.exec(text);
  if (m && m[1]) {
    const word = m[1].toLowerCase();
    const hasSlash = text.trimStart().startsWith('/');
    if (CELL_COMMANDS[word] || word === 'params' || (hasSlash && !CELL_COMMANDS[word])) {
      // `lstm 4096 256` without the slash is read as the command too, but `LSTM(64)` is code.
      const after = text.slice(m[0].length);
      if (hasSlash || !after.startsWith('(')) return { command: '/' + word, rest: after };
    }
  }
  return { command: '', rest: text };
}

export function answerQuery(text: string, opts: AnswerOptions = {}): Answer {
  const query = fullQuery(text, opts.command);
  try {
    const answer = answerUnsafe(text, query, opts);
    if (!answer.locale) {
      const asked = typeof text === 'string' && text.length <= 20_000 ? text : '';
      answer.locale = pickLocale({ locale: opts.locale ?? null, text: asked });
    }
    return answer;
  } catch (err) {
    // The engine and parsers are total; this is the last line of defence, never shown as a stack.
    return {
      kind: 'error',
      query,
      command: opts.command ?? '',
      message: `Something went wrong reading that (${err instanceof RangeError ? err.message : 'an internal error'}). Try e.g. \`/lstm 4096 256\`.`,
    };
  }
}

function answerUnsafe(text: string, query: string, opts: AnswerOptions): Answer {
  if (typeof text !== 'string') text = String(text);
  if (text.length > MAX_QUERY_CHARS) {
    return errorAnswer(
      query,
      opts.command ?? '',
      `That is ${formatCount(BigInt(text.length))} characters; I read at most ${formatCount(BigInt(MAX_QUERY_CHARS))}. Paste one model or layer, e.g. \`/lstm 4096 256\`.`,
    );
  }
  let lines = 1;
  for (let i = 0; i < text.length && lines <= MAX_QUERY_LINES; i++) if (text.charCodeAt(i) === 10) lines++;
  if (lines > MAX_QUERY_LINES) {
    return errorAnswer(
      query,
      opts.command ?? '',
      `That is over ${formatCount(BigInt(MAX_QUERY_LINES))} lines; I read at most ${formatCount(BigInt(MAX_QUERY_LINES))}. Paste one model or layer, e.g. \`/lstm 4096 256\`.`,
    );
  }
  const { command, rest } = splitCommand(text, opts.command);
  const cell = CELL_COMMANDS[command.slice(1)];
  if (command && !cell && !KNOWN_COMMANDS.includes(command)) {
    return errorAnswer(
      query,
      command,
      `I don't know the command \`${command.slice(0, 24)}\`. Try \`/lstm 4096 256\`, \`/gru 128 64\`, \`/rnn 300 128\` or \`/params nn.LSTM(300, 512)\`.`,
    );
  }
  if (looksLikeSummary(rest)) return answerSummary(query, command, rest);
  if (looksLikeCode(rest)) return answerCode(query, command, rest, opts.compare ?? false);
  if (!cell) {
    if (rest.trim() === '' || /^\s*help\s*$/i.test(rest)) return { kind: 'help', query, command: command || '/params' };
    // A question in plain words names its layer somewhere: "how many params in an LSTM with 128 units".
    const named = cellNamedIn(rest);
    if (named) {
      const parsed = parseSlashText(named, rest);
      if (parsed.ok === true)
        return answerSlash(query, command, parsed.query, opts.compare ?? parsed.query.compare, opts);
      if (parsed.ok === false && (parsed.language || detectLanguage(rest)))
        return refusalAnswer(query, command, parsed, opts);
    }
    return errorAnswer(
      query,
      command,
      'I read layer shorthand after `/lstm`, `/gru` or `/rnn`, e.g. `/lstm 4096 256`, or pasted layer code such as `nn.LSTM(300, 512, num_layers=2)`.',
    );
  }
  const parsed = parseSlashText(cell, rest);
  if (parsed.ok === 'help') return { kind: 'help', query, command };
  if (!parsed.ok) return refusalAnswer(query, command, parsed, opts);
  return answerSlash(query, command, parsed.query, opts.compare ?? parsed.query.compare, opts);
}

/** The first LSTM, GRU or RNN a sentence names, found by scanning words (no regex on the user's text). */
function cellNamedIn(text: string): CellKind | null {
  if (text.length > 2000) return null;
  let word = '';
  for (const ch of text.toLowerCase() + ' ') {
    if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9')) {
      word += ch;
      continue;
    }
    const cell = Object.hasOwn(CELL_COMMANDS, word) ? CELL_COMMANDS[word] : undefined;
    if (cell) return cell;
    word = '';
  }
  return null;
}

function refusalAnswer(
  query: string,
  command: string,
  parsed: Extract<ReturnType<typeof parseSlashText>, { ok: false }>,
  opts: AnswerOptions,
): ErrorAnswer {
  const refusal: SlashRefusal = parsed.suggestion
    ? { why: parsed.why, suggestion: parsed.suggestion, cell: parsed.cell }
    : { why: parsed.why, cell: parsed.cell };
  const locale = pickLocale({
    lang: parsed.languageChosen ? parsed.language : null,
    locale: opts.locale ?? null,
    text: query.slice(0, 2000),
  });
  return { kind: 'error', query, command, message: parsed.error, refusal, locale };
}

function errorAnswer(query: string, command: string, message: string): ErrorAnswer {
  return { kind: 'error', query, command, message };
}

export function specFromSlash(q: SlashQuery, input: bigint, units: bigint): RecurrentSpec {
  return {
    kind: 'recurrent',
    cell: q.cell,
    input,
    units,
    layers: q.layers,
    bidirectional: q.bidirectional,
    bias: q.bias,
    proj: q.proj,
    peepholes: q.peepholes,
    resetAfter: q.resetAfter,
    convention: q.convention,
  };
}

const CELL_NAME: Record<CellKind, string> = { lstm: 'LSTM', gru: 'GRU', rnn: 'RNN' };

/** The title as catalogue messages, joined with ' · ': "LSTM 4,096 → 256 · bidirectional · 2 layers". */
function recurrentTitleParts(spec: RecurrentSpec): Message[] {
  const parts = [msg('title-cell', { cell: CELL_NAME[spec.cell], input: spec.input, units: spec.units })];
  if (spec.bidirectional) parts.push(msg('title-bidirectional'));
  if (spec.layers > 1) parts.push(msg('title-layers', { layers: String(spec.layers) }));
  if (spec.proj !== null) parts.push(msg('title-proj', { proj: spec.proj }));
  if (spec.peepholes) parts.push(msg('title-peepholes'));
  if (!spec.bias) parts.push(msg('title-no-bias'));
  if (spec.resetAfter !== null) parts.push(msg('title-reset-after', { value: spec.resetAfter ? 'True' : 'False' }));
  return parts;
}

function answerSlash(query: string, command: string, q: SlashQuery, compare: boolean, opts: AnswerOptions): Answer {
  let solved: SolvedPart | undefined;
  let spec: RecurrentSpec;
  if (q.input === null || q.units === null) {
    const unknown: SolveUnknown = q.input === null ? 'input' : 'units';
    // parseSlashText guarantees a `?` comes with `= N`.
    const result = solveRecurrent(specFromSlash(q, q.input ?? 1n, q.units ?? 1n), unknown, q.claim ?? 0n);
    if (!result.ok) return errorAnswer(query, command, result.message);
    solved = { unknown, value: result.value, steps: result.steps };
    spec = result.spec;
  } else {
    spec = specFromSlash(q, q.input, q.units);
  }
  const problem = recurrentProblem(spec);
  if (problem) {
    return errorAnswer(query, command, `That layer can't be counted: ${problem}. E.g. \`${usageExample(q.cell)}\`.`);
  }
  const layer = countRecurrent(spec);
  const model: ModelRecord = {
    convention: spec.convention,
    layers: [layer],
    total: layer.params,
    trainable: layer.trainable,
    nonTrainable: layer.nonTrainable,
    buffers: 0n,
    unknownLayers: [],
    notes: [],
  };
  const alternatives = recurrentAlternatives(spec);
  const titleParts = recurrentTitleParts(spec);
  let claim: ClaimPart | undefined;
  if (!solved && q.claim !== null) {
    const checked = checkClaim(spec, q.claim, { timesteps: q.timesteps, inputShape: q.inputShape });
    if (!checked.ok) return errorAnswer(query, command, checked.message);
    claim = {
      stated: checked.stated,
      conventions: checked.conventions,
      rows: checked.rows,
      notes: checked.notes,
      messages: checked.messages,
    };
  }
  let comparison: ComparisonRow[] | null = null;
  if (compare) {
    const rows = compareConventions(spec);
    comparison = rows.ok
      ? rows.rows.map((r) => ({
          convention: r.convention,
          total: r.total,
          difference: r.difference,
          ...(r.explanation ? { explanation: r.explanation } : {}),
        }))
      : comparisonRows(spec.convention, model.total, alternatives);
  }
  const answer: CountAnswer = {
    kind: 'count',
    query,
    command,
    title: titleParts.map((m) => say('en', m)).join(' · '),
    titleParts,
    convention: spec.convention,
    model,
    alternatives,
    memory: memoryBytes(model.total),
    notes: q.notes,
    messages: q.messages,
    comparison,
    incomplete: false,
    locale: pickLocale({
      lang: q.languageChosen ? q.language : null,
      locale: opts.locale ?? null,
      text: query.slice(0, 2000),
    }),
  };
  if (q.timesteps !== null) answer.compute = sequenceCompute(spec, q.timesteps);
  if (solved) answer.solved = solved;
  if (claim) answer.claim = claim;
  return answer;
}

export function comparisonRows(convention: Convention, total: bigint, alternatives: Alternative[]): ComparisonRow[] {
  return [{ convention, total, difference: 0n }, ...alternatives.map((a) => ({ ...a, difference: a.total - total }))];
}

function answerCode(query: string, command: string, text: string, compare: boolean): Answer {
  const parsed = parseCode(text);
  if (!parsed.ok) return errorAnswer(query, command, parsed.error);
  const model = countModel(parsed.model);
  const alternatives = modelAlternatives(parsed.model) as Alternative[];
  const only = model.layers.length === 1 ? model.layers[0] : undefined;
  const title = only
    ? `${only.type}${only.name && only.name.replace(/_/g, '').toLowerCase() !== only.type.toLowerCase() ? ` "${only.name}"` : ''}`
    : `Model with ${model.layers.length} layers`;
  return {
    kind: 'count',
    query,
    command,
    title,
    convention: model.convention,
    model,
    alternatives,
    memory: memoryBytes(model.total),
    notes: [],
    comparison: compare ? comparisonRows(model.convention, model.total, alternatives) : null,
    incomplete: model.unknownLayers.length > 0,
  };
}

const SUMMARY_CONVENTION: Record<Verification['format'], Convention> = {
  keras1: 'keras2',
  keras2: 'keras',
  keras3: 'keras',
  tfjs: 'keras2',
  torchinfo: 'pytorch',
};

const SUMMARY_NAME: Record<Verification['format'], string> = {
  keras1: 'Keras 1 summary',
  keras2: 'Keras 2 summary',
  keras3: 'Keras 3 summary',
  tfjs: 'TensorFlow.js summary',
  torchinfo: 'torchinfo summary',
};

function answerSummary(query: string, command: string, text: string): Answer {
  const verified = verifySummary(parseSummary(text));
  if (!verified.ok) return errorAnswer(query, command, verified.message);
  const v = verified.verification;
  const convention = SUMMARY_CONVENTION[v.format];
  // Each top-level row becomes a layer: recurrent rows get the full derivation, others their count.
  const layers = v.rows
    .filter((r) => v.format === 'torchinfo' || r.depth === 0)
    .map((r) => {
      const params = r.computed ?? r.stated;
      if (r.spec && recurrentProblem(r.spec) === null) {
        const rec = countRecurrent(r.spec);
        return { ...rec, name: r.name, type: r.type };
      }
      return {
        name: r.name,
        type: r.type,
        params,
        trainable: params,
        nonTrainable: 0n,
        buffers: 0n,
        tensors: [],
        steps: r.note ? [{ kind: 'note' as const, text: r.note }] : [],
        isTrainable: true,
        notes: [],
      };
    });
  const total = v.total.computed;
  const model: ModelRecord = {
    convention,
    layers,
    total,
    trainable: total,
    nonTrainable: 0n,
    buffers: 0n,
    unknownLayers: [],
    notes: [],
  };
  return {
    kind: 'count',
    query,
    command,
    title: `${SUMMARY_NAME[v.format]}, ${v.rows.length} rows checked`,
    convention,
    model,
    alternatives: [],
    memory: memoryBytes(total),
    notes: [],
    comparison: null,
    incomplete: v.counts.unknown > 0,
    verification: v,
  };
}
