import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { answerQuery } from '../../../answer.js';
import { renderBlocks } from '../../../render/blocks.js';
import type { SlackMessage } from '../../../render/blocks.js';
import { logRequest, slackErrorCode } from '../../reply.js';
import { createReplyMemo } from '../../reply-memo.js';
import type { MemoReply } from '../../reply-memo.js';

type CommandReply = SlackMessage & { response_type: 'ephemeral' };

const answerFailed: CommandReply = {
  response_type: 'ephemeral',
  text: 'Sorry, something went wrong while counting that. Try again, or try a smaller example such as `/lstm 4096 256`.',
  blocks: [
    {
      type: 'section',
      text: { type: 'mrkdwn', text: ':warning: Sorry, something went wrong while counting that. Try again, or try a smaller example such as `/lstm 4096 256`.' },
    },
  ],
};

/** Whole ack bodies, remembered for repeated questions (see reply-memo.ts). */
const replies = createReplyMemo<CommandReply>();

const answerCommand = (command: string, text: string) => (): MemoReply<CommandReply> => {
  const answer = answerQuery(text, { command });
  return { kind: answer.kind, message: { response_type: 'ephemeral', ...renderBlocks(answer) } };
};

/**
 * `/lstm 4096 256` and friends: the answer rides in the acknowledgement itself (the HTTP response body,
 * or the Socket Mode envelope's payload), so a command costs Slack one round trip and no extra POST to
 * response_url. Every input is bounded by src/limits.ts, so the answer is ready in milliseconds, far
 * inside Slack's 3-second window.
 */
const paramCountCommandCallback = async ({ ack, command, logger }: AllMiddlewareArgs & SlackCommandMiddlewareArgs) => {
  const started = performance.now();
  let outcome = 'failed';
  let message = answerFailed;
  try {
    const reply = replies.get(command.command, command.text, answerCommand(command.command, command.text));
    message = reply.message;
    outcome = reply.kind;
  } catch (error) {
    // answerQuery turns every bad input into an error answer; this is for a bug of ours, never shown raw.
    logger.error(`command ${command.command} failed while answering:`, error);
  }
  try {
    await ack(message);
  } catch (error) {
    outcome = `failed:${slackErrorCode(error)}`;
    logger.error(`command ${command.command} failed to acknowledge:`, error);
  } finally {
    logRequest(logger, { kind: 'command', name: command.command, started, outcome, chars: command.text.length });
  }
};

export { paramCountCommandCallback };
