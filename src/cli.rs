//! The `sanctions` command line: clap types and one short function per
//! subcommand, each calling the library. Data goes to stdout, messages to
//! stderr.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use anyhow::{bail, Context};
use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand};
use unicode_width::UnicodeWidthStr;

use crate::model::{Batch, Designation, EntityKind, Status};
use crate::registry::store;
use crate::registry::{Filter, Record, Registry};

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
    /// List designations as a table or JSON.
    Entities(EntitiesArgs),
    /// Show one designation or batch with its evidence.
    Show(ShowArgs),
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
        Command::Entities(args) => entities(&cli.data, args),
        Command::Show(args) => show(&cli.data, args),
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
    let registry = load_registry(data)?;
    let today = args.as_of.unwrap_or_else(today);
    let Some(record) = registry.get(&args.id) else {
        bail!(
            "no designation or batch with id {:?} in {}",
            args.id,
            data.join("registry.json").display()
        );
    };
    let mut out = io::stdout().lock();
    match record {
        Record::Designation(designation) if args.json => {
            writeln!(
                out,
                "{}",
                serde_json::to_string_pretty(&designation_json(designation, today)?)?
            )?;
        }
        Record::Batch(batch) if args.json => {
            writeln!(out, "{}", serde_json::to_string_pretty(batch)?)?
        }
        Record::Designation(designation) => write_designation(&mut out, designation, today)?,
        Record::Batch(batch) => {
            writeln!(out, "{}", batch_line(batch))?;
            writeln!(
                out,
                "evidence:  {} [{}..{}]",
                batch.evidence.doc, batch.evidence.span[0], batch.evidence.span[1]
            )?;
            writeln!(out, "           {}", batch.evidence.sentence)?;
        }
    }
    Ok(())
}

fn load_registry(data: &Path) -> anyhow::Result<Registry> {
    let path = data.join("registry.json");
    store::load(&path).with_context(|| "run `sanctions extract` to build the registry".to_string())
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
    format!(
        "{}  batch  {} on {date}: {} designations ({})",
        batch.id,
        batch.authority,
        batch.total,
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
