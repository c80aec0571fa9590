# Messages des contrôles intégrés et résumés d'article7, en français.

field-key = `{ $key }`
field-item = l'élément { $item } de `{ $key }`
the-report = le rapport
# Un champ d'un classeur, désigné par le libellé que l'utilisateur y voit.
field-label = « { $label } »
# Les descriptions du schéma sont traduites dans i18n/descriptions.toml.
about = { " " }({ $field } : { $text })
about-required = { " " }({ $text })

## Constats du schéma
schema-required = `{ $name }` est obligatoire dans { $where } mais manque
    .help = ajoutez `{ $name }`{ $about }
schema-additional-properties = `{ $key }` n'est pas un champ connu du modèle de rapport à cet endroit
    .help = { $suggestion }vérifiez l'orthographe (les clés s'écrivent en minuscules, les mots séparés par des traits de soulignement) ou placez les informations supplémentaires sous `extensions`.{ $allowed }
schema-suggestion = vouliez-vous dire `{ $key }` ?{ " " }
schema-allowed = { " " }Champs admis ici : { $list }.
schema-enum = { $field } doit être l'une des valeurs { $options } ; trouvé { $found }
    .help = { $suggestion }utilisez l'un des codes indiqués, exactement tel qu'il est écrit, ou, dans un classeur, choisissez la valeur dans la liste déroulante de la cellule{ $about }
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
type-boolean-cell = VRAI ou FAUX (oui ou non conviennent aussi)
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
validator-failed = article7 s'est arrêté en vérifiant ce fichier, sur un défaut qui lui est propre ({ $reason }) ; les autres fichiers sont vérifiés normalement
    .help = c'est une erreur d'article7, pas du rapport : merci d'envoyer le fichier et ce message aux responsables de l'outil
    .help = vérifiez que le fichier existe, qu'il est lisible et qu'il s'agit bien d'un rapport
input-unsupported = le fichier n'est ni du JSON, ni du XML, ni un classeur Excel (.xlsx)
    .help = donnez au fichier l'extension .json, .xml ou .xlsx, ou utilisez --input-format
input-syntax = { $detail }
    .help = { $help }
input-syntax-text = le fichier n'est pas bien formé ({ $detail })
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
    .help = { $help }
input-more-numbers = { $count } autres nombres entiers sont trop grands pour être enregistrés exactement (non listés)
    .help = { $help }
the-top-level = la racine
json-help-duplicate = ne gardez qu'un membre portant cette clé et supprimez ou renommez les autres ; les programmes ne retiennent pas tous le même doublon, si bien que le rapport pourrait être lu différemment ailleurs
json-help-big-number = les nombres sont stockés sur 64 bits, si bien que celui-ci serait arrondi sans avertissement ; vérifiez qu'il ne s'agit pas d'une faute de frappe, et écrivez les identifiants et numéros de référence comme du texte entre guillemets
input-help-big-number = les nombres sont stockés sur 64 bits, si bien que celui-ci serait arrondi sans avertissement ; vérifiez qu'il ne s'agit pas d'une faute de frappe

## Lecteur XML
xml-help-check = corrigez le XML à cet endroit (un éditeur qui connaît le XML le met en évidence) ; si le fichier vient d'un autre programme, exportez-le à nouveau
xml-help-truncated = le fichier semble tronqué : vérifiez qu'il a été enregistré ou téléchargé en entier
xml-help-encoding = enregistrez le fichier en UTF-8 (dans la plupart des éditeurs : « Enregistrer sous », codage UTF-8) et déclarez `encoding="UTF-8"`, ou ne déclarez aucun codage
xml-help-duplicate = ne gardez qu'un élément portant ce nom et supprimez ou renommez les autres ; les programmes ne retiennent pas tous le même doublon, si bien que le rapport pourrait être lu différemment ailleurs
xml-help-right-file = vérifiez qu'il s'agit du bon fichier
xml-nul = le fichier contient des caractères NUL (le premier à la ligne { $line }, colonne { $column })
xml-help-nul = le fichier n'est probablement pas un fichier texte XML (fichier binaire, UTF-16 enregistré sans indicateur d'ordre des octets, ou téléchargement endommagé) ; exportez à nouveau le rapport en XML UTF-8
xml-more-problems = { $count } autres problèmes du même type (non détaillés)
xml-more-duplicates = { $count } autres éléments répètent un membre de leur parent (non détaillés)
    .help = { xml-help-duplicate }
xml-empty = le XML est mal formé : le fichier est vide, alors qu'un rapport était attendu
xml-help-empty = un rapport est un élément `<article7-report>` : vérifiez qu'il s'agit du bon fichier et qu'il a été enregistré en entier
xml-utf16-surrogate = le fichier n'est pas un texte { $encoding } valide (seizet d'indirection isolé { $unit } à la ligne { $line }, colonne { $column })
xml-help-not-text = le fichier est endommagé ou n'est pas un fichier texte ; exportez à nouveau le rapport, de préférence en UTF-8
xml-utf16-half = le fichier est un texte { $encoding } (il commence par cet indicateur d'ordre des octets) mais se termine par un demi-caractère
xml-not-utf8 = le fichier n'est pas un texte UTF-8 valide (octet invalide { $byte } à la ligne { $line }, colonne { $column })
xml-help-not-utf8 = enregistrez le fichier avec le codage UTF-8 (dans la plupart des éditeurs : « Enregistrer sous », codage UTF-8) ; un fichier dans un autre codage, comme Windows-1252 ou Latin-1, doit être converti
xml-encoding = le fichier déclare le codage `{ $encoding }` ; seuls les fichiers UTF-8 et UTF-16 sont lus
xml-doctype = le fichier contient une déclaration DOCTYPE ; les déclarations DOCTYPE et les définitions d'entités ne sont pas admises dans un rapport (rien n'est développé ni téléchargé)
xml-help-doctype = supprimez le bloc `<!DOCTYPE …>` ; écrivez les caractères spéciaux tels quels ou sous la forme `&amp;`, `&lt;`, `&gt;`, `&quot;`, `&apos;` ou `&#NNN;`
xml-too-many-nodes = le fichier compte plus de { $limit } nœuds XML, bien plus qu'aucun rapport ; il n'est pas lu
xml-not-well-formed = le XML est mal formé à la ligne { $line }, colonne { $column } : { $what }
xml-unclosed-root = le fichier se termine avant la fermeture de l'élément racine
xml-only-white-space = le fichier ne contient que des blancs, alors qu'un rapport était attendu
xml-no-element = le fichier ne contient aucun élément, alors qu'un rapport était attendu
xml-end-tag = la balise de fin `</{ $actual }>` ne ferme pas l'élément ouvert `<{ $expected }>`
xml-unknown-entity = l'entité `&{ $name };` n'est pas définie (seules le sont `&amp;`, `&lt;`, `&gt;`, `&quot;`, `&apos;` et les références de caractère comme `&#233;`)
xml-help-entity = écrivez le caractère lui-même, ou une référence de caractère
xml-unknown-prefix = le préfixe d'espace de noms `{ $prefix }:` n'est pas déclaré
xml-help-prefix = écrivez les éléments du rapport sans préfixe, sous `xmlns="urn:apmbc:article7:report:1"` placé sur l'élément racine
xml-root = l'élément racine doit être `<{ $root }>` dans l'espace de noms `{ $namespace }` ; trouvé `<{ $found }>` { $where }
xml-help-root = commencez le rapport par `<article7-report xmlns="urn:apmbc:article7:report:1">`
xml-no-namespace = hors de tout espace de noms
xml-in-namespace = dans l'espace de noms `{ $namespace }`
xml-root-element = l'élément racine
xml-too-deep = les éléments sont imbriqués trop profondément (plus de { $limit } niveaux)
xml-help-too-deep = un rapport compte moins de 10 niveaux ; vérifiez qu'il s'agit du bon fichier
xml-duplicate = l'élément `<{ $key }>` figure plus d'une fois dans `<{ $parent }>` ({ $pointer }) ; seul le dernier est conservé
    .help = { xml-help-duplicate }
xml-stray-text = le texte `{ $text }` se trouve à côté d'éléments enfants dans `<{ $parent }>` ; un élément contient soit du texte, soit des éléments enfants, mais pas les deux
xml-help-stray-text = placez le texte dans un élément distinct (par exemple `<note>`), ou supprimez-le
xml-foreign-element = l'élément `<{ $name }>` est { $where } ; tous les éléments d'un rapport doivent appartenir à l'espace de noms `{ $namespace }`
xml-help-foreign-element = supprimez l'élément, ou déclarez sur lui l'espace de noms du rapport (`xmlns="urn:apmbc:article7:report:1"`) ; les autres vocabulaires n'ont pas leur place dans un rapport
xml-attribute = l'attribut `{ $attribute }` de `<{ $element }>` ne fait pas partie du modèle de rapport ; les valeurs s'écrivent sous forme d'éléments
xml-help-attribute = écrivez-le comme élément enfant (`<{ $name }>…</{ $name }>`) si le modèle prévoit ce champ, sous `<extensions>` dans le cas contraire, ou supprimez-le

## Lecteur Excel
xlsx-help-resave = ouvrez le fichier dans un tableur, vérifiez qu'il s'agit bien du rapport et enregistrez-le à nouveau au format Classeur Excel (.xlsx)
xlsx-reader-failed = le classeur n'a pas pu être lu : son contenu a fait échouer le lecteur Excel
xlsx-not-workbook = le fichier n'est pas un classeur Excel lisible : { $reason }
xlsx-damaged-sheet = le classeur est endommagé : la feuille `{ $sheet }` ne peut pas être lue ({ $reason })
xlsx-too-many-cells = le classeur compte plus de { $limit } cellules remplies, davantage qu'un rapport ne peut en avoir
xlsx-legacy = le fichier est un classeur Excel 97-2003 (.xls) ou un autre document OLE, et non un classeur .xlsx
xlsx-help-legacy = ouvrez-le dans Excel ou LibreOffice et enregistrez-le au format Classeur Excel (.xlsx)
xlsx-too-large = le classeur pèse { $size } octets, plus que les { $limit } octets admis pour un classeur de rapport
xlsx-not-zip = le fichier n'est pas un classeur Excel : un fichier .xlsx est une archive ZIP, et celui-ci n'en est pas une
xlsx-damaged-zip = le classeur est endommagé : son archive ZIP ne peut pas être ouverte ({ $reason })
xlsx-damaged-entry = le classeur est endommagé : l'entrée { $entry } de son archive ne peut pas être lue ({ $reason })
xlsx-damaged-part = le classeur est endommagé : la partie `{ $entry }` de son archive ne correspond pas à sa somme de contrôle ou ne peut pas être décompressée ({ $reason })
xlsx-refused = le classeur est refusé : { $why } (bombe ZIP ou fichier endommagé)
xlsx-help-refused = un classeur de rapport est de petite taille ; enregistrez à nouveau le rapport depuis un tableur, sans fichiers incorporés
xlsx-about-entries = l'archive annonce environ { $count } entrées, plus que les { $limit } qu'un classeur peut contenir
xlsx-entries = l'archive compte { $count } entrées, plus que les { $limit } qu'un classeur peut contenir
xlsx-entry-inflates = l'entrée d'archive `{ $entry }` passerait de { $packed } à { $size } octets une fois décompressée
xlsx-total-inflates = l'archive occuperait plus de { $limit } octets une fois décompressée
xlsx-encrypted = le classeur est protégé par un mot de passe (chiffré) ; il ne peut donc pas être lu
    .help = ouvrez-le, retirez le mot de passe (dans Excel : Fichier > Informations > Protéger le classeur > Chiffrer avec mot de passe), enregistrez-le et validez-le à nouveau
xlsx-unknown-sheet = la feuille `{ $sheet }` ne fait pas partie de la structure du rapport ; rien de ce qu'elle contient n'est lu
    .help = { $suggestion }donnez-lui le nom de l'une des feuilles du rapport, ou retirez-la du classeur. Les feuilles sont : { $sheets }
xlsx-value-without-key = la cellule B{ $row } de la feuille `{ $sheet }` contient `{ $value }` mais la cellule A{ $row } ne nomme aucun champ ; la valeur n'est donc pas lue
    .help = écrivez dans la colonne A le libellé du champ (ou sa clé), ou supprimez la valeur
xlsx-link-ignored = la cellule { $cell } de la feuille `{ $sheet }` contient `{ $value }`, mais cet élément est lu dans les lignes de la feuille `{ $target }` ; la cellule n'est donc pas lue
    .help = laissez la cellule vide : le rapport prend cet élément dans la feuille `{ $target }` (`[]` ou `{"{"}{"}"}` dans cette cellule ne compte que si cette feuille n'a rien pour lui)
xlsx-column-without-key = la colonne { $column } de la feuille `{ $sheet }` contient des valeurs (`{ $value }` en { $cell }) mais sa ligne d'en-tête ne nomme aucun champ ; elle n'est donc pas lue
    .help = écrivez en { $header } le libellé du champ (ou sa clé), ou supprimez la colonne
xlsx-duplicate-row = le champ `{ $key }` figure deux fois sur la feuille `{ $sheet }` ({ $first } et { $second })
    .help = ne gardez qu'une ligne pour `{ $key }` ; seule la dernière est lue
xlsx-duplicate-column = la clé `{ $key }` figure deux fois sur la feuille `{ $sheet }` ({ $first } et { $second })
    .help = ne gardez qu'une colonne pour `{ $key }` ; seule la première est lue
xlsx-unknown-parent = { $rows ->
        [one] la ligne { $first } de la feuille `{ $sheet }` indique
       *[other] { $rows } lignes ({ $first } à { $last }) de la feuille `{ $sheet }` indiquent
    } `{ $key }` dans `{ $column }`, mais aucune ligne de `{ $parent }` n'a { $by ->
        [id] cet identifiant
       *[position] cette position
    } ; { $rows ->
        [one] elle n'est pas lue
       *[other] elles ne sont pas lues
    }
    .help = écrivez dans `{ $column }` { $by ->
        [id] l'identifiant
       *[position] la position (à partir de 1)
    } d'une ligne de `{ $parent }`
xlsx-rows-without-parent = { $rows ->
        [one] la ligne { $first } de la feuille `{ $sheet }` n'indique aucun parent dans `{ $column }` ; elle ne se rattache donc à aucune ligne de `{ $parent }` et n'est pas lue
       *[other] { $rows } lignes ({ $first } à { $last }) de la feuille `{ $sheet }` n'indiquent aucun parent dans `{ $column }` ; elles ne se rattachent donc à aucune ligne de `{ $parent }` et ne sont pas lues
    }
    .help = écrivez dans `{ $column }` { $by ->
        [id] l'identifiant
       *[position] la position (à partir de 1)
    } d'une ligne de `{ $parent }`
xlsx-unknown-column = la colonne `{ $header }` de la feuille `{ $sheet }` n'est pas un champ connu du modèle de rapport à cet endroit ; { $empty ->
        [yes] elle est vide
       *[no] ses valeurs ne sont pas lues
    }
    .help = { $suggestion }remplacez l'en-tête de { $cell } par l'une des clés de la feuille ({ $keys }), ou supprimez la colonne

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
        [one] { $infos } remarque
       *[other] { $infos } remarques
    }
summary-unreadable = {" "}; { $count ->
        [one] { $count } fichier n'a pas pu être lu
       *[other] { $count } fichiers n'ont pas pu être lus
    }
summary-waived = {" "}; { $count ->
        [one] { $count } dérogation appliquée
       *[other] { $count } dérogations appliquées
    }
summary-skipped = {" "}; { $count ->
        [one] { $count } fichier ignoré
       *[other] { $count } fichiers ignorés
    } (ni .json, ni .xml, ni .xlsx) : { $files }
row-values = ligne : { $values }
at-cell = dans { $file } › feuille { $sheet }, cellule { $cell }
column = colonne
at-text = dans { $file }:{ $line }:{ $column }
in-file = dans { $file }
here = ici

## Lecteur JSON
json-not-well-formed = le JSON est mal formé : { $what } à la ligne { $line }, colonne { $column }
json-empty = le JSON est mal formé : le fichier est vide, alors qu'un objet rapport était attendu
json-blank = le JSON est mal formé : le fichier ne contient que des espaces, alors qu'un objet rapport était attendu
json-help-empty = un rapport est un objet JSON : vérifiez qu'il s'agit du bon fichier et qu'il a été enregistré en entier
json-not-utf8 = le fichier n'est pas un texte UTF-8 valide (octet invalide { $byte } à la ligne { $line }, colonne { $column })
json-help-utf16 = le fichier semble être un texte UTF-16 ; enregistrez-le en UTF-8 (dans la plupart des éditeurs : « Enregistrer sous », codage UTF-8)
json-help-not-utf8 = enregistrez le fichier avec le codage UTF-8 (dans la plupart des éditeurs : « Enregistrer sous », codage UTF-8) ; un fichier dans un autre codage, comme Windows-1252 ou Latin-1, doit être converti
json-eof-list = le fichier se termine à l'intérieur d'une liste (`[` sans son `]`)
json-eof-object = le fichier se termine à l'intérieur d'un objet (`{"{"}` sans son `{"}"}`)
json-eof-string = le fichier se termine à l'intérieur d'une chaîne (un `"` n'est pas fermé)
json-eof-value = le fichier se termine là où une valeur était attendue
json-expected-ident = `true`, `false` ou `null` était attendu
json-expected-value = une valeur était attendue (un texte entre guillemets droits, un nombre, un objet, une liste, `true`, `false` ou `null`)
json-expected-quote = un `"` était attendu
json-key-string = une clé entre guillemets droits était attendue
json-trailing-comma = une virgule est suivie d'un crochet ou d'une accolade fermante (le JSON n'admet pas de virgule finale)
json-trailing-characters = du texte suit la fin de la valeur JSON
json-too-deep = les valeurs sont imbriquées trop profondément (plus de 127 niveaux de listes et d'objets)
json-number-range = un nombre est trop grand pour être représenté (au-delà d'environ 1,8e308)
json-invalid-number = nombre invalide
json-invalid-escape = séquence d'échappement invalide dans une chaîne (après un `\`)
json-control-character = un caractère de contrôle (tabulation, saut de ligne…) doit être écrit sous forme d'échappement dans une chaîne (`\t`, `\n`)
json-help-check = corrigez la syntaxe JSON à cet endroit (un éditeur qui connaît le JSON la met en évidence) ; si le fichier vient d'un autre programme, exportez-le à nouveau
json-help-truncated = le fichier semble tronqué : vérifiez qu'il a été enregistré ou téléchargé en entier, ou fermez les crochets et accolades ouverts
json-help-too-deep = un rapport n'est jamais imbriqué aussi profondément : vérifiez qu'il s'agit bien d'un rapport et que le programme qui l'a écrit a fermé ses listes et objets
json-help-number-range = aucune donnée réelle n'est aussi grande : vérifiez ce nombre (par exemple un exposant parasite comme `e400`)
json-help-nul = le fichier contient des octets NUL : ce n'est probablement pas un fichier texte JSON (fichier binaire, fichier UTF-16 ou téléchargement endommagé) ; exportez à nouveau le rapport en JSON UTF-8

## Libellés des codes du modèle (listes déroulantes du classeur, suggestions)
code-initial = initial
code-annual = annuel
code-ar = arabe
code-en = anglais
code-es = espagnol
code-fr = français
code-ru = russe
code-zh = chinois
code-provided = fourni
code-unchanged = inchangé
code-not_applicable = sans objet
code-law = loi
code-decree = décret
code-regulation = règlement
code-administrative = mesure administrative
code-other = autre
code-use = employer
code-develop = mettre au point
code-produce = produire
code-acquire = acquérir
code-stockpile = stocker
code-retain = conserver
code-transfer = transférer
code-assist = assister
code-CHA = ZDC (zone dangereuse confirmée)
code-SHA = ZSD (zone soupçonnée dangereuse)
code-training = formation
code-destruction = destruction
code-conversion = reconversion
code-decommissioning = mise hors service
code-in_process = en cours
code-completed = achevé
code-not_started = pas encore commencé
code-in_progress = en cours
code-marking = marquage
code-fencing = clôture
code-monitoring = surveillance
code-risk_education = éducation aux risques
code-legislation_adopted = législation adoptée
code-existing_law_sufficient = législation existante suffisante
code-in_preparation = en préparation
code-none = aucune
code-true = oui
code-false = non

## Lecteur Excel : nombres saisis comme texte
xlsx-ambiguous-number = le texte `{ $text }` dans { $label } peut se lire { $read } ou { $other } ; il a été lu { $read }, selon l'usage { $lang } d'écrire les nombres
    .help = si c'est { $other } qui était voulu, corrigez la cellule ; pour lever le doute, saisissez le nombre sans séparateur des milliers (`{ $plain }`)
xlsx-lang-en = anglais
xlsx-lang-fr = français
xlsx-lang-es = espagnol

## Listes de codes : suggestions et États parties
schema-enum-suggestion = vouliez-vous dire `{ $code }` (« { $label_fr } ») ?{ " " }
schema-state-party = `{ $found }` n'est le code d'aucun État partie à la Convention
    .help = { $suggestion }écrivez le code ISO 3166-1 alpha-3 de l'État (le Sénégal est `SEN`) ; c'est par ce code que sont retrouvés les rapports antérieurs (`--history`) : un code erroné les masque aussi
schema-state-suggestion = vouliez-vous dire `{ $code }` ({ $name_fr }) ?{ " " }
schema-format-version = le rapport déclare `format_version` « { $declared } », mais { $count ->
        [one] un de ses champs a été ajouté
       *[other] { $count } de ses champs ont été ajoutés
    } dans la version { $needed } du modèle : { $members }
    .help = indiquez `format_version` « { $needed } » (rien d'autre ne change : la version { $needed } ne fait qu'ajouter des champs facultatifs) ; un outil qui lit les rapports de la version { $declared } rejetterait ces champs ou les ignorerait

## Page HTML et sortie pour les personnes (la ligne « non vérifié »)
html-title = Rapport de validation article7
html-heading = Validation des rapports au titre de l'article 7
html-catalogue = Catalogue { $version } ({ $hash }), article7 { $tool }.
html-file = fichier
html-status = état
html-errors = erreurs
html-warnings = avertissements
html-infos = remarques
html-status-errors = erreurs
html-status-review = à revoir
html-status-valid = valide
html-no-problem = Aucun problème relevé.
html-severity = gravité
html-rule = règle
html-problem = problème
html-where = emplacement
html-fix = comment corriger
html-details = détails techniques
html-pointer = emplacement dans le rapport (pointeur JSON)
html-at-line = ligne { $line }, colonne { $column }
html-at-cell = feuille { $sheet }, cellule { $cell }
html-form-A = Formulaire A — mesures d'application nationales
html-form-B = Formulaire B — stocks de mines antipersonnel
html-form-C = Formulaire C — zones minées
html-form-D = Formulaire D — mines conservées ou transférées
html-form-E = Formulaire E — reconversion ou mise hors service des installations de production
html-form-F = Formulaire F — programmes de destruction des mines antipersonnel
html-form-G = Formulaire G — mines antipersonnel détruites
html-form-H = Formulaire H — caractéristiques techniques
html-form-I = Formulaire I — mesures prises pour alerter la population
html-form-J = Formulaire J — autres questions pertinentes
html-form-other = Formulaire { $form }
html-form-none = Page de couverture et ensemble du rapport
severity-error = erreur
severity-warning = avertissement
severity-info = remarque
not-checked = { $checks ->
    [one] 1 contrôle sera effectué
   *[other] { $checks } contrôles seront effectués
} une fois { $errors ->
    [one] cette erreur corrigée
   *[other] ces { $errors } erreurs corrigées
}.
help-line = aide : { $help }
## Règles non évaluées (rules/skip.rs) : pourquoi une règle n'a pas été appliquée à un rapport
skipped-heading = { $count ->
    [one] 1 contrôle n'a pas été effectué
   *[other] { $count } contrôles n'ont pas été effectués
}
skipped-line = { $rule } « { $title } » : { $reason }
skip-missing-value = nécessite `{ $value }`, que le rapport ne donne pas
skip-no-previous = nécessite le rapport annuel précédent de l'État, qui n'a pas été trouvé (dans le lot ou sous --history)
skip-no-earlier = nécessite un rapport antérieur du même État, et aucun n'a été trouvé (dans le lot ou sous --history)
skip-short-history = nécessite { $needed } rapports annuels antérieurs de l'État, et { $found ->
    [0] aucun n'a été trouvé
    [one] { $found } seul a été trouvé
   *[other] { $found } seulement ont été trouvés
} (dans le lot ou sous --history)
skip-reads-rejected = lit `{ $pointer }`, qui ne respecte pas le schéma du rapport
skip-failed-on-invalid = n'a pas pu être évaluée sur un rapport qui ne respecte pas le schéma : { $error }
skip-not-in-profile = { $profile ->
        [treaty] hors du profil treaty (traité seul)
       *[other] ne relève pas du plan { $profile }
    } : repose sur { $plans }

## Intitulés de `explain`
explain-checks = Ce qui est vérifié
explain-why = Pourquoi c'est important
explain-fix = Comment corriger
explain-basis = Fondement
explain-invalid = Un exemple non valide
explain-valid = Un exemple valide
explain-with-previous = avec ce rapport précédent :
explain-with-earlier = avec ce rapport antérieur :
explain-with-history = avec ces rapports annuels antérieurs (du plus récent au plus ancien) :
explain-requires = ne s'applique qu'avec
explain-previous = le rapport annuel précédent
explain-earlier = un rapport antérieur du même État
explain-history = { $n ->
    [one] un rapport annuel antérieur de l'État
   *[other] { $n } rapports annuels antérieurs de l'État
}

# En-tête d'un fichier dans la sortie lisible : le plan appliqué.
file-profile = { $file } : profil { $profile }, { $name }
summary-checks-skipped = {" "}; { $count ->
    [one] 1 contrôle non effectué
   *[other] { $count } contrôles non effectués
}
html-profile = Règles appliquées : { $name }
# Les plans d'action auxquels un rapport est confronté (rules/profile.rs), par code.
profile-treaty = Convention seule (aucun plan d'action appliqué)
profile-MAP = Plan d'action de Maputo (2014–2019)
profile-OAP = Plan d'action d'Oslo (2020–2024)
profile-SRAAP = Plan d'action de Siem Reap-Angkor (2025–2029)
schema-enum-cell = { $field } doit être l'une des valeurs suivantes : { $options } ; trouvé { $found }
    .help = { $suggestion }choisissez la valeur dans la liste déroulante de la cellule{ $about }
schema-enum-suggestion-cell = vouliez-vous dire « { $label_fr } » ?{ " " }
skip-reads-rejected-cell = lit { $label } (feuille { $sheet }, cellule { $cell }), dont la valeur n'est pas conforme au modèle de rapport
schema-required-cell = { $field } est obligatoire mais n'est pas rempli
    .help = remplissez { $field } sur la feuille { $sheet }{ $about }
schema-required-sheet = { $field } est obligatoire, mais le classeur n'a pas de feuille { $sheet }
    .help = ajoutez la feuille { $sheet } (copiez-la d'un modèle vierge, `article7 template --lang fr`), puis remplissez-la ou cochez sa case de la page de couverture{ $about }
skip-needs-missing-cell = nécessite { $label } (feuille { $sheet }), qui n'est pas rempli
basis-line = fondement : { $references }
schema-additional-properties-cell = { $key } n'a pas sa place à cet endroit du rapport
    .help = { $suggestion }reportez la valeur dans l'un des champs prévus à cet endroit, ou supprimez la ligne.{ $allowed }
schema-suggestion-cell = vouliez-vous dire { $label } ?{ " " }
schema-allowed-cell = { " " }Champs admis ici : { $list }.

## Copie annotée d'un classeur (`article7 annotate`) : la feuille des constats
annotate-sheet = Constats
annotate-title = Vérification de { $file } : { $errors ->
        [one] { $errors } erreur
       *[other] { $errors } erreurs
    }, { $warnings ->
        [one] { $warnings } avertissement
       *[other] { $warnings } avertissements
    }, { $infos ->
        [one] { $infos } remarque
       *[other] { $infos } remarques
    }. Chaque constat portant sur une cellule y figure aussi en commentaire ; cliquez sur l'emplacement pour vous y rendre.
annotate-comment = [{ $severity }] { $rule } : { $message }
annotate-col-severity = Gravité
annotate-col-rule = Règle
annotate-col-message = Constat
annotate-col-fix = Comment corriger
annotate-col-place = Emplacement
annotate-whole-report = l'ensemble du rapport
annotate-none = Aucun constat : le rapport satisfait à tous les contrôles.
annotate-wrote = Fichier { $file } écrit : { $findings ->
        [one] { $findings } constat
       *[other] { $findings } constats
    } ({ $errors ->
        [one] { $errors } erreur
       *[other] { $errors } erreurs
    }, { $warnings ->
        [one] { $warnings } avertissement
       *[other] { $warnings } avertissements
    }, { $infos ->
        [one] { $infos } remarque
       *[other] { $infos } remarques
    }) sur la première feuille, { $cells ->
        [one] un commentaire sur { $cells } cellule
       *[other] des commentaires sur { $cells } cellules
    }
