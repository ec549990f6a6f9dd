// Hostile inputs, generated: the families of issue 10 (and a few more of the same kind), each at a
// requested size in characters, kept within the documented limits (100,000 characters, 5,000 lines).
// Shared by test/hardening/hostile.test.ts (every one answered, structurally checked) and
// bench/hostile.mjs (worst time and peak memory). Plain JavaScript so the bench runs it without a build.

export const MAX_CHARS = 100_000;
export const MAX_LINES = 5_000;

const HEADER = 'Layer (type)                 Output Shape              Param #';
const RULE = '='.repeat(65);

/** Repeats `unit` to about `size` characters (never past `size`). */
function fill(unit, size) {
  return unit.repeat(Math.max(0, Math.floor(size / unit.length)));
}

/** Repeats a line so the text stays under both limits. */
function lines(line, size, head = '') {
  const count = Math.min(MAX_LINES - 10, Math.floor((size - head.length) / (line.length + 1)));
  return head + Array.from({ length: Math.max(1, count) }, () => line).join('\n');
}

/**
 * Each family: name -> (size in characters, a seed 0..3 for variants) -> query text.
 * Sizes are approximate; none exceeds MAX_CHARS.
 */
export const FAMILIES = {
  // Summary reader: a header then one long line of spaces and an odd character (the cubic rule regex).
  'summary header + spaces': (n, v) => `${HEADER}\n${' '.repeat(n - 80)}${['x', '│', '=', '\t'][v % 4]}`,
  'summary header + box/space mix': (n, v) =>
    `${HEADER}\n${fill(['\t\t\t', ' │ ', '─ ', '━┃'][v % 4], n / 2)}│${fill(' ', n / 2 - 100)}-──x`,
  'summary row + trailing odd': (n, v) =>
    `${HEADER}\n${RULE}\nlstm (LSTM)   (None, 64)   49408${' '.repeat(n - 200)}${['\u0000', 'x', '(', '['][v % 4]}`,
  'summary long digit name ending in -': (n, v) =>
    `${HEADER}\n${RULE}\n${'1'.repeat(n - 200)}${['-', '-(', ' -', '-1'][v % 4]}`,
  'summary wrapped name lines': (n, v) =>
    lines(['  ab', ' (LS', '  ', 'x('][v % 4], n, `${HEADER}\n${RULE}\nlstm (LSTM)   (None, 64)   49408\n`),
  'summary wrapped shape lines': (n, v) =>
    lines(
      ['                             (None, 200),', '                             [(None,', '   (1', '  [1,'][v % 4],
      n,
      `${HEADER}\n${RULE}\nlstm (LSTM)   [(None, 200),   49408\n`,
    ),
  'summary nested shapes': (n, v) =>
    `${HEADER}\n${RULE}\nx (Dense)   [${fill(['(1, 2), ', '[1], ', '( ', '[ ('][v % 4], n - 200)}  10`,
  'summary many rows': (n, v) =>
    lines(
      [
        'dense (Dense)                (None, 10)                110',
        'lstm_1 (LSTM)   (None, 20, 64)   16900   input_1[0][0]',
        '│ d (Dense)  │ (None, 1)  │  17 │',
        '├─Linear: 1-1     [1, 10]     110',
      ][v % 4],
      n,
      `${v === 2 ? '┃ Layer (type) ┃ Output Shape ┃ Param # ┃' : v === 3 ? 'Layer (type:depth-idx)   Output Shape   Param #' : HEADER}\n${RULE}\n`,
    ),
  'summary connected-to flood': (n, v) =>
    `Layer (type)   Output Shape   Param #   Connected to\n${RULE}\nc (Concatenate)   (None, 9)   0   ${fill(['a[0][0] ', 'a'.repeat(50), 'a[', '[0]'][v % 4], n - 200)}`,
  'summary comment prefixes': (n, v) => lines(['# ', '# # ', '## ', '> '][v % 4] + HEADER, n),
  // Tokenizer preprocess: a code fence followed by a long run of whitespace (quadratic fence regex).
  'code fence + whitespace': (n, v) =>
    [
      `/lstm \`\`\`${' '.repeat(n - 20)}x`,
      `nn.Linear(1, 1) \`\`\`${' '.repeat(n - 30)}#x`,
      `\`\`\`${'\t'.repeat(n - 10)}py`,
      `\`\`\`python${' \t'.repeat((n - 20) / 2)}\nx`,
    ][v % 4],
  'code many fences': (n, v) => fill(['```', '``` ', '```py ', '```\n'][v % 4], n),
  // Numbers: long digit runs in every reader.
  'long digit runs': (n, v) =>
    [
      `/lstm ${'9'.repeat(n - 20)} 256`,
      `nn.LSTM(${'1'.repeat(n - 20)}, 2)`,
      `/lstm 4096 ${'1'.repeat(n - 20)}e`,
      `x = 1${'0'.repeat(n - 20)}.5e`,
    ][v % 4],
  'key = value floods': (n, v) => `/lstm 4096 256 ${fill(['a', 'a-', 'a.b', 'k='][v % 4], n - 20)}`,
  // Mentions and Slack markup.
  'mention flood': (n, v) => fill(['<@UBOT|', '<!channel>', '@here ', '<https://x.com|y>'][v % 4], n),
  // Nesting.
  'deep brackets': (n, v) => ['nn.Sequential(', '(', '[', '{'][v % 4].repeat(Math.floor(n / 14)),
  'deep calls': (n, v) => `${fill(['f(', 'nn.Sequential(nn.Linear(1, 1), ', 'a[', 'x.'][v % 4], n - 10)}1`,
  // Shape of the text.
  'one long line': (n, v) => fill(['a', 'nn.', '(1, ', 'é\u202e'][v % 4], n),
  'many lines': (n, v) => lines(['x', 'nn.Linear(1, 1)', '', '    model.add(Dense(2))'][v % 4], n),
  'bidi and control characters in names': (n, v) =>
    `LSTM(64, input_shape=(10, 32), name='${fill(['\u202e\u2066', '\u0085\u009b', '\u2028\u2029', '\u0000\u001b'][v % 4], Math.min(n - 60, 2000))}')`,
  'many layers': (n, v) =>
    `nn.Sequential(${fill(['nn.Linear(10, 10), ', 'nn.LSTM(10, 10), ', 'nn.ReLU(), ', 'nn.Conv2d(3, 3, 3), '][v % 4], n - 20)})`,
};

/** Sizes tried per family in the tests, up to the limit. */
export const SIZES = [1_000, 20_000, MAX_CHARS - 1_000];

/** Every (family, size, variant) query text. */
export function* hostileInputs(sizes = SIZES, variants = [0, 1, 2, 3]) {
  for (const [family, make] of Object.entries(FAMILIES)) {
    for (const size of sizes) {
      for (const v of variants) {
        let text = make(size, v);
        if (text.length > MAX_CHARS) text = text.slice(0, MAX_CHARS);
        const parts = text.split('\n');
        if (parts.length > MAX_LINES) text = parts.slice(0, MAX_LINES).join('\n');
        yield { family, size, variant: v, text };
      }
    }
  }
}
