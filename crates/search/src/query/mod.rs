//! Query understanding: from a request to a tantivy query.
//!
//! The text is cut into *units*: each need concept the thesaurus recognises (with typos,
//! in FR, NL or EN) and each remaining content word. A query is built for one [`Pass`]: in
//! the strict pass every unit must match (a concept matches through the record's need tags
//! or through its words); in the needs pass the recognised needs must match and the other
//! words only rank; when the text names three needs or more, a pass follows where all of
//! them but one must match, then, when it names several, one where one of them must match;
//! in the loosest pass any unit may. Filters are added as zero-score `Must` clauses, except broad
//! territory and language filters under a text, which are applied to the text's matches
//! (see `post_filter`).

mod cause;
mod compounds;
mod context;
mod filters;
mod needs;
mod person;
mod places;
mod text;
mod translations;
mod words;

use crate::fit::Fit;
use crate::index::SearchIndex;
use crate::request::{SearchRequest, Understanding};
use std::collections::{BTreeMap, HashMap};
use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, ConstScoreQuery, DisjunctionMaxQuery, Occur, Query,
    TermQuery,
};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::Term;

/// A built query with what the searcher needs to rank and highlight.
pub struct BuiltQuery {
    /// The query to run.
    pub query: Box<dyn Query>,
    /// How the text was understood.
    pub understanding: Understanding,
    /// Analyzed terms to highlight, per field.
    pub highlight_terms: HashMap<Field, BTreeMap<String, f32>>,
    /// What lowers a record for the person the text is about.
    pub fit: Fit,
}

/// The folded tokens of a text, exactly as the thesaurus cuts them (its matches index them).
pub fn tokens(text: &str) -> Vec<String> {
    orienta_text::tokenize(text).folded()
}

/// A filter clause: it must match and adds nothing to the score (a constant scorer, so the
/// filter's own BM25 is never computed).
fn zero_score(query: Box<dyn Query>) -> (Occur, Box<dyn Query>) {
    (Occur::Must, Box::new(ConstScoreQuery::new(query, 0.0)))
}

/// The best of `queries` for each record (each counts once): `None` for none, a single query
/// alone (tantivy's disjunction-max scorer costs even around one query).
pub(crate) fn best_of(mut queries: Vec<Box<dyn Query>>) -> Option<Box<dyn Query>> {
    match queries.len() {
        0 | 1 => queries.pop(),
        _ => Some(Box::new(DisjunctionMaxQuery::new(queries))),
    }
}

/// Any of the values in `field`; one value is its term query alone.
pub(crate) fn any_term(field: Field, values: impl IntoIterator<Item = String>) -> Box<dyn Query> {
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = values
        .into_iter()
        .map(|value| {
            let term = Term::from_field_text(field, &value);
            let query: Box<dyn Query> = Box::new(TermQuery::new(term, IndexRecordOption::Basic));
            (Occur::Should, query)
        })
        .collect();
    if clauses.len() == 1 {
        if let Some((_, query)) = clauses.pop() {
            return query;
        }
    }
    Box::new(BooleanQuery::new(clauses))
}

/// How much of the text a record must match.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pass {
    /// Every unit (recognised need, content word, place).
    Strict,
    /// Every recognised need and place; the other words rank.
    Needs,
    /// All recognised needs but one, and every place (a question telling three needs or
    /// more: a service answering two of them comes before one answering a single one).
    MostNeeds,
    /// One recognised need at least, and every place; the other needs and words rank
    /// (a question that tells two needs is mostly about one of them).
    SomeNeed,
    /// Any unit (several for a long text).
    Any,
    /// Any unit, an unknown compound also cut at its known last part (`deelfrigo` →
    /// `frigo`): the last resort when nothing else matched.
    AnyPart,
}

impl Pass {
    /// Whether any unit may match (the loosest passes).
    pub fn is_any(self) -> bool {
        matches!(self, Self::Any | Self::AnyPart)
    }
}

/// What lowers a record for the person the request's text is about (nothing without text):
/// the reservations it does not name, the ages it names, the language it wants to learn.
pub(crate) fn fit(request: &SearchRequest) -> Fit {
    let Some(text) = request.text.as_deref() else {
        return Fit::default();
    };
    let tokens = orienta_text::tokenize(text);
    let asker = orienta_thesaurus::asker_positions(&tokens.iter().collect::<Vec<_>>());
    let words = tokens.folded();
    let taught = orienta_text::spoken::taught(&words);
    Fit {
        lowered: crate::reserved::lowered(&words, &asker),
        suited_ages: person::suited_ages(&words),
        taught: (!taught.is_empty()).then(|| crate::fit::taught_bits(&taught)),
    }
}

/// Builds the query for a request in one pass.
pub fn build(index: &SearchIndex, request: &SearchRequest, pass: Pass) -> BuiltQuery {
    build_with_fit(index, request, pass, fit(request))
}

/// Builds the query for a request in one pass, with the request's [`fit`] read once for
/// all passes.
pub(crate) fn build_with_fit(
    index: &SearchIndex,
    request: &SearchRequest,
    pass: Pass,
    fit: Fit,
) -> BuiltQuery {
    let mut understanding = Understanding {
        relaxed: pass != Pass::Strict,
        ..Understanding::default()
    };
    let mut highlight_terms = HashMap::new();
    let text = text::text_query(
        index,
        request,
        pass,
        &mut understanding,
        &mut highlight_terms,
    );
    let filters = filters::filter_clauses(index, request, text.is_some());
    let text = text.map(|text| filters.apply_to(index, text));
    let mut clauses = filters.clauses;
    match text {
        Some(text) => clauses.push((Occur::Must, text)),
        // Filters alone select their records; only without any, every record matches.
        None if clauses.is_empty() => clauses.push((
            Occur::Must,
            Box::new(BoostQuery::new(Box::new(AllQuery), 0.0)),
        )),
        None => {}
    }
    BuiltQuery {
        query: Box::new(BooleanQuery::new(clauses)),
        understanding,
        highlight_terms,
        fit,
    }
}
