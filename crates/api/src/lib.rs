//! The public REST API of Orienta, on actix-web.
//!
//! - `GET /v1/search` — bilingual search with filters, distance, facets; JSON, GeoJSON, CSV.
//! - `GET /v1/organisations/{id}`, `/v1/needs`, `/v1/suggest`, `/v1/territories/{layer}`,
//!   `/v1/territory`, `/v1/changes`, `POST /v1/admin/reindex`.
//! - `/hsds/…` — an Open Referral HSDS 3.0 view.
//! - `/openapi.json`, `/openapi.yaml`, `/docs` — the generated OpenAPI 3.1 document.
//! - `/healthz`, `/readyz`, `/metrics` — operations.
//!
//! Modules in request order: [`config`] and [`state`] (what the binary builds),
//! [`server`] (app, middleware, run), [`params`] (query strings), the endpoints
//! ([`search`], [`routes`], [`hsds`]), [`views`] (response shapes), [`error`] (the one
//! error type, answered as problem+json).
//!
//! The binary builds an [`AppState`] from a [`ServerConfig`], an
//! [`IndexHandle`](orienta_search::IndexHandle), the thesaurus and the territory tagger,
//! then calls [`run`] (or [`run_with`] to mount the web page too).
#![deny(missing_docs)]

pub mod cache;
pub mod catalogue;
pub mod client_ip;
pub mod config;
pub mod error;
pub mod hsds;
pub mod hsds_ids;
pub mod keys;
pub mod labels;
pub mod logging;
pub mod methods;
pub mod metrics;
pub mod middleware;
pub mod offer;
pub mod openapi;
pub mod params;
pub mod respond;
pub mod routes;
pub mod search;
pub mod server;
pub mod state;
pub mod territories;
pub mod views;

pub use config::{AdminKey, ConfigError, FixedFilters, PartnerKey, ServerConfig};
pub use error::{ApiError, ErrorCode, Problem};
pub use openapi::configure_api;
pub use openapi::{openapi, openapi_yaml};
pub use server::{build_app, build_app_with, run, run_with, serve, Bound};
pub use state::{AppState, ReindexFailure, ReindexRequest, ReindexStatus, Reindexer};

/// The server configuration (alias of [`ServerConfig`]).
pub type Config = ServerConfig;
