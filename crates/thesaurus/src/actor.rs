//! Who speaks or is spoken to in a question is not what is asked for: in `le médecin parle
//! d'Alzheimer`, `de huisarts zegt dat…` or `ik durf het niet tegen mijn huisarts te
//! zeggen`, the doctor is already there; the need is what they speak about. A form followed
//! by a verb of saying, or told something after `tegen`, is such a speaker or listener.

use orienta_text::Token;

/// Folded verbs of saying or thinking aloud, in French and Dutch (not of sending: in `het
/// ziekenfonds stuurt papieren`, the papers of the fund are the need).
const SAYING: &[&str] = &[
    "dit",
    "disent",
    "parle",
    "parlent",
    "pense",
    "pensent",
    "trouve",
    "conseille",
    "conseillent",
    "propose",
    "recommande",
    "explique",
    "soupconne",
    "evoque",
    "zegt",
    "zeggen",
    "zei",
    "zeiden",
    "denkt",
    "dacht",
    "vindt",
    "vond",
    "spreekt",
    "sprak",
    "raadt",
    "adviseert",
    "vermoedt",
    "noemt",
    "vertellen",
];

/// Short words between a speaker and its verb (`le médecin m'a dit`, `de dokter heeft
/// gezegd` is read through `heeft`).
const BETWEEN: &[&str] = &[
    "m", "me", "nous", "lui", "leur", "a", "ont", "heeft", "hebben", "ook",
];

/// Words after which a form is the one a thing is said to (`tegen mijn huisarts`).
const TOLD_TO: &[&str] = &["tegen"];

/// True when the form at `start..end` of `tokens` is who speaks (followed by a verb of
/// saying, a few short words allowed between) or who is spoken to (`tegen` just before it,
/// a possessive allowed, and a verb of saying after it). A verb followed by a language
/// (`médecin parle arabe`, `huisarts spreekt Turks`) says what the service speaks.
pub(crate) fn speaks_or_is_told(tokens: &[Token], start: usize, end: usize) -> bool {
    let verb = (end..tokens.len().min(end + 3)).find(|&at| !BETWEEN.contains(&tokens[at].folded));
    let followed_by_saying = verb.is_some_and(|at| SAYING.contains(&tokens[at].folded));
    if followed_by_saying {
        let spoken_language = tokens[verb.unwrap_or(end) + 1..]
            .iter()
            .take(2)
            .any(|token| orienta_text::spoken::named(token.folded).is_some());
        return !spoken_language;
    }
    let told_to = tokens[start.saturating_sub(2)..start]
        .iter()
        .any(|token| TOLD_TO.contains(&token.folded));
    let saying_later = tokens[end..]
        .iter()
        .take(3)
        .any(|token| SAYING.contains(&token.folded));
    told_to && saying_later
}

#[cfg(test)]
mod tests {
    use super::speaks_or_is_told;

    /// Whether the words `start..end` of `text` speak or are told.
    fn reads(text: &str, start: usize, end: usize) -> bool {
        let tokens = orienta_text::tokenize(text);
        let tokens: Vec<_> = tokens.iter().collect();
        speaks_or_is_told(&tokens, start, end)
    }

    #[test]
    fn a_speaker_or_a_listener_is_not_the_need() {
        assert!(reads("le médecin parle d'Alzheimer", 1, 2));
        assert!(reads("le médecin m'a dit", 1, 2));
        assert!(reads("de huisarts zegt dat", 1, 2));
        assert!(reads(
            "ik durf het niet tegen mijn huisarts te zeggen",
            6,
            7
        ));
        assert!(!reads("médecin parle arabe", 0, 1));
        assert!(!reads("huisarts spreekt Turks", 0, 1));
        assert!(!reads("psy qui parle arabe", 0, 1));
        assert!(!reads("je cherche un médecin", 3, 4));
    }
}
