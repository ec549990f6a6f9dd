// Recursive descent over the tokens. The tokenizer has already bounded bracket nesting
// (MAX_NESTING), the only thing that makes this parser recurse; operator chains, unary signs,
// powers and attribute/call trailers are all loops, and every node's height is checked.
import { MAX_NESTING } from '../../limits.js';
import type { Arg, BinOp, Expr, Keyword, Module, Statement } from './ast.js';
import { CodeError, EXAMPLE_HINT, preprocess, refuseNotLayer, tokenize } from './tokenizer.js';
import type { Token } from './tokenizer.js';

/** Largest AST height accepted (every walk over the tree recurses at most this deep). */
export const MAX_AST_DEPTH = MAX_NESTING * 4;
/** Trailers (`.x`, `(...)`, `[...]`) on one primary. */
const MAX_TRAILERS = 32;

const EXPRESSION_KEYWORDS = new Set([
  'and',
  'or',
  'not',
  'in',
  'is',
  'if',
  'else',
  'for',
  'yield',
  'await',
  'async',
  'lambda',
]);

type Positioned = 'depth' | 'start' | 'end' | 'line' | 'col';
type NodeFields = Expr extends infer T ? (T extends Expr ? Omit<T, Positioned> : never) : never;

class Parser {
  private pos = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly source: string,
  ) {}

  private peek(offset = 0): Token {
    return this.tokens[Math.min(this.pos + offset, this.tokens.length - 1)] as Token;
  }

  private next(): Token {
    const t = this.peek();
    if (this.pos < this.tokens.length - 1) this.pos++;
    return t;
  }

  private isOp(text: string, offset = 0): boolean {
    const t = this.peek(offset);
    return t.kind === 'op' && t.text === text;
  }

  private fail(t: Token, expected: string): never {
    const got =
      t.kind === 'eof'
        ? 'the end of the text'
        : t.kind === 'newline'
          ? 'the end of the line'
          : `\`${t.text.length > 20 ? t.text.slice(0, 20) + '…' : t.text}\``;
    throw new CodeError(
      `I expected ${expected} but found ${got} at line ${t.line}, column ${t.col}. ${EXAMPLE_HINT}`,
      true,
    );
  }

  private expectOp(text: string, what?: string): Token {
    const t = this.peek();
    if (t.kind === 'op' && t.text === text) return this.next();
    this.fail(t, what ?? `\`${text}\``);
  }

  private node(partial: NodeFields, first: Token, children: Expr[], end?: number): Expr {
    let d = 0;
    for (const c of children) if (c.depth > d) d = c.depth;
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

  parseModule(): Module {
    const body: Statement[] = [];
    for (;;) {
      const t = this.peek();
      if (t.kind === 'eof') break;
      if (t.kind === 'newline' || (t.kind === 'op' && t.text === ';')) {
        this.next();
        continue;
      }
      const st = this.parseStatement();
      if (st) body.push(st);
      const after = this.peek();
      if (after.kind === 'newline' || after.kind === 'eof' || (after.kind === 'op' && after.text === ';')) continue;
      // Lenient: `LSTM(64) input=128` or two calls on one line start a new statement.
      const prev = this.tokens[this.pos - 1];
      if (
        after.kind === 'name' &&
        prev &&
        ((prev.kind === 'op' && (prev.text === ')' || prev.text === ']')) ||
          prev.kind === 'int' ||
          prev.kind === 'name')
      )
        continue;
      if (after.kind === 'op' && after.text === ',' && this.peek(1).kind === 'name' && this.isOp('=', 2)) {
        this.next();
        continue;
      }
      this.fail(after, 'the end of the statement');
    }
    return { body, source: this.source };
  }

  private parseStatement(): Statement | null {
    const t = this.peek();
    if (t.kind === 'name' && (t.text === 'import' || t.text === 'from')) return this.parseImport();
    if (t.kind === 'name' && t.text === 'pass') {
      this.next();
      return { k: 'pass', line: t.line };
    }
    const first = this.parseTestList();
    if (this.isOp('=')) {
      const targets: Expr[] = [first];
      let value: Expr = first;
      while (this.isOp('=')) {
        this.next();
        value = this.parseTestList();
        targets.push(value);
      }
      targets.pop();
      for (const target of targets) {
        if (target.k !== 'name' && target.k !== 'attr' && target.k !== 'subscript' && target.k !== 'tuple') {
          throw new CodeError(`I can't assign to that at line ${target.line}, column ${target.col}. ${EXAMPLE_HINT}`);
        }
      }
      return { k: 'assign', targets, value, start: t.start, end: value.end, line: t.line };
    }
    if (this.isOp(':')) {
      // `x: int = 5` annotations: skip the annotation.
      this.next();
      this.parseTest();
      if (this.isOp('=')) {
        this.next();
        const value = this.parseTestList();
        return { k: 'assign', targets: [first], value, start: t.start, end: value.end, line: t.line };
      }
      return null;
    }
    const aug = this.peek();
    if (aug.kind === 'op' && /^(\+|-|\*|\/|\/\/|%|\*\*|@|&|\||\^|<<|>>)=$/.test(aug.text)) {
      throw new CodeError(
        `I don't follow \`${aug.text}\` (line ${aug.line}): write the value out, e.g. \`hidden = 256\`. ${EXAMPLE_HINT}`,
      );
    }
    return { k: 'expr', expr: first, start: first.start, end: first.end, line: t.line };
  }

  private dotted(): string {
    const parts: string[] = [];
    for (;;) {
      const t = this.peek();
      if (t.kind === 'op' && t.text === '.') {
        // relative imports: `from . import x`
        this.next();
        parts.push('');
        continue;
      }
      if (t.kind !== 'name') this.fail(t, 'a module name');
      parts.push(this.next().text);
      if (!this.isOp('.')) break;
      this.next();
    }
    return parts.join('.');
  }

  private parseImport(): Statement {
    const kw = this.next();
    if (kw.text === 'import') {
      const names: { name: string; alias: string | null }[] = [];
      for (;;) {
        const name = this.dotted();
        let alias: string | null = null;
        if (this.peek().kind === 'name' && this.peek().text === 'as') {
          this.next();
          const a = this.next();
          if (a.kind !== 'name') this.fail(a, 'a name after `as`');
          alias = a.text;
        }
        names.push({ name, alias });
        if (!this.isOp(',')) break;
        this.next();
      }
      return { k: 'import', module: '', names, line: kw.line };
    }
    const module = this.dotted();
    const imp = this.next();
    if (imp.kind !== 'name' || imp.text !== 'import') this.fail(imp, '`import`');
    const names: { name: string; alias: string | null }[] = [];
    const paren = this.isOp('(');
    if (paren) this.next();
    for (;;) {
      if (paren) while (this.peek().kind === 'newline') this.next();
      const t = this.next();
      if (t.kind === 'op' && t.text === '*') {
        names.push({ name: '*', alias: null });
      } else {
        if (t.kind !== 'name') this.fail(t, 'a name to import');
        let alias: string | null = null;
        if (this.peek().kind === 'name' && this.peek().text === 'as') {
          this.next();
          const a = this.next();
          if (a.kind !== 'name') this.fail(a, 'a name after `as`');
          alias = a.text;
        }
        names.push({ name: t.text, alias });
      }
      if (!this.isOp(',')) break;
      this.next();
      if (paren && this.isOp(')')) break;
    }
    if (paren) this.expectOp(')');
    return { k: 'import', module, names, line: kw.line };
  }

  /** `a, b` at statement level becomes a tuple. */
  private parseTestList(): Expr {
    const first = this.peek();
    const e = this.parseTest();
    if (!this.isOp(',')) return e;
    const items = [e];
    while (this.isOp(',')) {
      this.next();
      const t = this.peek();
      if (t.kind === 'newline' || t.kind === 'eof' || (t.kind === 'op' && (t.text === '=' || t.text === ';'))) break;
      items.push(this.parseTest());
    }
    return this.node({ k: 'tuple', items }, first, items);
  }

  private parseTest(): Expr {
    const e = this.parseArith();
    const t = this.peek();
    if (t.kind === 'name' && EXPRESSION_KEYWORDS.has(t.text)) {
      if (t.text === 'for')
        throw new CodeError(
          `I don't read comprehensions or loops (line ${t.line}): write the layers out one by one. ${EXAMPLE_HINT}`,
          true,
        );
      if (t.text === 'lambda') throw refuseNotLayer(`\`lambda\` at line ${t.line}: I don't read functions.`);
      throw new CodeError(
        `I don't read \`${t.text}\` expressions (line ${t.line}, column ${t.col}); layer arguments are numbers, strings, True/False/None and tuples. ${EXAMPLE_HINT}`,
        true,
      );
    }
    if (t.kind === 'op' && ['==', '!=', '<', '>', '<=', '>=', '|', '&', '^', '<<', '>>', ':='].includes(t.text)) {
      this.fail(t, 'a layer argument (numbers, strings, True/False/None or tuples)');
    }
    return e;
  }

  private parseArith(): Expr {
    const first = this.peek();
    const head = this.parseTerm();
    const rest: { op: BinOp; right: Expr }[] = [];
    for (;;) {
      const t = this.peek();
      if (t.kind === 'op' && (t.text === '+' || t.text === '-')) {
        this.next();
        rest.push({ op: t.text, right: this.parseTerm() });
      } else break;
    }
    if (rest.length === 0) return head;
    return this.node({ k: 'chain', first: head, rest }, first, [head, ...rest.map((r) => r.right)]);
  }

  private parseTerm(): Expr {
    const first = this.peek();
    const head = this.parseFactor();
    const rest: { op: BinOp; right: Expr }[] = [];
    for (;;) {
      const t = this.peek();
      if (
        t.kind === 'op' &&
        (t.text === '*' || t.text === '/' || t.text === '//' || t.text === '%' || t.text === '@')
      ) {
        this.next();
        rest.push({ op: t.text, right: this.parseFactor() });
      } else break;
    }
    if (rest.length === 0) return head;
    return this.node({ k: 'chain', first: head, rest }, first, [head, ...rest.map((r) => r.right)]);
  }

  /** Unary signs then a power; iterative over `- - x` and `a ** b ** c`. */
  private parseFactor(): Expr {
    const first = this.peek();
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
    const operands: Expr[] = [this.parsePostfix()];
    while (this.isOp('**')) {
      this.next();
      const opFirst = this.peek();
      const signs: ('-' | '+' | '~')[] = [];
      for (;;) {
        const t = this.peek();
        if (t.kind === 'op' && (t.text === '-' || t.text === '+' || t.text === '~')) {
          signs.push(t.text);
          this.next();
          if (signs.length > MAX_NESTING)
            throw new CodeError(`Too many signs in a row at line ${t.line}, column ${t.col}. ${EXAMPLE_HINT}`);
        } else break;
      }
      const p = this.parsePostfix();
      operands.push(signs.length ? this.node({ k: 'unary', ops: signs, operand: p }, opFirst, [p]) : p);
      if (operands.length > MAX_NESTING)
        throw new CodeError(`Too long a chain of \`**\` at line ${opFirst.line}. ${EXAMPLE_HINT}`);
    }
    let e: Expr = operands.length === 1 ? (operands[0] as Expr) : this.node({ k: 'power', operands }, first, operands);
    if (ops.length) e = this.node({ k: 'unary', ops, operand: e }, first, [e]);
    return e;
  }

  private parsePostfix(): Expr {
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

  private parseSubscript(): Expr {
    const t = this.peek();
    if (this.isOp(':')) this.fail(t, 'an index (slices are not supported)');
    const e = this.parseTestList();
    if (this.isOp(':')) this.fail(this.peek(), '`]` (slices are not supported)');
    return e;
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
        if (kwargs.length > 0 && !args.some((a) => a.star)) {
          // Python rejects a positional argument after a keyword one.
          const e = this.parseTest();
          throw new CodeError(
            `A positional argument follows keyword arguments at line ${e.line}, column ${e.col}; put positional arguments first. ${EXAMPLE_HINT}`,
          );
        }
        args.push({ star: false, value: this.parseTest() });
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
      if (this.isOp('*')) this.fail(this.peek(), 'a value (unpacking is not supported here)');
      items.push(this.parseTest());
      if (!this.isOp(',')) break;
      this.next();
    }
    return items;
  }

  private parseAtom(): Expr {
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
        let value = t.text;
        while (this.peek().kind === 'string') value += this.next().text;
        return this.node({ k: 'str', value }, t, []);
      }
      case 'name': {
        if (t.text === 'True' || t.text === 'False' || t.text === 'None') {
          this.next();
          return this.node({ k: 'const', value: t.text === 'None' ? null : t.text === 'True' }, t, []);
        }
        if (EXPRESSION_KEYWORDS.has(t.text) || t.text === 'import' || t.text === 'from') {
          if (t.text === 'lambda') throw refuseNotLayer(`\`lambda\` at line ${t.line}: I don't read functions.`);
          this.fail(t, 'a layer or a value');
        }
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
          const e = this.parseTest();
          if (this.isOp(')')) {
            this.next();
            return e;
          }
          if (!this.isOp(',')) this.fail(this.peek(), '`)` or `,`');
          this.next();
          const items = [e, ...this.parseSequence(')')];
          this.expectOp(')', '`)` or `,`');
          return this.node({ k: 'tuple', items }, t, items);
        }
        if (t.text === '[') {
          this.next();
          const items = this.parseSequence(']');
          this.expectOp(']', '`]` or `,`');
          return this.node({ k: 'list', items }, t, items);
        }
        if (t.text === '{') {
          this.next();
          if (this.isOp('}')) {
            this.next();
            return this.node({ k: 'dict', entries: [] }, t, []);
          }
          const key = this.parseTest();
          if (this.isOp(':')) {
            this.next();
            const entries = [{ key, value: this.parseTest() }];
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
          const items = [key];
          if (this.isOp(',')) {
            this.next();
            items.push(...this.parseSequence('}'));
          }
          this.expectOp('}', '`}` or `,`');
          return this.node({ k: 'set', items }, t, items);
        }
        if (t.text === '...') this.fail(t, 'a value (`...` is a placeholder: fill in the real argument)');
        this.fail(t, 'a layer or a value');
        break;
      }
      default:
        this.fail(t, 'a layer or a value');
    }
    this.fail(t, 'a layer or a value');
  }
}

/** Tokenizes and parses preprocessed text. Throws CodeError (friendly message) on refusal. */
export function parseTokens(source: string): Module {
  const tokens = tokenize(source);
  return new Parser(tokens, source).parseModule();
}

/** Slack text -> AST: preprocess, tokenize, parse. Throws CodeError. */
export function parsePython(text: string): Module {
  return parseTokens(preprocess(text));
}

/** parsePython without throwing. */
export function tryParsePython(text: string): { ok: true; module: Module } | { ok: false; error: string } {
  try {
    return { ok: true, module: parsePython(text) };
  } catch (e) {
    if (e instanceof CodeError) return { ok: false, error: e.message };
    if (e instanceof RangeError)
      return { ok: false, error: `That code is too complex for me to read. ${EXAMPLE_HINT}` };
    throw e;
  }
}
