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
use crate::review::{self, Review, ReviewStore};
use crate::screen::normalize::fold;
use crate::screen::{self, Entity, Screener, REGISTRY_SOURCE};

/// The source line naming the review decisions a catalog was built with.
pub const REVIEWS_SOURCE: &str = "reviews";

/// Which data a catalog was built from: one line per source.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SourceVersion {
    /// `registry`, or an imported list's name.
    pub source: String,
    /// Entities it contributes (for `reviews`, the designations with
    /// decisions).
    pub entities: usize,
    /// When the list was imported (RFC 3339); `None` for the registry.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub imported_at: Option<String>,
    /// `sha256:` and the first 16 hex digits of a digest of the files read,
    /// so two answers computed against different data can be told apart
    /// (for `reviews`, `events:` and the last decision's number).
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
    /// The extracted registry, with the reviews' edits laid over it.
    pub registry: Registry,
    /// The registry as extracted, kept to lay newer reviews over.
    extracted: Registry,
    /// The imported lists, in source-name order.
    pub lists: Vec<ImportedList>,
    /// The review of each designation that has decisions.
    pub reviews: HashMap<String, Review>,
    /// Ids with decisions whose designation is no longer in the registry
    /// (kept in the store, reported, never dropped).
    pub orphaned_reviews: Vec<String>,
    /// The screening index over the registry and every list.
    pub screener: Screener,
    /// The data this catalog was built from.
    pub sources: Vec<SourceVersion>,
    records: Vec<RecordRef>,
    by_id: HashMap<String, Vec<usize>>,
    /// Each entity's names folded (case and accents), for prefix search.
    folded_names: Vec<Vec<String>>,
}

/// The registry version of a data folder without `registry.json`.
pub const NO_REGISTRY: &str = "none";

impl Catalog {
    /// Whether the data folder had no `registry.json` (the registry is then
    /// empty and only the imported lists are screened).
    pub fn registry_missing(&self) -> bool {
        self.sources
            .iter()
            .any(|source| source.source == screen::REGISTRY_SOURCE && source.version == NO_REGISTRY)
    }

    /// Loads `DATA/registry.json` and every list in `DATA/lists/`, and
    /// builds the index with statuses judged on `as_of`.
    pub fn load(data: &Path, as_of: NaiveDate) -> anyhow::Result<Catalog> {
        let registry_path = data.join("registry.json");
        let hint = "run `sanctions extract` to build the registry again";
        // Read once: the same text is parsed and digested. No file is an
        // empty registry: a team may screen against official lists only.
        let (registry, registry_version) = match store::read_text_if_any(&registry_path)? {
            Some(text) => (
                store::parse(&registry_path, &text).context(hint)?,
                short_digest([text.as_bytes()]),
            ),
            None => (Registry::from_documents(&[]), NO_REGISTRY.to_string()),
        };
        let lists = lists::load_all(data)?;
        let reviews = match ReviewStore::open_existing(data)? {
            Some(store) => store.reviews()?,
            None => HashMap::new(),
        };
        let index_dir = screen::stored::dir_of(data);
        Ok(Catalog::assemble(registry, registry_version, lists, reviews, as_of, Some(&index_dir)))
    }

    /// A catalog over data already in memory; `registry_version` names the
    /// registry's version in answers. Each review's edits are laid over its
    /// designation, and its state goes with the designation's entity.
    pub fn new(
        registry: Registry,
        registry_version: String,
        lists: Vec<ImportedList>,
        reviews: HashMap<String, Review>,
        as_of: NaiveDate,
    ) -> Catalog {
        Catalog::assemble(registry, registry_version, lists, reviews, as_of, None)
    }

    /// A catalog whose screening index is read from `index_dir` when one
    /// stored there fits the data (and stored there when not), or built in
    /// memory without one.
    fn assemble(
        mut registry: Registry,
        registry_version: String,
        lists: Vec<ImportedList>,
        reviews: HashMap<String, Review>,
        as_of: NaiveDate,
        index_dir: Option<&Path>,
    ) -> Catalog {
        let extracted = registry.clone();
        review::overlay_all(&mut registry, &reviews);
        let mut orphaned_reviews: Vec<String> = reviews
            .keys()
            .filter(|id| !registry.designations.iter().any(|d| &d.id == *id))
            .cloned()
            .collect();
        orphaned_reviews.sort();
        let mut sources = vec![SourceVersion {
            source: REGISTRY_SOURCE.to_string(),
            entities: registry.designations.len(),
            imported_at: None,
            version: registry_version,
        }];
        if let Some(last) =
            reviews.values().filter_map(|review| review.last.as_ref()).map(|e| e.seq).max()
        {
            // Decisions change what is screened, so answers name them too.
            sources.push(SourceVersion {
                source: REVIEWS_SOURCE.to_string(),
                entities: reviews.len(),
                imported_at: None,
                version: format!("events:{last}"),
            });
        }
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
        let mut entities = screen::entities(&registry, &lists, as_of);
        for entity in &mut entities {
            if let (Some(state), Some(review)) = (entity.review.as_mut(), reviews.get(&entity.id)) {
                *state = review.state;
            }
        }
        let mut by_id: HashMap<String, Vec<usize>> = HashMap::new();
        for (position, entity) in entities.iter().enumerate() {
            by_id.entry(entity.id.clone()).or_default().push(position);
        }
        let folded_names = entities
            .par_iter()
            .map(|entity| entity.names.iter().map(|name| fold(name)).collect())
            .collect();
        let screener = match index_dir {
            Some(dir) => Screener::stored_in(dir, entities),
            None => Screener::new(entities),
        };
        Catalog {
            as_of,
            registry,
            extracted,
            lists,
            reviews,
            orphaned_reviews,
            screener,
            sources,
            records,
            by_id,
            folded_names,
        }
    }

    /// The designation `id` as extracted, before any review's edits.
    pub fn extracted_designation(&self, id: &str) -> Option<&Designation> {
        self.extracted.designations.iter().find(|designation| designation.id == id)
    }

    /// The same data with `reviews` in place of this catalog's.
    pub fn with_reviews(&self, reviews: HashMap<String, Review>) -> Catalog {
        let registry_version =
            self.sources.first().map(|source| source.version.clone()).unwrap_or_default();
        Catalog::new(
            self.extracted.clone(),
            registry_version,
            self.lists.clone(),
            reviews,
            self.as_of,
        )
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
