import type { App } from '@slack/bolt';
import type { AnswerPool } from '../../../work/pool.js';
import { appHomeOpenedCallback } from './app-home-opened.js';
import { appMentionCallback } from './app-mention.js';
import { directMessageCallback } from './direct-message.js';

/** The events the app subscribes to (manifest.yml bot_events). */
const register = (app: App, pool: AnswerPool): void => {
  app.event('app_mention', appMentionCallback(pool));
  app.event('message', directMessageCallback(pool));
  app.event('app_home_opened', appHomeOpenedCallback);
};

export default { register };
