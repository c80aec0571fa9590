//! `article7 explain` for functions, and broken rule files reported all at
//! once on the command line.

use assert_cmd::Command;

fn article7() -> Command {
    let mut c = Command::cargo_bin("article7").unwrap();
    c.current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1");
    c
}

#[test]
fn explain_documents_functions_from_the_table() {
    let out = article7().args(["explain", "area_eq"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("area_eq\n"), "{text}");
    assert!(text.contains("area_eq(a, b)"), "{text}");
    assert!(text.contains("example: area_eq("), "{text}");

    let out = article7()
        .args(["explain", "--functions"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    for f in article7::rules::functions::FUNCTIONS {
        assert!(text.contains(&format!("\n{}\n", f.name)) || text.starts_with(f.name));
    }

    // Neither a rule nor a function; and no name with --functions.
    let out = article7().args(["explain", "product"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8(out.stderr)
        .unwrap()
        .contains("no rule or function `product`"));
    let out = article7().args(["explain"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn every_problem_of_the_rule_files_is_shown() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.toml"),
        "[[rules]]\nid = \"X1\"\nbogus = 1\n\n[[rules]]\nid = \"X2\"\nname = \"x\"\n\
         severity = \"fatal\"\ntitle = \"t\"\nselect = \"$.a\"\nassert = \"true\"\n\
         message = \"m\"\nwhy = \"w\"\nhelp = \"h\"\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("b.toml"), "[[rules]\n").unwrap();
    let out = article7()
        .args(["rules", "--no-default-rules", "--rules"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    // X1: its unknown key, and then what it lacks; X2: its severity.
    for place in [
        "a.toml:3:1: unknown field `bogus`",
        "a.toml:1:1: missing field `name`",
        "a.toml:8:12:",
        "b.toml:1:",
    ] {
        assert!(err.contains(place), "{place} in {err}");
    }
    assert!(err.contains("4 problems in the rule files"), "{err}");
}
