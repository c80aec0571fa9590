//! The `history` binding: the State's earlier annual reports, newest first,
//! found in the batch, loaded only when a rule that runs reads them.

use article7::history::History;
use article7::rules::catalogue::Catalogue;
use article7::rules::engine::{Engine, EngineOptions};
use article7::validator::Validator;
use std::collections::HashSet;
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(name)
}

/// Cambodia's reports for 2016 to 2019 in a folder, and a copy of the 2018
/// one submitted later (an amended report: the one `history` keeps).
fn cambodia(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for (name, from) in [
        ("2016.json", "rules/bases/cambodia-2016.json"),
        ("2017.json", "rules/bases/cambodia-2017.json"),
        ("2018.json", "rules/bases/cambodia-2018.json"),
        ("2019.json", "valid/cambodia-2019.json"),
    ] {
        let path = dir.join(name);
        std::fs::copy(fixture(from), &path).unwrap();
        files.push(path);
    }
    let mut amended: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&files[2]).unwrap()).unwrap();
    amended["submitted_on"] = "2019-06-30".into();
    let path = dir.join("2018-amended.json");
    std::fs::write(&path, serde_json::to_vec(&amended).unwrap()).unwrap();
    files.push(path);
    files
}

/// A catalogue of one rule that reads `history`, failing with what it saw.
fn probe(requires: &str) -> Validator {
    let rule = format!(
        r#"
[[rules]]
id = "T01"
name = "history-probe"
severity = "info"
title = "t"
select = "$.period"
requires = [{requires}]
assert = 'false'
message = "{{{{ history.map(h, h.period.to + ' submitted on ' + h.submitted_on) }}}}"
why = "w"
help = "h"
"#
    );
    let catalogue = Catalogue::from_files(vec![("t.toml".into(), rule)]).unwrap();
    Validator::with_engine(Engine::new(catalogue, EngineOptions::default()).unwrap())
}

#[test]
fn history_is_one_annual_report_a_year_newest_first_the_latest_submitted() {
    let dir = tempfile::tempdir().unwrap();
    let files = cambodia(dir.path());
    let history = History::scan(&files);
    let report = probe(r#""history:3""#).validate_path_with(&files[3], &history);
    let messages: Vec<&str> = report.findings.iter().map(|f| f.message.as_str()).collect();
    assert_eq!(
        messages,
        ["2018-12-31 submitted on 2019-06-30, 2017-12-31 submitted on 2018-04-28, 2016-12-31 submitted on 2017-04-28"],
        "{:?}",
        report.skipped
    );
}

#[test]
fn a_rule_that_needs_more_history_than_is_known_is_skipped_with_the_count() {
    let dir = tempfile::tempdir().unwrap();
    let files = cambodia(dir.path());
    let history = History::scan(&files[1..4]);
    let report = probe(r#""history:3""#).validate_path_with(&files[3], &history);
    assert!(report.findings.is_empty());
    assert_eq!(report.skipped.len(), 1);
    assert_eq!(
        report.skipped[0].reason.to_string(),
        "needs 3 earlier annual reports of the State, and 2 were found (in the batch or under --history)"
    );
}

#[test]
fn y08_reads_the_batch_and_the_history_is_loaded_only_when_a_rule_reads_it() {
    let dir = tempfile::tempdir().unwrap();
    let files = cambodia(dir.path());
    let history = History::scan(&files[..4]);
    let v = Validator::new();
    let doc: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&files[3]).unwrap()).unwrap();
    assert!(v.engine().reads_history(&doc));
    let report = v.validate_path_with(&files[3], &history);
    let rules: Vec<&str> = report.findings.iter().map(|f| f.rule.as_str()).collect();
    assert_eq!(rules, ["Y08"]);

    let options = EngineOptions {
        disabled: HashSet::from(["Y08".to_owned()]),
        ..EngineOptions::default()
    };
    let without = Engine::new(Catalogue::embedded().unwrap(), options).unwrap();
    assert!(!without.reads_history(&doc));
    let report = Validator::with_engine(without).validate_path_with(&files[3], &history);
    assert!(report.findings.is_empty());
    // Nothing waits for history; only the rules of other plans are listed.
    assert!(
        report.skipped.iter().all(|s| matches!(
            s.reason,
            article7::rules::skip::SkipReason::NotInProfile { .. }
        )),
        "{:?}",
        report.skipped
    );
}

#[test]
fn requires_history_takes_a_count_from_one_to_the_depth() {
    let rule = |requires: &str| {
        format!(
            "[[rules]]\nid = \"T01\"\nname = \"t\"\nseverity = \"info\"\ntitle = \"t\"\nselect = \"$\"\nrequires = [\"{requires}\"]\nassert = 'size(history) > 0'\nmessage = \"m\"\nwhy = \"w\"\nhelp = \"h\"\n"
        )
    };
    use article7::rules::catalogue::{Requirement, HISTORY_DEPTH};
    for (text, want) in [
        ("history", Requirement::History(1)),
        ("history:2", Requirement::History(2)),
        ("history:5", Requirement::History(HISTORY_DEPTH)),
    ] {
        let c = Catalogue::from_files(vec![("t.toml".into(), rule(text))]).unwrap();
        assert_eq!(c.rules[0].program.requires, [want], "{text}");
        assert!(c.rules[0].program.reads_history);
    }
    for text in ["history:0", "history:6", "history:two", "histories"] {
        let errors = Catalogue::from_files(vec![("t.toml".into(), rule(text))]).unwrap_err();
        let text_of = errors[0].to_string();
        assert!(text_of.contains("history:N"), "{text}: {text_of}");
    }
}
