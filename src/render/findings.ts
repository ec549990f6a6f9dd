// The solved unknown, the checked claim and the side-by-side comparison, as titled lines that both
// the text and Block Kit renderers lay out (numbers come from the answer, never recomputed).
import type { CountAnswer } from '../answer-types.js';
import { CONVENTION_LABELS } from '../engine/types.js';
import { formatCount, formatSigned } from './format.js';
import { stepLine } from './steps.js';
import type { StepStyle } from './steps.js';

export interface Finding {
  title: string;
  lines: string[];
  /** Preformatted (a table): shown in a code block. */
  table?: boolean;
}

function list(names: string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

export function findings(a: CountAnswer, style: StepStyle): Finding[] {
  const out: Finding[] = [];
  if (a.solved) {
    const what = a.solved.unknown === 'input' ? 'input width' : 'units';
    out.push({
      title: `Solved: ${what} = ${formatCount(a.solved.value)}`,
      lines: a.solved.steps.map((s) => stepLine(s, style)),
    });
  }
  if (a.claim) {
    const c = a.claim;
    const holds = c.conventions.map((x) => CONVENTION_LABELS[x]);
    const title = holds.length
      ? `${formatCount(c.stated)} holds for ${list(holds)}`
      : `${formatCount(c.stated)} does not match any framework's count of this layer`;
    const lines = c.rows
      .filter((r) => !r.holds)
      .map(
        (r) =>
          `not ${CONVENTION_LABELS[r.convention]} (${formatCount(r.total)}): ${style.text(r.explanation ?? `off by ${formatCount(r.difference < 0n ? -r.difference : r.difference)}`)}`,
      );
    lines.push(...c.notes.map((n) => style.text(n)));
    out.push({ title, lines });
  }
  if (a.verification) {
    const v = a.verification;
    const mark = { agrees: '✓', disagrees: '✗', unknown: '?' } as const;
    const rows = v.rows.map((r) => [
      `${mark[r.status]} ${'  '.repeat(Math.min(r.depth, 4))}${r.name}`,
      r.type,
      formatCount(r.stated),
      r.computed === null ? '?' : formatCount(r.computed),
      r.conventions.join(', '),
    ]);
    const head = ['  layer', 'type', 'stated', 'computed', 'holds under'];
    const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
    const line = (r: string[]) =>
      r
        .map((c, i) => (i >= 2 && i <= 3 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
        .join('  ')
        .trimEnd();
    const t = v.total;
    out.push({
      title: `Summary check: ${v.counts.agrees} rows agree, ${v.counts.disagrees} disagree, ${v.counts.unknown} not rebuilt`,
      lines: [
        line(head),
        ...rows.map(line),
        `Total: stated ${t.stated === null ? 'none' : formatCount(t.stated)}, rows add up to ${formatCount(t.computed)}${t.agrees === null ? '' : t.agrees ? ' ✓' : ' ✗'}`,
      ],
      table: true,
    });
    const notes = v.rows
      .filter((r) => r.note)
      .map((r) => `${mark[r.status]} ${style.text(r.name)}: ${style.text(r.note)}`);
    notes.push(style.text(t.note));
    out.push({ title: 'Row by row', lines: notes });
  }
  if (a.comparison) {
    const rows = a.comparison.map((r) => {
      const name = `${r.convention} (${CONVENTION_LABELS[r.convention]})`.padEnd(32);
      const diff = r.difference === 0n ? '' : formatSigned(r.difference);
      return `${name} ${formatCount(r.total).padStart(16)}  ${diff}${r.explanation ? `  ${r.explanation}` : ''}`.trimEnd();
    });
    out.push({ title: 'Every framework side by side', lines: rows, table: true });
  }
  return out;
}
