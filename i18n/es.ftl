# Mensajes de los controles integrados y resúmenes de article7, en español.

field-key = `{ $key }`
field-item = el elemento { $item } de `{ $key }`
the-report = el informe
# Un campo de un libro, designado por la etiqueta que el usuario ve en él.
field-label = «{ $label }»
# Las descripciones del esquema se traducen en i18n/descriptions.toml.
about = { " " }({ $field }: { $text })
about-required = { " " }({ $text })

## Hallazgos del esquema
schema-required = `{ $name }` es obligatorio en { $where } pero falta
    .help = añada `{ $name }`{ $about }
schema-additional-properties = `{ $key }` no es un campo que el modelo de informe conozca en este lugar
    .help = { $suggestion }compruebe la ortografía (las claves se escriben en minúsculas, con guiones bajos entre las palabras) o ponga la información adicional bajo `extensions`.{ $allowed }
schema-suggestion = ¿quiso decir `{ $key }`?{ " " }
schema-allowed = { " " }Campos admitidos aquí: { $list }.
schema-enum = { $field } debe ser uno de los valores { $options }; se encontró { $found }
    .help = { $suggestion }utilice uno de los códigos indicados, exactamente como está escrito, o, en un libro de Excel, elija el valor en la lista desplegable de la celda{ $about }
schema-const = { $field } debe ser `{ $expected }`; se encontró { $found }
    .help = escriba `{ $expected }`
schema-type = { $field } debe ser { $expected }; se encontró { $found }
    .help = escriba { $expected }{ $quotes }{ $about }
schema-type-quotes = { " " }sin comillas
schema-type-cell = { " " }solo con cifras, sin espacios ni unidades
schema-format-date = { $field } debe ser una fecha del calendario escrita AAAA-MM-DD; se encontró { $found }
    .help = escríbala como `2019-12-31`
schema-format-date-cell = { $field } debe ser una fecha del calendario escrita AAAA-MM-DD; se encontró { $found }
    .help = escríbala como `2019-12-31`, que se lee igual sea cual sea el idioma de la hoja de cálculo; `31/12/2019` solo es una fecha para una hoja de cálculo configurada en un idioma que escribe así las fechas y, si no, queda como texto
schema-format-email = { $field } debe ser una dirección de correo electrónico; se encontró { $found }
    .help = escríbala como `nombre@example.org`
schema-format-other = { $field } no es un { $format } válido; se encontró { $found }
    .help = escriba un { $format } válido
schema-pattern-text = { $field } no debe estar vacío
    .help = escriba la información, o elimine el campo si es opcional{ $about }
schema-pattern-code = { $field } debe tener tres letras mayúsculas; se encontró { $found }
    .help = utilice el código ISO (ISO 3166-1 alfa-3 para los Estados, p. ej. `KHM`; ISO 4217 para las monedas, p. ej. `USD`){ $about }
schema-pattern-other = { $field } no tiene la forma esperada; se encontró { $found }
    .help = el valor debe coincidir con el patrón `{ $pattern }`{ $about }
schema-minimum = { $field } debe ser como mínimo { $limit }; se encontró { $found }
    .help = indique un valor igual o superior a { $limit }{ $about }
schema-maximum = { $field } debe ser como máximo { $limit }; se encontró { $found }
    .help = indique un valor igual o inferior a { $limit }{ $about }
schema-min-items = { $field } debe contener al menos { $limit } { $limit ->
        [one] elemento
       *[other] elementos
    }; se encontró { $count }
    .help = añada los elementos que faltan, o cambie la marca de la portada para este formulario{ $about }
schema-other = { $field } no respeta el esquema del informe (`{ $keyword }`)
    .help = compare el valor con el modelo de informe (`article7 schema`)

type-integer = un número entero
type-number = un número
type-string = texto
type-boolean = true o false
type-boolean-cell = VERDADERO o FALSO (también sirven sí o no)
type-array = una lista
type-object = un objeto
type-null = null
type-other = un valor de otro tipo
type-or = { $a } o { $b }
found-number = el número { $value }
found-text = el texto { $value }
found-bool = `{ $value }`
found-list = una lista
found-object = un objeto
found-null = null

## Hallazgos sobre el archivo
input-unreadable = no se pudo leer el archivo: { $reason }
validator-failed = article7 se detuvo al verificar este archivo, por un defecto propio ({ $reason }); los demás archivos se verifican con normalidad
    .help = es un error de article7, no del informe: envíe el archivo y este mensaje a los responsables de la herramienta
    .help = compruebe que el archivo existe, que se puede leer y que es un informe
input-unsupported = el archivo no es JSON, ni XML, ni un libro de Excel (.xlsx)
    .help = dé al archivo la extensión .json, .xml o .xlsx, o utilice --input-format
input-syntax = { $detail }
    .help = { $help }
input-syntax-text = el archivo no está bien formado ({ $detail })
    .help = corrija el archivo en el lugar indicado, o vuelva a exportarlo desde la herramienta que lo produjo
input-duplicate-key = la clave `{ $key }` aparece { $times ->
        [2] dos veces
       *[other] { $times } veces
    } en { $object }; solo se conserva el último valor
    .help = elimine o cambie el nombre de los duplicados: cada clave debe aparecer una sola vez por objeto
input-duplicate-key-object = el mismo objeto ({ $pointer })
input-duplicate-key-top = el objeto de primer nivel
input-number-precision = el número { $number } en { $pointer } es demasiado grande para guardarse con exactitud
    .help = compruebe este número: ningún dato de un informe es tan grande
input-more-duplicates = otras { $count } claves aparecen más de una vez en su objeto (no se enumeran)
    .help = { $help }
input-more-numbers = otros { $count } números enteros son demasiado grandes para guardarse con exactitud (no se enumeran)
    .help = { $help }
the-top-level = la raíz
json-help-duplicate = conserve un solo miembro con esta clave y elimine o cambie el nombre de los demás; no todos los programas conservan el mismo duplicado, por lo que el informe podría leerse de otra manera en otro lugar
json-help-big-number = los números se guardan con 64 bits, por lo que este se redondearía sin aviso; compruebe que la cifra no tenga un error de escritura y escriba los identificadores y números de referencia como texto entre comillas
input-help-big-number = los números se guardan con 64 bits, por lo que este se redondearía sin aviso; compruebe que la cifra no tenga un error de escritura

## Lector XML
xml-help-check = corrija el XML en esa posición (un editor que reconozca XML la resalta); si el archivo procede de otro programa, expórtelo de nuevo
xml-help-truncated = el archivo parece estar incompleto: compruebe que se guardó o se descargó por completo
xml-help-encoding = guarde el archivo en UTF-8 (en la mayoría de los editores: «Guardar como», codificación UTF-8) y declare `encoding="UTF-8"`, o no declare ninguna codificación
xml-help-duplicate = conserve un solo elemento con este nombre y elimine o cambie el nombre de los demás; no todos los programas conservan el mismo duplicado, por lo que el informe podría leerse de otra manera en otro lugar
xml-help-right-file = compruebe que se trata del archivo correcto
xml-nul = el archivo contiene caracteres NUL (el primero en la línea { $line }, columna { $column })
xml-help-nul = probablemente el archivo no es un archivo de texto XML (un archivo binario, un archivo UTF-16 guardado sin marca de orden de bytes o una descarga dañada); exporte de nuevo el informe como XML en UTF-8
xml-more-problems = otros { $count } problemas del mismo tipo (no se enumeran)
xml-more-duplicates = otros { $count } elementos repiten un miembro de su elemento padre (no se enumeran)
    .help = { xml-help-duplicate }
xml-empty = el XML no está bien formado: el archivo está vacío, cuando se esperaba un informe
xml-help-empty = un informe es un elemento `<article7-report>`: compruebe que se trata del archivo correcto y que se guardó por completo
xml-utf16-surrogate = el archivo no es un texto { $encoding } válido (sustituto no emparejado { $unit } en la línea { $line }, columna { $column })
xml-help-not-text = el archivo está dañado o no es un archivo de texto; exporte de nuevo el informe, preferiblemente en UTF-8
xml-utf16-half = el archivo es texto { $encoding } (empieza con esa marca de orden de bytes) pero termina con medio carácter
xml-not-utf8 = el archivo no es un texto UTF-8 válido (byte no válido { $byte } en la línea { $line }, columna { $column })
xml-help-not-utf8 = guarde el archivo con codificación UTF-8 (en la mayoría de los editores: «Guardar como», codificación UTF-8); un archivo en otra codificación, como Windows-1252 o Latin-1, debe convertirse
xml-encoding = el archivo declara la codificación `{ $encoding }`; solo se leen archivos UTF-8 y UTF-16
xml-doctype = el archivo tiene una declaración DOCTYPE; las declaraciones DOCTYPE y las definiciones de entidades no se admiten en un informe (no se expande ni se descarga nada)
xml-help-doctype = elimine el bloque `<!DOCTYPE …>`; escriba los caracteres especiales directamente o como `&amp;`, `&lt;`, `&gt;`, `&quot;`, `&apos;` o `&#NNN;`
xml-too-many-nodes = el archivo tiene más de { $limit } nodos XML, muchos más que cualquier informe; no se lee
xml-not-well-formed = el XML no está bien formado en la línea { $line }, columna { $column }: { $what }
xml-unclosed-root = el archivo termina antes de que se cierre el elemento raíz
xml-only-white-space = el archivo solo contiene espacios en blanco, cuando se esperaba un informe
xml-no-element = el archivo no tiene ningún elemento, cuando se esperaba un informe
xml-end-tag = la etiqueta de cierre `</{ $actual }>` no cierra el elemento abierto `<{ $expected }>`
xml-unknown-entity = la entidad `&{ $name };` no está definida (solo lo están `&amp;`, `&lt;`, `&gt;`, `&quot;`, `&apos;` y las referencias de carácter como `&#233;`)
xml-help-entity = escriba el propio carácter o una referencia de carácter
xml-unknown-prefix = el prefijo de espacio de nombres `{ $prefix }:` no está declarado
xml-help-prefix = escriba los elementos del informe sin prefijo, bajo `xmlns="urn:apmbc:article7:report:1"` en el elemento raíz
xml-root = el elemento raíz debe ser `<{ $root }>` en el espacio de nombres `{ $namespace }`; se encontró `<{ $found }>` { $where }
xml-help-root = empiece el informe con `<article7-report xmlns="urn:apmbc:article7:report:1">`
xml-no-namespace = fuera de todo espacio de nombres
xml-in-namespace = en el espacio de nombres `{ $namespace }`
xml-root-element = el elemento raíz
xml-too-deep = los elementos están anidados a demasiada profundidad (más de { $limit } niveles)
xml-help-too-deep = un informe necesita menos de 10 niveles; compruebe que se trata del archivo correcto
xml-duplicate = el elemento `<{ $key }>` aparece más de una vez en `<{ $parent }>` ({ $pointer }); solo se conserva el último
    .help = { xml-help-duplicate }
xml-stray-text = el texto `{ $text }` está junto a elementos hijos en `<{ $parent }>`; un elemento contiene texto o elementos hijos, pero no ambas cosas
xml-help-stray-text = traslade el texto a un elemento propio (por ejemplo `<note>`) o elimínelo
xml-foreign-element = el elemento `<{ $name }>` está { $where }; todos los elementos de un informe deben estar en el espacio de nombres `{ $namespace }`
xml-help-foreign-element = elimine el elemento o declare en él el espacio de nombres del informe (`xmlns="urn:apmbc:article7:report:1"`); otros vocabularios no tienen cabida en un informe
xml-attribute = el atributo `{ $attribute }` de `<{ $element }>` no forma parte del modelo de informe; los valores se escriben como elementos
xml-help-attribute = escríbalo como elemento hijo (`<{ $name }>…</{ $name }>`) si el modelo tiene ese campo, dentro de `<extensions>` si no lo tiene, o elimínelo

## Lector de Excel
xlsx-help-resave = abra el archivo en una hoja de cálculo, compruebe que es el informe y guárdelo de nuevo como Libro de Excel (.xlsx)
xlsx-reader-failed = no se pudo leer el libro: su contenido hizo fallar al lector de Excel
xlsx-not-workbook = el archivo no es un libro de Excel legible: { $reason }
xlsx-damaged-sheet = el libro está dañado: no se puede leer la hoja `{ $sheet }` ({ $reason })
xlsx-too-many-cells = el libro tiene más de { $limit } celdas con contenido, más de las que puede tener un informe
xlsx-legacy = el archivo es un libro de Excel 97-2003 (.xls) u otro documento OLE, no un libro .xlsx
xlsx-help-legacy = ábralo en Excel o LibreOffice y guárdelo como Libro de Excel (.xlsx)
xlsx-too-large = el libro ocupa { $size } bytes, más de los { $limit } bytes que puede tener un libro de informe
xlsx-not-zip = el archivo no es un libro de Excel: un archivo .xlsx es un archivo ZIP, y este no lo es
xlsx-damaged-zip = el libro está dañado: no se puede abrir su archivo ZIP ({ $reason })
xlsx-damaged-entry = el libro está dañado: no se puede leer la entrada { $entry } de su archivo comprimido ({ $reason })
xlsx-damaged-part = el libro está dañado: la parte `{ $entry }` de su archivo comprimido no coincide con su suma de verificación o no se puede descomprimir ({ $reason })
xlsx-refused = se rechaza el libro: { $why } (una bomba ZIP o un archivo dañado)
xlsx-help-refused = un libro de informe es pequeño; guarde de nuevo el informe desde una hoja de cálculo, sin archivos incrustados
xlsx-about-entries = el archivo comprimido declara unas { $count } entradas, más de las { $limit } que puede tener un libro
xlsx-entries = el archivo comprimido tiene { $count } entradas, más de las { $limit } que puede tener un libro
xlsx-entry-inflates = la entrada `{ $entry }` del archivo comprimido pasaría de { $packed } a { $size } bytes al descomprimirse
xlsx-total-inflates = el archivo comprimido ocuparía más de { $limit } bytes al descomprimirse
xlsx-encrypted = el libro está protegido con contraseña (cifrado), por lo que no se puede leer
    .help = ábralo, quite la contraseña (en Excel: Archivo > Información > Proteger libro > Cifrar con contraseña), guárdelo y valídelo de nuevo
xlsx-unknown-sheet = la hoja `{ $sheet }` no forma parte de la estructura del informe, por lo que no se lee nada de ella
    .help = { $suggestion }póngale el nombre de una de las hojas del informe o retírela del libro. Las hojas son: { $sheets }
xlsx-value-without-key = la celda B{ $row } de la hoja `{ $sheet }` contiene `{ $value }` pero la celda A{ $row } no nombra ningún campo, por lo que el valor no se lee
    .help = escriba en la columna A la etiqueta del campo (o su clave) o elimine el valor
xlsx-link-ignored = la celda { $cell } de la hoja `{ $sheet }` contiene `{ $value }`, pero este elemento se lee de las filas de la hoja `{ $target }`, por lo que la celda no se lee
    .help = deje la celda vacía: el informe toma este elemento de la hoja `{ $target }` (`[]` o `{"{"}{"}"}` en esta celda solo cuenta cuando esa hoja no tiene nada para él)
xlsx-column-without-key = la columna { $column } de la hoja `{ $sheet }` contiene valores (`{ $value }` en { $cell }) pero su fila de encabezado no nombra ningún campo, por lo que no se lee
    .help = escriba en { $header } la etiqueta del campo (o su clave) o elimine la columna
xlsx-duplicate-row = el campo `{ $key }` aparece dos veces en la hoja `{ $sheet }` ({ $first } y { $second })
    .help = conserve una sola fila para `{ $key }`; solo se lee la última
xlsx-duplicate-column = la clave `{ $key }` aparece dos veces en la hoja `{ $sheet }` ({ $first } y { $second })
    .help = conserve una sola columna para `{ $key }`; solo se lee la primera
xlsx-unknown-parent = { $rows ->
        [one] la fila { $first } de la hoja `{ $sheet }` indica
       *[other] { $rows } filas ({ $first } a { $last }) de la hoja `{ $sheet }` indican
    } `{ $key }` en `{ $column }`, pero ninguna fila de `{ $parent }` tiene { $by ->
        [id] ese identificador
       *[position] esa posición
    }; { $rows ->
        [one] no se lee
       *[other] no se leen
    }
    .help = escriba en `{ $column }` { $by ->
        [id] el identificador
       *[position] la posición (contando desde 1)
    } de una fila de `{ $parent }`
xlsx-rows-without-parent = { $rows ->
        [one] la fila { $first } de la hoja `{ $sheet }` no indica ningún elemento padre en `{ $column }`, por lo que no pertenece a ninguna fila de `{ $parent }` y no se lee
       *[other] { $rows } filas ({ $first } a { $last }) de la hoja `{ $sheet }` no indican ningún elemento padre en `{ $column }`, por lo que no pertenecen a ninguna fila de `{ $parent }` y no se leen
    }
    .help = escriba en `{ $column }` { $by ->
        [id] el identificador
       *[position] la posición (contando desde 1)
    } de una fila de `{ $parent }`
xlsx-unknown-column = la columna `{ $header }` de la hoja `{ $sheet }` no es un campo que el modelo de informe conozca aquí; { $empty ->
        [yes] está vacía
       *[no] sus valores no se leen
    }
    .help = { $suggestion }cambie el encabezado de { $cell } por una de las claves de la hoja ({ $keys }) o elimine la columna

## Reglas
rule-failed-to-run = la regla { $id } ({ $name }) no pudo evaluarse aquí: { $error }
    .help = se trata de un defecto de la regla, no del informe: comuníquelo junto con el archivo; `{ $id }` está definida en { $file }

## Resúmenes
summary = { $files ->
        [one] { $files } archivo revisado
       *[other] { $files } archivos revisados
    }: { $errors ->
        [one] { $errors } error
       *[other] { $errors } errores
    }, { $warnings ->
        [one] { $warnings } advertencia
       *[other] { $warnings } advertencias
    }, { $infos ->
        [one] { $infos } observación
       *[other] { $infos } observaciones
    }
summary-unreadable = ; { $count ->
        [one] no se pudo leer { $count } archivo
       *[other] no se pudieron leer { $count } archivos
    }
summary-waived = ; { $count ->
        [one] { $count } exención aplicada
       *[other] { $count } exenciones aplicadas
    }
summary-skipped = ; { $count ->
        [one] { $count } archivo omitido
       *[other] { $count } archivos omitidos
    } (ni .json, ni .xml, ni .xlsx): { $files }
row-values = fila: { $values }
at-cell = en { $file } › hoja { $sheet }, celda { $cell }
column = columna
at-text = en { $file }:{ $line }:{ $column }
in-file = en { $file }
here = aquí

## Lector JSON
json-not-well-formed = el JSON está mal formado: { $what } en la línea { $line }, columna { $column }
json-empty = el JSON está mal formado: el archivo está vacío, cuando se esperaba un objeto de informe
json-blank = el JSON está mal formado: el archivo solo contiene espacios en blanco, cuando se esperaba un objeto de informe
json-help-empty = un informe es un objeto JSON: compruebe que se trata del archivo correcto y que se guardó completo
json-not-utf8 = el archivo no es un texto UTF-8 válido (byte no válido { $byte } en la línea { $line }, columna { $column })
json-help-utf16 = el archivo parece un texto UTF-16; guárdelo en UTF-8 (en la mayoría de los editores: «Guardar como», codificación UTF-8)
json-help-not-utf8 = guarde el archivo con la codificación UTF-8 (en la mayoría de los editores: «Guardar como», codificación UTF-8); un archivo en otra codificación, como Windows-1252 o Latin-1, debe convertirse
json-eof-list = el archivo termina dentro de una lista (`[` sin su `]`)
json-eof-object = el archivo termina dentro de un objeto (`{"{"}` sin su `{"}"}`)
json-eof-string = el archivo termina dentro de una cadena (falta cerrar un `"`)
json-eof-value = el archivo termina donde se esperaba un valor
json-expected-ident = se esperaba `true`, `false` o `null`
json-expected-value = se esperaba un valor (un texto entre comillas dobles, un número, un objeto, una lista, `true`, `false` o `null`)
json-expected-quote = se esperaba un `"`
json-key-string = se esperaba una clave entre comillas dobles
json-trailing-comma = una coma va seguida de un corchete o una llave de cierre (el JSON no admite comas finales)
json-trailing-characters = hay más texto después del final del valor JSON
json-too-deep = los valores están anidados a demasiada profundidad (más de 127 niveles de listas y objetos)
json-number-range = un número es demasiado grande para representarse (más de aproximadamente 1,8e308)
json-invalid-number = número no válido
json-invalid-escape = secuencia de escape no válida en una cadena (después de una `\`)
json-control-character = un carácter de control (tabulación, salto de línea…) dentro de una cadena debe escribirse como secuencia de escape (`\t`, `\n`)
json-help-check = corrija la sintaxis JSON en ese lugar (un editor que conozca el JSON la resalta); si el archivo proviene de otro programa, expórtelo de nuevo
json-help-truncated = el archivo parece estar incompleto: compruebe que se guardó o descargó completo, o cierre los corchetes y llaves abiertos
json-help-too-deep = un informe nunca tiene un anidamiento tan profundo: compruebe que el archivo es un informe y que el programa que lo escribió cerró sus listas y objetos
json-help-number-range = ninguna cifra real es tan grande: compruebe el número por si hay un error de escritura (por ejemplo, un exponente sobrante como `e400`)
json-help-nul = el archivo contiene bytes NUL, por lo que probablemente no es un archivo de texto JSON (un archivo binario, un archivo UTF-16 o una descarga dañada); exporte de nuevo el informe en JSON UTF-8

## Etiquetas de los códigos del modelo (listas desplegables del libro, sugerencias)
code-initial = inicial
code-annual = anual
code-ar = árabe
code-en = inglés
code-es = español
code-fr = francés
code-ru = ruso
code-zh = chino
code-provided = presentado
code-unchanged = sin cambios
code-not_applicable = no aplicable
code-law = ley
code-decree = decreto
code-regulation = reglamento
code-administrative = medida administrativa
code-other = otra
code-use = emplear
code-develop = desarrollar
code-produce = producir
code-acquire = adquirir
code-stockpile = almacenar
code-retain = conservar
code-transfer = transferir
code-assist = ayudar
code-CHA = ZPC (zona peligrosa confirmada)
code-SHA = ZPP (zona presuntamente peligrosa)
code-training = adiestramiento
code-destruction = destrucción
code-conversion = conversión
code-decommissioning = desmantelamiento
code-in_process = en curso
code-completed = finalizado
code-not_started = sin iniciar
code-in_progress = en curso
code-marking = señalización
code-fencing = cercado
code-monitoring = vigilancia
code-risk_education = educación sobre el riesgo
code-legislation_adopted = legislación aprobada
code-existing_law_sufficient = legislación vigente suficiente
code-in_preparation = en preparación
code-none = ninguna
code-true = sí
code-false = no

## Lector de Excel: números escritos como texto
xlsx-ambiguous-number = el texto `{ $text }` en { $label } puede leerse { $read } o { $other }; se leyó { $read }, según la forma { $lang } de escribir los números
    .help = si se quería decir { $other }, corrija la celda; para no dejar dudas, escriba el número sin separador de miles (`{ $plain }`)
xlsx-lang-en = inglesa
xlsx-lang-fr = francesa
xlsx-lang-es = española

## Listas de códigos: sugerencias y Estados partes
schema-enum-suggestion = ¿quiso decir `{ $code }` («{ $label_es }»)?{ " " }
schema-state-party = `{ $found }` no es el código de ningún Estado parte en la Convención
    .help = { $suggestion }escriba el código ISO 3166-1 alfa-3 del Estado (el del Senegal es `SEN`); los informes anteriores se buscan por este código (`--history`), de modo que un código erróneo también los oculta
schema-state-suggestion = ¿quiso decir `{ $code }` ({ $name_es })?{ " " }
schema-format-version = el informe declara `format_version` "{ $declared }", pero { $count ->
        [one] uno de sus campos se añadió
       *[other] { $count } de sus campos se añadieron
    } en la versión { $needed } del modelo: { $members }
    .help = indique `format_version` "{ $needed }" (no cambia nada más: la versión { $needed } solo añade campos opcionales); una herramienta que lee informes de la versión { $declared } rechazaría estos campos o los descartaría

## Página HTML y salida para personas (la línea «sin comprobar»)
html-title = Informe de validación de article7
html-heading = Validación de los informes presentados en virtud del artículo 7
html-catalogue = Catálogo { $version } ({ $hash }), article7 { $tool }.
html-file = archivo
html-status = estado
html-errors = errores
html-warnings = advertencias
html-infos = observaciones
html-status-errors = con errores
html-status-review = por revisar
html-status-valid = válido
html-no-problem = No se encontró ningún problema.
html-severity = gravedad
html-rule = regla
html-problem = problema
html-where = ubicación
html-fix = cómo corregirlo
html-details = detalles técnicos
html-pointer = lugar en el informe (puntero JSON)
html-at-line = línea { $line }, columna { $column }
html-at-cell = hoja { $sheet }, celda { $cell }
html-form-A = Formulario A — medidas de aplicación nacionales
html-form-B = Formulario B — existencias de minas antipersonal
html-form-C = Formulario C — zonas minadas
html-form-D = Formulario D — minas retenidas o transferidas
html-form-E = Formulario E — conversión o desmantelamiento de las instalaciones de producción
html-form-F = Formulario F — programas de destrucción de minas antipersonal
html-form-G = Formulario G — minas antipersonal destruidas
html-form-H = Formulario H — características técnicas
html-form-I = Formulario I — medidas para advertir a la población
html-form-J = Formulario J — otras cuestiones pertinentes
html-form-other = Formulario { $form }
html-form-none = Portada e informe en su conjunto
severity-error = error
severity-warning = advertencia
severity-info = observación
not-checked = { $checks ->
    [one] Se realizará 1 comprobación
   *[other] Se realizarán { $checks } comprobaciones
} cuando se { $errors ->
    [one] corrija este error
   *[other] corrijan estos { $errors } errores
}.
help-line = ayuda: { $help }
## Reglas no evaluadas (rules/skip.rs): por qué una regla no se aplicó a un informe
skipped-heading = { $count ->
    [one] 1 comprobación no se realizó
   *[other] { $count } comprobaciones no se realizaron
}
skipped-line = { $rule } «{ $title }»: { $reason }
skip-missing-value = necesita `{ $value }`, que el informe no indica
skip-no-previous = necesita el informe anual anterior del Estado, que no se encontró (en el lote ni en --history)
skip-no-earlier = necesita un informe anterior del mismo Estado, y no se encontró ninguno (en el lote ni en --history)
skip-short-history = necesita { $needed } informes anuales anteriores del Estado, y { $found ->
    [0] no se encontró ninguno
    [one] solo se encontró { $found }
   *[other] solo se encontraron { $found }
} (en el lote ni en --history)
skip-reads-rejected = lee `{ $pointer }`, que no cumple el esquema del informe
skip-failed-on-invalid = no se pudo evaluar en un informe que no cumple el esquema: { $error }
skip-not-in-profile = { $profile ->
        [treaty] fuera del perfil treaty (solo el tratado)
       *[other] no forma parte del plan { $profile }
    }: se basa en { $plans }

## Encabezados de `explain`
explain-checks = Qué se comprueba
explain-why = Por qué es importante
explain-fix = Cómo corregirlo
explain-basis = Fundamento
explain-invalid = Un ejemplo no válido
explain-valid = Un ejemplo válido
explain-with-previous = con este informe anterior:
explain-with-earlier = con este informe previo:
explain-with-history = con estos informes anuales anteriores (del más reciente al más antiguo):
explain-requires = solo se aplica con
explain-previous = el informe anual anterior
explain-earlier = un informe anterior del mismo Estado
explain-history = { $n ->
    [one] un informe anual anterior del Estado
   *[other] { $n } informes anuales anteriores del Estado
}

# Encabezado de un archivo en la salida legible: el plan aplicado.
file-profile = { $file }: perfil { $profile }, { $name }
summary-checks-skipped = ; { $count ->
    [one] 1 comprobación no realizada
   *[other] { $count } comprobaciones no realizadas
}
html-profile = Reglas aplicadas: { $name }
# Los planes de acción con que se contrasta un informe (rules/profile.rs), por código.
profile-treaty = Solo la Convención (sin plan de acción aplicado)
profile-MAP = Plan de Acción de Maputo (2014–2019)
profile-OAP = Plan de Acción de Oslo (2020–2024)
profile-SRAAP = Plan de Acción de Siem Reap-Angkor (2025–2029)
schema-enum-cell = { $field } debe ser uno de estos valores: { $options }; se encontró { $found }
    .help = { $suggestion }elija el valor en la lista desplegable de la celda{ $about }
schema-enum-suggestion-cell = ¿quiso decir «{ $label_es }»?{ " " }
skip-reads-rejected-cell = lee { $label } (hoja { $sheet }, celda { $cell }), cuyo valor no se ajusta al modelo de informe
schema-required-cell = { $field } es obligatorio pero no se ha rellenado
    .help = rellene { $field } en la hoja { $sheet }{ $about }
schema-required-sheet = { $field } es obligatorio, pero el libro no tiene la hoja { $sheet }
    .help = añada la hoja { $sheet } (cópiela de una plantilla en blanco, `article7 template --lang es`) y rellénela o marque su casilla de la portada{ $about }
skip-needs-missing-cell = necesita { $label } (hoja { $sheet }), que no se ha rellenado
basis-line = fundamento: { $references }
schema-additional-properties-cell = { $key } no tiene cabida en este lugar del informe
    .help = { $suggestion }pase el valor a uno de los campos previstos en este lugar, o elimine la fila.{ $allowed }
schema-suggestion-cell = ¿quiso decir { $label }?{ " " }
schema-allowed-cell = { " " }Campos admitidos aquí: { $list }.

## Copia anotada de un libro (`article7 annotate`): la hoja de constataciones
annotate-sheet = Constataciones
annotate-title = Revisión de { $file }: { $errors ->
        [one] { $errors } error
       *[other] { $errors } errores
    }, { $warnings ->
        [one] { $warnings } advertencia
       *[other] { $warnings } advertencias
    }, { $infos ->
        [one] { $infos } observación
       *[other] { $infos } observaciones
    }. Cada constatación relativa a una celda figura también como comentario en ella; haga clic en la ubicación para ir a la celda.
annotate-comment = [{ $severity }] { $rule }: { $message }
annotate-col-severity = Gravedad
annotate-col-rule = Regla
annotate-col-message = Constatación
annotate-col-fix = Cómo corregirlo
annotate-col-place = Ubicación
annotate-whole-report = el informe completo
annotate-none = Ninguna constatación: el informe supera todos los controles.
annotate-wrote = Se ha escrito { $file }: { $findings ->
        [one] 1 constatación
       *[other] { $findings } constataciones
    } ({ $errors ->
        [one] 1 error
       *[other] { $errors } errores
    }, { $warnings ->
        [one] 1 advertencia
       *[other] { $warnings } advertencias
    }, { $infos ->
        [one] 1 observación
       *[other] { $infos } observaciones
    }) en la primera hoja, { $cells ->
        [one] un comentario en 1 celda
       *[other] comentarios en { $cells } celdas
    }
