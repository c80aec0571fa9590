//! Every output format on the same findings: the JSON output matches its
//! schema, SARIF validates against the official SARIF 2.1.0 schema, HTML
//! escapes what came from a report, JUnit and GitHub commands are well formed.

use assert_cmd::Command;
use serde_json::Value;
use std::path::PathBuf;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn run(args: &[&str]) -> (i32, String) {
    let out = Command::cargo_bin("article7")
        .unwrap()
        .current_dir(root())
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
    )
}

/// A mix of valid and invalid reports with text, schema and rule findings.
const INPUTS: &[&str] = &[
    "fixtures/valid",
    "fixtures/invalid",
    "fixtures/examples/rule-finding-b01.json",
];

fn with_inputs(format: &str) -> Vec<&str> {
    let mut v = vec!["validate", "--format", format];
    v.extend_from_slice(INPUTS);
    v
}

#[test]
fn json_output_matches_its_schema() {
    let (_, out) = run(&with_inputs("json"));
    let doc: Value = serde_json::from_str(&out).unwrap();
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("schemas/article7-output.schema.json")).unwrap(),
    )
    .unwrap();
    let v = jsonschema::validator_for(&schema).unwrap();
    let errors: Vec<String> = v
        .iter_errors(&doc)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    assert!(doc["files"].as_array().unwrap().len() >= 17);
}

#[test]
fn sarif_validates_against_the_official_schema() {
    let schema_path = root().join("../shared/data/sarif-schema-2.1.0.json");
    let schema: Value =
        serde_json::from_str(&std::fs::read_to_string(&schema_path).unwrap_or_else(|e| {
            panic!(
                "the official SARIF schema is read from {}: {e}",
                schema_path.display()
            )
        }))
        .unwrap();
    let (_, out) = run(&with_inputs("sarif"));
    let log: Value = serde_json::from_str(&out).unwrap();
    let v = jsonschema::options()
        .with_draft(jsonschema::Draft::Draft4)
        .build(&schema)
        .unwrap();
    let errors: Vec<String> = v
        .iter_errors(&log)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    let results = log["runs"][0]["results"].as_array().unwrap();
    assert!(!results.is_empty());
    for r in results {
        let idx = r["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(
            log["runs"][0]["tool"]["driver"]["rules"][idx]["id"],
            r["ruleId"]
        );
        assert!(r["partialFingerprints"]["article7/v1"].is_string());
    }
    // Fingerprints are stable across runs.
    let (_, again) = run(&with_inputs("sarif"));
    assert_eq!(out, again);
}

#[test]
fn html_escapes_markup_from_reports() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(root().join("fixtures/valid/cambodia-2019.json")).unwrap();
    let mut doc: Value = serde_json::from_str(&text).unwrap();
    doc["forms"]["C"]["areas"][0]["classification"] =
        Value::String("<script>alert(1)</script>".into());
    doc["forms"]["C"]["areas"][0]["admin_unti"] =
        Value::String("<img src=x onerror=alert(2)>".into());
    let path = dir.path().join("<b>evil.json");
    std::fs::write(&path, serde_json::to_string_pretty(&doc).unwrap()).unwrap();
    let (code, html) = run(&["validate", "--format", "html", path.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(!html.contains("<script>"), "unescaped script");
    assert!(!html.contains("<img"), "unescaped img");
    assert!(!html.contains("<b>evil"), "unescaped file name");
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    // Self-contained: no external resource.
    assert!(
        !html.contains("http://") && !html.contains("src="),
        "{html}"
    );
}

#[test]
fn junit_has_a_suite_per_file_and_a_failure_per_finding() {
    let (_, out) = run(&[
        "validate",
        "--format",
        "junit",
        "fixtures/valid/cambodia-2019.json",
        "fixtures/valid/cambodia-2019.xml",
        "fixtures/invalid/enum.json",
    ]);
    assert_eq!(out.matches("<testsuite ").count(), 3, "{out}");
    assert_eq!(out.matches("<failure").count(), 1, "{out}");
    assert!(out.contains("schema/enum"));
}

#[test]
fn github_commands_carry_file_line_and_column() {
    let (_, out) = run(&[
        "validate",
        "--format",
        "github",
        "fixtures/invalid/enum.json",
    ]);
    let first = out.lines().next().unwrap();
    assert!(
        first.starts_with("::error file=fixtures/invalid/enum.json,line="),
        "{first}"
    );
    assert!(first.contains(",col="), "{first}");
}

#[test]
fn jsonl_is_one_finding_per_line_then_the_summary() {
    let (_, out) = run(&with_inputs("jsonl"));
    let lines: Vec<Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(lines.len() > 10);
    for l in &lines[..lines.len() - 1] {
        assert!(l["file"].is_string() && l["rule"].is_string() && l["pointer"].is_string());
    }
    assert!(lines.last().unwrap()["summary"]["files"].as_u64().unwrap() >= 17);
}
