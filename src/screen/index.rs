//! The screening index: every spelling of every name of every entity,
//! tokenized once at start-up, with an inverted index from phonetic keys
//! (and their one-letter deletions, joined word pairs and consonant
//! skeletons) to spellings, so a query looks at a few candidates instead of
//! every name.

use std::collections::HashMap;

use super::normalize::Token;
use super::translit::{spellings, Spelling, Via};
use super::Entity;

/// How much a legal form or function word weighs relative to its rarity.
const WEAK_WEIGHT: f32 = 0.2;
/// Keys shorter than this are looked up exactly (a slip in a short word
/// makes another word).
const MIN_FUZZY_KEY: usize = 4;
/// How many spellings are fully scored per query spelling.
pub const CANDIDATES: usize = 48;

/// One spelling of one name of one entity.
#[derive(Debug)]
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
}

/// The inverted index.
#[derive(Debug, Default)]
pub struct Index {
    /// The entities, in load order.
    pub entities: Vec<Entity>,
    /// Every spelling of every name.
    pub forms: Vec<Form>,
    terms: HashMap<String, u32>,
    postings: Vec<Vec<u32>>,
    idf: Vec<f32>,
    deletions: HashMap<String, Vec<u32>>,
    skeletons: HashMap<String, Vec<u32>>,
    identifiers: HashMap<String, Vec<u32>>,
    unseen_weight: f32,
}

impl Index {
    /// Builds the index over `entities`.
    pub fn build(entities: Vec<Entity>) -> Index {
        let mut index = Index { entities, ..Index::default() };
        let mut forms = Vec::new();
        for (entity_index, entity) in index.entities.iter().enumerate() {
            for (name_index, name) in entity.names.iter().enumerate().take(usize::from(u16::MAX)) {
                for Spelling { via, tokens } in spellings(name) {
                    forms.push(Form {
                        entity: entity_index as u32,
                        name: name_index as u16,
                        via,
                        tokens,
                        weights: Vec::new(),
                    });
                }
            }
            for identifier in &entity.identifiers {
                index
                    .identifiers
                    .entry(identifier_key(&identifier.scheme, &identifier.value))
                    .or_default()
                    .push(entity_index as u32);
            }
        }
        for (form_index, form) in forms.iter().enumerate() {
            let mut keys: Vec<String> = form.tokens.iter().map(|t| t.key.clone()).collect();
            keys.extend(form.tokens.windows(2).filter_map(|pair| match pair {
                [a, b] if !a.weak && !b.weak => Some(joined_key(a, b)),
                _ => None,
            }));
            keys.sort();
            keys.dedup();
            for key in keys {
                let next = index.postings.len() as u32;
                let term = *index.terms.entry(key).or_insert(next);
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
        for (key, &term) in &index.terms {
            if key.len() >= MIN_FUZZY_KEY && key.is_ascii() {
                for deleted in deletions(key) {
                    index.deletions.entry(deleted).or_default().push(term);
                }
            }
            let skeleton = super::normalize::skeleton(key);
            if skeleton.len() >= 2 && key.is_ascii() {
                index.skeletons.entry(skeleton).or_default().push(term);
            }
        }
        for form in &mut forms {
            form.weights = form.tokens.iter().map(|token| index.weight(token)).collect();
        }
        index.forms = forms;
        index
    }

    /// How much a token weighs: the rarer its key, the more; legal forms and
    /// function words little.
    pub fn weight(&self, token: &Token) -> f32 {
        let rarity = self
            .terms
            .get(&token.key)
            .and_then(|term| self.idf.get(*term as usize))
            .copied()
            .unwrap_or(self.unseen_weight);
        if token.weak {
            rarity * WEAK_WEIGHT
        } else {
            rarity
        }
    }

    /// Entities carrying an identifier (`IMO`, `1234567`).
    pub fn by_identifier(&self, scheme: &str, value: &str) -> &[u32] {
        self.identifiers.get(&identifier_key(scheme, value)).map_or(&[], Vec::as_slice)
    }

    /// The spellings worth scoring against `tokens`: those sharing a key, a
    /// near key (one deletion apart), a joined pair or (for vowelless
    /// tokens) a consonant skeleton, ranked by the rarity of what they share.
    pub fn candidates(&self, tokens: &[Token]) -> Vec<u32> {
        let mut hits: Vec<u32> = Vec::new();
        for (position, token) in tokens.iter().enumerate() {
            if token.weak {
                continue; // legal forms and function words find everything
            }
            self.push_term(&token.key, &mut hits);
            if token.key.len() >= MIN_FUZZY_KEY && token.key.is_ascii() && !token.is_numeric() {
                if let Some(terms) = self.deletions.get(&token.key) {
                    hits.extend(terms);
                }
                for deleted in deletions(&token.key) {
                    self.push_term(&deleted, &mut hits);
                    if let Some(terms) = self.deletions.get(&deleted) {
                        hits.extend(terms);
                    }
                }
            }
            if token.vowelless {
                if let Some(terms) = self.skeletons.get(&token.skeleton) {
                    hits.extend(terms);
                }
            }
            if let Some(next) = tokens.get(position + 1) {
                self.push_term(&joined_key(token, next), &mut hits);
            }
        }
        hits.sort_unstable();
        hits.dedup();
        // Rarest shared terms first; very common ones only when nothing rarer matched.
        hits.sort_by(|a, b| self.idf_of(*b).total_cmp(&self.idf_of(*a)));
        let common = (self.forms.len() / 20).max(200);
        let mut scores: HashMap<u32, f32> = HashMap::new();
        for (rank, term) in hits.iter().enumerate() {
            let postings = self.postings.get(*term as usize).map_or(&[][..], Vec::as_slice);
            if postings.len() > common && rank > 0 && !scores.is_empty() {
                continue;
            }
            let idf = self.idf_of(*term);
            for form in postings {
                *scores.entry(*form).or_default() += idf;
            }
        }
        let mut ranked: Vec<(u32, f32)> = scores.into_iter().collect();
        ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        ranked.truncate(CANDIDATES);
        ranked.into_iter().map(|(form, _)| form).collect()
    }

    fn push_term(&self, key: &str, hits: &mut Vec<u32>) {
        if let Some(term) = self.terms.get(key) {
            hits.push(*term);
        }
    }

    fn idf_of(&self, term: u32) -> f32 {
        self.idf.get(term as usize).copied().unwrap_or(0.0)
    }
}

/// The key of two words written as one (`shang` + `hai` → key of `shanghai`).
fn joined_key(first: &Token, second: &Token) -> String {
    super::normalize::phonetic_key(&format!("{}{}", first.text, second.text))
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
