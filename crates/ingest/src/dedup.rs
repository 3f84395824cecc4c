//! Deduplication: the same organisation twice is merged, look-alikes are flagged.
//!
//! Two records are the same organisation when they have the same valid enterprise number
//! (KBO/BCE), or the same normalised name at the same address (postcode, street key,
//! number). They are merged: the first record (lowest source order) wins; the other's
//! sources, ids, contacts, languages, needs and names are added to it, and its location is
//! kept as a site of its own (with its own source id and, when it differs, its own name)
//! unless it is the same address. The same name at another address only gives a
//! `DuplicateCandidate` info, and different organisations at one address stay apart.

use crate::normalize::info;
use crate::tagging::push_unique;
use orienta_model::{external_id_scheme, Location, Organisation, QualityCode};
use orienta_text::fold;
use orienta_text::street::street_key;
use rayon::prelude::*;
use rustc_hash::FxHashMap;

/// Legal forms and small words left out of name keys.
const IGNORED_NAME_WORDS: &[&str] = &[
    "asbl", "vzw", "scrl", "sprl", "srl", "aisbl", "ivzw", "cvba", "sc", "sa", "nv", "bv", "de",
    "du", "des", "la", "le", "les", "l", "d", "van", "het", "der", "den", "voor", "et", "en",
];

/// The normalised names of a record: folded, without legal forms and small words.
pub fn name_keys(organisation: &Organisation) -> Vec<String> {
    let mut keys: Vec<String> = organisation
        .name
        .iter()
        .chain(organisation.official_name.iter())
        .map(|(_, name)| name_key(name))
        .filter(|key| !key.is_empty())
        .collect();
    keys.sort();
    keys.dedup();
    keys
}

/// One name folded, without legal forms and small words (a folded text has its words
/// separated by single spaces).
fn name_key(name: &str) -> String {
    let folded = fold(name);
    let mut key = String::with_capacity(folded.len());
    let kept = folded
        .split(' ')
        .filter(|word| !word.is_empty() && !IGNORED_NAME_WORDS.contains(word));
    for word in kept {
        if !key.is_empty() {
            key.push(' ');
        }
        key.push_str(word);
    }
    key
}

/// The address keys of a record: postcode, street key (each language; `Av. Louise` and
/// `Avenue Louise` are one street) and folded number.
pub fn address_keys(locations: &[Location]) -> Vec<String> {
    let mut keys = Vec::new();
    for location in locations {
        let address = &location.address;
        let (Some(postcode), Some(number)) = (&address.postcode, &address.number) else {
            continue;
        };
        for (_, street) in address.street.iter() {
            keys.push(format!(
                "{postcode}|{}|{}",
                street_key(street),
                fold(number)
            ));
        }
    }
    keys.sort();
    keys.dedup();
    keys
}

fn kbos(organisation: &Organisation) -> Vec<String> {
    organisation
        .external_ids
        .iter()
        .filter(|id| id.scheme == external_id_scheme::KBO)
        .map(|id| id.value.clone())
        .collect()
}

fn describe(organisation: &Organisation) -> String {
    let source = organisation.primary_source();
    format!(
        "{} record {} ({})",
        source.system.as_str(),
        source.id,
        source.origin
    )
}

/// The result of deduplication.
pub struct Deduplicated {
    /// Surviving organisations with the index of their source, in input order.
    pub organisations: Vec<(usize, Organisation)>,
    /// The source index of every record merged into another.
    pub merged_sources: Vec<usize>,
}

/// Merges duplicates; `records` must be in source order.
pub fn deduplicate(records: Vec<(usize, Organisation)>) -> Deduplicated {
    // The keys of each record only depend on the record: computed in parallel up front,
    // so the sequential pass below only looks up and inserts borrowed keys.
    let keys: Vec<RecordKeys> = records
        .par_iter()
        .map(|(_, organisation)| RecordKeys::of(organisation))
        .collect();
    let mut slots: Vec<Option<(usize, Organisation)>> = records.into_iter().map(Some).collect();
    // Sized up front: growing a table of a few hundred thousand keys rehashes every key.
    let sized = |count: usize| {
        FxHashMap::<&str, usize>::with_capacity_and_hasher(count, Default::default())
    };
    let mut by_place = sized(keys.iter().map(|keys| keys.places.len()).sum());
    let mut by_name = sized(keys.iter().map(|keys| keys.names.len()).sum());
    let mut by_kbo = sized(keys.iter().map(|keys| keys.kbos.len()).sum());
    let mut merged_sources = Vec::new();
    for (index, record_keys) in keys.iter().enumerate() {
        if slots[index].is_none() {
            continue;
        }
        let RecordKeys {
            names,
            places,
            kbos: kbo_values,
        } = record_keys;
        let mut target = places
            .iter()
            .find_map(|place| by_place.get(place.as_str()).copied());
        if target.is_none() {
            target = kbo_values
                .iter()
                .find_map(|kbo| by_kbo.get(kbo.as_str()).copied());
        }
        let owner = match target {
            Some(winner) => {
                let Some((source_index, loser)) = slots[index].take() else {
                    continue;
                };
                if let Some((_, kept)) = slots[winner].as_mut() {
                    merge_into(kept, loser);
                }
                merged_sources.push(source_index);
                winner
            }
            None => {
                flag_candidates(index, names, kbo_values, &by_name, &by_kbo, &mut slots);
                index
            }
        };
        for place in places {
            by_place.entry(place.as_str()).or_insert(owner);
        }
        for kbo in kbo_values {
            by_kbo.entry(kbo.as_str()).or_insert(owner);
        }
        for name in names {
            by_name.entry(name.as_str()).or_insert(owner);
        }
    }
    Deduplicated {
        organisations: slots.into_iter().flatten().collect(),
        merged_sources,
    }
}

/// The keys a record is matched on.
struct RecordKeys {
    /// Normalised names.
    names: Vec<String>,
    /// Every normalised name at every address key, joined by a unit separator (which
    /// neither a folded name nor an address key contains).
    places: Vec<String>,
    /// Valid enterprise numbers.
    kbos: Vec<String>,
}

impl RecordKeys {
    fn of(organisation: &Organisation) -> Self {
        let names = name_keys(organisation);
        let addresses = address_keys(&organisation.locations);
        let places = names
            .iter()
            .flat_map(|name| {
                addresses
                    .iter()
                    .map(move |address| format!("{name}\u{1f}{address}"))
            })
            .collect();
        RecordKeys {
            names,
            places,
            kbos: kbos(organisation),
        }
    }
}

/// Flags a record that shares a name (elsewhere) or an enterprise number with an earlier one.
fn flag_candidates(
    index: usize,
    names: &[String],
    kbo_values: &[String],
    by_name: &FxHashMap<&str, usize>,
    by_kbo: &FxHashMap<&str, usize>,
    slots: &mut [Option<(usize, Organisation)>],
) {
    let same_name = names
        .iter()
        .find_map(|name| by_name.get(name.as_str()).copied());
    let same_kbo = kbo_values
        .iter()
        .find_map(|kbo| by_kbo.get(kbo.as_str()).map(|first| (kbo.clone(), *first)));
    let mut notes = Vec::new();
    if let Some(other) = same_name.filter(|w| *w != index) {
        notes.push((
            other,
            "name",
            "same name as",
            "at another address; not merged".to_owned(),
        ));
    }
    if let Some((kbo, other)) = same_kbo.filter(|(_, w)| *w != index) {
        notes.push((
            other,
            "external_ids",
            "same enterprise number as",
            format!("({kbo}); not merged"),
        ));
    }
    for (other, field, what, tail) in notes {
        let (Some(this_description), Some(other_description)) = (
            slots[index].as_ref().map(|(_, o)| describe(o)),
            slots[other].as_ref().map(|(_, o)| describe(o)),
        ) else {
            continue;
        };
        if let Some((_, organisation)) = slots[index].as_mut() {
            organisation.quality.push(info(
                QualityCode::DuplicateCandidate,
                field,
                format!("{what} {other_description} {tail}"),
            ));
        }
        if let Some((_, earlier)) = slots[other].as_mut() {
            let noted = earlier
                .quality
                .iter()
                .any(|i| i.code == QualityCode::DuplicateCandidate && i.field == field);
            if !noted {
                earlier.quality.push(info(
                    QualityCode::DuplicateCandidate,
                    field,
                    format!("{what} {this_description} {tail}"),
                ));
            }
        }
    }
}

/// Merges `other` into `kept`: nothing of `kept` is overwritten.
fn merge_into(kept: &mut Organisation, mut other: Organisation) {
    kept.quality.push(info(
        QualityCode::Merged,
        "id",
        format!("merged {} into this record", describe(&other)),
    ));
    let known_names = merge_names(kept, &other);
    merge_texts(kept, &other);
    merge_classification(kept, &mut other);
    merge_contacts(kept, &mut other);
    merge_locations(kept, &mut other, &known_names);
    kept.sources.extend(other.sources);
    for issue in other.quality {
        push_unique(&mut kept.quality, issue);
    }
}

/// Adds the other record's names that `kept` lacks as alternative names, and its former
/// names; returns the folded names `kept` had.
fn merge_names(kept: &mut Organisation, other: &Organisation) -> Vec<String> {
    let known_names: Vec<String> = kept
        .name
        .iter()
        .chain(kept.official_name.iter())
        .map(|(_, n)| fold(n))
        .collect();
    let new_names = other
        .name
        .iter()
        .map(|(_, n)| n.to_owned())
        .filter(|n| !known_names.contains(&fold(n)))
        .chain(other.alt_names.iter().cloned());
    crate::importers::common::push_names(&mut kept.alt_names, new_names);
    crate::importers::common::push_names(
        &mut kept.former_names,
        other.former_names.iter().cloned(),
    );
    known_names
}

/// Fills the languages missing from `kept`'s names, texts and hours.
fn merge_texts(kept: &mut Organisation, other: &Organisation) {
    kept.name.fill_from(&other.name);
    kept.official_name.fill_from(&other.official_name);
    kept.description.fill_from(&other.description);
    kept.audience.fill_from(&other.audience);
    kept.access.fill_from(&other.access);
    kept.remark.fill_from(&other.remark);
    kept.schedule.text.fill_from(&other.schedule.text);
    if kept.schedule.weekly.is_empty() {
        kept.schedule.weekly = other.schedule.weekly.clone();
    }
}

/// Merges the status, flags, languages, needs, care line and categories (the other
/// record's categories are moved out).
fn merge_classification(kept: &mut Organisation, other: &mut Organisation) {
    kept.legal_status = kept.legal_status.take().or(other.legal_status.clone());
    kept.lang_status = kept.lang_status.or(other.lang_status);
    kept.interpretation |= other.interpretation;
    kept.synthetic |= other.synthetic;
    union_sorted(&mut kept.languages, &other.languages);
    union_sorted(&mut kept.needs, &other.needs);
    kept.care_line = match (kept.care_line, other.care_line) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    };
    for category in std::mem::take(&mut other.categories) {
        if !kept.categories.contains(&category) {
            kept.categories.push(category);
        }
    }
}

/// Adds the other record's new phones, e-mails, websites and identifiers (moved out).
fn merge_contacts(kept: &mut Organisation, other: &mut Organisation) {
    for phone in std::mem::take(&mut other.phones) {
        if !kept.phones.iter().any(|p| p.e164 == phone.e164) {
            kept.phones.push(phone);
        }
    }
    for email in std::mem::take(&mut other.emails) {
        if !kept.emails.contains(&email) {
            kept.emails.push(email);
        }
    }
    for website in std::mem::take(&mut other.websites) {
        if !kept.websites.contains(&website) {
            kept.websites.push(website);
        }
    }
    for id in std::mem::take(&mut other.external_ids) {
        if !kept
            .external_ids
            .iter()
            .any(|k| k.scheme == id.scheme && k.value == id.value)
        {
            kept.external_ids.push(id);
        }
    }
}

/// Adds the other record's locations at addresses `kept` does not have (moved out); they
/// carry the other record's name when it differs from `known_names`.
fn merge_locations(kept: &mut Organisation, other: &mut Organisation, known_names: &[String]) {
    let kept_addresses = address_keys(&kept.locations);
    let other_name_differs = other
        .name
        .iter()
        .any(|(_, name)| !known_names.contains(&fold(name)));
    for mut location in std::mem::take(&mut other.locations) {
        let keys = address_keys(std::slice::from_ref(&location));
        if keys.is_empty() || !keys.iter().any(|key| kept_addresses.contains(key)) {
            if location.name.is_empty() && other_name_differs {
                location.name = other.name.clone();
            }
            kept.locations.push(location);
        }
    }
}

/// `from`'s values added to `into`, sorted, each once.
fn union_sorted(into: &mut Vec<String>, from: &[String]) {
    into.extend(from.iter().cloned());
    into.sort();
    into.dedup();
}
