//! social.brussels categories and sectors → concepts, on the bundled thesaurus.

use orienta_thesaurus::Thesaurus;

fn thesaurus() -> Thesaurus {
    Thesaurus::bundled()
}

/// The provider types of docs/domain.md §5: (FR name, NL name or "" for none, concept).
const PROVIDER_TYPES: &[(&str, &str, &str)] = &[
    ("CPAS", "OCMW", "cpas"),
    (
        "CASG (action sociale globale)",
        "",
        "general-welfare-centre",
    ),
    (
        "Centre d'aide aux personnes",
        "CAW (algemeen welzijnswerk)",
        "general-welfare-centre",
    ),
    ("Médiation de dettes", "Schuldbemiddeling", "debt-mediation"),
    (
        "Restaurant social",
        "Sociaal restaurant",
        "social-restaurant",
    ),
    ("Épicerie sociale", "Sociale kruidenier", "social-grocery"),
    ("Colis alimentaires", "Voedselpakketten", "food-parcels"),
    (
        "Maison médicale",
        "Wijkgezondheidscentrum",
        "community-health-centre",
    ),
    (
        "Service de santé mentale",
        "Geestelijke gezondheidszorg (CGG)",
        "mental-health-service",
    ),
    ("Planning familial", "Gezinsplanning", "family-planning"),
    ("Toxicomanies", "Verslavingszorg", "addiction-care"),
    ("Maison d'accueil", "Onthaaltehuis", "shelter-home"),
    ("Asile de nuit", "Nachtopvang", "night-shelter"),
    (
        "Accueil de jour sans-abri",
        "Dagcentrum thuislozen",
        "day-centre-homeless",
    ),
    ("Housing First", "Housing First", "housing-first"),
    ("Guidance à domicile", "Woonbegeleiding", "home-guidance"),
    ("Aide aux familles", "Gezinszorg", "home-help"),
    (
        "Soins infirmiers à domicile",
        "Thuisverpleging",
        "home-nursing",
    ),
    (
        "Coordination à domicile",
        "Thuiszorgcoördinatie",
        "home-care-coordination",
    ),
    ("Maison de repos (MR)", "Woonzorgcentrum", "nursing-home"),
    (
        "Maison de repos et de soins",
        "Rust- en verzorgingstehuis",
        "nursing-care-home",
    ),
    (
        "Centre de jour (âgés)",
        "Dagverzorgingscentrum",
        "elderly-day-centre",
    ),
    ("Résidence-services", "Assistentiewoningen", "service-flats"),
    ("Hôpital", "Ziekenhuis", "hospital"),
    (
        "Habitation protégée (IHP)",
        "Beschut wonen",
        "sheltered-housing",
    ),
    (
        "Soins psychiatriques (MSP)",
        "Psychiatrisch verzorgingstehuis",
        "psychiatric-care-home",
    ),
    (
        "Aide aux justiciables",
        "Justitieel welzijnswerk",
        "justice",
    ),
    ("Aide aux victimes", "Slachtofferhulp", "victims"),
    (
        "Accueil demandeurs d'asile",
        "Opvang asielzoekers",
        "asylum",
    ),
    (
        "Agence immobilière sociale",
        "Sociaal verhuurkantoor",
        "social-rental-agency",
    ),
    (
        "Logement social (SISP)",
        "Openbare vastgoedmaatschappij",
        "social-housing",
    ),
    (
        "Accompagnement handicap",
        "Begeleidingsdienst",
        "disability-support",
    ),
    (
        "Centre de jour handicap",
        "Dagcentrum",
        "disability-day-centre",
    ),
    ("Travail adapté (ETA)", "Maatwerkbedrijf", "sheltered-work"),
    ("Aide en milieu ouvert", "", "youth-open-support"),
    ("Consultation ONE", "Kind en Gezin", "pregnancy-infants"),
    ("Crèche", "Kinderopvang", "childcare"),
    ("École de devoirs", "Huiswerkbegeleiding", "homework-school"),
    ("Alphabétisation", "Alfabetisering", "literacy"),
    (
        "Interprétariat social",
        "Sociaal tolken",
        "social-interpreting",
    ),
    (
        "BAPA primo-arrivants",
        "Onthaalbureau inburgering",
        "newcomer-integration",
    ),
    ("Maison de quartier", "Buurthuis", "neighbourhood-house"),
    ("Télévigilance", "Personenalarmcentrale", "personal-alarm"),
    (
        "Service social mutualité",
        "Maatschappelijk werk ziekenfonds",
        "mutuality-social-service",
    ),
    (
        "Centre PMS",
        "Leerlingenbegeleiding (CLB)",
        "school-guidance",
    ),
];

/// The 17 sectors of docs/domain.md §5: (FR, NL, concept).
const SECTORS: &[(&str, &str, &str)] = &[
    (
        "Aide sociale générale",
        "Algemeen welzijnswerk",
        "general-social-aid",
    ),
    ("Aide alimentaire", "Voedselhulp", "food-aid"),
    ("Sans-abri", "Thuislozen", "homelessness"),
    ("Logement", "Huisvesting", "housing"),
    ("Santé", "Gezondheid", "health"),
    ("Santé mentale", "Geestelijke gezondheid", "mental-health"),
    ("Assuétudes", "Verslaving", "addiction"),
    ("Personnes âgées", "Ouderen", "elderly"),
    ("Handicap", "Personen met een handicap", "disability"),
    ("Enfance-Famille", "Kind en gezin", "children-family"),
    ("Jeunesse", "Jeugd", "youth"),
    ("Justiciables", "Justitieel welzijnswerk", "justice"),
    ("Migrants", "Migranten", "migrants"),
    (
        "Emploi-Formation",
        "Werk en opleiding",
        "employment-training",
    ),
    ("Endettement", "Schulden", "debt"),
    ("Violences", "Geweld", "violence"),
    ("Aide juridique", "Rechtshulp", "legal-aid"),
];

#[test]
fn every_provider_type_maps_by_fr_and_nl_name() {
    let thesaurus = thesaurus();
    for &(fr, nl, concept) in PROVIDER_TYPES {
        let by_fr = thesaurus.concepts_for_category(None, Some(fr), None);
        assert!(
            by_fr.iter().any(|id| id == concept),
            "{fr} → {by_fr:?}, expected {concept}"
        );
        if nl.is_empty() {
            continue;
        }
        let by_nl = thesaurus.concepts_for_category(None, None, Some(nl));
        assert!(
            by_nl.iter().any(|id| id == concept),
            "{nl} → {by_nl:?}, expected {concept}"
        );
    }
}

#[test]
fn every_sector_maps_by_fr_and_nl_name_to_a_broader_concept() {
    let thesaurus = thesaurus();
    for &(fr, nl, concept) in SECTORS {
        assert!(
            thesaurus
                .concepts_for_category(None, Some(fr), None)
                .contains(&concept.to_owned()),
            "{fr}"
        );
        assert!(
            thesaurus
                .concepts_for_category(None, None, Some(nl))
                .contains(&concept.to_owned()),
            "{nl}"
        );
        assert!(
            thesaurus.concept(concept).unwrap().broader.is_empty(),
            "{concept} is a top concept"
        );
    }
    // every provider type sits under a sector
    for &(_, _, concept) in PROVIDER_TYPES {
        let is_sector = SECTORS.iter().any(|&(_, _, sector)| sector == concept);
        let chain = thesaurus.broader_chain(concept);
        assert!(
            is_sector || !chain.is_empty(),
            "{concept} has no broader concept"
        );
    }
}

#[test]
fn categories_map_by_known_id_and_unseen_ids_by_label() {
    let thesaurus = thesaurus();
    assert_eq!(
        thesaurus.concepts_for_category(Some(43), None, None),
        ["social-restaurant"]
    );
    assert_eq!(
        thesaurus.concepts_for_category(Some(454), Some("whatever"), None),
        ["social-grocery"]
    );
    let unseen = thesaurus.concepts_for_category(Some(999), Some("Restaurants sociaux"), None);
    assert_eq!(unseen, ["social-restaurant"]);
    let unseen_nl = thesaurus.concepts_for_category(Some(999), None, Some("Sociale restaurants"));
    assert_eq!(unseen_nl, ["social-restaurant"]);
    // an unknown label falls back to the words in it
    let fallback = thesaurus.concepts_for_category(
        None,
        Some("Épiceries sociales et solidaires à Molenbeek"),
        None,
    );
    assert_eq!(fallback, ["social-grocery"]);
    assert!(thesaurus
        .concepts_for_category(None, Some("Divers"), Some("Varia"))
        .is_empty());
    assert!(thesaurus.concepts_for_category(None, None, None).is_empty());
}

#[test]
fn shared_category_label_maps_to_both_concepts() {
    let both = thesaurus().concepts_for_category(None, None, Some("Kind en Gezin"));
    assert_eq!(both, ["children-family", "pregnancy-infants"]);
    assert_eq!(
        thesaurus().shared_terms(),
        [
            "kind en gezin",
            "centre de jour",
            "accueil de jour",
            "dagcentrum",
            "algemeen welzijnswerk",
            "payer mon loyer",
            "payer le loyer",
            "loyer impayé",
            "loyers impayés",
            "arriérés de loyer",
            "huur betalen",
            "huur niet betalen",
            "huurachterstal",
            "huurachterstand",
            "rent arrears",
            "retard de loyer",
            "retards de loyer",
            "achterstallige huur",
            "lieu de rencontre",
            "lieux de rencontre",
            "ontmoetingsplek",
            "ontmoetingsplaats",
        ]
    );
    // a shared term names every concept sharing it
    let day_centres = thesaurus().needs_for_text("un centre de jour à Etterbeek");
    assert_eq!(
        day_centres,
        [
            "day-centre-homeless",
            "disability-day-centre",
            "elderly-day-centre"
        ]
    );
}
