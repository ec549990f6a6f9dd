// The App Home tab: a short cheat sheet of examples to copy. Static text, no user input.
import type { types } from '@slack/bolt';
import { t } from '../i18n/index.js';
import type { Locale } from '../i18n/index.js';

type KnownBlock = types.KnownBlock;
type HomeView = types.HomeView;

export interface CheatSheetExample {
  /** Exactly what to type (copyable). */
  example: string;
  /** What it shows: a catalogue id (locales/*.ftl). */
  what: string;
}

export const CHEAT_SHEET: readonly CheatSheetExample[] = [
  { example: '/lstm 4096 256', what: 'home-lstm' },
  { example: '/gru 128 64 pytorch', what: 'home-gru' },
  { example: '/lstm 300 300 bidirectional', what: 'home-bi' },
  { example: '/lstm 1024 1024 layers=2 pytorch', what: 'home-stack' },
  { example: '/params nn.LSTM(300, 512, num_layers=2, bidirectional=True)', what: 'home-paste' },
  { example: '/lstm ? 64 = 49408', what: 'home-solve' },
  { example: '/lstm 4096 256 = 4458496', what: 'home-check' },
  { example: '/lstm input 300 hidden 128 2 layers bidirectional', what: 'home-plain' },
  {
    example: '/transformer d_model=4096 layers=32 heads=32 kv_heads=8 ffn=14336 vocab=128256 gated rmsnorm untied',
    what: 'home-transformer',
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

/** The App Home in the user's language (Slack's users.info locale, when the door knows it). */
export function homeView(locale: Locale = 'en'): HomeView {
  const blocks: KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: 'ParamCount', emoji: false } },
    {
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: mrkdwnEscape(t(locale, 'home-intro')),
      },
    },
    { type: 'divider' },
    { type: 'section', text: { type: 'mrkdwn', text: t(locale, 'home-try') } },
  ];
  for (const { example, what } of CHEAT_SHEET) {
    blocks.push(preformatted(example));
    blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: mrkdwnEscape(t(locale, what)) }] });
  }
  blocks.push({ type: 'section', text: { type: 'mrkdwn', text: t(locale, 'home-keras') } });
  blocks.push(preformatted(KERAS_EXAMPLE));
  blocks.push({ type: 'divider' });
  blocks.push({
    type: 'section',
    text: {
      type: 'mrkdwn',
      text: mrkdwnEscape(t(locale, 'home-mention')),
    },
  });
  return { type: 'home', blocks };
}
