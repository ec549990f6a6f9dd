import type { RecurrentSpec } from '../../src/engine/types.js';

/** A recurrent spec for tests: `/lstm 4096 256` under Keras unless overridden. */
export function recurrentSpec(over: Partial<RecurrentSpec> = {}): RecurrentSpec {
  return {
    kind: 'recurrent',
    cell: 'lstm',
    input: 4096n,
    units: 256n,
    layers: 1,
    bidirectional: false,
    bias: true,
    proj: null,
    peepholes: false,
    resetAfter: null,
    convention: 'keras',
    ...over,
  };
}
