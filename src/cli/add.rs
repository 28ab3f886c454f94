//! `sanctions add FILE...`: adds source texts to the data folder, extracts
//! them with the rest and writes the registry (what `POST /sources` does).

use std::path::{Path, PathBuf};

use anyhow::Context as _;
use clap::Args;

/// Arguments of `sanctions add`.
#[derive(Debug, Args)]
pub struct AddArgs {
    /// Text files to add (UTF-8), saved under DATA/sources/ with their own
    /// names; a name that exists there is refused.
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
}

/// Adds each file in turn; stops at the first one refused (the ones before
/// it stay added).
pub fn run(data: &Path, args: &AddArgs) -> anyhow::Result<()> {
    for file in &args.files {
        let name = file
            .file_name()
            .map(|name| name.to_string_lossy().into_owned())
            .with_context(|| format!("{}: not a file name", file.display()))?;
        let bytes =
            std::fs::read(file).with_context(|| format!("cannot read {}", file.display()))?;
        let text = String::from_utf8(bytes).map_err(|error| {
            anyhow::anyhow!(
                "{}: not UTF-8 (first bad byte at offset {})",
                file.display(),
                error.utf8_error().valid_up_to()
            )
        })?;
        let added = crate::sources::add(data, &name, text.trim_start_matches('\u{feff}'))
            .with_context(|| format!("{} not added", file.display()))?;
        println!(
            "added {} -> {}: {} new designations, {} new batches (pending review)",
            file.display(),
            added.path.display(),
            added.designations.len(),
            added.batches.len()
        );
        for designation in &added.designations {
            println!("  {}  {}  {}", designation.id, designation.kind.as_str(), designation.name);
        }
        for batch in &added.batches {
            println!("  {}  batch of {}", batch.id, batch.authority);
        }
    }
    Ok(())
}
