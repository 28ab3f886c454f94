//! Country names in English and Chinese (simplified and traditional) mapped to
//! ISO 3166-1 alpha-2 codes, for reading "a China-based company" or
//! "俄罗斯的X" in source texts.
//!
//! **Invariant:** lookups prefer the longest name, so 北朝鲜 is read as KP and
//! never as 朝鲜 inside a longer name of another country.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::OnceLock;

use isocountry::CountryCode;
use regex::Regex;

/// `(ISO code, names)`; Latin names are matched case-insensitively on word
/// boundaries, Chinese names anywhere.
const COUNTRIES: &[(&str, &[&str])] = &[
    (
        "KP",
        &[
            "朝鲜民主主义人民共和国",
            "朝鮮民主主義人民共和國",
            "北朝鲜",
            "北朝鮮",
            "北韩",
            "北韓",
            "朝鲜",
            "朝鮮",
            "DPRK",
            "North Korea",
            "North Korean",
            "Korea, North",
            "Democratic People's Republic of Korea",
        ],
    ),
    (
        "KR",
        &[
            "大韩民国",
            "大韓民國",
            "韩国",
            "韓國",
            "South Korea",
            "Korea, South",
            "Republic of Korea",
            "ROK",
        ],
    ),
    (
        "CN",
        &[
            "中华人民共和国",
            "中華人民共和國",
            "中国大陆",
            "中国",
            "中國",
            "PRC",
            "China",
            "Chinese",
            "People's Republic of China",
        ],
    ),
    ("HK", &["香港", "Hong Kong"]),
    ("TW", &["台湾", "臺灣", "台灣", "Taiwan"]),
    (
        "RU",
        &[
            "俄罗斯联邦",
            "俄羅斯聯邦",
            "俄罗斯",
            "俄羅斯",
            "Russia",
            "Russian Federation",
            "Russian",
        ],
    ),
    ("BY", &["白俄罗斯", "白俄羅斯", "Belarus"]),
    ("IR", &["伊朗", "Iran", "Iranian"]),
    ("SY", &["叙利亚", "敘利亞", "Syria", "Syrian"]),
    ("US", &["美利坚合众国", "美國", "美国", "United States", "U.S.", "USA"]),
    ("JP", &["日本", "Japan", "Japanese"]),
    ("SG", &["新加坡", "Singapore"]),
    ("AE", &["阿拉伯联合酋长国", "阿联酋", "阿聯酋", "United Arab Emirates", "UAE"]),
    ("TR", &["土耳其", "Turkey", "Türkiye"]),
    ("MY", &["马来西亚", "馬來西亞", "Malaysia"]),
    ("TH", &["泰国", "泰國", "Thailand"]),
    ("VN", &["越南", "Vietnam"]),
    ("MM", &["缅甸", "緬甸", "Burma", "Myanmar"]),
    ("PK", &["巴基斯坦", "Pakistan"]),
    ("IN", &["印度", "India"]),
    ("IQ", &["伊拉克", "Iraq"]),
    ("LB", &["黎巴嫩", "Lebanon"]),
    ("VE", &["委内瑞拉", "委內瑞拉", "Venezuela"]),
    ("CU", &["古巴", "Cuba"]),
    ("PA", &["巴拿马", "巴拿馬", "Panama"]),
    ("MH", &["马绍尔群岛", "馬紹爾群島", "Marshall Islands"]),
    ("SL", &["塞拉利昂", "獅子山", "Sierra Leone"]),
    ("TG", &["多哥", "Togo"]),
    ("WS", &["萨摩亚", "薩摩亞", "Samoa"]),
    ("KN", &["圣基茨和尼维斯", "Saint Kitts and Nevis"]),
    ("BZ", &["伯利兹", "Belize"]),
    ("KM", &["科摩罗", "Comoros"]),
    // Provinces and large cities: a company named after one is Chinese.
    (
        PLACE_CN,
        &[
            "北京",
            "上海",
            "天津",
            "重庆",
            "重慶",
            "辽宁",
            "遼寧",
            "吉林",
            "黑龙江",
            "黑龍江",
            "河北",
            "山东",
            "山東",
            "江苏",
            "江蘇",
            "浙江",
            "福建",
            "广东",
            "廣東",
            "广西",
            "廣西",
            "四川",
            "湖北",
            "湖南",
            "河南",
            "陕西",
            "陝西",
            "山西",
            "安徽",
            "江西",
            "云南",
            "雲南",
            "贵州",
            "貴州",
            "内蒙古",
            "內蒙古",
            "新疆",
            "甘肃",
            "甘肅",
            "海南",
            "丹东",
            "丹東",
            "大连",
            "大連",
            "沈阳",
            "瀋陽",
            "深圳",
            "广州",
            "廣州",
            "成都",
            "淄博",
            "青岛",
            "青島",
            "厦门",
            "廈門",
            "宁波",
            "寧波",
            "杭州",
            "南京",
            "武汉",
            "武漢",
            "西安",
            "珲春",
            "琿春",
            "延吉",
            "烟台",
            "煙台",
            "苏州",
            "蘇州",
        ],
    ),
    ("KH", &["柬埔寨", "Cambodia"]),
    ("MN", &["蒙古", "Mongolia"]),
    ("UA", &["乌克兰", "烏克蘭", "Ukraine"]),
    ("GB", &["英国", "英國", "United Kingdom", "Britain"]),
    ("DE", &["德国", "德國", "Germany"]),
    ("FR", &["法国", "法國", "France"]),
    // Official names the ISO short names do not cover (UN list spellings).
    ("CD", &["刚果民主共和国", "Democratic Republic of the Congo"]),
    ("TZ", &["坦桑尼亚", "United Republic of Tanzania", "Tanzania"]),
    ("PS", &["巴勒斯坦", "State of Palestine", "Palestine"]),
    ("VG", &["英属维尔京群岛", "British Virgin Islands"]),
];

/// Marks the provinces and cities of China in [`COUNTRIES`].
const PLACE_CN: &str = "CN-place";

/// A country named in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CountryMention {
    /// ISO 3166-1 alpha-2 code.
    pub code: &'static str,
    /// Byte range of the name.
    pub range: Range<usize>,
    /// Whether the name is a province or city rather than the country.
    pub is_place: bool,
}

/// Every country named in `text`, in text order, longest names first where
/// names overlap.
pub fn mentions(text: &str) -> Vec<CountryMention> {
    // Text with no Latin letter (most Chinese pieces) can only hold the
    // non-ASCII names: the smaller pattern without word boundaries finds
    // the same mentions much faster.
    let latin = text.chars().any(|c| c.is_ascii_alphabetic());
    let compiled = if latin { compiled(false) } else { compiled(true) };
    let Some((pattern, codes)) = compiled else { return Vec::new() };
    pattern
        .find_iter(text)
        .filter_map(|found| {
            let code = *codes.get(&found.as_str().to_lowercase())?;
            let is_place = code == PLACE_CN;
            let code = if is_place { "CN" } else { code };
            Some(CountryMention { code, range: found.range(), is_place })
        })
        .collect()
}

/// The country code for a whole name such as `China` or `俄罗斯`.
pub fn code_of(name: &str) -> Option<&'static str> {
    let trimmed = name.trim();
    if trimmed.len() == 2 && trimmed.chars().all(|c| c.is_ascii_uppercase()) {
        return Some(COUNTRIES.iter().find(|(code, _)| *code == trimmed)?.0);
    }
    mentions(trimmed).into_iter().find(|found| found.range.len() == trimmed.len()).map(|m| m.code)
}

/// The country code for a data field holding a country (a customer file's
/// country column, a list's country cell): any ISO 3166-1 alpha-2 or
/// alpha-3 code or English short name, in any case, or a name
/// [`code_of`] knows.
pub fn code_of_field(field: &str) -> Option<&'static str> {
    let trimmed = field.trim();
    let iso = match trimmed.len() {
        2 => CountryCode::for_alpha2_caseless(trimmed).ok(),
        3 => CountryCode::for_alpha3_caseless(trimmed).ok(),
        _ => None,
    };
    iso.map(|code| code.alpha2()).or_else(|| code_of(trimmed)).or_else(|| {
        CountryCode::iter()
            .find(|code| code.name().eq_ignore_ascii_case(trimmed))
            .map(|code| code.alpha2())
    })
}

/// One alternation of every name, longest first (no capture groups, so the
/// fast engine runs), and the code of each lowercased name.
/// With `non_ascii_only`, the alternation of the names in Chinese script
/// (and other non-ASCII names) only.
fn compiled(non_ascii_only: bool) -> Option<&'static (Regex, HashMap<String, &'static str>)> {
    type Compiled = OnceLock<Option<(Regex, HashMap<String, &'static str>)>>;
    static COMPILED: Compiled = OnceLock::new();
    static COMPILED_NON_ASCII: Compiled = OnceLock::new();
    let cell = if non_ascii_only { &COMPILED_NON_ASCII } else { &COMPILED };
    cell.get_or_init(|| {
        let mut names: Vec<(&str, &str)> = COUNTRIES
            .iter()
            .flat_map(|(code, names)| names.iter().map(move |name| (*code, *name)))
            .filter(|(_, name)| !non_ascii_only || !name.is_ascii())
            .collect();
        names.sort_by_key(|(_, name)| std::cmp::Reverse(name.chars().count()));
        let alternation = names
            .iter()
            .map(|(_, name)| {
                let escaped = regex::escape(name);
                if name.is_ascii() {
                    format!("(?-u:\\b){escaped}(?-u:\\b)")
                } else {
                    escaped
                }
            })
            .collect::<Vec<_>>()
            .join("|");
        let codes = names.iter().map(|(code, name)| (name.to_lowercase(), *code)).collect();
        // Every name is escaped, so the pattern compiles; the unit tests prove it.
        let pattern = Regex::new(&format!("(?i){alternation}")).ok()?;
        Some((pattern, codes))
    })
    .as_ref()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, expect: &[&str]) {
        let codes: Vec<&str> = mentions(text).iter().map(|found| found.code).collect();
        assert_eq!(codes, expect, "{text}");
    }

    #[test]
    fn longest_name_wins() {
        check("对北朝鲜严重的侵犯人权状况", &["KP"]);
        check("朝鲜民主主义人民共和国(北朝鲜)", &["KP", "KP"]);
        check("位于中华人民共和国(PRC)和俄罗斯的四个实体", &["CN", "CN", "RU"]);
        check("a China-based front company for North Korea", &["CN", "KP"]);
        check("白俄罗斯的工厂", &["BY"]);
    }

    #[test]
    fn whole_names() {
        assert_eq!(code_of("Russia"), Some("RU"));
        assert_eq!(code_of("中國"), Some("CN"));
        assert_eq!(code_of("KP"), Some("KP"));
        assert_eq!(code_of("Atlantis"), None);
    }

    #[test]
    fn fields_take_any_iso_code_or_name() {
        for (field, code) in [
            ("NG", "NG"),
            ("eg", "EG"),
            (" GRC ", "GR"),
            ("Poland", "PL"),
            ("brazil", "BR"),
            ("North Korea", "KP"),
            ("俄罗斯", "RU"),
        ] {
            assert_eq!(code_of_field(field), Some(code), "{field}");
        }
        assert_eq!(code_of_field("Democratic Republic of the Congo"), Some("CD"));
        assert_eq!(code_of_field("XQ"), None);
        assert_eq!(code_of_field("Atlantis"), None);
    }
}
