// The App Home tab: a short cheat sheet of examples to copy. Static text, no user input.
import type { types } from '@slack/bolt';

type KnownBlock = types.KnownBlock;
type HomeView = types.HomeView;

export interface CheatSheetExample {
  /** Exactly what to type (copyable). */
  example: string;
  /** What it shows. */
  what: string;
}

export const CHEAT_SHEET: readonly CheatSheetExample[] = [
  {
    example: '/lstm 4096 256',
    what: 'LSTM, 4,096 inputs → 256 units: 4,457,472 in Keras, 4,458,496 in cuDNN/PyTorch (two bias vectors)',
  },
  { example: '/gru 128 64 pytorch', what: 'GRU in PyTorch conventions' },
  { example: '/lstm 300 300 bidirectional', what: 'both directions, counted and added' },
  { example: '/lstm 1024 1024 layers=2 pytorch', what: 'a 2-layer stack, layer by layer' },
  { example: '/params nn.LSTM(300, 512, num_layers=2, bidirectional=True)', what: 'paste PyTorch layer code' },
  { example: '/lstm ? 64 = 49408', what: 'solve for the unknown size' },
  { example: '/lstm 4096 256 = 4458496', what: 'check a count you already have' },
  {
    example: '/transformer d_model=4096 layers=32 heads=32 kv_heads=8 ffn=14336 vocab=128256 gated rmsnorm untied',
    what: "a transformer block by block (Llama-3-8B's shape: 8,030,261,248), or paste a config.json",
  },
];

export const KERAS_EXAMPLE = [
  '/params model = keras.Sequential([',
  '    layers.Input(shape=(None,)),',
  '    layers.Embedding(10000, 128),',
  '    layers.LSTM(64),',
  '    layers.Dense(1, activation="sigmoid"),',
  '])',
].join('\n');

/** Escapes text for mrkdwn; the cheat sheet is static, but nothing reaches Slack unescaped. */
function mrkdwnEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function preformatted(text: string): KnownBlock {
  return {
    type: 'rich_text',
    elements: [{ type: 'rich_text_preformatted', elements: [{ type: 'text', text }] }],
  };
}

export function homeView(): HomeView {
  const blocks: KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: 'ParamCount', emoji: false } },
    {
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: mrkdwnEscape(
          'Exact parameter counts for neural-network layers, explained step by step, with the differences between Keras and cuDNN/PyTorch conventions. Answers to slash commands are visible only to you until you press *Share in channel*.',
        ),
      },
    },
    { type: 'divider' },
    { type: 'section', text: { type: 'mrkdwn', text: '*Try these* (copy one into any message box)' } },
  ];
  for (const { example, what } of CHEAT_SHEET) {
    blocks.push(preformatted(example));
    blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: mrkdwnEscape(what) }] });
  }
  blocks.push({ type: 'section', text: { type: 'mrkdwn', text: '*A whole Keras model*' } });
  blocks.push(preformatted(KERAS_EXAMPLE));
  blocks.push({ type: 'divider' });
  blocks.push({
    type: 'section',
    text: {
      type: 'mrkdwn',
      text: mrkdwnEscape(
        'Or paste a model.summary() into a thread and mention @ParamCount in the same message. In a direct message, just paste it. On any message, use the shortcut "Explain parameter counts" from the message menu.',
      ),
    },
  });
  return { type: 'home', blocks };
}
