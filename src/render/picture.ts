// A small monospace picture of a recurrent cell: [h_{t-1} | x_t] feeding one box per gate,
// each labelled with its weights and bias. Drawn from the engine's CellPicture record only.
import type { CellPicture } from '../engine/types.js';
import { formatCount } from './format.js';

const MAX_WIDTH = 76;

function boxLines(p: CellPicture, gate: CellPicture['gates'][number]): string[] {
  const lines = [gate.name, gate.activation, `W ${formatCount(p.concatWidth)} x ${formatCount(p.units)}`];
  if (gate.biasVectors === 1) lines.push(`b ${formatCount(p.units)}`);
  else if (gate.biasVectors > 1) lines.push(`b ${gate.biasVectors} x ${formatCount(p.units)}`);
  else lines.push('no bias');
  lines.push(`= ${formatCount(gate.params)}`);
  return lines;
}

export function renderCellPicture(p: CellPicture): string {
  const head = `[ ${p.recurrentLabel} | x_t ]  ${formatCount(p.recurrentWidth)} + ${formatCount(p.inputWidth)} = ${formatCount(p.concatWidth)} wide`;
  const contents = p.gates.map((g) => boxLines(p, g));
  const inner = Math.max(...contents.flat().map((l) => l.length));
  const w = inner + 4;
  const n = p.gates.length;
  const out: string[] = [head];
  const gatesTotal = p.gates.reduce((s, g) => s + g.params, 0n);
  if (n * (w + 1) <= MAX_WIDTH) {
    // Boxes are w wide with one space between them: box centres are w + 1 apart.
    const c0 = Math.floor(w / 2);
    out.push(' '.repeat(c0) + '│');
    if (n > 1) {
      // ├───┬───┬───┐ : a tee under the first box, one under each middle box, a corner at the last.
      let row = ' '.repeat(c0) + '├';
      for (let i = 1; i < n; i++) row += '─'.repeat(w) + (i === n - 1 ? '┐' : '┬');
      out.push(row);
    }
    let arrows = ' '.repeat(c0) + '▼';
    for (let i = 1; i < n; i++) arrows += ' '.repeat(w) + '▼';
    out.push(arrows);
    const top = Array(n)
      .fill('┌' + '─'.repeat(w - 2) + '┐')
      .join(' ');
    const bottom = Array(n)
      .fill('└' + '─'.repeat(w - 2) + '┘')
      .join(' ');
    out.push(top);
    const rows = Math.max(...contents.map((c) => c.length));
    for (let r = 0; r < rows; r++) {
      out.push(contents.map((c) => '│ ' + (c[r] ?? '').padEnd(inner) + ' │').join(' '));
    }
    out.push(bottom);
  } else {
    // Too wide for four boxes side by side: one row per gate.
    out.push('    │');
    const nameWidth = Math.max(...contents.map((c) => `${c[0]} (${c[1]})`.length));
    p.gates.forEach((g, i) => {
      const branch = i === n - 1 ? '    └─▶ ' : '    ├─▶ ';
      const [name = '', act = '', ...rest] = contents[i] ?? [];
      out.push(branch + `${name} (${act})`.padEnd(nameWidth) + '  ' + rest.join('  '));
    });
  }
  if (n > 1) out.push(`${n} gates x ${formatCount(p.gates[0]?.params ?? 0n)} = ${formatCount(gatesTotal)}`);
  for (const e of p.extras) out.push(`+ ${e.label}: ${formatCount(e.params)}`);
  return out.join('\n');
}
