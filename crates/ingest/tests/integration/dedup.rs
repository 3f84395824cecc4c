//! Deduplication on the social.brussels shape: merges, look-alikes, neighbours.

use crate::common::{data, run, temp_file};
use orienta_model::QualityCode;
use serde_json::json;

fn record(
    id: u32,
    name_fr: &str,
    name_nl: &str,
    street: &str,
    number: &str,
    zip: u32,
    kbo: &[&str],
) -> String {
    json!({
        "id": id,
        "nameOfficialFr": name_fr,
        "nameOfficialNl": name_nl,
        "address": {"streetFr": street, "number": number, "zipCode": zip, "municipalityFr": "SCHAERBEEK", "lat": null, "lon": null},
        "telFr": [format!("02/000.00.{:02}", id % 100)],
        "emailFr": [format!("info{id}@example.org")],
        "pmRp": kbo,
        "langStatus": "FR-NL",
        "lastUpdate": "01/01/24",
        "languageOffer": [{"id": 1, "labelFr": "Arabe", "labelNl": "Arabisch"}]
    })
    .to_string()
}

#[test]
fn name_variants_at_one_address_are_merged() {
    let lines = [
        record(
            1,
            "CPAS de Schaerbeek",
            "OCMW Schaarbeek",
            "Boulevard Auguste Reyers",
            "70",
            1030,
            &[],
        ),
        record(
            2,
            "C.P.A.S. DE SCHAERBEEK",
            "O.C.M.W. VAN SCHAARBEEK",
            "BOULEVARD AUGUSTE REYERS",
            "70",
            1030,
            &[],
        ),
        record(
            3,
            "Maison Médicale Exemple",
            "Wijkgezondheidscentrum Voorbeeld",
            "Boulevard Auguste Reyers",
            "70",
            1030,
            &[],
        ),
    ];
    let (_dir, path) = temp_file("dedup.ndjson", &lines.join("\n"));
    let outcome = run(&[path]);
    let source = &outcome.report.sources[0];
    assert_eq!((source.read, source.accepted, source.merged), (3, 3, 1));
    assert_eq!(outcome.report.totals.organisations, 2);
    assert_eq!(
        outcome.organisations.len(),
        2,
        "a different organisation at the same address stays apart"
    );
    let cpas = outcome
        .organisations
        .iter()
        .find(|o| o.sources.len() == 2)
        .expect("merged record");
    assert_eq!(cpas.primary_source().id, "1", "the first record wins");
    assert_eq!(cpas.sources[1].id, "2");
    assert_eq!(cpas.name.fr.as_deref(), Some("CPAS de Schaerbeek"));
    let phones: Vec<&str> = cpas.phones.iter().map(|p| p.e164.as_str()).collect();
    assert_eq!(phones, ["+3220000001", "+3220000002"], "phones unioned");
    assert_eq!(cpas.emails.len(), 2);
    assert_eq!(cpas.languages, ["ar", "fr", "nl"]);
    assert_eq!(cpas.locations.len(), 1, "same address not duplicated");
    let merged = cpas
        .quality
        .iter()
        .find(|i| i.code == QualityCode::Merged)
        .expect("merged issue");
    assert!(merged.message.contains("record 2"), "{}", merged.message);
    assert!(outcome
        .report
        .with_code(QualityCode::Merged)
        .any(|d| d.record_id.as_deref() == Some("1")));
}

#[test]
fn same_name_elsewhere_is_only_a_candidate() {
    let lines = [
        record(
            10,
            "ASBL Entraide Exemple",
            "VZW Hulp Voorbeeld",
            "Rue Exemple",
            "1",
            1030,
            &[],
        ),
        record(
            11,
            "Entraide Exemple",
            "Hulp Voorbeeld",
            "Rue Autre",
            "9",
            1210,
            &[],
        ),
    ];
    let (_dir, path) = temp_file("candidates.ndjson", &lines.join("\n"));
    let outcome = run(&[path]);
    assert_eq!(outcome.organisations.len(), 2);
    assert!(outcome
        .organisations
        .iter()
        .all(|o| o.has_flag(QualityCode::DuplicateCandidate)));
    assert_eq!(outcome.report.sources[0].merged, 0);
}

#[test]
fn same_kbo_is_one_organisation_with_its_sites() {
    let lines = [
        record(
            20,
            "CPAS de Schaerbeek",
            "OCMW van Schaarbeek",
            "Boulevard Auguste Reyers",
            "70",
            1030,
            &["0212.347.945"],
        ),
        record(
            21,
            "CPAS de Schaerbeek - Service Seniors",
            "OCMW Schaarbeek - Dienst Senioren",
            "Rue Exemple",
            "3",
            1030,
            &["0212347945"],
        ),
        record(
            22,
            "CPAS DE SCHAERBEEK",
            "OCMW VAN SCHAARBEEK",
            "Rue de la Poste",
            "12",
            1030,
            &["BE 0212.347.945"],
        ),
    ];
    let (_dir, path) = temp_file("kbo.ndjson", &lines.join("\n"));
    let outcome = run(&[path]);
    assert_eq!(
        outcome.organisations.len(),
        1,
        "one enterprise number, one organisation"
    );
    let cpas = outcome
        .organisations
        .iter()
        .find(|o| o.primary_source().id == "20")
        .expect("cpas");
    assert_eq!(cpas.sources.len(), 3, "every source id kept");
    assert_eq!(cpas.locations.len(), 3, "each address is a site");
    let service_site = cpas
        .locations
        .iter()
        .find(|location| location.source.id == "21")
        .expect("the service's site keeps its source");
    assert_eq!(
        service_site.name.fr.as_deref(),
        Some("CPAS de Schaerbeek - Service Seniors"),
        "a site keeps its own name"
    );
    assert!(cpas
        .alt_names
        .iter()
        .any(|name| name.contains("Service Seniors")));
}

#[test]
fn hospitals_sharing_one_point_stay_apart() {
    let outcome = run(&[data("providers/eurostat_hospitals_brussels.csv")]);
    let at_gehuchten: Vec<_> = outcome
        .organisations
        .iter()
        .filter(|o| ["1570", "2390"].contains(&o.primary_source().id.as_str()))
        .collect();
    assert_eq!(at_gehuchten.len(), 2);
    assert_eq!(outcome.report.sources[0].merged, 0);
}
