//! Need concepts of a record: from its categories, names and descriptions, via the thesaurus.

use orienta_model::{Organisation, Term};
use orienta_thesaurus::Thesaurus;
use rustc_hash::FxHashMap;

/// The need concepts of every distinct category of a batch, mapped once: a hundred
/// thousand records share a few hundred categories, and mapping one (label folding, text
/// matching for an unknown id) costs as much as matching a short text.
#[derive(Debug, Default)]
pub(crate) struct CategoryNeeds {
    /// The needs of each distinct category.
    by_category: FxHashMap<Term, Vec<String>>,
}

impl CategoryNeeds {
    /// Maps each distinct category among `categories`.
    pub fn build<'a>(
        categories: impl IntoIterator<Item = &'a Term>,
        thesaurus: &Thesaurus,
    ) -> Self {
        let mut table = Self::default();
        for category in categories {
            if table.by_category.contains_key(category) {
                continue;
            }
            let (fr, nl) = (category.label.fr.as_deref(), category.label.nl.as_deref());
            let needs = thesaurus.concepts_for_category(category.id, fr, nl);
            table.by_category.insert(category.clone(), needs);
        }
        table
    }

    /// The needs of a category of the batch; `None` for one it was not built with.
    fn get(&self, category: &Term) -> Option<&[String]> {
        self.by_category.get(category).map(Vec::as_slice)
    }
}

/// Sets `needs` (sorted, deduplicated) and `care_line` of an organisation: the union of the
/// concepts of its categories, of the concepts named in its names and alternative names and
/// in its description, and of the needs the source gave explicitly.
///
/// Categories are looked up in `categories`, and mapped by the thesaurus when missing there.
pub(crate) fn assign(
    organisation: &mut Organisation,
    given: &[String],
    thesaurus: &Thesaurus,
    categories: &CategoryNeeds,
) {
    let mut needs: Vec<String> = given.to_vec();
    for category in &organisation.categories {
        match categories.get(category) {
            Some(mapped) => needs.extend_from_slice(mapped),
            None => needs.extend(thesaurus.concepts_for_category(
                category.id,
                category.label.fr.as_deref(),
                category.label.nl.as_deref(),
            )),
        }
    }
    // Display and official names often differ only in case: each distinct name once.
    let mut names: Vec<&str> = Vec::new();
    let candidates = organisation
        .name
        .iter()
        .chain(organisation.official_name.iter())
        .map(|(_, text)| text)
        .chain(organisation.alt_names.iter().map(String::as_str));
    for name in candidates {
        if !names.iter().any(|known| same_name(known, name)) {
            names.push(name);
        }
    }
    let descriptions = organisation.description.iter().map(|(_, text)| text);
    let texts: Vec<&str> = names.into_iter().chain(descriptions).collect();
    needs.extend(thesaurus.needs_for_record_texts(&texts, &needs));
    needs.sort();
    needs.dedup();
    needs.shrink_to_fit();
    organisation.care_line = thesaurus.care_line(&needs);
    organisation.needs = needs;
}

/// Whether two names are equal up to case (ASCII names are compared without lowering).
fn same_name(a: &str, b: &str) -> bool {
    if a.eq_ignore_ascii_case(b) {
        return true;
    }
    !(a.is_ascii() && b.is_ascii()) && a.to_lowercase() == b.to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;
    use orienta_model::{CareLine, I18nText, Term};

    #[test]
    fn needs_from_categories_names_and_text() {
        let thesaurus = Thesaurus::bundled();
        let mut organisation = crate::draft::empty_organisation(
            crate::draft::SourceContext {
                origin: "test",
                fetched_at: chrono::Utc::now(),
                today: chrono::Utc::now().date_naive(),
                thesaurus: &thesaurus,
            }
            .provenance(orienta_model::SourceSystem::SocialBrussels, "1", None, "{}"),
            false,
        );
        organisation.name = I18nText::new(Some("CPAS de Schaerbeek".into()), None);
        organisation.categories.push(Term {
            id: Some(43),
            label: I18nText::new(
                Some("Restaurants sociaux".into()),
                Some("Sociale restaurants".into()),
            ),
        });
        organisation.description =
            I18nText::new(None, Some("Hulp bij schulden en huisvesting".into()));
        assign(
            &mut organisation,
            &["hospital".to_owned()],
            &thesaurus,
            &CategoryNeeds::default(),
        );
        let mapped = CategoryNeeds::build(&organisation.categories, &thesaurus);
        let mut again = organisation.clone();
        assign(&mut again, &["hospital".to_owned()], &thesaurus, &mapped);
        assert_eq!(again.needs, organisation.needs);
        for need in ["cpas", "social-restaurant", "hospital"] {
            assert!(
                organisation.needs.contains(&need.to_owned()),
                "{need}: {:?}",
                organisation.needs
            );
        }
        let mut sorted = organisation.needs.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(organisation.needs, sorted);
        assert_eq!(organisation.care_line, Some(CareLine::FirstLine));
    }

    /// The table gives what the thesaurus gives, for known ids, labels only, unknown ids
    /// with known or unknown labels, and the same id with other labels.
    #[test]
    fn category_table_maps_like_the_thesaurus() {
        let thesaurus = Thesaurus::bundled();
        let term = |id: Option<i64>, fr: Option<&str>, nl: Option<&str>| Term {
            id,
            label: I18nText::new(fr.map(str::to_owned), nl.map(str::to_owned)),
        };
        let categories = [
            term(
                Some(43),
                Some("Restaurants sociaux"),
                Some("Sociale restaurants"),
            ),
            term(Some(454), None, None),
            term(None, Some("Épiceries sociales"), None),
            term(
                Some(99999),
                Some("Maisons médicales"),
                Some("Wijkgezondheidscentra"),
            ),
            term(Some(99999), Some("Aide aux sans-abri"), None),
            term(Some(12345), Some("Rien à voir"), Some("Niets te maken")),
            term(None, None, None),
        ];
        let table = CategoryNeeds::build(&categories, &thesaurus);
        for category in &categories {
            let expected = thesaurus.concepts_for_category(
                category.id,
                category.label.fr.as_deref(),
                category.label.nl.as_deref(),
            );
            assert_eq!(
                table.get(category),
                Some(expected.as_slice()),
                "{category:?}"
            );
        }
        assert_eq!(table.get(&term(Some(1), Some("Autre"), None)), None);
    }
}
