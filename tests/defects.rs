//! The catalogue defects of issue 11: each `fixtures/defects/*.json` is a
//! truthful report (a patch of a base report, with its history) on which
//! the old catalogue drew a finding it should not have; the test pins the
//! findings it draws now (`expect`, as rule and pointer).

use article7::history::History;
use article7::validator::Validator;
use serde::Deserialize;
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Defect {
    /// What was wrong, for a reader.
    #[allow(dead_code)]
    defect: String,
    report: Patched,
    #[serde(default)]
    history: BTreeMap<String, Patched>,
    expect: Vec<(String, String)>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Patched {
    base: String,
    patch: json_patch::Patch,
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn materialise(p: &Patched, dir: &Path, name: &str) -> PathBuf {
    let text = std::fs::read_to_string(root().join("fixtures").join(&p.base)).unwrap();
    let mut value: Value = serde_json::from_str(&text).unwrap();
    json_patch::patch(&mut value, &p.patch).unwrap();
    let path = dir.join(format!("{name}.json"));
    std::fs::write(&path, serde_json::to_string_pretty(&value).unwrap()).unwrap();
    path
}

#[test]
fn fixed_defects_stay_fixed() {
    let v = Validator::new();
    let tmp = tempfile::tempdir().unwrap();
    let mut problems = Vec::new();
    let mut seen = 0;
    for entry in std::fs::read_dir(root().join("fixtures/defects")).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        let defect: Defect =
            serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let dir = tmp.path().join(&name);
        std::fs::create_dir(&dir).unwrap();
        let mut files: Vec<PathBuf> = defect
            .history
            .iter()
            .map(|(n, p)| materialise(p, &dir, n))
            .collect();
        let report = materialise(&defect.report, &dir, "report");
        files.push(report.clone());
        let got: Vec<(String, String)> = v
            .validate_path_with(&report, &History::scan(&files))
            .findings
            .iter()
            .map(|f| (f.rule.clone(), f.pointer.clone()))
            .collect();
        if got != defect.expect {
            problems.push(format!(
                "{name}: expected {:?}, drew {got:?}",
                defect.expect
            ));
        }
        seen += 1;
    }
    assert!(seen >= 4);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
