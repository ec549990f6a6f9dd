import type { App, BlockButtonAction } from '@slack/bolt';
import type { AnswerPool } from '../../../work/pool.js';
import { COMPARE_ACTION_ID, DETAILS_ACTION_ID, MORE_ACTION_ID, SHARE_ACTION_ID } from '../../ids.js';
import { compareButtonCallback } from './compare-button.js';
import { detailsButtonCallback } from './details-button.js';
import { moreButtonCallback } from './more-button.js';
import { shareButtonCallback } from './share-button.js';

/** The answer's buttons (src/render/blocks.ts). */
const register = (app: App, pool: AnswerPool): void => {
  app.action<BlockButtonAction>(SHARE_ACTION_ID, shareButtonCallback(pool));
  app.action<BlockButtonAction>(COMPARE_ACTION_ID, compareButtonCallback(pool));
  app.action<BlockButtonAction>(DETAILS_ACTION_ID, detailsButtonCallback(pool));
  app.action<BlockButtonAction>(MORE_ACTION_ID, moreButtonCallback(pool));
};

export default { register };
