//! Reads a folder of reports for the summary: each report's canonical value
//! and the places its error findings point at (schema and rules), so that
//! a table can leave out a report that is wrong on a field it needs.

use crate::batch::{self, Input};
use crate::diagnostics::Severity;
use crate::rules::engine::Related;
use crate::source::Source;
use crate::validator::Validator;
use rayon::prelude::*;
use serde::Serialize;
use serde_json::Value;
use std::path::PathBuf;

/// One report, read and checked.
#[derive(Debug, Clone)]
pub struct ReportInput {
    /// The file's name as given.
    pub file: String,
    /// The canonical value.
    pub value: Value,
    /// The error findings: (JSON pointer, message).
    pub errors: Vec<(String, String)>,
}

/// A file that could not be read as a report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Unreadable {
    /// The file.
    pub file: String,
    /// The reader's message.
    pub reason: String,
}

/// Reads and checks every report under `paths` (files and folders, as for
/// `validate`), in parallel. The year-over-year rules do not run: a report
/// is judged on itself, so that one State's bad year does not exclude the
/// next.
pub fn load(validator: &Validator, paths: &[PathBuf]) -> (Vec<ReportInput>, Vec<Unreadable>) {
    let inputs = batch::expand(paths);
    let results: Vec<Result<ReportInput, Unreadable>> =
        inputs.par_iter().map(|i| guarded(validator, i)).collect();
    let mut ok = Vec::new();
    let mut bad = Vec::new();
    for r in results {
        match r {
            Ok(i) => ok.push(i),
            Err(u) => bad.push(u),
        }
    }
    (ok, bad)
}

/// [`one`], with a panic (a defect of article7) making that input
/// unreadable instead of ending the whole summary.
fn guarded(validator: &Validator, input: &Input) -> Result<ReportInput, Unreadable> {
    batch::caught(|| one(validator, input)).unwrap_or_else(|reason| {
        Err(Unreadable {
            file: input.name(),
            reason: format!("article7 stopped on a defect of its own while checking it: {reason}"),
        })
    })
}

fn one(validator: &Validator, input: &Input) -> Result<ReportInput, Unreadable> {
    let path = match input {
        Input::Memory(source) => return check(validator, source, source.name.clone()),
        Input::File(p) => p,
        Input::Broken(p, why) => {
            return Err(Unreadable {
                file: p.display().to_string(),
                reason: why.clone(),
            })
        }
    };
    let file = path.display().to_string();
    let source = Source::read(path).map_err(|reason| Unreadable {
        file: file.clone(),
        reason,
    })?;
    check(validator, &source, file)
}

/// Reads and checks one source held in memory.
pub fn check(
    validator: &Validator,
    source: &Source,
    file: String,
) -> Result<ReportInput, Unreadable> {
    let ingested = crate::format::load(source);
    let Some(doc) = ingested.document else {
        let reason = ingested
            .findings
            .first()
            .map_or_else(|| "cannot be read".to_owned(), |f| f.message.clone());
        return Err(Unreadable { file, reason });
    };
    let (findings, _) = validator.check_document(&doc, Related::default());
    let errors = ingested
        .findings
        .iter()
        .chain(&findings)
        .filter(|f| f.severity == Severity::Error)
        .map(|f| (f.pointer.clone(), format!("{} {}", f.rule, f.message)))
        .collect();
    Ok(ReportInput {
        file,
        value: doc.value,
        errors,
    })
}
