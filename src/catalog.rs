//! The catalog: everything loaded from the data folder for one day, the
//! registry, the imported lists and the screening index over both, with the
//! versions of the data they were built from. The command line builds one per
//! run; the server keeps one and builds a new one when the day changes.

use std::collections::HashMap;
use std::path::Path;

use anyhow::Context;
use chrono::NaiveDate;
use rayon::prelude::*;
use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::lists::{self, ImportedList, ListEntry};
use crate::model::Designation;
use crate::registry::{store, Registry};
use crate::screen::normalize::fold;
use crate::screen::{self, Entity, Screener, REGISTRY_SOURCE};

/// Which data a catalog was built from: one line per source.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SourceVersion {
    /// `registry`, or an imported list's name.
    pub source: String,
    /// Entities it contributes.
    pub entities: usize,
    /// When the list was imported (RFC 3339); `None` for the registry.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub imported_at: Option<String>,
    /// `sha256:` and the first 16 hex digits of a digest of the files read,
    /// so two answers computed against different data can be told apart.
    pub version: String,
}

/// Where an indexed entity's full record is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RecordRef {
    /// The registry designation at this position.
    Designation(usize),
    /// The entry at `.1` of the imported list at `.0`.
    ListEntry(usize, usize),
}

/// The full record behind an entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FullRecord<'a> {
    /// An extracted designation, with its evidence.
    Designation(&'a Designation),
    /// An imported list's entry, with the list it is on.
    ListEntry(&'a ImportedList, &'a ListEntry),
}

/// The registry, the lists and the index, as of one day.
#[derive(Debug)]
pub struct Catalog {
    /// The day statuses were judged on.
    pub as_of: NaiveDate,
    /// The extracted registry.
    pub registry: Registry,
    /// The imported lists, in source-name order.
    pub lists: Vec<ImportedList>,
    /// The screening index over the registry and every list.
    pub screener: Screener,
    /// The data this catalog was built from.
    pub sources: Vec<SourceVersion>,
    records: Vec<RecordRef>,
    by_id: HashMap<String, Vec<usize>>,
    /// Each entity's names folded (case and accents), for prefix search.
    folded_names: Vec<Vec<String>>,
}

impl Catalog {
    /// Loads `DATA/registry.json` and every list in `DATA/lists/`, and
    /// builds the index with statuses judged on `as_of`.
    pub fn load(data: &Path, as_of: NaiveDate) -> anyhow::Result<Catalog> {
        let registry_path = data.join("registry.json");
        let hint = "run `sanctions extract` to build the registry";
        // Read once: the same text is parsed and digested.
        let registry_text = store::read_text(&registry_path).context(hint)?;
        let registry = store::parse(&registry_path, &registry_text).context(hint)?;
        let lists = lists::load_all(data)?;
        let registry_version = short_digest([registry_text.as_bytes()]);
        Ok(Catalog::new(registry, registry_version, lists, as_of))
    }

    /// A catalog over data already in memory; `registry_version` names the
    /// registry's version in answers.
    pub fn new(
        registry: Registry,
        registry_version: String,
        lists: Vec<ImportedList>,
        as_of: NaiveDate,
    ) -> Catalog {
        let mut sources = vec![SourceVersion {
            source: REGISTRY_SOURCE.to_string(),
            entities: registry.designations.len(),
            imported_at: None,
            version: registry_version,
        }];
        for list in &lists {
            sources.push(SourceVersion {
                source: list.source.clone(),
                entities: list.entries.len(),
                imported_at: Some(list.imported_at.clone()),
                version: short_digest(list.files.iter().map(|file| file.sha256.as_bytes())),
            });
        }
        let mut records: Vec<RecordRef> =
            (0..registry.designations.len()).map(RecordRef::Designation).collect();
        for (list_index, list) in lists.iter().enumerate() {
            records.extend(
                (0..list.entries.len()).map(|entry| RecordRef::ListEntry(list_index, entry)),
            );
        }
        let entities = screen::entities(&registry, &lists, as_of);
        let mut by_id: HashMap<String, Vec<usize>> = HashMap::new();
        for (position, entity) in entities.iter().enumerate() {
            by_id.entry(entity.id.clone()).or_default().push(position);
        }
        let folded_names = entities
            .par_iter()
            .map(|entity| entity.names.iter().map(|name| fold(name)).collect())
            .collect();
        let screener = Screener::new(entities);
        Catalog { as_of, registry, lists, screener, sources, records, by_id, folded_names }
    }

    /// Every entity, registry designations first, then each list's entries
    /// in file order.
    pub fn entities(&self) -> &[Entity] {
        self.screener.entities()
    }

    /// The positions of the entities with this id (several only when two
    /// lists use the same id).
    pub fn positions(&self, id: &str) -> &[usize] {
        self.by_id.get(id).map_or(&[], Vec::as_slice)
    }

    /// The names of the entity at `position`, folded with
    /// [`fold`].
    pub fn folded_names(&self, position: usize) -> &[String] {
        self.folded_names.get(position).map_or(&[], Vec::as_slice)
    }

    /// The full record of the entity at `position`.
    pub fn record(&self, position: usize) -> Option<FullRecord<'_>> {
        match *self.records.get(position)? {
            RecordRef::Designation(index) => {
                self.registry.designations.get(index).map(FullRecord::Designation)
            }
            RecordRef::ListEntry(list, entry) => {
                let list = self.lists.get(list)?;
                list.entries.get(entry).map(|entry| FullRecord::ListEntry(list, entry))
            }
        }
    }
}

/// `sha256:` and 16 hex digits of the digest of `parts`, in order.
fn short_digest<'a>(parts: impl IntoIterator<Item = &'a [u8]>) -> String {
    let mut hasher = Sha256::new();
    for part in parts {
        hasher.update(part);
    }
    let digest = hasher.finalize();
    let hex: String = digest.iter().take(8).map(|byte| format!("{byte:02x}")).collect();
    format!("sha256:{hex}")
}
