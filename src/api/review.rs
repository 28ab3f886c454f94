//! Review over HTTP: `POST /entities/{id}/review` records a decision (with a
//! bearer token), `GET /entities/{id}/history` lists them.

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
    Params::parse(uri.query(), &[])?;
    state.authorize_review(&headers)?;
    require_content_type(&headers, &["application/json"])?;
    let bytes = read_body(body, MAX_REVIEW_BODY, state.config().body_timeout).await?;
    let sent: DecisionBody = json_body(&bytes)?;
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
