//! `tag_point` on known places and on every statistical sector.

use crate::tagger;
use geo::{Geometry, InteriorPoint};
use orienta_model::{Bassin, GeoMethod, Precision, TagStatus, Territory};
use serde_json::Value;

fn tag(lat: f64, lon: f64) -> Territory {
    tagger().tag_point(lat, lon)
}

fn bassin(territory: &Territory) -> (Bassin, TagStatus) {
    let bassin = territory.bassin.as_ref().expect("a bassin");
    (bassin.slug, bassin.status)
}

#[test]
fn grand_place_is_in_the_pentagone() {
    let territory = tag(50.8467, 4.3524);
    assert!(territory.in_region);
    assert_eq!(territory.method, GeoMethod::Coordinates);
    assert_eq!(territory.precision, Precision::Rooftop);
    let commune = territory.commune.as_ref().unwrap();
    assert_eq!(
        (
            commune.nis.as_str(),
            commune.fr.as_str(),
            commune.nl.as_str()
        ),
        ("21004", "Bruxelles", "Brussel")
    );
    assert_eq!(territory.sector.as_ref().unwrap().code, "21004A001");
    let quartier = territory.quartier.as_ref().unwrap();
    assert_eq!(
        (quartier.code, quartier.fr.as_str(), quartier.nl.as_str()),
        (1, "Grand Place", "Grote Markt")
    );
    assert_eq!(
        bassin(&territory),
        (Bassin::CentreOuest, TagStatus::Inferred)
    );
    assert!(territory.qss.is_none());
}

#[test]
fn bruxelles_social_org_13219_is_reyers() {
    let territory = tag(50.851756, 4.401445);
    let commune = territory.commune.as_ref().unwrap();
    assert_eq!(
        (
            commune.nis.as_str(),
            commune.fr.as_str(),
            commune.nl.as_str()
        ),
        ("21015", "Schaerbeek", "Schaarbeek")
    );
    assert_eq!(territory.sector.as_ref().unwrap().code, "21015A77-");
    let quartier = territory.quartier.as_ref().unwrap();
    assert_eq!((quartier.code, quartier.fr.as_str()), (87, "Reyers"));
    assert_eq!(bassin(&territory), (Bassin::NordEst, TagStatus::Official));
    let bassin_tag = territory.bassin.as_ref().unwrap();
    assert_eq!(
        (bassin_tag.fr.as_str(), bassin_tag.nl.as_str()),
        ("Nord-Est", "Noordoost")
    );
}

#[test]
fn laeken_is_nord_official() {
    let territory = tag(50.8830, 4.3570);
    assert_eq!(territory.commune.as_ref().unwrap().nis, "21004");
    assert!(territory
        .sector
        .as_ref()
        .unwrap()
        .code
        .starts_with("21004E"));
    assert_eq!(bassin(&territory), (Bassin::Nord, TagStatus::Official));
}

#[test]
fn avenue_louise_strip_is_bruxelles_sud() {
    let territory = tag(50.8270, 4.3640);
    assert_eq!(territory.commune.as_ref().unwrap().nis, "21004");
    assert!(
        territory
            .sector
            .as_ref()
            .unwrap()
            .code
            .starts_with("21004C"),
        "{:?}",
        territory.sector
    );
    assert_eq!(bassin(&territory), (Bassin::Sud, TagStatus::Inferred));
}

#[test]
fn ixelles_and_uccle_are_sud_official() {
    let ixelles = tag(50.8275, 4.3723);
    let commune = ixelles.commune.as_ref().unwrap();
    assert_eq!(
        (
            commune.nis.as_str(),
            commune.fr.as_str(),
            commune.nl.as_str()
        ),
        ("21009", "Ixelles", "Elsene")
    );
    assert_eq!(bassin(&ixelles), (Bassin::Sud, TagStatus::Official));
    let uccle = tag(50.8020, 4.3370);
    let commune = uccle.commune.as_ref().unwrap();
    assert_eq!(
        (
            commune.nis.as_str(),
            commune.fr.as_str(),
            commune.nl.as_str()
        ),
        ("21016", "Uccle", "Ukkel")
    );
    assert_eq!(bassin(&uccle), (Bassin::Sud, TagStatus::Official));
}

#[test]
fn points_off_the_region_are_outside() {
    for (lat, lon) in [
        (50.8836, 4.4719),
        (50.6326, 5.5797),
        (48.8589, 2.38),
        (f64::NAN, 4.35),
    ] {
        let territory = tag(lat, lon);
        assert!(!territory.in_region, "{lat} {lon}");
        assert!(
            territory.commune.is_none() && territory.bassin.is_none() && territory.sector.is_none()
        );
    }
}

/// Every one of the 724 sectors: a point inside it tags back to it.
#[test]
fn every_sector_tags_back_from_an_interior_point() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../data/geo/statistical_sectors_2022.geojson"
    );
    let text = std::fs::read_to_string(path).unwrap();
    let collection: geojson::FeatureCollection = text.parse().unwrap();
    assert_eq!(collection.features.len(), 724);
    for feature in &collection.features {
        let properties = feature.properties.as_ref().unwrap();
        let code = properties["cd_sector"].as_str().unwrap();
        let geometry = Geometry::<f64>::try_from(feature.geometry.as_ref().unwrap()).unwrap();
        let point = geometry.interior_point().unwrap();
        let territory = tag(point.y(), point.x());
        assert!(territory.in_region, "{code}");
        assert_eq!(territory.sector.as_ref().unwrap().code, code);
        let nis = properties["nis_commune"].as_str().unwrap();
        assert_eq!(territory.commune.as_ref().unwrap().nis, nis, "{code}");
        let mdrc = properties["mdrc"].as_u64().map(|code| code as u32);
        assert_eq!(
            territory.quartier.as_ref().map(|quartier| quartier.code),
            mdrc,
            "{code}"
        );
        let expected = properties
            .get("bassin_inferred")
            .and_then(Value::as_str)
            .and_then(Bassin::parse);
        assert_eq!(
            territory.bassin.as_ref().map(|bassin| bassin.slug),
            expected,
            "{code}"
        );
    }
}

#[test]
fn tagger_is_shareable_and_serialises() {
    fn shareable<T: Send + Sync>(_: &T) {}
    shareable(tagger());
    let json = serde_json::to_value(tag(50.851756, 4.401445)).unwrap();
    assert_eq!(json["commune"]["fr"], "Schaerbeek");
    assert_eq!(json["bassin"]["slug"], "nord-est");
    assert_eq!(json["bassin"]["status"], "official");
}
