//! One reader per format, each turning bytes into a [`Document`]. Readers
//! report only that an input is not well-formed (`input/*` findings); the
//! schema and the rules are applied later.

pub mod findings;
pub mod json;
pub mod xlsx;
pub mod xml;

use crate::diagnostics::{Code, Diagnostic, SourceLocation};
use crate::i18n::{Arg, MessageKey};
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
        Some(Format::Xml) => xml::read(&source.bytes),
        Some(Format::Xlsx) => xlsx::read(&source.bytes),
        None => Ingested::failed(unsupported()),
    }
}

/// The finding for an input that is not well-formed in its format: the
/// reader's own explanation (`detail`), where it is, and what to do. One
/// constructor for every reader, so the finding is rendered in the user's
/// language the same way whatever the format. `detail` and `help` are
/// messages of the catalogue (the XML and Excel readers), or text that has
/// no translation (the JSON parser's explanations).
pub fn syntax(
    detail: impl Into<Arg>,
    location: Option<SourceLocation>,
    help: impl Into<Arg>,
) -> Diagnostic {
    let detail = detail.into();
    // Text from a parser has no translation: other languages then say "the
    // file is not well-formed" around it, with a general help of their own.
    let id = if matches!(detail, Arg::Text(_)) {
        "input-syntax-text"
    } else {
        "input-syntax"
    };
    Diagnostic::builtin(
        Code::Syntax,
        MessageKey::new(id).arg("detail", detail).arg("help", help),
        "",
    )
    .with_location(location)
}

/// The finding for an input whose format is neither named nor recognisable.
pub fn unsupported() -> Diagnostic {
    Diagnostic::builtin(Code::Unsupported, MessageKey::new("input-unsupported"), "")
}

/// The finding for an input that could not be read from disk.
pub fn unreadable(reason: &str) -> Diagnostic {
    Diagnostic::builtin(
        Code::Unreadable,
        MessageKey::new("input-unreadable").arg("reason", reason),
        "",
    )
}
