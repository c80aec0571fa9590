//! `article7 annotate`: validates one workbook and writes a copy of it with
//! the findings as cell comments, highlighted cells and a first sheet
//! listing them (the library's `format::xlsx::annotate` does the writing).

use super::validate::{Given, ProjectArgs};
use super::{fail, AtomicFile, EXIT_FINDINGS, EXIT_OK};
use article7::batch::{self, Input};
use article7::format::xlsx::annotate::{self, Options};
use article7::i18n::MessageKey;
use article7::source::{Format, Source};
use article7::validator::Validator;
use article7::Severity;
use clap::Args;
use std::io::Write;
use std::path::{Path, PathBuf};

#[derive(Debug, Args)]
pub struct AnnotateArgs {
    /// The workbook to check (.xlsx).
    #[arg(value_name = "WORKBOOK")]
    input: PathBuf,
    /// Where to write the annotated copy (default: next to the input, named
    /// `NAME.checked.xlsx`).
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Replace the output file if it exists.
    #[arg(long)]
    force: bool,
    /// A folder of earlier reports for the year-over-year rules.
    #[arg(long, value_name = "DIR")]
    history: Vec<PathBuf>,
    /// Show every comment open, as when printing or exporting to PDF
    /// (otherwise a comment shows when the pointer is over its cell).
    #[arg(long)]
    show_comments: bool,
    #[command(flatten)]
    project: ProjectArgs,
}

/// `report.xlsx` → `report.checked.xlsx`, in the same folder.
fn default_output(input: &Path) -> PathBuf {
    let stem = input
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "report".to_owned());
    input.with_file_name(format!("{stem}.checked.xlsx"))
}

pub fn run(mut args: AnnotateArgs, given: Given<'_>) -> u8 {
    let config = match args.project.config() {
        Ok(c) => c.unwrap_or_default(),
        Err(code) => return code,
    };
    args.project.merge(&config, given);
    let catalogue = &args.project.catalogue;
    let lang = catalogue.lang.code();
    let output = args
        .output
        .clone()
        .unwrap_or_else(|| default_output(&args.input));
    if output.exists() && !args.force {
        return fail(&format!(
            "{} exists; pass --force to replace it",
            output.display()
        ));
    }
    let source = match Source::read(&args.input) {
        Ok(s) => s,
        Err(e) => return fail(&format!("{}: {e}", args.input.display())),
    };
    let sniffed = Format::sniff(&source.bytes);
    if let Some(other @ (Format::Json | Format::Xml)) = sniffed.or(source.format) {
        let what = match other {
            Format::Json => "a JSON report",
            _ => "an XML report",
        };
        return fail(&format!(
            "{}: annotate writes comments into an Excel workbook (.xlsx), and this is {what}; \
             use `article7 validate` for JSON and XML reports",
            args.input.display(),
        ));
    }
    let validator = match catalogue.engine() {
        Ok(e) => Validator::with_engine(e),
        Err(code) => return code,
    };
    let inputs = [Input::File(args.input.clone())];
    let history = batch::history_for(&inputs, &args.history);
    let mut report = batch::validate_one(&validator, &inputs[0], &history);
    for f in &mut report.findings {
        f.localize(lang);
    }
    if let Some(unread) = report.findings.iter().find(|f| f.means_unread()) {
        return fail(&format!(
            "{} cannot be annotated: {}",
            args.input.display(),
            unread.message
        ));
    }
    let options = Options {
        lang: lang.to_owned(),
        file: args
            .input
            .file_name()
            .map_or_else(|| report.file.clone(), |n| n.to_string_lossy().into_owned()),
        show_comments: args.show_comments,
    };
    let annotated = match annotate::annotate(&source.bytes, &report.findings, &options) {
        Ok(a) => a,
        Err(e) => {
            return fail(&format!(
                "{} cannot be annotated: {e}",
                args.input.display()
            ))
        }
    };
    let written = AtomicFile::create(&output).and_then(|mut f| {
        f.write_all(&annotated.bytes)?;
        f.commit()
    });
    if let Err(e) = written {
        return fail(&format!("cannot write {}: {e}", output.display()));
    }
    let count = |s: Severity| report.findings.iter().filter(|f| f.severity == s).count();
    let errors = count(Severity::Error);
    let said = MessageKey::new("annotate-wrote")
        .arg("file", output.display().to_string())
        .arg("findings", annotated.listed)
        .arg("cells", annotated.cells)
        .arg("errors", errors)
        .arg("warnings", count(Severity::Warning))
        .arg("infos", count(Severity::Info));
    eprintln!("{}", article7::i18n::text(lang, &said));
    if errors > 0 {
        EXIT_FINDINGS
    } else {
        EXIT_OK
    }
}
