//! `article7`: a validator for the transparency reports that States Parties
//! to the Anti-Personnel Mine Ban Convention submit under its Article 7.
//!
//! Data flows one way: [`source`] (bytes) → [`format`](mod@format) ([`model::Document`])
//! → [`schema`] and rules → [`diagnostics::Diagnostic`]s → `report` (output
//! formats). The library never prints, exits or parses arguments.
//!
//! ```
//! use article7::{Source, validator::Validator};
//!
//! let validator = Validator::new(); // embedded schema and rule catalogue
//! let report = validator.validate_source(&Source::from_bytes(
//!     "draft.json",
//!     br#"{"format_version": "1.1", "treaty": "APMBC"}"#.to_vec(),
//! ));
//! // Every finding names its rule, the JSON pointer and the place in the file.
//! let missing: Vec<_> = report.findings.iter().map(|f| f.pointer.as_str()).collect();
//! assert!(missing.contains(&"/state"));
//! assert!(report.findings.iter().all(|f| f.location.is_some()));
//! ```

pub mod batch;
pub mod config;
pub mod diagnostics;
pub mod diff;
pub mod format;
pub mod history;
pub mod i18n;
pub mod model;
pub mod report;
pub mod rules;
pub mod schema;
#[cfg(feature = "serve")]
pub mod serve;
pub mod shape;
pub mod source;
pub mod states;
pub mod summary;
pub mod validator;
pub mod waivers;

pub use diagnostics::{Diagnostic, Severity, SourceLocation};
pub use model::Document;
pub use source::{Format, Source};
