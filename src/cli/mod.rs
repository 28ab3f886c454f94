//! The `sanctions` command line: clap types and one short function per
//! subcommand, each calling the library. Data goes to stdout, messages to
//! stderr.

pub mod add;
pub mod review;

use std::fs::File;
use std::io::{self, IsTerminal, Write};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use anyhow::{bail, Context};
use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand};
use indicatif::{ProgressBar, ProgressStyle};
use unicode_width::UnicodeWidthStr;

use crate::api;
use crate::bulk;
use crate::catalog::Catalog;
use crate::lists;
use crate::model::{Batch, Designation, EntityKind, Status};
use crate::registry::store;
use crate::registry::{Filter, Record, Registry};
use crate::screen::{Answer, Query, Screener};

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
    Extract(ExtractArgs),
    /// Add source texts to DATA/sources/, extract them and write the registry.
    Add(add::AddArgs),
    /// List designations as a table or JSON.
    Entities(EntitiesArgs),
    /// Show one designation or batch with its evidence.
    Show(ShowArgs),
    /// Import a sanctions list into DATA/lists/ (replacing an older import of it).
    #[command(subcommand)]
    Import(ImportCommand),
    /// List the imported lists with their counts, dates and skipped rows.
    Lists(ListsArgs),
    /// Screen a name against the registry and every imported list.
    Screen(ScreenArgs),
    /// Serve the HTTP API (see api.md) until Ctrl-C or SIGTERM.
    Serve(ServeArgs),
    /// Export the registry (with reviewers' corrections) for other tools.
    Export(ExportArgs),
    /// Review designations: `review list`, `review ID accept|reject|edit`,
    /// `review history ID`.
    Review(review::ReviewArgs),
}

/// Arguments of `sanctions serve`.
#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Address to listen on (port 0 picks a free port).
    #[arg(long, default_value = "127.0.0.1:8080")]
    pub addr: SocketAddr,
    /// Requests handled at once; more are refused with 503.
    #[arg(long, default_value_t = 512)]
    pub max_in_flight: usize,
    /// Open connections; more are refused with 503.
    #[arg(long, default_value_t = 2048)]
    pub max_connections: usize,
    /// Seconds a request may take until its answer starts.
    #[arg(long, default_value_t = 60)]
    pub request_timeout: u64,
    /// The largest POST /screen/csv body, in MiB.
    #[arg(long, default_value_t = 256)]
    pub max_csv_mib: u64,
    /// POST /screen/csv screenings at once; more are refused with 503.
    #[arg(long, default_value_t = 2)]
    pub max_csv_jobs: usize,
    /// Origin allowed to call the API from a browser (repeat for several; `*` for any).
    #[arg(long = "cors-origin")]
    pub cors_origins: Vec<String>,
    /// Judge statuses on this day (YYYY-MM-DD) instead of today.
    #[arg(long)]
    pub as_of: Option<NaiveDate>,
    /// A file holding the bearer token review decisions need (else the
    /// SANCTIONS_REVIEW_TOKEN variable; with neither, decisions are refused).
    #[arg(long)]
    pub review_token_file: Option<PathBuf>,
}

/// The list formats `sanctions import` reads.
#[derive(Debug, Subcommand)]
pub enum ImportCommand {
    /// OFAC: the legacy CSV files (sdn.csv or cons_prim.csv, optional alt.csv
    /// and add.csv) or the XML file (sdn.xml, consolidated.xml).
    Ofac(ImportOfacArgs),
    /// Generic CSV with header `id,kind,name[,aliases][,country][,authority][,listed_on]`.
    Csv(ImportCsvArgs),
    /// The UN Security Council consolidated list (XML).
    Un(ImportUnArgs),
    /// FollowTheMoney entities, JSON lines (as OpenSanctions publishes them).
    Ftm(ImportFtmArgs),
}

/// Arguments of `sanctions import ftm`.
#[derive(Debug, Args)]
pub struct ImportFtmArgs {
    /// The JSON lines file.
    pub file: PathBuf,
    /// Name to store the list under (default: the file name without extension).
    #[arg(long)]
    pub source: Option<String>,
}

/// Arguments of `sanctions export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The format: ftm (FollowTheMoney JSON lines).
    #[arg(long, default_value = "ftm")]
    pub format: String,
    /// Where to write (`-`: standard output); written whole or not at all.
    #[arg(long, default_value = "-")]
    pub out: PathBuf,
    /// Export designations a reviewer rejected too.
    #[arg(long)]
    pub include_rejected: bool,
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

/// Arguments of `sanctions import un`.
#[derive(Debug, Args)]
pub struct ImportUnArgs {
    /// The consolidated list (consolidated.xml).
    pub file: PathBuf,
    /// Name to store the list under.
    #[arg(long, default_value = "un-sc")]
    pub source: String,
}

/// Arguments of `sanctions import ofac`.
#[derive(Debug, Args)]
pub struct ImportOfacArgs {
    /// The primary file (sdn.csv), or the XML file (sdn.xml).
    pub sdn: PathBuf,
    /// Aliases (alt.csv).
    #[arg(long)]
    pub alt: Option<PathBuf>,
    /// Addresses (add.csv), read for countries.
    #[arg(long)]
    pub add: Option<PathBuf>,
    /// Name to store the list under.
    #[arg(long, default_value = "ofac-sdn")]
    pub source: String,
}

/// Arguments of `sanctions import csv`.
#[derive(Debug, Args)]
pub struct ImportCsvArgs {
    /// The CSV file.
    pub file: PathBuf,
    /// Name to store the list under [default: the file name without extension].
    #[arg(long)]
    pub source: Option<String>,
}

/// Arguments of `sanctions screen`.
#[derive(Debug, Args)]
pub struct ScreenArgs {
    /// The name to screen, in any script.
    #[arg(required_unless_present = "csv", conflicts_with = "csv")]
    pub name: Option<String>,
    /// Screen every row of this CSV file instead (`-` reads stdin).
    #[arg(long, value_name = "IN.csv")]
    pub csv: Option<PathBuf>,
    /// With --csv: where to write the result (`-` for stdout); it appears only when complete.
    #[arg(long, value_name = "OUT.csv", requires = "csv", default_value = "-")]
    pub out: PathBuf,
    /// With --csv: the header of the name column [default: a header called name, full_name, ...].
    #[arg(long, requires = "csv")]
    pub column: Option<String>,
    /// With --csv: field delimiter, comma, semicolon, tab or pipe [default: detected].
    #[arg(long, requires = "csv", value_parser = parse_delimiter)]
    pub delimiter: Option<u8>,
    /// With --csv: a column giving each row's kind, restricting its matches.
    #[arg(long, requires = "csv")]
    pub kind_column: Option<String>,
    /// With --csv: a column giving each row's country; a match listed in it ranks first.
    #[arg(long, requires = "csv")]
    pub country_column: Option<String>,
    /// With --csv: one output row per match at or above the threshold.
    #[arg(long, requires = "csv")]
    pub all_matches: bool,
    /// Screen designations a reviewer rejected too (they are left out by default).
    #[arg(long)]
    pub include_rejected: bool,
    /// Only entities of this kind (or of unknown kind).
    #[arg(long)]
    pub kind: Option<EntityKind>,
    /// Report matches scoring at least this (0 to 1).
    #[arg(long, default_value_t = crate::screen::DEFAULT_THRESHOLD, value_parser = parse_threshold)]
    pub threshold: f32,
    /// At most this many matches (one name).
    #[arg(long, default_value_t = crate::screen::DEFAULT_LIMIT, conflicts_with = "csv")]
    pub limit: usize,
    /// Judge registry status on this day (YYYY-MM-DD) [default: today].
    #[arg(long)]
    pub as_of: Option<NaiveDate>,
    /// Print JSON (one name).
    #[arg(long, conflicts_with = "csv")]
    pub json: bool,
}

fn parse_delimiter(text: &str) -> Result<u8, String> {
    match text {
        "," | "comma" => Ok(b','),
        ";" | "semicolon" => Ok(b';'),
        "\t" | "\\t" | "tab" => Ok(b'\t'),
        "|" | "pipe" => Ok(b'|'),
        _ => Err(format!("{text:?} is not one of comma, semicolon, tab, pipe")),
    }
}

fn parse_threshold(text: &str) -> Result<f32, String> {
    match text.parse::<f32>() {
        Ok(value) if (0.0..=1.0).contains(&value) => Ok(value),
        _ => Err(format!("{text:?} is not a number between 0 and 1")),
    }
}

/// Arguments of `sanctions extract`.
#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// Folder of source texts [default: DATA/sources].
    #[arg(long)]
    pub sources: Option<PathBuf>,
    /// Registry file to write [default: DATA/registry.json].
    #[arg(long)]
    pub out: Option<PathBuf>,
}

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

/// Arguments of `sanctions show`.
#[derive(Debug, Args)]
pub struct ShowArgs {
    /// The id of a designation or batch.
    pub id: String,
    /// Judge status on this day (YYYY-MM-DD) [default: today].
    #[arg(long)]
    pub as_of: Option<NaiveDate>,
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
}

/// Runs a parsed command line.
pub fn run(cli: &Cli) -> anyhow::Result<()> {
    match &cli.command {
        Command::Extract(args) => extract(&cli.data, args),
        Command::Add(args) => add::run(&cli.data, args),
        Command::Entities(args) => entities(&cli.data, args),
        Command::Show(args) => show(&cli.data, args),
        Command::Import(command) => import(&cli.data, command),
        Command::Lists(ListsArgs { action: None }) => lists(&cli.data),
        Command::Lists(ListsArgs { action: Some(ListsAction::Diff(args)) }) => lists_diff(args),
        Command::Screen(args) => screen(&cli.data, args),
        Command::Serve(args) => serve(&cli.data, args),
        Command::Review(args) => review::run(&cli.data, args),
        Command::Export(args) => export(&cli.data, args),
    }
}

fn extract(data: &Path, args: &ExtractArgs) -> anyhow::Result<()> {
    let sources = args.sources.clone().unwrap_or_else(|| data.join("sources"));
    let out = args.out.clone().unwrap_or_else(|| data.join("registry.json"));
    let documents = store::read_sources(&sources)?;
    let registry = Registry::from_documents(&documents);
    store::save(&out, &registry)?;
    eprintln!(
        "read {} documents: {} designations, {} batches, {} warnings -> {}",
        documents.len(),
        registry.designations.len(),
        registry.batches.len(),
        registry.warnings.len(),
        out.display()
    );
    Ok(())
}

fn entities(data: &Path, args: &EntitiesArgs) -> anyhow::Result<()> {
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

fn show(data: &Path, args: &ShowArgs) -> anyhow::Result<()> {
    let today = args.as_of.unwrap_or_else(today);
    // The catalog: the registry with the reviews laid over it, and the
    // imported lists the record is linked to.
    let catalog = Catalog::load(data, today)?;
    let Some(record) = catalog.registry.get(&args.id) else {
        bail!(
            "no designation or batch with id {:?} in {}",
            args.id,
            data.join("registry.json").display()
        );
    };
    let mut out = io::stdout().lock();
    match record {
        Record::Designation(designation) => {
            let review = catalog.reviews.get(&designation.id).cloned().unwrap_or_default();
            let links = crate::link::links_of(&catalog, designation);
            if args.json {
                let mut json = designation_json(designation, today)?;
                if let Some(object) = json.as_object_mut() {
                    object.insert("review".into(), serde_json::to_value(&review)?);
                    object.insert("links".into(), serde_json::to_value(&links)?);
                }
                writeln!(out, "{}", serde_json::to_string_pretty(&json)?)?;
            } else {
                write_designation(&mut out, designation, today)?;
                write_review(&mut out, &review)?;
                write_links(&mut out, &links, catalog.lists.is_empty())?;
            }
        }
        Record::Batch(batch) => {
            let accounts = crate::link::batch_accounts(&catalog, batch);
            if args.json {
                let mut json = serde_json::to_value(batch)?;
                if let Some(object) = json.as_object_mut() {
                    object.insert("accounts".into(), serde_json::to_value(&accounts)?);
                }
                writeln!(out, "{}", serde_json::to_string_pretty(&json)?)?;
            } else {
                writeln!(out, "{}", batch_line(batch))?;
                writeln!(
                    out,
                    "evidence:  {} [{}..{}]",
                    batch.evidence.doc, batch.evidence.span[0], batch.evidence.span[1]
                )?;
                writeln!(out, "           {}", batch.evidence.sentence)?;
                write_accounts(&mut out, &accounts, catalog.lists.is_empty())?;
            }
        }
    }
    Ok(())
}

/// The official entries a designation is linked to.
fn write_links(
    out: &mut impl Write,
    links: &[crate::link::Link],
    no_lists: bool,
) -> io::Result<()> {
    if no_lists {
        return writeln!(out, "official:    no list imported (sanctions import ...)");
    }
    if links.is_empty() {
        return writeln!(out, "official:    no entry of the imported lists matches");
    }
    for link in links {
        writeln!(
            out,
            "official:    {} {} ({}) {:.2}",
            link.source, link.id, link.name, link.score
        )?;
        writeln!(out, "             {}", link.reasons.join("; "))?;
    }
    Ok(())
}

/// What the imported lists account for of a batch.
fn write_accounts(
    out: &mut impl Write,
    accounts: &[crate::link::BatchAccount],
    no_lists: bool,
) -> io::Result<()> {
    if no_lists {
        return writeln!(out, "official:  no list imported (sanctions import ...)");
    }
    if accounts.is_empty() {
        return writeln!(
            out,
            "official:  no imported list has entries of this authority listed that day"
        );
    }
    for account in accounts {
        let kinds: Vec<String> = account
            .by_kind
            .iter()
            .map(|(kind, count)| format!("{kind} {} of {}", count.found, count.announced))
            .collect();
        writeln!(
            out,
            "official:  {} listed on {}: {}",
            account.source,
            account.listed_on,
            kinds.join(", ")
        )?;
        writeln!(out, "           {}", account.entries.join(" "))?;
        for note in &account.notes {
            writeln!(out, "           note: {note}")?;
        }
    }
    Ok(())
}

fn import(data: &Path, command: &ImportCommand) -> anyhow::Result<()> {
    let list = match command {
        ImportCommand::Ofac(args) if is_xml(&args.sdn) => {
            if args.alt.is_some() || args.add.is_some() {
                bail!("--alt and --add go with the CSV files; the XML file holds aliases and addresses itself");
            }
            lists::ofac_xml::import(&args.source, &args.sdn)?
        }
        ImportCommand::Ofac(args) => lists::ofac::import(
            &args.source,
            lists::ofac::Files {
                primary: &args.sdn,
                aliases: args.alt.as_deref(),
                addresses: args.add.as_deref(),
            },
        )?,
        ImportCommand::Csv(args) => {
            lists::table::import(&source_name(args.source.as_deref(), &args.file)?, &args.file)?
        }
        ImportCommand::Un(args) => lists::un::import(&args.source, &args.file)?,
        ImportCommand::Ftm(args) => {
            lists::ftm::import(&source_name(args.source.as_deref(), &args.file)?, &args.file)?
        }
    };
    const SHOWN: usize = 20;
    for row in list.skipped.iter().take(SHOWN) {
        eprintln!("{}:{}: skipped: {}", row.file, row.line, row.reason);
    }
    let path = lists::save(data, &list)?;
    if list.skipped.len() > SHOWN {
        eprintln!(
            "... and {} more skipped rows, all listed in {}",
            list.skipped.len() - SHOWN,
            path.display()
        );
    }
    let aliases: usize = list.entries.iter().map(|entry| entry.aliases.len()).sum();
    eprintln!(
        "imported {}: {} entries, {} aliases, {} rows skipped -> {}",
        list.source,
        list.entries.len(),
        aliases,
        list.skipped.len(),
        path.display()
    );
    Ok(())
}

fn export(data: &Path, args: &ExportArgs) -> anyhow::Result<()> {
    if args.format != "ftm" {
        bail!("--format {:?}: the formats are: ftm", args.format);
    }
    // The registry with the reviews laid over it; no lists or index needed.
    let mut registry = load_registry(data)?;
    let reviews = match crate::review::ReviewStore::open_existing(data)? {
        Some(store) => store.reviews()?,
        None => std::collections::HashMap::new(),
    };
    crate::review::overlay_all(&mut registry, &reviews);
    let before = registry.designations.len();
    if !args.include_rejected {
        registry.designations.retain(|designation| {
            reviews
                .get(&designation.id)
                .is_none_or(|review| review.state != crate::review::State::Rejected)
        });
    }
    let text = lists::ftm::export(&registry);
    if args.out.as_os_str() == "-" {
        io::stdout().lock().write_all(text.as_bytes())?;
    } else {
        store::write_atomically(&args.out, text.as_bytes())?;
    }
    eprintln!(
        "exported {} designations ({} rejected left out) as FtM, {} entities -> {}",
        registry.designations.len(),
        before - registry.designations.len(),
        registry.designations.len() * 2,
        args.out.display()
    );
    Ok(())
}

/// The list name given, or else the file's name without its extension.
fn source_name(given: Option<&str>, file: &Path) -> anyhow::Result<String> {
    match given {
        Some(source) => Ok(source.to_string()),
        None => {
            file.file_stem().map(|stem| stem.to_string_lossy().into_owned()).with_context(|| {
                format!("{}: no file name to name the list by; pass --source", file.display())
            })
        }
    }
}

/// Whether `path` names an XML file.
fn is_xml(path: &Path) -> bool {
    path.extension().is_some_and(|ext| ext.eq_ignore_ascii_case("xml"))
}

fn lists_diff(args: &ListsDiffArgs) -> anyhow::Result<()> {
    let old = lists::diff::read_version(&args.old)?;
    let new = lists::diff::read_version(&args.new)?;
    let found = lists::diff::diff(&old, &new);
    let mut out = io::stdout().lock();
    if args.json {
        writeln!(out, "{}", serde_json::to_string_pretty(&found)?)?;
        return Ok(());
    }
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
        for entry in entries.iter().take(args.show) {
            writeln!(out, "  {}  {}  {}", entry.id, entry.name, entry.programs.join(" "))?;
        }
        if let Some(line) = more(args.show, entries.len()) {
            writeln!(out, "{line}")?;
        }
    }
    if !found.changed.is_empty() {
        writeln!(out, "\nchanged:")?;
    }
    for changed in found.changed.iter().take(args.show) {
        writeln!(out, "  {}  {}", changed.id, changed.name)?;
        for field in &changed.fields {
            writeln!(out, "    {}: {:?} -> {:?}", field.field, field.old, field.new)?;
        }
    }
    if let Some(line) = more(args.show, found.changed.len()) {
        writeln!(out, "{line}")?;
    }
    Ok(())
}

fn lists(data: &Path) -> anyhow::Result<()> {
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

/// Builds the screening index over the registry and every imported list.
pub fn load_screener(data: &Path, today: NaiveDate) -> anyhow::Result<Screener> {
    let catalog = Catalog::load(data, today)?;
    if catalog.registry_missing() {
        eprintln!("{}", no_registry_note(data));
    }
    Ok(catalog.screener)
}

/// What a command says, once, when the data folder has no registry.
fn no_registry_note(data: &Path) -> String {
    format!(
        "note: {} has no registry.json: the registry is empty and only imported lists are used \
         (`sanctions extract` builds it)",
        data.display()
    )
}

fn serve(data: &Path, args: &ServeArgs) -> anyhow::Result<()> {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info")),
        )
        .with_writer(io::stderr)
        .with_ansi(io::stderr().is_terminal())
        .init();
    let started = std::time::Instant::now();
    let as_of = args.as_of.unwrap_or_else(today);
    let catalog = Catalog::load(data, as_of)?;
    if catalog.registry_missing() {
        tracing::warn!("{}", no_registry_note(data));
    }
    let entities = catalog.entities().len();
    let config = api::Config {
        max_in_flight: args.max_in_flight.max(1),
        max_connections: args.max_connections.max(1),
        request_timeout: Duration::from_secs(args.request_timeout.max(1)),
        max_csv_bytes: args.max_csv_mib.max(1) << 20,
        max_csv_jobs: args.max_csv_jobs.max(1),
        cors_origins: args.cors_origins.clone(),
        as_of: args.as_of,
        review_token: review_token(args)?,
        ..api::Config::default()
    };
    if config.review_token.is_none() {
        tracing::warn!(
            "no review token (SANCTIONS_REVIEW_TOKEN or --review-token-file): review decisions are refused with 403"
        );
    }
    for id in &catalog.orphaned_reviews {
        tracing::warn!("decisions kept for {id}, which is no longer in the registry");
    }
    let state = api::AppState::new(data.to_path_buf(), catalog, config);
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build()?;
    runtime.block_on(async {
        let listener = tokio::net::TcpListener::bind(args.addr)
            .await
            .with_context(|| format!("cannot listen on {}", args.addr))?;
        let addr = listener.local_addr()?;
        tracing::info!(
            "listening on http://{addr} ({entities} entities, loaded in {} ms)",
            started.elapsed().as_millis()
        );
        api::serve(listener, state, api::shutdown_signal()).await?;
        tracing::info!("stopped");
        anyhow::Ok(())
    })
}

/// The review token from `--review-token-file` or `SANCTIONS_REVIEW_TOKEN`.
fn review_token(args: &ServeArgs) -> anyhow::Result<Option<api::ReviewToken>> {
    match &args.review_token_file {
        Some(path) => {
            let text = std::fs::read_to_string(path)
                .with_context(|| format!("cannot read the review token file {}", path.display()))?;
            match api::ReviewToken::new(&text) {
                Some(token) => Ok(Some(token)),
                None => bail!("the review token file {} is empty", path.display()),
            }
        }
        None => Ok(std::env::var("SANCTIONS_REVIEW_TOKEN")
            .ok()
            .and_then(|token| api::ReviewToken::new(&token))),
    }
}

fn screen(data: &Path, args: &ScreenArgs) -> anyhow::Result<()> {
    let today = args.as_of.unwrap_or_else(today);
    let screener = load_screener(data, today)?;
    let name = match (&args.name, &args.csv) {
        (_, Some(input)) => return screen_csv(&screener, input, args),
        (Some(name), None) => name,
        (None, None) => bail!("give a name to screen, or --csv FILE"),
    };
    let query = Query {
        name,
        kind: args.kind,
        threshold: args.threshold,
        limit: args.limit,
        include_rejected: args.include_rejected,
    };
    let matches = screener.screen(&query).context("cannot screen this name")?;
    let mut out = io::stdout().lock();
    if args.json {
        let answer = Answer {
            query: name,
            kind: args.kind,
            threshold: args.threshold,
            limit: args.limit,
            matches,
        };
        writeln!(out, "{}", serde_json::to_string_pretty(&answer)?)?;
        return Ok(());
    }
    if matches.is_empty() {
        writeln!(out, "no match at or above {} for {name:?}", args.threshold)?;
        return Ok(());
    }
    let header =
        ["SCORE", "ID", "KIND", "MATCHED NAME", "SOURCE", "AUTHORITY", "STATUS"].map(String::from);
    let rows: Vec<[String; 7]> = matches
        .iter()
        .map(|found| {
            let entity = found.entity;
            let authority = match (&entity.authority, entity.programs.is_empty()) {
                (Some(authority), true) => authority.clone(),
                (Some(authority), false) => format!("{authority} ({})", entity.programs.join(", ")),
                (None, _) => entity.programs.join(", "),
            };
            [
                format!("{:.3}", found.score),
                entity.id.clone(),
                entity.kind.map(|kind| kind.to_string()).unwrap_or_default(),
                found.matched_name.to_string(),
                entity.source.clone(),
                authority,
                entity.status.as_str().to_string(),
            ]
        })
        .collect();
    write_table(&mut out, &header, &rows)?;
    writeln!(out)?;
    for found in &matches {
        writeln!(out, "{}  {}", found.entity.id, found.explanation.summary())?;
    }
    Ok(())
}

/// `screen --csv`: streams the file through [`bulk::screen_csv`] with a
/// progress bar on a terminal, writing the output through a temporary file
/// renamed into place when complete.
fn screen_csv(screener: &Screener, input: &Path, args: &ScreenArgs) -> anyhow::Result<()> {
    let options = bulk::Options {
        column: args.column.clone(),
        delimiter: args.delimiter,
        threshold: args.threshold,
        kind: args.kind,
        kind_column: args.kind_column.clone(),
        country_column: args.country_column.clone(),
        all_matches: args.all_matches,
    };
    let started = Instant::now();
    let (reader, size): (Box<dyn io::Read>, Option<u64>) = if input == Path::new("-") {
        (Box::new(io::stdin().lock()), None)
    } else {
        let file = File::open(input).with_context(|| format!("cannot open {}", input.display()))?;
        let size = file.metadata().ok().map(|metadata| metadata.len());
        (Box::new(file), size)
    };
    let bar = progress_bar(size);
    let on_progress = |progress: bulk::Progress| {
        bar.set_position(progress.bytes);
        let seconds = started.elapsed().as_secs_f64().max(1e-3);
        bar.set_message(format!(
            "{} rows, {:.0} rows/s",
            progress.rows,
            progress.rows as f64 / seconds
        ));
    };
    let failed = || format!("cannot screen {}", input.display());
    let summary = if args.out == Path::new("-") {
        let out = io::BufWriter::new(io::stdout().lock());
        bulk::screen_csv(screener, reader, out, &options, on_progress).with_context(failed)?
    } else {
        let mut temporary = crate::registry::store::temporary_beside(&args.out)
            .with_context(|| format!("cannot write beside {}", args.out.display()))?;
        let out = io::BufWriter::new(temporary.as_file_mut());
        let summary =
            bulk::screen_csv(screener, reader, out, &options, on_progress).with_context(failed)?;
        temporary.as_file().sync_all()?;
        temporary
            .persist(&args.out)
            .with_context(|| format!("cannot write {}", args.out.display()))?;
        summary
    };
    bar.finish_and_clear();
    let seconds = started.elapsed().as_secs_f64();
    eprintln!(
        "screened {} rows in {seconds:.1} s ({:.0} rows/s): {} with a match ({} matches), {} could not be screened -> {}",
        summary.rows,
        summary.rows as f64 / seconds.max(1e-3),
        summary.matched,
        summary.matches,
        summary.errors,
        if args.out == Path::new("-") { "stdout".to_string() } else { args.out.display().to_string() }
    );
    Ok(())
}

/// A bar over the input's bytes on a terminal (a spinner when the size is
/// unknown), hidden otherwise.
fn progress_bar(size: Option<u64>) -> ProgressBar {
    if !io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    match size {
        Some(size) => {
            let bar = ProgressBar::new(size);
            if let Ok(style) = ProgressStyle::with_template(
                "{bar:30} {percent:>3}% {msg}, {elapsed} elapsed, eta {eta}",
            ) {
                bar.set_style(style);
            }
            bar
        }
        None => ProgressBar::new_spinner(),
    }
}

/// `DATA/registry.json`, or an empty registry (said once on stderr) when
/// there is none.
fn load_registry(data: &Path) -> anyhow::Result<Registry> {
    let path = data.join("registry.json");
    let Some(text) = store::read_text_if_any(&path)? else {
        eprintln!("{}", no_registry_note(data));
        return Ok(Registry::from_documents(&[]));
    };
    store::parse(&path, &text)
        .with_context(|| "run `sanctions extract` to build the registry again".to_string())
}

fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

/// A designation as JSON, with its status on `today` added.
fn designation_json(
    designation: &Designation,
    today: NaiveDate,
) -> Result<serde_json::Value, serde_json::Error> {
    let mut value = serde_json::to_value(designation)?;
    if let Some(object) = value.as_object_mut() {
        object.insert("status".into(), designation.status(today).as_str().into());
    }
    Ok(value)
}

fn write_designation(out: &mut impl Write, d: &Designation, today: NaiveDate) -> io::Result<()> {
    let optional = |value: &Option<String>| value.clone().unwrap_or_else(|| "-".to_string());
    let date =
        |value: Option<NaiveDate>| value.map_or_else(|| "-".to_string(), |date| date.to_string());
    writeln!(out, "id:          {}", d.id)?;
    writeln!(out, "name:        {}", d.name)?;
    writeln!(out, "name_en:     {}", optional(&d.name_en))?;
    if !d.aliases.is_empty() {
        writeln!(out, "aliases:     {}", d.aliases.join("; "))?;
    }
    writeln!(out, "kind:        {}", d.kind)?;
    writeln!(out, "country:     {}", optional(&d.country))?;
    let also = if d.authority_also.is_empty() {
        String::new()
    } else {
        format!(" (also {})", d.authority_also.join(", "))
    };
    writeln!(out, "authority:   {}{also}", d.authority)?;
    writeln!(out, "date:        {}", date(d.date))?;
    writeln!(out, "announced:   {}", date(d.announced))?;
    writeln!(out, "measures:    {}", optional(&d.measures))?;
    writeln!(out, "expires:     {}", date(d.expires))?;
    writeln!(out, "status:      {} (as of {today})", d.status(today).as_str())?;
    for identifier in &d.identifiers {
        writeln!(out, "identifier:  {} {}", identifier.scheme, identifier.value)?;
    }
    if let Some(role) = &d.role {
        writeln!(out, "role:        {role}")?;
    }
    writeln!(
        out,
        "evidence:    {} [{}..{}]",
        d.evidence.doc, d.evidence.span[0], d.evidence.span[1]
    )?;
    writeln!(out, "             {}", highlight(&d.evidence.sentence, &d.name))?;
    Ok(())
}

/// The review line(s) under a designation.
fn write_review(out: &mut impl Write, review: &crate::review::Review) -> io::Result<()> {
    write!(out, "review:      {}", review.state)?;
    if let Some(event) = &review.last {
        write!(out, " (last: {} by {} at {})", event.decision, event.reviewer, event.at)?;
    }
    writeln!(out)?;
    if !review.changes.is_empty() {
        let fields: Vec<&str> = review.changes.keys().map(String::as_str).collect();
        writeln!(out, "edited:      {} (shown as corrected)", fields.join(", "))?;
    }
    Ok(())
}

/// Marks the first occurrence of `name` in `sentence` with »«.
fn highlight(sentence: &str, name: &str) -> String {
    match sentence.find(name) {
        Some(at) if !name.is_empty() => {
            format!("{}»{name}«{}", &sentence[..at], &sentence[at + name.len()..])
        }
        _ => sentence.to_string(),
    }
}

fn batch_line(batch: &Batch) -> String {
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

fn write_table<const N: usize>(
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
