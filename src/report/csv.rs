//! `--format csv`: one row per finding for analysts (file, State, year,
//! rule, severity, form, place, pointer, message, help), streamed as files
//! finish. No summary row: every row is a finding.

use super::{form_of, Printer, Summary};
use crate::diagnostics::{Diagnostic, SourceLocation};
use crate::validator::FileReport;
use std::io::{self, Write};

/// The columns, in order (the header row of the CSV and of the XLSX sheet).
pub const COLUMNS: &[&str] = &[
    "file", "state", "year", "rule", "name", "severity", "form", "place", "pointer", "message",
    "help",
];

/// The cells of one finding's row, in the order of [`COLUMNS`] (the year is
/// text here; the XLSX printer writes it as a number).
pub fn row(report: &FileReport, f: &Diagnostic) -> [String; 11] {
    [
        report.file.clone(),
        report.state.clone().unwrap_or_default(),
        report.year.map(|y| y.to_string()).unwrap_or_default(),
        f.rule.clone(),
        f.name.clone(),
        f.severity.as_str().to_owned(),
        form_of(&f.pointer).unwrap_or("").to_owned(),
        place(f.location.as_ref()),
        f.pointer.clone(),
        f.message.clone(),
        f.help.clone().unwrap_or_default(),
    ]
}

/// `line:column` in a text file, `Sheet!Cell` in a workbook, empty when
/// not known.
pub fn place(location: Option<&SourceLocation>) -> String {
    match location {
        Some(SourceLocation::Text { line, column, .. }) => format!("{line}:{column}"),
        Some(SourceLocation::Cell { sheet, cell, .. }) => format!("{sheet}!{cell}"),
        None => String::new(),
    }
}

/// A cell a spreadsheet would take for a formula (`=`, `+`, `-`, `@`, or a
/// control character first) is written with a leading apostrophe, the
/// usual guard against formula injection: messages quote report text, and
/// a report is not trusted. The apostrophe is what spreadsheets show for
/// "text that starts with =".
fn guarded(cell: &str) -> std::borrow::Cow<'_, str> {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{cell}").into(),
        _ => cell.into(),
    }
}

/// Streams rows.
pub struct CsvPrinter {
    header_written: bool,
}

impl CsvPrinter {
    /// A printer whose first output is the header row.
    pub fn new() -> CsvPrinter {
        CsvPrinter {
            header_written: false,
        }
    }

    fn header(&mut self, out: &mut dyn Write) -> io::Result<()> {
        if !self.header_written {
            self.header_written = true;
            let mut w = csv::Writer::from_writer(&mut *out);
            w.write_record(COLUMNS)?;
            w.flush()?;
        }
        Ok(())
    }
}

impl Default for CsvPrinter {
    fn default() -> Self {
        CsvPrinter::new()
    }
}

impl Printer for CsvPrinter {
    fn file(&mut self, out: &mut dyn Write, report: &FileReport) -> io::Result<()> {
        self.header(out)?;
        let mut w = csv::Writer::from_writer(&mut *out);
        for f in &report.findings {
            let cells = row(report, f);
            w.write_record(cells.iter().map(|c| guarded(c).into_owned()))?;
        }
        w.flush()
    }

    fn finish(&mut self, out: &mut dyn Write, _summary: &Summary) -> io::Result<()> {
        // A run without any file still gives a header, so the output is
        // always a well-formed table.
        self.header(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_like_cells_are_guarded() {
        assert_eq!(guarded("=SUM(A1)"), "'=SUM(A1)");
        assert_eq!(guarded("-5 is negative"), "'-5 is negative");
        assert_eq!(guarded("@x"), "'@x");
        assert_eq!(guarded("plain"), "plain");
        assert_eq!(guarded(""), "");
    }
}
