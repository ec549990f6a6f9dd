// The JSON contract other checks depend on: every count a decimal string, errors as {query, error}.
import { Ajv } from 'ajv';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { answerQuery } from '../../src/answer.js';
import { CONVENTIONS } from '../../src/engine/types.js';
import { renderJson, renderJsonLine } from '../../src/render/json.js';

const json = (q: string) => renderJson(answerQuery(q));

const COUNT = { type: 'string', pattern: '^(0|[1-9][0-9]*)$' };
const countSchema = {
  type: 'object',
  required: ['query', 'convention', 'total', 'trainable', 'non_trainable', 'layers', 'alternatives'],
  not: { required: ['error'] },
  properties: {
    query: { type: 'string' },
    convention: { enum: [...CONVENTIONS] },
    total: COUNT,
    trainable: COUNT,
    non_trainable: COUNT,
    buffers: COUNT,
    layers: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['name', 'type', 'params', 'tensors'],
        properties: {
          name: { type: 'string' },
          type: { type: 'string' },
          params: COUNT,
          tensors: {
            type: 'array',
            items: {
              type: 'object',
              required: ['name', 'shape', 'params'],
              properties: {
                name: { type: 'string' },
                shape: { type: 'array', items: { type: 'integer', minimum: 0 } },
                params: COUNT,
              },
            },
          },
        },
      },
    },
    alternatives: {
      type: 'array',
      items: {
        type: 'object',
        required: ['convention', 'total'],
        properties: { convention: { enum: [...CONVENTIONS] }, total: COUNT },
      },
    },
  },
};
const errorSchema = {
  type: 'object',
  required: ['query', 'error'],
  additionalProperties: false,
  properties: { query: { type: 'string' }, error: { type: 'string', minLength: 1 } },
};
const ajv = new Ajv({ allErrors: true });
const validCount = ajv.compile(countSchema);
const validError = ajv.compile(errorSchema);

function expectValid(v: ReturnType<typeof ajv.compile>, data: unknown): void {
  const ok = v(data);
  if (!ok) throw new Error(`${JSON.stringify(v.errors)}\n${JSON.stringify(data).slice(0, 500)}`);
}

describe('/lstm 4096 256 as JSON', () => {
  it('is exactly the contract', () => {
    expect(json('/lstm 4096 256')).toEqual({
      query: '/lstm 4096 256',
      convention: 'keras',
      total: '4457472',
      trainable: '4457472',
      non_trainable: '0',
      layers: [
        {
          name: 'lstm',
          type: 'LSTM',
          params: '4457472',
          trainable: true,
          trainable_params: '4457472',
          non_trainable_params: '0',
          convention: 'keras',
          tensors: [
            { name: 'kernel', shape: [4096, 1024], params: '4194304', trainable: true },
            { name: 'recurrent_kernel', shape: [256, 1024], params: '262144', trainable: true },
            { name: 'bias', shape: [1024], params: '1024', trainable: true },
          ],
        },
      ],
      alternatives: [
        { convention: 'keras2', total: '4457472' },
        { convention: 'pytorch', total: '4458496' },
        { convention: 'cudnn', total: '4458496' },
        { convention: 'onnx', total: '4458496' },
        { convention: 'flax', total: '4457472' },
        { convention: 'tf1', total: '4457472' },
      ],
    });
    expectValid(validCount, json('/lstm 4096 256'));
  });

  it('alternatives include {"convention":"cudnn","total":"4458496"}', () => {
    expect(json('/lstm 4096 256').alternatives).toContainEqual({ convention: 'cudnn', total: '4458496' });
  });

  it('one line, parseable, no BigInt leaking', () => {
    const line = renderJsonLine(answerQuery('/lstm 4096 256'));
    expect(line).not.toContain('\n');
    expect(JSON.parse(line)).toEqual(json('/lstm 4096 256'));
  });
});

describe('counts past 2^53 stay exact', () => {
  it('/lstm 100000000 100000000', () => {
    const j = json('/lstm 100000000 100000000');
    expect(j.total).toBe('80000000400000000');
    expect(j.alternatives).toContainEqual({ convention: 'cudnn', total: (400_000_000n * 200_000_002n).toString() });
    expectValid(validCount, j);
  });
  it('/lstm 1000000000000 1000000000000 layers=1000 bi pytorch', () => {
    const big = 1_000_000_000_000n;
    const want = 2n * 4n * big * (2n * big + 2n) + 999n * 2n * 4n * big * (3n * big + 2n);
    const j = json('/lstm 1000000000000 1000000000000 layers=1000 bi pytorch');
    expect(j.total).toBe(want.toString());
    expectValid(validCount, j);
  });
});

describe('shapes of other answers', () => {
  it('stacked bidirectional PyTorch: per-direction tensors', () => {
    const j = json('/gru 3 434 layers=2 bi pytorch');
    expect(j.total).toBe('4538772'); // pt-gru-039
    const layer = (j.layers as { tensors: { name: string; shape: number[] }[] }[])[0]!;
    expect(layer.tensors.map((t) => t.name)).toEqual([
      'weight_ih_l0',
      'weight_hh_l0',
      'bias_ih_l0',
      'bias_hh_l0',
      'weight_ih_l0_reverse',
      'weight_hh_l0_reverse',
      'bias_ih_l0_reverse',
      'bias_hh_l0_reverse',
      'weight_ih_l1',
      'weight_hh_l1',
      'bias_ih_l1',
      'bias_hh_l1',
      'weight_ih_l1_reverse',
      'weight_hh_l1_reverse',
      'bias_ih_l1_reverse',
      'bias_hh_l1_reverse',
    ]);
    expect(layer.tensors[8]!.shape).toEqual([1302, 868]);
    expectValid(validCount, j);
  });
  it('sequence length: notes, count unchanged', () => {
    const j = json('/lstm 4096 256 seq=100');
    expect(j.total).toBe('4457472');
    expect(j.notes).toEqual([expect.stringMatching(/^Sequence length \(100\) never changes the parameter count/)]);
  });
  it('compare adds a comparison with signed differences as strings', () => {
    const j = json('/lstm 4096 256 compare');
    const rows = j.comparison as { convention: string; total: string; difference: string }[];
    expect(rows[0]).toEqual({ convention: 'keras', total: '4457472', difference: '0' });
    expect(rows).toContainEqual({ convention: 'cudnn', total: '4458496', difference: '1024' });
    const pt = json('/lstm 4096 256 pytorch compare').comparison as { convention: string; difference: string }[];
    expect(pt).toContainEqual({ convention: 'keras', total: '4457472', difference: '-1024' });
  });
  it('pasted code', () => {
    const j = json('nn.LSTM(1024, 1024, num_layers=2)');
    expect(j.total).toBe('16793600'); // pt-lstm-001
    expect(j.convention).toBe('pytorch');
    expectValid(validCount, j);
  });
});

describe('errors and help are {query, error}', () => {
  for (const q of [
    '/lstm 4096',
    '/lstm 0 256',
    '/lstm 4096 256 proj=256',
    '/gru 128 64 proj=3',
    '/foo 1 2',
    '/lstm <!channel> 5',
    'hello',
  ]) {
    it(q, () => {
      const j = json(q);
      expectValid(validError, j);
      expect(j.query).toBe(q);
      expect(j.error).toMatch(/`\/(lstm|gru|rnn|params) [^`]+`/);
    });
  }
  it('help', () => {
    const j = json('/lstm help');
    expectValid(validError, j);
    expect(j.error).toContain('`/lstm 4096 256`');
  });
  it('the query is the whole command when given with one', () => {
    expect(renderJson(answerQuery('4096 256', { command: '/lstm' })).query).toBe('/lstm 4096 256');
  });
});

describe('property: every answer is one of the two shapes', () => {
  it('slash queries', () => {
    const token = fc.oneof(
      fc.constantFrom(
        'bi',
        'no-bias',
        'pytorch',
        'cudnn',
        'onnx',
        'flax',
        'tf1',
        'keras2',
        'compare',
        'peepholes',
        'reset_after=true',
        'x',
      ),
      fc.integer({ min: 1, max: 1000 }).map((n) => `layers=${n}`),
      fc.bigInt({ min: 1n, max: 10_000n }).map((n) => `proj=${n}`),
    );
    fc.assert(
      fc.property(
        fc.constantFrom('/lstm', '/gru', '/rnn'),
        fc.bigInt({ min: 0n, max: 1_000_000_000_000n }),
        fc.bigInt({ min: 0n, max: 1_000_000_000_000n }),
        fc.array(token, { maxLength: 5 }),
        (cmd, i, h, rest) => {
          const q = `${cmd} ${i} ${h} ${rest.join(' ')}`.trim();
          const j = JSON.parse(renderJsonLine(answerQuery(q))) as Record<string, unknown>;
          expect(j.query).toBe(q);
          if ('error' in j) expectValid(validError, j);
          else {
            expectValid(validCount, j);
            // Counts add up: layers sum to the total, tensors to their layer when all are listed.
            const layers = j.layers as { params: string; tensors: { params: string; shape: number[] }[] }[];
            expect(layers.reduce((s, l) => s + BigInt(l.params), 0n)).toBe(BigInt(j.total as string));
            for (const t of layers[0]!.tensors) {
              expect(BigInt(t.params)).toBe(t.shape.reduce((p, d) => p * BigInt(d), 1n));
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });
  it('any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 120 }), (s) => {
        const j = JSON.parse(renderJsonLine(answerQuery(s))) as Record<string, unknown>;
        expect(j.query).toBe(s);
        if ('error' in j) expectValid(validError, j);
        else expectValid(validCount, j);
      }),
      { numRuns: 300 },
    );
  });
});
