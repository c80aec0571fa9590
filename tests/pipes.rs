//! A closed standard output never makes a command panic. Each command
//! writes into a pipe whose reading end is already closed (the most
//! abrupt reader there is: `| head -c 0`), so every write fails with
//! EPIPE, deterministically. `rules`, `explain`, `schema`, `template` and
//! `baseline` end with status 0; `validate` is ended by SIGPIPE, as `grep`
//! or `cat` would be.

use std::os::unix::process::ExitStatusExt;
use std::process::{Command, ExitStatus, Stdio};

/// The writing end of a pipe whose reading end is closed.
fn closed_pipe() -> Stdio {
    use std::os::fd::{FromRawFd, OwnedFd};
    let mut fds = [0; 2];
    // SAFETY: `pipe` fills both descriptors on success; each is then owned
    // exactly once. (`std::io::pipe` needs Rust 1.87; the crate builds on 1.85.)
    unsafe {
        assert_eq!(libc::pipe(fds.as_mut_ptr()), 0);
        drop(OwnedFd::from_raw_fd(fds[0]));
        Stdio::from(OwnedFd::from_raw_fd(fds[1]))
    }
}

fn into_closed_pipe(args: &[&str]) -> (ExitStatus, String) {
    let writer = closed_pipe();
    let out = Command::new(env!("CARGO_BIN_EXE_article7"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(args)
        .stdin(Stdio::null())
        .stdout(writer)
        .stderr(Stdio::piped())
        .output()
        .unwrap();
    (
        out.status,
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// A reader that takes a few bytes and then stops reading, as `head` does.
fn into_early_closing_reader(args: &[&str]) -> (ExitStatus, String) {
    use std::io::Read;
    let mut child = Command::new(env!("CARGO_BIN_EXE_article7"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 16];
    stdout.read_exact(&mut first).unwrap();
    drop(stdout);
    let out = child.wait_with_output().unwrap();
    (
        out.status,
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

const QUIET_COMMANDS: &[&[&str]] = &[
    &["rules"],
    &["rules", "--format", "json"],
    &["rules", "--test"],
    &["explain", "B01"],
    &["schema"],
    &[
        "template",
        "--format",
        "json",
        "-o",
        "/dev/stdout",
        "--force",
    ],
    &[
        "template",
        "--format",
        "xml",
        "-o",
        "/dev/stdout",
        "--force",
    ],
    &["baseline", "fixtures/invalid"],
    &["--help"],
    &["validate", "--help"],
];

#[test]
fn printing_commands_end_quietly_with_status_0() {
    for args in QUIET_COMMANDS {
        let (status, stderr) = into_closed_pipe(args);
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
        assert_eq!(status.code(), Some(0), "{args:?}: {status:?} {stderr}");
    }
}

#[test]
fn validate_is_ended_by_sigpipe_in_every_format() {
    for format in ["human", "json", "jsonl", "sarif", "junit", "github", "html"] {
        let args = ["validate", "fixtures/invalid", "--format", format];
        let (status, stderr) = into_closed_pipe(&args);
        assert!(!stderr.contains("panicked"), "{format}: {stderr}");
        assert_eq!(
            status.signal(),
            Some(libc::SIGPIPE),
            "{format}: {status:?} {stderr}"
        );
    }
}

#[test]
fn a_reader_that_stops_after_a_few_bytes_ends_the_run_quietly() {
    // The schema is larger than a pipe's buffer: the writer is still
    // writing when the reader goes.
    let (status, stderr) = into_early_closing_reader(&["schema"]);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(status.code(), Some(0), "{status:?}");
}
