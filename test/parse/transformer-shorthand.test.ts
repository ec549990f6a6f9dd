import { describe, expect, it } from 'vitest';
import { countTransformer } from '../../src/engine/transformer/index.js';
import { parseTransformerShorthand } from '../../src/parse/transformer-shorthand.js';

function total(text: string): bigint {
  const p = parseTransformerShorthand(text);
  if (p.ok !== true) throw new Error(p.ok === false ? p.error : 'help');
  return countTransformer(p.spec).total;
}

function error(text: string): string {
  const p = parseTransformerShorthand(text);
  if (p.ok !== false) throw new Error('expected an error');
  return p.error;
}

describe('/transformer shorthand', () => {
  it("Llama-3-8B's shape by hand: 8,030,261,248", () => {
    expect(total('d_model=4096 layers=32 heads=32 kv_heads=8 ffn=14336 vocab=128256 gated rmsnorm untied')).toBe(
      8_030_261_248n,
    );
  });
  it('the names people use: hidden, n_layer, n_head, intermediate, num_key_value_heads', () => {
    expect(
      total(
        'hidden=4096 n_layer=32 n_head=32 num_key_value_heads=8 intermediate=14336 vocab_size=128256 swiglu rms untied',
      ),
    ).toBe(8_030_261_248n);
  });
  it('GPT-2 small by hand (LayerNorm, biases, learned positions, tied): 124,439,808', () => {
    expect(total('n_embd=768 n_layer=12 n_head=12 vocab=50257 positions=1024')).toBe(124_439_808n);
  });
  it('a family name takes its config defaults: /transformer llama is Llama-2-7B, 6,738,415,616', () => {
    expect(total('llama')).toBe(6_738_415_616n);
    expect(total('mistral')).toBe(7_241_732_096n);
    expect(total('gpt2 layers=24 hidden=1024 heads=16')).toBe(354_823_168n);
    expect(total('t5')).toBe(60_506_624n);
  });
  it('mixture of experts: Mixtral by hand', () => {
    expect(
      total('d_model=4096 layers=32 heads=32 kv_heads=8 ffn=14336 vocab=32000 experts=8 top_k=2 rmsnorm untied'),
    ).toBe(46_702_792_704n);
  });
  it('help', () => {
    expect(parseTransformerShorthand('help').ok).toBe('help');
    expect(parseTransformerShorthand('').ok).toBe('help');
  });
  it('errors say what was expected, with an example', () => {
    expect(error('layers=32 heads=32 vocab=1000')).toContain('`d_model=`');
    expect(error('d_model=4096 layers=32 heads=32 vocab=1000 wibble=3')).toContain("don't know the size `wibble`");
    expect(error('d_model=4096 layers=32 heads=32 kv_heads=5 vocab=1000')).toContain('multiple of kv_heads');
    expect(error('d_model=4095 layers=32 heads=32 vocab=1000')).toContain('not divisible');
    expect(error('d_model=x layers=1 heads=1 vocab=1')).toContain('whole number');
    expect(error('d_model=64 layers=100000 heads=1 vocab=1')).toContain('at most 1000');
    expect(error('frobnicate')).toContain('/transformer d_model=4096');
  });
});
