//! Waivers: findings a report repository has decided to accept, each with
//! a justification and optionally an expiry date. A waived finding stays in
//! the output, marked with its waiver (a SARIF suppression, which code
//! scanning understands), and no longer counts towards `--fail-on`.
//!
//! ```toml
//! [[waiver]]
//! rule = "F02"                       # a rule id or built-in code
//! file = "reports/KHM-2019.json"     # a glob, relative to this file's folder
//! pointer = "/forms/F/mine_clearance" # optional: without it, the whole file
//! justification = "re-survey in 2019 reduced the baseline; see the ISU letter of 3 May"
//! expires = 2027-06-30               # optional
//! ```
//!
//! The waivers file is checked like an input: a waiver without a real
//! justification (empty, or the placeholder [`PLACEHOLDER`] that
//! `article7 baseline` writes) is an error, an expired waiver is a warning
//! (and waives nothing), a waiver that matched no finding is an info. These
//! findings come in a [`FileReport`] of their own, named after the file.

use crate::config::{absolute, relative_to, FileError};
use crate::diagnostics::{Diagnostic, Severity, SourceLocation, Suppression};
use crate::model::LineIndex;
use crate::validator::FileReport;
use chrono::NaiveDate;
use globset::{GlobBuilder, GlobMatcher};
use serde::{Deserialize, Serialize};
use std::ops::Range;
use std::path::{Path, PathBuf};
use toml::Spanned;

/// The justification `article7 baseline` writes: a waiver that still has
/// it is an error until someone says why the finding is accepted.
pub const PLACEHOLDER: &str = "TODO: say why this finding is accepted";

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    #[serde(default)]
    waiver: Vec<Spanned<RawWaiver>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawWaiver {
    rule: Spanned<String>,
    file: Spanned<String>,
    #[serde(default)]
    pointer: Option<Spanned<String>>,
    #[serde(default)]
    justification: Option<Spanned<String>>,
    #[serde(default)]
    expires: Option<Spanned<toml::value::Datetime>>,
}

/// One checked waiver.
#[derive(Debug, Clone)]
pub struct Waiver {
    /// The rule id or built-in code it waives.
    pub rule: String,
    /// The file glob, as written.
    pub file: String,
    matcher: GlobMatcher,
    /// The JSON pointer it is limited to, if any.
    pub pointer: Option<String>,
    /// Why the finding is accepted.
    pub justification: String,
    /// The last day it waives anything.
    pub expires: Option<NaiveDate>,
    /// Where the entry is in the file.
    pub span: Range<usize>,
    /// 1-based line of the entry.
    pub line: usize,
}

impl Waiver {
    fn justified(&self) -> bool {
        let j = self.justification.trim();
        !j.is_empty() && !j.starts_with("TODO")
    }

    fn expired(&self, today: NaiveDate) -> bool {
        self.expires.is_some_and(|d| d < today)
    }
}

/// A waivers file, checked, with the count of findings each entry waived.
#[derive(Debug, Clone)]
pub struct Waivers {
    name: String,
    text: String,
    base: PathBuf,
    /// The entries, in file order.
    pub waivers: Vec<Waiver>,
    hits: Vec<usize>,
    today: NaiveDate,
}

impl Waivers {
    /// Reads and checks the file at `path`; globs in it are relative to its
    /// folder. `today` decides which waivers have expired.
    pub fn load(path: &Path, today: NaiveDate) -> Result<Waivers, Vec<FileError>> {
        let name = crate::config::display_name(path);
        let text =
            std::fs::read_to_string(path).map_err(|e| vec![FileError::unreadable(&name, &e)])?;
        let base = absolute(path)
            .parent()
            .map(Path::to_path_buf)
            .unwrap_or_default();
        Waivers::parse(&name, &text, &base, today)
    }

    /// Checks the text of a waivers file; every mistake is reported.
    pub fn parse(
        name: &str,
        text: &str,
        base: &Path,
        today: NaiveDate,
    ) -> Result<Waivers, Vec<FileError>> {
        let raw: RawFile =
            toml::from_str(text).map_err(|e| vec![FileError::from_toml(name, text, &e)])?;
        let index = LineIndex::new(text);
        let mut errors = Vec::new();
        let mut waivers = Vec::new();
        for entry in raw.waiver {
            let span = entry.span();
            let w = entry.into_inner();
            let matcher = match GlobBuilder::new(w.file.get_ref())
                .literal_separator(true)
                .build()
            {
                Ok(g) => g.compile_matcher(),
                Err(e) => {
                    errors.push(FileError::at(
                        name,
                        text,
                        w.file.span(),
                        format!("not a valid glob pattern: {e}"),
                    ));
                    continue;
                }
            };
            let expires = match &w.expires {
                None => None,
                Some(d) => match d.get_ref().date {
                    Some(date) if d.get_ref().time.is_none() => NaiveDate::from_ymd_opt(
                        i32::from(date.year),
                        u32::from(date.month),
                        u32::from(date.day),
                    ),
                    _ => {
                        errors.push(FileError::at(
                            name,
                            text,
                            d.span(),
                            "`expires` is a date such as 2027-06-30, without a time",
                        ));
                        continue;
                    }
                },
            };
            if let Some(p) = &w.pointer {
                if !p.get_ref().is_empty() && !p.get_ref().starts_with('/') {
                    errors.push(FileError::at(
                        name,
                        text,
                        p.span(),
                        "`pointer` is a JSON pointer such as /forms/B/stockpile (or \"\" for the whole report)",
                    ));
                    continue;
                }
            }
            waivers.push(Waiver {
                rule: w.rule.into_inner(),
                file: w.file.get_ref().clone(),
                matcher,
                pointer: w.pointer.map(Spanned::into_inner),
                justification: w.justification.map(Spanned::into_inner).unwrap_or_default(),
                expires,
                line: index.line_col(text, span.start).0,
                span,
            });
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(Waivers {
            name: name.to_owned(),
            text: text.to_owned(),
            base: base.to_path_buf(),
            hits: vec![0; waivers.len()],
            waivers,
            today,
        })
    }

    /// Marks the findings of `report` that a waiver covers. The first
    /// waiver that matches is the one recorded.
    pub fn apply(&mut self, report: &mut FileReport) {
        if self.waivers.is_empty() || report.findings.is_empty() {
            return;
        }
        let rel = relative_to(&self.base, Path::new(&report.file));
        let candidates: Vec<usize> = (0..self.waivers.len())
            .filter(|&i| {
                let w = &self.waivers[i];
                !w.expired(self.today) && w.matcher.is_match(&rel)
            })
            .collect();
        if candidates.is_empty() {
            return;
        }
        for f in &mut report.findings {
            let hit = candidates.iter().copied().find(|&i| {
                let w = &self.waivers[i];
                w.rule == f.rule && w.pointer.as_ref().is_none_or(|p| *p == f.pointer)
            });
            if let Some(i) = hit {
                let w = &self.waivers[i];
                self.hits[i] += 1;
                f.suppression = Some(Suppression {
                    justification: w.justification.clone(),
                    waiver: format!("{}:{}", self.name, w.line),
                });
            }
        }
    }

    /// The findings about the waivers file itself: unjustified (error),
    /// expired (warning) and unused (info) waivers, in file order.
    pub fn report(&self) -> FileReport {
        let index = LineIndex::new(&self.text);
        let mut findings = Vec::new();
        for (w, &hits) in self.waivers.iter().zip(&self.hits) {
            let what = describe(w);
            let (rule, name, severity, message, help) = if !w.justified() {
                (
                    "waiver/unjustified",
                    "waiver-without-justification",
                    Severity::Error,
                    format!("the waiver of {what} has no justification"),
                    "say in `justification` why the finding is accepted (who decided, on what basis); a waiver without one fails the run",
                )
            } else if w.expired(self.today) {
                (
                    "waiver/expired",
                    "expired-waiver",
                    Severity::Warning,
                    format!(
                        "the waiver of {what} expired on {}; it waives nothing any more",
                        w.expires.map(|d| d.to_string()).unwrap_or_default()
                    ),
                    "fix the finding and delete the waiver, or extend `expires` if the reason still holds",
                )
            } else if hits == 0 {
                (
                    "waiver/unused",
                    "unused-waiver",
                    Severity::Info,
                    format!("the waiver of {what} matched no finding in this run"),
                    "delete it if the finding was fixed (a run over only some files cannot tell)",
                )
            } else {
                continue;
            };
            let (line, column) = index.line_col(&self.text, w.span.start);
            let mut d = Diagnostic::new(rule, name, severity, message, "").with_help(help);
            d.location = Some(SourceLocation::Text {
                line,
                column,
                start: w.span.start,
                end: w.span.end,
            });
            findings.push(d);
        }
        FileReport {
            file: self.name.clone(),
            format: None,
            state: None,
            year: None,
            text: (!findings.is_empty()).then(|| self.text.clone()),
            findings,
            skipped: Vec::new(),
            profile: None,
        }
    }
}

fn describe(w: &Waiver) -> String {
    match &w.pointer {
        Some(p) => format!(
            "{} at {} in {}",
            w.rule,
            if p.is_empty() { "/" } else { p },
            w.file
        ),
        None => format!("{} in {}", w.rule, w.file),
    }
}

/// One entry of a waivers file as `article7 baseline` writes it.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct BaselineEntry {
    /// Rule id or built-in code.
    pub rule: String,
    /// The file, as a glob matching only itself.
    pub file: String,
    /// The finding's JSON pointer.
    pub pointer: String,
    /// [`PLACEHOLDER`], to be replaced.
    pub justification: String,
}

/// A waivers file with one entry per finding of `reports` (duplicates
/// merged), file paths relative to `base` (the folder the file is written
/// to).
pub fn baseline(base: &Path, reports: &[FileReport]) -> String {
    #[derive(Serialize)]
    struct Out<'a> {
        waiver: &'a [BaselineEntry],
    }
    let base = absolute(base);
    let mut entries: Vec<BaselineEntry> = Vec::new();
    for r in reports {
        let file = globset::escape(&relative_to(&base, Path::new(&r.file)));
        for f in &r.findings {
            let e = BaselineEntry {
                rule: f.rule.clone(),
                file: file.clone(),
                pointer: f.pointer.clone(),
                justification: PLACEHOLDER.to_owned(),
            };
            if !entries.contains(&e) {
                entries.push(e);
            }
        }
    }
    let body = toml::to_string(&Out { waiver: &entries }).unwrap_or_default();
    format!(
        "# Waivers written by `article7 baseline`: one per finding at the time.\n\
         # Each needs a real justification (and may get an `expires = YYYY-MM-DD`);\n\
         # until then the run fails with waiver/unjustified.\n\n{body}"
    )
}

/// Today's date (UTC), from the system clock.
pub fn today() -> NaiveDate {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    NaiveDate::from_ymd_opt(1970, 1, 1)
        .and_then(|d| d.checked_add_days(chrono::Days::new(secs / 86_400)))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn finding(rule: &str, pointer: &str) -> Diagnostic {
        Diagnostic::new(rule, "x", Severity::Error, "m", pointer)
    }

    #[test]
    fn waivers_match_rule_file_and_pointer_until_they_expire() {
        let text = r#"
[[waiver]]
rule = "B01"
file = "reports/*.json"
pointer = "/forms/B"
justification = "accepted by the ISU"

[[waiver]]
rule = "C03"
file = "reports/a.json"
justification = "old"
expires = 2020-01-01

[[waiver]]
rule = "D01"
file = "**"
justification = "TODO: say why this finding is accepted"
"#;
        let mut w = Waivers::parse("w.toml", text, Path::new("/r"), day("2026-01-01")).unwrap();
        let mut report =
            FileReport::unreadable("/r/reports/a.json".into(), finding("B01", "/forms/B"));
        report.findings.push(finding("B01", "/forms/C"));
        report.findings.push(finding("C03", ""));
        w.apply(&mut report);
        let waived: Vec<bool> = report
            .findings
            .iter()
            .map(|f| f.suppression.is_some())
            .collect();
        assert_eq!(waived, vec![true, false, false]);
        let own = w.report();
        let rules: Vec<(&str, usize)> = own
            .findings
            .iter()
            .map(|f| {
                (
                    f.rule.as_str(),
                    f.location.as_ref().and_then(|l| l.line()).unwrap(),
                )
            })
            .collect();
        assert_eq!(
            rules,
            vec![("waiver/expired", 8), ("waiver/unjustified", 14)]
        );
    }

    #[test]
    fn mistakes_are_located() {
        let text = "[[waiver]]\nrule = \"B01\"\nfile = \"[\"\njustification = \"x\"\n";
        let e = Waivers::parse("w.toml", text, Path::new("/r"), day("2026-01-01")).unwrap_err();
        assert_eq!(e[0].line, 3);
        let text = "[[waiver]]\nrule = \"B01\"\nfiles = \"a\"\n";
        let e = Waivers::parse("w.toml", text, Path::new("/r"), day("2026-01-01")).unwrap_err();
        assert_eq!(e[0].line, 3, "{e:?}");
    }
}
