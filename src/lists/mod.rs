//! Official and user-supplied sanctions lists, imported into one normalized
//! JSON shape under `DATA/lists/<source>.json`.
//!
//! Importers ([`ofac`] for OFAC's legacy CSV files, [`table`] for the
//! documented generic CSV) read whole files, keep every row they can and
//! report every row they cannot with its file and line ([`SkippedRow`]);
//! nothing is dropped silently. A list is written atomically, so a failed
//! import leaves the previous version of that list untouched.

/// OFAC legacy CSV files.
pub mod diff;
pub mod fetch;
pub mod ftm;
pub mod ofac;
pub mod ofac_xml;
pub mod origin;
/// The generic list CSV.
pub mod table;
pub mod un;
pub mod update;
mod xml;

use std::fs;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::model::{EntityKind, Identifier};
use crate::registry::store::{write_atomically, Error as StoreError};

/// Version of the list file format; bumped when a stored field changes.
pub const SCHEMA_VERSION: u32 = 1;

/// One listed entity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListEntry {
    /// Id, unique within the list (`ofac-21444`, or a CSV row's id verbatim).
    pub id: String,
    /// Person, organization, vessel or aircraft; `None` when the list does not say.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<EntityKind>,
    /// The primary name as the list writes it.
    pub name: String,
    /// Other names (a.k.a., f.k.a., n.k.a.).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// ISO 3166-1 alpha-2 codes (or country names the gazetteer does not know).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub countries: Vec<String>,
    /// Code of the legal authority (e.g. `OFAC-SDN`), when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub authority: Option<String>,
    /// Sanctions programs as the list names them (`DPRK2`, `SDGT`, ...).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub programs: Vec<String>,
    /// The day the entry was listed, when the list says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub listed_on: Option<NaiveDate>,
    /// Exact identifiers (IMO numbers).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub identifiers: Vec<Identifier>,
    /// Free-text remarks as the list gives them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remarks: Option<String>,
}

/// A row an importer could not use, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SkippedRow {
    /// File name the row is in.
    pub file: String,
    /// 1-based line the row starts on.
    pub line: u64,
    /// What is wrong with it.
    pub reason: String,
}

/// A file an import read, for provenance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceFile {
    /// The path as given on the command line.
    pub path: String,
    /// SHA-256 of the file's bytes, hex.
    pub sha256: String,
}

/// One imported list, as stored in `DATA/lists/<source>.json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportedList {
    /// Format version of this file.
    pub schema_version: u32,
    /// Short name of the list, also its file name (`ofac-sdn`).
    pub source: String,
    /// The importer used (`ofac-csv`, `csv`).
    pub format: String,
    /// When the import ran (RFC 3339).
    pub imported_at: String,
    /// The files read.
    pub files: Vec<SourceFile>,
    /// The entries, in file order.
    pub entries: Vec<ListEntry>,
    /// Rows that were reported and left out.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub skipped: Vec<SkippedRow>,
    /// Where it was downloaded from, when it was (`sanctions update` asks
    /// there again).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin: Option<origin::Origin>,
}

/// Why a list could not be imported, stored or loaded.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The file cannot be read as a list at all (as opposed to single bad rows).
    #[error("{path}: {message}")]
    Format {
        /// The file.
        path: PathBuf,
        /// What is wrong, with the line where it applies.
        message: String,
    },
    /// The source name cannot be a file name.
    #[error("invalid source name {0:?}: use letters, digits, '-', '_' and '.' (not leading)")]
    SourceName(String),
    /// A download failed (its status, size, time or transfer).
    #[error(transparent)]
    Fetch(#[from] fetch::FetchError),
    /// Storing or loading failed (IO, invalid JSON, another schema version).
    #[error(transparent)]
    Store(#[from] crate::registry::store::Error),
}

impl ImportedList {
    /// A list read from `files` now, with the given entries and skipped rows.
    pub fn new(source: &str, format: &str, files: Vec<SourceFile>) -> Result<Self, Error> {
        validate_source_name(source)?;
        Ok(ImportedList {
            schema_version: SCHEMA_VERSION,
            source: source.to_string(),
            format: format.to_string(),
            imported_at: chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            files,
            entries: Vec::new(),
            skipped: Vec::new(),
            origin: None,
        })
    }
}

fn validate_source_name(source: &str) -> Result<(), Error> {
    let valid = !source.is_empty()
        && !source.starts_with('.')
        && source.len() <= 64
        && source.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'));
    if valid {
        Ok(())
    } else {
        Err(Error::SourceName(source.to_string()))
    }
}

impl ImportedList {
    /// Keeps a read record: its entry, or the row it was on and why it
    /// could not be one (never dropped silently).
    pub(crate) fn keep(&mut self, file: &str, read: Result<ListEntry, (u64, String)>) {
        match read {
            Ok(entry) => self.entries.push(entry),
            Err((line, reason)) => {
                self.skipped.push(SkippedRow { file: file.to_string(), line, reason })
            }
        }
    }
}

/// A list's country cell as its ISO code, or as written when it names no
/// country we know (kept, never dropped).
pub(crate) fn country_code(name: &str) -> String {
    crate::country::code_of_field(name).map_or_else(|| name.trim().to_string(), str::to_string)
}

/// Countries as ISO codes (see [`country_code`]), sorted, each once.
pub(crate) fn country_codes<'a>(names: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let mut codes: Vec<String> =
        names.into_iter().filter(|name| !name.trim().is_empty()).map(country_code).collect();
    codes.sort();
    codes.dedup();
    codes
}

/// Reads a whole file, naming it in the error.
pub(crate) fn read_file(path: &Path) -> Result<(Vec<u8>, SourceFile), Error> {
    use sha2::{Digest, Sha256};
    let bytes = fs::read(path).map_err(|source| StoreError::Io {
        path: path.into(),
        action: "cannot read",
        source,
    })?;
    let digest = Sha256::digest(&bytes);
    let sha256 = digest.iter().map(|byte| format!("{byte:02x}")).collect();
    Ok((bytes, SourceFile { path: path.display().to_string(), sha256 }))
}

/// The file name part of a path, for row reports.
pub(crate) fn file_name(path: &Path) -> String {
    path.file_name()
        .map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned())
}

/// The folder imported lists live in.
pub fn folder(data: &Path) -> PathBuf {
    data.join("lists")
}

/// Stores a list as `DATA/lists/<source>.json`, replacing an older import of
/// the same source atomically. Returns the path written.
pub fn save(data: &Path, list: &ImportedList) -> Result<PathBuf, Error> {
    validate_source_name(&list.source)?;
    let dir = folder(data);
    fs::create_dir_all(&dir).map_err(|source| StoreError::Io {
        path: dir.clone(),
        action: "cannot create folder",
        source,
    })?;
    let path = dir.join(format!("{}.json", list.source));
    let json = serde_json::to_string_pretty(list).map_err(|source| {
        crate::registry::store::Error::Serialize { path: path.clone(), source }
    })?;
    write_atomically(&path, format!("{json}\n").as_bytes())?;
    Ok(path)
}

/// Loads one stored list.
pub fn load(path: &Path) -> Result<ImportedList, Error> {
    Ok(crate::registry::store::load_versioned(path, SCHEMA_VERSION, "import the list again")?)
}

/// Loads the stored list named `source`, if there is one.
pub fn load_source(data: &Path, source: &str) -> Result<Option<ImportedList>, Error> {
    // A name that cannot be a list's is no stored list (the importer
    // refuses it with its own error).
    let path = folder(data).join(format!("{source}.json"));
    if validate_source_name(source).is_err() || !path.exists() {
        return Ok(None);
    }
    load(&path).map(Some)
}

/// Loads every stored list in `DATA/lists/`, sorted by source name; none when
/// the folder does not exist.
pub fn load_all(data: &Path) -> Result<Vec<ImportedList>, Error> {
    let dir = folder(data);
    let entries = match fs::read_dir(&dir) {
        Ok(entries) => entries,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(source) => {
            return Err(StoreError::Io { path: dir, action: "cannot list folder", source }.into())
        }
    };
    let mut paths = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|source| StoreError::Io {
            path: dir.clone(),
            action: "cannot list folder",
            source,
        })?;
        let path = entry.path();
        if path.extension().is_some_and(|ext| ext == "json") {
            paths.push(path);
        }
    }
    paths.sort();
    paths.iter().map(|path| load(path)).collect()
}

/// One CSV row: its 1-based starting line and its fields as text, or why
/// it cannot be read (invalid UTF-8, broken quoting).
pub(crate) type CsvRow = (u64, Result<Vec<String>, String>);

/// Reads CSV rows from `bytes` without a header check, tolerating rows of any
/// length (the caller checks the count) and OFAC's trailing 0x1A byte.
pub(crate) fn csv_rows(bytes: &[u8]) -> impl Iterator<Item = CsvRow> + '_ {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(bytes);
    let mut record = csv::ByteRecord::new();
    let mut lines = LineCounter::default();
    let mut failed = false;
    std::iter::from_fn(move || loop {
        if failed {
            return None; // a reader error is not recoverable; it was reported once
        }
        let start = reader.position().byte();
        match reader.read_byte_record(&mut record) {
            Ok(false) => return None,
            Ok(true) => {
                let start = record.position().map_or(start, csv::Position::byte);
                let line = lines.line_at(bytes, start);
                if record.len() == 1 && record.get(0).is_some_and(|f| f.trim_ascii() == b"\x1a") {
                    continue; // OFAC's end-of-file marker, not a row
                }
                if record.iter().all(|field| field.trim_ascii().is_empty()) {
                    continue; // blank line
                }
                let fields = record
                    .iter()
                    .enumerate()
                    .map(|(index, field)| {
                        std::str::from_utf8(field).map(str::to_string).map_err(|error| {
                            format!(
                                "field {} is not valid UTF-8 (byte {})",
                                index + 1,
                                error.valid_up_to()
                            )
                        })
                    })
                    .collect();
                return Some((line, fields));
            }
            Err(error) => {
                failed = true;
                let start = error.position().map_or(start, csv::Position::byte);
                let line = lines.line_at(bytes, start);
                return Some((
                    line,
                    Err(format!("unreadable CSV, the rest of the file was not read: {error}")),
                ));
            }
        }
    })
}

/// Counts lines up to increasing byte offsets. The csv crate's own line
/// numbers lag by one after a CRLF, so rows are numbered from byte offsets.
#[derive(Default)]
struct LineCounter {
    offset: usize,
    newlines: u64,
}

impl LineCounter {
    /// The 1-based line of the row starting at byte `start` (which may point
    /// at the LF of the previous row's CRLF).
    fn line_at(&mut self, bytes: &[u8], start: u64) -> u64 {
        let mut start = usize::try_from(start).unwrap_or(usize::MAX).min(bytes.len());
        while bytes.get(start).is_some_and(|byte| *byte == b'\n' || *byte == b'\r') {
            start += 1;
        }
        if start > self.offset {
            let counted = bytes.get(self.offset..start).unwrap_or_default();
            self.newlines += counted.iter().filter(|byte| **byte == b'\n').count() as u64;
            self.offset = start;
        }
        self.newlines + 1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn source_names_must_be_safe_file_names() {
        assert!(validate_source_name("ofac-sdn").is_ok());
        assert!(validate_source_name("my_list.2024").is_ok());
        for bad in ["", "../x", ".hidden", "a/b", "spaced name"] {
            assert!(validate_source_name(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn saved_list_loads_back_and_replaces_the_old_one() {
        let data = tempfile::tempdir().unwrap();
        let mut list = ImportedList::new("test", "csv", Vec::new()).unwrap();
        list.entries.push(ListEntry {
            id: "x1".into(),
            kind: Some(EntityKind::Person),
            name: "Jane Doe".into(),
            aliases: vec!["J. Doe".into()],
            countries: vec![],
            authority: None,
            programs: vec![],
            listed_on: None,
            identifiers: vec![],
            remarks: None,
        });
        save(data.path(), &list).unwrap();
        list.entries.clear();
        save(data.path(), &list).unwrap();
        let loaded = load_all(data.path()).unwrap();
        assert_eq!(loaded, vec![list]);
    }

    #[test]
    fn missing_folder_means_no_lists_and_bad_json_names_the_line() {
        let data = tempfile::tempdir().unwrap();
        assert!(load_all(data.path()).unwrap().is_empty());
        fs::create_dir_all(folder(data.path())).unwrap();
        fs::write(folder(data.path()).join("bad.json"), "{\n  \"schema_version\": 1,\n  oops\n}")
            .unwrap();
        let error = load_all(data.path()).unwrap_err().to_string();
        assert!(error.contains("bad.json") && error.contains("line 3"), "{error}");
    }
}
