//! The units of the needs a text names: each recognised concept (its tags, or its words
//! in the texts) and the narrower concept two of them name together.

use super::context::TextContext;
use super::translations::span_translations;
use super::words::{words_query, WordFields, WordMatching};
use super::Pass;
use crate::analysis::{self, DUTCH, FRENCH};
use crate::index::SearchIndex;
use crate::request::{Sort, Understanding};
use orienta_model::Lang;
use orienta_thesaurus::ConceptMatch;
use std::collections::{BTreeMap, HashMap};
use tantivy::query::{BooleanQuery, BoostQuery, ConstScoreQuery, Occur, Query, TermQuery};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::Term;

/// Highlights the words of the concept's French and Dutch labels in the texts.
fn concept_highlights(
    index: &SearchIndex,
    concept: &str,
    highlight_terms: &mut HashMap<Field, BTreeMap<String, f32>>,
) {
    let Some(found) = index.thesaurus().concept(concept) else {
        return;
    };
    let fields = index.fields();
    for (lang, field, analyzer) in [
        (Lang::Fr, fields.text_fr, FRENCH),
        (Lang::Nl, fields.text_nl, DUTCH),
    ] {
        let Some(label) = found.label.get(lang) else {
            continue;
        };
        let entry = highlight_terms.entry(field).or_default();
        for term in analysis::analyze(index.tantivy(), analyzer, label) {
            entry.insert(term, 0.5);
        }
    }
}

/// The weight of a record's primary need matching a recognised concept.
pub(super) const PRIMARY_NEED_WEIGHT: f32 = 4.0;

/// The weight of any other need of the record matching it (broader concepts included).
const NEED_WEIGHT: f32 = 1.5;

/// The weight of a direct broader concept of a recognised need, in the loosest pass; a
/// concept further up weighs half. Measured on the development halves (2026-12-05): 3.0
/// ranks the records of the broader concept before those matching a mere word of the text
/// (dev 0.826 → 0.845, dev-extra 0.712 → 0.730); 0.5 to 5.0 differ by less than 0.005.
const BROADER_WEIGHT: f32 = 3.0;

/// The broader concepts of the recognised needs, scored: a narrow need that finds few
/// services (`nachtopvang`) is followed by the other services of its broader need (the
/// homeless), before records that only share a word with the text.
fn broader_units(index: &SearchIndex, named: &[String]) -> Vec<(Occur, Box<dyn Query>)> {
    let need_field = index.fields().need;
    let expansion = index.thesaurus().broader_expansion(named);
    expansion
        .into_iter()
        .map(|(concept, distance)| {
            let weight = BROADER_WEIGHT / f32::from(distance);
            (Occur::Should, tag_term(need_field, &concept, weight))
        })
        .collect()
}

/// The score a first-line service covering one of the needs adds when the question tells a
/// situation. Measured on the development halves (2026-12-05): everyday questions 0.727 →
/// 0.742 (dev) and 0.670 → 0.705 (dev-extra), other kinds unchanged; 3.0 to 8.0 differ by
/// less than 0.005.
const FIRST_DOOR_WEIGHT: f32 = 5.0;

/// The first-line services (CPAS, CAW, maisons médicales…) that cover one of the `needs`,
/// each scored [`FIRST_DOOR_WEIGHT`]: a caller's situation (`mon propriétaire veut me
/// mettre dehors`) is also the business of the generalist first door, which the blind
/// judges graded relevant in a third of the everyday questions.
fn first_door_unit(index: &SearchIndex, needs: &[String]) -> Box<dyn Query> {
    let fields = index.fields();
    let first_line = Term::from_field_u64(fields.first_line, 1);
    let clauses: Vec<(Occur, Box<dyn Query>)> = vec![
        (
            Occur::Must,
            Box::new(TermQuery::new(first_line, IndexRecordOption::Basic)),
        ),
        (Occur::Must, super::any_term(fields.need, needs.to_vec())),
    ];
    let first_door = BooleanQuery::new(clauses);
    Box::new(ConstScoreQuery::new(
        Box::new(first_door),
        FIRST_DOOR_WEIGHT,
    ))
}

/// The weight of a need guessed from a question's words ([`guessed_units`]) against one it
/// reads. Measured on all development questions once long questions were also guessed from
/// example messages (2026-12-06, session 23): 0.8154 (×0.35), 0.8183 (×0.5), 0.8203 (×0.75),
/// 0.8210 (×1.0), 0.8202 (×1.5); the unread seventh and eighth sets rose with it (0.703 →
/// 0.715, 0.747 → 0.761 from ×0.5 to ×1.0).
const GUESSED_WEIGHT: f32 = 1.0;

/// The units of the needs a question's words point to
/// ([`orienta_thesaurus::Thesaurus::guess_needs`]) that no form read: they rank the records
/// the other units find, never required and never said understood. A need also read is
/// weighed that much more in [`need_units`] instead (`je n'arrive plus à payer mon loyer`,
/// read as debt and rent: its words point to the rent).
fn guessed_units(context: &TextContext, guessed: &[String], read: &[String]) -> Vec<Clause> {
    let fields = context.index.fields();
    let mut units: Vec<Clause> = Vec::new();
    for concept in guessed.iter().filter(|concept| !read.contains(concept)) {
        let primary = PRIMARY_NEED_WEIGHT * GUESSED_WEIGHT;
        units.push((
            Occur::Should,
            tag_term(fields.need_primary, concept, primary),
        ));
        let any = NEED_WEIGHT * GUESSED_WEIGHT;
        units.push((Occur::Should, tag_term(fields.need, concept, any)));
    }
    units
}

/// A term of the tag field `field` (a need, a spoken language) equal to `tag`, weighted by
/// `boost`.
pub(super) fn tag_term(field: Field, tag: &str, boost: f32) -> Box<dyn Query> {
    let term = Term::from_field_text(field, tag);
    Box::new(BoostQuery::new(
        Box::new(TermQuery::new(term, IndexRecordOption::Basic)),
        boost,
    ))
}

/// The unit of a recognised concept: the record's primary need, any of its needs, or (for
/// an exact match) the concept's words in the names.
fn concept_unit(
    context: &TextContext,
    found: &ConceptMatch,
    highlight_terms: &mut HashMap<Field, BTreeMap<String, f32>>,
) -> Box<dyn Query> {
    let TextContext { index, request, .. } = *context;
    let fields = index.fields();
    let primary_query = tag_term(fields.need_primary, &found.concept, PRIMARY_NEED_WEIGHT);
    let need_query = tag_term(fields.need, &found.concept, NEED_WEIGHT);
    let span_words: Vec<String> = context
        .words
        .get(found.start_token..found.end_token.min(context.words.len()))
        .map(<[String]>::to_vec)
        .unwrap_or_default();
    // Sorted by distance, nearness decides the order: only services whose category is
    // the need qualify, or a mere mention close by would outrank the service itself (a
    // relaxed query follows when there is none).
    let tagged_only = request.sort == Sort::Distance && context.pass == Pass::Strict;
    let mut alternatives: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Should, primary_query)];
    if !tagged_only {
        alternatives.push((Occur::Should, need_query));
    }
    // A situation word (`je vois plus personne`) tells the caller's story, not what a
    // service's text says: in a long question, only the concept's tags answer it. A short
    // question is about it: beyond the strict pass its words and their translations count
    // too (`opvang weggelopen tiener` finds `jeunes en fugue`).
    let told_as_topic = !found.situation || is_short_question(context);
    let literal_form = found.edits == 0 && told_as_topic;
    if literal_form && !tagged_only {
        // The concept's words in names and texts: a record that says "logement de transit"
        // but was tagged only with a narrower concept still answers "logement".
        let words_exactly = WordMatching {
            fuzzy: false,
            fields: WordFields::All,
            best_name: context.pass != Pass::Strict,
        };
        let mut written: Vec<Box<dyn Query>> = words_query(
            index,
            &span_words,
            context.query_lang,
            words_exactly,
            highlight_terms,
        )
        .into_iter()
        .collect();
        // Beyond the strict pass only: a translation's common words (`logement`) made the
        // unit score a tenth of the index, doubling the text queries' time (0.42 → 0.78 ms
        // p50 at 100k), for a gain the unread sets did not show.
        if context.pass != Pass::Strict {
            written.extend(span_translations(context, &span_words, highlight_terms));
        }
        if let Some(written) = super::best_of(written) {
            alternatives.push((Occur::Should, written));
        }
    }
    Box::new(BooleanQuery::new(alternatives))
}

/// The most words a question may have for its situation words to be its topic
/// ([`is_short_question`]). Measured on all development questions (2026-12-06, session 21):
/// 0.7960 (situation words never in the texts), 0.7990 (5 and 8 words), 0.7991 (12),
/// 0.7987 (16), 0.7978 (any length); 8 kept, the length of a question that names a
/// situation rather than tells one.
const SHORT_QUESTION_WORDS: usize = 8;

/// Whether a question is short enough that a situation it names is what it asks about
/// (not part of a story), beyond the strict pass.
fn is_short_question(context: &TextContext) -> bool {
    context.pass != Pass::Strict && context.words.len() <= SHORT_QUESTION_WORDS
}

/// A clause of a boolean query: how it must match, and the query.
pub(super) type Clause = (Occur, Box<dyn Query>);

/// The units of the recognised needs (with their concepts) as the pass requires them:
/// each (strict and needs passes), all the concepts but one (most needs), one at least
/// (some need), or none (the loosest passes, where they rank).
fn required_needs(pass: Pass, found_units: Vec<(&str, Box<dyn Query>)>) -> Vec<Clause> {
    let should = |units: Vec<Box<dyn Query>>| -> Vec<Clause> {
        units
            .into_iter()
            .map(|unit| (Occur::Should, unit))
            .collect()
    };
    let units = |found_units: Vec<(&str, Box<dyn Query>)>| -> Vec<Box<dyn Query>> {
        found_units.into_iter().map(|(_, unit)| unit).collect()
    };
    if found_units.is_empty() {
        return Vec::new();
    }
    match pass {
        Pass::Strict | Pass::Needs => units(found_units)
            .into_iter()
            .map(|unit| (Occur::Must, unit))
            .collect(),
        Pass::MostNeeds => {
            let concepts = per_concept(found_units);
            let most = if concepts.len() > 2 {
                concepts.len() - 1
            } else {
                1
            };
            let required = BooleanQuery::with_minimum_required_clauses(should(concepts), most);
            vec![(Occur::Must, Box::new(required))]
        }
        Pass::SomeNeed => {
            let one_at_least = BooleanQuery::new(should(units(found_units)));
            vec![(Occur::Must, Box::new(one_at_least))]
        }
        Pass::Any | Pass::AnyPart => should(units(found_units)),
    }
}

/// One unit per concept: the units of a concept read several times in the text, any of
/// them.
fn per_concept(found_units: Vec<(&str, Box<dyn Query>)>) -> Vec<Box<dyn Query>> {
    let mut grouped: Vec<(&str, Vec<Clause>)> = Vec::new();
    for (concept, unit) in found_units {
        match grouped.iter_mut().find(|(known, _)| *known == concept) {
            Some((_, units)) => units.push((Occur::Should, unit)),
            None => grouped.push((concept, vec![(Occur::Should, unit)])),
        }
    }
    grouped
        .into_iter()
        .map(|(_, units)| -> Box<dyn Query> { Box::new(BooleanQuery::new(units)) })
        .collect()
}

/// Adds the units of the recognised needs to `units` and notes them in `understanding`;
/// returns which words they cover. Every need must match, except in the loosest passes
/// (any need, or any unit). Two needs that together name a narrower one (`sans papiers`
/// and `malade`: urgent medical aid) rank its services first, without requiring them; the
/// needs the question's words point to (`guessed`) rank too ([`guessed_units`]).
pub(super) fn need_units(
    context: &TextContext,
    matches: &[ConceptMatch],
    guessed: &[String],
    units: &mut Vec<(Occur, Box<dyn Query>)>,
    understanding: &mut Understanding,
    highlight_terms: &mut HashMap<Field, BTreeMap<String, f32>>,
) -> Vec<bool> {
    let TextContext {
        index,
        request,
        pass,
        words,
        ..
    } = *context;
    let mut covered = vec![false; words.len()];
    let mut found_units: Vec<(&str, Box<dyn Query>)> = Vec::new();
    for found in matches {
        let span = found.start_token.min(words.len())..found.end_token.min(words.len());
        covered[span].iter_mut().for_each(|flag| *flag = true);
        if !understanding.concepts.contains(&found.concept) {
            understanding.concepts.push(found.concept.clone());
        }
        if request.highlight {
            concept_highlights(index, &found.concept, highlight_terms);
        }
        let unit = concept_unit(context, found, highlight_terms);
        // A need the question's words also point to weighs more ([`guessed_units`]).
        let unit: Box<dyn Query> = if guessed.contains(&found.concept) {
            Box::new(BoostQuery::new(unit, 1.0 + GUESSED_WEIGHT))
        } else {
            unit
        };
        found_units.push((found.concept.as_str(), unit));
    }
    let fields = index.fields();
    for joint in index.thesaurus().joint_narrower(&understanding.concepts) {
        units.push((
            Occur::Should,
            tag_term(fields.need_primary, &joint, PRIMARY_NEED_WEIGHT),
        ));
        units.push((Occur::Should, tag_term(fields.need, &joint, NEED_WEIGHT)));
    }
    if pass.is_any() {
        units.extend(broader_units(index, &understanding.concepts));
    }
    if orienta_text::stopwords::tells_a_situation(words) && !understanding.concepts.is_empty() {
        units.push((
            Occur::Should,
            first_door_unit(index, &understanding.concepts),
        ));
    }
    units.extend(required_needs(pass, found_units));
    units.extend(guessed_units(context, guessed, &understanding.concepts));
    covered
}
