// Builds the real Bolt app for Socket Mode or HTTP mode, registers the listeners, tracks in-flight
// requests so a shutdown can let replies finish, and exposes the bound port in HTTP mode.
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, HTTPReceiver, SocketModeReceiver } from '@slack/bolt';
import type { Logger, LogLevel, webApi } from '@slack/bolt';
import type { SlackConfig } from '../config.js';
import { secretsOf } from '../config.js';
import { createLogger } from '../logger.js';
import { createSlackFetch } from './http-client.js';
import { JsonDefaultResponse } from './json-response.js';
import registerListeners from './listeners/index.js';
import type { Track } from './listeners/track.js';

/** The HTTP path Slack posts events, slash commands and interactivity payloads to. */
export const EVENTS_PATH = '/slack/events';
export const HEALTH_PATH = '/healthz';
/** Slack's default Web API base URL. */
const SLACK_API_URL = 'https://slack.com/api/';
/** Deadline for one request to Slack (Web API call or response_url post). */
export const DEFAULT_SLACK_TIMEOUT_MS = 10_000;
/**
 * Web API retries (a network error, a timeout, an HTTP error; 429s wait for Retry-After first): four
 * retries over about 15-30 s, not the WebClient default of ten over half an hour, long after anyone
 * is waiting for the answer.
 */
export const DEFAULT_RETRY_CONFIG: webApi.RetryOptions = {
  retries: 4,
  factor: 2,
  minTimeout: 1000,
  maxTimeout: 15_000,
  randomize: true,
};

/**
 * The HTTP receiver's settings: Slack's endpoint, ack before the listener finishes, and GET /healthz
 * (503 while stopping). Shared with the benchmark's bare Bolt app so both are measured alike.
 */
export function httpReceiverSettings(signingSecret: string, logger: Logger, isStopping: () => boolean) {
  return {
    signingSecret,
    endpoints: EVENTS_PATH,
    logger,
    processBeforeResponse: false,
    customRoutes: [
      {
        path: HEALTH_PATH,
        method: ['GET', 'HEAD'],
        handler: (_req: IncomingMessage, res: ServerResponse) => {
          const stopping = isStopping();
          res.writeHead(stopping ? 503 : 200, {
            'Content-Type': 'text/plain; charset=utf-8',
            'Cache-Control': 'no-store',
          });
          res.end(stopping ? 'stopping' : 'ok');
        },
      },
    ],
  };
}

export interface CreateSlackAppOptions {
  logger?: Logger;
  /** HTTP mode: interface to bind (default: all interfaces). Tests use 127.0.0.1. */
  host?: string;
  /** Socket Mode client tuning (tests shorten the reconnect delay, which is a multiple of clientPingTimeout). */
  socket?: { clientPingTimeout?: number; serverPingTimeout?: number; autoReconnectEnabled?: boolean };
  /** Install the process-level unhandledRejection logger (default true). */
  processGuards?: boolean;
  /** Calls to Slack (Web API and response_url); tests shorten both. */
  http?: { timeoutMs?: number; retryConfig?: webApi.RetryOptions };
}

export interface ParamCountSlackApp {
  readonly app: App;
  readonly mode: SlackConfig['mode'];
  readonly logger: Logger;
  /** The Socket Mode receiver (Socket Mode only). */
  readonly socketReceiver: SocketModeReceiver | undefined;
  /** Starts listening (HTTP) or connects (Socket Mode). */
  start(): Promise<void>;
  /** HTTP mode: the port actually bound (useful with PORT=0); undefined before start or in Socket Mode. */
  port(): number | undefined;
  /** Requests being processed right now. */
  inFlight(): number;
  /**
   * Stops accepting work, waits up to graceMs for in-flight replies, then stops the receiver.
   * Safe to call more than once.
   */
  stop(graceMs?: number): Promise<void>;
}

let guardsInstalled = false;

/** Logs unhandled promise rejections instead of letting Node terminate the process. */
export function installProcessGuards(logger: Logger): void {
  if (guardsInstalled) return;
  guardsInstalled = true;
  process.on('unhandledRejection', (reason) => {
    logger.error('Unhandled promise rejection (the bot keeps running):', reason);
  });
}

export function createSlackApp(config: SlackConfig, options: CreateSlackAppOptions = {}): ParamCountSlackApp {
  const logger =
    options.logger ??
    createLogger({ level: config.logLevel as LogLevel, name: 'paramcount', secrets: secretsOf(config) });
  if (options.processGuards !== false) installProcessGuards(logger);

  const clientOptions = config.slackApiUrl ? { slackApiUrl: config.slackApiUrl } : {};
  const timeoutMs = options.http?.timeoutMs ?? DEFAULT_SLACK_TIMEOUT_MS;
  // Web API calls and respond() (Bolt posts to response_url with clientOptions.fetch).
  const appClientOptions = {
    ...clientOptions,
    timeout: timeoutMs,
    retryConfig: options.http?.retryConfig ?? DEFAULT_RETRY_CONFIG,
    fetch: createSlackFetch({ timeoutMs, apiUrl: config.slackApiUrl ?? SLACK_API_URL, logger }),
  };
  let stopping = false;
  let active = 0;
  let idleWaiters: Array<() => void> = [];
  let server: Server | undefined;
  let socketReceiver: SocketModeReceiver | undefined;

  let receiver: HTTPReceiver | SocketModeReceiver;
  if (config.mode === 'socket') {
    socketReceiver = new SocketModeReceiver({
      appToken: config.appToken,
      logger,
      // The Socket Mode client's own WebClient (apps.connections.open) takes its options from here.
      installerOptions: { clientOptions: { ...clientOptions } },
      ...(options.socket ?? {}),
    });
    receiver = socketReceiver;
  } else {
    receiver = new HTTPReceiver({
      ...httpReceiverSettings(config.signingSecret, logger, () => stopping),
      port: config.port,
    });
  }

  const app = new App({
    token: config.botToken,
    receiver,
    logger,
    clientOptions: appClientOptions,
    // No listener keeps conversation state; the default store's middleware builds (and throws away)
    // a "Conversation not found" error on every request.
    convoStore: false,
  });

  // Counts every request from the start to the end of its listener (replies included).
  const done = () => {
    active -= 1;
    if (active === 0) {
      const waiters = idleWaiters;
      idleWaiters = [];
      for (const w of waiters) w();
    }
  };
  const track: Track =
    (listener) =>
    async (...args) => {
      active += 1;
      try {
        await listener(...args);
      } finally {
        done();
      }
    };
  // HTTP mode acks slash commands with ready JSON text (see JsonDefaultResponse); Socket Mode with objects.
  registerListeners(app, track, { jsonText: config.mode === 'http' });

  app.error(async (error) => {
    logger.error('Unhandled error in a listener:', error);
  });

  const waitForIdle = (ms: number): Promise<boolean> =>
    new Promise((resolve) => {
      if (active === 0) return resolve(true);
      const timer = setTimeout(() => {
        idleWaiters = idleWaiters.filter((w) => w !== idle);
        resolve(false);
      }, ms);
      const idle = () => {
        clearTimeout(timer);
        resolve(true);
      };
      idleWaiters.push(idle);
    });

  let stopPromise: Promise<void> | undefined;

  return {
    app,
    mode: config.mode,
    logger,
    socketReceiver,
    async start() {
      if (config.mode === 'http') {
        const listen = options.host ? { port: config.port, host: options.host } : config.port;
        server = (await app.start(listen, { ServerResponse: JsonDefaultResponse })) as Server;
      } else {
        await app.start();
      }
    },
    port() {
      const address = server?.address();
      return address && typeof address === 'object' ? (address as AddressInfo).port : undefined;
    },
    inFlight: () => active,
    stop(graceMs = 5000) {
      if (stopPromise) return stopPromise;
      stopping = true;
      stopPromise = (async () => {
        // Stop accepting: HTTP closes the listening socket (open requests carry on), Socket Mode
        // disconnects so Slack routes new envelopes elsewhere. Listeners already running keep going.
        const receiverStopped =
          config.mode === 'http' && !server
            ? Promise.resolve()
            : app.stop().catch((error: unknown) => logger.warn('Stopping the receiver failed:', error));
        const drained = await waitForIdle(graceMs);
        if (!drained) logger.warn(`Shutting down with ${active} request(s) still in flight after ${graceMs} ms`);
        // Idle keep-alive connections would hold server.close() open; nothing is in flight any more.
        server?.closeIdleConnections();
        if (!drained) server?.closeAllConnections();
        await Promise.race([receiverStopped, new Promise((r) => setTimeout(r, 1000).unref())]);
      })();
      return stopPromise;
    },
  };
}
