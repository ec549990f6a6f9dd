// Exact multivariate polynomials with BigInt coefficients: a parameter count written in the sizes a
// paste left open (`2·ntoken·ninp + ntoken + ...`). Variables are fixed per polynomial (by index).

/** A monomial's exponents, one per variable, joined by commas ("1,0,2"). */
type MonomialKey = string;

export class Polynomial {
  private constructor(
    readonly variables: number,
    /** Nonzero coefficients only. */
    readonly terms: ReadonlyMap<MonomialKey, bigint>,
  ) {}

  static constant(variables: number, c: bigint): Polynomial {
    const key = new Array<number>(variables).fill(0).join(',');
    return new Polynomial(variables, c === 0n ? new Map() : new Map([[key, c]]));
  }

  /** The polynomial `x_i`. */
  static variable(variables: number, i: number): Polynomial {
    const exps = new Array<number>(variables).fill(0);
    exps[i] = 1;
    return new Polynomial(variables, new Map([[exps.join(','), 1n]]));
  }

  private static from(variables: number, terms: Map<MonomialKey, bigint>): Polynomial {
    for (const [k, c] of terms) if (c === 0n) terms.delete(k);
    return new Polynomial(variables, terms);
  }

  add(o: Polynomial): Polynomial {
    const out = new Map(this.terms);
    for (const [k, c] of o.terms) out.set(k, (out.get(k) ?? 0n) + c);
    return Polynomial.from(this.variables, out);
  }

  subtract(o: Polynomial): Polynomial {
    return this.add(o.scale(-1n));
  }

  scale(c: bigint): Polynomial {
    const out = new Map<MonomialKey, bigint>();
    for (const [k, v] of this.terms) out.set(k, v * c);
    return Polynomial.from(this.variables, out);
  }

  multiply(o: Polynomial): Polynomial {
    const out = new Map<MonomialKey, bigint>();
    for (const [ka, ca] of this.terms) {
      const ea = ka.split(',').map(Number);
      for (const [kb, cb] of o.terms) {
        const eb = kb.split(',').map(Number);
        const key = ea.map((e, i) => e + (eb[i] ?? 0)).join(',');
        out.set(key, (out.get(key) ?? 0n) + ca * cb);
      }
    }
    return Polynomial.from(this.variables, out);
  }

  /** Divides every coefficient by `d`; null when one is not a multiple of it. */
  divideExact(d: bigint): Polynomial | null {
    const out = new Map<MonomialKey, bigint>();
    for (const [k, c] of this.terms) {
      if (c % d !== 0n) return null;
      out.set(k, c / d);
    }
    return Polynomial.from(this.variables, out);
  }

  evaluate(values: readonly bigint[]): bigint {
    let sum = 0n;
    for (const [k, c] of this.terms) {
      let term = c;
      k.split(',').forEach((e, i) => {
        term *= (values[i] ?? 0n) ** BigInt(e);
      });
      sum += term;
    }
    return sum;
  }

  /**
   * `4·nhid·(ninp + 2·nlayers + 2)`: terms by falling degree, the common factor (coefficient and
   * variables every term shares) taken out when there are several terms.
   */
  format(names: readonly string[]): string {
    const entries = [...this.terms].map(([k, c]) => ({ exps: k.split(',').map(Number), c }));
    if (entries.length === 0) return '0';
    let common = entries.reduce((g, t) => gcd(g, t.c < 0n ? -t.c : t.c), 0n);
    if (entries.every((t) => t.c < 0n)) common = -common;
    const shared = names.map((_, i) => Math.min(...entries.map((t) => t.exps[i] ?? 0)));
    if (entries.length === 1) return monomial(entries[0]?.c ?? 0n, entries[0]?.exps ?? [], names);
    const inner = entries.map((t) => ({ c: t.c / common, exps: t.exps.map((e, i) => e - (shared[i] ?? 0)) }));
    inner.sort((a, b) => degree(b.exps) - degree(a.exps) || compareExps(a.exps, b.exps));
    let sum = '';
    inner.forEach((t, i) => {
      const body = monomial(t.c < 0n ? -t.c : t.c, t.exps, names);
      sum += i === 0 ? (t.c < 0n ? `-${body}` : body) : t.c < 0n ? ` - ${body}` : ` + ${body}`;
    });
    const factor = monomial(common, shared, names);
    if (factor === '1') return sum;
    if (factor === '-1') return `-(${sum})`;
    return `${factor}·(${sum})`;
  }
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

function degree(exps: number[]): number {
  return exps.reduce((s, e) => s + e, 0);
}

/** Earlier variables first: `ntoken·ninp` before `ninp`. */
function compareExps(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (b[i] ?? 0) - (a[i] ?? 0);
  return 0;
}

const SUPERSCRIPTS = ['', '', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];

function monomial(c: bigint, exps: number[], names: readonly string[]): string {
  const vars = exps.flatMap((e, i) =>
    e === 0 ? [] : [`${names[i] ?? `x${i}`}${e < SUPERSCRIPTS.length ? SUPERSCRIPTS[e] : `^${e}`}`],
  );
  if (vars.length === 0) return c.toString();
  if (c === 1n) return vars.join('·');
  if (c === -1n) return `-${vars.join('·')}`;
  return [c.toString(), ...vars].join('·');
}
