# Messages des contrôles intégrés et résumés d'article7, en français.

field-key = `{ $key }`
field-item = l'élément { $item } de `{ $key }`
the-report = le rapport
about = { " " }({ $field } : { $text })

## Constats du schéma
schema-required = `{ $name }` est obligatoire dans { $where } mais manque
    .help = ajoutez `{ $name }`{ $about }
schema-additional-properties = `{ $key }` n'est pas un champ connu du modèle de rapport à cet endroit
    .help = { $suggestion }vérifiez l'orthographe (les clés sont en snake_case) ou placez les informations supplémentaires sous `extensions`.{ $allowed }
schema-suggestion = vouliez-vous dire `{ $key }` ?{ " " }
schema-allowed = { " " }Champs admis ici : { $list }.
schema-enum = { $field } doit être l'une des valeurs { $options } ; trouvé { $found }
    .help = utilisez l'un des codes indiqués, exactement tel qu'il est écrit{ $about }
schema-const = { $field } doit valoir `{ $expected }` ; trouvé { $found }
    .help = écrivez `{ $expected }`
schema-type = { $field } doit être { $expected } ; trouvé { $found }
    .help = écrivez { $expected }{ $quotes }{ $about }
schema-type-quotes = { " " }sans guillemets
schema-type-cell = { " " }en chiffres seulement, sans espaces ni unités
schema-format-date = { $field } doit être une date du calendrier écrite AAAA-MM-JJ ; trouvé { $found }
    .help = écrivez-la comme `2019-12-31`
schema-format-date-cell = { $field } doit être une date du calendrier écrite AAAA-MM-JJ ; trouvé { $found }
    .help = saisissez-la comme `2019-12-31`, forme lue de la même façon quelle que soit la langue du tableur ; `31/12/2019` n'est une date que pour un tableur réglé sur une langue qui écrit les dates ainsi, et reste sinon du texte
schema-format-email = { $field } doit être une adresse électronique ; trouvé { $found }
    .help = écrivez-la comme `nom@example.org`
schema-format-other = { $field } n'est pas un { $format } valide ; trouvé { $found }
    .help = écrivez un { $format } valide
schema-pattern-text = { $field } ne doit pas être vide
    .help = saisissez l'information, ou supprimez le champ s'il est facultatif{ $about }
schema-pattern-code = { $field } doit comporter trois lettres majuscules ; trouvé { $found }
    .help = utilisez le code ISO (ISO 3166-1 alpha-3 pour les États, p. ex. `KHM` ; ISO 4217 pour les monnaies, p. ex. `USD`){ $about }
schema-pattern-other = { $field } n'a pas la forme attendue ; trouvé { $found }
    .help = la valeur doit correspondre au motif `{ $pattern }`{ $about }
schema-minimum = { $field } doit être au moins { $limit } ; trouvé { $found }
    .help = indiquez une valeur supérieure ou égale à { $limit }{ $about }
schema-maximum = { $field } doit être au plus { $limit } ; trouvé { $found }
    .help = indiquez une valeur inférieure ou égale à { $limit }{ $about }
schema-min-items = { $field } doit comporter au moins { $limit } { $limit ->
        [one] élément
       *[other] éléments
    } ; trouvé { $count }
    .help = ajoutez les éléments manquants, ou modifiez la mention de la page de couverture pour ce formulaire{ $about }
schema-other = { $field } ne respecte pas le schéma du rapport (`{ $keyword }`)
    .help = comparez la valeur avec le modèle de rapport (`article7 schema`)

type-integer = un nombre entier
type-number = un nombre
type-string = du texte
type-boolean = true ou false
type-array = une liste
type-object = un objet
type-null = null
type-other = une valeur d'un autre type
type-or = { $a } ou { $b }
found-number = le nombre { $value }
found-text = le texte { $value }
found-bool = `{ $value }`
found-list = une liste
found-object = un objet
found-null = null

## Constats sur le fichier
input-unreadable = le fichier n'a pas pu être lu : { $reason }
    .help = vérifiez que le fichier existe, qu'il est lisible et qu'il s'agit bien d'un rapport
input-unsupported = le fichier n'est ni du JSON, ni du XML, ni un classeur Excel (.xlsx)
    .help = donnez au fichier l'extension .json, .xml ou .xlsx, ou utilisez --input-format
input-syntax = le fichier n'est pas bien formé ({ $detail })
    .help = corrigez le fichier à l'endroit indiqué, ou exportez-le de nouveau depuis l'outil qui l'a produit
input-duplicate-key = la clé `{ $key }` apparaît { $times ->
        [2] deux fois
       *[other] { $times } fois
    } dans { $object } ; seule la dernière valeur est conservée
    .help = supprimez ou renommez les doublons : chaque clé ne doit apparaître qu'une fois par objet
input-duplicate-key-object = le même objet ({ $pointer })
input-duplicate-key-top = l'objet de premier niveau
input-number-precision = le nombre { $number } à { $pointer } est trop grand pour être enregistré exactement
    .help = vérifiez ce nombre : aucune donnée d'un rapport n'est aussi grande
input-more-duplicates = { $count } autres clés apparaissent plus d'une fois dans leur objet (non listées)
input-more-numbers = { $count } autres nombres entiers sont trop grands pour être enregistrés exactement (non listés)
the-top-level = la racine

## Règles
rule-failed-to-run = la règle { $id } ({ $name }) n'a pas pu être évaluée ici : { $error }
    .help = il s'agit d'un défaut de la règle, non du rapport : signalez-le avec le fichier ; `{ $id }` est définie dans { $file }

## Résumés
summary = { $files ->
        [one] { $files } fichier vérifié
       *[other] { $files } fichiers vérifiés
    } : { $errors ->
        [one] { $errors } erreur
       *[other] { $errors } erreurs
    }, { $warnings ->
        [one] { $warnings } avertissement
       *[other] { $warnings } avertissements
    }, { $infos ->
        [one] { $infos } information
       *[other] { $infos } informations
    }
summary-unreadable = ; { $count ->
        [one] { $count } fichier n'a pas pu être lu
       *[other] { $count } fichiers n'ont pas pu être lus
    }
basis = fondement
row = ligne
at-cell = dans { $file } › feuille { $sheet }, cellule { $cell }
column = colonne
