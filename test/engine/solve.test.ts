import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { recurrentProblem, recurrentTotal } from '../../src/engine/recurrent.js';
import { MAX_SOLVE_TARGET, isqrt, solveExample, solveRecurrent } from '../../src/engine/solve.js';
import type { CellKind, Convention, RecurrentSpec, Step } from '../../src/engine/types.js';
import { CONVENTIONS } from '../../src/engine/types.js';
import { MAX_SIZE } from '../../src/limits.js';
import { sentence } from '../../src/render/sentences.js';
import { recurrentSpec } from '../helpers/recurrent-spec.js';

const spec = recurrentSpec;

function formula(steps: Step[], label: string): Extract<Step, { kind: 'formula' }> {
  const s = steps.find((x) => x.kind === 'formula' && x.label === label);
  if (!s || s.kind !== 'formula')
    throw new Error(
      `no formula step "${label}" in ${JSON.stringify(steps, (_k, v) => (typeof v === 'bigint' ? v.toString() : v))}`,
    );
  return s;
}

/** The quadratic is stated as a sentence ("the equation: ..."), not as a value. */
function equation(steps: Step[]): string {
  const step = steps.find((s) => s.kind === 'say' && s.sentence.id === 'solve-equation');
  if (!step || step.kind !== 'say') throw new Error('no equation step');
  return sentence(step.sentence);
}

describe('isqrt', () => {
  it('is the exact floor square root, far past 2^53', () => {
    expect(isqrt(0n)).toBe(0n);
    expect(isqrt(1n)).toBe(1n);
    expect(isqrt(339886096n)).toBe(18436n);
    expect(isqrt(339886095n)).toBe(18435n);
    expect(isqrt(-5n)).toBe(0n);
    const big = 10n ** 40n + 12345n;
    expect(isqrt(big * big)).toBe(big);
    expect(isqrt(big * big - 1n)).toBe(big - 1n);
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 60n }), (n) => {
        const r = isqrt(n);
        return r * r <= n && (r + 1n) * (r + 1n) > n;
      }),
    );
  });
});

describe('solveRecurrent: the worked examples', () => {
  it('/lstm ? 64 = 49408 gives input 128 from I = N / (4H) − H − 1', () => {
    const r = solveRecurrent(spec({ input: 0n, units: 64n }), 'input', 49408n);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toBe(128n);
    expect(r.spec.input).toBe(128n);
    expect(r.spec.units).toBe(64n);
    const f = formula(r.steps, 'rearranged');
    expect(f.expression).toContain('I = N / (4H) − H − 1');
    expect(f.expression).toContain('49408 / (4 x 64) − 64 − 1');
    expect(f.result).toBe(128n);
    const product = r.steps.find((s) => s.kind === 'product');
    expect(product && product.kind === 'product' ? product.result : null).toBe(256n);
    expect(formula(r.steps, 'check').result).toBe(49408n);
  });

  it('/lstm 4096 ? = 4457472 gives 256 units from the quadratic 4H² + 4(I + b)H − N = 0', () => {
    const r = solveRecurrent(spec({ units: 0n }), 'units', 4457472n);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toBe(256n);
    const eq = equation(r.steps);
    expect(eq).toContain('4H² + 4(I + 1)H − N = 0');
    expect(eq).toContain('4H² + 16388H − 4457472 = 0');
    expect(formula(r.steps, 'discriminant').result).toBe(339886096n);
    expect(formula(r.steps, 'its square root').result).toBe(18436n);
    expect(formula(r.steps, 'positive root').result).toBe(256n);
    expect(formula(r.steps, 'check').result).toBe(4457472n);
  });

  it('uses the convention: PyTorch keeps two biases (b = 2)', () => {
    const r = solveRecurrent(spec({ units: 0n, convention: 'pytorch' }), 'units', 4458496n);
    expect(r.ok && r.value).toBe(256n);
    if (r.ok) expect(equation(r.steps)).toContain('4H² + 4(I + 2)H − N = 0');
    const i = solveRecurrent(spec({ input: 0n, units: 64n, convention: 'pytorch' }), 'input', 49664n);
    expect(i.ok && i.value).toBe(128n);
    if (i.ok) expect(formula(i.steps, 'rearranged').expression).toContain('I = N / (4H) − H − 2');
  });

  it('solves a GRU and a simple RNN', () => {
    // Keras 3 GRU (reset_after=True): 3H(I + H + 2) = 3 x 64 x 194
    expect(solveRecurrent(spec({ cell: 'gru', units: 64n, input: 0n }), 'input', 37248n)).toMatchObject({
      ok: true,
      value: 128n,
    });
    expect(solveRecurrent(spec({ cell: 'gru', input: 128n, units: 0n }), 'units', 37248n)).toMatchObject({
      ok: true,
      value: 64n,
    });
    // Keras 2 / TensorFlow.js GRU: 3H(I + H + 1)
    expect(
      solveRecurrent(spec({ cell: 'gru', input: 16n, units: 0n, convention: 'keras2' }), 'units', 4704n),
    ).toMatchObject({ ok: true, value: 32n });
    // SimpleRNN: H(I + H + 1)
    const rnn = solveRecurrent(spec({ cell: 'rnn', input: 300n, units: 0n }), 'units', 54912n);
    expect(rnn).toMatchObject({ ok: true, value: 128n });
    if (rnn.ok) expect(equation(rnn.steps)).toContain('H² + (I + 1)H − N = 0');
  });
});

describe('solveRecurrent: every cell, convention and shape round-trips exactly', () => {
  const cells: CellKind[] = ['lstm', 'gru', 'rnn'];
  const variants: Partial<RecurrentSpec>[] = [
    {},
    { bidirectional: true },
    { layers: 3 },
    { layers: 2, bidirectional: true },
    { bias: false },
    { bias: false, layers: 2, bidirectional: true },
  ];
  for (const cell of cells) {
    for (const convention of CONVENTIONS) {
      for (const v of variants) {
        const s = spec({ cell, convention, input: 300n, units: 128n, ...v });
        if (recurrentProblem(s) !== null) continue;
        it(`${cell} ${convention} ${JSON.stringify(v)}`, () => {
          const total = recurrentTotal(s);
          expect(solveRecurrent({ ...s, input: 0n }, 'input', total)).toMatchObject({ ok: true, value: 300n });
          expect(solveRecurrent({ ...s, units: 0n }, 'units', total)).toMatchObject({ ok: true, value: 128n });
        });
      }
    }
  }

  const extras: [string, Partial<RecurrentSpec>][] = [
    ['PyTorch proj_size (linear in H)', { convention: 'pytorch', proj: 64n }],
    ['PyTorch proj_size, stacked, bidirectional', { convention: 'pytorch', proj: 64n, layers: 3, bidirectional: true }],
    ['cuDNN proj', { convention: 'cudnn', proj: 100n, bidirectional: true }],
    ['TF1 num_proj and peepholes', { convention: 'tf1', proj: 96n, peepholes: true }],
    ['ONNX peepholes, bidirectional', { convention: 'onnx', peepholes: true, bidirectional: true }],
    ['Flax GRU (hn bias)', { convention: 'flax', cell: 'gru', layers: 2 }],
    ['Keras GRU reset_after=False', { convention: 'keras', cell: 'gru', resetAfter: false }],
  ];
  for (const [name, v] of extras) {
    it(name, () => {
      const s = spec({ input: 300n, units: 128n, ...v });
      expect(recurrentProblem(s)).toBeNull();
      const total = recurrentTotal(s);
      expect(solveRecurrent({ ...s, input: 0n }, 'input', total)).toMatchObject({ ok: true, value: 300n });
      expect(solveRecurrent({ ...s, units: 0n }, 'units', total)).toMatchObject({ ok: true, value: 128n });
    });
  }

  it('round-trips random sizes (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<CellKind>('lstm', 'gru', 'rnn'),
        fc.constantFrom<Convention>('keras', 'keras2', 'pytorch', 'cudnn', 'onnx', 'flax'),
        fc.bigInt({ min: 1n, max: 100_000n }),
        fc.bigInt({ min: 1n, max: 100_000n }),
        fc.integer({ min: 1, max: 4 }),
        fc.boolean(),
        (cell, convention, input, units, layers, bidirectional) => {
          const s = spec({ cell, convention, input, units, layers, bidirectional });
          const total = recurrentTotal(s);
          const a = solveRecurrent(s, 'input', total);
          const b = solveRecurrent(s, 'units', total);
          return a.ok && a.value === input && b.ok && b.value === units;
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('solveRecurrent: no whole-number solution names the nearest sizes', () => {
  it('input: one above the real count', () => {
    const r = solveRecurrent(spec({ input: 0n, units: 64n }), 'input', 49409n);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.nearest).toEqual([
      { value: 128n, total: 49408n },
      { value: 129n, total: 49664n },
    ]);
    expect(r.message).toContain('No whole input width gives exactly 49,409');
    expect(r.message).toContain('input 128 gives 49,408');
    expect(r.message).toContain('input 129 gives 49,664');
  });

  it('units: between 256 and 257', () => {
    const r = solveRecurrent(spec({ units: 0n }), 'units', 4457473n);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const at257 = recurrentTotal(spec({ units: 257n }));
    expect(r.nearest).toEqual([
      { value: 256n, total: 4457472n },
      { value: 257n, total: at257 },
    ]);
    expect(r.message).toContain('256 units gives 4,457,472');
    expect(r.message).toContain(`257 units gives ${at257.toLocaleString('en-US')}`);
  });

  it('a count below the smallest layer names the smallest', () => {
    const r = solveRecurrent(spec({ input: 0n, units: 64n }), 'input', 100n);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const smallest = recurrentTotal(spec({ input: 1n, units: 64n }));
    expect(r.nearest).toEqual([{ value: 1n, total: smallest }]);
    expect(r.message).toContain('even the smallest');
    const u = solveRecurrent(spec({ units: 0n }), 'units', 5n);
    expect(u.ok).toBe(false);
    if (!u.ok) expect(u.nearest).toEqual([{ value: 1n, total: recurrentTotal(spec({ units: 1n })) }]);
  });

  it('units with a projection start above proj', () => {
    const s = spec({ convention: 'pytorch', proj: 128n, units: 0n });
    const r = solveRecurrent(s, 'units', 10n);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.nearest[0]?.value).toBe(129n);
  });
});

describe('solveRecurrent: bad input is answered, never thrown', () => {
  it('zero and negative targets', () => {
    for (const t of [0n, -1n, -49408n]) {
      const r = solveRecurrent(spec({ input: 0n, units: 64n }), 'input', t);
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.message).toContain('positive whole number');
        expect(r.message).toMatch(/e\.g\. `\/lstm \? 64 = \d+`/);
        expect(r.nearest).toEqual([]);
      }
    }
  });

  it('a spec that no convention rule allows', () => {
    const r = solveRecurrent(spec({ proj: 64n, units: 0n }), 'units', 1000n);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain('no LSTM projection');
    const g = solveRecurrent(spec({ cell: 'gru', convention: 'tf1' }), 'input', 1000n);
    expect(g.ok).toBe(false);
  });

  it('targets past the solver bound, solutions past MAX_SIZE', () => {
    expect(solveRecurrent(spec(), 'units', MAX_SOLVE_TARGET + 1n).ok).toBe(false);
    const tooWide = recurrentTotal(spec({ input: MAX_SIZE + 1n, units: 2n }));
    const r = solveRecurrent(spec({ units: 2n }), 'input', tooWide);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain('largest size');
  });

  it('garbage arguments', () => {
    expect(solveRecurrent(spec(), 'layers' as never, 10n).ok).toBe(false);
    expect(solveRecurrent(spec(), 'input', 10 as never).ok).toBe(false);
    expect(solveRecurrent(null as never, 'input', 10n).ok).toBe(false);
  });

  it('examples are always valid for the spec', () => {
    expect(solveExample(spec({ units: 64n }), 'input')).toBe('/lstm ? 64 = 49408');
    expect(solveExample(spec({ input: 4096n }), 'units')).toBe('/lstm 4096 ? = 4457472');
    expect(solveExample(spec({ cell: 'gru', convention: 'keras2', units: 32n }), 'input')).toMatch(
      /^\/gru \? 32 = \d+$/,
    );
  });
});

describe('solveRecurrent: exact past 2^53', () => {
  it('units of 10^9 over 4096 inputs (a count near 4·10^18)', () => {
    const s = spec({ units: 1_000_000_000n });
    const total = recurrentTotal(s);
    expect(total > 2n ** 53n).toBe(true);
    expect(solveRecurrent({ ...s, units: 0n }, 'units', total)).toMatchObject({ ok: true, value: 1_000_000_000n });
    const off = solveRecurrent({ ...s, units: 0n }, 'units', total + 1n);
    expect(off.ok).toBe(false);
    if (!off.ok) expect(off.nearest[0]).toEqual({ value: 1_000_000_000n, total });
  });

  it('an input of 10^12 (a count near 2·10^16)', () => {
    const s = spec({ input: 1_000_000_000_000n, units: 5000n, bidirectional: true, layers: 2 });
    const total = recurrentTotal(s);
    expect(total > 2n ** 53n).toBe(true);
    expect(solveRecurrent({ ...s, input: 0n }, 'input', total)).toMatchObject({ ok: true, value: 1_000_000_000_000n });
    expect(solveRecurrent({ ...s, input: 0n }, 'input', total - 1n).ok).toBe(false);
  });
});
