//! The JSON reader and its span index: hostile inputs give the right finding
//! at the right place, and the index agrees with serde_json on random JSON.

use article7::diagnostics::{escape_pointer_token, pointer_tokens, Severity, SourceLocation};
use article7::format::json::{index, locate, read, MAX_LISTED_FINDINGS};
use article7::format::Ingested;
use article7::model::{Region, SourceMap};
use article7::Diagnostic;
use proptest::prelude::*;
use serde_json::Value;
use std::path::Path;

// ---------------------------------------------------------------- helpers

/// A stack far too small for recursion per nesting level over 100,000
/// levels (that would need megabytes at any frame size), but enough for the
/// 127 levels serde_json permits: about 100 KiB in release builds, and about
/// 350 KiB in debug builds, where our visitor's instantiation of serde_json's
/// parser is compiled without optimisation.
const SMALL_STACK: usize = if cfg!(debug_assertions) {
    512 * 1024
} else {
    256 * 1024
};

fn fixture(name: &str) -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/ingest/json")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The one finding of a failed read.
fn only_finding(ingested: &Ingested) -> &Diagnostic {
    assert_eq!(
        ingested.findings.len(),
        1,
        "expected one finding, got {:#?}",
        ingested.findings
    );
    &ingested.findings[0]
}

fn text_loc(d: &Diagnostic) -> (usize, usize, usize, usize) {
    match d.location {
        Some(SourceLocation::Text {
            line,
            column,
            start,
            end,
        }) => (line, column, start, end),
        ref other => panic!("expected a text location, got {other:?}"),
    }
}

fn assert_syntax(d: &Diagnostic) {
    assert_eq!(d.rule, "input/syntax");
    assert_eq!(d.name, "malformed-input");
    assert_eq!(d.severity, Severity::Error);
    assert_eq!(d.pointer, "");
    assert!(d.help.is_some(), "a syntax finding says what to do");
}

fn span(map: &SourceMap, pointer: &str) -> (usize, usize) {
    match map.get(pointer).map(|s| &s.value) {
        Some(Region::Text { start, end }) => (*start, *end),
        other => panic!("no text span for {pointer:?}: {other:?}"),
    }
}

fn key_span(map: &SourceMap, pointer: &str) -> Option<(usize, usize)> {
    match map.get(pointer).and_then(|s| s.key.as_ref()) {
        Some(Region::Text { start, end }) => Some((*start, *end)),
        None => None,
        other => panic!("unexpected key region {other:?}"),
    }
}

// ------------------------------------------------------- well-formed input

#[test]
fn valid_file_has_no_findings_and_a_lazy_source_map() {
    let text = r#"{"state": "Atlantis", "forms": {"B": {"total": 10}}}"#;
    let ingested = read(text.as_bytes());
    assert!(ingested.findings.is_empty());
    let doc = ingested.document.expect("a document");
    assert_eq!(doc.value["forms"]["B"]["total"], 10);
    assert_eq!(doc.text(), Some(text));
    // Asking for a location builds the map.
    let loc = doc.locate("/forms/B/total").expect("located");
    assert_eq!(
        loc,
        SourceLocation::Text {
            line: 1,
            column: 48,
            start: 47,
            end: 49
        }
    );
}

#[test]
fn bom_is_accepted_and_offsets_count_from_after_it() {
    let bytes = fixture("bom.json");
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"));
    let ingested = read(&bytes);
    assert!(ingested.findings.is_empty(), "{:#?}", ingested.findings);
    let doc = ingested.document.expect("a document");
    assert_eq!(doc.value["state"], "Côte d'Ivoire");
    let text = doc.text().unwrap();
    assert!(text.starts_with('{'), "the BOM is not part of the text");
    let (start, end) = span(doc.source_map(), "/year");
    assert_eq!(&text[start..end], "2024");
    assert_eq!(
        doc.locate_key("/year"),
        Some(SourceLocation::Text {
            line: 3,
            column: 3,
            start: 33,
            end: 39
        })
    );
}

#[test]
fn top_level_non_object_is_left_to_the_schema() {
    for (bytes, expected) in [
        (fixture("top-level-array.json"), serde_json::json!([])),
        (b"3".to_vec(), serde_json::json!(3)),
        (b"\"report\"".to_vec(), serde_json::json!("report")),
    ] {
        let ingested = read(&bytes);
        assert!(ingested.findings.is_empty());
        assert_eq!(ingested.document.expect("a document").value, expected);
    }
}

#[test]
fn line_and_column_with_multibyte_characters_and_crlf() {
    let text = "{\r\n  \"café\": \"naïve\",\r\n  \"x\": [1, \"😀\", 3]\r\n}";
    let ingested = read(text.as_bytes());
    assert!(ingested.findings.is_empty());
    let doc = ingested.document.unwrap();
    let map = doc.source_map();

    // Byte spans, counted by hand: line 2 starts at byte 3, line 3 at 25.
    assert_eq!(span(map, ""), (0, 49));
    assert_eq!(key_span(map, ""), None);
    assert_eq!(key_span(map, "/café"), Some((5, 12)));
    assert_eq!(span(map, "/café"), (14, 22));
    assert_eq!(key_span(map, "/x"), Some((27, 30)));
    assert_eq!(span(map, "/x"), (32, 46));
    assert_eq!(span(map, "/x/0"), (33, 34));
    assert_eq!(span(map, "/x/1"), (36, 42));
    assert_eq!(key_span(map, "/x/1"), None);
    assert_eq!(span(map, "/x/2"), (44, 45));
    assert_eq!(map.len(), 6);

    // Columns count characters, not bytes; `\r` belongs to its line.
    let at = |p: &str| {
        let l = doc.locate(p).unwrap();
        (l.line().unwrap(), l.column().unwrap())
    };
    assert_eq!(at(""), (1, 1));
    assert_eq!(at("/café"), (2, 11));
    assert_eq!(at("/x"), (3, 8));
    assert_eq!(at("/x/1"), (3, 12));
    assert_eq!(at("/x/2"), (3, 17));
    let key = doc.locate_key("/café").unwrap();
    assert_eq!((key.line(), key.column()), (Some(2), Some(3)));
}

#[test]
fn syntax_error_position_counts_characters_after_multibyte_text_and_crlf() {
    // serde_json reports byte columns; findings use character columns.
    let text = "{\r\n  \"é\": \"ü\"\r\n  \"ñandú\": \"😀\"\r\n}";
    let d = only_finding(&read(text.as_bytes())).clone();
    assert_syntax(&d);
    // Line 2 ends without a comma: the error is at the `"` opening line 3.
    let at = text.find("\"ñandú\"").unwrap();
    assert_eq!(at, 19);
    assert_eq!(text_loc(&d), (3, 3, at, at + 1));
    assert_eq!(
        d.message,
        "the JSON is not well-formed: expected `,` or `}` at line 3, column 3"
    );

    let text = "{\r\n  \"ñandú\": \"😀\" \"x\": 1\r\n}";
    let d = only_finding(&read(text.as_bytes())).clone();
    let at = text.find("\"x\"").unwrap();
    // `  "ñandú": "😀" ` is 15 characters.
    assert_eq!(text_loc(&d), (2, 16, at, at + 1));
}

// ---------------------------------------------------------- hostile input

#[test]
fn invalid_utf8_is_reported_at_the_first_bad_byte() {
    let d = only_finding(&read(&fixture("invalid-utf8.json"))).clone();
    assert_syntax(&d);
    // Line 3 is `  "city": "Bogot\xE1",`: the bad byte is the 17th character.
    assert_eq!(text_loc(&d), (3, 17, 41, 42));
    assert_eq!(
        d.message,
        "the file is not valid UTF-8 text (invalid byte 0xE1 at line 3, column 17)"
    );
}

#[test]
fn invalid_utf8_after_bom_and_multibyte_text_counts_from_after_the_bom() {
    let mut bytes = b"\xEF\xBB\xBF{\"\xC3\xA9\xC3\xA9\": \"".to_vec();
    bytes.push(0xFF);
    let d = only_finding(&read(&bytes)).clone();
    // `{"éé": "` is 8 characters, 10 bytes.
    assert_eq!(text_loc(&d), (1, 9, 10, 11));
}

#[test]
fn utf16_input_gets_an_encoding_hint() {
    let bytes = b"\xFF\xFE{\x00}\x00";
    let d = only_finding(&read(bytes)).clone();
    assert_syntax(&d);
    assert_eq!(text_loc(&d), (1, 1, 0, 1));
    assert!(d.help.unwrap().contains("UTF-16"));
}

#[test]
fn nul_bytes_are_malformed_with_a_hint() {
    let d = only_finding(&read(&fixture("nul-bytes.json"))).clone();
    assert_syntax(&d);
    assert_eq!(text_loc(&d), (1, 1, 0, 1));
    assert!(d.message.contains("expected a value"), "{}", d.message);
    assert!(d.help.unwrap().contains("NUL"));
}

#[test]
fn empty_file_is_malformed() {
    let d = only_finding(&read(&fixture("empty.json"))).clone();
    assert_syntax(&d);
    assert_eq!(text_loc(&d), (1, 1, 0, 0));
    assert!(d.message.contains("the file is empty"), "{}", d.message);

    let d = only_finding(&read(b" \r\n\t\n")).clone();
    assert_syntax(&d);
    assert!(d.message.contains("only white space"), "{}", d.message);
}

#[test]
fn truncated_file_is_reported_at_its_end() {
    let bytes = fixture("truncated.json");
    let ingested = read(&bytes);
    assert!(ingested.document.is_none());
    let d = only_finding(&ingested).clone();
    assert_syntax(&d);
    // The file ends in `      "destroyed` (line 6, 16 characters).
    assert_eq!(text_loc(&d), (6, 17, bytes.len(), bytes.len()));
    assert!(d.message.contains("ends inside a string"), "{}", d.message);
    assert!(d.help.unwrap().contains("cut short"));

    let d = only_finding(&read(b"{\"a\": [1, 2\n\n")).clone();
    // Trailing blank lines are not blamed: the end is after the `2`.
    assert_eq!(text_loc(&d), (1, 12, 11, 11));
    assert!(d.message.contains("ends inside a list"), "{}", d.message);
}

#[test]
fn deep_nesting_is_an_error_not_a_stack_overflow() {
    let bytes = fixture("deep-nesting.json");
    assert_eq!(bytes.len(), 100_000);
    // A small stack proves the reader does not recurse per level (beyond
    // serde_json's limit), and the index not at all.
    let handle = std::thread::Builder::new()
        .stack_size(SMALL_STACK)
        .spawn(move || {
            let ingested = read(&bytes);
            let closed = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
            let map = index(&closed);
            (ingested, map.len())
        })
        .unwrap();
    let (ingested, indexed) = handle.join().expect("no stack overflow");
    assert!(ingested.document.is_none());
    let d = only_finding(&ingested).clone();
    assert_syntax(&d);
    // serde_json allows 127 levels: the 128th `[` is refused.
    assert_eq!(text_loc(&d), (1, 128, 127, 128));
    assert!(d.message.contains("nested too deeply"), "{}", d.message);
    // The index of 100,000 levels stops recording within its memory budget
    // (the pointers alone would take 10 GB) but gets through.
    assert!(indexed > 0);
}

#[test]
fn deep_nesting_within_the_limit_is_read_on_a_small_stack() {
    let text = format!("{}{}", "[".repeat(127), "]".repeat(127));
    let handle = std::thread::Builder::new()
        .stack_size(SMALL_STACK)
        .spawn(move || read(text.as_bytes()))
        .unwrap();
    let ingested = handle.join().expect("no stack overflow");
    assert!(ingested.findings.is_empty());
    let doc = ingested.document.unwrap();
    assert_eq!(doc.source_map().len(), 127);
    assert!(doc.source_map().get(&"/0".repeat(126)).is_some());
}

#[test]
fn number_beyond_f64_is_malformed() {
    let d = only_finding(&read(&fixture("number-out-of-range.json"))).clone();
    assert_syntax(&d);
    // The whole literal `1e400`, at byte 25.
    assert_eq!(text_loc(&d), (1, 26, 25, 30));
    assert!(d.message.contains("too large to be represented"));
    let d = only_finding(&read(b"[-1e400]")).clone();
    assert_eq!(text_loc(&d), (1, 2, 1, 7));
}

#[test]
fn integer_beyond_64_bits_is_reported_at_its_pointer() {
    let ingested = read(&fixture("huge-number.json"));
    let d = only_finding(&ingested).clone();
    assert_eq!(d.rule, "input/number-precision");
    assert_eq!(d.name, "number-too-large");
    assert_eq!(d.severity, Severity::Error);
    assert_eq!(d.pointer, "/forms/B/total");
    assert_eq!(
        d.message,
        "the number 123456789012345678901234567890 at /forms/B/total is too large to be stored exactly"
    );
    assert_eq!(text_loc(&d), (4, 16, 41, 71));
    assert!(d.help.is_some());
    // Validation goes on with the nearest float, as serde_json reads it.
    let doc = ingested.document.expect("a document");
    assert_eq!(
        doc.value["forms"]["B"]["total"].as_f64(),
        Some(1.2345678901234568e29)
    );
}

#[test]
fn integers_at_the_64_bit_edges() {
    let fits = "[9223372036854775807, -9223372036854775808, 18446744073709551615, -0, 1e30, 1.5e19, 12345678901234567890.5]";
    let ingested = read(fits.as_bytes());
    assert!(ingested.findings.is_empty(), "{:#?}", ingested.findings);

    let text = "[18446744073709551616, -9223372036854775809]";
    let ingested = read(text.as_bytes());
    let pointers: Vec<_> = ingested
        .findings
        .iter()
        .map(|d| d.pointer.as_str())
        .collect();
    assert_eq!(pointers, ["/0", "/1"]);
    assert!(ingested
        .findings
        .iter()
        .all(|d| d.rule == "input/number-precision"));
    assert_eq!(text_loc(&ingested.findings[1]), (1, 24, 23, 43));
}

#[test]
fn duplicate_keys_are_reported_at_the_second_occurrence() {
    let bytes = fixture("duplicate-keys.json");
    let ingested = read(&bytes);
    let d = only_finding(&ingested).clone();
    assert_eq!(d.rule, "input/duplicate-key");
    assert_eq!(d.name, "duplicate-key");
    assert_eq!(d.severity, Severity::Error);
    assert_eq!(d.pointer, "/forms/B/total");
    assert_eq!(
        d.message,
        "the key `total` appears twice in the same object (/forms/B); only the last value is kept"
    );
    // The second `"total"`, on line 7.
    let text = std::str::from_utf8(&bytes).unwrap();
    let second = text.rfind("\"total\"").unwrap();
    assert_eq!(text_loc(&d), (7, 7, second, second + 7));
    assert!(d.help.is_some());
    // The document is kept, with the last value in the first position.
    let doc = ingested.document.expect("a document");
    assert_eq!(doc.value["forms"]["B"]["total"], 12);
    let keys: Vec<_> = doc.value["forms"]["B"]
        .as_object()
        .unwrap()
        .keys()
        .collect();
    assert_eq!(keys, ["total", "destroyed"]);
    // The source map points at the value that was kept.
    let (start, end) = span(doc.source_map(), "/forms/B/total");
    assert_eq!(&text[start..end], "12");
}

#[test]
fn duplicate_keys_in_nested_and_repeated_objects() {
    let text = concat!(
        "{\n",
        "  \"a\": {\"x\": 1, \"x\": 2, \"x\": 3},\n",
        "  \"list\": [{\"k~/\": 1}, {\"k~/\": 1, \"k\\u007e\\/\": 2}],\n",
        "  \"a\": {\"y\": 1}\n",
        "}"
    );
    let ingested = read(text.as_bytes());
    let got: Vec<_> = ingested
        .findings
        .iter()
        .map(|d| {
            let (line, column, ..) = text_loc(d);
            (d.pointer.as_str(), line, column, d.message.as_str())
        })
        .collect();
    assert_eq!(
        got,
        [
            (
                "/a/x",
                2,
                17,
                "the key `x` appears twice in the same object (/a); only the last value is kept"
            ),
            (
                "/a/x",
                2,
                25,
                "the key `x` appears 3 times in the same object (/a); only the last value is kept"
            ),
            (
                "/list/1/k~0~1",
                3,
                35,
                "the key `k~/` appears twice in the same object (/list/1); only the last value is kept"
            ),
            (
                "/a",
                4,
                3,
                "the key `a` appears twice in the top-level object; only the last value is kept"
            ),
        ]
    );
    let doc = ingested.document.unwrap();
    assert_eq!(doc.value, serde_json::from_str::<Value>(text).unwrap());
}

#[test]
fn many_duplicate_keys_are_counted_not_all_listed() {
    let members: Vec<String> = (0..MAX_LISTED_FINDINGS + 50)
        .map(|_| "\"k\": 1".to_owned())
        .collect();
    let text = format!("{{{}}}", members.join(", "));
    let ingested = read(text.as_bytes());
    assert_eq!(ingested.findings.len(), MAX_LISTED_FINDINGS + 1);
    let last = ingested.findings.last().unwrap();
    assert_eq!(last.rule, "input/duplicate-key");
    assert!(last.message.starts_with("49 more keys"), "{}", last.message);
}

#[test]
fn every_hostile_fixture_gives_a_finding_or_a_document() {
    let expected = [
        ("bom.json", None),
        ("cr-line-breaks.json", None),
        ("deep-nesting.json", Some("input/syntax")),
        ("duplicate-keys.json", Some("input/duplicate-key")),
        ("empty.json", Some("input/syntax")),
        ("huge-number.json", Some("input/number-precision")),
        ("invalid-utf8.json", Some("input/syntax")),
        ("nul-bytes.json", Some("input/syntax")),
        ("number-out-of-range.json", Some("input/syntax")),
        ("top-level-array.json", None),
        ("truncated.json", Some("input/syntax")),
    ];
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/ingest/json");
    let mut on_disk: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    on_disk.sort();
    let listed: Vec<_> = expected.iter().map(|(n, _)| n.to_string()).collect();
    assert_eq!(on_disk, listed, "every fixture is covered here");
    for (name, rule) in expected {
        let ingested = read(&fixture(name));
        let rules: Vec<_> = ingested.findings.iter().map(|d| d.rule.as_str()).collect();
        assert_eq!(rules, rule.into_iter().collect::<Vec<_>>(), "{name}");
        let keeps_document = !matches!(rule, Some("input/syntax"));
        assert_eq!(ingested.document.is_some(), keeps_document, "{name}");
        for d in &ingested.findings {
            assert!(d.location.is_some(), "{name}: every finding is located");
        }
    }
}

#[test]
fn index_decodes_key_escapes_into_pointer_tokens() {
    let text = r#"{"caf\u00e9": 1, "a\/b": 2, "m~n": 3, "\ud83d\ude00": 4, "": 5, "q\"": 6}"#;
    let map = index(text);
    for p in ["/café", "/a~1b", "/m~0n", "/😀", "/", "/q\""] {
        assert!(map.get(p).is_some(), "{p} missing from {:?}", map);
    }
    assert_eq!(map.len(), 7);
    let (s, e) = key_span(&map, "/a~1b").unwrap();
    assert_eq!(&text[s..e], r#""a\/b""#);
}

// ------------------------------------------------------- property tests

/// A JSON value as written, before formatting.
#[derive(Debug, Clone)]
enum J {
    Null,
    Bool(bool),
    Num(String),
    Str(String),
    Arr(Vec<J>),
    Obj(Vec<(String, J)>),
}

fn number() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<i64>().prop_map(|n| n.to_string()),
        any::<u64>().prop_map(|n| n.to_string()),
        "-?(0|[1-9][0-9]{0,8})(\\.[0-9]{1,6})?([eE][+-]?[0-9]{1,2})?",
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            // Debug always writes a `.` or an exponent: `1e20`, `100.0`.
            .prop_map(|f| format!("{f:?}")),
    ]
}

fn string() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-Z0-9 _.-]{0,8}",
        "[\"\\\\/~\\x00-\\x1f\\x7féa€😀\\x{2028} ]{0,6}",
        any::<String>(),
    ]
}

fn tree() -> impl Strategy<Value = J> {
    let leaf = prop_oneof![
        Just(J::Null),
        any::<bool>().prop_map(J::Bool),
        number().prop_map(J::Num),
        string().prop_map(J::Str),
    ];
    leaf.prop_recursive(6, 96, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(J::Arr),
            prop::collection::vec((string(), inner), 0..6).prop_map(|members| {
                let mut seen = std::collections::HashSet::new();
                J::Obj(
                    members
                        .into_iter()
                        .filter(|(k, _)| seen.insert(k.clone()))
                        .collect(),
                )
            }),
        ]
    })
}

/// A tiny deterministic generator for formatting choices.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

#[derive(Debug, Clone, Copy)]
enum Style {
    Compact,
    Spaced,
    Pretty { crlf: bool },
}

struct Writer {
    out: String,
    rng: Rng,
    style: Style,
}

impl Writer {
    fn gap(&mut self, depth: usize) {
        match self.style {
            Style::Compact => {}
            Style::Spaced => {
                for _ in 0..self.rng.below(3) {
                    let ws = [" ", "\t", "\n", "\r\n", "  "][self.rng.below(5) as usize];
                    self.out.push_str(ws);
                }
            }
            Style::Pretty { crlf } => {
                self.out.push_str(if crlf { "\r\n" } else { "\n" });
                for _ in 0..depth {
                    self.out.push_str("  ");
                }
            }
        }
    }

    fn string(&mut self, s: &str) {
        self.out.push('"');
        for c in s.chars() {
            let escape_anyway = self.rng.below(6) == 0;
            match c {
                '"' => self.out.push_str("\\\""),
                '\\' if escape_anyway => self.out.push_str("\\u005C"),
                '\\' => self.out.push_str("\\\\"),
                '/' if escape_anyway => self.out.push_str("\\/"),
                '\n' if !escape_anyway => self.out.push_str("\\n"),
                '\t' if !escape_anyway => self.out.push_str("\\t"),
                c if (c as u32) < 0x20 || escape_anyway => {
                    let mut units = [0u16; 2];
                    for u in c.encode_utf16(&mut units) {
                        self.out.push_str(&format!("\\u{u:04x}"));
                    }
                }
                c => self.out.push(c),
            }
        }
        self.out.push('"');
    }

    fn value(&mut self, j: &J, depth: usize) {
        match j {
            J::Null => self.out.push_str("null"),
            J::Bool(b) => self.out.push_str(if *b { "true" } else { "false" }),
            J::Num(n) => self.out.push_str(n),
            J::Str(s) => self.string(s),
            J::Arr(items) => {
                self.out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        self.out.push(',');
                    }
                    self.gap(depth + 1);
                    self.value(item, depth + 1);
                }
                if !items.is_empty() {
                    self.gap(depth);
                }
                self.out.push(']');
            }
            J::Obj(members) => {
                self.out.push('{');
                for (i, (k, v)) in members.iter().enumerate() {
                    if i > 0 {
                        self.out.push(',');
                    }
                    self.gap(depth + 1);
                    self.string(k);
                    if matches!(self.style, Style::Spaced) {
                        self.gap(depth + 1);
                    }
                    self.out.push(':');
                    if !matches!(self.style, Style::Compact) {
                        self.out.push(' ');
                    }
                    self.value(v, depth + 1);
                }
                if !members.is_empty() {
                    self.gap(depth);
                }
                self.out.push('}');
            }
        }
    }
}

fn render(j: &J, seed: u64, style: Style) -> String {
    let mut w = Writer {
        out: String::new(),
        rng: Rng(seed | 1),
        style,
    };
    if matches!(style, Style::Spaced) {
        w.gap(0);
    }
    w.value(j, 0);
    if matches!(style, Style::Spaced) {
        w.gap(0);
    }
    w.out
}

/// Every pointer of `value`, by walking it (the oracle's own enumeration).
fn pointers(value: &Value, here: String, out: &mut Vec<String>) {
    match value {
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                pointers(item, format!("{here}/{i}"), out);
            }
        }
        Value::Object(members) => {
            for (k, v) in members {
                pointers(v, format!("{here}/{}", escape_pointer_token(k)), out);
            }
        }
        _ => {}
    }
    out.push(here);
}

/// The index of `text` agrees with serde_json on every value and key.
/// Every value's pointer, and pointers beside them that name nothing
/// (a missing member, an index past the end or written `01`, a step below
/// a scalar), are located where the full map's `nearest` puts them.
fn check_locate_against_index(text: &str) -> Result<(), TestCaseError> {
    let value: Value = serde_json::from_str(text)
        .map_err(|e| TestCaseError::fail(format!("generated invalid JSON: {e}\n{text}")))?;
    let map = index(text);
    let mut all = Vec::new();
    pointers(&value, String::new(), &mut all);
    let mut asked = vec!["nope".to_owned(), "/".to_owned()];
    for p in &all {
        asked.push(p.clone());
        for tail in ["/no~1such", "/0", "/01", "/-", "/5/x"] {
            asked.push(format!("{p}{tail}"));
        }
    }
    for p in &asked {
        prop_assert_eq!(
            locate(text, p),
            map.nearest(p).cloned(),
            "{:?} in {}",
            p,
            text
        );
    }
    Ok(())
}

fn check_index_against_serde(text: &str) -> Result<(), TestCaseError> {
    let value: Value = serde_json::from_str(text)
        .map_err(|e| TestCaseError::fail(format!("generated invalid JSON: {e}\n{text}")))?;
    let ingested = read(text.as_bytes());
    prop_assert!(ingested.findings.is_empty(), "{:?}", ingested.findings);
    prop_assert_eq!(&ingested.document.as_ref().unwrap().value, &value);

    let map = index(text);
    let mut all = Vec::new();
    pointers(&value, String::new(), &mut all);
    for p in &all {
        let spans = map.get(p);
        prop_assert!(spans.is_some(), "no entry for {:?} in {}", p, text);
        let (start, end) = span(&map, p);
        let at: Value = serde_json::from_str(&text[start..end])
            .map_err(|e| TestCaseError::fail(format!("{p}: {e}")))?;
        prop_assert_eq!(Some(&at), value.pointer(p), "value of {:?}", p);

        let parent = p.rfind('/').map(|i| &p[..i]);
        let parent_is_object = parent
            .and_then(|pp| value.pointer(pp))
            .is_some_and(Value::is_object);
        match key_span(&map, p) {
            Some((ks, ke)) => {
                prop_assert!(parent_is_object, "{:?} has a key but is no member", p);
                let key: String = serde_json::from_str(&text[ks..ke])
                    .map_err(|e| TestCaseError::fail(format!("key of {p}: {e}")))?;
                let tokens = pointer_tokens(p);
                prop_assert_eq!(Some(&key), tokens.last());
            }
            None => prop_assert!(!parent_is_object, "member {:?} has no key span", p),
        }
    }
    for (p, _) in map.iter() {
        prop_assert!(value.pointer(p).is_some(), "index has extra {:?}", p);
    }
    prop_assert_eq!(map.len(), all.len());
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 256,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn index_agrees_with_serde_json(j in tree(), seed in any::<u64>(), crlf in any::<bool>()) {
        for style in [Style::Compact, Style::Spaced, Style::Pretty { crlf }] {
            check_index_against_serde(&render(&j, seed, style))?;
        }
        // And serde_json's own pretty printing.
        let value: Value = serde_json::from_str(&render(&j, seed, Style::Compact)).unwrap();
        check_index_against_serde(&serde_json::to_string_pretty(&value).unwrap())?;
    }

    #[test]
    fn locate_finds_what_the_full_map_would(j in tree(), seed in any::<u64>(), crlf in any::<bool>()) {
        for style in [Style::Compact, Style::Spaced, Style::Pretty { crlf }] {
            check_locate_against_index(&render(&j, seed, style))?;
        }
    }

    #[test]
    fn index_never_panics_on_arbitrary_text(text in any::<String>()) {
        let _ = index(&text);
        let _ = locate(&text, "/a/0");
    }

    #[test]
    fn index_never_panics_on_json_like_text(
        text in "[\\[\\]{}\",:\\\\ \\n0-9a-z.eE+-]{0,200}",
    ) {
        let _ = index(&text);
        let _ = read(text.as_bytes());
    }

    #[test]
    fn read_never_panics_on_arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..300)) {
        let ingested = read(&bytes);
        prop_assert!(ingested.document.is_some() || !ingested.findings.is_empty());
    }

    #[test]
    fn truncating_valid_json_anywhere_gives_a_located_finding(j in tree(), seed in any::<u64>(), cut in any::<prop::sample::Index>()) {
        let text = render(&j, seed, Style::Spaced);
        let mut cut = cut.index(text.len() + 1);
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        let ingested = read(&text.as_bytes()[..cut]);
        for d in &ingested.findings {
            let (_, _, start, end) = text_loc(d);
            prop_assert!(start <= end && end <= cut);
        }
        let _ = index(&text[..cut]);
    }
}

/// Found by `cargo fuzz run json` (README, "Fuzzing"): line breaks written
/// `\r\r\n` (a CRLF file converted to CRLF once more) made the human output
/// fail half-way (`cannot write the results`, exit status 2): a value's
/// underline took in the `\r`s that the snippet window leaves out. Lone `\r`s
/// (old Mac line ends) also reached the terminal and shifted line numbers.
#[test]
fn human_output_with_carriage_returns() {
    use article7::report::{printer, OutputFormat, PrintOptions, Summary};
    use article7::validator::Validator;
    use article7::Source;

    let render = |name: &str, bytes: Vec<u8>| -> String {
        let report = Validator::new().validate_source(&Source::from_bytes(name, bytes));
        assert!(!report.findings.is_empty());
        let options = PrintOptions {
            lang: "en".into(),
            ..PrintOptions::default()
        };
        let mut out = Vec::new();
        let mut human = printer(OutputFormat::Human, &options);
        human
            .file(&mut out, &report)
            .expect("the human output is written");
        human.finish(&mut out, &Summary::default()).unwrap();
        String::from_utf8(out).unwrap()
    };

    let out = render("cr-line-breaks.json", fixture("cr-line-breaks.json"));
    assert!(!out.contains('\r'), "{out:?}");
    assert!(out.contains("[cr-line-breaks.json:1:1]"), "{out}");
    assert!(out.contains(" 1 │ { \n   · ┬\n"), "{out}");
    assert!(out.contains(" 2 │   \"format_version\": \"1.0\","), "{out}");

    // The same in XML, and with lone `\r`s: same lines as the findings give.
    let xml = "<article7-report xmlns=\"urn:apmbc:article7:report:1\">\r\r\n\
               <format_version>1.0</format_version>\r\r\n</article7-report>\r\r\n";
    let out = render("cr-line-breaks.xml", xml.as_bytes().to_vec());
    assert!(
        !out.contains('\r') && out.contains(" 2 │ <format_version>"),
        "{out}"
    );
    let lone = fixture("cr-line-breaks.json")
        .into_iter()
        .filter(|&b| b != b'\n')
        .collect::<Vec<u8>>();
    let out = render("lone-cr.json", lone);
    assert!(
        !out.contains('\r') && out.contains("[lone-cr.json:1:1]"),
        "{out}"
    );
}
