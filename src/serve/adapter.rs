//! Every call the server makes into the validator, the printers and the
//! writers, in one file: the rest of `serve` handles HTTP and pages only.
//! It mirrors what `article7 validate` and `article7 template` do, so an
//! upload gets the findings the command line gives for the same bytes.

use crate::batch::{self, Input};
use crate::history::History;
use crate::report::{Output, OutputFormat, PrintOptions, RuleEntry, Summary};
use crate::rules::{Catalogue, Engine, EngineOptions};
use crate::source::{Format, Source};
use crate::validator::{FileReport, Validator};
use std::sync::OnceLock;

/// One validator per page language, each built on first use (compiling
/// the catalogue costs a fraction of a second; a server that is only ever
/// asked in French never builds the other two).
#[derive(Default)]
pub struct Validators {
    en: OnceLock<Lang>,
    fr: OnceLock<Lang>,
    es: OnceLock<Lang>,
}

/// A validator and the printer options that go with it.
pub struct Lang {
    /// Validates with messages in this language.
    pub validator: Validator,
    /// What the printers need (rules, catalogue version and hash, language).
    pub options: PrintOptions,
}

impl Validators {
    /// The validator for `lang` (`en`, `fr` or `es`; anything else is
    /// English).
    pub fn get(&self, lang: &str) -> &Lang {
        let (cell, code) = match lang {
            "fr" => (&self.fr, "fr"),
            "es" => (&self.es, "es"),
            _ => (&self.en, "en"),
        };
        cell.get_or_init(|| build(code))
    }
}

fn build(lang: &str) -> Lang {
    let catalogue = Catalogue::embedded().expect("the embedded catalogue compiles");
    let engine = Engine::new(
        catalogue,
        EngineOptions {
            lang: lang.to_owned(),
            ..EngineOptions::default()
        },
    )
    .expect("default options name no rule");
    let options = print_options(&engine, lang);
    Lang {
        validator: Validator::with_engine(engine),
        options,
    }
}

/// The options `article7 validate --lang LANG` prints with (default
/// `--fail-on error`, no colour).
fn print_options(engine: &Engine, lang: &str) -> PrintOptions {
    PrintOptions {
        fail_on: Some(crate::Severity::Error),
        ..PrintOptions::for_engine(engine, lang)
    }
}

/// Validates one upload held in memory, as `article7 validate NAME` would
/// validate a file of that name and content.
pub fn validate(lang: &Lang, name: &str, bytes: Vec<u8>) -> FileReport {
    let input = Input::Memory(Source::from_bytes(name, bytes));
    let mut report = batch::validate_one(&lang.validator, &input, &History::default());
    // The results page shows built-in findings in the page's language, as
    // the printers do ([`Output`] localises them again, to the same text).
    for f in &mut report.findings {
        f.localize(&lang.options.lang);
    }
    report
}

/// The format an upload's name or content says it is, if it is one the
/// validator reads.
pub fn format_of(name: &str, bytes: &[u8]) -> Option<Format> {
    Source::from_bytes(name, Vec::new())
        .format
        .or_else(|| Format::sniff(bytes))
}

/// The run's results in `format`, exactly as `article7 validate
/// --format FORMAT` writes them.
pub fn render(lang: &Lang, format: OutputFormat, reports: &[FileReport]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut output = Output::new(format, &lang.options);
    // Writing into a Vec cannot fail; a printer's own serialisation error
    // would leave a truncated body, which the caller cannot do better with.
    for r in reports {
        let _ = output.file(&mut out, r.clone());
    }
    let _ = output.finish(&mut out);
    out
}

/// Counts over `reports`.
pub fn summary(reports: &[FileReport]) -> Summary {
    let mut s = Summary::default();
    for r in reports {
        s.add(r);
    }
    s
}

/// The summary line ("2 files checked: 1 error, …") in the printers' words.
pub fn summary_line(summary: &Summary, lang: &str) -> String {
    summary.line(lang)
}

/// The rule catalogue, as `article7 rules --format json --lang LANG` lists
/// it, with each rule's explanation.
pub fn rules(lang: &Lang) -> serde_json::Value {
    let engine = lang.validator.engine();
    let code = lang.options.lang.as_str();
    let list: Vec<_> = engine
        .catalogue
        .rules
        .iter()
        .map(|r| rule_json(engine, r, code))
        .collect();
    serde_json::json!({
        "catalogue_version": crate::rules::catalogue::CATALOGUE_VERSION,
        "catalogue_hash": engine.catalogue.hash,
        "rules": list,
    })
}

/// One rule by id (any case) or name.
pub fn rule(lang: &Lang, id: &str) -> Option<serde_json::Value> {
    let engine = lang.validator.engine();
    engine
        .catalogue
        .rules
        .iter()
        .find(|r| r.id.eq_ignore_ascii_case(id) || r.name == id)
        .map(|r| rule_json(engine, r, &lang.options.lang))
}

fn rule_json(engine: &Engine, r: &crate::rules::Rule, lang: &str) -> serde_json::Value {
    serde_json::json!({
        "id": r.id,
        "name": r.name,
        "severity": engine.severity_of(r),
        "title": r.title_in(lang),
        "why": r.why_in(lang).trim(),
        "help": r.help_in(lang).trim(),
        "references": r.references,
        "file": r.file,
    })
}

/// A rule's explanation for the results page, when the finding's code is a
/// catalogue rule (built-in codes such as `schema/required` have none).
pub fn rule_meta<'a>(lang: &'a Lang, id: &str) -> Option<&'a RuleEntry> {
    lang.options.rules.iter().find(|r| r.doc.id == id)
}

/// A blank report to fill in, as `article7 template --format FORMAT --lang
/// LANG` writes it.
pub fn template(format: Format, lang: &str) -> Result<Vec<u8>, String> {
    match format {
        Format::Xlsx => crate::format::xlsx::template(lang),
        Format::Json => serde_json::to_vec_pretty(&crate::shape::skeleton())
            .map(|mut v| {
                v.push(b'\n');
                v
            })
            .map_err(|e| e.to_string()),
        Format::Xml => Ok(crate::format::xml::write(&crate::shape::skeleton()).into_bytes()),
    }
}
