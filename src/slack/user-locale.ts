// The asker's Slack locale ("zh-CN", "fr-FR"), so a reply can be in their language (pickLocale in
// src/i18n decides: `lang=` first, then this, then the question's language). One users.info call
// per user per hour at most, remembered in a small bounded cache. A lookup never holds a reply for
// long nor fails it: without the users:read scope, on an error or past the timeout, the answer
// simply has no Slack locale.
import type { Logger } from '@slack/bolt';
import { slackErrorCode } from './reply.js';

/** The part of Bolt's WebClient used here (listener tests pass stubs, or no client at all). */
export interface UsersInfoClient {
  users?: {
    info?: (args: { user: string; include_locale: boolean }) => Promise<{ user?: { locale?: unknown } }>;
  };
}

export interface UserLocaleOptions {
  /** Users remembered; the oldest entry is dropped past this. */
  maxUsers?: number;
  /** How long a looked-up locale is trusted. */
  ttlMs?: number;
  /** How long a failed lookup is remembered (a missing scope would otherwise cost a call per question). */
  failureTtlMs?: number;
  /** The longest a reply waits for users.info. */
  timeoutMs?: number;
  now?: () => number;
}

export const USER_LOCALE_DEFAULTS = {
  maxUsers: 1000,
  ttlMs: 60 * 60 * 1000,
  failureTtlMs: 5 * 60 * 1000,
  timeoutMs: 1500,
} as const;

export type UserLocaleLookup = (
  client: UsersInfoClient | undefined,
  userId: string | undefined,
  logger: Logger,
) => Promise<string | undefined>;

/** A lookup with its own cache: `lookup(client, userId, logger)` resolves to the locale or undefined, never rejects. */
export function createUserLocaleLookup(options: UserLocaleOptions = {}): UserLocaleLookup {
  const { maxUsers, ttlMs, failureTtlMs, timeoutMs } = { ...USER_LOCALE_DEFAULTS, ...options };
  const now = options.now ?? Date.now;
  // Map keeps insertion order: the first key is the oldest entry.
  const cache = new Map<string, { locale: string | undefined; until: number }>();

  const remember = (userId: string, locale: string | undefined, ttl: number) => {
    cache.delete(userId);
    cache.set(userId, { locale, until: now() + ttl });
    while (cache.size > maxUsers) {
      const oldest = cache.keys().next().value;
      if (oldest === undefined) break;
      cache.delete(oldest);
    }
  };

  return async (client, userId, logger) => {
    const users = client?.users;
    if (!userId || typeof users?.info !== 'function') return undefined;
    const cached = cache.get(userId);
    if (cached && cached.until > now()) return cached.locale;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), timeoutMs);
    });
    try {
      const result = await Promise.race([users.info({ user: userId, include_locale: true }), timeout]);
      if (result === 'timeout') {
        logger.debug(`users.info: no answer within ${timeoutMs} ms; replying without the user's locale`);
        remember(userId, undefined, failureTtlMs);
        return undefined;
      }
      const locale = result.user?.locale;
      const known = typeof locale === 'string' && locale.length > 0 && locale.length <= 16 ? locale : undefined;
      remember(userId, known, known ? ttlMs : failureTtlMs);
      return known;
    } catch (error) {
      // missing_scope (an install without users:read), user_not_found, network: the question's language will do.
      logger.debug(`users.info failed (${slackErrorCode(error)}); replying without the user's locale`);
      remember(userId, undefined, failureTtlMs);
      return undefined;
    } finally {
      clearTimeout(timer);
    }
  };
}

/** The bot's one lookup, shared by every listener. */
export const userLocale: UserLocaleLookup = createUserLocaleLookup();
