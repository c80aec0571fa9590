//! The project configuration file, `article7.toml`: which files a folder
//! walk validates, which rules run and how severe they are, the language,
//! the exit threshold and the waivers file. It is found upward from the
//! working directory (as `.git` is), or named with `--config`; the command
//! line overrides it.
//!
//! The file is read into an unvalidated form first (every key and value
//! with its span, unknown keys included), then checked as a whole, so that
//! every mistake is reported at once, each at its line and column, as rule
//! files are.

use crate::diagnostics::{closest_name, Severity};
use globset::{GlobBuilder, GlobSet, GlobSetBuilder};
use std::collections::BTreeMap;
use std::ops::Range;
use std::path::{Component, Path, PathBuf};
use toml::Spanned;

/// The name of the configuration file looked for upward from the working
/// directory.
pub const FILE_NAME: &str = "article7.toml";

pub use crate::model::FileError;

/// A value from the file and where it was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Located<T> {
    /// The value.
    pub value: T,
    /// Byte range in the file.
    pub span: Range<usize>,
}

/// Which files of a folder walk are validated: `include` globs (when
/// given, instead of the `.json`/`.xml`/`.xlsx` extensions) and `exclude`
/// globs, matched against paths relative to the configuration file's
/// folder. A pattern without `/` matches a name at any depth (as in
/// `.gitignore`); a pattern naming a folder excludes everything in it.
#[derive(Debug, Clone, Default)]
pub struct PathFilter {
    base: PathBuf,
    include: Option<GlobSet>,
    exclude: Option<GlobSet>,
}

impl PathFilter {
    /// A filter with paths relative to `base`.
    pub fn new(
        base: &Path,
        include: &[String],
        exclude: &[String],
    ) -> Result<PathFilter, (usize, bool, globset::Error)> {
        let build = |patterns: &[String], is_include: bool| {
            if patterns.is_empty() {
                return Ok(None);
            }
            let mut set = GlobSetBuilder::new();
            for (i, p) in patterns.iter().enumerate() {
                for glob in expand_pattern(p) {
                    let g = GlobBuilder::new(&glob)
                        .literal_separator(true)
                        .build()
                        .map_err(|e| (i, is_include, e))?;
                    set.add(g);
                }
            }
            set.build().map(Some).map_err(|e| (0, is_include, e))
        };
        Ok(PathFilter {
            base: absolute(base),
            include: build(include, true)?,
            exclude: build(exclude, false)?,
        })
    }

    /// Whether `path` (a file or a folder) is excluded.
    pub fn excludes(&self, path: &Path) -> bool {
        self.exclude
            .as_ref()
            .is_some_and(|set| set.is_match(relative_to(&self.base, path)))
    }

    /// Whether a file found by a folder walk is picked by the `include`
    /// globs; `None` when there are none (the extensions decide).
    pub fn includes(&self, path: &Path) -> Option<bool> {
        self.include
            .as_ref()
            .map(|set| set.is_match(relative_to(&self.base, path)))
    }
}

/// `expected.json` → `**/expected.json` and `**/expected.json/**`;
/// `drafts/` → `drafts` and `drafts/**`.
fn expand_pattern(p: &str) -> Vec<String> {
    let p = p.trim_end_matches('/');
    let p = p.strip_prefix("./").unwrap_or(p);
    let anchored = if p.contains('/') {
        p.to_owned()
    } else {
        format!("**/{p}")
    };
    vec![anchored.clone(), format!("{anchored}/**")]
}

/// `path` made absolute against the working directory, with `.` and `..`
/// components resolved lexically (symbolic links are left alone: the user
/// names paths as they see them).
pub fn absolute(path: &Path) -> PathBuf {
    let joined = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir()
            .map(|d| d.join(path))
            .unwrap_or_else(|_| path.to_path_buf())
    };
    let mut out = PathBuf::new();
    for c in joined.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// `path` relative to `base` with `/` separators, or the whole absolute
/// path when it is not under `base`.
pub fn relative_to(base: &Path, path: &Path) -> String {
    let abs = absolute(path);
    match abs.strip_prefix(base) {
        Ok(rel) => {
            let parts: Vec<String> = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            parts.join("/")
        }
        Err(_) => abs.to_string_lossy().replace('\\', "/"),
    }
}

/// How to name `path` in messages: relative to the working directory when
/// it is under it, as given otherwise.
pub fn display_name(path: &Path) -> String {
    match std::env::current_dir() {
        Ok(cwd) if absolute(path).starts_with(&cwd) => relative_to(&cwd, path),
        _ => path.display().to_string(),
    }
}

/// A checked configuration file. Paths in it are relative to its folder.
#[derive(Debug, Clone, Default)]
pub struct Config {
    /// The file it was read from.
    pub file: PathBuf,
    /// Its folder: the base of every relative path and glob in it.
    pub base: PathBuf,
    /// `include` and `exclude`.
    pub filter: PathFilter,
    /// `rules`: a folder of extra rule files.
    pub rules: Option<PathBuf>,
    /// `no-default-rules`.
    pub no_default_rules: bool,
    /// `[severity]`: rule id → level.
    pub severity: Vec<(Located<String>, Severity)>,
    /// `disable`: rules not evaluated.
    pub disable: Vec<Located<String>>,
    /// `lang`: `en`, `fr` or `es`.
    pub lang: Option<String>,
    /// `profile`: the action plan every report is held to (`treaty`, `MAP`,
    /// `OAP`, `SRAAP`, in any case); otherwise each report's period decides.
    pub profile: Option<crate::rules::profile::Profile>,
    /// `fail-on`: `error`, `warning`, `info` or `never`.
    pub fail_on: Option<String>,
    /// `waivers`: the waivers file.
    pub waivers: Option<PathBuf>,
    /// `allow-empty`: finding no input is not an error.
    pub allow_empty: bool,
}

/// The keys the file may hold, for "did you mean" suggestions.
pub const KEYS: &[&str] = &[
    "include",
    "exclude",
    "rules",
    "no-default-rules",
    "severity",
    "disable",
    "profile",
    "lang",
    "fail-on",
    "waivers",
    "allow-empty",
];

type RawTable = BTreeMap<Spanned<String>, Spanned<toml::Value>>;

impl Config {
    /// The configuration file for a run started in `dir`: `article7.toml`
    /// in it or the nearest folder above it.
    pub fn discover(dir: &Path) -> Option<PathBuf> {
        absolute(dir)
            .ancestors()
            .map(|d| d.join(FILE_NAME))
            .find(|p| p.is_file())
    }

    /// Reads and checks the file at `path`.
    pub fn load(path: &Path) -> Result<Config, Vec<FileError>> {
        let name = display_name(path);
        let text =
            std::fs::read_to_string(path).map_err(|e| vec![FileError::unreadable(&name, &e)])?;
        let base = absolute(path)
            .parent()
            .map(Path::to_path_buf)
            .unwrap_or_default();
        let mut config = Config::parse(&name, &text, &base)?;
        config.file = path.to_path_buf();
        Ok(config)
    }

    /// Checks the text of a configuration file named `name` whose relative
    /// paths are relative to `base`; every mistake is reported.
    pub fn parse(name: &str, text: &str, base: &Path) -> Result<Config, Vec<FileError>> {
        let raw: RawTable =
            toml::from_str(text).map_err(|e| vec![FileError::from_toml(name, text, &e)])?;
        let mut errors = Vec::new();
        let err = |span: Range<usize>, m: String| FileError::at(name, text, span, m);
        let mut config = Config {
            base: base.to_path_buf(),
            ..Config::default()
        };
        let (mut include, mut exclude) = (Vec::new(), Vec::new());
        let mut include_spans = Vec::new();
        let mut exclude_spans = Vec::new();
        for (key, value) in &raw {
            let span = value.span();
            let v = value.get_ref();
            match key.get_ref().as_str() {
                k @ ("include" | "exclude") => match strings(v) {
                    Some(list) if k == "include" => {
                        include_spans = vec![span.clone(); list.len()];
                        include = list;
                    }
                    Some(list) => {
                        exclude_spans = vec![span.clone(); list.len()];
                        exclude = list;
                    }
                    None => errors.push(err(span, format!("`{k}` is a list of glob patterns"))),
                },
                "rules" => match v.as_str() {
                    Some(dir) => config.rules = Some(base.join(dir)),
                    None => errors.push(err(span, "`rules` is the path of a folder".into())),
                },
                "waivers" => match v.as_str() {
                    Some(f) => config.waivers = Some(base.join(f)),
                    None => errors.push(err(span, "`waivers` is the path of a file".into())),
                },
                k @ ("no-default-rules" | "allow-empty") => match v.as_bool() {
                    Some(b) if k == "allow-empty" => config.allow_empty = b,
                    Some(b) => config.no_default_rules = b,
                    None => errors.push(err(span, format!("`{k}` is true or false"))),
                },
                "lang" => match v.as_str() {
                    Some(l @ ("en" | "fr" | "es")) => config.lang = Some(l.to_owned()),
                    _ => errors.push(err(span, "`lang` is \"en\", \"fr\" or \"es\"".into())),
                },
                "fail-on" => match v.as_str() {
                    Some(l @ ("error" | "warning" | "info" | "never")) => {
                        config.fail_on = Some(l.to_owned())
                    }
                    _ => errors.push(err(
                        span,
                        "`fail-on` is \"error\", \"warning\", \"info\" or \"never\"".into(),
                    )),
                },
                "profile" => match v.as_str().and_then(crate::rules::profile::Profile::parse) {
                    Some(p) => config.profile = Some(p),
                    None => errors.push(err(
                        span,
                        "`profile` is \"treaty\", \"MAP\", \"OAP\" or \"SRAAP\"".into(),
                    )),
                },
                "disable" => match strings(v) {
                    Some(ids) => {
                        config.disable = ids
                            .into_iter()
                            .map(|value| Located {
                                value,
                                span: span.clone(),
                            })
                            .collect()
                    }
                    None => errors.push(err(span, "`disable` is a list of rule ids".into())),
                },
                "severity" => match v.as_table() {
                    Some(table) => {
                        for (id, level) in table {
                            match level.as_str().and_then(Severity::parse) {
                                Some(l) => config.severity.push((
                                    Located {
                                        value: id.clone(),
                                        span: span.clone(),
                                    },
                                    l,
                                )),
                                None => errors.push(err(
                                    span.clone(),
                                    format!(
                                        "the severity of `{id}` must be \"error\", \"warning\" or \"info\""
                                    ),
                                )),
                            }
                        }
                    }
                    None => errors.push(err(
                        span,
                        "`[severity]` is a table of rule id = \"error\" | \"warning\" | \"info\""
                            .into(),
                    )),
                },
                other => {
                    let known: Vec<String> = KEYS.iter().map(|k| (*k).to_owned()).collect();
                    let hint = closest_name(other, &known)
                        .map(|k| format!("; did you mean `{k}`?"))
                        .unwrap_or_else(|| format!("; the keys are {}", KEYS.join(", ")));
                    errors.push(err(key.span(), format!("unknown key `{other}`{hint}")));
                }
            }
        }
        match PathFilter::new(base, &include, &exclude) {
            Ok(f) => config.filter = f,
            Err((i, is_include, e)) => {
                let spans = if is_include {
                    &include_spans
                } else {
                    &exclude_spans
                };
                let span = spans.get(i).cloned().unwrap_or(0..0);
                errors.push(err(span, format!("not a valid glob pattern: {e}")));
            }
        }
        // Keys come out of the table in name order; the file's order reads
        // better.
        errors.sort_by_key(|e| e.span.start);
        if errors.is_empty() {
            Ok(config)
        } else {
            Err(errors)
        }
    }
}

fn strings(v: &toml::Value) -> Option<Vec<String>> {
    v.as_array()?
        .iter()
        .map(|s| s.as_str().map(str::to_owned))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_mistake_is_reported_at_its_line() {
        let text =
            "include = [\"*.json\"]\nexclud = [\"x\"]\nlang = \"de\"\nfail-on = \"sometimes\"\n";
        let errors = Config::parse("article7.toml", text, Path::new("/r")).unwrap_err();
        let lines: Vec<usize> = errors.iter().map(|e| e.line).collect();
        assert_eq!(lines, vec![2, 3, 4], "{errors:#?}");
        assert!(errors[0].message.contains("did you mean `exclude`"));
    }

    #[test]
    fn globs_match_relative_paths() {
        let f = PathFilter::new(
            Path::new("/r"),
            &[],
            &["expected.json".into(), "drafts/".into()],
        )
        .unwrap();
        assert!(f.excludes(Path::new("/r/a/b/expected.json")));
        assert!(f.excludes(Path::new("/r/drafts/x.json")));
        assert!(!f.excludes(Path::new("/r/reports/x.json")));
        assert!(!f.excludes(Path::new("/r/notdrafts/x.json")));
        assert_eq!(
            relative_to(Path::new("/r"), Path::new("/r/./a/../b.json")),
            "b.json"
        );
    }
}
