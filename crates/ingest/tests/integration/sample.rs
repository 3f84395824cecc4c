//! The social.brussels sample record 13219, field by field.

use crate::common::{data, run};
use orienta_model::{record_uuid, Bassin, PhoneKind, QualityCode, Weekday};

fn sample() -> orienta_model::Organisation {
    let outcome = run(&[data("providers/cdcs_sample/organisation_13219.json")]);
    assert_eq!(outcome.report.sources[0].read, 1);
    assert_eq!(outcome.organisations.len(), 1);
    outcome
        .organisations
        .into_iter()
        .next()
        .expect("one organisation")
}

#[test]
fn identity_names_and_texts() {
    let organisation = sample();
    assert_eq!(organisation.id, record_uuid("social_brussels", "13219"));
    assert_eq!(
        organisation.name.fr.as_deref(),
        Some("Coordination de l'Action Sociale de Schaerbeek")
    );
    assert_eq!(
        organisation.name.nl.as_deref(),
        Some("Coördinatie van de Schaarbeekse Sociale Actie")
    );
    assert_eq!(
        organisation.official_name.fr.as_deref(),
        Some("COORDINATION DE L'ACTION SOCIALE DE SCHAERBEEK")
    );
    assert_eq!(organisation.alt_names, ["CASS", "CSSA"]);
    let description = organisation.description.fr.as_deref().unwrap_or_default();
    assert!(description.starts_with("Coordination qui regroupe"));
    assert!(
        description.contains("\n- Rencontres de connaissance"),
        "line breaks kept"
    );
    assert!(organisation
        .description
        .nl
        .as_deref()
        .is_some_and(|d| d.starts_with("Coördinatie van verenigingen")));
    assert_eq!(
        organisation.access.fr.as_deref(),
        Some("Par e-mail\nPar téléphone")
    );
    assert!(organisation
        .audience
        .nl
        .as_deref()
        .is_some_and(|a| a.starts_with("Schaarbeekse verenigingen")));
    assert!(organisation.remark.fr.is_some());
    let legal = organisation.legal_status.as_ref().expect("legal status");
    assert_eq!(
        (legal.id, legal.label.nl.as_deref()),
        (Some(932), Some("Openbare dienst - OCMW"))
    );
    assert_eq!(organisation.languages, ["fr", "nl"]);
    assert!(!organisation.interpretation);
    assert!(!organisation.synthetic);
    assert!(
        !organisation.has_flag(QualityCode::SuspectLanguage),
        "{:?}",
        organisation.quality
    );
}

#[test]
fn contacts_ids_and_provenance() {
    let organisation = sample();
    let phones: Vec<(&str, PhoneKind)> = organisation
        .phones
        .iter()
        .map(|p| (p.e164.as_str(), p.kind))
        .collect();
    assert_eq!(
        phones,
        [
            ("+3224355138", PhoneKind::Voice),
            ("+3224355139", PhoneKind::Voice)
        ]
    );
    assert_eq!(organisation.phones[0].raw, "02/435.51.38");
    assert_eq!(organisation.emails, ["cass@cpas-schaerbeek.be"]);
    assert_eq!(organisation.websites, ["http://www.cass-cssa.be"]);
    let kbo = organisation
        .external_ids
        .iter()
        .find(|id| id.scheme == "BE-BCE_KBO")
        .expect("valid kbo kept");
    assert_eq!(kbo.value, "0212347945");
    assert!(!organisation.has_flag(QualityCode::InvalidKbo));
    let cdcs = organisation
        .external_ids
        .iter()
        .find(|id| id.scheme == "cdcs:organisation")
        .expect("cdcs id");
    assert_eq!(
        cdcs.url.as_deref(),
        Some("https://social.brussels/organisation/13219")
    );
    let source = organisation.primary_source();
    assert_eq!(source.id, "13219");
    assert_eq!(
        source.updated_at.map(|d| d.to_string()).as_deref(),
        Some("2020-08-28")
    );
    assert!(source.raw_hash.starts_with("xxh3:"));
    assert!(source.origin.ends_with("organisation_13219.json"));
    assert!(organisation.has_flag(QualityCode::StaleRecord));
    assert!(
        organisation.has_flag(QualityCode::NullAsEmpty),
        "categories null, categoriesObject []"
    );
}

#[test]
fn hours_are_structured_in_both_languages() {
    let organisation = sample();
    let schedule = &organisation.schedule;
    assert_eq!(
        schedule.text.fr.as_deref(),
        Some("Du lundi au vendredi de 8h30 à 16h")
    );
    assert_eq!(
        schedule.text.nl.as_deref(),
        Some("Van maandag tot vrijdag van 8.30 uur tot 16 uur")
    );
    assert_eq!(schedule.weekly.len(), 5);
    assert_eq!(schedule.is_open(Weekday::Wed, 9 * 60), Some(true));
    assert_eq!(schedule.is_open(Weekday::Sat, 9 * 60), Some(false));
    assert!(!organisation.has_flag(QualityCode::HoursUnstructured));
}

#[test]
fn address_and_territory() {
    let organisation = sample();
    // One location, held without spare room (a pushed 840-byte location reserved four).
    assert_eq!(organisation.locations.capacity(), 1);
    assert_eq!(organisation.quality.capacity(), organisation.quality.len());
    let location = &organisation.locations[0];
    let address = &location.address;
    assert_eq!(
        address.street.fr.as_deref(),
        Some("Boulevard Auguste Reyers")
    );
    assert_eq!(address.street.nl.as_deref(), Some("Auguste Reyerslaan"));
    assert_eq!(
        (address.number.as_deref(), address.postcode.as_deref()),
        (Some("70"), Some("1030"))
    );
    assert_eq!(address.country, "BE");
    // Filled by the territory tagger (orienta-territory).
    let territory = location.territory.as_ref().expect("TAGGER: territory set");
    let commune = territory.commune.as_ref().expect("TAGGER: commune tagged");
    assert_eq!(
        (commune.nis.as_str(), commune.fr.as_str()),
        ("21015", "Schaerbeek"),
        "TAGGER: commune"
    );
    assert_eq!(
        territory.quartier.as_ref().map(|q| q.code),
        Some(87),
        "TAGGER: Monitoring quartier 87 Reyers"
    );
    assert_eq!(
        territory.bassin.as_ref().map(|b| b.slug),
        Some(Bassin::NordEst),
        "TAGGER: bassin nord-est"
    );
    assert_eq!(
        address.city.nl.as_deref(),
        Some("Schaarbeek"),
        "city normalised to the commune"
    );
    let geo = location.geo.expect("TAGGER: point kept");
    assert!((geo.lat - 50.8517561).abs() < 1e-6 && (geo.lon - 4.4014451).abs() < 1e-6);
}

#[test]
fn a_real_record_links_to_its_registries_and_a_sample_copy_to_none() {
    let real = sample();
    assert!(real.sources[0]
        .url
        .as_deref()
        .is_some_and(|url| url.starts_with("https://social.brussels/")));
    assert!(real.external_ids.iter().any(|id| id.url.is_some()));

    let text = std::fs::read_to_string(data("providers/cdcs_sample/organisation_13219.json"))
        .expect("the sample record");
    let mut record: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    record["synthetic"] = serde_json::Value::Bool(true);
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("fictitious.json");
    std::fs::write(&path, record.to_string()).expect("write");
    let outcome = run(&[path.display().to_string()]);
    let copy = &outcome.organisations[0];
    assert!(copy.synthetic);
    assert!(!copy.external_ids.is_empty(), "the ids stay, as values");
    assert!(copy.external_ids.iter().all(|id| id.url.is_none()));
    assert!(copy.sources.iter().all(|source| source.url.is_none()));
    assert!(copy
        .locations
        .iter()
        .all(|location| location.source.url.is_none()));
}
