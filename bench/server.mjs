// Bench child process: one Slack app in HTTP mode on 127.0.0.1:0, run from the compiled dist/.
//   node bench/server.mjs bot  <slackApiUrl> <signingSecret>   the real ParamCount app (createSlackApp)
//   node bench/server.mjs bare <slackApiUrl> <signingSecret>   a bare Bolt app whose /lstm only acks
//   node bench/server.mjs fixed <slackApiUrl> <signingSecret>  the same bare app, but it acks with a
//        fixed answer rendered once at start: the price of sending the answer's bytes, without working it out
// Both use the same HTTPReceiver settings (endpoint, processBeforeResponse: false, /healthz route),
// the same signing secret, bot token and Web API base URL. Sends {port} to the parent over IPC and
// stops on 'stop'.
import { Session } from 'node:inspector/promises';
import bolt from '@slack/bolt';
import { createSlackApp, httpReceiverSettings } from '../dist/slack/app.js';
import { createLogger } from '../dist/logger.js';
import { answerQuery } from '../dist/answer.js';
import { renderBlocks } from '../dist/render/blocks.js';

const { App, HTTPReceiver } = bolt;
const [kind, slackApiUrl, signingSecret] = process.argv.slice(2);
const BOT_TOKEN = 'xoxb-0000-1111-benchbottoken';

async function startBot() {
  const slack = createSlackApp(
    { mode: 'http', botToken: BOT_TOKEN, signingSecret, port: 0, logLevel: 'info', slackApiUrl },
    { host: '127.0.0.1' },
  );
  await slack.start();
  return { port: slack.port(), stop: () => slack.stop(2000) };
}

async function startBare(withAnswer) {
  const logger = createLogger({ level: 'info', name: 'bare', secrets: [BOT_TOKEN, signingSecret] });
  const receiver = new HTTPReceiver({ ...httpReceiverSettings(signingSecret, logger, () => false), port: 0 });
  const app = new App({ token: BOT_TOKEN, receiver, logger, clientOptions: { slackApiUrl } });
  const fixed = withAnswer ? { response_type: 'ephemeral', ...renderBlocks(answerQuery('4096 256', { command: '/lstm' })) } : undefined;
  app.command('/lstm', async ({ ack }) => {
    await ack(fixed);
  });
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
