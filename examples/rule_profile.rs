//! Time spent in each rule over a folder of JSON reports (a tool for rule
//! authors and for performance work): `cargo run --release --example
//! rule_profile -- DIR`. Prints the rules by total time, with the time of
//! their selector and the number of nodes it selected. Each rule runs on its
//! own, as validation runs it: with the native evaluator, and in `cel` when
//! it is outside the native subset or fails on a report (its time then
//! includes lending the report to CEL).

// The allocator the `article7` binary uses, so the figures are its figures.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use article7::rules::engine::Related;
use article7::rules::select::Selector;
use article7::validator::Validator;
use std::time::{Duration, Instant};

fn main() {
    let dir = std::env::args().nth(1).expect("usage: rule_profile DIR");
    let validator = Validator::new();
    let engine = validator.engine();
    let docs: Vec<serde_json::Value> = std::fs::read_dir(&dir)
        .expect("a folder")
        .filter_map(|e| e.ok())
        .filter(|e| e.path().extension().is_some_and(|x| x == "json"))
        .filter_map(|e| serde_json::from_slice(&std::fs::read(e.path()).ok()?).ok())
        .collect();
    let mut rows: Vec<(Duration, usize, String)> = Vec::new();
    for rule in &engine.catalogue.rules {
        let mut nodes = 0;
        let path = Selector::parse(&rule.program.select_source).expect("compiled before");
        let t = Instant::now();
        for d in &docs {
            nodes += path.select_located(d).len();
            let _ = engine.run_one(rule, d, Related::default());
        }
        let elapsed = t.elapsed();
        let t = Instant::now();
        for d in &docs {
            std::hint::black_box(path.select_located(d).len());
        }
        rows.push((
            elapsed,
            nodes,
            format!(
                "{} (select {:.3} ms)",
                rule.id,
                t.elapsed().as_secs_f64() * 1e3 / docs.len() as f64
            ),
        ));
    }
    rows.sort_by_key(|r| std::cmp::Reverse(r.0));
    let total: Duration = rows.iter().map(|r| r.0).sum();
    println!(
        "{} documents, {:?} in all ({:.2} ms/doc)",
        docs.len(),
        total,
        total.as_secs_f64() * 1e3 / docs.len() as f64
    );
    for (t, n, id) in rows {
        println!(
            "{id:>22} {:>8.3} ms/doc {:>6} nodes/doc",
            t.as_secs_f64() * 1e3 / docs.len() as f64,
            n / docs.len().max(1)
        );
    }
}
