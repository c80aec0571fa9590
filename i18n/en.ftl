# Messages of article7's built-in checks and summaries, English.
# Every message here must exist in fr.ftl and es.ftl too (a test checks it).
# Values are pre-formatted by the program; `field` is `key` or "item N of `key`".

field-key = `{ $key }`
field-item = item { $item } of `{ $key }`
the-report = the report
# A field of a workbook, named by the label the user sees there.
field-label = “{ $label }”
about = { " " }({ $field }: { $text })
about-required = { " " }({ $text })

## Schema findings
schema-required = `{ $name }` is required in { $where } but is missing
    .help = add `{ $name }`{ $about }
schema-additional-properties = `{ $key }` is not a field the report model knows here
    .help = { $suggestion }check the spelling (keys are snake_case), or move extra information under `extensions`.{ $allowed }
schema-suggestion = did you mean `{ $key }`?{ " " }
schema-allowed = { " " }Allowed here: { $list }.
schema-enum = { $field } must be one of { $options }; found { $found }
    .help = { $suggestion }use one of the listed codes exactly as written, or in a workbook pick the value from the cell's drop-down list{ $about }
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
type-boolean-cell = TRUE or FALSE (yes or no also do)
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
validator-failed = article7 stopped while checking this file, on a defect of its own ({ $reason }); the other files are checked as usual
    .help = this is a bug in article7, not in the report: please send the file and this message to the maintainers
    .help = check that the file exists, is readable, and is a report
input-unsupported = the file is neither JSON, XML nor an Excel workbook (.xlsx)
    .help = give the file a .json, .xml or .xlsx extension, or pass --input-format
input-syntax = { $detail }
    .help = { $help }
input-syntax-text = { $detail }
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
    .help = { $help }
input-more-numbers = { $count } more integers are too large to be stored exactly (not listed)
    .help = { $help }
the-top-level = the top level
json-help-duplicate = keep one member with this key and delete or rename the others; programs disagree on which duplicate they keep, so the report could be read differently elsewhere
json-help-big-number = numbers are stored with 64 bits, so this one would be silently rounded; check the figure for a typing error, and write identifiers or reference numbers as text in quotes
input-help-big-number = numbers are stored with 64 bits, so this one would be silently rounded; check the figure for a typing error

## XML reader
xml-help-check = correct the XML at that position (an XML-aware editor highlights it); if the file came from another program, export it again
xml-help-truncated = the file seems to be cut short: check that it was saved or downloaded completely
xml-help-encoding = save the file as UTF-8 (in most editors: "Save as", encoding UTF-8) and declare `encoding="UTF-8"`, or leave the encoding out
xml-help-duplicate = keep one element with this name and delete or rename the others; programs disagree on which duplicate they keep, so the report could be read differently elsewhere
xml-help-right-file = check that the right file was given
xml-nul = the file contains NUL characters (the first at line { $line }, column { $column })
xml-help-nul = the file is probably not an XML text file (a binary file, UTF-16 saved without a byte-order mark, or a damaged download); export the report again as UTF-8 XML
xml-more-problems = { $count } more problems of the same kinds (not listed)
xml-more-duplicates = { $count } more elements repeat a member of their parent (not listed)
    .help = { xml-help-duplicate }
xml-empty = the XML is not well-formed: the file is empty, where a report was expected
xml-help-empty = a report is an `<article7-report>` element: check that the right file was given and that it was saved completely
xml-utf16-surrogate = the file is not valid { $encoding } text (an unpaired surrogate { $unit } at line { $line }, column { $column })
xml-help-not-text = the file is damaged or not a text file; export the report again, preferably as UTF-8
xml-utf16-half = the file is { $encoding } text (it starts with that byte-order mark) but ends in half a character
xml-not-utf8 = the file is not valid UTF-8 text (invalid byte { $byte } at line { $line }, column { $column })
xml-help-not-utf8 = save the file with UTF-8 encoding (in most editors: "Save as", encoding UTF-8); a file in another encoding such as Windows-1252 or Latin-1 must be converted
xml-encoding = the file declares the encoding `{ $encoding }`; only UTF-8 and UTF-16 files are read
xml-doctype = the file has a DOCTYPE declaration; DOCTYPE and entity definitions are not allowed in a report (nothing is expanded or fetched)
xml-help-doctype = delete the `<!DOCTYPE …>` block; write special characters directly or as `&amp;`, `&lt;`, `&gt;`, `&quot;`, `&apos;` or `&#NNN;`
xml-too-many-nodes = the file has more than { $limit } XML nodes, far more than any report; it is not read
xml-not-well-formed = the XML is not well-formed at line { $line }, column { $column }: { $what }
xml-unclosed-root = the file ends before the root element is closed
xml-only-white-space = the file holds only white space, where a report was expected
xml-no-element = the file has no element, where a report was expected
xml-end-tag = the end tag `</{ $actual }>` does not close the open element `<{ $expected }>`
xml-unknown-entity = the entity `&{ $name };` is not defined (only `&amp;`, `&lt;`, `&gt;`, `&quot;`, `&apos;` and character references such as `&#233;` are)
xml-help-entity = write the character itself, or a character reference
xml-unknown-prefix = the namespace prefix `{ $prefix }:` is not declared
xml-help-prefix = write the report's elements without a prefix, under `xmlns="urn:apmbc:article7:report:1"` on the root element
xml-root = the root element must be `<{ $root }>` in the namespace `{ $namespace }`; found `<{ $found }>` { $where }
xml-help-root = start the report with `<article7-report xmlns="urn:apmbc:article7:report:1">`
xml-no-namespace = in no namespace
xml-in-namespace = in the namespace `{ $namespace }`
xml-root-element = the root element
xml-too-deep = elements are nested too deeply (more than { $limit } levels)
xml-help-too-deep = a report needs fewer than 10 levels; check that the right file was given
xml-duplicate = the element `<{ $key }>` appears more than once in `<{ $parent }>` ({ $pointer }); only the last one is kept
    .help = { xml-help-duplicate }
xml-stray-text = the text `{ $text }` sits beside child elements in `<{ $parent }>`; an element holds either text or child elements, not both
xml-help-stray-text = move the text into an element of its own (for example `<note>`), or delete it
xml-foreign-element = the element `<{ $name }>` is { $where }; every element of a report must be in the namespace `{ $namespace }`
xml-help-foreign-element = remove the element, or declare the report's namespace on it (`xmlns="urn:apmbc:article7:report:1"`); other vocabularies belong nowhere in a report
xml-attribute = the attribute `{ $attribute }` on `<{ $element }>` is not part of the report model; values are written as elements
xml-help-attribute = write it as a child element (`<{ $name }>…</{ $name }>`) if the model has such a field, under `<extensions>` if not, or delete it

## Excel reader
xlsx-help-resave = open the file in a spreadsheet program, check that it is the report, and save it again as an Excel Workbook (.xlsx)
xlsx-reader-failed = the workbook could not be read: its content made the Excel reader fail
xlsx-not-workbook = the file is not a readable Excel workbook: { $reason }
xlsx-damaged-sheet = the workbook is damaged: the sheet `{ $sheet }` cannot be read ({ $reason })
xlsx-too-many-cells = the workbook has more than { $limit } filled cells, more than a report can have
xlsx-legacy = the file is an Excel 97-2003 workbook (.xls) or another OLE document, not an .xlsx workbook
xlsx-help-legacy = open it in Excel or LibreOffice and save it as an Excel Workbook (.xlsx)
xlsx-too-large = the workbook is { $size } bytes, more than the { $limit } bytes a report workbook may have
xlsx-not-zip = the file is not an Excel workbook: an .xlsx file is a ZIP archive, and this one is not
xlsx-damaged-zip = the workbook is damaged: its ZIP archive cannot be opened ({ $reason })
xlsx-damaged-entry = the workbook is damaged: entry { $entry } of its archive cannot be read ({ $reason })
xlsx-damaged-part = the workbook is damaged: the part `{ $entry }` of its archive does not match its checksum or cannot be unpacked ({ $reason })
xlsx-refused = the workbook is refused: { $why } (a ZIP bomb or a damaged file)
xlsx-help-refused = a report workbook is small; save the report again from a spreadsheet program, without embedded files
xlsx-about-entries = the archive lists about { $count } entries, more than the { $limit } a workbook may have
xlsx-entries = the archive has { $count } entries, more than the { $limit } a workbook may have
xlsx-entry-inflates = the archive entry `{ $entry }` would inflate from { $packed } to { $size } bytes
xlsx-total-inflates = the archive would inflate to more than { $limit } bytes
xlsx-encrypted = the workbook is password-protected (encrypted), so it cannot be read
    .help = open it, remove the password (in Excel: File > Info > Protect Workbook > Encrypt with Password), save it and validate it again
xlsx-unknown-sheet = the sheet `{ $sheet }` is not part of the report layout, so nothing on it is read
    .help = { $suggestion }rename it to one of the report's sheets, or move it out of the workbook. The sheets are: { $sheets }
xlsx-value-without-key = cell B{ $row } of sheet `{ $sheet }` holds `{ $value }` but cell A{ $row } has no key, so the value is not read
    .help = write the value's key in column A, or delete the value
xlsx-link-ignored = cell { $cell } of sheet `{ $sheet }` holds `{ $value }`, but this member is read from the rows of sheet `{ $target }`, so the cell is not read
    .help = leave the cell empty: the report takes this member from sheet `{ $target }` (`[]` or `{"{"}{"}"}` in this cell only counts when that sheet has nothing for it)
xlsx-column-without-key = column { $column } of sheet `{ $sheet }` holds values (`{ $value }` in { $cell }) but has no key in its header row, so it is not read
    .help = write the column's key in { $header }, or delete the column
xlsx-duplicate-row = the key `{ $key }` appears twice on sheet `{ $sheet }` ({ $first } and { $second })
    .help = keep one row for `{ $key }`; only the last one is read
xlsx-duplicate-column = the key `{ $key }` appears twice on sheet `{ $sheet }` ({ $first } and { $second })
    .help = keep one column for `{ $key }`; only the first one is read
xlsx-unknown-parent = { $rows ->
        [one] row { $first } of sheet `{ $sheet }` names
       *[other] { $rows } rows ({ $first } to { $last }) of sheet `{ $sheet }` name
    } `{ $key }` in `{ $column }`, but no row of `{ $parent }` has that { $by ->
        [id] id
       *[position] position
    }; { $rows ->
        [one] it is
       *[other] they are
    } not read
    .help = write in `{ $column }` the { $by ->
        [id] id
       *[position] 1-based position
    } of a row of `{ $parent }`
xlsx-rows-without-parent = { $rows ->
        [one] row { $first } of sheet `{ $sheet }` names no parent in `{ $column }`, so it belongs to no row of `{ $parent }` and is not read
       *[other] { $rows } rows ({ $first } to { $last }) of sheet `{ $sheet }` name no parent in `{ $column }`, so they belong to no row of `{ $parent }` and are not read
    }
    .help = write in `{ $column }` the { $by ->
        [id] id
       *[position] 1-based position
    } of a row of `{ $parent }`
xlsx-unknown-column = the column `{ $header }` of sheet `{ $sheet }` is not a field the report model knows here; { $empty ->
        [yes] it is empty
       *[no] its values are not read
    }
    .help = { $suggestion }rename the header in { $cell } to one of the sheet's keys ({ $keys }), or delete the column

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
summary-waived = ; { $count } waived
summary-skipped = ; { $count ->
        [one] { $count } file
       *[other] { $count } files
    } skipped (not .json, .xml or .xlsx): { $files }
row-values = row: { $values }
at-cell = at { $file } › sheet { $sheet }, cell { $cell }
column = column
at-text = at { $file }:{ $line }:{ $column }
in-file = in { $file }
here = here

## JSON reader
json-not-well-formed = the JSON is not well-formed: { $what } at line { $line }, column { $column }
json-empty = the JSON is not well-formed: the file is empty, where a report object was expected
json-blank = the JSON is not well-formed: the file holds only white space, where a report object was expected
json-help-empty = a report is a JSON object: check that the right file was given and that it was saved completely
json-not-utf8 = the file is not valid UTF-8 text (invalid byte { $byte } at line { $line }, column { $column })
json-help-utf16 = the file looks like UTF-16 text; save it as UTF-8 (in most editors: "Save as", encoding UTF-8)
json-help-not-utf8 = save the file with UTF-8 encoding (in most editors: "Save as", encoding UTF-8); a file in another encoding such as Windows-1252 or Latin-1 must be converted
json-eof-list = the file ends inside a list (`[` without its `]`)
json-eof-object = the file ends inside an object (`{"{"}` without its `{"}"}`)
json-eof-string = the file ends inside a string (a `"` is not closed)
json-eof-value = the file ends where a value was expected
json-expected-ident = expected `true`, `false` or `null`
json-expected-value = expected a value (a string in double quotes, a number, an object, a list, `true`, `false` or `null`)
json-expected-quote = expected a `"`
json-key-string = expected a key in double quotes
json-trailing-comma = a comma is followed by a closing bracket (JSON allows no trailing comma)
json-trailing-characters = there is more text after the end of the JSON value
json-too-deep = values are nested too deeply (more than 127 levels of lists and objects)
json-number-range = a number is too large to be represented (beyond about 1.8e308)
json-invalid-number = invalid number
json-invalid-escape = invalid escape sequence in a string (after a `\`)
json-control-character = a control character (such as a tab or line break) inside a string must be written as an escape (`\t`, `\n`)
json-help-check = correct the JSON syntax at that position (a JSON-aware editor highlights it); if the file came from another program, export it again
json-help-truncated = the file seems to be cut short: check that it was saved or downloaded completely, or close the open brackets
json-help-too-deep = a report never nests this deep: check that the file is a report, and that the program that wrote it closed its lists and objects
json-help-number-range = no real figure is this large: check the number for a typing error (for example a stray exponent such as `e400`)
json-help-nul = the file contains NUL bytes, so it is probably not a JSON text file (a binary file, a UTF-16 file, or a damaged download); export the report again as UTF-8 JSON

## Labels of the model's codes (drop-down lists of the workbook, suggestions)
code-initial = initial
code-annual = annual
code-ar = Arabic
code-en = English
code-es = Spanish
code-fr = French
code-ru = Russian
code-zh = Chinese
code-provided = provided
code-unchanged = unchanged
code-not_applicable = not applicable
code-law = law
code-decree = decree
code-regulation = regulation
code-administrative = administrative measure
code-other = other
code-use = use
code-develop = develop
code-produce = produce
code-acquire = acquire
code-stockpile = stockpile
code-retain = retain
code-transfer = transfer
code-assist = assist
code-CHA = CHA (confirmed hazardous area)
code-SHA = SHA (suspected hazardous area)
code-training = training
code-destruction = destruction
code-conversion = conversion
code-decommissioning = decommissioning
code-in_process = in process
code-completed = completed
code-not_started = not started
code-in_progress = in progress
code-marking = marking
code-fencing = fencing
code-monitoring = monitoring
code-risk_education = risk education
code-legislation_adopted = legislation adopted
code-existing_law_sufficient = existing law sufficient
code-in_preparation = in preparation
code-none = none
code-true = yes
code-false = no

## Excel reader: numbers typed as text
xlsx-ambiguous-number = the text `{ $text }` in { $label } can be read as { $read } or as { $other }; it was read as { $read }, the way numbers are written in { $lang }
    .help = if { $other } was meant, correct the cell; to leave no doubt, type the number without a thousands separator (`{ $plain }`)
xlsx-lang-en = English
xlsx-lang-fr = French
xlsx-lang-es = Spanish

## Codelists: suggestions and the States Parties
schema-enum-suggestion = did you mean `{ $code }` ({ $label_en })?{ " " }
schema-state-party = `{ $found }` is not the code of a State Party to the Convention
    .help = { $suggestion }write the State's ISO 3166-1 alpha-3 code (Senegal is `SEN`); earlier reports are found by this code (`--history`), so a wrong code also hides them
schema-state-suggestion = did you mean `{ $code }` ({ $name_en })?{ " " }
schema-format-version = the report declares `format_version` "{ $declared }", but { $count ->
        [one] one of its fields was
       *[other] { $count } of its fields were
    } added in version { $needed } of the model: { $members }
    .help = set `format_version` to "{ $needed }" (nothing else changes: { $needed } only adds optional fields); a tool that reads version { $declared } reports would reject these fields or drop them

## HTML page and human output (the "not checked" line)
html-title = article7 validation report
html-heading = Article 7 report validation
html-catalogue = Catalogue { $version } ({ $hash }), article7 { $tool }.
html-file = file
html-status = status
html-errors = errors
html-warnings = warnings
html-infos = infos
html-status-errors = errors
html-status-review = to review
html-status-valid = valid
html-no-problem = No problem found.
html-severity = severity
html-rule = rule
html-problem = problem
html-where = where
html-fix = how to fix
html-details = technical details
html-pointer = place in the report (JSON pointer)
html-at-line = line { $line }, column { $column }
html-at-cell = sheet { $sheet }, cell { $cell }
html-form-A = Form A — national implementation measures
html-form-B = Form B — stockpiled anti-personnel mines
html-form-C = Form C — mined areas
html-form-D = Form D — mines retained or transferred
html-form-E = Form E — conversion or decommissioning of production facilities
html-form-F = Form F — programmes for the destruction of anti-personnel mines
html-form-G = Form G — anti-personnel mines destroyed
html-form-H = Form H — technical characteristics
html-form-I = Form I — measures to warn the population
html-form-J = Form J — other relevant matters
html-form-other = Form { $form }
html-form-none = Cover page and whole report
severity-error = error
severity-warning = warning
severity-info = info
not-checked = { $checks ->
    [one] 1 check will run
   *[other] { $checks } checks will run
} once { $errors ->
    [one] this error is fixed
   *[other] these { $errors } errors are fixed
}.
help-line = help: { $help }
## Skipped rules (rules/skip.rs): why a rule did not run on a report
skipped-heading = { $count ->
    [one] 1 check did not run
   *[other] { $count } checks did not run
}
skipped-line = { $rule } “{ $title }”: { $reason }
skip-missing-value = needs `{ $value }`, which the report does not give
skip-no-previous = needs the State's previous annual report, which was not found (in the batch or under --history)
skip-no-earlier = needs an earlier report of the same State, and none was found (in the batch or under --history)
skip-short-history = needs { $needed } earlier annual reports of the State, and { $found ->
    [0] none was found
    [one] { $found } was found
   *[other] { $found } were found
} (in the batch or under --history)
skip-reads-rejected = reads `{ $pointer }`, which breaks the report schema
skip-failed-on-invalid = could not run on a report that breaks the schema: { $error }
skip-not-in-profile = { $profile ->
        [treaty] not part of the treaty profile (the Convention alone)
       *[other] not part of the { $profile }
    }: rests on { $plans }

## Headings of `explain`
explain-checks = What it checks
explain-why = Why it matters
explain-fix = How to fix it
explain-basis = Basis
explain-invalid = An invalid example
explain-valid = A valid example
explain-with-previous = with this previous report:
explain-with-earlier = with this earlier report:
explain-with-history = with these earlier annual reports (newest first):
explain-requires = runs only with
explain-previous = the previous annual report
explain-earlier = an earlier report of the State
explain-history = { $n ->
    [one] an earlier annual report of the State
   *[other] { $n } earlier annual reports of the State
}

# A file's header in the human output: the plan it was held to.
file-profile = { $file }: profile { $profile }, { $name }
summary-checks-skipped = ; { $count ->
    [one] 1 check did not run
   *[other] { $count } checks did not run
}
html-profile = Held to: { $name }
# The action plans a report is held to (rules/profile.rs), by code.
profile-treaty = Convention only (no action plan encoded)
profile-MAP = Maputo Action Plan (2014–2019)
profile-OAP = Oslo Action Plan (2020–2024)
profile-SRAAP = Siem Reap–Angkor Action Plan (2025–2029)
schema-enum-cell = { $field } must be one of: { $options }; found { $found }
    .help = { $suggestion }pick the value from the cell's drop-down list{ $about }
schema-enum-suggestion-cell = did you mean “{ $label_en }”?{ " " }
skip-reads-rejected-cell = reads { $label } (sheet { $sheet }, cell { $cell }), which breaks the report schema
schema-required-cell = { $field } is required but is not filled in
    .help = fill in { $field } on sheet { $sheet }{ $about }
schema-required-sheet = { $field } is required, but the workbook has no sheet { $sheet }
    .help = add the sheet { $sheet } (copy it from a blank template, `article7 template`), fill it in or mark its cover page{ $about }
skip-needs-missing-cell = needs { $label } (sheet { $sheet }), which is not filled in
basis-line = basis: { $references }
schema-additional-properties-cell = { $key } has no place here in the report
    .help = { $suggestion }move the value to one of the fields of this place, or delete the row.{ $allowed }
schema-suggestion-cell = did you mean { $label }?{ " " }
schema-allowed-cell = { " " }Fields allowed here: { $list }.

## The annotated copy of a workbook (`article7 annotate`): its findings sheet
annotate-sheet = Findings
annotate-title = { $file } checked: { $errors ->
        [one] { $errors } error
       *[other] { $errors } errors
    }, { $warnings ->
        [one] { $warnings } warning
       *[other] { $warnings } warnings
    }, { $infos ->
        [one] { $infos } info
       *[other] { $infos } infos
    }. A finding at a cell is also a comment on that cell; click a place to go there.
annotate-comment = [{ $severity }] { $rule }: { $message }
annotate-col-severity = Severity
annotate-col-rule = Rule
annotate-col-message = Finding
annotate-col-fix = How to fix
annotate-col-place = Place
annotate-whole-report = the whole report
annotate-none = No findings: the report passes every check.
annotate-wrote = Wrote { $file }: { $findings ->
        [one] 1 finding
       *[other] { $findings } findings
    } ({ $errors ->
        [one] 1 error
       *[other] { $errors } errors
    }, { $warnings ->
        [one] 1 warning
       *[other] { $warnings } warnings
    }, { $infos ->
        [one] 1 info
       *[other] { $infos } infos
    }) listed on the first sheet, { $cells ->
        [one] a comment on 1 cell
       *[other] comments on { $cells } cells
    }
