//! Deliberate duplicates: an earlier record seen again under another id, either as another
//! site of the same enterprise (same KBO) or as the same name spelt differently at the same address.

use crate::gazetteer::Gazetteer;
use crate::naming;
use crate::place::{self, Positioning};
use crate::record;
use crate::shape::Record;
use crate::texts::{self, LangStatus};
use rand::Rng;

/// How a duplicate differs from its original.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DuplicateKind {
    /// Same enterprise number, another address.
    SameKbo,
    /// Same name in another case or punctuation, same address, no enterprise number.
    NameVariant,
}

fn lang_status(record: &Record) -> LangStatus {
    match record.lang_status {
        "FR" => LangStatus::Fr,
        "NL" => LangStatus::Nl,
        _ => LangStatus::FrNl,
    }
}

/// Turns `original` into a duplicate of itself (the caller sets the new id).
pub(crate) fn duplicate(
    rng: &mut impl Rng,
    gazetteer: &Gazetteer,
    mut original: Record,
) -> (DuplicateKind, Record) {
    let kind = if !original.pm_rp.is_empty() && rng.random_bool(0.5) {
        DuplicateKind::SameKbo
    } else {
        DuplicateKind::NameVariant
    };
    match kind {
        DuplicateKind::SameKbo => {
            let status = lang_status(&original);
            let site = place::generate(rng, gazetteer, Positioning::Full, status == LangStatus::Nl);
            original.address = record::address(rng, &site, status);
        }
        DuplicateKind::NameVariant => {
            let names = [
                (&mut original.name_official_fr, false),
                (&mut original.name_official_nl, true),
            ];
            for (name, dutch) in names {
                if let Some(name) = name {
                    *name = naming::variant(rng, name, dutch);
                }
            }
            original.pm_rp.clear();
            original.website_belgian_official_journal_fr.clear();
            original.website_belgian_official_journal_nl.clear();
        }
    }
    original.last_update = texts::last_update(rng);
    (kind, original)
}
