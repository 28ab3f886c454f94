//! What several commands print: aligned tables, designations as JSON,
//! batch lines.

use std::io::{self, Write};

use chrono::NaiveDate;
use unicode_width::UnicodeWidthStr;

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
