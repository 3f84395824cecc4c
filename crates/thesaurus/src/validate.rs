//! Validation of a parsed thesaurus file: every rule is checked and every problem
//! reported, so one load tells the editor everything to fix.

use crate::file::{ConceptRecord, ThesaurusFile};
use crate::forms::{forms, key_of, FormKind};
use orienta_model::Lang;
use orienta_text::{fold, tokenize};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// Words so generic that, alone, they would tag almost every record.
const GENERIC_WORDS: &[&str] = &[
    "aide",
    "aides",
    "hulp",
    "service",
    "services",
    "dienst",
    "diensten",
    "centre",
    "centres",
    "centrum",
    "centra",
    "soins",
    "soin",
    "zorg",
    "accueil",
    "opvang",
    "social",
    "sociale",
    "sociaal",
    "association",
    "vereniging",
    "asbl",
    "vzw",
    "information",
    "informatie",
    "help",
    "care",
    "support",
    "personne",
    "personnes",
    "mensen",
    "public",
    "publiek",
    "maison",
    "huis",
    "info",
    "conseil",
    "advies",
];

/// Minimum number of distinct FR and NL terms per concept.
const MIN_TERMS: usize = 2;

/// Checks every rule; returns the problems found, in file order.
pub(crate) fn validate(file: &ThesaurusFile) -> Vec<String> {
    let mut problems = Vec::new();
    if file.version.trim().is_empty() {
        problems.push("`version` is empty".to_owned());
    }
    check_ids(&file.concepts, &mut problems);
    for concept in &file.concepts {
        check_concept(concept, &mut problems);
    }
    check_broader(&file.concepts, &mut problems);
    check_shared(file, &mut problems);
    problems
}

fn is_kebab_case(id: &str) -> bool {
    !id.is_empty()
        && !id.starts_with('-')
        && !id.ends_with('-')
        && !id.contains("--")
        && id
            .bytes()
            .all(|byte| byte.is_ascii_lowercase() || byte.is_ascii_digit() || byte == b'-')
}

fn check_ids(concepts: &[ConceptRecord], problems: &mut Vec<String>) {
    let mut seen = BTreeSet::new();
    for concept in concepts {
        if !is_kebab_case(&concept.id) {
            problems.push(format!("id `{}` is not kebab-case", concept.id));
        }
        if !seen.insert(concept.id.as_str()) {
            problems.push(format!("id `{}` is used twice", concept.id));
        }
    }
}

fn check_concept(concept: &ConceptRecord, problems: &mut Vec<String>) {
    let id = &concept.id;
    for lang in [Lang::Fr, Lang::Nl] {
        if concept.label(lang).is_none() {
            problems.push(format!("concept `{id}` has no {lang} label"));
        }
        let distinct: BTreeSet<String> = concept
            .terms(lang)
            .iter()
            .map(|term| fold(term))
            .filter(|folded| !folded.is_empty())
            .collect();
        if distinct.len() < MIN_TERMS {
            problems.push(format!(
                "concept `{id}` has {} {lang} terms, at least {MIN_TERMS} needed",
                distinct.len()
            ));
        }
    }
    let category_labels = concept
        .category_labels_fr
        .iter()
        .chain(&concept.category_labels_nl);
    let every_text = forms(concept)
        .into_iter()
        .map(|form| (form.text, matches!(form.kind, FormKind::Acronym { .. })))
        .chain(category_labels.map(|label| (label.as_str(), false)));
    for (text, is_acronym) in every_text {
        let folded = fold(text);
        if folded.is_empty() {
            problems.push(format!("concept `{id}` has an empty term `{text}`"));
        } else if GENERIC_WORDS.contains(&folded.as_str()) {
            problems.push(format!("concept `{id}` has the generic term `{text}`"));
        } else if is_acronym && tokenize(text).len() != 1 {
            problems.push(format!(
                "concept `{id}` has the acronym `{text}`, not one word"
            ));
        }
    }
}

fn check_broader(concepts: &[ConceptRecord], problems: &mut Vec<String>) {
    let index: HashMap<&str, usize> = concepts
        .iter()
        .enumerate()
        .map(|(position, concept)| (concept.id.as_str(), position))
        .collect();
    for concept in concepts {
        for broader in &concept.broader {
            if broader == &concept.id {
                problems.push(format!("concept `{}` is its own broader", concept.id));
            } else if !index.contains_key(broader.as_str()) {
                problems.push(format!(
                    "concept `{}` has the unknown broader `{broader}`",
                    concept.id
                ));
            }
        }
    }
    for concept in concepts {
        for related in &concept.related {
            if related == &concept.id || !index.contains_key(related.as_str()) {
                problems.push(format!(
                    "concept `{}` has the unknown or own related need `{related}`",
                    concept.id
                ));
            }
        }
    }
    if let Some(cycle) = find_cycle(concepts, &index) {
        problems.push(format!("broader cycle: {}", cycle.join(" → ")));
    }
}

/// Depth-first search over broader links; returns one cycle as a list of ids.
fn find_cycle(concepts: &[ConceptRecord], index: &HashMap<&str, usize>) -> Option<Vec<String>> {
    #[derive(Clone, Copy, PartialEq)]
    enum State {
        New,
        OnPath,
        Done,
    }
    fn visit(
        node: usize,
        concepts: &[ConceptRecord],
        index: &HashMap<&str, usize>,
        states: &mut [State],
        path: &mut Vec<usize>,
    ) -> Option<Vec<String>> {
        states[node] = State::OnPath;
        path.push(node);
        for broader in &concepts[node].broader {
            let Some(&next) = index.get(broader.as_str()) else {
                continue;
            };
            if states[next] == State::OnPath {
                let start = path.iter().position(|&step| step == next).unwrap_or(0);
                let mut cycle: Vec<String> = path[start..]
                    .iter()
                    .map(|&step| concepts[step].id.clone())
                    .collect();
                cycle.push(concepts[next].id.clone());
                return Some(cycle);
            }
            if states[next] == State::New {
                if let Some(cycle) = visit(next, concepts, index, states, path) {
                    return Some(cycle);
                }
            }
        }
        path.pop();
        states[node] = State::Done;
        None
    }
    let mut states = vec![State::New; concepts.len()];
    (0..concepts.len()).find_map(|node| {
        if states[node] != State::New {
            return None;
        }
        visit(node, concepts, index, &mut states, &mut Vec::new())
    })
}

/// Terms (or category labels) used by several concepts must be listed in `shared_terms`,
/// and every listed term must really be shared.
fn check_shared(file: &ThesaurusFile, problems: &mut Vec<String>) {
    // key → (the text as first folded, owning concepts)
    type Owners<'a> = BTreeMap<String, (String, BTreeSet<&'a str>)>;
    let mut term_owners: Owners = BTreeMap::new();
    let mut label_owners: Owners = BTreeMap::new();
    fn add<'a>(owners: &mut Owners<'a>, text: &str, id: &'a str) {
        let (_, concepts) = owners
            .entry(key_of(text))
            .or_insert_with(|| (fold(text), BTreeSet::new()));
        concepts.insert(id);
    }
    for concept in &file.concepts {
        for form in forms(concept) {
            add(&mut term_owners, form.text, concept.id.as_str());
        }
        for label in concept
            .category_labels_fr
            .iter()
            .chain(&concept.category_labels_nl)
        {
            add(&mut label_owners, label, concept.id.as_str());
        }
    }
    let shared: BTreeMap<String, &str> = file
        .shared_terms
        .iter()
        .map(|term| (key_of(term), term.as_str()))
        .collect();
    for (what, owners) in [("term", &term_owners), ("category label", &label_owners)] {
        for (key, (text, concepts)) in owners {
            if concepts.len() > 1 && !shared.contains_key(key) {
                let list: Vec<&str> = concepts.iter().copied().collect();
                problems.push(format!(
                    "{what} `{text}` is in concepts {} (list it in shared_terms if intended)",
                    list.join(", ")
                ));
            }
        }
    }
    for (key, text) in &shared {
        let owners = |map: &Owners| map.get(key).map_or(0, |(_, concepts)| concepts.len());
        if owners(&term_owners) < 2 && owners(&label_owners) < 2 {
            problems.push(format!(
                "shared term `{text}` is not shared by two concepts"
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::file::parse;

    fn concept(id: &str, broader: &str, terms: &str) -> String {
        format!(
            "[[concept]]\nid = \"{id}\"\nfr = \"{id} fr\"\nnl = \"{id} nl\"\nline = \"specialised\"\n\
             broader = [{broader}]\nterms_fr = [{terms}]\nterms_nl = [\"{id} een\", \"{id} twee\"]\n"
        )
    }

    fn problems_of(text: &str) -> Vec<String> {
        validate(&parse(text).unwrap())
    }

    #[test]
    fn accepts_a_valid_file() {
        let text = format!(
            "version = \"1\"\n{}{}",
            concept("a", "", "\"a un\", \"a deux\""),
            concept("b", "\"a\"", "\"b un\", \"b deux\"")
        );
        assert_eq!(problems_of(&text), Vec::<String>::new());
    }

    #[test]
    fn reports_every_problem() {
        let text = format!(
            "version = \"1\"\n{}{}{}",
            concept("a", "\"b\"", "\"colis alimentaire\", \"aide\""),
            concept("b", "\"a\", \"zz\"", "\"colis alimentaires\", \"b deux\""),
            concept("Bad_Id", "", "\"seul\""),
        );
        let problems = problems_of(&text);
        let has = |needle: &str| problems.iter().any(|problem| problem.contains(needle));
        assert!(has("generic term `aide`"), "{problems:?}");
        assert!(has("unknown broader `zz`"), "{problems:?}");
        assert!(has("broader cycle: a → b → a"), "{problems:?}");
        assert!(
            has("term `colis alimentaire` is in concepts a, b"),
            "{problems:?}"
        );
        assert!(has("`Bad_Id` is not kebab-case"), "{problems:?}");
        assert!(has("`Bad_Id` has 1 fr terms"), "{problems:?}");
    }

    #[test]
    fn a_related_need_must_exist() {
        let text = format!(
            "version = \"1\"\n{}related = [\"zz\"]\n",
            concept("a", "", "\"a un\", \"a deux\"")
        );
        let problems = problems_of(&text);
        assert!(
            problems
                .iter()
                .any(|problem| problem.contains("related need `zz`")),
            "{problems:?}"
        );
    }

    #[test]
    fn shared_terms_must_be_listed_and_really_shared() {
        let text = format!(
            "version = \"1\"\nshared_terms = [\"Colis alimentaires\", \"nowhere\"]\n{}{}",
            concept("a", "", "\"colis alimentaire\", \"a deux\""),
            concept("b", "", "\"colis alimentaires\", \"b deux\""),
        );
        let problems = problems_of(&text);
        assert_eq!(
            problems,
            ["shared term `nowhere` is not shared by two concepts"]
        );
    }
}
