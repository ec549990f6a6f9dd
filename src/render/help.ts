// Usage help, as data both renderers lay out (sections of [title, lines]), from the catalogues.
import { t } from '../i18n/index.js';
import type { Locale } from '../i18n/index.js';
import { transformerHelpLines } from '../parse/transformer-shorthand.js';

export interface HelpSection {
  title: string;
  lines: string[];
}

export function helpSections(command: string, locale: Locale = 'en'): HelpSection[] {
  if (command === '/transformer') return transformerHelpLines();
  const cmd = ['/lstm', '/gru', '/rnn'].includes(command) ? command : '/lstm';
  const say = (id: string) => t(locale, id, { command: cmd });
  return [
    {
      title: t(locale, 'help-title', {
        params: command === '/params' ? 'yes' : 'no',
        command: cmd,
        cell: cmd.slice(1).toUpperCase(),
      }),
      lines: [say('help-usage'), say('help-promise')],
    },
    {
      title: say('help-options'),
      lines: [
        'help-bidirectional',
        'help-layers',
        'help-no-bias',
        'help-proj',
        'help-peepholes',
        'help-reset-after',
        'help-compare',
        'help-framework',
        'help-lang',
      ].map(say),
    },
    { title: say('help-more'), lines: ['help-paste', 'help-transformer', 'help-claim', 'help-sequence'].map(say) },
  ];
}
