// Terminal text (the CLI and console): the same contents as the Slack reply, plain.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { answerQuery } from '../../src/answer.js';
import { clipText, escapeSlack, formatBytes, formatCount, formatSigned, printable } from '../../src/render/format.js';
import { renderCellPicture } from '../../src/render/picture.js';
import { conventionFamily, stepLine } from '../../src/render/steps.js';
import { renderText } from '../../src/render/text.js';
import { countRecurrent } from '../../src/engine/recurrent.js';

const text = (q: string) => renderText(answerQuery(q));

describe('/lstm 4096 256 as text', () => {
  const out = text('/lstm 4096 256');
  const lines = out.split('\n');

  it('leads with the total and the cuDNN/PyTorch figure', () => {
    expect(lines[0]).toBe('LSTM 4,096 → 256: 4,457,472 parameters (Keras 3 / tf.keras)');
    expect(lines[1]).toBe('cuDNN / PyTorch: 4,458,496 (+1,024)');
  });

  it('numbers every step of the arithmetic', () => {
    expect(out).toContain(
      '  1. An LSTM cell has 4 gates (input, forget, cell candidate, output), each its own dense layer over the concatenated [h_{t-1}, x_t].',
    );
    expect(out).toContain('  2. [h_{t-1}, x_t] width: 256 (h_{t-1}) + 4,096 (x_t) = 4,352');
    expect(out).toContain('  3. weights per gate: 4,352 ([h, x] width) x 256 (units) = 1,114,112');
    expect(out).toContain('  4. bias per gate: 256');
    expect(out).toContain('  5. per gate: 1,114,112 (weights) + 256 (bias) = 1,114,368');
    expect(out).toContain('  6. total: 4 (gates) x 1,114,368 (per gate) = 4,457,472');
    expect(out).toContain(
      '  7. cuDNN and PyTorch keep two bias vectors (b_ih and b_hh), one more per gate: 4 gates x 256 units = 1,024 more → 4,458,496 (cuDNN / PyTorch)',
    );
    expect(out).toContain('  4 x ((4096 + 256) x 256 + 256) = 4,457,472');
  });

  it('draws the cell', () => {
    expect(out).toContain('  [ h_{t-1} | x_t ]  256 + 4,096 = 4,352');
    expect(out).toContain('    ├─ input (σ)              4,352x256 + 256 = 1,114,368');
    expect(out).toContain('    └─ output (σ)             4,352x256 + 256 = 1,114,368');
    expect(out).toContain('  4 x 1,114,368 = 4,457,472');
  });

  it('lists the tensors, memory and the other frameworks', () => {
    expect(out).toContain('Tensors (Keras 3 / tf.keras layout)');
    expect(out).toMatch(/^ {2}kernel +\(4096, 1024\) +4,194,304$/m);
    expect(out).toMatch(/^ {2}recurrent_kernel +\(256, 1024\) +262,144$/m);
    expect(out).toMatch(/^ {2}bias +\(1024,\) +1,024$/m);
    expect(out).toContain('Memory: 17.0 MiB in float32 (17,829,888 bytes), 8.5 MiB in float16/bfloat16');
    expect(lines.at(-1)).toBe(
      'Other frameworks: keras2 4,457,472 · pytorch 4,458,496 · cudnn 4,458,496 · onnx 4,458,496 · flax 4,457,472 · tf1 4,457,472',
    );
  });
});

describe('other replies', () => {
  it("stacked, bidirectional: each layer's input width and count", () => {
    const out = text('/gru 4 5 onnx layers=2 bi');
    expect(out.split('\n')[0]).toBe('GRU 4 → 5 · bidirectional · 2 layers: 840 parameters (ONNX)');
    expect(out).toContain('Per layer\n  layer 0: input 4: 2 x 165 = 330\n  layer 1: input 10: 2 x 255 = 510');
    expect(out).toContain('  2 x [3 x ((4 + 5) x 5 + 2 x 5)] + 2 x [3 x ((10 + 5) x 5 + 2 x 5)] = 840');
    expect(out).toMatch(/^ {2}layer0\.W +\(2, 15, 4\) +120$/m);
  });

  it('a projection: PyTorch proj_size, noted when picked for the user', () => {
    const out = text('/lstm 1280 8 layers=2 proj=6');
    expect(out.split('\n')[0]).toBe('LSTM 1,280 → 8 · 2 layers · proj 6: 41,760 parameters (PyTorch)');
    expect(out).toContain('Note: Keras has no LSTM projection, so this is counted as PyTorch (proj_size).');
    expect(out).toMatch(/^ {2}weight_hr_l0 +\(6, 8\) +48$/m);
  });

  it('sequence length: said to change nothing', () => {
    const out = text('/lstm 4096 256 timesteps=50');
    expect(out.split('\n')[0]).toBe('LSTM 4,096 → 256: 4,457,472 parameters (Keras 3 / tf.keras)');
    expect(out).toContain('Note: Sequence length (50) never changes the parameter count');
  });

  it('no bias: the note, and PyTorch counting the same', () => {
    const out = text('/rnn 3 4 no-bias');
    expect(out).toContain('No bias: bias=False / use_bias=False removes every bias vector.');
    expect(out).toContain('  (3 + 4) x 4 = 28');
    expect(out).toContain('cuDNN counts the same: 28');
  });

  it('compare lays out every framework with its difference', () => {
    const out = text('/lstm 4096 256 compare');
    expect(out).toContain('Every framework side by side');
    expect(out).toMatch(/^ {2}Keras 3 \/ tf\.keras +4,457,472 *$/m);
    expect(out).toMatch(/^ {2}cuDNN +4,458,496 +\+1,024$/m);
    expect(out).toMatch(/^ {2}PyTorch +4,458,496 +\+1,024$/m);
    expect(out).toMatch(/^ {2}Flax +4,457,472 *$/m);
    expect(out).not.toContain('Other frameworks:');
  });

  it('past 2^53, exact and grouped', () => {
    expect(text('/lstm 100000000 100000000').split('\n')[0]).toBe(
      'LSTM 100,000,000 → 100,000,000: 80,000,000,400,000,000 parameters (Keras 3 / tf.keras)',
    );
  });

  it('errors start with Sorry and keep the example', () => {
    expect(text('/lstm 4096 0')).toBe(
      'Sorry: the units must be at least 1 (got 0). Expected `/lstm <input> <units> [options]`, e.g. `/lstm 4096 256`.',
    );
  });

  it('help', () => {
    const out = text('/lstm help');
    expect(out).toContain("/lstm: explain an LSTM's parameter count");
    expect(out).toContain('`/lstm <input> <units> [options]`');
    expect(out).toContain('Options');
  });

  it('control characters from the user never reach the terminal', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (s) => {
        const out = renderText(answerQuery('/lstm ' + s));
        expect(out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
        expect(out).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
      }),
      { numRuns: 300 },
    );
    expect(text('/lstm 4096 256 \u001b[31mred')).not.toContain('\u001b');
  });
});

describe('format', () => {
  it('formatCount groups thousands exactly for any BigInt', () => {
    expect(formatCount(0n)).toBe('0');
    expect(formatCount(999n)).toBe('999');
    expect(formatCount(1000n)).toBe('1,000');
    expect(formatCount(4_457_472n)).toBe('4,457,472');
    expect(formatCount(-1024n)).toBe('-1,024');
    expect(formatCount(2n ** 64n)).toBe('18,446,744,073,709,551,616');
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 40n), max: 10n ** 40n }), (n) => {
        const s = formatCount(n);
        expect(BigInt(s.replace(/,/g, ''))).toBe(n);
        expect(s).toMatch(/^-?\d{1,3}(,\d{3})*$/);
      }),
    );
  });
  it('formatSigned', () => {
    expect(formatSigned(1024n)).toBe('+1,024');
    expect(formatSigned(-1024n)).toBe('-1,024');
    expect(formatSigned(0n)).toBe('0');
  });
  it('formatBytes in binary units, one decimal', () => {
    expect(formatBytes(0n)).toBe('0 bytes');
    expect(formatBytes(1023n)).toBe('1023 bytes');
    expect(formatBytes(1024n)).toBe('1.0 KiB');
    expect(formatBytes(1536n)).toBe('1.5 KiB');
    expect(formatBytes(17_829_888n)).toBe('17.0 MiB');
    expect(formatBytes(8_914_944n)).toBe('8.5 MiB');
    expect(formatBytes(1024n ** 3n)).toBe('1.0 GiB');
    expect(formatBytes(1024n ** 6n)).toBe('1.0 EiB');
    expect(formatBytes(1024n ** 7n)).toBe('1,024.0 EiB');
  });
  it('escapeSlack, clipText, printable', () => {
    expect(escapeSlack('<!channel> & <@U1> <https://x|y>')).toBe(
      '&lt;!channel&gt; &amp; &lt;@U1&gt; &lt;https:/\u200b/x|y&gt;',
    );
    expect(escapeSlack('@channel @here')).toBe('@\u200bchannel @\u200bhere');
    expect(clipText('abcdef', 4)).toBe('abc…');
    expect(clipText('abc', 4)).toBe('abc');
    expect(Array.from(clipText('😀'.repeat(10), 5))).toHaveLength(5);
    expect(printable('a\u0000b\u001bc\nd\te')).toBe('abc\nd\te');
    expect(printable('x\ud800y')).toBe('x\ufffdy');
  });
  it('printable removes bidi controls, direction marks, C1 controls; line separators become spaces', () => {
    expect(printable('a\u202eb\u2066c\u2069d\u200ee\u200ff\u061cg')).toBe('abcdefg');
    expect(printable('a\u0085b\u009bc\u0080d')).toBe('abcd');
    expect(printable('a\u2028b\u2029c')).toBe('a b c');
    expect(printable('plain ünïcødé – 中文')).toBe('plain ünïcødé – 中文');
  });
  it('escapeSlack breaks URLs and bare domains, not our own words', () => {
    expect(escapeSlack('see https://evil.example.com/x')).toBe('see https:/\u200b/evil.example.\u200bcom/x');
    expect(escapeSlack('evil.io and www.x.org')).toBe('evil.\u200bio and www.\u200bx.\u200borg');
    expect(escapeSlack('Keras 3 / tf.keras, nn.LSTM, 1.5')).toBe('Keras 3 / tf.keras, nn.LSTM, 1.5');
  });
});

describe('picture and steps', () => {
  it('a wide cell falls back to one row per gate', () => {
    const r = countRecurrent({
      kind: 'recurrent',
      cell: 'lstm',
      input: 1_000_000_000_000n,
      units: 1_000_000_000_000n,
      layers: 1,
      bidirectional: false,
      bias: true,
      proj: null,
      peepholes: false,
      resetAfter: null,
      convention: 'pytorch',
    });
    const pic = renderCellPicture(r.picture!);
    expect(pic).not.toContain('┌');
    expect(pic).toContain('├─ input (σ)');
    expect(pic).toContain('└─ output (σ)');
    expect(pic).toContain('2x1,000,000,000,000');
    for (const line of pic.split('\n')) expect(line.length).toBeLessThanOrEqual(60);
  });
  it('stepLine renders each kind', () => {
    const style = { strong: (s: string) => `*${s}*`, text: (s: string) => s };
    expect(
      stepLine(
        {
          kind: 'sum',
          label: 'a',
          terms: [
            { value: 1n, label: 'x' },
            { value: 2000n, label: '' },
          ],
          result: 2001n,
        },
        style,
      ),
    ).toBe('a: 1 (x) + 2,000 = *2,001*');
    expect(stepLine({ kind: 'product', label: 'p', factors: [{ value: 3n, label: 'g' }], result: 3n }, style)).toBe(
      'p: *3*',
    );
    expect(
      stepLine(
        {
          kind: 'compare',
          convention: 'keras',
          total: 10n,
          difference: -4n,
          reason: { id: 'laid-out-differently', convention: 'keras' },
          factors: [],
        },
        style,
      ),
    ).toBe('Keras 3 / tf.keras lays the cell out differently: -4 → *10* (Keras 3 / tf.keras)');
    expect(stepLine({ kind: 'say', sentence: { id: 'bidirectional-counts-twice' } }, style)).toBe(
      'Bidirectional: a second, independent copy of the cell reads the sequence backwards, so each layer counts twice.',
    );
    expect(conventionFamily('cudnn')).toBe('cuDNN / PyTorch');
  });
});
