//! Walks the shipped catalogue: every rule has working examples and a pass
//! and a fail fixture that behave exactly as intended.

use article7::history::History;
use article7::rules::{Catalogue, Engine, EngineOptions};
use article7::validator::Validator;
use std::path::Path;

fn validator() -> Validator {
    let engine = Engine::new(Catalogue::embedded().unwrap(), EngineOptions::default()).unwrap();
    Validator::with_engine(engine)
}

/// Findings of a fixture; a `previous.json` (and `earlier.json`) beside it
/// is its State's history for the year-over-year rules.
fn findings(v: &Validator, path: &Path) -> Vec<(String, String)> {
    let dir = path.parent().unwrap();
    let history: Vec<_> = ["previous.json", "earlier.json"]
        .iter()
        .map(|n| dir.join(n))
        .filter(|p| p.exists())
        .chain(std::iter::once(path.to_path_buf()))
        .collect();
    let report = v.validate_path_with(path, &History::scan(&history));
    report
        .findings
        .into_iter()
        .map(|f| (f.rule, f.pointer))
        .collect()
}

#[test]
fn every_rule_has_valid_and_invalid_examples_that_behave() {
    let v = validator();
    let problems: Vec<String> = v
        .engine()
        .catalogue
        .rules
        .iter()
        .flat_map(|r| v.engine().check_examples(r))
        .collect();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn every_rule_has_pass_and_fail_fixtures_that_behave() {
    let v = validator();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/rules");
    let mut problems = Vec::new();
    for rule in &v.engine().catalogue.rules {
        let dir = root.join(&rule.id);
        let expected = dir.join("expected.json");
        let Ok(text) = std::fs::read_to_string(&expected) else {
            problems.push(format!("{}: missing {}", rule.id, expected.display()));
            continue;
        };
        let expected: serde_json::Value = serde_json::from_str(&text).unwrap();
        let pointer = expected["pointer"].as_str().unwrap_or_default().to_owned();
        let got = findings(&v, &dir.join("fail.json"));
        if got != vec![(rule.id.clone(), pointer.clone())] {
            problems.push(format!(
                "{}: fail.json should draw exactly {} at {pointer}, drew {got:?}",
                rule.id, rule.id
            ));
        }
        let got = findings(&v, &dir.join("pass.json"));
        if !got.is_empty() {
            problems.push(format!(
                "{}: pass.json should draw nothing, drew {got:?}",
                rule.id
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn rule_ids_and_names_are_unique() {
    let c = Catalogue::embedded().unwrap();
    let mut ids: Vec<_> = c.rules.iter().map(|r| r.id.as_str()).collect();
    let mut names: Vec<_> = c.rules.iter().map(|r| r.name.as_str()).collect();
    ids.sort();
    names.sort();
    let n = ids.len();
    ids.dedup();
    names.dedup();
    assert_eq!(ids.len(), n, "duplicate ids");
    assert_eq!(names.len(), n, "duplicate names");
}

#[test]
fn shipped_rule_files_match_the_rule_file_schema() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(root.join("schemas/article7-rules.schema.json")).unwrap(),
    )
    .unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    for (name, _) in article7::rules::catalogue::EMBEDDED {
        let text = std::fs::read_to_string(root.join("rules").join(name)).unwrap();
        let value: serde_json::Value = toml::from_str(&text).unwrap();
        let errors: Vec<String> = validator
            .iter_errors(&value)
            .map(|e| format!("{}: {e}", e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{name}: {errors:?}");
    }
    // And the schema refuses what the loader refuses.
    let bad: serde_json::Value = toml::from_str("[[rules]]\nid = \"X\"\nbogus = 1\n").unwrap();
    assert!(!validator.is_valid(&bad));
}

#[test]
fn every_rule_is_translated_into_french_and_spanish() {
    let c = Catalogue::embedded().unwrap();
    let mut missing = Vec::new();
    for rule in &c.rules {
        for lang in ["fr", "es"] {
            match rule.translations.get(lang) {
                None => missing.push(format!("{} lacks {lang}", rule.id)),
                Some(t) => {
                    if t.title.trim().is_empty()
                        || t.message.trim().is_empty()
                        || t.help.trim().is_empty()
                    {
                        missing.push(format!("{} has an empty {lang} text", rule.id));
                    }
                    // The translated message shows the same values as the original.
                    let holes = |s: &str| s.matches("{{").count();
                    if holes(&t.message) != holes(&rule.message_source) {
                        missing.push(format!(
                            "{}: the {lang} message shows other values than the English one",
                            rule.id
                        ));
                    }
                }
            }
        }
    }
    assert!(missing.is_empty(), "{}", missing.join("\n"));
}
