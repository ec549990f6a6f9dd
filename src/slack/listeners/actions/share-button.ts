import { SHARE_ACTION_ID } from '../../ids.js';
import { buttonReply } from './button-reply.js';

/** "Share in channel": answer the button's query again and post it for everyone via response_url. */
const shareButtonCallback = buttonReply(
  SHARE_ACTION_ID,
  async (pool, query, locale) => {
    // Posted for everyone: no buttons (they would act for whoever clicks, on someone else's question).
    const answer = await pool.answer(query, { locale }, 'blocksShared');
    return { kind: answer.kind, messages: [answer.output] };
  },
  true,
);

export { shareButtonCallback };
