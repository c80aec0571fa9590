//! `article7 validate`: turns the arguments into a validator, a list of
//! inputs, a history and an output, then hands them to the library's batch
//! driver. Nothing here validates.

use super::catalogue::CatalogueArgs;
use super::{fail, Sink, EXIT_FINDINGS, EXIT_OK};
use article7::batch::{self, Input};
use article7::history::History;
use article7::report::filter::{FindingFilter, SeverityFilter};
use article7::report::{Output, OutputFormat, PrintOptions, Summary};
use article7::source::{Format, Source};
use article7::validator::Validator;
use article7::Severity;
use clap::{Args, ValueEnum};
use std::io::{IsTerminal, Read};
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

impl FailOn {
    fn level(self) -> Option<Severity> {
        match self {
            FailOn::Never => None,
            FailOn::Error => Some(Severity::Error),
            FailOn::Warning => Some(Severity::Warning),
            FailOn::Info => Some(Severity::Info),
        }
    }
}

/// The lowest severity shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ShowLevel {
    /// Errors only.
    Error,
    /// Warnings and errors.
    Warning,
    /// Everything (the default).
    Info,
}

impl ShowLevel {
    fn level(self) -> Severity {
        match self {
            ShowLevel::Error => Severity::Error,
            ShowLevel::Warning => Severity::Warning,
            ShowLevel::Info => Severity::Info,
        }
    }
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
    /// Keep only findings whose rule id starts with one of these (`B01`, `F`, `schema/`); comma-separated or repeated.
    #[arg(long, value_name = "ID|PREFIX", value_delimiter = ',')]
    select: Vec<String>,
    /// Drop findings whose rule id starts with one of these; comma-separated or repeated.
    #[arg(long, value_name = "ID|PREFIX", value_delimiter = ',')]
    ignore: Vec<String>,
    /// Show only findings at or above this severity (the others still count for the summary and --fail-on).
    #[arg(long, value_enum, value_name = "LEVEL")]
    min_severity: Option<ShowLevel>,
    #[command(flatten)]
    catalogue: CatalogueArgs,
}

/// Everything a run needs, derived from the arguments (ripgrep's "high
/// level arguments"): checked once, then used by [`run`].
struct Plan {
    validator: Validator,
    inputs: Vec<Input>,
    history: History,
    options: PrintOptions,
    format: OutputFormat,
    output: Option<PathBuf>,
    progress: bool,
}

impl Plan {
    fn from_args(args: ValidateArgs) -> Result<Plan, u8> {
        if let Some(n) = args.jobs {
            if n == 0 {
                return Err(fail("--jobs must be at least 1"));
            }
            rayon::ThreadPoolBuilder::new()
                .num_threads(n)
                .build_global()
                .map_err(|e| fail(&format!("cannot start {n} worker threads: {e}")))?;
        }
        let validator = Validator::with_engine(args.catalogue.engine()?);
        let filter = FindingFilter {
            select: args.select.clone(),
            ignore: args.ignore.clone(),
        };
        let ids: Vec<&str> = validator
            .engine()
            .catalogue
            .rules
            .iter()
            .map(|r| r.id.as_str())
            .collect();
        let unknown = filter.unknown_patterns(&ids);
        if !unknown.is_empty() {
            return Err(fail(&format!(
                "--select/--ignore: no rule or built-in code starts with {}",
                unknown
                    .iter()
                    .map(|p| format!("`{p}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            )));
        }
        let mut inputs = Vec::new();
        for p in &args.paths {
            if p.as_os_str() == "-" {
                inputs.push(Input::Memory(read_stdin(args.input_format)?));
            } else {
                inputs.extend(batch::expand(std::slice::from_ref(p)));
            }
        }
        let history = batch::history_for(&inputs, &args.history);
        let options = PrintOptions {
            color: args.output.is_none()
                && std::io::stdout().is_terminal()
                && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
            quiet: args.quiet,
            fail_on: args.fail_on.level(),
            filter,
            show: args.min_severity.map(|l| SeverityFilter { min: l.level() }),
            ..PrintOptions::for_engine(validator.engine(), args.catalogue.lang.code())
        };
        // A progress bar for long batches on a terminal; none when standard
        // error is not one (CI logs, pipes).
        let progress = inputs.len() > 50 && std::io::stderr().is_terminal() && !args.quiet;
        Ok(Plan {
            validator,
            inputs,
            history,
            options,
            format: args.format,
            output: args.output,
            progress,
        })
    }
}

fn read_stdin(format: Option<Format>) -> Result<Source, u8> {
    let mut bytes = Vec::new();
    std::io::stdin()
        .read_to_end(&mut bytes)
        .map_err(|e| fail(&format!("cannot read standard input: {e}")))?;
    let mut source = Source::from_bytes("<stdin>", bytes);
    if let Some(f) = format {
        source.format = Some(f);
    }
    Ok(source)
}

pub fn run(args: ValidateArgs) -> u8 {
    let started = Instant::now();
    let plan = match Plan::from_args(args) {
        Ok(p) => p,
        Err(code) => return code,
    };
    let mut sink = match Sink::open(plan.output.as_deref()) {
        Ok(s) => s,
        Err(e) => return fail(&format!("cannot write the output: {e}")),
    };
    let bar = plan.progress.then(|| progress_bar(plan.inputs.len()));
    let mut output = Output::new(plan.format, &plan.options);
    let written = batch::run(&plan.validator, &plan.inputs, &plan.history, |report| {
        if let Some(bar) = &bar {
            bar.inc(1);
        }
        output.file(&mut sink, report)
    });
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    let summary = output.summary().clone();
    // Only a complete output replaces the `-o` target.
    let finished = written
        .and_then(|()| output.finish(&mut sink))
        .and_then(|_| sink.finish());
    match finished {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            return fail(&format!("cannot write the results: {e}"))
        }
        _ => {}
    }
    if plan.format == OutputFormat::Human && !plan.options.quiet && std::io::stderr().is_terminal()
    {
        eprintln!("finished in {:.2} s", started.elapsed().as_secs_f64());
    }
    exit_status(&summary, plan.options.fail_on)
}

/// 1 when a finding reaches `fail_on`, or an input could not be read
/// (unless the user asked never to fail); 0 otherwise.
fn exit_status(summary: &Summary, fail_on: Option<Severity>) -> u8 {
    let failing = fail_on.is_some_and(|level| summary.reaches(level));
    if failing || (summary.unreadable > 0 && fail_on.is_some()) {
        EXIT_FINDINGS
    } else {
        EXIT_OK
    }
}

fn progress_bar(len: usize) -> indicatif::ProgressBar {
    let bar = indicatif::ProgressBar::new(len as u64);
    bar.set_style(
        indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} files, {per_sec}, eta {eta}")
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    bar
}
