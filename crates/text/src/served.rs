//! Services a caller cannot turn to for themselves: those that say they see professionals
//! only (a support centre for debt counsellors, an interpreting service booked by social
//! services) and programmes for the perpetrators of violence. A record's texts say so; a
//! question says whether it is about them (`formation pour intervenants`, `hulp voor
//! daders`). Read on folded words ([`crate::fold`]).

/// Words for the professionals a service may reserve itself to (folded, singular and plural).
const PROFESSIONALS: &[&str] = &[
    "professionnel",
    "professionnels",
    "professionnelle",
    "professionnelles",
    "intervenant",
    "intervenants",
    "professional",
    "professionals",
    "professionele",
    "professionelen",
    "hulpverlener",
    "hulpverleners",
    "beroepskracht",
    "beroepskrachten",
    "zorgverlener",
    "zorgverleners",
];

/// Words that reserve a service to some public (`uniquement`, `alleen voor`).
const ONLY: &[&str] = &[
    "uniquement",
    "exclusivement",
    "seulement",
    "reserve",
    "reserves",
    "alleen",
    "enkel",
    "uitsluitend",
    "voorbehouden",
];

/// Private persons, whom a professionals-only service says it does not see.
const PRIVATE_PERSONS: &[&str] = &["particulier", "particuliers", "particulieren"];

/// Words that refuse (`pas de consultations pour les particuliers`, `geen hulp aan
/// particulieren`).
const REFUSALS: &[&str] = &["pas", "aucune", "aucun", "geen", "niet"];

/// Words for the perpetrators of violence.
const PERPETRATORS: &[&str] = &[
    "auteur",
    "auteurs",
    "agresseur",
    "agresseurs",
    "dader",
    "daders",
    "pleger",
    "plegers",
];

/// Words for the victims of violence (a service for both is one for victims too).
const VICTIMS: &[&str] = &["victime", "victimes", "slachtoffer", "slachtoffers"];

/// How far apart (in words) a reserving word and the public it names may be.
const WINDOW: usize = 4;

/// Whether one of `first` and one of `second` occur within [`WINDOW`] words of each other.
fn near(words: &[&str], first: &[&str], second: &[&str]) -> bool {
    words.iter().enumerate().any(|(position, word)| {
        if !first.contains(word) {
            return false;
        }
        let start = position.saturating_sub(WINDOW);
        let end = (position + WINDOW + 1).min(words.len());
        words[start..end].iter().any(|other| second.contains(other))
    })
}

/// Whether a service's folded texts (its public, its description) say it sees professionals
/// only: `professionnels uniquement`, `réservé aux intervenants`, `alleen voor
/// hulpverleners`, `pas de consultations pour les particuliers`.
pub fn professionals_only(folded: &str) -> bool {
    let words: Vec<&str> = folded.split_whitespace().collect();
    near(&words, ONLY, PROFESSIONALS) || refused(&words)
}

/// Whether a refusal comes before private persons within [`WINDOW`] words (`pas de
/// consultations pour les particuliers`; not `accueil des particuliers, pas de rendez-vous`).
fn refused(words: &[&str]) -> bool {
    words.iter().enumerate().any(|(position, word)| {
        let end = (position + WINDOW + 1).min(words.len());
        REFUSALS.contains(word)
            && words[position + 1..end]
                .iter()
                .any(|next| PRIVATE_PERSONS.contains(next))
    })
}

/// Whether a folded word names violence (`violences`, `partnergeweld`, `maltraitance`).
fn is_violence(word: &str) -> bool {
    word.starts_with("violen")
        || word.ends_with("geweld")
        || word.starts_with("agression")
        || word == "maltraitance"
}

/// Whether a service's folded texts say it works with the perpetrators of violence and not
/// with their victims (`accompagnement des auteurs de violences conjugales`, `begeleiding
/// van plegers van partnergeweld`); the authors of other offences are not meant.
pub fn for_perpetrators(folded: &str) -> bool {
    let words: Vec<&str> = folded.split_whitespace().collect();
    let perpetrators = words.iter().enumerate().any(|(position, word)| {
        let end = (position + WINDOW + 1).min(words.len());
        PERPETRATORS.contains(word) && words[position..end].iter().any(|next| is_violence(next))
    });
    perpetrators && !words.iter().any(|word| VICTIMS.contains(word))
}

/// Whether a question's folded words (those of its asker left out) name professionals: a
/// question about them (`supervision pour intervenants`) may be answered by the services
/// that see professionals only.
pub fn names_professionals<S: AsRef<str>>(words: &[S]) -> bool {
    words
        .iter()
        .any(|word| PROFESSIONALS.contains(&word.as_ref()))
}

/// Verbs of hitting (folded), in the persons a question uses for one who hits.
const HITTING: &[&str] = &[
    "frappe",
    "frappent",
    "tape",
    "tapent",
    "bat",
    "battent",
    "bats",
    "sla",
    "slaat",
    "slaan",
    "mishandel",
    "mishandelt",
    "mishandelen",
];

/// The caller as the one hit (`qui me frappe`, `die mij slaat`).
const HIT_CALLER: &[&str] = &["me", "m", "mij", "nous", "ons"];

/// Whether a question's folded words name perpetrators (`aide pour auteurs de violence`,
/// `begeleiding daders`), people who hit (`hommes qui frappent leur femme`, `mannen die
/// hun partner slaan`) or a caller who hits (`je frappe`, `ik sla`), but not a caller who is
/// hit (`mon mari me frappe`, `mijn man die mij slaat`).
pub fn names_perpetrators<S: AsRef<str>>(words: &[S]) -> bool {
    let words: Vec<&str> = words.iter().map(AsRef::as_ref).collect();
    let hits_someone = words.iter().enumerate().any(|(position, word)| {
        if !HITTING.contains(word) || position == 0 {
            return false;
        }
        let start = position.saturating_sub(WINDOW);
        let before = &words[start..position];
        let subject = before
            .iter()
            .rposition(|word| matches!(*word, "je" | "ik" | "qui" | "die"));
        subject.is_some_and(|at| !before[at..].iter().any(|word| HIT_CALLER.contains(word)))
    });
    hits_someone || words.iter().any(|word| PERPETRATORS.contains(word))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fold;

    #[test]
    fn a_service_for_professionals_only_says_so() {
        for text in [
            "Professionnels uniquement : pas de consultations pour les particuliers",
            "Alleen voor professionals, geen hulp aan particulieren",
            "Réservé aux intervenants sociaux de la Région",
            "Services et professionnels uniquement",
            "Enkel voor hulpverleners en diensten",
        ] {
            assert!(professionals_only(&fold(text)), "{text}");
        }
        for text in [
            "Personnes âgées, proches et professionnels de toute la Région",
            "Enfants, familles et professionnels inquiets pour un enfant",
            "Uniquement sur rendez-vous",
            "Hulpverleners en diensten in Brussel",
            "Accueil des particuliers : pas de rendez-vous nécessaire",
        ] {
            assert!(!professionals_only(&fold(text)), "{text}");
        }
    }

    #[test]
    fn a_programme_for_perpetrators_is_not_one_for_victims() {
        let perpetrators = "Accompagnement des auteurs de violences conjugales";
        assert!(for_perpetrators(&fold(perpetrators)));
        let both = "Aide aux victimes et aux auteurs de violences";
        assert!(!for_perpetrators(&fold(both)));
        assert!(!for_perpetrators(&fold("Écoute des victimes de violences")));
        let offenders = "Aide sociale aux détenus et aux auteurs d'infractions";
        assert!(!for_perpetrators(&fold(offenders)));
        assert!(for_perpetrators(&fold(
            "Begeleiding van plegers van partnergeweld"
        )));
    }

    #[test]
    fn a_question_names_perpetrators_or_professionals() {
        let words = |text: &str| -> Vec<String> {
            fold(text).split_whitespace().map(str::to_owned).collect()
        };
        assert!(names_perpetrators(&words(
            "je frappe ma femme, je veux changer"
        )));
        assert!(names_perpetrators(&words("begeleiding voor daders")));
        assert!(!names_perpetrators(&words("mon mari me frappe")));
        assert!(!names_perpetrators(&words("mijn vriend slaat me")));
        assert!(names_perpetrators(&words(
            "begeleiding voor mannen die hun partner slaan"
        )));
        assert!(names_perpetrators(&words(
            "groupe pour hommes qui frappent leur femme"
        )));
        assert!(!names_perpetrators(&words(
            "mon mari qui me frappe quand il a bu"
        )));
        assert!(!names_perpetrators(&words("mijn man die mij slaat")));
        assert!(names_professionals(&words("formation pour intervenants")));
        assert!(!names_professionals(&words("ik heb overal schulden")));
    }
}
