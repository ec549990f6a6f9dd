import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { answerQuery } from '../../../answer.js';
import { renderBlocks } from '../../../render/blocks.js';
import type { SlackMessage } from '../../../render/blocks.js';
import { logRequest, slackErrorCode } from '../../reply.js';
import { createReplyMemo } from '../../reply-memo.js';
import type { Reply } from '../../reply-memo.js';

type CommandReply = SlackMessage & { response_type: 'ephemeral' };

const answerFailed: CommandReply = {
  response_type: 'ephemeral',
  text: 'Sorry, something went wrong while counting that. Try again, or try a smaller example such as `/lstm 4096 256`.',
  blocks: [
    {
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: ':warning: Sorry, something went wrong while counting that. Try again, or try a smaller example such as `/lstm 4096 256`.',
      },
    },
  ],
};

/** Whole ack bodies, remembered for repeated questions (see reply-memo.ts). */
const replies = createReplyMemo<CommandReply>();

const answerFailedJson = JSON.stringify(answerFailed);

const answerCommand = (command: string, text: string) => (): Reply<CommandReply> => {
  const answer = answerQuery(text, { command });
  return { kind: answer.kind, message: { response_type: 'ephemeral', ...renderBlocks(answer) } };
};

export interface CommandAckOptions {
  /**
   * Ack with the reply's JSON text instead of the object (HTTP mode): a memo hit then sends JSON made
   * once, not re-serialised by Bolt on every request. Bolt writes a text ack without a Content-Type;
   * the HTTP server's JsonDefaultResponse (src/slack/json-response.ts) labels it application/json.
   * Socket Mode acks with the object: its ack payload must be an object inside Bolt's envelope.
   */
  jsonText: boolean;
}

/**
 * `/lstm 4096 256` and friends: the answer rides in the acknowledgement itself (the HTTP response body,
 * or the Socket Mode envelope's payload), so a command costs Slack one round trip and no extra POST to
 * response_url. Every input is bounded by src/limits.ts, so the answer is ready in milliseconds, far
 * inside Slack's 3-second window.
 */
const paramCountCommand =
  ({ jsonText }: CommandAckOptions) =>
  async ({ ack, command, logger }: AllMiddlewareArgs & SlackCommandMiddlewareArgs) => {
    const started = performance.now();
    let outcome = 'failed';
    let body: CommandReply | string = jsonText ? answerFailedJson : answerFailed;
    try {
      const reply = replies.get(command.command, command.text, answerCommand(command.command, command.text));
      body = jsonText ? reply.json : reply.message;
      outcome = reply.kind;
    } catch (error) {
      // answerQuery turns every bad input into an error answer; this is for a bug of ours, never shown raw.
      logger.error(`command ${command.command} failed while answering:`, error);
    }
    try {
      await ack(body);
    } catch (error) {
      outcome = `failed:${slackErrorCode(error)}`;
      logger.error(`command ${command.command} failed to acknowledge:`, error);
    } finally {
      logRequest(logger, { kind: 'command', name: command.command, started, outcome, chars: command.text.length });
    }
  };

/** The Socket Mode listener (acks with the reply object); tests call it with stub Bolt arguments. */
const paramCountCommandCallback = paramCountCommand({ jsonText: false });

export { paramCountCommand, paramCountCommandCallback };
