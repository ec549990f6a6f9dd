import type { App, BlockButtonAction } from '@slack/bolt';
import { COMPARE_ACTION_ID, DETAILS_ACTION_ID, SHARE_ACTION_ID } from '../../ids.js';
import { compareButtonCallback } from './compare-button.js';
import { detailsButtonCallback } from './details-button.js';
import { shareButtonCallback } from './share-button.js';

const register = (app: App): void => {
  app.action<BlockButtonAction>({ type: 'block_actions', action_id: SHARE_ACTION_ID }, shareButtonCallback);
  app.action<BlockButtonAction>({ type: 'block_actions', action_id: COMPARE_ACTION_ID }, compareButtonCallback);
  app.action<BlockButtonAction>({ type: 'block_actions', action_id: DETAILS_ACTION_ID }, detailsButtonCallback);
};

export default { register };
