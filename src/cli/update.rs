//! `sanctions update [--init]`: asks every downloaded list's publisher for a
//! newer version and prints, per list, what changed.

use std::io::{self, Write};
use std::path::Path;

use anyhow::bail;
use clap::Args;

use super::import::DownloadArgs;
use super::output::write_diff;
use crate::lists::update::{self, Outcome, Report, OFFICIAL};

/// Arguments of `sanctions update`.
#[derive(Debug, Args)]
pub struct UpdateArgs {
    /// Set up the official lists first: OFAC SDN and consolidated non-SDN
    /// (CSV with aliases and addresses) and the UN Security Council list,
    /// downloaded from their publishers.
    #[arg(long)]
    pub init: bool,
    /// Print JSON: one object per list.
    #[arg(long)]
    pub json: bool,
    /// The most entries shown per section of a list's changes.
    #[arg(long, default_value_t = 10)]
    pub show: usize,
    /// Download limits.
    #[command(flatten)]
    pub download: DownloadArgs,
}

/// Updates every list with an origin (with `--init`, the official ones
/// first) and fails when any list failed, after reporting all of them.
pub fn run(data: &Path, args: &UpdateArgs) -> anyhow::Result<()> {
    let limits = args.download.limits();
    let mut reports = if args.init { update::init(data, &OFFICIAL, &limits)? } else { Vec::new() };
    let done: Vec<&str> = if args.init {
        OFFICIAL.iter().map(|official| official.source).collect()
    } else {
        Vec::new()
    };
    reports.extend(update::update(data, &limits, &done)?);
    let mut out = io::stdout().lock();
    if args.json {
        writeln!(out, "{}", serde_json::to_string_pretty(&reports)?)?;
    } else if reports.is_empty() {
        eprintln!(
            "no list in {} was downloaded: import one from its URL (`sanctions import ... URL`) \
             or run `sanctions update --init` for the official lists",
            crate::lists::folder(data).display()
        );
    }
    if !args.json {
        for report in &reports {
            write_report(&mut out, report, args.show)?;
        }
    }
    let failed: Vec<&str> = reports
        .iter()
        .filter(|report| matches!(report.outcome, Outcome::Failed { .. }))
        .map(|report| report.source.as_str())
        .collect();
    if !failed.is_empty() {
        bail!("{} of {} lists not updated: {}", failed.len(), reports.len(), failed.join(", "));
    }
    Ok(())
}

/// One list's lines.
fn write_report(out: &mut impl Write, report: &Report, show: usize) -> io::Result<()> {
    match &report.outcome {
        Outcome::Unchanged => writeln!(out, "{}: unchanged", report.source),
        Outcome::Failed { error } => {
            writeln!(out, "{}: failed, the last good list stays: {error}", report.source)
        }
        Outcome::Updated { diff, skipped, path } => {
            writeln!(
                out,
                "{}: updated ({skipped} rows skipped) -> {}",
                report.source,
                path.display()
            )?;
            write_diff(out, diff, show)?;
            writeln!(out)
        }
    }
}
