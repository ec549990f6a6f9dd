import { MORE_ACTION_ID } from '../../ids.js';
import { buttonReply } from './button-reply.js';

/** "More": the full derivation (picture, tensors, memory, per-layer tables), only for the clicker. */
const moreButtonCallback = buttonReply(MORE_ACTION_ID, async (pool, query, locale) => {
  const answer = await pool.answer(query, { locale }, 'blocksFull');
  return { kind: answer.kind, messages: [answer.output] };
});

export { moreButtonCallback };
