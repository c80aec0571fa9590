//! Throughput of `article7 validate` against merely reading and parsing the
//! same files with serde_json, both measured as whole processes on one
//! thread, on a generated corpus (50–400 mined areas per report, a quarter
//! with an injected error); then 1- vs 2-thread scaling (beside two 1-thread
//! processes side by side, the most two workers get here), and the XML and
//! Excel readers on the corpus converted. Prints figures; asserts nothing
//! (machines here are shared and noisy: compare the ratios of one run).
//!
//! `cargo bench --bench throughput [-- N [ROUNDS]]` (default 500 reports,
//! best of 5 rounds); `cargo bench --bench throughput -- --write-corpus DIR
//! [N]` only writes the corpus, to time commands on it by hand.
//!
//! The validating process is the release binary, run as a user runs it:
//! `article7 validate DIR -j 1 --format json -o FILE`. The parsing process
//! is this benchmark itself, started again with `--parse-only DIR`: it reads
//! every file of the folder and parses it into a `serde_json::Value`, on one
//! thread, with the binary's allocator. The two take turns, and the best
//! round of each counts, so a slow spell of the machine hits both sides of
//! the ratio instead of one.

mod corpus;
mod reap;

// The allocator the `article7` binary uses, so the figures are its figures.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use article7::source::Source;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const BINARY: &str = env!("CARGO_BIN_EXE_article7");
/// Reports in the corpus unless a number is given.
const REPORTS: usize = 500;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let Some(i) = args.iter().position(|a| a == "--parse-only") {
        let dir = args.get(i + 1).expect("--parse-only DIR");
        parse_only(Path::new(dir));
        return;
    }
    // `cargo bench` passes `--bench`; numbers are ours.
    let numbers =
        |args: &[String]| -> Vec<usize> { args.iter().filter_map(|a| a.parse().ok()).collect() };
    if let Some(i) = args.iter().position(|a| a == "--write-corpus") {
        // The corpus alone, to time other commands on it by hand.
        let dir = Path::new(args.get(i + 1).expect("--write-corpus DIR"));
        let n = numbers(&args[i + 2..]).first().copied().unwrap_or(REPORTS);
        let bytes = corpus::write(dir, 42, n).expect("corpus written");
        println!(
            "{n} reports, {:.1} MB, in {}",
            bytes as f64 / 1e6,
            dir.display()
        );
        return;
    }
    let numbers = numbers(&args);
    let n = numbers.first().copied().unwrap_or(REPORTS);
    let rounds = numbers.get(1).copied().unwrap_or(5).max(1);

    let dir = tempfile::tempdir().expect("a temporary folder");
    let json_dir = dir.path().join("json");
    let bytes = corpus::write(&json_dir, 42, n).expect("corpus written");
    let out = dir.path().join("out.json");
    let mb = bytes as f64 / 1e6;
    println!(
        "corpus: {n} reports, {mb:.1} MB ({:.0} KB each); binary: {BINARY}",
        bytes as f64 / n as f64 / 1e3
    );

    let parse = || run(parse_command(&json_dir));
    let validate = |jobs: usize| run(validate_command(&json_dir, jobs, &out));
    // Warm the page cache and both binaries.
    parse();
    validate(1);

    let (mut t_parse, mut t_validate) = (Timing::MAX, Timing::MAX);
    for _ in 0..rounds {
        t_parse = t_parse.min(parse());
        t_validate = t_validate.min(validate(1));
    }
    let rate = |d: Duration| n as f64 / d.as_secs_f64();
    for (what, t) in [("parse only", t_parse), ("validate  ", t_validate)] {
        println!(
            "{what} (1 thread, whole process): {:>7.1} files/s {:>6.1} MB/s; CPU time {:.2} s",
            rate(t.wall),
            mb / t.wall.as_secs_f64(),
            t.cpu.as_secs_f64()
        );
    }
    println!(
        "ratio validate/parse: {:.3} by the clock, {:.3} by CPU time (quality bar >= 0.25, issue 10 >= 0.35, aim 0.5)",
        t_parse.wall.as_secs_f64() / t_validate.wall.as_secs_f64(),
        t_parse.cpu.as_secs_f64() / t_validate.cpu.as_secs_f64()
    );
    println!(
        "  (on a machine shared with other work the clock counts the time a process waits for a core; CPU time does not)"
    );

    // Scaling: the two thread counts take turns too, and so does the
    // machine's own ceiling: two independent 1-thread processes side by
    // side share nothing but the cores, caches and memory bus, so their
    // combined rate is the most two workers can get here.
    let out2 = dir.path().join("out-2.json");
    let side_by_side = || {
        let t = Instant::now();
        let a = validate_command(&json_dir, 1, &out)
            .stdout(Stdio::null())
            .spawn()
            .expect("the process starts");
        let b = validate_command(&json_dir, 1, &out2)
            .stdout(Stdio::null())
            .spawn()
            .expect("the process starts");
        for child in [a, b] {
            let (status, _) = reap::reap(child);
            assert!(libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0);
        }
        t.elapsed()
    };
    let (mut t1, mut t2, mut t_pair) = (Duration::MAX, Duration::MAX, Duration::MAX);
    for _ in 0..rounds.min(3) {
        t1 = t1.min(validate(1).wall);
        t2 = t2.min(validate(2).wall);
        t_pair = t_pair.min(side_by_side());
    }
    let scaling = t1.as_secs_f64() / t2.as_secs_f64();
    let ceiling = 2.0 * t1.as_secs_f64() / t_pair.as_secs_f64();
    println!(
        "validate 1 thread: {:.1} files/s; 2 threads: {:.1} files/s; scaling {scaling:.2}x (bar >= 1.7x, issue 10 >= 1.8x)",
        rate(t1),
        rate(t2),
    );
    println!(
        "  two 1-thread processes side by side: {:.1} files/s together, so this machine gives two workers at most {ceiling:.2}x; 2 threads reach {:.0}% of that",
        2.0 * rate(t_pair),
        100.0 * scaling / ceiling
    );

    readers(dir.path(), &json_dir, n.min(100), rounds.min(3));
}

/// The XML and Excel readers on (part of) the corpus converted: files/s of
/// the reader alone (in this process) and of the whole `validate` process.
fn readers(root: &Path, json_dir: &Path, n: usize, rounds: usize) {
    let paths: Vec<PathBuf> = sorted_files(json_dir).into_iter().take(n).collect();
    let values: Vec<serde_json::Value> = paths
        .iter()
        .map(|p| serde_json::from_slice(&std::fs::read(p).expect("readable")).expect("JSON"))
        .collect();
    let formats: [(&str, &str, Converter); 3] = [
        ("JSON", "json", |v| serde_json::to_vec_pretty(v).ok()),
        ("XML", "xml", |v| {
            Some(article7::format::xml::write(v).into_bytes())
        }),
        ("Excel", "xlsx", |v| {
            article7::format::xlsx::write(v, "en").ok()
        }),
    ];
    println!("readers, {n} reports, 1 thread:");
    for (name, ext, convert) in formats {
        let dir = root.join(format!("converted-{ext}"));
        std::fs::create_dir_all(&dir).expect("a folder");
        let mut bytes = 0;
        let mut sources = Vec::new();
        for (i, v) in values.iter().enumerate() {
            let Some(b) = convert(v) else {
                println!("  {name}: report {i} could not be converted");
                return;
            };
            bytes += b.len();
            let path = dir.join(format!("r{i:05}.{ext}"));
            std::fs::write(&path, &b).expect("written");
            sources.push(Source::read(&path).expect("readable"));
        }
        let read = best_of(rounds, || {
            for s in &sources {
                std::hint::black_box(article7::format::load(s));
            }
        });
        let out = root.join(format!("out-{ext}.json"));
        let whole = (0..rounds)
            .map(|_| run(validate_command(&dir, 1, &out)).wall)
            .min()
            .unwrap_or_default();
        println!(
            "  {name:<5} {:>6.0} KB each: reader {:>7.1} files/s; validate (whole process) {:>7.1} files/s",
            bytes as f64 / n.max(1) as f64 / 1e3,
            n as f64 / read.as_secs_f64(),
            n as f64 / whole.as_secs_f64()
        );
    }
}

type Converter = fn(&serde_json::Value) -> Option<Vec<u8>>;

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

fn parse_command(dir: &Path) -> Command {
    let mut c = Command::new(std::env::current_exe().expect("this benchmark's path"));
    c.arg("--parse-only").arg(dir);
    c
}

fn validate_command(dir: &Path, jobs: usize, out: &Path) -> Command {
    let mut c = Command::new(BINARY);
    c.arg("validate")
        .arg(dir)
        .args([
            "-j",
            &jobs.to_string(),
            "--format",
            "json",
            "--fail-on",
            "never",
            "-o",
        ])
        .arg(out);
    c
}

/// How long a process took: by the clock, and on a core (user and system
/// time, from `wait4`).
#[derive(Debug, Clone, Copy)]
struct Timing {
    wall: Duration,
    cpu: Duration,
}

impl Timing {
    const MAX: Timing = Timing {
        wall: Duration::MAX,
        cpu: Duration::MAX,
    };

    /// The best of each figure.
    fn min(self, other: Timing) -> Timing {
        Timing {
            wall: self.wall.min(other.wall),
            cpu: self.cpu.min(other.cpu),
        }
    }
}

/// Runs a process to its end (it must succeed).
fn run(mut command: Command) -> Timing {
    let t = Instant::now();
    let child = command
        .stdout(Stdio::null())
        .spawn()
        .expect("the process starts");
    let (status, usage) = reap::reap(child);
    let wall = t.elapsed();
    assert!(
        libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0,
        "{command:?} failed: {status}"
    );
    let time = |t: libc::timeval| {
        Duration::from_secs(t.tv_sec as u64) + Duration::from_micros(t.tv_usec as u64)
    };
    Timing {
        wall,
        cpu: time(usage.ru_utime) + time(usage.ru_stime),
    }
}

fn sorted_files(dir: &Path) -> Vec<PathBuf> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("a folder")
        .filter_map(|e| Some(e.ok()?.path()))
        .filter(|p| p.is_file())
        .collect();
    paths.sort();
    paths
}

/// The baseline process: read and parse every file of `dir`, one thread.
fn parse_only(dir: &Path) {
    let mut members = 0usize;
    for path in sorted_files(dir) {
        let bytes = std::fs::read(&path).expect("readable");
        let v: serde_json::Value = serde_json::from_slice(&bytes).expect("JSON");
        members += v.as_object().map_or(0, |m| m.len());
        std::hint::black_box(v);
    }
    std::hint::black_box(members);
}
