import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { pickLocale } from '../../../i18n/index.js';
import { homeView } from '../../home-view.js';
import { logRequest, slackErrorCode, withSlackRetry } from '../../reply.js';
import { userLocale } from '../../user-locale.js';

/** Publishes the Home tab cheat sheet, in the user's language, when they open it. */
const appHomeOpenedCallback = async ({
  event,
  client,
  logger,
}: AllMiddlewareArgs & SlackEventMiddlewareArgs<'app_home_opened'>) => {
  if (event.tab !== 'home') return;
  const started = performance.now();
  let outcome = 'published';
  try {
    // The cheat sheet in the user's language; English when their locale is unknown or not one we speak.
    const view = homeView(pickLocale({ locale: await userLocale(client, event.user, logger) }));
    await withSlackRetry(logger, 'views.publish', () => client.views.publish({ user_id: event.user, view }));
  } catch (error) {
    outcome = `failed:${slackErrorCode(error)}`;
    logger.error('views.publish failed:', error);
  } finally {
    logRequest(logger, { kind: 'event', name: 'app_home_opened', started, outcome });
  }
};

export { appHomeOpenedCallback };
