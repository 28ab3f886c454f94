//! The shared vocabulary of the pipeline: designations, batches, evidence and
//! the small value types they are made of.
//!
//! **Invariant:** this module depends on nothing else in the crate, and every
//! type here is what `registry.json` stores; renaming a serialized field needs
//! a `schema_version` bump in `registry::store`.

use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// What a designation names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    /// A natural person.
    Person,
    /// A company, government body, bank or any other legal entity.
    Organization,
    /// A ship, identified where possible by its IMO number.
    Vessel,
    /// An aircraft (official lists name them; press releases rarely do).
    Aircraft,
}

impl EntityKind {
    /// Every kind, in display order.
    pub const ALL: [EntityKind; 4] =
        [EntityKind::Organization, EntityKind::Person, EntityKind::Vessel, EntityKind::Aircraft];

    /// The lowercase name used on the command line, in JSON and in CSV.
    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Organization => "organization",
            EntityKind::Vessel => "vessel",
            EntityKind::Aircraft => "aircraft",
        }
    }
}

impl fmt::Display for EntityKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Returned when a string names no [`EntityKind`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown kind {got:?}: expected person, organization, vessel or aircraft")]
pub struct UnknownKind {
    /// The text that was given.
    pub got: String,
}

impl FromStr for EntityKind {
    type Err = UnknownKind;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        match text.trim().to_ascii_lowercase().as_str() {
            "person" | "individual" | "people" => Ok(EntityKind::Person),
            "organization" | "organisation" | "entity" | "company" | "org" => {
                Ok(EntityKind::Organization)
            }
            "vessel" | "ship" => Ok(EntityKind::Vessel),
            "aircraft" | "airplane" | "plane" => Ok(EntityKind::Aircraft),
            _ => Err(UnknownKind { got: text.to_string() }),
        }
    }
}

/// Whether a designation's measures are in force on a given day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// In force (no expiry, or the expiry is still ahead).
    Active,
    /// The measures lapsed before the day asked about.
    Expired,
}

impl Status {
    /// The status on `today` of measures that end on `expires` (if ever).
    pub fn on(expires: Option<NaiveDate>, today: NaiveDate) -> Status {
        match expires {
            Some(end) if end < today => Status::Expired,
            _ => Status::Active,
        }
    }

    /// The lowercase name used on the command line and in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Active => "active",
            Status::Expired => "expired",
        }
    }
}

impl FromStr for Status {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        match text.trim().to_ascii_lowercase().as_str() {
            "active" => Ok(Status::Active),
            "expired" => Ok(Status::Expired),
            _ => Err(format!("unknown status {text:?}: expected active or expired")),
        }
    }
}

/// Where in a source document a record was read: the document's file name,
/// the character span of the name (Unicode scalar values, end exclusive) and
/// the sentence that holds it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evidence {
    /// File name of the source document under the sources folder.
    pub doc: String,
    /// `[start, end)` in characters from the start of the document.
    pub span: [usize; 2],
    /// The sentence the record was read from, whitespace collapsed.
    pub sentence: String,
}

/// An identifier that names one entity exactly (an IMO ship number, say).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Identifier {
    /// The numbering scheme, such as `IMO`.
    pub scheme: String,
    /// The identifier as written, without the scheme prefix.
    pub value: String,
}

/// One named designation read out of a source text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Designation {
    /// Stable id: the same designation keeps it across extractions.
    pub id: String,
    /// The name as written in the text.
    pub name: String,
    /// The English name, when the text gives one or it follows from the name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_en: Option<String>,
    /// Other names the text gives (又名, a.k.a., formerly ...).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// Person, organization or vessel.
    pub kind: EntityKind,
    /// ISO 3166-1 alpha-2 code of the country the text ties the entity to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// Code of the legal authority the designation was made under.
    pub authority: String,
    /// Further authorities the text cites for the same action.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub authority_also: Vec<String>,
    /// The day the designation took effect.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<NaiveDate>,
    /// The day the text announcing it was released.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub announced: Option<NaiveDate>,
    /// The measures imposed, in English.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub measures: Option<String>,
    /// The day the measures lapse, where the text or the law says so.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires: Option<NaiveDate>,
    /// Exact identifiers such as IMO numbers.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub identifiers: Vec<Identifier>,
    /// Title or role of a person, as written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// Where the designation was read.
    pub evidence: Evidence,
}

impl Designation {
    /// Whether the measures are in force on `today`.
    pub fn status(&self, today: NaiveDate) -> Status {
        Status::on(self.expires, today)
    }
}

/// A designation announced only by its counts ("49 designations: 21 shipping
/// companies, one individual and 27 vessels").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Batch {
    /// Stable id, like a designation's.
    pub id: String,
    /// Code of the legal authority.
    pub authority: String,
    /// The day of the designations.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<NaiveDate>,
    /// How many of each kind the text announces.
    pub counts: BTreeMap<EntityKind, u32>,
    /// The total the text announces (may exceed the sum of `counts` when
    /// the text breaks down only part of it); `None` when it gives no
    /// number ("sanctions on family members of the mayor", "多家融资管道").
    pub total: Option<u32>,
    /// Where the batch was read.
    pub evidence: Evidence,
}

/// Something the extractor noticed but could not resolve, kept so nothing is
/// dropped silently.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Warning {
    /// File name of the source document.
    pub doc: String,
    /// What was noticed.
    pub message: String,
}
