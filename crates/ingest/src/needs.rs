//! Need concepts of a record: from its categories, names and descriptions, via the thesaurus.

use orienta_model::Organisation;
use orienta_thesaurus::Thesaurus;

/// Sets `needs` (sorted, deduplicated) and `care_line` of an organisation: the union of the
/// concepts of its categories, of the concepts named in its names and alternative names and
/// in its description, and of the needs the source gave explicitly.
pub(crate) fn assign(organisation: &mut Organisation, given: &[String], thesaurus: &Thesaurus) {
    let mut needs: Vec<String> = given.to_vec();
    for category in &organisation.categories {
        needs.extend(thesaurus.concepts_for_category(
            category.id,
            category.label.fr.as_deref(),
            category.label.nl.as_deref(),
        ));
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
        if !names.iter().any(|known| {
            known.eq_ignore_ascii_case(name) || known.to_lowercase() == name.to_lowercase()
        }) {
            names.push(name);
        }
    }
    for name in names {
        needs.extend(thesaurus.needs_for_text(name));
    }
    for (_, description) in organisation.description.iter() {
        needs.extend(thesaurus.needs_for_text(description));
    }
    needs.sort();
    needs.dedup();
    needs.shrink_to_fit();
    organisation.care_line = thesaurus.care_line(&needs);
    organisation.needs = needs;
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
        assign(&mut organisation, &["hospital".to_owned()], &thesaurus);
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
}
