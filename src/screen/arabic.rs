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

/// The article.
const ARTICLE: &str = "ال";
/// `abd` (servant of), the first half of many compound names.
const ABD: &str = "عبد";
/// The name of God, kept whole in `عبدالله`.
const ALLAH: &str = "الله";

/// Latin letters for Arabic-script `text` (already folded), word by word;
/// other characters are kept as they are.
pub fn romanize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (index, word) in text.split(|c: char| c.is_whitespace()).enumerate() {
        if index > 0 {
            out.push(' ');
        }
        let word: String = word.chars().filter(|c| *c != '\u{0640}').collect();
        for part in parts(&word) {
            romanize_word(part, &mut out);
            out.push(' ');
        }
    }
    out
}

/// The parts of one written word: the article dropped, `عبد` split from a
/// name joined to it.
fn parts(word: &str) -> Vec<&str> {
    if let Some(rest) = word.strip_prefix(ABD) {
        if rest == ALLAH {
            return vec![ABD, ALLAH];
        }
        if let Some(name) = rest.strip_prefix(ARTICLE).filter(|name| name.chars().count() >= 2) {
            return vec![ABD, name];
        }
    }
    if word != ALLAH {
        if let Some(name) = word.strip_prefix(ARTICLE).filter(|name| name.chars().count() >= 2) {
            return vec![name];
        }
    }
    vec![word]
}

/// Appends the Latin letters of one word.
fn romanize_word(word: &str, out: &mut String) {
    let count = word.chars().count();
    for (position, c) in word.chars().enumerate() {
        let initial = position == 0;
        let last = position + 1 == count;
        let letters = match c {
            'ا' | 'أ' | 'إ' | 'آ' | 'ٱ' | 'ى' => "a",
            'ء' | 'ئ' | 'ؤ' | 'ع' => {
                if initial {
                    "a"
                } else {
                    ""
                }
            }
            'ب' => "b",
            'ت' | 'ط' | 'ٹ' => "t",
            'ث' => "th",
            'ج' => "j",
            'ح' | 'ه' | 'ھ' | 'ۀ' => "h",
            'خ' => "kh",
            'د' | 'ض' | 'ڈ' => "d",
            'ذ' => "dh",
            'ر' | 'ڑ' => "r",
            'ز' | 'ظ' => "z",
            'س' | 'ص' => "s",
            'ش' => "sh",
            'غ' => "gh",
            'ف' => "f",
            'ڤ' => "v",
            'ق' => "q",
            'ك' | 'ک' => "k",
            'گ' => "g",
            'ل' => "l",
            'م' => "m",
            'ن' | 'ں' => "n",
            'پ' => "p",
            'چ' => "ch",
            'ژ' => "zh",
            'ة' => {
                if last {
                    "a"
                } else {
                    "t"
                }
            }
            'و' => {
                if initial {
                    "w"
                } else {
                    "u"
                }
            }
            'ي' | 'ی' | 'ې' | 'ۍ' | 'ے' => {
                if initial {
                    "y"
                } else {
                    "i"
                }
            }
            '٠'..='٩' => {
                out.push(char::from(b'0' + (u32::from(c) - 0x0660) as u8));
                continue;
            }
            '۰'..='۹' => {
                out.push(char::from(b'0' + (u32::from(c) - 0x06F0) as u8));
                continue;
            }
            other if super::translit::is_arabic(other) => "",
            other => {
                out.push(other);
                continue;
            }
        };
        out.push_str(letters);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(name: &str) -> String {
        romanize(&crate::screen::normalize::fold(name))
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
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
    fn an_initial_alef_or_ayn_is_a_vowel() {
        assert_eq!(read("عمر"), "amr");
        assert_eq!(read("إبراهيم"), "abrahim");
        assert_eq!(read("أسامة"), "asama");
        assert_eq!(read("معروف"), "mruf", "an ayn inside a word is not written in Latin");
    }

    #[test]
    fn the_article_is_dropped_and_abd_split() {
        assert_eq!(read("التكريتي"), "tkriti");
        assert_eq!(read("عبد الرحمن"), "abd rhmn");
        assert_eq!(read("عبدالرحمن"), "abd rhmn");
        assert_eq!(read("عبدالله"), "abd allh");
        assert_eq!(read("الله"), "allh");
        assert_eq!(read("عبدالعزيز"), "abd aziz");
    }

    #[test]
    fn persian_letters_tatweel_and_digits() {
        assert_eq!(read("پرویز"), "pruiz");
        assert_eq!(read("گل آغا"), "gl agha");
        assert_eq!(read("شعبـان"), "shban");
        assert_eq!(read("کریمی"), "krimi");
        assert_eq!(read("١٢٣"), "123");
    }
}
