//! The JSON answer of `GET /v1/search`.

use crate::labels;
use crate::views::result::{ResultContext, SearchResult};
use crate::views::{resolve, AudienceRef, LangCode, LanguageRef, NeedRef, PlaceRef};
use orienta_model::{Bassin, Lang};
use orienta_search::SearchResults;
use orienta_territory::Tagger;
use orienta_thesaurus::Thesaurus;
use serde::Serialize;
use utoipa::ToSchema;

/// How the query was understood.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct QueryView {
    /// The text searched.
    pub q: Option<String>,
    /// The language of the text, given or guessed (`null` when undecided).
    pub lang: Option<LangCode>,
    /// True when the language was guessed.
    pub lang_guessed: bool,
    /// Need concepts recognised in the text.
    pub concepts: Vec<NeedRef>,
    /// Spoken languages named in the text (`psy qui parle arabe`): services known to speak
    /// them rank first.
    pub languages: Vec<LanguageRef>,
    /// Publics the text says the person belongs to (`mon fils de 16 ans`: young people):
    /// services for them rank first.
    pub audiences: Vec<AudienceRef>,
    /// Places named in the text (communes, postcodes, quartiers, bassins): results there
    /// come first.
    pub places: Vec<PlaceRef>,
    /// True when results that miss some word or need of the text follow those holding
    /// them all (the closest ones).
    pub relaxed: bool,
    /// How many results hold every word and need of the text.
    pub all_words_total: usize,
    /// The text with the words that no service and no need knows corrected to the closest
    /// word of the directory, when one is close (`logemant social` → `logement social`).
    #[schema(example = "logement social")]
    pub did_you_mean: Option<String>,
    /// Where the person lives, with `serves=`: the results are the services responsible
    /// for them, the quartier's first, then the commune's, the bassin's, the Region's.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub serves: Option<ResidenceView>,
}

/// The residence of a search by responsibility, with its territory in the response language.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct ResidenceView {
    /// Latitude.
    pub lat: f64,
    /// Longitude.
    pub lon: f64,
    /// Commune NIS code and name.
    pub commune: Option<crate::views::CommuneView>,
    /// Monitoring quartier code and name.
    pub quartier: Option<crate::views::QuartierView>,
    /// Bassin.
    pub bassin: Option<crate::views::BassinView>,
}

/// One facet value with its label in the response language.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct FacetValue {
    /// The value to filter by.
    #[schema(example = "food-aid")]
    pub value: String,
    /// Label.
    #[schema(example = "Aide alimentaire")]
    pub label: String,
    /// Matching results.
    pub count: u64,
}

/// Counts over all matches (not just the page), most frequent first.
#[derive(Debug, Clone, Default, PartialEq, Serialize, ToSchema)]
pub struct FacetsView {
    /// Need concepts (broader concepts count their narrower ones).
    pub needs: Vec<FacetValue>,
    /// Spoken languages.
    pub languages: Vec<FacetValue>,
    /// Communes (NIS).
    pub communes: Vec<FacetValue>,
    /// Bassins (slug).
    pub bassins: Vec<FacetValue>,
    /// Monitoring quartiers (code).
    pub quartiers: Vec<FacetValue>,
}

/// The answer to a search.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct SearchResponse {
    /// Response language.
    pub lang: LangCode,
    /// Matching (organisation, location) pairs.
    pub total: usize,
    /// Page number.
    pub page: usize,
    /// Page size.
    pub per_page: usize,
    /// How the query was understood.
    pub query: QueryView,
    /// The page of results.
    pub results: Vec<SearchResult>,
    /// Facet counts.
    pub facets: FacetsView,
}

/// What labels need.
pub struct LabelContext<'a> {
    /// Thesaurus.
    pub thesaurus: &'a Thesaurus,
    /// Territory names.
    pub tagger: &'a Tagger,
    /// Response language.
    pub lang: Lang,
    /// Records last updated before this day are stale.
    pub stale_before: chrono::NaiveDate,
    /// Where the person lives, when searching by responsibility.
    pub serves: Option<&'a crate::search::spec::ServesAt>,
}

fn pick(lang: Lang, fr: &str, nl: &str) -> String {
    match lang {
        Lang::Nl => nl.to_owned(),
        _ => fr.to_owned(),
    }
}

impl FacetsView {
    /// Labels the raw counts.
    pub fn new(results: &SearchResults, context: &LabelContext<'_>) -> Self {
        let lang = context.lang;
        let label = |values: &[(String, u64)], name: &dyn Fn(&str) -> String| -> Vec<FacetValue> {
            values
                .iter()
                .map(|(value, count)| FacetValue {
                    value: value.clone(),
                    label: name(value),
                    count: *count,
                })
                .collect()
        };
        let facets = &results.facets;
        Self {
            needs: label(&facets.needs, &|id| {
                context
                    .thesaurus
                    .concept(id)
                    .and_then(|concept| resolve(&concept.label, lang))
                    .unwrap_or_else(|| id.to_owned())
            }),
            languages: label(&facets.languages, &|code| labels::language_name(code, lang)),
            communes: label(&facets.communes, &|nis| {
                context
                    .tagger
                    .commune(nis)
                    .map(|commune| pick(lang, &commune.fr, &commune.nl))
                    .unwrap_or_else(|| nis.to_owned())
            }),
            bassins: label(&facets.bassins, &|slug| {
                Bassin::parse(slug)
                    .map(|bassin| pick(lang, bassin.label_fr(), bassin.label_nl()))
                    .unwrap_or_else(|| slug.to_owned())
            }),
            quartiers: label(&facets.quartiers, &|code| {
                code.parse()
                    .ok()
                    .and_then(|code| context.tagger.quartier(code))
                    .map(|quartier| pick(lang, &quartier.fr, &quartier.nl))
                    .unwrap_or_else(|| code.to_owned())
            }),
        }
    }
}

impl SearchResponse {
    /// Builds the answer.
    pub fn new(
        results: &SearchResults,
        text: Option<&str>,
        page: usize,
        per_page: usize,
        context: &LabelContext<'_>,
    ) -> Self {
        let result_context = ResultContext {
            thesaurus: context.thesaurus,
            lang: context.lang,
            now: crate::views::brussels_now(),
            stale_before: context.stale_before,
            tagger: context.tagger,
            residence: context.serves.map(|serves| &serves.residence),
        };
        let understanding = &results.understanding;
        Self {
            lang: context.lang.into(),
            total: results.total,
            page,
            per_page,
            query: QueryView {
                q: text.map(str::to_owned),
                lang: understanding.lang.map(LangCode::from),
                lang_guessed: understanding.lang_guessed,
                concepts: crate::views::need_refs(
                    context.thesaurus,
                    &understanding.concepts,
                    context.lang,
                ),
                languages: understanding
                    .languages
                    .iter()
                    .map(|code| LanguageRef {
                        code: code.clone(),
                        label: crate::labels::language_name(code, context.lang),
                    })
                    .collect(),
                audiences: understanding
                    .audiences
                    .iter()
                    .map(|code| AudienceRef {
                        code: code.clone(),
                        label: orienta_search::audience::label(code, context.lang)
                            .unwrap_or(code)
                            .to_owned(),
                    })
                    .collect(),
                places: understanding
                    .places
                    .iter()
                    .map(|words| PlaceRef::new(words))
                    .collect(),
                relaxed: understanding.relaxed,
                all_words_total: understanding.all_words_total,
                did_you_mean: understanding.did_you_mean.clone(),
                serves: context
                    .serves
                    .map(|serves| residence_view(serves, context.tagger)),
            },
            results: results
                .hits
                .iter()
                .map(|hit| SearchResult::from_hit(hit, &result_context))
                .collect(),
            facets: FacetsView::new(results, context),
        }
    }
}

/// The residence searched, tagged again for its names.
fn residence_view(serves: &crate::search::spec::ServesAt, tagger: &Tagger) -> ResidenceView {
    let (lat, lon) = serves.point;
    let territory = tagger.tag_point(lat, lon);
    ResidenceView {
        lat,
        lon,
        commune: territory
            .commune
            .as_ref()
            .map(crate::views::CommuneView::from),
        quartier: territory
            .quartier
            .as_ref()
            .map(crate::views::QuartierView::from),
        bassin: territory
            .bassin
            .as_ref()
            .map(crate::views::BassinView::from),
    }
}
