//! Errors as the API answers them: a status and `{"error": code, "message": ...}`.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Serialize;

/// An error answer. `code` is stable and documented in `api.md`; `message`
/// is for people and names the parameter, field or limit at fault.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ApiError {
    /// HTTP status.
    #[serde(skip)]
    pub status: StatusCode,
    /// Stable machine-readable code, such as `bad_parameter`.
    #[serde(rename = "error")]
    pub code: &'static str,
    /// What went wrong, for people.
    pub message: String,
}

impl ApiError {
    /// Any status and code.
    pub fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> ApiError {
        ApiError { status, code, message: message.into() }
    }

    /// 401: the request needs a bearer token it does not carry.
    pub fn unauthorized(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::UNAUTHORIZED, "unauthorized", message)
    }

    /// 400: a query parameter is missing, unknown or has a bad value.
    pub fn bad_parameter(name: &str, problem: impl std::fmt::Display) -> ApiError {
        ApiError::new(
            StatusCode::BAD_REQUEST,
            "bad_parameter",
            format!("parameter {name}: {problem}"),
        )
    }

    /// 404: no such entity or route.
    pub fn not_found(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::NOT_FOUND, "not_found", message)
    }

    /// 413: a body or batch over its limit.
    pub fn too_large(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::PAYLOAD_TOO_LARGE, "too_large", message)
    }

    /// 422: the body is well-formed HTTP but cannot be used.
    pub fn unprocessable(code: &'static str, message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, code, message)
    }

    /// 500: a fault of the server's own.
    pub fn internal(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, "internal", message)
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        (self.status, Json(&self)).into_response()
    }
}

impl From<crate::sources::AddError> for ApiError {
    fn from(error: crate::sources::AddError) -> ApiError {
        use crate::sources::AddError;
        let message = error.to_string();
        match error {
            AddError::BadName(..) => ApiError::new(StatusCode::BAD_REQUEST, "bad_name", message),
            AddError::Empty => ApiError::new(StatusCode::BAD_REQUEST, "empty_text", message),
            AddError::Exists(..) => ApiError::new(StatusCode::CONFLICT, "exists", message),
            AddError::Store(_) | AddError::Io { .. } => ApiError::internal(message),
        }
    }
}
