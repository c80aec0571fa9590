//! Which findings a run keeps and which it shows: `--select`/`--ignore` by
//! rule id or prefix, and a display filter by severity.

use crate::diagnostics::{Code, Severity};
use crate::validator::FileReport;

/// `--select` and `--ignore`: findings whose rule matches no selected
/// pattern, or matches an ignored one, are dropped from the run (they are
/// not printed, counted or failing). A pattern is a rule id (`B01`) or a
/// prefix of ids (`B`, `F0`, `schema/`, `input`), compared case-sensitively
/// so that `I` (Form I rules) does not take in `input/…`. A finding that
/// means its file could not be read is always kept: an unread file must
/// never pass silently.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FindingFilter {
    /// Keep only findings matching one of these (all when empty).
    pub select: Vec<String>,
    /// Drop findings matching one of these.
    pub ignore: Vec<String>,
}

impl FindingFilter {
    /// Whether the filter keeps every finding.
    pub fn is_empty(&self) -> bool {
        self.select.is_empty() && self.ignore.is_empty()
    }

    /// Whether a finding of rule `rule` is kept.
    pub fn keeps(&self, rule: &str) -> bool {
        if Code::parse(rule).is_some_and(Code::means_unread) {
            return true;
        }
        let hit = |patterns: &[String]| patterns.iter().any(|p| rule.starts_with(p.as_str()));
        (self.select.is_empty() || hit(&self.select)) && !hit(&self.ignore)
    }

    /// Drops the findings the filter does not keep.
    pub fn apply(&self, report: &mut FileReport) {
        if !self.is_empty() {
            report.findings.retain(|f| self.keeps(&f.rule));
        }
    }

    /// The patterns that match none of `known` (rule ids and built-in
    /// codes): almost always a typo, which would otherwise silently select
    /// nothing or ignore nothing.
    pub fn unknown_patterns<'a>(&'a self, known: &[&str]) -> Vec<&'a str> {
        self.select
            .iter()
            .chain(&self.ignore)
            .filter(|p| {
                p.is_empty()
                    || !(known
                        .iter()
                        .copied()
                        .chain(Code::ALL.iter().map(|c| c.as_str()))
                        .chain([SCHEMA_FAMILY])
                        .any(|k| k.starts_with(p.as_str()))
                        || p.starts_with(SCHEMA_FAMILY))
            })
            .map(String::as_str)
            .collect()
    }
}

/// The family of schema findings (`schema/<keyword>`), which are not listed
/// in [`Code`]: any pattern inside it is accepted.
const SCHEMA_FAMILY: &str = "schema/";

/// The summary's note on hidden findings: " (3 not shown)".
pub fn hidden_note(lang: &str, n: usize) -> String {
    match lang {
        "fr" => format!(" ({n} non affichés)"),
        "es" => format!(" ({n} no mostrados)"),
        _ => format!(" ({n} not shown)"),
    }
}

/// A display filter: findings below `min` are not shown. Unlike
/// [`FindingFilter`] it changes only what is printed; the summary and the
/// exit status still count every finding, so a hidden warning still fails
/// `--fail-on warning` (the summary line says how many were hidden).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SeverityFilter {
    /// The lowest severity shown.
    pub min: Severity,
}

impl SeverityFilter {
    /// The findings of `report` at or above `min` (a copy when some are
    /// hidden), and how many were hidden.
    pub fn shown<'a>(&self, report: &'a FileReport) -> (std::borrow::Cow<'a, FileReport>, usize) {
        let hidden = report
            .findings
            .iter()
            .filter(|f| f.severity < self.min)
            .count();
        if hidden == 0 {
            return (std::borrow::Cow::Borrowed(report), 0);
        }
        let mut r = report.clone();
        r.findings.retain(|f| f.severity >= self.min);
        (std::borrow::Cow::Owned(r), hidden)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::Diagnostic;

    fn report(rules: &[(&str, Severity)]) -> FileReport {
        let mut r = FileReport::unreadable(
            "r.json".into(),
            Diagnostic::new("x", "x", Severity::Info, "m", ""),
        );
        r.findings = rules
            .iter()
            .map(|(id, s)| Diagnostic::new(*id, "n", *s, "m", ""))
            .collect();
        r
    }

    fn rules(r: &FileReport) -> Vec<&str> {
        r.findings.iter().map(|f| f.rule.as_str()).collect()
    }

    #[test]
    fn select_and_ignore_by_id_and_prefix() {
        let all = [
            ("B01", Severity::Error),
            ("C02", Severity::Error),
            ("C04", Severity::Warning),
            ("I01", Severity::Error),
            ("input/duplicate-key", Severity::Error),
            ("input/syntax", Severity::Error),
            ("schema/enum", Severity::Error),
        ];
        let run = |select: &[&str], ignore: &[&str]| {
            let f = FindingFilter {
                select: select.iter().map(|s| s.to_string()).collect(),
                ignore: ignore.iter().map(|s| s.to_string()).collect(),
            };
            let mut r = report(&all);
            f.apply(&mut r);
            rules(&r).join(" ")
        };
        assert_eq!(
            run(&[], &[]),
            "B01 C02 C04 I01 input/duplicate-key input/syntax schema/enum"
        );
        assert_eq!(run(&["C"], &[]), "C02 C04 input/syntax");
        assert_eq!(
            run(&["C", "schema/"], &["C04"]),
            "C02 input/syntax schema/enum"
        );
        assert_eq!(
            run(&[], &["I"]),
            "B01 C02 C04 input/duplicate-key input/syntax schema/enum"
        );
        assert_eq!(
            run(&[], &["input"]),
            "B01 C02 C04 I01 input/syntax schema/enum"
        );
        assert_eq!(run(&["B01"], &["B01"]), "input/syntax");
    }

    #[test]
    fn unknown_patterns_are_named() {
        let f = FindingFilter {
            select: vec!["B".into(), "Q9".into()],
            ignore: vec!["schema/enum".into(), String::new()],
        };
        assert_eq!(f.unknown_patterns(&["B01", "C01"]), vec!["Q9", ""]);
        assert_eq!(f.unknown_patterns(&["C01"]), vec!["B", "Q9", ""]);
        let g = FindingFilter {
            select: vec![
                "input".into(),
                "rule/failed-to-run".into(),
                "schema/zzz".into(),
            ],
            ignore: vec!["inptu/".into(), "input/syntax".into()],
        };
        assert_eq!(g.unknown_patterns(&[]), vec!["inptu/"]);
    }

    #[test]
    fn the_severity_filter_hides_lower_findings_only() {
        let r = report(&[
            ("A", Severity::Info),
            ("B", Severity::Error),
            ("C", Severity::Warning),
        ]);
        let (shown, hidden) = SeverityFilter {
            min: Severity::Warning,
        }
        .shown(&r);
        assert_eq!((rules(&shown), hidden), (vec!["B", "C"], 1));
        let (shown, hidden) = SeverityFilter {
            min: Severity::Info,
        }
        .shown(&r);
        assert_eq!((rules(&shown).len(), hidden), (3, 0));
        let (shown, hidden) = SeverityFilter {
            min: Severity::Error,
        }
        .shown(&r);
        assert_eq!((rules(&shown), hidden), (vec!["B"], 2));
    }
}
