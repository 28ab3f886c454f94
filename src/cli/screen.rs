//! `sanctions screen`: one name as a table or JSON, or every row of a CSV
//! file.

use std::fs::File;
use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{bail, Context};
use chrono::NaiveDate;
use clap::Args;
use indicatif::{ProgressBar, ProgressStyle};

use super::output::write_table;
use super::{load_screener, today};
use crate::bulk;
use crate::model::EntityKind;
use crate::screen::{Answer, Query, Screener};

/// Arguments of `sanctions screen`.
#[derive(Debug, Args)]
pub struct ScreenArgs {
    /// The name to screen, in any script.
    #[arg(required_unless_present = "csv", conflicts_with = "csv")]
    pub name: Option<String>,
    /// Screen every row of this CSV file instead (`-` reads stdin).
    #[arg(long, value_name = "IN.csv")]
    pub csv: Option<PathBuf>,
    /// With --csv: where to write the result (`-` for stdout); it appears only when complete (a device or named pipe such as `/dev/null` is written into).
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

/// Screens one name, or every row of `--csv`.
pub fn run(data: &Path, args: &ScreenArgs) -> anyhow::Result<()> {
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
    } else if crate::registry::store::is_special_file(&args.out) {
        // A device or named pipe (`/dev/null`): renaming onto it would
        // replace it with a plain file.
        let file = std::fs::OpenOptions::new()
            .write(true)
            .open(&args.out)
            .with_context(|| format!("cannot open {}", args.out.display()))?;
        bulk::screen_csv(screener, reader, io::BufWriter::new(file), &options, on_progress)
            .with_context(failed)?
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
