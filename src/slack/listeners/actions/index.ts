import type { App, BlockButtonAction } from '@slack/bolt';
import { COMPARE_ACTION_ID, DETAILS_ACTION_ID, SHARE_ACTION_ID } from '../../ids.js';
import type { Track } from '../track.js';
import type { ButtonArgs } from './button-reply.js';
import { compareButtonCallback } from './compare-button.js';
import { detailsButtonCallback } from './details-button.js';
import { shareButtonCallback } from './share-button.js';

const BUTTONS: Record<string, (args: ButtonArgs) => Promise<void>> = {
  [SHARE_ACTION_ID]: shareButtonCallback,
  [COMPARE_ACTION_ID]: compareButtonCallback,
  [DETAILS_ACTION_ID]: detailsButtonCallback,
};

/** Exactly the answer buttons' action_ids. */
export const BUTTON_ACTION_PATTERN = new RegExp(`^(?:${Object.keys(BUTTONS).join('|')})$`);

/** One listener dispatches every answer button: Bolt runs each listener's middleware chain on every request. */
const buttonCallback = async (args: ButtonArgs): Promise<void> => BUTTONS[args.action.action_id]?.(args);

const register = (app: App, track: Track): void => {
  app.action<BlockButtonAction>({ type: 'block_actions', action_id: BUTTON_ACTION_PATTERN }, track(buttonCallback));
};

export default { register };
