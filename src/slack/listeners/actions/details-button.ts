import { answerQuery } from '../../../answer.js';
import { renderLayerDetails } from '../../../render/blocks.js';
import { DETAILS_ACTION_ID } from '../../ids.js';
import { buttonReply } from './button-reply.js';

/** "All layer derivations": a long model's remaining derivations, in as many messages as Slack's limits need. */
const detailsButtonCallback = buttonReply(DETAILS_ACTION_ID, (query) => {
  const answer = answerQuery(query);
  return { outcome: answer.kind, messages: renderLayerDetails(answer) };
});

export { detailsButtonCallback };
