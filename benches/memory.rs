//! Peak resident memory of `article7 validate DIR --format jsonl` (the
//! release binary, as a user runs it) on 1,000 and then N generated reports
//! (default 10,000): quality.md asks for under 200 MB, not growing with the
//! number of files. Prints figures; asserts nothing.
//!
//! `cargo bench --bench memory [-- N]` (writes N reports of about 77 KB to a
//! temporary folder first: 767 MB for 10,000).

mod corpus;
mod reap;

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Instant;

fn main() {
    let n: usize = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(10_000);
    let exe = env!("CARGO_BIN_EXE_article7");
    let small = tempfile::tempdir().expect("a temporary folder");
    let large = tempfile::tempdir().expect("a temporary folder");
    let first = n.min(1_000);
    corpus::write(small.path(), 7, first).expect("corpus written");
    let bytes = corpus::write(large.path(), 7, n).expect("corpus written");
    println!(
        "corpus: {n} reports, {:.0} MB; binary: {exe}",
        bytes as f64 / 1e6
    );
    // Linux counts into a child's figure the memory of the process it was
    // started from, as it is at the start (the child runs in it until
    // `exec`): this process keeps little (the corpus is written a report at
    // a time); its resident size at each start is printed too.
    for (count, dir) in [(first, small.path()), (n, large.path())] {
        let before = current_rss_mb();
        let (peak_mb, seconds, ok) = peak_of(exe, dir);
        println!(
            "validate {count:>6} files --format jsonl: peak RSS {peak_mb:>6.1} MB, {seconds:.1} s (this benchmark: {before:.1} MB){}",
            if ok { "" } else { " (exit status above 1!)" }
        );
    }
    println!("quality bar: under 200 MB, flat in the number of files");
}

/// This process's resident size now (`VmRSS` of /proc/self/status).
fn current_rss_mb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find_map(|l| l.strip_prefix("VmRSS:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        })
        .map_or(f64::NAN, |kb| kb * 1024.0 / 1e6)
}

/// Runs `article7 validate DIR --format jsonl -o /dev/null` and returns its
/// peak resident set (the kernel's own figure for that process, from
/// `wait4`), its wall time, and whether it exited 0 or 1 (findings) rather
/// than 2.
fn peak_of(exe: &str, dir: &Path) -> (f64, f64, bool) {
    let start = Instant::now();
    let child = Command::new(exe)
        .args(["validate", "--format", "jsonl", "-o", "/dev/null"])
        .arg(dir)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("article7 runs");
    let (status, usage) = reap::reap(child);
    let seconds = start.elapsed().as_secs_f64();
    // Linux gives ru_maxrss in kilobytes.
    let peak_mb = usage.ru_maxrss as f64 * 1024.0 / 1e6;
    let code = libc::WIFEXITED(status).then(|| libc::WEXITSTATUS(status));
    (peak_mb, seconds, matches!(code, Some(0 | 1)))
}
