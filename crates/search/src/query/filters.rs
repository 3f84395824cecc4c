//! The filters of a request: zero-score clauses, or conditions on the text's matches when
//! the filter is broad.

use super::{any_term, zero_score};
use crate::geo_filter;
use crate::hours;
use crate::index::SearchIndex;
use crate::post_filter::FilteredQuery;
use crate::request::{SearchRequest, SyntheticFilter};
use tantivy::query::doc_predicate_query::{DocPredicateQuery, FunctionPredicate};
use tantivy::query::{Occur, Query, TermQuery};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{DocId, SegmentReader, Term};

/// Records open at `minute_of_week` (minutes since Monday 00:00).
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
pub(super) struct Filters {
    /// Zero-score clauses.
    pub clauses: Vec<(Occur, Box<dyn Query>)>,
    /// The conditions applied to the text's matches.
    post: Vec<PostCondition>,
}

/// A broad filter applied to the text's matches.
struct PostCondition {
    /// The facet dimension.
    dimension: &'static str,
    /// The wanted values.
    values: Vec<String>,
    /// The share of records they keep.
    share: f64,
}

/// Where a territory or language filter looks: its indexed field and its facet dimension.
#[derive(Clone, Copy)]
struct FilterTarget {
    /// The indexed field (for a clause).
    field: Field,
    /// The facet dimension (for a condition on the text's matches).
    dimension: &'static str,
}

impl Filters {
    /// A territory or language filter: applied to the text's matches when broad, a clause
    /// otherwise.
    fn push_values(
        &mut self,
        index: &SearchIndex,
        with_text: bool,
        target: FilterTarget,
        values: Vec<String>,
    ) {
        if values.is_empty() {
            return;
        }
        let FilterTarget { field, dimension } = target;
        let share = index.facet_table().share(dimension, &values);
        if with_text && share >= POST_FILTER_SHARE {
            self.post.push(PostCondition {
                dimension,
                values,
                share,
            });
            return;
        }
        self.clauses.push(zero_score(any_term(field, values)));
    }

    /// The text query with the broad filters applied to its matches.
    pub(super) fn apply_to(&self, index: &SearchIndex, text: Box<dyn Query>) -> Box<dyn Query> {
        if self.post.is_empty() {
            return text;
        }
        let conditions: Vec<(&str, &[String])> = self
            .post
            .iter()
            .map(|condition| (condition.dimension, condition.values.as_slice()))
            .collect();
        let share = self.post.iter().map(|condition| condition.share).product();
        let filter = index.facet_table().doc_filter(&conditions);
        Box::new(FilteredQuery::new(text, filter, share))
    }
}

/// The territory and language filters, each a clause or a condition on the text's matches.
fn territory_and_language(
    index: &SearchIndex,
    request: &SearchRequest,
    with_text: bool,
) -> Filters {
    let fields = index.fields();
    let mut filters = Filters {
        clauses: Vec::new(),
        post: Vec::new(),
    };
    let target = |field, dimension| FilterTarget { field, dimension };
    filters.push_values(
        index,
        with_text,
        target(fields.language, "language"),
        request.languages.clone(),
    );
    filters.push_values(
        index,
        with_text,
        target(fields.commune, "commune"),
        request.communes.clone(),
    );
    let quartiers = request.quartiers.iter().map(u32::to_string).collect();
    filters.push_values(
        index,
        with_text,
        target(fields.quartier, "quartier"),
        quartiers,
    );
    let bassins = request
        .bassins
        .iter()
        .map(|bassin| bassin.slug().to_owned())
        .collect();
    filters.push_values(index, with_text, target(fields.bassin, "bassin"), bassins);
    filters
}

/// The need, audience and quartier social-santé filters.
fn tag_clauses(
    index: &SearchIndex,
    request: &SearchRequest,
    clauses: &mut Vec<(Occur, Box<dyn Query>)>,
) {
    let fields = index.fields();
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
}

/// The synthetic-records, radius and open-at filters.
fn other_clauses(
    index: &SearchIndex,
    request: &SearchRequest,
    clauses: &mut Vec<(Occur, Box<dyn Query>)>,
) {
    let fields = index.fields();
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
    if let Some(residence) = &request.serves {
        clauses.push(zero_score(crate::serves::filter(fields.serves, residence)));
    }
    if let Some(moment) = request.open_at {
        clauses.push(zero_score(open_at_query(moment.minute_of_week())));
    }
}

/// All the filters of a request; broad territory and language filters under a text apply to
/// its matches.
pub(super) fn filter_clauses(
    index: &SearchIndex,
    request: &SearchRequest,
    with_text: bool,
) -> Filters {
    let mut filters = territory_and_language(index, request, with_text);
    tag_clauses(index, request, &mut filters.clauses);
    other_clauses(index, request, &mut filters.clauses);
    filters
}
