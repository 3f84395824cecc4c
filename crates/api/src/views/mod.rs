//! The JSON shapes the API answers with, built from the canonical records.
//!
//! They mirror `orienta-model` on purpose: the API contract is documented here (OpenAPI
//! schemas) and does not change when the model's internals do.

pub mod area;
pub mod notices;
pub mod record;
pub mod result;

use crate::labels;
use orienta_model::{
    Address, BassinTag, CommuneTag, Geo, I18nText, Lang, Phone, PhoneKind, Provenance, QssTag,
    QuartierTag, Schedule,
};
use orienta_thesaurus::Thesaurus;
use serde::Serialize;
use utoipa::ToSchema;

/// A language of the API's texts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum LangCode {
    /// French.
    Fr,
    /// Dutch.
    Nl,
    /// English.
    En,
}

impl From<Lang> for LangCode {
    fn from(lang: Lang) -> Self {
        match lang {
            Lang::Fr => LangCode::Fr,
            Lang::Nl => LangCode::Nl,
            Lang::En => LangCode::En,
        }
    }
}

/// A text in French, Dutch and optionally English (each may be missing; never copied across).
#[derive(Debug, Clone, Default, PartialEq, Serialize, ToSchema)]
pub struct Texts {
    /// French.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fr: Option<String>,
    /// Dutch.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub nl: Option<String>,
    /// English.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub en: Option<String>,
}

impl From<&I18nText> for Texts {
    fn from(text: &I18nText) -> Self {
        Self {
            fr: text.fr.clone(),
            nl: text.nl.clone(),
            en: text.en.clone(),
        }
    }
}

/// The text of `text` in `lang` with fallback.
pub fn resolve(text: &I18nText, lang: Lang) -> Option<String> {
    text.resolve(lang)
        .map(|localized| localized.text.to_owned())
}

/// Where a record comes from.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct SourceRef {
    /// Source system: `social_brussels`, `partner_csv`, `hsds` or `hospitals`.
    #[schema(example = "social_brussels")]
    pub system: String,
    /// Id at the source (the social.brussels organisation id for social.brussels records).
    #[schema(example = "13219")]
    pub id: String,
    /// The record at the source, when public.
    pub url: Option<String>,
}

impl From<&Provenance> for SourceRef {
    fn from(source: &Provenance) -> Self {
        // The importer sets the public page of real records only: a sample record's made-up
        // id must never become a link to someone else's page.
        let url = source.url.clone();
        Self {
            system: source.system.as_str().to_owned(),
            id: source.id.clone(),
            url,
        }
    }
}

/// A spoken language with its name in the response language.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct LanguageRef {
    /// ISO 639-1 code (or `ber`, `rom`, `sgn`).
    #[schema(example = "ar")]
    pub code: String,
    /// Name.
    #[schema(example = "Arabe")]
    pub label: String,
}

/// A public the text of a search says the person belongs to, with its name in the response
/// language.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct AudienceRef {
    /// Audience code (as in the `audience` filter); `literal=audience:<code>` undoes it.
    #[schema(example = "youth")]
    pub code: String,
    /// Name.
    #[schema(example = "Jeunes")]
    pub label: String,
}

/// A place named in the text of a search.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct PlaceRef {
    /// The folded words read as a place; `literal=place:<words>` undoes it.
    #[schema(example = "schaerbeek")]
    pub words: String,
    /// The words as a name.
    #[schema(example = "Schaerbeek")]
    pub label: String,
}

impl PlaceRef {
    /// The place of folded `words`, each word capitalised in its label.
    pub fn new(words: &str) -> Self {
        let label = words
            .split(' ')
            .map(|word| {
                let mut chars = word.chars();
                chars.next().map_or_else(String::new, |first| {
                    first.to_uppercase().chain(chars).collect()
                })
            })
            .collect::<Vec<_>>()
            .join(" ");
        Self {
            words: words.to_owned(),
            label,
        }
    }
}

/// A need concept of the thesaurus with its label in the response language.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct NeedRef {
    /// Concept id.
    #[schema(example = "food-aid")]
    pub id: String,
    /// Label.
    #[schema(example = "Aide alimentaire")]
    pub label: String,
    /// True for the service's primary needs (those of its own categories): what it is
    /// mainly for. Listed first.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub primary: bool,
}

/// Needs with labels, skipping none (an id the thesaurus lost keeps its id as label).
pub fn need_refs(thesaurus: &Thesaurus, needs: &[String], lang: Lang) -> Vec<NeedRef> {
    needs
        .iter()
        .map(|id| NeedRef {
            id: id.clone(),
            label: thesaurus
                .concept(id)
                .and_then(|concept| resolve(&concept.label, lang))
                .unwrap_or_else(|| id.clone()),
            primary: false,
        })
        .collect()
}

/// A record's needs with labels, its primary needs first and marked.
pub fn record_needs(
    thesaurus: &Thesaurus,
    organisation: &orienta_model::Organisation,
    lang: Lang,
) -> Vec<NeedRef> {
    let primary = orienta_search::document::primary_needs(thesaurus, organisation);
    let mut needs = need_refs(thesaurus, &organisation.needs, lang);
    for need in &mut needs {
        need.primary = primary.contains(&need.id);
    }
    // A stable sort: the primary needs first, each group in its stored order.
    needs.sort_by_key(|need| !need.primary);
    needs
}

/// A postal address.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct AddressView {
    /// One display line in the response language.
    pub line: String,
    /// Street per language.
    pub street: Texts,
    /// House number.
    pub number: Option<String>,
    /// Box.
    #[serde(rename = "box")]
    pub box_number: Option<String>,
    /// Postcode.
    pub postcode: Option<String>,
    /// City per language.
    pub city: Texts,
}

impl AddressView {
    /// The view of an address in `lang`.
    pub fn new(address: &Address, lang: Lang) -> Self {
        Self {
            line: address.line(lang),
            street: (&address.street).into(),
            number: address.number.clone(),
            box_number: address.box_number.clone(),
            postcode: address.postcode.clone(),
            city: (&address.city).into(),
        }
    }
}

/// How a point was obtained and how precise it is.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct GeoView {
    /// `coordinates`, `lambert`, `street`, `postcode` or `none`.
    #[schema(example = "coordinates")]
    pub method: String,
    /// `rooftop`, `street`, `postcode` or `unknown`.
    #[schema(example = "rooftop")]
    pub precision: String,
}

fn snake<T: Serialize>(value: T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|json| json.as_str().map(str::to_owned))
        .unwrap_or_default()
}

impl From<&Geo> for GeoView {
    fn from(geo: &Geo) -> Self {
        Self {
            method: snake(geo.method),
            precision: snake(geo.precision),
        }
    }
}

/// A commune.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct CommuneView {
    /// NIS code.
    #[schema(example = "21015")]
    pub nis: String,
    /// French name.
    pub fr: String,
    /// Dutch name.
    pub nl: String,
}

impl From<&CommuneTag> for CommuneView {
    fn from(tag: &CommuneTag) -> Self {
        Self {
            nis: tag.nis.clone(),
            fr: tag.fr.clone(),
            nl: tag.nl.clone(),
        }
    }
}

/// A Monitoring des Quartiers quartier.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct QuartierView {
    /// MDRC code.
    #[schema(example = 87)]
    pub code: u32,
    /// French name.
    pub fr: String,
    /// Dutch name.
    pub nl: String,
}

impl From<&QuartierTag> for QuartierView {
    fn from(tag: &QuartierTag) -> Self {
        Self {
            code: tag.code,
            fr: tag.fr.clone(),
            nl: tag.nl.clone(),
        }
    }
}

/// A bassin d'aide et de soins.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct BassinView {
    /// Slug.
    #[schema(example = "nord-est")]
    pub slug: String,
    /// French label.
    pub fr: String,
    /// Dutch label.
    pub nl: String,
    /// `official` or `inferred` (by Orienta's rule).
    #[schema(example = "official")]
    pub status: String,
}

impl From<&BassinTag> for BassinView {
    fn from(tag: &BassinTag) -> Self {
        Self {
            slug: tag.slug.slug().to_owned(),
            fr: tag.fr.clone(),
            nl: tag.nl.clone(),
            status: snake(tag.status),
        }
    }
}

/// A quartier social-santé (only when an official table is loaded).
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct QssView {
    /// Code.
    pub code: String,
    /// French name.
    pub fr: String,
    /// Dutch name.
    pub nl: String,
}

impl From<&QssTag> for QssView {
    fn from(tag: &QssTag) -> Self {
        Self {
            code: tag.code.clone(),
            fr: tag.fr.clone(),
            nl: tag.nl.clone(),
        }
    }
}

/// A phone number.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct PhoneView {
    /// E.164.
    #[schema(example = "+3224355138")]
    pub e164: String,
    /// National display form.
    #[schema(example = "02 435 51 38")]
    pub display: String,
    /// `voice`, `fax` or `mobile`.
    #[schema(example = "voice")]
    pub kind: String,
}

impl From<&Phone> for PhoneView {
    fn from(phone: &Phone) -> Self {
        let kind = match phone.kind {
            PhoneKind::Voice => "voice",
            PhoneKind::Fax => "fax",
            PhoneKind::Mobile => "mobile",
        };
        Self {
            e164: phone.e164.clone(),
            display: labels::phone_display(&phone.e164),
            kind: kind.to_owned(),
        }
    }
}

/// Opening hours: the source text, and whether it is open now when structured.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct HoursView {
    /// The hours as the source wrote them, in the response language when available.
    pub text: Option<String>,
    /// The language of `text`.
    pub text_lang: Option<LangCode>,
    /// Whether weekly slots are known.
    pub structured: bool,
    /// Open at the time of the response (Europe/Brussels); null when hours are unstructured.
    pub open_now: Option<bool>,
}

impl HoursView {
    /// The hours in `lang`, open-now computed for `now` (weekday 0 = Monday, minute of day).
    pub fn new(schedule: &Schedule, lang: Lang, now: (orienta_model::Weekday, u16)) -> Self {
        let text = schedule.text.resolve(lang);
        Self {
            text: text.map(|localized| localized.text.to_owned()),
            text_lang: text.map(|localized| localized.lang.into()),
            structured: schedule.is_structured(),
            open_now: schedule.is_open(now.0, now.1),
        }
    }
}

/// The current weekday and minute in Brussels.
pub fn brussels_now() -> (orienta_model::Weekday, u16) {
    use chrono::{Datelike, Timelike};
    let now = chrono::Utc::now().with_timezone(&chrono_tz::Europe::Brussels);
    let weekday = orienta_model::Weekday::ALL[now.weekday().num_days_from_monday() as usize];
    (weekday, (now.hour() * 60 + now.minute()) as u16)
}
