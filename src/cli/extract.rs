//! `sanctions extract`: reads every source text and writes the registry.

use std::path::{Path, PathBuf};

use clap::Args;

use crate::registry::{store, Registry};

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

/// Reads every source text and writes the registry.
pub fn run(data: &Path, args: &ExtractArgs) -> anyhow::Result<()> {
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
