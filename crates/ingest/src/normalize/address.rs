//! Street, house number and box: split out of each other (`RUE HAUTE 322`, `12 bte 3`, `12/3`).

use super::info;
use orienta_model::{QualityCode, QualityIssue};

/// Words that introduce a box number (boîte / bus).
const BOX_WORDS: &[&str] = &["boîte", "boite", "bte", "bt", "bus", "box", "bx", "b"];

/// A house number with its box split out.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NumberAndBox {
    /// House number (`12`, `12A`, `12-14`).
    pub number: Option<String>,
    /// Box.
    pub box_number: Option<String>,
}

fn is_house_number(token: &str) -> bool {
    let mut chars = token.chars();
    chars.next().is_some_and(|c| c.is_ascii_digit())
        && token.len() <= 9
        && token.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
}

/// Splits `12 bte 3`, `12/3`, `12 bus 3`, `12 b.3`, `12 boîte A` into number and box.
pub fn split_box(text: &str) -> NumberAndBox {
    let text = text.trim().trim_end_matches(',');
    if text.is_empty() {
        return NumberAndBox::default();
    }
    if let Some((number, box_number)) = text.split_once('/') {
        if is_house_number(number.trim()) && !box_number.trim().is_empty() {
            return NumberAndBox {
                number: Some(number.trim().to_owned()),
                box_number: Some(box_number.trim().to_owned()),
            };
        }
    }
    let lowered = text.to_lowercase();
    let tokens: Vec<&str> = lowered
        .split([' ', ','])
        .filter(|t| !t.is_empty())
        .collect();
    let original: Vec<&str> = text.split([' ', ',']).filter(|t| !t.is_empty()).collect();
    for (index, token) in tokens.iter().enumerate().skip(1) {
        let word = token.trim_end_matches('.');
        // `b.3` glued: the box word and the value in one token.
        let glued = token
            .strip_prefix("b.")
            .or_else(|| token.strip_prefix("bte"))
            .or_else(|| token.strip_prefix("bus"))
            .filter(|rest| !rest.is_empty() && rest.chars().all(|c| c.is_ascii_alphanumeric()));
        let box_value = if BOX_WORDS.contains(&word) {
            original.get(index + 1..).map(|rest| rest.join(" "))
        } else {
            glued.map(|rest| rest.to_uppercase())
        };
        if let Some(box_value) = box_value.filter(|b| !b.is_empty()) {
            return NumberAndBox {
                number: Some(original[..index].join(" ")),
                box_number: Some(box_value),
            };
        }
    }
    NumberAndBox {
        number: Some(text.to_owned()),
        box_number: None,
    }
}

/// Splits a trailing house number (and box) out of a street: `RUE HAUTE 322` → `RUE HAUTE`, `322`.
pub fn split_street(street: &str) -> Option<(String, NumberAndBox)> {
    // `27 - 29` is one number range.
    let mut tokens: Vec<String> = Vec::new();
    for token in street.split_whitespace() {
        let starts_with_digit = token.chars().next().is_some_and(|c| c.is_ascii_digit());
        let len = tokens.len();
        if starts_with_digit
            && len >= 2
            && tokens[len - 1] == "-"
            && tokens[len - 2].chars().all(|c| c.is_ascii_digit())
        {
            tokens.pop();
            tokens[len - 2] = format!("{}-{token}", tokens[len - 2]);
            continue;
        }
        tokens.push(token.to_owned());
    }
    (1..tokens.len()).find_map(|start| {
        if !is_house_number(tokens[start].trim_end_matches(',').split('/').next()?) {
            return None;
        }
        let found = split_box(&tokens[start..].join(" "));
        let number_ok = found.number.as_deref().is_some_and(is_house_number);
        let box_ok = found
            .box_number
            .as_deref()
            .is_none_or(|b| !b.contains(' ') && b.len() <= 6);
        let street_part = tokens[..start].join(" ").trim_end_matches(',').to_owned();
        (number_ok && box_ok).then_some((street_part, found))
    })
}

/// A postal address's street parts, cleaned.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StreetParts {
    /// Street per language.
    pub street_fr: Option<String>,
    /// Street in Dutch.
    pub street_nl: Option<String>,
    /// House number.
    pub number: Option<String>,
    /// Box.
    pub box_number: Option<String>,
}

/// Splits number and box out of the street and number fields.
///
/// `fields` names the source fields: street FR, street NL, number.
pub fn split(
    mut parts: StreetParts,
    fields: [&str; 3],
    issues: &mut Vec<QualityIssue>,
) -> StreetParts {
    let [street_fr_field, street_nl_field, number_field] = fields;
    for (street, field) in [
        (&mut parts.street_fr, street_fr_field),
        (&mut parts.street_nl, street_nl_field),
    ] {
        let Some((street_only, found)) = street.as_deref().and_then(split_street) else {
            continue;
        };
        if parts.number.is_none() {
            parts.number = found.number.clone();
            if parts.box_number.is_none() {
                parts.box_number = found.box_number.clone();
            }
        }
        issues.push(info(
            QualityCode::AddressSplit,
            field,
            format!(
                "split `{}` into street `{street_only}` and number `{}`",
                street.as_deref().unwrap_or_default(),
                found.number.as_deref().unwrap_or_default()
            ),
        ));
        *street = Some(street_only);
    }
    parts.box_number = parts
        .box_number
        .take()
        .and_then(|box_text| clean_box(&box_text));
    if let Some(number) = parts.number.clone() {
        let split = split_box(&number);
        if split.box_number.is_some() {
            issues.push(info(
                QualityCode::AddressSplit,
                number_field,
                format!(
                    "split `{number}` into number `{}` and box `{}`",
                    split.number.as_deref().unwrap_or_default(),
                    split.box_number.as_deref().unwrap_or_default()
                ),
            ));
            parts.number = split.number;
            if parts.box_number.is_none() {
                parts.box_number = split.box_number;
            }
        }
    }
    parts
}

/// A box field without its box word: `bte 15`, `bus 15`, `b.15` → `15`.
fn clean_box(text: &str) -> Option<String> {
    let trimmed = text.trim();
    let lowered = trimmed.to_lowercase();
    let without_word = BOX_WORDS
        .iter()
        .find_map(|word| {
            let rest = lowered.strip_prefix(word)?;
            let rest = rest.trim_start_matches(['.', ':', ' ']);
            (rest.len() < lowered.len() - word.len() + 1 && !rest.is_empty())
                .then(|| trimmed[trimmed.len() - rest.len()..].to_owned())
        })
        .unwrap_or_else(|| trimmed.to_owned());
    (!without_word.is_empty()).then_some(without_word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn box_word_is_dropped_from_the_box_field() {
        assert_eq!(clean_box("bte 15").as_deref(), Some("15"));
        assert_eq!(clean_box("Bus 3").as_deref(), Some("3"));
        assert_eq!(clean_box("b.4").as_deref(), Some("4"));
        assert_eq!(clean_box("12").as_deref(), Some("12"));
        assert_eq!(clean_box("  ").as_deref(), None);
    }

    #[test]
    fn box_variants() {
        for raw in [
            "12 bte 3",
            "12/3",
            "12 bus 3",
            "12 b.3",
            "12 boîte 3",
            "12 b 3",
            "12 bte3",
        ] {
            let split = split_box(raw);
            assert_eq!(split.number.as_deref(), Some("12"), "{raw}");
            assert_eq!(split.box_number.as_deref(), Some("3"), "{raw}");
        }
        assert_eq!(split_box("12A").box_number, None);
        assert_eq!(split_box("12-14").number.as_deref(), Some("12-14"));
    }

    #[test]
    fn number_inside_street() {
        let mut issues = Vec::new();
        let parts = split(
            StreetParts {
                street_fr: Some("RUE HAUTE 322".into()),
                street_nl: Some("HOOGSTRAAT 322".into()),
                ..Default::default()
            },
            ["address.streetFr", "address.streetNl", "address.number"],
            &mut issues,
        );
        assert_eq!(parts.street_fr.as_deref(), Some("RUE HAUTE"));
        assert_eq!(parts.street_nl.as_deref(), Some("HOOGSTRAAT"));
        assert_eq!(parts.number.as_deref(), Some("322"));
        assert_eq!(issues.len(), 2);
        let (street, found) = split_street("BD. J. GRAINDOR 66").unwrap();
        assert_eq!(
            (street.as_str(), found.number.as_deref()),
            ("BD. J. GRAINDOR", Some("66"))
        );
        assert_eq!(split_street("Rue du 11 Novembre"), None);
        let (street, found) = split_street("RUE DU MOULIN 27 - 29").unwrap();
        assert_eq!(
            (street.as_str(), found.number.as_deref()),
            ("RUE DU MOULIN", Some("27-29"))
        );
        let (street, found) = split_street("Avenue du 11 Novembre 5 bte 2").unwrap();
        assert_eq!(street, "Avenue du 11 Novembre");
        assert_eq!(found.box_number.as_deref(), Some("2"));
    }
}
