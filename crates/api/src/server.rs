//! Assembling the application (routes, extractor error handlers, middleware) and running
//! the HTTP server.

use crate::config::ServerConfig;
use crate::error;
use crate::middleware::{access_log, caller, etag, head, rate_limit, request_id, size};
use crate::openapi;
use crate::state::AppState;
use actix_cors::Cors;
use actix_web::body::MessageBody;
use actix_web::dev::{Server, ServiceFactory, ServiceRequest, ServiceResponse};
use actix_web::http::header;
use actix_web::middleware::{from_fn, Compress, Condition};
use actix_web::{web, App, HttpServer};
use std::net::SocketAddr;
use std::time::Duration;
use tracing_actix_web::TracingLogger;
use utoipa_actix_web::AppExt;

fn cors(config: &ServerConfig) -> Cors {
    let mut cors = Cors::default()
        .allowed_methods(["GET", "HEAD", "OPTIONS"])
        .allowed_headers([
            header::ACCEPT,
            header::ACCEPT_LANGUAGE,
            header::IF_NONE_MATCH,
            header::CONTENT_TYPE,
            header::HeaderName::from_static("x-api-key"),
            header::HeaderName::from_static("x-request-id"),
        ])
        .expose_headers([
            header::ETAG,
            header::CONTENT_LANGUAGE,
            header::RETRY_AFTER,
            header::HeaderName::from_static("x-total-count"),
            header::HeaderName::from_static("x-request-id"),
            header::HeaderName::from_static("x-ratelimit-limit"),
            header::HeaderName::from_static("x-ratelimit-remaining"),
            header::HeaderName::from_static("x-ratelimit-reset"),
        ])
        .max_age(3600);
    if config.cors_origins.iter().any(|origin| origin == "*") {
        cors = cors.allow_any_origin().send_wildcard();
    } else {
        for origin in &config.cors_origins {
            cors = cors.allowed_origin(origin);
        }
    }
    cors
}

/// The application: the API alone.
pub fn build_app(
    state: AppState,
) -> App<
    impl ServiceFactory<
        ServiceRequest,
        Config = (),
        Response = ServiceResponse<impl MessageBody>,
        Error = actix_web::Error,
        InitError = (),
    >,
> {
    build_app_with(state, |_| {})
}

/// The application with more routes (`extra`, e.g. the web page's `configure`); every
/// middleware applies to them too, and unknown paths answer a `not_found` problem.
pub fn build_app_with<F>(
    state: AppState,
    extra: F,
) -> App<
    impl ServiceFactory<
        ServiceRequest,
        Config = (),
        Response = ServiceResponse<impl MessageBody>,
        Error = actix_web::Error,
        InitError = (),
    >,
>
where
    F: FnOnce(&mut web::ServiceConfig),
{
    let config = state.config().clone();
    let max_body = config.limits.max_body_bytes;
    let (app, _) = App::new()
        .into_utoipa_app()
        .app_data(web::Data::new(state.clone()))
        .app_data(web::QueryConfig::default().error_handler(error::query_error))
        .app_data(web::PathConfig::default().error_handler(error::path_error))
        .app_data(
            web::JsonConfig::default()
                .limit(max_body)
                .error_handler(error::json_error),
        )
        .app_data(web::PayloadConfig::new(max_body))
        .configure(openapi::configure_api)
        .split_for_parts();
    app.service(openapi::swagger_ui())
        .configure(extra)
        .default_service(web::to(crate::methods::unknown_route))
        .wrap(from_fn(head::as_get))
        .wrap(from_fn(etag::etag))
        .wrap(Condition::new(
            config.rate_limit.enabled,
            rate_limit::limiter(&state),
        ))
        .wrap(from_fn(caller::identify))
        .wrap(cors(&config))
        .wrap(from_fn(size::limit))
        .wrap(Compress::default())
        .wrap(from_fn(access_log::record))
        .wrap(from_fn(request_id::echo))
        .wrap(TracingLogger::<request_id::OrientaRootSpan>::new())
        .wrap(from_fn(caller::redact_query_key))
}

/// A bound, not yet awaited server.
pub struct Bound {
    /// The server: await it to serve until shutdown.
    pub server: Server,
    /// The addresses it listens on (useful with port 0).
    pub addrs: Vec<SocketAddr>,
}

/// Binds the server with the API and `extra` routes; starts the index watcher and reads
/// the index catalogue (ids, change feed) in the background.
pub fn serve<F>(config: &ServerConfig, state: AppState, extra: F) -> std::io::Result<Bound>
where
    F: Fn(&mut web::ServiceConfig) + Clone + Send + 'static,
{
    if config.index_watch_seconds > 0 {
        state
            .index_handle()
            .watch(Duration::from_secs(config.index_watch_seconds));
    }
    let warm_state = state.clone();
    let warmed = std::thread::Builder::new()
        .name("orienta-catalogue".to_owned())
        .spawn(move || {
            if let Err(error) = warm_state.catalogue(&warm_state.index()) {
                tracing::warn!(%error, "cannot read the index catalogue ahead of requests");
            }
            // The geocoder of `/v1/places` and `place=` (about half a second to build).
            warm_state.geocoder();
        });
    if let Err(error) = warmed {
        tracing::warn!(%error, "cannot start the catalogue warm-up thread");
    }
    let limits = config.limits.clone();
    let mut server = HttpServer::new(move || build_app_with(state.clone(), extra.clone()))
        .client_request_timeout(Duration::from_millis(limits.client_request_timeout_ms))
        .worker_max_blocking_threads(limits.blocking_threads_per_worker.max(1))
        .keep_alive(Duration::from_secs(limits.keep_alive_seconds))
        .shutdown_timeout(limits.shutdown_timeout_seconds);
    if let Some(workers) = config.workers {
        server = server.workers(workers.max(1));
    }
    for address in &config.bind {
        server = server.bind(address)?;
    }
    let addrs = server.addrs();
    tracing::info!(addresses = ?addrs, "orienta api listening");
    Ok(Bound {
        server: server.run(),
        addrs,
    })
}

/// Serves the API until shutdown (SIGINT/SIGTERM, with `shutdown_timeout_seconds` grace).
pub async fn run(config: ServerConfig, state: AppState) -> std::io::Result<()> {
    run_with(config, state, |_| {}).await
}

/// Serves the API and `extra` routes (e.g. `orienta_web::configure`) until shutdown.
pub async fn run_with<F>(config: ServerConfig, state: AppState, extra: F) -> std::io::Result<()>
where
    F: Fn(&mut web::ServiceConfig) + Clone + Send + 'static,
{
    serve(&config, state, extra)?.server.await
}
