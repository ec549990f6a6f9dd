// Reads the module tree `print(model)` shows in PyTorch and rewrites it as the equivalent Python
// (nested nn.Sequential(OrderedDict(...)) with the printed leaf calls), which the code reader then
// counts. Plain string code, line by line: no regular expression touches the user's text.
//
//   RNNModel(
//     (encoder): Embedding(33278, 200)
//     (layers): ModuleList(
//       (0-2): 3 x Linear(in_features=128, out_features=128, bias=True)
//     )
//   )

/** Printed leaf types that are another type for counting. */
const SAME_AS: Record<string, string> = { NonDynamicallyQuantizableLinear: 'Linear' };

/** torch.nn modules that print as `Name()` (no arguments). Any other `Name()` is a custom module. */
const PRINTED_BARE = new Set([
  'ReLU',
  'ReLU6',
  'Tanh',
  'Sigmoid',
  'Identity',
  'SiLU',
  'Mish',
  'Hardswish',
  'Hardsigmoid',
  'Softsign',
  'Tanhshrink',
  'LogSigmoid',
  'Sequential',
  'ModuleList',
  'ModuleDict',
]);

interface PrintedNode {
  key: string;
  type: string;
  /** The printed arguments of a leaf (inside its parentheses); null for a module with children. */
  args: string | null;
  repeat: number;
  children: PrintedNode[];
  line: number;
}

export interface PrintedTree {
  code: string;
  notes: string[];
}

const MAX_REPEAT = 1_000;

function isIdent(s: string): boolean {
  if (s.length === 0 || s.length > 100) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const letter = (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
    if (!letter && !(i > 0 && c >= 48 && c <= 57)) return false;
  }
  return true;
}

/** Net parenthesis depth of a text, ignoring quoted parts. */
function depthChange(s: string): number {
  let d = 0;
  let quote = '';
  for (const c of s) {
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === "'" || c === '"') quote = c;
    else if (c === '(') d++;
    else if (c === ')') d--;
  }
  return d;
}

/** `(name): rest` -> [name, rest]. */
function splitKey(line: string): [string, string] | null {
  if (!line.startsWith('(')) return null;
  const close = line.indexOf('): ');
  if (close < 0) return null;
  const key = line.slice(1, close);
  if (key.length === 0 || key.length > 100 || key.includes('(')) return null;
  return [key, line.slice(close + 3).trim()];
}

/** `3 x Linear(...)` -> [3, 'Linear(...)']. */
function splitRepeat(rest: string): [number, string] {
  const x = rest.indexOf(' x ');
  if (x > 0 && x <= 6) {
    const n = Number(rest.slice(0, x));
    if (Number.isInteger(n) && n > 0) return [n, rest.slice(x + 3).trim()];
  }
  return [1, rest];
}

/** Whether the text is a printed module tree: `Name(` first, then `(key): Type(...)` lines. */
export function looksLikeTorchPrint(text: string): boolean {
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
  const first = lines[0];
  if (!first || !first.endsWith('(') || !isIdent(first.slice(0, -1))) return false;
  const second = lines[1];
  return second !== undefined && (second === ')' || splitKey(second) !== null);
}

/** The printed tree rewritten as Python the code reader counts; null when the text is not one. */
export function readTorchPrint(text: string): PrintedTree | null {
  if (!looksLikeTorchPrint(text)) return null;
  const lines = text.split('\n');
  const root: PrintedNode = { key: '', type: '', args: null, repeat: 1, children: [], line: 1 };
  const stack: PrintedNode[] = [];
  let started = false;
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] as string).trim();
    if (line === '') continue;
    if (!started) {
      root.type = line.slice(0, -1);
      stack.push(root);
      started = true;
      continue;
    }
    const parent = stack[stack.length - 1];
    if (!parent) return null;
    if (line === ')') {
      stack.pop();
      continue;
    }
    const kv = splitKey(line);
    if (!kv) return null;
    const [repeat, call] = splitRepeat(kv[1]);
    const open = call.indexOf('(');
    const type = open > 0 ? call.slice(0, open) : call;
    if (!isIdent(type) || repeat > MAX_REPEAT) return null;
    const node: PrintedNode = { key: kv[0], type, args: null, repeat, children: [], line: i + 1 };
    parent.children.push(node);
    if (open < 0) {
      node.args = '';
    } else if (depthChange(call) > 0) {
      if (!call.endsWith('(')) return null;
      stack.push(node);
      if (stack.length > 64) return null;
    } else node.args = call.slice(open + 1, call.lastIndexOf(')'));
  }
  const notes = [
    'Read from a printed module tree (`print(model)`): a printed tree cannot show raw nn.Parameters registered on a module, and tied weights appear at each place they are used (PyTorch counts them once).',
  ];
  const code = `model = ${emit(root, notes, 0)}`;
  return { code, notes };
}

function emit(node: PrintedNode, notes: string[], depth: number): string {
  if (node.args !== null) {
    const type = SAME_AS[node.type] ?? node.type;
    if (node.args.trim() === '' && !PRINTED_BARE.has(type)) {
      // `Foo()` with nothing inside: a custom module whose own tensors the tree does not show.
      const note = `\`${type}()\` is printed with no arguments and no children: a custom module whose own parameters a printed tree can't show, so it is not counted.`;
      if (!notes.includes(note)) notes.push(note);
      return `nn.UnprintedModule(${JSON.stringify(type)})`;
    }
    return `nn.${type}(${node.args})`;
  }
  const items: string[] = [];
  for (const child of node.children) {
    const keys = expandKeys(child.key, child.repeat);
    for (const k of keys) items.push(`(${JSON.stringify(k)}, ${emit(child, notes, depth + 1)})`);
  }
  if (node.type === 'MultiheadAttention') {
    // Only out_proj is printed; in_proj (query, key and value projections) is a raw parameter.
    const out = node.children.find((c) => c.key === 'out_proj');
    const e = out?.args ? keywordOf(out.args, 'in_features') : null;
    if (e) {
      const bias = out?.args?.includes('bias=False') ? 'False' : 'True';
      items.push(`("in_proj", nn.Linear(${e}, 3 * ${e}, bias=${bias}))`);
      const note = `MultiheadAttention prints only out_proj; I added in_proj as 3·E² + 3·E with E = ${e} (assuming kdim = vdim = embed_dim and bias as in out_proj, which a printed tree does not show).`;
      if (!notes.includes(note)) notes.push(note);
    }
  }
  return `nn.Sequential(OrderedDict([${items.join(', ')}]))`;
}

/** `0-2` with 3 copies -> ['0', '1', '2']; a plain key once per copy. */
function expandKeys(key: string, repeat: number): string[] {
  const dash = key.indexOf('-');
  if (repeat > 1 && dash > 0) {
    const from = Number(key.slice(0, dash));
    if (Number.isInteger(from)) return Array.from({ length: repeat }, (_, i) => String(from + i));
  }
  return repeat > 1 ? Array.from({ length: repeat }, (_, i) => `${key}.${i}`) : [key];
}

function keywordOf(args: string, name: string): string | null {
  const at = args.indexOf(`${name}=`);
  if (at < 0) return null;
  const rest = args.slice(at + name.length + 1);
  let end = 0;
  while (end < rest.length && rest.charCodeAt(end) >= 48 && rest.charCodeAt(end) <= 57) end++;
  return end > 0 ? rest.slice(0, end) : null;
}
