//! The text part of a query: need concepts the thesaurus recognises and the remaining
//! content words, each a unit that must match or only ranks, depending on the [`Pass`]. A
//! place named in the text restricts, except in the loosest pass where it ranks.

use super::context::{Literal, TextContext};
use super::needs::Clause;
use super::places;
use super::words::{words_query, WordFields, WordMatching};
use super::Pass;
use crate::analysis::{self, DUTCH, FRENCH};
use crate::index::SearchIndex;
use crate::request::{SearchRequest, Understanding};
use orienta_model::Lang;
use orienta_text::stopwords;
use orienta_thesaurus::ConceptMatch;
use std::collections::{BTreeMap, HashMap};
use tantivy::query::{BooleanQuery, BoostQuery, Occur, Query};
use tantivy::schema::Field;

/// Whether the French or Dutch analyzer drops `token` as a stop word.
fn is_stop_word(index: &SearchIndex, token: &str) -> bool {
    let schema_index = index.tantivy();
    analysis::analyze(schema_index, FRENCH, token).is_empty()
        || analysis::analyze(schema_index, DUTCH, token).is_empty()
}

/// The text's language (given, else guessed), noted in `understanding`.
fn query_language(
    index: &SearchIndex,
    request: &SearchRequest,
    text: &str,
    understanding: &mut Understanding,
) -> Option<Lang> {
    let (query_lang, guessed) = match request.lang {
        Some(lang) => (Some(lang), false),
        None => (index.thesaurus().guess_lang(text), true),
    };
    understanding.lang = query_lang;
    understanding.lang_guessed = guessed && query_lang.is_some();
    query_lang
}

/// The weight of a word that carries no need (scored, never required) against a content
/// word's 1.
const NO_NEED_WEIGHT: f32 = 0.2;

/// What a content word no concept covers becomes.
enum WordUnit {
    /// An area restriction: it must match, except in the loosest pass where it ranks.
    Place(Box<dyn Query>),
    /// The word in the text fields, required or only scored.
    Text(Occur, Box<dyn Query>),
}

/// The unit of the content word at `position` that no concept covers: an area restriction,
/// or the word in the text fields (only scored when soft or beyond the strict pass; a word
/// after a possessive only breaks ties). `None` when the word adds nothing.
fn word_unit(
    context: &TextContext,
    position: usize,
    highlight_terms: &mut HashMap<Field, BTreeMap<String, f32>>,
) -> Option<WordUnit> {
    let index = context.index;
    let word = &context.words[position];
    if is_stop_word(index, word) {
        return None;
    }
    // `ma femme`, `mijn dochter`: the caller's people and things are no need.
    let after_possessive = position
        .checked_sub(1)
        .and_then(|before| context.words.get(before))
        .is_some_and(|before| stopwords::is_possessive(before));
    let says_no_need = stopwords::is_no_need(word) || word.chars().count() < 2;
    let no_need = says_no_need || after_possessive || context.asker.contains(&position);
    let soft = no_need || context.soft_parts.contains(word);
    // `Bruxelles` in a question means the region, not the City of Brussels.
    let text = context.request.text.as_deref().unwrap_or_default();
    let may_be_place = !says_no_need
        && !after_possessive
        && !context.literal.place_words.contains(word)
        && !places::ordinary_word_alone(index, context.words, position)
        && !places::is_amount(context.words, position, text);
    if let Some(area_query) = may_be_place
        .then(|| places::area_query(index, word))
        .flatten()
    {
        return Some(WordUnit::Place(area_query));
    }
    let word_query = match orienta_text::spoken::named(word) {
        Some(code) => language_names_query(context, word, code, highlight_terms)?,
        None => super::translations::word_with_translations(context, word, highlight_terms)?,
    };
    if no_need {
        // A word that says nothing about the need only breaks ties (`arrive` in
        // `je n'arrive plus à payer mon loyer` must not rank newcomers' services).
        let tie_breaker = Box::new(BoostQuery::new(word_query, NO_NEED_WEIGHT));
        return Some(WordUnit::Text(Occur::Should, tie_breaker));
    }
    let occur = if context.pass == Pass::Strict && !soft {
        Occur::Must
    } else {
        Occur::Should
    };
    Some(WordUnit::Text(occur, word_query))
}

/// A language named in the text, found in the texts under any of its names: `arabisch`
/// also finds `on parle arabe`, `roumanophone` finds `roumain`.
fn language_names_query(
    context: &TextContext,
    word: &str,
    code: &str,
    highlight_terms: &mut HashMap<Field, BTreeMap<String, f32>>,
) -> Option<Box<dyn Query>> {
    let exactly = WordMatching {
        fuzzy: false,
        fields: WordFields::All,
        best_name: context.pass != Pass::Strict,
    };
    let mut names: Vec<Vec<String>> = vec![vec![word.to_owned()]];
    for name in orienta_text::spoken::names(code) {
        let name_words: Vec<String> = name.split(' ').map(str::to_owned).collect();
        if !names.contains(&name_words) {
            names.push(name_words);
        }
    }
    let alternatives: Vec<(Occur, Box<dyn Query>)> = names
        .iter()
        .filter_map(|name| {
            words_query(
                context.index,
                name,
                context.query_lang,
                exactly,
                highlight_terms,
            )
        })
        .map(|query| (Occur::Should, query))
        .collect();
    if alternatives.is_empty() {
        return None;
    }
    Some(Box::new(BooleanQuery::new(alternatives)))
}

/// Which words name a language to learn (`apprendre le néerlandais`, `Frans leren`;
/// [`orienta_text::spoken::taught_at`], as for records): not a language spoken.
fn taught_words(words: &[String]) -> Vec<bool> {
    let mut taught = vec![false; words.len()];
    for (position, _) in orienta_text::spoken::taught_at(words) {
        taught[position] = true;
    }
    taught
}

/// The weight of a language to learn named in a service's texts, against a content word's 1.
/// Measured on all development queries (2026-12-05, session 20): 0.7907 without, 0.7926
/// (×1), 0.7929 (×2 and ×3).
const TAUGHT_LANGUAGE_WEIGHT: f32 = 2.0;

/// The languages to learn (see [`taught_words`]): the services naming them under any of
/// their names rank first, a Dutch course before a French one (`apprendre le néerlandais`
/// 0.85 → 0.90 in three development sets: `Cours de Français` had come second). They are
/// no spoken language of the desk.
fn languages_taught(
    context: &TextContext,
    (spoken, taught): (&[(usize, &'static str)], &[bool]),
    highlight_terms: &mut HashMap<Field, BTreeMap<String, f32>>,
) -> Vec<(Occur, Box<dyn Query>)> {
    let mut units: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    let mut named: Vec<&str> = Vec::new();
    for &(position, code) in spoken {
        if !taught[position] || named.contains(&code) {
            continue;
        }
        named.push(code);
        let word = &context.words[position];
        if let Some(query) = language_names_query(context, word, code, highlight_terms) {
            let weighted = BoostQuery::new(query, TAUGHT_LANGUAGE_WEIGHT);
            units.push((Occur::Should, Box::new(weighted)));
        }
    }
    units
}

/// The words of a text that name a spoken language, with its code (`arabe` → `ar`).
fn spoken_languages(words: &[String]) -> Vec<(usize, &'static str)> {
    let named = words.iter().enumerate();
    named
        .filter_map(|(position, word)| {
            orienta_text::spoken::named(word).map(|code| (position, code))
        })
        .collect()
}

/// Services that speak a language named in the text rank first (scored, not required).
fn spoken_language_boost(index: &SearchIndex, code: &str) -> Box<dyn Query> {
    super::needs::tag_term(index.fields().language, code, SPOKEN_LANGUAGE_BOOST)
}

/// The weight of a spoken language named in the text, as a primary need's.
const SPOKEN_LANGUAGE_BOOST: f32 = super::needs::PRIMARY_NEED_WEIGHT;

/// Notes the spoken languages named in the text (not the `taught` ones) and adds a boost
/// for each; drops the concepts read only from language names.
///
/// A language name is a word the record's text must hold (`on parle arabe`) and a boost
/// for the services known to speak it; a concept read only from language names
/// (`arabisch` as interpreting) is not a need.
fn spoken_languages_understood(
    index: &SearchIndex,
    words: &[String],
    literal: &Literal,
    (matches, spoken, taught): (Vec<ConceptMatch>, &[(usize, &'static str)], &[bool]),
    units: &mut Vec<(Occur, Box<dyn Query>)>,
    understanding: &mut Understanding,
) -> Vec<ConceptMatch> {
    let mut language_word = vec![false; words.len()];
    for &(position, code) in spoken {
        if literal.languages.contains(&code) || taught[position] {
            continue;
        }
        language_word[position] = true;
        if !understanding.languages.iter().any(|known| known == code) {
            understanding.languages.push(code.to_owned());
            units.push((Occur::Should, spoken_language_boost(index, code)));
        }
    }
    matches
        .into_iter()
        .filter(|found| {
            let span = found.start_token..found.end_token.min(words.len());
            !language_word[span].iter().all(|flag| *flag)
        })
        .collect()
}

/// The languages the text names: those to learn rank the services teaching them
/// ([`languages_taught`]), the others are spoken languages
/// ([`spoken_languages_understood`]); returns the needs left.
fn languages_understood(
    context: &TextContext,
    matches: Vec<ConceptMatch>,
    units: &mut Vec<(Occur, Box<dyn Query>)>,
    understanding: &mut Understanding,
    highlight_terms: &mut HashMap<Field, BTreeMap<String, f32>>,
) -> Vec<ConceptMatch> {
    let spoken = spoken_languages(context.words);
    let taught = taught_words(context.words);
    units.extend(languages_taught(
        context,
        (&spoken, &taught),
        highlight_terms,
    ));
    spoken_languages_understood(
        context.index,
        context.words,
        context.literal,
        (matches, &spoken, &taught),
        units,
        understanding,
    )
}

/// The units of the content words no need covers (every word in the loosest pass) added to
/// `units`; returns the places among them, with their positions.
fn word_units(
    context: &TextContext,
    covered: &[bool],
    units: &mut Vec<(Occur, Box<dyn Query>)>,
    highlight_terms: &mut HashMap<Field, BTreeMap<String, f32>>,
) -> (Vec<Clause>, Vec<usize>) {
    let mut places: Vec<Clause> = Vec::new();
    let mut place_positions = Vec::new();
    for (position, &is_covered) in covered.iter().enumerate() {
        // The loosest pass is at least a plain OR of the content words, the words of the
        // recognised needs included (`huurachterstand` finds `huur en huurwaarborg`).
        if is_covered && !context.pass.is_any() {
            continue;
        }
        match word_unit(context, position, highlight_terms) {
            Some(WordUnit::Place(query)) => {
                place_positions.push(position);
                places.push((Occur::Must, query));
            }
            Some(WordUnit::Text(occur, query)) => units.push((occur, query)),
            None => {}
        }
    }
    (places, place_positions)
}

/// Builds the text part of the query; `None` when the text has no content word.
pub(super) fn text_query(
    index: &SearchIndex,
    request: &SearchRequest,
    pass: Pass,
    understanding: &mut Understanding,
    highlight_terms: &mut HashMap<Field, BTreeMap<String, f32>>,
) -> Option<Box<dyn Query>> {
    let text = request.text.as_deref()?.trim();
    if text.is_empty() {
        return None;
    }
    let query_lang = query_language(index, request, text, understanding);
    // Only Dutch compounds are cut: `néerlandais` is no `neerland` + `AIS`.
    let decompounded = (query_lang != Some(Lang::Fr))
        .then(|| super::compounds::decompound(index, text, pass == Pass::AnyPart))
        .flatten();
    let text = decompounded.as_ref().map_or(text, |cut| cut.text.as_str());
    let tokens = orienta_text::tokenize(text);
    let words = tokens.folded();
    let asker = orienta_thesaurus::asker_positions(&tokens.iter().collect::<Vec<_>>());
    let literal = Literal::of(request);
    let mut matches = index.thesaurus().match_text(text, 2);
    matches.retain(|found| !literal.needs.contains(&found.concept.as_str()));
    // Beside a recognised need, the other parts of a compound only qualify it
    // (`schuldenlast`: the debts count, the burden is scored).
    let soft_parts: Vec<String> = match &decompounded {
        Some(cut) if !matches.is_empty() => [cut.whole.clone(), cut.parts.clone()].concat(),
        Some(cut) => cut.whole.clone(),
        None => Vec::new(),
    };
    let context = TextContext {
        index,
        request,
        pass,
        words: &words,
        query_lang,
        soft_parts: &soft_parts,
        literal: &literal,
        asker: &asker,
    };
    let mut units: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    let matches = index.thesaurus().resolve_shared_forms(matches);
    let matches = super::cause::without_causes(text, &words, matches);
    // A need a long story reads in passing (`me mettre à la rue`, told of unpaid rent).
    let matches = index.thesaurus().without_unlikely_needs(text, matches);
    let matches = languages_understood(
        &context,
        matches,
        &mut units,
        understanding,
        highlight_terms,
    );
    let guessed = index.thesaurus().guess_needs(text);
    let covered = super::needs::need_units(
        &context,
        &matches,
        &guessed,
        &mut units,
        understanding,
        highlight_terms,
    );
    let (places, place_positions) = word_units(&context, &covered, &mut units, highlight_terms);
    units.extend(super::translations::phrase_units(
        &context,
        &covered,
        highlight_terms,
    ));
    understanding.places = places::places_named(&words, &place_positions);
    let boosts = super::person::audience_units(&context, understanding);
    assemble(pass, units, boosts, places)
}

/// The weight of a place named in the text where it only ranks (the loosest pass), against
/// its restricting weight's 1: a service in the named commune comes before the same kind of
/// service elsewhere, which the blind judges graded 0 or 1 (`CPAS d'Auderghem` for a
/// question from Ganshoren). Measured on all development queries (2026-12-05, session 20):
/// 0.7872 (×1), 0.7885 (×3), 0.7907 (×6), 0.7901 (×10), 0.7846 (×20).
const PLACE_RANK_WEIGHT: f32 = 6.0;

/// The places and the other units of a text in one query; `None` when there is none.
///
/// The places restrict, except in the loosest pass where they rank
/// ([`PLACE_RANK_WEIGHT`]); the other units must
/// match as the pass says (one at least).
fn assemble(
    pass: Pass,
    units: Vec<(Occur, Box<dyn Query>)>,
    boosts: Vec<(Occur, Box<dyn Query>)>,
    mut places: Vec<(Occur, Box<dyn Query>)>,
) -> Option<Box<dyn Query>> {
    if units.is_empty() && places.is_empty() {
        return None;
    }
    if pass.is_any() && !units.is_empty() {
        let ranked = std::mem::take(&mut places);
        for (_, place) in ranked {
            let weighted = BoostQuery::new(place, PLACE_RANK_WEIGHT);
            places.push((Occur::Should, Box::new(weighted)));
        }
    }
    if !units.is_empty() {
        let mut matched: Box<dyn Query> = Box::new(BooleanQuery::new(units));
        if !boosts.is_empty() {
            let mut ordered = vec![(Occur::Must, matched)];
            ordered.extend(boosts);
            matched = Box::new(BooleanQuery::new(ordered));
        }
        places.push((Occur::Must, matched));
    }
    Some(Box::new(BooleanQuery::new(places)))
}
