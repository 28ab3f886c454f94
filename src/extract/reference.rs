//! Stage 3 for Latin script: which entity each mention stands for. A full
//! name opens an entity; a later short form ("Novastream" for "Novastream
//! Limited (Novastream)"), alias, surname or given name ("Shoigu", "Irina")
//! resolves to the entity that introduced it, the most recent one first.
//! Pronouns ("He was designated") are resolved by the relation stage with
//! [`Table::last_of_kind`].

use crate::extract::mention::Mention;
use crate::model::{EntityKind, Identifier};

/// One entity of a section: the mention that introduced it and the words
/// later mentions may use for it.
#[derive(Debug, Clone)]
pub struct Entity {
    /// The first full mention.
    pub mention: Mention,
    /// Index of the sentence holding that mention.
    pub sentence: usize,
    /// The kind, from the mention or from the words that refer to it.
    pub kind: Option<EntityKind>,
    /// Short form, aliases and name (normalized): strong references.
    strong_keys: Vec<String>,
    /// Surname and given name of a person (normalized): weak references.
    weak_keys: Vec<String>,
}

/// What a field of a record says about its entity ("VESSEL FLAG: Togo").
#[derive(Debug, Clone)]
pub enum Amendment {
    /// The record's kind.
    Kind(EntityKind),
    /// An identifier such as an IMO number.
    Identifier(Identifier),
    /// Another name (FKA, AKA fields).
    Alias(String),
    /// The country (a vessel's flag).
    Country(&'static str),
}

/// The entities of a section, in order of introduction.
#[derive(Debug, Default)]
pub struct Table {
    entities: Vec<Entity>,
}

impl Table {
    /// The entity `mention` (in sentence `sentence`) stands for, opening a
    /// new one when it refers to none seen before.
    pub fn resolve_or_add(&mut self, mention: &Mention, sentence: usize) -> usize {
        let key = normalize(&mention.name);
        let single_word = mention.name.split_whitespace().count() == 1;
        let strong = self.entities.iter().rposition(|entity| entity.strong_keys.contains(&key));
        let weak = || {
            if single_word || mention.kind.is_none() {
                self.entities.iter().rposition(|entity| entity.weak_keys.contains(&key))
            } else {
                None
            }
        };
        if let Some(found) = strong.or_else(weak) {
            if let Some(entity) = self.entities.get_mut(found) {
                // A later full mention can add what the first one lacked.
                for alias in &mention.aliases {
                    if !entity.mention.aliases.contains(alias) {
                        entity.mention.aliases.push(alias.clone());
                        entity.strong_keys.push(normalize(alias));
                    }
                }
                if entity.mention.identifiers.is_empty() {
                    entity.mention.identifiers = mention.identifiers.clone();
                }
                if entity.kind.is_none() {
                    entity.kind = mention.kind;
                }
            }
            return found;
        }
        let mut strong_keys = vec![key];
        strong_keys.extend(mention.short.iter().map(|short| normalize(short)));
        strong_keys.extend(mention.aliases.iter().map(|alias| normalize(alias)));
        let mut weak_keys = Vec::new();
        if mention.kind == Some(EntityKind::Person) {
            let words: Vec<&str> = mention.name.split_whitespace().collect();
            weak_keys.extend(words.last().map(|word| normalize(word)));
            weak_keys.extend(words.first().map(|word| normalize(word)));
        }
        self.entities.push(Entity {
            mention: mention.clone(),
            sentence,
            kind: mention.kind,
            strong_keys,
            weak_keys,
        });
        self.entities.len() - 1
    }

    /// Corrects what a record's fields say about the entity at `index`: its
    /// kind, an identifier, an alias, its country.
    pub fn amend(&mut self, index: usize, amendment: Amendment) {
        let Some(entity) = self.entities.get_mut(index) else { return };
        match amendment {
            Amendment::Kind(kind) => entity.kind = Some(kind),
            Amendment::Identifier(identifier) => {
                if !entity.mention.identifiers.contains(&identifier) {
                    entity.mention.identifiers.push(identifier);
                }
            }
            Amendment::Alias(alias) => {
                if alias != entity.mention.name && !entity.mention.aliases.contains(&alias) {
                    entity.strong_keys.push(normalize(&alias));
                    entity.mention.aliases.push(alias);
                }
            }
            Amendment::Country(code) => entity.mention.country = Some(code),
        }
    }

    /// The entity at `index`.
    pub fn get(&self, index: usize) -> Option<&Entity> {
        self.entities.get(index)
    }

    /// The most recent entity of `kind` introduced before sentence `before`
    /// or in it: what "he", "she" or "the company" stands for.
    pub fn last_of_kind(&self, kind: EntityKind, before: usize) -> Option<usize> {
        self.entities
            .iter()
            .rposition(|entity| entity.sentence <= before && entity.kind == Some(kind))
    }
}

/// Letters and digits only, lowercased: how references are compared.
pub fn normalize(name: &str) -> String {
    use unicode_normalization::char::is_combining_mark;
    use unicode_normalization::UnicodeNormalization;
    // "Muñoz" and "Munoz" are one reference.
    name.nfd()
        .filter(|c| c.is_alphanumeric() && !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::mention;

    /// Resolves every mention of `sentences` and gives, per mention, the
    /// name of the entity it stands for.
    fn check(sentences: &[&str], expect: &[&str]) {
        let mut table = Table::default();
        let mut got = Vec::new();
        for (index, sentence) in sentences.iter().enumerate() {
            for found in mention::find(sentence) {
                let entity = table.resolve_or_add(&found, index);
                got.push(table.get(entity).map(|e| e.mention.name.clone()).unwrap_or_default());
            }
        }
        assert_eq!(got, expect);
    }

    #[test]
    fn short_forms_and_surnames_resolve() {
        check(
            &[
                "Novastar Limited (Novastar) is a firm.",
                "Pavel Ivanovich Orlov (Orlov) and his wife, Irina Petrovna Orlova (Irina), own it.",
                "Novastar, Orlov and Irina were designated.",
            ],
            &[
                "Novastar Limited",
                "Pavel Ivanovich Orlov",
                "Irina Petrovna Orlova",
                "Novastar Limited",
                "Pavel Ivanovich Orlov",
                "Irina Petrovna Orlova",
            ],
        );
    }

    #[test]
    fn last_of_kind_finds_the_antecedent() {
        let mut table = Table::default();
        for found in mention::find("Pavel Ivanovich Orlov runs Kestrel Trading LLC.") {
            table.resolve_or_add(&found, 0);
        }
        let person = table.last_of_kind(EntityKind::Person, 1).and_then(|i| table.get(i));
        assert_eq!(person.map(|e| e.mention.name.as_str()), Some("Pavel Ivanovich Orlov"));
        let org = table.last_of_kind(EntityKind::Organization, 1).and_then(|i| table.get(i));
        assert_eq!(org.map(|e| e.mention.name.as_str()), Some("Kestrel Trading LLC"));
    }
}
