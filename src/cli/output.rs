//! What several commands print: aligned tables, designations as JSON,
//! batch lines.

use std::io::{self, Write};

use chrono::NaiveDate;
use unicode_width::UnicodeWidthStr;

use crate::lists::diff::ListDiff;
use crate::model::{Batch, Designation};

/// A designation as JSON, with its status on `today` added.
pub fn designation_json(
    designation: &Designation,
    today: NaiveDate,
) -> Result<serde_json::Value, serde_json::Error> {
    let mut value = serde_json::to_value(designation)?;
    if let Some(object) = value.as_object_mut() {
        object.insert("status".into(), designation.status(today).as_str().into());
    }
    Ok(value)
}

/// A batch on one line: id, authority, date, total and counts per kind.
pub fn batch_line(batch: &Batch) -> String {
    let counts: Vec<String> =
        batch.counts.iter().map(|(kind, count)| format!("{count} {kind}")).collect();
    let date = batch.date.map(|date| date.to_string()).unwrap_or_else(|| "-".to_string());
    let total = batch.total.map_or_else(|| "an unstated number of".to_string(), |n| n.to_string());
    format!(
        "{}  batch  {} on {date}: {total} designations ({})",
        batch.id,
        batch.authority,
        counts.join(", ")
    )
}

/// Writes `rows` under `header` in columns aligned by display width.
pub fn write_table<const N: usize>(
    out: &mut impl Write,
    header: &[String; N],
    rows: &[[String; N]],
) -> io::Result<()> {
    let mut widths = header.each_ref().map(|cell| cell.width());
    for row in rows {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(cell.width());
        }
    }
    for row in std::iter::once(header).chain(rows) {
        let mut line = String::new();
        for (index, (cell, width)) in row.iter().zip(widths).enumerate() {
            line.push_str(cell);
            if index + 1 < N {
                line.push_str(&" ".repeat(width - cell.width() + 2));
            }
        }
        writeln!(out, "{}", line.trim_end())?;
    }
    Ok(())
}

/// Writes what `lists diff` and `update` show of a list's new version: the
/// counts, then up to `show` entries added, removed and changed.
pub fn write_diff(out: &mut impl Write, found: &ListDiff, show: usize) -> io::Result<()> {
    writeln!(
        out,
        "{} -> {} entries: {} added, {} removed, {} changed",
        found.old_entries,
        found.new_entries,
        found.added.len(),
        found.removed.len(),
        found.changed.len()
    )?;
    let more = |shown: usize, all: usize| {
        (all > shown).then(|| format!("  ... and {} more (--show N, or --json)", all - shown))
    };
    for (label, entries) in [("added", &found.added), ("removed", &found.removed)] {
        if !entries.is_empty() {
            writeln!(out, "\n{label}:")?;
        }
        for entry in entries.iter().take(show) {
            writeln!(out, "  {}  {}  {}", entry.id, entry.name, entry.programs.join(" "))?;
        }
        if let Some(line) = more(show, entries.len()) {
            writeln!(out, "{line}")?;
        }
    }
    if !found.changed.is_empty() {
        writeln!(out, "\nchanged:")?;
    }
    for changed in found.changed.iter().take(show) {
        writeln!(out, "  {}  {}", changed.id, changed.name)?;
        for field in &changed.fields {
            writeln!(out, "    {}: {:?} -> {:?}", field.field, field.old, field.new)?;
        }
    }
    if let Some(line) = more(show, found.changed.len()) {
        writeln!(out, "{line}")?;
    }
    Ok(())
}
