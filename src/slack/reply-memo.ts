// Rendered replies to short slash-command queries, remembered: the answer is a pure function of the
// command and its text, and teams ask the same few questions again and again (`/lstm 4096 256`, the
// cheat sheet's examples, the sizes in the model under review). A hit skips parsing, counting,
// rendering and, in HTTP mode, serialising: the reply's JSON text is made once, on first use, and
// kept with it.
//
// Bounded twice: at most MAX_ENTRIES replies (least recently used goes first), and only queries of
// at most MAX_QUERY_CHARS characters (shorthand; pasted code is long, varied and answered afresh), so
// the memo stays a few megabytes at most. Replies are frozen: a hit can never be changed by a reader.
import type { Answer } from '../answer-types.js';
import type { SlackMessage } from '../render/blocks.js';

export const MAX_ENTRIES = 1000;
export const MAX_QUERY_CHARS = 200;

/** A reply as the listener works it out. */
export interface Reply<M extends SlackMessage = SlackMessage> {
  /** The answer's kind ('count', 'help', 'error'), for the request log. */
  kind: Answer['kind'];
  /** The reply as sent (a slash command keeps its whole ack body, response_type included). */
  message: M;
}

/** A reply as the memo hands it out: the same, plus its JSON text, serialised at most once. */
export interface MemoReply<M extends SlackMessage = SlackMessage> extends Readonly<Reply<M>> {
  /** JSON.stringify(message), made on first read and kept. */
  readonly json: string;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** The reply with a lazily made, then kept, JSON text. */
function withJson<M extends SlackMessage>({ kind, message }: Reply<M>): MemoReply<M> {
  let json: string | undefined;
  return Object.freeze({
    kind,
    message,
    get json() {
      json ??= JSON.stringify(message);
      return json;
    },
  });
}

export interface ReplyMemo<M extends SlackMessage = SlackMessage> {
  /** The reply to `command text`, worked out by `answer` on a miss. */
  get(command: string, text: string, answer: () => Reply<M>): MemoReply<M>;
  readonly size: number;
}

export function createReplyMemo<M extends SlackMessage = SlackMessage>(
  maxEntries = MAX_ENTRIES,
  maxQueryChars = MAX_QUERY_CHARS,
): ReplyMemo<M> {
  const entries = new Map<string, MemoReply<M>>();
  return {
    get(command, text, answer) {
      if (text.length > maxQueryChars) return withJson(answer());
      const key = `${command}\u0000${text}`;
      const hit = entries.get(key);
      if (hit) {
        // Map keeps insertion order: re-inserting marks the entry most recently used.
        entries.delete(key);
        entries.set(key, hit);
        return hit;
      }
      const fresh = answer();
      const reply = withJson({ kind: fresh.kind, message: deepFreeze(fresh.message) });
      entries.set(key, reply);
      if (entries.size > maxEntries) entries.delete(entries.keys().next().value as string);
      return reply;
    },
    get size() {
      return entries.size;
    },
  };
}
