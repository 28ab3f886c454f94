//! Reads the designated out of the words a trigger points at: an enumeration
//! of organizations, people and vessels ("中国的甲有限公司和乙集团(Yi Group,
//! 又称丙公司)", "KIM Il Nam, Minister of ...; Acme Trading Co., Ltd.
//! (a.k.a. Acme)", "油轮“某某”号(IMO 1234567)").
//!
//! Each piece of the enumeration is classified by how names are written:
//! organization suffixes and legal forms, surname + role for people, IMO
//! numbers and ship words for vessels. Pieces that only count ("这七人",
//! "four entities") are returned as counts; pieces that are neither are
//! dropped, since most are clauses, not names.

use std::ops::Range;
use std::sync::OnceLock;

use regex::Regex;

use crate::country;
use crate::extract::han;
use crate::model::{EntityKind, Identifier};

/// A name read from an enumeration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    /// The name as written.
    pub name: String,
    /// Byte range of the name, relative to the text given to [`read`].
    pub range: Range<usize>,
    /// What it names.
    pub kind: EntityKind,
    /// English name from a parenthesis.
    pub name_en: Option<String>,
    /// Aliases from a parenthesis (又称, a.k.a., formerly ...).
    pub aliases: Vec<String>,
    /// Role or title of a person.
    pub role: Option<String>,
    /// IMO numbers and the like.
    pub identifiers: Vec<Identifier>,
    /// Country written next to the name ("俄罗斯的", "China-based", "(Russia)").
    pub country: Option<&'static str>,
    /// End of the words that belong to this item (name, parentheses,
    /// apposition), relative like `range`.
    pub extent_end: usize,
}

/// A piece that counts the designated instead of naming them ("这七人",
/// "27艘船只", "four entities").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Count {
    /// The kind counted, if the words say.
    pub kind: Option<EntityKind>,
    /// How many.
    pub number: u32,
    /// Whether it points back at names given before ("these", "这", "上述").
    pub refers_back: bool,
}

/// What an enumeration holds.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Reading {
    /// Names, in text order.
    pub items: Vec<Item>,
    /// Counts, in text order.
    pub counts: Vec<Count>,
}

/// Reads the names and counts in `text`.
///
/// "对包括甲在内的6名官员": the names inside "包括…在内" are read on their own,
/// and so are the words before and after them.
pub fn read(text: &str) -> Reading {
    static INCLUSIVE: OnceLock<Option<Regex>> = OnceLock::new();
    let pattern = INCLUSIVE.get_or_init(|| {
        Regex::new(r"(?:包括|包含)(?P<inner>[^。；;]{1,80}?)(?:在内|在內)(?:的)?").ok()
    });
    let Some(captures) = pattern.as_ref().and_then(|pattern| pattern.captures(text)) else {
        return read_enumeration(text);
    };
    let (Some(whole), Some(inner)) = (captures.get(0), captures.name("inner")) else {
        return read_enumeration(text);
    };
    let mut reading = Reading::default();
    for part in [0..whole.start(), inner.range(), whole.end()..text.len()] {
        let Some(words) = text.get(part.clone()).filter(|words| !words.trim().is_empty()) else {
            continue;
        };
        let read_part = read(words);
        reading.items.extend(read_part.items.into_iter().map(|mut item| {
            item.range = item.range.start + part.start..item.range.end + part.start;
            item.extent_end += part.start;
            item
        }));
        reading.counts.extend(read_part.counts);
    }
    reading
}

/// Reads an enumeration piece by piece (see [`read`]).
fn read_enumeration(text: &str) -> Reading {
    let mut reading = Reading::default();
    let sectors = sector_lists(text);
    let mut pieces = split_enumeration(text, 0..text.len());
    pieces.retain(|piece| {
        !sectors.iter().any(|span| span.start <= piece.start && piece.end <= span.end)
    });
    let chinese = text.chars().any(is_han);
    let mut refers_back = false;
    let mut latin_pieces = Vec::new();
    let mut index = 0;
    while let Some(piece) = pieces.get(index) {
        index += 1;
        // "甲、乙等4名个人": the count after 等 sums up the names before it.
        let piece = if chinese { before_etc_count(text, piece.clone()) } else { piece.clone() };
        let Some(mut parsed) = parse_piece(text, piece.clone()) else { continue };
        parsed.han_context = chinese;
        // "参与某事的两家军工企业": the count may follow a description.
        let han_count = if chinese {
            han_count(text.get(piece.clone()).unwrap_or(""))
                .or_else(|| han_count(&parsed.core_text))
        } else {
            None
        };
        if let Some(mut count) = han_count.or_else(|| read_count(&parsed.core_text)) {
            refers_back |= count.refers_back;
            count.refers_back = refers_back;
            reading.counts.push(count);
            continue;
        }
        let Some(mut item) =
            classify(&parsed).or_else(|| like_sibling(&parsed, reading.items.last(), chinese))
        else {
            continue;
        };
        // "KIM Il Nam, Minister of State Security", "X Limited, a Hong
        // Kong-based front company": an apposition gives a person's role and
        // anyone's country.
        if let Some(next) = pieces.get(index) {
            let apposition = text.get(next.clone()).unwrap_or("");
            if is_role_apposition(apposition) {
                let apposition = apposition.trim().trim_end_matches(['.', ',']);
                if item.kind == EntityKind::Person && item.role.is_none() {
                    item.role = Some(apposition.to_string());
                }
                if item.country.is_none() {
                    item.country = country::mentions(apposition).first().map(|found| found.code);
                }
                item.extent_end = next.end;
                index += 1;
            }
        }
        latin_pieces.push(!text.get(piece.clone()).unwrap_or("").chars().any(is_han));
        reading.items.push(item);
    }
    if chinese {
        vessels_among_latin_names(&mut reading.items, &latin_pieces);
    }
    reading
}

/// "油轮名单还包括Ocean Dream、Sea Breeze 2和Blue Horizon": in a Chinese
/// enumeration of bare Latin names, one numbered like a vessel makes the
/// others read as people (no role, no English name) vessels too.
/// `latin_pieces` says for each item whether its piece had no Chinese.
fn vessels_among_latin_names(items: &mut [Item], latin_pieces: &[bool]) {
    let bare_latin = |item: &Item, latin: bool| latin && !item.name.chars().any(is_han);
    let vessel_listed = items
        .iter()
        .zip(latin_pieces)
        .any(|(item, &latin)| item.kind == EntityKind::Vessel && bare_latin(item, latin));
    if !vessel_listed {
        return;
    }
    for (item, &latin) in items.iter_mut().zip(latin_pieces) {
        let unsupported = item.role.is_none() && item.name_en.is_none();
        if item.kind == EntityKind::Person && unsupported && bare_latin(item, latin) {
            item.kind = EntityKind::Vessel;
        }
    }
}

/// "Alpha 1", "Ul Ji Bong 6": capitalised Latin words ending in a number,
/// as Chinese texts cite vessels.
fn is_numbered_latin_name(core: &str) -> bool {
    let words: Vec<&str> = core.split_whitespace().collect();
    words.len() >= 2
        && !core.chars().any(is_han)
        && core.chars().next().is_some_and(|c| c.is_ascii_uppercase())
        && words.last().is_some_and(|word| word.chars().all(|c| c.is_ascii_digit()))
}

/// Reads one line of a Chinese list announced before it ("被制裁的个人包括：").
///
/// A line of short names separated by "；" or "、" (no comma) gives every
/// name, organizations unless they read otherwise; any other line gives the
/// name that opens it ("某某·某某（Mou Mou），某公司董事长，…"), list numbers
/// ("一、", "3.") aside.
pub fn read_list_entry(line: &str) -> Reading {
    let body = line.trim().trim_end_matches(['。', '.', '；', ';']);
    let pieces = split_enumeration(body, 0..body.len());
    let top_level = top_level_chars(body);
    let names_only = pieces.len() >= 3
        && !top_level.iter().any(|c| matches!(c, '，' | ',' | '：' | ':' | '。'))
        && top_level.iter().any(|c| matches!(c, '；' | ';' | '、'));
    if names_only {
        let mut reading = Reading::default();
        for piece in pieces {
            let Some(mut parsed) = parse_piece(body, piece) else { continue };
            parsed.han_context = body.chars().any(is_han);
            if parsed.core_text.chars().count() > 30 || read_count(&parsed.core_text).is_some() {
                continue;
            }
            let item = classify(&parsed).or_else(|| bare_organization(&parsed));
            reading.items.extend(item);
        }
        return reading;
    }
    let numbered = list_number_end(body);
    let rest = body.get(numbered..).unwrap_or("");
    let mut depth = 0usize;
    let mut head_end = rest.len();
    for (at, c) in rest.char_indices() {
        if OPENERS.contains(&c) {
            depth += 1;
        } else if CLOSERS.contains(&c) {
            depth = depth.saturating_sub(1);
        } else if depth == 0 && matches!(c, '，' | ',' | '：' | ':' | '是' | '；' | ';') {
            head_end = at;
            break;
        }
    }
    let head = rest.get(..head_end).unwrap_or("");
    if continues_after_note(head) {
        return Reading::default();
    }
    let mut reading = read(head);
    reading.items.truncate(1);
    reading.counts.clear();
    for item in &mut reading.items {
        item.range = item.range.start + numbered..item.range.end + numbered;
        item.extent_end += numbered;
    }
    reading
}

/// "能源、金融和航空等行业": the spans of enumerations closed by a word for
/// sectors, fields or regions, which list those, not entities; each from the
/// clause's start to the closing word.
fn sector_lists(text: &str) -> Vec<Range<usize>> {
    const SECTORS: &[&str] = &[
        "行业", "行業", "领域", "領域", "部门", "部門", "产业", "產業", "国家", "國家", "地区",
        "地區", "产品", "產品", "商品", "物资", "物資",
    ];
    let mut spans = Vec::new();
    for sector in SECTORS {
        let closing = format!("等{sector}");
        for (at, _) in text.match_indices(&closing) {
            let start = text
                .get(..at)
                .and_then(|before| before.rfind(['，', ',', '。', '；', ';', '：', ':']))
                .map_or(0, |found| found + text[found..].chars().next().map_or(1, char::len_utf8));
            spans.push(start..at + closing.len());
        }
    }
    spans
}

/// The part of a Chinese piece before a closing count ("甲、乙等4名个人" →
/// the piece "乙"): `piece` itself when it does not end so, or when nothing
/// stands before 等.
fn before_etc_count(text: &str, piece: Range<usize>) -> Range<usize> {
    static ETC: OnceLock<Option<Regex>> = OnceLock::new();
    let pattern = ETC.get_or_init(|| {
        Regex::new(r"等\s*(?:[0-9]+|[一二两兩三四五六七八九十百]+)?\s*(?:名|家|个|個|位|艘|间|間)?\s*[\p{Han}]{0,6}$").ok()
    });
    let Some(words) = text.get(piece.clone()) else { return piece };
    let Some(found) = pattern.as_ref().and_then(|pattern| pattern.find(words)) else {
        return piece;
    };
    let counted = words.get(found.start()..).unwrap_or("");
    let only_etc = counted == "等";
    let counts =
        counted.chars().any(|c| c.is_ascii_digit() || "一二两兩三四五六七八九十百".contains(c))
            || count_kind(counted.trim_start_matches('等')).is_some();
    let before = words.get(..found.start()).unwrap_or("");
    if before.trim().is_empty() || !(only_etc || counts) {
        return piece;
    }
    piece.start..piece.start + found.start()
}

/// "“某某许可证”（TGL）现已失效": Chinese words after the first parenthesis
/// that are neither a legal form nor a titled name make the line a sentence.
fn continues_after_note(head: &str) -> bool {
    let Some(close) = head.find([')', '）']) else { return false };
    let rest = head.get(close..).unwrap_or("").trim_start_matches([')', '）']).trim();
    rest.chars().any(is_han) && !has_org_form(rest) && titled_name_after_note(head).is_none()
}

/// The characters of `text` outside brackets and quotes.
fn top_level_chars(text: &str) -> Vec<char> {
    let mut depth = 0usize;
    let mut chars = Vec::new();
    for c in text.chars() {
        if OPENERS.contains(&c) {
            depth += 1;
        } else if CLOSERS.contains(&c) {
            depth = depth.saturating_sub(1);
        } else if depth == 0 {
            chars.push(c);
        }
    }
    chars
}

/// Where a list number ("一、", "12.", "(3)") opening `text` ends.
fn list_number_end(text: &str) -> usize {
    static NUMBER: OnceLock<Option<Regex>> = OnceLock::new();
    let pattern = NUMBER.get_or_init(|| {
        Regex::new(r"^\s*(?:[0-9]+[.、．]|[一二三四五六七八九十]+、|[（(][0-9一二三四五六七八九十]+[）)])\s*").ok()
    });
    pattern.as_ref().and_then(|pattern| pattern.find(text)).map_or(0, |found| found.end())
}

/// A short name in a list of names that no suffix marks: an organization.
fn bare_organization(piece: &Piece) -> Option<Item> {
    let core = piece.core_text.trim();
    let plausible = core.chars().count() >= 2
        && !is_generic(core)
        && !is_designator(core)
        && country::code_of(core).is_none()
        && !is_title(core);
    if !plausible {
        return None;
    }
    let notes = read_notes(&piece.notes);
    Some(Item {
        name: core.to_string(),
        range: piece.core.clone(),
        kind: EntityKind::Organization,
        name_en: notes.name_en,
        aliases: notes.aliases,
        role: None,
        identifiers: Vec::new(),
        country: notes.country.or(piece.country),
        extent_end: piece.end,
    })
}

/// "议员甲某、乙某", "油轮Alpha 1、Beta 2": in a Chinese enumeration a bare
/// name after a person is a person too, and a Latin name ending in a number
/// after a vessel is a vessel too.
fn like_sibling(piece: &Piece, previous: Option<&Item>, han_context: bool) -> Option<Item> {
    let previous = previous?;
    let core = piece.core_text.trim();
    let kind = match previous.kind {
        EntityKind::Person
            if han_context && (han::is_short_name(core) || is_romanized_person(core)) =>
        {
            EntityKind::Person
        }
        EntityKind::Vessel if han_context && is_numbered_latin_name(core) => EntityKind::Vessel,
        _ => return None,
    };
    if is_designator(core) || country::code_of(core).is_some() || is_generic(core) {
        return None;
    }
    let notes = read_notes(&piece.notes);
    Some(Item {
        name: core.to_string(),
        range: piece.core.clone(),
        kind,
        name_en: notes.name_en,
        aliases: notes.aliases,
        role: notes.role,
        identifiers: imo_numbers(&piece.whole),
        country: notes.country.or(piece.country),
        extent_end: piece.end,
    })
}

/// "两家某国军工企业", "以下38家关联公司", "五间银行": a Chinese piece that opens
/// with a number and a classifier counts, unless a quoted or Latin name
/// follows ("一家公司“某某科技”").
fn han_count(piece: &str) -> Option<Count> {
    static COUNTED: OnceLock<Option<Regex>> = OnceLock::new();
    let pattern = COUNTED.get_or_init(|| {
        Regex::new(r"^\s*(?:以及|及|和|并|並|还有|還有|另有|其中)?\s*(?P<back>这|這|该|該|上述|以上|以下|另外)?\s*(?P<number>[0-9]+|[一二两兩三四五六七八九十百]+)\s*(?:家|间|間|个|個|名|位|艘|条|條)").ok()
    });
    let captures = pattern.as_ref()?.captures(piece)?;
    if piece.contains(['“', '「', '"', '—']) || piece.chars().any(|c| c.is_ascii_uppercase()) {
        return None;
    }
    let number = parse_number(captures.name("number")?.as_str())?;
    let rest = piece.get(captures.get(0)?.end()..).unwrap_or("");
    let kind = if rest.contains(['船', '艘', '轮', '輪']) {
        EntityKind::Vessel
    } else if ["人", "官员", "官員", "男子", "女子", "议员", "議員", "成员", "成員", "寡头", "寡頭"]
        .iter()
        .any(|word| rest.contains(word))
    {
        EntityKind::Person
    } else {
        EntityKind::Organization
    };
    let refers_back = captures.name("back").is_some_and(|back| back.as_str() != "以下");
    Some(Count { kind: Some(kind), number, refers_back })
}

/// A piece with its parentheticals taken apart.
#[derive(Debug)]
struct Piece {
    /// The name part, prefixes and country phrase removed.
    core: Range<usize>,
    core_text: String,
    /// Parenthesised texts after the name.
    notes: Vec<String>,
    /// The whole piece, for vessel and IMO cues.
    whole: String,
    /// Country written before the name ("俄罗斯的", "China-based").
    country: Option<&'static str>,
    /// End of the whole piece.
    end: usize,
    /// Whether the piece stands in Chinese text, where a Latin name of a
    /// person's shape names a person even without capitals or a role.
    han_context: bool,
}

const OPENERS: &[char] = &['(', '（', '《', '“', '「', '[', '【', '‘'];
const CLOSERS: &[char] = &[')', '）', '》', '”', '」', ']', '】', '’'];

/// Splits an enumeration at separators outside brackets and quotes.
fn split_enumeration(text: &str, range: Range<usize>) -> Vec<Range<usize>> {
    static SEPARATOR: OnceLock<Option<Regex>> = OnceLock::new();
    let separator = SEPARATOR.get_or_init(|| {
        Regex::new(
            r"(?i)^(?:以及|及其|、|，|,|；|;|和|及|与|與|并对|並對|\s+and\s+|\s+as well as\s+)",
        )
        .ok()
    });
    let Some(separator) = separator else { return vec![range] };
    let mut pieces = Vec::new();
    let mut depth = 0usize;
    let mut start = range.start;
    let mut at = range.start;
    while at < range.end {
        let Some(rest) = text.get(at..range.end) else { break };
        let Some(c) = rest.chars().next() else { break };
        // "四名公民——甲、乙": a Chinese dash before names separates them.
        if depth == 0 && rest.starts_with("——") {
            let after = rest.trim_start_matches('—');
            if after.chars().next().is_some_and(|next| is_han(next) || next.is_ascii_uppercase()) {
                pieces.push(start..at);
                at += rest.len() - after.len();
                start = at;
                continue;
            }
        }
        if OPENERS.contains(&c) {
            depth += 1;
        } else if CLOSERS.contains(&c) {
            depth = depth.saturating_sub(1);
        } else if depth == 0 {
            if let Some(found) = separator.find(rest) {
                let after = rest.get(found.end()..).unwrap_or("");
                let keeps_legal_form =
                    matches!(found.as_str().trim(), "," | "，") && starts_with_legal_form(after);
                // 与, 和 and 及 are also name characters (金与正): a conjunction
                // leaves a whole word on each side.
                let inside_name = matches!(found.as_str(), "和" | "及" | "与" | "與")
                    && (lone_name_character(text.get(start..at).unwrap_or(""))
                        || han_run_after(after) == 1
                        || joins_name_words(
                            text.get(start..at).unwrap_or(""),
                            after,
                            found.as_str(),
                        ));
                if !keeps_legal_form && !inside_name {
                    pieces.push(start..at);
                    at += found.end();
                    start = at;
                    continue;
                }
            }
        }
        at += c.len_utf8();
    }
    pieces.push(start..range.end);
    pieces.retain(|piece| text.get(piece.clone()).is_some_and(|t| !t.trim().is_empty()));
    pieces
}

/// "某理事会政治与安全委员会": 与 or 和 between a left side that names
/// nothing by itself (no suffix, no person, no country) and an organization
/// word joins the words of one name.
fn joins_name_words(before: &str, after: &str, conjunction: &str) -> bool {
    if conjunction == "及" || han_run_before(before) < 2 {
        return false;
    }
    let left = before.trim();
    let left = left.rsplit('的').next().unwrap_or(left);
    let right: String = after.chars().take_while(|c| is_han(*c)).collect();
    let country_ends_left =
        country::mentions(left).last().is_some_and(|found| found.range.end == left.len());
    !has_org_form(left)
        && !country_ends_left
        && han::person_start(left).is_none()
        && !han::is_short_name(left)
        && left.chars().count() > 4
        && has_org_form(&right)
}

/// Whether `text` ends in a lone Han character that may go on into a name
/// ("金与正"), not one counted by a number before it ("15人及") or closing a
/// quoted name ("“某某”号和").
fn lone_name_character(text: &str) -> bool {
    let counted_or_quoted = text.trim_end().chars().rev().nth(1).is_some_and(|c| {
        c.is_ascii_digit() || "一二两兩三四五六七八九十百".contains(c) || CLOSERS.contains(&c)
    });
    han_run_before(text) == 1 && !counted_or_quoted
}

/// How many Han characters end `text` (1 means a lone character).
fn han_run_before(text: &str) -> usize {
    text.chars().rev().take_while(|c| is_han(*c)).count()
}

/// How many Han characters open `text`, up to a bracket or separator.
fn han_run_after(text: &str) -> usize {
    text.chars().take_while(|c| is_han(*c) && !matches!(c, '和' | '及' | '与' | '與')).count()
}

/// Whether `rest` (after a comma) starts with a legal form that belongs to
/// the name before it ("Co., Ltd.", ", Inc.", ", LLC").
fn starts_with_legal_form(rest: &str) -> bool {
    let word: String = rest
        .trim_start()
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '.')
        .collect::<String>()
        .to_lowercase();
    matches!(
        word.trim_end_matches('.'),
        "ltd"
            | "limited"
            | "inc"
            | "llc"
            | "llp"
            | "lp"
            | "plc"
            | "s.a"
            | "sa"
            | "ag"
            | "gmbh"
            | "pte"
            | "jsc"
            | "co"
            | "corp"
    )
}

/// Words before a name that belong to the sentence, not the name.
const LEADING_WORDS: &[&str] = &[
    "以及",
    "及其",
    "并对",
    "並對",
    "还对",
    "還對",
    "对",
    "對",
    "将",
    "將",
    "把",
    "向",
    "了",
    "即",
    "包括",
    "其中",
    "指出",
    "以下",
    "如下",
    "还有",
    "還有",
    "并",
    "並",
    "和",
    "及",
    "与",
    "與",
    "等",
    "例如",
    "比如",
    "诸如",
    "諸如",
    "譬如",
    "如",
    "位于",
    "位於",
    "the following",
    "following",
    "also",
    "and",
    "as well as",
    "including",
    "namely",
    "the",
    "entities",
    "individuals",
    "vessels",
    "companies",
];

/// Separates the name from parentheticals, leading words and a country phrase.
fn parse_piece(text: &str, range: Range<usize>) -> Option<Piece> {
    let whole = text.get(range.clone())?.to_string();
    // The name ends where the first parenthesis opens, or at a dash
    // ("Ocean Glory Maritime Ltd. — address: Apia").
    let mut name_end = [" — ", " – ", " - ", "—"]
        .iter()
        .filter_map(|dash| whole.find(dash))
        .min()
        .map_or(range.end, |at| range.start + at);
    let mut notes = Vec::new();
    let mut depth = 0usize;
    let mut note_start = 0;
    for (offset, c) in whole.char_indices() {
        if c == '(' || c == '（' {
            if depth == 0 {
                name_end = name_end.min(range.start + offset);
                note_start = offset + c.len_utf8();
            }
            depth += 1;
        } else if (c == ')' || c == '）') && depth > 0 {
            depth -= 1;
            if depth == 0 {
                notes.push(whole.get(note_start..offset).unwrap_or("").trim().to_string());
            }
        }
    }
    let mut start = range.start;
    if let Some(titled) = titled_name_after_note(&whole) {
        start = range.start + titled.start;
        name_end = range.start + titled.end;
        if !notes.is_empty() {
            notes.remove(0);
        }
    }
    let mut country = None;
    // "中华人民共和国的X" / "位于俄罗斯的X": the name follows the last 的;
    // "甲公司的侵权行为": unless the words after it name nothing and the
    // words before it end in an organization.
    while let Some(head) = text.get(start..name_end) {
        let Some(last_de) = head.rfind('的') else { break };
        let before = head.get(..last_de).unwrap_or("");
        let after = head.get(last_de + '的'.len_utf8()..).unwrap_or("");
        if names_nothing(after) && has_org_form(before) {
            name_end = start + last_de;
            continue;
        }
        country = country::mentions(before).last().map(|found| found.code);
        start += last_de + '的'.len_utf8();
        break;
    }
    // "China-based X", "Russia-based X".
    if let Some(head) = text.get(start..name_end) {
        static BASED: OnceLock<Option<Regex>> = OnceLock::new();
        let based = BASED.get_or_init(|| Regex::new(r"(?i)^\s*(?:an?\s+)?([A-Z][A-Za-z .']{1,40}?)-based\s+(?:(?:front\s+)?(?:company|entity|firm|individual|person|vessel)\s+)?").ok());
        if let Some(captures) = based.as_ref().and_then(|based| based.captures(head)) {
            country = captures.get(1).and_then(|name| country::code_of(name.as_str())).or(country);
            start += captures.get(0).map_or(0, |whole| whole.end());
        }
    }
    let (start, end) = trim_name(text, start, name_end);
    let core_text = text.get(start..end)?.to_string();
    if core_text.is_empty() {
        return None;
    }
    Some(Piece {
        core: start..end,
        core_text,
        notes,
        whole,
        country,
        end: range.end,
        han_context: false,
    })
}

/// Whether Chinese words after 的 name an act or a thing that belongs to
/// the organization before it ("侵权行为", "海外资产"), not an entity.
fn names_nothing(words: &str) -> bool {
    const BELONGINGS: &[&str] = &[
        "行为", "行為", "活动", "活動", "行动", "行動", "资产", "資產", "财产", "財產", "交易",
        "业务", "業務", "利益", "项目", "項目", "产品", "產品",
    ];
    let words = words.trim();
    words.chars().all(is_han)
        && !words.chars().any(|c| "一二两兩三四五六七八九十百".contains(c))
        && BELONGINGS.iter().any(|word| words.ends_with(word))
}

/// "某航空公司（Mou Air）执行长某某（Mou Mou）": where the title and name after
/// the first parenthesis are, when they name a person; the words before
/// that parenthesis only say whom the person works for.
fn titled_name_after_note(whole: &str) -> Option<Range<usize>> {
    if !whole.chars().any(is_han) {
        return None;
    }
    let open = whole.find(['(', '（'])?;
    let mut depth = 0usize;
    let mut close = None;
    for (at, c) in whole.char_indices().skip_while(|(at, _)| *at < open) {
        match c {
            '(' | '（' => depth += 1,
            ')' | '）' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    close = Some(at + c.len_utf8());
                    break;
                }
            }
            _ => {}
        }
    }
    let after = close?;
    let rest = whole.get(after..)?;
    let end = after + rest.find(['(', '（']).unwrap_or(rest.len());
    let between = whole.get(after..end)?;
    let titled = han::person_start(between).is_some_and(|at| at.title.is_some() && at.name > 0)
        || han::title_opening(between).is_some_and(|title| between.len() > title);
    (titled && between.chars().all(|c| is_han(c) || han::NAME_JOINERS.contains(&c)))
        .then_some(after..end)
}

/// Trims whitespace, quotes, trailing punctuation and leading sentence words.
fn trim_name(text: &str, mut start: usize, mut end: usize) -> (usize, usize) {
    loop {
        let Some(piece) = text.get(start..end) else { return (start, start) };
        let trimmed_start = piece.trim_start_matches(|c: char| {
            c.is_whitespace()
                || matches!(
                    c,
                    '“' | '"' | '「' | '‘' | '\'' | '：' | ':' | '-' | '–' | '•' | '*' | ']' | '】'
                )
        });
        start += piece.len() - trimmed_start.len();
        let lower = trimmed_start.to_lowercase();
        let leading = LEADING_WORDS.iter().find(|word| {
            lower.starts_with(*word)
                && (!word.is_ascii()
                    || lower[word.len()..].starts_with(|c: char| c.is_whitespace() || c == ':'))
        });
        match leading {
            Some(word) if trimmed_start.len() > word.len() => start += word.len(),
            _ => break,
        }
    }
    if let Some(piece) = text.get(start..end) {
        let trimmed = piece.trim_end_matches(|c: char| {
            c.is_whitespace()
                || matches!(c, '。' | '”' | '"' | '」' | '’' | ':' | '：' | ',' | '，' | '-' | '–')
                || (c == '.' && !ends_with_abbreviation(piece))
        });
        end = start + trimmed.len();
    }
    (start, end)
}

fn ends_with_abbreviation(piece: &str) -> bool {
    let lower = piece.trim_end().to_lowercase();
    ["co.", "ltd.", "inc.", "corp.", "s.a.", "jsc.", "llc.", "pte.", "bros."]
        .iter()
        .any(|a| lower.ends_with(a))
}

/// Reads a counting piece: "这七人", "两个机构", "27艘船只", "four entities".
fn read_count(core: &str) -> Option<Count> {
    static COUNT: OnceLock<Option<Regex>> = OnceLock::new();
    let pattern = COUNT.get_or_init(|| {
        Regex::new(r"(?i)(?:^|[^0-9A-Za-z一二两兩三四五六七八九十百])(?P<back>这|這|该|該|上述|以上|此|these|those|the above|all)?\s*(?:新的?)?(?P<number>[0-9]+|[一二两兩三四五六七八九十百]+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty)\s*(?:个|個|家|名|艘|位|项|項|条|條)?\s*(?:新的?|additional|new|other|more)?\s*(?:联合国|聯合國|朝鲜|北朝鲜|中国|俄罗斯|伊朗|\p{Lu}[a-z]+-based\s+)?(?P<what>[\p{Han}A-Za-z ]{0,30})$").ok()
    });
    let core = core.trim();
    if let Some(noun) = VAGUE.iter().find_map(|word| core.strip_prefix(word)) {
        // "多家中国企业", "several companies": a count without a number.
        if is_generic(noun.trim()) {
            return Some(Count { kind: None, number: 0, refers_back: false });
        }
    }
    if let Some(noun) = DEMONSTRATIVES.iter().find_map(|word| core.strip_prefix(word)) {
        // "这些外国实体", "these entities": names given before, not counted again.
        let noun = noun.trim_start_matches(|c: char| {
            c.is_whitespace() || "外国外國新的其他foreignewothr ".contains(c)
        });
        if let Some(kind) = count_kind(&noun.to_lowercase()) {
            return Some(Count { kind, number: 0, refers_back: true });
        }
    }
    let captures = pattern.as_ref()?.captures(core)?;
    let what = captures.name("what").map_or("", |m| m.as_str()).trim().to_lowercase();
    let kind = count_kind(&what)?;
    let number = parse_number(captures.name("number")?.as_str())?;
    Some(Count { kind, number, refers_back: captures.name("back").is_some() })
}

const VAGUE: &[&str] = &[
    "多家",
    "多个",
    "多個",
    "多名",
    "数家",
    "數家",
    "若干",
    "一些",
    "several ",
    "multiple ",
    "many ",
    "numerous ",
];

const DEMONSTRATIVES: &[&str] = &["这些", "這些", "上述", "该等", "these ", "those ", "such "];

/// The kind a counted noun names; `Some(None)` for "designations" and the
/// like, `None` when the noun is not a count of the designated at all.
fn count_kind(noun: &str) -> Option<Option<EntityKind>> {
    const PEOPLE: &[&str] = &[
        "人",
        "个人",
        "個人",
        "人士",
        "官员",
        "官員",
        "名个人",
        "individual",
        "individuals",
        "person",
        "persons",
        "people",
        "officials",
    ];
    const VESSELS: &[&str] = &[
        "船", "船只", "船隻", "船舶", "油轮", "油輪", "vessel", "vessels", "ship", "ships",
        "tankers",
    ];
    const ORGS: &[&str] = &[
        "实体",
        "實體",
        "机构",
        "機構",
        "公司",
        "企业",
        "企業",
        "航运公司",
        "航運公司",
        "银行",
        "銀行",
        "entity",
        "entities",
        "company",
        "companies",
        "organization",
        "organizations",
        "firms",
        "banks",
        "shipping companies",
        "institutions",
    ];
    const ANY: &[&str] = &[
        "指控",
        "指认",
        "指認",
        "认定",
        "認定",
        "designations",
        "designation",
        "listings",
        "entries",
        "targets",
    ];
    let noun = noun.trim();
    if PEOPLE.contains(&noun) {
        Some(Some(EntityKind::Person))
    } else if VESSELS.contains(&noun) {
        Some(Some(EntityKind::Vessel))
    } else if ORGS.contains(&noun) {
        Some(Some(EntityKind::Organization))
    } else if ANY.contains(&noun) {
        Some(None)
    } else {
        None
    }
}

/// Parses digits, Chinese numerals up to 999 and English number words.
pub fn parse_number(text: &str) -> Option<u32> {
    if let Ok(number) = text.parse() {
        return Some(number);
    }
    const WORDS: &[&str] = &[
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
        "twenty",
    ];
    if let Some(position) = WORDS.iter().position(|word| text.eq_ignore_ascii_case(word)) {
        return u32::try_from(position).ok();
    }
    let digit = |c: char| {
        "零一二三四五六七八九".chars().position(|d| d == c).or(match c {
            '两' | '兩' => Some(2),
            _ => None,
        })
    };
    let mut total = 0u32;
    let mut current = 0u32;
    for c in text.chars() {
        match c {
            '百' => {
                total += current.max(1) * 100;
                current = 0;
            }
            '十' => {
                total += current.max(1) * 10;
                current = 0;
            }
            _ => current = u32::try_from(digit(c)?).ok()?,
        }
    }
    Some(total + current)
}

/// Decides what a piece names, if anything.
fn classify(piece: &Piece) -> Option<Item> {
    let core = piece.core_text.as_str();
    if is_designator(core) || country::code_of(core).is_some() || is_title(core) || is_generic(core)
    {
        return None;
    }
    let identifiers = imo_numbers(&piece.whole);
    let notes = read_notes(&piece.notes);
    let mut item = Item {
        name: core.to_string(),
        range: piece.core.clone(),
        kind: EntityKind::Organization,
        name_en: notes.name_en,
        aliases: notes.aliases,
        role: notes.role,
        identifiers,
        country: notes.country.or(piece.country),
        extent_end: piece.end,
    };
    if piece.whole.chars().any(is_han) {
        // "某部长某某（Mou Mou）的女婿": the name only says whose relative it is.
        if ["）的", ")的"].iter().any(|mark| piece.whole.contains(mark)) {
            return None;
        }
        if let Some(item) = classify_han(piece, item.clone()) {
            return Some(item);
        }
    }
    if !item.identifiers.is_empty() || is_vessel_name(core, &piece.whole) {
        item.kind = EntityKind::Vessel;
        item.name = strip_vessel_words(core);
        return (!item.name.is_empty()).then_some(item);
    }
    if has_org_form(core) {
        return Some(item);
    }
    if piece.han_context && is_numbered_latin_name(core) {
        item.kind = EntityKind::Vessel;
        return Some(item);
    }
    let support = item.role.is_some()
        || item.name_en.is_some()
        || (piece.han_context && is_romanized_person(core));
    if let Some(offset) = person_name_start(core, support) {
        item.kind = EntityKind::Person;
        item.name = core.get(offset..).unwrap_or(core).to_string();
        // "驻沈阳代表朴成哲": the words before the name are the person's title.
        let prefix = core.get(..offset).unwrap_or("");
        if item.role.is_none() && is_title(prefix) {
            item.role = Some(prefix.to_string());
        }
        item.range = piece.core.start + offset..piece.core.end;
        return Some(item);
    }
    None
}

/// "Pak Chol Su", "Anna Smith" in a Chinese list: two to four capitalised
/// Latin words, not all in capitals ("SEA STAR" is rather a vessel).
fn is_romanized_person(core: &str) -> bool {
    let org_word =
        core.split_whitespace().any(|word| LATIN_ORG_WORDS.contains(&word.to_lowercase().as_str()));
    han::is_latin_person(core) && core.chars().any(|c| c.is_ascii_lowercase()) && !org_word
}

/// Reads a piece written in Chinese: a vessel named in quotes or in Latin
/// after a ship word, a person after a title or with a transliterated name,
/// an organization with the country and category glued before it removed,
/// a Latin name inside Chinese. `None` leaves the piece to the general rules.
fn classify_han(piece: &Piece, mut item: Item) -> Option<Item> {
    let core = piece.core_text.as_str();
    let ship_word =
        HAN_SHIP_WORDS.iter().find_map(|word| piece.whole.find(word).map(|at| (at, *word)));
    // "“某某”号" names a ship even without a ship word.
    let ship_word = ship_word.or_else(|| quoted_ship_name(&piece.whole).then_some((0, "")));
    if let Some((ship_at, word)) = ship_word {
        let name = han_vessel_name(&piece.whole, ship_at + word.len());
        if let Some((name, alias)) = name {
            item.kind = EntityKind::Vessel;
            item.name = name;
            if let Some(alias) = alias {
                item.aliases.insert(0, alias);
            }
            return Some(item);
        }
    }
    if let Some(inner) = han::quoted(core) {
        let quoted = core.get(inner.clone())?.trim();
        let before =
            core.get(..inner.start).unwrap_or("").trim_end_matches(['“', '「', '"', '‘', '《']);
        if han::ends_with_category(before)
            || (has_org_form(quoted) && !quoted.chars().any(|c| c.is_ascii_alphabetic()))
        {
            item.name = quoted.to_string();
            item.range = piece.core.start + inner.start..piece.core.start + inner.end;
            return Some(item);
        }
    }
    if let Some(at) = han::person_start(core) {
        let name = core.get(at.name..)?.trim();
        let prefix = core.get(..at.name).unwrap_or("").trim();
        if !has_org_form(name) && !is_designator(name) {
            item.kind = EntityKind::Person;
            item.name = name.to_string();
            item.range = piece.core.start + at.name..piece.core.end;
            if item.role.is_none() && at.title.is_some() && !prefix.is_empty() {
                item.role = Some(prefix.to_string());
            }
            return Some(item);
        }
    }
    // "尼古拉托卡列夫（Nikolai Tokarev）": a transliteration without joiners,
    // backed by the person's Latin name.
    let backed = item.name_en.as_deref().is_some_and(han::is_latin_person);
    if backed && han::is_transliterated_run(core) {
        item.kind = EntityKind::Person;
        return Some(item);
    }
    if has_org_form(core) {
        let glued = han::glued_prefix_end(core);
        let own = core.get(glued..).unwrap_or(core);
        let country_end = han::leading_country_end(own);
        let bare = own.get(country_end..).unwrap_or(own);
        // Registered names keep their place ("某地某某有限公司").
        let registered = ["有限公司", "有限责任公司", "有限責任公司", "股份公司"]
            .iter()
            .any(|form| own.ends_with(form));
        let (start, name) =
            if country_end > 0 && !registered && has_org_form(bare) && bare.chars().count() >= 4 {
                (glued + country_end, bare)
            } else {
                (glued, own)
            };
        if start > 0 {
            let full = core.get(glued..).unwrap_or(core).to_string();
            if full != name {
                item.aliases.push(full);
            }
            item.name = name.to_string();
            item.range = piece.core.start + start..piece.core.end;
        }
        return Some(item);
    }
    if let Some(run) = han::latin_run(core) {
        let latin = core.get(run.clone())?.trim();
        let whole_name = core.get(run.start..)?.trim();
        item.range = piece.core.start + run.start..piece.core.end;
        if has_org_form(latin) || has_org_form(whole_name) {
            item.name = if has_org_form(latin) { latin } else { whole_name }.to_string();
            if whole_name != item.name {
                item.aliases.push(whole_name.to_string());
            } else if latin != whole_name {
                item.aliases.push(latin.to_string());
            }
            return Some(item);
        }
        if han::is_latin_person(latin) && latin == whole_name {
            item.kind = EntityKind::Person;
            item.name = latin.to_string();
            return Some(item);
        }
    }
    None
}

/// Ship words of Chinese texts.
const HAN_SHIP_WORDS: &[&str] = &[
    "油轮", "油輪", "货轮", "貨輪", "货船", "貨船", "船只", "船隻", "船舶", "游艇", "遊艇", "商船",
];

/// The name of a vessel after (or around) a ship word: the quoted name, or
/// the Latin name that follows; with the Latin name in parentheses inside
/// the quotes as an alias.
fn han_vessel_name(whole: &str, after_word: usize) -> Option<(String, Option<String>)> {
    if let Some(inner) = han::quoted(whole) {
        let inner_end = inner.end;
        let text = whole.get(inner)?;
        let (name, alias) = match text.find(['(', '（']) {
            Some(open) => {
                let alias = text.get(open..)?.trim_matches(|c: char| {
                    matches!(c, '(' | '（' | ')' | '）') || c.is_whitespace()
                });
                (text.get(..open)?, (!alias.is_empty()).then(|| alias.to_string()))
            }
            None => (text, None),
        };
        let name = name.trim();
        // "“某某”号": the name keeps its 号, the bare name is an alias.
        let after_quote =
            whole.get(inner_end..).unwrap_or("").trim_start_matches(['”', '」', '"', '’', ' ']);
        let mark = ["号", "號"].iter().find(|mark| after_quote.starts_with(*mark));
        if let Some(mark) = mark {
            let alias = alias.or_else(|| Some(name.to_string()));
            return (!name.is_empty()).then(|| (format!("{name}{mark}"), alias));
        }
        return (!name.is_empty()).then(|| (name.to_string(), alias));
    }
    let rest = whole.get(after_word..)?;
    let trimmed = rest.trim_start();
    if !trimmed.chars().next().is_some_and(|c| c.is_ascii_uppercase()) {
        return None;
    }
    let end = trimmed
        .find(|c: char| !(c.is_ascii_alphanumeric() || " .-'".contains(c)))
        .unwrap_or(trimmed.len());
    let name = trimmed.get(..end)?.trim();
    (name.chars().filter(char::is_ascii_alphabetic).count() >= 2).then(|| (name.to_string(), None))
}

/// Whether a quoted name is followed by 号 ("“远望”号").
fn quoted_ship_name(whole: &str) -> bool {
    han::quoted(whole).is_some_and(|inner| {
        whole
            .get(inner.end..)
            .unwrap_or("")
            .trim_start_matches(['”', '」', '"', '’', ' '])
            .starts_with(['号', '號'])
    })
}

/// What parentheses after a name say.
#[derive(Debug, Default)]
struct Notes {
    name_en: Option<String>,
    aliases: Vec<String>,
    role: Option<String>,
    country: Option<&'static str>,
}

fn read_notes(notes: &[String]) -> Notes {
    static ALIAS_MARKER: OnceLock<Option<Regex>> = OnceLock::new();
    let marker = ALIAS_MARKER.get_or_init(|| {
        Regex::new(r"(?i)(?:又称|又稱|又名|亦称|亦稱|也称|也稱|也叫|别称|別稱|原名|前称|前稱|曾用名|简称|簡稱|\ba\.?k\.?a\.?|\bf\.?k\.?a\.?|also known as|formerly known as|formerly|previously known as|d\.?b\.?a\.?)[:：\s]*").ok()
    });
    let mut read = Notes::default();
    for note in notes {
        let (head, aliases) = match marker.as_ref().and_then(|marker| marker.find(note)) {
            Some(found) => {
                (note.get(..found.start()).unwrap_or(""), note.get(found.end()..).unwrap_or(""))
            }
            None => (note.as_str(), ""),
        };
        let head = head.trim().trim_end_matches([',', '，', ';', '；']).trim();
        if !head.is_empty() {
            if let Some(code) = country::code_of(head) {
                read.country = read.country.or(Some(code));
            } else if imo_numbers(head).is_empty() {
                if is_title(head) {
                    read.role = read.role.or(Some(head.to_string()));
                } else if head.chars().any(|c| c.is_ascii_alphabetic()) && !head.chars().any(is_han)
                {
                    if read.name_en.is_none() {
                        read.name_en = Some(head.to_string());
                    } else {
                        read.aliases.push(head.to_string());
                    }
                }
            }
        }
        for alias_range in split_enumeration(aliases, 0..aliases.len()) {
            let Some(alias) = aliases.get(alias_range) else { continue };
            let alias = alias.trim().trim_matches(['\'', '"', '“', '”']).trim();
            let alias =
                if ends_with_abbreviation(alias) { alias } else { alias.trim_end_matches('.') };
            if alias.is_empty() {
                continue;
            }
            read.aliases.push(alias.to_string());
            if let Some(english) = english_legal_form(alias) {
                read.aliases.push(english);
            }
        }
    }
    read
}

/// "Santers控股公司" → "Santers Holding": a Latin name with a Chinese legal
/// form gets the English form as a further alias.
fn english_legal_form(alias: &str) -> Option<String> {
    const FORMS: &[(&str, &str)] = &[
        ("有限责任公司", "LLC"),
        ("有限公司", "Co., Ltd."),
        ("股份公司", "Joint Stock Company"),
        ("控股公司", "Holding"),
        ("集团公司", "Group Company"),
        ("贸易公司", "Trading Company"),
        ("航运公司", "Shipping Company"),
        ("公司", "Company"),
        ("集团", "Group"),
        ("集團", "Group"),
        ("银行", "Bank"),
        ("銀行", "Bank"),
        ("股份", "Joint Stock Company"),
    ];
    let (stem, english) = FORMS
        .iter()
        .find_map(|(form, english)| alias.strip_suffix(form).map(|stem| (stem.trim(), *english)))?;
    let latin = !stem.is_empty() && stem.chars().all(|c| c.is_ascii() && !c.is_ascii_control());
    latin.then(|| format!("{stem} {english}"))
}

/// "中国企业", "所谓实体", "foreign companies": a kind of entity, not a name.
fn is_generic(core: &str) -> bool {
    const GENERIC: &[&str] = &[
        "企业",
        "企業",
        "公司",
        "实体",
        "實體",
        "机构",
        "機構",
        "个人",
        "個人",
        "人士",
        "银行",
        "銀行",
        "船只",
        "船隻",
        "官员",
        "官員",
        "companies",
        "entities",
        "individuals",
        "persons",
        "banks",
        "vessels",
        "firms",
    ];
    let lower = core.to_lowercase();
    let mut rest = lower.trim_start_matches("所谓").trim_start_matches("所謂").trim();
    if let Some(found) = country::mentions(rest).first().filter(|found| found.range.start == 0) {
        rest = rest.get(found.range.end..).unwrap_or("").trim();
    }
    let rest =
        rest.trim_start_matches("foreign ").trim_start_matches("外国").trim_start_matches("外國");
    // "有关机构", "某组织相關實體": a kind, not a name.
    let rest = ["有关", "有關", "相关", "相關"]
        .iter()
        .filter_map(|word| rest.rfind(word).map(|at| &rest[at + word.len()..]))
        .find(|kind| GENERIC.contains(kind))
        .unwrap_or(rest);
    // "军工企业", "科技公司": an industry and a kind, not a name.
    let industry_kind = INDUSTRIES
        .iter()
        .any(|industry| rest.strip_prefix(industry).is_some_and(|kind| GENERIC.contains(&kind)));
    if industry_kind {
        return true;
    }
    // "某集团关联公司", "其子公司": a relation, not a name.
    const RELATIONS: &[&str] = &[
        "关联公司",
        "關聯公司",
        "关联企业",
        "關聯企業",
        "关联实体",
        "關聯實體",
        "附属公司",
        "附屬公司",
        "附属机构",
        "附屬機構",
    ];
    let subsidiary = ["子公司", "其子公司"].contains(&rest);
    rest.is_empty()
        || subsidiary
        || GENERIC.contains(&rest)
        || RELATIONS.iter().any(|word| rest.ends_with(word))
}

/// Industries that, with a kind of entity after them, describe companies
/// ("军工企业", "航运公司") instead of naming one.
const INDUSTRIES: &[&str] = &[
    "军工",
    "軍工",
    "军火",
    "軍火",
    "国防",
    "國防",
    "科技",
    "高科技",
    "航运",
    "航運",
    "船运",
    "船運",
    "能源",
    "石油",
    "贸易",
    "貿易",
    "化工",
    "电子",
    "電子",
    "物流",
    "金融",
    "航空",
    "航天",
    "电信",
    "電信",
    "通信",
    "矿业",
    "礦業",
    "钢铁",
    "鋼鐵",
    "芯片",
    "半导体",
    "半導體",
    "国有",
    "國有",
    "民营",
    "民營",
    "上市",
    "幌子",
    "空壳",
    "空殼",
    "掛名",
    "挂名",
];

/// Organizations that designate rather than get designated.
fn is_designator(core: &str) -> bool {
    const DESIGNATORS: &[&str] = &[
        "财政部",
        "財政部",
        "国务院",
        "國務院",
        "国务部",
        "國務部",
        "商务部",
        "商務部",
        "安理会",
        "安理會",
        "外国资产管制办公室",
        "外國資產管制辦公室",
        "工业与安全局",
        "国际安全与不扩散局",
        "联合国",
        "聯合國",
        "制裁委员会",
        "制裁委員會",
        "白宫",
        "白宮",
        "司法部",
        "国土安全部",
    ];
    const DESIGNATORS_EN: &[&str] = &[
        "treasury",
        "department of the treasury",
        "department of state",
        "state department",
        "department of commerce",
        "ofac",
        "office of foreign assets control",
        "security council",
        "sanctions committee",
        "committee",
        "united nations",
        "the united states",
        "united states",
        "the department",
        "bureau of industry and security",
        "white house",
    ];
    let lower = core.to_lowercase();
    let without_country = lower
        .trim_start_matches("美国")
        .trim_start_matches("美國")
        .trim_start_matches("u.s. ")
        .trim_start_matches("us ")
        .trim_start_matches("the ");
    DESIGNATORS
        .iter()
        .any(|name| core.ends_with(name) && core.chars().count() <= name.chars().count() + 4)
        || DESIGNATORS_EN.contains(&without_country)
        || lower.contains("sanctions committee")
        || lower.contains("制裁委员会")
}

/// Chinese organization suffixes, longest first where they share an ending.
const HAN_ORG_SUFFIXES: &[&str] = &[
    "公司",
    "集团",
    "集團",
    "股份",
    "银行",
    "銀行",
    "委员会",
    "委員會",
    "研究所",
    "研究院",
    "中心",
    "大学",
    "大學",
    "学院",
    "學院",
    "工厂",
    "工廠",
    "联合企业",
    "聯合企業",
    "企业",
    "企業",
    "会社",
    "會社",
    "商社",
    "协会",
    "協會",
    "联合会",
    "聯合會",
    "商会",
    "商會",
    "机构",
    "機構",
    "总局",
    "總局",
    "局",
    "部",
    "署",
    "办公室",
    "辦公室",
    "处",
    "處",
    "厂",
    "廠",
    "所",
    "社",
    "党",
    "黨",
    "军",
    "軍",
    "司令部",
    "部队",
    "部隊",
    "合营公司",
    "贸易",
    "貿易",
    "航运",
    "航運",
    "船务",
    "船務",
    "事务所",
    "事務所",
    "组织",
    "組織",
    "监狱",
    "監獄",
    "基金会",
    "基金會",
    "分委会",
    "分委會",
    "图书馆",
    "圖書館",
    "法院",
    "医院",
    "醫院",
    "基金",
    "联盟",
    "聯盟",
];

/// Words that end company names but also common nouns ("科技"): an
/// organization suffix only after a stem of its own (see
/// [`has_weak_org_suffix`]).
const HAN_WEAK_ORG_SUFFIXES: &[&str] = &["科技", "控股", "实业", "實業"];

/// "某地甲乙丙科技": a weak suffix after a stem of three characters or more,
/// a leading country or place aside ("中国高科技" names nothing).
fn has_weak_org_suffix(han_tail: &str) -> bool {
    let Some(stem) = HAN_WEAK_ORG_SUFFIXES.iter().find_map(|suffix| han_tail.strip_suffix(suffix))
    else {
        return false;
    };
    let place_end = country::mentions(stem)
        .into_iter()
        .find(|found| found.range.start == 0)
        .map_or(0, |found| found.range.end);
    stem.get(place_end..).is_some_and(|own| own.chars().count() >= 3)
}

/// English legal forms and organization words, compared on the last word
/// (or the first, for "Joint Stock Company X", "OOO X", "Bank of X").
const LATIN_ORG_WORDS: &[&str] = &[
    "co",
    "ltd",
    "limited",
    "company",
    "corporation",
    "corp",
    "llc",
    "inc",
    "incorporated",
    "group",
    "bank",
    "trading",
    "shipping",
    "industries",
    "industry",
    "enterprise",
    "enterprises",
    "commission",
    "committee",
    "department",
    "bureau",
    "office",
    "institute",
    "academy",
    "university",
    "factory",
    "center",
    "centre",
    "agency",
    "jsc",
    "pjsc",
    "ojsc",
    "cjsc",
    "plc",
    "gmbh",
    "sa",
    "ag",
    "pte",
    "holding",
    "holdings",
    "association",
    "union",
    "party",
    "army",
    "guard",
    "corps",
    "forces",
    "fund",
    "foundation",
    "network",
    "networks",
    "exchange",
    "airlines",
    "airline",
    "logistics",
    "services",
    "technology",
    "technologies",
    "electronics",
    "engineering",
    "energy",
    "petroleum",
    "marine",
    "maritime",
    "navigation",
    "lines",
    "organization",
    "organisation",
    "council",
    "firm",
    "partnership",
    "cooperative",
    "llp",
    "bv",
    "nv",
    "srl",
    "spa",
    "kg",
    "oao",
    "ooo",
    "zao",
    "ao",
    "pao",
    "establishment",
    "trust",
    "brigade",
    "regiment",
    "division",
    "battalion",
    "administration",
    "authority",
    "ministry",
    "works",
    "mining",
    "steel",
    "import",
    "export",
    "commerce",
    "investment",
    "investments",
    "development",
    "international",
    "plant",
    "fze",
    "fzco",
    "dmcc",
    "shipyard",
    "mill",
    "tech",
    "bhd",
    "pvt",
    "fzc",
    "sarl",
    "ltda",
    "s.a",
    "s.a.s",
    "s.r.l",
    "s.p.a",
    "b.v",
    "n.v",
];

const LATIN_ORG_PREFIXES: &[&str] = &[
    "joint stock company",
    "open joint stock company",
    "closed joint stock company",
    "public joint stock company",
    "limited liability company",
    "ooo",
    "oao",
    "zao",
    "ao",
    "pao",
    "jsc",
    "pjsc",
    "llc",
    "bank of",
    "ministry of",
    "department of",
    "bureau of",
    "office of",
    "committee for",
    "commission for",
    "general bureau",
    "state",
];

fn has_org_form(core: &str) -> bool {
    if core.chars().any(is_han) {
        let han_tail: String = core.chars().rev().take_while(|c| is_han(*c)).collect();
        let han_tail: String = han_tail.chars().rev().collect();
        if HAN_ORG_SUFFIXES.iter().any(|suffix| {
            han_tail.ends_with(suffix) && han_tail.chars().count() > suffix.chars().count()
        }) || (han_tail.chars().count() >= 2
            && ["公司", "集团", "集團"].iter().any(|s| han_tail.ends_with(s)))
            || has_weak_org_suffix(&han_tail)
        {
            return true;
        }
    }
    let words: Vec<String> = core
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|word| !word.is_empty())
        .map(|word| word.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase())
        .collect();
    if words.len() < 2
        || !core.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
    {
        return false;
    }
    let lower = core.to_lowercase();
    words.last().is_some_and(|last| LATIN_ORG_WORDS.contains(&last.as_str()))
        || LATIN_ORG_PREFIXES.iter().any(|prefix| lower.starts_with(&format!("{prefix} ")))
}

/// Where a person's name starts in `core`, if `core` ends in one: a Chinese
/// name of two to four characters opening with a surname (or a foreign name
/// joined with ·), or two to five capitalised Latin words. `has_support`
/// says whether a role or English name in parentheses backs the reading.
fn person_name_start(core: &str, has_support: bool) -> Option<usize> {
    let chars: Vec<(usize, char)> = core.char_indices().collect();
    if chars.iter().all(|(_, c)| is_han(*c) || matches!(c, '·' | '•' | '‧')) {
        if chars.iter().any(|(_, c)| matches!(c, '·' | '•' | '‧')) {
            return (chars.len() >= 3).then_some(0);
        }
        let len = chars.len();
        if (2..=4).contains(&len) && starts_with_surname(core) {
            return Some(0);
        }
        // A name at the end of a longer run ("指出金元弘"), backed by a role.
        if has_support && len > 4 {
            for take in [3, 2, 4] {
                let (start, _) = *chars.get(len - take)?;
                if starts_with_surname(core.get(start..)?) {
                    return Some(start);
                }
            }
        }
        return None;
    }
    let words: Vec<&str> = core.split_whitespace().collect();
    let capitalised = |word: &&str| {
        let first = word.chars().next();
        first.is_some_and(char::is_uppercase)
            || matches!(*word, "bin" | "al" | "el" | "de" | "van" | "von" | "da" | "ibn" | "abu")
            || word.starts_with("al-")
    };
    let latin = words
        .iter()
        .all(|word| word.chars().all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '.')));
    let uppercase_surname = words.first().is_some_and(|first| {
        first.chars().count() >= 2 && first.chars().all(|c| c.is_uppercase() || c == '-')
    });
    let shaped = (2..=5).contains(&words.len()) && latin && words.iter().all(capitalised);
    (shaped && (uppercase_surname || has_support)).then_some(0)
}

fn is_role_apposition(text: &str) -> bool {
    let trimmed = text.trim();
    if trimmed.chars().any(is_han) {
        return false;
    }
    let first = trimmed.split_whitespace().next().unwrap_or("").to_lowercase();
    matches!(first.as_str(), "a" | "an" | "the" | "who" | "its" | "his" | "her")
        || is_title(trimmed)
}

/// Whether `text` is a title or role ("宣传鼓动部副部长", "Minister of State Security").
fn is_title(text: &str) -> bool {
    const HAN_TITLES: &[&str] = &[
        "长",
        "長",
        "官",
        "主任",
        "主席",
        "书记",
        "書記",
        "委员",
        "委員",
        "代表",
        "经理",
        "經理",
        "总裁",
        "總裁",
        "董事",
        "司令",
        "大使",
        "负责人",
        "負責人",
        "顾问",
        "顧問",
        "将军",
        "將軍",
        "成员",
        "成員",
        "船东",
        "船東",
        "所有人",
        "行长",
        "行長",
    ];
    const LATIN_TITLES: &[&str] = &[
        "minister",
        "director",
        "vice",
        "deputy",
        "chairman",
        "chair",
        "president",
        "head",
        "chief",
        "secretary",
        "commander",
        "general",
        "officer",
        "ambassador",
        "representative",
        "manager",
        "ceo",
        "member",
        "official",
        "captain",
        "governor",
        "premier",
        "leader",
        "founder",
        "owner",
        "executive",
        "senior",
        "first",
        "former",
        "acting",
        "counselor",
        "agent",
        "operator",
    ];
    if text.chars().any(is_han) {
        return HAN_TITLES.iter().any(|title| text.trim_end().ends_with(title));
    }
    let first = text.split_whitespace().next().unwrap_or("").to_lowercase();
    LATIN_TITLES.contains(&first.as_str())
}

fn imo_numbers(text: &str) -> Vec<Identifier> {
    static IMO: OnceLock<Option<Regex>> = OnceLock::new();
    let pattern = IMO.get_or_init(|| {
        Regex::new(r"(?i)IMO\s*(?:No\.?|number|编号|編號|号|號)?\s*[:：.]?\s*(\d{7})\b").ok()
    });
    let Some(pattern) = pattern else { return Vec::new() };
    pattern
        .captures_iter(text)
        .filter_map(|captures| captures.get(1))
        .map(|number| Identifier { scheme: "IMO".to_string(), value: number.as_str().to_string() })
        .collect()
}

const VESSEL_WORDS: &[&str] = &[
    "油轮",
    "油輪",
    "货轮",
    "貨輪",
    "货船",
    "貨船",
    "船只",
    "船隻",
    "船舶",
    "船",
    "the vessel",
    "vessel",
    "oil tanker",
    "tanker",
    "cargo ship",
    "ship",
    "m/v",
    "mv",
];

fn is_vessel_name(core: &str, whole: &str) -> bool {
    let lower = whole.to_lowercase();
    let named_ship = (core.ends_with('号') || core.ends_with('號'))
        && VESSEL_WORDS.iter().take(10).any(|word| whole.contains(word));
    let prefixed =
        VESSEL_WORDS.iter().skip(9).any(|word| lower.trim_start().starts_with(&format!("{word} ")));
    named_ship || prefixed
}

fn strip_vessel_words(core: &str) -> String {
    let mut name = core.trim();
    loop {
        let lower = name.to_lowercase();
        let Some(word) = VESSEL_WORDS.iter().find(|word| lower.starts_with(*word)) else { break };
        name = name.get(word.len()..).unwrap_or("").trim_start();
    }
    name.chars()
        .filter(|c| !matches!(c, '“' | '”' | '"' | '「' | '」' | '‘' | '’'))
        .collect::<String>()
        .trim()
        .to_string()
}

/// Whether `c` is a CJK ideograph.
pub fn is_han(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{F900}'..='\u{FAFF}' | '\u{20000}'..='\u{2A6DF}')
}

/// Whether `name` opens with a Chinese or Korean surname.
pub fn starts_with_surname(name: &str) -> bool {
    const COMPOUND: &[&str] = &[
        "欧阳", "歐陽", "司马", "司馬", "诸葛", "諸葛", "上官", "东方", "東方", "皇甫", "南宫",
        "南宮", "鲜于", "鮮于", "独孤", "獨孤",
    ];
    const SINGLE: &str = "王李张張刘劉陈陳杨楊黄黃赵趙吴吳周徐孙孫马馬朱胡郭何高林罗羅郑鄭梁谢謝宋唐许許韩韓冯馮邓鄧曹彭曾肖萧蕭田董袁潘于蒋蔣蔡余杜叶葉程苏蘇魏吕呂丁任沈姚卢盧姜崔钟鍾谭譚陆陸汪范金石廖贾賈夏韦韋付方白邹鄒孟熊秦邱江尹薛闫閻段雷侯龙龍史陶黎贺賀顾顧毛郝龚龔邵万萬钱錢严嚴覃武戴莫孔向汤湯朴全文安柳洪玄南成车車具禹辛闵閔池元千咸卞廉边邊秋都鲁魯慎琴玉陆印诸諸卓庆慶殷太睦桂邢皮奉片承简簡房景童甘康权權申吉延表明奇河芮桓卢盧孔宣尚季詹骆駱倪赖賴苗霍柏穆凌阎艾聂聶岳焦樊葛祝纪紀翟鲍鮑郎阮蓝藍柴戚麦麥裴宁寧乔喬滕";
    COMPOUND.iter().any(|surname| name.starts_with(surname))
        || name.chars().next().is_some_and(|first| SINGLE.contains(first))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, expect: &[(&str, EntityKind)]) {
        let reading = read(text);
        let got: Vec<(&str, EntityKind)> =
            reading.items.iter().map(|item| (item.name.as_str(), item.kind)).collect();
        assert_eq!(got, expect, "{text}");
    }

    use EntityKind::{Organization as Org, Person, Vessel};

    #[test]
    fn chinese_enumerations() {
        check(
            "中华人民共和国的甲乙新材料有限公司和丙丁贸易有限公司",
            &[("甲乙新材料有限公司", Org), ("丙丁贸易有限公司", Org)],
        );
        check(
            "指出金一二(国家安全保卫部长)、李三四(组织指导部副部长)，以及国家计划委员会和劳动部，对北朝鲜",
            &[("金一二", Person), ("李三四", Person), ("国家计划委员会", Org), ("劳动部", Org)],
        );
        check(
            "油轮“光明星”号(IMO 1234567)和货船“新天”号",
            &[("光明星号", Vessel), ("新天号", Vessel)],
        );
    }

    #[test]
    fn parentheses_give_english_names_and_aliases() {
        let reading = read("俄罗斯的甲集团(Jia Group,又称Yi Fam公司和Bing控股公司)和丁股份(Joint Stock Company Ding)");
        let first = &reading.items[0];
        assert_eq!(first.name, "甲集团");
        assert_eq!(first.country, Some("RU"));
        assert_eq!(first.name_en.as_deref(), Some("Jia Group"));
        assert_eq!(first.aliases, ["Yi Fam公司", "Yi Fam Company", "Bing控股公司", "Bing Holding"]);
        assert_eq!(reading.items[1].name_en.as_deref(), Some("Joint Stock Company Ding"));
    }

    #[test]
    fn english_enumerations() {
        check(
            "Acme Trading Co., Ltd. (a.k.a. Acme Trade); KIM Il Nam, Minister of State Security; and the vessel SEA STAR (IMO 9123456)",
            &[("Acme Trading Co., Ltd.", Org), ("KIM Il Nam", Person), ("SEA STAR", Vessel)],
        );
        let reading = read("China-based Sino Link Trading Limited");
        assert_eq!(reading.items[0].country, Some("CN"));
        assert_eq!(reading.items[0].name, "Sino Link Trading Limited");
    }

    #[test]
    fn chinese_names_as_news_write_them() {
        check(
            "委员会主席马特森、副主席罗宾逊、委员卡佩拉",
            &[("马特森", Person), ("罗宾逊", Person), ("卡佩拉", Person)],
        );
        check(
            "议员安德烈·波利亚科夫和前体操运动员叶莲娜·卡林娜",
            &[("安德烈·波利亚科夫", Person), ("叶莲娜·卡林娜", Person)],
        );
        check(
            "两家某国军工企业——星辰动力公司和远航重工集团",
            &[("星辰动力公司", Org), ("远航重工集团", Org)],
        );
        check("一家外国企业“明光电子公司”", &[("明光电子公司", Org)]);
        check("悬挂某国国旗的油轮“远望”号", &[("远望号", Vessel)]);
        check(
            "该国公民Pak Chol Su和莫斯科的Stellar Trade LLC",
            &[("Pak Chol Su", Person), ("Stellar Trade LLC", Org)],
        );
        check("某理事会政治与安全委员会", &[("某理事会政治与安全委员会", Org)]);
        let reading = read("以下12家关联公司");
        assert!(reading.items.is_empty());
        assert_eq!(reading.counts[0].number, 12);
    }

    #[test]
    fn chinese_list_lines() {
        let names = |line: &str| -> Vec<String> {
            read_list_entry(line).items.into_iter().map(|item| item.name).collect()
        };
        assert_eq!(names("伊万·彼得罗夫（Ivan Petrov），某公司董事长。"), ["伊万·彼得罗夫"]);
        assert_eq!(names("三、某研究所所长约翰·史密斯(John Smith),男"), ["约翰·史密斯"]);
        assert_eq!(
            names("星云北京；星云上海；星云OpenLab深圳；以及星云技术研发部。"),
            ["星云北京", "星云上海", "星云OpenLab深圳", "星云技术研发部"]
        );
        assert!(names("他的家人此前一直是制裁的目标。").is_empty());
        // Words after the parenthesis make the line a sentence.
        assert!(names("“临时许可证”（TL）现已失效。").is_empty());
        assert_eq!(names("星辰电子有限公司（Star Co.），总部设在某地。"), ["星辰电子有限公司"]);
    }

    #[test]
    fn chinese_counts_and_kinds_are_not_names() {
        let reading = read("参与某项目的两家军工企业");
        assert!(reading.items.is_empty());
        assert_eq!(reading.counts[0].number, 2);
        assert!(read("24家某国公司").items.is_empty());
        check("某联盟有关机构和人员", &[]);
        check("美国军工企业", &[]);
        check("能源、金融和航空等行业", &[]);
        check("能源、金融和航空等行业，以及星辰集团", &[("星辰集团", Org)]);
        check("甲公司、金星集团等企业", &[("甲公司", Org), ("金星集团", Org)]);
        check(
            "某局局长约翰·史密斯等15人及星辰技术公司等9家实体",
            &[("约翰·史密斯", Person), ("星辰技术公司", Org)],
        );
        let reading = read("包括某局局长王大明在内的6名官员");
        assert_eq!(reading.items.len(), 1);
        assert_eq!(reading.items[0].name, "王大明");
        assert_eq!(reading.counts[0].number, 6);
        check("日本航运公司", &[]);
        check("星辰航运公司", &[("星辰航运公司", Org)]);
        check("30家星辰集团关联公司", &[]);
        check("星辰集团的子公司", &[]);
        // A count after 等 sums up the names before it.
        check(
            "委员约翰·史密斯、主任玛丽·琼斯等2名个人",
            &[("约翰·史密斯", Person), ("玛丽·琼斯", Person)],
        );
        check("某某高等法院", &[("某某高等法院", Org)]);
    }

    #[test]
    fn chinese_names_around_their_descriptions() {
        // "X的侵权行为": what belongs to the organization names nothing.
        check(
            "甲乙动力公司和丙丁重工公司的侵权行为",
            &[("甲乙动力公司", Org), ("丙丁重工公司", Org)],
        );
        check("甲乙动力公司的一名高管", &[]);
        // "如" ("such as") is no part of the name.
        check("如星辰控股有限公司", &[("星辰控股有限公司", Org)]);
        // A title and name after the employer's parenthesis.
        let reading = read("星辰航空公司（Star Air）执行长波洛克科夫（Ivan Polokov）");
        assert_eq!(reading.items.len(), 1);
        assert_eq!(reading.items[0].name, "波洛克科夫");
        assert_eq!(reading.items[0].kind, Person);
        assert_eq!(reading.items[0].name_en.as_deref(), Some("Ivan Polokov"));
        // Even when the name after the title is not read, the employer is not the name.
        let reading = read("星辰航空公司（Star Air）董事长王某某某某某（Wang Mou）");
        assert!(reading.items.iter().all(|item| item.kind == Person), "{reading:?}");
        // A transliteration without joiners, backed by a Latin name.
        check("阿列克谢波洛夫（Alexei Polov）", &[("阿列克谢波洛夫", Person)]);
        check("阿列克谢波洛夫", &[]);
        // Weak suffixes need a stem of their own.
        check("南京甲乙丙科技", &[("南京甲乙丙科技", Org)]);
        check("中国高科技", &[]);
    }

    #[test]
    fn vessels_in_chinese_lists() {
        check("其中包括“北星”号和“海燕”号", &[("北星号", Vessel), ("海燕号", Vessel)]);
        check(
            "Ocean Dream、Sea Breeze 2和Blue Horizon等油轮",
            &[("Ocean Dream", Vessel), ("Sea Breeze 2", Vessel), ("Blue Horizon", Vessel)],
        );
        check(
            "该国公民Anna Smith和Sea Breeze 2",
            &[("Anna Smith", Person), ("Sea Breeze 2", Vessel)],
        );
        assert!(read("“星辰”公司").items.iter().all(|item| item.kind != Vessel));
    }

    #[test]
    fn latin_names_in_chinese_lists() {
        check(
            "Kim Chol Su、Pak Yong Il和O Song Chol",
            &[("Kim Chol Su", Person), ("Pak Yong Il", Person), ("O Song Chol", Person)],
        );
        let reading = read("该国公民Anna Smith和John Brown");
        let names: Vec<&str> = reading.items.iter().map(|item| item.name.as_str()).collect();
        assert_eq!(names, ["Anna Smith", "John Brown"]);
        // Capitals only read as a vessel or a short form, not a person.
        assert!(!is_romanized_person("SEA STAR"));
        assert!(is_romanized_person("O Song Chol"));
        assert!(!is_romanized_person("Orion Tech Sdn Bhd"));
        check("某国的Orion Sdn Bhd", &[("Orion Sdn Bhd", Org)]);
        check(
            "甲公司和Andes Oil Services S.A.",
            &[("甲公司", Org), ("Andes Oil Services S.A.", Org)],
        );
        check("星辰电子公司", &[("星辰电子公司", Org)]);
        check("Acme Networks", &[("Acme Networks", Org)]);
    }

    #[test]
    fn counts_are_not_names() {
        let reading = read("这七人和两个机构");
        assert!(reading.items.is_empty());
        assert_eq!(reading.counts.len(), 2);
        assert!(reading.counts.iter().all(|count| count.refers_back));
        assert_eq!(reading.counts[0], Count { kind: Some(Person), number: 7, refers_back: true });
        assert_eq!(read("four entities").counts[0].number, 4);
        assert_eq!(parse_number("二十一"), Some(21));
        assert_eq!(parse_number("两"), Some(2));
    }
}
