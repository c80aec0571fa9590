//! Deterministic corpus of realistic reports for benchmarks: every report
//! is the Cambodia 2019 fixture (every form filled) with its 8 mined areas
//! split into 50–400 smaller areas whose figures still add up (files of
//! about 40–230 KB). About one report in four carries one injected error:
//! a schema error or a rule finding. The same seed always gives the same
//! bytes.

#![allow(dead_code)]

use rand::rngs::Xoshiro256PlusPlus;
use rand::{RngExt, SeedableRng};
use serde_json::{json, Value};
use std::path::Path;

const BASE: &str = include_str!("../../fixtures/valid/cambodia-2019.json");

const STATES: &[&str] = &[
    "KHM", "AFG", "AGO", "BIH", "COL", "LKA", "ZWE", "TJK", "SEN", "PER", "ECU", "MOZ", "THA",
    "TCD", "COD", "ERI", "ETH", "IRQ", "NER", "PSE", "SDN", "SSD", "TUR", "UKR", "YEM", "CYP",
];

/// One generated report: a file name and its bytes.
pub struct Generated {
    /// `KHM-2019-00042.json`.
    pub name: String,
    /// Pretty-printed JSON.
    pub bytes: Vec<u8>,
    /// Whether an error was injected.
    pub broken: bool,
}

/// Generates `n` reports from `seed`.
pub fn generate(seed: u64, n: usize) -> impl Iterator<Item = Generated> {
    let base: Value = serde_json::from_str(BASE).expect("the base fixture is JSON");
    let mut rng = Xoshiro256PlusPlus::seed_from_u64(seed);
    (0..n).map(move |i| one(&base, &mut rng, i))
}

/// Writes `n` reports from `seed` into `dir`, one at a time (10,000 of
/// them would take 767 MB in memory); returns the total bytes.
pub fn write(dir: &Path, seed: u64, n: usize) -> std::io::Result<u64> {
    std::fs::create_dir_all(dir)?;
    let mut total = 0;
    for g in generate(seed, n) {
        total += g.bytes.len() as u64;
        std::fs::write(dir.join(&g.name), &g.bytes)?;
    }
    Ok(total)
}

fn one(base: &Value, rng: &mut Xoshiro256PlusPlus, i: usize) -> Generated {
    let mut doc = base.clone();
    let code = STATES[rng.random_range(0..STATES.len())];
    doc["state"]["code"] = json!(code);
    let areas = doc["forms"]["C"]["areas"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    let mut split = Vec::new();
    // 50–400 areas in all, shared out over the fixture's areas.
    let wanted = rng.random_range(50..=400usize);
    let base_areas = areas.len().max(1);
    for (k, area) in areas.iter().enumerate() {
        let parts = wanted / base_areas + usize::from(k < wanted % base_areas);
        let total = area["area_m2"].as_u64().unwrap_or(0);
        let mut left = total;
        for p in 0..parts {
            let size = if p + 1 == parts {
                left
            } else {
                let share = left / (parts - p) as u64;
                rng.random_range(share / 2..=share.max(1))
            };
            left -= size;
            let mut a = area.clone();
            a["id"] = json!(format!(
                "{}-{:03}",
                area["id"].as_str().unwrap_or("A"),
                p + 1
            ));
            a["name"] = json!(format!(
                "{} — sector {}",
                area["name"].as_str().unwrap_or(""),
                p + 1
            ));
            a["area_m2"] = json!(size);
            if let Some(lat) = a["location"]["lat"].as_f64() {
                a["location"]["lat"] =
                    json!(((lat + rng.random_range(-0.2..0.2)) * 1e4).round() / 1e4);
            }
            split.push(a);
        }
    }
    doc["forms"]["C"]["totals"]["areas"] = json!(split.len());
    // Form I names areas by id: point its references at the first sector.
    if let Some(measures) = doc["forms"]["I"]["measures"].as_array_mut() {
        for m in measures {
            if let Some(refs) = m["areas"].as_array_mut() {
                for r in refs.iter_mut() {
                    if let Some(id) = r.as_str().filter(|id| *id != "all") {
                        *r = json!(format!("{id}-001"));
                    }
                }
            }
        }
    }
    doc["forms"]["C"]["areas"] = Value::Array(split);

    let broken = rng.random_range(0..4) == 0;
    if broken {
        match rng.random_range(0..8) {
            0 => doc["forms"]["C"]["totals"]["areas"] = json!(1),
            1 => doc["forms"]["C"]["areas"][3]["classification"] = json!("XHA"),
            2 => {
                let area = doc["forms"]["C"]["areas"][5].as_object_mut();
                if let Some(a) = area {
                    if let Some(v) = a.remove("admin_unit") {
                        a.insert("admin_unti".into(), v);
                    }
                }
            }
            3 => doc["submitted_on"] = json!("2020-02-30"),
            4 => doc["forms"]["C"]["areas"][7]["area_m2"] = json!(-5),
            // Rule findings: a repeated id (C05), a point at (0, 0) (C07),
            // a total that does not add up (C02).
            5 => {
                let id = doc["forms"]["C"]["areas"][2]["id"].clone();
                doc["forms"]["C"]["areas"][9]["id"] = id;
            }
            6 => doc["forms"]["C"]["areas"][11]["location"] = json!({"lat": 0, "lon": 0}),
            _ => doc["forms"]["C"]["totals"]["area_m2"] = json!(1),
        }
    }
    Generated {
        name: format!("{code}-2019-{:05}.json", i + 1),
        bytes: serde_json::to_vec_pretty(&doc).expect("a Value serialises"),
        broken,
    }
}
