import { answerQuery } from '../../../answer.js';
import { renderBlocks } from '../../../render/blocks.js';
import { SHARE_ACTION_ID } from '../../ids.js';
import { buttonReply } from './button-reply.js';

/** "Share in channel": answer the button's query again and post it for everyone via response_url. */
const shareButtonCallback = buttonReply(
  SHARE_ACTION_ID,
  (query) => {
    const answer = answerQuery(query);
    // Posted for everyone: no buttons (they would act for whoever clicks, on someone else's question).
    return { outcome: answer.kind, messages: [renderBlocks(answer, { shared: true })] };
  },
  true,
);

export { shareButtonCallback };
