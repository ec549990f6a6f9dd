import type { App } from '@slack/bolt';
import { appHomeOpenedCallback } from './app-home-opened.js';
import { appMentionCallback } from './app-mention.js';
import { directMessageCallback } from './direct-message.js';

const register = (app: App): void => {
  app.event('app_mention', appMentionCallback);
  app.event('message', directMessageCallback);
  app.event('app_home_opened', appHomeOpenedCallback);
};

export default { register };
