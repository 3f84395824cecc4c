//! `GET /v1/search`: shape, filters, pagination, languages and formats.

use crate::support::shared;
use serde_json::Value;
use std::collections::BTreeSet;

fn ids(answer: &Value) -> Vec<String> {
    answer["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|result| result["display_name"].as_str().unwrap().to_owned())
        .collect()
}

fn keys(value: &Value) -> BTreeSet<String> {
    value.as_object().unwrap().keys().cloned().collect()
}

#[test]
fn search_answers_the_documented_shape() {
    let server = shared();
    let response = server.get("/v1/search?q=aide%20alimentaire&lang=fr");
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["content-language"], "fr");
    assert!(response.headers().contains_key("x-total-count"));
    let answer: Value = response.json().unwrap();
    assert_eq!(
        keys(&answer),
        ["facets", "lang", "page", "per_page", "query", "results", "total"]
            .map(String::from)
            .into()
    );
    assert_eq!(answer["lang"], "fr");
    assert_eq!(answer["page"], 1);
    assert_eq!(answer["per_page"], 20);
    assert_eq!(answer["query"]["q"], "aide alimentaire");
    let concepts: Vec<&str> = answer["query"]["concepts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap())
        .collect();
    assert!(concepts.contains(&"food-aid"), "{concepts:?}");
    let cpas = answer["results"]
        .as_array()
        .unwrap()
        .iter()
        .find(|result| result["display_name"] == "CPAS de Schaerbeek")
        .expect("the CPAS offers food aid");
    let expected: BTreeSet<String> = [
        "id",
        "location_id",
        "source",
        "name",
        "display_name",
        "display_lang",
        "fallback",
        "needs",
        "languages",
        "address",
        "lat",
        "lon",
        "geo",
        "commune",
        "quartier",
        "bassin",
        "qss",
        "phones",
        "emails",
        "websites",
        "hours",
        "description",
        "audience",
        "care_line",
        "synthetic",
        "stale",
        "updated_at",
        "service_area",
        "highlights",
    ]
    .map(String::from)
    .into();
    assert_eq!(keys(cpas), expected, "no distance_m without near");
    assert_eq!(cpas["source"]["system"], "social_brussels");
    assert_eq!(cpas["source"]["id"], "13219");
    assert_eq!(
        cpas["source"]["url"],
        "https://social.brussels/organisation/13219"
    );
    assert_eq!(cpas["name"]["nl"], "OCMW van Schaarbeek");
    assert_eq!(cpas["fallback"], false);
    assert_eq!(
        cpas["address"]["line"],
        "Boulevard Auguste Reyers 70, 1030 Schaerbeek"
    );
    assert_eq!(cpas["address"]["street"]["nl"], "Auguste Reyerslaan");
    assert_eq!(cpas["address"]["box"], Value::Null);
    assert_eq!(cpas["commune"]["nis"], "21015");
    assert_eq!(cpas["commune"]["nl"], "Schaarbeek");
    assert!(cpas["quartier"]["code"].is_u64());
    assert!(cpas["bassin"]["slug"].is_string());
    assert!(["official", "inferred"].contains(&cpas["bassin"]["status"].as_str().unwrap()));
    assert_eq!(cpas["geo"]["method"], "coordinates");
    assert_eq!(cpas["phones"][0]["display"], "02 435 51 38");
    assert_eq!(cpas["phones"][0]["kind"], "voice");
    assert_eq!(cpas["hours"]["text"], "Du lundi au vendredi de 8h30 à 16h");
    assert_eq!(cpas["hours"]["structured"], true);
    assert!(cpas["hours"]["open_now"].is_boolean());
    assert_eq!(cpas["care_line"], "first_line");
    assert_eq!(cpas["synthetic"], false);
    let needs: Vec<&str> = cpas["needs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["label"].as_str().unwrap())
        .collect();
    assert!(needs.contains(&"Aide alimentaire"), "{needs:?}");
    let facet = &answer["facets"]["needs"][0];
    assert_eq!(
        keys(facet),
        ["count", "label", "value"].map(String::from).into()
    );
    assert!(answer["facets"]["communes"]
        .as_array()
        .unwrap()
        .iter()
        .any(|c| c["label"] == "Schaerbeek"));
}

#[test]
fn highlights_mark_the_words_found() {
    let answer = shared().json("/v1/search?q=restaurant&lang=fr");
    let pivot = &answer["results"][0];
    assert_eq!(pivot["display_name"], "Restaurant social Le Pivot");
    assert!(pivot["highlights"]["name"]
        .as_str()
        .unwrap()
        .contains("<mark>Restaurant</mark>"));
}

#[test]
fn facets_and_highlights_can_be_skipped() {
    let server = shared();
    let full = server.json("/v1/search?q=restaurant&lang=fr");
    let lean = server.json("/v1/search?q=restaurant&lang=fr&facets=false&highlight=false");
    assert_eq!(lean["total"], full["total"]);
    assert_eq!(ids(&lean), ids(&full));
    assert!(!full["facets"]["needs"].as_array().unwrap().is_empty());
    for facet in ["needs", "languages", "communes", "bassins"] {
        assert_eq!(lean["facets"][facet], serde_json::json!([]), "{facet}");
    }
    assert!(full["results"][0]["highlights"]["name"].is_string());
    assert!(lean["results"][0]["highlights"]["name"].is_null());
    let bad = server.get("/v1/search?q=restaurant&facets=maybe");
    assert_eq!(bad.status(), 400);
}

#[test]
fn without_q_everything_is_listed_and_paged() {
    let server = shared();
    let all = server.json("/v1/search?per_page=100");
    assert_eq!(all["total"], 9, "eight organisations, nine locations");
    let mut seen = BTreeSet::new();
    for page in 1..=3 {
        let answer = server.json(&format!("/v1/search?per_page=4&page={page}"));
        assert_eq!(answer["total"], 9);
        assert_eq!(answer["page"], page);
        for result in answer["results"].as_array().unwrap() {
            let key = format!("{}/{}", result["id"], result["location_id"]);
            assert!(seen.insert(key), "a result appears on two pages");
        }
    }
    assert_eq!(seen.len(), 9);
    assert!(server.json("/v1/search?page=5&per_page=4")["results"]
        .as_array()
        .unwrap()
        .is_empty());
}

#[test]
fn filters_combine() {
    let server = shared();
    let food = server.json("/v1/search?need=food-aid");
    let names = ids(&food);
    assert!(names.contains(&"CPAS de Schaerbeek".to_owned()));
    assert!(
        names.contains(&"Restaurant social Le Pivot".to_owned()),
        "narrower social-restaurant counts as food aid"
    );
    assert!(names.contains(&"Épicerie sociale d'Anderlecht".to_owned()));
    let repeated = server.json("/v1/search?need=social-restaurant&need=social-grocery");
    let comma = server.json("/v1/search?need=social-restaurant,social-grocery");
    assert_eq!(repeated["total"], 2);
    assert_eq!(ids(&repeated), ids(&comma));

    let turkish = server.json("/v1/search?language=tr");
    assert_eq!(turkish["total"], 2);
    let schaerbeek = server.json("/v1/search?commune=21015");
    assert_eq!(ids(&schaerbeek), ["CPAS de Schaerbeek"]);
    let both = server.json("/v1/search?commune=21015&language=tr");
    assert_eq!(both["total"], 0, "different kinds are AND-ed");

    let bassin = schaerbeek["results"][0]["bassin"]["slug"]
        .as_str()
        .unwrap()
        .to_owned();
    let in_bassin = server.json(&format!("/v1/search?bassin={bassin}"));
    assert!(in_bassin["results"]
        .as_array()
        .unwrap()
        .iter()
        .all(|r| r["bassin"]["slug"] == bassin.as_str()));
    let quartier = schaerbeek["results"][0]["quartier"]["code"]
        .as_u64()
        .unwrap();
    assert!(
        server.json(&format!("/v1/search?quartier={quartier}"))["total"]
            .as_u64()
            .unwrap()
            >= 1
    );

    assert_eq!(server.json("/v1/search?synthetic=exclude")["total"], 2);
    assert_eq!(server.json("/v1/search?synthetic=only")["total"], 7);
    assert_eq!(
        server.json("/v1/search?audience=homeless")["total"],
        2,
        "audience text or night-shelter need"
    );
}

#[test]
fn near_ranks_by_distance_within_a_radius() {
    let server = shared();
    let answer = server.json("/v1/search?near=50.8467,4.3524&radius=2500&sort=distance");
    let distances: Vec<f64> = answer["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|result| result["distance_m"].as_f64().unwrap())
        .collect();
    assert!(!distances.is_empty());
    assert!(
        distances.windows(2).all(|pair| pair[0] <= pair[1]),
        "{distances:?}"
    );
    assert!(distances.iter().all(|distance| *distance <= 2500.0));
    assert!(
        (answer["total"].as_u64().unwrap() as usize) < 9,
        "the radius cuts"
    );
    assert_eq!(
        answer["results"][0]["display_name"], "Infor-Drogues",
        "Marché aux Herbes is nearest"
    );
}

#[test]
fn opening_hours_filter() {
    let server = shared();
    let monday = server.json("/v1/search?open_at=2026-03-02T10:00:00%2B01:00");
    assert_eq!(ids(&monday), ["CPAS de Schaerbeek"]);
    let sunday = server.json("/v1/search?open_at=2026-03-01T10:00");
    assert_eq!(sunday["total"], 0);
    assert!(server.get("/v1/search?open_now=true").status().is_success());
}

#[test]
fn response_language_with_fallback() {
    let server = shared();
    let dutch = server.json("/v1/search?q=schaerbeek&lang=nl");
    assert_eq!(dutch["lang"], "nl");
    assert_eq!(dutch["results"][0]["display_name"], "OCMW van Schaarbeek");
    let pivot = server.json("/v1/search?q=pivot&lang=nl");
    let result = &pivot["results"][0];
    assert_eq!(result["display_name"], "Restaurant social Le Pivot");
    assert_eq!(result["display_lang"], "fr");
    assert_eq!(result["fallback"], true);
    let communes = server.json("/v1/search?lang=nl&per_page=1");
    assert!(communes["facets"]["communes"]
        .as_array()
        .unwrap()
        .iter()
        .any(|c| c["label"] == "Schaarbeek"));
    let accept = server
        .client
        .get(server.url("/v1/search?per_page=1"))
        .header("accept-language", "nl-BE,nl;q=0.9,fr;q=0.8")
        .send()
        .unwrap();
    assert_eq!(accept.headers()["content-language"], "nl");
}

#[test]
fn stepped_care_puts_first_line_first() {
    let answer = shared().json("/v1/search?stepped_care=true&per_page=3");
    for result in answer["results"].as_array().unwrap().iter().take(2) {
        assert_eq!(result["care_line"], "first_line");
    }
}

#[test]
fn geojson_and_csv_formats() {
    let server = shared();
    let response = server.get("/v1/search?format=geojson&need=addiction-care");
    assert_eq!(response.headers()["content-type"], "application/geo+json");
    let collection: Value = response.json().unwrap();
    assert_eq!(collection["type"], "FeatureCollection");
    assert_eq!(collection["total"], 2);
    let feature = &collection["features"][0];
    assert_eq!(feature["type"], "Feature");
    assert_eq!(feature["geometry"]["type"], "Point");
    assert!(
        feature["geometry"]["coordinates"][0].as_f64().unwrap() < 5.0,
        "longitude first"
    );
    assert!(feature["properties"].get("lat").is_none());
    assert_eq!(feature["properties"]["display_name"], "Infor-Drogues");

    let response = server.get("/v1/search?format=csv&per_page=100&lang=nl");
    assert!(response.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/csv"));
    let text = response.text().unwrap();
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let headers = reader.headers().unwrap().clone();
    assert_eq!(&headers[0], "id");
    assert_eq!(headers.len(), 24);
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 9);
    assert!(rows.iter().any(|row| &row[10] == "Schaarbeek"));
}

#[test]
fn the_public_a_question_names_is_said_in_the_reader_language_and_can_be_undone() {
    let server = shared();
    let text = "/v1/search?q=ma%20m%C3%A8re%20a%2084%20ans%20et%20vit%20seule&lang=nl";
    let read = server.json(text);
    assert_eq!(read["query"]["audiences"][0]["code"], "elderly");
    assert_eq!(read["query"]["audiences"][0]["label"], "Ouderen");
    let undone = server.json(&format!("{text}&literal=audience%3Aelderly"));
    assert!(undone["query"]["audiences"].as_array().unwrap().is_empty());
    let odd = server.get("/v1/search?q=x&literal=public%3Aelderly");
    assert_eq!(odd.status(), 400, "an unknown literal kind is refused");
}
