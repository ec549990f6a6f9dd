import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { answerQuery } from '../../../answer.js';
import { renderBlocks } from '../../../render/blocks.js';
import { logRequest, slackErrorCode } from '../../reply.js';

/** `/lstm 4096 256` and friends: ack at once, answer ephemerally via response_url. */
const paramCountCommandCallback = async ({ ack, command, respond, logger }: AllMiddlewareArgs & SlackCommandMiddlewareArgs) => {
  const started = performance.now();
  let outcome = 'failed';
  try {
    await ack();
    const answer = answerQuery(command.text, { command: command.command });
    outcome = answer.kind;
    await respond({ response_type: 'ephemeral', ...renderBlocks(answer) });
  } catch (error) {
    outcome = `failed:${slackErrorCode(error)}`;
    logger.error(`command ${command.command} failed:`, error);
  } finally {
    logRequest(logger, { kind: 'command', name: command.command, started, outcome, chars: command.text.length });
  }
};

export { paramCountCommandCallback };
