//! Screening: finding the listed entities a name refers to.
//!
//! [`Screener::new`] builds an [`index::Index`] once over the registry's
//! designations and every imported list; [`Screener::screen`] reads the
//! query in every script it can ([`translit`]), fetches candidates from the
//! inverted index, aligns and scores each candidate spelling ([`score`]) and
//! returns the best match per entity, with the evidence for it.

pub mod arabic;
pub mod cyrillic;
pub mod index;
pub mod normalize;
pub mod score;
pub mod slavic;
pub mod stored;
pub mod translit;

use crate::review::State as ReviewState;
use std::collections::HashMap;
use std::sync::OnceLock;

use chrono::NaiveDate;
use regex::Regex;
use serde::Serialize;

use crate::lists::ImportedList;
use crate::model::{EntityKind, Identifier, Status};
use crate::registry::Registry;
use index::Index;
use score::{align, Missing, Pair, Rarity};
use translit::{spellings, Via};

/// The default threshold: the score from which a match is reported. Chosen
/// from the precision and recall measured by the screening benchmark.
pub const DEFAULT_THRESHOLD: f32 = 0.78;
/// The default number of matches returned.
pub const DEFAULT_LIMIT: usize = 10;
/// The longest name screened, in characters; longer input is refused.
pub const MAX_NAME_CHARS: usize = 1_000;
/// The source name of the extracted registry's designations.
pub const REGISTRY_SOURCE: &str = "registry";

/// An entity as the screener sees it, whichever list it came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Entity {
    /// Its id (a registry id, `ofac-<ent_num>`, or an imported CSV id).
    pub id: String,
    /// Person, organization, vessel or aircraft, when known.
    pub kind: Option<EntityKind>,
    /// Every name: the primary name first, then English names and aliases.
    pub names: Vec<String>,
    /// The list it is on (`registry` for extracted designations).
    pub source: String,
    /// Code of the legal authority, when known.
    pub authority: Option<String>,
    /// Programs, as the list names them.
    pub programs: Vec<String>,
    /// ISO country codes.
    pub countries: Vec<String>,
    /// Whether the measures are in force.
    pub status: Status,
    /// Exact identifiers such as IMO numbers.
    pub identifiers: Vec<Identifier>,
    /// The review state of an extracted designation; `None` for list
    /// entries, which are official records.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub review: Option<ReviewState>,
}

impl Entity {
    /// Whether a reviewer rejected it (then it is not screened by default).
    pub fn is_rejected(&self) -> bool {
        self.review == Some(ReviewState::Rejected)
    }

    /// The primary name.
    pub fn name(&self) -> &str {
        self.names.first().map_or("", String::as_str)
    }
}

/// The entities of the registry (status judged on `today`) and of every list.
pub fn entities(registry: &Registry, lists: &[ImportedList], today: NaiveDate) -> Vec<Entity> {
    let mut entities = Vec::new();
    for designation in &registry.designations {
        let mut names = vec![designation.name.clone()];
        names.extend(designation.name_en.iter().cloned());
        names.extend(designation.aliases.iter().cloned());
        names.dedup();
        entities.push(Entity {
            id: designation.id.clone(),
            kind: Some(designation.kind),
            names,
            source: REGISTRY_SOURCE.to_string(),
            authority: Some(designation.authority.clone()),
            programs: designation.authority_also.clone(),
            countries: designation.country.iter().cloned().collect(),
            status: designation.status(today),
            identifiers: designation.identifiers.clone(),
            review: Some(ReviewState::Pending),
        });
    }
    for list in lists {
        for entry in &list.entries {
            let mut names = vec![entry.name.clone()];
            names.extend(entry.aliases.iter().cloned());
            entities.push(Entity {
                id: entry.id.clone(),
                kind: entry.kind,
                names,
                source: list.source.clone(),
                authority: entry.authority.clone(),
                programs: entry.programs.clone(),
                countries: entry.countries.clone(),
                status: Status::Active,
                identifiers: entry.identifiers.clone(),
                review: None,
            });
        }
    }
    entities
}

/// What to screen.
#[derive(Debug, Clone, PartialEq)]
pub struct Query<'a> {
    /// The name, in any script.
    pub name: &'a str,
    /// Only entities of this kind (or of unknown kind).
    pub kind: Option<EntityKind>,
    /// Report matches scoring at least this.
    pub threshold: f32,
    /// At most this many matches.
    pub limit: usize,
    /// Screen designations a reviewer rejected too.
    pub include_rejected: bool,
}

impl<'a> Query<'a> {
    /// A query with the default threshold and limit.
    pub fn new(name: &'a str) -> Query<'a> {
        Query {
            name,
            kind: None,
            threshold: DEFAULT_THRESHOLD,
            limit: DEFAULT_LIMIT,
            include_rejected: false,
        }
    }
}

/// Why a name cannot be screened.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum QueryError {
    /// Nothing but spaces.
    #[error("empty name")]
    Empty,
    /// No letters or digits (punctuation, symbols, only a legal form).
    #[error("name has no letters or digits to match: {0:?}")]
    NothingToMatch(String),
    /// Longer than [`MAX_NAME_CHARS`].
    #[error("name too long: {0} characters (the limit is {MAX_NAME_CHARS})")]
    TooLong(usize),
    /// The threshold is not a number in [0, 1].
    #[error("threshold must be between 0 and 1, got {0}")]
    Threshold(String),
}

/// How a match was found: what was compared, and how the words lined up.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Explanation {
    /// How the query was read (as written, pinyin, Sino-Korean reading, ...).
    pub query_via: Via,
    /// The query's normalized words.
    pub query_form: String,
    /// How the listed name was read.
    pub listed_via: Via,
    /// The listed name's normalized words.
    pub listed_form: String,
    /// Whether the matched name is an alias rather than the primary name.
    pub alias: bool,
    /// Aligned words.
    pub pairs: Vec<Pair>,
    /// Query words with no counterpart.
    pub unmatched_query: Vec<String>,
    /// Listed words with no counterpart.
    pub unmatched_listed: Vec<String>,
    /// Set when the match is an exact identifier (IMO number).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub identifier: Option<Identifier>,
}

impl Explanation {
    /// One line for tables and CSV cells.
    pub fn summary(&self) -> String {
        if let Some(identifier) = &self.identifier {
            return format!("{} {} matches exactly", identifier.scheme, identifier.value);
        }
        let pairs: Vec<String> = self
            .pairs
            .iter()
            .map(|pair| {
                if pair.query == pair.listed {
                    pair.query.clone()
                } else {
                    format!("{}~{} ({:?})", pair.query, pair.listed, pair.how).to_lowercase()
                }
            })
            .collect();
        let mut text = format!(
            "{} [{}] vs {}{} [{}]: {}",
            self.query_via.describe(),
            self.query_form,
            if self.alias { "alias " } else { "" },
            self.listed_via.describe(),
            self.listed_form,
            pairs.join(", ")
        );
        if !self.unmatched_query.is_empty() {
            text.push_str(&format!("; query only: {}", self.unmatched_query.join(" ")));
        }
        if !self.unmatched_listed.is_empty() {
            text.push_str(&format!("; listed only: {}", self.unmatched_listed.join(" ")));
        }
        text
    }
}

/// One screening result.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Match<'a> {
    /// Score in [0, 1]; 1 means equal after normalization.
    #[serde(serialize_with = "score::three_decimals")]
    pub score: f32,
    /// The entity matched.
    pub entity: &'a Entity,
    /// Which of its names matched.
    pub matched_name: &'a str,
    /// Why.
    pub explanation: Explanation,
}

/// The answer to one query, as `screen --json` prints it and `GET /screen`
/// serves it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Answer<'a> {
    /// The name as asked.
    pub query: &'a str,
    /// The kind asked for, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<EntityKind>,
    /// The threshold applied.
    #[serde(serialize_with = "score::three_decimals")]
    pub threshold: f32,
    /// The most matches asked for.
    pub limit: usize,
    /// The matches, best first.
    pub matches: Vec<Match<'a>>,
}

/// The screening engine over one index.
#[derive(Debug)]
pub struct Screener {
    index: Index,
}

impl Screener {
    /// Builds the index over `entities`.
    pub fn new(entities: Vec<Entity>) -> Screener {
        Screener { index: Index::build(entities) }
    }

    /// The screener over `entities`, its index read from `dir` where a
    /// stored one was built from the same entities by the same code, else
    /// built and stored there for the next run ([`stored`]).
    pub fn stored_in(dir: &std::path::Path, entities: Vec<Entity>) -> Screener {
        Screener { index: stored::load_or_build(dir, entities) }
    }

    /// Every indexed entity.
    pub fn entities(&self) -> &[Entity] {
        &self.index.entities
    }

    /// How many spellings the index holds.
    pub fn spelling_count(&self) -> usize {
        self.index.forms.len()
    }

    /// The matches for `query` at or above its threshold, best first, at most
    /// one per entity.
    pub fn screen(&self, query: &Query<'_>) -> Result<Vec<Match<'_>>, QueryError> {
        let name = query.name.trim();
        if name.is_empty() {
            return Err(QueryError::Empty);
        }
        let length = name.chars().count();
        if length > MAX_NAME_CHARS {
            return Err(QueryError::TooLong(length));
        }
        if !(0.0..=1.0).contains(&query.threshold) {
            return Err(QueryError::Threshold(query.threshold.to_string()));
        }
        let mut best: HashMap<u32, Match<'_>> = HashMap::new();
        for (entity, identifier) in self.identifier_matches(name) {
            let Some(found) = self.index.entities.get(entity as usize) else { continue };
            if !kind_fits(query.kind, found.kind)
                || (found.is_rejected() && !query.include_rejected)
            {
                continue;
            }
            best.insert(
                entity,
                Match {
                    score: 1.0,
                    entity: found,
                    matched_name: found.name(),
                    explanation: Explanation {
                        query_via: Via::AsWritten,
                        query_form: name.to_string(),
                        listed_via: Via::AsWritten,
                        listed_form: found.name().to_string(),
                        alias: false,
                        pairs: Vec::new(),
                        unmatched_query: Vec::new(),
                        unmatched_listed: Vec::new(),
                        identifier: Some(identifier),
                    },
                },
            );
        }
        let query_spellings = spellings(name);
        if query_spellings.is_empty() && best.is_empty() {
            return Err(QueryError::NothingToMatch(name.to_string()));
        }
        let rare_weight = self.index.rare_weight();
        for spelling in &query_spellings {
            let weights: Vec<f32> = spelling.tokens.iter().map(|t| self.index.weight(t)).collect();
            let query_rarity = self.index.rarity(&spelling.tokens, &weights);
            for form_index in self.index.candidates(&spelling.tokens) {
                let Some(form) = self.index.forms.get(form_index as usize) else { continue };
                let Some(entity) = self.index.entities.get(form.entity as usize) else { continue };
                if !kind_fits(query.kind, entity.kind)
                    || (entity.is_rejected() && !query.include_rejected)
                    || !scripts_comparable(spelling.via, form.via)
                {
                    continue;
                }
                let syllables =
                    |via: Via| matches!(via, Via::Pinyin | Via::SinoKorean | Via::Hangul);
                let as_written = spelling.via == Via::AsWritten && form.via == Via::AsWritten;
                let missing = if syllables(spelling.via) || syllables(form.via) {
                    Missing::Syllables
                } else if as_written
                    && (form.rarity != Rarity::Common || query_rarity != Rarity::Common)
                {
                    Missing::Distinctive { query: query_rarity, listed: form.rarity }
                } else {
                    Missing::Optional
                };
                let alignment = align(
                    &spelling.tokens,
                    &weights,
                    &form.tokens,
                    &form.weights,
                    missing,
                    rare_weight,
                    form.given_from.map(usize::from),
                );
                let mut score = alignment.score;
                let transliterated = spelling.via != form.via || spelling.via != Via::AsWritten;
                if transliterated && score >= 1.0 && spelling.via != Via::ChineseCharacters {
                    score = 0.99; // equal only through a transliteration
                }
                if score < query.threshold
                    || best.get(&form.entity).is_some_and(|known| known.score >= score)
                {
                    continue;
                }
                let matched_name =
                    entity.names.get(usize::from(form.name)).map_or("", String::as_str);
                let explained = alignment.explain(&spelling.tokens, &form.tokens);
                let explanation = Explanation {
                    query_via: spelling.via,
                    query_form: join(&spelling.tokens),
                    listed_via: form.via,
                    listed_form: join(&form.tokens),
                    alias: form.name > 0,
                    pairs: explained.pairs,
                    unmatched_query: explained.unmatched_query,
                    unmatched_listed: explained.unmatched_listed,
                    identifier: None,
                };
                best.insert(form.entity, Match { score, entity, matched_name, explanation });
            }
        }
        let mut matches: Vec<Match<'_>> = best.into_values().collect();
        matches.sort_by(|a, b| {
            b.score.total_cmp(&a.score).then_with(|| a.entity.id.cmp(&b.entity.id))
        });
        matches.truncate(query.limit);
        for found in &mut matches {
            found.score = (found.score * 1000.0).round() / 1000.0;
        }
        Ok(matches)
    }

    /// Entities whose IMO number the query gives (`IMO 9114555`, or seven
    /// digits alone).
    fn identifier_matches(&self, name: &str) -> Vec<(u32, Identifier)> {
        static IMO: OnceLock<Option<Regex>> = OnceLock::new();
        let Some(pattern) = IMO.get_or_init(|| Regex::new(r"(?i)^(?:IMO[\s:#.-]*)?(\d{7})$").ok())
        else {
            return Vec::new();
        };
        let Some(number) = pattern.captures(name).and_then(|c| c.get(1)) else { return Vec::new() };
        self.index
            .by_identifier("IMO", number.as_str())
            .iter()
            .map(|entity| {
                (*entity, Identifier { scheme: "IMO".into(), value: number.as_str().into() })
            })
            .collect()
    }
}

fn join(tokens: &[normalize::Token]) -> String {
    tokens.iter().map(|t| t.text.as_str()).collect::<Vec<_>>().join(" ")
}

/// A query for one kind matches entities of that kind or of unknown kind.
fn kind_fits(wanted: Option<EntityKind>, found: Option<EntityKind>) -> bool {
    match (wanted, found) {
        (Some(wanted), Some(found)) => wanted == found,
        _ => true,
    }
}

/// Chinese characters compare only with Chinese characters; every other
/// reading is Latin and compares with every other Latin reading.
fn scripts_comparable(query: Via, listed: Via) -> bool {
    (query == Via::ChineseCharacters) == (listed == Via::ChineseCharacters)
}
