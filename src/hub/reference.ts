// Finds the Hugging Face Hub model a query names: `owner/name` (or a legacy one-word id such as
// `gpt2`), a huggingface.co URL, or `AutoModel.from_pretrained("owner/name")` in pasted code.
// Plain string code (no regular expression runs over the user's text).

export type HubReference =
  | {
      ok: true;
      repo: string;
      /** `AutoModelForCausalLM.from_pretrained(...)`: which Auto class picks the head. */
      autoClass?: string;
      /** `BertModel.from_pretrained(...)`: the model class itself. */
      architecture?: string;
      /** Pasted code that builds more layers than the loaded model (a head on top): not counted. */
      moreCode?: boolean;
    }
  | { ok: false; error: string };

const MAX_PART = 96;
const URL_PREFIXES = [
  'https://huggingface.co/',
  'http://huggingface.co/',
  'https://www.huggingface.co/',
  'https://hf.co/',
  'huggingface.co/',
  'hf.co/',
];
/** Second path segments of a URL that belong to a one-word repository (huggingface.co/gpt2/blob/...). */
const REPO_PAGES = new Set(['resolve', 'blob', 'tree', 'raw', 'commit', 'commits', 'discussions', 'settings']);
/** First path segments that are not models. */
const NOT_MODELS = new Set(['datasets', 'spaces', 'docs', 'models', 'blog', 'papers', 'collections', 'organizations']);

function isNameChar(c: string): boolean {
  return (
    (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c === '-' || c === '_' || c === '.'
  );
}

/** One part of a repository id, as the Hub allows it. */
export function validRepoPart(part: string): boolean {
  if (part.length === 0 || part.length > MAX_PART) return false;
  for (const c of part) if (!isNameChar(c)) return false;
  const first = part[0]!;
  const last = part[part.length - 1]!;
  if (first === '-' || first === '.' || last === '-' || last === '.') return false;
  return !part.includes('--') && !part.includes('..');
}

export function validRepoId(repo: string): boolean {
  const parts = repo.split('/');
  return parts.length <= 2 && parts.every(validRepoPart);
}

function badName(name: string): HubReference {
  return {
    ok: false,
    error: `\`${name.slice(0, 80)}\` is not a Hugging Face model name. Names look like \`owner/name\`, e.g. \`meta-llama/Meta-Llama-3-8B\` or \`openai-community/gpt2\`.`,
  };
}

function fromUrl(url: string): HubReference | null {
  const lower = url.toLowerCase();
  const prefix = URL_PREFIXES.find((p) => lower.startsWith(p));
  if (!prefix) return null;
  const path = url.slice(prefix.length).split(/[?#]/)[0]!;
  const segs = path.split('/').filter((s) => s !== '');
  if (segs.length === 0 || NOT_MODELS.has(segs[0]!))
    return {
      ok: false,
      error:
        'That Hugging Face link is not a model page. Link a model, e.g. `https://huggingface.co/openai-community/gpt2`.',
    };
  const repo = segs.length === 1 || REPO_PAGES.has(segs[1]!) ? segs[0]! : `${segs[0]}/${segs[1]}`;
  return validRepoId(repo) ? { ok: true, repo } : badName(repo);
}

/** `Foo.from_pretrained("owner/name", ...)`: the class before it and the string inside. */
function fromPretrained(text: string): HubReference | null {
  let at = text.indexOf('.from_pretrained(');
  let start = at;
  // PyTorch's own `nn.Embedding.from_pretrained(tensor)` builds a layer from a tensor: not a Hub model.
  for (; at >= 0; at = text.indexOf('.from_pretrained(', at + 1)) {
    start = at;
    while (start > 0 && /[A-Za-z0-9_]/.test(text[start - 1]!)) start--;
    if (!TORCH_FROM_PRETRAINED.has(text.slice(start, at))) break;
  }
  if (at < 0) return null;
  const cls = text.slice(start, at);
  let i = at + '.from_pretrained('.length;
  while (i < text.length && (text[i] === ' ' || text[i] === '\n' || text[i] === '\t')) i++;
  const keyword = 'pretrained_model_name_or_path';
  if (text.startsWith(keyword, i)) {
    i += keyword.length;
    while (i < text.length && (text[i] === ' ' || text[i] === '=')) i++;
  }
  const quote = text[i];
  if (quote !== '"' && quote !== "'") {
    return {
      ok: false,
      error:
        'That `from_pretrained(...)` names its model through a variable; I need the name itself, e.g. `AutoModel.from_pretrained("openai-community/gpt2")`.',
    };
  }
  const end = text.indexOf(quote, i + 1);
  if (end < 0 || end - i > 2 * MAX_PART + 2) return badName(text.slice(i + 1, i + 60));
  const repo = text.slice(i + 1, end).trim();
  if (!validRepoId(repo)) return badName(repo);
  const found = fromPretrainedClass(cls, repo);
  if (found.ok && LAYER_CALLS.some((call) => text.includes(call))) found.moreCode = true;
  return found;
}

/** PyTorch layers whose `from_pretrained` takes a tensor of weights, not a Hub name. */
const TORCH_FROM_PRETRAINED = new Set(['Embedding', 'EmbeddingBag']);

/** Layer constructors that mean the pasted code adds weights of its own around the loaded model. */
const LAYER_CALLS = ['nn.Linear(', 'nn.Conv', 'nn.LSTM(', 'nn.GRU(', 'nn.Embedding(', 'Dense(', 'layers.'];

function fromPretrainedClass(cls: string, repo: string): HubReference {
  if (cls.startsWith('Auto') && cls !== 'AutoConfig' && cls !== 'AutoTokenizer')
    return { ok: true, repo, autoClass: cls };
  const first = cls[0] ?? '';
  if (first >= 'A' && first <= 'Z' && (cls.endsWith('Model') || cls.includes('For')))
    return { ok: true, repo, architecture: cls };
  return { ok: true, repo };
}

/** Strips Slack's link markup (`<https://x|label>`) and code spans around a lone name. */
function unwrap(text: string): string {
  let t = text.trim();
  let a = 0;
  let b = t.length;
  while (a < b && t[a] === '`') a++;
  while (b > a && t[b - 1] === '`') b--;
  t = t.slice(a, b).trim();
  if (t.startsWith('<') && t.endsWith('>')) {
    t = t.slice(1, -1);
    const bar = t.indexOf('|');
    if (bar >= 0) t = t.slice(0, bar);
  }
  return t.trim();
}

/** null when the text names no Hub model (it is then read as anything else). */
export function findHubReference(text: string): HubReference | null {
  if (text.includes('.from_pretrained(')) return fromPretrained(text);
  const t = unwrap(text);
  if (t.length === 0 || t.length > 2 * MAX_PART + 1 || /\s/.test(t)) return null;
  const url = fromUrl(t);
  if (url) return url;
  const slash = t.indexOf('/');
  if (slash >= 0) {
    // Two plain parts: `owner/name`. Anything else with a slash is not a name this reads.
    if (t.indexOf('/', slash + 1) >= 0 || !/^[A-Za-z0-9]/.test(t)) return null;
    return validRepoId(t) ? { ok: true, repo: t } : null;
  }
  // A one-word legacy id (gpt2, bert-base-uncased, t5-small): a letter, and a digit or a dash.
  if (!validRepoPart(t) || !/[A-Za-z]/.test(t) || !/[0-9-]/.test(t) || t.includes('.')) return null;
  return { ok: true, repo: t };
}

export function hubUnreachableMessage(repo: string): string {
  return `\`${repo}\` names a Hugging Face Hub model, and I can't reach the Hub from here. Paste its config.json instead (https://huggingface.co/${repo}/blob/main/config.json), or try \`/transformer help\`.`;
}
