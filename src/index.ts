// Entry point (`npm start`): configuration decides the mode.
//   Socket Mode (SLACK_APP_TOKEN + SLACK_BOT_TOKEN), HTTP mode (SLACK_SIGNING_SECRET + SLACK_BOT_TOKEN),
//   or console mode (no Slack credentials: commands typed on stdin, answers on stdout).
// A bad configuration prints one line naming the variable at fault and exits 1. SIGTERM/SIGINT stop
// accepting work, let in-flight replies finish, stop the app and exit 0.
import { ConfigError, loadConfig, loadDotenv, secretsOf } from './config.js';
import type { Config } from './config.js';
import { flushLogs, redact } from './logger.js';

/** In-flight replies get this long past the answer deadline, so an answer being worked on is still sent. */
const SHUTDOWN_GRACE_PAST_DEADLINE_MS = 2000;
/** ...and the process exits this long after that whatever happens. */
const SHUTDOWN_HARD_MARGIN_MS = 4000;

function fail(message: string, secrets: readonly string[] = []): never {
  flushLogs(); // the logger's last lines first, so this one stays the last
  process.stderr.write(`paramcount: ${redact(message, secrets).split('\n')[0]}\n`);
  process.exit(1);
}

function describeError(error: unknown): string {
  if (error instanceof Error) {
    const data = (error as { data?: { error?: unknown } }).data;
    const code =
      data && typeof data.error === 'string' && !error.message.includes(data.error) ? ` (${data.error})` : '';
    return `${error.message}${code}`;
  }
  return String(error);
}

async function main(): Promise<void> {
  loadDotenv();
  let config: Config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) fail(error.message);
    throw error;
  }

  if (config.mode === 'console') {
    const [{ runConsole }, { createAnswerPool }] = await Promise.all([
      import('./console.js'),
      import('./work/pool.js'),
    ]);
    // One question at a time: one worker, started now so it loads while stdin is read.
    const pool = createAnswerPool({ deadlineMs: config.answerDeadlineMs, minThreads: 1, maxThreads: 1 });
    try {
      process.exitCode = await runConsole({ pool, input: process.stdin, output: process.stdout });
    } finally {
      await pool.close();
    }
    // stdin may still be open (the reader of our output went away first); nothing more to read.
    process.stdin.destroy();
    return;
  }

  const secrets = secretsOf(config);
  const { createSlackApp } = await import('./slack/app.js');
  const slack = createSlackApp(config);
  try {
    await slack.start();
  } catch (error) {
    fail(
      `could not start in ${config.mode === 'socket' ? 'Socket Mode' : 'HTTP mode'}: ${describeError(error)}`,
      secrets,
    );
  }
  slack.logger.info(
    config.mode === 'http'
      ? `ParamCount is running in HTTP mode on port ${slack.port()} (POST /slack/events, GET /healthz)`
      : 'ParamCount is running in Socket Mode',
  );

  const graceMs = config.answerDeadlineMs + SHUTDOWN_GRACE_PAST_DEADLINE_MS;
  let shuttingDown = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (shuttingDown) return;
    shuttingDown = true;
    slack.logger.info(`${signal} received: finishing in-flight replies, then stopping`);
    setTimeout(() => {
      slack.logger.warn('Shutdown took too long; exiting anyway');
      process.exit(0);
    }, graceMs + SHUTDOWN_HARD_MARGIN_MS).unref();
    slack
      .stop(graceMs)
      .catch((error: unknown) => slack.logger.warn('Error while stopping:', error))
      .finally(() => {
        slack.logger.info('Stopped');
        process.exit(0);
      });
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
}

main().catch((error: unknown) => {
  fail(describeError(error));
});
