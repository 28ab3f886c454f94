//! Arabic script (Arabic, Persian and Urdu letters) read the way sanctions
//! lists romanize it, for comparison by consonant skeleton.
//!
//! The script writes consonants and long vowels; lists add the short vowels
//! (`محمد` is `Muhammad`, `Mohamed`, `Mohammed`). So a word is read as its
//! consonants with alef, waw and yeh inside a word as the vowels a, u and i,
//! a word-initial alef or ayn as a vowel (`عمر` → `amr`, as `Omar` starts
//! with one), and taa marbuta as a final a. The article ال is dropped
//! (lists write it `al-`, `el-`, `ad-` or leave it out, and [`super::normalize`]
//! drops it from Latin names too), and `عبد` joined to what follows is split
//! (`عبدالرحمن` → `abd rahman`, as `Abdul Rahman` is read). Persian and Urdu
//! letters (پ چ ژ گ ک ی) have their own sounds; tatweel, vowel marks and
//! presentation forms go (the latter through NFKC in [`super::normalize::fold`]).

use super::normalize::{self, Token};

/// The article.
const ARTICLE: &str = "ال";
/// `abd` (servant of), the first half of many compound names.
const ABD: &str = "عبد";
/// The name of God, kept whole in `عبدالله`.
const ALLAH: &str = "الله";

/// Legal forms as Arabic, Persian and Urdu write them (`لمتد` and
/// `المحدودة` limited, `شركة` and `کمپنی` company), with the canonical
/// token of their Latin spelling ([`super::normalize`]'s legal forms).
const LEGAL_FORMS: &[(&str, &str)] = &[
    ("لمتد", "ltd"),
    ("ليمتد", "ltd"),
    ("لميتد", "ltd"),
    ("لیمتد", "ltd"),
    ("لمیتد", "ltd"),
    ("لمیٹڈ", "ltd"),
    ("لمیٹیڈ", "ltd"),
    ("محدودة", "ltd"),
    ("المحدودة", "ltd"),
    ("محدود", "ltd"),
    ("شركة", "co"),
    ("شركه", "co"),
    ("شرکت", "co"),
    ("كمپنی", "co"),
    ("کمپنی", "co"),
    ("كمبني", "co"),
    ("كومباني", "co"),
];

/// The tokens of an Arabic-script name (already folded), marked vowelless:
/// each word's Latin letters for display and its phonetic key made from the
/// letters directly (romanized letters side by side would make digraphs
/// that are not there: ط then ه is not `th`). Words without Arabic letters
/// (a Latin name beside the Arabic one) are read as Latin.
pub fn tokens(text: &str) -> Vec<Token> {
    let mut result = Vec::new();
    for word in text.split(|c: char| c.is_whitespace() || c.is_ascii_punctuation()) {
        let word: String = word.chars().filter(|c| *c != '\u{0640}').collect();
        if !word.chars().any(super::translit::is_arabic) {
            let ascii = any_ascii::any_ascii(&word);
            result.extend(normalize::tokens(&normalize::words(&ascii), false));
            continue;
        }
        if word == AND {
            result.extend(normalize::tokens(&["and".to_string()], false));
            continue;
        }
        if let Some((_, canonical)) = LEGAL_FORMS.iter().find(|(written, _)| *written == word) {
            // The weak token the Latin spelling of the legal form gives.
            result.push(Token::new(canonical, true, false));
            continue;
        }
        if word == ARTICLE {
            continue; // the article written apart (`ال غبرا`)
        }
        let word_parts = parts(&word);
        for &part in &word_parts {
            if !result.is_empty() && SON_OF.contains(&part) {
                let (text, ..) = read_word(part);
                result.push(normalize::son_of(&text, true));
                continue;
            }
            let (text, key, mut other_keys) = read_word(part);
            // A name that only starts as the article does (`الياس`, Ilyas):
            // its letters read whole too.
            if word_parts.len() == 1 && word.strip_prefix(ARTICLE) == Some(part) {
                other_keys.push(read_word(&word).1);
            }
            if text.is_empty() {
                continue;
            }
            let read = Token::vowelless_read(text, key).with_other_keys(other_keys);
            match ORGANIZATION_WORDS.iter().find(|(written, _)| *written == part) {
                Some((_, english)) => {
                    result.push(Token::new(english, false, false).read_from(read))
                }
                None => result.push(read),
            }
        }
    }
    result
}

/// "And", written as a word of its own.
const AND: &str = "و";

/// Words of organizations (the article dropped) and the English words
/// lists write for them: `الجماعة الاسلامية` is `Islamic Group`. Each is
/// compared as written too (`جماعة` and `Jemaa`; [`Token::read_from`]).
const ORGANIZATION_WORDS: &[(&str, &str)] = &[
    ("جماعة", "group"),
    ("جماعه", "group"),
    ("جمعية", "association"),
    ("جمعيه", "association"),
    ("حركة", "movement"),
    ("حركه", "movement"),
    ("حرکت", "movement"),
    ("مؤسسة", "foundation"),
    ("مؤسسه", "foundation"),
    ("اسلامية", "islamic"),
    ("اسلاميه", "islamic"),
    ("إسلامية", "islamic"),
    ("اسلامي", "islamic"),
    ("إسلامي", "islamic"),
    ("اسلامی", "islamic"),
    ("مسلحة", "armed"),
    ("مقاتلة", "fighting"),
    ("خيرية", "charitable"),
    ("خیریه", "charitable"),
    ("صرافي", "exchange"),
    ("صرافی", "exchange"),
    ("حوالة", "hawala"),
    ("حواله", "hawala"),
    ("جيش", "army"),
    ("حزب", "party"),
    ("كتائب", "brigades"),
    ("بنك", "bank"),
    ("بانك", "bank"),
    ("مصرف", "bank"),
];

/// "Son of" and "daughter of" in Arabic script (بن، ابن، بنت، ولد).
const SON_OF: &[&str] = &["بن", "ابن", "إبن", "بنت", "ولد"];

/// The ways `abd` is written at the start of a word: with ayn, or with the
/// alef of a name spelled as it sounds (`ابدل` for `Abdul`).
const ABD_SPELLINGS: &[&str] = &[ABD, "ابد"];

/// The article as a name spelled by sound writes it after `abd`: `ال`,
/// `ل` (`ابدلكريم`, `Abdelkarim`), `ول` (`Abdoulaziz`).
const ARTICLES_AFTER_ABD: &[&str] = &[ARTICLE, "ول", "ل"];

/// `din` (faith) with the article, run onto the name before it
/// (`محيالدين`, `Muhyi al-Din`), as lists write it apart.
const ARTICLE_DIN: &[&str] = &["الدين", "الدن"];

/// The parts of one written word: the article dropped, `abd` split from a
/// name joined to it (with its article), `din` with its article split from
/// the name before it.
fn parts(word: &str) -> Vec<&str> {
    for abd in ABD_SPELLINGS.iter() {
        let Some(rest) = word.strip_prefix(abd) else { continue };
        if rest == ALLAH {
            return vec![ABD, ALLAH];
        }
        if rest.starts_with("لل") {
            break; // `Abdullah` spelled by sound (`ابدللة`): one name
        }
        for article in ARTICLES_AFTER_ABD {
            match rest.strip_prefix(article) {
                // `ابدل` alone: `Abdul` written apart from the name after it.
                Some("") if *article != ARTICLE => return vec![ABD],
                Some(name) if name.chars().count() >= 2 => return vec![ABD, name],
                _ => {}
            }
        }
    }
    if word != ALLAH {
        let name = word.strip_prefix(ARTICLE).filter(|name| name.chars().count() >= 2);
        let name = name.unwrap_or(word);
        for din in ARTICLE_DIN {
            if let Some(before) =
                name.strip_suffix(din).filter(|before| before.chars().count() >= 2)
            {
                return vec![before, din.strip_prefix(ARTICLE).unwrap_or(din)];
            }
        }
        return vec![name];
    }
    vec![word]
}

/// The Latin letters of one word, its phonetic key, and the other keys
/// its letters make ([`Token::other_keys`]).
fn read_word(word: &str) -> (String, String, Vec<String>) {
    let mut text = String::with_capacity(word.len());
    let mut key = String::with_capacity(word.len());
    // (a letter written twice read twice, Persian sounds)
    let mut other_keys = [(true, false), (false, true), (true, true)]
        .map(|reading| (reading, String::with_capacity(word.len())));
    let mut previous = None;
    let count = word.chars().count();
    for (position, c) in word.chars().enumerate() {
        let (letters, mut sound) = read_letter(c, position == 0, position + 1 == count);
        // An ayn between two consonants stands where Latin writes a vowel
        // (`معمر` is `Muammar`, not `Mamar`'s doubled m).
        let consonant_at = |at: Option<usize>| {
            at.and_then(|at| word.chars().nth(at)).is_some_and(|letter| {
                let (_, sound) = read_letter(letter, false, false);
                !sound.is_empty() && !matches!(sound, "a" | "i" | "u")
            })
        };
        if c == 'ع' && consonant_at(position.checked_sub(1)) && consonant_at(Some(position + 1)) {
            sound = "a";
        }
        text.push_str(letters);
        let digit = c.is_numeric();
        if digit {
            key.push_str(sound); // a number, not a sound: `١١` is 11
        } else {
            push_sound(&mut key, sound);
        }
        for ((twice, persian), other) in &mut other_keys {
            let sound = if *persian { persian_sound(c).unwrap_or(sound) } else { sound };
            if digit || *twice && previous == Some(c) {
                other.push_str(sound);
            } else {
                push_sound(other, sound);
            }
        }
        previous = Some(c);
    }
    (text, key, other_keys.into_iter().map(|(_, other)| other).collect())
}

/// The sound (as the phonetic key has it) of letters that Persian, Urdu
/// and Pashto say otherwise than Arabic: ث as `s`, ذ and ض as `z`; the
/// Urdu ہ as nothing, as Latin often writes its breath elsewhere or not at
/// all (`چوہدری`, `Chaudhry`).
fn persian_sound(letter: char) -> Option<&'static str> {
    match letter {
        'ث' | 'ذ' | 'ض' => Some("s"),
        'ہ' => Some(""),
        _ => None,
    }
}

/// One letter as written in Latin and as the phonetic key has it (nothing
/// for marks).
fn read_letter(c: char, initial: bool, last: bool) -> (&'static str, &'static str) {
    match c {
        'ا' | 'أ' | 'إ' | 'آ' | 'ٱ' | 'ى' => ("a", "a"),
        'ء' | 'ئ' | 'ؤ' | 'ع' if initial => ("a", "a"),
        'ء' | 'ئ' | 'ؤ' | 'ع' => ("", ""),
        'ب' => ("b", "b"),
        'پ' => ("p", "b"),
        'ت' | 'ط' | 'ٹ' | 'ټ' => ("t", "d"),
        'د' | 'ض' | 'ڈ' | 'ډ' => ("d", "d"),
        'ث' => ("th", "d"),
        'ذ' => ("dh", "d"),
        'ج' => ("j", "j"),
        'چ' => ("ch", "j"),
        'ژ' | 'ږ' => ("zh", "j"),
        'ح' | 'ه' | 'ھ' | 'ۀ' | 'ہ' => ("h", "h"),
        'خ' => ("kh", "k"),
        'غ' => ("gh", "k"),
        'ق' => ("q", "k"),
        'ك' | 'ک' => ("k", "k"),
        'گ' => ("g", "k"),
        'ر' | 'ڑ' | 'ړ' => ("r", "l"),
        'ل' => ("l", "l"),
        'ز' | 'ظ' | 'ځ' => ("z", "s"),
        'س' | 'ص' => ("s", "s"),
        'ش' | 'ښ' => ("sh", "s"),
        'ف' => ("f", "f"),
        'ڤ' => ("v", "v"),
        'م' => ("m", "m"),
        'ن' | 'ں' | 'ڼ' => ("n", "n"),
        'ة' if last => ("a", "a"),
        'ة' => ("t", "d"),
        'و' if initial => ("w", "v"),
        'و' => ("u", "u"),
        'ي' | 'ی' | 'ې' | 'ۍ' | 'ے' if initial => ("y", "i"),
        'ي' | 'ی' | 'ې' | 'ۍ' | 'ے' => ("i", "i"),
        '٠'..='٩' => digit(u32::from(c) - 0x0660),
        '۰'..='۹' => digit(u32::from(c) - 0x06F0),
        _ => ("", ""),
    }
}

/// An Arabic or Persian digit by its value, as written and as the key has it.
fn digit(value: u32) -> (&'static str, &'static str) {
    const DIGITS: [&str; 10] = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"];
    let digit = usize::try_from(value).ok().and_then(|at| DIGITS.get(at)).unwrap_or(&"");
    (digit, digit)
}

/// Appends to a key, a letter repeated once (as [`normalize::phonetic_key`]
/// collapses doubled letters).
fn push_sound(key: &mut String, sound: &str) {
    for c in sound.chars() {
        normalize::push_collapsed(key, c);
    }
}

/// One consonant of a phonetic key and the vowels written after it.
struct Slot<'a> {
    consonant: u8,
    vowels: &'a [u8],
}

/// A key as its leading vowels and its consonants with the vowels after
/// each.
fn slots(key: &[u8]) -> (&[u8], Vec<Slot<'_>>) {
    let is_vowel = |byte: &u8| matches!(byte, b'a' | b'e' | b'i' | b'o' | b'u');
    let leading = key.iter().take_while(|byte| is_vowel(byte)).count();
    let (initial, mut rest) = key.split_at(leading);
    let mut slots = Vec::new();
    while let Some((&consonant, after)) = rest.split_first() {
        let vowels = after.iter().take_while(|byte| is_vowel(byte)).count();
        let (written, next) = after.split_at(vowels);
        slots.push(Slot { consonant, vowels: written });
        rest = next;
    }
    (initial, slots)
}

/// Whether the phonetic key of an Arabic-script word (its consonants and
/// long vowels, [`tokens`]) can be written as the key of a Latin word: the
/// same consonants in order; a long vowel the script writes stands where
/// the Latin word has a vowel (or `w`/`v` for waw: `جوهر` is `Jawhar`); and
/// what Latin only writes for a written letter has one in the script: a `v`
/// inside the word (waw), a diphthong in `i` (yeh: `Husayn` is not `حسن`),
/// a final vowel (`Ahmadi` is not `أحمد`), an initial vowel (alef or ayn).
/// A final `h` is optional, and stands for a final vowel (ه after a vowel
/// is often left out in Latin: `الله` is `Allah`). A final `e` that ends
/// the Latin word as written (`latin_ends_in_e`) is silent, as in French
/// spellings (`Djermane` is `جرمان`); `Soleh`, whose key ends in the same
/// `e`, writes ه. A Latin `v` may also be the ف that Arabic writes for it
/// (`فلاديمير` is `Vladimir`, `جفاد` is `Javad`).
pub fn written_like(arabic_key: &str, latin_key: &str, latin_ends_in_e: bool) -> bool {
    aligned(arabic_key, latin_key, latin_ends_in_e, LatinV::Waw)
        || arabic_key.contains('f')
            && latin_key.contains('v')
            && aligned(arabic_key, latin_key, latin_ends_in_e, LatinV::Feh)
}

/// Whether an Arabic-script token can be written as a Latin one
/// ([`written_like`]), by its key or one of its other keys
/// ([`Token::other_keys`]), with a Latin `g` also read as the ج that
/// Egyptian names write for it (`Gamal` / `جمال`).
pub fn written_like_token(arabic: &Token, latin: &Token) -> bool {
    if arabic.key.len() < 2 {
        return false;
    }
    let ends_in_e = latin.text.ends_with('e');
    let arabic_keys = || std::iter::once(&arabic.key).chain(arabic.other_keys());
    if arabic_keys().any(|key| written_like(key, &latin.key, ends_in_e)) {
        return true;
    }
    // Read apart, the digraph's `h` must be a letter of the script's word.
    if arabic_keys().any(|key| key.contains('h')) {
        if let Some(apart) = digraphs_apart(&latin.text) {
            if arabic_keys().any(|key| written_like(key, &apart, ends_in_e)) {
                return true;
            }
        }
    }
    if !arabic.key.contains('j') {
        return false;
    }
    let Some(egyptian) = egyptian_g(&latin.text) else {
        return false;
    };
    let egyptian = normalize::phonetic_key(&egyptian);
    arabic_keys().any(|key| written_like(key, &egyptian, ends_in_e))
}

/// The key of a Latin word with each `sh`, `th`, `dh`, `kh` and `gh` read
/// as two letters, a consonant and `h`, as they are in Arabic names that
/// write the two (`Ishaq` is إسحاق, `Adham` أدهم); `None`
/// when it has none.
fn digraphs_apart(latin: &str) -> Option<String> {
    let bytes = latin.as_bytes();
    let cuts = (1..bytes.len()).filter(|&at| {
        bytes.get(at) == Some(&b'h')
            && bytes.get(at - 1).is_some_and(|before| b"stdkg".contains(before))
    });
    let mut key = String::with_capacity(latin.len() + 2);
    let mut start = 0;
    for cut in cuts {
        key.push_str(&normalize::phonetic_key(latin.get(start..cut)?));
        start = cut;
    }
    if start == 0 {
        return None;
    }
    key.push_str(&normalize::phonetic_key(latin.get(start..)?));
    Some(key)
}

/// A Latin word with `g` (not `gh`, which is غ) written as ج is read, when
/// it has one: Egyptian names write ج for the g they say (`Gamal`, `Ragab`).
fn egyptian_g(latin: &str) -> Option<String> {
    let mut read = String::with_capacity(latin.len());
    let mut letters = latin.chars().peekable();
    while let Some(letter) = letters.next() {
        let g_alone = letter == 'g' && letters.peek() != Some(&'h');
        read.push(if g_alone { 'j' } else { letter });
    }
    (read != latin).then_some(read)
}

/// What a Latin `v` is read as in [`aligned`].
#[derive(Clone, Copy, PartialEq)]
enum LatinV {
    /// Inside a word, the waw the script writes as a vowel (`Javad` / `جواد`).
    Waw,
    /// The feh the script writes for it (`Javad` / `جفاد`).
    Feh,
}

/// [`written_like`] with a Latin `v` read one way.
fn aligned(arabic_key: &str, latin_key: &str, latin_ends_in_e: bool, latin_v: LatinV) -> bool {
    let (arabic_initial, mut arabic) = slots(arabic_key.as_bytes());
    let (latin_initial, latin) = slots(latin_key.as_bytes());
    if arabic_initial.is_empty() != latin_initial.is_empty() {
        return false;
    }
    let final_h =
        latin.len() < arabic.len() && arabic.last().is_some_and(|slot| slot.consonant == b'h');
    if final_h {
        arabic.pop();
    }
    // Latin `v` inside the word: the waw the script writes as a vowel.
    let mut latin_slots: Vec<(u8, Vec<u8>)> = Vec::new();
    for (index, slot) in latin.iter().enumerate() {
        match latin_slots.last_mut() {
            Some(previous) if slot.consonant == b'v' && index > 0 && latin_v == LatinV::Waw => {
                previous.1.push(b'w');
                previous.1.extend_from_slice(slot.vowels);
            }
            _ => latin_slots.push((slot.consonant, slot.vowels.to_vec())),
        }
    }
    if latin_slots.len() != arabic.len() {
        return false;
    }
    let last = arabic.len().saturating_sub(1);
    arabic.iter().zip(&latin_slots).enumerate().all(|(index, (arabic, (consonant, vowels)))| {
        let written = !arabic.vowels.is_empty();
        let needs_waw = vowels.contains(&b'w');
        let diphthong = vowels.len() > 1 && vowels.contains(&b'i');
        // A final `e` alone is silent in French spellings (`Djermane` is
        // `جرمان`, `Lamine` is `لمين`); another final vowel is written.
        let final_vowel = index == last
            && !vowels.is_empty()
            && (!latin_ends_in_e || vowels != b"e")
            && !final_h
            && arabic.consonant != b'h';
        let same_consonant = arabic.consonant == *consonant
            || latin_v == LatinV::Feh && arabic.consonant == b'f' && *consonant == b'v';
        same_consonant
            && (!written || !vowels.is_empty())
            && (!needs_waw || arabic.vowels.contains(&b'u'))
            && (!diphthong || written)
            && (!final_vowel || written)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(name: &str) -> String {
        let tokens = tokens(&normalize::fold(name));
        tokens.iter().map(|token| token.text.as_str()).collect::<Vec<_>>().join(" ")
    }

    fn key(name: &str) -> String {
        let tokens = tokens(&normalize::fold(name));
        tokens.iter().map(|token| token.key.as_str()).collect::<Vec<_>>().join(" ")
    }

    #[test]
    fn consonants_and_long_vowels_are_written() {
        assert_eq!(read("محمد"), "mhmd");
        assert_eq!(read("محمود"), "mhmud");
        assert_eq!(read("حسين"), "hsin");
        assert_eq!(read("ياسين"), "yasin");
        assert_eq!(read("وليد"), "wlid");
    }

    #[test]
    fn son_of_after_a_name_is_the_weak_word_latin_names_share() {
        let read = tokens(&normalize::fold("محفوظ ولد الوليد"));
        let latin = normalize::tokens(&normalize::words("mahfouz ould walid"), false);
        assert!(read[1].weak && latin[1].weak);
        assert_eq!(read[1].key, latin[1].key);
        assert_eq!(read[1].text, "wld", "as the script writes it");
        assert!(!tokens(&normalize::fold("بن لادن"))[0].weak, "first, it is a name");
    }

    #[test]
    fn legal_forms_are_the_weak_words_of_their_latin_spelling() {
        let latin = normalize::tokens(&normalize::words("Rahat Limited Company"), false);
        for (arabic, at) in [("راحت لمتد", 1), ("شركة راحت", 0), ("راحت کمپنی", 1)]
        {
            let read = tokens(&normalize::fold(arabic));
            assert_eq!(read.len(), 2, "{arabic}");
            let form = &read[at];
            assert!(form.weak && !form.vowelless, "{arabic}");
            assert!(latin.iter().any(|token| token.weak && token.key == form.key), "{arabic}");
        }
        // A name that merely starts like one is read as a name.
        assert!(!tokens(&normalize::fold("شركات"))[0].weak);
    }

    #[test]
    fn an_initial_alef_or_ayn_is_a_vowel() {
        assert_eq!(read("عمر"), "amr");
        assert_eq!(read("إبراهيم"), "abrahim");
        assert_eq!(read("أسامة"), "asama");
        assert_eq!(read("معروف"), "mruf", "an ayn inside a word is not written in Latin");
        // Its place is a vowel's in the key: the m either side are two.
        assert_eq!(key("معمر"), "maml");
        assert_eq!(key("سعيد"), key("سيد"), "beside a long vowel it adds none");
    }

    #[test]
    fn the_article_is_dropped_and_abd_split() {
        assert_eq!(read("التكريتي"), "tkriti");
        assert_eq!(read("محمد ال غبرا"), "mhmd ghbra", "the article written apart");
        assert_eq!(read("عبد الرحمن"), "abd rhmn");
        assert_eq!(read("عبدالرحمن"), "abd rhmn");
        assert_eq!(read("عبدالله"), "abd allh");
        assert_eq!(read("الله"), "allh");
        assert_eq!(read("عبدالعزيز"), "abd aziz");
        // `abd` as a name spelled by sound writes it, with its article.
        assert_eq!(read("ابدلكريم"), "abd krim");
        assert_eq!(read("عبدلكريم"), "abd krim");
        assert_eq!(read("ابدولعزيز"), "abd aziz");
        assert_eq!(read("ابدل كريم"), "abd krim");
        assert_eq!(read("عبدل"), "abd");
        assert_eq!(read("ابدللة"), "abdlla", "Abdullah, one name");
        assert_eq!(read("ابدال"), "abdal", "a name, not abd with nothing after it");
        // `din` with the article, run onto the name before it.
        assert_eq!(read("محيالدين"), "mhi din");
        assert_eq!(read("نورالدين"), "nur din");
        assert_eq!(read("الدين"), "din");
    }

    fn written(arabic: &str, latin: &str) -> bool {
        written_like(&key(arabic), &normalize::phonetic_key(latin), latin.ends_with('e'))
    }

    #[test]
    fn keys_come_from_the_letters_not_from_their_romanization() {
        assert_eq!(read("طه"), "th");
        assert_eq!(key("طه"), "dh", "ط then ه is not the digraph th");
        assert_eq!(key("محمد"), normalize::phonetic_key("mhmd"));
        assert_eq!(key("خالد"), normalize::phonetic_key("khald"));
    }

    #[test]
    fn latin_spellings_that_add_only_short_vowels_are_written_alike() {
        for (arabic, latin) in [
            ("محمد", "muhammad"),
            ("محمد", "mohamed"),
            ("حسين", "hussein"),
            ("حسين", "husayn"),
            ("جوهر", "jawhar"),
            ("مروان", "marwan"),
            ("عمر", "omar"),
            ("أسامة", "usama"),
            ("حمزة", "hamzah"),
            ("الله", "allah"),
            ("طه", "taha"),
            ("وليد", "walid"),
            ("محمود", "mahmoud"),
            ("جرمان", "djermane"),
            ("أمين", "amine"),
            ("جفاد", "javad"),
            ("فلاديمير", "vladimir"),
            ("داوود", "davoud"),
            // An ayn between consonants, where Latin writes a vowel.
            ("معمر", "muammar"),
            ("جعفر", "jafar"),
        ] {
            assert!(written(arabic, latin), "{arabic} / {latin}");
        }
        let latin = |word: &str| Token::new(word, false, false);
        let arabic = |word: &str| tokens(&normalize::fold(word)).remove(0);
        // A Latin digraph that the script writes as two letters.
        for (arabic_word, latin_word) in [("إسحاق", "ishaq"), ("أدهم", "adham")] {
            assert!(!written(arabic_word, latin_word), "{arabic_word}: the digraph as one sound");
            assert!(written_like_token(&arabic(arabic_word), &latin(latin_word)), "{arabic_word}");
        }
        assert!(written_like_token(&arabic("رشيد"), &latin("rashid")), "one sound");
        // A letter written twice: two consonants, or one doubled; a name
        // that only starts as the article does, read whole too.
        for (arabic_word, latin_word) in [
            ("حبب", "habib"),
            ("خلل", "khalil"),
            ("محممد", "muhammad"),
            ("حسسين", "hussein"),
            ("الياس", "ilyas"),
            ("الياس", "elias"),
            ("البرت", "albert"),
        ] {
            assert!(written_like_token(&arabic(arabic_word), &latin(latin_word)), "{arabic_word}");
        }
        assert!(!written_like_token(&arabic("حبب"), &latin("hubaib")), "a diphthong is written");
        assert!(!written_like_token(&arabic("حب"), &latin("habib")));
    }

    #[test]
    fn latin_letters_the_script_would_write_must_be_there() {
        for (arabic, latin) in [
            ("أحمد", "ahmadi"),
            ("حسن", "husayn"),
            ("العلي", "alavi"),
            ("الحداد", "hawwat"),
            ("عمر", "mar"),
            ("حسن", "hassani"),
            ("حسن", "hassana"),
            ("جرمان", "djermani"),
            ("سر", "soleh"),
            ("فكتور", "viktoria"),
        ] {
            assert!(!written(arabic, latin), "{arabic} / {latin}");
        }
    }

    #[test]
    fn words_of_organizations_are_read_in_english_and_as_written() {
        assert_eq!(read("الجماعة الاسلامية المسلحة"), "group islamic armed");
        assert_eq!(read("بنك و صرافی"), "bank and exchange");
        let group = tokens(&normalize::fold("جماعة")).remove(0);
        let jemaa = Token::new("jemaa", false, false);
        assert!(crate::screen::score::token_similarity(&group, &jemaa).is_some());
    }

    #[test]
    fn persian_readings_and_egyptian_g() {
        let latin = |word: &str| Token::new(word, false, false);
        let arabic = |word: &str| tokens(&normalize::fold(word)).remove(0);
        for (arabic_word, latin_word) in [
            ("فضل", "fazl"),
            ("فضل", "fadl"),
            ("ثناء", "sana"),
            ("ذاكر", "zakir"),
            ("ځدران", "zadran"),
            ("چوہدری", "chaudhry"),
            ("جمال", "gamal"),
            ("جمال", "jamal"),
            ("رجب", "ragab"),
        ] {
            assert!(written_like_token(&arabic(arabic_word), &latin(latin_word)), "{arabic_word}");
        }
        assert!(!written_like_token(&arabic("جمال"), &latin("kamal")), "only a written g");
        assert!(!written_like_token(&arabic("غلام"), &latin("jalam")));
    }

    #[test]
    fn persian_letters_tatweel_and_digits() {
        assert_eq!(read("پرویز"), "pruiz");
        assert_eq!(read("گل آغا"), "gl agha");
        assert_eq!(read("شعبـان"), "shban");
        assert_eq!(read("کریمی"), "krimi");
        assert_eq!(read("جہاد"), "jhad", "Urdu heh");
        assert_eq!(read("١٢٣"), "123");
        assert_eq!(key("١١"), "11", "digits are not sounds");
        assert_eq!(read("Ibrahim (إبراهيم)"), "ibrahim abrahim");
    }
}
