//! `serves`: the services responsible for a person who lives at a point (`serves=lat,lon`)
//! or at an address from the place box (`serves=<place id>`), instead of those merely near.

use super::SpecContext;
use crate::error::{ApiError, Detail, ErrorCode};
use crate::params::{self, QueryParams};
use orienta_search::serves::Residence;

/// Where the person lives: the point and its territory.
#[derive(Debug, Clone)]
pub struct ServesAt {
    /// Latitude, longitude.
    pub point: (f64, f64),
    /// Its commune, quartier and bassin.
    pub residence: Residence,
}

/// Reads `serves`; it replaces `near` and `place`, which it cannot be sent with.
pub(super) fn serves(
    params: &QueryParams,
    context: &SpecContext<'_>,
) -> Result<Option<ServesAt>, ApiError> {
    let Some(value) = params.get("serves") else {
        return Ok(None);
    };
    if params.has("near") || params.has("place") {
        return Err(ApiError::parameter(
            ErrorCode::UnknownParameterValue,
            "serves",
            Detail::tri(
                "serves already gives the point: send serves without near or place",
                "serves donne déjà le point : envoyez serves sans near ni place",
                "serves geeft het punt al: stuur serves zonder near of place",
            ),
        ));
    }
    let point = if value.contains(',') {
        params::lat_lon("serves", value)?
    } else {
        place_point(value, context)?
    };
    let territory = context.tagger.tag_point(point.0, point.1);
    if !territory.in_region {
        return Err(ApiError::parameter(
            ErrorCode::InvalidCoordinates,
            "serves",
            Detail::tri(
                "serves must be a point in the Brussels-Capital Region",
                "serves doit être un point de la Région de Bruxelles-Capitale",
                "serves moet een punt in het Brussels Hoofdstedelijk Gewest zijn",
            ),
        ));
    }
    let residence = Residence {
        commune: territory.commune.map(|commune| commune.nis),
        quartier: territory.quartier.map(|quartier| quartier.code),
        bassin: territory.bassin.map(|bassin| bassin.slug),
    };
    Ok(Some(ServesAt { point, residence }))
}

/// The point of a place id (an address or a street); an area has none.
fn place_point(id: &str, context: &SpecContext<'_>) -> Result<(f64, f64), ApiError> {
    let place = context.geocoder.get(id).ok_or_else(|| {
        super::unknown(
            ErrorCode::UnknownParameterValue,
            "serves",
            id,
            "send latitude,longitude or an address id from GET /v1/places",
        )
    })?;
    place.point.ok_or_else(|| {
        ApiError::parameter(
            ErrorCode::UnknownParameterValue,
            "serves",
            Detail::tri(
                "serves needs where the person lives: an address, a street or latitude,longitude, not an area (filter an area with commune, quartier or bassin)",
                "serves demande où la personne habite : une adresse, une rue ou latitude,longitude, pas une zone (filtrez une zone avec commune, quartier ou bassin)",
                "serves vraagt waar de persoon woont: een adres, een straat of breedtegraad,lengtegraad, geen gebied (filter een gebied met commune, quartier of bassin)",
            ),
        )
    })
}
