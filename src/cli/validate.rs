//! `article7 validate`: turns the arguments into a validator, a list of
//! inputs, a history and an output, then hands them to the library's batch
//! driver. Nothing here validates.

use super::catalogue::{CatalogueArgs, Lang, ProfileArg};
use super::{fail, Sink, EXIT_FINDINGS, EXIT_OK, EXIT_USAGE};
use article7::batch::{self, Input};
use article7::config::{Config, FileError, PathFilter};
use article7::report::filter::{FindingFilter, SeverityFilter};
use article7::report::{Output, OutputFormat, PrintOptions, Summary};
use article7::source::{Format, Source};
use article7::validator::Validator;
use article7::waivers::Waivers;
use article7::Severity;
use clap::{Args, ValueEnum};
use miette::MietteDiagnostic;
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
    #[arg(long, value_parser = super::values::output_format(), default_value = "human")]
    format: OutputFormat,
    /// Write the output to FILE instead of standard output (a file is replaced only once complete).
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// The lowest severity that makes the exit status 1 (an unreadable input always does).
    #[arg(long, value_enum, default_value = "error")]
    fail_on: FailOn,
    /// Format of standard input (`-`); otherwise detected from the content.
    #[arg(long, value_parser = super::values::format())]
    input_format: Option<Format>,
    /// Print the summary line only.
    #[arg(long)]
    quiet: bool,
    /// List, per file, the rules that did not run and why (human and HTML outputs; JSON always lists them).
    #[arg(long)]
    show_skipped: bool,
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
    project: ProjectArgs,
    /// A waivers file (default: `waivers` in the configuration file).
    #[arg(long, value_name = "FILE")]
    waivers: Option<PathBuf>,
    /// Finding no input file is not an error (exit 0 instead of 2).
    #[arg(long)]
    allow_empty: bool,
    /// Validate again whenever a file under the paths changes, clearing the
    /// screen between runs (Ctrl-C to stop).
    #[arg(long)]
    watch: bool,
}

/// The options `validate` and `baseline` share: the configuration file and
/// the rule catalogue.
#[derive(Debug, Args)]
pub struct ProjectArgs {
    /// The configuration file (default: `article7.toml` in the working
    /// folder or the nearest folder above it).
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Read no configuration file.
    #[arg(long, conflicts_with = "config")]
    no_config: bool,
    #[command(flatten)]
    pub catalogue: CatalogueArgs,
}

/// Whether an option was typed on the command line (not defaulted).
pub type Given<'a> = &'a dyn Fn(&str) -> bool;

impl ProjectArgs {
    /// The configuration file, if there is one (exit status 2 when it is
    /// broken: every mistake is printed at its line and column).
    pub fn config(&self) -> Result<Option<Config>, u8> {
        if self.no_config {
            return Ok(None);
        }
        let path = match &self.config {
            Some(p) => p.clone(),
            None => match std::env::current_dir()
                .ok()
                .and_then(|d| Config::discover(&d))
            {
                Some(p) => p,
                None => return Ok(None),
            },
        };
        Config::load(&path)
            .map(Some)
            .map_err(|e| report_file_errors(&e))
    }

    /// Folds the configuration into the catalogue options: what was typed
    /// wins, lists add up.
    pub fn merge(&mut self, config: &Config, given: Given<'_>) {
        let c = &mut self.catalogue;
        if c.rules.is_none() {
            c.rules.clone_from(&config.rules);
        }
        c.no_default_rules |= config.no_default_rules;
        // The engine keeps the last level given for a rule: the command
        // line's come after the file's.
        let mut severity: Vec<String> = config
            .severity
            .iter()
            .map(|(id, level)| format!("{}={level}", id.value))
            .collect();
        severity.append(&mut c.severity);
        c.severity = severity;
        c.disable
            .extend(config.disable.iter().map(|d| d.value.clone()));
        if !given("profile") {
            if let Some(p) = config.profile {
                c.profile = Some(ProfileArg::from_profile(p));
            }
        }
        if !given("lang") {
            if let Some(l) = config.lang.as_deref().and_then(Lang::parse) {
                c.lang = l;
            }
        }
    }
}

/// Everything a run needs, derived from the arguments (ripgrep's "high
/// level arguments"): checked once, then used by [`run`].
struct Plan {
    validator: Validator,
    paths: Vec<PathBuf>,
    stdin: Option<Source>,
    filter: PathFilter,
    history: Vec<PathBuf>,
    waivers: Option<PathBuf>,
    allow_empty: bool,
    options: PrintOptions,
    format: OutputFormat,
    output: Option<PathBuf>,
    watch: bool,
}

impl Plan {
    fn from_args(mut args: ValidateArgs, given: Given<'_>) -> Result<Plan, u8> {
        if let Some(n) = args.jobs {
            if n == 0 {
                return Err(fail("--jobs must be at least 1"));
            }
            rayon::ThreadPoolBuilder::new()
                .num_threads(n)
                .build_global()
                .map_err(|e| fail(&format!("cannot start {n} worker threads: {e}")))?;
        }
        let config = args.project.config()?.unwrap_or_default();
        args.project.merge(&config, given);
        if !given("fail_on") {
            if let Some(f) = config
                .fail_on
                .as_deref()
                .and_then(|f| FailOn::from_str(f, true).ok())
            {
                args.fail_on = f;
            }
        }
        let catalogue = &args.project.catalogue;
        let validator = Validator::with_engine(catalogue.engine()?);
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
        let stdin_count = args.paths.iter().filter(|p| p.as_os_str() == "-").count();
        if stdin_count > 0 && args.watch {
            return Err(fail(
                "--watch watches files and folders, not standard input",
            ));
        }
        if stdin_count > 1 {
            return Err(fail("standard input (`-`) can be read only once"));
        }
        let stdin = if stdin_count == 1 {
            Some(read_stdin(args.input_format)?)
        } else {
            None
        };
        let options = PrintOptions {
            color: args.output.is_none()
                && std::io::stdout().is_terminal()
                && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
            quiet: args.quiet,
            show_skipped: args.show_skipped,
            fail_on: args.fail_on.level(),
            filter,
            show: args.min_severity.map(|l| SeverityFilter { min: l.level() }),
            ..PrintOptions::for_engine(validator.engine(), catalogue.lang.code())
        };
        Ok(Plan {
            validator,
            paths: args.paths,
            stdin,
            filter: config.filter,
            history: args.history,
            waivers: args.waivers.or(config.waivers),
            allow_empty: args.allow_empty || config.allow_empty,
            options,
            format: args.format,
            output: args.output,
            watch: args.watch,
        })
    }

    /// The inputs, in the order the paths were given, and the files the
    /// folder walks skipped.
    fn expand(&self) -> (Vec<Input>, Vec<PathBuf>) {
        let mut inputs = Vec::new();
        let mut skipped = Vec::new();
        for p in &self.paths {
            if p.as_os_str() == "-" {
                if let Some(s) = &self.stdin {
                    inputs.push(Input::Memory(s.clone()));
                }
            } else {
                let mut e = batch::expand_with(std::slice::from_ref(p), &self.filter);
                inputs.append(&mut e.inputs);
                skipped.append(&mut e.skipped);
            }
        }
        (inputs, skipped)
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

pub fn run(args: ValidateArgs, given: Given<'_>) -> u8 {
    if args.output.is_none() {
        // Like `grep`: a reader that stops reading ends the run.
        super::die_on_closed_pipe();
    }
    let plan = match Plan::from_args(args, given) {
        Ok(p) => p,
        Err(code) => return code,
    };
    if plan.watch {
        let mut roots = plan.paths.clone();
        roots.extend(plan.waivers.iter().cloned());
        return super::watch::watch(&roots, || {
            run_once(&plan);
        });
    }
    run_once(&plan)
}

/// One validation of everything the plan names; the exit status.
fn run_once(plan: &Plan) -> u8 {
    let started = Instant::now();
    let (inputs, skipped) = plan.expand();
    if inputs.is_empty() && !plan.allow_empty {
        let names: Vec<String> = plan.paths.iter().map(|p| p.display().to_string()).collect();
        return fail(&format!(
            "no report found in {} (.json, .xml or .xlsx files, less any `exclude`d in the \
             configuration); pass --allow-empty if that is expected",
            names.join(", ")
        ));
    }
    let mut waivers = match &plan.waivers {
        None => None,
        Some(path) => match Waivers::load(path, article7::waivers::today()) {
            Ok(w) => Some(w),
            Err(errors) => return report_file_errors(&errors),
        },
    };
    let history = batch::history_for(&inputs, &plan.history);
    let mut sink = match Sink::open(plan.output.as_deref()) {
        Ok(s) => s,
        Err(e) => return fail(&format!("cannot write the output: {e}")),
    };
    // A progress bar for long batches on a terminal; none when standard
    // error is not one (CI logs, pipes).
    let bar = (inputs.len() > 50 && std::io::stderr().is_terminal() && !plan.options.quiet)
        .then(|| progress_bar(inputs.len()));
    let mut output = Output::new(plan.format, &plan.options);
    output.skipped_files(skipped.iter().map(|p| p.display().to_string()).collect());
    let written = batch::run(&plan.validator, &inputs, &history, |mut report| {
        if let Some(bar) = &bar {
            bar.inc(1);
        }
        if let Some(w) = &mut waivers {
            w.apply(&mut report);
        }
        output.file(&mut sink, report)
    });
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    // The waivers file's own findings (unjustified, expired, unused).
    let written = written.and_then(|()| match &waivers {
        Some(w) => {
            let own = w.report();
            if own.findings.is_empty() {
                Ok(())
            } else {
                output.file(&mut sink, own)
            }
        }
        None => Ok(()),
    });
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
/// (whatever `fail_on` says: a report that was not read was not checked);
/// 0 otherwise. Waived findings are not counted.
fn exit_status(summary: &Summary, fail_on: Option<Severity>) -> u8 {
    let failing = fail_on.is_some_and(|level| summary.reaches(level));
    if failing || summary.unreadable > 0 {
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

/// Prints mistakes found in a configuration or waivers file, each with its
/// snippet, and returns exit status 2.
pub fn report_file_errors(errors: &[FileError]) -> u8 {
    for e in errors {
        let diag = MietteDiagnostic::new(e.to_string()).with_code("config/invalid");
        let out = super::render_file_mistake(diag, &e.file, &e.text, e.span.clone(), e.to_string());
        eprintln!("{out}");
    }
    if errors.len() > 1 {
        eprintln!("error: {} mistakes in {}", errors.len(), errors[0].file);
    }
    EXIT_USAGE
}
