//! A multi-year corpus with a known truth: several States Parties, four
//! years each (2018–2021), derived from the Cambodia 2019 fixture with
//! figures drawn from a seeded generator, plus the cases a summary must
//! handle: a resubmitted report, a late one, missing years, a form marked
//! unchanged, an initial report, a report from a State that is not a
//! Party, three reports with an error on one field (schema and rules), and
//! reports in XML and Excel. [`Truth`] keeps, per generated file, the
//! figures it was given, so a test can compute the expected tables without
//! the code under test.

#![allow(dead_code)]

use serde_json::{json, Value};
use std::path::Path;

const BASE: &str = include_str!("../../fixtures/valid/cambodia-2019.json");

/// The years generated.
pub const YEARS: [i64; 4] = [2018, 2019, 2020, 2021];

/// How a report is broken, when it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Broken {
    /// `D.total_retained` 7 above its rows (rule D01).
    RetainedTotal,
    /// `killed` 3 above what adds up to the casualty total (rule J01).
    Casualties,
    /// `B.total` is a text (schema).
    StockpileTotal,
}

/// One assistance line of Form J.
#[derive(Debug, Clone, PartialEq)]
pub struct Money {
    /// The partner as the report names it.
    pub partner: String,
    /// Its code when it is a State Party (for the cross-check).
    pub partner_code: Option<String>,
    /// Amount.
    pub amount: u64,
    /// Currency.
    pub currency: String,
}

/// What one generated file says.
#[derive(Debug, Clone)]
pub struct TruthReport {
    pub file: String,
    pub state: String,
    pub year: i64,
    pub annual: bool,
    pub submitted_on: String,
    /// False for the first of two submissions of one State and year.
    pub counted: bool,
    pub broken: Option<Broken>,
    pub measures_status: &'static str,
    pub stockpile: u64,
    pub stockpile_destroyed: u64,
    /// Form D marked unchanged (its figures are the previous year's).
    pub retained_unchanged: bool,
    pub retained: u64,
    pub used: u64,
    pub cha: u64,
    pub sha: u64,
    pub cancelled: u64,
    pub reduced: u64,
    pub cleared: u64,
    pub deadline: String,
    pub extensions: usize,
    /// total, killed, injured, unknown outcome, women, girls, boys, men,
    /// sex/age unknown, civilian, military, deminer, status unknown.
    pub casualties: [u64; 13],
    pub provided: Vec<Money>,
    pub received: Vec<Money>,
    pub national: u64,
}

impl TruthReport {
    pub fn area(&self) -> u64 {
        self.cha + self.sha
    }
}

/// The generated corpus.
pub struct Truth {
    pub reports: Vec<TruthReport>,
}

impl Truth {
    /// The report that counts for `state` and `year` (annual).
    pub fn counted(&self, state: &str, year: i64) -> Option<&TruthReport> {
        self.reports
            .iter()
            .find(|r| r.annual && r.counted && r.state == state && r.year == year)
    }
}

/// The States generated, with their Article 9 status and English name.
pub const STATES: &[(&str, &str, &str)] = &[
    ("AFG", "Afghanistan", "none"),
    ("AGO", "Angola", "legislation_adopted"),
    ("BIH", "Bosnia and Herzegovina", "legislation_adopted"),
    ("COL", "Colombia", "in_preparation"),
    ("KHM", "Cambodia", "legislation_adopted"),
    ("LKA", "Sri Lanka", "existing_law_sufficient"),
    ("TJK", "Tajikistan", "existing_law_sufficient"),
    ("ZWE", "Zimbabwe", "legislation_adopted"),
];

/// A small deterministic generator (SplitMix64): the corpus must not
/// change when a dependency does.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.next() % (hi - lo + 1)
    }
}

fn money(partner: &str, code: Option<&str>, amount: u64, currency: &str) -> Money {
    Money {
        partner: partner.into(),
        partner_code: code.map(str::to_owned),
        amount,
        currency: currency.into(),
    }
}

/// Generates the corpus into `dir`; returns the truth.
pub fn write(dir: &Path, seed: u64) -> Truth {
    std::fs::create_dir_all(dir).unwrap();
    let base: Value = serde_json::from_str(BASE).unwrap();
    let mut rng = Rng(seed);
    let mut reports = Vec::new();
    for (si, (code, name, status)) in STATES.iter().enumerate() {
        // A State's scale: how contaminated it is, how many mines it keeps.
        let scale = 0.2 + (si as f64) * 0.15;
        let mut retained = rng.range(200, 15000);
        let mut stock = if *code == "COL" || *code == "AGO" {
            rng.range(1000, 9000)
        } else {
            0
        };
        for year in YEARS {
            if (*code == "ZWE" && year >= 2020)
                || (*code == "AFG" && year == 2020)
                || (*code == "LKA" && year == 2018)
            {
                continue; // missing years
            }
            let used = rng.range(0, retained.min(300));
            retained -= used;
            let destroyed = if stock > 0 { rng.range(0, stock) } else { 0 };
            stock -= destroyed;
            let factor = scale * (1.0 - 0.1 * (year - 2018) as f64);
            let killed = rng.range(0, 20);
            let injured = rng.range(0, 60);
            let total = killed + injured;
            let women = rng.range(0, total / 4);
            let girls = rng.range(0, total / 4);
            let boys = rng.range(0, total / 4);
            let men = total - women - girls - boys;
            let deminer = rng.range(0, total / 5);
            let civilian = total - deminer;
            let mut t = TruthReport {
                file: format!("{code}-{year}.json"),
                state: (*code).into(),
                year,
                annual: true,
                submitted_on: format!("{}-04-{:02}", year + 1, rng.range(1, 28)),
                counted: true,
                broken: None,
                measures_status: status,
                stockpile: stock,
                stockpile_destroyed: destroyed,
                retained_unchanged: false,
                retained,
                used,
                cha: 0,
                sha: 0,
                cancelled: rng.range(100_000, 20_000_000),
                reduced: rng.range(100_000, 9_000_000),
                cleared: rng.range(100_000, 21_000_000),
                deadline: if *code == "BIH" {
                    "2027-03-01".into()
                } else {
                    "2025-12-31".into()
                },
                extensions: 2,
                casualties: [
                    total, killed, injured, 0, women, girls, boys, men, 0, civilian, 0, deminer, 0,
                ],
                provided: Vec::new(),
                received: vec![money("UNDP", None, rng.range(10, 90) * 10_000, "USD")],
                national: rng.range(1, 9) * 100_000,
            };
            if year == 2021 {
                match *code {
                    "BIH" => t.provided.push(money("AFG", Some("AFG"), 500_000, "USD")),
                    "AFG" => t.received.push(money(
                        "Bosnia and Herzegovina",
                        Some("BIH"),
                        500_000,
                        "USD",
                    )),
                    "COL" => t
                        .provided
                        .push(money("Cambodia", Some("KHM"), 100_000, "USD")),
                    "KHM" => {
                        t.received
                            .push(money("Colombia", Some("COL"), 90_000, "USD"));
                        t.received
                            .push(money("Japan", Some("JPN"), 9_800_000, "USD"));
                    }
                    "TJK" => t
                        .provided
                        .push(money("Zimbabwe", Some("ZWE"), 20_000, "EUR")),
                    "LKA" => t
                        .received
                        .push(money("Norway", Some("NOR"), 1_900_000, "GBP")),
                    _ => {}
                }
            }
            // Special cases.
            match (*code, year) {
                ("COL", 2021) => {
                    t.submitted_on = "2022-08-15".into();
                    t.broken = Some(Broken::StockpileTotal);
                }
                ("AGO", 2021) => t.broken = Some(Broken::RetainedTotal),
                ("BIH", 2021) => t.broken = Some(Broken::Casualties),
                ("TJK", 2021) => {
                    // Form D unchanged: no use, the total stays.
                    retained += used;
                    t.retained = retained;
                    t.used = 0;
                    t.retained_unchanged = true;
                }
                _ => {}
            }
            match (*code, year) {
                ("AGO", _) => t.file = format!("{code}-{year}.xml"),
                ("BIH", 2019) | ("TJK", 2020) => t.file = format!("{code}-{year}.xlsx"),
                _ => {}
            }
            let doc = report(&base, &mut t, name, factor, &mut rng);
            if (*code, year) == ("KHM", 2021) {
                // A first submission, replaced by the one below.
                let mut first = t.clone();
                first.file = "KHM-2021-first.json".into();
                first.submitted_on = "2022-03-01".into();
                first.counted = false;
                first.retained += 50;
                let doc_first = report(&base, &mut first, name, factor * 1.1, &mut rng);
                save(dir, &first.file, &doc_first);
                reports.push(first);
            }
            save(dir, &t.file, &doc);
            reports.push(t);
        }
    }
    // Sri Lanka's initial report.
    let mut initial = Vec::new();
    {
        let mut t = reports.iter().find(|r| r.state == "LKA").unwrap().clone();
        t.file = "LKA-initial.json".into();
        t.year = 2018;
        t.annual = false;
        t.submitted_on = "2018-11-20".into();
        t.retained = 25_000;
        t.extensions = 0;
        t.deadline = "2028-06-01".into();
        t.provided.clear();
        t.received.clear();
        let mut doc = report(&base, &mut t, "Sri Lanka", 0.5, &mut rng);
        doc["report_kind"] = json!("initial");
        doc["period"] = json!({"from": "2018-06-01", "to": "2018-10-31"});
        doc["entry_into_force"] = json!("2018-06-01");
        doc["forms"]["F"]["stockpile_destruction"]["deadline"] = json!("2022-06-01");
        save(dir, &t.file, &doc);
        initial.push(t);
    }
    reports.extend(initial);
    // A report from a State that is not a Party.
    let mut t = reports[0].clone();
    t.file = "RUS-2021.json".into();
    t.state = "RUS".into();
    t.year = 2021;
    t.submitted_on = "2022-04-10".into();
    t.provided.clear();
    t.received.clear();
    let doc = report(&base, &mut t, "Russian Federation", 0.5, &mut rng);
    save(dir, &t.file, &doc);
    reports.push(t);
    Truth { reports }
}

fn save(dir: &Path, name: &str, doc: &Value) {
    let bytes = if name.ends_with(".xml") {
        article7::format::xml::write(doc).into_bytes()
    } else if name.ends_with(".xlsx") {
        article7::format::xlsx::write(doc, "en").unwrap()
    } else {
        serde_json::to_vec_pretty(doc).unwrap()
    };
    std::fs::write(dir.join(name), bytes).unwrap();
}

/// The report for `t` (its areas scaled by `factor`; `t.cha` and `t.sha`
/// are set from them).
fn report(base: &Value, t: &mut TruthReport, name: &str, factor: f64, rng: &mut Rng) -> Value {
    let mut doc = base.clone();
    let y = t.year;
    doc["state"] = json!({"code": t.state, "name": name});
    doc["period"] = json!({"from": format!("{y}-01-01"), "to": format!("{y}-12-31")});
    doc["submitted_on"] = json!(t.submitted_on);
    if t.stockpile > 0 || t.stockpile_destroyed > 0 {
        // Article 4 deadline not known: the stockpile rule B03 does not apply.
        doc.as_object_mut().unwrap().remove("entry_into_force");
    }
    // Form A.
    let a = &mut doc["forms"]["A"];
    a["measures_status"] = json!(t.measures_status);
    if t.measures_status != "legislation_adopted" {
        a.as_object_mut().unwrap().remove("measures");
        a["explanation"] =
            json!("The penal code and the law on weapons cover the prohibited activities.");
    }
    // Form B and G.
    doc["forms"]["B"]["stockpile"] = if t.stockpile > 0 {
        json!([{"mine_type": "PMN-2", "quantity": t.stockpile, "lot_numbers": ["PMN2-L1"]}])
    } else {
        json!([])
    };
    doc["forms"]["B"]["total"] = json!(t.stockpile);
    if t.broken == Some(Broken::StockpileTotal) {
        doc["forms"]["B"]["total"] = json!("many");
    }
    if t.stockpile_destroyed > 0 {
        doc["forms"]["G"]["stockpile_destroyed"] = json!([{"mine_type": "PMN-2", "quantity": t.stockpile_destroyed, "lot_numbers": ["PMN2-L1"]}]);
    }
    // Form D.
    if t.retained_unchanged {
        doc["forms"]["D"] = json!({"cover": "unchanged", "last_reported_year": y - 1});
    } else {
        let d = &mut doc["forms"]["D"];
        let rows = d["retained"].as_array_mut().unwrap();
        let n = rows.len() as u64;
        let mut left = t.retained;
        for (i, row) in rows.iter_mut().enumerate() {
            let q = if i as u64 + 1 == n {
                left
            } else {
                t.retained / n
            };
            left -= q;
            row["quantity"] = json!(q);
        }
        d["total_retained"] = json!(
            t.retained
                + if t.broken == Some(Broken::RetainedTotal) {
                    7
                } else {
                    0
                }
        );
        d["used"] = if t.used > 0 {
            json!([{"institution": "National training centre", "mine_type": "PMN-2", "quantity": t.used, "activity": "Training of deminers"}])
        } else {
            json!([])
        };
    }
    // Form C and F.
    let mut cha = 0;
    let mut sha = 0;
    let mut newly = 0;
    for area in doc["forms"]["C"]["areas"].as_array_mut().unwrap() {
        let m2 = ((area["area_m2"].as_f64().unwrap() * factor) as u64).max(1) + rng.range(0, 999);
        area["area_m2"] = json!(m2);
        if area["classification"] == "CHA" {
            cha += m2;
        } else {
            sha += m2;
        }
        if area["newly_identified"] == true {
            newly += m2;
        }
    }
    t.cha = cha;
    t.sha = sha;
    doc["forms"]["C"]["totals"] =
        json!({"areas": 8, "area_m2": cha + sha, "cha_m2": cha, "sha_m2": sha});
    let mc = &mut doc["forms"]["F"]["mine_clearance"];
    let released = t.cancelled + t.reduced + t.cleared;
    mc["remaining_end_m2"] = json!(cha + sha);
    mc["newly_identified_m2"] = json!(newly);
    mc["remaining_start_m2"] = json!(cha + sha + released - newly);
    mc["land_release"] =
        json!({"cancelled_m2": t.cancelled, "reduced_m2": t.reduced, "cleared_m2": t.cleared});
    mc["deadline"] = json!(t.deadline);
    if t.state == "BIH" {
        // Bosnia and Herzegovina's own dates, so that the deadline follows
        // from entry into force and the extensions (F13).
        if doc.get("entry_into_force").is_some() {
            doc["entry_into_force"] = json!("1999-03-01");
            doc["forms"]["F"]["stockpile_destruction"]["deadline"] = json!("2003-03-01");
        }
        let mc = &mut doc["forms"]["F"]["mine_clearance"];
        mc["deadline_extensions"] = json!([
            {"decided_on": "2008-11-28", "decided_at": "Ninth Meeting of the States Parties (Geneva)", "new_deadline": "2019-03-01"},
            {"decided_on": "2018-11-30", "decided_at": "Seventeenth Meeting of the States Parties (Geneva)", "new_deadline": "2027-03-01"}
        ]);
    }
    let mc = &mut doc["forms"]["F"]["mine_clearance"];
    if t.extensions == 0 {
        mc.as_object_mut().unwrap().remove("deadline_extensions");
    }
    // Form J.
    let c = t.casualties;
    let va = &mut doc["forms"]["J"]["victim_assistance"];
    va["casualties"] = json!({
        "total": c[0],
        "killed": c[1] + if t.broken == Some(Broken::Casualties) { 3 } else { 0 },
        "injured": c[2],
        "unknown_outcome": c[3],
        "by_group": {"women": c[4], "girls": c[5], "boys": c[6], "men": c[7], "unknown": c[8], "total": c[0]},
        "by_status": {"civilian": c[9], "military": c[10], "deminer": c[11], "unknown": c[12]},
    });
    let coop = &mut doc["forms"]["J"]["cooperation"];
    coop["national_contribution"] = json!({"amount": t.national, "currency": "USD"});
    coop["received"] = Value::Array(
        t.received
            .iter()
            .map(|m| json!({"from": m.partner, "amount": m.amount, "currency": m.currency, "purpose": "Mine action"}))
            .collect(),
    );
    if t.provided.is_empty() {
        coop.as_object_mut().unwrap().remove("provided");
    } else {
        coop["provided"] = Value::Array(
            t.provided
                .iter()
                .map(|m| json!({"to": m.partner, "amount": m.amount, "currency": m.currency, "purpose": "Clearance"}))
                .collect(),
        );
    }
    doc
}
