//! Scoring one spelling of a query against one spelling of a listed name:
//! token similarity that knows romanization variants, typos and initials,
//! a weighted alignment that lets words be reordered, joined or split, and
//! a score where rare words weigh more than common ones.

use serde::Serialize;

use super::normalize::{letters_apart, vowel_places, Token, ABD};

/// Below this, two tokens are not taken as the same word.
const MIN_TOKEN_SIMILARITY: f32 = 0.7;
/// Pairs at least this close are taken before joined words are looked for.
const SURE_SIMILARITY: f32 = 0.9;
/// Joined or split words must be at least this close.
const MIN_MERGE_SIMILARITY: f32 = 0.85;
/// How much a listed word the query leaves out counts against the match,
/// relative to a query word the list lacks (middle names are often omitted).
const MISSING_LISTED_WORD_COST: f32 = 0.7;
/// How much the heaviest query word with no listed counterpart counts
/// against the match (a full name screened against a shorter listed one).
const EXTRA_QUERY_WORD_COST: f32 = 0.85;
/// What each further word left over on either side costs.
const FURTHER_MISSING_COST: f32 = 0.35;
/// How much the heaviest word left over on one side counts when the other
/// side is a distinctive name found whole (see [`Missing::Distinctive`]):
/// a full name around a shorter listed one, or a shorter query within a
/// full listed name.
const BESIDE_DISTINCTIVE_COST: f32 = 0.5;

/// How alike two words count whose keys meet only because `r` and `l`
/// are one sound in the key (as Korean and Japanese romanizations write
/// it: `Ri` / `Li`), where most languages write two (`Basheer` / `Basil`,
/// `Tal` / `Dar`).
const R_FOR_L_SIMILARITY: f32 = 0.85;

/// The `r` and `l` of a word in order, each run of one once: two words
/// whose keys are one differ in them only where an `r` was read as `l`.
fn liquids(text: &str) -> impl Iterator<Item = u8> + '_ {
    let mut previous = None;
    text.bytes().filter(|byte| matches!(byte, b'r' | b'l')).filter(move |&byte| {
        let repeated = previous == Some(byte);
        previous = Some(byte);
        !repeated
    })
}

/// How alike a foreign name read by sound from Chinese characters and a
/// Latin word with its consonants count (贝斯特 `beisite` / `best`).
const BY_SOUND_SIMILARITY: f32 = 0.85;

/// Why two tokens were taken as the same word.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum How {
    /// Equal after normalization.
    Exact,
    /// Equal phonetic keys (a romanization variant: Jong/Chong, Sergey/Sergei).
    Phonetic,
    /// Equal consonants, for a script without written vowels.
    Consonants,
    /// The same consonants and vowel places, other vowels (Mohammed /
    /// Muhammad, Osama / Usama).
    Vowels,
    /// An initial standing for the word.
    Initial,
    /// A spelling slip: close edit distance.
    Typo,
    /// Words written together on one side and apart on the other.
    Joined,
    /// A word made of the first letters of words the other side writes out
    /// (`DTO` for `Drug Trafficking Organization`).
    Acronym,
}

/// Similarity in [0, 1] of two tokens and why: as read, or for a word read
/// as its English word, as written (`haraket` / `harakat`, which is read
/// `movement`; see [`Token::written`]).
pub fn token_similarity(query: &Token, listed: &Token) -> Option<(f32, How)> {
    let as_read = similarity_as_read(query, listed);
    if query.written().is_none() && listed.written().is_none() {
        return as_read;
    }
    let as_written =
        similarity_as_read(query.written().unwrap_or(query), listed.written().unwrap_or(listed));
    match (as_read, as_written) {
        (Some(read), Some(written)) if written.0 > read.0 => Some(written),
        (None, written) => written,
        (read, _) => read,
    }
}

/// [`token_similarity`] of two tokens as they are read.
fn similarity_as_read(query: &Token, listed: &Token) -> Option<(f32, How)> {
    if query.text == listed.text {
        return Some((1.0, How::Exact));
    }
    if query.is_numeric() || listed.is_numeric() || query.key.is_empty() || listed.key.is_empty() {
        return None;
    }
    if query.key == listed.key {
        if liquids(&query.text).ne(liquids(&listed.text)) {
            return Some((R_FOR_L_SIMILARITY, How::Phonetic));
        }
        return Some((0.95, How::Phonetic));
    }
    if query.is_read_by_sound() != listed.is_read_by_sound() {
        let latin = if query.is_read_by_sound() { listed } else { query };
        if !latin.vowelless && query.skeleton.len() >= 2 && query.skeleton == listed.skeleton {
            return Some((BY_SOUND_SIMILARITY, How::Consonants));
        }
    }
    let written_alike = match (query.vowelless, listed.vowelless) {
        (true, true) => query.skeleton.len() >= 2 && query.skeleton == listed.skeleton,
        (true, false) => super::arabic::written_like_token(query, listed),
        (false, true) => super::arabic::written_like_token(listed, query),
        (false, false) => false,
    };
    if written_alike {
        return Some((0.9, How::Consonants));
    }
    if !query.vowelless
        && !listed.vowelless
        && (differ_in_vowels_only(&query.key, &listed.key)
            || differ_in_first_vowel(&query.key, &listed.key))
    {
        return Some((0.9, How::Vowels));
    }
    // One short vowel apart as written, or as read where the words are
    // written with the same consonants (`moosa` / `muse`, not `cera` / `sira`).
    if !query.vowelless
        && !listed.vowelless
        && (differ_in_one_short_vowel(&query.text, &listed.text)
            || (query.key_consonants_alike(listed)
                && differ_in_short_vowels(&query.key, &listed.key)
                && written_consonants(&query.text) == written_consonants(&listed.text)))
    {
        return Some((SHORT_VOWEL_SIMILARITY, How::Vowels));
    }
    if is_other_gender_form(&query.text, &listed.text)
        || is_other_gender_form(&listed.text, &query.text)
    {
        return Some((GENDER_FORM_SIMILARITY, How::Typo));
    }
    if let Some(found) = russian_spelling(query, listed).or_else(|| russian_spelling(listed, query))
    {
        return Some(found);
    }
    if french_spelling(query, listed) || french_spelling(listed, query) {
        return Some((FRENCH_SPELLING_SIMILARITY, How::Phonetic));
    }
    let (short, long) =
        if query.text.len() <= listed.text.len() { (query, listed) } else { (listed, query) };
    if short.text.len() == 1 && long.text.starts_with(short.text.as_str()) {
        return Some((0.7, How::Initial));
    }
    // In a short word, another first sound or a letter more or less makes
    // another name (wang / zhang, jing / jinghe), not a slip; first vowels
    // (Omar / Umar) and a first h (Haroun / Aroun) are spelling.
    let (query_length, listed_length) = (query.text.len(), listed.text.len());
    let another_short_name = query_length.min(listed_length) < SHORT_WORD
        && (!same_first_sound(&query.key, &listed.key) || query_length.abs_diff(listed_length) > 1);
    // A slip on top of a phonetic variant counts only when the words as
    // written are still near (`mikhailov` / `mihaylov`; not `popov` / `bobkov`,
    // `morozova` / `borisova`, alike only through their keys).
    let apart = std::cell::OnceCell::new();
    let written_apart = || *apart.get_or_init(|| osa_distance(&query.text, &listed.text));
    let longer_text = query_length.max(listed_length);
    let typo = if another_short_name {
        0.0
    } else {
        let written =
            edit_similarity(&query.text, &listed.text, query.texts_apart_at_least(listed));
        let by_key = edit_similarity(&query.key, &listed.key, query.keys_apart_at_least(listed));
        // Keys one slip apart in five (`raymi` / `rimi`) may be written two
        // letters apart, or half a long word apart.
        let most_apart = match (by_key >= CLOSE_KEYS, longer_text >= LONG_WORD) {
            (true, true) => longer_text / 2,
            (true, false) => 2,
            (false, _) => longer_text / 3,
        };
        if by_key > written && written_apart() <= most_apart {
            by_key
        } else {
            written
        }
    };
    if typo >= TYPO_FLOOR {
        // The article run onto one word may make it closer still
        // (`alghamdi` / `ghamdi`).
        let joined = article_joined(query, listed).or_else(|| article_joined(listed, query));
        return Some(match joined {
            Some(found) if found.0 > 0.95 * typo => found,
            _ => (0.95 * typo, How::Typo),
        });
    }
    if !query.vowelless
        && !listed.vowelless
        && query.skeleton.len() >= 3
        && query.key.len().min(listed.key.len()) >= SHORT_WORD
        && query.skeleton == listed.skeleton
        && query.text.len().abs_diff(listed.text.len()) <= 2
        && written_apart() <= longer_text / 2
    {
        return Some((0.75, How::Consonants));
    }
    article_joined(query, listed)
        .or_else(|| article_joined(listed, query))
        .or_else(|| somali_spelling(query, listed))
        .or_else(|| somali_spelling(listed, query))
}

/// How alike an Arabic name as French writes it and as English does count
/// ([`french_spelling`]).
const FRENCH_SPELLING_SIMILARITY: f32 = 0.9;

/// Whether `french` is `other` as French romanization writes an Arabic
/// name: `ch` after a vowel for the `sh` of English ones (`Hicham` /
/// `Hisham`, `Achraf` / `Ashraf`, `Bachir` / `Bashir`; see
/// [`Token::french_key`]), its vowels as [`differ_in_short_vowels`] allows
/// (`Hichem`).
fn french_spelling(french: &Token, other: &Token) -> bool {
    if !french.has_french_ch() || other.vowelless || !other.text.contains("sh") {
        return false;
    }
    let Some(key) = french.french_key() else { return false };
    key == other.key || differ_in_short_vowels(&key, &other.key)
}

/// Whether `slavic` is `other` as Russian romanization writes a Belarusian
/// or Ukrainian spelling (`Tkachou` / `Tkachev`, `Uladzimir` / `Vladimir`,
/// `Henadz` / `Gennadi`; see [`super::slavic::russian_read`]): read so,
/// the words have the same consonants, with vowels at the same places (a
/// Belarusian `ia` or `a` is a Russian `e` or `o` by stress: `Siarhei` /
/// `Sergei`).
fn russian_spelling(slavic: &Token, other: &Token) -> Option<(f32, How)> {
    let key = slavic.russian_key()?;
    if other.vowelless || other.key.len() < MIN_RUSSIAN_KEY {
        return None;
    }
    (vowel_places(key) == vowel_places(&other.key)).then_some((0.9, How::Phonetic))
}

/// The shortest key [`russian_spelling`] compares (`dril`, `gleb`).
const MIN_RUSSIAN_KEY: usize = 4;

/// Whether `somali` is `other` as Somali orthography writes it (`Maxamed`
/// / `Mohamed`, `Cali` / `Ali`; see [`super::normalize::somali_read`]):
/// read so, the words have one key or differ in vowels only (no slips).
fn somali_spelling(somali: &Token, other: &Token) -> Option<(f32, How)> {
    let key = somali.somali_key()?;
    if other.vowelless || key.len().abs_diff(other.key.len()) > 2 {
        return None;
    }
    let alike = key == other.key
        || differ_in_vowels_only(key, &other.key)
        || differ_in_first_vowel(key, &other.key);
    alike.then_some((0.9, How::Phonetic))
}

/// Whether `joined` is `other` with the Arabic article written onto it
/// (`alharamain` / `haramain`: lists drop the article written apart or
/// hyphenated, not one run together), and how alike they are then.
/// `other` may be an Arabic-script word, read without its article
/// (`alhosseini` / الحسيني).
fn article_joined(joined: &Token, other: &Token) -> Option<(f32, How)> {
    let rest = super::normalize::without_joined_article(&joined.text)?;
    // Lengths and first sounds first: most words starting with `al` are
    // told apart without reading the rest.
    // (An Arabic-script word is shorter by the vowels it leaves out.)
    if (!other.vowelless && rest.len().abs_diff(other.text.len()) > 2)
        || joined.vowelless
        || !same_first_sound(rest, &other.text)
    {
        return None;
    }
    let (similarity, _) = token_similarity(&Token::new(rest, false, false), other)?;
    (similarity >= MIN_MERGE_SIMILARITY).then_some((similarity.min(0.95), How::Joined))
}

/// Whether two keys of six letters or more have the same letters but for
/// one or two vowels in the same places, and end alike (`mohamed` /
/// `muhamad`; not `sokolov` / `sukalev`, three vowels apart). Shorter
/// words, where a vowel makes another name, are left to
/// [`differ_in_one_short_vowel`] and the typo rule.
fn differ_in_vowels_only(a: &str, b: &str) -> bool {
    if a.len() != b.len() || a.len() < MIN_VOWEL_VARIANT || a.bytes().last() != b.bytes().last() {
        return false;
    }
    let mut changed = 0;
    for (x, y) in a.bytes().zip(b.bytes()) {
        if x != y {
            if !is_vowel(x) || !is_vowel(y) {
                return false;
            }
            changed += 1;
        }
    }
    changed <= 2
}

/// Whether two words of four letters or more are written alike but for one
/// vowel that romanizations of Arabic and Persian give either way: a or e
/// (fatha), e or i (kasra), o or u (damma): `ahmed` / `ahmad`, `jaber` /
/// `jabir`, `ramez` / `ramiz`; not `hamid` / `hamad` or `jamal` / `jamil`,
/// which are other names, nor `delta` / `dolta`.
fn differ_in_one_short_vowel(a: &str, b: &str) -> bool {
    if a.len() != b.len() || a.len() < MIN_SHORT_VOWEL_VARIANT || !a.is_ascii() || !b.is_ascii() {
        return false;
    }
    let mut changed = a.bytes().zip(b.bytes()).filter(|(x, y)| x != y);
    let Some(pair) = changed.next() else { return false };
    changed.next().is_none()
        && matches!(
            pair,
            (b'a', b'e') | (b'e', b'a') | (b'e', b'i') | (b'i', b'e') | (b'o', b'u') | (b'u', b'o')
        )
}

/// Whether two keys of four letters or more have the same consonants and,
/// between them, vowels that romanizations of Arabic and Persian give
/// either way ([`alike_short_vowels`]), one place or more apart
/// (`bina` / `baina`, `kanso` / `kansu`; not `hasan` / `husain`).
fn differ_in_short_vowels(a: &str, b: &str) -> bool {
    if a.len().min(b.len()) < MIN_SHORT_VOWEL_VARIANT || a == b {
        return false;
    }
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let (mut at_a, mut at_b) = (0, 0);
    // Runs of consonants and of vowels, in turn, compared one by one.
    while at_a < a.len() && at_b < b.len() {
        let (end_a, end_b) = (run_end(a, at_a), run_end(b, at_b));
        let (Some(run_a), Some(run_b)) = (a.get(at_a..end_a), b.get(at_b..end_b)) else {
            return false;
        };
        let vowels = run_a.first().copied().is_some_and(is_vowel);
        if vowels != run_b.first().copied().is_some_and(is_vowel)
            || (run_a != run_b && !(vowels && alike_short_vowels(run_a, run_b)))
        {
            return false;
        }
        (at_a, at_b) = (end_a, end_b);
    }
    at_a == a.len() && at_b == b.len()
}

/// Whether a letter of a word or key is a vowel.
fn is_vowel(byte: u8) -> bool {
    matches!(byte, b'a' | b'e' | b'i' | b'o' | b'u')
}

/// Where the run of vowels or of consonants starting at `start` ends.
fn run_end(key: &[u8], start: usize) -> usize {
    let vowels = key.get(start).copied().is_some_and(is_vowel);
    key.iter()
        .skip(start)
        .position(|&byte| is_vowel(byte) != vowels)
        .map_or(key.len(), |n| start + n)
}

/// Whether two vowels or diphthongs are one as romanizations of Arabic and
/// Persian write it: a or e (fatha), e or i (kasra), o or u (damma), e or
/// u (French romanizations write each short vowel `e`: `youssef` /
/// `yusuf`), and the diphthong ay as `ai`, `ei`, `e` or a long `i`
/// (`beenah` / `baynah`).
fn alike_short_vowels(a: &[u8], b: &[u8]) -> bool {
    const ALIKE: &[(u8, u8)] = &[(b'a', b'e'), (b'e', b'i'), (b'o', b'u'), (b'e', b'u')];
    const DIPHTHONG: &[(&[u8], &[u8])] =
        &[(b"ai", b"ei"), (b"ai", b"i"), (b"ei", b"i"), (b"ai", b"e"), (b"ei", b"e")];
    let alike = |x: u8, y: u8| x == y || ALIKE.contains(&(x, y)) || ALIKE.contains(&(y, x));
    (a.len() == b.len() && a.iter().zip(b).all(|(&x, &y)| alike(x, y)))
        || DIPHTHONG.iter().any(|&(x, y)| (a, b) == (x, y) || (a, b) == (y, x))
}

/// The consonants a Latin word is written with, each run of one letter
/// once, without the semivowels `y` and `w` and the `h` that romanizations
/// add or leave out, and with `q` as `k` (`moosa` and `muse` → `ms`,
/// `qansu` and `kanso` → `kns`; `cedar` → `cdr` is not `sidar` → `sdr`).
fn written_consonants(text: &str) -> String {
    let mut consonants = String::with_capacity(text.len());
    for c in text.chars().filter(|c| !matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y' | 'w' | 'h')) {
        super::normalize::push_collapsed(&mut consonants, if c == 'q' { 'k' } else { c });
    }
    consonants
}

/// How alike two words one vowel apart ([`differ_in_one_short_vowel`]) count.
const SHORT_VOWEL_SIMILARITY: f32 = 0.85;

/// The shortest word in which one vowel is taken as spelling.
const MIN_SHORT_VOWEL_VARIANT: usize = 4;

/// Whether two keys of four letters or more differ only in the vowel they
/// start with (`omar` / `umar`, `osama` / `usama`, `ibrahim` / `ebrahim`).
fn differ_in_first_vowel(a: &str, b: &str) -> bool {
    let (Some((first_a, rest_a)), Some((first_b, rest_b))) =
        (a.as_bytes().split_first(), b.as_bytes().split_first())
    else {
        return false;
    };
    a.len() >= 4
        && first_a != first_b
        && is_vowel(*first_a)
        && is_vowel(*first_b)
        && rest_a == rest_b
}

/// Whether `female` is the woman's form of the Slavic surname `male`
/// (`kuznetsova` / `kuznetsov`, `ivanova` / `ivanov`, `putina` / `putin`):
/// one family, another person, so less than a slip.
fn is_other_gender_form(female: &str, male: &str) -> bool {
    female.len() >= 6
        && female.strip_suffix('a') == Some(male)
        && ["ov", "ev", "in", "yn"].iter().any(|ending| male.ends_with(ending))
}

/// How alike a surname and its other-gender form count.
const GENDER_FORM_SIMILARITY: f32 = 0.8;

/// The shortest key [`differ_in_vowels_only`] looks at.
pub(super) const MIN_VOWEL_VARIANT: usize = 6;

/// Whether two keys start alike: the same letter, or a vowel in both
/// (`omar` / `umar`), one with an `h` before it (`haroun` / `aroun`).
fn same_first_sound(a: &str, b: &str) -> bool {
    let vowel_start = |key: &str| {
        let key = key.strip_prefix('h').unwrap_or(key);
        key.starts_with(['a', 'e', 'i', 'o', 'u'])
    };
    a.bytes().next() == b.bytes().next() || vowel_start(a) && vowel_start(b)
}

/// Keys at least this alike (one slip in five letters) may be written
/// further apart.
const CLOSE_KEYS: f32 = 0.8;

/// Words this long may be written half their length apart when their keys
/// are close.
const LONG_WORD: usize = 8;

/// Words shorter than this take slips only after their first letter, and
/// share their consonants only when their keys are this long.
const SHORT_WORD: usize = 6;

/// The least similarity [`edit_similarity`] reports; below it, 0.
const TYPO_FLOOR: f32 = 0.75;

/// 1 − (edit distance / longer length), for words of four characters or
/// more; 0 for shorter ones (a slip there changes the name) and below
/// [`TYPO_FLOOR`]. The distance is the optimal string alignment distance
/// (Damerau–Levenshtein without edits of a transposed pair).
/// `apart_at_least` is a lower bound of it when known
/// ([`Token::texts_apart_at_least`]).
fn edit_similarity(a: &str, b: &str, apart_at_least: Option<u32>) -> f32 {
    let length = |word: &str| if word.is_ascii() { word.len() } else { word.chars().count() };
    let (length_a, length_b) = (length(a), length(b));
    if length_a.min(length_b) < 4 || length_a.abs_diff(length_b) > 2 {
        return 0.0;
    }
    let longer = length_a.max(length_b);
    // The most edits that still reach the floor (floor of 0.25 × longer).
    let allowed = longer - (TYPO_FLOOR * longer as f32).ceil() as usize;
    let beyond_allowed = |apart: usize| apart > allowed;
    if apart_at_least.is_some_and(|apart| beyond_allowed(apart as usize))
        || letters_apart(a, b).is_some_and(beyond_allowed)
    {
        return 0.0;
    }
    let distance = osa_distance(a, b);
    let similarity = 1.0 - distance as f32 / longer as f32;
    if similarity >= TYPO_FLOOR {
        similarity
    } else {
        0.0
    }
}

/// The optimal string alignment distance of two words (edits of one
/// character or of a transposed pair), bit-parallel; ASCII words by byte.
fn osa_distance(a: &str, b: &str) -> usize {
    if a.is_ascii() && b.is_ascii() {
        rapidfuzz::distance::osa::distance(a.bytes(), b.bytes())
    } else {
        rapidfuzz::distance::osa::distance(a.chars(), b.chars())
    }
}

/// One aligned pair: query tokens (one, or several joined) to listed tokens.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Pair {
    /// The query word(s).
    pub query: String,
    /// The listed word(s).
    pub listed: String,
    /// Similarity in [0, 1].
    #[serde(serialize_with = "three_decimals")]
    pub similarity: f32,
    /// Why they were taken as the same word.
    pub how: How,
}

/// The outcome of aligning two spellings: the score, and which words went
/// with which (turned into words only for the matches reported).
#[derive(Debug, Clone, PartialEq)]
pub struct Alignment {
    /// Score in [0, 1]; 1 when every word is equal after normalization.
    pub score: f32,
    pairs: Vec<RangePair>,
    query_used: Vec<bool>,
    listed_used: Vec<bool>,
}

/// An alignment in words, for explanations.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Explained {
    /// The aligned words, in query order.
    pub pairs: Vec<Pair>,
    /// Query words with no counterpart.
    pub unmatched_query: Vec<String>,
    /// Listed words with no counterpart.
    pub unmatched_listed: Vec<String>,
}

impl Alignment {
    /// The alignment in words of the tokens it was made from.
    pub fn explain(&self, query: &[Token], listed: &[Token]) -> Explained {
        let text = |tokens: &[Token], range: &std::ops::Range<usize>| {
            let words = tokens.get(range.clone()).unwrap_or_default();
            words.iter().map(|t| t.text.as_str()).collect::<Vec<_>>().join(" ")
        };
        let mut pairs = self.pairs.clone();
        pairs.sort_by_key(|(query_range, _, _, _)| query_range.start);
        let unused = |tokens: &[Token], used: &[bool]| -> Vec<String> {
            tokens
                .iter()
                .zip(used)
                .filter(|(_, used)| !**used)
                .map(|(token, _)| token.text.clone())
                .collect()
        };
        Explained {
            pairs: pairs
                .iter()
                .map(|(query_range, listed_range, similarity, how)| Pair {
                    query: text(query, query_range),
                    listed: text(listed, listed_range),
                    similarity: (similarity * 1000.0).round() / 1000.0,
                    how: *how,
                })
                .collect(),
            unmatched_query: unused(query, &self.query_used),
            unmatched_listed: unused(listed, &self.listed_used),
        }
    }
}

/// How rare a name's words are together, legal forms aside (see
/// [`Missing::Distinctive`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
pub enum Rarity {
    /// Neither of the two below.
    Common,
    /// As rare as 1.3 words the list has nowhere, one of them a word of the
    /// list in at most two names (`DARASSA, Ali`): distinctive when that
    /// word is written alike on both sides.
    WithRareWord,
    /// As rare as 1.65 words the list has nowhere (`NKUNDA, Laurent`).
    Distinctive,
}

/// How much a word one side lacks counts against a match.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Missing {
    /// Names with optional parts (middle names, patronymics, extra words of
    /// a company name): a listed word the query leaves out costs 0.7 of
    /// its weight.
    Optional,
    /// Names read syllable by syllable (Chinese and Korean): every syllable
    /// belongs to the name, so a missing one costs its whole weight.
    Syllables,
    /// As [`Missing::Optional`], where one side or both are distinctive
    /// names, their words together rare (`NKUNDA, Laurent`; not `PIONEER
    /// LOGISTICS`), or rare with a rare word written alike on both sides
    /// ([`Rarity::WithRareWord`]). When the query holds every word of a distinctive
    /// listed name, the first query word the list lacks costs 0.5 of its
    /// weight instead of 0.85 (`Laurent Nkunda Mahoro Batware` for `NKUNDA,
    /// Laurent`); when the list holds every word of a distinctive query,
    /// each a sure pair, the first listed word the query leaves out costs
    /// 0.5 instead of 0.7 (`Khamis AL-ISSAWI` for `AL-ISSAWI, Khamis Farhan
    /// Al-Khanjar`).
    Distinctive {
        /// How rare the query's words are together.
        query: Rarity,
        /// How rare the listed name's words are together.
        listed: Rarity,
    },
}

/// Aligns query tokens to listed tokens and scores the result. `query_weights`
/// and `listed_weights` say how much each token counts (rarer, heavier);
/// a word weighing `rare_weight` or more is one few listed names share
/// (generic words of organizations weigh less beside such a name found
/// whole). `given_from`, for a person's listed name written `SURNAME,
/// Given names`, is the index of its first given-name token: a query that
/// finds the surname and the given name pays less for the rest, and one
/// that names another given name keeps 0.85 of its score.
pub fn align(
    query: &[Token],
    query_weights: &[f32],
    listed: &[Token],
    listed_weights: &[f32],
    missing: Missing,
    rare_weight: f32,
    given_from: Option<usize>,
) -> Alignment {
    let mut listed_used = vec![false; listed.len()];
    // (query index range, listed index range, similarity, how)
    let mut pairs: Vec<RangePair> = Vec::new();

    let mut candidates = Vec::new();
    for (q, query_token) in query.iter().enumerate() {
        for (l, listed_token) in listed.iter().enumerate() {
            if let Some((similarity, how)) = token_similarity(query_token, listed_token) {
                // A one-letter syllable (`i`, `o` of a Korean name) is no initial.
                let syllable_as_initial = how == How::Initial && missing == Missing::Syllables;
                if similarity >= MIN_TOKEN_SIMILARITY && !syllable_as_initial {
                    let weight = weight(query_weights, q) + weight(listed_weights, l);
                    candidates.push((similarity, weight, q, l, how));
                }
            }
        }
    }
    candidates.sort_by(|a, b| b.0.total_cmp(&a.0).then(b.1.total_cmp(&a.1)));
    let mut query_used = vec![false; query.len()];
    // Sure pairs first, then words joined on one side and apart on the other
    // (Yongwon / Yong Won, shang hai / shanghai), then the looser pairs.
    let (sure, loose): (Vec<_>, Vec<_>) =
        candidates.into_iter().partition(|candidate| candidate.0 >= SURE_SIMILARITY);
    take_greedily(sure, &mut query_used, &mut listed_used, &mut pairs);
    join_runs(query, &mut query_used, listed, &mut listed_used, &mut pairs, false);
    join_runs(listed, &mut listed_used, query, &mut query_used, &mut pairs, true);
    pair_acronyms(query, &mut query_used, listed, &mut listed_used, &mut pairs, false);
    pair_acronyms(listed, &mut listed_used, query, &mut query_used, &mut pairs, true);
    take_greedily(loose, &mut query_used, &mut listed_used, &mut pairs);

    let mut numerator = 0.0;
    let mut denominator = 0.0;
    for (query_range, listed_range, similarity, _) in &pairs {
        let weight = query_range.clone().map(|q| weight(query_weights, q)).sum::<f32>()
            + listed_range.clone().map(|l| weight(listed_weights, l)).sum::<f32>();
        numerator += similarity * weight;
        denominator += weight;
    }
    let (query_rarity, listed_rarity) = match missing {
        Missing::Distinctive { query, listed } => (query, listed),
        Missing::Optional | Missing::Syllables => (Rarity::Common, Rarity::Common),
    };
    let every_listed_word_found = listed_used.iter().all(|used| *used);
    let every_query_word_found = query_used.iter().all(|used| *used);
    // A rare word written alike on both sides (`DARASSA`), not one met
    // only by sound (`Malee` / `Mary`).
    let rare_word_alike = || {
        pairs.iter().any(|(query_range, listed_range, _, how)| {
            *how == How::Exact
                && query_range.clone().any(|q| weight(query_weights, q) >= rare_weight)
                && listed_range.clone().any(|l| weight(listed_weights, l) >= rare_weight)
        })
    };
    let distinctive = |rarity: Rarity| match rarity {
        Rarity::Distinctive => true,
        Rarity::WithRareWord => rare_word_alike(),
        Rarity::Common => false,
    };
    // The person's surname and given name found, more of the listed name
    // left over ([`head_found`]).
    let head_and_more =
        !every_listed_word_found && given_from.is_some_and(|from| head_found(listed, &pairs, from));
    let extra_cost = if (distinctive(listed_rarity) && every_listed_word_found) || head_and_more {
        BESIDE_DISTINCTIVE_COST
    } else {
        EXTRA_QUERY_WORD_COST
    };
    // A query's rarity is only its rarity in the list (`Mary Taylor`), so
    // its words must all be sure pairs.
    let all_sure = pairs.iter().all(|(_, _, similarity, _)| *similarity >= SURE_SIMILARITY);
    // Beside the person's surname and given name found, every listed word
    // left out costs as a further one.
    let missing_cost = if head_and_more {
        FURTHER_MISSING_COST
    } else if distinctive(query_rarity) && every_query_word_found && all_sure {
        BESIDE_DISTINCTIVE_COST
    } else {
        MISSING_LISTED_WORD_COST
    };
    // Generic words of organizations next to a rare name found whole, by
    // close pairs only (`FALCON LOGISTICS` is not `AL FURQAN`); looked
    // for only where such a word is left over.
    let close = || pairs.iter().all(|(_, _, similarity, _)| *similarity >= WHOLE_NAME_SIMILARITY);
    let listed_whole = leftover_organization_word(query, &query_used)
        && close()
        && rare_and_whole(listed, &listed_used, listed_weights, rare_weight);
    let query_whole = leftover_organization_word(listed, &listed_used)
        && close()
        && rare_and_whole(query, &query_used, query_weights, rare_weight);
    let query_share = leftover_share(query, listed_whole);
    let listed_share = leftover_share(listed, query_whole);
    denominator += unpaired_cost(&query_used, query_weights, missing, extra_cost, query_share);
    denominator += unpaired_cost(&listed_used, listed_weights, missing, missing_cost, listed_share);
    let mut score = if denominator > 0.0 { (numerator / denominator).clamp(0.0, 1.0) } else { 0.0 };
    // Initials, acronyms and letters joined into a word never carry a match
    // alone.
    let carried = pairs.iter().any(|(query_range, listed_range, _, how)| match how {
        How::Initial | How::Acronym => false,
        How::Joined => {
            all_longer_than_a_letter(query, query_range)
                && all_longer_than_a_letter(listed, listed_range)
        }
        _ => true,
    });
    if !carried {
        score = score.min(UNCARRIED_SCORE);
    }
    if given_from.is_some_and(|from| other_given_name(query, &query_used, &listed_used, from)) {
        score *= OTHER_GIVEN_NAME_SHARE;
    }
    Alignment { score, pairs, query_used, listed_used }
}

/// What a person's match keeps of its score when the query names another
/// given name: none of the listed given names found a counterpart, and a
/// query word of its own (not weak) found none either (`Olga NOVAK` for
/// `NOVAK, Jan Petr`: another member of the family).
const OTHER_GIVEN_NAME_SHARE: f32 = 0.85;

/// Whether the head of a person's listed name, its first surname word and
/// its first given name (`given_from` on), each found a sure counterpart:
/// then the name is the person's short form (`RIVAS, Tomas` for `RIVAS
/// PENA, Tomas Ignacio`): each listed word the query leaves out costs
/// [`FURTHER_MISSING_COST`], and the heaviest query word the list lacks
/// [`BESIDE_DISTINCTIVE_COST`]. A name that starts with `abd` needs the
/// word after it too (`abd rahman` is one name, not `abd`).
fn head_found(listed: &[Token], pairs: &[RangePair], given_from: usize) -> bool {
    let sure_pair = |index: usize| {
        pairs.iter().any(|(_, listed_range, similarity, _)| {
            listed_range.contains(&index) && *similarity >= SURE_SIMILARITY
        })
    };
    let name_found = |index: usize| {
        sure_pair(index)
            && (listed.get(index).is_none_or(|token| token.text != ABD) || sure_pair(index + 1))
    };
    given_from > 0 && name_found(0) && name_found(given_from)
}

/// Whether every listed given name (`given_from` on) is left over while a
/// query word of its own (not weak) is too ([`OTHER_GIVEN_NAME_SHARE`]).
fn other_given_name(
    query: &[Token],
    query_used: &[bool],
    listed_used: &[bool],
    given_from: usize,
) -> bool {
    let listed_given = listed_used.get(given_from..).unwrap_or_default();
    !listed_given.is_empty()
        && listed_given.iter().all(|used| !used)
        && query.iter().zip(query_used).any(|(token, used)| !used && !token.weak)
}

/// How much a generic word of organizations ([`Token::is_organization_word`])
/// left over on one side weighs, relative to its rarity, when the other
/// side's name is found whole.
const ORGANIZATION_WORD_SHARE: f32 = 0.3;

/// How close every pair must be for generic words of organizations next to
/// a rare name to weigh less ([`leftover_share`]): a spelling variant
/// (`Meammar` / `Meamar`), not another word of the same sounds (`falcon` /
/// `furqan`, 0.9).
const WHOLE_NAME_SIMILARITY: f32 = 0.95;

/// Whether a side's name is found whole and is rare: every word but its
/// legal form found a counterpart, and those that are no generic words of
/// organizations ([`Token::is_organization_word`]) weigh `rare_weight` or more
/// (`HASM`, `SYRISS`; not `ATLAS`, which ten listed names share).
fn rare_and_whole(tokens: &[Token], used: &[bool], weights: &[f32], rare_weight: f32) -> bool {
    let mut name_words = tokens
        .iter()
        .enumerate()
        .filter(|(_, token)| !token.weak && !token.is_organization_word())
        .peekable();
    name_words.peek().is_some()
        && tokens.iter().zip(used).all(|(token, used)| *used || token.weak)
        && name_words.all(|(index, _)| weight(weights, index) >= rare_weight)
}

/// The share of its rarity a word of `side` left over counts with: a
/// generic word of organizations ([`Token::is_organization_word`]) counts
/// [`ORGANIZATION_WORD_SHARE`] when the other side is a rare name found
/// whole (`HASM MOVEMENT` for HASM; see [`rare_and_whole`]), and whole when
/// the other side has words of its own left over (`RED SEA SHIPPING AGENCY`
/// is not `RED SEA TRADING`) or is a common word (`ATLAS TRADING` is not
/// `ATLAS HOLDING`). Every other word counts whole.
fn leftover_share(side: &[Token], other_rare_and_whole: bool) -> impl Fn(usize) -> f32 + '_ {
    move |index| {
        let descriptor = || side.get(index).is_some_and(|token| token.is_organization_word());
        if other_rare_and_whole && descriptor() {
            ORGANIZATION_WORD_SHARE
        } else {
            1.0
        }
    }
}

/// Whether a word of `tokens` that found no counterpart is a generic word
/// of organizations ([`Token::is_organization_word`]).
fn leftover_organization_word(tokens: &[Token], used: &[bool]) -> bool {
    tokens.iter().zip(used).any(|(token, used)| !used && token.is_organization_word())
}

/// What the words of one side that found no counterpart add to the
/// denominator. Names read by syllable pay every syllable's whole weight;
/// other names pay `first_cost` of the heaviest word left over and
/// [`FURTHER_MISSING_COST`] of each further one (a given name and surname
/// out of four parts is a usual way to write a long name), each word
/// weighed with its `share` ([`leftover_share`]).
fn unpaired_cost(
    used: &[bool],
    weights: &[f32],
    missing: Missing,
    first_cost: f32,
    share: impl Fn(usize) -> f32,
) -> f32 {
    let (mut sum, mut heaviest) = (0.0_f32, 0.0_f32);
    for (index, used) in used.iter().enumerate() {
        if !used {
            let share = if missing == Missing::Syllables { 1.0 } else { share(index) };
            let weight = weight(weights, index) * share;
            sum += weight;
            heaviest = heaviest.max(weight);
        }
    }
    match missing {
        Missing::Optional | Missing::Distinctive { .. } => {
            first_cost * heaviest + FURTHER_MISSING_COST * (sum - heaviest)
        }
        Missing::Syllables => sum,
    }
}

/// The highest score of an alignment made only of initials and joined
/// letters (`K M A` for `Ma Kun`).
const UNCARRIED_SCORE: f32 = 0.5;

fn all_longer_than_a_letter(tokens: &[Token], range: &std::ops::Range<usize>) -> bool {
    tokens.get(range.clone()).unwrap_or_default().iter().all(|token| token.text.len() > 1)
}

/// Writes a score as the decimal it was rounded to (0.967, not 0.9670000076).
pub fn three_decimals<S: serde::Serializer>(value: &f32, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_f64((f64::from(*value) * 1000.0).round() / 1000.0)
}

type Candidate = (f32, f32, usize, usize, How);
type RangePair = (std::ops::Range<usize>, std::ops::Range<usize>, f32, How);

/// Takes candidate pairs best first while both words are free.
fn take_greedily(
    candidates: Vec<Candidate>,
    query_used: &mut [bool],
    listed_used: &mut [bool],
    pairs: &mut Vec<RangePair>,
) {
    for (similarity, _, q, l, how) in candidates {
        let free = query_used.get(q).is_some_and(|used| !used)
            && listed_used.get(l).is_some_and(|used| !used);
        if free {
            if let Some(used) = query_used.get_mut(q) {
                *used = true;
            }
            if let Some(used) = listed_used.get_mut(l) {
                *used = true;
            }
            pairs.push((q..q + 1, l..l + 1, similarity, how));
        }
    }
}

fn weight(weights: &[f32], index: usize) -> f32 {
    weights.get(index).copied().unwrap_or(1.0)
}

/// Matches runs of 2 to 4 adjacent unused `many` tokens, written together,
/// to one unused `one` token. `flipped` says the runs are on the listed side.
fn join_runs(
    many: &[Token],
    many_used: &mut [bool],
    one: &[Token],
    one_used: &mut [bool],
    pairs: &mut Vec<RangePair>,
    flipped: bool,
) {
    for (o, single) in one.iter().enumerate() {
        if one_used.get(o).copied().unwrap_or(true) || single.is_numeric() {
            continue;
        }
        'runs: for start in 0..many.len() {
            for length in 2..=4 {
                let end = start + length;
                let Some(run) = many.get(start..end) else { continue 'runs };
                if many_used.get(start..end).is_none_or(|used| used.iter().any(|u| *u)) {
                    continue 'runs;
                }
                // Lengths and first sounds first: most runs are told apart
                // without building the joined word.
                let joined_length: usize = run.iter().map(|t| t.text.len()).sum();
                if joined_length > single.text.len() + 2 {
                    continue 'runs;
                }
                if joined_length + 2 < single.text.len() {
                    continue;
                }
                // Against a script without vowels, pieces of one or two
                // letters fit too much (`mi rim` is not `mrym`, Maryam).
                let vowelless = single.vowelless || run.iter().any(|t| t.vowelless);
                if vowelless && run.iter().any(|t| t.text.len() < 3) {
                    continue;
                }
                let first_key = run.first().map_or("", |t| t.key.as_str());
                if !same_first_sound(first_key, &single.key) {
                    continue 'runs;
                }
                let joined = Token::joined(run);
                let similarity = token_similarity(&joined, single).map_or(0.0, |(s, _)| s);
                if similarity >= MIN_MERGE_SIMILARITY {
                    for used in many_used.get_mut(start..end).into_iter().flatten() {
                        *used = true;
                    }
                    if let Some(used) = one_used.get_mut(o) {
                        *used = true;
                    }
                    let similarity = similarity.min(0.97);
                    pairs.push(if flipped {
                        (o..o + 1, start..end, similarity, How::Joined)
                    } else {
                        (start..end, o..o + 1, similarity, How::Joined)
                    });
                    break 'runs;
                }
            }
        }
    }
}

/// How alike an acronym and the words it is made of count.
const ACRONYM_SIMILARITY: f32 = 0.85;

/// The shortest and longest acronym paired with the words it stands for:
/// two letters stand for too many runs of words.
const ACRONYM_LETTERS: std::ops::RangeInclusive<usize> = 3..=6;

/// Pairs an unused `one` token that is an acronym (`DTO`) with the run of
/// as many adjacent unused `many` tokens whose first letters spell it
/// (`drug trafficking organization`), each a word of two letters or more.
/// `flipped` says the acronym is on the listed side.
fn pair_acronyms(
    one: &[Token],
    one_used: &mut [bool],
    many: &[Token],
    many_used: &mut [bool],
    pairs: &mut Vec<RangePair>,
    flipped: bool,
) {
    for (o, acronym) in one.iter().enumerate() {
        let letters = acronym.text.as_bytes();
        let free = one_used.get(o).is_some_and(|used| !used);
        if !free
            || !ACRONYM_LETTERS.contains(&letters.len())
            || !acronym.text.bytes().all(|b| b.is_ascii_lowercase())
        {
            continue;
        }
        let spelt = |start: usize| {
            let end = start + letters.len();
            let run = many.get(start..end)?;
            let unused = many_used.get(start..end)?.iter().all(|used| !used);
            // A word read as its English word spells as written too (`NPP`
            // for `nauchno proizvodstvennoe predpriyatie`).
            let spells = run.iter().zip(letters).all(|(word, letter)| {
                let starts = |word: &Token| {
                    word.text.len() > 1 && word.text.as_bytes().first() == Some(letter)
                };
                starts(word) || word.written().is_some_and(starts)
            });
            (unused && spells).then_some(start..end)
        };
        let Some(run) = (0..many.len()).find_map(spelt) else { continue };
        for used in many_used.get_mut(run.clone()).into_iter().flatten() {
            *used = true;
        }
        if let Some(used) = one_used.get_mut(o) {
            *used = true;
        }
        pairs.push(if flipped {
            (run, o..o + 1, ACRONYM_SIMILARITY, How::Acronym)
        } else {
            (o..o + 1, run, ACRONYM_SIMILARITY, How::Acronym)
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::screen::normalize::{tokens, words};

    /// Test weights are 1.0 or less: every word counts as rare.
    const EVERY_WORD_RARE: f32 = 0.0;

    fn score(query: &str, listed: &str) -> f32 {
        let query = tokens(&words(query), false);
        let listed = tokens(&words(listed), false);
        let weights = |tokens: &[Token]| -> Vec<f32> {
            tokens.iter().map(|t| if t.weak { 0.2 } else { 1.0 }).collect()
        };
        align(
            &query,
            &weights(&query),
            &listed,
            &weights(&listed),
            Missing::Optional,
            EVERY_WORD_RARE,
            None,
        )
        .score
    }

    #[test]
    fn equal_names_score_one_in_any_order() {
        assert_eq!(score("KIM, Yo Jong", "yo jong kim"), 1.0);
    }

    #[test]
    fn somali_spellings_meet_other_romanizations() {
        let token = |text: &str| Token::new(text, false, false);
        for (somali, other) in [("maxamed", "mohamed"), ("cali", "ali"), ("xasan", "hassan")] {
            let found = token_similarity(&token(somali), &token(other));
            assert!(matches!(found, Some((s, How::Phonetic)) if s >= 0.85), "{somali}: {found:?}");
            let back = token_similarity(&token(other), &token(somali));
            assert_eq!(found, back);
        }
        // A `c` or `x` read away still leaves another name.
        assert_eq!(token_similarity(&token("carlos"), &token("ali")), None);
        assert_eq!(token_similarity(&token("xasan"), &token("husayn")), None);
    }

    #[test]
    fn belarusian_and_ukrainian_spellings_meet_russian_ones() {
        let token = |text: &str| Token::new(text, false, false);
        for (slavic, russian) in [
            ("tkachou", "tkachev"),
            ("uladzimir", "vladimir"),
            ("henadz", "gennadi"),
            ("siarhei", "sergei"),
            ("serhiy", "sergey"),
            ("karpiankou", "karpenkov"),
            ("uladzimirauna", "vladimirovna"),
            ("leanidavich", "leonidovich"),
        ] {
            let found = token_similarity(&token(slavic), &token(russian));
            assert!(matches!(found, Some((s, _)) if s >= 0.85), "{slavic}: {found:?}");
            assert_eq!(found, token_similarity(&token(russian), &token(slavic)));
        }
        // Read as Russian, still another name.
        assert_eq!(token_similarity(&token("tkachou"), &token("tokarev")), None);
        assert!(token_similarity(&token("hleb"), &token("gleb")).is_some_and(|(s, _)| s >= 0.85));
        assert_eq!(token_similarity(&token("siarhei"), &token("sarkis")), None);
        assert_eq!(token("hassan").russian_key(), None, "no sign of Belarusian");
        assert_eq!(token("xiaohong").russian_key(), None, "pinyin");
        // One word shows the name's romanization; the others are read so
        // too (`Horban` and `Oleh` alone show nothing).
        let name = tokens(&words("HORBAN, Oleh Petrovych"), false);
        let russian = tokens(&words("GORBAN, Oleg Petrovich"), false);
        for (slavic, russian) in name.iter().zip(&russian) {
            let found = token_similarity(slavic, russian);
            assert!(found.is_some_and(|(s, _)| s >= 0.9), "{}: {found:?}", slavic.text);
        }
        let alone = tokens(&words("HORBAN, Oleh"), false);
        assert!(alone.iter().all(|token| token.russian_key().is_none()));
        // Not in a company's name (`horizont` is no Belarusian word there).
        let company = tokens(&words("HORIZONT TRADING, Yevhenivna"), false);
        assert!(company.first().is_some_and(|token| token.russian_key().is_none()));
    }

    #[test]
    fn variants_typos_and_joins_score_high_but_below_one() {
        for (query, listed) in [
            ("Kang Pil Hun", "KANG, P'il-Hun"),
            ("Jo Yong Won", "CHO, Yongwon"),
            ("Vladimir Putin", "PUTIN, Vladimir Vladimirovich"),
            ("Mohammad Rezaei", "REZAEI, Mohamad"),
            ("J Smith", "SMITH, John"),
        ] {
            let s = score(query, listed);
            assert!((0.8..1.0).contains(&s), "{query} / {listed}: {s}");
        }
    }

    #[test]
    fn different_given_names_score_low() {
        assert!(score("Kim Min Jun", "KIM, Yo Jong") < 0.6);
        assert!(score("John Smith", "Jane Smythe") < 0.8);
    }

    #[test]
    fn a_missing_syllable_costs_its_whole_weight() {
        let (query, listed) =
            (tokens(&words("kang min jun"), false), tokens(&words("kang min"), false));
        let ones = |tokens: &[Token]| vec![1.0; tokens.len()];
        let (listed_ones, query_ones) = (ones(&listed), ones(&query));
        let optional = align(
            &listed,
            &listed_ones,
            &query,
            &query_ones,
            Missing::Optional,
            EVERY_WORD_RARE,
            None,
        )
        .score;
        let syllables = align(
            &listed,
            &listed_ones,
            &query,
            &query_ones,
            Missing::Syllables,
            EVERY_WORD_RARE,
            None,
        )
        .score;
        // Two of three words paired, weights 1: 4 / (4 + 0.7) against 4 / (4 + 1).
        assert!((optional - 4.0 / 4.7).abs() < 1e-6, "{optional}");
        assert!((syllables - 0.8).abs() < 1e-6, "{syllables}");
    }

    #[test]
    fn generic_organization_words_beside_a_rare_name_found_whole_cost_less() {
        let weights = |tokens: &[Token]| -> Vec<f32> {
            tokens.iter().map(|t| if t.weak { 0.2 } else { 1.0 }).collect()
        };
        let at = |query: &str, listed: &str, rare_weight: f32| {
            let (query, listed) = (tokens(&words(query), false), tokens(&words(listed), false));
            let (query_weights, listed_weights) = (weights(&query), weights(&listed));
            align(
                &query,
                &query_weights,
                &listed,
                &listed_weights,
                Missing::Optional,
                rare_weight,
                None,
            )
            .score
        };
        // `movement` left over beside a rare name: 2 / (2 + 0.85 * 0.3),
        // against 2 / (2 + 0.85) when `acme` is a common word.
        let rare = at("Acme Movement", "ACME", EVERY_WORD_RARE);
        assert!((rare - 2.0 / (2.0 + 0.85 * 0.3)).abs() < 1e-6, "{rare}");
        let common = at("Acme Movement", "ACME", 2.0);
        assert!((common - 2.0 / 2.85).abs() < 1e-6, "{common}");
        // The same the other way round, the legal form aside: 2 / (2 + 0.7
        // * 0.3 + 0.35 * 0.2) against 2 / (2 + 0.7 + 0.35 * 0.2).
        assert!(at("Acme", "ACME LOGISTICS LLC", EVERY_WORD_RARE) > 0.85);
        assert!(at("Acme", "ACME LOGISTICS LLC", 2.0) < 0.78);
        // A word of a name left over on the other side: no discount.
        assert_eq!(
            at("Acme Logistics", "ACME ZENITH", EVERY_WORD_RARE),
            at("Acme Logistics", "ACME ZENITH", 2.0)
        );
        // A name word that is no close pair: no discount (0.9 is a sound
        // variant, not a spelling of the name).
        assert!(at("Falcon Logistics", "FURQAN", EVERY_WORD_RARE) < 0.78);
        // A query made of generic words only is not a rare name.
        assert!(at("General", "GENERAL ACME", EVERY_WORD_RARE) < 0.78);
    }

    #[test]
    fn a_name_with_a_rare_word_is_distinctive_only_when_that_word_is_written_alike() {
        // `ali` a common word (0.5), `darassa` and `mahamat` rare (1.0).
        let weights = |tokens: &[Token]| -> Vec<f32> {
            tokens.iter().map(|t| if t.text == "ali" { 0.5 } else { 1.0 }).collect()
        };
        let listed = tokens(&words("DARASSA, Ali"), false);
        let at = |query: &str, rarity: Rarity| {
            let query = tokens(&words(query), false);
            let missing = Missing::Distinctive { query: Rarity::Common, listed: rarity };
            align(&query, &weights(&query), &listed, &weights(&listed), missing, 0.9, None).score
        };
        // Both listed words found, `mahamat` left over: 3 / (3 + 0.5)
        // beside a name whose rare word is written alike, 3 / (3 + 0.85) else.
        let alike = at("Ali Mahamat Darassa", Rarity::WithRareWord);
        assert!((alike - 3.0 / 3.5).abs() < 1e-6, "{alike}");
        let common = at("Ali Mahamat Darassa", Rarity::Common);
        assert!((common - 3.0 / 3.85).abs() < 1e-6, "{common}");
        // The rare word met only through a slip: the usual cost.
        assert_eq!(
            at("Ali Mahamat Darasa", Rarity::WithRareWord),
            at("Ali Mahamat Darasa", Rarity::Common)
        );
        // A distinctive name needs no such word.
        assert!(
            at("Ali Mahamat Darasa", Rarity::Distinctive)
                > at("Ali Mahamat Darasa", Rarity::Common)
        );
    }

    #[test]
    fn query_words_around_a_distinctive_listed_name_cost_less() {
        let (query, listed) = (
            tokens(&words("Laurent Nkunda Mahoro Batware"), false),
            tokens(&words("NKUNDA, Laurent"), false),
        );
        let ones = |tokens: &[Token]| vec![1.0; tokens.len()];
        let at = |missing| {
            align(&query, &ones(&query), &listed, &ones(&listed), missing, EVERY_WORD_RARE, None)
                .score
        };
        // Both listed words found; two query words left over:
        // 4 / (4 + 0.85 + 0.35) as usual, 4 / (4 + 0.5 + 0.35) around a distinctive name.
        assert!((at(Missing::Optional) - 4.0 / 5.2).abs() < 1e-6);
        let around = Missing::Distinctive { query: Rarity::Common, listed: Rarity::Distinctive };
        assert!((at(around) - 4.0 / 4.85).abs() < 1e-6);
        // With a listed word missing, the usual cost.
        let partly = tokens(&words("Laurent Nkunda Mahoro"), false);
        let listed = tokens(&words("NKUNDA, Laurent Batware"), false);
        let partial = |missing| {
            align(&partly, &ones(&partly), &listed, &ones(&listed), missing, EVERY_WORD_RARE, None)
        };
        assert_eq!(partial(around).score, partial(Missing::Optional).score);
        // The other way round: a distinctive query found whole, one listed
        // word left out: 4 / (4 + 0.7) as usual, 4 / (4 + 0.5) within a
        // distinctive query; not when a pair is only a slip.
        let within = Missing::Distinctive { query: Rarity::Distinctive, listed: Rarity::Common };
        let (query, listed) = (partly.get(..2).unwrap_or_default(), &listed[..]);
        let shorter = |missing| {
            align(query, &ones(query), listed, &ones(listed), missing, EVERY_WORD_RARE, None).score
        };
        assert!((shorter(Missing::Optional) - 4.0 / 4.7).abs() < 1e-6);
        assert!((shorter(within) - 4.0 / 4.5).abs() < 1e-6);
        let slip = tokens(&words("Laurent Nkundo"), false);
        let slipped = |missing| {
            align(&slip, &ones(&slip), listed, &ones(listed), missing, EVERY_WORD_RARE, None).score
        };
        assert_eq!(slipped(within), slipped(Missing::Optional));
    }

    #[test]
    fn further_missing_listed_words_cost_less_than_the_first() {
        // Given name and surname of four words: two left out.
        let of_four = score("Abid Tikriti", "TIKRITI, Abid Hamid Mahmud");
        // Weights 1: 4 / (4 + 0.7 + 0.35).
        assert!((of_four - 4.0 / 5.05).abs() < 1e-6, "{of_four}");
        let of_three = score("Abid Tikriti", "TIKRITI, Abid Hamid");
        assert!(of_three > of_four);
    }

    #[test]
    fn query_words_the_list_lacks_cost_less_than_a_whole_word() {
        // A full name against a shorter listed one: the heaviest extra
        // query word costs 0.85 of its weight, a further one 0.35.
        let longer = score("Qasim Mohamed Mahdi al-Rimi", "AL-RIMI, Qasim");
        assert!((longer - 4.0 / (4.0 + 0.85 + 0.35)).abs() < 1e-6, "{longer}");
        // Against the same name with a listed word left out, the query's
        // extra word costs more.
        assert!(
            score("Othman Ahmed al-Ghamdi", "AL-GHAMDI, Othman")
                < score("Othman al-Ghamdi", "AL-GHAMDI, Othman Ahmed")
        );
    }

    #[test]
    fn a_korean_syllable_of_one_letter_is_no_initial() {
        let (query, listed) =
            (tokens(&words("i ji a"), false), tokens(&words("dzhi ai invest"), false));
        let ones = |tokens: &[Token]| vec![1.0; tokens.len()];
        let by_syllable = align(
            &query,
            &ones(&query),
            &listed,
            &ones(&listed),
            Missing::Syllables,
            EVERY_WORD_RARE,
            None,
        );
        assert!(by_syllable.pairs.iter().all(|pair| pair.3 != How::Initial));
        let as_written = align(
            &query,
            &ones(&query),
            &listed,
            &ones(&listed),
            Missing::Optional,
            EVERY_WORD_RARE,
            None,
        );
        assert!(as_written.pairs.iter().any(|pair| pair.3 == How::Initial));
    }

    #[test]
    fn words_of_one_or_two_letters_are_not_joined_against_arabic_script() {
        let arabic = vec![Token::new("mrim", false, true)];
        let korean = tokens(&words("mi rim"), false);
        let ones = |tokens: &[Token]| vec![1.0; tokens.len()];
        let alignment = align(
            &arabic,
            &ones(&arabic),
            &korean,
            &ones(&korean),
            Missing::Optional,
            EVERY_WORD_RARE,
            None,
        );
        assert!(alignment.pairs.is_empty(), "{:?}", alignment.pairs);
        let latin = tokens(&words("abu bakr"), false);
        let joined = vec![Token::new("abubakr", false, false)];
        let alignment = align(
            &joined,
            &ones(&joined),
            &latin,
            &ones(&latin),
            Missing::Optional,
            EVERY_WORD_RARE,
            None,
        );
        assert_eq!(alignment.pairs.len(), 1);
    }

    fn person_score(query: &str, listed: &str, given_from: Option<usize>) -> f32 {
        let query = tokens(&words(query), false);
        let listed = tokens(&words(listed), false);
        let ones = |tokens: &[Token]| vec![1.0; tokens.len()];
        let missing = Missing::Optional;
        align(&query, &ones(&query), &listed, &ones(&listed), missing, EVERY_WORD_RARE, given_from)
            .score
    }

    #[test]
    fn a_persons_surname_and_given_name_found_make_the_rest_cost_less() {
        let listed = "RIVAS PENA, Tomas Ignacio";
        for short_form in ["RIVAS, Tomas", "Tomas Rivas", "RIVAS DE LUNA, Tomas"] {
            let as_a_person = person_score(short_form, listed, Some(2));
            assert!(as_a_person > person_score(short_form, listed, None) + 0.03, "{short_form}");
        }
        assert!(person_score("RIVAS, Tomas", listed, Some(2)) > 0.78);
        // The second surname and the given name are not the head.
        let second = person_score("PENA, Tomas", listed, Some(2));
        assert_eq!(second, person_score("PENA, Tomas", listed, None));
        // Nor is `abd` alone, the first half of a compound name.
        let abd = "NASIR, Abd Karim Hadi";
        assert_eq!(person_score("NASIR, Abd", abd, Some(1)), person_score("NASIR, Abd", abd, None));
        assert!(
            person_score("NASIR, Abd Karim", abd, Some(1))
                > person_score("NASIR, Abd Karim", abd, None)
        );
        // Every listed word found: nothing left to cost less.
        let whole = "RIVAS, Tomas";
        assert_eq!(
            person_score("RIVAS, Tomas Ignacio", whole, Some(1)),
            person_score("RIVAS, Tomas Ignacio", whole, None)
        );
    }

    #[test]
    fn another_given_name_beside_the_surname_keeps_part_of_the_score() {
        let listed = "RIVAS PENA, Tomas Ignacio";
        let other = person_score("Olga RIVAS PENA", listed, Some(2));
        let unknown_parts = person_score("Olga RIVAS PENA", listed, None);
        assert!((other - OTHER_GIVEN_NAME_SHARE * unknown_parts).abs() < 1e-6);
        assert!(other < 0.7);
        // The surname alone names no other given name.
        assert_eq!(
            person_score("RIVAS PENA", listed, Some(2)),
            person_score("RIVAS PENA", listed, None)
        );
    }

    #[test]
    fn initials_and_joined_letters_alone_never_carry_a_match() {
        assert!(score("Ma Kun", "K M A") <= UNCARRIED_SCORE);
        assert!(score("J S", "SMITH, John") <= UNCARRIED_SCORE);
        assert!(score("J Smith", "SMITH, John") > 0.8);
    }

    #[test]
    fn an_acronym_meets_the_words_it_is_made_of_but_never_carries_a_match() {
        assert!(score("Acme DTO", "ACME DRUG TRAFFICKING ORGANIZATION") > 0.78);
        assert!(score("ACME DRUG TRAFFICKING ORGANIZATION", "Acme DTO") > 0.78);
        assert!(score("Acme DTO", "ACME DRUG TRAFFICKING ORGANIZATION") < 1.0);
        // Words read in English spell the acronym as written too.
        let npp = "Nauchno Proizvodstvennoe Predpriyatie Acme";
        assert_ne!(tokens(&words(npp), false)[0].text, "nauchno", "read in English");
        assert!(score("NPP Acme", npp) > 0.78);
        assert!(score("DTO", "DRUG TRAFFICKING ORGANIZATION") <= UNCARRIED_SCORE);
        // Two letters stand for too many runs of words.
        assert!(score("Acme DT", "ACME DRUG TRAFFICKING") < 0.78);
    }

    #[test]
    fn numbers_must_match_exactly() {
        assert!(score("Asia Bridge 2", "ASIA BRIDGE 1") < 0.8);
    }

    #[test]
    fn bit_parallel_distance_is_the_optimal_string_alignment() {
        // The reference is strsim's table; transposed pairs, repeats,
        // letters outside ASCII and words longer than a machine word.
        let words = [
            "mohammed",
            "muhammad",
            "abcd",
            "badc",
            "ca",
            "abc",
            "",
            "kowalski",
            "kowalsky",
            "shanghai",
            "shanghia",
            "şahin",
            "sahin",
            "ахмед",
            "ахмад",
            "李杰科技",
            "李杰",
            "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijklmno",
            "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijklnmo",
        ];
        for a in words {
            for b in words {
                assert_eq!(osa_distance(a, b), strsim::osa_distance(a, b), "{a} {b}");
            }
        }
    }

    #[test]
    fn letters_apart_never_exceeds_the_edit_distance() {
        let words = [
            "mohammed", "mohamed", "muhammad", "petrov", "petrova", "ivanov", "sergei", "sergey",
            "zhang", "yang", "kowalski", "kowalsky", "abcd", "dcba", "x1y2", "acbd",
        ];
        for a in words {
            for b in words {
                let bound = letters_apart(a, b).unwrap();
                assert!(bound <= strsim::osa_distance(a, b), "{a} {b}");
                let (token_a, token_b) = (Token::new(a, false, false), Token::new(b, false, false));
                let kinds_bound = token_a.texts_apart_at_least(&token_b).unwrap();
                assert!(kinds_bound as usize <= bound, "{a} {b}");
            }
        }
        assert_eq!(letters_apart("петров", "petrov"), None);
        let cyrillic = (Token::literal("петров"), Token::new("petrov", false, false));
        assert_eq!(cyrillic.0.texts_apart_at_least(&cyrillic.1), None);
        assert!(edit_similarity("kowalski", "kowalsky", None) >= TYPO_FLOOR);
        assert_eq!(edit_similarity("petrov", "ivanov", None), 0.0, "below the floor is 0");
    }

    #[test]
    fn token_similarity_names_its_reason() {
        let t = |s: &str| Token::new(s, false, false);
        assert_eq!(token_similarity(&t("jong"), &t("chong")).map(|x| x.1), Some(How::Phonetic));
        assert_eq!(token_similarity(&t("j"), &t("john")).map(|x| x.1), Some(How::Initial));
        assert_eq!(token_similarity(&t("ivanova"), &t("ivanvoa")).map(|x| x.1), Some(How::Typo));
        assert_eq!(token_similarity(&t("kim"), &t("lee")), None);
        // `r` and `l`, one sound in the key, are two letters of most names.
        assert_eq!(
            token_similarity(&t("basheer"), &t("basil")),
            Some((R_FOR_L_SIMILARITY, How::Phonetic))
        );
        assert_eq!(token_similarity(&t("ri"), &t("li")).map(|x| x.0), Some(R_FOR_L_SIMILARITY));
        assert_eq!(token_similarity(&t("barri"), &t("bari")), Some((0.95, How::Phonetic)));
        // Short words: another first letter, a letter more, or shared
        // consonants alone make another name.
        assert_eq!(token_similarity(&t("wang"), &t("zhang")), None);
        assert_eq!(token_similarity(&t("jing"), &t("jinghe")), None);
        assert_eq!(token_similarity(&t("olga"), &t("oleg")), None);
        assert_eq!(token_similarity(&t("petrov"), &t("petrob")).map(|x| x.1), Some(How::Typo));
        assert!(token_similarity(&t("umar"), &t("omar")).is_some());
        assert!(token_similarity(&t("abib"), &t("habib")).is_some());
        assert_eq!(
            token_similarity(&t("mohammed"), &t("muhammad")).map(|x| x.1),
            Some(How::Vowels)
        );
        assert_ne!(token_similarity(&t("maria"), &t("mario")).map(|x| x.1), Some(How::Vowels));
        assert_ne!(token_similarity(&t("reddy"), &t("lady")).map(|x| x.1), Some(How::Vowels));
        assert_ne!(token_similarity(&t("sokolov"), &t("sukharev")).map(|x| x.1), Some(How::Vowels));
        assert_ne!(token_similarity(&t("hussein"), &t("hassan")).map(|x| x.1), Some(How::Vowels));
        // A first vowel is spelling in words of four letters or more.
        for (a, b) in [("omar", "umar"), ("osama", "usama"), ("ibrahim", "ebrahim")] {
            assert_eq!(token_similarity(&t(a), &t(b)), Some((0.9, How::Vowels)), "{a} / {b}");
        }
        assert_ne!(token_similarity(&t("ali"), &t("eli")).map(|x| x.1), Some(How::Vowels));
        // The French `e` for a damma as for a fatha or kasra.
        assert_eq!(token_similarity(&t("youssef"), &t("yusuf")).map(|x| x.1), Some(How::Vowels));
        // A Slavic surname and its woman's form: one family, less than a slip.
        assert_eq!(
            token_similarity(&t("kuznetsova"), &t("kuznetsov")),
            Some((GENDER_FORM_SIMILARITY, How::Typo))
        );
        assert_eq!(
            token_similarity(&t("putin"), &t("putina")).map(|x| x.0),
            Some(GENDER_FORM_SIMILARITY)
        );
        // Alike only through their phonetic keys and a slip more: other names.
        assert_eq!(token_similarity(&t("popov"), &t("bobkov")), None);
        // (The diphthong ay written as a long i: a spelling.)
        assert_eq!(token_similarity(&t("raymi"), &t("rimi")).map(|x| x.1), Some(How::Vowels));
        assert_eq!(token_similarity(&t("morozova"), &t("borisova")), None);
        assert_eq!(token_similarity(&t("sokolov"), &t("sukharev")), None);
        assert_eq!(token_similarity(&t("yusupov"), &t("jusupov")).map(|x| x.1), Some(How::Typo));
        assert_eq!(token_similarity(&t("mikhailov"), &t("mihaylov")).map(|x| x.1), Some(How::Typo));
        // French romanization of Arabic names: `ch` after a vowel is `sh`.
        // Its vowels may be others too (`hichem` / `hisham`).
        for (french, english) in
            [("hicham", "hisham"), ("achraf", "ashraf"), ("bachir", "bashir"), ("hichem", "hisham")]
        {
            assert_eq!(token_similarity(&t(french), &t(english)).map(|x| x.0), Some(0.9));
            assert_eq!(token_similarity(&t(english), &t(french)).map(|x| x.0), Some(0.9));
        }
        let first_ch = token_similarity(&t("chuang"), &t("shuang")).map(|x| x.1);
        assert_ne!(first_ch, Some(How::Phonetic), "a first ch is another sound");
        // The article run onto a word, which lists drop when written apart.
        for (joined, bare) in [
            ("alharamein", "haramain"),
            ("alwaleed", "walid"),
            ("elsayed", "sayed"),
            // Near enough for a typo too, but nearer with the article off.
            ("alghamdi", "ghamdi"),
            ("elsheikh", "sheikh"),
        ] {
            assert_eq!(token_similarity(&t(joined), &t(bare)).map(|x| x.1), Some(How::Joined));
            assert_eq!(token_similarity(&t(bare), &t(joined)).map(|x| x.1), Some(How::Joined));
        }
        // One short vowel either way, in words of four letters or more.
        for (one, other) in
            [("ahmed", "ahmad"), ("jabir", "jaber"), ("remi", "rimi"), ("abed", "abid")]
        {
            assert_eq!(token_similarity(&t(one), &t(other)).map(|x| x.1), Some(How::Vowels));
        }
        assert_ne!(token_similarity(&t("hamid"), &t("hamad")).map(|x| x.1), Some(How::Vowels));
        // Or one short vowel apart as read, written with the same consonants.
        for (one, other) in [("moosa", "muse"), ("qasem", "kasim"), ("seyf", "saif")] {
            assert_eq!(token_similarity(&t(one), &t(other)).map(|x| x.1), Some(How::Vowels));
        }
        assert_ne!(token_similarity(&t("cera"), &t("sira")).map(|x| x.1), Some(How::Vowels));
        // The diphthong ay either way, and vowels of a word one by one.
        for (one, other) in [("sheikh", "shaykh"), ("deena", "daynah"), ("moqeem", "muqim")] {
            assert_eq!(token_similarity(&t(one), &t(other)).map(|x| x.1), Some(How::Vowels));
        }
        assert_ne!(token_similarity(&t("hasan"), &t("husain")).map(|x| x.1), Some(How::Vowels));
        assert_eq!(token_similarity(&t("hel"), &t("hal")), None, "three letters: another word");
        // A word read as its English word is compared as written too.
        let read = |name: &str| tokens(&words(name), false).remove(0);
        assert_eq!(token_similarity(&read("harakat"), &read("movement")).map(|x| x.0), Some(1.0));
        assert_eq!(
            token_similarity(&read("haraket"), &read("harakat")).map(|x| x.1),
            Some(How::Vowels)
        );
        assert_eq!(
            token_similarity(&read("harakat"), &read("haraket")).map(|x| x.1),
            Some(How::Vowels)
        );
        // An Arabic-script word is read without its article (and whole,
        // its letters with the article's: then its consonants meet).
        let arabic =
            |word: &str| super::super::arabic::tokens(&super::super::normalize::fold(word));
        for (joined, script) in [("alhosseini", "الحسيني"), ("alzahrani", "الزهراني")]
        {
            let read = &arabic(script)[0];
            for found in [token_similarity(&t(joined), read), token_similarity(read, &t(joined))] {
                let how = found.map(|x| x.1);
                assert!(matches!(how, Some(How::Joined | How::Consonants)), "{joined}: {how:?}");
                assert!(found.is_some_and(|x| x.0 >= 0.9), "{joined}: {found:?}");
            }
        }
        assert_eq!(token_similarity(&t("alhosseini"), &arabic("الحسن")[0]), None);
        assert_eq!(token_similarity(&t("alma"), &t("ma")), None, "too short to take off");
        assert_eq!(token_similarity(&t("alexander"), &t("xander")), None, "other words");
    }
}
