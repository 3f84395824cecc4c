//! Dutch separable verbs: the particle at the end of a clause changes the verb (`hij ziet
//! er slecht uit` is "he looks ill", not "he sees badly"; `ze valt veel af` is "she loses
//! weight", not "she falls"). A question's Dutch form followed by such a particle that ends
//! its clause is not read.

use orienta_text::Token;

/// Particles of separable verbs that are rarely a preposition just before the end of a
/// clause (`op`, `aan`, `in` are left out: `slaapt op straat`).
const PARTICLES: &[&str] = &["uit", "af", "mee", "terug", "weg", "toe"];

/// Words that start a new clause or sentence after a particle (`ziet er slecht uit. Kan er
/// iemand…`, `valt af en eet niet`).
const CLAUSE_STARTS: &[&str] = &[
    "en", "maar", "want", "dus", "omdat", "kan", "kunt", "wil", "is", "ik", "hij", "ze", "zij",
    "we", "wij", "wie", "wat", "waar", "hoe", "of", "sinds", "nu", "mijn", "het",
];

/// Words between a form and its particle at most (`ze valt veel af`).
const MAX_BETWEEN: usize = 2;

/// True when the form at `start..end` of `tokens` is followed, within its clause and a few
/// words, by a separable particle it does not hold that ends the clause (the text's end or
/// a word that starts a new one).
pub(crate) fn changed_by_particle(tokens: &[Token], start: usize, end: usize) -> bool {
    let form = &tokens[start..end];
    for at in end..tokens.len().min(end + MAX_BETWEEN + 1) {
        let word = tokens[at].folded;
        if CLAUSE_STARTS.contains(&word) {
            return false;
        }
        let particle = PARTICLES.contains(&word) && !form.iter().any(|token| token.folded == word);
        if particle {
            return tokens
                .get(at + 1)
                .is_none_or(|after| CLAUSE_STARTS.contains(&after.folded));
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::changed_by_particle;

    fn reads(text: &str, start: usize, end: usize) -> bool {
        let tokens = orienta_text::tokenize(text);
        let tokens: Vec<_> = tokens.iter().collect();
        changed_by_particle(&tokens, start, end)
    }

    #[test]
    fn a_particle_ending_the_clause_changes_the_verb() {
        assert!(reads("hij ziet er slecht uit", 1, 4));
        assert!(reads("hij ziet er slecht uit en hij drinkt", 1, 4));
        assert!(reads("ze valt veel af", 1, 2));
        assert!(!reads("hij drinkt veel uit verdriet", 1, 3));
        assert!(!reads("ze valt vaak", 1, 3));
        assert!(!reads("mijn vader komt zijn kamer niet uit", 2, 7));
    }
}
