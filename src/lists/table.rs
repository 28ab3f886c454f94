//! The generic list CSV: a header row naming the columns
//! `id,kind,name[,aliases][,country][,authority][,listed_on]` in any order
//! (case-insensitive; other columns are ignored), ids kept verbatim, aliases
//! and countries `;`-separated, `kind` person/organization/vessel/aircraft or
//! empty for unknown, `listed_on` as YYYY-MM-DD.

use std::collections::HashSet;
use std::path::Path;

use chrono::NaiveDate;

use super::{csv_rows, file_name, read_file, Error, ImportedList, ListEntry, SkippedRow};
use crate::model::EntityKind;

const REQUIRED: [&str; 3] = ["id", "kind", "name"];
const OPTIONAL: [&str; 4] = ["aliases", "country", "authority", "listed_on"];

/// Imports a generic list CSV as list `source`.
pub fn import(source: &str, path: &Path) -> Result<ImportedList, Error> {
    let (bytes, file) = read_file(path)?;
    let mut list = ImportedList::new(source, "csv", vec![file])?;
    let name = file_name(path);
    let format_error = |message: String| Error::Format { path: path.into(), message };
    let mut rows = csv_rows(&bytes);
    let (_, header) =
        rows.next().ok_or_else(|| format_error("empty file: expected a header row".into()))?;
    let header: Vec<String> = header
        .map_err(|reason| format_error(format!("line 1: {reason}")))?
        .iter()
        .map(|column| column.trim().to_ascii_lowercase())
        .collect();
    let column = |wanted: &str| header.iter().position(|column| column == wanted);
    let missing: Vec<&str> =
        REQUIRED.into_iter().filter(|wanted| column(wanted).is_none()).collect();
    if !missing.is_empty() {
        return Err(format_error(format!(
            "line 1: missing column(s) {}; the header must have {} (optional: {}), found: {}",
            missing.join(", "),
            REQUIRED.join(","),
            OPTIONAL.join(","),
            header.join(",")
        )));
    }
    let columns = Columns {
        id: column("id"),
        kind: column("kind"),
        name: column("name"),
        aliases: column("aliases"),
        country: column("country"),
        authority: column("authority"),
        listed_on: column("listed_on"),
        count: header.len(),
    };
    let mut seen = HashSet::new();
    for (line, fields) in rows {
        let entry = fields.and_then(|fields| columns.entry(&fields)).and_then(|entry| {
            if seen.insert(entry.id.clone()) {
                Ok(entry)
            } else {
                Err(format!("duplicate id {:?}", entry.id))
            }
        });
        match entry {
            Ok(entry) => list.entries.push(entry),
            Err(reason) => list.skipped.push(SkippedRow { file: name.clone(), line, reason }),
        }
    }
    Ok(list)
}

/// Where each known column is in the header.
struct Columns {
    id: Option<usize>,
    kind: Option<usize>,
    name: Option<usize>,
    aliases: Option<usize>,
    country: Option<usize>,
    authority: Option<usize>,
    listed_on: Option<usize>,
    count: usize,
}

impl Columns {
    fn entry(&self, fields: &[String]) -> Result<ListEntry, String> {
        if fields.len() != self.count {
            return Err(format!("expected {} fields, found {}", self.count, fields.len()));
        }
        let get = |index: Option<usize>| {
            index.and_then(|index| fields.get(index)).map(|field| field.trim()).unwrap_or("")
        };
        let split = |index: Option<usize>| -> Vec<String> {
            get(index)
                .split(';')
                .map(str::trim)
                .filter(|part| !part.is_empty())
                .map(str::to_string)
                .collect()
        };
        let id = get(self.id);
        if id.is_empty() {
            return Err("empty id".into());
        }
        let name = get(self.name);
        if name.is_empty() {
            return Err("empty name".into());
        }
        let kind = match get(self.kind) {
            "" => None,
            text => Some(text.parse::<EntityKind>().map_err(|error| error.to_string())?),
        };
        let listed_on = match get(self.listed_on) {
            "" => None,
            text => Some(
                NaiveDate::parse_from_str(text, "%Y-%m-%d")
                    .map_err(|_| format!("listed_on {text:?} is not a YYYY-MM-DD date"))?,
            ),
        };
        let countries =
            split(self.country).into_iter().map(|country| super::country_code(&country)).collect();
        Ok(ListEntry {
            id: id.to_string(),
            kind,
            name: name.to_string(),
            aliases: split(self.aliases),
            countries,
            authority: Some(get(self.authority)).filter(|a| !a.is_empty()).map(str::to_string),
            programs: Vec::new(),
            listed_on,
            identifiers: Vec::new(),
            remarks: None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_columns_in_any_order_and_reports_bad_rows_by_line() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("mine.csv");
        std::fs::write(
            &path,
            "\u{feff}Name,ID,kind,aliases,listed_on,extra\r\n\
             Jane Doe,X-1,person,J. Doe; Janet Doe,2024-01-02,\r\n\
             Nobody,X-2,spaceship,,,\r\n\
             \"Acme, Ltd\",X-3,,,,\r\n\
             Late,X-4,person,,2024-13-01,\r\n\
             Short,X-5\r\n\
             Again,X-1,person,,,\r\n",
        )
        .unwrap();
        let list = import("mine", &path).unwrap();
        let ids: Vec<&str> = list.entries.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids, ["X-1", "X-3"]);
        assert_eq!(list.entries[0].aliases, ["J. Doe", "Janet Doe"]);
        assert_eq!(list.entries[1].kind, None);
        assert_eq!(list.entries[1].name, "Acme, Ltd");
        let skipped: Vec<u64> = list.skipped.iter().map(|row| row.line).collect();
        assert_eq!(skipped, [3, 5, 6, 7]);
        assert!(list.skipped[0].reason.contains("spaceship"));
        assert!(list.skipped[3].reason.contains("duplicate id"));
    }

    #[test]
    fn a_header_without_the_required_columns_says_what_it_found() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("bad.csv");
        std::fs::write(&path, "full_name,type\nJane,person\n").unwrap();
        let error = import("bad", &path).unwrap_err().to_string();
        assert!(error.contains("missing column(s) id, kind, name"), "{error}");
        assert!(error.contains("found: full_name,type"), "{error}");
        std::fs::write(&path, "").unwrap();
        assert!(import("bad", &path).unwrap_err().to_string().contains("empty file"));
    }
}
