import { answerQuery } from '../../../answer.js';
import { renderBlocks } from '../../../render/blocks.js';
import { MORE_ACTION_ID } from '../../ids.js';
import { buttonReply } from './button-reply.js';

/** "More": the full derivation (picture, tensors, memory, per-layer tables), only for the clicker. */
const moreButtonCallback = buttonReply(MORE_ACTION_ID, (query) => {
  const answer = answerQuery(query);
  return { outcome: answer.kind, messages: [renderBlocks(answer, { form: 'full' })] };
});

export { moreButtonCallback };
