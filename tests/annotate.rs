//! `article7 annotate`: the annotated copy of a workbook keeps the user's
//! parts, puts each finding as a comment at its cell, colours the cell by
//! severity, lists the findings on a new first sheet with links, and
//! validates as the original does. One test opens it in LibreOffice when
//! `soffice` is installed (CI does not install it: the test then says so
//! and passes without checking).

mod support;

use article7::diagnostics::{Diagnostic, Severity, SourceLocation};
use article7::format::xlsx::annotate::{
    annotate, cell_text, fill_colour, list_sheet_name, parse_cell, quoted_ref, Options, AUTHOR,
};
use article7::source::Source;
use article7::validator::Validator;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::io::{Cursor, Read, Write};
use std::path::Path;
use support::{article7, root};

type Parts = BTreeMap<String, Vec<u8>>;
/// A finding's sheet and cell.
type Place = (String, String);

fn parts(bytes: &[u8]) -> Parts {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    (0..zip.len())
        .map(|i| {
            let mut e = zip.by_index(i).unwrap();
            let mut out = Vec::new();
            e.read_to_end(&mut out).unwrap();
            (e.name().unwrap().into_owned(), out)
        })
        .collect()
}

fn text(parts: &Parts, name: &str) -> String {
    String::from_utf8(parts[name].clone()).unwrap_or_else(|_| panic!("{name} is not UTF-8"))
}

fn doc(xml: &str) -> roxmltree::Document<'_> {
    roxmltree::Document::parse(xml).unwrap()
}

/// The Sri Lanka 2019 report with three mistakes (a stockpile total, a
/// count of areas, an e-mail address), written as a French workbook.
fn french_workbook_with_findings() -> Vec<u8> {
    let text = std::fs::read_to_string(root().join("fixtures/valid/sri-lanka-2019.json")).unwrap();
    let mut v: Value = serde_json::from_str(&text).unwrap();
    v["forms"]["B"]["total"] = 57866.into();
    v["contact"]["email"] = "dmt.mod.gov.lk".into();
    let areas = v["forms"]["C"]["totals"]["areas"].as_i64().unwrap();
    v["forms"]["C"]["totals"]["areas"] = (areas + 1).into();
    article7::format::xlsx::write(&v, "fr").unwrap()
}

fn findings_of(bytes: &[u8], lang: &str) -> Vec<Diagnostic> {
    let source = Source::from_bytes("report.xlsx", bytes.to_vec());
    let mut report = Validator::new().validate_source(&source);
    for f in &mut report.findings {
        f.localize(lang);
    }
    report.findings
}

fn options(lang: &str) -> Options {
    Options {
        lang: lang.to_owned(),
        file: "report.xlsx".to_owned(),
        show_comments: false,
    }
}

/// (sheet name, part) of each sheet, in tab order.
fn sheet_parts(parts: &Parts) -> Vec<(String, String)> {
    let wb = text(parts, "xl/workbook.xml");
    let rels = text(parts, "xl/_rels/workbook.xml.rels");
    let rels = doc(&rels);
    let wb = doc(&wb);
    wb.descendants()
        .filter(|n| n.has_tag_name("sheet"))
        .map(|s| {
            let rid = s
                .attributes()
                .find(|a| a.name() == "id")
                .unwrap()
                .value()
                .to_owned();
            let target = rels
                .descendants()
                .find(|r| r.attribute("Id") == Some(rid.as_str()))
                .unwrap()
                .attribute("Target")
                .unwrap();
            (
                s.attribute("name").unwrap().to_owned(),
                format!("xl/{target}"),
            )
        })
        .collect()
}

fn rels_of(part: &str) -> String {
    let (dir, file) = part.rsplit_once('/').unwrap();
    format!("{dir}/_rels/{file}.rels")
}

/// The comments of a sheet's part: cell → text.
fn comments(parts: &Parts, sheet_part: &str) -> BTreeMap<String, String> {
    let Some(rels) = parts.get(&rels_of(sheet_part)) else {
        return BTreeMap::new();
    };
    let rels = String::from_utf8(rels.clone()).unwrap();
    let rels = doc(&rels);
    let Some(target) = rels
        .descendants()
        .find(|r| {
            r.attribute("Type")
                .is_some_and(|t| t.ends_with("/comments"))
        })
        .and_then(|r| r.attribute("Target"))
    else {
        return BTreeMap::new();
    };
    let name = target
        .strip_prefix("../")
        .map_or_else(|| format!("xl/worksheets/{target}"), |t| format!("xl/{t}"));
    let xml = text(parts, &name);
    let d = doc(&xml);
    d.descendants()
        .filter(|n| n.has_tag_name("comment"))
        .map(|c| {
            let t: String = c
                .descendants()
                .filter(|n| n.has_tag_name("t"))
                .filter_map(|n| n.text())
                .collect();
            (c.attribute("ref").unwrap().to_owned(), t)
        })
        .collect()
}

/// The `s` attribute of each cell of a sheet.
fn cell_styles(xml: &str) -> BTreeMap<String, usize> {
    doc(xml)
        .descendants()
        .filter(|n| n.has_tag_name("c"))
        .map(|c| {
            (
                c.attribute("r").unwrap().to_owned(),
                c.attribute("s").map_or(0, |s| s.parse().unwrap()),
            )
        })
        .collect()
}

/// (numFmtId, fontId, fillId, borderId) of each cell format, and the
/// foreground colour of each fill.
fn formats(styles: &str) -> (Vec<[String; 4]>, Vec<Option<String>>) {
    let d = doc(styles);
    let xfs = d
        .descendants()
        .find(|n| n.has_tag_name("cellXfs"))
        .unwrap()
        .children()
        .filter(|n| n.has_tag_name("xf"))
        .map(|x| {
            ["numFmtId", "fontId", "fillId", "borderId"]
                .map(|a| x.attribute(a).unwrap_or("0").to_owned())
        })
        .collect();
    let fills = d
        .descendants()
        .find(|n| n.has_tag_name("fills"))
        .unwrap()
        .children()
        .filter(|n| n.has_tag_name("fill"))
        .map(|f| {
            f.descendants()
                .find(|n| n.has_tag_name("fgColor"))
                .and_then(|c| c.attribute("rgb"))
                .map(str::to_owned)
        })
        .collect();
    (xfs, fills)
}

fn cell_of(f: &Diagnostic) -> Option<(String, String)> {
    match &f.location {
        Some(SourceLocation::Cell { sheet, cell, .. }) => Some((sheet.clone(), cell.clone())),
        _ => None,
    }
}

#[test]
fn comments_sit_at_the_cells_of_the_findings_and_cells_are_highlighted() {
    let original = french_workbook_with_findings();
    let findings = findings_of(&original, "fr");
    let rules: BTreeSet<&str> = findings.iter().map(|f| f.rule.as_str()).collect();
    assert!(
        rules.contains("B01") && rules.contains("C01") && rules.contains("schema/format"),
        "{rules:?}"
    );
    let out = annotate(&original, &findings, &options("fr")).unwrap();
    let before = parts(&original);
    let after = parts(&out.bytes);
    let sheets = sheet_parts(&after);
    let (xfs_before, _) = formats(&text(&before, "xl/styles.xml"));
    let (xfs, fills) = formats(&text(&after, "xl/styles.xml"));

    // By sheet: the cells with findings, and their findings.
    let mut expected: BTreeMap<String, BTreeMap<String, Vec<&Diagnostic>>> = BTreeMap::new();
    for f in &findings {
        if let Some((sheet, cell)) = cell_of(f) {
            expected
                .entry(sheet)
                .or_default()
                .entry(cell)
                .or_default()
                .push(f);
        }
    }
    assert!(!expected.is_empty());
    for (sheet, cells) in &expected {
        let part = &sheets.iter().find(|(n, _)| n == sheet).unwrap().1;
        let got = comments(&after, part);
        assert_eq!(
            got.keys().collect::<Vec<_>>(),
            cells.keys().collect::<Vec<_>>(),
            "comments of {sheet}"
        );
        let styles_before = cell_styles(&text(&before, part));
        let styles_after = cell_styles(&text(&after, part));
        for (cell, fs) in cells {
            let comment = &got[cell];
            assert!(comment.starts_with(AUTHOR), "{comment}");
            for f in fs {
                let message = cell_text(&f.message, "fr");
                assert!(comment.contains(&message), "{sheet}!{cell}: {comment}");
                assert!(!comment.contains('`'), "{comment}");
                assert!(comment.contains(&f.rule));
            }
            // The colour of the most severe finding; the cell's number
            // format, font and borders kept.
            let worst = fs.iter().map(|f| f.severity).max().unwrap();
            let s = styles_after[cell];
            let fill: usize = xfs[s][2].parse().unwrap();
            assert_eq!(
                fills[fill].as_deref(),
                Some(fill_colour(worst)),
                "{sheet}!{cell}"
            );
            let old = &xfs_before[styles_before.get(cell).copied().unwrap_or(0)];
            assert_eq!(
                [&xfs[s][0], &xfs[s][1], &xfs[s][3]],
                [&old[0], &old[1], &old[3]],
                "{sheet}!{cell}"
            );
        }
        // Other cells keep their format.
        for (cell, s) in &styles_before {
            if !cells.contains_key(cell) {
                assert_eq!(styles_after.get(cell), Some(s), "{sheet}!{cell}");
            }
        }
        // Excel and LibreOffice show comments through the sheet's drawing.
        let sheet_xml = text(&after, part);
        assert!(sheet_xml.contains("<legacyDrawing "), "{sheet}");
    }
    assert_eq!(
        out.cells,
        expected.values().map(BTreeMap::len).sum::<usize>()
    );
    let ct = text(&after, "[Content_Types].xml");
    assert!(ct.contains(r#"Extension="vml""#));
    assert!(ct.contains("spreadsheetml.comments+xml"));
}

#[test]
fn the_list_sheet_comes_first_and_links_to_the_cells() {
    let original = french_workbook_with_findings();
    let findings = findings_of(&original, "fr");
    let out = annotate(&original, &findings, &options("fr")).unwrap();
    let after = parts(&out.bytes);
    let sheets = sheet_parts(&after);
    assert_eq!(sheets[0].0, list_sheet_name("fr"));
    assert_eq!(sheets[0].0, "Constats");
    // The other sheets keep their order.
    let before: Vec<String> = sheet_parts(&parts(&original))
        .into_iter()
        .map(|s| s.0)
        .collect();
    let rest: Vec<String> = sheets[1..].iter().map(|s| s.0.clone()).collect();
    assert_eq!(rest, before);
    let wb = text(&after, "xl/workbook.xml");
    assert!(wb.contains(r#"activeTab="0""#), "{wb}");

    let list = text(&after, &sheets[0].1);
    let d = doc(&list);
    let links: Vec<(String, String)> = d
        .descendants()
        .filter(|n| n.has_tag_name("hyperlink"))
        .map(|h| {
            (
                h.attribute("ref").unwrap().to_owned(),
                h.attribute("location").unwrap().to_owned(),
            )
        })
        .collect();
    let expected: Vec<String> = findings
        .iter()
        .filter_map(cell_of)
        .map(|(s, c)| quoted_ref(&s, &c))
        .collect();
    assert_eq!(
        links.iter().map(|l| l.1.clone()).collect::<Vec<_>>(),
        expected
    );
    // Every link names a sheet and a cell that exist.
    for (_, location) in &links {
        let (sheet, cell) = location.rsplit_once('!').unwrap();
        let sheet = sheet.trim_matches('\'').replace("''", "'");
        assert!(sheets.iter().any(|(n, _)| *n == sheet), "{location}");
        assert!(parse_cell(cell).is_some());
    }
    // One row per finding under the title and the header, in French.
    let cells: Vec<String> = d
        .descendants()
        .filter(|n| n.has_tag_name("t"))
        .filter_map(|n| n.text())
        .map(str::to_owned)
        .collect();
    for head in [
        "Gravité",
        "Règle",
        "Constat",
        "Comment corriger",
        "Emplacement",
    ] {
        assert!(cells.iter().any(|c| c == head), "{head}");
    }
    for f in &findings {
        assert!(
            cells.contains(&cell_text(&f.message, "fr")),
            "{}",
            f.message
        );
    }
    assert!(cells.iter().any(|c| c == "erreur"));
    let rows = d.descendants().filter(|n| n.has_tag_name("row")).count();
    assert_eq!(rows, findings.len() + 2);
}

#[test]
fn untouched_parts_are_byte_identical() {
    let original = french_workbook_with_findings();
    let findings = findings_of(&original, "fr");
    let out = annotate(&original, &findings, &options("fr")).unwrap();
    let before = parts(&original);
    let after = parts(&out.bytes);
    let sheets = sheet_parts(&parts(&original));
    let mut may_change: BTreeSet<String> = [
        "[Content_Types].xml",
        "xl/workbook.xml",
        "xl/_rels/workbook.xml.rels",
        "xl/styles.xml",
    ]
    .map(str::to_owned)
    .into();
    for f in &findings {
        if let Some((sheet, _)) = cell_of(f) {
            let part = sheets.iter().find(|s| s.0 == sheet).unwrap().1.clone();
            may_change.insert(rels_of(&part));
            may_change.insert(part);
        }
    }
    // The sheet that was selected is no longer (the list sheet is).
    let selected = sheets
        .iter()
        .find(|(_, p)| text(&before, p).contains(r#"tabSelected="1""#))
        .map(|s| s.1.clone());
    may_change.extend(selected);
    let mut changed = Vec::new();
    for (name, bytes) in &before {
        let now = after
            .get(name)
            .unwrap_or_else(|| panic!("{name} was dropped"));
        if now != bytes {
            changed.push(name.clone());
            assert!(may_change.contains(name), "{name} changed");
        }
    }
    assert!(changed.contains(&"xl/styles.xml".to_owned()));
    // Within a changed sheet, only the cells with findings differ: the
    // values, formulas and the rest of the XML are as they were.
    let (_, part) = sheets.iter().find(|s| s.0 == "B").unwrap();
    let old = text(&before, part);
    let new = text(&after, part);
    let strip = |x: &str| {
        let mut x = x.to_owned();
        for c in cell_styles(x.as_str()).keys() {
            // drop the `s` of the cell B7, the one with a finding
            if c == "B7" {
                if let Some(i) = x.find(r#"<c r="B7""#) {
                    let end = i + x[i..].find('>').unwrap();
                    x.replace_range(i..end, r#"<c r="B7""#);
                }
            }
        }
        x.replace(r#" tabSelected="1""#, "")
    };
    let new_wo_drawing = {
        let i = new.find("<legacyDrawing ").unwrap();
        let end = i + new[i..].find("/>").unwrap() + 2;
        let mut n = new.clone();
        n.replace_range(i..end, "");
        n
    };
    assert_eq!(strip(&new_wo_drawing), strip(&old));
}

#[test]
fn the_annotated_copy_validates_as_the_original() {
    for (bytes, lang) in [
        (french_workbook_with_findings(), "fr"),
        (article7::format::xlsx::template("es").unwrap(), "es"),
        (
            std::fs::read(root().join("fixtures/ingest/xlsx/libreoffice-hand-edits.xlsx")).unwrap(),
            "en",
        ),
    ] {
        let findings = findings_of(&bytes, lang);
        assert!(!findings.is_empty());
        let out = annotate(&bytes, &findings, &options(lang)).unwrap();
        let again = findings_of(&out.bytes, lang);
        let key = |fs: &[Diagnostic]| -> Vec<(String, String, Option<Place>)> {
            fs.iter()
                .map(|f| (f.rule.clone(), f.pointer.clone(), cell_of(f)))
                .collect()
        };
        assert_eq!(key(&again), key(&findings), "{lang}");
    }
}

/// A workbook of another program: a comment already at a cell, which
/// keeps it; a finding that is not at a cell, which is only listed.
#[test]
fn existing_comments_are_kept_and_whole_report_findings_are_listed() {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet().set_name("Notes").unwrap();
    ws.write_string(0, 0, "total").unwrap();
    ws.write_number(0, 1, 12.5).unwrap();
    ws.write_formula(1, 1, "=B1*2").unwrap();
    ws.insert_note(
        0,
        1,
        &rust_xlsxwriter::Note::new("checked by the ministry").set_author("Ana"),
    )
    .unwrap();
    let bytes = wb.save_to_buffer().unwrap();
    let at = |cell: &str, severity: Severity, message: &str| {
        Diagnostic::new("X01", "x", severity, message, "/x").with_location(Some(
            SourceLocation::Cell {
                sheet: "Notes".to_owned(),
                cell: cell.to_owned(),
                header: None,
                row_values: Vec::new(),
            },
        ))
    };
    let mut elsewhere = at(
        "A1",
        Severity::Error,
        "on a sheet the workbook does not have",
    );
    if let Some(SourceLocation::Cell { sheet, .. }) = &mut elsewhere.location {
        *sheet = "Missing".to_owned();
    }
    let findings = vec![
        Diagnostic::new("R09", "whole", Severity::Info, "no form J", ""),
        elsewhere,
        at("B1", Severity::Warning, "first at B1"),
        at("B1", Severity::Error, "second at B1"),
        at("D9", Severity::Info, "at an empty cell"),
    ];
    let out = annotate(&bytes, &findings, &options("en")).unwrap();
    assert_eq!(out.cells, 2);
    let after = parts(&out.bytes);
    let sheets = sheet_parts(&after);
    assert_eq!(sheets[0].0, "Findings");
    let notes = comments(&after, &sheets[1].1);
    assert_eq!(notes.keys().collect::<Vec<_>>(), ["B1", "D9"]);
    // The ministry's note first, then both findings, in one comment.
    let b1 = &notes["B1"];
    let (m, a, b) = (
        b1.find("checked by the ministry").unwrap(),
        b1.find("first at B1").unwrap(),
        b1.find("second at B1").unwrap(),
    );
    assert!(m < a && a < b, "{b1}");
    assert!(
        b1.contains("[warning] X01") && b1.contains("[error] X01"),
        "{b1}"
    );
    // B1 takes the colour of its worst finding; D9 did not exist and does now.
    let sheet = text(&after, &sheets[1].1);
    let styles = cell_styles(&sheet);
    let (xfs, fills) = formats(&text(&after, "xl/styles.xml"));
    let fill_of = |cell: &str| fills[xfs[styles[cell]][2].parse::<usize>().unwrap()].clone();
    assert_eq!(fill_of("B1").as_deref(), Some(fill_colour(Severity::Error)));
    assert_eq!(fill_of("D9").as_deref(), Some(fill_colour(Severity::Info)));
    assert!(sheet.contains("<f>B1*2</f>"), "{sheet}");
    // The existing drawing got a shape for D9 only.
    let vml: Vec<&String> = after.keys().filter(|k| k.ends_with(".vml")).collect();
    assert_eq!(vml.len(), 1);
    let vml = String::from_utf8_lossy(&after[vml[0]]).into_owned();
    assert_eq!(vml.matches("<x:Row>").count(), 2, "{vml}");
    // The whole-report finding is on the list, with no link.
    let list = text(&after, &sheets[0].1);
    assert!(list.contains("no form J") && list.contains("the whole report"));
    assert!(list.contains("on a sheet the workbook does not have"));
    assert_eq!(list.matches("<hyperlink ").count(), 3);
}

/// More comments on a sheet than one block of VML shape ids holds (1024):
/// every shape has an id of its own, within the blocks the drawing claims.
#[test]
fn a_sheet_with_many_findings_gets_unique_shape_ids() {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet().set_name("Rows").unwrap();
    for r in 0..1100 {
        ws.write_number(r, 0, f64::from(r)).unwrap();
    }
    let bytes = wb.save_to_buffer().unwrap();
    let findings: Vec<Diagnostic> = (1..=1100)
        .map(|r| {
            Diagnostic::new("X02", "x", Severity::Warning, format!("row {r}"), "/x").with_location(
                Some(SourceLocation::Cell {
                    sheet: "Rows".to_owned(),
                    cell: format!("A{r}"),
                    header: None,
                    row_values: Vec::new(),
                }),
            )
        })
        .collect();
    let out = annotate(&bytes, &findings, &options("en")).unwrap();
    assert_eq!(out.cells, 1100);
    let after = parts(&out.bytes);
    let vml = String::from_utf8_lossy(&after["xl/drawings/vmlDrawing1.vml"]).into_owned();
    let blocks: Vec<usize> = vml
        .split(r#"<o:idmap v:ext="edit" data=""#)
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .split(',')
        .map(|b| b.parse().unwrap())
        .collect();
    let ids: Vec<usize> = vml
        .split(r#"<v:shape id="_x0000_s"#)
        .skip(1)
        .map(|s| s.split('"').next().unwrap().parse().unwrap())
        .collect();
    assert_eq!(ids.len(), 1100);
    assert_eq!(ids.iter().collect::<BTreeSet<_>>().len(), 1100);
    assert!(
        ids.iter().all(|id| blocks.contains(&(id / 1024))),
        "{blocks:?}"
    );
    assert_eq!(comments(&after, &sheet_parts(&after)[1].1).len(), 1100);
}

/// A minimal package with no styles part (as some tools write them): the
/// copy adds one.
#[test]
fn a_workbook_without_styles_gets_one() {
    let files = [
        (
            "[Content_Types].xml",
            r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#,
        ),
        (
            "_rels/.rels",
            r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#,
        ),
        (
            "xl/workbook.xml",
            r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Report" sheetId="1" r:id="rId1"/></sheets><definedNames><definedName name="_xlnm.Print_Area" localSheetId="0">Report!$A$1:$B$2</definedName></definedNames></workbook>"#,
        ),
        (
            "xl/_rels/workbook.xml.rels",
            r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#,
        ),
        (
            "xl/worksheets/sheet1.xml",
            r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>state.code</t></is></c><c r="B1" t="inlineStr"><is><t>SNG</t></is></c></row></sheetData></worksheet>"#,
        ),
    ];
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (name, xml) in files {
        zip.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        zip.write_all(xml.as_bytes()).unwrap();
    }
    let bytes = zip.finish().unwrap().into_inner();
    let finding = Diagnostic::new(
        "schema/state-party",
        "x",
        Severity::Error,
        "not a State Party",
        "/state/code",
    )
    .with_location(Some(SourceLocation::Cell {
        sheet: "Report".to_owned(),
        cell: "B1".to_owned(),
        header: None,
        row_values: Vec::new(),
    }));
    let out = annotate(&bytes, &[finding], &options("es")).unwrap();
    let after = parts(&out.bytes);
    assert!(after.contains_key("xl/styles.xml"));
    let ct = text(&after, "[Content_Types].xml");
    assert!(ct.contains("/xl/styles.xml"));
    let wb = text(&after, "xl/workbook.xml");
    // The print area follows its sheet, now the second.
    assert!(wb.contains(r#"localSheetId="1""#), "{wb}");
    let sheets = sheet_parts(&after);
    assert_eq!(sheets[0].0, "Constataciones");
    let (xfs, fills) = formats(&text(&after, "xl/styles.xml"));
    let styles = cell_styles(&text(&after, &sheets[1].1));
    let fill = xfs[styles["B1"]][2].parse::<usize>().unwrap();
    assert_eq!(fills[fill].as_deref(), Some(fill_colour(Severity::Error)));
    assert_eq!(comments(&after, &sheets[1].1).len(), 1);
    // Read like any workbook: the list sheet is no unknown sheet.
    let report = Validator::new().validate_source(&Source::from_bytes("r.xlsx", out.bytes));
    assert!(
        report
            .findings
            .iter()
            .all(|f| f.rule != "input/unknown-sheet"),
        "{:?}",
        report.findings
    );
}

#[test]
fn the_command_writes_the_copy_and_refuses_what_is_not_a_workbook() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("report.xlsx");
    std::fs::write(&input, french_workbook_with_findings()).unwrap();
    let out = article7(dir.path(), &["annotate", "report.xlsx", "--lang", "fr"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("report.checked.xlsx"), "{stderr}");
    let written = std::fs::read(dir.path().join("report.checked.xlsx")).unwrap();
    assert_eq!(sheet_parts(&parts(&written))[0].0, "Constats");
    // Not replaced without --force.
    let again = article7(dir.path(), &["annotate", "report.xlsx"]);
    assert_eq!(again.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&again.stderr).contains("--force"));
    // An annotated copy is not annotated again.
    let twice = article7(
        dir.path(),
        &["annotate", "report.checked.xlsx", "-o", "twice.xlsx"],
    );
    assert_eq!(twice.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&twice.stderr).contains("annotated copy"));

    let json = root().join("fixtures/valid/sri-lanka-2019.json");
    let xml = root().join("fixtures/valid/sri-lanka-2019.xml");
    for (input, says) in [
        (json.as_path(), "this is a JSON report"),
        (xml.as_path(), "this is an XML report"),
        (
            &root().join("fixtures/ingest/xlsx/random-bytes.xlsx"),
            "cannot be annotated",
        ),
        (
            &root().join("fixtures/ingest/xlsx/truncated.xlsx"),
            "cannot be annotated",
        ),
        (
            &root().join("fixtures/ingest/xlsx/password-protected.xlsx"),
            "cannot be annotated",
        ),
        (
            &root().join("fixtures/ingest/xlsx/zip-bomb.xlsx"),
            "cannot be annotated",
        ),
    ] {
        let target = dir.path().join("bad.checked.xlsx");
        let out = article7(
            dir.path(),
            &[
                "annotate",
                input.to_str().unwrap(),
                "-o",
                target.to_str().unwrap(),
            ],
        );
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{}: {stderr}", input.display());
        assert!(stderr.contains(says), "{}: {stderr}", input.display());
        assert!(!stderr.contains("panicked"), "{stderr}");
        assert!(!target.exists());
    }
}

/// Whether a program is on the PATH.
fn installed(program: &str) -> bool {
    std::process::Command::new(program)
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

/// LibreOffice opens the copy: it converts it to PDF, the list sheet's
/// title and a shown comment's text are on the pages.
#[test]
fn libreoffice_opens_the_annotated_copy() {
    if !installed("soffice") {
        eprintln!("NOTICE: soffice (LibreOffice) is not installed; the annotated copy was not opened in LibreOffice");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let original = french_workbook_with_findings();
    let findings = findings_of(&original, "fr");
    let mut opts = options("fr");
    opts.show_comments = true;
    let out = annotate(&original, &findings, &opts).unwrap();
    let path = dir.path().join("report.checked.xlsx");
    std::fs::write(&path, &out.bytes).unwrap();
    let pdf = convert_to_pdf(dir.path(), &path);
    let bytes = std::fs::read(&pdf).unwrap();
    assert!(bytes.starts_with(b"%PDF"), "not a PDF");
    if !installed("pdftotext") {
        eprintln!(
            "NOTICE: pdftotext (poppler-utils) is not installed; the PDF's text was not checked"
        );
        return;
    }
    let text = std::process::Command::new("pdftotext")
        .args([pdf.to_str().unwrap(), "-"])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(text.contains("Vérification de report.xlsx"), "{text}");
    assert!(text.contains("Comment corriger"));
    // The comment at the e-mail address, shown open on its sheet.
    assert!(text.contains("article7:"), "no comment on the pages");
    assert!(text.contains("[erreur] schema/format"), "{text}");
}

/// `soffice --headless --convert-to pdf`, each sheet on one page, with a
/// profile of its own (two LibreOffice runs sharing one profile wait on
/// each other).
fn convert_to_pdf(dir: &Path, xlsx: &Path) -> std::path::PathBuf {
    let profile = dir.join("lo-profile");
    let status = std::process::Command::new("soffice")
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args([
            "--headless",
            "--convert-to",
            r#"pdf:calc_pdf_Export:{"SinglePageSheets":{"type":"boolean","value":"true"}}"#,
            "--outdir",
        ])
        .arg(dir)
        .arg(xlsx)
        .output()
        .unwrap();
    let pdf = xlsx.with_extension("pdf");
    assert!(
        pdf.exists(),
        "LibreOffice wrote no PDF: {}",
        String::from_utf8_lossy(&status.stderr)
    );
    pdf
}
