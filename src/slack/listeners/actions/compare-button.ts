import { COMPARE_ACTION_ID } from '../../ids.js';
import { buttonReply } from './button-reply.js';

/** "Compare frameworks": the same query with every convention side by side, only for the clicker. */
const compareButtonCallback = buttonReply(COMPARE_ACTION_ID, async (pool, query, locale) => {
  const answer = await pool.answer(query, { compare: true, locale }, 'blocks');
  return { kind: answer.kind, messages: [answer.output] };
});

export { compareButtonCallback };
