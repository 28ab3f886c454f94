//! `sanctions serve`: the HTTP API until Ctrl-C or SIGTERM.

use std::io::{self, IsTerminal};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::{bail, Context};
use chrono::NaiveDate;
use clap::Args;

use super::{no_registry_note, today};
use crate::api;
use crate::catalog::Catalog;

/// Arguments of `sanctions serve`.
#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Address to listen on (port 0 picks a free port).
    #[arg(long, default_value = "127.0.0.1:8080")]
    pub addr: SocketAddr,
    /// Requests handled at once; more are refused with 503.
    #[arg(long, default_value_t = 512)]
    pub max_in_flight: usize,
    /// Open connections; more are refused with 503.
    #[arg(long, default_value_t = 2048)]
    pub max_connections: usize,
    /// Seconds a request may take until its answer starts.
    #[arg(long, default_value_t = 60)]
    pub request_timeout: u64,
    /// The largest POST /screen/csv body, in MiB.
    #[arg(long, default_value_t = 256)]
    pub max_csv_mib: u64,
    /// POST /screen/csv screenings at once; more are refused with 503.
    #[arg(long, default_value_t = 2)]
    pub max_csv_jobs: usize,
    /// Origin allowed to call the API from a browser (repeat for several; `*` for any).
    #[arg(long = "cors-origin")]
    pub cors_origins: Vec<String>,
    /// Judge statuses on this day (YYYY-MM-DD) instead of today.
    #[arg(long)]
    pub as_of: Option<NaiveDate>,
    /// A file holding the bearer token review decisions need (else the
    /// SANCTIONS_REVIEW_TOKEN variable; with neither, decisions are refused).
    #[arg(long)]
    pub review_token_file: Option<PathBuf>,
    /// Download every list imported from a URL again at start and then this
    /// often (e.g. 6h, 30m), as `sanctions update` does.
    #[arg(long, value_parser = humantime::parse_duration)]
    pub refresh_every: Option<Duration>,
    /// Limits of those downloads.
    #[command(flatten)]
    pub download: super::import::DownloadArgs,
}

/// Loads the catalog and serves the HTTP API until a shutdown signal.
pub fn run(data: &Path, args: &ServeArgs) -> anyhow::Result<()> {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info")),
        )
        .with_writer(io::stderr)
        .with_ansi(io::stderr().is_terminal())
        .init();
    let started = std::time::Instant::now();
    let as_of = args.as_of.unwrap_or_else(today);
    let catalog = Catalog::load(data, as_of)?;
    if catalog.registry_missing() {
        tracing::warn!("{}", no_registry_note(data));
    }
    let entities = catalog.entities().len();
    let config = api::Config {
        max_in_flight: args.max_in_flight.max(1),
        max_connections: args.max_connections.max(1),
        request_timeout: Duration::from_secs(args.request_timeout.max(1)),
        max_csv_bytes: args.max_csv_mib.max(1) << 20,
        max_csv_jobs: args.max_csv_jobs.max(1),
        cors_origins: args.cors_origins.clone(),
        as_of: args.as_of,
        review_token: review_token(args)?,
        refresh_every: args.refresh_every.map(|every| every.max(Duration::from_secs(1))),
        download_limits: args.download.limits(),
        ..api::Config::default()
    };
    if config.review_token.is_none() {
        tracing::warn!(
            "no review token (SANCTIONS_REVIEW_TOKEN or --review-token-file): review decisions are refused with 403"
        );
    }
    for id in &catalog.orphaned_reviews {
        tracing::warn!("decisions kept for {id}, which is no longer in the registry");
    }
    let state = api::AppState::new(data.to_path_buf(), catalog, config);
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build()?;
    runtime.block_on(async {
        let listener = tokio::net::TcpListener::bind(args.addr)
            .await
            .with_context(|| format!("cannot listen on {}", args.addr))?;
        let addr = listener.local_addr()?;
        tracing::info!(
            "listening on http://{addr} ({entities} entities, loaded in {} ms)",
            started.elapsed().as_millis()
        );
        api::serve(listener, state, api::shutdown_signal()).await?;
        tracing::info!("stopped");
        anyhow::Ok(())
    })
}

/// The review token from `--review-token-file` or `SANCTIONS_REVIEW_TOKEN`.
fn review_token(args: &ServeArgs) -> anyhow::Result<Option<api::ReviewToken>> {
    match &args.review_token_file {
        Some(path) => {
            let text = std::fs::read_to_string(path)
                .with_context(|| format!("cannot read the review token file {}", path.display()))?;
            match api::ReviewToken::new(&text) {
                Some(token) => Ok(Some(token)),
                None => bail!("the review token file {} is empty", path.display()),
            }
        }
        None => Ok(std::env::var("SANCTIONS_REVIEW_TOKEN")
            .ok()
            .and_then(|token| api::ReviewToken::new(&token))),
    }
}
