//! From the query string of `GET /v1/search` to a validated search request.

use crate::config::FixedFilters;
use crate::error::{excerpt, ApiError, Detail, ErrorCode};
use crate::params::{self, QueryParams, MAX_QUERY_CHARS};
use chrono::{Datelike, Timelike, Utc};
use chrono_tz::Europe::Brussels;
use orienta_model::{Bassin, Lang};
use orienta_search::{Near, SearchRequest, Sort, SyntheticFilter, WeekMoment};
use orienta_territory::places::{Geocoder, Place, StreetMention};
use orienta_territory::Tagger;
use orienta_thesaurus::Thesaurus;
use serde::Serialize;

mod filters;
mod place;
mod serves;

pub use place::understand_street;
use place::{add_area, place};
pub use serves::ServesAt;

/// Most distinct needs in one search.
pub const MAX_NEEDS: usize = 20;
/// Most distinct spoken languages in one search.
pub const MAX_LANGUAGES: usize = 10;
/// Most distinct audiences in one search (there are ten).
pub const MAX_AUDIENCES: usize = 10;
/// Most distinct communes in one search (there are nineteen).
pub const MAX_COMMUNES: usize = 19;
/// Most distinct quartiers in one search.
pub const MAX_QUARTIERS: usize = 20;
/// Most distinct quartiers social-santé in one search.
pub const MAX_QSS: usize = 20;
/// Most distinct bassins in one search (there are five).
pub const MAX_BASSINS: usize = 5;

/// The answer format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// The JSON search response.
    Json,
    /// A GeoJSON FeatureCollection of the results.
    Geojson,
    /// CSV, one row per result.
    Csv,
}

/// A validated search.
#[derive(Debug, Clone)]
pub struct SearchSpec {
    /// What to ask the index.
    pub request: SearchRequest,
    /// Response language.
    pub lang: Lang,
    /// Answer format.
    pub format: Format,
    /// Page number from 1.
    pub page: usize,
    /// Page size.
    pub per_page: usize,
    /// True when the partner's fixed filters exclude everything asked.
    pub nothing: bool,
    /// A street named in the text, read as the search point instead of as words.
    pub street: Option<StreetMention>,
    /// The text as sent, when a street was taken out of it.
    pub typed: Option<String>,
    /// Where the person lives, when searching the services responsible for them.
    pub serves: Option<ServesAt>,
}

/// What validation needs.
pub struct SpecContext<'a> {
    /// Thesaurus (needs).
    pub thesaurus: &'a Thesaurus,
    /// Territory (communes, quartiers).
    pub tagger: &'a Tagger,
    /// `Accept-Language`.
    pub accept_language: Option<&'a str>,
    /// The local geocoder (`place=`).
    pub geocoder: &'a Geocoder,
}

/// The error for a value of `parameter` that is not known, with a hint of what to send.
fn unknown(code: ErrorCode, parameter: &str, value: &str, hint: &str) -> ApiError {
    ApiError::parameter(
        code,
        parameter,
        Detail::tri(
            format!(
                "`{shown}` is not a known {parameter}: {hint}",
                shown = excerpt(value)
            ),
            format!("cette valeur n'est pas connue pour {parameter} : {hint}"),
            format!("deze waarde is niet gekend voor {parameter}: {hint}"),
        ),
    )
}

/// The filters of one kind after a partner's fixed ones: the request's values allowed by
/// the fixed set, or the fixed set when the request has none. `None` when nothing is left.
fn restrict<T: PartialEq + Clone>(
    asked: Vec<T>,
    fixed: &[T],
    allowed: impl Fn(&T) -> bool,
) -> Option<Vec<T>> {
    if fixed.is_empty() {
        return Some(asked);
    }
    if asked.is_empty() {
        return Some(fixed.to_vec());
    }
    let kept: Vec<T> = asked.into_iter().filter(|value| allowed(value)).collect();
    (!kept.is_empty()).then_some(kept)
}

/// Applies a partner's fixed filters to a request: each kind keeps the request's values
/// the fixed set allows, or takes the fixed set when the request has none; `synthetic`
/// is forced when fixed. False when the request asks nothing the filters allow (the
/// filters of the request are then emptied: the caller answers nothing).
pub fn restrict_to(
    request: &mut SearchRequest,
    fixed: &FixedFilters,
    thesaurus: &Thesaurus,
) -> bool {
    let fixed_bassins: Vec<Bassin> = fixed
        .bassins
        .iter()
        .filter_map(|slug| Bassin::parse(slug))
        .collect();
    let allowed_needs: Vec<String> = fixed
        .needs
        .iter()
        .flat_map(|need| thesaurus.with_narrower(need))
        .collect();
    let restricted = (
        restrict(
            std::mem::take(&mut request.bassins),
            &fixed_bassins,
            |bassin| fixed_bassins.contains(bassin),
        ),
        restrict(
            std::mem::take(&mut request.communes),
            &fixed.communes,
            |nis| fixed.communes.contains(nis),
        ),
        restrict(
            std::mem::take(&mut request.languages),
            &fixed.languages,
            |code| fixed.languages.contains(code),
        ),
        restrict(std::mem::take(&mut request.needs), &fixed.needs, |need| {
            allowed_needs.contains(need)
        }),
    );
    request.synthetic = match fixed.synthetic.as_deref() {
        Some("exclude") => SyntheticFilter::Exclude,
        Some("only") => SyntheticFilter::Only,
        _ => request.synthetic,
    };
    let (Some(bassins), Some(communes), Some(languages), Some(needs)) = restricted else {
        return false;
    };
    (
        request.bassins,
        request.communes,
        request.languages,
        request.needs,
    ) = (bassins, communes, languages, needs);
    true
}

/// The moment of the week of a UTC time in Brussels.
pub fn week_moment(time: chrono::DateTime<Utc>) -> WeekMoment {
    let local = time.with_timezone(&Brussels);
    WeekMoment {
        weekday: local.weekday().num_days_from_monday() as u8,
        minute: (local.hour() * 60 + local.minute()) as u16,
    }
}

/// The text searched, at most [`MAX_QUERY_CHARS`] characters.
fn text(params: &QueryParams) -> Result<Option<String>, ApiError> {
    let text = params.get("q").map(str::to_owned);
    if let Some(text) = &text {
        let length = text.chars().count();
        if length > MAX_QUERY_CHARS {
            return Err(ApiError::parameter(
                ErrorCode::QueryTooLong,
                "q",
                Detail::tri(
                    format!("q has {length} characters, more than {MAX_QUERY_CHARS}: send a few words describing the need"),
                    format!("q compte {length} caractères, plus que {MAX_QUERY_CHARS} : envoyez quelques mots décrivant le besoin"),
                    format!("q telt {length} tekens, meer dan {MAX_QUERY_CHARS}: stuur enkele woorden die de nood beschrijven"),
                ),
            ));
        }
    }
    Ok(text)
}

/// Where to search and in which order.
struct Geo {
    /// The point searched around.
    near: Option<Near>,
    /// Relevance or distance.
    sort: Sort,
}

/// The point, radius and sort; a radius or a distance sort needs a point.
fn geo(
    params: &QueryParams,
    place: Option<&Place>,
    serves: Option<&ServesAt>,
) -> Result<Geo, ApiError> {
    let point = params::near(params)?
        .or_else(|| place.and_then(|place| place.point))
        .or_else(|| serves.map(|serves| serves.point));
    let radius = params::radius(params, "radius")?;
    // Services serving a residence, without words, are ordered by distance in each level.
    let default_sort = if serves.is_some() && !params.has("q") {
        Sort::Distance
    } else {
        Sort::Relevance
    };
    let sort = params::choice(
        params,
        "sort",
        &[("relevance", Sort::Relevance), ("distance", Sort::Distance)],
        default_sort,
    )?;
    if point.is_none() {
        let needs_point = if radius.is_some() {
            Some("radius")
        } else if sort == Sort::Distance {
            Some("sort=distance")
        } else {
            None
        };
        if let Some(what) = needs_point {
            return Err(ApiError::parameter(
                ErrorCode::MissingParameter,
                "near",
                Detail::tri(
                    format!("{what} needs a point: add near=latitude,longitude, like near=50.85,4.35"),
                    format!("{what} demande un point : ajoutez near=latitude,longitude, comme near=50.85,4.35"),
                    format!("{what} vraagt een punt: voeg near=breedtegraad,lengtegraad toe, zoals near=50.85,4.35"),
                ),
            ));
        }
    }
    let near = point.map(|(lat, lon)| Near {
        lat,
        lon,
        radius_m: radius,
    });
    Ok(Geo { near, sort })
}

/// The moment services must be open at: `open_at`, else now when `open_now` is true.
fn open_at(params: &QueryParams) -> Result<Option<WeekMoment>, ApiError> {
    Ok(match params::date_time(params, "open_at")? {
        Some(time) => Some(week_moment(time)),
        None => params::boolean(params, "open_now")?
            .filter(|open| *open)
            .map(|_| week_moment(Utc::now())),
    })
}

/// The answer's shape: format, facets, highlights and page.
struct Output {
    /// Answer format.
    format: Format,
    /// Facet counts (JSON only).
    facets: bool,
    /// Highlights (JSON only).
    highlight: bool,
    /// Page number from 1.
    page: usize,
    /// Page size.
    per_page: usize,
    /// Results skipped.
    offset: usize,
}

/// The format, facets, highlights and paging parameters.
fn output(params: &QueryParams) -> Result<Output, ApiError> {
    let want_facets = params::boolean(params, "facets")?.unwrap_or(true);
    let want_highlights = params::boolean(params, "highlight")?.unwrap_or(true);
    let format = params::choice(
        params,
        "format",
        &[
            ("json", Format::Json),
            ("geojson", Format::Geojson),
            ("csv", Format::Csv),
        ],
        Format::Json,
    )?;
    let page = params::page(params)?;
    let per_page = params::per_page(params, "per_page")?;
    let offset = params::offset(page, per_page)?;
    Ok(Output {
        format,
        facets: format == Format::Json && want_facets,
        highlight: format == Format::Json && want_highlights,
        page,
        per_page,
        offset,
    })
}

/// Most `literal` values in one search, and the longest one.
const MAX_LITERAL: usize = 12;
const MAX_LITERAL_CHARS: usize = 100;

/// `literal`: what the text must not be read as, `need:<id>`, `language:<code>`,
/// `audience:<code>` or `place:<words>` (the undo of `query.concepts`, `query.languages`,
/// `query.audiences`, `query.places`).
fn literal(params: &QueryParams) -> Result<Vec<String>, ApiError> {
    const KINDS: [&str; 4] = [
        "need:<id>",
        "language:<code>",
        "audience:<code>",
        "place:<words>",
    ];
    let mut literal = Vec::new();
    for value in params.distinct("literal", MAX_LITERAL)? {
        let kind = value.split_once(':').map(|(kind, _)| kind);
        let known = matches!(kind, Some("need" | "language" | "audience" | "place"));
        if !known || value.chars().count() > MAX_LITERAL_CHARS {
            return Err(ApiError::one_of("literal", value, &KINDS));
        }
        literal.push(value.to_owned());
    }
    Ok(literal)
}

/// Parses and validates every parameter, then applies the partner's fixed filters.
pub fn parse(
    params: &QueryParams,
    context: &SpecContext<'_>,
    fixed: Option<&FixedFilters>,
) -> Result<SearchSpec, ApiError> {
    let lang = params::response_lang(params, context.accept_language)?;
    let text = text(params)?;
    let filters = filters::filters(params, context)?;
    let place = place(params, context)?;
    let serves = serves::serves(params, context)?;
    let Geo { near, sort } = geo(params, place.as_ref(), serves.as_ref())?;
    let open_at = open_at(params)?;
    let synthetic = params::choice(
        params,
        "synthetic",
        &[
            ("include", SyntheticFilter::Include),
            ("exclude", SyntheticFilter::Exclude),
            ("only", SyntheticFilter::Only),
        ],
        SyntheticFilter::Include,
    )?;
    let stepped_care = params::boolean(params, "stepped_care")?.unwrap_or(false);
    let literal = literal(params)?;
    let output = output(params)?;
    let mut request = SearchRequest {
        text,
        lang: None,
        needs: filters.needs,
        languages: filters.languages,
        audiences: filters.audiences,
        communes: filters.communes,
        quartiers: filters.quartiers,
        qss: filters.qss,
        bassins: filters.bassins,
        near,
        serves: serves.as_ref().map(|serves| serves.residence.clone()),
        sort,
        open_at,
        synthetic,
        stepped_care,
        offset: output.offset,
        limit: output.per_page,
        facets: output.facets,
        highlight: output.highlight,
        literal,
    };
    if let Some(place) = &place {
        add_area(&mut request, place);
    }
    let nothing = fixed.is_some_and(|fixed| !restrict_to(&mut request, fixed, context.thesaurus));
    Ok(SearchSpec {
        request,
        lang,
        format: output.format,
        page: output.page,
        per_page: output.per_page,
        nothing,
        street: None,
        typed: None,
        serves,
    })
}
