//! Who a question is about: a caller who says `mon fils de 16 ans`, `ma mère a 84 ans` or
//! `mijn dochter van 7` asks for help for a young person, an older person or a child, and
//! the services for that public answer first. Read from an age (`16 ans`, `van 19`, `ze is
//! 82`), which no record's text holds; the audience is scored, never required, and undone
//! with `literal=audience:<code>`.

use super::context::TextContext;
use super::needs::tag_term;
use crate::audience::{CHILDREN, OLDER, YOUNG};
use crate::request::Understanding;
use tantivy::query::{Occur, Query};

/// The weight of a record for the public the question is about. Measured on the five
/// development sets (2026-12-05, session 17), everyday questions (139): 0.638 without,
/// 0.640 (1.0), 0.641 (1.5), 0.643 (2.0), 0.646 (3.0); other kinds unchanged. On the fifth
/// set, measured before it was read: everyday 0.609 → 0.614.
const AUDIENCE_WEIGHT: f32 = 3.0;

/// Words after which a bare number is an age (`ze is 82`, `mijn zoon van 16`).
const AGE_BEFORE: &[&str] = &["is", "est", "van"];

/// Words that make the number after them a duration (`al 2 jaar`, `depuis 3 ans`, `il y a
/// 5 ans`), looked for among the two words before it.
const DURATION_BEFORE: &[&str] = &[
    "al", "sinds", "depuis", "pendant", "voor", "y", "bout", "plus", "moins", "na", "binnen",
    "dans", "over", "ongeveer", "environ",
];

/// Words after a number that make it an age.
const AGE_AFTER: &[&str] = &["an", "ans", "jaar", "jarige"];

/// The audience of an age: a child under 12, a young person up to 25, an older person from 65.
fn age_group(age: u32) -> Option<&'static str> {
    match age {
        0..=11 => Some("children"),
        12..=25 => Some("youth"),
        65..=110 => Some("elderly"),
        _ => None,
    }
}

/// The age a number at `position` of the folded words gives, when the words around it make
/// it one (`de 16 ans`, `van 19`, `ze is 82`) and not a duration (`al 2 jaar`).
fn age_at(words: &[String], position: usize) -> Option<u32> {
    let number = words[position].parse::<u32>().ok()?;
    let before = position
        .checked_sub(1)
        .is_some_and(|previous| AGE_BEFORE.contains(&words[previous].as_str()));
    let after = words
        .get(position + 1)
        .is_some_and(|next| AGE_AFTER.contains(&next.as_str()));
    let duration = words[position.saturating_sub(2)..position]
        .iter()
        .any(|word| DURATION_BEFORE.contains(&word.as_str()));
    (!duration && (before || after)).then_some(number)
}

/// The audience codes the ages in a question's folded words name, in text order, without
/// repeats. Only ages: a word for the public (`tiener`, `senioren`) is searched as a word
/// already, and usually inside a need.
pub(super) fn audiences_named(words: &[String]) -> Vec<&'static str> {
    let mut named: Vec<&'static str> = Vec::new();
    for position in 0..words.len() {
        let group = age_at(words, position).and_then(age_group);
        if let Some(group) = group.filter(|group| !named.contains(group)) {
            named.push(group);
        }
    }
    named
}

/// The age bits ([`crate::audience::age_bits`]) of the services that suit the ages a
/// question names: a child or a young person (`mon fils de 16 ans`) those for children or
/// the young, an older person those for older people, an adult (`licencié à 45 ans`) none
/// of them. `None` when it names no age.
pub(crate) fn suited_ages(words: &[String]) -> Option<u64> {
    let mut suited: Option<u64> = None;
    for position in 0..words.len() {
        let Some(age) = age_at(words, position) else {
            continue;
        };
        let bits = match age {
            0..=25 => CHILDREN | YOUNG,
            65..=110 => OLDER,
            _ => 0,
        };
        suited = Some(suited.unwrap_or(0) | bits);
    }
    suited
}

/// A scored unit per audience the question names ([`audiences_named`]) and not undone,
/// noted in `understanding`.
pub(super) fn audience_units(
    context: &TextContext,
    understanding: &mut Understanding,
) -> Vec<(Occur, Box<dyn Query>)> {
    let field = context.index.fields().audience;
    let weight = AUDIENCE_WEIGHT;
    let mut named = audiences_named(context.words);
    named.retain(|code| !context.literal.audiences.contains(code));
    understanding.audiences = named.iter().map(|code| (*code).to_owned()).collect();
    named
        .into_iter()
        .map(|code| (Occur::Should, tag_term(field, code, weight)))
        .collect()
}

#[cfg(test)]
mod tests {
    fn audiences_named(text: &str) -> Vec<&'static str> {
        let words = crate::query::tokens(text);
        super::audiences_named(&words)
    }

    #[test]
    fn an_age_or_a_word_names_the_public() {
        assert_eq!(audiences_named("mon fils de 16 ans fume"), ["youth"]);
        assert_eq!(audiences_named("Ze is 82 en woont alleen"), ["elderly"]);
        assert_eq!(audiences_named("ma mère a 84 ans"), ["elderly"]);
        assert_eq!(audiences_named("mijn dochter van 7"), ["children"]);
        assert!(audiences_named("une ado en fugue").is_empty());
        assert!(audiences_named("j'ai 3 mois de loyer en retard").is_empty());
        assert!(audiences_named("j'ai 40 ans").is_empty());
        assert!(audiences_named("ik ben al 2 jaar zonder papieren").is_empty());
        assert!(audiences_named("il y a 5 ans").is_empty());
        assert!(audiences_named("mes ouders zijn gescheiden").is_empty());
    }

    #[test]
    fn an_age_says_which_services_suit() {
        let suited = |text: &str| super::suited_ages(&crate::query::tokens(text));
        use crate::audience::{CHILDREN, OLDER, YOUNG};
        assert_eq!(suited("mon fils de 16 ans"), Some(CHILDREN | YOUNG));
        assert_eq!(suited("ma mère a 84 ans"), Some(OLDER));
        assert_eq!(suited("licencié à 45 ans"), Some(0));
        assert_eq!(suited("depuis 3 ans sans papiers"), None);
    }
}
