//! `--format github`: GitHub Actions workflow commands, one per finding
//! (`::error file=…,line=…,col=…,title=…::message`).

use super::{Printer, Summary};
use crate::diagnostics::{Severity, SourceLocation};
use crate::validator::FileReport;
use std::io::{self, Write};

/// Writes workflow commands.
pub struct GithubPrinter;

/// Escapes a command's message (GitHub's rules: `%`, CR, LF).
fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a command property (also `:` and `,`).
fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

impl Printer for GithubPrinter {
    fn file(&mut self, out: &mut dyn Write, report: &FileReport) -> io::Result<()> {
        for f in &report.findings {
            let level = match f.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Info => "notice",
            };
            let mut props = vec![format!("file={}", escape_property(&report.file))];
            match &f.location {
                Some(SourceLocation::Text { line, column, .. }) => {
                    props.push(format!("line={line}"));
                    props.push(format!("col={column}"));
                }
                Some(loc @ SourceLocation::Cell { .. }) => {
                    props.push(format!(
                        "title={}",
                        escape_property(&format!("{} at {loc}", f.rule))
                    ));
                }
                None => {}
            }
            if !matches!(f.location, Some(SourceLocation::Cell { .. })) {
                props.push(format!(
                    "title={}",
                    escape_property(&format!("{} {}", f.rule, f.name))
                ));
            }
            let mut message = format!("{} ({})", f.message, f.pointer);
            if let Some(p) = report.profile {
                message.push_str(&format!("\nprofile: {p}"));
            }
            if let Some(h) = &f.help {
                message.push_str(&format!("\nhelp: {h}"));
            }
            writeln!(
                out,
                "::{level} {}::{}",
                props.join(","),
                escape_data(&message)
            )?;
        }
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, s: &Summary) -> io::Result<()> {
        writeln!(out, "article7: {}", s.line("en"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_like_the_actions_toolkit() {
        assert_eq!(escape_data("50%\nnext"), "50%25%0Anext");
        assert_eq!(escape_property("a:b,c"), "a%3Ab%2Cc");
    }
}
