// keras.applications models, derived from their architecture: each is written here as the Keras
// functional code its source builds (keras/src/applications/*.py) and read by the same code reader,
// so its count is derived layer by layer like any paste. Totals are checked against the figures
// Keras publishes (test/parse/applications.test.ts). An application not listed is refused by name.

export interface ApplicationArgs {
  includeTop: boolean;
  classes: bigint;
  /** (height, width, channels); null dims allowed without the top. */
  inputShape: string;
  pooling: string | null;
}

const VGG_BLOCKS: Record<string, number[]> = { VGG16: [2, 2, 3, 3, 3], VGG19: [2, 2, 4, 4, 4] };
const RESNET_STACKS: Record<string, number[]> = {
  ResNet50: [3, 4, 6, 3],
  ResNet101: [3, 4, 23, 3],
  ResNet152: [3, 8, 36, 3],
};

export const APPLICATIONS = new Set([...Object.keys(VGG_BLOCKS), ...Object.keys(RESNET_STACKS)]);

function top(a: ApplicationArgs, flatten: boolean): string {
  if (a.includeTop) {
    return flatten
      ? `x = Flatten()(x)\nx = Dense(4096, activation='relu')(x)\nx = Dense(4096, activation='relu')(x)\nx = Dense(${a.classes}, activation='softmax')(x)\n`
      : `x = GlobalAveragePooling2D()(x)\nx = Dense(${a.classes}, activation='softmax')(x)\n`;
  }
  if (a.pooling === 'avg') return 'x = GlobalAveragePooling2D()(x)\n';
  if (a.pooling === 'max') return 'x = GlobalMaxPooling2D()(x)\n';
  return '';
}

/** Keras functional code that builds the application; null when it is not one I know. */
export function applicationSource(name: string, a: ApplicationArgs): string | null {
  const head = `from keras.layers import *\nfrom keras.models import Model\nimg_input = Input(shape=${a.inputShape})\n`;
  const vgg = VGG_BLOCKS[name];
  if (vgg) {
    let s = `${head}x = img_input\n`;
    const filters = [64, 128, 256, 512, 512];
    vgg.forEach((n, b) => {
      for (let i = 0; i < n; i++) s += `x = Conv2D(${filters[b]}, (3, 3), activation='relu', padding='same')(x)\n`;
      s += 'x = MaxPooling2D((2, 2), strides=(2, 2))(x)\n';
    });
    return `${s}${top(a, true)}model = Model(img_input, x)\n`;
  }
  const stacks = RESNET_STACKS[name];
  if (stacks) {
    return `${head}${RESNET}
x = ZeroPadding2D(padding=((3, 3), (3, 3)))(img_input)
x = Conv2D(64, 7, strides=2)(x)
x = BatchNormalization(axis=3, epsilon=1.001e-5)(x)
x = Activation('relu')(x)
x = ZeroPadding2D(padding=((1, 1), (1, 1)))(x)
x = MaxPooling2D(3, strides=2)(x)
x = stack1(x, 64, ${stacks[0]}, stride1=1)
x = stack1(x, 128, ${stacks[1]})
x = stack1(x, 256, ${stacks[2]})
x = stack1(x, 512, ${stacks[3]})
${top(a, false)}model = Model(img_input, x)
`;
  }
  return null;
}

const RESNET = `
def block1(x, filters, kernel_size=3, stride=1, conv_shortcut=True):
    if conv_shortcut:
        shortcut = Conv2D(4 * filters, 1, strides=stride)(x)
        shortcut = BatchNormalization(axis=3, epsilon=1.001e-5)(shortcut)
    else:
        shortcut = x
    x = Conv2D(filters, 1, strides=stride)(x)
    x = BatchNormalization(axis=3, epsilon=1.001e-5)(x)
    x = Activation('relu')(x)
    x = Conv2D(filters, kernel_size, padding='same')(x)
    x = BatchNormalization(axis=3, epsilon=1.001e-5)(x)
    x = Activation('relu')(x)
    x = Conv2D(4 * filters, 1)(x)
    x = BatchNormalization(axis=3, epsilon=1.001e-5)(x)
    x = Add()([shortcut, x])
    x = Activation('relu')(x)
    return x

def stack1(x, filters, blocks, stride1=2):
    x = block1(x, filters, stride=stride1)
    for i in range(2, blocks + 1):
        x = block1(x, filters, conv_shortcut=False)
    return x
`;
