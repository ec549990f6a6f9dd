import type { App } from '@slack/bolt';
import actions from './actions/index.js';
import commands from './commands/index.js';
import events from './events/index.js';
import shortcuts from './shortcuts/index.js';
import type { CommandAckOptions } from './commands/param-count-command.js';
import type { Track } from './track.js';

/**
 * One listener per kind of request (command, button, event, shortcut), each dispatching inside:
 * Bolt runs every listener's matchers on every request, so fewer listeners is less work per request.
 */
const registerListeners = (app: App, track: Track, commandAcks: CommandAckOptions): void => {
  actions.register(app, track);
  commands.register(app, track, commandAcks);
  events.register(app, track);
  shortcuts.register(app, track);
};

export default registerListeners;
