import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { answerQuery } from '../../../answer.js';
import { renderBlocks } from '../../../render/blocks.js';
import { logRequest, slackErrorCode, stripBotMention } from '../../reply.js';

/** A direct message to the bot (message.im): answer in its thread. Bot messages and edits are ignored. */
const directMessageCallback = async ({
  event,
  say,
  context,
  logger,
}: AllMiddlewareArgs & SlackEventMiddlewareArgs<'message'>) => {
  if (event.channel_type !== 'im' || event.subtype !== undefined || event.bot_id !== undefined) return;
  const started = performance.now();
  let outcome = 'failed';
  const text = stripBotMention(event.text ?? '', context.botUserId);
  try {
    const answer = answerQuery(text);
    outcome = answer.kind;
    await say({ thread_ts: event.thread_ts ?? event.ts, ...renderBlocks(answer) });
  } catch (error) {
    outcome = `failed:${slackErrorCode(error)}`;
    logger.error('direct message reply failed:', error);
  } finally {
    logRequest(logger, { kind: 'event', name: 'message.im', started, outcome, chars: text.length });
  }
};

export { directMessageCallback };
