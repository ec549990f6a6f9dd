// Reads a pasted `model.summary()` table into rows of (name, type, output shape, stated count).
//
// Formats: Keras 1 (always a "Connected to" column), Keras 2 / tf.keras (`____`/`====` rules, or from
// TF 2.9 blank-line separators and wrapped names), Keras 3 (rich box drawing, wrapped and `…`-cut
// cells, "Optimizer params"), TensorFlow.js (`Input Shape` column, `[null,10]` shapes) and torchinfo
// (`Layer (type:depth-idx)`, tree prefixes, `--` and `(recursive)`).
// Pasting mangles them: Slack code fences and &lt;/&gt;/&amp; escapes, `# ` or `> ` prefixes, uniform
// indentation, columns no longer aligned, names and shapes cut at the column edge (`(Bidirectional`),
// float totals (`146.0`). Rows are found by their shape and count cells, not by column offsets;
// offsets from the header are only the fallback for cells cut mid-shape.
// Line by line and iterative; bounded by the query limits; never throws.
import { MAX_MODEL_LAYERS, MAX_QUERY_CHARS, MAX_QUERY_LINES } from '../limits.js';
import { parseCount } from './summary/cells.js';
import { cleanSummaryText, isRule, unescapeSlack } from './summary/clean.js';
import { parseBox } from './summary/box.js';
import type { SummaryFormat, SummaryRow } from './summary/rows.js';
import { MAX_ROW_CHARS, finish, headerColumns, parsePlain } from './summary/rows.js';

export type { Shape } from './summary/cells.js';
export { parseCount, parseShape } from './summary/cells.js';
export { cleanSummaryText } from './summary/clean.js';
export type { SummaryFormat, SummaryRow } from './summary/rows.js';
export { MAX_ROW_CHARS } from './summary/rows.js';

export type SummaryParse =
  | {
      ok: true;
      format: SummaryFormat;
      modelName?: string;
      rows: SummaryRow[];
      total?: bigint;
      trainable?: bigint;
      nonTrainable?: bigint;
      /** Keras 3 after training: optimizer variables, included in its "Total params". */
      optimizer?: bigint;
      /** Things skipped or guessed, in plain words. */
      warnings: string[];
    }
  | { ok: false; error: string };

const EXAMPLE =
  'e.g.\n```\nLayer (type)                 Output Shape              Param #\n' +
  '=================================================================\n' +
  'lstm (LSTM)                  (None, 64)                49408\n' +
  '=================================================================\nTotal params: 49,408\n```';

function fail(error: string): SummaryParse {
  return { ok: false, error };
}

const TOTAL_LINE = /^\s*(Total|Trainable|Non-trainable|Optimizer)\s+params\s*:\s*([\d,]+(?:\.\d+)?)/i;

function readTotals(
  lines: string[],
  from: number,
): { total?: bigint; trainable?: bigint; nonTrainable?: bigint; optimizer?: bigint } {
  const out: { total?: bigint; trainable?: bigint; nonTrainable?: bigint; optimizer?: bigint } = {};
  for (let i = from; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (/^\s*Model:/.test(line) && i > from + 1) break;
    if (/Layer \(type/i.test(line)) break;
    const m = TOTAL_LINE.exec(line);
    if (!m || !m[1] || !m[2]) continue;
    const c = parseCount(m[2]);
    if (!c) continue;
    const key = m[1].toLowerCase();
    if (key === 'total' && out.total === undefined) out.total = c.value;
    else if (key === 'trainable' && out.trainable === undefined) out.trainable = c.value;
    else if (key === 'non-trainable' && out.nonTrainable === undefined) out.nonTrainable = c.value;
    else if (key === 'optimizer' && out.optimizer === undefined) out.optimizer = c.value;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Detection

/** Whether a message looks like a pasted model summary (cheap; never throws). */
export function looksLikeSummary(text: string): boolean {
  if (typeof text !== 'string') return false;
  const t = unescapeSlack(text.length > MAX_QUERY_CHARS ? text.slice(0, MAX_QUERY_CHARS) : text);
  if (/Layer \(type/i.test(t) && /(Param #|Total params)/i.test(t)) return true;
  return (
    /Total params\s*:\s*[\d,]+/i.test(t) &&
    /(Non-)?trainable params\s*:/i.test(t) &&
    /(Output Shape|[=_━─]{10,})/i.test(t)
  );
}

const KERAS1_NAME =
  /^(convolution[123]d|batchnormalization|maxpooling[123]d|averagepooling[123]d|zeropadding[123]d|upsampling[123]d|atrousconvolution[12]d|timedistributeddense)_\d+$/;
const KERAS1_TYPE = /^(Convolution[123]D|AtrousConvolution[12]D|TimeDistributedDense|Merge|Highway|MaxoutDense)$/;

function detectFormat(lines: string[], headerAt: number, rowsProbe: string[]): SummaryFormat {
  const header = lines[headerAt] ?? '';
  if (/type:depth-idx|var_name/i.test(header)) return 'torchinfo';
  if (/[┃│]/.test(header)) return 'keras3';
  const body = rowsProbe.join('\n');
  // torchinfo with row_settings=() prints a bare "Layer (type)" header: its tree marks and footer tell.
  const tree = rowsProbe.some((l) => {
    const t = l.trimStart();
    return t.startsWith('├─') || t.startsWith('└─') || t.startsWith('+ ') || t.startsWith('|    ');
  });
  if (tree || lines.some((l) => l.startsWith('Params size (MB)') || l.startsWith('Total mult-adds')))
    return 'torchinfo';
  if (/Input Shape/i.test(header) || /\[\s*null\s*,/.test(body)) return 'tfjs';
  if (/Connected to/i.test(header)) {
    if (/_input_\d+\[\d+\]\[\d+\]/.test(body)) return 'keras1';
    const firstWords = rowsProbe.map((l) => l.trim().split(/\s+/)[0] ?? '');
    if (firstWords.some((w) => KERAS1_NAME.test(w))) return 'keras1';
    if (
      rowsProbe.some((l) => /\(([A-Za-z0-9]+)\)/.test(l) && KERAS1_TYPE.test(/\(([A-Za-z0-9]+)\)/.exec(l)?.[1] ?? ''))
    )
      return 'keras1';
    const hasTrainable = lines.some((l) => /^\s*Trainable params/i.test(l));
    if (!hasTrainable) return 'keras1';
  }
  return 'keras2';
}

/** `Model: "sequential_1"` -> sequential_1 (quotes optional), else undefined. */
function modelNameOf(line: string): string | undefined {
  const t = line.trim();
  if (!t.startsWith('Model:')) return undefined;
  let name = t.slice('Model:'.length).trim();
  if (name.startsWith('"')) name = name.slice(1);
  if (name.endsWith('"')) name = name.slice(0, -1);
  return name.includes('"') ? undefined : name;
}

/**
 * Parses a pasted model summary. Only the first table is read when several are pasted.
 * Never throws: anything unreadable gives ok:false with what was expected and an example.
 */
export function parseSummary(text: string): SummaryParse {
  try {
    if (typeof text !== 'string' || text.trim() === '') {
      return fail(`Paste the output of model.summary() (Keras, TensorFlow.js) or torchinfo's summary(), ${EXAMPLE}`);
    }
    if (text.length > MAX_QUERY_CHARS) {
      return fail(
        `That paste is ${text.length.toLocaleString('en-US')} characters; summaries up to ${MAX_QUERY_CHARS.toLocaleString('en-US')} are read.`,
      );
    }
    const lines = cleanSummaryText(text);
    if (lines.length > MAX_QUERY_LINES) {
      return fail(
        `That paste has ${lines.length.toLocaleString('en-US')} lines; summaries up to ${MAX_QUERY_LINES.toLocaleString('en-US')} are read.`,
      );
    }
    const headerAt = lines.findIndex((l) => l.toLowerCase().includes('layer (type'));
    if (headerAt < 0) {
      return fail(
        `I could not find the "Layer (type) … Param #" header of a model summary. Paste the whole table, ${EXAMPLE}`,
      );
    }
    const warnings: string[] = [];
    const probe = lines
      .slice(headerAt + 1, headerAt + 400)
      .filter((l) => l.trim() !== '' && l.length <= MAX_ROW_CHARS && !isRule(l));
    const format = detectFormat(lines, headerAt, probe);
    if (format !== 'keras3' && !headerColumns(lines[headerAt] ?? '').some((c) => c.kind === 'params')) {
      return fail(
        `That table has no "Param #" column, so there are no counts to check. Print it with the parameter column (torchinfo: col_names=("output_size", "num_params")), ${EXAMPLE}`,
      );
    }
    const drafts =
      format === 'keras3' ? parseBox(lines, headerAt, warnings) : parsePlain(lines, headerAt, format, warnings);
    if (typeof drafts === 'string')
      return fail(`That summary could not be read: ${drafts}. Paste it unchanged, ${EXAMPLE}`);
    if (drafts.length === 0) {
      return fail(`The summary header was found but no layer rows under it. Paste the whole table, ${EXAMPLE}`);
    }
    if (drafts.length > MAX_MODEL_LAYERS) {
      return fail(`That summary has ${drafts.length} rows; up to ${MAX_MODEL_LAYERS} are read.`);
    }
    const lastRowLine = drafts[drafts.length - 1]?.line ?? headerAt + 1;
    const totals = readTotals(lines, lastRowLine);
    let modelName: string | undefined;
    for (let i = headerAt - 1; i >= 0 && i >= headerAt - 3 && modelName === undefined; i--) {
      modelName = modelNameOf(lines[i] ?? '');
    }
    const laterHeader = lines.findIndex((l, i) => i > lastRowLine && l.toLowerCase().includes('layer (type'));
    if (laterHeader >= 0) {
      const which = modelName !== undefined ? `"${modelName}", ` : '';
      warnings.push(
        `Several summaries were pasted; only the first (${which}lines ${headerAt + 1}–${lastRowLine}) was checked. Paste the others one at a time.`,
      );
    }
    const result: SummaryParse = { ok: true, format, rows: finish(drafts), warnings };
    if (modelName !== undefined) result.modelName = modelName;
    if (totals.total !== undefined) result.total = totals.total;
    if (totals.trainable !== undefined) result.trainable = totals.trainable;
    if (totals.nonTrainable !== undefined) result.nonTrainable = totals.nonTrainable;
    if (totals.optimizer !== undefined) result.optimizer = totals.optimizer;
    return result;
  } catch (e) {
    return fail(
      `That summary could not be read (${e instanceof Error ? e.message : 'unexpected input'}). Paste it unchanged, ${EXAMPLE}`,
    );
  }
}
