// What a class handler gets: the call, its framework, a binder for the real signature, and ways to
// make layer values.
import type { Framework, LayerSpec } from '../../engine/model.js';
import type { Value } from '../python/evaluate.js';
import type { Args, LayerData, ModelData } from './values.js';

export interface ClassCtx {
  /** Class name as written last in the path (`LSTM`). */
  cls: string;
  fw: Framework;
  /** The call as written, for messages (`nn.LSTM(300, 512)`). */
  source: string;
  /** Binds the arguments to a signature; `common` keywords are accepted silently. */
  bind(sig: readonly string[], common?: readonly string[], aliases?: readonly string[]): Args;
  /** Whether a Keras conv call uses the Keras 1 form (nb_filter, nb_row, nb_col / 3 positional ints). */
  legacyConv(rank: number): boolean;
  /** Evaluates the arguments (so every refusal still applies) without binding them. */
  evaluateArgs(): void;
  /** Wraps a spec as a layer value (notes from the binder are attached). */
  layer(spec: LayerSpec, a: Args | null, extra?: Partial<Pick<LayerData, 'kerasCell' | 'more'>>): Value;
  /** Marks a layer as used inside another (so it is not counted on its own too). */
  consume(d: LayerData | ModelData): void;
}

export type Handler = (ctx: ClassCtx) => Value;

/** Keyword arguments that never change a count, accepted by every PyTorch module. */
export const TORCH_COMMON = ['device', 'dtype'] as const;

/** Keyword arguments of every Keras layer (Keras 2 and 3), incl. the input-shape ones. */
export const KERAS_COMMON = [
  'name',
  'trainable',
  'dtype',
  'input_shape',
  'batch_input_shape',
  'batch_size',
  'input_dim',
  'input_length',
  'weights',
  'dynamic',
  'autocast',
  'activity_regularizer',
  'kernel_initializer',
  'bias_initializer',
  'kernel_regularizer',
  'bias_regularizer',
  'kernel_constraint',
  'bias_constraint',
  'seed',
  'init',
  'W_regularizer',
  'b_regularizer',
  'W_constraint',
  'b_constraint',
  'lora_rank',
  'lora_alpha',
] as const;

export const FLAX_COMMON = [
  'dtype',
  'param_dtype',
  'parent',
  'name',
  'kernel_init',
  'bias_init',
  'recurrent_kernel_init',
  'carry_init',
  'precision',
  'dot_general',
  'dot_general_cls',
] as const;
