// The listener callbacks called directly with stub Bolt arguments (as the Bolt starter template's
// tests do), answering through a real worker pool: what they ignore, what they send, and that
// nothing a user typed reaches Slack able to ping or link.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';
import { homeView, CHEAT_SHEET } from '../../src/slack/home-view.js';
import { compareButtonCallback } from '../../src/slack/listeners/actions/compare-button.js';
import { moreButtonCallback } from '../../src/slack/listeners/actions/more-button.js';
import { shareButtonCallback } from '../../src/slack/listeners/actions/share-button.js';
import { paramCountCommand } from '../../src/slack/listeners/commands/param-count-command.js';
import { appHomeOpenedCallback } from '../../src/slack/listeners/events/app-home-opened.js';
import { appMentionCallback } from '../../src/slack/listeners/events/app-mention.js';
import { directMessageCallback } from '../../src/slack/listeners/events/direct-message.js';
import { explainParameterCountsCallback } from '../../src/slack/listeners/shortcuts/explain-parameter-counts.js';
import { t } from '../../src/i18n/index.js';
import { slackErrorCode, stripBotMention, withSlackRetry } from '../../src/slack/reply.js';
import { createAnswerPool } from '../../src/work/pool.js';
import type { AnswerPool } from '../../src/work/pool.js';
import { ensureBuilt } from '../helpers/build.js';
import { messageText } from '../helpers/slack-requests.js';

// The callbacks only touch a few Bolt arguments; the rest of the (large) argument types are irrelevant here.
// biome-ignore lint/suspicious/noExplicitAny: stub Bolt arguments
type Any = any;

function quietLogger(lines: string[] = []) {
  return createLogger({ level: 'debug', write: (l) => void lines.push(l) });
}

let pool: AnswerPool;

beforeAll(() => {
  ensureBuilt(); // the pool's workers run dist/work/task.js
  pool = createAnswerPool({ minThreads: 1, maxThreads: 2 });
}, 240_000);

afterAll(async () => {
  await pool?.close();
});

describe('stripBotMention', () => {
  it('removes the bot mention (with or without a label) wherever it is', () => {
    expect(stripBotMention('<@UBOT> /lstm 4096 256', 'UBOT')).toBe('/lstm 4096 256');
    expect(stripBotMention('hey <@UBOT|paramcount> /lstm 1 2', 'UBOT')).toBe('hey  /lstm 1 2');
    expect(stripBotMention('<@UOTHER> <@UBOT> x', 'UBOT')).toBe('<@UOTHER>  x');
    expect(stripBotMention('<@UBOTX> <@UBOT>', 'UBOT')).toBe('<@UBOTX>');
  });

  it('without a known bot id, removes only a leading mention', () => {
    expect(stripBotMention('  <@U123ABC> /gru 1 2')).toBe('/gru 1 2');
    expect(stripBotMention('/gru 1 2 <@U123ABC>')).toBe('/gru 1 2 <@U123ABC>');
  });

  it('an unclosed labelled mention, repeated, is left as it is (the scan stops at the first)', () => {
    const text = '<@UBOT|'.repeat(14_000);
    expect(stripBotMention(text, 'UBOT')).toBe(text);
    expect(stripBotMention(`${'<@UBOT|'.repeat(3)}> x`, 'UBOT')).toBe('x');
  });
});

describe('slackErrorCode', () => {
  it('reads the Web API error code, else an HTTP status, a code or a message', () => {
    expect(slackErrorCode({ data: { ok: false, error: 'not_in_channel' } })).toBe('not_in_channel');
    expect(slackErrorCode(Object.assign(new Error('x'), { code: 'slack_webapi_platform_error' }))).toBe(
      'slack_webapi_platform_error',
    );
    expect(slackErrorCode(Object.assign(new Error('Failed to respond'), { statusCode: 404 }))).toBe('http_404');
    expect(slackErrorCode(new Error('boom'))).toBe('boom');
    expect(slackErrorCode(42)).toBe('unknown_error');
  });
});

describe('withSlackRetry', () => {
  const rateLimited = (seconds: number) =>
    Object.assign(new Error('rate limited'), { code: 'slack_webapi_rate_limited_error', retryAfter: seconds });

  it('retries once after the Retry-After Slack asks for', async () => {
    const lines: string[] = [];
    let calls = 0;
    const result = await withSlackRetry(quietLogger(lines), 'reply', async () => {
      calls += 1;
      if (calls === 1) throw rateLimited(0);
      return 'sent';
    });
    expect(result).toBe('sent');
    expect(calls).toBe(2);
    expect(lines.some((l) => l.includes('WARN') && l.includes('retrying once in 0 s'))).toBe(true);
  });

  it('does not wait for a Retry-After over 30 s: fails at once, saying why', async () => {
    const lines: string[] = [];
    let calls = 0;
    const send = async () => {
      calls += 1;
      throw rateLimited(3600);
    };
    await expect(withSlackRetry(quietLogger(lines), 'reply', send)).rejects.toThrow('rate limited');
    expect(calls).toBe(1);
    expect(lines.some((l) => l.includes('Retry-After 3600 s is over the 30 s a reply may wait'))).toBe(true);
  });

  it('does not retry other failures (a Web API error code, a 404 response_url, a Web API 500 the WebClient retried)', async () => {
    for (const error of [
      Object.assign(new Error('x'), { data: { error: 'not_in_channel' } }),
      Object.assign(new Error('x'), { code: 'slack_bolt_respond_error', statusCode: 404 }),
      Object.assign(new Error('x'), { code: 'slack_webapi_http_error', statusCode: 500 }),
    ]) {
      let calls = 0;
      await expect(
        withSlackRetry(quietLogger(), 'reply', async () => {
          calls += 1;
          throw error;
        }),
      ).rejects.toBe(error);
      expect(calls).toBe(1);
    }
  });
});

describe('slash command callback', { timeout: 30_000 }, () => {
  const commandArgs = (command: string, text: string, acked: Any[], responded: Any[], lines: string[] = []) =>
    ({
      ack: async (m?: Any) => void acked.push(m),
      respond: async (m: Any) => void responded.push(m),
      command: { command, text },
      logger: quietLogger(lines),
    }) as Any;

  it('acks at once (empty), then responds ephemerally with the derivation and its buttons', async () => {
    const acked: Any[] = [];
    const responded: Any[] = [];
    const lines: string[] = [];
    await paramCountCommand(pool)(commandArgs('/lstm', '4096 256', acked, responded, lines));
    expect(acked).toEqual([undefined]);
    expect(responded).toHaveLength(1);
    expect(responded[0].response_type).toBe('ephemeral');
    expect(messageText(responded[0])).toContain('4,457,472');
    expect(messageText(responded[0])).toContain('4,458,496');
    const ids = JSON.stringify(responded[0].blocks);
    expect(ids).toContain('paramcount_share');
    expect(ids).toContain('paramcount_compare');
    const line = lines.find((l) => l.includes('command /lstm'));
    expect(line).toMatch(/INFO .*command \/lstm outcome=count duration_ms=\d+ chars=8/);
  });

  it('user text that is echoed back cannot ping or link', async () => {
    const responded: Any[] = [];
    const hostile = '<!channel> <!here> <@U0BADBAD> <https://evil.example|click> & 4096 256';
    for (const command of ['/lstm', '/params']) {
      await paramCountCommand(pool)(commandArgs(command, hostile, [], responded));
    }
    expect(responded).toHaveLength(2);
    for (const m of responded) {
      const text = messageText(m);
      expect(text.length).toBeGreaterThan(0);
      expect(text).not.toContain('<!channel>');
      expect(text).not.toContain('<!here>');
      expect(text).not.toContain('<@U0BADBAD>');
      expect(text).not.toContain('<https://evil.example');
    }
  });

  it('a failure to acknowledge is logged with its stack at error level, without throwing', async () => {
    const lines: string[] = [];
    await paramCountCommand(pool)({
      ack: async () => {
        throw Object.assign(new Error('An incoming event was not acknowledged within 3 seconds'), {
          code: 'slack_bolt_receiver_ack_timeout_error',
        });
      },
      respond: async () => {},
      command: { command: '/gru', text: '128 64' },
      logger: createLogger({ level: 'info', write: (l) => void lines.push(l) }),
    } as Any);
    const error = lines.find((l) => l.includes('ERROR') && l.includes('command /gru failed'));
    expect(error).toMatch(/\n\s+at /); // the stack, indented under the line
    expect(lines.some((l) => l.includes('command /gru outcome=failed:slack_bolt_receiver_ack_timeout_error'))).toBe(
      true,
    );
  });
});

describe('button callbacks', { timeout: 30_000 }, () => {
  const pressArgs = (actionId: string, value: string, sent: Any[]) =>
    ({
      ack: async () => {},
      action: { type: 'button', action_id: actionId, value },
      body: { response_url: 'http://127.0.0.1:9/unused' },
      respond: async (m: Any) => void sent.push(m),
      logger: quietLogger(),
    }) as Any;

  it('Compare answers the decoded query with every framework, ephemerally', async () => {
    const sent: Any[] = [];
    await compareButtonCallback(pool)(pressArgs('paramcount_compare', JSON.stringify({ q: '/lstm 4096 256' }), sent));
    expect(sent).toHaveLength(1);
    expect(sent[0].response_type).toBe('ephemeral');
    expect(sent[0].replace_original).toBe(false);
    expect(messageText(sent[0])).toContain('4,458,496');
  });

  it('Share posts in the channel; a stale value gets a polite ephemeral reply', async () => {
    const sent: Any[] = [];
    await shareButtonCallback(pool)(pressArgs('paramcount_share', JSON.stringify({ q: '/gru 128 64' }), sent));
    expect(sent[0].response_type).toBe('in_channel');
    expect(messageText(sent[0])).toContain('37,248');
    await shareButtonCallback(pool)(pressArgs('paramcount_share', 'garbage', sent));
    expect(sent[1].response_type).toBe('ephemeral');
    expect(sent[1].text).toMatch(/Run the command again/);
  });
});

describe('more and share button callbacks', () => {
  const press = async (callback: Any, action_id: string) => {
    const sent: Any[] = [];
    await callback(pool)({
      ack: async () => {},
      action: { type: 'button', action_id, value: JSON.stringify({ q: '/lstm 4096 256' }) },
      body: { response_url: 'http://127.0.0.1:9/unused' },
      respond: async (m: Any) => void sent.push(m),
      logger: quietLogger(),
    } as Any);
    return sent;
  };
  it('More answers with the full derivation (tensors, memory), only for the clicker', async () => {
    const sent = await press(moreButtonCallback, 'paramcount_more');
    expect(sent).toHaveLength(1);
    expect(sent[0].response_type).toBe('ephemeral');
    expect(messageText(sent[0])).toContain('recurrent_kernel');
    expect(messageText(sent[0])).toContain('Memory: 17.0 MiB in float32');
  });
  it('Share posts the short answer for everyone, without buttons', async () => {
    const sent = await press(shareButtonCallback, 'paramcount_share');
    expect(sent[0].response_type).toBe('in_channel');
    expect(JSON.stringify(sent[0].blocks)).not.toContain('"actions"');
    expect(messageText(sent[0])).toContain('4,457,472');
  });
});

describe('event callbacks', { timeout: 30_000 }, () => {
  const dmArgs = (event: Record<string, unknown>, said: Any[]) =>
    ({ event, say: async (m: Any) => void said.push(m), context: { botUserId: 'UBOT' }, logger: quietLogger() }) as Any;

  it('direct messages are answered in their thread', async () => {
    const said: Any[] = [];
    await directMessageCallback(pool)(
      dmArgs(
        { type: 'message', channel_type: 'im', channel: 'D1', user: 'U1', text: '/lstm 4096 256', ts: '10.1' },
        said,
      ),
    );
    expect(said).toHaveLength(1);
    expect(said[0].thread_ts).toBe('10.1');
    expect(messageText(said[0])).toContain('4,457,472');
  });

  it('replies inside a DM thread stay in that thread', async () => {
    const said: Any[] = [];
    await directMessageCallback(pool)(
      dmArgs(
        {
          type: 'message',
          channel_type: 'im',
          channel: 'D1',
          user: 'U1',
          text: '/gru 128 64',
          ts: '10.5',
          thread_ts: '10.1',
        },
        said,
      ),
    );
    expect(said[0].thread_ts).toBe('10.1');
  });

  it('bot messages, edits and other subtypes, and non-DM channels are ignored', async () => {
    const said: Any[] = [];
    const dm = directMessageCallback(pool);
    await dm(
      dmArgs({ type: 'message', channel_type: 'im', channel: 'D1', bot_id: 'B9', text: '/lstm 1 2', ts: '1.1' }, said),
    );
    await dm(
      dmArgs({ type: 'message', subtype: 'message_changed', channel_type: 'im', channel: 'D1', ts: '1.2' }, said),
    );
    await dm(
      dmArgs(
        { type: 'message', subtype: 'bot_message', channel_type: 'im', channel: 'D1', text: '/lstm 1 2', ts: '1.3' },
        said,
      ),
    );
    await dm(
      dmArgs(
        { type: 'message', channel_type: 'channel', channel: 'C1', user: 'U1', text: '/lstm 1 2', ts: '1.4' },
        said,
      ),
    );
    expect(said).toEqual([]);
  });

  it('app_mention strips the mention and answers in the thread', async () => {
    const said: Any[] = [];
    await appMentionCallback(pool)(
      dmArgs(
        {
          type: 'app_mention',
          channel: 'C1',
          user: 'U1',
          text: '<@UBOT> /lstm 4096 256',
          ts: '20.2',
          thread_ts: '20.1',
        },
        said,
      ),
    );
    expect(said[0].thread_ts).toBe('20.1');
    expect(messageText(said[0])).toContain('4,458,496');
  });

  it('a bare mention gets the help answer', async () => {
    const said: Any[] = [];
    await appMentionCallback(pool)(
      dmArgs({ type: 'app_mention', channel: 'C1', user: 'U1', text: '<@UBOT>', ts: '30.1' }, said),
    );
    expect(said).toHaveLength(1);
    expect(said[0].thread_ts).toBe('30.1');
    expect(messageText(said[0])).toContain('/lstm');
  });

  it('app_home_opened publishes the Home tab, only for the home tab', async () => {
    const published: Any[] = [];
    const client = { views: { publish: async (a: Any) => void published.push(a) } };
    await appHomeOpenedCallback({
      event: { type: 'app_home_opened', user: 'U7', tab: 'messages', channel: 'D7' },
      client,
      logger: quietLogger(),
    } as Any);
    expect(published).toEqual([]);
    await appHomeOpenedCallback({
      event: { type: 'app_home_opened', user: 'U7', tab: 'home', channel: 'D7' },
      client,
      logger: quietLogger(),
    } as Any);
    expect(published).toHaveLength(1);
    expect(published[0].user_id).toBe('U7');
    expect(published[0].view).toEqual(homeView());
  });
});

describe("the asker's Slack locale (users.info)", { timeout: 30_000 }, () => {
  // A Bolt client stub whose users.info answers this locale (user ids unique to this block: the lookup caches).
  const clientWithLocale = (locale: string, posted: Any[] = []) => ({
    users: { info: async (args: Any) => ({ ok: true, user: { id: args.user, locale } }) },
    chat: { postMessage: async (m: Any) => void posted.push(m) },
    views: { publish: async (m: Any) => void posted.push(m) },
  });

  it('a direct message from a zh-CN user is answered in Chinese', async () => {
    const said: Any[] = [];
    await directMessageCallback(pool)({
      event: { type: 'message', channel_type: 'im', channel: 'D1', user: 'ULZH1', text: '/lstm 4096 256', ts: '40.1' },
      say: async (m: Any) => void said.push(m),
      client: clientWithLocale('zh-CN'),
      context: { botUserId: 'UBOT' },
      logger: quietLogger(),
    } as Any);
    expect(messageText(said[0])).toContain(t('zh', 'title-how'));
    expect(messageText(said[0])).toContain('4,457,472 个参数');
  });

  it('the message shortcut answers in the language of whoever used it', async () => {
    const posted: Any[] = [];
    await explainParameterCountsCallback(pool)({
      ack: async () => {},
      shortcut: {
        type: 'message_action',
        callback_id: 'explain_parameter_counts',
        user: { id: 'ULFR1' },
        channel: { id: 'C1' },
        message: { type: 'message', user: 'U2', ts: '50.1', text: '/lstm 4096 256' },
      },
      client: clientWithLocale('fr-FR', posted),
      respond: async () => {},
      context: { botUserId: 'UBOT' },
      logger: quietLogger(),
    } as Any);
    expect(posted).toHaveLength(1);
    expect(messageText(posted[0])).toContain(t('fr', 'title-how'));
    expect(messageText(posted[0])).toContain('paramètres');
  });

  it("app_home_opened publishes the cheat sheet in the user's language; an unsupported locale gets English", async () => {
    const published: Any[] = [];
    const open = (user: string, locale: string) =>
      appHomeOpenedCallback({
        event: { type: 'app_home_opened', user, tab: 'home', channel: 'D7' },
        client: clientWithLocale(locale, published),
        logger: quietLogger(),
      } as Any);
    await open('ULZH2', 'zh-CN');
    await open('ULDE1', 'de-DE');
    expect(published[0].view).toEqual(homeView('zh'));
    expect(published[1].view).toEqual(homeView('en'));
    expect(JSON.stringify(published[0].view)).toContain(t('zh', 'home-intro'));
  });
});

describe('home view', () => {
  it('is a home view within Block Kit limits, with every cheat sheet example copyable', () => {
    const view = homeView();
    expect(view.type).toBe('home');
    expect(view.blocks.length).toBeLessThanOrEqual(100);
    const json = JSON.stringify(view);
    for (const { example } of CHEAT_SHEET) expect(json).toContain(JSON.stringify(example).slice(1, -1));
    expect(json).toContain('model.summary()');
    expect(json).toContain('keras.Sequential');
    expect(json).not.toMatch(/<[!@]/);
  });
});
