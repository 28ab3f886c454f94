//! OFAC's legacy CSV files: `sdn.csv` (or `cons_prim.csv`) with the optional
//! `alt.csv` (aliases) and `add.csv` (addresses, for countries).
//!
//! The quirks handled: no header row, `-0- ` for an empty value, a trailing
//! 0x1A byte, CRLF line ends, several programs joined by `] [`, and IMO
//! numbers only inside the remarks.

use std::collections::HashMap;
use std::path::Path;
use std::sync::OnceLock;

use regex::Regex;

use super::{
    country_code, csv_rows, file_name, read_file, Error, ImportedList, ListEntry, SkippedRow,
};
use crate::model::{EntityKind, Identifier};

/// The files of one OFAC publication.
#[derive(Debug, Clone, Copy)]
pub struct Files<'a> {
    /// The primary records (`sdn.csv`, 12 columns).
    pub primary: &'a Path,
    /// Aliases (`alt.csv`, 5 columns).
    pub aliases: Option<&'a Path>,
    /// Addresses (`add.csv`, 6 columns).
    pub addresses: Option<&'a Path>,
}

/// Imports an OFAC CSV publication as list `source`. Entry ids are
/// `ofac-<ent_num>`; rows that cannot be used are in `skipped`.
pub fn import(source: &str, files: Files<'_>) -> Result<ImportedList, Error> {
    let (primary_bytes, primary_file) = read_file(files.primary)?;
    let mut provenance = vec![primary_file];
    let aliases = files.aliases.map(read_file).transpose()?;
    let addresses = files.addresses.map(read_file).transpose()?;
    provenance.extend(aliases.iter().map(|(_, file)| file.clone()));
    provenance.extend(addresses.iter().map(|(_, file)| file.clone()));

    let mut list = ImportedList::new(source, "ofac-csv", provenance)?;
    let authority = source.starts_with("ofac-sdn").then(|| "OFAC-SDN".to_string());
    let primary_name = file_name(files.primary);
    let mut row_of_entity: HashMap<String, usize> = HashMap::new();
    for (line, fields) in csv_rows(&primary_bytes) {
        let mut skip = |reason: String| {
            list.skipped.push(SkippedRow { file: primary_name.clone(), line, reason });
        };
        let fields = match fields {
            Ok(fields) => fields,
            Err(reason) => {
                skip(reason);
                continue;
            }
        };
        match primary_entry(&fields, authority.as_deref()) {
            Ok(entry) => {
                if row_of_entity.contains_key(&entry.id) {
                    skip(format!("duplicate ent_num {}", entry.id));
                    continue;
                }
                row_of_entity.insert(entry.id.clone(), list.entries.len());
                list.entries.push(entry);
            }
            Err(reason) => skip(reason),
        }
    }
    if list.entries.is_empty() {
        return Err(Error::Format {
            path: files.primary.into(),
            message: format!(
                "no OFAC SDN records (12 columns: ent_num, name, type, programs, ...){}",
                list.skipped
                    .first()
                    .map_or(String::new(), |row| format!("; line {}: {}", row.line, row.reason))
            ),
        });
    }

    if let (Some((bytes, _)), Some(path)) = (&aliases, files.aliases) {
        let name = file_name(path);
        for (line, fields) in csv_rows(bytes) {
            let result = fields.and_then(|fields| {
                let [ent_num, _alt_num, _alt_type, alt_name, ..] = fields.as_slice() else {
                    return Err(format!("expected 5 fields, found {}", fields.len()));
                };
                let index = *row_of_entity.get(&entity_id(ent_num)?).ok_or_else(|| {
                    format!("alias for ent_num {} not in the primary file", ent_num.trim())
                })?;
                let alias = value(alt_name).ok_or("empty alias name")?;
                Ok((index, alias))
            });
            match result {
                Ok((index, alias)) => {
                    if let Some(entry) = list.entries.get_mut(index) {
                        if entry.name != alias && !entry.aliases.contains(&alias) {
                            entry.aliases.push(alias);
                        }
                    }
                }
                Err(reason) => list.skipped.push(SkippedRow { file: name.clone(), line, reason }),
            }
        }
    }

    if let (Some((bytes, _)), Some(path)) = (&addresses, files.addresses) {
        let name = file_name(path);
        for (line, fields) in csv_rows(bytes) {
            let result = fields.and_then(|fields| {
                let [ent_num, _add_num, _address, _city, country, ..] = fields.as_slice() else {
                    return Err(format!("expected 6 fields, found {}", fields.len()));
                };
                let index = *row_of_entity.get(&entity_id(ent_num)?).ok_or_else(|| {
                    format!("address for ent_num {} not in the primary file", ent_num.trim())
                })?;
                Ok((index, value(country)))
            });
            match result {
                Ok((index, Some(country))) => {
                    let code = country_code(&country);
                    if let Some(entry) = list.entries.get_mut(index) {
                        if !entry.countries.contains(&code) {
                            entry.countries.push(code);
                        }
                    }
                }
                Ok((_, None)) => {}
                Err(reason) => list.skipped.push(SkippedRow { file: name.clone(), line, reason }),
            }
        }
    }
    Ok(list)
}

/// A field's value: trimmed, `None` for OFAC's `-0-` null marker or nothing.
fn value(field: &str) -> Option<String> {
    let trimmed = field.trim();
    (!trimmed.is_empty() && trimmed != "-0-").then(|| trimmed.to_string())
}

fn entity_id(ent_num: &str) -> Result<String, String> {
    let number: u64 = ent_num
        .trim()
        .parse()
        .map_err(|_| format!("ent_num {:?} is not a number", ent_num.trim()))?;
    Ok(format!("ofac-{number}"))
}

fn primary_entry(fields: &[String], authority: Option<&str>) -> Result<ListEntry, String> {
    let [ent_num, name, kind, programs, _title, _call_sign, _vessel_type, _tonnage, _grt, flag, _owner, remarks, ..] =
        fields
    else {
        return Err(format!("expected 12 fields, found {}", fields.len()));
    };
    let id = entity_id(ent_num)?;
    let name = value(name).ok_or("empty SDN_Name")?;
    let kind = match value(kind).as_deref().map(str::to_ascii_lowercase).as_deref() {
        None => EntityKind::Organization,
        Some("individual") => EntityKind::Person,
        Some("vessel") => EntityKind::Vessel,
        Some("aircraft") => EntityKind::Aircraft,
        Some(other) => return Err(format!("unknown SDN_Type {other:?}")),
    };
    let programs = value(programs)
        .map(|joined| {
            joined
                .split("] [")
                .map(|program| {
                    program.trim_matches(|c| c == '[' || c == ']' || c == ' ').to_string()
                })
                .filter(|program| !program.is_empty())
                .collect()
        })
        .unwrap_or_default();
    let remarks = value(remarks);
    let identifiers = remarks.as_deref().map(imo_numbers).unwrap_or_default();
    let countries = value(flag).map(|flag| vec![country_code(&flag)]).unwrap_or_default();
    Ok(ListEntry {
        id,
        kind: Some(kind),
        name,
        aliases: Vec::new(),
        countries,
        authority: authority.map(str::to_string),
        programs,
        listed_on: None,
        identifiers,
        remarks,
    })
}

/// IMO numbers written in remarks (`IMO 9114555`).
/// The distinct IMO numbers in `remarks`, in order (OFAC often gives the
/// same number twice: `IMO 9876543; Vessel Registration Identification IMO 9876543`).
fn imo_numbers(remarks: &str) -> Vec<Identifier> {
    static IMO: OnceLock<Option<Regex>> = OnceLock::new();
    let Some(pattern) = IMO.get_or_init(|| Regex::new(r"\bIMO\s*(\d{7})\b").ok()) else {
        return Vec::new();
    };
    let mut numbers: Vec<Identifier> = Vec::new();
    for number in pattern.captures_iter(remarks).filter_map(|captures| captures.get(1)) {
        let identifier = Identifier { scheme: "IMO".into(), value: number.as_str().into() };
        if !numbers.contains(&identifier) {
            numbers.push(identifier);
        }
    }
    numbers
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(dir: &Path, name: &str, bytes: &[u8]) -> std::path::PathBuf {
        let path = dir.join(name);
        std::fs::write(&path, bytes).unwrap();
        path
    }

    #[test]
    fn an_imo_number_given_twice_is_one_identifier() {
        let numbers = imo_numbers(
            "IMO 9876543; Vessel Registration Identification IMO 9876543; IMO 1234567.",
        );
        let values: Vec<&str> = numbers.iter().map(|n| n.value.as_str()).collect();
        assert_eq!(values, ["9876543", "1234567"]);
    }

    #[test]
    fn reads_the_legacy_format_with_its_quirks() {
        let dir = tempfile::tempdir().unwrap();
        let sdn = write(
            dir.path(),
            "sdn.csv",
            b"101,\"DOE, John\",\"individual\",\"DPRK2] [SDGT\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,\"DOB 1970.\"\r\n\
102,\"OCEAN STAR\",\"vessel\",\"DPRK4\",-0- ,-0- ,\"Tanker\",-0- ,-0- ,\"Korea, North\",-0- ,\"IMO 1234567; Vessel Registration.\"\r\n\
103,\"ACME TRADING CO., LTD.\",-0- ,\"IRAN\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n\
oops,\"BAD\",-0- \r\n\x1a",
        );
        let alt = write(
            dir.path(),
            "alt.csv",
            b"101,1,\"aka\",\"DOE, Johnny\",-0- \r\n999,2,\"aka\",\"NOBODY\",-0- \r\n\x1a",
        );
        let add = write(dir.path(), "add.csv", b"103,1,-0- ,\"Tehran\",\"Iran\",-0- \r\n\x1a");
        let list =
            import("ofac-sdn", Files { primary: &sdn, aliases: Some(&alt), addresses: Some(&add) })
                .unwrap();
        let ids: Vec<&str> = list.entries.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids, ["ofac-101", "ofac-102", "ofac-103"]);
        let [person, vessel, company] = list.entries.as_slice() else { panic!() };
        assert_eq!(person.kind, Some(EntityKind::Person));
        assert_eq!(person.programs, ["DPRK2", "SDGT"]);
        assert_eq!(person.aliases, ["DOE, Johnny"]);
        assert_eq!(person.authority.as_deref(), Some("OFAC-SDN"));
        assert_eq!(
            vessel.identifiers,
            [Identifier { scheme: "IMO".into(), value: "1234567".into() }]
        );
        assert_eq!(vessel.countries, ["KP"]);
        assert_eq!(company.kind, Some(EntityKind::Organization));
        assert_eq!(company.remarks, None);
        assert_eq!(company.countries, ["IR"]);
        let skipped: Vec<(&str, u64)> =
            list.skipped.iter().map(|row| (row.file.as_str(), row.line)).collect();
        assert_eq!(skipped, [("sdn.csv", 4), ("alt.csv", 2)]);
    }

    #[test]
    fn a_file_with_no_records_is_an_error_not_an_empty_list() {
        let dir = tempfile::tempdir().unwrap();
        let path = write(dir.path(), "sdn.csv", b"id,name\n1,x\n");
        let error = import("ofac-sdn", Files { primary: &path, aliases: None, addresses: None })
            .unwrap_err()
            .to_string();
        assert!(error.contains("sdn.csv") && error.contains("line 1"), "{error}");
    }
}
