//! Where a sentence states a designation, and which part of it names the
//! designated: "对X实施制裁", "将X增添至…名单", "制裁了X", "X被列入",
//! "OFAC designated X", "imposed sanctions on X", "X was designated".
//!
//! Sentences that only talk about sanctions ("解除制裁", "sanctions relief",
//! "Specially Designated Nationals") have no trigger.

use std::ops::Range;
use std::sync::OnceLock;

use regex::Regex;

use crate::extract::entity::is_han;

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
            let mut object = cut_clause(sentence, object.range());
            if sentence.chars().any(is_han) {
                let Some(kept) = han_statement(sentence, object.clone(), verb.range()) else {
                    continue;
                };
                // "…，也被列入": the subject was named before the comma;
                // "将X指认为…": what follows 为 says what, not whom.
                let kept_text = sentence.get(kept.clone()).unwrap_or("").trim();
                let names_what = ["指认", "指認"].contains(&verb.as_str())
                    && kept_text.starts_with(['为', '為']);
                if HAN_OBJECT_ENDS.contains(&kept_text) || names_what {
                    continue;
                }
                object = kept;
            }
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
            // 对X实施制裁 / 對X實施制裁 / 对X采取措施 / 对X实施相应反制
            r"(?:对|對)(?P<obj>[^。；;]*?)(?P<verb>(?:实施|實施|施加|采取|採取|进行|進行|祭出|宣布|宣佈)(?:了)?(?:新的|新一轮|新一輪|一系列|金融|经济|經濟|全面|相应|相應|对等|對等|以下|如下)?(?:制裁|製裁|措施|限制|反制|反製|资产冻结|資產凍結))",
            // 将X增添至…名单 / 把X列入实体清单
            r"(?:将|將|把)(?P<obj>[^。；;]*?)(?P<verb>(?:增添|添加|增列|列入|纳入|納入|加入|加进|加進|列为|列為|认定为|認定為|指定为|指定為|指认为|指認為)(?:至|到|进|進)?)[^。；;]*?(?:名单|名單|清单|清單|制裁|製裁|List|恐怖分子|恐怖组织|恐怖組織)",
            // 制裁了X / 宣布制裁X / 指认X
            r"(?P<verb>(?:(?:制裁|製裁)了|(?:宣布|宣佈|宣告|决定|決定|下令)(?:制裁|製裁)|指认了|指認了|指认|指認|认定了|認定了|列名了|將以下|将以下))(?P<obj>[^。；;]*)",
            // 委员会一致通过了49项新的指控 / 新增了12个实体
            r"(?P<verb>(?:一致)?(?:通过|通過|批准|新增|增列)了?)(?P<obj>[^。；;0-9一二两兩三四五六七八九十]*(?:[0-9]+|[一二两兩三四五六七八九十百]+)\s*(?:项|項|个|個|名|家|条|條)[^。；;]*?(?:指控|指认|指認|认定|認定|指定|制裁|製裁)[^。；;]*)",
            // 更新制裁名单，新增3家实体 (a list's update counts its additions)
            r"(?:名单|名單|清单|清單)[^。；;]{0,4}?[，,]\s*(?P<verb>(?:新增|增列|增加)了?)(?P<obj>[^。；;]*)",
            // 国务院和财政部指定了与甲组织相关的六个人和三个实体 (those related
            // to 甲组织, not 甲组织)
            r"(?P<verb>指定了)(?:与|與)?(?:[^。；;]*?(?:相关|相關|有关|有關|关联|關聯)的)?(?P<obj>[^。；;]*)",
            // 遭其制裁的两名个人，分别是X、Y
            r"(?P<verb>(?:制裁|製裁)的[^。；;]{0,25}?(?:分别是|分别为|分別是|分別為))[：:，,\s]*(?P<obj>[^。；;]*)",
            // 被制裁的X包括：/ 同时被制裁的还有X / 受到制裁的实体为X / 名列名单的船只分别为X
            // / 受冲击的包括X
            r"(?P<verb>(?:(?:被|遭|遭到|受到|受)[^。；;，,]{0,12}?(?:制裁|製裁|列入名单|列入名單|冲击|衝擊)|(?:列入|名列)[^。；;，,]{0,8}?(?:名单|名單|清单|清單|禁令))(?:的|者)[^。；;，,：:]{0,25}?(?:包括|包含|分别为|分別為|分别是|分別是|为|為|是|有|还有|還有))(?P<obj>[：:][^。]*|[，,]?[^。；;]*)",
            // 包括X在内，共三人榜上有名 / 包括X在内的五人被制裁
            r"(?:包括|包含)(?P<obj>[^。；;，,]{1,40}?)(?:在内|在內)[^。；;]*?(?P<verb>榜上有名|(?:被|遭|遭到|受到)(?:制裁|製裁|列入|納入|纳入))",
            // 一、对甲研究所、乙基金会等2家机构：(a numbered heading of a decision; the measures follow)
            r"^\s*(?:[一二三四五六七八九十]+、|[0-9]+[.、．])\s*(?:对|對)(?P<obj>[^。；;：:]*?等\s*(?:[0-9]+|[一二两兩三四五六七八九十]+)\s*(?:名|家|个|個)(?:个人|個人|人员|人員|机构|機構|实体|實體|组织|組織|企业|企業|公司))(?P<verb>[：:])\s*$",
            // 这6名男子是X、Y (names of people counted just before; companies and
            // vessels so listed are as often those of a proposal)
            r"^(?P<verb>(?:这|這)\s*(?:[0-9]+|[一二两兩三四五六七八九十]+)\s*(?:名|位)[^。；;，,：:]{0,10}?(?:分别是|分别为|分別是|分別為|是))(?P<obj>[：:]?[^。；;]*)",
            // 名单中有四家公司…，它们是：X、Y
            r"(?:名单|名單|清单|清單)[^。；;]{0,40}?(?P<verb>(?:它们|它們|他们|他們)(?:是|为|為|分别是|分別是|分别为|分別為)[：:])(?P<obj>[^。；;]*)",
            // 受制裁的官员名单：X、Y / 列上黑名单：X
            r"(?:制裁|製裁|黑)[^。；;]{0,12}?(?:名单|名單|清单|清單)(?P<verb>[：:])(?P<obj>[^。]*)",
            // 实体为X / 个人有X / 涉事公司为X (a list continued from the sentence before)
            r"^(?P<verb>(?:被制裁的|受制裁的|被製裁的|受製裁的)?(?:个人|個人|实体|實體|机构|機構|船舶|船只|船隻)(?:有|为|為|包括|分别为|分別為))(?P<obj>[^。；;]*)",
            r"^(?P<verb>(?:涉事|涉案)(?:个人|個人|实体|實體|机构|機構|公司|企业|企業|船舶|船只|船隻)(?:为|為|是|包括|分别为|分別為))(?P<obj>[^。；;]*)",
            // 对…实施制裁，包括：X、Y / 制裁还包括X
            r"(?:制裁|製裁|反制|反製|措施)[，,]?(?P<verb>(?:包括|包含|分别是|分别为|分別是|分別為|即)[：:])(?P<obj>[^。]*)",
            r"(?:制裁|製裁|反制|反製)(?P<verb>(?:还|還|也|亦)(?:包括|包含))[：:]?(?P<obj>[^。；;]*)",
            // 将两艘船只列入制裁名单，分别为X和Y
            r"(?P<verb>(?:名单|名單|清单|清單)[，,](?:分别为|分別為|分别是|分別是))[：:]?(?P<obj>[^。；;]*)",
            // X亦在列 / X也在名单中
            r"(?P<obj>[^。；;，,]*?)(?P<verb>亦在列|也在列|亦在其中|也在其中|榜上有名|(?:也|亦|均)在(?:名单|名單|清单|清單)(?:中|上|之中|之列)|(?:也|亦)(?:被|遭|遭到|受到)(?:制裁|製裁))",
            // 还有两家公司：X和Y，因某事也被列入清单
            r"(?:还有|還有|另有)[^。；;：:，,]{0,12}[：:](?P<obj>[^。；;：:，,]+)[，,][^。；;]*?(?P<verb>(?:也|亦|均|都)(?:被|遭)(?:添加|增添|加入|列入|纳入|納入|制裁|製裁))",
            // X被列入/遭制裁
            r"(?P<obj>[^。；;，,]*?)(?P<verb>(?:被|遭|遭到|受到)(?:美国|美國|联合国|聯合國|财政部|財政部|国务院|國務院)?(?:列入|制裁|製裁|指认|指認|认定|認定|增列|纳入|納入|添加|增添|加入))",
            // X被禁止入境 (a countermeasure that names its targets)
            r"(?P<obj>[^。；;，,]*?)(?P<verb>(?:被|遭|遭到)(?:禁止(?:入境|进入|進入)(?:中国|中國|中共国|中共國|我国|我國)?(?:境内|境內)?(?:[，,。；;]|$)))",
            // 冻结X在某国的任何资产
            r"(?P<verb>(?:冻结|凍結)了?)(?P<obj>[^。；;，,]*?)(?:(?:在|于|於)[^。；;，,]{0,20}?)?(?:的|之)?(?:任何|所有|一切|全部)?(?:动产|動產|资产|資產|财产|財產)",
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

/// Words before a Chinese statement that make it no designation: an
/// intention, a proposal, a threat, a question, a refusal, a lifting, or
/// an earlier action told as background.
const HAN_NOT_NOW: &[&str] = &[
    "考虑", "考慮", "拟", "擬", "可能", "是否", "威胁", "威脅", "呼吁", "呼籲", "敦促", "提议",
    "提議", "建议", "建議", "准备", "準備", "打算", "讨论", "討論", "寻求", "尋求", "要求", "应该",
    "應該", "必须", "必須", "将会", "將會", "不会", "不會", "未能", "没有", "沒有", "反对", "反對",
    "否决", "否決", "如果", "一旦", "希望", "计划", "計劃", "曾", "已经", "已經", "此前", "早前",
    "先前", "以前", "之前", "去年", "前年", "解除", "取消", "豁免", "放弃", "放棄", "继续", "繼續",
    "期待", "预计", "預計", "有望", "或将", "或將", "草案", "拟议", "擬議", "提案",
];

/// Whether `text` holds a word of [`HAN_NOT_NOW`] as a word: the 反对 of
/// "违反对某国的制裁" ("violating sanctions on") opposes nothing.
fn says_not_now(text: &str) -> bool {
    HAN_NOT_NOW.iter().any(|word| {
        text.match_indices(word).any(|(at, _)| {
            let violated = word.starts_with('反')
                && text.get(..at).is_some_and(|before| before.ends_with(['违', '違']));
            !violated
        })
    })
}

/// Courts and prosecutors: what they freeze is evidence or a claim, not a
/// sanction.
const HAN_JUDICIAL: &[&str] =
    &["法院", "法庭", "法官", "检方", "檢方", "检察", "檢察", "警方", "司法"];

/// Words that end the name before a Chinese passive verb ("甲公司也因…而受到
/// 制裁"): what follows them is the reason, not the name.
const HAN_OBJECT_ENDS: &[&str] = &[
    "也因", "亦因", "因其", "因为", "因為", "由于", "由於", "也", "亦", "均", "都", "同时", "同時",
    "因",
];

/// Whether the character at `at` belongs to a word there ("基因", "因素"),
/// not a conjunction opening a reason.
fn inside_word(text: &str, at: usize) -> bool {
    let before = text.get(..at).unwrap_or("");
    let after = text.get(at..).unwrap_or("");
    after.starts_with('因') && (before.ends_with(['基', '原']) || after.starts_with("因素"))
}

/// Checks a statement in a Chinese sentence: `None` when the words before
/// it say it is not a designation made now, else the object, cut where a
/// reason starts when the object comes before its verb.
fn han_statement(sentence: &str, object: Range<usize>, verb: Range<usize>) -> Option<Range<usize>> {
    let opening = object.start.min(verb.start);
    let before = sentence.get(..opening)?;
    // "将…列入名单，分别为X": the names continue the listing verb earlier in
    // the sentence, so whatever qualifies that verb qualifies them.
    let continues = ["名单", "名單", "清单", "清單"]
        .iter()
        .any(|word| sentence.get(verb.clone()).is_some_and(|text| text.starts_with(word)));
    let reach = if continues { usize::MAX } else { 20 };
    let window: String =
        before.chars().rev().take(reach).collect::<Vec<char>>().into_iter().rev().collect();
    // "被制裁的可能包括": the modality may also sit inside the verb.
    let verb_text = sentence.get(verb.clone()).unwrap_or("");
    if says_not_now(&window) || says_not_now(verb_text) {
        return None;
    }
    // "法院冻结了某公司的资产": a court's freeze is no sanction.
    let freeze = verb_text.starts_with("冻结") || verb_text.starts_with("凍結");
    if freeze && HAN_JUDICIAL.iter().any(|word| window.contains(word)) {
        return None;
    }
    let passive =
        ["被", "遭", "受", "也", "亦", "均", "榜"].iter().any(|word| verb_text.starts_with(word));
    if object.start >= verb.end || !passive {
        return Some(object);
    }
    // "受到制裁的官员": a passive verb before 的 describes, it states nothing.
    if sentence.get(verb.end..).is_some_and(|after| after.starts_with('的')) {
        return None;
    }
    let text = sentence.get(object.clone())?;
    if is_time_clause(sentence, text, verb.end) {
        return None;
    }
    let cut = HAN_OBJECT_ENDS
        .iter()
        .flat_map(|word| text.match_indices(word).map(|(at, _)| at))
        .filter(|&at| at > 0 && !inside_word(text, at))
        .min();
    let tail = sentence.get(object.end..verb.start).unwrap_or("");
    let denied = ["尚未", "并未", "並未", "从未", "從未", "没有", "沒有"]
        .iter()
        .any(|word| text.contains(word) || tail.contains(word))
        || text.trim_end().ends_with(['未', '不']);
    // "X也在去年被列入名单": an earlier action told as background.
    let earlier = ["已", "曾", "去年", "前年", "此前", "早前", "先前"];
    if denied || earlier.iter().any(|word| tail.contains(word) || text.contains(word)) {
        return None;
    }
    Some(object.start..cut.map_or(object.end, |at| object.start + at))
}

/// "在某机构被列入报告后", "当某人被制裁时", "若某公司被列入名单": the passive
/// statement is a time clause (在/当 before it, 后/时 closing its clause) or
/// a condition, not a statement.
fn is_time_clause(sentence: &str, object: &str, verb_end: usize) -> bool {
    let opening = object.trim_start_matches(|c: char| !is_han(c) && !c.is_ascii_alphanumeric());
    // "若某公司被列入名单": a condition, whatever follows.
    if ["若", "如果", "假如", "倘若", "一旦"].iter().any(|word| opening.starts_with(word))
    {
        return true;
    }
    let opens = ["在", "当", "當"].iter().any(|word| opening.starts_with(word))
        && !["当地", "當地", "在华", "在華"].iter().any(|word| opening.starts_with(word));
    let after = sentence.get(verb_end..).unwrap_or("");
    let clause = after.split(['，', ',', '。', '；', ';']).next().unwrap_or("");
    opens && ["后", "後", "时", "時", "之际", "之際"].iter().any(|word| clause.contains(word))
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
        Regex::new(r"(?i)[，,]\s*(?:原因是|原因|因为|因為|理由是|以(?:[^及]|$)|因其|由于|由於|指(?:[^认認定]|$)|称|稱|并称|並稱|表示|由)|原因是|旨在|\s(?:pursuant to|under (?:the|E\.?O\.?|Executive|section|resolution|its|authorities)|for (?:its|their|his|her|having|being|the purpose|operating|acting|providing|supporting|engaging|involvement)|because|in connection with|as (?:part|a result)|to (?:the|its|their) (?:SDN|sanctions?|entity)\b|on (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|today|this week|which|who (?:is|are|was|were|has|have))\b|—|--").ok()
    });
    let Some(text) = sentence.get(object.clone()) else { return object.start..object.start };
    let han = text.chars().any(is_han);
    let end = clause
        .as_ref()
        .and_then(|clause| {
            // "四名公民——甲、乙": in Chinese the dash introduces the names.
            clause.find_iter(text).find(|found| !(han && found.as_str().starts_with('—')))
        })
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
    fn list_updates_and_designations_by_relation() {
        check("安理会制裁委员会2日更新制裁名单,新增3家北方实体。", &["3家北方实体"]);
        check(
            "国务院和财政部指定了与甲研究组织（JRO）相关的六个人和三个实体。",
            &["六个人和三个实体"],
        );
        check("财政部指定了乙贸易有限公司。", &["乙贸易有限公司"]);
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
        check("财政部将甲公司指认为特别指定全球恐怖分子。", &["甲公司"]);
        check("财政部还指认了为甲公司提供协助的乙某。", &["为甲公司提供协助的乙某"]);
        check("他们将该地区列为重点。", &[]);
    }

    #[test]
    fn chinese_news_wordings() {
        check("中方决定对甲研究所和乙基金会实施相应反制。", &["甲研究所和乙基金会"]);
        check("日本宣布对星辰公司等3家实体实施资产冻结。", &["星辰公司等3家实体"]);
        check("國務院宣布製裁三名公民——甲乙丙、丁戊己。", &["三名公民——甲乙丙、丁戊己"]);
        check("遭其制裁的两名个人，分别是某国公民王一、李二。", &["某国公民王一、李二"]);
        check("同时被制裁的还有总部位于某地的星辰公司。", &["总部位于某地的星辰公司"]);
        check("总部位于某国的星辰公司也因提供文件而受到制裁。", &["总部位于某国的星辰公司"]);
        check(
            "此外，还有两家公司：甲基因科技和乙基因科技，因参与某事，也被列入实体清单。",
            &["甲基因科技和乙基因科技"],
        );
        check("受制裁的官员名单：王一，李二。", &["王一，李二"]);
        check(
            "列入制裁名单的实体包括Stellar Trade Co Ltd和星辰公司。",
            &["Stellar Trade Co Ltd和星辰公司"],
        );
    }

    #[test]
    fn chinese_list_wordings() {
        check("受冲击的包括富翁阿巴托夫、某公司总裁王一。", &["富翁阿巴托夫、某公司总裁王一"]);
        check("名列禁令的船只分别为油轮Alpha 1、Beta 2。", &["油轮Alpha 1、Beta 2"]);
        check("包括某国富翁季米洛夫在内，共三人榜上有名。", &["某国富翁季米洛夫", "共三人"]);
        check("二、对甲研究所主席约翰·史密斯等1名个人：", &["甲研究所主席约翰·史密斯等1名个人"]);
        check("一、对甲研究所。", &[]);
        check("这3名男子是Kim Il、Pak Su和Ri Ho。", &["Kim Il、Pak Su和Ri Ho"]);
        check("这2家公司是甲公司和乙公司。", &[]);
        check("被制裁者包括司令王大明。", &["司令王大明"]);
        check("被列入清单的实体包括：甲公司；乙公司。", &["：甲公司；乙公司"]);
        check("另一家公司是星辰纺织有限公司。", &[]);
        check("名单草案中有两家公司，它们是：甲公司和乙集团。", &[]);
        check("若甲公司被列入制裁名单，其业务将受影响。", &[]);
        check("制裁了星辰有限公司，由某集团创立。", &["星辰有限公司"]);
        check("名单中有两家公司是上市公司，它们是：甲公司和乙集团。", &["甲公司和乙集团"]);
        check("他们是某种形式的受害者。", &[]);
        check("涉事公司为Acme Shipping Co.。", &["Acme Shipping Co."]);
        check("制裁还包括当地的甲监狱和乙监狱。", &["当地的甲监狱和乙监狱"]);
        check("委员会将违反对某国制裁的甲公司列入名单。", &["违反对某国制裁的甲公司"]);
        check("他们反对将甲公司列入名单。", &[]);
        check(
            "委员会将两艘船只列入制裁名单，分别为油轮“远星”号和货船Sea Star 9。",
            &["两艘船只", "油轮“远星”号和货船Sea Star 9"],
        );
        check("其中星辰科技也在名单中，该公司是供应商。", &["其中星辰科技"]);
        check("甲公司主管Anna Smith也被禁止入境，并被冻结资产。", &["甲公司主管Anna Smith"]);
        check("中方正在冻结甲公司在中国的任何资产。", &["甲公司"]);
    }

    #[test]
    fn chinese_clauses_end_the_names() {
        // 以及 joins names; 以 alone gives a reason.
        check("制裁了王一、李二，以及星辰有限公司。", &["王一、李二，以及星辰有限公司"]);
        check("制裁了星辰有限公司，以阻止其活动。", &["星辰有限公司"]);
        // "，指…" reports what the actor says.
        check("宣布制裁甲公司，指该公司为某党提供资金。", &["甲公司"]);
    }

    #[test]
    fn chinese_talk_is_no_designation() {
        check("被制裁的可能包括甲公司和乙公司。", &[]);
        check("外交官预计将对甲公司实施制裁。", &[]);
        check("在甲银行被列入报告后两年内，总统须实施制裁。", &[]);
        check("美国曾冻结甲公司在海外的资产。", &[]);
        check(
            "美国提议将三艘涉嫌违反安理会决议向某国运送煤炭的船只列入制裁名单，分别为甲号和乙号。",
            &[],
        );
        check("法院冻结了甲公司在某地的资产。", &[]);
        check("去年，美国将甲公司等十家企业列入清单。", &[]);
        check("美国正在考虑将某某公司列入黑名单。", &[]);
        check("该机构已于去年被美国制裁。", &[]);
        check("他控制的星辰集团也在去年被列入制裁名单。", &[]);
        check("他们拒绝让受到制裁的官员入境。", &[]);
        check("该船到目前尚未被列入名单。", &[]);
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
