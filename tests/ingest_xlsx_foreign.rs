//! Workbooks written by another program than the project's own writer, as
//! a ministry's own tooling would write them: the parts of the archive are
//! written here by hand (sheet XML with inline strings, packed with the
//! `zip` crate), so nothing in them comes from `article7`'s writer.
//! Regression tests for issue 16.

use article7::diagnostics::{Diagnostic, SourceLocation};
use article7::format::xlsx::labels::LANGUAGES;
use article7::format::xlsx::layout::{self, Layout, SheetKind};
use article7::format::xlsx::read;
use article7::i18n::Arg;
use article7::source::Source;
use article7::validator::Validator;
use serde_json::{json, Value};
use std::io::{Cursor, Write};
use zip::CompressionMethod;

/// One sheet: its name and its rows from row 1. A cell is text (written as
/// an inline string), a number when it starts with `#` (`#1200`), or empty
/// (`""`, not written).
type Sheet<'a> = (&'a str, Vec<Vec<String>>);

fn rows(rows: &[&[&str]]) -> Vec<Vec<String>> {
    rows.iter()
        .map(|r| r.iter().map(|c| (*c).to_owned()).collect())
        .collect()
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn column(mut col: usize) -> String {
    let mut name = Vec::new();
    loop {
        name.push(b'A' + (col % 26) as u8);
        if col < 26 {
            break;
        }
        col = col / 26 - 1;
    }
    name.reverse();
    String::from_utf8(name).unwrap()
}

fn sheet_xml(rows: &[Vec<String>]) -> String {
    let mut xml = String::from(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#,
    );
    for (r, row) in rows.iter().enumerate() {
        let cells: String = row
            .iter()
            .enumerate()
            .filter(|(_, v)| !v.is_empty())
            .map(|(c, v)| {
                let at = format!("{}{}", column(c), r + 1);
                match v.strip_prefix('#') {
                    Some(n) => format!(r#"<c r="{at}"><v>{n}</v></c>"#),
                    None => format!(
                        r#"<c r="{at}" t="inlineStr"><is><t xml:space="preserve">{}</t></is></c>"#,
                        escape(v)
                    ),
                }
            })
            .collect();
        if !cells.is_empty() {
            xml.push_str(&format!(r#"<row r="{}">{cells}</row>"#, r + 1));
        }
    }
    xml.push_str("</sheetData></worksheet>");
    xml
}

/// A minimal SpreadsheetML package holding `sheets`, every part packed
/// with `method`.
fn workbook(sheets: &[Sheet<'_>], method: CompressionMethod) -> Vec<u8> {
    let mut parts: Vec<(String, String)> = Vec::new();
    let mut types = String::from(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>"#,
    );
    let mut list = String::new();
    let mut rels = String::from(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#,
    );
    for (i, (name, content)) in sheets.iter().enumerate() {
        let n = i + 1;
        types.push_str(&format!(r#"<Override PartName="/xl/worksheets/sheet{n}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#));
        list.push_str(&format!(
            r#"<sheet name="{}" sheetId="{n}" r:id="rId{n}"/>"#,
            escape(name)
        ));
        rels.push_str(&format!(r#"<Relationship Id="rId{n}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{n}.xml"/>"#));
        parts.push((format!("xl/worksheets/sheet{n}.xml"), sheet_xml(content)));
    }
    types.push_str("</Types>");
    rels.push_str("</Relationships>");
    let mut out = vec![
        ("[Content_Types].xml".to_owned(), types),
        (
            "_rels/.rels".to_owned(),
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/></Relationships>"#
                .to_owned(),
        ),
        (
            "docProps/app.xml".to_owned(),
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Ministry reporting tool 2.3</Application></Properties>"#
                .to_owned(),
        ),
        (
            "xl/workbook.xml".to_owned(),
            format!(
                r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>{list}</sheets></workbook>"#
            ),
        ),
        ("xl/_rels/workbook.xml.rels".to_owned(), rels),
    ];
    out.append(&mut parts);
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default().compression_method(method);
    for (name, text) in out {
        zip.start_file(name, options).unwrap();
        zip.write_all(text.as_bytes()).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

/// The `Report` sheet of a small annual report, with `links` as the
/// values of the `forms.*` link rows.
fn report_sheet(captions: [&str; 4], links: &[(&str, &str)]) -> Vec<Vec<String>> {
    let mut out = rows(&[
        &captions,
        &["format_version", "1.0"],
        &["treaty", "APMBC"],
        &["state.code", "LKA"],
        &["state.name", "Sri Lanka"],
        &["report_kind", "annual"],
        &["period.from", "2019-01-01"],
        &["period.to", "2019-12-31"],
        &["submitted_on", "2020-04-29"],
        &["language", "fr"],
        &["contact.organisation", "National Mine Action Centre"],
        &["contact.name", "Director"],
        &["contact.email", "article7@nmac.example"],
        &["contact.phone", "+94 11 000 0000"],
        &["entry_into_force", "2018-06-01"],
    ]);
    for (form, link) in links {
        out.push(vec![format!("forms.{form}"), (*link).to_owned()]);
    }
    out
}

fn top_level() -> serde_json::Map<String, Value> {
    json!({
        "format_version": "1.0",
        "treaty": "APMBC",
        "state": {"code": "LKA", "name": "Sri Lanka"},
        "report_kind": "annual",
        "period": {"from": "2019-01-01", "to": "2019-12-31"},
        "submitted_on": "2020-04-29",
        "language": "fr",
        "contact": {
            "organisation": "National Mine Action Centre",
            "name": "Director",
            "email": "article7@nmac.example",
            "phone": "+94 11 000 0000"
        },
        "entry_into_force": "2018-06-01"
    })
    .as_object()
    .unwrap()
    .clone()
}

fn with_forms(forms: Value) -> Value {
    let mut report = top_level();
    report.insert("forms".to_owned(), forms);
    Value::Object(report)
}

fn read_value(bytes: &[u8]) -> (Value, Vec<Diagnostic>) {
    let ingested = read(bytes);
    let value = ingested.document.map(|d| d.value).unwrap_or(Value::Null);
    (value, ingested.findings)
}

fn validate(bytes: Vec<u8>) -> Vec<Diagnostic> {
    Validator::new()
        .validate_source(&Source::from_bytes("report.xlsx", bytes))
        .findings
}

fn cell_of(f: &Diagnostic) -> (String, String) {
    match &f.location {
        Some(SourceLocation::Cell { sheet, cell, .. }) => (sheet.clone(), cell.clone()),
        other => panic!("{}: not a cell location: {other:?}", f.rule),
    }
}

fn rules(findings: &[Diagnostic]) -> Vec<String> {
    findings
        .iter()
        .map(|f| format!("{} {} {:?}", f.rule, f.pointer, f.location))
        .collect()
}

// ------------------------------------------------ 1. labels in capitals

/// Form B and Form D in a French workbook whose label rows (and captions)
/// were typed in capitals with accents.
fn capitals_workbook() -> Vec<u8> {
    let captions = ["CLÉ", "VALEUR", "LIBELLÉ", "AIDE"];
    workbook(
        &[
            ("Report", report_sheet(captions, &[])),
            ("B", rows(&[&captions, &["cover", "provided"]])),
            (
                "B.stockpile",
                rows(&[
                    &["mine_type", "quantity", "lot_numbers", "note"],
                    &["TYPE DE MINE", "QUANTITÉ", "NUMÉROS DE LOT", "NOTE"],
                    &["Type 72A", "#1200", "L-01; L-02", ""],
                ]),
            ),
            ("D", rows(&[&captions, &["cover", "provided"]])),
            (
                "D.used",
                rows(&[
                    &["institution", "mine_type", "quantity", "activity"],
                    &["INSTITUTION", "TYPE DE MINE", "QUANTITÉ", "ACTIVITÉ"],
                    &["Army Engineers", "Type 72A", "#12", "training"],
                ]),
            ),
        ],
        CompressionMethod::Deflated,
    )
}

#[test]
fn label_rows_and_captions_in_capitals_with_accents_are_skipped() {
    let (value, findings) = read_value(&capitals_workbook());
    assert!(findings.is_empty(), "{:#?}", rules(&findings));
    // Exactly this: no phantom item from a label row, no `CLÉ` key from a
    // caption row.
    assert_eq!(
        value,
        with_forms(json!({
            "B": {
                "cover": "provided",
                "stockpile": [{"mine_type": "Type 72A", "quantity": 1200, "lot_numbers": ["L-01", "L-02"]}]
            },
            "D": {
                "cover": "provided",
                "used": [{"institution": "Army Engineers", "mine_type": "Type 72A", "quantity": 12, "activity": "training"}]
            }
        }))
    );
    // Through the validator: nothing at a label row (`schema/type` at
    // `B.stockpile!B2` was the symptom).
    for f in validate(capitals_workbook()) {
        if let Some(SourceLocation::Cell { cell, sheet, .. }) = &f.location {
            let label_row = sheet.contains('.') && cell.len() == 2 && cell.ends_with('2');
            assert!(!label_row, "{}: {} at {sheet}!{cell}", f.rule, f.message);
        }
    }
}

/// Every table sheet, with its label row in capitals, in every language.
#[test]
fn every_label_row_in_capitals_is_skipped_in_every_language() {
    let layout = Layout::get();
    for (li, lang) in LANGUAGES.iter().enumerate() {
        let mut sheets: Vec<(String, Vec<Vec<String>>)> = Vec::new();
        let mut headers_only: Vec<(String, Vec<Vec<String>>)> = Vec::new();
        for sheet in layout.sheets.iter().filter(|s| s.kind == SheetKind::Table) {
            let fields: Vec<_> = sheet.fields.iter().filter(|f| !f.optional).collect();
            let header: Vec<String> = fields.iter().map(|f| f.key.clone()).collect();
            let labels: Vec<String> = fields
                .iter()
                .map(|f| layout::label_variants(sheet, f)[li].to_uppercase())
                .collect();
            headers_only.push((sheet.name.clone(), vec![header.clone()]));
            sheets.push((sheet.name.clone(), vec![header, labels]));
        }
        let borrow = |v: &[(String, Vec<Vec<String>>)]| -> Vec<u8> {
            let s: Vec<Sheet<'_>> = v.iter().map(|(n, r)| (n.as_str(), r.clone())).collect();
            workbook(&s, CompressionMethod::Deflated)
        };
        let (with_labels, findings) = read_value(&borrow(&sheets));
        assert!(findings.is_empty(), "{lang}: {:#?}", rules(&findings));
        let (without, _) = read_value(&borrow(&headers_only));
        assert_eq!(with_labels, without, "{lang}: a label row was read as data");
    }
}

// --------------------------------------------------- 2. a bad checksum

/// Form B with a stockpile of 1200 mines, every part stored uncompressed,
/// so that the sheet XML can be changed in the archive's bytes.
fn stored_workbook() -> Vec<u8> {
    workbook(
        &[
            (
                "Report",
                report_sheet(["key", "value", "label", "help"], &[]),
            ),
            ("B", rows(&[&["cover", "provided"]])),
            (
                "B.stockpile",
                rows(&[&["mine_type", "quantity"], &["Type 72A", "#1200"]]),
            ),
        ],
        CompressionMethod::Stored,
    )
}

/// `bytes` with the only occurrence of `from` replaced by `to` (same length,
/// so every offset and declared size stays right; only the CRC is wrong).
fn change(bytes: &[u8], from: &[u8], to: &[u8]) -> Vec<u8> {
    assert_eq!(from.len(), to.len());
    let at: Vec<usize> = bytes
        .windows(from.len())
        .enumerate()
        .filter(|(_, w)| *w == from)
        .map(|(i, _)| i)
        .collect();
    assert_eq!(at.len(), 1, "{:?} is not in the archive once", from);
    let mut out = bytes.to_vec();
    out[at[0]..at[0] + to.len()].copy_from_slice(to);
    out
}

fn only_syntax_finding(bytes: Vec<u8>, part: &str) {
    let ingested = read(&bytes);
    assert!(ingested.document.is_none(), "a damaged workbook was read");
    assert_eq!(
        ingested.findings.len(),
        1,
        "{:#?}",
        rules(&ingested.findings)
    );
    let f = &ingested.findings[0];
    assert_eq!(f.rule, "input/syntax");
    let key = f.key.as_ref().expect("a catalogue message");
    let detail = key.args.iter().find(|(name, _)| *name == "detail");
    assert!(
        matches!(detail, Some((_, Arg::Message(m))) if m.id == "xlsx-damaged-part"),
        "{key:?}"
    );
    assert!(f.message.contains(part), "{}", f.message);
    assert!(f.message.contains("checksum"), "{}", f.message);
    for lang in LANGUAGES {
        let text = article7::i18n::render(lang, key, None).expect(lang);
        assert!(text.contains(part), "{lang}: {text}");
    }
    let through_validator = validate(bytes);
    assert_eq!(
        through_validator
            .iter()
            .map(|f| f.rule.as_str())
            .collect::<Vec<_>>(),
        ["input/syntax"],
        "{:#?}",
        rules(&through_validator)
    );
}

#[test]
fn a_sheet_changed_after_packing_is_a_damaged_archive() {
    let sound = stored_workbook();
    let (value, findings) = read_value(&sound);
    assert!(findings.is_empty(), "{:#?}", rules(&findings));
    assert_eq!(
        value["forms"]["B"]["stockpile"],
        json!([{"mine_type": "Type 72A", "quantity": 1200}])
    );
    only_syntax_finding(
        change(&sound, b"<v>1200</v>", b"<v>1300</v>"),
        "xl/worksheets/sheet3.xml",
    );
}

#[test]
fn a_part_the_reader_never_parses_is_checked_too() {
    only_syntax_finding(
        change(&stored_workbook(), b"tool 2.3", b"tool 2.4"),
        "docProps/app.xml",
    );
}

// ------------------------------------------- 3. `{}` on an empty form

fn form_links(form: &str, link: &str, sheet: Vec<Vec<String>>) -> Vec<u8> {
    workbook(
        &[
            (
                "Report",
                report_sheet(["key", "value", "label", "help"], &[(form, link)]),
            ),
            (form, sheet),
        ],
        CompressionMethod::Deflated,
    )
}

#[test]
fn an_empty_form_given_as_braces_draws_no_link_warning() {
    // Sheet A with no row at all, and with only its keys (no value), as a
    // tool that writes every key would leave it; Form A is required, Form J
    // is not.
    let keys_only = rows(&[
        &["key", "value", "label", "help"],
        &["cover", "", "Cover page box"],
        &["last_reported_year"],
        &["reason"],
        &["note"],
    ]);
    for form in ["A", "J"] {
        for sheet in [Vec::new(), keys_only.clone()] {
            let (value, findings) = read_value(&form_links(form, "{}", sheet));
            assert!(findings.is_empty(), "{form}: {:#?}", rules(&findings));
            let mut forms = serde_json::Map::new();
            forms.insert(form.to_owned(), json!({}));
            assert_eq!(value, with_forms(Value::Object(forms)), "{form}");
        }
    }
}

#[test]
fn a_form_with_rows_still_warns_about_its_link_cell() {
    let sheet = rows(&[&["cover", "not_applicable"], &["reason", "No stockpile."]]);
    let (value, findings) = read_value(&form_links("A", "{}", sheet));
    assert_eq!(
        value,
        with_forms(json!({"A": {"cover": "not_applicable", "reason": "No stockpile."}}))
    );
    assert_eq!(findings.len(), 1, "{:#?}", rules(&findings));
    assert_eq!(findings[0].rule, "input/link-ignored");
    assert_eq!(
        cell_of(&findings[0]),
        ("Report".to_owned(), "B16".to_owned())
    );
}

#[test]
fn text_in_the_link_cell_of_an_empty_form_is_read() {
    // With no rows on its sheet, the link cell is what the workbook says
    // about the form (as for an optional form): the schema reports it.
    let (value, findings) = read_value(&form_links("A", "see sheet A", Vec::new()));
    assert!(findings.is_empty(), "{:#?}", rules(&findings));
    assert_eq!(value, with_forms(json!({"A": "see sheet A"})));
    let schema: Vec<_> = validate(form_links("A", "see sheet A", Vec::new()))
        .into_iter()
        .filter(|f| f.pointer == "/forms/A")
        .collect();
    assert!(
        schema
            .iter()
            .any(|f| f.rule == "schema/type" && cell_of(f) == ("Report".into(), "B16".into())),
        "{:#?}",
        rules(&schema)
    );
}
