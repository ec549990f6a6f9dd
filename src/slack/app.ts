// Builds the Bolt app for Socket Mode or HTTP mode the way Bolt's examples do (listeners registered
// per kind with app.command/app.action/app.event/app.shortcut), with what a public bot needs on top:
// answers computed in worker threads with a deadline (src/work/pool.ts), a bounded HTTP receiver,
// bounded waits on Slack, and a shutdown that lets in-flight replies finish.
import { createServer } from 'node:http';
import type { IncomingMessage, RequestListener, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, HTTPModuleFunctions, HTTPReceiver, SocketModeReceiver } from '@slack/bolt';
import type { Logger, LogLevel, webApi } from '@slack/bolt';
import type { SlackConfig } from '../config.js';
import { secretsOf } from '../config.js';
import { createLogger } from '../logger.js';
import { createAnswerPool } from '../work/pool.js';
import type { AnswerPool } from '../work/pool.js';
import registerListeners from './listeners/index.js';

/** The HTTP path Slack posts events, slash commands and interactivity payloads to. */
export const EVENTS_PATH = '/slack/events';
export const HEALTH_PATH = '/healthz';
/** Largest request body read (Slack's own payloads are a few KB; Bolt's default is 4 MB). */
export const BODY_LIMIT_BYTES = 1024 * 1024;
/** A request's headers must arrive within this, and the whole request within REQUEST_TIMEOUT_MS. */
export const HEADERS_TIMEOUT_MS = 5000;
export const REQUEST_TIMEOUT_MS = 10_000;
/** Deadline for one call to Slack (a Web API call or a response_url post). */
export const SLACK_CALL_TIMEOUT_MS = 8000;
/**
 * Web API retries on network errors and HTTP errors: two, 1 s then 2 s apart, so one call gives up
 * within about 30 s (three 8 s attempts). 429s are not retried here (see withSlackRetry in reply.ts):
 * the WebClient would pause its whole queue for as long as Retry-After says, stalling every reply.
 */
const RETRY_CONFIG: webApi.RetryOptions = { retries: 2, factor: 2, minTimeout: 1000, maxTimeout: 2000 };

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
  /** Requests being processed right now (their listeners have not finished). */
  inFlight(): number;
  /**
   * Stops accepting work, waits up to graceMs for in-flight replies, then stops the receiver and the
   * answer workers. Safe to call more than once.
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

/** GET /healthz: 200 "ok", or 503 "stopping" once a shutdown has begun. */
function healthRoute(isStopping: () => boolean) {
  return {
    path: HEALTH_PATH,
    method: ['GET', 'HEAD'],
    handler: (_req: IncomingMessage, res: ServerResponse) => {
      const stopping = isStopping();
      res.writeHead(stopping ? 503 : 200, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
      res.end(stopping ? 'stopping' : 'ok');
    },
  };
}

function closeWith(res: ServerResponse, status: number): void {
  res.writeHead(status, { Connection: 'close' });
  res.end();
}

/**
 * In front of Bolt's request listener, for POSTs to the events path: reads the body with the size
 * limit (413 as soon as it is passed, without reading the rest), and answers 400 to a body that parses
 * to something other than an object (JSON `null`, `payload=null`), which Bolt would never answer.
 * Bolt then reuses the body read here and checks the signature as usual.
 */
function boundedBodies(boltListener: RequestListener, logger: Logger): RequestListener {
  // As Bolt's own server does: a path it does not serve throws, and the dispatch error handler answers 404.
  const dispatch: RequestListener = (request, response) => {
    try {
      boltListener(request, response);
    } catch (error) {
      HTTPModuleFunctions.defaultDispatchErrorHandler({ error: error as Error, logger, request, response });
    }
  };
  return (req, res) => {
    if (req.method !== 'POST' || new URL(req.url ?? '/', 'http://localhost').pathname !== EVENTS_PATH) {
      dispatch(req, res);
      return;
    }
    HTTPModuleFunctions.bufferIncomingMessage(req, BODY_LIMIT_BYTES).then(
      (buffered) => {
        let body: unknown = {};
        try {
          body = HTTPModuleFunctions.parseHTTPRequestBody(buffered);
        } catch {
          // Unparseable: Bolt answers it (401 unsigned, 400 signed) after its signature check.
        }
        if (body === null || typeof body !== 'object' || Array.isArray(body)) {
          logger.warn(
            `Request body is not a JSON object or form (${body === null ? 'null' : typeof body}); answered 400`,
          );
          closeWith(res, 400);
          return;
        }
        dispatch(buffered, res);
      },
      (error: unknown) => {
        const tooLarge = HTTPModuleFunctions.isRawBodyError(error) && error.statusCode === 413;
        logger.warn(
          tooLarge
            ? `Request body over ${BODY_LIMIT_BYTES} bytes; answered 413`
            : 'Request body could not be read; answered 400',
        );
        closeWith(res, tooLarge ? 413 : 400);
      },
    );
  };
}

export function createSlackApp(config: SlackConfig, options: CreateSlackAppOptions = {}): ParamCountSlackApp {
  const logger =
    options.logger ??
    createLogger({ level: config.logLevel as LogLevel, name: 'paramcount', secrets: secretsOf(config) });
  if (options.processGuards !== false) installProcessGuards(logger);

  const clientOptions = config.slackApiUrl ? { slackApiUrl: config.slackApiUrl } : {};
  const timeoutMs = options.http?.timeoutMs ?? SLACK_CALL_TIMEOUT_MS;
  const appClientOptions: webApi.WebClientOptions = {
    ...clientOptions,
    timeout: timeoutMs,
    retryConfig: options.http?.retryConfig ?? RETRY_CONFIG,
    rejectRateLimitedCalls: true,
    // respond() posts to response_url with this fetch and no deadline of its own; Web API calls
    // bring theirs (timeout above).
    fetch: (input, init) => fetch(input, { ...init, signal: init?.signal ?? AbortSignal.timeout(timeoutMs) }),
  };
  let stopping = false;
  let active = 0;
  let idleWaiters: Array<() => void> = [];
  let server: Server | undefined;
  let socketReceiver: SocketModeReceiver | undefined;
  let httpReceiver: HTTPReceiver | undefined;

  if (config.mode === 'socket') {
    socketReceiver = new SocketModeReceiver({
      appToken: config.appToken,
      logger,
      // The Socket Mode client's own WebClient (apps.connections.open) takes its options from here.
      installerOptions: { clientOptions: { ...clientOptions } },
      ...(options.socket ?? {}),
    });
  } else {
    httpReceiver = new HTTPReceiver({
      signingSecret: config.signingSecret,
      endpoints: EVENTS_PATH,
      logger,
      // Ack first, then work: a slash command's answer goes out with respond() once it is ready.
      processBeforeResponse: false,
      bodyLimit: BODY_LIMIT_BYTES,
      customRoutes: [healthRoute(() => stopping)],
    });
  }

  const app = new App({
    token: config.botToken,
    receiver: socketReceiver ?? httpReceiver,
    logger,
    clientOptions: appClientOptions,
  });

  const pool: AnswerPool = createAnswerPool({ deadlineMs: config.answerDeadlineMs, minThreads: 2, logger });

  // Counts every request from its arrival to the end of its listener (replies included), so a
  // shutdown can wait for them. Bolt's next() resolves once the listeners have finished.
  app.use(async ({ next }) => {
    active += 1;
    try {
      await next();
    } finally {
      active -= 1;
      if (active === 0) {
        const waiters = idleWaiters;
        idleWaiters = [];
        for (const w of waiters) w();
      }
    }
  });
  registerListeners(app, pool);

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
      if (!httpReceiver || config.mode !== 'http') {
        await app.start();
        return;
      }
      // Our own server around Bolt's request listener (HTTPReceiver.requestListener): short header and
      // request timeouts, checked every second (Node's default check runs every 30 s), and the body checks above.
      const listening = createServer(
        { headersTimeout: HEADERS_TIMEOUT_MS, requestTimeout: REQUEST_TIMEOUT_MS, connectionsCheckingInterval: 1000 },
        boundedBodies(httpReceiver.requestListener, logger),
      );
      await new Promise<void>((resolve, reject) => {
        listening.once('error', reject);
        listening.listen({ port: config.port, ...(options.host ? { host: options.host } : {}) }, () => {
          listening.off('error', reject);
          resolve();
        });
      });
      server = listening;
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
        const receiverStopped = server
          ? new Promise<void>((resolve) => server?.close(() => resolve()))
          : socketReceiver
            ? app.stop().catch((error: unknown) => logger.warn('Stopping the receiver failed:', error))
            : Promise.resolve();
        const drained = await waitForIdle(graceMs);
        if (!drained) logger.warn(`Shutting down with ${active} request(s) still in flight after ${graceMs} ms`);
        // Idle keep-alive connections would hold server.close() open; nothing is in flight any more.
        server?.closeIdleConnections();
        if (!drained) server?.closeAllConnections();
        await Promise.race([receiverStopped, new Promise((r) => setTimeout(r, 1000).unref())]);
        await pool.close();
      })();
      return stopPromise;
    },
  };
}
