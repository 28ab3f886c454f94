//! Designations announced only by their counts: "49项新的联合国指控– 21家航运
//! 公司,一名个人及27艘船只", "28 new designations: 12 entities, 16 vessels",
//! or without a number: "多家融资管道", "several officials", "family members
//! of the mayor".

use std::collections::BTreeMap;
use std::sync::OnceLock;

use regex::Regex;

use crate::extract::entity::parse_number;
use crate::model::EntityKind;

/// The counts a sentence announces.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Counts {
    /// How many of each kind.
    pub by_kind: BTreeMap<EntityKind, u32>,
    /// The announced total, or the sum of `by_kind` when none is written;
    /// `None` when the text gives no number.
    pub total: Option<u32>,
}

impl Counts {
    /// Designations announced without a number or a breakdown.
    pub fn unnumbered() -> Counts {
        Counts { by_kind: BTreeMap::new(), total: None }
    }

    /// `number` designations of one kind.
    pub fn of_kind(kind: EntityKind, number: u32) -> Counts {
        Counts { by_kind: BTreeMap::from([(kind, number)]), total: Some(number) }
    }

    /// What is left of these counts once `named` of each kind are named
    /// ("11 people", one of them named, leaves 10); `None` when nothing is
    /// left or the counts have no number. Named kinds the counts do not
    /// break down come off the part of the total left unbroken.
    pub fn remainder(&self, named: &BTreeMap<EntityKind, u32>) -> Option<Counts> {
        let total = self.total?;
        let named_of = |kind: &EntityKind| named.get(kind).copied().unwrap_or(0);
        let by_kind: BTreeMap<EntityKind, u32> = self
            .by_kind
            .iter()
            .map(|(kind, count)| (*kind, count.saturating_sub(named_of(kind))))
            .filter(|(_, left)| *left > 0)
            .collect();
        let unbroken = total.saturating_sub(self.by_kind.values().sum());
        let named_elsewhere: u32 = named
            .iter()
            .filter(|(kind, _)| !self.by_kind.contains_key(kind))
            .map(|(_, count)| count)
            .sum();
        let left = by_kind.values().sum::<u32>() + unbroken.saturating_sub(named_elsewhere);
        (left > 0).then_some(Counts { by_kind, total: Some(left) })
    }
}

const NUMBER: &str = r"[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+|[一二两兩三四五六七八九十百]+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty";

/// The counts announced in `sentence`, if it breaks designations down by kind.
pub fn read(sentence: &str) -> Option<Counts> {
    static PARTS: OnceLock<Option<Regex>> = OnceLock::new();
    static TOTAL: OnceLock<Option<Regex>> = OnceLock::new();
    let parts = PARTS
        .get_or_init(|| {
            Regex::new(&format!(
                r"(?i)(?P<number>{NUMBER})\s*(?:个|個|家|名|艘|位|条|條|间|間)?\s*(?:new\s+|additional\s+|其他)?(?:[A-Za-z][A-Za-z-]*\s+){{0,2}}?\p{{Han}}{{0,6}}?(?P<noun>航运公司|航運公司|公司|实体|實體|机构|機構|企业|企業|银行|銀行|个人|個人|人士|官员|官員|成员|成員|议员|議員|人员|人員|寡头|寡頭|高官|科学家|科學家|船只|船隻|船舶|油轮|油輪|人|shipping companies|companies|entities|firms|individuals|persons|people|officials|members|leaders|operatives|oligarchs|businessmen|family members|visa restrictions|vessels|ships|tankers)"
            ))
            .ok()
        })
        .as_ref()?;
    // "15家实体和10名个人，其中包括中国4家企业": counts after 其中 or
    // "including" are a part of those before, not more.
    let sentence = ["其中", "including", "among them", "among whom"]
        .iter()
        .filter_map(|cue| sentence.find(cue))
        .filter(|&at| at > 0)
        .min()
        .and_then(|at| sentence.get(..at))
        .unwrap_or(sentence);
    let mut by_kind = BTreeMap::new();
    let mut from = 0;
    while let Some(captures) = parts.captures_at(sentence, from) {
        let (Some(number), Some(noun)) = (captures.name("number"), captures.name("noun")) else {
            break;
        };
        // A cited number ("E.O. 14024 two entities") is read past, not
        // counted: the count may follow it.
        if cites_number(sentence.get(..number.start()).unwrap_or("")) {
            from = number.end();
            continue;
        }
        from = noun.end();
        let Some(number) = parse_number(&number.as_str().replace(',', "")) else { continue };
        *by_kind.entry(kind_of(noun.as_str())).or_insert(0) += number;
    }
    if by_kind.is_empty() {
        return None;
    }
    let sum: u32 = by_kind.values().sum();
    let total = TOTAL
        .get_or_init(|| {
            Regex::new(&format!(
                r"(?i)(?P<number>{NUMBER})\s*(?:项|項|个|個|条|條)?\s*(?:新的?|new\s+|additional\s+)?(?:联合国|聯合國|UN\s+)?(?:指控|指认|指認|认定|認定|制裁|designations|listings|entries|sanctions designations)"
            ))
            .ok()
        })
        .as_ref()
        .and_then(|total| total.captures(sentence))
        .and_then(|captures| parse_number(captures.name("number")?.as_str()))
        .filter(|total| *total >= sum)
        .unwrap_or(sum);
    Some(Counts { by_kind, total: Some(total) })
}

/// The counts of each clause of a sentence where several actors each
/// designate, the last clause's noun lent to a bare number before it
/// ("the United Kingdom designated 15 and Australia designated three
/// members": 15 members, 3 members).
pub fn read_clauses(clauses: &[&str]) -> Vec<Option<Counts>> {
    static BARE: OnceLock<Option<Regex>> = OnceLock::new();
    let bare = BARE.get_or_init(|| {
        Regex::new(&format!(r"(?i)(?-u:\b)(?P<number>{NUMBER})\s*(?:,|and|$)")).ok()
    });
    let read_each: Vec<Option<Counts>> = clauses.iter().map(|clause| read(clause)).collect();
    let lent = read_each.iter().rev().flatten().next().cloned();
    clauses
        .iter()
        .zip(read_each)
        .map(|(clause, counts)| {
            counts.or_else(|| {
                let lent = lent.as_ref()?;
                let (kind, _) = lent.by_kind.iter().next()?;
                let number = bare.as_ref()?.captures(clause.trim_end())?.name("number")?;
                let number = parse_number(&number.as_str().replace(',', ""))?;
                Some(Counts::of_kind(*kind, number))
            })
        })
        .collect()
}

/// Designations a sentence announces with a vague quantity instead of a
/// number ("多家设于甲国的融资管道", "几名官员", "数十人", "several
/// officials", "dozens of companies"): counts without a number.
pub fn read_vague(sentence: &str) -> Option<Counts> {
    static VAGUE: OnceLock<Option<Regex>> = OnceLock::new();
    let vague = VAGUE
        .get_or_init(|| {
            Regex::new(r"(?i)(?:多家|多个|多個|多名|几名|幾名|几家|幾家|数家|數家|数名|數名|数十|數十|若干|一些)\p{Han}{0,14}?(?:公司|实体|實體|机构|機構|企业|企業|银行|銀行|管道|个人|個人|人士|官员|官員|成员|成員|人员|人員|船只|船隻|人)|(?-u:\b)(?:several|dozens\s+of|multiple|numerous)\s+(?:[A-Za-z-]+\s+){0,2}?(?:individuals|persons|entities|companies|firms|officials|vessels)(?-u:\b)")
                .ok()
        })
        .as_ref()?;
    vague.is_match(sentence).then(Counts::unnumbered)
}

/// Designations the object of a designating verb describes by a plural
/// noun, without a number ("imposing sanctions on family members of the
/// mayor", "targeting entities and individuals involved in ..."): counts
/// without a number. The noun is in the verb phrase `verb` or among the
/// first words of `object` after it, not after a demonstrative ("these
/// individuals" points back at names).
pub fn read_plural_object(verb: &str, object: &str) -> Option<Counts> {
    static PLURAL: OnceLock<Option<Regex>> = OnceLock::new();
    let plural = PLURAL
        .get_or_init(|| {
            Regex::new(r"(?i)^\s*(?:(?P<before>\S+)\s+){0,3}?(?:individuals|persons|entities|companies|firms|family\s+members|officials|vessels)(?-u:\b)")
                .ok()
        })
        .as_ref()?;
    if says_kind(verb) {
        return Some(Counts::unnumbered());
    }
    let captures = plural.captures(object)?;
    let before = captures.name("before").map_or("", |word| word.as_str()).to_lowercase();
    let points_back = ["these", "those", "such", "the", "its", "their"].contains(&before.as_str());
    (!points_back).then(Counts::unnumbered)
}

/// Whether `text` holds a plural noun of the designated.
fn says_kind(text: &str) -> bool {
    static WORDS: OnceLock<Option<Regex>> = OnceLock::new();
    WORDS
        .get_or_init(|| {
            Regex::new(r"(?i)(?-u:\b)(?:individuals|persons|entities|companies|firms|officials|members|vessels)(?-u:\b)").ok()
        })
        .as_ref()
        .is_some_and(|words| words.is_match(text))
}

/// Family members a designation names by their relation alone, ending an
/// entry ("his spouse, A; his daughter, B; and his minor child."): one
/// person each, a plural without a number ("and their minor children")
/// counted as none known.
pub fn read_unnamed_family(sentence: &str) -> Option<Counts> {
    static FAMILY: OnceLock<Option<Regex>> = OnceLock::new();
    let family = FAMILY
        .get_or_init(|| {
            Regex::new(&format!(r"(?i)(?-u:\b)(?:his|her|their)\s+(?:(?P<number>{NUMBER})\s+)?(?:minor\s+|adult\s+)?(?P<relation>child|children|sons?|daughters?|wife|husband|spouse)\s*(?:[.;]|$)"))
                .ok()
        })
        .as_ref()?;
    let captures = family.captures(sentence.trim_end())?;
    let relation = captures.name("relation")?.as_str().to_lowercase();
    let plural = ["children", "sons", "daughters"].contains(&relation.as_str());
    let number = match captures.name("number") {
        Some(number) => parse_number(number.as_str())?,
        None if plural => return Some(Counts::unnumbered()),
        None => 1,
    };
    Some(Counts::of_kind(EntityKind::Person, number))
}

/// Designees a Security Council text leaves to the annex of the resolution
/// it reports ("the individual listed in the annex to today's resolution",
/// "the three entities named in the annex to this resolution").
pub fn read_annex(sentence: &str) -> Option<Counts> {
    static ANNEX: OnceLock<Option<Regex>> = OnceLock::new();
    let annex = ANNEX
        .get_or_init(|| {
            Regex::new(&format!(r"(?i)(?-u:\b)(?:the\s+)?(?:(?P<number>{NUMBER})\s+)?(?P<noun>individuals?|persons?|entit(?:y|ies))\s+(?:listed|named|designated)\s+in\s+(?:the\s+)?annex(?:es)?\s+(?:[IVX]+\s+)?(?:to|of)\s+(?:today.s|this|the\s+present)\s+resolution"))
                .ok()
        })
        .as_ref()?;
    let captures = annex.captures(sentence)?;
    let noun = captures.name("noun")?.as_str().to_lowercase();
    let kind =
        if noun.starts_with("entit") { EntityKind::Organization } else { EntityKind::Person };
    let number = match captures.name("number") {
        Some(number) => parse_number(number.as_str())?,
        None if !noun.ends_with('s') => 1,
        None => return Some(Counts::unnumbered()),
    };
    Some(Counts::of_kind(kind, number))
}

/// The code of the resolution a text reports adopted ("Adopting
/// resolution 2564 (2021)", "unanimously adopted resolution 2397"):
/// `UNSCR-2564`.
pub fn adopted_resolution(text: &str) -> Option<String> {
    static ADOPTED: OnceLock<Option<Regex>> = OnceLock::new();
    let adopted = ADOPTED
        .get_or_init(|| {
            Regex::new(
                r"(?i)adopt(?:ing|ed|s)?\s+(?:unanimously\s+)?resolution\s+([0-9]{4})(?-u:\b)",
            )
            .ok()
        })
        .as_ref()?;
    Some(format!("UNSCR-{}", adopted.captures(text)?.get(1)?.as_str()))
}

/// Whether the words before a number make it part of a citation
/// ("Proclamation 9931", "E.O. 14024", "resolution 2397", "第13382号"), not
/// a count.
fn cites_number(before: &str) -> bool {
    static CITATION: OnceLock<Option<Regex>> = OnceLock::new();
    CITATION
        .get_or_init(|| {
            Regex::new(
                r"(?i)(?:proclamation|order|e\.o\.|(?-u:\b)eo|resolution|section|no\.|第)\s*$",
            )
            .ok()
        })
        .as_ref()
        .is_some_and(|citation| citation.is_match(before))
}

fn kind_of(noun: &str) -> EntityKind {
    let lower = noun.to_lowercase();
    if [
        "人",
        "个人",
        "個人",
        "人士",
        "官员",
        "官員",
        "成员",
        "成員",
        "议员",
        "議員",
        "人员",
        "人員",
        "寡头",
        "寡頭",
        "高官",
        "科学家",
        "科學家",
        "individuals",
        "persons",
        "people",
        "officials",
        "members",
        "leaders",
        "operatives",
        "oligarchs",
        "businessmen",
        "family members",
        "visa restrictions",
    ]
    .contains(&lower.as_str())
    {
        EntityKind::Person
    } else if ["船只", "船隻", "船舶", "油轮", "油輪", "vessels", "ships", "tankers"]
        .contains(&lower.as_str())
    {
        EntityKind::Vessel
    } else {
        EntityKind::Organization
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(sentence: &str, expect: Option<(u32, u32, u32, u32)>) {
        let got = read(sentence).map(|counts| {
            let of = |kind| counts.by_kind.get(&kind).copied().unwrap_or(0);
            (
                of(EntityKind::Organization),
                of(EntityKind::Person),
                of(EntityKind::Vessel),
                counts.total.unwrap_or(0),
            )
        });
        assert_eq!(got, expect, "{sentence}");
    }

    #[test]
    fn counts_by_kind() {
        check(
            "委员会一致通过了49项新的联合国指控– 21家航运公司,一名个人及27艘船只 – 旨在打击",
            Some((21, 1, 27, 49)),
        );
        check(
            "The Committee approved 28 new designations: 12 entities and 16 vessels.",
            Some((12, 0, 16, 28)),
        );
        check("制裁了位于中国和俄罗斯的四个实体", Some((4, 0, 0, 4)));
        check("会谈持续了八个小时", None);
        check("新增3家北方實體", Some((3, 0, 0, 3)));
        check("将五名甲国科学家列入实体名单", Some((0, 5, 0, 5)));
        check("制裁了杜马的38名成员", Some((0, 38, 0, 38)));
        check(
            "对4国的15家实体和10名个人实施制裁，其中包括甲国4家企业和1名个人",
            Some((15, 10, 0, 25)),
        );
    }

    fn counts(by_kind: &[(EntityKind, u32)], total: u32) -> Counts {
        Counts { by_kind: by_kind.iter().copied().collect(), total: Some(total) }
    }

    #[test]
    fn remainder_of_what_is_named() {
        let people = counts(&[(EntityKind::Person, 11)], 11);
        let one_named = BTreeMap::from([(EntityKind::Person, 1)]);
        assert_eq!(people.remainder(&one_named), Some(counts(&[(EntityKind::Person, 10)], 10)));
        let all_named = BTreeMap::from([(EntityKind::Person, 11)]);
        assert_eq!(people.remainder(&all_named), None);
        // Named organizations leave a count of people as it is.
        let orgs_named = BTreeMap::from([(EntityKind::Organization, 3)]);
        assert_eq!(people.remainder(&orgs_named), Some(people.clone()));
        // A total beyond its breakdown loses what is named of other kinds.
        let partly = counts(&[(EntityKind::Person, 2)], 8);
        assert_eq!(partly.remainder(&orgs_named), Some(counts(&[(EntityKind::Person, 2)], 5)));
        let unnumbered = Counts { by_kind: BTreeMap::new(), total: None };
        assert_eq!(unnumbered.remainder(&one_named), None);
    }

    #[test]
    fn citations_are_not_counts() {
        check("visa restrictions under Presidential Proclamation 9931 on officials", None);
        check("designated pursuant to E.O. 14024 two entities", Some((2, 0, 0, 2)));
        check("美国11日对9个国家的20人实施制裁", Some((0, 20, 0, 20)));
    }

    #[test]
    fn vague_quantities() {
        assert!(read_vague("美国同日宣布制裁多家设于甲国和乙国的融资管道").is_some());
        assert!(read_vague("几名据称与该组织有关联的人也被列入了制裁名单").is_some());
        assert!(read_vague("OFAC designated several officials of the ministry").is_some());
        assert!(read_vague("对甲公司实施制裁").is_none());
        assert!(read_vague("OFAC designated the ministry").is_none());
    }

    #[test]
    fn plural_objects() {
        let found = |verb, object| read_plural_object(verb, object).is_some();
        assert!(found("imposing sanctions on", " family members of the mayor"));
        assert!(found("is targeting entities", " involved in the trade"));
        assert!(found("impose visa restrictions on", " Maduro-aligned individuals who"));
        assert!(!found("designated", " these individuals for their role"));
        assert!(!found("designating", " one company that works with state-owned entities"));
    }

    #[test]
    fn clauses_lend_their_noun() {
        let read = read_clauses(&[
            "United Kingdom designated 15 and ",
            "Australia designated three members.",
        ]);
        let totals: Vec<Option<u32>> =
            read.iter().map(|counts| counts.as_ref().and_then(|c| c.total)).collect();
        assert_eq!(totals, [Some(15), Some(3)]);
        assert_eq!(
            read[0].as_ref().map(|counts| counts.by_kind.clone()),
            Some(BTreeMap::from([(EntityKind::Person, 15)]))
        );
    }

    #[test]
    fn family_named_by_relation() {
        let read = |sentence| read_unnamed_family(sentence).and_then(|counts| counts.total);
        assert_eq!(
            read("his spouse, Ana Lemus; his daughter, Rosa Lemus; and his minor child."),
            Some(1)
        );
        assert_eq!(read("and their two adult children."), Some(2));
        assert!(read_unnamed_family("and their minor children.").is_some_and(|c| c.total.is_none()));
        // A relation followed by its name is named.
        assert_eq!(read_unnamed_family("his daughter, Rosa Lemus, an official."), None);
    }

    #[test]
    fn annex_of_the_resolution() {
        let total = |sentence| read_annex(sentence).and_then(|counts| counts.total);
        assert_eq!(total("Deciding that the individual listed in the annex to today's resolution will be subject"), Some(1));
        assert_eq!(total("the three entities named in the annex to this resolution"), Some(3));
        assert_eq!(
            read_annex("the individuals listed in the annex to resolution 2140 (2014)"),
            None
        );
        assert_eq!(
            adopted_resolution("Adopting resolution 2564 (2021) under Chapter VII").as_deref(),
            Some("UNSCR-2564")
        );
        assert_eq!(adopted_resolution("recalling resolution 2140"), None);
    }
}
