// Rebuilds every row of a parsed model summary and says whether its stated count holds, and under
// which conventions. A row's type comes from the "(Type)" cell (or, cut short or missing, from the
// layer name), its units from its output shape, its input width from the row that feeds it (the
// Input Shape column, the "Connected to" column, else the row above); where the summary does not
// show a size (the first row's input, an Embedding's vocabulary, a kernel size) it is solved from
// the count and the note says so. Plain data out, every count a BigInt; never throws.
import type { SummaryParse, SummaryRow, Shape } from '../parse/summary.js';
import type { TotalCheck, VerifiedRow, VerifyResult } from './verify/result.js';
import { ALL, a, agrees, disagrees, fmt, lastDim, orderFor, unknown } from './verify/result.js';
import type { Ctx, RowResult } from './verify/result.js';
import { resolveClass } from './verify/classes.js';
import { recurrentRow } from './verify/recurrent-row.js';
import { batchNormRow, convRow, denseRow, embeddingRow, layerNormRow, mhaRow } from './verify/other-rows.js';
import type { Convention } from './types.js';
import { CONVENTION_LABELS } from './types.js';

export type { RowStatus, TotalCheck, Verification, VerifiedRow, VerifyResult } from './verify/result.js';

// ---------------------------------------------------------------------------------------------
// The table

function primaryLabel(ctx: Ctx): Convention {
  return ctx.order[0] ?? 'keras';
}

/** Index of each row's parent (the nearest earlier row one level up), or −1. Iterative. */
function parents(rows: SummaryRow[]): number[] {
  const out: number[] = [];
  const stack: number[] = [];
  rows.forEach((r, i) => {
    while (stack.length > 0 && (rows[stack[stack.length - 1] as number] as SummaryRow).depth >= r.depth) stack.pop();
    out.push(stack.length > 0 ? (stack[stack.length - 1] as number) : -1);
    stack.push(i);
  });
  return out;
}

function verifyRows(parsed: Extract<SummaryParse, { ok: true }>): VerifiedRow[] {
  const torch = parsed.format === 'torchinfo';
  const rows = parsed.rows;
  const parentOf = parents(rows);
  const hasChildren = rows.map((r, i) => {
    const next = rows[i + 1];
    return next !== undefined && next.depth > r.depth;
  });
  const inputs: (Shape | null)[] = [];
  const sources: string[] = [];
  const byName = new Map<string, number>();
  const out: VerifiedRow[] = [];
  rows.forEach((row, i) => {
    // Where this row's input comes from.
    let inShape: Shape | null = null;
    let source = '';
    if (row.inputShape !== undefined && row.inputShape !== null) {
      inShape = row.inputShape;
      source = 'of its Input Shape column';
    } else if (row.connectedTo.length === 1 && byName.has(row.connectedTo[0] as string)) {
      const j = byName.get(row.connectedTo[0] as string) as number;
      inShape = (rows[j] as SummaryRow).outputShape;
      source = `that ${(rows[j] as SummaryRow).name} outputs`;
    } else if (row.connectedTo.length > 1) {
      inShape = null;
    } else {
      let j = i - 1;
      while (j >= 0 && (rows[j] as SummaryRow).depth > row.depth) j--;
      const prev = j >= 0 ? (rows[j] as SummaryRow) : null;
      if (prev && prev.depth === row.depth && !(torch && j === parentOf[i])) {
        inShape = prev.outputShape && !prev.shapeTruncated ? prev.outputShape : null;
        source = 'that the layer before it outputs';
      } else if (prev && j === parentOf[i]) {
        inShape = inputs[j] ?? null;
        source = sources[j] ?? '';
      }
    }
    inputs.push(inShape);
    sources.push(source);
    if (!byName.has(row.name)) byName.set(row.name, i);

    const res = resolveClass(row, torch);
    const kind = res.info?.kind ?? 'unknown';
    const ctx: Ctx = { format: parsed.format, torch, order: orderFor(parsed.format, !!res.info?.cudnn) };
    const typeName = res.className || row.type || 'layer';
    const inWidth = lastDim(inShape);
    let r: RowResult;
    if (row.recursive) {
      r = unknown(typeName, 'Used again (recursive): its parameters are counted at its first row.');
    } else if (row.unbuilt) {
      r = unknown(typeName, 'Unbuilt: Keras has not created its weights yet, so it shows 0.');
    } else if (hasChildren[i]) {
      if (torch) {
        r = row.noParams
          ? unknown(typeName, 'A container: its parameters are in the rows below.')
          : unknown(typeName, `${fmt(row.stated)} parameters held by ${typeName} itself (not in any row below).`);
      } else {
        let sum = 0n;
        rows.forEach((c, k) => {
          if (parentOf[k] === i) sum += c.stated;
        });
        r =
          sum === row.stated
            ? agrees(typeName, sum, ALL, `A nested model: its layers below add up to ${fmt(sum)}.`)
            : disagrees(
                typeName,
                sum,
                row.stated,
                `A nested model: its layers below add up to ${fmt(sum)}, not ${fmt(row.stated)}.`,
              );
      }
    } else {
      switch (kind) {
        case 'lstm':
        case 'gru':
        case 'rnn':
        case 'bidirectional':
          r = recurrentRow(ctx, row, res, inWidth, source);
          break;
        case 'dense':
          r = denseRow(ctx, row, typeName, inWidth, source);
          break;
        case 'timedistributed': {
          const d = denseRow(ctx, row, 'TimeDistributed(Dense)', inWidth, source);
          // The type cell shows only "TimeDistributed": a Dense inside is known when the row says so.
          const saysDense = /dense/i.test(`${row.type} ${row.name}`);
          if (d.status === 'agrees') r = { ...d, note: `A Dense applied at every time step: ${d.note}` };
          else if (saysDense && d.status === 'disagrees')
            r = { ...d, note: `A Dense applied at every time step, but no Dense fits: ${d.note}` };
          else
            r = unknown('TimeDistributed', 'A TimeDistributed layer around something other than a Dense: not rebuilt.');
          break;
        }
        case 'mha':
          r = mhaRow(row, typeName, inShape);
          break;
        case 'embedding':
          r = embeddingRow(ctx, row, typeName);
          break;
        case 'conv':
          r = convRow(ctx, row, res, inShape);
          break;
        case 'batchnorm':
          r = batchNormRow(ctx, row, typeName);
          break;
        case 'layernorm':
          r = layerNormRow(ctx, row, typeName);
          break;
        case 'zero':
          r =
            row.stated === 0n
              ? agrees(
                  typeName,
                  0n,
                  ALL,
                  `${typeName === 'InputLayer' ? 'An input' : `${a(typeName)} layer`} has no weights.`,
                )
              : disagrees(
                  typeName,
                  0n,
                  row.stated,
                  `${a(typeName)} layer has no weights, yet the summary shows ${fmt(row.stated)}.`,
                );
          break;
        case 'model':
          r = unknown(
            typeName,
            torch
              ? 'A container with nothing listed under it.'
              : 'A nested model shown as one row; summary(expand_nested=True) lists its layers.',
          );
          break;
        default:
          r =
            row.stated === 0n && row.noParams
              ? unknown(typeName, 'No parameters of its own (--).')
              : unknown(
                  typeName,
                  `ParamCount cannot rebuild a ${typeName === 'layer' ? 'layer of this type' : typeName} from a summary row.`,
                );
      }
    }
    const v: VerifiedRow = {
      name: row.name,
      stated: row.stated,
      depth: row.depth,
      line: row.line,
      ...r,
    };
    if (v.status === 'disagrees' && v.computed === null && v.note === '')
      v.note = `Not under ${CONVENTION_LABELS[primaryLabel(ctx)]}.`;
    out.push(v);
  });
  return out;
}

/**
 * Whether a row's count goes into the model's total, so each weight counts once: torchinfo rows hold
 * only their own parameters; in Keras a nested model's row repeats its layers', so only rows without
 * rows under them count (an edited inner row then reaches the total).
 */
function inTotal(rows: SummaryRow[], i: number, torch: boolean): boolean {
  const r = rows[i] as SummaryRow;
  const next = rows[i + 1];
  return !r.recursive && (torch || next === undefined || next.depth <= r.depth);
}

/** "1,234" against "1,230": agrees, or the two figures. */
function sideBySide(what: string, stated: bigint, computed: bigint): string {
  return stated === computed
    ? `${what} ${fmt(computed)} as stated.`
    : `${what}: the summary says ${fmt(stated)}, the layers give ${fmt(computed)}.`;
}

/**
 * The model's true total is what the engine counts for each row (the nearest count for a row no size
 * fits; the printed count for a row it cannot rebuild), so an edited row does not make a true total
 * "disagree", and a total edited along with a row does not "agree".
 */
function checkTotal(parsed: Extract<SummaryParse, { ok: true }>, rows: VerifiedRow[]): TotalCheck {
  const torch = parsed.format === 'torchinfo';
  let computed = 0n;
  let nonTrainable = 0n;
  let unchecked = 0;
  parsed.rows.forEach((r, i) => {
    const v = rows[i];
    if (!inTotal(parsed.rows, i, torch) || !v) return;
    const count = v.computed ?? v.nearest ?? r.stated;
    computed += count;
    // torchinfo prints a frozen module's count in parentheses: all of it non-trainable.
    nonTrainable += r.frozen ? count : (v.nonTrainable ?? 0n);
    if (v.status === 'unknown' && r.stated > 0n) unchecked++;
  });
  const caveat =
    unchecked > 0
      ? ` ${unchecked} row${unchecked === 1 ? '' : 's'} could not be rebuilt; ${unchecked === 1 ? 'its' : 'their'} printed count${unchecked === 1 ? ' is' : 's are'} taken as they are.`
      : '';
  const split = checkSplit(parsed, computed, nonTrainable);
  const stated = parsed.total ?? null;
  if (stated === null)
    return {
      stated: null,
      computed,
      agrees: null,
      note: `The summary shows no total; its layers come to ${fmt(computed)}.${caveat}`,
      ...split,
    };
  const optimizer = parsed.optimizer ?? 0n;
  const weights = stated - optimizer;
  const agreesTotal = weights === computed;
  let note: string;
  if (optimizer > 0n) {
    note = agreesTotal
      ? `Total params includes ${fmt(optimizer)} optimizer variables (Keras 3 after training); the layers add up to ${fmt(computed)} = ${fmt(stated)} − ${fmt(optimizer)}.`
      : `Total params (${fmt(stated)}) less the ${fmt(optimizer)} optimizer variables is ${fmt(weights)}, but the layers add up to ${fmt(computed)}.`;
  } else {
    note = agreesTotal
      ? `The layers add up to the stated total, ${fmt(computed)}.`
      : `The layers add up to ${fmt(computed)}, the summary says ${fmt(stated)} (off by ${fmt(computed > stated ? computed - stated : stated - computed)}).`;
  }
  if (split.splitNote) note += ` ${split.splitNote}`;
  const { splitNote: _n, ...figures } = split;
  return { stated, computed, agrees: agreesTotal, note: note + caveat, ...figures };
}

/**
 * Trainable and non-trainable: the engine's (BatchNorm's moving statistics are non-trainable), checked
 * against the summary's. More non-trainable than the layers' own is frozen layers (trainable=False),
 * which a summary does not mark per row: accepted when the two still add up to the total.
 */
function checkSplit(
  parsed: Extract<SummaryParse, { ok: true }>,
  computed: bigint,
  engineNonTrainable: bigint,
): Pick<TotalCheck, 'trainable' | 'nonTrainable'> & { splitNote?: string } {
  const st = parsed.trainable ?? null;
  const sn = parsed.nonTrainable ?? null;
  let trainable = computed - engineNonTrainable;
  let nonTrainable = engineNonTrainable;
  // Each side is judged on its own: a summary whose trainable figure was edited still agrees on a
  // non-trainable 0 that the layers also give.
  let trainableAgrees: boolean | null = null;
  let nonTrainableAgrees: boolean | null = null;
  let splitNote: string | undefined;
  if (st !== null && sn !== null) {
    const frozen = sn - engineNonTrainable;
    if (st + sn === computed && frozen >= 0n) {
      trainableAgrees = nonTrainableAgrees = true;
      if (frozen > 0n) {
        trainable = st;
        nonTrainable = sn;
        splitNote = `Non-trainable ${fmt(sn)}: ${engineNonTrainable > 0n ? `${fmt(engineNonTrainable)} of the layers' own (BatchNorm moving statistics) and ` : ''}${fmt(frozen)} in frozen layers (trainable=False), which the rows do not mark.`;
      }
    } else {
      trainableAgrees = st === trainable;
      nonTrainableAgrees = sn === nonTrainable;
      splitNote = `${sideBySide('Trainable', st, trainable)} ${sideBySide('Non-trainable', sn, nonTrainable)}`;
    }
  } else if (sn !== null && sn !== engineNonTrainable) {
    nonTrainableAgrees = sn > engineNonTrainable;
    splitNote = sideBySide('Non-trainable', sn, nonTrainable);
  }
  return {
    trainable: { stated: st, computed: trainable, agrees: trainableAgrees },
    nonTrainable: { stated: sn, computed: nonTrainable, agrees: nonTrainableAgrees },
    ...(splitNote ? { splitNote } : {}),
  };
}

/** Rebuilds and checks every row of a parsed summary, and its total. Never throws. */
export function verifySummary(parsed: SummaryParse): VerifyResult {
  try {
    if (!parsed || typeof parsed !== 'object')
      return { ok: false, message: 'Nothing to verify: expected a parsed model summary.' };
    if (parsed.ok !== true) return { ok: false, message: parsed.error };
    const rows = verifyRows(parsed);
    const total = checkTotal(parsed, rows);
    const counts = { agrees: 0, disagrees: 0, unknown: 0 };
    for (const r of rows) counts[r.status]++;
    return { ok: true, verification: { format: parsed.format, rows, total, counts } };
  } catch (e) {
    return {
      ok: false,
      message: `The summary could not be verified (${e instanceof Error ? e.message : 'unexpected input'}).`,
    };
  }
}
