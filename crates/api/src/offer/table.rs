//! The offer of every territory, counted once per index version: for each commune,
//! Monitoring quartier and bassin, the services located in it and those serving it (their
//! area holds it or part of it, region-wide services included), in total and per need
//! (a need counts its narrower needs). Real and synthetic records are counted apart.

use orienta_model::{Bassin, Organisation, ServiceArea};
use orienta_search::document::needs_with_broader;
use orienta_territory::Tagger;
use orienta_thesaurus::Thesaurus;
use std::collections::{BTreeSet, HashMap};

/// A territory: its layer and code.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum TerritoryKey {
    /// A commune, by NIS code.
    Commune(String),
    /// A Monitoring quartier, by code.
    Quartier(u32),
    /// A bassin.
    Bassin(Bassin),
}

/// Counts of one territory, for one need or all.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Count {
    /// Services with an address in the territory.
    pub located_in: u32,
    /// Services whose area holds the territory or part of it.
    pub serving: u32,
}

/// Counts of one territory.
#[derive(Debug, Clone, Default)]
pub struct TerritoryCounts {
    /// All services.
    pub all: Count,
    /// Of those serving it, the region-wide ones.
    pub serving_region_wide: u32,
    /// Of those located in it, the ones whose area is not known.
    pub located_area_unknown: u32,
    /// Per need concept.
    pub needs: HashMap<String, Count>,
}

/// How the territories nest: which ones an area naming one of them touches.
struct Nesting {
    quartier_communes: HashMap<u32, Vec<String>>,
    quartier_bassins: HashMap<u32, Vec<Bassin>>,
    commune_bassins: HashMap<String, Vec<Bassin>>,
    all: Vec<TerritoryKey>,
}

impl Nesting {
    fn new(tagger: &Tagger) -> Self {
        let quartier_communes = tagger
            .quartiers()
            .iter()
            .map(|quartier| (quartier.code, quartier.communes.clone()))
            .collect();
        let quartier_bassins = tagger
            .quartiers()
            .iter()
            .map(|quartier| (quartier.code, tagger.quartier_bassins(quartier.code)))
            .collect();
        let commune_bassins = tagger
            .communes()
            .iter()
            .map(|commune| (commune.nis.clone(), commune.bassins.clone()))
            .collect();
        let mut all: Vec<TerritoryKey> = tagger
            .communes()
            .iter()
            .map(|commune| TerritoryKey::Commune(commune.nis.clone()))
            .collect();
        all.extend(
            tagger
                .quartiers()
                .iter()
                .map(|q| TerritoryKey::Quartier(q.code)),
        );
        all.extend(Bassin::ALL.into_iter().map(TerritoryKey::Bassin));
        Self {
            quartier_communes,
            quartier_bassins,
            commune_bassins,
            all,
        }
    }

    /// The territories an area holds at least part of.
    fn served(&self, area: &ServiceArea) -> BTreeSet<TerritoryKey> {
        if area.is_unknown() {
            return BTreeSet::new();
        }
        let excluded = |nis: &String| area.except_communes.contains(nis);
        let mut served = BTreeSet::new();
        for key in &self.all {
            let holds = match key {
                TerritoryKey::Commune(nis) => {
                    !excluded(nis) && (area.region || self.commune_touched(area, nis))
                }
                TerritoryKey::Quartier(code) => {
                    let communes = self
                        .quartier_communes
                        .get(code)
                        .map_or(&[][..], Vec::as_slice);
                    let all_excluded = !communes.is_empty() && communes.iter().all(excluded);
                    !all_excluded && (area.region || self.quartier_touched(area, *code))
                }
                TerritoryKey::Bassin(bassin) => area.region || self.bassin_touched(area, *bassin),
            };
            if holds {
                served.insert(key.clone());
            }
        }
        served
    }

    fn commune_touched(&self, area: &ServiceArea, nis: &String) -> bool {
        let bassins = self.commune_bassins.get(nis).map_or(&[][..], Vec::as_slice);
        area.communes.contains(nis)
            || area.bassins.iter().any(|bassin| bassins.contains(bassin))
            || area.quartiers.iter().any(|code| {
                self.quartier_communes
                    .get(code)
                    .is_some_and(|communes| communes.contains(nis))
            })
    }

    fn quartier_touched(&self, area: &ServiceArea, code: u32) -> bool {
        let communes = self
            .quartier_communes
            .get(&code)
            .map_or(&[][..], Vec::as_slice);
        let bassins = self
            .quartier_bassins
            .get(&code)
            .map_or(&[][..], Vec::as_slice);
        area.quartiers.contains(&code)
            || area.communes.iter().any(|nis| communes.contains(nis))
            || area.bassins.iter().any(|bassin| bassins.contains(bassin))
    }

    fn bassin_touched(&self, area: &ServiceArea, bassin: Bassin) -> bool {
        area.bassins.contains(&bassin)
            || area.communes.iter().any(|nis| {
                self.commune_bassins
                    .get(nis)
                    .is_some_and(|bassins| bassins.contains(&bassin))
            })
            || area.quartiers.iter().any(|code| {
                self.quartier_bassins
                    .get(code)
                    .is_some_and(|bassins| bassins.contains(&bassin))
            })
    }
}

/// The territories an organisation has an address in.
fn located(organisation: &Organisation) -> BTreeSet<TerritoryKey> {
    let mut keys = BTreeSet::new();
    let territories = organisation
        .locations
        .iter()
        .filter_map(|location| location.territory.as_ref())
        .filter(|territory| territory.in_region);
    for territory in territories {
        keys.extend(
            territory
                .commune
                .as_ref()
                .map(|c| TerritoryKey::Commune(c.nis.clone())),
        );
        keys.extend(
            territory
                .quartier
                .as_ref()
                .map(|q| TerritoryKey::Quartier(q.code)),
        );
        keys.extend(
            territory
                .bassin
                .as_ref()
                .map(|b| TerritoryKey::Bassin(b.slug)),
        );
    }
    keys
}

/// The counts of every territory, real records and synthetic ones apart.
#[derive(Debug, Default)]
pub struct OfferTable {
    /// The index version counted.
    pub version: String,
    /// Real records.
    pub real: HashMap<TerritoryKey, TerritoryCounts>,
    /// Synthetic records.
    pub synthetic: HashMap<TerritoryKey, TerritoryCounts>,
}

impl OfferTable {
    /// Counts the organisations of a version.
    pub fn build(
        version: String,
        organisations: &[Organisation],
        tagger: &Tagger,
        thesaurus: &Thesaurus,
    ) -> Self {
        let nesting = Nesting::new(tagger);
        let mut table = Self {
            version,
            ..Self::default()
        };
        for organisation in organisations {
            let counts = match organisation.synthetic {
                true => &mut table.synthetic,
                false => &mut table.real,
            };
            let needs = needs_with_broader(thesaurus, &organisation.needs);
            let located = located(organisation);
            let served = nesting.served(&organisation.serves);
            for key in located.union(&served) {
                let entry = counts.entry(key.clone()).or_default();
                let is_located = located.contains(key);
                let is_served = served.contains(key);
                add(&mut entry.all, is_located, is_served);
                entry.serving_region_wide += u32::from(is_served && organisation.serves.region);
                entry.located_area_unknown +=
                    u32::from(is_located && organisation.serves.is_unknown());
                for need in &needs {
                    add(
                        entry.needs.entry(need.clone()).or_default(),
                        is_located,
                        is_served,
                    );
                }
            }
        }
        table
    }

    /// The counts of a territory, synthetic records included or not.
    pub fn counts(&self, key: &TerritoryKey, with_synthetic: bool) -> TerritoryCounts {
        let mut counts = self.real.get(key).cloned().unwrap_or_default();
        let Some(synthetic) = self.synthetic.get(key).filter(|_| with_synthetic) else {
            return counts;
        };
        add_counts(&mut counts.all, synthetic.all);
        counts.serving_region_wide += synthetic.serving_region_wide;
        counts.located_area_unknown += synthetic.located_area_unknown;
        for (need, count) in &synthetic.needs {
            add_counts(counts.needs.entry(need.clone()).or_default(), *count);
        }
        counts
    }
}

fn add(count: &mut Count, located: bool, served: bool) {
    count.located_in += u32::from(located);
    count.serving += u32::from(served);
}

fn add_counts(count: &mut Count, other: Count) {
    count.located_in += other.located_in;
    count.serving += other.serving;
}
