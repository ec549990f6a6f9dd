// keras.applications models counted from their architecture, against the totals Keras publishes
// (keras.io/api/applications and each model's summary with weights=None); never "0 parameters".
import { describe, expect, it } from 'vitest';
import { countModel } from '../../src/engine/model.js';
import { parseCode } from '../../src/parse/code.js';

function count(code: string) {
  const r = parseCode(code);
  if (!r.ok) throw new Error(r.error);
  return countModel(r.model);
}

describe('keras.applications', () => {
  const published: [string, bigint, bigint | null][] = [
    ['tf.keras.applications.VGG16()', 138_357_544n, null],
    ['keras.applications.VGG16(include_top=False, weights=None, input_shape=(224, 224, 3))', 14_714_688n, null],
    ['keras.applications.VGG19(weights=None)', 143_667_240n, null],
    ['tf.keras.applications.ResNet50()', 25_636_712n, 25_583_592n],
    ["keras.applications.ResNet50(include_top=False, pooling='avg')", 23_587_712n, 23_534_592n],
    ['keras.applications.ResNet101()', 44_707_176n, null],
    ['keras.applications.ResNet152()', 60_419_944n, null],
  ];
  for (const [call, total, trainable] of published) {
    it(call, () => {
      const r = count(`model = ${call}`);
      expect(r.total).toBe(total);
      if (trainable !== null) expect(r.trainable).toBe(trainable);
    });
  }
  it('classes changes the top; an import alias works', () => {
    const r = count('from tensorflow.keras.applications import ResNet50\nmodel = ResNet50(weights=None, classes=10)');
    expect(r.total).toBe(23_587_712n + 2048n * 10n + 10n);
  });
  it('an application I do not know is refused by name, never counted as 0', () => {
    const r = parseCode('model = tf.keras.applications.EfficientNetB0()');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/don't know the architecture of `keras\.applications\.EfficientNetB0`.*not 0/);
  });
});
