//! Review over HTTP: `POST /entities/{id}/review` records a decision (with a
//! bearer token), `GET /entities/{id}/history` lists them, and `POST
//! /sources` adds a text to review (with the same token).

use std::collections::BTreeMap;
use std::sync::Arc;

use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Deserialize;

use super::body::{json_body, read_body, require_content_type, run_blocking};
use super::error::ApiError;
use super::params::Params;
use super::{AppState, DataVersion};
use crate::review::{self, Decision, NewDecision};

/// The largest review body.
const MAX_REVIEW_BODY: usize = 64 << 10;

/// A decision as sent.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct DecisionBody {
    decision: Decision,
    reviewer: String,
    #[serde(default)]
    note: Option<String>,
    /// Field → value, for an edit.
    #[serde(default)]
    set: BTreeMap<String, String>,
}

/// `POST /entities/{id}/review`: records one decision, then answers with
/// the event and the designation's review as screening now sees it.
pub async fn decide(
    State(state): State<Arc<AppState>>,
    Path(id): Path<String>,
    uri: Uri,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    let sent: DecisionBody = authorized_json(&state, &uri, &headers, body, MAX_REVIEW_BODY).await?;
    let catalog = state.catalog();
    if !catalog.registry.designations.iter().any(|designation| designation.id == id) {
        return Err(if catalog.positions(&id).is_empty() {
            ApiError::not_found(format!("no extracted designation has the id {id:?}"))
        } else {
            ApiError::new(
                StatusCode::CONFLICT,
                "not_reviewable",
                format!(
                    "{id:?} is an official list entry; only extracted designations are reviewed"
                ),
            )
        });
    }
    let decision = NewDecision {
        entity_id: id.clone(),
        decision: sent.decision,
        changes: sent.set,
        reviewer: sent.reviewer,
        note: sent.note.filter(|note| !note.trim().is_empty()),
    };
    let (event, catalog) = state.record_review(decision).await?;
    let review = catalog.reviews.get(&id).cloned().unwrap_or_default();
    let answer = serde_json::json!({
        "event": event,
        "review": review,
        "data": DataVersion::of(&catalog),
    });
    Ok((StatusCode::CREATED, Json(answer)).into_response())
}

/// `GET /entities/{id}/history`: every decision on a designation, oldest
/// first, including one no longer in the registry (`orphaned: true`).
pub async fn history(
    State(state): State<Arc<AppState>>,
    Path(id): Path<String>,
    uri: Uri,
) -> Result<Response, ApiError> {
    Params::parse(uri.query(), &[])?;
    let catalog = state.catalog();
    let known = catalog.registry.designations.iter().any(|designation| designation.id == id);
    let data = state.data_folder().to_path_buf();
    let lookup = id.clone();
    let events = run_blocking(move || match review::ReviewStore::open_existing(&data)? {
        Some(store) => store.history(&lookup),
        None => Ok(Vec::new()),
    })
    .await?
    .map_err(|error| ApiError::internal(error.to_string()))?;
    if !known && events.is_empty() {
        return Err(ApiError::not_found(format!("no extracted designation has the id {id:?}")));
    }
    let answer = serde_json::json!({
        "id": id,
        "orphaned": !known,
        "events": events,
        "data": DataVersion::of(&catalog),
    });
    Ok(([(header::CACHE_CONTROL, "no-store")], Json(answer)).into_response())
}

/// The largest text `POST /sources` takes, in bytes of its JSON body.
const MAX_SOURCE_BODY: usize = 4 << 20;

/// A text as sent to `POST /sources`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SourceBody {
    name: String,
    text: String,
}

/// `POST /sources`: saves a text under `DATA/sources/`, extracts it, writes
/// the registry and swaps the catalog; answers 201 with the designations
/// and batches it added (pending review).
pub async fn add_source(
    State(state): State<Arc<AppState>>,
    uri: Uri,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    let sent: SourceBody = authorized_json(&state, &uri, &headers, body, MAX_SOURCE_BODY).await?;
    let (added, catalog) = state.add_source(sent.name, sent.text).await?;
    let answer = serde_json::json!({
        "source": added.path.file_name().map(|name| name.to_string_lossy().into_owned()),
        "designations": added.designations,
        "batches": added.batches,
        "data": DataVersion::of(&catalog),
    });
    Ok((StatusCode::CREATED, Json(answer)).into_response())
}

/// The JSON body of a write: no query parameters, the review token, a JSON
/// content type and at most `max` bytes.
async fn authorized_json<T: serde::de::DeserializeOwned>(
    state: &AppState,
    uri: &Uri,
    headers: &HeaderMap,
    body: Body,
    max: usize,
) -> Result<T, ApiError> {
    Params::parse(uri.query(), &[])?;
    state.authorize_review(headers)?;
    require_content_type(headers, &["application/json"])?;
    let bytes = read_body(body, max, state.config().body_timeout).await?;
    json_body(&bytes)
}
