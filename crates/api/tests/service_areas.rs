//! Territorial responsibility: which services serve a person who lives at a real point
//! (`serves=`), and the offer of a territory counted against an independent count over the
//! fixture records. The fixtures' areas come from the import's own rules (a CPAS serves its
//! commune; an audience naming the Region), not from the test.

use crate::fixtures;
use crate::support::{shared, tagger};
use serde_json::Value;
use std::collections::BTreeSet;

/// Place Colignon (Schaerbeek town hall) and Place Flagey (Ixelles).
const SCHAERBEEK: &str = "50.8671,4.3776";
const IXELLES: &str = "50.8275,4.3725";

fn id(source_id: &str) -> String {
    orienta_model::record_uuid("social_brussels", source_id)
}

fn results(answer: &Value) -> &Vec<Value> {
    answer["results"].as_array().expect("results")
}

fn find<'a>(answer: &'a Value, source_id: &str) -> Option<&'a Value> {
    let wanted = id(source_id);
    results(answer)
        .iter()
        .find(|result| result["id"] == wanted.as_str())
}

#[test]
fn a_cpas_answers_for_its_commune_only_and_regional_services_everywhere() {
    let server = shared();
    let here = server.json(&format!(
        "/v1/search?serves={SCHAERBEEK}&per_page=50&lang=fr"
    ));
    assert_eq!(here["query"]["serves"]["commune"]["nis"], "21015");
    let cpas = find(&here, "13219").expect("the CPAS of Schaerbeek serves Schaerbeek");
    assert_eq!(cpas["serves"]["level"], "commune");
    assert_eq!(cpas["serves"]["text"], "dessert Schaerbeek");
    assert_eq!(cpas["service_area"]["status"], "inferred");
    let regional = find(&here, "20005").expect("a region-wide service serves everyone");
    assert_eq!(regional["serves"]["level"], "region");
    assert_eq!(regional["serves"]["text"], "toute la Région");

    let elsewhere = server.json(&format!("/v1/search?serves={IXELLES}&per_page=50&lang=nl"));
    assert_eq!(elsewhere["query"]["serves"]["commune"]["nis"], "21009");
    assert!(
        find(&elsewhere, "13219").is_none(),
        "the CPAS of Schaerbeek does not serve Ixelles"
    );
    let regional = find(&elsewhere, "20005").expect("region-wide in Ixelles too");
    assert_eq!(regional["serves"]["text"], "heel het Gewest");
}

#[test]
fn an_unknown_area_is_kept_labelled_and_ranked_after_the_known_levels() {
    let server = shared();
    let answer = server.json(&format!(
        "/v1/search?serves={SCHAERBEEK}&per_page=50&lang=fr"
    ));
    let unknown = find(&answer, "20003").expect("a service of unknown area is kept");
    assert_eq!(unknown["serves"]["level"], "unknown");
    assert_eq!(unknown["serves"]["text"], "zone non précisée");
    assert_eq!(unknown["service_area"]["text"], "Zone non précisée");
    let order = ["quartier", "commune", "bassin", "region", "unknown"];
    let ranks: Vec<usize> = results(&answer)
        .iter()
        .map(|result| {
            let level = result["serves"]["level"].as_str().unwrap();
            order.iter().position(|known| *known == level).unwrap()
        })
        .collect();
    assert!(
        ranks.windows(2).all(|pair| pair[0] <= pair[1]),
        "subsidiarity order: {ranks:?}"
    );
    let near = server.json(&format!("/v1/search?near={SCHAERBEEK}&per_page=50"));
    assert!(find(&near, "13219").is_some());
    assert!(
        near["results"][0].get("serves").is_none(),
        "near says nothing of responsibility"
    );
}

#[test]
fn serves_is_checked() {
    let server = shared();
    for (query, code) in [
        (
            format!("serves={SCHAERBEEK}&near={IXELLES}"),
            "unknown_parameter_value",
        ),
        ("serves=51.2,4.4".to_owned(), "invalid_coordinates"),
        ("serves=commune:21015".to_owned(), "unknown_parameter_value"),
        ("serves=nowhere".to_owned(), "unknown_parameter_value"),
    ] {
        let response = server.get(&format!("/v1/search?{query}"));
        assert_eq!(response.status(), 400, "{query}");
        let problem: Value = response.json().unwrap();
        assert_eq!(problem["code"], code, "{query}");
        assert_eq!(problem["parameter"], "serves", "{query}");
    }
}

#[test]
fn the_record_shows_its_area_in_the_readers_language() {
    let server = shared();
    let cpas = server.json(&format!("/v1/organisations/{}?lang=nl", id("13219")));
    assert_eq!(cpas["service_area"]["text"], "Bedient Schaarbeek");
    assert!(
        cpas["service_area"].get("evidence").is_none(),
        "evidence is for staff"
    );
    let regional = server.json(&format!("/v1/organisations/{}?lang=fr", id("20005")));
    assert_eq!(regional["service_area"]["status"], "extracted");
    assert_eq!(
        regional["service_area"]["text"],
        "Toute la Région bruxelloise"
    );
}

/// The communes an area touches, counted here from the model alone.
fn communes_served(
    area: &orienta_model::ServiceArea,
    tagger: &orienta_territory::Tagger,
) -> BTreeSet<String> {
    tagger
        .communes()
        .iter()
        .filter(|commune| !area.except_communes.contains(&commune.nis))
        .filter(|commune| {
            area.region
                || area.communes.contains(&commune.nis)
                || commune
                    .bassins
                    .iter()
                    .any(|bassin| area.bassins.contains(bassin))
        })
        .map(|commune| commune.nis.clone())
        .collect()
}

#[test]
fn the_offer_of_each_commune_equals_a_count_over_the_records() {
    let server = shared();
    let tagger = tagger();
    let corpus = fixtures::corpus(&tagger);
    for synthetic in ["exclude", "include"] {
        let counted: Vec<&orienta_model::Organisation> = corpus
            .iter()
            .filter(|organisation| synthetic == "include" || !organisation.synthetic)
            .collect();
        for commune in tagger.communes() {
            let located = counted
                .iter()
                .filter(|organisation| {
                    organisation.locations.iter().any(|location| {
                        location
                            .territory
                            .as_ref()
                            .and_then(|t| t.commune.as_ref())
                            .is_some_and(|tag| tag.nis == commune.nis)
                    })
                })
                .count();
            let serving = counted
                .iter()
                .filter(|organisation| {
                    communes_served(&organisation.serves, &tagger).contains(&commune.nis)
                })
                .count();
            let offer = server.json(&format!(
                "/v1/territories/communes/{}/offer?synthetic={synthetic}",
                commune.nis
            ));
            assert_eq!(offer["located_in"], located, "{} {synthetic}", commune.fr);
            assert_eq!(offer["serving"], serving, "{} {synthetic}", commune.fr);
            assert_eq!(
                offer["population"],
                Value::Null,
                "no population table, no figure"
            );
        }
    }
}

#[test]
fn the_offer_lists_every_need_and_the_unserved_ones_and_downloads_as_csv() {
    let server = shared();
    let offer = server.json("/v1/territories/communes/21015/offer?synthetic=include&lang=fr");
    assert_eq!(offer["territory"]["name"], "Schaerbeek");
    // The CPAS (its commune) and Infor-Drogues (the Region) at least.
    assert!(
        offer["serving"].as_u64().unwrap() >= 2,
        "{}",
        offer["serving"]
    );
    assert!(offer["located_in"].as_u64().unwrap() >= 1);
    assert!(offer["serving_region_wide"].as_u64().unwrap() >= 1);
    let needs = offer["needs"].as_array().unwrap();
    let unserved = offer["needs_without_service"].as_array().unwrap();
    let not_stated = offer["needs_area_not_stated"].as_array().unwrap();
    let zero = |located: bool| {
        needs
            .iter()
            .filter(|need| need["serving"] == 0 && (need["located_in"] != 0) == located)
            .count()
    };
    assert_eq!(unserved.len(), zero(false));
    assert_eq!(not_stated.len(), zero(true));
    assert!(zero(false) > 0 && zero(false) + zero(true) < needs.len());
    let csv = server.get("/v1/territories/communes/21015/offer?format=csv");
    assert_eq!(csv.status(), 200);
    assert!(csv.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/csv"));
    let body = csv.text().unwrap();
    assert!(body.starts_with("territory,need,label,located_in,serving,serving_per_10000"));
    assert_eq!(body.lines().count(), needs.len() + 1);
    let layer = server.json("/v1/territories/bassins/offer?need=addiction-care&lang=nl");
    assert_eq!(layer["territories"].as_array().unwrap().len(), 5);
    assert_eq!(layer["need"]["id"], "addiction-care");
    let missing = server.get("/v1/territories/communes/99999/offer");
    assert_eq!(missing.status(), 404);
}
