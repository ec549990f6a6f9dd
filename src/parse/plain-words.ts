// Questions in plain words -> slash shorthand tokens. "how many params in an LSTM with 128 units and
// 300-dim input?", "lstm input 300 hidden 128 2 layers bidirectional", "一个输入4096、256个单元的LSTM",
// "combien de paramètres pour un LSTM 4096 256 ?" all become `input=… units=… layers=…` tokens the
// shorthand parser already reads. Plain string scanning only (no regular expression runs on the text).

/** Full-width forms from a Chinese or Japanese input method (４０９６，２５６) and CJK punctuation, as ASCII. */
export function foldWidth(text: string): string {
  let out = '';
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    if (c >= 0xff01 && c <= 0xff5e) out += String.fromCodePoint(c - 0xfee0);
    else if (c === 0x3000) out += ' ';
    else if (c === 0x3001)
      out += ','; // 、 lists sizes: 4096、256
    else if (c === 0x3002)
      out += ' '; // 。
    else if (c === 0xd7) out += ' x ';
    else out += ch;
  }
  return out;
}

export type Role = 'input' | 'units' | 'layers' | 'seq' | 'batch';

/** Words that name what the number next to them is. */
const ROLE_WORDS: Record<string, Role> = {
  input: 'input',
  inputs: 'input',
  input_size: 'input',
  input_dim: 'input',
  embedding: 'input',
  embeddings: 'input',
  entrée: 'input',
  entrées: 'input',
  entree: 'input',
  entrees: 'input',
  units: 'units',
  unit: 'units',
  hidden: 'units',
  hidden_size: 'units',
  num_units: 'units',
  neurons: 'units',
  cells: 'units',
  unités: 'units',
  unité: 'units',
  unites: 'units',
  neurones: 'units',
  cachées: 'units',
  cachée: 'units',
  caché: 'units',
  cachés: 'units',
  layers: 'layers',
  layer: 'layers',
  num_layers: 'layers',
  couches: 'layers',
  couche: 'layers',
  timesteps: 'seq',
  timestep: 'seq',
  steps: 'seq',
  seq_len: 'seq',
  seqlen: 'seq',
  sequence_length: 'seq',
  input_length: 'seq',
  maxlen: 'seq',
  tokens: 'seq',
  batch: 'batch',
  batch_size: 'batch',
};

/** Words that qualify a role word or a number without changing what it is ("input size", "300-dim"). */
const MODIFIERS = new Set([
  'size',
  'sized',
  'dim',
  'dims',
  'dimension',
  'dimensions',
  'dimensional',
  'features',
  'feature',
  'width',
  'state',
  'taille',
  'of',
  'de',
  'd',
  'is',
  'est',
]);

/** Words a question is made of that say nothing about the layer. */
const FILLERS = new Set([
  // English
  'with',
  'and',
  'a',
  'an',
  'how',
  'many',
  'much',
  'params',
  'param',
  'parameters',
  'parameter',
  'weights',
  'in',
  'the',
  'for',
  'does',
  'do',
  'have',
  'has',
  'are',
  'what',
  'whats',
  "what's",
  'count',
  'number',
  'total',
  'there',
  'please',
  'tell',
  'me',
  'calculate',
  'compute',
  'it',
  'this',
  'that',
  'my',
  'single',
  'get',
  'would',
  'will',
  'be',
  'need',
  'using',
  'cell',
  'model',
  'network',
  'net',
  'trainable',
  'by',
  'on',
  'i',
  'stacked',
  'stack',
  'deep',
  'unidirectional',
  'one-directional',
  'length',
  // French
  'avec',
  'et',
  'un',
  'une',
  'combien',
  'paramètres',
  'paramètre',
  'parametres',
  'parametre',
  'poids',
  'pour',
  'le',
  'la',
  'les',
  'des',
  'du',
  'y',
  'il',
  'dans',
  'ce',
  'que',
  'qu',
  'quel',
  'quelle',
  'nombre',
  'sur',
  'en',
  'ont',
  'cellule',
  'modèle',
  'réseau',
  'a-t-il',
  't',
  'pas',
  'temps',
  'séquence',
  'longueur',
]);

/** Flags written as words in any of the three languages. */
export const BIDIRECTIONAL_WORDS = new Set([
  'bidirectional',
  'bi',
  'bidir',
  'bidi',
  'bi-directional',
  'bidirectionnel',
  'bidirectionnelle',
]);

export function roleOf(word: string): Role | undefined {
  return Object.hasOwn(ROLE_WORDS, word) ? ROLE_WORDS[word] : undefined;
}

export function isModifier(word: string): boolean {
  return MODIFIERS.has(word);
}

export function isFiller(word: string): boolean {
  return FILLERS.has(word);
}

/** Chinese words, longest first, and what each becomes. Han characters not listed are dropped. */
const CHINESE: [string, string][] = (
  [
    ['隐藏层大小', 'units'],
    ['隐藏单元', 'units'],
    ['隐藏大小', 'units'],
    ['隐藏状态', 'units'],
    ['隐藏层', 'units'],
    ['隐层', 'units'],
    ['隐藏', 'units'],
    ['单元', 'units'],
    ['神经元', 'units'],
    ['输入维度', 'input'],
    ['输入大小', 'input'],
    ['输入特征', 'input'],
    ['输入', 'input'],
    ['层数', 'layers'],
    ['层', 'layers'],
    ['双向', 'bidirectional'],
    ['时间步长', 'timesteps'],
    ['时间步', 'timesteps'],
    ['序列长度', 'timesteps'],
    ['批大小', 'batch'],
    ['批量大小', 'batch'],
    ['维', 'dim'],
  ] as [string, string][]
).sort((a, b) => b[0].length - a[0].length);

const CHINESE_NUMERALS: Record<string, string> = {
  一: '1',
  二: '2',
  两: '2',
  三: '3',
  四: '4',
  五: '5',
  六: '6',
  七: '7',
  八: '8',
  九: '9',
  十: '10',
};

function isHan(c: number): boolean {
  return c >= 0x4e00 && c <= 0x9fff;
}

/**
 * Chinese vocabulary as English words with spaces around them; other Han characters (有, 多少, 参数,
 * 个, 的 ...) carry no size and become spaces. A numeral right before 层 is a layer count (两层 = 2 layers).
 */
export function translateChinese(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (!isHan(c)) {
      out += text[i];
      i++;
      continue;
    }
    const numeral = CHINESE_NUMERALS[text[i] ?? ''];
    if (numeral && text[i + 1] === '层') {
      out += ` ${numeral} layers `;
      i += 2;
      continue;
    }
    const hit = CHINESE.find(([zh]) => text.startsWith(zh, i));
    if (hit) {
      out += ` ${hit[1]} `;
      i += hit[0].length;
    } else {
      out += ' ';
      i++;
    }
  }
  return out;
}

/** Multi-word names folded into one word before tokenising ("time steps" -> "timesteps"). */
const PHRASES: [string, string][] = [
  ['time steps', 'timesteps'],
  ['time-steps', 'timesteps'],
  ['sequence length', 'seq_len'],
  ['seq len', 'seq_len'],
  ['batch size', 'batch_size'],
  ['hidden size', 'hidden_size'],
  ['input size', 'input_size'],
  ['input dim', 'input_dim'],
  ['pas de temps', 'timesteps'],
  ['longueur de séquence', 'seq_len'],
  ['no bias', 'no-bias'],
  ['without bias', 'no-bias'],
  ['sans biais', 'no-bias'],
];

export function foldPhrases(text: string): string {
  let lower = text.toLowerCase();
  // Lower-casing can change the length of a few characters (İ); only fold when it did not.
  if (lower.length !== text.length) return text;
  let out = text;
  for (const [phrase, word] of PHRASES) {
    let at = lower.indexOf(phrase);
    while (at >= 0) {
      const before = at === 0 ? ' ' : (lower[at - 1] ?? ' ');
      const after = lower[at + phrase.length] ?? ' ';
      if (!isWordChar(before) && !isWordChar(after)) {
        out = out.slice(0, at) + word + out.slice(at + phrase.length);
        lower = lower.slice(0, at) + word + lower.slice(at + phrase.length);
        at = lower.indexOf(phrase, at + word.length);
      } else at = lower.indexOf(phrase, at + 1);
    }
  }
  return out;
}

function isWordChar(ch: string): boolean {
  return (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch === '_';
}

/** Letters that look like digits, by script: `25б` has a Cyrillic б where a 6 belongs. */
const LOOKALIKES: Record<string, { digit: string; script: string }> = {
  б: { digit: '6', script: 'Cyrillic' },
  З: { digit: '3', script: 'Cyrillic' },
  з: { digit: '3', script: 'Cyrillic' },
  О: { digit: '0', script: 'Cyrillic' },
  о: { digit: '0', script: 'Cyrillic' },
  ч: { digit: '4', script: 'Cyrillic' },
  Ο: { digit: '0', script: 'Greek' },
  ο: { digit: '0', script: 'Greek' },
  O: { digit: '0', script: 'Latin' },
  o: { digit: '0', script: 'Latin' },
  l: { digit: '1', script: 'Latin' },
  I: { digit: '1', script: 'Latin' },
};

export interface Lookalike {
  token: string;
  letter: string;
  codePoint: string;
  script: string;
  digit: string;
  fixed: string;
}

/** A size written with a letter that looks like a digit (`25б`, `4O96`), and the size it was meant to be. */
export function findLookalike(token: string): Lookalike | null {
  let digits = 0;
  let found: { letter: string; digit: string; script: string } | null = null;
  let fixed = '';
  for (const ch of token) {
    if (ch >= '0' && ch <= '9') {
      digits++;
      fixed += ch;
      continue;
    }
    if (ch === '_' || ch === ',') {
      fixed += ch;
      continue;
    }
    const l = LOOKALIKES[ch];
    if (!l) return null;
    found ??= { letter: ch, digit: l.digit, script: l.script };
    fixed += l.digit;
  }
  if (!found || digits === 0) return null;
  const cp = (found.letter.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');
  return { token, letter: found.letter, codePoint: `U+${cp}`, script: found.script, digit: found.digit, fixed };
}

/** Letters of other scripts that look like Latin ones (`/lѕtm` typed with a Cyrillic ѕ). */
const LATIN_LOOKALIKES: Record<string, { latin: string; script: string }> = {
  а: { latin: 'a', script: 'Cyrillic' },
  е: { latin: 'e', script: 'Cyrillic' },
  о: { latin: 'o', script: 'Cyrillic' },
  р: { latin: 'p', script: 'Cyrillic' },
  с: { latin: 'c', script: 'Cyrillic' },
  ѕ: { latin: 's', script: 'Cyrillic' },
  і: { latin: 'i', script: 'Cyrillic' },
  ј: { latin: 'j', script: 'Cyrillic' },
  у: { latin: 'y', script: 'Cyrillic' },
  х: { latin: 'x', script: 'Cyrillic' },
  ӏ: { latin: 'l', script: 'Cyrillic' },
  ԁ: { latin: 'd', script: 'Cyrillic' },
  ο: { latin: 'o', script: 'Greek' },
  ν: { latin: 'v', script: 'Greek' },
  ρ: { latin: 'p', script: 'Greek' },
  ι: { latin: 'i', script: 'Greek' },
};

/** The word with look-alike letters of other scripts read as the Latin ones, and the first such letter. */
export function foldLatinLookalikes(word: string): {
  folded: string;
  letter: { letter: string; codePoint: string; script: string; latin: string } | null;
} {
  let folded = '';
  let letter: { letter: string; codePoint: string; script: string; latin: string } | null = null;
  for (const ch of word) {
    const l = LATIN_LOOKALIKES[ch.toLowerCase()];
    if (!l) {
      folded += ch;
      continue;
    }
    folded += l.latin;
    const codePoint = `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
    letter ??= { letter: ch, codePoint, script: l.script, latin: l.latin };
  }
  return { folded, letter };
}

/** Optimal string alignment distance, capped: words are short, so this is a few hundred steps at most. */
export function editDistance(a: string, b: string, cap = 3): number {
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  if (a.length > 40 || b.length > 40) return cap + 1;
  const d: number[][] = [];
  for (let i = 0; i <= a.length; i++) d.push([i]);
  for (let j = 1; j <= b.length; j++) (d[0] as number[])[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const row = d[i] as number[];
    const prev = d[i - 1] as number[];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        v = Math.min(v, ((d[i - 2] as number[])[j - 2] as number) + 1);
      row[j] = v;
    }
  }
  return (d[a.length] as number[])[b.length] as number;
}

/** The closest word of `vocabulary` to `word`, if close enough to be a typo of it (and only one is). */
export function nearestWord(word: string, vocabulary: Iterable<string>): string | null {
  if (word.length < 4) return null;
  const limit = word.length >= 6 ? 2 : 1;
  let best: string | null = null;
  let bestDistance = limit + 1;
  let tie = false;
  for (const v of vocabulary) {
    if (v.length < 3) continue;
    const d = editDistance(word, v, limit);
    if (d < bestDistance) {
      best = v;
      bestDistance = d;
      tie = false;
    } else if (d === bestDistance && best !== null && v !== best) tie = true;
  }
  return best !== null && bestDistance <= limit && !tie ? best : null;
}
