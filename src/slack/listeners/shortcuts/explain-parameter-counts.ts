import type { AllMiddlewareArgs, MessageShortcut, SlackShortcutMiddlewareArgs } from '@slack/bolt';
import type { AnswerPool } from '../../../work/pool.js';
import { logRequest, slackErrorCode, stripBotMention, withSlackRetry } from '../../reply.js';
import { userLocale } from '../../user-locale.js';

/**
 * Message shortcut "Explain parameter counts": answers the message's text in its thread. When the bot
 * cannot post there (not_in_channel, channel_not_found...), the answer goes to the user alone, first
 * with chat.postEphemeral and, if that fails too, through the shortcut's response_url.
 */
const explainParameterCountsCallback =
  (pool: AnswerPool) =>
  async ({
    ack,
    shortcut,
    client,
    respond,
    context,
    logger,
  }: AllMiddlewareArgs & SlackShortcutMiddlewareArgs<MessageShortcut>) => {
    const started = performance.now();
    let outcome = 'failed';
    const text = stripBotMention(shortcut.message.text ?? '', context.botUserId);
    try {
      await ack();
      // In the language of whoever asked for the explanation (they may not be the message's author).
      const locale = await userLocale(client, shortcut.user.id, logger);
      const answer = await pool.answer(text, { locale }, 'blocks');
      const reply = answer.output;
      const channel = shortcut.channel.id;
      const threadTs = (shortcut.message.thread_ts as string | undefined) ?? shortcut.message.ts;
      try {
        await client.chat.postMessage({ channel, thread_ts: threadTs, ...reply });
        outcome = answer.kind;
        return;
      } catch (error) {
        logger.warn(`shortcut: chat.postMessage failed (${slackErrorCode(error)}); answering ephemerally`);
      }
      try {
        await client.chat.postEphemeral({ channel, user: shortcut.user.id, thread_ts: threadTs, ...reply });
        outcome = `${answer.kind}:ephemeral`;
        return;
      } catch (error) {
        logger.warn(`shortcut: chat.postEphemeral failed (${slackErrorCode(error)}); answering via response_url`);
      }
      await withSlackRetry(logger, 'shortcut reply', () => respond({ response_type: 'ephemeral', ...reply }));
      outcome = `${answer.kind}:response_url`;
    } catch (error) {
      outcome = `failed:${slackErrorCode(error)}`;
      logger.error('shortcut reply failed:', error);
    } finally {
      logRequest(logger, { kind: 'shortcut', name: 'explain_parameter_counts', started, outcome, chars: text.length });
    }
  };

export { explainParameterCountsCallback };
