//! Query understanding: from a request to a tantivy query.
//!
//! The text is cut into *units*: each need concept the thesaurus recognises (with typos,
//! in FR, NL or EN) and each remaining content word. In strict mode every unit must match
//! (a concept matches through the record's need tags or through its words); in relaxed
//! mode any unit may. Filters are added as zero-score `Must` clauses, except broad
//! territory and language filters under a text, which are applied to the text's matches
//! (see `post_filter`).

use crate::analysis::{self, DUTCH, FOLD, FRENCH};
use crate::geo_filter;
use crate::hours;
use crate::index::SearchIndex;
use crate::post_filter::FilteredQuery;
use crate::request::{SearchRequest, Sort, SyntheticFilter, Understanding};
use orienta_model::Lang;
use std::collections::{BTreeMap, HashMap};
use tantivy::query::doc_predicate_query::{DocPredicateQuery, FunctionPredicate};
use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, ConstScoreQuery, FuzzyTermQuery, Occur, Query, TermQuery,
};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{DocId, SegmentReader, Term};

/// Words that carry no need: never required, only scored.
const SOFT_WORDS: &[&str] = &[
    "aide",
    "aider",
    "hulp",
    "help",
    "service",
    "services",
    "dienst",
    "diensten",
    "centre",
    "centrum",
    "center",
    "cherche",
    "recherche",
    "zoek",
    "zoeken",
    "besoin",
    "nodig",
    "need",
    "besoins",
    "personne",
    "personnes",
    "mensen",
    "persoon",
    "bruxelles",
    "brussel",
    "brussels",
    "pres",
    "proche",
    "buurt",
    "dichtbij",
    "near",
    "quartier",
    "wijk",
    "je",
    "ik",
    "mon",
    "mijn",
];

/// A built query with what the searcher needs to rank and highlight.
pub struct BuiltQuery {
    /// The query to run.
    pub query: Box<dyn Query>,
    /// How the text was understood.
    pub understanding: Understanding,
    /// Analyzed terms to highlight, per field.
    pub highlight_terms: HashMap<Field, BTreeMap<String, f32>>,
}

/// The folded tokens of a text, exactly as the thesaurus cuts them (its matches index them).
pub fn tokens(text: &str) -> Vec<String> {
    orienta_text::tokenize(text).folded()
}

fn is_stop_word(index: &SearchIndex, token: &str) -> bool {
    let schema_index = index.tantivy();
    analysis::analyze(schema_index, FRENCH, token).is_empty()
        || analysis::analyze(schema_index, DUTCH, token).is_empty()
}

/// A filter clause: it must match and adds nothing to the score (a constant scorer, so the
/// filter's own BM25 is never computed).
fn zero_score(query: Box<dyn Query>) -> (Occur, Box<dyn Query>) {
    (Occur::Must, Box::new(ConstScoreQuery::new(query, 0.0)))
}

/// Any of the values in `field`; one value is its term query alone.
fn any_term(field: Field, values: impl IntoIterator<Item = String>) -> Box<dyn Query> {
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

/// One text field searched with its analyzer and weight.
struct TextField {
    field: Field,
    analyzer: &'static str,
    weight: f32,
    lang: Option<Lang>,
    fuzzy: bool,
    is_name: bool,
}

fn text_fields(index: &SearchIndex) -> [TextField; 6] {
    let fields = index.fields();
    [
        TextField {
            field: fields.name_fr,
            is_name: true,
            analyzer: FRENCH,
            weight: 3.0,
            lang: Some(Lang::Fr),
            fuzzy: false,
        },
        TextField {
            field: fields.name_nl,
            is_name: true,
            analyzer: DUTCH,
            weight: 3.0,
            lang: Some(Lang::Nl),
            fuzzy: false,
        },
        TextField {
            field: fields.name_any,
            is_name: true,
            analyzer: FOLD,
            weight: 2.5,
            lang: None,
            fuzzy: true,
        },
        TextField {
            field: fields.text_fr,
            is_name: false,
            analyzer: FRENCH,
            weight: 1.0,
            lang: Some(Lang::Fr),
            fuzzy: true,
        },
        TextField {
            field: fields.text_nl,
            is_name: false,
            analyzer: DUTCH,
            weight: 1.0,
            lang: Some(Lang::Nl),
            fuzzy: true,
        },
        TextField {
            field: fields.place,
            is_name: false,
            analyzer: FOLD,
            weight: 1.5,
            lang: None,
            fuzzy: true,
        },
    ]
}

fn fuzzy_distance(token: &str) -> u8 {
    match token.chars().count() {
        0..=4 => 0,
        5..=8 => 1,
        _ => 2,
    }
}

/// Where [`words_query`] looks for the words.
#[derive(Clone, Copy, PartialEq, Eq)]
enum WordFields {
    /// Names, descriptions and streets.
    All,
    /// Names only (a recognised need already matches descriptions through its tags).
    Names,
}

/// The query for a sequence of words in the text fields: all words in one field, fuzzy on
/// longer words. Records the analyzed terms for highlighting. (No phrase clause: reading
/// positions of frequent name words such as `maison` tripled the slowest queries' time, and
/// the judged set ranks the same without it.)
fn words_query(
    index: &SearchIndex,
    words: &[String],
    query_lang: Option<Lang>,
    (fuzzy, word_fields): (bool, WordFields),
    highlight_terms: &mut HashMap<Field, BTreeMap<String, f32>>,
) -> Option<Box<dyn Query>> {
    let mut per_field: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    let text = words.join(" ");
    for text_field in text_fields(index) {
        if word_fields == WordFields::Names && !text_field.is_name {
            continue;
        }
        let terms = analysis::analyze(index.tantivy(), text_field.analyzer, &text);
        if terms.is_empty() {
            continue;
        }
        let lang_boost = match (query_lang, text_field.lang) {
            (Some(query), Some(field)) if query == field => 1.5,
            _ => 1.0,
        };
        let weight = text_field.weight * lang_boost;
        let highlight = highlight_terms.entry(text_field.field).or_default();
        for term in &terms {
            highlight.insert(term.clone(), 1.0);
        }
        let exact: Box<dyn Query> = if terms.len() == 1 {
            let term = Term::from_field_text(text_field.field, &terms[0]);
            Box::new(TermQuery::new(term, IndexRecordOption::WithFreqs))
        } else {
            let all: Vec<(Occur, Box<dyn Query>)> = terms
                .iter()
                .map(|term| {
                    let term = Term::from_field_text(text_field.field, term);
                    let query: Box<dyn Query> =
                        Box::new(TermQuery::new(term, IndexRecordOption::WithFreqs));
                    (Occur::Must, query)
                })
                .collect();
            Box::new(BooleanQuery::new(all))
        };
        per_field.push((Occur::Should, Box::new(BoostQuery::new(exact, weight))));
        let single_long_word = terms.len() == 1 && words.len() == 1;
        if fuzzy && text_field.fuzzy && single_long_word {
            let distance = fuzzy_distance(&words[0]);
            if distance > 0 {
                let term = Term::from_field_text(text_field.field, &terms[0]);
                let fuzzy_query: Box<dyn Query> =
                    Box::new(FuzzyTermQuery::new(term, distance, true));
                per_field.push((
                    Occur::Should,
                    Box::new(BoostQuery::new(fuzzy_query, weight * 0.4)),
                ));
            }
        }
    }
    if per_field.is_empty() {
        return None;
    }
    Some(Box::new(BooleanQuery::new(per_field)))
}

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

/// Builds the text part of the query; `None` when the text has no content word.
fn text_query(
    index: &SearchIndex,
    request: &SearchRequest,
    relaxed: bool,
    understanding: &mut Understanding,
    highlight_terms: &mut HashMap<Field, BTreeMap<String, f32>>,
) -> Option<Box<dyn Query>> {
    let text = request.text.as_deref()?.trim();
    if text.is_empty() {
        return None;
    }
    let words = tokens(text);
    let matches = index.thesaurus().match_text(text, 2);
    let (query_lang, guessed) = match request.lang {
        Some(lang) => (Some(lang), false),
        None => (index.thesaurus().guess_lang(text), true),
    };
    understanding.lang = query_lang;
    understanding.lang_guessed = guessed && query_lang.is_some();

    let mut covered = vec![false; words.len()];
    let mut units: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    let need_field = index.fields().need;
    let primary_field = index.fields().need_primary;
    for found in &matches {
        for flag in covered
            .iter_mut()
            .take(found.end_token.min(words.len()))
            .skip(found.start_token)
        {
            *flag = true;
        }
        if !understanding.concepts.contains(&found.concept) {
            understanding.concepts.push(found.concept.clone());
        }
        if request.highlight {
            concept_highlights(index, &found.concept, highlight_terms);
        }
        let primary_term = Term::from_field_text(primary_field, &found.concept);
        let primary_query: Box<dyn Query> = Box::new(BoostQuery::new(
            Box::new(TermQuery::new(primary_term, IndexRecordOption::Basic)),
            4.0,
        ));
        let need_term = Term::from_field_text(need_field, &found.concept);
        let need_query: Box<dyn Query> = Box::new(BoostQuery::new(
            Box::new(TermQuery::new(need_term, IndexRecordOption::Basic)),
            1.5,
        ));
        let span_words: Vec<String> = words
            .get(found.start_token..found.end_token.min(words.len()))
            .map(<[String]>::to_vec)
            .unwrap_or_default();
        // Sorted by distance, nearness decides the order: only services whose category is
        // the need qualify, or a mere mention close by would outrank the service itself (a
        // relaxed query follows when there is none).
        let tagged_only = request.sort == Sort::Distance && !relaxed;
        let mut alternatives: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Should, primary_query)];
        if !tagged_only {
            alternatives.push((Occur::Should, need_query));
        }
        if found.edits == 0 && !tagged_only {
            if let Some(words_query) = words_query(
                index,
                &span_words,
                query_lang,
                (false, WordFields::Names),
                highlight_terms,
            ) {
                alternatives.push((Occur::Should, words_query));
            }
        }
        units.push((Occur::Must, Box::new(BooleanQuery::new(alternatives))));
    }
    for (position, word) in words.iter().enumerate() {
        if covered[position] || is_stop_word(index, word) {
            continue;
        }
        let soft = SOFT_WORDS.contains(&word.as_str()) || word.chars().count() < 2;
        if let Some(area_query) = area_query(index, word) {
            units.push((Occur::Must, area_query));
            continue;
        }
        let Some(word_query) = words_query(
            index,
            std::slice::from_ref(word),
            query_lang,
            (true, WordFields::All),
            highlight_terms,
        ) else {
            continue;
        };
        let occur = if soft { Occur::Should } else { Occur::Must };
        units.push((occur, word_query));
    }
    if units.is_empty() {
        return None;
    }
    if relaxed {
        for unit in &mut units {
            unit.0 = Occur::Should;
        }
    }
    Some(Box::new(BooleanQuery::new(units)))
}

/// A word that names an area (commune, quartier, bassin, postcode) restricts where, and
/// does not rank services that merely carry the place in their name.
fn area_query(index: &SearchIndex, word: &str) -> Option<Box<dyn Query>> {
    let terms = analysis::analyze(index.tantivy(), FOLD, word);
    let [term] = terms.as_slice() else {
        return None;
    };
    if term.chars().count() < 4 {
        return None;
    }
    let fields = index.fields();
    let area_term = Term::from_field_text(fields.area, term);
    let in_areas = index.searcher().doc_freq(&area_term).unwrap_or(0) > 0;
    if !in_areas {
        return None;
    }
    let name_term = Term::from_field_text(fields.name_any, term);
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

fn open_at_query(minute_of_week: u32) -> Box<dyn Query> {
    let predicate = FunctionPredicate::from(move |segment: &SegmentReader| {
        let hours_column = segment.fast_fields().u64("hours")?;
        Ok(move |doc: DocId| hours::contains(hours_column.values_for_doc(doc), minute_of_week))
    });
    Box::new(DocPredicateQuery::from(predicate))
}

/// Filters keeping at least this share of the records are applied to the text's matches
/// (see `post_filter`); narrower ones are clauses that drive the search.
const POST_FILTER_SHARE: f64 = 0.05;

/// The filters of a request: clauses, and the conditions applied to the text's matches
/// when there is a text and the filter is broad.
struct Filters {
    clauses: Vec<(Occur, Box<dyn Query>)>,
    /// Facet dimension and wanted values, with the share of records they keep.
    post: Vec<(&'static str, Vec<String>, f64)>,
}

impl Filters {
    /// A territory or language filter: applied to the text's matches when broad, a clause
    /// otherwise.
    fn push_values(
        &mut self,
        index: &SearchIndex,
        with_text: bool,
        (field, dimension): (Field, &'static str),
        values: Vec<String>,
    ) {
        if values.is_empty() {
            return;
        }
        let share = index.facet_table().share(dimension, &values);
        if with_text && share >= POST_FILTER_SHARE {
            self.post.push((dimension, values, share));
            return;
        }
        self.clauses.push(zero_score(any_term(field, values)));
    }

    /// The text query with the broad filters applied to its matches.
    fn apply_to(&self, index: &SearchIndex, text: Box<dyn Query>) -> Box<dyn Query> {
        if self.post.is_empty() {
            return text;
        }
        let conditions: Vec<(&str, &[String])> = self
            .post
            .iter()
            .map(|(dimension, values, _)| (*dimension, values.as_slice()))
            .collect();
        let share = self.post.iter().map(|(_, _, share)| share).product();
        let filter = index.facet_table().doc_filter(&conditions);
        Box::new(FilteredQuery::new(text, filter, share))
    }
}

fn filter_clauses(index: &SearchIndex, request: &SearchRequest, with_text: bool) -> Filters {
    let fields = index.fields();
    let mut filters = Filters {
        clauses: Vec::new(),
        post: Vec::new(),
    };
    filters.push_values(
        index,
        with_text,
        (fields.language, "language"),
        request.languages.clone(),
    );
    filters.push_values(
        index,
        with_text,
        (fields.commune, "commune"),
        request.communes.clone(),
    );
    let quartiers = request.quartiers.iter().map(u32::to_string).collect();
    filters.push_values(index, with_text, (fields.quartier, "quartier"), quartiers);
    let bassins = request
        .bassins
        .iter()
        .map(|bassin| bassin.slug().to_owned())
        .collect();
    filters.push_values(index, with_text, (fields.bassin, "bassin"), bassins);
    let clauses = &mut filters.clauses;
    if !request.needs.is_empty() {
        clauses.push(zero_score(any_term(
            fields.need,
            request.needs.iter().cloned(),
        )));
    }
    if !request.audiences.is_empty() {
        clauses.push(zero_score(any_term(
            fields.audience,
            request.audiences.iter().cloned(),
        )));
    }
    if !request.qss.is_empty() {
        clauses.push(zero_score(any_term(
            fields.qss,
            request.qss.iter().cloned(),
        )));
    }
    match request.synthetic {
        SyntheticFilter::Include => {}
        SyntheticFilter::Exclude | SyntheticFilter::Only => {
            let wanted = u64::from(request.synthetic == SyntheticFilter::Only);
            let term = Term::from_field_u64(fields.synthetic, wanted);
            clauses.push(zero_score(Box::new(TermQuery::new(
                term,
                IndexRecordOption::Basic,
            ))));
        }
    }
    if let Some(near) = request.near {
        if let Some(radius_m) = near.radius_m {
            clauses.push(zero_score(geo_filter::within_radius(
                index.coordinates(),
                near.lat,
                near.lon,
                radius_m,
            )));
        }
    }
    if let Some(moment) = request.open_at {
        clauses.push(zero_score(open_at_query(moment.minute_of_week())));
    }
    filters
}

/// Builds the query for a request; `relaxed` lets any text unit match instead of all.
pub fn build(index: &SearchIndex, request: &SearchRequest, relaxed: bool) -> BuiltQuery {
    let mut understanding = Understanding {
        relaxed,
        ..Understanding::default()
    };
    let mut highlight_terms = HashMap::new();
    let text = text_query(
        index,
        request,
        relaxed,
        &mut understanding,
        &mut highlight_terms,
    );
    let filters = filter_clauses(index, request, text.is_some());
    let text = text.map(|text| filters.apply_to(index, text));
    let mut clauses = filters.clauses;
    match text {
        Some(text) => clauses.push((Occur::Must, text)),
        None => clauses.push((
            Occur::Must,
            Box::new(BoostQuery::new(Box::new(AllQuery), 0.0)),
        )),
    }
    BuiltQuery {
        query: Box::new(BooleanQuery::new(clauses)),
        understanding,
        highlight_terms,
    }
}
