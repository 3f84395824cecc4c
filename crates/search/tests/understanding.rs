//! What a query's text is understood as: needs rank rather than filter, a query finds at
//! least what an OR of its units finds, Dutch compounds are cut, spoken languages are
//! named.

use super::fixtures::{organisation, Spec};
use orienta_model::{Bassin, Organisation};
use orienta_search::{build_version, IndexHandle, SearchRequest, SearchResults};
use orienta_thesaurus::Thesaurus;
use std::sync::Arc;

fn record(id: &'static str, name: &'static str, text: Spec) -> Organisation {
    organisation(Spec {
        id,
        name_fr: Some(name),
        lat: 50.8467,
        lon: 4.3524,
        commune: ("21004", "Bruxelles", "Brussel"),
        bassin: Bassin::CentreOuest,
        synthetic: true,
        ..text
    })
}

fn corpus() -> Vec<Organisation> {
    vec![
        organisation(Spec {
            id: "grocery-1030",
            name_fr: Some("Épicerie Josaphat"),
            description_fr: Some("Épicerie sociale du quartier."),
            lat: 50.8676,
            lon: 4.3737,
            commune: ("21015", "Schaerbeek", "Schaarbeek"),
            bassin: Bassin::NordEst,
            synthetic: true,
            ..Spec::default()
        }),
        record(
            "parcels",
            "Les Colis du Coin",
            Spec {
                description_fr: Some("Repas chauds et colis alimentaires chaque mardi."),
                ..Spec::default()
            },
        ),
        record(
            "meals",
            "La Table du Soir",
            Spec {
                description_fr: Some("Repas chauds servis le soir."),
                ..Spec::default()
            },
        ),
        record(
            "drugs-all",
            "Service Drogues Centre",
            Spec {
                description_fr: Some("Consultations pour les usagers de cannabis et leurs proches."),
                needs: &["drugs"],
                ..Spec::default()
            },
        ),
        record(
            "drugs-youth",
            "Service Drogues Nord",
            Spec {
                description_fr: Some("Consultations pour les usagers de cannabis et leurs proches."),
                needs: &["drugs", "youth"],
                ..Spec::default()
            },
        ),
        record(
            "gambling",
            "De Kansel",
            Spec {
                description_nl: Some("Begeleiding bij verslaving aan kansspelen."),
                ..Spec::default()
            },
        ),
        record(
            "psy-ar",
            "Centre Ibn Sina",
            Spec {
                description_fr: Some("Consultations psychologiques; on parle arabe et français."),
                needs: &["mental-health-service"],
                languages: &["fr", "ar"],
                ..Spec::default()
            },
        ),
        record(
            "newcomers-nl",
            "Onthaal Nieuwkomers",
            Spec {
                // Holds `neer` and `land`, which with the acronym `AIS` once cut
                // `neerlandais` as a Dutch compound.
                description_nl: Some("Ga even neer zitten: wij helpen wie nieuw is in dit land."),
                ..Spec::default()
            },
        ),
        record(
            "excision",
            "Cercle contre l'excision",
            Spec {
                description_fr: Some("Groupes de parole pour les femmes concernées."),
                ..Spec::default()
            },
        ),
        record(
            "road-victims",
            "Slachtofferhulp Zennestad",
            Spec {
                name_fr: None,
                name_nl: Some("Slachtofferhulp Zennestad"),
                description_nl: Some("Begeleiding van slachtoffers van verkeersongevallen."),
                ..Spec::default()
            },
        ),
        record(
            "driving-school",
            "Auto-école sociale",
            Spec {
                description_fr: Some("Permis de conduire et code de la route à prix réduit."),
                ..Spec::default()
            },
        ),
        record(
            "prenatal",
            "Consultation prénatale du Midi",
            Spec {
                description_fr: Some("Suivi de grossesse, aussi sans assurance maladie."),
                needs: &["pregnancy-infants", "health-insurance"],
                ..Spec::default()
            },
        ),
        record(
            "gp-office",
            "Médecine générale du Midi",
            Spec {
                description_fr: Some(
                    "Médecins généralistes : consultations de médecine générale, médecin de famille.",
                ),
                needs: &["gp"],
                ..Spec::default()
            },
        ),
        record(
            "course-fr",
            "Cours de Français du Midi",
            Spec {
                description_fr: Some("Cours de français langue étrangère pour adultes."),
                needs: &["language-classes"],
                // A bilingual desk: speaking Dutch does not make it a Dutch course.
                languages: &["fr", "nl"],
                ..Spec::default()
            },
        ),
        record(
            "course-nl",
            "Taalpunt Zennestad",
            Spec {
                name_fr: None,
                name_nl: Some("Taalpunt Zennestad"),
                description_nl: Some("Wekelijkse conversatietafels om je Nederlands te oefenen."),
                needs: &["language-classes", "vocational-training"],
                ..Spec::default()
            },
        ),
        record(
            "psy-fr",
            "Centre Les Tilleuls",
            Spec {
                description_fr: Some("Consultations psychologiques pour adultes."),
                needs: &["mental-health-service"],
                languages: &["fr"],
                ..Spec::default()
            },
        ),
        record(
            "youth-house",
            "Jeugdhuis de Brug",
            Spec {
                name_nl: Some("Jeugdhuis de Brug"),
                description_nl: Some("Activiteiten en een open huis voor tieners."),
                needs: &["youth"],
                ..Spec::default()
            },
        ),
        record(
            "youth-shelter",
            "Abri Jeunes",
            Spec {
                description_fr: Some("Quelques nuits d'hébergement pour des jeunes en fugue."),
                needs: &["youth"],
                ..Spec::default()
            },
        ),
    ]
}

fn search(text: &str) -> SearchResults {
    search_page(SearchRequest::text(text))
}

fn search_page(request: SearchRequest) -> SearchResults {
    let dir = tempfile::tempdir().expect("tempdir");
    let thesaurus = Arc::new(Thesaurus::bundled());
    build_version(dir.path(), &corpus(), &thesaurus, &["test".into()]).expect("build");
    let handle = IndexHandle::open(dir.path(), thesaurus).expect("open");
    handle.get().search(&request).expect("search")
}

fn ids(results: &SearchResults) -> Vec<String> {
    let hits = results.hits.iter();
    hits.map(|hit| hit.organisation.external_ids[0].value.clone())
        .collect()
}

#[test]
fn records_matching_every_word_come_first_then_those_matching_some() {
    let results = search("repas colis");
    assert_eq!(ids(&results), ["parcels", "meals"]);
    assert_eq!(results.total, 2);
    assert_eq!(results.understanding.all_words_total, 1);
    assert!(results.understanding.relaxed, "meals holds one word of two");
}

#[test]
fn a_later_page_continues_the_strict_then_any_order() {
    let mut request = SearchRequest::text("repas colis");
    request.limit = 1;
    assert_eq!(ids(&search_page(request.clone())), ["parcels"]);
    request.offset = 1;
    let second = search_page(request);
    assert_eq!(ids(&second), ["meals"]);
    assert_eq!(second.total, 2);
}

#[test]
fn a_dutch_compound_nobody_listed_finds_its_parts() {
    // not a thesaurus form: cut into `kansspel` (the index's) and `verslaving`
    let results = search("kansspelverslaving");
    assert_eq!(ids(&results).first().map(String::as_str), Some("gambling"));
}

#[test]
fn a_compound_the_glossary_translates_is_not_read_through_its_parts() {
    // `schuldgevoel` is `culpabilité` (guilt), not a debt; `schuldenvragen`, which the
    // glossary does not hold, is read through its parts: questions about debts.
    let concepts = |text: &str| search(text).understanding.concepts;
    assert!(!concepts("schuldgevoel")
        .iter()
        .any(|concept| concept == "debt"));
    assert!(concepts("schuldenvragen")
        .iter()
        .any(|concept| concept == "debt"));
}

#[test]
fn a_compound_that_finds_nothing_is_read_by_its_last_part() {
    // `deelcolis`: no record holds it or `deel`; in Dutch the last part says what the thing
    // is, so, as a last resort, the records' `colis` answers.
    let results = search("deelcolis");
    assert_eq!(ids(&results), ["parcels"]);
    assert!(results.understanding.relaxed);
}

#[test]
fn a_word_alone_is_translated_from_the_glossary_side_that_holds_it() {
    // One rare word says no language; the glossary holds `vrouwenbesnijdenis` in Dutch, and
    // the French record's `excision` answers.
    let results = search("vrouwenbesnijdenis");
    assert_eq!(ids(&results), ["excision"]);
}

#[test]
fn a_phrase_of_the_glossary_is_translated_whole() {
    // `accident de la route` is one meaning, `verkeersongeval`: the Dutch record's plural
    // `verkeersongevallen` answers before the French record that only shares `route`.
    let results = search("aide après un accident de la route");
    assert_eq!(
        ids(&results).first().map(String::as_str),
        Some("road-victims")
    );
}

#[test]
fn a_service_answering_most_of_the_needs_comes_before_one_answering_one() {
    // Three needs; the prenatal service answers two (pregnancy, no health insurance), the
    // doctor's office one, though its name and text echo `médecin généraliste`.
    let results = search("je suis enceinte, pas de mutuelle, je cherche un médecin généraliste");
    let concepts = &results.understanding.concepts;
    assert!(concepts.len() >= 3, "{concepts:?}");
    assert_eq!(ids(&results).first().map(String::as_str), Some("prenatal"));
}

#[test]
fn french_words_and_language_names_are_not_cut_as_dutch_compounds() {
    // `néerlandais` is no `neerland` + `ais` (the acronym of a social rental agency).
    let results = search("apprendre le néerlandais");
    let concepts = &results.understanding.concepts;
    assert!(
        !concepts.contains(&"social-rental-agency".to_owned()),
        "{concepts:?}"
    );
    assert!(
        concepts.contains(&"language-classes".to_owned()),
        "{concepts:?}"
    );
}

#[test]
fn a_spoken_language_in_the_text_is_understood_and_its_speakers_rank_first() {
    let results = search("psy qui parle arabe");
    assert_eq!(results.understanding.languages, ["ar"]);
    assert_eq!(ids(&results).first().map(String::as_str), Some("psy-ar"));
    assert!(
        !results
            .understanding
            .concepts
            .contains(&"social-interpreting".to_owned()),
        "a language name is not a need for interpreting: {:?}",
        results.understanding.concepts
    );
}

#[test]
fn a_language_to_learn_is_what_the_course_teaches() {
    let dutch = search("apprendre le néerlandais");
    assert!(
        dutch.understanding.languages.is_empty(),
        "no spoken language"
    );
    assert_eq!(ids(&dutch).first().map(String::as_str), Some("course-nl"));
    let french = search("Frans leren");
    assert_eq!(ids(&french).first().map(String::as_str), Some("course-fr"));
}

#[test]
fn a_word_nobody_knows_is_offered_the_closest_word_of_the_records() {
    let results = search("begeleidng kansspelen");
    assert_eq!(
        results.understanding.did_you_mean.as_deref(),
        Some("begeleiding kansspelen")
    );
    let known = search("kansspelen repas");
    assert_eq!(
        known.understanding.did_you_mean, None,
        "every word is known"
    );
    let far = search("xyzzyqux");
    assert_eq!(far.understanding.did_you_mean, None, "nothing is close");
    assert!(far.hits.is_empty());
    assert_eq!(far.understanding.all_words_total, 0);
    // `noir` is one edit from the records' `soir`, but a French word written as meant.
    let spelled_right = search("repas noir");
    assert_eq!(spelled_right.understanding.did_you_mean, None);
}

#[test]
fn a_place_in_the_text_restricts_and_is_said_and_can_be_undone() {
    let mut request = SearchRequest::text("épicerie Schaerbeek");
    let placed = search_page(request.clone());
    assert_eq!(placed.understanding.places, ["schaerbeek"]);
    assert_eq!(ids(&placed), ["grocery-1030"]);
    request.literal = vec!["place:Schaerbeek".to_owned()];
    let literal = search_page(request);
    assert!(
        literal.understanding.places.is_empty(),
        "the place was undone"
    );
    let region = search("repas bruxelles");
    assert!(
        region.understanding.places.is_empty(),
        "Bruxelles is the region"
    );
    // `Bxl`, as people write Brussels, is no word a service must hold either.
    let written = search("repas bxl");
    assert!(written.understanding.places.is_empty());
    assert!(!written.understanding.relaxed, "bxl relaxed the search");
    assert_eq!(ids(&written), ids(&region));
}

#[test]
fn an_everyday_word_of_a_place_name_is_a_place_only_inside_the_name_or_after_a_cue() {
    // `Nord` names the bassin Nord-Est (and `Trois` the quartier Trois Tilleuls), but
    // `épicerie du nord` names no place.
    let alone = search("épicerie du nord");
    assert!(
        alone.understanding.places.is_empty(),
        "nord alone is a word"
    );
    assert!(ids(&alone).iter().any(|id| id == "grocery-1030"));
    let announced = search("épicerie bassin Nord-Est");
    assert_eq!(announced.understanding.places, ["nord"]);
    let named = search("épicerie nord schaerbeek");
    assert_eq!(named.understanding.places, ["nord schaerbeek"]);
}

#[test]
fn an_amount_of_money_is_no_postcode() {
    let postcode = search("épicerie 1030");
    assert_eq!(postcode.understanding.places, ["1030"]);
    for text in [
        "épicerie, facture de 1030 euros",
        "épicerie 1030 €",
        "épicerie €1030",
    ] {
        let amount = search(text);
        assert!(amount.understanding.places.is_empty(), "{text}");
    }
}

#[test]
fn an_understood_need_or_language_can_be_undone() {
    let mut request = SearchRequest::text("psy qui parle arabe");
    let understood = search_page(request.clone());
    assert_eq!(understood.understanding.languages, ["ar"]);
    assert!(!understood.understanding.concepts.is_empty());
    request.literal = vec!["language:ar".to_owned(), "need:mental-health".to_owned()];
    let literal = search_page(request);
    assert!(literal.understanding.languages.is_empty());
    let concepts = &literal.understanding.concepts;
    assert!(
        !concepts.iter().any(|concept| concept == "mental-health"),
        "{concepts:?}"
    );
}

#[test]
fn the_public_a_question_names_ranks_first_and_can_be_undone() {
    // An age says who the help is for: the same service for young people comes first.
    let mut request = SearchRequest::text("mon fils de 16 ans fume du cannabis");
    let understood = search_page(request.clone());
    assert_eq!(understood.understanding.audiences, ["youth"]);
    let first = ids(&understood).first().cloned();
    assert_eq!(first.as_deref(), Some("drugs-youth"));
    request.literal = vec!["audience:youth".to_owned()];
    let literal = search_page(request);
    assert!(literal.understanding.audiences.is_empty());
    assert_eq!(ids(&literal).first().map(String::as_str), Some("drugs-all"));
}

#[test]
fn a_record_without_a_known_category_is_what_its_name_and_first_sentence_say() {
    let thesaurus = Thesaurus::bundled();
    let energy = organisation(Spec {
        id: "energy-advice",
        name_fr: Some("Gaz-Élec Conseil"),
        description_fr: Some(
            "Aide pour les ménages qui ont des difficultés avec leurs factures d'énergie.\n\
             - Comprendre une facture de régularisation\n- Plan de paiement avec le fournisseur",
        ),
        needs: &["debt-mediation", "energy-bills"],
        ..Spec::default()
    });
    let primary = orienta_search::document::primary_needs(&thesaurus, &energy);
    assert!(primary.contains("energy-bills"), "{primary:?}");
    assert!(!primary.contains("debt-mediation"), "{primary:?}");
    // The energy bill's "régularisation" is not the right of residence.
    assert!(!thesaurus
        .needs_for_text("Comprendre une facture de régularisation")
        .contains(&"residence-rights".to_owned()));
    // Nothing in the name or first sentence: every need stays primary.
    let silent = organisation(Spec {
        id: "silent",
        name_fr: Some("Asbl Le Pont"),
        description_fr: Some("Permanences le mardi. Plan de paiement, aide alimentaire."),
        needs: &["debt-mediation", "food-aid"],
        ..Spec::default()
    });
    let primary = orienta_search::document::primary_needs(&thesaurus, &silent);
    assert!(
        primary.contains("debt-mediation") && primary.contains("food-aid"),
        "{primary:?}"
    );
}

#[test]
fn a_question_reading_no_need_ranks_the_need_its_words_point_to() {
    let corpus = vec![
        record(
            "music",
            "Atelier Vert",
            Spec {
                description_fr: Some("Un studio de musique pour six jeunes du quartier."),
                ..Spec::default()
            },
        ),
        record(
            "tenants",
            "Logement Plus",
            Spec {
                description_fr: Some("Conseils aux locataires d'un studio ou d'un appartement."),
                needs: &["housing"],
                ..Spec::default()
            },
        ),
    ];
    let dir = tempfile::tempdir().expect("tempdir");
    let thesaurus = Arc::new(Thesaurus::bundled());
    build_version(dir.path(), &corpus, &thesaurus, &["test".into()]).expect("build");
    let handle = IndexHandle::open(dir.path(), thesaurus).expect("open");
    let text = "on vit à six dans un studio insalubre";
    let results = handle
        .get()
        .search(&SearchRequest::text(text))
        .expect("search");
    assert!(
        results.understanding.concepts.is_empty(),
        "a guess is not said understood"
    );
    assert_eq!(ids(&results), ["tenants", "music"]);
}

#[test]
fn a_short_question_finds_its_situation_in_the_texts_of_the_other_language() {
    // `weggelopen` is a situation word (a runaway): in a short question it is the topic,
    // and `jeunes en fugue` answers it though no record is tagged with its need.
    let results = search("opvang weggelopen tiener");
    assert_eq!(
        ids(&results).first().map(String::as_str),
        Some("youth-shelter")
    );
}
