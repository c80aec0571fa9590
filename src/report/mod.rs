//! Output formats. One printer per format behind the [`Printer`] trait; the
//! batch hands each printer the files' results in input order.

mod human;
mod json;

pub use human::HumanPrinter;
pub use json::JsonPrinter;

use crate::diagnostics::Severity;
use crate::validator::FileReport;
use serde::Serialize;
use std::io::{self, Write};

/// The output formats `validate --format` offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum OutputFormat {
    /// Diagnostics with source snippets, then a summary (for people).
    Human,
    /// One JSON document (for programs).
    Json,
}

/// Counts over a whole run.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    /// Inputs validated.
    pub files: usize,
    /// Inputs that could not be read or parsed into a document.
    pub unreadable: usize,
    /// Findings of severity error.
    pub errors: usize,
    /// Findings of severity warning.
    pub warnings: usize,
    /// Findings of severity info.
    pub infos: usize,
}

impl Summary {
    /// Adds one file's findings.
    pub fn add(&mut self, report: &FileReport) {
        self.files += 1;
        if report.findings.iter().any(|f| {
            f.rule.starts_with("input/")
                && f.rule != "input/duplicate-key"
                && f.rule != "input/number-precision"
        }) {
            self.unreadable += 1;
        }
        for f in &report.findings {
            match f.severity {
                Severity::Error => self.errors += 1,
                Severity::Warning => self.warnings += 1,
                Severity::Info => self.infos += 1,
            }
        }
    }

    /// Whether any finding is at or above `level`.
    pub fn reaches(&self, level: Severity) -> bool {
        match level {
            Severity::Error => self.errors > 0,
            Severity::Warning => self.errors + self.warnings > 0,
            Severity::Info => self.errors + self.warnings + self.infos > 0,
        }
    }
}

/// Writes a run's results in one format.
pub trait Printer {
    /// Called once per file, in input order.
    fn file(&mut self, out: &mut dyn Write, report: &FileReport) -> io::Result<()>;
    /// Called once at the end.
    fn finish(&mut self, out: &mut dyn Write, summary: &Summary) -> io::Result<()>;
}

/// Options every printer may use.
#[derive(Debug, Clone, Default)]
pub struct PrintOptions {
    /// Use colours and Unicode drawing (human format on a terminal).
    pub color: bool,
    /// Print only the summary.
    pub quiet: bool,
}

/// The printer for `format`.
pub fn printer(format: OutputFormat, options: &PrintOptions) -> Box<dyn Printer> {
    match format {
        OutputFormat::Human => Box::new(HumanPrinter::new(options.clone())),
        OutputFormat::Json => Box::new(JsonPrinter::new()),
    }
}

/// Formats an integer with thousands separators: 1203 → "1,203".
pub fn thousands(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::with_capacity(s.len() + s.len() / 3);
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_separators() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1203), "1,203");
        assert_eq!(thousands(577171932), "577,171,932");
    }
}
