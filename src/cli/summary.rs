//! `article7 summary`: the tables of a folder of reports.

use super::catalogue::CatalogueArgs;
use super::{fail, Sink, EXIT_OK};
use article7::states::StatesParties;
use article7::summary::{self, render, SummaryOptions};
use article7::validator::Validator;
use clap::{Args, ValueEnum};
use std::io::Write;
use std::path::PathBuf;

/// Output formats of `summary`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SummaryFormat {
    /// Text tables (for people).
    Human,
    /// One JSON document; every cell names the files it came from.
    Json,
    /// One line per cell: table, row, column, value, files.
    Csv,
    /// A workbook: a sheet per table, plus every cell with its files.
    Xlsx,
    /// One self-contained page with charts (no script).
    Html,
}

#[derive(Debug, Args)]
pub struct SummaryArgs {
    /// Folders or files of reports (JSON, XML, Excel; folders are searched recursively).
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<PathBuf>,
    /// The year the tables are for (default: the newest year a report covers).
    #[arg(long)]
    year: Option<i64>,
    /// Output format.
    #[arg(long, value_enum, default_value = "human")]
    format: SummaryFormat,
    /// Write the output to FILE instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// A list of States Parties in the shape of `schemas/states-parties.json`
    /// (default: the embedded list).
    #[arg(long, value_name = "FILE")]
    states: Option<PathBuf>,
    #[command(flatten)]
    catalogue: CatalogueArgs,
}

pub fn run(args: SummaryArgs) -> u8 {
    let engine = match args.catalogue.engine() {
        Ok(e) => e,
        Err(code) => return code,
    };
    let validator = Validator::with_engine(engine);
    let owned;
    let states = match &args.states {
        None => StatesParties::embedded(),
        Some(p) => {
            let parsed = std::fs::read_to_string(p)
                .map_err(|e| e.to_string())
                .and_then(|t| StatesParties::parse(&t).map_err(|e| e.to_string()));
            match parsed {
                Ok(l) => {
                    owned = l;
                    &owned
                }
                Err(e) => {
                    return fail(&format!(
                        "cannot read the list of States {}: {e}",
                        p.display()
                    ))
                }
            }
        }
    };
    let (inputs, unreadable) = summary::load(&validator, &args.paths);
    let result = summary::compute(
        &inputs,
        &unreadable,
        &SummaryOptions { year: args.year },
        states,
    );
    if result.sources.used.is_empty() {
        eprintln!("warning: no report of a State Party could be used; the tables are empty");
    }
    let lang = args.catalogue.lang.code();
    let mut sink = match Sink::open(args.output.as_deref()) {
        Ok(s) => s,
        Err(e) => return fail(&format!("cannot write the output: {e}")),
    };
    let written = match args.format {
        SummaryFormat::Human => render::human(&mut sink, &result, lang),
        SummaryFormat::Json => render::json(&mut sink, &result),
        SummaryFormat::Csv => render::csv(&mut sink, &result),
        SummaryFormat::Xlsx => render::xlsx(&mut sink, &result, lang),
        SummaryFormat::Html => render::html(&mut sink, &result, lang, states),
    };
    match written
        .and_then(|_| sink.flush())
        .and_then(|_| sink.finish())
    {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => EXIT_OK,
        Err(e) => fail(&format!("cannot write the summary: {e}")),
        Ok(()) => EXIT_OK,
    }
}
