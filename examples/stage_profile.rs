//! Where validation time goes, stage by stage, on one thread, over a folder
//! of JSON reports: `cargo run --release --example stage_profile -- DIR`.
//! Prints milliseconds per document for plain serde_json parsing (the
//! baseline of quality.md's ratio), our reader, the schema, the rules (as
//! validation runs them, and with every expression in `cel`, for
//! comparison).

// The allocator the `article7` binary uses, so the figures are its figures.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use article7::format;
use article7::rules::engine::Related;
use article7::schema::ReportSchema;
use article7::validator::Validator;
use article7::Source;
use std::time::{Duration, Instant};

fn main() {
    let dir = std::env::args().nth(1).expect("usage: stage_profile DIR");
    let validator = Validator::new();
    let schema = ReportSchema::embedded();
    let sources: Vec<Source> = std::fs::read_dir(&dir)
        .expect("a folder")
        .filter_map(|e| e.ok())
        .filter(|e| e.path().extension().is_some_and(|x| x == "json"))
        .filter_map(|e| Source::read(&e.path()).ok())
        .collect();
    let n = sources.len() as f64;
    let per_doc = |d: Duration| d.as_secs_f64() * 1e3 / n;
    let time = |f: &dyn Fn(&Source)| {
        let t = Instant::now();
        for s in &sources {
            f(s);
        }
        t.elapsed()
    };
    let parse = time(&|s| {
        let v: serde_json::Value = serde_json::from_slice(&s.bytes).expect("JSON");
        std::hint::black_box(v);
    });
    let docs: Vec<_> = sources
        .iter()
        .filter_map(|s| format::load(s).document)
        .collect();
    let read = time(&|s| {
        std::hint::black_box(format::load(s));
    });
    let t = Instant::now();
    for d in &docs {
        std::hint::black_box(schema.check(d));
    }
    let schema_t = t.elapsed();
    let t = Instant::now();
    for d in &docs {
        std::hint::black_box(validator.engine().run(&d.value, &[], Related::default()));
    }
    let rules = t.elapsed();
    let cel_only = article7::rules::Engine::new(
        article7::rules::Catalogue::embedded().expect("the embedded catalogue"),
        Default::default(),
    )
    .expect("default options")
    .cel_only();
    let t = Instant::now();
    for d in &docs {
        std::hint::black_box(cel_only.run(&d.value, &[], Related::default()));
    }
    let rules_cel = t.elapsed();
    let t = Instant::now();
    for d in &docs {
        std::hint::black_box(article7::rules::expr::to_val(&d.value));
    }
    let convert = t.elapsed();
    let whole = time(&|s| {
        std::hint::black_box(validator.validate_source(s));
    });
    println!("{} documents, one thread, ms per document:", sources.len());
    println!("  serde_json parse   {:>7.3}", per_doc(parse));
    println!("  article7 reader    {:>7.3}", per_doc(read));
    println!("  schema             {:>7.3}", per_doc(schema_t));
    println!("  lent to CEL        {:>7.3}", per_doc(convert));
    println!(
        "  rules              {:>7.3}  ({} of {} rules native)",
        per_doc(rules),
        validator.engine().native_rules(),
        validator.engine().catalogue.rules.len()
    );
    println!("  rules in cel only  {:>7.3}", per_doc(rules_cel));
    println!("  whole validation   {:>7.3}", per_doc(whole));
    println!(
        "  ratio parse/whole  {:>7.3}",
        parse.as_secs_f64() / whole.as_secs_f64()
    );
}
