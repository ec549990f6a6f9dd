// The tensors of a recurrent layer as each framework names and lays them out.
import type { DirectionCount } from './recurrent-cell.js';
import { GATES, biasVectorsPerGate } from './recurrent-cell.js';
import type { Convention, RecurrentSpec, TensorNaming, TensorRecord } from './types.js';

function defaultNaming(convention: Convention): TensorNaming {
  switch (convention) {
    case 'keras':
    case 'keras2':
      return 'keras';
    default:
      return convention;
  }
}

export function tensorsFor(spec: RecurrentSpec, layer: number, dir: number, d: DirectionCount): TensorRecord[] {
  const naming = spec.naming ?? defaultNaming(spec.convention);
  const g = BigInt(GATES[spec.cell].length);
  const H = spec.units;
  const X = d.inputWidth;
  const R = d.recurrentWidth;
  const b = biasVectorsPerGate(spec);
  const t = (name: string, shape: bigint[]): TensorRecord => ({
    name,
    shape,
    params: shape.reduce((p, s) => p * s, 1n),
    trainable: true,
  });
  const multi = spec.layers > 1;
  const bi = spec.bidirectional;
  const out: TensorRecord[] = [];
  switch (naming) {
    case 'keras': {
      const cellName = spec.cell === 'rnn' ? 'simple_rnn' : spec.cell;
      const prefix = (multi ? `${cellName}_${layer}/` : '') + (bi ? (dir === 0 ? 'forward/' : 'backward/') : '');
      out.push(t(`${prefix}kernel`, [X, g * H]), t(`${prefix}recurrent_kernel`, [R, g * H]));
      if (b === 2 && spec.convention !== 'cudnn') out.push(t(`${prefix}bias`, [2n, g * H]));
      else if (b > 0) out.push(t(`${prefix}bias`, [BigInt(b) * g * H]));
      if (spec.peepholes) {
        for (const gate of ['input', 'forget', 'output']) out.push(t(`${prefix}${gate}_gate_peephole_weights`, [H]));
      }
      break;
    }
    case 'pytorch':
    case 'pytorch-cell': {
      const sfx = naming === 'pytorch-cell' ? '' : `_l${layer}${dir === 1 ? '_reverse' : ''}`;
      out.push(t(`weight_ih${sfx}`, [g * H, X]), t(`weight_hh${sfx}`, [g * H, R]));
      if (b > 0) out.push(t(`bias_ih${sfx}`, [g * H]), t(`bias_hh${sfx}`, [g * H]));
      if (spec.proj !== null) out.push(t(`weight_hr${sfx}`, [spec.proj, H]));
      break;
    }
    case 'cudnn': {
      const p = `layer${layer}${bi ? (dir === 0 ? '.fwd' : '.bwd') : ''}`;
      out.push(t(`${p}.W`, [g * H, X]), t(`${p}.R`, [g * H, R]));
      if (b > 0) out.push(t(`${p}.bW`, [g * H]), t(`${p}.bR`, [g * H]));
      if (spec.proj !== null) out.push(t(`${p}.P`, [spec.proj, H]));
      break;
    }
    case 'onnx': {
      // ONNX stacks both directions in one tensor; emitted once, on the forward direction.
      if (dir === 1) break;
      const D = bi ? 2n : 1n;
      const p = multi ? `layer${layer}.` : '';
      out.push(t(`${p}W`, [D, g * H, X]), t(`${p}R`, [D, g * H, H]));
      if (b > 0) out.push(t(`${p}B`, [D, 2n * g * H]));
      if (spec.peepholes) out.push(t(`${p}P`, [D, 3n * H]));
      break;
    }
    case 'flax': {
      const p = (multi ? `layer_${layer}/` : '') + (bi ? (dir === 0 ? 'forward_rnn/' : 'backward_rnn/') : '');
      const bias = spec.bias;
      if (spec.cell === 'lstm') {
        for (const k of ['i', 'f', 'g', 'o']) out.push(t(`${p}i${k}/kernel`, [X, H]));
        for (const k of ['i', 'f', 'g', 'o']) {
          out.push(t(`${p}h${k}/kernel`, [R, H]));
          if (bias) out.push(t(`${p}h${k}/bias`, [H]));
        }
      } else if (spec.cell === 'gru') {
        for (const k of ['r', 'z', 'n']) {
          out.push(t(`${p}i${k}/kernel`, [X, H]));
          if (bias) out.push(t(`${p}i${k}/bias`, [H]));
        }
        for (const k of ['r', 'z', 'n']) out.push(t(`${p}h${k}/kernel`, [R, H]));
        if (bias) out.push(t(`${p}hn/bias`, [H]));
      } else {
        out.push(t(`${p}i/kernel`, [X, H]), t(`${p}h/kernel`, [R, H]));
        if (bias) out.push(t(`${p}h/bias`, [H]));
      }
      break;
    }
    case 'tf1': {
      const p = (multi ? `cell_${layer}/` : '') + (bi ? (dir === 0 ? 'fw/' : 'bw/') : '') + 'lstm_cell/';
      out.push(t(`${p}kernel`, [X + R, g * H]));
      if (b > 0) out.push(t(`${p}bias`, [g * H]));
      if (spec.peepholes) for (const k of ['w_f_diag', 'w_i_diag', 'w_o_diag']) out.push(t(`${p}${k}`, [H]));
      if (spec.proj !== null) out.push(t(`${p}projection/kernel`, [H, spec.proj]));
      break;
    }
  }
  return out;
}

/** Total only: the cheap path used for alternatives and the solver. */
