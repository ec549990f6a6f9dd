// Answer -> the JSON contract other checks depend on. Every count is a decimal string.
import type { Answer } from '../answer-types.js';
import type { Dim } from '../engine/types.js';
import { transformerJson } from './transformer.js';
import type { SplitCheck } from '../engine/verify/result.js';
import { escapeJsonControls } from './format.js';

export type Json = string | number | boolean | null | Json[] | { [k: string]: Json };

const dim = (d: Dim): Json => (d === null ? null : Number(d));

export function renderJson(a: Answer): { [k: string]: Json } {
  if (a.kind === 'error') {
    if (!a.formula) return { query: a.query, error: a.message };
    const f = a.formula;
    const formula: { [k: string]: Json } = {
      class: f.className,
      variables: f.variables,
      total: f.total,
      layers: f.layers.map((l) => ({ name: l.name, type: l.type, formula: l.formula })),
      line: f.line,
    };
    if (f.refused) formula.refused = { reason: f.refused.why, names: f.refused.names };
    return { query: a.query, error: a.message, formula };
  }
  if (a.kind === 'help') {
    return { query: a.query, error: 'Give a layer to count, e.g. `/lstm 4096 256` or `/params nn.LSTM(300, 512)`.' };
  }
  const m = a.model;
  const out: { [k: string]: Json } = {
    query: a.query,
    convention: a.convention,
    total: m.total.toString(),
    trainable: m.trainable.toString(),
    non_trainable: m.nonTrainable.toString(),
    layers: m.layers.map((l) => {
      const layer: { [k: string]: Json } = {
        name: l.name,
        type: l.type,
        params: l.params.toString(),
        trainable: l.isTrainable,
        trainable_params: l.trainable.toString(),
        non_trainable_params: l.nonTrainable.toString(),
        tensors: l.tensors.map((t) => ({
          name: t.name,
          shape: t.shape.map((s) => Number(s)),
          params: t.params.toString(),
          trainable: t.trainable,
        })),
      };
      if (l.outputShape) layer.output_shape = l.outputShape.map(dim);
      if (l.convention) layer.convention = l.convention;
      if (l.buffers > 0n) layer.buffers = l.buffers.toString();
      return layer;
    }),
    alternatives: a.alternatives.map((x) => ({ convention: x.convention, total: x.total.toString() })),
  };
  if (m.buffers > 0n) out.buffers = m.buffers.toString();
  if (a.incomplete || m.unknownLayers.length > 0) {
    out.incomplete = true;
    out.not_counted = m.unknownLayers;
  }
  if (a.comparison) {
    out.comparison = a.comparison.map((r) => ({
      convention: r.convention,
      total: r.total.toString(),
      difference: r.difference.toString(),
    }));
  }
  if (a.solved) out.solved = { [a.solved.unknown]: a.solved.value.toString() };
  if (a.claim) {
    out.claim = {
      stated: a.claim.stated.toString(),
      conventions: a.claim.conventions,
      rows: a.claim.rows.map((r) => ({
        convention: r.convention,
        total: r.total.toString(),
        difference: r.difference.toString(),
        holds: r.holds,
        ...(r.explanation ? { explanation: r.explanation } : {}),
      })),
    };
  }
  if (a.verification) {
    const v = a.verification;
    out.verification = {
      format: v.format,
      rows: v.rows.map((r) => ({
        name: r.name,
        type: r.type,
        stated: r.stated.toString(),
        computed: r.computed === null ? null : r.computed.toString(),
        status: r.status,
        conventions: r.conventions,
        note: r.note,
      })),
      total: {
        stated: v.total.stated === null ? null : v.total.stated.toString(),
        computed: v.total.computed.toString(),
        agrees: v.total.agrees,
        ...(v.total.trainable ? { trainable: splitJson(v.total.trainable) } : {}),
        ...(v.total.nonTrainable ? { non_trainable: splitJson(v.total.nonTrainable) } : {}),
      },
    };
  }
  if (a.transformer) out.transformer = transformerJson(a.transformer);
  if (a.compute) {
    out.compute = {
      timesteps: a.compute.timesteps.toString(),
      macs_per_step: a.compute.macsPerStep.toString(),
      macs_per_sequence: a.compute.macsPerSequence.toString(),
      elementwise_per_step: a.compute.elementwisePerStep.toString(),
      activations_per_step: a.compute.activationsPerStep.toString(),
    };
  }
  const notes = [...a.notes, ...m.notes];
  if (notes.length > 0) out.notes = notes;
  return out;
}

function splitJson(c: SplitCheck): { stated: string | null; computed: string; agrees: boolean | null } {
  return { stated: c.stated === null ? null : c.stated.toString(), computed: c.computed.toString(), agrees: c.agrees };
}

/** One line of JSON (no BigInt reaches JSON.stringify: counts are strings by now). */
export function renderJsonLine(a: Answer): string {
  return escapeJsonControls(JSON.stringify(renderJson(a)));
}
