// Statement half of the recursive-descent parser: blocks by indentation (the tokenizer emits
// indent/dedent and bounds their depth), compound statements, and the lenient one-line forms people
// paste (`LSTM(64) input=128`). A function body that does not parse is kept as a broken function and
// reported only if it is ever called (a `forward` full of tensor code never is).
import { MAX_NESTING } from '../../limits.js';
import type { ClassStatement, DefStatement, Expr, Module, Statement } from './ast.js';
import { ExprParser, KEYWORDS } from './expressions.js';
import { CodeError, EXAMPLE_HINT, preprocess, tokenize } from './tokenizer.js';
import type { Token } from './tokenizer.js';

export { MAX_AST_DEPTH } from './expressions.js';

const AUG_OPS = new Set(['+=', '-=', '*=', '/=', '//=', '%=', '**=', '@=', '&=', '|=', '^=', '<<=', '>>=']);

class Parser extends ExprParser {
  /** Statement nesting (blocks), bounded by the tokenizer's indentation limit; counted for safety. */
  private blockDepth = 0;

  parseModule(): Module {
    const body = this.parseStatements(null);
    return { body, source: this.source };
  }

  /** Statements until a dedent (inside a block) or the end of the text. */
  private parseStatements(until: 'dedent' | null): Statement[] {
    const body: Statement[] = [];
    for (;;) {
      const t = this.peek();
      if (t.kind === 'eof') break;
      if (t.kind === 'dedent') {
        if (until === 'dedent') break;
        this.next();
        continue;
      }
      if (t.kind === 'newline' || t.kind === 'indent' || (t.kind === 'op' && t.text === ';')) {
        this.next();
        continue;
      }
      this.parseLine(body);
    }
    return body;
  }

  /** One line: a compound statement, or simple statements separated by `;`. */
  private parseLine(body: Statement[]): void {
    const st = this.parseStatement();
    if (st) body.push(st);
    if (st && isCompound(st)) return;
    for (;;) {
      const after = this.peek();
      if (after.kind === 'newline' || after.kind === 'eof' || after.kind === 'dedent') return;
      if (after.kind === 'op' && after.text === ';') {
        this.next();
        const n = this.peek();
        if (n.kind === 'newline' || n.kind === 'eof' || n.kind === 'dedent') return;
        const more = this.parseSimple();
        if (more) body.push(more);
        continue;
      }
      // Lenient: `LSTM(64) input=128` or two calls on one line start a new statement.
      const prev = this.tokens[this.pos - 1];
      if (
        after.kind === 'name' &&
        !KEYWORDS.has(after.text) &&
        prev &&
        ((prev.kind === 'op' && (prev.text === ')' || prev.text === ']')) ||
          prev.kind === 'int' ||
          prev.kind === 'name')
      ) {
        const more = this.parseSimple();
        if (more) body.push(more);
        continue;
      }
      if (after.kind === 'op' && after.text === ',' && this.peek(1).kind === 'name' && this.isOp('=', 2)) {
        this.next();
        const more = this.parseSimple();
        if (more) body.push(more);
        continue;
      }
      this.fail(after, 'the end of the statement');
    }
  }

  /** A block after `:`: an indented suite, or simple statements on the same line. */
  private parseSuite(): Statement[] {
    this.expectOp(':', '`:`');
    if (++this.blockDepth > MAX_NESTING)
      throw new CodeError(`That code nests blocks too deeply (more than ${MAX_NESTING}). ${EXAMPLE_HINT}`);
    try {
      if (this.peek().kind !== 'newline') {
        const body: Statement[] = [];
        this.parseLine(body);
        return body;
      }
      this.next();
      if (this.peek().kind !== 'indent') this.fail(this.peek(), 'an indented block');
      this.next();
      const body = this.parseStatements('dedent');
      if (this.peek().kind === 'dedent') this.next();
      return body;
    } finally {
      this.blockDepth--;
    }
  }

  /** Skips a suite whose contents failed to parse (from just after its header's `:`). */
  private skipSuite(from: number): void {
    this.pos = from;
    this.expectOp(':');
    if (this.peek().kind !== 'newline') {
      while (this.peek().kind !== 'newline' && this.peek().kind !== 'eof') this.next();
      return;
    }
    this.next();
    if (this.peek().kind !== 'indent') return;
    let depth = 0;
    for (;;) {
      const t = this.next();
      if (t.kind === 'eof') return;
      if (t.kind === 'indent') depth++;
      if (t.kind === 'dedent' && --depth === 0) return;
    }
  }

  private parseStatement(): Statement | null {
    const t = this.peek();
    if (t.kind === 'op' && t.text === '@') return this.parseDecorated();
    if (t.kind === 'name') {
      switch (t.text) {
        case 'def':
          return this.parseDef([]);
        case 'class':
          return this.parseClass([]);
        case 'async':
          this.next();
          return this.parseStatement();
        case 'if':
          return this.parseIf();
        case 'for': {
          this.next();
          const target = this.parseTargetList();
          if (!this.isWord('in')) this.fail(this.peek(), '`in`');
          this.next();
          const iter = this.parseTestList();
          const body = this.parseSuite();
          const orelse = this.parseElse();
          return { k: 'for', target, iter, body, orelse, ...this.span(t) };
        }
        case 'while': {
          this.next();
          const test = this.parseTest();
          const body = this.parseSuite();
          return { k: 'while', test, body, orelse: this.parseElse(), ...this.span(t) };
        }
        case 'with':
          return this.parseWith();
        case 'try':
          return this.parseTry();
      }
    }
    return this.parseSimple();
  }

  private span(t: Token): { line: number; start: number; end: number } {
    const last = this.tokens[this.pos - 1];
    return { line: t.line, start: t.start, end: last ? last.end : t.end };
  }

  private parseElse(): Statement[] {
    if (!this.isWord('else')) return [];
    this.next();
    return this.parseSuite();
  }

  private parseIf(): Statement {
    const t = this.next();
    const test = this.parseTest();
    const body = this.parseSuite();
    let orelse: Statement[] = [];
    if (this.isWord('elif')) orelse = [this.parseIf()];
    else orelse = this.parseElse();
    return { k: 'if', test, body, orelse, ...this.span(t) };
  }

  private parseWith(): Statement {
    const t = this.next();
    const items: { expr: Expr; target: Expr | null }[] = [];
    const paren =
      this.isOp('(') && this.tokens.slice(this.pos).findIndex((x) => x.kind === 'name' && x.text === 'as') >= 0;
    for (;;) {
      const expr = this.parseTest();
      let target: Expr | null = null;
      if (this.isWord('as')) {
        this.next();
        target = this.parseTargetList();
      }
      items.push({ expr, target });
      if (!this.isOp(',')) break;
      this.next();
    }
    void paren;
    return { k: 'with', items, body: this.parseSuite(), ...this.span(t) };
  }

  private parseTry(): Statement {
    const t = this.next();
    const body = this.parseSuite();
    while (this.isWord('except')) {
      this.next();
      if (this.isOp('*')) this.next();
      if (!this.isOp(':')) {
        this.parseTest();
        if (this.isWord('as')) {
          this.next();
          this.expectName('a name after `as`');
        } else if (this.isOp(',')) {
          this.next();
          this.parseTest();
        }
      }
      this.parseSuite();
    }
    const orelse = this.parseElse();
    let finalbody: Statement[] = [];
    if (this.isWord('finally')) {
      this.next();
      finalbody = this.parseSuite();
    }
    return { k: 'try', body, orelse, finalbody, ...this.span(t) };
  }

  private parseDecorated(): Statement {
    const decorators: Expr[] = [];
    while (this.isOp('@')) {
      this.next();
      decorators.push(this.parseTest());
      while (this.peek().kind === 'newline') this.next();
    }
    if (this.isWord('async')) this.next();
    if (this.isWord('def')) return this.parseDef(decorators);
    if (this.isWord('class')) return this.parseClass(decorators);
    this.fail(this.peek(), '`def` or `class` after a decorator');
  }

  private parseDef(decorators: Expr[]): DefStatement {
    const t = this.next();
    const name = this.expectName('a function name');
    this.expectOp('(');
    const params = this.parseParams(')');
    this.expectOp(')', '`)` or `,`');
    if (this.isOp('->')) {
      this.next();
      this.parseTest();
    }
    const bodyStart = this.pos;
    let body: Statement[];
    let broken: string | undefined;
    try {
      body = this.parseSuite();
    } catch (e) {
      if (!(e instanceof CodeError) || !e.syntax) throw e;
      broken = e.message;
      this.skipSuite(bodyStart);
      body = [];
    }
    return { k: 'def', name, params, body, decorators, ...(broken ? { broken } : {}), ...this.span(t) };
  }

  private parseClass(decorators: Expr[]): ClassStatement {
    const t = this.next();
    const name = this.expectName('a class name');
    let bases: Expr[] = [];
    if (this.isOp('(')) {
      const call = this.parsePostfixCallArgs();
      bases = call;
    }
    return { k: 'class', name, bases, body: this.parseSuite(), decorators, ...this.span(t) };
  }

  /** `(Base1, Base2, metaclass=M)`: the positional bases. */
  private parsePostfixCallArgs(): Expr[] {
    this.expectOp('(');
    const bases: Expr[] = [];
    while (!this.isOp(')')) {
      if (this.peek().kind === 'name' && this.isOp('=', 1)) {
        this.next();
        this.next();
        this.parseTest();
      } else bases.push(this.parseTest());
      if (!this.isOp(',')) break;
      this.next();
    }
    this.expectOp(')', '`)` or `,`');
    return bases;
  }

  /** A simple statement: expression, assignment, import, return, pass and the keyword statements. */
  private parseSimple(): Statement | null {
    const t = this.peek();
    if (t.kind === 'name') {
      switch (t.text) {
        case 'import':
        case 'from':
          return this.parseImport();
        case 'pass':
          this.next();
          return { k: 'pass', line: t.line };
        case 'return': {
          this.next();
          const n = this.peek();
          const value =
            n.kind === 'newline' || n.kind === 'eof' || n.kind === 'dedent' || (n.kind === 'op' && n.text === ';')
              ? null
              : this.parseTestList();
          return { k: 'return', value, ...this.span(t) };
        }
        case 'break':
        case 'continue':
          this.next();
          return { k: t.text, names: [], ...this.span(t) };
        case 'global':
        case 'nonlocal': {
          this.next();
          const names = [this.expectName('a name')];
          while (this.isOp(',')) {
            this.next();
            names.push(this.expectName('a name'));
          }
          return { k: 'global', names, ...this.span(t) };
        }
        case 'raise':
        case 'del':
        case 'assert': {
          this.next();
          const names: string[] = [];
          const n = this.peek();
          if (!(n.kind === 'newline' || n.kind === 'eof' || n.kind === 'dedent')) {
            const e = this.parseTestList();
            names.push(this.source.slice(e.start, e.end));
            if (t.text === 'raise' && this.isWord('from')) {
              this.next();
              this.parseTest();
            }
          }
          return { k: t.text, names, ...this.span(t) };
        }
      }
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
      for (const target of targets) checkTarget(target);
      return { k: 'assign', targets, value, start: t.start, end: value.end, line: t.line };
    }
    if (this.isOp(':')) {
      // `x: int = 5` annotations: skip the annotation.
      this.next();
      this.parseTest();
      if (this.isOp('=')) {
        this.next();
        const value = this.parseTestList();
        return { k: 'assign', targets: [first], value, annotated: true, start: t.start, end: value.end, line: t.line };
      }
      const name = first.k === 'name' ? first.id : this.source.slice(first.start, first.end);
      return { k: 'annotation', names: [name], ...this.span(t) };
    }
    const aug = this.peek();
    if (aug.kind === 'op' && AUG_OPS.has(aug.text)) {
      this.next();
      checkTarget(first);
      const value = this.parseTestList();
      return {
        k: 'augassign',
        target: first,
        op: aug.text.slice(0, -1),
        value,
        start: t.start,
        end: value.end,
        line: t.line,
      };
    }
    return { k: 'expr', expr: first, start: first.start, end: first.end, line: t.line };
  }

  protected override subExpression(text: string, t: Token): Expr {
    const tokens = tokenize(text).filter((x) => x.kind !== 'newline');
    const sub = new Parser(
      tokens.map((x) => ({ ...x, start: t.start, end: t.end, line: t.line, col: t.col })),
      this.source,
    );
    return sub.parseTest();
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
}

function isCompound(st: Statement): boolean {
  return ['def', 'class', 'if', 'for', 'while', 'with', 'try'].includes(st.k);
}

function checkTarget(target: Expr): void {
  if (target.k === 'tuple' || target.k === 'list') {
    for (const item of target.items) checkTarget(item.k === 'starred' ? item.value : item);
    return;
  }
  if (target.k !== 'name' && target.k !== 'attr' && target.k !== 'subscript') {
    throw new CodeError(`I can't assign to that at line ${target.line}, column ${target.col}. ${EXAMPLE_HINT}`);
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
