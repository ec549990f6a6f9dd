// The safe Python-subset reader: preprocess -> tokenize -> parse -> (host-driven) evaluate. Never executes.
export * from './ast.js';
export { CodeError, CODE_EXAMPLE, EXAMPLE_HINT, preprocess, tokenize } from './tokenizer.js';
export type { Token, TokenKind } from './tokenizer.js';
export { MAX_AST_DEPTH, parsePython, parseTokens, tryParsePython } from './parser.js';
export { Evaluator, describe } from './evaluate.js';
export type { Host, Value } from './evaluate.js';
