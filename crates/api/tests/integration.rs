//! Integration tests of the API: real HTTP servers on 127.0.0.1:0 over real on-disk
//! indexes, called with reqwest.

mod docs_examples;
mod errors;
mod fixtures;
mod hardening;
mod hsds;
mod keys_proxies;
mod places;
mod production;
mod public_view;
mod records;
mod search_api;
mod service_areas;
mod spec;
mod spec_props;
mod support;
