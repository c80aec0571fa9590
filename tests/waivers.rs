//! Waivers and baselines: `article7 baseline` writes one waiver per
//! finding, which fails the run until justified; a justified waiver turns
//! its finding into a suppression (JSON, SARIF) that does not fail the run;
//! expired and unused waivers are reported.

use serde_json::Value;
use std::process::Output;

mod support;
use support::{article7, root};

/// A repository with one valid report and one with a B01 error, and a
/// configuration naming `waivers.toml`.
fn repository() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let reports = dir.path().join("reports");
    std::fs::create_dir_all(&reports).unwrap();
    std::fs::copy(
        root().join("fixtures/valid/cambodia-2019.json"),
        reports.join("cambodia-2019.json"),
    )
    .unwrap();
    std::fs::copy(
        root().join("fixtures/examples/rule-finding-b01.json"),
        reports.join("broken.json"),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("article7.toml"),
        "waivers = \"waivers.toml\"\n",
    )
    .unwrap();
    dir
}

fn json(out: &Output) -> Value {
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn a_baseline_fails_until_justified_then_waives() {
    let repo = repository();
    let dir = repo.path();
    // The configuration names a waivers file that is not there yet.
    let out = article7(dir, &["validate", "reports"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("waivers.toml: cannot read the file"));
    let out = article7(dir, &["baseline", "reports", "-o", "waivers.toml"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = std::fs::read_to_string(dir.join("waivers.toml")).unwrap();
    assert_eq!(text.matches("[[waiver]]").count(), 1, "{text}");
    assert!(text.contains("rule = \"B01\""));
    assert!(text.contains("file = \"reports/broken.json\""));
    assert!(text.contains("pointer = \"/forms/B/total\""));
    // The placeholder justification fails the run.
    let out = article7(dir, &["validate", "reports", "--format", "json"]);
    assert_eq!(out.status.code(), Some(1));
    let doc = json(&out);
    let last = doc["files"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(last["file"], "waivers.toml");
    assert_eq!(last["findings"][0]["rule"], "waiver/unjustified");
    assert_eq!(last["findings"][0]["line"], 5);
    // Justified: the run passes, the finding is reported as waived.
    let text = text.replace(
        article7::waivers::PLACEHOLDER,
        "the ISU accepted the total as sent (letter of 3 May 2020)",
    );
    std::fs::write(dir.join("waivers.toml"), &text).unwrap();
    let out = article7(dir, &["validate", "reports", "--format", "json"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let doc = json(&out);
    assert_eq!(doc["summary"]["waived"], 1);
    assert_eq!(doc["summary"]["errors"], 0);
    let finding = &doc["files"][0]["findings"][0];
    assert_eq!(finding["rule"], "B01");
    assert_eq!(
        finding["suppression"]["justification"],
        "the ISU accepted the total as sent (letter of 3 May 2020)"
    );
    assert_eq!(finding["suppression"]["waiver"], "waivers.toml:5");
    // The human summary says so.
    let out = article7(dir, &["validate", "reports"]);
    let human = String::from_utf8_lossy(&out.stdout);
    assert!(human.trim_end().ends_with("; 1 waived"), "{human}");
    assert!(
        !human.contains("B01"),
        "a waived finding is not shown: {human}"
    );
}

#[test]
fn the_sarif_of_a_waived_finding_has_a_suppression_and_validates() {
    let repo = repository();
    let dir = repo.path();
    std::fs::write(
        dir.join("waivers.toml"),
        "[[waiver]]\nrule = \"B01\"\nfile = \"reports/*.json\"\njustification = \"accepted\"\n",
    )
    .unwrap();
    let out = article7(dir, &["validate", "reports", "--format", "sarif"]);
    assert_eq!(out.status.code(), Some(0));
    let log = json(&out);
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("../shared/data/sarif-schema-2.1.0.json")).unwrap(),
    )
    .unwrap();
    let v = jsonschema::options()
        .with_draft(jsonschema::Draft::Draft4)
        .build(&schema)
        .unwrap();
    let errors: Vec<String> = v
        .iter_errors(&log)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    let run = &log["runs"][0];
    let result = &run["results"][0];
    assert_eq!(result["ruleId"], "B01");
    assert_eq!(result["suppressions"][0]["kind"], "external");
    assert_eq!(result["suppressions"][0]["status"], "accepted");
    assert_eq!(result["suppressions"][0]["justification"], "accepted");
    // Locations relative to the working directory.
    let location = &result["locations"][0]["physicalLocation"]["artifactLocation"];
    assert_eq!(location["uri"], "reports/broken.json");
    assert_eq!(location["uriBaseId"], "SRCROOT");
    // Every catalogue rule links to its entry in the rule reference.
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    let b01 = rules.iter().find(|r| r["id"] == "B01").unwrap();
    assert!(
        b01["helpUri"]
            .as_str()
            .unwrap()
            .ends_with("/docs/rules.md#b01-stockpile-total-matches"),
        "{}",
        b01["helpUri"]
    );
}

#[test]
fn expired_waivers_warn_and_waive_nothing_unused_ones_are_infos() {
    let repo = repository();
    let dir = repo.path();
    let waivers = "\
[[waiver]]
rule = \"B01\"
file = \"reports/broken.json\"
justification = \"until the correction is sent\"
expires = 2001-01-31

[[waiver]]
rule = \"C03\"
file = \"reports/*.json\"
pointer = \"/forms/C/totals\"
justification = \"fixed since?\"
";
    std::fs::write(dir.join("waivers.toml"), waivers).unwrap();
    let out = article7(dir, &["validate", "reports", "--format", "json"]);
    assert_eq!(out.status.code(), Some(1), "the B01 error is back");
    let doc = json(&out);
    let own = doc["files"].as_array().unwrap().last().unwrap();
    let found: Vec<(&str, &str, u64)> = own["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["rule"].as_str().unwrap(),
                f["severity"].as_str().unwrap(),
                f["line"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        found,
        vec![
            ("waiver/expired", "warning", 1),
            ("waiver/unused", "info", 7)
        ]
    );
    assert!(own["findings"][0]["message"]
        .as_str()
        .unwrap()
        .contains("2001-01-31"));
}

#[test]
fn a_broken_waivers_file_exits_2_at_its_line() {
    let repo = repository();
    let dir = repo.path();
    std::fs::write(
        dir.join("waivers.toml"),
        "[[waiver]]\nrule = \"B01\"\nfile = \"reports/*.json\"\nreason = \"x\"\n",
    )
    .unwrap();
    let out = article7(dir, &["validate", "reports"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("waivers.toml:4:1"), "{err}");
    assert!(err.contains("reason"), "{err}");
}
