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
