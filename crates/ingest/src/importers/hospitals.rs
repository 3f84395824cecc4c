//! Hospital sites (Eurostat/GISCO healthcare services, FPS Public Health list), one row per site.
//!
//! Quirks handled: FR and NL names mixed in one field ("KLINIEK ST.-JAN - CLINIQUE ST. JEAN"),
//! the house number inside `street`, bpost district names in `city`, `cap_beds=0` meaning
//! unknown, float artefacts in coordinates, several URLs in `url`.

use super::common::{self, RawAddress};
use crate::draft::{empty_organisation, Draft, Parsed, SourceContext};
use crate::normalize;
use orienta_model::{
    external_id_scheme, ExternalId, I18nText, Lang, PhoneKind, QualityIssue, SourceSystem, Term,
};
use orienta_text::guess_label;
use serde::Deserialize;

/// Need concepts of every hospital site.
pub const HOSPITAL_NEED: &str = "hospital";
/// Need concept of sites with an emergency department.
pub const EMERGENCY_NEED: &str = "emergency";

/// One row of the file.
#[derive(Debug, Deserialize)]
struct Site {
    id: String,
    hospital_name: String,
    #[serde(default)]
    site_name: String,
    #[serde(default)]
    lat: String,
    #[serde(default)]
    lon: String,
    #[serde(default)]
    street: String,
    #[serde(default)]
    house_number: String,
    #[serde(default)]
    postcode: String,
    #[serde(default)]
    city: String,
    #[serde(default)]
    cc: String,
    #[serde(default)]
    cap_beds: String,
    #[serde(default)]
    emergency: String,
    #[serde(default)]
    facility_type: String,
    #[serde(default)]
    tel: String,
    #[serde(default)]
    email: String,
    #[serde(default)]
    url: String,
    #[serde(default)]
    ref_date: String,
}

/// Splits "NL - FR" (or "FR / NL") into French and Dutch; a name that is not a bilingual
/// pair is returned whole with its language (or for both languages when it has none).
pub fn split_bilingual(name: &str) -> I18nText {
    let name = name.trim().trim_matches('"').trim();
    let pair = orienta_text::bilingual::halves(name).find_map(|(left, right)| {
        match (guess_label(left), guess_label(right)) {
            (Some(Lang::Nl), Some(Lang::Fr)) | (Some(Lang::Nl), None) | (None, Some(Lang::Fr)) => {
                Some((right, left))
            }
            (Some(Lang::Fr), Some(Lang::Nl)) | (Some(Lang::Fr), None) | (None, Some(Lang::Nl)) => {
                Some((left, right))
            }
            _ => None,
        }
    });
    if let Some((fr, nl)) = pair {
        return I18nText::new(Some(fr.to_owned()), Some(nl.to_owned()));
    }
    match guess_label(name) {
        Some(Lang::Nl) => I18nText::new(None, Some(name.to_owned())),
        Some(Lang::Fr) => I18nText::new(Some(name.to_owned()), None),
        _ => I18nText::new(Some(name.to_owned()), Some(name.to_owned())),
    }
}

/// Rounds away float artefacts (`4.36038069999999`) to 7 decimals.
fn coordinate(text: &str) -> Option<f64> {
    let value: f64 = text.trim().parse().ok()?;
    value.is_finite().then(|| (value * 1e7).round() / 1e7)
}

/// Reads the whole file.
pub(crate) fn read(body: &str, context: &SourceContext<'_>) -> Vec<Parsed> {
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(body.as_bytes());
    let mut outcomes = Vec::new();
    for (index, row) in reader.deserialize::<Site>().enumerate() {
        let line = index + 2;
        match row {
            Ok(site) => outcomes.push(map(site, context)),
            Err(error) => outcomes.push(super::unparsable(
                None,
                &format!("line {line}"),
                format!("unreadable hospital line {line}: {error}"),
            )),
        }
    }
    outcomes
}

fn display(name: &I18nText, field: &str, issues: &mut Vec<QualityIssue>) -> I18nText {
    I18nText::new(
        name.fr
            .as_deref()
            .map(|n| normalize::name::display(n, field, issues)),
        name.nl
            .as_deref()
            .map(|n| normalize::name::display(n, field, issues)),
    )
}

/// The official name (split into French and Dutch) and the display name.
fn names(
    organisation: &mut orienta_model::Organisation,
    site: &Site,
    issues: &mut Vec<QualityIssue>,
) {
    let official = split_bilingual(
        &common::line(Some(&site.hospital_name), "hospital_name", issues).unwrap_or_default(),
    );
    organisation.name = display(&official, "hospital_name", issues);
    organisation.official_name = official;
}

/// The facility type as a category, and a description from it and the number of beds.
fn category_and_description(organisation: &mut orienta_model::Organisation, site: &Site) {
    let facility = split_bilingual(&site.facility_type);
    if !facility.is_empty() {
        organisation.categories.push(Term {
            id: None,
            label: facility.clone(),
        });
    }
    let beds: Option<u32> = site.cap_beds.trim().parse().ok().filter(|beds| *beds > 0);
    let describe = |kind: Option<&str>, beds_word: &str| {
        let parts: Vec<String> = kind
            .map(str::to_owned)
            .into_iter()
            .chain(beds.map(|b| format!("{b} {beds_word}")))
            .collect();
        (!parts.is_empty()).then(|| parts.join(", "))
    };
    organisation.description = I18nText::new(
        describe(facility.fr.as_deref(), "lits"),
        describe(facility.nl.as_deref(), "bedden"),
    );
}

/// The phone, e-mail, website and site id.
fn contacts(
    organisation: &mut orienta_model::Organisation,
    site: &Site,
    id: &str,
    issues: &mut Vec<QualityIssue>,
) {
    common::phones(
        organisation,
        std::slice::from_ref(&site.tel),
        "tel",
        PhoneKind::Voice,
        issues,
    );
    common::emails(
        organisation,
        std::slice::from_ref(&site.email),
        "email",
        issues,
    );
    common::websites(organisation, std::slice::from_ref(&site.url), "url", issues);
    organisation.external_ids.push(ExternalId {
        scheme: external_id_scheme::HOSPITAL_SITE.to_owned(),
        value: id.to_owned(),
        url: None,
    });
}

/// The site's location (named after the site) and position; the street goes to the
/// language it reads in.
fn site_location(
    site: &Site,
    id: &str,
    source: &orienta_model::Provenance,
    issues: &mut Vec<QualityIssue>,
) -> (orienta_model::Location, crate::draft::Position) {
    let street = site.street.trim();
    let (street_fr, street_nl) = match orienta_text::street::street_language(street) {
        Some(Lang::Nl) => (None, Some(street)),
        _ => (Some(street), None),
    };
    let raw_address = RawAddress {
        street_fr,
        street_nl,
        number: Some(site.house_number.as_str()),
        box_number: None,
        postcode: Some(site.postcode.as_str()),
        city_fr: Some(site.city.as_str()),
        city_nl: None,
        country: Some(site.cc.as_str()),
        lat: coordinate(&site.lat),
        lon: coordinate(&site.lon),
        lambert_x: None,
        lambert_y: None,
    };
    let (mut location, position) = common::location(
        &raw_address,
        ["street", "street", "house_number", "postcode"],
        format!("{id}/site"),
        source,
        issues,
    );
    location.name = display(&split_bilingual(&site.site_name), "site_name", issues);
    (location, position)
}

/// Maps one hospital site to a draft (or rejects a row without id or hospital name).
fn map(site: Site, context: &SourceContext<'_>) -> Parsed {
    let id = site.id.trim().to_owned();
    if id.is_empty() {
        return super::missing(None, "id", "no site id; row rejected");
    }
    if site.hospital_name.trim().is_empty() {
        return super::missing(Some(id), "hospital_name", "no hospital name; row rejected");
    }
    let mut issues = Vec::new();
    let issues = &mut issues;
    let raw = format!("{site:?}");
    let mut source = context.provenance(SourceSystem::Hospitals, &id, None, &raw);
    source.updated_at = Some(site.ref_date.trim())
        .filter(|d| !d.is_empty())
        .and_then(|d| normalize::date::parse(d, "ref_date", context.today, issues));
    let mut organisation = empty_organisation(source.clone(), false);
    names(&mut organisation, &site, issues);
    category_and_description(&mut organisation, &site);
    contacts(&mut organisation, &site, &id, issues);
    let (location, position) = site_location(&site, &id, &source, issues);
    organisation.locations.push(location);
    let mut given_needs = vec![HOSPITAL_NEED.to_owned()];
    if site.emergency.trim().eq_ignore_ascii_case("yes") {
        given_needs.push(EMERGENCY_NEED.to_owned());
    }
    common::report_missing_languages(&organisation, ["hospital_name", "hospital_name"], issues);
    organisation.quality = std::mem::take(issues);
    Parsed::Accepted(Box::new(Draft {
        organisation,
        positions: vec![position],
        case: None,
        given_needs,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_mixed_names() {
        let name = split_bilingual("KLINIEK ST.-JAN - CLINIQUE ST. JEAN");
        assert_eq!(
            (name.fr.as_deref(), name.nl.as_deref()),
            (Some("CLINIQUE ST. JEAN"), Some("KLINIEK ST.-JAN"))
        );
        let name = split_bilingual("EUROPAZIEKENHUIZEN - CLINIQUES DE L'EUROPE");
        assert_eq!(name.nl.as_deref(), Some("EUROPAZIEKENHUIZEN"));
        let name = split_bilingual("CLINIQUES UNIVERSITAIRES DE BRUXELLES - HOPITAL ERASME");
        assert_eq!(
            name.fr.as_deref(),
            Some("CLINIQUES UNIVERSITAIRES DE BRUXELLES - HOPITAL ERASME")
        );
        assert_eq!(name.nl, None);
        let site = split_bilingual("KRUIDTUIN / BOTANIQUE");
        assert_eq!(
            (site.fr.as_deref(), site.nl.as_deref()),
            (Some("BOTANIQUE"), Some("KRUIDTUIN"))
        );
        let neutral = split_bilingual("CHIREC");
        assert_eq!(neutral.fr, neutral.nl);
        assert_eq!(coordinate("4.36038069999999"), Some(4.3603807));
    }
}
