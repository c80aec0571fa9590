//! The library's modules are layered as ARCHITECTURE.md says: none uses a
//! module that comes after it in `ORDER` (outside its tests). A cycle
//! between modules, or a new module missing from the order, fails here.

use std::collections::BTreeSet;
use std::path::Path;

/// Lowest first. Keep it in step with ARCHITECTURE.md.
const ORDER: &[&str] = &[
    "source",
    "states",
    "i18n",
    "diagnostics",
    "model",
    "schema",
    "shape",
    "format",
    "rules",
    "config",
    "history",
    "validator",
    "waivers",
    "batch",
    "report",
    "summary",
    "diff",
    "serve",
];

/// Modules above the layers: front ends that may use anything.
const FRONT_ENDS: &[&str] = &["cli", "main", "lib"];

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The top-level module a source file belongs to (`src/format/xml/read.rs`
/// → `format`).
fn module_of(src: &Path, file: &Path) -> String {
    let rel = file.strip_prefix(src).unwrap();
    let first = rel
        .components()
        .next()
        .unwrap()
        .as_os_str()
        .to_string_lossy();
    first.trim_end_matches(".rs").to_owned()
}

/// The top-level modules a file's code (not its tests, not its comments)
/// names as `crate::x`.
fn uses(text: &str) -> BTreeSet<String> {
    let code = text.split("#[cfg(test)]").next().unwrap_or(text);
    let mut out = BTreeSet::new();
    for line in code.lines() {
        if line.trim_start().starts_with("//") {
            continue;
        }
        for (i, _) in line.match_indices("crate::") {
            // `$crate::` in a macro names the crate, not a module.
            if line[..i].ends_with('$') {
                continue;
            }
            let name: String = line[i + "crate::".len()..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            // `crate::Severity` names a re-export of lib.rs, not a module.
            if name.starts_with(|c: char| c.is_ascii_lowercase()) {
                out.insert(name);
            }
        }
    }
    out
}

#[test]
fn no_module_uses_one_above_it() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut problems = Vec::new();
    for file in &files {
        let module = module_of(&src, file);
        if FRONT_ENDS.contains(&module.as_str()) {
            continue;
        }
        let Some(level) = ORDER.iter().position(|m| *m == module) else {
            problems.push(format!(
                "{}: module `{module}` is not in the layer order (tests/layering.rs, ARCHITECTURE.md)",
                file.display()
            ));
            continue;
        };
        let text = std::fs::read_to_string(file).unwrap();
        for used in uses(&text) {
            if used == module {
                continue;
            }
            match ORDER.iter().position(|m| *m == used) {
                Some(l) if l < level => {}
                Some(_) => problems.push(format!(
                    "{}: `{module}` uses `{used}`, which comes after it",
                    file.display()
                )),
                None => problems.push(format!(
                    "{}: `{module}` uses `{used}`, which is not in the layer order",
                    file.display()
                )),
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_checker_sees_a_use_from_below() {
    let found = uses("use crate::report::Summary;\nfn f() { crate::rules::x(); $crate::y }\n#[cfg(test)]\nuse crate::cli;");
    let want: BTreeSet<String> = ["report", "rules"].iter().map(|s| s.to_string()).collect();
    assert_eq!(found, want);
}
