// Replies in the asker's language, end to end: the real Bolt app in HTTP mode, a fake Slack Web API
// on loopback whose users.info answers each user's locale, and signed requests. pickLocale decides
// (`lang=` first, then the Slack locale, then the question's language); the Slack door supplies the
// locale, and a failed or slow users.info never stops the reply.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HttpModeConfig } from '../../src/config.js';
import { formatNumber, t } from '../../src/i18n/index.js';
import { createSlackApp } from '../../src/slack/app.js';
import type { ParamCountSlackApp } from '../../src/slack/app.js';
import { homeView } from '../../src/slack/home-view.js';
import { ensureBuilt } from '../helpers/build.js';
import { captureLogger } from '../helpers/capture-logger.js';
import { startFakeSlack } from '../helpers/fake-slack.js';
import type { FakeSlack } from '../helpers/fake-slack.js';
import {
  blockActionPayload,
  eventCallback,
  findButtons,
  formBody,
  messageText,
  signedPost,
  slashCommandBody,
} from '../helpers/slack-requests.js';

const SECRET = 'test-signing-secret-locale-0123456789';
const BOT_TOKEN = 'xoxb-1111-2222-localetoken';

let fake: FakeSlack;
let slack: ParamCountSlackApp;
let base: string;
let logLines: string[];

const KERAS = 4457472n;
const CUDNN = 4458496n;

const post = (rawBody: string, options: Parameters<typeof signedPost>[3] = {}) =>
  signedPost(`${base}/slack/events`, SECRET, rawBody, options);

/** `command text` from `user`; resolves to the reply posted to its response_url. */
async function ask(user: string, command: string, text: string, responseId: string) {
  const body = { ...slashCommandBody(command, text, fake.responseUrl(responseId)), user_id: user };
  const res = await post(formBody(body));
  expect(res.status).toBe(200);
  return (await fake.waitForResponse(responseId)).body;
}

beforeAll(async () => {
  ensureBuilt(); // answers come from the worker pool, which runs dist/work/task.js
  fake = await startFakeSlack();
  fake.setUserLocale('UZH', 'zh-CN');
  fake.setUserLocale('UFR', 'fr-FR');
  fake.setUserLocale('UEN', 'en-US');
  fake.setUserLocale('UZHERR', 'zh-CN');
  fake.setUserLocale('UZHSLOW', 'zh-CN');
  const config: HttpModeConfig = {
    mode: 'http',
    botToken: BOT_TOKEN,
    signingSecret: SECRET,
    port: 0,
    logLevel: 'debug',
    answerDeadlineMs: 5000,
    slackApiUrl: fake.apiUrl,
  };
  const captured = captureLogger('debug', [BOT_TOKEN, SECRET]);
  logLines = captured.lines;
  slack = createSlackApp(config, { host: '127.0.0.1', logger: captured.logger });
  await slack.start();
  base = `http://127.0.0.1:${slack.port()}`;
}, 240_000);

afterAll(async () => {
  await slack?.stop(2000);
  await fake?.close();
});

describe('replies in the Slack user’s language', { timeout: 30_000 }, () => {
  it('a zh-CN user gets /lstm 4096 256 in Chinese, asking users.info with include_locale', async () => {
    const reply = await ask('UZH', '/lstm', '4096 256', 'zh-lstm');
    const text = messageText(reply);
    expect(text).toContain(t('zh', 'title-how')); // 计算过程
    expect(text).toContain('计算过程');
    expect(text).toContain(`${formatNumber('zh', KERAS)} 个参数`);
    expect(text).not.toContain(t('en', 'title-how'));
    const lookup = fake.calls.find((c) => c.method === 'users.info' && c.args.user === 'UZH');
    expect(lookup?.args.include_locale).toBe('true');
    expect(lookup?.authorization).toBe(`Bearer ${BOT_TOKEN}`);
  });

  it('the locale is remembered: a second question from the same user makes no second users.info call', async () => {
    const reply = await ask('UZH', '/gru', '128 64', 'zh-gru');
    expect(messageText(reply)).toContain(`${formatNumber('zh', 37248n)} 个参数`);
    expect(fake.calls.filter((c) => c.method === 'users.info' && c.args.user === 'UZH')).toHaveLength(1);
  });

  it('a fr-FR user gets French, numbers grouped the French way', async () => {
    const text = messageText(await ask('UFR', '/lstm', '4096 256', 'fr-lstm'));
    expect(text).toContain(t('fr', 'title-how')); // Le calcul
    expect(text).toContain(`${formatNumber('fr', KERAS)} paramètres`);
    expect(formatNumber('fr', KERAS)).not.toBe('4,457,472');
    expect(text).not.toContain('4,457,472');
  });

  it('an en-US user asking in French gets French', async () => {
    const text = messageText(await ask('UEN', '/params', 'combien de paramètres pour un LSTM 4096 256 ?', 'en-fr'));
    expect(text).toContain(`${formatNumber('fr', KERAS)} paramètres`);
    expect(text).not.toContain('parameters');
  });

  it('an en-US user asking in English gets English', async () => {
    const text = messageText(await ask('UEN', '/lstm', '4096 256', 'en-en'));
    expect(text).toContain(t('en', 'title-how'));
    expect(text).toContain('4,457,472 parameters');
  });

  it('lang=en forces English for a zh-CN user', async () => {
    const text = messageText(await ask('UZH', '/lstm', '4096 256 lang=en', 'zh-lang-en'));
    expect(text).toContain('4,457,472 parameters');
    expect(text).toContain(t('en', 'title-how'));
    expect(text).not.toContain('计算过程');
  });

  it('users.info failing (missing_scope) still answers, in the question’s language (English)', async () => {
    fake.reply('users.info', { ok: false, error: 'missing_scope', needed: 'users:read' });
    const text = messageText(await ask('UZHERR', '/lstm', '4096 256', 'err-lstm'));
    expect(text).toContain('4,457,472 parameters');
    expect(text).not.toContain('计算过程');
    // Logged at debug, with the error code and nothing the user typed.
    const line = logLines.find((l) => l.includes('users.info failed (missing_scope)'));
    expect(line).toMatch(/DEBUG/);
    expect(line).not.toContain('4096');
  });

  it('users.info not answering still answers, in English, once the short lookup timeout passes', async () => {
    fake.failHttp('users.info', 'hang');
    const text = messageText(await ask('UZHSLOW', '/lstm', '4096 256', 'slow-lstm'));
    expect(text).toContain('4,457,472 parameters');
    expect(text).toContain('4,458,496');
    expect(logLines.some((l) => l.includes('users.info: no answer within'))).toBe(true);
  });

  it('More and Share answer in the clicker’s language', async () => {
    const reply = await ask('UFR', '/lstm', '4096 256', 'fr-for-buttons');
    const more = findButtons(reply.blocks, 'paramcount_more')[0]?.value;
    const share = findButtons(reply.blocks, 'paramcount_share')[0]?.value;
    expect(more && share).toBeTruthy();
    const press = (actionId: string, value: string, id: string) => {
      const payload = { ...blockActionPayload(actionId, value, fake.responseUrl(id)), user: { id: 'UFR', name: 'f' } };
      return post(formBody({ payload: JSON.stringify(payload) }));
    };
    await press('paramcount_more', more!, 'fr-more');
    await press('paramcount_share', share!, 'fr-share');
    for (const id of ['fr-more', 'fr-share']) {
      const text = messageText((await fake.waitForResponse(id)).body);
      expect(text).toContain(`${formatNumber('fr', CUDNN)}`);
      expect(text).toContain('paramètres');
      expect(text).not.toContain('parameters');
    }
  });

  it('an app_mention from a zh-CN user is answered in Chinese in the thread', async () => {
    const event = { type: 'app_mention', user: 'UZH', channel: 'C0001', text: '<@UBOT> /lstm 4096 256', ts: '1.5' };
    await post(JSON.stringify(eventCallback(event, 'Ev-zh-mention')), { contentType: 'application/json' });
    const sent = await fake.waitForCall((c) => c.method === 'chat.postMessage' && c.args.thread_ts === '1.5');
    expect(messageText(sent.args)).toContain('计算过程');
  });

  it('App Home is published in the user’s language', async () => {
    const event = { type: 'app_home_opened', user: 'UFR', channel: 'D0001', tab: 'home', event_ts: '2.5' };
    await post(JSON.stringify(eventCallback(event, 'Ev-fr-home')), { contentType: 'application/json' });
    const published = await fake.waitForCall((c) => c.method === 'views.publish' && c.args.user_id === 'UFR');
    expect(published.args.view).toEqual(JSON.parse(JSON.stringify(homeView('fr'))));
    expect(JSON.stringify(published.args.view)).toContain(t('fr', 'home-intro').slice(0, 30));
  });
});
