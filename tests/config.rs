//! `article7.toml`: found upward from the working directory, include and
//! exclude globs, rule options, language and fail-on; the command line
//! overrides it; mistakes are reported together at their lines.

use std::process::Output;

mod support;
use support::{article7, root};

/// A report repository: two valid reports, one with a B01 error, a
/// non-report JSON file and a Word document.
fn repository() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let reports = dir.path().join("reports");
    std::fs::create_dir_all(reports.join("2019")).unwrap();
    for f in ["cambodia-2019.json", "sri-lanka-2019.json"] {
        std::fs::copy(
            root().join("fixtures/valid").join(f),
            reports.join("2019").join(f),
        )
        .unwrap();
    }
    std::fs::copy(
        root().join("fixtures/examples/rule-finding-b01.json"),
        reports.join("broken.json"),
    )
    .unwrap();
    std::fs::write(reports.join("expected.json"), r#"{"not": "a report"}"#).unwrap();
    std::fs::write(reports.join("draft.docx"), b"PK").unwrap();
    dir
}

fn summary(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .last()
        .unwrap_or_default()
        .to_owned()
}

#[test]
fn exclude_globs_leave_files_out_of_folder_walks_and_file_lists() {
    let repo = repository();
    let out = article7(repo.path(), &["validate", "reports"]);
    assert!(
        summary(&out).starts_with("4 files checked"),
        "{}",
        summary(&out)
    );
    // The Word document is named, not passed over without a word.
    assert!(
        summary(&out).ends_with("; 1 file skipped (not .json, .xml or .xlsx): reports/draft.docx"),
        "{}",
        summary(&out)
    );
    std::fs::write(
        repo.path().join("article7.toml"),
        "exclude = [\"expected.json\"]\n",
    )
    .unwrap();
    let out = article7(repo.path(), &["validate", "reports"]);
    assert!(
        summary(&out).starts_with("3 files checked"),
        "{}",
        summary(&out)
    );
    // Named explicitly (as a pre-commit hook names changed files): excluded too.
    let out = article7(
        repo.path(),
        &["validate", "reports/expected.json", "reports/broken.json"],
    );
    assert!(
        summary(&out).starts_with("1 file checked"),
        "{}",
        summary(&out)
    );
}

#[test]
fn include_globs_replace_the_extensions() {
    let repo = repository();
    std::fs::write(
        repo.path().join("article7.toml"),
        "include = [\"reports/2019/*.json\"]\n",
    )
    .unwrap();
    let out = article7(repo.path(), &["validate", "reports"]);
    assert_eq!(out.status.code(), Some(0), "{}", summary(&out));
    assert!(
        summary(&out).starts_with("2 files checked"),
        "{}",
        summary(&out)
    );
}

#[test]
fn the_file_is_found_upward_and_the_command_line_overrides_it() {
    let repo = repository();
    std::fs::write(
        repo.path().join("article7.toml"),
        "exclude = [\"expected.json\"]\nfail-on = \"never\"\nlang = \"fr\"\n",
    )
    .unwrap();
    // Run from a folder below the file.
    let below = repo.path().join("reports");
    let out = article7(&below, &["validate", "."]);
    assert_eq!(out.status.code(), Some(0), "fail-on = never from the file");
    assert!(summary(&out).contains("fichiers"), "{}", summary(&out));
    let out = article7(
        &below,
        &["validate", ".", "--fail-on", "error", "--lang", "en"],
    );
    assert_eq!(out.status.code(), Some(1), "--fail-on error wins");
    assert!(summary(&out).contains("files checked"), "{}", summary(&out));
    // --no-config ignores it; --config names another.
    let out = article7(&below, &["validate", ".", "--no-config"]);
    assert!(
        summary(&out).starts_with("4 files checked"),
        "{}",
        summary(&out)
    );
    std::fs::write(repo.path().join("strict.toml"), "fail-on = \"info\"\n").unwrap();
    let out = article7(&below, &["validate", "2019", "--config", "../strict.toml"]);
    assert_eq!(out.status.code(), Some(0), "the valid reports draw no info");
}

#[test]
fn rule_options_come_from_the_file() {
    let repo = repository();
    let toml = "exclude = [\"expected.json\"]\n[severity]\nB01 = \"warning\"\n";
    std::fs::write(repo.path().join("article7.toml"), toml).unwrap();
    let out = article7(repo.path(), &["validate", "reports"]);
    assert_eq!(out.status.code(), Some(0), "{}", summary(&out));
    assert!(
        summary(&out).contains("0 errors, 1 warning"),
        "{}",
        summary(&out)
    );
    let out = article7(
        repo.path(),
        &["validate", "reports", "--severity", "B01=error"],
    );
    assert_eq!(out.status.code(), Some(1), "the command line's level wins");
    let toml = "exclude = [\"expected.json\"]\ndisable = [\"B01\"]\n";
    std::fs::write(repo.path().join("article7.toml"), toml).unwrap();
    let out = article7(repo.path(), &["validate", "reports"]);
    assert!(
        summary(&out).contains("0 errors, 0 warnings"),
        "{}",
        summary(&out)
    );
}

#[test]
fn every_mistake_is_reported_at_its_line_and_column() {
    let repo = repository();
    let toml =
        "exclude = \"expected.json\"\nfail_on = \"warning\"\n\n[severity]\nB01 = \"fatal\"\n";
    std::fs::write(repo.path().join("article7.toml"), toml).unwrap();
    let out = article7(repo.path(), &["validate", "reports"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("article7.toml:1:11: `exclude` is a list of glob patterns"),
        "{err}"
    );
    assert!(
        err.contains("article7.toml:2:1: unknown key `fail_on`; did you mean `fail-on`?"),
        "{err}"
    );
    assert!(err.contains("article7.toml:4:1:"), "{err}");
    assert!(err.contains("3 mistakes in article7.toml"), "{err}");
    // Not TOML at all.
    std::fs::write(repo.path().join("article7.toml"), "exclude = [\n").unwrap();
    let out = article7(repo.path(), &["validate", "reports"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("article7.toml:"));
    // A rule id the catalogue does not have.
    std::fs::write(repo.path().join("article7.toml"), "disable = [\"Z99\"]\n").unwrap();
    let out = article7(repo.path(), &["validate", "reports"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("Z99"));
}

/// `profile` in the file holds every report to that plan; `--profile` wins.
#[test]
fn the_profile_comes_from_the_file() {
    let repo = repository();
    let profiles = |args: &[&str]| -> Vec<String> {
        let out = article7(repo.path(), args);
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        v["files"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["profile"].as_str().unwrap_or("").to_owned())
            .collect()
    };
    let run = ["validate", "reports/2019", "--format", "json"];
    // The 2019 reports fall under the Maputo Action Plan by their period.
    assert_eq!(profiles(&run), ["MAP", "MAP"]);
    std::fs::write(repo.path().join("article7.toml"), "profile = \"oap\"\n").unwrap();
    assert_eq!(profiles(&run), ["OAP", "OAP"]);
    let forced = [&run[..], &["--profile", "treaty"]].concat();
    assert_eq!(profiles(&forced), ["treaty", "treaty"]);
    std::fs::write(
        repo.path().join("article7.toml"),
        "profile = \"Cartagena\"\n",
    )
    .unwrap();
    let out = article7(repo.path(), &run);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("`profile` is"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
