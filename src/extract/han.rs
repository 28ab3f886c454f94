//! How names are written inside Chinese sentences: a transliterated foreign
//! name ("某某·某某娃", parts joined by ·, •, ‧ or ∙), a title or role
//! glued before a person's name ("委员某某", "驻某地代表金某"), a category
//! or country glued before an organization ("某国企业甲乙公司"), a Latin
//! name inside Chinese ("该国公民Kim Chol"), and a name in quotes.
//!
//! Everything here works on one piece of an enumeration and returns byte
//! offsets into it; [`crate::extract::entity`] decides what the piece is.
//!
//! **Invariant:** these rules only ever look at text that holds Chinese
//! script, so English readings are untouched by them.

use std::ops::Range;

use crate::country;
use crate::extract::entity::is_han;

/// The marks that join the parts of a transliterated name.
pub const NAME_JOINERS: &[char] = &['·', '•', '‧', '∙', '・', '．'];

/// Characters used to transliterate foreign names (the usual syllable
/// characters of transliteration tables, simplified and traditional).
const TRANSLITERATION: &str = "阿埃艾爱愛安昂奥奧澳巴拜班邦保鲍鮑贝貝本比彼毕畢别別宾賓滨濱波伯勃博布查察达達戴丹道德登邓鄧迪蒂狄丁东東杜顿頓多厄恩尔爾法凡范菲费費芬丰豐冯馮佛弗福富盖蓋甘冈岡戈哥格根贡貢古瓜圭哈海汉漢豪赫黑亨洪侯胡华華怀懷惠霍基吉加迦贾賈杰傑金卡凯凱坎康考柯科克肯孔库庫夸誇奎昆崑拉莱萊赖賴兰蘭朗劳勞勒雷蕾里裏裡利莉丽麗列林琳玲凌留柳隆卢盧鲁魯路伦倫罗羅洛马馬玛瑪迈邁麦麥曼芒梅美门門蒙米敏缪繆摩莫默姆穆纳納娜奈南内內尼涅宁寧纽紐努诺諾欧歐帕潘庞龐佩彭皮珀普齐齊奇恰乔喬切钦欽琴琼瓊丘屈萨薩塞赛賽桑瑟森沙莎尚绍紹舍申什施史斯丝絲松苏蘇索塔泰坦汤湯唐特滕提廷通图圖托瓦万萬威韦韋维維温溫沃乌烏伍西希锡錫谢謝辛欣休雅亚亞扬揚耶叶葉伊依因尤约約扎泽澤詹兹茲佐卓茨茹娃娅婭妮琪瑞芙姬热熱让讓若遜逊罕默茂义義甚京楚斐贝霍曼莱蕾娜诗詩丝絲黛娅蒂妮茜琳萝蘿夫莲蓮密翰治烈昂吞嘉莎芭妲菈娥薇蓓珊婷露璐歇迦沙得历歷山大卫衛";

/// Titles and roles written before a person's name, and words that class
/// a person ("公民", "个人").
const TITLES: &[&str] = &[
    "副主席",
    "主席",
    "议员",
    "議員",
    "委员",
    "委員",
    "学者",
    "學者",
    "副代表",
    "代表",
    "负责人",
    "負責人",
    "公民",
    "国民",
    "國民",
    "官员",
    "官員",
    "法官",
    "总司令",
    "總司令",
    "司令",
    "部长",
    "部長",
    "局长",
    "局長",
    "所长",
    "所長",
    "执行长",
    "執行長",
    "首席执行官",
    "首席執行官",
    "行政官",
    "总裁",
    "總裁",
    "董事长",
    "董事長",
    "董事",
    "总经理",
    "總經理",
    "经理",
    "經理",
    "主任",
    "主管",
    "高管",
    "商人",
    "富翁",
    "富豪",
    "大亨",
    "鉅子",
    "巨子",
    "实业家",
    "實業家",
    "专家",
    "專家",
    "供应商",
    "供應商",
    "外长",
    "外長",
    "头目",
    "頭目",
    "首脑",
    "首腦",
    "领导人",
    "領導人",
    "成员",
    "成員",
    "个人",
    "個人",
    "人士",
    "男子",
    "女子",
    "院长",
    "院長",
    "校长",
    "校長",
    "书记",
    "書記",
    "行政长官",
    "行政長官",
    "司长",
    "司長",
    "处长",
    "處長",
    "厅长",
    "廳長",
    "主任",
    "老板",
    "老闆",
    "女婿",
    "儿子",
    "兒子",
    "女儿",
    "女兒",
    "妻子",
    "前妻",
    "情妇",
    "情婦",
    "间谍",
    "間諜",
    "黑客",
    "骇客",
    "駭客",
    "研究人员",
    "研究人員",
    "特首",
    "总统",
    "總統",
    "总理",
    "總理",
    "首相",
    "议长",
    "議長",
    "市长",
    "市長",
    "省长",
    "省長",
    "州长",
    "州長",
    "将军",
    "將軍",
    "大使",
    "寡头",
    "寡頭",
    "密友",
    "挚友",
    "摯友",
    "亲信",
    "親信",
    "盟友",
];

/// Last characters of a role word ("零售商", "企业家", "赛车手"): before a
/// transliterated name of three characters or more they end a title.
const ROLE_ENDINGS: &[char] = &['商', '家', '长', '長', '员', '員', '官', '手', '师', '師'];

/// Where a person's name starts at the end of a Chinese piece, and where the
/// title before it starts, if the piece ends in a person's name.
///
/// A transliterated name ends the piece and its parts are joined by ·;
/// or a title ends just before a name of two to four characters opening
/// with a surname, of two to six transliteration characters, or of Latin
/// words.
pub fn person_start(core: &str) -> Option<PersonAt> {
    let core = core.trim_end();
    if let Some(start) = transliterated_start(core) {
        let title = core.get(..start).filter(|title| ends_with_title(title)).map(|_| 0);
        return Some(PersonAt { name: start, title });
    }
    let mut best: Option<PersonAt> = None;
    for title in TITLES {
        for (at, _) in core.match_indices(title) {
            let name_at = at + title.len();
            let Some(rest) = core.get(name_at..) else { continue };
            if !is_bare_name(rest) {
                continue;
            }
            if best.as_ref().is_none_or(|known| name_at > known.name) {
                best = Some(PersonAt { name: name_at, title: Some(0) });
            }
        }
    }
    best.or_else(|| after_role_ending(core))
}

/// "食品零售商某某某某": a transliterated name ending `core` after a word
/// that ends like a role; the longest such name.
fn after_role_ending(core: &str) -> Option<PersonAt> {
    core.char_indices()
        .filter(|(_, c)| ROLE_ENDINGS.contains(c))
        .map(|(at, c)| at + c.len_utf8())
        // "国家" is no role.
        .filter(|&end| {
            !["国家", "國家"]
                .iter()
                .any(|word| core.get(..end).is_some_and(|head| head.ends_with(word)))
        })
        .find(|&name_at| core.get(name_at..).is_some_and(is_transliterated_run))
        .map(|name| PersonAt { name, title: Some(0) })
}

/// Whether `text` is three to ten transliteration characters and nothing
/// else: a foreign name written without joiners.
pub fn is_transliterated_run(text: &str) -> bool {
    let n = text.chars().count();
    (3..=10).contains(&n) && text.chars().all(is_transliteration)
}

/// Where a name was found in a piece.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PersonAt {
    /// Byte offset of the name.
    pub name: usize,
    /// Byte offset of the title before the name, when there is one.
    pub title: Option<usize>,
}

/// Whether `text` is a person's name and nothing else: two to four Han
/// characters opening with a surname, two to six transliteration
/// characters, a transliterated name with joiners, or two to four Latin
/// words.
pub fn is_bare_name(text: &str) -> bool {
    let text = text.trim();
    let n = text.chars().count();
    if text.chars().all(is_han) {
        return ((2..=4).contains(&n) && crate::extract::entity::starts_with_surname(text))
            || ((2..=6).contains(&n) && text.chars().all(is_transliteration));
    }
    if transliterated_start(text) == Some(0) {
        return true;
    }
    is_latin_person(text)
}

/// Whether `text` is a short bare transliterated name or Chinese name, as
/// the later members of "议员甲、乙、丙" are written.
pub fn is_short_name(text: &str) -> bool {
    let text = text.trim();
    let n = text.chars().count();
    text.chars().all(is_han)
        && (2..=5).contains(&n)
        && (text.chars().all(is_transliteration)
            || (n <= 3 && crate::extract::entity::starts_with_surname(text)))
        || transliterated_start(text) == Some(0)
}

/// Where a transliterated name ending `core` starts: a run of
/// transliteration characters and joiners with at least one joiner and at
/// least one character on each side of every joiner.
pub fn transliterated_start(core: &str) -> Option<usize> {
    let mut start = core.len();
    let mut joiners = 0usize;
    let mut last_was_joiner = true;
    for (at, c) in core.char_indices().rev() {
        if NAME_JOINERS.contains(&c) {
            if last_was_joiner {
                return None;
            }
            joiners += 1;
            last_was_joiner = true;
        } else if is_transliteration(c) || (c == '-' && !last_was_joiner) {
            last_was_joiner = false;
        } else {
            break;
        }
        start = at;
    }
    // A run may not open with a joiner: "和·" is no name.
    while let Some(c) = core.get(start..).and_then(|rest| rest.chars().next()) {
        if NAME_JOINERS.contains(&c) || c == '-' {
            start += c.len_utf8();
            joiners = joiners.saturating_sub(usize::from(c != '-'));
        } else {
            break;
        }
    }
    let name = core.get(start..)?;
    let has_inner_joiner = name.chars().any(|c| NAME_JOINERS.contains(&c));
    (joiners > 0 && has_inner_joiner && name.chars().count() >= 3 && !last_was_joiner_at_end(name))
        .then_some(start)
}

fn last_was_joiner_at_end(name: &str) -> bool {
    name.chars().next_back().is_some_and(|c| NAME_JOINERS.contains(&c))
}

/// Whether `c` is used to transliterate foreign names.
pub fn is_transliteration(c: char) -> bool {
    TRANSLITERATION.contains(c)
}

/// The length in bytes of the longest title opening `text` ("董事长某某" → the
/// length of "董事长"), if a title opens it.
pub fn title_opening(text: &str) -> Option<usize> {
    TITLES.iter().filter(|title| text.starts_with(*title)).map(|title| title.len()).max()
}

fn ends_with_title(text: &str) -> bool {
    TITLES.iter().any(|title| text.ends_with(title))
}

/// Whether `text` is two to four capitalised Latin words with no
/// organization word: a person's name as Chinese texts cite it.
pub fn is_latin_person(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    (2..=4).contains(&words.len())
        && words.iter().all(|word| {
            word.chars().next().is_some_and(|c| c.is_ascii_uppercase())
                && word.chars().all(|c| c.is_ascii_alphabetic() || matches!(c, '-' | '\''))
        })
}

/// The quoted part of a piece ("一家某国企业“甲乙公司”", "油轮“某某”号"),
/// when the words outside the quotes only describe it.
pub fn quoted(core: &str) -> Option<Range<usize>> {
    const QUOTES: &[(char, char)] =
        &[('“', '”'), ('「', '」'), ('"', '"'), ('‘', '’'), ('《', '》')];
    for (open, close) in QUOTES {
        let Some(start) = core.find(*open) else { continue };
        let inner_start = start + open.len_utf8();
        // The closing quote may have been trimmed with the piece's end.
        let length = core
            .get(inner_start..)
            .map(|rest| rest.find(*close).unwrap_or(rest.len()))
            .unwrap_or(0);
        let inner = inner_start..inner_start + length;
        if core.get(inner.clone()).is_some_and(|text| !text.trim().is_empty()) {
            return Some(inner);
        }
    }
    None
}

/// Words that class an organization and may be glued before its name
/// ("某国企业甲公司", "科技公司乙集团").
const CATEGORIES: &[&str] = &[
    "企业", "企業", "公司", "实体", "實體", "机构", "機構", "组织", "組織", "集团", "集團", "银行",
    "銀行",
];

/// Whether `text` ends with a word that classes an organization ("企业").
pub fn ends_with_category(text: &str) -> bool {
    CATEGORIES.iter().any(|category| text.trim_end().ends_with(category))
}

/// Where an organization's own name starts in `core` when a country or
/// place and a category are glued before it ("某国军工企业甲乙公司" → the
/// offset of "甲乙公司"); 0 when nothing is glued.
pub fn glued_prefix_end(core: &str) -> usize {
    // "他的公司甲乙贸易有限公司": no name opens with 公司.
    if let Some(rest) = core.strip_prefix("公司") {
        return if rest.chars().count() >= 4 { "公司".len() } else { 0 };
    }
    let Some(opening) = country::mentions(core).into_iter().find(|found| found.range.start == 0)
    else {
        return 0;
    };
    let after_country = opening.range.end;
    let mut best = 0;
    for category in CATEGORIES {
        let Some(found) = core
            .get(after_country..)
            .and_then(|rest| rest.find(category))
            .map(|at| at + after_country)
        else {
            continue;
        };
        let end = found + category.len();
        let between = core.get(after_country..found).map_or(0, |text| text.chars().count());
        let rest = core.get(end..).unwrap_or("");
        if between <= 4 && rest.chars().count() >= 3 && (best == 0 || end < best) {
            best = end;
        }
    }
    best
}

/// Where a leading country name ends, when the rest of an organization's
/// name stands on its own ("美国某某研究所" → "某某研究所").
pub fn leading_country_end(core: &str) -> usize {
    country::mentions(core)
        .into_iter()
        .find(|found| found.range.start == 0 && !found.is_place)
        .map_or(0, |found| found.range.end)
        .min(core.len())
}

/// The Latin name inside a piece written mostly in Chinese ("该国公民Kim
/// Chol", "莫斯科的Acme LLC公司"): Chinese description before it, at most a
/// short Chinese legal form ("公司") after it.
pub fn latin_run(core: &str) -> Option<Range<usize>> {
    let start = core.find(|c: char| c.is_ascii_alphabetic())?;
    let rest = core.get(start..)?;
    let length = rest
        .find(|c: char| !(c.is_ascii_alphanumeric() || " .,&'-+/".contains(c)))
        .unwrap_or(rest.len());
    let run = rest.get(..length)?.trim_end_matches([' ', ',', '-']);
    let run_end = start + run.len();
    if run.chars().filter(char::is_ascii_alphabetic).count() < 2
        || !run.chars().next().is_some_and(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
    {
        return None;
    }
    // Nothing but Chinese description before it, nothing but a legal form after.
    let before = core.get(..start)?;
    let after = core.get(run_end..)?.trim();
    let described = before.chars().all(|c| is_han(c) || c.is_whitespace());
    let tail_is_form = after.is_empty() || after.chars().all(is_han) && after.chars().count() <= 4;
    (described && tail_is_form).then_some(start..run_end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(core: &str, expect: Option<&str>) {
        let got = person_start(core).and_then(|at| core.get(at.name..));
        assert_eq!(got, expect, "{core}");
    }

    #[test]
    fn transliterated_names() {
        check("前体操运动员阿琳卡·莫罗佐娃", Some("阿琳卡·莫罗佐娃"));
        check("参议员詹姆斯•霍普金斯", Some("詹姆斯•霍普金斯"));
        check("法官萨米尔∙侯赛因∙拉希米", Some("萨米尔∙侯赛因∙拉希米"));
        check("和·", None);
    }

    #[test]
    fn titles_before_names() {
        check("委员会副主席特雷森", Some("特雷森"));
        check("驻某市代表金成哲", Some("金成哲"));
        check("该国公民Kim Chol Su", Some("Kim Chol Su"));
        check("委员会", None);
        check("贸易公司", None);
        check("某国寡头季米洛夫", Some("季米洛夫"));
        check("总裁彼得·山德罗夫", Some("彼得·山德罗夫"));
        assert_eq!(title_opening("董事长某某"), Some("董事长".len()));
        assert_eq!(title_opening("某某董事长"), None);
    }

    #[test]
    fn role_endings_before_transliterations() {
        check("食品零售商维克托罗夫", Some("维克托罗夫"));
        check("钢铁企业家阿巴托夫", Some("阿巴托夫"));
        check("伊朗国家伊斯兰", None);
        check("零售商王", None);
    }

    #[test]
    fn glued_words() {
        let core = "美国军工企业星辰动力公司";
        assert_eq!(core.get(glued_prefix_end(core)..), Some("星辰动力公司"));
        assert_eq!(glued_prefix_end("星辰动力公司"), 0);
        let core = "公司星辰贸易有限公司";
        assert_eq!(core.get(glued_prefix_end(core)..), Some("星辰贸易有限公司"));
        let core = "一家外国企业“星辰动力公司”";
        assert_eq!(quoted(core).and_then(|range| core.get(range)), Some("星辰动力公司"));
        let core = "莫斯科的Stellar Trade LLC";
        assert_eq!(latin_run(core).and_then(|range| core.get(range)), Some("Stellar Trade LLC"));
    }
}
