//! The bundled-size set (5,000 records, seed 20261127) checked against the real record shape,
//! the provider-type table of docs/domain.md §5 and the honesty rules (fictitious contacts).

mod shape;

use orienta_model::Kbo;
use serde_json::Value;
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

const SEED: u64 = 20_261_127;
const COUNT: usize = 5_000;

static RECORDS: LazyLock<Vec<Value>> =
    LazyLock::new(|| orienta_sample::generate(COUNT, SEED).collect());

fn share(predicate: impl Fn(&Value) -> bool) -> f64 {
    RECORDS.iter().filter(|record| predicate(record)).count() as f64 / COUNT as f64
}

fn strings(value: &Value) -> Vec<&str> {
    value
        .as_array()
        .map(|items| items.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default()
}

#[test]
fn same_seed_same_bytes_other_seed_other_bytes() {
    let mut first = Vec::new();
    let mut second = Vec::new();
    let mut other = Vec::new();
    let summary = orienta_sample::write_ndjson(&mut first, 400, 7).unwrap();
    orienta_sample::write_ndjson(&mut second, 400, 7).unwrap();
    orienta_sample::write_ndjson(&mut other, 400, 8).unwrap();
    assert_eq!(first, second);
    assert_ne!(first, other);
    assert_eq!(summary.records, 400);
    assert_eq!(summary.bytes, first.len() as u64);
    // The iterator gives the same records as the NDJSON writer.
    let mut lines = Vec::new();
    for record in orienta_sample::generate(400, 7) {
        serde_json::to_writer(&mut lines, &record).unwrap();
        lines.push(b'\n');
    }
    assert_eq!(lines, first);
}

#[test]
fn every_record_has_the_real_shape() {
    for record in RECORDS.iter() {
        shape::check(record);
    }
}

#[test]
fn all_communes_and_all_provider_types_appear() {
    let communes: HashSet<&str> = RECORDS
        .iter()
        .filter(|record| {
            record["address"]["zipCode"]
                .as_u64()
                .is_some_and(|zip| zip < 1300)
        })
        .filter_map(|record| record["address"]["municipalityFr"].as_str())
        .collect();
    assert_eq!(communes.len(), 19, "{communes:?}");
    for commune in shape::COMMUNES_FR {
        assert!(communes.contains(commune), "{commune}");
    }
    let mut seen: HashMap<(String, Option<String>), u64> = HashMap::new();
    for record in RECORDS.iter() {
        for category in record["categoriesObject"].as_array().unwrap() {
            let label = (
                category["labelFr"].as_str().unwrap().to_owned(),
                category["labelNl"].as_str().map(str::to_owned),
            );
            seen.insert(label, category["id"].as_u64().unwrap());
        }
    }
    for (french, dutch) in shape::PROVIDER_TYPES {
        let key = (french.to_owned(), dutch.map(str::to_owned));
        assert!(
            seen.contains_key(&key),
            "{french} / {dutch:?} never generated"
        );
    }
    assert_eq!(
        seen.len(),
        shape::PROVIDER_TYPES.len(),
        "only labels of the table"
    );
    assert_eq!(
        seen[&(
            "Restaurants sociaux".into(),
            Some("Sociale restaurants".into())
        )],
        43
    );
    assert_eq!(
        seen[&(
            "Épiceries sociales".into(),
            Some("Sociale kruideniers".into())
        )],
        454
    );
}

#[test]
fn ids_are_unique_and_synthetic() {
    let ids: HashSet<u64> = RECORDS
        .iter()
        .map(|record| record["id"].as_u64().unwrap())
        .collect();
    assert_eq!(ids.len(), COUNT);
    assert!(ids.iter().all(|&id| id >= 5_000_000));
    assert!(RECORDS
        .iter()
        .all(|record| record["synthetic"] == Value::Bool(true)));
}

#[test]
fn contacts_are_fictitious() {
    for record in RECORDS.iter() {
        for key in ["telFr", "telNl", "faxFr", "faxNl"] {
            for phone in strings(&record[key]) {
                let digits = phone.replace(['/', '.'], "");
                assert!(phone.starts_with("02/000.") && digits.len() == 9, "{phone}");
            }
        }
        for key in ["emailFr", "emailNl"] {
            for email in strings(&record[key]) {
                assert!(
                    email.ends_with(".example.org") && email.contains('@'),
                    "{email}"
                );
            }
        }
        for key in ["websiteOfficial", "websiteUnofficial", "websiteInfo"] {
            for url in strings(&record[format!("{key}Fr")])
                .into_iter()
                .chain(strings(&record[format!("{key}Nl")]))
            {
                let host = url
                    .trim_start_matches("https://")
                    .split('/')
                    .next()
                    .unwrap();
                assert!(
                    url.starts_with("https://") && host.ends_with("example.org"),
                    "{url}"
                );
            }
        }
        for key in [
            "websiteBelgianOfficialJournalFr",
            "websiteBelgianOfficialJournalNl",
        ] {
            for url in strings(&record[key]) {
                assert!(url.contains("&btw=0999"), "{url}");
            }
        }
    }
}

#[test]
fn enterprise_numbers_are_valid_fictitious_and_unique_per_organisation() {
    let mut names_by_kbo: HashMap<&str, HashSet<&str>> = HashMap::new();
    for record in RECORDS.iter() {
        for number in strings(&record["pmRp"]) {
            assert!(number.starts_with("0999."), "{number}");
            assert_eq!(Kbo::parse(number).unwrap().formatted(), number);
            let name = record["nameOfficialFr"]
                .as_str()
                .or(record["nameOfficialNl"].as_str())
                .unwrap();
            names_by_kbo.entry(number).or_default().insert(name);
        }
    }
    // A number shared by several records is a deliberate duplicate: same organisation name.
    assert!(names_by_kbo.values().all(|names| names.len() == 1));
    assert!(names_by_kbo.len() > COUNT * 9 / 10);
}

#[test]
fn mix_proportions_are_roughly_as_specified() {
    let address = |record: &Value, key: &str| record["address"][key].is_number();
    let outside = |record: &Value| {
        record["address"]["zipCode"]
            .as_u64()
            .is_some_and(|zip| zip >= 1300)
    };
    let located = share(|r| address(r, "lat") && address(r, "x") && !outside(r));
    let lambert_only = share(|r| !address(r, "lat") && address(r, "x"));
    let address_only = share(|r| !address(r, "lat") && !address(r, "x"));
    let outside = share(outside);
    assert!((0.89..0.95).contains(&located), "located {located}");
    assert!(
        (0.015..0.045).contains(&lambert_only),
        "lambert only {lambert_only}"
    );
    assert!(
        (0.015..0.045).contains(&address_only),
        "address only {address_only}"
    );
    assert!((0.004..0.02).contains(&outside), "outside {outside}");

    let bilingual = share(|r| r["langStatus"] == "FR-NL");
    let french = share(|r| r["langStatus"] == "FR");
    let dutch = share(|r| r["langStatus"] == "NL");
    assert!((0.64..0.74).contains(&bilingual), "FR-NL {bilingual}");
    assert!((0.17..0.27).contains(&french), "FR {french}");
    assert!((0.07..0.13).contains(&dutch), "NL {dutch}");
    let others = share(|r| {
        strings(&r["languages"])
            .iter()
            .any(|language| !["fr", "nl"].contains(language))
    });
    assert!((0.35..0.45).contains(&others), "other languages {others}");
    let interpreting = share(|r| r["isInterpreting"] == Value::Bool(true));
    assert!(
        (0.07..0.13).contains(&interpreting),
        "interpreting {interpreting}"
    );
    let cpas_antennas = share(|r| r["categoriesObject"][0]["labelFr"] == "CPAS");
    let public_cpas = share(|r| r["legalStatus"]["id"] == 932);
    assert!(
        (0.05..0.12).contains(&cpas_antennas),
        "CPAS {cpas_antennas}"
    );
    assert!(
        public_cpas > cpas_antennas && public_cpas < 0.25,
        "run by a CPAS {public_cpas}"
    );
    let antenna_not_public =
        share(|r| r["categoriesObject"][0]["labelFr"] == "CPAS" && r["legalStatus"]["id"] != 932);
    assert_eq!(antenna_not_public, 0.0);
}

#[test]
fn duplicates_exist_under_other_ids() {
    let summary = orienta_sample::write_ndjson(std::io::sink(), COUNT, SEED).unwrap();
    assert!((25..=80).contains(&summary.duplicates), "{summary:?}");
    // Name variants: same address, same letters in the name, another id.
    let fold = |name: &str| -> String {
        let letters: String = name
            .chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect();
        letters
            .trim_end_matches("asbl")
            .trim_end_matches("vzw")
            .to_owned()
    };
    let mut by_site: HashMap<(String, String, String), Vec<&Value>> = HashMap::new();
    for record in RECORDS.iter() {
        let Some(name) = record["nameOfficialFr"]
            .as_str()
            .or(record["nameOfficialNl"].as_str())
        else {
            continue;
        };
        let address = &record["address"];
        let site = (
            address["streetFr"].to_string(),
            address["number"].to_string(),
            fold(name),
        );
        by_site.entry(site).or_default().push(record);
    }
    let variants = by_site.values().filter(|records| records.len() > 1).count();
    assert!(variants >= 5, "{variants} name variants");
}

#[test]
fn lambert_coordinates_convert_back_to_the_published_point() {
    let wgs84 = proj4rs::Proj::from_epsg_code(4326).unwrap();
    let lambert = proj4rs::Proj::from_epsg_code(31370).unwrap();
    let mut checked = 0;
    for record in RECORDS.iter() {
        let address = &record["address"];
        let (Some(x), Some(y), Some(lon), Some(lat)) = (
            address["x"].as_f64(),
            address["y"].as_f64(),
            address["lon"].as_f64(),
            address["lat"].as_f64(),
        ) else {
            continue;
        };
        let mut point = (x, y, 0.0);
        proj4rs::transform::transform(&lambert, &wgs84, &mut point).unwrap();
        let (back_lon, back_lat) = (point.0.to_degrees(), point.1.to_degrees());
        let metres_north = (back_lat - lat) * 111_320.0;
        let metres_east = (back_lon - lon) * 111_320.0 * lat.to_radians().cos();
        assert!(
            metres_north.hypot(metres_east) < 1.5,
            "{x} {y} vs {lon} {lat}"
        );
        checked += 1;
    }
    assert!(checked > COUNT * 9 / 10);
}

#[test]
fn bundled_set_is_what_the_generator_writes() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../data/sample/social_brussels_sample.ndjson"
    );
    let bundled =
        std::fs::read(path).expect("data/sample/social_brussels_sample.ndjson is bundled");
    let mut written = Vec::new();
    orienta_sample::write_ndjson(&mut written, COUNT, SEED).unwrap();
    assert!(
        bundled == written,
        "the bundled set is stale: regenerate it (see data/sample/README.md)"
    );
}
