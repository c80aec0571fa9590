//! `article7 validate`.

use super::catalogue::CatalogueArgs;
use super::{fail, Sink, EXIT_FINDINGS, EXIT_OK};
use article7::batch;
use article7::history::History;
use article7::report::{self, OutputFormat, PrintOptions, Summary};
use article7::source::{Format, Source};
use article7::validator::FileReport;
use article7::validator::Validator;
use article7::Severity;
use clap::{Args, ValueEnum};
use rayon::prelude::*;
use std::io::{IsTerminal, Read, Write};
use std::path::PathBuf;
use std::time::Instant;

/// The lowest severity that makes the exit status 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    /// Errors only (the default).
    Error,
    /// Warnings and errors.
    Warning,
    /// Any finding.
    Info,
    /// Never: exit 0 whatever is found (unless the tool cannot run).
    Never,
}

#[derive(Debug, Args)]
pub struct ValidateArgs {
    /// Files or folders to validate; `-` reads standard input.
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value = "human")]
    format: OutputFormat,
    /// Write the output to FILE instead of standard output (a file is replaced only once complete).
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// The lowest severity that makes the exit status 1.
    #[arg(long, value_enum, default_value = "error")]
    fail_on: FailOn,
    /// Format of standard input (`-`); otherwise detected from the content.
    #[arg(long, value_enum)]
    input_format: Option<Format>,
    /// Print the summary line only.
    #[arg(long)]
    quiet: bool,
    /// Worker threads (default: all cores).
    #[arg(short, long, value_name = "N")]
    jobs: Option<usize>,
    /// A folder of earlier reports for the year-over-year rules (the batch
    /// itself also counts); their own findings are not reported.
    #[arg(long, value_name = "DIR")]
    history: Vec<PathBuf>,
    #[command(flatten)]
    catalogue: CatalogueArgs,
}

pub fn run(args: ValidateArgs) -> u8 {
    if let Some(n) = args.jobs {
        if n == 0 {
            return fail("--jobs must be at least 1");
        }
        if let Err(e) = rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .build_global()
        {
            return fail(&format!("cannot start {n} worker threads: {e}"));
        }
    }
    let started = Instant::now();
    let engine = match args.catalogue.engine() {
        Ok(e) => e,
        Err(code) => return code,
    };
    let validator = Validator::with_engine(engine);

    let fail_on = match args.fail_on {
        FailOn::Never => None,
        FailOn::Error => Some(Severity::Error),
        FailOn::Warning => Some(Severity::Warning),
        FailOn::Info => Some(Severity::Info),
    };
    let lang = args.catalogue.lang.code();
    let engine = validator.engine();
    let options = PrintOptions {
        color: args.output.is_none()
            && std::io::stdout().is_terminal()
            && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
        quiet: args.quiet,
        fail_on,
        ..PrintOptions::for_engine(engine, lang)
    };

    // Where the output goes: standard output directly, or a temporary file
    // beside `-o` that is renamed into place at the end.
    let mut sink = match Sink::open(args.output.as_deref()) {
        Ok(s) => s,
        Err(e) => return fail(&format!("cannot write the output: {e}")),
    };
    let mut printer = report::printer(args.format, &options);
    let mut summary = Summary::default();
    let mut emit = |r: &FileReport, sink: &mut dyn Write| -> std::io::Result<()> {
        summary.add(r);
        if lang == "en" {
            return printer.file(sink, r);
        }
        // Findings made outside the validator (unreadable files) are
        // localised here too.
        let mut r = r.clone();
        for f in &mut r.findings {
            article7::i18n::localize(f, lang);
        }
        printer.file(sink, &r)
    };

    let mut written: std::io::Result<()> = Ok(());
    let mut files = Vec::new();
    for p in &args.paths {
        if p.as_os_str() == "-" {
            let mut bytes = Vec::new();
            if let Err(e) = std::io::stdin().read_to_end(&mut bytes) {
                return fail(&format!("cannot read standard input: {e}"));
            }
            let mut source = Source::from_bytes("<stdin>", bytes);
            if let Some(f) = args.input_format {
                source.format = Some(f);
            }
            files.push(Pending::Ready(Box::new(validator.validate_source(&source))));
        } else {
            files.extend(
                batch::expand(std::slice::from_ref(p))
                    .into_iter()
                    .map(Pending::Input),
            );
        }
    }
    // The year-over-year rules look for each report's predecessors among the
    // batch and the --history folders.
    let mut known = Vec::new();
    for f in &files {
        if let Pending::Input(batch::Input::File(p)) = f {
            known.push(p.clone());
        }
    }
    known.extend(batch::files(&batch::expand(&args.history)));
    let history = (known.len() > 1).then(|| History::scan(&known));

    // Files are validated in chunks on the pool and printed in input order
    // as each chunk finishes: output is deterministic and memory stays flat
    // however many files there are.
    let chunk = rayon::current_num_threads().max(1) * 16;
    // A progress bar on a terminal for long batches; none when standard
    // error is not a terminal (CI logs, pipes).
    let progress =
        (files.len() > 50 && std::io::stderr().is_terminal() && !args.quiet).then(|| {
            let bar = indicatif::ProgressBar::new(files.len() as u64);
            bar.set_style(
                indicatif::ProgressStyle::with_template(
                    "{bar:40} {pos}/{len} files, {per_sec}, eta {eta}",
                )
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
            );
            bar
        });
    for group in files.chunks(chunk) {
        // Standard input was validated when it was read; files are
        // validated here.
        let reports: Vec<Option<FileReport>> = group
            .par_iter()
            .map(|p| match p {
                Pending::Input(i) => Some(batch::validate_one(&validator, i, history.as_ref())),
                Pending::Ready(_) => None,
            })
            .collect();
        if let Some(bar) = &progress {
            bar.inc(group.len() as u64);
        }
        for (p, r) in group.iter().zip(&reports) {
            let r = match (p, r) {
                (Pending::Ready(ready), _) => ready.as_ref(),
                (Pending::Input(_), Some(r)) => r,
                (Pending::Input(_), None) => continue,
            };
            if written.is_ok() {
                written = emit(r, &mut sink);
            }
        }
    }
    if let Some(bar) = progress {
        bar.finish_and_clear();
    }
    if written.is_ok() {
        written = printer.finish(&mut sink, &summary);
    }
    drop(printer);
    // Only a complete output replaces the `-o` target.
    let written = written.and_then(|_| sink.finish());
    match written {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {}
        Err(e) => return fail(&format!("cannot write the results: {e}")),
        Ok(()) => {}
    }
    if args.format == OutputFormat::Human && !args.quiet && std::io::stderr().is_terminal() {
        eprintln!("finished in {:.2} s", started.elapsed().as_secs_f64());
    }
    let failing = fail_on.is_some_and(|level| summary.reaches(level));
    // An input that could not be read always fails the run (cli.md),
    // unless the user asked never to fail.
    if failing || (summary.unreadable > 0 && fail_on.is_some()) {
        EXIT_FINDINGS
    } else {
        EXIT_OK
    }
}

enum Pending {
    Input(batch::Input),
    Ready(Box<FileReport>),
}
