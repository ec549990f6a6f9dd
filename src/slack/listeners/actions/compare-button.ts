import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { answerQuery } from '../../../answer.js';
import { decodeButtonValue } from '../../../render/button-value.js';
import { renderBlocks } from '../../../render/blocks.js';
import { logRequest, slackErrorCode } from '../../reply.js';

/** "Compare frameworks": the same query with every convention side by side, only for the clicker. */
const compareButtonCallback = async ({ ack, action, body, respond, logger }: AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockButtonAction>) => {
  const started = performance.now();
  let outcome = 'failed';
  try {
    await ack();
    const decoded = decodeButtonValue(action.value ?? '');
    if (!decoded || !body.response_url) {
      outcome = 'stale_button';
      if (body.response_url) {
        await respond({ response_type: 'ephemeral', replace_original: false, text: 'Sorry, that button no longer carries a question. Run the command again.' });
      }
      return;
    }
    const answer = answerQuery(decoded.query, { command: decoded.command, compare: true });
    outcome = answer.kind;
    await respond({ response_type: 'ephemeral', replace_original: false, ...renderBlocks(answer) });
  } catch (error) {
    outcome = `failed:${slackErrorCode(error)}`;
    logger.error('compare button failed:', error);
  } finally {
    logRequest(logger, { kind: 'action', name: 'paramcount_compare', started, outcome });
  }
};

export { compareButtonCallback };
