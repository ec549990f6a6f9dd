// Answer -> a Slack message: Block Kit (header, sections, code blocks, context, buttons) plus a plain
// `text` fallback. The reply is short by default (headline and a compact derivation, issue 14); the
// full derivation, picture, tensors, memory and per-layer tables are behind the "More" button.
// Everything echoed from the user is escaped; Slack's limits (50 blocks, 3,000 characters a section,
// 150 a header, 2,000 a context element) are enforced at the end, whatever the answer; code blocks
// stay within 60 columns.
import type { types } from '@slack/bolt';

type KnownBlock = types.KnownBlock;
import type { Answer, CountAnswer } from '../answer-types.js';
import type { LayerRecord } from '../engine/types.js';
import { CONVENTION_LABELS } from '../engine/types.js';
import { formatNumber, say, t } from '../i18n/index.js';
import type { Locale } from '../i18n/index.js';
import { errorMessage } from './error-message.js';
import { encodeButtonValue } from './button-value.js';
import { fitColumns } from './columns.js';
import { clipText, escapeSlack, formatBytes, formatCount, printable } from './format.js';
import { findings } from './findings.js';
import { helpSections } from './help.js';
import { renderCellPicture } from './picture.js';
import {
  compactDerivation,
  computeLines,
  derivationLines,
  foldedLayers,
  headlineId,
  stackLines,
  titleOf,
} from './short.js';
import { conventionFamily, stepLines } from './steps.js';
import type { StepStyle } from './steps.js';
import { stackTable, summaryTable, tensorTable } from './text.js';
import { transformerView } from './transformer.js';
import { MAX_DETAIL_MESSAGES } from '../limits.js';
import { COMPARE_ACTION_ID, DETAILS_ACTION_ID, MORE_ACTION_ID, SHARE_ACTION_ID } from '../slack/ids.js';

export const MAX_BLOCKS = 50;
export const MAX_SECTION_CHARS = 3000;
export const MAX_HEADER_CHARS = 150;
export const MAX_CONTEXT_CHARS = 2000;
const MAX_FALLBACK_CHARS = 3000;
/** Layers whose derivation is spelled out in one message; the rest are in the table. */
const MAX_DETAILED_LAYERS = 6;

// The buttons' action ids are written once, in slack/ids.ts (the listeners and manifest share them).
export {
  COMPARE_ACTION_ID as COMPARE_ACTION,
  MORE_ACTION_ID as MORE_ACTION,
  SHARE_ACTION_ID as SHARE_ACTION,
} from '../slack/ids.js';

export interface SlackMessage {
  text: string;
  blocks: KnownBlock[];
}

export interface RenderOptions {
  /** 'short' (the default in Slack): headline and compact derivation; 'full': every step and table. */
  form?: 'short' | 'full';
  /** Posted for everyone (Share): no buttons. */
  shared?: boolean;
  /** Overrides the answer's own language. */
  locale?: Locale;
}

const mrkdwnStyle: StepStyle = { strong: (s) => `*${s}*`, text: (s) => escapeSlack(printable(s)) };
const esc = (s: string) => escapeSlack(printable(s));

function section(text: string): KnownBlock {
  return { type: 'section', text: { type: 'mrkdwn', text: clipText(text, MAX_SECTION_CHARS) } };
}

/** A code block that stays one valid block within 60 columns: cut inside the fence, never through it. */
function codeSection(title: string, body: string): KnownBlock {
  const head = title ? `*${title}*\n` : '';
  const room = MAX_SECTION_CHARS - head.length - 8;
  const safe = esc(fitColumns(body)).replace(/```/g, 'ˋˋˋ');
  return section(`${head}\`\`\`${clipText(safe, room)}\`\`\``);
}

function context(lines: string[]): KnownBlock {
  return {
    type: 'context',
    elements: lines.slice(0, 10).map((l) => ({ type: 'mrkdwn' as const, text: clipText(l, MAX_CONTEXT_CHARS) })),
  };
}

function localeOf(a: Answer, opts: RenderOptions): Locale {
  return opts.locale ?? a.locale ?? 'en';
}

function layerBlocks(layer: LayerRecord, a: CountAnswer, withHeading: boolean, locale: Locale): KnownBlock[] {
  const out: KnownBlock[] = [];
  const n = (v: bigint) => formatNumber(locale, v);
  const lines = derivationLines(layer, locale, { ...mrkdwnStyle, locale });
  const heading = withHeading
    ? `*${esc(layer.name)}* (${esc(layer.type)}): *${n(layer.params)}*\n`
    : `*${t(locale, 'title-how')}*\n`;
  out.push(section(heading + lines.join('\n')));
  const formula = layer.steps.find((s) => s.kind === 'formula');
  if (formula && formula.kind === 'formula') out.push(codeSection('', `${formula.expression} = ${n(formula.result)}`));
  if (layer.stack && (layer.stack.length > 1 || (layer.stack[0]?.directions ?? 1) > 1)) {
    out.push(codeSection(t(locale, 'title-per-layer'), stackLines(locale, layer.stack).join('\n')));
  }
  if (layer.picture) out.push(codeSection(t(locale, 'title-picture'), renderCellPicture(layer.picture, locale)));
  if (layer.tensors.length > 0) {
    out.push(
      codeSection(
        t(locale, 'title-tensors', { convention: CONVENTION_LABELS[layer.convention ?? a.convention] }),
        tensorTable(layer).join('\n'),
      ),
    );
  }
  return out;
}

/** Layers with a derivation, largest first: the first MAX_DETAILED_LAYERS go in the answer itself. */
function layersBySize(a: CountAnswer): LayerRecord[] {
  return a.model.layers
    .filter((l) => l.params > 0n)
    .sort((x, y) => (y.params > x.params ? 1 : y.params < x.params ? -1 : 0));
}

/** Identical layers (same type, count and derivation) once each: a 60-LSTM model shows one derivation. */
function distinctLayers(layers: LayerRecord[]): { layer: LayerRecord; same: LayerRecord[] }[] {
  const seen = new Map<string, { layer: LayerRecord; same: LayerRecord[] }>();
  for (const layer of layers) {
    const key = `${layer.type}|${layer.params}|${stepLines(layer.steps, { strong: (s) => s, text: (s) => s }).join('\n')}`;
    const group = seen.get(key);
    if (group) group.same.push(layer);
    else seen.set(key, { layer, same: [layer] });
  }
  return [...seen.values()];
}

function buttons(a: Answer, opts: RenderOptions, locale: Locale): KnownBlock | null {
  if (opts.shared || a.kind !== 'count') return null;
  const value = encodeButtonValue(a.query);
  if (value === null) return null;
  const button = (action_id: string, id: string, primary = false): types.Button => ({
    type: 'button',
    action_id,
    text: { type: 'plain_text', text: t(locale, id) },
    value,
    ...(primary ? { style: 'primary' as const } : {}),
  });
  const elements: types.Button[] = [button(SHARE_ACTION_ID, 'button-share', true)];
  if ((opts.form ?? 'short') === 'short') elements.push(button(MORE_ACTION_ID, 'button-more'));
  // An answer that already compares does not offer to compare again.
  if (!a.comparison) elements.push(button(COMPARE_ACTION_ID, 'button-compare'));
  if (opts.form === 'full' && a.model.layers.length > 1 && layersBySize(a).length > MAX_DETAILED_LAYERS)
    elements.push(button(DETAILS_ACTION_ID, 'button-details'));
  return { type: 'actions', elements };
}

/** The derivations a long model's answer leaves out, as follow-up messages each within Slack's limits. */
export function renderLayerDetails(a: Answer, opts: RenderOptions = {}): SlackMessage[] {
  const locale = localeOf(a, opts);
  if (a.kind !== 'count') return [renderBlocks(a, opts)];
  const rest = distinctLayers(layersBySize(a)).slice(MAX_DETAILED_LAYERS);
  if (rest.length === 0) {
    const done = t(locale, 'all-derived');
    return [{ text: done, blocks: [section(done)] }];
  }
  const messages: SlackMessage[] = [];
  const perMessage = MAX_BLOCKS - 1;
  // At most MAX_DETAIL_MESSAGES posts; the last keeps one block to say where the rest are.
  const room = perMessage * MAX_DETAIL_MESSAGES - 1;
  const shown = rest.length > perMessage * MAX_DETAIL_MESSAGES ? rest.slice(0, room) : rest;
  for (let i = 0; i < shown.length; i += perMessage) {
    const chunk = shown.slice(i, i + perMessage);
    messages.push({
      text: t(locale, 'derivations-range', {
        title: esc(a.title),
        from: i + 1 + MAX_DETAILED_LAYERS,
        to: i + chunk.length + MAX_DETAILED_LAYERS,
      }),
      blocks: chunk.map(({ layer }) =>
        section(
          `*${esc(layer.name)}* (${esc(layer.type)}): *${formatNumber(locale, layer.params)}*\n${stepLines(layer.steps, mrkdwnStyle).join('\n')}`,
        ),
      ),
    });
  }
  const left = rest.length - shown.length;
  if (left > 0) {
    messages[messages.length - 1]?.blocks.push(
      context([t(locale, 'details-left', { left: BigInt(left), most: MAX_DETAIL_MESSAGES })]),
    );
  }
  return messages;
}

function transformerBlocks(a: CountAnswer, t: NonNullable<CountAnswer['transformer']>): KnownBlock[] {
  const v = transformerView(a, t, mrkdwnStyle);
  const header = clipText(`${esc(a.title)}: ${formatCount(a.model.total)} parameters`, MAX_HEADER_CHARS);
  const blocks: KnownBlock[] = [{ type: 'header', text: { type: 'plain_text', text: header } }];
  blocks.push(section(v.lead.join('\n')));
  for (const s of v.sections) blocks.push(section(`*${s.heading}*\n${s.lines.join('\n')}`));
  blocks.push(section(v.total));
  blocks.push(codeSection('Memory of the weights', v.memory.join('\n')));
  blocks.push(context(v.notes));
  return blocks;
}

function headBlocks(a: CountAnswer, locale: Locale): KnownBlock[] {
  const n = (v: bigint) => formatNumber(locale, v);
  const blocks: KnownBlock[] = [];
  // The title can echo the user (a layer name in pasted code): escaped like every other text field.
  blocks.push({
    type: 'header',
    text: {
      type: 'plain_text',
      text: clipText(
        t(locale, headlineId(a), { title: esc(titleOf(a, locale)), total: n(a.model.total) }),
        MAX_HEADER_CHARS,
      ),
    },
  });
  const lead = [
    t(locale, 'lead-total', { total: `*${n(a.model.total)}*`, convention: CONVENTION_LABELS[a.convention] }),
  ];
  if (a.model.layers.length > 1 || a.model.nonTrainable > 0n) {
    lead.push(t(locale, 'trainable-split', { trainable: n(a.model.trainable), nontrainable: n(a.model.nonTrainable) }));
  }
  if (a.model.buffers > 0n) lead.push(t(locale, 'buffers', { buffers: n(a.model.buffers) }));
  if (a.model.unknownLayers.length > 0)
    lead.push(`:warning: ${t(locale, 'not-counted', { layers: a.model.unknownLayers.map(esc).join(', ') })}`);
  blocks.push(section(lead.join('\n')));
  for (const f of findings(a, mrkdwnStyle, locale)) {
    blocks.push(
      f.table ? codeSection(esc(f.title), f.lines.join('\n')) : section(`*${esc(f.title)}*\n${f.lines.join('\n')}`),
    );
  }
  return blocks;
}

function computeBlock(a: CountAnswer, locale: Locale): KnownBlock[] {
  const lines = computeLines(locale, a);
  if (lines.length === 0 || !a.compute) return [];
  return [
    codeSection(t(locale, 'title-compute', { steps: formatNumber(locale, a.compute.timesteps) }), lines.join('\n')),
  ];
}

/** Notes in the reply's language (the parser's and claim's messages), else their English text. */
function noteLines(a: CountAnswer, locale: Locale): string[] {
  if (a.messages && a.messages.length === a.notes.length) return a.messages.map((m) => esc(say(locale, m)));
  return a.notes.map(esc);
}

function shortCountBlocks(a: CountAnswer, locale: Locale, shared: boolean): KnownBlock[] {
  const blocks = headBlocks(a, locale);
  const only = a.model.layers.length === 1 ? a.model.layers[0] : undefined;
  const compact = only ? compactDerivation(locale, only, mrkdwnStyle) : null;
  if (compact) blocks.push(section(`*${t(locale, 'title-how')}*\n${compact.join('\n')}`));
  else if (a.model.layers.length > 1 && !a.verification)
    blocks.push(codeSection(t(locale, 'title-summary'), foldedLayers(locale, a).join('\n')));
  else if (only) blocks.push(section(`*${t(locale, 'title-how')}*\n${stepLines(only.steps, mrkdwnStyle).join('\n')}`));
  blocks.push(...computeBlock(a, locale));
  const notes = [...noteLines(a, locale), ...a.model.notes.map(esc)];
  if (shared) notes.push(t(locale, 'shared-footer', { query: esc(a.query.slice(0, 200)) }));
  if (notes.length > 0) blocks.push(context(notes));
  return blocks;
}

function fullCountBlocks(a: CountAnswer, locale: Locale): KnownBlock[] {
  const n = (v: bigint) => formatNumber(locale, v);
  const blocks = headBlocks(a, locale);
  const lead = blocks[1];
  if (lead && lead.type === 'section' && lead.text && a.model.layers.length === 1) {
    const extra: string[] = [];
    for (const s of a.model.layers[0]?.steps ?? []) {
      if (s.kind === 'compare' && s.difference !== 0n)
        extra.push(
          t(locale, 'lead-other', {
            family: conventionFamily(s.convention),
            total: `*${n(s.total)}*`,
            difference: s.difference > 0n ? `+${n(s.difference)}` : `−${n(-s.difference)}`,
          }),
        );
    }
    if (extra.length) lead.text.text = clipText(`${lead.text.text}\n${extra.join('\n')}`, MAX_SECTION_CHARS);
  }
  if (a.model.layers.length === 1) {
    blocks.push(...layerBlocks(a.model.layers[0] as LayerRecord, a, false, locale));
  } else {
    if (!a.verification) blocks.push(codeSection(t(locale, 'title-summary'), summaryTable(a).join('\n')));
    const detailed = distinctLayers(layersBySize(a));
    for (const { layer, same } of detailed.slice(0, MAX_DETAILED_LAYERS)) {
      const lines = stepLines(layer.steps, mrkdwnStyle);
      const head =
        same.length > 1
          ? t(locale, 'identical-layers', {
              first: esc(same[0]?.name ?? ''),
              last: esc(same[same.length - 1]?.name ?? ''),
              count: same.length,
            })
          : `*${esc(layer.name)}* (${esc(layer.type)}): *${n(layer.params)}*`;
      blocks.push(section(`${head}\n${lines.join('\n')}`));
    }
    if (detailed.length > MAX_DETAILED_LAYERS)
      blocks.push(context([t(locale, 'layers-shown', { count: MAX_DETAILED_LAYERS })]));
  }
  blocks.push(...computeBlock(a, locale));
  const notes = [
    t(locale, 'memory', {
      float32: formatBytes(a.memory.float32),
      float16: formatBytes(a.memory.float16),
    }),
    ...noteLines(a, locale),
    ...a.model.notes.map(esc),
  ];
  if (a.alternatives.length > 0 && !a.comparison) {
    notes.push(
      t(locale, 'other-frameworks', { list: a.alternatives.map((x) => `${x.convention} ${n(x.total)}`).join(' · ') }),
    );
  }
  blocks.push(context(notes));
  return blocks;
}

function fallbackText(a: Answer, locale: Locale): string {
  switch (a.kind) {
    case 'count':
      return clipText(
        `${t(locale, headlineId(a), { title: printable(titleOf(a, locale)), total: formatNumber(locale, a.model.total) })} (${CONVENTION_LABELS[a.convention]})`,
        MAX_FALLBACK_CHARS,
      );
    case 'help':
      return t(locale, 'help-fallback');
    case 'error':
      return clipText(t(locale, 'sorry', { message: printable(errorMessage(a, locale)) }), MAX_FALLBACK_CHARS);
  }
}

/** Keeps any message inside Slack's limits: at most 50 blocks, the buttons kept last. */
function fit(blocks: KnownBlock[], actions: KnownBlock | null, locale: Locale): KnownBlock[] {
  const room = MAX_BLOCKS - (actions ? 1 : 0);
  const kept = blocks.length > room ? [...blocks.slice(0, room - 1), context([t(locale, 'cut-to-fit')])] : blocks;
  return actions ? [...kept, actions] : kept;
}

export function renderBlocks(a: Answer, opts: RenderOptions = {}): SlackMessage {
  const locale = localeOf(a, opts);
  // Escape the fallback too: Slack parses `text` as mrkdwn when it is shown (notifications).
  const text = esc(fallbackText(a, locale));
  switch (a.kind) {
    case 'error': {
      const command = ['/lstm', '/gru', '/rnn', '/transformer'].includes(a.command) ? a.command : '/lstm';
      return {
        text,
        blocks: fit(
          [section(`:warning: ${esc(errorMessage(a, locale))}`), context([t(locale, 'more-help', { command })])],
          null,
          locale,
        ),
      };
    }
    case 'help':
      return {
        text,
        blocks: fit(
          helpSections(a.command, locale).map((s) => section(`*${esc(s.title)}*\n${s.lines.map(esc).join('\n')}`)),
          null,
          locale,
        ),
      };
    case 'count': {
      const body = a.transformer
        ? transformerBlocks(a, a.transformer)
        : (opts.form ?? 'short') === 'short'
          ? shortCountBlocks(a, locale, opts.shared ?? false)
          : fullCountBlocks(a, locale);
      return { text, blocks: fit(body, buttons(a, opts, locale), locale) };
    }
  }
}
