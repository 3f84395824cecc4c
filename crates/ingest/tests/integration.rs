//! Integration tests of orienta-ingest on real files: the bad-input fixtures, the
//! social.brussels sample, the partner CSV and HSDS examples, the hospital sites,
//! deduplication and a harvest against a local HTTP server.

#[path = "integration/bounds.rs"]
mod bounds;
#[path = "integration/common.rs"]
mod common;
#[path = "integration/dedup.rs"]
mod dedup;
#[path = "integration/fixtures.rs"]
mod fixtures;
#[path = "integration/formats.rs"]
mod formats;
#[path = "integration/harvest.rs"]
mod harvest;
#[path = "integration/sample.rs"]
mod sample;
#[path = "integration/service_area.rs"]
mod service_area;
