//! `--format json`: one document for the whole run.

use super::{PrintOptions, Printer, Summary};
use crate::validator::FileReport;
use serde_json::{json, Value};
use std::io::{self, Write};

/// Version of the JSON output's shape (`schemas/article7-output.schema.json`).
pub const OUTPUT_VERSION: &str = "1";

/// Collects every file, then writes one pretty-printed document.
pub struct JsonPrinter {
    options: PrintOptions,
    files: Vec<Value>,
}

impl JsonPrinter {
    /// An empty printer.
    pub fn new(options: PrintOptions) -> JsonPrinter {
        JsonPrinter {
            options,
            files: Vec::new(),
        }
    }
}

impl Printer for JsonPrinter {
    fn file(&mut self, _out: &mut dyn Write, report: &FileReport) -> io::Result<()> {
        self.files
            .push(serde_json::to_value(report).map_err(io::Error::other)?);
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, summary: &Summary) -> io::Result<()> {
        let doc = json!({
            "output_version": OUTPUT_VERSION,
            "tool": {"name": "article7", "version": env!("CARGO_PKG_VERSION")},
            "catalogue": {
                "version": self.options.catalogue_version,
                "hash": self.options.catalogue_hash,
                "rules": self.options.rules.len(),
            },
            "files": std::mem::take(&mut self.files),
            "summary": summary,
        });
        serde_json::to_writer_pretty(&mut *out, &doc).map_err(io::Error::other)?;
        writeln!(out)
    }
}
