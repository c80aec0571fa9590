//! `--format html`: one self-contained page (no script, no external
//! resource) for people who never use a terminal: an overview table, then
//! per file the findings grouped by form, with the values and the fix.
//! Every string that came from a report is escaped.

use super::{form_of, PrintOptions, Printer, Summary};
use crate::diagnostics::{Severity, SourceLocation};
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
code{background:#f3f3f3;padding:0 .2em}h2{margin-top:2em;border-bottom:1px solid #ccc}";

fn form_title(form: Option<&str>) -> String {
    match form {
        Some("A") => "Form A — national implementation measures".into(),
        Some("B") => "Form B — stockpiled anti-personnel mines".into(),
        Some("C") => "Form C — mined areas".into(),
        Some("D") => "Form D — mines retained or transferred".into(),
        Some("E") => "Form E — production facilities".into(),
        Some("F") => "Form F — destruction programmes".into(),
        Some("G") => "Form G — mines destroyed".into(),
        Some("H") => "Form H — technical characteristics".into(),
        Some("I") => "Form I — warning the population".into(),
        Some("J") => "Form J — other relevant matters".into(),
        Some(other) => format!("Form {other}"),
        None => "Cover page and whole report".into(),
    }
}

impl Printer for HtmlPrinter {
    fn file(&mut self, _out: &mut dyn Write, report: &FileReport) -> io::Result<()> {
        self.index += 1;
        let id = format!("file-{}", self.index);
        let count = |s: Severity| report.findings.iter().filter(|f| f.severity == s).count();
        let (e, w, i) = (
            count(Severity::Error),
            count(Severity::Warning),
            count(Severity::Info),
        );
        let status = if e > 0 {
            "<span class=\"error\">errors</span>"
        } else if w + i > 0 {
            "<span class=\"warning\">to review</span>"
        } else {
            "<span class=\"ok\">valid</span>"
        };
        let _ = writeln!(
            self.overview,
            "<tr><td><a href=\"#{id}\">{}</a></td><td>{status}</td><td>{e}</td><td>{w}</td><td>{i}</td></tr>",
            text(&report.file)
        );
        let _ = writeln!(self.body, "<h2 id=\"{id}\">{}</h2>", text(&report.file));
        if let Some(p) = report.profile {
            let _ = writeln!(self.body, "<p>Profile: {}</p>", text(p.params().name));
        }
        if report.findings.is_empty() {
            self.body
                .push_str("<p class=\"ok\">No problem found.</p>\n");
            return Ok(());
        }
        let mut by_form: BTreeMap<Option<&str>, Vec<_>> = BTreeMap::new();
        for f in &report.findings {
            by_form.entry(form_of(&f.pointer)).or_default().push(f);
        }
        for (form, findings) in by_form {
            let _ = writeln!(self.body, "<h3>{}</h3>\n<table><tr><th>severity</th><th>rule</th><th>problem</th><th>where</th><th>how to fix</th></tr>", text(&form_title(form)));
            for f in findings {
                let place = match &f.location {
                    Some(SourceLocation::Text { line, column, .. }) => {
                        format!("line {line}, column {column}")
                    }
                    Some(SourceLocation::Cell {
                        sheet,
                        cell,
                        header,
                        ..
                    }) => match header {
                        Some(h) => format!("sheet {sheet}, cell {cell} ({h})"),
                        None => format!("sheet {sheet}, cell {cell}"),
                    },
                    None => String::new(),
                };
                let mut row_values = String::new();
                if let Some(SourceLocation::Cell { row_values: rv, .. }) = &f.location {
                    if !rv.is_empty() {
                        let items: Vec<String> =
                            rv.iter().map(|(k, v)| format!("{k} = {v}")).collect();
                        row_values =
                            format!("<br><small>row: {}</small>", text(&items.join(" | ")));
                    }
                }
                let _ = writeln!(
                    self.body,
                    "<tr><td class=\"{sev}\">{sev}</td><td title=\"{name}\"><code>{rule}</code></td><td>{msg}</td><td>{place}<br><code>{ptr}</code>{row_values}</td><td>{help}</td></tr>",
                    sev = f.severity.as_str(),
                    name = attr(&f.name),
                    rule = text(&f.rule),
                    msg = text(&f.message),
                    place = text(&place),
                    ptr = text(&f.pointer),
                    help = text(f.help.as_deref().unwrap_or("")),
                );
            }
            self.body.push_str("</table>\n");
        }
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, s: &Summary) -> io::Result<()> {
        write!(
            out,
            "<!DOCTYPE html>\n<html lang=\"{}\"><head><meta charset=\"utf-8\">\
<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\
<title>article7 validation report</title><style>{STYLE}</style></head><body>\n\
<h1>Article 7 report validation</h1>\n<p>{}. Catalogue {} ({}), article7 {}.</p>\n\
<table><tr><th>file</th><th>status</th><th>errors</th><th>warnings</th><th>infos</th></tr>\n{}</table>\n{}</body></html>\n",
            text(&self.options.lang),
            text(&s.line(&self.options.lang)),
            text(&self.options.catalogue_version),
            text(&self.options.catalogue_hash),
            env!("CARGO_PKG_VERSION"),
            self.overview,
            self.body
        )
    }
}
