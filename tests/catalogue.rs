//! Walks the shipped catalogue: every rule has working examples and a pass
//! and a fail fixture that behave exactly as intended, and says what it
//! says in every language.

use article7::diagnostics::Diagnostic;
use article7::history::History;
use article7::rules::{Catalogue, Engine, EngineOptions};
use article7::validator::Validator;
use serde::Deserialize;
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::Path;

fn validator() -> Validator {
    let engine = Engine::new(Catalogue::embedded().unwrap(), EngineOptions::default()).unwrap();
    Validator::with_engine(engine)
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// `fixtures/rules/<ID>.json`: a rule's passing and failing reports, each a
/// JSON Patch (RFC 6902) of a base report, and the pointer of the one
/// finding the failing report draws. `docs/rule-format.md` tells how to
/// write one.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleFixture {
    /// What the reports show, for a reader, when the patches do not say it.
    #[serde(default)]
    #[allow(dead_code)]
    note: Option<String>,
    /// Where the failing report's one finding is.
    pointer: String,
    /// A report that draws no finding at all.
    pass: Patched,
    /// A report that draws exactly one finding: the rule's, at `pointer`.
    fail: Patched,
    /// The State's other reports (file name without `.json` → report), found
    /// through the history for the year-over-year rules.
    #[serde(default)]
    history: BTreeMap<String, Patched>,
}

/// A report made by patching another.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Patched {
    /// A report of `fixtures/` (`valid/cambodia-2019.json`,
    /// `rules/bases/sri-lanka-2018.json`), or another report of the same
    /// fixture by its name (`pass`, `previous`).
    base: String,
    patch: json_patch::Patch,
}

impl RuleFixture {
    fn load(path: &Path) -> Result<RuleFixture, String> {
        let text = std::fs::read_to_string(path).map_err(|e| e.to_string())?;
        serde_json::from_str(&text).map_err(|e| e.to_string())
    }

    fn named(&self, name: &str) -> Option<&Patched> {
        match name {
            "pass" => Some(&self.pass),
            "fail" => Some(&self.fail),
            _ => self.history.get(name),
        }
    }

    /// The report called `name`, its base patched.
    fn report(&self, name: &str) -> Result<Value, String> {
        self.report_within(name, 0)
    }

    fn report_within(&self, name: &str, depth: usize) -> Result<Value, String> {
        let doc = self
            .named(name)
            .ok_or(format!("no report named `{name}`"))?;
        if depth > 3 {
            return Err(format!("`{name}`: the bases go round in a circle"));
        }
        let mut value = if self.named(&doc.base).is_some() {
            self.report_within(&doc.base, depth + 1)?
        } else {
            let path = root().join("fixtures").join(&doc.base);
            let text = std::fs::read_to_string(&path)
                .map_err(|e| format!("`{name}`: base {}: {e}", path.display()))?;
            serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?
        };
        json_patch::patch(&mut value, &doc.patch).map_err(|e| format!("`{name}`: {e}"))?;
        Ok(value)
    }

    /// Writes every report into `dir` as `<name>.json` (the validator reads
    /// files, and the history finds a State's reports among files).
    fn write_into(&self, dir: &Path) -> Result<(), String> {
        if self.history.contains_key("pass") || self.history.contains_key("fail") {
            return Err("a history report cannot be called `pass` or `fail`".into());
        }
        let names = ["pass", "fail"]
            .into_iter()
            .chain(self.history.keys().map(String::as_str));
        for name in names {
            let text = serde_json::to_string_pretty(&self.report(name)?).unwrap();
            std::fs::write(dir.join(format!("{name}.json")), text).map_err(|e| e.to_string())?;
        }
        Ok(())
    }
}

/// The rule fixtures, by rule id, each written out into a directory of its
/// own.
fn materialised_fixtures() -> (
    tempfile::TempDir,
    BTreeMap<String, Result<RuleFixture, String>>,
) {
    let tmp = tempfile::tempdir().unwrap();
    let mut out = BTreeMap::new();
    for entry in std::fs::read_dir(root().join("fixtures/rules")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "json") {
            let id = path.file_stem().unwrap().to_string_lossy().into_owned();
            let dir = tmp.path().join(&id);
            std::fs::create_dir(&dir).unwrap();
            let fixture = RuleFixture::load(&path)
                .and_then(|f| f.write_into(&dir).map(|()| f))
                .map_err(|e| format!("{}: {e}", path.display()));
            out.insert(id, fixture);
        }
    }
    (tmp, out)
}

/// Findings of `<name>.json` in a fixture's directory, with the other
/// reports of its history (not the other of pass and fail) known.
fn findings(v: &Validator, dir: &Path, fixture: &RuleFixture, name: &str) -> Vec<Diagnostic> {
    let path = dir.join(format!("{name}.json"));
    let history: Vec<_> = fixture
        .history
        .keys()
        .map(|n| dir.join(format!("{n}.json")))
        .chain(std::iter::once(path.clone()))
        .collect();
    v.validate_path_with(&path, &History::scan(&history))
        .findings
}

fn rule_and_pointer(findings: &[Diagnostic]) -> Vec<(String, String)> {
    findings
        .iter()
        .map(|f| (f.rule.clone(), f.pointer.clone()))
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
    let (tmp, mut fixtures) = materialised_fixtures();
    let mut problems = Vec::new();
    for rule in &v.engine().catalogue.rules {
        let fixture = match fixtures.remove(&rule.id) {
            Some(Ok(f)) => f,
            Some(Err(e)) => {
                problems.push(e);
                continue;
            }
            None => {
                problems.push(format!(
                    "{}: missing fixtures/rules/{}.json",
                    rule.id, rule.id
                ));
                continue;
            }
        };
        let dir = tmp.path().join(&rule.id);
        let pointer = &fixture.pointer;
        let got = rule_and_pointer(&findings(&v, &dir, &fixture, "fail"));
        if got != vec![(rule.id.clone(), pointer.clone())] {
            problems.push(format!(
                "{}: fail should draw exactly {} at {pointer}, drew {got:?}",
                rule.id, rule.id
            ));
        }
        let got = rule_and_pointer(&findings(&v, &dir, &fixture, "pass"));
        if !got.is_empty() {
            problems.push(format!(
                "{}: pass should draw nothing, drew {got:?}",
                rule.id
            ));
        }
    }
    for id in fixtures.keys() {
        problems.push(format!(
            "fixtures/rules/{id}.json: no rule {id} in the catalogue"
        ));
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_bases_of_rule_fixtures_draw_nothing_on_their_own() {
    let v = validator();
    let dir = root().join("fixtures/rules/bases");
    let mut n = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let got = rule_and_pointer(&v.validate_path(&path).findings);
        assert!(got.is_empty(), "{}: {got:?}", path.display());
        n += 1;
    }
    assert!(n > 0, "no base in {}", dir.display());
}

/// The failing fixture's findings in every language: a changed or lost
/// translation, or a message that renders its values differently, shows in
/// the snapshot's diff.
#[test]
fn failing_fixture_messages_in_every_language() {
    let langs = ["en", "fr", "es"];
    let validators: Vec<Validator> = langs
        .iter()
        .map(|lang| {
            let options = EngineOptions {
                lang: (*lang).to_owned(),
                ..EngineOptions::default()
            };
            Validator::with_engine(Engine::new(Catalogue::embedded().unwrap(), options).unwrap())
        })
        .collect();
    let (tmp, fixtures) = materialised_fixtures();
    for (id, fixture) in &fixtures {
        let Ok(fixture) = fixture else {
            continue; // reported by every_rule_has_pass_and_fail_fixtures_that_behave
        };
        let dir = tmp.path().join(id);
        let mut text = String::new();
        for (lang, v) in langs.iter().zip(&validators) {
            for mut f in findings(v, &dir, fixture, "fail") {
                // As the printers do: built-in findings are localised there.
                f.localize(lang);
                text.push_str(&format!(
                    "[{lang}] {} {} at {}\nmessage: {}\nhelp: {}\n\n",
                    f.rule,
                    f.name,
                    f.pointer,
                    f.message,
                    f.help.as_deref().unwrap_or("-")
                ));
            }
        }
        insta::assert_snapshot!(format!("fail_{id}"), text.trim_end());
    }
}

// Duplicate ids need no test here: the loader refuses them (see
// `bad_jsonpath_and_duplicate_ids_are_refused` in src/rules/catalogue.rs).
#[test]
fn rule_names_are_unique() {
    let c = Catalogue::embedded().unwrap();
    let mut names: Vec<_> = c.rules.iter().map(|r| r.name.as_str()).collect();
    names.sort();
    let n = names.len();
    names.dedup();
    assert_eq!(names.len(), n, "duplicate names");
}

/// The shipped `rules/*.toml`, by file name, as written on disk.
fn rule_files_on_disk() -> BTreeMap<String, String> {
    std::fs::read_dir(root().join("rules"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read_to_string(&p).unwrap())
        })
        .collect()
}

/// `EMBEDDED` in src/rules/catalogue.rs is written by hand: a rule file
/// left out of it would be silently missing from the binary.
#[test]
fn every_rule_file_is_embedded() {
    let on_disk = rule_files_on_disk();
    let embedded: BTreeMap<String, String> = article7::rules::catalogue::EMBEDDED
        .iter()
        .map(|(name, text)| ((*name).to_owned(), (*text).to_owned()))
        .collect();
    let names = |m: &BTreeMap<String, String>| m.keys().cloned().collect::<Vec<_>>();
    assert_eq!(
        names(&embedded),
        names(&on_disk),
        "rules/*.toml and EMBEDDED (src/rules/catalogue.rs) list different files"
    );
    for (name, text) in &embedded {
        assert!(
            on_disk[name] == *text,
            "EMBEDDED names {name} but includes another file's text"
        );
    }
}

/// A rule's id is a letter and two digits, and the letter is its form's:
/// `form-b.toml` holds B rules, `form-ghi.toml` G, H and I, `report.toml` R
/// and `history.toml` Y, so that `B03` is found in `rules/form-b.toml`.
#[test]
fn rule_ids_name_the_file_they_are_in() {
    let mut problems = Vec::new();
    for (file, text) in rule_files_on_disk() {
        let stem = file.trim_end_matches(".toml");
        let letters: String = match stem {
            "report" => "R".into(),
            "history" => "Y".into(),
            _ => match stem.strip_prefix("form-") {
                Some(forms) => forms.to_uppercase(),
                None => {
                    problems.push(format!(
                        "{file}: not a form's file; name it form-<letters>.toml"
                    ));
                    continue;
                }
            },
        };
        let value: toml::Value = toml::from_str(&text).unwrap();
        let rules = value.get("rules").and_then(toml::Value::as_array);
        for rule in rules.into_iter().flatten() {
            let id = rule.get("id").and_then(toml::Value::as_str).unwrap_or("");
            let mut chars = id.chars();
            let letter = chars.next().unwrap_or(' ');
            let digits: Vec<char> = chars.collect();
            let well_formed = digits.len() == 2 && digits.iter().all(char::is_ascii_digit);
            if !well_formed || !letters.contains(letter) {
                problems.push(format!(
                    "{file}: rule `{id}` should be one of {letters} followed by two digits"
                ));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
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
