import type { App } from '@slack/bolt';
import { SLASH_COMMANDS } from '../../ids.js';
import type { Track } from '../track.js';
import { paramCountCommand } from './param-count-command.js';
import type { CommandAckOptions } from './param-count-command.js';

/** `/lstm`, `/gru`, `/rnn` or `/params`, exactly. */
export const SLASH_COMMAND_PATTERN = new RegExp(`^(?:${SLASH_COMMANDS.map((c) => c.replace('/', '\\/')).join('|')})$`);

const register = (app: App, track: Track, ackOptions: CommandAckOptions): void => {
  // One listener for the four commands: Bolt runs every listener's middleware chain on every request.
  app.command(SLASH_COMMAND_PATTERN, track(paramCountCommand(ackOptions)));
};

export default { register };
