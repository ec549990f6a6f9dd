// Every sentence a reply says, in English, Chinese and French, from Fluent catalogues (locales/*.ftl,
// one file per language that a translator can read and edit). Counts are BigInt: they are grouped
// here with Intl.NumberFormat (exact on BigInt) before they reach Fluent, whose own NUMBER() would
// round them through a double.
import { readFileSync } from 'node:fs';
import { FluentBundle, FluentResource } from '@fluent/bundle';
import type { FluentVariable } from '@fluent/bundle';

export const LOCALES = ['en', 'zh', 'fr'] as const;
export type Locale = (typeof LOCALES)[number];

export type MessageArg = string | number | bigint;

/** A sentence as data: its catalogue id and arguments. The engine and parsers return these; render/ says them. */
export interface Message {
  id: string;
  args?: Record<string, MessageArg>;
}

export function msg(id: string, args?: Record<string, MessageArg>): Message {
  return args ? { id, args } : { id };
}

export function isLocale(s: unknown): s is Locale {
  return typeof s === 'string' && (LOCALES as readonly string[]).includes(s);
}

/** The catalogue's text; read from the package's locales/ folder, so dist works from any cwd. */
export function catalogueSource(locale: Locale): string {
  return readFileSync(new URL(`../../locales/${locale}.ftl`, import.meta.url), 'utf8');
}

const bundles = new Map<Locale, FluentBundle>();

function bundle(locale: Locale): FluentBundle {
  let b = bundles.get(locale);
  if (!b) {
    // useIsolating off: Slack and terminals show the bidi isolation marks as stray characters.
    b = new FluentBundle(locale, { useIsolating: false });
    const errors = b.addResource(new FluentResource(catalogueSource(locale)));
    if (errors.length > 0) throw new Error(`locales/${locale}.ftl: ${errors[0]?.message}`);
    bundles.set(locale, b);
  }
  return b;
}

/** The ids a catalogue defines (for the test that every catalogue has every message). */
export function catalogueIds(locale: Locale): string[] {
  const ids: string[] = [];
  for (const line of catalogueSource(locale).split('\n')) {
    const eq = line.indexOf(' =');
    if (eq > 0 && /^[a-z][a-z0-9-]*$/.test(line.slice(0, eq))) ids.push(line.slice(0, eq));
  }
  return ids;
}

const numberFormats = new Map<Locale, Intl.NumberFormat>();

/** 4457472n -> "4,457,472" (en), "4 457 472" (fr, narrow no-break spaces), "4,457,472" (zh). Exact. */
export function formatNumber(locale: Locale, n: bigint): string {
  const l: Locale = isLocale(locale) ? locale : 'en';
  let f = numberFormats.get(l);
  if (!f) {
    f = new Intl.NumberFormat(l, { maximumFractionDigits: 0 });
    numberFormats.set(l, f);
  }
  return f.format(n);
}

function fluentArgs(locale: Locale, args: Record<string, MessageArg> | undefined): Record<string, FluentVariable> {
  const out: Record<string, FluentVariable> = {};
  if (!args) return out;
  for (const [k, v] of Object.entries(args)) {
    if (typeof v === 'bigint') {
      out[k] = formatNumber(locale, v);
      // A plural selector needs a number; `$name-n` is the raw value (exact enough to pick a form).
      out[`${k}-n`] = Number(v);
    } else out[k] = v;
  }
  return out;
}

/** The sentence `id` in `locale`; falls back to English, then to the id itself (a test keeps them in step). */
export function t(locale: Locale, id: string, args?: Record<string, MessageArg>): string {
  // Anything that is not a known locale (a caller's map index, say) reads as English.
  const asked: Locale = isLocale(locale) ? locale : 'en';
  for (const l of asked === 'en' ? (['en'] as const) : ([asked, 'en'] as const)) {
    const b = bundle(l);
    const m = b.getMessage(id);
    if (m?.value) return b.formatPattern(m.value, fluentArgs(l, args));
  }
  return id;
}

export function say(locale: Locale, m: Message): string {
  return t(locale, m.id, m.args);
}

/** The language a question is written in: Chinese if it has Han characters, French if it reads French. */
export function detectLanguage(text: string): Locale | null {
  let french = 0;
  for (let i = 0; i < text.length && i < 2000; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x4e00 && c <= 0x9fff) return 'zh';
  }
  const words = text
    .toLowerCase()
    .slice(0, 2000)
    .split(/[^a-zà-ÿ']+/);
  for (const w of words) if (FRENCH_WORDS.has(w.replace(/^[dlqj]'/, ''))) french++;
  return french >= 2 ? 'fr' : null;
}

const FRENCH_WORDS = new Set([
  'combien',
  'paramètres',
  'paramètre',
  'parametres',
  'pour',
  'avec',
  'entrée',
  'entrées',
  'entree',
  'unités',
  'unité',
  'couches',
  'couche',
  'cachées',
  'cachée',
  'bidirectionnel',
  'bidirectionnelle',
  'quel',
  'quelle',
  'nombre',
  'une',
  'des',
  'est',
  'dans',
  'neurones',
  'taille',
  'pas',
  'temps',
]);

/**
 * The reply's language: `lang=` first, then the Slack user's locale ("fr-FR", "zh-CN"), then the
 * language of the question, else English.
 */
export function pickLocale(opts: { lang?: string | null; locale?: string | null; text?: string }): Locale {
  const base = (s: string | null | undefined) => (s ? s.toLowerCase().slice(0, 2) : '');
  const lang = base(opts.lang);
  if (isLocale(lang)) return lang;
  const user = base(opts.locale);
  if (isLocale(user) && user !== 'en') return user;
  const asked = opts.text ? detectLanguage(opts.text) : null;
  if (asked) return asked;
  return isLocale(user) ? user : 'en';
}
