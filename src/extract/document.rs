//! A source document prepared for reading: HTML-ish markup blanked out
//! (keeping every byte offset), split into sections (a listing page holds
//! several releases) and sentences with their byte ranges.
//!
//! **Invariant:** `Prepared::clean` has exactly the byte length of the
//! original text and is valid UTF-8, so every range found in it is a range of
//! the original document too.

use std::ops::Range;
use std::sync::OnceLock;

use regex::Regex;

/// A source text and its file name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// File name under the sources folder; it names the evidence.
    pub name: String,
    /// The text as read from disk.
    pub text: String,
}

impl Document {
    /// A document from its file name and text.
    pub fn new(name: &str, text: &str) -> Document {
        Document { name: name.to_string(), text: text.to_string() }
    }

    /// The character offset of byte offset `byte` (clamped to the text).
    pub fn char_offset(&self, byte: usize) -> usize {
        let mut end = byte.min(self.text.len());
        while !self.text.is_char_boundary(end) {
            end -= 1;
        }
        self.text.get(..end).map_or(0, |head| head.chars().count())
    }
}

/// One sentence: its byte range in the document and the section it is in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    /// Byte range in the document.
    pub range: Range<usize>,
    /// Index into [`Prepared::sections`].
    pub section: usize,
}

/// A document cleaned and cut into sections and sentences.
#[derive(Debug, Clone)]
pub struct Prepared {
    /// The text with markup and URLs replaced by spaces, same byte length.
    pub clean: String,
    /// Byte ranges of the sections (whole releases on a listing page).
    pub sections: Vec<Range<usize>>,
    /// Sentences in document order.
    pub sentences: Vec<Sentence>,
}

impl Prepared {
    /// The cleaned text of `range` (empty if out of bounds).
    pub fn slice(&self, range: &Range<usize>) -> &str {
        self.clean.get(range.clone()).unwrap_or("")
    }

    /// Indices of the sentences in section `section`.
    pub fn sentences_in(&self, section: usize) -> impl Iterator<Item = usize> + '_ {
        self.sentences
            .iter()
            .enumerate()
            .filter(move |(_, sentence)| sentence.section == section)
            .map(|(index, _)| index)
    }
}

/// Cleans `text` and cuts it into sections and sentences.
pub fn prepare(text: &str) -> Prepared {
    let clean = blank_markup(text);
    let sections = split_sections(&clean);
    let mut sentences = Vec::new();
    for (section, range) in sections.iter().enumerate() {
        for sentence in split_sentences(&clean, range.clone()) {
            sentences.push(Sentence { range: sentence, section });
        }
    }
    Prepared { clean, sections, sentences }
}

/// Collapses runs of whitespace to one space and trims.
pub fn collapse_whitespace(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Replaces HTML tags, comments, character entities and URLs by spaces of the
/// same byte length.
fn blank_markup(text: &str) -> String {
    static MARKUP: OnceLock<Option<Regex>> = OnceLock::new();
    let markup = MARKUP.get_or_init(|| {
        Regex::new(r"<!--.*?-->|</?[A-Za-z][^<>]{0,4000}>|\*\*|&(?:[a-zA-Z]{2,8}|#\d{1,6});|https?://[^\s)\]<>]+").ok()
    });
    let Some(markup) = markup else { return text.to_string() };
    let mut bytes = text.as_bytes().to_vec();
    for found in markup.find_iter(text) {
        if let Some(blanked) = bytes.get_mut(found.range()) {
            blanked.fill(b' ');
            // "... in 2010.** Maksim Orlov** has": bold that opens right
            // after a sentence's end opens a paragraph whose break was lost.
            let after_sentence = text
                .get(..found.start())
                .and_then(|before| before.chars().next_back())
                .is_some_and(|c| matches!(c, '.' | '!' | '?' | '”' | '"'));
            if found.as_str() == "**" && after_sentence {
                if let Some(first) = blanked.first_mut() {
                    *first = b'\n';
                }
            }
        }
    }
    // Every blanked range starts and ends on an ASCII byte, so whole
    // characters were replaced and the bytes are still UTF-8.
    String::from_utf8(bytes).unwrap_or_else(|_| text.to_string())
}

/// Lines that end one release and start the next on a listing page.
fn split_sections(text: &str) -> Vec<Range<usize>> {
    static SEPARATOR: OnceLock<Option<Regex>> = OnceLock::new();
    let separator = SEPARATOR.get_or_init(|| {
        Regex::new(r"(?mi)^[ \t]*(?:阅读更多|閱讀更多|展示更多|往下看更多文章|read more|more stories|related articles)[^\n]{0,8}$").ok()
    });
    let mut sections = Vec::new();
    let mut start = 0;
    if let Some(separator) = separator {
        for found in separator.find_iter(text) {
            if found.start() > start {
                sections.push(start..found.start());
            }
            start = found.end();
        }
    }
    if text.get(start..).is_some_and(|rest| !rest.trim().is_empty()) || sections.is_empty() {
        sections.push(start..text.len());
    }
    sections
}

/// Abbreviations after which a full stop does not end an English sentence.
const ABBREVIATIONS: &[&str] = &[
    "co", "ltd", "inc", "corp", "no", "nos", "mr", "mrs", "ms", "dr", "st", "jr", "sr", "gen",
    "col", "lt", "vs", "etc", "u.s", "e.o", "a.k.a", "f.k.a", "n.k.a", "jan", "feb", "mar", "apr",
    "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "llc", "s.a", "pte", "p.o", "dept",
];

/// Sentence ranges inside `section`: cut after 。！？!?, at line breaks, and
/// after a full stop that ends an English sentence.
fn split_sentences(text: &str, section: Range<usize>) -> Vec<Range<usize>> {
    let mut sentences = Vec::new();
    let mut start = section.start;
    let Some(body) = text.get(section.clone()) else { return sentences };
    let mut chars = body.char_indices().peekable();
    while let Some((offset, c)) = chars.next() {
        let at = section.start + offset;
        let next = chars.peek().map(|(_, next)| *next);
        let ends = match c {
            '。' | '！' | '？' | '\n' => true,
            '!' | '?' => next.is_none_or(char::is_whitespace),
            '.' => next.is_none_or(char::is_whitespace) && !is_abbreviation(text, start, at),
            _ => false,
        };
        if ends {
            let end = at + c.len_utf8();
            push_trimmed(text, start..end, &mut sentences);
            start = end;
        }
    }
    push_trimmed(text, start..section.end, &mut sentences);
    sentences
}

/// Whether the word before the full stop at `dot` is an abbreviation or an
/// initial, so the stop does not end the sentence.
fn is_abbreviation(text: &str, sentence_start: usize, dot: usize) -> bool {
    let Some(before) = text.get(sentence_start..dot) else { return false };
    let word = before.rsplit(|c: char| c.is_whitespace() || c == '(').next().unwrap_or("");
    let lower = word.to_lowercase();
    let single_initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
    // "D.E.S.", "S.A.": initials joined by dots.
    let dotted_initials = word.split('.').count() >= 3
        && word
            .split('.')
            .all(|part| part.chars().count() <= 1 && part.chars().all(char::is_alphabetic));
    // "1. Acme Ltd": a list number opening a line.
    let list_number =
        before.trim() == word && !word.is_empty() && word.chars().all(|c| c.is_ascii_digit());
    single_initial || dotted_initials || list_number || ABBREVIATIONS.contains(&lower.as_str())
}

fn push_trimmed(text: &str, range: Range<usize>, sentences: &mut Vec<Range<usize>>) {
    let Some(piece) = text.get(range.clone()) else { return };
    let leading = piece.len() - piece.trim_start().len();
    let trailing = piece.len() - piece.trim_end().len();
    if piece.trim().is_empty() {
        return;
    }
    sentences.push(range.start + leading..range.end - trailing);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, expect: &[&str]) {
        let prepared = prepare(text);
        let got: Vec<&str> =
            prepared.sentences.iter().map(|sentence| prepared.slice(&sentence.range)).collect();
        assert_eq!(got, expect);
    }

    #[test]
    fn splits_chinese_and_english_sentences() {
        check(
            "今天制裁了两家公司。原因是它们支持导弹项目！",
            &["今天制裁了两家公司。", "原因是它们支持导弹项目！"],
        );
        check(
            "OFAC designated Acme Trading Co., Ltd. today. It also named U.S. Person J. Smith.",
            &[
                "OFAC designated Acme Trading Co., Ltd. today.",
                "It also named U.S. Person J. Smith.",
            ],
        );
        check("line one\nline two", &["line one", "line two"]);
        // A list number opening a line does not end a sentence; a number
        // ending one does.
        check(
            "名单如下：\n1. 甲贸易有限公司（Acme），其总部\n2. 乙公司",
            &["名单如下：", "1. 甲贸易有限公司（Acme），其总部", "2. 乙公司"],
        );
        check("The total rose to 12. It fell.", &["The total rose to 12.", "It fell."]);
    }

    #[test]
    fn markup_is_blanked_keeping_offsets() {
        let text = "<p>美国制裁了<b>某公司</b>。</p> see https://example.org/a";
        let prepared = prepare(text);
        assert_eq!(prepared.clean.len(), text.len());
        assert_eq!(collapse_whitespace(&prepared.clean), "美国制裁了 某公司 。 see");
    }

    #[test]
    fn listing_pages_split_into_sections() {
        let prepared = prepare("第一篇\n阅读更多»\n\n第二篇。\n阅读更多»\n");
        assert_eq!(prepared.sections.len(), 2);
        assert_eq!(prepared.sentences.len(), 2);
        assert_eq!(prepared.sentences[1].section, 1);
    }
}
