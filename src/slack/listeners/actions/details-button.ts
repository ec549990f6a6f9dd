import { DETAILS_ACTION_ID } from '../../ids.js';
import { buttonReply } from './button-reply.js';

/** "All layer derivations": a long model's remaining derivations, in as many messages as Slack's limits need. */
const detailsButtonCallback = buttonReply(DETAILS_ACTION_ID, async (pool, query, locale) => {
  const answer = await pool.answer(query, { locale }, 'details');
  return { kind: answer.kind, messages: answer.output };
});

export { detailsButtonCallback };
