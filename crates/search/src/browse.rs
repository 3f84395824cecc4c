//! Browsing without words (a widget's "food aid in bassin Sud", a page opened with filters
//! only): no text score to rank by, so the order says how central the need is to each
//! service, then whether it is a first-line service, then its name.
//!
//! The services whose primary need (the need of their own categories) is one of the needs
//! asked come first; among equals, first-line services; then the alphabetical order of the
//! names, fixed at build time in the `name_order` fast field.

use crate::query::any_term;
use crate::schema::Fields;
use tantivy::query::{BooleanQuery, ConstScoreQuery, Occur, Query};
use tantivy::{DocId, Score, SegmentReader};

/// Score of a match whose primary need is one of the needs asked.
const PRIMARY: Score = 1.0;
/// One tier of the order is worth more than any name position.
const TIER: f64 = 1.0e9;

/// The filters, with a constant score for the records whose primary need was asked.
pub fn query(fields: &Fields, filters: Box<dyn Query>, needs: &[String]) -> Box<dyn Query> {
    if needs.is_empty() {
        return filters;
    }
    let primary = ConstScoreQuery::new(
        any_term(fields.need_primary, needs.iter().cloned()),
        PRIMARY,
    );
    Box::new(BooleanQuery::new(vec![
        (Occur::Must, filters),
        (Occur::Should, Box::new(primary)),
    ]))
}

/// The order of one segment's matches: primary need, first line, name.
pub fn order(segment: &SegmentReader) -> impl Fn(DocId, Score) -> f64 {
    let fast = segment.fast_fields();
    let first_line = fast.u64("first_line").ok();
    let name_order = fast.u64("name_order").ok();
    move |doc: DocId, score: Score| -> f64 {
        let primary = f64::from(u8::from(score >= PRIMARY));
        let first_line = first_line
            .as_ref()
            .and_then(|column| column.first(doc))
            .unwrap_or(0);
        let name = name_order
            .as_ref()
            .and_then(|column| column.first(doc))
            .unwrap_or(u64::MAX >> 12);
        (2.0 * primary + first_line as f64) * TIER - name as f64
    }
}
