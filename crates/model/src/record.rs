//! The canonical organisation record, its locations, contacts and provenance.

use crate::geo::Geo;
use crate::i18n::I18nText;
use crate::ids::ExternalId;
use crate::quality::{QualityCode, QualityIssue};
use crate::schedule::Schedule;
use crate::territory::Territory;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// Where a record comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceSystem {
    /// Bruxelles Social / Sociaal Brussel (CDCS) organisation JSON.
    SocialBrussels,
    /// A partner's flat CSV file.
    PartnerCsv,
    /// Open Referral HSDS 3.0 JSON.
    Hsds,
    /// FPS Public Health hospital sites (via Eurostat/GISCO).
    Hospitals,
}

impl SourceSystem {
    /// Stable name used in ids and the API (`social_brussels`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            SourceSystem::SocialBrussels => "social_brussels",
            SourceSystem::PartnerCsv => "partner_csv",
            SourceSystem::Hsds => "hsds",
            SourceSystem::Hospitals => "hospitals",
        }
    }
}

/// Where one version of a record came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Provenance {
    /// Source system.
    pub system: SourceSystem,
    /// Id in the source (the social.brussels organisation id for CDCS records).
    pub id: String,
    /// URL of the record at the source, when public.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// File or URL it was read from.
    pub origin: String,
    /// When Orienta read it.
    pub fetched_at: DateTime<Utc>,
    /// The source's own last-update date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<NaiveDate>,
    /// Hash of the raw source record, to detect changes.
    pub raw_hash: String,
}

/// A labelled term of a source classification (legal status, category, sector).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Term {
    /// Source id, when the source has ids.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<i64>,
    /// Label per language.
    pub label: I18nText,
}

/// The language regime of an organisation (social.brussels `langStatus`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum LangStatus {
    /// French-speaking.
    Fr,
    /// Dutch-speaking.
    Nl,
    /// Bilingual.
    FrNl,
    /// Something else.
    Other,
}

/// Stepped-care line of a service ("ligne 0 / 0,5 / 1 / 2").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CareLine {
    /// Generalist first-line: the first door (CPAS, CASG, maison médicale…).
    FirstLine,
    /// Specialised or residential services.
    Specialised,
}

/// The kind of a phone number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PhoneKind {
    /// Voice line.
    Voice,
    /// Fax.
    Fax,
    /// Mobile.
    Mobile,
}

/// A phone number, normalised to E.164 with the raw text kept.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Phone {
    /// E.164 form, e.g. `+3224355138`.
    pub e164: String,
    /// As written at the source.
    pub raw: String,
    /// Voice, fax or mobile.
    pub kind: PhoneKind,
}

/// A postal address, its parts split out and the raw text kept.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Address {
    /// Street name per language (never copied from one to the other).
    pub street: I18nText,
    /// House number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    /// Box (boîte / bus).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub box_number: Option<String>,
    /// 4-digit Belgian postcode (or the foreign postcode as given).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub postcode: Option<String>,
    /// City or commune name per language, as normalised.
    pub city: I18nText,
    /// ISO 3166 country code.
    pub country: String,
    /// The address as the source wrote it, one line.
    pub raw: String,
}

impl Address {
    /// One display line in a language: `Rue X 12 bte 3, 1030 Schaerbeek`.
    pub fn line(&self, lang: crate::Lang) -> String {
        let street = self
            .street
            .resolve(lang)
            .map(|t| t.text)
            .unwrap_or_default();
        let mut line = street.to_owned();
        if let Some(number) = &self.number {
            line.push(' ');
            line.push_str(number);
        }
        if let Some(box_number) = &self.box_number {
            line.push_str(match lang {
                crate::Lang::Nl => " bus ",
                _ => " bte ",
            });
            line.push_str(box_number);
        }
        let city = self.city.resolve(lang).map(|t| t.text).unwrap_or_default();
        let place = [self.postcode.as_deref().unwrap_or_default(), city]
            .iter()
            .filter(|part| !part.is_empty())
            .copied()
            .collect::<Vec<_>>()
            .join(" ");
        match (line.trim().is_empty(), place.is_empty()) {
            (true, _) => place,
            (false, true) => line,
            (false, false) => format!("{line}, {place}"),
        }
    }
}

/// A place where the organisation receives people.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Location {
    /// Stable id.
    pub id: String,
    /// Site name, when it differs from the organisation's.
    #[serde(default, skip_serializing_if = "I18nText::is_empty")]
    pub name: I18nText,
    /// Postal address.
    pub address: Address,
    /// The point, when known or derived.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub geo: Option<Geo>,
    /// Territory tags.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub territory: Option<Territory>,
    /// The source record that gave this location.
    pub source: Provenance,
}

/// A canonical organisation record: one organisation, one default service, one or more locations.
///
/// social.brussels describes organisations, not services; the HSDS view synthesises one
/// service per organisation from the service-level fields here.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Organisation {
    /// Stable id: UUIDv5 of the first source system and id.
    pub id: String,
    /// Display name per language (case normalised).
    pub name: I18nText,
    /// Official name as the source wrote it.
    pub official_name: I18nText,
    /// Alternative names and acronyms (CASS, CSSA…).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub alt_names: Vec<String>,
    /// Former names.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub former_names: Vec<String>,
    /// Mission and activities.
    #[serde(default)]
    pub description: I18nText,
    /// Who it is for.
    #[serde(default)]
    pub audience: I18nText,
    /// How to get in (by phone, walk-in…), one text per language.
    #[serde(default)]
    pub access: I18nText,
    /// Remarks.
    #[serde(default)]
    pub remark: I18nText,
    /// Legal status.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub legal_status: Option<Term>,
    /// Language regime.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang_status: Option<LangStatus>,
    /// Languages the service is delivered in (ISO 639-1), sorted.
    #[serde(default)]
    pub languages: Vec<String>,
    /// Whether interpretation is available.
    #[serde(default)]
    pub interpretation: bool,
    /// Source categories.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub categories: Vec<Term>,
    /// Need concepts of the thesaurus, sorted.
    #[serde(default)]
    pub needs: Vec<String>,
    /// Stepped-care line, derived from the needs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub care_line: Option<CareLine>,
    /// Whom it serves (its service area), with how that is known.
    #[serde(default)]
    pub serves: crate::ServiceArea,
    /// Phones.
    #[serde(default)]
    pub phones: Vec<Phone>,
    /// E-mail addresses.
    #[serde(default)]
    pub emails: Vec<String>,
    /// Websites.
    #[serde(default)]
    pub websites: Vec<String>,
    /// Opening hours.
    #[serde(default)]
    pub schedule: Schedule,
    /// Ids in other systems.
    #[serde(default)]
    pub external_ids: Vec<ExternalId>,
    /// Locations; the first is the main one.
    pub locations: Vec<Location>,
    /// Every source record merged into this one, first the one that gave the id.
    pub sources: Vec<Provenance>,
    /// Quality issues found while importing.
    #[serde(default)]
    pub quality: Vec<QualityIssue>,
    /// True for generated sample data (fictitious contacts).
    pub synthetic: bool,
}

impl Organisation {
    /// Gives back the spare capacity of the record's lists. Vectors grown by `push` keep
    /// room for four elements at least: a single 840-byte location held 3.4 KB, a third of
    /// an imported record's memory.
    pub fn shrink_to_fit(&mut self) {
        self.alt_names.shrink_to_fit();
        self.former_names.shrink_to_fit();
        self.languages.shrink_to_fit();
        self.categories.shrink_to_fit();
        self.needs.shrink_to_fit();
        self.phones.shrink_to_fit();
        self.emails.shrink_to_fit();
        self.websites.shrink_to_fit();
        self.schedule.weekly.shrink_to_fit();
        self.external_ids.shrink_to_fit();
        self.locations.shrink_to_fit();
        self.sources.shrink_to_fit();
        self.quality.shrink_to_fit();
        self.serves.communes.shrink_to_fit();
    }

    /// The main source.
    pub fn primary_source(&self) -> &Provenance {
        &self.sources[0]
    }

    /// The most recent source update date.
    pub fn updated_at(&self) -> Option<NaiveDate> {
        self.sources
            .iter()
            .filter_map(|source| source.updated_at)
            .max()
    }

    /// True when an issue with this code was recorded.
    pub fn has_flag(&self, code: QualityCode) -> bool {
        self.quality.iter().any(|issue| issue.code == code)
    }
}
