//! `tag` on the bad-input cases of `docs/data-quality.md` §1 "Geography".

use crate::tagger;
use orienta_model::{Bassin, GeoMethod, Precision, QualityCode, Severity, TagStatus};
use orienta_territory::{LocationInput, TagOutcome};

fn codes(outcome: &TagOutcome) -> Vec<QualityCode> {
    outcome.issues.iter().map(|issue| issue.code).collect()
}

fn issue(outcome: &TagOutcome, code: QualityCode) -> &orienta_model::QualityIssue {
    outcome
        .issues
        .iter()
        .find(|issue| issue.code == code)
        .unwrap_or_else(|| panic!("no {code:?} in {:?}", outcome.issues))
}

fn commune_and_bassin(outcome: &TagOutcome) -> (&str, Bassin, TagStatus) {
    let commune = outcome.territory.commune.as_ref().expect("a commune");
    let bassin = outcome.territory.bassin.as_ref().expect("a bassin");
    (commune.nis.as_str(), bassin.slug, bassin.status)
}

fn ixelles_address() -> LocationInput<'static> {
    LocationInput {
        postcode: Some("1050"),
        city: Some("IXELLES"),
        street_fr: Some("Rue de l'Exemple"),
        street_nl: Some("Voorbeeldstraat"),
        ..LocationInput::default()
    }
}

#[test]
fn clean_coordinates_tag_without_issues() {
    let outcome = tagger().tag(&LocationInput {
        lat: Some(50.851756),
        lon: Some(4.401445),
        postcode: Some("1030"),
        city: Some("Schaerbeek"),
        ..LocationInput::default()
    });
    assert!(outcome.issues.is_empty(), "{:?}", outcome.issues);
    assert_eq!(outcome.territory.sector.as_ref().unwrap().code, "21015A77-");
    let geo = outcome.geo.unwrap();
    assert_eq!(
        (geo.method, geo.precision),
        (GeoMethod::Coordinates, Precision::Rooftop)
    );
}

#[test]
fn lambert72_is_converted() {
    let outcome = tagger().tag(&LocationInput {
        lambert_x: Some(152302.0),
        lambert_y: Some(171263.0),
        ..LocationInput::default()
    });
    let geo = outcome.geo.unwrap();
    assert!(
        (geo.lat - 50.85176).abs() < 1e-5 && (geo.lon - 4.40145).abs() < 1e-5,
        "{geo:?}"
    );
    assert_eq!(geo.method, GeoMethod::Lambert);
    let territory = &outcome.territory;
    assert_eq!(territory.method, GeoMethod::Lambert);
    assert_eq!(territory.sector.as_ref().unwrap().code, "21015A77-");
    assert_eq!(territory.quartier.as_ref().unwrap().code, 87);
    assert_eq!(
        commune_and_bassin(&outcome),
        ("21015", Bassin::NordEst, TagStatus::Official)
    );
    let converted = issue(&outcome, QualityCode::ConvertedFromLambert72);
    assert_eq!(
        (converted.severity, converted.field.as_str()),
        (Severity::Info, "address.x")
    );
}

#[test]
fn swapped_coordinates_are_fixed() {
    let outcome = tagger().tag(&LocationInput {
        lat: Some(4.372),
        lon: Some(50.827),
        ..ixelles_address()
    });
    let swapped = issue(&outcome, QualityCode::SwappedLatLon);
    assert_eq!(
        (swapped.severity, swapped.field.as_str()),
        (Severity::Warning, "address.lat")
    );
    let geo = outcome.geo.unwrap();
    assert_eq!((geo.lat, geo.lon), (50.827, 4.372));
    assert!(outcome.territory.in_region);
}

#[test]
fn zero_coordinates_are_missing_and_the_address_is_used() {
    let outcome = tagger().tag(&LocationInput {
        lat: Some(0.0),
        lon: Some(0.0),
        ..ixelles_address()
    });
    assert_eq!(
        codes(&outcome),
        vec![QualityCode::PlaceholderCoordinates, QualityCode::Geocoded]
    );
    assert_eq!(outcome.territory.method, GeoMethod::Postcode);
    assert_eq!(
        commune_and_bassin(&outcome),
        ("21009", Bassin::Sud, TagStatus::Official)
    );
}

#[test]
fn liege_point_with_a_brussels_postcode_is_regeocoded() {
    let outcome = tagger().tag(&LocationInput {
        lat: Some(50.6326),
        lon: Some(5.5797),
        ..ixelles_address()
    });
    assert!(
        codes(&outcome).contains(&QualityCode::GeoAddressConflict),
        "{:?}",
        outcome.issues
    );
    assert!(!codes(&outcome).contains(&QualityCode::GeoOutsideRegion));
    assert!(outcome.territory.in_region);
    assert_eq!(
        commune_and_bassin(&outcome),
        ("21009", Bassin::Sud, TagStatus::Official)
    );
    let geo = outcome.geo.unwrap();
    assert_eq!(geo.method, GeoMethod::Postcode);
    assert!((50.76..50.92).contains(&geo.lat));
}

#[test]
fn zaventem_is_kept_outside_the_region() {
    let outcome = tagger().tag(&LocationInput {
        lat: Some(50.8836),
        lon: Some(4.4719),
        postcode: Some("1930"),
        city: Some("ZAVENTEM"),
        ..LocationInput::default()
    });
    assert!(!outcome.territory.in_region);
    assert!(
        outcome.geo.is_some(),
        "records outside the region keep their point"
    );
    let found = codes(&outcome);
    assert!(
        found.contains(&QualityCode::AddressOutsideRegion)
            && found.contains(&QualityCode::GeoOutsideRegion)
    );
    assert!(!found.contains(&QualityCode::ForeignAddress));
}

#[test]
fn paris_is_foreign() {
    let outcome = tagger().tag(&LocationInput {
        lat: Some(48.8589),
        lon: Some(2.38),
        postcode: Some("75011"),
        city: Some("PARIS"),
        ..LocationInput::default()
    });
    assert!(!outcome.territory.in_region);
    assert_eq!(
        codes(&outcome),
        vec![QualityCode::ForeignAddress, QualityCode::GeoOutsideRegion]
    );
    let foreign = tagger().tag(&LocationInput {
        postcode: Some("1000"),
        country: Some("FR"),
        ..LocationInput::default()
    });
    assert_eq!(
        codes(&foreign),
        vec![QualityCode::ForeignAddress, QualityCode::MissingGeo]
    );
}

fn street(postcode: &'static str, street_fr: &'static str) -> TagOutcome {
    tagger().tag(&LocationInput {
        postcode: Some(postcode),
        street_fr: Some(street_fr),
        ..LocationInput::default()
    })
}

#[test]
fn streets_are_placed_at_their_midpoint() {
    let louise = street("1050", "Avenue Louise");
    assert_eq!(louise.territory.method, GeoMethod::Street);
    assert_eq!(louise.territory.precision, Precision::Street);
    assert!(louise.territory.sector.is_none());
    assert_eq!(louise.territory.bassin.as_ref().unwrap().slug, Bassin::Sud);
    let geocoded = issue(&louise, QualityCode::Geocoded);
    assert_eq!(
        (geocoded.severity, geocoded.field.as_str()),
        (Severity::Info, "address.streetFr")
    );

    for name in [
        "Boulevard Auguste Reyers",
        "Auguste Reyerslaan",
        "Bd Auguste Reyers",
    ] {
        let reyers = street("1030", name);
        assert_eq!(reyers.territory.method, GeoMethod::Street, "{name}");
        assert_eq!(
            commune_and_bassin(&reyers),
            ("21015", Bassin::NordEst, TagStatus::Official),
            "{name}"
        );
    }

    let bilingual = street("1030", "Boulevard Auguste Reyers - Auguste Reyerslaan");
    assert_eq!(
        bilingual.geo,
        street("1030", "Boulevard Auguste Reyers").geo
    );
    assert_eq!(bilingual.territory.method, GeoMethod::Street);

    // Rue Haute is a BeST street without an OSM midpoint: its commune, then the postcode.
    let haute = street("1000", "Rue Haute");
    assert_eq!(haute.territory.method, GeoMethod::Postcode);
    assert_eq!(
        commune_and_bassin(&haute),
        ("21004", Bassin::CentreOuest, TagStatus::Inferred)
    );
    assert_eq!(
        issue(&haute, QualityCode::Geocoded).field,
        "address.zipCode"
    );

    let coningham = street("1000", "Av. Air Marshal Coningham");
    assert_eq!(coningham.territory.method, GeoMethod::Street);
    assert_eq!(
        commune_and_bassin(&coningham),
        ("21004", Bassin::Sud, TagStatus::Inferred)
    );
    assert_eq!(coningham.territory.quartier.as_ref().unwrap().code, 106);
}

#[test]
fn postcode_alone_places_in_the_commune() {
    let uccle = tagger().tag(&LocationInput {
        postcode: Some("1180"),
        ..LocationInput::default()
    });
    assert_eq!(uccle.territory.method, GeoMethod::Postcode);
    assert_eq!(uccle.territory.precision, Precision::Postcode);
    assert!(uccle.territory.quartier.is_none() && uccle.territory.sector.is_none());
    assert_eq!(
        commune_and_bassin(&uccle),
        ("21016", Bassin::Sud, TagStatus::Official)
    );
    assert_eq!(uccle.territory.commune.as_ref().unwrap().fr, "Uccle");
    assert_eq!(codes(&uccle), vec![QualityCode::Geocoded]);

    let postcode = |postcode: &'static str, city: Option<&'static str>| {
        tagger().tag(&LocationInput {
            postcode: Some(postcode),
            city,
            ..LocationInput::default()
        })
    };
    assert_eq!(
        commune_and_bassin(&postcode("1000", None)),
        ("21004", Bassin::CentreOuest, TagStatus::Inferred)
    );
    assert_eq!(
        commune_and_bassin(&postcode("1050", Some("Brussel"))),
        ("21004", Bassin::Sud, TagStatus::Inferred)
    );
    assert_eq!(
        commune_and_bassin(&postcode("1020", Some("Laeken"))),
        ("21004", Bassin::Nord, TagStatus::Official)
    );
    assert_eq!(
        commune_and_bassin(&postcode("B-1160 ", None)),
        ("21002", Bassin::SudEst, TagStatus::Official)
    );
}

#[test]
fn house_numbers_left_in_the_street_are_ignored() {
    let outcome = street("1030", "BD AUGUSTE REYERS 52 bte 3");
    assert_eq!(outcome.territory.method, GeoMethod::Street);
    assert_eq!(outcome.geo, street("1030", "Boulevard Auguste Reyers").geo);
}

#[test]
fn shared_postcodes_use_the_city() {
    let postcode = |city: &'static str| {
        tagger().tag(&LocationInput {
            postcode: Some("1040"),
            city: Some(city),
            ..LocationInput::default()
        })
    };
    let etterbeek = postcode("Etterbeek");
    assert_eq!(
        commune_and_bassin(&etterbeek),
        ("21005", Bassin::SudEst, TagStatus::Official)
    );
    let bruxelles = postcode("Bruxelles");
    assert_eq!(
        commune_and_bassin(&bruxelles),
        ("21004", Bassin::CentreOuest, TagStatus::Inferred)
    );
    assert_eq!(codes(&bruxelles), vec![QualityCode::Geocoded]);
    let brussel = postcode("BRUSSEL");
    assert_eq!(commune_and_bassin(&brussel).0, "21004");
}

#[test]
fn legit_shared_pair_with_a_point_raises_nothing() {
    let outcome = tagger().tag(&LocationInput {
        lat: Some(50.8270),
        lon: Some(4.3640),
        postcode: Some("1050"),
        city: Some("BRUXELLES"),
        street_fr: Some("Avenue Louise"),
        ..LocationInput::default()
    });
    assert!(outcome.issues.is_empty(), "{:?}", outcome.issues);
    assert_eq!(
        commune_and_bassin(&outcome),
        ("21004", Bassin::Sud, TagStatus::Inferred)
    );
}

#[test]
fn postcode_commune_mismatch_is_flagged() {
    let outcome = tagger().tag(&LocationInput {
        postcode: Some("1070"),
        city: Some("IXELLES"),
        ..LocationInput::default()
    });
    let mismatch = issue(&outcome, QualityCode::PostcodeCommuneMismatch);
    assert_eq!(
        (mismatch.severity, mismatch.field.as_str()),
        (Severity::Warning, "address.municipalityFr")
    );
    assert_eq!(
        commune_and_bassin(&outcome),
        ("21001", Bassin::CentreOuest, TagStatus::Official)
    );

    // The point lies in Ixelles, postcode 1070 is Anderlecht: both flagged, point kept.
    let with_point = tagger().tag(&LocationInput {
        lat: Some(50.827),
        lon: Some(4.372),
        postcode: Some("1070"),
        city: Some("IXELLES"),
        ..LocationInput::default()
    });
    let mismatches = with_point
        .issues
        .iter()
        .filter(|issue| issue.code == QualityCode::PostcodeCommuneMismatch)
        .count();
    assert_eq!(mismatches, 2, "{:?}", with_point.issues);
    assert_eq!(with_point.territory.commune.as_ref().unwrap().nis, "21009");
}

#[test]
fn bpost_district_city_is_normalised() {
    let outcome = tagger().tag(&LocationInput {
        postcode: Some("1070"),
        city: Some("BRUXELLES--7"),
        ..LocationInput::default()
    });
    assert_eq!(
        codes(&outcome),
        vec![QualityCode::CityNormalised, QualityCode::Geocoded]
    );
    assert_eq!(
        issue(&outcome, QualityCode::CityNormalised).severity,
        Severity::Info
    );
    assert_eq!(commune_and_bassin(&outcome).0, "21001");
}

#[test]
fn nothing_is_missing_geo() {
    let outcome = tagger().tag(&LocationInput::default());
    assert_eq!(codes(&outcome), vec![QualityCode::MissingGeo]);
    assert_eq!(
        issue(&outcome, QualityCode::MissingGeo).severity,
        Severity::Warning
    );
    assert!(outcome.geo.is_none());
    assert!(!outcome.territory.in_region);
    assert_eq!(outcome.territory.method, GeoMethod::None);
}
