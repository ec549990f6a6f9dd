// Rows other than recurrent ones: Dense, Embedding, BatchNormalization, LayerNormalization,
// MultiHeadAttention (candidate specs counted by the engine, src/engine/verify/candidates.ts) and
// convolutions (the kernel size, which no summary prints, solved from the count).
import type { SummaryRow, Shape } from '../../parse/summary.js';
import type { LayerRecord } from '../types.js';
import { isqrt } from '../solve.js';
import {
  convCandidate,
  denseCandidate,
  embeddingCandidate,
  kerasMhaCandidate,
  kerasNormCandidate,
  near,
  torchBatchNormCandidate,
  torchLayerNormCandidate,
} from './candidates.js';
import type { Resolved } from './classes.js';
import type { Ctx, RowResult } from './result.js';
import { ALL, agrees, dimAt, disagrees, fmt, lastDim, n, unknown } from './result.js';

const params = (r: LayerRecord | null): bigint | null => (r ? r.params : null);

/** The candidate whose count is nearest the stated one (what the row most likely is), for the total. */
function nearest(stated: bigint, counts: (bigint | null)[]): bigint | undefined {
  let best: bigint | undefined;
  for (const c of counts) {
    if (c === null) continue;
    const d = c > stated ? c - stated : stated - c;
    if (best === undefined || d < (best > stated ? best - stated : stated - best)) best = c;
  }
  return best;
}

export function denseRow(
  ctx: Ctx,
  row: SummaryRow,
  typeName: string,
  input: bigint | null,
  inputSource: string,
): RowResult {
  const U = row.shapeTruncated ? null : lastDim(row.outputShape);
  const N = row.stated;
  if (U === null || U <= 0n) return unknown(typeName, 'The output shape does not show the units.');
  const fw = ctx.torch ? 'pytorch' : 'keras';
  const count = (I: bigint, bias: boolean) => params(denseCandidate(fw, I, U, bias));
  if (input !== null) {
    if (count(input, true) === N)
      return agrees(typeName, N, ALL, `${n(input, 'input')} x ${n(U, 'unit')} + ${n(U, 'bias')} = ${fmt(N)}.`);
    if (count(input, false) === N)
      return agrees(
        typeName,
        N,
        ALL,
        `${n(input, 'input')} x ${n(U, 'unit')}, no bias (use_bias=False / bias=False) = ${fmt(N)}.`,
      );
  }
  // Input widths the count allows, with and without bias; the engine's count decides.
  const withBias = near(N - U, U).filter((I) => count(I, true) === N);
  const noBias = near(N, U).filter((I) => count(I, false) === N);
  if (input === null || ctx.torch) {
    const reshape =
      input !== null ? `: not the ${fmt(input)} ${inputSource}, so forward() must reshape in between` : '';
    const I = withBias[0];
    if (I !== undefined)
      return agrees(
        typeName,
        N,
        ALL,
        `${n(I, 'input')} x ${n(U, 'unit')} + ${n(U, 'bias')} = ${fmt(N)}; input width ${fmt(I)}, solved from the count${reshape}.`,
        { solved: { what: 'input', value: I } },
      );
    const J = noBias[0];
    if (J !== undefined)
      return agrees(
        typeName,
        N,
        ALL,
        `${n(J, 'input')} x ${n(U, 'unit')}, no bias = ${fmt(N)}; input width ${fmt(J)}, solved from the count${reshape}.`,
        { solved: { what: 'input', value: J } },
      );
  }
  if (input === null) {
    const out = disagrees(
      typeName,
      null,
      N,
      `No whole input width gives ${fmt(N)} with ${fmt(U)} units: a dense layer has ${fmt(U)} x (inputs + 1) parameters (or ${fmt(U)} x inputs without bias).`,
    );
    const guess = nearest(
      N,
      near(N - U, U).map((I) => count(I, true)),
    );
    if (guess !== undefined) out.nearest = guess;
    return out;
  }
  const computed = count(input, true);
  let note = `Should be ${n(input, 'input')} x ${n(U, 'unit')} + ${n(U, 'bias')} = ${fmt(computed ?? 0n)}; the summary says ${fmt(N)}.`;
  if (withBias[0] !== undefined) note += ` ${fmt(N)} fits ${fmt(withBias[0])} inputs.`;
  return disagrees(typeName, computed, N, note);
}

export function embeddingRow(ctx: Ctx, row: SummaryRow, typeName: string): RowResult {
  const E = row.shapeTruncated ? null : lastDim(row.outputShape);
  const N = row.stated;
  if (E === null || E <= 0n) return unknown(typeName, 'The output shape does not show the embedding width.');
  const fw = ctx.torch ? 'pytorch' : 'keras';
  const count = (V: bigint) => params(embeddingCandidate(fw, V, E));
  const V = near(N, E).find((v) => count(v) === N);
  if (V !== undefined && N > 0n) {
    return agrees(
      typeName,
      N,
      ALL,
      `Vocabulary ${fmt(V)} x ${fmt(E)} dimensions = ${fmt(N)}; the vocabulary (${fmt(V)}) is solved from the count, as the summary does not print it.`,
      { solved: { what: 'vocabulary', value: V } },
    );
  }
  const out = disagrees(
    typeName,
    null,
    N,
    `An embedding ${fmt(E)} wide has vocabulary x ${fmt(E)} parameters; ${fmt(N)} is not a multiple of ${fmt(E)}.`,
  );
  const guess = nearest(N, near(N, E).map(count));
  if (guess !== undefined) out.nearest = guess;
  return out;
}

export function mhaRow(row: SummaryRow, typeName: string, inShape: Shape | null): RowResult {
  const E = row.shapeTruncated ? null : lastDim(row.outputShape);
  const N = row.stated;
  if (E === null || E <= 0n) return unknown(typeName, 'The output shape does not show the width.');
  // Keras MultiHeadAttention counts 4 x width x heads x key_dim + 3 x heads x key_dim + width (with
  // biases): only heads x key_dim is seen, so that product is solved and the engine counts it.
  for (const bias of [true, false]) {
    const HK = near(N - (bias ? E : 0n), 4n * E + (bias ? 3n : 0n)).find(
      (hk) => params(kerasMhaCandidate(E, hk, bias)) === N,
    );
    if (HK !== undefined)
      return agrees(
        typeName,
        N,
        ['keras', 'keras2'],
        `Query, key, value and output projections over ${fmt(E)} features with num_heads x key_dim = ${fmt(HK)}${bias ? '' : ', no biases'}: ${fmt(N)}. The summary shows only that product, not heads and key_dim apart${inShape && lastDim(inShape) !== E ? '; the query width is the output width' : ''}.`,
        { solved: { what: 'input', value: HK } },
      );
  }
  return unknown(
    typeName,
    `No num_heads x key_dim over ${fmt(E)} features gives ${fmt(N)} (value_dim or output_shape may differ).`,
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

export function convRow(ctx: Ctx, row: SummaryRow, res: Resolved, inShape: Shape | null): RowResult {
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
      // Kernel sizes the count allows; the engine's count of each decides.
      const K = near(N - (bias ? F : 0n), C * F).find(
        (k) => params(convCandidate(ctx.torch ? 'pytorch' : 'keras', C, F, k, bias)) === N,
      );
      if (K === undefined) continue;
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

export function batchNormRow(ctx: Ctx, row: SummaryRow, typeName: string): RowResult {
  const N = row.stated;
  const out = row.outputShape;
  if (ctx.torch) {
    const C = dimAt(out, 1);
    if (C === null) return unknown(typeName, 'The output shape does not show the channels.');
    const affine = params(torchBatchNormCandidate(C, true));
    if (N === affine)
      return agrees(
        typeName,
        N,
        ['pytorch', 'cudnn', 'flax'],
        `Weight and bias over ${fmt(C)} channels = 2 x ${fmt(C)}; the running mean and variance are buffers, not parameters.`,
      );
    if (N === params(torchBatchNormCandidate(C, false)))
      return agrees(
        typeName,
        N,
        ['pytorch', 'cudnn', 'flax'],
        'affine=False: no weight or bias; the running statistics are buffers.',
      );
    return disagrees(
      typeName,
      affine,
      N,
      `Should be 2 x ${fmt(C)} = ${fmt(affine ?? 0n)} (weight and bias per channel).`,
    );
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
    // Each reading's record: its moving statistics are the row's non-trainable weights.
    const records = new Map<string, LayerRecord | null>();
    const count = (center: boolean, scale: boolean) => {
      const rec = kerasNormCandidate('batch', C, center, scale);
      records.set(`${center}${scale}`, rec);
      return params(rec);
    };
    const frozenPart = (center: boolean, scale: boolean) => ({
      nonTrainable: records.get(`${center}${scale}`)?.nonTrainable ?? 0n,
    });
    if (N === count(true, true)) {
      return agrees(
        typeName,
        N,
        ['keras', 'keras2', 'onnx', 'tf1'],
        `Over ${n(C, 'channel')}${where}: gamma and beta (trainable) + moving mean and variance (non-trainable) = 4 x ${fmt(C)}. PyTorch counts only 2 x ${fmt(C)} (its running statistics are buffers).`,
        frozenPart(true, true),
      );
    }
    if (N === count(false, true))
      return agrees(
        typeName,
        N,
        ['keras', 'keras2', 'tf1'],
        `Over ${n(C, 'channel')}${where}: center=False or scale=False leaves 3 x ${fmt(C)} (one of gamma/beta + moving mean and variance).`,
        frozenPart(false, true),
      );
    if (N === count(false, false))
      return agrees(
        typeName,
        N,
        ['keras', 'keras2', 'tf1'],
        `Over ${n(C, 'channel')}${where}: center=False and scale=False leave the moving mean and variance, 2 x ${fmt(C)}.`,
        frozenPart(false, false),
      );
  }
  if (last === null) return unknown(typeName, 'The output shape does not show the channels.');
  const full = params(kerasNormCandidate('batch', last, true, true));
  return disagrees(
    typeName,
    full,
    N,
    `Should be 4 x ${fmt(last)} = ${fmt(full ?? 0n)} (gamma, beta, moving mean and variance per channel).`,
  );
}

export function layerNormRow(ctx: Ctx, row: SummaryRow, typeName: string): RowResult {
  const C = row.shapeTruncated ? null : lastDim(row.outputShape);
  const N = row.stated;
  if (C === null) return unknown(typeName, 'The output shape does not show the features.');
  const count = (center: boolean, scale: boolean) =>
    params(
      ctx.torch ? torchLayerNormCandidate(C, center || scale, center) : kerasNormCandidate('layer', C, center, scale),
    );
  const full = count(true, true);
  if (N === full)
    return agrees(
      typeName,
      N,
      ALL,
      `${ctx.torch ? 'Weight and bias' : 'Gamma and beta'} over ${fmt(C)} features = 2 x ${fmt(C)}.`,
    );
  if (N === count(false, true))
    return agrees(
      typeName,
      N,
      ALL,
      `One vector over ${fmt(C)} features (${ctx.torch ? 'bias=False' : 'center=False or scale=False'}).`,
    );
  if (N === count(false, false))
    return agrees(
      typeName,
      0n,
      ALL,
      ctx.torch ? 'elementwise_affine=False: no parameters.' : 'center=False and scale=False: no parameters.',
    );
  return disagrees(typeName, full, N, `Should be 2 x ${fmt(C)} = ${fmt(full ?? 0n)}.`);
}
