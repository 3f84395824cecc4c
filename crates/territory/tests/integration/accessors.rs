//! The bundled reference accessors used by the API and the page.

use crate::tagger;
use orienta_model::{Bassin, TagStatus};

#[test]
fn communes_and_quartiers_are_listed_bilingually() {
    let tagger = tagger();
    assert_eq!(tagger.communes().len(), 19);
    let saint_josse = tagger.commune("21014").unwrap();
    assert_eq!(
        (saint_josse.fr.as_str(), saint_josse.nl.as_str()),
        ("Saint-Josse-ten-Noode", "Sint-Joost-ten-Node")
    );
    assert!(tagger.commune("21099").is_none());
    assert_eq!(tagger.quartiers().len(), 145);
    let reyers = tagger.quartier(87).unwrap();
    assert_eq!(reyers.communes, vec!["21015".to_owned()]);
    assert!(tagger.quartier(0).is_none());
}

#[test]
fn bassins_say_whether_they_are_inferred() {
    let tagger = tagger();
    let nord = tagger.bassin_info(Bassin::Nord);
    assert_eq!(
        (nord.slug, nord.fr, nord.nl, nord.status),
        ("nord", "Nord", "Noord", TagStatus::Official)
    );
    assert!(nord.communes.contains(&"21004".to_owned()));
    assert_eq!(
        tagger.bassin_info(Bassin::CentreOuest).status,
        TagStatus::Inferred
    );
    let total: usize = Bassin::ALL
        .iter()
        .map(|b| tagger.bassin_info(*b).communes.len())
        .sum();
    assert_eq!(total, 19 + 2, "bruxelles sits in three bassins");
}

#[test]
fn geojson_layers_are_feature_collections() {
    let tagger = tagger();
    let layers = [
        (tagger.communes_geojson(), 19, "name_nl"),
        (tagger.quartiers_geojson(), 145, "name_nl"),
        (tagger.bassins_geojson(), 5, "status"),
        (tagger.region_geojson(), 1, "name_nl"),
    ];
    for (text, count, property) in layers {
        let collection: geojson::FeatureCollection = text.parse().unwrap();
        assert_eq!(collection.features.len(), count);
        assert!(collection
            .features
            .iter()
            .all(|feature| feature.contains_property(property)));
    }
    let bassins: geojson::FeatureCollection = tagger.bassins_geojson().parse().unwrap();
    let status = bassins.features[0]
        .property("status")
        .and_then(|value| value.as_str())
        .unwrap();
    assert!(status.starts_with("inferred"), "{status}");
}

#[test]
fn postcodes_and_lambert_helpers() {
    let tagger = tagger();
    let communes: Vec<String> = tagger
        .postcode_communes("1050")
        .into_iter()
        .map(|commune| commune.fr)
        .collect();
    assert_eq!(communes, vec!["Ixelles", "Bruxelles", "Saint-Gilles"]);
    assert!(tagger.postcode_communes("1930").is_empty());
    let (lat, lon) = tagger.postcode_centroid("1030").unwrap();
    assert_eq!(tagger.tag_point(lat, lon).commune.unwrap().nis, "21015");
    assert!(tagger.postcode_centroid("75011").is_none());
    let (x, y) = tagger.wgs84_to_lambert72(50.85176, 4.40145).unwrap();
    assert!(
        (x - 152302.0).abs() < 2.0 && (y - 171263.0).abs() < 2.0,
        "{x} {y}"
    );
    let (lat, lon) = tagger.lambert72_to_wgs84(x, y).unwrap();
    assert!((lat - 50.85176).abs() < 1e-8 && (lon - 4.40145).abs() < 1e-8);
}
