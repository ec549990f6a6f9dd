// The users.info locale lookup on its own, with stub clients and a stub clock: what it asks, what
// it remembers and for how long, how many users it keeps, and that a failure is never the reply's.
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';
import { createUserLocaleLookup, USER_LOCALE_DEFAULTS } from '../../src/slack/user-locale.js';
import type { UsersInfoClient } from '../../src/slack/user-locale.js';

function stubClient(locales: Record<string, string | undefined>, asked: Array<Record<string, unknown>> = []) {
  const client: UsersInfoClient = {
    users: {
      info: async (args) => {
        asked.push(args);
        return { user: { locale: locales[args.user] } };
      },
    },
  };
  return client;
}

const logger = (lines: string[] = []) => createLogger({ level: 'debug', write: (l) => void lines.push(l) });

describe('user locale lookup', () => {
  it('asks users.info with include_locale and returns the locale', async () => {
    const asked: Array<Record<string, unknown>> = [];
    const lookup = createUserLocaleLookup();
    expect(await lookup(stubClient({ U1: 'zh-CN' }, asked), 'U1', logger())).toBe('zh-CN');
    expect(asked).toEqual([{ user: 'U1', include_locale: true }]);
  });

  it('keeps 1,000 users for an hour by default', () => {
    expect(USER_LOCALE_DEFAULTS.maxUsers).toBe(1000);
    expect(USER_LOCALE_DEFAULTS.ttlMs).toBe(3_600_000);
  });

  it('remembers a locale until its time is up, then asks again', async () => {
    let now = 0;
    const asked: Array<Record<string, unknown>> = [];
    const locales: Record<string, string> = { U1: 'fr-FR' };
    const client = stubClient(locales, asked);
    const lookup = createUserLocaleLookup({ ttlMs: 1000, now: () => now });
    expect(await lookup(client, 'U1', logger())).toBe('fr-FR');
    locales.U1 = 'zh-CN';
    now = 999;
    expect(await lookup(client, 'U1', logger())).toBe('fr-FR');
    expect(asked).toHaveLength(1);
    now = 1000;
    expect(await lookup(client, 'U1', logger())).toBe('zh-CN');
    expect(asked).toHaveLength(2);
  });

  it('keeps at most maxUsers: the oldest entry is dropped first', async () => {
    const asked: Array<Record<string, unknown>> = [];
    const client = stubClient({ U1: 'fr-FR', U2: 'zh-CN', U3: 'en-US' }, asked);
    const lookup = createUserLocaleLookup({ maxUsers: 2 });
    for (const u of ['U1', 'U2', 'U3']) await lookup(client, u, logger());
    expect(asked).toHaveLength(3);
    await lookup(client, 'U3', logger());
    await lookup(client, 'U2', logger());
    expect(asked).toHaveLength(3); // still cached
    expect(await lookup(client, 'U1', logger())).toBe('fr-FR');
    expect(asked).toHaveLength(4); // U1 had been dropped
  });

  it('a failing lookup resolves to undefined, logs the error code at debug, and is not retried at once', async () => {
    const lines: string[] = [];
    let calls = 0;
    const client: UsersInfoClient = {
      users: {
        info: async () => {
          calls += 1;
          throw Object.assign(new Error('An API error occurred: missing_scope'), { data: { error: 'missing_scope' } });
        },
      },
    };
    const lookup = createUserLocaleLookup();
    expect(await lookup(client, 'U1', logger(lines))).toBeUndefined();
    expect(await lookup(client, 'U1', logger(lines))).toBeUndefined();
    expect(calls).toBe(1);
    expect(lines.some((l) => l.includes('DEBUG') && l.includes('users.info failed (missing_scope)'))).toBe(true);
  });

  it('a lookup that never answers gives up after its timeout', async () => {
    const lines: string[] = [];
    const client: UsersInfoClient = { users: { info: () => new Promise(() => {}) } };
    const lookup = createUserLocaleLookup({ timeoutMs: 5 });
    expect(await lookup(client, 'U1', logger(lines))).toBeUndefined();
    expect(lines.some((l) => l.includes('users.info: no answer within 5 ms'))).toBe(true);
  });

  it('no client, no user id, or no locale in the answer: undefined, without a call', async () => {
    const asked: Array<Record<string, unknown>> = [];
    const lookup = createUserLocaleLookup();
    expect(await lookup(undefined, 'U1', logger())).toBeUndefined();
    expect(await lookup({}, 'U1', logger())).toBeUndefined();
    expect(await lookup(stubClient({}, asked), undefined, logger())).toBeUndefined();
    expect(asked).toHaveLength(0);
    expect(await lookup(stubClient({ U1: undefined }, asked), 'U1', logger())).toBeUndefined();
    expect(asked).toHaveLength(1);
  });
});
