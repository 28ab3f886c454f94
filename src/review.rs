//! Review decisions on extracted designations: an append-only log of events
//! in SQLite (`DATA/reviews.sqlite`, WAL), and the state each designation is
//! in, derived from its events.
//!
//! A decision accepts, rejects or edits one designation, by id; ids are
//! stable across extractions, so decisions stay attached when the registry
//! is extracted again. An edit overlays corrected fields on the extracted
//! record when the catalog is built; `registry.json` is never rewritten.
//!
//! **Invariant:** events are only ever inserted (triggers refuse updates
//! and deletes), each in its own transaction, so a crash leaves either the
//! whole event or none of it.

use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::sync::Mutex;
use std::time::Duration;

use chrono::{NaiveDate, SecondsFormat, Utc};
use rusqlite::{params, Connection, OptionalExtension, TransactionBehavior};
use serde::{Deserialize, Serialize};

use crate::model::{Designation, EntityKind};

/// The file name of the store in the data folder.
pub const FILE_NAME: &str = "reviews.sqlite";

/// The schema version this code writes; older stores are migrated.
const SCHEMA_VERSION: i64 = 1;

/// The fields an edit may set, and how each is read.
pub const EDITABLE_FIELDS: [&str; 11] = [
    "name",
    "name_en",
    "kind",
    "country",
    "authority",
    "date",
    "announced",
    "expires",
    "aliases",
    "confirmed_links",
    "rejected_links",
];

/// What a reviewer decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Decision {
    /// The designation is right as it stands (with its edits).
    Accept,
    /// The designation is wrong: not screened by default.
    Reject,
    /// Some fields are corrected; the state stays as it was.
    Edit,
}

impl Decision {
    fn as_str(self) -> &'static str {
        match self {
            Decision::Accept => "accept",
            Decision::Reject => "reject",
            Decision::Edit => "edit",
        }
    }
}

impl fmt::Display for Decision {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Decision {
    type Err = Error;

    fn from_str(text: &str) -> Result<Decision, Error> {
        match text {
            "accept" => Ok(Decision::Accept),
            "reject" => Ok(Decision::Reject),
            "edit" => Ok(Decision::Edit),
            other => Err(Error::Invalid(format!(
                "decision {other:?} is not one of accept, reject, edit"
            ))),
        }
    }
}

/// Where a designation stands.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum State {
    /// Nobody has accepted or rejected it yet.
    #[default]
    Pending,
    /// A reviewer accepted it.
    Accepted,
    /// A reviewer rejected it.
    Rejected,
}

impl State {
    /// `pending`, `accepted` or `rejected`.
    pub fn as_str(self) -> &'static str {
        match self {
            State::Pending => "pending",
            State::Accepted => "accepted",
            State::Rejected => "rejected",
        }
    }
}

impl fmt::Display for State {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for State {
    type Err = Error;

    fn from_str(text: &str) -> Result<State, Error> {
        match text {
            "pending" => Ok(State::Pending),
            "accepted" => Ok(State::Accepted),
            "rejected" => Ok(State::Rejected),
            other => Err(Error::Invalid(format!(
                "status {other:?} is not one of pending, accepted, rejected"
            ))),
        }
    }
}

/// A decision to record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewDecision {
    /// The designation's id.
    pub entity_id: String,
    /// Accept, reject or edit.
    pub decision: Decision,
    /// For an edit, field → new value (see [`EDITABLE_FIELDS`]; aliases are
    /// `;`-separated; an empty value clears an optional field).
    pub changes: BTreeMap<String, String>,
    /// Who decided.
    pub reviewer: String,
    /// Why, for the record.
    pub note: Option<String>,
}

/// A recorded decision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Event {
    /// Its place in the log, increasing.
    pub seq: i64,
    /// The designation's id.
    pub entity_id: String,
    /// Accept, reject or edit.
    pub decision: Decision,
    /// The fields an edit set, normalized (empty for accept and reject).
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub changes: BTreeMap<String, String>,
    /// Who decided.
    pub reviewer: String,
    /// Why.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// When it was recorded (RFC 3339, UTC).
    pub at: String,
}

/// A designation's review, derived from its events.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Review {
    /// Pending, accepted or rejected: the last accept or reject decides.
    pub state: State,
    /// Every field edited, with its latest value.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub changes: BTreeMap<String, String>,
    /// The latest event.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last: Option<Event>,
    /// How many events there are.
    pub events: usize,
}

impl Review {
    /// Folds one more event in.
    fn apply(&mut self, event: Event) {
        match event.decision {
            Decision::Accept => self.state = State::Accepted,
            Decision::Reject => self.state = State::Rejected,
            Decision::Edit => {
                self.changes.extend(event.changes.iter().map(|(k, v)| (k.clone(), v.clone())));
            }
        }
        self.events += 1;
        self.last = Some(event);
    }
}

/// Why a decision could not be recorded or the store read.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The decision itself is wrong (a field, a value, a missing reviewer).
    #[error("{0}")]
    Invalid(String),
    /// The store cannot be opened, read or written.
    #[error("review store {path}: {message}")]
    Store {
        /// The database file.
        path: PathBuf,
        /// What went wrong.
        message: String,
    },
}

/// The review store: one SQLite connection, used by one caller at a time,
/// so decisions on the same designation are recorded one after another.
#[derive(Debug)]
pub struct ReviewStore {
    path: PathBuf,
    connection: Mutex<Connection>,
}

impl ReviewStore {
    /// Opens (creating and migrating as needed) the store at `path`.
    pub fn open(path: &Path) -> Result<ReviewStore, Error> {
        let failed = |error: rusqlite::Error| Error::Store {
            path: path.to_path_buf(),
            message: error.to_string(),
        };
        let mut connection = Connection::open(path).map_err(failed)?;
        connection.busy_timeout(Duration::from_secs(10)).map_err(failed)?;
        connection.pragma_update(None, "journal_mode", "WAL").map_err(failed)?;
        // A committed decision survives a power cut too.
        connection.pragma_update(None, "synchronous", "FULL").map_err(failed)?;
        migrate(&mut connection).map_err(|error| match error {
            MigrateError::Sql(error) => failed(error),
            MigrateError::Newer(version) => Error::Store {
                path: path.to_path_buf(),
                message: format!(
                    "schema version {version} was written by a newer sanctions (this one knows {SCHEMA_VERSION})"
                ),
            },
        })?;
        Ok(ReviewStore { path: path.to_path_buf(), connection: Mutex::new(connection) })
    }

    /// The store in the data folder `data`, when it exists (reading never
    /// creates it).
    pub fn open_existing(data: &Path) -> Result<Option<ReviewStore>, Error> {
        let path = data.join(FILE_NAME);
        if path.exists() {
            ReviewStore::open(&path).map(Some)
        } else {
            Ok(None)
        }
    }

    /// Checks and records `decision`; the event as stored.
    pub fn record(&self, decision: NewDecision) -> Result<Event, Error> {
        let changes = check(&decision)?;
        let at = Utc::now().to_rfc3339_opts(SecondsFormat::Millis, true);
        let changes_json = serde_json::to_string(&changes).unwrap_or_else(|_| "{}".into());
        let mut connection = self.lock();
        let transaction = connection
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(|error| self.failed(&error))?;
        transaction
            .execute(
                "INSERT INTO events (entity_id, decision, changes, reviewer, note, at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![
                    decision.entity_id,
                    decision.decision.as_str(),
                    changes_json,
                    decision.reviewer.trim(),
                    decision.note,
                    at
                ],
            )
            .map_err(|error| self.failed(&error))?;
        let seq = transaction.last_insert_rowid();
        transaction.commit().map_err(|error| self.failed(&error))?;
        Ok(Event {
            seq,
            entity_id: decision.entity_id,
            decision: decision.decision,
            changes,
            reviewer: decision.reviewer.trim().to_string(),
            note: decision.note,
            at,
        })
    }

    /// Every event of one designation, oldest first.
    pub fn history(&self, entity_id: &str) -> Result<Vec<Event>, Error> {
        self.events(Some(entity_id))
    }

    /// The review of every designation that has events.
    pub fn reviews(&self) -> Result<HashMap<String, Review>, Error> {
        let mut reviews: HashMap<String, Review> = HashMap::new();
        for event in self.events(None)? {
            reviews.entry(event.entity_id.clone()).or_default().apply(event);
        }
        Ok(reviews)
    }

    /// The review of one designation.
    pub fn review(&self, entity_id: &str) -> Result<Review, Error> {
        let mut review = Review::default();
        for event in self.history(entity_id)? {
            review.apply(event);
        }
        Ok(review)
    }

    fn events(&self, entity_id: Option<&str>) -> Result<Vec<Event>, Error> {
        let connection = self.lock();
        let sql = "SELECT seq, entity_id, decision, changes, reviewer, note, at FROM events
                   WHERE ?1 IS NULL OR entity_id = ?1 ORDER BY seq";
        let mut statement = connection.prepare_cached(sql).map_err(|error| self.failed(&error))?;
        let rows = statement
            .query_map(params![entity_id], |row| {
                Ok((
                    row.get::<_, i64>(0)?,
                    row.get::<_, String>(1)?,
                    row.get::<_, String>(2)?,
                    row.get::<_, String>(3)?,
                    row.get::<_, String>(4)?,
                    row.get::<_, Option<String>>(5)?,
                    row.get::<_, String>(6)?,
                ))
            })
            .map_err(|error| self.failed(&error))?;
        let mut events = Vec::new();
        for row in rows {
            let (seq, entity_id, decision, changes, reviewer, note, at) =
                row.map_err(|error| self.failed(&error))?;
            let bad = |what: &str| Error::Store {
                path: self.path.clone(),
                message: format!("event {seq} has a bad {what}"),
            };
            events.push(Event {
                seq,
                entity_id,
                decision: decision.parse().map_err(|_| bad("decision"))?,
                changes: serde_json::from_str(&changes).map_err(|_| bad("changes"))?,
                reviewer,
                note,
                at,
            });
        }
        Ok(events)
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Connection> {
        // A panic while holding the lock leaves SQLite consistent (an open
        // transaction is rolled back when dropped), so the lock is reused.
        self.connection.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    fn failed(&self, error: &rusqlite::Error) -> Error {
        Error::Store { path: self.path.clone(), message: error.to_string() }
    }
}

enum MigrateError {
    Sql(rusqlite::Error),
    Newer(i64),
}

impl From<rusqlite::Error> for MigrateError {
    fn from(error: rusqlite::Error) -> MigrateError {
        MigrateError::Sql(error)
    }
}

/// Brings the schema to [`SCHEMA_VERSION`], in one transaction.
fn migrate(connection: &mut Connection) -> Result<(), MigrateError> {
    let transaction = connection.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let version: i64 = transaction.query_row("PRAGMA user_version", [], |row| row.get(0))?;
    if version > SCHEMA_VERSION {
        return Err(MigrateError::Newer(version));
    }
    if version < 1 {
        transaction.execute_batch(
            "CREATE TABLE events (
                 seq INTEGER PRIMARY KEY AUTOINCREMENT,
                 entity_id TEXT NOT NULL,
                 decision TEXT NOT NULL CHECK (decision IN ('accept', 'reject', 'edit')),
                 changes TEXT NOT NULL,
                 reviewer TEXT NOT NULL CHECK (reviewer <> ''),
                 note TEXT,
                 at TEXT NOT NULL
             );
             CREATE INDEX events_by_entity ON events (entity_id, seq);
             CREATE TRIGGER events_are_not_updated BEFORE UPDATE ON events
                 BEGIN SELECT RAISE(ABORT, 'review events are append-only'); END;
             CREATE TRIGGER events_are_not_deleted BEFORE DELETE ON events
                 BEGIN SELECT RAISE(ABORT, 'review events are append-only'); END;",
        )?;
    }
    transaction.pragma_update(None, "user_version", SCHEMA_VERSION)?;
    // Read back so a store that is not a database fails here, clearly.
    let _: Option<Option<i64>> =
        transaction.query_row("SELECT max(seq) FROM events", [], |row| row.get(0)).optional()?;
    transaction.commit()?;
    Ok(())
}

/// Checks a decision and normalizes its changes.
fn check(decision: &NewDecision) -> Result<BTreeMap<String, String>, Error> {
    let invalid = |message: String| Err(Error::Invalid(message));
    if decision.entity_id.trim().is_empty() {
        return invalid("the designation id is empty".into());
    }
    if decision.reviewer.trim().is_empty() {
        return invalid("the reviewer is missing: say who decides".into());
    }
    if decision.reviewer.chars().count() > 200
        || decision.note.as_ref().is_some_and(|note| note.chars().count() > 10_000)
    {
        return invalid("the reviewer (200) or note (10,000 characters) is too long".into());
    }
    match (decision.decision, decision.changes.is_empty()) {
        (Decision::Edit, true) => {
            return invalid(format!("an edit sets at least one of {}", EDITABLE_FIELDS.join(", ")))
        }
        (Decision::Accept | Decision::Reject, false) => {
            return invalid(format!(
                "{} takes no changes; record an edit for them",
                decision.decision
            ))
        }
        _ => {}
    }
    let mut normalized = BTreeMap::new();
    for (field, value) in &decision.changes {
        let value = value.trim();
        let checked = match field.as_str() {
            "name" | "authority" if value.is_empty() => {
                return invalid(format!("{field} cannot be empty"))
            }
            "name" | "name_en" => value.to_string(),
            "authority" => value.to_ascii_uppercase(),
            "kind" => value
                .parse::<EntityKind>()
                .map_err(|error| Error::Invalid(format!("kind: {error}")))?
                .to_string(),
            "country" if value.is_empty() => String::new(),
            "country" => crate::country::code_of_field(value)
                .ok_or_else(|| {
                    Error::Invalid(format!("country {value:?} is not an ISO code or country name"))
                })?
                .to_string(),
            "date" | "announced" | "expires" if value.is_empty() => String::new(),
            "date" | "announced" | "expires" => NaiveDate::parse_from_str(value, "%Y-%m-%d")
                .map_err(|_| Error::Invalid(format!("{field} {value:?} is not a YYYY-MM-DD date")))?
                .to_string(),
            "aliases" | "confirmed_links" | "rejected_links" => value
                .split(';')
                .map(str::trim)
                .filter(|alias| !alias.is_empty())
                .collect::<Vec<_>>()
                .join("; "),
            other => {
                return invalid(format!(
                    "{other:?} cannot be edited; the fields are {}",
                    EDITABLE_FIELDS.join(", ")
                ))
            }
        };
        normalized.insert(field.clone(), checked);
    }
    Ok(normalized)
}

impl Review {
    /// The official entries a reviewer confirmed (`confirmed_links`) or
    /// rejected (`rejected_links`) as this designation, by id.
    pub fn links(&self, field: &str) -> Vec<&str> {
        self.changes
            .get(field)
            .map(|ids| ids.split(';').map(str::trim).filter(|id| !id.is_empty()).collect())
            .unwrap_or_default()
    }
}

/// Lays each review's edits over its designation in `registry`.
pub fn overlay_all(registry: &mut crate::registry::Registry, reviews: &HashMap<String, Review>) {
    for designation in &mut registry.designations {
        if let Some(review) = reviews.get(&designation.id) {
            overlay(designation, &review.changes);
        }
    }
}

/// Lays a review's edits over the extracted designation.
pub fn overlay(designation: &mut Designation, changes: &BTreeMap<String, String>) {
    let optional = |value: &str| (!value.is_empty()).then(|| value.to_string());
    let date = |value: &str| NaiveDate::parse_from_str(value, "%Y-%m-%d").ok();
    for (field, value) in changes {
        match field.as_str() {
            "name" => designation.name = value.clone(),
            "name_en" => designation.name_en = optional(value),
            "kind" => {
                if let Ok(kind) = value.parse() {
                    designation.kind = kind;
                }
            }
            "country" => designation.country = optional(value),
            "authority" => designation.authority = value.clone(),
            "date" => designation.date = date(value),
            "announced" => designation.announced = date(value),
            "expires" => designation.expires = date(value),
            "aliases" => {
                designation.aliases = value
                    .split(';')
                    .map(str::trim)
                    .filter(|alias| !alias.is_empty())
                    .map(str::to_string)
                    .collect();
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decision(id: &str, decision: Decision, changes: &[(&str, &str)]) -> NewDecision {
        NewDecision {
            entity_id: id.into(),
            decision,
            changes: changes.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect(),
            reviewer: "ana".into(),
            note: Some("checked against the release".into()),
        }
    }

    #[test]
    fn state_follows_the_last_accept_or_reject_and_edits_accumulate() {
        let dir = tempfile::tempdir().unwrap();
        let store = ReviewStore::open(&dir.path().join(FILE_NAME)).unwrap();
        store.record(decision("org-1", Decision::Accept, &[])).unwrap();
        store
            .record(decision("org-1", Decision::Edit, &[("country", "china"), ("kind", "company")]))
            .unwrap();
        store.record(decision("org-1", Decision::Edit, &[("aliases", " A ;; B ")])).unwrap();
        store.record(decision("org-2", Decision::Reject, &[])).unwrap();
        let reviews = store.reviews().unwrap();
        let first = &reviews["org-1"];
        assert_eq!(first.state, State::Accepted, "an edit keeps the state");
        assert_eq!(first.events, 3);
        assert_eq!(first.changes["country"], "CN");
        assert_eq!(first.changes["kind"], "organization");
        assert_eq!(first.changes["aliases"], "A; B");
        assert_eq!(reviews["org-2"].state, State::Rejected);
        let history = store.history("org-1").unwrap();
        assert_eq!(
            history.iter().map(|e| e.decision).collect::<Vec<_>>(),
            [Decision::Accept, Decision::Edit, Decision::Edit]
        );
        assert!(history.windows(2).all(|pair| pair[0].seq < pair[1].seq));
    }

    #[test]
    fn bad_decisions_are_refused_with_the_reason() {
        let dir = tempfile::tempdir().unwrap();
        let store = ReviewStore::open(&dir.path().join(FILE_NAME)).unwrap();
        for (bad, expected) in [
            (decision("x", Decision::Edit, &[]), "at least one"),
            (decision("x", Decision::Accept, &[("name", "A")]), "takes no changes"),
            (decision("x", Decision::Edit, &[("evidence", "A")]), "cannot be edited"),
            (decision("x", Decision::Edit, &[("date", "2020-13-01")]), "YYYY-MM-DD"),
            (decision("x", Decision::Edit, &[("kind", "robot")]), "kind"),
            (decision("x", Decision::Edit, &[("name", " ")]), "cannot be empty"),
            (
                NewDecision { reviewer: " ".into(), ..decision("x", Decision::Accept, &[]) },
                "reviewer",
            ),
        ] {
            let error = store.record(bad).unwrap_err().to_string();
            assert!(error.contains(expected), "{error}");
        }
        assert!(store.reviews().unwrap().is_empty(), "nothing was recorded");
    }

    #[test]
    fn events_cannot_be_changed_or_deleted() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(FILE_NAME);
        let store = ReviewStore::open(&path).unwrap();
        store.record(decision("org-1", Decision::Accept, &[])).unwrap();
        let raw = Connection::open(&path).unwrap();
        let update = raw.execute("UPDATE events SET decision = 'reject'", []);
        assert!(update.unwrap_err().to_string().contains("append-only"));
        assert!(raw.execute("DELETE FROM events", []).is_err());
        assert_eq!(store.review("org-1").unwrap().state, State::Accepted);
    }

    #[test]
    fn a_store_from_a_newer_version_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(FILE_NAME);
        Connection::open(&path).unwrap().pragma_update(None, "user_version", 99).unwrap();
        let error = ReviewStore::open(&path).unwrap_err().to_string();
        assert!(error.contains("newer"), "{error}");
    }

    #[test]
    fn overlay_sets_the_edited_fields_only() {
        let changes: BTreeMap<String, String> =
            [("name_en", ""), ("aliases", "A; B"), ("expires", "2030-01-01")]
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect();
        let mut designation: Designation = serde_json::from_value(serde_json::json!({
            "id": "org-1", "name": "甲公司", "name_en": "Jia Co", "kind": "organization",
            "authority": "INKSNA",
            "evidence": {"doc": "d.txt", "span": [0, 3], "sentence": "甲公司"}
        }))
        .unwrap();
        overlay(&mut designation, &changes);
        assert_eq!(designation.name, "甲公司");
        assert_eq!(designation.name_en, None);
        assert_eq!(designation.aliases, ["A", "B"]);
        assert_eq!(designation.expires, NaiveDate::from_ymd_opt(2030, 1, 1));
    }
}
