import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { AnswerPool } from '../../../work/pool.js';
import { logRequest, slackErrorCode, stripBotMention } from '../../reply.js';
import { userLocale } from '../../user-locale.js';
import { answerInThread } from './answer-in-thread.js';

/** `@ParamCount /lstm 4096 256` or a mention with pasted code: answer in the thread. */
const appMentionCallback =
  (pool: AnswerPool) =>
  async ({ event, say, client, context, logger }: AllMiddlewareArgs & SlackEventMiddlewareArgs<'app_mention'>) => {
    const started = performance.now();
    let outcome = 'failed';
    const text = stripBotMention(event.text ?? '', context.botUserId);
    try {
      if (event.subtype !== undefined && event.subtype !== 'thread_broadcast') {
        outcome = 'ignored';
        return;
      }
      const locale = await userLocale(client, event.user, logger);
      outcome = await answerInThread(pool, say, logger, 'app_mention reply', text, event.thread_ts ?? event.ts, locale);
    } catch (error) {
      outcome = `failed:${slackErrorCode(error)}`;
      logger.error('app_mention reply failed:', error);
    } finally {
      logRequest(logger, { kind: 'event', name: 'app_mention', started, outcome, chars: text.length });
    }
  };

export { appMentionCallback };
