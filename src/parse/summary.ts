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

export type SummaryFormat = 'keras1' | 'keras2' | 'keras3' | 'tfjs' | 'torchinfo';
export type Shape = (bigint | null)[];

export interface SummaryRow {
  /** Layer name as printed, without the "(Type)"; torchinfo rows keep "LSTM: 1-2". */
  name: string;
  /** Type as printed (may be cut short, see typeTruncated); '' when the row shows none. */
  type: string;
  /** Output shape; null when not shown ("multiple", "?", "--", several outputs). Batch dims are null for None. */
  outputShape: Shape | null;
  /** The row's parameter count (0 for torchinfo's `--` and `(recursive)`). */
  stated: bigint;
  /** Input shape, where the table has that column (TensorFlow.js, torchinfo with input_size). */
  inputShape?: Shape | null;
  /** Nesting: torchinfo depth (root 0), Keras expand_nested level (top level 0). */
  depth: number;
  /** torchinfo "1-2". */
  index?: string;
  typeTruncated: boolean;
  nameTruncated: boolean;
  /** The output shape was cut at the column edge; its last dimension is unknown (null). */
  shapeTruncated: boolean;
  /** torchinfo `--`: no parameters of its own. */
  noParams: boolean;
  /** torchinfo `(recursive)`: a module used again; counted once, at its first row. */
  recursive: boolean;
  /** Keras 3 `0 (unbuilt)`. */
  unbuilt: boolean;
  /** Names from the "Connected to" column (`dense_1[0][0]` -> `dense_1`). */
  connectedTo: string[];
  /** 1-based line of the row in the cleaned text. */
  line: number;
}

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

/**
 * Longest table line read (real ones are under 250). Bounds the row pattern's work: together with
 * MAX_QUERY_CHARS, at most 1,000 x 100,000 steps however the paste is built.
 */
export const MAX_ROW_CHARS = 1_000;

const EXAMPLE =
  'e.g.\n```\nLayer (type)                 Output Shape              Param #\n' +
  '=================================================================\n' +
  'lstm (LSTM)                  (None, 64)                49408\n' +
  '=================================================================\nTotal params: 49,408\n```';

function fail(error: string): SummaryParse {
  return { ok: false, error };
}

// ---------------------------------------------------------------------------------------------
// Cleaning

function unescapeSlack(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#0?39;|&#x27;|&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** Normalises a paste into plain lines: escapes, fences, invisible characters, comment prefixes. */
export function cleanSummaryText(text: string): string[] {
  let t = unescapeSlack(text).replace(/\r\n?/g, '\n');
  // Code fences, with or without a language tag, glued to text or not.
  t = t.replace(/```[A-Za-z0-9_+-]*(?=\n)|```/g, '\n');
  t = t
    .replace(/[\u200b-\u200d\u2060\ufeff]/g, '')
    .replace(/[\u00a0\u2007\u202f]/g, ' ')
    .replace(/\t/g, '    ');
  let lines = t.split('\n').map((l) => l.replace(/\s+$/, ''));
  // A paste out of a Python comment, a Slack quote or a JS comment: strip the prefix when most lines carry it.
  for (const prefix of [/^\s*# ?/, /^\s*> ?/, /^\s*\/\/ ?/]) {
    const nonBlank = lines.filter((l) => l.trim() !== '');
    const marked = nonBlank.filter((l) => prefix.test(l));
    if (nonBlank.length > 0 && marked.length >= Math.ceil(nonBlank.length * 0.6)) {
      lines = lines.map((l) => l.replace(prefix, ''));
      break;
    }
  }
  return lines;
}

// ---------------------------------------------------------------------------------------------
// Cells

const DIM = String.raw`(?:None|null|-?\d+|\?)`;
const TUPLE = String.raw`\(\s*(?:${DIM}\s*(?:,\s*${DIM}\s*)*,?)?\s*\)`;
const LIST = String.raw`\[\s*(?:${DIM}\s*(?:,\s*${DIM}\s*)*)?\]`;
const LISTS = String.raw`\[\s*(?:(?:${TUPLE}|${LIST})\s*(?:,\s*(?:${TUPLE}|${LIST})\s*)*)?\]`;
const SHAPE = String.raw`(?:${LISTS}|${TUPLE}|${LIST}|multiple|\?|--)`;
const PARAMS = String.raw`(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:\s*\(unbuilt\))?|--|\(recursive\)`;

const SHAPE_RE = new RegExp(`^${SHAPE}$`);

/** "(None, 10, 600)", "[null,10,600]", "[32, 10, 600]", "[(None, 224, 224, 3)]" -> dims; null when not one shape. */
export function parseShape(text: string): { shape: Shape | null; truncated: boolean } {
  let t = text.trim();
  if (t === '' || t === 'multiple' || t === '?' || t === '--' || t === '-') return { shape: null, truncated: false };
  t = t.replace(/…$/, '');
  const complete = SHAPE_RE.test(t);
  // A list of shapes: keep it only when it holds exactly one.
  if (complete && /^\[\s*[([]/.test(t)) {
    const inner = t.slice(1, -1).trim();
    const parts = inner.match(/[([][^()[\]]*[)\]]/g) ?? [];
    if (parts.length !== 1) return { shape: null, truncated: false };
    t = parts[0] ?? '';
  }
  if (complete) {
    const body = t.slice(1, -1).trim();
    if (body === '') return { shape: [], truncated: false };
    return {
      shape: body
        .split(',')
        .filter((d) => d.trim() !== '')
        .map(dim),
      truncated: false,
    };
  }
  // Cut at the column edge: "(None, 8, 16, 240, 2". The last piece may be partial: unknown.
  const m = /^[([]\s*((?:None|null|-?\d+|\?)(?:\s*,\s*(?:None|null|-?\d+|\?))*)\s*,?\s*[A-Za-z\d]*$/.exec(t);
  if (m && m[1]) {
    const dims = m[1].split(',').map(dim);
    // Unless the text stops right after a comma, its last dimension may itself be cut ("240" -> "24").
    if (!/,\s*$/.test(t)) dims.pop();
    dims.push(null);
    return { shape: dims, truncated: true };
  }
  return { shape: null, truncated: false };
}

function dim(d: string): bigint | null {
  const s = d.trim();
  if (/^\d{1,19}$/.test(s)) return BigInt(s);
  return null;
}

/** "1,444,800" / "1444800" / "146.0" / "--" / "(recursive)" / "0 (unbuilt)". */
export function parseCount(
  text: string,
): { value: bigint; noParams: boolean; recursive: boolean; unbuilt: boolean } | null {
  const t = text.trim();
  if (t === '--') return { value: 0n, noParams: true, recursive: false, unbuilt: false };
  if (t === '(recursive)') return { value: 0n, noParams: false, recursive: true, unbuilt: false };
  const m = /^((?:\d{1,3}(?:,\d{3})+)|\d+)(?:\.(\d+))?(\s*\(unbuilt\))?$/.exec(t);
  if (!m || !m[1]) return null;
  if (m[2] && /[1-9]/.test(m[2])) return null;
  const digits = m[1].replace(/,/g, '');
  if (digits.length > 20) return null;
  return { value: BigInt(digits), noParams: false, recursive: false, unbuilt: !!m[3] };
}

interface NameParts {
  name: string;
  type: string;
  typeTruncated: boolean;
  nameTruncated: boolean;
  depth: number;
  index?: string;
}

const TREE = /^[\s│├└─|`+\\-]+/;

function splitName(raw: string, format: SummaryFormat): NameParts {
  if (format === 'torchinfo') {
    const depthPrefix = (TREE.exec(raw)?.[0] ?? '').replace(/\s+$/, '');
    const t = raw.replace(TREE, '').trim();
    const m = /^(.*?)(?:\s*\(([^()]*)\))?:\s*(\d+)-(\d+)$/.exec(t);
    if (m && m[1] !== undefined && m[3] !== undefined && m[4] !== undefined) {
      return {
        name: t,
        type: m[1].trim(),
        typeTruncated: false,
        nameTruncated: false,
        depth: Number(m[3]),
        index: `${m[3]}-${m[4]}`,
      };
    }
    return { name: t, type: t, typeTruncated: false, nameTruncated: false, depth: depthPrefix.length > 0 ? 1 : 0 };
  }
  let depth = 0;
  let t = raw.replace(/\s+$/, '');
  const nest = /^(\s*)└\s?/.exec(t);
  if (nest) {
    depth = Math.max(1, Math.round((nest[1] ?? '').length / 3));
    t = t.slice(nest[0].length);
  }
  t = t.trim();
  let truncated = false;
  if (t.endsWith('…')) {
    truncated = true;
    t = t.slice(0, -1).trimEnd();
  }
  const m = /^(.*?)\s*\(([^()]*)(\)?)$/.exec(t);
  if (m && m[1] !== undefined && m[1] !== '' && m[2] !== undefined) {
    const name = m[1].trim();
    const cut = name.endsWith('…');
    return {
      name: cut ? name.slice(0, -1) : name,
      type: m[2].trim(),
      typeTruncated: truncated || m[3] !== ')',
      nameTruncated: cut,
      depth,
    };
  }
  return { name: t, type: '', typeTruncated: true, nameTruncated: truncated, depth };
}

function connections(text: string): string[] {
  const out: string[] = [];
  const re = /([A-Za-z_][\w./-]*)\[\d+\](?:\[\d+\])?/g;
  for (let m = re.exec(text); m; m = re.exec(text)) if (m[1]) out.push(m[1]);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Header

type ColumnKind = 'name' | 'input' | 'output' | 'params' | 'connected' | 'other';

interface Column {
  kind: ColumnKind;
  start: number;
}

const COLUMN_TITLES: [RegExp, ColumnKind][] = [
  [/Layer \(type[^)]*\)(?:\))?/i, 'name'],
  [/Input Shape/i, 'input'],
  [/Output Shape/i, 'output'],
  [/Param #/i, 'params'],
  [/Param %/i, 'other'],
  [/Connected to/i, 'connected'],
  [/Receives inputs/i, 'connected'],
  [/Kernel Shape/i, 'other'],
  [/Mult-Adds/i, 'other'],
  [/Trainable/i, 'other'],
];

function headerColumns(line: string): Column[] {
  const cols: Column[] = [];
  for (const [re, kind] of COLUMN_TITLES) {
    const m = re.exec(line);
    if (m) cols.push({ kind, start: m.index });
  }
  return cols.sort((a, b) => a.start - b.start);
}

const RULE = /^\s*(?:[=_\-─━┈~.]{3,}|[┏┓┡┩├┤┼└┘┴┬╇┳━─┃│\s]{3,})\s*$/;
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

// ---------------------------------------------------------------------------------------------
// Parsing

interface Draft extends SummaryRow {
  shapeText: string;
  nameText: string;
}

function newRow(
  nameText: string,
  parts: NameParts,
  shapeText: string,
  count: NonNullable<ReturnType<typeof parseCount>>,
  line: number,
): Draft {
  const { shape, truncated } = parseShape(shapeText);
  const row: Draft = {
    name: parts.name,
    type: parts.type,
    outputShape: shape,
    stated: count.value,
    depth: parts.depth,
    typeTruncated: parts.typeTruncated,
    nameTruncated: parts.nameTruncated,
    shapeTruncated: truncated,
    noParams: count.noParams,
    recursive: count.recursive,
    unbuilt: count.unbuilt,
    connectedTo: [],
    line,
    shapeText,
    nameText,
  };
  if (parts.index !== undefined) row.index = parts.index;
  return row;
}

function finish(rows: Draft[]): SummaryRow[] {
  return rows.map((r) => {
    const { shapeText: _s, nameText: _n, ...row } = r;
    return row;
  });
}

/** Parses the plain (non-box) formats: Keras 1/2, TensorFlow.js, torchinfo. */
function parsePlain(lines: string[], headerAt: number, format: SummaryFormat, warnings: string[]): Draft[] | string {
  const header = lines[headerAt] ?? '';
  const cols = headerColumns(header);
  const nameCol = cols.find((c) => c.kind === 'name');
  const shapeCols = cols.filter((c) => c.kind === 'input' || c.kind === 'output');
  const hasInput = shapeCols.length === 2 && shapeCols[0]?.kind === 'input';
  const paramCol = cols.find((c) => c.kind === 'params');
  const outCol = cols.find((c) => c.kind === 'output');
  const connCol = cols.find((c) => c.kind === 'connected');
  const rowRe = new RegExp(
    `^(?<name>.*?\\S)\\s+(?<s1>${SHAPE})${hasInput ? `\\s+(?<s2>${SHAPE})` : ''}\\s+(?<params>${PARAMS})(?<rest>(?:\\s.*)?)$`,
  );
  const shift = nameCol ? nameCol.start : 0;
  const rows: Draft[] = [];
  let started = false;
  for (let i = headerAt + 1; i < lines.length; i++) {
    const raw = lines[i] ?? '';
    if (TOTAL_LINE.test(raw) || /^\s*Model:/.test(raw) || /Layer \(type/i.test(raw)) break;
    if (raw.length > MAX_ROW_CHARS) {
      if (warnings.length < 20) warnings.push(`line ${i + 1} is over ${MAX_ROW_CHARS} characters; skipped`);
      continue;
    }
    if (raw.trim() === '' || RULE.test(raw)) continue;
    if (/^\s*(Input size|Forward\/backward|Params size|Estimated Total|Total mult-adds)/i.test(raw)) break;
    // Rows are read relative to the header's indentation.
    const lead = /^\s*/.exec(raw)?.[0].length ?? 0;
    const line = lead >= shift ? raw.slice(shift) : raw.replace(/^\s+/, '');
    const body = format === 'torchinfo' ? line : line.replace(/^\s+/, '');
    const m = rowRe.exec(body);
    if (m && m.groups) {
      const g = m.groups;
      const count = parseCount(g.params ?? '');
      if (count) {
        const parts = splitName(g.name ?? '', format);
        const outText = hasInput ? (g.s2 ?? '') : (g.s1 ?? '');
        const row = newRow(g.name ?? '', parts, outText, count, i + 1);
        if (hasInput) {
          const inShape = parseShape(g.s1 ?? '');
          row.inputShape = inShape.shape;
        }
        row.connectedTo = connections(g.rest ?? '');
        rows.push(row);
        started = true;
        continue;
      }
    }
    // Fallback: slice by the header's columns (a shape cut at the column edge, "(None, 8, 16, 240, 2").
    if (paramCol && outCol && outCol.start > 0) {
      const at = (c: Column | undefined, next: Column | undefined) =>
        c ? line.slice(c.start - shift, next ? next.start - shift : undefined).trim() : '';
      const sorted = cols.slice();
      const nextOf = (c: Column) => sorted[sorted.indexOf(c) + 1];
      const countText = at(paramCol, nextOf(paramCol));
      const count = parseCount(countText);
      const nameText = line.slice(0, outCol.start - shift);
      if (count && nameText.trim() !== '' && !/^\s/.test(nameText)) {
        const outText = at(outCol, nextOf(outCol));
        const parts = splitName(nameText, format);
        const row = newRow(nameText.trim(), parts, outText, count, i + 1);
        if (connCol) row.connectedTo = connections(at(connCol, nextOf(connCol)));
        rows.push(row);
        started = true;
        continue;
      }
    }
    // A continuation line: a wrapped name (TF >= 2.9), a wrapped shape or more "Connected to" entries.
    const prev = rows[rows.length - 1];
    if (started && prev) {
      const firstShapeCol = shapeCols[0];
      const nameEnd = firstShapeCol ? Math.max(0, firstShapeCol.start - shift) : line.length;
      const namePart = line.slice(0, nameEnd).trim();
      const restPart = line.slice(nameEnd).trim();
      if (namePart !== '' && connections(namePart).length === 0) appendName(prev, namePart, format);
      if (restPart !== '' || (namePart !== '' && connections(namePart).length > 0)) {
        const conns = connections(line);
        if (conns.length > 0) prev.connectedTo.push(...conns);
        else appendShape(prev, restPart.split(/\s{2,}/)[0] ?? '');
      }
      continue;
    }
    if (warnings.length < 20) warnings.push(`line ${i + 1} was not read as a layer: "${raw.trim().slice(0, 60)}"`);
  }
  return rows;
}

function appendName(prev: Draft, part: string, format: SummaryFormat): void {
  // Re-split the joined "name (Type)" text: Keras >= 2.9 cuts at the column edge, mid-word.
  const joined = `${prev.nameText}${/^\(/.test(part) && !/\s$/.test(prev.nameText) ? ' ' : ''}${part}`;
  prev.nameText = joined;
  const parts = splitName(joined, format);
  prev.name = parts.name;
  prev.type = parts.type;
  prev.typeTruncated = parts.typeTruncated;
}

function appendShape(prev: Draft, part: string): void {
  if (part === '') return;
  const joined = `${prev.shapeText}${/[,([]$/.test(prev.shapeText) ? ' ' : ''}${part}`;
  const { shape, truncated } = parseShape(joined);
  if (shape !== null) {
    prev.shapeText = joined;
    prev.outputShape = shape;
    prev.shapeTruncated = truncated;
  }
}

/** Parses Keras 3's rich box table. Cells are split on the vertical bars; wrapped cells are joined back. */
function parseBox(lines: string[], headerAt: number, warnings: string[]): Draft[] | string {
  const splitCells = (line: string, bar: RegExp) => {
    const t = line.trim();
    const inner = t.replace(/^[┃│|]/, '').replace(/[┃│|]$/, '');
    return inner.split(bar);
  };
  const headerCells = splitCells(lines[headerAt] ?? '', /[┃│]/).map((c) => c.trim());
  const idx = (re: RegExp) => headerCells.findIndex((c) => re.test(c));
  const nameAt = idx(/Layer \(type/i);
  const outAt = idx(/Output Shape/i);
  const paramAt = idx(/Param #/i);
  const connAt = idx(/Connected to/i);
  if (nameAt < 0 || outAt < 0 || paramAt < 0)
    return 'the table header has no "Layer (type)", "Output Shape" and "Param #" columns';
  const rows: Draft[] = [];
  // Raw text of each logical row's cells, joined across wrapped lines.
  let nameText = '';
  let shapeText = '';
  for (let i = headerAt + 1; i < lines.length; i++) {
    const raw = lines[i] ?? '';
    if (raw.length > MAX_ROW_CHARS) continue;
    if (TOTAL_LINE.test(raw) || /^\s*Model:/.test(raw)) break;
    const t = raw.trim();
    if (t === '' || /^[┏┓┡┩├┤┼└┘┴┬╇┳━─\s]+$/.test(t)) {
      if (t.startsWith('└') && rows.length > 0) break;
      continue;
    }
    if (!/^[│|┃]/.test(t)) continue;
    const cells = splitCells(raw, /│|┃/);
    if (cells.length !== headerCells.length) {
      if (warnings.length < 20)
        warnings.push(`line ${i + 1} has ${cells.length} cells, the header ${headerCells.length}; skipped`);
      continue;
    }
    const rawName = (cells[nameAt] ?? '').replace(/^ /, '');
    const shapeCell = (cells[outAt] ?? '').trim();
    const paramCell = (cells[paramAt] ?? '').trim();
    const connCell = connAt >= 0 ? (cells[connAt] ?? '').trim() : '';
    const prev = rows[rows.length - 1];
    if (paramCell !== '') {
      const count = parseCount(paramCell);
      if (!count) {
        if (warnings.length < 20) warnings.push(`line ${i + 1}: "${paramCell}" is not a parameter count`);
        continue;
      }
      nameText = rawName.replace(/\s+$/, '');
      shapeText = shapeCell;
      const row = newRow(nameText, splitName(nameText, 'keras3'), shapeText, count, i + 1);
      row.connectedTo = connections(connCell);
      rows.push(row);
      continue;
    }
    if (!prev) continue;
    // Continuation of the row above: rich wraps at spaces, and folds long words mid-word.
    const namePart = rawName.trim();
    if (namePart !== '') {
      const sep = /^[(]/.test(namePart) || /[,]$/.test(nameText) ? ' ' : '';
      nameText = `${nameText}${sep}${namePart}`;
      const parts = splitName(nameText, 'keras3');
      prev.name = parts.name;
      prev.type = parts.type;
      prev.typeTruncated = parts.typeTruncated;
      prev.nameTruncated = parts.nameTruncated;
    }
    if (shapeCell !== '') {
      shapeText = `${shapeText}${/[,([]$/.test(shapeText) ? ' ' : ''}${shapeCell}`;
      const { shape, truncated } = parseShape(shapeText);
      prev.outputShape = shape;
      prev.shapeTruncated = truncated;
      prev.shapeText = shapeText;
    }
    if (connCell !== '') prev.connectedTo.push(...connections(connCell));
  }
  // A name cut with "…" on its first line (rich's ellipsis): mark it.
  for (const r of rows) {
    if (r.name.endsWith('…')) {
      r.name = r.name.slice(0, -1);
      r.nameTruncated = true;
    }
  }
  return rows;
}

function detectFormat(lines: string[], headerAt: number, rowsProbe: string[]): SummaryFormat {
  const header = lines[headerAt] ?? '';
  if (/type:depth-idx/i.test(header)) return 'torchinfo';
  if (/[┃│]/.test(header)) return 'keras3';
  const body = rowsProbe.join('\n');
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
    const headerAt = lines.findIndex((l) => /Layer \(type/i.test(l));
    if (headerAt < 0) {
      return fail(
        `I could not find the "Layer (type) … Param #" header of a model summary. Paste the whole table, ${EXAMPLE}`,
      );
    }
    const warnings: string[] = [];
    const probe = lines.slice(headerAt + 1, headerAt + 400).filter((l) => l.trim() !== '' && !RULE.test(l));
    const format = detectFormat(lines, headerAt, probe);
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
    const laterHeader = lines.findIndex((l, i) => i > lastRowLine && /Layer \(type/i.test(l));
    if (laterHeader >= 0) warnings.push('Several summaries were pasted; only the first was read.');
    let modelName: string | undefined;
    for (let i = headerAt - 1; i >= 0 && i >= headerAt - 3; i--) {
      const m = /^\s*Model:\s*"?([^"]*)"?\s*$/.exec(lines[i] ?? '');
      if (m && m[1] !== undefined) {
        modelName = m[1];
        break;
      }
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
