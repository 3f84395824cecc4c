//! The other answer formats of a search: GeoJSON and CSV.

use crate::error::ApiError;
use crate::views::result::SearchResult;
use serde::Serialize;
use serde_json::Value;
use utoipa::ToSchema;

/// A GeoJSON point, `[longitude, latitude]`.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct PointGeometry {
    /// Always `Point`.
    #[serde(rename = "type")]
    #[schema(example = "Point")]
    pub kind: String,
    /// `[longitude, latitude]`.
    pub coordinates: Vec<f64>,
}

/// One result as a GeoJSON Feature: the result object without `lat`/`lon` as properties.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct SearchFeature {
    /// Always `Feature`.
    #[serde(rename = "type")]
    #[schema(example = "Feature")]
    pub kind: String,
    /// The location; `null` when it has no point.
    pub geometry: Option<PointGeometry>,
    /// The result (without `lat` and `lon`).
    #[schema(value_type = SearchResult)]
    pub properties: Value,
}

/// The results of a search as an RFC 7946 FeatureCollection.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct SearchFeatureCollection {
    /// Always `FeatureCollection`.
    #[serde(rename = "type")]
    #[schema(example = "FeatureCollection")]
    pub kind: String,
    /// Matching results in all pages.
    pub total: usize,
    /// Page number.
    pub page: usize,
    /// Page size.
    pub per_page: usize,
    /// The page of results.
    pub features: Vec<SearchFeature>,
}

/// Media type of GeoJSON.
pub const GEOJSON: &str = "application/geo+json";
/// Media type of CSV.
pub const CSV: &str = "text/csv; charset=utf-8";

/// The GeoJSON body.
pub fn geojson(
    results: &[SearchResult],
    total: usize,
    page: usize,
    per_page: usize,
) -> Result<Vec<u8>, ApiError> {
    let features = results
        .iter()
        .map(|result| {
            let geometry = match (result.lat, result.lon) {
                (Some(lat), Some(lon)) => Some(PointGeometry {
                    kind: "Point".to_owned(),
                    coordinates: vec![lon, lat],
                }),
                _ => None,
            };
            let mut properties = serde_json::to_value(result).map_err(ApiError::internal)?;
            if let Some(object) = properties.as_object_mut() {
                object.remove("lat");
                object.remove("lon");
            }
            Ok(SearchFeature {
                kind: "Feature".to_owned(),
                geometry,
                properties,
            })
        })
        .collect::<Result<Vec<_>, ApiError>>()?;
    let collection = SearchFeatureCollection {
        kind: "FeatureCollection".to_owned(),
        total,
        page,
        per_page,
        features,
    };
    serde_json::to_vec(&collection).map_err(ApiError::internal)
}

/// The CSV columns.
pub const CSV_COLUMNS: [&str; 24] = [
    "id",
    "location_id",
    "name_fr",
    "name_nl",
    "display_name",
    "needs",
    "languages",
    "address",
    "postcode",
    "commune_nis",
    "commune",
    "quartier_code",
    "quartier",
    "bassin",
    "lat",
    "lon",
    "distance_m",
    "phone",
    "email",
    "website",
    "hours",
    "care_line",
    "synthetic",
    "source_url",
];

/// Columns holding numbers (or `true`/`false`), written as they are.
const NUMERIC_COLUMNS: [&str; 5] = ["quartier_code", "lat", "lon", "distance_m", "synthetic"];

/// A text cell made safe for spreadsheets (OWASP CSV injection): a cell starting with
/// `=`, `+`, `-`, `@`, a tab or a carriage return is prefixed with `'`, so it is shown
/// as text and never evaluated as a formula.
pub fn neutralise(cell: String) -> String {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        return format!("'{cell}");
    }
    cell
}

fn number(value: Option<f64>) -> String {
    value.map(|number| number.to_string()).unwrap_or_default()
}

/// The CSV body: a header row, then one row per result; text cells neutralised
/// ([`neutralise`]), numbers (coordinates, distance) left as numbers.
pub fn csv(results: &[SearchResult], lang: orienta_model::Lang) -> Result<Vec<u8>, ApiError> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer
        .write_record(CSV_COLUMNS)
        .map_err(ApiError::internal)?;
    let local = |fr: &str, nl: &str| match lang {
        orienta_model::Lang::Nl => nl.to_owned(),
        _ => fr.to_owned(),
    };
    for result in results {
        let needs: Vec<&str> = result.needs.iter().map(|need| need.id.as_str()).collect();
        let address = result.address.as_ref();
        let row = [
            result.id.clone(),
            result.location_id.clone().unwrap_or_default(),
            result.name.fr.clone().unwrap_or_default(),
            result.name.nl.clone().unwrap_or_default(),
            result.display_name.clone(),
            needs.join(";"),
            result.languages.join(";"),
            address
                .map(|address| address.line.clone())
                .unwrap_or_default(),
            address
                .and_then(|address| address.postcode.clone())
                .unwrap_or_default(),
            result
                .commune
                .as_ref()
                .map(|commune| commune.nis.clone())
                .unwrap_or_default(),
            result
                .commune
                .as_ref()
                .map(|commune| local(&commune.fr, &commune.nl))
                .unwrap_or_default(),
            result
                .quartier
                .as_ref()
                .map(|quartier| quartier.code.to_string())
                .unwrap_or_default(),
            result
                .quartier
                .as_ref()
                .map(|quartier| local(&quartier.fr, &quartier.nl))
                .unwrap_or_default(),
            result
                .bassin
                .as_ref()
                .map(|bassin| bassin.slug.clone())
                .unwrap_or_default(),
            number(result.lat),
            number(result.lon),
            number(result.distance_m),
            result
                .phones
                .first()
                .map(|phone| phone.display.clone())
                .unwrap_or_default(),
            result.emails.first().cloned().unwrap_or_default(),
            result.websites.first().cloned().unwrap_or_default(),
            result.hours.text.clone().unwrap_or_default(),
            result.care_line.clone().unwrap_or_default(),
            result.synthetic.to_string(),
            result.source.url.clone().unwrap_or_default(),
        ];
        let row = row.into_iter().zip(CSV_COLUMNS).map(|(cell, column)| {
            if NUMERIC_COLUMNS.contains(&column) {
                cell
            } else {
                neutralise(cell)
            }
        });
        writer.write_record(row).map_err(ApiError::internal)?;
    }
    writer.into_inner().map_err(ApiError::internal)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_cells_are_prefixed_and_plain_text_is_not() {
        for formula in [
            "=HYPERLINK(\"http://x\")",
            "+1+1",
            "-2+3",
            "@SUM(A1)",
            "\tx",
            "\rx",
        ] {
            assert_eq!(neutralise(formula.to_owned()), format!("'{formula}"));
        }
        for plain in ["Resto du coeur", "1000 Bruxelles", "", "a=b"] {
            assert_eq!(neutralise(plain.to_owned()), plain);
        }
    }
}
