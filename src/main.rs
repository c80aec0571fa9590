//! The `article7` command.

mod cli;

fn main() -> std::process::ExitCode {
    cli::run()
}
