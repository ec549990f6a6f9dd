import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, secretsOf } from '../src/config.js';

const BOT = 'xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx';
const APP = 'xapp-1-A0123456789-1234567890123-0123456789abcdef0123456789abcdef';
const SECRET = '8f14e45fceea167a5a36dedd4bea2543';

function configError(env: Record<string, string | undefined>): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig: modes', () => {
  it('no Slack credentials at all -> console mode', () => {
    expect(loadConfig({})).toEqual({ mode: 'console', logLevel: 'info', answerDeadlineMs: 2000 });
    expect(loadConfig({ PATH: '/usr/bin', PORT: '8080', LOG_LEVEL: 'debug' })).toEqual({
      mode: 'console',
      logLevel: 'debug',
      answerDeadlineMs: 2000,
    });
  });

  it('empty values count as unset (a .env with blank lines still means console mode)', () => {
    expect(loadConfig({ SLACK_BOT_TOKEN: '', SLACK_APP_TOKEN: '  ', SLACK_SIGNING_SECRET: '' }).mode).toBe('console');
  });

  it('app token + bot token -> Socket Mode', () => {
    const c = loadConfig({ SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: APP });
    expect(c).toEqual({
      mode: 'socket',
      logLevel: 'info',
      answerDeadlineMs: 2000,
      botToken: BOT,
      appToken: APP,
      slackApiUrl: undefined,
    });
  });

  it('Socket Mode wins when the signing secret is set too', () => {
    expect(loadConfig({ SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: APP, SLACK_SIGNING_SECRET: SECRET }).mode).toBe(
      'socket',
    );
  });

  it('signing secret + bot token, no app token -> HTTP mode on PORT, default 3000', () => {
    expect(loadConfig({ SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: SECRET })).toEqual({
      mode: 'http',
      logLevel: 'info',
      answerDeadlineMs: 2000,
      botToken: BOT,
      signingSecret: SECRET,
      port: 3000,
      slackApiUrl: undefined,
    });
    const c = loadConfig({ SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: SECRET, PORT: '8080' });
    expect(c.mode === 'http' && c.port).toBe(8080);
    const zero = loadConfig({ SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: SECRET, PORT: '0' });
    expect(zero.mode === 'http' && zero.port).toBe(0);
  });

  it('trims surrounding whitespace from values', () => {
    const c = loadConfig({ SLACK_BOT_TOKEN: ` ${BOT}\n`, SLACK_APP_TOKEN: `${APP} ` });
    expect(c.mode === 'socket' && [c.botToken, c.appToken]).toEqual([BOT, APP]);
  });
});

describe('loadConfig: SLACK_API_URL and LOG_LEVEL', () => {
  it('normalises SLACK_API_URL to end with "/"', () => {
    const c = loadConfig({ SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: APP, SLACK_API_URL: 'http://127.0.0.1:8089/api' });
    expect(c.mode === 'socket' && c.slackApiUrl).toBe('http://127.0.0.1:8089/api/');
    const d = loadConfig({
      SLACK_BOT_TOKEN: BOT,
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: 'https://slack.com/api/',
    });
    expect(d.mode === 'http' && d.slackApiUrl).toBe('https://slack.com/api/');
  });

  it('rejects a SLACK_API_URL that is not an http(s) URL', () => {
    expect(configError({ SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: APP, SLACK_API_URL: 'slack.com/api' }).message).toMatch(
      /SLACK_API_URL/,
    );
    expect(
      configError({ SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: APP, SLACK_API_URL: 'ftp://example.com/' }).message,
    ).toMatch(/SLACK_API_URL/);
  });

  it('accepts LOG_LEVEL in any case and rejects unknown levels', () => {
    expect(loadConfig({ LOG_LEVEL: 'WARN' }).logLevel).toBe('warn');
    for (const level of ['debug', 'info', 'warn', 'error'] as const)
      expect(loadConfig({ LOG_LEVEL: level }).logLevel).toBe(level);
    expect(configError({ LOG_LEVEL: 'verbose' }).message).toMatch(/LOG_LEVEL must be one of debug, info, warn, error/);
  });

  it('ANSWER_DEADLINE_MS sets the per-answer deadline, in every mode, within 100 ms to 60 s', () => {
    expect(loadConfig({ ANSWER_DEADLINE_MS: '5000' }).answerDeadlineMs).toBe(5000);
    expect(
      loadConfig({ SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: APP, ANSWER_DEADLINE_MS: ' 100 ' }).answerDeadlineMs,
    ).toBe(100);
    for (const value of ['99', '60001', '2s', '-5', '1.5']) {
      expect(configError({ ANSWER_DEADLINE_MS: value }).message).toMatch(
        /ANSWER_DEADLINE_MS must be a whole number of milliseconds from 100 to 60000/,
      );
    }
  });

  it('rejects a PORT that is not a port number', () => {
    for (const port of ['http', '-1', '65536', '80.5']) {
      expect(configError({ SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: SECRET, PORT: port }).message).toMatch(
        /PORT must be a whole number/,
      );
    }
  });
});

describe('loadConfig: partial or malformed credentials', () => {
  it('bot token alone names both possible partners', () => {
    const e = configError({ SLACK_BOT_TOKEN: BOT });
    expect(e.message).toMatch(/SLACK_APP_TOKEN/);
    expect(e.message).toMatch(/SLACK_SIGNING_SECRET/);
  });

  it('app token or signing secret without a bot token names SLACK_BOT_TOKEN', () => {
    expect(configError({ SLACK_APP_TOKEN: APP }).message).toMatch(/SLACK_BOT_TOKEN is missing/);
    expect(configError({ SLACK_SIGNING_SECRET: SECRET }).message).toMatch(/SLACK_BOT_TOKEN is missing/);
    expect(configError({ SLACK_APP_TOKEN: APP, SLACK_SIGNING_SECRET: SECRET }).message).toMatch(
      /SLACK_BOT_TOKEN is missing/,
    );
  });

  it('a bot token that is not xoxb- is rejected, with a hint when the tokens are swapped', () => {
    expect(configError({ SLACK_BOT_TOKEN: 'xoxp-1234-5678-userToken', SLACK_APP_TOKEN: APP }).message).toMatch(
      /SLACK_BOT_TOKEN must be a bot token starting with "xoxb-"/,
    );
    const swapped = configError({ SLACK_BOT_TOKEN: APP, SLACK_APP_TOKEN: BOT });
    expect(swapped.problems.some((p) => p.startsWith('SLACK_BOT_TOKEN') && p.includes('SLACK_APP_TOKEN'))).toBe(true);
    expect(swapped.problems.some((p) => p.startsWith('SLACK_APP_TOKEN') && p.includes('SLACK_BOT_TOKEN'))).toBe(true);
  });

  it('an app token that is not xapp- is rejected', () => {
    expect(configError({ SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: 'not-a-token' }).message).toMatch(
      /SLACK_APP_TOKEN must be an app-level token starting with "xapp-"/,
    );
    expect(configError({ SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: 'xapp-' }).message).toMatch(/SLACK_APP_TOKEN/);
  });

  it('a signing secret with spaces inside is rejected', () => {
    expect(configError({ SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: 'abc def' }).message).toMatch(
      /SLACK_SIGNING_SECRET/,
    );
  });

  it('never echoes any secret value in the error message', () => {
    const cases: Array<Record<string, string>> = [
      { SLACK_BOT_TOKEN: BOT },
      { SLACK_APP_TOKEN: APP },
      { SLACK_SIGNING_SECRET: SECRET },
      { SLACK_BOT_TOKEN: APP, SLACK_APP_TOKEN: BOT },
      { SLACK_BOT_TOKEN: 'xoxb-has spaces-inside', SLACK_SIGNING_SECRET: SECRET },
      { SLACK_BOT_TOKEN: 'mysteryvalue-1234', SLACK_APP_TOKEN: 'othermystery-5678' },
      { SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: 'with space secret', LOG_LEVEL: 'loud' },
    ];
    for (const env of cases) {
      const e = configError(env);
      for (const value of Object.values(env)) {
        expect(e.message).not.toContain(value);
        // Not even a recognisable chunk of it.
        if (value.length >= 15) expect(e.message).not.toContain(value.slice(5, 15));
      }
    }
  });
});

describe('secretsOf', () => {
  it('lists the values to redact for each mode', () => {
    expect(secretsOf(loadConfig({}))).toEqual([]);
    expect(secretsOf(loadConfig({ SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: APP }))).toEqual([BOT, APP]);
    expect(secretsOf(loadConfig({ SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: SECRET }))).toEqual([BOT, SECRET]);
  });
});
