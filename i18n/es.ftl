# Mensajes de los controles integrados y resúmenes de article7, en español.

field-key = `{ $key }`
field-item = el elemento { $item } de `{ $key }`
the-report = el informe
about = { " " }({ $field }: { $text })

## Hallazgos del esquema
schema-required = `{ $name }` es obligatorio en { $where } pero falta
    .help = añada `{ $name }`{ $about }
schema-additional-properties = `{ $key }` no es un campo que el modelo de informe conozca en este lugar
    .help = { $suggestion }compruebe la ortografía (las claves están en snake_case) o ponga la información adicional bajo `extensions`.{ $allowed }
schema-suggestion = ¿quiso decir `{ $key }`?{ " " }
schema-allowed = { " " }Campos admitidos aquí: { $list }.
schema-enum = { $field } debe ser uno de los valores { $options }; se encontró { $found }
    .help = utilice uno de los códigos indicados, exactamente como está escrito{ $about }
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
    .help = compruebe que el archivo existe, que se puede leer y que es un informe
input-unsupported = el archivo no es JSON, ni XML, ni un libro de Excel (.xlsx)
    .help = dé al archivo la extensión .json, .xml o .xlsx, o utilice --input-format
input-syntax = el archivo no está bien formado ({ $detail })
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
input-more-numbers = otros { $count } números enteros son demasiado grandes para guardarse con exactitud (no se enumeran)
the-top-level = la raíz

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
        [one] { $infos } información
       *[other] { $infos } informaciones
    }
summary-unreadable = ; { $count ->
        [one] no se pudo leer { $count } archivo
       *[other] no se pudieron leer { $count } archivos
    }
basis = fundamento
row = fila
at-cell = en { $file } › hoja { $sheet }, celda { $cell }
column = columna
