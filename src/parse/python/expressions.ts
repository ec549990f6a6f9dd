// Expression half of the recursive-descent parser. The tokenizer has already bounded bracket
// nesting (MAX_NESTING), the only thing that makes expressions recurse; operator chains, unary
// signs, powers and trailers are loops, and every node's height is checked.
import { MAX_NESTING } from '../../limits.js';
import type { Arg, BinOp, CompareOp, ComprehensionFor, Expr, Keyword, Param } from './ast.js';
import { CodeError, EXAMPLE_HINT } from './tokenizer.js';
import type { Token } from './tokenizer.js';

/** Largest AST height accepted (every walk over the tree recurses at most this deep). */
export const MAX_AST_DEPTH = MAX_NESTING * 4;
/** Trailers (`.x`, `(...)`, `[...]`) on one primary. */
const MAX_TRAILERS = 32;

export const KEYWORDS = new Set([
  'and',
  'or',
  'not',
  'in',
  'is',
  'if',
  'else',
  'elif',
  'for',
  'while',
  'yield',
  'await',
  'async',
  'lambda',
  'import',
  'from',
  'def',
  'class',
  'return',
  'with',
  'as',
  'try',
  'except',
  'finally',
  'raise',
  'del',
  'pass',
  'break',
  'continue',
  'global',
  'nonlocal',
  'assert',
]);

const COMPARE_OPS = new Set(['==', '!=', '<', '>', '<=', '>=']);
const BIT_OPS = new Set(['|', '&', '^', '<<', '>>']);

type Positioned = 'depth' | 'start' | 'end' | 'line' | 'col';
type NodeFields = Expr extends infer T ? (T extends Expr ? Omit<T, Positioned> : never) : never;

export class ExprParser {
  protected pos = 0;
  constructor(
    protected readonly tokens: Token[],
    protected readonly source: string,
  ) {}

  protected peek(offset = 0): Token {
    return this.tokens[Math.min(this.pos + offset, this.tokens.length - 1)] as Token;
  }

  protected next(): Token {
    const t = this.peek();
    if (this.pos < this.tokens.length - 1) this.pos++;
    return t;
  }

  protected isOp(text: string, offset = 0): boolean {
    const t = this.peek(offset);
    return t.kind === 'op' && t.text === text;
  }

  protected isWord(text: string, offset = 0): boolean {
    const t = this.peek(offset);
    return t.kind === 'name' && t.text === text;
  }

  protected fail(t: Token, expected: string): never {
    const got =
      t.kind === 'eof'
        ? 'the end of the text'
        : t.kind === 'newline'
          ? 'the end of the line'
          : t.kind === 'indent' || t.kind === 'dedent'
            ? 'a change of indentation'
            : `\`${t.text.length > 20 ? t.text.slice(0, 20) + '…' : t.text}\``;
    throw new CodeError(
      `I expected ${expected} but found ${got} at line ${t.line}, column ${t.col}. ${EXAMPLE_HINT}`,
      true,
    );
  }

  protected expectOp(text: string, what?: string): Token {
    const t = this.peek();
    if (t.kind === 'op' && t.text === text) return this.next();
    this.fail(t, what ?? `\`${text}\``);
  }

  protected expectName(what: string): string {
    const t = this.next();
    if (t.kind !== 'name' || KEYWORDS.has(t.text)) this.fail(t, what);
    return t.text;
  }

  protected node(partial: NodeFields, first: Token, children: (Expr | null)[], end?: number): Expr {
    let d = 0;
    for (const c of children) if (c && c.depth > d) d = c.depth;
    const depth = d + 1;
    if (depth > MAX_AST_DEPTH) {
      throw new CodeError(
        `That expression is nested too deeply (more than ${MAX_AST_DEPTH} levels at line ${first.line}). ${EXAMPLE_HINT}`,
      );
    }
    const last = this.tokens[this.pos - 1];
    return {
      ...partial,
      depth,
      start: first.start,
      end: end ?? (last ? last.end : first.end),
      line: first.line,
      col: first.col,
    } as Expr;
  }

  /** `a, b` becomes a tuple; `*rest` items allowed. */
  protected parseTestList(): Expr {
    const first = this.peek();
    const e = this.parseTestOrStar();
    if (!this.isOp(',')) return e;
    const items = [e];
    while (this.isOp(',')) {
      this.next();
      const t = this.peek();
      if (
        t.kind === 'newline' ||
        t.kind === 'eof' ||
        (t.kind === 'op' && (t.text === '=' || t.text === ';' || t.text === ')' || t.text === ']' || t.text === ':'))
      )
        break;
      items.push(this.parseTestOrStar());
    }
    return this.node({ k: 'tuple', items }, first, items);
  }

  private parseTestOrStar(): Expr {
    if (this.isOp('*')) {
      const t = this.next();
      const value = this.parseArith();
      return this.node({ k: 'starred', value }, t, [value]);
    }
    return this.parseTest();
  }

  protected parseTest(): Expr {
    const first = this.peek();
    if (this.isWord('lambda')) return this.parseLambda();
    if (this.isWord('yield') || this.isWord('await')) {
      this.next();
      if (this.isWord('from')) this.next();
      const t = this.peek();
      if (t.kind === 'newline' || t.kind === 'eof' || this.isOp(')'))
        return this.node({ k: 'const', value: null }, first, []);
      return this.parseTest();
    }
    const e = this.parseOr();
    if (this.isWord('if') && !this.noTernary) {
      this.next();
      const test = this.parseOr();
      if (!this.isWord('else')) this.fail(this.peek(), '`else` in a conditional expression');
      this.next();
      const orelse = this.parseTest();
      return this.node({ k: 'ifexp', test, body: e, orelse }, first, [test, e, orelse]);
    }
    if (this.isOp(':=')) this.fail(this.peek(), 'a plain expression (`:=` is not supported)');
    return e;
  }

  /** Set while parsing a comprehension's `if` clauses, where `if` starts the next clause. */
  protected noTernary = false;

  private parseLambda(): Expr {
    const first = this.next();
    const params = this.parseParams(':');
    this.expectOp(':');
    const body = this.parseTest();
    return this.node({ k: 'lambda', params, body }, first, [body, ...params.map((p) => p.default)]);
  }

  /** Parameters up to `close` (`)` for def, `:` for lambda). */
  protected parseParams(close: string): Param[] {
    const params: Param[] = [];
    while (!this.isOp(close)) {
      if (this.isOp('/')) {
        this.next();
      } else if (this.isOp('*') || this.isOp('**')) {
        const kind = this.next().text === '*' ? 'star' : 'dstar';
        if (kind === 'star' && (this.isOp(',') || this.isOp(close))) {
          // bare `*`: the keyword-only marker
        } else {
          const name = this.expectName('a parameter name');
          if (this.isOp(':') && close !== ':') {
            this.next();
            this.parseTest();
          }
          params.push({ name, default: null, kind });
        }
      } else {
        const name = this.expectName('a parameter name');
        if (this.isOp(':') && close !== ':') {
          this.next();
          this.parseTest();
        }
        let def: Expr | null = null;
        if (this.isOp('=')) {
          this.next();
          def = this.parseTest();
        }
        params.push({ name, default: def, kind: 'plain' });
      }
      if (!this.isOp(',')) break;
      this.next();
    }
    return params;
  }

  private parseOr(): Expr {
    return this.parseBool('or', () => this.parseAnd());
  }

  private parseAnd(): Expr {
    return this.parseBool('and', () => this.parseNot());
  }

  private parseBool(op: 'and' | 'or', operand: () => Expr): Expr {
    const first = this.peek();
    const head = operand();
    if (!this.isWord(op)) return head;
    const values = [head];
    while (this.isWord(op)) {
      this.next();
      values.push(operand());
    }
    return this.node({ k: 'bool', op, values }, first, values);
  }

  private parseNot(): Expr {
    const first = this.peek();
    let count = 0;
    while (this.isWord('not')) {
      this.next();
      if (++count > MAX_NESTING)
        throw new CodeError(`Too many \`not\` in a row at line ${first.line}. ${EXAMPLE_HINT}`);
    }
    let e = this.parseComparison();
    for (let i = 0; i < count; i++) e = this.node({ k: 'not', operand: e }, first, [e]);
    return e;
  }

  private compareOp(): CompareOp | null {
    const t = this.peek();
    if (t.kind === 'op' && COMPARE_OPS.has(t.text)) {
      this.next();
      return t.text as CompareOp;
    }
    if (t.kind === 'op' && t.text === '<>') return null;
    if (this.isWord('in')) {
      this.next();
      return 'in';
    }
    if (this.isWord('not') && this.isWord('in', 1)) {
      this.next();
      this.next();
      return 'not in';
    }
    if (this.isWord('is')) {
      this.next();
      if (this.isWord('not')) {
        this.next();
        return 'is not';
      }
      return 'is';
    }
    return null;
  }

  private parseComparison(): Expr {
    const first = this.peek();
    const head = this.parseBits();
    const rest: { op: CompareOp; right: Expr }[] = [];
    for (let op = this.compareOp(); op !== null; op = this.compareOp()) rest.push({ op, right: this.parseBits() });
    if (rest.length === 0) return head;
    return this.node({ k: 'compare', first: head, rest }, first, [head, ...rest.map((r) => r.right)]);
  }

  /** `|`, `^`, `&`, shifts: one flat level (they only matter when evaluated, and then on integers). */
  private parseBits(): Expr {
    return this.parseChain(
      (t) => BIT_OPS.has(t),
      () => this.parseArith(),
    );
  }

  protected parseArith(): Expr {
    return this.parseChain(
      (t) => t === '+' || t === '-',
      () => this.parseTerm(),
    );
  }

  private parseTerm(): Expr {
    return this.parseChain(
      (t) => t === '*' || t === '/' || t === '//' || t === '%' || t === '@',
      () => this.parseFactor(),
    );
  }

  private parseChain(isOp: (text: string) => boolean, operand: () => Expr): Expr {
    const first = this.peek();
    const head = operand();
    const rest: { op: BinOp; right: Expr }[] = [];
    for (;;) {
      const t = this.peek();
      if (t.kind === 'op' && isOp(t.text)) {
        this.next();
        rest.push({ op: t.text as BinOp, right: operand() });
      } else break;
    }
    if (rest.length === 0) return head;
    return this.node({ k: 'chain', first: head, rest }, first, [head, ...rest.map((r) => r.right)]);
  }

  private signs(): ('-' | '+' | '~')[] {
    const ops: ('-' | '+' | '~')[] = [];
    for (;;) {
      const t = this.peek();
      if (t.kind === 'op' && (t.text === '-' || t.text === '+' || t.text === '~')) {
        ops.push(t.text);
        this.next();
        if (ops.length > MAX_NESTING)
          throw new CodeError(`Too many signs in a row at line ${t.line}, column ${t.col}. ${EXAMPLE_HINT}`);
      } else break;
    }
    return ops;
  }

  /** Unary signs then a power; iterative over `- - x` and `a ** b ** c`. */
  private parseFactor(): Expr {
    const first = this.peek();
    const ops = this.signs();
    const operands: Expr[] = [this.parsePostfix()];
    while (this.isOp('**')) {
      this.next();
      const opFirst = this.peek();
      const signs = this.signs();
      const p = this.parsePostfix();
      operands.push(signs.length ? this.node({ k: 'unary', ops: signs, operand: p }, opFirst, [p]) : p);
      if (operands.length > MAX_NESTING)
        throw new CodeError(`Too long a chain of \`**\` at line ${opFirst.line}. ${EXAMPLE_HINT}`);
    }
    let e: Expr = operands.length === 1 ? (operands[0] as Expr) : this.node({ k: 'power', operands }, first, operands);
    if (ops.length) e = this.node({ k: 'unary', ops, operand: e }, first, [e]);
    return e;
  }

  protected parsePostfix(): Expr {
    const first = this.peek();
    let e = this.parseAtom();
    let trailers = 0;
    for (;;) {
      const t = this.peek();
      if (t.kind !== 'op') break;
      if (t.text === '.') {
        this.next();
        const name = this.next();
        if (name.kind !== 'name') this.fail(name, 'an attribute name after `.`');
        e = this.node({ k: 'attr', obj: e, attr: name.text }, first, [e]);
      } else if (t.text === '(') {
        this.next();
        const { args, kwargs } = this.parseArgs();
        const close = this.expectOp(')', '`)` or `,`');
        e = this.node(
          { k: 'call', func: e, args, kwargs },
          first,
          [e, ...args.map((a) => a.value), ...kwargs.map((k) => k.value)],
          close.end,
        );
      } else if (t.text === '[') {
        this.next();
        const index = this.parseSubscript();
        this.expectOp(']');
        e = this.node({ k: 'subscript', obj: e, index }, first, [e, index]);
      } else break;
      if (++trailers > MAX_TRAILERS)
        throw new CodeError(
          `Too long a chain of calls and attributes at line ${t.line}, column ${t.col}. ${EXAMPLE_HINT}`,
        );
    }
    return e;
  }

  private parseSliceItem(): Expr {
    const first = this.peek();
    const bound = (): Expr | null => (this.isOp(':') || this.isOp(']') || this.isOp(',') ? null : this.parseTest());
    const lower = bound();
    if (!this.isOp(':')) {
      if (!lower) this.fail(this.peek(), 'an index');
      return lower;
    }
    this.next();
    const upper = bound();
    let step: Expr | null = null;
    if (this.isOp(':')) {
      this.next();
      step = bound();
    }
    return this.node({ k: 'slice', lower, upper, step }, first, [lower, upper, step]);
  }

  private parseSubscript(): Expr {
    const first = this.peek();
    const e = this.parseSliceItem();
    if (!this.isOp(',')) return e;
    const items = [e];
    while (this.isOp(',')) {
      this.next();
      if (this.isOp(']')) break;
      items.push(this.parseSliceItem());
    }
    return this.node({ k: 'tuple', items }, first, items);
  }

  protected parseComprehension(): ComprehensionFor[] {
    const gens: ComprehensionFor[] = [];
    while (this.isWord('for') || (this.isWord('async') && this.isWord('for', 1))) {
      if (this.isWord('async')) this.next();
      this.next();
      const target = this.parseTargetList();
      if (!this.isWord('in')) this.fail(this.peek(), '`in`');
      this.next();
      const iter = this.parseOr();
      const ifs: Expr[] = [];
      while (this.isWord('if')) {
        this.next();
        const saved = this.noTernary;
        this.noTernary = true;
        ifs.push(this.parseOr());
        this.noTernary = saved;
      }
      gens.push({ target, iter, ifs });
    }
    return gens;
  }

  /** Assignment and loop targets: names, attributes, subscripts, (nested) tuples, `*rest`. */
  protected parseTargetList(): Expr {
    const first = this.peek();
    const items = [this.parseTarget()];
    while (this.isOp(',')) {
      this.next();
      if (this.isWord('in') || this.isOp('=')) break;
      items.push(this.parseTarget());
    }
    return items.length === 1 && !this.isOp(',', -1)
      ? (items[0] as Expr)
      : this.node({ k: 'tuple', items }, first, items);
  }

  private parseTarget(): Expr {
    if (this.isOp('*')) {
      const t = this.next();
      const value = this.parsePostfix();
      return this.node({ k: 'starred', value }, t, [value]);
    }
    return this.parsePostfix();
  }

  private parseArgs(): { args: Arg[]; kwargs: Keyword[] } {
    const args: Arg[] = [];
    const kwargs: Keyword[] = [];
    for (;;) {
      if (this.isOp(')')) break;
      const t = this.peek();
      if (t.kind === 'op' && t.text === '**') {
        this.next();
        kwargs.push({ name: null, value: this.parseTest() });
      } else if (t.kind === 'op' && t.text === '*') {
        this.next();
        args.push({ star: true, value: this.parseTest() });
      } else if (t.kind === 'name' && this.isOp('=', 1)) {
        this.next();
        this.next();
        if (kwargs.some((k) => k.name === t.text)) {
          throw new CodeError(`\`${t.text}=\` is given twice at line ${t.line}. ${EXAMPLE_HINT}`);
        }
        kwargs.push({ name: t.text, value: this.parseTest() });
      } else {
        const e = this.parseTest();
        if (this.isWord('for')) {
          const gens = this.parseComprehension();
          args.push({ star: false, value: this.node({ k: 'comp', kind: 'gen', elt: e, value: null, gens }, t, [e]) });
          continue;
        }
        if (kwargs.length > 0 && !args.some((a) => a.star)) {
          // Python rejects a positional argument after a keyword one.
          throw new CodeError(
            `A positional argument follows keyword arguments at line ${e.line}, column ${e.col}; put positional arguments first. ${EXAMPLE_HINT}`,
          );
        }
        args.push({ star: false, value: e });
      }
      if (!this.isOp(',')) break;
      this.next();
    }
    return { args, kwargs };
  }

  private parseSequence(close: string): Expr[] {
    const items: Expr[] = [];
    for (;;) {
      if (this.isOp(close)) break;
      items.push(this.parseTestOrStar());
      if (!this.isOp(',')) break;
      this.next();
    }
    return items;
  }

  /** `[x for ...]`, `(x for ...)`, `{x for ...}` after the first element. */
  private maybeComp(kind: 'list' | 'set' | 'gen', t: Token, elt: Expr, close: string): Expr | null {
    if (!this.isWord('for') && !(this.isWord('async') && this.isWord('for', 1))) return null;
    const gens = this.parseComprehension();
    this.expectOp(close);
    return this.node({ k: 'comp', kind, elt, value: null, gens }, t, [elt]);
  }

  private parseFString(t: Token): Expr {
    // Placeholders are re-parsed from the template text with a small sub-parser over the same rules.
    const parts: (string | Expr)[] = [];
    let text = '';
    const s = t.text;
    for (let i = 0; i < s.length; i++) {
      const c = s[i] as string;
      if (c === '{' && s[i + 1] === '{') {
        text += '{';
        i++;
      } else if (c === '}' && s[i + 1] === '}') {
        text += '}';
        i++;
      } else if (c === '{') {
        const close = s.indexOf('}', i);
        if (close < 0) break;
        if (text) parts.push(text);
        text = '';
        const inner =
          s
            .slice(i + 1, close)
            .split('!')[0]
            ?.split(':')[0] ?? '';
        parts.push(this.subExpression(inner, t));
        i = close;
      } else text += c;
    }
    if (text) parts.push(text);
    return this.node(
      { k: 'fstring', parts },
      t,
      parts.filter((p): p is Expr => typeof p !== 'string'),
    );
  }

  /** Hook: parses a placeholder of an f-string (set by the module parser). */
  protected subExpression(_text: string, t: Token): Expr {
    return this.node({ k: 'str', value: '' }, t, []);
  }

  protected parseAtom(): Expr {
    const t = this.peek();
    switch (t.kind) {
      case 'int':
        this.next();
        return this.node({ k: 'int', value: t.int as bigint }, t, []);
      case 'float':
        this.next();
        return this.node({ k: 'float', value: t.float as number }, t, []);
      case 'string': {
        this.next();
        if (t.fstring && !this.isOp('.', 0) && this.peek().kind !== 'string') return this.parseFString(t);
        let value = t.text;
        while (this.peek().kind === 'string') value += this.next().text;
        return this.node({ k: 'str', value }, t, []);
      }
      case 'name': {
        if (t.text === 'True' || t.text === 'False' || t.text === 'None') {
          this.next();
          return this.node({ k: 'const', value: t.text === 'None' ? null : t.text === 'True' }, t, []);
        }
        if (KEYWORDS.has(t.text)) this.fail(t, 'a layer or a value');
        this.next();
        return this.node({ k: 'name', id: t.text }, t, []);
      }
      case 'op': {
        if (t.text === '(') {
          this.next();
          if (this.isOp(')')) {
            this.next();
            return this.node({ k: 'tuple', items: [] }, t, []);
          }
          const e = this.isOp('*') ? this.parseTestOrStar() : this.parseTest();
          const comp = this.maybeComp('gen', t, e, ')');
          if (comp) return comp;
          if (this.isOp(')') && e.k !== 'starred') {
            this.next();
            return e;
          }
          if (this.isOp(',')) this.next();
          const items = [e, ...this.parseSequence(')')];
          this.expectOp(')', '`)` or `,`');
          return this.node({ k: 'tuple', items }, t, items);
        }
        if (t.text === '[') {
          this.next();
          if (this.isOp(']')) {
            this.next();
            return this.node({ k: 'list', items: [] }, t, []);
          }
          const items = this.parseSequence(']');
          const comp = items.length === 1 ? this.maybeComp('list', t, items[0] as Expr, ']') : null;
          if (comp) return comp;
          this.expectOp(']', '`]` or `,`');
          return this.node({ k: 'list', items }, t, items);
        }
        if (t.text === '{') return this.parseBrace(t);
        if (t.text === '...') {
          this.next();
          return this.node({ k: 'name', id: 'Ellipsis' }, t, []);
        }
        this.fail(t, 'a layer or a value');
        break;
      }
      default:
        this.fail(t, 'a layer or a value');
    }
    this.fail(t, 'a layer or a value');
  }

  private parseBrace(t: Token): Expr {
    this.next();
    if (this.isOp('}')) {
      this.next();
      return this.node({ k: 'dict', entries: [] }, t, []);
    }
    if (this.isOp('**')) this.fail(this.peek(), 'a key (`**` in a dict is not supported)');
    const key = this.parseTest();
    if (this.isOp(':')) {
      this.next();
      const value = this.parseTest();
      if (this.isWord('for')) {
        const gens = this.parseComprehension();
        this.expectOp('}');
        return this.node({ k: 'comp', kind: 'dict', elt: key, value, gens }, t, [key, value]);
      }
      const entries = [{ key, value }];
      while (this.isOp(',')) {
        this.next();
        if (this.isOp('}')) break;
        const k = this.parseTest();
        this.expectOp(':');
        entries.push({ key: k, value: this.parseTest() });
      }
      this.expectOp('}', '`}` or `,`');
      return this.node(
        { k: 'dict', entries },
        t,
        entries.flatMap((x) => [x.key, x.value]),
      );
    }
    const comp = this.maybeComp('set', t, key, '}');
    if (comp) return comp;
    const items = [key];
    if (this.isOp(',')) {
      this.next();
      items.push(...this.parseSequence('}'));
    }
    this.expectOp('}', '`}` or `,`');
    return this.node({ k: 'set', items }, t, items);
  }
}
