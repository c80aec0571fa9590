//! Output formats. One printer per format behind the [`Printer`] trait; the
//! batch hands each printer the files' results in input order.

pub mod csv;
pub mod filter;
mod github;
mod html;
mod human;
mod json;
mod jsonl;
mod junit;
mod sarif;
pub mod xlsx;

pub use human::HumanPrinter;
pub use json::JsonPrinter;

use crate::diagnostics::{Diagnostic, Severity};
use crate::rules::catalogue::CATALOGUE_VERSION;
use crate::rules::{Engine, RuleDoc};
use crate::validator::FileReport;
use serde::Serialize;
use std::io::{self, Write};
use std::sync::Arc;

/// Moved to [`crate::i18n`] (number formatting is a matter of language).
pub use crate::i18n::thousands;

/// The output formats `validate --format` offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutputFormat {
    /// Diagnostics with source snippets, then a summary (for people).
    Human,
    /// One JSON document (for programs).
    Json,
    /// One finding per line, streamed as files finish (very large batches).
    Jsonl,
    /// SARIF 2.1.0 (code-scanning tools).
    Sarif,
    /// JUnit XML: a test suite per file, a failing case per finding.
    Junit,
    /// GitHub Actions workflow commands.
    Github,
    /// One self-contained HTML page.
    Html,
    /// One row per finding (file, State, year, rule, severity, form, place, message).
    Csv,
    /// An Excel workbook, one row per finding (the columns of csv).
    Xlsx,
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
    /// Findings accepted by a waiver (counted here only, so they never
    /// reach `--fail-on`).
    pub waived: usize,
    /// Files a folder walk left out because of their extension.
    pub skipped_files: Vec<String>,
    /// Findings counted above but not shown (`--min-severity`).
    #[serde(skip_serializing_if = "is_zero")]
    pub hidden: usize,
    /// Rules that did not run, over all files, when the run counts them
    /// (`--show-skipped`); the JSON output lists them per file instead.
    #[serde(skip)]
    pub skipped_checks: Option<usize>,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

impl Summary {
    /// Adds one file's findings.
    pub fn add(&mut self, report: &FileReport) {
        self.files += 1;
        if report.findings.iter().any(Diagnostic::means_unread) {
            self.unreadable += 1;
        }
        for f in &report.findings {
            if f.suppression.is_some() {
                self.waived += 1;
                continue;
            }
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

/// A run's output in one format: localises each file's built-in findings
/// into the run's language (the one place this happens), counts them, and
/// hands them to the format's printer.
pub struct Output {
    printer: Box<dyn Printer>,
    lang: String,
    summary: Summary,
    /// Whether the format shows waived findings (as suppressions); the
    /// others leave them out and count them in the summary.
    shows_waived: bool,
    filter: filter::FindingFilter,
    show: Option<filter::SeverityFilter>,
    show_skipped: bool,
}

impl Output {
    /// The output of `format`, with `options`.
    pub fn new(format: OutputFormat, options: &PrintOptions) -> Output {
        Output {
            printer: printer(format, options),
            lang: options.lang.clone(),
            summary: Summary::default(),
            shows_waived: matches!(
                format,
                OutputFormat::Json | OutputFormat::Jsonl | OutputFormat::Sarif
            ),
            filter: options.filter.clone(),
            show: options.show,
            show_skipped: options.show_skipped,
        }
    }

    /// Records the files a folder walk left out, for the summary.
    pub fn skipped_files(&mut self, files: Vec<String>) {
        self.summary.skipped_files = files;
    }

    /// Writes one file's results (files come in input order).
    pub fn file(&mut self, out: &mut dyn Write, mut report: FileReport) -> io::Result<()> {
        self.filter.apply(&mut report);
        for f in &mut report.findings {
            f.localize(&self.lang);
        }
        self.summary.add(&report);
        if self.show_skipped {
            *self.summary.skipped_checks.get_or_insert(0) += report.skipped.len();
        }
        if !self.shows_waived {
            report.findings.retain(|f| f.suppression.is_none());
        }
        match &self.show {
            Some(show) => {
                let (shown, hidden) = show.shown(&report);
                self.summary.hidden += hidden;
                self.printer.file(out, &shown)
            }
            None => self.printer.file(out, &report),
        }
    }

    /// The counts so far.
    pub fn summary(&self) -> &Summary {
        &self.summary
    }

    /// Writes what comes after the last file and returns the run's counts.
    pub fn finish(mut self, out: &mut dyn Write) -> io::Result<Summary> {
        self.printer.finish(out, &self.summary)?;
        Ok(self.summary)
    }
}

/// A rule as printers describe it (SARIF, HTML, JSON): its documentation
/// and the severity its findings get in this run.
#[derive(Debug, Clone)]
pub struct RuleEntry {
    /// What the catalogue says about it (texts in every language).
    pub doc: Arc<RuleDoc>,
    /// Severity after overrides.
    pub severity: Severity,
}

/// What every printer may need to know about the run.
#[derive(Debug, Clone, Default)]
pub struct PrintOptions {
    /// Use colours and Unicode drawing (human format on a terminal).
    pub color: bool,
    /// Print only the summary.
    pub quiet: bool,
    /// The lowest severity that fails the run (`None` = never).
    pub fail_on: Option<Severity>,
    /// Version of the rule catalogue.
    pub catalogue_version: String,
    /// Content hash of the rule files used.
    pub catalogue_hash: String,
    /// The rules of the catalogue, in catalogue order.
    pub rules: Vec<RuleEntry>,
    /// Language of labels and summaries (`en`, `fr`, `es`).
    pub lang: String,
    /// `--select`/`--ignore`: findings dropped from the run.
    pub filter: filter::FindingFilter,
    /// `--min-severity`: findings counted but not shown.
    pub show: Option<filter::SeverityFilter>,
    /// `--show-skipped`: the human and HTML outputs list the rules that did
    /// not run on each file, with the reason, and the summary counts them.
    pub show_skipped: bool,
}

impl PrintOptions {
    /// What the printers need to know about `engine`'s catalogue (version,
    /// hash, each rule's documentation and effective severity), in `lang`;
    /// the other options keep their defaults.
    pub fn for_engine(engine: &Engine, lang: &str) -> PrintOptions {
        PrintOptions {
            catalogue_version: CATALOGUE_VERSION.to_owned(),
            catalogue_hash: engine.catalogue.hash.clone(),
            rules: engine
                .catalogue
                .rules
                .iter()
                .map(|r| RuleEntry {
                    doc: Arc::clone(&r.doc),
                    severity: engine.severity_of(r),
                })
                .collect(),
            lang: lang.to_owned(),
            ..PrintOptions::default()
        }
    }
}

impl Summary {
    /// The one-line summary in `lang`: "3 files checked: 1 error, …".
    pub fn line(&self, lang: &str) -> String {
        use crate::i18n::{text, MessageKey};
        let mut line = text(
            lang,
            &MessageKey::new("summary")
                .arg("files", self.files)
                .arg("errors", self.errors)
                .arg("warnings", self.warnings)
                .arg("infos", self.infos),
        );
        if self.unreadable > 0 {
            line.push_str(&text(
                lang,
                &MessageKey::new("summary-unreadable").arg("count", self.unreadable),
            ));
        }
        if self.waived > 0 {
            line.push_str(&text(
                lang,
                &MessageKey::new("summary-waived").arg("count", self.waived),
            ));
        }
        if !self.skipped_files.is_empty() {
            line.push_str(&text(
                lang,
                &MessageKey::new("summary-skipped")
                    .arg("count", self.skipped_files.len())
                    .arg("files", self.skipped_files.join(", ")),
            ));
        }
        if self.hidden > 0 {
            line.push_str(&filter::hidden_note(lang, self.hidden));
        }
        if let Some(count) = self.skipped_checks.filter(|n| *n > 0) {
            line.push_str(&text(
                lang,
                &MessageKey::new("summary-checks-skipped").arg("count", count),
            ));
        }
        line
    }
}

/// The printer for `format`.
pub fn printer(format: OutputFormat, options: &PrintOptions) -> Box<dyn Printer> {
    match format {
        OutputFormat::Human => Box::new(HumanPrinter::new(options.clone())),
        OutputFormat::Json => Box::new(JsonPrinter::new(options.clone())),
        OutputFormat::Jsonl => Box::new(jsonl::JsonlPrinter),
        OutputFormat::Sarif => Box::new(sarif::SarifPrinter::new(options.clone())),
        OutputFormat::Junit => Box::new(junit::JunitPrinter::new(options.clone())),
        OutputFormat::Github => Box::new(github::GithubPrinter),
        OutputFormat::Html => Box::new(html::HtmlPrinter::new(options.clone())),
        OutputFormat::Csv => Box::new(csv::CsvPrinter::new()),
        OutputFormat::Xlsx => Box::new(xlsx::XlsxPrinter::new()),
    }
}

/// A stable fingerprint of a finding: the same file, rule and pointer give
/// the same value across runs and machines (64-bit FNV-1a, hex).
pub fn fingerprint(file: &str, rule: &str, pointer: &str) -> String {
    use std::hash::Hasher;
    let mut h = fnv::FnvHasher::default();
    for part in [file, "\0", rule, "\0", pointer] {
        h.write(part.as_bytes());
    }
    format!("{:016x}", h.finish())
}

/// Calendar dates written `YYYY-MM-DD` in a message for people, as French
/// and Spanish readers write them (`30/04/2020`); English, and dates inside
/// backticks (a form to type, such as `2019-12-31`), stay as they are.
/// Machine outputs (JSON, SARIF) never go through this.
pub fn local_dates<'a>(text: &'a str, lang: &str) -> std::borrow::Cow<'a, str> {
    if !matches!(lang, "fr" | "es") || !text.bytes().any(|b| b == b'-') {
        return std::borrow::Cow::Borrowed(text);
    }
    let b = text.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    let number = |r: std::ops::Range<usize>| text[r].parse::<u32>().unwrap_or(0);
    let joined = |i: usize| b[i].is_ascii_alphanumeric() || matches!(b[i], b'-' | b'/' | b'.');
    let mut out = String::with_capacity(text.len());
    let (mut i, mut code, mut copied) = (0, false, 0);
    while i < b.len() {
        if b[i] == b'`' {
            code = !code;
        }
        let is_date = !code
            && i + 10 <= b.len()
            && digits(i..i + 4)
            && b[i + 4] == b'-'
            && digits(i + 5..i + 7)
            && b[i + 7] == b'-'
            && digits(i + 8..i + 10)
            && (1..=12).contains(&number(i + 5..i + 7))
            && (1..=31).contains(&number(i + 8..i + 10))
            && (i == 0 || !joined(i - 1))
            && (i + 10 == b.len() || !joined(i + 10) || (b[i + 10] == b'.' && i + 11 == b.len()));
        if is_date {
            out.push_str(&text[copied..i]);
            out.push_str(&format!(
                "{}/{}/{}",
                &text[i + 8..i + 10],
                &text[i + 5..i + 7],
                &text[i..i + 4]
            ));
            i += 10;
            copied = i;
            continue;
        }
        i += 1;
    }
    if copied == 0 {
        return std::borrow::Cow::Borrowed(text);
    }
    out.push_str(&text[copied..]);
    std::borrow::Cow::Owned(out)
}

/// The name of an action plan in `lang` ("Plan d'action de Maputo (2014–2019)").
pub fn profile_name(p: crate::rules::Profile, lang: &str) -> String {
    crate::i18n::lookup(lang, &format!("profile-{}", p.code()))
        .unwrap_or_else(|| p.params().name.to_owned())
}

/// The form a pointer belongs to (`/forms/C/areas/0` → `C`), if any.
pub fn form_of(pointer: &str) -> Option<&str> {
    let rest = pointer.strip_prefix("/forms/")?;
    Some(rest.split('/').next().unwrap_or(rest)).filter(|f| !f.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_for_people_in_french_and_spanish() {
        let m = "the period runs from 2019-01-01 to 2019-12-30.";
        assert_eq!(
            local_dates(m, "fr"),
            "the period runs from 01/01/2019 to 30/12/2019."
        );
        assert_eq!(local_dates(m, "en"), m);
        // A form to type, a code or a number range is not a date to show.
        for kept in [
            "écrivez `2019-12-31`",
            "KHM-2019-01-01x",
            "2019-13-01",
            "1985-1989",
            "2019-01-011",
        ] {
            assert_eq!(local_dates(kept, "es"), kept);
        }
        assert_eq!(
            local_dates("le 2020-04-30, puis", "fr"),
            "le 30/04/2020, puis"
        );
    }

    #[test]
    fn fingerprints_are_stable_across_versions() {
        // Code scanning matches findings across runs by these values: they
        // must never change for the same file, rule and pointer.
        assert_eq!(
            fingerprint(
                "fixtures/examples/rule-finding-b01.json",
                "B01",
                "/forms/B/total"
            ),
            "5d941dedb919fd8d"
        );
    }
}
