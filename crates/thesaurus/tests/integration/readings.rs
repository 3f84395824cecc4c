//! How a question's words are read in context: a verb that is no need, a second thing
//! lacking, a shared form its public chooses.

use orienta_thesaurus::Thesaurus;

/// The needs `thesaurus` reads in `question`.
fn needs_read(thesaurus: &Thesaurus, question: &str) -> Vec<String> {
    let read = thesaurus.resolve_shared_forms(thesaurus.match_text(question, 2));
    read.into_iter().map(|found| found.concept).collect()
}

#[test]
fn a_threat_to_do_something_is_no_violence() {
    // `menace de m'expulser`: the landlord threatens an eviction, nobody threatens the
    // caller's safety; `des menaces`, `il me menace` are threats.
    let thesaurus = Thesaurus::bundled();
    let eviction = needs_read(&thesaurus, "mon propriétaire menace de m'expulser");
    assert!(!eviction.contains(&"violence".to_owned()), "{eviction:?}");
    assert!(
        eviction.contains(&"tenant-rights".to_owned()),
        "{eviction:?}"
    );
    for question in [
        "je reçois des menaces de mon voisin",
        "il me menace tous les jours",
    ] {
        let read = needs_read(&thesaurus, question);
        assert!(
            read.contains(&"violence".to_owned()),
            "{question:?} → {read:?}"
        );
    }
}

#[test]
fn the_second_thing_a_person_lacks_is_read_too() {
    // `sans mutuelle ni papiers`: without papers as much as without insurance.
    let thesaurus = Thesaurus::bundled();
    let read = needs_read(
        &thesaurus,
        "médecin gratuit pour enfant sans mutuelle ni papiers",
    );
    assert!(read.contains(&"undocumented".to_owned()), "{read:?}");
    assert!(read.contains(&"health-insurance".to_owned()), "{read:?}");
}

#[test]
fn a_meeting_place_is_the_one_its_public_needs() {
    let thesaurus = Thesaurus::bundled();
    assert_eq!(
        needs_read(&thesaurus, "lieu de rencontre pour ados"),
        ["youth-centre", "youth"]
    );
    assert_eq!(
        needs_read(&thesaurus, "ontmoetingsplek voor senioren"),
        ["elderly-isolation", "elderly"]
    );
}

#[test]
fn a_coordinated_word_reads_its_own_need() {
    // `aide psychologique et juridique`: help of both kinds.
    let thesaurus = Thesaurus::bundled();
    let read = needs_read(
        &thesaurus,
        "aide psychologique et juridique après un accident",
    );
    assert!(read.contains(&"mental-health".to_owned()), "{read:?}");
    assert!(read.contains(&"legal-aid".to_owned()), "{read:?}");
}
