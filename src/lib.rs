//! `article7`: a validator for the transparency reports that States Parties
//! to the Anti-Personnel Mine Ban Convention submit under its Article 7.
//!
//! Data flows one way: [`source`] (bytes) → [`ingest`] ([`model::Document`])
//! → [`schema`] and rules → [`diagnostics::Diagnostic`]s → `report` (output
//! formats). The library never prints, exits or parses arguments.

pub mod batch;
pub mod convert;
pub mod diagnostics;
pub mod ingest;
pub mod model;
pub mod report;
pub mod rules;
pub mod schema;
pub mod shape;
pub mod source;
pub mod validator;

pub use diagnostics::{Diagnostic, Severity, SourceLocation};
pub use model::Document;
pub use source::{Format, Source};
