//! `validate --format csv|xlsx`, State and year on every finding, and the
//! finding filters (`--select`, `--ignore`, `--min-severity`).

#[path = "common/years.rs"]
mod years;

use assert_cmd::Command;
use calamine::{open_workbook, Data, Reader, Xlsx};
use serde_json::Value;

fn article7() -> Command {
    let mut c = Command::cargo_bin("article7").unwrap();
    c.current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1");
    c
}

fn run(args: &[&str]) -> (i32, Vec<u8>) {
    let out = article7().args(args).output().unwrap();
    (out.status.code().unwrap_or(-1), out.stdout)
}

/// A folder of generated reports (every severity occurs) and the invalid
/// fixtures.
fn corpus() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    years::write(&dir.path().join("corpus"), 3);
    dir
}

fn path(dir: &tempfile::TempDir) -> String {
    dir.path().join("corpus").display().to_string()
}

/// The findings of the corpus and `fixtures/invalid` as JSON lines.
fn jsonl(dir: &tempfile::TempDir, extra: &[&str]) -> Vec<Value> {
    let corpus = path(dir);
    let mut args = vec![
        "validate",
        corpus.as_str(),
        "fixtures/invalid",
        "--format",
        "jsonl",
    ];
    args.extend(extra);
    let (_, out) = run(&args);
    String::from_utf8(out)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .filter(|v: &Value| v.get("rule").is_some())
        .collect()
}

#[test]
fn csv_has_one_row_per_finding_with_state_and_year() {
    let dir = corpus();
    let lines = jsonl(&dir, &[]);
    let (_, out) = run(&[
        "validate",
        &path(&dir),
        "fixtures/invalid",
        "--format",
        "csv",
    ]);
    let mut reader = csv::Reader::from_reader(out.as_slice());
    assert_eq!(
        reader.headers().unwrap().iter().collect::<Vec<_>>(),
        article7::report::csv::COLUMNS
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), lines.len(), "one row per finding");
    for (row, line) in rows.iter().zip(&lines) {
        assert_eq!(&row[0], line["file"].as_str().unwrap());
        assert_eq!(&row[1], line["state"].as_str().unwrap_or(""));
        assert_eq!(
            row[2],
            line["year"]
                .as_i64()
                .map(|y| y.to_string())
                .unwrap_or_default()
        );
        assert_eq!(&row[3], line["rule"].as_str().unwrap());
        assert_eq!(&row[5], line["severity"].as_str().unwrap());
        let form = line["pointer"]
            .as_str()
            .unwrap()
            .strip_prefix("/forms/")
            .map(|r| &r[..1])
            .unwrap_or("");
        assert_eq!(&row[6], form);
        let message = line["message"].as_str().unwrap();
        assert!(
            row[9] == *message || row[9] == format!("'{message}"),
            "{:?}",
            &row[9]
        );
    }
    // Findings on the generated reports carry their State and year.
    let d01 = rows.iter().find(|r| &r[3] == "D01").expect("a D01 finding");
    assert_eq!((&d01[1], &d01[2]), ("AGO", "2021"));
    assert!(d01[0].ends_with("AGO-2021.xml"));
    assert!(rows
        .iter()
        .filter(|r| r[0].contains("corpus"))
        .all(|r| !r[1].is_empty() && !r[2].is_empty()));
}

#[test]
fn xlsx_has_the_same_rows() {
    let dir = corpus();
    let corpus = self::path(&dir);
    let path = dir.path().join("findings.xlsx");
    let (_, _) = run(&[
        "validate",
        &corpus,
        "fixtures/invalid",
        "--format",
        "xlsx",
        "-o",
        path.to_str().unwrap(),
    ]);
    let (_, csv_out) = run(&["validate", &corpus, "fixtures/invalid", "--format", "csv"]);
    let csv_rows: Vec<csv::StringRecord> = csv::Reader::from_reader(csv_out.as_slice())
        .records()
        .map(Result::unwrap)
        .collect();
    let mut book: Xlsx<_> = open_workbook(&path).unwrap();
    let range = book.worksheet_range("findings").unwrap();
    let rows: Vec<_> = range.rows().collect();
    assert_eq!(
        rows.len(),
        csv_rows.len() + 1,
        "a header, then one row per finding"
    );
    assert_eq!(rows[0][3], Data::String("rule".into()));
    for (x, c) in rows[1..].iter().zip(&csv_rows) {
        assert_eq!(x[0].to_string(), c[0]);
        assert_eq!(x[3].to_string(), c[3]);
        if !c[2].is_empty() {
            assert_eq!(
                x[2],
                Data::Float(c[2].parse().unwrap()),
                "the year is a number"
            );
        }
        // The sheet has the message as text, without the CSV's guard.
        assert_eq!(c[9].strip_prefix('\'').unwrap_or(&c[9]), x[9].to_string());
    }
}

#[test]
fn json_output_names_state_and_year_per_file() {
    let (_, out) = run(&[
        "validate",
        "fixtures/valid/cambodia-2019.json",
        "--format",
        "json",
    ]);
    let doc: Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(doc["files"][0]["state"], "KHM");
    assert_eq!(doc["files"][0]["year"], 2019);
    let schema: Value =
        serde_json::from_str(include_str!("../schemas/article7-output.schema.json")).unwrap();
    assert!(jsonschema::is_valid(&schema, &doc));
}

#[test]
fn select_and_ignore_drop_findings_from_the_run() {
    let dir = corpus();
    let all = jsonl(&dir, &[]);
    let rule = |v: &Value| v["rule"].as_str().unwrap().to_owned();
    let selected = jsonl(&dir, &["--select", "A,J0"]);
    let unread = [
        "input/syntax",
        "input/unreadable",
        "input/unsupported",
        "input/encrypted",
    ];
    let want: Vec<String> = all
        .iter()
        .map(rule)
        .filter(|r| r.starts_with('A') || r.starts_with("J0") || unread.contains(&r.as_str()))
        .collect();
    assert_eq!(selected.iter().map(rule).collect::<Vec<_>>(), want);
    assert!(want.iter().any(|r| r.starts_with('A')) && want.iter().any(|r| r == "J01"));
    let ignored = jsonl(&dir, &["--ignore", "schema/", "--ignore", "D01"]);
    let want: Vec<String> = all
        .iter()
        .map(rule)
        .filter(|r| !r.starts_with("schema/") && r != "D01")
        .collect();
    assert_eq!(ignored.iter().map(rule).collect::<Vec<_>>(), want);
    assert!(want.len() < all.len());
    // Dropped findings do not fail the run.
    let ago = dir.path().join("corpus/AGO-2021.xml").display().to_string();
    let (code, _) = run(&["validate", &ago, "--quiet"]);
    assert_eq!(code, 1);
    let (code, _) = run(&["validate", &ago, "--ignore", "D01", "--quiet"]);
    assert_eq!(code, 0);
    // A pattern that matches nothing is a usage error.
    let (code, _) = run(&["validate", "fixtures/valid", "--select", "Q9"]);
    assert_eq!(code, 2);
}

#[test]
fn min_severity_hides_but_still_counts() {
    let dir = corpus();
    let all = jsonl(&dir, &[]);
    let shown = jsonl(&dir, &["--min-severity", "warning"]);
    let want: Vec<&Value> = all.iter().filter(|v| v["severity"] != "info").collect();
    assert!(want.len() < all.len(), "the corpus has infos");
    assert_eq!(shown.iter().collect::<Vec<_>>(), want);
    let corpus = path(&dir);
    let (code, out) = run(&[
        "validate",
        &corpus,
        "fixtures/invalid",
        "--min-severity",
        "error",
        "--quiet",
    ]);
    let line = String::from_utf8(out).unwrap();
    let infos_and_warnings = all.iter().filter(|v| v["severity"] != "error").count();
    assert!(
        line.contains(&format!("({infos_and_warnings} not shown)")),
        "{line}"
    );
    assert_eq!(code, 1);
    // A hidden warning still fails --fail-on warning (Afghanistan's 2019
    // report alone: Article 9 measures still missing, a warning, no error).
    let afg = dir
        .path()
        .join("corpus/AFG-2019.json")
        .display()
        .to_string();
    let (code, out) = run(&["validate", &afg, "--format", "jsonl"]);
    assert!(String::from_utf8(out)
        .unwrap()
        .contains("\"severity\":\"warning\""));
    assert_eq!(code, 0);
    let (code, out) = run(&[
        "validate",
        &afg,
        "--min-severity",
        "error",
        "--fail-on",
        "warning",
        "--format",
        "jsonl",
    ]);
    let text = String::from_utf8(out).unwrap();
    assert!(!text.contains("\"severity\":\"warning\""), "{text}");
    assert_eq!(code, 1);
}
