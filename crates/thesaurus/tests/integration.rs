//! Tests on the bundled `data/thesaurus.toml`.

use orienta_model::{CareLine, Lang};
use orienta_thesaurus::{Thesaurus, ThesaurusError};

#[path = "integration/categories.rs"]
mod categories;
#[path = "integration/phrases.rs"]
mod phrases;
#[path = "integration/readings.rs"]
mod readings;

fn thesaurus() -> Thesaurus {
    Thesaurus::bundled()
}

#[test]
fn bundled_thesaurus_is_valid() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../data/thesaurus.toml"
    ))
    .unwrap();
    if let Err(error) = Thesaurus::from_toml_str(&text) {
        panic!("{error}");
    }
    assert!(!thesaurus().version().is_empty());
}

#[test]
fn load_reads_a_file_and_reports_a_missing_one() {
    let path = std::path::Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../data/thesaurus.toml"
    ));
    let loaded = Thesaurus::load(path).unwrap();
    assert_eq!(loaded.concepts().len(), thesaurus().concepts().len());
    let missing = Thesaurus::load(std::path::Path::new("/nonexistent/thesaurus.toml"));
    assert!(matches!(missing, Err(ThesaurusError::Io { .. })));
}

#[test]
fn has_at_least_70_concepts() {
    let count = thesaurus().concepts().len();
    assert!(count >= 70, "only {count} concepts");
}

#[test]
fn hierarchy_goes_both_ways() {
    let thesaurus = thesaurus();
    let food = thesaurus.with_narrower("food-aid");
    assert_eq!(food[0], "food-aid");
    for narrower in [
        "social-restaurant",
        "social-grocery",
        "food-parcels",
        "meals-on-wheels",
    ] {
        assert!(
            food.contains(&narrower.to_owned()),
            "{narrower} not under food-aid"
        );
    }
    let homeless = thesaurus.with_narrower("homelessness");
    for narrower in [
        "night-shelter",
        "day-centre-homeless",
        "housing-first",
        "shelter-home",
    ] {
        assert!(
            homeless.contains(&narrower.to_owned()),
            "{narrower} not under homelessness"
        );
    }
    assert_eq!(
        thesaurus.with_narrower("no-such-concept"),
        ["no-such-concept"]
    );
    assert_eq!(
        thesaurus.broader_chain("psychiatric-care-home"),
        ["psychiatric-care", "mental-health"]
    );
    assert!(thesaurus.broader_chain("food-aid").is_empty());
}

#[test]
fn care_line_prefers_first_line() {
    let thesaurus = thesaurus();
    assert_eq!(
        thesaurus.care_line(&["cpas", "food-parcels"]),
        Some(CareLine::FirstLine)
    );
    assert_eq!(
        thesaurus.care_line(&["food-parcels"]),
        Some(CareLine::Specialised)
    );
    assert_eq!(thesaurus.care_line(&["no-such-concept"]), None);
    assert_eq!(thesaurus.care_line::<&str>(&[]), None);
    for first in [
        "cpas",
        "general-welfare-centre",
        "community-health-centre",
        "neighbourhood-house",
        "mutuality-social-service",
        "general-social-aid",
    ] {
        assert_eq!(
            thesaurus.concept(first).unwrap().line,
            CareLine::FirstLine,
            "{first}"
        );
    }
}

#[test]
fn terms_give_words_for_query_expansion() {
    let (fr, nl, en, acronyms) = thesaurus().terms("cpas");
    assert_eq!(fr[0], "CPAS (centre public d'action sociale)");
    assert!(nl.contains(&"leefloon".to_owned()));
    assert!(!en.is_empty());
    assert_eq!(acronyms, ["CPAS", "OCMW", "RIS"]);
    assert_eq!(thesaurus().terms("nope"), Default::default());
}

#[test]
fn suggest_puts_labels_first() {
    let thesaurus = thesaurus();
    let found = thesaurus.suggest("coli", Lang::Fr, 5);
    assert_eq!(found[0].concept, "food-parcels");
    assert_eq!(found[0].label, "Colis alimentaires");
    let found = thesaurus.suggest("Maison méd", Lang::Nl, 3);
    assert_eq!(found[0].concept, "community-health-centre");
    assert_eq!(found[0].label, "Wijkgezondheidscentrum");
    let found = thesaurus.suggest("ocm", Lang::Fr, 3);
    assert_eq!(found[0].concept, "cpas");
    let found = thesaurus.suggest("dettes", Lang::Fr, 10);
    assert!(
        found
            .iter()
            .any(|suggestion| suggestion.concept == "debt-mediation"),
        "{found:?}"
    );
    assert_eq!(thesaurus.suggest("ma", Lang::Fr, 2).len(), 2);
    assert!(thesaurus.suggest("  ", Lang::Fr, 5).is_empty());
}

#[test]
fn guesses_query_language() {
    let thesaurus = thesaurus();
    assert_eq!(thesaurus.guess_lang("colis alimentaire"), Some(Lang::Fr));
    assert_eq!(thesaurus.guess_lang("voedselpakket"), Some(Lang::Nl));
    assert_eq!(
        thesaurus.guess_lang("maison médicale Schaerbeek"),
        Some(Lang::Fr)
    );
    assert_eq!(
        thesaurus.guess_lang("wijkgezondheidscentrum Schaarbeek"),
        Some(Lang::Nl)
    );
    assert_eq!(thesaurus.guess_lang("ik zoek een huisarts"), Some(Lang::Nl));
    assert_eq!(
        thesaurus.guess_lang("je cherche un médecin"),
        Some(Lang::Fr)
    );
    assert_eq!(thesaurus.guess_lang("CPAS"), Some(Lang::Fr));
    assert_eq!(thesaurus.guess_lang("OCMW"), Some(Lang::Nl));
    assert_eq!(thesaurus.guess_lang("Housing First"), None);
    assert_eq!(thesaurus.guess_lang("Schaerbeek"), None);
}

#[test]
fn concept_list_snapshot() {
    let lines: Vec<String> = thesaurus()
        .concepts()
        .iter()
        .map(|concept| {
            let line = match concept.line {
                CareLine::FirstLine => "first",
                CareLine::Specialised => "spec",
            };
            let broader = match concept.broader.as_slice() {
                [] => String::new(),
                parents => format!(" < {}", parents.join(", ")),
            };
            format!(
                "{} [{line}] {} | {}{broader}",
                concept.id,
                concept.label.fr.as_deref().unwrap_or("-"),
                concept.label.nl.as_deref().unwrap_or("-"),
            )
        })
        .collect();
    insta::assert_snapshot!(lines.join("\n"));
}
