// The layer-kind registry at work: kinds added as one file plus one registry entry (PReLU, Lambda,
// a model-level nn.Parameter), counted with the figures the frameworks give.
import { describe, expect, it } from 'vitest';
import { answerQuery } from '../../src/answer.js';
import { countModel, layerSpecSchema, tryCountModel } from '../../src/engine/model.js';
import type { LayerSpec, ModelSpec } from '../../src/engine/model.js';

function keras(layers: LayerSpec[]): ModelSpec {
  return { framework: 'keras', layers, input: null, notes: [] };
}

const input = (...shape: (bigint | null)[]): LayerSpec => ({ kind: 'input', shape });
const dense = (units: bigint): LayerSpec => ({ kind: 'dense', framework: 'keras', input: null, units, bias: true });

describe('PReLU', () => {
  it('Keras: one alpha per input element (keras.layers.PReLU on (10, 64): 640)', () => {
    const r = countModel(
      keras([input(10n, 64n), { kind: 'prelu', framework: 'keras', numParameters: null, sharedAxes: [] }]),
    );
    expect(r.total).toBe(640n);
    expect(r.layers[0]?.tensors[0]).toMatchObject({ name: 'alpha', shape: [10n, 64n] });
    expect(r.layers[0]?.name).toBe('p_re_lu');
  });
  it('Keras: shared_axes=[1, 2] after a Conv2D leaves one alpha per channel (32)', () => {
    const r = countModel(
      keras([input(28n, 28n, 32n), { kind: 'prelu', framework: 'keras', numParameters: null, sharedAxes: [1, 2] }]),
    );
    expect(r.total).toBe(32n);
  });
  it('Keras: from pasted code, shape flowing from the layer before', () => {
    // Dense(64) on 20 features: 20 x 64 + 64 = 1,344; PReLU on (64,): 64; Dense(1): 65.
    const a = answerQuery('Sequential([Input(shape=(20,)), Dense(64), PReLU(), Dense(1)])');
    expect(a.kind === 'count' && a.model.total).toBe(1344n + 64n + 65n);
  });
  it('Keras: asks for the input shape when none reaches it, and for a full one when an axis is unknown', () => {
    const none = tryCountModel(keras([{ kind: 'prelu', framework: 'keras', numParameters: null, sharedAxes: [] }]));
    expect(none.ok === false && none.error).toMatch(/I need the input shape for PReLU/);
    const partial = tryCountModel(
      keras([input(null, 64n), { kind: 'prelu', framework: 'keras', numParameters: null, sharedAxes: [] }]),
    );
    expect(partial.ok === false && partial.error).toMatch(/one slope per input element.*\(None, None, 64\)/);
    const shared = countModel(
      keras([input(null, 64n), { kind: 'prelu', framework: 'keras', numParameters: null, sharedAxes: [1] }]),
    );
    expect(shared.total).toBe(64n);
  });
  it('PyTorch: num_parameters (nn.PReLU(): 1, nn.PReLU(64): 64)', () => {
    const one = answerQuery('nn.PReLU()');
    expect(one.kind === 'count' && one.model.total).toBe(1n);
    const per = answerQuery('nn.Sequential(nn.Linear(10, 64), nn.PReLU(64))');
    expect(per.kind === 'count' && per.model.total).toBe(10n * 64n + 64n + 64n);
  });
});

describe('Lambda (Keras)', () => {
  it('has 0 parameters and passes on the output_shape it is given', () => {
    const r = countModel(keras([input(8n), dense(16n), { kind: 'lambda', outputShape: [32n] }, dense(2n)]));
    // Dense(16) on 8: 144; Lambda: 0; Dense(2) on the stated 32: 66.
    expect(r.total).toBe(144n + 66n);
    expect(r.layers[1]).toMatchObject({ type: 'Lambda', params: 0n, name: 'lambda' });
  });
  it('without output_shape the next layer asks for its size instead of guessing', () => {
    const r = tryCountModel(keras([input(8n), { kind: 'lambda', outputShape: null }, dense(2n)]));
    expect(r.ok).toBe(false);
  });
});

describe('a parameter registered on a PyTorch model', () => {
  const model: ModelSpec = {
    framework: 'pytorch',
    layers: [
      { kind: 'parameter', framework: 'pytorch', name: 'cls_token', shape: [1n, 1n, 768n], requiresGrad: true },
      { kind: 'dense', framework: 'pytorch', input: 768n, units: 10n, bias: true },
      { kind: 'parameter', framework: 'pytorch', name: 'scale', shape: [], requiresGrad: false },
    ],
    input: null,
    notes: [],
  };
  it('counts every element (768 + 7,690 + 1 scalar), requires_grad=False as non-trainable', () => {
    const r = countModel(model);
    expect(r.total).toBe(768n + 7690n + 1n);
    expect(r.trainable).toBe(768n + 7690n);
    expect(r.nonTrainable).toBe(1n);
    expect(r.layers.map((l) => l.name)).toEqual(['cls_token', '1', 'scale']);
  });
  it('is a spec the schema accepts', () => {
    expect(layerSpecSchema.safeParse(model.layers[0]).success).toBe(true);
    expect(layerSpecSchema.safeParse({ ...model.layers[0], shape: [0n] }).success).toBe(false);
  });
});
