//! The registry: every designation and batch read from the sources, keyed by
//! stable ids, and the queries the command line and the API run on it.
//!
//! **Invariant:** designations are sorted by document and position, so the
//! same sources always give the same `registry.json`, byte for byte.

pub mod store;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::extract::document::Document;
use crate::extract::{self};
use crate::model::{Batch, Designation, EntityKind, Status, Warning};

/// The `schema_version` this build writes and reads.
pub const SCHEMA_VERSION: u32 = 1;

/// All designations and batches read from a set of sources.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Registry {
    /// Format version of the serialized registry.
    pub schema_version: u32,
    /// Named designations, by document and position.
    pub designations: Vec<Designation>,
    /// Count-only announcements.
    pub batches: Vec<Batch>,
    /// What extraction could not resolve, kept for review.
    #[serde(default)]
    pub warnings: Vec<Warning>,
}

/// A registry record: a named designation or a batch.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Record<'a> {
    /// A named designation.
    Designation(&'a Designation),
    /// A count-only announcement.
    Batch(&'a Batch),
}

/// Which designations to list; `None` fields match everything.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// Authority code, primary or secondary (case-insensitive).
    pub authority: Option<String>,
    /// Entity kind.
    pub kind: Option<EntityKind>,
    /// Status on the filter's day.
    pub status: Option<Status>,
}

impl Registry {
    /// Extracts every document and collects the results in a stable order.
    pub fn from_documents(documents: &[Document]) -> Registry {
        let mut registry = Registry {
            schema_version: SCHEMA_VERSION,
            designations: Vec::new(),
            batches: Vec::new(),
            warnings: Vec::new(),
        };
        for document in documents {
            let extraction = extract::extract(document);
            registry.designations.extend(extraction.designations);
            registry.batches.extend(extraction.batches);
            registry.warnings.extend(extraction.warnings);
        }
        registry.designations.sort_by(|a, b| {
            (&a.evidence.doc, a.evidence.span, &a.id).cmp(&(
                &b.evidence.doc,
                b.evidence.span,
                &b.id,
            ))
        });
        registry.batches.sort_by(|a, b| {
            (&a.evidence.doc, a.evidence.span).cmp(&(&b.evidence.doc, b.evidence.span))
        });
        registry
    }

    /// The designation or batch with this id.
    pub fn get(&self, id: &str) -> Option<Record<'_>> {
        self.designations
            .iter()
            .find(|designation| designation.id == id)
            .map(Record::Designation)
            .or_else(|| self.batches.iter().find(|batch| batch.id == id).map(Record::Batch))
    }

    /// The designations `filter` selects, with status judged on `today`.
    pub fn filter<'a>(
        &'a self,
        filter: &'a Filter,
        today: NaiveDate,
    ) -> impl Iterator<Item = &'a Designation> {
        self.designations.iter().filter(move |designation| {
            let authority_matches = filter.authority.as_deref().is_none_or(|wanted| {
                designation.authority.eq_ignore_ascii_case(wanted)
                    || designation
                        .authority_also
                        .iter()
                        .any(|code| code.eq_ignore_ascii_case(wanted))
            });
            authority_matches
                && filter.kind.is_none_or(|kind| designation.kind == kind)
                && filter.status.is_none_or(|status| designation.status(today) == status)
        })
    }
}
