// The benchmark's reference: a bare Bolt app whose /lstm only acks (or acks with a fixed reply), with
// the bot's own HTTP receiver settings and Bolt's defaults otherwise, as a plain Bolt app would have.
// bench/server.mjs serves it over HTTP; bench/run.mjs's dispatch part calls its processEvent directly.
import bolt from '@slack/bolt';
import { httpReceiverSettings } from '../dist/slack/app.js';

/** The bot token both the bot and the bare app are given in the benchmark (never sent anywhere real). */
export const BENCH_BOT_TOKEN = 'xoxb-0000-1111-benchbottoken';

/** A bare Bolt app: `ackWith` undefined acks with an empty body, an object acks with that reply. */
export function createBareApp({ signingSecret, slackApiUrl, logger, ackWith }) {
  const receiver = new bolt.HTTPReceiver({ ...httpReceiverSettings(signingSecret, logger, () => false), port: 0 });
  const app = new bolt.App({ token: BENCH_BOT_TOKEN, receiver, logger, clientOptions: { slackApiUrl } });
  app.command('/lstm', async ({ ack }) => {
    await ack(ackWith);
  });
  return app;
}
