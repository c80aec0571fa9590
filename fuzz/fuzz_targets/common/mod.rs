//! What every target checks on one input: the reader of `format`, then the
//! whole per-file pipeline (schema, rules, document order, localisation),
//! then the human and HTML printers (source snippets, escaping). Nothing may
//! panic (libFuzzer turns a panic into a crash), hang (`-timeout`) or
//! exhaust memory (`-rss_limit_mb`, `-malloc_limit_mb`).

use article7::report::{self, OutputFormat, PrintOptions, Summary};
use article7::validator::Validator;
use article7::{Format, Source, SourceLocation};
use std::sync::OnceLock;

/// The embedded schema and catalogue, compiled once per process.
fn validator() -> &'static Validator {
    static VALIDATOR: OnceLock<Validator> = OnceLock::new();
    VALIDATOR.get_or_init(Validator::new)
}

pub fn check(format: Format, bytes: &[u8]) {
    let source = Source {
        name: format!("fuzz.{format}"),
        path: None,
        bytes: bytes.to_vec(),
        format: Some(format),
    };

    // The reader: an input it cannot turn into a document is a finding.
    let ingested = article7::format::load(&source);
    if ingested.document.is_none() {
        assert!(
            !ingested.findings.is_empty(),
            "no document and no finding saying why"
        );
    }
    drop(ingested);

    // The whole pipeline, as `article7 validate` runs it on one file.
    let file = validator().validate_source(&source);
    if let Some(text) = &file.text {
        for f in &file.findings {
            if let Some(SourceLocation::Text { start, end, .. }) = f.location {
                assert!(
                    start <= end && end <= text.len(),
                    "{}: span {start}..{end} outside a text of {} bytes",
                    f.rule,
                    text.len()
                );
            }
        }
    }

    // The printers that quote the input: snippets and escaping.
    let options = PrintOptions {
        lang: "en".to_owned(),
        ..PrintOptions::default()
    };
    let mut summary = Summary::default();
    summary.add(&file);
    for format in [OutputFormat::Human, OutputFormat::Html] {
        let mut printer = report::printer(format, &options);
        let mut out = Vec::new();
        printer.file(&mut out, &file).expect("writing to memory");
        printer
            .finish(&mut out, &summary)
            .expect("writing to memory");
    }
}
