//! The `sanctions` command line: the clap types and one module per
//! subcommand, each calling the library (as xsv is laid out), with what
//! several of them print in [`output`]. Data goes to stdout, messages to
//! stderr.

pub mod add;
pub mod entities;
pub mod export;
pub mod extract;
pub mod import;
pub mod lists;
pub mod output;
pub mod review;
pub mod screen;
pub mod serve;
pub mod show;
pub mod update;

use std::path::{Path, PathBuf};

use anyhow::Context;
use chrono::NaiveDate;
use clap::{Parser, Subcommand};

use crate::catalog::Catalog;
use crate::registry::{store, Registry};
use crate::screen::Screener;

/// Extracts sanctions designations from texts and screens names against them.
#[derive(Debug, Parser)]
#[command(name = "sanctions", version, about)]
pub struct Cli {
    /// Data folder: sources/, registry.json, lists/, reviews.sqlite.
    #[arg(long, global = true, env = "SANCTIONS_DATA", default_value = "data")]
    pub data: PathBuf,
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Read every source text and write the registry.
    Extract(extract::ExtractArgs),
    /// Add source texts to DATA/sources/, extract them and write the registry.
    Add(add::AddArgs),
    /// List designations as a table or JSON.
    Entities(entities::EntitiesArgs),
    /// Show one designation or batch with its evidence.
    Show(show::ShowArgs),
    /// Import a sanctions list into DATA/lists/ (replacing an older import of it).
    #[command(subcommand)]
    Import(import::ImportCommand),
    /// Download a newer version of every list imported from a URL
    /// (`--init`: set up the official lists first).
    Update(update::UpdateArgs),
    /// List the imported lists with their counts, dates and skipped rows.
    Lists(lists::ListsArgs),
    /// Screen a name against the registry and every imported list.
    Screen(screen::ScreenArgs),
    /// Serve the HTTP API (see api.md) until Ctrl-C or SIGTERM.
    Serve(serve::ServeArgs),
    /// Export the registry (with reviewers' corrections) for other tools.
    Export(export::ExportArgs),
    /// Review designations: `review list`, `review ID accept|reject|edit`,
    /// `review history ID`.
    Review(review::ReviewArgs),
}

/// Runs a parsed command line.
pub fn run(cli: &Cli) -> anyhow::Result<()> {
    match &cli.command {
        Command::Extract(args) => extract::run(&cli.data, args),
        Command::Add(args) => add::run(&cli.data, args),
        Command::Entities(args) => entities::run(&cli.data, args),
        Command::Show(args) => show::run(&cli.data, args),
        Command::Import(command) => import::run(&cli.data, command),
        Command::Update(args) => update::run(&cli.data, args),
        Command::Lists(args) => lists::run(&cli.data, args),
        Command::Screen(args) => screen::run(&cli.data, args),
        Command::Serve(args) => serve::run(&cli.data, args),
        Command::Review(args) => review::run(&cli.data, args),
        Command::Export(args) => export::run(&cli.data, args),
    }
}

/// Builds the screening index over the registry and every imported list.
pub fn load_screener(data: &Path, today: NaiveDate) -> anyhow::Result<Screener> {
    let catalog = Catalog::load(data, today)?;
    if catalog.registry_missing() {
        eprintln!("{}", no_registry_note(data));
    }
    Ok(catalog.screener)
}

/// What a command says, once, when the data folder has no registry.
pub fn no_registry_note(data: &Path) -> String {
    format!(
        "note: {} has no registry.json: the registry is empty and only imported lists are used \
         (`sanctions extract` builds it)",
        data.display()
    )
}

/// `DATA/registry.json`, or an empty registry (said once on stderr) when
/// there is none.
pub fn load_registry(data: &Path) -> anyhow::Result<Registry> {
    let path = data.join("registry.json");
    let Some(text) = store::read_text_if_any(&path)? else {
        eprintln!("{}", no_registry_note(data));
        return Ok(Registry::from_documents(&[]));
    };
    store::parse(&path, &text)
        .with_context(|| "run `sanctions extract` to build the registry again".to_string())
}

/// Today in the local time zone.
pub fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}
