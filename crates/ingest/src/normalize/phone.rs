//! Phone numbers to E.164, following the Belgian numbering plan.
//!
//! Belgian national significant numbers have 8 digits (`2 xxx xx xx` Brussels, `4x xx xx xx`
//! Liège, `800 xx xxx` freephone…) except mobiles (`45x`–`49x`), which have 9. Foreign
//! numbers written with `+` or `00` are accepted with 8 to 15 digits.

use super::{info, warning};
use orienta_model::{Phone, PhoneKind, QualityCode, QualityIssue};

/// Why a phone number was rejected.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Rejection {
    NoDigits,
    TooShort(usize),
    TooLong(usize),
    NoTrunkPrefix,
}

impl Rejection {
    fn describe(&self) -> String {
        match self {
            Rejection::NoDigits => "no digits".to_owned(),
            Rejection::TooShort(n) => format!("too short ({n} digits)"),
            Rejection::TooLong(n) => format!("too long ({n} digits)"),
            Rejection::NoTrunkPrefix => "national number without leading 0".to_owned(),
        }
    }
}

/// Labels written before numbers (`Tél:`, `Tel.`, `GSM`, `Fax`).
const FAX_LABELS: &[&str] = &["fax", "telefax", "f"];

/// Splits `Tél: 02…` into the label (lowercased) and the rest.
fn split_label(raw: &str) -> (String, &str) {
    let start = raw
        .char_indices()
        .find(|(_, c)| c.is_ascii_digit() || *c == '+' || *c == '(')
        .map(|(index, _)| index)
        .unwrap_or(raw.len());
    let label = raw[..start]
        .trim()
        .trim_end_matches([':', '.', '-'])
        .trim()
        .to_lowercase();
    (label, &raw[start..])
}

/// Splits `02 000 12 34 - 35` into the first number and the range end.
fn split_range(number: &str) -> (&str, Option<&str>) {
    // Every separator holds a dash or a space: most numbers have neither.
    if !number.contains(['-', '–', ' ']) {
        return (number, None);
    }
    for separator in [" - ", " – ", "-", "–", " à ", " tot ", " a "] {
        if let Some(index) = number.rfind(separator) {
            let tail = number[index + separator.len()..].trim();
            let is_range_end =
                !tail.is_empty() && tail.len() <= 3 && tail.chars().all(|c| c.is_ascii_digit());
            let head_is_number = to_e164(&number[..index]).is_ok();
            if is_range_end && head_is_number && to_e164(number).is_err() {
                return (&number[..index], Some(tail));
            }
        }
    }
    (number, None)
}

/// The E.164 form and kind of a number, or why it is rejected.
fn to_e164(number: &str) -> Result<(String, bool), Rejection> {
    let trimmed = number.trim();
    let international = trimmed.starts_with('+') || trimmed.starts_with("00");
    // `+32 (0)2 …`: the trunk 0 in parentheses is dropped.
    let without_trunk = if trimmed.contains("(0)") {
        std::borrow::Cow::Owned(trimmed.replace("(0)", ""))
    } else {
        std::borrow::Cow::Borrowed(trimmed)
    };
    let cut = without_trunk
        .find(|c: char| c.is_alphabetic())
        .map(|index| &without_trunk[..index])
        .unwrap_or(&without_trunk);
    let mut digits = String::with_capacity(cut.len());
    digits.extend(cut.chars().filter(char::is_ascii_digit));
    if digits.is_empty() {
        return Err(Rejection::NoDigits);
    }
    if international {
        if trimmed.starts_with("00") {
            digits.drain(..2);
        }
        match digits.strip_prefix("32") {
            Some(national) => digits = national.trim_start_matches('0').to_owned(),
            None => {
                return match digits.len() {
                    0..=7 => Err(Rejection::TooShort(digits.len())),
                    8..=15 => Ok((format!("+{digits}"), false)),
                    n => Err(Rejection::TooLong(n)),
                };
            }
        }
    } else {
        match digits.strip_prefix('0') {
            Some(national) => digits = national.to_owned(),
            None if digits.len() < 8 => return Err(Rejection::TooShort(digits.len())),
            None => return Err(Rejection::NoTrunkPrefix),
        }
    }
    let mobile = digits.starts_with("45")
        || digits.starts_with("46")
        || digits.starts_with("47")
        || digits.starts_with("48")
        || digits.starts_with("49");
    let expected = if mobile { 9 } else { 8 };
    match digits.len() {
        n if n < expected => Err(Rejection::TooShort(n + 1)),
        n if n > expected => Err(Rejection::TooLong(n + 1)),
        _ => Ok((format!("+32{digits}"), mobile)),
    }
}

/// Normalises one raw phone value (which may hold several numbers separated by `;` or `/ `)
/// and appends the valid ones to `phones`, skipping numbers already there.
pub fn normalise(
    raw: &str,
    kind: PhoneKind,
    field: &str,
    phones: &mut Vec<Phone>,
    issues: &mut Vec<QualityIssue>,
) {
    for part in raw
        .split([';', '\n'])
        .map(|p| p.trim().trim_matches(['"', '\'']).trim())
        .filter(|p| !p.is_empty())
    {
        let (label, number) = split_label(part);
        let (first, range_end) = split_range(number);
        let kind = if FAX_LABELS.contains(&label.as_str()) {
            PhoneKind::Fax
        } else {
            kind
        };
        match to_e164(first) {
            Ok((e164, mobile)) => {
                if !label.is_empty() {
                    issues.push(info(
                        QualityCode::PhoneNormalised,
                        field,
                        format!("removed the label `{label}` from `{part}`"),
                    ));
                }
                if let Some(end) = range_end {
                    issues.push(warning(
                        QualityCode::PhoneNormalised,
                        field,
                        format!(
                            "`{part}` is a range ending in {end}: kept the first number {e164}"
                        ),
                    ));
                }
                if phones.iter().any(|phone| phone.e164 == e164) {
                    continue;
                }
                let kind = match kind {
                    PhoneKind::Voice if mobile => PhoneKind::Mobile,
                    other => other,
                };
                phones.push(Phone {
                    e164,
                    raw: part.to_owned(),
                    kind,
                });
            }
            Err(rejection) => issues.push(warning(
                QualityCode::InvalidPhone,
                field,
                format!("dropped `{part}`: {}", rejection.describe()),
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(raw: &str) -> (Vec<Phone>, Vec<QualityIssue>) {
        let mut phones = Vec::new();
        let mut issues = Vec::new();
        normalise(raw, PhoneKind::Voice, "telFr[0]", &mut phones, &mut issues);
        (phones, issues)
    }

    #[test]
    fn belgian_variants() {
        for raw in [
            "02/000.12.34",
            "+32 (0)2 000 12 34",
            "0032 2 000 12 34",
            "02 000 12 34",
        ] {
            let (phones, issues) = one(raw);
            assert_eq!(phones[0].e164, "+3220001234", "{raw}");
            assert!(issues.is_empty(), "{raw}: {issues:?}");
        }
        assert_eq!(one("02/435.51.38").0[0].e164, "+3224355138");
        assert_eq!(one("0800 12 345").0[0].e164, "+3280012345");
        assert_eq!(one("04 123 45 67").0[0].kind, PhoneKind::Voice);
    }

    #[test]
    fn labels_ranges_mobiles() {
        let (phones, issues) = one("Tél: 0470/00.00.00");
        assert_eq!(phones[0].e164, "+32470000000");
        assert_eq!(phones[0].kind, PhoneKind::Mobile);
        assert_eq!(issues[0].code, QualityCode::PhoneNormalised);
        let (phones, issues) = one("02 000 12 34 - 35");
        assert_eq!(phones[0].e164, "+3220001234");
        assert!(issues[0].message.contains("range"));
        let (phones, _) = one("Fax: 02/000.12.35");
        assert_eq!(phones[0].kind, PhoneKind::Fax);
    }

    #[test]
    fn rejects_short_and_foreign_ok() {
        let (phones, issues) = one("0470/00.00.0");
        assert!(phones.is_empty());
        assert_eq!(issues[0].code, QualityCode::InvalidPhone);
        assert!(one("1718").0.is_empty());
        assert_eq!(one("\"+44 1234 234567\"").0[0].e164, "+441234234567");
    }
}
