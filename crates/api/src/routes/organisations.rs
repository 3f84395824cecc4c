//! `GET /v1/organisations/{id}`: the full record.

use crate::error::{ApiError, Problem};
use crate::hsds::scope::Allowed;
use crate::keys::Caller;
use crate::params::{self, QueryParams};
use crate::respond::{self, Freshness};
use crate::routes::needs::LangParam;
use crate::state::AppState;
use crate::views::record::{OrganisationRecord, Readership};
use actix_web::http::header;
use actix_web::{get, web, HttpRequest, HttpResponse};

/// Longest id accepted before looking it up.
const MAX_ID_CHARS: usize = 200;

/// One organisation.
///
/// The full record: names, texts per language, needs, contacts, hours, every location with
/// its territory tags, the provenance of each source and the reader's notices (old data,
/// approximate map point). With an admin key (the staff view) the import's quality flags
/// too. With a partner key, records outside the key's fixed filters are `404`.
#[utoipa::path(
    tag = "records",
    params(("id" = String, Path, description = "Organisation id (UUID)"), LangParam),
    responses(
        (status = 200, description = "The record", body = OrganisationRecord),
        (status = 304, description = "Not modified"),
        (status = 400, description = "Invalid lang", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such organisation", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[get("/organisations/{id}")]
pub async fn organisation(
    id: web::Path<String>,
    request: HttpRequest,
    state: web::Data<AppState>,
    caller: Caller,
) -> Result<HttpResponse, ApiError> {
    let params = QueryParams::parse(request.query_string())?;
    let accept_language = request
        .headers()
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|value| value.to_str().ok());
    let lang = params::response_lang(&params, accept_language)?;
    let id = id.into_inner();
    if id.chars().count() > MAX_ID_CHARS {
        return Err(ApiError::not_found("organisation"));
    }
    let worker_state = state.clone();
    let staff = matches!(caller, Caller::Admin(_));
    let stale_before = state.stale_before();
    let scope = caller
        .filters()
        .map(|fixed| (caller.name().to_owned(), fixed.clone()));
    let record = respond::blocking(&state, move || {
        let index = worker_state.index();
        let not_found =
            || ApiError::not_found(&format!("organisation `{}`", crate::error::excerpt(&id)));
        if let Some((partner, fixed)) = &scope {
            let catalogue = worker_state.catalogue(&index)?;
            let allowed =
                Allowed::of(&index, &catalogue, partner, fixed, worker_state.thesaurus())?;
            if !allowed.id(&catalogue, &id) {
                return Err(not_found());
            }
        }
        let found = index.organisation(&id).map_err(ApiError::index)?;
        let found = found.ok_or_else(not_found)?;
        let readership = Readership {
            staff,
            stale_before,
            tagger: worker_state.tagger(),
        };
        Ok(OrganisationRecord::new(
            &found,
            worker_state.thesaurus(),
            lang,
            readership,
        ))
    })
    .await?;
    // The staff view is never stored by a shared cache.
    let freshness = match staff {
        true => Freshness::NoStore,
        false => Freshness::Search,
    };
    respond::json(&state, &record, freshness, Some(lang))
}
