//! The finding data type shared by every stage: [`Diagnostic`], [`Severity`]
//! and the source location a finding points at.

use serde::{Deserialize, Serialize};
use std::fmt;

/// How serious a finding is. Ordered from least to most severe.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Information the Convention asks for "if possible", or good practice.
    Info,
    /// A likely mistake, or an action-plan commitment not met.
    Warning,
    /// Malformed, self-contradictory, or a breach of a treaty obligation.
    Error,
}

impl Severity {
    /// The lowercase name used in every output.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }

    /// Parses `error`, `warning` or `info`.
    pub fn parse(s: &str) -> Option<Severity> {
        match s {
            "error" => Some(Severity::Error),
            "warning" => Some(Severity::Warning),
            "info" => Some(Severity::Info),
            _ => None,
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A built-in finding code: a finding made by the tool itself rather than by
/// a catalogue rule. Listed once here, with the kebab-case name and severity
/// every finding of the code carries; `schema/<keyword>` findings are named
/// after the JSON Schema keyword and are not listed (see
/// [`Diagnostic::is_builtin`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Code {
    /// The input could not be read from disk.
    Unreadable,
    /// The input's format is neither named nor recognisable.
    Unsupported,
    /// The input is not well-formed in its format.
    Syntax,
    /// A password-protected workbook.
    Encrypted,
    /// A key given twice (the last value is kept).
    DuplicateKey,
    /// A number that cannot be stored exactly.
    NumberPrecision,
    /// A workbook sheet the layout does not know.
    UnknownSheet,
    /// A workbook value with no key beside or above it.
    MissingKey,
    /// A value typed into a link cell whose linked sheet has rows.
    LinkIgnored,
    /// A workbook row naming a parent row that does not exist.
    UnknownParent,
    /// A workbook column the layout does not know.
    UnknownColumn,
    /// A number typed as text that reads two ways (`1.000`).
    AmbiguousNumber,
    /// A `state.code` that is no State Party's ISO code.
    UnknownStateParty,
    /// A report using members of a later model version than it declares.
    FormatVersion,
    /// A rule's expression failed on a schema-valid report.
    RuleFailedToRun,
    /// Checking the input stopped on a defect of article7 itself (a
    /// panic); the other inputs of the batch are checked as usual.
    ValidatorFailed,
}

impl Code {
    /// Every code, in the order of the documentation.
    pub const ALL: [Code; 16] = [
        Code::Unreadable,
        Code::Unsupported,
        Code::Syntax,
        Code::Encrypted,
        Code::DuplicateKey,
        Code::NumberPrecision,
        Code::UnknownSheet,
        Code::MissingKey,
        Code::LinkIgnored,
        Code::UnknownParent,
        Code::UnknownColumn,
        Code::AmbiguousNumber,
        Code::UnknownStateParty,
        Code::FormatVersion,
        Code::RuleFailedToRun,
        Code::ValidatorFailed,
    ];

    /// The code as findings carry it in `rule` (`input/syntax`).
    pub fn as_str(self) -> &'static str {
        match self {
            Code::Unreadable => "input/unreadable",
            Code::Unsupported => "input/unsupported",
            Code::Syntax => "input/syntax",
            Code::Encrypted => "input/encrypted",
            Code::DuplicateKey => "input/duplicate-key",
            Code::NumberPrecision => "input/number-precision",
            Code::UnknownSheet => "input/unknown-sheet",
            Code::MissingKey => "input/missing-key",
            Code::LinkIgnored => "input/link-ignored",
            Code::UnknownParent => "input/unknown-parent",
            Code::UnknownColumn => "input/unknown-column",
            Code::AmbiguousNumber => "input/ambiguous-number",
            Code::UnknownStateParty => "schema/state-party",
            Code::FormatVersion => "schema/format-version",
            Code::RuleFailedToRun => "rule/failed-to-run",
            Code::ValidatorFailed => "internal/validator-failed",
        }
    }

    /// The kebab-case name of the problem, as findings carry it in `name`.
    pub fn name(self) -> &'static str {
        match self {
            Code::Unreadable => "unreadable-input",
            Code::Unsupported => "unsupported-input",
            Code::Syntax => "malformed-input",
            Code::Encrypted => "encrypted-workbook",
            Code::DuplicateKey => "duplicate-key",
            Code::NumberPrecision => "number-too-large",
            Code::UnknownSheet => "unknown-sheet",
            Code::MissingKey => "value-without-key",
            Code::LinkIgnored => "link-ignored",
            Code::UnknownParent => "row-without-parent",
            Code::UnknownColumn => "unknown-column",
            Code::AmbiguousNumber => "ambiguous-number",
            Code::UnknownStateParty => "unknown-state-party",
            Code::FormatVersion => "format-version-too-old",
            Code::RuleFailedToRun => "rule-failed-to-run",
            Code::ValidatorFailed => "validator-failed",
        }
    }

    /// The severity of its findings. [`Code::LinkIgnored`],
    /// [`Code::AmbiguousNumber`] and [`Code::FormatVersion`] (the content
    /// is read in full; only the declaration is behind) are warnings; a reader may lower an
    /// [`Code::UnknownSheet`] that does not look like part of the report.
    pub fn severity(self) -> Severity {
        match self {
            Code::LinkIgnored | Code::AmbiguousNumber | Code::FormatVersion => Severity::Warning,
            _ => Severity::Error,
        }
    }

    /// The code of a finding's `rule`, when it is one of these.
    pub fn parse(rule: &str) -> Option<Code> {
        Code::ALL.into_iter().find(|c| c.as_str() == rule)
    }

    /// Whether a finding with this code means the input was not read at all
    /// (no document came out of it). The other `input/*` findings (a
    /// duplicate key, an unknown sheet or column, rows naming no parent, …)
    /// leave a document that is validated as usual. An input whose check
    /// stopped on a defect of article7 ([`Code::ValidatorFailed`]) counts
    /// as not read too: it was not checked.
    pub fn means_unread(self) -> bool {
        matches!(
            self,
            Code::Unreadable
                | Code::Unsupported
                | Code::Syntax
                | Code::Encrypted
                | Code::ValidatorFailed
        )
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Where in the input a finding is: a text position (JSON, XML) or a
/// spreadsheet cell (Excel).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum SourceLocation {
    /// A position in a text file. Lines and columns are 1-based; columns
    /// count Unicode scalar values. `start`/`end` are byte offsets.
    Text {
        /// 1-based line.
        line: usize,
        /// 1-based column, in characters.
        column: usize,
        /// Byte offset of the start of the span.
        #[serde(skip)]
        start: usize,
        /// Byte offset just past the end of the span.
        #[serde(skip)]
        end: usize,
    },
    /// A cell of a workbook.
    Cell {
        /// Sheet name.
        sheet: String,
        /// A1-style cell reference (`D7`).
        cell: String,
        /// The key in the column's header row, for table sheets.
        #[serde(skip_serializing_if = "Option::is_none")]
        header: Option<String>,
        /// The values of the row the cell is on (header key, value), shown to
        /// Excel users so they recognise the row.
        #[serde(skip)]
        row_values: Vec<(String, String)>,
    },
}

impl SourceLocation {
    /// The line, for text locations.
    pub fn line(&self) -> Option<usize> {
        match self {
            SourceLocation::Text { line, .. } => Some(*line),
            SourceLocation::Cell { .. } => None,
        }
    }

    /// The column, for text locations.
    pub fn column(&self) -> Option<usize> {
        match self {
            SourceLocation::Text { column, .. } => Some(*column),
            SourceLocation::Cell { .. } => None,
        }
    }

    /// `sheet!cell`, for spreadsheet locations.
    pub fn cell_ref(&self) -> Option<String> {
        match self {
            SourceLocation::Cell { sheet, cell, .. } => Some(format!("{sheet}!{cell}")),
            SourceLocation::Text { .. } => None,
        }
    }
}

impl fmt::Display for SourceLocation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SourceLocation::Text { line, column, .. } => write!(f, "{line}:{column}"),
            SourceLocation::Cell { sheet, cell, .. } => write!(f, "{sheet}!{cell}"),
        }
    }
}

/// One finding about one input.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Diagnostic {
    /// Catalogue rule id (`B01`) or built-in code (`schema/enum`, `input/syntax`).
    pub rule: String,
    /// Kebab-case name of the problem (`stockpile-total-matches`).
    pub name: String,
    /// Severity after overrides.
    pub severity: Severity,
    /// Plain-language message naming the actual values.
    pub message: String,
    /// JSON pointer into the canonical document ("" = the whole document).
    pub pointer: String,
    /// Where the pointer is in the input, when known.
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    pub location: Option<SourceLocation>,
    /// What to do about it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
    /// Articles of the Convention and action-plan sections the check rests on.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub references: Vec<String>,
    /// The waiver that accepts this finding, if one does: a waived finding
    /// is still reported, but no longer counts towards `--fail-on`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub suppression: Option<Suppression>,
    /// The message's id and arguments, to render it in another language.
    #[serde(skip)]
    pub key: Option<crate::i18n::MessageKey>,
}

/// Why a finding is accepted: the waiver that covers it (see
/// `crate::waivers`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Suppression {
    /// The waiver's justification.
    pub justification: String,
    /// Where the waiver is: `waivers.toml:12`.
    pub waiver: String,
}

impl Diagnostic {
    /// A finding with the given code, severity and message at `pointer`.
    pub fn new(
        rule: impl Into<String>,
        name: impl Into<String>,
        severity: Severity,
        message: impl Into<String>,
        pointer: impl Into<String>,
    ) -> Diagnostic {
        Diagnostic {
            rule: rule.into(),
            name: name.into(),
            severity,
            message: message.into(),
            pointer: pointer.into(),
            location: None,
            help: None,
            references: Vec::new(),
            suppression: None,
            key: None,
        }
    }

    /// A finding whose message and help come from the message catalogue
    /// (`i18n/*.ftl`), rendered in English; [`Diagnostic::localize`]
    /// renders it again in another language.
    pub fn keyed(
        rule: impl Into<String>,
        name: impl Into<String>,
        severity: Severity,
        key: crate::i18n::MessageKey,
        pointer: impl Into<String>,
    ) -> Diagnostic {
        let message = crate::i18n::text("en", &key);
        let help = crate::i18n::render("en", &key, Some("help"));
        let mut d = Diagnostic::new(rule, name, severity, message, pointer);
        d.help = help;
        d.key = Some(key);
        d
    }

    /// A finding of a built-in [`Code`], its message and help from the
    /// message catalogue.
    pub fn builtin(
        code: Code,
        key: crate::i18n::MessageKey,
        pointer: impl Into<String>,
    ) -> Diagnostic {
        Diagnostic::keyed(code.as_str(), code.name(), code.severity(), key, pointer)
    }

    /// The built-in code of this finding, when it has one.
    pub fn code(&self) -> Option<Code> {
        Code::parse(&self.rule)
    }

    /// Whether the tool itself made this finding (an `input/*`, `schema/*`
    /// or `rule/*` code) rather than a catalogue rule.
    pub fn is_builtin(&self) -> bool {
        self.rule.contains('/')
    }

    /// Whether this finding means its input was not read at all.
    pub fn means_unread(&self) -> bool {
        self.code().is_some_and(Code::means_unread)
    }

    /// Renders the message and help again in `lang`, for a finding whose
    /// text comes from the message catalogue (built-in findings); a rule's
    /// message was rendered by the engine in the run's language and stays.
    pub fn localize(&mut self, lang: &str) {
        if lang == "en" {
            return;
        }
        if let Some(key) = &self.key {
            if let Some(m) = crate::i18n::render(lang, key, None) {
                self.message = m;
            }
            if let Some(h) = crate::i18n::render(lang, key, Some("help")) {
                self.help = Some(h);
            }
        }
    }

    /// Sets the help text.
    pub fn with_help(mut self, help: impl Into<String>) -> Diagnostic {
        self.help = Some(help.into());
        self
    }

    /// Sets the source location.
    pub fn with_location(mut self, location: Option<SourceLocation>) -> Diagnostic {
        self.location = location;
        self
    }
}

/// Escapes one reference token of a JSON pointer (RFC 6901).
pub fn escape_pointer_token(token: &str) -> String {
    if token.contains(['~', '/']) {
        token.replace('~', "~0").replace('/', "~1")
    } else {
        token.to_owned()
    }
}

/// Splits a JSON pointer into unescaped reference tokens.
pub fn pointer_tokens(pointer: &str) -> Vec<String> {
    if pointer.is_empty() {
        return Vec::new();
    }
    pointer
        .trim_start_matches('/')
        .split('/')
        .map(|t| t.replace("~1", "/").replace("~0", "~"))
        .collect()
}

/// The pointer of the parent of `pointer` (`None` for the root).
pub fn parent_pointer(pointer: &str) -> Option<&str> {
    if pointer.is_empty() {
        None
    } else {
        Some(&pointer[..pointer.rfind('/').unwrap_or(0)])
    }
}

/// The candidate closest to a misspelt name (case-insensitive edit
/// distance), when it is close enough to be a likely typo.
pub fn closest_name(name: &str, candidates: &[String]) -> Option<String> {
    let lower = name.to_lowercase();
    candidates
        .iter()
        .filter(|c| c.as_str() != name)
        .map(|c| (edit_distance(&lower, &c.to_lowercase()), c))
        .filter(|(d, c)| *d <= (c.chars().count() / 3).max(1))
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c.clone())
}

/// Levenshtein distance between two texts, in characters.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            cur.push((prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1));
        }
        prev = cur;
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pointer_helpers_round_trip() {
        assert_eq!(escape_pointer_token("a/b~c"), "a~1b~0c");
        assert_eq!(pointer_tokens("/a~1b~0c/0"), vec!["a/b~c", "0"]);
        assert_eq!(parent_pointer("/forms/A/cover"), Some("/forms/A"));
        assert_eq!(parent_pointer("/forms"), Some(""));
        assert_eq!(parent_pointer(""), None);
    }

    #[test]
    fn codes_are_listed_once_and_unique() {
        let mut strs: Vec<_> = Code::ALL.iter().map(|c| c.as_str()).collect();
        let mut names: Vec<_> = Code::ALL.iter().map(|c| c.name()).collect();
        strs.sort_unstable();
        strs.dedup();
        names.sort_unstable();
        names.dedup();
        assert_eq!(strs.len(), Code::ALL.len());
        assert_eq!(names.len(), Code::ALL.len());
        for c in Code::ALL {
            assert_eq!(Code::parse(c.as_str()), Some(c));
            assert!(
                Diagnostic::builtin(c, crate::i18n::MessageKey::new("summary"), "").is_builtin()
            );
        }
        assert_eq!(Code::parse("B01"), None);
    }

    #[test]
    fn severity_orders_error_highest() {
        assert!(Severity::Error > Severity::Warning);
        assert!(Severity::Warning > Severity::Info);
        assert_eq!(Severity::parse("warning"), Some(Severity::Warning));
        assert_eq!(Severity::parse("fatal"), None);
    }
}
