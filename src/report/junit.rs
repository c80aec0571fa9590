//! `--format junit`: one test suite per file; one failing test case per
//! finding at or above `--fail-on`; a file with none gets one passing case.

use super::{PrintOptions, Printer, Summary};
use crate::validator::FileReport;
use quick_junit::{NonSuccessKind, Report, TestCase, TestCaseStatus, TestSuite};
use std::io::{self, Write};

/// Collects suites, writes the report at the end.
pub struct JunitPrinter {
    options: PrintOptions,
    report: Report,
}

impl JunitPrinter {
    /// A printer for a run.
    pub fn new(options: PrintOptions) -> JunitPrinter {
        JunitPrinter {
            options,
            report: Report::new("article7"),
        }
    }
}

impl Printer for JunitPrinter {
    fn file(&mut self, _out: &mut dyn Write, report: &FileReport) -> io::Result<()> {
        let mut suite = TestSuite::new(report.file.as_str());
        if let Some(p) = report.profile {
            suite.add_property(quick_junit::Property::new("profile", p.code()));
        }
        let failing: Vec<_> = report
            .findings
            .iter()
            .filter(|f| {
                self.options
                    .fail_on
                    .is_some_and(|level| f.severity >= level)
            })
            .collect();
        for f in &failing {
            let mut status = TestCaseStatus::non_success(NonSuccessKind::Failure);
            status.set_message(f.message.as_str());
            status.set_type(format!("{} {}", f.severity, f.rule));
            let mut description = format!("pointer: {}", f.pointer);
            if let Some(loc) = &f.location {
                description.push_str(&format!("\nlocation: {loc}"));
            }
            if let Some(h) = &f.help {
                description.push_str(&format!("\nhelp: {h}"));
            }
            status.set_description(description);
            let mut case = TestCase::new(format!("{} {} at {}", f.rule, f.name, f.pointer), status);
            case.set_classname(report.file.as_str());
            suite.add_test_case(case);
        }
        if failing.is_empty() {
            let mut case = TestCase::new("report is valid", TestCaseStatus::success());
            case.set_classname(report.file.as_str());
            suite.add_test_case(case);
        }
        self.report.add_test_suite(suite);
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, _summary: &Summary) -> io::Result<()> {
        let text = self.report.to_string().map_err(io::Error::other)?;
        out.write_all(text.as_bytes())?;
        writeln!(out)
    }
}
