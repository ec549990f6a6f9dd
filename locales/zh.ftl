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

formula-intro = 代码中没有构建 `{ $class }` 的语句，且 { $names } 没有默认值。以它们表示的参数量公式：
formula-layer = { $name }（{ $type }）：{ $formula }
formula-more = …… 另有 { $count } 层（JSON 中列出全部）
formula-total = 合计：{ $formula }
formula-line = 要得到具体数字，请加上构建它的一行，例如 `{ $line }`，填入你的数值。
formula-refused-layers = 代码中没有构建 `{ $class }` 的语句，且 { $names } 没有默认值。无法给出公式：{ $culprits } 决定了有哪些层（循环、`if` 或列表长度），所以需要具体数值。
formula-refused-not-polynomial = 代码中没有构建 `{ $class }` 的语句，且 { $names } 没有默认值。无法给出公式：参数量不是 { $culprits } 的多项式（用于除法、幂或条件），所以需要具体数值。
formula-refused-too-many = 代码中没有构建 `{ $class }` 的语句，且 { $names } 没有默认值：给出公式的工作量太大（最多 { $variables } 个未知尺寸，每个次数最多 3，共 { $builds } 次读取、{ $steps } 步、{ $layers } 层），所以需要具体数值。
