import type { App, MessageShortcut } from '@slack/bolt';
import { EXPLAIN_CALLBACK_ID } from '../../ids.js';
import type { Track } from '../track.js';
import { explainParameterCountsCallback } from './explain-parameter-counts.js';

const register = (app: App, track: Track): void => {
  app.shortcut<MessageShortcut>({ type: 'message_action', callback_id: EXPLAIN_CALLBACK_ID }, track(explainParameterCountsCallback));
};

export default { register };
