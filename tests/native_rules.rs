//! The native evaluator (`rules::native`) and `cel` reach the same
//! findings: every rule runs both ways on every fixture, on every rule
//! example and on a generated corpus, and the findings (messages, pointers,
//! locations) and skipped rules must be identical.

#[path = "../benches/corpus/mod.rs"]
mod corpus;

use article7::history::History;
use article7::rules::{Catalogue, Engine, EngineOptions};
use article7::validator::Validator;
use std::path::{Path, PathBuf};

fn engine(lang: &str) -> Engine {
    let options = EngineOptions {
        lang: lang.into(),
        ..EngineOptions::default()
    };
    Engine::new(Catalogue::embedded().unwrap(), options).unwrap()
}

fn both(lang: &str) -> (Validator, Validator) {
    (
        Validator::with_engine(engine(lang)),
        Validator::with_engine(engine(lang).cel_only()),
    )
}

fn json_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| Some(e.ok()?.path())).collect();
    paths.sort();
    for p in paths {
        if p.is_dir() {
            json_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "json") {
            out.push(p);
        }
    }
}

/// Findings and skipped rules of one file, in full.
fn outcome(v: &Validator, path: &Path, history: &History) -> String {
    let r = v.validate_path_with(path, history);
    format!("{:#?}\n{:#?}", r.findings, r.skipped)
}

/// Validates each file both ways, with the files of its folder as history
/// (the year-over-year fixtures keep `previous.json` beside the report).
fn compare(files: &[PathBuf], lang: &str) -> usize {
    let (native, cel) = both(lang);
    let mut compared = 0;
    let mut histories: std::collections::HashMap<PathBuf, History> = Default::default();
    for path in files {
        let dir = path.parent().unwrap();
        let history = histories.entry(dir.to_path_buf()).or_insert_with(|| {
            let mut beside = Vec::new();
            json_files(dir, &mut beside);
            History::scan(&beside)
        });
        let a = outcome(&native, path, history);
        let b = outcome(&cel, path, history);
        assert_eq!(a, b, "{}: native and cel disagree", path.display());
        compared += 1;
    }
    compared
}

#[test]
fn most_rules_run_natively() {
    let e = engine("en");
    let total = e.catalogue.rules.len();
    // Outside the subset today: F07 (`lists.range`), Y01–Y05 (`type()`,
    // `matches`).
    assert!(
        e.native_rules() + 8 >= total,
        "{} of {total} rules compiled",
        e.native_rules()
    );
}

/// The report `name` of a rule fixture (`fixtures/rules/<ID>.json`: each
/// report a JSON Patch of a base, another report of the fixture or a file
/// of `fixtures/`; tests/catalogue.rs documents the format).
fn fixture_report(fixture: &serde_json::Value, name: &str, depth: usize) -> serde_json::Value {
    assert!(depth < 4, "{name}: the bases go round in a circle");
    let doc = match name {
        "pass" | "fail" => &fixture[name],
        _ => &fixture["history"][name],
    };
    let base = doc["base"].as_str().unwrap();
    let own = matches!(base, "pass" | "fail") || fixture["history"].get(base).is_some();
    let mut value = if own {
        fixture_report(fixture, base, depth + 1)
    } else {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("fixtures")
            .join(base);
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
    };
    let patch: json_patch::Patch = serde_json::from_value(doc["patch"].clone()).unwrap();
    json_patch::patch(&mut value, &patch).unwrap();
    value
}

/// Every rule fixture's reports written out, one folder per rule (the
/// history finds a State's reports among files).
fn materialised_rule_fixtures(into: &Path) -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/rules");
    let mut files = Vec::new();
    for entry in std::fs::read_dir(&root).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "json") {
            continue;
        }
        let fixture: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let dir = into.join(path.file_stem().unwrap());
        std::fs::create_dir(&dir).unwrap();
        let history = fixture["history"]
            .as_object()
            .map(|h| h.keys().cloned().collect::<Vec<_>>())
            .unwrap_or_default();
        for name in ["pass".to_owned(), "fail".to_owned()]
            .into_iter()
            .chain(history)
        {
            let file = dir.join(format!("{name}.json"));
            let report = fixture_report(&fixture, &name, 0);
            std::fs::write(&file, serde_json::to_string_pretty(&report).unwrap()).unwrap();
            files.push(file);
        }
    }
    files.sort();
    files
}

#[test]
fn every_fixture_gives_the_same_findings_both_ways() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut files = Vec::new();
    for dir in ["valid", "invalid", "ingest"] {
        json_files(&root.join(dir), &mut files);
    }
    let tmp = tempfile::tempdir().unwrap();
    let rules = materialised_rule_fixtures(tmp.path());
    files.extend(rules.iter().cloned());
    assert!(compare(&files, "en") > 150);
    // Messages in the other languages come from the same evaluation.
    compare(&rules, "fr");
}

#[test]
fn every_rule_example_gives_the_same_findings_both_ways() {
    let native = engine("en");
    let cel = engine("en").cel_only();
    for rule in &native.catalogue.rules {
        for (i, ex) in rule.examples.iter().enumerate() {
            let related = article7::rules::engine::Related {
                previous: ex.previous.as_ref(),
                earlier: ex.earlier.as_ref().or(ex.previous.as_ref()),
            };
            let a = native.run_one(rule, &ex.doc, related);
            let b = cel.run_one(rule, &ex.doc, related);
            assert_eq!(
                format!("{a:?}"),
                format!("{b:?}"),
                "{} example {}",
                rule.id,
                i + 1
            );
        }
    }
}

#[test]
fn a_generated_corpus_gives_the_same_findings_both_ways() {
    let dir = tempfile::tempdir().unwrap();
    corpus::write(dir.path(), 42, 40).unwrap();
    let mut files = Vec::new();
    json_files(dir.path(), &mut files);
    assert_eq!(compare(&files, "en"), 40);
}
