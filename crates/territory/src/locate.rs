//! `Tagger::tag`: choose the position to work from (coordinates, Lambert 72, street,
//! postcode), tag it and report each fix.

use crate::address::{info, warning, AddressFacts, FIELD_ZIP};
use crate::postcodes::bruxelles_postcode_bassin;
use crate::streets::{StreetMatch, StreetPoint};
use crate::{LocationInput, TagOutcome, Tagger};
use orienta_model::{
    BassinTag, Geo, GeoMethod, Precision, QualityCode, QualityIssue, TagStatus, Territory,
};

const FIELD_LAT: &str = "address.lat";
const FIELD_X: &str = "address.x";
const FIELD_STREET_FR: &str = "address.streetFr";
const FIELD_STREET_NL: &str = "address.streetNl";

/// Brussels box used to detect swapped coordinates: (lat range, lon range).
const BRUSSELS_LAT: std::ops::RangeInclusive<f64> = 50.76..=50.92;
const BRUSSELS_LON: std::ops::RangeInclusive<f64> = 4.24..=4.49;

/// Share of a street's length a quartier needs to tag a street-geocoded location.
const QUARTIER_SHARE: f64 = 0.8;

/// Tags one location.
pub(crate) fn tag(tagger: &Tagger, input: &LocationInput<'_>) -> TagOutcome {
    let mut issues = Vec::new();
    let address = AddressFacts::read(tagger, input, &mut issues);
    let point = read_wgs84(input, &mut issues).or_else(|| read_lambert72(input, &mut issues));
    let Some((lat, lon, method)) = point else {
        return geocode(tagger, input, &address, &mut issues).unwrap_or_else(|| missing(issues));
    };
    let geo = Geo {
        lat,
        lon,
        method,
        precision: Precision::Rooftop,
    };
    let mut territory = tagger.tag_point(lat, lon);
    territory.method = method;
    if territory.in_region {
        address.check_point(tagger, &territory, &mut issues);
        return TagOutcome {
            geo: Some(geo),
            territory,
            issues,
        };
    }
    if let Some(postcode) = &address.brussels_postcode {
        issues.push(warning(
            QualityCode::GeoAddressConflict,
            FIELD_LAT,
            format!("the point ({lat:.5}, {lon:.5}) is outside the region but postcode {postcode} is in brussels: placed from the address"),
        ));
        if let Some(outcome) = geocode(tagger, input, &address, &mut issues) {
            return outcome;
        }
    }
    issues.push(warning(
        QualityCode::GeoOutsideRegion,
        FIELD_LAT,
        format!("the point ({lat:.5}, {lon:.5}) is outside the brussels-capital region; kept"),
    ));
    TagOutcome {
        geo: Some(geo),
        territory,
        issues,
    }
}

/// Reads WGS84 coordinates, dropping placeholders and fixing swapped ones.
fn read_wgs84(
    input: &LocationInput<'_>,
    issues: &mut Vec<QualityIssue>,
) -> Option<(f64, f64, GeoMethod)> {
    let (lat, lon) = match (input.lat, input.lon) {
        (Some(lat), Some(lon)) => (lat, lon),
        (None, None) => return None,
        _ => {
            issues.push(warning(
                QualityCode::PlaceholderCoordinates,
                FIELD_LAT,
                "only one of latitude and longitude is given: treated as missing",
            ));
            return None;
        }
    };
    let placeholder = !lat.is_finite()
        || !lon.is_finite()
        || lat.abs() < 1e-6
        || !(-90.0..=90.0).contains(&lat)
        || !(-180.0..=180.0).contains(&lon);
    if placeholder {
        issues.push(warning(
            QualityCode::PlaceholderCoordinates,
            FIELD_LAT,
            format!("coordinates ({lat}, {lon}) are a placeholder: treated as missing"),
        ));
        return None;
    }
    if !in_brussels_box(lat, lon) && in_brussels_box(lon, lat) {
        issues.push(warning(
            QualityCode::SwappedLatLon,
            FIELD_LAT,
            format!("latitude and longitude were swapped ({lat}, {lon}): fixed"),
        ));
        return Some((lon, lat, GeoMethod::Coordinates));
    }
    Some((lat, lon, GeoMethod::Coordinates))
}

/// Reads and converts Lambert 72 x/y.
fn read_lambert72(
    input: &LocationInput<'_>,
    issues: &mut Vec<QualityIssue>,
) -> Option<(f64, f64, GeoMethod)> {
    let (x, y) = (input.lambert_x?, input.lambert_y?);
    let converted = (x.is_finite() && y.is_finite() && x.abs() >= 1e-6 && y.abs() >= 1e-6)
        .then(|| orienta_model::lambert::lambert72_to_wgs84(x, y))
        .flatten();
    let Some((lat, lon)) = converted else {
        issues.push(warning(
            QualityCode::PlaceholderCoordinates,
            FIELD_X,
            format!("lambert 72 ({x}, {y}) is a placeholder: treated as missing"),
        ));
        return None;
    };
    issues.push(info(
        QualityCode::ConvertedFromLambert72,
        FIELD_X,
        format!("lambert 72 ({x}, {y}) converted to wgs84 ({lat:.6}, {lon:.6})"),
    ));
    Some((lat, lon, GeoMethod::Lambert))
}

fn in_brussels_box(lat: f64, lon: f64) -> bool {
    BRUSSELS_LAT.contains(&lat) && BRUSSELS_LON.contains(&lon)
}

/// Places a location from its street, else its postcode.
fn geocode(
    tagger: &Tagger,
    input: &LocationInput<'_>,
    address: &AddressFacts,
    issues: &mut Vec<QualityIssue>,
) -> Option<TagOutcome> {
    if address.outside_region {
        return None;
    }
    let mut commune = address.commune.clone();
    let names: Vec<&str> = [input.street_fr, input.street_nl]
        .into_iter()
        .flatten()
        .filter(|name| !name.trim().is_empty())
        .collect();
    if !names.is_empty() {
        let postcode = address.brussels_postcode.as_deref();
        match tagger.streets.find(postcode, commune.as_deref(), &names) {
            StreetMatch::Point(point) => {
                let field = if input.street_fr.is_some() {
                    FIELD_STREET_FR
                } else {
                    FIELD_STREET_NL
                };
                let given = GivenStreet {
                    field,
                    names: &names,
                };
                return Some(street_outcome(tagger, point, &given, issues));
            }
            StreetMatch::Commune(nis) => commune = Some(nis.to_owned()),
            StreetMatch::None => {}
        }
    }
    let postcode = address.brussels_postcode.as_deref()?;
    let nis = commune.filter(|nis| address.postcode_communes.contains(nis))?;
    let commune_info = tagger.commune(&nis)?;
    let (lat, lon) = tagger
        .streets
        .centroid(postcode, Some(&nis))
        .or_else(|| tagger.streets.centroid(postcode, None))?;
    let bassin = postcode_bassin(tagger, postcode, &nis);
    issues.push(info(
        QualityCode::Geocoded,
        FIELD_ZIP,
        format!(
            "placed at the centre of postcode {postcode} in {}",
            commune_info.fr
        ),
    ));
    let territory = Territory {
        commune: Some(commune_info.tag()),
        bassin,
        in_region: true,
        ..Territory::outside(GeoMethod::Postcode, Precision::Postcode)
    };
    Some(TagOutcome {
        geo: Some(Geo {
            lat,
            lon,
            method: GeoMethod::Postcode,
            precision: Precision::Postcode,
        }),
        territory,
        issues: std::mem::take(issues),
    })
}

/// The street a location gave: the field it came from and its names.
struct GivenStreet<'a> {
    /// The field the street came from, for the report.
    field: &'a str,
    /// Its names, French first.
    names: &'a [&'a str],
}

/// The territory of a street midpoint: commune, main bassin, and the quartier when one
/// holds most of the street.
fn street_outcome(
    tagger: &Tagger,
    point: &StreetPoint,
    given: &GivenStreet<'_>,
    issues: &mut Vec<QualityIssue>,
) -> TagOutcome {
    let GivenStreet { field, names } = *given;
    let commune = tagger.commune(&point.nis);
    let bassin = point.bassin_shares.first().map(|&(bassin, share)| {
        let stated = tagger.catalog.rule_status(&point.nis, bassin) == TagStatus::Official;
        let status = if stated && share >= 0.995 {
            TagStatus::Official
        } else {
            TagStatus::Inferred
        };
        BassinTag::new(bassin, status)
    });
    let quartier = point
        .top_quartier
        .filter(|(_, share)| *share >= QUARTIER_SHARE && !point.low_quality)
        .and_then(|(code, _)| tagger.quartier(code));
    issues.push(info(
        QualityCode::Geocoded,
        field,
        format!(
            "placed at the middle of `{}` ({} {})",
            names.first().copied().unwrap_or_default(),
            point.postcode,
            commune
                .map(|commune| commune.fr.as_str())
                .unwrap_or_default()
        ),
    ));
    let territory = Territory {
        in_region: true,
        commune: commune.map(|commune| commune.tag()),
        quartier: quartier.map(|quartier| quartier.tag()),
        bassin,
        ..Territory::outside(GeoMethod::Street, Precision::Street)
    };
    TagOutcome {
        geo: Some(Geo {
            lat: point.lat,
            lon: point.lon,
            method: GeoMethod::Street,
            precision: Precision::Street,
        }),
        territory,
        issues: std::mem::take(issues),
    }
}

/// The bassin of a (postcode, commune): the commune's own rule, or for Bruxelles-Ville the
/// postcode table of docs/domain.md §1.4, else where most of its streets lie.
fn postcode_bassin(tagger: &Tagger, postcode: &str, nis: &str) -> Option<BassinTag> {
    let bassin = if nis == "21004" {
        bruxelles_postcode_bassin(postcode).or_else(|| tagger.streets.main_bassin(postcode, nis))?
    } else {
        *tagger.commune(nis)?.bassins.first()?
    };
    Some(BassinTag::new(
        bassin,
        tagger.catalog.rule_status(nis, bassin),
    ))
}

/// No position at all.
fn missing(mut issues: Vec<QualityIssue>) -> TagOutcome {
    issues.push(warning(
        QualityCode::MissingGeo,
        FIELD_LAT,
        "no usable coordinates, street or postcode to place the location",
    ));
    TagOutcome {
        geo: None,
        territory: Territory::outside(GeoMethod::None, Precision::Unknown),
        issues,
    }
}
