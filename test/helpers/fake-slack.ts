// A fake Slack on 127.0.0.1 for end-to-end tests:
//   POST /api/<method>      the Web API (records calls, answers {ok:true,...}; per-method overrides)
//   POST /response/<id>     response_url targets (records the JSON bodies)
//   GET  /ws/<n> (upgrade)  Socket Mode WebSocket endpoint handed out by apps.connections.open
import { EventEmitter } from 'node:events';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { acceptWebSocket, type MiniWebSocket } from './mini-websocket.js';

export interface ApiCall {
  method: string;
  args: Record<string, unknown>;
  authorization: string | undefined;
}

export interface ResponseUrlPost {
  id: string;
  body: Record<string, unknown>;
}

type ApiReply = Record<string, unknown> | ((call: ApiCall) => Record<string, unknown>);

/** An HTTP-level failure: a status (with headers, e.g. Retry-After, and a body), or no answer at all. */
export type HttpFailure = { status: number; headers?: Record<string, string>; body?: unknown } | 'hang';

export interface FakeSlack {
  /** Base URL of the Web API, ending in '/': http://127.0.0.1:<port>/api/ */
  apiUrl: string;
  port: number;
  calls: ApiCall[];
  responses: ResponseUrlPost[];
  sockets: MiniWebSocket[];
  responseUrl(id: string): string;
  /** Makes the next call(s) of a method answer with this body instead (once by default). */
  reply(method: string, body: ApiReply, times?: number): void;
  /** Makes posts to /response/<id> answer with this HTTP status (e.g. 404 for an expired url). */
  failResponseUrl(id: string, status: number): void;
  /** Delays the answer to posts to /response/<id>. */
  delayResponseUrl(id: string, ms: number): void;
  /**
   * The next `times` requests to a Web API method ('chat.postMessage'), or to a response_url given as
   * 'response:<id>', get this failure instead of their answer. They are still recorded in calls/responses.
   */
  failHttp(target: string, failure: HttpFailure, times?: number): void;
  /** users.info answers this locale for the user (include_locale); others get 'en-US'. */
  setUserLocale(user: string, locale: string): void;
  waitForCall(pred: (c: ApiCall) => boolean, timeoutMs?: number): Promise<ApiCall>;
  waitForResponse(id: string, timeoutMs?: number): Promise<ResponseUrlPost>;
  waitForSocket(index: number, timeoutMs?: number): Promise<MiniWebSocket>;
  close(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** The Web API client posts form fields; structured ones (blocks, view) are JSON strings. */
function parseApiArgs(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (contentType?.includes('application/json')) return raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
  const args: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(raw)) {
    if (/^[[{]/.test(v)) {
      try {
        args[k] = JSON.parse(v);
        continue;
      } catch {
        /* plain string */
      }
    }
    args[k] = v;
  }
  return args;
}

function waitUntil<T>(
  events: EventEmitter,
  name: string,
  find: () => T | undefined,
  timeoutMs: number,
  what: string,
): Promise<T> {
  const now = find();
  if (now !== undefined) return Promise.resolve(now);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      events.off(name, check);
      reject(new Error(`timed out waiting for ${what}`));
    }, timeoutMs);
    const check = () => {
      const v = find();
      if (v === undefined) return;
      clearTimeout(timer);
      events.off(name, check);
      resolve(v);
    };
    events.on(name, check);
  });
}

export async function startFakeSlack(options: { helloOnConnect?: boolean } = {}): Promise<FakeSlack> {
  const helloOnConnect = options.helloOnConnect ?? true;
  const events = new EventEmitter();
  events.setMaxListeners(100);
  const calls: ApiCall[] = [];
  const responses: ResponseUrlPost[] = [];
  const sockets: MiniWebSocket[] = [];
  const overrides = new Map<string, Array<{ body: ApiReply; times: number }>>();
  const failedUrls = new Map<string, number>();
  const delayedUrls = new Map<string, number>();
  const httpFailures = new Map<string, Array<{ failure: HttpFailure; times: number }>>();
  const userLocales = new Map<string, string>();
  /** Applies a scripted failure, if one is queued for the target; true when it took over the answer. */
  const failed = (target: string, res: ServerResponse): boolean => {
    const queue = httpFailures.get(target);
    const head = queue?.[0];
    if (!queue || !head) return false;
    head.times -= 1;
    if (head.times <= 0) queue.shift();
    if (head.failure === 'hang') return true; // never answered; close() drops the connection
    const { status, headers = {}, body = { ok: false, error: 'fake_http_failure' } } = head.failure;
    res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
    res.end(typeof body === 'string' ? body : JSON.stringify(body));
    return true;
  };
  let port = 0;
  let wsCount = 0;

  const defaults = (call: ApiCall): Record<string, unknown> => {
    switch (call.method) {
      case 'auth.test':
        return {
          ok: true,
          url: 'https://example.slack.com/',
          team: 'Example',
          user: 'paramcount',
          team_id: 'T0001',
          user_id: 'UBOT',
          bot_id: 'BBOT',
        };
      case 'chat.postMessage':
        return {
          ok: true,
          channel: call.args.channel,
          ts: `1700000000.${String(calls.length).padStart(6, '0')}`,
          message: { text: call.args.text },
        };
      case 'chat.postEphemeral':
        return { ok: true, message_ts: `1700000001.${String(calls.length).padStart(6, '0')}` };
      case 'users.info': {
        const id = String(call.args.user ?? '');
        const locale = call.args.include_locale === 'true' || call.args.include_locale === true;
        return {
          ok: true,
          user: { id, name: id.toLowerCase(), ...(locale ? { locale: userLocales.get(id) ?? 'en-US' } : {}) },
        };
      }
      case 'views.publish':
        return { ok: true, view: { id: 'V0001', type: 'home' } };
      case 'apps.connections.open':
        wsCount += 1;
        return { ok: true, url: `ws://127.0.0.1:${port}/ws/${wsCount}` };
      default:
        return { ok: true };
    }
  };

  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const raw = await readBody(req);
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (req.method === 'POST' && url.pathname.startsWith('/api/')) {
      const call: ApiCall = {
        method: url.pathname.slice('/api/'.length),
        args: parseApiArgs(raw, req.headers['content-type']),
        authorization: req.headers.authorization,
      };
      calls.push(call);
      if (failed(call.method, res)) {
        events.emit('call');
        return;
      }
      const queue = overrides.get(call.method);
      let body: Record<string, unknown>;
      if (queue && queue.length > 0) {
        const head = queue[0]!;
        body = typeof head.body === 'function' ? head.body(call) : head.body;
        head.times -= 1;
        if (head.times <= 0) queue.shift();
      } else {
        body = defaults(call);
      }
      json(200, body);
      events.emit('call');
      return;
    }
    if (req.method === 'POST' && url.pathname.startsWith('/response/')) {
      const id = decodeURIComponent(url.pathname.slice('/response/'.length));
      const delay = delayedUrls.get(id);
      if (delay) await new Promise((r) => setTimeout(r, delay));
      let body: Record<string, unknown> = {};
      try {
        body = JSON.parse(raw) as Record<string, unknown>;
      } catch {
        body = { raw };
      }
      responses.push({ id, body });
      if (failed(`response:${id}`, res)) {
        events.emit('response');
        return;
      }
      const status = failedUrls.get(id);
      if (status) json(status, { ok: false, error: 'expired_url' });
      else json(200, { ok: true });
      events.emit('response');
      return;
    }
    json(404, { ok: false, error: 'unknown_path' });
  });

  server.on('upgrade', (req, socket, head) => {
    const ws = acceptWebSocket(req, socket, head);
    if (!ws) return;
    sockets.push(ws);
    if (helloOnConnect) {
      ws.send({
        type: 'hello',
        num_connections: 1,
        debug_info: { host: 'fake', approximate_connection_time: 3600 },
        connection_info: { app_id: 'A0001' },
      });
    }
    events.emit('socket');
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;

  return {
    apiUrl: `http://127.0.0.1:${port}/api/`,
    port,
    calls,
    responses,
    sockets,
    responseUrl: (id) => `http://127.0.0.1:${port}/response/${encodeURIComponent(id)}`,
    reply(method, body, times = 1) {
      const queue = overrides.get(method) ?? [];
      queue.push({ body, times });
      overrides.set(method, queue);
    },
    failResponseUrl(id, status) {
      failedUrls.set(id, status);
    },
    delayResponseUrl(id, ms) {
      delayedUrls.set(id, ms);
    },
    failHttp(target, failure, times = 1) {
      const queue = httpFailures.get(target) ?? [];
      queue.push({ failure, times });
      httpFailures.set(target, queue);
    },
    setUserLocale(user, locale) {
      userLocales.set(user, locale);
    },
    waitForCall: (pred, timeoutMs = 10_000) =>
      waitUntil(events, 'call', () => calls.find(pred), timeoutMs, 'a Web API call'),
    waitForResponse: (id, timeoutMs = 10_000) =>
      waitUntil(
        events,
        'response',
        () => responses.find((r) => r.id === id),
        timeoutMs,
        `a post to response_url ${id}`,
      ),
    waitForSocket: (index, timeoutMs = 15_000) =>
      waitUntil(events, 'socket', () => sockets[index], timeoutMs, `WebSocket connection #${index + 1}`),
    async close() {
      for (const ws of sockets) ws.terminate();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
