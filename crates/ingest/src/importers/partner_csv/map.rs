//! One organisation from the rows sharing its id: names and texts from the first row that
//! has them, contacts, languages and needs from every row, one location per row.

use super::super::common::{self, RawAddress};
use super::{Row, COLUMNS};
use crate::draft::{empty_organisation, Draft, Parsed, Position, SourceContext};
use crate::normalize::{info, kbo};
use orienta_model::{
    external_id_scheme, ExternalId, I18nText, Organisation, PhoneKind, Provenance, QualityCode,
    QualityIssue, SourceSystem, Term,
};

/// The first non-empty value of `column` among the rows.
fn first<'a>(rows: &'a [Row], column: &str) -> Option<&'a str> {
    rows.iter().find_map(|row| row.get(column))
}

/// The rows' known values, as the raw text the provenance hashes.
fn raw_text(rows: &[Row]) -> String {
    rows.iter()
        .map(|row| {
            COLUMNS
                .iter()
                .map(|c| row.get(c).unwrap_or_default())
                .collect::<Vec<_>>()
                .join("\u{1f}")
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Whether the `synthetic` column says yes in any of the languages.
fn is_synthetic(rows: &[Row]) -> bool {
    first(rows, "synthetic").is_some_and(|v| {
        matches!(
            v.to_lowercase().as_str(),
            "true" | "1" | "yes" | "oui" | "ja"
        )
    })
}

/// The French and Dutch texts of two columns as one bilingual text.
fn text_pair(rows: &[Row], fr: &str, nl: &str, issues: &mut Vec<QualityIssue>) -> I18nText {
    let fr_text = common::block(first(rows, fr), fr, issues);
    let nl_text = common::block(first(rows, nl), nl, issues);
    common::text_pair(fr_text, nl_text, [fr, nl], issues)
}

/// The description, audience and opening hours.
fn texts(organisation: &mut Organisation, rows: &[Row], issues: &mut Vec<QualityIssue>) {
    organisation.description = text_pair(rows, "description_fr", "description_nl", issues);
    organisation.audience = text_pair(rows, "audience_fr", "audience_nl", issues);
    let hours_fr = common::block(first(rows, "hours_fr"), "hours_fr", issues);
    let hours_nl = common::block(first(rows, "hours_nl"), "hours_nl", issues);
    organisation.schedule = common::schedule(hours_fr, hours_nl, ["hours_fr", "hours_nl"], issues);
    if let Some(serves) = common::block(first(rows, "serves"), "serves", issues) {
        organisation.serves = crate::service_area::stated(serves, "serves");
    }
}

/// Every row's phones, e-mails and websites, then the languages of all rows.
fn contacts_and_languages(
    organisation: &mut Organisation,
    rows: &[Row],
    issues: &mut Vec<QualityIssue>,
) {
    for row in rows {
        common::phones(
            organisation,
            &row.list("phone"),
            &format!("phone (line {})", row.line),
            PhoneKind::Voice,
            issues,
        );
        common::emails(
            organisation,
            &row.list("email"),
            &format!("email (line {})", row.line),
            issues,
        );
        common::websites(
            organisation,
            &row.list("website"),
            &format!("website (line {})", row.line),
            issues,
        );
    }
    let languages: Vec<String> = rows.iter().flat_map(|row| row.list("languages")).collect();
    common::languages(organisation, &languages, "languages", issues);
    common::finish_languages(organisation);
}

/// The categories, French and Dutch lists paired by position (from the first row that has
/// each).
fn categories(organisation: &mut Organisation, rows: &[Row]) {
    let list_of = |column: &str| {
        rows.iter()
            .find(|r| r.get(column).is_some())
            .map(|r| r.list(column))
            .unwrap_or_default()
    };
    let categories_fr = list_of("categories_fr");
    let categories_nl = list_of("categories_nl");
    for index in 0..categories_fr.len().max(categories_nl.len()) {
        organisation.categories.push(Term {
            id: None,
            label: I18nText::new(
                categories_fr.get(index).cloned(),
                categories_nl.get(index).cloned(),
            ),
        });
    }
}

/// The need concepts the rows give that the thesaurus knows; others are reported.
fn given_needs(
    rows: &[Row],
    context: &SourceContext<'_>,
    issues: &mut Vec<QualityIssue>,
) -> Vec<String> {
    let mut given_needs = Vec::new();
    for need in rows.iter().flat_map(|row| row.list("needs")) {
        if context.thesaurus.concept(&need).is_some() {
            given_needs.push(need);
        } else {
            issues.push(info(
                QualityCode::UnknownValue,
                "needs",
                format!("unknown need concept `{need}` dropped"),
            ));
        }
    }
    given_needs
}

/// The partner's id and the KBO number.
fn identifiers(
    organisation: &mut Organisation,
    rows: &[Row],
    id: &str,
    issues: &mut Vec<QualityIssue>,
) {
    organisation.external_ids.push(ExternalId {
        scheme: external_id_scheme::PARTNER_CSV.to_owned(),
        value: id.to_owned(),
        url: None,
    });
    if let Some(value) = first(rows, "kbo") {
        kbo::normalise(value, "kbo", &mut organisation.external_ids, issues);
    }
}

/// The location of a row with any address part or coordinate.
fn row_location(
    row: &Row,
    location_id: String,
    source: &Provenance,
    issues: &mut Vec<QualityIssue>,
) -> Option<(orienta_model::Location, Position)> {
    let coordinate = |column: &str| {
        row.get(column)
            .and_then(|v| v.replace(',', ".").parse::<f64>().ok())
    };
    let has_address = ["street_fr", "street_nl", "postcode", "city", "lat", "lon"]
        .iter()
        .any(|c| row.get(c).is_some());
    if !has_address {
        return None;
    }
    let raw_address = RawAddress {
        street_fr: row.get("street_fr"),
        street_nl: row.get("street_nl"),
        number: row.get("number"),
        box_number: row.get("box"),
        postcode: row.get("postcode"),
        city_fr: row.get("city"),
        city_nl: None,
        country: None,
        lat: coordinate("lat"),
        lon: coordinate("lon"),
        lambert_x: None,
        lambert_y: None,
    };
    let line = row.line;
    let fields = [
        format!("street_fr (line {line})"),
        format!("street_nl (line {line})"),
        format!("number (line {line})"),
        format!("postcode (line {line})"),
    ];
    let field_refs = [
        fields[0].as_str(),
        fields[1].as_str(),
        fields[2].as_str(),
        fields[3].as_str(),
    ];
    Some(common::location(
        &raw_address,
        field_refs,
        location_id,
        source,
        issues,
    ))
}

/// One location per row with an address (reported when none has); returns the positions.
fn locations(
    organisation: &mut Organisation,
    rows: &[Row],
    id: &str,
    source: &Provenance,
    issues: &mut Vec<QualityIssue>,
) -> Vec<Position> {
    let mut positions = Vec::new();
    for (index, row) in rows.iter().enumerate() {
        let location_id = format!("{id}/location/{index}");
        let Some((location, position)) = row_location(row, location_id, source, issues) else {
            continue;
        };
        organisation.locations.push(location);
        positions.push(position);
    }
    if organisation.locations.is_empty() {
        common::no_address(issues, "street_fr");
    }
    positions
}

/// Maps the rows of one id to a draft (or rejects them when there is no name).
pub(super) fn map(id: &str, rows: &[Row], context: &SourceContext<'_>) -> Parsed {
    let mut issues: Vec<QualityIssue> = Vec::new();
    let issues = &mut issues;
    let source = context.provenance(SourceSystem::PartnerCsv, id, None, &raw_text(rows));
    let mut organisation = empty_organisation(source.clone(), is_synthetic(rows));
    let name_fr = common::line(first(rows, "name_fr"), "name_fr", issues);
    let name_nl = common::line(first(rows, "name_nl"), "name_nl", issues);
    if name_fr.is_none() && name_nl.is_none() {
        return super::super::missing(
            Some(id.to_owned()),
            "name_fr",
            "no name in any language; record rejected",
        );
    }
    common::set_names(
        &mut organisation,
        name_fr,
        name_nl,
        ["name_fr", "name_nl"],
        issues,
    );
    texts(&mut organisation, rows, issues);
    contacts_and_languages(&mut organisation, rows, issues);
    categories(&mut organisation, rows);
    let given_needs = given_needs(rows, context, issues);
    identifiers(&mut organisation, rows, id, issues);
    let positions = locations(&mut organisation, rows, id, &source, issues);
    common::report_missing_languages(&organisation, ["name_fr", "name_nl"], issues);
    organisation.quality = std::mem::take(issues);
    Parsed::Accepted(Box::new(Draft {
        organisation,
        positions,
        case: None,
        given_needs,
    }))
}
