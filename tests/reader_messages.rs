//! Every finding of the XML and Excel readers (and the JSON reader's
//! duplicate-key and number findings) comes from the message catalogue, so
//! it reads in French and Spanish too: each is keyed, renders in every
//! language with all its arguments, and is really translated.
//!
//! `SHOW_MESSAGES=1 cargo test --test reader_messages -- --nocapture`
//! prints every rendering, to review the translations.

use article7::diagnostics::Diagnostic;
use article7::i18n::{render, text};
use article7::validator::Validator;
use rust_xlsxwriter::{Workbook, XlsxError};
use std::path::Path;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn input_findings(findings: Vec<Diagnostic>) -> Vec<Diagnostic> {
    findings
        .into_iter()
        .filter(|f| f.rule.starts_with("input/"))
        .collect()
}

fn from_file(path: &Path) -> Vec<Diagnostic> {
    input_findings(Validator::new().validate_path(path).findings)
}

fn from_bytes(name: &str, bytes: Vec<u8>) -> Vec<Diagnostic> {
    let source = article7::source::Source::from_bytes(name, bytes);
    input_findings(Validator::new().validate_source(&source).findings)
}

/// What a rendering must not contain: an unresolved placeable or message
/// reference, or a message id.
fn clean(rendered: &str) -> bool {
    // (`{` alone is legitimate: "`{` without its `}`")
    !rendered.contains("{$")
        && !rendered.contains("{ $")
        && !rendered.contains("???")
        && !rendered
            .split(|c: char| c.is_whitespace() || c == '`')
            .any(|w| {
                ["xml-", "xlsx-", "json-", "input-help"]
                    .iter()
                    .any(|p| w.starts_with(p))
            })
}

fn check(findings: &[Diagnostic], what: &str) -> usize {
    for f in findings {
        let key = f
            .key
            .as_ref()
            .unwrap_or_else(|| panic!("{what}: {} is not keyed: {}", f.rule, f.message));
        let en = text("en", key);
        let en_help = render("en", key, Some("help"));
        assert_eq!(en, f.message, "{what}");
        assert_eq!(en_help, f.help, "{what}");
        assert!(en_help.is_some(), "{what}: {} has no help", f.message);
        assert_ne!(
            key.id, "input-syntax-text",
            "{what}: a reader message without translation: {}",
            f.message
        );
        for lang in ["en", "fr", "es"] {
            let message = text(lang, key);
            let help = render(lang, key, Some("help")).unwrap_or_default();
            if std::env::var_os("SHOW_MESSAGES").is_some() {
                eprintln!("[{lang}] {message}\n     help: {help}");
            }
            assert!(clean(&message), "{what} ({lang}): {message}");
            assert!(clean(&help), "{what} ({lang}): {help}");
            if lang != "en" {
                assert_ne!(message, en, "{what}: not translated into {lang}");
                assert_ne!(
                    Some(help),
                    en_help,
                    "{what}: help not translated into {lang}"
                );
            }
        }
    }
    findings.len()
}

#[test]
fn xml_reader_findings_read_in_every_language() {
    let mut n = 0;
    let dir = root().join("fixtures/ingest/xml");
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        n += check(&from_file(&path), &path.display().to_string());
    }
    // What the fixtures do not show: findings past the listed ones, and
    // nesting past the limit.
    let ns = article7::format::xml::NAMESPACE;
    let many = |inner: &str| {
        format!(
            "<article7-report xmlns=\"{ns}\"><forms><C><note>x</note>{}</C></forms></article7-report>",
            inner.repeat(article7::format::xml::MAX_LISTED_FINDINGS + 2)
        )
    };
    for (what, xml, want) in [
        (
            "attributes",
            many("<note a=\"1\">x</note>"),
            "more problems of the same kinds",
        ),
        (
            "duplicates",
            many("<note>x</note>"),
            "more elements repeat a member",
        ),
        (
            "big numbers",
            format!(
                "<article7-report xmlns=\"{ns}\"><forms><B><stockpile>{}</stockpile></B></forms></article7-report>",
                "<item><quantity>123456789012345678901234567890</quantity></item>"
                    .repeat(article7::format::xml::MAX_LISTED_FINDINGS + 2)
            ),
            "more integers are too large",
        ),
        (
            "deep",
            format!(
                "<article7-report xmlns=\"{ns}\"><extensions>{}{}</extensions></article7-report>",
                "<a>".repeat(article7::format::xml::MAX_DEPTH + 2),
                "</a>".repeat(article7::format::xml::MAX_DEPTH + 2)
            ),
            "nested too deeply",
        ),
    ] {
        let found = from_bytes("report.xml", xml.into_bytes());
        assert!(
            found.iter().any(|f| f.message.contains(want)),
            "{what}: {found:#?}"
        );
        n += check(&found, what);
    }
    assert!(n >= 25, "{n}");
}

#[test]
fn excel_reader_findings_read_in_every_language() {
    let mut n = 0;
    let dir = root().join("fixtures/ingest/xlsx");
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        n += check(&from_file(&path), &path.display().to_string());
    }
    let mut wb = Workbook::new();
    let build = |wb: &mut Workbook| -> Result<(), XlsxError> {
        wb.add_worksheet().set_name("Notes")?.write(0, 0, "to do")?;
        wb.add_worksheet().set_name("C.area")?.write(0, 0, "id")?;
        let report = wb.add_worksheet().set_name("Report")?;
        report.write(0, 0, "key")?.write(0, 1, "value")?;
        report.write(1, 0, "report_kind")?.write(1, 1, "annual")?;
        report.write(2, 0, "report_kind")?.write(2, 1, "initial")?;
        report.write(3, 1, "a value without its key")?;
        let areas = wb.add_worksheet().set_name("C.areas")?;
        for (c, h) in ["id", "name", "admin_unti", "id", "mines"]
            .iter()
            .enumerate()
        {
            areas.write(0, c as u16, *h)?;
        }
        // A value typed into the `mines` link column while the mines sheet
        // has rows for this area.
        areas
            .write(2, 0, "A1")?
            .write(2, 1, "One")?
            .write(2, 2, "x")?
            .write(2, 4, "2 mines")?;
        areas.write(2, 5, "no header")?;
        let mines = wb.add_worksheet().set_name("C.areas.mines")?;
        mines.write(0, 0, "area_id")?.write(0, 1, "mine_type")?;
        for (r, id) in ["X", "X", "Y", "", ""].iter().enumerate() {
            let r = r as u32 + 2;
            if !id.is_empty() {
                mines.write(r, 0, *id)?;
            }
            mines.write(r, 1, "PMN")?;
        }
        mines.write(7, 0, "A1")?.write(7, 1, "PMN-2")?;
        // A value typed into a link row while the linked sheet has rows.
        let b = wb.add_worksheet().set_name("B")?;
        b.write(0, 0, "key")?.write(0, 1, "value")?;
        b.write(1, 0, "cover")?.write(1, 1, "provided")?;
        b.write(2, 0, "stockpile")?
            .write(2, 1, "see the next sheet")?;
        let stockpile = wb.add_worksheet().set_name("B.stockpile")?;
        stockpile
            .write(0, 0, "mine_type")?
            .write(0, 1, "quantity")?;
        stockpile.write(1, 0, "PMN-2")?.write(1, 1, 12)?;
        Ok(())
    };
    build(&mut wb).unwrap();
    let found = from_bytes("report.xlsx", wb.save_to_buffer().unwrap());
    let rules: Vec<&str> = found.iter().map(|f| f.rule.as_str()).collect();
    for want in [
        "input/unknown-sheet",
        "input/duplicate-key",
        "input/missing-key",
        "input/unknown-column",
        "input/unknown-parent",
        "input/link-ignored",
    ] {
        assert!(rules.contains(&want), "{want}: {found:#?}");
    }
    // The typed link values, at their cells; the rows are what is read.
    let ignored: Vec<String> = found
        .iter()
        .filter(|f| f.rule == "input/link-ignored")
        .map(|f| format!("{} {:?}", f.pointer, f.location))
        .collect();
    assert_eq!(ignored.len(), 2, "{ignored:#?}");
    assert!(
        ignored
            .iter()
            .any(|l| l.starts_with("/forms/B/stockpile ") && l.contains("\"B3\"")),
        "{ignored:#?}"
    );
    assert!(
        ignored
            .iter()
            .any(|l| l.starts_with("/forms/C/areas/0/mines ") && l.contains("\"E3\"")),
        "{ignored:#?}"
    );
    // One row and several rows naming an unknown area, rows naming none.
    let orphans: Vec<&str> = found
        .iter()
        .filter(|f| f.rule == "input/unknown-parent")
        .map(|f| f.message.as_str())
        .collect();
    assert_eq!(orphans.len(), 3, "{orphans:#?}");
    assert!(orphans.iter().any(|m| m.starts_with("2 rows (3 to 4)")));
    assert!(orphans.iter().any(|m| m.starts_with("row 5 of sheet")));
    n += check(&found, "crafted workbook");
    assert!(n >= 15, "{n}");
}

#[test]
fn json_duplicate_and_number_findings_read_in_every_language() {
    let mut n = 0;
    for name in ["duplicate-keys.json", "huge-number.json"] {
        let path = root().join("fixtures/ingest/json").join(name);
        let found = from_file(&path);
        assert!(!found.is_empty(), "{name}");
        n += check(&found, name);
    }
    let many = format!(
        "{{\"forms\": {{{}\"x\": 1}}}}",
        "\"x\": 1, ".repeat(article7::format::xml::MAX_LISTED_FINDINGS + 2)
    );
    let found = from_bytes("report.json", many.into_bytes());
    assert!(
        found
            .iter()
            .any(|f| f.message.contains("more keys appear more than once")),
        "{found:#?}"
    );
    n += check(&found, "many duplicates");
    assert!(n >= 3);
}

#[test]
fn json_syntax_findings_read_in_every_language() {
    let mut n = 0;
    for name in [
        "deep-nesting.json",
        "empty.json",
        "invalid-utf8.json",
        "nul-bytes.json",
        "number-out-of-range.json",
        "truncated.json",
    ] {
        let path = root().join("fixtures/ingest/json").join(name);
        let found = from_file(&path);
        assert!(found.iter().any(|f| f.rule == "input/syntax"), "{name}");
        n += check(&found, name);
    }
    // One text for each thing serde_json can say about a JSON text.
    for (i, text) in [
        "{\"a\": [1, 2",
        "{\"a\": 1",
        "{\"a\": \"abc",
        "{\"a\":",
        "{\"a\": tru}",
        "{\"a\": }",
        "{\"a\": 1, 5: 2}",
        "{\"a\": [1, 2,]}",
        "{\"a\": 1} x",
        "{\"a\": -}",
        "{\"a\": \"\\x\"}",
        "{\"a\": \"tab\there\"}",
        "   \n ",
    ]
    .iter()
    .enumerate()
    {
        let found = from_bytes("report.json", text.as_bytes().to_vec());
        assert!(
            found.iter().any(|f| f.rule == "input/syntax"),
            "{text}: {found:#?}"
        );
        n += check(&found, &format!("JSON text {i}: {text}"));
    }
    assert!(n >= 19, "{n}");
}
