//! API keys: partner keys (fixed filters, own rate limit) and admin keys, sent in the
//! `X-Api-Key` header. Requests without a key are anonymous; an unknown key is `401`
//! on every endpoint.
//!
//! The `api_key` query parameter is the old form: `middleware::caller::redact_query_key`
//! takes it out of the URI before anything logs the request (it reads `api_key=redacted`
//! from then on), then `middleware::caller::identify` rejects it for admin keys
//! (`400 api_key_in_query`) and accepts it for partner keys with `Deprecation` and
//! `Warning` headers. The key data here knows nothing of the application state.

use crate::config::{ConfigError, FixedFilters, PartnerKey, ServerConfig};
use crate::error::{ApiError, Detail, ErrorCode};
use actix_web::{HttpMessage, HttpRequest};
use orienta_model::Bassin;
use orienta_thesaurus::Thesaurus;
use std::collections::HashMap;
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

    /// The key sent in the `X-Api-Key` header, if any (empty when unreadable, so unknown).
    pub fn sent(request: &HttpRequest) -> Option<String> {
        let value = request.headers().get(API_KEY_HEADER)?;
        Some(value.to_str().unwrap_or_default().trim().to_owned())
    }

    /// The partner holding a key.
    pub fn partner(&self, key: &str) -> Option<&Arc<PartnerKey>> {
        self.partners.get(key)
    }

    /// Identifies the caller from the `X-Api-Key` header, else the `api_key` parameter
    /// [`redact_query_key`] took out; an unknown key is `unauthorized`, an admin key in
    /// the query `api_key_in_query`.
    pub fn identify(&self, request: &HttpRequest) -> Result<Caller, ApiError> {
        let (key, in_query) = match Self::sent(request) {
            Some(key) => (key, false),
            None => match request.extensions().get::<QueryKey>() {
                Some(QueryKey(key)) => (key.clone(), true),
                None => return Ok(Caller::Anonymous),
            },
        };
        if let Some(partner) = self.partners.get(&key) {
            return Ok(Caller::Partner(partner.clone()));
        }
        if self.admins.contains_key(&key) && in_query {
            return Err(ApiError::parameter(
                ErrorCode::ApiKeyInQuery,
                "api_key",
                Detail::tri(
                    "admin keys are accepted in the X-Api-Key header only: send it there, and replace this key, which may have been logged on the way",
                    "les clés d'administration ne sont acceptées que dans l'en-tête X-Api-Key : envoyez-la là, et remplacez cette clé, qui a pu être journalisée en chemin",
                    "beheersleutels worden alleen in de header X-Api-Key aanvaard: stuur ze daar, en vervang deze sleutel, die onderweg gelogd kan zijn",
                ),
            ));
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

/// A key sent as the `api_key` query parameter (taken out of the URI).
#[derive(Debug, Clone)]
pub struct QueryKey(pub String);

/// The value `api_key` reads in the URI once the key is taken out.
pub const REDACTED: &str = "redacted";

/// The query string without the key: every `api_key=…` pair reads `api_key=redacted`.
/// `None` when the query names no `api_key`.
pub fn redact(query: &str) -> Option<(String, String)> {
    let mut key = None;
    let mut changed = false;
    let pairs: Vec<String> = query
        .split('&')
        .map(|pair| {
            let raw_name = pair.split_once('=').map_or(pair, |(name, _)| name);
            let decoded: Vec<(String, String)> =
                serde_urlencoded::from_str(pair).unwrap_or_default();
            let is_key =
                raw_name == "api_key" || decoded.first().is_some_and(|(name, _)| name == "api_key");
            if !is_key {
                return pair.to_owned();
            }
            changed = true;
            if let Some((_, value)) = decoded.into_iter().next() {
                if !value.trim().is_empty() {
                    key = Some(value.trim().to_owned());
                }
            }
            format!("api_key={REDACTED}")
        })
        .collect();
    changed.then(|| (pairs.join("&"), key.unwrap_or_default()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_query_key_is_taken_out_and_the_rest_kept() {
        let (query, key) = redact("q=aide&api_key=s%3Dcret&lang=fr").unwrap();
        assert_eq!(query, "q=aide&api_key=redacted&lang=fr");
        assert_eq!(key, "s=cret");
        let (query, key) = redact("api%5Fkey=abc").unwrap();
        assert_eq!((query.as_str(), key.as_str()), ("api_key=redacted", "abc"));
        assert!(redact("q=api_key&lang=fr").is_none());
        assert!(redact("").is_none());
    }
}
