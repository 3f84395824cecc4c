//! What the other needs of a question tell about one of them: the sibling meant by a form
//! several concepts share, the narrower concept that two needs name together, and the
//! broader concepts a question widens to when its own needs find too little.

use crate::{ConceptMatch, Thesaurus};

impl Thesaurus {
    /// The concept itself and every broader concept.
    fn with_broader(&self, id: &str) -> Vec<String> {
        let mut chain = self.broader_chain(id);
        chain.insert(0, id.to_owned());
        chain
    }

    /// Keeps, among the concepts read from one shared form, those another need of the text
    /// confirms: `centre de jour` beside `seniors` is the day centre for the elderly, not
    /// the ones for the homeless or for disabled people. A form no other need confirms
    /// keeps all its concepts.
    pub fn resolve_shared_forms(&self, matches: Vec<ConceptMatch>) -> Vec<ConceptMatch> {
        self.resolve_shared_forms_given(matches, &[])
    }

    /// [`Thesaurus::resolve_shared_forms`], where the needs `given` (a record's categories,
    /// what its other texts name) confirm too: a homeless service's `centre de jour` is the
    /// day centre for the homeless.
    pub fn resolve_shared_forms_given(
        &self,
        matches: Vec<ConceptMatch>,
        given: &[String],
    ) -> Vec<ConceptMatch> {
        let confirmed = |candidate: &ConceptMatch| {
            let chain = self.with_broader(&candidate.concept);
            let by_given = given.iter().any(|need| chain.contains(need));
            by_given
                || matches
                    .iter()
                    .filter(|other| !same_span(other, candidate))
                    .any(|other| chain.contains(&other.concept))
        };
        let keep: Vec<bool> = matches
            .iter()
            .map(|candidate| {
                if !is_shared(&matches, candidate) || confirmed(candidate) {
                    return true;
                }
                // Unconfirmed: kept only when no sibling of the span is confirmed.
                !matches
                    .iter()
                    .filter(|other| same_span(other, candidate))
                    .any(&confirmed)
            })
            .collect();
        matches
            .into_iter()
            .zip(keep)
            .filter_map(|(found, keep)| keep.then_some(found))
            .collect()
    }

    /// Concepts with several broader concepts, each named (itself or through a narrower
    /// one) by a different need of `named`: `sans papiers` and `malade` together point to
    /// urgent medical aid. Concepts already named, or implied by a named one, are left out.
    pub fn joint_narrower(&self, named: &[String]) -> Vec<String> {
        if named.len() < 2 {
            return Vec::new();
        }
        let chains: Vec<Vec<String>> = named.iter().map(|id| self.with_broader(id)).collect();
        let implied = |id: &str| chains.iter().any(|chain| chain.iter().any(|c| c == id));
        self.concepts()
            .iter()
            .filter(|concept| concept.broader.len() > 1 && !implied(&concept.id))
            .filter(|concept| {
                let naming: Vec<Option<usize>> = concept
                    .broader
                    .iter()
                    .map(|parent| chains.iter().position(|chain| chain.contains(parent)))
                    .collect();
                let all_named = naming.iter().all(Option::is_some);
                let mut distinct: Vec<usize> = naming.into_iter().flatten().collect();
                distinct.sort_unstable();
                distinct.dedup();
                all_named && distinct.len() > 1
            })
            .map(|concept| concept.id.clone())
            .collect()
    }

    /// The needs a record's `texts` name (exact forms, no situation words). A form several
    /// concepts share (`centre de jour`) names those the record's other needs confirm: its
    /// needs `given` (from its categories) and what its texts name otherwise; a homeless
    /// service's day centre is not one for older people.
    pub fn needs_for_record_texts(&self, texts: &[&str], given: &[String]) -> Vec<String> {
        let per_text: Vec<Vec<ConceptMatch>> =
            texts.iter().map(|text| self.record_matches(text)).collect();
        let mut context: Vec<String> = given.to_vec();
        for matches in &per_text {
            let unshared = matches.iter().filter(|found| !is_shared(matches, found));
            context.extend(unshared.map(|found| found.concept.clone()));
        }
        per_text
            .into_iter()
            .flat_map(|matches| self.resolve_shared_forms_given(matches, &context))
            .map(|found| found.concept)
            .collect()
    }

    /// The broader concepts of the `named` ones, each with its distance (1 for a direct
    /// broader or related concept, 2 beyond), nearest first: `nachtopvang` widens to the
    /// services for the homeless. Concepts named, or broader at a nearer distance, appear
    /// once.
    pub fn broader_expansion(&self, named: &[String]) -> Vec<(String, u8)> {
        let mut expansion: Vec<(String, u8)> = Vec::new();
        let add = |id: &str, distance: u8, expansion: &mut Vec<(String, u8)>| {
            let known = named.iter().any(|named| named == id)
                || expansion.iter().any(|(seen, _)| seen == id);
            if !known {
                expansion.push((id.to_owned(), distance));
            }
        };
        // A related need answers the question as a broader one does (`energy-bills` →
        // `debt`), one step away.
        let parents: Vec<&String> = named
            .iter()
            .filter_map(|id| self.concept(id))
            .flat_map(|concept| concept.broader.iter().chain(&concept.related))
            .collect();
        for parent in &parents {
            add(parent, 1, &mut expansion);
        }
        for parent in parents {
            for further in self.broader_chain(parent) {
                add(&further, 2, &mut expansion);
            }
        }
        expansion
    }
}

/// Whether two matches cover the same words of a text.
fn same_span(a: &ConceptMatch, b: &ConceptMatch) -> bool {
    a.start_token == b.start_token && a.end_token == b.end_token
}

/// Whether `candidate` was read from a form other concepts share (another match of
/// `matches` covers the same words).
fn is_shared(matches: &[ConceptMatch], candidate: &ConceptMatch) -> bool {
    matches
        .iter()
        .filter(|other| same_span(other, candidate))
        .count()
        > 1
}

#[cfg(test)]
mod tests {
    use crate::Thesaurus;

    fn concepts(thesaurus: &Thesaurus, text: &str) -> Vec<String> {
        let found = thesaurus.match_text(text, 2);
        let resolved = thesaurus.resolve_shared_forms(found);
        resolved.into_iter().map(|found| found.concept).collect()
    }

    #[test]
    fn another_need_chooses_the_sibling_of_a_shared_form() {
        let thesaurus = Thesaurus::bundled();
        let alone = concepts(&thesaurus, "centre de jour");
        assert!(alone.len() > 1, "{alone:?}");
        let seniors = concepts(&thesaurus, "centre de jour seniors");
        assert!(
            seniors.contains(&"elderly-day-centre".to_owned()),
            "{seniors:?}"
        );
        assert!(
            !seniors.contains(&"day-centre-homeless".to_owned()),
            "{seniors:?}"
        );
    }

    #[test]
    fn two_broader_needs_name_their_joint_narrower_concept() {
        let thesaurus = Thesaurus::bundled();
        let named = ["undocumented".to_owned(), "health".to_owned()];
        assert_eq!(thesaurus.joint_narrower(&named), ["urgent-medical-aid"]);
        // One need alone, or one already narrower, names nothing more.
        assert!(thesaurus.joint_narrower(&named[..1]).is_empty());
        let implied = ["urgent-medical-aid".to_owned(), "health".to_owned()];
        assert!(thesaurus.joint_narrower(&implied).is_empty());
    }

    #[test]
    fn a_need_widens_to_its_broader_concepts_nearest_first() {
        let thesaurus = Thesaurus::bundled();
        let expansion = thesaurus.broader_expansion(&["night-shelter".to_owned()]);
        assert!(
            expansion.contains(&("homelessness".to_owned(), 1)),
            "{expansion:?}"
        );
        let distances: Vec<u8> = expansion.iter().map(|(_, distance)| *distance).collect();
        assert!(distances.windows(2).all(|pair| pair[0] <= pair[1]));
        // A broader concept that is itself named is no expansion.
        let named = ["night-shelter".to_owned(), "homelessness".to_owned()];
        let expansion = thesaurus.broader_expansion(&named);
        assert!(expansion.iter().all(|(id, _)| id != "homelessness"));
        assert!(thesaurus
            .broader_expansion(&["unknown".to_owned()])
            .is_empty());
    }

    #[test]
    fn a_related_need_answers_the_question_but_tags_no_record() {
        // An unpaid energy bill is also a debt: the question widens to the debt services...
        let thesaurus = Thesaurus::bundled();
        let expansion = thesaurus.broader_expansion(&["energy-bills".to_owned()]);
        assert!(expansion.contains(&("debt".to_owned(), 1)), "{expansion:?}");
        // ...but an energy-saving service is no debt service.
        assert!(!thesaurus
            .broader_chain("energy-bills")
            .contains(&"debt".to_owned()));
    }
}
