// Derivation steps (engine data) -> lines of prose. Shared by the text and Block Kit renderers;
// `strong` wraps the numbers a reader looks for (bold in Slack, nothing in a terminal).
import type { Convention, Step, Term } from '../engine/types.js';
import { CONVENTION_LABELS } from '../engine/types.js';
import { formatCount, formatSigned } from './format.js';
import { labelText, sentence } from './sentences.js';
import type { Locale } from '../i18n/index.js';
import { MAX_TABLE_ROWS } from '../limits.js';

export interface StepStyle {
  strong: (s: string) => string;
  /** Escapes text that may come from the user (layer names in pasted code). */
  text: (s: string) => string;
  /** The language of the engine's typed sentences (default English). */
  locale?: Locale;
}

function term(t: Term, style: StepStyle): string {
  return t.label ? `${formatCount(t.value)} (${style.text(labelText(t.label, style.locale))})` : formatCount(t.value);
}

/** Terms joined by `sep`; past MAX_TABLE_ROWS the middle ones are counted, not written. */
function terms(ts: Term[], sep: string, style: StepStyle): string {
  if (ts.length <= MAX_TABLE_ROWS) return ts.map((t) => term(t, style)).join(sep);
  const head = ts.slice(0, MAX_TABLE_ROWS - 2).map((t) => term(t, style));
  const last = term(ts[ts.length - 1]!, style);
  return [...head, `... ${formatCount(BigInt(ts.length - head.length - 1))} more ...`, last].join(sep);
}

export function stepLine(step: Step, style: StepStyle): string {
  switch (step.kind) {
    case 'explain':
    case 'note':
      return style.text(step.text);
    case 'say':
      return style.text(sentence(step.sentence, style.locale));
    case 'sum':
      if (step.terms.length === 1)
        return `${style.text(labelText(step.label, style.locale))}: ${style.strong(formatCount(step.result))}`;
      return `${style.text(labelText(step.label, style.locale))}: ${terms(step.terms, ' + ', style)} = ${style.strong(formatCount(step.result))}`;
    case 'product':
      if (step.factors.length === 1)
        return `${style.text(labelText(step.label, style.locale))}: ${style.strong(formatCount(step.result))}`;
      return `${style.text(labelText(step.label, style.locale))}: ${terms(step.factors, ' x ', style)} = ${style.strong(formatCount(step.result))}`;
    case 'formula':
      return `${style.text(labelText(step.label, style.locale))}: ${style.text(step.expression)} = ${style.strong(formatCount(step.result))}`;
    case 'compare': {
      if (step.difference === 0n)
        return `${style.text(sentence(step.reason, style.locale))}: ${style.strong(formatCount(step.total))}`;
      const size = formatCount(step.difference < 0n ? -step.difference : step.difference);
      const more = step.difference < 0n ? 'fewer' : 'more';
      const why =
        step.factors.length > 0
          ? `${step.factors.map((f) => `${formatCount(f.value)} ${style.text(labelText(f.label, style.locale))}`).join(' x ')} = ${size} ${more}`
          : `${formatSigned(step.difference)}`;
      return `${style.text(sentence(step.reason, style.locale))}: ${why} → ${style.strong(formatCount(step.total))} (${conventionFamily(step.convention)})`;
    }
  }
}

/** Numbered derivation; explain/note steps stay unnumbered context where they are. */
export function stepLines(steps: Step[], style: StepStyle): string[] {
  return steps.filter((s) => s.kind !== 'formula').map((s, i) => `${i + 1}. ${stepLine(s, style)}`);
}

/** cuDNN's figure is PyTorch's too; say both where they agree by construction. */
export function conventionFamily(c: Convention): string {
  return c === 'cudnn' ? 'cuDNN / PyTorch' : CONVENTION_LABELS[c];
}
