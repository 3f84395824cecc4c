//! Bilingual FR/NL orientation search over tantivy.
//!
//! Modules in data-flow order: [`analysis`] (French, Dutch and folding analyzers),
//! [`schema`] and [`document`] (one document per organisation × location),
//! [`build`], [`versions`], [`lock`] and [`repair`] (atomic index versions, one writer,
//! crash repair), [`changes`] (change feed),
//! [`index`], `facet_table` and [`handle`] (serving), [`query`] (query understanding),
//! `geo_filter` and [`hours`] (radius and open-at predicates), `search` (ranking,
//! facets, highlights) and `browse` (unranked pages).
#![deny(missing_docs)]

pub mod analysis;
pub mod audience;
pub(crate) mod browse;
pub mod build;
pub mod changes;
pub mod decompound;
pub mod document;
pub mod eval;
pub(crate) mod facet_table;
pub mod fault;
pub mod fit;
pub(crate) mod geo_filter;
pub mod handle;
pub mod hours;
pub mod index;
pub mod lock;
pub mod names;
pub(crate) mod post_filter;
pub mod query;
pub mod repair;
pub mod request;
pub mod reserved;
pub mod schema;
mod search;
pub mod serves;
mod spelling;
pub mod stem;
pub mod versions;
mod words;

pub use build::{build_version, build_version_locked, BuildSummary};
pub use handle::IndexHandle;
pub use index::SearchIndex;
pub use lock::{IndexLock, LockWait};
pub use names::NameSuggestion;
pub use request::{
    Facets, Hit, Near, SearchRequest, SearchResults, Sort, SyntheticFilter, Understanding,
    WeekMoment,
};

/// Errors of the search crate.
#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    /// tantivy failed.
    #[error("index error: {0}")]
    Tantivy(#[from] tantivy::TantivyError),
    /// A file could not be read or written.
    #[error("index i/o error: {0}")]
    Io(#[from] std::io::Error),
    /// No index version is published under this root.
    #[error("no index found in {0}: run `orienta ingest` first")]
    NoIndex(String),
    /// Another writer holds the index lock.
    #[error("index {root} locked by {holder}: another import is running (wait for it, or pass --wait-lock)")]
    Locked {
        /// The index root.
        root: String,
        /// Who holds it: "pid N since T".
        holder: String,
    },
    /// A stored record could not be read back.
    #[error("corrupt index record: {0}")]
    Corrupt(String),
    /// The version was built by a binary with another schema or other stems.
    #[error("index cannot be served by this binary: {0}; rebuild it with `orienta ingest`")]
    Incompatible(String),
}
