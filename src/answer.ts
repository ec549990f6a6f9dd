// The one path every surface takes: text -> source (shorthand, code, summary) -> spec -> engine ->
// an Answer, which render/ turns into Block Kit, terminal text or JSON. Never throws.
import type { Answer, AnswerOptions, ErrorAnswer } from './answer-types.js';
import { MAX_QUERY_CHARS, MAX_QUERY_LINES } from './limits.js';
import { foldLatinLookalikes, nearestWord } from './parse/plain-words.js';
import { CELL_COMMANDS } from './parse/slash.js';
import { formatCount } from './render/format.js';
import { codeSource } from './sources/code.js';
import { questionSource, shorthandSource } from './sources/shorthand.js';
import { isLocale, pickLocale } from './i18n/index.js';
import type { Locale } from './i18n/index.js';
import type { InputSource, SourceContext } from './sources/source.js';
import { summarySource } from './sources/summary.js';
import { hfConfigSource, hubNameSource, transformerShorthandSource } from './sources/transformer.js';

export type * from './answer-types.js';

/** The input kinds, tried in order: the first whose detect() accepts the text answers it. */
const SOURCES: readonly InputSource[] = [
  transformerShorthandSource,
  hfConfigSource,
  hubNameSource,
  summarySource,
  codeSource,
  shorthandSource,
  questionSource,
];

const KNOWN_COMMANDS = ['/lstm', '/gru', '/rnn', '/params', '/transformer'];

function fullQuery(text: string, command: string | undefined): string {
  return command ? `${command} ${text}`.trim() : text;
}

/** Splits a leading `/lstm` (or a bare `lstm`) off the text. */
function splitCommand(text: string, given: string | undefined): { command: string; rest: string } {
  if (given) return { command: given.toLowerCase(), rest: text };
  const m = /^\s*\/?([A-Za-z]+)\b\s*/.exec(text);
  if (m && m[1]) {
    const word = m[1].toLowerCase();
    const hasSlash = text.trimStart().startsWith('/');
    if (CELL_COMMANDS[word] || word === 'params' || word === 'transformer' || (hasSlash && !CELL_COMMANDS[word])) {
      // `lstm 4096 256` without the slash is read as the command too, but `LSTM(64)` is code.
      const after = text.slice(m[0].length);
      if (hasSlash || !after.startsWith('(')) return { command: '/' + word, rest: after };
    }
  }
  return { command: '', rest: text };
}

export function answerQuery(text: string, opts: AnswerOptions = {}): Answer {
  const query = fullQuery(text, opts.command);
  try {
    // `lang=zh` after pasted code or a summary (the shorthand reads its own, anywhere in the line).
    const lang = trailingLang(text);
    const answer = answerUnsafe(lang ? lang.rest : text, query, opts);
    if (lang) answer.locale = lang.locale;
    // The reply's language, when the source did not choose it (`lang=`): the Slack user's, else the question's.
    answer.locale ??= pickLocale({ locale: opts.locale ?? null, text: query.slice(0, 2000) });
    return answer;
  } catch (err) {
    // The engine and parsers are total; this is the last line of defence, never shown as a stack.
    return {
      kind: 'error',
      query,
      command: opts.command ?? '',
      message: `Something went wrong reading that (${err instanceof RangeError ? err.message : 'an internal error'}). Try e.g. \`/lstm 4096 256\`.`,
    };
  }
}

function answerUnsafe(text: string, query: string, opts: AnswerOptions): Answer {
  if (typeof text !== 'string') text = String(text);
  if (text.length > MAX_QUERY_CHARS) {
    return errorAnswer(
      query,
      opts.command ?? '',
      `That is ${formatCount(BigInt(text.length))} characters; I read at most ${formatCount(BigInt(MAX_QUERY_CHARS))}. Paste one model or layer, e.g. \`/lstm 4096 256\`.`,
    );
  }
  let lines = 1;
  for (let i = 0; i < text.length && lines <= MAX_QUERY_LINES; i++) if (text.charCodeAt(i) === 10) lines++;
  if (lines > MAX_QUERY_LINES) {
    return errorAnswer(
      query,
      opts.command ?? '',
      `That is over ${formatCount(BigInt(MAX_QUERY_LINES))} lines; I read at most ${formatCount(BigInt(MAX_QUERY_LINES))}. Paste one model or layer, e.g. \`/lstm 4096 256\`.`,
    );
  }
  const { command, rest } = splitCommand(text, opts.command);
  if (command && !CELL_COMMANDS[command.slice(1)] && !KNOWN_COMMANDS.includes(command)) {
    return errorAnswer(query, command, unknownCommand(opts.command ? `${command} ${rest}` : text));
  }
  const ctx: SourceContext = { query, command, compare: opts.compare, locale: opts.locale };
  for (const source of SOURCES) if (source.detect(rest, ctx)) return source.answer(rest, ctx);
  if (rest.trim() === '' || /^\s*help\s*$/i.test(rest)) return { kind: 'help', query, command: command || '/params' };
  return errorAnswer(
    query,
    command,
    'I read layer shorthand after `/lstm`, `/gru` or `/rnn`, e.g. `/lstm 4096 256`, or pasted layer code such as `nn.LSTM(300, 512, num_layers=2)`.',
  );
}

function errorAnswer(query: string, command: string, message: string): ErrorAnswer {
  return { kind: 'error', query, command, message };
}

/**
 * An unknown command, with the nearest known one when it is a typo or was typed with look-alike letters
 * of another script (`/lѕtm` with a Cyrillic ѕ reads as `/l` otherwise).
 */
function unknownCommand(typed: string): string {
  const start = typed.trimStart();
  let end = start.indexOf(' ');
  if (end < 0) end = start.length;
  const written = start.slice(start.startsWith('/') ? 1 : 0, Math.min(end, 40));
  const { folded, letter } = foldLatinLookalikes(written.toLowerCase());
  const names = KNOWN_COMMANDS.map((c) => c.slice(1));
  const nearest = names.includes(folded) ? folded : nearestWord(folded, names);
  const shown = `/${written.slice(0, 24)}`;
  if (!nearest) {
    return `I don't know the command \`${shown}\`. Try \`/lstm 4096 256\`, \`/gru 128 64\`, \`/rnn 300 128\` or \`/params nn.LSTM(300, 512)\`.`;
  }
  const args = start.slice(end).trim().slice(0, 60);
  const why = letter
    ? ` (its \`${letter.letter}\` is the ${letter.script} letter ${letter.codePoint}, not the Latin ${letter.latin})`
    : '';
  return `I don't know the command \`${shown}\`${why}. Did you mean \`/${nearest}${args ? ` ${args}` : ''}\`?`;
}

/** A last word `lang=en|zh|fr` (any case) and the text before it; null when the text ends otherwise. */
function trailingLang(text: string): { locale: Locale; rest: string } | null {
  const trimmed = text.trimEnd();
  const cut = Math.max(trimmed.lastIndexOf(' '), trimmed.lastIndexOf('\n'), trimmed.lastIndexOf('\t'));
  const word = trimmed.slice(cut + 1).toLowerCase();
  if (cut < 0 || !word.startsWith('lang=')) return null;
  const locale = word.slice('lang='.length);
  return isLocale(locale) ? { locale, rest: trimmed.slice(0, cut) } : null;
}
