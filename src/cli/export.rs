//! `sanctions export`: the registry, with reviewers' corrections, for other
//! tools.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use anyhow::bail;
use clap::Args;

use super::load_registry;
use crate::lists;
use crate::registry::store;

/// Arguments of `sanctions export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The format: ftm (FollowTheMoney JSON lines).
    #[arg(long, default_value = "ftm")]
    pub format: String,
    /// Where to write (`-`: standard output); written whole or not at all (a device or named pipe such as `/dev/null` is written into).
    #[arg(long, default_value = "-")]
    pub out: PathBuf,
    /// Export designations a reviewer rejected too.
    #[arg(long)]
    pub include_rejected: bool,
}

/// Writes the registry, reviews laid over it, in the chosen format.
pub fn run(data: &Path, args: &ExportArgs) -> anyhow::Result<()> {
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
