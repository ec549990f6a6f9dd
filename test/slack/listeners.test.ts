// The listener callbacks called directly with stub Bolt arguments: what they ignore, what they send,
// and that nothing a user typed reaches Slack able to ping or link.
import { describe, expect, it, vi } from 'vitest';
import { createLogger } from '../../src/logger.js';
import { homeView, CHEAT_SHEET } from '../../src/slack/home-view.js';
import { compareButtonCallback } from '../../src/slack/listeners/actions/compare-button.js';
import { moreButtonCallback } from '../../src/slack/listeners/actions/more-button.js';
import { shareButtonCallback } from '../../src/slack/listeners/actions/share-button.js';
import {
  paramCountCommand,
  paramCountCommandCallback,
} from '../../src/slack/listeners/commands/param-count-command.js';
import { appHomeOpenedCallback } from '../../src/slack/listeners/events/app-home-opened.js';
import { appMentionCallback } from '../../src/slack/listeners/events/app-mention.js';
import { directMessageCallback } from '../../src/slack/listeners/events/direct-message.js';
import { slackErrorCode, stripBotMention } from '../../src/slack/reply.js';
import { messageText } from '../helpers/slack-requests.js';

// The callbacks only touch a few Bolt arguments; the rest of the (large) argument types are irrelevant here.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;

function quietLogger(lines: string[] = []) {
  return createLogger({ level: 'debug', write: (l) => void lines.push(l) });
}

describe('stripBotMention', () => {
  it('removes the bot mention (with or without a label) wherever it is', () => {
    expect(stripBotMention('<@UBOT> /lstm 4096 256', 'UBOT')).toBe('/lstm 4096 256');
    expect(stripBotMention('hey <@UBOT|paramcount> /lstm 1 2', 'UBOT')).toBe('hey  /lstm 1 2');
    expect(stripBotMention('<@UOTHER> <@UBOT> x', 'UBOT')).toBe('<@UOTHER>  x');
  });

  it('without a known bot id, removes only a leading mention', () => {
    expect(stripBotMention('  <@U123ABC> /gru 1 2')).toBe('/gru 1 2');
    expect(stripBotMention('/gru 1 2 <@U123ABC>')).toBe('/gru 1 2 <@U123ABC>');
  });
});

describe('slackErrorCode', () => {
  it('reads the Web API error code, else a code or message', () => {
    expect(slackErrorCode({ data: { ok: false, error: 'not_in_channel' } })).toBe('not_in_channel');
    expect(slackErrorCode(Object.assign(new Error('x'), { code: 'slack_webapi_platform_error' }))).toBe(
      'slack_webapi_platform_error',
    );
    expect(slackErrorCode(new Error('boom'))).toBe('boom');
    expect(slackErrorCode(42)).toBe('unknown_error');
  });
});

describe('slash command callback', () => {
  it('answers in the ack itself, ephemerally, and never posts to response_url', async () => {
    const acked: Any[] = [];
    let responded = 0;
    await paramCountCommandCallback({
      ack: async (m: Any) => void acked.push(m),
      respond: async () => void responded++,
      command: { command: '/lstm', text: '4096 256' },
      logger: quietLogger(),
    } as Any);
    expect(acked).toHaveLength(1);
    expect(responded).toBe(0);
    expect(acked[0].response_type).toBe('ephemeral');
    expect(messageText(acked[0])).toContain('4,457,472');
    expect(messageText(acked[0])).toContain('4,458,496');
  });

  it('user text that is echoed back cannot ping or link', async () => {
    const acked: Any[] = [];
    const hostile = '<!channel> <!here> <@U0BADBAD> <https://evil.example|click> & 4096 256';
    for (const command of ['/lstm', '/params']) {
      await paramCountCommandCallback({
        ack: async (m: Any) => void acked.push(m),
        command: { command, text: hostile },
        logger: quietLogger(),
      } as Any);
    }
    expect(acked).toHaveLength(2);
    for (const m of acked) {
      const text = messageText(m);
      expect(text.length).toBeGreaterThan(0);
      expect(text).not.toContain('<!channel>');
      expect(text).not.toContain('<!here>');
      expect(text).not.toContain('<@U0BADBAD>');
      expect(text).not.toContain('<https://evil.example');
    }
  });

  it("in HTTP mode acks the reply's JSON text, serialised once for a repeated question", async () => {
    const httpCommand = paramCountCommand({ jsonText: true });
    const acked: Any[] = [];
    const ask = () =>
      httpCommand({
        ack: async (m: Any) => void acked.push(m),
        command: { command: '/gru', text: '300 200' },
        logger: quietLogger(),
      } as Any);
    await ask();
    const stringify = vi.spyOn(JSON, 'stringify');
    try {
      await ask();
      expect(stringify).not.toHaveBeenCalled();
    } finally {
      stringify.mockRestore();
    }
    expect(acked).toHaveLength(2);
    expect(typeof acked[0]).toBe('string');
    expect(acked[1]).toBe(acked[0]);
    const reply = JSON.parse(acked[0] as string) as Record<string, unknown>;
    expect(reply.response_type).toBe('ephemeral');
    // GRU 300 -> 200, Keras 2 (reset_after): 3 x (200 x (300 + 200) + 2 x 200) = 301,200.
    expect(messageText(reply)).toContain('301,200');
  });

  it('logs a failure to acknowledge without throwing', async () => {
    const lines: string[] = [];
    await paramCountCommandCallback({
      ack: async () => {
        throw Object.assign(new Error('An incoming event was not acknowledged within 3 seconds'), {
          code: 'slack_bolt_receiver_ack_timeout_error',
        });
      },
      command: { command: '/gru', text: '128 64' },
      logger: quietLogger(lines),
    } as Any);
    expect(lines.some((l) => l.includes('ERROR') && l.includes('command /gru failed to acknowledge'))).toBe(true);
    expect(lines.some((l) => l.includes('command /gru outcome=failed:slack_bolt_receiver_ack_timeout_error'))).toBe(
      true,
    );
  });
});

describe('compare button callback', () => {
  it('answers the decoded query with every framework, ephemerally', async () => {
    const sent: Any[] = [];
    await compareButtonCallback({
      ack: async () => {},
      action: { type: 'button', action_id: 'paramcount_compare', value: JSON.stringify({ q: '/lstm 4096 256' }) },
      body: { response_url: 'http://127.0.0.1:9/unused' },
      respond: async (m: Any) => void sent.push(m),
      logger: quietLogger(),
    } as Any);
    expect(sent).toHaveLength(1);
    expect(sent[0].response_type).toBe('ephemeral');
    expect(sent[0].replace_original).toBe(false);
    expect(messageText(sent[0])).toContain('4,458,496');
  });
});

describe('more and share button callbacks', () => {
  const press = async (callback: Any, action_id: string) => {
    const sent: Any[] = [];
    await callback({
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

describe('event callbacks', () => {
  const dmArgs = (event: Record<string, unknown>, said: Any[]) =>
    ({ event, say: async (m: Any) => void said.push(m), context: { botUserId: 'UBOT' }, logger: quietLogger() }) as Any;

  it('direct messages are answered in their thread', async () => {
    const said: Any[] = [];
    await directMessageCallback(
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
    await directMessageCallback(
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
    await directMessageCallback(
      dmArgs({ type: 'message', channel_type: 'im', channel: 'D1', bot_id: 'B9', text: '/lstm 1 2', ts: '1.1' }, said),
    );
    await directMessageCallback(
      dmArgs({ type: 'message', subtype: 'message_changed', channel_type: 'im', channel: 'D1', ts: '1.2' }, said),
    );
    await directMessageCallback(
      dmArgs(
        { type: 'message', subtype: 'bot_message', channel_type: 'im', channel: 'D1', text: '/lstm 1 2', ts: '1.3' },
        said,
      ),
    );
    await directMessageCallback(
      dmArgs(
        { type: 'message', channel_type: 'channel', channel: 'C1', user: 'U1', text: '/lstm 1 2', ts: '1.4' },
        said,
      ),
    );
    expect(said).toEqual([]);
  });

  it('app_mention strips the mention and answers in the thread', async () => {
    const said: Any[] = [];
    await appMentionCallback(
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
    await appMentionCallback(
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
