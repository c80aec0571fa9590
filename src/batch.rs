//! Runs the validator over many inputs: expands folders in a stable order,
//! finds each report's predecessors, validates on the rayon pool, and hands
//! the results to a sink in input order as they finish.
//!
//! This is the one driver: the command line, the benchmarks and any other
//! front end call [`run`], so what is measured is what users run.

use crate::config::PathFilter;
use crate::diagnostics::{Code, Diagnostic};
use crate::history::History;
use crate::i18n::MessageKey;
use crate::source::Source;
use crate::validator::{FileReport, Validator};
use std::collections::VecDeque;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{mpsc, Condvar, Mutex};

/// An input named on the command line, after expansion.
#[derive(Debug, Clone)]
pub enum Input {
    /// A file to read.
    File(PathBuf),
    /// An input already held in memory (standard input, an upload).
    Memory(Source),
    /// A path that could not be expanded (missing, unreadable folder).
    Broken(PathBuf, String),
}

impl Input {
    /// The name findings give the input: its path as given, or the name of
    /// what is held in memory (`<stdin>`, an upload's file name).
    pub fn name(&self) -> String {
        match self {
            Input::File(p) | Input::Broken(p, _) => p.display().to_string(),
            Input::Memory(source) => source.name.clone(),
        }
    }
}

/// Extensions a folder walk picks up.
pub const REPORT_EXTENSIONS: &[&str] = &["json", "xml", "xlsx"];

/// What expanding the command line's paths gave.
#[derive(Debug, Clone, Default)]
pub struct Expansion {
    /// The inputs to validate, in order.
    pub inputs: Vec<Input>,
    /// Files a folder walk left out because of their extension (sorted):
    /// listed in the summary, so that a `.docx` or `.pdf` report is not
    /// passed over without a word.
    pub skipped: Vec<PathBuf>,
}

/// Expands `paths`: files stay as given (whatever their extension), folders
/// are walked recursively for `.json`, `.xml` and `.xlsx` files, sorted by
/// path so the order never depends on the file system.
pub fn expand(paths: &[PathBuf]) -> Vec<Input> {
    expand_with(paths, &PathFilter::default()).inputs
}

/// [`expand`] through a project's `include`/`exclude` globs: an excluded
/// path is left out, named on the command line or found in a folder (so a
/// hook passing every changed file still skips `expected.json`); `include`
/// globs, when given, replace the extensions for folder walks.
pub fn expand_with(paths: &[PathBuf], filter: &PathFilter) -> Expansion {
    let mut out = Expansion::default();
    for p in paths {
        match std::fs::metadata(p) {
            Ok(m) if m.is_dir() => {
                let mut found = Vec::new();
                walk(p, filter, &mut found, &mut out);
                found.sort();
                out.inputs.extend(found.into_iter().map(Input::File));
            }
            Ok(_) if filter.excludes(p) => {}
            Ok(_) => out.inputs.push(Input::File(p.clone())),
            Err(e) => out.inputs.push(Input::Broken(
                p.clone(),
                format!("cannot open the path: {e}"),
            )),
        }
    }
    out.skipped.sort();
    out
}

fn walk(dir: &Path, filter: &PathFilter, found: &mut Vec<PathBuf>, out: &mut Expansion) {
    // An explicit stack: deep folder trees must not exhaust the call stack.
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let entries = match std::fs::read_dir(&d) {
            Ok(e) => e,
            Err(e) => {
                out.inputs.push(Input::Broken(
                    d.clone(),
                    format!("cannot read the folder: {e}"),
                ));
                continue;
            }
        };
        for entry in entries.flatten() {
            let path = entry.path();
            let Ok(kind) = entry.file_type() else {
                continue;
            };
            if filter.excludes(&path) {
                continue;
            }
            if kind.is_dir() {
                stack.push(path);
            } else if filter
                .includes(&path)
                .unwrap_or_else(|| is_report_file(&path))
            {
                found.push(path);
            } else if filter.includes(&path).is_none() && is_skipped_document(&path) {
                out.skipped.push(path);
            }
        }
    }
}

/// A file that is not a report format but looks like a document someone
/// may have meant as one (a report saved as Word, PDF, ODS or CSV): named
/// in the summary. Hidden files and other noise (`.gitkeep`, `README.md`,
/// images) are passed over quietly.
fn is_skipped_document(path: &Path) -> bool {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    if name.starts_with('.') || name.starts_with("~$") {
        return false;
    }
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| SKIPPED_NOTED.contains(&e.to_ascii_lowercase().as_str()))
}

/// Extensions of documents a folder walk does not read but names.
pub const SKIPPED_NOTED: &[&str] = &[
    "doc", "docx", "pdf", "odt", "ods", "xls", "xlsm", "csv", "rtf", "txt",
];

fn is_report_file(path: &Path) -> bool {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    // Spreadsheet programs leave lock files such as `~$report.xlsx` beside
    // open workbooks; they are not reports.
    if name.starts_with("~$") || name.starts_with(".~lock") {
        return false;
    }
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| REPORT_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
}

/// The files among `inputs`.
pub fn files(inputs: &[Input]) -> Vec<PathBuf> {
    inputs
        .iter()
        .filter_map(|i| match i {
            Input::File(p) => Some(p.clone()),
            Input::Memory(_) | Input::Broken(..) => None,
        })
        .collect()
}

/// The history a batch is validated against: the batch's own files and the
/// files under `history` folders. Empty when there is only one report to
/// know (a report is never its own predecessor).
pub fn history_for(inputs: &[Input], history: &[PathBuf]) -> History {
    let mut known = files(inputs);
    known.extend(files(&expand(history)));
    if known.len() > 1 {
        History::scan(&known)
    } else {
        History::default()
    }
}

/// Validates one expanded input against `history`. Never panics: should
/// checking the input hit a defect of article7 itself, that input gets an
/// `internal/validator-failed` finding and the rest of the batch goes on.
pub fn validate_one(validator: &Validator, input: &Input, history: &History) -> FileReport {
    guarded(input, || match input {
        Input::File(p) => validator.validate_path_with(p, history),
        Input::Memory(source) => validator.validate_source_with(source, history),
        Input::Broken(p, why) => {
            FileReport::unreadable(p.display().to_string(), crate::format::unreadable(why))
        }
    })
}

/// Runs `check` for `input`, turning a panic into the input's finding.
fn guarded(input: &Input, check: impl FnOnce() -> FileReport) -> FileReport {
    caught(check).unwrap_or_else(|reason| {
        FileReport::unreadable(
            input.name(),
            Diagnostic::builtin(
                Code::ValidatorFailed,
                MessageKey::new("validator-failed").arg("reason", reason),
                "",
            ),
        )
    })
}

/// Runs `work`; a panic comes back as its message, so that a defect of
/// article7 met on one input costs that input only.
pub(crate) fn caught<T>(work: impl FnOnce() -> T) -> Result<T, String> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(work)).map_err(|panic| {
        panic
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "no message".to_owned())
    })
}

/// Validates `inputs` and hands each result to `sink` in input order, as
/// soon as it and every input before it are done. Returns the first error
/// of `sink` (a closed pipe, a full disk), which stops the run: the inputs
/// not yet validated are not.
///
/// On one thread (`-j 1`) the inputs are validated on the calling thread,
/// one after the other. On more, each worker of the current rayon pool
/// takes the next input as soon as it is free, while the calling thread
/// runs `sink` (so `sink` need not be `Send`, and printing overlaps
/// validating). There is no barrier between groups of inputs: a slow
/// report holds up only the printing of those after it, and a worker runs
/// at most [`AHEAD`] inputs per thread ahead of the printing, so memory
/// stays flat however many inputs there are. The output is the same,
/// byte for byte, whatever the number of threads.
pub fn run<E>(
    validator: &Validator,
    inputs: &[Input],
    history: &History,
    sink: impl FnMut(FileReport) -> Result<(), E>,
) -> Result<(), E> {
    ordered(
        inputs.len(),
        rayon::current_num_threads(),
        |i| validate_one(validator, &inputs[i], history),
        sink,
    )
}

/// Does `work(0)` … `work(count − 1)` on `threads` workers of the current
/// rayon pool and hands the results to `sink` on the calling thread, in
/// index order; see [`run`].
fn ordered<T: Send, E>(
    count: usize,
    threads: usize,
    work: impl Fn(usize) -> T + Sync,
    mut sink: impl FnMut(T) -> Result<(), E>,
) -> Result<(), E> {
    if threads <= 1 || count < 2 || rayon::current_thread_index().is_some() {
        // One worker, or called from inside the pool (where the calling
        // thread would be one of the workers, waiting on itself).
        return (0..count).try_for_each(|i| sink(work(i)));
    }
    let window = Window::new(threads * AHEAD);
    let next = AtomicUsize::new(0);
    let (done, results) = mpsc::channel::<(usize, T)>();
    rayon::in_place_scope(|scope| {
        for _ in 0..threads.min(count) {
            let done = done.clone();
            let (window, next, work) = (&window, &next, &work);
            scope.spawn(move |_| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                if i >= count || !window.admit(i) {
                    return;
                }
                if done.send((i, work(i))).is_err() {
                    return;
                }
            });
        }
        drop(done);
        // Results arrive in the order they finish and leave in index
        // order: `waiting[k]` is result `printed + k`.
        let mut waiting: VecDeque<Option<T>> = VecDeque::new();
        let mut printed = 0;
        for (i, result) in &results {
            let k = i - printed;
            if waiting.len() <= k {
                waiting.resize_with(k + 1, || None);
            }
            waiting[k] = Some(result);
            while let Some(Some(_)) = waiting.front() {
                let result = waiting.pop_front().flatten().expect("checked above");
                printed += 1;
                window.advance(printed);
                if let Err(e) = sink(result) {
                    window.close();
                    return Err(e);
                }
            }
        }
        Ok(())
    })
}

/// How many inputs per worker thread may be validated ahead of the one
/// the sink waits for.
pub const AHEAD: usize = 16;

/// The inputs workers may take: those less than `size` past the last one
/// handed to the sink. A worker holding input `i` waits until `i` is in
/// the window; the one the sink waits for always is, so no one waits for
/// ever. Closing it (the sink failed) sends every worker home.
struct Window {
    size: usize,
    state: Mutex<(usize, bool)>,
    moved: Condvar,
}

impl Window {
    fn new(size: usize) -> Window {
        Window {
            size: size.max(1),
            state: Mutex::new((0, false)),
            moved: Condvar::new(),
        }
    }

    /// Waits until input `i` may be validated; false when the run stopped.
    fn admit(&self, i: usize) -> bool {
        let mut state = self.state.lock().unwrap_or_else(|e| e.into_inner());
        loop {
            let (printed, closed) = *state;
            if closed {
                return false;
            }
            if i < printed + self.size {
                return true;
            }
            state = self.moved.wait(state).unwrap_or_else(|e| e.into_inner());
        }
    }

    /// `printed` inputs have gone to the sink.
    fn advance(&self, printed: usize) {
        let mut state = self.state.lock().unwrap_or_else(|e| e.into_inner());
        state.0 = printed;
        drop(state);
        self.moved.notify_all();
    }

    /// The run stopped: no more inputs are taken.
    fn close(&self) {
        let mut state = self.state.lock().unwrap_or_else(|e| e.into_inner());
        state.1 = true;
        drop(state);
        self.moved.notify_all();
    }
}

/// Validates every input in parallel; results come back in input order.
/// For tests and small batches: [`run`] streams instead of collecting.
pub fn validate_all(validator: &Validator, inputs: &[Input], history: &History) -> Vec<FileReport> {
    let mut out = Vec::with_capacity(inputs.len());
    let _ = run(validator, inputs, history, |r| {
        out.push(r);
        Ok::<(), std::convert::Infallible>(())
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::AtomicUsize;
    use std::time::Duration;

    /// Work that finishes out of order: later indices are often quicker.
    fn uneven(i: usize) -> usize {
        std::thread::sleep(Duration::from_micros(((i * 7919) % 13) as u64 * 100));
        i
    }

    #[test]
    fn results_reach_the_sink_in_index_order_on_any_number_of_threads() {
        for threads in [1, 2, 3, 8] {
            let mut seen = Vec::new();
            let r = ordered(200, threads, uneven, |i| {
                seen.push(i);
                Ok::<(), ()>(())
            });
            assert_eq!(r, Ok(()));
            assert_eq!(seen, (0..200).collect::<Vec<_>>(), "{threads} threads");
        }
    }

    #[test]
    fn a_failing_sink_stops_the_run_within_the_window() {
        let started = AtomicUsize::new(0);
        let threads = 2;
        let mut seen = 0;
        let r = ordered(
            10_000,
            threads,
            |i| {
                started.fetch_add(1, Ordering::Relaxed);
                uneven(i)
            },
            |i| {
                seen += 1;
                if i == 5 {
                    Err(i)
                } else {
                    Ok(())
                }
            },
        );
        assert_eq!(r, Err(5));
        assert_eq!(seen, 6);
        // Workers never run more than the window ahead of the sink (plus
        // one taken index each that is then refused).
        let started = started.load(Ordering::Relaxed);
        assert!(
            started <= 6 + threads * AHEAD + threads,
            "{started} inputs were started"
        );
    }

    #[test]
    fn a_panic_while_checking_becomes_that_inputs_finding() {
        let input = Input::File(PathBuf::from("r.json"));
        let report = guarded(&input, || panic!("index out of bounds"));
        assert_eq!(report.file, "r.json");
        assert_eq!(report.findings.len(), 1);
        let f = &report.findings[0];
        assert_eq!(f.rule, "internal/validator-failed");
        assert!(f.means_unread());
        assert!(f.message.contains("index out of bounds"), "{}", f.message);
        let fine = guarded(&input, || {
            FileReport::unreadable("x".into(), crate::format::unsupported())
        });
        assert_eq!(fine.file, "x");
    }
}
