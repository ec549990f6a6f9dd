// Answer -> terminal text (the console and `paramcount "<query>"`).
import type { Answer, CountAnswer } from '../answer-types.js';
import type { LayerRecord } from '../engine/types.js';
import { CONVENTION_LABELS } from '../engine/types.js';
import { formatBytes, formatCount, formatSigned, printable } from './format.js';
import { findings } from './findings.js';
import { helpSections } from './help.js';
import { noteText } from './sentences.js';
import { renderCellPicture } from './picture.js';
import { conventionFamily, stepLines } from './steps.js';
import type { StepStyle } from './steps.js';
import { transformerView } from './transformer.js';
import { MAX_TABLE_ROWS, MAX_TEXT_CHARS } from '../limits.js';

const plain: StepStyle = { strong: (s) => s, text: (s) => printable(s) };

function shape(dims: bigint[]): string {
  return `(${dims.map((d) => d.toString()).join(', ')}${dims.length === 1 ? ',' : ''})`;
}

/** At most MAX_TABLE_ROWS lines of a table `total` rows long (lines has at least that many or all). */
function capRows(lines: string[], total: number): string[] {
  if (total <= MAX_TABLE_ROWS) return lines;
  const left = total - (MAX_TABLE_ROWS - 1);
  return [
    ...lines.slice(0, MAX_TABLE_ROWS - 1),
    `... ${formatCount(BigInt(left))} more rows (\`paramcount --json\` lists every one)`,
  ];
}

export function tensorTable(layer: LayerRecord): string[] {
  const rows = layer.tensors
    .slice(0, MAX_TABLE_ROWS)
    .map((t) => [printable(t.name), shape(t.shape), formatCount(t.params) + (t.trainable ? '' : '  non-trainable')]);
  const w0 = Math.max(...rows.map((r) => r[0]!.length), 0);
  const w1 = Math.max(...rows.map((r) => r[1]!.length), 0);
  const lines = rows.map((r) => `${r[0]!.padEnd(w0)}  ${r[1]!.padEnd(w1)}  ${r[2]!.padStart(12)}`);
  return capRows(lines, layer.tensors.length);
}

/** The per-layer rows of a stacked or bidirectional recurrent layer (capped like every table). */
export function stackTable(layer: LayerRecord): string[] {
  const stack = layer.stack ?? [];
  const rows = stack
    .slice(0, MAX_TABLE_ROWS)
    .map(
      (r) =>
        `layer ${r.layer}: input ${formatCount(r.inputWidth)}: ${r.directions === 2 ? `2 directions x ${formatCount(r.perDirection)} = ` : ''}${formatCount(r.params)}`,
    );
  return capRows(rows, stack.length);
}

/** A Keras/torchinfo-style table: layer, output shape, parameters, then the totals. */
export function summaryTable(a: CountAnswer): string[] {
  const rows = a.model.layers.map((l) => [
    printable(l.name) + ` (${printable(l.type)})`,
    l.outputShape ? `(${l.outputShape.map((d) => (d === null ? 'None' : d.toString())).join(', ')})` : '',
    formatCount(l.params),
  ]);
  const w0 = Math.max(5, ...rows.map((r) => r[0]!.length));
  const w1 = Math.max(12, ...rows.map((r) => r[1]!.length));
  const lines = [`${'Layer'.padEnd(w0)}  ${'Output shape'.padEnd(w1)}  ${'Params'.padStart(12)}`];
  for (const r of rows) lines.push(`${r[0]!.padEnd(w0)}  ${r[1]!.padEnd(w1)}  ${r[2]!.padStart(12)}`);
  lines.push(`Total params: ${formatCount(a.model.total)}`);
  lines.push(`Trainable params: ${formatCount(a.model.trainable)}`);
  lines.push(`Non-trainable params: ${formatCount(a.model.nonTrainable)}`);
  if (a.model.buffers > 0n) lines.push(`Buffers (not parameters): ${formatCount(a.model.buffers)}`);
  if (a.model.unknownLayers.length > 0) lines.push(`Not counted: ${a.model.unknownLayers.map(printable).join(', ')}`);
  return lines;
}

function layerSection(a: CountAnswer, layer: LayerRecord): string[] {
  const out: string[] = [];
  out.push('How it adds up');
  out.push(...stepLines(layer.steps, plain).map((l) => '  ' + l));
  const formula = layer.steps.find((s) => s.kind === 'formula');
  if (formula && formula.kind === 'formula') out.push('', `  ${formula.expression} = ${formatCount(formula.result)}`);
  if (layer.stack && (layer.stack.length > 1 || (layer.stack[0]?.directions ?? 1) > 1)) {
    out.push('', 'Per layer', ...stackTable(layer).map((l) => '  ' + l));
  }
  if (layer.picture)
    out.push(
      '',
      ...renderCellPicture(layer.picture)
        .split('\n')
        .map((l) => '  ' + l),
    );
  if (layer.tensors.length > 0) {
    out.push('', `Tensors (${CONVENTION_LABELS[layer.convention ?? a.convention]} layout)`);
    out.push(...tensorTable(layer).map((l) => '  ' + l));
  }
  for (const n of layer.notes) out.push(`  ${printable(noteText(n))}`);
  return out;
}

function renderTransformerText(a: CountAnswer, t: NonNullable<CountAnswer['transformer']>): string {
  const v = transformerView(a, t, plain);
  const out = [`${printable(a.title)}: ${formatCount(a.model.total)} parameters`, ...v.lead.slice(1), ''];
  for (const s of v.sections) out.push(s.heading, ...s.lines.map((l) => '  ' + l), '');
  out.push(v.total, '', 'Memory of the weights', ...v.memory.map((l) => '  ' + l), '');
  out.push(...v.notes.map((n) => `Note: ${n}`));
  return out.join('\n');
}

function renderCountText(a: CountAnswer): string {
  if (a.transformer) return renderTransformerText(a, a.transformer);
  const out: string[] = [];
  out.push(`${printable(a.title)}: ${formatCount(a.model.total)} parameters (${CONVENTION_LABELS[a.convention]})`);
  const only = a.model.layers.length === 1 ? a.model.layers[0] : undefined;
  for (const s of only?.steps ?? []) {
    if (s.kind === 'compare' && s.difference !== 0n)
      out.push(`${conventionFamily(s.convention)}: ${formatCount(s.total)} (${formatSigned(s.difference)})`);
  }
  for (const n of a.notes) out.push(`Note: ${printable(n)}`);
  for (const f of findings(a, plain)) out.push('', f.title, ...f.lines.map((l) => '  ' + l));
  out.push('');
  if (a.model.layers.length === 1) out.push(...layerSection(a, a.model.layers[0]!));
  else {
    if (!a.verification) out.push(...summaryTable(a), '');
    // The output budget: past MAX_TEXT_CHARS the remaining derivations are named, not printed.
    let size = out.reduce((n, l) => n + l.length + 1, 0);
    let left = 0;
    for (const layer of a.model.layers) {
      if (layer.params === 0n && layer.steps.length === 0) continue;
      if (size > MAX_TEXT_CHARS) {
        left++;
        continue;
      }
      const section = [
        `${printable(layer.name)} (${printable(layer.type)}): ${formatCount(layer.params)}`,
        ...layerSection(a, layer),
        '',
      ];
      size += section.reduce((n, l) => n + l.length + 1, 0);
      out.push(...section);
    }
    if (left > 0)
      out.push(
        `(${formatCount(BigInt(left))} more layer derivations left out: this answer is past ${formatCount(BigInt(MAX_TEXT_CHARS))} characters. The table above has every layer; \`paramcount --json\` has every derivation.)`,
        '',
      );
  }
  for (const n of a.model.notes) out.push(`Note: ${printable(n)}`);
  out.push(
    '',
    `Memory: ${formatBytes(a.memory.float32)} in float32 (${formatCount(a.memory.float32)} bytes), ${formatBytes(a.memory.float16)} in float16/bfloat16`,
  );
  if (a.alternatives.length > 0 && !a.comparison) {
    out.push(`Other frameworks: ${a.alternatives.map((x) => `${x.convention} ${formatCount(x.total)}`).join(' · ')}`);
  }
  return out.join('\n');
}

export function renderText(a: Answer): string {
  switch (a.kind) {
    case 'error':
      return `Sorry: ${printable(a.message)}`;
    case 'help':
      return helpSections(a.command)
        .map((s) => [s.title, ...s.lines.map((l) => '  ' + l)].join('\n'))
        .join('\n\n');
    case 'count':
      return renderCountText(a);
  }
}
