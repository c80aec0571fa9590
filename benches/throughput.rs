//! Throughput of `validate` (schema + whole catalogue) against merely
//! reading and parsing the same files with serde_json, on the same corpus
//! and thread pool, plus 1- vs 2-thread scaling. Prints figures; asserts
//! nothing (machines here are shared and noisy: compare the ratios).
//!
//! `cargo bench --bench throughput [-- N]`

mod corpus;

// The allocator the `article7` binary uses, so the figures are its figures.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use article7::batch;
use article7::validator::Validator;
use rayon::prelude::*;
use std::time::{Duration, Instant};

fn best_of<F: FnMut()>(runs: usize, mut f: F) -> Duration {
    (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .min()
        .unwrap_or_default()
}

fn main() {
    let n: usize = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(400);
    let dir = tempfile::tempdir().expect("a temporary folder");
    let bytes = corpus::write(dir.path(), 42, n).expect("corpus written");
    let inputs = batch::expand(&[dir.path().to_path_buf()]);
    let paths = batch::files(&inputs);
    let validator = Validator::new();
    let mb = bytes as f64 / 1e6;
    println!(
        "corpus: {n} reports, {mb:.1} MB ({:.0} KB each), {} rules",
        bytes as f64 / n as f64 / 1e3,
        validator.engine().catalogue.rules.len()
    );

    let parse = || {
        paths.par_iter().for_each(|p| {
            let b = std::fs::read(p).expect("readable");
            let v: serde_json::Value = serde_json::from_slice(&b).expect("JSON");
            std::hint::black_box(v);
        })
    };
    let validate = || {
        let r = batch::validate_all(&validator, &inputs, &Default::default());
        std::hint::black_box(r);
    };
    // Warm the page cache and the lazily compiled schema.
    parse();
    validate();

    // Schema only (an empty catalogue): how the time splits.
    let bare = Validator::with_engine(
        article7::rules::Engine::new(
            article7::rules::Catalogue::from_files(Vec::new()).expect("empty catalogue"),
            Default::default(),
        )
        .expect("no overrides"),
    );
    let schema_only = || {
        let r = batch::validate_all(&bare, &inputs, &Default::default());
        std::hint::black_box(r);
    };

    let threads = rayon::current_num_threads();
    // Parsing and validating take turns, five rounds each, and the best
    // round of each counts: a slow spell of the machine then hits both
    // sides of the ratio instead of one.
    let (mut t_parse, mut t_validate) = (Duration::MAX, Duration::MAX);
    for _ in 0..5 {
        t_parse = t_parse.min(best_of(1, parse));
        t_validate = t_validate.min(best_of(1, validate));
    }
    let rate = |d: Duration| n as f64 / d.as_secs_f64();
    println!(
        "parse only  ({threads} threads): {:>8.1} files/s  {:>7.1} MB/s",
        rate(t_parse),
        mb / t_parse.as_secs_f64()
    );
    println!(
        "validate    ({threads} threads): {:>8.1} files/s  {:>7.1} MB/s",
        rate(t_validate),
        mb / t_validate.as_secs_f64()
    );
    let t_schema = best_of(3, schema_only);
    println!(
        "schema only ({threads} threads): {:>8.1} files/s  {:>7.1} MB/s  (reading, parsing, schema; no rules)",
        rate(t_schema),
        mb / t_schema.as_secs_f64()
    );
    println!(
        "ratio validate/parse: {:.3} (quality bar >= 0.25, aim 0.5)",
        t_parse.as_secs_f64() / t_validate.as_secs_f64()
    );

    let on = |k: usize| {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(k)
            .build()
            .expect("pool");
        pool.install(|| best_of(3, validate))
    };
    let t1 = on(1);
    let t2 = on(2);
    println!(
        "validate 1 thread: {:.1} files/s; 2 threads: {:.1} files/s; scaling {:.2}x (bar >= 1.7x)",
        rate(t1),
        rate(t2),
        t1.as_secs_f64() / t2.as_secs_f64()
    );
}
