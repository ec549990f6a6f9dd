// Non-recurrent layer counters (recurrent layers live in ../recurrent.ts). Pure, BigInt.
export * from './common.js';
export * from './dense.js';
export * from './conv.js';
export * from './attention.js';
export * from './norm.js';
