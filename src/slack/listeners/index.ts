import type { App } from '@slack/bolt';
import actions from './actions/index.js';
import commands from './commands/index.js';
import type { CommandAckOptions } from './commands/param-count-command.js';
import events from './events/index.js';
import { createRouter } from './router.js';
import shortcuts from './shortcuts/index.js';
import type { Track } from './track.js';

/**
 * Each kind registers its listeners on one router, and the router is the app's only middleware of
 * ours: a request costs one lookup, not a matcher chain per listener (see router.ts).
 */
const registerListeners = (app: App, track: Track, commandAcks: CommandAckOptions): void => {
  const { router, middleware } = createRouter(track);
  actions.register(router);
  commands.register(router, commandAcks);
  events.register(router);
  shortcuts.register(router);
  app.use(middleware);
};

export default registerListeners;
