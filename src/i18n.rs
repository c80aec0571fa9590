//! Messages of the built-in checks and summaries in English, French and
//! Spanish, from the Fluent files in `i18n/` (embedded). Findings keep the
//! message's id and arguments ([`MessageKey`]), so a finding made in English
//! can be rendered again in the user's language at the end.
//! Rule messages come from the catalogue's own translations instead.

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use std::collections::HashMap;
use std::sync::OnceLock;

/// A language every text of the tool exists in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    /// English, the language of the schema and of the catalogue's texts.
    #[default]
    En,
    /// French.
    Fr,
    /// Spanish.
    Es,
}

impl Lang {
    /// Every language, English first.
    pub const ALL: [Lang; 3] = [Lang::En, Lang::Fr, Lang::Es];

    /// The ISO 639-1 code (`en`, `fr`, `es`).
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
            Lang::Es => "es",
        }
    }

    /// The language of a code (case-insensitive), if it is one of ours.
    pub fn parse(code: &str) -> Option<Lang> {
        Lang::ALL
            .into_iter()
            .find(|l| l.code().eq_ignore_ascii_case(code))
    }

    /// The language of a code, English for any other.
    pub fn or_english(code: &str) -> Lang {
        Lang::parse(code).unwrap_or_default()
    }
}

impl std::fmt::Display for Lang {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

impl std::str::FromStr for Lang {
    type Err = String;

    fn from_str(s: &str) -> Result<Lang, String> {
        Lang::parse(s).ok_or_else(|| format!("`{s}` is not a language of the tool (en, fr, es)"))
    }
}

/// The codes of the languages messages exist in.
pub const LANGUAGES: [&str; 3] = ["en", "fr", "es"];

/// The Fluent source of each language.
pub const SOURCES: &[(&str, &str)] = &[
    ("en", include_str!("../i18n/en.ftl")),
    ("fr", include_str!("../i18n/fr.ftl")),
    ("es", include_str!("../i18n/es.ftl")),
];

/// A message argument.
#[derive(Debug, Clone, PartialEq)]
pub enum Arg {
    /// Text, inserted as is.
    Text(String),
    /// A number (plural selection uses it).
    Number(i64),
    /// Another message, rendered in the same language first (a field name
    /// such as "item 3 of `areas`", a type such as "a whole number").
    Message(Box<MessageKey>),
    /// A description of the report schema, in its English words: rendered
    /// in the message's language through [`description`].
    Description(String),
    /// Codes of the report model, shown by their labels in the message's
    /// language ("fourni / inchangé / sans objet").
    Codes(Vec<String>),
}

impl From<MessageKey> for Arg {
    fn from(k: MessageKey) -> Arg {
        Arg::Message(Box::new(k))
    }
}

impl From<&str> for Arg {
    fn from(s: &str) -> Arg {
        Arg::Text(s.to_owned())
    }
}

impl From<String> for Arg {
    fn from(s: String) -> Arg {
        Arg::Text(s)
    }
}

impl From<&String> for Arg {
    fn from(s: &String) -> Arg {
        Arg::Text(s.clone())
    }
}

impl From<i64> for Arg {
    fn from(n: i64) -> Arg {
        Arg::Number(n)
    }
}

impl From<usize> for Arg {
    fn from(n: usize) -> Arg {
        Arg::Number(i64::try_from(n).unwrap_or(i64::MAX))
    }
}

/// A message id with its arguments.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct MessageKey {
    /// The Fluent message id (`schema-enum`).
    pub id: &'static str,
    /// Named arguments.
    pub args: Vec<(&'static str, Arg)>,
}

impl MessageKey {
    /// A key with no argument yet.
    pub fn new(id: &'static str) -> MessageKey {
        MessageKey {
            id,
            args: Vec::new(),
        }
    }

    /// Adds an argument.
    pub fn arg(mut self, name: &'static str, value: impl Into<Arg>) -> MessageKey {
        self.args.push((name, value.into()));
        self
    }
}

type Bundle = FluentBundle<FluentResource>;

fn bundles() -> &'static HashMap<&'static str, Bundle> {
    static BUNDLES: OnceLock<HashMap<&'static str, Bundle>> = OnceLock::new();
    BUNDLES.get_or_init(|| {
        SOURCES
            .iter()
            .map(|(lang, src)| {
                let id: unic_langid::LanguageIdentifier =
                    lang.parse().expect("the language codes are valid");
                let mut bundle = FluentBundle::new_concurrent(vec![id]);
                // No Unicode isolation marks around placeables: messages go
                // to terminals, JSON and CI logs, not to bidi text.
                bundle.set_use_isolating(false);
                let resource = FluentResource::try_new((*src).to_owned())
                    .expect("the embedded Fluent files parse (tested)");
                bundle
                    .add_resource(resource)
                    .expect("message ids are unique in each file (tested)");
                (*lang, bundle)
            })
            .collect()
    })
}

fn fluent_args<'k>(key: &'k MessageKey, lang: &str) -> FluentArgs<'k> {
    let mut args = FluentArgs::new();
    for (name, value) in &key.args {
        match value {
            Arg::Text(s) => args.set(*name, FluentValue::from(s.as_str())),
            Arg::Number(n) => args.set(*name, FluentValue::from(*n)),
            Arg::Message(k) => args.set(*name, FluentValue::from(text(lang, k))),
            Arg::Description(s) => args.set(*name, FluentValue::from(description(s, lang))),
            Arg::Codes(codes) => {
                let shown: Vec<String> = codes
                    .iter()
                    .map(|c| code_label(c, lang).unwrap_or_else(|| c.clone()))
                    .collect();
                args.set(*name, FluentValue::from(shown.join(" / ")))
            }
        }
    }
    args
}

/// Renders `key` (or its attribute, e.g. `help`) in `lang`, falling back to
/// English; `None` when the message does not exist.
pub fn render(lang: &str, key: &MessageKey, attribute: Option<&str>) -> Option<String> {
    let all = bundles();
    for l in [lang, "en"] {
        let Some(bundle) = all.get(l) else { continue };
        let Some(message) = bundle.get_message(key.id) else {
            continue;
        };
        let pattern = match attribute {
            Some(a) => message.get_attribute(a).map(|a| a.value()),
            None => message.value(),
        };
        if let Some(pattern) = pattern {
            let args = fluent_args(key, l);
            let mut errors = Vec::new();
            return Some(
                bundle
                    .format_pattern(pattern, Some(&args), &mut errors)
                    .into_owned(),
            );
        }
    }
    None
}

/// Renders a message with no attribute; the id itself when it is missing.
pub fn text(lang: &str, key: &MessageKey) -> String {
    render(lang, key, None).unwrap_or_else(|| key.id.to_owned())
}

/// The message `id` (no arguments) in `lang`, falling back to English;
/// `None` when no language has it. For texts looked up by a value, such as
/// the label of a code (`code-provided`).
pub fn lookup(lang: &str, id: &str) -> Option<String> {
    let all = bundles();
    for l in [lang, "en"] {
        let Some(bundle) = all.get(l) else { continue };
        let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
            continue;
        };
        let mut errors = Vec::new();
        return Some(
            bundle
                .format_pattern(pattern, None, &mut errors)
                .into_owned(),
        );
    }
    None
}

/// The label people read for a code of the report model (`provided` →
/// "fourni" in French), from the `code-*` messages; `None` for a code that
/// has none.
pub fn code_label(code: &str, lang: &str) -> Option<String> {
    lookup(lang, &format!("code-{code}"))
}

/// The French and Spanish of the report schema's descriptions, keyed by
/// their English text (`i18n/descriptions.toml`).
const DESCRIPTIONS: &str = include_str!("../i18n/descriptions.toml");

#[derive(serde::Deserialize)]
struct Descriptions {
    text: Vec<Described>,
}

#[derive(serde::Deserialize)]
struct Described {
    en: String,
    fr: String,
    es: String,
}

fn descriptions() -> &'static HashMap<String, (String, String)> {
    static TABLE: OnceLock<HashMap<String, (String, String)>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let parsed: Descriptions =
            toml::from_str(DESCRIPTIONS).expect("i18n/descriptions.toml parses (tested)");
        parsed
            .text
            .into_iter()
            .map(|d| (d.en, (d.fr, d.es)))
            .collect()
    })
}

/// A description of the report schema (its English text, as written in the
/// schema) in `lang`; the English text itself in English, or when the table
/// has no translation for it.
pub fn description<'a>(english: &'a str, lang: &str) -> &'a str {
    let Some((fr, es)) = descriptions().get(english) else {
        return english;
    };
    match lang {
        "fr" => fr,
        "es" => es,
        _ => english,
    }
}

/// Whether the table has a French and a Spanish text for `english`.
pub fn has_description(english: &str) -> bool {
    descriptions()
        .get(english)
        .is_some_and(|(fr, es)| !fr.trim().is_empty() && !es.trim().is_empty())
}

/// The English texts the description table translates (to check it against
/// the schema).
pub fn described() -> impl Iterator<Item = &'static str> {
    descriptions().keys().map(String::as_str)
}

/// `true`/`false` as people read them in `lang`: yes/no, oui/non, sí/no.
pub fn yes_no(value: bool, lang: &str) -> String {
    code_label(if value { "true" } else { "false" }, lang)
        .unwrap_or_else(|| if value { "yes" } else { "no" }.to_owned())
}

/// Formats an integer with English thousands separators: 1203 → "1,203"
/// ([`number_in`] turns them into another language's).
pub fn thousands(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::with_capacity(s.len() + s.len() / 3);
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A number written the English way (`1,203.5`) in `lang`'s separators:
/// fr `1 203,5` (a no-break space), es `1.203,5`; other languages as is.
pub fn number_in(english: &str, lang: &str) -> String {
    let thousands = match lang {
        "fr" => "\u{a0}",
        "es" => ".",
        _ => return english.to_owned(),
    };
    english
        .chars()
        .map(|c| match c {
            ',' => thousands.to_owned(),
            '.' => ",".to_owned(),
            other => other.to_string(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use fluent_syntax_free::entries;

    /// Message ids and attribute names of a Fluent file, parsed simply:
    /// `id = …` at the start of a line, `.attr = …` indented.
    mod fluent_syntax_free {
        pub fn entries(src: &str) -> Vec<String> {
            let mut out = Vec::new();
            let mut current = String::new();
            for line in src.lines() {
                if line.starts_with('#') || line.trim().is_empty() {
                    continue;
                }
                if !line.starts_with(' ') {
                    if let Some((id, _)) = line.split_once(" =") {
                        current = id.trim().to_owned();
                        out.push(current.clone());
                    }
                } else if let Some(rest) = line.trim_start().strip_prefix('.') {
                    if let Some((attr, _)) = rest.split_once(" =") {
                        out.push(format!("{current}.{attr}"));
                    }
                }
            }
            out
        }
    }

    #[test]
    fn languages_are_listed_once() {
        let codes: Vec<_> = Lang::ALL.iter().map(|l| l.code()).collect();
        assert_eq!(codes, LANGUAGES);
        assert_eq!(
            SOURCES.iter().map(|(c, _)| *c).collect::<Vec<_>>(),
            LANGUAGES
        );
        assert_eq!(Lang::parse("FR"), Some(Lang::Fr));
        assert_eq!(Lang::or_english("de"), Lang::En);
    }

    #[test]
    fn every_message_exists_in_every_language() {
        let english = entries(SOURCES[0].1);
        assert!(english.len() > 40);
        for (lang, src) in &SOURCES[1..] {
            let theirs = entries(src);
            let missing: Vec<_> = english.iter().filter(|e| !theirs.contains(e)).collect();
            let extra: Vec<_> = theirs.iter().filter(|e| !english.contains(e)).collect();
            assert!(missing.is_empty(), "{lang} lacks {missing:?}");
            assert!(extra.is_empty(), "{lang} has unknown {extra:?}");
        }
        // And every file parses with its messages unique.
        for (lang, _) in SOURCES {
            assert!(bundles().contains_key(lang));
        }
    }

    /// Every message id written in the code (a string literal such as
    /// `"xlsx-unknown-sheet"`, `"xml-help-check"`, `"schema-type"`) is in the
    /// catalogue; the test above then finds it in every language.
    #[test]
    fn every_message_id_in_the_code_is_in_the_catalogue() {
        fn rust_files(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
            for entry in std::fs::read_dir(dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    rust_files(&path, out);
                } else if path.extension().is_some_and(|e| e == "rs") {
                    out.push(path);
                }
            }
        }
        let english = entries(SOURCES[0].1);
        let mut files = Vec::new();
        rust_files(
            &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
            &mut files,
        );
        let prefixes = [
            "xml-", "xlsx-", "json-", "input-", "schema-", "type-", "found-",
        ];
        let mut seen = 0;
        for file in files {
            let code = std::fs::read_to_string(&file).unwrap();
            for (i, literal) in code.split('"').enumerate() {
                let is_id = i % 2 == 1
                    && prefixes.iter().any(|p| literal.starts_with(p))
                    && !literal.ends_with('-')
                    && literal
                        .bytes()
                        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
                if is_id {
                    seen += 1;
                    assert!(
                        english.iter().any(|e| e == literal),
                        "{}: `{literal}` is not in i18n/en.ftl",
                        file.display()
                    );
                }
            }
        }
        assert!(seen > 80, "only {seen} ids found");
    }

    #[test]
    fn renders_with_plurals_and_arguments() {
        let key = MessageKey::new("summary")
            .arg("files", 1usize)
            .arg("errors", 2usize)
            .arg("warnings", 0usize)
            .arg("infos", 1usize);
        assert_eq!(
            text("en", &key),
            "1 file checked: 2 errors, 0 warnings, 1 info"
        );
        assert_eq!(
            text("fr", &key),
            "1 fichier vérifié : 2 erreurs, 0 avertissement, 1 remarque"
        );
        assert_eq!(
            text("es", &key),
            "1 archivo revisado: 2 errores, 0 advertencias, 1 observación"
        );
    }

    #[test]
    fn thousands_separators() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1203), "1,203");
        assert_eq!(thousands(577171932), "577,171,932");
        assert_eq!(number_in("1,234.5", "fr"), "1\u{a0}234,5");
        assert_eq!(number_in("-1,234.5", "es"), "-1.234,5");
        assert_eq!(number_in("1,234.5", "en"), "1,234.5");
    }

    #[test]
    fn unknown_language_falls_back_to_english() {
        let key = MessageKey::new("the-report");
        assert_eq!(text("de", &key), "the report");
        assert_eq!(text("en", &MessageKey::new("no-such-id")), "no-such-id");
    }
}
