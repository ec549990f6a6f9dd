// The recurrent engine against figures read off real frameworks (the oracle fixture) and against an
// independent closed form written here, convention by convention. Specs are built by hand from each
// oracle query's numbers: the code parser is not involved.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { answerQuery } from '../../src/answer.js';
import {
  biasVectorsPerGate,
  countRecurrent,
  recurrentAlternatives,
  recurrentProblem,
  recurrentTotal,
} from '../../src/engine/recurrent.js';
import type { CellKind, Convention, RecurrentSpec, TensorNaming } from '../../src/engine/types.js';
import { CONVENTIONS } from '../../src/engine/types.js';
import { recurrentSpec } from '../helpers/recurrent-spec.js';
import { noteText, sentence } from '../../src/render/sentences.js';

interface OracleCase {
  id: string;
  source: string;
  query: string;
  params: number;
  cudnn?: number;
}

const ORACLE: OracleCase[] = readFileSync(new URL('../fixtures/oracle-cases.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l) => JSON.parse(l) as OracleCase);

function spec(fields: Partial<RecurrentSpec> & { cell: CellKind; input: bigint; units: bigint }): RecurrentSpec {
  return recurrentSpec(fields);
}

// ---------------------------------------------------------------------------------------------
// An independent closed form, written from the table (per layer-direction):
//   keras   LSTM 4H(I+H+1)  GRU 3H(I+H+2) (reset_after=True default) / 3H(I+H+1)  RNN H(I+H+1)
//   keras2  LSTM 4H(I+H+1)  GRU 3H(I+H+1) (reset_after=False default) / 3H(I+H+2)  RNN H(I+H+1)
//   pytorch/cudnn  gH(I+R+2) + P·H (R = P with a projection)
//   onnx    gH(I+H+2) + 3H peepholes
//   flax    LSTM 4H(I+H+1)  GRU 3H(I+H+1)+H  RNN H(I+H+1)
//   tf1     LSTM 4H(I+R+1) + 3H peepholes + H·P
// bias=False removes every bias term. Layer k>0 reads R·D; bidirectional doubles each layer.
// ---------------------------------------------------------------------------------------------
function perDirection(s: RecurrentSpec, I: bigint): bigint {
  const H = s.units;
  const P = s.proj;
  const Rw = P ?? H;
  const on = (n: bigint) => (s.bias ? n : 0n);
  switch (s.convention) {
    case 'keras':
    case 'keras2': {
      if (s.cell === 'lstm') return 4n * H * (I + H) + on(4n * H);
      if (s.cell === 'rnn') return H * (I + H) + on(H);
      const resetAfter = s.resetAfter ?? s.convention === 'keras';
      return 3n * H * (I + H) + on(resetAfter ? 6n * H : 3n * H);
    }
    case 'pytorch':
    case 'cudnn': {
      const g = s.cell === 'lstm' ? 4n : s.cell === 'gru' ? 3n : 1n;
      return g * H * (I + Rw) + on(2n * g * H) + (P === null ? 0n : P * H);
    }
    case 'onnx': {
      const g = s.cell === 'lstm' ? 4n : s.cell === 'gru' ? 3n : 1n;
      return g * H * (I + H) + on(2n * g * H) + (s.peepholes ? 3n * H : 0n);
    }
    case 'flax':
      if (s.cell === 'lstm') return 4n * H * (I + H) + on(4n * H);
      if (s.cell === 'rnn') return H * (I + H) + on(H);
      return 3n * H * (I + H) + on(3n * H + H);
    case 'tf1':
      return 4n * H * (I + Rw) + on(4n * H) + (s.peepholes ? 3n * H : 0n) + (P === null ? 0n : H * P);
  }
}

function closedForm(s: RecurrentSpec): bigint {
  const D = s.bidirectional ? 2n : 1n;
  const upper = (s.proj ?? s.units) * D;
  return D * perDirection(s, s.input) + BigInt(s.layers - 1) * D * perDirection(s, upper);
}

// ---------------------------------------------------------------------------------------------
// Oracle cases, reproduced by hand. [cell, convention, I, H, layers, bidirectional, bias, proj]
// (numbers copied from each case's query; the test checks they appear in it).
// ---------------------------------------------------------------------------------------------
type Row = [CellKind, Convention, number, number, number, boolean, boolean, number | null, TensorNaming?];
const T = true;
const F = false;
const BY_HAND: Record<string, Row> = {
  'pt-lstm-001': ['lstm', 'pytorch', 1024, 1024, 2, F, T, null],
  'pt-lstm-004': ['lstm', 'pytorch', 8, 1486, 3, F, T, null],
  'pt-lstm-006': ['lstm', 'pytorch', 1280, 8, 2, F, T, 6],
  'pt-lstm-022': ['lstm', 'pytorch', 2909, 716, 1, T, T, null],
  'pt-lstm-029': ['lstm', 'pytorch', 1209, 8, 1, T, T, null],
  'pt-lstm-032': ['lstm', 'pytorch', 2421, 1036, 1, T, T, null],
  'pt-lstm-050': ['lstm', 'pytorch', 50, 1188, 1, T, T, null],
  'pt-lstm-051': ['lstm', 'pytorch', 2480, 1024, 1, T, T, null],
  'pt-lstm-056': ['lstm', 'pytorch', 3740, 1560, 1, T, T, null],
  'pt-lstm-060': ['lstm', 'pytorch', 5, 181, 1, F, T, null],
  'pt-lstm-063': ['lstm', 'pytorch', 200, 100, 2, T, T, null],
  'pt-lstm-065': ['lstm', 'pytorch', 50, 256, 2, T, T, 45],
  'pt-gru-003': ['gru', 'pytorch', 1679, 32, 3, F, F, null],
  'pt-gru-007': ['gru', 'pytorch', 200, 1479, 3, F, T, null],
  'pt-gru-010': ['gru', 'pytorch', 4096, 1, 4, F, T, null],
  'pt-gru-018': ['gru', 'pytorch', 100, 1024, 1, F, T, null],
  'pt-gru-033': ['gru', 'pytorch', 4096, 200, 1, F, T, null],
  'pt-gru-034': ['gru', 'pytorch', 1, 256, 4, T, T, null],
  'pt-gru-035': ['gru', 'pytorch', 2504, 16, 2, F, T, null],
  'pt-gru-037': ['gru', 'pytorch', 50, 512, 2, F, T, null],
  'pt-gru-039': ['gru', 'pytorch', 3, 434, 2, T, T, null],
  'pt-gru-049': ['gru', 'pytorch', 2377, 1, 3, F, T, null],
  'pt-gru-052': ['gru', 'pytorch', 442, 768, 1, F, F, null],
  'pt-gru-053': ['gru', 'pytorch', 1024, 16, 1, T, T, null],
  'pt-gru-054': ['gru', 'pytorch', 5, 1610, 4, T, T, null],
  'pt-gru-056': ['gru', 'pytorch', 637, 300, 1, F, T, null],
  'pt-rnn-000': ['rnn', 'pytorch', 1914, 32, 1, T, T, null],
  'pt-rnn-001': ['rnn', 'pytorch', 2, 8, 2, T, T, null],
  'pt-rnn-008': ['rnn', 'pytorch', 1992, 16, 1, T, T, null],
  'pt-rnn-029': ['rnn', 'pytorch', 1024, 1963, 2, T, T, null],
  'pt-rnn-033': ['rnn', 'pytorch', 4096, 100, 1, T, F, null],
  'pt-rnn-034': ['rnn', 'pytorch', 3, 3, 2, T, T, null],
  'pt-rnn-039': ['rnn', 'pytorch', 2070, 16, 2, F, T, null],
  'pt-rnn-041': ['rnn', 'pytorch', 2812, 1740, 1, F, T, null],
  'pt-rnn-051': ['rnn', 'pytorch', 1974, 599, 1, F, T, null],
  'pt-rnn-061': ['rnn', 'pytorch', 16, 1960, 1, T, T, null],
  'pt-rnn-062': ['rnn', 'pytorch', 1410, 1664, 2, F, F, null],
  'pt-rnn-063': ['rnn', 'pytorch', 768, 393, 1, F, T, null],
  'pt-rnn-064': ['rnn', 'pytorch', 100, 100, 4, F, T, null],
  'pt-lstmcell-003': ['lstm', 'pytorch', 1639, 32, 1, F, T, null, 'pytorch-cell'],
  'pt-lstmcell-005': ['lstm', 'pytorch', 50, 2, 1, F, T, null, 'pytorch-cell'],
  'pt-lstmcell-006': ['lstm', 'pytorch', 3362, 1681, 1, F, F, null, 'pytorch-cell'],
  'pt-lstmcell-008': ['lstm', 'pytorch', 2, 768, 1, F, T, null, 'pytorch-cell'],
  'pt-grucell-000': ['gru', 'pytorch', 16, 3, 1, F, T, null, 'pytorch-cell'],
  'pt-grucell-001': ['gru', 'pytorch', 2005, 910, 1, F, T, null, 'pytorch-cell'],
  'pt-grucell-002': ['gru', 'pytorch', 3180, 854, 1, F, T, null, 'pytorch-cell'],
  'pt-grucell-004': ['gru', 'pytorch', 3802, 50, 1, F, T, null, 'pytorch-cell'],
  'pt-grucell-013': ['gru', 'pytorch', 2048, 256, 1, F, T, null, 'pytorch-cell'],
  'pt-rnncell-002': ['rnn', 'pytorch', 113, 16, 1, F, T, null, 'pytorch-cell'],
  'pt-rnncell-011': ['rnn', 'pytorch', 900, 915, 1, F, T, null, 'pytorch-cell'],
  'pt-rnncell-012': ['rnn', 'pytorch', 1086, 1551, 1, F, T, null, 'pytorch-cell'],
  'cudnn-gru-005': ['gru', 'cudnn', 43, 157, 2, T, T, null],
  'cudnn-gru-011': ['gru', 'cudnn', 679, 16, 3, T, T, null],
  'cudnn-gru-012': ['gru', 'cudnn', 320, 954, 2, T, T, null],
  'cudnn-rnn-015': ['rnn', 'cudnn', 247, 768, 3, T, T, null],
  'cudnn-rnn-017': ['rnn', 'cudnn', 64, 256, 3, T, T, null],
  'cudnn-rnn-018': ['rnn', 'cudnn', 4096, 335, 2, T, T, null],
  'flax-lstmcell-003': ['lstm', 'flax', 2048, 2048, 1, F, T, null],
  'flax-lstmcell-004': ['lstm', 'flax', 751, 64, 1, F, T, null],
  'flax-lstmcell-006': ['lstm', 'flax', 50, 142, 1, F, T, null],
  'flax-optimizedlstmcell-003': ['lstm', 'flax', 5, 4096, 1, F, T, null],
  'flax-optimizedlstmcell-004': ['lstm', 'flax', 214, 16, 1, F, T, null],
  'flax-grucell-004': ['gru', 'flax', 2, 50, 1, F, T, null],
  'flax-grucell-005': ['gru', 'flax', 593, 729, 1, F, T, null],
  'flax-grucell-007': ['gru', 'flax', 64, 313, 1, F, T, null],
  'flax-simplecell-002': ['rnn', 'flax', 762, 5, 1, F, T, null],
  'flax-simplecell-003': ['rnn', 'flax', 866, 8, 1, F, T, null],
};

function specFromRow(r: Row): RecurrentSpec {
  const [cell, convention, input, units, layers, bidirectional, bias, proj, naming] = r;
  return spec({
    cell,
    convention,
    input: BigInt(input),
    units: BigInt(units),
    layers,
    bidirectional,
    bias,
    proj: proj === null ? null : BigInt(proj),
    ...(naming ? { naming } : {}),
  });
}

const RECURRENT_ORACLE = ORACLE.filter((c) => /^(pt-(lstm|gru|rnn)|cudnn-|flax-)/.test(c.id));
const SLASH_ORACLE = ORACLE.filter((c) => c.id.startsWith('slash-'));

describe('oracle: recurrent layers built by hand', () => {
  it('covers every pt-lstm/pt-gru/pt-rnn (cells too), cudnn-* and flax-* case in the fixture, and nothing else', () => {
    expect(RECURRENT_ORACLE.length).toBe(67);
    expect(Object.keys(BY_HAND).sort()).toEqual(RECURRENT_ORACLE.map((c) => c.id).sort());
  });

  for (const c of RECURRENT_ORACLE) {
    it(`${c.id}: ${c.query} = ${c.params}`, () => {
      const row = BY_HAND[c.id];
      expect(row, `no hand-built spec for ${c.id}`).toBeDefined();
      const s = specFromRow(row!);
      // The table's numbers are the query's numbers.
      const numbers = c.query.match(/\d+/g) ?? [];
      expect(numbers).toContain(String(s.input));
      expect(numbers).toContain(String(s.units));
      if (s.proj !== null) expect(c.query).toContain(`proj_size=${s.proj}`);
      expect(c.query.includes('bidirectional=True')).toBe(s.bidirectional);
      expect(c.query.includes('bias=False')).toBe(!s.bias);

      const expected = BigInt(c.params);
      expect(recurrentTotal(s)).toBe(expected);
      const record = countRecurrent(s);
      expect(record.params).toBe(expected);
      expect(record.trainable).toBe(expected);
      expect(record.nonTrainable).toBe(0n);
      expect(closedForm(s)).toBe(expected);
      // Every layer (up to 3 layers) lists all of its tensors, so the tensors add up to the total.
      if (s.layers <= 3) expect(record.tensors.reduce((t, x) => t + x.params, 0n)).toBe(expected);
      // Stack rows add up and each reads the documented width.
      expect(record.stack!.reduce((t, r) => t + r.params, 0n)).toBe(expected);
      expect(record.stack!.map((r) => r.inputWidth)).toEqual(
        Array.from({ length: s.layers }, (_, k) =>
          k === 0 ? s.input : (s.proj ?? s.units) * (s.bidirectional ? 2n : 1n),
        ),
      );
    });
  }

  it('cuDNN and PyTorch count every cudnn-* case the same', () => {
    for (const c of ORACLE.filter((x) => x.id.startsWith('cudnn-'))) {
      expect(recurrentTotal({ ...specFromRow(BY_HAND[c.id]!), convention: 'pytorch' })).toBe(BigInt(c.params));
    }
  });
});

describe('oracle: slash commands (through the whole pipeline)', () => {
  it('has the five seeds', () => {
    expect(SLASH_ORACLE.map((c) => c.id)).toEqual(['slash-000', 'slash-001', 'slash-002', 'slash-003', 'slash-004']);
  });
  for (const c of SLASH_ORACLE) {
    it(`${c.id}: ${c.query} = ${c.params} (cuDNN ${c.cudnn})`, () => {
      const a = answerQuery(c.query);
      if (a.kind !== 'count') throw new Error(`expected a count, got ${JSON.stringify(a)}`);
      expect(a.model.total).toBe(BigInt(c.params));
      expect(a.convention).toBe('keras');
      const cudnn = a.alternatives.find((x) => x.convention === 'cudnn');
      expect(cudnn?.total).toBe(BigInt(c.cudnn!));
      // The reply's own cuDNN note gives the same figure.
      const note = a.model.layers[0]!.steps.find((s) => s.kind === 'compare');
      expect(note && note.kind === 'compare' ? note.total : null).toBe(BigInt(c.cudnn!));
    });
  }
});

describe('the /lstm 4096 256 derivation', () => {
  const r = countRecurrent(spec({ cell: 'lstm', input: 4096n, units: 256n }));

  it('steps carry the contract figures', () => {
    const sums = r.steps
      .filter((s) => s.kind === 'sum' || s.kind === 'product')
      .map((s) => ('result' in s ? s.result : null));
    expect(sums).toEqual([4352n, 1_114_112n, 256n, 1_114_368n, 4_457_472n]);
    const concat = r.steps.find((s) => s.kind === 'sum')!;
    expect(concat.kind === 'sum' && concat.terms.map((t) => t.value)).toEqual([256n, 4096n]);
    const formula = r.steps.find((s) => s.kind === 'formula');
    expect(formula).toMatchObject({
      kind: 'formula',
      expression: '4 x ((4096 + 256) x 256 + 256)',
      result: 4_457_472n,
    });
    const cmp = r.steps.find((s) => s.kind === 'compare');
    expect(cmp).toMatchObject({ kind: 'compare', convention: 'cudnn', total: 4_458_496n, difference: 1024n });
    expect(cmp && cmp.kind === 'compare' && cmp.factors.map((f) => f.value)).toEqual([4n, 256n]);
    // The engine says why as a typed sentence; render/sentences.ts words it.
    expect(cmp && cmp.kind === 'compare' && cmp.reason).toEqual({ id: 'two-bias-vectors', mine: 1 });
    expect(cmp && cmp.kind === 'compare' && sentence(cmp.reason)).toMatch(/b_ih and b_hh/);
  });

  it('the picture has the four gates in order with their figures', () => {
    expect(r.picture).toMatchObject({
      cell: 'lstm',
      recurrentWidth: 256n,
      inputWidth: 4096n,
      concatWidth: 4352n,
      units: 256n,
    });
    expect(r.picture!.gates.map((g) => g.name)).toEqual(['input', 'forget', 'cell candidate', 'output']);
    for (const g of r.picture!.gates)
      expect(g).toMatchObject({ weights: 1_114_112n, biasVectors: 1, params: 1_114_368n });
  });

  it('GRU and RNN gate names', () => {
    expect(countRecurrent(spec({ cell: 'gru', input: 3n, units: 4n })).picture!.gates.map((g) => g.name)).toEqual([
      'reset',
      'update',
      'candidate',
    ]);
    expect(countRecurrent(spec({ cell: 'rnn', input: 3n, units: 4n })).picture!.gates.map((g) => g.name)).toEqual([
      'hidden',
    ]);
  });
});

describe('each convention against the issue table (LSTM, GRU, RNN)', () => {
  const I = 37n;
  const H = 11n;
  // g·H·(I+H+b) + extra, spelled out per convention and cell.
  const table: Record<Convention, Record<CellKind, bigint | null>> = {
    keras: { lstm: 4n * H * (I + H + 1n), gru: 3n * H * (I + H + 2n), rnn: H * (I + H + 1n) },
    keras2: { lstm: 4n * H * (I + H + 1n), gru: 3n * H * (I + H + 1n), rnn: H * (I + H + 1n) },
    pytorch: { lstm: 4n * H * (I + H + 2n), gru: 3n * H * (I + H + 2n), rnn: H * (I + H + 2n) },
    cudnn: { lstm: 4n * H * (I + H + 2n), gru: 3n * H * (I + H + 2n), rnn: H * (I + H + 2n) },
    onnx: { lstm: 4n * H * (I + H + 2n), gru: 3n * H * (I + H + 2n), rnn: H * (I + H + 2n) },
    flax: { lstm: 4n * H * (I + H + 1n), gru: 3n * H * (I + H + 1n) + H, rnn: H * (I + H + 1n) },
    tf1: { lstm: 4n * H * (I + H + 1n), gru: null, rnn: null },
  };
  const noBias: Record<CellKind, bigint> = { lstm: 4n * H * (I + H), gru: 3n * H * (I + H), rnn: H * (I + H) };

  for (const convention of CONVENTIONS) {
    for (const cell of ['lstm', 'gru', 'rnn'] as const) {
      const want = table[convention][cell];
      it(`${convention} ${cell}: ${want ?? 'refused'}`, () => {
        const s = spec({ cell, convention, input: I, units: H });
        if (want === null) {
          expect(recurrentProblem(s)).toMatch(/tf1.*LSTM/);
          expect(() => countRecurrent(s)).toThrow(RangeError);
          return;
        }
        expect(recurrentProblem(s)).toBeNull();
        expect(recurrentTotal(s)).toBe(want);
        expect(countRecurrent(s).params).toBe(want);
        // bias=False removes every bias, in every convention (Flax's hn bias included).
        expect(recurrentTotal({ ...s, bias: false })).toBe(noBias[cell]);
        expect(biasVectorsPerGate({ ...s, bias: false })).toBe(0);
        // Layer k>0 reads H·D; bidirectional doubles each layer.
        const upper = recurrentTotal({ ...s, input: 2n * H });
        expect(recurrentTotal({ ...s, layers: 3, bidirectional: true })).toBe(2n * want + 2n * 2n * upper);
      });
    }
  }

  it('Keras GRU reset_after: True (Keras 3 default) has two biases, False one; keras2 defaults to False', () => {
    const gru = (convention: Convention, resetAfter: boolean | null) =>
      spec({ cell: 'gru', convention, input: I, units: H, resetAfter });
    expect(recurrentTotal(gru('keras', null))).toBe(3n * H * (I + H + 2n));
    expect(recurrentTotal(gru('keras', true))).toBe(3n * H * (I + H + 2n));
    expect(recurrentTotal(gru('keras', false))).toBe(3n * H * (I + H + 1n));
    expect(recurrentTotal(gru('keras2', null))).toBe(3n * H * (I + H + 1n));
    expect(recurrentTotal(gru('keras2', true))).toBe(3n * H * (I + H + 2n));
    expect(biasVectorsPerGate(gru('keras', null))).toBe(2);
    expect(biasVectorsPerGate(gru('keras2', null))).toBe(1);
    for (const c of ['pytorch', 'cudnn', 'onnx', 'flax'] as const) {
      expect(recurrentProblem(gru(c, true))).toMatch(/reset_after/);
    }
    expect(recurrentProblem(spec({ cell: 'lstm', input: I, units: H, resetAfter: true }))).toMatch(/only to a GRU/);
  });

  it('PyTorch proj_size: recurrent width becomes P, plus P·H (cudnn and tf1 too)', () => {
    const P = 5n;
    const s = spec({ cell: 'lstm', convention: 'pytorch', input: I, units: H, proj: P });
    expect(recurrentTotal(s)).toBe(4n * H * (I + P + 2n) + P * H);
    expect(recurrentTotal({ ...s, convention: 'cudnn' })).toBe(4n * H * (I + P + 2n) + P * H);
    expect(recurrentTotal({ ...s, convention: 'tf1' })).toBe(4n * H * (I + P + 1n) + H * P);
    // Stacked: layers above read P (x2 when bidirectional).
    expect(recurrentTotal({ ...s, layers: 2, bidirectional: true })).toBe(
      2n * (4n * H * (I + P + 2n) + P * H) + 2n * (4n * H * (2n * P + P + 2n) + P * H),
    );
  });

  it('peepholes: ONNX and TF1 add 3H', () => {
    expect(recurrentTotal(spec({ cell: 'lstm', convention: 'onnx', input: I, units: H, peepholes: true }))).toBe(
      4n * H * (I + H + 2n) + 3n * H,
    );
    expect(recurrentTotal(spec({ cell: 'lstm', convention: 'tf1', input: I, units: H, peepholes: true }))).toBe(
      4n * H * (I + H + 1n) + 3n * H,
    );
    expect(
      recurrentTotal(spec({ cell: 'lstm', convention: 'tf1', input: I, units: H, peepholes: true, proj: 3n })),
    ).toBe(4n * H * (I + 3n + 1n) + 3n * H + H * 3n);
  });

  it('refuses what a convention cannot express', () => {
    const lstm = (f: Partial<RecurrentSpec>) => recurrentProblem(spec({ cell: 'lstm', input: I, units: H, ...f }));
    expect(lstm({ proj: 3n })).toMatch(/no LSTM projection/); // keras
    expect(lstm({ proj: 3n, convention: 'onnx' })).toMatch(/no LSTM projection/);
    expect(lstm({ proj: 3n, convention: 'flax' })).toMatch(/no LSTM projection/);
    expect(lstm({ proj: H, convention: 'pytorch' })).toMatch(/must be smaller than the units/);
    expect(lstm({ proj: H + 1n, convention: 'pytorch' })).toMatch(/must be smaller than the units/);
    expect(lstm({ proj: 0n, convention: 'pytorch' })).toMatch(/positive/);
    expect(lstm({ peepholes: true })).toMatch(/no peephole/);
    expect(lstm({ peepholes: true, convention: 'pytorch' })).toMatch(/no peephole/);
    expect(lstm({ input: 0n })).toMatch(/positive/);
    expect(lstm({ units: 0n })).toMatch(/positive/);
    expect(lstm({ layers: 0 })).toMatch(/at least 1/);
    expect(recurrentProblem(spec({ cell: 'gru', convention: 'pytorch', input: I, units: H, proj: 3n }))).toMatch(
      /only for LSTMs/,
    );
    expect(recurrentProblem(spec({ cell: 'rnn', convention: 'onnx', input: I, units: H, peepholes: true }))).toMatch(
      /only for LSTMs/,
    );
    expect(() => countRecurrent(spec({ cell: 'lstm', convention: 'pytorch', input: I, units: H, proj: H }))).toThrow(
      RangeError,
    );
  });
});

describe('exact past 2^53', () => {
  it('/lstm 100000000 100000000 = 4e8 x (2e8 + 1)', () => {
    const s = spec({ cell: 'lstm', input: 100_000_000n, units: 100_000_000n });
    const want = 400_000_000n * 200_000_001n;
    expect(want > BigInt(Number.MAX_SAFE_INTEGER)).toBe(true);
    expect(recurrentTotal(s)).toBe(want);
    expect(countRecurrent(s).params).toBe(80_000_000_400_000_000n);
    const a = answerQuery('/lstm 100000000 100000000');
    expect(a.kind === 'count' && a.model.total).toBe(80_000_000_400_000_000n);
    expect(a.kind === 'count' && a.alternatives.find((x) => x.convention === 'cudnn')?.total).toBe(
      400_000_000n * 200_000_002n,
    );
  });

  it('the largest accepted sizes, 1000 bidirectional layers', () => {
    const big = 1_000_000_000_000n;
    const s = spec({ cell: 'lstm', convention: 'pytorch', input: big, units: big, layers: 1000, bidirectional: true });
    const want = 2n * 4n * big * (big + big + 2n) + 999n * 2n * 4n * big * (2n * big + big + 2n);
    expect(recurrentTotal(s)).toBe(want);
    expect(countRecurrent(s).params).toBe(want);
  });
});

describe('tensor names and shapes per convention', () => {
  const I = 4096n;
  const H = 256n;
  const shapes = (s: RecurrentSpec) => countRecurrent(s).tensors.map((t) => [t.name, t.shape]);

  it('keras: kernel (I, 4H), recurrent_kernel (H, 4H), bias (4H)', () => {
    expect(shapes(spec({ cell: 'lstm', input: I, units: H }))).toEqual([
      ['kernel', [I, 4n * H]],
      ['recurrent_kernel', [H, 4n * H]],
      ['bias', [4n * H]],
    ]);
    // GRU reset_after=True keeps its biases as (2, 3H).
    expect(shapes(spec({ cell: 'gru', input: 10n, units: 4n }))).toEqual([
      ['kernel', [10n, 12n]],
      ['recurrent_kernel', [4n, 12n]],
      ['bias', [2n, 12n]],
    ]);
    expect(shapes(spec({ cell: 'gru', convention: 'keras2', input: 10n, units: 4n }))).toEqual([
      ['kernel', [10n, 12n]],
      ['recurrent_kernel', [4n, 12n]],
      ['bias', [12n]],
    ]);
    expect(shapes(spec({ cell: 'rnn', input: 10n, units: 4n, bias: false }))).toEqual([
      ['kernel', [10n, 4n]],
      ['recurrent_kernel', [4n, 4n]],
    ]);
    expect(
      countRecurrent(spec({ cell: 'lstm', input: 3n, units: 2n, bidirectional: true })).tensors.map((t) => t.name),
    ).toEqual([
      'forward/kernel',
      'forward/recurrent_kernel',
      'forward/bias',
      'backward/kernel',
      'backward/recurrent_kernel',
      'backward/bias',
    ]);
  });

  it('pytorch: weight_ih_l0 (4H, I), weight_hh_l0 (4H, H), bias_ih_l0, bias_hh_l0 (4H); weight_hr_l0 (P, H) with a projection', () => {
    expect(shapes(spec({ cell: 'lstm', convention: 'pytorch', input: I, units: H }))).toEqual([
      ['weight_ih_l0', [4n * H, I]],
      ['weight_hh_l0', [4n * H, H]],
      ['bias_ih_l0', [4n * H]],
      ['bias_hh_l0', [4n * H]],
    ]);
    expect(
      shapes(
        spec({ cell: 'lstm', convention: 'pytorch', input: I, units: H, proj: 64n, layers: 2, bidirectional: true }),
      ),
    ).toEqual([
      ['weight_ih_l0', [4n * H, I]],
      ['weight_hh_l0', [4n * H, 64n]],
      ['bias_ih_l0', [4n * H]],
      ['bias_hh_l0', [4n * H]],
      ['weight_hr_l0', [64n, H]],
      ['weight_ih_l0_reverse', [4n * H, I]],
      ['weight_hh_l0_reverse', [4n * H, 64n]],
      ['bias_ih_l0_reverse', [4n * H]],
      ['bias_hh_l0_reverse', [4n * H]],
      ['weight_hr_l0_reverse', [64n, H]],
      ['weight_ih_l1', [4n * H, 128n]],
      ['weight_hh_l1', [4n * H, 64n]],
      ['bias_ih_l1', [4n * H]],
      ['bias_hh_l1', [4n * H]],
      ['weight_hr_l1', [64n, H]],
      ['weight_ih_l1_reverse', [4n * H, 128n]],
      ['weight_hh_l1_reverse', [4n * H, 64n]],
      ['bias_ih_l1_reverse', [4n * H]],
      ['bias_hh_l1_reverse', [4n * H]],
      ['weight_hr_l1_reverse', [64n, H]],
    ]);
    expect(shapes(spec({ cell: 'gru', convention: 'pytorch', input: 5n, units: 3n, bias: false }))).toEqual([
      ['weight_ih_l0', [9n, 5n]],
      ['weight_hh_l0', [9n, 3n]],
    ]);
    expect(shapes(spec({ cell: 'rnn', convention: 'pytorch', naming: 'pytorch-cell', input: 5n, units: 3n }))).toEqual([
      ['weight_ih', [3n, 5n]],
      ['weight_hh', [3n, 3n]],
      ['bias_ih', [3n]],
      ['bias_hh', [3n]],
    ]);
  });

  it('onnx: W [D, 4H, I], R [D, 4H, H], B [D, 8H], P [D, 3H]', () => {
    expect(shapes(spec({ cell: 'lstm', convention: 'onnx', input: I, units: H, peepholes: true }))).toEqual([
      ['W', [1n, 4n * H, I]],
      ['R', [1n, 4n * H, H]],
      ['B', [1n, 8n * H]],
      ['P', [1n, 3n * H]],
    ]);
    expect(shapes(spec({ cell: 'lstm', convention: 'onnx', input: I, units: H, bidirectional: true }))).toEqual([
      ['W', [2n, 4n * H, I]],
      ['R', [2n, 4n * H, H]],
      ['B', [2n, 8n * H]],
    ]);
    expect(
      shapes(spec({ cell: 'gru', convention: 'onnx', input: 4n, units: 5n, layers: 2, bidirectional: true })),
    ).toEqual([
      ['layer0.W', [2n, 15n, 4n]],
      ['layer0.R', [2n, 15n, 5n]],
      ['layer0.B', [2n, 30n]],
      ['layer1.W', [2n, 15n, 10n]],
      ['layer1.R', [2n, 15n, 5n]],
      ['layer1.B', [2n, 30n]],
    ]);
  });

  it('cudnn: per-layer W, R, bW, bR (and P with a projection)', () => {
    expect(shapes(spec({ cell: 'lstm', convention: 'cudnn', input: 3n, units: 2n, proj: 1n }))).toEqual([
      ['layer0.W', [8n, 3n]],
      ['layer0.R', [8n, 1n]],
      ['layer0.bW', [8n]],
      ['layer0.bR', [8n]],
      ['layer0.P', [1n, 2n]],
    ]);
    expect(
      countRecurrent(spec({ cell: 'rnn', convention: 'cudnn', input: 3n, units: 2n, bidirectional: true })).tensors.map(
        (t) => t.name,
      ),
    ).toEqual([
      'layer0.fwd.W',
      'layer0.fwd.R',
      'layer0.fwd.bW',
      'layer0.fwd.bR',
      'layer0.bwd.W',
      'layer0.bwd.R',
      'layer0.bwd.bW',
      'layer0.bwd.bR',
    ]);
  });

  it('flax: one Dense per gate; biases on the hidden side for LSTM/RNN, input side + hn for GRU', () => {
    expect(shapes(spec({ cell: 'lstm', convention: 'flax', input: 3n, units: 2n }))).toEqual([
      ['ii/kernel', [3n, 2n]],
      ['if/kernel', [3n, 2n]],
      ['ig/kernel', [3n, 2n]],
      ['io/kernel', [3n, 2n]],
      ['hi/kernel', [2n, 2n]],
      ['hi/bias', [2n]],
      ['hf/kernel', [2n, 2n]],
      ['hf/bias', [2n]],
      ['hg/kernel', [2n, 2n]],
      ['hg/bias', [2n]],
      ['ho/kernel', [2n, 2n]],
      ['ho/bias', [2n]],
    ]);
    expect(shapes(spec({ cell: 'gru', convention: 'flax', input: 3n, units: 2n }))).toEqual([
      ['ir/kernel', [3n, 2n]],
      ['ir/bias', [2n]],
      ['iz/kernel', [3n, 2n]],
      ['iz/bias', [2n]],
      ['in/kernel', [3n, 2n]],
      ['in/bias', [2n]],
      ['hr/kernel', [2n, 2n]],
      ['hz/kernel', [2n, 2n]],
      ['hn/kernel', [2n, 2n]],
      ['hn/bias', [2n]],
    ]);
    expect(shapes(spec({ cell: 'rnn', convention: 'flax', input: 3n, units: 2n }))).toEqual([
      ['i/kernel', [3n, 2n]],
      ['h/kernel', [2n, 2n]],
      ['h/bias', [2n]],
    ]);
  });

  it('tf1: kernel (I+R, 4H), bias (4H), diagonal peepholes, projection (H, P)', () => {
    expect(
      shapes(spec({ cell: 'lstm', convention: 'tf1', input: 10n, units: 20n, peepholes: true, proj: 5n })),
    ).toEqual([
      ['lstm_cell/kernel', [15n, 80n]],
      ['lstm_cell/bias', [80n]],
      ['lstm_cell/w_f_diag', [20n]],
      ['lstm_cell/w_i_diag', [20n]],
      ['lstm_cell/w_o_diag', [20n]],
      ['lstm_cell/projection/kernel', [20n, 5n]],
    ]);
  });

  it("a tensor's params is the product of its shape; long stacks list layers 0, 1 and the last", () => {
    const r = countRecurrent(spec({ cell: 'gru', convention: 'pytorch', input: 7n, units: 3n, layers: 6 }));
    for (const t of r.tensors) expect(t.params).toBe(t.shape.reduce((p, d) => p * d, 1n));
    expect([...new Set(r.tensors.map((t) => t.name.replace(/^.*_l/, '')))]).toEqual(['0', '1', '5']);
    expect(r.notes).toEqual([{ id: 'layers-not-listed', from: 2, to: 4 }]);
    expect(r.notes.map(noteText)).toEqual(['Layers 2 to 4 have the same tensor shapes as layer 1 and are not listed.']);
    const four = countRecurrent(spec({ cell: 'gru', convention: 'pytorch', input: 7n, units: 3n, layers: 4 }));
    expect(four.notes.map(noteText)).toEqual(['Layer 2 has the same tensor shapes as layer 1 and is not listed.']);
  });
});

describe('recurrentAlternatives', () => {
  it('/lstm 4096 256 (keras): every other convention, in table order', () => {
    const alts = recurrentAlternatives(spec({ cell: 'lstm', input: 4096n, units: 256n }));
    expect(alts).toEqual([
      { convention: 'keras2', total: 4_457_472n },
      { convention: 'pytorch', total: 4_458_496n },
      { convention: 'cudnn', total: 4_458_496n },
      { convention: 'onnx', total: 4_458_496n },
      { convention: 'flax', total: 4_457_472n },
      { convention: 'tf1', total: 4_457_472n },
    ]);
  });
  it('skips conventions that cannot count the spec (proj: only pytorch/cudnn/tf1)', () => {
    const alts = recurrentAlternatives(spec({ cell: 'lstm', convention: 'pytorch', input: 10n, units: 8n, proj: 4n }));
    expect(alts.map((a) => a.convention)).toEqual(['cudnn', 'tf1']);
    expect(recurrentAlternatives(spec({ cell: 'gru', input: 10n, units: 8n })).map((a) => a.convention)).toEqual([
      'keras2',
      'pytorch',
      'cudnn',
      'onnx',
      'flax',
    ]);
  });
});

// ---------------------------------------------------------------------------------------------
// Property: any valid spec agrees with the closed form, everywhere the engine reports a count.
// ---------------------------------------------------------------------------------------------
const validSpec: fc.Arbitrary<RecurrentSpec> = fc
  .record({
    cell: fc.constantFrom<CellKind>('lstm', 'gru', 'rnn'),
    convention: fc.constantFrom(...CONVENTIONS),
    input: fc.oneof(fc.bigInt({ min: 1n, max: 5000n }), fc.bigInt({ min: 1n, max: 1_000_000_000_000n })),
    units: fc.oneof(fc.bigInt({ min: 2n, max: 5000n }), fc.bigInt({ min: 2n, max: 1_000_000_000_000n })),
    layers: fc.integer({ min: 1, max: 12 }),
    bidirectional: fc.boolean(),
    bias: fc.boolean(),
    wantProj: fc.boolean(),
    projFrac: fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
    peepholes: fc.boolean(),
    resetAfter: fc.constantFrom<boolean | null>(null, true, false),
  })
  .map((r): RecurrentSpec => {
    const cell: CellKind = r.convention === 'tf1' ? 'lstm' : r.cell;
    const lstm = cell === 'lstm';
    const proj =
      lstm && r.wantProj && ['pytorch', 'cudnn', 'tf1'].includes(r.convention)
        ? 1n + (BigInt(Math.floor(r.projFrac * 1e6)) * (r.units - 1n)) / 1_000_000n
        : null;
    return spec({
      cell,
      convention: r.convention,
      input: r.input,
      units: r.units,
      layers: r.layers,
      bidirectional: r.bidirectional,
      bias: r.bias,
      proj: proj !== null && proj < r.units ? proj : null,
      peepholes: lstm && r.peepholes && ['onnx', 'tf1'].includes(r.convention),
      resetAfter: cell === 'gru' && ['keras', 'keras2'].includes(r.convention) ? r.resetAfter : null,
    });
  });

describe('property: the engine equals the closed form', () => {
  it('for random valid specs (total, record, stack, tensors, alternatives)', () => {
    fc.assert(
      fc.property(validSpec, (s) => {
        expect(recurrentProblem(s)).toBeNull();
        const want = closedForm(s);
        expect(recurrentTotal(s)).toBe(want);
        const r = countRecurrent(s);
        expect(r.params).toBe(want);
        expect(r.stack!.reduce((t, x) => t + x.params, 0n)).toBe(want);
        const formula = r.steps.find((x) => x.kind === 'formula');
        expect(formula && formula.kind === 'formula' ? formula.result : null).toBe(want);
        if (s.layers <= 3) expect(r.tensors.reduce((t, x) => t + x.params, 0n)).toBe(want);
        for (const alt of recurrentAlternatives(s)) {
          expect(alt.convention).not.toBe(s.convention);
          const resetAfter = alt.convention === 'keras' || alt.convention === 'keras2' ? s.resetAfter : null;
          expect(alt.total).toBe(closedForm({ ...s, convention: alt.convention, resetAfter }));
        }
      }),
      { numRuns: 400 },
    );
  });

  it('the one-line formula evaluates to the total (single-layer, one direction)', () => {
    // Evaluate "4 x ((4096 + 256) x 256 + 256) + 3 x 20" with BigInt: x binds tighter than +.
    const evaluate = (expr: string): bigint => {
      const tokens = expr.match(/\d+|[()+x]/g)!;
      let i = 0;
      const sum = (): bigint => {
        let v = prod();
        while (tokens[i] === '+') {
          i++;
          v += prod();
        }
        return v;
      };
      const prod = (): bigint => {
        let v = atom();
        while (tokens[i] === 'x') {
          i++;
          v *= atom();
        }
        return v;
      };
      const atom = (): bigint => {
        const t = tokens[i++]!;
        if (t === '(') {
          const v = sum();
          i++;
          return v;
        }
        return BigInt(t);
      };
      return sum();
    };
    fc.assert(
      fc.property(validSpec, (s0) => {
        const s = { ...s0, layers: 1, bidirectional: false };
        const f = countRecurrent(s).steps.find((x) => x.kind === 'formula');
        if (!f || f.kind !== 'formula') throw new Error('no formula');
        expect(evaluate(f.expression)).toBe(closedForm(s));
      }),
      { numRuns: 300 },
    );
  });
});
