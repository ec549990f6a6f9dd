// The async step in front of answerQuery: when a query names a Hugging Face Hub model (`/params
// owner/name`, a huggingface.co URL, `AutoModel.from_pretrained("owner/name")`), fetch its
// config.json and answer from it; anything else goes straight to answerQuery. Doors await this.
import { answerQuery } from '../answer.js';
import type { Answer, AnswerOptions } from '../answer.js';
import { answerHfConfigText } from '../transformer-answer.js';
import { readHubConfig } from './config.js';
import { fetchHubConfig, HUB_TIMEOUT_MS } from './fetch-config.js';
import type { FetchOptions, HubFailure } from './fetch-config.js';
import { findHubReference } from './reference.js';

export interface HubAnswerOptions extends AnswerOptions {
  /** Defaults to process.env (HF_ENDPOINT, HF_TOKEN). */
  env?: Record<string, string | undefined>;
  fetch?: FetchOptions;
}

/**
 * The Hub's timeout inside an answer's deadline: the fetch gives up early enough (300 ms before it)
 * for the answer to say the Hub was slow, rather than the deadline's "too much work".
 */
export function hubTimeoutWithin(deadlineMs: number | undefined): number {
  if (deadlineMs === undefined) return HUB_TIMEOUT_MS;
  return Math.max(100, Math.min(HUB_TIMEOUT_MS, deadlineMs - 300));
}

function failureMessage(failure: HubFailure, repo: string, status: number | undefined, timeoutMs: number): string {
  const page = `https://huggingface.co/${repo}`;
  switch (failure) {
    case 'missing':
      return `I found no model \`${repo}\` on the Hugging Face Hub. Check the name on ${page} (names look like \`owner/name\`, e.g. \`meta-llama/Meta-Llama-3-8B\`), or paste its config.json.`;
    case 'no-config':
      return `\`${repo}\` is on the Hub but has no config.json (GGUF or other non-transformers files?). Paste a config.json, or describe it: \`/transformer help\`.`;
    case 'gated':
      return `\`${repo}\` is gated: the Hub wants an accepted licence and a token (HF_TOKEN) to read its config.json. Paste its config.json here instead.`;
    case 'private-or-missing':
      return `The Hub would not show \`${repo}\`: it is private, gated, or does not exist (and no HF_TOKEN is set). Check the name on ${page}, or paste its config.json.`;
    case 'rate-limited':
      return 'The Hugging Face Hub is rate-limiting requests right now (429). Try again in a minute, or paste the config.json.';
    case 'timeout':
      return `The Hugging Face Hub did not answer within ${timeoutMs / 1000} s for \`${repo}\`. Try again, or paste its config.json.`;
    case 'too-large':
      return `\`${repo}\`'s config.json is over 2 MB, more than any config I read. Paste the fields that matter (model_type, sizes).`;
    case 'unavailable':
      return `I couldn't reach the Hugging Face Hub for \`${repo}\`${status ? ` (HTTP ${status})` : ''}. Try again, or paste its config.json.`;
  }
}

/** Splits a leading `/params` (or bare `params`) off, as answerQuery does. */
function queryText(text: string, command: string | undefined): { command: string; rest: string } | null {
  if (command) return command === '/params' ? { command, rest: text } : null;
  const t = text.trimStart();
  for (const word of ['/params', 'params']) {
    if (t.toLowerCase().startsWith(word) && (t.length === word.length || t[word.length] === ' '))
      return { command: '/params', rest: t.slice(word.length) };
  }
  return { command: '', rest: text };
}

/**
 * The one async entry point: an Answer for any query, fetching a Hub model's config.json first when
 * the query names one. Never throws.
 */
export async function answerQueryWithHub(text: string, opts: HubAnswerOptions = {}): Promise<Answer> {
  const split = typeof text === 'string' ? queryText(text, opts.command) : null;
  const ref = split && split.rest.length <= 100_000 ? findHubReference(split.rest) : null;
  if (!split || !ref || !ref.ok) return answerQuery(text, opts);
  const query = opts.command ? `${opts.command} ${text}`.trim() : text;
  const hub = readHubConfig(opts.env ?? process.env);
  if (!hub.ok) {
    return {
      kind: 'error',
      query,
      command: split.command,
      message:
        "The bot's Hugging Face settings are wrong (HF_ENDPOINT or HF_TOKEN), so I can't fetch models; paste the config.json instead.",
    };
  }
  const fetched = await fetchHubConfig(ref.repo, hub.config, opts.fetch);
  if (!fetched.ok)
    return {
      kind: 'error',
      query,
      command: split.command,
      message: failureMessage(fetched.failure, ref.repo, fetched.status, opts.fetch?.timeoutMs ?? HUB_TIMEOUT_MS),
    };
  return answerHfConfigText(query, split.command, fetched.text, {
    repo: ref.repo,
    read: { architecture: ref.architecture, autoClass: ref.autoClass },
    notCounted: ref.moreCode ? ['the layers the pasted code adds around the from_pretrained model'] : undefined,
  });
}
