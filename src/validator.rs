//! The per-file pipeline: read → schema → (rules) → findings in document
//! order. A [`Validator`] is built once per process and shared by threads.

use crate::diagnostics::{pointer_tokens, Diagnostic};
use crate::ingest;
use crate::model::Document;
use crate::schema::ReportSchema;
use crate::source::{Format, Source};
use serde::Serialize;
use serde_json::Value;
use std::path::Path;

/// A rule that was not evaluated on a file, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Skipped {
    /// The rule id.
    pub rule: String,
    /// Why it did not run.
    pub reason: String,
}

/// Everything found in one input.
#[derive(Debug, Serialize)]
pub struct FileReport {
    /// The input's name (its path as given, or `<stdin>`).
    pub file: String,
    /// The format it was read as, when known.
    pub format: Option<Format>,
    /// Findings in document order.
    pub findings: Vec<Diagnostic>,
    /// Rules not evaluated on this file, and why.
    pub skipped: Vec<Skipped>,
    /// The source text (JSON, XML), kept for rendering snippets.
    #[serde(skip)]
    pub text: Option<String>,
}

impl FileReport {
    /// A report for an input that could not be read at all.
    pub fn unreadable(file: String, finding: Diagnostic) -> FileReport {
        FileReport {
            file,
            format: None,
            findings: vec![finding],
            skipped: Vec::new(),
            text: None,
        }
    }
}

/// Validates reports against the embedded schema (and, later, the rules).
pub struct Validator {
    schema: &'static ReportSchema,
}

impl Default for Validator {
    fn default() -> Self {
        Validator::new()
    }
}

impl Validator {
    /// A validator with the embedded schema.
    pub fn new() -> Validator {
        Validator {
            schema: ReportSchema::embedded(),
        }
    }

    /// Reads and validates one file; never fails: problems become findings.
    pub fn validate_path(&self, path: &Path) -> FileReport {
        match Source::read(path) {
            Ok(source) => self.validate_source(&source),
            Err(reason) => {
                FileReport::unreadable(path.display().to_string(), ingest::unreadable(&reason))
            }
        }
    }

    /// Validates one input held in memory.
    pub fn validate_source(&self, source: &Source) -> FileReport {
        let ingested = ingest::load(source);
        let mut findings = ingested.findings;
        let mut text = None;
        if let Some(doc) = ingested.document {
            findings.extend(self.check_document(&doc));
            sort_in_document_order(&doc.value, &mut findings);
            if !findings.is_empty() {
                text = doc.text().map(str::to_owned);
            }
        }
        FileReport {
            file: source.name.clone(),
            format: source.format,
            findings,
            skipped: Vec::new(),
            text,
        }
    }

    /// Schema (and rule) findings on a loaded document.
    pub fn check_document(&self, doc: &Document) -> Vec<Diagnostic> {
        self.schema.check(doc).findings
    }
}

/// Sorts findings into document order (stable: findings at the same place
/// keep the order they were produced in). A pointer to a missing member
/// sorts after its existing siblings.
pub fn sort_in_document_order(value: &Value, findings: &mut [Diagnostic]) {
    if findings.len() < 2 {
        return;
    }
    let mut keyed: Vec<(Vec<usize>, Diagnostic)> = findings
        .iter()
        .map(|f| (order_key(value, &f.pointer), f.clone()))
        .collect();
    keyed.sort_by(|a, b| a.0.cmp(&b.0));
    for (slot, (_, f)) in findings.iter_mut().zip(keyed) {
        *slot = f;
    }
}

fn order_key(value: &Value, pointer: &str) -> Vec<usize> {
    let mut key = Vec::new();
    let mut node = Some(value);
    for token in pointer_tokens(pointer) {
        let (pos, next) = match node {
            Some(Value::Object(m)) => match m.keys().position(|k| *k == token) {
                Some(i) => (i, m.get(&token)),
                None => (usize::MAX, None),
            },
            Some(Value::Array(a)) => match token.parse::<usize>() {
                Ok(i) if i < a.len() => (i, a.get(i)),
                _ => (usize::MAX, None),
            },
            _ => (usize::MAX, None),
        };
        key.push(pos);
        node = next;
    }
    key
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::Severity;
    use serde_json::json;

    #[test]
    fn findings_follow_document_order() {
        let v = json!({"b": {"x": 1, "y": [1, 2]}, "a": 2});
        let mk = |p: &str| Diagnostic::new("t", "t", Severity::Error, "m", p);
        let mut f = vec![mk("/a"), mk("/b/y/1"), mk("/b/missing"), mk("/b/x"), mk("")];
        sort_in_document_order(&v, &mut f);
        let order: Vec<_> = f.iter().map(|d| d.pointer.as_str()).collect();
        assert_eq!(order, vec!["", "/b/x", "/b/y/1", "/b/missing", "/a"]);
    }
}
