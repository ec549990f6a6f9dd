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

## La réponse

headline = { $title } : { $total } paramètres
headline-at-least = { $title } : au moins { $total } paramètres
lead-total = { $total } paramètres ({ $convention })
lead-other = { $family } : { $total } ({ $difference })
trainable-split = Entraînables { $trainable } · non entraînables { $nontrainable }
buffers = Tampons (pas des paramètres) : { $buffers }
not-counted = Non comptés : { $layers }
memory = Mémoire : { $float32 } en float32, { $float16 } en float16/bfloat16
memory-bytes = Mémoire : { $float32 } en float32 ({ $bytes } octets), { $float16 } en float16/bfloat16
other-frameworks = Autres frameworks : { $list }
note-line = Remarque : { $note }
sorry = Désolé : { $message }
more-help = Tapez `{ $command } help` pour voir toutes les options.
title-how = Le calcul
title-per-layer = Couche par couche
title-picture = Ce que signifient les nombres
title-tensors = Tenseurs (disposition { $convention })
title-summary = Résumé
title-compute = Calcul sur { $steps } pas de temps
layers-shown = Dérivations données pour les { $count } plus grandes couches ; le tableau les contient toutes. Appuyez sur *All layer derivations* (ou lancez `paramcount` dans un terminal) pour les autres.
cut-to-fit = (Coupé pour tenir dans Slack : lancez `paramcount` dans un terminal pour la réponse complète.)
all-derived = Chaque couche est déjà dérivée dans la réponse.
derivations-range = { $title } : dérivations { $from } à { $to }
identical-layers = { $first } … { $last } : { $count } couches identiques, chacune dérivée ainsi
button-share = Partager dans le canal
button-compare = Comparer les frameworks
button-more = Plus
button-details = Toutes les dérivations
shared-footer = Partagé depuis ParamCount : essayez `{ $query }` pour la dérivation.

## La dérivation courte

gate-input = entrée
gate-forget = oubli
gate-cell-candidate = cellule candidate
gate-output = sortie
gate-reset = réinitialisation
gate-update = mise à jour
gate-candidate = candidat
gate-hidden = état caché
short-gates = { $gates ->
    [1] 1 cellule ({ $names }) : une couche sur [h, x]
   *[other] { $gates } portes ({ $names }) : chacune une couche sur [h, x]
  }
short-concat = largeur de [{ $label } | x_t] : { $recurrent } + { $input } = { $concat }
short-weights = poids par porte : { $concat } x { $units } = { $weights }
short-bias = biais par porte : { $vectors ->
    [0] aucun, donc { $gate } par porte
    [1] { $units }, donc { $weights } + { $units } = { $gate } par porte
   *[other] { $vectors } x { $units } = { $bias }, donc { $weights } + { $bias } = { $gate } par porte
  }
short-extra = {" "}+ { $label } { $params }
short-per-direction = par direction : { $gates } x { $gate }{ $extras } = { $total }
short-total-single = total : { $gates } x { $gate }{ $extras } = { $total }
short-total = total : { $total }
short-more-bias = cuDNN / PyTorch gardent un second biais par porte (b_ih et b_hh) : +{ $difference } = { $total }
short-fewer-bias = Keras garde un biais par porte, cuDNN / PyTorch deux : −{ $difference } = { $total }
stack-run = { $count ->
    [1] couche { $first } : entrée { $input } : { $directions ->
        [2] 2 x { $perDirection } = { $params }
       *[other] { $params }
      }
   *[other] couches { $first }–{ $last } : entrée { $input } : { $params } chacune
  }
layer-line = { $name } ({ $type }) : { $params }
layer-run = { $first } … { $last } ({ $type }) : { $count } x { $params }
compute-formula = MAC = T x portes x H x (I + H) = { $steps } x { $gates } x { $units } x ({ $input } + { $recurrent })
compute-macs = { $perStep } multiplications-additions par pas de temps, { $perSequence } sur { $steps } pas
compute-elementwise = plus, à chaque pas, { $products } produits élément par élément et { $activations } activations (σ, tanh)

## Constats

solved-title = Résolu : { $what ->
    [input] largeur d’entrée
   *[units] unités
  } = { $value }
claim-holds = { $stated } correspond à { $conventions }
claim-matches-none = { $stated } ne correspond au compte d’aucun framework pour cette couche
claim-row = pas { $convention } ({ $total }) : { $why }
verify-title = Vérification du résumé : { $agrees } lignes concordent, { $disagrees } divergent, { $unknown } non reconstruites
verify-rows = Ligne par ligne
compare-title = Tous les frameworks côte à côte
list-and = { $head } et { $last }

## Aide

help-title = { $params ->
    [yes] ParamCount : expliquer le nombre de paramètres d’une couche ou d’un modèle
   *[other] { $command } : expliquer le nombre de paramètres d’un { $cell }
  }
help-usage = `{ $command } <entrée> <unités> [options]` : par exemple `{ $command } 4096 256`, `{ $command } 4096, 256`, `{ $command } input=4096 units=256`, ou en toutes lettres : `combien de paramètres pour un LSTM 4096 256 ?`
help-promise = Je réponds avec le total et une dérivation courte ; appuyez sur *Plus* pour chaque étape, les tenseurs et la façon de compter des autres frameworks.
help-options = Options
help-bidirectional = `bidirectional` (ou `bi`, bidirectionnel) : deux directions, chacune comptée
help-layers = `layers=N` (ou `N couches`) : couches empilées ; chaque couche au-dessus de la première lit celle du dessous
help-no-bias = `no-bias` (ou `bias=false`) : aucun biais
help-proj = `proj=N` : projection du LSTM (proj_size de PyTorch, num_proj de TF1)
help-peepholes = `peepholes` : poids « judas » du LSTM (ONNX, TF1)
help-reset-after = `reset_after=true|false` : variante du GRU de Keras
help-compare = `compare` : tous les frameworks côte à côte
help-framework = un framework : `keras` (par défaut), `keras2`/`tfjs`, `pytorch`, `cudnn`, `onnx`, `flax`, `tf1` (ou `framework=NOM`)
help-lang = `lang=en|zh|fr` : la langue de la réponse (sinon celle de votre Slack, ou de la question)
help-more = Plus
help-paste = `/params nn.LSTM(300, 512, num_layers=2, bidirectional=True)` : collez du code PyTorch, Keras ou Flax
help-transformer = `/params meta-llama/Meta-Llama-3-8B` (un modèle du Hub), un config.json collé, ou `/transformer help` : un transformer, bloc par bloc
help-claim = `= N` vérifie un total que vous avez ; `?` trouve une taille : `{ $command } ? 64 = 49408`
help-sequence = La longueur de séquence et la taille de lot ne changent jamais le nombre de paramètres ; donnez `timesteps=N` et j’ajoute le calcul (MAC) par pas et par séquence.
help-fallback = Utiliser ParamCount : /lstm 4096 256

## Accueil de l’app

home-intro = Le nombre exact de paramètres des couches d’un réseau de neurones, expliqué pas à pas, avec les différences entre les conventions de Keras et de cuDNN/PyTorch. Les réponses aux commandes ne sont visibles que par vous tant que vous n’appuyez pas sur *Partager dans le canal*.
home-try = *Essayez* (copiez-en un dans n’importe quelle zone de message)
home-keras = *Un modèle Keras complet*
home-mention = Ou collez un model.summary() dans un fil et mentionnez @ParamCount dans le même message. En message direct, collez-le simplement. Sur n’importe quel message, utilisez le raccourci « Explain parameter counts » du menu.
home-lstm = LSTM, 4 096 entrées → 256 unités : 4 457 472 dans Keras, 4 458 496 dans cuDNN/PyTorch (deux vecteurs de biais)
home-gru = GRU selon les conventions de PyTorch
home-bi = les deux directions, comptées et additionnées
home-stack = deux couches empilées, couche par couche
home-paste = collez le code d’une couche PyTorch
home-transformer = un transformer bloc par bloc (la forme de Llama-3-8B : 8 030 261 248), ou collez un config.json
home-solve = trouver la taille inconnue
home-check = vérifier un total que vous avez déjà
home-plain = une question en toutes lettres

## Titres

title-cell = { $cell } { $input } → { $units }
title-bidirectional = bidirectionnel
title-layers = { $layers } couches
title-proj = projection { $proj }
title-peepholes = judas
title-no-bias = sans biais
title-reset-after = reset_after={ $value }

## Budgets

details-left = { $left } couches de plus ne sont pas dérivées ici (j’envoie au plus { $most } messages). Lancez `paramcount --json` avec le même code dans un terminal pour chaque couche.
text-left = ({ $left } dérivations de couches omises : cette réponse dépasse { $most } caractères. Le tableau ci-dessus contient chaque couche ; `paramcount --json` contient chaque dérivation.)
title-model = Modèle à { $layers } couches

## Les phrases typées du moteur

sentence-cell-gates = Une cellule { $cell } a { $gates } portes ({ $names }), chacune sa propre couche dense sur la concaténation [h_{"{"}t-1{"}"}, x_t].
sentence-cell-one-layer = Une cellule { $cell } est une seule couche dense : h_t = tanh(W·[h_{"{"}t-1{"}"}, x_t] + b).
sentence-recurrent-no-bias = Sans biais : bias=False / use_bias=False retire tous les vecteurs de biais.
sentence-bidirectional-counts-twice = Bidirectionnel : une seconde copie indépendante de la cellule lit la séquence à rebours, donc chaque couche compte deux fois.
sentence-stacked = Empilé : la couche 0 lit l’entrée (largeur { $input }) ; les couches 1 et suivantes lisent la sortie de la couche du dessous, largeur { $upper }{ $bidirectional ->
    [yes] {" "}(les deux directions concaténées).
   *[no] .
  }
sentence-counts-the-same = { $convention } compte pareil
sentence-two-bias-vectors = { $mine ->
    [0] avec biais, cuDNN et PyTorch gardent deux vecteurs de biais par porte (b_ih et b_hh)
   *[other] cuDNN et PyTorch gardent deux vecteurs de biais (b_ih et b_hh), un de plus par porte
  }
sentence-keras-one-bias-vector = Keras garde un vecteur de biais par porte, cuDNN et PyTorch deux (b_ih et b_hh)
sentence-laid-out-differently = { $convention } dispose la cellule autrement
sentence-layers-not-listed = { $same ->
    [yes] La couche { $from } a les mêmes formes de tenseurs que la couche 1 et n’est pas listée.
   *[no] Les couches { $from } à { $to } ont les mêmes formes de tenseurs que la couche 1 et ne sont pas listées.
  }
sentence-merge-mode-none = merge_mode=None renvoie les deux directions comme deux sorties séparées.
sentence-merge-mode = merge_mode='{ $mode }' combine les deux directions élément par élément : la sortie a une largeur de { $units } (concat donnerait { $concat }) ; les poids sont les mêmes.

## The worker pool stopped an answer (src/work/pool.ts)
stopped-split = Découpez-la : demandez une couche à la fois (par ex. `/lstm 4096 256`), ou collez une plus petite partie du modèle (quelques couches, moins de répétitions).
stopped-too-slow = Cela demande plus de travail que je n’en accorde à une réponse (limite { $seconds } s), alors je me suis arrêté.
stopped-out-of-memory = Cela demande plus de mémoire que je n’en accorde à une réponse (limite { $megabytes } Mo), alors je me suis arrêté.
stopped-failed = Désolé, quelque chose s’est mal passé pendant le calcul. Réessayez, ou essayez un exemple plus petit comme `/lstm 4096 256`.

## The layer counters' typed sentences and step labels (src/engine/layers, render/sentences.ts)
sentence-no-bias = Pas de biais (bias=False / use_bias=False).
sentence-dense-linear = Une couche Linear multiplie par une matrice de poids de forme (out_features, in_features) = ({ $units }, { $input }){ $bias ->
    [yes] {" "}et ajoute un biais de taille out_features.
   *[no] .
  }
sentence-dense-keras = Une couche Dense multiplie le dernier axe par un noyau de forme (input, units) = ({ $input }, { $units }){ $bias ->
    [yes] {" "}et ajoute un biais de taille units.
   *[no] .
  }
sentence-embedding-table = Un embedding est une table de correspondance : un vecteur appris de taille { $dim } pour chacun des { $vocab } jetons, sans biais.
sentence-embedding-padding = padding_idx n'ajoute rien : cette ligne reste dans la table (seul son gradient est mis à zéro), elle est donc comptée.
sentence-conv-depthwise = Une convolution en profondeur donne à chacun des { $input } canaux d'entrée son propre filtre { $kernel }{ $multiplier-n ->
    [1] .
   *[other] {" "}({ $multiplier } par canal).
  }
sentence-conv-separable = Une convolution séparable est un filtre en profondeur { $kernel } par canal d'entrée suivi d'une convolution ponctuelle 1x1 vers { $filters } filtres.
sentence-conv-weight = Chacun des { $filters } { $torch ->
    [yes] canaux de sortie
   *[no] filtres
  } a un noyau { $kernel } sur { $groups-n ->
    [1] les { $input } canaux d'entrée
   *[other] les { $groupWidth } canaux { $transpose ->
        [yes] de sortie
       *[no] d'entrée
      } de son groupe (groups={ $groups })
  } ; le poids a la forme { $shape }.
sentence-layernorm-no-affine = elementwise_affine=False : LayerNorm ne fait que normaliser, sans poids ni biais appris, donc 0 paramètre.
sentence-layernorm-learns = LayerNorm apprend une échelle (weight){ $bias ->
    [yes] {" "}et un décalage (bias)
   *[no] {""}
  } pour chacun des { $size } éléments normalisés{ $shape ->
    [none] .
   *[other] {" "}(normalized_shape { $shape }).
  }
sentence-layernorm-weight-only = bias=False : seulement le poids, { $size }.
sentence-torch-mha = MultiheadAttention projette query, key et value vers embed_dim ({ $embed }) avec trois matrices de poids, puis une projection de sortie E x E. Les { $heads } têtes se partagent ces { $embed } colonnes ({ $perHead } chacune) et n'ajoutent aucun poids.
sentence-torch-mha-no-bias = bias=False supprime in_proj_bias et out_proj.bias.
sentence-keras-mha = Keras MultiHeadAttention donne à chacune des { $heads } têtes ses propres projections query/key de key_dim={ $keyDim } et une projection value de value_dim={ $valueDim }, puis projette les têtes concaténées vers { $output }.
label-weights = poids
label-bias = biais
label-total = total
label-in-one-line = en une ligne
label-input-width = largeur d'entrée
label-units = unités
label-table = table
label-input-dim-vocabulary = input_dim (vocabulaire)
label-kernel = noyau
label-kernel-h = hauteur du noyau
label-kernel-w = largeur du noyau
label-kernel-d = profondeur du noyau
label-input-channels = canaux d'entrée
label-depth-multiplier = multiplicateur de profondeur
label-depthwise-kernel = noyau en profondeur
label-pointwise-kernel = noyau ponctuel
label-channels = canaux
label-filters = filtres
label-in-channels = canaux d'entrée
label-out-channels = canaux de sortie
label-in-channels-groups = canaux d'entrée / groupes
label-out-channels-groups = canaux de sortie / groupes
label-bias-one-per-output-channel = biais (un par canal de sortie)
label-weight-and-bias = poids et biais
label-normalized-size = taille normalisée
label-in-proj-weight-q-k-v-stacked = in_proj_weight (q, k, v empilés)
label-q-k-v-weights = poids q/k/v
label-q-k-v-projections-kdim-vdim-differ-so-three-separate-matrices = projections q/k/v (kdim/vdim diffèrent, donc trois matrices séparées)
sentence-torch-batchnorm-affine = { $type } apprend une échelle (weight) et un décalage (bias) par canal.
sentence-torch-batchnorm-no-affine = affine=False : { $type } n'apprend ni poids ni biais, donc 0 paramètre.
sentence-torch-batchnorm-buffers = running_mean, running_var et num_batches_tracked sont des tampons, pas des paramètres : ils sont enregistrés dans le state_dict mais pas dans parameters(), donc ces { $buffers } éléments sont comptés à part.
sentence-groupnorm-affine = GroupNorm apprend une échelle et un décalage par canal (les groupes décident seulement de ce qui est moyenné).
sentence-groupnorm-no-affine = affine=False : GroupNorm a 0 paramètre.
sentence-keras-batchnorm = BatchNormalization garde 4 vecteurs sur les { $channels } canaux : gamma (échelle) et beta (décalage) sont entraînés ; moving_mean et moving_variance sont mis à jour par moyenne glissante, pas par gradient, donc Keras les compte comme paramètres non entraînables.
sentence-keras-batchnorm-split = Entraînables { $trainable }, non entraînables { $frozen }.
sentence-keras-layernorm = { $type } apprend { $learns ->
    [both] une échelle (gamma) et un décalage (beta)
    [scale] seulement une échelle (gamma)
    [shift] seulement un décalage (beta)
   *[nothing] rien
  } pour chacune des { $features } caractéristiques de l'axe normalisé.
sentence-frozen = trainable=False : tous les poids de cette couche comptent comme non entraînables.
label-parameters = paramètres
label-buffers-not-parameters = tampons (pas des paramètres)
label-gamma-and-beta = gamma et beta
label-vectors = vecteurs
label-features = caractéristiques
sentence-transformer-layer = { $decoder ->
    [yes] Un TransformerDecoderLayer est une auto-attention, une attention croisée (chacune un MultiheadAttention sur d_model={ $model }), un bloc feed-forward { $model } → { $ff } → { $model } et trois LayerNorm.
   *[no] Un TransformerEncoderLayer est une auto-attention (un MultiheadAttention sur d_model={ $model }), un bloc feed-forward { $model } → { $ff } → { $model } et deux LayerNorm.
  }
sentence-transformer-layers-not-listed = Les tenseurs des couches 2 à { $to } { $part ->
    [encoder] de l'encodeur
   *[decoder] du décodeur
  } ont les mêmes formes que la couche 1 et ne sont pas listés.
label-self-attn-in-proj-weight-q-k-v-stacked = self_attn.in_proj_weight (q, k, v empilés)
label-multihead-attn-in-proj-weight-q-k-v-stacked = multihead_attn.in_proj_weight (q, k, v empilés)
label-layernorms-weight-and-bias-each = LayerNorm (poids et biais chacune)
label-layernorms-weight-only-bias-false = LayerNorm (poids seul : bias=False)
label-norms = normalisations
label-weight-bias = poids, biais
label-layers = couches
label-per-layer = par couche
label-encoder-layers = couches de l'encodeur
label-decoder-layers = couches du décodeur
label-encoder-norm = normalisation de l'encodeur
label-decoder-norm = normalisation du décodeur
label-encoder-final-norm = normalisation finale de l'encodeur
label-decoder-final-norm = normalisation finale du décodeur
sentence-no-weights = { $type } n'a pas de poids : il ne fait que transformer son entrée, donc il ajoute 0 paramètre.
sentence-parameter-tensor = Un tenseur de paramètres de forme { $shape } enregistré sur le modèle : chaque élément est un paramètre.
sentence-parameter-frozen = requires_grad=False : compté comme non entraînable.
sentence-prelu-per-channel = PReLU apprend { $count-n ->
    [1] une pente négative partagée par tous les canaux.
   *[other] une pente négative par canal ({ $count }).
  }
sentence-prelu-per-element = PReLU apprend une pente négative par élément d'entrée{ $sharedAxes ->
    [none] {""}
   *[other] {" "}(partagée le long des axes { $sharedAxes })
  } : alpha a la forme { $shape }.
sentence-time-distributed = TimeDistributed applique la même { $type } à chaque pas de temps : les poids sont partagés, donc comptés une fois.
sentence-convlstm = Un ConvLSTM est un LSTM dont les 4 portes (entrée, oubli, candidat de cellule, sortie) sont des convolutions { $kernel } sur les canaux concaténés [h_{"{"}t-1{"}"}, x_t] au lieu de couches denses.
label-h-t-1-x-t-channels = canaux [h_{"{"}t-1{"}"}, x_t]
label-filters-h-t-1 = filtres (h_{"{"}t-1{"}"})
label-weights-per-gate = poids par porte
label-per-gate = par porte
label-all-gates = toutes les portes
label-gates = portes

formula-intro = Rien dans le code ne construit `{ $class }`, et { $names } n'ont pas de valeur par défaut. Son nombre de paramètres en fonction d'eux :
formula-layer = { $name } ({ $type }) : { $formula }
formula-more = … et { $count } couches de plus (le JSON les liste toutes)
formula-total = Total : { $formula }
formula-line = Pour un nombre, ajoutez la ligne qui le construit, par exemple `{ $line }` avec vos valeurs.
formula-refused-layers = Rien dans le code ne construit `{ $class }`, et { $names } n'ont pas de valeur par défaut. Je ne peux pas donner de formule : { $culprits } décide quelles couches existent (une boucle, un `if`, une longueur de liste), il me faut donc la valeur.
formula-refused-not-polynomial = Rien dans le code ne construit `{ $class }`, et { $names } n'ont pas de valeur par défaut. Je ne peux pas donner de formule : le nombre n'est pas un polynôme de { $culprits } (division, puissance ou condition), il me faut donc la valeur.
formula-refused-too-many = Rien dans le code ne construit `{ $class }`, et { $names } n'ont pas de valeur par défaut : une formule demanderait trop de travail (au plus { $variables } tailles inconnues, chacune de degré 3 au plus, { $builds } lectures, { $steps } étapes et { $layers } couches en tout), il me faut donc les valeurs.

## Solving a recurrent layer for its unknown size (src/engine/solve.ts)
sentence-solve-input = Résolution pour la largeur d'entrée I. Seuls les poids d'entrée dépendent de I : chaque caractéristique d'entrée ajoute un poids à chaque unité { $gates ->
    [1] de la cellule
   *[other] de chacune des { $gates } portes
  }{ $bidirectional ->
    [yes] {" "}dans les deux directions
   *[no] {""}
  }, donc le nombre est linéaire en I.
sentence-solve-units-quadratic = Résolution pour les unités H. Les poids récurrents croissent comme H² et les poids d'entrée et les biais comme H, donc le nombre est un polynôme du second degré en H avec une seule racine positive.
sentence-solve-units-projection = Résolution pour les unités H. Avec une projection, la largeur récurrente est P, pas H, donc le nombre est linéaire en H.
sentence-solve-units-search = Résolution pour les unités H par recherche exacte : le nombre croît avec chaque unité ajoutée.
label-directions = directions
label-parameters-per-input-feature = paramètres par caractéristique d'entrée
label-rearranged = réarrangé
label-everything-else-the-count-at-i-0 = tout le reste (le nombre pour I = 0)
label-discriminant = discriminant
label-its-square-root = sa racine carrée
label-positive-root = racine positive
label-parameters-per-unit-the-count-at-h-1 = paramètres par unité (le nombre pour H = 1)
label-check = vérification
sentence-reshape-only = Reshape ne fait que réarranger : pas de poids, 0 paramètre.
sentence-flatten-only = Flatten ne fait que changer la forme : pas de poids, 0 paramètre.
sentence-repeat-vector-only = RepeatVector copie son entrée n fois : pas de poids, 0 paramètre.
sentence-lambda-only = Lambda applique une fonction à son entrée : pas de poids, 0 paramètre.
sentence-global-pool-only = { $type } réduit chaque canal à un nombre : pas de poids, 0 paramètre.
sentence-pool-only = { $type } prend { $op ->
    [max] le maximum
   *[average] la moyenne
  } sur chaque fenêtre { $window } : pas de poids, 0 paramètre.
sentence-solve-equation = l'équation : { $symbolic }, ici { $numeric }
