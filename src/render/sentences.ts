// The words for the engine's typed sentences and notes: the one place they are phrased (a message
// catalogue per language can replace this file's tables without touching a counter).
import { GATES } from '../engine/recurrent.js';
import type { CellKind, Note, Sentence } from '../engine/types.js';
import { CELL_NAMES, CONVENTION_LABELS } from '../engine/types.js';
import { formatCount } from './format.js';

/** "An LSTM cell", "A simple RNN cell". */
const cellTitle = (cell: CellKind): string => `${CELL_NAMES[cell].article} ${CELL_NAMES[cell].prose} cell`;

export function sentence(s: Sentence): string {
  switch (s.id) {
    case 'cell-gates': {
      const names = GATES[s.cell].map((g) => g.name).join(', ');
      return `${cellTitle(s.cell)} has ${s.gates} gates (${names}), each its own dense layer over the concatenated [h_{t-1}, x_t].`;
    }
    case 'cell-one-layer':
      return `${cellTitle(s.cell)} is one dense layer: h_t = tanh(W·[h_{t-1}, x_t] + b).`;
    case 'recurrent-no-bias':
      return 'No bias: bias=False / use_bias=False removes every bias vector.';
    case 'bidirectional-counts-twice':
      return 'Bidirectional: a second, independent copy of the cell reads the sequence backwards, so each layer counts twice.';
    case 'stacked':
      return `Stacked: layer 0 reads the input (${formatCount(s.input)} wide); layers 1 and up read the layer below's output, ${formatCount(s.upper)} wide${s.bidirectional ? ' (both directions concatenated)' : ''}.`;
    case 'counts-the-same':
      return `${CONVENTION_LABELS[s.convention]} counts the same`;
    case 'two-bias-vectors':
      return s.mine === 0
        ? 'cuDNN and PyTorch with bias keep two bias vectors per gate (b_ih and b_hh)'
        : 'cuDNN and PyTorch keep two bias vectors (b_ih and b_hh), one more per gate';
    case 'keras-one-bias-vector':
      return 'Keras keeps one bias vector per gate where cuDNN and PyTorch keep two (b_ih and b_hh)';
    case 'laid-out-differently':
      return `${CONVENTION_LABELS[s.convention]} lays the cell out differently`;
    case 'layers-not-listed':
      return s.from === s.to
        ? `Layer ${s.from} has the same tensor shapes as layer 1 and is not listed.`
        : `Layers ${s.from} to ${s.to} have the same tensor shapes as layer 1 and are not listed.`;
    case 'merge-mode-none':
      return 'merge_mode=None returns the two directions as separate outputs.';
    case 'merge-mode':
      return `merge_mode='${s.mode}' combines the two directions element by element, so the output is ${s.units} wide (concat would give ${2n * s.units}); the weights are the same.`;
  }
}

/** A layer note in words: a reader's text as it is, a typed sentence phrased. */
export function noteText(n: Note): string {
  return typeof n === 'string' ? n : sentence(n);
}
