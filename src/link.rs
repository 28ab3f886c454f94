//! Links between what the texts announce and what the official lists
//! record: each extracted designation to the list entries that are the
//! same entity, and each batch (announced only by its counts) to the list
//! entries of its authority listed on its day.
//!
//! A designation's candidates come from the screener (names in every
//! script, restricted to its kind); the score starts from the best name
//! score and moves with the other evidence: country, authority or program,
//! and the listing day. Every link says why.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::catalog::{Catalog, FullRecord};
use crate::lists::ListEntry;
use crate::model::{Batch, Designation, EntityKind};
use crate::screen::{Query, REGISTRY_SOURCE};

/// Name scores below this are not candidates.
const NAME_FLOOR: f32 = 0.82;
/// Links scoring below this (after the other evidence) are not reported.
const LINK_FLOOR: f32 = 0.85;
/// The most links per designation.
const MAX_LINKS: usize = 3;

/// One official entry a designation is linked to.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Link {
    /// The entry's id (`un-KPi.080`, `ofac-21444`).
    pub id: String,
    /// The list it is on.
    pub source: String,
    /// Its primary name.
    pub name: String,
    /// How sure, in [0, 1].
    pub score: f32,
    /// The evidence, for people.
    pub reasons: Vec<String>,
    /// `confirmed` or `rejected` when a reviewer said so.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub review: Option<&'static str>,
}

/// The official entries of each designation that has some, by id.
pub fn designation_links(catalog: &Catalog) -> BTreeMap<String, Vec<Link>> {
    catalog
        .registry
        .designations
        .iter()
        .filter_map(|designation| {
            let links = links_of(catalog, designation);
            (!links.is_empty()).then(|| (designation.id.clone(), links))
        })
        .collect()
}

/// The official entries `designation` is most likely recorded as.
pub fn links_of(catalog: &Catalog, designation: &Designation) -> Vec<Link> {
    let mut names = vec![designation.name.as_str()];
    names.extend(designation.name_en.as_deref());
    names.extend(designation.aliases.iter().map(String::as_str));
    // Best name score per list entity, with the name that gave it.
    let mut best: BTreeMap<usize, (f32, String)> = BTreeMap::new();
    for name in names {
        let query = Query {
            name,
            kind: Some(designation.kind),
            threshold: NAME_FLOOR,
            limit: 20,
            include_rejected: false,
        };
        let Ok(matches) = catalog.screener.screen(&query) else { continue };
        for found in matches {
            if found.entity.source == REGISTRY_SOURCE {
                continue;
            }
            for &position in catalog.positions(&found.entity.id) {
                let same =
                    catalog.entities().get(position).is_some_and(|e| std::ptr::eq(e, found.entity));
                if !same {
                    continue;
                }
                let known = best.get(&position).is_some_and(|(score, _)| *score >= found.score);
                if !known {
                    best.insert(
                        position,
                        (found.score, format!("{name} ~ {}", found.matched_name)),
                    );
                }
            }
        }
    }
    let mut links: Vec<Link> = best
        .into_iter()
        .filter_map(|(position, (name_score, names))| {
            let Some(FullRecord::ListEntry(list, entry)) = catalog.record(position) else {
                return None;
            };
            let (score, reasons) = weigh(designation, entry, name_score, &names);
            (score >= LINK_FLOOR).then(|| Link {
                id: entry.id.clone(),
                source: list.source.clone(),
                name: entry.name.clone(),
                score,
                reasons,
                review: None,
            })
        })
        .collect();
    links.sort_by(|a, b| b.score.total_cmp(&a.score).then_with(|| a.id.cmp(&b.id)));
    links.truncate(MAX_LINKS);
    apply_review(catalog, designation, links)
}

/// A reviewer's word on links: confirmed ones first (added when no
/// candidate found them), rejected ones last and marked.
fn apply_review(catalog: &Catalog, designation: &Designation, mut links: Vec<Link>) -> Vec<Link> {
    let Some(review) = catalog.reviews.get(&designation.id) else { return links };
    for id in review.links("confirmed_links") {
        if let Some(link) = links.iter_mut().find(|link| link.id == id) {
            link.review = Some("confirmed");
            continue;
        }
        let entry =
            catalog.positions(id).iter().find_map(|&position| match catalog.record(position) {
                Some(FullRecord::ListEntry(list, entry)) => Some((list, entry)),
                _ => None,
            });
        if let Some((list, entry)) = entry {
            links.push(Link {
                id: entry.id.clone(),
                source: list.source.clone(),
                name: entry.name.clone(),
                score: 1.0,
                reasons: vec!["confirmed by a reviewer".into()],
                review: Some("confirmed"),
            });
        }
    }
    for id in review.links("rejected_links") {
        if let Some(link) = links.iter_mut().find(|link| link.id == id) {
            link.review = Some("rejected");
        }
    }
    let rank = |link: &Link| match link.review {
        Some("confirmed") => 0,
        Some("rejected") => 2,
        _ => 1,
    };
    links.sort_by_key(rank);
    links
}

/// The link score and its reasons, from the name score and the evidence.
fn weigh(
    designation: &Designation,
    entry: &ListEntry,
    name_score: f32,
    names: &str,
) -> (f32, Vec<String>) {
    let mut score = name_score;
    let mut reasons = vec![format!("name {name_score:.2}: {names}")];
    if let Some(country) = &designation.country {
        if entry.countries.iter().any(|code| code == country) {
            score += 0.03;
            reasons.push(format!("country {country} agrees"));
        } else if !entry.countries.is_empty() {
            score -= 0.08;
            reasons.push(format!("country {country} differs from {}", entry.countries.join(" ")));
        }
    }
    let authorities: Vec<&str> = std::iter::once(designation.authority.as_str())
        .chain(designation.authority_also.iter().map(String::as_str))
        .collect();
    let entry_authorities: Vec<&str> = entry
        .authority
        .iter()
        .map(String::as_str)
        .chain(entry.programs.iter().map(String::as_str))
        .collect();
    if let Some(shared) = authorities
        .iter()
        .find(|code| entry_authorities.iter().any(|other| other.eq_ignore_ascii_case(code)))
    {
        score += 0.04;
        reasons.push(format!("authority {shared} agrees"));
    }
    if let (Some(date), Some(listed_on)) = (designation.date, entry.listed_on) {
        if date == listed_on {
            score += 0.04;
            reasons.push(format!("listed on {listed_on}, the designation's day"));
        }
    }
    (score.min(1.0), reasons)
}

/// How much of a batch the lists account for.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BatchAccount {
    /// The list whose entries were counted.
    pub source: String,
    /// The day they were listed on (the batch's day).
    pub listed_on: chrono::NaiveDate,
    /// Per kind: announced, and found on the list.
    pub by_kind: BTreeMap<EntityKind, KindAccount>,
    /// The entries found, by id.
    pub entries: Vec<String>,
    /// What the counts cannot say.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}

/// Announced and found, for one kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct KindAccount {
    /// How many the text announces.
    pub announced: u32,
    /// How many entries of this kind the list shows as listed that day.
    pub found: u32,
}

/// For each imported list with entries of the batch's authority listed on
/// its day, what they account for.
pub fn batch_accounts(catalog: &Catalog, batch: &Batch) -> Vec<BatchAccount> {
    let Some(day) = batch.date else { return Vec::new() };
    let mut accounts = Vec::new();
    for list in &catalog.lists {
        let entries: Vec<&ListEntry> = list
            .entries
            .iter()
            .filter(|entry| entry.listed_on == Some(day))
            .filter(|entry| {
                entry
                    .authority
                    .as_deref()
                    .is_some_and(|code| code.eq_ignore_ascii_case(&batch.authority))
                    || entry.programs.iter().any(|code| code.eq_ignore_ascii_case(&batch.authority))
            })
            .collect();
        if entries.is_empty() {
            continue;
        }
        let mut by_kind: BTreeMap<EntityKind, KindAccount> = batch
            .counts
            .iter()
            .map(|(kind, announced)| (*kind, KindAccount { announced: *announced, found: 0 }))
            .collect();
        for entry in &entries {
            if let Some(kind) = entry.kind {
                by_kind.entry(kind).or_insert(KindAccount { announced: 0, found: 0 }).found += 1;
            }
        }
        let mut notes = Vec::new();
        if let Some(vessels) =
            by_kind.get(&EntityKind::Vessel).filter(|count| count.found == 0 && count.announced > 0)
        {
            let mentioning = entries
                .iter()
                .filter(|entry| entry.remarks.as_deref().is_some_and(mentions_a_vessel))
                .count();
            notes.push(format!(
                "{} vessels announced; {} has no vessel entries listed that day: vessels are named only \
                 inside entries' comments ({mentioning} of these {} entries mention a vessel), so they are not counted",
                vessels.announced,
                list.source,
                entries.len()
            ));
        }
        accounts.push(BatchAccount {
            source: list.source.clone(),
            listed_on: day,
            by_kind,
            entries: entries.iter().map(|entry| entry.id.clone()).collect(),
            notes,
        });
    }
    accounts
}

/// Whether `text` speaks of a vessel (as a word: "shipments" is not one).
fn mentions_a_vessel(text: &str) -> bool {
    text.split(|c: char| !c.is_alphanumeric()).any(|word| {
        matches!(
            word.to_ascii_lowercase().as_str(),
            "vessel" | "vessels" | "ship" | "ships" | "tanker" | "tankers"
        )
    })
}
