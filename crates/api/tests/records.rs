//! Records, needs, suggestions, territories and the change feed.

use crate::support::shared;
use serde_json::Value;

fn cpas_id() -> String {
    orienta_model::record_uuid("social_brussels", "13219")
}

#[test]
fn organisation_record_has_tags_provenance_and_quality() {
    let server = shared();
    let record = server.json(&format!("/v1/organisations/{}?lang=nl", cpas_id()));
    assert_eq!(record["id"], cpas_id());
    assert_eq!(record["lang"], "nl");
    assert_eq!(record["display_name"], "OCMW van Schaarbeek");
    assert_eq!(record["name"]["fr"], "CPAS de Schaerbeek");
    let location = &record["locations"][0];
    assert_eq!(location["territory"]["commune"]["nis"], "21015");
    assert_eq!(location["territory"]["in_region"], true);
    assert!(location["territory"]["sector"]
        .as_str()
        .unwrap()
        .starts_with("21015"));
    assert!(location["territory"]["bassin"]["slug"].is_string());
    let source = &record["sources"][0];
    assert_eq!(source["system"], "social_brussels");
    assert_eq!(source["id"], "13219");
    assert_eq!(source["origin"], "test.ndjson", "no server paths leak");
    assert_eq!(source["updated_at"], "2025-06-01");
    assert!(record.get("quality").is_none(), "codes are for staff only");
    let staff: Value = reqwest::blocking::Client::new()
        .get(server.url(&format!("/v1/organisations/{}", cpas_id())))
        .header("X-Api-Key", crate::support::ADMIN_KEY)
        .send()
        .unwrap()
        .json()
        .unwrap();
    assert_eq!(staff["quality"][0]["code"], "phone_normalised");
    assert_eq!(staff["quality"][0]["severity"], "info");
    assert_eq!(
        record["weekly"][0],
        serde_json::json!({"day": "mon", "opens": "08:30", "closes": "16:00"})
    );
    let languages: Vec<&str> = record["languages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["label"].as_str().unwrap())
        .collect();
    assert_eq!(languages, ["Frans", "Nederlands", "Arabisch"]);
    assert!(record["external_ids"]
        .as_array()
        .unwrap()
        .iter()
        .any(|e| e["scheme"] == "BE-BCE_KBO"));
    assert!(record["needs"]
        .as_array()
        .unwrap()
        .iter()
        .any(|n| n["label"] == "Voedselhulp" || n["id"] == "food-aid"));
}

#[test]
fn needs_thesaurus_with_hierarchy() {
    let answer = shared().json("/v1/needs?lang=nl");
    assert_eq!(answer["lang"], "nl");
    let needs = answer["needs"].as_array().unwrap();
    assert!(needs.len() > 50);
    let food = needs.iter().find(|need| need["id"] == "food-aid").unwrap();
    assert!(food["labels"]["fr"].is_string() && food["labels"]["nl"].is_string());
    assert_eq!(food["label"], food["labels"]["nl"]);
    assert!(food["narrower"]
        .as_array()
        .unwrap()
        .iter()
        .any(|n| n == "social-restaurant"));
    let restaurant = needs
        .iter()
        .find(|need| need["id"] == "social-restaurant")
        .unwrap();
    assert!(restaurant["broader"]
        .as_array()
        .unwrap()
        .iter()
        .any(|b| b == "food-aid"));
    assert!(["first_line", "specialised"].contains(&restaurant["line"].as_str().unwrap()));
}

#[test]
fn suggest_mixes_needs_and_organisations() {
    let server = shared();
    let answer = server.json("/v1/suggest?q=schaer&lang=fr");
    let suggestions = answer["suggestions"].as_array().unwrap();
    assert!(suggestions.len() <= 10);
    assert!(suggestions.iter().any(|s| s["kind"] == "organisation"
        && s["label"] == "CPAS de Schaerbeek"
        && s["id"] == cpas_id()));
    let needs = server.json("/v1/suggest?q=aide%20alim&lang=fr");
    let first = &needs["suggestions"][0];
    assert_eq!(first["kind"], "need");
    assert_eq!(first["id"], "food-aid");
    let dutch = server.json("/v1/suggest?q=ocmw&lang=nl&limit=3");
    assert!(dutch["suggestions"].as_array().unwrap().len() <= 3);
    assert!(dutch["suggestions"]
        .as_array()
        .unwrap()
        .iter()
        .any(|s| s["label"] == "OCMW van Schaarbeek"));
}

#[test]
fn territory_layers_are_bilingual_geojson() {
    let server = shared();
    let response = server.get("/v1/territories/communes");
    assert_eq!(response.headers()["content-type"], "application/geo+json");
    let communes: Value = response.json().unwrap();
    assert_eq!(communes["type"], "FeatureCollection");
    assert_eq!(communes["features"].as_array().unwrap().len(), 19);
    let schaerbeek = communes["features"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["properties"]["nis"] == "21015")
        .unwrap();
    assert_eq!(schaerbeek["properties"]["nl"], "Schaarbeek");
    assert!(schaerbeek["properties"]["bassins"][0]["status"].is_string());
    let quartiers = server.json("/v1/territories/quartiers");
    assert_eq!(quartiers["features"].as_array().unwrap().len(), 145);
    assert!(quartiers["features"][0]["properties"]["nl"].is_string());
    // The names alone, for the page's filter list: same features, no geometry, far smaller.
    let names = server.get("/v1/territories/quartiers?geometry=false");
    assert_eq!(names.status(), 200);
    let names_text = names.text().unwrap();
    let names: serde_json::Value = serde_json::from_str(&names_text).unwrap();
    assert_eq!(names["features"].as_array().unwrap().len(), 145);
    assert!(names["features"][0]["geometry"].is_null());
    assert_eq!(
        names["features"][7]["properties"],
        quartiers["features"][7]["properties"]
    );
    assert!(names_text.len() * 10 < quartiers.to_string().len());
    assert_eq!(
        server
            .get("/v1/territories/quartiers?geometry=maybe")
            .status(),
        400
    );
    let bassins = server.json("/v1/territories/bassins");
    assert_eq!(bassins["features"].as_array().unwrap().len(), 5);
    for feature in bassins["features"].as_array().unwrap() {
        assert!(
            ["official", "inferred"].contains(&feature["properties"]["status"].as_str().unwrap())
        );
        assert!(feature["properties"]["fr"].is_string() && feature["properties"]["nl"].is_string());
    }
}

#[test]
fn territory_of_a_point() {
    let server = shared();
    let answer = server.json("/v1/territory?lat=50.8676&lon=4.3870");
    assert_eq!(answer["in_region"], true);
    assert_eq!(answer["commune"]["nis"], "21015");
    assert!(answer["bassin"]["slug"].is_string());
    let antwerp = server.json("/v1/territory?lat=51.2194&lon=4.4025");
    assert_eq!(antwerp["in_region"], false);
    assert_eq!(antwerp["commune"], Value::Null);
}

#[test]
fn change_feed_pages_by_sequence_and_time() {
    let server = shared();
    let feed = server.json("/v1/changes?per_page=5");
    assert_eq!(feed["total"], 8);
    assert_eq!(feed["changes"].as_array().unwrap().len(), 5);
    assert_eq!(feed["changes"][0]["change"], "created");
    let last_seq = feed["last_seq"].as_u64().unwrap();
    assert_eq!(last_seq, 8);
    let after = server.json("/v1/changes?since=5");
    assert_eq!(after["total"], 3);
    assert_eq!(after["changes"][0]["seq"], 6);
    assert_eq!(
        server.json("/v1/changes?since=2000-01-01T00:00:00Z")["total"],
        8
    );
    assert_eq!(
        server.json("/v1/changes?since=2999-01-01T00:00:00Z")["total"],
        0
    );
}
