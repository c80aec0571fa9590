//! Excel: round trips, findings at sheet and cell (the same rules and
//! pointers as JSON), the template, and hostile workbooks (each a finding,
//! never a panic, with bounded memory).
//!
//! `UPDATE_XLSX_FIXTURES=1 cargo test --test ingest_xlsx` rewrites the
//! committed workbooks (`fixtures/valid/*.xlsx`, `fixtures/ingest/xlsx/*`).

use article7::convert::xlsx::{template, write};
use article7::diagnostics::{Diagnostic, Severity, SourceLocation};
use article7::ingest::xlsx::read;
use article7::model::{Document, SourceMap};
use article7::source::{Format, Source};
use article7::validator::Validator;
use rust_xlsxwriter::{ExcelDateTime, Format as XFormat, Formula, Workbook, XlsxError};
use serde_json::{json, Value};
use std::io::{Cursor, Read, Write};
use std::path::{Path, PathBuf};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn updating() -> bool {
    std::env::var_os("UPDATE_XLSX_FIXTURES").is_some()
}

fn valid_fixtures() -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(root().join("fixtures/valid"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    out.sort();
    assert!(out.len() >= 3);
    out
}

fn load(path: &Path) -> Value {
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn cambodia() -> Value {
    load(&root().join("fixtures/valid/cambodia-2019.json"))
}

fn read_value(bytes: &[u8]) -> (Value, Vec<Diagnostic>) {
    let ingested = read(bytes);
    let value = ingested.document.map(|d| d.value).unwrap_or(Value::Null);
    (value, ingested.findings)
}

/// Findings on a workbook, as the validator gives them.
fn validate_xlsx(bytes: Vec<u8>) -> Vec<Diagnostic> {
    Validator::new()
        .validate_source(&Source::from_bytes("report.xlsx", bytes))
        .findings
}

/// Findings on the same report as JSON (rule and pointer; the JSON reader's
/// locations are another test's business).
fn validate_json(value: &Value) -> Vec<Diagnostic> {
    let doc = Document::new(value.clone(), Format::Json, None, SourceMap::new());
    let v = Validator::new();
    let (mut findings, _) = v.check_document(&doc, Default::default());
    article7::validator::sort_in_document_order(value, &mut findings);
    findings
}

fn rules_and_pointers(findings: &[Diagnostic]) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = findings
        .iter()
        .map(|f| (f.rule.clone(), f.pointer.clone()))
        .collect();
    out.sort();
    out
}

fn cell_of(f: &Diagnostic) -> (String, String, Option<String>) {
    match &f.location {
        Some(SourceLocation::Cell {
            sheet,
            cell,
            header,
            ..
        }) => (sheet.clone(), cell.clone(), header.clone()),
        other => panic!("{}: not a cell location: {other:?}", f.rule),
    }
}

fn book(f: impl FnOnce(&mut Workbook) -> Result<(), XlsxError>) -> Vec<u8> {
    let mut wb = Workbook::new();
    f(&mut wb).unwrap();
    wb.save_to_buffer().unwrap()
}

/// Rewrites one entry of a ZIP archive.
fn patch_entry(bytes: &[u8], name: &str, edit: impl Fn(String) -> String) -> Vec<u8> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    let mut found = false;
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).unwrap();
        let entry_name = entry.name().unwrap().into_owned();
        let mut data = Vec::new();
        entry.read_to_end(&mut data).unwrap();
        if entry_name == name {
            found = true;
            data = edit(String::from_utf8(data).unwrap()).into_bytes();
        }
        out.start_file(entry_name, options).unwrap();
        out.write_all(&data).unwrap();
    }
    assert!(found, "{name} not in the archive");
    out.finish().unwrap().into_inner()
}

/// The archive path of the sheet called `sheet` (from workbook.xml order).
fn sheet_entry(bytes: &[u8], sheet: &str) -> String {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut workbook = String::new();
    archive
        .by_name("xl/workbook.xml")
        .unwrap()
        .read_to_string(&mut workbook)
        .unwrap();
    let names: Vec<&str> = workbook
        .split("<sheet ")
        .skip(1)
        .map(|s| {
            s.split("name=\"")
                .nth(1)
                .unwrap()
                .split('"')
                .next()
                .unwrap()
        })
        .collect();
    let n = names.iter().position(|n| *n == sheet).unwrap() + 1;
    format!("xl/worksheets/sheet{n}.xml")
}

fn entry_text(bytes: &[u8], name: &str) -> String {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut s = String::new();
    archive
        .by_name(name)
        .unwrap()
        .read_to_string(&mut s)
        .unwrap();
    s
}

// ------------------------------------------------------------ round trips

#[test]
fn every_valid_fixture_round_trips_in_every_language() {
    for path in valid_fixtures() {
        let json = load(&path);
        for lang in ["en", "fr", "es"] {
            let bytes = write(&json, lang).unwrap();
            let (back, findings) = read_value(&bytes);
            assert!(findings.is_empty(), "{}: {findings:#?}", path.display());
            assert!(
                back == json,
                "{} ({lang}) does not round-trip",
                path.display()
            );
        }
    }
}

#[test]
fn committed_workbooks_read_as_their_json() {
    for path in valid_fixtures() {
        let xlsx = path.with_extension("xlsx");
        let json = load(&path);
        if updating() {
            std::fs::write(&xlsx, write(&json, "en").unwrap()).unwrap();
        }
        let bytes = std::fs::read(&xlsx).unwrap_or_else(|_| {
            panic!(
                "{} is missing: run UPDATE_XLSX_FIXTURES=1 cargo test --test ingest_xlsx",
                xlsx.display()
            )
        });
        let (back, findings) = read_value(&bytes);
        assert!(findings.is_empty(), "{}: {findings:#?}", xlsx.display());
        assert!(
            back == json,
            "{} no longer reads as {}: regenerate it",
            xlsx.display(),
            path.display()
        );
    }
}

#[test]
fn each_committed_workbook_validates_with_no_finding() {
    let v = Validator::new();
    for path in valid_fixtures() {
        let report = v.validate_path(&path.with_extension("xlsx"));
        assert_eq!(report.format, Some(Format::Xlsx));
        assert!(
            report.findings.is_empty(),
            "{}: {:#?}",
            path.display(),
            report.findings
        );
    }
}

#[test]
fn edge_values_round_trip() {
    let mut doc = cambodia();
    let forms = doc["forms"].as_object_mut().unwrap();
    forms["B"] = json!({"cover": "provided", "stockpile": [
        {"mine_type": "=SUM(A1)", "quantity": 9007199254740993u64, "lot_numbers": []},
        {"mine_type": "  padded  ", "quantity": 0, "lot_numbers": ["a; b", "c"], "extensions": {"x": [1, {"y": null}]}},
        {"mine_type": "[\"not a list\"]", "quantity": 3, "lot_numbers": ["[\"x\"]"]}
    ], "total": 9007199254740996u64, "extensions": {}});
    forms["C"]["areas"][0]["location"] = json!({});
    forms["C"]["areas"][1]["mines"] = json!([]);
    forms["C"]["areas"][2]["note"] = json!("line one\nline two _x0041_ <&>");
    forms["F"]["mine_clearance"]["land_release"] = json!({});
    doc["state"]["extensions"] = json!({"iso_numeric": 116});
    let bytes = write(&doc, "en").unwrap();
    let (back, findings) = read_value(&bytes);
    assert!(findings.is_empty(), "{findings:#?}");
    assert_eq!(
        serde_json::to_string(&back["forms"]["B"]).unwrap().len(),
        serde_json::to_string(&doc["forms"]["B"]).unwrap().len()
    );
    assert!(
        back == doc,
        "{}",
        serde_json::to_string_pretty(&back).unwrap()
    );
}

// -------------------------------------------------- findings at the cell

#[test]
fn excel_findings_match_json_and_name_sheet_cell_and_header() {
    let mut doc = cambodia();
    doc["language"] = json!("xx");
    doc["forms"]["B"] = json!({"cover": "provided", "stockpile": [
        {"mine_type": "PMN-2", "quantity": 1200},
        {"mine_type": "Type 72A", "quantity": 3}
    ], "total": 1230});
    doc["forms"]["C"]["areas"][0]["classification"] = json!("XHA");
    let json_findings = validate_json(&doc);
    let excel = validate_xlsx(write(&doc, "en").unwrap());
    assert_eq!(
        rules_and_pointers(&excel),
        rules_and_pointers(&json_findings)
    );
    let find = |rule: &str, pointer: &str| {
        excel
            .iter()
            .find(|f| f.rule == rule && f.pointer == pointer)
            .unwrap_or_else(|| panic!("no {rule} at {pointer}: {excel:#?}"))
    };
    let total = find("B01", "/forms/B/total");
    assert_eq!(
        cell_of(total),
        ("B".to_owned(), "B7".to_owned(), Some("total".to_owned()))
    );
    assert!(
        total.message.contains("1,203") && total.message.contains("1,230"),
        "{}",
        total.message
    );
    let language = find("schema/enum", "/language");
    assert_eq!(
        cell_of(language),
        (
            "Report".to_owned(),
            "B10".to_owned(),
            Some("language".to_owned())
        )
    );
    let class = find("schema/enum", "/forms/C/areas/0/classification");
    assert_eq!(
        cell_of(class),
        (
            "C.areas".to_owned(),
            "D3".to_owned(),
            Some("classification".to_owned())
        )
    );
    let Some(SourceLocation::Cell { row_values, .. }) = &class.location else {
        unreachable!()
    };
    assert!(row_values.contains(&("id".to_owned(), "KHM-BTB-01".to_owned())));
    assert!(row_values.contains(&("classification".to_owned(), "XHA".to_owned())));
    assert_eq!(
        total
            .location
            .as_ref()
            .and_then(SourceLocation::cell_ref)
            .as_deref(),
        Some("B!B7")
    );
}

#[test]
fn invalid_fixtures_draw_the_same_findings_as_excel() {
    let dir = root().join("fixtures/invalid");
    let expected = load(&dir.join("expected.json"));
    for file in expected.as_object().unwrap().keys() {
        let doc = load(&dir.join(file));
        let excel = validate_xlsx(write(&doc, "en").unwrap());
        let mut want = rules_and_pointers(&validate_json(&doc));
        assert!(!want.is_empty(), "{file}");
        if file == "additional-properties.json" {
            // A column the model does not know is the reader's finding (its
            // values are not read), at the pointer JSON gives.
            for (rule, _) in &mut want {
                *rule = "input/unknown-column".to_owned();
            }
        }
        assert_eq!(rules_and_pointers(&excel), want, "{file}");
        for f in &excel {
            assert!(
                f.location
                    .as_ref()
                    .and_then(SourceLocation::cell_ref)
                    .is_some(),
                "{file}: {f:#?}"
            );
        }
    }
}

#[test]
fn a_missing_total_points_at_its_empty_row() {
    let mut doc = cambodia();
    doc["forms"]["B"].as_object_mut().unwrap().remove("total");
    let excel = validate_xlsx(write(&doc, "en").unwrap());
    let required = excel
        .iter()
        .find(|f| f.rule == "schema/required" && f.pointer == "/forms/B/total")
        .unwrap();
    // The schema points a missing member at its object: the form's sheet.
    assert_eq!(cell_of(required).0, "B");
}

// ------------------------------------------------------------- template

#[test]
fn the_template_reads_back_empty_but_well_formed() {
    let want = json!({
        "format_version": "1.0", "treaty": "APMBC", "state": {}, "period": {}, "contact": {},
        "forms": {"A": {}, "B": {}, "C": {}, "D": {}, "E": {}, "F": {}, "G": {}, "H": {}, "I": {}}
    });
    for lang in ["en", "fr", "es"] {
        let bytes = template(lang).unwrap();
        let (value, findings) = read_value(&bytes);
        assert!(findings.is_empty(), "{lang}: {findings:#?}");
        assert_eq!(value, want, "{lang}");
        let report = validate_xlsx(bytes);
        assert!(!report.is_empty());
        for f in &report {
            // Only what must be filled in, plus R09's reminder that the
            // voluntary Form J is absent (the template leaves it out).
            assert!(f.rule == "schema/required" || f.rule == "R09", "{f:#?}");
            assert!(f.location.is_some(), "{f:#?}");
        }
        let cover = report
            .iter()
            .find(|f| f.pointer == "/forms/A/cover")
            .unwrap();
        assert_eq!(cell_of(cover).0, "A");
        let code = report.iter().find(|f| f.pointer == "/state/code").unwrap();
        assert_eq!(cell_of(code).0, "Report");
        assert!(report.iter().any(|f| f.pointer == "/report_kind"));
    }
}

#[test]
fn the_template_has_lists_validation_formats_and_frozen_headers() {
    let bytes = template("fr").unwrap();
    let a = entry_text(&bytes, &sheet_entry(&bytes, "A"));
    assert!(a.contains(r#"type="list""#), "cover drop-down");
    assert!(a.contains("provided,unchanged,not_applicable"));
    assert!(a.contains(r#"type="whole""#), "last_reported_year");
    assert!(a.contains("<formula1>1997</formula1>") && a.contains("<formula2>2100</formula2>"));
    assert!(a.contains(r#"state="frozen""#));
    assert!(a.contains("Case de la page de couverture"), "French label");
    let areas = entry_text(&bytes, &sheet_entry(&bytes, "C.areas"));
    assert!(areas.contains(r#"type="list""#) && areas.contains("CHA,SHA"));
    assert!(areas.contains(r#"ySplit="2""#), "two frozen header rows");
    let measures = entry_text(&bytes, &sheet_entry(&bytes, "A.measures"));
    assert!(measures.contains("TRUE,FALSE"), "boolean drop-down");
    let styles = entry_text(&bytes, "xl/styles.xml");
    assert!(styles.contains("yyyy-mm-dd"));
    let mut archive = zip::ZipArchive::new(Cursor::new(&bytes)).unwrap();
    let mut workbook = String::new();
    archive
        .by_name("xl/workbook.xml")
        .unwrap()
        .read_to_string(&mut workbook)
        .unwrap();
    assert!(workbook.find("Instructions").unwrap() < workbook.find("\"Report\"").unwrap());
    let es = template("es").unwrap();
    let es_report = entry_text(&es, &sheet_entry(&es, "Report"));
    assert!(es_report.contains("Estado parte"));
}

#[test]
fn docs_name_every_sheet() {
    let doc = std::fs::read_to_string(root().join("docs/excel-layout.md")).unwrap();
    for sheet in &article7::ingest::xlsx::layout::Layout::get().sheets {
        assert!(
            doc.contains(&format!("`{}`", sheet.name)),
            "docs/excel-layout.md does not name sheet {}",
            sheet.name
        );
    }
}

// ------------------------------------------------------ cells and types

#[test]
fn formulas_merged_cells_dates_and_numbers_as_text() {
    let bytes = book(|wb| {
        let date = XFormat::new().set_num_format("yyyy-mm-dd");
        let ws = wb.add_worksheet().set_name("Report")?;
        ws.write(0, 0, "key")?;
        ws.write(1, 0, "period.from")?;
        ws.write_datetime_with_format(1, 1, ExcelDateTime::from_ymd(2019, 1, 1)?, &date)?;
        ws.write(2, 0, "period.to")?;
        ws.write(2, 1, "2019-12-31")?;
        ws.write(3, 0, "submitted_on")?;
        ws.write(3, 1, "28/04/2020")?;
        ws.write(4, 0, "entry_into_force")?;
        ws.write(4, 1, 36526)?;
        let ws = wb.add_worksheet().set_name("A")?;
        ws.write(1, 0, "cover")?;
        ws.merge_range(1, 1, 1, 3, "provided", &XFormat::new())?;
        let ws = wb.add_worksheet().set_name("B")?;
        ws.write(1, 0, "cover")?;
        ws.write(1, 1, "provided")?;
        ws.write(2, 0, "total")?;
        ws.write_formula(
            2,
            1,
            Formula::new("=SUM('B.stockpile'!B3:B5)").set_result("1215"),
        )?;
        ws.write(3, 0, "last_reported_year")?;
        ws.write_formula(3, 1, "=2000+19")?;
        let ws = wb.add_worksheet().set_name("B.stockpile")?;
        ws.write_row(0, 0, ["mine_type", "quantity", "lot_numbers"])?;
        ws.write_row(2, 0, ["PMN-2", "1200", "L1; L2"])?;
        ws.write(3, 0, "Type 72A")?;
        ws.write(3, 1, 3.0)?;
        ws.write(4, 0, "POMZ")?;
        ws.write(4, 1, " 12 ")?;
        ws.write(5, 0, "OZM")?;
        ws.write(5, 1, 2.5)?;
        ws.set_hidden(true);
        let ws = wb.add_worksheet().set_name("C.areas")?;
        ws.write_row(0, 0, ["id", "name", "area_m2", "newly_identified"])?;
        ws.write_row(2, 0, ["K-1", "North"])?;
        ws.write(2, 2, 186416320.0)?;
        ws.write(2, 3, true)?;
        ws.write_row(3, 0, ["K-2", "South"])?;
        ws.write(3, 2, "13.5")?;
        ws.write(3, 3, "FALSE")?;
        let ws = wb.add_worksheet().set_name("C.areas.mines")?;
        ws.write_row(0, 0, ["area_id", "mine_type", "quantity"])?;
        ws.merge_range(2, 0, 3, 0, "K-1", &XFormat::new())?;
        ws.write_row(2, 1, ["PMN-2"])?;
        ws.write(2, 2, 5)?;
        ws.write_row(3, 1, ["PMN-3"])?;
        ws.write(3, 2, 6)?;
        ws.write_row(4, 0, ["K-2", "PMN-4"])?;
        ws.write(4, 2, 7)?;
        Ok(())
    });
    let (v, findings) = read_value(&bytes);
    assert!(findings.is_empty(), "{findings:#?}");
    assert_eq!(
        v["period"],
        json!({"from": "2019-01-01", "to": "2019-12-31"})
    );
    assert_eq!(v["submitted_on"], json!("28/04/2020"));
    assert_eq!(v["entry_into_force"], json!("36526"));
    assert_eq!(v["forms"]["A"]["cover"], json!("provided"), "merged cell");
    assert_eq!(
        v["forms"]["B"]["total"],
        json!(1215),
        "cached formula value"
    );
    assert_eq!(
        v["forms"]["B"]["last_reported_year"],
        json!(0),
        "rust_xlsxwriter caches 0 for a formula with no result"
    );
    assert_eq!(
        v["forms"]["B"]["stockpile"],
        json!([
            {"mine_type": "PMN-2", "quantity": 1200, "lot_numbers": ["L1", "L2"]},
            {"mine_type": "Type 72A", "quantity": 3},
            {"mine_type": "POMZ", "quantity": 12},
            {"mine_type": "OZM", "quantity": 2.5}
        ]),
        "numbers as text, floats, a hidden sheet"
    );
    assert_eq!(
        v["forms"]["C"]["areas"],
        json!([
            {"id": "K-1", "name": "North", "area_m2": 186416320, "newly_identified": true,
             "mines": [{"mine_type": "PMN-2", "quantity": 5}, {"mine_type": "PMN-3", "quantity": 6}]},
            {"id": "K-2", "name": "South", "area_m2": 13.5, "newly_identified": false,
             "mines": [{"mine_type": "PMN-4", "quantity": 7}]}
        ]),
        "a merged parent key applies to each row"
    );
    let findings = validate_xlsx(bytes);
    let format = findings
        .iter()
        .find(|f| f.rule == "schema/format" && f.pointer == "/submitted_on")
        .unwrap();
    assert_eq!(
        cell_of(format),
        (
            "Report".to_owned(),
            "B4".to_owned(),
            Some("submitted_on".to_owned())
        )
    );
    assert!(findings
        .iter()
        .any(|f| f.rule == "schema/format" && f.pointer == "/entry_into_force"));
    let float = findings
        .iter()
        .find(|f| f.pointer == "/forms/B/stockpile/3/quantity")
        .unwrap();
    assert_eq!(float.rule, "schema/type");
    assert_eq!(cell_of(float).1, "B6");
}

#[test]
fn unknown_sheets_and_columns_are_one_finding_each() {
    let mut doc = cambodia();
    for area in doc["forms"]["C"]["areas"].as_array_mut().unwrap() {
        area.as_object_mut()
            .unwrap()
            .insert("admin_unti".into(), json!("x"));
    }
    let bytes = write(&doc, "en").unwrap();
    let areas = doc["forms"]["C"]["areas"].as_array().unwrap().len();
    assert!(areas > 5);
    let findings = validate_xlsx(bytes);
    let unknown: Vec<&Diagnostic> = findings
        .iter()
        .filter(|f| f.rule == "input/unknown-column")
        .collect();
    assert_eq!(unknown.len(), 1, "{findings:#?}");
    assert_eq!(unknown[0].pointer, "/forms/C/areas/0/admin_unti");
    assert!(unknown[0]
        .help
        .as_deref()
        .unwrap()
        .contains("did you mean `admin_unit`?"));
    assert_eq!(
        cell_of(unknown[0]),
        (
            "C.areas".to_owned(),
            "K1".to_owned(),
            Some("admin_unti".to_owned())
        )
    );
    assert!(
        !findings.iter().any(|f| f.rule.starts_with("schema/")),
        "the column's values are not read: {findings:#?}"
    );

    let extra = book(|wb| {
        wb.add_worksheet().set_name("Notes")?.write(0, 0, "to do")?;
        wb.add_worksheet().set_name("C.area")?.write(0, 0, "id")?;
        wb.add_worksheet()
            .set_name("Instructions")?
            .write(0, 0, "ignored")?;
        Ok(())
    });
    let (_, f) = read_value(&extra);
    let notes = f.iter().find(|d| d.message.contains("`Notes`")).unwrap();
    assert_eq!(notes.rule, "input/unknown-sheet");
    assert_eq!(notes.severity, Severity::Warning);
    let misspelt = f.iter().find(|d| d.message.contains("`C.area`")).unwrap();
    assert_eq!(misspelt.severity, Severity::Error);
    assert!(misspelt
        .help
        .as_deref()
        .unwrap()
        .contains("did you mean `C.areas`?"));
    assert_eq!(
        cell_of(misspelt),
        ("C.area".to_owned(), "A1".to_owned(), None)
    );
    assert_eq!(f.len(), 2, "the instructions sheet is ignored: {f:#?}");
}

#[test]
fn unknown_keys_on_key_value_sheets_are_schema_findings_at_the_key() {
    let bytes = book(|wb| {
        let ws = wb.add_worksheet().set_name("C")?;
        ws.write_row(1, 0, ["cover", "provided"])?;
        ws.write_row(2, 0, ["totals.aeras", "3"])?;
        ws.write_row(3, 0, ["cuver", "x"])?;
        ws.write_row(4, 0, ["cover", "unchanged"])?;
        ws.write(5, 1, "orphan value")?;
        Ok(())
    });
    let ingested = read(&bytes);
    let rules: Vec<&str> = ingested.findings.iter().map(|f| f.rule.as_str()).collect();
    assert_eq!(rules, ["input/duplicate-key", "input/missing-key"]);
    let doc = ingested.document.unwrap();
    assert_eq!(
        doc.value["forms"]["C"],
        json!({"cover": "unchanged", "totals": {"aeras": "3"}, "cuver": "x"})
    );
    let (findings, _) = Validator::new().check_document(&doc, Default::default());
    let extra = findings
        .iter()
        .find(|f| f.pointer == "/forms/C/totals/aeras")
        .unwrap();
    assert_eq!(extra.rule, "schema/additional-properties");
    assert_eq!(
        cell_of(extra),
        ("C".into(), "A3".into(), Some("totals.aeras".into()))
    );
}

#[test]
fn rows_naming_no_parent_are_one_finding_per_key() {
    let bytes = book(|wb| {
        let ws = wb.add_worksheet().set_name("C.areas")?;
        ws.write_row(0, 0, ["id", "name"])?;
        ws.write_row(2, 0, ["K-1", "North"])?;
        let ws = wb.add_worksheet().set_name("C.areas.mines")?;
        ws.write_row(0, 0, ["area_id", "mine_type"])?;
        ws.write_row(1, 0, ["NOPE", "PMN"])?;
        ws.write_row(2, 0, ["NOPE", "PMN-2"])?;
        ws.write_row(3, 0, ["K-1", "PMN-3"])?;
        ws.write(4, 1, "no parent")?;
        Ok(())
    });
    let (v, findings) = read_value(&bytes);
    assert_eq!(
        v["forms"]["C"]["areas"][0]["mines"],
        json!([{"mine_type": "PMN-3"}])
    );
    assert_eq!(findings.len(), 2, "{findings:#?}");
    assert!(findings.iter().all(|f| f.rule == "input/unknown-parent"));
    assert!(
        findings[0].message.contains("2 rows (2 to 3)"),
        "{}",
        findings[0].message
    );
    assert_eq!(findings[0].pointer, "/forms/C/areas");
    assert_eq!(
        cell_of(&findings[0]),
        ("C.areas.mines".into(), "A2".into(), Some("area_id".into()))
    );
}

// ------------------------------------------------------- hostile input

fn only_finding(bytes: &[u8], rule: &str) -> Diagnostic {
    let ingested = read(bytes);
    assert!(ingested.document.is_none(), "{rule}: no document expected");
    assert_eq!(ingested.findings.len(), 1, "{:#?}", ingested.findings);
    let f = ingested.findings.into_iter().next().unwrap();
    assert_eq!(f.rule, rule, "{f:#?}");
    f
}

fn truncated() -> Vec<u8> {
    let bytes = template("en").unwrap();
    bytes[..bytes.len() / 2].to_vec()
}

fn random_bytes() -> Vec<u8> {
    let mut x: u64 = 0x2545_F491_4F6C_DD1D;
    (0..4096)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x >> 32) as u8
        })
        .collect()
}

/// A real (small) ZIP bomb: 8 MB of zeros deflate to about 8 KB (1000:1).
fn ratio_bomb() -> Vec<u8> {
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    out.start_file("[Content_Types].xml", options).unwrap();
    out.write_all(b"<Types/>").unwrap();
    out.start_file("xl/worksheets/sheet1.xml", options).unwrap();
    let zeros = vec![b' '; 1 << 20];
    for _ in 0..8 {
        out.write_all(&zeros).unwrap();
    }
    out.finish().unwrap().into_inner()
}

/// A workbook whose sheet entry declares 1 GB once inflated.
fn declared_huge() -> Vec<u8> {
    let mut bytes = template("en").unwrap();
    let sig = b"PK\x01\x02";
    let at = bytes
        .windows(4)
        .position(|w| w == sig)
        .expect("a central directory entry");
    // Central directory header: uncompressed size at offset 24.
    bytes[at + 24..at + 28].copy_from_slice(&(1u32 << 30).to_le_bytes());
    bytes
}

/// A workbook whose sheet entry inflates past the size its headers declare.
fn lying_sizes() -> Vec<u8> {
    let bytes = write(&cambodia(), "en").unwrap();
    let entry = sheet_entry(&bytes, "C.areas");
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes.clone())).unwrap();
    let real = archive.by_name(&entry).unwrap().size();
    drop(archive);
    let mut bytes = bytes;
    let name = entry.as_bytes();
    let mut i = 0;
    while let Some(p) = bytes[i..].windows(name.len()).position(|w| w == name) {
        let at = i + p;
        // Local header: size at name - 30 + 22; central header: name - 46 + 24.
        for (sig, back, off) in [(b"PK\x03\x04", 30, 22), (b"PK\x01\x02", 46, 24)] {
            if at >= back && &bytes[at - back..at - back + 4] == sig {
                bytes[at - back + off..at - back + off + 4]
                    .copy_from_slice(&((real / 4) as u32).to_le_bytes());
            }
        }
        i = at + name.len();
    }
    bytes
}

fn ole(encrypted: bool) -> Vec<u8> {
    let mut bytes = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    bytes.resize(1536, 0);
    if encrypted {
        bytes.extend("EncryptedPackage".encode_utf16().flat_map(u16::to_le_bytes));
    }
    bytes.resize(4096, 0);
    bytes
}

/// A sheet whose used range claims a million rows (a formatted blank cell
/// in the last row, a value far down in an unread column).
fn million_rows() -> Vec<u8> {
    book(|wb| {
        let ws = wb.add_worksheet().set_name("A")?;
        ws.write_row(1, 0, ["cover", "provided"])?;
        ws.write(999_999, 3, "far away, in a column that is not read")?;
        ws.write_blank(1_048_575, 16_383, &XFormat::new().set_bold())?;
        let ws = wb.add_worksheet().set_name("A.measures")?;
        ws.write_row(0, 0, ["title", "kind"])?;
        ws.write_row(2, 0, ["Law", "law"])?;
        ws.write_blank(1_048_575, 1, &XFormat::new().set_bold())?;
        Ok(())
    })
}

#[test]
fn hostile_workbooks_are_findings() {
    only_finding(&truncated(), "input/syntax");
    only_finding(&random_bytes(), "input/syntax");
    let bomb = only_finding(&ratio_bomb(), "input/syntax");
    assert!(bomb.message.contains("ZIP bomb"), "{}", bomb.message);
    let huge = only_finding(&declared_huge(), "input/syntax");
    assert!(huge.message.contains("1073741824"), "{}", huge.message);
    only_finding(&ole(true), "input/encrypted");
    let legacy = only_finding(&ole(false), "input/syntax");
    assert!(legacy.message.contains(".xls"));
    only_finding(b"", "input/syntax");
    only_finding(b"PK\x05\x06", "input/syntax");

    // Sizes that lie: the zip crate stops inflating at the declared size.
    let lying = only_finding(&lying_sizes(), "input/syntax");
    assert!(lying.message.contains("C.areas"), "{}", lying.message);

    // A dimension claiming every cell of the sheet changes nothing.
    let good = write(&cambodia(), "en").unwrap();
    let entry = sheet_entry(&good, "C.areas");
    let claimed = patch_entry(&good, &entry, |xml| {
        let start = xml.find("<dimension ref=\"").unwrap() + 16;
        let end = start + xml[start..].find('"').unwrap();
        format!("{}A1:XFD1048576{}", &xml[..start], &xml[end..])
    });
    assert!(entry_text(&claimed, &entry).contains("A1:XFD1048576"));
    let (v, findings) = read_value(&claimed);
    assert!(findings.is_empty() && v == cambodia());

    let (v, findings) = read_value(&million_rows());
    assert!(findings.is_empty(), "{findings:#?}");
    assert_eq!(
        v["forms"]["A"],
        json!({"cover": "provided", "measures": [{"title": "Law", "kind": "law"}]})
    );
}

#[test]
fn hostile_files_through_the_validator() {
    let v = Validator::new();
    let report = v.validate_source(&Source::from_bytes("random.xlsx", random_bytes()));
    assert_eq!(report.findings.len(), 1);
    assert_eq!(report.findings[0].rule, "input/syntax");
    let report = v.validate_source(&Source::from_bytes("locked.xlsx", ole(true)));
    assert_eq!(report.findings[0].rule, "input/encrypted");
}

#[test]
fn damaged_workbooks_never_panic() {
    let good = write(&cambodia(), "en").unwrap();
    let mut x: u64 = 88172645463325252;
    let mut next = || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x
    };
    for round in 0..200 {
        let mut bytes = good.clone();
        if round % 2 == 0 {
            for _ in 0..(1 + next() % 8) {
                let at = (next() as usize) % bytes.len();
                bytes[at] = next() as u8;
            }
        } else {
            bytes.truncate((next() as usize) % bytes.len());
        }
        let ingested = read(&bytes);
        assert!(ingested.document.is_some() || !ingested.findings.is_empty());
    }
}

/// The committed hostile samples (for the CLI and for fuzzing seeds) each
/// draw their finding through the validator.
#[test]
fn committed_hostile_samples() {
    let dir = root().join("fixtures/ingest/xlsx");
    let samples: Vec<(&str, Vec<u8>, &str)> = vec![
        ("truncated.xlsx", truncated(), "input/syntax"),
        ("random-bytes.xlsx", random_bytes(), "input/syntax"),
        ("zip-bomb.xlsx", ratio_bomb(), "input/syntax"),
        ("declared-huge.xlsx", declared_huge(), "input/syntax"),
        ("password-protected.xlsx", ole(true), "input/encrypted"),
        ("legacy-xls.xlsx", ole(false), "input/syntax"),
        ("million-rows.xlsx", million_rows(), "schema/required"),
    ];
    if updating() {
        std::fs::create_dir_all(&dir).unwrap();
        for (name, bytes, _) in &samples {
            std::fs::write(dir.join(name), bytes).unwrap();
        }
    }
    let v = Validator::new();
    for (name, _, rule) in &samples {
        let report = v.validate_path(&dir.join(name));
        assert!(
            report.findings.iter().any(|f| f.rule == *rule),
            "{name}: {:#?}",
            report.findings
        );
    }
}

// ------------------------------------------------- found by the fuzzer

/// Found by `cargo fuzz run xlsx` (see README, "Fuzzing"): a table row whose
/// only value sits under an unknown header was not kept, yet the unknown
/// column remembered it as its first row, an index past the kept rows (a
/// panic, which `read`'s catch_unwind turned into "could not be read") or
/// the index of a later, unrelated row (a finding at the wrong item).
fn unknown_column_only_row() -> Vec<u8> {
    book(|wb| {
        let ws = wb.add_worksheet().set_name("A.measures")?;
        ws.write_row(0, 0, ["title", "kind", "titel"])?;
        ws.write(1, 2, "only under the unknown header")?;
        Ok(())
    })
}

#[test]
fn a_row_with_values_only_under_an_unknown_header() {
    let path = root().join("fixtures/ingest/xlsx/unknown-column-only-row.xlsx");
    if updating() {
        std::fs::write(&path, unknown_column_only_row()).unwrap();
    }
    let bytes = std::fs::read(&path).unwrap();
    let (_, findings) = read_value(&bytes);
    assert_eq!(findings.len(), 1, "{findings:#?}");
    let f = &findings[0];
    assert_eq!(f.rule, "input/unknown-column");
    assert_eq!(f.pointer, "/forms/A/measures");
    assert!(
        f.message.contains("its values are not read"),
        "{}",
        f.message
    );

    // The same row before a kept row: the finding is not put on that row.
    let bytes = book(|wb| {
        let ws = wb.add_worksheet().set_name("A.measures")?;
        ws.write_row(0, 0, ["title", "kind", "titel"])?;
        ws.write(1, 2, "only under the unknown header")?;
        ws.write_row(2, 0, ["Law", "law"])?;
        ws.write_row(3, 0, ["Decree", "regulation", "x"])?;
        Ok(())
    });
    let (v, findings) = read_value(&bytes);
    assert_eq!(v["forms"]["A"]["measures"].as_array().unwrap().len(), 2);
    let unknown: Vec<_> = findings
        .iter()
        .filter(|f| f.rule == "input/unknown-column")
        .collect();
    assert_eq!(unknown.len(), 1, "{findings:#?}");
    assert_eq!(unknown[0].pointer, "/forms/A/measures/1/titel");
}

/// Found by `cargo fuzz run xlsx`: a sheet whose `<dimension ref>` is
/// reversed (`C5:A1`, end before start) made calamine subtract past zero
/// (tafia/calamine#692), a panic in debug builds and tests. The declared
/// dimension is never used, so the workbook reads as any other.
fn reversed_dimension() -> Vec<u8> {
    let good = book(|wb| {
        let ws = wb.add_worksheet().set_name("A.measures")?;
        ws.write_row(0, 0, ["title", "kind"])?;
        ws.write_row(1, 0, ["Law", "law"])?;
        Ok(())
    });
    let entry = sheet_entry(&good, "A.measures");
    patch_entry(&good, &entry, |xml| {
        let start = xml.find("<dimension ref=\"").unwrap() + 16;
        let end = start + xml[start..].find('"').unwrap();
        format!("{}C5:A1{}", &xml[..start], &xml[end..])
    })
}

#[test]
fn a_reversed_dimension_is_ignored() {
    let path = root().join("fixtures/ingest/xlsx/reversed-dimension.xlsx");
    if updating() {
        std::fs::write(&path, reversed_dimension()).unwrap();
    }
    let bytes = std::fs::read(&path).unwrap();
    assert!(entry_text(&bytes, &sheet_entry(&bytes, "A.measures")).contains("ref=\"C5:A1\""));
    let (v, findings) = read_value(&bytes);
    assert!(findings.is_empty(), "{findings:#?}");
    assert_eq!(
        v["forms"]["A"],
        json!({"measures": [{"title": "Law", "kind": "law"}]})
    );
}
