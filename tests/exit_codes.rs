//! The README's exit-status table, row by row: each row of the table is a
//! case here, and a row without a case (or a case without a row) fails.

use std::path::Path;

mod support;
use support::{article7, root};

/// The exit status of a run from the repository's root.
fn status(args: &[&str]) -> Option<i32> {
    article7(root(), args).status.code()
}

/// The rows of the README's exit-status table: (situation, status).
fn readme_rows() -> Vec<(String, String)> {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let start = readme
        .find("| situation | exit status |")
        .expect("the README has the exit-status table");
    readme[start..]
        .lines()
        .skip(2)
        .take_while(|l| l.starts_with('|'))
        .map(|l| {
            let cells: Vec<&str> = l.trim_matches('|').split(" | ").map(str::trim).collect();
            (cells[0].to_owned(), cells[1].to_owned())
        })
        .collect()
}

/// One case per row, named by the row's first cell.
fn check(situation: &str, temp: &Path) -> Option<i32> {
    let waivers = |body: &str| {
        std::fs::write(temp.join("w.toml"), body).unwrap();
        temp.join("w.toml").display().to_string()
    };
    let b01 = root()
        .join("fixtures/examples/rule-finding-b01.json")
        .display()
        .to_string();
    match situation {
        "no finding reaches `--fail-on`" => status(&["validate", "fixtures/valid"]),
        "a finding reaches `--fail-on` (default: an error)" => status(&["validate", &b01]),
        "findings below `--fail-on` only" => {
            status(&["validate", &b01, "--severity", "B01=warning"])
        }
        "every failing finding is waived with a justification" => {
            let w = waivers(&format!(
                "[[waiver]]\nrule = \"B01\"\nfile = \"{}\"\njustification = \"accepted\"\n",
                globset_escape(&b01)
            ));
            status(&["validate", &b01, "--waivers", &w])
        }
        "a waiver has no justification (or the `baseline` placeholder)" => {
            let w = waivers(&format!(
                "[[waiver]]\nrule = \"B01\"\nfile = \"{}\"\njustification = \"TODO: say why\"\n",
                globset_escape(&b01)
            ));
            status(&["validate", "fixtures/valid", "--waivers", &w])
        }
        "an input cannot be read (missing, unreadable, not well-formed), whatever `--fail-on` says" => {
            let bad = temp.join("bad.json");
            std::fs::write(&bad, "{ not json").unwrap();
            let a = status(&["validate", "no-such-report.json", "--fail-on", "never"]);
            let b = status(&["validate", bad.to_str().unwrap(), "--fail-on", "never"]);
            assert_eq!(a, b);
            a
        }
        "no input found (an empty folder, everything excluded)" => {
            status(&["validate", temp.to_str().unwrap()])
        }
        "no input found, with `--allow-empty`" => {
            status(&["validate", temp.to_str().unwrap(), "--allow-empty"])
        }
        "bad arguments" => status(&["validate", "fixtures/valid", "--fail-on", "sometimes"]),
        "a broken rule file, configuration file or waivers file" => {
            let w = waivers("[[waiver]]\nrule = 3\n");
            status(&["validate", "fixtures/valid", "--waivers", &w])
        }
        other => panic!("the README's row `{other}` has no case in tests/exit_codes.rs"),
    }
}

fn globset_escape(path: &str) -> String {
    path.chars()
        .map(|c| match c {
            '*' | '?' | '[' | ']' | '{' | '}' => format!("[{c}]"),
            c => c.to_string(),
        })
        .collect()
}

#[test]
fn every_row_of_the_readme_table_holds() {
    let rows = readme_rows();
    assert!(rows.len() >= 10, "{rows:?}");
    for (situation, expected) in rows {
        let temp = tempfile::tempdir().unwrap();
        let expected: i32 = expected
            .trim_matches(|c: char| !c.is_ascii_digit())
            .parse()
            .unwrap_or_else(|_| panic!("row `{situation}`: status `{expected}`"));
        assert_eq!(
            check(&situation, temp.path()),
            Some(expected),
            "README row `{situation}`"
        );
    }
}
