//! The HTML pages: the upload form, the results, and refusals. Every text
//! that came from an upload (file names, values quoted in messages) is
//! escaped; the pages load only `/static/app.css` and `/static/app.js`
//! from this server, and work without the script.

use super::adapter::{self, Lang};
use super::text::{form_title, t, LANGUAGES, T};
use crate::diagnostics::{Severity, SourceLocation};
use crate::report::{form_of, OutputFormat};
use crate::validator::FileReport;
use base64::Engine as _;
use html_escape::{encode_double_quoted_attribute as attr, encode_text as text};
use std::collections::BTreeMap;
use std::fmt::Write as _;

fn head(lang: &str, title: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\"><head><meta charset=\"utf-8\">\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
<title>{}</title><link rel=\"stylesheet\" href=\"/static/app.css\"><link rel=\"icon\" href=\"/static/favicon.svg\" type=\"image/svg+xml\">\
<script src=\"/static/app.js\" defer></script></head><body>\n",
        text(title)
    )
}

/// The language switch: a link per language to the same page.
fn switch(lang: &str, path: &str) -> String {
    let mut s = format!(
        "<nav class=\"lang\" aria-label=\"{}\">",
        attr(t(T::Language, lang))
    );
    for (code, name) in LANGUAGES.iter().zip(["English", "Français", "Español"]) {
        if *code == lang {
            let _ = write!(s, "<strong lang=\"{code}\">{name}</strong> ");
        } else {
            let _ = write!(
                s,
                "<a lang=\"{code}\" hreflang=\"{code}\" href=\"{path}?lang={code}\">{name}</a> "
            );
        }
    }
    s.push_str("</nav>\n");
    s
}

/// The upload form (also at the top of the results page).
fn form(lang: &str) -> String {
    format!(
        "<form id=\"upload\" method=\"post\" action=\"/validate?lang={lang}\" enctype=\"multipart/form-data\">\n\
<label for=\"files\">{choose}</label>\n\
<div id=\"drop\" class=\"drop\"><input id=\"files\" name=\"file\" type=\"file\" multiple required accept=\".json,.xml,.xlsx,application/json,application/xml,text/xml,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\">\
<span class=\"hint\">{drop}</span></div>\n\
<p class=\"small\">{accepted}</p>\n\
<button type=\"submit\">{submit}</button>\n</form>\n\
<p><a id=\"template\" href=\"/api/template?format=xlsx&amp;lang={lang}\" download>{template}</a> \
(<a href=\"/api/template?format=json&amp;lang={lang}\" download>{json}</a>)</p>\n",
        choose = text(t(T::Choose, lang)),
        drop = text(t(T::Drop, lang)),
        accepted = text(t(T::Accepted, lang)),
        submit = text(t(T::Submit, lang)),
        template = text(t(T::Template, lang)),
        json = text(t(T::TemplateJson, lang)),
    )
}

/// `GET /`.
pub fn index(lang: &str) -> String {
    let mut s = head(lang, t(T::Title, lang));
    s.push_str(&switch(lang, "/"));
    let _ = write!(
        s,
        "<main><h1>{}</h1>\n<p>{}</p>\n",
        text(t(T::Title, lang)),
        text(t(T::Intro, lang))
    );
    s.push_str(&form(lang));
    let _ = write!(
        s,
        "<h2>{}</h2>\n<ul><li>{}</li><li>{}</li><li>{}</li><li>{}</li></ul>\n<p class=\"small\">{}</p>\n</main></body></html>\n",
        text(t(T::Checks, lang)),
        text(t(T::Check1, lang)),
        text(t(T::Check2, lang)),
        text(t(T::Check3, lang)),
        text(t(T::Check4, lang)),
        text(t(T::Privacy, lang)),
    );
    s
}

/// A refusal (wrong type, too large, busy…): the message, a link to the
/// template, and the form again.
pub fn refusal(lang: &str, message: &str) -> String {
    let mut s = head(lang, t(T::Title, lang));
    s.push_str(&switch(lang, "/"));
    let _ = write!(
        s,
        "<main><h1>{}</h1>\n<p class=\"refusal\" role=\"alert\">{}</p>\n",
        text(t(T::Title, lang)),
        text(message)
    );
    s.push_str(&form(lang));
    s.push_str("</main></body></html>\n");
    s
}

/// "1 erreur", "0 avertissement", "2 errors": French takes the singular
/// below 2, English and Spanish for 1 only.
fn counted(n: usize, severity: Severity, lang: &str) -> String {
    let singular = if lang == "fr" { n < 2 } else { n == 1 };
    let word = if singular {
        t(T::Sev(severity), lang)
    } else {
        t(
            match severity {
                Severity::Error => T::Errors,
                Severity::Warning => T::Warnings,
                Severity::Info => T::Infos,
            },
            lang,
        )
    };
    format!("{n} {word}")
}

fn severity_word(s: Severity, lang: &str) -> &'static str {
    t(T::Sev(s), lang)
}

fn place(location: Option<&SourceLocation>, lang: &str) -> String {
    match location {
        Some(SourceLocation::Text { line, column, .. }) => format!(
            "{} {line}, {} {column}",
            t(T::Line, lang),
            t(T::Column, lang)
        ),
        Some(SourceLocation::Cell {
            sheet,
            cell,
            header,
            ..
        }) => {
            let mut s = format!("{} {sheet}, {} {cell}", t(T::Sheet, lang), t(T::Cell, lang));
            if let Some(h) = header {
                let _ = write!(s, " ({h})");
            }
            s
        }
        None => String::new(),
    }
}

fn data_uri(mime: &str, bytes: &[u8]) -> String {
    format!(
        "data:{mime};base64,{}",
        base64::engine::general_purpose::STANDARD.encode(bytes)
    )
}

/// `POST /validate`: the results of `reports`, with downloads of the same
/// results as JSON, SARIF and HTML (inside the page, as `data:` links, so
/// nothing has to be kept on the server for a later download).
pub fn results(lang_set: &Lang, reports: &[FileReport]) -> String {
    let lang = lang_set.options.lang.as_str();
    let mut s = head(lang, t(T::Results, lang));
    s.push_str(&switch(lang, "/"));
    let summary = adapter::summary(reports);
    let _ = write!(
        s,
        "<main><h1>{}</h1>\n<p id=\"summary\" class=\"summary\">{}</p>\n<p class=\"downloads\">{} ",
        text(t(T::Results, lang)),
        text(&adapter::summary_line(&summary, lang)),
        text(t(T::Download, lang)),
    );
    for (format, label, mime, ext) in [
        (OutputFormat::Json, "JSON", "application/json", "json"),
        (
            OutputFormat::Sarif,
            "SARIF",
            "application/sarif+json",
            "sarif",
        ),
        (OutputFormat::Html, "HTML", "text/html", "html"),
    ] {
        let bytes = adapter::render(lang_set, format, reports);
        let _ = write!(
            s,
            "<a class=\"download\" id=\"download-{ext}\" download=\"article7-results.{ext}\" href=\"{}\">{label}</a> ",
            data_uri(mime, &bytes)
        );
    }
    s.push_str("</p>\n");
    for (i, r) in reports.iter().enumerate() {
        file_section(&mut s, lang_set, r, i + 1);
    }
    let _ = write!(
        s,
        "<h2>{}</h2>\n{}</main></body></html>\n",
        text(t(T::Again, lang)),
        form(lang)
    );
    s
}

fn file_section(s: &mut String, lang_set: &Lang, r: &FileReport, index: usize) {
    let lang = lang_set.options.lang.as_str();
    let count = |sev: Severity| r.findings.iter().filter(|f| f.severity == sev).count();
    let (e, w, i) = (
        count(Severity::Error),
        count(Severity::Warning),
        count(Severity::Info),
    );
    let status = if e > 0 {
        "error"
    } else if w + i > 0 {
        "warning"
    } else {
        "ok"
    };
    let _ = write!(
        s,
        "<section class=\"file\" id=\"file-{index}\"><h2 class=\"{status}\">{}</h2>\n\
<p class=\"counts\"><span class=\"error\">{}</span> · <span class=\"warning\">{}</span> · <span class=\"info\">{}</span></p>\n",
        text(&r.file),
        text(&counted(e, Severity::Error, lang)),
        text(&counted(w, Severity::Warning, lang)),
        text(&counted(i, Severity::Info, lang)),
    );
    if !r.skipped.is_empty() {
        let _ = write!(
            s,
            "<details class=\"skipped\"><summary>{} ({})</summary><ul>",
            text(t(T::NotRun, lang)),
            r.skipped.len()
        );
        for k in &r.skipped {
            let _ = write!(
                s,
                "<li><code>{}</code> {}</li>",
                text(&k.rule),
                text(&k.reason.text(lang))
            );
        }
        s.push_str("</ul></details>\n");
    }
    if r.findings.is_empty() {
        let _ = writeln!(
            s,
            "<p class=\"ok\">{}</p></section>",
            text(t(T::NoProblem, lang))
        );
        return;
    }
    let mut by_form: BTreeMap<Option<&str>, Vec<_>> = BTreeMap::new();
    for f in &r.findings {
        by_form.entry(form_of(&f.pointer)).or_default().push(f);
    }
    for (form, findings) in by_form {
        let _ = write!(
            s,
            "<h3>{}</h3>\n<table class=\"findings\"><thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>\n",
            text(&form_title(form, lang)),
            text(t(T::SeverityHead, lang)),
            text(t(T::Rule, lang)),
            text(t(T::Problem, lang)),
            text(t(T::Where, lang)),
            text(t(T::Fix, lang)),
        );
        for f in findings {
            let sev = f.severity.as_str();
            let rule = match adapter::rule_meta(lang_set, &f.rule) {
                Some(m) => {
                    let mut d = format!(
                        "<details class=\"explain\"><summary><code>{}</code></summary><p><strong>{}</strong></p><p><em>{}</em> {}</p>",
                        text(&m.doc.id),
                        text(m.doc.title_in(lang)),
                        text(t(T::Why, lang)),
                        text(m.doc.why_in(lang).trim()),
                    );
                    if !m.doc.references.is_empty() {
                        let _ = write!(
                            d,
                            "<p><em>{}</em> {}</p>",
                            text(t(T::Basis, lang)),
                            text(&m.doc.references.join("; "))
                        );
                    }
                    d.push_str("</details>");
                    d
                }
                None => format!("<code>{}</code>", text(&f.rule)),
            };
            let mut row = String::new();
            if let Some(SourceLocation::Cell { row_values, .. }) = &f.location {
                if !row_values.is_empty() {
                    let items: Vec<String> = row_values
                        .iter()
                        .map(|(k, v)| format!("{k} = {v}"))
                        .collect();
                    row = format!(
                        "<br><small>{}: {}</small>",
                        text(t(T::Row, lang)),
                        text(&items.join(" | "))
                    );
                }
            }
            let _ = writeln!(
                s,
                "<tr class=\"finding\"><td class=\"{sev}\">{}</td><td>{rule}</td><td class=\"message\">{}</td><td class=\"place\">{}<br><code>{}</code>{row}</td><td>{}</td></tr>",
                text(severity_word(f.severity, lang)),
                text(&f.message),
                text(&place(f.location.as_ref(), lang)),
                text(&f.pointer),
                text(f.help.as_deref().unwrap_or("")),
            );
        }
        s.push_str("</tbody></table>\n");
    }
    s.push_str("</section>\n");
}
