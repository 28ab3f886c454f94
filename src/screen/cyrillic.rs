//! Russian business and government words in Cyrillic names, translated as
//! the lists translate them (`Государственная корпорация Ростех` is listed
//! as `STATE CORPORATION ROSTEC`, `Министерство обороны` as `MINISTRY OF
//! DEFENSE`). Lists transliterate as often as they translate, so this is a
//! spelling beside the transliteration, not instead of it.
//!
//! The same words transliterated (`ZAVOD`, `OBYEDINENIYE`, `KURORT`) are
//! read as their English word in every Latin name, on both sides: lists
//! give a Russian company now transliterated, now translated, and often
//! half of each (`JSC PRODUCTION OBYEDINENIYE ...`).

/// Word stems (lowercase) and their English words. A word is translated
/// when it starts with a stem and has at most [`MAX_ENDING`] more letters
/// (Russian case and gender endings). Longer stems first where one begins
/// another.
const TERMS: &[(&str, &str)] = &[
    ("госкорпорац", "state corporation"),
    ("государствен", "state"),
    ("корпорац", "corporation"),
    ("компани", "company"),
    ("концерн", "concern"),
    ("групп", "group"),
    ("холдинг", "holding"),
    ("объединен", "association"),
    ("научно", "scientific"),
    ("производствен", "production"),
    ("предприят", "enterprise"),
    ("унитарн", "unitary"),
    ("федеральн", "federal"),
    ("федерац", "federation"),
    ("российск", "russian"),
    ("министерств", "ministry"),
    ("оборон", "defense"),
    ("служб", "service"),
    ("безопасност", "security"),
    ("агентств", "agency"),
    ("частн", "private"),
    ("военн", "military"),
    ("нефтян", "oil"),
    ("торгов", "trading"),
    ("судоходн", "shipping"),
    ("завод", "plant"),
    ("институт", "institute"),
    ("университет", "university"),
    ("центр", "center"),
    ("акционерн", "joint stock"),
    ("обществ", "company"),
    ("открыт", "open"),
    ("закрыт", "closed"),
    ("публичн", "public"),
    ("ограниченн", "limited"),
    ("ответственност", "liability"),
];

/// The most letters a translated word may have after its stem.
const MAX_ENDING: usize = 3;

/// `folded` (lowercase) with its business and government words in English, or `None`
/// when it has none of them.
pub fn translated(folded: &str) -> Option<String> {
    let mut out = String::with_capacity(folded.len());
    let mut any = false;
    let mut word = String::new();
    let mut flush = |word: &mut String, out: &mut String| {
        match english(word) {
            Some(english) => {
                any = true;
                out.push_str(english);
            }
            None => out.push_str(word),
        }
        word.clear();
    };
    for c in folded.chars() {
        if c.is_alphanumeric() {
            word.push(c);
        } else {
            flush(&mut word, &mut out);
            out.push(c);
        }
    }
    flush(&mut word, &mut out);
    any.then_some(out)
}

fn english(word: &str) -> Option<&'static str> {
    TERMS.iter().find_map(|(stem, english)| {
        let ending = word.strip_prefix(stem)?;
        (ending.chars().count() <= MAX_ENDING).then_some(*english)
    })
}

/// Latin transliterations of Russian business words (stems, lowercase) and
/// their English words, as lists translate them. Legal forms (`obshchestvo`,
/// `aktsionernoe`) are not here: they are read as legal forms.
const LATIN_TERMS: &[(&str, &str)] = &[
    ("obyedinen", "association"),
    ("obedinen", "association"),
    ("obiedinen", "association"),
    ("zavod", "plant"),
    ("kombinat", "plant"),
    ("kurort", "resort"),
    ("kholding", "holding"),
    ("kompani", "company"),
    ("grupp", "group"),
    ("korporats", "corporation"),
    ("kontsern", "concern"),
    ("nauchno", "scientific"),
    ("issledovatelsk", "research"),
    ("proizvodstvenn", "production"),
    ("predpriyat", "enterprise"),
    ("gosudarstvenn", "state"),
    ("federaln", "federal"),
    ("unitarn", "unitary"),
    ("tsentr", "center"),
    ("institut", "institute"),
    ("tekhnologi", "technology"),
    ("konstruktorsk", "design"),
    ("byuro", "bureau"),
    ("ministerstv", "ministry"),
    ("treid", "trading"),
    ("dizain", "design"),
    ("dizayn", "design"),
    ("servis", "service"),
    ("kommerchesk", "commercial"),
    ("stroiteln", "construction"),
];

/// The Russian case and gender endings a transliterated business word may
/// have after its stem. Not the endings of surnames (`-ov`, `-in`):
/// `Zavodov` is a family name, not a plant.
const LATIN_ENDINGS: &[&str] = &[
    "", "a", "e", "i", "o", "u", "y", "ya", "yu", "ii", "ie", "iye", "iya", "iyu", "oe", "oye",
    "aya", "yy", "yi", "iy", "oy", "oi", "ogo", "ykh", "ikh", "om",
];

/// The English word of a transliterated Russian business word (`zavod` →
/// `plant`, `obyedineniye` → `association`), if `word` (lowercase) is one.
pub fn latin_english(word: &str) -> Option<&'static str> {
    LATIN_TERMS.iter().find_map(|(stem, english)| {
        let ending = word.strip_prefix(stem)?;
        LATIN_ENDINGS.contains(&ending).then_some(*english)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn business_and_government_words_are_translated_in_any_case() {
        assert_eq!(
            translated("государственная корпорация ромашка").as_deref(),
            Some("state corporation ромашка")
        );
        assert_eq!(
            translated("министерство обороны российской федерации").as_deref(),
            Some("ministry defense russian federation")
        );
        assert_eq!(
            translated("ооо «научно-производственное объединение ромашка»").as_deref(),
            Some("ооо «scientific-production association ромашка»")
        );
    }

    #[test]
    fn transliterated_business_words_are_read_in_english() {
        for (word, english) in [
            ("zavod", "plant"),
            ("obyedineniye", "association"),
            ("obedinenie", "association"),
            ("kurort", "resort"),
            ("kompaniya", "company"),
            ("grupp", "group"),
            ("proizvodstvennoye", "production"),
            ("tekhnologii", "technology"),
            ("treid", "trading"),
            ("dizayn", "design"),
            ("servisa", "service"),
            ("kommercheski", "commercial"),
            ("stroitelnaya", "construction"),
        ] {
            assert_eq!(latin_english(word), Some(english), "{word}");
        }
        // Surnames and other words built on a stem are left.
        for word in ["zavodov", "institutova", "tsentrum", "grigory"] {
            assert_eq!(latin_english(word), None, "{word}");
        }
    }

    #[test]
    fn other_words_and_longer_words_are_left() {
        assert_eq!(translated("сергей петров"), None);
        // A stem with more than a case ending after it is another word.
        assert_eq!(translated("центральный"), None);
    }
}
