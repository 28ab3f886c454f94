//! Belarusian and Ukrainian names romanized as their own languages write
//! them (`Aliaksandr`, `Uladzimir`, `Tkachou`, `Mikhailauna`, `Henadz`,
//! `Serhiy`), read as a Russian romanization writes the same name
//! (`Aleksandr`, `Vladimir`, `Tkachev`, `Mikhailovna`, `Gennadi`,
//! `Sergei`). Lists give officials of Belarus and Ukraine in either
//! spelling, and customers write the Russian one as often as not.

/// `text` (a lowercase ASCII word) as a Russian romanization would write
/// it, when the word shows a Belarusian or Ukrainian spelling; `None`
/// otherwise. The reading keeps its vowels as written: a Belarusian `ia`
/// or `a` stands for a Russian `e`, `ya` or `o` by stress, which the
/// spelling does not show, so readings are compared with vowels anywhere
/// they stand (see `score::russian_spelling`).
pub fn russian_read(text: &str) -> Option<String> {
    if !shows_belarusian_or_ukrainian(text) {
        return None;
    }
    read_as_russian(text)
}

/// `text` (a lowercase ASCII word of four letters or more) read as
/// [`russian_read`] reads it, whether or not the word shows a Belarusian
/// or Ukrainian spelling itself (another word of its name may).
pub fn read_as_russian(text: &str) -> Option<String> {
    if text.len() < MIN_WORD || !text.is_ascii() {
        return None;
    }
    let mut read = text.to_string();
    for (ending, russian) in ENDINGS {
        if let Some(stem) = read.strip_suffix(ending) {
            read = format!("{stem}{russian}");
            break;
        }
    }
    let bytes: Vec<u8> = read.into_bytes();
    let at = |index: usize| bytes.get(index).copied();
    let mut out = String::with_capacity(bytes.len() + 1);
    for (index, &byte) in bytes.iter().enumerate() {
        let before = index.checked_sub(1).and_then(at);
        let after = at(index + 1);
        match byte {
            // `dz` is a `d` before a soft vowel (`Uladzimir`); a final one
            // is the Russian `-dii` (`Henadz`, Gennadii).
            b'z' if before == Some(b'd') && after != Some(b'h') => {
                if after.is_none() {
                    out.push('i');
                }
            }
            // `u` after a vowel is the Russian `v` (`Tkachou`, `Astapau`).
            b'u' if before.is_some_and(is_vowel) && after.is_none_or(|next| !is_vowel(next)) => {
                out.push('v');
            }
            // An initial `u` before `l` is the Russian `v` (`Uladzimir`).
            b'u' if index == 0 && after == Some(b'l') => out.push('v'),
            // `h` is the Russian `g` (`Siarhei`, `Henadz`), but not in a
            // digraph (`kh`, `sh`, `ch`, `zh`).
            b'h' if !ends_digraph(before) => out.push('g'),
            _ => out.push(char::from(byte)),
        }
    }
    Some(out)
}

/// The shortest word read: shorter words say too little of their language.
const MIN_WORD: usize = 4;

/// Patronymic and surname endings and their Russian spelling
/// (`Mikhailauna`, `Leanidavich`, `Mykolayovych`, `Auramenka`).
const ENDINGS: &[(&str, &str)] = &[
    ("auna", "ovna"),
    ("avich", "ovich"),
    ("avych", "ovich"),
    ("ovych", "ovich"),
    ("ivna", "ovna"),
    // Not a patronymic: the Belarusian form of the Ukrainian surnames in
    // `-enko` (`Auramenka`).
    ("enka", "enko"),
];

/// Letters that make a digraph with a following `h`.
const DIGRAPH_FIRSTS: &[u8] = b"cksztpgd";

/// Whether an `h` after `before` (the letter before it, if any) is the
/// second letter of a digraph (`kh`, `sh`, `ch`, `zh`) rather than an `h`
/// of its own.
fn ends_digraph(before: Option<u8>) -> bool {
    before.is_some_and(|letter| DIGRAPH_FIRSTS.contains(&letter))
}

fn is_vowel(byte: u8) -> bool {
    matches!(byte, b'a' | b'e' | b'i' | b'o' | b'u' | b'y')
}

/// Whether the word carries a spelling of Belarusian or Ukrainian
/// romanization that Russian romanization does not have: `dz` (not `dzh`),
/// a patronymic in `-auna`, `-avich` or `-ovych`, a surname in `-enka`, a
/// final `u` after `a`, `e` or `o` (`Tkachou`, `Karaeu`), an `h` in a word
/// ending in `-iy` (`Serhiy`), `ia` after a consonant with `rh`
/// (`Siarhei`) or inside a word of seven letters or more (`Aliaksei`), or
/// an initial `hl` or `hr` (`Hleb`).
fn shows_belarusian_or_ukrainian(text: &str) -> bool {
    let bytes = text.as_bytes();
    let dz = bytes.windows(3).any(|w| matches!(w, [b'd', b'z', next] if *next != b'h'))
        || text.ends_with("dz");
    let ending = ENDINGS.iter().any(|(ending, _)| text.ends_with(ending));
    // Not after `i` or `u`: pinyin ends so (`liu`, `jiu`).
    let final_u =
        bytes.len() >= MIN_FINAL_U_WORD && matches!(bytes, [.., b'a' | b'e' | b'o', b'u']);
    let lone_h = bytes.first() == Some(&b'h')
        || bytes.windows(2).any(|w| matches!(w, [before, b'h'] if !ends_digraph(Some(*before))));
    // `ia` after a consonant and `rh` (`Siarhei`); either alone is common
    // elsewhere (`Diaz`, pinyin `xia`; `Rhee`).
    let ia_after_consonant =
        bytes.windows(3).any(|w| matches!(w, [consonant, b'i', b'a'] if !is_vowel(*consonant)));
    // `hl` and `hr` begin Belarusian and Ukrainian words (`Hleb`, `Hryhoriy`)
    // where Russian has `gl`, `gr`.
    let initial_h = text.starts_with("hl") || text.starts_with("hr");
    // Or inside a long word, for the Russian `e` (`Sviatlana`, `Piatrovich`;
    // not the Persian, Romance and English `-ian`, `-ia` of `Rezaian`,
    // `Cristian`, `Silvia`, nor pinyin run together: `Xiaohong`, `Jiaming`).
    let ia_inside_long_word = bytes.len() >= MIN_IA_WORD
        && bytes
            .windows(4)
            .any(|w| matches!(w, [before, b'i', b'a', after] if belarusian_ia(*before, *after)))
        && !text.ends_with("ia")
        && !LATIN_SUFFIXES.iter().any(|suffix| text.ends_with(suffix));
    dz || ending
        || ia_inside_long_word
        || final_u
        || initial_h
        || (lone_h && text.ends_with("iy"))
        || (ia_after_consonant && text.contains("rh"))
}

/// Endings of English and Romance words, whose `ia` is never Belarusian
/// (`aviation`, `asociacion`, `federazione`).
const LATIN_SUFFIXES: &[&str] = &["tion", "sion", "cion", "zione", "ziun"];

/// Whether an `ia` between `before` and `after` is the Belarusian one:
/// between consonants, not the pinyin `jia`, `qia`, `xia`, nor `ian`.
fn belarusian_ia(before: u8, after: u8) -> bool {
    !is_vowel(before) && !b"jqx".contains(&before) && !is_vowel(after) && after != b'n'
}

/// The shortest word in which an `ia` after a consonant is taken as
/// Belarusian.
const MIN_IA_WORD: usize = 7;

/// The shortest word whose final `u` after a vowel is read as `v`.
const MIN_FINAL_U_WORD: usize = 6;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn belarusian_and_ukrainian_spellings_are_read_as_russian_writes_them() {
        for (word, russian) in [
            ("uladzimir", "vladimir"),
            ("henadz", "genadi"),
            ("tkachou", "tkachov"),
            ("karaeu", "karaev"),
            ("viacheslau", "viacheslav"),
            ("mikhailauna", "mikhailovna"),
            ("lidziya", "lidiya"),
            ("dzmitry", "dmitry"),
            ("hleb", "gleb"),
            ("uladzimirauna", "vladimirovna"),
            ("leanidavich", "leanidovich"),
            ("siarhei", "siargei"),
            ("serhiy", "sergiy"),
            ("mykolayovych", "mykolayovich"),
            ("sviatlana", "sviatlana"),
            ("auramenka", "avramenko"),
        ] {
            assert_eq!(russian_read(word).as_deref(), Some(russian), "{word}");
        }
        // Russian spellings, and words with no sign of the two languages.
        for word in [
            "vladimir",
            "sergei",
            "aleksandr",
            "hassan",
            "kuznetsov",
            "mohamed",
            "khan",
            "zimousky",
            "xiaohong",
            "jiaming",
            "ahmadian",
            "aviation",
            "asociacion",
        ] {
            assert_eq!(russian_read(word), None, "{word}");
        }
    }
}
