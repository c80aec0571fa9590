//! Checks a SARIF log against the official SARIF 2.1.0 schema (the one in
//! `../shared/data/`, or the path given second) and prints what it holds:
//! `cargo run --release --example check_sarif -- out.sarif [schema.json]`.
//! Exit status 1 when the log breaks the schema.

use std::process::ExitCode;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let Some(log) = args.next() else {
        eprintln!("usage: check_sarif LOG.sarif [SCHEMA.json]");
        return ExitCode::from(2);
    };
    let schema = args
        .next()
        .unwrap_or_else(|| "../shared/data/sarif-schema-2.1.0.json".to_owned());
    let read = |p: &str| -> serde_json::Value {
        let text = std::fs::read(p).unwrap_or_else(|e| panic!("{p}: {e}"));
        serde_json::from_slice(&text).unwrap_or_else(|e| panic!("{p}: {e}"))
    };
    let (log, schema) = (read(&log), read(&schema));
    let validator = jsonschema::options()
        .with_draft(jsonschema::Draft::Draft4)
        .build(&schema)
        .expect("the SARIF schema compiles");
    let errors: Vec<String> = validator
        .iter_errors(&log)
        .take(20)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect();
    let runs = log["runs"].as_array().map_or(0, Vec::len);
    let results = log["runs"][0]["results"].as_array().map_or(0, Vec::len);
    let artifacts = log["runs"][0]["artifacts"].as_array().map_or(0, Vec::len);
    println!("{runs} run(s), {results} results, {artifacts} artifacts");
    if errors.is_empty() {
        println!("valid against the SARIF 2.1.0 schema");
        ExitCode::SUCCESS
    } else {
        for e in &errors {
            println!("{e}");
        }
        ExitCode::FAILURE
    }
}
