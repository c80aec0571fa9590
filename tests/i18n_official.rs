//! What a French or Spanish official reads: a workbook written here by a
//! script the way an official fills it in (labels, `VRAI`/`sí`, `1 234`,
//! `30/04/2020`), with the mistakes officials make, validated with
//! `--lang fr` / `--lang es`. The human and HTML outputs must hold no
//! English chrome, and every finding about a cell must name the label the
//! official sees and the cell.

use article7::format::xlsx::layout;
use assert_cmd::Command;
use rust_xlsxwriter::Workbook;
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::PathBuf;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn run(args: &[&str]) -> String {
    let out = Command::cargo_bin("article7")
        .unwrap()
        .current_dir(root())
        .env("NO_COLOR", "1")
        .args(args)
        .output()
        .unwrap();
    String::from_utf8(out.stdout).unwrap()
}

fn label(sheet: &str, key: &str, lang: &str) -> String {
    let l = layout::Layout::get();
    let s = &l.sheets[l.sheet(sheet).unwrap()];
    layout::label(&s.fields[s.field(key).unwrap()], lang)
}

fn sheet_name(sheet: &str, lang: &str) -> String {
    let l = layout::Layout::get();
    l.sheets[l.sheet(sheet).unwrap()].name_in(lang).to_owned()
}

/// Words of the tool's English chrome that must not reach a French or
/// Spanish reader (compared as whole words, ignoring case).
const ENGLISH: &[&str] = &[
    "help",
    "sheet",
    "cell",
    "row",
    "must",
    "found",
    "severity",
    "error",
    "errors",
    "warning",
    "warnings",
    "info",
    "how",
    "fix",
    "did",
    "mean",
    "required",
    "missing",
    "report",
    "file",
    "checked",
    "checks",
    "true",
    "false",
    "yes",
    "profile",
    "item",
    "breaks",
    "field",
    "value",
    "the",
    "of",
    "and",
    "where",
    "rule",
    "problem",
    "technical",
    "details",
    "pointer",
    "number",
    "text",
    "write",
    "pick",
    "list",
];

/// The English words of `text`, outside rule ids (`schema/type`) and the
/// file's path (`error` is Spanish too).
fn english_words(text: &str, path: &str, lang: &str) -> BTreeSet<String> {
    let text = text.replace(path, " ");
    text.split_whitespace()
        .filter(|w| !w.contains('/'))
        .flat_map(|w| w.split(|c: char| !c.is_alphanumeric()))
        .map(str::to_lowercase)
        .filter(|w| ENGLISH.contains(&w.as_str()) && !(lang == "es" && w == "error"))
        .collect()
}

/// The visible text of an HTML page (no style, no tags, entities decoded).
fn page_text(html: &str) -> String {
    let body = html.split("</style>").last().unwrap_or(html);
    let mut out = String::new();
    let mut in_tag = false;
    for c in body.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                out.push(' ');
            }
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#x27;", "'")
        .replace("&#39;", "'")
}

/// Values as an official of `lang` types them, with four mistakes: a date
/// written in words, a yes/no answered "maybe", a classification that is
/// no label of the list, an area in words.
fn workbook(lang: &str) -> Vec<u8> {
    let fr = lang == "fr";
    let pick = |f: &'static str, e: &'static str| if fr { f } else { e };
    let mut book = Workbook::new();
    let mut kv = |sheet: &str, rows: &[(&str, &str)]| {
        let ws = book.add_worksheet();
        ws.set_name(sheet_name(sheet, lang)).unwrap();
        for (i, (key, v)) in rows.iter().enumerate() {
            ws.write(i as u32 + 1, 0, label(sheet, key, lang)).unwrap();
            ws.write(i as u32 + 1, 1, *v).unwrap();
        }
    };
    kv(
        "Report",
        &[
            ("format_version", "1.0"),
            ("treaty", "APMBC"),
            ("state.code", "SEN"),
            ("state.name", pick("Sénégal", "Senegal")),
            ("report_kind", pick("Annuel", "Anual")),
            ("period.from", "01/01/2019"),
            (
                "period.to",
                pick("31 décembre 2019", "31 de diciembre de 2019"),
            ),
            ("submitted_on", "30/04/2020"),
        ],
    );
    kv(
        "A",
        &[
            ("cover", pick("fourni", "presentado")),
            (
                "measures_status",
                pick("législation adoptée", "legislación aprobada"),
            ),
        ],
    );
    let mut table = |sheet: &str, keys: &[&str], rows: &[&[&str]]| {
        let ws = book.add_worksheet();
        ws.set_name(sheet_name(sheet, lang)).unwrap();
        for (c, key) in keys.iter().enumerate() {
            ws.write(0, c as u16, label(sheet, key, lang)).unwrap();
        }
        for (r, row) in rows.iter().enumerate() {
            for (c, v) in row.iter().enumerate() {
                ws.write(r as u32 + 1, c as u16, *v).unwrap();
            }
        }
    };
    table(
        "A.measures",
        &["title", "kind", "adopted_on", "penal_sanctions", "covers"],
        &[&[
            pick(
                "Loi n° 99-25 interdisant les mines",
                "Ley 99-25 de prohibición de las minas",
            ),
            pick("loi", "ley"),
            "28/05/1999",
            pick("peut-être", "quizás"),
            pick("employer; stocker", "emplear; almacenar"),
        ]],
    );
    // (`kv` and `table` both borrow the book: one at a time.)
    let ws = book.add_worksheet();
    ws.set_name(sheet_name("C", lang)).unwrap();
    ws.write(1, 0, label("C", "cover", lang)).unwrap();
    ws.write(1, 1, pick("fourni", "presentado")).unwrap();
    // A row the form has no field for.
    ws.write(2, 0, pick("Superficie déminée", "Superficie despejada"))
        .unwrap();
    ws.write(2, 1, "5").unwrap();
    let ws = book.add_worksheet();
    ws.set_name(sheet_name("C.areas", lang)).unwrap();
    let keys = ["id", "classification", "area_m2", "newly_identified"];
    let rows: [[&str; 4]; 2] = [
        [
            "SEN-1",
            pick("zone dangereuse confirmé", "zona peligrosa confirmad"),
            pick("1 234 567", "1.234.567"),
            pick("VRAI", "sí"),
        ],
        [
            "SEN-2",
            pick(
                "ZSD (zone soupçonnée dangereuse)",
                "ZPP (zona presuntamente peligrosa)",
            ),
            pick("beaucoup", "mucho"),
            pick("non", "no"),
        ],
    ];
    for (c, key) in keys.iter().enumerate() {
        ws.write(0, c as u16, label("C.areas", key, lang)).unwrap();
    }
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            ws.write(r as u32 + 1, c as u16, *v).unwrap();
        }
    }
    book.save_to_buffer().unwrap()
}

fn findings(json: &str) -> Vec<Value> {
    let v: Value = serde_json::from_str(json).unwrap();
    v["files"][0]["findings"].as_array().unwrap().clone()
}

fn check_official(lang: &str, words: &[&str]) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join(if lang == "fr" {
        "rapport.xlsx"
    } else {
        "informe.xlsx"
    });
    std::fs::write(&file, workbook(lang)).unwrap();
    let path = file.display().to_string();
    let base = ["validate", path.as_str(), "--lang", lang, "--show-skipped"];
    // miette wraps long lines: compare the words, not the layout.
    let flat = |t: &str| {
        t.split_whitespace()
            .filter(|w| *w != "│")
            .collect::<Vec<_>>()
            .join(" ")
    };
    let human = flat(&run(&base));
    let html = run(&[&base[..], &["--format", "html"]].concat());
    let json = findings(&run(&[&base[..], &["--format", "json"]].concat()));

    // The four mistakes, each found at its cell.
    let on = |pointer: &str| {
        json.iter()
            .find(|f| f["pointer"] == pointer)
            .unwrap_or_else(|| panic!("no finding at {pointer}: {json:#?}"))
    };
    for (pointer, sheet, key, rule) in [
        ("/period/to", "Report", "period.to", "schema/format"),
        (
            "/forms/A/measures/0/penal_sanctions",
            "A.measures",
            "penal_sanctions",
            "schema/type",
        ),
        (
            "/forms/C/areas/0/classification",
            "C.areas",
            "classification",
            "schema/enum",
        ),
        (
            "/forms/C/areas/1/area_m2",
            "C.areas",
            "area_m2",
            "schema/type",
        ),
    ] {
        let f = on(pointer);
        assert_eq!(f["rule"], rule, "{f:#}");
        assert_eq!(f["sheet"], sheet_name(sheet, lang).as_str(), "{f:#}");
        let leaf = label(sheet, key, lang);
        let header = f["header"].as_str().unwrap();
        assert!(header.ends_with(&leaf), "{header} / {leaf}");
        // The message names the field by its label, not by its key.
        let message = f["message"].as_str().unwrap();
        assert!(message.contains(header), "{message}");
        assert!(
            !message.contains(&format!("`{}`", key.rsplit('.').next().unwrap())),
            "{message}"
        );
    }
    // Every finding about a cell names its label and cell, in both outputs.
    let page = flat(&page_text(&html));
    for f in &json {
        let (Some(sheet), Some(cell)) = (f["sheet"].as_str(), f["cell"].as_str()) else {
            continue;
        };
        let Some(header) = f["header"].as_str() else {
            // Only a finding about a whole form or the whole report (R09:
            // Form J not given) may sit at the sheet's first cell unlabelled.
            assert_eq!(cell, "A1", "no label: {f:#}");
            assert!(
                !f["rule"].as_str().unwrap().contains('/'),
                "no label: {f:#}"
            );
            continue;
        };
        let (s, c) = if lang == "fr" {
            ("feuille", "cellule")
        } else {
            ("hoja", "celda")
        };
        let human_at = format!("{s} {sheet}, {c} {cell} — {header}");
        assert!(human.contains(&human_at), "{human_at} not in\n{human}");
        let html_at = format!("{header} ({s} {sheet}, {c} {cell})");
        assert!(page.contains(&html_at), "{html_at} not in\n{page}");
    }
    // The reader's language everywhere: help, booleans, the list's labels,
    // the skipped checks and why, the summary.
    for word in words {
        let word = &flat(word);
        assert!(human.contains(word), "{word} not in\n{human}");
        assert!(page.contains(word), "{word} not in\n{page}");
    }
    let help = if lang == "fr" { "aide : " } else { "ayuda: " };
    assert!(human.contains(help), "{human}");
    let human_english = english_words(&human, &path, lang);
    assert!(human_english.is_empty(), "{human_english:?} in\n{human}");
    let page_english = english_words(&page, &path, lang);
    assert!(page_english.is_empty(), "{page_english:?} in\n{page}");
    // The pointer stays for machines, and in the page only under details.
    assert!(
        !human.contains("/forms/C/areas/0/classification"),
        "{human}"
    );
    assert!(html.contains("<code>/forms/C/areas/0/classification</code></details>"));
}

#[test]
fn a_french_official_reads_french_only_with_labels_and_cells() {
    check_official(
        "fr",
        &[
            "« Période couverte › Au » doit être une date",
            "« Sanctions pénales » doit être VRAI ou FAUX",
            "ZDC (zone dangereuse confirmée) / ZSD (zone soupçonnée dangereuse)",
            "vouliez-vous dire « ZDC (zone dangereuse confirmée) » ?",
            // A description of the schema, in French.
            "Superficie de la zone en mètres carrés.",
            "contrôles n'ont pas été effectués",
            "lit « Période couverte › Au » (feuille Rapport, cellule B",
            "Convention seule (aucun plan d'action appliqué)",
            "« Point de contact national › Organisme » est obligatoire mais n'est pas rempli",
            "« Superficie déminée » n'a pas sa place à cet endroit du rapport",
            "Champs admis ici : « Case de la page de couverture »",
            "contrôles non effectués",
        ],
    );
}

#[test]
fn a_spanish_official_reads_spanish_only_with_labels_and_cells() {
    check_official(
        "es",
        &[
            "«Período abarcado › Hasta» debe ser una fecha",
            "«Sanciones penales» debe ser VERDADERO o FALSO",
            "ZPC (zona peligrosa confirmada) / ZPP (zona presuntamente peligrosa)",
            "¿quiso decir «ZPC (zona peligrosa confirmada)»?",
            "Superficie de la zona en metros cuadrados.",
            "comprobaciones no se realizaron",
            "lee «Período abarcado › Hasta» (hoja Informe, celda B",
            "Solo la Convención (sin plan de acción aplicado)",
            "«Punto de contacto nacional › Organismo» es obligatorio pero no se ha rellenado",
            "«Superficie despejada» no tiene cabida en este lugar del informe",
            "Campos admitidos aquí: «Casilla de la portada»",
            "comprobaciones no realizadas",
        ],
    );
}

/// A rule message shows a boolean as the reader says it and, for people, a
/// date as they write it; the JSON output keeps the date as written.
#[test]
fn rule_messages_show_booleans_and_dates_in_the_readers_language() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("extra.toml"),
        r#"[[rules]]
id = "X01"
name = "shows-a-boolean"
severity = "info"
title = "A measure's sanctions and date"
select = "$.forms.A.measures[*]"
assert = '!has(item.penal_sanctions)'
message = "penal sanctions: {{ item.penal_sanctions }}, adopted on {{ item.adopted_on }}"
why = "to show how values are rendered"
help = "nothing to do"
references = ["Art. 9"]

[rules.translations.fr]
title = "Sanctions et date d'une mesure"
message = "sanctions pénales : {{ item.penal_sanctions }}, adoptée le {{ item.adopted_on }}"
help = "rien à faire"

[rules.translations.es]
title = "Sanciones y fecha de una medida"
message = "sanciones penales: {{ item.penal_sanctions }}, aprobada el {{ item.adopted_on }}"
help = "nada que hacer"

[[rules.examples]]
valid = false
doc = '''{"forms": {"A": {"measures": [{"title": "x", "penal_sanctions": true}]}}}'''

[[rules.examples]]
valid = true
doc = '''{"forms": {"A": {"measures": [{"title": "x"}]}}}'''
"#,
    )
    .unwrap();
    let rules = dir.path().display().to_string();
    let report = "fixtures/valid/cambodia-2019.json";
    let args = |lang: &'static str, format: &'static str| {
        run(&[
            "validate", report, "--rules", &rules, "--select", "X01", "--lang", lang, "--format",
            format,
        ])
    };
    let fr = args("fr", "human");
    assert!(
        fr.contains("sanctions pénales : oui, adoptée le 28/05/1999"),
        "{fr}"
    );
    let es = page_text(&args("es", "html"));
    assert!(
        es.contains("sanciones penales: sí, aprobada el 28/05/1999"),
        "{es}"
    );
    let en = args("en", "human");
    assert!(
        en.contains("penal sanctions: yes, adopted on 1999-05-28"),
        "{en}"
    );
    let json = findings(&args("fr", "json"));
    assert_eq!(
        json[0]["message"],
        "sanctions pénales : oui, adoptée le 1999-05-28"
    );
}

/// The template's help column and every input prompt speak the template's
/// language, the schema's descriptions included.
#[test]
fn template_help_and_prompts_are_in_the_templates_language() {
    let read = |lang: &str| {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("t.xlsx");
        let status = Command::cargo_bin("article7")
            .unwrap()
            .args(["template", "--format", "xlsx", "--lang", lang, "-o"])
            .arg(&out)
            .output()
            .unwrap()
            .status;
        assert!(status.success());
        let bytes = std::fs::read(&out).unwrap();
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        let mut all = String::new();
        for i in 0..zip.len() {
            let mut entry = zip.by_index(i).unwrap();
            if entry.name().unwrap().ends_with(".xml") {
                std::io::Read::read_to_string(&mut entry, &mut all).unwrap();
            }
        }
        all
    };
    let fr = read("fr");
    for french in [
        "Date de présentation au Secrétaire général.",
        "Superficie de la zone en mètres carrés.",
        "La mesure prévoit-elle des sanctions pénales ?",
    ] {
        assert!(fr.contains(french), "{french}");
    }
    let es = read("es");
    assert!(es.contains("Fecha de presentación al Secretario General."));
    assert!(es.contains("¿Prevé la medida sanciones penales?"));
    for english in [
        "Date of submission to the Secretary-General.",
        "Size of the area in square metres.",
        "description (English)",
    ] {
        assert!(!fr.contains(english), "{english} in the French template");
        assert!(!es.contains(english), "{english} in the Spanish template");
    }
}

#[test]
fn every_schema_description_has_a_french_and_a_spanish_text() {
    let schema: Value = serde_json::from_str(article7::schema::EMBEDDED_SCHEMA).unwrap();
    fn walk(v: &Value, out: &mut BTreeSet<String>) {
        match v {
            Value::Object(m) => {
                if let Some(Value::String(d)) = m.get("description") {
                    out.insert(d.clone());
                }
                m.values().for_each(|x| walk(x, out));
            }
            Value::Array(a) => a.iter().for_each(|x| walk(x, out)),
            _ => {}
        }
    }
    let mut described = BTreeSet::new();
    walk(&schema, &mut described);
    let missing: Vec<_> = described
        .iter()
        .filter(|d| !article7::i18n::has_description(d))
        .collect();
    assert!(missing.is_empty(), "no fr/es text for {missing:#?}");
    let stale: Vec<_> = article7::i18n::described()
        .filter(|d| !described.contains(*d))
        .collect();
    assert!(
        stale.is_empty(),
        "i18n/descriptions.toml translates texts the schema no longer has: {stale:#?}"
    );
    assert_eq!(
        article7::i18n::description("Date of submission to the Secretary-General.", "es"),
        "Fecha de presentación al Secretario General."
    );
}
