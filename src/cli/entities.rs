//! `sanctions entities`: designations as a table or JSON.

use std::io::{self, Write};
use std::path::Path;

use chrono::NaiveDate;
use clap::Args;

use super::output::{batch_line, designation_json, write_table};
use super::{load_registry, today};
use crate::model::{Designation, EntityKind, Status};
use crate::registry::Filter;

/// Arguments of `sanctions entities`.
#[derive(Debug, Args)]
pub struct EntitiesArgs {
    /// Only this authority (primary or secondary), e.g. INKSNA.
    #[arg(long)]
    pub authority: Option<String>,
    /// Only this kind: person, organization or vessel.
    #[arg(long)]
    pub kind: Option<EntityKind>,
    /// Only this status: active or expired.
    #[arg(long)]
    pub status: Option<Status>,
    /// Judge status on this day (YYYY-MM-DD) [default: today].
    #[arg(long)]
    pub as_of: Option<NaiveDate>,
    /// Print JSON instead of a table.
    #[arg(long)]
    pub json: bool,
}

/// Prints the designations the filters select (and, unfiltered, the batches).
pub fn run(data: &Path, args: &EntitiesArgs) -> anyhow::Result<()> {
    let registry = load_registry(data)?;
    let today = args.as_of.unwrap_or_else(today);
    let filter = Filter { authority: args.authority.clone(), kind: args.kind, status: args.status };
    let selected: Vec<&Designation> = registry.filter(&filter, today).collect();
    let mut out = io::stdout().lock();
    if args.json {
        let rows: Vec<serde_json::Value> =
            selected.iter().map(|d| designation_json(d, today)).collect::<Result<_, _>>()?;
        writeln!(out, "{}", serde_json::to_string_pretty(&rows)?)?;
        return Ok(());
    }
    let header = ["ID", "KIND", "NAME", "NAME_EN", "COUNTRY", "AUTHORITY", "DATE", "STATUS"]
        .map(String::from);
    let rows: Vec<[String; 8]> = selected
        .iter()
        .map(|d| {
            [
                d.id.clone(),
                d.kind.to_string(),
                d.name.clone(),
                d.name_en.clone().unwrap_or_default(),
                d.country.clone().unwrap_or_default(),
                d.authority.clone(),
                d.date.map(|date| date.to_string()).unwrap_or_default(),
                d.status(today).as_str().to_string(),
            ]
        })
        .collect();
    write_table(&mut out, &header, &rows)?;
    if filter == Filter::default() && !registry.batches.is_empty() {
        writeln!(out)?;
        for batch in &registry.batches {
            writeln!(out, "{}", batch_line(batch))?;
        }
    }
    Ok(())
}
