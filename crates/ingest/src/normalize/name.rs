//! Display names derived from UPPER CASE official names, acronyms kept.

use super::info;
use orienta_model::{QualityCode, QualityIssue};
pub use orienta_text::case::{is_upper_case, title_case};

/// The display form of an official name: title case when it is all capitals.
pub fn display(official: &str, field: &str, issues: &mut Vec<QualityIssue>) -> String {
    if !is_upper_case(official) {
        return official.to_owned();
    }
    let display = title_case(official);
    if display != official {
        issues.push(info(
            QualityCode::NameNormalised,
            field,
            format!("display name `{display}` derived from the upper-case `{official}`"),
        ));
    }
    display
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mixed_case_kept() {
        let mut issues = Vec::new();
        assert_eq!(
            display("ASBL Exemple 1", "nameOfficialFr", &mut issues),
            "ASBL Exemple 1"
        );
        assert!(issues.is_empty());
        display("CPAS D'IXELLES", "nameOfficialFr", &mut issues);
        assert_eq!(issues[0].code, QualityCode::NameNormalised);
    }
}
