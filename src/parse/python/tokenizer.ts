// A small, safe tokenizer for the Python people paste into Slack: layer constructors, assignments,
// `model.add(...)` lines. Nothing is ever executed. Every limit is checked here, iteratively, before
// the recursive-descent parser runs, so no input can overflow the JS stack.
import { MAX_DIGITS, MAX_NESTING, MAX_QUERY_CHARS, MAX_QUERY_LINES, MAX_SIZE, MAX_TOKENS } from '../../limits.js';
import { dropFences } from '../fences.js';

export const CODE_EXAMPLE = '`nn.LSTM(300, 512, num_layers=2, bidirectional=True)`';
export const EXAMPLE_HINT = `Paste a layer or model, e.g. ${CODE_EXAMPLE} or \`model.add(LSTM(64, input_shape=(10, 32)))\`.`;

/** A refusal with a friendly message (never shown with a stack). */
export class CodeError extends Error {
  override name = 'CodeError';
  /** A plain syntax problem (as opposed to a refusal or a limit): prose around code spans may be retried. */
  readonly syntax: boolean;
  constructor(message: string, syntax = false) {
    super(clipCodeSpans(message));
    this.syntax = syntax;
  }
}

/** Longest quoted piece of the user's code an error repeats; a longer one is cut with its length said. */
export const MAX_QUOTED_CHARS = 60;

/**
 * Errors quote the user's code in backticks; a pasted name or expression can be 100,000 characters,
 * so every span longer than MAX_QUOTED_CHARS is cut (the error stays short and readable).
 */
function clipCodeSpans(message: string): string {
  if (message.length <= 2 * MAX_QUOTED_CHARS) return message;
  const parts = message.split('`');
  for (let i = 1; i < parts.length - 1; i += 2) {
    const span = parts[i]!;
    if (span.length > MAX_QUOTED_CHARS)
      parts[i] = `${span.slice(0, MAX_QUOTED_CHARS)}… (${span.length.toLocaleString('en-US')} characters)`;
  }
  return parts.join('`');
}

export type TokenKind = 'name' | 'int' | 'float' | 'string' | 'op' | 'newline' | 'indent' | 'dedent' | 'eof';

export interface Token {
  kind: TokenKind;
  /** Source text (for strings: the decoded value; for ints: the digits without `_`). */
  text: string;
  /** Offset into the preprocessed text. */
  start: number;
  end: number;
  line: number;
  col: number;
  int?: bigint;
  float?: number;
  /** An f-string (its text is the raw template, placeholders unevaluated). */
  fstring?: boolean;
}

/**
 * Slack-to-Python clean-up: code fences and backticks go, Slack's HTML escaping is undone, curly
 * quotes and other typographic characters become ASCII.
 */
/** Fence words dropped with an opening ``` when they end its line. */
const FENCE_WORDS = new Set(['', 'python', 'py', 'python3', 'py3', 'pycon', 'text']);

export function preprocess(text: string): string {
  let s = text.replace(/\r\n?/g, '\n');
  s = dropFences(s, (word) => FENCE_WORDS.has(word.toLowerCase()));
  s = s.replace(/`/g, '');
  s = s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
  s = s.replace(/[\u2018\u2019\u201A\u201B\u2032]/g, "'").replace(/[\u201C\u201D\u201E\u201F\u2033]/g, '"');
  s = s.replace(/[\u00A0\u2000-\u200A\u202F\u205F\u3000]/g, ' ').replace(/[\u200B\uFEFF]/g, '');
  s = s.replace(/[\u2212\u2013]/g, '-').replace(/\u00D7/g, '*');
  // Python REPL prompts.
  s = s.replace(/^[ \t]*(?:>>>|\.\.\.)[ \t]?/gm, '');
  return s;
}

const STRING_START_RE = /(?:[rRbBuUfF]{1,2})?(['"])/y;
const NUMBER_RE =
  /0[xX][0-9a-fA-F_]+|0[oO][0-7_]+|0[bB][01_]+|(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?(?:[eE][+-]?[0-9_]+)?[jJ]?/y;

const OPEN: Record<string, string> = { '(': ')', '[': ']', '{': '}' };
const CLOSE: Record<string, string> = { ')': '(', ']': '[', '}': '{' };

const THREE_CHAR_OPS = ['**=', '//=', '...', '>>=', '<<='];
const TWO_CHAR_OPS = [
  '**',
  '//',
  '==',
  '!=',
  '<=',
  '>=',
  '->',
  '+=',
  '-=',
  '*=',
  '/=',
  '%=',
  ':=',
  '<<',
  '>>',
  '&=',
  '|=',
  '^=',
  '@=',
];
const ONE_CHAR_OPS = '()[]{},:.;=+-*/%@<>&|^~!';

/** Names that would run code or reach the system: refused wherever they are evaluated. */
export const FORBIDDEN_NAMES = new Set([
  'eval',
  'exec',
  'execfile',
  'compile',
  'open',
  'delattr',
  'globals',
  'locals',
  'breakpoint',
  'subprocess',
  'system',
  'popen',
  'os',
]);

const ATTRIBUTE_FORBIDDEN = new Set(['system', 'popen', 'subprocess', 'spawn', 'remove', 'rmtree', 'unlink']);

/** Double-underscore names that only reach Python's internals: refused as soon as they are read. */
const FORBIDDEN_DUNDERS = new Set([
  '__import__',
  '__builtins__',
  '__globals__',
  '__subclasses__',
  '__getattribute__',
  '__dict__',
  '__code__',
  '__base__',
  '__bases__',
  '__mro__',
  '__loader__',
  '__reduce__',
  '__reduce_ex__',
  '__closure__',
  '__func__',
  '__self__',
  '__spec__',
  '__file__',
  '__getattr__',
  '__setattr__',
  '__delattr__',
]);

/** Indentation levels (nested blocks) accepted. */
export const MAX_BLOCK_DEPTH = 40;

const NOT_A_NUMBER = new Set(['nan', 'inf', 'infinity']);

function where(line: number, col: number): string {
  return `line ${line}, column ${col}`;
}

export function refuseNotLayer(what: string): CodeError {
  return new CodeError(
    `${what} That isn't a layer description: I only read layer constructors (and never run code). ${EXAMPLE_HINT}`,
  );
}

function isAsciiIdent(code: number, allowDigit: boolean): boolean {
  return (
    (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || code === 95 || (allowDigit && code >= 48 && code <= 57)
  );
}

function isIdentStart(c: string): boolean {
  const code = c.charCodeAt(0);
  return isAsciiIdent(code, false) || (code > 127 && /\p{L}/u.test(c));
}

function isIdentChar(c: string): boolean {
  const code = c.charCodeAt(0);
  return isAsciiIdent(code, true) || (code > 127 && /[\p{L}\p{N}]/u.test(c));
}

/** Tokenizes preprocessed text. Throws CodeError with a friendly message on anything refused. */
export function tokenize(src: string): Token[] {
  if (src.length > MAX_QUERY_CHARS) {
    throw new CodeError(
      `That paste is ${src.length.toLocaleString('en-US')} characters; I read at most ${MAX_QUERY_CHARS.toLocaleString('en-US')}. ${EXAMPLE_HINT}`,
    );
  }
  const tokens: Token[] = [];
  const stack: { ch: string; line: number; col: number }[] = [];
  let i = 0;
  let line = 1;
  let lineStart = 0;
  const n = src.length;
  const push = (t: Token): void => {
    tokens.push(t);
    if (tokens.length > MAX_TOKENS) {
      throw new CodeError(
        `That paste has more than ${MAX_TOKENS.toLocaleString('en-US')} tokens, more than any model I read. ${EXAMPLE_HINT}`,
      );
    }
  };
  const newline = (): void => {
    line++;
    if (line > MAX_QUERY_LINES) {
      throw new CodeError(`That paste has more than ${MAX_QUERY_LINES.toLocaleString('en-US')} lines. ${EXAMPLE_HINT}`);
    }
  };
  // Indentation: a stack of column widths; the first code line sets the base, so a pasted
  // function body (every line indented) reads like top-level code.
  const indents: number[] = [];
  let atLineStart = true;
  const indentation = (): void => {
    let j = i;
    let width = 0;
    while (j < n && (src[j] === ' ' || src[j] === '\t' || src[j] === '\f')) {
      width = src[j] === '\t' ? width - (width % 8) + 8 : width + 1;
      j++;
    }
    if (j >= n || src[j] === '\n' || src[j] === '#' || (src[j] === '\\' && src[j + 1] === '\n')) {
      // A blank or comment line sets no indentation. Skip its leading whitespace here, so the next
      // character is not one more start of the same scan (100,000 spaces before a `#` were quadratic).
      i = j;
      return;
    }
    atLineStart = false;
    const mark = { text: '', start: j, end: j, line, col: j - lineStart + 1 };
    if (indents.length === 0) {
      indents.push(width);
      return;
    }
    const top = indents[indents.length - 1] as number;
    if (width > top) {
      indents.push(width);
      if (indents.length > MAX_BLOCK_DEPTH)
        throw new CodeError(
          `That code nests blocks more than ${MAX_BLOCK_DEPTH} deep (at line ${line}). ${EXAMPLE_HINT}`,
        );
      push({ kind: 'indent', ...mark });
      return;
    }
    while (indents.length > 1 && width < (indents[indents.length - 1] as number)) {
      indents.pop();
      push({ kind: 'dedent', ...mark });
    }
    // Below the first line's indentation, or between two levels: read leniently as the level reached.
    if (indents.length === 1 && width < (indents[0] as number)) indents[0] = width;
  };
  while (i < n) {
    if (atLineStart && stack.length === 0) {
      indentation();
      if (i >= n) break;
    }
    const c = src[i] as string;
    const col = i - lineStart + 1;
    if (c === '\n') {
      if (stack.length === 0) {
        const last = tokens[tokens.length - 1];
        if (last && last.kind !== 'newline' && last.kind !== 'indent' && last.kind !== 'dedent')
          push({ kind: 'newline', text: '\n', start: i, end: i + 1, line, col });
        atLineStart = true;
      }
      i++;
      newline();
      lineStart = i;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\f' || c === '\v') {
      i++;
      continue;
    }
    if (c === '#') {
      while (i < n && src[i] !== '\n') i++;
      continue;
    }
    if (c === '\\') {
      // Explicit line continuation.
      let j = i + 1;
      while (j < n && (src[j] === ' ' || src[j] === '\t')) j++;
      if (j >= n || src[j] === '\n') {
        i = j + 1;
        if (j < n) {
          newline();
          lineStart = i;
        }
        continue;
      }
      throw new CodeError(`Unexpected \`\\\` at ${where(line, col)}. ${EXAMPLE_HINT}`);
    }
    // Strings, with optional prefixes (r, b, u, f and pairs).
    STRING_START_RE.lastIndex = i;
    const pm = c === "'" || c === '"' || /[rRbBuUfF]/.test(c) ? STRING_START_RE.exec(src) : null;
    if (pm) {
      const start = i;
      const prefix = pm[0].slice(0, -1).toLowerCase();
      const quote = pm[1] as string;
      i += pm[0].length;
      const triple = src.startsWith(quote + quote, i);
      if (triple) i += 2;
      let value = '';
      let closed = false;
      const startLine = line;
      while (i < n) {
        const d = src[i] as string;
        if (d === '\\' && !prefix.includes('r') && i + 1 < n) {
          const e = src[i + 1] as string;
          value += e === 'n' ? '\n' : e === 't' ? '\t' : e === '\n' ? '' : e;
          if (e === '\n') {
            newline();
            lineStart = i + 2;
          }
          i += 2;
          continue;
        }
        if (d === '\\' && i + 1 < n) {
          value += d + (src[i + 1] as string);
          i += 2;
          continue;
        }
        if (d === '\n') {
          if (!triple) break;
          newline();
          lineStart = i + 1;
        }
        if (d === quote && (!triple || src.startsWith(quote + quote + quote, i))) {
          i += triple ? 3 : 1;
          closed = true;
          break;
        }
        value += d;
        i++;
      }
      if (!closed) {
        throw new CodeError(
          `The string starting at ${where(startLine, col)} is never closed: add the missing ${quote}. ${EXAMPLE_HINT}`,
          true,
        );
      }
      push({
        kind: 'string',
        text: value,
        start,
        end: i,
        line: startLine,
        col,
        ...(prefix.includes('f') ? { fstring: true } : {}),
      });
      continue;
    }
    if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(src[i + 1] ?? ''))) {
      const start = i;
      NUMBER_RE.lastIndex = i;
      const m = NUMBER_RE.exec(src);
      let text = m ? m[0] : c;
      if (text === '') text = c;
      i += text.length;
      if (i < n && isIdentChar(src[i] as string)) {
        throw new CodeError(
          `I can't read the number \`${src.slice(start, Math.min(i + 1, start + 30))}\` at ${where(line, col)}. ${EXAMPLE_HINT}`,
        );
      }
      const clean = text.replace(/_/g, '');
      if (/[jJ]$/.test(clean)) throw refuseNotLayer(`Complex numbers (\`${text}\`) aren't sizes.`);
      const isRadix = /^0[xXoObB]/.test(clean);
      if (!isRadix && /[.eE]/.test(clean)) {
        const mantissaDigits = (clean.split(/[eE]/)[0] ?? '').replace(/[^0-9]/g, '').replace(/^0+/, '').length;
        if (mantissaDigits > 100) {
          throw new CodeError(
            `The number at ${where(line, col)} has ${mantissaDigits.toLocaleString('en-US')} digits; sizes have at most ${MAX_DIGITS}. ${EXAMPLE_HINT}`,
          );
        }
        const v = Number(clean);
        if (!Number.isFinite(v)) {
          throw new CodeError(
            `\`${text.length > 30 ? text.slice(0, 30) + '…' : text}\` is too large to be a number I can use (it overflows to infinity). Sizes are whole numbers up to ${MAX_SIZE.toLocaleString('en-US')}. ${EXAMPLE_HINT}`,
          );
        }
        push({ kind: 'float', text, start, end: i, line, col, float: v });
        continue;
      }
      const digits = isRadix ? clean.slice(2) : clean.replace(/^0+(?=\d)/, '');
      if (digits.length === 0)
        throw new CodeError(`I can't read the number \`${text}\` at ${where(line, col)}. ${EXAMPLE_HINT}`);
      if (!isRadix && digits.length > MAX_DIGITS) {
        throw new CodeError(
          `The number at ${where(line, col)} has ${digits.length.toLocaleString('en-US')} digits; sizes have at most ${MAX_DIGITS} (up to ${MAX_SIZE.toLocaleString('en-US')}). ${EXAMPLE_HINT}`,
        );
      }
      if (isRadix && digits.length > 64) {
        throw new CodeError(`The number at ${where(line, col)} is far too large to be a size. ${EXAMPLE_HINT}`);
      }
      const v = BigInt(isRadix ? clean.slice(0, 2).toLowerCase() + digits : digits);
      push({ kind: 'int', text: clean, start, end: i, line, col, int: v });
      continue;
    }
    if (isIdentStart(c)) {
      const start = i;
      while (i < n && isIdentChar(src[i] as string)) i++;
      const word = src.slice(start, i);
      if (FORBIDDEN_DUNDERS.has(word)) {
        throw refuseNotLayer(`\`${word}\` at ${where(line, col)}: names with double underscores are not allowed.`);
      }
      const prevTok = tokens[tokens.length - 1];
      const isAttribute = prevTok !== undefined && prevTok.kind === 'op' && prevTok.text === '.';
      // `model.compile(...)` is everyday Keras; a bare `compile(...)` or `os.system` is not.
      if (isAttribute && ATTRIBUTE_FORBIDDEN.has(word)) {
        throw refuseNotLayer(`\`${word}\` at ${where(line, col)} is not a layer.`);
      }
      if (NOT_A_NUMBER.has(word.toLowerCase())) {
        throw new CodeError(
          `\`${word}\` at ${where(line, col)} is not a size: sizes are whole numbers up to ${MAX_SIZE.toLocaleString('en-US')}. ${EXAMPLE_HINT}`,
        );
      }
      push({ kind: 'name', text: word, start, end: i, line, col });
      continue;
    }
    let op = '';
    for (const o of THREE_CHAR_OPS) if (src.startsWith(o, i)) op = o;
    if (!op) for (const o of TWO_CHAR_OPS) if (src.startsWith(o, i)) op = o;
    if (!op && ONE_CHAR_OPS.includes(c)) op = c;
    if (!op) {
      throw new CodeError(`Unexpected character \`${c}\` at ${where(line, col)}. ${EXAMPLE_HINT}`, true);
    }
    if (OPEN[op] !== undefined) {
      stack.push({ ch: op, line, col });
      if (stack.length > MAX_NESTING) {
        throw new CodeError(
          `That code nests brackets more than ${MAX_NESTING} deep (at ${where(line, col)}); no real model needs that. ${EXAMPLE_HINT}`,
        );
      }
    } else if (CLOSE[op] !== undefined) {
      const top = stack.pop();
      if (!top) {
        throw new CodeError(
          `Unbalanced parentheses: the \`${op}\` at ${where(line, col)} closes nothing (there is no matching \`${CLOSE[op]}\`). ${EXAMPLE_HINT}`,
          true,
        );
      }
      if (top.ch !== CLOSE[op]) {
        throw new CodeError(
          `Unbalanced parentheses: the \`${op}\` at ${where(line, col)} does not match the \`${top.ch}\` opened at ${where(top.line, top.col)} (expected \`${OPEN[top.ch]}\`). ${EXAMPLE_HINT}`,
          true,
        );
      }
    }
    push({ kind: 'op', text: op, start: i, end: i + op.length, line, col });
    i += op.length;
  }
  if (stack.length > 0) {
    const top = stack[stack.length - 1] as { ch: string; line: number; col: number };
    const more = stack.length > 1 ? ` (${stack.length} brackets are left open)` : '';
    throw new CodeError(
      `Unbalanced parentheses: the \`${top.ch}\` at ${where(top.line, top.col)} is never closed${more}; add \`${OPEN[top.ch]}\`. ${EXAMPLE_HINT}`,
      true,
    );
  }
  const last = tokens[tokens.length - 1];
  if (last && last.kind !== 'newline' && last.kind !== 'dedent')
    push({ kind: 'newline', text: '\n', start: n, end: n, line, col: n - lineStart + 1 });
  for (let k = 1; k < indents.length; k++)
    push({ kind: 'dedent', text: '', start: n, end: n, line, col: n - lineStart + 1 });
  tokens.push({ kind: 'eof', text: '', start: n, end: n, line, col: n - lineStart + 1 });
  return tokens;
}
