// Keras 3's rich box table. Cells are split on the vertical bars; wrapped cells (and a header whose
// titles wrap, "Param" over "#" in a narrow terminal) are joined back. A right border cut off (a table
// kept in a comment, cut at the comment's width) leaves the last cell open; it is read all the same.
import { connections, parseCount, parseShape, splitName } from './cells.js';
import type { Draft } from './rows.js';
import { MAX_ROW_CHARS, endsTable, newRow } from './rows.js';

const BARS = new Set(['┃', '│', '|']);
const BORDER_CHARS = new Set([...'┏┓┡┩├┤┼└┘┴┬╇┳━─']);

function isBorder(t: string): boolean {
  return [...t].every((c) => BORDER_CHARS.has(c) || c === ' ');
}

/** The cells between the bars; a missing right border (cut) is tolerated. */
function splitCells(line: string): string[] {
  const t = line.trim();
  const inner = BARS.has(t[0] as string) ? t.slice(1) : t;
  const cells: string[] = [];
  let from = 0;
  for (let i = 0; i < inner.length; i++) {
    if (inner[i] === '┃' || inner[i] === '│') {
      cells.push(inner.slice(from, i));
      from = i + 1;
    }
  }
  if (from < inner.length && inner.slice(from).trim() !== '') cells.push(inner.slice(from));
  return cells;
}

/** Header titles, joined over the lines they wrap onto, up to the ┡ rule. */
function headerTitles(lines: string[], headerAt: number): { titles: string[]; next: number } {
  const titles = splitCells(lines[headerAt] ?? '').map((c) => c.trim());
  let i = headerAt + 1;
  for (; i < lines.length && i < headerAt + 5; i++) {
    const t = (lines[i] ?? '').trim();
    if (!t.startsWith('┃')) break;
    splitCells(t).forEach((c, k) => {
      if (k < titles.length && c.trim() !== '') titles[k] = `${titles[k]} ${c.trim()}`.trim();
    });
  }
  return { titles, next: i };
}

export function parseBox(lines: string[], headerAt: number, warnings: string[]): Draft[] | string {
  const { titles, next } = headerTitles(lines, headerAt);
  const idx = (title: string) => titles.findIndex((c) => c.toLowerCase().includes(title));
  const nameAt = idx('layer (type');
  const outAt = idx('output shape');
  const paramAt = idx('param #');
  const connAt = idx('connected to');
  if (nameAt < 0 || paramAt < 0) return 'the table header has no "Layer (type)" and "Param #" columns';
  const rows: Draft[] = [];
  // Raw text of each logical row's cells, joined across wrapped lines.
  let nameText = '';
  for (let i = next; i < lines.length; i++) {
    const raw = lines[i] ?? '';
    if (raw.length > MAX_ROW_CHARS) continue;
    if (endsTable(raw)) break;
    const t = raw.trim();
    if (t === '' || isBorder(t)) {
      if (t.startsWith('└') && rows.length > 0) break;
      continue;
    }
    if (!BARS.has(t[0] as string)) continue;
    const cells = splitCells(raw);
    // A cut right border can drop trailing empty cells; a row with more cells than the header is not this table's.
    if (cells.length > titles.length || cells.length <= paramAt) {
      if (warnings.length < 20)
        warnings.push(`line ${i + 1} has ${cells.length} cells, the header ${titles.length}; skipped`);
      continue;
    }
    const rawName = (cells[nameAt] ?? '').replace(/^ /, '');
    const shapeCell = outAt >= 0 ? (cells[outAt] ?? '').trim() : '';
    const paramCell = (cells[paramAt] ?? '').trim();
    const connCell = connAt >= 0 ? (cells[connAt] ?? '').trim() : '';
    const prev = rows[rows.length - 1];
    if (paramCell !== '') {
      const count = parseCount(paramCell);
      if (!count) {
        if (warnings.length < 20) warnings.push(`line ${i + 1}: "${paramCell}" is not a parameter count`);
        continue;
      }
      nameText = rawName.trimEnd();
      const row = newRow(nameText, splitName(nameText, false), shapeCell, count, i + 1);
      row.connectedTo = connections(connCell);
      rows.push(row);
      continue;
    }
    if (!prev) continue;
    // Continuation of the row above: rich wraps at spaces, and folds long words mid-word.
    const namePart = rawName.trim();
    if (namePart !== '') {
      const sep = namePart.startsWith('(') || nameText.endsWith(',') ? ' ' : '';
      nameText = `${nameText}${sep}${namePart}`;
      const parts = splitName(nameText, false);
      prev.name = parts.name;
      prev.type = parts.type;
      prev.typeTruncated = parts.typeTruncated;
      prev.nameTruncated = parts.nameTruncated;
    }
    if (shapeCell !== '') {
      const last = prev.shapeText.at(-1);
      prev.shapeText = `${prev.shapeText}${last === ',' || last === '(' || last === '[' ? ' ' : ''}${shapeCell}`;
      const { shape, truncated, outputs } = parseShape(prev.shapeText);
      prev.outputShape = shape ?? outputs?.[0] ?? null;
      prev.shapeTruncated = truncated;
      if (outputs) prev.outputs = outputs;
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
