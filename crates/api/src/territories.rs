//! The territory layers as GeoJSON with uniform bilingual properties, built once from the
//! territory crate's bundled layers.

use actix_web::web::Bytes;
use orienta_model::{Bassin, TagStatus};
use orienta_territory::places::STREETS_OSM_GEOJSON;
use orienta_territory::Tagger;
use serde_json::{json, Map, Value};

/// One layer, serialised with its geometries and without them (names for a list).
pub struct Layer {
    /// The FeatureCollection.
    pub full: Bytes,
    /// The same features with `geometry: null`: a few kB, for a filter list.
    pub names: Bytes,
}

/// Communes, quartiers and bassins, serialised.
pub struct TerritoryLayers {
    /// The 19 communes.
    pub communes: Layer,
    /// The 145 Monitoring quartiers.
    pub quartiers: Layer,
    /// The five bassins.
    pub bassins: Layer,
    /// The OSM street lines, named `streets` like the other layers (served whole only).
    pub streets: Bytes,
}

fn status_name(status: TagStatus) -> &'static str {
    match status {
        TagStatus::Official => "official",
        TagStatus::Inferred => "inferred",
    }
}

/// Rewrites each feature's properties; features whose properties cannot be mapped are dropped.
fn rewrite(
    layer: &str,
    name: &str,
    mut properties: impl FnMut(&Map<String, Value>) -> Option<Value>,
) -> Layer {
    let parsed: Value = serde_json::from_str(layer).unwrap_or(Value::Null);
    let features: Vec<Value> = parsed
        .get("features")
        .and_then(Value::as_array)
        .map(|features| {
            features
                .iter()
                .filter_map(|feature| {
                    let source = feature.get("properties")?.as_object()?;
                    Some(json!({
                        "type": "Feature",
                        "properties": properties(source)?,
                        "geometry": feature.get("geometry")?.clone(),
                    }))
                })
                .collect()
        })
        .unwrap_or_default();
    let names: Vec<Value> = features
        .iter()
        .map(|feature| {
            let mut feature = feature.clone();
            feature["geometry"] = Value::Null;
            feature
        })
        .collect();
    let serialise = |features: Vec<Value>| {
        let collection = json!({"type": "FeatureCollection", "name": name, "features": features});
        Bytes::from(serde_json::to_vec(&collection).unwrap_or_default())
    };
    Layer {
        full: serialise(features),
        names: serialise(names),
    }
}

fn bassin_json(tagger: &Tagger, bassin: Bassin) -> Value {
    let info = tagger.bassin_info(bassin);
    json!({"slug": info.slug, "fr": info.fr, "nl": info.nl, "status": status_name(info.status)})
}

impl TerritoryLayers {
    /// Builds the layers.
    pub fn new(tagger: &Tagger) -> Self {
        let communes = rewrite(tagger.communes_geojson(), "communes", |source| {
            let nis = source.get("nis_commune")?.as_str()?;
            let commune = tagger.commune(nis)?;
            let bassins: Vec<Value> = commune
                .bassins
                .iter()
                .map(|bassin| bassin_json(tagger, *bassin))
                .collect();
            Some(
                json!({"nis": commune.nis, "fr": commune.fr, "nl": commune.nl, "bassins": bassins}),
            )
        });
        let quartiers = rewrite(tagger.quartiers_geojson(), "quartiers", |source| {
            let code = u32::try_from(source.get("mdrc")?.as_u64()?).ok()?;
            let quartier = tagger.quartier(code)?;
            Some(json!({
                "code": quartier.code, "fr": quartier.fr, "nl": quartier.nl,
                "communes": quartier.communes,
            }))
        });
        let bassins = rewrite(tagger.bassins_geojson(), "bassins", |source| {
            let bassin = Bassin::parse(source.get("bassin_fr")?.as_str()?)?;
            let info = tagger.bassin_info(bassin);
            Some(json!({
                "slug": info.slug, "fr": info.fr, "nl": info.nl,
                "status": status_name(info.status),
                "communes": info.communes,
                "geometry_status": "inferred",
                "note_fr": "délimitation reconstituée par Orienta à partir des secteurs statistiques, pas la carte officielle",
                "note_nl": "afbakening door Orienta afgeleid uit de statistische sectoren, niet de officiële kaart",
            }))
        });
        Self {
            communes,
            quartiers,
            bassins,
            streets: named_collection(STREETS_OSM_GEOJSON, "streets"),
        }
    }
}

/// A FeatureCollection's text with its `name` member added first (the file has none).
fn named_collection(geojson: &str, name: &str) -> Bytes {
    let Some(rest) = geojson.trim_start().strip_prefix('{') else {
        return Bytes::copy_from_slice(geojson.as_bytes());
    };
    Bytes::from(format!("{{\"name\":\"{name}\",{rest}"))
}
