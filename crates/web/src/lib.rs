//! Orienta's web front end: the bilingual FR/NL page for professionals and the helpdesk,
//! the printable referral sheet and the embeddable partner widget.
//!
//! Everything is embedded in the binary (`include_bytes!`): no build step at run time, no
//! CDN, nothing fetched from the internet by the page. The page and the widget call the
//! JSON API (`/v1/...`) served next to these routes by the same server.
//!
//! | Route | What |
//! |---|---|
//! | `GET /` | the search page (state in the URL: `q`, `lang`, filters, `near`, `id`) |
//! | `GET /print` | the printable referral sheet (`?ids=a,b&lang=fr\|nl`) |
//! | `GET /territoire/{layer}/{code}` | the offer of a commune, quartier or bassin (`/gebied/…` for Dutch readers) |
//! | `GET /assets/{path}` | JS, CSS, icons, vendored Leaflet 1.9.4 (with its licence) |
//! | `GET /embed/widget.js` | the partner widget (one `<script>` and a `data-orienta-widget` div) |
//! | `GET /embed/example` | an example partner page with hostile CSS and two widgets |
//!
//! Every response carries a strong `ETag` (and answers `If-None-Match` with `304`),
//! `Cache-Control` and `X-Content-Type-Options: nosniff`; HTML pages add a
//! `Content-Security-Policy`.
//!
//! ```no_run
//! use actix_web::{App, HttpServer};
//!
//! # async fn run() -> std::io::Result<()> {
//! HttpServer::new(|| App::new().configure(orienta_web::configure))
//!     .bind(("127.0.0.1", 8080))?
//!     .run()
//!     .await
//! # }
//! ```
#![deny(missing_docs)]

mod assets;
mod routes;

pub use assets::{asset, Asset, CachePolicy, ASSETS};

/// Registers the page, print, asset and embed routes on an actix-web app or scope.
///
/// Mount it next to the API (`/v1/...`); it claims `/`, `/print`, `/territoire/*`, `/gebied/*`,
/// `/assets/*` and `/embed/*`.
pub fn configure(cfg: &mut actix_web::web::ServiceConfig) {
    routes::configure(cfg);
}
