// Fully connected layers (PyTorch Linear, Keras Dense, Flax Dense) and embeddings.
import type { LayerRecord, Step } from '../types.js';
import { makeRecord, tensor, term, weightBiasSteps } from './common.js';
import type { Framework } from './common.js';

export interface DenseParams {
  framework: Framework;
  name?: string;
  /** Width of the input's last axis. */
  input: bigint;
  units: bigint;
  bias: boolean;
  isTrainable?: boolean;
  typeName?: string;
}

/** Linear / Dense: a weight matrix plus an optional bias vector. */
export function countDense(p: DenseParams): LayerRecord {
  if (p.input <= 0n || p.units <= 0n) throw new RangeError('a dense layer needs positive input and output sizes');
  const torch = p.framework === 'pytorch';
  const type = p.typeName ?? (torch ? 'Linear' : 'Dense');
  const weightShape = torch ? [p.units, p.input] : [p.input, p.units];
  const tensors = [tensor(torch ? 'weight' : 'kernel', weightShape)];
  if (p.bias) tensors.push(tensor('bias', [p.units]));
  const weight = p.input * p.units;
  const bias = p.bias ? p.units : null;
  const total = weight + (bias ?? 0n);
  const steps: Step[] = [
    {
      kind: 'say',
      sentence: { id: torch ? 'dense-linear' : 'dense-keras', units: p.units, input: p.input, bias: p.bias },
    },
    ...weightBiasSteps({
      weightLabel: 'weights',
      weightFactors: [
        term(p.input, torch ? 'in_features' : 'input width'),
        term(p.units, torch ? 'out_features' : 'units'),
      ],
      weight,
      bias,
      total,
      formula: p.bias ? `(${p.input} + 1) x ${p.units}` : `${p.input} x ${p.units}`,
    }),
  ];
  return makeRecord({
    name: p.name ?? (torch ? 'linear' : 'dense'),
    type,
    framework: p.framework,
    tensors,
    steps,
    isTrainable: p.isTrainable,
  });
}

export interface EmbeddingParams {
  framework: Framework;
  name?: string;
  /** Vocabulary size (PyTorch num_embeddings, Keras input_dim, Flax num_embeddings). */
  vocab: bigint;
  /** Vector size (PyTorch embedding_dim, Keras output_dim, Flax features). */
  dim: bigint;
  paddingIdx?: boolean;
  isTrainable?: boolean;
  typeName?: string;
}

/** Embedding: one learned vector per token, a (vocab, dim) table. */
export function countEmbedding(p: EmbeddingParams): LayerRecord {
  if (p.vocab <= 0n || p.dim <= 0n) throw new RangeError('an embedding needs a positive vocabulary and vector size');
  const torch = p.framework === 'pytorch';
  const name = torch ? 'weight' : p.framework === 'flax' ? 'embedding' : 'embeddings';
  const total = p.vocab * p.dim;
  const steps: Step[] = [
    { kind: 'say', sentence: { id: 'embedding-table', vocab: p.vocab, dim: p.dim } },
    {
      kind: 'product',
      label: 'table',
      factors: [
        term(p.vocab, torch ? 'num_embeddings' : p.framework === 'flax' ? 'num_embeddings' : 'input_dim (vocabulary)'),
        term(p.dim, torch ? 'embedding_dim' : p.framework === 'flax' ? 'features' : 'output_dim'),
      ],
      result: total,
    },
  ];
  const notes: string[] = [];
  if (p.paddingIdx) {
    steps.push({ kind: 'say', sentence: { id: 'embedding-padding' } });
  }
  return makeRecord({
    name: p.name ?? 'embedding',
    type: p.typeName ?? (p.framework === 'flax' ? 'Embed' : 'Embedding'),
    framework: p.framework,
    tensors: [tensor(name, [p.vocab, p.dim])],
    steps,
    notes,
    isTrainable: p.isTrainable,
  });
}
