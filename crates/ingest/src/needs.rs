//! Need concepts of a record: from its categories, names and descriptions, via the thesaurus.

use orienta_model::{CareLine, Organisation};
use orienta_thesaurus::Thesaurus;

/// Concepts named in a text.
fn needs_for_text(thesaurus: &Thesaurus, text: &str) -> Vec<String> {
    thesaurus
        .match_text(text, 0)
        .into_iter()
        .map(|found| found.concept)
        .collect()
}

/// The stepped-care line of a set of needs.
fn care_line(thesaurus: &Thesaurus, needs: &[String]) -> Option<CareLine> {
    needs
        .iter()
        .filter_map(|id| thesaurus.concept(id).map(|concept| concept.line))
        .min()
}

/// Sets `needs` (sorted, deduplicated) and `care_line` of an organisation.
pub(crate) fn assign(organisation: &mut Organisation, given: &[String], thesaurus: &Thesaurus) {
    let mut needs: Vec<String> = given.to_vec();
    for category in &organisation.categories {
        needs.extend(thesaurus.concepts_for_category(
            category.id,
            category.label.fr.as_deref(),
            category.label.nl.as_deref(),
        ));
    }
    let names = organisation
        .name
        .iter()
        .chain(organisation.official_name.iter())
        .map(|(_, text)| text)
        .chain(organisation.alt_names.iter().map(String::as_str));
    for name in names {
        needs.extend(needs_for_text(thesaurus, name));
    }
    for (_, description) in organisation.description.iter() {
        needs.extend(needs_for_text(thesaurus, description));
    }
    needs.sort();
    needs.dedup();
    organisation.care_line = care_line(thesaurus, &needs);
    organisation.needs = needs;
}
