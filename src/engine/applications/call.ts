// The call as a code reader sees it: `keras.applications.X(arg, key=value, ...)` with the Python values
// it could evaluate. Binds them to the application's real signature, checks their types as Keras
// would, and builds the model (see kerasApplication). A reader only has to hand over the values.
import type { Dim } from '../types.js';
import type { ApplicationArgs } from './common.js';
import { kerasApplication, kerasApplicationSignature } from './registry.js';
import type { ApplicationResult } from './registry.js';

/**
 * A Python value as the reader evaluated it: int (bigint), float (number), bool, str, None (null),
 * a tuple/list, a Keras tensor with its shape (batch excluded), or anything else by its source text.
 */
export type PythonValue =
  | bigint
  | number
  | boolean
  | string
  | null
  | readonly PythonValue[]
  | { readonly tensorShape: readonly Dim[] }
  | { readonly other: string };

/** Parameters that never change the count (the softmax, the dropout rate, the model's name). */
const IGNORED = new Set(['classifier_activation', 'name', 'dropout']);

function show(v: PythonValue): string {
  if (v === null) return 'None';
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (typeof v === 'string') return `'${v}'`;
  if (typeof v === 'bigint' || typeof v === 'number') return String(v);
  if (Array.isArray(v)) return `(${v.map(show).join(', ')})`;
  if ('tensorShape' in v) return 'a tensor';
  return 'other' in v ? v.other : '?';
}

function shapeOf(v: PythonValue): Dim[] | null {
  if (typeof v === 'object' && v !== null && !Array.isArray(v) && 'tensorShape' in v) return [...v.tensorShape];
  if (Array.isArray(v) && v.every((d) => d === null || typeof d === 'bigint')) return v as Dim[];
  return null;
}

/** Sets one argument from its Python value; returns what is wrong with the value, or null. */
function setArg(args: ApplicationArgs, key: string, v: PythonValue): string | null {
  switch (key) {
    case 'include_top':
      if (typeof v !== 'boolean') return `include_top should be True or False, e.g. include_top=False; got ${show(v)}.`;
      args.includeTop = v;
      return null;
    case 'weights':
      if (v !== null && typeof v !== 'string')
        return `weights should be None, 'imagenet' or a file path; got ${show(v)}.`;
      args.weights = v;
      return null;
    case 'input_shape':
    case 'input_tensor': {
      if (v === null) return null;
      const shape = shapeOf(v);
      if (!shape) return `${key} should be a shape such as (224, 224, 3); got ${show(v)}.`;
      // input_shape wins over the tensor's shape when both are given.
      if (key === 'input_shape' || args.inputShape === undefined) args.inputShape = shape;
      return null;
    }
    case 'pooling':
      if (v !== null && typeof v !== 'string') return `pooling should be 'avg', 'max' or None; got ${show(v)}.`;
      args.pooling = v;
      return null;
    case 'classes':
    case 'depth_multiplier':
      if (typeof v !== 'bigint' || v <= 0n)
        return `${key} should be a positive integer, e.g. ${key}=10; got ${show(v)}.`;
      if (key === 'classes') args.classes = v;
      else args.depthMultiplier = v;
      return null;
    case 'alpha':
      if (typeof v !== 'number' && typeof v !== 'bigint')
        return `alpha should be a number, e.g. alpha=0.5; got ${show(v)}.`;
      args.alpha = Number(v);
      return null;
    default:
      return null;
  }
}

/**
 * Counts-ready spec for `<path>(*positional, **keywords)` where `path` ends in a keras.applications
 * name (`tf.keras.applications.ResNet50`). Refuses unknown applications (listing the known ones),
 * unknown or repeated arguments (as Python would), and values Keras refuses.
 */
export function kerasApplicationCall(
  path: string,
  positional: readonly PythonValue[],
  keywords: Readonly<Record<string, PythonValue>>,
): ApplicationResult {
  const signature = kerasApplicationSignature(path);
  if (!signature) return kerasApplication(path);
  const name = path.slice(path.lastIndexOf('.') + 1);
  if (positional.length > signature.length)
    return {
      ok: false,
      error: `${name}() takes at most ${signature.length} arguments (${signature.join(', ')}); got ${positional.length}.`,
    };
  const bound = new Map<string, PythonValue>(positional.map((v, i) => [signature[i] as string, v]));
  for (const [key, v] of Object.entries(keywords)) {
    if (!signature.includes(key))
      return {
        ok: false,
        error: `${name}() has no argument \`${key}\`: it takes ${signature.join(', ')}.`,
      };
    if (bound.has(key)) return { ok: false, error: `${name}() got two values for \`${key}\`.` };
    bound.set(key, v);
  }
  const args: ApplicationArgs = {};
  for (const [key, v] of bound) {
    if (IGNORED.has(key)) continue;
    const error = setArg(args, key, v);
    if (error) return { ok: false, error: `${name}(): ${error}` };
  }
  return kerasApplication(path, args);
}
