// The solved unknown, the checked claim and the side-by-side comparison, as titled lines that both
// the text and Block Kit renderers lay out (numbers come from the answer, never recomputed).
import type { CountAnswer } from '../answer.js';
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
      .map((r) => `not ${CONVENTION_LABELS[r.convention]} (${formatCount(r.total)}): ${style.text(r.explanation ?? `off by ${formatCount(r.difference < 0n ? -r.difference : r.difference)}`)}`);
    lines.push(...c.notes.map((n) => style.text(n)));
    out.push({ title, lines });
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
