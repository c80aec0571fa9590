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
    // Outside the subset today: Y01–Y03, Y05–Y07, Y09 (`type()`,
    // `matches`), Y08, which reads `history`, and A04, I05, J09, which read
    // the profile's parameters (both bound in `cel` only).
    assert!(
        e.native_rules() + 11 >= total,
        "{} of {total} rules compiled",
        e.native_rules()
    );
}

/// The report `name` of a rule fixture (`fixtures/rules/<ID>.json`: each
/// report a base patched with RFC 6902; see tests/catalogue.rs).
fn patched(fixture: &serde_json::Value, name: &str, depth: usize) -> serde_json::Value {
    let doc = fixture
        .get(name)
        .or_else(|| fixture["history"].get(name))
        .unwrap_or_else(|| panic!("no report `{name}`"));
    let base = doc["base"].as_str().unwrap();
    assert!(depth < 4, "bases in a circle");
    let mut value = if fixture.get(base).is_some() || fixture["history"].get(base).is_some() {
        patched(fixture, base, depth + 1)
    } else {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("fixtures")
            .join(base);
        serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap()
    };
    let patch: json_patch::Patch = serde_json::from_value(doc["patch"].clone()).unwrap();
    json_patch::patch(&mut value, &patch).unwrap();
    value
}

/// Every rule fixture's reports, written out: one folder per rule, so that
/// its history reports are found beside them.
fn rule_fixture_reports(dir: &Path) -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/rules");
    let mut fixtures = Vec::new();
    for entry in std::fs::read_dir(&root).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|x| x == "json") {
            fixtures.push(path);
        }
    }
    fixtures.sort();
    let mut out = Vec::new();
    for path in fixtures {
        let fixture: serde_json::Value =
            serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
        let id = path.file_stem().unwrap().to_string_lossy().into_owned();
        let folder = dir.join(&id);
        std::fs::create_dir_all(&folder).unwrap();
        let history = fixture["history"].as_object().cloned().unwrap_or_default();
        for name in ["pass", "fail"]
            .into_iter()
            .chain(history.keys().map(String::as_str))
        {
            let report = folder.join(format!("{name}.json"));
            let text = serde_json::to_string_pretty(&patched(&fixture, name, 0)).unwrap();
            std::fs::write(&report, text).unwrap();
            out.push(report);
        }
    }
    out
}

#[test]
fn every_fixture_gives_the_same_findings_both_ways() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut files = Vec::new();
    for folder in ["valid", "invalid", "ingest", "rules/bases"] {
        json_files(&root.join(folder), &mut files);
    }
    let tmp = tempfile::tempdir().unwrap();
    let rules = rule_fixture_reports(tmp.path());
    assert!(rules.len() > 120, "{} rule fixture reports", rules.len());
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
                history: ex.history.as_ref(),
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

#[test]
fn the_native_evaluator_decides_a_valid_report_alone() {
    let e = engine("en");
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/valid/cambodia-2019.json");
    let doc: serde_json::Value = serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap();
    let left = e.left_to_cel(&doc, Default::default());
    let profile = e.profile_for(&doc);
    let outside = e
        .catalogue
        .rules
        .iter()
        .filter(|r| r.applies_in(profile) && !e.is_native(&r.id))
        .count();
    assert!(outside > 0);
    // Only the rules of its profile outside the subset.
    assert_eq!(left.len(), outside, "left to cel: {left:?}");
}
