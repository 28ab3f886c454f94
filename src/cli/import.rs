//! `sanctions import ofac|csv|un|ftm`: reads a list from files or from its
//! publisher's `http(s)://` URLs and stores it under DATA/lists/ (a
//! download with its origin, for `sanctions update`).

use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::{bail, Context};
use clap::{Args, Subcommand};

use crate::lists::{self, fetch, origin};
use lists::origin::{Format, Imported, Request};

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
    /// Download limits, for URLs.
    #[command(flatten)]
    pub download: DownloadArgs,
    /// The JSON lines file (a path or an http(s):// URL).
    pub file: String,
    /// Name to store the list under (default: the file name without extension).
    #[arg(long)]
    pub source: Option<String>,
}

/// Arguments of `sanctions import un`.
#[derive(Debug, Args)]
pub struct ImportUnArgs {
    /// Download limits, for URLs.
    #[command(flatten)]
    pub download: DownloadArgs,
    /// The consolidated list (consolidated.xml; a path or an http(s):// URL).
    pub file: String,
    /// Name to store the list under.
    #[arg(long, default_value = "un-sc")]
    pub source: String,
}

/// Arguments of `sanctions import ofac`.
#[derive(Debug, Args)]
pub struct ImportOfacArgs {
    /// Download limits, for URLs.
    #[command(flatten)]
    pub download: DownloadArgs,
    /// The primary file (sdn.csv), or the XML file (sdn.xml); a path or an
    /// http(s):// URL, as are the others.
    pub sdn: String,
    /// Aliases (alt.csv).
    #[arg(long)]
    pub alt: Option<String>,
    /// Addresses (add.csv), read for countries.
    #[arg(long)]
    pub add: Option<String>,
    /// Name to store the list under.
    #[arg(long, default_value = "ofac-sdn")]
    pub source: String,
}

/// Arguments of `sanctions import csv`.
#[derive(Debug, Args)]
pub struct ImportCsvArgs {
    /// Download limits, for URLs.
    #[command(flatten)]
    pub download: DownloadArgs,
    /// The CSV file (a path or an http(s):// URL).
    pub file: String,
    /// Name to store the list under [default: the file name without extension].
    #[arg(long)]
    pub source: Option<String>,
}

/// Imports a list (from files or its publisher's URLs) and saves it under
/// DATA/lists/, saying what was skipped.
pub fn run(data: &Path, command: &ImportCommand) -> anyhow::Result<()> {
    let (request, download) = match command {
        ImportCommand::Ofac(args) => {
            if origin::is_xml(Path::new(&fetch::file_name_of_location(&args.sdn)))
                && (args.alt.is_some() || args.add.is_some())
            {
                bail!("--alt and --add go with the CSV files; the XML file holds aliases and addresses itself");
            }
            let request = Request {
                source: args.source.clone(),
                format: Format::Ofac,
                list: args.sdn.clone(),
                aliases: args.alt.clone(),
                addresses: args.add.clone(),
            };
            (request, &args.download)
        }
        ImportCommand::Csv(args) => {
            (single(Format::Csv, args.source.as_deref(), &args.file)?, &args.download)
        }
        ImportCommand::Un(args) => (
            Request {
                source: args.source.clone(),
                format: Format::Un,
                list: args.file.clone(),
                aliases: None,
                addresses: None,
            },
            &args.download,
        ),
        ImportCommand::Ftm(args) => {
            (single(Format::Ftm, args.source.as_deref(), &args.file)?, &args.download)
        }
    };
    // The stored version, for a conditional download; one that cannot be
    // read is replaced, as an import always replaced it.
    let previous = lists::load_source(data, &request.source).unwrap_or_else(|error| {
        eprintln!("note: the stored {} cannot be read and is replaced: {error}", request.source);
        None
    });
    let previous = previous.as_ref();
    let list = match origin::import(&request, previous, &download.limits())? {
        Imported::Unchanged => {
            eprintln!(
                "{}: unchanged since its import at {}; nothing stored",
                request.source,
                previous.map_or("-", |list| list.imported_at.as_str())
            );
            return Ok(());
        }
        Imported::List(list) => list,
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

/// A one-file list, named by `--source` or by its file.
fn single(format: Format, source: Option<&str>, location: &str) -> anyhow::Result<Request> {
    Ok(Request {
        source: source_name(source, location)?,
        format,
        list: location.to_string(),
        aliases: None,
        addresses: None,
    })
}

/// How downloads are limited (for a URL instead of a path).
#[derive(Debug, Clone, Args)]
pub struct DownloadArgs {
    /// The largest download, in MiB; a larger one is refused.
    #[arg(long, default_value_t = 512)]
    pub max_download_mib: u64,
    /// Seconds a download may take.
    #[arg(long, default_value_t = 600)]
    pub download_timeout: u64,
}

impl DownloadArgs {
    /// The limits these arguments set.
    pub fn limits(&self) -> fetch::Limits {
        fetch::Limits {
            max_bytes: self.max_download_mib.max(1) << 20,
            timeout: Duration::from_secs(self.download_timeout.max(1)),
            ..fetch::Limits::default()
        }
    }
}

/// The list name given, or else the file's name without its extension.
fn source_name(given: Option<&str>, location: &str) -> anyhow::Result<String> {
    if let Some(source) = given {
        return Ok(source.to_string());
    }
    let file = PathBuf::from(fetch::file_name_of_location(location));
    file.file_stem()
        .map(|stem| stem.to_string_lossy().into_owned())
        .with_context(|| format!("{location}: no file name to name the list by; pass --source"))
}
