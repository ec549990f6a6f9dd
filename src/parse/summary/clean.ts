// Turns a paste into plain table lines: Slack's HTML escapes, code fences, invisible characters, tabs,
// and the prefixes a table picks up on its way (`# ` / `# # ` / `## ` Python or R comments, `> ` Slack
// quotes, `// ` JS comments). Plain string code on user text; every step is linear.
import { dropFences } from '../fences.js';

export function unescapeSlack(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#0?39;|&#x27;|&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** A line's comment or quote prefix ("# ", "## ", "# # ", "> ", "// "), '' when none. */
function prefixOf(line: string, mark: string): string {
  const lead = line.length - line.trimStart().length;
  if (!line.startsWith(mark, lead)) return '';
  return line.slice(0, lead + mark.length + (line[lead + mark.length] === ' ' ? 1 : 0));
}

const PREFIX_MARKS = ['#', '>', '//'];
/** `# # ` and `## ` are two levels; a third is not seen in practice. */
const MAX_PREFIX_LEVELS = 3;

/** Strips one comment level when most non-blank lines carry it; returns null when none does. */
function stripOneLevel(lines: string[]): string[] | null {
  const nonBlank = lines.filter((l) => l.trim() !== '');
  if (nonBlank.length === 0) return null;
  for (const mark of PREFIX_MARKS) {
    const marked = nonBlank.filter((l) => prefixOf(l, mark) !== '').length;
    if (marked >= Math.ceil(nonBlank.length * 0.6)) return lines.map((l) => l.slice(prefixOf(l, mark).length));
  }
  return null;
}

/** Normalises a paste into plain lines (trailing spaces trimmed). */
export function cleanSummaryText(text: string): string[] {
  let t = dropFences(unescapeSlack(text).replace(/\r\n?/g, '\n'), () => true);
  t = t
    .replace(/[\u200b-\u200d\u2060\ufeff]/g, '')
    .replace(/[\u00a0\u2007\u202f]/g, ' ')
    .replace(/\t/g, '    ');
  let lines = t.split('\n').map((l) => l.trimEnd());
  for (let level = 0; level < MAX_PREFIX_LEVELS; level++) {
    const stripped = stripOneLevel(lines);
    if (!stripped) break;
    lines = stripped.map((l) => l.trimEnd());
  }
  return lines;
}

const RULE_CHARS = new Set([...'=_-─━┈~.']);
const BOX_CHARS = new Set([...'┏┓┡┩├┤┼└┘┴┬╇┳━─┃│']);

/** A horizontal rule or box border line ("=====", "____", "┏━━┳━━┓", "├─────┤"). */
export function isRule(line: string): boolean {
  if (line.length < 3) return false;
  const t = line.trim();
  if (t === '') return true;
  if (!RULE_CHARS.has(t[0] as string) && !BOX_CHARS.has(t[0] as string)) return false;
  let rule = t.length >= 3;
  let box = true;
  for (let i = 0; i < t.length && (rule || box); i++) {
    const c = t[i] as string;
    if (!RULE_CHARS.has(c)) rule = false;
    if (!BOX_CHARS.has(c) && c !== ' ') box = false;
  }
  return rule || box;
}
