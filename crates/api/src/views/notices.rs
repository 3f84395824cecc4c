//! What a reader is told about a record's data, in their language: how old it is, whether
//! its map point is approximate, whether a contact was unreadable. The import's quality
//! codes, fields and file paths stay in the staff view and the import report.

use super::Texts;
use chrono::{Datelike, NaiveDate};
use orienta_model::{Organisation, QualityCode};
use serde::Serialize;
use utoipa::ToSchema;

/// Records whose sources were last updated more than this many years ago carry the
/// `stale` notice unless the configuration says otherwise.
pub const DEFAULT_STALE_AFTER_YEARS: u32 = 3;

const MONTHS_FR: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];
const MONTHS_NL: [&str; 12] = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
];
const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A notice for readers of a record.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct NoticeView {
    /// `stale` (old data: check before referring), `approximate_location` (the map point was
    /// placed from the street or postcode) or `contact_dropped` (a phone, e-mail or website
    /// of the source was unreadable and is not shown).
    #[schema(example = "stale")]
    pub kind: String,
    /// The sentence to show, in French, Dutch and English.
    pub text: Texts,
}

/// The first day a record is not stale: `years` before `today`.
pub fn stale_before(today: NaiveDate, years: u32) -> NaiveDate {
    let year = today.year() - i32::try_from(years).unwrap_or(i32::MAX / 2);
    NaiveDate::from_ymd_opt(year, today.month(), today.day().min(28)).unwrap_or(NaiveDate::MIN)
}

/// Whether the record's most recent source update is older than `stale_before`.
pub fn is_stale(organisation: &Organisation, stale_before: NaiveDate) -> bool {
    organisation
        .updated_at()
        .is_some_and(|updated| updated < stale_before)
}

/// The reader's notices of a record.
pub fn notices(organisation: &Organisation, stale_before: NaiveDate) -> Vec<NoticeView> {
    let mut notices = Vec::new();
    if let Some(updated) = organisation
        .updated_at()
        .filter(|date| *date < stale_before)
    {
        notices.push(stale(updated));
    }
    if organisation.has_flag(QualityCode::Geocoded) {
        notices.push(notice(
            "approximate_location",
            "Position sur la carte approximative : placée d’après la rue ou le code postal.",
            "Plaats op de kaart bij benadering: afgeleid uit de straat of de postcode.",
            "Approximate map position: placed from the street or the postcode.",
        ));
    }
    let dropped = [
        QualityCode::InvalidPhone,
        QualityCode::InvalidEmail,
        QualityCode::InvalidUrl,
    ];
    if dropped.iter().any(|code| organisation.has_flag(*code)) {
        notices.push(notice(
            "contact_dropped",
            "Un contact de la source était illisible et n’est pas affiché.",
            "Een contactgegeven van de bron was onleesbaar en wordt niet getoond.",
            "A contact detail of the source was unreadable and is not shown.",
        ));
    }
    notices
}

fn stale(updated: NaiveDate) -> NoticeView {
    let month = updated.month0() as usize;
    let year = updated.year();
    NoticeView {
        kind: "stale".to_owned(),
        text: Texts {
            fr: Some(format!(
                "Informations mises à jour en {} {year} — à vérifier avant d’orienter.",
                MONTHS_FR[month]
            )),
            nl: Some(format!(
                "Gegevens van {} {year} — controleer ze vóór u doorverwijst.",
                MONTHS_NL[month]
            )),
            en: Some(format!(
                "Information last updated in {} {year} — check it before referring.",
                MONTHS_EN[month]
            )),
        },
    }
}

fn notice(kind: &str, fr: &str, nl: &str, en: &str) -> NoticeView {
    NoticeView {
        kind: kind.to_owned(),
        text: Texts {
            fr: Some(fr.to_owned()),
            nl: Some(nl.to_owned()),
            en: Some(en.to_owned()),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn three_years_before_a_day() {
        let today = NaiveDate::from_ymd_opt(2026, 12, 4).unwrap();
        assert_eq!(
            stale_before(today, 3),
            NaiveDate::from_ymd_opt(2023, 12, 4).unwrap()
        );
        let leap = NaiveDate::from_ymd_opt(2024, 2, 29).unwrap();
        assert_eq!(
            stale_before(leap, 1),
            NaiveDate::from_ymd_opt(2023, 2, 28).unwrap()
        );
    }

    #[test]
    fn the_stale_sentence_names_the_month_in_each_language() {
        let notice = stale(NaiveDate::from_ymd_opt(2020, 6, 15).unwrap());
        assert_eq!(
            notice.text.fr.as_deref(),
            Some("Informations mises à jour en juin 2020 — à vérifier avant d’orienter.")
        );
        assert!(notice
            .text
            .nl
            .unwrap()
            .starts_with("Gegevens van juni 2020"));
    }
}
