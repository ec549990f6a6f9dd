// Number and text formatting shared by every renderer.

import { groupDigits } from '../engine/numbers.js';

/** 4457472n -> "4,457,472" (exact for any BigInt). */
export const formatCount = groupDigits;

/** "+1,024" / "-1,024" / "0". */
export function formatSigned(n: bigint): string {
  return n > 0n ? '+' + formatCount(n) : formatCount(n);
}

const UNITS = ['bytes', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB'];

/** Bytes in binary units with one decimal, computed on BigInt so huge values stay right. */
export function formatBytes(bytes: bigint): string {
  if (bytes < 1024n) return `${bytes} bytes`;
  let unit = 0;
  let whole = bytes;
  while (whole >= 1024n * 1024n && unit < UNITS.length - 2) {
    whole /= 1024n;
    unit++;
  }
  // whole is now in [1024, 1024^2) of UNITS[unit]; one decimal of the next unit up.
  const tenths = (whole * 10n + 512n) / 1024n;
  const intPart = tenths / 10n;
  const frac = tenths % 10n;
  return `${formatCount(intPart)}.${frac} ${UNITS[unit + 1]}`;
}

/**
 * Makes user text inert in Slack mrkdwn: &, <, > escaped (so `<!channel>`, `<@U123>` and
 * `<https://x|click>` cannot become pings or links) and `@channel`/`@here` broken with a zero-width space.
 */
export function escapeSlack(text: string): string {
  if (!/[&<>@]/.test(text)) return text;
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/@(channel|here|everyone)/gi, '@\u200b$1');
}

/** Text for a Slack code span: escaped, and backticks swapped so they cannot close the span. */
export function codeSpan(text: string): string {
  return '`' + escapeSlack(text).replace(/`/g, 'ˋ') + '`';
}

/** Cuts text to at most `max` characters (by code point), marking the cut. */
export function clipText(text: string, max: number): string {
  // A string has at least as many UTF-16 units as code points: short ones need no splitting.
  if (text.length <= max) return text;
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  return chars.slice(0, Math.max(0, max - 1)).join('') + '…';
}

/** Removes control characters and lone surrogates so echoed text is always printable and valid. */
export function printable(text: string): string {
  if (!/[\u0000-\u0008\u000b-\u001f\u007f\ud800-\udfff]/.test(text)) return text;
  return text
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}
