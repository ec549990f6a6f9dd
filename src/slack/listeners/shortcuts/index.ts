import type { App, MessageShortcut } from '@slack/bolt';
import type { AnswerPool } from '../../../work/pool.js';
import { EXPLAIN_CALLBACK_ID } from '../../ids.js';
import { explainParameterCountsCallback } from './explain-parameter-counts.js';

const register = (app: App, pool: AnswerPool): void => {
  app.shortcut<MessageShortcut>(EXPLAIN_CALLBACK_ID, explainParameterCountsCallback(pool));
};

export default { register };
