//! The offer of a territory for bassin coordinators: how many services are located in it
//! and how many serve it, per need, with the needs nobody serves there and per-capita
//! figures when a population table is loaded.

pub mod table;

use crate::views::LangCode;
use orienta_model::{Bassin, Lang};
use orienta_territory::Tagger;
use orienta_thesaurus::Thesaurus;
use serde::Serialize;
use table::{Count, TerritoryCounts, TerritoryKey};
use utoipa::ToSchema;

/// The territory an offer describes.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct TerritoryRef {
    /// `communes`, `quartiers` or `bassins`.
    pub layer: String,
    /// NIS code, quartier code or bassin slug.
    pub code: String,
    /// Name in `lang`.
    pub name: String,
}

/// One need's counts in a territory.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct NeedOffer {
    /// Need concept id.
    pub id: String,
    /// Label in the response language.
    pub label: String,
    /// Services with an address in the territory.
    pub located_in: u32,
    /// Services whose area holds the territory or part of it (region-wide ones included).
    pub serving: u32,
    /// `serving` per 10,000 inhabitants, only when a population table is loaded.
    pub serving_per_10000: Option<f64>,
}

/// A need by id and label.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct NeedName {
    /// Need concept id.
    pub id: String,
    /// Label in the response language.
    pub label: String,
}

/// The offer of one territory.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct OfferView {
    /// The territory.
    pub territory: TerritoryRef,
    /// Language of the labels.
    pub lang: LangCode,
    /// `exclude` (default) or `include`: whether synthetic sample records are counted.
    pub synthetic: String,
    /// Services with an address in the territory.
    pub located_in: u32,
    /// Of those, the ones whose area is not known (they may serve elsewhere).
    pub located_in_area_unknown: u32,
    /// Services whose area holds the territory or part of it.
    pub serving: u32,
    /// Of those, the region-wide ones.
    pub serving_region_wide: u32,
    /// Inhabitants, from the population table when one is loaded; never estimated.
    pub population: Option<u64>,
    /// Every need concept, by label, with its counts.
    pub needs: Vec<NeedOffer>,
    /// The needs with no service at all here: none located in the territory, none known
    /// to serve it.
    pub needs_without_service: Vec<NeedName>,
    /// The needs no service is known to serve although some are located in the territory:
    /// their area is not stated (or lies elsewhere). A gap in the data, not in the offer.
    pub needs_area_not_stated: Vec<NeedName>,
}

/// One territory of a layer, for a map of one need.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct LayerOfferItem {
    /// NIS code, quartier code or bassin slug.
    pub code: String,
    /// Name in the response language.
    pub name: String,
    /// Services with an address there.
    pub located_in: u32,
    /// Services serving it.
    pub serving: u32,
    /// Inhabitants, when a population table is loaded.
    pub population: Option<u64>,
    /// `serving` per 10,000 inhabitants, when a population table is loaded.
    pub serving_per_10000: Option<f64>,
}

/// One need (or all services) across the territories of a layer.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct LayerOfferView {
    /// `communes`, `quartiers` or `bassins`.
    pub layer: String,
    /// The need counted; `null` for all services.
    pub need: Option<NeedName>,
    /// Language of the names.
    pub lang: LangCode,
    /// `exclude` (default) or `include`.
    pub synthetic: String,
    /// Every territory of the layer.
    pub territories: Vec<LayerOfferItem>,
}

fn pick<'a>(lang: Lang, fr: &'a str, nl: &'a str) -> &'a str {
    match lang {
        Lang::Nl => nl,
        _ => fr,
    }
}

/// The layer name, code and name of a territory.
pub fn describe(key: &TerritoryKey, tagger: &Tagger, lang: Lang) -> TerritoryRef {
    let (layer, code, name) = match key {
        TerritoryKey::Commune(nis) => {
            let name = tagger
                .commune(nis)
                .map_or(nis.clone(), |c| pick(lang, &c.fr, &c.nl).to_owned());
            ("communes", nis.clone(), name)
        }
        TerritoryKey::Quartier(code) => {
            let name = tagger
                .quartier(*code)
                .map_or(code.to_string(), |q| pick(lang, &q.fr, &q.nl).to_owned());
            ("quartiers", code.to_string(), name)
        }
        TerritoryKey::Bassin(bassin) => (
            "bassins",
            bassin.slug().to_owned(),
            pick(lang, bassin.label_fr(), bassin.label_nl()).to_owned(),
        ),
    };
    TerritoryRef {
        layer: layer.to_owned(),
        code,
        name,
    }
}

/// The population of a territory, when a table is loaded.
pub fn population(key: &TerritoryKey, tagger: &Tagger) -> Option<u64> {
    let table = tagger.population()?;
    match key {
        TerritoryKey::Commune(nis) => table.commune(nis),
        TerritoryKey::Quartier(code) => table.quartier(*code),
        TerritoryKey::Bassin(bassin) => table.bassin(*bassin),
    }
}

/// Per 10,000 inhabitants, one decimal.
pub fn per_10000(count: u32, population: Option<u64>) -> Option<f64> {
    let population = population.filter(|people| *people > 0)? as f64;
    Some((f64::from(count) * 10_000.0 / population * 10.0).round() / 10.0)
}

/// The key of a layer and code; `None` when there is no such territory.
pub fn key(layer: &str, code: &str, tagger: &Tagger) -> Option<TerritoryKey> {
    match layer {
        "communes" => tagger
            .commune(code)
            .map(|c| TerritoryKey::Commune(c.nis.clone())),
        "quartiers" => {
            let code: u32 = code.parse().ok()?;
            tagger
                .quartier(code)
                .map(|q| TerritoryKey::Quartier(q.code))
        }
        "bassins" => Bassin::parse(code).map(TerritoryKey::Bassin),
        _ => None,
    }
}

/// Every territory of a layer, in catalogue order.
pub fn layer_keys(layer: &str, tagger: &Tagger) -> Option<Vec<TerritoryKey>> {
    match layer {
        "communes" => Some(
            tagger
                .communes()
                .iter()
                .map(|c| TerritoryKey::Commune(c.nis.clone()))
                .collect(),
        ),
        "quartiers" => Some(
            tagger
                .quartiers()
                .iter()
                .map(|q| TerritoryKey::Quartier(q.code))
                .collect(),
        ),
        "bassins" => Some(Bassin::ALL.into_iter().map(TerritoryKey::Bassin).collect()),
        _ => None,
    }
}

fn need_label(thesaurus: &Thesaurus, id: &str, lang: Lang) -> String {
    thesaurus
        .concept(id)
        .and_then(|concept| concept.label.resolve(lang).map(|text| text.text.to_owned()))
        .unwrap_or_else(|| id.to_owned())
}

/// The name of a need in `lang`.
pub fn need_name(thesaurus: &Thesaurus, id: &str, lang: Lang) -> NeedName {
    NeedName {
        id: id.to_owned(),
        label: need_label(thesaurus, id, lang),
    }
}

impl OfferView {
    /// The offer of a territory from its counts.
    pub fn new(
        territory: TerritoryRef,
        counts: &TerritoryCounts,
        population: Option<u64>,
        thesaurus: &Thesaurus,
        lang: Lang,
        with_synthetic: bool,
    ) -> Self {
        let mut needs: Vec<NeedOffer> = thesaurus
            .concepts()
            .iter()
            .map(|concept| {
                let count = counts
                    .needs
                    .get(&concept.id)
                    .copied()
                    .unwrap_or(Count::default());
                NeedOffer {
                    id: concept.id.clone(),
                    label: need_label(thesaurus, &concept.id, lang),
                    located_in: count.located_in,
                    serving: count.serving,
                    serving_per_10000: per_10000(count.serving, population),
                }
            })
            .collect();
        needs.sort_by_key(|need| need.label.to_lowercase());
        let names_where = |keep: fn(&NeedOffer) -> bool| -> Vec<NeedName> {
            needs
                .iter()
                .filter(|need| keep(need))
                .map(|need| NeedName {
                    id: need.id.clone(),
                    label: need.label.clone(),
                })
                .collect()
        };
        let needs_without_service = names_where(|need| need.serving == 0 && need.located_in == 0);
        let needs_area_not_stated = names_where(|need| need.serving == 0 && need.located_in > 0);
        Self {
            territory,
            lang: lang.into(),
            synthetic: synthetic_name(with_synthetic).to_owned(),
            located_in: counts.all.located_in,
            located_in_area_unknown: counts.located_area_unknown,
            serving: counts.all.serving,
            serving_region_wide: counts.serving_region_wide,
            population,
            needs,
            needs_without_service,
            needs_area_not_stated,
        }
    }
}

/// `include` or `exclude`.
pub fn synthetic_name(with_synthetic: bool) -> &'static str {
    if with_synthetic {
        "include"
    } else {
        "exclude"
    }
}
