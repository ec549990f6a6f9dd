// Pasted PyTorch / Keras / Flax code: parsed into a spec (never executed), counted once.
import { msg, say } from '../i18n/index.js';
import type { Answer } from '../answer-types.js';
import { memoryBytes } from '../engine/memory.js';
import { countModelWithAlternatives, ModelError } from '../engine/model.js';
import { groupDigits } from '../engine/numbers.js';
import type { CountedModel } from '../engine/model.js';
import { looksLikeCode, parseCode } from '../parse/code.js';
import { comparisonRows, errorAnswer } from './source.js';
import type { InputSource, SourceContext } from './source.js';

function answerCode(ctx: SourceContext, text: string, compare: boolean): Answer {
  const { query, command } = ctx;
  const parsed = parseCode(text);
  if (!parsed.ok) {
    const error = errorAnswer(ctx, parsed.error);
    return parsed.formula ? { ...error, formula: parsed.formula } : error;
  }
  let counted: CountedModel;
  try {
    counted = countModelWithAlternatives(parsed.model);
  } catch (e) {
    if (e instanceof ModelError) return errorAnswer(ctx, e.message);
    throw e;
  }
  const { record: model, alternatives } = counted;
  const only = model.layers.length === 1 ? model.layers[0] : undefined;
  const modelTitle = msg('title-model', { layers: BigInt(model.layers.length) });
  const title = only
    ? `${only.type}${only.name && only.name.replace(/_/g, '').toLowerCase() !== only.type.toLowerCase() ? ` "${only.name}"` : ''}`
    : say('en', modelTitle);
  return {
    kind: 'count',
    query,
    command,
    title,
    ...(only ? {} : { titleParts: [modelTitle] }),
    convention: model.convention,
    model,
    alternatives,
    memory: memoryBytes(model.total),
    notes: [],
    comparison: compare ? comparisonRows(model.convention, model.total, alternatives) : null,
    incomplete: model.unknownLayers.length > 0,
  };
}

export const codeSource: InputSource = {
  name: 'code',
  detect: (text) => looksLikeCode(text),
  answer: (text, ctx) => answerCode(ctx, text, ctx.compare ?? false),
};
