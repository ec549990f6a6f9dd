// A PyTorch class pasted without the line that builds it, some constructor arguments without a
// default: its count as a formula of those sizes. PyTorch layers take explicit sizes, so while the
// sizes only flow into layer arguments through + - *, each layer's count is a polynomial in them.
//
// The formula is found by sampling, not by symbolic evaluation: the class is built (read, never run)
// with the missing names bound to small integers on a grid, and each count is recovered by exact
// Newton interpolation over BigInt, then checked at points off the grid. A size that changes which
// layers there are (`range(n)`, `if`), or a count that is not a polynomial of degree <= 3 in it
// (`//`, `2 ** n`), is named and refused: the answer asks for the line instead.
import { t } from '../../i18n/index.js';
import type { Locale } from '../../i18n/index.js';
import { Polynomial } from '../../engine/polynomial.js';
import { MAX_STEPS } from '../python/interpret.js';

/** One build of the class at given sizes: its layers' counts, or why it could not be built. */
export type Sample =
  | { ok: true; layers: { name: string; type: string; params: bigint }[]; total: bigint }
  | { ok: false; error: string };

export type Sampler = (sizes: readonly bigint[]) => Sample;

export interface SizesFormula {
  className: string;
  /** The constructor arguments without a default, in order. */
  variables: string[];
  /** The line that gives a number: `model = RNNModel(ntoken=..., ...)`. */
  line: string;
  /** The total as a formula; null when refused. */
  total: string | null;
  layers: { name: string; type: string; formula: string }[];
  /** Why there is no formula, and which sizes cause it. */
  refused?: { why: 'layers' | 'not-polynomial' | 'too-many'; names: string[] };
}

export const MAX_FORMULA_VARIABLES = 4;
/** Degree bound per size: a layer's count is at most quadratic in one size in practice (Linear(h, h)). */
const MAX_DEGREE = 3;
/** Builds allowed for one formula (each is one reading of the class, bounded by the evaluator's limits). */
export const MAX_FORMULA_BUILDS = 80;
/** Steps of reading shared by all builds of one formula (about two full readings: the 1 s budget holds). */
export const MAX_FORMULA_STEPS = 2 * MAX_STEPS;
/** Layers built and counted over all builds of one formula (a few thousand take well under a second). */
export const MAX_FORMULA_LAYERS = 1_500;
/** Layers listed in the words (the JSON has every one; a Slack section holds 3,000 characters). */
const SHOWN_LAYERS = 20;

/** Distinct, small starting sizes: loops over them stay short, and no two sizes are ever equal. */
const start = (i: number): bigint => BigInt(8 * (i + 1));

/** Sizes off the interpolation grid where every formula must agree with a real build. */
function checkPoints(n: number): bigint[][] {
  return [
    Array.from({ length: n }, (_, i) => start(i) + 7n + 2n * BigInt(i)),
    Array.from({ length: n }, (_, i) => start(i) * 3n + 1n + BigInt(i)),
    Array.from({ length: n }, (_, i) => 97n + 31n * BigInt(i)),
  ];
}

/** Thrown when a formula would take more builds or steps than allowed. */
export class FormulaLimit extends Error {}

/**
 * The formula for `className` in `variables`, or a refusal naming the sizes that prevent one; null
 * when the class cannot be built at all with sample sizes (the caller keeps its plain refusal).
 */
export function findFormula(className: string, variables: string[], sample: Sampler): SizesFormula | null {
  const n = variables.length;
  const line = `model = ${className}(${variables.map((v) => `${v}=...`).join(', ')})`;
  const refuse = (why: 'layers' | 'not-polynomial' | 'too-many', names: string[]): SizesFormula => ({
    className,
    variables,
    line,
    total: null,
    layers: [],
    refused: { why, names },
  });
  if (n > MAX_FORMULA_VARIABLES) return refuse('too-many', variables);

  const builds = new Map<string, Sample>();
  const build = (sizes: readonly bigint[]): Sample => {
    const key = sizes.join(',');
    let s = builds.get(key);
    if (!s) {
      if (builds.size >= MAX_FORMULA_BUILDS) throw new FormulaLimit();
      s = sample(sizes);
      builds.set(key, s);
    }
    return s;
  };
  const shape = (s: Sample & { ok: true }): string => s.layers.map((l) => `${l.name}:${l.type}`).join('|');
  /** Each count a formula is made for: every layer's, then the total. */
  const series = (s: Sample & { ok: true }): bigint[] => [...s.layers.map((l) => l.params), s.total];

  try {
    const base = variables.map((_, i) => start(i));
    const first = build(base);
    if (!first.ok) return null;
    const layout = shape(first);

    // One size at a time: it must not change the layers, and each count's finite differences must
    // vanish past MAX_DEGREE (that gives the degree in that size).
    const structural: string[] = [];
    const irregular: string[] = [];
    const degrees: number[] = [];
    variables.forEach((name, i) => {
      const values: bigint[][] = [];
      for (let j = 0; j <= MAX_DEGREE + 1; j++) {
        const s = build(base.map((b, k) => (k === i ? b + BigInt(j) : b)));
        if (!s.ok || shape(s) !== layout) {
          structural.push(name);
          return;
        }
        values.push(series(s));
      }
      let degree = 0;
      for (let c = 0; c < (values[0]?.length ?? 0); c++) {
        const d = degreeOf(values.map((v) => v[c] ?? 0n));
        if (d === null) {
          irregular.push(name);
          return;
        }
        degree = Math.max(degree, d);
      }
      degrees.push(degree);
    });
    if (structural.length > 0) return refuse('layers', structural);
    if (irregular.length > 0) return refuse('not-polynomial', irregular);
    if (degrees.reduce((p, d) => p * (d + 1), 1) > MAX_FORMULA_BUILDS / 2) return refuse('too-many', variables);

    const count = series(first).length;
    const polys = Array.from({ length: count }, (_, c) =>
      interpolate(n, degrees, base, (sizes) => {
        const s = build(sizes);
        if (!s.ok || shape(s) !== layout) throw new NotPolynomial();
        return series(s)[c] ?? 0n;
      }),
    );
    for (const point of checkPoints(n)) {
      const s = build(point);
      if (!s.ok || shape(s) !== layout) return refuse('not-polynomial', variables);
      const values = series(s);
      if (polys.some((p, c) => p === null || p.evaluate(point) !== values[c]))
        return refuse('not-polynomial', variables);
    }
    const shown = polys.map((p) => (p as Polynomial).format(variables));
    return {
      className,
      variables,
      line,
      total: shown[count - 1] ?? '0',
      // Parameter-free layers (Dropout, ReLU) are left out: a list of zeros says nothing.
      layers: first.layers
        .map((l, i) => ({ name: l.name, type: l.type, formula: shown[i] ?? '0' }))
        .filter((l) => l.formula !== '0'),
    };
  } catch (e) {
    if (e instanceof FormulaLimit) return refuse('too-many', variables);
    if (e instanceof NotPolynomial) return refuse('not-polynomial', variables);
    throw e;
  }
}

class NotPolynomial extends Error {}

/** Degree of the polynomial through values at consecutive integers; null when above MAX_DEGREE. */
function degreeOf(values: bigint[]): number | null {
  let row = values;
  let degree = -1;
  for (let order = 0; row.length > 0; order++) {
    if (row.some((v) => v !== 0n)) degree = order;
    row = row.slice(1).map((v, i) => v - (row[i] ?? 0n));
  }
  return degree > MAX_DEGREE ? null : Math.max(degree, 0);
}

/**
 * The polynomial through `f` on the grid base[i] .. base[i] + degrees[i], one size at a time (Newton
 * forward differences, exact); null when a coefficient is not an integer.
 */
function interpolate(n: number, degrees: number[], base: bigint[], f: (sizes: bigint[]) => bigint): Polynomial | null {
  const along = (i: number, point: bigint[]): Polynomial | null => {
    if (i === n) return Polynomial.constant(n, f(point));
    const d = degrees[i] ?? 0;
    const b = base[i] ?? 0n;
    let row: Polynomial[] = [];
    for (let j = 0; j <= d; j++) {
      const p = along(
        i + 1,
        point.map((v, k) => (k === i ? b + BigInt(j) : v)),
      );
      if (!p) return null;
      row.push(p);
    }
    // p(x) = sum_k Δ^k p(b) · (x-b)(x-b-1)...(x-b-k+1) / k!, scaled by d! to stay in integers.
    const x = Polynomial.variable(n, i);
    let sum = Polynomial.constant(n, 0n);
    let falling = Polynomial.constant(n, 1n);
    let factorial = 1n;
    let all = 1n;
    for (let k = 1; k <= d; k++) all *= BigInt(k);
    for (let k = 0; k <= d; k++) {
      if (k > 0) {
        falling = falling.multiply(x.subtract(Polynomial.constant(n, b + BigInt(k - 1))));
        factorial *= BigInt(k);
      }
      sum = sum.add((row[0] as Polynomial).multiply(falling).scale(all / factorial));
      row = row.slice(1).map((p, m) => p.subtract(row[m] as Polynomial));
    }
    return sum.divideExact(all);
  };
  return along(0, base.slice());
}

/** The answer's words: the formula per layer and in total, or why there is none, then the line to add. */
export function formulaText(locale: Locale, f: SizesFormula): string {
  const names = f.variables.map((v) => `\`${v}\``).join(', ');
  const lines: string[] = [];
  if (f.refused) {
    const culprits = f.refused.names.map((v) => `\`${v}\``).join(', ');
    lines.push(
      t(locale, `formula-refused-${f.refused.why}`, {
        class: f.className,
        names,
        culprits,
        variables: BigInt(MAX_FORMULA_VARIABLES),
        builds: BigInt(MAX_FORMULA_BUILDS),
        steps: BigInt(MAX_FORMULA_STEPS),
        layers: BigInt(MAX_FORMULA_LAYERS),
      }),
    );
  } else {
    lines.push(t(locale, 'formula-intro', { class: f.className, names }));
    for (const l of f.layers.slice(0, SHOWN_LAYERS))
      lines.push(`  ${t(locale, 'formula-layer', { name: l.name, type: l.type, formula: l.formula })}`);
    if (f.layers.length > SHOWN_LAYERS)
      lines.push(`  ${t(locale, 'formula-more', { count: BigInt(f.layers.length - SHOWN_LAYERS) })}`);
    lines.push(`  ${t(locale, 'formula-total', { formula: f.total ?? '0' })}`);
  }
  lines.push(t(locale, 'formula-line', { line: f.line }));
  return lines.join('\n');
}
