//! The start page, `GET /`: the data served, and links to the search and
//! review pages.

use std::fmt::Write as _;
use std::sync::Arc;

use axum::extract::State;
use axum::response::Response;

use super::{head, html_response};
use crate::api::AppState;

/// `GET /`: links to the two pages.
pub async fn start_page(State(state): State<Arc<AppState>>) -> Response {
    let catalog = state.catalog();
    let mut page = head("sanctions registry");
    let _ = writeln!(
        page,
        "<header><h1>Sanctions registry</h1><p class=\"counts\">{} entities · data as of {}</p>\
         </header><main><ul class=\"start\">\
         <li><a href=\"/search\">Screen a name</a>: matches across scripts and spellings, \
         with the evidence for each.</li>\
         <li><a href=\"/review\">Review designations</a>: the extracted designations with \
         their sources, to accept, reject or correct.</li></ul></main></body></html>",
        catalog.entities().len(),
        catalog.as_of,
    );
    html_response(page)
}
