//! The example service: users and their notes over a layered axum API built from pact's
//! derives, on SQLite by default (nothing to install).
//!
//! ```text
//! cargo run --example service --features axum,sqlite,openapi
//! DATABASE_URL=postgres://postgres@127.0.0.1/test cargo run --example service --features axum,sqlite,openapi,postgres
//! ```
//!
//! Settings come from the environment (see `config.rs`): `PACT_SERVICE_ADDR`,
//! `DATABASE_URL`, `PACT_SERVICE_TOKEN_SECRET`, `PACT_SERVICE_ADMIN_EMAIL`, limits.

// The tests include the same module tree and use items this binary does not.
#[path = "lib.rs"]
#[allow(dead_code)]
mod service;

use service::config::Config;

#[tokio::main]
async fn main() -> std::process::ExitCode {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info,sqlx=warn"));
    tracing_subscriber::fmt().with_env_filter(filter).init();
    match run().await {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("error: {err}");
            std::process::ExitCode::FAILURE
        }
    }
}

async fn run() -> Result<(), Box<dyn std::error::Error>> {
    let config = Config::from_env()?;
    let app = service::app(&config).await?;
    let listener = tokio::net::TcpListener::bind(config.addr).await?;
    let addr = listener.local_addr()?;
    println!(
        "pact example service on http://{addr} ({} at {})",
        app.backend,
        redact(&config.database_url)
    );
    println!("try:");
    println!(
        "  curl -si http://{addr}/users -H 'content-type: application/json' -d '{{\"email\":\"ada@example.com\",\"name\":\"Ada\",\"password\":\"correct horse\"}}'"
    );
    println!(
        "  TOKEN=$(curl -s http://{addr}/auth/token -H 'content-type: application/json' -d '{{\"email\":\"ada@example.com\",\"password\":\"correct horse\"}}' | sed -E 's/.*\"access_token\":\"([^\"]+)\".*/\\1/')"
    );
    println!("  curl -si http://{addr}/users/1 -H \"authorization: Bearer $TOKEN\"");
    println!("  curl -s http://{addr}/openapi.json   # and http://{addr}/docs in a browser");
    service::serve(listener, app.router, service::shutdown_signal()).await?;
    Ok(())
}

/// The database URL without its password, for the banner.
fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme), Some(at)) if at > scheme => {
            format!("{}://…@{}", &url[..scheme], &url[at + 1..])
        }
        _ => url.to_owned(),
    }
}
