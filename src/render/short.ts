// The short reply (issue 14, item 1): the headline and a compact derivation that still says what every
// answer promises, the gate count, the [h, x] width, weights and bias per gate, the total and the
// cuDNN/PyTorch extra-bias note, in about 6-8 lines. Every sentence comes from the catalogues; every
// number from the engine's record (picture, stack rows, compare step).
import type { CountAnswer } from '../answer.js';
import type { LayerRecord, StackRow } from '../engine/types.js';
import { formatNumber, say, t } from '../i18n/index.js';
import type { Locale } from '../i18n/index.js';
import { stepLines } from './steps.js';
import type { StepStyle } from './steps.js';

/** Consecutive stack rows with the same input width and count, folded: "layers 1–23: … each". */
export interface StackRun {
  first: number;
  last: number;
  row: StackRow;
}

export function foldStack(rows: StackRow[]): StackRun[] {
  const runs: StackRun[] = [];
  for (const row of rows) {
    const prev = runs[runs.length - 1];
    if (prev && prev.row.inputWidth === row.inputWidth && prev.row.params === row.params) prev.last = row.layer;
    else runs.push({ first: row.layer, last: row.layer, row });
  }
  return runs;
}

/** One line per run of identical layers (the per-layer table, folded). */
export function stackLines(locale: Locale, rows: StackRow[]): string[] {
  const n = (v: bigint) => formatNumber(locale, v);
  return foldStack(rows).map((r) =>
    t(locale, 'stack-run', {
      first: r.first,
      last: r.last,
      count: r.last - r.first + 1,
      input: n(r.row.inputWidth),
      directions: r.row.directions,
      perDirection: n(r.row.perDirection),
      params: n(r.row.params),
    }),
  );
}

/** The compact derivation of one recurrent layer; null when the layer has no cell picture. */
export function compactDerivation(locale: Locale, layer: LayerRecord, style: StepStyle): string[] | null {
  const p = layer.picture;
  const stack = layer.stack;
  const first = stack?.[0];
  if (!p || !stack || !first) return null;
  const n = (v: bigint) => formatNumber(locale, v);
  const gate = p.gates[0];
  if (!gate) return null;
  const g = p.gates.length;
  const bias = gate.params - gate.weights;
  const lines: string[] = [];
  lines.push(
    t(locale, 'short-gates', {
      gates: g,
      names: p.gates.map((x) => t(locale, `gate-${x.name.replace(/ /g, '-')}`)).join(locale === 'zh' ? '、' : ', '),
    }),
  );
  lines.push(
    t(locale, 'short-concat', {
      label: p.recurrentLabel,
      recurrent: n(p.recurrentWidth),
      input: n(p.inputWidth),
      concat: n(p.concatWidth),
    }),
  );
  lines.push(t(locale, 'short-weights', { concat: n(p.concatWidth), units: n(p.units), weights: n(gate.weights) }));
  lines.push(
    t(locale, 'short-bias', {
      vectors: gate.biasVectors,
      units: n(p.units),
      bias: n(bias),
      weights: n(gate.weights),
      gate: n(gate.params),
    }),
  );
  const extras = p.extras.map((e) => t(locale, 'short-extra', { label: e.label, params: n(e.params) })).join('');
  const single = stack.length === 1 && first.directions === 1;
  lines.push(
    t(locale, single ? 'short-total-single' : 'short-per-direction', {
      gates: g,
      gate: n(gate.params),
      extras,
      total: single ? style.strong(n(layer.params)) : n(first.perDirection),
    }),
  );
  if (!single) {
    lines.push(...stackLines(locale, stack));
    lines.push(t(locale, 'short-total', { total: style.strong(n(layer.params)) }));
  }
  for (const s of layer.steps) {
    if (s.kind !== 'compare' || s.difference === 0n) continue;
    const extra = s.factors.find((f) => f.label.includes('bias'));
    lines.push(
      t(locale, s.difference > 0n ? 'short-more-bias' : 'short-fewer-bias', {
        family: s.convention === 'cudnn' ? 'cuDNN / PyTorch' : s.convention,
        difference: n(s.difference < 0n ? -s.difference : s.difference),
        total: n(s.total),
        explained: extra ? 'yes' : 'no',
      }),
    );
  }
  return lines;
}

/** Layers of a model, identical ones folded: "lstm_1 … lstm_60 (LSTM): 60 x 4,457,472". */
export function foldedLayers(locale: Locale, a: CountAnswer): string[] {
  const n = (v: bigint) => formatNumber(locale, v);
  const groups: { names: string[]; type: string; params: bigint }[] = [];
  for (const l of a.model.layers) {
    const prev = groups[groups.length - 1];
    if (prev && prev.type === l.type && prev.params === l.params) prev.names.push(l.name);
    else groups.push({ names: [l.name], type: l.type, params: l.params });
  }
  return groups.map((g) =>
    g.names.length === 1
      ? t(locale, 'layer-line', { name: g.names[0] ?? '', type: g.type, params: n(g.params) })
      : t(locale, 'layer-run', {
          first: g.names[0] ?? '',
          last: g.names[g.names.length - 1] ?? '',
          count: g.names.length,
          type: g.type,
          params: n(g.params),
        }),
  );
}

/** Compute over the time steps the question gave: MACs per step and per sequence, elementwise apart. */
export function computeLines(locale: Locale, a: CountAnswer): string[] {
  const c = a.compute;
  if (!c) return [];
  const n = (v: bigint) => formatNumber(locale, v);
  const lines: string[] = [];
  if (c.single)
    lines.push(
      t(locale, 'compute-formula', {
        steps: n(c.timesteps),
        gates: c.gates,
        units: n(c.single.units),
        input: n(c.single.input),
        recurrent: n(c.single.recurrent),
      }),
    );
  lines.push(
    t(locale, 'compute-macs', { perStep: n(c.macsPerStep), steps: n(c.timesteps), perSequence: n(c.macsPerSequence) }),
  );
  lines.push(
    t(locale, 'compute-elementwise', { products: n(c.elementwisePerStep), activations: n(c.activationsPerStep) }),
  );
  return lines;
}

/** The answer's title in the reply's language (plain text; renderers escape it). */
/** The headline's catalogue id: "at least N" when something was left uncounted (never a bare total then). */
export function headlineId(a: CountAnswer): 'headline' | 'headline-at-least' {
  return a.incomplete || a.model.unknownLayers.length > 0 ? 'headline-at-least' : 'headline';
}

export function titleOf(a: CountAnswer, locale: Locale): string {
  if (!a.titleParts || locale === 'en') return a.title;
  return a.titleParts.map((m) => say(locale, m)).join(' · ');
}

/**
 * A layer's numbered derivation. The engine's steps are English sentences; in another language a
 * recurrent layer is derived from its record in the catalogue's words (the same numbers, step by step).
 */
export function derivationLines(layer: LayerRecord, locale: Locale, style: StepStyle): string[] {
  if (locale !== 'en') {
    const compact = compactDerivation(locale, layer, style);
    if (compact) return compact.map((l, i) => `${i + 1}. ${l}`);
  }
  return stepLines(layer.steps, style);
}
