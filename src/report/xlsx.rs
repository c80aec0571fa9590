//! `--format xlsx`: the findings as a workbook, one row per finding (the
//! columns of `--format csv`), with a filter on the header row. The
//! workbook is written at the end (a ZIP archive cannot be streamed row by
//! row into a pipe).

use super::csv::{row, COLUMNS};
use super::{Printer, Summary};
use crate::validator::FileReport;
use rust_xlsxwriter::{Format, Workbook, XlsxError};
use std::io::{self, Write};

/// The last row a worksheet has (Excel's limit, 1,048,576 rows, 0-based).
const LAST_ROW: u32 = 1_048_575;

/// Collects rows, writes the workbook at the end.
pub struct XlsxPrinter {
    rows: Vec<([String; 11], Option<i64>)>,
    /// Findings that did not fit on the sheet.
    overflow: usize,
}

impl XlsxPrinter {
    /// An empty printer.
    pub fn new() -> XlsxPrinter {
        XlsxPrinter {
            rows: Vec::new(),
            overflow: 0,
        }
    }
}

impl Default for XlsxPrinter {
    fn default() -> Self {
        XlsxPrinter::new()
    }
}

fn xlsx_error(e: XlsxError) -> io::Error {
    io::Error::other(e.to_string())
}

impl Printer for XlsxPrinter {
    fn file(&mut self, _out: &mut dyn Write, report: &FileReport) -> io::Result<()> {
        for f in &report.findings {
            // Row 0 is the header; the last row is kept for the overflow note.
            if self.rows.len() as u32 >= LAST_ROW - 1 {
                self.overflow += 1;
            } else {
                self.rows.push((row(report, f), report.year));
            }
        }
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, _summary: &Summary) -> io::Result<()> {
        let mut book = Workbook::new();
        let bold = Format::new().set_bold();
        let sheet = book.add_worksheet();
        sheet.set_name("findings").map_err(xlsx_error)?;
        let widths = [30.0, 7.0, 6.0, 12.0, 28.0, 9.0, 6.0, 12.0, 30.0, 80.0, 60.0];
        for (c, (name, width)) in COLUMNS.iter().zip(widths).enumerate() {
            let c = c as u16;
            sheet
                .write_string_with_format(0, c, *name, &bold)
                .map_err(xlsx_error)?;
            sheet.set_column_width(c, width).map_err(xlsx_error)?;
        }
        for (i, (cells, year)) in self.rows.iter().enumerate() {
            let r = i as u32 + 1;
            for (c, cell) in cells.iter().enumerate() {
                let c = c as u16;
                match (c, year) {
                    (2, Some(y)) => sheet.write_number(r, c, *y as f64),
                    // Always text: a message such as "=SUM(...)" must not
                    // become a formula.
                    _ => sheet.write_string(r, c, cell),
                }
                .map_err(xlsx_error)?;
            }
        }
        let last = self.rows.len() as u32;
        if self.overflow > 0 {
            sheet
                .write_string(
                    last + 1,
                    0,
                    format!(
                        "{} more findings do not fit on one sheet; use --format csv or jsonl",
                        self.overflow
                    ),
                )
                .map_err(xlsx_error)?;
        }
        sheet
            .autofilter(0, 0, last.max(1), COLUMNS.len() as u16 - 1)
            .map_err(xlsx_error)?;
        sheet.set_freeze_panes(1, 0).map_err(xlsx_error)?;
        // Printed (or exported to PDF), every column fits across the page
        // and the header repeats on each page.
        sheet.set_landscape().set_print_fit_to_pages(1, 0);
        sheet.set_repeat_rows(0, 0).map_err(xlsx_error)?;
        let bytes = book.save_to_buffer().map_err(xlsx_error)?;
        out.write_all(&bytes)
    }
}
