import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { AnswerPool } from '../../../work/pool.js';
import { logRequest, slackErrorCode, stripBotMention } from '../../reply.js';
import { userLocale } from '../../user-locale.js';
import { answerInThread } from './answer-in-thread.js';

/** A direct message to the bot (message.im): answer in its thread. Bot messages and edits are ignored. */
const directMessageCallback =
  (pool: AnswerPool) =>
  async ({ event, say, client, context, logger }: AllMiddlewareArgs & SlackEventMiddlewareArgs<'message'>) => {
    if (event.channel_type !== 'im' || event.subtype !== undefined || event.bot_id !== undefined) return;
    const started = performance.now();
    let outcome = 'failed';
    const text = stripBotMention(event.text ?? '', context.botUserId);
    try {
      const locale = await userLocale(client, event.user, logger);
      outcome = await answerInThread(
        pool,
        say,
        logger,
        'direct message reply',
        text,
        event.thread_ts ?? event.ts,
        locale,
      );
    } catch (error) {
      outcome = `failed:${slackErrorCode(error)}`;
      logger.error('direct message reply failed:', error);
    } finally {
      logRequest(logger, { kind: 'event', name: 'message.im', started, outcome, chars: text.length });
    }
  };

export { directMessageCallback };
