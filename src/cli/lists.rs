//! `sanctions lists`: the imported lists, and `lists diff` between two
//! versions of one.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use clap::{Args, Subcommand};

use super::output::{write_diff, write_table};
use crate::lists;

/// Runs `sanctions lists` or `sanctions lists diff`.
pub fn run(data: &Path, args: &ListsArgs) -> anyhow::Result<()> {
    match &args.action {
        None => list_imported(data),
        Some(ListsAction::Diff(diff_args)) => diff(diff_args),
    }
}

/// Arguments of `sanctions lists`.
#[derive(Debug, Args)]
pub struct ListsArgs {
    /// Without an action: the imported lists.
    #[command(subcommand)]
    pub action: Option<ListsAction>,
}

/// What `sanctions lists` can do besides listing.
#[derive(Debug, Subcommand)]
pub enum ListsAction {
    /// Entries added, removed and changed between two versions of a list.
    Diff(ListsDiffArgs),
}

/// Arguments of `sanctions lists diff`.
#[derive(Debug, Args)]
pub struct ListsDiffArgs {
    /// The old version: a stored import (.json), a UN list (.xml), an OFAC
    /// CSV (sdn.csv) or a generic CSV.
    pub old: PathBuf,
    /// The new version, in any of the same formats.
    pub new: PathBuf,
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
    /// The most entries shown per section in the table (all in JSON).
    #[arg(long, default_value_t = 50)]
    pub show: usize,
}

fn list_imported(data: &Path) -> anyhow::Result<()> {
    let imported = lists::load_all(data)?;
    if imported.is_empty() {
        eprintln!(
            "no lists imported in {}; see `sanctions import --help`",
            lists::folder(data).display()
        );
        return Ok(());
    }
    let header = ["SOURCE", "FORMAT", "ENTRIES", "ALIASES", "SKIPPED", "IMPORTED", "FILES"]
        .map(String::from);
    let rows: Vec<[String; 7]> = imported
        .iter()
        .map(|list| {
            [
                list.source.clone(),
                list.format.clone(),
                list.entries.len().to_string(),
                list.entries.iter().map(|e| e.aliases.len()).sum::<usize>().to_string(),
                list.skipped.len().to_string(),
                list.imported_at.clone(),
                list.files.iter().map(|f| f.path.as_str()).collect::<Vec<_>>().join(" "),
            ]
        })
        .collect();
    write_table(&mut io::stdout().lock(), &header, &rows)?;
    Ok(())
}

fn diff(args: &ListsDiffArgs) -> anyhow::Result<()> {
    let old = lists::diff::read_version(&args.old)?;
    let new = lists::diff::read_version(&args.new)?;
    let found = lists::diff::diff(&old, &new);
    let mut out = io::stdout().lock();
    if args.json {
        writeln!(out, "{}", serde_json::to_string_pretty(&found)?)?;
        return Ok(());
    }
    write_diff(&mut out, &found, args.show)?;
    Ok(())
}
