// Shorthand after a cell command: `/lstm 4096 256`, `/gru 128 64 bidirectional`, `/lstm ? 64 = 49408`.
import type { Answer, ClaimPart, ComparisonRow, CountAnswer, SolvedPart } from '../answer-types.js';
import { checkClaim, compareConventions } from '../engine/claim.js';
import { memoryBytes } from '../engine/memory.js';
import { countRecurrent, recurrentAlternatives, recurrentProblem } from '../engine/recurrent.js';
import { solveRecurrent } from '../engine/solve.js';
import type { SolveUnknown } from '../engine/solve.js';
import type { ModelRecord, RecurrentSpec } from '../engine/types.js';
import { CELL_NAMES } from '../engine/types.js';
import { CELL_COMMANDS, parseSlashText, usageExample } from '../parse/slash.js';
import type { SlashQuery } from '../parse/slash.js';
import { formatCount } from '../render/format.js';
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

function recurrentTitle(spec: RecurrentSpec): string {
  const parts = [`${CELL_NAMES[spec.cell].torch} ${formatCount(spec.input)} → ${formatCount(spec.units)}`];
  if (spec.bidirectional) parts.push('bidirectional');
  if (spec.layers > 1) parts.push(`${spec.layers} layers`);
  if (spec.proj !== null) parts.push(`proj ${formatCount(spec.proj)}`);
  if (spec.peepholes) parts.push('peepholes');
  if (!spec.bias) parts.push('no bias');
  if (spec.resetAfter !== null) parts.push(`reset_after=${spec.resetAfter ? 'True' : 'False'}`);
  return parts.join(' · ');
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
  let claim: ClaimPart | undefined;
  if (!solved && q.claim !== null) {
    const checked = checkClaim(spec, q.claim);
    if (!checked.ok) return errorAnswer(ctx, checked.message);
    claim = { stated: checked.stated, conventions: checked.conventions, rows: checked.rows, notes: checked.notes };
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
    title: recurrentTitle(spec),
    convention: spec.convention,
    model,
    alternatives,
    memory: memoryBytes(model.total),
    notes: q.notes,
    comparison,
    incomplete: false,
  };
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
    if (!parsed.ok) return errorAnswer(ctx, parsed.error);
    return answerSlash(ctx, parsed.query, ctx.compare ?? parsed.query.compare);
  },
};
