//! Cross-script spellings of a name: every way the matcher may read it in
//! Latin letters (plus Chinese characters, compared as such).
//!
//! - Chinese (simplified or traditional): the characters themselves in
//!   simplified form; Mandarin pinyin (`pinyin` crate) with common business
//!   words translated (航运 → shipping, 有限公司 → co ltd); and, for a
//!   two-to-four character name starting with a Korean surname, the
//!   Sino-Korean reading as North Korean names are listed (金与正 → kim yo jong).
//! - Hangul: McCune–Reischauer-style romanization by syllable, surname first
//!   (김여정 → kim yo jong); the phonetic key joins it to Revised Romanization.
//! - Arabic script: read as lists romanize it ([`super::arabic`]), the
//!   tokens marked vowelless and compared by consonant skeleton.
//! - Cyrillic: `any_ascii` transliteration, and a spelling with Russian
//!   business and government words translated ([`super::cyrillic`]).
//! - Greek and the rest: `any_ascii` transliteration.

use std::collections::HashMap;
use std::sync::OnceLock;

use pinyin::{ToPinyin, ToPinyinMulti};

use super::normalize::{fold, syllable_tokens, tokens, words, Token};
use crate::romanize;

/// How a spelling was obtained.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Via {
    /// Latin script as written.
    AsWritten,
    /// Chinese characters, simplified.
    ChineseCharacters,
    /// Mandarin pinyin of Chinese characters.
    Pinyin,
    /// Mandarin pinyin with the syllables of each word joined, a place
    /// name apart, and the rest compared by sound (贝斯特 → `beisite`,
    /// compared as `best` by its consonants).
    PinyinWords,
    /// A Chinese company name written in pinyin, its business words and
    /// legal forms in English (`DALIAN ZHENGHUA MAOYI YOUXIAN GONGSI` →
    /// `dalian zhenghua trading co ltd`).
    PinyinTranslated,
    /// The English name of a government body in Chinese characters.
    Translated,
    /// Sino-Korean reading of Chinese characters.
    SinoKorean,
    /// Romanized Hangul.
    Hangul,
    /// Transliterated Cyrillic.
    Cyrillic,
    /// Transliterated Cyrillic with Russian business and government words
    /// in English.
    CyrillicTranslated,
    /// Transliterated Arabic script.
    Arabic,
    /// Another script, transliterated.
    OtherScript,
}

impl Via {
    /// Words for explanations.
    pub fn describe(self) -> &'static str {
        match self {
            Via::AsWritten => "as written",
            Via::ChineseCharacters => "Chinese characters (simplified)",
            Via::Pinyin => "Mandarin pinyin",
            Via::PinyinWords => "Mandarin pinyin, syllables joined into words, compared by sound",
            Via::PinyinTranslated => "pinyin, business words and legal forms in English",
            Via::Translated => "English name of a government body",
            Via::SinoKorean => "Sino-Korean reading",
            Via::Hangul => "Hangul romanization",
            Via::Cyrillic => "Cyrillic transliteration",
            Via::CyrillicTranslated => "Cyrillic, business and government words translated",
            Via::Arabic => "Arabic-script transliteration",
            Via::OtherScript => "transliteration",
        }
    }
}

/// One reading of a name as tokens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spelling {
    /// How it was read.
    pub via: Via,
    /// Its tokens, in name order.
    pub tokens: Vec<Token>,
}

/// Chinese business words and legal forms with their English equivalents,
/// simplified forms, longest first where one contains another. Legal forms
/// become weak tokens through [`tokens`].
const CHINESE_TERMS: &[(&str, &str, bool)] = &[
    ("股份有限公司", "jsc ltd", true),
    ("有限责任公司", "llc", true),
    ("有限公司", "co ltd", true),
    ("总公司", "corporation", true),
    ("公司", "co", true),
    ("集团", "group", true),
    ("控股", "holding", true),
    ("股份", "jsc", true),
    ("进出口", "import export", false),
    ("新材料", "new materials", false),
    ("研究所", "research institute", false),
    ("研究院", "research institute", false),
    ("航运", "shipping", false),
    ("海运", "shipping", false),
    ("船务", "shipping", false),
    ("船舶", "ship", false),
    ("贸易", "trading", false),
    ("商贸", "trading", false),
    ("国际", "international", false),
    ("科技", "technology", false),
    ("技术", "technology", false),
    ("物流", "logistics", false),
    ("能源", "energy", false),
    ("石油", "petroleum", false),
    ("电子", "electronics", false),
    ("工业", "industrial", false),
    ("实业", "industrial", false),
    ("投资", "investment", false),
    ("发展", "development", false),
    ("银行", "bank", false),
    ("机械", "machinery", false),
    ("化工", "chemical", false),
    ("材料", "materials", false),
    ("矿业", "mining", false),
    ("钢铁", "steel", false),
    ("航空", "aviation", false),
    ("设备", "equipment", false),
    ("工程", "engineering", false),
    ("建设", "construction", false),
    ("制造", "manufacturing", false),
    ("运输", "transport", false),
    ("货运", "freight", false),
    ("服务", "services", false),
    ("代理", "agency", false),
    ("大学", "university", false),
    ("中国", "china", false),
    ("金属", "metal", false),
    ("远洋", "ocean", false),
    ("渔业", "fishing", false),
    ("精密", "precision", false),
    ("仪器", "instruments", false),
    ("化学品", "chemicals", false),
    ("化学", "chemical", false),
    ("石化", "petrochemical", false),
    ("医药", "pharmaceutical", false),
    ("制药", "pharmaceutical", false),
    ("通信", "communication", false),
    ("半导体", "semiconductor", false),
    ("航天", "aerospace", false),
    ("重工", "heavy industry", false),
    ("造船", "shipbuilding", false),
    ("海事", "maritime", false),
    ("燃料", "fuel", false),
    ("矿产", "minerals", false),
    ("经贸", "economic and trade", false),
    ("工贸", "industry and trade", false),
    ("商务", "business", false),
    ("咨询", "consulting", false),
    ("管理", "management", false),
    ("供应链", "supply chain", false),
    ("电气", "electric", false),
    ("机电", "electromechanical", false),
    ("自动化", "automation", false),
    ("软件", "software", false),
    ("信息", "information", false),
    ("网络", "network", false),
    ("汽车", "automobile", false),
    ("激光", "laser", false),
    ("光学", "optical", false),
    ("环球", "global", false),
    ("全球", "global", false),
    ("东方", "oriental", false),
    ("联合", "united", false),
    ("企业", "enterprise", false),
    ("实验室", "laboratory", false),
    ("中心", "center", false),
    ("学院", "institute", false),
    ("工厂", "factory", false),
    ("电力", "power", false),
    ("新能源", "new energy", false),
    ("资源", "resources", false),
    ("金融", "financial", false),
    ("证券", "securities", false),
    ("保险", "insurance", false),
    ("资本", "capital", false),
    ("农业", "agriculture", false),
    ("食品", "food", false),
    ("纺织", "textile", false),
    ("塑料", "plastics", false),
    ("香港", "hong kong", false),
    ("澳门", "macau", false),
];

/// Every spelling of `name` the matcher compares; empty when the name has
/// no letters or digits at all. A name that holds other names, in
/// parentheses or after semicolons (`Ibrahim Asiri (إبراهيم عسيري)`,
/// `Qasim Soleimani; Qasem Sulaimani`), is also read as each of them.
pub fn spellings(name: &str) -> Vec<Spelling> {
    let mut all = spellings_of_one(name);
    for alternative in alternatives(name) {
        for spelling in spellings_of_one(&alternative) {
            if !all.contains(&spelling) {
                all.push(spelling);
            }
        }
    }
    all
}

/// The names `name` holds besides itself: what is outside parentheses and
/// what is inside them if it has two words or more and is no country (`(HK)`
/// and `(HONG KONG)` in a company name are not names), each split at
/// semicolons.
fn alternatives(name: &str) -> Vec<String> {
    if !name.contains([';', '(', '（']) {
        return Vec::new();
    }
    let mut outside = String::new();
    let mut insides: Vec<String> = Vec::new();
    let mut depth = 0usize;
    for c in name.chars() {
        match c {
            '(' | '（' => {
                depth += 1;
                if depth == 1 {
                    insides.push(String::new());
                }
                outside.push(' ');
            }
            ')' | '）' if depth > 0 => depth -= 1,
            _ if depth > 0 => insides.last_mut().into_iter().for_each(|inside| inside.push(c)),
            _ => outside.push(c),
        }
    }
    let words = |text: &str| text.split_whitespace().count();
    std::iter::once(outside)
        .chain(
            insides.into_iter().filter(|inside| {
                words(inside) >= 2 && crate::country::code_of_field(inside).is_none()
            }),
        )
        .flat_map(|part| part.split(';').map(str::to_string).collect::<Vec<_>>())
        .map(|part| part.trim().to_string())
        .filter(|part| !part.is_empty() && part.as_str() != name.trim())
        .collect()
}

/// The spellings of one name (see [`spellings`]).
fn spellings_of_one(name: &str) -> Vec<Spelling> {
    let folded = fold(name);
    let mut spellings = Vec::new();
    if folded.chars().any(is_han) {
        chinese_spellings(&folded, &mut spellings);
    } else if folded.chars().any(is_hangul) {
        spellings.push(Spelling { via: Via::Hangul, tokens: hangul_tokens(&folded) });
    } else {
        let via = if folded.chars().any(is_arabic) {
            Via::Arabic
        } else if folded.chars().any(is_cyrillic) {
            Via::Cyrillic
        } else if folded.chars().any(|c| c.is_alphabetic() && !c.is_ascii()) {
            Via::OtherScript
        } else {
            Via::AsWritten
        };
        let read = if via == Via::Arabic {
            super::arabic::tokens(&folded)
        } else {
            tokens(&words(&any_ascii::any_ascii(&folded)), false)
        };
        if via == Via::AsWritten {
            if let Some(translated) = pinyin_business_words(&read) {
                spellings.push(Spelling { via: Via::PinyinTranslated, tokens: translated });
            }
        }
        spellings.push(Spelling { via, tokens: read });
        // ё read as lists romanize it, `yo` (Артём is `Artyom`, Пётр
        // `Pyotr`), besides the `e` of the transliteration.
        if via == Via::Cyrillic && name.contains(['ё', 'Ё']) {
            let yo = fold(&name.replace(['ё', 'Ё'], "yo"));
            let tokens = tokens(&words(&any_ascii::any_ascii(&yo)), false);
            spellings.push(Spelling { via, tokens });
        }
        if via == Via::Cyrillic {
            if let Some(english) = super::cyrillic::translated(&folded) {
                let ascii = any_ascii::any_ascii(&english);
                spellings.push(Spelling {
                    via: Via::CyrillicTranslated,
                    tokens: tokens(&words(&ascii), false),
                });
            }
        }
    }
    spellings.retain(|spelling| spelling.tokens.iter().any(|token| !token.weak));
    spellings
}

/// The business words and legal forms of [`CHINESE_TERMS`] as pinyin
/// written together (`youxiangongsi`, `maoyi`), in every reading of a
/// character with several: their English and whether a legal form.
fn pinyin_terms() -> &'static HashMap<String, (&'static str, bool)> {
    static TERMS: OnceLock<HashMap<String, (&'static str, bool)>> = OnceLock::new();
    TERMS.get_or_init(|| {
        let mut terms = HashMap::new();
        for (zh, en, legal) in CHINESE_TERMS {
            let mut readings = vec![String::new()];
            for c in zh.chars() {
                let syllables: Vec<&str> = c
                    .to_pinyin_multi()
                    .map(|multi| multi.into_iter().map(|pinyin| pinyin.plain()).collect())
                    .unwrap_or_default();
                readings = readings
                    .iter()
                    .flat_map(|start| {
                        syllables.iter().map(move |syllable| format!("{start}{syllable}"))
                    })
                    .collect();
            }
            for reading in readings {
                terms.entry(reading).or_insert((*en, *legal));
            }
        }
        terms
    })
}

/// The legal forms of [`pinyin_terms`] (`youxiangongsi`, `jituan`).
fn legal_forms_in_pinyin() -> &'static [String] {
    static LEGAL: OnceLock<Vec<String>> = OnceLock::new();
    LEGAL.get_or_init(|| {
        pinyin_terms()
            .iter()
            .filter(|(_, (_, legal))| *legal)
            .map(|(pinyin, _)| pinyin.clone())
            .collect()
    })
}

/// The most words a business word or legal form is written in
/// (`gu fen you xian gong si`).
const MOST_TERM_WORDS: usize = 6;

/// A Chinese company name written in pinyin (one holding a legal form in
/// pinyin: `gongsi`, `youxian gongsi`, `jituan`) with its business words
/// and legal forms in English, as lists write other such names; `None`
/// for other names.
fn pinyin_business_words(read: &[Token]) -> Option<Vec<Token>> {
    // The longest run of words from `start` that is a term written apart.
    let term_at = |start: usize| {
        let longest = MOST_TERM_WORDS.min(read.len().saturating_sub(start));
        (1..=longest).rev().find_map(|length| {
            let joined: String =
                read.get(start..start + length)?.iter().map(|t| t.text.as_str()).collect();
            pinyin_terms().get(&joined).map(|(en, legal)| (length, *en, *legal))
        })
    };
    // Most names are told apart without joining words: none of their words
    // ends a legal form in pinyin.
    let may_hold_legal_form = read.iter().any(|token| {
        token.text.len() >= 2
            && legal_forms_in_pinyin().iter().any(|pinyin| pinyin.ends_with(&token.text))
    });
    if !may_hold_legal_form {
        return None;
    }
    let mut translated = Vec::new();
    let mut any_legal_form = false;
    let mut start = 0;
    while let Some(token) = read.get(start) {
        match term_at(start) {
            Some((length, en, legal)) => {
                translated.extend(term_tokens(en, legal));
                any_legal_form |= legal;
                start += length;
            }
            None => {
                translated.push(token.clone());
                start += 1;
            }
        }
    }
    any_legal_form.then_some(translated)
}

/// The tokens of a Chinese term's English (`trading`, `co ltd`), weak when
/// the term is a legal form.
fn term_tokens(en: &str, legal: bool) -> impl Iterator<Item = Token> {
    tokens(&words(en), false).into_iter().map(move |mut token| {
        token.weak |= legal;
        token
    })
}

/// CJK unified ideographs (with extension A and compatibility forms).
pub fn is_han(c: char) -> bool {
    matches!(u32::from(c), 0x4E00..=0x9FFF | 0x3400..=0x4DBF | 0xF900..=0xFAFF)
}

fn is_hangul(c: char) -> bool {
    matches!(u32::from(c), 0xAC00..=0xD7A3 | 0x1100..=0x11FF | 0x3130..=0x318F)
}

/// Arabic-script letters (Arabic, Persian, Urdu, presentation forms).
pub(super) fn is_arabic(c: char) -> bool {
    matches!(u32::from(c), 0x0600..=0x06FF | 0x0750..=0x077F | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF)
}

fn is_cyrillic(c: char) -> bool {
    matches!(u32::from(c), 0x0400..=0x052F)
}

/// A piece of a Chinese name.
enum Piece<'a> {
    Term(&'a str, &'a str, bool),
    /// A character and its pinyin in this name (empty when it has none).
    Han(char, &'static str),
    Other(char),
}

/// The simplified form of a Chinese name: traditional characters
/// converted one by one ([`romanize::simplified`]), characters that are
/// already simplified kept (`宁` of 宁波, Ningbo).
fn to_simplified(folded: &str) -> String {
    folded.chars().map(|c| if is_han(c) { romanize::simplified(c) } else { c }).collect()
}

fn chinese_spellings(folded: &str, spellings: &mut Vec<Spelling>) {
    let simplified = to_simplified(folded);
    let mut pieces = Vec::new();
    let mut rest: &str = &simplified;
    while let Some(c) = rest.chars().next() {
        if let Some((zh, en, legal)) = CHINESE_TERMS.iter().find(|(zh, _, _)| rest.starts_with(zh))
        {
            pieces.push(Piece::Term(zh, en, *legal));
            rest = rest.get(zh.len()..).unwrap_or_default();
            continue;
        }
        pieces.push(if is_han(c) { Piece::Han(c, reading(c)) } else { Piece::Other(c) });
        rest = rest.get(c.len_utf8()..).unwrap_or_default();
    }
    read_in_context(&mut pieces);

    // Characters as written: runs of characters are literal tokens, legal
    // forms weak tokens, other text as Latin.
    let mut characters = Vec::new();
    let mut run = String::new();
    let mut latin = String::new();
    let mut pinyin_text = String::new();
    let mut core = String::new();
    for piece in &pieces {
        match piece {
            Piece::Term(zh, en, legal) => {
                if *legal {
                    flush_run(&mut run, &mut characters);
                    latin.push(' ');
                    latin.push_str(en);
                    latin.push(' ');
                } else {
                    run.push_str(zh);
                    core.push_str(zh);
                }
                pinyin_text.push(' ');
                pinyin_text.push_str(en);
                pinyin_text.push(' ');
            }
            Piece::Han(c, reading) => {
                run.push(*c);
                core.push(*c);
                pinyin_text.push(' ');
                pinyin_text.push_str(reading);
                pinyin_text.push(' ');
            }
            Piece::Other(c) => {
                flush_run(&mut run, &mut characters);
                latin.push(*c);
                pinyin_text.push(*c);
            }
        }
    }
    flush_run(&mut run, &mut characters);
    characters.extend(tokens(&words(&any_ascii::any_ascii(&latin)), false));
    spellings.push(Spelling { via: Via::ChineseCharacters, tokens: characters });
    let pinyin_tokens = syllable_tokens(&words(&any_ascii::any_ascii(&pinyin_text)));
    spellings.push(Spelling { via: Via::Pinyin, tokens: pinyin_tokens });

    if let Some(words) = pinyin_words(&pieces) {
        spellings.push(Spelling { via: Via::PinyinWords, tokens: words });
    }
    if let Some(english) = romanize::institution_name(&simplified) {
        let english = fold(&english);
        spellings.push(Spelling { via: Via::Translated, tokens: tokens(&words(&english), false) });
    }

    let count = core.chars().count();
    let looks_korean =
        (2..=4).contains(&count) && core.chars().next().is_some_and(romanize::is_korean_surname);
    if looks_korean {
        if let Some(reading) = romanize::korean_name(&core) {
            let reading = reading.to_lowercase();
            spellings
                .push(Spelling { via: Via::SinoKorean, tokens: syllable_tokens(&words(&reading)) });
        }
    }
}

/// The pinyin of a Chinese name as lists write it in Latin letters: the
/// syllables of a place name joined (成都 → `chengdu`), those of the rest of
/// each run of characters joined into one word read by sound, as a
/// transliterated foreign name is (贝斯特 → `beisite`, 埃勒孔 → `aileikong`,
/// where a final `ng` stands for `n`), compared by consonants; business words and
/// legal forms translated. `None` for a name without a business word or
/// legal form, or when it would equal the plain pinyin.
fn pinyin_words(pieces: &[Piece]) -> Option<Vec<Token>> {
    // Organizations only (a business word or legal form): a person's given
    // name read by sound would meet too many Latin words.
    if !pieces.iter().any(|piece| matches!(piece, Piece::Term(..))) {
        return None;
    }
    let mut result = Vec::new();
    let mut han = Vec::new();
    let mut latin = String::new();
    let mut joined_any = false;
    // Runs of characters and of other text are flushed when the next piece
    // is of another sort.
    let flush_latin = |latin: &mut String, result: &mut Vec<Token>| {
        result.extend(tokens(&words(&any_ascii::any_ascii(latin)), false));
        latin.clear();
    };
    for piece in pieces {
        match piece {
            Piece::Han(c, reading) => {
                flush_latin(&mut latin, &mut result);
                han.push((*c, *reading));
            }
            Piece::Term(_, en, legal) => {
                joined_any |= push_han_words(&std::mem::take(&mut han), &mut result);
                flush_latin(&mut latin, &mut result);
                result.extend(term_tokens(en, *legal));
            }
            Piece::Other(c) => {
                joined_any |= push_han_words(&std::mem::take(&mut han), &mut result);
                latin.push(*c);
            }
        }
    }
    joined_any |= push_han_words(&han, &mut result);
    flush_latin(&mut latin, &mut result);
    joined_any.then_some(result)
}

/// Pushes the words of a run of Chinese characters: place names and, between
/// them, the rest read by sound. Whether any word joined two syllables.
fn push_han_words(han: &[(char, &str)], result: &mut Vec<Token>) -> bool {
    let characters: Vec<char> = han.iter().map(|(c, _)| *c).collect();
    let mut joined = false;
    let mut start = 0;
    while start < characters.len() {
        let (length, by_sound) = match place_length(&characters, start) {
            Some(length) => (length, false),
            None => {
                let next_place = (start + 1..characters.len())
                    .find(|&at| place_length(&characters, at).is_some())
                    .unwrap_or(characters.len());
                (next_place - start, true)
            }
        };
        let word = han.get(start..start + length).unwrap_or_default();
        let latin: String = word.iter().map(|(_, reading)| *reading).collect();
        joined |= word.len() > 1;
        if latin.is_empty() {
            start += length.max(1);
            continue;
        }
        if by_sound && word.len() > 1 {
            result.push(Token::read_by_sound(&latin, word.len()));
        } else {
            result.push(Token::new(&latin, false, false));
        }
        start += length.max(1);
    }
    joined
}

/// The pinyin of a character out of context: the pinyin crate's first
/// reading, or the one names use for characters read otherwise in other
/// words (长 `chang`, as in 长江 and 长城).
fn reading(c: char) -> &'static str {
    NAME_READINGS
        .iter()
        .find(|(character, _)| *character == c)
        .map(|(_, reading)| *reading)
        .unwrap_or_else(|| c.to_pinyin().map_or("", |pinyin| pinyin.plain()))
}

/// Characters whose first reading in the pinyin crate is not the one names
/// use.
const NAME_READINGS: &[(char, &str)] = &[('长', "chang")];

/// Place names read otherwise than their characters' first readings.
const PLACE_READINGS: &[(&str, &[&str])] = &[
    ("重庆", &["chong", "qing"]),
    ("厦门", &["xia", "men"]),
    ("蚌埠", &["beng", "bu"]),
    ("六安", &["lu", "an"]),
    ("番禺", &["pan", "yu"]),
    ("东莞", &["dong", "guan"]),
    ("乐清", &["yue", "qing"]),
];

/// Family names read otherwise than as characters (曾 Zeng, 单 Shan, 区 Ou,
/// 朴 Piao, 解 Xie, 仇 Qiu, 查 Zha, 盖 Ge, 覃 Qin, 缪 Miao, 翟 Zhai, 召 Shao).
const SURNAME_READINGS: &[(char, &str)] = &[
    ('曾', "zeng"),
    ('单', "shan"),
    ('区', "ou"),
    ('朴', "piao"),
    ('解', "xie"),
    ('仇', "qiu"),
    ('查', "zha"),
    ('盖', "ge"),
    ('覃', "qin"),
    ('缪', "miao"),
    ('翟', "zhai"),
    ('召', "shao"),
];

/// Sets the readings that depend on the name: place names read as a whole
/// (重庆 `chongqing`, 厦门 `xiamen`), and the family name of a person's name
/// (two to four characters and nothing else).
fn read_in_context(pieces: &mut [Piece<'_>]) {
    let characters: Vec<char> =
        pieces.iter().map(|piece| if let Piece::Han(c, _) = piece { *c } else { '\0' }).collect();
    let mut start = 0;
    while start < characters.len() {
        let found = PLACE_READINGS.iter().find(|(place, _)| {
            let length = place.chars().count();
            characters
                .get(start..start + length)
                .is_some_and(|run| run.iter().copied().eq(place.chars()))
        });
        let Some((_, readings)) = found else {
            start += 1;
            continue;
        };
        for (piece, syllable) in pieces.iter_mut().skip(start).zip(readings.iter()) {
            if let Piece::Han(_, reading) = piece {
                *reading = syllable;
            }
        }
        start += readings.len();
    }
    let personal = (2..=4).contains(&pieces.len())
        && pieces.iter().all(|piece| matches!(piece, Piece::Han(..)));
    if let Some(Piece::Han(first, reading)) = pieces.first_mut().filter(|_| personal) {
        if let Some((_, surname)) = SURNAME_READINGS.iter().find(|(c, _)| c == first) {
            *reading = surname;
        }
    }
}

/// The length of a Chinese place name (two or three characters) at `start`.
fn place_length(characters: &[char], start: usize) -> Option<usize> {
    (2..=3).rev().find(|length| {
        characters.get(start..start + length).is_some_and(|word| {
            let word: String = word.iter().collect();
            crate::country::mentions(&word)
                .first()
                .is_some_and(|mention| mention.is_place && mention.range.len() == word.len())
        })
    })
}

fn flush_run(run: &mut String, tokens: &mut Vec<Token>) {
    if !run.is_empty() {
        tokens.push(Token::literal(run));
        run.clear();
    }
}

/// Romanizes Hangul by syllable; a lone word of two to four syllables is
/// read as a personal name, surname first.
fn hangul_tokens(folded: &str) -> Vec<Token> {
    let parts: Vec<&str> = folded.split_whitespace().collect();
    let personal = parts.len() == 1
        && parts.first().is_some_and(|word| (2..=4).contains(&word.chars().count()))
        && folded.chars().all(is_hangul);
    let mut text = String::new();
    for part in &parts {
        for (index, syllable) in part.chars().enumerate() {
            if !is_hangul(syllable) {
                text.push_str(&any_ascii::any_ascii(&syllable.to_string()));
                continue;
            }
            let is_surname = personal && index == 0;
            text.push_str(&romanize::romanize_syllable(syllable, is_surname));
            if personal {
                text.push(' ');
            }
        }
        text.push(' ');
    }
    syllable_tokens(&words(&text))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::screen::normalize::{phonetic_key, skeleton};

    fn readings(name: &str) -> Vec<(Via, String)> {
        spellings(name)
            .into_iter()
            .map(|s| {
                (s.via, s.tokens.iter().map(|t| t.text.as_str()).collect::<Vec<_>>().join(" "))
            })
            .collect()
    }

    #[test]
    fn chinese_names_are_read_as_characters_pinyin_and_sino_korean() {
        assert_eq!(
            readings("金与正"),
            [
                (Via::ChineseCharacters, "金与正".to_string()),
                (Via::Pinyin, "jin yu zheng".to_string()),
                (Via::SinoKorean, "kim yo jong".to_string())
            ]
        );
        // Traditional characters read the same as simplified ones.
        assert_eq!(readings("金與正"), readings("金与正"));
    }

    #[test]
    fn chinese_company_names_translate_business_words_and_legal_forms() {
        assert_eq!(
            readings("上海东风航运有限公司"),
            [
                (Via::ChineseCharacters, "上海东风航运 co ltd".to_string()),
                (Via::Pinyin, "shang hai dong feng shipping co ltd".to_string()),
                (Via::PinyinWords, "shanghai dongfeng shipping co ltd".to_string()),
            ]
        );
    }

    #[test]
    fn chinese_company_names_in_pinyin_translate_business_words_and_legal_forms() {
        assert!(readings("DALIAN ZHENGHUA MAOYI YOUXIAN GONGSI")
            .contains(&(Via::PinyinTranslated, "dalian zhenghua trading co ltd".to_string())));
        // A term written in one word or in several, in any reading of its
        // characters (银行 `yinhang`, not only `yinxing`).
        let readings_of = readings("Chengdu Beisite Xincailiao You Xian Gong Si");
        assert!(readings_of.contains(&(
            Via::PinyinTranslated,
            "chengdu beisite new materials co ltd".to_string()
        )));
        assert!(readings("Huaxin Yinhang Jituan")
            .contains(&(Via::PinyinTranslated, "huaxin bank group".to_string())));
        // Without a legal form in pinyin, pinyin words are names (`Keji` is
        // a given name, not technology).
        assert!(!readings("Wang Keji").iter().any(|(via, _)| *via == Via::PinyinTranslated));
        assert!(!readings("Maoyi Trading Co Ltd")
            .iter()
            .any(|(via, _)| *via == Via::PinyinTranslated));
    }

    #[test]
    fn more_chinese_business_words_are_translated() {
        assert!(readings("中国精密机械进出口总公司")
            .contains(&(Via::Pinyin, "china precision machinery import export corp".to_string())));
        assert!(readings("大连远洋渔业有限公司")
            .contains(&(Via::PinyinWords, "dalian ocean fishing co ltd".to_string())));
    }

    #[test]
    fn foreign_names_read_by_sound_meet_their_latin_spelling_by_consonants() {
        let by_sound = |name: &str| {
            let spelling = spellings(name).into_iter().find(|s| s.via == Via::PinyinWords).unwrap();
            spelling.tokens.into_iter().find(|t| t.vowelless).unwrap()
        };
        let best = by_sound("成都贝斯特新材料有限公司");
        assert!(best.is_read_by_sound());
        let similarity = |token: &Token, word: &str| {
            crate::screen::score::token_similarity(token, &Token::new(word, false, false))
        };
        assert_eq!(similarity(&best, "best"), Some((0.85, crate::screen::score::How::Consonants)));
        assert!(similarity(&by_sound("淄博艾利默贸易有限公司"), "elim").is_some());
        assert!(similarity(&by_sound("尼尔科集团"), "nilco").is_some());
        assert!(similarity(&best, "bastion").is_none());
        // Two characters are most often a Chinese name: not read as a foreign one.
        let chinese_name = by_sound("上海李杰科技有限公司");
        assert!(!chinese_name.is_read_by_sound());
        assert_eq!(similarity(&chinese_name, "reach"), None);
    }

    #[test]
    fn characters_with_several_readings_are_read_as_names_read_them() {
        let pinyin = |name: &str| -> String {
            readings(name).into_iter().find(|(via, _)| *via == Via::Pinyin).unwrap().1
        };
        // Place names read as a whole; 长 is chang in names.
        assert_eq!(pinyin("重庆长安贸易"), "chong qing chang an trading");
        assert_eq!(pinyin("厦门航空"), "xia men aviation");
        assert_eq!(pinyin("长江实业"), "chang jiang industrial");
        // 重 keeps its first reading outside the place name (heavy: zhong).
        assert!(readings("重型机械公司").iter().any(|(_, text)| text.starts_with("zhongxing")));
        // A family name read as a family name, in a person's name only.
        assert_eq!(pinyin("曾志伟"), "zeng zhi wei");
        assert_eq!(pinyin("单田芳"), "shan tian fang");
        assert!(pinyin("区域贸易有限公司").starts_with("qu yu"), "区 of a company is qu");
    }

    #[test]
    fn chinese_company_names_are_also_read_as_words_by_sound() {
        let words = readings("青岛艾利科贸易有限公司");
        assert!(words.contains(&(Via::PinyinWords, "qingdao ailike trading co ltd".to_string())));
        let by_sound = spellings("青岛艾利科贸易有限公司")
            .into_iter()
            .find(|spelling| spelling.via == Via::PinyinWords)
            .unwrap();
        // The place is a word as written; the foreign name is compared by its consonants.
        assert!(!by_sound.tokens[0].vowelless && by_sound.tokens[1].vowelless);
        assert_eq!(by_sound.tokens[1].skeleton, skeleton(&phonetic_key("elik")));
        // A final ng stands for n in a transliterated name, compared by consonants.
        let foreign = spellings("埃勒孔集团");
        let by_sound = foreign.iter().find(|spelling| spelling.via == Via::PinyinWords).unwrap();
        assert_eq!(by_sound.tokens[0].text, "aileikong");
        assert_eq!(by_sound.tokens[0].skeleton, skeleton(&phonetic_key("elecon")));
        // People's names are not read by sound.
        assert!(!readings("王小明").iter().any(|(via, _)| *via == Via::PinyinWords));
    }

    #[test]
    fn chinese_names_of_government_bodies_are_translated() {
        assert!(readings("国家计划委员会")
            .contains(&(Via::Translated, "state planning commission".to_string())));
    }

    #[test]
    fn hangul_names_are_romanized_surname_first() {
        assert_eq!(readings("김여정"), [(Via::Hangul, "kim yo jong".to_string())]);
        assert_eq!(readings("강필훈"), [(Via::Hangul, "kang phil hun".to_string())]);
    }

    #[test]
    fn cyrillic_and_arabic_are_transliterated() {
        assert_eq!(readings("Шойгу Сергей"), [(Via::Cyrillic, "shoigu sergei".to_string())]);
        assert_eq!(
            readings("Пётр Семёнов"),
            [
                (Via::Cyrillic, "petr semenov".to_string()),
                (Via::Cyrillic, "pyotr semyonov".to_string())
            ]
        );
        let arabic = spellings("محمد");
        assert_eq!(arabic[0].via, Via::Arabic);
        assert!(arabic[0].tokens[0].vowelless);
        assert_eq!(arabic[0].tokens[0].skeleton, "mhmd");
    }

    #[test]
    fn simplified_characters_stay_as_they_are() {
        assert_eq!(to_simplified("宁波"), "宁波");
        assert_eq!(to_simplified("寧波"), "宁波");
        assert_eq!(to_simplified("長安海連技術"), "长安海连技术");
        let ningbo = readings("宁波贸易有限公司");
        assert!(ningbo.iter().any(|(_, text)| text.starts_with("ningbo")), "{ningbo:?}");
    }

    #[test]
    fn a_syllable_bin_is_part_of_the_name() {
        for name in ["张斌华", "강빈수"] {
            for spelling in spellings(name) {
                assert!(spelling.tokens.iter().all(|token| !token.weak), "{name}: {spelling:?}");
            }
        }
    }

    #[test]
    fn names_in_parentheses_and_after_semicolons_are_read_too() {
        let texts = |name: &str| -> Vec<String> {
            spellings(name)
                .iter()
                .map(|s| s.tokens.iter().map(|t| t.text.as_str()).collect::<Vec<_>>().join(" "))
                .collect()
        };
        let both = texts("Ibrahim Asiri (Ibrahim al-Asiri; Abrahim Asiri)");
        for expected in ["ibrahim asiri", "abrahim asiri"] {
            assert!(both.iter().any(|text| text == expected), "{both:?}");
        }
        let arabic = spellings("Hasan Gul (حسن غول)");
        assert!(arabic.iter().any(|s| s.via == Via::Arabic), "{arabic:?}");
        assert!(arabic.iter().any(|s| s.via == Via::AsWritten), "{arabic:?}");
        // One word in parentheses is part of the name, not another one.
        let company = texts("Kings Trading (HK) Co., Ltd.");
        assert!(company.iter().all(|text| text != "hk"), "{company:?}");
        assert!(company.iter().any(|text| text == "kings trading co ltd"), "{company:?}");
        // Nor is a country: `HONG KONG` alone would equal every such name.
        let placed = texts("China Unicom (Hong Kong) Limited");
        assert!(placed.iter().all(|text| text != "hong kong"), "{placed:?}");
        assert!(placed.iter().any(|text| text == "china unicom ltd"), "{placed:?}");
        assert_eq!(texts("Qasim Soleimani; Qasem Sulaimani").len(), 3);
    }

    #[test]
    fn names_without_letters_have_no_spelling() {
        assert!(spellings("").is_empty());
        assert!(spellings("?!., --").is_empty());
        assert!(spellings("Co., Ltd.").is_empty());
    }
}
