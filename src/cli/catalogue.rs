//! `article7 rules` and `article7 explain`, and the catalogue options that
//! `validate` shares with them.

use super::{fail, print_stdout, EXIT_FINDINGS, EXIT_OK, EXIT_USAGE};
use article7::rules::functions::{self, Function, FUNCTIONS};
use article7::rules::{Catalogue, CatalogueError, Engine, EngineOptions, Profile, Rule};
use article7::Severity;
use clap::{Args, ValueEnum};
use miette::MietteDiagnostic;
use std::collections::{HashMap, HashSet};
use std::path::PathBuf;

/// Options that choose and adjust the rule catalogue.
#[derive(Debug, Args, Clone, Default)]
pub struct CatalogueArgs {
    /// A folder of extra rule files (`*.toml`); a file named like an
    /// embedded one (`form-b.toml`) replaces it.
    #[arg(long, value_name = "DIR")]
    pub rules: Option<PathBuf>,
    /// Do not load the embedded catalogue (use only `--rules`).
    #[arg(long)]
    pub no_default_rules: bool,
    /// Override a rule's severity, e.g. `--severity B02=warning`.
    #[arg(long, value_name = "ID=LEVEL")]
    pub severity: Vec<String>,
    /// Turn a rule off: it is not evaluated at all.
    #[arg(long, value_name = "ID")]
    pub disable: Vec<String>,
    /// Language of messages and help.
    #[arg(long, value_parser = super::values::lang(), default_value = "en")]
    pub lang: Lang,
    /// Hold every report to this plan instead of the one in force for its
    /// period (2014–2019 MAP, 2020–2024 OAP, 2025–2029 SRAAP, otherwise
    /// the treaty alone); `rules` and `explain` then show what applies.
    #[arg(long, value_enum, value_name = "PLAN")]
    pub profile: Option<ProfileArg>,
}

/// The profiles `--profile` accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ProfileArg {
    /// The Convention's rules only.
    Treaty,
    /// Maputo Action Plan (2014–2019).
    Map,
    /// Oslo Action Plan (2020–2024).
    Oap,
    /// Siem Reap–Angkor Action Plan (2025–2029).
    Sraap,
}

impl ProfileArg {
    /// The argument that names `profile`.
    pub fn from_profile(profile: Profile) -> ProfileArg {
        match profile {
            Profile::Treaty => ProfileArg::Treaty,
            Profile::Map => ProfileArg::Map,
            Profile::Oap => ProfileArg::Oap,
            Profile::Sraap => ProfileArg::Sraap,
        }
    }

    /// The library's profile.
    pub fn profile(self) -> Profile {
        match self {
            ProfileArg::Treaty => Profile::Treaty,
            ProfileArg::Map => Profile::Map,
            ProfileArg::Oap => Profile::Oap,
            ProfileArg::Sraap => Profile::Sraap,
        }
    }
}

/// Languages of messages: the library's one type.
pub use article7::i18n::Lang;

impl CatalogueArgs {
    /// Loads and compiles the catalogue; on failure prints the diagnostic
    /// and returns the exit status (2).
    pub fn engine(&self) -> Result<Engine, u8> {
        let catalogue = Catalogue::with_directory(self.rules.as_deref(), self.no_default_rules)
            .map_err(|e| report_catalogue_errors(&e))?;
        let mut severity = HashMap::new();
        for s in &self.severity {
            let Some((id, level)) = s.split_once('=') else {
                return Err(fail(&format!("--severity expects ID=LEVEL, found `{s}`")));
            };
            let Some(level) = Severity::parse(level) else {
                return Err(fail(&format!(
                    "--severity {s}: the level must be error, warning or info"
                )));
            };
            severity.insert(id.to_owned(), level);
        }
        let options = EngineOptions {
            severity,
            disabled: self.disable.iter().cloned().collect::<HashSet<_>>(),
            lang: self.lang.code().to_owned(),
            profile: self.profile.map(ProfileArg::profile),
        };
        Engine::new(catalogue, options).map_err(|e| fail(&e.to_string()))
    }
}

/// Prints every problem of the rule files (each with its file's snippet),
/// then how many there are, and returns exit status 2.
pub fn report_catalogue_errors(errors: &[CatalogueError]) -> u8 {
    for e in errors {
        eprintln!("{}", render_catalogue_error(e));
    }
    if errors.len() > 1 {
        eprintln!("{} problems in the rule files", errors.len());
    }
    EXIT_USAGE
}

/// One problem of a rule file as a diagnostic with the file's snippet.
fn render_catalogue_error(e: &CatalogueError) -> String {
    let diag = MietteDiagnostic::new(format!(
        "broken rule file {}:{}:{}: {}",
        e.file, e.line, e.column, e.message
    ))
    .with_code("catalogue/invalid")
    .with_help("fix the rule file; docs/rule-format.md describes the format, and `article7 explain --functions` the functions");
    super::render_file_mistake(diag, &e.file, &e.text, e.span.clone(), e.to_string())
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    /// A table.
    Table,
    /// JSON.
    Json,
}

#[derive(Debug, Args)]
pub struct RulesArgs {
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    format: ListFormat,
    /// Run every rule's examples and report those that misbehave.
    #[arg(long)]
    test: bool,
    #[command(flatten)]
    catalogue: CatalogueArgs,
}

pub fn rules(args: RulesArgs) -> u8 {
    let engine = match args.catalogue.engine() {
        Ok(e) => e,
        Err(code) => return code,
    };
    let lang = args.catalogue.lang.code();
    let forced = engine.forced_profile();
    // Under `--profile`, only the rules that run under it.
    let rules: Vec<&Rule> = engine
        .catalogue
        .rules
        .iter()
        .filter(|r| forced.is_none_or(|p| r.applies_in(p)))
        .collect();
    if args.test {
        let problems: Vec<String> = rules
            .iter()
            .flat_map(|r| engine.check_examples(r))
            .collect();
        let mut out: String = problems.iter().map(|p| format!("{p}\n")).collect();
        out.push_str(&format!(
            "{} rules, {} example problems\n",
            rules.len(),
            problems.len()
        ));
        return match print_stdout(out.as_bytes()) {
            EXIT_OK if !problems.is_empty() => EXIT_FINDINGS,
            status => status,
        };
    }
    let mut out = String::new();
    match args.format {
        ListFormat::Json => {
            let list: Vec<_> = rules
                .iter()
                .map(|r| {
                    let references = match forced {
                        Some(p) => r.references_in(p),
                        None => r.references.clone(),
                    };
                    serde_json::json!({
                        "id": r.id, "name": r.name, "severity": engine.severity_of(r),
                        "title": r.title_in(lang), "references": references,
                        "plans": r.plans, "plan_references": r.plan_references,
                        "profile_severity": r.profile_severity, "file": r.file,
                    })
                })
                .collect();
            let doc = serde_json::json!({
                "profile": forced,
                "catalogue_version": article7::rules::catalogue::CATALOGUE_VERSION,
                "catalogue_hash": engine.catalogue.hash,
                "rules": list,
            });
            out = serde_json::to_string_pretty(&doc).unwrap_or_default() + "\n";
        }
        ListFormat::Table => {
            if let Some(p) = forced {
                out.push_str(&format!("Profile {p}: {}\n", p.params().name));
            }
            let w = rules.iter().map(|r| r.name.len()).max().unwrap_or(4).max(4);
            out.push_str(&format!(
                "{:<5} {:<w$} {:<8} {:<15} TITLE\n",
                "ID", "NAME", "SEVERITY", "BASIS"
            ));
            for r in &rules {
                out.push_str(&format!(
                    "{:<5} {:<w$} {:<8} {:<15} {}\n",
                    r.id,
                    r.name,
                    engine.severity_of(r).as_str(),
                    r.basis_label(),
                    r.title_in(lang)
                ));
            }
            out.push_str(&format!("{} rules\n", rules.len()));
            if forced.is_none() {
                // The column shows the default; say where a profile changes it.
                let mut differing = Vec::new();
                for r in &rules {
                    let default = engine.severity_of(r);
                    for code in r.profile_severity.keys() {
                        let Some(p) = article7::rules::profile::Profile::parse(code) else {
                            continue;
                        };
                        let s = engine.severity_in(r, p);
                        if s != default {
                            differing.push(format!("{} {s} under {p}", r.id));
                        }
                    }
                }
                if !differing.is_empty() {
                    out.push_str(&format!(
                        "severity by profile: {} (`--profile P` lists each profile's)\n",
                        differing.join(", ")
                    ));
                }
            }
        }
    }
    print_stdout(out.as_bytes())
}

#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// A rule id (`B01`) or name (`stockpile-total-matches`), or the name of
    /// a function of rule expressions (`sum`).
    #[arg(required_unless_present = "functions")]
    id: Option<String>,
    /// List the functions rule expressions may call, instead.
    #[arg(long, conflicts_with = "id")]
    functions: bool,
    #[command(flatten)]
    catalogue: CatalogueArgs,
}

pub fn explain(args: ExplainArgs) -> u8 {
    let engine = match args.catalogue.engine() {
        Ok(e) => e,
        Err(code) => return code,
    };
    let Some(id) = args.id.as_deref() else {
        let all: String = FUNCTIONS.iter().map(function_text).collect();
        return print_stdout(all.as_bytes());
    };
    let wanted = id.to_ascii_uppercase();
    // Rules first: a rule named like a function is still found by its id.
    if let Some(rule) = engine
        .catalogue
        .rules
        .iter()
        .find(|r| r.id.eq_ignore_ascii_case(&wanted) || r.name == id)
    {
        let text = explain_text(rule, &engine, args.catalogue.lang.code());
        return print_stdout(text.as_bytes());
    }
    if let Some(f) = functions::get(id) {
        return print_stdout(function_text(f).as_bytes());
    }
    fail(&format!(
        "there is no rule or function `{id}` (see `article7 rules` and `article7 explain --functions`)"
    ))
}

/// A function's forms and examples as text.
fn function_text(f: &Function) -> String {
    let mut s = format!("{}\n", f.name);
    for (call, returns) in f.forms {
        s.push_str(&format!("  {call}\n      {returns}\n"));
    }
    for (expr, value) in f.examples {
        s.push_str(&format!("  example: {expr} == {value}\n"));
    }
    s.push('\n');
    s
}

/// A rule's whole documentation as text, in `lang`.
pub fn explain_text(rule: &Rule, engine: &Engine, lang: &str) -> String {
    let h = |id: &str| article7::i18n::lookup(lang, id).unwrap_or_else(|| id.to_owned());
    let mut s = format!(
        "{} {} ({})\n{}\n\n{}\n  selects: {}\n",
        rule.id,
        rule.name,
        h(&format!("severity-{}", engine.severity_of(rule).as_str())),
        rule.title_in(lang),
        h("explain-checks"),
        rule.program.select_source
    );
    if let Some(w) = &rule.program.when_source {
        s.push_str(&format!("  when:    {}\n", w.trim()));
    }
    s.push_str(&format!(
        "  assert:  {}\n",
        rule.program
            .assert_source
            .trim()
            .replace('\n', "\n           ")
    ));
    if !rule.program.requires.is_empty() {
        let req: Vec<String> = rule
            .program
            .requires
            .iter()
            .map(|r| match r {
                article7::rules::catalogue::Requirement::Value(p) => p.clone(),
                article7::rules::catalogue::Requirement::Previous => h("explain-previous"),
                article7::rules::catalogue::Requirement::Earlier => h("explain-earlier"),
                article7::rules::catalogue::Requirement::History(n) => article7::i18n::text(
                    lang,
                    &article7::i18n::MessageKey::new("explain-history").arg("n", *n as i64),
                ),
            })
            .collect();
        s.push_str(&format!(
            "  {}: {}\n",
            h("explain-requires"),
            req.join(", ")
        ));
    }
    s.push_str(&format!(
        "\n{}\n  {}\n\n{}\n  {}\n",
        h("explain-why"),
        rule.why_in(lang).trim(),
        h("explain-fix"),
        rule.help_in(lang).trim()
    ));
    s.push_str(&format!("\n{}\n", h("explain-basis")));
    if rule.plans.is_empty() {
        s.push_str("  the treaty: under every profile\n");
    }
    if !rule.references.is_empty() {
        s.push_str(&format!("  treaty: {}\n", rule.references.join("; ")));
    }
    for plan in &rule.plans {
        let refs = rule
            .plan_references
            .get(plan.code())
            .map(|r| r.join("; "))
            .unwrap_or_default();
        s.push_str(&format!(
            "  {}: {} ({}){}\n",
            plan.code(),
            plan.params().name,
            engine.severity_in(rule, *plan),
            if refs.is_empty() {
                String::new()
            } else {
                format!(": {refs}")
            }
        ));
    }
    if let Some(p) = engine.forced_profile() {
        if rule.applies_in(p) {
            s.push_str(&format!(
                "  under --profile {p}: runs, as {}\n",
                engine.severity_in(rule, p)
            ));
        } else {
            s.push_str(&format!("  under --profile {p}: does not run\n"));
        }
    }
    for (title, valid) in [("explain-invalid", false), ("explain-valid", true)] {
        if let Some(ex) = rule.examples.iter().find(|e| e.valid == valid) {
            s.push_str(&format!("\n{}\n", h(title)));
            if let Some(n) = &ex.note {
                s.push_str(&format!("  {n}\n"));
            }
            let text = serde_json::to_string_pretty(&ex.doc).unwrap_or_default();
            for line in text.lines() {
                s.push_str(&format!("    {line}\n"));
            }
            // The reports a year-over-year example is compared with, on one
            // line each: they only carry what the rule reads.
            let related = [
                ("explain-with-previous", &ex.previous),
                ("explain-with-earlier", &ex.earlier),
                ("explain-with-history", &ex.history),
            ];
            for (label, report) in related {
                if let Some(r) = report {
                    s.push_str(&format!(
                        "  {}\n    {}\n",
                        h(label),
                        serde_json::to_string(r).unwrap_or_default()
                    ));
                }
            }
        }
    }
    s
}
