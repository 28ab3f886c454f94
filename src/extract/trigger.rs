//! Where a sentence states a designation, and which part of it names the
//! designated: "对X实施制裁", "将X增添至…名单", "制裁了X", "X被列入",
//! "OFAC designated X", "imposed sanctions on X", "X was designated".
//!
//! Sentences that only talk about sanctions ("解除制裁", "sanctions relief",
//! "Specially Designated Nationals") have no trigger.

use std::ops::Range;
use std::sync::OnceLock;

use regex::Regex;

/// A designation statement in a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Trigger {
    /// Byte range (within the sentence) of the words naming the designated.
    pub object: Range<usize>,
    /// Byte offset (within the sentence) of the designating verb.
    pub verb_at: usize,
}

/// Every designation statement in `sentence`, in text order.
pub fn find(sentence: &str) -> Vec<Trigger> {
    let mut triggers: Vec<Trigger> = Vec::new();
    for pattern in patterns() {
        for captures in pattern.captures_iter(sentence) {
            let (Some(object), Some(verb)) = (captures.name("obj"), captures.name("verb")) else {
                continue;
            };
            if is_list_name(sentence, verb.range()) {
                continue;
            }
            let object = cut_clause(sentence, object.range());
            let passive_agent = sentence.get(object.clone()).is_some_and(|text| {
                ["by ", "as ", "in ", "on "]
                    .iter()
                    .any(|word| text.to_lowercase().starts_with(word))
            });
            if object.is_empty() || passive_agent {
                continue;
            }
            let overlaps = triggers
                .iter()
                .any(|known| known.object.start < object.end && object.start < known.object.end);
            if !overlaps {
                triggers.push(Trigger { object, verb_at: verb.start() });
            }
        }
    }
    triggers.sort_by_key(|trigger| trigger.object.start);
    triggers
}

fn patterns() -> &'static [Regex] {
    static PATTERNS: OnceLock<Vec<Regex>> = OnceLock::new();
    PATTERNS.get_or_init(|| {
        [
            // 对X实施制裁 / 對X實施制裁 / 对X采取措施
            r"(?:对|對)(?P<obj>[^。；;]*?)(?P<verb>(?:实施|實施|施加|采取|採取|进行|進行|祭出|宣布)(?:了)?(?:新的|新一轮|新一輪|一系列|金融|经济|經濟|全面)?(?:制裁|措施|限制))",
            // 将X增添至…名单 / 把X列入实体清单
            r"(?:将|將|把)(?P<obj>[^。；;]*?)(?P<verb>(?:增添|添加|增列|列入|纳入|納入|加入|加进|加進|列为|列為|认定为|認定為|指定为|指定為)(?:至|到|进|進)?)[^。；;]*?(?:名单|名單|清单|清單|制裁|List)",
            // 制裁了X / 宣布制裁X / 指认X
            r"(?P<verb>(?:制裁了|宣布制裁|决定制裁|決定制裁|下令制裁|指认了|指認了|指认|指認|认定了|認定了|列名了|將以下|将以下))(?P<obj>[^。；;]*)",
            // 委员会一致通过了49项新的指控 / 新增了12个实体
            r"(?P<verb>(?:一致)?(?:通过|通過|批准|新增|增列)了?)(?P<obj>[^。；;0-9一二两兩三四五六七八九十]*(?:[0-9]+|[一二两兩三四五六七八九十百]+)\s*(?:项|項|个|個|名|家|条|條)[^。；;]*?(?:指控|指认|指認|认定|認定|指定|制裁)[^。；;]*)",
            // X被列入/遭制裁
            r"(?P<obj>[^。；;，,]*?)(?P<verb>(?:被|遭)(?:美国|美國|联合国|聯合國|财政部|財政部|国务院|國務院)?(?:列入|制裁|指认|指認|认定|認定|增列|纳入|納入))",
            // OFAC designated X / imposed sanctions on X / added X to the SDN List
            r"(?i)(?P<verb>\b(?:designat(?:ed|es|ing)|sanction(?:ed|ing)|impos(?:ed|es|ing)\s+(?:[a-z-]+\s+)*?(?:sanctions|measures|penalties|restrictions)\s+(?:on|against|upon)|approv(?:ed|es|ing)\s+the\s+(?:addition|listing|designation)\s+of|added|adding|identif(?:ied|ying)|listed|listing)\b)(?P<obj>[^;]*)",
            // X was designated / X were added to the list
            r"(?i)(?P<obj>[^;:]*?)\s+(?P<verb>(?:was|were|has been|have been|is being|are being)\s+(?:designated|sanctioned|added|listed))",
        ]
        .iter()
        .filter_map(|source| Regex::new(source).ok())
        .collect()
    })
}

/// "Specially Designated Nationals" names a list and "the designated
/// persons" refers to them: neither designates anybody.
fn is_list_name(sentence: &str, verb: Range<usize>) -> bool {
    let before = sentence.get(..verb.start).unwrap_or("");
    let after = sentence.get(verb.end..).unwrap_or("");
    let before = before.trim_end().to_lowercase();
    let adjective = ["specially", "the", "these", "those", "any", "all", "newly", "other", "such"]
        .iter()
        .any(|word| before == *word || before.ends_with(&format!(" {word}")));
    adjective || after.trim_start().to_lowercase().starts_with("nationals")
}

/// Cuts the object at the clause that gives reasons or legal basis
/// ("原因是", "pursuant to", "for their role", "to the SDN List").
fn cut_clause(sentence: &str, object: Range<usize>) -> Range<usize> {
    static CLAUSE: OnceLock<Option<Regex>> = OnceLock::new();
    let clause = CLAUSE.get_or_init(|| {
        Regex::new(r"(?i)[，,]\s*(?:原因是|原因|因为|因為|理由是|以|因其|由于|由於)|原因是|旨在|\s(?:pursuant to|under (?:the|E\.?O\.?|Executive|section|resolution|its|authorities)|for (?:its|their|his|her|having|being|the purpose|operating|acting|providing|supporting|engaging|involvement)|because|in connection with|as (?:part|a result)|to (?:the|its|their) (?:SDN|sanctions?|entity)\b|on (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|today|this week|which|who (?:is|are|was|were|has|have))\b|—|--").ok()
    });
    let Some(text) = sentence.get(object.clone()) else { return object.start..object.start };
    let end = clause
        .as_ref()
        .and_then(|clause| clause.find(text))
        .map_or(object.end, |found| object.start + found.start());
    let kept = text.get(..end - object.start).unwrap_or("");
    let start = object.start + (kept.len() - kept.trim_start().len());
    start..(object.start + kept.trim_end().len()).max(start)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(sentence: &str, expect: &[&str]) {
        let got: Vec<&str> =
            find(sentence).iter().map(|trigger| &sentence[trigger.object.clone()]).collect();
        assert_eq!(got, expect, "{sentence}");
    }

    #[test]
    fn chinese_triggers() {
        check(
            "我们对中华人民共和国的甲有限公司和乙贸易有限公司实施制裁,以及对俄罗斯的丙集团实施制裁,原因是它们转让技术。",
            &["中华人民共和国的甲有限公司和乙贸易有限公司", "俄罗斯的丙集团"],
        );
        check(
            "美国财政部正在将这七人和两个机构增添至特别指定国民和被禁人士名单中。",
            &["这七人和两个机构"],
        );
        check(
            "美国根据该法制裁了位于中国和俄罗斯的四个实体,原因是它们支持导弹计划。",
            &["位于中国和俄罗斯的四个实体"],
        );
        check("商务部把某某电子公司列入实体清单。", &["某某电子公司"]);
    }

    #[test]
    fn english_triggers() {
        check(
            "Today, OFAC designated Acme Trading Co., Ltd. and Beta Shipping LLC pursuant to E.O. 13382.",
            &["Acme Trading Co., Ltd. and Beta Shipping LLC"],
        );
        check(
            "The United States imposed sanctions on Gamma Group for supporting the program.",
            &["Gamma Group"],
        );
        check("Delta Bank was designated by the Treasury.", &["Delta Bank"]);
    }

    #[test]
    fn talk_about_sanctions_is_no_trigger() {
        check("朝鲜坚持认为，联合国安理会对朝鲜的五项制裁应该解除。", &[]);
        check("寻求放松一些制裁，以换取朝鲜冻结其核计划。", &[]);
        check("It appears on the Specially Designated Nationals list.", &[]);
    }
}
