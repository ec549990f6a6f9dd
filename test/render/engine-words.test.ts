// Issues 11 and 14, item 4 ("words out of the engine"): the layer counters return typed sentences
// and label ids, and render/ words them from the catalogues, so a Chinese or French reply has no
// English derivation lines (and the English reply is word for word what it was).
import { describe, expect, it } from 'vitest';
import { answerQuery } from '../../src/answer.js';
import { renderBlocks } from '../../src/render/blocks.js';
import { renderText } from '../../src/render/text.js';

const QUESTIONS = [
  'nn.Linear(300, 128)',
  'Conv2D(32, 3, input_shape=(28, 28, 1))',
  'nn.LayerNorm(512)',
  'nn.MultiheadAttention(512, 8)',
];

function both(q: string, lang: 'zh' | 'fr'): { text: string; blocks: string } {
  const a = answerQuery(q, { locale: lang });
  return { text: renderText(a), blocks: JSON.stringify(renderBlocks(a, { form: 'full' }).blocks) };
}

// English words a Chinese or French derivation of these layers used to carry ("total" is French too).
const ENGLISH = [
  'How it adds up',
  'A Linear layer',
  'multiplies by',
  'weights:',
  '(weights)',
  '(bias) =',
  'Each of the',
  'kernel h',
  'in channels',
  'one per output channel',
  'learns a scale',
  'weight and bias',
  'normalized size',
  'stacked',
  'three weight matrices',
  'q/k/v weights',
];

describe('engine words: the layer counters speak Chinese and French', () => {
  it.each(QUESTIONS)('%s has no English derivation words in zh or fr (text and full blocks)', (q) => {
    for (const lang of ['zh', 'fr'] as const) {
      const { text, blocks } = both(q, lang);
      if (lang === 'zh') expect(text).not.toContain('total');
      for (const english of ENGLISH) {
        expect(text).not.toContain(english);
        expect(blocks).not.toContain(english);
      }
    }
  });
  it('Chinese phrases of each layer', () => {
    expect(both(QUESTIONS[0]!, 'zh').text).toContain(
      '1. Linear 层乘以一个形状为 (out_features, in_features) = (128, 300) 的权重矩阵，再加上长度为 out_features 的偏置。',
    );
    expect(both(QUESTIONS[0]!, 'zh').blocks).toContain('合计: 38,400 (权重) + 128 (偏置) = *38,528*');
    const conv = both(QUESTIONS[1]!, 'zh');
    expect(conv.text).toContain('32 个滤波器各有一个 3x3 的核，覆盖全部 1 个输入通道；权重形状为 (3, 3, 1, 32)。');
    expect(conv.blocks).toContain('权重: 3 (核高) x 3 (核宽) x 1 (输入通道) x 32 (滤波器) = *288*');
    const norm = both(QUESTIONS[2]!, 'zh');
    expect(norm.text).toContain('LayerNorm 为 512 个归一化元素各学习一个缩放（weight）和一个平移（bias）。');
    expect(norm.blocks).toContain('合计: 2 (权重和偏置) x 512 (归一化大小) = *1,024*');
    const mha = both(QUESTIONS[3]!, 'zh');
    expect(mha.text).toContain('8 个头分摊这 512 列（每个 64 列），自身不增加权重。');
    expect(mha.blocks).toContain('in_proj_weight（q、k、v 堆叠）: 3 (q, k, v) x 512 (embed_dim) x 512 (embed_dim)');
  });
  it('French phrases of each layer', () => {
    const linear = both(QUESTIONS[0]!, 'fr');
    expect(linear.text).toContain('Une couche Linear multiplie par une matrice de poids de forme');
    expect(linear.blocks).toContain('total: 38,400 (poids) + 128 (biais) = *38,528*');
    const conv = both(QUESTIONS[1]!, 'fr');
    expect(conv.text).toContain('Chacun des 32 filtres a un noyau 3x3 sur les 1 canaux d');
    expect(conv.blocks).toContain('32 (biais (un par canal de sortie))');
    const norm = both(QUESTIONS[2]!, 'fr');
    expect(norm.text).toContain(
      'LayerNorm apprend une échelle (weight) et un décalage (bias) pour chacun des 512 éléments normalisés.',
    );
    expect(norm.blocks).toContain('2 (poids et biais) x 512 (taille normalisée)');
    const mha = both(QUESTIONS[3]!, 'fr');
    expect(mha.text).toContain('avec trois matrices de poids, puis une projection de sortie E x E.');
    expect(mha.blocks).toContain('786,432 (poids q/k/v)');
  });
  it('the English derivation is word for word as before', () => {
    expect(renderText(answerQuery(QUESTIONS[1]!))).toContain(
      '1. Each of the 32 filters has a 3x3 kernel over all 1 input channels; the weight has shape (3, 3, 1, 32).',
    );
    expect(renderText(answerQuery('nn.LayerNorm((4, 8), bias=False)'))).toContain(
      '1. LayerNorm learns a scale (weight) for each of the 32 normalised elements (normalized_shape (4, 8)).\n  2. bias=False: only the weight, 32.',
    );
    expect(renderText(answerQuery('nn.Linear(300, 128, bias=False)'))).toContain(
      '(out_features, in_features) = (128, 300).\n  2. weights: 300 (in_features) x 128 (out_features) = 38,400\n  3. No bias (bias=False / use_bias=False).',
    );
    expect(renderText(answerQuery('DepthwiseConv2D(3, depth_multiplier=2, input_shape=(28, 28, 8))'))).toContain(
      'A depthwise convolution gives each of the 8 input channels its own 3x3 filters (2 per channel).',
    );
    expect(renderText(answerQuery('nn.Conv2d(64, 128, 3, groups=4)'))).toContain(
      "Each of the 128 output channels has a 3x3 kernel over its group's 16 input channels (groups=4); the weight has shape (128, 16, 3, 3).",
    );
  });
  it('the norms in Chinese and French, and in English as before', () => {
    const bn = renderText(answerQuery('nn.BatchNorm2d(64)', { locale: 'zh' }));
    expect(bn).toContain('1. BatchNorm2d 为每个通道学习一个缩放（weight）和一个平移（bias）。');
    expect(bn).toContain('2. 参数: 2 (权重和偏置) x 64 (通道) = 128');
    expect(bn).toContain('缓冲区（不是参数）: 64 (running_mean) + 64 (running_var) + 1 (num_batches_tracked) = 129');
    const kbn = renderText(answerQuery('BatchNormalization(input_shape=(10, 32))', { locale: 'fr' }));
    expect(kbn).toContain('BatchNormalization garde 4 vecteurs sur les 32 canaux');
    expect(kbn).toContain('Entraînables 64, non entraînables 64.');
    expect(renderText(answerQuery('LayerNormalization(center=False, input_shape=(10, 32))'))).toContain(
      '1. LayerNormalization learns only a scale (gamma) for each of the 32 features on the normalised axis.\n  2. total: 1 (vectors) x 32 (features) = 32',
    );
  });
  it('a PyTorch transformer stack in Chinese and French, and in English as before', () => {
    const q = 'nn.TransformerEncoder(nn.TransformerEncoderLayer(512, 8), num_layers=6)';
    const zh = renderText(answerQuery(q, { locale: 'zh' }));
    expect(zh).toContain('1. TransformerEncoderLayer 由自注意力（一个 d_model=512 的 MultiheadAttention）');
    expect(zh).toContain('12. 编码器各层: 6 (层数) x 3,152,384 (每层) = 18,914,304');
    expect(zh).toContain('编码器第 2 到 4 层的张量形状与第 1 层相同，未列出。');
    const fr = renderText(answerQuery(q, { locale: 'fr' }));
    expect(fr).toContain(
      '10. LayerNorm (poids et biais chacune): 2 (normalisations) x 2 (poids, biais) x 512 (d_model) = 2,048',
    );
    const en = renderText(answerQuery(q));
    expect(en).toContain(
      '1. A TransformerEncoderLayer is self-attention (a MultiheadAttention over d_model=512), a feed-forward block 512 → 2048 → 512, and two LayerNorms.',
    );
    expect(en).toContain('Tensors of encoder layers 2 to 4 have the same shapes as layer 1 and are not listed.');
  });
  it('weightless layers, PReLU and TimeDistributed in Chinese and French, and in English as before', () => {
    expect(renderText(answerQuery('nn.PReLU(64)', { locale: 'zh' }))).toContain(
      '1. PReLU 学习每个通道一个负斜率（64 个）。',
    );
    expect(renderText(answerQuery('nn.PReLU(64)'))).toContain('1. PReLU learns one negative slope per channel (64).');
    expect(renderText(answerQuery('nn.PReLU()'))).toContain(
      '1. PReLU learns one negative slope shared by all channels.',
    );
    const td = 'TimeDistributed(Dense(10), input_shape=(5, 8))';
    expect(renderText(answerQuery(td, { locale: 'fr' }))).toContain(
      '1. TimeDistributed applique la même Dense à chaque pas de temps : les poids sont partagés, donc comptés une fois.',
    );
    expect(renderText(answerQuery(td))).toContain(
      '1. TimeDistributed applies the same Dense to every timestep: the weights are shared, so it counts once.',
    );
  });
  it('ConvLSTM2D in Chinese, and in English as before', () => {
    const q = 'ConvLSTM2D(64, 3, input_shape=(10, 32, 32, 3))';
    const zh = renderText(answerQuery(q, { locale: 'zh' }));
    expect(zh).toContain('是在拼接的 [h_{t-1}, x_t] 通道上的 3x3 卷积。');
    expect(zh).toContain('[h_{t-1}, x_t] 通道: 64 (滤波器 (h_{t-1})) + 3 (输入通道) = 67');
    expect(zh).toContain('所有门: 4 (门) x 38,656 (每个门) = 154,624');
    const en = renderText(answerQuery(q));
    expect(en).toContain(
      '1. A ConvLSTM is an LSTM whose 4 gates (input, forget, cell candidate, output) are 3x3 convolutions over the concatenated [h_{t-1}, x_t] channels instead of dense layers.',
    );
    expect(en).toContain('all gates: 4 (gates) x 38,656 (per gate) = 154,624');
  });
  it('solving for a size in Chinese and French, and in English as before', () => {
    const q = '/lstm ? 64 = 49408';
    const en = renderText(answerQuery(q));
    expect(en).toContain(
      'Solving for the input width I. Only the input weights depend on I: each input feature adds one weight to every unit of each of the 4 gates, so the count is linear in I.',
    );
    expect(en).toContain('parameters per input feature: 4 (gates) x 64 (units) = 256');
    const zh = renderText(answerQuery(q, { locale: 'zh' }));
    expect(zh).toContain('求输入宽度 I。只有输入权重取决于 I：每个输入特征给 4 个门中每个门的每个单元增加一个权重');
    expect(zh).toContain('验算: 4 x ((128 + 64) x 64 + 64) = 49,408');
    expect(zh).not.toContain('Solving for');
    const fr = JSON.stringify(
      renderBlocks(answerQuery('/lstm 4096 ? = 4457472', { locale: 'fr' }), { form: 'full' }).blocks,
    );
    expect(fr).toContain('Résolution pour les unités H.');
    expect(fr).toContain('racine positive');
    expect(fr).toContain("l'équation : 4H² + 4(I + 1)H − N = 0, ici 4H² + 16388H − 4457472 = 0");
    expect(renderText(answerQuery('/lstm 4096 ? = 4457472'))).toContain(
      'the equation: 4H² + 4(I + 1)H − N = 0, here 4H² + 16388H − 4457472 = 0',
    );
    expect(fr).not.toContain('Solving for');
  });
  it('a whole Keras model in Chinese: the weightless layers too, and in English as before', () => {
    const q = 'model = Sequential([Conv2D(32, 3, input_shape=(28, 28, 1)), MaxPooling2D(2), Flatten(), Dense(10)])';
    const zh = renderText(answerQuery(q, { locale: 'zh' }));
    expect(zh).toContain('1. MaxPooling2D 在每个 2x2 窗口上取最大值：没有权重，0 个参数。');
    expect(zh).toContain('1. Flatten 只改变形状：没有权重，0 个参数。');
    expect(zh).toContain('2. 权重: 5,408 (输入宽度) x 10 (单元数) = 54,080');
    expect(zh).not.toContain('no weights');
    const en = renderText(answerQuery(q));
    expect(en).toContain('1. MaxPooling2D takes the maximum over each 2x2 window: no weights, 0 parameters.');
    expect(en).toContain('1. Flatten only reshapes: no weights, 0 parameters.');
  });
});
