// Buttons carry the whole query they answer (command included, e.g. "/lstm 4096 256"), so an action
// is answered again with no server state: a restart or a Socket Mode reconnect loses nothing.
// Slack caps a button value at 2,000 characters; longer queries are deflated, and one that still
// does not fit gets no buttons.
import { deflateRawSync, inflateRawSync } from 'node:zlib';

export const MAX_BUTTON_VALUE = 2000;

export function encodeButtonValue(query: string): string | null {
  const plain = JSON.stringify({ q: query });
  if (plain.length <= MAX_BUTTON_VALUE) return plain;
  const packed = 'z:' + deflateRawSync(Buffer.from(plain, 'utf8')).toString('base64');
  return packed.length <= MAX_BUTTON_VALUE ? packed : null;
}

/** The query a button carries; answer it with `answerQuery(query)` (the command is inside it). */
export function decodeButtonValue(value: string): { query: string; command?: string } | null {
  try {
    const text = value.startsWith('z:')
      ? inflateRawSync(Buffer.from(value.slice(2), 'base64'), { maxOutputLength: 200_000 }).toString('utf8')
      : value;
    const data: unknown = JSON.parse(text);
    if (typeof data !== 'object' || data === null) return null;
    const { q } = data as { q?: unknown };
    return typeof q === 'string' ? { query: q } : null;
  } catch {
    return null;
  }
}
