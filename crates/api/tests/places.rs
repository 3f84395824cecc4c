//! `GET /v1/places`, `GET /v1/places/{id}` and `/v1/search?place=` over a real server: real
//! addresses with published coordinates (the Brussels hospital sites, as Eurostat writes
//! them) and the client's address as a nurse types it, in French and in Dutch.

use crate::support::shared;
use serde_json::Value;

fn places(query: &str) -> Vec<Value> {
    let answer = shared().json(&format!("/v1/places?{query}"));
    answer["places"].as_array().cloned().unwrap_or_default()
}

fn metres(a: (f64, f64), b: (f64, f64)) -> f64 {
    let x = (b.1 - a.1) * 111_320.0 * a.0.to_radians().cos();
    let y = (b.0 - a.0) * 110_540.0;
    x.hypot(y)
}

#[test]
fn a_typed_address_gives_an_approximate_point_with_its_territory_in_both_languages() {
    let french = places("q=Rue%20Josaphat%20120%2C%201030&lang=fr");
    let first = &french[0];
    assert_eq!(first["kind"], "address");
    assert_eq!(first["precision"], "address-approx");
    assert_eq!(first["label"], "Rue Josaphat 120, 1030 Schaerbeek");
    assert_eq!(first["commune"]["nis"], "21015");
    assert_eq!(first["bassin"]["slug"], "nord-est");
    let dutch = places("q=Josafatstraat%20120&lang=nl");
    assert_eq!(dutch[0]["label"], "Josafatstraat 120, 1030 Schaarbeek");
    assert_eq!(dutch[0]["id"], first["id"]);
    let id = first["id"].as_str().unwrap();
    let again = shared().json(&format!("/v1/places/{id}?lang=fr"));
    assert_eq!(&again, first);
}

#[test]
fn the_hospital_sites_are_found_near_their_published_coordinates() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../data/providers/eurostat_hospitals_brussels.csv"
    ))
    .unwrap();
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let mut distances = Vec::new();
    for row in reader.records() {
        let row = row.unwrap();
        let published = (row[3].parse().unwrap(), row[4].parse().unwrap());
        let typed = format!("{}, {}", &row[6], &row[8]);
        let query = format!("q={}&limit=1", urlencoding(&typed));
        let found = places(&query);
        let first = &found[0];
        assert!(
            ["address-approx", "street"].contains(&first["precision"].as_str().unwrap()),
            "{typed}: {first}"
        );
        let point = (
            first["lat"].as_f64().unwrap(),
            first["lon"].as_f64().unwrap(),
        );
        distances.push(metres(point, published));
    }
    distances.sort_by(f64::total_cmp);
    assert_eq!(distances.len(), 37);
    assert!(distances[18] <= 300.0, "median {:.0} m", distances[18]);
    assert!(distances[36] <= 1000.0, "farthest {:.0} m", distances[36]);
}

fn urlencoding(text: &str) -> String {
    text.bytes()
        .map(|byte| match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' => {
                (byte as char).to_string()
            }
            _ => format!("%{byte:02X}"),
        })
        .collect()
}

#[test]
fn a_place_sets_the_search_point_or_the_territory() {
    let near =
        shared().json("/v1/search?place=address%3A1030%3A2666%3A120&sort=distance&radius=5000");
    let distances: Vec<f64> = near["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|result| result["distance_m"].as_f64().unwrap())
        .collect();
    assert!(!distances.is_empty());
    assert!(distances.windows(2).all(|pair| pair[0] <= pair[1]));
    assert!(distances.iter().all(|distance| *distance <= 5000.0));
    let commune = shared().json("/v1/search?place=commune%3A21015");
    let results = commune["results"].as_array().unwrap();
    assert!(!results.is_empty());
    assert!(results
        .iter()
        .all(|result| result["commune"]["nis"] == "21015"));
}

#[test]
fn bad_place_input_is_a_clear_error() {
    let server = shared();
    assert_eq!(server.get("/v1/places").status(), 400);
    let long = "a".repeat(201);
    assert_eq!(server.get(&format!("/v1/places?q={long}")).status(), 400);
    assert_eq!(server.get("/v1/places?q=x&limit=0").status(), 400);
    assert_eq!(server.get("/v1/places/nowhere%3A1").status(), 404);
    assert_eq!(server.get("/v1/search?q=x&place=nowhere").status(), 400);
    let both = "/v1/search?q=x&place=commune%3A21015&near=50.85,4.35";
    assert_eq!(server.get(both).status(), 400);
    let odd = server.get("/v1/places?q=%E2%80%AE%3Cscript%3E%00");
    assert_eq!(odd.status(), 200, "odd text is no error, just no place");
}

#[test]
fn a_street_in_the_need_text_is_a_place_never_a_need_and_can_be_undone() {
    let text = "/v1/search?q=aide%20alimentaire%20rue%20royale%20sainte-marie";
    let read = shared().json(text);
    let query = &read["query"];
    assert_eq!(query["q"], "aide alimentaire rue royale sainte-marie");
    let concepts: Vec<&str> = query["concepts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|concept| concept["id"].as_str().unwrap())
        .collect();
    assert!(
        !concepts.contains(&"health"),
        "sainte-marie is no need: {concepts:?}"
    );
    assert_eq!(query["places"][0]["words"], "rue royale sainte marie");
    assert!(query["places"][0]["label"]
        .as_str()
        .unwrap()
        .starts_with("Rue Royale-Sainte-Marie"));
    let undone = shared().json(&format!(
        "{text}&literal=place%3Arue%20royale%20sainte%20marie"
    ));
    assert!(undone["query"]["places"].as_array().unwrap().is_empty());
}

#[test]
fn the_street_lines_are_a_named_layer() {
    let streets = shared().json("/v1/territories/streets");
    assert_eq!(streets["type"], "FeatureCollection");
    assert_eq!(streets["name"], "streets");
    assert!(streets["features"].as_array().unwrap().len() > 10_000);
}
