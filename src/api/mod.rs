//! The HTTP API (axum on tokio): lookups and screening over the catalog.
//!
//! [`router`] maps the routes of `api.md` to handlers ([`entities`],
//! [`screening`]) behind the shared limits: a request timeout, a cap on
//! requests in flight past which requests are refused with 503, and body
//! limits. [`serve`] runs the accept loop: a cap on open connections, a
//! timeout for request headers (slow clients), and graceful shutdown that
//! finishes the requests in flight.

mod body;
pub mod entities;
pub mod error;
pub mod pages;
pub mod params;
pub mod review;
pub mod screening;
pub mod stream;

use std::future::Future;
use std::path::PathBuf;
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

use axum::body::Body;
use axum::error_handling::HandleErrorLayer;
use axum::extract::State;
use axum::http::{header, HeaderMap, HeaderValue, Method, Request, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{BoxError, Json, Router};
use chrono::NaiveDate;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use serde::Serialize;
use tokio::io::AsyncWriteExt;
use tokio::net::TcpListener;
use tokio::sync::{watch, OwnedSemaphorePermit, Semaphore};
use tower::ServiceBuilder;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::cors::{AllowOrigin, CorsLayer};
use tower_http::trace::TraceLayer;

use crate::catalog::{Catalog, SourceVersion};
use crate::review::{Event, NewDecision, ReviewStore};
use error::ApiError;

/// Limits and settings of a server.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    /// Requests handled at once; more are refused with 503 `overloaded`.
    pub max_in_flight: usize,
    /// Open connections; past this a new connection gets 503 and is closed.
    pub max_connections: usize,
    /// The longest a request may take until its answer starts (503
    /// `timeout`); a streamed answer may go on after it.
    pub request_timeout: Duration,
    /// The longest a client may take to send a JSON body, or between two
    /// pieces of a streamed CSV body (408).
    pub body_timeout: Duration,
    /// The largest `POST /screen/csv` body, in bytes (413).
    pub max_csv_bytes: u64,
    /// `POST /screen/csv` screenings running at once (each uses every
    /// core); more are refused with 503 `overloaded`.
    pub max_csv_jobs: usize,
    /// The longest a client may take to send a request's headers; the
    /// connection is closed after it.
    pub header_timeout: Duration,
    /// How long shutdown waits for requests in flight.
    pub shutdown_grace: Duration,
    /// Origins allowed by CORS: none, some, or `*` for any.
    pub cors_origins: Vec<String>,
    /// Judge statuses on this day instead of today (the catalog then stays
    /// as loaded).
    pub as_of: Option<NaiveDate>,
    /// The bearer token review decisions need; without one, decisions are
    /// refused (403).
    pub review_token: Option<ReviewToken>,
    /// How often the data folder is checked for a changed registry, list or
    /// review database (written by another process); a change swaps in a
    /// new catalog.
    pub watch_every: Duration,
    /// How often every list downloaded from its publisher is asked for a
    /// newer version (as `sanctions update` does, first at start); `None`:
    /// never. The new files are then followed like any other change.
    pub refresh_every: Option<Duration>,
    /// The limits of those downloads.
    pub download_limits: crate::lists::fetch::Limits,
}

/// A secret bearer token; never printed.
#[derive(Clone, PartialEq, Eq)]
pub struct ReviewToken(String);

impl ReviewToken {
    /// The token, trimmed; `None` when empty.
    pub fn new(token: &str) -> Option<ReviewToken> {
        let token = token.trim();
        (!token.is_empty()).then(|| ReviewToken(token.to_string()))
    }

    /// Whether `given` is the token, compared in constant time.
    fn accepts(&self, given: &str) -> bool {
        constant_time_eq::constant_time_eq(self.0.as_bytes(), given.as_bytes())
    }
}

impl std::fmt::Debug for ReviewToken {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ReviewToken(..)")
    }
}

impl Default for Config {
    fn default() -> Config {
        Config {
            max_in_flight: 512,
            max_connections: 2_048,
            request_timeout: Duration::from_secs(60),
            body_timeout: Duration::from_secs(15),
            max_csv_bytes: 256 << 20,
            max_csv_jobs: 2,
            header_timeout: Duration::from_secs(10),
            shutdown_grace: Duration::from_secs(30),
            cors_origins: Vec::new(),
            as_of: None,
            review_token: None,
            watch_every: Duration::from_secs(2),
            refresh_every: None,
            download_limits: crate::lists::fetch::Limits::default(),
        }
    }
}

/// What every handler shares: the current catalog, swapped when the day
/// changes.
#[derive(Debug)]
pub struct AppState {
    data: PathBuf,
    catalog: RwLock<Arc<Catalog>>,
    config: Config,
    csv_jobs: Arc<Semaphore>,
    /// The review store, opened at the first decision; the lock also keeps
    /// decisions and catalog rebuilds one at a time.
    review_store: tokio::sync::Mutex<Option<Arc<ReviewStore>>>,
    started: Instant,
    /// The last time the data folder's change was followed, and how it went.
    last_reload: std::sync::Mutex<Option<Reload>>,
}

/// A catalog rebuilt because the data or the day changed.
#[derive(Debug, Clone, serde::Serialize)]
struct Reload {
    /// When (RFC 3339).
    at: String,
    /// Why: `changed data` or `the new day`.
    reason: &'static str,
    /// `ok`, or `failed` (the previous catalog kept serving).
    outcome: &'static str,
    /// What failed.
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<String>,
}

impl AppState {
    /// State serving `catalog`, loaded from the folder `data`.
    pub fn new(data: PathBuf, catalog: Catalog, config: Config) -> Arc<AppState> {
        Arc::new(AppState {
            data,
            catalog: RwLock::new(Arc::new(catalog)),
            csv_jobs: Arc::new(Semaphore::new(config.max_csv_jobs.max(1))),
            review_store: tokio::sync::Mutex::new(None),
            config,
            started: Instant::now(),
            last_reload: std::sync::Mutex::new(None),
        })
    }

    /// The catalog answers are computed against.
    pub fn catalog(&self) -> Arc<Catalog> {
        match self.catalog.read() {
            Ok(catalog) => Arc::clone(&catalog),
            Err(poisoned) => Arc::clone(&poisoned.into_inner()),
        }
    }

    fn replace_catalog_arc(&self, catalog: Arc<Catalog>) {
        match self.catalog.write() {
            Ok(mut current) => *current = catalog,
            Err(poisoned) => *poisoned.into_inner() = catalog,
        }
    }

    /// The limits the server runs with.
    pub fn config(&self) -> &Config {
        &self.config
    }

    /// Whether this server takes review decisions (it has a token).
    pub fn reviews_enabled(&self) -> bool {
        self.config.review_token.is_some()
    }

    /// The data folder the catalog and the review store are in.
    pub fn data_folder(&self) -> &std::path::Path {
        &self.data
    }

    /// Ok when `headers` carry the review token; 403 when the server has
    /// none, 401 when it is missing or wrong.
    pub fn authorize_review(&self, headers: &HeaderMap) -> Result<(), ApiError> {
        let Some(token) = &self.config.review_token else {
            return Err(ApiError::new(
                StatusCode::FORBIDDEN,
                "reviews_disabled",
                "this server has no review token, so it takes no decisions; start it with \
                 SANCTIONS_REVIEW_TOKEN or --review-token-file",
            ));
        };
        let given = headers
            .get(header::AUTHORIZATION)
            .and_then(|value| value.to_str().ok())
            .and_then(|value| value.strip_prefix("Bearer "));
        match given {
            Some(given) if token.accepts(given.trim()) => Ok(()),
            Some(_) => Err(ApiError::unauthorized("the bearer token is wrong")),
            None => {
                Err(ApiError::unauthorized("decisions need an Authorization: Bearer TOKEN header"))
            }
        }
    }

    /// Records `decision`, then rebuilds the catalog with it, one decision
    /// at a time: the answer's catalog already screens with it.
    pub async fn record_review(
        &self,
        decision: NewDecision,
    ) -> Result<(Event, Arc<Catalog>), ApiError> {
        let mut opened = self.review_store.lock().await;
        let store = match opened.as_ref() {
            Some(store) => Arc::clone(store),
            None => {
                let path = self.data.join(crate::review::FILE_NAME);
                let store = tokio::task::spawn_blocking(move || ReviewStore::open(&path))
                    .await
                    .map_err(|error| ApiError::internal(error.to_string()))?
                    .map_err(|error| ApiError::internal(error.to_string()))?;
                Arc::clone(opened.insert(Arc::new(store)))
            }
        };
        let current = self.catalog();
        let (event, catalog) = tokio::task::spawn_blocking(move || {
            let event = store.record(decision)?;
            let reviews = store.reviews()?;
            Ok::<_, crate::review::Error>((event, current.with_reviews(reviews)))
        })
        .await
        .map_err(|error| ApiError::internal(error.to_string()))?
        .map_err(|error| match error {
            crate::review::Error::Invalid(message) => ApiError::unprocessable("bad_field", message),
            store => ApiError::internal(store.to_string()),
        })?;
        let catalog = Arc::new(catalog);
        self.replace_catalog_arc(Arc::clone(&catalog));
        drop(opened);
        Ok((event, catalog))
    }

    /// Adds a source text (`sources::add`) and swaps in a catalog with the
    /// new registry, one at a time with review decisions.
    pub async fn add_source(
        &self,
        name: String,
        text: String,
    ) -> Result<(crate::sources::Added, Arc<Catalog>), ApiError> {
        let decisions = self.review_store.lock().await;
        let data = self.data.clone();
        let day = self.catalog().as_of;
        let (added, catalog) = tokio::task::spawn_blocking(move || {
            let added = crate::sources::add(&data, &name, &text)?;
            let catalog = Catalog::load(&data, day).map_err(|error| {
                ApiError::internal(format!("the text was added, but loading failed: {error:#}"))
            })?;
            Ok::<_, ApiError>((added, catalog))
        })
        .await
        .map_err(|error| ApiError::internal(error.to_string()))??;
        let catalog = Arc::new(catalog);
        self.replace_catalog_arc(Arc::clone(&catalog));
        drop(decisions);
        Ok((added, catalog))
    }

    /// A place for one `POST /screen/csv` screening, or 503 when all are
    /// taken.
    pub fn csv_job(&self) -> Result<OwnedSemaphorePermit, ApiError> {
        Arc::clone(&self.csv_jobs).try_acquire_owned().map_err(|_| {
            ApiError::new(
                StatusCode::SERVICE_UNAVAILABLE,
                "overloaded",
                format!(
                    "{} CSV screenings are running, the most at once; retry when one ends",
                    self.config.max_csv_jobs
                ),
            )
        })
    }
}

/// Which data an answer was computed against; every JSON answer carries it.
#[derive(Debug, Clone, Serialize)]
pub struct DataVersion<'a> {
    /// The day statuses were judged on.
    pub as_of: NaiveDate,
    /// The registry and each imported list, with versions.
    pub sources: &'a [SourceVersion],
}

impl<'a> DataVersion<'a> {
    /// The versions of `catalog`.
    pub fn of(catalog: &'a Catalog) -> DataVersion<'a> {
        DataVersion { as_of: catalog.as_of, sources: &catalog.sources }
    }
}

/// A JSON answer with the versions of the data it was computed against.
#[derive(Debug, Clone, Serialize)]
pub struct WithData<'a, T> {
    /// The answer's own fields.
    #[serde(flatten)]
    pub body: T,
    /// Which data it was computed against.
    pub data: DataVersion<'a>,
}

impl<'a, T> WithData<'a, T> {
    /// `body` computed against `catalog`.
    pub fn new(body: T, catalog: &'a Catalog) -> WithData<'a, T> {
        WithData { body, data: DataVersion::of(catalog) }
    }
}

/// `value` as a JSON answer, serialized straight into one buffer of about
/// `capacity` bytes (axum's `Json` starts at 128 bytes and grows the buffer
/// several times for a screening answer).
pub(crate) fn json_answer<T: Serialize>(value: &T, capacity: usize) -> Result<Response, ApiError> {
    let mut body = Vec::with_capacity(capacity);
    serde_json::to_writer(&mut body, value)
        .map_err(|error| ApiError::internal(format!("cannot write the answer: {error}")))?;
    Ok(([(header::CONTENT_TYPE, HeaderValue::from_static("application/json"))], body)
        .into_response())
}

/// The routes, with tracing, CORS, timeout and load shedding.
pub fn router(state: Arc<AppState>) -> Router {
    let config = state.config.clone();
    let limits = ServiceBuilder::new()
        .layer(HandleErrorLayer::new(limit_error))
        .load_shed()
        .layer(tower::limit::GlobalConcurrencyLimitLayer::new(config.max_in_flight))
        .timeout(config.request_timeout);
    let mut router = Router::new()
        .route("/", get(pages::start::start_page))
        .route("/search", get(pages::search::search_page))
        .route("/review", get(pages::review::review_page))
        .route("/static/review.js", get(pages::script))
        .route("/static/review.css", get(pages::style))
        .route("/health", get(health))
        .route("/openapi.json", get(openapi))
        .route("/entities", get(entities::list))
        .route("/entities/{id}", get(entities::one))
        .route("/entities/{id}/review", post(review::decide))
        .route("/sources", post(review::add_source))
        .route("/entities/{id}/history", get(review::history))
        .route("/authorities", get(entities::authorities))
        .route("/screen", get(screening::one).post(screening::batch))
        .route("/screen/csv", post(screening::csv))
        .fallback(no_route)
        .method_not_allowed_fallback(wrong_method)
        .with_state(state)
        .layer(limits)
        .layer(CatchPanicLayer::custom(|_: Box<dyn std::any::Any + Send>| {
            // A bug of ours, not the client's input: answer like any error.
            tracing::error!("a handler panicked");
            ApiError::internal("the server failed on this request; it is logged").into_response()
        }));
    if let Some(cors) = cors_layer(&config.cors_origins) {
        router = router.layer(cors);
    }
    router.layer(
        TraceLayer::new_for_http()
            .make_span_with(|request: &Request<Body>| {
                // The path only: query strings hold the names screened.
                tracing::info_span!("request", method = %request.method(), path = %request.uri().path())
            })
            .on_request(())
            .on_response(
                |response: &Response, latency: Duration, _span: &tracing::Span| {
                    tracing::info!(
                        status = response.status().as_u16(),
                        latency_ms = format_args!("{:.2}", latency.as_secs_f64() * 1000.0),
                        "done"
                    );
                },
            )
            .on_failure(()),
    )
}

fn cors_layer(origins: &[String]) -> Option<CorsLayer> {
    if origins.is_empty() {
        return None;
    }
    let allow_origin = if origins.iter().any(|origin| origin == "*") {
        AllowOrigin::any()
    } else {
        AllowOrigin::list(origins.iter().filter_map(|origin| HeaderValue::from_str(origin).ok()))
    };
    Some(
        CorsLayer::new()
            .allow_origin(allow_origin)
            .allow_methods([Method::GET, Method::POST])
            .allow_headers([header::CONTENT_TYPE, header::AUTHORIZATION]),
    )
}

async fn limit_error(error: BoxError) -> ApiError {
    if error.is::<tower::timeout::error::Elapsed>() {
        ApiError::new(StatusCode::SERVICE_UNAVAILABLE, "timeout", "the request took too long")
    } else if error.is::<tower::load_shed::error::Overloaded>() {
        ApiError::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "overloaded",
            "too many requests in flight; retry shortly",
        )
    } else {
        ApiError::internal(error.to_string())
    }
}

async fn no_route(method: Method, uri: Uri) -> ApiError {
    ApiError::not_found(format!("no route {method} {}; see /openapi.json", uri.path()))
}

async fn wrong_method(method: Method, uri: Uri) -> ApiError {
    ApiError::new(
        StatusCode::METHOD_NOT_ALLOWED,
        "method_not_allowed",
        format!("{} does not take {method}", uri.path()),
    )
}

async fn health(State(state): State<Arc<AppState>>, uri: Uri) -> Result<Response, ApiError> {
    params::Params::parse(uri.query(), &[])?;
    let catalog = state.catalog();
    let body = serde_json::json!({
        "status": "ok",
        "version": env!("CARGO_PKG_VERSION"),
        "uptime_seconds": state.started.elapsed().as_secs(),
        "entities": catalog.entities().len(),
        "spellings": catalog.screener.spelling_count(),
        "last_reload": state.last_reload.lock().ok().and_then(|reload| reload.clone()),
        "refresh": crate::lists::update::statuses(&state.data),
        "data": DataVersion::of(&catalog),
    });
    Ok(Json(body).into_response())
}

async fn openapi() -> Response {
    ([(header::CONTENT_TYPE, "application/json")], include_str!("openapi.json")).into_response()
}

/// Serves `router(state)` on `listener` until `shutdown` completes, then
/// stops accepting and waits up to `shutdown_grace` for open requests.
pub async fn serve(
    listener: TcpListener,
    state: Arc<AppState>,
    shutdown: impl Future<Output = ()>,
) -> std::io::Result<()> {
    let config = state.config.clone();
    tokio::spawn(follow_data(Arc::clone(&state)));
    if let Some(every) = config.refresh_every {
        tokio::spawn(refresh_lists(state.data.clone(), every, config.download_limits.clone()));
    }
    let service = TowerToHyperService::new(router(state));
    let connections = Arc::new(Semaphore::new(config.max_connections));
    let (stop, stopping) = watch::channel(false);
    tokio::pin!(shutdown);
    loop {
        let (mut stream, _peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                Err(error) => {
                    // Out of file descriptors and the like: wait, do not spin.
                    tracing::warn!(%error, "accept failed");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let Ok(permit) = Arc::clone(&connections).try_acquire_owned() else {
            tokio::spawn(async move {
                let _ = stream.write_all(&too_many_connections()).await;
                let _ = stream.shutdown().await;
            });
            continue;
        };
        let service = service.clone();
        let mut stopping = stopping.clone();
        let header_timeout = config.header_timeout;
        tokio::spawn(async move {
            let mut builder = hyper::server::conn::http1::Builder::new();
            builder.timer(TokioTimer::new()).header_read_timeout(header_timeout);
            let connection = builder.serve_connection(TokioIo::new(stream), service);
            tokio::pin!(connection);
            let stop_asked = async {
                // An error means the sender is gone, which is also a stop.
                let _ = stopping.wait_for(|stop| *stop).await;
            };
            tokio::select! {
                _ = connection.as_mut() => {}
                () = stop_asked => {
                    connection.as_mut().graceful_shutdown();
                    let _ = connection.as_mut().await;
                }
            }
            drop(permit);
        });
    }
    drop(listener);
    let _ = stop.send(true);
    let open = u32::try_from(config.max_connections).unwrap_or(u32::MAX);
    if tokio::time::timeout(config.shutdown_grace, connections.acquire_many(open)).await.is_err() {
        tracing::warn!("shutdown: requests still open after {:?}, closing", config.shutdown_grace);
    }
    Ok(())
}

/// The answer to a connection over the cap, written before closing it.
fn too_many_connections() -> Vec<u8> {
    let error = ApiError::new(
        StatusCode::SERVICE_UNAVAILABLE,
        "overloaded",
        "too many open connections; retry shortly",
    );
    let body = serde_json::to_string(&error).unwrap_or_default();
    format!(
        "HTTP/1.1 503 Service Unavailable\r\ncontent-type: application/json\r\n\
         content-length: {}\r\nconnection: close\r\n\r\n{body}",
        body.len()
    )
    .into_bytes()
}

/// Rebuilds the catalog when its data changes (an import, `extract` or a
/// review decision by another process: the files' sizes and modification
/// times are compared every [`Config::watch_every`]) and when the day
/// changes, so registry statuses (which depend on the day) stay true on a
/// server that runs for weeks. Requests in flight finish on the catalog
/// they started with; a failed rebuild keeps the old one.
async fn follow_data(state: Arc<AppState>) {
    let mut ticks = tokio::time::interval(state.config.watch_every);
    ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    let data = state.data.clone();
    let mut seen = data_fingerprint(&data);
    loop {
        ticks.tick().await;
        let day = state.config.as_of.unwrap_or_else(|| chrono::Local::now().date_naive());
        let fingerprint = data_fingerprint(&data);
        let new_day = state.catalog().as_of != day;
        if fingerprint == seen && !new_day {
            continue;
        }
        let folder = data.clone();
        // No decision lands between the load and the swap.
        let decisions = state.review_store.lock().await;
        let reason = if new_day { "the new day" } else { "changed data" };
        let failure = match tokio::task::spawn_blocking(move || Catalog::load(&folder, day)).await {
            Ok(Ok(catalog)) => {
                tracing::info!(%day, entities = catalog.entities().len(), "catalog rebuilt for {reason}");
                state.replace_catalog_arc(Arc::new(catalog));
                None
            }
            Ok(Err(error)) => {
                tracing::error!("catalog rebuild failed, keeping the old one: {error:#}");
                Some(format!("{error:#}"))
            }
            Err(error) => {
                tracing::error!("catalog rebuild failed: {error}");
                Some(error.to_string())
            }
        };
        seen = fingerprint; // tried once; the next change tries again
        if let Ok(mut last) = state.last_reload.lock() {
            *last = Some(Reload {
                at: chrono::Local::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
                reason,
                outcome: if failure.is_none() { "ok" } else { "failed" },
                error: failure,
            });
        }
        drop(decisions);
    }
}

/// Runs `sanctions update` now and then every `every`, off the async
/// threads; each list's outcome is logged (and recorded for `/health`), and
/// a failure leaves the last good list serving.
async fn refresh_lists(data: PathBuf, every: Duration, limits: crate::lists::fetch::Limits) {
    let mut ticks = tokio::time::interval(every);
    ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        ticks.tick().await;
        let folder = data.clone();
        let limits = limits.clone();
        let updated = tokio::task::spawn_blocking(move || {
            crate::lists::update::update(&folder, &limits, &[])
        })
        .await;
        let reports = match updated {
            Ok(Ok(reports)) => reports,
            Ok(Err(error)) => {
                tracing::error!("list refresh failed: {error}");
                continue;
            }
            Err(error) => {
                tracing::error!("list refresh failed: {error}");
                continue;
            }
        };
        for report in reports {
            match &report.outcome {
                crate::lists::update::Outcome::Unchanged => {
                    tracing::info!(source = %report.source, "list refresh: unchanged");
                }
                crate::lists::update::Outcome::Updated { diff, .. } => tracing::info!(
                    source = %report.source,
                    added = diff.added.len(),
                    removed = diff.removed.len(),
                    changed = diff.changed.len(),
                    "list refresh: updated"
                ),
                crate::lists::update::Outcome::Failed { error } => tracing::error!(
                    source = %report.source,
                    "list refresh failed, the last good list keeps serving: {error}"
                ),
            }
        }
    }
}

/// Size and modification time of every file a catalog is built from:
/// `registry.json`, `lists/*.json` and the review database (with its WAL).
fn data_fingerprint(data: &std::path::Path) -> Vec<(PathBuf, u64, Option<std::time::SystemTime>)> {
    let mut files = vec![
        data.join("registry.json"),
        data.join("reviews.sqlite"),
        data.join("reviews.sqlite-wal"),
    ];
    if let Ok(entries) = std::fs::read_dir(crate::lists::folder(data)) {
        files.extend(
            entries
                .flatten()
                .map(|entry| entry.path())
                .filter(|path| path.extension().is_some_and(|extension| extension == "json")),
        );
    }
    files.sort();
    files
        .into_iter()
        .filter_map(|path| {
            let metadata = std::fs::metadata(&path).ok()?;
            Some((path, metadata.len(), metadata.modified().ok()))
        })
        .collect()
}

/// Resolves on Ctrl-C or SIGTERM.
pub async fn shutdown_signal() {
    let interrupt = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = interrupt => {},
        () = terminate => {},
    }
    tracing::info!("shutting down: finishing requests in flight");
}
