//! The texts of a record and the authority lines, drawn in the order the generator's
//! output depends on.

use crate::catalogue::{Catalogue, TypeEntry};
use crate::hours;
use crate::texts::{self, LangStatus};
use rand::seq::IndexedRandom;
use rand::Rng;

/// The record's texts, French and Dutch, as drawn.
pub(super) struct RecordTexts {
    /// `descriptionFr`/`Nl`.
    pub description: texts::Texts,
    /// `activitiesFr`/`Nl`.
    pub activities: texts::Texts,
    /// `publicFr`/`Nl`.
    pub audience: texts::Texts,
    /// `accessFr`/`Nl`.
    pub access: (Vec<String>, Vec<String>),
    /// `permanencyFr`/`Nl`.
    pub permanency: texts::Texts,
    /// `remarkFr`/`Nl`, one remark a line.
    pub remark: texts::Texts,
    /// `publicationFr`/`Nl`, each with its year.
    pub publication: (Vec<String>, Vec<String>),
}

/// The opening hours of the type's profile, sometimes with a note after hours in digits.
fn permanency(
    rng: &mut impl Rng,
    catalogue: &Catalogue,
    entry: &TypeEntry,
    status: LangStatus,
) -> texts::Texts {
    let (mut french, mut dutch) = hours::permanency(rng, entry.def.hours);
    if let Some(note) = catalogue
        .hours_notes
        .choose(rng)
        .filter(|_| rng.random_bool(0.15))
        .filter(|_| french.contains(|c: char| c.is_ascii_digit()))
    {
        french = format!("{french}. {}", note.0);
        dutch = format!("{dutch}. {}", note.1);
    }
    texts::keep(status, french, dutch)
}

/// Draws the texts, in the order the generator's output depends on.
pub(super) fn record_texts(
    rng: &mut impl Rng,
    catalogue: &Catalogue,
    entry: &TypeEntry,
    related: Option<&TypeEntry>,
    status: LangStatus,
) -> RecordTexts {
    let description = texts::description(rng, entry, status);
    let activities = texts::activities(rng, entry, related, status);
    let audience = texts::audience(rng, entry, status);
    let access = texts::lists(status, &texts::some_of(rng, &catalogue.access_modes, 1, 3));
    let permanency = permanency(rng, catalogue, entry, status);
    let remarks = if rng.random_bool(0.18) {
        texts::some_of(rng, &catalogue.remarks, 1, 2)
    } else {
        Vec::new()
    };
    let (remark_fr, remark_nl) = texts::lists(status, &remarks);
    let joined = |lines: Vec<String>| (!lines.is_empty()).then(|| lines.join("\n"));
    let publications = if rng.random_bool(0.05) {
        texts::some_of(rng, &catalogue.publications, 1, 1)
    } else {
        Vec::new()
    };
    let year = rng.random_range(2019..=2025);
    let (publication_fr, publication_nl) = texts::lists(status, &publications);
    let dated = |items: Vec<String>| {
        items
            .into_iter()
            .map(|item| format!("{item} {year}"))
            .collect::<Vec<_>>()
    };
    RecordTexts {
        description,
        activities,
        audience,
        access,
        permanency,
        remark: (joined(remark_fr), joined(remark_nl)),
        publication: (dated(publication_fr), dated(publication_nl)),
    }
}

/// The agreement and subsidy lines, French and Dutch.
pub(super) struct Recognition {
    /// `otherAgreementFr`/`Nl`.
    pub agreement: (Vec<String>, Vec<String>),
    /// `subventionFr`/`Nl`.
    pub subsidy: (Vec<String>, Vec<String>),
}

/// Draws the authority that recognises or subsidises the organisation, if any.
pub(super) fn recognition(
    rng: &mut impl Rng,
    catalogue: &Catalogue,
    entry: &TypeEntry,
    status: LangStatus,
) -> Recognition {
    let authority = texts::authority(rng, catalogue, entry, status);
    let agreement = authority.filter(|_| rng.random_bool(0.4));
    let subsidy = authority.filter(|_| rng.random_bool(0.35));
    let keep_list = |pair: Option<(String, String)>| {
        let (french, dutch) = pair.map_or((None, None), |(french, dutch)| {
            texts::keep(status, french, dutch)
        });
        (
            french.into_iter().collect::<Vec<_>>(),
            dutch.into_iter().collect::<Vec<_>>(),
        )
    };
    let agreement = keep_list(agreement.map(|a| {
        (
            format!("Agrément : {}", a.fr),
            format!("Erkenning: {}", a.nl),
        )
    }));
    let subsidy = keep_list(subsidy.map(|a| (a.fr.clone(), a.nl.clone())));
    Recognition { agreement, subsidy }
}
