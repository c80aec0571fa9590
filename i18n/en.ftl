# Messages of article7's built-in checks and summaries, English.
# Every message here must exist in fr.ftl and es.ftl too (a test checks it).
# Values are pre-formatted by the program; `field` is `key` or "item N of `key`".

field-key = `{ $key }`
field-item = item { $item } of `{ $key }`
the-report = the report
about = { " " }({ $field }: { $text })

## Schema findings
schema-required = `{ $name }` is required in { $where } but is missing
    .help = add `{ $name }`{ $about }
schema-additional-properties = `{ $key }` is not a field the report model knows here
    .help = { $suggestion }check the spelling (keys are snake_case), or move extra information under `extensions`.{ $allowed }
schema-suggestion = did you mean `{ $key }`?{ " " }
schema-allowed = { " " }Allowed here: { $list }.
schema-enum = { $field } must be one of { $options }; found { $found }
    .help = use one of the listed codes exactly as written{ $about }
schema-const = { $field } must be `{ $expected }`; found { $found }
    .help = write `{ $expected }`
schema-type = { $field } must be { $expected }; found { $found }
    .help = write { $expected }{ $quotes }{ $about }
schema-type-quotes = { " " }without quotes
schema-type-cell = { " " }in digits only, without spaces or units
schema-format-date = { $field } must be a calendar date written YYYY-MM-DD; found { $found }
    .help = write it like `2019-12-31`
schema-format-date-cell = { $field } must be a calendar date written YYYY-MM-DD; found { $found }
    .help = type it like `2019-12-31`, which is read the same whatever the spreadsheet's language; `31/12/2019` is a date only for spreadsheets set to a language that writes dates that way, and otherwise stays text
schema-format-email = { $field } must be an e-mail address; found { $found }
    .help = write it like `name@example.org`
schema-format-other = { $field } is not a valid { $format }; found { $found }
    .help = write a valid { $format }
schema-pattern-text = { $field } must not be empty
    .help = write the information, or remove the field if it is optional{ $about }
schema-pattern-code = { $field } must be three capital letters; found { $found }
    .help = use the ISO code (ISO 3166-1 alpha-3 for States, e.g. `KHM`; ISO 4217 for currencies, e.g. `USD`){ $about }
schema-pattern-other = { $field } does not have the expected form; found { $found }
    .help = it must match the pattern `{ $pattern }`{ $about }
schema-minimum = { $field } must be at least { $limit }; found { $found }
    .help = write a value of { $limit } or more{ $about }
schema-maximum = { $field } must be at most { $limit }; found { $found }
    .help = write a value of { $limit } or less{ $about }
schema-min-items = { $field } must list at least { $limit } { $limit ->
        [one] item
       *[other] items
    }; found { $count }
    .help = add the missing items, or change the form's cover mark{ $about }
schema-other = { $field } breaks the report schema (`{ $keyword }`)
    .help = compare the value with the report model (`article7 schema`)

type-integer = a whole number
type-number = a number
type-string = text
type-boolean = true or false
type-array = a list
type-object = an object
type-null = null
type-other = a value of another type
type-or = { $a } or { $b }
found-number = the number { $value }
found-text = the text { $value }
found-bool = `{ $value }`
found-list = a list
found-object = an object
found-null = null

## Input findings
input-unreadable = the file could not be read: { $reason }
    .help = check that the file exists, is readable, and is a report
input-unsupported = the file is neither JSON, XML nor an Excel workbook (.xlsx)
    .help = give the file a .json, .xml or .xlsx extension, or pass --input-format
input-syntax = { $detail }
    .help = { $help }
input-duplicate-key = the key `{ $key }` appears { $times ->
        [2] twice
       *[other] { $times } times
    } in { $object }; only the last value is kept
    .help = { $help }
input-duplicate-key-object = the same object ({ $pointer })
input-duplicate-key-top = the top-level object
input-number-precision = the number { $number } at { $pointer } is too large to be stored exactly
    .help = { $help }
input-more-duplicates = { $count } more keys appear more than once in their object (not listed)
input-more-numbers = { $count } more integers are too large to be stored exactly (not listed)
the-top-level = the top level

## Rules
rule-failed-to-run = rule { $id } ({ $name }) could not be evaluated here: { $error }
    .help = this is a defect of the rule, not of the report: report it with the file; `{ $id }` is defined in { $file }

## Summaries
summary = { $files ->
        [one] { $files } file
       *[other] { $files } files
    } checked: { $errors ->
        [one] { $errors } error
       *[other] { $errors } errors
    }, { $warnings ->
        [one] { $warnings } warning
       *[other] { $warnings } warnings
    }, { $infos ->
        [one] { $infos } info
       *[other] { $infos } infos
    }
summary-unreadable = ; { $count ->
        [one] { $count } file
       *[other] { $count } files
    } could not be read
basis = basis
row = row
at-cell = at { $file } › sheet { $sheet }, cell { $cell }
column = column
