//! Everyday phrases, typos and false positives on the bundled thesaurus.

use orienta_model::Lang;
use orienta_thesaurus::Thesaurus;

/// (phrase, concept it must name).
const PHRASES: &[(&str, &str)] = &[
    ("colis alimentaire", "food-parcels"),
    ("Colis alimentaires", "food-parcels"),
    ("une banque alimentaire", "food-parcels"),
    ("voedselpakket", "food-parcels"),
    ("voedselpakketten", "food-parcels"),
    ("de voedselbank", "food-parcels"),
    ("j'ai faim", "food-aid"),
    ("ik heb honger", "food-aid"),
    ("Restaurants sociaux", "social-restaurant"),
    ("sociale kruideniers", "social-grocery"),
    ("sans-abri", "homelessness"),
    ("sans abri", "homelessness"),
    ("un SDF", "homelessness"),
    ("je suis à la rue", "homelessness"),
    ("dakloos", "homelessness"),
    ("daklozen", "homelessness"),
    ("thuisloos", "homelessness"),
    ("ik leef op straat", "homelessness"),
    ("sans-papiers", "undocumented"),
    ("sans papiers", "undocumented"),
    ("en séjour irrégulier", "undocumented"),
    ("mensen zonder wettig verblijf", "undocumented"),
    ("mensen zonder papieren", "undocumented"),
    ("je ne sais plus payer mes factures", "debt"),
    ("Je ne sais plus payer mes factures !", "debt"),
    ("dettes", "debt"),
    ("surendettement", "debt"),
    ("schulden", "debt"),
    ("ik kan mijn rekeningen niet meer betalen", "debt"),
    ("médiation de dettes", "debt-mediation"),
    ("hulp bij schulden", "debt-mediation"),
    ("schuldbemiddeling", "debt-mediation"),
    ("CPAS", "cpas"),
    ("OCMW", "cpas"),
    ("le cpas de Schaerbeek", "cpas"),
    ("het OCMW van Anderlecht", "cpas"),
    ("leefloon", "cpas"),
    ("maison médicale", "community-health-centre"),
    ("wijkgezondheidscentrum", "community-health-centre"),
    ("santé mentale", "mental-health"),
    ("geestelijke gezondheid", "mental-health"),
    ("geestelijke gezondheidszorg", "mental-health-service"),
    ("crèche", "childcare"),
    ("kinderopvang", "childcare"),
    ("hôpitaux", "hospital"),
    ("ziekenhuizen", "hospital"),
    ("violence conjugale", "domestic-violence"),
    ("partnergeweld", "domestic-violence"),
    ("cours de français", "language-classes"),
    ("Nederlands leren", "language-classes"),
    ("mutualité", "health-insurance"),
    ("ziekenfonds", "health-insurance"),
    ("huisarts", "gp"),
    ("médecin généraliste", "gp"),
    ("maison de repos", "nursing-home"),
    ("MR/MRS", "nursing-home"),
    ("woonzorgcentrum", "nursing-home"),
    ("ouderen", "elderly"),
    ("personnes âgées", "elderly"),
    ("demandeurs d'asile", "asylum"),
    ("asielzoekers", "asylum"),
    ("l'ONE", "pregnancy-infants"),
    ("je suis enceinte", "pregnancy-infants"),
    ("IST/SOA", "hiv-sti"),
    ("assuétudes", "addiction"),
    ("verslaving", "addiction"),
    ("alphabétisation", "literacy"),
    ("facture d'électricité", "energy-bills"),
    ("handicap", "disability"),
    ("aide juridique", "legal-aid"),
    ("rechtshulp", "legal-aid"),
    ("maltraitance des personnes âgées", "elder-abuse"),
    ("ouderenmishandeling", "elder-abuse"),
    ("médiation familiale", "family-mediation"),
    ("scheidingsbemiddeling", "family-mediation"),
];

#[test]
fn everyday_phrases_name_the_right_concept() {
    let thesaurus = Thesaurus::bundled();
    for &(phrase, concept) in PHRASES {
        let needs = thesaurus.needs_for_text(phrase);
        assert!(
            needs.contains(&concept.to_owned()),
            "{phrase:?} → {needs:?}, expected {concept}"
        );
    }
}

#[test]
fn translations_meet_on_one_concept() {
    let thesaurus = Thesaurus::bundled();
    let pairs = [
        ("hulp bij schulden", "médiation de dettes"),
        ("CPAS", "OCMW"),
        ("voedselpakket", "colis alimentaire"),
        ("sans-abri", "dakloos"),
        ("crèche", "kinderopvang"),
        ("maison médicale", "wijkgezondheidscentrum"),
    ];
    for (left, right) in pairs {
        let left_needs = thesaurus.needs_for_text(left);
        assert_eq!(left_needs.len(), 1, "{left} → {left_needs:?}");
        assert_eq!(
            left_needs,
            thesaurus.needs_for_text(right),
            "{left} vs {right}"
        );
    }
}

#[test]
fn matches_report_language_and_position() {
    let thesaurus = Thesaurus::bundled();
    let found = thesaurus.match_text("Besoin d'un colis alimentaire à Ixelles", 0);
    assert_eq!(found.len(), 1);
    let found = &found[0];
    assert_eq!(found.concept, "food-parcels");
    assert_eq!(found.term, "colis alimentaire");
    assert_eq!(found.lang, Some(Lang::Fr));
    assert_eq!((found.start_token, found.end_token, found.edits), (3, 5, 0));
    let dutch = thesaurus.match_text("voedselpakketten", 0);
    assert_eq!(dutch[0].lang, Some(Lang::Nl));
    assert_eq!(thesaurus.match_text("OCMW", 0)[0].lang, None);
}

#[test]
fn longest_match_wins() {
    let thesaurus = Thesaurus::bundled();
    let found = thesaurus.match_text("maison de repos et de soins", 0);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].concept, "nursing-care-home");
    assert_eq!(
        thesaurus.needs_for_text("service de santé mentale"),
        ["mental-health-service"]
    );
    assert_eq!(
        thesaurus.needs_for_text("dagcentrum thuislozen"),
        ["day-centre-homeless"]
    );
    assert_eq!(
        thesaurus.needs_for_text("service social de la mutualité"),
        ["mutuality-social-service"]
    );
}

#[test]
fn typos_match_with_an_edit_budget() {
    let thesaurus = Thesaurus::bundled();
    let found = thesaurus.match_text("médiaton de detes", 2);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].concept, "debt-mediation");
    assert_eq!(found[0].edits, 2);
    assert!(thesaurus
        .match_text("médiaton de detes", 1)
        .iter()
        .all(|found| found.concept != "debt-mediation"));
    assert!(thesaurus.match_text("médiaton de detes", 0).is_empty());
    let dutch = thesaurus.match_text("schuldbemideling", 1);
    assert_eq!(dutch[0].concept, "debt-mediation");
    let grocery = thesaurus.match_text("epicerie socaile", 1);
    assert_eq!(grocery[0].concept, "social-grocery");
    // exact beats fuzzy at equal length
    let exact = thesaurus.match_text("dettes", 2);
    assert_eq!((exact[0].concept.as_str(), exact[0].edits), ("debt", 0));
    // acronyms never take typos
    assert!(thesaurus.match_text("OCMV", 2).is_empty());
}

#[test]
fn cased_acronyms_need_capitals() {
    let thesaurus = Thesaurus::bundled();
    assert!(thesaurus.needs_for_text("one more time").is_empty());
    assert!(thesaurus.needs_for_text("Mr Dupont").is_empty());
    assert_eq!(
        thesaurus.needs_for_text("consultation ONE"),
        ["pregnancy-infants"]
    );
}

#[test]
fn neutral_sentences_tag_nothing() {
    let thesaurus = Thesaurus::bundled();
    let neutral = [
        "Le service est ouvert du lundi au vendredi",
        "De dienst is open van maandag tot vrijdag",
        "Le service est ouvert du lundi au vendredi de 9h à 17h, sur rendez-vous.",
        "De dienst is open van maandag tot vrijdag van 9 tot 17 uur, op afspraak.",
        "Nous contacter par téléphone ou par e-mail",
        "Contacteer ons telefonisch of per e-mail",
        "L'association accueille toute personne qui en fait la demande.",
        "De vereniging helpt iedereen die erom vraagt.",
    ];
    for sentence in neutral {
        for max_edits in [0, 1, 2] {
            let found = thesaurus.match_text(sentence, max_edits);
            assert!(
                found.is_empty(),
                "{sentence:?} (max_edits {max_edits}) → {found:?}"
            );
        }
    }
}

#[test]
fn a_question_may_insert_words_into_a_long_form_a_record_may_not() {
    let thesaurus = Thesaurus::bundled();
    let concepts = |text: &str, max_edits: u8| -> Vec<String> {
        let found = thesaurus.match_text(text, max_edits);
        found.into_iter().map(|found| found.concept).collect()
    };
    let question = "mijn buurvrouw kan niet meer alleen koken";
    assert!(concepts(question, 2).contains(&"meals-on-wheels".to_owned()));
    assert!(!concepts(question, 0).contains(&"meals-on-wheels".to_owned()));
    assert!(thesaurus.needs_for_text(question).is_empty());
    // The inserted words stay outside the form's exact reading: three words apart is too far.
    assert!(!concepts("kan niet meer echt heel goed alleen koken", 2)
        .contains(&"meals-on-wheels".to_owned()));
    // A two-word form takes function words only: "compagnon est violent", not "plus du tout
    // cuisiner".
    assert!(!concepts("plus du tout cuisiner", 2).contains(&"meals-on-wheels".to_owned()));
    let violent = "mon compagnon est violent avec moi";
    assert!(concepts(violent, 2).contains(&"domestic-violence".to_owned()));
    assert!(!concepts(violent, 0).contains(&"domestic-violence".to_owned()));
    // How long or since when does not count among the inserted words.
    let carer = "ik zorg al drie jaar voor mijn vrouw";
    assert!(concepts(carer, 2).contains(&"informal-carers".to_owned()));
    let mother = "je m'occupe depuis deux ans de ma mère";
    assert!(concepts(mother, 2).contains(&"informal-carers".to_owned()));
    assert!(
        !concepts("zorg al drie jaar met zieke oude buren voor mijn vrouw", 2)
            .contains(&"informal-carers".to_owned())
    );
    // Two counted words, then a time word: the limit is reached, nothing overflows.
    let at_the_limit = concepts("zorg echt heel voor al mijn vrouw", 2);
    assert!(at_the_limit.contains(&"informal-carers".to_owned()));
}

#[test]
fn situation_words_read_questions_not_records() {
    let thesaurus = Thesaurus::bundled();
    let question = "mon mari boit trop";
    let read: Vec<String> = thesaurus
        .match_text(question, 0)
        .into_iter()
        .map(|found| found.concept)
        .collect();
    assert!(read.contains(&"alcohol".to_owned()), "{read:?}");
    // The same words in a record's description tag nothing.
    assert!(thesaurus.needs_for_text(question).is_empty());
}

#[test]
fn the_signs_of_memory_loss_are_read_as_such() {
    // Forgetting the gas is a sign of dementia, not a question about an energy bill.
    let thesaurus = Thesaurus::bundled();
    for question in [
        "elle laisse le gaz allumé et elle s'est déjà perdue deux fois",
        "mijn vader laat het gas aanstaan en is al twee keer verdwaald",
    ] {
        let read: Vec<String> = thesaurus
            .match_text(question, 2)
            .into_iter()
            .map(|found| found.concept)
            .collect();
        assert!(
            read.contains(&"dementia".to_owned()),
            "{question:?} → {read:?}"
        );
        assert!(
            !read.contains(&"energy-bills".to_owned()),
            "{question:?} → {read:?}"
        );
    }
}

#[test]
fn everyday_words_are_no_typos_of_needs() {
    // `parce` is one edit from the gambling word `parie`: spelled right, an everyday word
    // is never read as a typo.
    let thesaurus = Thesaurus::bundled();
    let found = thesaurus.match_text("je vous appelle parce que ma mère vit seule", 2);
    let read: Vec<String> = found.into_iter().map(|found| found.concept).collect();
    assert!(!read.contains(&"gambling".to_owned()), "{read:?}");
}

/// The concepts read in a question (typos allowed).
fn question_concepts(thesaurus: &Thesaurus, text: &str) -> Vec<String> {
    let found = thesaurus.match_text(text, 2);
    found.into_iter().map(|found| found.concept).collect()
}

#[test]
fn dictionary_words_are_no_typos_of_needs() {
    // Each is one edit from a need form (`aînés`, `plainte`, `santé`) and a word of the
    // dictionary; a real typo is still read.
    let thesaurus = Thesaurus::bundled();
    let concepts = |text: &str| question_concepts(&thesaurus, text);
    let year = concepts("renvoyée en plein milieu de l'année");
    assert!(!year.contains(&"elderly".to_owned()), "{year:?}");
    let playground = concepts("plaine de jeux pendant les vacances");
    assert!(
        !playground.contains(&"victims".to_owned()),
        "{playground:?}"
    );
    assert!(concepts("mediaton de dettes").contains(&"debt-mediation".to_owned()));
}

#[test]
fn a_match_says_whether_a_situation_word_named_it() {
    let thesaurus = Thesaurus::bundled();
    let story = thesaurus.match_text("mon mari boit trop", 0);
    assert!(story
        .iter()
        .any(|found| found.concept == "alcohol" && found.situation));
    let service = thesaurus.match_text("alcoolisme", 0);
    assert!(service.iter().all(|found| !found.situation), "{service:?}");
}

#[test]
fn a_question_reads_the_overlapping_forms_of_unrelated_needs() {
    let thesaurus = Thesaurus::bundled();
    let concepts = |text: &str| question_concepts(&thesaurus, text);
    // `arrive plus à payer` (money trouble) and `payer mon loyer` (the rent) share `payer`.
    let rent = concepts("je n'arrive plus à payer mon loyer");
    assert!(rent.contains(&"debt".to_owned()), "{rent:?}");
    assert!(rent.contains(&"rent-help".to_owned()), "{rent:?}");
    // A form read with an inserted word (`copain … frappe`) names the narrower need that
    // the exact `me frappe` only names broadly.
    let partner = concepts("mon copain me frappe");
    assert!(
        partner.contains(&"domestic-violence".to_owned()),
        "{partner:?}"
    );
    assert!(!partner.contains(&"violence".to_owned()), "{partner:?}");
}

#[test]
fn a_dutch_subordinate_clause_may_move_the_first_word_of_a_form() {
    // `wil er niet meer zijn` with its verb last, as after `dat`.
    let thesaurus = Thesaurus::bundled();
    let found = thesaurus.match_text("ze zegt dat ze er niet meer wil zijn", 2);
    let read: Vec<&str> = found.iter().map(|found| found.concept.as_str()).collect();
    assert!(read.contains(&"suicide-prevention"), "{read:?}");
    // A record is never read that way.
    assert!(thesaurus
        .needs_for_text("Wij zijn er niet meer wil zijn")
        .is_empty());
}

#[test]
fn spoken_french_may_drop_the_ne_of_a_form() {
    let thesaurus = Thesaurus::bundled();
    let meals = question_concepts(&thesaurus, "ma mère cuisine plus");
    assert!(meals.contains(&"meals-on-wheels".to_owned()), "{meals:?}");
    let lost = question_concepts(&thesaurus, "je sais pas à qui m'adresser");
    assert!(lost.contains(&"general-social-aid".to_owned()), "{lost:?}");
    // The `né` of `nouveau-né` folds like `ne`, and is no negation.
    let patients = question_concepts(&thesaurus, "il ne prend plus de nouveaux patients");
    assert!(
        !patients.contains(&"pregnancy-infants".to_owned()),
        "{patients:?}"
    );
    let baby = question_concepts(&thesaurus, "mon nouveau-né pleure toute la nuit");
    assert!(baby.contains(&"pregnancy-infants".to_owned()), "{baby:?}");
}

#[test]
fn who_speaks_or_is_told_in_a_question_is_no_need() {
    let thesaurus = Thesaurus::bundled();
    let concepts = |text: &str| question_concepts(&thesaurus, text);
    let memory = concepts("mon père oublie tout et le médecin parle d'Alzheimer");
    assert!(memory.contains(&"dementia".to_owned()), "{memory:?}");
    assert!(!memory.contains(&"gp".to_owned()), "{memory:?}");
    let told = concepts("ik durf het niet tegen mijn huisarts te zeggen");
    assert!(!told.contains(&"gp".to_owned()), "{told:?}");
    // A verb of saying followed by a language says what the service speaks.
    let arabic = concepts("médecin généraliste parle arabe");
    assert!(arabic.contains(&"gp".to_owned()), "{arabic:?}");
    // A record's text is read whole.
    let record = thesaurus.needs_for_text("Le médecin généraliste parle avec vous");
    assert!(record.contains(&"gp".to_owned()), "{record:?}");
}

#[test]
fn a_particle_that_changes_the_verb_or_a_thing_that_falls_is_no_need() {
    let thesaurus = Thesaurus::bundled();
    let concepts = |text: &str| question_concepts(&thesaurus, text);
    let looks = concepts("hij drinkt veel en ziet er slecht uit. Kan iemand langsgaan?");
    assert!(
        !looks.contains(&"visual-impairment".to_owned()),
        "{looks:?}"
    );
    assert!(looks.contains(&"alcohol".to_owned()), "{looks:?}");
    let benefit = concepts("le chômage tombe pas avant le 10");
    assert!(
        !benefit.contains(&"personal-alarm".to_owned()),
        "{benefit:?}"
    );
    let fall = concepts("ma mère est déjà tombée deux fois");
    assert!(fall.contains(&"personal-alarm".to_owned()), "{fall:?}");
}
