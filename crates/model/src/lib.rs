//! Canonical records of the Orienta directory.
//!
//! Every importer turns its source into these types; the territory tagger fills in
//! [`Territory`]; the search index and the API read them. Data flows one way:
//! sources → canonical records → tags → index → API → page.
//!
//! Human text is always an [`I18nText`]: French and Dutch side by side (English
//! optional), never overwriting each other.
#![deny(missing_docs)]

mod geo;
mod i18n;
mod ids;
pub mod lambert;
mod quality;
mod record;
mod schedule;
mod service_area;
mod territory;

pub use geo::{Geo, GeoMethod, Precision};
pub use i18n::{I18nText, Lang, Localized};
pub use ids::{external_id_scheme, record_uuid, ExternalId, Kbo, KboError};
pub use quality::{QualityCode, QualityIssue, Severity};
pub use record::{
    Address, CareLine, LangStatus, Location, Organisation, Phone, PhoneKind, Provenance,
    SourceSystem, Term,
};
pub use schedule::{OpeningSlot, Schedule, Weekday};
pub use service_area::{AreaStatus, ServiceArea};
pub use territory::{
    Bassin, BassinTag, CommuneTag, QssTag, QuartierTag, SectorTag, TagStatus, Territory,
};
