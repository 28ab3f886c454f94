//! Reads designations out of one source document.
//!
//! A document is cut into sections (one release each) and sentences. A
//! sentence with a designation statement ([`trigger`]) yields the names in
//! its object ([`entity`]); when the object only counts ("这七人和两个机构",
//! "these individuals") the names come from the sentence before, and when it
//! announces a list ("the following entities:") from the lines after. Each
//! designation takes the authority cited nearest to it ([`crate::authority`]),
//! the date written in its sentence or the section's release date ([`date`]),
//! and the country written next to it. Counts with no names become batches
//! ([`batch`]).
//!
//! **Invariant:** extraction does no IO and reads no clock; it never fails —
//! what it cannot resolve becomes a [`Warning`].

pub mod batch;
pub mod date;
pub mod document;
pub mod entity;
pub mod han;
pub mod mention;
pub mod reference;
pub mod relation;
pub mod trigger;

use std::collections::BTreeMap;
use std::ops::Range;

use chrono::{Datelike, Months, NaiveDate};
use sha2::{Digest, Sha256};

use crate::authority::{Authorities, Mention};
use crate::country;
use crate::extract::document::{collapse_whitespace, Document, Prepared};
use crate::extract::entity::{Count, Item};
use crate::model::{Batch, Designation, EntityKind, Evidence, Warning};
use crate::romanize;

/// What one document yields.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Extraction {
    /// Named designations, in document order.
    pub designations: Vec<Designation>,
    /// Count-only announcements.
    pub batches: Vec<Batch>,
    /// What could not be resolved.
    pub warnings: Vec<Warning>,
}

/// Reads every designation and batch in `doc`.
pub fn extract(doc: &Document) -> Extraction {
    let prepared = document::prepare(&doc.text);
    let mut extraction = Extraction::default();
    for section in 0..prepared.sections.len() {
        let reader = SectionReader::new(doc, &prepared, section, Authorities::embedded());
        if reader.is_latin() {
            reader.read_latin(&mut extraction);
        } else {
            reader.read(&mut extraction);
        }
    }
    merge_duplicates(&mut extraction.designations);
    extraction
}

/// The stable id of a designation: the same kind, name, authority and date
/// always give the same id.
pub fn designation_id(
    kind: EntityKind,
    name: &str,
    authority: &str,
    date: Option<NaiveDate>,
) -> String {
    let key = format!("{kind}|{}|{authority}|{}", collapse_whitespace(name), date_key(date));
    format!("{}-{}", kind_prefix(kind), short_hash(&key))
}

/// Drops, among the batches from `first` on (one section's), those without
/// a number under an authority another of them counts: "the UK is also
/// designating select members" beside "the UK designated 15".
fn keep_numbered(batches: &mut Vec<Batch>, first: usize) {
    let section = batches.split_off(first.min(batches.len()));
    let counted: Vec<String> = section
        .iter()
        .filter(|batch| batch.total.is_some())
        .map(|batch| batch.authority.clone())
        .collect();
    batches.extend(
        section
            .into_iter()
            .filter(|batch| batch.total.is_some() || !counted.contains(&batch.authority)),
    );
}

/// Whether a line is a heading: a few words, no closing punctuation.
fn is_heading(line: &str) -> bool {
    line.split_whitespace().count() <= 6 && !line.ends_with(['.', ':', ';'])
}

/// Adds `batch` unless one of the same id (same authority, day and total)
/// is there already.
fn push_new_batch(batches: &mut Vec<Batch>, batch: Batch) {
    if !batches.iter().any(|known| known.id == batch.id) {
        batches.push(batch);
    }
}

/// How many of each kind `named` holds under `authority`, each name once
/// (a headline and the body may name the same designee).
fn named_by_kind(named: &[Designation], authority: &str) -> BTreeMap<EntityKind, u32> {
    let mut seen = std::collections::BTreeSet::new();
    let mut by_kind = BTreeMap::new();
    for designation in named.iter().filter(|designation| designation.authority == authority) {
        if seen.insert((designation.kind, designation.name.as_str())) {
            *by_kind.entry(designation.kind).or_insert(0) += 1;
        }
    }
    by_kind
}

fn batch_id(authority: &str, date: Option<NaiveDate>, total: Option<u32>) -> String {
    let total = total.map_or_else(|| "unstated".to_string(), |total| total.to_string());
    format!("batch-{}", short_hash(&format!("batch|{authority}|{}|{total}", date_key(date))))
}

fn kind_prefix(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "per",
        EntityKind::Organization => "org",
        EntityKind::Vessel => "ves",
        EntityKind::Aircraft => "air",
    }
}

fn date_key(date: Option<NaiveDate>) -> String {
    date.map_or_else(|| "-".to_string(), |date| date.to_string())
}

fn short_hash(key: &str) -> String {
    let digest = Sha256::digest(key.as_bytes());
    digest.iter().take(6).map(|byte| format!("{byte:02x}")).collect()
}

/// Where an item was read: the offset its ranges are relative to, where the
/// next item starts, and the sentence.
struct Place {
    base: usize,
    next_start: Option<usize>,
    sentence: usize,
}

/// Names found for one trigger, with the sentence they were read from.
struct Found {
    items: Vec<Item>,
    /// Byte offset in the document of the text the item ranges are relative to.
    base: usize,
    /// Index of the sentence holding the names.
    sentence: usize,
}

struct SectionReader<'a> {
    doc: &'a Document,
    prepared: &'a Prepared,
    section: usize,
    authorities: &'a Authorities,
    /// The release date: the first full date in the section.
    release: Option<(NaiveDate, usize)>,
    /// Authority mentions in the section, with document byte ranges.
    mentions: Vec<Mention>,
    /// What the section says once for all its designations.
    facts: SectionFacts,
}

/// Facts read once per section.
struct SectionFacts {
    /// Measures spelled out, worded for a US authority.
    measures_us: Option<String>,
    /// Measures spelled out, worded for any other authority.
    measures: Option<String>,
    /// How many years the text says the measures last.
    duration_years: Option<u32>,
    /// The most frequent country named (United States and places aside).
    main_country: Option<&'static str>,
    /// Whether the section is written in Latin script: fewer Chinese
    /// characters than half its Latin letters.
    latin: bool,
    /// The authority of a section that cites none but is a United States
    /// action (Treasury, State, the White House, 美国财政部): a blocking
    /// designation, OFAC-SDN.
    default_authority: Option<&'static str>,
    /// The US agency whose release the section is, the first it names.
    agency: Option<relation::Agency>,
}

impl<'a> SectionReader<'a> {
    fn new(
        doc: &'a Document,
        prepared: &'a Prepared,
        section: usize,
        authorities: &'a Authorities,
    ) -> Self {
        let range = prepared.sections.get(section).cloned().unwrap_or(0..0);
        let text = prepared.slice(&range);
        // The release date: the first full date, unless a date is labelled
        // as the source's publication ("發佈時間：", a repost's own date
        // coming first).
        let dated: Vec<date::DateMention> =
            date::find(text, None).into_iter().filter(|mention| mention.has_year).collect();
        let labelled = dated.iter().find(|mention| {
            let before = text.get(..mention.range.start).unwrap_or("");
            let lead: String =
                before.chars().rev().take(8).collect::<Vec<_>>().into_iter().rev().collect();
            ["發佈時間", "发布时间", "發布時間", "發佈日期", "发布日期", "發布日期"]
                .iter()
                .any(|label| lead.contains(label))
        });
        let release = labelled
            .or(dated.first())
            .map(|mention| (mention.date, range.start + mention.range.start));
        let mentions = authorities
            .mentions(text)
            .into_iter()
            .map(|mention| Mention {
                authority: mention.authority,
                range: shift(&mention.range, range.start),
            })
            .collect();
        let mut frequency: BTreeMap<&'static str, usize> = BTreeMap::new();
        for mention in country::mentions(text) {
            if mention.code != "US" && !mention.is_place {
                *frequency.entry(mention.code).or_insert(0) += 1;
            }
        }
        let facts = SectionFacts {
            measures_us: measures_in(text, Some("US")),
            measures: measures_in(text, None),
            duration_years: duration_years_in(text),
            main_country: frequency
                .into_iter()
                .max_by_key(|(_, count)| *count)
                .map(|(code, _)| code),
            agency: relation::first_agency(text),
            default_authority: [
                "Treasury",
                "Department of State",
                "State Department",
                "White House",
                "United States",
                "U.S.",
                "美国财政部",
                "美國財政部",
                "美国国务院",
                "美國國務院",
            ]
            .iter()
            .any(|actor| text.contains(actor))
            .then_some("OFAC-SDN"),
            latin: text.chars().filter(|c| entity::is_han(*c)).count() * 2
                < text.chars().filter(char::is_ascii_alphabetic).count(),
        };
        SectionReader { doc, prepared, section, authorities, release, mentions, facts }
    }

    fn read(&self, extraction: &mut Extraction) {
        let sentences: Vec<usize> = self.prepared.sentences_in(self.section).collect();
        let mut last_date = None;
        let mut pending_batches = Vec::new();
        let mut named = Vec::new();
        for (position, &sentence) in sentences.iter().enumerate() {
            let range = self.sentence_range(sentence);
            let text = self.prepared.slice(&range);
            let triggers = trigger::find(text);
            if triggers.is_empty() {
                continue;
            }
            let date = self.event_date(&range, last_date);
            last_date = date.or(last_date);
            let mut counts: Vec<Count> = Vec::new();
            let mut found_any = false;
            for trigger in &triggers {
                // "其控制的甲集团也在2022年被列入制裁名单": an earlier listing.
                let before_verb = text.get(..trigger.verb_at).unwrap_or("");
                let release_year = self.release.map(|(release, _)| release.year());
                if release_year.is_some_and(|year| date::year_before_verb(before_verb, year)) {
                    continue;
                }
                let object = shift(&trigger.object, range.start);
                let reading = entity::read(self.prepared.slice(&object));
                counts.extend(reading.counts.iter().copied());
                let found = if reading.items.is_empty() {
                    self.names_elsewhere(
                        &sentences,
                        position,
                        &reading.counts,
                        self.prepared.slice(&object),
                    )
                } else {
                    vec![Found { items: reading.items, base: object.start, sentence }]
                };
                for found in found {
                    for (index, item) in found.items.iter().enumerate() {
                        found_any = true;
                        let next_start =
                            found.items.get(index + 1).map(|next| found.base + next.range.start);
                        let place =
                            Place { base: found.base, next_start, sentence: found.sentence };
                        named.push(self.designation(item, &place, sentence, date));
                    }
                }
            }
            // "对这些外国实体实施制裁" restates names given before.
            let only_restates = !counts.is_empty() && counts.iter().all(|count| count.refers_back);
            if !found_any && !only_restates {
                let batch_counts = batch::read(text).or_else(|| batch::read_vague(text));
                match batch_counts {
                    Some(batch_counts) if counts.iter().all(|count| !count.refers_back) => {
                        pending_batches.push((sentence, date, batch_counts));
                    }
                    _ => extraction.warnings.push(Warning {
                        doc: self.doc.name.clone(),
                        message: format!(
                            "designation statement without a readable name: {}",
                            collapse_whitespace(text)
                        ),
                    }),
                }
            }
        }
        // A count that the section goes on to name ("制裁了四个实体 … 对甲、乙、丙、丁实施制裁",
        // a headline "将四艘船隻列入黑名單") is not a batch of its own.
        let first_batch = extraction.batches.len();
        self.push_batches(extraction, pending_batches, &named);
        keep_numbered(&mut extraction.batches, first_batch);
        extraction.designations.extend(named);
    }

    /// Whether the section is written in Latin script (English), read by
    /// the mention-first stages rather than the trigger-first reader.
    fn is_latin(&self) -> bool {
        self.facts.latin
    }

    /// Reads a Latin-script section mention first: every name is found by
    /// its shape ([`mention`]) and resolved to an entity ([`reference`]);
    /// designation statements ([`relation`]) then say which entities are
    /// designated, directly, through a short form or pronoun, or as the
    /// entries of a list they announce.
    fn read_latin(&self, extraction: &mut Extraction) {
        let sentences: Vec<usize> = self.prepared.sentences_in(self.section).collect();
        let release = self.release.map(|(release, _)| release);
        let mut table = reference::Table::default();
        let mut mentions_of: Vec<(Vec<mention::Mention>, Vec<usize>)> =
            Vec::with_capacity(sentences.len());
        for &sentence in &sentences {
            let text = self.prepared.slice(&self.sentence_range(sentence));
            let mentions = mention::find(text);
            let entities =
                mentions.iter().map(|found| table.resolve_or_add(found, sentence)).collect();
            mentions_of.push((mentions, entities));
        }
        let mut chosen: Vec<(usize, usize, Option<NaiveDate>)> = Vec::new();
        let mut pending_batches = Vec::new();
        let mut announced_batches = Vec::new();
        let section_text =
            self.prepared.slice(&self.prepared.sections.get(self.section).cloned().unwrap_or(0..0));
        let mut previous_stated = false;
        let mut carried_date = None;
        for (position, &sentence) in sentences.iter().enumerate() {
            let range = self.sentence_range(sentence);
            let text = self.prepared.slice(&range);
            let mut statements = relation::statements(text, release);
            let stated_before = std::mem::replace(&mut previous_stated, !statements.is_empty());
            // "... designating 169 members of the council. These are:"
            let short_announcement = text.split_whitespace().count() <= 6;
            if statements.is_empty()
                && stated_before
                && short_announcement
                && text.trim_end().ends_with(':')
            {
                statements.push(relation::Statement {
                    region: 0..0,
                    pronoun: None,
                    announces_list: true,
                    refers_back: None,
                    plural_pronoun: false,
                });
            }
            // A headline, possibly broken over two lines, on partners
            // sanctioning with the United States: their designations
            // unnamed unless the section counts them.
            let headline = |line: &str| {
                line.split_whitespace().count() <= 16 && !line.trim_end().ends_with(['.', ':'])
            };
            if statements.is_empty() && headline(text) {
                let next = sentences
                    .get(position + 1)
                    .map(|&next| self.prepared.slice(&self.sentence_range(next)));
                let joined = match next {
                    Some(next) if headline(next) => format!("{text} {next}"),
                    _ => text.to_string(),
                };
                for partner in relation::headline_partners(&joined) {
                    let batch =
                        self.batch(partner.to_string(), release, BTreeMap::new(), None, sentence);
                    announced_batches.push(batch);
                }
            }
            if let Some(counts) = batch::read_annex(text) {
                // "the individual listed in the annex to today's resolution"
                let authority = batch::adopted_resolution(section_text)
                    .unwrap_or_else(|| self.authority_for(&range, None));
                let batch = self.batch(authority, release, counts.by_kind, counts.total, sentence);
                announced_batches.push(batch);
                continue;
            }
            if statements.is_empty() {
                // "The State Department is targeting entities and
                // individuals involved in ...": designees described, none named.
                if relation::only_targets(text) {
                    let object = relation::statement_head(text);
                    let counts = batch::read(text).or_else(|| {
                        object.and_then(|(verb, object)| batch::read_plural_object(verb, object))
                    });
                    if let Some(counts) = counts {
                        pending_batches.push((
                            sentence,
                            self.statement_date(&range).or(release),
                            counts,
                        ));
                    }
                }
                continue;
            }
            // A date a count-only statement gave ("On March 10, the United
            // States imposed measures on five entities") holds for the
            // statements naming them after it.
            let written = self.statement_date(&range);
            let carried = carried_date
                .filter(|(_, at): &(NaiveDate, usize)| position <= at + 2)
                .map(|(carried, _)| carried);
            let date = written.or(carried).or(release);
            let Some((mentions, entities)) = mentions_of.get(position) else { continue };
            let mut named_here = 0;
            for statement in &statements {
                let mut hits: Vec<usize> = relation::designated(text, &statement.region, mentions)
                    .into_iter()
                    .filter_map(|index| entities.get(index).copied())
                    .collect();
                if let Some(kind) = statement.pronoun {
                    hits.extend(table.last_of_kind(kind, sentence));
                }
                if statement.plural_pronoun && position > 0 {
                    // "A, B and C are members of the group. They are all
                    // being designated": the names opening the sentence before.
                    if let (Some(&previous), Some((mentions, entities))) =
                        (sentences.get(position - 1), mentions_of.get(position - 1))
                    {
                        let line = self.prepared.slice(&self.sentence_range(previous));
                        let head = relation::list_item_head(line);
                        hits.extend(
                            relation::designated(line, &head, mentions)
                                .into_iter()
                                .filter_map(|index| entities.get(index).copied()),
                        );
                    }
                }
                // "The following individuals are officials ... These
                // individuals are being designated today" and then a list.
                let last = self.paragraph_end(&sentences, position);
                let list_follows = sentences.get(last + 1).is_some_and(|&next| {
                    relation::is_list_item(self.prepared.slice(&self.sentence_range(next)))
                });
                let announced_below =
                    list_follows && self.paragraph_says(&sentences, position, "following");
                if let Some(kind) = statement.refers_back {
                    hits.extend(self.introduced_before(
                        &sentences,
                        &mentions_of,
                        position,
                        kind,
                        &table,
                    ));
                }
                let count_only = (hits.is_empty() || announced_below) && !statement.announces_list;
                // "The following three individuals are ... They are being
                // designated for ...", then a paragraph each.
                let paragraph_each = |table: &mut reference::Table| {
                    let limit = self.paragraph_count(&sentences, position).unwrap_or(usize::MAX);
                    let announced = self.paragraph_kind(&sentences, position);
                    let found =
                        self.paragraph_designees(&sentences, &mentions_of, last, announced, table);
                    found.into_iter().take(limit).collect::<Vec<usize>>()
                };
                if statement.announces_list {
                    let entries = self.list_entries(&sentences, &mentions_of, position, &mut table);
                    if entries.is_empty() && self.paragraph_says(&sentences, position, "following")
                    {
                        hits.extend(paragraph_each(&mut table));
                    } else {
                        hits.extend(entries);
                    }
                } else if count_only {
                    // "OFAC is designating the remaining 109 members ..."
                    // followed, after its paragraph, by a bulleted list.
                    if list_follows {
                        hits.extend(self.list_entries(&sentences, &mentions_of, last, &mut table));
                    } else if self.paragraph_says(&sentences, position, "following") {
                        hits.extend(paragraph_each(&mut table));
                    } else if let (Some(&next), Some((mentions, entities))) =
                        (sentences.get(last + 1), mentions_of.get(last + 1))
                    {
                        // "The Council added three names to the list." then
                        // "A, title; B, title; and C, title, are ...".
                        let line = self.prepared.slice(&self.sentence_range(next));
                        hits.extend(
                            relation::enumeration_heads(line, mentions)
                                .into_iter()
                                .filter_map(|index| entities.get(index).copied()),
                        );
                    }
                }
                for entity in hits {
                    named_here += 1;
                    if !chosen.iter().any(|(known, _, _)| *known == entity) {
                        chosen.push((entity, sentence, date));
                    }
                }
            }
            // A count-only statement's date holds for the statements naming
            // its designees right after it.
            if named_here == 0 {
                if let Some(written) = written {
                    carried_date = Some((written, position));
                }
            }
            // "X, as well as 50 other persons": the others are a batch even
            // where the sentence names some.
            let by_others = || {
                !relation::actor_clauses(text).is_empty()
                    || relation::another_agency(text, self.facts.agency)
            };
            let family = batch::read_unnamed_family(text);
            if named_here == 0 || relation::counts_others(text) || family.is_some() || by_others() {
                let unnumbered = || {
                    let (verb, object) = relation::statement_head(text)?;
                    let plural_object = || batch::read_plural_object(verb, object);
                    (named_here == 0)
                        .then(|| batch::read_vague(text).or_else(plural_object))
                        .flatten()
                };
                if let Some(batch_counts) = batch::read(text).or(family).or_else(unnumbered) {
                    pending_batches.push((sentence, date, batch_counts));
                }
            }
        }
        let mut named = Vec::new();
        for (entity_index, trigger_sentence, date) in chosen {
            let Some(entity) = table.get(entity_index) else { continue };
            let Some(item) = latin_item(entity) else { continue };
            let next_start = entity_next_start(&mentions_of, &sentences, entity);
            let base = self.sentence_range(entity.sentence).start;
            let place = Place {
                base,
                next_start: next_start.map(|at| at + base),
                sentence: entity.sentence,
            };
            named.push(self.designation(&item, &place, trigger_sentence, date));
        }
        let first_batch = extraction.batches.len();
        self.push_latin_batches(extraction, pending_batches, &named);
        for batch in announced_batches {
            push_new_batch(&mut extraction.batches, batch);
        }
        keep_numbered(&mut extraction.batches, first_batch);
        extraction.designations.extend(named);
    }

    /// The entities a list announced by the sentence at `position` holds: the
    /// leading names of each entry on the lines after it, past short
    /// headings, until prose resumes.
    fn list_entries(
        &self,
        sentences: &[usize],
        mentions_of: &[(Vec<mention::Mention>, Vec<usize>)],
        position: usize,
        table: &mut reference::Table,
    ) -> Vec<usize> {
        let mut found = Vec::new();
        let mut record: Option<usize> = None;
        let mut bulleted = false;
        let mut offset = position + 1;
        while let Some(&sentence) = sentences.get(offset) {
            // The other sentences of an entry's paragraph describe it.
            let entry = offset;
            offset = self.paragraph_end(sentences, entry) + 1;
            let line = self.prepared.slice(&self.sentence_range(sentence));
            let Some((mentions, entities)) = mentions_of.get(entry) else { break };
            if let Some(field) = relation::field(line) {
                record = read_field(line, &field, mentions, entities, record, table);
                if matches!(field.label, relation::FieldLabel::Name(_)) {
                    found.extend(record);
                }
                continue;
            }
            // Records laid out a field a line end where the fields end.
            if record.is_some() {
                break;
            }
            let bullet = relation::is_list_item(line);
            // In a bulleted list, a line without a bullet is a heading.
            if bullet || !bulleted && relation::is_entry_line(line, mentions) {
                bulleted |= bullet;
                let head = relation::list_item_head(line);
                let leading = relation::designated(line, &head, mentions);
                found.extend(leading.into_iter().filter_map(|index| entities.get(index).copied()));
                continue;
            }
            let short_line = line.split_whitespace().count() <= 8 && !line.ends_with('.');
            if short_line {
                continue;
            }
            break;
        }
        found
    }

    /// The day a statement in an English section writes: a date within a
    /// week before the release (filtered statements name older ones) or a
    /// weekday; `None` when it writes none (the release date then holds).
    fn statement_date(&self, sentence: &Range<usize>) -> Option<NaiveDate> {
        let release = self.release.map(|(release, _)| release);
        let Some(release_date) = release else {
            return self.event_date(sentence, None);
        };
        let text = self.prepared.slice(sentence);
        date::find(text, release)
            .into_iter()
            .filter(|mention| {
                Some(sentence.start + mention.range.start) != self.release.map(|(_, at)| at)
            })
            .map(|mention| mention.date)
            .rfind(|written| (0..=7).contains(&(release_date - *written).num_days()))
            .or_else(|| date::weekday_before(text, release_date))
    }

    /// What "each of these individuals" stands for: the entities of `kind`
    /// that open a paragraph or a list entry between the section's first
    /// sentence and the statement at `position` (the designees a release
    /// describes one paragraph each).
    fn introduced_before(
        &self,
        sentences: &[usize],
        mentions_of: &[(Vec<mention::Mention>, Vec<usize>)],
        position: usize,
        kind: EntityKind,
        table: &reference::Table,
    ) -> Vec<usize> {
        let mut found = Vec::new();
        for offset in 1..position {
            let Some(&sentence) = sentences.get(offset) else { continue };
            let line = self.prepared.slice(&self.sentence_range(sentence));
            if !self.opens_paragraph(sentences, offset)
                || is_heading(line)
                || line.starts_with(['“', '"'])
            {
                continue;
            }
            let Some((mentions, entities)) = mentions_of.get(offset) else { continue };
            let Some((first, &entity)) = mentions.first().zip(entities.first()) else { continue };
            let head = line.get(..first.range.start).unwrap_or("");
            let opens =
                head.trim_start_matches(['-', '•', '*', ' ']).split_whitespace().count() <= 1;
            let of_kind = table.get(entity).is_some_and(|e| e.kind == Some(kind));
            if opens && of_kind && !found.contains(&entity) && !relation::is_designator(&first.name)
            {
                found.push(entity);
            }
        }
        found
    }

    /// The designees described one paragraph each after the paragraph
    /// ending at `last`: the entity opening each paragraph, until a heading
    /// or a paragraph that opens with no name. A name of unknown kind takes
    /// the kind the announcement gives (`announced`), if it gives one.
    fn paragraph_designees(
        &self,
        sentences: &[usize],
        mentions_of: &[(Vec<mention::Mention>, Vec<usize>)],
        last: usize,
        announced: Option<EntityKind>,
        table: &mut reference::Table,
    ) -> Vec<usize> {
        let mut found = Vec::new();
        let mut offset = last + 1;
        while let Some(&sentence) = sentences.get(offset) {
            let line = self.prepared.slice(&self.sentence_range(sentence));
            let Some((mentions, entities)) = mentions_of.get(offset) else { break };
            let opening = mentions.first().zip(entities.first()).filter(|(first, _)| {
                let head = line.get(..first.range.start).unwrap_or("");
                head.trim_start_matches(['-', '•', '*', ' ']).split_whitespace().count() <= 1
                    && !relation::is_designator(&first.name)
            });
            let (false, Some((_, &entity))) = (is_heading(line), opening) else { break };
            let kind_unknown = table.get(entity).is_some_and(|e| e.kind.is_none());
            if let (true, Some(kind)) = (kind_unknown, announced) {
                table.amend(entity, reference::Amendment::Kind(kind));
            }
            let known = table.get(entity).is_some_and(|e| e.kind.is_some());
            if known && !found.contains(&entity) {
                found.push(entity);
            }
            offset = self.paragraph_end(sentences, offset) + 1;
        }
        found
    }

    /// The number a paragraph announces ("The following three individuals
    /// ..."), if it gives one.
    fn paragraph_count(&self, sentences: &[usize], position: usize) -> Option<usize> {
        (self.paragraph_start(sentences, position)..=position)
            .filter_map(|at| sentences.get(at))
            .find_map(|&sentence| {
                let counts = batch::read(self.prepared.slice(&self.sentence_range(sentence)))?;
                usize::try_from(counts.total?).ok()
            })
    }

    /// The one kind the paragraph holding the sentence at `position`
    /// announces: people for "individuals" alone, organizations for
    /// "entities" or "companies" alone.
    fn paragraph_kind(&self, sentences: &[usize], position: usize) -> Option<EntityKind> {
        let people = self.paragraph_says(sentences, position, "individual");
        let organizations = self.paragraph_says(sentences, position, "entit")
            || self.paragraph_says(sentences, position, "compan");
        match (people, organizations) {
            (true, false) => Some(EntityKind::Person),
            (false, true) => Some(EntityKind::Organization),
            _ => None,
        }
    }

    /// The position of the first sentence of the paragraph holding the
    /// sentence at `position`.
    fn paragraph_start(&self, sentences: &[usize], position: usize) -> usize {
        let mut first = position;
        while first > 0 && !self.opens_paragraph(sentences, first) {
            first -= 1;
        }
        first
    }

    /// Whether the sentence at `position` opens a paragraph.
    fn opens_paragraph(&self, sentences: &[usize], position: usize) -> bool {
        let (Some(&previous), Some(&current)) =
            (position.checked_sub(1).and_then(|at| sentences.get(at)), sentences.get(position))
        else {
            return true;
        };
        let gap = self.sentence_range(previous).end..self.sentence_range(current).start;
        self.prepared.slice(&gap).contains('\n')
    }

    /// Whether the paragraph holding the sentence at `position` says `word`.
    fn paragraph_says(&self, sentences: &[usize], position: usize, word: &str) -> bool {
        let first = self.paragraph_start(sentences, position);
        let last = self.paragraph_end(sentences, position);
        (first..=last).filter_map(|at| sentences.get(at)).any(|&sentence| {
            self.prepared.slice(&self.sentence_range(sentence)).to_lowercase().contains(word)
        })
    }

    /// The position of the last sentence of the paragraph holding the
    /// sentence at `position` (sentences on one line form a paragraph).
    fn paragraph_end(&self, sentences: &[usize], position: usize) -> usize {
        let mut last = position;
        while let (Some(&current), Some(&next)) = (sentences.get(last), sentences.get(last + 1)) {
            let gap_start = self.sentence_range(current).end;
            let gap_end = self.sentence_range(next).start;
            if self.prepared.slice(&(gap_start..gap_end)).contains('\n') {
                break;
            }
            last += 1;
        }
        last
    }

    /// Count-only statements of a Chinese section become batches of what
    /// the section leaves unnamed under their authority ("制裁了11人", one
    /// named: a batch of 10). A statement without a number ("对多家企业实施
    /// 制裁") alludes to the named unless the section names none under its
    /// authority or it reports a further action ("也", "同日", "另").
    fn push_batches(
        &self,
        extraction: &mut Extraction,
        pending_batches: Vec<(usize, Option<NaiveDate>, batch::Counts)>,
        named: &[Designation],
    ) {
        for (sentence, date, counts) in pending_batches {
            let range = self.sentence_range(sentence);
            let authority = self.authority_for(&range, None);
            let named_by_kind = named_by_kind(named, &authority);
            let counts = if counts.total.is_some() {
                let Some(left) = counts.remainder(&named_by_kind) else { continue };
                left
            } else {
                let further = ["也", "同日", "同时", "同時", "另外", "另有", "此外"]
                    .iter()
                    .any(|cue| self.prepared.slice(&range).contains(cue));
                if !named_by_kind.is_empty() && !further {
                    continue;
                }
                counts
            };
            let batch = self.batch(authority, date, counts.by_kind, counts.total, sentence);
            push_new_batch(&mut extraction.batches, batch);
        }
    }

    /// The authority a designation under `cited` is listed under: an
    /// executive order or programme is cited under the list it feeds
    /// (OFAC-SDN first, the order beside it).
    fn listed_under(&self, cited: String) -> String {
        self.authorities
            .get(&cited)
            .filter(|kb| matches!(kb.kind.as_str(), "executive_order" | "program"))
            .and_then(|kb| kb.parent.clone())
            .unwrap_or(cited)
    }

    /// The batch a count statement in `sentence` becomes.
    fn batch(
        &self,
        authority: String,
        date: Option<NaiveDate>,
        counts: BTreeMap<EntityKind, u32>,
        total: Option<u32>,
        sentence: usize,
    ) -> Batch {
        let authority = self.listed_under(authority);
        Batch {
            id: batch_id(&authority, date, total),
            authority,
            date,
            counts,
            total,
            evidence: self.evidence(&self.sentence_range(sentence), sentence, sentence),
        }
    }

    /// Count-only statements of an English section become batches: under
    /// the authority of their own actor (another government, a visa or
    /// export-control action) of what the section leaves unnamed under it;
    /// under the section's own authority only when the names it gives fall
    /// well short of the count ("68 companies", five named: 63 left) or the
    /// count is of others ("as well as 50 other persons"). A statement
    /// without a number ("State is imposing sanctions on family members of
    /// ...") is a batch when another government or agency acts, or when the
    /// section names nobody under its authority.
    fn push_latin_batches(
        &self,
        extraction: &mut Extraction,
        pending_batches: Vec<(usize, Option<NaiveDate>, batch::Counts)>,
        named: &[Designation],
    ) {
        for (sentence, date, counts) in pending_batches {
            let range = self.sentence_range(sentence);
            let text = self.prepared.slice(&range);
            let clauses = relation::actor_clauses(text);
            if !clauses.is_empty() {
                let texts: Vec<&str> = clauses
                    .iter()
                    .map(|(_, clause)| text.get(clause.clone()).unwrap_or(""))
                    .collect();
                for ((actor, _), counts) in clauses.iter().zip(batch::read_clauses(&texts)) {
                    let left = counts.and_then(|c| c.remainder(&named_by_kind(named, actor)));
                    if let Some(left) = left {
                        let authority = (*actor).to_string();
                        let batch = self.batch(authority, date, left.by_kind, left.total, sentence);
                        push_new_batch(&mut extraction.batches, batch);
                    }
                }
                continue;
            }
            let actors = relation::actors(text);
            let others =
                relation::counts_others(text) || batch::read_unnamed_family(text).is_some();
            let cited = self.authority_for(&range, None);
            // Visa restrictions the sentence names beside other measures
            // ("sanctions on A and visa restrictions on B") are not this
            // statement's unless its verb imposes them (a statute it cites,
            // such as 7031(c), is).
            let cited_here = self.mentions.iter().any(|mention| {
                mention.range.start >= range.start
                    && mention.range.end <= range.end
                    && self
                        .authorities
                        .all()
                        .get(mention.authority)
                        .is_some_and(|a| a.code == cited)
            });
            let own = if cited == "VISA-RESTRICTION"
                && cited_here
                && !actors.contains(&"VISA-RESTRICTION")
            {
                self.facts.default_authority.map_or(cited, str::to_string)
            } else {
                cited
            };
            let another_agency = relation::another_agency(text, self.facts.agency);
            let authorities: Vec<String> = match actors.as_slice() {
                [] => vec![own.clone()],
                // A visa action under a cited proclamation or statute.
                ["VISA-RESTRICTION"] if self.is_visa_authority(&own) => vec![own.clone()],
                _ => actors.iter().map(|actor| (*actor).to_string()).collect(),
            };
            for authority in authorities {
                let by_own_actor = authority == own && actors.is_empty();
                let named_under = named_by_kind(named, &authority);
                let left = match counts.total {
                    None if by_own_actor && !another_agency && !named_under.is_empty() => None,
                    None => Some(counts.clone()),
                    // Another agency's count: the release names its own.
                    Some(_) if others || another_agency => Some(counts.clone()),
                    Some(total) if by_own_actor => {
                        let all_named = u32::try_from(named.len()).unwrap_or(u32::MAX);
                        if all_named.saturating_mul(2) >= total {
                            None
                        } else {
                            counts.remainder(&named_under)
                        }
                    }
                    Some(_) => counts.remainder(&named_under),
                };
                let Some(left) = left else { continue };
                let batch = self.batch(authority, date, left.by_kind, left.total, sentence);
                push_new_batch(&mut extraction.batches, batch);
            }
        }
    }

    /// Whether `code` is a visa authority of the knowledge base (a
    /// proclamation or statute visa restrictions are imposed under).
    fn is_visa_authority(&self, code: &str) -> bool {
        self.authorities.get(code).is_some_and(|authority| authority.kind == "visa")
    }

    /// Names for a trigger whose object only counts: the sentence before for
    /// "these"/"这", the lines after for "the following:".
    fn names_elsewhere(
        &self,
        sentences: &[usize],
        position: usize,
        counts: &[Count],
        object: &str,
    ) -> Vec<Found> {
        if counts.iter().any(|count| count.refers_back && count.number > 0) {
            let Some(&previous) = position.checked_sub(1).and_then(|before| sentences.get(before))
            else {
                return Vec::new();
            };
            let range = self.sentence_range(previous);
            let mut reading = entity::read(self.prepared.slice(&range));
            let counted: Vec<EntityKind> = counts.iter().filter_map(|count| count.kind).collect();
            if !counted.is_empty() {
                reading.items.retain(|item| counted.contains(&item.kind));
            }
            return vec![Found { items: reading.items, base: range.start, sentence: previous }];
        }
        let lower = object.to_lowercase();
        let announces_list = object.trim_end().ends_with([':', '：', '，'])
            || ["following", "below", "如下", "以下", "下列"]
                .iter()
                .any(|word| lower.contains(word));
        if !announces_list {
            return Vec::new();
        }
        let mut found = Vec::new();
        let trigger_sentence = sentences.get(position).map(|&at| self.sentence_range(at));
        if trigger_sentence
            .is_some_and(|range| self.prepared.slice(&range).chars().any(entity::is_han))
        {
            return self.chinese_list_after(sentences, position);
        }
        for &next in sentences.iter().skip(position + 1) {
            let range = self.sentence_range(next);
            let line = self.prepared.slice(&range);
            let reading = entity::read(line);
            if reading.items.is_empty() || !is_list_line(line, &reading.items) {
                if found.is_empty() {
                    continue;
                }
                break;
            }
            found.push(Found { items: reading.items, base: range.start, sentence: next });
        }
        found
    }

    /// The names of a Chinese list after its announcement: one entry per
    /// line (sentences inside a line describe the entry), sub-headings
    /// ("另外五人是：") skipped, up to the first line that names nobody.
    fn chinese_list_after(&self, sentences: &[usize], position: usize) -> Vec<Found> {
        let mut found = Vec::new();
        let mut skipped = 0;
        for &next in sentences.iter().skip(position + 1) {
            let range = self.sentence_range(next);
            let before = self.prepared.clean.get(..range.start).unwrap_or("");
            let starts_line = before.trim_end_matches([' ', '\t', '\u{3000}']).ends_with('\n');
            if !starts_line {
                continue;
            }
            let line = self.prepared.slice(&range);
            let reading = entity::read_list_entry(line);
            if reading.items.is_empty() {
                if line.trim_end().ends_with([':', '：']) {
                    continue;
                }
                if found.is_empty() && skipped < 2 {
                    skipped += 1;
                    continue;
                }
                break;
            }
            found.push(Found { items: reading.items, base: range.start, sentence: next });
        }
        found
    }

    fn designation(
        &self,
        item: &Item,
        place: &Place,
        trigger_sentence: usize,
        date: Option<NaiveDate>,
    ) -> Designation {
        let (base, name_sentence) = (place.base, place.sentence);
        let name_range = shift(&item.range, base);
        let trigger_range = self.sentence_range(trigger_sentence);
        let name_sentence_range = self.sentence_range(name_sentence);
        let cited = self.authority_for(&trigger_range, Some(&name_sentence_range));
        let authority = self.listed_under(cited);
        let mut authority_also = self.other_authorities(&authority);
        if self.is_latin() {
            // The orders cited for this designation, known to the knowledge
            // base or not.
            for range in [&trigger_range, &name_sentence_range] {
                for code in crate::authority::executive_orders(self.prepared.slice(range)) {
                    if !authority_also.contains(&code) {
                        authority_also.push(code);
                    }
                }
            }
        }
        let country = self.country_for(item, place, &name_sentence_range);
        let kb = self.authorities.get(&authority);
        let issued_by_us = kb.is_some_and(|a| a.issuer.starts_with("US"));
        let spelled_out = if issued_by_us { &self.facts.measures_us } else { &self.facts.measures };
        let measures = spelled_out.clone().or_else(|| kb.and_then(|a| a.measures.clone()));
        let years = self.facts.duration_years.or_else(|| kb.and_then(|a| a.duration_years));
        let expires = date
            .zip(years)
            .and_then(|(date, years)| date.checked_add_months(Months::new(years * 12)));
        let name_en = item.name_en.clone().or_else(|| match item.kind {
            EntityKind::Person if matches!(country.as_deref(), Some("KP" | "KR")) => {
                romanize::korean_name(&item.name)
            }
            EntityKind::Organization => romanize::institution_name(&item.name),
            _ => None,
        });
        Designation {
            id: designation_id(item.kind, &item.name, &authority, date),
            name: item.name.clone(),
            name_en,
            aliases: item.aliases.clone(),
            kind: item.kind,
            country,
            authority,
            authority_also,
            date,
            announced: self.release.map(|(release, _)| release),
            measures,
            expires,
            identifiers: item.identifiers.clone(),
            role: item.role.clone(),
            evidence: self.evidence(&name_range, name_sentence, trigger_sentence),
        }
    }

    fn evidence(
        &self,
        span: &Range<usize>,
        name_sentence: usize,
        trigger_sentence: usize,
    ) -> Evidence {
        let mut sentence =
            collapse_whitespace(self.prepared.slice(&self.sentence_range(name_sentence)));
        if trigger_sentence != name_sentence {
            sentence.push(' ');
            sentence.push_str(&collapse_whitespace(
                self.prepared.slice(&self.sentence_range(trigger_sentence)),
            ));
        }
        Evidence {
            doc: self.doc.name.clone(),
            span: [self.doc.char_offset(span.start), self.doc.char_offset(span.end)],
            sentence,
        }
    }

    /// The day of the designation: a date written in the sentence (other
    /// than the release date heading the section), a weekday before the
    /// release, "today", the last date of an earlier statement, or the
    /// release date.
    fn event_date(
        &self,
        sentence: &Range<usize>,
        last_date: Option<NaiveDate>,
    ) -> Option<NaiveDate> {
        let text = self.prepared.slice(sentence);
        let release = self.release.map(|(release, _)| release);
        let written = date::find(text, release)
            .into_iter()
            .filter(|mention| {
                Some(sentence.start + mention.range.start) != self.release.map(|(_, at)| at)
            })
            .map(|mention| mention.date)
            .next_back();
        let lower = text.to_lowercase();
        let today = ["今天", "今日", "today", "本日"].iter().any(|word| lower.contains(word));
        written
            .or(release.filter(|_| today))
            .or_else(|| release.and_then(|release| date::weekday_before(text, release)))
            .or(last_date)
            .or(release)
    }

    /// The primary authority for a statement: the best-ranked authority cited
    /// in its sentences, else the nearest cited before it, else any in the
    /// section.
    fn authority_for(&self, trigger: &Range<usize>, names: Option<&Range<usize>>) -> String {
        let inside = |range: &Range<usize>| -> Vec<&Mention> {
            self.mentions
                .iter()
                .filter(|mention| {
                    mention.range.start >= range.start && mention.range.end <= range.end
                })
                .collect()
        };
        let best = |mentions: &[&Mention]| {
            mentions
                .iter()
                .min_by_key(|mention| {
                    self.authorities.all().get(mention.authority).map_or(u32::MAX, |a| a.rank)
                })
                .map(|mention| mention.authority)
        };
        let mut cited = inside(trigger);
        if let Some(names) = names {
            cited.extend(inside(names));
        }
        let chosen = best(&cited)
            .or_else(|| {
                let before: Vec<&Mention> =
                    self.mentions.iter().filter(|m| m.range.end <= trigger.start).collect();
                let nearest = before.last()?;
                let near: Vec<&Mention> = before
                    .iter()
                    .copied()
                    .filter(|m| m.range.start + 400 >= nearest.range.start)
                    .collect();
                best(&near)
            })
            .or_else(|| best(&self.mentions.iter().collect::<Vec<_>>()));
        let fallback = self.facts.default_authority.unwrap_or("UNKNOWN");
        chosen
            .and_then(|index| self.authorities.all().get(index))
            .map_or_else(|| fallback.to_string(), |authority| authority.code.clone())
    }

    /// Statutes and lists also cited in the section (orders and resolutions
    /// under the primary are implied by it and left out).
    fn other_authorities(&self, primary: &str) -> Vec<String> {
        let mut codes: Vec<String> = Vec::new();
        for mention in &self.mentions {
            let Some(authority) = self.authorities.all().get(mention.authority) else { continue };
            let implied = authority.kind == "un_resolution";
            if authority.code != primary && !implied && !codes.contains(&authority.code) {
                codes.push(authority.code.clone());
            }
        }
        codes
    }

    /// The country of an item: written next to it; else, for a name in
    /// Chinese script, a place its name opens with, then the nearest country
    /// before it in the sentence (Chinese modifiers precede), then one after
    /// it; for a Latin name, one between it and the next name first (English
    /// appositions follow); else the section's most frequent country, except
    /// for vessels, whose flag is never guessed. The designating United
    /// States is never taken from context.
    fn country_for(&self, item: &Item, place: &Place, sentence: &Range<usize>) -> Option<String> {
        if let Some(code) = item.country {
            return Some(code.to_string());
        }
        let name = shift(&item.range, place.base);
        let after_end = place.next_start.unwrap_or(sentence.end).max(name.end);
        let after = self.countries_in(&(name.end..after_end)).first().copied();
        let before = self.countries_in(&(sentence.start..name.start)).last().copied();
        let opening = country::mentions(&item.name)
            .first()
            .filter(|found| found.range.start == 0 && found.code != "US")
            .map(|found| found.code);
        let ordered = if item.name.chars().any(entity::is_han) {
            [opening, before, after]
        } else {
            [after, before, opening]
        };
        if let Some(code) = ordered.into_iter().flatten().next() {
            return Some(code.to_string());
        }
        if item.kind == EntityKind::Vessel {
            return None;
        }
        self.facts.main_country.map(str::to_string)
    }

    /// Countries named in `range`, the designating United States aside.
    fn countries_in(&self, range: &Range<usize>) -> Vec<&'static str> {
        country::mentions(self.prepared.slice(range))
            .into_iter()
            .filter(|mention| mention.code != "US" && !mention.is_place)
            .map(|mention| mention.code)
            .collect()
    }

    fn sentence_range(&self, sentence: usize) -> Range<usize> {
        self.prepared.sentences.get(sentence).map_or(0..0, |sentence| sentence.range.clone())
    }
}

/// The measures a section spells out, in English.
fn measures_in(text: &str, issuer_prefix: Option<&str>) -> Option<String> {
    const CUES: &[(&[&str], &str, bool)] = &[
        (&["政府采购", "政府採購", "procurement"], "government procurement", true),
        (&["政府援助", "assistance"], "government assistance", true),
        (&["出口", "export"], "export restrictions", false),
        (
            &[
                "冻结资产",
                "资产冻结",
                "凍結資產",
                "資產凍結",
                "冻结其",
                "asset freeze",
                "blocked",
                "blocking",
            ],
            "asset freeze",
            false,
        ),
        (&["旅行禁令", "入境禁令", "travel ban"], "travel ban", false),
        (&["签证", "簽證", "visa"], "visa restrictions", false),
    ];
    let lower = text.to_lowercase();
    let measure_talk = ["措施", "制裁包括", "限制", "measures", "restrictions", "penalties"]
        .iter()
        .any(|w| lower.contains(w));
    if !measure_talk {
        return None;
    }
    let mut found: Vec<(usize, String)> = CUES
        .iter()
        .filter_map(|(cues, label, national)| {
            let at = cues.iter().filter_map(|cue| lower.find(&cue.to_lowercase())).min()?;
            let label = match (national, issuer_prefix) {
                (true, Some(prefix)) => format!("{prefix} {label}"),
                _ => (*label).to_string(),
            };
            Some((at, label))
        })
        .collect();
    if found.len() < 2 {
        return None;
    }
    found.sort();
    let labels: Vec<String> = found.into_iter().map(|(_, label)| label).collect();
    let (last, rest) = labels.split_last()?;
    Some(format!("{} and {last}", rest.join(", ")))
}

/// "有效期为两年", "for a period of two years": how long the text says the
/// measures last.
fn duration_years_in(text: &str) -> Option<u32> {
    static DURATION: std::sync::OnceLock<Option<regex::Regex>> = std::sync::OnceLock::new();
    let pattern = DURATION
        .get_or_init(|| {
            regex::Regex::new(r"(?i)(?:有效期为|有效期為|为期|為期|期限为|期限為|for a period of|for|remain in (?:effect|place) for)\s*(?P<n>[0-9]+|[一二两兩三四五]|one|two|three|four|five)\s*(?:年|years?)").ok()
        })
        .as_ref()?;
    let captures = pattern.captures(text)?;
    entity::parse_number(captures.name("n")?.as_str())
}

/// Whether a line after "the following:" is a list entry: little but names,
/// parentheses and addresses, not a sentence of prose.
fn is_list_line(line: &str, items: &[Item]) -> bool {
    let mut rest = String::new();
    let mut at = 0;
    for item in items {
        rest.push_str(line.get(at..item.range.start).unwrap_or(""));
        at = item.range.end.max(at);
    }
    rest.push_str(line.get(at..).unwrap_or(""));
    let mut depth = 0usize;
    let outside: String = rest
        .chars()
        .filter(|c| {
            match c {
                '(' | '（' => depth += 1,
                ')' | '）' => depth = depth.saturating_sub(1),
                _ => {}
            }
            depth == 0
        })
        .collect();
    let words =
        outside.split_whitespace().filter(|word| word.chars().any(char::is_alphabetic)).count();
    let han = outside.chars().filter(|c| entity::is_han(*c)).count();
    words + han / 2 <= 6
}

/// Reads one field of a record laid out a field a line: a name field opens
/// the record (the entity of the name written in it), the others amend it.
/// Returns the record's entity.
fn read_field(
    line: &str,
    field: &relation::Field,
    mentions: &[mention::Mention],
    entities: &[usize],
    record: Option<usize>,
    table: &mut reference::Table,
) -> Option<usize> {
    use crate::extract::reference::Amendment;
    use crate::extract::relation::FieldLabel;
    let value = line.get(field.value.clone()).unwrap_or("").trim();
    match field.label {
        FieldLabel::Name(kind) => {
            let named = mentions
                .iter()
                .position(|found| found.range.start >= field.value.start)
                .and_then(|index| entities.get(index).copied())?;
            if let Some(kind) = kind {
                table.amend(named, Amendment::Kind(kind));
            }
            return Some(named);
        }
        FieldLabel::Alias if !value.is_empty() => {
            table.amend(record?, Amendment::Alias(value.to_string()));
        }
        FieldLabel::Identifier => {
            let digits: String = value.chars().filter(char::is_ascii_digit).take(7).collect();
            if digits.len() == 7 && value.to_uppercase().contains("IMO") {
                let identifier =
                    crate::model::Identifier { scheme: "IMO".to_string(), value: digits };
                table.amend(record?, Amendment::Identifier(identifier));
            }
        }
        FieldLabel::Country => {
            if let Some(code) = country::code_of(value).or_else(|| country::code_of_field(value)) {
                table.amend(record?, Amendment::Country(code));
            }
        }
        _ => {}
    }
    record
}

/// The item a designated Latin-script entity becomes: its first full
/// mention, with the kind its references gave (one word of unknown shape
/// named as designated is taken for an organization).
fn latin_item(entity: &reference::Entity) -> Option<Item> {
    let mention = &entity.mention;
    let kind = entity.kind.unwrap_or(EntityKind::Organization);
    let mut aliases = mention.aliases.clone();
    if kind != EntityKind::Person {
        if let Some(short) = &mention.short {
            if !aliases.contains(short) && *short != mention.name {
                aliases.insert(0, short.clone());
            }
        }
    }
    Some(Item {
        name: mention.name.clone(),
        range: mention.range.clone(),
        kind,
        name_en: None,
        aliases,
        role: None,
        identifiers: mention.identifiers.clone(),
        country: mention.country,
        extent_end: mention.extent_end,
    })
}

/// Where the mention after an entity's first mention starts, in its
/// sentence: the end of the words that may describe it.
fn entity_next_start(
    mentions_of: &[(Vec<mention::Mention>, Vec<usize>)],
    sentences: &[usize],
    entity: &reference::Entity,
) -> Option<usize> {
    let position = sentences.iter().position(|&sentence| sentence == entity.sentence)?;
    let (mentions, _) = mentions_of.get(position)?;
    mentions
        .iter()
        .filter(|found| found.kind.is_some())
        .map(|found| found.range.start)
        .find(|&start| start > entity.mention.range.start)
}

fn shift(range: &Range<usize>, by: usize) -> Range<usize> {
    range.start + by..range.end + by
}

/// Merges designations that share an id (the same name stated twice).
fn merge_duplicates(designations: &mut Vec<Designation>) {
    let mut merged: Vec<Designation> = Vec::with_capacity(designations.len());
    for designation in designations.drain(..) {
        match merged.iter_mut().find(|known| known.id == designation.id) {
            Some(known) => {
                for alias in designation.aliases {
                    if !known.aliases.contains(&alias) {
                        known.aliases.push(alias);
                    }
                }
                for identifier in designation.identifiers {
                    if !known.identifiers.contains(&identifier) {
                        known.identifiers.push(identifier);
                    }
                }
                known.name_en = known.name_en.take().or(designation.name_en);
                known.role = known.role.take().or(designation.role);
            }
            None => merged.push(designation),
        }
    }
    *designations = merged;
}
