// A pasted model.summary() / torchinfo table: each row checked against the engine's count.
import type { Answer } from '../answer-types.js';
import { memoryBytes } from '../engine/memory.js';
import { countRecurrent, recurrentProblem } from '../engine/recurrent.js';
import type { Convention, ModelRecord } from '../engine/types.js';
import { verifySummary } from '../engine/verify.js';
import type { Verification } from '../engine/verify.js';
import { looksLikeSummary, parseSummary } from '../parse/summary.js';
import { errorAnswer } from './source.js';
import type { InputSource, SourceContext } from './source.js';

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

const MAX_SHOWN_WARNINGS = 5;

/** The reader's warnings, at most a few (the last, about several tables, always kept), then how many more. */
function shownWarnings(warnings: string[]): string[] {
  if (warnings.length <= MAX_SHOWN_WARNINGS) return warnings;
  const last = warnings[warnings.length - 1] as string;
  const first = warnings.slice(0, MAX_SHOWN_WARNINGS - 1);
  return [...first, `…and ${warnings.length - first.length - 1} more lines like these`, last];
}

function answerSummary(ctx: SourceContext, text: string): Answer {
  const { query, command } = ctx;
  const parsed = parseSummary(text);
  const verified = verifySummary(parsed);
  if (!verified.ok) return errorAnswer(ctx, verified.message);
  // What the reader skipped or left out (lines it could not read, the tables after the first) is told.
  const readerNotes = parsed.ok ? shownWarnings(parsed.warnings) : [];
  const v = verified.verification;
  const convention = SUMMARY_CONVENTION[v.format];
  // Each top-level row becomes a layer: recurrent rows get the full derivation, others their count.
  const layers = v.rows
    .filter((r) => v.format === 'torchinfo' || r.depth === 0)
    .map((r) => {
      // The same count the total adds up (verify.ts): the engine's, else its nearest, else the stated one.
      const params = r.computed ?? r.nearest ?? r.stated;
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
  // The engine's figures: the rows as counted, the split checked against the summary's.
  const total = v.total.computed;
  const nonTrainable = v.total.nonTrainable?.computed ?? 0n;
  const model: ModelRecord = {
    convention,
    layers,
    total,
    trainable: total - nonTrainable,
    nonTrainable,
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
    notes: readerNotes,
    comparison: null,
    incomplete: v.counts.unknown > 0,
    verification: v,
  };
}

export const summarySource: InputSource = {
  name: 'summary',
  detect: (text) => looksLikeSummary(text),
  answer: (text, ctx) => answerSummary(ctx, text),
};
