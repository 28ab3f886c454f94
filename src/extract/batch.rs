//! Designations announced only by their counts: "49项新的联合国指控– 21家航运
//! 公司,一名个人及27艘船只", "28 new designations: 12 entities, 16 vessels".

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
    /// The announced total, or the sum of `by_kind` when none is written.
    pub total: u32,
}

const NUMBER: &str = r"[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+|[一二两兩三四五六七八九十百]+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty";

/// The counts announced in `sentence`, if it breaks designations down by kind.
pub fn read(sentence: &str) -> Option<Counts> {
    static PARTS: OnceLock<Option<Regex>> = OnceLock::new();
    static TOTAL: OnceLock<Option<Regex>> = OnceLock::new();
    let parts = PARTS
        .get_or_init(|| {
            Regex::new(&format!(
                r"(?i)(?P<number>{NUMBER})\s*(?:个|個|家|名|艘|位|条|條|间|間)?\s*(?:new\s+|additional\s+|其他)?(?:[A-Za-z][A-Za-z-]*\s+){{0,2}}?\p{{Han}}{{0,4}}?(?P<noun>航运公司|航運公司|公司|实体|實體|机构|機構|企业|企業|银行|銀行|个人|個人|人士|官员|官員|成员|成員|议员|議員|人员|人員|寡头|寡頭|高官|船只|船隻|船舶|油轮|油輪|shipping companies|companies|entities|firms|individuals|persons|people|officials|members|leaders|operatives|oligarchs|businessmen|family members|visa restrictions|vessels|ships|tankers)"
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
    for captures in parts.captures_iter(sentence) {
        let (Some(number), Some(noun)) = (captures.name("number"), captures.name("noun")) else {
            continue;
        };
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
    Some(Counts { by_kind, total })
}

fn kind_of(noun: &str) -> EntityKind {
    let lower = noun.to_lowercase();
    if [
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
                counts.total,
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
        check("制裁了杜马的38名成员", Some((0, 38, 0, 38)));
        check(
            "对4国的15家实体和10名个人实施制裁，其中包括甲国4家企业和1名个人",
            Some((15, 10, 0, 25)),
        );
    }
}
