//! Profiles on the command line: the plan in force is chosen from the
//! report's period, `--profile` forces one, every output names it per file,
//! and `rules`/`explain` show what applies.

use assert_cmd::Command;
use serde_json::Value;
use std::path::PathBuf;

fn article7() -> Command {
    let mut c = Command::cargo_bin("article7").unwrap();
    c.current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1");
    c
}

/// The Mozambique 2016 report (Article 9 measures `in_preparation`) moved
/// to `year`, written to a file of its own.
fn mozambique_in(year: i32) -> PathBuf {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(root.join("fixtures/valid/mozambique-2016.json")).unwrap();
    let mut doc: Value = serde_json::from_str(&text).unwrap();
    doc["period"]["from"] = format!("{year}-01-01").into();
    doc["period"]["to"] = format!("{year}-12-31").into();
    doc["submitted_on"] = format!("{}-04-20", year + 1).into();
    let dir = std::env::temp_dir().join(format!("article7-profiles-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(format!("mozambique-{year}.json"));
    std::fs::write(&path, serde_json::to_string_pretty(&doc).unwrap()).unwrap();
    path
}

/// The JSON output's first file: its profile and the rules that fired.
fn run(path: &PathBuf, extra: &[&str]) -> (String, Vec<String>) {
    let file = file_of(path, extra);
    let rules = file["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule"].as_str().unwrap().to_owned())
        .collect();
    (file["profile"].as_str().unwrap_or("").to_owned(), rules)
}

#[test]
fn the_period_chooses_the_plan_and_profile_forces_one() {
    let y2021 = mozambique_in(2021);
    let (profile, rules) = run(&y2021, &[]);
    assert_eq!(profile, "OAP");
    // Under the OAP the Article 9 deadline is the 20MSP (2022): not passed.
    assert!(!rules.contains(&"A04".to_owned()), "{rules:?}");
    // Forced to the MAP, the 4RC deadline (2019) has passed.
    let (profile, rules) = run(&y2021, &["--profile", "map"]);
    assert_eq!(profile, "MAP");
    assert!(rules.contains(&"A04".to_owned()), "{rules:?}");

    let y2026 = mozambique_in(2026);
    let (profile, rules) = run(&y2026, &[]);
    assert_eq!(profile, "SRAAP");
    assert!(rules.contains(&"A04".to_owned()), "{rules:?}");
    // The treaty alone: no plan rule runs.
    let (profile, rules) = run(&y2026, &["--profile", "treaty"]);
    assert_eq!(profile, "treaty");
    assert!(!rules.contains(&"A04".to_owned()), "{rules:?}");

    let (profile, _) = run(&mozambique_in(2010), &[]);
    assert_eq!(profile, "treaty");
}

#[test]
fn every_output_names_the_profile() {
    let path = mozambique_in(2023);
    for (format, needle) in [
        ("human", "profile OAP"),
        ("jsonl", "\"profile\":\"OAP\""),
        ("sarif", "\"profile\": \"OAP\""),
        ("junit", "name=\"profile\" value=\"OAP\""),
        ("github", "profile: OAP"),
        ("html", "Oslo Action Plan"),
    ] {
        let out = article7()
            .args(["validate", "--fail-on", "never", "--format", format])
            .arg(&path)
            .output()
            .unwrap();
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(text.contains(needle), "{format}: {text}");
    }
}

#[test]
fn rules_and_explain_show_what_applies() {
    let all = article7().args(["rules"]).output().unwrap();
    let all = String::from_utf8(all.stdout).unwrap();
    let treaty = article7()
        .args(["rules", "--profile", "treaty"])
        .output()
        .unwrap();
    let treaty = String::from_utf8(treaty.stdout).unwrap();
    let oap = article7()
        .args(["rules", "--profile", "oap"])
        .output()
        .unwrap();
    let oap = String::from_utf8(oap.stdout).unwrap();
    assert!(oap.starts_with("Profile OAP: Oslo Action Plan"), "{oap}");
    assert!(all.contains("A04 ") && oap.contains("A04 ") && !treaty.contains("A04 "));
    assert!(treaty.contains("B01 "), "{treaty}");

    let out = article7()
        .args(["explain", "A04", "--profile", "oap"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("OAP Action 50"), "{text}");
    assert!(text.contains("under --profile OAP: runs"), "{text}");
    let out = article7()
        .args(["explain", "A04", "--profile", "treaty"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("under --profile treaty: does not run"),
        "{text}"
    );
}

/// Sri Lanka's report for 2021 without the disability figure of its
/// casualties, written to a file of its own.
fn without_disability() -> PathBuf {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let text =
        std::fs::read_to_string(root.join("fixtures/rules/bases/sri-lanka-2021.json")).unwrap();
    let mut doc: Value = serde_json::from_str(&text).unwrap();
    doc["forms"]["J"]["victim_assistance"]["casualties"]["by_group"]
        .as_object_mut()
        .unwrap()
        .remove("with_disability");
    let dir = std::env::temp_dir().join(format!("article7-profiles-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("sri-lanka-2021-no-disability.json");
    std::fs::write(&path, serde_json::to_string_pretty(&doc).unwrap()).unwrap();
    path
}

/// The JSON output's first file, whole.
fn file_of(path: &PathBuf, extra: &[&str]) -> Value {
    let out = article7()
        .args(["validate", "--format", "json", "--fail-on", "never"])
        .args(extra)
        .arg(path)
        .output()
        .unwrap();
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    doc["files"][0].clone()
}

fn severity_of(file: &Value, rule: &str) -> Option<String> {
    file["findings"]
        .as_array()?
        .iter()
        .find(|f| f["rule"] == rule)
        .map(|f| f["severity"].as_str().unwrap().to_owned())
}

/// J09 reads the axes of disaggregation from the profile table and its
/// severity from `profile_severity`: information under the OAP (the
/// report's own plan), a warning under the SRAAP, not run under the MAP,
/// whose plan does not ask for disability data.
#[test]
fn the_same_finding_has_the_severity_of_the_profile() {
    let path = without_disability();
    let oap = file_of(&path, &[]);
    assert_eq!(oap["profile"], "OAP");
    assert_eq!(severity_of(&oap, "J09").as_deref(), Some("info"));
    let sraap = file_of(&path, &["--profile", "sraap"]);
    assert_eq!(severity_of(&sraap, "J09").as_deref(), Some("warning"));
    let map = file_of(&path, &["--profile", "map"]);
    assert_eq!(severity_of(&map, "J09"), None);
    // --severity still wins over the profile.
    let forced = file_of(&path, &["--profile", "sraap", "--severity", "J09=error"]);
    assert_eq!(severity_of(&forced, "J09").as_deref(), Some("error"));

    let out = article7().args(["rules"]).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("severity by profile: ") && text.contains("J09 info under OAP"),
        "{text}"
    );
}

/// A rule outside the report's profile is listed among the skipped rules,
/// with the plans it rests on (the JSON output carries the English text);
/// it is no finding and changes no count.
#[test]
fn rules_outside_the_profile_are_listed_as_skipped() {
    let path = without_disability();
    let reason = |file: &Value, rule: &str| {
        file["skipped"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["rule"] == rule)
            .map(|s| s["reason"].as_str().unwrap().to_owned())
    };
    let map = file_of(&path, &["--profile", "map"]);
    assert_eq!(
        reason(&map, "J09").as_deref(),
        Some("not part of the MAP: rests on OAP, SRAAP")
    );
    assert_eq!(reason(&map, "B04"), None, "B04 is a MAP rule");
    let oap = file_of(&path, &[]);
    assert_eq!(reason(&oap, "J09"), None);

    let treaty = file_of(&mozambique_in(2010), &[]);
    assert_eq!(treaty["profile"], "treaty");
    assert_eq!(
        reason(&treaty, "A04").as_deref(),
        Some("not part of the treaty profile (the Convention alone): rests on MAP, OAP, SRAAP")
    );
    // No finding of a skipped rule; the counts are the findings'.
    let skipped: Vec<&str> = treaty["skipped"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["rule"].as_str().unwrap())
        .collect();
    assert!(skipped.len() > 20, "{skipped:?}");
    assert!(treaty["findings"]
        .as_array()
        .unwrap()
        .iter()
        .all(|f| !skipped.contains(&f["rule"].as_str().unwrap())));
}
