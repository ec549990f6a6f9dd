// A small monospace picture of a recurrent cell within 60 columns: [h_{t-1} | x_t] feeding one branch
// per gate, each with its weights and bias. Drawn from the engine's CellPicture record only.
import type { CellPicture } from '../engine/types.js';
import { formatNumber, t } from '../i18n/index.js';
import type { Locale } from '../i18n/index.js';
import { columns, fitColumns, padColumns } from './columns.js';

export function renderCellPicture(p: CellPicture, locale: Locale = 'en'): string {
  const n = (v: bigint) => formatNumber(locale, v);
  const out: string[] = [
    `[ ${p.recurrentLabel} | x_t ]  ${n(p.recurrentWidth)} + ${n(p.inputWidth)} = ${n(p.concatWidth)}`,
    '  │',
  ];
  const names = p.gates.map((g) => `${t(locale, `gate-${g.name.replace(/ /g, '-')}`)} (${g.activation})`);
  const nameWidth = Math.max(...names.map((s) => columns(s)));
  p.gates.forEach((g, i) => {
    const branch = i === p.gates.length - 1 ? '  └─ ' : '  ├─ ';
    const bias =
      g.biasVectors === 0 ? '' : g.biasVectors === 1 ? ` + ${n(p.units)}` : ` + ${g.biasVectors}x${n(p.units)}`;
    out.push(
      `${branch}${padColumns(names[i] ?? '', nameWidth)}  ${n(p.concatWidth)}x${n(p.units)}${bias} = ${n(g.params)}`,
    );
  });
  const gatesTotal = p.gates.reduce((s, g) => s + g.params, 0n);
  if (p.gates.length > 1) out.push(`${p.gates.length} x ${n(p.gates[0]?.params ?? 0n)} = ${n(gatesTotal)}`);
  for (const e of p.extras) out.push(`+ ${e.label}: ${n(e.params)}`);
  return fitColumns(out.join('\n'));
}
