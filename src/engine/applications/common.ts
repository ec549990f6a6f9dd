// What every Keras application shares: the arguments, Keras's input-shape rules
// (`imagenet_utils.obtain_input_shape`) and the usual classifier top.
import type { Dim } from '../types.js';
import type { AppGraph, Tensor } from './graph.js';

/** The arguments of a `keras.applications.X(...)` call, as read from the code. */
export interface ApplicationArgs {
  /** include_top (default True). */
  includeTop?: boolean;
  /** weights: 'imagenet' (the default), null for `weights=None`, or a file path. */
  weights?: string | null;
  /** input_shape, channels last (height, width, channels), or the shape of `input_tensor`. */
  inputShape?: readonly Dim[] | null;
  /** pooling: 'avg', 'max' or None; Keras adds no pooling for any other value. */
  pooling?: string | null;
  /** classes (default 1000). */
  classes?: bigint;
  /** MobileNet / MobileNetV2 width multiplier (default 1.0). */
  alpha?: number;
  /** MobileNet depth_multiplier (default 1). */
  depthMultiplier?: bigint;
}

/** The arguments with Keras's defaults applied and the input shape settled. */
export interface Resolved {
  includeTop: boolean;
  imagenet: boolean;
  pooling: 'avg' | 'max' | null;
  classes: bigint;
  alpha: number;
  depthMultiplier: bigint;
  /** (height, width, channels). */
  input: Dim[];
}

export interface ApplicationDef {
  /** The function's name in keras.applications (`ResNet50`). */
  name: string;
  /** Where Keras defines it, for the answer's note. */
  source: string;
  /** The Python parameters in order, so a reader can bind positional arguments. */
  signature: readonly string[];
  /** Input side Keras uses when include_top=True (or for the `weights`), and the smallest it accepts. */
  defaultSize: bigint;
  minSize: bigint;
  /** Extra checks Keras makes (MobileNet's alpha with imagenet weights); null when fine. */
  check?: (r: Resolved) => string | null;
  /** MobileNets pick their default size from a square input_shape of a size they have weights for. */
  defaultSizeFor?: (inputShape: readonly Dim[] | null) => bigint;
  build(r: Resolved): AppGraph;
}

/** The parameter order shared by most applications. */
export const COMMON_SIGNATURE = [
  'include_top',
  'weights',
  'input_tensor',
  'input_shape',
  'pooling',
  'classes',
  'classifier_activation',
  'name',
] as const;

/** An application with the common signature and no extra checks. */
export function standardApplication(
  name: string,
  file: string,
  sizes: { defaultSize: bigint; minSize: bigint },
  build: (r: Resolved) => AppGraph,
): ApplicationDef {
  return { name, source: `keras/src/applications/${file}`, signature: COMMON_SIGNATURE, ...sizes, build };
}

function dims(shape: readonly Dim[]): string {
  return `(${shape.map((d) => (d === null ? 'None' : d.toString())).join(', ')})`;
}

/** Keras's obtain_input_shape (channels last): the input the model is built on, or Keras's refusal. */
export function obtainInputShape(
  given: readonly Dim[] | null,
  defaultSize: bigint,
  minSize: bigint,
  includeTop: boolean,
  imagenet: boolean,
): { ok: true; shape: Dim[] } | { ok: false; error: string } {
  const channelsGiven = given && given.length === 3 ? (given[2] ?? null) : null;
  const defaultShape: Dim[] = [defaultSize, defaultSize, !imagenet && channelsGiven !== null ? channelsGiven : 3n];
  if (imagenet && includeTop) {
    if (given && dims(given) !== dims(defaultShape))
      return {
        ok: false,
        error: `With include_top=True and weights='imagenet', Keras requires input_shape=${dims(defaultShape)} (got ${dims(given)}). Pass weights=None, or include_top=False, to use another size.`,
      };
    return { ok: true, shape: defaultShape };
  }
  let shape: Dim[];
  if (given) {
    if (given.length !== 3)
      return {
        ok: false,
        error: `input_shape must be three numbers (height, width, channels), e.g. input_shape=(224, 224, 3); got ${dims(given)}.`,
      };
    const channels = given[2] ?? null;
    if (channels === null || channels <= 0n)
      return { ok: false, error: `input_shape ${dims(given)} needs a positive channel count, e.g. (224, 224, 3).` };
    if (channels !== 3n && imagenet)
      return {
        ok: false,
        error: `With weights='imagenet' the input must have 3 channels; got input_shape=${dims(given)}. Pass weights=None for another channel count.`,
      };
    const small = (d: Dim | undefined) => d !== undefined && d !== null && d < minSize;
    if (small(given[0]) || small(given[1]))
      return {
        ok: false,
        error: `Keras needs an input of at least ${minSize}x${minSize} for this model; got input_shape=${dims(given)}.`,
      };
    shape = [...given];
  } else shape = includeTop ? defaultShape : [null, null, 3n];
  if (includeTop && shape.some((d) => d === null))
    return {
      ok: false,
      error: `With include_top=True Keras needs a fixed input size, e.g. input_shape=${dims(defaultShape)}; got ${dims(shape)}.`,
    };
  return { ok: true, shape };
}

/**
 * The usual end of an application: with include_top, global average pooling and a Dense softmax over
 * the classes; without it, the optional `pooling`. `named` gives the pools Keras's names
 * (`avg_pool`/`max_pool`) where the builder names them.
 */
export function classifierTop(g: AppGraph, x: Tensor, r: Resolved, named: { top: boolean; pooling: boolean }): Tensor {
  if (r.includeTop) {
    const pooled = g.globalPool(x, 'avg', named.top ? 'avg_pool' : undefined);
    return g.dense(pooled, r.classes, 'predictions');
  }
  if (r.pooling === 'avg') return g.globalPool(x, 'avg', named.pooling ? 'avg_pool' : undefined);
  if (r.pooling === 'max') return g.globalPool(x, 'max', named.pooling ? 'max_pool' : undefined);
  return x;
}
