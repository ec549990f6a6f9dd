// Answer -> terminal text (the console and `paramcount "<query>"`).
import type { Answer, CountAnswer } from '../answer-types.js';
import type { LayerRecord } from '../engine/types.js';
import { CONVENTION_LABELS } from '../engine/types.js';
import { formatBytes, formatCount, printable } from './format.js';
import { findings } from './findings.js';
import { helpSections } from './help.js';
import { noteText } from './sentences.js';
import { renderCellPicture } from './picture.js';
import { conventionFamily, stepLines } from './steps.js';
import type { StepStyle } from './steps.js';
import { transformerView } from './transformer.js';
import { formatNumber, say, t } from '../i18n/index.js';
import type { Locale } from '../i18n/index.js';
import {
  compactDerivation,
  computeLines,
  derivationLines,
  foldedLayers,
  headlineId,
  stackLines,
  titleOf,
} from './short.js';
import { errorMessage } from './error-message.js';

export interface TextOptions {
  /** The Slack form: headline and compact derivation (`paramcount --short`). */
  short?: boolean;
  locale?: Locale;
}
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

function layerSection(a: CountAnswer, layer: LayerRecord, locale: Locale): string[] {
  const n = (v: bigint) => formatNumber(locale, v);
  const out: string[] = [];
  out.push(t(locale, 'title-how'));
  out.push(...derivationLines(layer, locale, { ...plain, locale }).map((l) => '  ' + l));
  const formula = layer.steps.find((s) => s.kind === 'formula');
  if (formula && formula.kind === 'formula') out.push('', `  ${formula.expression} = ${n(formula.result)}`);
  if (layer.stack && (layer.stack.length > 1 || (layer.stack[0]?.directions ?? 1) > 1)) {
    out.push('', t(locale, 'title-per-layer'), ...stackLines(locale, layer.stack).map((l) => '  ' + l));
  }
  if (layer.picture)
    out.push(
      '',
      ...renderCellPicture(layer.picture, locale)
        .split('\n')
        .map((l) => '  ' + l),
    );
  if (layer.tensors.length > 0) {
    out.push('', t(locale, 'title-tensors', { convention: CONVENTION_LABELS[layer.convention ?? a.convention] }));
    out.push(...tensorTable(layer).map((l) => '  ' + l));
  }
  for (const note of layer.notes) out.push(`  ${printable(noteText(note, locale))}`);
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

function noteTexts(a: CountAnswer, locale: Locale): string[] {
  const notes = a.messages && a.messages.length === a.notes.length ? a.messages.map((m) => say(locale, m)) : a.notes;
  return notes.map((note) => t(locale, 'note-line', { note: printable(note) }));
}

function headLines(a: CountAnswer, locale: Locale): string[] {
  const n = (v: bigint) => formatNumber(locale, v);
  const out = [
    `${t(locale, headlineId(a), { title: printable(titleOf(a, locale)), total: n(a.model.total) })} (${CONVENTION_LABELS[a.convention]})`,
  ];
  if (a.model.unknownLayers.length > 0)
    out.push(t(locale, 'not-counted', { layers: a.model.unknownLayers.map(printable).join(', ') }));
  const only = a.model.layers.length === 1 ? a.model.layers[0] : undefined;
  for (const s of only?.steps ?? []) {
    if (s.kind === 'compare' && s.difference !== 0n)
      out.push(
        t(locale, 'lead-other', {
          family: conventionFamily(s.convention),
          total: n(s.total),
          difference: s.difference > 0n ? `+${n(s.difference)}` : `-${n(-s.difference)}`,
        }),
      );
  }
  return out;
}

function computeText(a: CountAnswer, locale: Locale): string[] {
  const lines = computeLines(locale, a);
  if (!a.compute || lines.length === 0) return [];
  return [
    '',
    t(locale, 'title-compute', { steps: formatNumber(locale, a.compute.timesteps) }),
    ...lines.map((l) => '  ' + l),
  ];
}

/** The Slack form in a terminal: headline, findings, the compact derivation, compute and notes. */
export function renderShortText(a: CountAnswer, locale: Locale): string {
  const out = headLines(a, locale).slice(0, 1);
  for (const f of findings(a, plain, locale)) out.push('', f.title, ...f.lines.map((l) => '  ' + l));
  const only = a.model.layers.length === 1 ? a.model.layers[0] : undefined;
  const compact = only ? compactDerivation(locale, only, plain) : null;
  if (compact) out.push('', t(locale, 'title-how'), ...compact.map((l) => '  ' + l));
  else if (a.model.layers.length > 1 && !a.verification)
    out.push('', t(locale, 'title-summary'), ...foldedLayers(locale, a).map((l) => '  ' + l));
  else if (only) out.push('', t(locale, 'title-how'), ...stepLines(only.steps, plain).map((l) => '  ' + l));
  out.push(...computeText(a, locale));
  const notes = [
    ...noteTexts(a, locale),
    ...a.model.notes.map((note) => t(locale, 'note-line', { note: printable(note) })),
  ];
  if (notes.length) out.push('', ...notes);
  return out.join('\n');
}

export function renderCountText(a: CountAnswer, locale: Locale = a.locale ?? 'en'): string {
  const n = (v: bigint) => formatNumber(locale, v);
  const out = headLines(a, locale);
  out.push(...noteTexts(a, locale));
  for (const f of findings(a, plain, locale)) out.push('', f.title, ...f.lines.map((l) => '  ' + l));
  out.push('');
  if (a.model.layers.length === 1) out.push(...layerSection(a, a.model.layers[0] as LayerRecord, locale));
  else {
    if (!a.verification) out.push(...summaryTable(a), '');
    // The output budget: past MAX_TEXT_CHARS the remaining derivations are named, not printed.
    let size = out.reduce((sum, l) => sum + l.length + 1, 0);
    let left = 0;
    for (const layer of a.model.layers) {
      if (layer.params === 0n && layer.steps.length === 0) continue;
      if (size > MAX_TEXT_CHARS) {
        left++;
        continue;
      }
      const section = [
        `${printable(layer.name)} (${printable(layer.type)}): ${n(layer.params)}`,
        ...layerSection(a, layer, locale),
        '',
      ];
      size += section.reduce((sum, l) => sum + l.length + 1, 0);
      out.push(...section);
    }
    if (left > 0) out.push(t(locale, 'text-left', { left: BigInt(left), most: BigInt(MAX_TEXT_CHARS) }), '');
  }
  out.push(...computeText(a, locale));
  for (const note of a.model.notes) out.push(t(locale, 'note-line', { note: printable(note) }));
  out.push(
    '',
    t(locale, 'memory-bytes', {
      float32: formatBytes(a.memory.float32),
      bytes: n(a.memory.float32),
      float16: formatBytes(a.memory.float16),
    }),
  );
  if (a.alternatives.length > 0 && !a.comparison) {
    out.push(
      t(locale, 'other-frameworks', { list: a.alternatives.map((x) => `${x.convention} ${n(x.total)}`).join(' · ') }),
    );
  }
  return out.join('\n');
}

export function renderText(a: Answer, opts: TextOptions = {}): string {
  const locale = opts.locale ?? a.locale ?? 'en';
  switch (a.kind) {
    case 'error':
      return t(locale, 'sorry', { message: printable(errorMessage(a, locale)) });
    case 'help':
      return helpSections(a.command, locale)
        .map((s) => [s.title, ...s.lines.map((l) => '  ' + l)].join('\n'))
        .join('\n\n');
    case 'count':
      if (a.transformer) return renderTransformerText(a, a.transformer);
      return opts.short ? renderShortText(a, locale) : renderCountText(a, locale);
  }
}
