import type { AllMiddlewareArgs, App, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { Track } from '../track.js';
import { appHomeOpenedCallback } from './app-home-opened.js';
import { appMentionCallback } from './app-mention.js';
import { directMessageCallback } from './direct-message.js';

type EventArgs<T extends string> = AllMiddlewareArgs & SlackEventMiddlewareArgs<T>;

/** The events the app subscribes to (manifest.yml bot_events), each with its callback. */
const EVENTS = {
  app_mention: appMentionCallback,
  message: directMessageCallback,
  app_home_opened: appHomeOpenedCallback,
} as const;

export const EVENT_PATTERN = new RegExp(`^(?:${Object.keys(EVENTS).join('|')})$`);

/** One listener dispatches the three events by type (one middleware chain per request instead of three). */
const eventCallback = async (args: EventArgs<string>): Promise<void> => {
  switch (args.event.type) {
    case 'app_mention':
      return EVENTS.app_mention(args as EventArgs<'app_mention'>);
    case 'message':
      return EVENTS.message(args as EventArgs<'message'>);
    case 'app_home_opened':
      return EVENTS.app_home_opened(args as EventArgs<'app_home_opened'>);
  }
};

const register = (app: App, track: Track): void => {
  app.event(EVENT_PATTERN, track(eventCallback));
};

export default { register };
