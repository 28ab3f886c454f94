//! `sanctions import ofac|csv|un|ftm`: reads a list file and stores it
//! under DATA/lists/.

use std::path::{Path, PathBuf};

use anyhow::{bail, Context};
use clap::{Args, Subcommand};

use crate::lists;

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

/// Imports a list and saves it under DATA/lists/, saying what was skipped.
pub fn run(data: &Path, command: &ImportCommand) -> anyhow::Result<()> {
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
