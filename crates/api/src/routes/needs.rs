//! `GET /v1/needs` (the thesaurus) and `GET /v1/suggest` (autocomplete).

use super::distinct::distinct;
use crate::config::FixedFilters;
use crate::error::{ApiError, Problem};
use crate::hsds::scope::Allowed;
use crate::keys::Caller;
use crate::params::{self, QueryParams, MAX_QUERY_CHARS};
use crate::respond::{self, Freshness};
use crate::state::AppState;
use crate::views::result::care_line_name;
use crate::views::{resolve, LangCode, Texts};
use actix_web::http::header;
use actix_web::{get, web, HttpRequest, HttpResponse};
use orienta_model::Lang;
use serde::Serialize;
use std::collections::BTreeMap;
use utoipa::{IntoParams, ToSchema};

/// A need concept.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct NeedView {
    /// Stable id.
    #[schema(example = "food-aid")]
    pub id: String,
    /// Label in the response language (with fallback).
    pub label: String,
    /// Labels FR/NL/EN.
    pub labels: Texts,
    /// Broader concepts.
    pub broader: Vec<String>,
    /// Direct narrower concepts.
    pub narrower: Vec<String>,
    /// `first_line` or `specialised`.
    pub line: String,
}

/// The thesaurus of needs.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct NeedsResponse {
    /// Response language.
    pub lang: LangCode,
    /// Version of the thesaurus file.
    pub version: String,
    /// Concepts in thesaurus order.
    pub needs: Vec<NeedView>,
}

/// Parameters of `GET /v1/needs`.
#[derive(Debug, IntoParams)]
#[into_params(parameter_in = Query)]
#[allow(dead_code)]
pub struct LangParam {
    /// Response language: `fr` (default), `nl` or `en`.
    #[param(value_type = Option<String>, pattern = "^(fr|nl|en)$")]
    lang: Option<String>,
}

fn accept_language(request: &HttpRequest) -> Option<&str> {
    request
        .headers()
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|value| value.to_str().ok())
}

/// The needs thesaurus.
///
/// Every need concept with its FR/NL/EN labels, broader and narrower concepts and
/// stepped-care line. Use the ids in `need=` filters.
#[utoipa::path(
    tag = "reference",
    params(LangParam),
    responses(
        (status = 200, description = "The concepts", body = NeedsResponse),
        (status = 304, description = "Not modified"),
        (status = 400, description = "Invalid lang", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[get("/needs")]
pub async fn needs(
    request: HttpRequest,
    state: web::Data<AppState>,
) -> Result<HttpResponse, ApiError> {
    let params = QueryParams::parse(request.query_string())?;
    let lang = params::response_lang(&params, accept_language(&request))?;
    let thesaurus = state.thesaurus();
    let mut narrower: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    for concept in thesaurus.concepts() {
        for parent in &concept.broader {
            narrower
                .entry(parent.as_str())
                .or_default()
                .push(concept.id.clone());
        }
    }
    let needs = thesaurus
        .concepts()
        .iter()
        .map(|concept| NeedView {
            id: concept.id.clone(),
            label: resolve(&concept.label, lang).unwrap_or_else(|| concept.id.clone()),
            labels: (&concept.label).into(),
            broader: concept.broader.clone(),
            narrower: narrower
                .get(concept.id.as_str())
                .cloned()
                .unwrap_or_default(),
            line: care_line_name(concept.line).to_owned(),
        })
        .collect();
    let answer = NeedsResponse {
        lang: lang.into(),
        version: thesaurus.version().to_owned(),
        needs,
    };
    respond::json(&state, &answer, Freshness::Reference, Some(lang))
}

/// What a suggestion is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum SuggestionKind {
    /// A need concept: filter with `need=<id>`.
    Need,
    /// An organisation: open `GET /v1/organisations/<id>`.
    Organisation,
}

/// One suggestion.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct SuggestionView {
    /// Need or organisation.
    pub kind: SuggestionKind,
    /// Concept id or organisation id.
    pub id: String,
    /// Label in the response language (with fallback).
    pub label: String,
    /// What tells apart organisations suggested under the same label: their commune, or
    /// their address when the commune is the same too (absent otherwise).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
}

/// Autocomplete suggestions.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct SuggestResponse {
    /// Response language.
    pub lang: LangCode,
    /// The text typed.
    pub q: String,
    /// At most 10 suggestions, needs first.
    pub suggestions: Vec<SuggestionView>,
}

/// Parameters of `GET /v1/suggest`.
#[derive(Debug, IntoParams)]
#[into_params(parameter_in = Query)]
#[allow(dead_code)]
pub struct SuggestParams {
    /// The text typed so far (FR or NL, typos tolerated).
    #[param(max_length = 500, example = "aide ali")]
    q: String,
    /// Response language: `fr` (default), `nl` or `en`.
    #[param(value_type = Option<String>, pattern = "^(fr|nl|en)$")]
    lang: Option<String>,
    /// Suggestions wanted, 1–10 (default 10).
    #[param(minimum = 1, maximum = 10)]
    limit: Option<u32>,
}

/// Largest number of suggestions.
const MAX_SUGGESTIONS: usize = 10;

/// Autocomplete needs and organisation names.
///
/// Needs from the thesaurus (labels, everyday words and acronyms) and organisation names
/// (word prefixes, one typo from five letters), at most 10, needs first.
#[utoipa::path(
    tag = "reference",
    params(SuggestParams),
    responses(
        (status = 200, description = "Suggestions", body = SuggestResponse),
        (status = 304, description = "Not modified"),
        (status = 400, description = "Missing or invalid parameter", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[get("/suggest")]
pub async fn suggest(
    request: HttpRequest,
    state: web::Data<AppState>,
    caller: Caller,
) -> Result<HttpResponse, ApiError> {
    let params = QueryParams::parse(request.query_string())?;
    let lang = params::response_lang(&params, accept_language(&request))?;
    let text = params::typed_text(&params, MAX_QUERY_CHARS)?;
    let ask = SuggestAsk {
        typed: text.clone(),
        lang,
        limit: params::limit(&params, MAX_SUGGESTIONS, MAX_SUGGESTIONS)?,
        partner: caller.name().to_owned(),
        fixed: caller.filters().cloned(),
    };
    let worker_state = state.clone();
    let suggestions = respond::blocking(&state, move || suggestions(&worker_state, &ask)).await?;
    let answer = SuggestResponse {
        lang: lang.into(),
        q: text,
        suggestions,
    };
    respond::json(&state, &answer, Freshness::Search, Some(lang))
}

/// A suggestion request, as the worker needs it.
struct SuggestAsk {
    /// The text typed so far.
    typed: String,
    /// The answer's language.
    lang: Lang,
    /// Suggestions wanted.
    limit: usize,
    /// The caller's name (for its partner filters).
    partner: String,
    /// The partner key's fixed filters, if any.
    fixed: Option<FixedFilters>,
}

/// The needs and names suggested; a partner key's filters keep only the needs and
/// organisations it may read.
fn suggestions(state: &AppState, ask: &SuggestAsk) -> Result<Vec<SuggestionView>, ApiError> {
    let SuggestAsk {
        typed,
        lang,
        limit,
        partner,
        fixed,
    } = ask;
    let (lang, limit) = (*lang, *limit);
    let index = state.index();
    let thesaurus = state.thesaurus();
    let mut concepts = thesaurus.suggest(typed, lang, limit);
    let Some(fixed) = fixed else {
        let names = index
            .suggest_names(typed, lang, limit)
            .map_err(ApiError::index)?;
        return Ok(distinct(mix(concepts, names, limit), &index, lang));
    };
    if !fixed.needs.is_empty() {
        let allowed: Vec<String> = fixed
            .needs
            .iter()
            .flat_map(|need| thesaurus.with_narrower(need))
            .collect();
        concepts.retain(|need| allowed.contains(&need.concept));
    }
    let catalogue = state.catalogue(&index)?;
    let allowed = Allowed::of(&index, &catalogue, partner, fixed, thesaurus)?;
    let mut names = index
        .suggest_names(typed, lang, limit * PARTNER_NAME_OVERFETCH)
        .map_err(ApiError::index)?;
    names.retain(|name| allowed.id(&catalogue, &name.id));
    Ok(distinct(mix(concepts, names, limit), &index, lang))
}

/// Name suggestions asked for a partner key per suggestion wanted (the key's filters then
/// drop the organisations it may not read).
const PARTNER_NAME_OVERFETCH: usize = 4;

/// Needs first (about half, more when names are few), then organisation names.
fn mix(
    concepts: Vec<orienta_thesaurus::Suggestion>,
    names: Vec<orienta_search::NameSuggestion>,
    limit: usize,
) -> Vec<SuggestionView> {
    let need_share = concepts
        .len()
        .min(limit.div_ceil(2).max(limit.saturating_sub(names.len())));
    let mut suggestions: Vec<SuggestionView> = concepts
        .into_iter()
        .take(need_share)
        .map(|need| SuggestionView {
            kind: SuggestionKind::Need,
            id: need.concept,
            label: need.label,
            detail: None,
        })
        .collect();
    let room = limit - suggestions.len();
    suggestions.extend(names.into_iter().take(room).map(|name| SuggestionView {
        kind: SuggestionKind::Organisation,
        id: name.id,
        label: name.label,
        detail: None,
    }));
    suggestions
}
