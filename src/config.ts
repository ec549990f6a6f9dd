// Environment -> a validated, typed configuration and the run mode derived from it.
//
//   SLACK_APP_TOKEN (xapp-) + SLACK_BOT_TOKEN (xoxb-)        -> Socket Mode
//   SLACK_SIGNING_SECRET + SLACK_BOT_TOKEN, no app token     -> HTTP mode on PORT (default 3000)
//   no Slack credentials at all                              -> console mode (stdin/stdout)
//
// `loadConfig(env)` is pure (give it any record, e.g. process.env) and throws a ConfigError whose
// message names the variables at fault but never contains their values. `loadDotenv()` reads a .env
// file from the working directory the way `import 'dotenv/config'` does, quietly, and never
// overrides variables that are already set.
import { config as dotenvConfig } from 'dotenv';
import { z } from 'zod';
import { readHubConfig } from './hub/config.js';
import { DEFAULT_ANSWER_DEADLINE_MS } from './work/limits.js';

export const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;
export type LogLevelName = (typeof LOG_LEVELS)[number];

export const DEFAULT_PORT = 3000;
const MIN_DEADLINE_MS = 100;
const MAX_DEADLINE_MS = 60_000;

interface CommonConfig {
  logLevel: LogLevelName;
  /** ANSWER_DEADLINE_MS: the per-answer work deadline. */
  answerDeadlineMs: number;
}

export interface ConsoleConfig extends CommonConfig {
  mode: 'console';
}

export interface SocketModeConfig extends CommonConfig {
  mode: 'socket';
  botToken: string;
  appToken: string;
  /** Base URL of the Slack Web API, always ending in '/'; undefined means Slack's default. */
  slackApiUrl: string | undefined;
}

export interface HttpModeConfig extends CommonConfig {
  mode: 'http';
  botToken: string;
  signingSecret: string;
  port: number;
  slackApiUrl: string | undefined;
}

export type SlackConfig = SocketModeConfig | HttpModeConfig;
export type Config = ConsoleConfig | SlackConfig;
export type Mode = Config['mode'];

/** A bad configuration. `problems` holds one sentence per fault; none of them quotes a value. */
export class ConfigError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`Invalid configuration: ${problems.join('; ')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

type Env = Record<string, string | undefined>;

/** '' and whitespace-only values count as unset (a `.env` line like `SLACK_APP_TOKEN=`). */
const optionalTrimmed = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => {
    if (typeof v !== 'string') return v;
    const t = v.trim();
    return t === '' ? undefined : t;
  }, schema.optional());

/** Token shape check whose messages only ever mention prefixes, never the value. */
function tokenSchema(name: string, prefix: string, kind: string) {
  return z.string().superRefine((value, ctx) => {
    if (value.startsWith(prefix) && /^[A-Za-z0-9-]+$/.test(value) && value.length > prefix.length) return;
    let hint = '';
    if (prefix !== 'xapp-' && value.startsWith('xapp-'))
      hint = ' (it looks like an app-level token; that one goes in SLACK_APP_TOKEN)';
    else if (prefix !== 'xoxb-' && value.startsWith('xoxb-'))
      hint = ' (it looks like a bot token; that one goes in SLACK_BOT_TOKEN)';
    else if (/^xox[a-z]-/.test(value) && !value.startsWith(prefix))
      hint = ' (it looks like another kind of Slack token)';
    else if (value.startsWith(prefix)) hint = ' (it contains characters a Slack token never has)';
    ctx.addIssue({ code: 'custom', message: `${name} must be ${kind} starting with "${prefix}"${hint}` });
  });
}

const DEADLINE_MESSAGE = `ANSWER_DEADLINE_MS must be a whole number of milliseconds from ${MIN_DEADLINE_MS} to ${MAX_DEADLINE_MS}`;

const EnvSchema = z
  .object({
    SLACK_BOT_TOKEN: optionalTrimmed(tokenSchema('SLACK_BOT_TOKEN', 'xoxb-', 'a bot token')),
    SLACK_APP_TOKEN: optionalTrimmed(tokenSchema('SLACK_APP_TOKEN', 'xapp-', 'an app-level token')),
    SLACK_SIGNING_SECRET: optionalTrimmed(
      z.string().regex(/^\S+$/, { message: 'SLACK_SIGNING_SECRET must not contain spaces' }),
    ),
    PORT: optionalTrimmed(
      z
        .string()
        .regex(/^\d{1,5}$/, { message: 'PORT must be a whole number from 0 to 65535' })
        .transform(Number)
        .refine((n) => n <= 65535, { message: 'PORT must be a whole number from 0 to 65535' }),
    ),
    SLACK_API_URL: optionalTrimmed(
      z.string().transform((value, ctx) => {
        let url: URL;
        try {
          url = new URL(value);
        } catch {
          ctx.addIssue({
            code: 'custom',
            message: 'SLACK_API_URL must be an absolute http(s) URL such as https://slack.com/api/',
          });
          return z.NEVER;
        }
        if (url.protocol !== 'http:' && url.protocol !== 'https:') {
          ctx.addIssue({ code: 'custom', message: 'SLACK_API_URL must use http or https' });
          return z.NEVER;
        }
        if (url.username || url.password) {
          ctx.addIssue({ code: 'custom', message: 'SLACK_API_URL must not contain credentials' });
          return z.NEVER;
        }
        url.search = '';
        url.hash = '';
        if (!url.pathname.endsWith('/')) url.pathname += '/';
        return url.href;
      }),
    ),
    ANSWER_DEADLINE_MS: optionalTrimmed(
      z
        .string()
        .regex(/^\d{1,6}$/, { message: DEADLINE_MESSAGE })
        .transform(Number)
        .refine((n) => n >= MIN_DEADLINE_MS && n <= MAX_DEADLINE_MS, { message: DEADLINE_MESSAGE }),
    ),
    LOG_LEVEL: optionalTrimmed(
      z
        .string()
        .transform((s) => s.toLowerCase())
        .pipe(z.enum(LOG_LEVELS, { message: `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}` })),
    ),
  })
  .superRefine((env, ctx) => {
    // Presence rules; they look at which variables are set, not at whether each one is valid.
    const bot = env.SLACK_BOT_TOKEN !== undefined;
    const app = env.SLACK_APP_TOKEN !== undefined;
    const secret = env.SLACK_SIGNING_SECRET !== undefined;
    if (!bot && (app || secret)) {
      const given = [app && 'SLACK_APP_TOKEN', secret && 'SLACK_SIGNING_SECRET'].filter(Boolean).join(' and ');
      ctx.addIssue({
        code: 'custom',
        path: ['SLACK_BOT_TOKEN'],
        message: `SLACK_BOT_TOKEN is missing (${given} ${app && secret ? 'are' : 'is'} set; the bot needs its xoxb- token too)`,
      });
    }
    if (bot && !app && !secret) {
      ctx.addIssue({
        code: 'custom',
        path: ['SLACK_APP_TOKEN'],
        message:
          'SLACK_BOT_TOKEN is set but neither SLACK_APP_TOKEN (for Socket Mode) nor SLACK_SIGNING_SECRET (for HTTP mode) is; set one of them, or unset SLACK_BOT_TOKEN for console mode',
      });
    }
  });

/** Validates an environment record and derives the run mode. Pure; throws ConfigError. */
export function loadConfig(env: Env): Config {
  const picked: Env = {};
  for (const key of [
    'SLACK_BOT_TOKEN',
    'SLACK_APP_TOKEN',
    'SLACK_SIGNING_SECRET',
    'PORT',
    'SLACK_API_URL',
    'LOG_LEVEL',
    'ANSWER_DEADLINE_MS',
  ]) {
    picked[key] = env[key];
  }
  const result = EnvSchema.safeParse(picked);
  if (!result.success) {
    // Our own messages name the variable; zod's generic ones (rare) get the path prepended.
    const problems = result.error.issues.map((issue) => {
      const name = String(issue.path[0] ?? 'environment');
      return /^[A-Z_]+ /.test(issue.message) ? issue.message : `${name}: ${issue.message}`;
    });
    throw new ConfigError([...new Set(problems)]);
  }
  // HF_ENDPOINT / HF_TOKEN: the Hub step reads them when it runs; a bad one stops start-up here.
  const hub = readHubConfig(env);
  if (!hub.ok) throw new ConfigError(hub.problems);
  const e = result.data;
  const logLevel: LogLevelName = e.LOG_LEVEL ?? 'info';
  const answerDeadlineMs = e.ANSWER_DEADLINE_MS ?? DEFAULT_ANSWER_DEADLINE_MS;
  if (e.SLACK_BOT_TOKEN === undefined) return { mode: 'console', logLevel, answerDeadlineMs };
  if (e.SLACK_APP_TOKEN !== undefined) {
    return {
      mode: 'socket',
      logLevel,
      answerDeadlineMs,
      botToken: e.SLACK_BOT_TOKEN,
      appToken: e.SLACK_APP_TOKEN,
      slackApiUrl: e.SLACK_API_URL,
    };
  }
  if (e.SLACK_SIGNING_SECRET !== undefined) {
    return {
      mode: 'http',
      logLevel,
      answerDeadlineMs,
      botToken: e.SLACK_BOT_TOKEN,
      signingSecret: e.SLACK_SIGNING_SECRET,
      port: e.PORT ?? DEFAULT_PORT,
      slackApiUrl: e.SLACK_API_URL,
    };
  }
  // Unreachable: the schema rejects a bot token with neither partner.
  throw new ConfigError(['SLACK_APP_TOKEN or SLACK_SIGNING_SECRET is missing']);
}

/** The secret values in a config, for log redaction. */
export function secretsOf(config: Config): string[] {
  switch (config.mode) {
    case 'console':
      return [];
    case 'socket':
      return [config.botToken, config.appToken];
    case 'http':
      return [config.botToken, config.signingSecret];
  }
}

/**
 * Reads `.env` from the working directory into process.env like `import 'dotenv/config'`, but
 * quietly (dotenv 17 otherwise prints a banner on stdout) and never overriding variables already set.
 */
export function loadDotenv(path?: string): void {
  dotenvConfig({ quiet: true, override: false, ...(path ? { path } : {}) });
}
