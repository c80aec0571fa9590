//! `article7 diff`: two years of one generated State; every figure that
//! differs is listed, and nothing else.

#[path = "common/years.rs"]
mod years;

use article7::diff::{diff, Kind};
use assert_cmd::Command;
use serde_json::Value;
use std::collections::BTreeSet;

/// Every leaf that differs between `a` and `b`, comparing lists by
/// position (the generator keeps a State's lists in the same order year to
/// year), and the places where one side has a member or item the other
/// has not.
fn leaf_differences(a: &Value, b: &Value, at: String, out: &mut BTreeSet<String>) {
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            for k in x.keys().chain(y.keys()).collect::<BTreeSet<_>>() {
                let p = format!("{at}/{k}");
                match (x.get(k), y.get(k)) {
                    (Some(v), Some(w)) => leaf_differences(v, w, p, out),
                    _ => {
                        out.insert(p);
                    }
                }
            }
        }
        (Value::Array(x), Value::Array(y)) => {
            for i in 0..x.len().max(y.len()) {
                let p = format!("{at}/{i}");
                match (x.get(i), y.get(i)) {
                    (Some(v), Some(w)) => leaf_differences(v, w, p, out),
                    _ => {
                        out.insert(p);
                    }
                }
            }
        }
        (Value::Number(x), Value::Number(y)) if x.as_f64() == y.as_f64() => {}
        _ if a == b => {}
        _ => {
            out.insert(at);
        }
    }
}

fn two_years() -> (tempfile::TempDir, Value, Value) {
    let dir = tempfile::tempdir().unwrap();
    years::write(dir.path(), 5);
    let read = |f: &str| -> Value {
        serde_json::from_str(&std::fs::read_to_string(dir.path().join(f)).unwrap()).unwrap()
    };
    let old = read("KHM-2020.json");
    let new = read("KHM-2021.json");
    (dir, old, new)
}

#[test]
fn every_changed_figure_is_listed_and_nothing_else() {
    let (_dir, old, new) = two_years();
    let d = diff("KHM-2020.json", &old, "KHM-2021.json", &new);
    let mut want = BTreeSet::new();
    leaf_differences(&old, &new, String::new(), &mut want);
    assert!(
        want.len() > 20,
        "the two years differ in many figures: {want:?}"
    );
    let got: BTreeSet<String> = d.changes.iter().map(|c| c.pointer.clone()).collect();
    for p in &want {
        assert!(
            got.iter()
                .any(|g| g == p || p.starts_with(&format!("{g}/"))),
            "{p} differs but is not listed"
        );
    }
    for c in &d.changes {
        match c.kind {
            Kind::Changed => {
                assert_eq!(old.pointer(&c.pointer), c.old.as_ref(), "{}", c.pointer);
                assert_eq!(new.pointer(&c.pointer), c.new.as_ref(), "{}", c.pointer);
                assert!(want.contains(&c.pointer), "{} listed but equal", c.pointer);
            }
            Kind::Added => assert_eq!(new.pointer(&c.pointer), c.new.as_ref(), "{}", c.pointer),
            Kind::Removed => assert_eq!(old.pointer(&c.pointer), c.old.as_ref(), "{}", c.pointer),
        }
    }
    // The retained total, with its delta and the uses Form D gives.
    let d_total = d
        .changes
        .iter()
        .find(|c| c.pointer == "/forms/D/total_retained")
        .unwrap();
    let (a, b) = (
        old["forms"]["D"]["total_retained"].as_i64().unwrap(),
        new["forms"]["D"]["total_retained"].as_i64().unwrap(),
    );
    assert_eq!(d_total.delta, Some((b - a) as f64));
    assert!(
        d_total.text.starts_with("Form D: total retained "),
        "{}",
        d_total.text
    );
}

#[test]
fn an_area_removed_reads_as_one_change() {
    let (_dir, old, mut new) = two_years();
    let removed = new["forms"]["C"]["areas"].as_array_mut().unwrap().remove(0);
    new["forms"]["C"]["areas"][0] = old["forms"]["C"]["areas"][1].clone();
    let d = diff("a", &old, "b", &new);
    let c: Vec<_> = d
        .changes
        .iter()
        .filter(|c| c.pointer.starts_with("/forms/C/areas"))
        .collect();
    assert_eq!(
        c.len(),
        1 + 6,
        "the removal, then each of the other six areas whose size changed: {c:#?}"
    );
    assert_eq!(
        c[0].text,
        format!("Form C: area {} removed", removed["id"].as_str().unwrap())
    );
}

fn article7() -> Command {
    let mut c = Command::cargo_bin("article7").unwrap();
    c.current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1");
    c
}

#[test]
fn the_command_in_three_formats() {
    let dir = tempfile::tempdir().unwrap();
    years::write(dir.path(), 5);
    let old = dir.path().join("KHM-2020.json");
    let new = dir.path().join("KHM-2021.json");
    let out = article7().arg("diff").arg(&old).arg(&new).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "differences found");
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("\nForm D ("), "{text}");
    assert!(text.contains("~ Form D: total retained "), "{text}");
    let json = article7()
        .args(["diff", "--format", "json"])
        .arg(&old)
        .arg(&new)
        .output()
        .unwrap();
    let doc: Value = serde_json::from_slice(&json.stdout).unwrap();
    let n = doc["changes"].as_array().unwrap().len();
    assert!(text.ends_with(&format!("\n{n} changes\n")), "{text}");
    let html = article7()
        .args(["diff", "--format", "html"])
        .arg(&old)
        .arg(&new)
        .output()
        .unwrap();
    let page = String::from_utf8(html.stdout).unwrap();
    assert_eq!(page.matches("<li class=").count(), n);
    assert!(!page.contains("<script"));
    let same = article7().arg("diff").arg(&old).arg(&old).output().unwrap();
    assert_eq!(same.status.code(), Some(0));
    // A file that is not a report is a usage error, not a crash.
    std::fs::write(dir.path().join("junk.json"), "{not json").unwrap();
    let bad = article7()
        .arg("diff")
        .arg(&old)
        .arg(dir.path().join("junk.json"))
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(2));
}
