//! `article7 summary` on a generated multi-year corpus: every table against
//! figures computed here from the generator's truth.

#[path = "common/years.rs"]
mod years;

use article7::states::StatesParties;
use article7::summary::{self, SummaryOptions};
use article7::validator::Validator;
use article7::Severity;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use years::{Broken, Truth, TruthReport};

fn corpus() -> (tempfile::TempDir, Truth, Value) {
    let dir = tempfile::tempdir().unwrap();
    let truth = years::write(dir.path(), 7);
    let validator = Validator::new();
    let (inputs, unreadable) = summary::load(&validator, &[dir.path().to_path_buf()]);
    assert!(unreadable.is_empty(), "{unreadable:?}");
    let s = summary::compute(
        &inputs,
        &unreadable,
        &SummaryOptions::default(),
        StatesParties::embedded(),
    );
    let json = serde_json::to_value(&s).unwrap();
    (dir, truth, json)
}

#[test]
fn the_generated_reports_are_valid_except_where_broken_on_purpose() {
    let dir = tempfile::tempdir().unwrap();
    let truth = years::write(dir.path(), 7);
    let validator = Validator::new();
    for r in &truth.reports {
        let report = validator.validate_path(&dir.path().join(&r.file));
        let errors: Vec<String> = report
            .findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .map(|f| format!("{} {} {}", f.rule, f.pointer, f.message))
            .collect();
        match r.broken {
            // The report of a State that is not a Party draws exactly that.
            None if r.file == "RUS-2021.json" => assert_eq!(
                errors,
                ["schema/state-party /state/code `RUS` is not the code of a State Party to the Convention"],
                "{}",
                r.file
            ),
            None => assert!(errors.is_empty(), "{}: {errors:#?}", r.file),
            Some(b) => {
                let want = match b {
                    Broken::RetainedTotal => "D01 /forms/D/total_retained",
                    Broken::Casualties => "J01 /forms/J/victim_assistance/casualties",
                    Broken::StockpileTotal => "schema/type /forms/B/total",
                };
                assert!(
                    errors.iter().all(|e| e.starts_with(want)),
                    "{}: {errors:#?}",
                    r.file
                );
                assert!(!errors.is_empty(), "{}", r.file);
            }
        }
    }
}

const Y: i64 = 2021;

fn table<'a>(s: &'a Value, id: &str) -> &'a Value {
    s["tables"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["id"] == id)
        .unwrap_or_else(|| panic!("no table {id}"))
}

fn rows(s: &Value, id: &str) -> BTreeMap<String, Value> {
    table(s, id)["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["key"].as_str().unwrap().to_owned(), r["cells"].clone()))
        .collect()
}

fn base(f: &str) -> String {
    Path::new(f)
        .file_name()
        .unwrap()
        .to_string_lossy()
        .into_owned()
}

/// A cell's value and its files (base names).
fn cell(cells: &Value, col: &str) -> (Value, BTreeSet<String>) {
    let c = &cells[col];
    let files = c["files"]
        .as_array()
        .map(|a| a.iter().map(|f| base(f.as_str().unwrap())).collect())
        .unwrap_or_default();
    (c["value"].clone(), files)
}

fn files<'a>(names: impl IntoIterator<Item = &'a str>) -> BTreeSet<String> {
    names.into_iter().map(str::to_owned).collect()
}

fn excluded(s: &Value, id: &str) -> BTreeSet<String> {
    table(s, id)["excluded"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| base(e["file"].as_str().unwrap()))
        .collect()
}

/// The counted annual reports of `year`, of States Parties.
fn of_year(truth: &Truth, year: i64) -> Vec<&TruthReport> {
    truth
        .reports
        .iter()
        .filter(|r| r.annual && r.counted && r.year == year && r.state != "RUS")
        .collect()
}

#[test]
fn sources_name_superseded_and_non_party_reports() {
    let (_dir, truth, s) = corpus();
    assert_eq!(s["year"], Y, "the newest year covered is the default");
    assert_eq!(s["sources"]["read"], truth.reports.len());
    let unused: BTreeMap<String, String> = s["sources"]["unused"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| {
            (
                base(u["file"].as_str().unwrap()),
                u["reason"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    let expected: BTreeSet<String> = truth
        .reports
        .iter()
        .filter(|r| !r.counted || r.state == "RUS")
        .map(|r| r.file.clone())
        .collect();
    assert_eq!(unused.keys().cloned().collect::<BTreeSet<_>>(), expected);
    assert!(unused["KHM-2021-first.json"].contains("KHM-2021.json"));
    assert!(unused["RUS-2021.json"].contains("not a State Party"));
}

#[test]
fn reporting_status_and_years_missed() {
    let (_dir, truth, s) = corpus();
    let rows = rows(&s, "reporting");
    let states = StatesParties::embedded();
    assert_eq!(rows.len(), states.states_parties.len());
    let first_year = years::YEARS[0];
    let (mut on_time, mut late, mut missing) = (0, 0, 0);
    for code in states.codes() {
        let r = &rows[code];
        let (status, f) = cell(r, "status");
        match truth.counted(code, Y) {
            Some(t) => {
                let want = if t.submitted_on.as_str() <= "2022-04-30" {
                    "on_time"
                } else {
                    "late"
                };
                assert_eq!(status, want, "{code}");
                assert_eq!(f, files([t.file.as_str()]), "{code}");
                if want == "on_time" {
                    on_time += 1
                } else {
                    late += 1
                }
            }
            None => {
                assert_eq!(status, "missing", "{code}");
                missing += 1;
            }
        }
        // Years missed in a row, counted back from Y over the years generated.
        let mut n = 0;
        let mut y = Y;
        while y >= first_year && truth.counted(code, y).is_none() {
            n += 1;
            y -= 1;
        }
        assert_eq!(cell(r, "years_missed_in_row").0, n, "{code}");
    }
    assert_eq!(cell(&rows["ZWE"], "years_missed_in_row").0, 2);
    assert_eq!(cell(&rows["COL"], "status").0, "late");
    let counts = self::rows(&s, "reporting_counts");
    assert_eq!(cell(&counts["on_time"], "count").0, on_time);
    assert_eq!(cell(&counts["late"], "count").0, late);
    assert_eq!(cell(&counts["missing"], "count").0, missing);
    assert_eq!(
        on_time + late,
        7,
        "seven of the eight States reported for 2021"
    );
}

#[test]
fn article9_groups() {
    let (_dir, _truth, s) = corpus();
    let rows = rows(&s, "article9");
    let mut want: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for (code, _, status) in years::STATES {
        want.entry(status).or_default().push(code);
    }
    let states = StatesParties::embedded();
    let generated: BTreeSet<&str> = years::STATES.iter().map(|s| s.0).collect();
    want.insert(
        "not_reported",
        states.codes().filter(|c| !generated.contains(c)).collect(),
    );
    for group in [
        "legislation_adopted",
        "existing_law_sufficient",
        "in_preparation",
        "none",
        "not_reported",
    ] {
        let members = want.get(group).cloned().unwrap_or_default();
        assert_eq!(cell(&rows[group], "count").0, members.len(), "{group}");
        assert_eq!(cell(&rows[group], "states").0, members.join(" "), "{group}");
    }
    // The newest report gives the status: Zimbabwe's is of 2019.
    let (_, f) = cell(&rows["legislation_adopted"], "count");
    assert!(
        f.contains("ZWE-2019.json") && f.contains("KHM-2021.json") && f.contains("AGO-2021.xml"),
        "{f:?}"
    );
}

#[test]
fn stockpiles_leave_out_the_report_invalid_on_the_total() {
    let (_dir, truth, s) = corpus();
    let rows = rows(&s, "stockpiles");
    let mut remaining = 0;
    let mut destroyed = 0;
    let mut keys = BTreeSet::new();
    for t in of_year(&truth, Y) {
        if t.broken == Some(Broken::StockpileTotal) {
            continue;
        }
        keys.insert(t.state.clone());
        assert_eq!(
            cell(&rows[&t.state], "remaining"),
            (t.stockpile.into(), files([t.file.as_str()])),
            "{}",
            t.state
        );
        assert_eq!(
            cell(&rows[&t.state], "destroyed").0,
            t.stockpile_destroyed,
            "{}",
            t.state
        );
        remaining += t.stockpile;
        destroyed += t.stockpile_destroyed;
    }
    assert_eq!(rows.keys().cloned().collect::<BTreeSet<_>>(), keys);
    assert!(!rows.contains_key("COL"));
    assert_eq!(excluded(&s, "stockpiles"), files(["COL-2021.json"]));
    let total = &table(&s, "stockpiles")["total"]["cells"];
    assert_eq!(cell(total, "remaining").0, remaining);
    assert_eq!(cell(total, "destroyed").0, destroyed);
    assert!(!cell(total, "remaining").1.contains("COL-2021.json"));
}

#[test]
fn retained_mines_last_initial_used_change_and_distribution() {
    let (_dir, truth, s) = corpus();
    let rows = rows(&s, "retained");
    let mut total_last = 0;
    let mut buckets: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    for t in of_year(&truth, Y) {
        if t.broken == Some(Broken::RetainedTotal) {
            assert!(!rows.contains_key(&t.state));
            continue;
        }
        let r = &rows[&t.state];
        // Form D unchanged: the previous report's figure, from that file.
        let source = if t.retained_unchanged {
            truth.counted(&t.state, Y - 1).unwrap()
        } else {
            t
        };
        assert_eq!(
            cell(r, "last"),
            (source.retained.into(), files([source.file.as_str()])),
            "{}",
            t.state
        );
        if t.retained_unchanged {
            assert_eq!(cell(r, "used").0, Value::Null, "{}", t.state);
        } else {
            assert_eq!(cell(r, "used").0, t.used, "{}", t.state);
        }
        let first = truth
            .reports
            .iter()
            .filter(|x| x.state == t.state && (x.counted || !x.annual) && !x.retained_unchanged)
            .min_by_key(|x| (x.annual, x.year))
            .unwrap();
        assert_eq!(
            cell(r, "initial"),
            (first.retained.into(), files([first.file.as_str()])),
            "{}",
            t.state
        );
        match truth.counted(&t.state, Y - 1) {
            Some(p) => assert_eq!(
                cell(r, "change").0,
                source.retained as i64 - p.retained as i64,
                "{}",
                t.state
            ),
            None => assert_eq!(cell(r, "change").0, Value::Null, "{}", t.state),
        }
        total_last += source.retained;
        let bucket = match source.retained {
            0 => "none",
            1..=1000 => "1-1000",
            1001..=12000 => "1001-12000",
            _ => "above-12000",
        };
        buckets.entry(bucket).or_default().push(t.state.clone());
    }
    assert_eq!(excluded(&s, "retained"), files(["AGO-2021.xml"]));
    assert_eq!(
        cell(&table(&s, "retained")["total"]["cells"], "last").0,
        total_last
    );
    assert_eq!(
        cell(&rows["LKA"], "initial").0,
        25_000,
        "the initial report gives the first declaration"
    );
    let dist = self::rows(&s, "retained_distribution");
    for b in ["none", "1-1000", "1001-12000", "above-12000"] {
        let want = buckets.get(b).cloned().unwrap_or_default();
        assert_eq!(cell(&dist[b], "count").0, want.len(), "{b}");
        assert_eq!(cell(&dist[b], "states").0, want.join(" "), "{b}");
    }
}

#[test]
fn mined_areas_deadlines_and_land_release_per_year() {
    let (_dir, truth, s) = corpus();
    let rows = rows(&s, "mined_areas");
    let mut area = 0;
    for t in of_year(&truth, Y) {
        let r = &rows[&t.state];
        assert_eq!(
            cell(r, "area_m2"),
            (t.area().into(), files([t.file.as_str()])),
            "{}",
            t.state
        );
        assert_eq!(cell(r, "cha_m2").0, t.cha);
        assert_eq!(cell(r, "sha_m2").0, t.sha);
        assert_eq!(cell(r, "deadline").0, t.deadline.as_str());
        assert_eq!(cell(r, "extensions").0, t.extensions);
        area += t.area();
    }
    assert_eq!(
        cell(&table(&s, "mined_areas")["total"]["cells"], "area_m2").0,
        area
    );
    let per_state = self::rows(&s, "land_release");
    let per_year = self::rows(&s, "land_release_by_year");
    for year in years::YEARS {
        let reports = of_year(&truth, year);
        let mut sums = [0u64; 3];
        for t in &reports {
            let r = &per_state[&format!("{year} {}", t.state)];
            assert_eq!(
                cell(r, "cancelled_m2"),
                (t.cancelled.into(), files([t.file.as_str()]))
            );
            assert_eq!(cell(r, "reduced_m2").0, t.reduced);
            assert_eq!(cell(r, "cleared_m2").0, t.cleared);
            assert_eq!(cell(r, "total_m2").0, t.cancelled + t.reduced + t.cleared);
            sums[0] += t.cancelled;
            sums[1] += t.reduced;
            sums[2] += t.cleared;
        }
        let r = &per_year[&year.to_string()];
        assert_eq!(cell(r, "states").0, reports.len(), "{year}");
        assert_eq!(cell(r, "cancelled_m2").0, sums[0], "{year}");
        assert_eq!(cell(r, "reduced_m2").0, sums[1], "{year}");
        assert_eq!(cell(r, "cleared_m2").0, sums[2], "{year}");
        assert_eq!(cell(r, "total_m2").0, sums.iter().sum::<u64>(), "{year}");
        assert_eq!(
            cell(r, "total_m2").1,
            reports.iter().map(|t| t.file.clone()).collect(),
            "{year}"
        );
    }
    // Remaining area per year, for the chart.
    let remaining = self::rows(&s, "remaining_by_year");
    for t in truth
        .reports
        .iter()
        .filter(|r| r.annual && r.counted && r.state != "RUS")
    {
        assert_eq!(
            cell(&remaining[&format!("{} {}", t.state, t.year)], "area_m2").0,
            t.area()
        );
    }
}

#[test]
fn casualties_leave_out_the_report_whose_figures_do_not_add_up() {
    let (_dir, truth, s) = corpus();
    let rows = rows(&s, "casualties");
    let columns = [
        "total",
        "killed",
        "injured",
        "unknown_outcome",
        "women",
        "girls",
        "boys",
        "men",
        "sex_age_unknown",
        "civilian",
        "military",
        "deminer",
        "status_unknown",
    ];
    let mut totals = [0u64; 13];
    for t in of_year(&truth, Y) {
        if t.broken == Some(Broken::Casualties) {
            assert!(!rows.contains_key(&t.state));
            continue;
        }
        for (i, c) in columns.iter().enumerate() {
            assert_eq!(
                cell(&rows[&t.state], c),
                (t.casualties[i].into(), files([t.file.as_str()])),
                "{} {c}",
                t.state
            );
            totals[i] += t.casualties[i];
        }
    }
    assert_eq!(excluded(&s, "casualties"), files(["BIH-2021.json"]));
    let total = &table(&s, "casualties")["total"]["cells"];
    for (i, c) in columns.iter().enumerate() {
        assert_eq!(cell(total, c).0, totals[i], "{c}");
    }
}

#[test]
fn cooperation_by_year_and_currency_and_the_cross_check() {
    let (_dir, truth, s) = corpus();
    let rows = rows(&s, "cooperation");
    let mut want: BTreeMap<(i64, String), [u64; 3]> = BTreeMap::new();
    for year in years::YEARS {
        for t in of_year(&truth, year) {
            for m in &t.provided {
                want.entry((year, m.currency.clone())).or_default()[0] += m.amount;
            }
            for m in &t.received {
                want.entry((year, m.currency.clone())).or_default()[1] += m.amount;
            }
            want.entry((year, "USD".into())).or_default()[2] += t.national;
        }
    }
    assert_eq!(rows.len(), want.len());
    for ((year, currency), [p, r, n]) in &want {
        let row = &rows[&format!("{year} {currency}")];
        assert_eq!(cell(row, "provided").0, *p, "{year} {currency}");
        assert_eq!(cell(row, "received").0, *r, "{year} {currency}");
        assert_eq!(
            cell(row, "national_contribution").0,
            *n,
            "{year} {currency}"
        );
    }
    // Cross-check: every line naming a State Party, both sides.
    let check = self::rows(&s, "cooperation_cross_check");
    let mut pairs: BTreeMap<String, (Option<u64>, Option<u64>)> = BTreeMap::new();
    for t in of_year(&truth, Y) {
        for m in &t.provided {
            let code = m.partner_code.clone().unwrap();
            pairs
                .entry(format!("{Y} {} {code} {}", t.state, m.currency))
                .or_default()
                .0 = Some(m.amount);
        }
        for m in &t.received {
            if let Some(code) = &m.partner_code {
                pairs
                    .entry(format!("{Y} {code} {} {}", t.state, m.currency))
                    .or_default()
                    .1 = Some(m.amount);
            }
        }
    }
    assert_eq!(
        check.keys().cloned().collect::<Vec<_>>(),
        pairs.keys().cloned().collect::<Vec<_>>()
    );
    for (key, (p, r)) in &pairs {
        assert_eq!(
            cell(&check[key], "provided").0,
            p.map_or(Value::Null, Value::from),
            "{key}"
        );
        assert_eq!(
            cell(&check[key], "received").0,
            r.map_or(Value::Null, Value::from),
            "{key}"
        );
    }
    assert_eq!(cell(&check["2021 BIH AFG USD"], "status").0, "agree");
    assert_eq!(cell(&check["2021 COL KHM USD"], "status").0, "differ");
    assert_eq!(cell(&check["2021 COL KHM USD"], "difference").0, 10_000);
    assert_eq!(
        cell(&check["2021 TJK ZWE EUR"], "status").0,
        "recipient_report_missing"
    );
    assert_eq!(
        cell(&check["2021 JPN KHM USD"], "status").0,
        "donor_report_missing"
    );
    assert_eq!(
        cell(&check["2021 COL KHM USD"], "status").1,
        files(["COL-2021.json", "KHM-2021.json"])
    );
}

#[test]
fn an_earlier_year_can_be_asked_for() {
    let dir = tempfile::tempdir().unwrap();
    let truth = years::write(dir.path(), 11);
    let (inputs, unreadable) = summary::load(&Validator::new(), &[dir.path().to_path_buf()]);
    let s = summary::compute(
        &inputs,
        &unreadable,
        &SummaryOptions { year: Some(2019) },
        StatesParties::embedded(),
    );
    let s = serde_json::to_value(&s).unwrap();
    let rows = rows(&s, "retained");
    for t in of_year(&truth, 2019) {
        assert_eq!(cell(&rows[&t.state], "last").0, t.retained, "{}", t.state);
    }
    assert_eq!(
        cell(&self::rows(&s, "reporting")["ZWE"], "status").0,
        "on_time"
    );
}

fn article7() -> assert_cmd::Command {
    let mut c = assert_cmd::Command::cargo_bin("article7").unwrap();
    c.current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1");
    c
}

#[test]
fn the_command_writes_json_csv_xlsx_html_and_text() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    years::write(&corpus, 7);
    let run = |format: &str, lang: &str| {
        let out = article7()
            .args(["summary", "--format", format, "--lang", lang])
            .arg(&corpus)
            .output()
            .unwrap();
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        out.stdout
    };
    // JSON: what the library computes.
    let json: Value = serde_json::from_slice(&run("json", "en")).unwrap();
    let (inputs, unreadable) = summary::load(&Validator::new(), std::slice::from_ref(&corpus));
    let lib = summary::compute(
        &inputs,
        &unreadable,
        &SummaryOptions::default(),
        StatesParties::embedded(),
    );
    assert_eq!(json, serde_json::to_value(&lib).unwrap());
    // CSV: one line per cell with its files, and one per exclusion.
    let csv_out = run("csv", "en");
    let mut reader = csv::Reader::from_reader(csv_out.as_slice());
    let records: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let cells: usize = lib
        .tables
        .iter()
        .map(|t| {
            t.rows
                .iter()
                .chain(&t.total)
                .map(|r| t.columns.iter().filter(|c| r.get(c).is_some()).count())
                .sum::<usize>()
        })
        .sum();
    let exclusions: usize = lib.tables.iter().map(|t| t.excluded.len()).sum();
    assert_eq!(records.len(), cells + exclusions);
    let khm = records
        .iter()
        .find(|r| &r[0] == "retained" && &r[1] == "KHM" && &r[2] == "last")
        .unwrap();
    assert!(khm[4].ends_with("KHM-2021.json"), "{:?}", khm);
    assert!(records
        .iter()
        .any(|r| &r[0] == "stockpiles" && &r[2] == "excluded" && r[4].ends_with("COL-2021.json")));
    // XLSX: a sheet per table, the cells sheet as the CSV.
    let xlsx = run("xlsx", "fr");
    let path = dir.path().join("s.xlsx");
    std::fs::write(&path, xlsx).unwrap();
    use calamine::Reader;
    let mut book: calamine::Xlsx<_> = calamine::open_workbook(&path).unwrap();
    let names = book.sheet_names();
    for t in &lib.tables {
        assert!(names.contains(&t.id), "{}", t.id);
    }
    assert_eq!(
        book.worksheet_range("cells").unwrap().rows().count(),
        cells + 1
    );
    let retained = book.worksheet_range("retained").unwrap();
    assert_eq!(
        retained.get((0, 0)).unwrap().to_string(),
        "Mines conservées (formulaire D)"
    );
    // HTML: self-contained, charts, French labels, no script.
    let page = String::from_utf8(run("html", "fr")).unwrap();
    assert!(page.starts_with("<!DOCTYPE html>"));
    assert!(!page.contains("<script"));
    assert!(!page.contains(" src=\"http"), "no external resource");
    assert_eq!(
        page.matches("<svg").count(),
        2 + lib.table("mined_areas").unwrap().rows.len()
    );
    assert!(page.contains("Terres remises à disposition par année (km²)"));
    assert!(page.contains("title=\"d'après "), "cells name their files");
    assert!(page.contains("Rapports écartés de ce tableau"));
    let es = String::from_utf8(run("html", "es")).unwrap();
    assert!(es.contains("Minas conservadas por Estado"));
    // Text.
    let text = String::from_utf8(run("human", "en")).unwrap();
    assert!(text.starts_with("Article 7 reports: summary for 2021"));
    assert!(text.contains("COL-2021.json (COL 2021): /forms/B/total: schema/type"));
}
