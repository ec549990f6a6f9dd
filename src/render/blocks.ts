// Answer -> a Slack message: Block Kit (header, sections, code blocks, context, buttons) plus a plain
// `text` fallback. Everything echoed from the user is escaped; Slack's limits (50 blocks, 3,000
// characters a section, 150 a header) are enforced at the end, whatever the answer.
import type { types } from '@slack/bolt';

type KnownBlock = types.KnownBlock;
import type { Answer, CountAnswer } from '../answer-types.js';
import type { LayerRecord } from '../engine/types.js';
import { CONVENTION_LABELS } from '../engine/types.js';
import { encodeButtonValue } from './button-value.js';
import { clipText, escapeSlack, formatBytes, formatCount, formatSigned, printable } from './format.js';
import { findings } from './findings.js';
import { helpSections } from './help.js';
import { renderCellPicture } from './picture.js';
import { conventionFamily, stepLines } from './steps.js';
import type { StepStyle } from './steps.js';
import { stackTable, summaryTable, tensorTable } from './text.js';
import { transformerView } from './transformer.js';
import { MAX_DETAIL_MESSAGES } from '../limits.js';
import { COMPARE_ACTION_ID, DETAILS_ACTION_ID, SHARE_ACTION_ID } from '../slack/ids.js';

export const MAX_BLOCKS = 50;
export const MAX_SECTION_CHARS = 3000;
export const MAX_HEADER_CHARS = 150;
const MAX_FALLBACK_CHARS = 3000;
/** Layers whose derivation is spelled out in one message; the rest are in the table. */
const MAX_DETAILED_LAYERS = 6;

// The buttons' action ids are written once, in slack/ids.ts (the listeners and manifest share them).
export { COMPARE_ACTION_ID as COMPARE_ACTION, SHARE_ACTION_ID as SHARE_ACTION } from '../slack/ids.js';

export interface SlackMessage {
  text: string;
  blocks: KnownBlock[];
}

const mrkdwnStyle: StepStyle = { strong: (s) => `*${s}*`, text: (s) => escapeSlack(printable(s)) };
const esc = (s: string) => escapeSlack(printable(s));

function section(text: string): KnownBlock {
  return { type: 'section', text: { type: 'mrkdwn', text: clipText(text, MAX_SECTION_CHARS) } };
}

/** A code block that stays one valid block: cut inside the fence, never through it. */
function codeSection(title: string, body: string): KnownBlock {
  const head = title ? `*${title}*\n` : '';
  const room = MAX_SECTION_CHARS - head.length - 8;
  const safe = esc(body).replace(/```/g, 'ˋˋˋ');
  return section(`${head}\`\`\`${clipText(safe, room)}\`\`\``);
}

function context(lines: string[]): KnownBlock {
  return {
    type: 'context',
    elements: lines.slice(0, 10).map((l) => ({ type: 'mrkdwn' as const, text: clipText(l, MAX_SECTION_CHARS) })),
  };
}

function layerBlocks(layer: LayerRecord, a: CountAnswer, withHeading: boolean): KnownBlock[] {
  const out: KnownBlock[] = [];
  const lines = stepLines(layer.steps, mrkdwnStyle);
  const heading = withHeading
    ? `*${esc(layer.name)}* (${esc(layer.type)}): *${formatCount(layer.params)}*\n`
    : '*How it adds up*\n';
  out.push(section(heading + lines.join('\n')));
  const formula = layer.steps.find((s) => s.kind === 'formula');
  if (formula && formula.kind === 'formula')
    out.push(codeSection('', `${formula.expression} = ${formatCount(formula.result)}`));
  if (layer.stack && (layer.stack.length > 1 || (layer.stack[0]?.directions ?? 1) > 1)) {
    out.push(codeSection('Per layer', stackTable(layer).join('\n')));
  }
  if (layer.picture) out.push(codeSection('What the numbers mean', renderCellPicture(layer.picture)));
  if (layer.tensors.length > 0) {
    out.push(
      codeSection(
        `Tensors (${CONVENTION_LABELS[layer.convention ?? a.convention]} layout)`,
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

function buttons(a: Answer): KnownBlock | null {
  const value = encodeButtonValue(a.query);
  if (value === null) return null;
  const elements: types.Button[] = [
    {
      type: 'button',
      action_id: SHARE_ACTION_ID,
      text: { type: 'plain_text', text: 'Share in channel' },
      value,
      style: 'primary',
    },
    { type: 'button', action_id: COMPARE_ACTION_ID, text: { type: 'plain_text', text: 'Compare frameworks' }, value },
  ];
  if (a.kind === 'count' && a.model.layers.length > 1 && layersBySize(a).length > MAX_DETAILED_LAYERS) {
    elements.push({
      type: 'button',
      action_id: DETAILS_ACTION_ID,
      text: { type: 'plain_text', text: 'All layer derivations' },
      value,
    });
  }
  return { type: 'actions', elements };
}

/** The derivations a long model's answer leaves out, as follow-up messages each within Slack's limits. */
export function renderLayerDetails(a: Answer): SlackMessage[] {
  if (a.kind !== 'count') return [renderBlocks(a)];
  const rest = layersBySize(a).slice(MAX_DETAILED_LAYERS);
  if (rest.length === 0)
    return [
      {
        text: 'Every layer is already derived in the answer.',
        blocks: [section('Every layer is already derived in the answer.')],
      },
    ];
  const messages: SlackMessage[] = [];
  const perMessage = MAX_BLOCKS - 1;
  // At most MAX_DETAIL_MESSAGES posts; the last keeps one block to say where the rest are.
  const room = perMessage * MAX_DETAIL_MESSAGES - 1;
  const shown = rest.length > perMessage * MAX_DETAIL_MESSAGES ? rest.slice(0, room) : rest;
  for (let i = 0; i < shown.length; i += perMessage) {
    const chunk = shown.slice(i, i + perMessage);
    messages.push({
      text: `${esc(a.title)}: derivations ${i + 1 + MAX_DETAILED_LAYERS} to ${i + chunk.length + MAX_DETAILED_LAYERS}`,
      blocks: chunk.map((layer) =>
        section(
          `*${esc(layer.name)}* (${esc(layer.type)}): *${formatCount(layer.params)}*\n${stepLines(layer.steps, mrkdwnStyle).join('\n')}`,
        ),
      ),
    });
  }
  const left = rest.length - shown.length;
  if (left > 0) {
    messages[messages.length - 1]?.blocks.push(
      context([
        `${formatCount(BigInt(left))} more layers are not derived here (I post at most ${MAX_DETAIL_MESSAGES} messages). Run \`paramcount --json\` with the same code in a terminal for every layer.`,
      ]),
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

function countBlocks(a: CountAnswer): KnownBlock[] {
  if (a.transformer) return transformerBlocks(a, a.transformer);
  const blocks: KnownBlock[] = [];
  const total = formatCount(a.model.total);
  // The title can echo the user (a layer name in pasted code): escaped like every other text field.
  blocks.push({
    type: 'header',
    text: { type: 'plain_text', text: clipText(`${esc(a.title)}: ${total} parameters`, MAX_HEADER_CHARS) },
  });
  const lead = [`*${total}* parameters (${CONVENTION_LABELS[a.convention]})`];
  for (const layer of a.model.layers.length === 1 ? a.model.layers : []) {
    for (const s of layer.steps) {
      if (s.kind === 'compare' && s.difference !== 0n)
        lead.push(`${conventionFamily(s.convention)}: *${formatCount(s.total)}* (${formatSigned(s.difference)})`);
    }
  }
  if (a.model.layers.length > 1 || a.model.nonTrainable > 0n) {
    lead.push(`Trainable ${formatCount(a.model.trainable)} · non-trainable ${formatCount(a.model.nonTrainable)}`);
  }
  if (a.model.buffers > 0n) lead.push(`Buffers (not parameters): ${formatCount(a.model.buffers)}`);
  if (a.model.unknownLayers.length > 0)
    lead.push(`:warning: Not counted: ${a.model.unknownLayers.map(esc).join(', ')}`);
  blocks.push(section(lead.join('\n')));
  for (const f of findings(a, mrkdwnStyle)) {
    blocks.push(
      f.table ? codeSection(esc(f.title), f.lines.join('\n')) : section(`*${esc(f.title)}*\n${f.lines.join('\n')}`),
    );
  }
  if (a.model.layers.length === 1) {
    blocks.push(...layerBlocks(a.model.layers[0]!, a, false));
  } else {
    if (!a.verification) blocks.push(codeSection('Summary', summaryTable(a).join('\n')));
    const detailed = layersBySize(a);
    for (const layer of detailed.slice(0, MAX_DETAILED_LAYERS)) {
      const lines = stepLines(layer.steps, mrkdwnStyle);
      blocks.push(
        section(`*${esc(layer.name)}* (${esc(layer.type)}): *${formatCount(layer.params)}*\n${lines.join('\n')}`),
      );
    }
    if (detailed.length > MAX_DETAILED_LAYERS) {
      blocks.push(
        context([
          `Derivations shown for the ${MAX_DETAILED_LAYERS} largest layers; the table has every layer. Press *All layer derivations* (or run \`paramcount\` in a terminal) for the rest.`,
        ]),
      );
    }
  }
  const notes = [
    `Memory: ${formatBytes(a.memory.float32)} in float32, ${formatBytes(a.memory.float16)} in float16/bfloat16`,
    ...a.notes.map(esc),
    ...a.model.notes.map(esc),
  ];
  if (a.alternatives.length > 0 && !a.comparison) {
    notes.push(`Other frameworks: ${a.alternatives.map((x) => `${x.convention} ${formatCount(x.total)}`).join(' · ')}`);
  }
  blocks.push(context(notes));
  return blocks;
}

function fallbackText(a: Answer): string {
  switch (a.kind) {
    case 'count':
      return clipText(
        `${printable(a.title)}: ${formatCount(a.model.total)} parameters (${CONVENTION_LABELS[a.convention]})`,
        MAX_FALLBACK_CHARS,
      );
    case 'help':
      return 'How to use ParamCount: /lstm 4096 256';
    case 'error':
      return clipText(`Sorry: ${printable(a.message)}`, MAX_FALLBACK_CHARS);
  }
}

/** Keeps any message inside Slack's limits: at most 50 blocks, the buttons kept last. */
function fit(blocks: KnownBlock[], actions: KnownBlock | null): KnownBlock[] {
  const room = MAX_BLOCKS - (actions ? 1 : 0);
  const kept =
    blocks.length > room
      ? [
          ...blocks.slice(0, room - 1),
          context(['(Cut to fit Slack: run `paramcount` in a terminal for the whole answer.)']),
        ]
      : blocks;
  return actions ? [...kept, actions] : kept;
}

export function renderBlocks(a: Answer): SlackMessage {
  // Escape the fallback too: Slack parses `text` as mrkdwn when it is shown (notifications).
  const text = esc(fallbackText(a));
  switch (a.kind) {
    case 'error':
      return {
        text,
        blocks: fit(
          [
            section(`:warning: ${esc(a.message)}`),
            context([`Type \`${a.command === '/transformer' ? '/transformer' : '/lstm'} help\` for every option.`]),
          ],
          null,
        ),
      };
    case 'help':
      return {
        text,
        blocks: fit(
          helpSections(a.command).map((s) => section(`*${esc(s.title)}*\n${s.lines.map(esc).join('\n')}`)),
          null,
        ),
      };
    case 'count':
      return { text, blocks: fit(countBlocks(a), buttons(a)) };
  }
}
