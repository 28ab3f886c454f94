//! `sanctions review`: list designations by review state, record a
//! decision, show a designation's history.

use std::collections::{BTreeMap, HashMap};
use std::io::{self, Write};
use std::path::Path;

use anyhow::{bail, Context};
use clap::Args;

use super::load_registry;
use super::output::write_table;
use crate::review::{Decision, NewDecision, Review, ReviewStore, State, EDITABLE_FIELDS};

/// Arguments of `sanctions review`.
#[derive(Debug, Args)]
pub struct ReviewArgs {
    /// `list`, `history ID`, or a designation's id followed by `accept`,
    /// `reject` or `edit`.
    #[arg(value_name = "list | history | ID")]
    pub target: String,
    /// After an id: accept, reject or edit. After `history`: the id.
    #[arg(value_name = "DECISION | ID")]
    pub action: Option<String>,
    /// With `list`: only designations in this state (pending, accepted, rejected).
    #[arg(long)]
    pub status: Option<State>,
    /// With `edit`: a corrected field, FIELD=VALUE (repeat for several). Fields:
    /// name, name_en, kind, country, authority, date, announced, expires,
    /// aliases (`;`-separated); an empty value clears an optional field.
    #[arg(long = "set", value_name = "FIELD=VALUE")]
    pub set: Vec<String>,
    /// Why, for the record.
    #[arg(long)]
    pub note: Option<String>,
    /// Who decides (default: $USER).
    #[arg(long, env = "SANCTIONS_REVIEWER")]
    pub reviewer: Option<String>,
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
}

/// Runs `sanctions review`.
pub fn run(data: &Path, args: &ReviewArgs) -> anyhow::Result<()> {
    match (args.target.as_str(), args.action.as_deref()) {
        ("list", None) => list(data, args),
        ("list", Some(extra)) => bail!("`review list` takes no {extra:?}; filter with --status"),
        ("history", Some(id)) => history(data, id, args.json),
        ("history", None) => bail!("give the id: sanctions review history ID"),
        (id, Some(decision)) => decide(data, id, decision, args),
        (id, None) => {
            bail!("give a decision after the id: sanctions review {id} accept|reject|edit")
        }
    }
}

fn list(data: &Path, args: &ReviewArgs) -> anyhow::Result<()> {
    let registry = load_registry(data)?;
    let reviews = match ReviewStore::open_existing(data)? {
        Some(store) => store.reviews()?,
        None => HashMap::new(),
    };
    let no_review = Review::default();
    let selected: Vec<(&crate::model::Designation, &Review)> = registry
        .designations
        .iter()
        .map(|designation| (designation, reviews.get(&designation.id).unwrap_or(&no_review)))
        .filter(|(_, review)| args.status.is_none_or(|status| review.state == status))
        .collect();
    let orphans: Vec<&String> = reviews
        .keys()
        .filter(|id| !registry.designations.iter().any(|designation| &designation.id == *id))
        .collect();
    let mut out = io::stdout().lock();
    if args.json {
        let rows: Vec<serde_json::Value> = selected
            .iter()
            .map(|(designation, review)| {
                serde_json::json!({"id": designation.id, "name": designation.name,
                    "authority": designation.authority, "review": review})
            })
            .collect();
        let answer = serde_json::json!({"designations": rows, "orphaned": orphans});
        writeln!(out, "{}", serde_json::to_string_pretty(&answer)?)?;
        return Ok(());
    }
    let header = ["ID", "STATE", "NAME", "AUTHORITY", "EDITED", "LAST DECISION"].map(String::from);
    let rows: Vec<[String; 6]> = selected
        .iter()
        .map(|(designation, review)| {
            let last = review.last.as_ref().map_or_else(String::new, |event| {
                format!("{} by {} at {}", event.decision, event.reviewer, event.at)
            });
            [
                designation.id.clone(),
                review.state.to_string(),
                designation.name.clone(),
                designation.authority.clone(),
                review.changes.keys().cloned().collect::<Vec<_>>().join(", "),
                last,
            ]
        })
        .collect();
    write_table(&mut out, &header, &rows)?;
    if !orphans.is_empty() {
        let mut ids: Vec<&str> = orphans.iter().map(|id| id.as_str()).collect();
        ids.sort_unstable();
        writeln!(
            out,
            "\ndecisions kept for ids no longer in the registry (see `review history ID`): {}",
            ids.join(", ")
        )?;
    }
    Ok(())
}

fn history(data: &Path, id: &str, json: bool) -> anyhow::Result<()> {
    let events = match ReviewStore::open_existing(data)? {
        Some(store) => store.history(id)?,
        None => Vec::new(),
    };
    let registry = load_registry(data)?;
    let known = registry.designations.iter().any(|designation| designation.id == id);
    if !known && events.is_empty() {
        bail!("no designation with id {id:?} in the registry and no decisions on it");
    }
    let mut out = io::stdout().lock();
    if json {
        let answer = serde_json::json!({"id": id, "orphaned": !known, "events": events});
        writeln!(out, "{}", serde_json::to_string_pretty(&answer)?)?;
        return Ok(());
    }
    if !known {
        writeln!(out, "{id} is no longer in the registry; its decisions are kept")?;
    }
    if events.is_empty() {
        writeln!(out, "{id}: no decisions yet (pending)")?;
    }
    for event in &events {
        let changes: Vec<String> =
            event.changes.iter().map(|(field, value)| format!("{field}={value:?}")).collect();
        write!(out, "#{} {} {} by {}", event.seq, event.at, event.decision, event.reviewer)?;
        if !changes.is_empty() {
            write!(out, ": {}", changes.join(", "))?;
        }
        match &event.note {
            Some(note) => writeln!(out, " ({note})")?,
            None => writeln!(out)?,
        }
    }
    Ok(())
}

fn decide(data: &Path, id: &str, decision: &str, args: &ReviewArgs) -> anyhow::Result<()> {
    let decision: Decision = decision.parse()?;
    let registry = load_registry(data)?;
    if !registry.designations.iter().any(|designation| designation.id == id) {
        bail!(
            "no designation with id {id:?} in {} (list them with `sanctions review list`)",
            data.join("registry.json").display()
        );
    }
    let mut changes = BTreeMap::new();
    for pair in &args.set {
        let Some((field, value)) = pair.split_once('=') else {
            bail!("--set {pair:?}: write FIELD=VALUE, FIELD one of {}", EDITABLE_FIELDS.join(", "));
        };
        changes.insert(field.trim().to_string(), value.to_string());
    }
    let reviewer = args
        .reviewer
        .clone()
        .or_else(|| std::env::var("USER").ok())
        .context("say who decides: --reviewer NAME (or set SANCTIONS_REVIEWER)")?;
    let store = ReviewStore::open(&data.join(crate::review::FILE_NAME))?;
    let event = store.record(NewDecision {
        entity_id: id.to_string(),
        decision,
        changes,
        reviewer,
        note: args.note.clone(),
    })?;
    let review = store.review(id)?;
    let mut out = io::stdout().lock();
    if args.json {
        let answer = serde_json::json!({"event": event, "review": review});
        writeln!(out, "{}", serde_json::to_string_pretty(&answer)?)?;
    } else {
        writeln!(
            out,
            "recorded #{}: {} {id} by {}; {id} is now {}",
            event.seq, event.decision, event.reviewer, review.state
        )?;
    }
    Ok(())
}
