import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { decodeButtonValue } from '../../../render/button-value.js';
import type { SlackMessage } from '../../../render/blocks.js';
import type { AnswerPool, PoolAnswer } from '../../../work/pool.js';
import { logRequest, slackErrorCode, withSlackRetry } from '../../reply.js';
import { userLocale } from '../../user-locale.js';

export type ButtonArgs = AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockButtonAction>;

/** How a button turns the query it carries into the messages it posts. */
export type ButtonAnswer = (
  pool: AnswerPool,
  query: string,
  /** The clicker's Slack locale, when known (users.info). */
  locale: string | undefined,
) => Promise<{ kind: PoolAnswer<'blocks'>['kind']; messages: SlackMessage[] }>;

/**
 * One shape for every answer button: ack, decode the query the button carries (no server state),
 * answer it again in a worker, in the clicker's language, and post the messages via response_url.
 * `inChannel` posts for everyone.
 */
export function buttonReply(name: string, answerFor: ButtonAnswer, inChannel = false) {
  return (pool: AnswerPool) =>
    async ({ ack, action, body, respond, client, logger }: ButtonArgs): Promise<void> => {
      const started = performance.now();
      let outcome = 'failed';
      try {
        await ack();
        const decoded = decodeButtonValue(action.value ?? '');
        if (!decoded || !body.response_url) {
          outcome = 'stale_button';
          if (body.response_url) {
            await respond({
              response_type: 'ephemeral',
              replace_original: false,
              text: 'Sorry, that button no longer carries a question. Run the command again.',
            });
          }
          return;
        }
        const locale = await userLocale(client, body.user?.id, logger);
        const answered = await answerFor(pool, decoded.query, locale);
        outcome = answered.kind;
        for (const message of answered.messages) {
          await withSlackRetry(logger, `${name} reply`, () =>
            respond({ response_type: inChannel ? 'in_channel' : 'ephemeral', replace_original: false, ...message }),
          );
        }
      } catch (error) {
        outcome = `failed:${slackErrorCode(error)}`;
        logger.error(`${name} button failed:`, error);
      } finally {
        logRequest(logger, { kind: 'action', name, started, outcome });
      }
    };
}
