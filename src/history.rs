//! Finds a report's predecessors for the year-over-year rules: among the
//! reports of a batch and of `--history` folders, the previous annual report
//! of the same State (period year = Year − 1, the latest submitted if there
//! are several), the newest earlier report of any year, and, for rules that
//! read `history`, the State's earlier annual reports, newest first.

use crate::format;
use crate::source::{Format, Source};
use rayon::prelude::*;
use serde::Deserialize;
use serde_json::Value;
use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// What identifies a report in the history.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportKey {
    /// `state.code`.
    pub state: String,
    /// The year of `period.to`.
    pub year: i64,
    /// Whether it is an annual report (not initial).
    pub annual: bool,
    /// `submitted_on` (text; ISO dates compare as text).
    pub submitted_on: String,
}

/// The key of a report, when it has the fields that make one.
pub fn key_of(v: &Value) -> Option<ReportKey> {
    let to = v.pointer("/period/to")?.as_str()?;
    Some(ReportKey {
        state: v.pointer("/state/code")?.as_str()?.to_owned(),
        year: to.get(..4)?.parse().ok()?,
        annual: v.get("report_kind").and_then(Value::as_str) == Some("annual"),
        submitted_on: v
            .get("submitted_on")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_owned(),
    })
}

/// Reports known for the year-over-year rules.
#[derive(Debug, Default)]
pub struct History {
    entries: Vec<(ReportKey, PathBuf)>,
    /// Files whose key [`History::scan`] read the careful way already (a
    /// JSON file whose first members the quick reading could not place):
    /// nothing to confirm before use.
    careful: HashSet<PathBuf>,
}

impl History {
    /// Reads the keys of every file (in parallel); files that cannot be read
    /// or have no key are left out.
    pub fn scan(paths: &[PathBuf]) -> History {
        let found: Vec<(ReportKey, PathBuf, bool)> = paths
            .par_iter()
            .filter_map(|p| {
                let (key, careful) = scan_key(&Source::read(p).ok()?)?;
                Some((key, p.clone(), careful))
            })
            .collect();
        let careful = found
            .iter()
            .filter(|(_, _, careful)| *careful)
            .map(|(_, p, _)| p.clone())
            .collect();
        let entries = found.into_iter().map(|(k, p, _)| (k, p)).collect();
        History { entries, careful }
    }

    /// Number of reports known.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether no report is known.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The previous annual report of `key`'s State: year − 1, latest
    /// submitted.
    pub fn previous(&self, key: &ReportKey) -> Option<&Path> {
        self.entries
            .iter()
            .filter(|(k, _)| k.annual && k.state == key.state && k.year == key.year - 1)
            .max_by(|a, b| a.0.submitted_on.cmp(&b.0.submitted_on))
            .map(|(_, p)| p.as_path())
    }

    /// The predecessors of the report `key` read from `path` (`None` for
    /// one held in memory), loaded: the previous annual report, the newest
    /// earlier one, and up to `depth` earlier annual reports for `history`
    /// (0 when no rule reads it: nothing more is read then). A file is never
    /// its own predecessor; a file that is several of them is read once.
    pub fn predecessors(&self, key: &ReportKey, path: Option<&Path>, depth: usize) -> Predecessors {
        let not_self = |p: &&Path| Some(*p) != path;
        // Files confirmed once are not read again for the next choice.
        let mut good = Confirmed::new();
        let prev_path = self
            .confirmed_one(&mut good, |h| h.previous(key))
            .filter(not_self);
        let earlier_path = self
            .confirmed_one(&mut good, |h| h.earlier(key))
            .filter(not_self);
        let previous = prev_path.and_then(|p| take_or_load(&mut good, p));
        let earlier = if earlier_path.is_some() && earlier_path == prev_path {
            previous.clone()
        } else {
            earlier_path.and_then(|p| take_or_load(&mut good, p))
        };
        let history = (depth > 0).then(|| {
            let chosen = self.confirmed(&mut good, |h| h.annual_before(key, depth));
            let reports = chosen
                .into_iter()
                .filter(not_self)
                .filter_map(|p| {
                    if Some(p) == prev_path {
                        previous.clone()
                    } else if Some(p) == earlier_path {
                        earlier.clone()
                    } else {
                        take_or_load(&mut good, p)
                    }
                })
                .collect();
            Value::Array(reports)
        });
        Predecessors {
            previous,
            earlier,
            history,
        }
    }

    /// The State's annual reports for years before `key`'s, one per year
    /// (the latest submitted), newest first, at most `depth`.
    pub fn annual_before(&self, key: &ReportKey, depth: usize) -> Vec<&Path> {
        let mut found: Vec<&(ReportKey, PathBuf)> = self
            .entries
            .iter()
            .filter(|(k, _)| k.annual && k.state == key.state && k.year < key.year)
            .collect();
        // Newest year first, and within a year the latest submitted first,
        // so that the first of each year is the one kept.
        found.sort_by(|a, b| (b.0.year, &b.0.submitted_on).cmp(&(a.0.year, &a.0.submitted_on)));
        found.dedup_by_key(|(k, _)| k.year);
        found
            .into_iter()
            .take(depth)
            .map(|(_, p)| p.as_path())
            .collect()
    }

    /// The entries `pick` chooses, once the careful reading of each file
    /// ([`careful_key`]) agrees with the quick one [`History::scan`] made:
    /// an entry it does not confirm (a file that does not read in full,
    /// which the careful reading leaves out of the history) is set
    /// aside and `pick` asked again, so the choice is the one the careful
    /// reading of every file would give. `good` holds the files confirmed
    /// so far, kept between calls, with the document when confirming read
    /// all of it (a workbook), so that it is not read again to be used.
    fn confirmed(&self, good: &mut Confirmed, pick: impl Fn(&History) -> Vec<&Path>) -> Vec<&Path> {
        let mut left: Option<History> = None;
        loop {
            let chosen: Vec<PathBuf> = pick(left.as_ref().unwrap_or(self))
                .into_iter()
                .map(Path::to_path_buf)
                .collect();
            let refused = chosen.iter().find(|c| {
                if good.contains_key(*c) || self.careful.contains(*c) {
                    return false;
                }
                let Some((k, _)) = self.entries.iter().find(|(_, p)| p == *c) else {
                    return true;
                };
                let (careful, value) = match Source::read(c) {
                    Ok(source) => careful_read(&source),
                    Err(_) => (None, None),
                };
                if careful.as_ref() == Some(k) {
                    good.insert((*c).clone(), value);
                    false
                } else {
                    true
                }
            });
            match refused {
                None => {
                    return chosen
                        .iter()
                        .filter_map(|c| {
                            self.entries
                                .iter()
                                .find(|(_, p)| p == c)
                                .map(|(_, p)| p.as_path())
                        })
                        .collect()
                }
                Some(r) => {
                    let r = r.clone();
                    let rest = left.get_or_insert_with(|| History {
                        entries: self.entries.clone(),
                        careful: HashSet::new(),
                    });
                    rest.entries.retain(|(_, q)| *q != r);
                }
            }
        }
    }

    /// One entry `pick` chooses, confirmed as [`History::confirmed`] does.
    fn confirmed_one(
        &self,
        good: &mut Confirmed,
        pick: impl Fn(&History) -> Option<&Path>,
    ) -> Option<&Path> {
        self.confirmed(good, |h| pick(h).into_iter().collect())
            .into_iter()
            .next()
    }

    /// The newest report of `key`'s State for an earlier year.
    pub fn earlier(&self, key: &ReportKey) -> Option<&Path> {
        self.entries
            .iter()
            .filter(|(k, _)| k.state == key.state && k.year < key.year)
            .max_by(|a, b| (a.0.year, &a.0.submitted_on).cmp(&(b.0.year, &b.0.submitted_on)))
            .map(|(_, p)| p.as_path())
    }
}

/// A report's predecessors, loaded, for the year-over-year rules.
#[derive(Debug, Default)]
pub struct Predecessors {
    /// The previous annual report of the same State.
    pub previous: Option<Value>,
    /// The newest report of the same State for an earlier year.
    pub earlier: Option<Value>,
    /// The State's earlier annual reports, newest first (a JSON array);
    /// `None` when no rule reads them.
    pub history: Option<Value>,
}

impl Predecessors {
    /// The reports lent to the rule engine.
    pub fn related(&self) -> crate::rules::engine::Related<'_> {
        crate::rules::engine::Related {
            previous: self.previous.as_ref(),
            earlier: self.earlier.as_ref(),
            history: self.history.as_ref(),
        }
    }
}

/// The key of a report file, read quickly: of a JSON file only the four
/// members that make the key are parsed, the others are skipped by their
/// brackets and quotes ([`crate::format::json::members`]), which is a third
/// of the cost of tokenising them; anything unusual goes to
/// [`careful_key`]. A workbook's key comes from its cover sheet, an XML
/// file's from its own fields without `forms` (see [`scan_key`]). The
/// quick key is the careful one for every file that reads in full; for one
/// that does not (JSON that is broken past its first members, a workbook
/// or XML file that fails in its forms) the careful reading has none, and
/// [`History::predecessors`] confirms an entry that way before it uses it.
pub fn key_of_source(source: &Source) -> Option<ReportKey> {
    scan_key(source).map(|(key, _)| key)
}

/// [`key_of_source`], and whether the key was read the careful way. A
/// workbook's key is read from its cover sheet alone
/// ([`format::xlsx::read_cover`]), an XML file's without its `forms`
/// ([`format::xml::read_cover`]): the careful reading maps everything.
fn scan_key(source: &Source) -> Option<(ReportKey, bool)> {
    match source.format {
        Some(Format::Json) => {
            if let Some(members) = crate::format::json::members(&source.bytes) {
                if let Some(key) = quick_key(&members) {
                    return key.map(|k| (k, false));
                }
            }
        }
        Some(kind @ (Format::Xlsx | Format::Xml)) => {
            let cover = match kind {
                Format::Xlsx => format::xlsx::read_cover(&source.bytes),
                _ => format::xml::read_cover(&source.bytes),
            };
            return cover.and_then(|v| key_of(&v)).map(|k| (k, false));
        }
        None => {}
    }
    careful_key(source).map(|k| (k, true))
}

/// The key from the top-level members, as [`careful_key`] reads them;
/// `None` when it cannot say (a repeated member, one of another type).
fn quick_key(members: &[(&str, &[u8])]) -> Option<Option<ReportKey>> {
    #[derive(Deserialize)]
    struct StateHead {
        code: Option<String>,
    }
    #[derive(Deserialize)]
    struct PeriodHead {
        to: Option<String>,
    }
    let mut found: [Option<&[u8]>; 4] = [None; 4];
    for (name, value) in members {
        let slot = match *name {
            "state" => 0,
            "period" => 1,
            "report_kind" => 2,
            "submitted_on" => 3,
            _ => continue,
        };
        if found[slot].replace(value).is_some() {
            return None;
        }
    }
    fn parse<T: serde::de::DeserializeOwned>(v: Option<&[u8]>) -> Option<Option<T>> {
        match v {
            None => Some(None),
            Some(v) => serde_json::from_slice::<Option<T>>(v).ok(),
        }
    }
    let state = parse::<StateHead>(found[0])?;
    let period = parse::<PeriodHead>(found[1])?;
    let report_kind = parse::<String>(found[2])?;
    let submitted_on = parse::<String>(found[3])?;
    let key = (|| {
        let to = period?.to?;
        Some(ReportKey {
            state: state?.code?,
            year: to.get(..4)?.parse().ok()?,
            annual: report_kind.as_deref() == Some("annual"),
            submitted_on: submitted_on.unwrap_or_default(),
        })
    })();
    Some(key)
}

/// The key of a report file, read carefully: a JSON file is parsed for the
/// four members that make the key (every other value tokenised and
/// skipped); anything unusual about it (a BOM, a duplicate key, a member
/// of an unexpected type) sends it through the full reader, which decides.
pub fn careful_key(source: &Source) -> Option<ReportKey> {
    careful_read(source).0
}

/// [`careful_key`], with the document when it took reading all of it.
fn careful_read(source: &Source) -> (Option<ReportKey>, Option<Value>) {
    #[derive(Deserialize)]
    struct Head {
        state: Option<StateHead>,
        period: Option<PeriodHead>,
        report_kind: Option<String>,
        submitted_on: Option<String>,
    }
    #[derive(Deserialize)]
    struct StateHead {
        code: Option<String>,
    }
    #[derive(Deserialize)]
    struct PeriodHead {
        to: Option<String>,
    }
    if source.format == Some(Format::Json) {
        if let Ok(head) = serde_json::from_slice::<Head>(&source.bytes) {
            let key = (|| {
                let to = head.period?.to?;
                Some(ReportKey {
                    state: head.state?.code?,
                    year: to.get(..4)?.parse().ok()?,
                    annual: head.report_kind.as_deref() == Some("annual"),
                    submitted_on: head.submitted_on.unwrap_or_default(),
                })
            })();
            return (key, None);
        }
    }
    match format::load(source).document {
        Some(d) => (key_of(&d.value), Some(d.value)),
        None => (None, None),
    }
}

/// The document of `path`: the one confirming it read, else read now.
fn take_or_load(good: &mut Confirmed, path: &Path) -> Option<Value> {
    good.get_mut(path)
        .and_then(Option::take)
        .or_else(|| load_value(path))
}

/// Files confirmed for one report's predecessors, each with its document
/// when confirming it read the whole file.
type Confirmed = std::collections::HashMap<PathBuf, Option<Value>>;

/// Reads a report in any format into its canonical value (no validation).
pub fn load_value(path: &Path) -> Option<Value> {
    let source = Source::read(path).ok()?;
    format::load(&source).document.map(|d| d.value)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn key(state: &str, year: i64, annual: bool, submitted: &str) -> ReportKey {
        ReportKey {
            state: state.into(),
            year,
            annual,
            submitted_on: submitted.into(),
        }
    }

    #[test]
    fn the_quick_key_of_a_json_file_is_the_full_readers_key() {
        let texts = [
            r#"{"state": {"code": "KHM", "name": "x"}, "period": {"from": "2019-01-01", "to": "2019-12-31"}, "report_kind": "annual", "submitted_on": "2020-04-30", "forms": {"A": {"cover": "provided"}}}"#,
            r#"{"state": {"code": "KHM"}, "period": {"to": "2019-12-31"}, "report_kind": "initial"}"#,
            r#"{"state": {"code": "KHM"}, "period": {"to": "2019-12-31"}}"#,
            r#"{"state": {"code": "KHM"}, "period": {"to": 2019}}"#,
            r#"{"state": {"code": "KHM", "code": "LKA"}, "period": {"to": "2019-12-31"}}"#,
            "\u{feff}{\"state\": {\"code\": \"KHM\"}, \"period\": {\"to\": \"2019-12-31\"}}",
            r#"{"state": "KHM", "period": {"to": "2019-12-31"}}"#,
            r#"{"period": {"to": "19"}, "state": {"code": "KHM"}}"#,
            "not json",
        ];
        for text in texts {
            let source = Source::from_bytes("r.json", text.as_bytes().to_vec());
            let full = format::load(&source)
                .document
                .and_then(|d| key_of(&d.value));
            assert_eq!(key_of_source(&source), full, "{text}");
        }
    }

    #[test]
    fn the_quick_key_is_the_careful_key_of_every_json_file() {
        let texts = [
            r#"{"forms": {"C": {"areas": [{"id": "a}\"{", "n": [1, {"x": "]"}]}]}}, "state": {"code": "KHM"}, "period": {"to": "2019-12-31"}, "report_kind": "annual", "submitted_on": "2020-04-30"}"#,
            r#"  {"state": null, "period": {"to": "2019-12-31"}}  "#,
            r#"{"state": {"code": "KHM"}, "period": {"to": "2019-12-31"}, "state": {"code": "LKA"}}"#,
            r#"{"st\u0061te": {"code": "KHM"}, "period": {"to": "2019-12-31"}}"#,
            r#"{"state": {"code": "KHM"}, "period": {"to": "2019-12-31"}, "report_kind": 3}"#,
            r#"{}"#,
            r#"{"state": {"code": "KHM"}, "period": {"to": "2019-12-31"}} {}"#,
        ];
        for text in texts {
            let source = Source::from_bytes("r.json", text.as_bytes().to_vec());
            assert_eq!(key_of_source(&source), careful_key(&source), "{text}");
        }
    }

    #[test]
    fn an_entry_the_careful_reading_refuses_is_passed_over() {
        let dir = tempfile::tempdir().unwrap();
        let write = |name: &str, text: &str| {
            let p = dir.path().join(name);
            std::fs::write(&p, text).unwrap();
            p
        };
        let head = |submitted: &str| {
            format!(
                r#"{{"state": {{"code": "KHM"}}, "period": {{"to": "2018-12-31"}}, "report_kind": "annual", "submitted_on": "{submitted}""#
            )
        };
        let good = write("good.json", &format!("{}}}", head("2019-04-01")));
        // Newer, but not JSON after its first members: the careful reading
        // gives it no key, so it is no predecessor.
        let broken = write(
            "broken.json",
            &format!(r#"{}, "forms": {{"A": [1,, 2]}}}}"#, head("2019-06-01")),
        );
        let source = Source::read(&broken).unwrap();
        assert!(key_of_source(&source).is_some());
        assert_eq!(careful_key(&source), None);
        let history = History::scan(&[good.clone(), broken]);
        assert_eq!(history.len(), 2);
        let now = key("KHM", 2019, true, "2020-04-01");
        let found = history.predecessors(&now, None, 2);
        let good_value: Value =
            serde_json::from_str(&std::fs::read_to_string(&good).unwrap()).unwrap();
        assert_eq!(found.previous, Some(good_value.clone()));
        assert_eq!(found.earlier, Some(good_value.clone()));
        assert_eq!(found.history, Some(Value::Array(vec![good_value])));
    }

    #[test]
    fn keys_come_from_state_period_and_kind() {
        let v = json!({"state": {"code": "KHM"}, "period": {"to": "2019-12-31"}, "report_kind": "annual", "submitted_on": "2020-04-30"});
        assert_eq!(key_of(&v), Some(key("KHM", 2019, true, "2020-04-30")));
        assert_eq!(key_of(&json!({"state": {"code": "KHM"}})), None);
    }

    #[test]
    fn previous_is_the_latest_annual_report_of_the_year_before() {
        let h = History {
            entries: vec![
                (key("KHM", 2018, true, "2019-04-01"), "a".into()),
                (key("KHM", 2018, true, "2019-06-01"), "b".into()),
                (key("KHM", 2018, false, "2019-09-01"), "initial".into()),
                (key("AGO", 2018, true, "2019-04-01"), "other-state".into()),
                (key("KHM", 2016, true, "2017-04-01"), "old".into()),
            ],
            careful: HashSet::new(),
        };
        let now = key("KHM", 2019, true, "2020-04-01");
        assert_eq!(h.previous(&now), Some(Path::new("b")));
        assert_eq!(h.earlier(&now), Some(Path::new("initial")));
        let later = key("KHM", 2021, true, "2022-04-01");
        assert_eq!(h.previous(&later), None);
        assert_eq!(h.earlier(&later), Some(Path::new("initial")));
    }

    #[test]
    fn annual_history_is_one_report_a_year_newest_first() {
        let h = History {
            entries: vec![
                (key("KHM", 2015, true, "2016-04-01"), "2015".into()),
                (key("KHM", 2018, true, "2019-04-01"), "2018-first".into()),
                (key("KHM", 2018, true, "2019-06-01"), "2018-amended".into()),
                (key("KHM", 2018, false, "2019-09-01"), "initial".into()),
                (key("KHM", 2016, true, "2017-04-01"), "2016".into()),
                (key("AGO", 2017, true, "2018-04-01"), "other-state".into()),
                (key("KHM", 2019, true, "2020-04-01"), "same-year".into()),
            ],
            careful: HashSet::new(),
        };
        let now = key("KHM", 2019, true, "2020-04-01");
        let names =
            |v: Vec<&Path>| -> Vec<String> { v.iter().map(|p| p.display().to_string()).collect() };
        assert_eq!(
            names(h.annual_before(&now, 5)),
            ["2018-amended", "2016", "2015"]
        );
        assert_eq!(names(h.annual_before(&now, 2)), ["2018-amended", "2016"]);
        assert!(h.annual_before(&now, 0).is_empty());
    }

    #[test]
    fn a_key_read_the_careful_way_is_not_read_again() {
        // Neither file exists: confirming a quick key reads the file, finds
        // nothing and refuses the entry; a key the scan read the careful way
        // is used as it is, without reading the file a second time.
        let entries = vec![
            (key("KHM", 2018, true, "2019-04-01"), "quick.json".into()),
            (key("AGO", 2018, true, "2019-04-01"), "careful.json".into()),
        ];
        let h = History {
            entries,
            careful: HashSet::from([PathBuf::from("careful.json")]),
        };
        let mut good = Confirmed::new();
        let khm = key("KHM", 2019, true, "2020-04-01");
        assert_eq!(h.confirmed_one(&mut good, |h| h.previous(&khm)), None);
        let ago = key("AGO", 2019, true, "2020-04-01");
        assert_eq!(
            h.confirmed_one(&mut good, |h| h.previous(&ago)),
            Some(Path::new("careful.json"))
        );
    }

    #[test]
    fn a_cover_gives_the_key_of_the_whole_file() {
        // Every workbook and XML file among the fixtures, and every valid
        // fixture written as XML and as a workbook in each language: the
        // cover alone gives the key the whole reading gives (or neither
        // gives one).
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
        let mut sources = Vec::new();
        let mut stack = vec![root.clone()];
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(&dir).unwrap().flatten() {
                let p = entry.path();
                if p.is_dir() {
                    stack.push(p);
                } else if p.extension().is_some_and(|e| e == "xlsx" || e == "xml") {
                    sources.push(Source::read(&p).unwrap());
                } else if [root.join("valid"), root.join("rules/bases")]
                    .iter()
                    .any(|d| p.parent() == Some(d))
                    && p.extension().is_some_and(|e| e == "json")
                {
                    let v: Value = serde_json::from_slice(&std::fs::read(&p).unwrap()).unwrap();
                    for lang in ["en", "fr", "es"] {
                        let bytes = format::xlsx::write(&v, lang).unwrap();
                        let path = p.with_extension(format!("{lang}.xlsx"));
                        sources.push(Source::from_bytes(path.display().to_string(), bytes));
                    }
                    let path = p.with_extension("written.xml");
                    let bytes = format::xml::write(&v).into_bytes();
                    sources.push(Source::from_bytes(path.display().to_string(), bytes));
                }
            }
        }
        assert!(sources.len() > 40, "{} files", sources.len());
        let mut keyed = 0;
        for source in &sources {
            let cover = scan_key(source).map(|(k, _)| k);
            assert_eq!(cover, careful_key(source), "{}", source.name);
            keyed += usize::from(cover.is_some());
        }
        assert!(keyed > 25, "only {keyed} files have a key");
    }
}
