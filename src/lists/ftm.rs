//! FollowTheMoney entities as JSON lines, the format OpenSanctions
//! publishes: `{"id", "schema", "properties": {name: [...], ...}}` per line.
//!
//! [`import`] reads parties (`Person`, `Organization`, `Company`,
//! `LegalEntity`, `Vessel`, `Airplane`) with their names, aliases,
//! countries and IMO numbers, and joins each `Sanction` entity to its
//! party (authority, program, start date). Other schemas are counted, not
//! imported. Ids are kept verbatim. [`export`] writes the registry's
//! designations the same way: a party and a `Sanction` per designation.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Deserialize;
use serde_json::{json, Map, Value};

use super::{file_name, read_file, Error, ImportedList, ListEntry, SkippedRow};
use crate::model::{Designation, EntityKind, Identifier};
use crate::registry::Registry;

/// One line of the file.
#[derive(Debug, Deserialize)]
struct Line {
    id: String,
    schema: String,
    #[serde(default)]
    properties: BTreeMap<String, Vec<Value>>,
}

impl Line {
    /// The texts of property `name`.
    fn texts(&self, name: &str) -> Vec<String> {
        self.properties
            .get(name)
            .map(|values| {
                values
                    .iter()
                    .filter_map(|value| value.as_str().map(str::trim).filter(|t| !t.is_empty()))
                    .map(str::to_string)
                    .collect()
            })
            .unwrap_or_default()
    }
}

/// The kind of a party schema; `None` for the others.
fn kind_of(schema: &str) -> Option<EntityKind> {
    match schema {
        "Person" => Some(EntityKind::Person),
        "Organization" | "Company" | "LegalEntity" | "PublicBody" => Some(EntityKind::Organization),
        "Vessel" => Some(EntityKind::Vessel),
        "Airplane" => Some(EntityKind::Aircraft),
        _ => None,
    }
}

/// Reads FtM JSON lines at `path` as the list `source`.
pub fn import(source: &str, path: &Path) -> Result<ImportedList, Error> {
    let (bytes, file) = read_file(path)?;
    let mut list = ImportedList::new(source, "ftm", vec![file])?;
    let name = file_name(path);
    let text = String::from_utf8(bytes).map_err(|error| Error::Format {
        path: path.into(),
        message: format!("not UTF-8 (byte {})", error.utf8_error().valid_up_to()),
    })?;
    let mut sanctions: BTreeMap<String, Vec<Line>> = BTreeMap::new();
    let mut parties: Vec<(u64, Line)> = Vec::new();
    let mut others: BTreeMap<String, (u64, usize)> = BTreeMap::new();
    for (index, raw) in text.lines().enumerate() {
        let number = index as u64 + 1;
        if raw.trim().is_empty() {
            continue;
        }
        let line: Line = match serde_json::from_str(raw) {
            Ok(line) => line,
            Err(error) => {
                list.skipped.push(SkippedRow {
                    file: name.clone(),
                    line: number,
                    reason: format!("not an FtM entity: {error}"),
                });
                continue;
            }
        };
        if line.schema == "Sanction" {
            for party in line.texts("entity") {
                sanctions.entry(party).or_default().push(Line {
                    id: line.id.clone(),
                    schema: line.schema.clone(),
                    properties: line.properties.clone(),
                });
            }
        } else if kind_of(&line.schema).is_some() {
            parties.push((number, line));
        } else {
            let seen = others.entry(line.schema.clone()).or_insert((number, 0));
            seen.1 += 1;
        }
    }
    for (number, party) in parties {
        let names = party.texts("name");
        let Some(primary) = names.first().cloned() else {
            list.skipped.push(SkippedRow {
                file: name.clone(),
                line: number,
                reason: format!("{} {}: no name", party.schema, party.id),
            });
            continue;
        };
        let mut aliases: Vec<String> = names.iter().skip(1).cloned().collect();
        for field in ["alias", "previousName"] {
            for alias in party.texts(field) {
                if alias != primary && !aliases.contains(&alias) {
                    aliases.push(alias);
                }
            }
        }
        let mut countries: Vec<String> =
            ["country", "nationality", "citizenship", "jurisdiction", "flag"]
                .iter()
                .flat_map(|field| party.texts(field))
                .collect();
        let mut identifiers: Vec<Identifier> = party
            .texts("imoNumber")
            .into_iter()
            .map(|value| Identifier {
                scheme: "IMO".into(),
                value: value.trim_start_matches("IMO").trim().to_string(),
            })
            .collect();
        identifiers.extend(
            party
                .texts("mmsi")
                .into_iter()
                .map(|value| Identifier { scheme: "MMSI".into(), value }),
        );
        let mut programs = party.texts("program");
        let mut authority = None;
        let mut listed_on = None;
        for sanction in sanctions.get(&party.id).into_iter().flatten() {
            authority = authority.or_else(|| sanction.texts("authority").into_iter().next());
            programs.extend(sanction.texts("program"));
            countries.extend(sanction.texts("country"));
            let start = sanction
                .texts("startDate")
                .into_iter()
                .filter_map(|date| {
                    chrono::NaiveDate::parse_from_str(date.get(..10).unwrap_or(&date), "%Y-%m-%d")
                        .ok()
                })
                .min();
            listed_on = match (listed_on, start) {
                (Some(known), Some(start)) => Some(std::cmp::min(known, start)),
                (known, start) => known.or(start),
            };
        }
        let countries = super::country_codes(countries.iter().map(String::as_str));
        programs.dedup();
        let weak = party.texts("weakAlias");
        let mut remarks = party.texts("notes").join(" ");
        if !weak.is_empty() {
            if !remarks.is_empty() {
                remarks.push(' ');
            }
            remarks.push_str(&format!("Weak aliases: {}.", weak.join("; ")));
        }
        list.entries.push(ListEntry {
            id: party.id.clone(),
            kind: kind_of(&party.schema),
            name: primary,
            aliases,
            countries,
            authority,
            programs,
            listed_on,
            identifiers,
            remarks: (!remarks.is_empty()).then_some(remarks),
        });
    }
    for (schema, (first_line, count)) in others {
        list.skipped.push(SkippedRow {
            file: name.clone(),
            line: first_line,
            reason: format!(
                "{count} {schema} entit{} (not a person, organization, vessel or aircraft) not imported",
                if count == 1 { "y" } else { "ies" }
            ),
        });
    }
    if list.entries.is_empty()
        && list.skipped.iter().all(|row| row.reason.starts_with("not an FtM"))
        && !list.skipped.is_empty()
    {
        return Err(Error::Format {
            path: path.into(),
            message: format!(
                "no line is an FtM entity (line 1: {})",
                list.skipped.first().map_or("", |row| row.reason.as_str())
            ),
        });
    }
    Ok(list)
}

/// The registry's designations as FtM JSON lines: for each, the party
/// (`Person`, `Organization`, `Vessel`, `Airplane`) and a `Sanction` naming
/// it, with authority, dates, measures and the source sentence.
pub fn export(registry: &Registry) -> String {
    let mut out = String::new();
    for designation in &registry.designations {
        for entity in entities_of(designation) {
            out.push_str(&entity.to_string());
            out.push('\n');
        }
    }
    out
}

fn entities_of(designation: &Designation) -> [Value; 2] {
    let schema = match designation.kind {
        EntityKind::Person => "Person",
        EntityKind::Organization => "Organization",
        EntityKind::Vessel => "Vessel",
        EntityKind::Aircraft => "Airplane",
    };
    let mut properties = Map::new();
    let mut put = |key: &str, values: Vec<String>| {
        if !values.is_empty() {
            properties.insert(key.to_string(), json!(values));
        }
    };
    let mut names = vec![designation.name.clone()];
    names.extend(designation.name_en.iter().cloned());
    put("name", names);
    put("alias", designation.aliases.clone());
    let country: Vec<String> = designation.country.iter().map(|c| c.to_ascii_lowercase()).collect();
    put(if designation.kind == EntityKind::Vessel { "flag" } else { "country" }, country);
    put(
        "imoNumber",
        designation
            .identifiers
            .iter()
            .filter(|id| id.scheme == "IMO")
            .map(|id| format!("IMO{}", id.value))
            .collect(),
    );
    if designation.kind == EntityKind::Person {
        put("position", designation.role.iter().cloned().collect());
    }
    put("topics", vec!["sanction".into()]);
    let party = json!({"id": designation.id, "schema": schema, "properties": properties});

    let mut sanction = Map::new();
    let mut put = |key: &str, values: Vec<String>| {
        if !values.is_empty() {
            sanction.insert(key.to_string(), json!(values));
        }
    };
    put("entity", vec![designation.id.clone()]);
    let mut authorities = vec![designation.authority.clone()];
    authorities.extend(designation.authority_also.iter().cloned());
    put("authority", authorities);
    put("startDate", designation.date.iter().map(|d| d.to_string()).collect());
    put("endDate", designation.expires.iter().map(|d| d.to_string()).collect());
    put("listingDate", designation.announced.iter().map(|d| d.to_string()).collect());
    put("provisions", designation.measures.iter().cloned().collect());
    put("summary", vec![designation.evidence.sentence.clone()]);
    put("sourceUrl", vec![format!("registry:{}", designation.evidence.doc)]);
    let sanction = json!({
        "id": format!("{}-sanction", designation.id),
        "schema": "Sanction",
        "properties": sanction
    });
    [party, sanction]
}
