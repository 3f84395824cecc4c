//! Services reserved to a public the caller is not part of (professionals only, programmes
//! for perpetrators of violence) answer after the others, unless the question is about
//! that public; services for other ages than the one a question names come after those
//! for any age.

use super::fixtures::{organisation, Spec};
use orienta_model::{I18nText, Organisation};
use orienta_search::{build_version, IndexHandle, SearchRequest};
use orienta_thesaurus::Thesaurus;
use std::sync::Arc;

/// A record of `needs` whose public is `audience`.
fn record(
    id: &'static str,
    name: &'static str,
    (description, audience): (&'static str, &'static str),
    needs: &'static [&'static str],
) -> Organisation {
    let mut record = organisation(Spec {
        id,
        name_fr: Some(name),
        description_fr: Some(description),
        needs,
        ..Spec::default()
    });
    record.audience = I18nText::new(Some(audience.to_owned()), None);
    record
}

/// Two records of each need, the same text but their public; the reserved one comes first
/// by name when nothing else tells them apart.
fn corpus() -> Vec<Organisation> {
    let violence = "Groupes de parole : violences conjugales.";
    let debts = "Médiation de dettes.";
    vec![
        record(
            "perpetrators",
            "Changer la Donne",
            (violence, "Auteurs de violences conjugales"),
            &["domestic-violence"],
        ),
        record(
            "victims",
            "Espace Écoute",
            (violence, "Tout public"),
            &["domestic-violence"],
        ),
        record(
            "counsellors",
            "Centre d'Appui Budget",
            (debts, "Professionnels uniquement"),
            &["debt"],
        ),
        record(
            "jobs-young",
            "Antenne Emploi Jeunes",
            ("Recherche d'emploi.", "Jeunes de 18 à 25 ans"),
            &["job-search"],
        ),
        record(
            "jobs-all",
            "Maison de l'Emploi",
            ("Recherche d'emploi.", "Tout public"),
            &["job-search"],
        ),
        record(
            "course-fr",
            "Atelier Langues Midi",
            (
                "Cours de français. Accueil en néerlandais, inscriptions en néerlandais.",
                "Adultes",
            ),
            &["language-classes"],
        ),
        record(
            "course-nl",
            "Taalpunt Zennestad",
            (
                "Nederlands leren: cursussen voor volwassenen.",
                "Volwassenen",
            ),
            &["language-classes"],
        ),
        record(
            "debt-desk",
            "Service Social du Parvis",
            (debts, "Tout public"),
            &["debt"],
        ),
    ]
}

/// The first hits' test ids for `text`.
fn first(text: &str) -> Vec<String> {
    let dir = tempfile::tempdir().expect("tempdir");
    let thesaurus = Arc::new(Thesaurus::bundled());
    build_version(dir.path(), &corpus(), &thesaurus, &["test".into()]).expect("build");
    let handle = IndexHandle::open(dir.path(), thesaurus).expect("open");
    let results = handle
        .get()
        .search(&SearchRequest::text(text))
        .expect("search");
    let hits = results.hits.iter().take(2);
    hits.map(|hit| hit.organisation.external_ids[0].value.clone())
        .collect()
}

#[test]
fn a_victim_is_answered_by_victims_services_first() {
    assert_eq!(
        first("mon mari me frappe, violences conjugales"),
        ["victims", "perpetrators"]
    );
}

#[test]
fn a_question_about_perpetrators_finds_their_programme_first() {
    assert_eq!(
        first("aide pour auteurs de violences conjugales")[0],
        "perpetrators"
    );
}

#[test]
fn a_caller_in_debt_is_answered_by_a_desk_that_sees_them() {
    assert_eq!(first("médiation de dettes")[0], "debt-desk");
    let for_professionals = first("formation pour professionnels de la médiation de dettes");
    assert_eq!(for_professionals[0], "counsellors");
}

#[test]
fn an_adult_is_answered_by_services_for_any_age_first() {
    assert_eq!(
        first("recherche d'emploi, licencié à 45 ans")[0],
        "jobs-all"
    );
    assert_eq!(
        first("recherche d'emploi pour mon fils de 19 ans")[0],
        "jobs-young"
    );
}

#[test]
fn a_course_of_the_language_to_learn_comes_first() {
    assert_eq!(first("cours de néerlandais")[0], "course-nl");
    assert_eq!(first("ik wil Frans leren")[0], "course-fr");
}
