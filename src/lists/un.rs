//! The UN Security Council consolidated list (XML, `CONSOLIDATED_LIST` with
//! `INDIVIDUALS/INDIVIDUAL` and `ENTITIES/ENTITY`), read as a stream of
//! events with quick-xml (no document tree).
//!
//! Each record becomes an entry `un-<REFERENCE_NUMBER>` (`un-KPi.080`):
//! the name parts joined, the original-script name and the aliases as
//! aliases (low-quality aliases only in the remarks, since they are mostly
//! single words that would match too much), nationality and address
//! countries, the regime as program (the DPRK regime under its resolution,
//! `UNSC-1718`), the listing day, IMO numbers found in the comments, and
//! the comments as remarks.

use std::path::Path;
use std::sync::OnceLock;

use chrono::NaiveDate;
use regex::Regex;

use super::xml::{walk, Element};
use super::{file_name, read_file, Error, ImportedList, ListEntry};
use crate::model::{EntityKind, Identifier};

/// The authority of each regime the authority table knows.
const REGIME_AUTHORITIES: [(&str, &str); 1] = [("DPRK", "UNSC-1718")];

/// One record being read.
#[derive(Debug, Default)]
struct Record {
    kind: Option<EntityKind>,
    line: u64,
    data_id: String,
    name_parts: [String; 4],
    original_script: String,
    regime: String,
    reference: String,
    listed_on: String,
    comments: String,
    aliases: Vec<(String, String)>,
    alias_quality: String,
    countries: Vec<String>,
}

/// Reads the consolidated list at `path` as the list `source`.
pub fn import(source: &str, path: &Path) -> Result<ImportedList, Error> {
    let (bytes, file) = read_file(path)?;
    let mut list = ImportedList::new(source, "un-xml", vec![file])?;
    let name = file_name(path);
    let mut record: Option<Record> = None;
    walk(&bytes, path, "CONSOLIDATED_LIST", "a UN consolidated list", |element| match element {
        Element::Start { tag, line } => {
            let kind = match tag {
                "INDIVIDUAL" => Some(EntityKind::Person),
                "ENTITY" => Some(EntityKind::Organization),
                _ => None,
            };
            if kind.is_some() {
                record = Some(Record { kind, line, ..Record::default() });
            }
        }
        Element::End { tag: "INDIVIDUAL" | "ENTITY", .. } => {
            if let Some(done) = record.take() {
                list.keep(&name, entry_of(done));
            }
        }
        Element::End { tag, parent, text } => {
            if let Some(record) = record.as_mut() {
                record.take(tag, parent, text);
            }
        }
    })?;
    Ok(list)
}

impl Record {
    /// Keeps the text of element `tag` (inside `parent`) where it belongs.
    fn take(&mut self, tag: &str, parent: &str, value: String) {
        if value.is_empty() {
            return;
        }
        match (parent, tag) {
            (_, "DATAID") => self.data_id = value,
            (_, "FIRST_NAME") => self.name_parts[0] = value,
            (_, "SECOND_NAME") => self.name_parts[1] = value,
            (_, "THIRD_NAME") => self.name_parts[2] = value,
            (_, "FOURTH_NAME") => self.name_parts[3] = value,
            (_, "NAME_ORIGINAL_SCRIPT") => self.original_script = value,
            (_, "UN_LIST_TYPE") => self.regime = value,
            (_, "REFERENCE_NUMBER") => self.reference = value,
            (_, "LISTED_ON") => self.listed_on = value,
            (_, "COMMENTS1") => self.comments = value,
            ("INDIVIDUAL_ALIAS" | "ENTITY_ALIAS", "QUALITY") => self.alias_quality = value,
            ("INDIVIDUAL_ALIAS" | "ENTITY_ALIAS", "ALIAS_NAME") => {
                self.aliases.push((std::mem::take(&mut self.alias_quality), value));
            }
            ("NATIONALITY", "VALUE") | ("INDIVIDUAL_ADDRESS" | "ENTITY_ADDRESS", "COUNTRY") => {
                self.countries.push(value);
            }
            _ => {}
        }
    }
}

/// The entry of a finished record, or its line and why it cannot be one.
fn entry_of(record: Record) -> Result<ListEntry, (u64, String)> {
    let name = record
        .name_parts
        .iter()
        .filter(|part| !part.is_empty())
        .cloned()
        .collect::<Vec<_>>()
        .join(" ");
    if name.is_empty() {
        return Err((record.line, "a record without a name".into()));
    }
    let id = match (record.reference.as_str(), record.data_id.as_str()) {
        ("", "") => return Err((record.line, format!("{name}: no REFERENCE_NUMBER or DATAID"))),
        ("", data_id) => format!("un-{data_id}"),
        (reference, _) => format!("un-{reference}"),
    };
    let mut aliases = Vec::new();
    let mut weak = Vec::new();
    if !record.original_script.is_empty() {
        aliases.push(record.original_script.clone());
    }
    for (quality, alias) in record.aliases {
        let alias = alias.trim_matches('"').trim().to_string();
        if alias.is_empty() || alias == name || aliases.contains(&alias) {
            continue;
        }
        if quality.eq_ignore_ascii_case("low") {
            weak.push(alias);
        } else {
            aliases.push(alias);
        }
    }
    let countries = super::country_codes(record.countries.iter().map(String::as_str));
    let authority = REGIME_AUTHORITIES
        .iter()
        .find(|(regime, _)| *regime == record.regime)
        .map_or_else(|| "UNSC".to_string(), |(_, code)| (*code).to_string());
    let identifiers = imo_numbers(&record.comments)
        .into_iter()
        .map(|value| Identifier { scheme: "IMO".into(), value })
        .collect();
    let mut remarks = record.comments;
    if !weak.is_empty() {
        if !remarks.is_empty() {
            remarks.push(' ');
        }
        remarks.push_str(&format!("Low-quality aliases: {}.", weak.join("; ")));
    }
    Ok(ListEntry {
        id,
        kind: record.kind,
        name,
        aliases,
        countries,
        authority: Some(authority),
        programs: if record.regime.is_empty() { Vec::new() } else { vec![record.regime] },
        listed_on: NaiveDate::parse_from_str(&record.listed_on, "%Y-%m-%d").ok(),
        identifiers,
        remarks: (!remarks.is_empty()).then_some(remarks),
    })
}

/// IMO numbers written in `text` ("IMO 8829593", "IMO number: 9143702").
fn imo_numbers(text: &str) -> Vec<String> {
    static PATTERN: OnceLock<Option<Regex>> = OnceLock::new();
    let Some(pattern) = PATTERN
        .get_or_init(|| Regex::new(r"(?i)\bIMO(?:\s+(?:number|no\.?))?[:\s]*(\d{7})\b").ok())
    else {
        return Vec::new();
    };
    let mut numbers: Vec<String> = pattern
        .captures_iter(text)
        .filter_map(|c| c.get(1))
        .map(|m| m.as_str().to_string())
        .collect();
    numbers.dedup();
    numbers
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn imo_numbers_are_read_from_comments() {
        assert_eq!(
            imo_numbers("Vessel IMO 8829593; also IMO number: 9143702."),
            ["8829593", "9143702"]
        );
        assert!(imo_numbers("IMO 12345").is_empty());
    }
}
