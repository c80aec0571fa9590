//! `article7 validate`.

use super::catalogue::CatalogueArgs;
use super::{fail, write_atomically, EXIT_FINDINGS, EXIT_OK};
use article7::batch;
use article7::report::{self, OutputFormat, PrintOptions, Summary};
use article7::source::{Format, Source};
use article7::validator::Validator;
use article7::Severity;
use clap::{Args, ValueEnum};
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
    /// Write the output to FILE (atomically) instead of standard output.
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

    let mut reports = Vec::new();
    let mut file_paths = Vec::new();
    for p in &args.paths {
        if p.as_os_str() == "-" {
            let mut bytes = Vec::new();
            let mut source = match std::io::stdin().read_to_end(&mut bytes) {
                Ok(_) => Source::from_bytes("<stdin>", bytes),
                Err(e) => return fail(&format!("cannot read standard input: {e}")),
            };
            if let Some(f) = args.input_format {
                source.format = Some(f);
            }
            reports.push((
                reports.len() + file_paths.len(),
                validator.validate_source(&source),
            ));
        } else {
            file_paths.push((reports.len() + file_paths.len(), p.clone()));
        }
    }
    let inputs = batch::expand(
        &file_paths
            .iter()
            .map(|(_, p)| p.clone())
            .collect::<Vec<_>>(),
    );
    let mut all: Vec<_> = reports.into_iter().map(|(_, r)| r).collect();
    all.extend(batch::validate_all(&validator, &inputs));

    let color = args.output.is_none()
        && std::io::stdout().is_terminal()
        && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    let options = PrintOptions {
        color,
        quiet: args.quiet,
    };
    let mut printer = report::printer(args.format, &options);
    let mut buf: Vec<u8> = Vec::new();
    let mut summary = Summary::default();
    for r in &all {
        summary.add(r);
        if let Err(e) = printer.file(&mut buf, r) {
            return fail(&format!("cannot format the results: {e}"));
        }
    }
    if let Err(e) = printer.finish(&mut buf, &summary) {
        return fail(&format!("cannot format the results: {e}"));
    }
    let written = match &args.output {
        Some(path) => write_atomically(path, &buf)
            .map_err(|e| format!("cannot write {}: {e}", path.display())),
        None => {
            let mut out = std::io::stdout().lock();
            match out.write_all(&buf).and_then(|_| out.flush()) {
                Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
                    Err(format!("cannot write to standard output: {e}"))
                }
                _ => Ok(()),
            }
        }
    };
    if let Err(e) = written {
        return fail(&e);
    }
    if args.format == OutputFormat::Human && !args.quiet && std::io::stderr().is_terminal() {
        eprintln!("finished in {:.2} s", started.elapsed().as_secs_f64());
    }
    let failing = match args.fail_on {
        FailOn::Never => false,
        FailOn::Error => summary.reaches(Severity::Error),
        FailOn::Warning => summary.reaches(Severity::Warning),
        FailOn::Info => summary.reaches(Severity::Info),
    };
    // An input that could not be read always fails the run (cli.md).
    if failing || (summary.unreadable > 0 && args.fail_on != FailOn::Never) {
        EXIT_FINDINGS
    } else {
        EXIT_OK
    }
}
