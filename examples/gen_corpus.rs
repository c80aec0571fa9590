//! Writes a deterministic corpus of realistic reports:
//! `cargo run --release --example gen_corpus -- DIR [N] [SEED]`.

#[path = "../benches/corpus/mod.rs"]
mod corpus;

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = args.next().unwrap_or_else(|| "corpus".into());
    let n: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(1000);
    let seed: u64 = args.next().and_then(|s| s.parse().ok()).unwrap_or(42);
    match corpus::write(std::path::Path::new(&dir), seed, n) {
        Ok(bytes) => println!(
            "wrote {n} reports ({:.1} MB) to {dir} (seed {seed})",
            bytes as f64 / 1e6
        ),
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(2);
        }
    }
}
