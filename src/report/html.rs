//! `--format html`: one self-contained page (no script, no external
//! resource) for people who never use a terminal: an overview table, then
//! per file the findings grouped by form, with the values and the fix.
//! Every string that came from a report is escaped.

use super::{form_of, PrintOptions, Printer, Summary};
use crate::diagnostics::{Severity, SourceLocation};
use crate::i18n::MessageKey;
use crate::validator::FileReport;
use html_escape::{encode_double_quoted_attribute as attr, encode_text as text};
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::{self, Write};

/// Builds the page, writes it at the end.
pub struct HtmlPrinter {
    options: PrintOptions,
    overview: String,
    body: String,
    index: usize,
}

impl HtmlPrinter {
    /// A printer for a run.
    pub fn new(options: PrintOptions) -> HtmlPrinter {
        HtmlPrinter {
            options,
            overview: String::new(),
            body: String::new(),
            index: 0,
        }
    }
}

const STYLE: &str = "body{font-family:system-ui,sans-serif;margin:2em;max-width:70em;color:#222}\
table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:.3em .6em;text-align:left;vertical-align:top}\
.error{color:#a40000}.warning{color:#8a5a00}.info{color:#1f4e8c}.ok{color:#2d6a2d}\
code{background:#f3f3f3;padding:0 .2em}h2{margin-top:2em;border-bottom:1px solid #ccc}\
details{margin-top:.3em;color:#555}summary{cursor:pointer;font-size:.85em}";

fn t(lang: &str, id: &str) -> String {
    crate::i18n::lookup(lang, id).unwrap_or_else(|| id.to_owned())
}

fn form_title(form: Option<&str>, lang: &str) -> String {
    match form {
        Some(f @ ("A" | "B" | "C" | "D" | "E" | "F" | "G" | "H" | "I" | "J")) => {
            t(lang, &format!("html-form-{f}"))
        }
        Some(other) => {
            crate::i18n::text(lang, &MessageKey::new("html-form-other").arg("form", other))
        }
        None => t(lang, "html-form-none"),
    }
}

/// Escaped text with `code` spans shown as code, not as raw backticks.
fn rich(s: &str) -> String {
    let mut out = String::new();
    for (i, part) in s.split('`').enumerate() {
        if i % 2 == 1 {
            let _ = write!(out, "<code>{}</code>", text(part));
        } else {
            out.push_str(&text(part));
        }
    }
    // An odd number of backticks: the last one was text.
    if s.matches('`').count() % 2 == 1 {
        return text(s).into_owned();
    }
    out
}

/// The severity's name in `lang`.
pub(super) fn severity_name(severity: Severity, lang: &str) -> String {
    t(lang, &format!("severity-{}", severity.as_str()))
}

impl Printer for HtmlPrinter {
    fn file(&mut self, _out: &mut dyn Write, report: &FileReport) -> io::Result<()> {
        let lang = self.options.lang.clone();
        let lang = lang.as_str();
        self.index += 1;
        let id = format!("file-{}", self.index);
        let count = |s: Severity| report.findings.iter().filter(|f| f.severity == s).count();
        let (e, w, i) = (
            count(Severity::Error),
            count(Severity::Warning),
            count(Severity::Info),
        );
        let status = if e > 0 {
            format!(
                "<span class=\"error\">{}</span>",
                t(lang, "html-status-errors")
            )
        } else if w + i > 0 {
            format!(
                "<span class=\"warning\">{}</span>",
                t(lang, "html-status-review")
            )
        } else {
            format!("<span class=\"ok\">{}</span>", t(lang, "html-status-valid"))
        };
        let _ = writeln!(
            self.overview,
            "<tr><td><a href=\"#{id}\">{}</a></td><td>{status}</td><td>{e}</td><td>{w}</td><td>{i}</td></tr>",
            text(&report.file)
        );
        let _ = writeln!(self.body, "<h2 id=\"{id}\">{}</h2>", text(&report.file));
        if let Some(p) = report.profile {
            let line = crate::i18n::text(
                lang,
                &MessageKey::new("html-profile").arg("name", super::profile_name(p, lang)),
            );
            let _ = writeln!(self.body, "<p>{}</p>", text(&line));
        }
        if self.options.show_skipped && !report.skipped.is_empty() {
            let (heading, lines) = super::human::skipped_lines(report, &self.options.rules, lang);
            let _ = write!(
                self.body,
                "<details class=\"skipped\"><summary>{}</summary><ul>",
                rich(&heading)
            );
            for line in lines {
                let _ = write!(self.body, "<li>{}</li>", rich(&line));
            }
            self.body.push_str("</ul></details>\n");
        }
        if report.findings.is_empty() {
            let _ = writeln!(
                self.body,
                "<p class=\"ok\">{}</p>",
                t(lang, "html-no-problem")
            );
            return Ok(());
        }
        if let Some(line) = super::human::not_checked(report, lang) {
            let _ = writeln!(self.body, "<p class=\"warning\">{}</p>", text(&line));
        }
        let mut by_form: BTreeMap<Option<&str>, Vec<_>> = BTreeMap::new();
        for f in &report.findings {
            by_form.entry(form_of(&f.pointer)).or_default().push(f);
        }
        for (form, findings) in by_form {
            let _ = writeln!(
                self.body,
                "<h3>{}</h3>\n<table><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr>",
                text(&form_title(form, lang)),
                t(lang, "html-severity"),
                t(lang, "html-rule"),
                t(lang, "html-problem"),
                t(lang, "html-where"),
                t(lang, "html-fix"),
            );
            for f in findings {
                let place = match &f.location {
                    Some(SourceLocation::Text { line, column, .. }) => crate::i18n::text(
                        lang,
                        &MessageKey::new("html-at-line")
                            .arg("line", *line)
                            .arg("column", *column),
                    ),
                    Some(SourceLocation::Cell {
                        sheet,
                        cell,
                        header,
                        ..
                    }) => {
                        let at = crate::i18n::text(
                            lang,
                            &MessageKey::new("html-at-cell")
                                .arg("sheet", sheet.as_str())
                                .arg("cell", cell.as_str()),
                        );
                        match header {
                            Some(h) => format!("{h} ({at})"),
                            None => at,
                        }
                    }
                    None => String::new(),
                };
                let mut row_values = String::new();
                if let Some(SourceLocation::Cell { row_values: rv, .. }) = &f.location {
                    if !rv.is_empty() {
                        let items: Vec<String> = rv
                            .iter()
                            .map(|(k, v)| format!("{k} = {}", super::local_dates(v, lang)))
                            .collect();
                        let line = crate::i18n::text(
                            lang,
                            &MessageKey::new("row-values").arg("values", items.join(" | ")),
                        );
                        row_values = format!("<br><small>{}</small>", text(&line));
                    }
                }
                let pointer = if f.pointer.is_empty() {
                    String::new()
                } else {
                    format!(
                        "<details><summary>{}</summary><small>{}</small> <code>{}</code></details>",
                        t(lang, "html-details"),
                        t(lang, "html-pointer"),
                        text(&f.pointer)
                    )
                };
                let _ = writeln!(
                    self.body,
                    "<tr><td class=\"{sev}\">{sev_name}</td><td title=\"{name}\"><code>{rule}</code></td><td>{msg}</td><td>{place}{row_values}{pointer}</td><td>{help}</td></tr>",
                    sev = f.severity.as_str(),
                    sev_name = text(&severity_name(f.severity, lang)),
                    name = attr(&f.name),
                    rule = text(&f.rule),
                    msg = rich(&super::local_dates(&f.message, lang)),
                    place = text(&place),
                    help = rich(f.help.as_deref().unwrap_or("")),
                );
            }
            self.body.push_str("</table>\n");
        }
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, s: &Summary) -> io::Result<()> {
        let lang = self.options.lang.as_str();
        let catalogue = crate::i18n::text(
            lang,
            &MessageKey::new("html-catalogue")
                .arg("version", self.options.catalogue_version.as_str())
                .arg("hash", self.options.catalogue_hash.as_str())
                .arg("tool", env!("CARGO_PKG_VERSION")),
        );
        write!(
            out,
            "<!DOCTYPE html>\n<html lang=\"{}\"><head><meta charset=\"utf-8\">\
<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\
<title>{}</title><style>{STYLE}</style></head><body>\n\
<h1>{}</h1>\n<p>{}. {}</p>\n\
<table><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr>\n{}</table>\n{}</body></html>\n",
            text(lang),
            text(&t(lang, "html-title")),
            text(&t(lang, "html-heading")),
            text(&s.line(lang)),
            text(&catalogue),
            t(lang, "html-file"),
            t(lang, "html-status"),
            t(lang, "html-errors"),
            t(lang, "html-warnings"),
            t(lang, "html-infos"),
            self.overview,
            self.body
        )
    }
}
