// Small helpers shared by the listeners: mention stripping, per-request log lines, Slack error codes,
// and the one retry a reply gets. Nothing here echoes user text; answers go through the renderers,
// which escape it.
import type { Logger } from '@slack/bolt';

const ID_CHARS = /^[A-Z0-9]+$/i;

/** Index just past a mention `<@ID>` or `<@ID|label>` starting at `at`, or -1 when there is none there. */
function mentionEnd(text: string, at: number, botUserId: string | undefined): number {
  if (!text.startsWith('<@', at)) return -1;
  let i = at + 2;
  if (botUserId) {
    if (!text.startsWith(botUserId, i)) return -1;
    i += botUserId.length;
  } else {
    const start = i;
    while (i < text.length && /[A-Za-z0-9]/.test(text[i] as string)) i += 1;
    if (i === start) return -1;
  }
  if (text[i] === '>') return i + 1;
  if (text[i] !== '|') return -1;
  const close = text.indexOf('>', i);
  return close < 0 ? -1 : close + 1;
}

/**
 * Removes mentions of the bot from message text (`<@U123>`, `<@U123|paramcount>`). Without a known
 * bot user id, only a leading mention is removed (an app_mention's text normally starts with it).
 * Plain string code, linear in the text: each character is looked at a bounded number of times.
 */
export function stripBotMention(text: string, botUserId?: string): string {
  if (!botUserId || !ID_CHARS.test(botUserId)) {
    const start = text.length - text.trimStart().length;
    const end = mentionEnd(text, start, undefined);
    return (end < 0 ? text : text.slice(end)).trim();
  }
  const parts: string[] = [];
  let from = 0;
  let searchAt = 0;
  for (;;) {
    const at = text.indexOf(`<@${botUserId}`, searchAt);
    if (at < 0) break;
    const end = mentionEnd(text, at, botUserId);
    if (end < 0) {
      // `<@ID|` with no `>` anywhere after it: no later mention can close either.
      if (text[at + 2 + botUserId.length] === '|') break;
      searchAt = at + 2;
      continue;
    }
    parts.push(text.slice(from, at));
    from = end;
    searchAt = end;
  }
  parts.push(text.slice(from));
  return parts.join('').trim();
}

/** The `error` code of a failed Slack Web API call (`not_in_channel`), else a short description. */
export function slackErrorCode(error: unknown): string {
  if (typeof error === 'object' && error !== null) {
    const data = (error as { data?: { error?: unknown } }).data;
    if (data && typeof data.error === 'string') return data.error;
    const status = (error as { statusCode?: unknown }).statusCode;
    if (typeof status === 'number') return `http_${status}`;
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string') return code;
  }
  if (error instanceof Error) return error.message.slice(0, 120);
  return 'unknown_error';
}

/** The longest a reply waits for Slack before its one retry (a Retry-After beyond it is not waited for). */
export const MAX_RETRY_WAIT_MS = 30_000;
/** Wait before retrying a response_url post that failed with 429 or 5xx (it carries no Retry-After). */
const RESPOND_RETRY_MS = 1000;

/** How long to wait before retrying a failed call to Slack, or undefined when it should not be retried. */
function retryWaitMs(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { code, retryAfter, statusCode } = error as { code?: unknown; retryAfter?: unknown; statusCode?: unknown };
  // The WebClient's rate-limit error (rejectRateLimitedCalls): wait what Retry-After says.
  if (code === 'slack_webapi_rate_limited_error' && typeof retryAfter === 'number') return retryAfter * 1000;
  // respond()'s error for a response_url answered 429 or 5xx. (Web API HTTP errors are retried by the
  // WebClient's own retryConfig.)
  if (
    code === 'slack_bolt_respond_error' &&
    typeof statusCode === 'number' &&
    (statusCode === 429 || statusCode >= 500)
  )
    return RESPOND_RETRY_MS;
  return undefined;
}

/**
 * Sends a reply, retrying once when Slack asks to slow down (429) or failed (5xx on response_url),
 * after the wait Slack asks for if it is at most MAX_RETRY_WAIT_MS. A longer Retry-After fails the
 * reply at once instead of holding it (and, with the WebClient's own handling, every other reply).
 */
export async function withSlackRetry<T>(logger: Logger, what: string, send: () => Promise<T>): Promise<T> {
  try {
    return await send();
  } catch (error) {
    const wait = retryWaitMs(error);
    if (wait === undefined) throw error;
    if (wait > MAX_RETRY_WAIT_MS) {
      logger.warn(
        `${what}: rate limited, Retry-After ${wait / 1000} s is over the ${MAX_RETRY_WAIT_MS / 1000} s a reply may wait; not retried`,
      );
      throw error;
    }
    logger.warn(`${what}: ${slackErrorCode(error)}; retrying once in ${wait / 1000} s (Retry-After or 1 s)`);
    await new Promise((r) => setTimeout(r, wait));
    return send();
  }
}

export interface RequestLog {
  /** 'command', 'action', 'event', 'shortcut'. */
  kind: string;
  /** '/lstm', 'paramcount_share', 'app_mention'... */
  name: string;
  /** performance.now() when the request arrived. */
  started: number;
  /** The answer's kind ('count', 'help', 'error', 'too_slow'), or 'failed:...' / 'ignored'. */
  outcome: string;
  /** Length of the user's text; the text itself is never logged. */
  chars?: number;
}

/** One info line per request: what, how long, how it ended. */
export function logRequest(logger: Logger, r: RequestLog): void {
  const ms = Math.round(performance.now() - r.started);
  logger.info(
    `${r.kind} ${r.name} outcome=${r.outcome} duration_ms=${ms}${r.chars !== undefined ? ` chars=${r.chars}` : ''}`,
  );
}
