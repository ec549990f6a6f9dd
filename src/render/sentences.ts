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
      return plainArgs(s);
  }
}

/**
 * A sentence's own fields as message arguments: counts as plain digits (as the English has always
 * written them inside a sentence), yes/no for a flag, "none" for an absent value.
 */
function plainArgs(s: Sentence): Record<string, MessageArg> {
  const out: Record<string, MessageArg> = {};
  for (const [k, v] of Object.entries(s)) {
    if (k === 'id') continue;
    if (typeof v === 'bigint') {
      out[k] = v.toString();
      out[`${k}-n`] = Number(v); // for a selector: picks the form, never printed
    } else if (v === null) out[k] = 'none';
    else if (typeof v === 'boolean') out[k] = v ? 'yes' : 'no';
    else if (typeof v === 'string' || typeof v === 'number') out[k] = v;
  }
  return out;
}

/** A step or term label: catalogue message `label-<label as a slug>` when there is one, else the label as written. */
export function labelText(label: string, locale: Locale = 'en'): string {
  if (locale === 'en' || label === '') return label;
  const id = `label-${labelSlug(label)}`;
  const text = t(locale, id);
  return text === id ? label : text;
}

/** "in_proj_weight (q, k, v stacked)" -> "in-proj-weight-q-k-v-stacked" (plain string code, no regex). */
export function labelSlug(label: string): string {
  let slug = '';
  for (const ch of label.toLowerCase()) {
    const word = (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9');
    if (word) slug += ch;
    else if (slug !== '' && !slug.endsWith('-')) slug += '-';
  }
  return slug.endsWith('-') ? slug.slice(0, -1) : slug;
}

/** A typed sentence in the reply's language. */
export function sentence(s: Sentence, locale: Locale = 'en'): string {
  return t(locale, `sentence-${s.id}`, sentenceArgs(s, locale));
}

/** A layer note in words: a reader's text as it is, a typed sentence phrased. */
export function noteText(n: Note, locale: Locale = 'en'): string {
  return typeof n === 'string' ? n : sentence(n, locale);
}
