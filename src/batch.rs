//! Runs the validator over many inputs: expands folders in a stable order
//! and validates on a rayon pool, returning results in input order.

use crate::history::History;
use crate::validator::{FileReport, Validator};
use rayon::prelude::*;
use std::path::{Path, PathBuf};

/// An input named on the command line, after expansion.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// A file to read.
    File(PathBuf),
    /// A path that could not be expanded (missing, unreadable folder).
    Broken(PathBuf, String),
}

/// Extensions a folder walk picks up.
pub const REPORT_EXTENSIONS: &[&str] = &["json", "xml", "xlsx"];

/// Expands `paths`: files stay as given (whatever their extension), folders
/// are walked recursively for `.json`, `.xml` and `.xlsx` files, sorted by
/// path so the order never depends on the file system.
pub fn expand(paths: &[PathBuf]) -> Vec<Input> {
    let mut out = Vec::new();
    for p in paths {
        match std::fs::metadata(p) {
            Ok(m) if m.is_dir() => {
                let mut found = Vec::new();
                walk(p, &mut found, &mut out);
                found.sort();
                out.extend(found.into_iter().map(Input::File));
            }
            Ok(_) => out.push(Input::File(p.clone())),
            Err(e) => out.push(Input::Broken(
                p.clone(),
                format!("cannot open the path: {e}"),
            )),
        }
    }
    out
}

fn walk(dir: &Path, found: &mut Vec<PathBuf>, broken: &mut Vec<Input>) {
    // An explicit stack: deep folder trees must not exhaust the call stack.
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let entries = match std::fs::read_dir(&d) {
            Ok(e) => e,
            Err(e) => {
                broken.push(Input::Broken(
                    d.clone(),
                    format!("cannot read the folder: {e}"),
                ));
                continue;
            }
        };
        for entry in entries.flatten() {
            let path = entry.path();
            let Ok(kind) = entry.file_type() else {
                continue;
            };
            if kind.is_dir() {
                stack.push(path);
            } else if is_report_file(&path) {
                found.push(path);
            }
        }
    }
}

fn is_report_file(path: &Path) -> bool {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    // Spreadsheet programs leave lock files such as `~$report.xlsx` beside
    // open workbooks; they are not reports.
    if name.starts_with("~$") || name.starts_with(".~lock") {
        return false;
    }
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| REPORT_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
}

/// Validates every input in parallel; results come back in input order.
pub fn validate_all(validator: &Validator, inputs: &[Input]) -> Vec<FileReport> {
    inputs
        .par_iter()
        .map(|input| validate_one(validator, input, None))
        .collect()
}

/// Validates one expanded input, with `history` for the year-over-year
/// rules when given.
pub fn validate_one(validator: &Validator, input: &Input, history: Option<&History>) -> FileReport {
    match input {
        Input::File(p) => match history {
            Some(h) => validator.validate_path_in(p, h),
            None => validator.validate_path(p),
        },
        Input::Broken(p, why) => {
            FileReport::unreadable(p.display().to_string(), crate::ingest::unreadable(why))
        }
    }
}

/// The files among `inputs`.
pub fn files(inputs: &[Input]) -> Vec<PathBuf> {
    inputs
        .iter()
        .filter_map(|i| match i {
            Input::File(p) => Some(p.clone()),
            Input::Broken(..) => None,
        })
        .collect()
}
