//! Small mappings and checks of the social.brussels record: terms, languages, list
//! presence, language status.

use crate::lenient::{Labelled, Presence};
use crate::normalize::info;
use orienta_model::{
    I18nText, LangStatus, Organisation, QualityCode, QualityIssue, Severity, Term,
};

pub(super) fn term(labelled: &Labelled) -> Term {
    let fr = labelled.label_fr.clone().or_else(|| labelled.name.clone());
    Term {
        id: labelled.id,
        label: I18nText::new(fr, labelled.label_nl.clone()),
    }
}

pub(super) fn same_term(a: &Term, b: &Term) -> bool {
    match (a.id, b.id) {
        (Some(x), Some(y)) => x == y,
        _ => a.label == b.label,
    }
}

pub(super) fn language_value(labelled: &Labelled) -> Option<String> {
    labelled
        .code
        .clone()
        .or_else(|| labelled.label_fr.clone())
        .or_else(|| labelled.label_nl.clone())
        .or_else(|| labelled.name.clone())
}

pub(super) fn lang_status(text: &str) -> LangStatus {
    match text
        .trim()
        .to_uppercase()
        .replace(['_', ' ', '/'], "-")
        .as_str()
    {
        "FR" => LangStatus::Fr,
        "NL" => LangStatus::Nl,
        "FR-NL" | "NL-FR" | "BIL" => LangStatus::FrNl,
        _ => LangStatus::Other,
    }
}

/// Reports classification lists given as `null` next to lists given as `[]`.
pub(super) fn report_null_lists(lists: &[(&str, Presence)], issues: &mut Vec<QualityIssue>) {
    let nulls: Vec<&str> = lists
        .iter()
        .filter(|(_, p)| *p == Presence::Null)
        .map(|(f, _)| *f)
        .collect();
    let empties: Vec<&str> = lists
        .iter()
        .filter(|(_, p)| *p == Presence::Empty)
        .map(|(f, _)| *f)
        .collect();
    if nulls.is_empty() || empties.is_empty() {
        return;
    }
    issues.push(info(
        QualityCode::NullAsEmpty,
        nulls[0],
        format!(
            "`{}` null and `{}` empty: both read as no value",
            nulls.join("`, `"),
            empties.join("`, `")
        ),
    ));
}

/// Reports a `langStatus` that the filled names contradict.
pub(super) fn report_lang_status_conflict(
    organisation: &Organisation,
    issues: &mut Vec<QualityIssue>,
) {
    let has_fr = organisation.official_name.fr.is_some() || organisation.description.fr.is_some();
    let has_nl = organisation.official_name.nl.is_some() || organisation.description.nl.is_some();
    let conflict = match organisation.lang_status {
        Some(LangStatus::Fr) => has_nl && !has_fr,
        Some(LangStatus::Nl) => has_fr && !has_nl,
        Some(LangStatus::FrNl) => has_fr != has_nl,
        _ => false,
    };
    if conflict {
        let status = match organisation.lang_status {
            Some(LangStatus::Fr) => "FR",
            Some(LangStatus::Nl) => "NL",
            _ => "FR-NL",
        };
        let filled = if has_fr { "french" } else { "dutch" };
        issues.push(QualityIssue::new(
            QualityCode::LangStatusConflict,
            Severity::Warning,
            "langStatus",
            format!("langStatus {status} but only {filled} texts are filled"),
        ));
    }
}
