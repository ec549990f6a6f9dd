// Finds every regular expression in src/: literals, and `new RegExp(...)` / `RegExp(...)` calls whose
// source is worked out statically (string literals, templates, `String.raw`, `+`, `a ? b : c`, and
// `const` names declared in the same file). A source that cannot be known is reported as dynamic, so
// the safety test can refuse it. Parses with the TypeScript compiler, so no regex is missed by a
// text search (a `/` inside a string, a regex inside a template).
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

export interface FoundRegex {
  file: string;
  line: number;
  /** Every source the expression can take (a conditional gives two); empty when dynamic. */
  sources: string[];
  flags: string;
  /** The expression as written, for calls whose source is not known. */
  dynamic?: string;
}

/** Bounds the product of conditional branches (a template with many `?:` parts). */
const MAX_VARIANTS = 64;

function tsFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...tsFiles(path));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) out.push(path);
  }
  return out.sort();
}

function constInitialisers(source: ts.SourceFile): Map<string, ts.Expression | null> {
  const found = new Map<string, ts.Expression | null>();
  const visit = (node: ts.Node): void => {
    if (ts.isVariableDeclarationList(node) && node.flags & ts.NodeFlags.Const) {
      for (const d of node.declarations) {
        if (!ts.isIdentifier(d.name) || !d.initializer) continue;
        // The same name declared twice in one file: ambiguous, so unknown.
        found.set(d.name.text, found.has(d.name.text) ? null : d.initializer);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function product(parts: string[][]): string[] | null {
  let acc = [''];
  for (const p of parts) {
    const next: string[] = [];
    for (const a of acc) for (const b of p) next.push(a + b);
    if (next.length > MAX_VARIANTS) return null;
    acc = next;
  }
  return acc;
}

/** Every string value `e` can take, or null when one part is not known statically. */
function evaluate(e: ts.Expression, consts: Map<string, ts.Expression | null>, depth = 0): string[] | null {
  if (depth > 50) return null;
  const ev = (x: ts.Expression) => evaluate(x, consts, depth + 1);
  if (ts.isParenthesizedExpression(e) || ts.isAsExpression(e)) return ev(e.expression);
  if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) return [e.text];
  if (ts.isRegularExpressionLiteral(e)) return null;
  if (ts.isTemplateExpression(e)) {
    const parts: string[][] = [[e.head.text]];
    for (const span of e.templateSpans) {
      const v = ev(span.expression);
      if (!v) return null;
      parts.push(v, [span.literal.text]);
    }
    return product(parts);
  }
  if (ts.isTaggedTemplateExpression(e)) {
    const tag = e.tag.getText();
    if (tag !== 'String.raw') return null;
    const t = e.template;
    if (ts.isNoSubstitutionTemplateLiteral(t)) return [t.rawText ?? t.text];
    const parts: string[][] = [[t.head.rawText ?? t.head.text]];
    for (const span of t.templateSpans) {
      const v = ev(span.expression);
      if (!v) return null;
      parts.push(v, [span.literal.rawText ?? span.literal.text]);
    }
    return product(parts);
  }
  if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    const l = ev(e.left);
    const r = ev(e.right);
    return l && r ? product([l, r]) : null;
  }
  if (ts.isConditionalExpression(e)) {
    const a = ev(e.whenTrue);
    const b = ev(e.whenFalse);
    return a && b ? [...a, ...b] : null;
  }
  if (ts.isIdentifier(e)) {
    const init = consts.get(e.text);
    return init ? ev(init) : null;
  }
  // `REGEX.source`, where REGEX is a literal const.
  if (ts.isPropertyAccessExpression(e) && e.name.text === 'source' && ts.isIdentifier(e.expression)) {
    const init = consts.get(e.expression.text);
    if (init && ts.isRegularExpressionLiteral(init)) return [literalParts(init.text).source];
  }
  return null;
}

function literalParts(text: string): { source: string; flags: string } {
  const end = text.lastIndexOf('/');
  return { source: text.slice(1, end), flags: text.slice(end + 1) };
}

/** Every regular expression in the TypeScript files under `root`. */
export function findRegexes(root: string): FoundRegex[] {
  const out: FoundRegex[] = [];
  for (const path of tsFiles(root)) {
    const text = readFileSync(path, 'utf8');
    const source = ts.createSourceFile(path, text, ts.ScriptTarget.ES2022, true);
    const consts = constInitialisers(source);
    const file = relative(process.cwd(), path);
    const lineOf = (node: ts.Node) => source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
    const visit = (node: ts.Node): void => {
      if (ts.isRegularExpressionLiteral(node)) {
        const { source: src, flags } = literalParts(node.text);
        out.push({ file, line: lineOf(node), sources: [src], flags });
      } else if (
        (ts.isNewExpression(node) || ts.isCallExpression(node)) &&
        ts.isIdentifier(node.expression) &&
        node.expression.text === 'RegExp'
      ) {
        const [srcArg, flagsArg] = node.arguments ?? [];
        const sources = srcArg ? evaluate(srcArg, consts) : [''];
        const flags = flagsArg ? (evaluate(flagsArg, consts) ?? ['?'])[0] : '';
        if (sources) out.push({ file, line: lineOf(node), sources, flags: flags ?? '' });
        else out.push({ file, line: lineOf(node), sources: [], flags: flags ?? '', dynamic: srcArg?.getText() ?? '' });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return out;
}
