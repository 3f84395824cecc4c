//! The full record of an organisation: every location with its territory tags, the
//! provenance of each source and the quality flags raised while importing.

use super::notices::{self, NoticeView};
use super::result::care_line_name;
use super::{
    AddressView, BassinView, CommuneView, GeoView, HoursView, LangCode, NeedRef, PhoneView,
    QssView, QuartierView, SourceRef, Texts,
};
use crate::labels;
use chrono::NaiveDate;
use orienta_model::{Lang, Location, Organisation, Provenance, QualityIssue, Schedule, Term};
use orienta_search::audience;
use orienta_text::fold;
use orienta_thesaurus::Thesaurus;
use serde::Serialize;
use utoipa::ToSchema;

/// A labelled term of a source classification.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct TermView {
    /// Source id.
    pub id: Option<i64>,
    /// Label per language.
    pub label: Texts,
}

impl From<&Term> for TermView {
    fn from(term: &Term) -> Self {
        Self {
            id: term.id,
            label: (&term.label).into(),
        }
    }
}

/// A spoken language with its name in the response language.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct LanguageView {
    /// ISO 639-1 code (ISO 639-2 for `ber`, `rom`, `sgn`).
    #[schema(example = "ar")]
    pub code: String,
    /// Name.
    #[schema(example = "Arabe")]
    pub label: String,
}

/// A weekly opening slot, local time (Europe/Brussels).
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct SlotView {
    /// `mon` … `sun`.
    #[schema(example = "mon")]
    pub day: String,
    /// Opening time `HH:MM`.
    #[schema(example = "08:30")]
    pub opens: String,
    /// Closing time `HH:MM`.
    #[schema(example = "16:00")]
    pub closes: String,
}

/// `HH:MM` of minutes since midnight.
pub fn clock(minutes: u16) -> String {
    format!("{:02}:{:02}", minutes / 60, minutes % 60)
}

fn slots(schedule: &Schedule) -> Vec<SlotView> {
    schedule
        .weekly
        .iter()
        .map(|slot| SlotView {
            day: super::snake(slot.day),
            opens: clock(slot.opens),
            closes: clock(slot.closes),
        })
        .collect()
}

/// Where one version of the record came from.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct ProvenanceView {
    /// System, id and public URL.
    #[serde(flatten)]
    pub source: SourceRef,
    /// The file name or URL it was read from.
    pub origin: String,
    /// When Orienta read it (RFC 3339).
    pub fetched_at: String,
    /// The source's own last-update date.
    pub updated_at: Option<String>,
}

impl From<&Provenance> for ProvenanceView {
    fn from(source: &Provenance) -> Self {
        let origin = if source.origin.starts_with("http") {
            source.origin.clone()
        } else {
            source
                .origin
                .rsplit(['/', '\\'])
                .next()
                .unwrap_or_default()
                .to_owned()
        };
        Self {
            source: source.into(),
            origin,
            fetched_at: source.fetched_at.to_rfc3339(),
            updated_at: source.updated_at.map(|date| date.to_string()),
        }
    }
}

/// Territory tags of a location.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct TerritoryView {
    /// How the point or area was obtained.
    pub geo: GeoView,
    /// Inside the Brussels-Capital Region.
    pub in_region: bool,
    /// Commune.
    pub commune: Option<CommuneView>,
    /// Statbel statistical sector code.
    pub sector: Option<String>,
    /// Monitoring quartier.
    pub quartier: Option<QuartierView>,
    /// Bassin.
    pub bassin: Option<BassinView>,
    /// Quartier social-santé.
    pub qss: Option<QssView>,
}

/// A place where the organisation receives people.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct LocationView {
    /// Location id.
    pub id: String,
    /// Site name, when it differs from the organisation's.
    pub name: Texts,
    /// Address.
    pub address: AddressView,
    /// Latitude.
    pub lat: Option<f64>,
    /// Longitude.
    pub lon: Option<f64>,
    /// Territory tags.
    pub territory: Option<TerritoryView>,
    /// The source of this location.
    pub source: SourceRef,
}

impl LocationView {
    fn new(location: &Location, lang: Lang) -> Self {
        let territory = location.territory.as_ref().map(|territory| TerritoryView {
            geo: GeoView {
                method: super::snake(territory.method),
                precision: super::snake(territory.precision),
            },
            in_region: territory.in_region,
            commune: territory.commune.as_ref().map(CommuneView::from),
            sector: territory.sector.as_ref().map(|sector| sector.code.clone()),
            quartier: territory.quartier.as_ref().map(QuartierView::from),
            bassin: territory.bassin.as_ref().map(BassinView::from),
            qss: territory.qss.as_ref().map(QssView::from),
        });
        Self {
            id: location.id.clone(),
            name: (&location.name).into(),
            address: AddressView::new(&location.address, lang),
            lat: location.geo.map(|geo| geo.lat),
            lon: location.geo.map(|geo| geo.lon),
            territory,
            source: (&location.source).into(),
        }
    }
}

/// A quality flag raised while importing.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct QualityView {
    /// Stable code (`geocoded`, `missing_nl`, `invalid_phone`…).
    pub code: String,
    /// The source field concerned.
    pub field: String,
    /// What was found and done.
    pub message: String,
    /// `info`, `warning` or `error`.
    pub severity: String,
}

impl From<&QualityIssue> for QualityView {
    fn from(issue: &QualityIssue) -> Self {
        Self {
            code: issue.code.as_str(),
            field: issue.field.clone(),
            message: issue.message.clone(),
            severity: super::snake(issue.severity),
        }
    }
}

/// An id of the organisation in another system.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct ExternalIdView {
    /// Scheme (`cdcs:organisation`, `BE-BCE_KBO`…).
    pub scheme: String,
    /// Value.
    pub value: String,
    /// Where it can be seen.
    pub url: Option<String>,
}

/// The full record of an organisation.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct OrganisationRecord {
    /// Stable id.
    pub id: String,
    /// Response language.
    pub lang: LangCode,
    /// Name in the response language (with fallback).
    pub display_name: String,
    /// Display name per language.
    pub name: Texts,
    /// Official name as the source wrote it.
    pub official_name: Texts,
    /// Alternative names and acronyms.
    pub alt_names: Vec<String>,
    /// Former names.
    pub former_names: Vec<String>,
    /// Mission and activities.
    pub description: Texts,
    /// Who it is for.
    pub audience: Texts,
    /// Audience codes derived from the audience text and needs.
    pub audiences: Vec<String>,
    /// How to get in.
    pub access: Texts,
    /// Remarks.
    pub remark: Texts,
    /// Legal status.
    pub legal_status: Option<TermView>,
    /// Spoken languages with names.
    pub languages: Vec<LanguageView>,
    /// Whether interpretation is available.
    pub interpretation: bool,
    /// Source categories.
    pub categories: Vec<TermView>,
    /// Need concepts.
    pub needs: Vec<NeedRef>,
    /// `first_line` or `specialised`.
    pub care_line: Option<String>,
    /// Phones.
    pub phones: Vec<PhoneView>,
    /// E-mails.
    pub emails: Vec<String>,
    /// Websites.
    pub websites: Vec<String>,
    /// Opening hours now.
    pub hours: HoursView,
    /// The hours text per language.
    pub hours_text: Texts,
    /// Weekly slots, when structured.
    pub weekly: Vec<SlotView>,
    /// Ids in other systems.
    pub external_ids: Vec<ExternalIdView>,
    /// Locations, the main one first.
    pub locations: Vec<LocationView>,
    /// Every source merged into this record.
    pub sources: Vec<ProvenanceView>,
    /// What a reader should know about the data, in their language (old data, approximate
    /// map point, unreadable contact).
    pub notices: Vec<NoticeView>,
    /// True when the sources were last updated longer ago than the server's
    /// `stale_after_years` (3 by default): check before referring.
    pub stale: bool,
    /// The import's quality flags (codes, source fields, messages in English): only with an
    /// admin key (the staff view); absent otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quality: Option<Vec<QualityView>>,
    /// The most recent source update date.
    pub updated_at: Option<String>,
    /// True for generated sample records.
    pub synthetic: bool,
    /// Whom the service serves (its area), in `lang`, with how it is known.
    pub service_area: super::area::AreaView,
}

/// Who reads a record, and from when data is old.
#[derive(Clone, Copy)]
pub struct Readership<'a> {
    /// Staff (an admin key): the import's quality flags are included.
    pub staff: bool,
    /// Records last updated before this day are stale.
    pub stale_before: NaiveDate,
    /// Territory names for the service area.
    pub tagger: &'a orienta_territory::Tagger,
}

/// The spoken languages with their names in `lang`.
fn language_views(codes: &[String], lang: Lang) -> Vec<LanguageView> {
    codes
        .iter()
        .map(|code| LanguageView {
            code: code.clone(),
            label: labels::language_name(code, lang),
        })
        .collect()
}

impl From<&orienta_model::ExternalId> for ExternalIdView {
    fn from(external: &orienta_model::ExternalId) -> Self {
        Self {
            scheme: external.scheme.clone(),
            value: external.value.clone(),
            url: external.url.clone(),
        }
    }
}

impl OrganisationRecord {
    /// The record of an organisation in `lang`.
    pub fn new(
        organisation: &Organisation,
        thesaurus: &Thesaurus,
        lang: Lang,
        readership: Readership,
    ) -> Self {
        let audience_text = fold(&format!(
            "{} {}",
            organisation.audience.fr.as_deref().unwrap_or_default(),
            organisation.audience.nl.as_deref().unwrap_or_default()
        ));
        let display = organisation
            .name
            .resolve(lang)
            .or_else(|| organisation.official_name.resolve(lang));
        Self {
            id: organisation.id.clone(),
            lang: lang.into(),
            display_name: display.map(|name| name.text.to_owned()).unwrap_or_default(),
            name: (&organisation.name).into(),
            official_name: (&organisation.official_name).into(),
            alt_names: organisation.alt_names.clone(),
            former_names: organisation.former_names.clone(),
            description: (&organisation.description).into(),
            audience: (&organisation.audience).into(),
            audiences: audience::audiences(&audience_text, &organisation.needs),
            access: (&organisation.access).into(),
            remark: (&organisation.remark).into(),
            legal_status: organisation.legal_status.as_ref().map(TermView::from),
            languages: language_views(&organisation.languages, lang),
            interpretation: organisation.interpretation,
            categories: organisation.categories.iter().map(TermView::from).collect(),
            needs: super::record_needs(thesaurus, organisation, lang),
            care_line: organisation
                .care_line
                .map(|line| care_line_name(line).to_owned()),
            phones: organisation.phones.iter().map(PhoneView::from).collect(),
            emails: organisation.emails.clone(),
            websites: organisation.websites.clone(),
            hours: HoursView::new(&organisation.schedule, lang, super::brussels_now()),
            hours_text: (&organisation.schedule.text).into(),
            weekly: slots(&organisation.schedule),
            external_ids: organisation
                .external_ids
                .iter()
                .map(ExternalIdView::from)
                .collect(),
            locations: organisation
                .locations
                .iter()
                .map(|location| LocationView::new(location, lang))
                .collect(),
            sources: organisation
                .sources
                .iter()
                .map(ProvenanceView::from)
                .collect(),
            notices: notices::notices(organisation, readership.stale_before),
            stale: notices::is_stale(organisation, readership.stale_before),
            quality: readership
                .staff
                .then(|| organisation.quality.iter().map(QualityView::from).collect()),
            updated_at: organisation.updated_at().map(|date| date.to_string()),
            synthetic: organisation.synthetic,
            service_area: super::area::AreaView::new(
                &organisation.serves,
                readership.tagger,
                lang,
                readership.staff,
            ),
        }
    }
}
