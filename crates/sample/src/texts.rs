//! Record texts drawn from the phrase banks: mission, activities ("- " bullets), audience,
//! access modes, remarks, agreements and subsidies, spoken languages, last update.

use crate::catalogue::{Authority, Catalogue, Pair, Side, TypeEntry};
use chrono::{Duration, NaiveDate};
use rand::distr::weighted::WeightedIndex;
use rand::distr::Distribution;
use rand::seq::{index, IndexedRandom};
use rand::Rng;
use std::sync::LazyLock;

/// Which languages a record is written in (its `langStatus`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum LangStatus {
    FrNl,
    Fr,
    Nl,
}

impl LangStatus {
    /// The `langStatus` value.
    pub fn code(self) -> &'static str {
        match self {
            Self::FrNl => "FR-NL",
            Self::Fr => "FR",
            Self::Nl => "NL",
        }
    }

    /// Whether French texts are filled.
    pub fn french(self) -> bool {
        self != Self::Nl
    }

    /// Whether Dutch texts are filled.
    pub fn dutch(self) -> bool {
        self != Self::Fr
    }
}

/// ~70 % bilingual, ~20 % French-only, ~10 % Dutch-only; types without a Dutch name are French-only.
pub(crate) fn lang_status(rng: &mut impl Rng, entry: &TypeEntry) -> LangStatus {
    if entry.def.nl.is_none() {
        return LangStatus::Fr;
    }
    match rng.random_range(0..100) {
        0..70 => LangStatus::FrNl,
        70..90 => LangStatus::Fr,
        _ => LangStatus::Nl,
    }
}

/// A text pair reduced to the record's languages.
pub(crate) type Texts = (Option<String>, Option<String>);

/// Keeps the sides of `pair` the record is written in.
pub(crate) fn keep(status: LangStatus, french: String, dutch: String) -> Texts {
    (
        status.french().then_some(french),
        status
            .dutch()
            .then_some(dutch)
            .filter(|text| !text.is_empty()),
    )
}

fn pick<'a>(rng: &mut impl Rng, pairs: &'a [Pair]) -> Option<&'a Pair> {
    pairs.choose(rng)
}

/// `descriptionFr/Nl`: the mission; null for ~10 % of records, as in real data.
pub(crate) fn description(rng: &mut impl Rng, entry: &TypeEntry, status: LangStatus) -> Texts {
    if rng.random_bool(0.1) {
        return (None, None);
    }
    pick(rng, &entry.def.mission).map_or((None, None), |pair| {
        keep(status, pair.0.clone(), pair.1.clone())
    })
}

/// `activitiesFr/Nl`: 2–5 bullets of the type, plus one of a related type of the record.
pub(crate) fn activities(
    rng: &mut impl Rng,
    entry: &TypeEntry,
    related: Option<&TypeEntry>,
    status: LangStatus,
) -> Texts {
    let bank = &entry.def.activities;
    let wanted = rng.random_range(2..=5).min(bank.len());
    let mut chosen = index::sample(rng, bank.len(), wanted).into_vec();
    chosen.sort_unstable();
    let mut bullets: Vec<&Pair> = chosen.into_iter().map(|position| &bank[position]).collect();
    if let Some(extra) = related.and_then(|other| pick(rng, &other.def.activities)) {
        if !extra.1.is_empty() || !status.dutch() {
            bullets.push(extra);
        }
    }
    let french = bullets
        .iter()
        .map(|pair| pair.0.as_str())
        .collect::<Vec<_>>()
        .join("\n");
    let dutch = bullets
        .iter()
        .map(|pair| pair.1.as_str())
        .filter(|text| !text.is_empty())
        .collect::<Vec<_>>()
        .join("\n");
    keep(status, french, dutch)
}

/// `publicFr/Nl`: the audience.
pub(crate) fn audience(rng: &mut impl Rng, entry: &TypeEntry, status: LangStatus) -> Texts {
    pick(rng, &entry.def.public).map_or((None, None), |pair| {
        keep(status, pair.0.clone(), pair.1.clone())
    })
}

/// Up to `most` distinct pairs of `pairs`, in catalogue order.
pub(crate) fn some_of<'a>(
    rng: &mut impl Rng,
    pairs: &'a [Pair],
    least: usize,
    most: usize,
) -> Vec<&'a Pair> {
    let wanted = rng.random_range(least..=most).min(pairs.len());
    let mut chosen = index::sample(rng, pairs.len(), wanted).into_vec();
    chosen.sort_unstable();
    chosen
        .into_iter()
        .map(|position| &pairs[position])
        .collect()
}

/// Splits pairs into the FR and NL string lists of the record's languages.
pub(crate) fn lists(status: LangStatus, pairs: &[&Pair]) -> (Vec<String>, Vec<String>) {
    let french = if status.french() {
        pairs.iter().map(|pair| pair.0.clone()).collect()
    } else {
        Vec::new()
    };
    let dutch = if status.dutch() {
        pairs
            .iter()
            .map(|pair| pair.1.clone())
            .filter(|text| !text.is_empty())
            .collect()
    } else {
        Vec::new()
    };
    (french, dutch)
}

/// The authority of the record, preferring one of the record's language community.
pub(crate) fn authority<'a>(
    rng: &mut impl Rng,
    catalogue: &'a Catalogue,
    entry: &TypeEntry,
    status: LangStatus,
) -> Option<&'a Authority> {
    let candidates: Vec<&Authority> = entry
        .authorities
        .iter()
        .map(|&position| &catalogue.authorities[position])
        .collect();
    let wanted_side = match status {
        LangStatus::Fr => Some(Side::Fr),
        LangStatus::Nl => Some(Side::Nl),
        LangStatus::FrNl => None,
    };
    let preferred: Vec<&Authority> = candidates
        .iter()
        .copied()
        .filter(|candidate| {
            wanted_side.is_none_or(|side| candidate.side == side || candidate.side == Side::Both)
        })
        .collect();
    if preferred.is_empty() {
        candidates.choose(rng).copied()
    } else {
        preferred.choose(rng).copied()
    }
}

const EXTRA_LANGUAGES: [(&str, u32); 12] = [
    ("en", 30),
    ("ar", 20),
    ("tr", 10),
    ("es", 8),
    ("ro", 6),
    ("pl", 5),
    ("pt", 5),
    ("ru", 4),
    ("ber", 5),
    ("ln", 4),
    ("it", 4),
    ("de", 3),
];

static EXTRA_LANGUAGE_WEIGHTS: LazyLock<WeightedIndex<u32>> = LazyLock::new(|| {
    // Invariant: the weights above are positive.
    WeightedIndex::new(EXTRA_LANGUAGES.iter().map(|(_, weight)| *weight)).expect("positive weights")
});

/// The top-level `languages`: the langStatus languages, plus others for ~40 % of records.
pub(crate) fn spoken_languages(rng: &mut impl Rng, status: LangStatus) -> Vec<&'static str> {
    let mut languages = Vec::with_capacity(4);
    if status.french() {
        languages.push("fr");
    }
    if status.dutch() {
        languages.push("nl");
    }
    if rng.random_bool(0.4) {
        for _ in 0..rng.random_range(1..=3) {
            let language = EXTRA_LANGUAGES[EXTRA_LANGUAGE_WEIGHTS.sample(rng)].0;
            if !languages.contains(&language) {
                languages.push(language);
            }
        }
    }
    languages
}

/// `lastUpdate`: a day between 2019-01-01 and 2026-10-31 as dd/mm/yy.
pub(crate) fn last_update(rng: &mut impl Rng) -> String {
    // Invariant: a valid calendar date.
    let first = NaiveDate::from_ymd_opt(2019, 1, 1).expect("valid date");
    let days = rng.random_range(0..2_861);
    (first + Duration::days(days))
        .format("%d/%m/%y")
        .to_string()
}

/// Keeps the lists of the record's languages.
pub(crate) fn by_language(status: LangStatus, items: Vec<String>) -> (Vec<String>, Vec<String>) {
    match status {
        LangStatus::FrNl => (items.clone(), items),
        LangStatus::Fr => (items, Vec::new()),
        LangStatus::Nl => (Vec::new(), items),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;

    #[test]
    fn last_update_in_range() {
        let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(9);
        for _ in 0..1_000 {
            let date = last_update(&mut rng);
            let parsed = NaiveDate::parse_from_str(&date, "%d/%m/%y").unwrap();
            assert!(
                (2019..=2026).contains(&chrono::Datelike::year(&parsed)),
                "{date}"
            );
        }
    }

    #[test]
    fn spoken_languages_start_with_lang_status() {
        let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(9);
        let languages = spoken_languages(&mut rng, LangStatus::FrNl);
        assert_eq!(&languages[..2], ["fr", "nl"]);
        assert_eq!(spoken_languages(&mut rng, LangStatus::Nl)[0], "nl");
    }
}
