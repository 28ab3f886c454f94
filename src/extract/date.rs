//! Dates in Chinese and English text (`2020年11月25日`, `11月25日`,
//! `November 25, 2020`, `25 Nov 2024`, `2020-11-25`) and weekdays
//! (`星期三`, `Wednesday`), resolved against the release date when the year
//! or the day is left out.

use std::ops::Range;
use std::sync::OnceLock;

use chrono::{Datelike, Days, NaiveDate, Weekday};
use regex::Regex;

/// A date written in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateMention {
    /// The date, with the year inferred where the text leaves it out.
    pub date: NaiveDate,
    /// Byte range of the written date.
    pub range: Range<usize>,
    /// Whether the text wrote the year.
    pub has_year: bool,
}

/// Every date in `text`, in text order. Dates without a year take the year of
/// `reference` (the release date), or the year before when that would put
/// them more than a month after the release.
pub fn find(text: &str, reference: Option<NaiveDate>) -> Vec<DateMention> {
    let mut found: Vec<DateMention> = Vec::new();
    for (pattern, reader) in patterns() {
        for captures in pattern.captures_iter(text) {
            let Some(whole) = captures.get(0) else { continue };
            let Some((year, month, day)) = reader(&captures) else { continue };
            let date = match (year, month) {
                (Some(year), _) => NaiveDate::from_ymd_opt(year, month, day),
                (None, 0) => reference.and_then(|reference| infer_month(day, reference)),
                (None, _) => reference.and_then(|reference| {
                    let inferred = infer_year(month, day, reference)?;
                    let around = text.get(whole.start().saturating_sub(12)..).unwrap_or("");
                    let around = around.get(..around.len().min(whole.end() - whole.start() + 36));
                    Some(match around.and_then(written_weekday) {
                        Some(weekday) => year_of_weekday(inferred, weekday),
                        None => inferred,
                    })
                }),
            };
            if let Some(date) = date {
                found.push(DateMention { date, range: whole.range(), has_year: year.is_some() });
            }
        }
    }
    found.sort_by_key(|mention| (mention.range.start, std::cmp::Reverse(mention.range.end)));
    let mut kept: Vec<DateMention> = Vec::with_capacity(found.len());
    for mention in found {
        if kept.last().is_none_or(|last| mention.range.start >= last.range.end) {
            kept.push(mention);
        }
    }
    kept
}

/// Whether the last words before a Chinese designating verb give a year
/// before `release_year` ("也在2022年被列入", "于2019年被制裁"): an earlier
/// action the text recalls.
pub fn year_before_verb(before_verb: &str, release_year: i32) -> bool {
    static YEAR: OnceLock<Option<Regex>> = OnceLock::new();
    let Some(pattern) = YEAR
        .get_or_init(|| Regex::new(r"((?:19|20)[0-9]{2})\s*年(?:[0-9]{1,2}\s*月)?(?:[0-9]{1,2}\s*[日号號])?[^。；;，,]{0,4}$").ok())
        .as_ref()
    else {
        return false;
    };
    pattern
        .captures(before_verb)
        .and_then(|captures| captures.get(1)?.as_str().parse::<i32>().ok())
        .is_some_and(|year| year < release_year)
}

/// The first weekday named in `text` (星期三, 周三, Wednesday).
fn written_weekday(text: &str) -> Option<Weekday> {
    static WEEKDAY: OnceLock<Option<Regex>> = OnceLock::new();
    let pattern = WEEKDAY
        .get_or_init(|| {
            Regex::new(r"(?i)(?:星期|周|週|礼拜|禮拜)([一二三四五六日天])|\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b").ok()
        })
        .as_ref()?;
    let captures = pattern.captures(text)?;
    Some(match captures.get(1).or_else(|| captures.get(2))?.as_str().to_lowercase().as_str() {
        "一" | "monday" => Weekday::Mon,
        "二" | "tuesday" => Weekday::Tue,
        "三" | "wednesday" => Weekday::Wed,
        "四" | "thursday" => Weekday::Thu,
        "五" | "friday" => Weekday::Fri,
        "六" | "saturday" => Weekday::Sat,
        _ => Weekday::Sun,
    })
}

/// `inferred`, or the nearest same day up to two years before or after it
/// that falls on `weekday` where `inferred` does not: "周三（12月9日）"
/// fixes the year.
fn year_of_weekday(inferred: NaiveDate, weekday: Weekday) -> NaiveDate {
    if inferred.weekday() == weekday {
        return inferred;
    }
    [1, -1, 2, -2]
        .iter()
        .filter_map(|offset| inferred.with_year(inferred.year() + offset))
        .find(|candidate| candidate.weekday() == weekday)
        .unwrap_or(inferred)
}

/// The weekday named in `text` (星期三, 周三, Wednesday), resolved to the
/// latest such day on or before `reference`.
pub fn weekday_before(text: &str, reference: NaiveDate) -> Option<NaiveDate> {
    let weekday = written_weekday(text)?;
    let back =
        (7 + reference.weekday().num_days_from_monday() - weekday.num_days_from_monday()) % 7;
    reference.checked_sub_days(Days::new(u64::from(back)))
}

type Reader = fn(&regex::Captures<'_>) -> Option<(Option<i32>, u32, u32)>;

fn patterns() -> &'static [(Regex, Reader)] {
    static PATTERNS: OnceLock<Vec<(Regex, Reader)>> = OnceLock::new();
    PATTERNS.get_or_init(|| {
        const MONTH: &str = r"(?P<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?";
        let sources: Vec<(String, Reader)> = vec![
            (r"(?P<year>\d{4})\s*年\s*(?P<month>\d{1,2})\s*月\s*(?P<day>\d{1,2})\s*[日号號]".into(), numeric),
            (r"(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})\b".into(), numeric),
            (r"(?:^|[^年\d])(?P<month>\d{1,2})\s*月\s*(?P<day>\d{1,2})\s*[日号號]".into(), numeric),
            (r"(?:^|[^月\d号號年])(?P<day>[1-3]?\d)\s*日(?:[^本\p{Han}]|[宣发發表召举舉通批起])".into(), day_only),
            (format!(r"(?i)\b{MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<year>\d{{4}}))?"), named_month),
            (format!(r"(?i)\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+{MONTH}(?:,?\s+(?P<year>\d{{4}}))?"), named_month),
        ];
        sources
            .into_iter()
            .filter_map(|(source, reader)| Regex::new(&source).ok().map(|regex| (regex, reader)))
            .collect()
    })
}

fn field<'t>(captures: &regex::Captures<'t>, name: &str) -> Option<&'t str> {
    captures.name(name).map(|found| found.as_str())
}

fn numeric(captures: &regex::Captures<'_>) -> Option<(Option<i32>, u32, u32)> {
    let field = |name| field(captures, name);
    let year = field("year").and_then(|year| year.parse().ok());
    Some((year, field("month")?.parse().ok()?, field("day")?.parse().ok()?))
}

/// "16日宣布": the day of the reference month (or of the month before, when
/// the day is still ahead). Month 0 marks a day-only date for `find`.
fn day_only(captures: &regex::Captures<'_>) -> Option<(Option<i32>, u32, u32)> {
    Some((None, 0, field(captures, "day")?.parse().ok()?))
}

fn named_month(captures: &regex::Captures<'_>) -> Option<(Option<i32>, u32, u32)> {
    let field = |name| field(captures, name);
    let month = field("month")?.to_lowercase();
    let number =
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
            .iter()
            .position(|prefix| month.starts_with(prefix))?;
    let year = field("year").and_then(|year| year.parse().ok());
    Some((year, u32::try_from(number).ok()? + 1, field("day")?.parse().ok()?))
}

fn infer_month(day: u32, reference: NaiveDate) -> Option<NaiveDate> {
    let same_month = reference.with_day(day)?;
    if same_month > reference {
        reference.checked_sub_months(chrono::Months::new(1))?.with_day(day)
    } else {
        Some(same_month)
    }
}

fn infer_year(month: u32, day: u32, reference: NaiveDate) -> Option<NaiveDate> {
    let same_year = NaiveDate::from_ymd_opt(reference.year(), month, day)?;
    if same_year > reference + Days::new(31) {
        NaiveDate::from_ymd_opt(reference.year() - 1, month, day)
    } else {
        Some(same_year)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(year: i32, month: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(year, month, day).unwrap()
    }

    fn check(text: &str, reference: Option<NaiveDate>, expect: &[NaiveDate]) {
        let got: Vec<NaiveDate> = find(text, reference).iter().map(|found| found.date).collect();
        assert_eq!(got, expect, "{text}");
    }

    #[test]
    fn chinese_dates() {
        check("2020年11月25日星期三,美国", None, &[ymd(2020, 11, 25)]);
        check("2022年01月28日 11:42", None, &[ymd(2022, 1, 28)]);
        check("12月11日至12日", Some(ymd(2023, 1, 5)), &[ymd(2022, 12, 11)]);
        check("3月16日，国务卿", Some(ymd(2021, 3, 16)), &[ymd(2021, 3, 16)]);
        check("委员会16日宣布", Some(ymd(2018, 10, 17)), &[ymd(2018, 10, 16)]);
        check("今日、明日", Some(ymd(2018, 10, 17)), &[]);
    }

    #[test]
    fn english_dates() {
        check("on November 25, 2020, the", None, &[ymd(2020, 11, 25)]);
        check("Fri, 15 Nov 2024 03:36:16 GMT", None, &[ymd(2024, 11, 15)]);
        check("on March 30 the Committee", Some(ymd(2018, 3, 31)), &[ymd(2018, 3, 30)]);
        check("published 2024-05-03.", None, &[ymd(2024, 5, 3)]);
        check("no date here, may be later", None, &[]);
    }

    #[test]
    fn a_weekday_fixes_the_year() {
        // 2020-12-09 was a Wednesday; 2019-12-09 a Monday.
        check("周三（12月9日），财政部", Some(ymd(2019, 8, 6)), &[ymd(2020, 12, 9)]);
        check("12月9日（星期一）", Some(ymd(2019, 8, 6)), &[ymd(2019, 12, 9)]);
        check("12月9日，财政部", Some(ymd(2019, 12, 20)), &[ymd(2019, 12, 9)]);
    }

    #[test]
    fn earlier_years_before_a_verb() {
        assert!(year_before_verb("其控制的甲集团也在2022年", 2024));
        assert!(year_before_verb("该公司于2019年3月", 2021));
        assert!(!year_before_verb("美国财政部2024年", 2024));
        assert!(!year_before_verb("2019年成立的甲公司，今天", 2024));
    }

    #[test]
    fn weekdays_resolve_backwards() {
        // 2020-11-27 was a Friday.
        assert_eq!(weekday_before("星期三", ymd(2020, 11, 27)), Some(ymd(2020, 11, 25)));
        assert_eq!(weekday_before("on Friday", ymd(2020, 11, 27)), Some(ymd(2020, 11, 27)));
        assert_eq!(weekday_before("nothing", ymd(2020, 11, 27)), None);
    }
}
