// Reads the rows under a summary header: plain tables (Keras 1/2, TensorFlow.js, torchinfo) by their
// cells' shapes, box tables (Keras 3) by their bars. Rows are found by their shape and count cells,
// not by column offsets; offsets from the header are only the fallback for cells cut mid-shape.
// Every matcher walks the line forward with plain string code: linear in the line's length.
import { isRule } from './clean.js';
import type { Count, NameParts, Shape } from './cells.js';
import { connections, parseCount, parseShape, scanCount, scanShape, skipSpaces, splitName } from './cells.js';

export type SummaryFormat = 'keras1' | 'keras2' | 'keras3' | 'tfjs' | 'torchinfo';

export interface SummaryRow {
  /** Layer name as printed, without the "(Type)"; torchinfo rows keep "LSTM: 1-2". */
  name: string;
  /** Type as printed (may be cut short, see typeTruncated); '' when the row shows none. */
  type: string;
  /** Output shape; null when not shown ("multiple", "?", "--"). Batch dims are null for None. */
  outputShape: Shape | null;
  /** Every output of a layer printing several (`return_state`: `[(None, 200), (None, 200), …]`). */
  outputs?: Shape[];
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
  /** torchinfo prints a frozen module's count in parentheses, `(9,408)`: not trainable. */
  frozen?: boolean;
  /** Names from the "Connected to" column (`dense_1[0][0]` -> `dense_1`). */
  connectedTo: string[];
  /** 1-based line of the row in the cleaned text. */
  line: number;
}

/**
 * Longest table line read (real ones are under 250). Bounds each line's work, together with the
 * query limits.
 */
export const MAX_ROW_CHARS = 1_000;
const MAX_WARNINGS = 20;

export interface Draft extends SummaryRow {
  shapeText: string;
  nameText: string;
}

export function newRow(nameText: string, parts: NameParts, shapeText: string, count: Count, line: number): Draft {
  const { shape, truncated, outputs } = parseShape(shapeText);
  const row: Draft = {
    name: parts.name,
    type: parts.type,
    outputShape: shape ?? outputs?.[0] ?? null,
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
  if (outputs) row.outputs = outputs;
  if (count.frozen) row.frozen = true;
  if (parts.index !== undefined) row.index = parts.index;
  return row;
}

export function finish(rows: Draft[]): SummaryRow[] {
  return rows.map((r) => {
    const { shapeText: _s, nameText: _n, ...row } = r;
    return row;
  });
}

// ---------------------------------------------------------------------------------------------
// Header

type ColumnKind = 'name' | 'input' | 'output' | 'kernel' | 'groups' | 'params' | 'connected' | 'other';

export interface Column {
  kind: ColumnKind;
  start: number;
}

const COLUMN_TITLES: [string, ColumnKind][] = [
  ['layer (type', 'name'],
  ['input shape', 'input'],
  ['output shape', 'output'],
  ['param #', 'params'],
  ['param %', 'other'],
  ['connected to', 'connected'],
  ['receives inputs', 'connected'],
  ['kernel shape', 'kernel'],
  ['groups', 'groups'],
  ['mult-adds', 'other'],
  ['trainable', 'other'],
];

export function headerColumns(line: string): Column[] {
  const lower = line.toLowerCase();
  const cols: Column[] = [];
  for (const [title, kind] of COLUMN_TITLES) {
    const at = lower.indexOf(title);
    if (at >= 0) cols.push({ kind, start: at });
  }
  return cols.sort((a, b) => a.start - b.start);
}

// ---------------------------------------------------------------------------------------------
// Plain rows

type CellKind = 'shape' | 'groups' | 'count';

/** The cells a row shows between its name and its count, in header order, with their columns. */
function cellPlan(cols: Column[]): { cells: CellKind[]; columns: ColumnKind[] } {
  const cells: CellKind[] = [];
  const columns: ColumnKind[] = [];
  for (const c of cols) {
    if (c.kind === 'params') break;
    if (c.kind === 'input' || c.kind === 'output' || c.kind === 'kernel') cells.push('shape');
    else if (c.kind === 'groups') cells.push('groups');
    else continue;
    columns.push(c.kind);
  }
  return { cells: [...cells, 'count'], columns: [...columns, 'params'] };
}

function scanCell(kind: CellKind, s: string, i: number): number {
  if (kind === 'shape') return scanShape(s, i);
  if (kind === 'count') return scanCount(s, i);
  let j = i;
  while (j < s.length && s[j] !== ' ') j++;
  const t = s.slice(i, j);
  return t === '--' || (t !== '' && /^\d+$/.test(t)) ? j : -1;
}

interface RowMatch {
  name: string;
  cells: string[];
  rest: string;
}

/**
 * "name (Type)   (None, 10)   650   dense[0][0]": the name is everything before the first place from
 * which the planned cells follow one another (separated by spaces) up to the line's end or a space.
 */
export function matchRow(body: string, plan: CellKind[]): RowMatch | null {
  const first = skipSpaces(body, 0);
  for (let s = first + 1; s < body.length; s++) {
    if (body[s - 1] !== ' ' || body[s] === ' ') continue;
    const cells: string[] = [];
    let j = s;
    for (const kind of plan) {
      if (cells.length > 0) {
        const k = skipSpaces(body, j);
        if (k === j) break;
        j = k;
      }
      const e = scanCell(kind, body, j);
      if (e < 0) break;
      cells.push(body.slice(j, e));
      j = e;
    }
    if (cells.length === plan.length && (j === body.length || body[j] === ' ')) {
      return { name: body.slice(0, s).trimEnd(), cells, rest: body.slice(j) };
    }
  }
  return null;
}

function warn(warnings: string[], text: string): void {
  if (warnings.length < MAX_WARNINGS) warnings.push(text);
}

const STOP_WORDS = ['input size', 'forward/backward', 'params size', 'estimated total', 'total mult-adds'];
const TOTAL_START = ['total params', 'trainable params', 'non-trainable params', 'optimizer params'];

/** A line that ends the table: a totals line, a new model, a new header. */
export function endsTable(raw: string): boolean {
  const t = raw.trimStart().toLowerCase();
  return TOTAL_START.some((w) => t.startsWith(w)) || t.startsWith('model:') || t.includes('layer (type');
}

/** Parses the plain (non-box) formats: Keras 1/2, TensorFlow.js, torchinfo. */
export function parsePlain(lines: string[], headerAt: number, format: SummaryFormat, warnings: string[]): Draft[] {
  const torch = format === 'torchinfo';
  const cols = headerColumns(lines[headerAt] ?? '');
  const nameCol = cols.find((c) => c.kind === 'name');
  const shapeCols = cols.filter((c) => c.kind === 'input' || c.kind === 'output');
  const paramCol = cols.find((c) => c.kind === 'params');
  const outCol = cols.find((c) => c.kind === 'output');
  const connCol = cols.find((c) => c.kind === 'connected');
  const { cells: plan, columns: planColumns } = cellPlan(cols);
  const outAt = planColumns.indexOf('output');
  const inAt = planColumns.indexOf('input');
  const shift = nameCol ? nameCol.start : 0;
  const rows: Draft[] = [];
  for (let i = headerAt + 1; i < lines.length; i++) {
    const raw = lines[i] ?? '';
    if (endsTable(raw)) break;
    if (raw.length > MAX_ROW_CHARS) {
      warn(warnings, `line ${i + 1} is over ${MAX_ROW_CHARS} characters; skipped`);
      continue;
    }
    if (raw.trim() === '' || isRule(raw)) continue;
    const lower = raw.trimStart().toLowerCase();
    if (STOP_WORDS.some((w) => lower.startsWith(w))) break;
    if (torch && isParameterSubRow(raw)) continue;
    // Rows are read relative to the header's indentation.
    const lead = raw.length - raw.trimStart().length;
    const line = lead >= shift ? raw.slice(shift) : raw.trimStart();
    const body = torch ? line : line.trimStart();
    const m = matchRow(body, plan);
    const count = m ? parseCount(m.cells[m.cells.length - 1] ?? '') : null;
    if (m && count) {
      const parts = splitName(m.name, torch);
      const row = newRow(m.name, parts, outAt >= 0 ? (m.cells[outAt] ?? '') : '', count, i + 1);
      if (inAt >= 0) row.inputShape = parseShape(m.cells[inAt] ?? '').shape;
      row.connectedTo = connections(m.rest);
      rows.push(row);
      continue;
    }
    // Fallback: slice by the header's columns (a shape cut at the column edge, "(None, 8, 16, 240, 2").
    if (paramCol && outCol && outCol.start > 0) {
      const nextOf = (c: Column) => cols[cols.indexOf(c) + 1];
      const at = (c: Column) => {
        const next = nextOf(c);
        return line.slice(c.start - shift, next ? next.start - shift : undefined).trim();
      };
      const cellCount = parseCount(at(paramCol));
      const nameText = line.slice(0, outCol.start - shift);
      if (cellCount && nameText.trim() !== '' && nameText[0] !== ' ') {
        const row = newRow(nameText.trim(), splitName(nameText, torch), at(outCol), cellCount, i + 1);
        if (connCol) row.connectedTo = connections(at(connCol));
        rows.push(row);
        continue;
      }
    }
    // A continuation line: a wrapped name (TF >= 2.9), a wrapped shape or more "Connected to" entries.
    const prev = rows[rows.length - 1];
    if (prev) {
      const firstShapeCol = shapeCols[0];
      const nameEnd = firstShapeCol ? Math.max(0, firstShapeCol.start - shift) : line.length;
      const namePart = line.slice(0, nameEnd).trim();
      const restPart = line.slice(nameEnd).trim();
      const nameRefs = connections(namePart).length > 0;
      if (namePart !== '' && !nameRefs) appendName(prev, namePart, torch);
      if (restPart !== '' || nameRefs) {
        const conns = connections(line);
        if (conns.length > 0 && !restPart.startsWith('(') && !restPart.startsWith('[')) prev.connectedTo.push(...conns);
        else appendShape(prev, restPart.split('  ')[0] ?? '');
        if (conns.length > 0 && (restPart.startsWith('(') || restPart.startsWith('['))) {
          prev.connectedTo.push(...connections(restPart.slice(restPart.split('  ')[0]?.length ?? 0)));
        }
      }
      continue;
    }
    warn(warnings, `line ${i + 1} was not read as a layer: "${raw.trim().slice(0, 60)}"`);
  }
  return rows;
}

/** torchinfo verbose=2: a tensor's own row under its layer, "│    └─weight   ├─100,352". */
function isParameterSubRow(raw: string): boolean {
  const last = raw.slice(raw.trimEnd().lastIndexOf(' ') + 1);
  return (last.startsWith('├─') || last.startsWith('└─')) && parseCount(last.slice(2)) !== null;
}

function appendName(prev: Draft, part: string, torch: boolean): void {
  // Re-split the joined "name (Type)" text: Keras >= 2.9 cuts at the column edge, mid-word.
  const joined = `${prev.nameText}${part.startsWith('(') && !prev.nameText.endsWith(' ') ? ' ' : ''}${part}`;
  prev.nameText = joined;
  const parts = splitName(joined, torch);
  prev.name = parts.name;
  prev.type = parts.type;
  prev.typeTruncated = parts.typeTruncated;
}

/** Joins a shape wrapped over lines ("[(None, 200)," / "(None, 200)]") and reads it again. */
export function appendShape(prev: Draft, part: string): void {
  if (part === '') return;
  const last = prev.shapeText.at(-1);
  const joined = `${prev.shapeText}${last === ',' || last === '(' || last === '[' ? ' ' : ''}${part}`;
  const { shape, truncated, outputs } = parseShape(joined);
  const open = joined.startsWith('[') || joined.startsWith('(');
  if (shape === null && !outputs && !open) return;
  prev.shapeText = joined;
  prev.outputShape = shape ?? outputs?.[0] ?? null;
  prev.shapeTruncated = truncated;
  if (outputs) prev.outputs = outputs;
  else delete prev.outputs;
}
