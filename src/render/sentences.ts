// The words for the engine's typed sentences and notes: the one place they are phrased (a message
// catalogue per language can replace this file's tables without touching a counter).
import { GATES } from '../engine/recurrent.js';
import type { CellKind, Note, Sentence } from '../engine/types.js';
import { CELL_NAMES, CONVENTION_LABELS } from '../engine/types.js';
import { t } from '../i18n/index.js';
import type { Locale, MessageArg } from '../i18n/index.js';

/** The arguments each typed sentence's catalogue message takes (locales/*.ftl, `sentence-<id>`). */
function sentenceArgs(s: Sentence, locale: Locale): Record<string, MessageArg> {
  switch (s.id) {
    case 'cell-gates':
      return {
        article: CELL_NAMES[s.cell].article,
        cell: CELL_NAMES[s.cell].prose,
        gates: s.gates,
        names: GATES[s.cell]
          .map((g) => t(locale, `gate-${g.name.replace(/ /g, '-')}`))
          .join(locale === 'zh' ? '、' : ', '),
      };
    case 'cell-one-layer':
      return { article: CELL_NAMES[s.cell].article, cell: CELL_NAMES[s.cell].prose };
    case 'stacked':
      return { input: s.input, upper: s.upper, bidirectional: s.bidirectional ? 'yes' : 'no' };
    case 'counts-the-same':
    case 'laid-out-differently':
      return { convention: CONVENTION_LABELS[s.convention] };
    case 'two-bias-vectors':
      return { mine: s.mine };
    case 'layers-not-listed':
      return { from: s.from, to: s.to, same: s.from === s.to ? 'yes' : 'no' };
    case 'merge-mode':
      return { mode: s.mode, units: s.units.toString(), concat: (2n * s.units).toString() };
    default:
      return {};
  }
}

/** A typed sentence in the reply's language. */
export function sentence(s: Sentence, locale: Locale = 'en'): string {
  return t(locale, `sentence-${s.id}`, sentenceArgs(s, locale));
}

/** A layer note in words: a reader's text as it is, a typed sentence phrased. */
export function noteText(n: Note, locale: Locale = 'en'): string {
  return typeof n === 'string' ? n : sentence(n, locale);
}
