//! The HSDS list parameters and the matching documents, in rank order.

use super::map;
use crate::catalogue::{Catalogue, UNKNOWN};
use crate::error::{excerpt, ApiError, Detail, ErrorCode};
use crate::params::{self, QueryParams, MAX_QUERY_CHARS};
use chrono::{DateTime, Utc};
use orienta_model::{Lang, Organisation};
use orienta_search::{query, Near, SearchIndex, SearchRequest};
use orienta_territory::places::Geocoder;
use orienta_territory::Tagger;
use orienta_thesaurus::Thesaurus;
use tantivy::collector::TopDocs;
use tantivy::schema::Value;
use tantivy::{DocAddress, TantivyDocument};

/// A validated HSDS list request.
#[derive(Debug, Clone)]
pub struct HsdsQuery {
    /// What to ask the index.
    pub request: SearchRequest,
    /// Only records changed on or after.
    pub modified_after: Option<DateTime<Utc>>,
    /// Only this organisation (by HSDS id).
    pub organization_id: Option<String>,
    /// The answer's language.
    pub lang: Lang,
    /// Page from 1.
    pub page: usize,
    /// Page size.
    pub per_page: usize,
}

/// `?lang=`: fr (default), nl or en.
pub fn lang(params: &QueryParams) -> Result<Lang, ApiError> {
    params::response_lang(params, None)
}

/// The concept of a `taxonomy_term_id`: a term UUID or a concept id.
fn concept_of(thesaurus: &Thesaurus, value: &str) -> Option<String> {
    thesaurus
        .concepts()
        .iter()
        .find(|concept| concept.id == value || map::term_id(&concept.id) == value)
        .map(|concept| concept.id.clone())
}

/// `search`: the text, at most [`MAX_QUERY_CHARS`] characters.
fn search_text(params: &QueryParams) -> Result<Option<String>, ApiError> {
    let text = params.get("search").map(str::to_owned);
    if text
        .as_ref()
        .is_some_and(|text| text.chars().count() > MAX_QUERY_CHARS)
    {
        return Err(ApiError::parameter(
            ErrorCode::QueryTooLong,
            "search",
            Detail::en(format!(
                "search is longer than {MAX_QUERY_CHARS} characters: send a few words"
            )),
        ));
    }
    Ok(text)
}

/// `taxonomy_term_id`: the need concept it names.
fn needs(params: &QueryParams, thesaurus: &Thesaurus) -> Result<Vec<String>, ApiError> {
    let mut needs = Vec::new();
    if let Some(term) = params.get("taxonomy_term_id") {
        let Some(concept) = concept_of(thesaurus, term) else {
            return Err(ApiError::parameter(
                ErrorCode::UnknownNeed,
                "taxonomy_term_id",
                Detail::en(format!("`{shown}` is not a taxonomy term: send a term id from a service's attributes, or a need id from GET /v1/needs", shown = excerpt(term))),
            ));
        };
        needs.push(concept);
    }
    Ok(needs)
}

/// Where to search: territories (a postcode's communes, a place's area) or a circle.
#[derive(Default)]
struct Place {
    /// Commune NIS codes.
    communes: Vec<String>,
    /// Monitoring quartier codes.
    quartiers: Vec<u32>,
    /// Bassins.
    bassins: Vec<orienta_model::Bassin>,
    /// The circle around the postcode's centre (with `proximity`) or the place's point.
    near: Option<Near>,
}

/// The circle around a place's point when none is asked.
const DEFAULT_PROXIMITY_M: f64 = 1000.0;

/// `place` (an id from `GET /v1/places`), or `postcode`; `proximity` measures from either.
fn place(params: &QueryParams, tagger: &Tagger, geocoder: &Geocoder) -> Result<Place, ApiError> {
    let proximity = params::radius(params, "proximity")?;
    if let Some(id) = params.get("place") {
        return place_of_id(id, params, proximity, geocoder);
    }
    let Some(postcode) = params.get("postcode") else {
        if proximity.is_some() {
            return Err(ApiError::parameter(
                ErrorCode::MissingParameter,
                "postcode",
                Detail::en("proximity is measured from a postcode's centre or a place: add postcode or place, like postcode=1030&proximity=2000"),
            ));
        }
        return Ok(Place::default());
    };
    let unknown = || {
        ApiError::parameter(
            ErrorCode::UnknownParameterValue,
            "postcode",
            Detail::en(format!(
                "`{shown}` is not a postcode of the Brussels-Capital Region: send one like 1030",
                shown = excerpt(postcode)
            )),
        )
    };
    if let Some(radius_m) = proximity {
        let (lat, lon) = tagger.postcode_centroid(postcode).ok_or_else(unknown)?;
        let near = Some(Near {
            lat,
            lon,
            radius_m: Some(radius_m),
        });
        return Ok(Place {
            near,
            ..Place::default()
        });
    }
    let found = tagger.postcode_communes(postcode);
    if found.is_empty() {
        return Err(unknown());
    }
    let communes = found.into_iter().map(|commune| commune.nis).collect();
    Ok(Place {
        communes,
        ..Place::default()
    })
}

/// A place id: a point (street, address, postcode) gives a circle, an area its territory.
fn place_of_id(
    id: &str,
    params: &QueryParams,
    proximity: Option<f64>,
    geocoder: &Geocoder,
) -> Result<Place, ApiError> {
    if params.has("postcode") {
        return Err(ApiError::parameter(
            ErrorCode::UnknownParameterValue,
            "place",
            Detail::en("send place or postcode, not both"),
        ));
    }
    let Some(found) = geocoder.get(id) else {
        return Err(ApiError::parameter(
            ErrorCode::UnknownParameterValue,
            "place",
            Detail::en(format!(
                "`{shown}` is not a place id: send one from GET /v1/places, like place=commune:21015",
                shown = excerpt(id)
            )),
        ));
    };
    if let Some((lat, lon)) = found.point {
        let radius_m = proximity.unwrap_or(DEFAULT_PROXIMITY_M);
        return Ok(Place {
            near: Some(Near {
                lat,
                lon,
                radius_m: Some(radius_m),
            }),
            ..Place::default()
        });
    }
    Ok(Place {
        communes: found.commune.into_iter().collect(),
        quartiers: found.quartier.into_iter().collect(),
        bassins: found.bassin.into_iter().collect(),
        near: None,
    })
}

impl HsdsQuery {
    /// Parses the HSDS parameters.
    pub fn parse(
        params: &QueryParams,
        thesaurus: &Thesaurus,
        tagger: &Tagger,
        geocoder: &Geocoder,
    ) -> Result<Self, ApiError> {
        let lang = lang(params)?;
        let text = search_text(params)?;
        let needs = needs(params, thesaurus)?;
        let Place {
            communes,
            quartiers,
            bassins,
            near,
        } = place(params, tagger, geocoder)?;
        let modified_after = params::date_time(params, "modified_after")?;
        let page = params::page(params)?;
        let per_page = params::per_page(params, "per_page")?;
        params::offset(page, per_page)?;
        let request = SearchRequest {
            text,
            needs,
            communes,
            quartiers,
            bassins,
            near,
            ..SearchRequest::default()
        };
        Ok(Self {
            request,
            modified_after,
            organization_id: params.get("organization_id").map(str::to_owned),
            lang,
            page,
            per_page,
        })
    }
}

/// One matching document.
#[derive(Debug, Clone, Copy)]
pub struct Match {
    /// Where it is.
    pub address: DocAddress,
    /// Its organisation's number in the catalogue.
    pub org: u32,
}

/// Every document matching, best first, with the modification and organisation filters.
pub fn matching(
    index: &SearchIndex,
    hsds: &HsdsQuery,
    catalogue: &Catalogue,
) -> Result<Vec<Match>, ApiError> {
    let wanted_org = match &hsds.organization_id {
        Some(id) => match catalogue.hsds_ids.get(id) {
            Some(number) => Some(*number),
            None => return Ok(Vec::new()),
        },
        None => None,
    };
    let searcher = index.searcher();
    let mut built = query::build(index, &hsds.request, query::Pass::Strict);
    let total_docs = usize::try_from(searcher.num_docs())
        .unwrap_or(usize::MAX)
        .max(1);
    let mut top = searcher
        .search(
            &built.query,
            &TopDocs::with_limit(total_docs).order_by_score(),
        )
        .map_err(ApiError::index)?;
    if top.is_empty() && hsds.request.text.is_some() {
        built = query::build(index, &hsds.request, query::Pass::Any);
        top = searcher
            .search(
                &built.query,
                &TopDocs::with_limit(total_docs).order_by_score(),
            )
            .map_err(ApiError::index)?;
    }
    let mut columns = Vec::new();
    for segment in searcher.segment_readers() {
        columns.push(
            segment
                .fast_fields()
                .str("org_id")
                .map_err(ApiError::index)?,
        );
    }
    let mut matches = Vec::with_capacity(top.len());
    for (_, address) in top {
        let segment = address.segment_ord as usize;
        let Some(Some(column)) = columns.get(segment) else {
            continue;
        };
        let Some(ord) = column.term_ords(address.doc_id).next() else {
            continue;
        };
        let org = catalogue
            .segment_orgs
            .get(segment)
            .and_then(|orgs| orgs.get(ord as usize))
            .copied()
            .unwrap_or(UNKNOWN);
        if org == UNKNOWN || wanted_org.is_some_and(|wanted| wanted != org) {
            continue;
        }
        if hsds
            .modified_after
            .is_some_and(|after| catalogue.modified_at(org) < after)
        {
            continue;
        }
        matches.push(Match { address, org });
    }
    Ok(matches)
}

/// The first match of each organisation, in order.
pub fn per_organisation(matches: Vec<Match>, organisations: usize) -> Vec<Match> {
    let mut seen = vec![false; organisations];
    matches
        .into_iter()
        .filter(|found| match seen.get_mut(found.org as usize) {
            Some(flag) if !*flag => {
                *flag = true;
                true
            }
            _ => false,
        })
        .collect()
}

/// Reads a matched document: its organisation and location index.
pub fn load(index: &SearchIndex, address: DocAddress) -> Result<(Organisation, usize), ApiError> {
    let doc: TantivyDocument = index.searcher().doc(address).map_err(ApiError::index)?;
    let organisation = index.organisation_of(&doc).map_err(ApiError::index)?;
    let location_index = doc
        .get_first(index.fields().location_index)
        .and_then(|value| value.as_u64())
        .unwrap_or(0) as usize;
    Ok((organisation, location_index))
}
