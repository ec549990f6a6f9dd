# ParamCount, English. One message per sentence; `{ $name }` is filled in by the code.
# Counts arrive already grouped for the language (4,457,472); `$name-n` is the same count as a plain
# number, for plural choices.

## Refusals of slash shorthand

slash-refusal = { $why }. { $hint }Expected `/{ $cell } <input> <units> [options]`, e.g. `{ $example }`.
did-you-mean = Did you mean `{ $suggestion }`?
number-too-large = `{ $raw }` is too large: { $what ->
    [layers] layers go up to { $max }
    [counts] counts go up to { $max }
   *[sizes] sizes go up to { $max }
  }
number-negative = `{ $raw }` is negative: { $what ->
    [layers] layers are whole numbers from 1 to { $max }
    [counts] counts are whole numbers
   *[sizes] sizes are whole numbers from 1 to { $max }
  }
number-fraction = `{ $raw }` is a fraction: { $what ->
    [layers] layers are whole numbers from 1 to { $max }
    [counts] counts are whole numbers
   *[sizes] sizes are whole numbers from 1 to { $max }
  }
number-scientific = `{ $raw }` is in scientific notation: write { $what ->
    [layers] layers
    [counts] counts
   *[sizes] sizes
  } as plain digits, from 1 to { $max }
number-not-size = `{ $raw }` is not a size: { $what ->
    [layers] layers are whole numbers from 1 to { $max }
   *[other] sizes are whole numbers from 1 to { $max }
  }
number-not-whole = `{ $raw }` is not a whole number from 1 to { $max }
size-given-twice = the { $which ->
    [input] input width
   *[units] units
  } is given twice
size-at-least-one = the { $which ->
    [input] input width
   *[units] units
  } must be at least 1 (got { $raw })
layers-given-twice = the number of layers is given twice
layers-at-least-one = layers must be at least 1 (got { $raw })
layers-at-most = layers goes up to { $max } (got { $raw })
layers-without-number = `layers` needs a number
proj-at-least-one = proj must be at least 1 (got { $raw }); leave it out for no projection
bool-expected = `{ $key }={ $raw }` should be true or false
option-no-value = `{ $tok }` has no value
unknown-framework = I don't know the framework `{ $raw }`; pick one of keras, keras2 (tfjs), pytorch, cudnn, onnx, flax, tf1
unknown-language = I don't know the language `{ $raw }`; replies come in `lang=en`, `lang=zh` or `lang=fr`
unknown-option = I don't know the option `{ $tok }`; options are `bidirectional` (or `bi`), `layers=N`, `no-bias`, `proj=N`, `peepholes`, `reset_after=true|false`, a framework (`keras`, `keras2`/`tfjs`, `pytorch`, `cudnn`, `onnx`, `flax`, `tf1`), `compare`
other-layer = `{ $tok }` names another layer; use `/{ $command }` for it
one-size-too-many = there is one size too many (`{ $raw }`): give the input width, then the units
sizes-missing = the input width and the units are missing
input-missing = the input width is missing
units-missing = the units are missing (I read the input width { $input })
frameworks-conflict = `{ $first }` and `{ $second }` name two different frameworks, and they count this layer differently; name one, or add `compare` to see both
claim-not-number = the stated total `{ $raw }` is not a whole number of parameters
claim-negative = the stated count cannot be negative
two-unknowns = only one size can be `?`
unknown-needs-total = a `?` needs a total to solve for, e.g. `{ $example }`
not-a-layer = that did not read as a layer
lookalike-letter = `{ $raw }` has the { $script } letter `{ $letter }` ({ $codepoint }) in it, which looks like the digit { $digit } but is not one

## Notes on how a question was read

note-timesteps = Sequence length ({ $steps }) never changes the parameter count: the same weights are reused at every time step. It changes the compute and the activation memory, not the weights.
note-batch = Batch size ({ $batch }) never changes the parameter count: the same weights are reused for every example. It changes activations and memory during training, not the weights.
note-typo = `{ $raw }`: did you mean `{ $word }`? Counted as `{ $word }`.
note-ignored = Words I did not use: { $words }.
note-read-as = Read as `{ $reading }`.
note-proj-pytorch = Keras has no LSTM projection, so this is counted as PyTorch (proj_size).
note-peepholes-tf1 = Keras 3 has no peephole LSTM, so this is counted as TF1's LSTMCell(use_peepholes=True).

## Checking a stated count

claim-off-by = off by { $diff }
claim-off-by-why = off by { $why }
claim-fits-input = off by { $diff }; the stated count fits an input width of { $fits } (not { $input })
claim-fits-units = off by { $diff }; the stated count fits { $fits } units (not { $units })
claim-times-steps = off by { $diff }; the stated count is exactly { $total } x { $steps }, this count times { $steps } time steps
claim-about-times = off by { $diff }; the stated count is about { $ratio } x this count ({ $total })
claim-shape-swapped = off by { $diff }; the stated count is what an input width of { $steps } gives: the two dimensions of input_shape=({ $steps }, { $features }) look swapped
claim-steps-never-count = A parameter count never depends on the number of time steps: the same weights are reused at every step. A figure that grows with the sequence length is compute (multiply-accumulates) or activations, not parameters.
claim-shape-explained = Keras's input_shape is (time steps, features): the input width is the last dimension; the time steps do not change the count.

## The reply

headline = { $title }: { $total } parameters
headline-at-least = { $title }: at least { $total } parameters
lead-total = { $total } parameters ({ $convention })
lead-other = { $family }: { $total } ({ $difference })
trainable-split = Trainable { $trainable } · non-trainable { $nontrainable }
buffers = Buffers (not parameters): { $buffers }
not-counted = Not counted: { $layers }
memory = Memory: { $float32 } in float32, { $float16 } in float16/bfloat16
memory-bytes = Memory: { $float32 } in float32 ({ $bytes } bytes), { $float16 } in float16/bfloat16
other-frameworks = Other frameworks: { $list }
note-line = Note: { $note }
sorry = Sorry: { $message }
more-help = Type `{ $command } help` for every option.
title-how = How it adds up
title-per-layer = Per layer
title-picture = What the numbers mean
title-tensors = Tensors ({ $convention } layout)
title-summary = Summary
title-compute = Compute over { $steps } time steps
layers-shown = Derivations shown for the { $count } largest layers; the table has every layer. Press *All layer derivations* (or run `paramcount` in a terminal) for the rest.
cut-to-fit = (Cut to fit Slack: run `paramcount` in a terminal for the whole answer.)
all-derived = Every layer is already derived in the answer.
derivations-range = { $title }: derivations { $from } to { $to }
identical-layers = { $first } … { $last }: { $count } identical layers, each derived as below
button-share = Share in channel
button-compare = Compare frameworks
button-more = More
button-details = All layer derivations
shared-footer = Shared from ParamCount: try `{ $query }` for the derivation.

## The short derivation

gate-input = input
gate-forget = forget
gate-cell-candidate = cell candidate
gate-output = output
gate-reset = reset
gate-update = update
gate-candidate = candidate
gate-hidden = hidden
short-gates = { $gates ->
    [1] 1 cell ({ $names }): one layer over [h, x]
   *[other] { $gates } gates ({ $names }): each a layer over [h, x]
  }
short-concat = [{ $label } | x_t] width: { $recurrent } + { $input } = { $concat }
short-weights = weights per gate: { $concat } x { $units } = { $weights }
short-bias = bias per gate: { $vectors ->
    [0] none, so { $gate } per gate
    [1] { $units }, so { $weights } + { $units } = { $gate } per gate
   *[other] { $vectors } x { $units } = { $bias }, so { $weights } + { $bias } = { $gate } per gate
  }
short-extra = {" "}+ { $label } { $params }
short-per-direction = per direction: { $gates } x { $gate }{ $extras } = { $total }
short-total-single = total: { $gates } x { $gate }{ $extras } = { $total }
short-total = total: { $total }
short-more-bias = cuDNN / PyTorch keep a second bias per gate (b_ih and b_hh): +{ $difference } = { $total }
short-fewer-bias = Keras keeps one bias per gate where cuDNN / PyTorch keep two: −{ $difference } = { $total }
stack-run = { $count ->
    [1] layer { $first }: input { $input }: { $directions ->
        [2] 2 x { $perDirection } = { $params }
       *[other] { $params }
      }
   *[other] layers { $first }–{ $last }: input { $input }: { $params } each
  }
layer-line = { $name } ({ $type }): { $params }
layer-run = { $first } … { $last } ({ $type }): { $count } x { $params }
compute-formula = MACs = T x gates x H x (I + H) = { $steps } x { $gates } x { $units } x ({ $input } + { $recurrent })
compute-macs = { $perStep } multiply-accumulates per time step, { $perSequence } over { $steps } steps
compute-elementwise = plus, per step, { $products } elementwise products and { $activations } activations (σ, tanh)

## Findings

solved-title = Solved: { $what ->
    [input] input width
   *[units] units
  } = { $value }
claim-holds = { $stated } holds for { $conventions }
claim-matches-none = { $stated } does not match any framework's count of this layer
claim-row = not { $convention } ({ $total }): { $why }
verify-title = Summary check: { $agrees } rows agree, { $disagrees } disagree, { $unknown } not rebuilt
verify-rows = Row by row
compare-title = Every framework side by side
list-and = { $head } and { $last }

## Help

help-title = { $params ->
    [yes] ParamCount: explain a layer or model's parameter count
   *[other] { $command }: explain { $cell ->
        [LSTM] an LSTM
        [RNN] an RNN
       *[other] a { $cell }
      }'s parameter count
  }
help-usage = `{ $command } <input> <units> [options]`: e.g. `{ $command } 4096 256`, `{ $command } 4096, 256`, `{ $command } input=4096 units=256`, or in plain words: `{ $command } input 300 hidden 128 2 layers`.
help-promise = I answer with the total and a short derivation; press *More* for every step, the tensors and how other frameworks count it.
help-options = Options
help-bidirectional = `bidirectional` (or `bi`): two directions, each counted
help-layers = `layers=N` (or `N layers`): stacked layers; layers above the first read the one below
help-no-bias = `no-bias` (or `bias=false`): no bias vectors at all
help-proj = `proj=N`: LSTM projection (PyTorch proj_size, TF1 num_proj)
help-peepholes = `peepholes`: LSTM peephole weights (ONNX, TF1)
help-reset-after = `reset_after=true|false`: Keras GRU variant
help-compare = `compare`: every framework side by side
help-framework = a framework: `keras` (default), `keras2`/`tfjs`, `pytorch`, `cudnn`, `onnx`, `flax`, `tf1` (or `framework=NAME`)
help-lang = `lang=en|zh|fr`: the reply's language (else your Slack language, or the question's)
help-more = More
help-paste = `/params nn.LSTM(300, 512, num_layers=2, bidirectional=True)`: paste PyTorch, Keras or Flax code
help-transformer = `/params meta-llama/Meta-Llama-3-8B` (a Hub model), a pasted config.json, or `/transformer help`: a transformer, block by block
help-claim = `= N` checks a count you have; `?` solves for a size: `{ $command } ? 64 = 49408`
help-sequence = Sequence length and batch size never change a parameter count; give `timesteps=N` and I add the compute (MACs) per step and per sequence.
help-fallback = How to use ParamCount: /lstm 4096 256

## App Home

home-intro = Exact parameter counts for neural-network layers, explained step by step, with the differences between Keras and cuDNN/PyTorch conventions. Answers to slash commands are visible only to you until you press *Share in channel*.
home-try = *Try these* (copy one into any message box)
home-keras = *A whole Keras model*
home-mention = Or paste a model.summary() into a thread and mention @ParamCount in the same message. In a direct message, just paste it. On any message, use the shortcut "Explain parameter counts" from the message menu.
home-lstm = LSTM, 4,096 inputs → 256 units: 4,457,472 in Keras, 4,458,496 in cuDNN/PyTorch (two bias vectors)
home-gru = GRU in PyTorch conventions
home-bi = both directions, counted and added
home-stack = a 2-layer stack, layer by layer
home-paste = paste PyTorch layer code
home-transformer = a transformer block by block (Llama-3-8B's shape: 8,030,261,248), or paste a config.json
home-solve = solve for the unknown size
home-check = check a count you already have
home-plain = a question in plain words

## Titles

title-cell = { $cell } { $input } → { $units }
title-bidirectional = bidirectional
title-layers = { $layers } layers
title-proj = proj { $proj }
title-peepholes = peepholes
title-no-bias = no bias
title-reset-after = reset_after={ $value }

## Budgets

details-left = { $left } more layers are not derived here (I post at most { $most } messages). Run `paramcount --json` with the same code in a terminal for every layer.
text-left = ({ $left } more layer derivations left out: this answer is past { $most } characters. The table above has every layer; `paramcount --json` has every derivation.)
title-model = Model with { $layers } layers

## The engine's typed sentences

sentence-cell-gates = { $article } { $cell } cell has { $gates } gates ({ $names }), each its own dense layer over the concatenated [h_{"{"}t-1{"}"}, x_t].
sentence-cell-one-layer = { $article } { $cell } cell is one dense layer: h_t = tanh(W·[h_{"{"}t-1{"}"}, x_t] + b).
sentence-recurrent-no-bias = No bias: bias=False / use_bias=False removes every bias vector.
sentence-bidirectional-counts-twice = Bidirectional: a second, independent copy of the cell reads the sequence backwards, so each layer counts twice.
sentence-stacked = Stacked: layer 0 reads the input ({ $input } wide); layers 1 and up read the layer below's output, { $upper } wide{ $bidirectional ->
    [yes] {" "}(both directions concatenated).
   *[no] .
  }
sentence-counts-the-same = { $convention } counts the same
sentence-two-bias-vectors = { $mine ->
    [0] cuDNN and PyTorch with bias keep two bias vectors per gate (b_ih and b_hh)
   *[other] cuDNN and PyTorch keep two bias vectors (b_ih and b_hh), one more per gate
  }
sentence-keras-one-bias-vector = Keras keeps one bias vector per gate where cuDNN and PyTorch keep two (b_ih and b_hh)
sentence-laid-out-differently = { $convention } lays the cell out differently
sentence-layers-not-listed = { $same ->
    [yes] Layer { $from } has the same tensor shapes as layer 1 and is not listed.
   *[no] Layers { $from } to { $to } have the same tensor shapes as layer 1 and are not listed.
  }
sentence-merge-mode-none = merge_mode=None returns the two directions as separate outputs.
sentence-merge-mode = merge_mode='{ $mode }' combines the two directions element by element, so the output is { $units } wide (concat would give { $concat }); the weights are the same.

## The worker pool stopped an answer (src/work/pool.ts)
stopped-split = Split it: ask about one layer at a time (e.g. `/lstm 4096 256`), or paste a smaller part of the model (a few layers, fewer repeats).
stopped-too-slow = That needs more work than I allow for one answer (limit { $seconds } s), so I stopped.
stopped-out-of-memory = That needs more memory than I allow for one answer (limit { $megabytes } MB), so I stopped.
stopped-failed = Sorry, something went wrong while counting that. Try again, or try a smaller example such as `/lstm 4096 256`.

## The layer counters' typed sentences and step labels (src/engine/layers, render/sentences.ts)
sentence-no-bias = No bias (bias=False / use_bias=False).
sentence-dense-linear = A Linear layer multiplies by a weight matrix of shape (out_features, in_features) = ({ $units }, { $input }){ $bias ->
    [yes] {" "}and adds a bias of out_features.
   *[no] .
  }
sentence-dense-keras = A Dense layer multiplies the last axis by a kernel of shape (input, units) = ({ $input }, { $units }){ $bias ->
    [yes] {" "}and adds a bias of units.
   *[no] .
  }
sentence-embedding-table = An embedding is a lookup table: one learned vector of { $dim } for each of the { $vocab } tokens, and no bias.
sentence-embedding-padding = padding_idx adds nothing: that row stays in the table (its gradient is just zeroed), so it is still counted.
sentence-conv-depthwise = A depthwise convolution gives each of the { $input } input channels its own { $kernel } filter{ $multiplier-n ->
    [1] .
   *[other] s ({ $multiplier } per channel).
  }
sentence-conv-separable = A separable convolution is a depthwise { $kernel } filter per input channel followed by a 1x1 pointwise convolution to { $filters } filters.
sentence-conv-weight = Each of the { $filters } { $torch ->
    [yes] output channels
   *[no] filters
  } has a { $kernel } kernel over { $groups-n ->
    [1] all { $input } input channels
   *[other] its group's { $groupWidth } { $transpose ->
        [yes] output
       *[no] input
      } channels (groups={ $groups })
  }; the weight has shape { $shape }.
sentence-layernorm-no-affine = elementwise_affine=False: LayerNorm only normalises, with no learned weight or bias, so it has 0 parameters.
sentence-layernorm-learns = LayerNorm learns a scale (weight){ $bias ->
    [yes] {" "}and a shift (bias)
   *[no] {""}
  } for each of the { $size } normalised elements{ $shape ->
    [none] .
   *[other] {" "}(normalized_shape { $shape }).
  }
sentence-layernorm-weight-only = bias=False: only the weight, { $size }.
sentence-torch-mha = MultiheadAttention projects query, key and value to embed_dim ({ $embed }) with three weight matrices, then an output projection E x E. The { $heads } heads split those { $embed } columns ({ $perHead } each) and add no weights of their own.
sentence-torch-mha-no-bias = bias=False drops in_proj_bias and out_proj.bias.
sentence-keras-mha = Keras MultiHeadAttention gives each of the { $heads } heads its own query/key projections of key_dim={ $keyDim } and value projection of value_dim={ $valueDim }, then projects the concatenated heads back to { $output }.
label-weights = weights
label-bias = bias
label-total = total
label-in-one-line = in one line
label-input-width = input width
label-units = units
label-table = table
label-input-dim-vocabulary = input_dim (vocabulary)
label-kernel = kernel
label-kernel-h = kernel h
label-kernel-w = kernel w
label-kernel-d = kernel d
label-input-channels = input channels
label-depth-multiplier = depth multiplier
label-depthwise-kernel = depthwise kernel
label-pointwise-kernel = pointwise kernel
label-channels = channels
label-filters = filters
label-in-channels = in channels
label-out-channels = out channels
label-in-channels-groups = in channels / groups
label-out-channels-groups = out channels / groups
label-bias-one-per-output-channel = bias (one per output channel)
label-weight-and-bias = weight and bias
label-normalized-size = normalized size
label-in-proj-weight-q-k-v-stacked = in_proj_weight (q, k, v stacked)
label-q-k-v-weights = q/k/v weights
label-q-k-v-projections-kdim-vdim-differ-so-three-separate-matrices = q/k/v projections (kdim/vdim differ, so three separate matrices)
sentence-torch-batchnorm-affine = { $type } learns a scale (weight) and a shift (bias) per channel.
sentence-torch-batchnorm-no-affine = affine=False: { $type } learns no weight or bias, so it has 0 parameters.
sentence-torch-batchnorm-buffers = running_mean, running_var and num_batches_tracked are buffers, not parameters: they are saved in the state_dict but not in parameters(), so the { $buffers } elements are reported separately.
sentence-groupnorm-affine = GroupNorm learns a scale and shift per channel (the groups only decide what is averaged).
sentence-groupnorm-no-affine = affine=False: GroupNorm has 0 parameters.
sentence-keras-batchnorm = BatchNormalization keeps 4 vectors over the { $channels } channels: gamma (scale) and beta (shift) are trained; moving_mean and moving_variance are updated by averaging, not by gradients, so Keras counts them as non-trainable parameters.
sentence-keras-batchnorm-split = Trainable { $trainable }, non-trainable { $frozen }.
sentence-keras-layernorm = { $type } learns { $learns ->
    [both] a scale (gamma) and a shift (beta)
    [scale] only a scale (gamma)
    [shift] only a shift (beta)
   *[nothing] nothing
  } for each of the { $features } features on the normalised axis.
sentence-frozen = trainable=False: every weight of this layer counts as non-trainable.
label-parameters = parameters
label-buffers-not-parameters = buffers (not parameters)
label-gamma-and-beta = gamma and beta
label-vectors = vectors
label-features = features
sentence-transformer-layer = { $decoder ->
    [yes] A TransformerDecoderLayer is self-attention, cross-attention (each a MultiheadAttention over d_model={ $model }), a feed-forward block { $model } → { $ff } → { $model }, and three LayerNorms.
   *[no] A TransformerEncoderLayer is self-attention (a MultiheadAttention over d_model={ $model }), a feed-forward block { $model } → { $ff } → { $model }, and two LayerNorms.
  }
sentence-transformer-layers-not-listed = Tensors of { $part } layers 2 to { $to } have the same shapes as layer 1 and are not listed.
label-self-attn-in-proj-weight-q-k-v-stacked = self_attn.in_proj_weight (q, k, v stacked)
label-multihead-attn-in-proj-weight-q-k-v-stacked = multihead_attn.in_proj_weight (q, k, v stacked)
label-layernorms-weight-and-bias-each = LayerNorms (weight and bias each)
label-layernorms-weight-only-bias-false = LayerNorms (weight only: bias=False)
label-norms = norms
label-weight-bias = weight, bias
label-layers = layers
label-per-layer = per layer
label-encoder-layers = encoder layers
label-decoder-layers = decoder layers
label-encoder-norm = encoder norm
label-decoder-norm = decoder norm
label-encoder-final-norm = encoder final norm
label-decoder-final-norm = decoder final norm
sentence-no-weights = { $type } has no weights: it only transforms its input, so it adds 0 parameters.
sentence-parameter-tensor = A parameter tensor of shape { $shape } registered on the model: every element is a parameter.
sentence-parameter-frozen = requires_grad=False: counted as non-trainable.
sentence-prelu-per-channel = PReLU learns { $count-n ->
    [1] one negative slope shared by all channels.
   *[other] one negative slope per channel ({ $count }).
  }
sentence-prelu-per-element = PReLU learns one negative slope per input element{ $sharedAxes ->
    [none] {""}
   *[other] {" "}(shared along axes { $sharedAxes })
  }: alpha has shape { $shape }.
sentence-time-distributed = TimeDistributed applies the same { $type } to every timestep: the weights are shared, so it counts once.
sentence-convlstm = A ConvLSTM is an LSTM whose 4 gates (input, forget, cell candidate, output) are { $kernel } convolutions over the concatenated [h_{"{"}t-1{"}"}, x_t] channels instead of dense layers.
label-h-t-1-x-t-channels = [h_{"{"}t-1{"}"}, x_t] channels
label-filters-h-t-1 = filters (h_{"{"}t-1{"}"})
label-weights-per-gate = weights per gate
label-per-gate = per gate
label-all-gates = all gates
label-gates = gates

formula-intro = Nothing in the paste builds `{ $class }`, and { $names } have no default. Its count as a formula of them:
formula-layer = { $name } ({ $type }): { $formula }
formula-more = … and { $count } more layers (the JSON lists every one)
formula-total = Total: { $formula }
formula-line = For a number, add the line that builds it, e.g. `{ $line }` with your numbers.
formula-refused-layers = Nothing in the paste builds `{ $class }`, and { $names } have no default. I can't give its count as a formula: { $culprits } decides which layers there are (a loop, an `if`, a list length), so I need the number.
formula-refused-not-polynomial = Nothing in the paste builds `{ $class }`, and { $names } have no default. I can't give its count as a formula: it is not a polynomial of { $culprits } (used in a division, a power or a condition), so I need the number.
formula-refused-too-many = Nothing in the paste builds `{ $class }`, and { $names } have no default: a formula would take too much work (at most { $variables } open sizes, each of degree at most 3, { $builds } readings, { $steps } steps and { $layers } layers in all), so I need the numbers.

## Solving a recurrent layer for its unknown size (src/engine/solve.ts)
sentence-solve-input = Solving for the input width I. Only the input weights depend on I: each input feature adds one weight to every unit of { $gates ->
    [1] the cell
   *[other] each of the { $gates } gates
  }{ $bidirectional ->
    [yes] {" "}in both directions
   *[no] {""}
  }, so the count is linear in I.
sentence-solve-units-quadratic = Solving for the units H. The recurrent weights grow as H² and the input weights and biases as H, so the count is a quadratic in H with one positive root.
sentence-solve-units-projection = Solving for the units H. With a projection the recurrent width is P, not H, so the count is linear in H.
sentence-solve-units-search = Solving for the units H by exact search: the count grows with every unit added.
label-directions = directions
label-parameters-per-input-feature = parameters per input feature
label-rearranged = rearranged
label-everything-else-the-count-at-i-0 = everything else (the count at I = 0)
label-discriminant = discriminant
label-its-square-root = its square root
label-positive-root = positive root
label-parameters-per-unit-the-count-at-h-1 = parameters per unit (the count at H = 1)
label-check = check
sentence-reshape-only = Reshape only rearranges: no weights, 0 parameters.
sentence-flatten-only = Flatten only reshapes: no weights, 0 parameters.
sentence-repeat-vector-only = RepeatVector copies its input n times: no weights, 0 parameters.
sentence-lambda-only = Lambda runs a function on its input: no weights, 0 parameters.
sentence-global-pool-only = { $type } reduces each channel to one number: no weights, 0 parameters.
sentence-pool-only = { $type } takes the { $op ->
    [max] maximum
   *[average] average
  } over each { $window } window: no weights, 0 parameters.
sentence-solve-equation = the equation: { $symbolic }, here { $numeric }
