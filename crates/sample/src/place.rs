//! Addresses and coordinates: a real street, a house number, a jittered point and its
//! statistical sector and Monitoring quartier; or a real place just outside the Region.

use crate::gazetteer::{Gazetteer, Sector};
use orienta_model::lambert::{lambert72_to_wgs84, wgs84_to_lambert72};
use rand::seq::IndexedRandom;
use rand::Rng;

/// How the record is located, as seen in real data.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Positioning {
    /// lat/lon and Lambert x/y.
    Full,
    /// Lambert x/y only, lat/lon null.
    LambertOnly,
    /// Address only, every coordinate null.
    AddressOnly,
    /// A place just outside the Region.
    Outside,
}

/// The Monitoring quartier and statistical sector of a point.
#[derive(Debug, Clone)]
pub(crate) struct District {
    pub mdrc: u32,
    pub quartier_fr: String,
    pub quartier_nl: String,
    pub sector_code: String,
    pub sector_fr: String,
    pub sector_nl: String,
}

/// An address with its coordinates, ready for the `address` object.
#[derive(Debug, Clone)]
pub(crate) struct Place {
    pub street_fr: String,
    pub street_nl: String,
    pub number: String,
    pub postal_box: Option<String>,
    pub building: Option<String>,
    pub postcode: u16,
    pub municipality_fr: String,
    pub municipality_nl: String,
    /// Commune name in ordinary case, for provider names.
    pub commune_fr: String,
    pub commune_nl: String,
    /// Quartier name (UPPER CASE, as UrbIS) used in provider names.
    pub quartier_fr: String,
    pub quartier_nl: String,
    pub district: Option<District>,
    pub lon: Option<f64>,
    pub lat: Option<f64>,
    pub x: Option<i64>,
    pub y: Option<i64>,
}

/// Largest distance, in metres, between a record and its street midpoint.
const JITTER_METRES: f64 = 8.0;
const METRES_PER_DEGREE: f64 = 111_320.0;

/// Real places just outside the Region: (postcode, municipality FR, NL, streets FR/NL, lon, lat).
/// Zaventem, Dilbeek and Vilvoorde streets only have their Dutch name.
type OutsidePlace = (
    u16,
    &'static str,
    &'static str,
    &'static [(&'static str, &'static str)],
    f64,
    f64,
);
pub(crate) const OUTSIDE_PLACES: [OutsidePlace; 6] = [
    (
        1930,
        "Zaventem",
        "Zaventem",
        &[
            ("Stationsstraat", "Stationsstraat"),
            ("Vilvoordelaan", "Vilvoordelaan"),
            ("Kerkplein", "Kerkplein"),
        ],
        4.4717,
        50.8836,
    ),
    (
        1620,
        "Drogenbos",
        "Drogenbos",
        &[
            ("Grand-Route", "Grote Baan"),
            ("Rue de Stalle prolongée", "Verlengde Stallestraat"),
        ],
        4.3161,
        50.7876,
    ),
    (
        1700,
        "Dilbeek",
        "Dilbeek",
        &[
            ("Gemeenteplein", "Gemeenteplein"),
            ("Kaudenaardestraat", "Kaudenaardestraat"),
            ("Ninoofsesteenweg", "Ninoofsesteenweg"),
        ],
        4.2594,
        50.8481,
    ),
    (
        1800,
        "Vilvorde",
        "Vilvoorde",
        &[
            ("Grote Markt", "Grote Markt"),
            ("Leuvensestraat", "Leuvensestraat"),
            ("Stationsplein", "Stationsplein"),
        ],
        4.4254,
        50.9279,
    ),
    (
        1950,
        "Kraainem",
        "Kraainem",
        &[
            ("Avenue de Wezembeek", "Wezembeeklaan"),
            ("Avenue Baron Albert d'Huart", "Baron Albert d'Huartlaan"),
        ],
        4.4735,
        50.8615,
    ),
    (
        1630,
        "Linkebeek",
        "Linkebeek",
        &[("Rue de Hollebeek", "Hollebeekstraat")],
        4.3370,
        50.7687,
    ),
];

/// Largest distance, in metres, between an outside record and its town centre.
pub(crate) const OUTSIDE_JITTER_METRES: f64 = 120.0;

/// Builds a place. `dutch_only` writes the box as "bus 3" instead of "bte 3".
pub(crate) fn generate(
    rng: &mut impl Rng,
    gazetteer: &Gazetteer,
    positioning: Positioning,
    dutch_only: bool,
) -> Place {
    if positioning == Positioning::Outside {
        return outside(rng, dutch_only);
    }
    // Uniform over streets: each commune gets records in proportion to its street count.
    let street = &gazetteer.streets[rng.random_range(0..gazetteer.streets.len())];
    let sector = &gazetteer.sectors[street.sector];
    let (lon, lat) = jitter_in_sector(rng, sector, street.lon, street.lat, positioning);
    let (x, y) = wgs84_to_lambert72(lat, lon).map_or((None, None), |(x, y)| {
        (Some(x.round() as i64), Some(y.round() as i64))
    });
    let district = District {
        mdrc: sector.mdrc,
        quartier_fr: sector.quartier_fr.clone(),
        quartier_nl: sector.quartier_nl.clone(),
        sector_code: sector.code.clone(),
        sector_fr: sector.name_fr.clone(),
        sector_nl: sector.name_nl.clone(),
    };
    let (number, postal_box, building) = house_number(rng, street.length_m, dutch_only);
    let mut place = Place {
        street_fr: street.street_fr.clone(),
        street_nl: street.street_nl.clone(),
        number,
        postal_box,
        building,
        postcode: street.postcode,
        municipality_fr: sector.commune_fr_upper.clone(),
        municipality_nl: sector.commune_nl_upper.clone(),
        commune_fr: street.commune.fr.to_owned(),
        commune_nl: street.commune.nl.to_owned(),
        quartier_fr: sector.quartier_fr.clone(),
        quartier_nl: sector.quartier_nl.clone(),
        district: Some(district),
        lon: Some(lon),
        lat: Some(lat),
        x,
        y,
    };
    match positioning {
        Positioning::LambertOnly => (place.lon, place.lat) = (None, None),
        Positioning::AddressOnly => {
            (place.lon, place.lat, place.x, place.y) = (None, None, None, None);
            place.district = None;
        }
        Positioning::Full | Positioning::Outside => {}
    }
    place
}

/// The midpoint moved by at most [`JITTER_METRES`], staying inside the midpoint's sector (for
/// Lambert-only records, after rounding x/y to the metre as the source does).
fn jitter_in_sector(
    rng: &mut impl Rng,
    sector: &Sector,
    lon: f64,
    lat: f64,
    positioning: Positioning,
) -> (f64, f64) {
    for _ in 0..6 {
        let (candidate_lon, candidate_lat) = jitter(rng, lon, lat, JITTER_METRES);
        if !sector.contains(candidate_lon, candidate_lat) {
            continue;
        }
        if positioning != Positioning::LambertOnly {
            return (candidate_lon, candidate_lat);
        }
        let rounded_back = wgs84_to_lambert72(candidate_lat, candidate_lon)
            .and_then(|(x, y)| lambert72_to_wgs84(x.round(), y.round()));
        if rounded_back.is_some_and(|(back_lat, back_lon)| sector.contains(back_lon, back_lat)) {
            return (candidate_lon, candidate_lat);
        }
    }
    (lon, lat)
}

/// A point at most `metres` away from (lon, lat), uniform over the disc.
pub(crate) fn jitter(rng: &mut impl Rng, lon: f64, lat: f64, metres: f64) -> (f64, f64) {
    let radius = metres * rng.random::<f64>().sqrt();
    let angle = rng.random::<f64>() * std::f64::consts::TAU;
    let dlat = radius * angle.cos() / METRES_PER_DEGREE;
    let dlon = radius * angle.sin() / (METRES_PER_DEGREE * lat.to_radians().cos());
    (lon + dlon, lat + dlat)
}

/// A plausible house number for a street of this length, sometimes with a box or building.
fn house_number(
    rng: &mut impl Rng,
    length_m: u32,
    dutch_only: bool,
) -> (String, Option<String>, Option<String>) {
    let highest = (length_m / 6).clamp(3, 280);
    let first = rng.random_range(1..=highest);
    let number = match rng.random_range(0..100) {
        0..=6 => format!(
            "{first}{}",
            ["A", "B", "C"].choose(rng).copied().unwrap_or("A")
        ),
        7..=9 => format!("{first}-{}", first + 2),
        _ => first.to_string(),
    };
    let postal_box = rng.random_bool(0.12).then(|| {
        let word = if dutch_only { "bus" } else { "bte" };
        format!("{word} {}", rng.random_range(1..=15))
    });
    let building = rng.random_bool(0.03).then(|| {
        ["A", "B", "C", "2"]
            .choose(rng)
            .copied()
            .unwrap_or("A")
            .to_owned()
    });
    (number, postal_box, building)
}

fn outside(rng: &mut impl Rng, dutch_only: bool) -> Place {
    let (postcode, municipality_fr, municipality_nl, streets, lon, lat) =
        OUTSIDE_PLACES[rng.random_range(0..OUTSIDE_PLACES.len())];
    let (street_fr, street_nl) = streets[rng.random_range(0..streets.len())];
    let (lon, lat) = jitter(rng, lon, lat, OUTSIDE_JITTER_METRES);
    let (x, y) = wgs84_to_lambert72(lat, lon).map_or((None, None), |(x, y)| {
        (Some(x.round() as i64), Some(y.round() as i64))
    });
    let (number, postal_box, building) = house_number(rng, 400, dutch_only);
    Place {
        street_fr: street_fr.to_owned(),
        street_nl: street_nl.to_owned(),
        number,
        postal_box,
        building,
        postcode,
        municipality_fr: municipality_fr.to_uppercase(),
        municipality_nl: municipality_nl.to_uppercase(),
        commune_fr: municipality_fr.to_owned(),
        commune_nl: municipality_nl.to_owned(),
        quartier_fr: municipality_fr.to_uppercase(),
        quartier_nl: municipality_nl.to_uppercase(),
        district: None,
        lon: Some(lon),
        lat: Some(lat),
        x,
        y,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::GAZETTEER;
    use rand::SeedableRng;
    use rand_chacha::ChaCha8Rng;

    #[test]
    fn outside_places_stay_outside_every_sector() {
        for (_, name, _, _, lon, lat) in OUTSIDE_PLACES {
            for step in 0..16 {
                let angle = f64::from(step) * std::f64::consts::TAU / 16.0;
                let radius = OUTSIDE_JITTER_METRES / METRES_PER_DEGREE;
                let (lon, lat) = (
                    lon + radius * angle.sin() / lat.to_radians().cos(),
                    lat + radius * angle.cos(),
                );
                let inside = GAZETTEER
                    .sectors
                    .iter()
                    .any(|sector| sector.contains(lon, lat));
                assert!(!inside, "{name} reaches into the Region");
            }
        }
    }

    #[test]
    fn jittered_points_stay_close_and_in_their_sector() {
        let mut rng = ChaCha8Rng::seed_from_u64(7);
        for _ in 0..500 {
            let place = generate(&mut rng, &GAZETTEER, Positioning::Full, false);
            let district = place.district.unwrap();
            let sector = GAZETTEER
                .sectors
                .iter()
                .find(|s| s.code == district.sector_code)
                .unwrap();
            assert!(sector.contains(place.lon.unwrap(), place.lat.unwrap()));
        }
    }
}
