//! The analyst's page, `GET /search?name=&kind=&country=`: a search box and,
//! server-rendered (so a search is a link one can share), the matches with
//! score, matched name, entity, source, authority and programmes, status,
//! identifiers and the explanation in words. Names in any script are taken
//! as typed. Every text shown is escaped, and the page has no script at all.

use std::fmt::Write as _;
use std::sync::Arc;

use axum::extract::State;
use axum::http::Uri;
use axum::response::Response;
use html_escape::{encode_double_quoted_attribute as attribute, encode_text as text};

use super::{head, html_response};
use crate::api::error::ApiError;
use crate::api::params::Params;
use crate::api::AppState;
use crate::model::EntityKind;
use crate::screen::{Match, Query, DEFAULT_LIMIT, DEFAULT_THRESHOLD};

/// `GET /search?name=&kind=&country=`.
pub async fn search_page(
    State(state): State<Arc<AppState>>,
    uri: Uri,
) -> Result<Response, ApiError> {
    let params = Params::parse(uri.query(), &["name", "kind", "country"])?;
    let name = params.get("name").map(str::trim).unwrap_or("");
    let kind: Option<EntityKind> = match params.get("kind") {
        None | Some("") | Some("any") => None,
        Some(_) => params.parsed("kind", "person, organization, vessel, aircraft or any")?,
    };
    let country_given = params.get("country").map(str::trim).filter(|c| !c.is_empty());
    let country = country_given.and_then(crate::country::code_of_field);
    let catalog = state.catalog();

    let mut page = head("Screen a name · sanctions registry");
    let _ = write!(
        page,
        "<header><h1>Screen a name</h1><p class=\"counts\"><a href=\"/\">start</a> · \
         {} entities · data as of {}</p></header><main>",
        catalog.entities().len(),
        catalog.as_of
    );
    render_form(&mut page, name, kind, country_given.unwrap_or(""));
    if let (Some(given), None) = (country_given, country) {
        let _ = write!(
            page,
            "<p class=\"warning\">Country “{}” not understood; not used.</p>",
            text(given)
        );
    }
    if !name.is_empty() {
        let query = Query {
            name,
            kind,
            threshold: DEFAULT_THRESHOLD,
            limit: if country.is_some() { usize::MAX } else { DEFAULT_LIMIT },
            include_rejected: false,
        };
        match catalog.screener.screen(&query) {
            Ok(mut matches) => {
                if let Some(country) = country {
                    // Matches listed in the country first, then the rest.
                    matches
                        .sort_by_key(|found| !found.entity.countries.iter().any(|c| c == country));
                    matches.truncate(DEFAULT_LIMIT);
                }
                render_matches(&mut page, name, &matches, country);
            }
            Err(error) => {
                let _ = write!(page, "<p class=\"warning\">{}</p>", text(&error.to_string()));
            }
        }
    }
    page.push_str("</main></body></html>\n");
    Ok(html_response(page))
}

fn render_form(page: &mut String, name: &str, kind: Option<EntityKind>, country: &str) {
    let _ = write!(
        page,
        "<form class=\"controls\" method=\"get\" action=\"/search\">\
         <label>Name <input id=\"name\" name=\"name\" value=\"{}\" size=\"40\" autofocus></label> \
         <label>Kind <select id=\"kind\" name=\"kind\">",
        attribute(name)
    );
    for (value, label) in [
        ("any", "any"),
        ("person", "person"),
        ("organization", "organization"),
        ("vessel", "vessel"),
        ("aircraft", "aircraft"),
    ] {
        let selected = kind.map_or("any", EntityKind::as_str) == value;
        let _ = write!(
            page,
            "<option value=\"{value}\"{}>{label}</option>",
            if selected { " selected" } else { "" }
        );
    }
    let _ = write!(
        page,
        "</select></label> <label>Country <input id=\"country\" name=\"country\" value=\"{}\" \
         size=\"12\" placeholder=\"code or name\"></label> \
         <button id=\"screen\" type=\"submit\">Screen</button></form>",
        attribute(country)
    );
}

fn render_matches(page: &mut String, name: &str, matches: &[Match<'_>], country: Option<&str>) {
    if matches.is_empty() {
        let _ = write!(
            page,
            "<p class=\"empty\" id=\"no-match\">No match for “{}” at the threshold {}.</p>",
            text(name),
            DEFAULT_THRESHOLD
        );
        return;
    }
    let _ = write!(
        page,
        "<p class=\"summary\">{} match{} for “{}” (threshold {})</p>\
         <table class=\"matches\"><thead><tr><th>score</th><th>matched name</th><th>entity</th>\
         <th>source</th><th>authority and programmes</th><th>status</th><th>identifiers</th>\
         <th>why</th></tr></thead><tbody>",
        matches.len(),
        if matches.len() == 1 { "" } else { "es" },
        text(name),
        DEFAULT_THRESHOLD
    );
    for found in matches {
        let entity = found.entity;
        let kind = entity.kind.map_or("unknown kind", EntityKind::as_str);
        let authority = entity.authority.as_deref().unwrap_or("");
        let programmes = entity.programs.join(", ");
        let identifiers: Vec<String> = entity
            .identifiers
            .iter()
            .map(|identifier| format!("{} {}", identifier.scheme, identifier.value))
            .collect();
        let mut why = found.explanation.summary();
        if let Some(country) = country {
            let agrees = entity.countries.iter().any(|c| c == country);
            why.push_str(&match (agrees, entity.countries.is_empty()) {
                (true, _) => format!("; country {country} agrees"),
                (false, true) => format!("; country {country}: the list gives none"),
                (false, false) => {
                    format!(
                        "; country {country} differs from listed {}",
                        entity.countries.join(", ")
                    )
                }
            });
        }
        let _ = write!(
            page,
            "<tr class=\"match\" data-id=\"{}\"><td class=\"score\">{:.3}</td>\
             <td class=\"matched\">{}</td><td class=\"entity\">{} <span class=\"id\">{}</span> \
             <span class=\"kind\">{}</span></td><td class=\"source\">{}</td>\
             <td class=\"authority\">{}{}{}</td><td class=\"status\">{}</td>\
             <td class=\"identifiers\">{}</td><td class=\"why\">{}</td></tr>",
            attribute(&entity.id),
            found.score,
            text(found.matched_name),
            text(entity.name()),
            text(&entity.id),
            kind,
            text(&entity.source),
            text(authority),
            if programmes.is_empty() || authority.is_empty() { "" } else { " · " },
            text(&programmes),
            entity.status.as_str(),
            text(&identifiers.join("; ")),
            text(&why),
        );
    }
    page.push_str("</tbody></table>");
}
