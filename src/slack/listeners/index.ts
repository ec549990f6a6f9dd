import type { App } from '@slack/bolt';
import type { AnswerPool } from '../../work/pool.js';
import actions from './actions/index.js';
import commands from './commands/index.js';
import events from './events/index.js';
import shortcuts from './shortcuts/index.js';

/** Each kind registers its listeners with Bolt; every answer is asked of the worker pool. */
const registerListeners = (app: App, pool: AnswerPool): void => {
  actions.register(app, pool);
  commands.register(app, pool);
  events.register(app, pool);
  shortcuts.register(app, pool);
};

export default registerListeners;
