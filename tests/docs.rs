//! The committed reference files are what the code generates: a rule or a
//! function changed without regenerating them fails here.

use article7::rules::{reference, Catalogue};
use std::path::Path;

#[test]
fn generated_reference_files_are_up_to_date() {
    let catalogue = Catalogue::embedded().unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut stale = Vec::new();
    for (path, expected) in reference::files(&catalogue) {
        let committed = std::fs::read_to_string(root.join(path)).unwrap_or_default();
        if committed != expected {
            let line = committed
                .lines()
                .zip(expected.lines())
                .position(|(a, b)| a != b)
                .unwrap_or_else(|| committed.lines().count().min(expected.lines().count()))
                + 1;
            stale.push(format!("{path} (first difference at line {line})"));
        }
    }
    assert!(
        stale.is_empty(),
        "out of date: {}; regenerate with `{}`",
        stale.join(", "),
        reference::REGENERATE
    );
}
