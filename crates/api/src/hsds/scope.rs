//! A partner key's fixed filters on the endpoints that are not searches: which
//! organisations the key may read (`/v1/organisations/{id}`, `/hsds/*/{id}`,
//! `/v1/suggest`, `/v1/changes`), found with the HSDS matcher over the whole index.

use super::query::{self, HsdsQuery};
use crate::catalogue::Catalogue;
use crate::config::FixedFilters;
use crate::error::ApiError;
use crate::search::spec;
use orienta_model::Lang;
use orienta_search::{SearchIndex, SearchRequest};
use orienta_thesaurus::Thesaurus;
use std::sync::{Arc, PoisonError};

/// The organisations (catalogue numbers) a key with `fixed` filters may read: those with
/// at least one document the filters match.
#[derive(Debug, Clone)]
pub struct Allowed {
    organisations: Arc<Vec<bool>>,
}

impl Allowed {
    /// The organisations partner `name` may read in the catalogue's version: computed
    /// once per version and partner, then kept in the catalogue.
    pub fn of(
        index: &SearchIndex,
        catalogue: &Catalogue,
        name: &str,
        fixed: &FixedFilters,
        thesaurus: &Thesaurus,
    ) -> Result<Self, ApiError> {
        let cached = catalogue
            .partner_scopes
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .get(name)
            .cloned();
        if let Some(organisations) = cached {
            return Ok(Self { organisations });
        }
        let allowed = Self::compute(index, catalogue, fixed, thesaurus)?;
        catalogue
            .partner_scopes
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .insert(name.to_owned(), allowed.organisations.clone());
        Ok(allowed)
    }

    /// Runs the fixed filters over the whole index.
    pub fn compute(
        index: &SearchIndex,
        catalogue: &Catalogue,
        fixed: &FixedFilters,
        thesaurus: &Thesaurus,
    ) -> Result<Self, ApiError> {
        let mut organisations = vec![false; catalogue.ids.len()];
        let mut request = SearchRequest::browse();
        if !spec::restrict_to(&mut request, fixed, thesaurus) {
            return Ok(Self {
                organisations: Arc::new(organisations),
            });
        }
        let everything = HsdsQuery {
            request,
            modified_after: None,
            organization_id: None,
            lang: Lang::Fr,
            page: 1,
            per_page: 1,
        };
        for found in query::matching(index, &everything, catalogue)? {
            if let Some(flag) = organisations.get_mut(found.org as usize) {
                *flag = true;
            }
        }
        Ok(Self {
            organisations: Arc::new(organisations),
        })
    }

    /// True when the organisation numbered `number` in the catalogue may be read.
    pub fn number(&self, number: u32) -> bool {
        self.organisations
            .get(number as usize)
            .copied()
            .unwrap_or(false)
    }

    /// True when the organisation `id` may be read.
    pub fn id(&self, catalogue: &Catalogue, id: &str) -> bool {
        catalogue
            .number(id)
            .is_some_and(|number| self.number(number))
    }
}
