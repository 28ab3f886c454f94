//! OFAC's XML schema (`sdn.xml`, and the consolidated non-SDN list in the
//! same schema): `sdnList/sdnEntry` with `uid`, `lastName`, `firstName`,
//! `sdnType`, `programList`, `akaList`, `addressList`, `idList`,
//! `dateOfBirthList`, `nationalityList`, `citizenshipList` and `remarks`,
//! read as quick-xml events.
//!
//! Entries are `ofac-<uid>`, named as the CSV files name them (`LAST,
//! First` for people); aliases likewise; countries from addresses,
//! nationalities and citizenships; identifiers from `idList` (IMO numbers
//! as `IMO`); dates of birth added to the remarks.

use std::path::Path;

use super::xml::{walk, Element};
use super::{file_name, read_file, Error, ImportedList, ListEntry};
use crate::model::{EntityKind, Identifier};

/// One `sdnEntry` being read.
#[derive(Debug, Default)]
struct Record {
    line: u64,
    uid: String,
    last_name: String,
    first_name: String,
    kind: String,
    programs: Vec<String>,
    aliases: Vec<String>,
    alias_parts: (String, String),
    countries: Vec<String>,
    id_parts: (String, String),
    identifiers: Vec<Identifier>,
    births: Vec<String>,
    remarks: String,
}

/// Reads an OFAC XML file at `path` as the list `source`.
pub fn import(source: &str, path: &Path) -> Result<ImportedList, Error> {
    let (bytes, file) = read_file(path)?;
    let mut list = ImportedList::new(source, "ofac-xml", vec![file])?;
    let authority = source.starts_with("ofac-sdn").then(|| "OFAC-SDN".to_string());
    let name = file_name(path);
    let mut record: Option<Record> = None;
    walk(&bytes, path, "sdnList", "an OFAC XML list", |element| match element {
        Element::Start { tag: "sdnEntry", line } => {
            record = Some(Record { line, ..Record::default() });
        }
        Element::Start { .. } => {}
        Element::End { tag: "sdnEntry", .. } => {
            if let Some(done) = record.take() {
                list.keep(&name, entry_of(done, authority.as_deref()));
            }
        }
        Element::End { tag, parent, text } => {
            if let Some(record) = record.as_mut() {
                record.take(tag, parent, text);
            }
        }
    })?;
    if list.entries.is_empty() && list.skipped.is_empty() {
        return Err(Error::Format {
            path: path.into(),
            message: "no <sdnEntry> in the file: not an OFAC XML list".into(),
        });
    }
    Ok(list)
}

impl Record {
    /// Keeps the text of element `tag` (inside `parent`) where it belongs.
    fn take(&mut self, tag: &str, parent: &str, value: String) {
        match (parent, tag) {
            ("sdnEntry", "uid") => self.uid = value,
            ("sdnEntry", "lastName") => self.last_name = value,
            ("sdnEntry", "firstName") => self.first_name = value,
            ("sdnEntry", "sdnType") => self.kind = value,
            ("sdnEntry", "remarks") => self.remarks = value,
            ("programList", "program") if !value.is_empty() => self.programs.push(value),
            ("aka", "lastName") => self.alias_parts.0 = value,
            ("aka", "firstName") => self.alias_parts.1 = value,
            ("akaList", "aka") => {
                let (last, first) = std::mem::take(&mut self.alias_parts);
                let alias = person_name(&last, &first);
                if !alias.is_empty() && !self.aliases.contains(&alias) {
                    self.aliases.push(alias);
                }
            }
            ("address", "country") | ("nationality", "country") | ("citizenship", "country")
                if !value.is_empty() =>
            {
                self.countries.push(value);
            }
            ("id", "idType") => self.id_parts.0 = value,
            ("id", "idNumber") => self.id_parts.1 = value,
            ("idList", "id") => {
                let (scheme, number) = std::mem::take(&mut self.id_parts);
                let digits: String = number.chars().filter(char::is_ascii_digit).collect();
                let is_imo = scheme.to_ascii_uppercase().contains("IMO")
                    || number.to_ascii_uppercase().starts_with("IMO");
                if is_imo && digits.len() == 7 {
                    // As the CSV files give it: "Vessel Registration
                    // Identification IMO 9234567" is IMO number 9234567.
                    self.identifiers.push(Identifier { scheme: "IMO".into(), value: digits });
                } else if !number.is_empty() {
                    self.identifiers.push(Identifier { scheme, value: number });
                }
            }
            ("dateOfBirthItem", "dateOfBirth") if !value.is_empty() => self.births.push(value),
            _ => {}
        }
    }
}

/// `LAST, First` (or `LAST` alone), as OFAC's CSV files write names.
fn person_name(last: &str, first: &str) -> String {
    match (last.trim(), first.trim()) {
        ("", first) => first.to_string(),
        (last, "") => last.to_string(),
        (last, first) => format!("{last}, {first}"),
    }
}

fn entry_of(record: Record, authority: Option<&str>) -> Result<ListEntry, (u64, String)> {
    let name = person_name(&record.last_name, &record.first_name);
    if name.is_empty() {
        return Err((record.line, format!("sdnEntry {}: no name", record.uid)));
    }
    if record.uid.is_empty() {
        return Err((record.line, format!("{name}: no uid")));
    }
    let kind = match record.kind.to_ascii_lowercase().as_str() {
        "individual" => Some(EntityKind::Person),
        "entity" => Some(EntityKind::Organization),
        "vessel" => Some(EntityKind::Vessel),
        "aircraft" => Some(EntityKind::Aircraft),
        _ => None,
    };
    let countries = super::country_codes(record.countries.iter().map(String::as_str));
    let mut remarks = record.remarks;
    if !record.births.is_empty() {
        let births = format!("DOB {}.", record.births.join("; alt. DOB "));
        remarks = if remarks.is_empty() { births } else { format!("{births} {remarks}") };
    }
    Ok(ListEntry {
        id: format!("ofac-{}", record.uid),
        kind,
        name,
        aliases: record.aliases,
        countries,
        authority: authority.map(str::to_string),
        programs: record.programs,
        listed_on: None,
        identifiers: record.identifiers,
        remarks: (!remarks.is_empty()).then_some(remarks),
    })
}
