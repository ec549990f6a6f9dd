// The `fetch` Bolt and its WebClients use (App clientOptions.fetch):
//   - response_url posts (respond()) go out on node:http/https with keep-alive agents: a plain POST of
//     a JSON string, about a sixth of the CPU of the built-in fetch (undici + web streams), which was
//     the largest single cost per slash command under load (see README "Benchmark");
//   - every request has a deadline (a Slack that never answers fails the call instead of holding it);
//   - a response_url answered 429 with Retry-After is retried after that wait, a bounded number of times.
// Anything else (Web API calls, form data, a caller's own abort signal) goes to globalThis.fetch with
// the same deadline; the WebClient's retryConfig handles Web API retries, 429 Retry-After included.
import { request as httpRequest, Agent as HttpAgent } from 'node:http';
import type { IncomingMessage } from 'node:http';
import { request as httpsRequest, Agent as HttpsAgent } from 'node:https';
import type { Logger, webApi } from '@slack/bolt';

type FetchFunction = webApi.FetchFunction;
type FetchInit = NonNullable<Parameters<FetchFunction>[1]>;
type FetchResponse = Awaited<ReturnType<FetchFunction>>;

export interface SlackFetchOptions {
  /** Deadline for one request, in ms (connect to last byte of the answer). */
  timeoutMs: number;
  /** Web API base URL ('https://slack.com/api/'); requests under it go to globalThis.fetch. */
  apiUrl: string;
  /** response_url posts answered 429 with Retry-After: retries at most this many times (default 2). */
  maxRateLimitRetries?: number;
  /** ...and only when Slack asks for at most this long a wait, in ms (default 60 s). */
  maxRetryAfterMs?: number;
  logger?: Logger;
}

const httpAgent = new HttpAgent({ keepAlive: true });
const httpsAgent = new HttpsAgent({ keepAlive: true });

/** A request that got no complete answer within the deadline. */
export class SlackTimeoutError extends Error {
  readonly code = 'slack_timeout';
  constructor(what: string, ms: number) {
    super(`${what} got no answer within ${ms} ms`);
    this.name = 'SlackTimeoutError';
  }
}

function headerBag(res: IncomingMessage): FetchResponse['headers'] {
  const entries: Array<[string, string]> = [];
  for (const [k, v] of Object.entries(res.headers)) {
    if (v !== undefined) entries.push([k, Array.isArray(v) ? v.join(', ') : v]);
  }
  return {
    get: (name: string) => {
      const v = res.headers[name.toLowerCase()];
      return v === undefined ? null : Array.isArray(v) ? v.join(', ') : v;
    },
    entries: () => entries[Symbol.iterator](),
  };
}

/** One POST of a string body; resolves with the whole answer or rejects (network error, deadline). */
function postOnce(url: URL, headers: Record<string, string>, body: string, timeoutMs: number): Promise<FetchResponse> {
  return new Promise((resolve, reject) => {
    const https = url.protocol === 'https:';
    const payload = Buffer.from(body, 'utf8');
    const req = (https ? httpsRequest : httpRequest)(url, {
      method: 'POST',
      agent: https ? httpsAgent : httpAgent,
      headers: { ...headers, 'Content-Length': String(payload.length) },
    });
    const timer = setTimeout(() => req.destroy(new SlackTimeoutError(`POST to ${url.host}`, timeoutMs)), timeoutMs);
    const fail = (error: Error) => {
      clearTimeout(timer);
      reject(error);
    };
    req.on('error', fail);
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', fail);
      res.on('end', () => {
        clearTimeout(timer);
        const raw = Buffer.concat(chunks);
        const status = res.statusCode ?? 0;
        resolve({
          ok: status >= 200 && status < 300,
          status,
          statusText: res.statusMessage ?? '',
          url: url.href,
          headers: headerBag(res),
          text: async () => raw.toString('utf8'),
          json: async () => JSON.parse(raw.toString('utf8')) as unknown,
          arrayBuffer: async () => raw.buffer.slice(raw.byteOffset, raw.byteOffset + raw.byteLength) as ArrayBuffer,
        });
      });
    });
    req.end(payload);
  });
}

/** Seconds from a Retry-After header (delta-seconds form), or undefined. */
function retryAfterMs(response: FetchResponse): number | undefined {
  const v = response.headers.get('retry-after');
  if (v === null || !/^\s*\d+\s*$/.test(v)) return undefined;
  return Number(v) * 1000;
}

export function createSlackFetch(options: SlackFetchOptions): FetchFunction {
  const { timeoutMs, apiUrl, logger } = options;
  const maxRetries = options.maxRateLimitRetries ?? 2;
  const maxWait = options.maxRetryAfterMs ?? 60_000;

  return async (input: string | URL, init: FetchInit = {}): Promise<FetchResponse> => {
    const href = typeof input === 'string' ? input : input.href;
    const light =
      (init.method ?? 'GET').toUpperCase() === 'POST' &&
      typeof init.body === 'string' &&
      !init.signal &&
      !href.startsWith(apiUrl);
    if (!light) {
      return fetch(input, { ...init, signal: init.signal ?? AbortSignal.timeout(timeoutMs) } as RequestInit);
    }
    const url = new URL(href);
    if (url.protocol !== 'https:' && url.protocol !== 'http:')
      throw new TypeError(`unsupported URL scheme ${url.protocol}`);
    for (let attempt = 0; ; attempt++) {
      const response = await postOnce(url, init.headers ?? {}, init.body as string, timeoutMs);
      const wait = response.status === 429 ? retryAfterMs(response) : undefined;
      if (wait === undefined || attempt >= maxRetries || wait > maxWait) return response;
      logger?.warn(
        `response_url rate limited (429); retrying in ${wait / 1000} s as Retry-After asks (attempt ${attempt + 2} of ${maxRetries + 1})`,
      );
      await new Promise((r) => setTimeout(r, wait));
    }
  };
}
