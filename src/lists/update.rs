//! `sanctions update`: every stored list that was downloaded is asked for
//! again at its origin (conditionally, so an unchanged list costs one
//! `304`), checked by parsing it completely, and stored in place of the old
//! one only then; what changed is reported as `lists diff` reports it.
//!
//! Each attempt is recorded per list in `DATA/lists/.status/<source>.json`
//! (when it was checked, when it last succeeded and changed, and the error
//! of a failed attempt), which `/health` shows. A failure keeps the last
//! good list.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::diff::{self, ListDiff};
use super::fetch::Limits;
use super::origin::{self, Format, Imported, Request};
use super::{Error, ImportedList};
use crate::registry::store;

/// One of the official lists `sanctions update --init` sets up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Official {
    /// The name it is stored under.
    pub source: &'static str,
    /// Who publishes it.
    pub about: &'static str,
    /// Its importer.
    pub format: Format,
    /// The list (OFAC's primary file).
    pub list: &'static str,
    /// OFAC's aliases file.
    pub aliases: Option<&'static str>,
    /// OFAC's addresses file.
    pub addresses: Option<&'static str>,
}

/// The official sources: OFAC's SDN list and consolidated non-SDN list (the
/// CSV files with aliases and addresses, from OFAC's Sanctions List
/// Service) and the UN Security Council consolidated list.
pub const OFFICIAL: [Official; 3] = [
    Official {
        source: "ofac-sdn",
        about: "OFAC Specially Designated Nationals (SDN) list",
        format: Format::Ofac,
        list: "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/SDN.CSV",
        aliases: Some(
            "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/ALT.CSV",
        ),
        addresses: Some(
            "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/ADD.CSV",
        ),
    },
    Official {
        source: "ofac-cons",
        about: "OFAC consolidated non-SDN lists",
        format: Format::Ofac,
        list: "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/CONS_PRIM.CSV",
        aliases: Some(
            "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/CONS_ALT.CSV",
        ),
        addresses: Some(
            "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/CONS_ADD.CSV",
        ),
    },
    Official {
        source: "un-sc",
        about: "UN Security Council consolidated list",
        format: Format::Un,
        list: "https://scsanctions.un.org/resources/xml/en/consolidated.xml",
        aliases: None,
        addresses: None,
    },
];

impl Official {
    /// The import request for this source.
    pub fn request(&self) -> Request {
        Request {
            source: self.source.to_string(),
            format: self.format,
            list: self.list.to_string(),
            aliases: self.aliases.map(str::to_string),
            addresses: self.addresses.map(str::to_string),
        }
    }
}

/// What happened to one list.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "outcome", rename_all = "lowercase")]
pub enum Outcome {
    /// The publisher has nothing newer.
    Unchanged,
    /// A new version is stored; what changed in it (everything added for a
    /// list that was not there before).
    Updated {
        /// The entries added, removed and changed.
        diff: Box<ListDiff>,
        /// Rows the importer reported and left out.
        skipped: usize,
        /// Where it was stored.
        path: PathBuf,
    },
    /// The attempt failed; the last good list (if any) stays.
    Failed {
        /// Why, in words.
        error: String,
    },
}

/// One list's line of an update.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    /// The list's name.
    pub source: String,
    /// What happened.
    #[serde(flatten)]
    pub outcome: Outcome,
}

/// The last refresh attempts of one list, as `/health` shows them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Status {
    /// The list's name.
    pub source: String,
    /// When it was last asked for (RFC 3339).
    pub checked_at: String,
    /// When an attempt last succeeded (changed or not).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub succeeded_at: Option<String>,
    /// When a new version was last stored.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub changed_at: Option<String>,
    /// `unchanged`, `updated` or `failed`: the last attempt.
    pub outcome: String,
    /// The last attempt's error, when it failed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

/// Asks each list that has an origin (but those named in `except`) for a
/// newer version, one after the other; a list that fails does not stop the
/// others.
pub fn update(data: &Path, limits: &Limits, except: &[&str]) -> Result<Vec<Report>, Error> {
    let lists = super::load_all(data)?;
    Ok(lists
        .iter()
        .filter(|list| !except.contains(&list.source.as_str()))
        .filter_map(|list| {
            let origin = list.origin.as_ref()?;
            Some(refresh(data, &Request::again(&list.source, origin), Some(list), limits))
        })
        .collect())
}

/// Imports each of `sources` ([`OFFICIAL`] for `update --init`), asking
/// conditionally for one already stored from the same place.
pub fn init(data: &Path, sources: &[Official], limits: &Limits) -> Result<Vec<Report>, Error> {
    let lists = super::load_all(data)?;
    Ok(sources
        .iter()
        .map(|official| {
            let previous = lists.iter().find(|list| list.source == official.source);
            refresh(data, &official.request(), previous, limits)
        })
        .collect())
}

/// Imports `request` (a download), stores it when it changed, and records
/// the attempt.
pub fn refresh(
    data: &Path,
    request: &Request,
    previous: Option<&ImportedList>,
    limits: &Limits,
) -> Report {
    let outcome = match origin::import(request, previous, limits) {
        Ok(Imported::Unchanged) => Outcome::Unchanged,
        Ok(Imported::List(list)) => match super::save(data, &list) {
            Ok(path) => {
                let found = match previous {
                    Some(previous) => diff::diff(previous, &list),
                    // A new list: every entry added.
                    None => ListDiff {
                        old_entries: 0,
                        new_entries: list.entries.len(),
                        added: list.entries.clone(),
                        removed: Vec::new(),
                        changed: Vec::new(),
                    },
                };
                Outcome::Updated { diff: Box::new(found), skipped: list.skipped.len(), path }
            }
            Err(error) => Outcome::Failed { error: error.to_string() },
        },
        Err(error) => Outcome::Failed { error: error.to_string() },
    };
    let report = Report { source: request.source.clone(), outcome };
    if let Err(error) = record(data, &report) {
        tracing::warn!("cannot record the refresh of {}: {error}", report.source);
    }
    report
}

/// The folder of the per-list status files.
fn status_folder(data: &Path) -> PathBuf {
    super::folder(data).join(".status")
}

/// Writes `report` into the list's status file, keeping the times of its
/// last success and change.
fn record(data: &Path, report: &Report) -> Result<(), Error> {
    let path = status_folder(data).join(format!("{}.json", report.source));
    let mut status = read_status(&path).unwrap_or_default();
    let now = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    status.source.clone_from(&report.source);
    status.checked_at.clone_from(&now);
    status.error = None;
    status.outcome = match &report.outcome {
        Outcome::Unchanged => {
            status.succeeded_at = Some(now);
            "unchanged"
        }
        Outcome::Updated { .. } => {
            status.succeeded_at = Some(now.clone());
            status.changed_at = Some(now);
            "updated"
        }
        Outcome::Failed { error } => {
            status.error = Some(error.clone());
            "failed"
        }
    }
    .to_string();
    let json = serde_json::to_string_pretty(&status)
        .map_err(|source| store::Error::Serialize { path: path.clone(), source })?;
    store::write_atomically(&path, format!("{json}\n").as_bytes())?;
    Ok(())
}

/// One status file, if it is there and readable.
fn read_status(path: &Path) -> Option<Status> {
    let text = std::fs::read_to_string(path).ok()?;
    serde_json::from_str(&text).ok()
}

/// The recorded refresh status of every list that has one, by name.
pub fn statuses(data: &Path) -> Vec<Status> {
    let Ok(entries) = std::fs::read_dir(status_folder(data)) else {
        return Vec::new();
    };
    let mut found: Vec<Status> =
        entries.flatten().filter_map(|entry| read_status(&entry.path())).collect();
    found.sort_by(|a, b| a.source.cmp(&b.source));
    found
}
