//! One reader per format, each turning bytes into a [`Document`]. Readers
//! report only that an input is not well-formed (`input/*` findings); the
//! schema and the rules are applied later.

pub mod json;
pub mod xlsx;

use crate::diagnostics::{Diagnostic, Severity};
use crate::model::Document;
use crate::source::{Format, Source};

/// What a reader made of one input.
#[derive(Debug, Default)]
pub struct Ingested {
    /// The canonical document, when the input could be read at all.
    pub document: Option<Document>,
    /// Findings about the input itself (syntax, duplicate keys, …).
    pub findings: Vec<Diagnostic>,
}

impl Ingested {
    /// An input that could not be turned into a document.
    pub fn failed(finding: Diagnostic) -> Ingested {
        Ingested {
            document: None,
            findings: vec![finding],
        }
    }
}

/// Reads `source` with the reader of its format.
pub fn load(source: &Source) -> Ingested {
    match source.format {
        Some(Format::Json) => json::read(&source.bytes),
        Some(Format::Xlsx) => xlsx::read(&source.bytes),
        Some(other) => Ingested::failed(
            Diagnostic::new(
                "input/unsupported",
                "unsupported-input",
                Severity::Error,
                format!("reading {other} reports is not supported yet"),
                "",
            )
            .with_help("convert the report to JSON, or use a release that reads this format"),
        ),
        None => Ingested::failed(unsupported()),
    }
}

/// The finding for an input whose format is neither named nor recognisable.
pub fn unsupported() -> Diagnostic {
    Diagnostic::new(
        "input/unsupported",
        "unsupported-input",
        Severity::Error,
        "the file is neither JSON, XML nor an Excel workbook (.xlsx)",
        "",
    )
    .with_help("give the file a .json, .xml or .xlsx extension, or pass --input-format")
}

/// The finding for an input that could not be read from disk.
pub fn unreadable(reason: &str) -> Diagnostic {
    Diagnostic::new(
        "input/unreadable",
        "unreadable-input",
        Severity::Error,
        format!("the file could not be read: {reason}"),
        "",
    )
    .with_help("check that the file exists, is readable, and is a report")
}
