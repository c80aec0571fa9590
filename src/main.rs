//! The `article7` command.

mod cli;

/// Validation allocates many small values (the rule engine's view of each
/// report); mimalloc serves them markedly faster than the system allocator
/// (see the throughput benchmark).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    cli::run()
}
