//! Workbooks as French and Spanish officials fill them in: sheets named in
//! their language, fields named by their labels (no technical keys), codes
//! chosen by their labels, booleans, numbers and dates typed as they type
//! them. Each is written here by a script, without the template's key
//! column or key row, so only the labels can say which field is which.

use article7::diagnostics::{Diagnostic, SourceLocation};
use article7::format::xlsx::{layout, read, template, write};
use article7::source::Source;
use article7::validator::Validator;
use rust_xlsxwriter::{Workbook, XlsxError};
use serde_json::{json, Value};

fn label(sheet: &str, key: &str, lang: &str) -> String {
    let l = layout::Layout::get();
    let s = &l.sheets[l.sheet(sheet).unwrap()];
    layout::label(&s.fields[s.field(key).unwrap()], lang)
}

fn value_of(bytes: &[u8]) -> (Value, Vec<Diagnostic>) {
    let ingested = read(bytes);
    (ingested.document.unwrap().value, ingested.findings)
}

fn validate(bytes: Vec<u8>) -> Vec<Diagnostic> {
    Validator::new()
        .validate_source(&Source::from_bytes("rapport.xlsx", bytes))
        .findings
}

/// A key/value sheet: label in column A, value (as text) in column B.
fn fields(
    book: &mut Workbook,
    sheet: &str,
    name: &str,
    lang: &str,
    rows: &[(&str, &str)],
) -> Result<(), XlsxError> {
    let ws = book.add_worksheet();
    ws.set_name(name)?;
    for (i, (key, v)) in rows.iter().enumerate() {
        ws.write(i as u32 + 1, 0, label(sheet, key, lang))?;
        ws.write(i as u32 + 1, 1, *v)?;
    }
    Ok(())
}

/// A table sheet: labels in row 1, then the rows (as text).
fn table(
    book: &mut Workbook,
    sheet: &str,
    name: &str,
    lang: &str,
    keys: &[&str],
    rows: &[&[&str]],
) -> Result<(), XlsxError> {
    let ws = book.add_worksheet();
    ws.set_name(name)?;
    for (c, key) in keys.iter().enumerate() {
        ws.write(0, c as u16, label(sheet, key, lang))?;
    }
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            ws.write(r as u32 + 1, c as u16, *v)?;
        }
    }
    Ok(())
}

fn french() -> Vec<u8> {
    let mut book = Workbook::new();
    fields(
        &mut book,
        "Report",
        "Rapport",
        "fr",
        &[
            ("format_version", "1.0"),
            ("treaty", "APMBC"),
            ("state.code", "SEN"),
            ("report_kind", "Annuel"),
            ("period.from", "01/01/2019"),
            ("period.to", "31/12/2019"),
            ("submitted_on", "30/04/2020"),
        ],
    )
    .unwrap();
    fields(&mut book, "C", "C", "fr", &[("cover", "fourni")]).unwrap();
    table(
        &mut book,
        "C.areas",
        "C.zones",
        "fr",
        &["id", "classification", "area_m2", "newly_identified"],
        &[
            &[
                "SEN-1",
                "ZDC (zone dangereuse confirmée)",
                "1 234 567",
                "VRAI",
            ],
            &["SEN-2", "zone soupçonnée dangereuse", "12,81", "non"],
        ],
    )
    .unwrap();
    book.save_to_buffer().unwrap()
}

#[test]
fn a_french_workbook_typed_as_an_official_types_reads_as_the_report() {
    let (v, findings) = value_of(&french());
    assert!(findings.is_empty(), "{findings:#?}");
    assert_eq!(v["state"]["code"], "SEN");
    assert_eq!(v["report_kind"], "annual");
    assert_eq!(
        v["period"],
        json!({"from": "2019-01-01", "to": "2019-12-31"})
    );
    assert_eq!(v["submitted_on"], "2020-04-30");
    assert_eq!(v["forms"]["C"]["cover"], "provided");
    assert_eq!(
        v["forms"]["C"]["areas"],
        json!([
            {"id": "SEN-1", "classification": "CHA", "area_m2": 1234567, "newly_identified": true},
            {"id": "SEN-2", "classification": "SHA", "area_m2": 12.81, "newly_identified": false}
        ])
    );
}

#[test]
fn findings_on_a_workbook_name_the_label_the_official_sees() {
    let mut book = Workbook::new();
    fields(
        &mut book,
        "Report",
        "Rapport",
        "fr",
        &[("period.from", "2019-01-01"), ("period.to", "31 décembre")],
    )
    .unwrap();
    let findings = validate(book.save_to_buffer().unwrap());
    let to = findings.iter().find(|f| f.pointer == "/period/to").unwrap();
    let Some(SourceLocation::Cell {
        sheet,
        cell,
        header,
        ..
    }) = &to.location
    else {
        panic!("{to:#?}")
    };
    assert_eq!((sheet.as_str(), cell.as_str()), ("Rapport", "B3"));
    assert_eq!(header.as_deref(), Some("Période couverte › Au"));
}

#[test]
fn a_spanish_1_000_is_never_read_silently() {
    let mut book = Workbook::new();
    fields(
        &mut book,
        "Report",
        "Informe",
        "es",
        &[("state.code", "SEN")],
    )
    .unwrap();
    fields(
        &mut book,
        "B",
        "B",
        "es",
        &[("cover", "presentado"), ("total", "1.000")],
    )
    .unwrap();
    table(
        &mut book,
        "B.stockpile",
        "B.existencias",
        "es",
        &["mine_type", "quantity"],
        &[
            &["PMN-2", "45.500"],
            &["M14", "119.933"],
            &["PMA-3", "1.234.567"],
        ],
    )
    .unwrap();
    let (v, findings) = value_of(&book.save_to_buffer().unwrap());
    assert_eq!(v["forms"]["B"]["total"], 1000);
    let quantities: Vec<&Value> = v["forms"]["B"]["stockpile"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| &r["quantity"])
        .collect();
    assert_eq!(quantities, [&json!(45500), &json!(119933), &json!(1234567)]);
    let ambiguous: Vec<(&str, &str)> = findings
        .iter()
        .filter(|f| f.rule == "input/ambiguous-number")
        .map(|f| (f.pointer.as_str(), f.message.as_str()))
        .collect();
    assert_eq!(ambiguous.len(), 3, "{findings:#?}");
    let total = findings
        .iter()
        .find(|f| f.pointer == "/forms/B/total")
        .unwrap();
    assert!(
        total.message.contains("`1.000`") && total.message.contains("read as 1000"),
        "{}",
        total.message
    );
    let es = total
        .key
        .as_ref()
        .map(|k| article7::i18n::text("es", k))
        .unwrap();
    assert!(
        es.contains("se leyó 1000") && es.contains("española"),
        "{es}"
    );
    assert!(findings
        .iter()
        .all(|f| f.severity == article7::diagnostics::Severity::Warning));
}

#[test]
fn every_template_reads_in_every_language_and_round_trips() {
    let report: Value = serde_json::from_str(
        &std::fs::read_to_string(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("fixtures/valid/mozambique-2016.json"),
        )
        .unwrap(),
    )
    .unwrap();
    for lang in ["en", "fr", "es"] {
        assert!(read(&template(lang).unwrap()).findings.is_empty(), "{lang}");
        let (back, findings) = value_of(&write(&report, lang).unwrap());
        assert!(findings.is_empty(), "{lang}: {findings:#?}");
        assert_eq!(back, report, "{lang}");
    }
}

/// The French and Spanish templates filled in by LibreOffice Calc in a
/// French and a Spanish locale, typing as officials type (codes picked by
/// their label, `oui`/`sí`, `30/04/2020`, `1 234` / `1.234`):
/// `tools/make_libreoffice_fixtures.sh` makes them.
#[test]
fn workbooks_typed_in_a_french_and_a_spanish_calc_read_as_their_reports() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    for (xlsx, json) in [
        (
            "libreoffice-mozambique-2016-fr-typed.xlsx",
            "mozambique-2016.json",
        ),
        (
            "libreoffice-sri-lanka-2019-es-typed.xlsx",
            "sri-lanka-2019.json",
        ),
    ] {
        let bytes = std::fs::read(root.join("fixtures/ingest/xlsx").join(xlsx)).unwrap();
        let want: Value = serde_json::from_str(
            &std::fs::read_to_string(root.join("fixtures/valid").join(json)).unwrap(),
        )
        .unwrap();
        let (v, findings) = value_of(&bytes);
        assert!(findings.is_empty(), "{xlsx}: {findings:#?}");
        assert_eq!(v, want, "{xlsx}");
        assert!(validate(bytes).is_empty(), "{xlsx}");
    }
}
