import { SLASH_COMMANDS } from '../../ids.js';
import type { Router } from '../router.js';
import { paramCountCommand } from './param-count-command.js';
import type { CommandAckOptions } from './param-count-command.js';

/** `/lstm`, `/gru`, `/rnn` and `/params`: one pipeline answers them all. */
const register = (router: Router, ackOptions: CommandAckOptions): void => {
  const listener = paramCountCommand(ackOptions);
  for (const name of SLASH_COMMANDS) router.command(name, listener);
};

export default { register };
