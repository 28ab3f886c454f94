//! `sanctions show ID`: one designation or batch with its evidence, review
//! and the official entries it is linked to.

use std::io::{self, Write};
use std::path::Path;

use anyhow::bail;
use chrono::NaiveDate;
use clap::Args;

use super::output::{batch_line, designation_json};
use super::today;
use crate::catalog::Catalog;
use crate::model::Designation;
use crate::registry::Record;

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

/// Prints one designation or batch.
pub fn run(data: &Path, args: &ShowArgs) -> anyhow::Result<()> {
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
