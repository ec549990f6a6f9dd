// Slack code fences in pasted text. Plain string code: a fence regex went quadratic on a fence followed
// by a long run of spaces (45 s on 100 KB).

const isBlank = (c: string | undefined): boolean => c === ' ' || c === '\t';
const isWordChar = (c: string | undefined): boolean => c !== undefined && /[A-Za-z0-9_+-]/.test(c);

/**
 * Replaces every ``` with a line break; an opening fence's language word (`python`) goes with it when
 * `isTag` accepts it and the line ends there. Linear: each character is looked at a bounded number of times.
 */
export function dropFences(text: string, isTag: (word: string) => boolean): string {
  let out = '';
  let from = 0;
  for (let at = text.indexOf('```'); at >= 0; at = text.indexOf('```', from)) {
    out += `${text.slice(from, at)}\n`;
    let j = at + 3;
    while (isBlank(text[j])) j++;
    const wordStart = j;
    while (isWordChar(text[j])) j++;
    const word = text.slice(wordStart, j);
    while (isBlank(text[j])) j++;
    from = isTag(word) && (j === text.length || text[j] === '\n') ? j : at + 3;
  }
  return out + text.slice(from);
}
