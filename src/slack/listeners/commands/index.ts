import type { App } from '@slack/bolt';
import type { AnswerPool } from '../../../work/pool.js';
import { SLASH_COMMANDS } from '../../ids.js';
import { paramCountCommand } from './param-count-command.js';

/** `/lstm`, `/gru`, `/rnn` and `/params`: one pipeline answers them all. */
const register = (app: App, pool: AnswerPool): void => {
  const listener = paramCountCommand(pool);
  for (const name of SLASH_COMMANDS) app.command(name, listener);
};

export default { register };
