import { COMPARE_ACTION_ID, DETAILS_ACTION_ID, MORE_ACTION_ID, SHARE_ACTION_ID } from '../../ids.js';
import type { Router } from '../router.js';
import { compareButtonCallback } from './compare-button.js';
import { detailsButtonCallback } from './details-button.js';
import { moreButtonCallback } from './more-button.js';
import { shareButtonCallback } from './share-button.js';

/** The answer's buttons (src/render/blocks.ts). */
const register = (router: Router): void => {
  router.button(SHARE_ACTION_ID, shareButtonCallback);
  router.button(COMPARE_ACTION_ID, compareButtonCallback);
  router.button(DETAILS_ACTION_ID, detailsButtonCallback);
  router.button(MORE_ACTION_ID, moreButtonCallback);
};

export default { register };
