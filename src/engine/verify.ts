// Rebuilds every row of a parsed model summary and says whether its stated count holds, and under
// which conventions. A row's type comes from the "(Type)" cell (or, cut short or missing, from the
// layer name), its units from its output shape, its input width from the row that feeds it (the
// Input Shape column, the "Connected to" column, else the row above); where the summary does not
// show a size (the first row's input, an Embedding's vocabulary, a kernel size) it is solved from
// the count and the note says so. Plain data out, every count a BigInt; never throws.
import { MAX_STACKED_LAYERS } from '../limits.js';
import type { SummaryFormat, SummaryParse, SummaryRow, Shape } from '../parse/summary.js';
import { groupDigits as formatCount } from './numbers.js';
import { biasDifference, conventionList, underConvention } from './claim.js';
import { biasVectorsPerGate, conventionApplies, recurrentTotal } from './recurrent.js';
import { isqrt, solveRecurrent } from './solve.js';
import type { CellKind, Convention, RecurrentSpec } from './types.js';
import { CONVENTIONS, CONVENTION_LABELS } from './types.js';

export type RowStatus = 'agrees' | 'disagrees' | 'unknown';

export interface VerifiedRow {
  /** As printed, without the "(Type)". */
  name: string;
  /** The layer type as rebuilt ("Bidirectional(LSTM)", "BatchNormalization", "Conv2d"...). */
  type: string;
  stated: bigint;
  /** The count under the first convention in `conventions`; else under the format's own convention; null if not computable. */
  computed: bigint | null;
  status: RowStatus;
  /** Every convention under which the stated count holds (table order). */
  conventions: Convention[];
  note: string;
  /** computed − stated, for rows that disagree. */
  difference?: bigint;
  /** Recurrent rows: the layer as rebuilt (under the first matching convention, or the one computed). */
  spec?: RecurrentSpec;
  /** A size the summary does not print, solved from the count. */
  solved?: { what: 'input' | 'vocabulary' | 'kernel' | 'layers'; value: bigint };
  depth: number;
  line: number;
}

export interface TotalCheck {
  /** The summary's "Total params" (null when it shows none). */
  stated: bigint | null;
  /** What the rows add up to (top-level rows for Keras; every non-recursive row for torchinfo). */
  computed: bigint;
  /** Whether they match (Keras 3's optimizer variables taken out first); null without a stated total. */
  agrees: boolean | null;
  note: string;
}

export interface Verification {
  format: SummaryFormat;
  rows: VerifiedRow[];
  total: TotalCheck;
  counts: { agrees: number; disagrees: number; unknown: number };
}

export type VerifyResult = { ok: true; verification: Verification } | { ok: false; message: string };

// ---------------------------------------------------------------------------------------------
// Layer classes

type Kind =
  | 'lstm'
  | 'gru'
  | 'rnn'
  | 'bidirectional'
  | 'dense'
  | 'embedding'
  | 'conv'
  | 'batchnorm'
  | 'layernorm'
  | 'timedistributed'
  | 'zero'
  | 'model'
  | 'unknown';

interface ClassInfo {
  name: string;
  kind: Kind;
  dims?: number;
  cudnn?: boolean;
  /** Only a PyTorch class (nn.RNN); Keras's RNN wraps any cell. */
  torchOnly?: boolean;
}

const ZERO = [
  'InputLayer',
  'Dropout',
  'SpatialDropout1D',
  'SpatialDropout2D',
  'SpatialDropout3D',
  'AlphaDropout',
  'GaussianNoise',
  'GaussianDropout',
  'Flatten',
  'Reshape',
  'Permute',
  'RepeatVector',
  'Activation',
  'ReLU',
  'LeakyReLU',
  'ELU',
  'Softmax',
  'ThresholdedReLU',
  'MaxPooling1D',
  'MaxPooling2D',
  'MaxPooling3D',
  'AveragePooling1D',
  'AveragePooling2D',
  'AveragePooling3D',
  'GlobalMaxPooling1D',
  'GlobalMaxPooling2D',
  'GlobalMaxPooling3D',
  'GlobalAveragePooling1D',
  'GlobalAveragePooling2D',
  'GlobalAveragePooling3D',
  'MaxPool1d',
  'MaxPool2d',
  'MaxPool3d',
  'AvgPool1d',
  'AvgPool2d',
  'AvgPool3d',
  'AdaptiveAvgPool1d',
  'AdaptiveAvgPool2d',
  'AdaptiveAvgPool3d',
  'AdaptiveMaxPool1d',
  'AdaptiveMaxPool2d',
  'AdaptiveMaxPool3d',
  'ZeroPadding1D',
  'ZeroPadding2D',
  'ZeroPadding3D',
  'Cropping1D',
  'Cropping2D',
  'Cropping3D',
  'UpSampling1D',
  'UpSampling2D',
  'UpSampling3D',
  'Upsample',
  'UpsamplingBilinear2d',
  'UpsamplingNearest2d',
  'Concatenate',
  'Add',
  'Subtract',
  'Multiply',
  'Average',
  'Maximum',
  'Minimum',
  'Dot',
  'Masking',
  'Lambda',
  'Merge',
  'Tanh',
  'Sigmoid',
  'GELU',
  'SiLU',
  'Mish',
  'Hardtanh',
  'Softplus',
  'LogSoftmax',
  'Identity',
  'Unflatten',
  'Rescaling',
  'Resizing',
  'CenterCrop',
  'ActivityRegularization',
  'TFOpLambda',
  'SlicingOpLambda',
  'NotEqual',
  'Dropout1d',
  'Dropout2d',
  'Dropout3d',
  'PixelShuffle',
  'Dropout1D',
  'Dropout2D',
];

const CLASSES: ClassInfo[] = [
  { name: 'LSTM', kind: 'lstm' },
  { name: 'CuDNNLSTM', kind: 'lstm', cudnn: true },
  { name: 'GRU', kind: 'gru' },
  { name: 'CuDNNGRU', kind: 'gru', cudnn: true },
  { name: 'SimpleRNN', kind: 'rnn' },
  { name: 'RNN', kind: 'rnn', torchOnly: true },
  { name: 'Bidirectional', kind: 'bidirectional' },
  { name: 'Dense', kind: 'dense' },
  { name: 'Linear', kind: 'dense' },
  { name: 'TimeDistributedDense', kind: 'dense' },
  { name: 'Embedding', kind: 'embedding' },
  { name: 'Conv1D', kind: 'conv', dims: 1 },
  { name: 'Conv2D', kind: 'conv', dims: 2 },
  { name: 'Conv3D', kind: 'conv', dims: 3 },
  { name: 'Convolution1D', kind: 'conv', dims: 1 },
  { name: 'Convolution2D', kind: 'conv', dims: 2 },
  { name: 'Convolution3D', kind: 'conv', dims: 3 },
  { name: 'Conv1DTranspose', kind: 'conv', dims: 1 },
  { name: 'Conv2DTranspose', kind: 'conv', dims: 2 },
  { name: 'Conv3DTranspose', kind: 'conv', dims: 3 },
  { name: 'Deconvolution2D', kind: 'conv', dims: 2 },
  { name: 'Conv1d', kind: 'conv', dims: 1 },
  { name: 'Conv2d', kind: 'conv', dims: 2 },
  { name: 'Conv3d', kind: 'conv', dims: 3 },
  { name: 'ConvTranspose1d', kind: 'conv', dims: 1 },
  { name: 'ConvTranspose2d', kind: 'conv', dims: 2 },
  { name: 'ConvTranspose3d', kind: 'conv', dims: 3 },
  { name: 'BatchNormalization', kind: 'batchnorm' },
  { name: 'BatchNorm1d', kind: 'batchnorm' },
  { name: 'BatchNorm2d', kind: 'batchnorm' },
  { name: 'BatchNorm3d', kind: 'batchnorm' },
  { name: 'SyncBatchNorm', kind: 'batchnorm' },
  { name: 'LayerNormalization', kind: 'layernorm' },
  { name: 'LayerNorm', kind: 'layernorm' },
  { name: 'TimeDistributed', kind: 'timedistributed' },
  { name: 'Functional', kind: 'model' },
  { name: 'Sequential', kind: 'model' },
  { name: 'Model', kind: 'model' },
  { name: 'ModuleList', kind: 'model' },
  { name: 'ModuleDict', kind: 'model' },
  ...ZERO.map((name): ClassInfo => ({ name, kind: 'zero' })),
];

const BY_LOWER = new Map<string, ClassInfo>();
for (const c of CLASSES) if (!BY_LOWER.has(c.name.toLowerCase())) BY_LOWER.set(c.name.toLowerCase(), c);

interface Resolved {
  info: ClassInfo | null;
  /** Display name of the class ("BatchNormalization", or the printed text when unresolved). */
  className: string;
}

function lookup(text: string, allowPrefix: boolean, torch: boolean, rank: number | null): ClassInfo | null {
  const t = text.trim().toLowerCase();
  if (t === '') return null;
  const cased = CLASSES.find((c) => c.name === text.trim());
  if (cased && (!cased.torchOnly || torch)) return cased;
  const exact = BY_LOWER.get(t);
  if (exact && (!exact.torchOnly || torch)) return exact;
  if (!allowPrefix || t.length < 3) return null;
  const cands = CLASSES.filter((c) => c.name.toLowerCase().startsWith(t) && (!c.torchOnly || torch));
  if (cands.length === 0) return null;
  const first = cands[0] as ClassInfo;
  if (cands.length === 1) return first;
  // "TimeDistri": TimeDistributed, not the Keras 1 TimeDistributedDense it also begins.
  const shortest = cands.reduce((m, c) => (c.name.length < m.name.length ? c : m), first);
  if (cands.every((c) => c.name.toLowerCase().startsWith(shortest.name.toLowerCase()))) return shortest;
  if (cands.every((c) => c.kind === first.kind && !c.cudnn)) {
    if (first.kind === 'conv') {
      const dims = rank !== null ? rank - 2 : null;
      const hit = cands.find((c) => c.dims === dims);
      return hit ?? { name: text, kind: 'conv' };
    }
    return first;
  }
  return null;
}

/** "dense_Dense1" -> "Dense", "conv2d_Conv2D3" -> "Conv2D"; null when the name has no class part. */
function tfjsClassPart(name: string): string | null {
  const tail = name.slice(name.lastIndexOf('_') + 1);
  if (tail === name || !/^[A-Z][A-Za-z0-9]*$/.test(tail)) return null;
  let end = tail.length;
  while (end > 1 && tail[end - 1] !== undefined && /\d/.test(tail[end - 1] as string)) end--;
  return tail.slice(0, end);
}

function resolveClass(row: SummaryRow, torch: boolean): Resolved {
  const rank = row.outputShape ? row.outputShape.length : null;
  if (row.type !== '') {
    const info = lookup(row.type, row.typeTruncated, torch, rank);
    if (info) return { info, className: info.name };
  }
  // TensorFlow.js names layers "<snake>_<Class><n>": the class survives even when the type column is cut.
  const tfjs = tfjsClassPart(row.name);
  if (tfjs) {
    const info = lookup(tfjs, true, torch, rank);
    if (info) return { info, className: info.name };
  }
  // Keras's default names: "simple_rnn_2", "batch_normalization", "conv2d_1", "time_distributed"
  // (and TensorFlow.js's "time_distributed_TimeDistri" once its class part is dropped).
  const snake = row.name
    .replace(/_[A-Z][A-Za-z0-9]*$/, '')
    .replace(/_\d+$/, '')
    .replace(/_/g, '')
    .toLowerCase();
  const bySnake = BY_LOWER.get(snake);
  if (bySnake && !bySnake.torchOnly) return { info: bySnake, className: bySnake.name };
  return { info: null, className: row.type !== '' ? row.type + (row.typeTruncated ? '…' : '') : '' };
}

// ---------------------------------------------------------------------------------------------
// Helpers

function lastDim(shape: Shape | null | undefined): bigint | null {
  if (!shape || shape.length === 0) return null;
  const d = shape[shape.length - 1];
  return d === undefined ? null : d;
}

function dimAt(shape: Shape | null | undefined, i: number): bigint | null {
  if (!shape || shape.length <= i) return null;
  return shape[i] ?? null;
}

const fmt = formatCount;

/** "1 unit", "3 units", "1 bias", "8 biases". */
function n(count: bigint, word: string): string {
  const plural = word.endsWith('s') ? `${word}es` : `${word}s`;
  return `${fmt(count)} ${count === 1n ? word : plural}`;
}

/** "A Dropout", "An Activation" (starts a sentence). */
function a(word: string): string {
  return `${/^[AEIOU]/i.test(word) ? 'An' : 'A'} ${word}`;
}

interface Ctx {
  format: SummaryFormat;
  torch: boolean;
  /** Conventions in the order this format prefers them (its own first). */
  order: Convention[];
}

function orderFor(format: SummaryFormat, cudnn: boolean): Convention[] {
  const head: Convention[] = cudnn
    ? ['cudnn', 'pytorch']
    : format === 'torchinfo'
      ? ['pytorch', 'cudnn', 'onnx']
      : format === 'keras1' || format === 'tfjs'
        ? ['keras2', 'keras']
        : ['keras', 'keras2'];
  return [...head, ...CONVENTIONS.filter((c) => !head.includes(c))];
}

type RowResult = Omit<VerifiedRow, 'name' | 'stated' | 'depth' | 'line'>;

function agrees(
  type: string,
  computed: bigint,
  conventions: Convention[],
  note: string,
  extra: RowExtra = {},
): RowResult {
  return { type, computed, status: 'agrees', conventions, note, ...extra };
}

type RowExtra = Pick<VerifiedRow, 'spec' | 'solved'> & { difference?: bigint };

function disagrees(
  type: string,
  computed: bigint | null,
  stated: bigint,
  note: string,
  extra: RowExtra = {},
): RowResult {
  const out: RowResult = { type, computed, status: 'disagrees', conventions: [], note, ...extra };
  if (computed !== null) out.difference = computed - stated;
  return out;
}

function unknown(type: string, note: string, computed: bigint | null = null): RowResult {
  return { type, computed, status: 'unknown', conventions: [], note };
}

const ALL: Convention[] = [...CONVENTIONS];

// ---------------------------------------------------------------------------------------------
// Recurrent rows

const CELL_TITLE: Record<CellKind, string> = { lstm: 'LSTM', gru: 'GRU', rnn: 'SimpleRNN' };

interface Candidate {
  cell: CellKind;
  directions: 1 | 2;
  units: bigint;
  merge: 'concat' | 'sum' | 'torch' | null;
}

interface Match {
  spec: RecurrentSpec;
  conventions: Convention[];
  solvedInput: boolean;
  alternatives: string[];
}

function baseSpec(
  row: SummaryRow,
  c: Candidate,
  input: bigint,
  bias: boolean,
  convention: Convention,
  className: string,
): RecurrentSpec {
  return {
    kind: 'recurrent',
    cell: c.cell,
    input,
    units: c.units,
    layers: 1,
    bidirectional: c.directions === 2,
    bias,
    proj: null,
    peepholes: false,
    resetAfter: null,
    convention,
    name: row.name,
    typeName: className,
  };
}

function holdsUnder(spec: RecurrentSpec, stated: bigint): Convention[] {
  return CONVENTIONS.filter((c) => conventionApplies(spec, c) && recurrentTotal(underConvention(spec, c)) === stated);
}

/** Stacked layers that make `spec` (layers = 1) reach `stated` under its convention, or null. */
function layersFor(spec: RecurrentSpec, stated: bigint): number | null {
  const one = recurrentTotal({ ...spec, layers: 1 });
  if (stated === one) return 1;
  const step = recurrentTotal({ ...spec, layers: 2 }) - one;
  if (stated < one || step <= 0n || (stated - one) % step !== 0n) return null;
  const L = 1n + (stated - one) / step;
  return L <= BigInt(MAX_STACKED_LAYERS) ? Number(L) : null;
}

function tryCandidate(
  ctx: Ctx,
  row: SummaryRow,
  c: Candidate,
  input: bigint | null,
  bias: boolean,
  className: string,
): Match | null {
  const stated = row.stated;
  if (input !== null) {
    if (ctx.torch) {
      for (const conv of ctx.order) {
        const spec = baseSpec(row, c, input, bias, conv, className);
        if (!conventionApplies(spec, conv)) continue;
        const L = layersFor(spec, stated);
        if (L === null) continue;
        const stacked = { ...spec, layers: L };
        return { spec: stacked, conventions: holdsUnder(stacked, stated), solvedInput: false, alternatives: [] };
      }
      return null;
    }
    const probe = baseSpec(row, c, input, bias, ctx.order[0] ?? 'keras', className);
    const conventions = holdsUnder(probe, stated);
    if (conventions.length === 0) return null;
    const first = ctx.order.find((x) => conventions.includes(x)) ?? (conventions[0] as Convention);
    return { spec: underConvention(probe, first), conventions, solvedInput: false, alternatives: [] };
  }
  for (const conv of ctx.order) {
    const spec = baseSpec(row, c, 1n, bias, conv, className);
    if (!conventionApplies(spec, conv)) continue;
    const r = solveRecurrent(spec, 'input', stated);
    if (!r.ok) continue;
    const conventions = holdsUnder(r.spec, stated);
    const alternatives: string[] = [];
    const others = new Map<bigint, Convention[]>();
    for (const other of ctx.order) {
      if (other === conv || conventions.includes(other)) continue;
      const os = baseSpec(row, c, 1n, bias, other, className);
      if (!conventionApplies(os, other)) continue;
      const o = solveRecurrent(os, 'input', stated);
      if (o.ok) others.set(o.value, [...(others.get(o.value) ?? []), other]);
    }
    for (const [value, cs] of others) {
      if (alternatives.length < 2) alternatives.push(`input ${fmt(value)} under ${conventionList(cs)}`);
    }
    if (ctx.torch) {
      for (let L = 2; L <= 8 && alternatives.length < 4; L++) {
        const o = solveRecurrent({ ...spec, layers: L }, 'input', stated);
        if (o.ok) alternatives.push(`${L} stacked layers over input ${fmt(o.value)}`);
      }
    }
    return { spec: r.spec, conventions, solvedInput: true, alternatives };
  }
  return null;
}

function describeRecurrent(c: Candidate, spec: RecurrentSpec, width: bigint, wrapper: boolean): string {
  const title = `${wrapper ? 'Bidirectional ' : c.directions === 2 ? 'bidirectional ' : ''}${CELL_TITLE[c.cell]}`;
  let merge = '';
  if (c.merge === 'concat') merge = ` (output ${fmt(width)} = 2 x ${fmt(c.units)}, concatenated)`;
  else if (c.merge === 'sum') merge = ` (output ${fmt(width)}: the directions merged by sum, mul or ave)`;
  else if (c.merge === 'torch' && c.directions === 2) merge = ` (output ${fmt(width)} = 2 x ${fmt(c.units)})`;
  const stack = spec.layers > 1 ? `, ${spec.layers} stacked layers` : '';
  return `${title}, ${n(c.units, 'unit')}${c.directions === 2 ? ' per direction' : ''}${merge}${stack} over ${n(spec.input, 'input')}`;
}

/** The other bias family's figure: "…: the 2,400 are 2 directions x 4 gates x 300 second biases." */
function biasContrast(spec: RecurrentSpec, stated: bigint): string {
  if (!spec.bias) return '';
  const mine = biasVectorsPerGate(spec);
  const other: Convention = mine === 2 ? 'keras' : 'cudnn';
  if (!conventionApplies(spec, other)) return '';
  const os = underConvention(spec, other);
  const otherTotal = recurrentTotal(os);
  if (otherTotal === stated) return '';
  const ob = biasVectorsPerGate(os);
  const why = biasDifference(spec, otherTotal - stated, Math.max(mine, ob), Math.min(mine, ob));
  if (!why) return ` ${CONVENTION_LABELS[other]} counts ${fmt(otherTotal)}.`;
  const [amount, phrase] = why.split(' = ');
  if (mine === 2) {
    return ` That is ${fmt(stated)} with cuDNN's two bias vectors per gate, ${fmt(otherTotal)} without (Keras): the ${amount} are ${phrase}.`;
  }
  return ` With cuDNN or PyTorch (two bias vectors per gate) it would be ${fmt(otherTotal)}: the ${amount} are ${phrase}.`;
}

function gruNote(spec: RecurrentSpec, conventions: Convention[], stated: bigint): string {
  if (spec.cell !== 'gru' || !spec.bias) return '';
  if (conventions.includes('keras2') && !conventions.includes('keras')) {
    const k3 = recurrentTotal(underConvention(spec, 'keras'));
    return ` reset_after=False (Keras 2 / TensorFlow.js); Keras 3's default reset_after=True would give ${fmt(k3)}.`;
  }
  if (conventions.includes('keras') && !conventions.includes('keras2')) {
    const k2 = recurrentTotal(underConvention(spec, 'keras2'));
    if (k2 !== stated)
      return ` reset_after=True (the Keras 3 / tf.keras 2 default); with reset_after=False it would be ${fmt(k2)}.`;
  }
  return '';
}

function recurrentRow(ctx: Ctx, row: SummaryRow, res: Resolved, input: bigint | null, inputSource: string): RowResult {
  const info = res.info as ClassInfo;
  const wrapper = info.kind === 'bidirectional';
  const W = row.shapeTruncated ? null : lastDim(row.outputShape);
  const hint: CellKind | null = wrapper
    ? /lstm/i.test(row.name)
      ? 'lstm'
      : /gru/i.test(row.name)
        ? 'gru'
        : /rnn/i.test(row.name)
          ? 'rnn'
          : null
    : null;
  const shownType = wrapper ? 'Bidirectional' : res.className;
  if (W === null || W <= 0n)
    return unknown(shownType, 'The output shape does not show the units, so the layer cannot be rebuilt.');
  const candidates: Candidate[] = [];
  if (wrapper) {
    const cells: CellKind[] = hint
      ? [hint, ...(['lstm', 'gru', 'rnn'] as CellKind[]).filter((x) => x !== hint)]
      : ['lstm', 'gru', 'rnn'];
    if (W % 2n === 0n)
      for (const cell of cells) candidates.push({ cell, directions: 2, units: W / 2n, merge: 'concat' });
    for (const cell of cells) candidates.push({ cell, directions: 2, units: W, merge: 'sum' });
  } else {
    const cell = info.kind as CellKind;
    candidates.push({ cell, directions: 1, units: W, merge: ctx.torch ? 'torch' : null });
    if (ctx.torch && W % 2n === 0n) candidates.push({ cell, directions: 2, units: W / 2n, merge: 'torch' });
  }
  const typeOf = (c: Candidate) => (wrapper ? `Bidirectional(${CELL_TITLE[c.cell]})` : res.className);
  for (const bias of [true, false]) {
    for (const c of candidates) {
      const m = tryCandidate(ctx, row, c, input, bias, typeOf(c));
      if (!m) continue;
      let note = describeRecurrent(c, m.spec, W, wrapper);
      if (m.solvedInput) {
        note += `; input width ${fmt(m.spec.input)}, solved from the count${ctx.torch && m.spec.layers === 1 ? ' (one layer assumed)' : ''}`;
        if (m.alternatives.length) note += ` (it also fits ${m.alternatives.join(', ')})`;
      }
      if (!bias) note += '; no biases (use_bias=False / bias=False)';
      note += `. ${fmt(row.stated)} holds under ${conventionList(m.conventions)}.`;
      note += biasContrast(m.spec, row.stated) + gruNote(m.spec, m.conventions, row.stated);
      const extra: RowExtra = { spec: m.spec };
      if (m.solvedInput) extra.solved = { what: 'input', value: m.spec.input };
      else if (m.spec.layers > 1) extra.solved = { what: 'layers', value: BigInt(m.spec.layers) };
      return agrees(typeOf(c), recurrentTotal(m.spec), m.conventions, note, extra);
    }
  }
  // PyTorch: forward() may reshape between modules, so the row above need not be this one's input.
  if (ctx.torch && input !== null) {
    for (const c of candidates) {
      const m = tryCandidate(ctx, row, c, null, true, typeOf(c));
      if (!m) continue;
      const note =
        `${describeRecurrent(c, m.spec, W, wrapper)}; input width ${fmt(m.spec.input)}, solved from the count: not the ` +
        `${fmt(input)} ${inputSource}, so forward() must reshape in between. ${fmt(row.stated)} holds under ${conventionList(m.conventions)}.` +
        biasContrast(m.spec, row.stated);
      return agrees(typeOf(c), recurrentTotal(m.spec), m.conventions, note, {
        spec: m.spec,
        solved: { what: 'input', value: m.spec.input },
      });
    }
  }
  const first = candidates[0] as Candidate;
  const primary =
    ctx.order.find((cv) => conventionApplies(baseSpec(row, first, 1n, true, cv, typeOf(first)), cv)) ?? 'keras';
  if (input === null) {
    const r = solveRecurrent(baseSpec(row, first, 1n, true, primary, typeOf(first)), 'input', row.stated);
    const why = r.ok ? '' : ` ${r.message}`;
    return disagrees(
      typeOf(first),
      null,
      row.stated,
      `No ${wrapper ? 'bidirectional LSTM, GRU or SimpleRNN' : CELL_TITLE[first.cell]} with the units in its output shape (${fmt(W)}) has ${fmt(row.stated)} parameters under any convention.${why}`,
    );
  }
  const spec = baseSpec(row, first, input, true, primary, typeOf(first));
  const computed = recurrentTotal(spec);
  let note =
    `Should be ${fmt(computed)} under ${CONVENTION_LABELS[primary]} for a ${describeRecurrent(first, spec, W, wrapper)}; ` +
    `the summary says ${fmt(row.stated)} (off by ${fmt(computed > row.stated ? computed - row.stated : row.stated - computed)}), which no convention gives.`;
  const byInput = solveRecurrent(spec, 'input', row.stated);
  if (byInput.ok) note += ` It would fit an input width of ${fmt(byInput.value)}.`;
  return disagrees(typeOf(first), computed, row.stated, note, { spec });
}

// ---------------------------------------------------------------------------------------------
// Other rows

function denseRow(ctx: Ctx, row: SummaryRow, typeName: string, input: bigint | null, inputSource: string): RowResult {
  const U = row.shapeTruncated ? null : lastDim(row.outputShape);
  const N = row.stated;
  if (U === null || U <= 0n) return unknown(typeName, 'The output shape does not show the units.');
  if (input !== null) {
    const withBias = input * U + U;
    if (N === withBias)
      return agrees(
        typeName,
        withBias,
        ALL,
        `${n(input, 'input')} x ${n(U, 'unit')} + ${n(U, 'bias')} = ${fmt(withBias)}.`,
      );
    if (N === input * U)
      return agrees(
        typeName,
        N,
        ALL,
        `${n(input, 'input')} x ${n(U, 'unit')}, no bias (use_bias=False / bias=False) = ${fmt(N)}.`,
      );
  }
  const solvable = (N - U) % U === 0n && N - U >= U;
  const solvableNoBias = N % U === 0n && N >= U;
  if (input === null || ctx.torch) {
    const reshape =
      input !== null ? `: not the ${fmt(input)} ${inputSource}, so forward() must reshape in between` : '';
    if (solvable) {
      const I = (N - U) / U;
      return agrees(
        typeName,
        N,
        ALL,
        `${n(I, 'input')} x ${n(U, 'unit')} + ${n(U, 'bias')} = ${fmt(N)}; input width ${fmt(I)}, solved from the count${reshape}.`,
        { solved: { what: 'input', value: I } },
      );
    }
    if (solvableNoBias) {
      const I = N / U;
      return agrees(
        typeName,
        N,
        ALL,
        `${n(I, 'input')} x ${n(U, 'unit')}, no bias = ${fmt(N)}; input width ${fmt(I)}, solved from the count${reshape}.`,
        { solved: { what: 'input', value: I } },
      );
    }
  }
  if (input === null) {
    return disagrees(
      typeName,
      null,
      N,
      `No whole input width gives ${fmt(N)} with ${fmt(U)} units: a dense layer has ${fmt(U)} x (inputs + 1) parameters (or ${fmt(U)} x inputs without bias).`,
    );
  }
  const computed = input * U + U;
  let note = `Should be ${n(input, 'input')} x ${n(U, 'unit')} + ${n(U, 'bias')} = ${fmt(computed)}; the summary says ${fmt(N)}.`;
  if (solvable) note += ` ${fmt(N)} fits ${fmt((N - U) / U)} inputs.`;
  return disagrees(typeName, computed, N, note);
}

function embeddingRow(row: SummaryRow, typeName: string): RowResult {
  const E = row.shapeTruncated ? null : lastDim(row.outputShape);
  const N = row.stated;
  if (E === null || E <= 0n) return unknown(typeName, 'The output shape does not show the embedding width.');
  if (N > 0n && N % E === 0n) {
    const V = N / E;
    return agrees(
      typeName,
      N,
      ALL,
      `Vocabulary ${fmt(V)} x ${fmt(E)} dimensions = ${fmt(N)}; the vocabulary (${fmt(V)}) is solved from the count, as the summary does not print it.`,
      {
        solved: { what: 'vocabulary', value: V },
      },
    );
  }
  return disagrees(
    typeName,
    null,
    N,
    `An embedding ${fmt(E)} wide has vocabulary x ${fmt(E)} parameters; ${fmt(N)} is not a multiple of ${fmt(E)}.`,
  );
}

function kernelWords(K: bigint, dims: number): string {
  if (dims === 2) {
    const k = isqrt(K);
    return k * k === K ? `${k}x${k} kernel` : `kernel area ${K} (e.g. 1x${K})`;
  }
  if (dims === 3) {
    for (let k = 1n; k * k * k <= K; k++) if (k * k * k === K) return `${k}x${k}x${k} kernel`;
    return `kernel volume ${K}`;
  }
  return `kernel size ${K}`;
}

function convRow(ctx: Ctx, row: SummaryRow, res: Resolved, inShape: Shape | null): RowResult {
  const typeName = res.className;
  const N = row.stated;
  const out = row.outputShape;
  const rank = out ? out.length : 0;
  const dims = res.info?.dims ?? Math.max(1, rank - 2);
  // Channels last (Keras) or in dim 1 (PyTorch, and Keras with channels_first).
  const layouts: ((s: Shape | null) => bigint | null)[] = ctx.torch
    ? [(s) => dimAt(s, 1)]
    : [(s) => (row.shapeTruncated && s === out ? null : lastDim(s)), (s) => dimAt(s, 1)];
  for (const channel of layouts) {
    const F = channel(out);
    const C = channel(inShape);
    if (F === null || C === null || F <= 0n || C <= 0n) continue;
    for (const bias of [true, false]) {
      const rem = N - (bias ? F : 0n);
      if (rem <= 0n || rem % (C * F) !== 0n) continue;
      const K = rem / (C * F);
      const note =
        `${kernelWords(K, dims)} x ${n(C, 'input channel')} x ${n(F, 'filter')}${bias ? ` + ${n(F, 'bias')}` : ', no bias'} = ${fmt(N)}; ` +
        `the kernel size is solved from the count, as the summary does not print it.`;
      return agrees(typeName, N, ALL, note, { solved: { what: 'kernel', value: K } });
    }
  }
  const F = (ctx.torch ? dimAt(out, 1) : row.shapeTruncated ? null : lastDim(out)) ?? null;
  const C = ctx.torch ? dimAt(inShape, 1) : lastDim(inShape);
  if (F === null || F <= 0n) return unknown(typeName, 'The output shape does not show the filters.');
  // PyTorch's forward() may reshape between modules: the layer before need not feed this one.
  const unseen =
    C === null
      ? 'the input channels are not shown'
      : `the ${n(C, 'channel')} of the layer before cannot feed it (forward() must reshape in between)`;
  if (C === null || ctx.torch) {
    if ((N - F) % F === 0n && N > F)
      return unknown(
        typeName,
        `Kernel size x input channels = ${fmt((N - F) / F)} (with bias); ${unseen}, so the two cannot be told apart.`,
      );
    if (N % F === 0n && N > 0n)
      return unknown(typeName, `Kernel size x input channels = ${fmt(N / F)} (no bias); ${unseen}.`);
    return disagrees(
      typeName,
      null,
      N,
      `No convolution with ${fmt(F)} filters has ${fmt(N)} parameters: it has filters x (kernel x channels + 1), or filters x kernel x channels without bias.`,
    );
  }
  return disagrees(
    typeName,
    null,
    N,
    `No whole kernel size gives ${fmt(N)} with ${fmt(C)} input channels and ${fmt(F)} filters (kernel x ${fmt(C)} x ${fmt(F)} + ${fmt(F)}).`,
  );
}

function batchNormRow(ctx: Ctx, row: SummaryRow, typeName: string): RowResult {
  const N = row.stated;
  const out = row.outputShape;
  if (ctx.torch) {
    const C = dimAt(out, 1);
    if (C === null) return unknown(typeName, 'The output shape does not show the channels.');
    if (N === 2n * C)
      return agrees(
        typeName,
        N,
        ['pytorch', 'cudnn', 'flax'],
        `Weight and bias over ${fmt(C)} channels = 2 x ${fmt(C)}; the running mean and variance are buffers, not parameters.`,
      );
    if (N === 0n)
      return agrees(
        typeName,
        0n,
        ['pytorch', 'cudnn', 'flax'],
        'affine=False: no weight or bias; the running statistics are buffers.',
      );
    return disagrees(typeName, 2n * C, N, `Should be 2 x ${fmt(C)} = ${fmt(2n * C)} (weight and bias per channel).`);
  }
  // Keras: the normalised axis is the last by default; Theano-era channels-first models use another.
  const axes: { C: bigint; where: string }[] = [];
  const last = row.shapeTruncated ? null : lastDim(out);
  if (last !== null) axes.push({ C: last, where: '' });
  if (out) {
    for (let i = 1; i < out.length - (row.shapeTruncated ? 1 : 0); i++) {
      const d = out[i];
      if (d !== null && d !== undefined && i !== out.length - 1)
        axes.push({ C: d, where: ` (axis ${i}, channels first)` });
    }
  }
  for (const { C, where } of axes) {
    if (N === 4n * C) {
      return agrees(
        typeName,
        N,
        ['keras', 'keras2', 'onnx', 'tf1'],
        `Over ${n(C, 'channel')}${where}: gamma and beta (trainable) + moving mean and variance (non-trainable) = 4 x ${fmt(C)}. PyTorch counts only 2 x ${fmt(C)} (its running statistics are buffers).`,
      );
    }
    if (N === 3n * C)
      return agrees(
        typeName,
        N,
        ['keras', 'keras2', 'tf1'],
        `Over ${n(C, 'channel')}${where}: center=False or scale=False leaves 3 x ${fmt(C)} (one of gamma/beta + moving mean and variance).`,
      );
    if (N === 2n * C)
      return agrees(
        typeName,
        N,
        ['keras', 'keras2', 'tf1'],
        `Over ${n(C, 'channel')}${where}: center=False and scale=False leave the moving mean and variance, 2 x ${fmt(C)}.`,
      );
  }
  if (last === null) return unknown(typeName, 'The output shape does not show the channels.');
  return disagrees(
    typeName,
    4n * last,
    N,
    `Should be 4 x ${fmt(last)} = ${fmt(4n * last)} (gamma, beta, moving mean and variance per channel).`,
  );
}

function layerNormRow(ctx: Ctx, row: SummaryRow, typeName: string): RowResult {
  const C = row.shapeTruncated ? null : lastDim(row.outputShape);
  const N = row.stated;
  if (C === null) return unknown(typeName, 'The output shape does not show the features.');
  if (N === 2n * C)
    return agrees(
      typeName,
      N,
      ALL,
      `${ctx.torch ? 'Weight and bias' : 'Gamma and beta'} over ${fmt(C)} features = 2 x ${fmt(C)}.`,
    );
  if (N === C)
    return agrees(
      typeName,
      N,
      ALL,
      `One vector over ${fmt(C)} features (${ctx.torch ? 'bias=False' : 'center=False or scale=False'}).`,
    );
  if (N === 0n)
    return agrees(
      typeName,
      0n,
      ALL,
      ctx.torch ? 'elementwise_affine=False: no parameters.' : 'center=False and scale=False: no parameters.',
    );
  return disagrees(typeName, 2n * C, N, `Should be 2 x ${fmt(C)} = ${fmt(2n * C)}.`);
}

// ---------------------------------------------------------------------------------------------
// The table

function primaryLabel(ctx: Ctx): Convention {
  return ctx.order[0] ?? 'keras';
}

/** Index of each row's parent (the nearest earlier row one level up), or −1. Iterative. */
function parents(rows: SummaryRow[]): number[] {
  const out: number[] = [];
  const stack: number[] = [];
  rows.forEach((r, i) => {
    while (stack.length > 0 && (rows[stack[stack.length - 1] as number] as SummaryRow).depth >= r.depth) stack.pop();
    out.push(stack.length > 0 ? (stack[stack.length - 1] as number) : -1);
    stack.push(i);
  });
  return out;
}

function verifyRows(parsed: Extract<SummaryParse, { ok: true }>): VerifiedRow[] {
  const torch = parsed.format === 'torchinfo';
  const rows = parsed.rows;
  const parentOf = parents(rows);
  const hasChildren = rows.map((r, i) => {
    const next = rows[i + 1];
    return next !== undefined && next.depth > r.depth;
  });
  const inputs: (Shape | null)[] = [];
  const sources: string[] = [];
  const byName = new Map<string, number>();
  const out: VerifiedRow[] = [];
  rows.forEach((row, i) => {
    // Where this row's input comes from.
    let inShape: Shape | null = null;
    let source = '';
    if (row.inputShape !== undefined && row.inputShape !== null) {
      inShape = row.inputShape;
      source = 'of its Input Shape column';
    } else if (row.connectedTo.length === 1 && byName.has(row.connectedTo[0] as string)) {
      const j = byName.get(row.connectedTo[0] as string) as number;
      inShape = (rows[j] as SummaryRow).outputShape;
      source = `that ${(rows[j] as SummaryRow).name} outputs`;
    } else if (row.connectedTo.length > 1) {
      inShape = null;
    } else {
      let j = i - 1;
      while (j >= 0 && (rows[j] as SummaryRow).depth > row.depth) j--;
      const prev = j >= 0 ? (rows[j] as SummaryRow) : null;
      if (prev && prev.depth === row.depth && !(torch && j === parentOf[i])) {
        inShape = prev.outputShape && !prev.shapeTruncated ? prev.outputShape : null;
        source = 'that the layer before it outputs';
      } else if (prev && j === parentOf[i]) {
        inShape = inputs[j] ?? null;
        source = sources[j] ?? '';
      }
    }
    inputs.push(inShape);
    sources.push(source);
    if (!byName.has(row.name)) byName.set(row.name, i);

    const res = resolveClass(row, torch);
    const kind = res.info?.kind ?? 'unknown';
    const ctx: Ctx = { format: parsed.format, torch, order: orderFor(parsed.format, !!res.info?.cudnn) };
    const typeName = res.className || row.type || 'layer';
    const inWidth = lastDim(inShape);
    let r: RowResult;
    if (row.recursive) {
      r = unknown(typeName, 'Used again (recursive): its parameters are counted at its first row.');
    } else if (row.unbuilt) {
      r = unknown(typeName, 'Unbuilt: Keras has not created its weights yet, so it shows 0.');
    } else if (hasChildren[i]) {
      if (torch) {
        r = row.noParams
          ? unknown(typeName, 'A container: its parameters are in the rows below.')
          : unknown(typeName, `${fmt(row.stated)} parameters held by ${typeName} itself (not in any row below).`);
      } else {
        let sum = 0n;
        rows.forEach((c, k) => {
          if (parentOf[k] === i) sum += c.stated;
        });
        r =
          sum === row.stated
            ? agrees(typeName, sum, ALL, `A nested model: its layers below add up to ${fmt(sum)}.`)
            : disagrees(
                typeName,
                sum,
                row.stated,
                `A nested model: its layers below add up to ${fmt(sum)}, not ${fmt(row.stated)}.`,
              );
      }
    } else {
      switch (kind) {
        case 'lstm':
        case 'gru':
        case 'rnn':
        case 'bidirectional':
          r = recurrentRow(ctx, row, res, inWidth, source);
          break;
        case 'dense':
          r = denseRow(ctx, row, typeName, inWidth, source);
          break;
        case 'timedistributed': {
          const d = denseRow(ctx, row, 'TimeDistributed(Dense)', inWidth, source);
          r =
            d.status === 'agrees'
              ? { ...d, note: `A Dense applied at every time step: ${d.note}` }
              : unknown('TimeDistributed', 'A TimeDistributed layer around something other than a Dense: not rebuilt.');
          break;
        }
        case 'embedding':
          r = embeddingRow(row, typeName);
          break;
        case 'conv':
          r = convRow(ctx, row, res, inShape);
          break;
        case 'batchnorm':
          r = batchNormRow(ctx, row, typeName);
          break;
        case 'layernorm':
          r = layerNormRow(ctx, row, typeName);
          break;
        case 'zero':
          r =
            row.stated === 0n
              ? agrees(
                  typeName,
                  0n,
                  ALL,
                  `${typeName === 'InputLayer' ? 'An input' : `${a(typeName)} layer`} has no weights.`,
                )
              : disagrees(
                  typeName,
                  0n,
                  row.stated,
                  `${a(typeName)} layer has no weights, yet the summary shows ${fmt(row.stated)}.`,
                );
          break;
        case 'model':
          r = unknown(
            typeName,
            torch
              ? 'A container with nothing listed under it.'
              : 'A nested model shown as one row; summary(expand_nested=True) lists its layers.',
          );
          break;
        default:
          r =
            row.stated === 0n && row.noParams
              ? unknown(typeName, 'No parameters of its own (--).')
              : unknown(
                  typeName,
                  `ParamCount cannot rebuild a ${typeName === 'layer' ? 'layer of this type' : typeName} from a summary row.`,
                );
      }
    }
    const v: VerifiedRow = {
      name: row.name,
      stated: row.stated,
      depth: row.depth,
      line: row.line,
      ...r,
    };
    if (v.status === 'disagrees' && v.computed === null && v.note === '')
      v.note = `Not under ${CONVENTION_LABELS[primaryLabel(ctx)]}.`;
    out.push(v);
  });
  return out;
}

function checkTotal(parsed: Extract<SummaryParse, { ok: true }>): TotalCheck {
  const torch = parsed.format === 'torchinfo';
  let computed = 0n;
  parsed.rows.forEach((r) => {
    if (r.recursive) return;
    if (!torch && r.depth > 0) return;
    computed += r.stated;
  });
  const stated = parsed.total ?? null;
  if (stated === null)
    return {
      stated: null,
      computed,
      agrees: null,
      note: `The summary shows no total; its rows add up to ${fmt(computed)}.`,
    };
  const optimizer = parsed.optimizer ?? 0n;
  const weights = stated - optimizer;
  const agreesTotal = weights === computed;
  let note: string;
  if (optimizer > 0n) {
    note = agreesTotal
      ? `Total params includes ${fmt(optimizer)} optimizer variables (Keras 3 after training); the layers add up to ${fmt(computed)} = ${fmt(stated)} − ${fmt(optimizer)}.`
      : `Total params (${fmt(stated)}) less the ${fmt(optimizer)} optimizer variables is ${fmt(weights)}, but the layers add up to ${fmt(computed)}.`;
  } else {
    note = agreesTotal
      ? `The layers add up to the stated total, ${fmt(computed)}.`
      : `The layers add up to ${fmt(computed)}, the summary says ${fmt(stated)} (off by ${fmt(computed > stated ? computed - stated : stated - computed)}).`;
  }
  if (
    parsed.trainable !== undefined &&
    parsed.nonTrainable !== undefined &&
    parsed.trainable + parsed.nonTrainable !== weights
  ) {
    note += ` Trainable (${fmt(parsed.trainable)}) and non-trainable (${fmt(parsed.nonTrainable)}) add up to ${fmt(parsed.trainable + parsed.nonTrainable)}, not ${fmt(weights)}.`;
  }
  return { stated, computed, agrees: agreesTotal, note };
}

/** Rebuilds and checks every row of a parsed summary, and its total. Never throws. */
export function verifySummary(parsed: SummaryParse): VerifyResult {
  try {
    if (!parsed || typeof parsed !== 'object')
      return { ok: false, message: 'Nothing to verify: expected a parsed model summary.' };
    if (parsed.ok !== true) return { ok: false, message: parsed.error };
    const rows = verifyRows(parsed);
    const total = checkTotal(parsed);
    const counts = { agrees: 0, disagrees: 0, unknown: 0 };
    for (const r of rows) counts[r.status]++;
    return { ok: true, verification: { format: parsed.format, rows, total, counts } };
  } catch (e) {
    return {
      ok: false,
      message: `The summary could not be verified (${e instanceof Error ? e.message : 'unexpected input'}).`,
    };
  }
}
