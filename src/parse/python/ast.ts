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
export type BinOp = '+' | '-' | '*' | '/' | '//' | '%' | '@';
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

export type Expr =
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

export type Statement = ExprStatement | AssignStatement | ImportStatement | PassStatement;

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
