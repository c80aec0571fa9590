//! Command-line arguments, commands and exit statuses. No validation logic
//! lives here: it wires the library together.

mod catalogue;
mod convert;
mod diff;
#[cfg(feature = "serve")]
mod serve;
mod summary;
mod validate;

use clap::{Parser, Subcommand};
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
    /// Print the embedded JSON Schema of the report model.
    Schema,
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
    let cli = Cli::parse();
    let status = match cli.command {
        Command::Validate(args) => validate::run(args),
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
