// Bench child process: the real ParamCount app (createSlackApp) in HTTP mode on 127.0.0.1:0, run from
// the compiled dist/.
//   node bench/server.mjs <slackApiUrl> <signingSecret>
// Sends {port} to the parent over IPC once its answer workers are ready; answers 'cpu' with the CPU
// time it has used; 'prof:start' / 'prof:stop' profile its main thread; stops on 'stop'.
import { Session } from 'node:inspector/promises';
import { createSlackApp } from '../dist/slack/app.js';
import { createLogger } from '../dist/logger.js';

const [slackApiUrl, signingSecret] = process.argv.slice(2);
const BENCH_BOT_TOKEN = 'xoxb-0000-1111-benchbottoken';

const slack = createSlackApp(
  {
    mode: 'http',
    botToken: BENCH_BOT_TOKEN,
    signingSecret,
    port: 0,
    logLevel: 'info',
    answerDeadlineMs: 2000,
    slackApiUrl,
  },
  { host: '127.0.0.1', logger: createLogger({ level: 'warn', secrets: [BENCH_BOT_TOKEN, signingSecret] }) },
);
await slack.start();
process.send({ port: slack.port() });

let session;
process.on('message', async (m) => {
  if (m === 'cpu') {
    // CPU time this process has used so far (user + system, microseconds, workers included): the
    // parent diffs it around a run.
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
    await slack.stop(2000).catch(() => {});
    process.exit(0);
  }
});
