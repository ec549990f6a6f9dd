// GET ${HF_ENDPOINT}/${repo}/resolve/main/config.json, as huggingface_hub does: a short timeout, a
// size cap, HF_TOKEN as a Bearer token, and a small cache of what it found. Each failure is a kind
// with its own answer (missing, gated, rate limited, timed out...).
import type { HubConfig } from './config.js';

export const HUB_TIMEOUT_MS = 5_000;
/** config.json files are a few KB; one with a large id2label a few hundred. */
export const MAX_CONFIG_BYTES = 2_000_000;
export const HUB_CACHE_ENTRIES = 64;
export const HUB_CACHE_MS = 10 * 60 * 1000;

export type HubFailure =
  | 'missing'
  | 'no-config'
  | 'gated'
  | 'private-or-missing'
  | 'rate-limited'
  | 'timeout'
  | 'too-large'
  | 'unavailable';

export type HubFetch =
  | { ok: true; text: string; cached: boolean }
  | { ok: false; failure: HubFailure; status?: number };

export interface FetchOptions {
  timeoutMs?: number;
  /** Injected in tests; defaults to the global fetch. */
  fetch?: typeof fetch;
  now?: () => number;
}

/** Least recently used first out; only found configs are kept. */
const cache = new Map<string, { text: string; at: number }>();

export function clearHubCache(): void {
  cache.clear();
}

function cacheKey(hub: HubConfig, repo: string): string {
  // A gated config fetched with a token is kept apart from the anonymous view of the same name.
  return `${hub.endpoint}\n${hub.token ? 'token' : 'anonymous'}\n${repo}`;
}

function remember(key: string, text: string, at: number): void {
  cache.delete(key);
  cache.set(key, { text, at });
  while (cache.size > HUB_CACHE_ENTRIES) {
    const oldest = cache.keys().next().value;
    if (oldest === undefined) break;
    cache.delete(oldest);
  }
}

async function readCapped(res: Response): Promise<string | null> {
  const declared = Number(res.headers.get('content-length') ?? '0');
  if (declared > MAX_CONFIG_BYTES) return null;
  if (!res.body) return '';
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_CONFIG_BYTES) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function fetchHubConfig(repo: string, hub: HubConfig, opts: FetchOptions = {}): Promise<HubFetch> {
  const now = opts.now ?? Date.now;
  const key = cacheKey(hub, repo);
  const hit = cache.get(key);
  if (hit && now() - hit.at < HUB_CACHE_MS) {
    remember(key, hit.text, hit.at);
    return { ok: true, text: hit.text, cached: true };
  }
  const url = `${hub.endpoint}/${repo.split('/').map(encodeURIComponent).join('/')}/resolve/main/config.json`;
  const headers: Record<string, string> = { accept: 'application/json', 'user-agent': 'paramcount' };
  if (hub.token) headers.authorization = `Bearer ${hub.token}`;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), opts.timeoutMs ?? HUB_TIMEOUT_MS);
  try {
    const res = await (opts.fetch ?? fetch)(url, { headers, signal: controller.signal, redirect: 'follow' });
    // The Hub names the reason in X-Error-Code (as huggingface_hub reads it); without a token it answers
    // 401 for a private or missing repository alike.
    const code = res.headers.get('x-error-code') ?? '';
    if (code === 'RepoNotFound') return { ok: false, failure: 'missing', status: res.status };
    if (code === 'EntryNotFound') return { ok: false, failure: 'no-config', status: res.status };
    if (code === 'GatedRepo') return { ok: false, failure: 'gated', status: res.status };
    if (res.status === 404) return { ok: false, failure: 'missing', status: 404 };
    if (res.status === 403) return { ok: false, failure: 'gated', status: 403 };
    if (res.status === 401) return { ok: false, failure: hub.token ? 'gated' : 'private-or-missing', status: 401 };
    if (res.status === 429) return { ok: false, failure: 'rate-limited', status: 429 };
    if (!res.ok) return { ok: false, failure: 'unavailable', status: res.status };
    const text = await readCapped(res);
    if (text === null) return { ok: false, failure: 'too-large' };
    remember(key, text, now());
    return { ok: true, text, cached: false };
  } catch {
    return { ok: false, failure: controller.signal.aborted ? 'timeout' : 'unavailable' };
  } finally {
    clearTimeout(timer);
  }
}
