//! Readings of names written in Chinese characters: the Sino-Korean reading
//! of a Korean name in the romanization North Korean names are listed under
//! (金与正 → KIM Yo Jong), and English names of government bodies composed
//! of common institutional terms (劳动部 → Ministry of Labor).
//!
//! The Hanja → Hangul readings invert the `hanja` crate's dictionary (from
//! libhangul, ordered by frequency), and a simplified character reads as
//! the traditional ones it simplifies (`fast2s` maps them; its table reads
//! in well under a millisecond, where converting the other way meant
//! loading tables for 50 ms and more).

use std::collections::HashMap;
use std::sync::OnceLock;

/// Conventional spellings of Korean surnames as North Korean names are
/// listed (OFAC, UN), keyed by the traditional character.
const SURNAMES: &[(char, &str)] = &[
    ('金', "KIM"),
    ('李', "RI"),
    ('朴', "PAK"),
    ('崔', "CHOE"),
    ('鄭', "JONG"),
    ('姜', "KANG"),
    ('趙', "JO"),
    ('尹', "YUN"),
    ('張', "JANG"),
    ('林', "RIM"),
    ('韓', "HAN"),
    ('吳', "O"),
    ('申', "SIN"),
    ('徐', "SO"),
    ('權', "KWON"),
    ('黃', "HWANG"),
    ('安', "AN"),
    ('宋', "SONG"),
    ('柳', "RYU"),
    ('洪', "HONG"),
    ('全', "JON"),
    ('高', "KO"),
    ('文', "MUN"),
    ('梁', "RYANG"),
    ('孫', "SON"),
    ('白', "PAEK"),
    ('許', "HO"),
    ('南', "NAM"),
    ('沈', "SIM"),
    ('盧', "RO"),
    ('河', "HA"),
    ('丁', "JONG"),
    ('成', "SONG"),
    ('車', "CHA"),
    ('閔', "MIN"),
    ('陳', "JIN"),
    ('池', "JI"),
    ('元', "WON"),
    ('方', "PANG"),
    ('玄', "HYON"),
    ('延', "YON"),
    ('太', "THAE"),
    ('馬', "MA"),
    ('呂', "RYO"),
    ('卞', "PYON"),
    ('邊', "PYON"),
    ('石', "SOK"),
    ('秋', "CHU"),
    ('都', "TO"),
    ('禹', "U"),
    ('朱', "JU"),
    ('任', "IM"),
    ('羅', "RA"),
    ('辛', "SIN"),
    ('嚴', "OM"),
    ('蔡', "CHAE"),
    ('千', "CHON"),
    ('孔', "KONG"),
    ('咸', "HAM"),
    ('廉', "RYOM"),
    ('楊', "YANG"),
    ('魯', "RO"),
    ('康', "KANG"),
    ('玉', "OK"),
    ('具', "KU"),
    ('明', "MYONG"),
    ('奇', "KI"),
    ('片', "PHYON"),
    ('表', "PYO"),
    ('薛', "SOL"),
    ('桂', "KYE"),
    ('魏', "WI"),
    ('睦', "MOK"),
    ('琴', "KUM"),
    ('邢', "HYONG"),
    ('秦', "JIN"),
    ('陸', "RYUK"),
];

/// The Sino-Korean reading of a Korean name written in Chinese characters,
/// as North Korean names are romanized in sanctions lists: `KIM Yo Jong`.
/// `None` when a character has no known reading or the name is not two to
/// four characters.
pub fn korean_name(name: &str) -> Option<String> {
    let chars: Vec<char> = name.chars().collect();
    let (&first, given) = chars.split_first()?;
    if !(1..=3).contains(&given.len()) {
        return None;
    }
    let surname = match korean_surname(first) {
        Some(spelling) => spelling.to_string(),
        None => romanize_syllable(*hangul_readings().get(&first)?, true).to_uppercase(),
    };
    let given: Option<Vec<String>> = given
        .iter()
        .map(|character| {
            hangul_readings()
                .get(character)
                .map(|syllable| capitalize(&romanize_syllable(*syllable, false)))
        })
        .collect();
    Some(format!("{surname} {}", given?.join(" ")))
}

/// Whether `character` (simplified or traditional) is a common Korean
/// surname, so a short name starting with it may be a Korean name.
pub fn is_korean_surname(character: char) -> bool {
    korean_surname(character).is_some()
}

/// How the lists spell the Korean surname `character` (traditional, or the
/// simplified form of a traditional surname: 金, 朴, 龙/龍).
fn korean_surname(character: char) -> Option<&'static str> {
    static SPELLINGS: OnceLock<HashMap<char, &'static str>> = OnceLock::new();
    let spellings = SPELLINGS.get_or_init(|| {
        // In table order, each form keeps the first surname it stands for.
        let mut spellings = HashMap::new();
        for (surname, spelling) in SURNAMES {
            for form in [*surname, simplified(*surname)] {
                spellings.entry(form).or_insert(*spelling);
            }
        }
        spellings
    });
    spellings.get(&character).copied()
}

/// The simplified form of one Chinese character (itself when it has none),
/// by `fast2s`'s one-to-one table.
pub fn simplified(character: char) -> char {
    let mut buffer = [0u8; 4];
    fast2s::convert(character.encode_utf8(&mut buffer)).chars().next().unwrap_or(character)
}

/// The Hangul reading of each Chinese character in `text` (simplified or
/// traditional); characters without one are kept as they are.
pub fn hangul(text: &str) -> String {
    text.chars()
        .map(|character| hangul_readings().get(&character).copied().unwrap_or(character))
        .collect()
}

/// Romanizes one Hangul syllable the way North Korean names are spelled in
/// sanctions lists (McCune–Reischauer without diacritics: 정 → jong,
/// 필 → phil, 철 → chol). A syllable that is not Hangul is returned as is.
pub fn romanize_syllable(syllable: char, is_surname: bool) -> String {
    const INITIALS: [&str; 19] = [
        "k", "kk", "n", "t", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch", "kh", "th",
        "ph", "h",
    ];
    const VOWELS: [&str; 21] = [
        "a", "ae", "ya", "yae", "o", "e", "yo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo",
        "we", "wi", "yu", "u", "ui", "i",
    ];
    const FINALS: [&str; 28] = [
        "", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l", "m", "p",
        "p", "t", "t", "ng", "t", "t", "k", "t", "p", "t",
    ];
    let code = u32::from(syllable);
    if !(0xAC00..=0xD7A3).contains(&code) {
        return syllable.to_string();
    }
    let index = (code - 0xAC00) as usize;
    let (initial, vowel, last) = (index / 588, (index % 588) / 28, index % 28);
    let mut initial = INITIALS.get(initial).copied().unwrap_or("");
    if is_surname && initial == "b" {
        initial = "p";
    }
    format!(
        "{initial}{}{}",
        VOWELS.get(vowel).copied().unwrap_or(""),
        FINALS.get(last).copied().unwrap_or("")
    )
}

/// The English name of a government body composed only of common
/// institutional terms (国家计划委员会 → State Planning Commission,
/// 劳动部 → Ministry of Labor); `None` for anything else.
pub fn institution_name(name: &str) -> Option<String> {
    const FORMS: &[(&str, &str, bool)] = &[
        ("委员会", "Commission", false),
        ("委員會", "Commission", false),
        ("总局", "General Bureau", false),
        ("總局", "General Bureau", false),
        ("部", "Ministry of", true),
        ("局", "Bureau", false),
        ("银行", "Bank", false),
        ("銀行", "Bank", false),
        ("研究所", "Research Institute", false),
        ("大学", "University", false),
        ("大學", "University", false),
    ];
    let (stem, form, leads) = FORMS.iter().find_map(|(suffix, form, leads)| {
        name.strip_suffix(suffix).filter(|stem| !stem.is_empty()).map(|stem| (stem, *form, *leads))
    })?;
    let words = translate_terms(stem)?;
    Some(if leads { format!("{form} {words}") } else { format!("{words} {form}") })
}

/// Institutional terms, longest first where one contains another.
const TERMS: &[(&str, &str)] = &[
    ("国家安全保卫", "State Security"),
    ("國家安全保衛", "State Security"),
    ("人民保安", "People's Security"),
    ("人民武力", "People's Armed Forces"),
    ("宣传鼓动", "Propaganda and Agitation"),
    ("宣傳鼓動", "Propaganda and Agitation"),
    ("组织指导", "Organization and Guidance"),
    ("組織指導", "Organization and Guidance"),
    ("对外经济", "External Economic Relations"),
    ("對外經濟", "External Economic Relations"),
    ("原子能工业", "Atomic Energy Industry"),
    ("原子能工業", "Atomic Energy Industry"),
    ("军需工业", "Munitions Industry"),
    ("軍需工業", "Munitions Industry"),
    ("对外贸易", "Foreign Trade"),
    ("對外貿易", "Foreign Trade"),
    ("社会安全", "Social Security"),
    ("社會安全", "Social Security"),
    ("国家", "State"),
    ("國家", "State"),
    ("计划", "Planning"),
    ("計劃", "Planning"),
    ("劳动", "Labor"),
    ("勞動", "Labor"),
    ("外务", "Foreign Affairs"),
    ("外務", "Foreign Affairs"),
    ("外交", "Foreign Affairs"),
    ("财政", "Finance"),
    ("財政", "Finance"),
    ("侦察", "Reconnaissance"),
    ("偵察", "Reconnaissance"),
    ("国防", "Defense"),
    ("國防", "Defense"),
    ("公安", "Public Security"),
    ("保卫", "Security"),
    ("保衛", "Security"),
    ("安全", "Security"),
    ("人民", "People's"),
    ("中央", "Central"),
    ("贸易", "Trade"),
    ("貿易", "Trade"),
    ("科学", "Science"),
    ("科學", "Science"),
    ("技术", "Technology"),
    ("技術", "Technology"),
    ("教育", "Education"),
    ("文化", "Culture"),
    ("铁道", "Railways"),
    ("鐵道", "Railways"),
    ("水产", "Fisheries"),
    ("水產", "Fisheries"),
    ("电力工业", "Electric Power Industry"),
    ("電力工業", "Electric Power Industry"),
    ("煤炭工业", "Coal Industry"),
    ("煤炭工業", "Coal Industry"),
    ("金属工业", "Metal Industry"),
    ("金屬工業", "Metal Industry"),
    ("化学工业", "Chemical Industry"),
    ("化學工業", "Chemical Industry"),
    ("宣传", "Propaganda"),
    ("宣傳", "Propaganda"),
    ("监察", "Inspection"),
    ("監察", "Inspection"),
    ("政治", "Political"),
    ("军事", "Military"),
    ("軍事", "Military"),
];

/// Translates `text` when it is made only of [`TERMS`], longest match first.
fn translate_terms(mut text: &str) -> Option<String> {
    let mut words = Vec::new();
    while !text.is_empty() {
        let (term, english) = TERMS
            .iter()
            .filter(|(term, _)| text.starts_with(term))
            .max_by_key(|(term, _)| term.len())?;
        words.push(*english);
        text = text.get(term.len()..)?;
    }
    Some(words.join(" "))
}

/// Hanja → the Hangul syllable it is most often read as. Where a character
/// has a reading with an initial ㄹ or ㄴ beside the one the South Korean
/// initial-sound rule makes (리/이, 룡/용), the ㄹ/ㄴ reading is kept, as in
/// North Korean usage.
fn hangul_readings() -> &'static HashMap<char, char> {
    static READINGS: OnceLock<HashMap<char, char>> = OnceLock::new();
    READINGS.get_or_init(|| {
        // (read through its simplified form, rank, not keeping ㄴ/ㄹ, syllable):
        // the least wins, and a character's own reading comes first.
        let mut best: HashMap<char, (bool, usize, bool, char)> = HashMap::new();
        let mut offer = |character: char, candidate: (bool, usize, bool, char)| {
            best.entry(character)
                .and_modify(|known| {
                    if (candidate.0, candidate.1, candidate.2) < (known.0, known.1, known.2) {
                        *known = candidate;
                    }
                })
                .or_insert(candidate);
        };
        for syllable in '\u{AC00}'..='\u{D7A3}' {
            let Some(entries) = hanja::get(syllable) else { continue };
            let initial = (u32::from(syllable) - 0xAC00) / 588;
            let keeps_initial = initial == 2 || initial == 5; // ㄴ or ㄹ
            for (rank, (character, _)) in entries.iter().enumerate() {
                offer(*character, (false, rank, !keeps_initial, syllable));
                // Hanja are traditional; a simplified name reads as its
                // traditional form would (金与正 as 金與正).
                let simplified = simplified(*character);
                if simplified != *character {
                    offer(simplified, (true, rank, !keeps_initial, syllable));
                }
            }
        }
        best.into_iter().map(|(character, (_, _, _, syllable))| (character, syllable)).collect()
    })
}

fn capitalize(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map_or_else(String::new, |first| first.to_uppercase().chain(chars).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(name: &str, expect: Option<&str>) {
        assert_eq!(korean_name(name).as_deref(), expect, "{name}");
    }

    #[test]
    fn korean_names_read_as_listed() {
        check("金正日", Some("KIM Jong Il"));
        // The lists spell ㅂ in given names both ways (Pyong, Byong); this
        // reading writes B, and screening matches P/B, K/G, T/D and J/Ch alike.
        check("朴奉珠", Some("PAK Bong Ju"));
        check("李洙墉", Some("RI Su Yong"));
        check("崔龙海", Some("CHOE Ryong Hae"));
        check("金", None);
    }

    #[test]
    fn syllables() {
        assert_eq!(romanize_syllable('철', false), "chol");
        assert_eq!(romanize_syllable('필', false), "phil");
        assert_eq!(romanize_syllable('병', false), "byong");
        assert_eq!(romanize_syllable('박', true), "pak");
        assert_eq!(hangul("金与正"), "금여정");
    }

    #[test]
    fn institutions() {
        assert_eq!(
            institution_name("人民武力部").as_deref(),
            Some("Ministry of People's Armed Forces")
        );
        assert_eq!(institution_name("侦察总局").as_deref(), Some("Reconnaissance General Bureau"));
        assert_eq!(institution_name("某某贸易公司"), None);
    }
}
