//! Runs the validator over many inputs: expands folders in a stable order,
//! finds each report's predecessors, validates on the rayon pool, and hands
//! the results to a sink in input order as they finish.
//!
//! This is the one driver: the command line, the benchmarks and any other
//! front end call [`run`], so what is measured is what users run.

use crate::history::History;
use crate::source::Source;
use crate::validator::{FileReport, Validator};
use rayon::prelude::*;
use std::path::{Path, PathBuf};

/// An input named on the command line, after expansion.
#[derive(Debug, Clone)]
pub enum Input {
    /// A file to read.
    File(PathBuf),
    /// An input already held in memory (standard input, an upload).
    Memory(Source),
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

/// The files among `inputs`.
pub fn files(inputs: &[Input]) -> Vec<PathBuf> {
    inputs
        .iter()
        .filter_map(|i| match i {
            Input::File(p) => Some(p.clone()),
            Input::Memory(_) | Input::Broken(..) => None,
        })
        .collect()
}

/// The history a batch is validated against: the batch's own files and the
/// files under `history` folders. Empty when there is only one report to
/// know (a report is never its own predecessor).
pub fn history_for(inputs: &[Input], history: &[PathBuf]) -> History {
    let mut known = files(inputs);
    known.extend(files(&expand(history)));
    if known.len() > 1 {
        History::scan(&known)
    } else {
        History::default()
    }
}

/// Validates one expanded input against `history`.
pub fn validate_one(validator: &Validator, input: &Input, history: &History) -> FileReport {
    match input {
        Input::File(p) => validator.validate_path_with(p, history),
        Input::Memory(source) => validator.validate_source_with(source, history),
        Input::Broken(p, why) => {
            FileReport::unreadable(p.display().to_string(), crate::format::unreadable(why))
        }
    }
}

/// Validates `inputs` on the current rayon pool and hands each result to
/// `sink` in input order. Inputs are validated in chunks of a few per
/// worker thread and handed over as each chunk finishes, so the output is
/// deterministic and memory stays flat however many inputs there are. An
/// error from `sink` (a closed pipe, a full disk) stops the run and is
/// returned; the inputs not yet validated are not.
pub fn run<E>(
    validator: &Validator,
    inputs: &[Input],
    history: &History,
    mut sink: impl FnMut(FileReport) -> Result<(), E>,
) -> Result<(), E> {
    let chunk = rayon::current_num_threads().max(1) * 16;
    for group in inputs.chunks(chunk) {
        let reports: Vec<FileReport> = group
            .par_iter()
            .map(|input| validate_one(validator, input, history))
            .collect();
        for report in reports {
            sink(report)?;
        }
    }
    Ok(())
}

/// Validates every input in parallel; results come back in input order.
/// For tests and small batches: [`run`] streams instead of collecting.
pub fn validate_all(validator: &Validator, inputs: &[Input], history: &History) -> Vec<FileReport> {
    let mut out = Vec::with_capacity(inputs.len());
    let _ = run(validator, inputs, history, |r| {
        out.push(r);
        Ok::<(), std::convert::Infallible>(())
    });
    out
}
