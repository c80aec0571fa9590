//! `article7 baseline`: a waivers file with one entry per current finding,
//! so that a repository can adopt the validator today and fix its reports
//! over time. Every entry carries a placeholder justification that fails
//! the run until someone replaces it.

use super::validate::{Given, ProjectArgs};
use super::{fail, Sink, EXIT_OK};
use article7::batch;
use article7::validator::Validator;
use clap::Args;
use std::io::Write;
use std::path::PathBuf;

#[derive(Debug, Args)]
pub struct BaselineArgs {
    /// Files or folders to validate (as `validate` takes them).
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<PathBuf>,
    /// Where to write the waivers file (default: standard output). Paths in
    /// it are relative to its folder.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    #[command(flatten)]
    project: ProjectArgs,
}

pub fn run(mut args: BaselineArgs, given: Given<'_>) -> u8 {
    let config = match args.project.config() {
        Ok(c) => c.unwrap_or_default(),
        Err(code) => return code,
    };
    args.project.merge(&config, given);
    let validator = match args.project.catalogue.engine() {
        Ok(e) => Validator::with_engine(e),
        Err(code) => return code,
    };
    let expansion = batch::expand_with(&args.paths, &config.filter);
    if expansion.inputs.is_empty() {
        return fail("no report found: nothing to write a baseline for");
    }
    let history = batch::history_for(&expansion.inputs, &[]);
    let reports = batch::validate_all(&validator, &expansion.inputs, &history);
    let base = match &args.output {
        Some(p) => article7::config::absolute(p)
            .parent()
            .map(PathBuf::from)
            .unwrap_or_default(),
        None => std::env::current_dir().unwrap_or_default(),
    };
    let text = article7::waivers::baseline(&base, &reports);
    let count = text.matches("[[waiver]]").count();
    let written = Sink::open(args.output.as_deref())
        .and_then(|mut sink| sink.write_all(text.as_bytes()).and_then(|()| sink.finish()));
    match written {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => EXIT_OK,
        Err(e) => fail(&format!("cannot write the waivers: {e}")),
        Ok(()) => {
            if let Some(p) = &args.output {
                eprintln!(
                    "wrote {count} waivers to {}; give each a justification",
                    p.display()
                );
            }
            EXIT_OK
        }
    }
}
