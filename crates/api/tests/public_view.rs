//! What the public reads and what staff read: notices in the reader's language instead of
//! the import's codes, the codes behind an admin key, old data flagged, browsing without
//! words in a useful order.

use crate::support::{shared, ADMIN_KEY};
use serde_json::Value;

fn id(source_id: &str) -> String {
    orienta_model::record_uuid("social_brussels", source_id)
}

#[test]
fn the_public_record_tells_its_age_in_the_readers_language_and_keeps_the_codes_for_staff() {
    let server = shared();
    let pivot = id("20001");
    let french = server.json(&format!("/v1/organisations/{pivot}?lang=fr"));
    assert!(french.get("quality").is_none(), "codes in the public view");
    assert_eq!(french["stale"], true);
    let stale = french["notices"]
        .as_array()
        .unwrap()
        .iter()
        .find(|notice| notice["kind"] == "stale")
        .expect("a stale notice");
    assert_eq!(
        stale["text"]["fr"],
        "Informations mises à jour en mars 2019 — à vérifier avant d’orienter."
    );
    assert_eq!(
        stale["text"]["nl"],
        "Gegevens van maart 2019 — controleer ze vóór u doorverwijst."
    );
    let recent = server.json(&format!("/v1/organisations/{}", id("13219")));
    assert_eq!(recent["stale"], false);
    assert!(recent["notices"]
        .as_array()
        .unwrap()
        .iter()
        .all(|notice| notice["kind"] != "stale"));

    let staff = reqwest::blocking::Client::new()
        .get(server.url(&format!("/v1/organisations/{pivot}")))
        .header("X-Api-Key", ADMIN_KEY)
        .send()
        .unwrap();
    assert_eq!(staff.status(), 200);
    let cache = staff.headers()["cache-control"]
        .to_str()
        .unwrap()
        .to_owned();
    assert_eq!(
        cache, "no-store",
        "a shared cache must never keep the staff view"
    );
    let staff: Value = staff.json().unwrap();
    assert!(staff["quality"].is_array(), "the staff view has the codes");
    let public_again = server.json(&format!("/v1/organisations/{pivot}"));
    assert!(public_again.get("quality").is_none());
}

#[test]
fn search_results_say_which_data_is_old() {
    let results = shared().json("/v1/search?q=restaurant%20social&per_page=20")["results"]
        .as_array()
        .cloned()
        .unwrap();
    let pivot = results
        .iter()
        .find(|result| result["id"] == id("20001"))
        .expect("Le Pivot");
    assert_eq!(pivot["stale"], true);
    assert_eq!(pivot["updated_at"], "2019-03-14");
    assert!(results
        .iter()
        .filter(|result| result["id"] != id("20001"))
        .all(|result| result["stale"] == false));
}

#[test]
fn browsing_without_words_lists_the_services_for_that_need_first_then_first_line_then_by_name() {
    let answer = shared().json("/v1/search?need=food-aid&per_page=50&lang=fr");
    let results = answer["results"].as_array().unwrap();
    assert!(results.len() >= 2, "{answer}");
    let key = |result: &Value| {
        let primary = result["needs"]
            .as_array()
            .unwrap()
            .iter()
            .any(|need| need["primary"] == true && need["id"] == "food-aid");
        let first_line = result["care_line"] == "first_line";
        let name = result["name"]["fr"]
            .as_str()
            .or_else(|| result["name"]["nl"].as_str())
            .unwrap_or_default();
        let name = orienta_text::fold(name);
        (!primary, !first_line, name)
    };
    let keys: Vec<_> = results.iter().map(key).collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted, "browse order");
    // Each result lists its primary needs first.
    for result in results {
        let needs = result["needs"].as_array().unwrap();
        let first_secondary = needs.iter().position(|need| need["primary"] != true);
        if let Some(position) = first_secondary {
            assert!(needs[position..].iter().all(|need| need["primary"] != true));
        }
    }
}
