//! Postcodes: `1050`, `"B-1050 "`, `"BE 1050"` → `1050`.

use super::{info, warning};
use orienta_model::{QualityCode, QualityIssue};

/// Cleans a postcode given as text (integers arrive already as their digits).
pub fn clean(raw: &str, field: &str, issues: &mut Vec<QualityIssue>) -> Option<String> {
    let trimmed = raw.trim();
    if trimmed.is_empty() {
        return None;
    }
    let upper = trimmed.to_uppercase();
    let without_prefix = ["BE-", "BE ", "B-", "B ", "BE", "B"]
        .iter()
        .find_map(|prefix| upper.strip_prefix(prefix))
        .unwrap_or(&upper);
    let mut digits = String::with_capacity(without_prefix.len());
    digits.extend(without_prefix.chars().filter(|c| !c.is_whitespace()));
    if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
        issues.push(warning(
            QualityCode::InvalidPostcode,
            field,
            format!("`{trimmed}` is not a postcode; ignored"),
        ));
        return None;
    }
    if digits != raw {
        issues.push(info(
            QualityCode::PostcodeCleaned,
            field,
            format!("cleaned `{raw}` to `{digits}`"),
        ));
    }
    Some(digits)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cleans_prefixes() {
        let mut issues = Vec::new();
        assert_eq!(clean("1030", "zip", &mut issues).as_deref(), Some("1030"));
        assert!(issues.is_empty());
        assert_eq!(
            clean("B-1050 ", "zip", &mut issues).as_deref(),
            Some("1050")
        );
        assert_eq!(issues[0].code, QualityCode::PostcodeCleaned);
        assert_eq!(
            clean("75011", "zip", &mut Vec::new()).as_deref(),
            Some("75011")
        );
        assert_eq!(clean("Bruxelles", "zip", &mut issues), None);
    }
}
