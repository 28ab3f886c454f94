//! Browsing: `GET /entities`, `GET /entities/{id}` and `GET /authorities`.

use std::collections::BTreeMap;
use std::sync::Arc;

use axum::extract::{Path, State};
use axum::http::{StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Serialize;
use serde_json::Value;

use super::error::ApiError;
use super::params::Params;
use super::{AppState, DataVersion};
use crate::authority::Authorities;
use crate::catalog::{Catalog, FullRecord};
use crate::link;
use crate::model::{EntityKind, Status};
use crate::registry::Record;
use crate::review::State as ReviewState;
use crate::screen::normalize::fold;
use crate::screen::{Entity, REGISTRY_SOURCE};

/// Entities per page unless `limit` says otherwise.
pub const DEFAULT_PAGE: usize = 50;
/// The largest page.
pub const MAX_PAGE: usize = 1_000;

/// `GET /entities`: filtered, paged, with the total before paging.
pub async fn list(State(state): State<Arc<AppState>>, uri: Uri) -> Result<Response, ApiError> {
    let params = Params::parse(
        uri.query(),
        &["authority", "kind", "status", "source", "country", "review", "q", "limit", "offset"],
    )?;
    let filter = EntityFilter {
        authority: params.get("authority").map(str::trim).filter(|a| !a.is_empty()),
        kind: params.parsed("kind", "person, organization, vessel or aircraft")?,
        status: params.parsed("status", "active or expired")?,
        source: params.get("source").map(str::trim).filter(|s| !s.is_empty()),
        country: params.get("country").map(str::trim).filter(|c| !c.is_empty()),
        review: params.parsed("review", "pending, accepted or rejected")?,
        prefix: params.get("q").map(|q| fold(q.trim())).filter(|q| !q.is_empty()),
    };
    let limit = params.count("limit", DEFAULT_PAGE, MAX_PAGE)?;
    let offset = params.count("offset", 0, usize::MAX)?;
    let catalog = state.catalog();
    let selected: Vec<&Entity> = catalog
        .entities()
        .iter()
        .enumerate()
        .filter(|&(position, entity)| filter.selects(entity, catalog.folded_names(position)))
        .map(|(_, entity)| entity)
        .collect();
    let page: Vec<&Entity> = selected.iter().skip(offset).take(limit).copied().collect();
    Ok(Json(serde_json::json!({
        "total": selected.len(),
        "offset": offset,
        "limit": limit,
        "entities": page,
        "data": DataVersion::of(&catalog),
    }))
    .into_response())
}

/// The filters of `GET /entities`; `None` selects everything.
struct EntityFilter<'a> {
    authority: Option<&'a str>,
    kind: Option<EntityKind>,
    status: Option<Status>,
    source: Option<&'a str>,
    country: Option<&'a str>,
    /// Designations in this review state (list entries are never selected).
    review: Option<ReviewState>,
    /// Folded prefix one of the names must start with.
    prefix: Option<String>,
}

impl EntityFilter<'_> {
    /// Whether `entity`, whose names folded are `folded_names`, is selected.
    fn selects(&self, entity: &Entity, folded_names: &[String]) -> bool {
        self.authority.is_none_or(|wanted| {
            entity.authority.as_deref().is_some_and(|code| code.eq_ignore_ascii_case(wanted))
                || entity.programs.iter().any(|code| code.eq_ignore_ascii_case(wanted))
        }) && self.kind.is_none_or(|kind| entity.kind == Some(kind))
            && self.status.is_none_or(|status| entity.status == status)
            && self.source.is_none_or(|source| entity.source.eq_ignore_ascii_case(source))
            && self.review.is_none_or(|state| entity.review == Some(state))
            && self.country.is_none_or(|country| {
                entity.countries.iter().any(|code| code.eq_ignore_ascii_case(country))
            })
            && self
                .prefix
                .as_deref()
                .is_none_or(|prefix| folded_names.iter().any(|name| name.starts_with(prefix)))
    }
}

/// `GET /entities/{id}`: the full record, with evidence for extracted
/// designations and review state.
pub async fn one(
    State(state): State<Arc<AppState>>,
    Path(id): Path<String>,
    uri: Uri,
) -> Result<Response, ApiError> {
    let params = Params::parse(uri.query(), &["source"])?;
    let source = params.get("source");
    let catalog = state.catalog();
    let positions: Vec<usize> = catalog
        .positions(&id)
        .iter()
        .copied()
        .filter(|&position| {
            source.is_none_or(|source| {
                catalog.entities().get(position).is_some_and(|entity| entity.source == source)
            })
        })
        .collect();
    let mut record = match positions.as_slice() {
        [] => batch_record(&catalog, &id, source)?,
        [position] => full_record(&catalog, *position)?,
        several => {
            let sources: Vec<&str> = several
                .iter()
                .filter_map(|&position| catalog.entities().get(position))
                .map(|entity| entity.source.as_str())
                .collect();
            return Err(ApiError::new(
                StatusCode::CONFLICT,
                "ambiguous_id",
                format!(
                    "id {id:?} is on several lists ({}); add source= to choose",
                    sources.join(", ")
                ),
            ));
        }
    };
    if let Some(object) = record.as_object_mut() {
        object.insert("data".into(), to_value(DataVersion::of(&catalog))?);
    }
    Ok(Json(record).into_response())
}

/// A registry batch (a count-only announcement) by id, or 404.
fn batch_record(catalog: &Catalog, id: &str, source: Option<&str>) -> Result<Value, ApiError> {
    let not_found = || {
        let on = source.map(|source| format!(" on {source}")).unwrap_or_default();
        ApiError::not_found(format!("no entity with id {id:?}{on}"))
    };
    if source.is_some_and(|source| source != REGISTRY_SOURCE) {
        return Err(not_found());
    }
    match catalog.registry.get(id) {
        Some(Record::Batch(batch)) => {
            let mut value = to_value(batch)?;
            if let Some(object) = value.as_object_mut() {
                object.insert("record".into(), "batch".into());
                object.insert("source".into(), REGISTRY_SOURCE.into());
                object.insert("accounts".into(), to_value(link::batch_accounts(catalog, batch))?);
            }
            Ok(value)
        }
        _ => Err(not_found()),
    }
}

/// The record behind the entity at `position`, as JSON.
fn full_record(catalog: &Catalog, position: usize) -> Result<Value, ApiError> {
    let record = catalog
        .record(position)
        .ok_or_else(|| ApiError::internal(format!("entity {position} has no record")))?;
    let (mut value, kind, source, status) = match record {
        FullRecord::Designation(designation) => (
            to_value(designation)?,
            "designation",
            REGISTRY_SOURCE,
            designation.status(catalog.as_of),
        ),
        FullRecord::ListEntry(list, entry) => {
            (to_value(entry)?, "list-entry", list.source.as_str(), Status::Active)
        }
    };
    if let Some(object) = value.as_object_mut() {
        object.insert("record".into(), kind.into());
        object.insert("source".into(), source.into());
        object.insert("status".into(), status.as_str().into());
        if let FullRecord::Designation(designation) = record {
            // The fields above already carry the review's edits; `review`
            // says which were edited, the state, and the latest decision.
            let review = catalog.reviews.get(&designation.id).cloned().unwrap_or_default();
            object.insert("review".into(), to_value(review)?);
            object.insert("links".into(), to_value(link::links_of(catalog, designation))?);
        }
    }
    Ok(value)
}

fn to_value(value: impl Serialize) -> Result<Value, ApiError> {
    serde_json::to_value(value).map_err(|error| ApiError::internal(error.to_string()))
}

/// One authority with how many entities cite it.
#[derive(Debug, Serialize)]
struct AuthorityCount<'a> {
    code: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    kind: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    name_en: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    name_zh: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    issuer: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    parent: Option<&'a str>,
    entities: usize,
    by_source: BTreeMap<&'a str, usize>,
}

/// `GET /authorities`: every known authority and every authority an
/// imported list names, with counts per source.
pub async fn authorities(
    State(state): State<Arc<AppState>>,
    uri: Uri,
) -> Result<Response, ApiError> {
    Params::parse(uri.query(), &[])?;
    let catalog = state.catalog();
    let known = Authorities::embedded();
    let mut rows: Vec<AuthorityCount<'_>> = known
        .all()
        .iter()
        .map(|authority| AuthorityCount {
            code: &authority.code,
            kind: Some(authority.kind.as_str()),
            name_en: Some(authority.name_en.as_str()),
            name_zh: Some(authority.name_zh.as_str()),
            issuer: Some(authority.issuer.as_str()),
            parent: authority.parent.as_deref(),
            entities: 0,
            by_source: BTreeMap::new(),
        })
        .collect();
    for entity in catalog.entities() {
        let mut codes: Vec<&str> = entity.authority.as_deref().into_iter().collect();
        codes.extend(
            entity.programs.iter().map(String::as_str).filter(|code| known.get(code).is_some()),
        );
        codes.sort_unstable();
        codes.dedup();
        for code in codes {
            let row = match rows.iter().position(|row| row.code.eq_ignore_ascii_case(code)) {
                Some(position) => rows.get_mut(position),
                None => {
                    rows.push(AuthorityCount {
                        code,
                        kind: None,
                        name_en: None,
                        name_zh: None,
                        issuer: None,
                        parent: None,
                        entities: 0,
                        by_source: BTreeMap::new(),
                    });
                    rows.last_mut()
                }
            };
            if let Some(row) = row {
                row.entities += 1;
                *row.by_source.entry(entity.source.as_str()).or_default() += 1;
            }
        }
    }
    Ok(Json(serde_json::json!({
        "authorities": rows,
        "data": DataVersion::of(&catalog),
    }))
    .into_response())
}
