//! The report schema: valid fixtures pass, each invalid fixture draws exactly
//! its intended finding at the right pointer, line and column, and the
//! cover-dependent branches, required fields and enums behave.

use article7::source::Source;
use article7::validator::{FileReport, Validator};
use serde_json::{json, Value};
use std::path::Path;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn validate_file(v: &Validator, path: &Path) -> FileReport {
    v.validate_path(path)
}

fn validate_value(v: &Validator, doc: &Value) -> FileReport {
    let text = serde_json::to_string_pretty(doc).unwrap();
    v.validate_source(&Source::from_bytes("t.json", text.into_bytes()))
}

fn schema_rules(r: &FileReport) -> Vec<(String, String)> {
    r.findings
        .iter()
        .filter(|f| f.rule.starts_with("schema/") || f.rule.starts_with("input/"))
        .map(|f| (f.rule.clone(), f.pointer.clone()))
        .collect()
}

fn base() -> Value {
    let text = std::fs::read_to_string(root().join("fixtures/valid/cambodia-2019.json")).unwrap();
    serde_json::from_str(&text).unwrap()
}

#[test]
fn valid_fixtures_draw_no_finding_at_all() {
    let v = Validator::new();
    for entry in std::fs::read_dir(root().join("fixtures/valid")).unwrap() {
        let path = entry.unwrap().path();
        let r = validate_file(&v, &path);
        assert!(
            r.findings.is_empty(),
            "{}: {:#?}",
            path.display(),
            r.findings
        );
    }
}

#[test]
fn each_invalid_fixture_draws_exactly_its_finding() {
    let v = Validator::new();
    let dir = root().join("fixtures/invalid");
    let expected: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("expected.json")).unwrap()).unwrap();
    let expected = expected.as_object().unwrap();
    assert!(expected.len() >= 13);
    for (file, want) in expected {
        let r = validate_file(&v, &dir.join(file));
        assert_eq!(r.findings.len(), 1, "{file}: {:#?}", r.findings);
        let f = &r.findings[0];
        assert_eq!(f.rule, want["rule"], "{file}");
        assert_eq!(f.pointer, want["pointer"], "{file}");
        let loc = f
            .location
            .as_ref()
            .unwrap_or_else(|| panic!("{file}: no location"));
        assert_eq!(
            loc.line(),
            want["line"].as_u64().map(|n| n as usize),
            "{file}"
        );
        assert_eq!(
            loc.column(),
            want["column"].as_u64().map(|n| n as usize),
            "{file}"
        );
        assert!(f.help.is_some(), "{file}: no help");
    }
}

#[test]
fn enum_message_names_the_choices_and_the_value() {
    let mut doc = base();
    doc["forms"]["C"]["areas"][0]["classification"] = json!("XHA");
    let r = validate_value(&Validator::new(), &doc);
    let f = r.findings.iter().find(|f| f.rule == "schema/enum").unwrap();
    assert_eq!(
        f.message,
        "`classification` must be one of CHA, SHA; found `XHA`"
    );
    assert_eq!(f.pointer, "/forms/C/areas/0/classification");
    // C03/C04 read the rejected value: they are skipped, not reported.
    assert!(
        r.findings.iter().all(|f| f.rule.starts_with("schema/")),
        "{:#?}",
        r.findings
    );
}

#[test]
fn every_top_level_required_member_is_required() {
    let v = Validator::new();
    for key in [
        "format_version",
        "treaty",
        "state",
        "report_kind",
        "period",
        "submitted_on",
        "language",
        "contact",
        "forms",
    ] {
        let mut doc = base();
        doc.as_object_mut().unwrap().remove(key);
        let r = validate_value(&v, &doc);
        assert!(
            schema_rules(&r).contains(&("schema/required".into(), format!("/{key}"))),
            "{key}: {:?}",
            schema_rules(&r)
        );
    }
    for form in ["A", "B", "C", "D", "E", "F", "G", "H", "I"] {
        let mut doc = base();
        doc["forms"].as_object_mut().unwrap().remove(form);
        let r = validate_value(&v, &doc);
        assert!(
            schema_rules(&r).contains(&("schema/required".into(), format!("/forms/{form}"))),
            "{form}"
        );
    }
    let mut doc = base();
    doc["forms"].as_object_mut().unwrap().remove("J");
    assert!(
        schema_rules(&validate_value(&v, &doc)).is_empty(),
        "Form J is optional"
    );
}

#[test]
fn provided_forms_require_their_content() {
    let v = Validator::new();
    for (form, key) in [
        ("A", "measures_status"),
        ("B", "stockpile"),
        ("B", "total"),
        ("C", "areas"),
        ("C", "totals"),
        ("D", "retained"),
        ("D", "total_retained"),
        ("H", "mine_types"),
    ] {
        let mut doc = base();
        doc["forms"][form] = json!({"cover": "provided"});
        let r = validate_value(&v, &doc);
        assert!(
            schema_rules(&r).contains(&("schema/required".into(), format!("/forms/{form}/{key}"))),
            "{form}.{key}: {:?}",
            schema_rules(&r)
        );
    }
}

#[test]
fn cover_branches() {
    let v = Validator::new();
    let check = |form: Value, want: &[(&str, &str)]| {
        let mut doc = base();
        doc["forms"]["D"] = form;
        let got = schema_rules(&validate_value(&v, &doc));
        let want: Vec<(String, String)> = want
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect();
        assert_eq!(got, want);
    };
    check(
        json!({"cover": "unchanged", "last_reported_year": 2018}),
        &[],
    );
    check(
        json!({"cover": "unchanged"}),
        &[("schema/required", "/forms/D/last_reported_year")],
    );
    check(
        json!({"cover": "unchanged", "last_reported_year": 2018, "total_retained": 3}),
        &[("schema/additional-properties", "/forms/D/total_retained")],
    );
    check(
        json!({"cover": "not_applicable", "reason": "No mines retained."}),
        &[],
    );
    check(
        json!({"cover": "not_applicable"}),
        &[("schema/required", "/forms/D/reason")],
    );
    check(
        json!({"cover": "not_applicable", "reason": "  "}),
        &[("schema/pattern", "/forms/D/reason")],
    );
    check(
        json!({"cover": "maybe"}),
        &[("schema/enum", "/forms/D/cover")],
    );
}

#[test]
fn enums_refuse_unknown_codes() {
    let v = Validator::new();
    for (pointer, bad) in [
        ("/report_kind", "final"),
        ("/language", "de"),
        ("/forms/A/measures_status", "adopted"),
        ("/forms/C/areas/0/classification", "cha"),
    ] {
        let mut doc = base();
        *doc.pointer_mut(pointer)
            .unwrap_or_else(|| panic!("{pointer}")) = json!(bad);
        let got = schema_rules(&validate_value(&v, &doc));
        assert!(
            got.contains(&("schema/enum".into(), pointer.into())),
            "{pointer}: {got:?}"
        );
    }
}

#[test]
fn impossible_dates_are_format_findings() {
    let mut doc = base();
    doc["submitted_on"] = json!("2020-02-30");
    let r = validate_value(&Validator::new(), &doc);
    let f = r
        .findings
        .iter()
        .find(|f| f.rule == "schema/format")
        .unwrap();
    assert_eq!(f.pointer, "/submitted_on");
    assert!(f.message.contains("YYYY-MM-DD"), "{}", f.message);
}

#[test]
fn misspelt_keys_get_a_suggestion_at_the_key() {
    let mut doc = base();
    let area = doc["forms"]["C"]["areas"][0].as_object_mut().unwrap();
    let v = area.remove("admin_unit").unwrap();
    area.insert("admin_unti".into(), v);
    let r = validate_value(&Validator::new(), &doc);
    let f = r
        .findings
        .iter()
        .find(|f| f.rule == "schema/additional-properties")
        .unwrap();
    assert_eq!(f.pointer, "/forms/C/areas/0/admin_unti");
    assert!(
        f.help
            .as_deref()
            .unwrap()
            .contains("did you mean `admin_unit`"),
        "{:?}",
        f.help
    );
}

/// A report declaring 1.0 that uses 1.1 members is read in full but not
/// silently: one warning at `format_version` names the members and the
/// version they need; declaring 1.1 clears it, and 1.0 without them is fine.
#[test]
fn a_declared_version_older_than_the_members_used_is_a_warning() {
    let v = Validator::new();
    let mut doc = base();
    doc["forms"]["C"]["areas"][0]["improvised"] = json!(false);
    doc["forms"]["J"]["victim_assistance"]["survivors_assisted"]["with_disability"] = json!(40);
    let r = validate_value(&v, &doc);
    let found: Vec<_> = r
        .findings
        .iter()
        .map(|f| (f.rule.as_str(), f.pointer.as_str(), f.severity))
        .collect();
    assert_eq!(
        found,
        [(
            "schema/format-version",
            "/format_version",
            article7::diagnostics::Severity::Warning
        )]
    );
    let f = &r.findings[0];
    assert!(
        f.message
            .contains("2 of its fields were added in version 1.1"),
        "{}",
        f.message
    );
    assert!(
        f.message.contains("`forms/C/areas/0/improvised`"),
        "{}",
        f.message
    );
    assert!(
        f.message.contains("survivors_assisted/with_disability"),
        "{}",
        f.message
    );
    assert!(f
        .help
        .as_deref()
        .unwrap()
        .contains("set `format_version` to \"1.1\""));
    assert!(f.location.is_some());

    doc["format_version"] = json!("1.1");
    assert!(validate_value(&v, &doc).findings.is_empty());
    assert!(validate_value(&v, &base()).findings.is_empty());
}

/// New reports start at the current model version.
#[test]
fn templates_declare_the_current_version() {
    assert_eq!(article7::shape::skeleton()["format_version"], "1.1");
    assert_eq!(article7::shape::CURRENT_FORMAT_VERSION, "1.1");
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("schemas/article7-report.schema.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(
        schema["properties"]["format_version"]["default"],
        article7::shape::CURRENT_FORMAT_VERSION
    );
}
