//! Request bodies: media type, size and time limits, JSON with the path of
//! a bad field, and running CPU-bound work off the async workers.

use std::time::Duration;

use axum::body::{Body, Bytes};
use axum::http::{header, HeaderMap, StatusCode};
use serde::de::DeserializeOwned;

use super::error::ApiError;

/// 415 unless the body's media type is one of `accepted`.
pub(super) fn require_content_type(headers: &HeaderMap, accepted: &[&str]) -> Result<(), ApiError> {
    let given = headers
        .get(header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .map(|value| value.split(';').next().unwrap_or_default().trim().to_ascii_lowercase());
    match given {
        Some(media) if accepted.contains(&media.as_str()) => Ok(()),
        _ => Err(ApiError::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
            format!(
                "send the body with Content-Type {} (got {})",
                accepted.join(" or "),
                given.as_deref().unwrap_or("none")
            ),
        )),
    }
}

/// The whole body, at most `limit` bytes (413) and within `timeout` (408).
pub(super) async fn read_body(
    body: Body,
    limit: usize,
    timeout: Duration,
) -> Result<Bytes, ApiError> {
    let reading = axum::body::to_bytes(body, limit);
    match tokio::time::timeout(timeout, reading).await {
        Err(_) => Err(ApiError::new(
            StatusCode::REQUEST_TIMEOUT,
            "request_timeout",
            format!("the body did not arrive within {} s", timeout.as_secs()),
        )),
        Ok(Ok(bytes)) => Ok(bytes),
        Ok(Err(error)) => {
            let too_large = std::error::Error::source(&error)
                .is_some_and(|source| source.is::<http_body_util::LengthLimitError>());
            if too_large {
                Err(ApiError::too_large(format!("the body is over the limit of {limit} bytes")))
            } else {
                Err(ApiError::new(
                    StatusCode::BAD_REQUEST,
                    "bad_body",
                    format!("cannot read the body: {error}"),
                ))
            }
        }
    }
}

/// `bytes` as JSON of type `T`; 422 `malformed_json` naming the field at
/// fault (such as `queries[0].kind`).
pub(super) fn json_body<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, ApiError> {
    serde_path_to_error::deserialize(&mut serde_json::Deserializer::from_slice(bytes)).map_err(
        |error| {
            let at = error.path().to_string();
            let at = if at == "." { String::new() } else { format!(" at {at}") };
            ApiError::unprocessable("malformed_json", format!("{}{at}", error.into_inner()))
        },
    )
}

/// Runs CPU-bound work off the async workers.
pub(super) async fn run_blocking<T: Send + 'static>(
    work: impl FnOnce() -> T + Send + 'static,
) -> Result<T, ApiError> {
    tokio::task::spawn_blocking(work)
        .await
        .map_err(|error| ApiError::internal(format!("screening failed: {error}")))
}
