//! Query-string parameters: repeated (`need=a&need=b`) or comma-separated (`need=a,b`)
//! values, and the parsers every endpoint shares, each failing with a stable error code.

use crate::error::{excerpt, ApiError, Detail, ErrorCode};
use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, TimeZone, Utc};
use chrono_tz::Europe::Brussels;
use orienta_model::Lang;

/// Longest accepted free-text query, characters.
pub const MAX_QUERY_CHARS: usize = 500;
/// Largest page size.
pub const MAX_PER_PAGE: usize = 100;
/// Default page size.
pub const DEFAULT_PER_PAGE: usize = 20;
/// Deepest result reachable by paging (`page × per_page`).
pub const MAX_RESULT_WINDOW: usize = 100_000;
/// Largest radius, metres.
pub const MAX_RADIUS_M: f64 = 50_000.0;
/// Sane latitude bounds: around Belgium.
pub const LAT_BOUNDS: (f64, f64) = (49.0, 52.0);
/// Sane longitude bounds: around Belgium.
pub const LON_BOUNDS: (f64, f64) = (2.0, 7.0);

/// Most distinct values [`QueryParams::all`] collects for one parameter (it stops there:
/// no parameter of the API takes more).
pub const MAX_DISTINCT_VALUES: usize = 64;

/// The decoded name/value pairs of a query string.
#[derive(Debug, Clone, Default)]
pub struct QueryParams {
    pairs: Vec<(String, String)>,
}

impl QueryParams {
    /// Decodes a raw query string; malformed escapes are kept as text.
    pub fn parse(query: &str) -> Result<Self, ApiError> {
        let pairs: Vec<(String, String)> = serde_urlencoded::from_str(query).map_err(|error| {
            ApiError::new(
                ErrorCode::InvalidRequest,
                Detail::en(format!(
                    "the query string cannot be read ({error}): send name=value pairs, URL-encoded"
                )),
            )
        })?;
        Ok(Self { pairs })
    }

    /// The last non-blank value of a parameter, trimmed.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.pairs
            .iter()
            .rev()
            .filter(|(key, _)| key == name)
            .map(|(_, value)| value.trim())
            .find(|value| !value.is_empty())
    }

    /// The distinct values of a repeatable parameter in the order first sent, commas
    /// splitting values, blanks dropped.
    pub fn all(&self, name: &str) -> Vec<&str> {
        let mut values: Vec<&str> = Vec::new();
        let sent = self
            .pairs
            .iter()
            .filter(|(key, _)| key == name)
            .flat_map(|(_, value)| value.split(','))
            .map(str::trim)
            .filter(|value| !value.is_empty());
        for value in sent {
            if !values.contains(&value) {
                values.push(value);
            }
            if values.len() > MAX_DISTINCT_VALUES {
                break;
            }
        }
        values
    }

    /// The distinct values of a repeatable parameter ([`Self::all`]), at most `max` of
    /// them: more is a `too_many_values` problem naming the parameter and the bound.
    pub fn distinct(&self, name: &str, max: usize) -> Result<Vec<&str>, ApiError> {
        let values = self.all(name);
        if values.len() <= max {
            return Ok(values);
        }
        Err(ApiError::parameter(
            ErrorCode::TooManyValues,
            name,
            Detail::tri(
                format!("{name} takes at most {max} distinct values: send fewer"),
                format!("{name} accepte au plus {max} valeurs distinctes : envoyez-en moins"),
                format!("{name} aanvaardt hoogstens {max} verschillende waarden: stuur er minder"),
            ),
        ))
    }

    /// True when the parameter was sent with a non-blank value.
    pub fn has(&self, name: &str) -> bool {
        self.get(name).is_some()
    }
}

/// The `lang` parameter (response language), else `Accept-Language`, else French.
pub fn response_lang(
    params: &QueryParams,
    accept_language: Option<&str>,
) -> Result<Lang, ApiError> {
    if let Some(value) = params.get("lang") {
        return value
            .parse()
            .map_err(|_| ApiError::one_of("lang", value, &["fr", "nl", "en"]));
    }
    let preferred = accept_language.and_then(|header| {
        header.split(',').find_map(|range| {
            let tag = range.split(';').next().unwrap_or_default().trim();
            let primary = tag.split('-').next().unwrap_or_default();
            primary.parse::<Lang>().ok()
        })
    });
    Ok(preferred.unwrap_or(Lang::Fr))
}

/// `page`: a whole number from 1.
pub fn page(params: &QueryParams) -> Result<usize, ApiError> {
    let Some(value) = params.get("page") else {
        return Ok(1);
    };
    match value.parse::<usize>() {
        Ok(page) if page >= 1 => Ok(page),
        _ => Err(ApiError::parameter(
            ErrorCode::InvalidPage,
            "page",
            Detail::tri(
                format!(
                    "page must be a whole number from 1, not `{shown}`",
                    shown = excerpt(value)
                ),
                "page doit être un nombre entier à partir de 1",
                "page moet een geheel getal vanaf 1 zijn",
            ),
        )),
    }
}

/// `per_page` (or another page-size parameter): 1 to 100, 20 by default.
pub fn per_page(params: &QueryParams, name: &str) -> Result<usize, ApiError> {
    let Some(value) = params.get(name) else {
        return Ok(DEFAULT_PER_PAGE);
    };
    match value.parse::<usize>() {
        Ok(size) if (1..=MAX_PER_PAGE).contains(&size) => Ok(size),
        _ => Err(ApiError::parameter(
            ErrorCode::InvalidPerPage,
            name,
            Detail::tri(
                format!(
                    "{name} must be a whole number from 1 to {MAX_PER_PAGE}, not `{shown}`",
                    shown = excerpt(value)
                ),
                format!("{name} doit être un nombre entier de 1 à {MAX_PER_PAGE}"),
                format!("{name} moet een geheel getal van 1 tot {MAX_PER_PAGE} zijn"),
            ),
        )),
    }
}

/// Checks that `page × per_page` stays within the result window; returns the offset.
pub fn offset(page: usize, per_page: usize) -> Result<usize, ApiError> {
    let offset = (page - 1).saturating_mul(per_page);
    if offset.saturating_add(per_page) > MAX_RESULT_WINDOW {
        return Err(ApiError::parameter(
            ErrorCode::InvalidPage,
            "page",
            Detail::tri(
                format!("results beyond the first {MAX_RESULT_WINDOW} cannot be paged to: narrow the search, or follow GET /v1/changes"),
                format!("les résultats au-delà des {MAX_RESULT_WINDOW} premiers ne sont pas accessibles : affinez la recherche ou suivez GET /v1/changes"),
                format!("resultaten na de eerste {MAX_RESULT_WINDOW} zijn niet bereikbaar: verfijn de zoekopdracht of volg GET /v1/changes"),
            ),
        ));
    }
    Ok(offset)
}

/// A boolean: `true`/`false`/`1`/`0`/`yes`/`no`.
pub fn boolean(params: &QueryParams, name: &str) -> Result<Option<bool>, ApiError> {
    let Some(value) = params.get(name) else {
        return Ok(None);
    };
    match value.to_ascii_lowercase().as_str() {
        "true" | "1" | "yes" => Ok(Some(true)),
        "false" | "0" | "no" => Ok(Some(false)),
        _ => Err(ApiError::one_of(name, value, &["true", "false"])),
    }
}

fn invalid_coordinates(parameter: &str, detail: Detail) -> ApiError {
    ApiError::parameter(ErrorCode::InvalidCoordinates, parameter, detail)
}

/// Checks a WGS84 point against the sane bounds; hints at swapped coordinates.
pub fn check_point(parameter: &str, lat: f64, lon: f64) -> Result<(f64, f64), ApiError> {
    let inside = |lat: f64, lon: f64| {
        (LAT_BOUNDS.0..=LAT_BOUNDS.1).contains(&lat) && (LON_BOUNDS.0..=LON_BOUNDS.1).contains(&lon)
    };
    if inside(lat, lon) {
        return Ok((lat, lon));
    }
    let hint = if inside(lon, lat) {
        format!("; latitude and longitude look swapped, send {lon},{lat}")
    } else {
        String::new()
    };
    Err(invalid_coordinates(
        parameter,
        Detail::tri(
            format!("{lat},{lon} is outside the area served (latitude {}–{}, longitude {}–{}): send WGS84 degrees like 50.85,4.35{hint}", LAT_BOUNDS.0, LAT_BOUNDS.1, LON_BOUNDS.0, LON_BOUNDS.1),
            format!("{lat},{lon} est hors de la zone desservie : envoyez des degrés WGS84 comme 50.85,4.35{hint}"),
            format!("{lat},{lon} ligt buiten het bediende gebied: stuur WGS84-graden zoals 50.85,4.35{hint}"),
        ),
    ))
}

/// `near=lat,lon`.
pub fn near(params: &QueryParams) -> Result<Option<(f64, f64)>, ApiError> {
    let Some(value) = params.get("near") else {
        return Ok(None);
    };
    lat_lon("near", value).map(Some)
}

/// A `latitude,longitude` value of parameter `name`, checked to be in range.
pub fn lat_lon(name: &str, value: &str) -> Result<(f64, f64), ApiError> {
    let parts: Vec<f64> = value
        .split(',')
        .map(|part| part.trim().parse::<f64>())
        .collect::<Result<_, _>>()
        .unwrap_or_default();
    match parts.as_slice() {
        [lat, lon] if lat.is_finite() && lon.is_finite() => check_point(name, *lat, *lon),
        _ => Err(invalid_coordinates(
            name,
            Detail::tri(
                format!("{name} must be latitude,longitude in WGS84 degrees like {name}=50.85,4.35, not `{shown}`", shown = excerpt(value)),
                format!("{name} doit être latitude,longitude en degrés WGS84 comme {name}=50.85,4.35"),
                format!("{name} moet breedtegraad,lengtegraad in WGS84-graden zijn zoals {name}=50.85,4.35"),
            ),
        )),
    }
}

/// A coordinate parameter (`lat` or `lon`), required.
pub fn coordinate(params: &QueryParams, name: &str) -> Result<f64, ApiError> {
    let Some(value) = params.get(name) else {
        return Err(ApiError::parameter(
            ErrorCode::MissingParameter,
            name,
            Detail::tri(
                format!("{name} is required: send lat=50.85&lon=4.35"),
                format!("{name} est obligatoire : envoyez lat=50.85&lon=4.35"),
                format!("{name} is verplicht: stuur lat=50.85&lon=4.35"),
            ),
        ));
    };
    match value.parse::<f64>() {
        Ok(number) if number.is_finite() => Ok(number),
        _ => Err(invalid_coordinates(
            name,
            Detail::en(format!(
                "{name} must be a decimal number of WGS84 degrees like 50.85, not `{shown}`",
                shown = excerpt(value)
            )),
        )),
    }
}

/// A distance in metres (`radius`, `proximity`): more than 0, at most 50 km.
pub fn radius(params: &QueryParams, name: &str) -> Result<Option<f64>, ApiError> {
    let Some(value) = params.get(name) else {
        return Ok(None);
    };
    match value.parse::<f64>() {
        Ok(metres) if metres.is_finite() && metres > 0.0 && metres <= MAX_RADIUS_M => Ok(Some(metres)),
        _ => Err(ApiError::parameter(
            ErrorCode::InvalidRadius,
            name,
            Detail::tri(
                format!("{name} must be a number of metres from 1 to 50000, for example {name}=2000, not `{shown}`", shown = excerpt(value)),
                format!("{name} doit être un nombre de mètres de 1 à 50000, par exemple {name}=2000"),
                format!("{name} moet een aantal meter van 1 tot 50000 zijn, bijvoorbeeld {name}=2000"),
            ),
        )),
    }
}

fn invalid_date(parameter: &str, value: &str) -> ApiError {
    ApiError::parameter(
        ErrorCode::InvalidDate,
        parameter,
        Detail::tri(
            format!("{parameter} must be an ISO 8601 date-time like 2026-03-02T10:30:00+01:00 (or a date like 2026-03-02), not `{shown}`", shown = excerpt(value)),
            format!("{parameter} doit être une date ISO 8601 comme 2026-03-02T10:30:00+01:00 (ou 2026-03-02)"),
            format!("{parameter} moet een ISO 8601-datum zijn zoals 2026-03-02T10:30:00+01:00 (of 2026-03-02)"),
        ),
    )
}

/// An ISO 8601 date-time; without offset it is Brussels local time; a bare date is midnight.
pub fn date_time(params: &QueryParams, name: &str) -> Result<Option<DateTime<Utc>>, ApiError> {
    let Some(value) = params.get(name) else {
        return Ok(None);
    };
    parse_date_time(value)
        .map(Some)
        .ok_or_else(|| invalid_date(name, value))
}

/// Parses RFC 3339, ISO 8601 local (Brussels) date-times and bare dates.
pub fn parse_date_time(value: &str) -> Option<DateTime<Utc>> {
    if let Ok(parsed) = DateTime::<FixedOffset>::parse_from_rfc3339(value) {
        return Some(parsed.with_timezone(&Utc));
    }
    let local = [
        "%Y-%m-%dT%H:%M:%S",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%d %H:%M",
    ]
    .iter()
    .find_map(|format| NaiveDateTime::parse_from_str(value, format).ok())
    .or_else(|| {
        NaiveDate::parse_from_str(value, "%Y-%m-%d")
            .ok()
            .and_then(|date| date.and_hms_opt(0, 0, 0))
    })?;
    Brussels
        .from_local_datetime(&local)
        .earliest()
        .map(|moment| moment.with_timezone(&Utc))
}

/// `q`: the text typed so far, required, at most `max_chars` characters.
pub fn typed_text(params: &QueryParams, max_chars: usize) -> Result<String, ApiError> {
    let Some(text) = params.get("q").map(str::to_owned) else {
        return Err(ApiError::parameter(
            ErrorCode::MissingParameter,
            "q",
            Detail::tri(
                "q is required: send the text typed so far, like q=aide%20ali",
                "q est obligatoire : envoyez le texte déjà tapé, comme q=aide%20ali",
                "q is verplicht: stuur de reeds getypte tekst, zoals q=voedselh",
            ),
        ));
    };
    if text.chars().count() > max_chars {
        return Err(ApiError::parameter(
            ErrorCode::QueryTooLong,
            "q",
            Detail::en(format!(
                "q is longer than {max_chars} characters: send the first words only"
            )),
        ));
    }
    Ok(text)
}

/// `limit`: 1 to `max`; `default` when absent.
pub fn limit(params: &QueryParams, max: usize, default: usize) -> Result<usize, ApiError> {
    let Some(value) = params.get("limit") else {
        return Ok(default);
    };
    match value.parse::<usize>() {
        Ok(limit) if (1..=max).contains(&limit) => Ok(limit),
        _ => Err(ApiError::parameter(
            ErrorCode::UnknownParameterValue,
            "limit",
            Detail::en(format!(
                "limit must be a whole number from 1 to {max}, not `{shown}`",
                shown = excerpt(value)
            )),
        )),
    }
}

/// The option named by parameter `name` (case-insensitive), `default` when absent.
pub fn choice<T: Copy>(
    params: &QueryParams,
    name: &str,
    options: &[(&str, T)],
    default: T,
) -> Result<T, ApiError> {
    let Some(value) = params.get(name) else {
        return Ok(default);
    };
    let wanted = value.to_ascii_lowercase();
    options
        .iter()
        .find(|(option, _)| *option == wanted)
        .map(|(_, parsed)| *parsed)
        .ok_or_else(|| {
            let names: Vec<&str> = options.iter().map(|(option, _)| *option).collect();
            ApiError::one_of(name, value, &names)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn params(query: &str) -> QueryParams {
        QueryParams::parse(query).unwrap()
    }

    #[test]
    fn repeated_and_comma_separated_values() {
        let query = params("need=food-aid&need=cpas,%20legal-aid&need=&q=a");
        assert_eq!(query.all("need"), ["food-aid", "cpas", "legal-aid"]);
        assert_eq!(query.get("q"), Some("a"));
        assert_eq!(query.get("missing"), None);
    }

    #[test]
    fn repeated_values_are_deduplicated_and_bounded() {
        let repeated = vec!["need=food-aid"; 300].join("&");
        assert_eq!(params(&repeated).all("need"), ["food-aid"]);
        assert_eq!(params(&repeated).distinct("need", 1).unwrap(), ["food-aid"]);
        let many: Vec<String> = (0..1_000).map(|number| format!("need=n{number}")).collect();
        let many = params(&many.join("&"));
        assert_eq!(many.all("need").len(), MAX_DISTINCT_VALUES + 1);
        let error = many.distinct("need", 20).unwrap_err();
        assert_eq!(error.code, ErrorCode::TooManyValues);
        assert_eq!(error.parameter.as_deref(), Some("need"));
    }

    #[test]
    fn coordinates_are_bounded_and_swaps_are_named() {
        assert_eq!(
            near(&params("near=50.85,4.35")).unwrap(),
            Some((50.85, 4.35))
        );
        let swapped = near(&params("near=4.35,50.85")).unwrap_err();
        assert_eq!(swapped.code, ErrorCode::InvalidCoordinates);
        assert!(swapped.detail.en.contains("swapped"));
        for bad in [
            "near=abc",
            "near=50.85",
            "near=NaN,4",
            "near=50,4,3",
            "near=inf,4.3",
        ] {
            assert!(near(&params(bad)).is_err(), "{bad}");
        }
    }

    #[test]
    fn radius_page_and_dates() {
        assert_eq!(
            radius(&params("radius=2000"), "radius").unwrap(),
            Some(2000.0)
        );
        for bad in [
            "radius=0",
            "radius=-3",
            "radius=50001",
            "radius=x",
            "radius=NaN",
        ] {
            assert_eq!(
                radius(&params(bad), "radius").unwrap_err().code,
                ErrorCode::InvalidRadius
            );
        }
        assert_eq!(
            page(&params("page=0")).unwrap_err().code,
            ErrorCode::InvalidPage
        );
        assert_eq!(
            per_page(&params("per_page=101"), "per_page")
                .unwrap_err()
                .code,
            ErrorCode::InvalidPerPage
        );
        assert!(offset(1_000_000, 100).is_err());
        assert!(parse_date_time("2026-03-02T10:30:00+01:00").is_some());
        assert_eq!(
            parse_date_time("2026-03-02T10:30").unwrap(),
            parse_date_time("2026-03-02T09:30:00Z").unwrap()
        );
        assert!(parse_date_time("2026-02-30").is_none());
        assert!(parse_date_time("yesterday").is_none());
    }

    #[test]
    fn response_language_falls_back_to_accept_language() {
        assert_eq!(
            response_lang(&params(""), Some("nl-BE,nl;q=0.9")).unwrap(),
            Lang::Nl
        );
        assert_eq!(
            response_lang(&params("lang=en"), Some("nl")).unwrap(),
            Lang::En
        );
        assert_eq!(response_lang(&params(""), None).unwrap(), Lang::Fr);
        assert!(response_lang(&params("lang=de"), None).is_err());
    }
}
