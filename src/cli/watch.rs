//! `validate --watch`: validate, then again each time a file under the
//! watched paths changes, clearing the screen between runs.

use super::fail;
use notify::{EventKind, RecursiveMode, Watcher};
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

/// Editors save in bursts (a temporary file, a rename, a change of
/// attributes): events this close together make one run.
const SETTLE: Duration = Duration::from_millis(150);

/// Runs `once` now and after every change under `paths`, until the
/// process is stopped; returns only when watching fails (status 2).
pub fn watch(paths: &[PathBuf], mut once: impl FnMut()) -> u8 {
    let (tx, rx) = mpsc::channel();
    let mut watcher = match notify::recommended_watcher(move |event| {
        let _ = tx.send(event);
    }) {
        Ok(w) => w,
        Err(e) => return fail(&format!("cannot watch for changes: {e}")),
    };
    // A file is watched through its folder: editors replace a file by
    // renaming a new one over it, which ends a watch on the file itself.
    let mut files = Vec::new();
    for p in paths {
        let abs = article7::config::absolute(p);
        let (target, mode) = if abs.is_dir() {
            (abs, RecursiveMode::Recursive)
        } else {
            files.push(abs.clone());
            let parent = abs.parent().map(Path::to_path_buf).unwrap_or_default();
            (parent, RecursiveMode::NonRecursive)
        };
        if let Err(e) = watcher.watch(&target, mode) {
            return fail(&format!("cannot watch {}: {e}", target.display()));
        }
    }
    let dirs: Vec<PathBuf> = paths
        .iter()
        .map(|p| article7::config::absolute(p))
        .filter(|p| p.is_dir())
        .collect();
    let relevant = |event: &notify::Event| {
        matches!(
            event.kind,
            EventKind::Create(_) | EventKind::Modify(_) | EventKind::Remove(_)
        ) && event
            .paths
            .iter()
            .any(|p| files.contains(p) || dirs.iter().any(|d| p.starts_with(d)))
    };
    let terminal = std::io::stdout().is_terminal();
    loop {
        if terminal {
            // Clear the screen and the scroll-back, cursor home.
            print!("\x1b[2J\x1b[3J\x1b[H");
            let _ = std::io::stdout().flush();
        }
        once();
        eprintln!("watching for changes (Ctrl-C to stop)");
        loop {
            match rx.recv() {
                Ok(Ok(event)) if relevant(&event) => break,
                Ok(_) => {}
                Err(_) => return fail("the file watcher stopped"),
            }
        }
        while rx.recv_timeout(SETTLE).is_ok() {}
    }
}
