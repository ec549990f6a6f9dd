import type { App, MessageShortcut } from '@slack/bolt';
import { EXPLAIN_CALLBACK_ID } from '../../ids.js';
import { explainParameterCountsCallback } from './explain-parameter-counts.js';

const register = (app: App): void => {
  app.shortcut<MessageShortcut>({ type: 'message_action', callback_id: EXPLAIN_CALLBACK_ID }, explainParameterCountsCallback);
};

export default { register };
