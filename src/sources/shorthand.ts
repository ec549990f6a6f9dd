// Shorthand after a cell command: `/lstm 4096 256`, `/gru 128 64 bidirectional`, `/lstm ? 64 = 49408`.
import type { Answer, ClaimPart, ComparisonRow, CountAnswer, SolvedPart } from '../answer-types.js';
import { checkClaim, compareConventions } from '../engine/claim.js';
import { memoryBytes } from '../engine/memory.js';
import { countRecurrent, recurrentAlternatives, recurrentProblem } from '../engine/recurrent.js';
import { solveRecurrent } from '../engine/solve.js';
import type { SolveUnknown } from '../engine/solve.js';
import type { CellKind, ModelRecord, RecurrentSpec } from '../engine/types.js';
import { CELL_NAMES } from '../engine/types.js';
import { sequenceCompute } from '../engine/compute.js';
import { detectLanguage, msg, pickLocale, say } from '../i18n/index.js';
import type { Message } from '../i18n/index.js';
import { CELL_COMMANDS, parseSlashText, usageExample } from '../parse/slash.js';
import type { SlashParse, SlashQuery, SlashRefusal } from '../parse/slash.js';
import type { ErrorAnswer } from '../answer-types.js';
import { comparisonRows, errorAnswer } from './source.js';
import type { InputSource, SourceContext } from './source.js';

function specFromSlash(q: SlashQuery, input: bigint, units: bigint): RecurrentSpec {
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

/** The title as catalogue messages, joined with ' · ': "LSTM 4,096 → 256 · bidirectional · 2 layers". */
function recurrentTitleParts(spec: RecurrentSpec): Message[] {
  const parts = [msg('title-cell', { cell: CELL_NAMES[spec.cell].torch, input: spec.input, units: spec.units })];
  if (spec.bidirectional) parts.push(msg('title-bidirectional'));
  if (spec.layers > 1) parts.push(msg('title-layers', { layers: String(spec.layers) }));
  if (spec.proj !== null) parts.push(msg('title-proj', { proj: spec.proj }));
  if (spec.peepholes) parts.push(msg('title-peepholes'));
  if (!spec.bias) parts.push(msg('title-no-bias'));
  if (spec.resetAfter !== null) parts.push(msg('title-reset-after', { value: spec.resetAfter ? 'True' : 'False' }));
  return parts;
}

/** `lang=` wins; then the Slack user's locale; then the language the question is written in. */
function localeFor(ctx: SourceContext, chosen: SlashQuery['language'] | null) {
  return pickLocale({ lang: chosen, locale: ctx.locale ?? null, text: ctx.query.slice(0, 2000) });
}

function refusalAnswer(ctx: SourceContext, parsed: Extract<SlashParse, { ok: false }>): ErrorAnswer {
  const refusal: SlashRefusal = parsed.suggestion
    ? { why: parsed.why, suggestion: parsed.suggestion, cell: parsed.cell }
    : { why: parsed.why, cell: parsed.cell };
  const locale = localeFor(ctx, parsed.languageChosen ? parsed.language : null);
  return { ...errorAnswer(ctx, parsed.error), refusal, locale };
}

function answerSlash(ctx: SourceContext, q: SlashQuery, compare: boolean): Answer {
  const { query, command } = ctx;
  let solved: SolvedPart | undefined;
  let spec: RecurrentSpec;
  if (q.input === null || q.units === null) {
    const unknown: SolveUnknown = q.input === null ? 'input' : 'units';
    // parseSlashText guarantees a `?` comes with `= N`.
    const result = solveRecurrent(specFromSlash(q, q.input ?? 1n, q.units ?? 1n), unknown, q.claim ?? 0n);
    if (!result.ok) return errorAnswer(ctx, result.message);
    solved = { unknown, value: result.value, steps: result.steps };
    spec = result.spec;
  } else {
    spec = specFromSlash(q, q.input, q.units);
  }
  const problem = recurrentProblem(spec);
  if (problem) {
    return errorAnswer(ctx, `That layer can't be counted: ${problem}. E.g. \`${usageExample(q.cell)}\`.`);
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
    if (!checked.ok) return errorAnswer(ctx, checked.message);
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
    locale: localeFor(ctx, q.languageChosen ? q.language : null),
  };
  if (q.timesteps !== null) answer.compute = sequenceCompute(spec, q.timesteps);
  if (solved) answer.solved = solved;
  if (claim) answer.claim = claim;
  return answer;
}

export const shorthandSource: InputSource = {
  name: 'shorthand',
  detect: (_text, ctx) => CELL_COMMANDS[ctx.command.slice(1)] !== undefined,
  answer(text, ctx) {
    const cell = CELL_COMMANDS[ctx.command.slice(1)];
    if (!cell) return errorAnswer(ctx, `I don't know the command \`${ctx.command.slice(0, 24)}\`.`);
    const parsed = parseSlashText(cell, text);
    if (parsed.ok === 'help') return { kind: 'help', query: ctx.query, command: ctx.command };
    if (!parsed.ok) return refusalAnswer(ctx, parsed);
    return answerSlash(ctx, parsed.query, ctx.compare ?? parsed.query.compare);
  },
};

/** The first LSTM, GRU or RNN a sentence names, found by scanning words (no regex on the user's text). */
export function cellNamedIn(text: string): CellKind | null {
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

/**
 * A question in plain words with no cell command (`/params`, a mention, the console): "how many params
 * in an LSTM with 128 units and 300-dim input?", "一个输入4096、256个单元的LSTM有多少参数？". It names its
 * layer somewhere; answered when it reads as one, or refused in its language when it is Chinese or French.
 */
export const questionSource: InputSource = {
  name: 'question',
  detect(text, ctx) {
    if (CELL_COMMANDS[ctx.command.slice(1)] !== undefined) return false;
    const cell = cellNamedIn(text);
    if (!cell) return false;
    const parsed = parseSlashText(cell, text);
    return parsed.ok === true || (parsed.ok === false && detectLanguage(text.slice(0, 2000)) !== null);
  },
  answer(text, ctx) {
    const cell = cellNamedIn(text) ?? 'lstm';
    const parsed = parseSlashText(cell, text);
    if (parsed.ok === 'help') return { kind: 'help', query: ctx.query, command: ctx.command || '/params' };
    if (!parsed.ok) return refusalAnswer(ctx, parsed);
    return answerSlash(ctx, parsed.query, ctx.compare ?? parsed.query.compare);
  },
};
