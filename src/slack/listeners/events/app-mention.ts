import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { answerQuery } from '../../../answer.js';
import { renderBlocks } from '../../../render/blocks.js';
import { logRequest, slackErrorCode, stripBotMention } from '../../reply.js';

/** `@ParamCount /lstm 4096 256` or a mention with pasted code: answer in the thread. */
const appMentionCallback = async ({
  event,
  say,
  context,
  logger,
}: AllMiddlewareArgs & SlackEventMiddlewareArgs<'app_mention'>) => {
  const started = performance.now();
  let outcome = 'failed';
  const text = stripBotMention(event.text ?? '', context.botUserId);
  try {
    if (event.subtype !== undefined && event.subtype !== 'thread_broadcast') {
      outcome = 'ignored';
      return;
    }
    const answer = answerQuery(text);
    outcome = answer.kind;
    await say({ thread_ts: event.thread_ts ?? event.ts, ...renderBlocks(answer) });
  } catch (error) {
    outcome = `failed:${slackErrorCode(error)}`;
    logger.error('app_mention reply failed:', error);
  } finally {
    logRequest(logger, { kind: 'event', name: 'app_mention', started, outcome, chars: text.length });
  }
};

export { appMentionCallback };
