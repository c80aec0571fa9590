//! Rule files: TOML parsed into an unvalidated form, then checked and
//! compiled into [`Rule`]s. Every problem is a [`CatalogueError`] at the
//! file's line and column.

use super::expr::{Compiler, Program};
use super::footprint;
use super::profile::Profile;
use super::select::Selector;
use super::template::Template;
use crate::diagnostics::Severity;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};
use std::ops::Range;
use std::path::Path;

/// How many of a State's earlier annual reports `history` holds at most
/// (newest first): enough for a three-year mean with a gap or two.
pub const HISTORY_DEPTH: usize = 5;
use std::sync::Arc;
use toml::Spanned;

/// The rule files shipped in the binary, by file name.
pub const EMBEDDED: &[(&str, &str)] = &[
    ("report.toml", include_str!("../../rules/report.toml")),
    ("form-a.toml", include_str!("../../rules/form-a.toml")),
    ("form-b.toml", include_str!("../../rules/form-b.toml")),
    ("form-c.toml", include_str!("../../rules/form-c.toml")),
    ("form-d.toml", include_str!("../../rules/form-d.toml")),
    ("form-e.toml", include_str!("../../rules/form-e.toml")),
    ("form-f.toml", include_str!("../../rules/form-f.toml")),
    ("form-ghi.toml", include_str!("../../rules/form-ghi.toml")),
    ("form-j.toml", include_str!("../../rules/form-j.toml")),
    ("history.toml", include_str!("../../rules/history.toml")),
];

/// A rule file that cannot be used, with where the problem is: the same
/// type as a mistake in the configuration or waivers file.
pub type CatalogueError = crate::model::FileError;

/// The keys of a `[[rules]]` entry: [`RawRule`]'s fields as TOML spells
/// them (a test checks they are the same).
const RULE_KEYS: &[&str] = &[
    "id",
    "name",
    "severity",
    "title",
    "select",
    "when",
    "assert",
    "at",
    "requires",
    "let",
    "message",
    "why",
    "help",
    "references",
    "plans",
    "profile_severity",
    "translations",
    "examples",
];

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRule {
    id: Spanned<String>,
    name: Spanned<String>,
    severity: Spanned<String>,
    title: String,
    select: Spanned<String>,
    #[serde(default)]
    when: Option<Spanned<String>>,
    assert: Spanned<String>,
    #[serde(default)]
    at: Option<Spanned<String>>,
    #[serde(default)]
    requires: Vec<Spanned<String>>,
    #[serde(default, rename = "let")]
    bindings: BTreeMap<String, Spanned<String>>,
    message: Spanned<String>,
    why: String,
    help: String,
    #[serde(default)]
    references: RawReferences,
    #[serde(default)]
    plans: Vec<Spanned<String>>,
    #[serde(default)]
    profile_severity: BTreeMap<String, Spanned<String>>,
    #[serde(default)]
    translations: BTreeMap<String, Translation>,
    #[serde(default)]
    examples: Vec<Spanned<RawExample>>,
}

/// `references = ["Art. 4"]`, or per plan:
/// `references = { treaty = ["Art. 4"], MAP = ["MAP §II"] }`.
#[derive(Deserialize)]
#[serde(untagged)]
enum RawReferences {
    List(Vec<String>),
    ByPlan(BTreeMap<String, Vec<String>>),
}

impl Default for RawReferences {
    fn default() -> Self {
        RawReferences::List(Vec::new())
    }
}

/// A rule's texts in another language.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Translation {
    /// Title.
    pub title: String,
    /// Message template (same `{{ }}` expressions as the original).
    pub message: String,
    /// Why it matters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub why: Option<String>,
    /// How to fix it.
    pub help: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawExample {
    valid: bool,
    doc: String,
    #[serde(default)]
    previous: Option<String>,
    #[serde(default)]
    earlier: Option<String>,
    #[serde(default)]
    history: Option<String>,
    #[serde(default)]
    note: Option<String>,
}

/// What a rule needs before it can run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Requirement {
    /// A value at this JSON pointer of the report (`/entry_into_force`).
    Value(String),
    /// The State's previous annual report (`previous`).
    Previous,
    /// An earlier report of the State, of any year (`earlier`).
    Earlier,
    /// At least this many of the State's earlier annual reports (`history`,
    /// `history:N`).
    History(usize),
}

/// A runnable example from a rule's entry.
#[derive(Debug, Clone, Serialize)]
pub struct Example {
    /// Whether the rule must pass on it.
    pub valid: bool,
    /// The document fragment (JSON).
    pub doc: serde_json::Value,
    /// The previous report, for year-over-year rules.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub previous: Option<serde_json::Value>,
    /// The newest earlier report (defaults to `previous`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub earlier: Option<serde_json::Value>,
    /// The State's earlier annual reports, newest first (a JSON array), for
    /// rules that read `history`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub history: Option<serde_json::Value>,
    /// What it shows.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// What a rule is for, as people read it: everything `explain`, `rules`,
/// SARIF, HTML and docs/rules.md show. Shared (an [`Arc`]) between the
/// compiled rule and the printers, which describe rules without running them.
#[derive(Debug, Clone, Serialize)]
pub struct RuleDoc {
    /// Stable id (`B01`).
    pub id: String,
    /// Kebab-case name.
    pub name: String,
    /// Default severity (before `--severity` overrides).
    pub severity: Severity,
    /// One-line title.
    pub title: String,
    /// The English message template as written, `{{ }}` holes unrendered
    /// (the translated ones are in [`RuleDoc::translations`]).
    #[serde(rename = "message")]
    pub message_source: String,
    /// Why it matters.
    pub why: String,
    /// How to fix it.
    pub help: String,
    /// Basis in the treaty (or shared by every plan).
    pub references: Vec<String>,
    /// The plans the rule rests on (`MAP`, `OAP`, `SRAAP`); empty when it
    /// rests on the treaty and runs under every profile.
    pub plans: Vec<Profile>,
    /// Basis per plan, by plan code.
    pub plan_references: BTreeMap<String, Vec<String>>,
    /// Severity under a given profile, by profile code, where it differs
    /// from [`RuleDoc::severity`].
    pub profile_severity: BTreeMap<String, Severity>,
    /// Other languages.
    pub translations: BTreeMap<String, Translation>,
    /// Examples, run as tests.
    pub examples: Vec<Example>,
    /// The catalogue file it came from.
    pub file: String,
}

impl RuleDoc {
    /// Whether the rule runs under `profile`.
    pub fn applies_in(&self, profile: Profile) -> bool {
        self.plans.is_empty() || self.plans.contains(&profile)
    }

    /// Its severity under `profile` (before `--severity` overrides).
    pub fn severity_in(&self, profile: Profile) -> Severity {
        self.profile_severity
            .get(profile.code())
            .copied()
            .unwrap_or(self.severity)
    }

    /// Its basis under `profile`: the treaty's, then the plan's.
    pub fn references_in(&self, profile: Profile) -> Vec<String> {
        let mut out = self.references.clone();
        if let Some(plan) = self.plan_references.get(profile.code()) {
            out.extend(plan.iter().cloned());
        }
        out
    }

    /// "treaty", or the plans it rests on ("MAP, OAP, SRAAP").
    pub fn basis_label(&self) -> String {
        if self.plans.is_empty() {
            "treaty".to_owned()
        } else {
            self.plans
                .iter()
                .map(|p| p.code())
                .collect::<Vec<_>>()
                .join(", ")
        }
    }

    /// Title in `lang` (falls back to English).
    pub fn title_in(&self, lang: &str) -> &str {
        self.translations
            .get(lang)
            .map_or(&self.title, |t| &t.title)
    }

    /// Help in `lang` (falls back to English).
    pub fn help_in(&self, lang: &str) -> &str {
        self.translations.get(lang).map_or(&self.help, |t| &t.help)
    }

    /// Why, in `lang` (falls back to English).
    pub fn why_in(&self, lang: &str) -> &str {
        self.translations
            .get(lang)
            .and_then(|t| t.why.as_deref())
            .unwrap_or(&self.why)
    }
}

/// What a rule does, compiled: the selector, expressions and templates the
/// engine runs, with the sources they were compiled from.
#[derive(Debug)]
pub struct RuleProgram {
    /// JSONPath source.
    pub select_source: String,
    pub(crate) select: Selector,
    /// `when` source.
    pub when_source: Option<String>,
    pub(crate) when: Option<Arc<Program>>,
    /// `assert` source.
    pub assert_source: String,
    pub(crate) assert: Arc<Program>,
    /// Relative pointer appended to each selected node's pointer.
    pub at: String,
    /// What must be present for the rule to run.
    pub requires: Vec<Requirement>,
    /// `let` bindings (name, source): evaluated once per document.
    pub binding_sources: Vec<(String, String)>,
    pub(crate) bindings: Vec<(String, Arc<Program>)>,
    pub(crate) message: Template,
    pub(crate) translated_messages: HashMap<String, Template>,
    pub(crate) footprint: Vec<footprint::Path>,
    /// Which of the per-node variables `path`, `key`, `index` the rule's
    /// expressions use (only those are bound).
    pub(crate) uses: NodeVars,
    /// Whether the rule reads `history` (or requires it): the State's
    /// earlier reports are loaded only when a rule that runs does.
    pub reads_history: bool,
}

/// One compiled rule: its documentation and its program. Reads as its
/// documentation (`rule.id`, `rule.title_in(lang)`) through `Deref`.
#[derive(Debug)]
pub struct Rule {
    /// What it is for.
    pub doc: Arc<RuleDoc>,
    /// What it runs.
    pub program: RuleProgram,
}

impl std::ops::Deref for Rule {
    type Target = RuleDoc;

    fn deref(&self) -> &RuleDoc {
        &self.doc
    }
}

/// Per-node variables a rule reads.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct NodeVars {
    pub path: bool,
    pub key: bool,
    pub index: bool,
    /// `when` reads `item`, `path`, `key` or `index`: it is evaluated per
    /// node; otherwise once per document (`doc.forms.C.cover ==
    /// "provided"` is the same for every area).
    pub when_per_node: bool,
}

/// The loaded, checked rule catalogue.
#[derive(Debug)]
pub struct Catalogue {
    /// Every rule, in file order then entry order.
    pub rules: Vec<Rule>,
    /// A hash of the catalogue's text, so outputs say exactly which rules ran.
    pub hash: String,
}

/// Version of the catalogue shipped with this release.
pub const CATALOGUE_VERSION: &str = "2026.1";

impl Catalogue {
    /// The embedded catalogue.
    pub fn embedded() -> Result<Catalogue, Vec<CatalogueError>> {
        Catalogue::from_files(
            EMBEDDED
                .iter()
                .map(|(n, t)| ((*n).to_owned(), (*t).to_owned()))
                .collect(),
        )
    }

    /// The embedded files (unless `no_default`), with the `.toml` files of
    /// `dir` added; a file of `dir` with the name of an embedded one
    /// replaces it.
    pub fn with_directory(
        dir: Option<&Path>,
        no_default: bool,
    ) -> Result<Catalogue, Vec<CatalogueError>> {
        let mut files: Vec<(String, String)> = if no_default {
            Vec::new()
        } else {
            EMBEDDED
                .iter()
                .map(|(n, t)| ((*n).to_owned(), (*t).to_owned()))
                .collect()
        };
        if let Some(dir) = dir {
            let io_error = |message: String| CatalogueError {
                file: dir.display().to_string(),
                text: String::new(),
                span: 0..0,
                line: 1,
                column: 1,
                message,
            };
            let entries = std::fs::read_dir(dir)
                .map_err(|e| vec![io_error(format!("cannot read the rules folder: {e}"))])?;
            let mut paths: Vec<_> = entries
                .flatten()
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|e| e == "toml"))
                .collect();
            paths.sort();
            let mut unreadable = Vec::new();
            for path in paths {
                let text = match std::fs::read_to_string(&path) {
                    Ok(t) => t,
                    Err(e) => {
                        unreadable.push(io_error(format!("cannot read {}: {e}", path.display())));
                        continue;
                    }
                };
                let base = path
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default();
                let shown = path.display().to_string();
                match files.iter().position(|(n, _)| *n == base) {
                    Some(i) => files[i] = (shown, text),
                    None => files.push((shown, text)),
                }
            }
            if !unreadable.is_empty() {
                return Err(unreadable);
            }
        }
        Catalogue::from_files(files)
    }

    /// Parses and compiles rule files given as (name, text). Every problem
    /// of every file is reported, in file order, not only the first: a rule
    /// author fixes them in one pass (each rule entry is checked on its
    /// own, so one broken entry does not hide the next).
    pub fn from_files(files: Vec<(String, String)>) -> Result<Catalogue, Vec<CatalogueError>> {
        let mut rules: Vec<Rule> = Vec::new();
        let mut errors = Vec::new();
        let mut ids: HashMap<String, String> = HashMap::new();
        let mut hasher = fnv::FnvHasher::default();
        use std::hash::Hasher as _;
        let mut compiler = Compiler::default();
        for (name, text) in &files {
            // The embedded files are the text the fast parser is proven on.
            compiler.fast = EMBEDDED.iter().any(|(_, t)| *t == text.as_str());
            hasher.write(name.as_bytes());
            hasher.write(text.as_bytes());
            for r in raw_rules(name, text, &mut errors) {
                let duplicate = ids.get(r.id.get_ref()).map(|first| {
                    error(
                        name,
                        text,
                        r.id.span(),
                        format!(
                            "duplicate rule id `{}` (already defined in {first})",
                            r.id.get_ref()
                        ),
                    )
                });
                ids.entry(r.id.get_ref().clone())
                    .or_insert_with(|| name.clone());
                let compiled = compile_rule(name, text, r, &mut compiler, &mut errors);
                match (duplicate, compiled) {
                    (Some(d), _) => errors.push(d),
                    (None, Some(rule)) => rules.push(rule),
                    (None, None) => {}
                }
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(Catalogue {
            rules,
            hash: format!("{:016x}", hasher.finish()),
        })
    }

    /// The rule with `id`.
    pub fn get(&self, id: &str) -> Option<&Rule> {
        self.rules.iter().find(|r| r.id == id)
    }
}

/// The rule entries of one file, each read on its own; what cannot be read
/// goes to `errors`. A TOML syntax error leaves nothing to read in the file
/// (its line is the only one worth showing).
fn raw_rules(file: &str, text: &str, errors: &mut Vec<CatalogueError>) -> Vec<RawRule> {
    use serde::de::IntoDeserializer;
    use toml::de::{DeTable, DeValue};
    let toml_error =
        |e: toml::de::Error| error(file, text, e.span().unwrap_or(0..0), e.message().to_owned());
    let table = match DeTable::parse(text) {
        Ok(t) => t.into_inner(),
        Err(e) => {
            errors.push(toml_error(e));
            return Vec::new();
        }
    };
    let mut out = Vec::new();
    for (key, value) in table {
        if key.get_ref().as_ref() != "rules" {
            errors.push(error(
                file,
                text,
                key.span(),
                format!(
                    "unknown field `{}`, expected `rules`",
                    key.get_ref().as_ref()
                ),
            ));
            continue;
        }
        let span = value.span();
        let DeValue::Array(entries) = value.into_inner() else {
            errors.push(error(
                file,
                text,
                span,
                "`rules` must be an array of tables (`[[rules]]`)".into(),
            ));
            continue;
        };
        for entry in entries.iter() {
            let mut entry = entry.clone();
            // Unknown keys are reported here, all of them, and set aside, so
            // that serde (which stops at its first problem) goes on to the
            // entry's other mistakes.
            if let DeValue::Table(t) = entry.get_mut() {
                let mut unknown = Vec::new();
                for (k, v) in std::mem::replace(t, DeTable::new()) {
                    if RULE_KEYS.contains(&k.get_ref().as_ref()) {
                        t.insert(k, v);
                    } else {
                        unknown.push((k.get_ref().as_ref().to_owned(), k.span()));
                    }
                }
                unknown.sort_by_key(|(_, span)| span.start);
                for (key, span) in unknown {
                    errors.push(error(
                        file,
                        text,
                        span,
                        format!(
                            "unknown field `{key}`, expected one of {}",
                            RULE_KEYS
                                .iter()
                                .map(|k| format!("`{k}`"))
                                .collect::<Vec<_>>()
                                .join(", ")
                        ),
                    ));
                }
            }
            match RawRule::deserialize(entry.into_deserializer()) {
                Ok(r) => out.push(r),
                Err(e) => errors.push(toml_error(e)),
            }
        }
    }
    out
}

fn error(file: &str, text: &str, span: Range<usize>, message: String) -> CatalogueError {
    CatalogueError::at(file, text, span, message)
}

/// Byte offset in the file where a string value's content starts.
fn content_start(text: &str, span: &Range<usize>) -> usize {
    let raw = &text[span.clone()];
    for delim in ["'''", "\"\"\""] {
        if raw.starts_with(delim) {
            let after = span.start + 3;
            // TOML drops a newline right after the opening delimiter.
            return match &text[after..] {
                s if s.starts_with("\r\n") => after + 2,
                s if s.starts_with('\n') => after + 1,
                _ => after,
            };
        }
    }
    span.start + 1
}

/// Compiles a CEL expression; a parse error points into the file.
fn compile_expr(
    compiler: &mut Compiler,
    file: &str,
    text: &str,
    src: &Spanned<String>,
    what: &str,
) -> Result<Arc<Program>, CatalogueError> {
    compiler.compile(src.get_ref()).map_err(|message| {
        let start = content_start(text, &src.span());
        // CEL reports "<input>:LINE:COL"; move the location there.
        let offset = cel_position(&message)
            .and_then(|(l, c)| offset_in(src.get_ref(), l, c))
            .unwrap_or(0);
        let at = (start + offset).min(text.len());
        error(
            file,
            text,
            at..at + 1,
            format!("the `{what}` expression does not parse: {}", message.trim()),
        )
    })
}

fn cel_position(message: &str) -> Option<(usize, usize)> {
    let rest = &message[message.find("<input>:")? + 8..];
    let mut parts = rest.splitn(3, ':');
    let line = parts.next()?.trim().parse().ok()?;
    let col = parts.next()?.trim().parse().ok()?;
    Some((line, col))
}

/// Byte offset of 1-based line and 0-based column `col` in `s`.
fn offset_in(s: &str, line: usize, col: usize) -> Option<usize> {
    let mut offset = 0;
    for (i, l) in s.split_inclusive('\n').enumerate() {
        if i + 1 == line {
            return Some(offset + l.char_indices().nth(col).map_or(l.len(), |(b, _)| b));
        }
        offset += l.len();
    }
    None
}

/// Checks and compiles one entry; its problems go to `errors` (all of them,
/// each at its own place), and then it gives no rule.
fn compile_rule(
    file: &str,
    text: &str,
    r: RawRule,
    compiler: &mut Compiler,
    errors: &mut Vec<CatalogueError>,
) -> Option<Rule> {
    let before = errors.len();
    let err = |span: Range<usize>, m: String| error(file, text, span, m);
    // Keeps what compiled; records the error of what did not.
    fn keep<T>(errors: &mut Vec<CatalogueError>, r: Result<T, CatalogueError>) -> Option<T> {
        r.map_err(|e| errors.push(e)).ok()
    }
    let id = r.id.get_ref().clone();
    if id.is_empty() || !id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
        errors.push(err(
            r.id.span(),
            format!("rule id `{id}` must be letters and digits, such as `B01`"),
        ));
    }
    let name = r.name.get_ref().clone();
    if name.is_empty()
        || !name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
    {
        errors.push(err(
            r.name.span(),
            format!("rule name `{name}` must be kebab-case"),
        ));
    }
    let severity = keep(
        errors,
        Severity::parse(r.severity.get_ref()).ok_or_else(|| {
            err(
                r.severity.span(),
                format!(
                    "severity `{}` must be error, warning or info",
                    r.severity.get_ref()
                ),
            )
        }),
    );
    let select = keep(
        errors,
        Selector::parse(r.select.get_ref()).map_err(|m| {
            err(
                r.select.span(),
                format!("the `select` JSONPath does not parse: {m}"),
            )
        }),
    );
    let when = r
        .when
        .as_ref()
        .map(|w| keep(errors, compile_expr(compiler, file, text, w, "when")));
    let assert = keep(
        errors,
        compile_expr(compiler, file, text, &r.assert, "assert"),
    );
    let message = keep(
        errors,
        Template::parse_with(r.message.get_ref(), compiler).map_err(|m| {
            err(
                r.message.span(),
                format!("the message template is invalid: {m}"),
            )
        }),
    );
    let mut translated_messages = HashMap::new();
    for (lang, t) in &r.translations {
        let tpl = Template::parse_with(&t.message, compiler).map_err(|m| {
            err(
                r.message.span(),
                format!("the {lang} message template is invalid: {m}"),
            )
        });
        if let Some(tpl) = keep(errors, tpl) {
            translated_messages.insert(lang.clone(), tpl);
        }
    }
    let at = match &r.at {
        Some(a) if !(a.get_ref().is_empty() || a.get_ref().starts_with('/')) => {
            errors.push(err(
                a.span(),
                "`at` must be a JSON pointer relative to the selected node, starting with `/`"
                    .into(),
            ));
            String::new()
        }
        Some(a) => a.get_ref().clone(),
        None => String::new(),
    };
    let mut plans = Vec::new();
    for p in &r.plans {
        match Profile::parse(p.get_ref()).filter(|p| p.is_plan()) {
            Some(plan) if p.get_ref() == plan.code() => plans.push(plan),
            _ => errors.push(err(
                p.span(),
                format!("plan `{}` must be MAP, OAP or SRAAP", p.get_ref()),
            )),
        }
    }
    let (references, plan_references) = match r.references {
        RawReferences::List(l) => (l, BTreeMap::new()),
        RawReferences::ByPlan(mut by) => (by.remove("treaty").unwrap_or_default(), by),
    };
    // A treaty rule may cite plans too (shown under those plans); a plan
    // rule cites only the plans it runs under.
    for plan in plan_references.keys() {
        let known = Profile::parse(plan).is_some_and(|p| p.is_plan() && p.code() == plan);
        if !known || !(plans.is_empty() || plans.iter().any(|p| p.code() == plan)) {
            errors.push(err(
                r.id.span(),
                format!("`references.{plan}`: not MAP, OAP or SRAAP, or not among the rule's `plans` (use `treaty` for the Convention's articles)"),
            ));
        }
    }
    let mut profile_severity = BTreeMap::new();
    for (code, sev) in &r.profile_severity {
        match (Profile::parse(code), Severity::parse(sev.get_ref())) {
            (Some(p), Some(s)) if p.code() == code && (plans.is_empty() || plans.contains(&p)) => {
                profile_severity.insert(code.clone(), s);
            }
            _ => errors.push(err(
                sev.span(),
                format!("`profile_severity.{code}`: the profile must be one the rule runs under (treaty, MAP, OAP, SRAAP) and the severity error, warning or info"),
            )),
        }
    }
    let mut requires = Vec::new();
    for q in &r.requires {
        match q.get_ref().as_str() {
            "previous" => requires.push(Requirement::Previous),
            "earlier" => requires.push(Requirement::Earlier),
            "history" => requires.push(Requirement::History(1)),
            p if p.starts_with('/') => requires.push(Requirement::Value(p.to_owned())),
            other => match other
                .strip_prefix("history:")
                .and_then(|n| n.parse::<usize>().ok())
                .filter(|n| (1..=HISTORY_DEPTH).contains(n))
            {
                Some(n) => requires.push(Requirement::History(n)),
                None => errors.push(err(q.span(), format!("`requires` entries are JSON pointers such as `/entry_into_force`, `previous`, `earlier`, `history` or `history:N` (N from 1 to {HISTORY_DEPTH}); found `{other}`"))),
            },
        }
    }
    let mut examples = Vec::new();
    for ex in &r.examples {
        let e = ex.get_ref();
        let mut json = |what: &str, text: &str| -> Option<serde_json::Value> {
            let parsed = serde_json::from_str(text).map_err(|m| {
                err(
                    ex.span(),
                    format!("example `{what}` is not valid JSON: {m}"),
                )
            });
            keep(errors, parsed)
        };
        let doc = json("doc", &e.doc);
        let previous = e.previous.as_deref().map(|p| json("previous", p));
        let earlier = e.earlier.as_deref().map(|p| json("earlier", p));
        let history = e.history.as_deref().map(|p| json("history", p));
        let history = match history {
            Some(Some(h)) if !h.is_array() => {
                errors.push(err(
                    ex.span(),
                    "example `history` must be a JSON array of reports, newest first".into(),
                ));
                None
            }
            other => other,
        };
        // An absent optional report is fine; one that does not parse is not.
        let optional = |o: Option<Option<serde_json::Value>>| match o {
            None => Some(None),
            Some(parsed) => parsed.map(Some),
        };
        if let (Some(doc), Some(previous), Some(earlier), Some(history)) = (
            doc,
            optional(previous),
            optional(earlier),
            optional(history),
        ) {
            examples.push(Example {
                valid: e.valid,
                doc,
                previous,
                earlier,
                history,
                note: e.note.clone(),
            });
        }
    }
    let mut bindings = Vec::new();
    for (name, src) in &r.bindings {
        if matches!(
            name.as_str(),
            "doc"
                | "item"
                | "previous"
                | "earlier"
                | "history"
                | "path"
                | "key"
                | "index"
                | "profile"
        ) || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        {
            errors.push(err(src.span(), format!("`let {name}`: choose another name (letters, digits, _; not a built-in variable)")));
        } else if let Some(p) = keep(errors, compile_expr(compiler, file, text, src, "let")) {
            bindings.push((name.clone(), p));
        }
    }
    if errors.len() > before {
        return None;
    }
    // Nothing failed above, so every part is there.
    let (Some(severity), Some(select), Some(assert), Some(message)) =
        (severity, select, assert, message)
    else {
        return None;
    };
    let when = when.flatten();
    let mut programs: Vec<&Program> = vec![&assert];
    programs.extend(bindings.iter().map(|(_, p)| p.as_ref()));
    programs.extend(when.as_deref());
    programs.extend(message.programs());
    let footprint = footprint::of_programs(&programs);
    let uses_var = |name: &str| programs.iter().any(|p| p.references().has_variable(name));
    let uses = NodeVars {
        path: uses_var("path"),
        key: uses_var("key"),
        index: uses_var("index"),
        when_per_node: when.as_ref().is_some_and(|w| {
            ["item", "path", "key", "index"]
                .iter()
                .any(|v| w.references().has_variable(v))
        }),
    };
    let reads_history = uses_var("history")
        || requires
            .iter()
            .any(|q| matches!(q, Requirement::History(_)));
    let doc = RuleDoc {
        id,
        name,
        severity,
        title: r.title,
        message_source: r.message.get_ref().clone(),
        why: r.why,
        help: r.help,
        references,
        plans,
        plan_references,
        profile_severity,
        translations: r.translations,
        examples,
        file: file.to_owned(),
    };
    let program = RuleProgram {
        select_source: r.select.get_ref().clone(),
        select,
        when_source: r.when.as_ref().map(|w| w.get_ref().clone()),
        when,
        assert_source: r.assert.get_ref().clone(),
        assert,
        at,
        requires,
        reads_history,
        binding_sources: r
            .bindings
            .iter()
            .map(|(n, s)| (n.clone(), s.get_ref().clone()))
            .collect(),
        bindings,
        message,
        translated_messages,
        footprint,
        uses,
    };
    Some(Rule {
        doc: Arc::new(doc),
        program,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The catalogue of one file, or its first problem.
    fn load(text: &str) -> Result<Catalogue, CatalogueError> {
        Catalogue::from_files(vec![("t.toml".into(), text.into())]).map_err(|mut e| e.remove(0))
    }

    const GOOD: &str = r#"
[[rules]]
id = "T01"
name = "total-matches"
severity = "error"
title = "t"
select = "$.forms.B"
assert = 'sum(item.stockpile, "quantity") == item.total'
message = "rows add up to {{ sum(item.stockpile, 'quantity') }} but total says {{ item.total }}"
why = "w"
help = "h"
"#;

    #[test]
    fn a_good_rule_compiles() {
        let c = load(GOOD).unwrap();
        assert_eq!(c.rules.len(), 1);
        assert_eq!(c.rules[0].severity, Severity::Error);
    }

    #[test]
    fn unknown_key_points_at_its_line() {
        let e = load(&GOOD.replace("why = \"w\"", "why = \"w\"\nwhy_not = 1")).unwrap_err();
        assert_eq!(e.line, 11, "{e}");
        assert!(e.message.contains("why_not"), "{e}");
    }

    #[test]
    fn bad_cel_points_into_the_expression() {
        let e = load(&GOOD.replace("== item.total'", "== (item.total'")).unwrap_err();
        assert_eq!(e.line, 8, "{e}");
        assert!(e.message.contains("assert"), "{e}");
    }

    #[test]
    fn bad_jsonpath_and_duplicate_ids_are_refused() {
        let e = load(&GOOD.replace("$.forms.B", "$.forms[")).unwrap_err();
        assert_eq!(e.line, 7, "{e}");
        let twice = format!("{GOOD}{GOOD}");
        let e = load(&twice).unwrap_err();
        assert!(e.message.contains("duplicate rule id `T01`"), "{e}");
        assert_eq!(e.line, 14, "{e}");
    }

    #[test]
    fn bad_severity_is_refused() {
        let e = load(&GOOD.replace("\"error\"", "\"fatal\"")).unwrap_err();
        assert_eq!(e.line, 5, "{e}");
    }

    /// Every mistake of a file is reported, each at its own line: an
    /// unknown key in one entry does not hide the bad CEL and bad severity
    /// of the next, and one entry's several mistakes are all listed.
    #[test]
    fn every_mistake_is_reported_at_its_place() {
        let broken = format!(
            "{}{}{}",
            GOOD.replace("why = \"w\"", "why = \"w\"\nwhy_not = 1"),
            GOOD.replace("T01", "T02")
                .replace("\"error\"", "\"fatal\"")
                .replace("== item.total'", "== (item.total'"),
            GOOD.replace("T01", "T03")
                .replace("$.forms.B", "$.forms[")
                .replace("total-matches", "Total Matches"),
        );
        let errors = Catalogue::from_files(vec![("t.toml".into(), broken)]).unwrap_err();
        let found: Vec<(usize, bool)> = errors
            .iter()
            .map(|e| {
                (
                    e.line,
                    e.to_string().starts_with(&format!("t.toml:{}:", e.line)),
                )
            })
            .collect();
        let lines: Vec<usize> = found.iter().map(|(l, _)| *l).collect();
        // Each copy of GOOD starts with a blank line; the first has one line more.
        assert_eq!(lines, vec![11, 17, 20, 27, 30], "{errors:#?}");
        assert!(found.iter().all(|(_, shown)| *shown));
        assert!(errors[0].message.contains("why_not"));
        assert!(errors[1].message.contains("fatal"));
        assert!(errors[2].message.contains("assert"));
        assert!(errors[3].message.contains("kebab-case"));
        assert!(errors[4].message.contains("JSONPath"));
    }

    #[test]
    fn problems_of_several_files_are_all_reported() {
        let errors = Catalogue::from_files(vec![
            ("a.toml".into(), "[[rules]\n".into()),
            ("b.toml".into(), GOOD.replace("\"error\"", "\"fatal\"")),
            ("c.toml".into(), format!("{GOOD}\nextra = 1\n")),
            ("d.toml".into(), GOOD.into()),
            ("e.toml".into(), GOOD.into()),
        ])
        .unwrap_err();
        let files: Vec<&str> = errors.iter().map(|e| e.file.as_str()).collect();
        assert_eq!(
            files,
            ["a.toml", "b.toml", "c.toml", "c.toml", "d.toml", "e.toml"],
            "{errors:#?}"
        );
        assert!(errors[2].message.contains("extra"), "{}", errors[2]);
        // A broken rule still holds its id: the later T01s are duplicates
        // of b.toml's.
        for e in &errors[3..] {
            assert!(e.message.contains("already defined in b.toml"), "{e}");
        }
    }

    /// [`RULE_KEYS`] are the keys serde knows: its own message for an
    /// unknown key lists them.
    #[test]
    fn rule_keys_are_the_fields_of_a_rule_entry() {
        let e = toml::from_str::<RawRule>("bogus = 1").err().unwrap();
        let listed = e.message().split("expected one of ").nth(1).unwrap();
        let listed: Vec<&str> = listed.split(", ").map(|k| k.trim_matches('`')).collect();
        assert_eq!(listed, RULE_KEYS);
    }

    #[test]
    fn every_unknown_key_of_an_entry_is_reported_with_its_other_mistakes() {
        let text = GOOD
            .replace("why = \"w\"", "why = \"w\"\nwhy_not = 1\nhow = 2")
            .replace("\"error\"", "\"fatal\"");
        let errors = Catalogue::from_files(vec![("t.toml".into(), text)]).unwrap_err();
        let found: Vec<(usize, &str)> = errors
            .iter()
            .map(|e| (e.line, e.message.split(',').next().unwrap()))
            .collect();
        assert_eq!(
            found,
            [
                (11, "unknown field `why_not`"),
                (12, "unknown field `how`"),
                (5, "severity `fatal` must be error"),
            ]
        );
    }
}

#[cfg(test)]
mod fast_parser {
    use super::EMBEDDED;
    use crate::rules::expr::{compile, compile_fast, EXTENSION_MACROS};

    /// Every expression of the embedded catalogue: `when`, `assert`, `let`,
    /// and the holes of every message in every language.
    fn embedded_expressions() -> Vec<String> {
        let mut out = Vec::new();
        for (name, text) in EMBEDDED {
            let file: toml::Table = toml::from_str(text).unwrap_or_else(|e| panic!("{name}: {e}"));
            for rule in file["rules"].as_array().expect("rules") {
                let rule = rule.as_table().expect("a table");
                for key in ["when", "assert"] {
                    if let Some(s) = rule.get(key).and_then(|v| v.as_str()) {
                        out.push(s.to_owned());
                    }
                }
                if let Some(lets) = rule.get("let").and_then(|v| v.as_table()) {
                    out.extend(lets.values().filter_map(|v| v.as_str()).map(str::to_owned));
                }
                let mut messages = vec![rule["message"].as_str().expect("message").to_owned()];
                if let Some(t) = rule.get("translations").and_then(|v| v.as_table()) {
                    messages.extend(
                        t.values()
                            .filter_map(|l| l.get("message")?.as_str())
                            .map(str::to_owned),
                    );
                }
                for m in messages {
                    let mut rest = m.as_str();
                    while let Some(open) = rest.find("{{") {
                        let after = &rest[open + 2..];
                        let close = after.find("}}").expect("a closed hole");
                        out.push(after[..close].trim().to_owned());
                        rest = &after[close + 2..];
                    }
                }
            }
        }
        out
    }

    /// The tree as text without its node ids: the parsers number some nodes
    /// in another order (`a.?b`), and ids only serve parse-time messages
    /// (evaluation, our native compiler and footprints never read them).
    fn without_ids(e: &cel::parser::Expression) -> String {
        let text = format!("{e:?}");
        let mut out = String::with_capacity(text.len());
        let mut rest = text.as_str();
        while let Some(at) = rest.find("id: ") {
            out.push_str(&rest[..at + 4]);
            rest = rest[at + 4..].trim_start_matches(|c: char| c.is_ascii_digit());
        }
        out.push_str(rest);
        out
    }

    /// What makes the fast parser safe to use on the embedded catalogue:
    /// it gives the reference parser's tree, but for node ids, for every
    /// expression there (a rule added with an expression it reads otherwise,
    /// such as the extensions' `sortBy` macro, fails here).
    #[test]
    fn the_fast_parser_gives_the_reference_tree_on_the_embedded_catalogue() {
        let all = embedded_expressions();
        assert!(all.len() > 300, "{}", all.len());
        for src in all {
            let reference = compile(&src).unwrap_or_else(|e| panic!("{src}: {e}"));
            let Some(fast) = compile_fast(&src) else {
                // Left to the reference parser: only for the macros it
                // alone expands.
                assert!(
                    EXTENSION_MACROS.iter().any(|m| src.contains(m)),
                    "{src}: no fast parse"
                );
                continue;
            };
            assert_eq!(
                without_ids(fast.expression()),
                without_ids(reference.expression()),
                "the parsers disagree on {src}"
            );
        }
    }

    #[test]
    fn the_fast_parser_refuses_what_the_reference_parser_refuses() {
        for src in ["a +", "(a", "a.", "'open", "a ? b", "1 2"] {
            assert!(compile(src).is_err(), "{src}");
            assert!(compile_fast(src).is_none(), "{src}");
        }
    }
}
