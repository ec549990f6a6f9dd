// The solved unknown, the checked claim and the side-by-side comparison, as titled lines that both
// the text and Block Kit renderers lay out (numbers come from the answer, never recomputed).
import type { CountAnswer } from '../answer-types.js';
import { CONVENTION_LABELS } from '../engine/types.js';
import { formatNumber, say, t } from '../i18n/index.js';
import type { Locale } from '../i18n/index.js';
import { stepLine } from './steps.js';
import type { StepStyle } from './steps.js';

export interface Finding {
  title: string;
  lines: string[];
  /** Preformatted (a table): shown in a code block. */
  table?: boolean;
}

export function listOf(locale: Locale, names: string[]): string {
  if (names.length <= 1) return names.join('');
  return t(locale, 'list-and', { head: names.slice(0, -1).join(', '), last: names[names.length - 1] ?? '' });
}

function signed(locale: Locale, v: bigint): string {
  return v > 0n ? `+${formatNumber(locale, v)}` : v < 0n ? `−${formatNumber(locale, -v)}` : '0';
}

export function findings(a: CountAnswer, style: StepStyle, locale: Locale = 'en'): Finding[] {
  const n = (v: bigint) => formatNumber(locale, v);
  const out: Finding[] = [];
  if (a.solved) {
    out.push({
      title: t(locale, 'solved-title', { what: a.solved.unknown, value: n(a.solved.value) }),
      lines: a.solved.steps.map((s) => stepLine(s, { ...style, locale })),
    });
  }
  if (a.claim) {
    const c = a.claim;
    const holds = c.conventions.map((x) => CONVENTION_LABELS[x]);
    const title = holds.length
      ? t(locale, 'claim-holds', { stated: n(c.stated), conventions: listOf(locale, holds) })
      : t(locale, 'claim-matches-none', { stated: n(c.stated) });
    const lines = c.rows
      .filter((r) => !r.holds)
      .map((r) =>
        t(locale, 'claim-row', {
          convention: CONVENTION_LABELS[r.convention],
          total: n(r.total),
          why: style.text(
            r.explanationMessage
              ? say(locale, r.explanationMessage)
              : t(locale, 'claim-off-by', { diff: r.difference < 0n ? -r.difference : r.difference }),
          ),
        }),
      );
    const noteMessages = c.messages ?? [];
    const variantNotes = c.notes.slice(0, c.notes.length - noteMessages.length);
    lines.push(...variantNotes.map((x) => style.text(x)), ...noteMessages.map((m) => style.text(say(locale, m))));
    out.push({ title, lines });
  }
  if (a.verification) {
    const v = a.verification;
    const mark = { agrees: '✓', disagrees: '✗', unknown: '?' } as const;
    // Narrow rows for a phone: the mark, the name and type, then stated → computed; conventions apart.
    const rows = v.rows.map((r) => {
      const name = `${mark[r.status]} ${'  '.repeat(Math.min(r.depth, 4))}${r.name} (${r.type})`;
      const counts = `${n(r.stated)}${r.computed === null ? ' ?' : r.computed === r.stated ? '' : ` → ${n(r.computed)}`}`;
      return `${name}  ${counts}`;
    });
    const tt = v.total;
    out.push({
      title: t(locale, 'verify-title', {
        agrees: v.counts.agrees,
        disagrees: v.counts.disagrees,
        unknown: v.counts.unknown,
      }),
      lines: [
        ...rows,
        `Σ ${tt.stated === null ? '—' : n(tt.stated)} / ${n(tt.computed)}${tt.agrees === null ? '' : tt.agrees ? ' ✓' : ' ✗'}`,
      ],
      table: true,
    });
    const notes = v.rows
      .filter((r) => r.note)
      .map((r) => `${mark[r.status]} ${style.text(r.name)}: ${style.text(r.note)}`);
    notes.push(style.text(tt.note));
    out.push({ title: t(locale, 'verify-rows'), lines: notes });
  }
  if (a.comparison) {
    const width = Math.max(...a.comparison.map((r) => CONVENTION_LABELS[r.convention].length));
    const lines: string[] = [];
    for (const r of a.comparison) {
      const diff = r.difference === 0n ? '' : `  ${signed(locale, r.difference)}`;
      lines.push(`${CONVENTION_LABELS[r.convention].padEnd(width)}  ${n(r.total).padStart(14)}${diff}`);
      if (r.explanation) lines.push(`  ${r.explanation.replace(/^[+−-]/, '')}`);
    }
    out.push({ title: t(locale, 'compare-title'), lines, table: true });
  }
  return out;
}
