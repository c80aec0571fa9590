//! Writes the generated reference files, docs/rules.md (from rules/*.toml)
//! and docs/functions.md (from the function table):
//! `cargo run --example gen_docs`. `tests/docs.rs` fails when they are out
//! of date.

use article7::rules::{reference, Catalogue};
use std::path::Path;

fn main() {
    let catalogue = Catalogue::embedded().expect("the embedded catalogue compiles");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for (path, text) in reference::files(&catalogue) {
        let target = root.join(path);
        if std::fs::read_to_string(&target).ok().as_deref() == Some(text.as_str()) {
            println!("{path}: up to date");
            continue;
        }
        std::fs::write(&target, text).unwrap_or_else(|e| panic!("cannot write {path}: {e}"));
        println!("{path}: written");
    }
}
