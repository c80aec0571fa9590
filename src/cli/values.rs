//! The command line's names for the library's enumerations (`--format`,
//! `--input-format`, `--lang`): the clap glue lives here, so that the
//! library types do not depend on clap. Each value parser gives the library
//! type itself, so the arguments keep their types.

use article7::i18n::Lang;
use article7::report::OutputFormat;
use article7::source::Format;
use clap::builder::{EnumValueParser, PossibleValue, TypedValueParser};
use clap::ValueEnum;

/// `--format` of `validate`.
pub fn output_format() -> impl TypedValueParser<Value = OutputFormat> {
    EnumValueParser::<OutputFormatArg>::new().map(|a| a.0)
}

/// A report format (`--input-format`, `convert --to`).
pub fn format() -> impl TypedValueParser<Value = Format> {
    EnumValueParser::<FormatArg>::new().map(|a| a.0)
}

/// `--lang`.
pub fn lang() -> impl TypedValueParser<Value = Lang> {
    EnumValueParser::<LangArg>::new().map(|a| a.0)
}

#[derive(Debug, Clone, Copy)]
struct OutputFormatArg(OutputFormat);

impl ValueEnum for OutputFormatArg {
    fn value_variants<'a>() -> &'a [Self] {
        use OutputFormat::*;
        &[
            OutputFormatArg(Human),
            OutputFormatArg(Json),
            OutputFormatArg(Jsonl),
            OutputFormatArg(Sarif),
            OutputFormatArg(Junit),
            OutputFormatArg(Github),
            OutputFormatArg(Html),
            OutputFormatArg(Csv),
            OutputFormatArg(Xlsx),
        ]
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        use OutputFormat::*;
        let (name, help) = match self.0 {
            Human => (
                "human",
                "Diagnostics with source snippets, then a summary (for people)",
            ),
            Json => ("json", "One JSON document (for programs)"),
            Jsonl => (
                "jsonl",
                "One finding per line, streamed as files finish (very large batches)",
            ),
            Sarif => ("sarif", "SARIF 2.1.0 (code-scanning tools)"),
            Junit => (
                "junit",
                "JUnit XML: a test suite per file, a failing case per finding",
            ),
            Github => ("github", "GitHub Actions workflow commands"),
            Html => ("html", "One self-contained HTML page"),
            Csv => (
                "csv",
                "One row per finding (file, State, year, rule, severity, form, place, message)",
            ),
            Xlsx => (
                "xlsx",
                "An Excel workbook, one row per finding (the columns of csv)",
            ),
        };
        Some(PossibleValue::new(name).help(help))
    }
}

#[derive(Debug, Clone, Copy)]
struct FormatArg(Format);

impl ValueEnum for FormatArg {
    fn value_variants<'a>() -> &'a [Self] {
        &[
            FormatArg(Format::Json),
            FormatArg(Format::Xml),
            FormatArg(Format::Xlsx),
        ]
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        let help = match self.0 {
            Format::Json => "JSON, the native form",
            Format::Xml => "XML in the `urn:apmbc:article7:report:1` namespace",
            Format::Xlsx => "An Excel workbook laid out as `article7 template` writes it",
        };
        Some(PossibleValue::new(self.0.as_str()).help(help))
    }
}

#[derive(Debug, Clone, Copy)]
struct LangArg(Lang);

impl ValueEnum for LangArg {
    fn value_variants<'a>() -> &'a [Self] {
        &[LangArg(Lang::En), LangArg(Lang::Fr), LangArg(Lang::Es)]
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        let help = match self.0 {
            Lang::En => "English, the language of the schema and of the catalogue's texts",
            Lang::Fr => "French",
            Lang::Es => "Spanish",
        };
        Some(PossibleValue::new(self.0.code()).help(help))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every variant of the library types has its name here: one added
    /// there and forgotten here fails.
    #[test]
    fn every_variant_is_named_as_the_library_names_it() {
        for f in [Format::Json, Format::Xml, Format::Xlsx] {
            let parsed = format().parse_ref(
                &clap::Command::new("t"),
                None,
                std::ffi::OsStr::new(f.as_str()),
            );
            assert_eq!(parsed.ok(), Some(f));
        }
        for l in Lang::ALL {
            let parsed = lang().parse_ref(
                &clap::Command::new("t"),
                None,
                std::ffi::OsStr::new(l.code()),
            );
            assert_eq!(parsed.ok(), Some(l));
        }
        assert_eq!(OutputFormatArg::value_variants().len(), 9);
    }
}
