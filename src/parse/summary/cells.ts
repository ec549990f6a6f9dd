// The cells of a summary row, read with plain string code: shapes ("(None, 10)", "[null,10]",
// "[(None, 200), (None, 200)]"), counts ("1,444,800", "(9,408)", "--"), "name (Type)" and torchinfo's
// "Linear (fc1): 1-2", "Connected to" references. Each scanner walks forward once (no backtracking), so
// a row costs time linear in its length however it is built.

export type Shape = (bigint | null)[];

const isSpace = (c: string | undefined): boolean =>
  c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f' || c === '\v';
const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';

export function skipSpaces(s: string, i: number): number {
  let j = i;
  while (j < s.length && isSpace(s[j])) j++;
  return j;
}

/** End of a dimension (None, null, ?, -?digits) starting at i, or -1. */
function scanDim(s: string, i: number): number {
  if (s.startsWith('None', i) || s.startsWith('null', i)) return i + 4;
  if (s[i] === '?') return i + 1;
  let j = s[i] === '-' ? i + 1 : i;
  const start = j;
  while (isDigit(s[j])) j++;
  return j > start ? j : -1;
}

/** End of `(d, d, ...)` (a trailing comma allowed) or `[d, d, ...]` starting at i, or -1. */
function scanDims(s: string, i: number): number {
  const open = s[i];
  if (open !== '(' && open !== '[') return -1;
  const close = open === '(' ? ')' : ']';
  let j = skipSpaces(s, i + 1);
  if (s[j] === close) return j + 1;
  for (;;) {
    const e = scanDim(s, j);
    if (e < 0) return -1;
    j = skipSpaces(s, e);
    if (s[j] === close) return j + 1;
    if (s[j] !== ',') return -1;
    j = skipSpaces(s, j + 1);
    // Python's one-element tuple "(None,)"; lists take no trailing comma.
    if (s[j] === close && close === ')') return j + 1;
  }
}

/** End of a list of shapes `[(…), […], …]` starting at i, or -1. */
function scanShapeList(s: string, i: number): number {
  if (s[i] !== '[') return -1;
  let j = skipSpaces(s, i + 1);
  if (s[j] === ']') return j + 1;
  for (;;) {
    const e = scanDims(s, j);
    if (e < 0) return -1;
    j = skipSpaces(s, e);
    if (s[j] === ']') return j + 1;
    if (s[j] !== ',') return -1;
    j = skipSpaces(s, j + 1);
  }
}

/** End of a shape cell starting at i ("(None, 10)", a list of shapes, "multiple", "?", "--"), or -1. */
export function scanShape(s: string, i: number): number {
  const c = s[i];
  if (c === '[') {
    const j = skipSpaces(s, i + 1);
    if (s[j] === '(' || s[j] === '[') return scanShapeList(s, i);
    return scanDims(s, i);
  }
  if (c === '(') return scanDims(s, i);
  if (s.startsWith('multiple', i)) return i + 8;
  if (c === '?') return i + 1;
  if (s.startsWith('--', i)) return i + 2;
  return -1;
}

function dim(d: string): bigint | null {
  const s = d.trim();
  if (s.length <= 19 && allDigits(s)) return BigInt(s);
  return null;
}

const isDimText = (d: string): boolean => {
  const t = d.trim();
  return t !== '' && scanDim(t, 0) === t.length;
};

/** The dims inside one `(…)` or `[…]` already known to be complete. */
function dimsOf(t: string): Shape {
  const body = t.slice(1, -1).trim();
  if (body === '') return [];
  return body
    .split(',')
    .filter((d) => d.trim() !== '')
    .map(dim);
}

/** The `(…)`/`[…]` groups of a complete list of shapes. */
function shapeGroups(t: string): string[] {
  const out: string[] = [];
  let j = skipSpaces(t, 1);
  while (j < t.length && t[j] !== ']') {
    const e = scanDims(t, j);
    if (e < 0) break;
    out.push(t.slice(j, e));
    j = skipSpaces(t, e);
    if (t[j] === ',') j = skipSpaces(t, j + 1);
  }
  return out;
}

export interface ShapeCell {
  shape: Shape | null;
  truncated: boolean;
  /** Every shape of a list cell (`return_state` layers print several); absent for one shape. */
  outputs?: Shape[];
}

/** "(None, 10, 600)", "[null,10,600]", "[(None, 224, 224, 3)]" -> dims; null when not one shape. */
export function parseShape(text: string): ShapeCell {
  let t = text.trim();
  if (t === '' || t === 'multiple' || t === '?' || t === '--' || t === '-') return { shape: null, truncated: false };
  if (t.endsWith('…')) t = t.slice(0, -1);
  const complete = scanShape(t, 0) === t.length && (t[0] === '(' || t[0] === '[');
  if (complete) {
    if (t[0] === '[' && (t[skipSpaces(t, 1)] === '(' || t[skipSpaces(t, 1)] === '[')) {
      const groups = shapeGroups(t).map(dimsOf);
      // Several outputs (an LSTM with return_state): the first is the layer's output sequence or state.
      if (groups.length === 1) return { shape: groups[0] ?? null, truncated: false };
      return { shape: null, truncated: false, outputs: groups };
    }
    return { shape: dimsOf(t), truncated: false };
  }
  // Cut at the column edge: "(None, 8, 16, 240, 2". The last piece may be partial ("240" -> "24"): unknown.
  if (t[0] !== '(' && t[0] !== '[') return { shape: null, truncated: false };
  const pieces = t.slice(1).split(',');
  const last = (pieces.pop() ?? '').trim();
  if (pieces.length === 0 || !pieces.every(isDimText)) return { shape: null, truncated: false };
  if (![...last].every((c) => /[A-Za-z0-9]/.test(c))) return { shape: null, truncated: false };
  return { shape: [...pieces.map(dim), null], truncated: true };
}

export interface Count {
  value: bigint;
  noParams: boolean;
  recursive: boolean;
  unbuilt: boolean;
  /** torchinfo prints a frozen module's count in parentheses: "(9,408)". */
  frozen: boolean;
}

function allDigits(t: string): boolean {
  for (let i = 0; i < t.length; i++) if (!isDigit(t[i])) return false;
  return t.length > 0;
}

/** "1444800" or "1,444,800" (commas every three digits) -> digits, else null. */
function groupedDigits(t: string): string | null {
  if (t === '' || t.length > 30) return null;
  if (!t.includes(',')) return allDigits(t) ? t : null;
  const groups = t.split(',');
  const [head, ...rest] = groups;
  if (!head || head.length > 3 || !allDigits(head)) return null;
  if (!rest.every((g) => g.length === 3 && allDigits(g))) return null;
  return groups.join('');
}

/** "1,444,800" / "1444800" / "146.0" / "--" / "(recursive)" / "0 (unbuilt)" / "(9,408)" (frozen). */
export function parseCount(text: string): Count | null {
  let t = text.trim();
  const base = { noParams: false, recursive: false, unbuilt: false, frozen: false };
  if (t === '--') return { ...base, value: 0n, noParams: true };
  if (t === '(recursive)') return { ...base, value: 0n, recursive: true };
  let unbuilt = false;
  if (t.endsWith('(unbuilt)')) {
    unbuilt = true;
    t = t.slice(0, -'(unbuilt)'.length).trimEnd();
  }
  let frozen = false;
  if (t.startsWith('(') && t.endsWith(')')) {
    frozen = true;
    t = t.slice(1, -1);
  }
  const dot = t.indexOf('.');
  if (dot >= 0) {
    const frac = t.slice(dot + 1);
    if (frac === '' || frac.replaceAll('0', '') !== '') return null;
    t = t.slice(0, dot);
  }
  const digits = groupedDigits(t);
  if (digits === null || digits.length > 20) return null;
  return { ...base, value: BigInt(digits), unbuilt, frozen };
}

/** End of a count cell starting at i (it ends at a space or the line's end), or -1. */
export function scanCount(s: string, i: number): number {
  const c = s[i];
  if (!isDigit(c) && c !== '(' && c !== '-') return -1;
  let j = i;
  while (j < s.length && !isSpace(s[j])) j++;
  if (j === i) return -1;
  // "0 (unbuilt)": the note belongs to the count.
  const k = skipSpaces(s, j);
  if (s.startsWith('(unbuilt)', k)) j = k + '(unbuilt)'.length;
  return parseCount(s.slice(i, j)) ? j : -1;
}

export interface NameParts {
  name: string;
  type: string;
  typeTruncated: boolean;
  nameTruncated: boolean;
  depth: number;
  index?: string;
}

const TREE_CHARS = new Set([' ', '\t', '│', '├', '└', '─', '|', '`', '+', '\\', '-']);

/** torchinfo's "├─Linear (fc1): 1-2", "|    + Conv2d: 2-1", "Linear (fc1)", "Sequential". */
function splitTorchName(raw: string): NameParts {
  let p = 0;
  while (p < raw.length && TREE_CHARS.has(raw[p] as string)) p++;
  const prefix = raw.slice(0, p);
  const full = raw.slice(p).trim();
  let t = full;
  // Each level indents by five ("│    └─", "|    + "): the branch mark's column gives the depth.
  const mark = [...prefix].findIndex((c) => c === '├' || c === '└' || c === '+' || c === '`');
  let depth = mark >= 0 ? Math.floor(mark / 5) + 1 : prefix.trim().length > 0 ? 1 : 0;
  let index: string | undefined;
  const colon = t.lastIndexOf(':');
  if (colon >= 0) {
    const [d, k, ...more] = t
      .slice(colon + 1)
      .trim()
      .split('-');
    if (d && k && more.length === 0 && allDigits(d) && allDigits(k) && d.length < 4) {
      depth = Number(d);
      index = `${d}-${k}`;
      t = t.slice(0, colon).trimEnd();
    }
  }
  const name = full;
  // "Linear (fc1)": the attribute name in parentheses (row_settings=("var_names",)).
  let type = t;
  if (t.endsWith(')')) {
    const open = t.lastIndexOf('(');
    if (open > 0 && !t.slice(open + 1, -1).includes(')')) type = t.slice(0, open).trim();
  }
  const out: NameParts = { name, type, typeTruncated: false, nameTruncated: false, depth };
  if (index !== undefined) out.index = index;
  return out;
}

/** "lstm_1 (LSTM)", "bidirectional (Bidirectional", "└ dense (Dense)" (Keras 3 expand_nested). */
export function splitName(raw: string, torch: boolean): NameParts {
  if (torch) return splitTorchName(raw);
  let depth = 0;
  let t = raw.trimEnd();
  const lead = t.length - t.trimStart().length;
  if (t[lead] === '└') {
    depth = Math.max(1, Math.round(lead / 3));
    t = t.slice(lead + 1);
  }
  t = t.trim();
  let truncated = false;
  if (t.endsWith('…')) {
    truncated = true;
    t = t.slice(0, -1).trimEnd();
  }
  // The type is the last "(…" group, closed or cut at the column edge, with no bracket inside.
  const open = t.lastIndexOf('(');
  const closed = t.endsWith(')');
  const inner = open >= 0 ? t.slice(open + 1, closed ? -1 : undefined) : '';
  const name = open >= 0 ? t.slice(0, open).trim() : '';
  if (open >= 0 && name !== '' && !inner.includes(')')) {
    const cut = name.endsWith('…');
    // Keras 2.x cuts a long type inside its parentheses: "(MultiHeadA...)", "(Glob...)".
    let type = inner.trim();
    const typeCut = type.endsWith('...') || type.endsWith('…');
    if (typeCut) type = type.slice(0, type.endsWith('…') ? -1 : -3).trimEnd();
    return {
      name: cut ? name.slice(0, -1) : name,
      type,
      typeTruncated: truncated || !closed || typeCut,
      nameTruncated: cut,
      depth,
    };
  }
  return { name: t, type: '', typeTruncated: true, nameTruncated: truncated, depth };
}

const REFERENCE = /^[^A-Za-z_]*([A-Za-z_][\w./-]*)\[\d+\]/;

/** Names from a "Connected to" cell: `dense_1[0][0]`, `lstm[0][1], input_2[0][0]` -> names. */
export function connections(text: string): string[] {
  const out: string[] = [];
  if (!text.includes('[')) return out;
  for (const token of text.split(/[\s,]+/)) {
    const m = REFERENCE.exec(token);
    if (m?.[1]) out.push(m[1]);
  }
  return out;
}
