//! The knowledge base of legal authorities (`data/authorities.json`, embedded
//! at build time): codes, names in English and Chinese, what the measures are,
//! how long they last, and the textual cues that mark a mention.
//!
//! **Invariant:** codes are unique and every cue compiles; both are checked by
//! a unit test, so [`Authorities::embedded`] cannot fail on shipped data.

use std::ops::Range;

use regex::Regex;
use serde::Deserialize;

/// One legal authority.
#[derive(Debug, Clone, Deserialize)]
pub struct Authority {
    /// Stable code, such as `INKSNA` or `UNSC-1718`.
    pub code: String,
    /// What sort of instrument it is (statute, list, executive_order, ...).
    pub kind: String,
    /// English name.
    pub name_en: String,
    /// Chinese name.
    pub name_zh: String,
    /// Common abbreviations.
    #[serde(default)]
    pub abbreviations: Vec<String>,
    /// Who issues designations under it.
    pub issuer: String,
    /// The measures it imposes, in English.
    #[serde(default)]
    pub measures: Option<String>,
    /// How many years measures last, where the law fixes it.
    #[serde(default)]
    pub duration_years: Option<u32>,
    /// The list or regime it feeds, for orders and resolutions.
    #[serde(default)]
    pub parent: Option<String>,
    /// Lower ranks win when one sentence cites several authorities.
    pub rank: u32,
    /// Case-insensitive regular expressions marking a mention.
    #[serde(default)]
    cues: Vec<String>,
}

/// A mention of an authority in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// Index of the authority in [`Authorities::all`].
    pub authority: usize,
    /// Byte range of the mention.
    pub range: Range<usize>,
}

/// The loaded knowledge base with its cues compiled.
#[derive(Debug)]
pub struct Authorities {
    authorities: Vec<Authority>,
    cue_patterns: Vec<Regex>,
}

/// Why the knowledge base could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The JSON is malformed.
    #[error("authorities knowledge base is not valid JSON")]
    Json(#[from] serde_json::Error),
    /// A cue is not a valid regular expression.
    #[error("authority {code}: cue {cue:?} does not compile")]
    Cue {
        /// The authority's code.
        code: String,
        /// The cue.
        cue: String,
        /// Why it does not compile.
        #[source]
        source: regex::Error,
    },
    /// Two authorities share a code.
    #[error("authority code {0} appears twice")]
    DuplicateCode(String),
}

#[derive(Deserialize)]
struct KnowledgeBase {
    authorities: Vec<Authority>,
}

const EMBEDDED: &str = include_str!("../data/authorities.json");

impl Authorities {
    /// The knowledge base shipped in `data/authorities.json`.
    pub fn embedded() -> &'static Authorities {
        static LOADED: std::sync::OnceLock<Authorities> = std::sync::OnceLock::new();
        // The shipped file is checked by the unit test `embedded_knowledge_base_loads`;
        // an empty base is the safe fallback should it ever be broken.
        LOADED.get_or_init(|| {
            Authorities::from_json(EMBEDDED)
                .unwrap_or(Authorities { authorities: Vec::new(), cue_patterns: Vec::new() })
        })
    }

    /// Parses and compiles a knowledge base in the `authorities.json` format.
    pub fn from_json(json: &str) -> Result<Authorities, Error> {
        let base: KnowledgeBase = serde_json::from_str(json)?;
        let mut cue_patterns = Vec::with_capacity(base.authorities.len());
        let mut seen = std::collections::HashSet::new();
        for authority in &base.authorities {
            if !seen.insert(authority.code.clone()) {
                return Err(Error::DuplicateCode(authority.code.clone()));
            }
            let alternation =
                authority.cues.iter().map(|cue| format!("(?:{cue})")).collect::<Vec<_>>().join("|");
            let pattern = Regex::new(&format!("(?i){alternation}")).map_err(|source| {
                Error::Cue { code: authority.code.clone(), cue: alternation.clone(), source }
            })?;
            cue_patterns.push(pattern);
        }
        Ok(Authorities { authorities: base.authorities, cue_patterns })
    }

    /// Every authority, in knowledge-base order.
    pub fn all(&self) -> &[Authority] {
        &self.authorities
    }

    /// The authority with this code (case-insensitive).
    pub fn get(&self, code: &str) -> Option<&Authority> {
        self.authorities.iter().find(|authority| authority.code.eq_ignore_ascii_case(code))
    }

    /// Every mention of every authority in `text`, in text order.
    pub fn mentions(&self, text: &str) -> Vec<Mention> {
        let mut mentions: Vec<Mention> = self
            .cue_patterns
            .iter()
            .enumerate()
            .flat_map(|(authority, pattern)| {
                pattern
                    .find_iter(text)
                    .map(move |found| Mention { authority, range: found.range() })
            })
            .collect();
        mentions.sort_by_key(|mention| (mention.range.start, mention.authority));
        mentions
    }
}

/// Every executive order `text` cites, as codes (`E.O. 13224`,
/// `Executive Order (E.O.) 14024`, `第13382号行政令` → `EO-13224`, ...),
/// whether or not the knowledge base describes it, in text order.
pub fn executive_orders(text: &str) -> Vec<String> {
    static ORDER: std::sync::OnceLock<Option<Regex>> = std::sync::OnceLock::new();
    let Some(pattern) = ORDER
        .get_or_init(|| {
            Regex::new(r"(?:E\.\s?O\.?|\bEO|Executive Order)[\s().EO]{0,10}(1[0-9]{4})\b|第?(1[0-9]{4})[号號](?:行政令|行政命令)").ok()
        })
        .as_ref()
    else {
        return Vec::new();
    };
    let mut codes: Vec<String> = Vec::new();
    for captures in pattern.captures_iter(text) {
        let Some(number) = captures.get(1).or_else(|| captures.get(2)) else { continue };
        let code = format!("EO-{}", number.as_str());
        if !codes.contains(&code) {
            codes.push(code);
        }
    }
    codes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn executive_orders_by_number() {
        assert_eq!(
            executive_orders(
                "pursuant to Executive Order (E.O.) 14024, as amended by E.O. 13757, and EO 13224"
            ),
            ["EO-14024", "EO-13757", "EO-13224"]
        );
        assert_eq!(executive_orders("根据第13382号行政令"), ["EO-13382"]);
        assert!(executive_orders("section 1(a)(i) of the order").is_empty());
    }

    fn check(text: &str, expect: &[&str]) {
        let authorities = Authorities::embedded();
        let mut codes: Vec<&str> = authorities
            .mentions(text)
            .iter()
            .map(|mention| authorities.all()[mention.authority].code.as_str())
            .collect();
        codes.dedup();
        assert_eq!(codes, expect, "{text}");
    }

    #[test]
    fn embedded_knowledge_base_loads() {
        let loaded = Authorities::from_json(EMBEDDED).unwrap();
        for code in ["INKSNA", "UNSC-1718", "UNSCR-2371", "UNSCR-2375", "UNSCR-2397", "NKSPEA"] {
            assert!(loaded.get(code).is_some(), "{code}");
        }
        for code in ["OFAC-SDN", "EO-13382", "EO-13687", "EO-13722", "EO-13810", "IEEPA", "CAATSA"]
        {
            assert!(loaded.get(code).is_some(), "{code}");
        }
        assert_eq!(loaded.get("inksna").unwrap().duration_years, Some(2));
    }

    #[test]
    fn cues_in_both_scripts() {
        check("根据《伊朗、朝鲜和叙利亚不扩散法》(INKSNA)制裁了", &["INKSNA"]);
        check("联合国安理会的1718北朝鲜制裁委员会一致通过了", &["UNSC-1718"]);
        check("增添至特别指定国民和被禁人士名单中", &["OFAC-SDN"]);
        check("OFAC designated the company pursuant to E.O. 13382", &["OFAC-SDN", "EO-13382"]);
        check("the 1718 Committee added", &["UNSC-1718"]);
        check("与2016年加强制裁北朝鲜及政策法案相符", &["NKSPEA"]);
        check("under Executive Order 13810 and CAATSA", &["EO-13810", "CAATSA"]);
        check("a press conference on Tuesday", &[]);
        // Regimes named by the Security Council and the country they cover.
        check("聯合國安理會對朝鮮的制裁決議", &["UNSC-1718"]);
        check("The Security Council imposed sanctions on six leaders in Libya.", &["UNSC-1970"]);
        check("the 2140 Sanctions Committee", &["UNSC-2140"]);
        // Visa statutes and proclamations.
        check("under Section 7031(c) of the Act", &["7031(c)"]);
        check(
            "visa restrictions under Presidential Proclamation 9931",
            &["VISA-RESTRICTION", "PP-9931"],
        );
    }
}
