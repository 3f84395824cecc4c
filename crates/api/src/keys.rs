//! API keys: partner keys (fixed filters, own rate limit) and admin keys, sent as the
//! `X-Api-Key` header or the `api_key` parameter. Requests without a key are anonymous.

use crate::config::{ConfigError, FixedFilters, PartnerKey, ServerConfig};
use crate::error::{ApiError, Detail, ErrorCode};
use crate::params::QueryParams;
use crate::state::AppState;
use actix_web::dev::Payload;
use actix_web::{web, FromRequest, HttpRequest};
use orienta_model::Bassin;
use orienta_thesaurus::Thesaurus;
use std::collections::HashMap;
use std::future::{ready, Ready};
use std::sync::Arc;

/// Header carrying a key.
pub const API_KEY_HEADER: &str = "x-api-key";

/// Who is calling.
#[derive(Debug, Clone)]
pub enum Caller {
    /// No key.
    Anonymous,
    /// A partner key.
    Partner(Arc<PartnerKey>),
    /// An admin key (its holder's name).
    Admin(String),
}

impl Caller {
    /// The partner's fixed filters, if any.
    pub fn filters(&self) -> Option<&FixedFilters> {
        match self {
            Caller::Partner(partner) if !partner.filters.is_empty() => Some(&partner.filters),
            _ => None,
        }
    }

    /// A short name for logs and cache keys.
    pub fn name(&self) -> &str {
        match self {
            Caller::Anonymous => "anonymous",
            Caller::Partner(partner) => &partner.name,
            Caller::Admin(name) => name,
        }
    }
}

/// The configured keys.
#[derive(Debug, Default)]
pub struct Keys {
    partners: HashMap<String, Arc<PartnerKey>>,
    admins: HashMap<String, String>,
}

impl Keys {
    /// Indexes the keys of the configuration, checking the partners' fixed filters.
    pub fn new(config: &ServerConfig, thesaurus: &Thesaurus) -> Result<Self, ConfigError> {
        let mut keys = Keys::default();
        for partner in &config.partner_keys {
            let invalid = |message: String| ConfigError::Env {
                name: format!("partner_keys[{}]", partner.name),
                message,
            };
            if let Some(bassin) = partner
                .filters
                .bassins
                .iter()
                .find(|b| Bassin::parse(b).is_none())
            {
                return Err(invalid(format!("unknown bassin `{bassin}`")));
            }
            if let Some(need) = partner
                .filters
                .needs
                .iter()
                .find(|n| thesaurus.concept(n).is_none())
            {
                return Err(invalid(format!("unknown need `{need}`")));
            }
            if let Some(synthetic) = &partner.filters.synthetic {
                if !["include", "exclude", "only"].contains(&synthetic.as_str()) {
                    return Err(invalid(format!(
                        "synthetic must be include, exclude or only, not `{synthetic}`"
                    )));
                }
            }
            if partner.key.trim().is_empty() {
                return Err(invalid("empty key".to_owned()));
            }
            keys.partners
                .insert(partner.key.clone(), Arc::new(partner.clone()));
        }
        for admin in &config.admin_keys {
            if admin.key.trim().is_empty() {
                return Err(ConfigError::Env {
                    name: format!("admin_keys[{}]", admin.name),
                    message: "empty key".to_owned(),
                });
            }
            keys.admins.insert(admin.key.clone(), admin.name.clone());
        }
        Ok(keys)
    }

    /// The key sent with a request: the header first, then the `api_key` parameter.
    pub fn sent(request: &HttpRequest) -> Option<String> {
        if let Some(value) = request.headers().get(API_KEY_HEADER) {
            return value.to_str().ok().map(|key| key.trim().to_owned());
        }
        let query = request.query_string();
        if !query.contains("api_key") {
            return None;
        }
        QueryParams::parse(query)
            .ok()
            .and_then(|params| params.get("api_key").map(str::to_owned))
    }

    /// The partner holding a key.
    pub fn partner(&self, key: &str) -> Option<&Arc<PartnerKey>> {
        self.partners.get(key)
    }

    /// Identifies the caller; an unknown key is `unauthorized`.
    pub fn identify(&self, request: &HttpRequest) -> Result<Caller, ApiError> {
        let Some(key) = Self::sent(request) else {
            return Ok(Caller::Anonymous);
        };
        if let Some(partner) = self.partners.get(&key) {
            return Ok(Caller::Partner(partner.clone()));
        }
        if let Some(name) = self.admins.get(&key) {
            return Ok(Caller::Admin(name.clone()));
        }
        Err(ApiError::new(
            ErrorCode::Unauthorized,
            Detail::tri(
                "the API key is not known: send a valid X-Api-Key, or none for anonymous access",
                "la clé d'API est inconnue : envoyez une clé X-Api-Key valide, ou aucune pour un accès anonyme",
                "de API-sleutel is onbekend: stuur een geldige X-Api-Key, of geen voor anonieme toegang",
            ),
        ))
    }
}

impl FromRequest for Caller {
    type Error = ApiError;
    type Future = Ready<Result<Self, Self::Error>>;

    fn from_request(request: &HttpRequest, _: &mut Payload) -> Self::Future {
        let caller = match request.app_data::<web::Data<AppState>>() {
            Some(state) => state.keys().identify(request),
            None => Err(ApiError::internal("application state missing")),
        };
        ready(caller)
    }
}
