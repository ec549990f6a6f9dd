// Transformer inputs -> a CountAnswer: a pasted config.json, the `/transformer` shorthand, or a Hub
// model's config.json (fetched by src/hub/). The components become the ModelRecord's layers, so the
// usual renderers work; `transformer` carries what only a transformer has (without embeddings, MoE,
// the memory table, estimate notes).
import type { CountAnswer, ErrorAnswer, HelpAnswer } from './answer-types.js';
import { memoryBytes } from './engine/memory.js';
import { countTransformer } from './engine/transformer/count.js';
import type { TransformerRecord, WeightDtype } from './engine/transformer/count.js';
import { readHfConfig } from './engine/transformer/families.js';
import type { ReadOptions } from './engine/transformer/families.js';
import type { TransformerSpec } from './engine/transformer/spec.js';
import type { ModelRecord, Step } from './engine/types.js';
import { looksLikeHfConfig, parseHfConfig } from './parse/hf-config.js';
import { parseTransformerShorthand } from './parse/transformer-shorthand.js';
import { formatCount } from './render/format.js';

export interface TransformerPart {
  modelType: string;
  architecture: string;
  /** Where the config came from: a Hub repository ("meta-llama/Meta-Llama-3-8B"), when fetched. */
  source: string | null;
  withoutEmbeddings: bigint;
  activePerToken: bigint | null;
  experts: { experts: bigint; perToken: bigint } | null;
  /** "embeddings + 32 blocks + final norm + head = total", as a derivation line. */
  totalStep: Step;
  components: { name: string; type: string; repeat: bigint; perCopy: bigint; params: bigint }[];
  memory: { dtype: WeightDtype; bytes: bigint }[];
  /** Non-empty: an estimate from generic fields; each entry is one thing assumed. */
  assumptions: string[];
  notCounted: string[];
}

export interface TransformerSource {
  /** Hub repository the config was fetched from. */
  repo?: string;
  read?: ReadOptions;
  /** Parts of the query known to be left out (layers pasted around a from_pretrained model). */
  notCounted?: string[];
}

function totalStep(record: TransformerRecord): Step {
  return {
    kind: 'sum',
    label: 'total',
    terms: record.components.map((c) => ({
      value: c.record.params,
      label: c.repeat > 1n ? `${c.repeat} x ${c.record.type}` : c.record.type,
    })),
    result: record.total,
  };
}

function title(spec: TransformerSpec, source: string | null, estimate: boolean): string {
  const shape = `${spec.layers} layers, d_model ${formatCount(spec.hidden)}`;
  const what = spec.modelType === 'transformer' ? `Transformer (${shape})` : `${spec.architecture} (${shape})`;
  return `${source ? `${source}: ` : ''}${what}${estimate ? ', estimated' : ''}`;
}

/** The answer for a spec, whatever text it came from. */
export function transformerAnswer(
  query: string,
  command: string,
  spec: TransformerSpec,
  notes: string[],
  source: string | null = null,
): CountAnswer {
  const record = countTransformer(spec);
  const layers = record.components.map((c) => c.record);
  const model: ModelRecord = {
    convention: 'pytorch',
    layers,
    total: record.total,
    trainable: record.total,
    nonTrainable: 0n,
    buffers: 0n,
    unknownLayers: [...spec.notCounted],
    notes: [],
  };
  const transformer: TransformerPart = {
    modelType: spec.modelType,
    architecture: spec.architecture,
    source,
    withoutEmbeddings: record.withoutEmbeddings,
    activePerToken: record.activePerToken,
    experts: spec.moe,
    totalStep: totalStep(record),
    components: record.components.map((c) => ({
      name: c.record.name,
      type: c.record.type,
      repeat: c.repeat,
      perCopy: c.perCopy,
      params: c.record.params,
    })),
    memory: record.memory,
    assumptions: [...spec.assumptions],
    notCounted: [...spec.notCounted],
  };
  return {
    kind: 'count',
    query,
    command,
    title: title(spec, source, record.estimate),
    convention: 'pytorch',
    model,
    alternatives: [],
    memory: memoryBytes(record.total),
    notes,
    comparison: null,
    // An estimate is not exact, and a left-out part makes the total a lower bound: both say so in JSON.
    incomplete: record.estimate || spec.notCounted.length > 0,
    transformer,
  };
}

/** A config.json's text (pasted, or fetched from the Hub). */
export function answerHfConfigText(
  query: string,
  command: string,
  text: string,
  from: TransformerSource = {},
): CountAnswer | ErrorAnswer {
  const parsed = parseHfConfig(text);
  if (!parsed.ok) return { kind: 'error', query, command, message: parsed.error };
  const read = readHfConfig(parsed.config, from.read);
  if (!read.ok) {
    const where = from.repo ? ` (${from.repo})` : '';
    return { kind: 'error', query, command, message: `${read.error}${where}` };
  }
  const spec = from.notCounted
    ? { ...read.spec, notCounted: [...read.spec.notCounted, ...from.notCounted] }
    : read.spec;
  return transformerAnswer(query, command, spec, read.notes, from.repo ?? null);
}

export { looksLikeHfConfig };

/** `/transformer ...` (or `transformer ...` in the console and CLI). */
export function answerTransformerShorthand(
  query: string,
  command: string,
  text: string,
): CountAnswer | ErrorAnswer | HelpAnswer {
  const parsed = parseTransformerShorthand(text);
  if (parsed.ok === 'help') return { kind: 'help', query, command };
  if (!parsed.ok) return { kind: 'error', query, command, message: parsed.error };
  return transformerAnswer(query, command, parsed.spec, parsed.notes);
}
