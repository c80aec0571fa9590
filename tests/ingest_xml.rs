//! The XML reader and writer: every valid fixture round-trips through XML
//! and validates the same in both spellings, schema defects give the same
//! findings at the same pointers, every value is located at its element, and
//! hostile inputs give a finding, never a panic.

mod common;
use article7::diagnostics::{escape_pointer_token, Severity, SourceLocation};
use article7::format::xml::{item_name, losses, write};
use article7::format::xml::{read, MAX_DEPTH, MAX_LISTED_FINDINGS, NAMESPACE};
use article7::format::Ingested;
use article7::model::{Document, Region, SourceMap};
use article7::source::{Format, Source};
use article7::validator::Validator;
use article7::Diagnostic;
use common::{mutate, Leaf};
use proptest::prelude::*;
use serde_json::{Map, Value};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

// ---------------------------------------------------------------- helpers

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn validator() -> &'static Validator {
    static V: OnceLock<Validator> = OnceLock::new();
    V.get_or_init(Validator::new)
}

fn fixture(name: &str) -> Vec<u8> {
    let path = root().join("fixtures/ingest/xml").join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn json_file(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).unwrap();
    serde_json::from_str(&text).unwrap()
}

fn valid_json_fixtures() -> Vec<PathBuf> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(root().join("fixtures/valid"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    paths.sort();
    assert!(paths.len() >= 3);
    paths
}

/// The document of a read that must succeed without findings.
fn clean(ingested: Ingested) -> Document {
    assert!(
        ingested.findings.is_empty(),
        "unexpected findings: {:#?}",
        ingested.findings
    );
    ingested.document.expect("a document")
}

/// The one finding of a read that must fail.
fn refused(ingested: Ingested) -> Diagnostic {
    assert!(ingested.document.is_none(), "the input must be refused");
    assert_eq!(
        ingested.findings.len(),
        1,
        "expected one finding, got {:#?}",
        ingested.findings
    );
    let d = ingested.findings.into_iter().next().unwrap();
    assert_eq!(d.rule, "input/syntax");
    assert_eq!(d.name, "malformed-input");
    assert_eq!(d.severity, Severity::Error);
    assert!(d.help.is_some(), "a finding says what to do");
    d
}

fn line_col(d: &Diagnostic) -> (usize, usize) {
    match &d.location {
        Some(SourceLocation::Text { line, column, .. }) => (*line, *column),
        other => panic!("expected a text location, got {other:?}: {}", d.message),
    }
}

fn start_of(d: &Diagnostic) -> usize {
    match &d.location {
        Some(SourceLocation::Text { start, .. }) => *start,
        other => panic!("expected a text location, got {other:?}"),
    }
}

/// Schema and rule findings of a JSON value, read as JSON would be.
fn json_findings(value: &Value) -> Vec<(String, String)> {
    let doc = Document::new(value.clone(), Format::Json, None, SourceMap::new());
    let (findings, _) = validator().check_document(&doc, Default::default());
    let mut out: Vec<_> = findings.into_iter().map(|f| (f.rule, f.pointer)).collect();
    out.sort();
    out
}

fn xml_source(value: &Value) -> Source {
    Source::from_bytes("report.xml", write(value).into_bytes())
}

/// Every pointer of `value`, with the XML element name it is written as.
fn pointers(value: &Value) -> Vec<(String, String)> {
    fn walk(v: &Value, pointer: &str, name: &str, out: &mut Vec<(String, String)>) {
        out.push((pointer.to_owned(), name.to_owned()));
        match v {
            Value::Object(m) => {
                for (k, c) in m {
                    walk(c, &format!("{pointer}/{}", escape_pointer_token(k)), k, out);
                }
            }
            Value::Array(a) => {
                for (i, c) in a.iter().enumerate() {
                    walk(c, &format!("{pointer}/{i}"), item_name(name), out);
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(value, "", "article7-report", &mut out);
    out
}

// ---------------------------------------------------------- round trips

#[test]
fn every_valid_fixture_round_trips_exactly() {
    for path in valid_json_fixtures() {
        let json = json_file(&path);
        let xml = write(&json);
        let doc = clean(read(xml.as_bytes()));
        assert_eq!(doc.value, json, "{}", path.display());
        // Same member order, too (Value equality ignores it).
        assert_eq!(
            serde_json::to_string(&doc.value).unwrap(),
            serde_json::to_string(&json).unwrap(),
            "{}",
            path.display()
        );
        assert_eq!(doc.format, Format::Xml);
        assert!(losses(&json).is_empty(), "{}", path.display());
    }
}

/// The committed `fixtures/valid/*.xml` are the writer's output. Set
/// `ARTICLE7_BLESS=1` to rewrite them after a deliberate change.
#[test]
fn valid_xml_fixtures_are_the_writers_output() {
    let bless = std::env::var_os("ARTICLE7_BLESS").is_some();
    for path in valid_json_fixtures() {
        let xml_path = path.with_extension("xml");
        let xml = write(&json_file(&path));
        if bless {
            std::fs::write(&xml_path, &xml).unwrap();
        }
        let committed = std::fs::read_to_string(&xml_path)
            .unwrap_or_else(|e| panic!("{}: {e}", xml_path.display()));
        assert_eq!(
            committed,
            xml,
            "{} is stale; rerun with ARTICLE7_BLESS=1",
            xml_path.display()
        );
    }
}

/// Every array of the model has a singular item name, not the generic one.
#[test]
fn every_model_array_has_an_item_name() {
    let schema = article7::schema::ReportSchema::embedded().value();
    let defs = &schema["$defs"];
    let is_array = |node: &Value| {
        let node = match node.get("$ref").and_then(Value::as_str) {
            Some(r) => &defs[r.trim_start_matches("#/$defs/")],
            None => node,
        };
        node.get("type") == Some(&Value::from("array"))
    };
    fn walk(node: &Value, found: &mut Vec<String>, is_array: &dyn Fn(&Value) -> bool) {
        match node {
            Value::Object(m) => {
                if let Some(Value::Object(props)) = m.get("properties") {
                    for (k, v) in props {
                        if is_array(v) {
                            found.push(k.clone());
                        }
                    }
                }
                m.values().for_each(|v| walk(v, found, is_array));
            }
            Value::Array(a) => a.iter().for_each(|v| walk(v, found, is_array)),
            _ => {}
        }
    }
    let mut found = Vec::new();
    walk(schema, &mut found, &is_array);
    assert!(found.len() >= 20, "{found:?}");
    for key in found {
        assert_ne!(item_name(&key), "item", "no item name for `{key}`");
    }
}

#[test]
fn valid_xml_fixtures_validate_like_their_json() {
    for path in valid_json_fixtures() {
        let json = json_file(&path);
        let report = validator().validate_path(&path.with_extension("xml"));
        assert_eq!(report.format, Some(Format::Xml));
        assert!(
            report.findings.is_empty(),
            "{}: {:#?}",
            path.display(),
            report.findings
        );
        assert!(json_findings(&json).is_empty(), "{}", path.display());
    }
}

#[test]
fn schema_defects_give_the_same_findings_in_xml_and_json() {
    let dir = root().join("fixtures/invalid");
    let expected = json_file(&dir.join("expected.json"));
    let expected = expected.as_object().unwrap();
    assert!(expected.len() >= 3);
    for (file, want) in expected {
        let json = json_file(&dir.join(file));
        let from_json = json_findings(&json);
        let report = validator().validate_source(&xml_source(&json));
        let mut from_xml: Vec<_> = report
            .findings
            .iter()
            .map(|f| (f.rule.clone(), f.pointer.clone()))
            .collect();
        from_xml.sort();
        assert_eq!(from_xml, from_json, "{file}");
        assert!(
            from_xml.iter().any(|(rule, _)| rule == &want["rule"]),
            "{file}: {from_xml:?}"
        );

        // Located in the XML: at the element (its key for an unknown
        // member, its parent for a missing one).
        let text = report.text.as_deref().expect("the text is kept");
        for f in report
            .findings
            .iter()
            .filter(|f| f.rule.starts_with("schema/"))
        {
            let at = &text[start_of(f)..];
            let last = f.pointer.rsplit('/').next().unwrap_or("");
            match f.rule.as_str() {
                "schema/additional-properties" => assert!(at.starts_with(last), "{file}: {at:.40}"),
                "schema/required" => assert!(at.starts_with('<'), "{file}: {at:.40}"),
                _ if last.parse::<usize>().is_ok() => {
                    assert!(at.starts_with('<'), "{file}: {at:.40}")
                }
                _ => assert!(at.starts_with(&format!("<{last}")), "{file}: {at:.40}"),
            }
        }
    }
}

#[test]
fn every_pointer_is_located_at_its_element() {
    for path in valid_json_fixtures() {
        let xml_path = path.with_extension("xml");
        let doc = clean(read(&std::fs::read(&xml_path).unwrap()));
        let text = doc.text().unwrap();
        let map = doc.source_map();
        let all = pointers(&doc.value);
        assert_eq!(map.len(), all.len(), "{}", xml_path.display());
        for (pointer, name) in all {
            let spans = map
                .get(&pointer)
                .unwrap_or_else(|| panic!("{pointer} is not in the source map"));
            let Region::Text { start, end } = spans.value else {
                panic!("{pointer}: not a text region");
            };
            let element = &text[start..end];
            assert!(
                element.starts_with(&format!("<{name}")) && element.ends_with('>'),
                "{pointer}: {element:.60}"
            );
            let Some(Region::Text { start: ks, end: ke }) = spans.key else {
                panic!("{pointer}: no key span");
            };
            assert_eq!(&text[ks..ke], name, "{pointer}");
            // The reported position is the element's `<`.
            let loc = doc.locate(&pointer).unwrap();
            let line = loc.line().unwrap();
            let col = loc.column().unwrap();
            let line_text = text.lines().nth(line - 1).unwrap();
            let rest: String = line_text.chars().skip(col - 1).collect();
            assert!(rest.starts_with(&format!("<{name}")), "{pointer}: {rest}");
        }
    }
}

#[test]
fn a_value_that_cannot_take_its_type_is_left_to_the_schema() {
    let xml = std::fs::read_to_string(root().join("fixtures/valid/cambodia-2019.xml")).unwrap();
    let bad = xml.replace(
        "<total_retained>3974</total_retained>",
        "<total_retained>twelve</total_retained>",
    );
    assert_ne!(bad, xml);
    let doc = clean(read(bad.as_bytes()));
    assert_eq!(doc.value["forms"]["D"]["total_retained"], "twelve");

    let report =
        validator().validate_source(&Source::from_bytes("r.xml", bad.clone().into_bytes()));
    let f = report
        .findings
        .iter()
        .find(|f| f.rule == "schema/type")
        .unwrap_or_else(|| panic!("{:#?}", report.findings));
    assert_eq!(f.pointer, "/forms/D/total_retained");
    assert_eq!(
        f.message,
        "`total_retained` must be a whole number; found the text `twelve`"
    );
    let at = bad.find("<total_retained>").unwrap();
    assert_eq!(start_of(f), at);
    let line = bad[..at].matches('\n').count() + 1;
    assert_eq!(line_col(f), (line, 7));
    assert!(
        !report.findings.iter().any(|f| f.rule.starts_with("input/")),
        "one finding, from the schema"
    );
}

#[test]
fn types_come_from_the_schema() {
    let xml = format!(
        r#"<article7-report xmlns="{NAMESPACE}">
  <forms>
    <A>
      <measures>
        <m><penal_sanctions> 1 </penal_sanctions><covers/></m>
        <m><penal_sanctions>false</penal_sanctions><title>  Law &amp; <![CDATA[<order>]]> </title></m>
        <m><penal_sanctions>yes</penal_sanctions></m>
      </measures>
    </A>
    <B><total>
      12
    </total><stockpile/></B>
    <C>
      <areas><a><area_m2>1.5e3</area_m2><location><lat>-13.25</lat></location></a></areas>
      <totals><areas>-4</areas><area_m2>7</area_m2></totals>
    </C>
    <F><stockpile_destruction/></F>
  </forms>
  <!-- a comment --><?pi ignored?>
  <extensions>
    <n>3</n>
    <tags><item>a</item><item/></tags>
    <nested><deep>  x </deep></nested>
  </extensions>
  <state><extensions/></state>
  <period><extensions><item>a</item></extensions></period>
</article7-report>"#
    );
    let doc = clean(read(xml.as_bytes()));
    let want = serde_json::json!({
        "forms": {
            "A": {"measures": [
                {"penal_sanctions": true, "covers": []},
                {"penal_sanctions": false, "title": "  Law & <order> "},
                {"penal_sanctions": "yes"}
            ]},
            "B": {"total": 12, "stockpile": []},
            "C": {
                "areas": [{"area_m2": 1500.0, "location": {"lat": -13.25}}],
                "totals": {"areas": -4, "area_m2": 7}
            },
            "F": {"stockpile_destruction": {}}
        },
        "extensions": {"n": "3", "tags": ["a", ""], "nested": {"deep": "  x "}},
        "state": {"extensions": {}},
        "period": {"extensions": {"item": "a"}}
    });
    assert_eq!(doc.value, want);
}

#[test]
fn an_unknown_element_is_read_by_its_shape_for_the_schema_to_name() {
    let xml = format!(
        r#"<article7-report xmlns="{NAMESPACE}"><forms><B><totl>9</totl><extra><a>1</a></extra></B></forms></article7-report>"#
    );
    let doc = clean(read(xml.as_bytes()));
    assert_eq!(
        doc.value,
        serde_json::json!({"forms": {"B": {"totl": "9", "extra": {"a": "1"}}}})
    );
    let report =
        validator().validate_source(&Source::from_bytes("r.xml", xml.clone().into_bytes()));
    let f = report
        .findings
        .iter()
        .find(|f| f.rule == "schema/additional-properties" && f.pointer == "/forms/B/totl")
        .unwrap_or_else(|| panic!("{:#?}", report.findings));
    // At the start tag's name, as JSON points at the key.
    assert_eq!(start_of(f), xml.find("totl").unwrap());
}

#[test]
fn prefixed_namespace_and_schema_location_hints_are_accepted() {
    let xml = format!(
        r#"<?xml version="1.0" encoding="utf-8" standalone="yes"?>
<r:article7-report xmlns:r="{NAMESPACE}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="{NAMESPACE} article7.xsd">
  <r:treaty>APMBC</r:treaty>
</r:article7-report>"#
    );
    let doc = clean(read(xml.as_bytes()));
    assert_eq!(doc.value, serde_json::json!({"treaty": "APMBC"}));
}

#[test]
fn strings_survive_the_round_trip_with_awkward_characters() {
    let mut json = json_file(&root().join("fixtures/valid/mozambique-2016.json"));
    let tricky = " a\r\nb\tc <&> ]]> \"'\u{e9}\u{1F600}\r ";
    json["contact"]["name"] = Value::String(tricky.into());
    json["state"]["name"] = Value::String("   ".into());
    let doc = clean(read(write(&json).as_bytes()));
    assert_eq!(doc.value["contact"]["name"], tricky);
    assert_eq!(doc.value, json);
}

// ---------------------------------------------------------- encodings

fn small_report_checks(doc: &Document) {
    assert_eq!(
        doc.value["state"]["name"],
        "C\u{f4}te d\u{2019}Ivoire \u{2014} S\u{e3}o Tom\u{e9} \u{1F600}"
    );
    assert_eq!(doc.value["forms"]["B"]["total"], 12);
    // Offsets are in the decoded text: line 9 holds `<total>`.
    let loc = doc.locate("/forms/B/total").unwrap();
    assert_eq!((loc.line(), loc.column()), (Some(9), Some(7)));
    let loc = doc.locate("/state/name").unwrap();
    assert_eq!((loc.line(), loc.column()), (Some(5), Some(5)));
}

#[test]
fn utf16_with_a_bom_is_read_in_both_byte_orders() {
    for name in ["utf16le.xml", "utf16be.xml"] {
        let doc = clean(read(&fixture(name)));
        small_report_checks(&doc);
        assert!(doc.text().unwrap().starts_with("<?xml"), "{name}");
    }
    let doc = clean(read(&fixture("bom-utf8.xml")));
    small_report_checks(&doc);
}

#[test]
fn a_utf16_report_validates_like_its_json() {
    let path = root().join("fixtures/valid/mozambique-2016.xml");
    let text = std::fs::read_to_string(&path).unwrap();
    for le in [true, false] {
        let mut bytes = if le {
            vec![0xFF, 0xFE]
        } else {
            vec![0xFE, 0xFF]
        };
        for unit in text.encode_utf16() {
            bytes.extend(if le {
                unit.to_le_bytes()
            } else {
                unit.to_be_bytes()
            });
        }
        let report = validator().validate_source(&Source::from_bytes("r.xml", bytes));
        assert!(report.findings.is_empty(), "{:#?}", report.findings);
    }
}

#[test]
fn utf16_cut_in_half_a_character_is_refused() {
    let d = refused(read(&fixture("utf16-odd-length.xml")));
    assert!(d.message.contains("UTF-16LE"), "{}", d.message);
}

#[test]
fn invalid_utf8_is_refused_at_the_bad_byte() {
    let d = refused(read(&fixture("invalid-utf8.xml")));
    assert!(d.message.contains("not valid UTF-8"), "{}", d.message);
    assert!(d.message.contains("0xF4"), "{}", d.message);
    assert_eq!(line_col(&d), (3, 17));
}

#[test]
fn other_declared_encodings_are_refused_at_the_declaration() {
    let d = refused(read(&fixture("latin1-declared.xml")));
    assert!(d.message.contains("`ISO-8859-1`"), "{}", d.message);
    assert_eq!(line_col(&d), (1, 31));
    // Even when the content happens to be ASCII.
    let ascii = br#"<?xml version="1.0" encoding="windows-1252"?><article7-report xmlns="urn:apmbc:article7:report:1"/>"#;
    let d = refused(read(ascii));
    assert!(d.message.contains("`windows-1252`"), "{}", d.message);
}

// ---------------------------------------------------------- hostile input

#[test]
fn doctype_and_entity_definitions_are_refused_without_expansion() {
    for name in [
        "billion-laughs.xml",
        "external-entity.xml",
        "external-dtd.xml",
    ] {
        let d = refused(read(&fixture(name)));
        assert!(d.message.contains("DOCTYPE"), "{name}: {}", d.message);
        assert!(d.message.contains("entity"), "{name}: {}", d.message);
        assert_eq!(line_col(&d), (2, 1), "{name}");
    }
}

#[test]
fn an_undefined_entity_is_refused() {
    let d = refused(read(&fixture("undefined-entity.xml")));
    assert!(d.message.contains("`&ocirc;`"), "{}", d.message);
    assert_eq!(line_col(&d), (3, 17));
}

#[test]
fn the_root_must_be_the_report_in_its_namespace() {
    let d = refused(read(&fixture("no-namespace.xml")));
    assert!(d.message.contains("in no namespace"), "{}", d.message);
    assert_eq!(line_col(&d), (2, 2));
    let d = refused(read(&fixture("wrong-root.xml")));
    assert!(d.message.contains("`<report>`"), "{}", d.message);
    assert_eq!(line_col(&d), (2, 2));
}

#[test]
fn elements_outside_the_namespace_are_refused_each_at_its_place() {
    let ingested = read(&fixture("foreign-element.xml"));
    assert!(ingested.document.is_none());
    let found: Vec<_> = ingested
        .findings
        .iter()
        .map(|d| (d.rule.as_str(), line_col(d)))
        .collect();
    assert_eq!(
        found,
        vec![("input/syntax", (4, 4)), ("input/syntax", (7, 6))],
        "{:#?}",
        ingested.findings
    );
    assert!(ingested.findings[0].message.contains("urn:example:other"));
    assert!(
        ingested.findings[1].message.contains("in no namespace"),
        "{}",
        ingested.findings[1].message
    );

    let d = refused(read(&fixture("undeclared-prefix.xml")));
    assert!(d.message.contains("`x:`"), "{}", d.message);
    assert_eq!(line_col(&d).0, 4);
}

#[test]
fn mixed_content_is_refused_at_the_text() {
    let d = refused(read(&fixture("mixed-content.xml")));
    assert!(d.message.contains("`Cambodia`"), "{}", d.message);
    assert!(d.message.contains("`<state>`"), "{}", d.message);
    // At the text itself, not at the line break before it.
    assert_eq!(line_col(&d), (4, 5));
}

#[test]
fn attributes_are_refused_naming_the_attribute() {
    let d = refused(read(&fixture("attributes.xml")));
    assert!(d.message.contains("`id`"), "{}", d.message);
    assert!(d.message.contains("`<area>`"), "{}", d.message);
    assert_eq!(line_col(&d), (6, 15));
}

#[test]
fn empty_blank_nul_and_binary_files_are_refused() {
    for name in [
        "empty.xml",
        "whitespace-only.xml",
        "nul-bytes.xml",
        "binary-junk.xml",
    ] {
        let d = refused(read(&fixture(name)));
        line_col(&d);
        assert!(!d.message.is_empty(), "{name}");
    }
    let d = refused(read(&fixture("empty.xml")));
    assert!(d.message.contains("empty"), "{}", d.message);
    let d = refused(read(&fixture("nul-bytes.xml")));
    assert!(d.message.contains("NUL"), "{}", d.message);
}

#[test]
fn truncated_and_mismatched_files_are_refused_where_they_break() {
    let d = refused(read(&fixture("truncated.xml")));
    assert!(d.message.contains("ends before"), "{}", d.message);
    assert_eq!(line_col(&d), (5, 15));
    let d = refused(read(&fixture("mismatched-tag.xml")));
    assert!(d.message.contains("`</totl>`"), "{}", d.message);
    assert_eq!(line_col(&d).0, 5);
}

#[test]
fn a_repeated_element_is_a_duplicate_key_and_the_last_is_kept() {
    let ingested = read(&fixture("duplicate-element.xml"));
    assert_eq!(ingested.findings.len(), 1, "{:#?}", ingested.findings);
    let d = &ingested.findings[0];
    assert_eq!(d.rule, "input/duplicate-key");
    assert_eq!(d.pointer, "/forms/B/total");
    assert_eq!(line_col(d), (6, 8));
    let doc = ingested.document.expect("a document");
    assert_eq!(doc.value["forms"]["B"]["total"], 10);
}

#[test]
fn an_integer_beyond_64_bits_is_flagged_and_rounded() {
    let ingested = read(&fixture("huge-number.xml"));
    assert_eq!(ingested.findings.len(), 1, "{:#?}", ingested.findings);
    let d = &ingested.findings[0];
    assert_eq!(d.rule, "input/number-precision");
    assert_eq!(d.pointer, "/forms/B/total");
    assert_eq!(line_col(d), (5, 7));
    let doc = ingested.document.expect("a document");
    assert_eq!(
        doc.value["forms"]["B"]["total"].as_f64(),
        Some(1.2345678901234568e29)
    );
}

#[test]
fn many_problems_are_listed_up_to_a_limit_then_counted() {
    let mut xml = format!("<article7-report xmlns=\"{NAMESPACE}\"><extensions>");
    for i in 0..150 {
        xml.push_str(&format!("<x{i} a=\"1\"/>"));
    }
    xml.push_str("</extensions></article7-report>");
    let ingested = read(xml.as_bytes());
    assert!(ingested.document.is_none());
    assert_eq!(ingested.findings.len(), MAX_LISTED_FINDINGS + 1);
    let last = ingested.findings.last().unwrap();
    assert!(
        last.message.starts_with("50 more problems"),
        "{}",
        last.message
    );

    let mut xml = format!("<article7-report xmlns=\"{NAMESPACE}\"><extensions>");
    xml.push_str(&"<x>1</x>".repeat(150));
    xml.push_str("</extensions></article7-report>");
    let ingested = read(xml.as_bytes());
    assert!(ingested.document.is_some());
    assert_eq!(ingested.findings.len(), MAX_LISTED_FINDINGS + 1);
    assert!(ingested
        .findings
        .iter()
        .all(|f| f.rule == "input/duplicate-key"));
    let last = ingested.findings.last().unwrap();
    assert!(
        last.message.starts_with("49 more elements"),
        "{}",
        last.message
    );
}

#[test]
fn columns_count_characters_across_crlf_lines() {
    let xml = format!(
        "<article7-report xmlns=\"{NAMESPACE}\">\r\n  <state><name>Côte</name><code>CIV</code></state>\r\n</article7-report>"
    );
    let doc = clean(read(xml.as_bytes()));
    let loc = doc.locate("/state/code").unwrap();
    // `  <state><name>Côte</name>` is 26 characters (27 bytes).
    assert_eq!((loc.line(), loc.column()), (Some(2), Some(27)));
    let loc = doc.locate_key("/state/code").unwrap();
    assert_eq!((loc.line(), loc.column()), (Some(2), Some(28)));
}

/// 100,000 nested elements: a finding, within a small stack.
#[test]
fn deep_nesting_is_refused_without_exhausting_the_stack() {
    let handle = std::thread::Builder::new()
        .stack_size(512 * 1024)
        .spawn(|| {
            let depth = 100_000;
            let mut xml = format!("<article7-report xmlns=\"{NAMESPACE}\">");
            xml.push_str(&"<extensions>".repeat(depth));
            xml.push_str(&"</extensions>".repeat(depth));
            xml.push_str("</article7-report>");
            let d = refused(read(xml.as_bytes()));
            assert!(d.message.contains("nested too deeply"), "{}", d.message);
            let at = start_of(&d);
            // Reported at the first element past the limit (the root is level 1).
            assert!(xml[at..].starts_with("<extensions>"));
            assert_eq!(xml[..at].matches("<extensions>").count(), MAX_DEPTH - 1);

            // Unclosed, too: a truncated deep file.
            let cut = &xml[..xml.len() / 2];
            refused(read(cut.as_bytes()));
        })
        .unwrap();
    handle.join().expect("no stack overflow, no panic");
}

#[test]
fn too_many_nodes_are_refused() {
    let mut xml = format!("<article7-report xmlns=\"{NAMESPACE}\"><extensions>");
    xml.push_str(&"<a/>".repeat(1_000_001));
    xml.push_str("</extensions></article7-report>");
    let d = refused(read(xml.as_bytes()));
    assert!(d.message.contains("XML nodes"), "{}", d.message);
}

#[test]
fn hostile_fixtures_each_give_a_finding_through_the_validator() {
    let dir = root().join("fixtures/ingest/xml");
    let mut n = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let report = validator().validate_path(&path);
        n += 1;
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if name.starts_with("utf16") && name != "utf16-odd-length.xml" || name == "bom-utf8.xml" {
            // Read correctly: only the schema (and rules) judge the small report.
            assert!(
                !report.findings.iter().any(|f| f.rule.starts_with("input/")),
                "{name}: {:#?}",
                report.findings
            );
        } else {
            assert!(
                report.findings.iter().any(|f| f.rule.starts_with("input/")),
                "{name}: {:#?}",
                report.findings
            );
        }
    }
    assert!(n >= 20);
}

// ---------------------------------------------------------- properties

fn leaf() -> impl Strategy<Value = Leaf> {
    prop_oneof![
        // Any text XML 1.0 can hold: no control characters but tab, LF, CR.
        "[\\PC\t\n\r ]{0,24}".prop_map(Leaf::Text),
        "[ \\t\\n]{0,2}[a-z<&>\"']{0,6}[ \\t\\n]{0,2}".prop_map(Leaf::Text),
        any::<i64>().prop_map(Leaf::Int),
        any::<u64>().prop_map(Leaf::Big),
        (-1.0e12f64..1.0e12).prop_map(Leaf::Float),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(Leaf::Float),
        any::<bool>().prop_map(Leaf::Bool),
    ]
}

fn extension_object() -> impl Strategy<Value = Value> {
    let key = "[a-z_][a-z0-9_.-]{0,8}".prop_filter("not the item marker", |k| k != "item");
    let text = "[\\PC\t\n ]{1,12}".prop_filter("not blank", |s: &String| !s.trim().is_empty());
    let leaf = text.prop_map(Value::String);
    leaf.prop_recursive(3, 24, 4, move |inner| {
        prop_oneof![
            prop::collection::btree_map(key.clone(), inner.clone(), 1..4)
                .prop_map(|m| Value::Object(m.into_iter().collect::<Map<_, _>>())),
            prop::collection::vec(inner, 1..4).prop_map(Value::Array),
        ]
    })
}

fn base_fixtures() -> &'static [Value] {
    static F: OnceLock<Vec<Value>> = OnceLock::new();
    F.get_or_init(|| valid_json_fixtures().iter().map(|p| json_file(p)).collect())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn mutated_reports_round_trip(
        which in 0usize..3,
        edits in prop::collection::vec((any::<usize>(), leaf()), 1..40),
        extensions in prop::option::of(extension_object()),
    ) {
        let fixtures = base_fixtures();
        let mut json = fixtures[which % fixtures.len()].clone();
        mutate(&mut json, &edits);
        if let Some(ext) = extensions {
            let obj = match ext {
                Value::Object(m) => m,
                other => {
                    let mut m = Map::new();
                    m.insert("value".into(), other);
                    m
                }
            };
            json["forms"]["C"]["extensions"] = Value::Object(obj);
        }
        let xml = write(&json);
        let ingested = read(xml.as_bytes());
        prop_assert!(ingested.findings.is_empty(), "{:#?}", ingested.findings);
        let doc = ingested.document.expect("a document");
        prop_assert_eq!(
            serde_json::to_string(&doc.value).unwrap(),
            serde_json::to_string(&json).unwrap()
        );
        prop_assert!(losses(&json).is_empty());
    }

    /// Arbitrary bytes never panic; the result is a document or a finding.
    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..256)) {
        let ingested = read(&bytes);
        prop_assert!(ingested.document.is_some() || !ingested.findings.is_empty());
    }

    /// Arbitrary text behind a valid prologue never panics.
    #[test]
    fn arbitrary_markup_never_panics(body in "[<>/a-z&;:=\"' \n!\\[\\]-]{0,200}") {
        let xml = format!("<article7-report xmlns=\"{NAMESPACE}\">{body}</article7-report>");
        let ingested = read(xml.as_bytes());
        prop_assert!(ingested.document.is_some() || !ingested.findings.is_empty());
    }
}
