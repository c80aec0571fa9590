//! `validate --watch`: a change to a watched file starts a second run.
//! Bounded: the test waits for each run's summary line at most a minute
//! (the watcher is set up before the first run, so a change made after the
//! first summary is always seen), then stops the process.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

const PATIENCE: Duration = Duration::from_secs(60);

#[test]
fn an_edit_starts_a_second_run() {
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("report.json");
    let valid = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/valid/cambodia-2019.json"),
    )
    .unwrap();
    std::fs::write(&report, &valid).unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_article7"))
        .current_dir(dir.path())
        .args(["validate", "--watch", "--no-config", "."])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if line.contains("checked") && tx.send(line).is_err() {
                break;
            }
        }
    });
    let first = rx.recv_timeout(PATIENCE);
    // Break the report: the second run finds the error.
    std::fs::write(&report, valid.replacen("\"state\"", "\"stat\"", 1)).unwrap();
    let second = rx.recv_timeout(PATIENCE);
    let _ = child.kill();
    let _ = child.wait();
    let first = first.expect("a first run within a minute");
    assert!(first.starts_with("1 file checked: 0 errors"), "{first}");
    let second = second.expect("a second run within a minute of the edit");
    assert!(second.starts_with("1 file checked:"), "{second}");
    assert!(!second.contains(": 0 errors"), "{second}");
}
