# ParamCount，简体中文。每条消息一句话；`{ $name }` 由程序填入。数字已按语言分组（4,457,472）。

## 斜杠命令的错误提示

slash-refusal = { $why }。{ $hint }用法：`/{ $cell } <输入宽度> <单元数> [选项]`，例如 `{ $example }`。
did-you-mean = 你是不是想输入 `{ $suggestion }`？
number-too-large = `{ $raw }` 太大了：{ $what ->
    [layers] 层数最多 { $max }
    [counts] 参数量最多 { $max }
   *[sizes] 尺寸最多 { $max }
  }
number-negative = `{ $raw }` 是负数：{ $what ->
    [layers] 层数是 1 到 { $max } 的整数
    [counts] 参数量是整数
   *[sizes] 尺寸是 1 到 { $max } 的整数
  }
number-fraction = `{ $raw }` 是小数：{ $what ->
    [layers] 层数是 1 到 { $max } 的整数
    [counts] 参数量是整数
   *[sizes] 尺寸是 1 到 { $max } 的整数
  }
number-scientific = `{ $raw }` 是科学计数法：请用普通数字写{ $what ->
    [layers] 层数
    [counts] 参数量
   *[sizes] 尺寸
  }，范围 1 到 { $max }
number-not-size = `{ $raw }` 不是一个尺寸：{ $what ->
    [layers] 层数是 1 到 { $max } 的整数
   *[other] 尺寸是 1 到 { $max } 的整数
  }
number-not-whole = `{ $raw }` 不是 1 到 { $max } 之间的整数
size-given-twice = { $which ->
    [input] 输入宽度
   *[units] 单元数
  }给了两次
size-at-least-one = { $which ->
    [input] 输入宽度
   *[units] 单元数
  }至少是 1（收到 { $raw }）
layers-given-twice = 层数给了两次
layers-at-least-one = 层数至少是 1（收到 { $raw }）
layers-at-most = 层数最多 { $max }（收到 { $raw }）
layers-without-number = `layers` 后面需要一个数字
proj-at-least-one = proj 至少是 1（收到 { $raw }）；没有投影就不要写它
bool-expected = `{ $key }={ $raw }` 应该是 true 或 false
option-no-value = `{ $tok }` 没有值
unknown-framework = 我不认识框架 `{ $raw }`；可选：keras、keras2（tfjs）、pytorch、cudnn、onnx、flax、tf1
unknown-language = 我不认识语言 `{ $raw }`；可选 `lang=en`、`lang=zh` 或 `lang=fr`
unknown-option = 我不认识选项 `{ $tok }`；可用的选项有 `bidirectional`（或 `bi`，双向）、`layers=N`（层数）、`no-bias`、`proj=N`、`peepholes`、`reset_after=true|false`、框架名（`keras`、`keras2`/`tfjs`、`pytorch`、`cudnn`、`onnx`、`flax`、`tf1`）、`compare`
other-layer = `{ $tok }` 是另一种层；请用 `/{ $command }`
one-size-too-many = 多了一个尺寸（`{ $raw }`）：先写输入宽度，再写单元数
sizes-missing = 缺少输入宽度和单元数
input-missing = 缺少输入宽度
units-missing = 缺少单元数（输入宽度读到的是 { $input }）
frameworks-conflict = `{ $first }` 和 `{ $second }` 是两个不同的框架，它们对这一层的计数不同；请只写一个，或加上 `compare` 同时查看
claim-not-number = 给出的总数 `{ $raw }` 不是整数
claim-negative = 给出的参数量不能是负数
two-unknowns = 只能有一个尺寸写成 `?`
unknown-needs-total = `?` 需要一个总数来求解，例如 `{ $example }`
not-a-layer = 这看起来不是一个层
lookalike-letter = `{ $raw }` 里有一个{ $script ->
    [Cyrillic] 西里尔
    [Greek] 希腊
   *[other] 拉丁
  }字母 `{ $letter }`（{ $codepoint }），它看起来像数字 { $digit }，但不是数字

## 关于如何理解问题的说明

note-timesteps = 序列长度（{ $steps }）不会改变参数量：每个时间步重复使用同一组权重。它改变的是计算量和激活值占用的内存，而不是权重。
note-batch = 批大小（{ $batch }）不会改变参数量：每个样本都使用同一组权重。它改变的是训练时的激活值和内存，而不是权重。
note-typo = `{ $raw }`：你是不是想写 `{ $word }`？已按 `{ $word }` 计算。
note-ignored = 没有用到的词：{ $words }。
note-read-as = 理解为 `{ $reading }`。
note-proj-pytorch = Keras 的 LSTM 没有投影层，因此按 PyTorch（proj_size）计算。
note-peepholes-tf1 = Keras 3 没有窥视孔（peephole）LSTM，因此按 TF1 的 LSTMCell(use_peepholes=True) 计算。

## 核对给出的参数量

claim-off-by = 相差 { $diff }
claim-off-by-why = 相差 { $why }
claim-fits-input = 相差 { $diff }；这个数对应的输入宽度是 { $fits }（而不是 { $input }）
claim-fits-units = 相差 { $diff }；这个数对应的单元数是 { $fits }（而不是 { $units }）
claim-times-steps = 相差 { $diff }；给出的数正好是 { $total } x { $steps }，即参数量乘以 { $steps } 个时间步
claim-about-times = 相差 { $diff }；给出的数约为这个参数量（{ $total }）的 { $ratio } 倍
claim-shape-swapped = 相差 { $diff }；给出的数是输入宽度为 { $steps } 时的结果：input_shape=({ $steps }, { $features }) 的两个维度似乎弄反了
claim-steps-never-count = 参数量从不取决于时间步数：每个时间步都重复使用同一组权重。随序列长度增长的数字是计算量（乘加次数）或激活值，而不是参数。
claim-shape-explained = Keras 的 input_shape 是（时间步，特征数）：输入宽度是最后一个维度；时间步数不影响参数量。

## 回复

headline = { $title }：{ $total } 个参数
headline-at-least = { $title }：至少 { $total } 个参数
lead-total = { $total } 个参数（{ $convention }）
lead-other = { $family }：{ $total }（{ $difference }）
trainable-split = 可训练 { $trainable } · 不可训练 { $nontrainable }
buffers = 缓冲区（不是参数）：{ $buffers }
not-counted = 未计入：{ $layers }
memory = 内存：float32 为 { $float32 }，float16/bfloat16 为 { $float16 }
memory-bytes = 内存：float32 为 { $float32 }（{ $bytes } 字节），float16/bfloat16 为 { $float16 }
other-frameworks = 其他框架：{ $list }
note-line = 说明：{ $note }
sorry = 抱歉：{ $message }
more-help = 输入 `{ $command } help` 查看所有选项。
title-how = 计算过程
title-per-layer = 逐层
title-picture = 这些数字的含义
title-tensors = 张量（{ $convention } 布局）
title-summary = 汇总
title-compute = { $steps } 个时间步的计算量
layers-shown = 这里给出最大的 { $count } 层的推导；表格列出了所有层。点击 *All layer derivations*（或在终端运行 `paramcount`）查看其余各层。
cut-to-fit = （为符合 Slack 的限制已截断：在终端运行 `paramcount` 查看完整回答。）
all-derived = 回答中已经推导了每一层。
derivations-range = { $title }：第 { $from } 到 { $to } 层的推导
identical-layers = { $first } … { $last }：{ $count } 个相同的层，推导如下
button-share = 分享到频道
button-compare = 比较各框架
button-more = 更多
button-details = 所有层的推导
shared-footer = 来自 ParamCount：输入 `{ $query }` 查看推导。

## 简短推导

gate-input = 输入门
gate-forget = 遗忘门
gate-cell-candidate = 候选记忆
gate-output = 输出门
gate-reset = 重置门
gate-update = 更新门
gate-candidate = 候选状态
gate-hidden = 隐藏状态
short-gates = { $gates ->
    [1] 1 个单元（{ $names }）：一个作用于 [h, x] 的层
   *[other] { $gates } 个门（{ $names }）：每个门都是作用于 [h, x] 的一层
  }
short-concat = [{ $label } | x_t] 宽度：{ $recurrent } + { $input } = { $concat }
short-weights = 每个门的权重：{ $concat } x { $units } = { $weights }
short-bias = 每个门的偏置：{ $vectors ->
    [0] 无，所以每个门 { $gate }
    [1] { $units }，所以每个门 { $weights } + { $units } = { $gate }
   *[other] { $vectors } x { $units } = { $bias }，所以每个门 { $weights } + { $bias } = { $gate }
  }
short-extra = {" "}+ { $label } { $params }
short-per-direction = 每个方向：{ $gates } x { $gate }{ $extras } = { $total }
short-total-single = 总计：{ $gates } x { $gate }{ $extras } = { $total }
short-total = 总计：{ $total }
short-more-bias = cuDNN / PyTorch 每个门多一个偏置（b_ih 和 b_hh）：+{ $difference } = { $total }
short-fewer-bias = Keras 每个门只有一个偏置，而 cuDNN / PyTorch 有两个：−{ $difference } = { $total }
stack-run = { $count ->
    [1] 第 { $first } 层：输入 { $input }：{ $directions ->
        [2] 2 x { $perDirection } = { $params }
       *[other] { $params }
      }
   *[other] 第 { $first }–{ $last } 层：输入 { $input }：每层 { $params }
  }
layer-line = { $name }（{ $type }）：{ $params }
layer-run = { $first } … { $last }（{ $type }）：{ $count } x { $params }
compute-formula = 乘加次数 = T x 门数 x H x (I + H) = { $steps } x { $gates } x { $units } x ({ $input } + { $recurrent })
compute-macs = 每个时间步 { $perStep } 次乘加，{ $steps } 个时间步共 { $perSequence } 次
compute-elementwise = 另外每个时间步有 { $products } 次逐元素乘法和 { $activations } 次激活（σ、tanh）

## 结论

solved-title = 求解：{ $what ->
    [input] 输入宽度
   *[units] 单元数
  } = { $value }
claim-holds = { $stated } 符合 { $conventions } 的计数
claim-matches-none = { $stated } 与任何框架对这一层的计数都不符
claim-row = 不是 { $convention }（{ $total }）：{ $why }
verify-title = 摘要核对：{ $agrees } 行一致，{ $disagrees } 行不一致，{ $unknown } 行未重建
verify-rows = 逐行说明
compare-title = 各框架对比
list-and = { $head } 和 { $last }

## 帮助

help-title = { $params ->
    [yes] ParamCount：解释一个层或模型的参数量
   *[other] { $command }：解释 { $cell } 的参数量
  }
help-usage = `{ $command } <输入宽度> <单元数> [选项]`：例如 `{ $command } 4096 256`、`{ $command } 4096, 256`、`{ $command } input=4096 units=256`，也可以直接提问：`一个输入4096、256个单元的LSTM有多少参数？`
help-promise = 我会给出总数和简短推导；点击 *更多* 查看每一步、各个张量以及其他框架的计数方式。
help-options = 选项
help-bidirectional = `bidirectional`（或 `bi`、双向）：两个方向，分别计数
help-layers = `layers=N`（或 `N层`）：堆叠的层；第一层之上的每一层读取下一层的输出
help-no-bias = `no-bias`（或 `bias=false`）：没有偏置
help-proj = `proj=N`：LSTM 投影（PyTorch 的 proj_size，TF1 的 num_proj）
help-peepholes = `peepholes`：LSTM 窥视孔权重（ONNX、TF1）
help-reset-after = `reset_after=true|false`：Keras GRU 的变体
help-compare = `compare`：各框架并排对比
help-framework = 框架：`keras`（默认）、`keras2`/`tfjs`、`pytorch`、`cudnn`、`onnx`、`flax`、`tf1`（或 `framework=名称`）
help-lang = `lang=en|zh|fr`：回复的语言（默认用你的 Slack 语言或提问的语言）
help-more = 更多
help-paste = `/params nn.LSTM(300, 512, num_layers=2, bidirectional=True)`：粘贴 PyTorch、Keras 或 Flax 代码
help-transformer = `/params meta-llama/Meta-Llama-3-8B`（Hub 模型）、粘贴的 config.json，或 `/transformer help`：逐块计算 Transformer
help-claim = `= N` 核对你已有的参数量；`?` 求解一个尺寸：`{ $command } ? 64 = 49408`
help-sequence = 序列长度和批大小从不改变参数量；给出 `timesteps=N`，我会补充每个时间步和整个序列的计算量（乘加次数）。
help-fallback = ParamCount 用法：/lstm 4096 256

## App 主页

home-intro = 神经网络各层的精确参数量，逐步解释，并说明 Keras 与 cuDNN/PyTorch 计数方式的差别。斜杠命令的回答只有你能看到，直到你点击 *分享到频道*。
home-try = *试试这些*（复制到任意输入框）
home-keras = *一个完整的 Keras 模型*
home-mention = 也可以把 model.summary() 粘贴到讨论串中并在同一条消息里提及 @ParamCount；在私信里直接粘贴即可。任何消息上都可以使用消息菜单中的快捷方式“Explain parameter counts”。
home-lstm = LSTM，输入 4,096 → 256 个单元：Keras 中 4,457,472，cuDNN/PyTorch 中 4,458,496（两个偏置向量）
home-gru = 按 PyTorch 方式计数的 GRU
home-bi = 两个方向，分别计数后相加
home-stack = 两层堆叠，逐层计算
home-paste = 粘贴 PyTorch 层代码
home-transformer = 逐块计算 Transformer（Llama-3-8B 的结构：8,030,261,248），或粘贴 config.json
home-solve = 求解未知的尺寸
home-check = 核对你已有的参数量
home-plain = 直接用中文提问

## 标题

title-cell = { $cell } { $input } → { $units }
title-bidirectional = 双向
title-layers = { $layers } 层
title-proj = 投影 { $proj }
title-peepholes = 窥视孔
title-no-bias = 无偏置
title-reset-after = reset_after={ $value }

## Budgets

details-left = 还有 { $left } 层没有在这里推导（我最多发送 { $most } 条消息）。在终端用同样的代码运行 `paramcount --json` 可以看到每一层。
text-left = （省略了另外 { $left } 层的推导：这个回答已超过 { $most } 个字符。上面的表格列出了每一层；`paramcount --json` 有每一层的推导。）
title-model = 含 { $layers } 层的模型

## 引擎的说明句

sentence-cell-gates = { $cell } 单元有 { $gates } 个门（{ $names }），每个门都是作用于拼接后的 [h_{"{"}t-1{"}"}, x_t] 的一个全连接层。
sentence-cell-one-layer = { $cell } 单元就是一个全连接层：h_t = tanh(W·[h_{"{"}t-1{"}"}, x_t] + b)。
sentence-recurrent-no-bias = 无偏置：bias=False / use_bias=False 去掉了所有偏置向量。
sentence-bidirectional-counts-twice = 双向：另一个独立的单元副本反向读取序列，所以每一层计数两次。
sentence-stacked = 堆叠：第 0 层读取输入（宽 { $input }）；第 1 层及以上读取下一层的输出，宽 { $upper }{ $bidirectional ->
    [yes] （两个方向拼接）。
   *[no] 。
  }
sentence-counts-the-same = { $convention } 的计数相同
sentence-two-bias-vectors = { $mine ->
    [0] 有偏置时，cuDNN 和 PyTorch 每个门有两个偏置向量（b_ih 和 b_hh）
   *[other] cuDNN 和 PyTorch 有两个偏置向量（b_ih 和 b_hh），每个门多一个
  }
sentence-keras-one-bias-vector = Keras 每个门只有一个偏置向量，而 cuDNN 和 PyTorch 有两个（b_ih 和 b_hh）
sentence-laid-out-differently = { $convention } 对单元的布局不同
sentence-layers-not-listed = { $same ->
    [yes] 第 { $from } 层的张量形状与第 1 层相同，未列出。
   *[no] 第 { $from } 到 { $to } 层的张量形状与第 1 层相同，未列出。
  }
sentence-merge-mode-none = merge_mode=None 把两个方向作为两个独立的输出返回。
sentence-merge-mode = merge_mode='{ $mode }' 逐元素合并两个方向，所以输出宽 { $units }（concat 会是 { $concat }）；权重不变。

## The worker pool stopped an answer (src/work/pool.ts)
stopped-split = 请拆开来问：一次问一层（例如 `/lstm 4096 256`），或只粘贴模型的一小部分（少几层、少些重复）。
stopped-too-slow = 这需要的计算量超过了我为一个回答设定的上限（{ $seconds } 秒），所以我停下了。
stopped-out-of-memory = 这需要的内存超过了我为一个回答设定的上限（{ $megabytes } MB），所以我停下了。
stopped-failed = 抱歉，计算时出了问题。请再试一次，或换个小一点的例子，比如 `/lstm 4096 256`。

## The layer counters' typed sentences and step labels (src/engine/layers, render/sentences.ts)
sentence-no-bias = 没有偏置（bias=False / use_bias=False）。
sentence-dense-linear = Linear 层乘以一个形状为 (out_features, in_features) = ({ $units }, { $input }) 的权重矩阵{ $bias ->
    [yes] ，再加上长度为 out_features 的偏置。
   *[no] 。
  }
sentence-dense-keras = Dense 层把最后一个轴乘以形状为 (input, units) = ({ $input }, { $units }) 的核{ $bias ->
    [yes] ，再加上长度为 units 的偏置。
   *[no] 。
  }
sentence-embedding-table = 嵌入层是一张查找表：{ $vocab } 个词元各有一个长度为 { $dim } 的可学习向量，没有偏置。
sentence-embedding-padding = padding_idx 不增加参数：那一行仍在表中（只是梯度被置零），所以照样计入。
sentence-conv-depthwise = 深度卷积给 { $input } 个输入通道各配一个自己的 { $kernel } 滤波器{ $multiplier-n ->
    [1] 。
   *[other] （每个通道 { $multiplier } 个）。
  }
sentence-conv-separable = 可分离卷积是每个输入通道一个 { $kernel } 深度滤波器，再接一个到 { $filters } 个滤波器的 1x1 逐点卷积。
sentence-conv-weight = { $filters } 个{ $torch ->
    [yes] 输出通道
   *[no] 滤波器
  }各有一个 { $kernel } 的核，覆盖{ $groups-n ->
    [1] 全部 { $input } 个输入通道
   *[other] 本组的 { $groupWidth } 个{ $transpose ->
        [yes] 输出
       *[no] 输入
      }通道（groups={ $groups }）
  }；权重形状为 { $shape }。
sentence-layernorm-no-affine = elementwise_affine=False：LayerNorm 只做归一化，没有可学习的权重或偏置，所以参数为 0。
sentence-layernorm-learns = LayerNorm 为 { $size } 个归一化元素{ $shape ->
    [none] {""}
   *[other] （normalized_shape { $shape }）
  }各学习一个缩放（weight）{ $bias ->
    [yes] 和一个平移（bias）。
   *[no] 。
  }
sentence-layernorm-weight-only = bias=False：只有权重，{ $size }。
sentence-torch-mha = MultiheadAttention 用三个权重矩阵把 query、key 和 value 投影到 embed_dim（{ $embed }），再接一个 E x E 的输出投影。{ $heads } 个头分摊这 { $embed } 列（每个 { $perHead } 列），自身不增加权重。
sentence-torch-mha-no-bias = bias=False 去掉 in_proj_bias 和 out_proj.bias。
sentence-keras-mha = Keras MultiHeadAttention 给 { $heads } 个头各配自己的 query/key 投影（key_dim={ $keyDim }）和 value 投影（value_dim={ $valueDim }），再把拼接后的各头投影回 { $output }。
label-weights = 权重
label-bias = 偏置
label-total = 合计
label-in-one-line = 一行算式
label-input-width = 输入宽度
label-units = 单元数
label-table = 查找表
label-input-dim-vocabulary = input_dim（词表）
label-kernel = 核
label-kernel-h = 核高
label-kernel-w = 核宽
label-kernel-d = 核深
label-input-channels = 输入通道
label-depth-multiplier = 深度乘数
label-depthwise-kernel = 深度卷积核
label-pointwise-kernel = 逐点卷积核
label-channels = 通道
label-filters = 滤波器
label-in-channels = 输入通道
label-out-channels = 输出通道
label-in-channels-groups = 输入通道 / 组数
label-out-channels-groups = 输出通道 / 组数
label-bias-one-per-output-channel = 偏置（每个输出通道一个）
label-weight-and-bias = 权重和偏置
label-normalized-size = 归一化大小
label-in-proj-weight-q-k-v-stacked = in_proj_weight（q、k、v 堆叠）
label-q-k-v-weights = q/k/v 权重
label-q-k-v-projections-kdim-vdim-differ-so-three-separate-matrices = q/k/v 投影（kdim/vdim 不同，所以是三个独立矩阵）
sentence-torch-batchnorm-affine = { $type } 为每个通道学习一个缩放（weight）和一个平移（bias）。
sentence-torch-batchnorm-no-affine = affine=False：{ $type } 不学习权重或偏置，所以参数为 0。
sentence-torch-batchnorm-buffers = running_mean、running_var 和 num_batches_tracked 是缓冲区而不是参数：它们保存在 state_dict 中但不在 parameters() 中，所以这 { $buffers } 个元素单独报告。
sentence-groupnorm-affine = GroupNorm 为每个通道学习一个缩放和一个平移（分组只决定在哪些通道上求平均）。
sentence-groupnorm-no-affine = affine=False：GroupNorm 参数为 0。
sentence-keras-batchnorm = BatchNormalization 在 { $channels } 个通道上保存 4 个向量：gamma（缩放）和 beta（平移）参与训练；moving_mean 和 moving_variance 通过滑动平均而不是梯度更新，所以 Keras 把它们算作不可训练参数。
sentence-keras-batchnorm-split = 可训练 { $trainable }，不可训练 { $frozen }。
sentence-keras-layernorm = { $type } 在归一化轴的 { $features } 个特征上各学习{ $learns ->
    [both] 一个缩放（gamma）和一个平移（beta）
    [scale] 仅一个缩放（gamma）
    [shift] 仅一个平移（beta）
   *[nothing] 零个参数
  }。
sentence-frozen = trainable=False：这一层的所有权重都算作不可训练。
label-parameters = 参数
label-buffers-not-parameters = 缓冲区（不是参数）
label-gamma-and-beta = gamma 和 beta
label-vectors = 向量
label-features = 特征
sentence-transformer-layer = { $decoder ->
    [yes] TransformerDecoderLayer 由自注意力、交叉注意力（各是一个 d_model={ $model } 的 MultiheadAttention）、一个 { $model } → { $ff } → { $model } 的前馈块和三个 LayerNorm 组成。
   *[no] TransformerEncoderLayer 由自注意力（一个 d_model={ $model } 的 MultiheadAttention）、一个 { $model } → { $ff } → { $model } 的前馈块和两个 LayerNorm 组成。
  }
sentence-transformer-layers-not-listed = { $part ->
    [encoder] 编码器
   *[decoder] 解码器
  }第 2 到 { $to } 层的张量形状与第 1 层相同，未列出。
label-self-attn-in-proj-weight-q-k-v-stacked = self_attn.in_proj_weight（q、k、v 堆叠）
label-multihead-attn-in-proj-weight-q-k-v-stacked = multihead_attn.in_proj_weight（q、k、v 堆叠）
label-layernorms-weight-and-bias-each = LayerNorm（各有权重和偏置）
label-layernorms-weight-only-bias-false = LayerNorm（只有权重：bias=False）
label-norms = 归一化层数
label-weight-bias = 权重、偏置
label-layers = 层数
label-per-layer = 每层
label-encoder-layers = 编码器各层
label-decoder-layers = 解码器各层
label-encoder-norm = 编码器归一化
label-decoder-norm = 解码器归一化
label-encoder-final-norm = 编码器最后的归一化
label-decoder-final-norm = 解码器最后的归一化
sentence-no-weights = { $type } 没有权重：它只变换输入，所以增加 0 个参数。
sentence-parameter-tensor = 注册在模型上的形状为 { $shape } 的参数张量：每个元素都是一个参数。
sentence-parameter-frozen = requires_grad=False：算作不可训练。
sentence-prelu-per-channel = PReLU 学习{ $count-n ->
    [1] 一个所有通道共享的负斜率。
   *[other] 每个通道一个负斜率（{ $count } 个）。
  }
sentence-prelu-per-element = PReLU 为每个输入元素学习一个负斜率{ $sharedAxes ->
    [none] {""}
   *[other] （沿轴 { $sharedAxes } 共享）
  }：alpha 的形状为 { $shape }。
sentence-time-distributed = TimeDistributed 在每个时间步应用同一个 { $type }：权重共享，所以只计一次。
sentence-convlstm = ConvLSTM 是一种 LSTM，它的 4 个门（输入门、遗忘门、候选记忆、输出门）不是全连接层，而是在拼接的 [h_{"{"}t-1{"}"}, x_t] 通道上的 { $kernel } 卷积。
label-h-t-1-x-t-channels = [h_{"{"}t-1{"}"}, x_t] 通道
label-filters-h-t-1 = 滤波器 (h_{"{"}t-1{"}"})
label-weights-per-gate = 每个门的权重
label-per-gate = 每个门
label-all-gates = 所有门
label-gates = 门

formula-intro = 代码中没有构建 `{ $class }` 的语句，且 { $names } 没有默认值。以它们表示的参数量公式：
formula-layer = { $name }（{ $type }）：{ $formula }
formula-more = …… 另有 { $count } 层（JSON 中列出全部）
formula-total = 合计：{ $formula }
formula-line = 要得到具体数字，请加上构建它的一行，例如 `{ $line }`，填入你的数值。
formula-refused-layers = 代码中没有构建 `{ $class }` 的语句，且 { $names } 没有默认值。无法给出公式：{ $culprits } 决定了有哪些层（循环、`if` 或列表长度），所以需要具体数值。
formula-refused-not-polynomial = 代码中没有构建 `{ $class }` 的语句，且 { $names } 没有默认值。无法给出公式：参数量不是 { $culprits } 的多项式（用于除法、幂或条件），所以需要具体数值。
formula-refused-too-many = 代码中没有构建 `{ $class }` 的语句，且 { $names } 没有默认值：给出公式的工作量太大（最多 { $variables } 个未知尺寸，每个次数最多 3，共 { $builds } 次读取、{ $steps } 步、{ $layers } 层），所以需要具体数值。

## Solving a recurrent layer for its unknown size (src/engine/solve.ts)
sentence-solve-input = 求输入宽度 I。只有输入权重取决于 I：每个输入特征给{ $gates ->
    [1] 单元
   *[other] {" "}{ $gates } 个门中每个门
  }的每个单元{ $bidirectional ->
    [yes] （两个方向都）
   *[no] {""}
  }增加一个权重，所以参数量是 I 的线性函数。
sentence-solve-units-quadratic = 求单元数 H。循环权重随 H² 增长，输入权重和偏置随 H 增长，所以参数量是 H 的二次式，只有一个正根。
sentence-solve-units-projection = 求单元数 H。有投影时循环宽度是 P 而不是 H，所以参数量是 H 的线性函数。
sentence-solve-units-search = 通过精确搜索求单元数 H：每增加一个单元参数量都会增长。
label-directions = 方向数
label-parameters-per-input-feature = 每个输入特征的参数
label-rearranged = 移项
label-everything-else-the-count-at-i-0 = 其余部分（I = 0 时的参数量）
label-discriminant = 判别式
label-its-square-root = 它的平方根
label-positive-root = 正根
label-parameters-per-unit-the-count-at-h-1 = 每个单元的参数（H = 1 时的参数量）
label-check = 验算
sentence-reshape-only = Reshape 只重新排列：没有权重，0 个参数。
sentence-flatten-only = Flatten 只改变形状：没有权重，0 个参数。
sentence-repeat-vector-only = RepeatVector 把输入复制 n 次：没有权重，0 个参数。
sentence-lambda-only = Lambda 对输入运行一个函数：没有权重，0 个参数。
sentence-global-pool-only = { $type } 把每个通道归约为一个数：没有权重，0 个参数。
sentence-pool-only = { $type } 在每个 { $window } 窗口上取{ $op ->
    [max] 最大值
   *[average] 平均值
  }：没有权重，0 个参数。
sentence-solve-equation = 方程：{ $symbolic }，代入数值为 { $numeric }
