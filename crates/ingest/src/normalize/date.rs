//! Source dates: `dd/mm/yy`, `dd/mm/yyyy`, ISO `yyyy-mm-dd` (optionally with a time).

use super::{info, warning};
use chrono::{Months, NaiveDate};
use orienta_model::{QualityCode, QualityIssue};

/// Records older than this many months are flagged stale.
pub const STALE_AFTER_MONTHS: u32 = 36;

/// Parses a source date; impossible dates give `None` and an `InvalidDate` warning,
/// two-digit years a `TwoDigitYear` info, old dates a `StaleRecord` info.
pub fn parse(
    raw: &str,
    field: &str,
    today: NaiveDate,
    issues: &mut Vec<QualityIssue>,
) -> Option<NaiveDate> {
    let text = raw.trim();
    if text.is_empty() {
        return None;
    }
    let date_part = text.split(['T', ' ']).next().unwrap_or(text);
    let numbers: Vec<&str> = date_part.split(['/', '-', '.']).collect();
    let parsed = match numbers.as_slice() {
        [year, month, day] if year.len() == 4 => ymd(year, month, day),
        [day, month, year] if year.len() == 2 => {
            let short: i32 = year.parse().ok()?;
            let full = if short < 70 {
                2000 + short
            } else {
                1900 + short
            };
            let date = ymd(&full.to_string(), month, day);
            if date.is_some() {
                issues.push(info(
                    QualityCode::TwoDigitYear,
                    field,
                    format!("read the two-digit year of `{text}` as {full}"),
                ));
            }
            date
        }
        [day, month, year] if year.len() == 4 => ymd(year, month, day),
        _ => None,
    };
    let Some(date) = parsed else {
        issues.push(warning(
            QualityCode::InvalidDate,
            field,
            format!("`{text}` is not a valid date; ignored"),
        ));
        return None;
    };
    let stale_before = today.checked_sub_months(Months::new(STALE_AFTER_MONTHS));
    if stale_before.is_some_and(|limit| date < limit) {
        issues.push(info(
            QualityCode::StaleRecord,
            field,
            format!(
                "last updated on {date}, more than {} years ago",
                STALE_AFTER_MONTHS / 12
            ),
        ));
    }
    Some(date)
}

fn ymd(year: &str, month: &str, day: &str) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(year.parse().ok()?, month.parse().ok()?, day.parse().ok()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2025, 6, 1).unwrap()
    }

    #[test]
    fn two_digit_years_and_staleness() {
        let mut issues = Vec::new();
        assert_eq!(
            parse("28/08/20", "lastUpdate", today(), &mut issues),
            NaiveDate::from_ymd_opt(2020, 8, 28)
        );
        let codes: Vec<_> = issues.iter().map(|i| i.code).collect();
        assert_eq!(codes, [QualityCode::TwoDigitYear, QualityCode::StaleRecord]);
        issues.clear();
        assert_eq!(
            parse("01/01/24", "lastUpdate", today(), &mut issues),
            NaiveDate::from_ymd_opt(2024, 1, 1)
        );
        assert_eq!(issues.len(), 1);
        assert_eq!(
            parse("15/03/1975", "x", today(), &mut Vec::new()),
            NaiveDate::from_ymd_opt(1975, 3, 15)
        );
        assert_eq!(
            parse("2023-03-15T10:30:45Z", "x", today(), &mut Vec::new()),
            NaiveDate::from_ymd_opt(2023, 3, 15)
        );
    }

    #[test]
    fn impossible_dates() {
        let mut issues = Vec::new();
        assert_eq!(parse("31/02/19", "lastUpdate", today(), &mut issues), None);
        assert_eq!(issues[0].code, QualityCode::InvalidDate);
        assert_eq!(parse("soon", "lastUpdate", today(), &mut issues), None);
    }
}
