//! `--format human`: rustc-style diagnostics with the source snippet (or,
//! for workbooks, the sheet, cell and the row's values), then a summary.

use super::{PrintOptions, Printer, Summary};
use crate::diagnostics::{Diagnostic, Severity, SourceLocation};
use crate::i18n::{text, MessageKey};
use crate::model::LineIndex;
use crate::validator::FileReport;
use miette::{
    GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError, MietteSpanContents,
    SourceCode, SourceSpan, SpanContents,
};
use std::borrow::Cow;
use std::fmt;
use std::io::{self, Write};

/// Renders findings for people.
pub struct HumanPrinter {
    options: PrintOptions,
    handler: GraphicalReportHandler,
}

impl HumanPrinter {
    /// A printer with the given options.
    pub fn new(options: PrintOptions) -> HumanPrinter {
        let theme = if options.color {
            GraphicalTheme::unicode()
        } else {
            GraphicalTheme::unicode_nocolor()
        };
        let handler = GraphicalReportHandler::new_themed(theme)
            .with_links(false)
            .with_width(100)
            .with_context_lines(2);
        HumanPrinter { options, handler }
    }
}

impl Printer for HumanPrinter {
    fn file(&mut self, out: &mut dyn Write, report: &FileReport) -> io::Result<()> {
        if self.options.quiet {
            return Ok(());
        }
        // Every file read says which plan it was held to, clean ones too.
        if let Some(p) = report.profile {
            let line = MessageKey::new("file-profile")
                .arg("file", report.file.as_str())
                .arg("profile", p.code())
                .arg("name", super::profile_name(p, &self.options.lang));
            writeln!(out, "{}", text(&self.options.lang, &line))?;
        }
        if report.findings.is_empty() {
            return Ok(());
        }
        let source = report.text.as_deref().map(|t| IndexedSource {
            name: report.file.clone(),
            text: without_lone_cr(t),
            index: LineIndex::new(t),
        });
        for finding in &report.findings {
            let shown = Shown {
                finding,
                file: &report.file,
                source: source.as_ref(),
                lang: &self.options.lang,
            };
            let mut s = String::new();
            self.handler
                .render_report(&mut s, &shown)
                .map_err(io::Error::other)?;
            out.write_all(s.as_bytes())?;
            writeln!(out)?;
        }
        if let Some(line) = not_checked(report, &self.options.lang) {
            writeln!(out, "{}: {line}\n", report.file)?;
        }
        if self.options.show_skipped && !report.skipped.is_empty() {
            let lang = self.options.lang.as_str();
            let (heading, lines) = skipped_lines(report, &self.options.rules, lang);
            writeln!(out, "{}: {heading}", report.file)?;
            for line in lines {
                writeln!(out, "  - {line}")?;
            }
            writeln!(out)?;
        }
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, s: &Summary) -> io::Result<()> {
        writeln!(out, "{}", s.line(&self.options.lang))
    }
}

/// "31 checks will run once these 14 errors are fixed": the rules skipped
/// because the schema (or the reader) rejected what they read, and the
/// errors that stand in their way; `None` when no rule was held back.
pub(super) fn not_checked(report: &FileReport, lang: &str) -> Option<String> {
    let checks = report
        .skipped
        .iter()
        .filter(|s| s.reason.held_back_by_schema())
        .count();
    let errors = report
        .findings
        .iter()
        .filter(|f| {
            f.severity == Severity::Error
                && (f.rule.starts_with("schema/") || f.rule.starts_with("input/"))
        })
        .count();
    (checks > 0 && errors > 0).then(|| {
        text(
            lang,
            &MessageKey::new("not-checked")
                .arg("checks", checks)
                .arg("errors", errors),
        )
    })
}

/// The rules that did not run on a file, each with its title and the
/// reason in `lang` (`--show-skipped`): a heading ("3 checks did not run")
/// and one line per rule.
pub(super) fn skipped_lines(
    report: &FileReport,
    rules: &[super::RuleEntry],
    lang: &str,
) -> (String, Vec<String>) {
    let heading = text(
        lang,
        &MessageKey::new("skipped-heading").arg("count", report.skipped.len()),
    );
    let lines = report
        .skipped
        .iter()
        .map(|s| {
            let title = rules
                .iter()
                .find(|r| r.doc.id == s.rule)
                .map_or("", |r| r.doc.title_in(lang));
            text(
                lang,
                &MessageKey::new("skipped-line")
                    .arg("rule", s.rule.as_str())
                    .arg("title", title)
                    .arg("reason", skip_reason(report, &s.reason, lang)),
            )
        })
        .collect();
    (heading, lines)
}

/// Why a rule did not run, in `lang`; a value the schema rejected in a
/// workbook is named by its label and cell, as its finding names it.
fn skip_reason(report: &FileReport, reason: &crate::rules::SkipReason, lang: &str) -> String {
    if let crate::rules::SkipReason::ReadsRejected { pointer } = reason {
        let at = report.findings.iter().find_map(|f| match &f.location {
            Some(SourceLocation::Cell {
                sheet,
                cell,
                header: Some(h),
                ..
            }) if &f.pointer == pointer => Some((f, sheet, cell, h)),
            _ => None,
        });
        if let Some((f, sheet, cell, label)) = at {
            let label = text(
                lang,
                &MessageKey::new("field-label").arg("label", label.as_str()),
            );
            if f.rule == "schema/required" {
                // Nothing is written there: name the field and its sheet.
                let sheet = f
                    .key
                    .as_ref()
                    .and_then(|k| k.args.iter().find(|(n, _)| *n == "sheet"))
                    .and_then(|(_, a)| match a {
                        crate::i18n::Arg::Text(s) => Some(s.clone()),
                        _ => None,
                    })
                    .unwrap_or_else(|| sheet.clone());
                return text(
                    lang,
                    &MessageKey::new("skip-needs-missing-cell")
                        .arg("label", label)
                        .arg("sheet", sheet),
                );
            }
            return text(
                lang,
                &MessageKey::new("skip-reads-rejected-cell")
                    .arg("label", label)
                    .arg("sheet", sheet.as_str())
                    .arg("cell", cell.as_str()),
            );
        }
    }
    reason.text(lang)
}

/// A source text with a line index, so that miette reads only the lines
/// around a label (its built-in `str` source rescans the whole file for
/// every label and merges distant labels into one huge snippet).
struct IndexedSource<'t> {
    name: String,
    text: Cow<'t, str>,
    index: LineIndex,
}

impl SourceCode for IndexedSource<'_> {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        before: usize,
        after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let start = span.offset();
        let end = start + span.len();
        if end > self.text.len() {
            return Err(MietteError::OutOfBounds);
        }
        let (first, _) = self.index.line_col(&self.text, start);
        let (last, _) = self.index.line_col(&self.text, end);
        let from_line = first.saturating_sub(before).max(1);
        let to_line = (last + after).min(self.index.line_count());
        let window_start = self.index.line_range(&self.text, from_line).start;
        // Line ranges leave out line breaks, `\r` included: the window still
        // ends no earlier than the span.
        let window_end = self.index.line_range(&self.text, to_line).end.max(end);
        let window = &self.text[window_start..window_end];
        let inner = SourceSpan::new((start - window_start).into(), span.len());
        let contents = window.read_span(&inner, before, after)?;
        let data_start = contents.data().as_ptr() as usize - self.text.as_ptr() as usize;
        // Line and column as the findings count them: miette also breaks
        // lines at a lone `\r`, and counts columns in bytes.
        let (line, column) = self.index.line_col(&self.text, data_start);
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.clone(),
            contents.data(),
            SourceSpan::new(data_start.into(), contents.data().len()),
            line - 1,
            column - 1,
            contents.line_count(),
        )))
    }
}

/// The text with every `\r` that does not end a line (as `\r\n`) shown as a
/// space: miette would break lines there where the findings' line numbers
/// do not, and a terminal would jump back to the start of the line. Same
/// length, so every offset still holds.
fn without_lone_cr(text: &str) -> Cow<'_, str> {
    let bytes = text.as_bytes();
    let lone = |i: usize| bytes[i] == b'\r' && bytes.get(i + 1) != Some(&b'\n');
    if !text.contains('\r') || !(0..bytes.len()).any(lone) {
        return Cow::Borrowed(text);
    }
    let shown: Vec<u8> = (0..bytes.len())
        .map(|i| if lone(i) { b' ' } else { bytes[i] })
        .collect();
    // Only ASCII bytes were replaced, by ASCII: still UTF-8.
    Cow::Owned(String::from_utf8(shown).unwrap_or_else(|_| text.to_owned()))
}

/// One finding as miette sees it.
struct Shown<'a> {
    finding: &'a Diagnostic,
    file: &'a str,
    source: Option<&'a IndexedSource<'a>>,
    lang: &'a str,
}

impl fmt::Debug for Shown<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.finding.message)
    }
}

impl fmt::Display for Shown<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&super::local_dates(&self.finding.message, self.lang))?;
        self.place(f)?;
        if self.lang != "en" {
            if let Some(help) = self.help_text() {
                let line = text(self.lang, &MessageKey::new("help-line").arg("help", help));
                write!(f, "\n  {line}")?;
            }
        }
        Ok(())
    }
}

impl Shown<'_> {
    fn place(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.finding.location {
            Some(SourceLocation::Cell {
                sheet,
                cell,
                header,
                row_values,
            }) => {
                let at = MessageKey::new("at-cell")
                    .arg("file", self.file)
                    .arg("sheet", sheet.as_str())
                    .arg("cell", cell.as_str());
                write!(f, "\n  {}", text(self.lang, &at))?;
                if let Some(h) = header {
                    // The field as the workbook names it (`Période couverte › Au`).
                    write!(f, " — {h}")?;
                }
                if !row_values.is_empty() {
                    let row: Vec<String> = row_values
                        .iter()
                        .map(|(k, v)| format!("{k} = {}", super::local_dates(v, self.lang)))
                        .collect();
                    let line = MessageKey::new("row-values").arg("values", row.join(" | "));
                    write!(f, "\n  {}", text(self.lang, &line))?;
                }
                Ok(())
            }
            Some(SourceLocation::Text { line, column, .. }) if self.source.is_none() => {
                let at = MessageKey::new("at-text")
                    .arg("file", self.file)
                    .arg("line", *line)
                    .arg("column", *column);
                write!(f, "\n  {}", text(self.lang, &at))
            }
            None => {
                let at = MessageKey::new("in-file").arg("file", self.file);
                write!(f, "\n  {}", text(self.lang, &at))
            }
            _ => Ok(()),
        }
    }
}

impl std::error::Error for Shown<'_> {}

impl miette::Diagnostic for Shown<'_> {
    fn code<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        let f = self.finding;
        Some(Box::new(if f.name.is_empty() || f.is_builtin() {
            f.rule.clone()
        } else {
            format!("{}({})", f.rule, f.name)
        }))
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.finding.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
            Severity::Info => miette::Severity::Advice,
        })
    }

    fn help<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        if self.lang != "en" {
            return None;
        }
        self.help_text()
            .map(|help| Box::new(help) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        self.source
            .filter(|_| self.has_text_span())
            .map(|s| s as &dyn SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let Some(SourceLocation::Text { start, end, .. }) = &self.finding.location else {
            return None;
        };
        self.source?;
        let label = if self.finding.pointer.is_empty() {
            text(self.lang, &MessageKey::new("here"))
        } else {
            self.finding.pointer.clone()
        };
        // Long values (whole objects) are underlined at their first line only.
        let text = self.source.map_or("", |s| &s.text);
        let line_end = text[*start..]
            .find(['\n', '\r'])
            .map_or(text.len(), |i| start + i);
        let end = (*end).min(line_end).max(*start);
        let end = start + text[*start..end].trim_end().len();
        Some(Box::new(std::iter::once(
            LabeledSpan::new_primary_with_span(
                Some(label),
                SourceSpan::new((*start).into(), end - start),
            ),
        )))
    }
}

impl Shown<'_> {
    /// The help and the legal basis, as one text.
    fn help_text(&self) -> Option<String> {
        let f = self.finding;
        let mut help = f.help.clone().unwrap_or_default();
        if !f.references.is_empty() {
            if !help.is_empty() {
                help.push('\n');
            }
            let basis = MessageKey::new("basis-line").arg("references", f.references.join("; "));
            help.push_str(&text(self.lang, &basis));
        }
        (!help.is_empty()).then_some(help)
    }

    fn has_text_span(&self) -> bool {
        matches!(self.finding.location, Some(SourceLocation::Text { .. }))
    }
}
