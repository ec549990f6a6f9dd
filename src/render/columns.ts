// Code blocks fit a phone: at most 60 columns. Han characters take two columns in a monospace font.
export const MAX_CODE_COLUMNS = 60;

export function columns(line: string): number {
  let w = 0;
  for (const ch of line) {
    const c = ch.codePointAt(0) ?? 0;
    w +=
      (c >= 0x1100 && c <= 0x115f) ||
      (c >= 0x2e80 && c <= 0xa4cf) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xff00 && c <= 0xff60)
        ? 2
        : 1;
  }
  return w;
}

/** Wraps each line to `max` columns: at the last space that fits, else hard; continuations indented. */
export function fitColumns(text: string, max = MAX_CODE_COLUMNS): string {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    let rest = line;
    let indent = '';
    while (columns(indent + rest) > max) {
      const chars = Array.from(rest);
      let cut = 0;
      let width = columns(indent);
      let lastSpace = -1;
      while (cut < chars.length && width + columns(chars[cut] ?? '') <= max) {
        if (chars[cut] === ' ' && cut > 0) lastSpace = cut;
        width += columns(chars[cut] ?? '');
        cut++;
      }
      const at = lastSpace > 0 ? lastSpace : Math.max(1, cut);
      out.push((indent + chars.slice(0, at).join('')).trimEnd());
      rest = chars.slice(at).join('').trimStart();
      // Continuations sit under the line they continue, a little in: clearly the same row.
      if (!indent) indent = '    ';
    }
    out.push(indent + rest);
  }
  return out.join('\n');
}

/** Pads to `width` columns (not UTF-16 units), so a table with Han characters still lines up. */
export function padColumns(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - columns(text)));
}
