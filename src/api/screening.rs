//! Screening over HTTP: `GET /screen` for one name, `POST /screen` for a
//! JSON batch, `POST /screen/csv` for a CSV file.

use std::sync::Arc;

use axum::body::Body;
use axum::extract::State;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::body::{json_body, read_body, require_content_type, run_blocking};
use super::error::ApiError;
use super::params::Params;
use super::{json_answer, stream, AppState, DataVersion, WithData};
use crate::bulk;
use crate::catalog::Catalog;
use crate::model::EntityKind;
use crate::screen::{Answer, Match, Query, DEFAULT_LIMIT, DEFAULT_THRESHOLD};

/// The most matches one query may ask for.
pub const MAX_LIMIT: usize = 100;
/// The most queries in one `POST /screen` batch.
pub const MAX_BATCH: usize = 1_000;
/// Names up to this many characters are screened on the async worker.
const INLINE_NAME_CHARS: usize = 120;
/// The largest `POST /screen` body.
pub const MAX_JSON_BODY: usize = 1 << 20;

/// `GET /screen?name=&kind=&threshold=&limit=`.
pub async fn one(State(state): State<Arc<AppState>>, uri: Uri) -> Result<Response, ApiError> {
    let params =
        Params::parse(uri.query(), &["name", "kind", "threshold", "limit", "include_rejected"])?;
    let name = params.get("name").ok_or_else(|| {
        ApiError::bad_parameter("name", "missing: give the name to screen, as name=...")
    })?;
    let kind = params.parsed("kind", "person, organization, vessel or aircraft")?;
    let threshold = params.threshold(DEFAULT_THRESHOLD)?;
    let limit = params.count("limit", DEFAULT_LIMIT, MAX_LIMIT)?;
    let include_rejected = params.flag("include_rejected")?;
    let catalog = state.catalog();
    let answer = move |name: &str| {
        let query = Query { name, kind, threshold, limit, include_rejected };
        let matches = catalog
            .screener
            .screen(&query)
            .map_err(|error| ApiError::bad_parameter("name", error))?;
        // The benchmark's 2,000 names: a median of 600 bytes a match and
        // under 350 for the rest; 27 answers outgrow this and grow once.
        let capacity = 512 + 1024 * matches.len();
        let answer = Answer { query: name, kind, threshold, limit, matches };
        json_answer(&WithData::new(answer, &catalog), capacity)
    };
    // Names of usual length are screened right here (well under a
    // millisecond: handing them to another thread costs more in the tail
    // than it saves). A long name can take tens of milliseconds, so it goes
    // to the blocking pool and the async workers stay free.
    if name.chars().count() <= INLINE_NAME_CHARS {
        answer(name)
    } else {
        let name = name.to_string();
        run_blocking(move || answer(&name)).await?
    }
}

/// The body of `POST /screen`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Batch {
    queries: Vec<BatchQuery>,
    #[serde(default)]
    kind: Option<EntityKind>,
    #[serde(default)]
    threshold: Option<f32>,
    #[serde(default)]
    limit: Option<usize>,
}

/// One query of a batch; unset fields take the batch's values.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct BatchQuery {
    /// The client's id for the query, echoed back as given.
    #[serde(default)]
    id: Option<Value>,
    name: String,
    #[serde(default)]
    kind: Option<EntityKind>,
    #[serde(default)]
    threshold: Option<f32>,
    #[serde(default)]
    limit: Option<usize>,
}

/// One result of a batch: matches, or why the name could not be screened.
#[derive(Debug, Serialize)]
struct BatchResult<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<&'a Value>,
    query: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    matches: Option<Vec<Match<'a>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<ApiError>,
}

/// `POST /screen`: a JSON batch of up to [`MAX_BATCH`] queries.
pub async fn batch(
    State(state): State<Arc<AppState>>,
    uri: Uri,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    Params::parse(uri.query(), &[])?;
    require_content_type(&headers, &["application/json"])?;
    let bytes = read_body(body, MAX_JSON_BODY, state.config().body_timeout).await?;
    let batch: Batch = json_body(&bytes)?;
    if batch.queries.len() > MAX_BATCH {
        return Err(ApiError::too_large(format!(
            "{} queries in one batch; the limit is {MAX_BATCH}",
            batch.queries.len()
        )));
    }
    let settings = resolve(&batch)?;
    let catalog = state.catalog();
    let body = run_blocking(move || {
        let results: Vec<BatchResult<'_>> = batch
            .queries
            .par_iter()
            .zip(settings.par_iter())
            .map(|(asked, settings)| {
                let query = Query {
                    name: &asked.name,
                    kind: settings.kind,
                    threshold: settings.threshold,
                    limit: settings.limit,
                    include_rejected: false,
                };
                let (matches, error) = match catalog.screener.screen(&query) {
                    Ok(matches) => (Some(matches), None),
                    Err(error) => (
                        None,
                        Some(ApiError::new(
                            StatusCode::UNPROCESSABLE_ENTITY,
                            "bad_name",
                            error.to_string(),
                        )),
                    ),
                };
                BatchResult { id: asked.id.as_ref(), query: &asked.name, matches, error }
            })
            .collect();
        serde_json::to_vec(&serde_json::json!({
            "results": results,
            "data": DataVersion::of(&catalog),
        }))
    })
    .await?
    .map_err(|error| ApiError::internal(error.to_string()))?;
    Ok(([(header::CONTENT_TYPE, "application/json")], body).into_response())
}

/// How one batch query is screened, once the batch's defaults are filled in.
#[derive(Debug, Clone, Copy)]
struct Settings {
    kind: Option<EntityKind>,
    threshold: f32,
    limit: usize,
}

/// Each batch query's settings, with the batch's defaults filled in, checked.
fn resolve(batch: &Batch) -> Result<Vec<Settings>, ApiError> {
    let field_error = |at: String, problem: String| {
        ApiError::unprocessable("bad_field", format!("{at}: {problem}"))
    };
    let check_threshold = |at: String, value: f32| {
        if (0.0..=1.0).contains(&value) {
            Ok(value)
        } else {
            Err(field_error(at, format!("{value} is not a number between 0 and 1")))
        }
    };
    let check_limit = |at: String, value: usize| {
        if value <= MAX_LIMIT {
            Ok(value)
        } else {
            Err(field_error(at, format!("{value} is over the limit of {MAX_LIMIT}")))
        }
    };
    let threshold =
        check_threshold("threshold".into(), batch.threshold.unwrap_or(DEFAULT_THRESHOLD))?;
    let limit = check_limit("limit".into(), batch.limit.unwrap_or(DEFAULT_LIMIT))?;
    batch
        .queries
        .iter()
        .enumerate()
        .map(|(position, asked)| {
            Ok(Settings {
                kind: asked.kind.or(batch.kind),
                threshold: match asked.threshold {
                    Some(value) => {
                        check_threshold(format!("queries[{position}].threshold"), value)?
                    }
                    None => threshold,
                },
                limit: match asked.limit {
                    Some(value) => check_limit(format!("queries[{position}].limit"), value)?,
                    None => limit,
                },
            })
        })
        .collect()
}

/// `POST /screen/csv?column=&threshold=&kind=&delimiter=&kind_column=&country_column=&all_matches=`:
/// CSV in, CSV out,
/// both streamed: rows are screened as they arrive and written as they are
/// screened, so memory stays flat whatever the file's size.
pub async fn csv(
    State(state): State<Arc<AppState>>,
    uri: Uri,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    let params = Params::parse(
        uri.query(),
        &[
            "column",
            "threshold",
            "kind",
            "delimiter",
            "kind_column",
            "country_column",
            "all_matches",
        ],
    )?;
    let delimiter = match params.get("delimiter") {
        None => None,
        Some(",") | Some("comma") => Some(b','),
        Some(";") | Some("semicolon") => Some(b';'),
        Some("\t") | Some("tab") => Some(b'\t'),
        Some("|") | Some("pipe") => Some(b'|'),
        Some(other) => {
            return Err(ApiError::bad_parameter(
                "delimiter",
                format!("{other:?} is not one of comma, semicolon, tab, pipe"),
            ))
        }
    };
    let options = bulk::Options {
        column: params.get("column").map(str::to_string),
        delimiter,
        threshold: params.threshold(DEFAULT_THRESHOLD)?,
        kind: params.parsed("kind", "person, organization, vessel or aircraft")?,
        kind_column: params.get("kind_column").map(str::to_string),
        country_column: params.get("country_column").map(str::to_string),
        all_matches: params.flag("all_matches")?,
    };
    require_content_type(&headers, &["text/csv", "application/csv", "text/plain"])?;
    let limit = state.config().max_csv_bytes;
    let declared = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|value| value.to_str().ok()?.parse::<u64>().ok());
    if declared.is_some_and(|length| length > limit) {
        return Err(ApiError::too_large(format!("the body is over the limit of {limit} bytes")));
    }
    let (kind_column, country_column) =
        (options.kind_column.clone(), options.country_column.clone());
    let job = state.csv_job()?;
    let catalog = state.catalog();
    let version = csv_version_header(&catalog);
    let (input, body_failure) = stream::body_reader(body, limit, state.config().body_timeout);
    let (mut output, answer) = stream::chunk_writer();
    let screening = tokio::task::spawn_blocking(move || {
        let result = bulk::screen_csv(&catalog.screener, input, &mut output, &options, |_| {});
        // The place is free before the answer ends, so a client that sends
        // its next file once it has the last one is not refused.
        drop(job);
        match &result {
            // A client gone by the end has nobody to tell.
            Ok(summary) => drop(output.finish(summary_trailers(summary))),
            Err(error) => output.fail(error.to_string()),
        }
        result
    });
    let answer = match answer.start().await {
        stream::Start::Output(answer) => answer,
        stream::Start::Failed => {
            let result = screening
                .await
                .map_err(|error| ApiError::internal(format!("screening failed: {error}")))?;
            return Err(match (body_failure.get(), result) {
                (Some(failure), _) => failure.clone(),
                (None, Err(bulk::Error::NoSuchColumn { wanted, columns })) => {
                    let parameter = if Some(&wanted) == kind_column.as_ref() {
                        "kind_column"
                    } else if Some(&wanted) == country_column.as_ref() {
                        "country_column"
                    } else {
                        "column"
                    };
                    ApiError::bad_parameter(
                        parameter,
                        bulk::Error::NoSuchColumn { wanted, columns },
                    )
                }
                (None, Err(error)) => ApiError::unprocessable("bad_csv", error.to_string()),
                (None, Ok(_)) => ApiError::internal("the screening wrote nothing"),
            });
        }
    };
    let mut response = Response::new(Body::new(answer));
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static("text/csv; charset=utf-8"));
    headers.insert(header::TRAILER, HeaderValue::from_static(SUMMARY_TRAILERS));
    if let Ok(value) = HeaderValue::from_str(&version) {
        headers.insert("x-data-version", value);
    }
    Ok(response)
}

/// The trailers a `POST /screen/csv` answer ends with (to clients that send
/// `TE: trailers`).
const SUMMARY_TRAILERS: &str = "x-rows, x-matched-rows, x-error-rows";

fn summary_trailers(summary: &bulk::Summary) -> HeaderMap {
    let mut trailers = HeaderMap::new();
    for (name, value) in [
        ("x-rows", summary.rows),
        ("x-matched-rows", summary.matched),
        ("x-error-rows", summary.errors),
    ] {
        trailers.insert(name, HeaderValue::from(value));
    }
    trailers
}

/// `as_of=DAY; registry=sha256:...; ofac-sdn=sha256:...` for CSV answers,
/// which have no JSON to carry the versions in.
fn csv_version_header(catalog: &Catalog) -> String {
    let mut parts = vec![format!("as_of={}", catalog.as_of)];
    parts.extend(
        catalog.sources.iter().map(|source| format!("{}={}", source.source, source.version)),
    );
    parts.join("; ")
}
