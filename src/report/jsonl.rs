//! `--format jsonl`: one finding per line, written as each file finishes,
//! so memory stays flat on very large batches. A file without findings
//! writes nothing; the last line is the summary. Each line names its file
//! and the State and year the file reports on.

use super::{Printer, Summary};
use crate::validator::FileReport;
use serde_json::json;
use std::io::{self, Write};

/// Streams findings.
pub struct JsonlPrinter;

impl Printer for JsonlPrinter {
    fn file(&mut self, out: &mut dyn Write, report: &FileReport) -> io::Result<()> {
        for f in &report.findings {
            let mut line = serde_json::to_value(f).map_err(io::Error::other)?;
            if let Some(obj) = line.as_object_mut() {
                obj.shift_insert(0, "file".into(), json!(report.file));
                obj.shift_insert(1, "state".into(), json!(report.state));
                obj.shift_insert(2, "year".into(), json!(report.year));
                obj.shift_insert(3, "profile".into(), json!(report.profile));
            }
            serde_json::to_writer(&mut *out, &line).map_err(io::Error::other)?;
            out.write_all(b"\n")?;
        }
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, summary: &Summary) -> io::Result<()> {
        serde_json::to_writer(&mut *out, &json!({ "summary": summary }))
            .map_err(io::Error::other)?;
        out.write_all(b"\n")
    }
}
