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
 * `<https://x|click>` cannot become pings or links), `@channel`/`@here` broken with a zero-width space,
 * and URLs and bare domains broken the same way (`https:/​/x.​com`): Slack auto-links them in a
 * public reply otherwise.
 */
export function escapeSlack(text: string): string {
  if (!/[&<>@.:]/.test(text)) return text;
  return breakLinks(
    text
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/@(channel|here|everyone)/gi, '@\u200b$1'),
  );
}

const ZWSP = '\u200b';
const isAlnum = (c: string | undefined): boolean => c !== undefined && /[A-Za-z0-9]/.test(c);
const isLetter = (c: string | undefined): boolean => c !== undefined && /[A-Za-z]/.test(c);

/**
 * Top-level domains Slack links without a scheme: every two-letter (country) one and these. Others
 * ("tf.keras", "nn.LSTM") are left alone so our own words read normally.
 */
const LINKED_TLDS = new Set(
  'com net org edu gov mil int info biz xyz top site online club shop store tech app dev io ai co me tv cc ly gg pro page link click live zip mov cloud blog news'.split(
    ' ',
  ),
);

/** The domain label starting at i ("com" in "x.com/a"), when it ends the host part. */
function labelAt(text: string, i: number): string {
  let j = i;
  while (isLetter(text[j])) j++;
  return isAlnum(text[j]) || text[j] === '-' ? '' : text.slice(i, j).toLowerCase();
}

/**
 * "https://x.com" -> "https:/​/x.​com": a zero-width space inside every "://" and after a dot
 * that starts a linkable top-level domain or follows "www"; Slack's link detection needs them unbroken.
 * One pass over the text.
 */
function breakLinks(text: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    let breakAfter = false;
    if (c === '/') breakAfter = text[i - 1] === ':' && text[i + 1] === '/';
    else if (c === '.' && isAlnum(text[i - 1]) && isLetter(text[i + 1])) {
      const label = labelAt(text, i + 1);
      breakAfter = label.length === 2 || LINKED_TLDS.has(label) || text.slice(i - 3, i).toLowerCase() === 'www';
    }
    if (breakAfter) {
      out += text.slice(from, i + 1) + ZWSP;
      from = i + 1;
    }
  }
  return from === 0 ? text : out + text.slice(from);
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

/**
 * Characters that can change how the rest of a line looks: bidi overrides and isolates (U+202A-202E,
 * U+2066-2069), direction marks (U+200E/F, U+061C), line and paragraph separators (U+2028/9), and C0/C1
 * controls other than newline and tab (an ESC can drive a terminal).
 */
const UNSAFE_CHARS =
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const ANY_SUSPECT =
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]/;

/**
 * Makes user text safe to show in Slack and a terminal: the characters above are removed (the line
 * separators become spaces) and lone surrogates become U+FFFD, so echoed text is always printable,
 * reads in its own order and is valid UTF-8.
 */
export function printable(text: string): string {
  if (!ANY_SUSPECT.test(text)) return text;
  return text
    .replace(UNSAFE_CHARS, (c) => (c === '\u2028' || c === '\u2029' ? ' ' : ''))
    .replace(LONE_SURROGATE, '\ufffd');
}

/** The same characters inside JSON text, written as \u escapes: the JSON keeps them, a terminal does not act on them. */
export function escapeJsonControls(json: string): string {
  if (!ANY_SUSPECT.test(json)) return json;
  return json.replace(UNSAFE_CHARS, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
