//! Who asks is not what is asked for. Professionals introduce themselves before the
//! situation of the person they help (`Assistante sociale ici.`, `Je suis pharmacienne.`,
//! `Ik ben huisarts in Jette.`, `ik werk bij het OCMW`): the social worker, the GP or the
//! CPAS they name is already there; the need is what follows.

use orienta_text::Token;

/// Folded words for a job whose holder may ask for someone else, French and Dutch, both
/// genders (the first word of the form that names it).
const JOBS: &[&str] = &[
    "medecin",
    "generaliste",
    "docteur",
    "infirmier",
    "infirmiere",
    "assistant",
    "assistante",
    "travailleur",
    "travailleuse",
    "pharmacien",
    "pharmacienne",
    "psychologue",
    "psychiatre",
    "kine",
    "kinesitherapeute",
    "logopede",
    "prof",
    "professeur",
    "professeure",
    "instituteur",
    "institutrice",
    "enseignant",
    "enseignante",
    "educateur",
    "educatrice",
    "sage",
    "dentiste",
    "avocat",
    "avocate",
    "aide",
    "puericultrice",
    "animateur",
    "animatrice",
    "mediateur",
    "mediatrice",
    "benevole",
    "huisarts",
    "arts",
    "dokter",
    "verpleegkundige",
    "thuisverpleegkundige",
    "verpleger",
    "verpleegster",
    "maatschappelijk",
    "sociaal",
    "apotheker",
    "psycholoog",
    "kinesist",
    "kinesitherapeut",
    "logopedist",
    "leerkracht",
    "leraar",
    "lerares",
    "juf",
    "opvoeder",
    "opvoedster",
    "begeleider",
    "begeleidster",
    "vroedvrouw",
    "tandarts",
    "advocaat",
    "zorgverlener",
    "hulpverlener",
    "vrijwilliger",
    "gezinszorger",
    "buurtwerker",
    "straathoekwerker",
];

/// Folded words after which a job is the asker's own (`je suis`, `ik ben`, `comme`,
/// `als`, `en tant que`), articles allowed between.
const BEING: &[&str] = &["suis", "ben", "comme", "als"];

/// Folded articles between `je suis` and a job (`je suis une aide familiale`).
const ARTICLES: &[&str] = &["un", "une", "een", "de", "le", "la", "l"];

/// Folded words that say where the asker stands, just after the job (`Assistante sociale
/// ici`).
const HERE: &[&str] = &["ici", "hier"];

/// Folded verbs of working, after a pronoun (`je travaille au CPAS`, `ik werk bij het
/// OCMW`).
const WORKING: &[&str] = &[
    "travaille",
    "travaillons",
    "travaillent",
    "bosse",
    "werk",
    "werken",
    "werkt",
];

/// Folded pronouns before a verb of working.
const PRONOUNS: &[&str] = &[
    "je", "j", "on", "nous", "ik", "we", "wij", "il", "elle", "hij", "ze", "zij",
];

/// Folded short words between a verb of working and the workplace.
const AT: &[&str] = &[
    "au", "a", "la", "le", "l", "du", "de", "des", "dans", "chez", "pour", "comme", "un", "une",
    "bij", "het", "in", "voor", "op", "een", "als", "aan",
];

/// True when the form at `start..end` of `tokens` is the asker: their job, introduced
/// (`je suis pharmacienne`, `ik ben huisarts`, `Assistante sociale ici` opening a longer
/// question), or their workplace (`je travaille au CPAS`).
pub(crate) fn introduces_the_asker(tokens: &[Token], start: usize, end: usize) -> bool {
    let Some(first) = tokens.get(start) else {
        return false;
    };
    if JOBS.contains(&first.folded) && (introduced(tokens, start) || here(tokens, start, end)) {
        return true;
    }
    works_at(tokens, start)
}

/// `je suis (une) …`, `ik ben (een) …`, `comme …`, `als …`, `en tant que …` just before.
fn introduced(tokens: &[Token], start: usize) -> bool {
    let before = tokens[..start]
        .iter()
        .enumerate()
        .rev()
        .find(|(_, token)| !ARTICLES.contains(&token.folded));
    let Some((at, token)) = before else {
        return false;
    };
    let as_a = token.folded == "que" && at > 0 && tokens[at - 1].folded == "tant";
    as_a || BEING.contains(&token.folded)
}

/// The job opens the question and `ici` or `hier` follows it, with more to say after.
fn here(tokens: &[Token], start: usize, end: usize) -> bool {
    let opens = start <= 2;
    let here_after = tokens
        .get(end)
        .is_some_and(|token| HERE.contains(&token.folded));
    let more_after = tokens.len() >= end + 5;
    opens && here_after && more_after
}

/// Folded words that complete a job named by the word before (`assistante sociale`,
/// `médecin généraliste`, `aide familiale`, `sage-femme`, `maatschappelijk werker`).
const JOB_COMPLEMENTS: &[&str] = &[
    "social",
    "sociale",
    "generaliste",
    "familial",
    "familiale",
    "soignant",
    "soignante",
    "femme",
    "werker",
    "werkster",
    "assistent",
    "assistente",
];

/// The positions of `tokens` that say who asks: an introduced job with its complement
/// (`je suis assistante sociale`, `Médecin généraliste ici`) and the workplace after a
/// verb of working (`ik werk bij het OCMW`). They tell nothing about the need; the places
/// among them stay places for the caller (the search reads them).
pub fn asker_positions(tokens: &[Token]) -> Vec<usize> {
    let mut positions = Vec::new();
    for (at, token) in tokens.iter().enumerate() {
        if JOBS.contains(&token.folded) {
            let complement = tokens
                .get(at + 1)
                .is_some_and(|next| JOB_COMPLEMENTS.contains(&next.folded));
            let end = at + 1 + usize::from(complement);
            if introduced(tokens, at) || here(tokens, at, end) {
                positions.extend(at..end);
            }
        }
        if !AT.contains(&token.folded) && works_at(tokens, at) {
            positions.push(at);
        }
    }
    positions
}

/// A pronoun and a verb of working before the form, short words allowed between.
fn works_at(tokens: &[Token], start: usize) -> bool {
    let verb = tokens[..start]
        .iter()
        .enumerate()
        .rev()
        .take(4)
        .find(|(_, token)| !AT.contains(&token.folded));
    let Some((at, verb)) = verb else {
        return false;
    };
    let pronoun_before = at
        .checked_sub(1)
        .and_then(|before| tokens.get(before))
        .is_some_and(|token| PRONOUNS.contains(&token.folded));
    WORKING.contains(&verb.folded) && pronoun_before
}

#[cfg(test)]
mod tests {
    use super::{asker_positions, introduces_the_asker};

    /// The words of `text` that say who asks.
    fn asker_words(text: &str) -> Vec<String> {
        let tokens = orienta_text::tokenize(text);
        let tokens: Vec<_> = tokens.iter().collect();
        asker_positions(&tokens)
            .into_iter()
            .map(|at| tokens[at].folded.to_owned())
            .collect()
    }

    #[test]
    fn the_askers_own_words_are_found() {
        let social_worker = "Assistante sociale ici. Une maman a trois mois de retard de loyer";
        assert_eq!(asker_words(social_worker), ["assistante", "sociale"]);
        let gp = "Ik ben huisarts in Jette. Een patiënt van 80 valt vaak";
        assert_eq!(asker_words(gp), ["huisarts"]);
        let cpas = "ik werk bij het OCMW en een cliënt heeft schulden";
        assert_eq!(asker_words(cpas), ["ocmw"]);
        let need = "je cherche une assistante sociale pour ma mère";
        assert!(asker_words(need).is_empty());
        let doctor_needed = "mon fils a besoin d'un médecin généraliste";
        assert!(asker_words(doctor_needed).is_empty());
    }

    /// Whether the words `start..end` of `text` are the asker.
    fn asker(text: &str, start: usize, end: usize) -> bool {
        let tokens = orienta_text::tokenize(text);
        let tokens: Vec<_> = tokens.iter().collect();
        introduces_the_asker(&tokens, start, end)
    }

    #[test]
    fn a_professional_introducing_themselves_is_not_the_need() {
        assert!(asker("Je suis pharmacienne. Une dame sans papiers", 2, 3));
        assert!(asker("je suis une aide familiale et ma cliente", 3, 5));
        assert!(asker("Ik ben huisarts in Jette. Een patiënt van 80", 2, 3));
        assert!(asker(
            "Assistante sociale ici. Une maman a trois mois de retard",
            0,
            2
        ));
        assert!(asker(
            "ik werk bij het OCMW en een cliënt heeft schulden",
            4,
            5
        ));
        assert!(asker("je travaille au CPAS de Forest", 3, 4));
        assert!(asker("en tant que médecin, je vois une patiente", 3, 4));
    }

    #[test]
    fn a_situation_or_a_search_stays_a_need() {
        assert!(!asker("je suis enceinte de trois mois", 2, 3));
        assert!(!asker("il faut que médecin et patient se parlent", 3, 4));
        assert!(!asker("je cherche un médecin", 3, 4));
        assert!(!asker("médecin ici à Anderlecht", 0, 1));
        assert!(!asker("ik zoek werk bij een interimkantoor", 5, 6));
        assert!(!asker("je ne travaille plus au CPAS", 5, 6));
    }
}
