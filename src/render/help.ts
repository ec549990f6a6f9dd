// Usage help, as data both renderers lay out (sections of [title, lines]).
import { transformerHelpLines } from '../parse/transformer-shorthand.js';

export interface HelpSection {
  title: string;
  lines: string[];
}

export function helpSections(command: string): HelpSection[] {
  if (command === '/transformer') return transformerHelpLines();
  const cmd = ['/lstm', '/gru', '/rnn'].includes(command) ? command : '/lstm';
  const cell = cmd.slice(1).toUpperCase();
  return [
    {
      title: `${command === '/params' ? 'ParamCount' : cmd}: explain a ${command === '/params' ? 'layer or model' : cell}'s parameter count`,
      lines: [
        `\`${cmd} <input> <units> [options]\`: e.g. \`${cmd} 4096 256\`, \`${cmd} 4096, 256\`, \`${cmd} 4096 -> 256\`, \`${cmd} input=4096 units=256\`.`,
        'I answer with the total, every step of the arithmetic, the tensors and their shapes, and how other frameworks count it.',
      ],
    },
    {
      title: 'Options',
      lines: [
        '`bidirectional` (or `bi`): two directions, each counted',
        '`layers=N`: stacked layers; layers above the first read the one below',
        '`no-bias` (or `bias=false`): no bias vectors at all',
        '`proj=N`: LSTM projection (PyTorch proj_size, TF1 num_proj)',
        '`peepholes`: LSTM peephole weights (ONNX, TF1)',
        '`reset_after=true|false`: Keras GRU variant',
        '`compare`: every framework side by side',
        'a framework: `keras` (default), `keras2`/`tfjs`, `pytorch`, `cudnn`, `onnx`, `flax`, `tf1` (or `framework=NAME`)',
      ],
    },
    {
      title: 'More',
      lines: [
        '`/params nn.LSTM(300, 512, num_layers=2, bidirectional=True)`: paste PyTorch, Keras or Flax code',
        '`/params meta-llama/Meta-Llama-3-8B` (a Hub model), a pasted config.json, or `/transformer help`: a transformer, block by block',
        'Sequence length and batch size never change a parameter count; if you give one, I will say so.',
      ],
    },
  ];
}
