import type { Router } from '../router.js';
import { appHomeOpenedCallback } from './app-home-opened.js';
import { appMentionCallback } from './app-mention.js';
import { directMessageCallback } from './direct-message.js';

/** The events the app subscribes to (manifest.yml bot_events). */
const register = (router: Router): void => {
  router.event('app_mention', appMentionCallback);
  router.event('message', directMessageCallback);
  router.event('app_home_opened', appHomeOpenedCallback);
};

export default { register };
