//! Waiting for a child process with the kernel's own accounting of it
//! (`wait4`): its exit status and resource usage (CPU times, peak memory),
//! which std's `wait` does not give. Shared by the benchmarks.

use std::process::Child;

/// Waits for `child` and returns its raw wait status and resource usage.
pub fn reap(child: Child) -> (i32, libc::rusage) {
    let pid = libc::pid_t::try_from(child.id()).expect("a pid");
    let mut status = 0;
    // SAFETY: wait4 reaps our own child and writes only the two values it
    // is given; `child` is not waited for again (dropping it does not wait).
    let usage = unsafe {
        let mut usage: libc::rusage = std::mem::zeroed();
        let reaped = libc::wait4(pid, &mut status, 0, &mut usage);
        assert_eq!(reaped, pid, "wait4 failed");
        usage
    };
    (status, usage)
}
