//! The place of a search: `place=<id>` (a point or a territory) and a street named in the
//! text, read with the local geocoder.

use super::{unknown, SearchSpec, SpecContext};
use crate::error::{ApiError, Detail, ErrorCode};
use crate::params::QueryParams;
use orienta_search::{Near, SearchRequest, Sort};
use orienta_territory::places::{Geocoder, Place};

/// `place`: a place id from `GET /v1/places`, instead of `near` (a street, address or
/// postcode gives the point) or of a territory filter (a commune, quartier or bassin).
pub(super) fn place(
    params: &QueryParams,
    context: &SpecContext<'_>,
) -> Result<Option<Place>, ApiError> {
    let Some(id) = params.get("place") else {
        return Ok(None);
    };
    if params.has("near") {
        return Err(ApiError::parameter(
            ErrorCode::UnknownParameterValue,
            "place",
            Detail::tri(
                "send place or near, not both",
                "envoyez place ou near, pas les deux",
                "stuur place of near, niet allebei",
            ),
        ));
    }
    match context.geocoder.get(id) {
        Some(place) => Ok(Some(place)),
        None => Err(unknown(
            ErrorCode::UnknownParameterValue,
            "place",
            id,
            "send an id from GET /v1/places, like place=commune:21015",
        )),
    }
}

/// Reads a street named in the text (`aide alimentaire rue Royale 120`) as the search point,
/// nearest first (when no point was sent), and takes its words out of the text, unless
/// `literal=place:<words>` asked to read them as words.
pub fn understand_street(spec: &mut SearchSpec, geocoder: &Geocoder) {
    let Some(text) = spec.request.text.clone() else {
        return;
    };
    let Some(mention) = geocoder.street_in(&text) else {
        return;
    };
    let undo = format!("place:{}", mention.words);
    if spec.request.literal.iter().any(|item| item == &undo) {
        return;
    }
    let rest = format!(
        "{} {}",
        &text[..mention.span.start],
        &text[mention.span.end..]
    );
    let rest = rest.split_whitespace().collect::<Vec<_>>().join(" ");
    spec.request.text = (!rest.is_empty()).then_some(rest);
    if spec.request.near.is_none() {
        spec.request.near = mention.place.point.map(|(lat, lon)| Near {
            lat,
            lon,
            radius_m: None,
        });
        // As when the street is chosen in the place box: the nearest first.
        spec.request.sort = Sort::Distance;
    }
    spec.typed = Some(text);
    spec.street = Some(mention);
}

/// Adds an area place's territory to the request's filters.
pub(super) fn add_area(request: &mut SearchRequest, place: &Place) {
    if place.point.is_some() {
        return;
    }
    request.communes.extend(place.commune.clone());
    request.quartiers.extend(place.quartier);
    request.bassins.extend(place.bassin);
}
