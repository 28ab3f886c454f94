//! The review page, `GET /review`: the extracted designations with their source
//! sentence (the name marked), authority and dates, and buttons to accept,
//! reject or correct each, plus its history. Server-rendered HTML; the
//! small script (`/static/review.js`) only sends decisions and fetches
//! histories. Every text shown is escaped (the sources are untrusted), and
//! the Content-Security-Policy allows no inline script at all.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::sync::Arc;

use axum::extract::State;
use axum::http::Uri;
use axum::response::Response;
use html_escape::{encode_double_quoted_attribute as attribute, encode_text as text};

use super::html_response;
use crate::api::error::ApiError;
use crate::api::params::Params;
use crate::api::AppState;
use crate::catalog::Catalog;
use crate::model::Designation;
use crate::review::{Review, State as ReviewState};

/// Designations on one page.
const PAGE_SIZE: usize = 200;

/// `GET /review?status=&authority=&q=&offset=`: the review page.
pub async fn review_page(
    State(state): State<Arc<AppState>>,
    uri: Uri,
) -> Result<Response, ApiError> {
    let params = Params::parse(uri.query(), &["status", "authority", "q", "offset"])?;
    let status: Option<ReviewState> = match params.get("status") {
        None | Some("") | Some("all") => None,
        Some(_) => params.parsed("status", "pending, accepted, rejected or all")?,
    };
    let authority = params.get("authority").map(str::trim).filter(|a| !a.is_empty());
    let query = params.get("q").map(str::trim).filter(|q| !q.is_empty());
    let offset = params.count("offset", 0, usize::MAX)?;
    let catalog = state.catalog();
    let html =
        render(&catalog, &Filter { status, authority, query }, offset, state.reviews_enabled());
    Ok(html_response(html))
}

/// Which designations the page shows.
struct Filter<'a> {
    status: Option<ReviewState>,
    authority: Option<&'a str>,
    query: Option<&'a str>,
}

impl Filter<'_> {
    fn selects(&self, designation: &Designation, review: &Review) -> bool {
        self.status.is_none_or(|status| review.state == status)
            && self.authority.is_none_or(|code| designation.authority.eq_ignore_ascii_case(code))
            && self.query.is_none_or(|query| {
                let query = query.to_lowercase();
                designation.name.to_lowercase().contains(&query)
                    || designation
                        .name_en
                        .as_deref()
                        .is_some_and(|name| name.to_lowercase().contains(&query))
                    || designation.id.contains(&query)
            })
    }
}

fn render(catalog: &Catalog, filter: &Filter<'_>, offset: usize, reviews_enabled: bool) -> String {
    let no_review = Review::default();
    let review_of = |id: &str| catalog.reviews.get(id).unwrap_or(&no_review);
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for designation in &catalog.registry.designations {
        *counts.entry(review_of(&designation.id).state.as_str()).or_default() += 1;
    }
    let selected: Vec<&Designation> = catalog
        .registry
        .designations
        .iter()
        .filter(|designation| filter.selects(designation, review_of(&designation.id)))
        .collect();
    let mut authorities: Vec<&str> =
        catalog.registry.designations.iter().map(|d| d.authority.as_str()).collect();
    authorities.sort_unstable();
    authorities.dedup();

    let mut page = String::with_capacity(64 << 10);
    page.push_str(
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>Review designations · sanctions registry</title>\
         <link rel=\"stylesheet\" href=\"/static/review.css\">\
         <script src=\"/static/review.js\" defer></script></head><body>\n",
    );
    let _ = writeln!(
        page,
        "<header><h1>Review designations</h1><p class=\"counts\">\
         <span class=\"state pending\">{} pending</span> \
         <span class=\"state accepted\">{} accepted</span> \
         <span class=\"state rejected\">{} rejected</span> · data as of {}</p></header>",
        counts.get("pending").copied().unwrap_or(0),
        counts.get("accepted").copied().unwrap_or(0),
        counts.get("rejected").copied().unwrap_or(0),
        catalog.as_of,
    );
    render_controls(&mut page, filter, &authorities, reviews_enabled);
    let shown: Vec<&&Designation> = selected.iter().skip(offset).take(PAGE_SIZE).collect();
    let _ = writeln!(
        page,
        "<main><p class=\"summary\">{} of {} designations{}</p>",
        selected.len(),
        catalog.registry.designations.len(),
        if shown.len() < selected.len() {
            format!(", {} to {} shown", offset + 1, offset + shown.len())
        } else {
            String::new()
        }
    );
    if shown.is_empty() {
        page.push_str("<p class=\"empty\">No designation matches these filters.</p>\n");
    }
    for designation in shown {
        render_card(&mut page, designation, review_of(&designation.id), catalog);
    }
    if offset + PAGE_SIZE < selected.len() {
        let _ = write!(
            page,
            "<p><a href=\"{}\">Next page</a></p>",
            attribute(&page_link(filter, offset + PAGE_SIZE))
        );
    }
    page.push_str("</main></body></html>\n");
    page
}

fn page_link(filter: &Filter<'_>, offset: usize) -> String {
    let encode = |value: &str| {
        percent_encoding::utf8_percent_encode(value, percent_encoding::NON_ALPHANUMERIC).to_string()
    };
    let mut link = format!("/review?offset={offset}");
    if let Some(status) = filter.status {
        link.push_str(&format!("&status={status}"));
    }
    if let Some(authority) = filter.authority {
        link.push_str(&format!("&authority={}", encode(authority)));
    }
    if let Some(query) = filter.query {
        link.push_str(&format!("&q={}", encode(query)));
    }
    link
}

fn render_controls(
    page: &mut String,
    filter: &Filter<'_>,
    authorities: &[&str],
    reviews_enabled: bool,
) {
    page.push_str(
        "<section class=\"controls\"><form method=\"get\" action=\"/review\" class=\"filters\">",
    );
    page.push_str("<label>Status <select name=\"status\">");
    for (value, label) in
        [("all", "all"), ("pending", "pending"), ("accepted", "accepted"), ("rejected", "rejected")]
    {
        let selected = filter.status.map_or(value == "all", |status| status.as_str() == value);
        let _ = write!(
            page,
            "<option value=\"{value}\"{}>{label}</option>",
            if selected { " selected" } else { "" }
        );
    }
    page.push_str("</select></label> <label>Authority <select name=\"authority\"><option value=\"\">all</option>");
    for code in authorities {
        let selected = filter.authority.is_some_and(|wanted| wanted.eq_ignore_ascii_case(code));
        let _ = write!(
            page,
            "<option value=\"{}\"{}>{}</option>",
            attribute(code),
            if selected { " selected" } else { "" },
            text(code)
        );
    }
    let _ = write!(
        page,
        "</select></label> <label>Name <input name=\"q\" value=\"{}\" placeholder=\"part of a name or id\"></label> \
         <button type=\"submit\">Filter</button></form>",
        attribute(filter.query.unwrap_or_default())
    );
    page.push_str(
        "<form class=\"identity\" id=\"identity\"><label>Reviewer <input id=\"reviewer\" \
         autocomplete=\"name\" placeholder=\"your name\" required></label> \
         <label>Token <input id=\"token\" type=\"password\" autocomplete=\"off\" \
         placeholder=\"review token\" required></label></form>",
    );
    if !reviews_enabled {
        page.push_str(
            "<p class=\"warning\">This server has no review token, so it takes no decisions \
             (start it with SANCTIONS_REVIEW_TOKEN or --review-token-file).</p>",
        );
    }
    // A new press release, extracted at once (POST /sources, the same token).
    page.push_str(
        "<details class=\"add-text\"><summary>Add a text</summary>\
         <form id=\"add-text\"><label>File name <input id=\"source-name\" \
         placeholder=\"release.txt\" required></label> <label class=\"wide\">Text \
         <textarea id=\"source-text\" rows=\"8\" required></textarea></label> \
         <button type=\"submit\" id=\"add-source\">Add and extract</button> \
         <span class=\"message\" id=\"add-message\"></span></form></details>",
    );
    page.push_str("</section>\n");
}

fn render_card(page: &mut String, designation: &Designation, review: &Review, catalog: &Catalog) {
    let id = &designation.id;
    let state = review.state.as_str();
    let _ = write!(
        page,
        "<article class=\"card {state}\" id=\"card-{id_attr}\" data-id=\"{id_attr}\">\
         <div class=\"title\"><h2>{name}</h2>{name_en}<span class=\"state {state}\">{state}</span></div>",
        id_attr = attribute(id),
        name = text(&designation.name),
        name_en = designation
            .name_en
            .as_deref()
            .map(|name| format!("<span class=\"name-en\">{}</span>", text(name)))
            .unwrap_or_default(),
    );
    let date =
        |value: Option<chrono::NaiveDate>| value.map_or("–".to_string(), |d| d.to_string());
    let edited = |field: &str| {
        if review.changes.contains_key(field) {
            " <span class=\"edited\" title=\"corrected by a reviewer\">edited</span>"
        } else {
            ""
        }
    };
    let _ = write!(
        page,
        "<dl class=\"facts\"><dt>Id</dt><dd><code>{}</code></dd>\
         <dt>Kind</dt><dd>{}{}</dd><dt>Country</dt><dd>{}{}</dd>\
         <dt>Authority</dt><dd><strong>{}</strong>{}{}</dd>\
         <dt>Date</dt><dd>{}{}</dd><dt>Announced</dt><dd>{}{}</dd>\
         <dt>Expires</dt><dd>{}{}</dd><dt>Status</dt><dd>{}</dd>",
        text(id),
        designation.kind,
        edited("kind"),
        text(designation.country.as_deref().unwrap_or("–")),
        edited("country"),
        text(&designation.authority),
        if designation.authority_also.is_empty() {
            String::new()
        } else {
            format!(" (also {})", text(&designation.authority_also.join(", ")))
        },
        edited("authority"),
        date(designation.date),
        edited("date"),
        date(designation.announced),
        edited("announced"),
        date(designation.expires),
        edited("expires"),
        designation.status(catalog.as_of).as_str(),
    );
    if !designation.aliases.is_empty() {
        let _ = write!(
            page,
            "<dt>Aliases</dt><dd>{}{}</dd>",
            text(&designation.aliases.join("; ")),
            edited("aliases")
        );
    }
    page.push_str("</dl>");
    let extracted_name =
        catalog.extracted_designation(id).map_or(designation.name.as_str(), |d| d.name.as_str());
    let _ = write!(
        page,
        "<blockquote class=\"evidence\">{}<footer>{} · characters {}–{}</footer></blockquote>",
        marked(&designation.evidence.sentence, extracted_name),
        text(&designation.evidence.doc),
        designation.evidence.span[0],
        designation.evidence.span[1],
    );
    render_links(page, designation, review, catalog);
    if let Some(event) = &review.last {
        let _ = write!(
            page,
            "<p class=\"last\">Last: {} by {} at {}{}</p>",
            event.decision,
            text(&event.reviewer),
            text(&event.at),
            event.note.as_deref().map(|note| format!(" — “{}”", text(note))).unwrap_or_default()
        );
    }
    let field = |name: &str, label: &str, value: &str| {
        format!(
            "<label>{label} <input name=\"{name}\" value=\"{}\" data-original=\"{}\"></label>",
            attribute(value),
            attribute(value)
        )
    };
    let _ = writeln!(
        page,
        "<div class=\"actions\"><textarea class=\"note\" rows=\"1\" placeholder=\"note (why)\"></textarea>\
         <button class=\"accept\" data-decision=\"accept\">Accept</button>\
         <button class=\"reject\" data-decision=\"reject\">Reject</button>\
         <button class=\"edit-toggle\" type=\"button\">Edit…</button>\
         <button class=\"history-toggle\" type=\"button\">History ({})</button></div>\
         <form class=\"edit\" hidden>{}{}{}{}{}{}{}{}{}\
         <button type=\"submit\" data-decision=\"edit\">Save corrections</button></form>\
         <ol class=\"history\" hidden></ol><p class=\"message\" role=\"status\"></p></article>",
        review.events,
        field("name", "Name", &designation.name),
        field("name_en", "English name", designation.name_en.as_deref().unwrap_or_default()),
        field("kind", "Kind", &designation.kind.to_string()),
        field("country", "Country", designation.country.as_deref().unwrap_or_default()),
        field("authority", "Authority", &designation.authority),
        field("date", "Date", &designation.date.map(|d| d.to_string()).unwrap_or_default()),
        field("announced", "Announced", &designation.announced.map(|d| d.to_string()).unwrap_or_default()),
        field("expires", "Expires", &designation.expires.map(|d| d.to_string()).unwrap_or_default()),
        field("aliases", "Aliases (;)", &designation.aliases.join("; ")),
    );
}

/// The official entries the designation is linked to, each with buttons
/// to confirm or reject the link.
fn render_links(page: &mut String, designation: &Designation, review: &Review, catalog: &Catalog) {
    let _ = write!(
        page,
        "<div class=\"links\" data-confirmed=\"{}\" data-rejected=\"{}\"><h3>Official entries</h3>",
        attribute(&review.links("confirmed_links").join("; ")),
        attribute(&review.links("rejected_links").join("; ")),
    );
    if catalog.lists.is_empty() {
        page.push_str("<p class=\"none\">No official list is imported.</p></div>");
        return;
    }
    let links = crate::link::links_of(catalog, designation);
    if links.is_empty() {
        page.push_str("<p class=\"none\">No entry of the imported lists matches.</p></div>");
        return;
    }
    page.push_str("<ul>");
    for link in &links {
        let state = link.review.unwrap_or("proposed");
        let _ = write!(
            page,
            "<li class=\"link {state}\"><code>{id}</code> <strong>{name}</strong> · {source} · {score:.2} \
             <span class=\"state {state}\">{state}</span><br><span class=\"reasons\">{reasons}</span> \
             <button class=\"link-confirm\" type=\"button\" data-link=\"{id_attr}\">Confirm link</button> \
             <button class=\"link-reject\" type=\"button\" data-link=\"{id_attr}\">Reject link</button></li>",
            id = text(&link.id),
            id_attr = attribute(&link.id),
            name = text(&link.name),
            source = text(&link.source),
            score = link.score,
            reasons = text(&link.reasons.join("; ")),
        );
    }
    page.push_str("</ul></div>");
}

/// `sentence` escaped, with the first occurrence of `name` in `<mark>`.
fn marked(sentence: &str, name: &str) -> String {
    match sentence.find(name).filter(|_| !name.is_empty()) {
        Some(start) => {
            let end = start + name.len();
            format!(
                "{}<mark>{}</mark>{}",
                text(sentence.get(..start).unwrap_or_default()),
                text(name),
                text(sentence.get(end..).unwrap_or_default())
            )
        }
        None => text(sentence).into_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn untrusted_text_is_escaped_and_the_name_marked() {
        let html = marked("<img src=x onerror=alert(1)> sanctioned ACME & Co.", "ACME & Co.");
        assert_eq!(
            html,
            "&lt;img src=x onerror=alert(1)&gt; sanctioned <mark>ACME &amp; Co.</mark>"
        );
        assert_eq!(marked("a <b>", "zzz"), "a &lt;b&gt;");
    }
}
