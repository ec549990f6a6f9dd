import { answerQuery } from '../../../answer.js';
import { renderBlocks } from '../../../render/blocks.js';
import { COMPARE_ACTION_ID } from '../../ids.js';
import { buttonReply } from './button-reply.js';

/** "Compare frameworks": the same query with every convention side by side, only for the clicker. */
const compareButtonCallback = buttonReply(COMPARE_ACTION_ID, (query) => {
  const answer = answerQuery(query, { compare: true });
  return { outcome: answer.kind, messages: [renderBlocks(answer)] };
});

export { compareButtonCallback };
