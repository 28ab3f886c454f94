//! The screening index: every spelling of every name of every entity,
//! tokenized once at start-up, with an inverted index from phonetic keys
//! (and their one-letter deletions, joined word pairs and consonant
//! skeletons) to spellings, so a query looks at a few candidates instead of
//! every name.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::normalize::{
    phonetic_key, vowel_places, without_joined_article, Token, MIN_ARTICLE_REST,
};
use super::score::Rarity;
use super::translit::{spellings, Spelling, Via};
use super::Entity;
use crate::model::EntityKind;

/// How much a legal form or function word weighs relative to its rarity.
const WEAK_WEIGHT: f32 = 0.2;
/// What a patronymic weighs relative to its rarity: evidence when both
/// sides give it, little against when one leaves it out.
const PATRONYMIC_WEIGHT: f32 = 0.6;
/// Keys shorter than this are looked up exactly (a slip in a short word
/// makes another word).
const MIN_FUZZY_KEY: usize = 4;
/// How many spellings are fully scored per query spelling.
pub const CANDIDATES: usize = 48;
/// What a term near a query word (a deletion, vowel places or skeleton
/// away) adds to a spelling's rank, relative to the word's own key.
const NEAR_TERM_SHARE: f32 = 0.5;

/// How rare the words of a listed name must be together, in words the list
/// has nowhere else, for a query holding every one of them to name it with
/// words more (two such words, or three seen a few times each).
const DISTINCTIVE_NAME: f32 = 1.65;

/// How rare the words of a name holding a rare word must be together, in
/// words the list has nowhere else, to name it with words more or less
/// when that word is written alike (`Ali Mahamat DARASSA` for `DARASSA,
/// Ali`; see [`Rarity::WithRareWord`]).
const WITH_RARE_WORD_NAME: f32 = 1.3;

/// A rare word ([`Index::rare_weight`]) is found in fewer indexed names
/// than this: in one or two, a name's own word (`SYRISS`) rather than a
/// common one (`ATLAS`, in ten). Between two and three, clear of rounding.
const RARE_WORD_NAMES: f32 = 2.5;

/// One spelling of one name of one entity.
#[derive(Debug, Serialize, Deserialize)]
pub struct Form {
    /// Index of the entity.
    pub entity: u32,
    /// Index of the name within the entity's names.
    pub name: u16,
    /// How the spelling was read.
    pub via: Via,
    /// Its tokens.
    pub tokens: Vec<Token>,
    /// How much each token weighs.
    pub weights: Vec<f32>,
    /// How rare its words are together, legal forms aside
    /// ([`Index::rarity`]): a query that holds every word of a distinctive
    /// name names it, whatever else it holds.
    pub rarity: Rarity,
    /// For a person's name written `SURNAME, Given names`, the index of
    /// its first given-name token, when the parts read into the same
    /// tokens apart as together.
    pub given_from: Option<u16>,
}

/// The inverted index. Stored without its entities (see
/// [`super::stored`]): they are read from the data each time.
#[derive(Debug, Default, Serialize, Deserialize)]
pub struct Index {
    /// The entities, in load order.
    #[serde(skip)]
    pub entities: Vec<Entity>,
    /// Every spelling of every name.
    pub forms: Vec<Form>,
    terms: KeyMap,
    postings: Vec<Vec<u32>>,
    idf: Vec<f32>,
    deletions: Groups,
    skeletons: Groups,
    /// Terms by their [`vowel_places`].
    vowel_places_groups: Groups,
    identifiers: Groups,
    unseen_weight: f32,
}

impl Index {
    /// Builds the index over `entities`.
    pub fn build(entities: Vec<Entity>) -> Index {
        let mut index = Index { entities, ..Index::default() };
        let mut forms = Vec::new();
        let mut identifiers: HashMap<String, Vec<u32>> = HashMap::new();
        let mut terms: HashMap<String, u32> = HashMap::new();
        for (entity_index, entity) in index.entities.iter().enumerate() {
            for (name_index, name) in entity.names.iter().enumerate().take(usize::from(u16::MAX)) {
                // A person's surname and given names, read once per name.
                let parts = (entity.kind == Some(EntityKind::Person))
                    .then(|| NameParts::read(name))
                    .flatten();
                for Spelling { via, tokens } in spellings(name) {
                    let given_from =
                        parts.as_ref().and_then(|parts| parts.given_from(via, &tokens));
                    forms.push(Form {
                        entity: entity_index as u32,
                        name: name_index as u16,
                        via,
                        tokens,
                        weights: Vec::new(),
                        rarity: Rarity::Common,
                        given_from,
                    });
                }
            }
            for identifier in &entity.identifiers {
                identifiers
                    .entry(identifier_key(&identifier.scheme, &identifier.value))
                    .or_default()
                    .push(entity_index as u32);
            }
        }
        for (form_index, form) in forms.iter().enumerate() {
            let mut keys: Vec<String> =
                form.tokens.iter().map(|token| term_key(token).into_owned()).collect();
            // A Belarusian or Ukrainian spelling is found by its Russian one too.
            keys.extend(
                form.tokens
                    .iter()
                    .filter(|token| !token.weak)
                    .filter_map(|token| token.russian_key().map(str::to_string)),
            );
            keys.extend(form.tokens.windows(2).filter_map(|pair| match pair {
                [a, b] if !a.weak && !b.weak => Some(joined_key(a, b)),
                _ => None,
            }));
            keys.sort();
            keys.dedup();
            for key in keys {
                let next = index.postings.len() as u32;
                let term = *terms.entry(key).or_insert(next);
                if term == next {
                    index.postings.push(Vec::new());
                }
                if let Some(postings) = index.postings.get_mut(term as usize) {
                    postings.push(form_index as u32);
                }
            }
        }
        let total = forms.len().max(1) as f32;
        index.idf =
            index.postings.iter().map(|p| (1.0 + total / p.len().max(1) as f32).ln()).collect();
        index.unseen_weight = (1.0 + total).ln();
        let mut deletion_terms: HashMap<String, Vec<u32>> = HashMap::new();
        let mut skeletons: HashMap<String, Vec<u32>> = HashMap::new();
        let mut places_groups: HashMap<String, Vec<u32>> = HashMap::new();
        for (key, &term) in &terms {
            if key.len() >= MIN_FUZZY_KEY && key.is_ascii() {
                for deleted in deletions(key) {
                    deletion_terms.entry(deleted).or_default().push(term);
                }
                places_groups.entry(vowel_places(key)).or_default().push(term);
            }
            let skeleton = super::normalize::skeleton(key);
            if skeleton.len() >= 2 && key.is_ascii() {
                skeletons.entry(skeleton).or_default().push(term);
            }
        }
        index.deletions = Groups::from_map(deletion_terms);
        index.skeletons = Groups::from_map(skeletons);
        index.vowel_places_groups = Groups::from_map(places_groups);
        index.identifiers = Groups::from_map(identifiers);
        index.terms =
            KeyMap::from_pairs(terms.into_iter().map(|(key, term)| (key, u64::from(term))));
        for form in &mut forms {
            form.weights = form.tokens.iter().map(|token| index.weight(token)).collect();
            form.rarity = index.rarity(&form.tokens, &form.weights);
        }
        index.forms = forms;
        index
    }

    /// How rare a name's words are together, legal forms aside: as rare
    /// as 1.65 words the index has nowhere (`DISTINCTIVE_NAME`), or as 1.3
    /// (`WITH_RARE_WORD_NAME`) with one word the index has in at most two
    /// names ([`Index::rare_weight`]; an unseen word is not one).
    pub fn rarity(&self, tokens: &[Token], weights: &[f32]) -> Rarity {
        let name_words = || tokens.iter().zip(weights).filter(|(token, _)| !token.weak);
        let sum: f32 = name_words().map(|(_, weight)| weight).sum();
        let rare_word = || {
            let rare_weight = self.rare_weight();
            name_words().any(|(token, weight)| {
                *weight >= rare_weight && self.terms.get(&term_key(token)).is_some()
            })
        };
        if sum >= DISTINCTIVE_NAME * self.unseen_weight {
            Rarity::Distinctive
        } else if sum >= WITH_RARE_WORD_NAME * self.unseen_weight && rare_word() {
            Rarity::WithRareWord
        } else {
            Rarity::Common
        }
    }

    /// The weight from which a word is rare: found in fewer than
    /// `RARE_WORD_NAMES` of the indexed names.
    pub fn rare_weight(&self) -> f32 {
        let names = self.unseen_weight.exp() - 1.0;
        (1.0 + names / RARE_WORD_NAMES).ln()
    }

    /// How much a token weighs: the rarer its key, the more; legal forms and
    /// function words little.
    pub fn weight(&self, token: &Token) -> f32 {
        let rarity = self
            .terms
            .get(&term_key(token))
            .and_then(|term| self.idf.get(term as usize))
            .copied()
            .unwrap_or(self.unseen_weight);
        if token.weak {
            rarity * WEAK_WEIGHT
        } else if token.is_patronymic() {
            rarity * PATRONYMIC_WEIGHT
        } else {
            rarity
        }
    }

    /// Entities carrying an identifier (`IMO`, `1234567`).
    pub fn by_identifier(&self, scheme: &str, value: &str) -> &[u32] {
        self.identifiers.get(&identifier_key(scheme, value))
    }

    /// The spellings worth scoring against `tokens`: those sharing a key, a
    /// near key (one deletion apart), a joined pair or (for vowelless
    /// tokens) a consonant skeleton, ranked by the rarity of what they share.
    pub fn candidates(&self, tokens: &[Token]) -> Vec<u32> {
        // (term, whether it is the token's own key or joined pair rather
        // than a near one)
        let mut hits: Vec<(u32, bool)> = Vec::new();
        for (position, token) in tokens.iter().enumerate() {
            if token.weak {
                continue; // legal forms and function words find everything
            }
            self.push_term(&token.key, true, &mut hits);
            if let Some(russian) = token.russian_key() {
                self.push_term(russian, true, &mut hits);
            }
            // The same word with the article (`al`, `el`) written onto it, or without it.
            if !token.vowelless {
                if token.text.len() >= MIN_ARTICLE_REST {
                    for article in ["al", "el"] {
                        let joined = format!("{article}{}", token.text);
                        self.push_term(&phonetic_key(&joined), false, &mut hits);
                    }
                }
                if let Some(rest) = without_joined_article(&token.text) {
                    self.push_term(&phonetic_key(rest), false, &mut hits);
                }
            }
            if token.key.len() >= MIN_FUZZY_KEY && token.key.is_ascii() && !token.is_numeric() {
                hits.extend(near_terms(self.deletions.get(&token.key)));
                hits.extend(near_terms(self.vowel_places_groups.get(&vowel_places(&token.key))));
                for deleted in deletions(&token.key) {
                    self.push_term(&deleted, false, &mut hits);
                    hits.extend(near_terms(self.deletions.get(&deleted)));
                }
            }
            if token.vowelless {
                hits.extend(near_terms(self.skeletons.get(&token.skeleton)));
                // The consonants of its other readings too (`فضل` as
                // Persian says it: `Fazl`).
                for other in token.other_keys() {
                    let other = super::normalize::skeleton(other);
                    if other != token.skeleton {
                        hits.extend(near_terms(self.skeletons.get(&other)));
                    }
                }
            }
            if let Some(next) = tokens.get(position + 1) {
                self.push_term(&joined_key(token, next), true, &mut hits);
            }
        }
        // One entry per term, its own key before a near one.
        hits.sort_unstable_by_key(|(term, own)| (*term, !own));
        hits.dedup_by_key(|(term, _)| *term);
        // Rarest shared terms first; very common ones only when nothing rarer matched.
        hits.sort_by(|a, b| self.idf_of(b.0).total_cmp(&self.idf_of(a.0)));
        let common = (self.forms.len() / 20).max(200);
        // Every (form, idf) shared, then summed per form after a sort: cheaper
        // than a hash map for the few thousand postings a query touches. A
        // near term counts half, so that a rare neighbour (`kalai`) does not
        // push out the spellings with the word itself (`KALA LIMITED`).
        let mut shared: Vec<(u32, f32)> = Vec::new();
        for (rank, (term, own)) in hits.iter().enumerate() {
            let postings = self.postings.get(*term as usize).map_or(&[][..], Vec::as_slice);
            if postings.len() > common && rank > 0 && !shared.is_empty() {
                continue;
            }
            let idf = self.idf_of(*term) * if *own { 1.0 } else { NEAR_TERM_SHARE };
            shared.extend(postings.iter().map(|form| (*form, idf)));
        }
        shared.sort_unstable_by_key(|(form, _)| *form);
        let mut ranked: Vec<(u32, f32)> = Vec::new();
        for (form, idf) in shared {
            match ranked.last_mut() {
                Some((last, score)) if *last == form => *score += idf,
                _ => ranked.push((form, idf)),
            }
        }
        // Equal shares go to the shorter spelling first. Only the best are
        // put in order: the rest need not be.
        let length = |form: u32| self.forms.get(form as usize).map_or(0, |f| f.tokens.len());
        let best_first = |a: &(u32, f32), b: &(u32, f32)| {
            b.1.total_cmp(&a.1).then(length(a.0).cmp(&length(b.0))).then(a.0.cmp(&b.0))
        };
        if ranked.len() > CANDIDATES {
            ranked.select_nth_unstable_by(CANDIDATES, best_first);
            ranked.truncate(CANDIDATES);
        }
        ranked.sort_unstable_by(best_first);
        ranked.into_iter().map(|(form, _)| form).collect()
    }

    fn push_term(&self, key: &str, own: bool, hits: &mut Vec<(u32, bool)>) {
        if let Some(term) = self.terms.get(key).and_then(|term| u32::try_from(term).ok()) {
            hits.push((term, own));
        }
    }

    fn idf_of(&self, term: u32) -> f32 {
        self.idf.get(term as usize).copied().unwrap_or(0.0)
    }
}

/// Terms near a query word, marked as not its own key.
fn near_terms(terms: &[u32]) -> impl Iterator<Item = (u32, bool)> + '_ {
    terms.iter().map(|term| (*term, false))
}

/// The term a token is counted under: its key, and for a weak word (a
/// legal form, a function word) its key marked apart, so that a name word
/// with the key of a legal form (`RCC` and `LLC` both `lk`) is as rare as
/// it is among name words, and never finds every `LLC`. The mark is not
/// ASCII, so weak words get no near keys either.
fn term_key(token: &Token) -> std::borrow::Cow<'_, str> {
    if token.weak {
        std::borrow::Cow::Owned(format!("{WEAK_TERM_MARK}{}", token.key))
    } else {
        std::borrow::Cow::Borrowed(&token.key)
    }
}

/// What [`term_key`] puts before the key of a weak word.
const WEAK_TERM_MARK: char = '\u{b7}';

/// The key of two words written as one (`shang` + `hai` → key of `shanghai`).
fn joined_key(first: &Token, second: &Token) -> String {
    Token::joined([first, second]).key
}

fn identifier_key(scheme: &str, value: &str) -> String {
    format!("{}:{}", scheme.to_ascii_uppercase(), value.trim())
}

/// Every string one letter shorter than `key`.
fn deletions(key: &str) -> impl Iterator<Item = String> + '_ {
    (0..key.len()).filter(|i| key.is_char_boundary(*i)).map(move |i| {
        let mut deleted = String::with_capacity(key.len());
        deleted.push_str(key.get(..i).unwrap_or_default());
        deleted.push_str(key.get(i + 1..).unwrap_or_default());
        deleted
    })
}

/// String keys mapped to numbers, in a hash table made of plain arrays:
/// the keys laid end to end in one string, and a table of slots holding key
/// positions, probed linearly from the key's FNV-1a hash. Stored as its
/// arrays, it is read back without rehashing or allocating a string per
/// key, and looked up as fast as a `HashMap`. The hash is this crate's own,
/// so a stored table means the same in every build.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct KeyMap {
    /// Every key, end to end.
    bytes: String,
    /// Where each key ends in `bytes`.
    ends: Vec<u32>,
    /// Each key's number.
    values: Vec<u64>,
    /// A power of two of slots, each a key's position plus one, or
    /// [`EMPTY_SLOT`] (small numbers, so the stored table stays small).
    slots: Vec<u32>,
}

/// A slot no key holds.
const EMPTY_SLOT: u32 = 0;

impl Default for KeyMap {
    fn default() -> KeyMap {
        KeyMap::from_pairs(std::iter::empty())
    }
}

/// The 64-bit FNV-1a hash of `bytes`.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(*byte)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

impl KeyMap {
    /// The map of `pairs`, whose keys are unique.
    fn from_pairs(pairs: impl Iterator<Item = (String, u64)>) -> KeyMap {
        let pairs: Vec<(String, u64)> = pairs.collect();
        let mut map = KeyMap {
            bytes: String::with_capacity(pairs.iter().map(|(key, _)| key.len()).sum()),
            ends: Vec::with_capacity(pairs.len()),
            values: Vec::with_capacity(pairs.len()),
            slots: vec![EMPTY_SLOT; (pairs.len() * 2).next_power_of_two()],
        };
        let mask = map.slots.len() - 1;
        for (position, (key, value)) in pairs.into_iter().enumerate() {
            map.bytes.push_str(&key);
            map.ends.push(u32::try_from(map.bytes.len()).unwrap_or(u32::MAX));
            map.values.push(value);
            let mut slot = fnv1a(key.as_bytes()) as usize & mask;
            while map.slots.get(slot).is_some_and(|held| *held != EMPTY_SLOT) {
                slot = (slot + 1) & mask;
            }
            if let Some(free) = map.slots.get_mut(slot) {
                *free = u32::try_from(position + 1).unwrap_or(EMPTY_SLOT);
            }
        }
        map
    }

    /// The bytes of the key at `position`.
    fn key_at(&self, position: usize) -> &[u8] {
        let start = position
            .checked_sub(1)
            .and_then(|before| self.ends.get(before))
            .map_or(0, |end| *end as usize);
        let end = self.ends.get(position).map_or(start, |end| *end as usize);
        self.bytes.as_bytes().get(start..end).unwrap_or(&[])
    }

    /// The number `key` maps to.
    fn get(&self, key: &str) -> Option<u64> {
        let mask = self.slots.len().checked_sub(1)?;
        let mut slot = fnv1a(key.as_bytes()) as usize & mask;
        // At most every slot once: the table is never full, but a damaged
        // one must not loop.
        for _ in 0..self.slots.len() {
            let held = *self.slots.get(slot)?;
            if held == EMPTY_SLOT {
                return None;
            }
            let position = held as usize - 1;
            if self.key_at(position) == key.as_bytes() {
                return self.values.get(position).copied();
            }
            slot = (slot + 1) & mask;
        }
        None
    }
}

/// Groups of ids by string key, in a form that loads without rebuilding:
/// the keys map to where each group starts in one flat array, which holds
/// every group as its length followed by its ids.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Groups {
    keys: KeyMap,
    ids: Vec<u32>,
}

impl Groups {
    /// The groups of `map`.
    fn from_map(map: HashMap<String, Vec<u32>>) -> Groups {
        let mut ids = Vec::new();
        let mut starts = Vec::with_capacity(map.len());
        for (key, group) in map {
            starts.push((key, ids.len() as u64));
            ids.push(group.len() as u32);
            ids.extend(group);
        }
        Groups { keys: KeyMap::from_pairs(starts.into_iter()), ids }
    }

    /// The ids grouped under `key`.
    fn get(&self, key: &str) -> &[u32] {
        let Some(start) = self.keys.get(key).and_then(|at| usize::try_from(at).ok()) else {
            return &[];
        };
        let len = self.ids.get(start).map_or(0, |len| *len as usize);
        self.ids.get(start + 1..start + 1 + len).unwrap_or(&[])
    }
}

/// A name written `SURNAME, Given names`, its two parts read apart.
struct NameParts {
    surname: Vec<Spelling>,
    given: Vec<Spelling>,
}

impl NameParts {
    /// The parts of `name`, if it is written with one comma.
    fn read(name: &str) -> Option<NameParts> {
        let (surname, given) = name.split_once(", ")?;
        if given.contains(',') {
            return None;
        }
        Some(NameParts { surname: spellings(surname), given: spellings(given) })
    }

    /// The index of the first given-name token of `tokens`, the name read
    /// `via`: where the surname and the given names, read apart, make the
    /// same tokens as the whole.
    fn given_from(&self, via: Via, tokens: &[Token]) -> Option<u16> {
        fn read(part: &[Spelling], via: Via) -> Option<&[Token]> {
            part.iter()
                .find(|spelling| spelling.via == via)
                .map(|spelling| spelling.tokens.as_slice())
        }
        let (surname, given) = (read(&self.surname, via)?, read(&self.given, via)?);
        let apart = surname.iter().chain(given).map(|token| token.text.as_str());
        let same = apart.eq(tokens.iter().map(|token| token.text.as_str()));
        if same && !given.is_empty() {
            u16::try_from(surname.len()).ok()
        } else {
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Status;

    fn organization(id: usize, name: &str) -> Entity {
        Entity {
            id: format!("e{id}"),
            kind: Some(EntityKind::Organization),
            names: vec![name.to_string()],
            source: "test".to_string(),
            authority: None,
            programs: Vec::new(),
            countries: Vec::new(),
            status: Status::Active,
            identifiers: Vec::new(),
            review: None,
        }
    }

    #[test]
    fn an_arabic_word_is_found_by_the_consonants_of_its_other_readings() {
        let index = Index::build(vec![organization(0, "FAZL TRADING")]);
        // فضل read as Arabic says it is `fdl`; as Persian says it, `fzl`.
        let query = super::super::arabic::tokens(&super::super::normalize::fold("فضل"));
        assert_eq!(index.candidates(&query), vec![0]);
    }

    #[test]
    fn a_persons_given_names_start_after_the_comma() {
        let mut person = organization(0, "RIVAS PENA, Tomas Ignacio");
        person.kind = Some(EntityKind::Person);
        let company = organization(1, "KONSTA, OOO");
        let index = Index::build(vec![person, company]);
        let form_given_from = |entity: u32| {
            let form = index.forms.iter().find(|form| form.entity == entity);
            form.and_then(|form| form.given_from)
        };
        assert_eq!(form_given_from(0), Some(2));
        assert_eq!(form_given_from(1), None);
        // The article goes in the parts as in the whole.
        let tokens = spellings("AL-NASIR, Abd al-Karim").remove(0).tokens;
        let given_from = |name: &str| {
            NameParts::read(name).and_then(|parts| parts.given_from(Via::AsWritten, &tokens))
        };
        assert_eq!(given_from("AL-NASIR, Abd al-Karim"), Some(1));
        assert_eq!(given_from("NASIR Abd al-Karim"), None);
    }

    #[test]
    fn rare_near_words_do_not_crowd_out_the_word_itself() {
        // `Kestra` in three names; dozens of names with a rarer word one
        // letter longer (`bkestra`, `kestrma`, ...), each found through a
        // deletion of its key.
        let mut entities = vec![
            organization(0, "Kestra Pension Trust Limited"),
            organization(1, "Kestra Consulting Limited"),
            organization(2, "Kestra Limited"),
        ];
        let own_key = crate::screen::normalize::phonetic_key("kestra");
        let mut near_keys = std::collections::HashSet::new();
        for position in 0..=own_key.len() {
            for letter in "bdfgjkmnvz".chars() {
                let mut word = "kestra".to_string();
                word.insert(position, letter);
                let key = crate::screen::normalize::phonetic_key(&word);
                if key.len() == own_key.len() + 1 && near_keys.insert(key) {
                    entities.push(organization(entities.len(), &format!("{word} Mining")));
                }
            }
        }
        assert!(entities.len() > CANDIDATES + 3, "{}", entities.len());
        let index = Index::build(entities);
        let query = crate::screen::normalize::tokens(&["kestra".into(), "ltd".into()], false);
        let found: Vec<&str> = index
            .candidates(&query)
            .iter()
            .filter_map(|&form| index.forms.get(form as usize))
            .filter_map(|form| index.entities.get(form.entity as usize))
            .map(|entity| entity.id.as_str())
            .collect();
        // The shortest first.
        assert_eq!(found.get(..3), Some(&["e2", "e1", "e0"][..]), "{found:?}");
    }

    #[test]
    fn a_name_word_with_the_key_of_a_legal_form_is_as_rare_as_name_words_make_it() {
        // `RCC` and `LLC` have one phonetic key; forty names end in `LLC`.
        let mut entities = vec![organization(0, "LLC RCC Trading")];
        for n in 0..40 {
            entities.push(organization(entities.len(), &format!("Trading {n} LLC")));
        }
        let index = Index::build(entities);
        let words = ["llc".to_string(), "rcc".to_string(), "trading".to_string()];
        let tokens = crate::screen::normalize::tokens(&words, false);
        let [llc, rcc, trading] = &tokens[..] else { panic!("{tokens:?}") };
        assert_eq!(llc.key, rcc.key);
        assert!(llc.weak && !rcc.weak);
        // Rarer than a word in 41 of the 41 names, as rare as a word in one.
        let (rcc_weight, trading_weight) = (index.weight(rcc), index.weight(trading));
        assert!(rcc_weight > 2.0 * trading_weight, "{rcc_weight} {trading_weight}");
        assert!((index.weight(rcc) - index.unseen_weight).abs() < 1.0);
        // A query `RCC` does not bring every `LLC` as a candidate.
        assert_eq!(index.candidates(std::slice::from_ref(rcc)).len(), 1);
    }

    #[test]
    fn a_name_of_rare_words_is_distinctive_one_of_common_words_is_not() {
        // `Pioneer` and `Logistics` in many names; `Zorvath` and `Quellin`
        // in one each; legal forms weigh little whatever their rarity.
        let mut entities = vec![
            organization(0, "Pioneer Logistics"),
            organization(1, "Zorvath Quellin"),
            organization(2, "Zorvath Limited"),
        ];
        for n in 0..40 {
            let number = n.to_string();
            entities.push(organization(entities.len(), &format!("Pioneer {number} Holdings")));
            entities.push(organization(entities.len(), &format!("Logistics {number} Holdings")));
        }
        let index = Index::build(entities);
        let distinctive = |id: u32| {
            index
                .forms
                .iter()
                .filter(|form| form.entity == id)
                .all(|form| form.rarity != Rarity::Common)
        };
        assert!(!distinctive(0));
        assert!(distinctive(1));
        assert!(!distinctive(2));
    }

    #[test]
    fn a_word_with_the_article_run_onto_it_finds_the_word_and_back() {
        let entities = vec![
            organization(0, "Al-Haramain Foundation"),
            organization(1, "Alwaleed Holding"),
            organization(2, "Harmony Foundation"),
        ];
        let index = Index::build(entities);
        let ids = |name: &str| -> Vec<String> {
            let query =
                crate::screen::normalize::tokens(&crate::screen::normalize::words(name), false);
            index
                .candidates(&query)
                .iter()
                .filter_map(|&form| index.forms.get(form as usize))
                .filter_map(|form| index.entities.get(form.entity as usize))
                .map(|entity| entity.id.clone())
                .collect()
        };
        assert!(ids("Alharamain").contains(&"e0".to_string()), "{:?}", ids("Alharamain"));
        assert!(ids("Al Waleed").contains(&"e1".to_string()), "{:?}", ids("Al Waleed"));
    }

    #[test]
    fn a_word_with_other_vowels_between_the_same_consonants_is_found() {
        // `ae` and `ai` are other keys (`e`, `ai`), a deletion and a letter apart.
        let entities = vec![organization(0, "Nakhail Trading"), organization(1, "Nakhal Trading")];
        let index = Index::build(entities);
        let query = crate::screen::normalize::tokens(&["nakhael".to_string()], false);
        let found: Vec<u32> = index
            .candidates(&query)
            .iter()
            .filter_map(|&form| index.forms.get(form as usize))
            .map(|form| form.entity)
            .collect();
        assert!(found.contains(&0), "{found:?}");
    }

    #[test]
    fn key_maps_and_groups_find_every_key_and_nothing_else() {
        let keys: Vec<String> = (0..1_000).map(|n| format!("key{n}")).collect();
        let map = KeyMap::from_pairs(keys.iter().cloned().zip(0..));
        for (value, key) in (0..).zip(&keys) {
            assert_eq!(map.get(key), Some(value), "{key}");
        }
        assert_eq!(map.get("key1000"), None);
        assert_eq!(map.get(""), None);
        assert_eq!(KeyMap::default().get("anything"), None);

        let groups = Groups::from_map(HashMap::from([
            ("kestrel".to_string(), vec![3, 5]),
            ("orlov".to_string(), vec![7]),
        ]));
        assert_eq!(groups.get("kestrel"), [3, 5]);
        assert_eq!(groups.get("orlov"), [7]);
        assert!(groups.get("tern").is_empty());
    }
}
