//! The 28 bad-input fixtures: each case yields a diagnostic with the code it calls for.

use crate::common::{data, run};
use orienta_model::QualityCode::{self, *};

/// Codes that only the territory tagger emits (marked in failure messages).
const TAGGER_CODES: &[QualityCode] = &[
    MissingGeo,
    PlaceholderCoordinates,
    SwappedLatLon,
    ConvertedFromLambert72,
    Geocoded,
    GeoOutsideRegion,
    AddressOutsideRegion,
    ForeignAddress,
    GeoAddressConflict,
    PostcodeCommuneMismatch,
    CityNormalised,
];

/// Each case and the codes that may answer it (any one is enough).
const EXPECTED: &[(&str, &[QualityCode])] = &[
    ("missing_coordinates", &[Geocoded, MissingGeo]),
    ("zero_coordinates", &[PlaceholderCoordinates]),
    ("swapped_lat_lon", &[SwappedLatLon]),
    ("lambert72_only", &[ConvertedFromLambert72]),
    ("outside_region_postcode", &[AddressOutsideRegion]),
    (
        "coords_outside_region",
        &[GeoOutsideRegion, GeoAddressConflict],
    ),
    ("postcode_commune_mismatch", &[PostcodeCommuneMismatch]),
    ("postal_district_city_name", &[CityNormalised]),
    ("number_inside_street", &[AddressSplit]),
    ("box_variants", &[AddressSplit]),
    ("zip_as_string_with_prefix", &[PostcodeCleaned]),
    ("duplicate_kbo", &[Merged]),
    ("duplicate_name_variant", &[NameNormalised]),
    ("invalid_kbo_checksum", &[InvalidKbo]),
    ("nl_copy_of_fr", &[SuspectLanguage]),
    ("fr_only", &[MissingNl]),
    ("phone_variants", &[InvalidPhone]),
    ("email_variants", &[InvalidEmail]),
    ("website_variants", &[UrlCleaned]),
    ("mojibake", &[Mojibake]),
    ("html_in_text", &[HtmlStripped]),
    ("opening_hours_free_text", &[HoursUnstructured]),
    ("two_digit_year", &[TwoDigitYear]),
    ("invalid_date", &[InvalidDate]),
    ("upper_case_names", &[NameNormalised]),
    ("null_vs_empty_arrays", &[NullAsEmpty]),
    ("foreign_address", &[ForeignAddress]),
];

#[test]
fn every_bad_case_is_diagnosed() {
    let outcome = run(&[
        data("examples/cdcs_bad_inputs.jsonl"),
        data("providers/cdcs_sample/organisation_13219.json"),
    ]);
    let report = &outcome.report;
    let fixtures = &report.sources[0];
    assert_eq!(
        (fixtures.read, fixtures.accepted, fixtures.rejected),
        (28, 28, 0)
    );
    assert!(!report.has_failed_sources());
    let mut missing = Vec::new();
    for (case, codes) in EXPECTED {
        let found = report
            .diagnostics
            .iter()
            .any(|d| d.case.as_deref() == Some(case) && codes.contains(&d.code));
        if !found {
            let owner = if codes.iter().all(|c| TAGGER_CODES.contains(c)) {
                "territory tagger"
            } else {
                "ingest"
            };
            missing.push(format!(
                "{case}: expected one of {codes:?} (emitted by the {owner})"
            ));
        }
    }
    assert!(
        missing.is_empty(),
        "cases without their diagnostic:\n{}",
        missing.join("\n")
    );
}

#[test]
fn legit_cases_are_not_flagged() {
    let outcome = run(&[data("examples/cdcs_bad_inputs.jsonl")]);
    let report = &outcome.report;
    let of_case = |case: &'static str| {
        report
            .diagnostics
            .iter()
            .filter(move |d| d.case.as_deref() == Some(case))
    };
    assert!(
        !of_case("shared_postcode_legit").any(|d| d.code == PostcodeCommuneMismatch),
        "1050 + Bruxelles is legitimate"
    );
    // Fixture contacts 02/000.00.00 and info@example.org are valid.
    assert!(!of_case("missing_coordinates")
        .any(|d| matches!(d.code, InvalidPhone | InvalidEmail | InvalidUrl)));
}

#[test]
fn fixture_values_are_repaired() {
    let outcome = run(&[data("examples/cdcs_bad_inputs.jsonl")]);
    let by_source_id = |id: &str| {
        outcome
            .organisations
            .iter()
            .find(|o| o.sources.iter().any(|s| s.id == id))
            .unwrap_or_else(|| panic!("record {id}"))
    };
    let split = &by_source_id("900010").locations[0].address;
    assert_eq!(
        (split.street.fr.as_deref(), split.number.as_deref()),
        (Some("Rue Haute"), Some("322"))
    );
    // Nothing lost: the raw line keeps the capitals as given.
    assert!(split.raw.contains("RUE HAUTE"), "{}", split.raw);
    let boxed = &by_source_id("900011").locations[0].address;
    assert_eq!(
        (boxed.number.as_deref(), boxed.box_number.as_deref()),
        (Some("12"), Some("3"))
    );
    assert_eq!(
        by_source_id("900012").locations[0]
            .address
            .postcode
            .as_deref(),
        Some("1050")
    );
    let phones: Vec<&str> = by_source_id("900018")
        .phones
        .iter()
        .map(|p| p.e164.as_str())
        .collect();
    assert_eq!(
        phones,
        ["+3220001234", "+32470000000", "+3220000000"],
        "telFr then telNl, deduplicated"
    );
    assert_eq!(
        by_source_id("900019").emails,
        ["info@example.org", "a@example.org", "b@example.org"]
    );
    assert_eq!(
        by_source_id("900020").websites,
        [
            "http://www.example.org",
            "http://www.voorbeeld.be",
            "http://example.org",
            "https://example.org"
        ]
    );
    let mojibake = by_source_id("900021");
    assert_eq!(
        mojibake.official_name.fr.as_deref(),
        Some("Société d’entraide")
    );
    assert_eq!(mojibake.official_name.nl.as_deref(), Some("Coördinatie"));
    assert_eq!(
        by_source_id("900022").description.fr.as_deref(),
        Some("Accueil & orientation\nSur rendez-vous")
    );
    let copy = by_source_id("900016");
    assert_eq!(
        (copy.name.fr.as_deref(), copy.name.nl.as_deref()),
        (Some("ASBL Exemple 16"), None)
    );
    assert_eq!(
        copy.audience.nl, None,
        "french `Tout public` is not used as dutch"
    );
    assert_eq!(
        by_source_id("900024")
            .primary_source()
            .updated_at
            .map(|d| d.to_string())
            .as_deref(),
        Some("2020-08-28")
    );
    assert_eq!(by_source_id("900025").primary_source().updated_at, None);
    assert_eq!(
        by_source_id("900026").name.fr.as_deref(),
        Some("Coordination de l'Action Sociale de Schaerbeek")
    );
    assert_eq!(
        by_source_id("900026").official_name.fr.as_deref(),
        Some("COORDINATION DE L'ACTION SOCIALE DE SCHAERBEEK")
    );
    assert!(by_source_id("900015")
        .external_ids
        .iter()
        .all(|id| id.scheme != "BE-BCE_KBO"));
    let hours = &by_source_id("900023").schedule;
    assert_eq!(hours.weekly.len(), 10, "lu-ve, two slots a day");
    assert!(hours
        .text
        .fr
        .as_deref()
        .is_some_and(|t| t.contains("sauf jours fériés")));
}
