//! Running the built binary from a test: shared by the tests of report
//! repositories (config, waivers, exit codes).

use std::path::Path;
use std::process::{Command, Output};

/// The repository's root (fixtures, README).
pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Runs `article7 ARGS` in `dir` and waits for it.
pub fn article7(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_article7"))
        .current_dir(dir)
        .args(args)
        .output()
        .unwrap()
}
