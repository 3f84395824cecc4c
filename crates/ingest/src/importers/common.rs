//! Mapping steps shared by the importers: names, texts, contacts, addresses, hours.

use crate::draft::Position;
use crate::normalize::{self, address, info, language, name, text, warning};
use orienta_model::{
    Address, I18nText, Lang, Location, Organisation, PhoneKind, Provenance, QualityCode,
    QualityIssue, Schedule,
};

/// Cleans an optional one-line value.
pub fn line(raw: Option<&str>, field: &str, issues: &mut Vec<QualityIssue>) -> Option<String> {
    raw.and_then(|raw| text::clean_line(raw, field, issues))
}

/// Cleans an optional free text.
pub fn block(raw: Option<&str>, field: &str, issues: &mut Vec<QualityIssue>) -> Option<String> {
    raw.and_then(|raw| text::clean(raw, field, issues))
}

/// Joins cleaned parts with a blank line; `None` when all are empty.
pub fn join(parts: &[Option<String>], separator: &str) -> Option<String> {
    let present: Vec<&str> = parts.iter().flatten().map(String::as_str).collect();
    (!present.is_empty()).then(|| present.join(separator))
}

/// A FR/NL text pair checked for copies and wrong languages.
pub fn text_pair(
    fr: Option<String>,
    nl: Option<String>,
    fields: [&str; 2],
    issues: &mut Vec<QualityIssue>,
) -> I18nText {
    let (fr, nl) = language::check_pair(fr, nl, fields, language::TextKind::Text, issues);
    I18nText::new(fr, nl)
}

/// Sets official and display names from cleaned FR/NL official names.
pub fn set_names(
    organisation: &mut Organisation,
    fr: Option<String>,
    nl: Option<String>,
    fields: [&str; 2],
    issues: &mut Vec<QualityIssue>,
) {
    let (fr, nl) = language::check_pair(fr, nl, fields, language::TextKind::Name, issues);
    organisation.official_name = I18nText::new(fr.clone(), nl.clone());
    let display_fr = fr.map(|n| name::display(&n, fields[0], issues));
    let display_nl = nl.map(|n| name::display(&n, fields[1], issues));
    organisation.name = I18nText::new(display_fr, display_nl);
}

/// Reports a missing French or Dutch name.
pub fn report_missing_languages(
    organisation: &Organisation,
    fields: [&str; 2],
    issues: &mut Vec<QualityIssue>,
) {
    if organisation.name.fr.is_none() {
        issues.push(info(
            QualityCode::MissingFr,
            fields[0],
            "no french name; displays fall back to another language",
        ));
    }
    if organisation.name.nl.is_none() {
        issues.push(info(
            QualityCode::MissingNl,
            fields[1],
            "no dutch name; displays fall back to another language",
        ));
    }
}

/// Adds names to a list unless an equal one (folded) is there.
pub fn push_names(names: &mut Vec<String>, new: impl IntoIterator<Item = String>) {
    for candidate in new {
        let folded = orienta_text::fold(&candidate);
        if !folded.is_empty() && !names.iter().any(|n| orienta_text::fold(n) == folded) {
            names.push(candidate);
        }
    }
}

/// Normalises a list of phone values named `base[index]`.
pub fn phones(
    organisation: &mut Organisation,
    values: &[String],
    base: &str,
    kind: PhoneKind,
    issues: &mut Vec<QualityIssue>,
) {
    for (index, value) in values.iter().enumerate() {
        let field = indexed_field(base, index);
        normalize::phone::normalise(value, kind, &field, &mut organisation.phones, issues);
    }
}

/// The name of a list item's field (`telFr[1]`).
pub fn indexed_field(base: &str, index: usize) -> String {
    format!("{base}[{index}]")
}

/// Normalises a list of e-mail values.
pub fn emails(
    organisation: &mut Organisation,
    values: &[String],
    base: &str,
    issues: &mut Vec<QualityIssue>,
) {
    for (index, value) in values.iter().enumerate() {
        let field = indexed_field(base, index);
        normalize::email::normalise(value, &field, &mut organisation.emails, issues);
    }
}

/// Normalises a list of website values.
pub fn websites(
    organisation: &mut Organisation,
    values: &[String],
    base: &str,
    issues: &mut Vec<QualityIssue>,
) {
    for (index, value) in values.iter().enumerate() {
        let field = indexed_field(base, index);
        normalize::web::normalise(value, &field, &mut organisation.websites, issues);
    }
}

/// Adds spoken languages (codes or names); unknown ones are reported.
pub fn languages(
    organisation: &mut Organisation,
    values: &[String],
    field: &str,
    issues: &mut Vec<QualityIssue>,
) {
    for value in values {
        match orienta_text::spoken::to_code(value) {
            Some(code) => organisation.languages.push(code.to_owned()),
            None => issues.push(info(
                QualityCode::UnknownValue,
                field,
                format!("unknown language `{value}` ignored"),
            )),
        }
    }
}

/// Sorts and deduplicates the spoken languages.
pub fn finish_languages(organisation: &mut Organisation) {
    organisation.languages.sort();
    organisation.languages.dedup();
}

/// Parses FR/NL opening-hours texts into a schedule; the text is always kept.
pub fn schedule(
    fr: Option<String>,
    nl: Option<String>,
    fields: [&str; 2],
    issues: &mut Vec<QualityIssue>,
) -> Schedule {
    let text = I18nText::new(fr, nl);
    let mut weekly = Vec::new();
    let mut leftover: Vec<String> = Vec::new();
    let mut field_used = fields[0];
    for (lang, field) in [(Lang::Fr, fields[0]), (Lang::Nl, fields[1])] {
        // Slots read from the French text are kept: the Dutch one is not read then.
        if !weekly.is_empty() {
            break;
        }
        let Some(hours) = text.get(lang) else {
            continue;
        };
        let parsed = normalize::hours::parse(hours, lang);
        if weekly.is_empty() && !parsed.slots.is_empty() {
            weekly = parsed.slots;
            leftover = parsed.leftover;
            field_used = field;
        } else if weekly.is_empty() {
            leftover = parsed.leftover;
            field_used = field;
        }
    }
    if text.is_empty() {
        return Schedule::default();
    }
    if weekly.is_empty() {
        issues.push(info(
            QualityCode::HoursUnstructured,
            field_used,
            "opening hours kept as text only",
        ));
    } else if !leftover.is_empty() {
        issues.push(info(
            QualityCode::HoursUnstructured,
            field_used,
            format!(
                "opening hours partly structured; kept as text only: `{}`",
                leftover.join(" ")
            ),
        ));
    }
    Schedule { text, weekly }
}

/// The raw parts of a postal address, as read from a source.
#[derive(Debug, Clone, Default)]
pub struct RawAddress<'a> {
    pub street_fr: Option<&'a str>,
    pub street_nl: Option<&'a str>,
    pub number: Option<&'a str>,
    pub box_number: Option<&'a str>,
    pub postcode: Option<&'a str>,
    pub city_fr: Option<&'a str>,
    pub city_nl: Option<&'a str>,
    pub country: Option<&'a str>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub lambert_x: Option<f64>,
    pub lambert_y: Option<f64>,
}

/// Source field names of an address: street FR, street NL, number, postcode.
pub type AddressFields<'a> = [&'a str; 4];

/// Builds a location and the position to tag from raw address parts.
pub fn location(
    raw: &RawAddress<'_>,
    fields: AddressFields<'_>,
    location_id: String,
    source: &Provenance,
    issues: &mut Vec<QualityIssue>,
) -> (Location, Position) {
    let [street_fr_field, street_nl_field, number_field, postcode_field] = fields;
    let mut street_fr = line(raw.street_fr, street_fr_field, issues);
    let mut street_nl = line(raw.street_nl, street_nl_field, issues);
    split_single_street(
        &mut street_fr,
        &mut street_nl,
        [street_fr_field, street_nl_field],
        issues,
    );
    let parts = address::split(
        address::StreetParts {
            street_fr,
            street_nl,
            number: line(raw.number, number_field, issues),
            box_number: line(raw.box_number, number_field, issues),
        },
        [street_fr_field, street_nl_field, number_field],
        issues,
    );
    let postcode = raw
        .postcode
        .and_then(|p| normalize::postcode::clean(p, postcode_field, issues));
    let city = I18nText::new(raw.city_fr.map(display_city), raw.city_nl.map(display_city));
    let country = country(raw, postcode.as_deref());
    let street = I18nText::new(
        parts.street_fr.as_deref().map(display_street),
        parts.street_nl.as_deref().map(display_street),
    );
    let address = Address {
        street: with_other_language(street, postcode.as_deref(), fields, issues),
        number: parts.number,
        box_number: parts.box_number,
        postcode,
        city,
        country: country.clone(),
        raw: raw_line(raw)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" "),
    };
    let location = Location {
        id: orienta_model::record_uuid(source.system.as_str(), &location_id),
        name: I18nText::default(),
        address,
        geo: None,
        territory: None,
        source: source.clone(),
    };
    (location, position(raw))
}

/// A street given in one language only that reads as "Rue X - Xstraat" is split into its
/// French and Dutch halves (reported).
fn split_single_street(
    street_fr: &mut Option<String>,
    street_nl: &mut Option<String>,
    [street_fr_field, street_nl_field]: [&str; 2],
    issues: &mut Vec<QualityIssue>,
) {
    let single = match (&*street_fr, &*street_nl) {
        (Some(fr), None) => Some((fr.clone(), street_fr_field)),
        (None, Some(nl)) => Some((nl.clone(), street_nl_field)),
        _ => None,
    };
    if let Some((street, field)) = single {
        if let Some((fr, nl)) = orienta_text::street::split_bilingual_street(&street) {
            issues.push(info(
                QualityCode::AddressSplit,
                field,
                format!("split the bilingual street `{street}` into `{fr}` and `{nl}`"),
            ));
            *street_fr = Some(fr);
            *street_nl = Some(nl);
        }
    }
}

/// A street named in one language only gets its official name in the other from the
/// BeST street list, when that list knows exactly one street of that name in the postcode
/// (reported, so the import says which names it did not read).
fn with_other_language(
    street: I18nText,
    postcode: Option<&str>,
    [street_fr_field, street_nl_field, ..]: AddressFields<'_>,
    issues: &mut Vec<QualityIssue>,
) -> I18nText {
    let (given, field) = match (&street.fr, &street.nl) {
        (Some(fr), None) => (fr, street_fr_field),
        (None, Some(nl)) => (nl, street_nl_field),
        _ => return street,
    };
    let Some((fr, nl)) =
        postcode.and_then(|postcode| orienta_territory::street_in_both_languages(postcode, given))
    else {
        return street;
    };
    issues.push(info(
        QualityCode::StreetTranslated,
        field,
        format!("`{given}` is `{fr}` in French and `{nl}` in Dutch (BeST street list)"),
    ));
    I18nText::new(Some(fr.to_owned()), Some(nl.to_owned()))
}

/// The country code as given (upper case), else Belgium for a four-digit postcode.
fn country(raw: &RawAddress<'_>, postcode: Option<&str>) -> String {
    match raw.country.map(str::trim).filter(|c| !c.is_empty()) {
        Some(country) => country.to_uppercase(),
        None if postcode.is_some_and(|p| p.len() == 4) => "BE".to_owned(),
        None => String::new(),
    }
}

/// The address as the source wrote it: street, number and box, then postcode and city.
fn raw_line(raw: &RawAddress<'_>) -> String {
    [
        [raw.street_fr.or(raw.street_nl), raw.number, raw.box_number]
            .iter()
            .flatten()
            .copied()
            .collect::<Vec<_>>()
            .join(" "),
        [raw.postcode, raw.city_fr.or(raw.city_nl)]
            .iter()
            .flatten()
            .copied()
            .collect::<Vec<_>>()
            .join(" "),
    ]
    .iter()
    .filter(|part| !part.trim().is_empty())
    .cloned()
    .collect::<Vec<_>>()
    .join(", ")
}

/// What the tagger needs of the raw address: coordinates, city and country as given.
fn position(raw: &RawAddress<'_>) -> Position {
    Position {
        lat: raw.lat,
        lon: raw.lon,
        lambert_x: raw.lambert_x,
        lambert_y: raw.lambert_y,
        city: raw.city_fr.or(raw.city_nl).map(str::to_owned),
        country: raw.country.map(str::to_owned),
    }
}

/// A city name for display: title case when written in capitals; district suffixes kept
/// until the tagger replaces the city by its commune.
fn display_city(city: &str) -> String {
    let trimmed = city.trim();
    if name::is_upper_case(trimmed) {
        name::title_case(&trimmed.to_lowercase().to_uppercase())
    } else {
        trimmed.to_owned()
    }
}

/// A street for display: written in capitals (`RUE DU MERIDIEN`), it is title-cased with
/// its particles small and the accents the bundled street names know (`Rue du Méridien`).
fn display_street(street: &str) -> String {
    if !name::is_upper_case(street) {
        return street.to_owned();
    }
    orienta_territory::street_accents().restore(&name::title_case(street))
}

/// Warns that a record has no address at all.
pub fn no_address(issues: &mut Vec<QualityIssue>, field: &str) {
    issues.push(warning(
        QualityCode::MissingGeo,
        field,
        "no address and no coordinates",
    ));
}

#[cfg(test)]
mod tests {
    use super::indexed_field;

    #[test]
    fn indexed_fields_read_like_their_format() {
        for index in [0, 1, 9, 10, 99, 100, 123_456, usize::MAX] {
            assert_eq!(indexed_field("telFr", index), format!("telFr[{index}]"));
        }
    }
}
