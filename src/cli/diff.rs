//! `article7 diff OLD NEW`: what changed between two reports of one State.

use super::{fail, Sink, EXIT_FINDINGS, EXIT_OK};
use article7::diff::{self, Diff, Kind};
use article7::source::Source;
use clap::{Args, ValueEnum};
use html_escape::encode_text as esc;
use serde_json::Value;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Output formats of `diff`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DiffFormat {
    /// One line per change, grouped by form.
    Human,
    /// One JSON document.
    Json,
    /// One self-contained page.
    Html,
}

#[derive(Debug, Args)]
pub struct DiffArgs {
    /// The older report (JSON, XML or Excel).
    old: PathBuf,
    /// The newer report.
    new: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value = "human")]
    format: DiffFormat,
    /// Write the output to FILE instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
}

fn read(path: &Path) -> Result<Value, String> {
    let source = Source::read(path)?;
    let ingested = article7::format::load(&source);
    ingested.document.map(|d| d.value).ok_or_else(|| {
        ingested
            .findings
            .first()
            .map_or_else(|| "cannot be read".to_owned(), |f| f.message.clone())
    })
}

/// Exit status 0 when the reports are the same, 1 when they differ (as
/// `diff(1)`), 2 when one cannot be read.
pub fn run(args: DiffArgs) -> u8 {
    let old = match read(&args.old) {
        Ok(v) => v,
        Err(e) => return fail(&format!("{}: {e}", args.old.display())),
    };
    let new = match read(&args.new) {
        Ok(v) => v,
        Err(e) => return fail(&format!("{}: {e}", args.new.display())),
    };
    let d = diff::diff(
        &args.old.display().to_string(),
        &old,
        &args.new.display().to_string(),
        &new,
    );
    let mut sink = match Sink::open(args.output.as_deref()) {
        Ok(s) => s,
        Err(e) => return fail(&format!("cannot write the output: {e}")),
    };
    let written = match args.format {
        DiffFormat::Human => human(&mut sink, &d),
        DiffFormat::Json => serde_json::to_writer_pretty(&mut sink, &d)
            .map_err(std::io::Error::other)
            .and_then(|_| writeln!(sink)),
        DiffFormat::Html => html(&mut sink, &d),
    };
    match written.and_then(|_| sink.finish()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {}
        Err(e) => return fail(&format!("cannot write the differences: {e}")),
        Ok(()) => {}
    }
    if d.changes.is_empty() {
        EXIT_OK
    } else {
        EXIT_FINDINGS
    }
}

fn title(d: &Diff) -> String {
    let side = |s: &diff::Side| {
        format!(
            "{} ({} {})",
            s.file,
            s.state.as_deref().unwrap_or("?"),
            s.year.map_or("?".to_owned(), |y| y.to_string())
        )
    };
    format!("{} → {}", side(&d.old), side(&d.new))
}

fn heading(form: &str) -> String {
    match form.trim() {
        "report" => "Cover page".to_owned(),
        f => format!("Form {f}"),
    }
}

fn human(out: &mut dyn Write, d: &Diff) -> std::io::Result<()> {
    writeln!(out, "{}", title(d))?;
    if let Some(w) = &d.warning {
        writeln!(out, "warning: {w}")?;
    }
    if d.changes.is_empty() {
        return writeln!(out, "no change");
    }
    for (form, changes) in d.by_form() {
        writeln!(out, "\n{} ({} changes)", heading(&form), changes.len())?;
        for c in changes {
            let mark = match c.kind {
                Kind::Added => '+',
                Kind::Removed => '-',
                Kind::Changed => '~',
            };
            writeln!(out, "  {mark} {}", c.text)?;
        }
    }
    writeln!(out, "\n{} changes", d.changes.len())
}

fn html(out: &mut dyn Write, d: &Diff) -> std::io::Result<()> {
    let mut page = format!(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>{0}</title>\
<style>body{{font-family:system-ui,sans-serif;margin:2em;max-width:70em}}li.added{{color:#2d6a2d}}li.removed{{color:#a40000}}code{{background:#f3f3f3}}</style>\
</head><body><h1>{0}</h1>\n",
        esc(&title(d))
    );
    if let Some(w) = &d.warning {
        page.push_str(&format!("<p><strong>warning:</strong> {}</p>\n", esc(w)));
    }
    if d.changes.is_empty() {
        page.push_str("<p>no change</p>\n");
    }
    for (form, changes) in d.by_form() {
        page.push_str(&format!(
            "<h2>{} ({})</h2>\n<ul>\n",
            esc(&heading(&form)),
            changes.len()
        ));
        for c in changes {
            let class = match c.kind {
                Kind::Added => "added",
                Kind::Removed => "removed",
                Kind::Changed => "changed",
            };
            page.push_str(&format!(
                "<li class=\"{class}\">{} <code>{}</code></li>\n",
                esc(&c.text),
                esc(&c.pointer)
            ));
        }
        page.push_str("</ul>\n");
    }
    page.push_str("</body></html>\n");
    out.write_all(page.as_bytes())
}
