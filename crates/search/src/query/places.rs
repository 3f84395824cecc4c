//! Places named in a question: a word of a commune, quartier, bassin or postcode name
//! restricts where. An everyday word of a place name (`trois` of `Trois Tilleuls`, `gare` of
//! `Gare du Midi`) is a place only inside the name or after a cue (`quartier Maritime`).

use crate::analysis::{self, FOLD};
use crate::index::SearchIndex;
use orienta_text::place_names;
use tantivy::query::{BooleanQuery, BoostQuery, Occur, Query, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::Term;

/// The area field's term for a word, when the word is one term of 4 letters or more.
fn area_term(index: &SearchIndex, word: &str) -> Option<Term> {
    let terms = analysis::analyze(index.tantivy(), FOLD, word);
    let [term] = terms.as_slice() else {
        return None;
    };
    if term.chars().count() < 4 {
        return None;
    }
    Some(Term::from_field_text(index.fields().area, term))
}

/// True when some record's area holds the word.
fn is_area_word(index: &SearchIndex, word: &str) -> bool {
    area_term(index, word).is_some_and(|term| index.searcher().doc_freq(&term).unwrap_or(0) > 0)
}

/// The nearest word before (`step` −1) or after (+1) `position`, across up to two short
/// words that join a place name (`Gare du Midi`, `Bois de la Cambre`).
fn neighbour(words: &[String], position: usize, step: isize) -> Option<&str> {
    let mut at = position;
    for _ in 0..3 {
        at = at.checked_add_signed(step)?;
        let word = words.get(at)?;
        if !place_names::is_linking(word) {
            return Some(word);
        }
    }
    None
}

/// True when the word at `position` is an everyday word of a place name standing alone:
/// no cue among the three words before it and no place word next to it (`depuis trois
/// mois`, `une place en crèche`, `al drie jaar`).
pub(super) fn ordinary_word_alone(index: &SearchIndex, words: &[String], position: usize) -> bool {
    let Some(word) = words.get(position) else {
        return false;
    };
    if !place_names::is_ordinary_word(word) {
        return false;
    }
    let announced = words[position.saturating_sub(3)..position]
        .iter()
        .any(|before| place_names::is_cue(before));
    if announced {
        return false;
    }
    let inside_a_name = [-1, 1]
        .into_iter()
        .filter_map(|step| neighbour(words, position, step))
        .any(|next| is_area_word(index, next));
    !inside_a_name
}

/// Folded words of money after a number (`1200 euros`, `1050 eur`).
const CURRENCY: &[&str] = &["euro", "euros", "eur", "balles"];

/// True when the number at `position` is an amount of money, not a postcode: a currency
/// word follows it, or the text writes `€` next to it (`une facture de 1200 €`, `€1050`).
pub(super) fn is_amount(words: &[String], position: usize, text: &str) -> bool {
    let Some(word) = words.get(position) else {
        return false;
    };
    if !word.bytes().all(|byte| byte.is_ascii_digit()) {
        return false;
    }
    let currency_after = words
        .get(position + 1)
        .is_some_and(|next| CURRENCY.contains(&next.as_str()));
    let euro_sign = text.match_indices(word.as_str()).any(|(at, _)| {
        let before = text[..at].trim_end().ends_with('€');
        let after = text[at + word.len()..].trim_start().starts_with('€');
        before || after
    });
    currency_after || euro_sign
}

/// A word that names an area (commune, quartier, bassin, postcode) restricts where, and
/// does not rank services that merely carry the place in their name.
pub(super) fn area_query(index: &SearchIndex, word: &str) -> Option<Box<dyn Query>> {
    let area_term = area_term(index, word)?;
    let in_areas = index.searcher().doc_freq(&area_term).unwrap_or(0) > 0;
    if !in_areas {
        return None;
    }
    let name_term = Term::from_field_text(index.fields().name_any, area_term.value().as_str()?);
    let clauses: Vec<(Occur, Box<dyn Query>)> = vec![
        (
            Occur::Should,
            Box::new(BoostQuery::new(
                Box::new(TermQuery::new(area_term, IndexRecordOption::Basic)),
                0.5,
            )),
        ),
        (
            Occur::Should,
            Box::new(BoostQuery::new(
                Box::new(TermQuery::new(name_term, IndexRecordOption::Basic)),
                0.2,
            )),
        ),
    ];
    Some(Box::new(BooleanQuery::new(clauses)))
}

/// The places named in a text: its place words, neighbours joined with the short words
/// between them (`sint gillis`, `gare du midi`), each name once.
pub(super) fn places_named(words: &[String], positions: &[usize]) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    let mut previous: Option<usize> = None;
    for &position in positions {
        let joined = previous.filter(|&before| {
            words[before + 1..position]
                .iter()
                .all(|between| place_names::is_linking(between))
        });
        match (joined, names.last_mut()) {
            (Some(before), Some(name)) => {
                for word in &words[before + 1..=position] {
                    name.push(' ');
                    name.push_str(word);
                }
            }
            _ => names.push(words[position].clone()),
        }
        previous = Some(position);
    }
    let mut seen = std::collections::HashSet::new();
    names.retain(|name| seen.insert(name.clone()));
    names
}
