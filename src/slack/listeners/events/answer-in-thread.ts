import type { AnswerPool } from '../../../work/pool.js';
import { withSlackRetry } from '../../reply.js';
import type { Logger, SayFn } from '@slack/bolt';

/** Answers a message's text in a worker, in the asker's language, and posts the answer in the message's thread. Returns the answer's kind. */
export async function answerInThread(
  pool: AnswerPool,
  say: SayFn,
  logger: Logger,
  what: string,
  text: string,
  threadTs: string,
  locale: string | undefined,
): Promise<string> {
  const answer = await pool.answer(text, { locale }, 'blocks');
  await withSlackRetry(logger, what, () => say({ thread_ts: threadTs, ...answer.output }));
  return answer.kind;
}
