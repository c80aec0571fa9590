//! `article7 convert` and `article7 template`.

use super::catalogue::Lang;
use super::{fail, AtomicFile, EXIT_FINDINGS, EXIT_OK};
use article7::source::{Format, Source};
use clap::Args;
use serde_json::Value;
use std::io::Write;
use std::path::{Path, PathBuf};

#[derive(Debug, Args)]
pub struct ConvertArgs {
    /// The report to convert (.json, .xml or .xlsx).
    input: PathBuf,
    /// Where to write it; the extension chooses the format.
    #[arg(short, long, value_name = "FILE")]
    output: PathBuf,
    /// Replace OUT if it exists.
    #[arg(long)]
    force: bool,
    /// Language of the workbook's labels and instructions (Excel output).
    #[arg(long, value_parser = super::values::lang(), default_value = "en")]
    lang: Lang,
}

#[derive(Debug, Args)]
pub struct TemplateArgs {
    /// The template's format.
    #[arg(long, value_parser = super::values::format())]
    format: Format,
    /// Where to write it.
    #[arg(short, long, value_name = "FILE")]
    output: PathBuf,
    /// Replace FILE if it exists.
    #[arg(long)]
    force: bool,
    /// Language of labels and instructions (Excel).
    #[arg(long, value_parser = super::values::lang(), default_value = "en")]
    lang: Lang,
}

/// The bytes of `value` in `format`.
fn encode(value: &Value, format: Format, lang: Lang) -> Result<Vec<u8>, String> {
    match format {
        Format::Json => serde_json::to_vec_pretty(value)
            .map(|mut v| {
                v.push(b'\n');
                v
            })
            .map_err(|e| e.to_string()),
        Format::Xml => Ok(article7::format::xml::write(value).into_bytes()),
        Format::Xlsx => article7::format::xlsx::write(value, lang.code()),
    }
}

fn write_new(path: &Path, bytes: &[u8], force: bool) -> u8 {
    if path.exists() && !force {
        return fail(&format!(
            "{} exists; pass --force to replace it",
            path.display()
        ));
    }
    let result = AtomicFile::create(path).and_then(|mut f| {
        f.write_all(bytes)?;
        f.commit()
    });
    match result {
        Ok(()) => EXIT_OK,
        // `-o /dev/stdout` into a reader that stopped reading.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => EXIT_OK,
        Err(e) => fail(&format!("cannot write {}: {e}", path.display())),
    }
}

pub fn convert(args: ConvertArgs) -> u8 {
    let Some(out_format) = Format::from_extension(&args.output) else {
        return fail("the output file needs a .json, .xml or .xlsx extension");
    };
    let source = match Source::read(&args.input) {
        Ok(s) => s,
        Err(e) => return fail(&format!("{}: {e}", args.input.display())),
    };
    let ingested = article7::format::load(&source);
    let Some(doc) = ingested.document else {
        for f in &ingested.findings {
            eprintln!("{}: {} ({})", args.input.display(), f.message, f.rule);
        }
        eprintln!(
            "error: {} could not be read as a report; nothing written",
            args.input.display()
        );
        return EXIT_FINDINGS;
    };
    if out_format == Format::Xml {
        let losses = article7::format::xml::losses(&doc.value);
        if !losses.is_empty() {
            eprintln!(
                "error: XML cannot hold these values exactly: {}; nothing written",
                losses.join(", ")
            );
            return EXIT_FINDINGS;
        }
    }
    match encode(&doc.value, out_format, args.lang) {
        Ok(bytes) => write_new(&args.output, &bytes, args.force),
        Err(e) => fail(&format!("cannot write the report as {out_format}: {e}")),
    }
}

pub fn template(args: TemplateArgs) -> u8 {
    let bytes = match args.format {
        Format::Xlsx => article7::format::xlsx::template(args.lang.code()),
        other => encode(&article7::shape::skeleton(), other, args.lang),
    };
    match bytes {
        Ok(b) => write_new(&args.output, &b, args.force),
        Err(e) => fail(&format!("cannot write the template: {e}")),
    }
}
