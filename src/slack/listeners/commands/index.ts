import type { App } from '@slack/bolt';
import { SLASH_COMMANDS } from '../../ids.js';
import { paramCountCommandCallback } from './param-count-command.js';

const register = (app: App): void => {
  for (const name of SLASH_COMMANDS) app.command(name, paramCountCommandCallback);
};

export default { register };
