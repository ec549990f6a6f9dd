// The router behind the app's one global middleware: each request reaches the listener registered
// for its kind and name, with Bolt's arguments untouched; anything else goes on down Bolt's chain.
import { describe, expect, it } from 'vitest';
import {
  COMPARE_ACTION_ID,
  DETAILS_ACTION_ID,
  EXPLAIN_CALLBACK_ID,
  SHARE_ACTION_ID,
  SLASH_COMMANDS,
} from '../../src/slack/ids.js';
import { compareButtonCallback } from '../../src/slack/listeners/actions/compare-button.js';
import { detailsButtonCallback } from '../../src/slack/listeners/actions/details-button.js';
import { shareButtonCallback } from '../../src/slack/listeners/actions/share-button.js';
import { appHomeOpenedCallback } from '../../src/slack/listeners/events/app-home-opened.js';
import { appMentionCallback } from '../../src/slack/listeners/events/app-mention.js';
import { directMessageCallback } from '../../src/slack/listeners/events/direct-message.js';
import registerListeners from '../../src/slack/listeners/index.js';
import { createRouter } from '../../src/slack/listeners/router.js';
import { explainParameterCountsCallback } from '../../src/slack/listeners/shortcuts/explain-parameter-counts.js';
import type { Track } from '../../src/slack/listeners/track.js';

// Requests are stub Bolt middleware arguments: only the fields the router reads, plus a marker.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;

function setup() {
  const calls: string[] = [];
  let wrapped = 0;
  const track: Track = (listener) => {
    wrapped += 1;
    return async (...args) => {
      calls.push('track');
      await listener(...args);
    };
  };
  const { router, middleware } = createRouter(track);
  const hear = (name: string) => async (args: Any) => void calls.push(`${name}:${args.marker}`);
  router.command('/lstm', hear('lstm'));
  router.command('/gru', hear('gru'));
  router.button('paramcount_share', hear('share'));
  router.event('app_mention', hear('mention'));
  router.event('message', hear('message'));
  router.messageShortcut('explain_parameter_counts', hear('explain'));
  const send = async (args: Record<string, unknown>) => {
    let nexts = 0;
    await middleware({ ...args, marker: 'm', next: async () => void nexts++ } as Any);
    return nexts;
  };
  return { calls, send, router, wrapped: () => wrapped };
}

const button = (actionId: string, bodyType = 'block_actions', type = 'button') => ({
  body: { type: bodyType },
  action: { type, action_id: actionId },
});

describe('listener router', () => {
  it('hands each request to the listener for its kind and name, tracked, and stops there', async () => {
    const { calls, send, wrapped } = setup();
    expect(wrapped()).toBe(6);
    expect(await send({ command: { command: '/gru', text: '128 64' }, body: {} })).toBe(0);
    expect(await send(button('paramcount_share'))).toBe(0);
    expect(await send({ event: { type: 'app_mention' }, body: {} })).toBe(0);
    expect(await send({ event: { type: 'message' }, body: {} })).toBe(0);
    expect(
      await send({ shortcut: { type: 'message_action', callback_id: 'explain_parameter_counts' }, body: {} }),
    ).toBe(0);
    expect(calls).toEqual([
      'track',
      'gru:m',
      'track',
      'share:m',
      'track',
      'mention:m',
      'track',
      'message:m',
      'track',
      'explain:m',
    ]);
  });

  it('passes on, untouched, whatever it has no listener for', async () => {
    const { calls, send } = setup();
    const passed = [
      await send({ command: { command: '/rnn' }, body: {} }),
      await send(button('paramcount_unknown')),
      // A legacy interactive message's button, and a block_actions select menu, are not answer buttons.
      await send(button('paramcount_share', 'interactive_message')),
      await send(button('paramcount_share', 'block_actions', 'static_select')),
      await send({ event: { type: 'reaction_added' }, body: {} }),
      // A global shortcut with the same callback_id is not the message shortcut.
      await send({ shortcut: { type: 'shortcut', callback_id: 'explain_parameter_counts' }, body: {} }),
      await send({ view: { type: 'modal' }, body: { type: 'view_submission' } }),
    ];
    expect(passed).toEqual([1, 1, 1, 1, 1, 1, 1]);
    expect(calls).toEqual([]);
  });

  it('refuses a second listener for the same name', () => {
    const { router } = setup();
    expect(() => router.command('/lstm', async () => {})).toThrow(/two listeners for \/lstm/);
    expect(() => router.event('app_mention', async () => {})).toThrow(/app_mention/);
  });

  it("lets a listener's error reach Bolt (its error handler logs it)", async () => {
    const { router, middleware } = createRouter((l) => l);
    router.command('/params', async () => {
      throw new Error('listener bug');
    });
    await expect(
      middleware({ command: { command: '/params' }, body: {}, next: async () => {} } as Any),
    ).rejects.toThrow('listener bug');
  });

  it('the app routes every command, button, event and shortcut it declares to its listener', async () => {
    let middleware: Any;
    const reached: unknown[] = [];
    // Each registered listener is swapped for a recorder of which listener the request reached.
    const record: Track = (listener) => async () => void reached.push(listener);
    registerListeners({ use: (m: unknown) => (middleware = m) } as Any, record, { jsonText: false });
    const send = async (args: Record<string, unknown>) => {
      let passed = false;
      await middleware({
        body: {},
        ...args,
        next: async () => {
          passed = true;
        },
      });
      return passed;
    };
    for (const command of SLASH_COMMANDS) expect(await send({ command: { command } })).toBe(false);
    const [commandListener] = reached;
    expect(typeof commandListener).toBe('function');
    expect(reached).toEqual(SLASH_COMMANDS.map(() => commandListener));
    reached.length = 0;
    for (const id of [SHARE_ACTION_ID, COMPARE_ACTION_ID, DETAILS_ACTION_ID])
      expect(await send(button(id))).toBe(false);
    for (const type of ['app_mention', 'message', 'app_home_opened'])
      expect(await send({ event: { type } })).toBe(false);
    expect(await send({ shortcut: { type: 'message_action', callback_id: EXPLAIN_CALLBACK_ID } })).toBe(false);
    expect(reached).toEqual([
      shareButtonCallback,
      compareButtonCallback,
      detailsButtonCallback,
      appMentionCallback,
      directMessageCallback,
      appHomeOpenedCallback,
      explainParameterCountsCallback,
    ]);
  });
});
