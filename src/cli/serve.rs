//! `article7 serve`: binds, says where, and runs `article7::serve`.

use super::catalogue::Lang;
use super::{fail, EXIT_OK};
use clap::Args;
use std::io::Write;
use std::net::SocketAddr;
use std::time::Duration;

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Address to listen on (port 0: any free port). Loopback by default;
    /// to serve others, put it behind a reverse proxy (docs/serve.md).
    #[arg(long, default_value = "127.0.0.1:8077", value_name = "IP:PORT")]
    addr: SocketAddr,
    /// Language of the page when the browser asks for none of en/fr/es.
    #[arg(long, value_parser = super::values::lang(), default_value = "en")]
    lang: Lang,
    /// Largest request accepted: bytes, or with a unit (`500k`, `20MB`).
    #[arg(long, default_value = "20MB", value_name = "SIZE", value_parser = parse_size)]
    max_upload: usize,
    /// Longest a request may take, in seconds.
    #[arg(long, default_value_t = 30, value_name = "SECONDS")]
    timeout: u64,
    /// Worker threads for validation (default: all cores); also the number
    /// of validations run at once.
    #[arg(short, long, value_name = "N")]
    jobs: Option<usize>,
}

/// `20MB`, `20M`, `512k`, `1000` (bytes); units are powers of 1024.
fn parse_size(s: &str) -> Result<usize, String> {
    let lower = s.trim().to_ascii_lowercase();
    let digits: String = lower.chars().take_while(|c| c.is_ascii_digit()).collect();
    let unit = lower[digits.len()..].trim();
    let n: usize = digits
        .parse()
        .map_err(|_| format!("`{s}` is not a size such as 20MB"))?;
    let factor = match unit {
        "" | "b" => 1,
        "k" | "kb" => 1024,
        "m" | "mb" => 1024 * 1024,
        "g" | "gb" => 1024 * 1024 * 1024,
        _ => return Err(format!("`{s}`: the unit must be k, MB or GB")),
    };
    n.checked_mul(factor)
        .filter(|n| *n > 0)
        .ok_or_else(|| format!("`{s}` is not a usable size"))
}

pub fn run(args: ServeArgs) -> u8 {
    if let Some(n) = args.jobs {
        if n == 0 {
            return fail("--jobs must be at least 1");
        }
        if let Err(e) = rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .build_global()
        {
            return fail(&format!("cannot start {n} worker threads: {e}"));
        }
    }
    if args.timeout == 0 {
        return fail("--timeout must be at least 1 second");
    }
    let listener = match std::net::TcpListener::bind(args.addr) {
        Ok(l) => l,
        Err(e) => return fail(&format!("cannot listen on {}: {e}", args.addr)),
    };
    let addr = match listener
        .set_nonblocking(true)
        .and_then(|_| listener.local_addr())
    {
        Ok(a) => a,
        Err(e) => return fail(&format!("cannot listen on {}: {e}", args.addr)),
    };
    if !addr.ip().is_loopback() {
        eprintln!(
            "warning: {addr} is reachable from other machines; serve others through a reverse proxy with TLS (docs/serve.md)"
        );
    }
    let config = article7::serve::Config {
        max_upload: args.max_upload,
        timeout: Duration::from_secs(args.timeout),
        max_concurrent: rayon::current_num_threads().max(1),
        lang: args.lang.code(),
    };
    // One I/O thread is plenty: the work is done on the rayon pool.
    let runtime = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(r) => r,
        Err(e) => return fail(&format!("cannot start the server: {e}")),
    };
    let result = runtime.block_on(async {
        let listener = tokio::net::TcpListener::from_std(listener)?;
        // Said once the socket accepts connections, so a script may wait
        // for this line and then connect.
        println!("article7 serve: listening on http://{addr}/");
        let _ = std::io::stdout().flush();
        article7::serve::serve(listener, article7::serve::router(config)).await
    });
    match result {
        Ok(()) => EXIT_OK,
        Err(e) => fail(&format!("the server stopped: {e}")),
    }
}

#[cfg(test)]
mod tests {
    use super::parse_size;

    #[test]
    fn sizes() {
        assert_eq!(parse_size("20MB"), Ok(20 * 1024 * 1024));
        assert_eq!(parse_size("512k"), Ok(512 * 1024));
        assert_eq!(parse_size("1000"), Ok(1000));
        assert!(parse_size("0").is_err());
        assert!(parse_size("20 parsecs").is_err());
        assert!(parse_size("").is_err());
    }
}
