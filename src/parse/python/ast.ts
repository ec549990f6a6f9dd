// The AST of the Python subset ParamCount reads. Plain data; `depth` is the node's height, bounded
// by the parser so that every recursive walk over it is bounded too.

interface Base {
  start: number;
  end: number;
  line: number;
  col: number;
  depth: number;
}

export interface IntExpr extends Base {
  k: 'int';
  value: bigint;
}
export interface FloatExpr extends Base {
  k: 'float';
  value: number;
}
export interface StrExpr extends Base {
  k: 'str';
  value: string;
}
export interface ConstExpr extends Base {
  k: 'const';
  value: boolean | null;
}
export interface NameExpr extends Base {
  k: 'name';
  id: string;
}
export interface AttrExpr extends Base {
  k: 'attr';
  obj: Expr;
  attr: string;
}
export interface Keyword {
  /** null for `**kwargs`. */
  name: string | null;
  value: Expr;
}
export interface Arg {
  star: boolean;
  value: Expr;
}
export interface CallExpr extends Base {
  k: 'call';
  func: Expr;
  args: Arg[];
  kwargs: Keyword[];
}
export interface SubscriptExpr extends Base {
  k: 'subscript';
  obj: Expr;
  index: Expr;
}
export interface SeqExpr extends Base {
  k: 'tuple' | 'list' | 'set';
  items: Expr[];
}
export interface DictExpr extends Base {
  k: 'dict';
  entries: { key: Expr; value: Expr }[];
}
export interface UnaryExpr extends Base {
  k: 'unary';
  /** Applied right to left: ['-', '-'] on x is -(-x). */
  ops: ('-' | '+' | '~')[];
  operand: Expr;
}
export type BinOp = '+' | '-' | '*' | '/' | '//' | '%' | '@' | '|' | '&' | '^' | '<<' | '>>';
/** A flat left-associative chain at one precedence level: first op1 e1 op2 e2 ... */
export interface ChainExpr extends Base {
  k: 'chain';
  first: Expr;
  rest: { op: BinOp; right: Expr }[];
}
/** a ** b ** c, right-associative, kept flat. */
export interface PowerExpr extends Base {
  k: 'power';
  operands: Expr[];
}

export type CompareOp = '==' | '!=' | '<' | '>' | '<=' | '>=' | 'in' | 'not in' | 'is' | 'is not';
export interface CompareExpr extends Base {
  k: 'compare';
  first: Expr;
  rest: { op: CompareOp; right: Expr }[];
}
export interface BoolExpr extends Base {
  k: 'bool';
  op: 'and' | 'or';
  values: Expr[];
}
export interface NotExpr extends Base {
  k: 'not';
  operand: Expr;
}
export interface IfExpr extends Base {
  k: 'ifexp';
  test: Expr;
  body: Expr;
  orelse: Expr;
}
export interface Param {
  name: string;
  default: Expr | null;
  /** `*args`, `**kwargs`, or an ordinary (positional or keyword) parameter. */
  kind: 'plain' | 'star' | 'dstar';
}
export interface LambdaExpr extends Base {
  k: 'lambda';
  params: Param[];
  body: Expr;
}
export interface ComprehensionFor {
  target: Expr;
  iter: Expr;
  ifs: Expr[];
}
export interface CompExpr extends Base {
  k: 'comp';
  kind: 'list' | 'set' | 'gen' | 'dict';
  elt: Expr;
  /** The value of a dict comprehension (`elt` is then the key). */
  value: Expr | null;
  gens: ComprehensionFor[];
}
export interface SliceExpr extends Base {
  k: 'slice';
  lower: Expr | null;
  upper: Expr | null;
  step: Expr | null;
}
export interface StarredExpr extends Base {
  k: 'starred';
  value: Expr;
}
/** An f-string: the parts between placeholders, and each placeholder's expression. */
export interface FStringExpr extends Base {
  k: 'fstring';
  parts: (string | Expr)[];
}

export type Expr =
  | CompareExpr
  | BoolExpr
  | NotExpr
  | IfExpr
  | LambdaExpr
  | CompExpr
  | SliceExpr
  | StarredExpr
  | FStringExpr
  | IntExpr
  | FloatExpr
  | StrExpr
  | ConstExpr
  | NameExpr
  | AttrExpr
  | CallExpr
  | SubscriptExpr
  | SeqExpr
  | DictExpr
  | UnaryExpr
  | ChainExpr
  | PowerExpr;

export interface ExprStatement {
  k: 'expr';
  expr: Expr;
  start: number;
  end: number;
  line: number;
}
export interface AssignStatement {
  k: 'assign';
  /** Each a name, an attribute (`self.lstm`) or a subscript; `a = b = X()` has two. */
  targets: Expr[];
  value: Expr;
  /** `x: int = 5` (a dataclass field when in a class body). */
  annotated?: boolean;
  start: number;
  end: number;
  line: number;
}
export interface ImportStatement {
  k: 'import';
  /** `from torch import nn` -> module 'torch', names [{name:'nn'}]; `import torch.nn as nn` -> module '', names [{name:'torch.nn', alias:'nn'}]. */
  module: string;
  names: { name: string; alias: string | null }[];
  line: number;
}
export interface PassStatement {
  k: 'pass';
  line: number;
}

interface StatementBase {
  line: number;
  start: number;
  end: number;
}
export interface DefStatement extends StatementBase {
  k: 'def';
  name: string;
  params: Param[];
  body: Statement[];
  decorators: Expr[];
  /** Why the body could not be read (reported only if the function is called). */
  broken?: string;
}
export interface ClassStatement extends StatementBase {
  k: 'class';
  name: string;
  bases: Expr[];
  body: Statement[];
  decorators: Expr[];
}
export interface IfStatement extends StatementBase {
  k: 'if';
  test: Expr;
  body: Statement[];
  orelse: Statement[];
}
export interface ForStatement extends StatementBase {
  k: 'for';
  target: Expr;
  iter: Expr;
  body: Statement[];
  orelse: Statement[];
}
export interface WhileStatement extends StatementBase {
  k: 'while';
  test: Expr;
  body: Statement[];
  orelse: Statement[];
}
export interface WithStatement extends StatementBase {
  k: 'with';
  items: { expr: Expr; target: Expr | null }[];
  body: Statement[];
}
/** `try`: the body is read; handlers are never taken (nothing raises when nothing runs). */
export interface TryStatement extends StatementBase {
  k: 'try';
  body: Statement[];
  orelse: Statement[];
  finalbody: Statement[];
}
export interface ReturnStatement extends StatementBase {
  k: 'return';
  value: Expr | null;
}
export interface AugAssignStatement extends StatementBase {
  k: 'augassign';
  target: Expr;
  op: string;
  value: Expr;
}
/** break, continue, raise, del, global/nonlocal, assert: kept only for their keyword and line. */
export interface KeywordStatement extends StatementBase {
  k: 'break' | 'continue' | 'raise' | 'del' | 'global' | 'assert' | 'yield' | 'annotation';
  /** global/nonlocal names; del targets as text. */
  names: string[];
}

export type Statement =
  | ExprStatement
  | AssignStatement
  | ImportStatement
  | PassStatement
  | DefStatement
  | ClassStatement
  | IfStatement
  | ForStatement
  | WhileStatement
  | WithStatement
  | TryStatement
  | ReturnStatement
  | AugAssignStatement
  | KeywordStatement;

export interface Module {
  body: Statement[];
  /** The preprocessed source the offsets refer to. */
  source: string;
}

/** Dotted path of a name/attribute chain (`tf.keras.layers.LSTM`), or null when it is not one. */
export function dottedName(e: Expr): string | null {
  const parts: string[] = [];
  let cur: Expr = e;
  for (;;) {
    if (cur.k === 'name') {
      parts.push(cur.id);
      break;
    }
    if (cur.k === 'attr') {
      parts.push(cur.attr);
      cur = cur.obj;
      continue;
    }
    return null;
  }
  return parts.reverse().join('.');
}
