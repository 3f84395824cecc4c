//! Importers of the Orienta directory: sources in, canonical bilingual tagged records out.
//!
//! [`ingest`] reads social.brussels JSON, partner CSV, HSDS 3.0 JSON and hospital-site CSV
//! (files, directories or http(s) URLs; the kind is detected), normalises every value
//! ([`normalize`]), tags locations with their territory, derives need concepts, merges
//! duplicates ([`dedup`]) and returns the organisations with an [`IngestReport`].
//! [`harvest`] copies the social.brussels REST API into a directory [`ingest`] reads.
#![deny(missing_docs)]

pub mod dedup;
mod draft;
mod encoding;
mod fictitious;
pub mod harvest;
pub mod http;
mod importers;
mod lenient;
pub mod limits;
mod needs;
pub mod normalize;
pub mod pipeline;
pub mod records;
pub mod report;
pub mod service_area;
pub mod source;
mod tagging;

pub use harvest::{harvest, HarvestError, HarvestManifest, HarvestOptions, HarvestSummary};
pub use http::HttpOptions;
pub use limits::{SourceLimits, DEFAULT_MAX_SOURCE_BYTES};
pub use pipeline::{ingest, IngestContext, IngestOptions, IngestOutcome, ProgressEvent};
pub use records::{read_body, BodyRecords};
pub use report::{Diagnostic, IngestReport, SourceReport, Tombstone, Totals};
pub use source::SourceKind;
