// Transformer input kinds: `/transformer ...`, a pasted config.json, and a Hugging Face Hub model
// name (which needs the network: the async step in src/hub/answer.ts fetches it before answerQuery;
// reached here, the name gets an answer saying how to paste its config instead).
import { findHubReference, hubUnreachableMessage } from '../hub/reference.js';
import { answerHfConfigText, answerTransformerShorthand, looksLikeHfConfig } from '../transformer-answer.js';
import { errorAnswer } from './source.js';
import type { InputSource } from './source.js';

export const transformerShorthandSource: InputSource = {
  name: 'transformer-shorthand',
  detect: (_text, ctx) => ctx.command === '/transformer',
  answer: (text, ctx) => answerTransformerShorthand(ctx.query, ctx.command, text),
};

export const hfConfigSource: InputSource = {
  name: 'hf-config',
  detect: (text) => looksLikeHfConfig(text),
  answer: (text, ctx) => answerHfConfigText(ctx.query, ctx.command, text),
};

export const hubNameSource: InputSource = {
  name: 'hub-name',
  detect: (text, ctx) => (ctx.command === '' || ctx.command === '/params') && findHubReference(text) !== null,
  answer: (text, ctx) => {
    const ref = findHubReference(text);
    if (!ref) return errorAnswer(ctx, 'That does not name a Hugging Face model.');
    return errorAnswer(ctx, ref.ok ? hubUnreachableMessage(ref.repo) : ref.error);
  },
};
