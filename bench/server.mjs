// Bench child process: one Slack app in HTTP mode on 127.0.0.1:0, run from the compiled dist/.
//   node bench/server.mjs bot  <slackApiUrl> <signingSecret>   the real ParamCount app (createSlackApp)
//   node bench/server.mjs bare <slackApiUrl> <signingSecret>   a bare Bolt app whose /lstm only acks
//   node bench/server.mjs fixed <slackApiUrl> <signingSecret>  the same bare app, but it acks with a
//        fixed answer rendered once at start: the price of sending the answer's bytes, without working it out
// Both use the same HTTPReceiver settings (endpoint, processBeforeResponse: false, /healthz route; the
// bot's server also labels its JSON text acks, src/slack/json-response.ts),
// the same signing secret, bot token and Web API base URL. Sends {port} to the parent over IPC and
// stops on 'stop'.
import { Session } from 'node:inspector/promises';
import { createSlackApp } from '../dist/slack/app.js';
import { createLogger } from '../dist/logger.js';
import { answerQuery } from '../dist/answer.js';
import { renderBlocks } from '../dist/render/blocks.js';
import { BENCH_BOT_TOKEN, createBareApp } from './bare-app.mjs';

const [kind, slackApiUrl, signingSecret] = process.argv.slice(2);

async function startBot() {
  const slack = createSlackApp(
    { mode: 'http', botToken: BENCH_BOT_TOKEN, signingSecret, port: 0, logLevel: 'info', slackApiUrl },
    { host: '127.0.0.1' },
  );
  await slack.start();
  return { port: slack.port(), stop: () => slack.stop(2000) };
}

async function startBare(withAnswer) {
  const logger = createLogger({ level: 'info', name: 'bare', secrets: [BENCH_BOT_TOKEN, signingSecret] });
  const ackWith = withAnswer
    ? { response_type: 'ephemeral', ...renderBlocks(answerQuery('4096 256', { command: '/lstm' })) }
    : undefined;
  const app = createBareApp({ signingSecret, slackApiUrl, logger, ackWith });
  const server = await app.start({ port: 0, host: '127.0.0.1' });
  return { port: server.address().port, stop: () => app.stop() };
}

const started = kind === 'bot' ? await startBot() : await startBare(kind === 'fixed');
process.send({ port: started.port });
let session;
process.on('message', async (m) => {
  // Steady-state CPU profile on request (the parent warms up first): 'prof:start', then 'prof:stop'
  // answers with {profile}.
  if (m === 'cpu') {
    // CPU time this process has used so far (user + system, microseconds): the parent diffs it around a run.
    const { user, system } = process.cpuUsage();
    process.send({ cpu: user + system });
  } else if (m === 'prof:start') {
    session = new Session();
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 200 });
    await session.post('Profiler.start');
    process.send({ profiling: true });
  } else if (m === 'prof:stop' && session) {
    const { profile } = await session.post('Profiler.stop');
    session.disconnect();
    process.send({ profile });
  } else if (m === 'stop') {
    await started.stop().catch(() => {});
    process.exit(0);
  }
});
