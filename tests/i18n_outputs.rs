//! Every output in the language asked for: the HTML page's chrome, the
//! severities, `help`, the "not checked" line; codes checked against the
//! States Parties and the model's codelists, with the nearest valid value.

use assert_cmd::Command;
use serde_json::Value;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn run(args: &[&str]) -> String {
    let out = Command::cargo_bin("article7")
        .unwrap()
        .current_dir(root())
        .args(args)
        .output()
        .unwrap();
    String::from_utf8(out.stdout).unwrap()
}

fn cambodia() -> Value {
    serde_json::from_str(
        &std::fs::read_to_string(root().join("fixtures/valid/cambodia-2019.json")).unwrap(),
    )
    .unwrap()
}

fn write(dir: &Path, name: &str, v: &Value) -> String {
    let p = dir.join(name);
    std::fs::write(&p, serde_json::to_string_pretty(v).unwrap()).unwrap();
    p.display().to_string()
}

#[test]
fn the_html_page_speaks_french_and_hides_the_pointer_under_details() {
    let page = run(&[
        "validate",
        "fixtures/invalid/type.json",
        "--format",
        "html",
        "--lang",
        "fr",
    ]);
    for french in [
        "gravité",
        "comment corriger",
        "Formulaire C — zones minées",
        "erreur</td>",
        "détails techniques",
    ] {
        assert!(page.contains(french), "{french} missing");
    }
    for english in [
        "how to fix",
        "<th>severity",
        "Form C",
        ">error<",
        "sheet ",
        "No problem",
    ] {
        assert!(!page.contains(english), "{english} still in the page");
    }
    assert!(page.contains("<details><summary>détails techniques</summary>"));
    assert!(
        page.contains("<code>newly_identified</code>"),
        "code spans, not backticks"
    );
    assert!(page.contains("9 contrôles seront effectués une fois cette erreur corrigée."));
}

#[test]
fn human_output_says_what_was_not_checked_and_helps_in_spanish() {
    let out = run(&["validate", "fixtures/invalid/type.json", "--lang", "es"]);
    assert!(out.contains("ayuda: escriba"), "{out}");
    assert!(!out.contains("help:"), "{out}");
    assert!(
        out.contains("Se realizarán 9 comprobaciones cuando se corrija este error."),
        "{out}"
    );
    let en = run(&["validate", "fixtures/invalid/type.json"]);
    assert!(
        en.contains("9 checks will run once this error is fixed."),
        "{en}"
    );
    // A valid report holds nothing back: no such line.
    assert!(!run(&["validate", "fixtures/valid"]).contains("will run once"));
}

#[test]
fn a_state_code_that_is_no_state_party_is_found_with_a_suggestion() {
    let dir = tempfile::tempdir().unwrap();
    let mut doc = cambodia();
    doc["state"]["code"] = "KMH".into();
    let path = write(dir.path(), "kmh.json", &doc);
    let out: Value = serde_json::from_str(&run(&[
        "validate", &path, "--format", "json", "--lang", "fr",
    ]))
    .unwrap();
    let findings = out["files"][0]["findings"].as_array().unwrap();
    let f = findings
        .iter()
        .find(|f| f["rule"] == "schema/state-party")
        .unwrap();
    assert_eq!(f["pointer"], "/state/code");
    assert!(f["message"]
        .as_str()
        .unwrap()
        .contains("`KMH` n'est le code d'aucun État partie"));
    assert!(
        f["help"]
            .as_str()
            .unwrap()
            .starts_with("vouliez-vous dire `KHM` (Cambodge) ?"),
        "{f}"
    );
    // Without a name to go by, a code one letter away.
    doc["state"]["name"] = "?".into();
    doc["state"]["code"] = "KHN".into();
    let path = write(dir.path(), "khn.json", &doc);
    let out = run(&["validate", &path, "--lang", "es"]);
    assert!(out.contains("¿quiso decir `KHM` (Camboya)?"), "{out}");
    // A State Party's code draws nothing.
    let path = write(dir.path(), "ok.json", &cambodia());
    assert!(!run(&["validate", &path]).contains("state-party"));
}

#[test]
fn an_enum_finding_suggests_the_nearest_code_and_its_label() {
    let dir = tempfile::tempdir().unwrap();
    let mut doc = cambodia();
    doc["forms"]["C"]["areas"][0]["classification"] = "XHA".into();
    doc["report_kind"] = "anuel".into();
    let path = write(dir.path(), "enum.json", &doc);
    let out: Value = serde_json::from_str(&run(&[
        "validate", &path, "--format", "json", "--lang", "fr",
    ]))
    .unwrap();
    let findings = out["files"][0]["findings"].as_array().unwrap();
    let help = |pointer: &str| {
        findings
            .iter()
            .find(|f| f["rule"] == "schema/enum" && f["pointer"] == pointer)
            .and_then(|f| f["help"].as_str())
            .unwrap()
            .to_owned()
    };
    assert!(help("/forms/C/areas/0/classification")
        .starts_with("vouliez-vous dire `CHA` (« ZDC (zone dangereuse confirmée) ») ?"));
    assert!(help("/report_kind").starts_with("vouliez-vous dire `annual` (« annuel ») ?"));
}
