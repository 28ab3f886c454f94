//! Stage 2 for Latin script: every candidate name in a sentence, found by its
//! shape and not by a trigger ("Novastream Limited (Novastream)",
//! "Sergei Kuzhugetovich Shoigu", "Balboa Bank & Trust", "the vessel SEA STAR
//! (IMO 1234567)").
//!
//! A name is a run of capitalized words, with the particles names carry
//! (al-, bin, de, van, y) and, inside organization names, the small words
//! that join their parts (of, for, and, the, &). The run loses the words that
//! only precede names (sentence openers, titles, nationality adjectives) and
//! is typed by its words: legal forms and institutional nouns make an
//! organization, an IMO number or a ship word a vessel, two to six name words
//! a person. A parenthesis right after it is read as a short form, aliases
//! (a.k.a., f.k.a.) or an identifier.
//!
//! **Invariant:** the tables here are general English and legal vocabulary;
//! no name of any particular entity appears in them.

use std::ops::Range;
use std::sync::OnceLock;

use regex::Regex;

use crate::model::{EntityKind, Identifier};

/// A candidate name in a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// The name as written (whitespace collapsed).
    pub name: String,
    /// Byte range of the name in the text given to [`find`].
    pub range: Range<usize>,
    /// What its shape says it names; `None` for one word that could be
    /// anything ("Rotek", "Nabiullina").
    pub kind: Option<EntityKind>,
    /// The short form given in parentheses right after it ("(Sinno)").
    pub short: Option<String>,
    /// Aliases written next to it (a.k.a., f.k.a., also known as).
    pub aliases: Vec<String>,
    /// IMO numbers and the like written next to it.
    pub identifiers: Vec<Identifier>,
    /// End of the name with its parentheses and alias clause.
    pub extent_end: usize,
    /// Whether it is written as a possessive ("Shoigu's wife").
    pub possessive: bool,
    /// A country given in parentheses after it ("(China)").
    pub country: Option<&'static str>,
}

/// A word of a sentence, with its byte range.
#[derive(Debug, Clone, Copy)]
struct Word<'a> {
    text: &'a str,
    range: (usize, usize),
}

/// Every candidate name in `text`, in text order.
pub fn find(text: &str) -> Vec<Mention> {
    let words = words(text);
    let mut mentions: Vec<Mention> = Vec::new();
    let mut index = 0;
    while index < words.len() {
        let Some(run_end) = run_from(text, &words, index) else {
            index += 1;
            continue;
        };
        // "Evil Corp-affiliated individuals", "Hong Kong-based X": the run
        // is the first part of a describing compound.
        let describes = words.get(run_end).is_some_and(|next| {
            is_describing_compound(next.text)
                && words.get(run_end - 1).is_some_and(|last| {
                    text.get(last.range.1..next.range.0).is_some_and(|gap| gap.trim().is_empty())
                })
        });
        if describes {
            index = run_end;
            continue;
        }
        for piece in split_run(text, &words, index, run_end) {
            if let Some(mention) = mention_of(text, &words, piece) {
                mentions.push(mention);
            }
        }
        index = run_end;
    }
    // A parenthesis or alias clause holds names of its own; they are read as
    // part of the mention before it, not as mentions.
    let mut kept: Vec<Mention> = Vec::with_capacity(mentions.len());
    for mention in mentions {
        if kept.last().is_some_and(|last| mention.range.start < last.extent_end) {
            continue;
        }
        kept.push(mention);
    }
    kept
}

/// Whether a word is an organization word (legal form, institutional noun)
/// once stripped of dots and case.
pub fn is_org_word(word: &str) -> bool {
    let key: String =
        word.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect();
    ORG_WORDS.binary_search(&key.as_str()).is_ok()
}

/// Whether `word` counts or classes rather than names ("Two", "Entities",
/// "Vessels"): a name made only of such words is none.
fn is_generic_word(word: &str) -> bool {
    const GENERIC: &[&str] = &[
        "entities",
        "entity",
        "entries",
        "entry",
        "vessels",
        "vessel",
        "individuals",
        "individual",
        "persons",
        "person",
        "companies",
        "company",
        "officials",
        "members",
        "designations",
        "designation",
        "sanctions",
        "list",
        "annex",
        "new",
        "additional",
        "other",
        "several",
        "and",
        "of",
        "the",
        "a",
        "b",
        "c",
        "d",
        "i",
        "ii",
        "iii",
        "iv",
    ];
    const TENS: &[&str] =
        &["thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred"];
    // "Twenty-seven", "Four": every part a number word.
    let all_numbers = word.split('-').all(|part| {
        crate::extract::entity::parse_number(part).is_some() || TENS.contains(&lower(part).as_str())
    });
    let key: String =
        word.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect();
    all_numbers || GENERIC.contains(&key.as_str())
}

/// Whether `word` only precedes names: a title, rank or nationality
/// adjective ("Minister", "Gen.", "Russian").
pub fn is_title_word(word: &str) -> bool {
    let key: String =
        word.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect();
    TITLES.binary_search(&key.as_str()).is_ok() || is_demonym(word)
}

/// Words that end a name in English: legal forms and institutional nouns.
/// Sorted, for binary search.
const ORG_WORDS: &[&str] = &[
    "ab",
    "academy",
    "administration",
    "ag",
    "agency",
    "airline",
    "airlines",
    "airways",
    "aktsionernoe",
    "alliance",
    "anonima",
    "anónima",
    "ao",
    "army",
    "assembly",
    "association",
    "authority",
    "bank",
    "battalion",
    "bhd",
    "board",
    "brigade",
    "brigades",
    "brothers",
    "bureau",
    "bv",
    "byuro",
    "cartel",
    "center",
    "centre",
    "cjsc",
    "club",
    "co",
    "coalition",
    "college",
    "command",
    "commission",
    "committee",
    "compania",
    "company",
    "compañía",
    "consortium",
    "cooperative",
    "corp",
    "corporación",
    "corporation",
    "corps",
    "council",
    "court",
    "cv",
    "dac",
    "department",
    "directorate",
    "division",
    "dmcc",
    "doo",
    "duma",
    "electronics",
    "empresa",
    "energy",
    "engineering",
    "enterprise",
    "enterprises",
    "establishment",
    "exchange",
    "export",
    "factory",
    "federation",
    "firm",
    "force",
    "forces",
    "foundation",
    "front",
    "fund",
    "fzc",
    "fzco",
    "fzd",
    "fze",
    "fzllc",
    "gie",
    "gmbh",
    "group",
    "gruppa",
    "guard",
    "holding",
    "holdings",
    "import",
    "inc",
    "incorporated",
    "industries",
    "institut",
    "institute",
    "institution",
    "international",
    "investment",
    "investments",
    "jsc",
    "kft",
    "kg",
    "kk",
    "kombinat",
    "korporatsiya",
    "lab",
    "laboratoriya",
    "laboratory",
    "labs",
    "lda",
    "league",
    "limitada",
    "limited",
    "lines",
    "llc",
    "llp",
    "logistics",
    "lp",
    "ltd",
    "ltda",
    "ltdsti",
    "marine",
    "maritime",
    "media",
    "militia",
    "ministry",
    "movement",
    "navigation",
    "network",
    "nv",
    "oao",
    "obshchestvo",
    "obyedinenie",
    "office",
    "ojsc",
    "ooo",
    "organisation",
    "organization",
    "otvetstvennostyu",
    "ou",
    "oy",
    "oü",
    "pao",
    "parliament",
    "partnership",
    "party",
    "petroleum",
    "pjsc",
    "plant",
    "plc",
    "predpriyatie",
    "press",
    "pte",
    "pty",
    "pvt",
    "regiment",
    "sa",
    "sac",
    "sal",
    "sanayi",
    "sarl",
    "sas",
    "sdn",
    "senate",
    "service",
    "services",
    "sharikat",
    "shipping",
    "shipyard",
    "sirketi",
    "sociedad",
    "society",
    "solutions",
    "spa",
    "spzoo",
    "squad",
    "srl",
    "sro",
    "sti",
    "studio",
    "systems",
    "team",
    "technologies",
    "technology",
    "tic",
    "ticaret",
    "tovarishchestvo",
    "trading",
    "tribunal",
    "trust",
    "tsentr",
    "union",
    "university",
    "zao",
    "zavod",
    "şirketi",
];

/// Titles, ranks and roles written before a person's name. Sorted.
const TITLES: &[&str] = &[
    "admiral",
    "affairs",
    "ambassador",
    "attorney",
    "brigadier",
    "businessman",
    "businesswoman",
    "captain",
    "ceo",
    "cfo",
    "chair",
    "chairman",
    "chairwoman",
    "chief",
    "cofounder",
    "colonel",
    "commander",
    "commissioner",
    "congressman",
    "congressperson",
    "congresswoman",
    "coo",
    "defence",
    "defense",
    "deputies",
    "deputy",
    "director",
    "dr",
    "envoy",
    "executive",
    "finance",
    "first",
    "foreign",
    "former",
    "founder",
    "gen",
    "general",
    "governor",
    "head",
    "interior",
    "judge",
    "justice",
    "lawmaker",
    "leader",
    "lieutenant",
    "lt",
    "major",
    "manager",
    "marshal",
    "mayor",
    "member",
    "minister",
    "mr",
    "mrs",
    "ms",
    "national",
    "nationals",
    "officer",
    "oligarch",
    "oligarchs",
    "owner",
    "president",
    "prime",
    "proprietor",
    "prosecutor",
    "secretary",
    "security",
    "senator",
    "sergeant",
    "sheikh",
    "speaker",
    "spokesman",
    "spokesperson",
    "vice",
    "warlord",
];

/// Capitalized words that open sentences or stand before names without
/// being part of them. Sorted.
const OPENERS: &[&str] = &[
    "a",
    "according",
    "additionally",
    "after",
    "against",
    "all",
    "also",
    "although",
    "among",
    "an",
    "and",
    "any",
    "as",
    "at",
    "because",
    "before",
    "both",
    "but",
    "by",
    "currently",
    "departments",
    "designated",
    "during",
    "each",
    "every",
    "finally",
    "first",
    "following",
    "for",
    "from",
    "further",
    "furthermore",
    "he",
    "her",
    "here",
    "his",
    "however",
    "if",
    "in",
    "including",
    "instead",
    "it",
    "its",
    "lastly",
    "later",
    "likewise",
    "many",
    "meanwhile",
    "moreover",
    "most",
    "mr",
    "mrs",
    "ms",
    "neither",
    "no",
    "nor",
    "not",
    "notably",
    "now",
    "of",
    "on",
    "once",
    "other",
    "press",
    "previously",
    "recently",
    "related",
    "sanctioned",
    "second",
    "separately",
    "several",
    "she",
    "similarly",
    "since",
    "so",
    "some",
    "specifically",
    "such",
    "that",
    "the",
    "their",
    "then",
    "there",
    "therefore",
    "these",
    "they",
    "third",
    "this",
    "those",
    "though",
    "through",
    "thus",
    "to",
    "today",
    "together",
    "under",
    "until",
    "upon",
    "via",
    "we",
    "when",
    "where",
    "while",
    "with",
    "within",
    "yet",
];

/// Lowercase particles inside personal names. Sorted.
const PARTICLES: &[&str] = &[
    "abd", "abu", "al", "bin", "bint", "da", "das", "de", "del", "della", "der", "di", "do", "dos",
    "du", "el", "ibn", "la", "le", "ul", "van", "von", "wa", "wal", "y",
];

/// Small words that join the parts of an organization's name.
const JOINERS: &[&str] =
    &["&", "and", "for", "of", "on", "the", "in", "de", "du", "des", "e", "s", "y", "i", "ve"];

/// Abbreviations whose final dot belongs to the word.
const DOTTED: &[&str] = &[
    "co", "corp", "inc", "ltd", "no", "nos", "st", "jr", "sr", "gen", "col", "lt", "mr", "mrs",
    "ms", "dr", "bhd", "pte", "pty", "sa", "s.a", "s.a.l", "s.r.l", "u.s", "e.o", "m/v", "mv",
];

/// Ship words written before a vessel's name.
const VESSEL_CUES: &[&str] =
    &["vessel", "vessels", "tanker", "tankers", "ship", "ships", "m/v", "mv", "yacht", "freighter"];

/// Calendar words: capitalized, never names.
const CALENDAR: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

fn words(text: &str) -> Vec<Word<'_>> {
    static WORD: OnceLock<Option<Regex>> = OnceLock::new();
    let Some(pattern) = WORD
        .get_or_init(|| Regex::new(r"[\p{L}\p{N}][\p{L}\p{N}\p{M}'’.\-/]*|&|[(),;:]").ok())
        .as_ref()
    else {
        return Vec::new();
    };
    pattern
        .find_iter(text)
        .map(|found| {
            let mut word = found.as_str();
            let mut end = found.end();
            // A final dot ends the sentence unless the word is an abbreviation
            // or an initial.
            while word.ends_with('.') {
                let stem = word.trim_end_matches('.');
                let lower = stem.to_lowercase();
                let initial = stem.chars().count() == 1;
                let dotted =
                    stem.contains('.') && stem.chars().all(|c| c.is_alphabetic() || c == '.');
                if initial || dotted || DOTTED.contains(&lower.as_str()) {
                    break;
                }
                word = stem;
                end = found.start() + word.len();
            }
            let trimmed = word.trim_end_matches(['\'', '’', '-', '/']);
            end -= word.len() - trimmed.len();
            Word { text: trimmed, range: (found.start(), end) }
        })
        .filter(|word| !word.text.is_empty())
        .collect()
}

fn is_capitalized(word: &str) -> bool {
    word.chars().next().is_some_and(|c| c.is_uppercase())
}

fn lower(word: &str) -> String {
    word.to_lowercase()
}

fn is_particle(word: &str) -> bool {
    let key = lower(word);
    let key = key.trim_end_matches('-');
    PARTICLES.binary_search(&key).is_ok()
        || ["al-", "el-", "ul-", "bin-", "abu-", "abd-"].iter().any(|p| key.starts_with(p))
}

fn is_demonym(word: &str) -> bool {
    let key = lower(word);
    let demonym_ending =
        ["ian", "ean", "ese", "ish", "ani", "iki"].iter().any(|e| key.ends_with(e))
            || (key.ends_with('i') && key.len() > 4)
            || (key.ends_with("an") && key.len() > 5);
    is_capitalized(word)
        && demonym_ending
        && crate::country::mentions(word).first().is_some_and(|found| found.range.start == 0)
}

/// Whether `word` may stand in a name run.
fn is_name_word(word: &str) -> bool {
    // "al-Rahman", "bin-Laden": a particle joined to a capitalized name.
    let after_particle = word.split_once('-').is_some_and(|(head, tail)| {
        PARTICLES.binary_search(&head.to_lowercase().as_str()).is_ok() && is_capitalized(tail)
    });
    let first = word.chars().next();
    let capital_or_digit =
        after_particle || first.is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
    let key = lower(word);
    capital_or_digit && !is_describing_compound(word) && !CALENDAR.contains(&key.as_str())
}

/// "Hong Kong-based", "Panama-flagged", "Corp-affiliated": a compound that
/// describes what follows; the words before it belong to it, not to a name.
fn is_describing_compound(word: &str) -> bool {
    let key = lower(word);
    [
        "-based",
        "-registered",
        "-flagged",
        "-owned",
        "-linked",
        "-controlled",
        "-headquartered",
        "-affiliated",
        "-designated",
        "-sanctioned",
        "-held",
        "-occupied",
        "-backed",
        "-aligned",
        "-led",
        "-run",
        "-made",
        "-origin",
        "-connected",
        "-related",
    ]
    .iter()
    .any(|suffix| key.ends_with(suffix))
}

/// The end (exclusive word index) of the name run starting at `start`, if a
/// run starts there.
fn run_from(text: &str, words: &[Word<'_>], start: usize) -> Option<usize> {
    let first = words.get(start)?;
    if !is_name_word(first.text) || first.text.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let mut end = start + 1;
    while let Some(word) = words.get(end) {
        let gap = text.get(words.get(end - 1)?.range.1..word.range.0).unwrap_or(" ");
        if gap.contains('\n') || gap.trim().len() > 1 {
            break;
        }
        // "... of Cloudrun LLC. Cherbov and ...": a final legal form with
        // its dot ends the name even where no sentence break was seen.
        let previous = words.get(end - 1).map_or("", |w| w.text);
        let final_form = previous.ends_with('.')
            && ["llc.", "inc.", "ltd.", "corp.", "plc.", "jsc.", "gmbh."]
                .contains(&lower(previous).as_str());
        if final_form {
            break;
        }
        // "Iran’s Islamic Revolutionary Guard Corps": a possessive ends the
        // possessor's name; what it owns is a name of its own.
        if is_possessive(previous) {
            break;
        }
        if is_name_word(word.text) {
            end += 1;
            continue;
        }
        // Particles and joiners ("bin", "of the") stay when a name word
        // follows them.
        let joins = |word: &Word<'_>| {
            is_particle(word.text) || JOINERS.contains(&lower(word.text).as_str())
        };
        let joined = (end..(end + 3).min(words.len()))
            .take_while(|&at| words.get(at).is_some_and(|w| joins(w) && !is_name_word(w.text)))
            .count();
        if joined > 0 && words.get(end + joined).is_some_and(|next| is_name_word(next.text)) {
            end += joined + 1;
            continue;
        }
        // "Sinno Electronics Co., Limited", "Juan Perez, Jr.": a legal form
        // or generational suffix after a comma.
        if word.text == "," {
            let legal = words.get(end + 1).is_some_and(|next| {
                is_org_word(next.text) && is_capitalized(next.text) && is_legal_form(next.text)
                    || matches!(next.text, "Jr." | "Sr." | "Jr" | "Sr" | "II" | "III")
            });
            if legal {
                end += 2;
                continue;
            }
        }
        break;
    }
    Some(end)
}

/// "Iran’s", "Matviyenko's": a possessive, except in names that carry
/// one ("People’s").
fn is_possessive(word: &str) -> bool {
    let key = lower(word);
    (key.ends_with("’s") || key.ends_with("'s"))
        && ![
            "people’s",
            "people's",
            "women’s",
            "women's",
            "children’s",
            "children's",
            "workers’",
            "farmers’",
        ]
        .contains(&key.as_str())
}

fn is_legal_form(word: &str) -> bool {
    let key: String =
        word.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect();
    [
        "ltd", "limited", "llc", "inc", "co", "corp", "sa", "sal", "srl", "gmbh", "plc", "bhd",
        "fze", "fzco", "jsc", "pte", "pty", "ag", "bv", "nv", "llp", "ooo", "ao", "oao", "zao",
        "pao", "pjsc", "sro", "cv", "ltda",
    ]
    .contains(&key.as_str())
}

/// Cuts a run into the names it holds: "Sinno and Taco" is two names, while
/// "Balboa Bank & Trust" and "Federation Council of the Federal Assembly"
/// are one; titles and openers before a name are dropped.
fn split_run(text: &str, words: &[Word<'_>], start: usize, end: usize) -> Vec<(usize, usize)> {
    let slice = words.get(start..end).unwrap_or(&[]);
    let has_org = slice.iter().any(|word| is_org_word(word.text) && is_capitalized(word.text));
    let last_is_org = slice.last().is_some_and(|word| is_org_word(word.text));
    let mut pieces = Vec::new();
    let mut piece_start = start;
    for index in start..end {
        let Some(word) = words.get(index) else { break };
        let key = lower(word.text);
        let cut = match key.as_str() {
            "and" => {
                // An organization name joins with "and" when an organization
                // word follows in it ("Bank & Trust", "Research and
                // Development Institute of X"), the part before is no name of
                // its own and no new name opens with a legal form.
                let before_org = index > piece_start
                    && words.get(index - 1).is_some_and(|w| is_org_word(w.text));
                let next_opens_name = words.get(index + 1).is_some_and(|w| {
                    is_org_word(w.text) || matches!(lower(w.text).as_str(), "the" | "its" | "their")
                });
                let org_after = words.get(index + 1..end).is_some_and(|rest| {
                    rest.iter().any(|w| is_org_word(w.text) && is_capitalized(w.text))
                });
                before_org || next_opens_name || !last_is_org && !org_after
            }
            // "Jong In Chol": a capitalized word is a name part, no joiner.
            "of" | "for" | "the" | "on" | "in" | "e" | "des" | "du" => {
                !has_org && !is_capitalized(word.text)
            }
            _ => false,
        };
        if cut {
            if index > piece_start {
                pieces.push((piece_start, index));
            }
            piece_start = index + 1;
        }
    }
    if end > piece_start {
        pieces.push((piece_start, end));
    }
    pieces.into_iter().filter_map(|(from, to)| trim_piece(text, words, from, to)).collect()
}

/// Drops openers, calendar words and titles before a name, and joiners at
/// either end.
fn trim_piece(
    _text: &str,
    words: &[Word<'_>],
    mut start: usize,
    mut end: usize,
) -> Option<(usize, usize)> {
    while start < end {
        let word = words.get(start)?;
        let key = lower(word.text);
        if OPENERS.binary_search(&key.as_str()).is_ok()
            || JOINERS.contains(&key.as_str())
            || CALENDAR.contains(&key.as_str())
            || word.text == ","
        {
            start += 1;
        } else {
            break;
        }
    }
    while end > start {
        let word = words.get(end - 1)?;
        let key = lower(word.text);
        let joins = JOINERS.contains(&key.as_str()) || is_particle(word.text);
        if word.text == "," || joins && !is_name_word(word.text) {
            end -= 1;
        } else {
            break;
        }
    }
    // "Russian Minister of Defense Sergei Shoigu": the person's name starts
    // after the last title when at least two name words follow it.
    // "President of Ruritania Pavel Orlov": a country before a name.
    while end - start > 2
        && words.get(start).is_some_and(|word| crate::country::code_of(word.text).is_some())
    {
        start += 1;
    }
    let slice = words.get(start..end)?;
    if slice.iter().all(|word| is_legal_form(word.text)) {
        return None;
    }
    let has_org = slice.iter().any(|word| is_org_word(word.text) && is_capitalized(word.text));
    if !has_org {
        if let Some(last_title) = slice.iter().rposition(|word| is_title_word(word.text)) {
            if last_title + 1 == slice.len() {
                return None;
            }
            start += last_title + 1;
        }
    }
    (start < end).then_some((start, end))
}

fn mention_of(text: &str, words: &[Word<'_>], (start, end): (usize, usize)) -> Option<Mention> {
    // "MV SEA STAR", "M/V Ocean Rose": the ship prefix is no part of the name.
    let ship_prefix = end - start > 1
        && words.get(start).is_some_and(|word| {
            matches!(lower(word.text).as_str(), "mv" | "m/v" | "mt" | "m/t" | "m.v.")
        });
    let start = if ship_prefix { start + 1 } else { start };
    let first = words.get(start)?;
    let last = words.get(end - 1)?;
    let mut range = first.range.0..last.range.1;
    let mut name = crate::extract::document::collapse_whitespace(text.get(range.clone())?);
    let mut possessive = false;
    for suffix in ["'s", "’s", "’", "'"] {
        if let Some(stem) = name.strip_suffix(suffix) {
            name = stem.to_string();
            range.end -= suffix.len();
            possessive = true;
        }
    }
    let slice = words.get(start..end)?;
    let single_common = slice.len() == 1
        && (is_title_word(first.text) || is_demonym_word(first.text))
        || slice.iter().all(|word| is_generic_word(word.text));
    if name.is_empty() || single_common || name.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let mut mention = Mention {
        kind: kind_by_shape(slice),
        name,
        extent_end: range.end,
        range,
        short: None,
        aliases: Vec::new(),
        identifiers: Vec::new(),
        possessive,
        country: None,
    };
    read_after(text, &mut mention);
    refine_kind(text, &mut mention);
    // "Pavel Ivanovich Orlov6": a footnote mark glued to a person's name.
    let trimmed = mention.name.trim_end_matches(|c: char| c.is_ascii_digit());
    let footnote = mention.name.len() - trimmed.len() <= 2
        && trimmed.ends_with(char::is_lowercase)
        && trimmed.split_whitespace().count() >= 3
        && !trimmed.chars().any(|c| c.is_ascii_digit());
    if footnote && trimmed.len() < mention.name.len() {
        let cut = mention.name.len() - trimmed.len();
        mention.name.truncate(trimmed.len());
        mention.range.end -= cut;
        mention.extent_end = mention.extent_end.max(mention.range.end);
        if let Some(words) = words.get(start..end) {
            let stripped: Vec<Word<'_>> = words
                .iter()
                .map(|word| Word {
                    text: word.text.trim_end_matches(|c: char| c.is_ascii_digit()),
                    range: word.range,
                })
                .collect();
            mention.kind = kind_by_shape(&stripped).or(mention.kind);
        }
    }
    if ship_prefix
        || mention.kind != Some(EntityKind::Vessel) && vessel_cue_before(text, mention.range.start)
    {
        mention.kind = Some(EntityKind::Vessel);
    }
    Some(mention)
}

/// The kind a name's words give.
fn kind_by_shape(slice: &[Word<'_>]) -> Option<EntityKind> {
    let capitalized: Vec<&Word<'_>> =
        slice.iter().filter(|word| is_capitalized(word.text)).collect();
    let has_org = capitalized.iter().any(|word| is_org_word(word.text));
    if has_org {
        return Some(EntityKind::Organization);
    }
    let has_digit = slice.iter().any(|word| word.text.chars().any(|c| c.is_ascii_digit()));
    let all_caps = slice
        .iter()
        .all(|word| !word.text.chars().any(char::is_lowercase) && word.text.chars().count() > 1);
    let name_words =
        slice.iter().filter(|word| is_capitalized(word.text) || is_particle(word.text));
    let count = name_words.count();
    if has_digit || (all_caps && count == 1) {
        return None;
    }
    if (2..=7).contains(&slice.len()) && count == slice.len() && !all_caps {
        return Some(EntityKind::Person);
    }
    None
}

/// Corrects the kind a name's words gave with the words around it: a
/// place-describing word before it ("Maldives-based X") or a description
/// after it (", a trading company", "is a Russian national").
fn refine_kind(text: &str, mention: &mut Mention) {
    static ORG_AFTER: OnceLock<Option<Regex>> = OnceLock::new();
    static PERSON_AFTER: OnceLock<Option<Regex>> = OnceLock::new();
    let before = text.get(..mention.range.start).unwrap_or("").trim_end();
    let place_word = before.rsplit(char::is_whitespace).next().filter(|word| {
        ["-based", "-registered", "-headquartered", "-incorporated"]
            .iter()
            .any(|s| word.ends_with(s))
    });
    if let Some(word) = place_word {
        // "Turkey-based X": the place is the entity's country.
        let place = word.rsplit_once('-').map_or(word, |(place, _)| place);
        mention.country = mention.country.or_else(|| crate::country::code_of(place));
    }
    if mention.kind == Some(EntityKind::Vessel) || mention.kind == Some(EntityKind::Organization) {
        return;
    }
    let after = text.get(mention.extent_end..).unwrap_or("");
    let org_after = ORG_AFTER
        .get_or_init(|| {
            Regex::new(r"^\s*,?\s*(?:is|was|are|were|which\s+is)?\s*(?:a|an|the)\s+(?:[\w’'-]+\s+){0,6}?(?:company|companies|firm|entity|business|group|gang|cartel|organization|organisation|network|manufacturer|supplier|distributor|exporter|importer|producer|provider|operator|subsidiary|bank|fund|brand|club|team|newspaper|outlet|platform|exchange|shipyard|enterprise|corporation|conglomerate|militia|faction|front|affiliate|dealer|wholesaler|retailer|developer|contractor|consultancy|agency|institute|laboratory|university|school|plant|factory|refinery|airline|carrier|charity|foundation|movement)\b").ok()
        })
        .as_ref()
        .is_some_and(|pattern| pattern.is_match(after));
    let person_after = PERSON_AFTER
        .get_or_init(|| {
            Regex::new(r"^\s*,?\s*(?:is|was)?\s*(?:a|an|the)\s+(?:[\w’'-]+\s+){0,3}?(?:national|citizen|businessman|businesswoman|official|director|leader|member|son|daughter|wife|husband|brother|sister|father|mother|commander|officer|chairman|president|minister|judge|prosecutor|financier|facilitator|operative|oligarch|associate|executive|founder|owner|employee|representative|broker|smuggler|trafficker|hacker|administrator|figure|politician|lawmaker|governor|mayor|general|colonel|spokesperson|advisor|adviser|relative|cousin|nephew|niece|actor|manager|coder|programmer|engineer|accountant|lawyer|attorney|banker|agent|courier|deputy|ambassador|diplomat|scientist|individual|person)\b").ok()
        })
        .as_ref()
        .is_some_and(|pattern| pattern.is_match(after));
    let first = mention.name.split_whitespace().next().unwrap_or("");
    let article = matches!(
        first,
        "Los" | "Las" | "Grupo" | "Banco" | "Compania" | "Compañía" | "Empresa" | "Sociedad"
    );
    let several_words = mention.name.split_whitespace().count() >= 2;
    // A person's description ("a Cyprus-based arms broker and network
    // associate") outweighs an organization noun further on.
    if place_word.is_some() || article {
        mention.kind = Some(EntityKind::Organization);
    } else if person_after {
        if mention.kind.is_none() && several_words {
            mention.kind = Some(EntityKind::Person);
        }
    } else if org_after {
        mention.kind = Some(EntityKind::Organization);
    }
}

/// A nationality adjective or plural standing alone ("Lebanese",
/// "Russians", "Zimbabwean").
fn is_demonym_word(word: &str) -> bool {
    let key = lower(word);
    let plural_or_adjective = ["ese", "ian", "ians", "ean", "eans", "ans", "ish", "ani", "an", "i"]
        .iter()
        .any(|ending| key.ends_with(ending));
    plural_or_adjective
        && key.len() > 4
        && (crate::country::code_of(word).is_some()
            || crate::country::mentions(word).first().is_some_and(|found| found.range.start == 0)
            || COUNTRY_STEMS.iter().any(|stem| key.starts_with(stem)))
}

/// Stems of country names whose adjectives do not begin with the name
/// ("Lebanese" for Lebanon, "Burmese" for Burma).
const COUNTRY_STEMS: &[&str] = &[
    "leban",
    "burm",
    "zimbabw",
    "moldov",
    "mexic",
    "russia",
    "chin",
    "iran",
    "syria",
    "korea",
    "venezuel",
    "nicaragu",
    "cuba",
    "belarus",
    "ukrain",
    "afghan",
    "pakistan",
    "turk",
    "emirat",
    "ethiopi",
    "sudan",
    "yemen",
    "iraq",
    "libya",
    "somali",
    "niger",
    "liberia",
    "guatemal",
    "hondur",
    "salvador",
    "colombi",
    "peru",
    "brazil",
    "argentin",
    "chile",
    "israel",
    "palestin",
    "egypt",
    "saudi",
    "qatar",
    "kuwait",
    "oman",
    "jordan",
    "maldiv",
    "cambod",
    "myanm",
    "thai",
    "vietnam",
    "filipin",
    "philippin",
    "indonesia",
    "malaysia",
    "singapor",
    "japan",
    "india",
    "kazakh",
    "uzbek",
    "kyrgyz",
    "tajik",
    "turkmen",
    "azerbaij",
    "armenia",
    "georgia",
    "serbia",
    "bosnia",
    "croatia",
    "albania",
    "european",
    "american",
    "british",
    "french",
    "german",
];

/// Reads the parenthesis and alias clause right after a mention.
fn read_after(text: &str, mention: &mut Mention) {
    static AKA: OnceLock<Option<Regex>> = OnceLock::new();
    static IMO: OnceLock<Option<Regex>> = OnceLock::new();
    let (Some(aka), Some(imo)) = (
        AKA.get_or_init(|| {
            Regex::new(r"(?i)^(?:a\.?k\.?a\.?|f\.?k\.?a\.?|n\.?k\.?a\.?|also known as|formerly known as|formerly|previously known as|also spelled)[\s,:]+").ok()
        })
        .as_ref(),
        IMO.get_or_init(|| Regex::new(r"(?i)\bIMO(?:\s*(?:number|no\.?|#))?[:\s]*([0-9]{7})\b").ok())
            .as_ref(),
    ) else {
        return;
    };
    let mut at = mention.range.end;
    // "Javad Hoshyar’s (Hoshyar) direction": the short form after a possessive.
    if mention.possessive {
        let rest = text.get(at..).unwrap_or("");
        at += rest.len() - rest.trim_start_matches(['’', '\'', 's']).len();
    }
    loop {
        let rest = text.get(at..).unwrap_or("");
        let trimmed = rest.trim_start_matches([' ', '\t']);
        let skip = rest.len() - trimmed.len();
        if let Some(inner) = trimmed.strip_prefix(['(', '（']) {
            let Some(close) = inner.find([')', '）']) else { return };
            let content = inner.get(..close).unwrap_or("").trim();
            at += skip + 1 + close + 1;
            read_parenthesis(content, mention, aka, imo);
            mention.extent_end = at;
            continue;
        }
        // ", also known as X," / ", a.k.a. X"
        let after_comma = trimmed.strip_prefix(',').map(str::trim_start);
        if let Some(clause) = after_comma.and_then(|clause| aka.find(clause).map(|m| (clause, m))) {
            let (clause, found) = clause;
            let name_text = clause.get(found.end()..).unwrap_or("");
            let name_end = name_text.find([',', ';', '(', ')']).unwrap_or(name_text.len());
            let alias = name_text.get(..name_end).unwrap_or("").trim().trim_end_matches('.');
            let word_count = alias.split_whitespace().count();
            if alias.is_empty() || !is_capitalized(alias) || word_count > 8 {
                return;
            }
            push_alias(mention, alias);
            let consumed = trimmed.len() - clause.len() + found.end() + name_end;
            at += skip + consumed;
            mention.extent_end = at;
            continue;
        }
        return;
    }
}

fn read_parenthesis(content: &str, mention: &mut Mention, aka: &Regex, imo: &Regex) {
    for captures in imo.captures_iter(content) {
        if let Some(number) = captures.get(1) {
            let identifier =
                Identifier { scheme: "IMO".to_string(), value: number.as_str().to_string() };
            if !mention.identifiers.contains(&identifier) {
                mention.identifiers.push(identifier);
            }
            mention.kind = Some(EntityKind::Vessel);
        }
    }
    if !mention.identifiers.is_empty() && imo.is_match(content) {
        return;
    }
    if let Some(found) = aka.find(content) {
        let names = content.get(found.end()..).unwrap_or("");
        for alias in names.split([';']).flat_map(|part| part.split(", a.k.a.")) {
            let alias = aka.replace(alias.trim(), "");
            let alias = alias.trim().trim_matches(['"', '“', '”', '\'']);
            if !alias.is_empty() && alias.split_whitespace().count() <= 10 {
                push_alias(mention, alias);
            }
        }
        return;
    }
    if let Some(code) = crate::country::code_of(content) {
        mention.country = mention.country.or(Some(code));
        return;
    }
    // "(Sinno)", "(OOO Markus)", "(CARR)": a short form is a few name words.
    let words: Vec<&str> = content.split_whitespace().collect();
    let short_shape = (1..=6).contains(&words.len())
        && words.iter().all(|word| {
            is_capitalized(word)
                || is_particle(word)
                || JOINERS.contains(&word.to_lowercase().as_str())
                || word.chars().next().is_some_and(|c| c.is_ascii_digit())
        })
        && is_capitalized(content);
    if short_shape && mention.short.is_none() {
        mention.short = Some(content.trim_matches(['"', '“', '”']).to_string());
    }
}

fn push_alias(mention: &mut Mention, alias: &str) {
    let alias = crate::extract::document::collapse_whitespace(alias);
    if alias != mention.name && !mention.aliases.contains(&alias) {
        mention.aliases.push(alias);
    }
}

/// Whether a ship word stands right before `at` ("the vessel SEA STAR").
fn vessel_cue_before(text: &str, at: usize) -> bool {
    let before = text.get(..at).unwrap_or("").trim_end();
    let last = before.rsplit(char::is_whitespace).next().unwrap_or("").to_lowercase();
    VESSEL_CUES.contains(&last.trim_matches(|c: char| !c.is_alphanumeric() && c != '/'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, expect: &[(&str, Option<EntityKind>)]) {
        let got: Vec<(String, Option<EntityKind>)> =
            find(text).into_iter().map(|mention| (mention.name, mention.kind)).collect();
        let expect: Vec<(String, Option<EntityKind>)> =
            expect.iter().map(|(name, kind)| (name.to_string(), *kind)).collect();
        assert_eq!(got, expect, "{text}");
    }

    const ORG: Option<EntityKind> = Some(EntityKind::Organization);
    const PERSON: Option<EntityKind> = Some(EntityKind::Person);
    const VESSEL: Option<EntityKind> = Some(EntityKind::Vessel);

    #[test]
    fn names_by_shape() {
        check(
            "Today, OFAC designated Harbor Star Shipping Pte. Ltd. and Ivan Petrovich Sidorov.",
            &[
                ("OFAC", None),
                ("Harbor Star Shipping Pte. Ltd.", ORG),
                ("Ivan Petrovich Sidorov", PERSON),
            ],
        );
        check(
            "Kestrel Electronics Co., Limited (Kestrel) is a supplier.",
            &[("Kestrel Electronics Co., Limited", ORG)],
        );
        check(
            "Norden Bank & Trust and Grupo Velas were named.",
            &[("Norden Bank & Trust", ORG), ("Grupo Velas", ORG)],
        );
        check(
            "the Council of the Federal Assembly of Ruritania",
            &[("Council of the Federal Assembly of Ruritania", ORG)],
        );
    }

    #[test]
    fn titles_and_openers_are_not_names() {
        check(
            "Russian Minister of Defense Pavel Ivanovich Orlov (Orlov) was named.",
            &[("Pavel Ivanovich Orlov", PERSON)],
        );
        check("On March 3, Alpha and Beta met.", &[("Alpha", None), ("Beta", None)]);
        check(
            "Shoigu's wife, Irina Petrovna Orlova (Irina)",
            &[("Shoigu", None), ("Irina Petrovna Orlova", PERSON)],
        );
    }

    #[test]
    fn context_words_are_not_names() {
        check("OFAC designated two Lebanese businessmen.", &[("OFAC", None)]);
        check("Ruritania’s Tern Holdings Ltd", &[("Ruritania", None), ("Tern Holdings Ltd", ORG)]);
        check("Twenty-seven vessels are blocked.", &[]);
        check("former President of Russia Pavel Orlov", &[("Pavel Orlov", PERSON)]);
        check("Kestrel Orlov, Jr., the son", &[("Kestrel Orlov, Jr.", PERSON)]);
        check("Pavel Ivanovich Orlov6 and", &[("Pavel Ivanovich Orlov", PERSON)]);
    }

    #[test]
    fn kind_from_context() {
        check(
            "Tern Orlov is a Cyprus-based arms broker and network associate.",
            &[("Tern Orlov", PERSON)],
        );
        assert_eq!(
            find("Turkey-based Anatol Ticaret Limited Sirketi").first().and_then(|m| m.country),
            Some("TR")
        );
        check("Dubai-based Designer Nest supplied it.", &[("Designer Nest", ORG)]);
        check("Blue Lantern, a trading company, sold it.", &[("Blue Lantern", ORG)]);
        check("Pavel Ternov was a manager with the group.", &[("Pavel Ternov", PERSON)]);
        check("Ilya Ternov was a central actor in the gang.", &[("Ilya Ternov", PERSON)]);
    }

    #[test]
    fn particles_stay_in_names() {
        check(
            "Kim Tae Il and Jong In Chol met.",
            &[("Kim Tae Il", PERSON), ("Jong In Chol", PERSON)],
        );
        check("Hamid al-Nasir was named.", &[("Hamid al-Nasir", PERSON)]);
        check("Abd al-Rahman bin Khalid was named.", &[("Abd al-Rahman bin Khalid", PERSON)]);
        check("Maria Lopez de Vega", &[("Maria Lopez de Vega", PERSON)]);
    }

    #[test]
    fn parentheses_give_short_forms_aliases_and_imo() {
        let found = find("Kestrel Trading LLC (a.k.a. Kestrel General Trading; f.k.a. KGT) and SEA FALCON (IMO 9123456).");
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].aliases, vec!["Kestrel General Trading", "KGT"]);
        assert_eq!(found[1].kind, VESSEL);
        assert_eq!(found[1].identifiers[0].value, "9123456");
        let found = find("Novastar Limited (Novastar) is a firm, also known as NSL.");
        assert_eq!(found[0].short.as_deref(), Some("Novastar"));
        let found = find("Center for Radio Warfare, also known as AO NRW, engages in research.");
        assert_eq!(found[0].aliases, vec!["AO NRW"]);
    }

    #[test]
    fn tables_are_sorted_for_binary_search() {
        for table in [ORG_WORDS, TITLES, OPENERS, PARTICLES] {
            assert!(table.windows(2).all(|pair| pair[0] < pair[1]), "{table:?}");
        }
    }

    #[test]
    fn vessels_by_cue() {
        check("the tanker OCEAN ROSE", &[("OCEAN ROSE", VESSEL)]);
    }
}
