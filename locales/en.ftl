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
