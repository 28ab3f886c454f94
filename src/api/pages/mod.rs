//! The HTML pages: the start page (`GET /`, [`start`]), the analyst's
//! search page (`GET /search`, [`search`]) and the review page (`GET
//! /review`, [`review`]), one module each, with what they share here: the
//! answer with its strict Content-Security-Policy, the page head, and the
//! static style sheet and script. Every text shown is escaped.

pub mod review;
pub mod search;
pub mod start;

use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};
use html_escape::encode_text as text;

/// What the page's scripts and styles may do: only what this server sends.
const CONTENT_SECURITY_POLICY: &str = "default-src 'none'; script-src 'self'; \
     style-src 'self'; connect-src 'self'; img-src 'self' data:; form-action 'self'; \
     base-uri 'none'; frame-ancestors 'none'";

/// A page as an answer: HTML with the strict Content-Security-Policy, not
/// cached, not sniffed.
pub(super) fn html_response(html: String) -> Response {
    let mut response = ([(header::CONTENT_TYPE, "text/html; charset=utf-8")], html).into_response();
    let headers = response.headers_mut();
    headers
        .insert(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static(CONTENT_SECURITY_POLICY));
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert("x-content-type-options", HeaderValue::from_static("nosniff"));
    response
}

/// `GET /static/review.js`.
pub async fn script() -> Response {
    static_file("text/javascript; charset=utf-8", include_str!("../static/review.js"))
}

/// `GET /static/review.css`.
pub async fn style() -> Response {
    static_file("text/css; charset=utf-8", include_str!("../static/review.css"))
}

fn static_file(content_type: &'static str, body: &'static str) -> Response {
    (
        [
            (header::CONTENT_TYPE, content_type),
            (header::CACHE_CONTROL, "no-cache"),
            (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        ],
        body,
    )
        .into_response()
}

/// A page's head, with the style sheet and no script.
pub(super) fn head(title: &str) -> String {
    format!(
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{}</title><link rel=\"stylesheet\" href=\"/static/review.css\"></head><body>\n",
        text(title)
    )
}
