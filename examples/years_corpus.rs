//! Writes the multi-year test corpus (tests/common/years.rs: eight States,
//! 2018–2021, with a known truth) into a folder, to try `article7 summary`
//! and `article7 diff` on:
//!
//! ```sh
//! cargo run --example years_corpus -- /tmp/corpus
//! cargo run -- summary /tmp/corpus --format html -o summary.html
//! ```

#[path = "../tests/common/years.rs"]
mod years;

fn main() {
    let dir = std::env::args().nth(1).unwrap_or_else(|| "corpus".into());
    let truth = years::write(std::path::Path::new(&dir), 7);
    println!("{} reports written to {dir}", truth.reports.len());
}
