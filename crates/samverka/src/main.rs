//! `samverka`: the one binary. Serves the web application and the API, fills
//! a demo county, migrates, manages accounts, exports and imports.

mod cli;
mod commands;
mod export_round;
mod instruments;

use clap::Parser;

/// mimalloc instead of glibc's malloc: a server busy with survey pages
/// spent a fifth of its time in glibc's allocator, which serves many
/// threads' small allocations poorly.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    let cli = cli::Cli::parse();
    let filter = tracing_subscriber::EnvFilter::try_from_env("SAMVERKA_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info,sqlx=warn,tower_http=info"));
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .init();
    let runtime = match tokio::runtime::Builder::new_multi_thread().enable_all().build() {
        Ok(r) => r,
        Err(e) => {
            eprintln!("samverka: cannot start: {e}");
            return std::process::ExitCode::FAILURE;
        }
    };
    match runtime.block_on(commands::run(cli)) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("samverka: {e:#}");
            std::process::ExitCode::FAILURE
        }
    }
}
