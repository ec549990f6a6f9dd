# ParamCount, français. Un message par phrase ; `{ $name }` est rempli par le code. Les nombres
# arrivent déjà groupés pour la langue (4 457 472).

## Refus de la syntaxe courte

slash-refusal = { $why }. { $hint }Syntaxe : `/{ $cell } <entrée> <unités> [options]`, par exemple `{ $example }`.
did-you-mean = Vouliez-vous dire `{ $suggestion }` ?
number-too-large = `{ $raw }` est trop grand : { $what ->
    [layers] le nombre de couches va jusqu’à { $max }
    [counts] les totaux vont jusqu’à { $max }
   *[sizes] les tailles vont jusqu’à { $max }
  }
number-negative = `{ $raw }` est négatif : { $what ->
    [layers] le nombre de couches est un entier de 1 à { $max }
    [counts] un total est un nombre entier
   *[sizes] les tailles sont des entiers de 1 à { $max }
  }
number-fraction = `{ $raw }` est une fraction : { $what ->
    [layers] le nombre de couches est un entier de 1 à { $max }
    [counts] un total est un nombre entier
   *[sizes] les tailles sont des entiers de 1 à { $max }
  }
number-scientific = `{ $raw }` est en notation scientifique : écrivez { $what ->
    [layers] le nombre de couches
    [counts] les totaux
   *[sizes] les tailles
  } en chiffres, de 1 à { $max }
number-not-size = `{ $raw }` n’est pas une taille : { $what ->
    [layers] le nombre de couches est un entier de 1 à { $max }
   *[other] les tailles sont des entiers de 1 à { $max }
  }
number-not-whole = `{ $raw }` n’est pas un entier de 1 à { $max }
size-given-twice = { $which ->
    [input] la largeur d’entrée
   *[units] le nombre d’unités
  } est donné deux fois
size-at-least-one = { $which ->
    [input] la largeur d’entrée
   *[units] le nombre d’unités
  } doit valoir au moins 1 (reçu { $raw })
layers-given-twice = le nombre de couches est donné deux fois
layers-at-least-one = le nombre de couches doit valoir au moins 1 (reçu { $raw })
layers-at-most = le nombre de couches va jusqu’à { $max } (reçu { $raw })
layers-without-number = `layers` attend un nombre
proj-at-least-one = proj doit valoir au moins 1 (reçu { $raw }) ; omettez-le s’il n’y a pas de projection
bool-expected = `{ $key }={ $raw }` doit valoir true ou false
option-no-value = `{ $tok }` n’a pas de valeur
unknown-framework = je ne connais pas le framework `{ $raw }` ; choisissez keras, keras2 (tfjs), pytorch, cudnn, onnx, flax ou tf1
unknown-language = je ne connais pas la langue `{ $raw }` ; les réponses existent en `lang=en`, `lang=zh` et `lang=fr`
unknown-option = je ne connais pas l’option `{ $tok }` ; les options sont `bidirectional` (ou `bi`), `layers=N`, `no-bias`, `proj=N`, `peepholes`, `reset_after=true|false`, un framework (`keras`, `keras2`/`tfjs`, `pytorch`, `cudnn`, `onnx`, `flax`, `tf1`), `compare`
other-layer = `{ $tok }` désigne une autre couche ; utilisez `/{ $command }`
one-size-too-many = il y a une taille de trop (`{ $raw }`) : donnez la largeur d’entrée, puis le nombre d’unités
sizes-missing = la largeur d’entrée et le nombre d’unités manquent
input-missing = la largeur d’entrée manque
units-missing = le nombre d’unités manque (largeur d’entrée lue : { $input })
frameworks-conflict = `{ $first }` et `{ $second }` désignent deux frameworks différents, qui ne comptent pas cette couche de la même façon ; nommez-en un, ou ajoutez `compare` pour voir les deux
claim-not-number = le total indiqué `{ $raw }` n’est pas un nombre entier de paramètres
claim-negative = le total indiqué ne peut pas être négatif
two-unknowns = une seule taille peut valoir `?`
unknown-needs-total = un `?` demande un total à atteindre, par exemple `{ $example }`
not-a-layer = cela ne se lit pas comme une couche
lookalike-letter = `{ $raw }` contient la lettre { $script ->
    [Cyrillic] cyrillique
    [Greek] grecque
   *[other] latine
  } `{ $letter }` ({ $codepoint }), qui ressemble au chiffre { $digit } mais n’en est pas un

## Notes sur la lecture de la question

note-timesteps = La longueur de séquence ({ $steps }) ne change jamais le nombre de paramètres : les mêmes poids servent à chaque pas de temps. Elle change le calcul et la mémoire des activations, pas les poids.
note-batch = La taille de lot ({ $batch }) ne change jamais le nombre de paramètres : les mêmes poids servent pour chaque exemple. Elle change les activations et la mémoire à l’entraînement, pas les poids.
note-typo = `{ $raw }` : vouliez-vous dire `{ $word }` ? Compté comme `{ $word }`.
note-ignored = Mots non utilisés : { $words }.
note-read-as = Lu comme `{ $reading }`.
note-proj-pytorch = Keras n’a pas de projection pour le LSTM : compté comme PyTorch (proj_size).
note-peepholes-tf1 = Keras 3 n’a pas de LSTM à judas (peepholes) : compté comme le LSTMCell de TF1 (use_peepholes=True).

## Vérification d’un total indiqué

claim-off-by = écart de { $diff }
claim-off-by-why = écart de { $why }
claim-fits-input = écart de { $diff } ; le total indiqué correspond à une entrée de largeur { $fits } (et non { $input })
claim-fits-units = écart de { $diff } ; le total indiqué correspond à { $fits } unités (et non { $units })
claim-times-steps = écart de { $diff } ; le total indiqué vaut exactement { $total } x { $steps } : ce nombre de paramètres multiplié par { $steps } pas de temps
claim-about-times = écart de { $diff } ; le total indiqué vaut environ { $ratio } fois ce nombre de paramètres ({ $total })
claim-shape-swapped = écart de { $diff } ; le total indiqué est celui d’une entrée de largeur { $steps } : les deux dimensions de input_shape=({ $steps }, { $features }) semblent inversées
claim-steps-never-count = Le nombre de paramètres ne dépend jamais du nombre de pas de temps : les mêmes poids servent à chaque pas. Un chiffre qui grandit avec la longueur de séquence est un coût de calcul (multiplications-additions) ou d’activations, pas des paramètres.
claim-shape-explained = Dans Keras, input_shape vaut (pas de temps, caractéristiques) : la largeur d’entrée est la dernière dimension ; le nombre de pas de temps ne change pas le compte.
