//! Stage 4 for Latin script: which words of a sentence the text reports as
//! newly designated by its own action.
//!
//! A designation statement is a trigger verb (designate, sanction,
//! blacklist, impose sanctions on, add to a list, identify as blocked
//! property) with its object ("OFAC designated X, Y, and Z") or its passive
//! subject ("X and Y were designated today"). Filters drop what is not a new
//! action: earlier designations ("previously designated", "was designated on
//! (a past date)", "in 2019", "U.S.-designated X"), modality and negation
//! ("may be designated", "is considering sanctioning", "not designated"),
//! and adjectival uses ("the designated entities", "designated by the
//! Committee"). A statement whose sentence ends with a colon announces the
//! list that follows.
//!
//! Inside a region, mentions in descriptive segments (", a subsidiary of
//! X", ", which is owned by Y", "the son of Z") are not designated.

use std::ops::Range;
use std::sync::OnceLock;

use chrono::{Datelike, NaiveDate};
use regex::Regex;

use crate::extract::date;
use crate::extract::mention::Mention;
use crate::model::EntityKind;

/// Where a designation statement finds the designated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Statement {
    /// Byte range (within the sentence) of the words naming the designated.
    pub region: Range<usize>,
    /// What a pronoun standing for the designated refers to ("He was
    /// designated"), if the region is one.
    pub pronoun: Option<EntityKind>,
    /// Whether the statement announces a list on the lines that follow
    /// ("the following individuals:").
    pub announces_list: bool,
    /// The kind the region points back at ("each of these individuals"):
    /// the entities the section introduced before it.
    pub refers_back: Option<EntityKind>,
    /// Whether the region is "they" (or "both", "all of them"): the names
    /// opening the sentence before.
    pub plural_pronoun: bool,
}

/// The statements of new designations in `sentence`; `release` is the
/// release date, against which earlier dates are told apart.
pub fn statements(sentence: &str, release: Option<NaiveDate>) -> Vec<Statement> {
    let Some(trigger) = trigger_pattern() else { return Vec::new() };
    let mut found = Vec::new();
    // A heading in capitals ("SANCTIONING VIOLENT CARTELS") states nothing.
    let mut letters = sentence.chars().filter(|c| c.is_alphabetic()).peekable();
    if letters.peek().is_some() && letters.all(|c| !c.is_lowercase()) {
        return Vec::new();
    }
    // "Designation of A, B and C, pursuant to ...": a nominal statement,
    // in a sentence; a headline in title case runs its words together.
    let nominal_allowed = sentence.trim_end().ends_with('.');
    for verb in trigger.find_iter(sentence) {
        let before = sentence.get(..verb.start()).unwrap_or("");
        let after = sentence.get(verb.end()..).unwrap_or("");
        let nominal = verb.as_str().to_lowercase().ends_with(" of");
        if nominal && !nominal_allowed {
            continue;
        }
        if is_adjectival(before, after)
            || is_modal_or_negated(before)
            || is_appointment(after)
            || inside_quotes(before)
            || !has_subject(before, verb.as_str())
        {
            continue;
        }
        let verb_word = verb.as_str().split_whitespace().next().unwrap_or("");
        let passive = ends_with_auxiliary(before) && verb_word.to_lowercase().ends_with("ed");
        let clause_end = verb.end() + clause_length(after);
        let clause = sentence.get(..clause_end).unwrap_or("");
        if is_earlier_action(
            before,
            sentence.get(verb.end()..clause_end).unwrap_or(""),
            clause,
            release,
        ) {
            continue;
        }
        let lower_after = after.to_lowercase();
        let announces_list = sentence.trim_end().ends_with(':')
            || lower_after.contains("the following")
            || before.to_lowercase().contains("the following")
            || lower_after.contains("below")
            || lower_after.contains("listed in the annex");
        let inner_object = trigger
            .captures_at(sentence, verb.start())
            .and_then(|captures| captures.name("obj").or_else(|| captures.name("obj2")))
            .map(|found| found.range())
            .filter(|found| !found.is_empty());
        let region = if let Some(object) = inner_object.filter(|_| !passive) {
            object
        } else if passive {
            subject_region(sentence, verb.start())
        } else {
            let object_end = verb.end() + object_length(after);
            verb.end()..object_end
        };
        let region_text = sentence.get(region.clone()).unwrap_or("").trim();
        let pronoun = match region_text.to_lowercase().as_str() {
            "he" | "she" => Some(EntityKind::Person),
            "it" | "the company" | "the entity" | "the firm" | "the bank" => {
                Some(EntityKind::Organization)
            }
            "the vessel" => Some(EntityKind::Vessel),
            _ => None,
        };
        let refers_back = back_reference(region_text);
        // "... for being family members of X: A, his father; B, his wife."
        if announces_list {
            if let Some(colon) = sentence.get(verb.end()..).and_then(|rest| rest.find(": ")) {
                let start = verb.end() + colon + 2;
                found.push(Statement {
                    region: start..sentence.len(),
                    pronoun: None,
                    announces_list: false,
                    refers_back: None,
                    plural_pronoun: false,
                });
            }
        }
        let plural_pronoun = matches!(
            region_text.to_lowercase().as_str(),
            "they" | "they all" | "both" | "all of them" | "both of them" | "each of them"
        );
        found.push(Statement { region, pronoun, announces_list, refers_back, plural_pronoun });
    }
    // "These targets include X", "oligarchs now sanctioned include Y".
    static INCLUDE: OnceLock<Option<Regex>> = OnceLock::new();
    let include = INCLUDE.get_or_init(|| {
        Regex::new(r"(?i)(?:(?:targets|designees|designations)(?:\s+\w+){0,3}?|(?:designated|sanctioned|subject\s+to\s+(?:[A-Z]+\s+)?sanctions)(?:\s+today)?)\s+(?:include|includes|included)\s").ok()
    });
    if let Some(pattern) = include.as_ref() {
        for found_include in pattern.find_iter(sentence) {
            let before = sentence.get(..found_include.start()).unwrap_or("");
            if is_modal_or_negated(before) || is_earlier_action(before, "", sentence, release) {
                continue;
            }
            let after = sentence.get(found_include.end()..).unwrap_or("");
            let region = found_include.end()..found_include.end() + object_length(after);
            found.push(Statement {
                region,
                pronoun: None,
                announces_list: false,
                refers_back: None,
                plural_pronoun: false,
            });
        }
    }
    found
}

/// Governments that designate beside the United States, by the names
/// releases give them, and their authority codes.
const ACTORS: &[(&str, &str)] = &[
    ("United Kingdom", "UK"),
    ("The UK ", "UK"),
    ("the UK ", "UK"),
    ("U.K.", "UK"),
    ("Britain", "UK"),
    ("Australia", "AU"),
    ("Canada", "CA"),
    ("Japan", "JP"),
    ("Republic of Korea", "ROK-AUTONOMOUS"),
    ("South Korea", "ROK-AUTONOMOUS"),
    ("European Union", "EU"),
    ("Council of the EU", "EU"),
    ("New Zealand", "NZ"),
];

/// The clauses of a sentence in which two or more governments each act
/// ("the United Kingdom designated 15 and Australia designated three
/// members"): each government's code with the clause from its name to the
/// next government's. Empty unless every government is followed by its own
/// designating verb.
pub fn actor_clauses(sentence: &str) -> Vec<(&'static str, Range<usize>)> {
    let mut starts: Vec<(usize, &'static str)> = Vec::new();
    for (name, code) in ACTORS {
        for (at, _) in sentence.match_indices(name) {
            if !starts.iter().any(|(known, _)| *known == at) {
                starts.push((at, code));
            }
        }
    }
    starts.sort_unstable();
    if starts.len() < 2 {
        return Vec::new();
    }
    let clauses: Vec<(&'static str, Range<usize>)> = starts
        .iter()
        .enumerate()
        .map(|(index, (at, code))| {
            let end = starts.get(index + 1).map_or(sentence.len(), |(next, _)| *next);
            (*code, *at..end)
        })
        .collect();
    let each_acts = clauses.iter().all(|(_, clause)| {
        sentence
            .get(clause.clone())
            .is_some_and(|text| trigger_pattern().is_some_and(|trigger| trigger.is_match(text)))
    });
    if each_acts {
        clauses
    } else {
        Vec::new()
    }
}

/// The authorities acting in a count statement other than the release's
/// own: another government named as the subject ("the United Kingdom and
/// Canada, who are each designating"), a visa or export-control action.
/// Governments the release only coordinates with are left out.
pub fn actors(sentence: &str) -> Vec<&'static str> {
    static COORDINATION: OnceLock<Option<Regex>> = OnceLock::new();
    let verb = trigger_pattern().and_then(|t| t.find(sentence));
    let verb_at = verb.map_or(sentence.len(), |verb| verb.start());
    let subject = sentence.get(..verb_at).unwrap_or("");
    let relative = subject.rfind(", who").filter(|at| subject.len() - at < 30);
    let subject = match relative {
        Some(at) => subject.get(at.saturating_sub(80)..at).unwrap_or(""),
        None => subject,
    };
    let subject = match COORDINATION
        .get_or_init(|| Regex::new(r"(?i)(?:in\s+(?:close\s+)?coordination|together|jointly|alongside|in\s+partnership|joint\s+action)\s+with\s+[^,]*").ok())
        .as_ref()
    {
        Some(pattern) if relative.is_none() => pattern.replace_all(subject, "").into_owned(),
        _ => subject.to_string(),
    };
    let mut found = governments_in(&subject);
    // The measure is the one the designating verb names ("impose visa
    // restrictions on", "adding 57 entities to the Entity List").
    let lower = verb.map_or(String::new(), |verb| verb.as_str().to_lowercase());
    if found.is_empty() {
        if lower.contains("visa restriction") {
            found.push("VISA-RESTRICTION");
        } else if lower.contains("entity list") {
            found.push("BIS-ENTITY-LIST");
        }
    }
    found
}

/// The designating verb phrase of a sentence ("imposing sanctions on",
/// "is targeting entities") and the words after it to the end of its
/// clause: where the designated are described.
pub fn statement_head(sentence: &str) -> Option<(&str, &str)> {
    let verb = designating_verb(sentence)?;
    let rest = sentence.get(verb.end()..)?;
    let end = rest.find([';', '.', ':']).unwrap_or(rest.len());
    Some((verb.as_str(), rest.get(..end)?))
}

/// The first designating verb of a sentence: a trigger, or "is targeting"
/// with a plural of the designated ("The State Department is targeting
/// entities and individuals involved in ..."), which describes them
/// without naming any.
fn designating_verb(sentence: &str) -> Option<regex::Match<'_>> {
    static TARGETING: OnceLock<Option<Regex>> = OnceLock::new();
    let targeting = TARGETING
        .get_or_init(|| Regex::new(r"(?i)(?-u:\b)(?:is|are)\s+(?:also\s+)?targeting\s+(?:[a-z-]+\s+){0,3}?(?:individuals|entities|persons|companies|firms|officials|members|vessels)(?-u:\b)").ok())
        .as_ref();
    let trigger = trigger_pattern().and_then(|t| t.find(sentence));
    let targets = targeting.and_then(|t| t.find(sentence));
    match (trigger, targets) {
        (Some(trigger), Some(targets)) => {
            Some(if targets.start() < trigger.start() { targets } else { trigger })
        }
        (trigger, targets) => trigger.or(targets),
    }
}

/// Whether the sentence describes designees with "is targeting" and no
/// other designating verb: a statement that names nobody.
pub fn only_targets(sentence: &str) -> bool {
    trigger_pattern().is_some_and(|t| !t.is_match(sentence)) && designating_verb(sentence).is_some()
}

/// A US agency that designates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Agency {
    /// The Department of the Treasury (OFAC).
    Treasury,
    /// The Department of State.
    State,
}

/// How texts name each agency.
const AGENCY_NAMES: &[(&str, Agency)] = &[
    ("Department of the Treasury", Agency::Treasury),
    ("Treasury Department", Agency::Treasury),
    ("Office of Foreign Assets Control", Agency::Treasury),
    ("OFAC", Agency::Treasury),
    ("Treasury is ", Agency::Treasury),
    ("Department of State", Agency::State),
    ("State Department", Agency::State),
    ("State is ", Agency::State),
    ("State will ", Agency::State),
];

/// The agency `text` names first: whose release it is.
pub fn first_agency(text: &str) -> Option<Agency> {
    AGENCY_NAMES
        .iter()
        .filter_map(|(name, agency)| text.find(name).map(|at| (at, *agency)))
        .min_by_key(|(at, _)| *at)
        .map(|(_, agency)| agency)
}

/// Whether a statement's subject is another agency than the release's
/// (`release`), reported in a sentence beside the release's own actions
/// ("State is imposing sanctions on ..." in a Treasury release, "the
/// Department of the Treasury is designating four entities" in State's).
pub fn another_agency(sentence: &str, release: Option<Agency>) -> bool {
    let verb_at = designating_verb(sentence).map_or(sentence.len(), |verb| verb.start());
    let subject = sentence.get(..verb_at).unwrap_or("");
    let subject = subject.rsplit([',', ';']).next().unwrap_or(subject);
    let Some(release) = release else { return false };
    first_agency(subject).is_some_and(|agency| agency != release)
}

/// The partner governments a headline has sanctioning beside the United
/// States ("Australia, Japan, the Republic of Korea, and the United States
/// Sanction DPRK ..."), by code; empty for any other line.
pub fn headline_partners(headline: &str) -> Vec<&'static str> {
    static JOINT: OnceLock<Option<Regex>> = OnceLock::new();
    let Some(joint) = JOINT
        .get_or_init(|| {
            Regex::new(r"^(?P<subject>[A-Z][^.:;]{0,160}?)\s+(?:and|&)\s+(?:the\s+)?(?:United States|U\.S\.)\s+(?:Jointly\s+)?(?:Sanction|Designate|Target)s?(?-u:\b)").ok()
        })
        .as_ref()
    else {
        return Vec::new();
    };
    let cleaned = headline.replace('*', " ");
    let cleaned = cleaned.split_whitespace().collect::<Vec<_>>().join(" ");
    let Some(subject) = joint.captures(&cleaned).and_then(|c| c.name("subject")) else {
        return Vec::new();
    };
    governments_in(&format!("{} ", subject.as_str().trim_end_matches(',')))
}

/// The codes of the governments `text` names ([`ACTORS`]), each once.
fn governments_in(text: &str) -> Vec<&'static str> {
    let mut found: Vec<&'static str> = Vec::new();
    for (name, code) in ACTORS {
        if text.contains(name) && !found.contains(code) {
            found.push(code);
        }
    }
    found
}

/// Whether a count is of others than those named ("as well as 50 other
/// persons", "an additional 910 individuals").
pub fn counts_others(sentence: &str) -> bool {
    static OTHERS: OnceLock<Option<Regex>> = OnceLock::new();
    OTHERS
        .get_or_init(|| Regex::new(r"(?i)(?-u:\b)(?:[0-9][0-9,]*|[a-z]+)\s+(?:other|more|additional|further)\s+(?:[a-z-]+\s+){0,2}?(?:persons|individuals|entities|companies|people|officials|members)").ok())
        .as_ref()
        .is_some_and(|pattern| pattern.is_match(sentence))
}

/// "each of these individuals", "these entities", "the individuals
/// above": the kind a region points back at.
fn back_reference(region: &str) -> Option<EntityKind> {
    let lower = region.to_lowercase();
    let points_back =
        ["these ", "those ", "each of the", "above"].iter().any(|cue| lower.contains(cue));
    if !points_back || lower.split_whitespace().count() > 6 {
        return None;
    }
    let last = lower.split_whitespace().find(|word| {
        ["individuals", "persons", "people", "entities", "companies", "firms", "vessels"]
            .contains(word)
    })?;
    Some(match last {
        "individuals" | "persons" | "people" => EntityKind::Person,
        "vessels" => EntityKind::Vessel,
        _ => EntityKind::Organization,
    })
}

/// The mentions (indexes into `mentions`) a statement's region designates:
/// those inside it, outside descriptive segments, not possessives.
pub fn designated(sentence: &str, region: &Range<usize>, mentions: &[Mention]) -> Vec<usize> {
    let descriptive = descriptive_segments(sentence, region);
    let inside: Vec<usize> = mentions
        .iter()
        .enumerate()
        .filter(|(_, mention)| {
            mention.range.start >= region.start
                && mention.range.start < region.end
                && !mention.possessive
                && !descriptive.iter().any(|segment| segment.contains(&mention.range.start))
        })
        .map(|(index, _)| index)
        .collect();
    inside
        .iter()
        .enumerate()
        .filter(|(position, &index)| {
            let next = inside.get(position + 1).and_then(|&next| mentions.get(next));
            let modifies = next.zip(mentions.get(index)).is_some_and(|(next, mention)| {
                is_modifier_gap(sentence.get(mention.extent_end..next.range.start).unwrap_or(","))
            });
            let complement = mentions.get(index).is_some_and(|mention| {
                is_complement(sentence.get(..mention.range.start).unwrap_or(""))
            });
            !modifies
                && !complement
                && mentions.get(index).is_some_and(|mention| !is_designator(&mention.name))
        })
        .map(|(_, &index)| index)
        .collect()
}

/// Whether the words between two names make the first a modifier of the
/// second ("Rosneft subsidiary X", "National Guard head Y"): a few
/// lowercase words and no comma, conjunction or parenthesis.
fn is_modifier_gap(gap: &str) -> bool {
    let words: Vec<&str> = gap.split_whitespace().collect();
    let joining = [
        "and",
        "or",
        "as",
        "well",
        "along",
        "with",
        "plus",
        "including",
        "together",
        "also",
        "nor",
        "to",
        "by",
        "of",
        "for",
        "in",
        "on",
        "from",
    ];
    words.len() <= 3
        && !gap.contains([',', ';', '(', ')', '&', ':', '—', '.'])
        && words.iter().all(|word| {
            word.chars().next().is_some_and(char::is_lowercase) && !joining.contains(word)
        })
}

/// Whether a name completes a common noun or a description ("the mayor of
/// X", "members of the Y", "officials aligned with Z"): the noun is what is
/// designated, not the name.
fn is_complement(before: &str) -> bool {
    const PREPOSITIONS: &[&str] = &["of", "with", "to", "by", "from", "against"];
    let words: Vec<&str> = before.split_whitespace().rev().take(3).collect();
    let noun = match words.as_slice() {
        [preposition, noun, ..] if PREPOSITIONS.contains(preposition) => *noun,
        ["the", preposition, noun, ..] if PREPOSITIONS.contains(preposition) => *noun,
        _ => return false,
    };
    noun.chars().next().is_some_and(char::is_lowercase)
        && ![
            "all", "both", "each", "one", "two", "three", "four", "five", "some", "any", "and",
            "or",
        ]
        .contains(&noun)
}

/// Countries and the agencies that designate are never the designated.
pub fn is_designator(name: &str) -> bool {
    if crate::country::code_of(name).is_some() {
        return true;
    }
    if crate::country::code_of_field(name).is_some() {
        return true;
    }
    let lower = name.to_lowercase();
    // Lists and states: "Blocked Persons List", "Kyrgyz Republic".
    let last = lower.split_whitespace().next_back().unwrap_or("");
    let state_or_list =
        ["list", "republic", "kingdom", "emirates"].contains(&last) && !lower.contains(" of ");
    if state_or_list || lower == "u.k." {
        return true;
    }
    if [
        "e.o.",
        "executive order",
        "section ",
        "resolution ",
        "people’s republic",
        "people's republic",
        "democratic people",
        "government of",
        "republic of",
    ]
    .iter()
    .any(|prefix| lower.starts_with(prefix))
    {
        return true;
    }
    const AGENCIES: &[&str] = &[
        "ofac",
        "treasury",
        "state",
        "commerce",
        "bis",
        "u.s.",
        "us",
        "un",
        "eu",
        "uk",
        "united nations",
        "european union",
        "security council",
        "white house",
        "council",
        "department",
        "government",
    ];
    AGENCIES.contains(&lower.as_str())
        || [
            "department of",
            "office of foreign assets control",
            "ministry of foreign affairs",
            "bureau of industry",
            "security council",
            "u.s. ",
        ]
        .iter()
        .any(|agency| {
            lower.starts_with(agency)
                || lower.contains(&format!("’s {agency}"))
                || lower.contains(&format!("'s {agency}"))
        })
        || lower.contains("office of foreign assets control")
}

/// Whether a line is an entry of a list: a bullet, a number, or a line that
/// is little but a name.
pub fn is_list_item(line: &str) -> bool {
    let trimmed = line.trim_start();
    trimmed.starts_with(['-', '•', '*', '–', '·', '▪'])
        || trimmed.split_once(['.', ')']).is_some_and(|(head, _)| {
            !head.is_empty() && head.len() <= 3 && head.chars().all(|c| c.is_ascii_digit())
        })
}

/// Whether a line is an entry of a list without a bullet: it opens with a
/// name that only punctuation follows ("Kestrel Trading LLC (Russia);",
/// "Tern Holdings Ltd. — address: Dubai").
pub fn is_entry_line(line: &str, mentions: &[Mention]) -> bool {
    let mut depth = 0usize;
    let outside: String = line
        .chars()
        .filter(|c| {
            match c {
                '(' => depth += 1,
                ')' => depth = depth.saturating_sub(1),
                _ => {}
            }
            depth == 0
        })
        .collect();
    let prose_words = outside
        .split_whitespace()
        .filter(|word| word.chars().next().is_some_and(char::is_lowercase))
        .count();
    prose_words <= 3
        && mentions.iter().any(|mention| {
            let head = line.get(..mention.range.start).unwrap_or("");
            let rest = line.get(mention.extent_end..).unwrap_or("").trim_start();
            head.split_whitespace().count() <= 2
                && (rest.is_empty()
                    || rest.starts_with([';', ',', '—', '–', '-', '.', ':'])
                    || rest == "and"
                    || rest.starts_with("and "))
        })
}

/// A field of a record laid out one field a line ("VESSEL NAME: Sea Star",
/// "VESSEL FLAG: Togo").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    /// What the field holds.
    pub label: FieldLabel,
    /// Byte range of the value in the line.
    pub value: Range<usize>,
}

/// The fields of a record the extractor reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldLabel {
    /// The name, opening a record of the kind given.
    Name(Option<EntityKind>),
    /// Another name (FKA, AKA).
    Alias,
    /// A registration number (IMO).
    Identifier,
    /// A flag or country.
    Country,
    /// Any other field.
    Other,
}

/// Reads `line` as a record field: an upper-case label and a colon.
pub fn field(line: &str) -> Option<Field> {
    static FIELD: OnceLock<Option<Regex>> = OnceLock::new();
    let pattern = FIELD
        .get_or_init(|| Regex::new(r"^\s*([A-Z][A-Z /()-]{1,40}?)\s*:\s*(\S.*?)\s*$").ok())
        .as_ref()?;
    let captures = pattern.captures(line)?;
    let label = captures.get(1)?.as_str();
    let value = captures.get(2)?.range();
    let words: Vec<&str> = label.split_whitespace().collect();
    let kind = match words.first().copied() {
        Some("VESSEL" | "SHIP") => Some(EntityKind::Vessel),
        Some("INDIVIDUAL") => Some(EntityKind::Person),
        Some("ENTITY" | "COMPANY") => Some(EntityKind::Organization),
        _ => None,
    };
    let rest: Vec<&str> = words.iter().skip(usize::from(kind.is_some())).copied().collect();
    let label = match rest.as_slice() {
        [] | ["NAME"] => FieldLabel::Name(kind),
        [.., "FKA" | "AKA" | "ALIAS" | "NKA"] => FieldLabel::Alias,
        [.., "IMO" | "IDENTIFICATION" | "NUMBER"] => FieldLabel::Identifier,
        [.., "FLAG" | "COUNTRY" | "NATIONALITY"] => FieldLabel::Country,
        _ => FieldLabel::Other,
    };
    Some(Field { label, value })
}

/// The names opening each entry of a line that enumerates with
/// semicolons ("A, president of X; B, minister of Y; and C, ..."): the
/// first mention of every segment, when every segment opens with one.
pub fn enumeration_heads(line: &str, mentions: &[Mention]) -> Vec<usize> {
    let mut heads = Vec::new();
    let mut start = 0;
    let segments: Vec<&str> = line.split(';').collect();
    if segments.len() < 2 {
        return heads;
    }
    for segment in segments {
        let opening = segment.trim_start().trim_start_matches("and ").trim_start();
        let offset = start + (segment.len() - opening.len());
        start += segment.len() + 1;
        let first = mentions.iter().position(|mention| mention.range.start == offset);
        match first {
            Some(index) if mentions.get(index).is_some_and(|m| !is_designator(&m.name)) => {
                heads.push(index);
            }
            _ => return Vec::new(),
        }
    }
    heads
}

/// The leading part of a list entry that holds its names: up to the first
/// verb or descriptive apposition ("- Kestrel Trading LLC is a ...").
pub fn list_item_head(line: &str) -> Range<usize> {
    let mut depth = 0usize;
    let mut lowercase_run = 0usize;
    let mut at = 0usize;
    for word in line.split_inclusive(char::is_whitespace) {
        let start = at;
        at += word.len();
        let trimmed = word.trim();
        let opens = trimmed.matches(['(', '（']).count();
        let closes = trimmed.matches([')', '）']).count();
        let outside = depth == 0 && opens == 0;
        depth = (depth + opens).saturating_sub(closes);
        if !outside || trimmed.is_empty() {
            continue;
        }
        if trimmed.ends_with([';', ':']) {
            return 0..start + word.trim_end().len() - 1;
        }
        let key = trimmed.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
        let lowercase = trimmed.chars().next().is_some_and(char::is_lowercase);
        let joiner =
            ["and", "of", "the", "for", "de", "del", "la", "y", "s", "al", "bin", "&", "-", "–"]
                .contains(&key.as_str());
        if lowercase && !joiner {
            // "Rosneft subsidiary Joint Stock Company X": one or two
            // lowercase words between names make a modifier, not the end.
            lowercase_run += 1;
            let rest = line.get(at..).unwrap_or("");
            let next_capital = rest.trim_start().chars().next().is_some_and(char::is_uppercase);
            if lowercase_run > 2 || !next_capital {
                return 0..start;
            }
        } else {
            lowercase_run = 0;
        }
    }
    0..line.len()
}

/// Whether a sentence only looks back at designations ("Ivanov, Petrov and
/// Sidorov were designated ..." is a statement; this is for the list check).
fn trigger_pattern() -> Option<&'static Regex> {
    static TRIGGER: OnceLock<Option<Regex>> = OnceLock::new();
    TRIGGER
        .get_or_init(|| {
            Regex::new(r"(?i)^(?:the\s+)?designations?\s+of(?-u:\b)|(?-u:\b)announc(?:e|es|ed|ing)\s+(?:the\s+)?(?:public\s+)?designations?\s+of(?-u:\b)|(?-u:\b)(?:(?:re-?)?designat(?:ed|ing|es)|approv(?:ed|es|ing)\s+the\s+(?:addition|listing|designation)s?\s+of|sanction(?:ed|ing)|blacklist(?:ed|ing)|(?:impos|slapp|levi)(?:e|ed|es|ing)\s+(?:[a-z-]+\s+){0,3}?(?:sanctions|measures|restrictions|penalties)\s+(?:under\s+[^,;.]{1,60}?\s+)?(?:on|against|upon)|(?:add(?:ed|ing|s)|list(?:ed|ing)|includ(?:ed|ing))(?-u:\b)(?P<obj>(?:\s+[^\s.;]+){0,12}?)\s+(?:to|on|in)\s+(?:the|its|their)\s+(?:[A-Za-z’'.-]+\s+){0,5}?(?:list|annex)|blocked\s+(?:as\s+a\s+result|pursuant\s+to|today)|(?:issu|announc)(?:e|ed|es|ing)\s+(?:over\s+|more\s+than\s+|nearly\s+)?[0-9][0-9,]*\s+(?:new\s+)?visa\s+restrictions|identif(?:ied|ying|ies)(?-u:\b)(?P<obj2>(?:\s+\S+){0,14}?)\s+as\s+(?:blocked\s+)?property)(?-u:\b)").ok()
        })
        .as_ref()
}

/// Auxiliaries of a passive ("is designated", "were being designated").
const AUXILIARIES: &[&str] = &["is", "are", "was", "were", "been", "being", "be"];

/// Adverbs and quantifiers that stand between an auxiliary and its verb
/// ("is also being designated", "were all designated").
const ADVERBS: &[&str] = &[
    "also",
    "additionally",
    "today",
    "concurrently",
    "simultaneously",
    "similarly",
    "all",
    "both",
    "each",
    "being",
    "jointly",
];

/// "U.S.-designated X", "the designated entities", "persons designated by
/// the Committee", "designated terrorist groups": no statement.
fn is_adjectival(before: &str, after: &str) -> bool {
    if before.ends_with(['-', '‑']) {
        return true;
    }
    let previous = last_word(before);
    let determiner = [
        "the",
        "a",
        "an",
        "these",
        "those",
        "other",
        "all",
        "any",
        "such",
        "its",
        "their",
        "his",
        "her",
        "newly",
        "un",
        "being",
        "specially",
        "already",
        "not",
        "previously",
    ];
    let next = after.split_whitespace().next().unwrap_or("").to_lowercase();
    let next_is_noun = [
        "entity",
        "entities",
        "individual",
        "individuals",
        "person",
        "persons",
        "persons,",
        "terrorist",
        "terrorists",
        "company",
        "companies",
        "group",
        "groups",
        "nationals",
        "vessels",
        "vessel",
        "officials",
        "parties",
        "party",
        "countries",
        "country",
        "targets",
    ]
    .contains(&next.as_str());
    let passive_agent = next == "by" && !ends_with_auxiliary(before);
    (determiner.contains(&previous.as_str()) && (next_is_noun || previous != "being"))
        || next_is_noun && !ends_with_auxiliary(before) && previous != "is" && previous != "are"
        || passive_agent
}

/// "designated X as the Department's Chief Sustainability Officer",
/// "designated as a protected area": "designate" for a role, status or
/// place, not a sanction.
fn is_appointment(after: &str) -> bool {
    static ROLE: OnceLock<Option<Regex>> = OnceLock::new();
    ROLE.get_or_init(|| {
        Regex::new(r"(?i)^[^;]{0,160}?\sas\s+(?:the\s+|a\s+|an\s+|its\s+|our\s+)?(?:[\w’'-]+\s+){0,5}?(?:officer|coordinator|chair|chairman|chairperson|director|head|representative|envoy|ambassador|area|site|zone|park|reserve|heritage|successor|nominee|candidate|lead|point\s+of\s+contact|capital|port|hub|holiday|day|month|week|year|language|partner|ally)(?-u:\b)").ok()
    })
    .as_ref()
    .is_some_and(|pattern| pattern.is_match(after))
}

/// Whether the words before a verb leave it inside a quoted title ("an
/// Executive Order, “Imposing Sanctions on Certain Persons ...”").
fn inside_quotes(before: &str) -> bool {
    before.matches('“').count() > before.matches('”').count()
}

/// Whether a past form without an auxiliary has a subject before it
/// ("OFAC designated", "Treasury has sanctioned", "which the Council
/// listed"), rather than qualifying a noun ("to disrupt sanctioned trade").
fn has_subject(before: &str, verb: &str) -> bool {
    let first = verb.split_whitespace().next().unwrap_or("").to_lowercase();
    if !first.ends_with("ed") || ends_with_auxiliary(before) {
        return true;
    }
    let Some(previous) = before.split_whitespace().next_back() else { return true };
    let word = previous.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
    previous.ends_with([',', ')', '”', '—'])
        || previous.chars().next().is_some_and(char::is_uppercase)
        || [
            "also",
            "today",
            "additionally",
            "has",
            "have",
            "had",
            "jointly",
            "concurrently",
            "simultaneously",
            "further",
            "previously",
            "recently",
            "then",
            "and",
            "which",
            "who",
            "it",
            "they",
            "we",
            "he",
            "she",
            "formally",
            "officially",
            "subsequently",
            "separately",
            "initially",
            "first",
            "originally",
            "already",
            "once",
            "similarly",
            "likewise",
        ]
        .contains(&word.as_str())
}

/// "may be designated", "is considering sanctioning", "not designated".
fn is_modal_or_negated(before: &str) -> bool {
    let words: Vec<String> =
        before.split_whitespace().rev().take(5).map(|word| word.to_lowercase()).collect();
    const MODAL: &[&str] = &[
        "may",
        "could",
        "would",
        "might",
        "should",
        "can",
        "cannot",
        "will",
        "shall",
        "not",
        "never",
        "considering",
        "consider",
        "considers",
        "threatened",
        "threatening",
        "threatens",
        "proposed",
        "proposes",
        "proposing",
        "seek",
        "seeks",
        "seeking",
        "plans",
        "planning",
        "intends",
        "intend",
        "whether",
        "if",
        "possible",
        "potential",
        "ready",
        "readiness",
        "willing",
        "prepared",
        "lift",
        "lifted",
        "lifting",
        "unless",
        "should",
        "no",
    ];
    words
        .iter()
        .take(4)
        .any(|word| MODAL.contains(&word.trim_matches(|c: char| !c.is_alphabetic())))
}

fn ends_with_auxiliary(before: &str) -> bool {
    let words: Vec<String> = before
        .split_whitespace()
        .rev()
        .take(3)
        .map(|word| word.trim_matches(|c: char| !c.is_alphabetic()).to_lowercase())
        .collect();
    let auxiliary = AUXILIARIES;
    let adverb = ADVERBS;
    match words.as_slice() {
        [first, ..] if auxiliary.contains(&first.as_str()) && first != "also" => true,
        [first, second, ..] if adverb.contains(&first.as_str()) => {
            auxiliary.contains(&second.as_str())
                || words.get(2).is_some_and(|third| {
                    adverb.contains(&second.as_str()) && auxiliary.contains(&third.as_str())
                })
        }
        _ => false,
    }
}

/// Whether the statement reports an earlier action: "previously" or
/// "already" before the verb, or a date before the release in its clause,
/// unless the clause says "today".
fn is_earlier_action(
    before: &str,
    after_verb: &str,
    clause: &str,
    release: Option<NaiveDate>,
) -> bool {
    let near_before: Vec<String> =
        before.split_whitespace().rev().take(6).map(|word| word.to_lowercase()).collect();
    if near_before.iter().any(|word| {
        ["previously", "already", "formerly", "earlier", "originally", "once", "since", "recently"]
            .contains(&word.trim_matches(|c: char| !c.is_alphabetic()))
    }) {
        return true;
    }
    let lower_after = after_verb.to_lowercase();
    if lower_after.trim_start().starts_with("today") || lower_after.contains(" today") {
        return false;
    }
    // "Over the last year, Treasury has sanctioned over 100 individuals":
    // a running total, not today's action.
    let lower_clause = clause.to_lowercase();
    if [
        "over the last",
        "over the past",
        "to date",
        "so far",
        "in total",
        "since the start",
        "since february",
        "since the beginning",
    ]
    .iter()
    .any(|cue| lower_clause.contains(cue))
        || last_period(&lower_clause)
    {
        return true;
    }
    let Some(release) = release else { return false };
    // "on or after January 10, 2007", "since 2014": a period in the
    // designation's criteria, not the day of the designation.
    let earlier_date = date::find(clause, Some(release)).iter().any(|mention| {
        let lead: Vec<String> = clause
            .get(..mention.range.start)
            .unwrap_or("")
            .split_whitespace()
            .rev()
            .take(3)
            .map(str::to_lowercase)
            .collect();
        let period = lead.iter().any(|word| {
            ["after", "since", "from", "between", "until", "before", "through", "and"]
                .contains(&word.as_str())
        });
        !period && (release - mention.date).num_days() > 7
    });
    earlier_date || earlier_year(clause, release)
}

/// "last November", "last year", "last week": a period before the release.
fn last_period(lower_clause: &str) -> bool {
    const PERIODS: &[&str] =
        &["year", "month", "week", "spring", "summer", "fall", "autumn", "winter"];
    let words: Vec<&str> = lower_clause
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .collect();
    words.windows(2).any(|pair| match pair {
        ["last", period] => PERIODS.contains(period) || period.parse::<chrono::Month>().is_ok(),
        _ => false,
    })
}

/// "in 2019", "in August 2020", "since 2018": a year before the release's.
fn earlier_year(clause: &str, release: NaiveDate) -> bool {
    static YEAR: OnceLock<Option<Regex>> = OnceLock::new();
    let Some(pattern) = YEAR
        .get_or_init(|| {
            Regex::new(r"(?i)(?-u:\b)(?:in|since|during|of)\s+(?:(?:early|late|mid-?)\s*)?(?:[A-Z][a-z]+\s+)?((?:19|20)[0-9]{2})(?-u:\b)").ok()
        })
        .as_ref()
    else {
        return false;
    };
    pattern.captures_iter(clause).any(|captures| {
        captures
            .get(1)
            .and_then(|year| year.as_str().parse::<i32>().ok())
            .is_some_and(|year| year < release.year())
    })
}

/// How far the clause of a statement runs after its verb: to a semicolon
/// that starts a new clause, or the sentence's end.
fn clause_length(after: &str) -> usize {
    after.find(". ").map_or(after.len(), |at| at + 1)
}

/// How far the object of an active verb runs: up to the reason or legal
/// basis ("pursuant to", "for their role", "under E.O."), a relative clause
/// ("who", "which"), or a colon.
fn object_length(after: &str) -> usize {
    static CUT: OnceLock<Option<Regex>> = OnceLock::new();
    CUT.get_or_init(|| {
        Regex::new(r"(?:\s|,)(?:pursuant\s+to|under\s+(?:the\s+|E\.?O|Executive|section|Section|its|their|authorit|a\s)|for\s+(?:[a-z]|\d)|because|in\s+connection\s+with|in\s+coordination|in\s+response|as\s+part|as\s+(?:a|an|the)\s+(?:[a-z]|Specially|SDGT|Foreign)|on\s+behalf|who\s|which\s|that\s|whose\s|to\s+(?:the|its|their)\s|today|on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|on\s+[A-Z][a-z]+\s+[0-9])|[:.]\s|[:.]$|\s—\s*(?:who|which|a|an|the)\s").ok()
    })
    .as_ref()
    .and_then(|cut| cut.find(after))
    .map_or(after.len(), |found| found.start())
}

/// The passive subject: the words before the verb's auxiliary, back to the
/// sentence start or a clause boundary (";", ": ", "after", "while").
fn subject_region(sentence: &str, verb_start: usize) -> Range<usize> {
    let before = sentence.get(..verb_start).unwrap_or("");
    let mut end = before.trim_end().len();
    // Drop the auxiliary and adverbs: "X is also being designated".
    loop {
        let head = before.get(..end).unwrap_or("").trim_end();
        let word_start = head.rfind(char::is_whitespace).map_or(0, |at| at + 1);
        let word = head.get(word_start..).unwrap_or("").to_lowercase();
        let skip = AUXILIARIES.iter().chain(ADVERBS).chain(&["has", "have"]).any(|w| *w == word);
        if word_start < end && skip {
            end = word_start;
        } else {
            break;
        }
    }
    // "X (Y) is a sitting member of Z being designated": the subject is X.
    static PREDICATE: OnceLock<Option<Regex>> = OnceLock::new();
    if let Some(found) = PREDICATE
        .get_or_init(|| {
            Regex::new(r"\s(?:is|are|was|were)\s+(?:a|an|the|also|now|currently)\s").ok()
        })
        .as_ref()
        .and_then(|pattern| pattern.find(before.get(..end).unwrap_or("")))
    {
        end = found.start();
    }
    let head = before.get(..end).unwrap_or("");
    static BOUNDARY: OnceLock<Option<Regex>> = OnceLock::new();
    let start = BOUNDARY
        .get_or_init(|| {
            Regex::new(r";|:\s|\s(?:after|while|when|since|because|and\s+that|but)\s").ok()
        })
        .as_ref()
        .and_then(|pattern| pattern.find_iter(head).last())
        .map_or(0, |found| found.end());
    start..end.max(start)
}

/// Parts of a region that describe rather than name: an apposition opened
/// by an article, a possessive pronoun or a relative word, up to the next
/// comma at the same depth.
fn descriptive_segments(sentence: &str, region: &Range<usize>) -> Vec<Range<usize>> {
    let Some(text) = sentence.get(region.clone()) else { return Vec::new() };
    let mut segments = Vec::new();
    let mut depth = 0usize;
    let mut segment_start = 0usize;
    let mut cut_points = Vec::new();
    for (at, c) in text.char_indices() {
        match c {
            '(' | '（' => depth += 1,
            ')' | '）' => depth = depth.saturating_sub(1),
            ',' | ';' | '—' if depth == 0 => cut_points.push(at),
            _ => {}
        }
    }
    cut_points.push(text.len());
    for cut in cut_points {
        let segment = text.get(segment_start..cut).unwrap_or("");
        let trimmed = segment.trim_start().trim_start_matches("and ").trim_start();
        let mut words = trimmed.split_whitespace();
        let first = words.next().unwrap_or("").to_lowercase();
        let second = words.next().unwrap_or("");
        let opens_description = match first.as_str() {
            "a" | "an" | "which" | "who" | "whose" | "where" | "owned" | "based" | "controlled"
            | "located" | "one" | "its" | "their" => true,
            "the" | "his" | "her" => {
                second.chars().next().is_some_and(char::is_lowercase)
                    || crate::extract::mention::is_title_word(second)
            }
            _ => false,
        };
        // "his wife, X" opens a kin apposition: the name follows the comma.
        let kin = [
            "wife",
            "husband",
            "son",
            "sons",
            "daughter",
            "daughters",
            "spouse",
            "brother",
            "father",
            "mother",
            "sister",
            "children",
            "child",
        ];
        let kin_only = trimmed.split_whitespace().count() <= 4
            && trimmed.split_whitespace().any(|word| kin.contains(&word.to_lowercase().as_str()));
        if opens_description && !kin_only {
            segments.push(region.start + segment_start..region.start + cut);
        }
        segment_start =
            cut + text.get(cut..).and_then(|rest| rest.chars().next()).map_or(1, char::len_utf8);
    }
    segments
}

fn last_word(text: &str) -> String {
    text.split_whitespace()
        .next_back()
        .unwrap_or("")
        .trim_matches(|c: char| !c.is_alphabetic())
        .to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::mention;

    /// The names `sentence` reports as newly designated.
    fn check(sentence: &str, expect: &[&str]) {
        let release = NaiveDate::from_ymd_opt(2023, 6, 5);
        let mentions = mention::find(sentence);
        let mut got = Vec::new();
        for statement in statements(sentence, release) {
            for index in designated(sentence, &statement.region, &mentions) {
                got.push(mentions[index].name.clone());
            }
        }
        assert_eq!(got, expect, "{sentence}");
    }

    #[test]
    fn active_and_passive_statements() {
        check(
            "Today, OFAC designated Kestrel Trading LLC, a Dubai-based firm owned by Tern Holdings Ltd, and Pavel Ivanovich Orlov pursuant to E.O. 14024.",
            &["Kestrel Trading LLC", "Pavel Ivanovich Orlov"],
        );
        check(
            "Orlov, Petrov, and Kestrel were designated pursuant to E.O. 14024.",
            &["Orlov", "Petrov", "Kestrel"],
        );
        check("Kestrel is being designated today for operating in the sector.", &["Kestrel"]);
        check(
            "OFAC also designated his wife, Irina Petrovna Orlova (Irina), and his son, Oleg Pavlovich Orlov.",
            &["Irina Petrovna Orlova", "Oleg Pavlovich Orlov"],
        );
        check(
            "The State Department imposed sanctions on Tern Holdings Ltd.",
            &["Tern Holdings Ltd."],
        );
    }

    #[test]
    fn earlier_designations_are_context() {
        check("OFAC designated Tern Holdings Ltd on July 15, 2020, for its role.", &[]);
        check("On October 26, 2022, OFAC sanctioned Pavel Ivanovich Orlov.", &[]);
        check("Orlov was previously designated pursuant to E.O. 13661.", &[]);
        check("Kestrel was designated in 2019 for supporting the regime.", &[]);
        check("Last November, the President levied sanctions against Kestrel Bank.", &[]);
        check(
            "Designation of two officials, Ivan Orlov and Pavel Orlov, pursuant to Section 7031(c).",
            &["Ivan Orlov", "Pavel Orlov"],
        );
        check(
            "Today, we are announcing the public designation of Congressman Ivan Orlov.",
            &["Ivan Orlov"],
        );
        check("Designation of Congressman Ivan Orlov Due to Involvement in Corruption", &[]);
        check("Treasury sanctioned Kestrel Bank last year.", &[]);
        check("It supplies U.S.-designated Tern Holdings Ltd.", &[]);
        check("OFAC is sanctioning 21 officials aligned with Pavel Orlov.", &[]);
        check("State is imposing sanctions on family members of the mayor of Orlovsk.", &[]);
        check(
            "Orlov was re-designated today after previously being designated on February 25, 2022.",
            &["Orlov"],
        );
    }

    #[test]
    fn criteria_dates_are_not_earlier_actions() {
        check(
            "Pavel Ivanovich Orlov (Orlov) was designated for being an official at any time on or after January 10, 2007.",
            &["Pavel Ivanovich Orlov"],
        );
        check("Most recently, on June 1, OFAC designated Kestrel Trading LLC.", &[]);
    }

    #[test]
    fn inline_lists_and_inclusions() {
        check(
            "OFAC is designating the following individuals for being family members of Pavel Orlov: Irina Orlova, his wife; and Oleg Orlov, his son.",
            &["Irina Orlova", "Oleg Orlov"],
        );
        check(
            "These targets include Kestrel Bank, the largest bank, as well as 50 other entities.",
            &["Kestrel Bank"],
        );
        let found = statements(
            "OFAC is designating each of these individuals pursuant to E.O. 13694.",
            None,
        );
        assert_eq!(
            found.first().and_then(|statement| statement.refers_back),
            Some(EntityKind::Person)
        );
    }

    #[test]
    fn modality_and_other_uses_are_no_statement() {
        check("I have designated Under Secretary Pavel R. Orlov as the Chief Data Officer.", &[]);
        check("It helps to disrupt sanctioned trade put in place by the Group of Seven.", &[]);
        check("He signed an Executive Order, “Imposing Sanctions on Certain Persons”.", &[]);
        check("Tern Holdings Ltd may be designated if it continues.", &[]);
        check("The Council is considering sanctioning Tern Holdings Ltd.", &[]);
        check("Assets of the designated entities are blocked.", &[]);
        assert_eq!(
            actors("The United Kingdom and Canada, who are each designating two officials."),
            vec!["UK", "CA"]
        );
        assert_eq!(actors("Today, the United States, in coordination with the United Kingdom, is designating seven individuals."), Vec::<&str>::new());
        assert_eq!(
            actors("State is taking steps to impose visa restrictions on 910 individuals."),
            vec!["VISA-RESTRICTION"]
        );
        assert_eq!(
            actors(
                "The Department of State is imposing sanctions on A, and visa restrictions on B."
            ),
            Vec::<&str>::new(),
            "the measure is the one the verb names"
        );
        assert!(counts_others("Gazprombank, as well as 50 other persons and entities"));
        check("Persons designated by the Committee include no one new.", &[]);
    }

    #[test]
    fn semicolon_enumerations() {
        let line = "Pavel Orlov, president of the Council; Oleg Petrov, minister; and Irina Orlova, a member, are named.";
        let mentions = mention::find(line);
        let names: Vec<&str> =
            enumeration_heads(line, &mentions).iter().map(|&i| mentions[i].name.as_str()).collect();
        assert_eq!(names, ["Pavel Orlov", "Oleg Petrov", "Irina Orlova"]);
        let prose = "Pavel Orlov met them; the talks went on.";
        assert!(enumeration_heads(prose, &mention::find(prose)).is_empty());
    }

    #[test]
    fn lists_are_announced() {
        let found = statements("Today, OFAC is designating the following individuals:", None);
        assert!(found.iter().any(|statement| statement.announces_list));
        assert!(is_list_item("- Pavel Ivanovich Orlov"));
        assert!(is_list_item("12. Kestrel Trading LLC"));
        assert!(!is_list_item("Kestrel is a firm."));
        assert_eq!(
            field("VESSEL NAME: Sea Star").map(|f| f.label),
            Some(FieldLabel::Name(Some(EntityKind::Vessel)))
        );
        assert_eq!(field("VESSEL FLAG: Togo").map(|f| f.label), Some(FieldLabel::Country));
        assert_eq!(field("VESSEL NAME FKA: Star").map(|f| f.label), Some(FieldLabel::Alias));
        assert_eq!(field("Note: the vessels are blocked."), None);
        let line = "- Dubai-based Kestrel Trading LLC (Kestrel) has supplied parts.";
        assert_eq!(&line[list_item_head(line)], "- Dubai-based Kestrel Trading LLC (Kestrel) ");
        let line = "- Tern subsidiary Joint Stock Company Orel develops engines for the army.";
        assert_eq!(&line[list_item_head(line)], "- Tern subsidiary Joint Stock Company Orel ");
        let line = "- Kestrel Trading LLC; Tern Holdings Ltd";
        assert_eq!(&line[list_item_head(line)], "- Kestrel Trading LLC");
    }

    #[test]
    fn clauses_of_several_governments() {
        let sentence =
            "Also today, the United Kingdom designated 15 and Australia designated three members.";
        let clauses: Vec<(&str, &str)> = actor_clauses(sentence)
            .into_iter()
            .map(|(code, range)| (code, &sentence[range]))
            .collect();
        assert_eq!(
            clauses,
            [
                ("UK", "United Kingdom designated 15 and "),
                ("AU", "Australia designated three members.")
            ]
        );
        // One government, or governments that do not each act: no clauses.
        assert!(actor_clauses("The United Kingdom designated 15 members.").is_empty());
        assert!(actor_clauses("The United Kingdom and Australia designated 15 members.").is_empty());
    }

    #[test]
    fn another_agency_acts() {
        let treasury = Some(Agency::Treasury);
        assert_eq!(
            first_agency("WASHINGTON - Today, the Office of Foreign Assets Control"),
            treasury
        );
        assert!(another_agency(
            "State is imposing sanctions on family members of the mayor.",
            treasury
        ));
        assert!(another_agency(
            "In addition, the Department of State is designating two entities.",
            treasury
        ));
        assert!(!another_agency(
            "OFAC is designating two entities, the State Department said.",
            treasury
        ));
        assert!(another_agency(
            "In addition, the Department of the Treasury is designating four entities.",
            Some(Agency::State)
        ));
        assert!(!another_agency(
            "The Department of State is designating two entities.",
            Some(Agency::State)
        ));
        assert!(another_agency(
            "The State Department is targeting entities involved in the trade.",
            treasury
        ));
        assert!(only_targets("The State Department is targeting entities involved in the trade."));
        assert!(!only_targets("Treasury is targeting the regime's repression."));
    }

    #[test]
    fn head_of_a_statement() {
        assert_eq!(
            statement_head("State is imposing sanctions on family members of the mayor. More."),
            Some(("imposing sanctions on", " family members of the mayor"))
        );
        assert_eq!(statement_head("The talks went on."), None);
    }

    #[test]
    fn partners_in_a_headline() {
        assert_eq!(
            headline_partners("Australia, Japan, the Republic of Korea, and the United States Sanction Acme Network"),
            ["AU", "JP", "ROK-AUTONOMOUS"]
        );
        assert_eq!(
            headline_partners("*United Kingdom and the United States * Designate Acme Traders"),
            ["UK"]
        );
        assert!(headline_partners("Treasury Sanctions Acme Network").is_empty());
        assert!(headline_partners("Treasury and the United Kingdom Sanction Acme").is_empty());
    }
}
