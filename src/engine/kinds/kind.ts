// What every layer kind tells the engine: one descriptor per kind (see registry.ts). The spec type of a
// kind is derived from its zod schema; nothing about a kind is written anywhere else.
import { z } from 'zod';
import type { Dim, LayerRecord, RecurrentSpec } from '../types.js';
import { CONVENTIONS } from '../types.js';

/** A shape without the batch axis; null = a size not known. */
export type Shape = Dim[];

export interface FlowResult {
  record: LayerRecord | null;
  out: Shape | null;
  /** Recurrent specs as counted (inputs resolved), for the cross-convention alternatives. */
  recurrent: RecurrentSpec[];
  /** A layer the engine cannot count: its type name. */
  unknown?: string;
}

// biome-ignore lint/suspicious/noExplicitAny: any zod object schema with a literal `kind`.
export type KindSchema = z.ZodObject<{ kind: z.ZodLiteral<string> } & Record<string, any>>;

export interface LayerKind<Sch extends KindSchema> {
  schema: Sch;
  /** The layer's type as frameworks print it ("LSTM", "Conv2D", "Linear"). */
  typeName(spec: z.infer<Sch>): string;
  /** Whether the shape it outputs feeds the next layer (Keras style); PyTorch modules take no shape. */
  passesShape(spec: z.infer<Sch>): boolean;
  /** The class Keras names it after when that is not its type (a Bidirectional wrapper); default the type. */
  nameBase?(spec: z.infer<Sch>): string | null;
  /** Whether a PyTorch model names it by its index ("0", "1"...); default: when it passes no shape. */
  namedByIndex?(spec: z.infer<Sch>): boolean;
  /** Whether it needs the shape reaching it (a model-level `input=N` is then given to it). */
  needsInput(spec: z.infer<Sch>): boolean;
  /** The input shape to ask for when it is missing, e.g. "(timesteps, features)". */
  inputLayout(spec: z.infer<Sch>): string;
  /** The shape a model-level `input=N` stands for when this layer is the first. */
  hintShape(spec: z.infer<Sch>, width: bigint): Shape;
  /** Layer rows of work (stacked layers x directions); 1 when absent. */
  rows?(spec: z.infer<Sch>): number;
  /** A kind-specific request when its input width is missing (null = the usual one). */
  missingInput?(spec: z.infer<Sch>, source: string): string | null;
  /** Counts it given the shape reaching it: its record and output shape. */
  flow(spec: z.infer<Sch>, inShape: Shape | null, name: string): FlowResult;
}

/** Keeps a descriptor's methods typed by its own schema. */
export function defineKind<Sch extends KindSchema>(kind: LayerKind<Sch>): LayerKind<Sch> {
  return kind;
}

// Pieces of schemas shared by every kind.
export const dim = z.union([z.bigint(), z.null()]);
export const big = z.bigint();
export const pos = z.bigint().positive();
export const rank = z.union([z.literal(1), z.literal(2), z.literal(3)]);
export const framework = z.enum(['pytorch', 'keras', 'flax']);
export const convention = z.enum(CONVENTIONS);
export const base = {
  /** Explicit name (Keras `name=`, a PyTorch attribute or variable); else an automatic one. */
  name: z.string().max(200).optional(),
  /** The call as written, for messages ("LSTM(64)"). */
  source: z.string().max(2000).optional(),
  /** Keras `trainable=False`. */
  trainable: z.boolean().optional(),
  /** Keras input_shape / input_dim / batch_input_shape on this layer (batch excluded). */
  inputShape: z.array(dim).max(16).optional(),
  /** Parser notes (ignored arguments and the like). */
  notes: z.array(z.string()).optional(),
};

/** Defaults shared by most kinds: the shape flows on unless the layer is PyTorch's. */
export const keepsShape = {
  passesShape: (spec: object) => !('framework' in spec) || spec.framework !== 'pytorch',
  needsInput: () => false,
  inputLayout: () => '(timesteps, features)',
  hintShape: (_spec: unknown, width: bigint): Shape => [null, width],
};
