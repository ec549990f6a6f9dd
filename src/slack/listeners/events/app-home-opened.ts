import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { homeView } from '../../home-view.js';
import { logRequest, slackErrorCode, withSlackRetry } from '../../reply.js';

/** Publishes the Home tab cheat sheet when a user opens it. */
const appHomeOpenedCallback = async ({
  event,
  client,
  logger,
}: AllMiddlewareArgs & SlackEventMiddlewareArgs<'app_home_opened'>) => {
  if (event.tab !== 'home') return;
  const started = performance.now();
  let outcome = 'published';
  try {
    await withSlackRetry(logger, 'views.publish', () =>
      client.views.publish({ user_id: event.user, view: homeView() }),
    );
  } catch (error) {
    outcome = `failed:${slackErrorCode(error)}`;
    logger.error('views.publish failed:', error);
  } finally {
    logRequest(logger, { kind: 'event', name: 'app_home_opened', started, outcome });
  }
};

export { appHomeOpenedCallback };
