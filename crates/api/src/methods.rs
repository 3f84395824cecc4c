//! The methods each documented route answers, for `405 Method Not Allowed` with `Allow`
//! (read from the OpenAPI document, so it cannot drift from the routes), and the default
//! service that answers it.

use crate::error::{excerpt, ApiError, Detail, ErrorCode};
use crate::openapi::openapi;
use actix_web::dev::ResourceDef;
use actix_web::http::header::{self, HeaderValue};
use actix_web::{HttpRequest, HttpResponse, ResponseError};
use std::sync::OnceLock;

/// Every documented path pattern with the methods it answers (`HEAD` with `GET`).
fn routes() -> &'static [(ResourceDef, Vec<&'static str>)] {
    static ROUTES: OnceLock<Vec<(ResourceDef, Vec<&'static str>)>> = OnceLock::new();
    ROUTES.get_or_init(|| {
        openapi()
            .paths
            .paths
            .iter()
            .map(|(pattern, item)| {
                let mut methods = Vec::new();
                if item.get.is_some() {
                    methods.extend(["GET", "HEAD"]);
                }
                for (present, name) in [
                    (item.post.is_some(), "POST"),
                    (item.put.is_some(), "PUT"),
                    (item.patch.is_some(), "PATCH"),
                    (item.delete.is_some(), "DELETE"),
                ] {
                    if present {
                        methods.push(name);
                    }
                }
                (ResourceDef::new(pattern.as_str()), methods)
            })
            .collect()
    })
}

/// The methods answered at `path` (all routes matching it), `None` when no documented
/// route matches it.
pub fn allowed(path: &str) -> Option<Vec<&'static str>> {
    let mut methods: Vec<&'static str> = Vec::new();
    let mut matched = false;
    for (pattern, answered) in routes() {
        if !pattern.is_match(path) {
            continue;
        }
        matched = true;
        for method in answered {
            if !methods.contains(method) {
                methods.push(method);
            }
        }
    }
    matched.then_some(methods)
}

/// The default service: a documented path asked with another method is a
/// `405 method_not_allowed` problem with `Allow`; every other path a `not_found` problem
/// (the path quoted once, as a short excerpt).
pub async fn unknown_route(request: HttpRequest) -> HttpResponse {
    let path = excerpt(request.path());
    if let Some(methods) = allowed(request.path()) {
        let allow = methods.join(", ");
        let error = ApiError::new(
            ErrorCode::MethodNotAllowed,
            Detail::tri(
                format!("{path} answers {allow} only"),
                format!("cette adresse n'accepte que {allow}"),
                format!("dit adres aanvaardt alleen {allow}"),
            ),
        );
        let mut response = error.error_response();
        if let Ok(value) = HeaderValue::from_str(&allow) {
            response.headers_mut().insert(header::ALLOW, value);
        }
        return response;
    }
    ApiError::new(
        ErrorCode::NotFound,
        Detail::tri(
            format!("no resource at {path}: see /docs or /openapi.json for the endpoints"),
            "aucune ressource à cette adresse : voyez /docs ou /openapi.json pour les points d'accès",
            "geen bron op dit adres: zie /docs of /openapi.json voor de endpoints",
        ),
    )
    .error_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_paths_list_their_methods() {
        assert_eq!(allowed("/v1/search").unwrap(), ["GET", "HEAD"]);
        assert_eq!(allowed("/v1/organisations/abc").unwrap(), ["GET", "HEAD"]);
        assert!(allowed("/v1/admin/reindex").unwrap().contains(&"POST"));
        assert!(allowed("/v1/nothing-here").is_none());
    }
}
