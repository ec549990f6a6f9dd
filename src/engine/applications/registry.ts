// The registry of `keras.applications.X(...)`: the architecture Keras's own builder makes, as a ModelSpec of layer
// specs that countModel counts like any pasted model (never a tabulated total). Unknown names are
// refused with the list of known ones, never counted as 0.
import type { ModelSpec } from '../model.js';
import type { Dim } from '../types.js';
import type { ApplicationArgs, ApplicationDef, Resolved } from './common.js';
import { obtainInputShape } from './common.js';
import { DENSENETS } from './densenet.js';
import { EFFICIENTNETS } from './efficientnet.js';
import { INCEPTIONS } from './inception.js';
import { MOBILENETS } from './mobilenet.js';
import { RESNETS } from './resnet.js';
import { VGGS } from './vgg.js';
import { XCEPTIONS } from './xception.js';

export type { ApplicationArgs } from './common.js';

const DEFS: ApplicationDef[] = [
  ...RESNETS,
  ...VGGS,
  ...MOBILENETS,
  ...EFFICIENTNETS,
  ...INCEPTIONS,
  ...DENSENETS,
  ...XCEPTIONS,
];

const BY_NAME = new Map(DEFS.map((d) => [d.name, d]));

/** Every application this module builds, by its keras.applications name. */
export const KERAS_APPLICATION_NAMES: readonly string[] = DEFS.map((d) => d.name);

/** The Python parameter order of an application (for binding positional arguments), or null. */
export function kerasApplicationSignature(name: string): readonly string[] | null {
  return BY_NAME.get(lastSegment(name))?.signature ?? null;
}

/**
 * The built model: its spec (ending on the model's output, so layers appended after it read that
 * output) and the output's shape, batch excluded (e.g. (7, 7, 2048) or (1000,)); or why not.
 */
export type ApplicationResult =
  | { ok: true; name: string; spec: ModelSpec; output: Dim[] }
  | { ok: false; error: string };

function lastSegment(name: string): string {
  const i = name.lastIndexOf('.');
  return i < 0 ? name : name.slice(i + 1);
}

const EXAMPLE = '`tf.keras.applications.ResNet50(weights=None, classes=10)`';

function unknown(written: string): string {
  // The name comes from the user's code: quote a bounded piece of it.
  const name = written.length > 60 ? `${written.slice(0, 60)}...` : written;
  const lower = name.toLowerCase();
  const near = KERAS_APPLICATION_NAMES.find((n) => n.toLowerCase() === lower);
  const hint = near ? ` Did you mean ${near}? (the name is case-sensitive)` : '';
  return `I don't know keras.applications.${name}, so I can't count it (and won't guess).${hint} I can build ${KERAS_APPLICATION_NAMES.join(', ')}, e.g. ${EXAMPLE}.`;
}

function resolve(d: ApplicationDef, args: ApplicationArgs): { ok: true; r: Resolved } | { ok: false; error: string } {
  const includeTop = args.includeTop ?? true;
  const weights = args.weights === undefined ? 'imagenet' : args.weights;
  const imagenet = weights === 'imagenet';
  const classes = args.classes ?? 1000n;
  if (classes <= 0n)
    return { ok: false, error: `classes must be a positive number, e.g. ${d.name}(classes=10); got ${classes}.` };
  if (imagenet && includeTop && classes !== 1000n)
    return {
      ok: false,
      error: `Keras refuses ${d.name}(classes=${classes}) with weights='imagenet' and include_top=True: the ImageNet top has 1000 classes. Add weights=None (e.g. ${d.name}(weights=None, classes=${classes})) or include_top=False.`,
    };
  const given = args.inputShape ?? null;
  const defaultSize = d.defaultSizeFor ? d.defaultSizeFor(given) : d.defaultSize;
  const shape = obtainInputShape(given, defaultSize, d.minSize, includeTop, imagenet);
  if (!shape.ok) return { ok: false, error: `${d.name}: ${shape.error}` };
  const pooling = args.pooling === 'avg' || args.pooling === 'max' ? args.pooling : null;
  const r: Resolved = {
    includeTop,
    imagenet,
    pooling,
    classes,
    alpha: args.alpha ?? 1,
    depthMultiplier: args.depthMultiplier ?? 1n,
    input: shape.shape,
  };
  const problem = d.check?.(r) ?? null;
  if (problem) return { ok: false, error: `${d.name}: ${problem}` };
  return { ok: true, r };
}

function describeInput(r: Resolved): string {
  return `(${r.input.map((x) => (x === null ? 'None' : x.toString())).join(', ')})`;
}

/**
 * The model `keras.applications.<name>(...)` builds, as a spec for countModel. `name` may be dotted
 * (`tf.keras.applications.resnet50.ResNet50`): its last part is the application.
 */
export function kerasApplication(name: string, args: ApplicationArgs = {}): ApplicationResult {
  const short = lastSegment(name);
  const d = BY_NAME.get(short);
  if (!d) return { ok: false, error: unknown(short) };
  const resolved = resolve(d, args);
  if (!resolved.ok) return resolved;
  const r = resolved.r;
  const notes = [
    `keras.applications.${d.name}: built layer by layer as ${d.source} builds it, on input ${describeInput(r)}${r.includeTop ? '' : ', include_top=False'}. Activation and Dropout layers (no weights, shape unchanged) are left out of the table.`,
  ];
  if (r.imagenet) notes.push(`weights='imagenet' only sets the values: the count is the same with weights=None.`);
  else if (typeof args.weights === 'string')
    notes.push(
      `weights='${args.weights}' loads values from a file, which must fit this architecture: the count is the architecture's.`,
    );
  if (!r.includeTop && args.pooling !== undefined && args.pooling !== null && r.pooling === null)
    notes.push(`pooling='${args.pooling}' is neither 'avg' nor 'max', so Keras adds no pooling layer.`);
  if (r.includeTop && r.pooling) notes.push(`pooling='${r.pooling}' is ignored by Keras when include_top=True.`);
  const graph = d.build(r);
  return {
    ok: true,
    name: d.name,
    spec: { framework: 'keras', layers: graph.layers, input: null, notes },
    output: [...graph.output],
  };
}
