//! Bulk screening of a CSV file: every input row comes out as one output row,
//! in input order, with the input's columns unchanged (byte for byte) and the
//! best match and an `error` column appended. Rows are read in chunks and
//! each chunk is screened on every core; a bad row is reported in its own
//! `error` cell and never stops the run.

use std::io::{self, BufRead, BufReader, Read, Write};

use rayon::prelude::*;

use crate::model::EntityKind;
use crate::screen::{Match, Query, QueryError, Screener};

/// The columns appended to every row, in order.
pub const MATCH_COLUMNS: [&str; 9] = [
    "match_id",
    "match_name",
    "match_kind",
    "match_score",
    "match_source",
    "match_authority",
    "match_status",
    "match_explanation",
    "error",
];

/// Header names taken as the name column when none is given, best first
/// (compared case-insensitively, with spaces and hyphens read as `_`).
const NAME_HEADERS: [&str; 12] = [
    "name",
    "full_name",
    "fullname",
    "entity_name",
    "party_name",
    "customer_name",
    "counterparty_name",
    "counterparty",
    "company_name",
    "company",
    "organization",
    "organisation",
];

/// Rows screened together; bounds memory whatever the file's size.
const CHUNK_ROWS: usize = 4_096;

/// How to read and screen the file.
#[derive(Debug, Clone, PartialEq)]
pub struct Options {
    /// The header of the column holding names; found by its header when `None`.
    pub column: Option<String>,
    /// Field delimiter; detected from the header line when `None`.
    pub delimiter: Option<u8>,
    /// Report matches scoring at least this.
    pub threshold: f32,
    /// Only entities of this kind (or of unknown kind).
    pub kind: Option<EntityKind>,
    /// A column giving each row's kind, which then restricts its matches.
    pub kind_column: Option<String>,
    /// A column giving each row's country (code or name): among matches
    /// above the threshold, one whose listed countries include it ranks first.
    pub country_column: Option<String>,
    /// One output row per match at or above the threshold (at least one per
    /// input row) instead of the best match only.
    pub all_matches: bool,
}

impl Options {
    /// The defaults: name column and delimiter detected, default threshold.
    pub fn new() -> Options {
        Options {
            column: None,
            delimiter: None,
            threshold: crate::screen::DEFAULT_THRESHOLD,
            kind: None,
            kind_column: None,
            country_column: None,
            all_matches: false,
        }
    }
}

impl Default for Options {
    fn default() -> Options {
        Options::new()
    }
}

/// How far a run is: rows written and input bytes read.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Progress {
    /// Data rows done.
    pub rows: u64,
    /// Input bytes read.
    pub bytes: u64,
}

/// What a run did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    /// Data rows read (the header not counted), each written once.
    pub rows: u64,
    /// Rows with a match at or above the threshold.
    pub matched: u64,
    /// Matches written (more than `matched` only with `all_matches`).
    pub matches: u64,
    /// Rows that could not be screened (their `error` cell says why).
    pub errors: u64,
}

/// Why a file could not be screened at all.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// There is no header line.
    #[error("the input is empty: a header line naming the columns is needed")]
    Empty,
    /// The asked-for column is not in the header.
    #[error("no column {wanted:?} in the header; the columns are: {columns}")]
    NoSuchColumn {
        /// The column asked for.
        wanted: String,
        /// The header's columns, comma-separated.
        columns: String,
    },
    /// No header looks like a name column.
    #[error("cannot tell which column holds the names (none is called name, full_name, company, ...); choose one of: {0}")]
    NoNameColumn(String),
    /// The CSV cannot be read further (an IO error, or a broken header).
    #[error("line {line}: {message}; the rest of the input was not read")]
    Read {
        /// 1-based line where reading stopped.
        line: u64,
        /// What went wrong.
        message: String,
    },
    /// The output cannot be written.
    #[error("cannot write the output: {0}")]
    Write(#[from] io::Error),
}

/// Screens every row of `input` and writes the annotated rows to `output`;
/// `progress` is called after each chunk.
pub fn screen_csv(
    screener: &Screener,
    input: impl Read,
    output: impl Write,
    options: &Options,
    mut progress: impl FnMut(Progress),
) -> Result<Summary, Error> {
    let mut input = BufReader::with_capacity(1 << 16, input);
    skip_byte_order_mark(&mut input)?;
    let delimiter = match options.delimiter {
        Some(delimiter) => delimiter,
        None => detect_delimiter(input.fill_buf()?),
    };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .has_headers(false)
        .from_reader(input);
    let mut writer =
        csv::WriterBuilder::new().delimiter(delimiter).flexible(true).from_writer(output);

    let mut header = csv::ByteRecord::new();
    match reader.read_byte_record(&mut header) {
        Ok(true) => {}
        Ok(false) => return Err(Error::Empty),
        Err(error) => return Err(read_error(&error, 1)),
    }
    let column = name_column(&header, options.column.as_deref())?;
    let optional_column = |wanted: &Option<String>| {
        wanted.as_deref().map(|wanted| name_column(&header, Some(wanted))).transpose()
    };
    let kind_column = optional_column(&options.kind_column)?;
    let country_column = optional_column(&options.country_column)?;
    let mut out_header = header.clone();
    for name in MATCH_COLUMNS {
        out_header.push_field(name.as_bytes());
    }
    writer.write_byte_record(&out_header).map_err(write_error)?;

    let row = Row { screener, options, column, kind_column, country_column, width: header.len() };
    let mut summary = Summary::default();
    let mut chunk: Vec<csv::ByteRecord> = Vec::with_capacity(CHUNK_ROWS);
    loop {
        chunk.clear();
        let mut record = csv::ByteRecord::new();
        while chunk.len() < CHUNK_ROWS {
            match reader.read_byte_record(&mut record) {
                Ok(true) => chunk.push(std::mem::take(&mut record)),
                Ok(false) => break,
                Err(error) => {
                    let line = record.position().map_or(0, |p| p.line());
                    return Err(read_error(&error, line));
                }
            }
        }
        if chunk.is_empty() {
            break;
        }
        let screened: Vec<Screened> = chunk.par_iter().map(|record| row.screen(record)).collect();
        for (record, result) in chunk.iter().zip(screened) {
            summary.rows += 1;
            let mut out = csv::ByteRecord::new();
            for index in 0..row.width {
                out.push_field(record.get(index).unwrap_or_default());
            }
            let empty_match = [""; MATCH_COLUMNS.len() - 1];
            let mut write = |cells: &[&str], error: &str| {
                let mut line = out.clone();
                for cell in cells {
                    line.push_field(cell.as_bytes());
                }
                line.push_field(error.as_bytes());
                writer.write_byte_record(&line).map_err(write_error)
            };
            if result.failed {
                summary.errors += 1;
            }
            if result.matches.is_empty() {
                write(&empty_match, &result.error)?;
            } else {
                summary.matched += 1;
            }
            for cells in &result.matches {
                summary.matches += 1;
                let cells: Vec<&str> = cells.iter().map(String::as_str).collect();
                write(&cells, &result.error)?;
            }
        }
        progress(Progress { rows: summary.rows, bytes: reader.position().byte() });
    }
    writer.flush()?;
    Ok(summary)
}

/// The best match of each name, in the order given, screened on every core
/// (rayon) as [`screen_csv`] screens its rows: `Ok(None)` when nothing
/// reaches `threshold`, `Err` for a name that cannot be screened (empty, too
/// long, nothing to match, a threshold outside [0, 1]). The same query as a
/// `screen --csv` row without kind or country columns, so the answers are
/// the ones it writes.
pub fn best_matches<'a>(
    screener: &'a Screener,
    names: &[&str],
    kind: Option<EntityKind>,
    threshold: f32,
) -> Vec<Result<Option<Match<'a>>, QueryError>> {
    names
        .par_iter()
        .map(|name| {
            let query = Query { name, kind, threshold, limit: 1, include_rejected: false };
            screener.screen(&query).map(|matches| matches.into_iter().next())
        })
        .collect()
}

/// What screening one row gave: the match cells of each match written (none
/// when nothing reached the threshold or the row could not be screened),
/// and the `error` cell.
struct Screened {
    matches: Vec<[String; MATCH_COLUMNS.len() - 1]>,
    error: String,
    /// The row could not be screened at all.
    failed: bool,
}

impl Screened {
    fn failed(error: String) -> Screened {
        Screened { matches: Vec::new(), error, failed: true }
    }
}

/// What every row is screened with.
struct Row<'a> {
    screener: &'a Screener,
    options: &'a Options,
    column: usize,
    kind_column: Option<usize>,
    country_column: Option<usize>,
    width: usize,
}

impl Row<'_> {
    fn screen(&self, record: &csv::ByteRecord) -> Screened {
        if record.len() != self.width {
            let mut message = format!(
                "wrong column count: {} fields, the header has {}",
                record.len(),
                self.width
            );
            let extra: Vec<String> = record
                .iter()
                .skip(self.width)
                .map(|field| String::from_utf8_lossy(field).into_owned())
                .collect();
            if !extra.is_empty() {
                message.push_str(&format!("; fields beyond the header: {}", extra.join(" | ")));
            }
            return Screened::failed(message);
        }
        let field = record.get(self.column).unwrap_or_default();
        let name = match std::str::from_utf8(field) {
            Ok(name) => name,
            Err(error) => {
                return Screened::failed(format!(
                    "bad encoding: the name is not valid UTF-8 (byte {} of the field)",
                    error.valid_up_to() + 1
                ))
            }
        };
        let mut notes = Vec::new();
        let text_of = |column: Option<usize>| {
            column
                .and_then(|column| record.get(column))
                .map(|field| String::from_utf8_lossy(field).trim().to_string())
                .filter(|text| !text.is_empty())
        };
        let mut kind = self.options.kind;
        if let Some(given) = text_of(self.kind_column) {
            match given.parse::<EntityKind>() {
                Ok(parsed) => kind = Some(parsed),
                Err(error) => notes.push(format!("warning: {error}; screened against every kind")),
            }
        }
        let country = text_of(self.country_column).and_then(|given| {
            let code = crate::country::code_of_field(&given);
            if code.is_none() {
                notes.push(format!("warning: country {given:?} not understood; not used"));
            }
            code
        });
        let limit = if self.options.all_matches || country.is_some() { ALL_MATCHES } else { 1 };
        let query =
            Query { name, kind, threshold: self.options.threshold, limit, include_rejected: false };
        let mut matches = match self.screener.screen(&query) {
            Ok(matches) => matches,
            Err(error) => return Screened::failed(error.to_string()),
        };
        if let Some(country) = country {
            // Stable: among equal agreement, the score order stays.
            matches.sort_by_key(|found| !found.entity.countries.iter().any(|c| c == country));
        }
        if !self.options.all_matches {
            matches.truncate(1);
        }
        let matches = matches
            .iter()
            .map(|found| {
                let mut cells = match_cells(found);
                if let (Some(country), Some(explanation)) = (country, cells.last_mut()) {
                    let agrees = found.entity.countries.iter().any(|c| c == country);
                    explanation.push_str(&match (agrees, found.entity.countries.is_empty()) {
                        (true, _) => format!("; country {country} agrees"),
                        (false, true) => format!("; country {country}: the list gives none"),
                        (false, false) => format!(
                            "; country {country} differs from listed {}",
                            found.entity.countries.join(" ")
                        ),
                    });
                }
                cells
            })
            .collect();
        Screened { matches, error: notes.join("; "), failed: false }
    }
}

/// The most matches written for one row with `all_matches`.
const ALL_MATCHES: usize = 100;

/// The match cells of one match as `screen --csv` writes them: every one of
/// [`MATCH_COLUMNS`] but `error`, in that order (the score with three
/// decimals, the explanation's one-line summary).
pub fn match_cells(found: &Match<'_>) -> [String; MATCH_COLUMNS.len() - 1] {
    let entity = found.entity;
    [
        entity.id.clone(),
        found.matched_name.to_string(),
        entity.kind.map(|kind| kind.to_string()).unwrap_or_default(),
        format!("{:.3}", found.score),
        entity.source.clone(),
        entity.authority.clone().unwrap_or_default(),
        entity.status.as_str().to_string(),
        found.explanation.summary(),
    ]
}

/// The position of the name column.
fn name_column(header: &csv::ByteRecord, wanted: Option<&str>) -> Result<usize, Error> {
    let columns: Vec<String> =
        header.iter().map(|field| String::from_utf8_lossy(field).trim().to_string()).collect();
    let listed = || columns.join(", ");
    if let Some(wanted) = wanted {
        return columns
            .iter()
            .position(|column| column.eq_ignore_ascii_case(wanted.trim()))
            .ok_or_else(|| Error::NoSuchColumn { wanted: wanted.to_string(), columns: listed() });
    }
    let normalized: Vec<String> =
        columns.iter().map(|column| column.to_ascii_lowercase().replace([' ', '-'], "_")).collect();
    for candidate in NAME_HEADERS {
        if let Some(position) = normalized.iter().position(|column| column == candidate) {
            return Ok(position);
        }
    }
    if columns.len() == 1 {
        return Ok(0);
    }
    Err(Error::NoNameColumn(listed()))
}

/// The delimiter of the header line: the most frequent of `,` `;` tab and
/// `|` outside quotes (a comma when none occurs).
pub fn detect_delimiter(start: &[u8]) -> u8 {
    let line = start.split(|&byte| byte == b'\n').next().unwrap_or_default();
    let mut counts = [(b',', 0usize), (b';', 0), (b'\t', 0), (b'|', 0)];
    let mut quoted = false;
    for &byte in line {
        if byte == b'"' {
            quoted = !quoted;
        } else if !quoted {
            for (delimiter, count) in &mut counts {
                if byte == *delimiter {
                    *count += 1;
                }
            }
        }
    }
    // Ties go to the earlier delimiter: max_by_key keeps the last maximum.
    counts.iter().rev().max_by_key(|(_, count)| *count).map_or(b',', |&(delimiter, count)| {
        if count == 0 {
            b','
        } else {
            delimiter
        }
    })
}

fn skip_byte_order_mark(input: &mut impl BufRead) -> io::Result<()> {
    const BOM: &[u8] = b"\xEF\xBB\xBF";
    if input.fill_buf()?.starts_with(BOM) {
        input.consume(BOM.len());
    }
    Ok(())
}

fn read_error(error: &csv::Error, line: u64) -> Error {
    let line = error.position().map_or(line, |position| position.line());
    Error::Read { line, message: error.to_string() }
}

fn write_error(error: csv::Error) -> Error {
    match error.into_kind() {
        csv::ErrorKind::Io(error) => Error::Write(error),
        other => Error::Write(io::Error::other(format!("{other:?}"))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delimiter_is_the_most_frequent_outside_quotes() {
        assert_eq!(detect_delimiter(b"id;name;country\n1,2;x"), b';');
        assert_eq!(detect_delimiter(b"id\tname\n"), b'\t');
        assert_eq!(detect_delimiter(b"\"a;b;c\",name\n"), b',');
        assert_eq!(detect_delimiter(b"name\n"), b',');
    }

    #[test]
    fn name_column_is_found_by_header_or_by_being_alone() {
        let header = csv::ByteRecord::from(vec!["ID", "Full Name", "Country"]);
        assert_eq!(name_column(&header, None).ok(), Some(1));
        assert_eq!(name_column(&header, Some("country")).ok(), Some(2));
        assert!(matches!(name_column(&header, Some("nom")), Err(Error::NoSuchColumn { .. })));
        let alone = csv::ByteRecord::from(vec!["customer"]);
        assert_eq!(name_column(&alone, None).ok(), Some(0));
        let unclear = csv::ByteRecord::from(vec!["a", "b"]);
        assert!(matches!(name_column(&unclear, None), Err(Error::NoNameColumn(_))));
    }

    #[test]
    fn best_matches_are_the_rows_of_screen_csv() {
        let entity = crate::screen::Entity {
            id: "k-1".to_string(),
            kind: Some(EntityKind::Organization),
            names: vec!["Kestrel Trading LLC".to_string()],
            source: "test".to_string(),
            authority: None,
            programs: Vec::new(),
            countries: Vec::new(),
            status: crate::model::Status::Active,
            identifiers: Vec::new(),
            review: None,
        };
        let screener = Screener::new(vec![entity]);
        let names = ["KESTREL trading", "", "Plover Fisheries"];
        let threshold = crate::screen::DEFAULT_THRESHOLD;
        let found = best_matches(&screener, &names, None, threshold);
        let cells: Vec<(String, String)> = found
            .iter()
            .map(|res| match res {
                Ok(Some(found)) => {
                    let [id, _, _, score, ..] = match_cells(found);
                    (id, score)
                }
                Ok(None) => (String::new(), String::new()),
                Err(error) => (String::new(), error.to_string()),
            })
            .collect();
        let input = format!("name\n{}\n", names.map(|name| format!("\"{name}\"")).join("\n"));
        let mut output = Vec::new();
        screen_csv(&screener, input.as_bytes(), &mut output, &Options::new(), |_| {}).unwrap();
        let mut reader = csv::Reader::from_reader(output.as_slice());
        let rows: Vec<(String, String)> = reader
            .records()
            .map(|record| {
                let record = record.unwrap();
                let error = record[9].to_string();
                if error.is_empty() {
                    (record[1].to_string(), record[4].to_string())
                } else {
                    (String::new(), error)
                }
            })
            .collect();
        assert_eq!(cells, rows);
        assert_eq!(cells[0].0, "k-1");
        assert_eq!(cells[1].1, "empty name");
        assert_eq!(cells[2], (String::new(), String::new()));
    }
}
