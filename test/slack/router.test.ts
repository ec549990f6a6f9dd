// The router behind the app's one global middleware: each request reaches the listener registered
// for its kind and name, with Bolt's arguments untouched; anything else goes on down Bolt's chain.
import { describe, expect, it } from 'vitest';
import { createRouter } from '../../src/slack/listeners/router.js';
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
    expect(await send({ shortcut: { type: 'message_action', callback_id: 'explain_parameter_counts' }, body: {} })).toBe(0);
    expect(calls).toEqual(['track', 'gru:m', 'track', 'share:m', 'track', 'mention:m', 'track', 'message:m', 'track', 'explain:m']);
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

  it('lets a listener\'s error reach Bolt (its error handler logs it)', async () => {
    const { router, middleware } = createRouter((l) => l);
    router.command('/params', async () => {
      throw new Error('listener bug');
    });
    await expect(middleware({ command: { command: '/params' }, body: {}, next: async () => {} } as Any)).rejects.toThrow('listener bug');
  });
});
