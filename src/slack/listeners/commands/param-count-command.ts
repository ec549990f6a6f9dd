import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { AnswerPool } from '../../../work/pool.js';
import { logRequest, slackErrorCode, withSlackRetry } from '../../reply.js';
import { userLocale } from '../../user-locale.js';

const ANSWER_FAILED = {
  response_type: 'ephemeral' as const,
  text: 'Sorry, something went wrong while answering that. Try again, or try a smaller example such as `/lstm 4096 256`.',
};

/**
 * `/lstm 4096 256` and friends: ack at once (Slack allows 3 s), then answer in a worker (with its
 * deadline) and post the answer, visible only to the asker, to the command's response_url.
 */
const paramCountCommand =
  (pool: AnswerPool) =>
  async ({ ack, command, respond, client, logger }: AllMiddlewareArgs & SlackCommandMiddlewareArgs): Promise<void> => {
    const started = performance.now();
    let outcome = 'failed';
    try {
      await ack();
      const locale = await userLocale(client, command.user_id, logger);
      const answer = await pool.answer(command.text, { command: command.command, locale }, 'blocks');
      outcome = answer.kind;
      await withSlackRetry(logger, `command ${command.command} reply`, () =>
        respond({ response_type: 'ephemeral', ...answer.output }),
      );
    } catch (error) {
      outcome = `failed:${slackErrorCode(error)}`;
      logger.error(`command ${command.command} failed:`, error);
      // Best effort: the asker hears something rather than nothing.
      await respond(ANSWER_FAILED).catch(() => {});
    } finally {
      logRequest(logger, { kind: 'command', name: command.command, started, outcome, chars: command.text.length });
    }
  };

export { paramCountCommand };
