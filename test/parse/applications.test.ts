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
  it('the reader hands every application to the engine: EfficientNetB0 in a functional model', () => {
    const r = count(
      [
        'base = tf.keras.applications.EfficientNetB0(include_top=False, input_shape=(224, 224, 3))',
        'inputs = tf.keras.Input(shape=(224, 224, 3))',
        'x = base(inputs, training=False)',
        'x = tf.keras.layers.GlobalAveragePooling2D()(x)',
        'model = tf.keras.Model(inputs, tf.keras.layers.Dense(5)(x))',
      ].join('\n'),
    );
    // 4,049,571 (Keras' published notop figure) + Dense(1280 -> 5)
    expect(r.total).toBe(4_049_571n + 1280n * 5n + 5n);
  });
  it('base.trainable = False moves the base to non-trainable (MobileNetV2 notop, a new head)', () => {
    const r = count(
      [
        "base = tf.keras.applications.MobileNetV2(input_shape=(224, 224, 3), include_top=False, weights='imagenet')",
        'base.trainable = False',
        'model = tf.keras.Sequential([base, tf.keras.layers.GlobalAveragePooling2D(), tf.keras.layers.Dense(10)])',
      ].join('\n'),
    );
    expect(r.total).toBe(2_257_984n + 12_810n);
    expect(r.trainable).toBe(12_810n);
    expect(r.nonTrainable).toBe(2_257_984n);
  });
  it('an application I do not know is refused by name, never counted as 0', () => {
    const r = parseCode('model = tf.keras.applications.NASNetLarge()');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/don't know keras\.applications\.NASNetLarge.*won't guess/);
  });
});
