// A transformer answer as titled lines (the text and Block Kit renderers lay them out) and as the
// JSON `transformer` object. Numbers come from the answer; nothing is recomputed here.
import type { CountAnswer } from '../answer-types.js';
import type { TransformerPart } from '../transformer-answer.js';
import { formatBytes, formatCount } from './format.js';
import type { Json } from './json.js';
import { stepLine, stepLines } from './steps.js';
import type { StepStyle } from './steps.js';

export interface TransformerView {
  /** Headline lines under the title: total, without embeddings, active per token, estimate / at least. */
  lead: string[];
  /** One per component: heading and numbered derivation. */
  sections: { heading: string; lines: string[] }[];
  total: string;
  memory: string[];
  notes: string[];
}

const DTYPE_LABEL = { float32: 'float32', bfloat16: 'bfloat16 / float16', int8: 'int8', '4-bit': '4-bit' } as const;

export function transformerView(a: CountAnswer, t: TransformerPart, style: StepStyle): TransformerView {
  const lead = [
    `${style.strong(formatCount(a.model.total))} parameters${t.assumptions.length > 0 ? ' (estimate)' : ''}`,
  ];
  lead.push(
    `Without embeddings: ${style.strong(formatCount(t.withoutEmbeddings))} (as num_parameters(exclude_embeddings=True))`,
  );
  if (t.activePerToken !== null && t.experts)
    lead.push(
      `Active per token: ${style.strong(formatCount(t.activePerToken))} (${t.experts.perToken} of ${t.experts.experts} experts in each layer)`,
    );
  if (t.notCounted.length > 0) lead.push(`At least: not counted: ${t.notCounted.map(style.text).join('; ')}`);
  if (t.assumptions.length > 0) lead.push(`Estimate, not exact. Assumed: ${t.assumptions.map(style.text).join('; ')}.`);
  const sections = a.model.layers.map((layer, i) => {
    const c = t.components[i];
    const size =
      c && c.repeat > 1n
        ? `${formatCount(c.perCopy)} each, x ${c.repeat} = ${style.strong(formatCount(layer.params))}`
        : style.strong(formatCount(layer.params));
    return {
      heading: `${style.text(layer.type[0]!.toUpperCase() + layer.type.slice(1))} (${style.text(layer.name)}): ${size}`,
      lines: stepLines(layer.steps, style),
    };
  });
  const memory = t.memory.map(
    (m) => `${DTYPE_LABEL[m.dtype].padEnd(18)} ${formatBytes(m.bytes).padStart(10)}  (${formatCount(m.bytes)} bytes)`,
  );
  const notes = [
    ...a.notes.map(style.text),
    'Weights only: activations, the KV cache and optimizer state come on top.',
  ];
  return { lead, sections, total: stepLine(t.totalStep, style), memory, notes };
}

export function transformerJson(t: TransformerPart): { [k: string]: Json } {
  const out: { [k: string]: Json } = {
    model_type: t.modelType,
    architecture: t.architecture,
    without_embeddings: t.withoutEmbeddings.toString(),
    components: t.components.map((c) => ({
      name: c.name,
      type: c.type,
      repeat: Number(c.repeat),
      per_copy: c.perCopy.toString(),
      params: c.params.toString(),
    })),
    memory_bytes: Object.fromEntries(t.memory.map((m) => [m.dtype, m.bytes.toString()])),
    estimate: t.assumptions.length > 0,
  };
  if (t.source) out.source = t.source;
  if (t.activePerToken !== null) out.active_per_token = t.activePerToken.toString();
  if (t.experts) out.experts = { experts: Number(t.experts.experts), per_token: Number(t.experts.perToken) };
  if (t.assumptions.length > 0) out.assumptions = t.assumptions;
  if (t.notCounted.length > 0) out.not_counted = t.notCounted;
  return out;
}
