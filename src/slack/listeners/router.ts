// One door for every request: a single Bolt global middleware looks the request's listener up by
// kind and name (slash command, button action_id, event type, shortcut callback_id) and calls it.
//
// Why not one Bolt listener per kind: Bolt runs every registered listener's matcher chain on every
// request (a copy of the chain, a fresh argument object per matcher, a promise each, then
// Promise.allSettled). With four listeners, Bolt and the bot took 67-80 µs of CPU per slash command
// in the benchmark's dispatch measurement (bench/run.mjs, README "Benchmark"); with the router,
// 30-44 µs. Here a request costs one map lookup. The listeners keep Bolt's own argument types and
// are registered one handler per name, as with Bolt; a request nobody listens for goes on down
// Bolt's chain. This is our only global middleware; Bolt's ignoreSelf runs before it.
import type {
  AllMiddlewareArgs,
  AnyMiddlewareArgs,
  BlockButtonAction,
  MessageShortcut,
  Middleware,
  SlackActionMiddlewareArgs,
  SlackCommandMiddlewareArgs,
  SlackEventMiddlewareArgs,
  SlackShortcutMiddlewareArgs,
} from '@slack/bolt';
import type { Track } from './track.js';

export type CommandListener = (args: AllMiddlewareArgs & SlackCommandMiddlewareArgs) => Promise<void>;
export type ButtonListener = (args: AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockButtonAction>) => Promise<void>;
export type EventListener<T extends string> = (args: AllMiddlewareArgs & SlackEventMiddlewareArgs<T>) => Promise<void>;
export type MessageShortcutListener = (
  args: AllMiddlewareArgs & SlackShortcutMiddlewareArgs<MessageShortcut>,
) => Promise<void>;

export interface Router {
  /** A slash command, by its exact name (`/lstm`). */
  command(name: string, listener: CommandListener): void;
  /** A Block Kit button (block_actions), by action_id. */
  button(actionId: string, listener: ButtonListener): void;
  /** An Events API event, by type (`app_mention`). */
  event<T extends string>(type: T, listener: EventListener<T>): void;
  /** A message shortcut (message_action), by callback_id. */
  messageShortcut(callbackId: string, listener: MessageShortcutListener): void;
}

type AnyListener = (args: AnyMiddlewareArgs & AllMiddlewareArgs) => Promise<void>;

/** The router to register listeners on, and the middleware that routes (give it to app.use). */
export function createRouter(track: Track): { router: Router; middleware: Middleware<AnyMiddlewareArgs> } {
  const commands = new Map<string, AnyListener>();
  const buttons = new Map<string, AnyListener>();
  const events = new Map<string, AnyListener>();
  const shortcuts = new Map<string, AnyListener>();
  // Each table is only ever read with the kind of request it was filled for (see listenerFor).
  const add = (table: Map<string, AnyListener>, key: string, listener: (args: never) => Promise<void>) => {
    if (table.has(key)) throw new Error(`two listeners for ${key}`);
    table.set(key, track(listener as AnyListener));
  };

  const router: Router = {
    command: (name, listener) => add(commands, name, listener),
    button: (actionId, listener) => add(buttons, actionId, listener),
    event: (type, listener) => add(events, type, listener),
    messageShortcut: (callbackId, listener) => add(shortcuts, callbackId, listener),
  };

  // Bolt sets exactly one of command / action / event / shortcut from the request's type.
  const listenerFor = (args: AnyMiddlewareArgs): AnyListener | undefined => {
    if ('command' in args) return commands.get(args.command.command);
    if ('action' in args) {
      const { action } = args;
      return args.body.type === 'block_actions' && action.type === 'button' && 'action_id' in action
        ? buttons.get(action.action_id)
        : undefined;
    }
    if ('event' in args) return events.get(args.event.type);
    if ('shortcut' in args)
      return args.shortcut.type === 'message_action' ? shortcuts.get(args.shortcut.callback_id) : undefined;
    return undefined;
  };

  const middleware: Middleware<AnyMiddlewareArgs> = async (args) => {
    const listener = listenerFor(args);
    return listener ? listener(args) : args.next();
  };
  return { router, middleware };
}
