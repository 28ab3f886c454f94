//! What changed between two versions of a list: entries added, removed,
//! and changed (by id), with each changed field's old and new value.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Serialize;

use super::{Error, ImportedList, ListEntry};

/// The difference of two versions of a list.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ListDiff {
    /// Entries in the old version.
    pub old_entries: usize,
    /// Entries in the new version.
    pub new_entries: usize,
    /// Entries only in the new version.
    pub added: Vec<ListEntry>,
    /// Entries only in the old version.
    pub removed: Vec<ListEntry>,
    /// Entries in both whose fields differ.
    pub changed: Vec<Changed>,
}

/// One entry in both versions, with what differs.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Changed {
    /// The entry's id.
    pub id: String,
    /// Its name in the new version.
    pub name: String,
    /// Each field that differs.
    pub fields: Vec<FieldChange>,
}

/// A field's value before and after.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldChange {
    /// The field (`name`, `aliases`, `programs`, ...).
    pub field: &'static str,
    /// Its old value, as text.
    pub old: String,
    /// Its new value, as text.
    pub new: String,
}

/// Compares `old` and `new` entry by entry, by id. Entries are reported in
/// the new version's order (removed ones in the old version's).
pub fn diff(old: &ImportedList, new: &ImportedList) -> ListDiff {
    let old_by_id: BTreeMap<&str, &ListEntry> =
        old.entries.iter().map(|entry| (entry.id.as_str(), entry)).collect();
    let new_by_id: BTreeMap<&str, &ListEntry> =
        new.entries.iter().map(|entry| (entry.id.as_str(), entry)).collect();
    let mut result = ListDiff {
        old_entries: old.entries.len(),
        new_entries: new.entries.len(),
        ..ListDiff::default()
    };
    for entry in &new.entries {
        match old_by_id.get(entry.id.as_str()) {
            None => result.added.push(entry.clone()),
            Some(before) => {
                let fields = field_changes(before, entry);
                if !fields.is_empty() {
                    result.changed.push(Changed {
                        id: entry.id.clone(),
                        name: entry.name.clone(),
                        fields,
                    });
                }
            }
        }
    }
    result.removed = old
        .entries
        .iter()
        .filter(|entry| !new_by_id.contains_key(entry.id.as_str()))
        .cloned()
        .collect();
    result
}

/// The fields of one entry that differ between two versions.
fn field_changes(old: &ListEntry, new: &ListEntry) -> Vec<FieldChange> {
    let kind = |entry: &ListEntry| entry.kind.map(|kind| kind.to_string()).unwrap_or_default();
    let joined = |values: &[String]| values.join("; ");
    let identifiers = |entry: &ListEntry| {
        entry
            .identifiers
            .iter()
            .map(|id| format!("{} {}", id.scheme, id.value))
            .collect::<Vec<_>>()
            .join("; ")
    };
    let pairs: [(&'static str, String, String); 9] = [
        ("name", old.name.clone(), new.name.clone()),
        ("kind", kind(old), kind(new)),
        ("aliases", joined(&old.aliases), joined(&new.aliases)),
        ("countries", joined(&old.countries), joined(&new.countries)),
        (
            "authority",
            old.authority.clone().unwrap_or_default(),
            new.authority.clone().unwrap_or_default(),
        ),
        ("programs", joined(&old.programs), joined(&new.programs)),
        (
            "listed_on",
            old.listed_on.map(|d| d.to_string()).unwrap_or_default(),
            new.listed_on.map(|d| d.to_string()).unwrap_or_default(),
        ),
        ("identifiers", identifiers(old), identifiers(new)),
        (
            "remarks",
            old.remarks.clone().unwrap_or_default(),
            new.remarks.clone().unwrap_or_default(),
        ),
    ];
    pairs
        .into_iter()
        .filter(|(_, before, after)| before != after)
        .map(|(field, old, new)| FieldChange { field, old, new })
        .collect()
}

/// A version of a list from a file: a stored import (`.json`), a UN
/// consolidated list or an OFAC XML list (`.xml`), an OFAC legacy CSV (`sdn.csv`,
/// `cons_prim.csv`; no header, numbers first) or a generic CSV.
pub fn read_version(path: &Path) -> Result<ImportedList, Error> {
    let extension =
        path.extension().map(|ext| ext.to_string_lossy().to_ascii_lowercase()).unwrap_or_default();
    match extension.as_str() {
        "json" => super::load(path),
        "xml" => {
            let (bytes, _) = super::read_file(path)?;
            let head = String::from_utf8_lossy(bytes.get(..4096).unwrap_or(&bytes)).into_owned();
            if head.contains("<sdnList") {
                super::ofac_xml::import("version", path)
            } else {
                super::un::import("version", path)
            }
        }
        _ => {
            let (bytes, _) = super::read_file(path)?;
            let first_field = bytes.split(|byte| *byte == b',').next().unwrap_or_default();
            let ofac = !first_field.is_empty() && first_field.iter().all(u8::is_ascii_digit);
            if ofac {
                super::ofac::import(
                    "version",
                    super::ofac::Files { primary: path, aliases: None, addresses: None },
                )
            } else {
                super::table::import("version", path)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(id: &str, name: &str, programs: &[&str]) -> ListEntry {
        ListEntry {
            id: id.into(),
            kind: None,
            name: name.into(),
            aliases: Vec::new(),
            countries: Vec::new(),
            authority: None,
            programs: programs.iter().map(|p| p.to_string()).collect(),
            listed_on: None,
            identifiers: Vec::new(),
            remarks: None,
        }
    }

    fn list(entries: Vec<ListEntry>) -> ImportedList {
        let mut list = ImportedList::new("x", "csv", Vec::new()).unwrap();
        list.entries = entries;
        list
    }

    #[test]
    fn added_removed_and_changed_entries_are_told_apart() {
        let old =
            list(vec![entry("1", "A", &["P"]), entry("2", "B", &["P"]), entry("3", "C", &[])]);
        let new =
            list(vec![entry("1", "A", &["P"]), entry("3", "C2", &["Q"]), entry("4", "D", &[])]);
        let found = diff(&old, &new);
        assert_eq!(found.added.iter().map(|e| e.id.as_str()).collect::<Vec<_>>(), ["4"]);
        assert_eq!(found.removed.iter().map(|e| e.id.as_str()).collect::<Vec<_>>(), ["2"]);
        assert_eq!(found.changed.len(), 1);
        let fields: Vec<&str> = found.changed[0].fields.iter().map(|f| f.field).collect();
        assert_eq!(fields, ["name", "programs"]);
        assert_eq!(found.changed[0].fields[0].old, "C");
    }
}
