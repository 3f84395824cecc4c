//! One search result: an organisation at the location that matched.

use super::{
    resolve, AddressView, BassinView, CommuneView, GeoView, HoursView, LangCode, NeedRef,
    PhoneView, QssView, QuartierView, SourceRef, Texts,
};
use orienta_model::{CareLine, Lang, Organisation, Weekday};
use orienta_search::Hit;
use orienta_thesaurus::Thesaurus;
use serde::Serialize;
use utoipa::ToSchema;

/// Highlighted fragments, `<mark>` around the words that matched (HTML-escaped otherwise).
#[derive(Debug, Clone, Default, PartialEq, Serialize, ToSchema)]
pub struct Highlights {
    /// The name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// A fragment of the description.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

/// One result: an organisation at one of its locations.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct SearchResult {
    /// Organisation id (stable UUID).
    pub id: String,
    /// The location that matched.
    pub location_id: Option<String>,
    /// Source of the matched location.
    pub source: SourceRef,
    /// Name per language.
    pub name: Texts,
    /// Name in the response language (or the fallback one).
    pub display_name: String,
    /// Language of `display_name`.
    pub display_lang: LangCode,
    /// True when `display_name` is not in the response language.
    pub fallback: bool,
    /// Need concepts.
    pub needs: Vec<NeedRef>,
    /// Languages the service is delivered in (ISO 639-1).
    pub languages: Vec<String>,
    /// Address of the location.
    pub address: Option<AddressView>,
    /// Latitude (WGS84).
    pub lat: Option<f64>,
    /// Longitude (WGS84).
    pub lon: Option<f64>,
    /// How the point was obtained.
    pub geo: Option<GeoView>,
    /// Commune.
    pub commune: Option<CommuneView>,
    /// Monitoring quartier.
    pub quartier: Option<QuartierView>,
    /// Bassin d'aide et de soins.
    pub bassin: Option<BassinView>,
    /// Quartier social-santé.
    pub qss: Option<QssView>,
    /// Distance from `near`, metres (only when `near` is given).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub distance_m: Option<f64>,
    /// Phones.
    pub phones: Vec<PhoneView>,
    /// E-mail addresses.
    pub emails: Vec<String>,
    /// Websites.
    pub websites: Vec<String>,
    /// Opening hours.
    pub hours: HoursView,
    /// Description in the response language (with fallback).
    pub description: Option<String>,
    /// Who it is for, in the response language (with fallback).
    pub audience: Option<String>,
    /// `first_line` or `specialised`.
    pub care_line: Option<String>,
    /// True for generated sample records (fictitious contacts).
    pub synthetic: bool,
    /// True when the sources were last updated longer ago than the server's
    /// `stale_after_years` (3 by default): check before referring.
    pub stale: bool,
    /// The most recent source update date.
    pub updated_at: Option<String>,
    /// Whom the service serves (its area), in the response language.
    pub service_area: super::area::AreaView,
    /// Why it serves the residence searched, only with `serves=`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub serves: Option<super::area::ServesReason>,
    /// Highlighted fragments.
    pub highlights: Highlights,
}

/// What a result needs besides the hit.
pub struct ResultContext<'a> {
    /// Thesaurus for need labels.
    pub thesaurus: &'a Thesaurus,
    /// Response language.
    pub lang: Lang,
    /// Now in Brussels, for `open_now`.
    pub now: (Weekday, u16),
    /// Records last updated before this day are stale.
    pub stale_before: chrono::NaiveDate,
    /// Territory names for the service areas.
    pub tagger: &'a orienta_territory::Tagger,
    /// Where the person lives, when searching by responsibility (`serves=`).
    pub residence: Option<&'a orienta_search::serves::Residence>,
}

/// `first_line` / `specialised`.
pub fn care_line_name(line: CareLine) -> &'static str {
    match line {
        CareLine::FirstLine => "first_line",
        CareLine::Specialised => "specialised",
    }
}

impl SearchResult {
    /// The result of a hit.
    pub fn from_hit(hit: &Hit, context: &ResultContext<'_>) -> Self {
        let mut result = Self::new(&hit.organisation, hit.location_index, context);
        result.distance_m = hit.distance_m;
        result.highlights = Highlights {
            name: hit.highlights.get("name").cloned(),
            description: hit.highlights.get("description").cloned(),
        };
        result
    }

    /// The result of an organisation at one of its locations.
    pub fn new(
        organisation: &Organisation,
        location_index: usize,
        context: &ResultContext<'_>,
    ) -> Self {
        let lang = context.lang;
        let location = organisation.locations.get(location_index);
        let territory = location.and_then(|location| location.territory.as_ref());
        let geo = location.and_then(|location| location.geo);
        let name = organisation
            .name
            .resolve(lang)
            .or_else(|| organisation.official_name.resolve(lang));
        let source = location
            .map(|location| &location.source)
            .or_else(|| organisation.sources.first());
        Self {
            id: organisation.id.clone(),
            location_id: location.map(|location| location.id.clone()),
            source: source.map(SourceRef::from).unwrap_or(SourceRef {
                system: String::new(),
                id: String::new(),
                url: None,
            }),
            name: (&organisation.name).into(),
            display_name: name.map(|name| name.text.to_owned()).unwrap_or_default(),
            display_lang: name.map_or(lang, |name| name.lang).into(),
            fallback: name.is_some_and(|name| name.fallback),
            needs: super::record_needs(context.thesaurus, organisation, lang),
            languages: organisation.languages.clone(),
            address: location.map(|location| AddressView::new(&location.address, lang)),
            lat: geo.map(|geo| geo.lat),
            lon: geo.map(|geo| geo.lon),
            geo: geo.as_ref().map(GeoView::from),
            commune: territory
                .and_then(|t| t.commune.as_ref())
                .map(CommuneView::from),
            quartier: territory
                .and_then(|t| t.quartier.as_ref())
                .map(QuartierView::from),
            bassin: territory
                .and_then(|t| t.bassin.as_ref())
                .map(BassinView::from),
            qss: territory.and_then(|t| t.qss.as_ref()).map(QssView::from),
            distance_m: None,
            phones: organisation.phones.iter().map(PhoneView::from).collect(),
            emails: organisation.emails.clone(),
            websites: organisation.websites.clone(),
            hours: HoursView::new(&organisation.schedule, lang, context.now),
            description: resolve(&organisation.description, lang),
            audience: resolve(&organisation.audience, lang),
            care_line: organisation
                .care_line
                .map(|line| care_line_name(line).to_owned()),
            synthetic: organisation.synthetic,
            stale: super::notices::is_stale(organisation, context.stale_before),
            updated_at: organisation.updated_at().map(|date| date.to_string()),
            service_area: super::area::AreaView::new(
                &organisation.serves,
                context.tagger,
                lang,
                false,
            ),
            serves: context.residence.and_then(|residence| {
                super::area::ServesReason::new(
                    &organisation.serves,
                    residence,
                    context.tagger,
                    lang,
                )
            }),
            highlights: Highlights::default(),
        }
    }
}
