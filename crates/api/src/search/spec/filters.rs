//! The filter parameters of a search: needs, languages, audiences and places, each value
//! checked against what exists.

use super::{
    unknown, SpecContext, MAX_AUDIENCES, MAX_BASSINS, MAX_COMMUNES, MAX_LANGUAGES, MAX_NEEDS,
    MAX_QSS, MAX_QUARTIERS,
};
use crate::error::{ApiError, ErrorCode};
use crate::labels;
use crate::params::QueryParams;
use orienta_model::Bassin;
use orienta_search::audience;

/// The validated filter values, each kind distinct.
pub(super) struct Filters {
    /// Need concept ids.
    pub needs: Vec<String>,
    /// ISO 639-1 codes, lower case.
    pub languages: Vec<String>,
    /// Audience codes.
    pub audiences: Vec<String>,
    /// Commune NIS codes.
    pub communes: Vec<String>,
    /// Monitoring des Quartiers codes.
    pub quartiers: Vec<u32>,
    /// Quartier social-santé codes.
    pub qss: Vec<String>,
    /// Bassins.
    pub bassins: Vec<Bassin>,
}

/// Every filter parameter, checked in this order (the first bad value is the error).
pub(super) fn filters(
    params: &QueryParams,
    context: &SpecContext<'_>,
) -> Result<Filters, ApiError> {
    Ok(Filters {
        needs: needs(params, context)?,
        languages: languages(params)?,
        audiences: audiences(params)?,
        communes: communes(params, context)?,
        quartiers: quartiers(params, context)?,
        qss: qss(params)?,
        bassins: bassins(params)?,
    })
}

/// `need`: concept ids of the thesaurus.
fn needs(params: &QueryParams, context: &SpecContext<'_>) -> Result<Vec<String>, ApiError> {
    let mut needs = Vec::new();
    for need in params.distinct("need", MAX_NEEDS)? {
        if context.thesaurus.concept(need).is_none() {
            return Err(unknown(
                ErrorCode::UnknownNeed,
                "need",
                need,
                "send a concept id from GET /v1/needs, like food-aid",
            ));
        }
        needs.push(need.to_owned());
    }
    Ok(needs)
}

/// `language`: ISO 639-1 codes.
fn languages(params: &QueryParams) -> Result<Vec<String>, ApiError> {
    let mut languages = Vec::new();
    for language in params.distinct("language", MAX_LANGUAGES)? {
        let code = language.to_ascii_lowercase();
        if !labels::is_language_code(&code) {
            return Err(unknown(
                ErrorCode::UnknownLanguage,
                "language",
                language,
                "send an ISO 639-1 code like fr, nl, ar or tr",
            ));
        }
        languages.push(code);
    }
    Ok(languages)
}

/// `audience`: the known audience codes.
fn audiences(params: &QueryParams) -> Result<Vec<String>, ApiError> {
    let mut audiences = Vec::new();
    for code in params.distinct("audience", MAX_AUDIENCES)? {
        if !audience::is_known(code) {
            let known: Vec<&str> = audience::AUDIENCES.iter().map(|(code, ..)| *code).collect();
            return Err(ApiError::one_of("audience", code, &known));
        }
        audiences.push(code.to_owned());
    }
    Ok(audiences)
}

/// `commune`: NIS codes of the 19 communes.
fn communes(params: &QueryParams, context: &SpecContext<'_>) -> Result<Vec<String>, ApiError> {
    let mut communes = Vec::new();
    for nis in params.distinct("commune", MAX_COMMUNES)? {
        if context.tagger.commune(nis).is_none() {
            return Err(unknown(ErrorCode::UnknownParameterValue, "commune", nis, "send the NIS code of one of the 19 communes, like 21015; see GET /v1/territories/communes"));
        }
        communes.push(nis.to_owned());
    }
    Ok(communes)
}

/// `quartier`: Monitoring des Quartiers codes.
fn quartiers(params: &QueryParams, context: &SpecContext<'_>) -> Result<Vec<u32>, ApiError> {
    let mut quartiers = Vec::new();
    for code in params.distinct("quartier", MAX_QUARTIERS)? {
        let known = code
            .parse::<u32>()
            .ok()
            .filter(|number| context.tagger.quartier(*number).is_some());
        let Some(number) = known else {
            return Err(unknown(
                ErrorCode::UnknownParameterValue,
                "quartier",
                code,
                "send a Monitoring des Quartiers code, like 87; see GET /v1/territories/quartiers",
            ));
        };
        quartiers.push(number);
    }
    Ok(quartiers)
}

/// `qss`: quartier social-santé codes (free, at most 32 characters).
fn qss(params: &QueryParams) -> Result<Vec<String>, ApiError> {
    let mut qss = Vec::new();
    for code in params.distinct("qss", MAX_QSS)? {
        if code.chars().count() > 32 {
            return Err(unknown(
                ErrorCode::UnknownParameterValue,
                "qss",
                code,
                "send a quartier social-santé code",
            ));
        }
        qss.push(code.to_owned());
    }
    Ok(qss)
}

/// `bassin`: the five bassins' slugs.
fn bassins(params: &QueryParams) -> Result<Vec<Bassin>, ApiError> {
    let mut bassins = Vec::new();
    for slug in params.distinct("bassin", MAX_BASSINS)? {
        let Some(bassin) = Bassin::parse(slug) else {
            return Err(unknown(
                ErrorCode::UnknownBassin,
                "bassin",
                slug,
                "send one of nord, nord-est, centre-ouest, sud, sud-est",
            ));
        };
        bassins.push(bassin);
    }
    Ok(bassins)
}
