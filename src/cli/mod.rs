//! Command-line arguments, commands and exit statuses. No validation logic
//! lives here: it wires the library together.

mod annotate;
mod baseline;
mod catalogue;
mod convert;
mod diff;
#[cfg(feature = "serve")]
mod serve;
mod summary;
mod validate;
mod values;
mod watch;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Exit status: nothing reached `--fail-on`.
pub const EXIT_OK: u8 = 0;
/// Exit status: a finding reached `--fail-on` (or an input was unreadable).
pub const EXIT_FINDINGS: u8 = 1;
/// Exit status: the tool itself could not run.
pub const EXIT_USAGE: u8 = 2;

/// Validate Article 7 transparency reports (Anti-Personnel Mine Ban
/// Convention) in JSON, XML or Excel.
#[derive(Debug, Parser)]
#[command(name = "article7", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Validate report files and folders (folders are searched recursively).
    Validate(validate::ValidateArgs),
    /// List the rule catalogue.
    Rules(catalogue::RulesArgs),
    /// Explain one rule: what it checks, why, how to fix, basis, examples.
    Explain(catalogue::ExplainArgs),
    /// Write a blank report to fill in (Excel with drop-down lists, JSON or XML).
    Template(convert::TemplateArgs),
    /// Convert a report between JSON, XML and Excel (refuses to overwrite without --force).
    Convert(convert::ConvertArgs),
    /// Write a copy of a workbook with each finding as a comment at its cell,
    /// the cell coloured by severity, and a first sheet listing the findings.
    Annotate(annotate::AnnotateArgs),
    /// Print the embedded JSON Schema of the report model.
    Schema,
    /// Write a waivers file with one entry per current finding (each needs a
    /// justification before the run passes).
    Baseline(baseline::BaselineArgs),
    /// Start the web application: an upload page and an HTTP API.
    #[cfg(feature = "serve")]
    Serve(serve::ServeArgs),
    /// Tables from a folder of reports: reporting, Article 9, stockpiles, retained mines, land release, casualties, cooperation.
    Summary(summary::SummaryArgs),
    /// What changed between two reports of one State, form by form.
    Diff(diff::DiffArgs),
}

/// Parses the arguments and runs the command.
pub fn run() -> ExitCode {
    let matches = Cli::command().get_matches();
    let cli = match Cli::from_arg_matches(&matches) {
        Ok(c) => c,
        Err(e) => e.exit(),
    };
    // Which options were typed (rather than defaulted): those override the
    // configuration file.
    let sub = matches.subcommand().map(|(_, m)| m);
    let given = |id: &str| {
        sub.is_some_and(|m| {
            matches!(
                m.try_get_raw(id).map(|_| m.value_source(id)),
                Ok(Some(clap::parser::ValueSource::CommandLine))
            )
        })
    };
    let status = match cli.command {
        Command::Validate(args) => validate::run(args, &given),
        Command::Baseline(args) => baseline::run(args, &given),
        Command::Annotate(args) => annotate::run(args, &given),
        Command::Rules(args) => catalogue::rules(args),
        Command::Explain(args) => catalogue::explain(args),
        Command::Template(args) => convert::template(args),
        Command::Convert(args) => convert::convert(args),
        Command::Schema => print_stdout(article7::schema::EMBEDDED_SCHEMA.as_bytes()),
        #[cfg(feature = "serve")]
        Command::Serve(args) => serve::run(args),
        Command::Summary(args) => summary::run(args),
        Command::Diff(args) => diff::run(args),
    };
    ExitCode::from(status)
}

/// Lets the system end the process on a write to a closed pipe, as it ends
/// `grep` or `cat`: the shell sees the usual status 141 (128 + SIGPIPE).
/// Rust programs ignore SIGPIPE by default, so without this a closed pipe
/// is an error on every write.
pub fn die_on_closed_pipe() {
    #[cfg(unix)]
    // SAFETY: restoring a signal's default disposition at start-up, before
    // any other thread runs, touches no memory of ours.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}

/// Writes to standard output; a closed pipe (`| head`) is not an error.
pub fn print_stdout(bytes: &[u8]) -> u8 {
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|_| out.flush()) {
        Ok(()) => EXIT_OK,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => EXIT_OK,
        Err(e) => fail(&format!("cannot write to standard output: {e}")),
    }
}

/// Prints an error about the tool itself and returns exit status 2.
pub fn fail(message: &str) -> u8 {
    eprintln!("error: {message}");
    EXIT_USAGE
}

/// An output file. A regular file (or a new one) is written through a
/// temporary file in the same folder and renamed into place only when
/// complete, so readers never see a half-written file. Anything else that
/// already exists at the path — `/dev/null`, `/dev/stdout`, a named pipe —
/// is written directly: renaming over it would replace the device with an
/// ordinary file (as root, a `-o /dev/null` used to break `/dev/null` for
/// the whole machine). A symbolic link is followed, so the link stays and
/// the file it points to gets the output.
pub struct AtomicFile {
    out: std::io::BufWriter<Output>,
}

enum Output {
    /// A temporary file, and the path it is renamed to.
    Temp(tempfile::NamedTempFile, PathBuf),
    /// A device or a pipe, opened for writing.
    Direct(std::fs::File),
}

impl Output {
    fn file(&mut self) -> &mut std::fs::File {
        match self {
            Output::Temp(t, _) => t.as_file_mut(),
            Output::Direct(f) => f,
        }
    }
}

impl Write for Output {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.file().write(buf)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.file().flush()
    }
}

impl AtomicFile {
    /// Starts writing the future `path`.
    pub fn create(path: &Path) -> std::io::Result<AtomicFile> {
        let output = match std::fs::metadata(path) {
            // A device, a pipe, a socket: write into it.
            Ok(m) if !m.is_file() && !m.is_dir() => {
                Output::Direct(std::fs::OpenOptions::new().write(true).open(path)?)
            }
            _ => {
                // Through a symbolic link to the file it names (a dangling
                // link: to the link's own place, replacing it).
                let target = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
                let dir = match target.parent() {
                    Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
                    _ => PathBuf::from("."),
                };
                Output::Temp(tempfile::NamedTempFile::new_in(dir)?, target)
            }
        };
        Ok(AtomicFile {
            out: std::io::BufWriter::new(output),
        })
    }

    /// Flushes, syncs and puts the file in place.
    pub fn commit(self) -> std::io::Result<()> {
        match self.out.into_inner().map_err(|e| e.into_error())? {
            Output::Direct(mut f) => f.flush(),
            Output::Temp(tmp, target) => {
                tmp.as_file().sync_all()?;
                // Temporary files are created private (0600); the output is
                // an ordinary file that others may read, like one written
                // directly.
                #[cfg(unix)]
                {
                    use std::os::unix::fs::PermissionsExt;
                    std::fs::set_permissions(tmp.path(), std::fs::Permissions::from_mode(0o644))?;
                }
                tmp.persist(target).map_err(|e| e.error)?;
                Ok(())
            }
        }
    }
}

impl Write for AtomicFile {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.out.write(buf)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.out.flush()
    }
}

/// Where an output goes: standard output, or an [`AtomicFile`].
pub enum Sink {
    /// Standard output.
    Stdout(std::io::BufWriter<std::io::Stdout>),
    /// `-o FILE`.
    File(AtomicFile),
}

impl Sink {
    /// Standard output, or `path` (see [`AtomicFile`]).
    pub fn open(path: Option<&Path>) -> std::io::Result<Sink> {
        Ok(match path {
            Some(p) => Sink::File(AtomicFile::create(p)?),
            None => Sink::Stdout(std::io::BufWriter::new(std::io::stdout())),
        })
    }

    /// Flushes, and puts a file output in place.
    pub fn finish(self) -> std::io::Result<()> {
        match self {
            Sink::Stdout(mut out) => out.flush(),
            Sink::File(f) => f.commit(),
        }
    }
}

impl Write for Sink {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        match self {
            Sink::Stdout(o) => o.write(buf),
            Sink::File(f) => f.write(buf),
        }
    }

    fn flush(&mut self) -> std::io::Result<()> {
        match self {
            Sink::Stdout(o) => o.flush(),
            Sink::File(f) => f.flush(),
        }
    }
}

/// A mistake in a file the user wrote (a rule file, `article7.toml`, a
/// waivers file) as a diagnostic showing the file's snippet with `span`
/// underlined; `fallback` if it cannot be rendered. No snippet when `text`
/// is empty (the file could not be read).
pub fn render_file_mistake(
    diag: miette::MietteDiagnostic,
    file: &str,
    text: &str,
    span: std::ops::Range<usize>,
    fallback: String,
) -> String {
    use miette::{GraphicalReportHandler, GraphicalTheme, LabeledSpan, NamedSource, Report};
    let report = if text.is_empty() {
        Report::new(diag)
    } else {
        let len = span.len().max(1).min(text.len().saturating_sub(span.start));
        Report::new(diag.with_labels([LabeledSpan::at(span.start..span.start + len, "here")]))
            .with_source_code(NamedSource::new(file, text.to_owned()))
    };
    let handler =
        GraphicalReportHandler::new_themed(GraphicalTheme::unicode_nocolor()).with_links(false);
    let mut out = String::new();
    if handler.render_report(&mut out, report.as_ref()).is_err() {
        return fallback;
    }
    out
}
